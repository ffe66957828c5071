//! One module per subcommand; each takes its parsed arguments and a [`Ctx`], checks what
//! the arguments name against the graph, then does its work.

pub mod dot;
pub mod entities;
pub mod export;
pub mod facts;
pub mod neighbours;
pub mod path;
pub mod selection;
pub mod show;
pub mod stats;

use crate::model::KnowledgeGraph;
use crate::print::Style;
use std::io::Write;

/// What a command works with: the graph, how to style text, and where to write.
pub struct Ctx<'a> {
    pub graph: &'a KnowledgeGraph,
    pub style: Style,
    pub out: &'a mut dyn Write,
    /// Notes for the user that are not the answer (truncation, hints): printed on stderr.
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
