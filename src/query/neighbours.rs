//! Neighbourhoods: what is linked to an entity, up to a number of hops.

use super::Topology;
use super::filter::Walk;
use crate::model::Kind;
use petgraph::graph::{EdgeIndex, NodeIndex};
use rustc_hash::FxHashMap as HashMap;

/// A fact that links the neighbourhood one hop further out: `from` (at `depth - 1`) to `to`
/// (first reached at `depth`) along `edge`, walked subject → object when `forward`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link<N = NodeIndex, E = EdgeIndex> {
    pub edge: E,
    pub forward: bool,
    pub from: N,
    pub to: N,
    pub depth: usize,
}

/// The facts that link `start` to every entity within `depth` hops, breadth first: each
/// fact from a node at distance d - 1 to one first reached at distance d. Only entities of
/// the given kinds are entered (all kinds when `kinds` is empty).
///
/// A large depth on a well-connected graph returns most of it: the result is bounded by
/// the number of facts, and the search stops at the first depth that reaches nothing new.
///
/// # Complexity
/// O(V + E log Δ) time and O(V) memory at most.
pub fn neighbours<T: Topology>(
    graph: &T,
    start: T::Node,
    walk: &Walk<T::Node>,
    depth: usize,
    kinds: &[Kind],
) -> Vec<Link<T::Node, T::Edge>> {
    let mut reached: HashMap<T::Node, usize> = HashMap::from_iter([(start, 0)]);
    let mut frontier = vec![start];
    let mut links = Vec::new();
    for d in 1..=depth {
        let mut next = Vec::new();
        for &from in &frontier {
            for h in graph.hops(walk, from) {
                if !kinds.is_empty() && !kinds.contains(&graph.kind(h.to)) {
                    continue;
                }
                let first = *reached.entry(h.to).or_insert_with(|| {
                    next.push(h.to);
                    d
                });
                if first == d {
                    links.push(Link {
                        edge: h.edge,
                        forward: h.forward,
                        from,
                        to: h.to,
                        depth: d,
                    });
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Fact, GraphFile, KnowledgeGraph, Relation};
    use crate::query::Towards;

    /// `zoo -sent-> yak`, `zoo -sent-> bear`, `boss -leads-> zoo`, `zoo -located-in-> city`,
    /// `city -located-in-> land`
    fn graph() -> KnowledgeGraph {
        let e = |id: &str, k| Entity::new(id, id, k);
        KnowledgeGraph::from_file(GraphFile {
            entities: vec![
                e("zoo", Kind::Institution),
                e("yak", Kind::Animal),
                e("bear", Kind::Animal),
                e("boss", Kind::Person),
                e("city", Kind::Place),
                e("land", Kind::Country),
            ],
            facts: vec![
                Fact::new("zoo", Relation::Sent, "yak"),
                Fact::new("zoo", Relation::Sent, "bear"),
                Fact::new("boss", Relation::Leads, "zoo"),
                Fact::new("zoo", Relation::LocatedIn, "city"),
                Fact::new("city", Relation::LocatedIn, "land"),
            ],
            ..GraphFile::default()
        })
        .unwrap()
    }

    fn ids(g: &KnowledgeGraph, links: &[Link]) -> Vec<(String, usize)> {
        links
            .iter()
            .map(|l| (g.entity(l.to).id.clone(), l.depth))
            .collect()
    }

    #[test]
    fn one_hop_lists_every_fact() {
        let g = graph();
        let links = neighbours(&g, g.node("zoo").unwrap(), &Walk::default(), 1, &[]);
        assert_eq!(
            ids(&g, &links),
            [
                ("yak".into(), 1),
                ("bear".into(), 1),
                ("boss".into(), 1),
                ("city".into(), 1)
            ]
        );
    }

    #[test]
    fn depth_direction_kind_and_relation() {
        let g = graph();
        let zoo = g.node("zoo").unwrap();
        let links = neighbours(&g, zoo, &Walk::default(), 2, &[]);
        assert_eq!(
            links.last().map(|l| (g.entity(l.to).id.as_str(), l.depth)),
            Some(("land", 2))
        );
        let walk = Walk {
            towards: Towards::In,
            ..Walk::default()
        };
        assert_eq!(
            ids(&g, &neighbours(&g, zoo, &walk, 3, &[])),
            [("boss".into(), 1)]
        );
        assert_eq!(
            ids(
                &g,
                &neighbours(&g, zoo, &Walk::default(), 2, &[Kind::Person])
            ),
            [("boss".into(), 1)]
        );
        let walk = Walk {
            via: vec![Relation::LocatedIn],
            ..Walk::default()
        };
        assert_eq!(
            ids(&g, &neighbours(&g, zoo, &walk, 5, &[])),
            [("city".into(), 1), ("land".into(), 2)]
        );
        assert!(neighbours(&g, zoo, &Walk::default(), 0, &[]).is_empty());
    }
}
