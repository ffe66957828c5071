//! One module per subcommand; each takes its parsed arguments and a [`Ctx`] (queries) or a
//! [`WriteCtx`] (commands that write the knowledge base), checks what the arguments name,
//! then does its work. [`select`] turns the selection options `kg dot` and `kg html` share
//! into a subgraph.

pub mod add;
pub mod bounds;
pub mod build;
pub mod compact;
pub mod completions;
pub mod dot;
pub mod duplicates;
pub mod entities;
pub mod eval;
pub mod explain;
pub mod export;
pub mod extract;
pub mod facts;
pub mod focus;
pub mod html;
pub mod init;
pub mod man;
pub mod merge;
pub mod neighbours;
pub mod path;
pub mod rebuild;
pub mod remove;
pub mod show;
pub mod sources;
pub mod split;
pub mod stats;

use crate::cli::SelectArgs;
use crate::error::Error;
use crate::model::{KnowledgeGraph, Subgraph};
use crate::print::Style;
use crate::query::paths::shortest;
use crate::query::{Selection, Walk, resolve};
use std::io::Write;
use std::path::Path;

/// What a command works with: the graph, how to style text, and where to write. The
/// commands written against [`crate::query::Read`] (`path`, `explain`, `show`,
/// `neighbours`) take any graph `G`; the others the in-memory graph.
pub struct Ctx<'a, G: ?Sized = KnowledgeGraph> {
    pub graph: &'a G,
    /// The graph file, when the graph is not the embedded one.
    pub base: Option<&'a Path>,
    pub style: Style,
    /// The columns text listings fit (see [`crate::print::width::columns`]); `None`: no
    /// limit.
    pub width: Option<usize>,
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

/// The part of the graph that `--around`, `--path`, `--relation` and `--kind` select (for
/// `kg dot`, `kg export` and `kg html`). The inner `Err` is the outcome to end with when `--path`
/// finds no path.
pub fn select(graph: &KnowledgeGraph, a: &SelectArgs) -> Result<Result<Subgraph, Outcome>, Error> {
    let sel = Selection {
        relations: a.relation.clone(),
        kinds: a.kind.clone(),
    };
    if let Some(center) = &a.around {
        return Ok(Ok(sel.around(graph, resolve(graph, center)?, a.depth)));
    }
    if let Some([from, to]) = a.path.as_deref() {
        let (from, to) = (resolve(graph, from)?, resolve(graph, to)?);
        let walk = Walk {
            via: a.relation.clone(),
            ..Walk::default()
        };
        return Ok(match shortest(graph, from, to, &walk) {
            Some(p) => Ok(sel.path(graph, &p)),
            None => Err(Outcome::Nothing(format!(
                "no path from {} to {}",
                graph.entity(from).name,
                graph.entity(to).name
            ))),
        });
    }
    Ok(Ok(sel.everything(graph)))
}
