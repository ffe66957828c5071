//! One module per subcommand; each takes its parsed arguments and a [`Ctx`] (queries) or a
//! [`WriteCtx`] (commands that write the knowledge base), checks what the arguments name,
//! then does its work.

pub mod add;
pub mod dot;
pub mod duplicates;
pub mod entities;
pub mod facts;
pub mod init;
pub mod merge;
pub mod neighbours;
pub mod path;
pub mod rebuild;
pub mod remove;
pub mod show;
pub mod sources;
pub mod split;
pub mod stats;

use crate::model::KnowledgeGraph;
use crate::print::Style;
use std::io::Write;
use std::path::Path;

/// What a command works with: the graph, how to style text, and where to write.
pub struct Ctx<'a> {
    pub graph: &'a KnowledgeGraph,
    /// The graph file, when the graph is not the embedded one.
    pub base: Option<&'a Path>,
    pub style: Style,
    pub out: &'a mut dyn Write,
    /// Notes for the user that are not the answer (truncation, hints): printed on stderr.
    pub notes: Vec<String>,
}

/// What a write command works with: the knowledge base file and where to write.
pub struct WriteCtx<'a> {
    pub base: &'a Path,
    pub out: &'a mut dyn Write,
    /// Notes for stderr.
    pub notes: Vec<String>,
}

/// How a command ended, when it did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It printed its answer.
    Done,
    /// It found nothing (no path, no match); the message says what.
    Nothing(String),
}
