//! The part of a snapshot (or of a snapshot with a journal on top: any [`View`]) that
//! `kg dot`, `kg export` and `kg html` write with `--around` or `--path`, decoded into a
//! graph on which the command then runs unchanged: the exporters write an in-memory
//! graph. The read commands (`path`, `explain`, `show`, `neighbours`) need no part: they
//! run on the snapshot itself through [`crate::query::Read`].

use crate::cli::{Command, SelectArgs};
use crate::error::Error;
use crate::model::KnowledgeGraph;
use crate::query::paths::shortest;
use crate::query::{Walk, neighbours};
use crate::store::snapshot::View;

/// The selection a command writes, when it selects a part a snapshot can find (`dot`,
/// `export` and `html` with `--around` or `--path`).
pub fn selection_of(command: &Command) -> Option<&SelectArgs> {
    let a = match command {
        Command::Dot(a) => &a.select,
        Command::Export(a) => &a.select,
        Command::Html(a) => &a.select,
        _ => return None,
    };
    (a.around.is_some() || a.path.is_some()).then_some(a)
}

/// The part of the snapshot's graph a selection with `--around` or `--path` reads.
///
/// # Complexity
/// A bidirectional search for a path or a breadth-first search for a neighbourhood on the
/// snapshot, plus decoding the part found.
pub fn part(snap: &impl View, a: &SelectArgs) -> Result<KnowledgeGraph, Error> {
    let walk = Walk {
        via: a.relation.clone(),
        ..Walk::default()
    };
    if let Some([from, to]) = a.path.as_deref() {
        let (from, to) = (snap.resolve(from)?, snap.resolve(to)?);
        let facts: Vec<u32> = shortest(snap, from, to, &walk)
            .map(|p| p.steps.iter().map(|s| s.edge).collect())
            .unwrap_or_default();
        return Ok(snap.subgraph(&[from, to], &facts));
    }
    let center = snap.resolve(a.around.as_deref().unwrap_or_default())?;
    let links = neighbours(snap, center, &walk, a.depth, &a.kind);
    let mut nodes: Vec<u32> = links.iter().map(|l| l.to).collect();
    nodes.push(center);
    nodes.sort_unstable();
    nodes.dedup();
    let facts: Vec<u32> = nodes
        .iter()
        .flat_map(|&n| snap.facts_into(n, &nodes))
        .collect();
    Ok(snap.subgraph(&nodes, &facts))
}
