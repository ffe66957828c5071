//! How much of a graph `kg dot` and `kg html` draw: `--limit N` keeps the N
//! best-connected entities ([`best_connected`]), and a selection too large to draw stops
//! the command at once with a hint ([`check`]) instead of running for minutes.
//!
//! The bounds were measured with Graphviz 2.43 on synthetic bases (`examples/kg_gen`, about
//! five facts per entity): `dot -Tsvg` took 0.8 s for 300 facts, 6 s for 500, over a
//! minute for 700 and over two for 1,000 (`kg html` with Graphviz: 272 s for 1,000). kg's
//! own force layout places 3,000 facts in 0.07 s; the page stays responsive in Chromium
//! up to a few thousand drawn facts.

use crate::error::Error;
use crate::model::{KnowledgeGraph, Subgraph};
use crate::print::text::counted;
use petgraph::graph::NodeIndex;
use rustc_hash::FxHashMap;

/// The most facts `kg dot` writes for drawing (Graphviz `dot` takes seconds at 500, minutes
/// beyond).
pub const DOT_MAX_FACTS: usize = 500;

/// The most facts `kg html` lays out with Graphviz under `--layout auto`; above, kg's own
/// force layout.
pub const GRAPHVIZ_MAX_FACTS: usize = 500;

/// The most facts one HTML page draws.
pub const PAGE_MAX_FACTS: usize = 5000;

/// The `limit` entities of `sub` with the most facts in it (ties by name), and the facts
/// among them.
///
/// # Complexity
/// O(E + V log V) for the subgraph's V entities and E facts.
pub fn best_connected(graph: &KnowledgeGraph, sub: &Subgraph, limit: usize) -> Subgraph {
    let mut degree: FxHashMap<NodeIndex, usize> = sub.nodes.iter().map(|&n| (n, 0)).collect();
    for &e in &sub.edges {
        let (s, o) = graph.endpoints(e);
        for n in [s, o] {
            *degree.entry(n).or_default() += 1;
        }
    }
    let mut nodes = sub.nodes.clone();
    nodes.sort_by(|&a, &b| {
        degree[&b]
            .cmp(&degree[&a])
            .then_with(|| graph.entity(a).name.cmp(&graph.entity(b).name))
    });
    nodes.truncate(limit);
    nodes.sort();
    let kept = |n: NodeIndex| nodes.binary_search(&n).is_ok();
    let edges = sub
        .edges
        .iter()
        .copied()
        .filter(|&e| {
            let (s, o) = graph.endpoints(e);
            kept(s) && kept(o)
        })
        .collect();
    Subgraph { nodes, edges }
}

/// Stops `command` (`"kg dot"`, `"kg html"`) when `sub` holds more than `max` facts,
/// with what would keep it drawable (a smaller `--limit` when one was given). `also` ends
/// the hint (another way to get them all).
pub fn check(
    command: &str,
    sub: &Subgraph,
    max: usize,
    limit: Option<usize>,
    also: &str,
) -> Result<(), Error> {
    if sub.edges.len() <= max {
        return Ok(());
    }
    let choose = match limit {
        None => "choose a part with --around NAME, --relation REL, --kind KIND or --limit N (the N best-connected entities)".to_string(),
        Some(n) => format!("choose a --limit below {n}, or a part with --around NAME, --relation REL or --kind KIND"),
    };
    Err(Error::Usage(format!(
        "{} and {} are too many for {command} to draw (at most {}): {choose}{also}",
        counted(sub.edges.len(), "fact"),
        counted(sub.nodes.len(), "entity"),
        counted(max, "fact"),
    )))
}

/// `--limit` applied to a selection: what `kg dot` and `kg html` draw, with a note of what
/// was left out.
pub fn limited(
    graph: &KnowledgeGraph,
    sub: Subgraph,
    limit: Option<usize>,
    notes: &mut Vec<String>,
) -> Subgraph {
    let Some(limit) = limit else { return sub };
    let kept = best_connected(graph, &sub, limit);
    if kept.nodes.len() < sub.nodes.len() {
        let n = kept.nodes.len();
        notes.push(format!(
            "drew the {n} best-connected {} and the {} among them; left out {} and {}",
            if n == 1 { "entity" } else { "entities" },
            counted(kept.edges.len(), "fact"),
            counted(sub.nodes.len() - kept.nodes.len(), "entity"),
            counted(sub.edges.len() - kept.edges.len(), "fact"),
        ));
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::from_json;

    #[test]
    fn keeps_the_best_connected_and_the_facts_among_them() {
        let g = from_json(
            r#"{"version": 1, "entities": [
                {"id": "a", "name": "A", "kind": "person"},
                {"id": "b", "name": "B", "kind": "person"},
                {"id": "c", "name": "C", "kind": "person"},
                {"id": "d", "name": "D", "kind": "person"}],
              "facts": [
                {"subject": "a", "relation": "leads", "object": "b"},
                {"subject": "a", "relation": "leads", "object": "c"},
                {"subject": "b", "relation": "leads", "object": "c"},
                {"subject": "a", "relation": "leads", "object": "d"}]}"#,
        )
        .unwrap();
        let kept = best_connected(&g, &Subgraph::whole(&g), 2);
        let names: Vec<&str> = kept
            .nodes
            .iter()
            .map(|&n| g.entity(n).name.as_str())
            .collect();
        assert_eq!(names.len(), 2);
        assert!(names.contains(&"A"), "{names:?}");
        assert_eq!(kept.edges.len(), 1);
        assert!(check("kg dot", &kept, 1, Some(2), "").is_ok());
        let whole = Subgraph::whole(&g);
        assert_eq!(
            check("kg dot", &whole, 3, None, "")
                .unwrap_err()
                .to_string(),
            "4 facts and 4 entities are too many for kg dot to draw (at most 3 facts): choose a part with --around NAME, --relation REL, --kind KIND or --limit N (the N best-connected entities)"
        );
        assert_eq!(
            check("kg dot", &whole, 3, Some(4), "")
                .unwrap_err()
                .to_string(),
            "4 facts and 4 entities are too many for kg dot to draw (at most 3 facts): choose a --limit below 4, or a part with --around NAME, --relation REL or --kind KIND"
        );
    }
}
