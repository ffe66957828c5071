//! Paths between two entities: the shortest, the k shortest, and all simple paths up to a
//! length.
//!
//! Searches walk facts either way unless [`Walk::towards`] says otherwise; every step keeps the
//! fact's real direction so it can be printed as it was stated.

use super::filter::{Hop, Walk};
use crate::model::KnowledgeGraph;
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::collections::{HashMap, VecDeque};

/// One step of a path: the fact followed and whether it was walked subject → object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub edge: EdgeIndex,
    pub forward: bool,
}

/// A chain of facts from `start`; each step leaves the node the previous one reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    pub start: NodeIndex,
    pub steps: Vec<Step>,
}

impl Path {
    /// The nodes the path visits, `start` first.
    pub fn nodes(&self, graph: &KnowledgeGraph) -> Vec<NodeIndex> {
        let mut nodes = vec![self.start];
        for s in &self.steps {
            let (subj, obj) = graph.endpoints(s.edge);
            nodes.push(if s.forward { obj } else { subj });
        }
        nodes
    }

    /// The number of facts on the path.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    fn from_hops(start: NodeIndex, hops: &[Hop]) -> Self {
        Path {
            start,
            steps: hops
                .iter()
                .map(|h| Step {
                    edge: h.edge,
                    forward: h.forward,
                })
                .collect(),
        }
    }
}

/// The shortest path from `from` to `to` (fewest facts), by breadth-first search. Among
/// equally short paths the one using the earliest facts is chosen, so the answer is
/// deterministic. `from == to` gives a path of no steps.
///
/// # Complexity
/// O(V + E log Δ) time and O(V) memory, Δ the largest degree; stops as soon as `to` is
/// reached.
pub fn shortest(
    graph: &KnowledgeGraph,
    from: NodeIndex,
    to: NodeIndex,
    walk: &Walk,
) -> Option<Path> {
    let mut came: HashMap<NodeIndex, Option<Hop>> = HashMap::from([(from, None)]);
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            let mut hops = Vec::new();
            let mut at = to;
            while let Some(Some(h)) = came.get(&at) {
                hops.push(*h);
                let (s, o) = graph.endpoints(h.edge);
                at = if h.forward { s } else { o };
            }
            hops.reverse();
            return Some(Path::from_hops(from, &hops));
        }
        for h in walk.hops(graph, n) {
            came.entry(h.to).or_insert_with(|| {
                queue.push_back(h.to);
                Some(h)
            });
        }
    }
    None
}

/// The `k` shortest loopless paths, by Yen's algorithm over entities (pathfinding's
/// `yen`); between two consecutive entities the earliest allowed fact is the step.
/// Shortest first.
///
/// # Complexity
/// O(k · V · (V + E)) time in the worst case.
pub fn k_shortest(
    graph: &KnowledgeGraph,
    from: NodeIndex,
    to: NodeIndex,
    walk: &Walk,
    k: usize,
) -> Vec<Path> {
    if from == to {
        return vec![Path {
            start: from,
            steps: Vec::new(),
        }];
    }
    let routes = pathfinding::directed::yen::yen(
        &from,
        |&n| {
            walk.hops(graph, n)
                .into_iter()
                .map(|h| (h.to, 1usize))
                .collect::<Vec<_>>()
        },
        |&n| n == to,
        k,
    );
    routes
        .into_iter()
        .map(|(nodes, _)| {
            let hops: Vec<Hop> = nodes
                .windows(2)
                .map(|w| {
                    walk.hops(graph, w[0])
                        .into_iter()
                        .find(|h| h.to == w[1])
                        .expect("yen only walks allowed hops")
                })
                .collect();
            Path::from_hops(from, &hops)
        })
        .collect()
}

/// What stopped an all-paths search early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// `limit` paths were found; there may be more.
    Limit,
    /// The search took `budget` steps; longer paths were not all explored.
    Budget,
}

