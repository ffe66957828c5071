//! The part of a snapshot (or of a snapshot with a journal on top: any [`View`]) a query
//! command reads, decoded into a graph on which the
//! command then runs unchanged: names resolve, searches run on the memory-mapped
//! snapshot, and only the entities and facts of the answer (with what the command needs
//! around them) are decoded. The command's own search then sees a graph small enough to
//! be instant, and answers as it would on the whole graph. A long text listing
//! (`kg neighbours`) is printed straight from the snapshot instead, into a buffer that is
//! written only when no damage was found.

use crate::cli::{Command, NeighboursArgs, PathArgs, SelectArgs};
use crate::error::Error;
use crate::model::KnowledgeGraph;
use crate::print::{Format, Style};
use crate::query::paths::{distances, k_shortest, shortest};
use crate::query::{Walk, neighbours};
use crate::store::snapshot::View;

/// What a snapshot gives a command.
pub enum Answer {
    /// The part of the graph the command reads: run the command on it.
    Part(KnowledgeGraph),
    /// The command's whole output, and how it ended.
    Printed(Vec<u8>, super::Outcome),
}

/// The snapshot's answer to `command` (one that [`reads_part`]).
pub fn answer(snap: &impl View, command: &Command, style: &Style) -> Result<Answer, Error> {
    match command {
        Command::Neighbours(a) if a.format.format == Format::Text => {
            let center = snap.resolve(&a.entity)?;
            let mut out = Vec::new();
            let outcome = super::neighbours::answer_text(&mut out, style, snap, center, a)?;
            Ok(Answer::Printed(out, outcome))
        }
        _ => part(snap, command).map(Answer::Part),
    }
}

/// True when `command` reads a part of the graph a snapshot can find: `path`,
/// `neighbours`, `show`, and `dot`, `export` and `html` with `--around` or `--path`.
pub fn reads_part(command: &Command) -> bool {
    match command {
        Command::Path(_) | Command::Neighbours(_) | Command::Show(_) => true,
        Command::Dot(a) => selects_part(&a.select),
        Command::Export(a) => selects_part(&a.select),
        Command::Html(a) => selects_part(&a.select),
        _ => false,
    }
}

fn selects_part(a: &SelectArgs) -> bool {
    a.around.is_some() || a.path.is_some()
}

/// The part of the snapshot's graph `command` reads (see [`reads_part`]).
///
/// # Complexity
/// What the command's search costs on the snapshot (a bidirectional search for a path, a
/// breadth-first search for a neighbourhood), plus decoding the part found.
pub fn part(snap: &impl View, command: &Command) -> Result<KnowledgeGraph, Error> {
    match command {
        Command::Path(a) => path(snap, a),
        Command::Neighbours(a) => neighbourhood(snap, a),
        Command::Show(a) => {
            let n = snap.resolve(&a.entity)?;
            let mut facts = snap.facts_of(n, true);
            facts.extend(snap.facts_of(n, false));
            Ok(snap.subgraph(&[n], &facts))
        }
        Command::Dot(a) => selection(snap, &a.select),
        Command::Export(a) => selection(snap, &a.select),
        Command::Html(a) => selection(snap, &a.select),
        _ => unreachable!("reads_part says which commands come here"),
    }
}

fn path(snap: &impl View, a: &PathArgs) -> Result<KnowledgeGraph, Error> {
    let from = snap.resolve(&a.from)?;
    let to = snap.resolve(&a.to)?;
    let mut keep = vec![from, to];
    for name in &a.avoid_entity {
        keep.push(snap.resolve(name)?);
    }
    // An avoided end is the command's usage error to report; here it is just kept.
    let avoid = keep[2..]
        .iter()
        .copied()
        .filter(|&n| n != from && n != to)
        .collect();
    let walk = super::path::walk(a, avoid);
    if a.all {
        let (nodes, facts, _) = ball(snap, from, to, &walk, a.max_hops);
        keep.extend(nodes);
        return Ok(snap.subgraph(&keep, &facts));
    }
    if let Some(k) = a.k {
        return Ok(k_ball(snap, from, to, &walk, k as usize, &keep));
    }
    let facts: Vec<u32> = shortest(snap, from, to, &walk)
        .map(|p| p.steps.iter().map(|s| s.edge).collect())
        .unwrap_or_default();
    Ok(snap.subgraph(&keep, &facts))
}

/// The entities on some walk from `from` to `to` of at most `limit` facts (those whose
/// distances from `from` and to `to` add up to at most `limit`) and every fact among
/// them; and whether that is all the two ends can reach (a larger limit adds nothing).
///
/// # Complexity
/// Two breadth-first searches of depth `limit`: O(V + E log Δ) at most.
fn ball(
    snap: &impl View,
    from: u32,
    to: u32,
    walk: &Walk<u32>,
    limit: usize,
) -> (Vec<u32>, Vec<u32>, bool) {
    let ahead = distances(snap, from, walk, limit);
    let behind = distances(snap, to, &walk.reversed(), limit);
    let common = ahead.keys().filter(|n| behind.contains_key(n)).count();
    let mut nodes: Vec<u32> = ahead
        .iter()
        .filter(|(n, d)| behind.get(n).is_some_and(|e| **d + e <= limit))
        .map(|(n, _)| *n)
        .collect();
    nodes.sort_unstable();
    let exhausted = ahead.values().all(|&d| d < limit) && behind.values().all(|&d| d < limit);
    let facts = nodes
        .iter()
        .flat_map(|&n| snap.facts_into(n, &nodes))
        .collect();
    let complete = exhausted && nodes.len() == common;
    (nodes, facts, complete)
}

/// The smallest ball (see [`ball`]) whose k shortest paths are the whole graph's: one
/// where the k-th shortest path found is no longer than the ball's limit (every path that
/// short lies inside it), or one that holds all the two ends can reach.
fn k_ball(
    snap: &impl View,
    from: u32,
    to: u32,
    walk: &Walk<u32>,
    k: usize,
    keep: &[u32],
) -> KnowledgeGraph {
    let Some(first) = shortest(snap, from, to, walk) else {
        return snap.subgraph(keep, &[]);
    };
    let mut limit = first.len().max(1);
    loop {
        let (mut nodes, facts, complete) = ball(snap, from, to, walk, limit);
        nodes.extend_from_slice(keep);
        let g = snap.subgraph(&nodes, &facts);
        let node = |n: u32| g.node(snap.id(n));
        let (Some(f), Some(t)) = (node(from), node(to)) else {
            return g; // damaged: the caller sees the damage and rebuilds
        };
        let inner = walk.map(|&n| node(n).unwrap_or(f));
        let paths = k_shortest(&g, f, t, &inner, k);
        let enough = paths.len() >= k && paths.last().is_some_and(|p| p.len() <= limit);
        if enough || complete || snap.damage().is_some() {
            return g;
        }
        limit += 1;
    }
}

fn neighbourhood(snap: &impl View, a: &NeighboursArgs) -> Result<KnowledgeGraph, Error> {
    let center = snap.resolve(&a.entity)?;
    let links = neighbours(snap, center, &super::neighbours::walk(a), a.depth, &a.kind);
    let facts: Vec<u32> = links.iter().map(|l| l.edge).collect();
    Ok(snap.subgraph(&[center], &facts))
}

fn selection(snap: &impl View, a: &SelectArgs) -> Result<KnowledgeGraph, Error> {
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
