//! One module per subcommand; each takes its parsed arguments and a [`Ctx`] (queries) or a
//! [`WriteCtx`] (commands that write the knowledge base), checks what the arguments name,
//! then does its work. [`select`] turns the selection options `kg dot`, `kg export` and
//! `kg html` share into a subgraph, of the in-memory graph or of a snapshot ([`part`]).

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
use crate::query::select::SubgraphOf;
use crate::query::{Read, Selection, Walk};
use crate::store::snapshot::View;
use std::io::Write;
use std::path::Path;

/// What a command works with: the graph, how to style text, and where to write. The
/// commands written against [`crate::query::Read`] (`path`, `explain`, `show`,
/// `neighbours`, `entities`, `facts`, `stats`, `sources`, `duplicates`) take any graph
/// `G`; the others the in-memory graph.
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
    /// `--snapshot` / `KG_SNAPSHOT`, as given (parsed where a snapshot is used).
    pub snapshot: Option<&'a str>,
    pub out: &'a mut dyn Write,
    /// Notes for stderr.
    pub notes: Vec<String>,
}

impl WriteCtx<'_> {
    /// Adds what a write to the knowledge base did to the notes, in words.
    pub fn tell(&mut self, notes: &[crate::kb::Note]) {
        self.notes.extend(crate::print::kb::notes(notes));
    }
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
/// `kg dot`, `kg export` and `kg html`), on any graph: on a snapshot only `--around` and
/// `--path` are asked for (see [`part`]). The inner `Err` is the outcome to end with when
/// `--path` finds no path.
pub fn select<G: Read>(
    graph: &G,
    a: &SelectArgs,
    everything: impl FnOnce(&Selection) -> SubgraphOf<G>,
) -> Result<Result<SubgraphOf<G>, Outcome>, Error> {
    let sel = Selection {
        relations: a.relation.clone(),
        kinds: a.kind.clone(),
    };
    if let Some(center) = &a.around {
        return Ok(Ok(sel.around(graph, graph.resolve(center)?, a.depth)));
    }
    if let Some([from, to]) = a.path.as_deref() {
        let (from, to) = (graph.resolve(from)?, graph.resolve(to)?);
        let walk = Walk {
            via: a.relation.clone(),
            ..Walk::default()
        };
        return Ok(match shortest(graph, from, to, &walk) {
            Some(p) => Ok(sel.path(graph, &p)),
            None => Err(Outcome::Nothing(format!(
                "no path from {} to {}",
                graph.name(from),
                graph.name(to)
            ))),
        });
    }
    Ok(Ok(everything(&sel)))
}

/// The selection of the in-memory graph (see [`select`]).
pub fn select_in(
    graph: &KnowledgeGraph,
    a: &SelectArgs,
) -> Result<Result<Subgraph, Outcome>, Error> {
    select(graph, a, |sel| sel.everything(graph))
}

/// The part of a snapshot that `--around` or `--path` selects, decoded: a graph that is the
/// selection whole, in the whole graph's order; or the outcome to end with when `--path`
/// finds no path. A command then writes all of it, as it would write its selection of the
/// whole graph. `graph` is the snapshot as the query sees it (in a time window, say),
/// `snap` the snapshot the part is decoded from.
///
/// # Complexity
/// The search on the snapshot (a breadth-first search for a neighbourhood, a bidirectional
/// one for a path), then decoding what it found.
pub fn part(
    graph: &impl Read<Node = u32, Edge = u32>,
    snap: &impl View,
    a: &SelectArgs,
) -> Result<Result<KnowledgeGraph, Outcome>, Error> {
    debug_assert!(a.around.is_some() || a.path.is_some());
    let sub = select(graph, a, |_| Subgraph::default())?;
    Ok(sub.map(|sub| snap.subgraph(&sub.nodes, &sub.edges)))
}