/// Every simple path (no entity twice) of at most `max_hops` facts, shortest first, at
/// most `limit` of them, exploring at most `budget` partial paths.
///
/// **The number of simple paths grows exponentially with `max_hops` on a dense graph**:
/// the `limit` and `budget` caps keep the search bounded, and the returned [`Cut`] says
/// when one was hit. Partial paths that can no longer reach `to` within `max_hops` (by a
/// breadth-first distance bound from `to`) are not extended.
///
/// # Complexity
/// O(V + E) for the distance bound, then O(budget · Δ) at most.
pub fn all_simple(
    graph: &KnowledgeGraph,
    from: NodeIndex,
    to: NodeIndex,
    walk: &Walk,
    max_hops: usize,
    limit: usize,
    budget: usize,
) -> (Vec<Path>, Option<Cut>) {
    if from == to {
        return (
            vec![Path {
                start: from,
                steps: Vec::new(),
            }],
            None,
        );
    }
    let dist = distances_to(graph, to, walk, max_hops);
    let mut found = Vec::new();
    // Partial paths in order of length (a breadth-first search over paths, so results come
    // out shortest first), stored as a tree: each one is its last hop and its parent's
    // index, so memory stays proportional to the budget whatever the path length.
    let mut tree: Vec<(usize, Hop, usize)> = Vec::new(); // (parent, hop, length)
    let mut queue: VecDeque<Option<usize>> = VecDeque::from([None]);
    let hops_of = |tree: &[(usize, Hop, usize)], mut at: Option<usize>| {
        let mut hops = Vec::new();
        while let Some(i) = at {
            let (parent, hop, _) = tree[i];
            hops.push(hop);
            at = (parent != usize::MAX).then_some(parent);
        }
        hops.reverse();
        hops
    };
    while let Some(partial) = queue.pop_front() {
        let (at, len) = partial.map_or((from, 0), |i| (tree[i].1.to, tree[i].2));
        let here = hops_of(&tree, partial);
        let on_path = |n: NodeIndex| n == from || here.iter().any(|h| h.to == n);
        for h in walk.hops(graph, at) {
            let Some(&d) = dist.get(&h.to) else { continue };
            if len + 1 + d > max_hops || on_path(h.to) {
                continue;
            }
            if h.to == to {
                let mut hops = here.clone();
                hops.push(h);
                found.push(Path::from_hops(from, &hops));
                if found.len() >= limit {
                    return (found, Some(Cut::Limit));
                }
            } else {
                if tree.len() >= budget {
                    return (found, Some(Cut::Budget));
                }
                tree.push((partial.unwrap_or(usize::MAX), h, len + 1));
                queue.push_back(Some(tree.len() - 1));
            }
        }
    }
    (found, None)
}

/// Hop distances to `to` (walking hops backwards), up to `max` hops.
fn distances_to(
    graph: &KnowledgeGraph,
    to: NodeIndex,
    walk: &Walk,
    max: usize,
) -> HashMap<NodeIndex, usize> {
    // Reaching `to` along a hop x -> y is walking y -> x in the reversed walk.
    let back = walk.reversed();
    let mut dist = HashMap::from([(to, 0usize)]);
    let mut queue = VecDeque::from([to]);
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        if d == max {
            continue;
        }
        for prev in back.hops(graph, n).into_iter().map(|h| h.to) {
            dist.entry(prev).or_insert_with(|| {
                queue.push_back(prev);
                d + 1
            });
        }
    }
    dist
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Fact, GraphFile, Kind, Relation};
    use crate::query::Towards;

    /// ```text
    /// putin -sent-> lion <-received- zoo -located-in-> pyongyang
    ///   \-leads-> russia -cooperates-with-> korea <-located-in- pyongyang
    /// ```
    fn graph() -> KnowledgeGraph {
        let ids = [
            "putin",
            "lion",
            "zoo",
            "pyongyang",
            "russia",
            "korea",
            "island",
        ];
        let facts = [
            ("putin", Relation::Sent, "lion"),
            ("zoo", Relation::Received, "lion"),
            ("zoo", Relation::LocatedIn, "pyongyang"),
            ("putin", Relation::Leads, "russia"),
            ("russia", Relation::CooperatesWith, "korea"),
            ("pyongyang", Relation::LocatedIn, "korea"),
        ];
        KnowledgeGraph::from_file(GraphFile {
            entities: ids
                .iter()
                .map(|i| Entity::new(*i, *i, Kind::Thing))
                .collect(),
            facts: facts
                .iter()
                .map(|(s, r, o)| Fact::new(*s, *r, *o))
                .collect(),
            ..GraphFile::default()
        })
        .unwrap()
    }

    fn names(g: &KnowledgeGraph, p: &Path) -> Vec<String> {
        p.nodes(g).iter().map(|&n| g.entity(n).id.clone()).collect()
    }

    #[test]
    fn shortest_walks_edges_both_ways_and_keeps_direction() {
        let g = graph();
        let (a, b) = (g.node("putin").unwrap(), g.node("zoo").unwrap());
        let p = shortest(&g, a, b, &Walk::default()).unwrap();
        assert_eq!(names(&g, &p), ["putin", "lion", "zoo"]);
        assert_eq!(
            p.steps.iter().map(|s| s.forward).collect::<Vec<_>>(),
            [true, false]
        );
    }

    #[test]
    fn directed_walks_follow_arrows_only() {
        let g = graph();
        let walk = Walk {
            towards: Towards::Out,
            ..Walk::default()
        };
        let (a, b) = (g.node("putin").unwrap(), g.node("zoo").unwrap());
        assert_eq!(shortest(&g, a, b, &walk), None);
        let k = g.node("korea").unwrap();
        assert_eq!(
            names(&g, &shortest(&g, a, k, &walk).unwrap()),
            ["putin", "russia", "korea"]
        );
    }

    #[test]
    fn filters_change_the_route() {
        let g = graph();
        let (a, b) = (g.node("putin").unwrap(), g.node("zoo").unwrap());
        let walk = Walk {
            avoid: vec![Relation::Sent],
            ..Walk::default()
        };
        let p = shortest(&g, a, b, &walk).unwrap();
        assert_eq!(
            names(&g, &p),
            ["putin", "russia", "korea", "pyongyang", "zoo"]
        );
        let walk = Walk {
            avoid_entities: vec![g.node("lion").unwrap()],
            ..Walk::default()
        };
        assert_eq!(shortest(&g, a, b, &walk).unwrap().len(), 4);
        let walk = Walk {
            via: vec![Relation::Sent],
            ..Walk::default()
        };
        assert_eq!(shortest(&g, a, b, &walk), None);
    }

    #[test]
    fn disconnected_and_self() {
        let g = graph();
        let (a, i) = (g.node("putin").unwrap(), g.node("island").unwrap());
        assert_eq!(shortest(&g, a, i, &Walk::default()), None);
        assert!(shortest(&g, a, a, &Walk::default()).unwrap().is_empty());
    }

    #[test]
    fn all_simple_paths_shortest_first_and_capped() {
        let g = graph();
        let (a, b) = (g.node("putin").unwrap(), g.node("zoo").unwrap());
        let (paths, cut) = all_simple(&g, a, b, &Walk::default(), 10, 100, 10_000);
        assert_eq!(paths.iter().map(Path::len).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(cut, None);
        let (paths, cut) = all_simple(&g, a, b, &Walk::default(), 3, 100, 10_000);
        assert_eq!(paths.len(), 1);
        assert_eq!(cut, None);
        let (paths, cut) = all_simple(&g, a, b, &Walk::default(), 10, 1, 10_000);
        assert_eq!((paths.len(), cut), (1, Some(Cut::Limit)));
    }

    #[test]
    fn all_simple_paths_stay_bounded_on_a_dense_graph() {
        // A complete graph on 12 entities has more simple paths than any budget.
        let ids: Vec<String> = (0..12).map(|i| format!("n{i}")).collect();
        let mut facts = Vec::new();
        for a in &ids {
            for b in &ids {
                if a < b {
                    facts.push(Fact::new(a.as_str(), Relation::CooperatesWith, b.as_str()));
                }
            }
        }
        let g = KnowledgeGraph::from_file(GraphFile {
            entities: ids
                .iter()
                .map(|i| Entity::new(i.as_str(), i.as_str(), Kind::Country))
                .collect(),
            facts,
            ..GraphFile::default()
        })
        .unwrap();
        let (a, b) = (g.node("n0").unwrap(), g.node("n11").unwrap());
        let (paths, cut) = all_simple(&g, a, b, &Walk::default(), 1000, usize::MAX, 10_000);
        assert_eq!(cut, Some(Cut::Budget));
        assert!(
            paths.windows(2).all(|w| w[0].len() <= w[1].len()),
            "shortest first"
        );
        assert_eq!(paths[0].len(), 1);
        for p in &paths {
            let nodes = p.nodes(&g);
            let mut unique = nodes.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), nodes.len(), "simple");
        }
    }

    #[test]
    fn k_shortest_gives_paths_in_order() {
        let g = graph();
        let (a, b) = (g.node("putin").unwrap(), g.node("zoo").unwrap());
        let paths = k_shortest(&g, a, b, &Walk::default(), 3);
        assert_eq!(paths.iter().map(Path::len).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(
            names(&g, &paths[1]),
            ["putin", "russia", "korea", "pyongyang", "zoo"]
        );
    }
}
