//! Paths between two entities: the shortest, the k shortest, and all simple paths up to a
//! length.
//!
//! Searches walk facts either way unless [`Walk::towards`] says otherwise; every step keeps the
//! fact's real direction so it can be printed as it was stated. They run on any
//! [`Topology`]: the in-memory graph or a memory-mapped snapshot.

use super::Topology;
use super::filter::{Hop, Walk};
use petgraph::graph::{EdgeIndex, NodeIndex};
use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;

/// One step of a path: the fact followed and whether it was walked subject → object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step<E = EdgeIndex> {
    pub edge: E,
    pub forward: bool,
}

/// A chain of facts from `start`; each step leaves the node the previous one reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path<N = NodeIndex, E = EdgeIndex> {
    pub start: N,
    pub steps: Vec<Step<E>>,
}

impl<N: Copy, E: Copy> Path<N, E> {
    /// The nodes the path visits, `start` first.
    pub fn nodes<T: Topology<Node = N, Edge = E>>(&self, graph: &T) -> Vec<N> {
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

    fn from_hops(start: N, hops: &[Hop<N, E>]) -> Self {
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

    fn empty(start: N) -> Self {
        Path {
            start,
            steps: Vec::new(),
        }
    }
}

/// The node a hop came from: the other end of its fact.
fn came_from<T: Topology>(graph: &T, h: &Hop<T::Node, T::Edge>) -> T::Node {
    let (s, o) = graph.endpoints(h.edge);
    if h.forward { s } else { o }
}

/// The shortest path from `from` to `to` (fewest facts), by bidirectional breadth-first
/// search: whole levels are expanded from whichever end has the smaller frontier, and
/// the search stops at the first level where the two meet (every meeting found in that
/// level is a shortest path). The walk's filters apply while searching. Deterministic:
/// the same graph and query give the same path. `from == to` gives a path of no steps.
///
/// # Complexity
/// O(V + E log Δ) time and O(V) memory in the worst case (no path: the smaller side's
/// component is searched whole), Δ the largest degree; on graphs with hubs a connected
/// pair usually touches a small fraction of the graph, about the square root of what a
/// one-sided search would.
pub fn shortest<T: Topology>(
    graph: &T,
    from: T::Node,
    to: T::Node,
    walk: &Walk<T::Node>,
) -> Option<Path<T::Node, T::Edge>> {
    if from == to {
        return Some(Path::empty(from));
    }
    let back = walk.reversed();
    type Seen<T> =
        HashMap<<T as Topology>::Node, Option<Hop<<T as Topology>::Node, <T as Topology>::Edge>>>;
    let mut ahead: Seen<T> = HashMap::from_iter([(from, None)]);
    let mut behind: Seen<T> = HashMap::from_iter([(to, None)]);
    let (mut front, mut rear) = (vec![from], vec![to]);
    while !front.is_empty() && !rear.is_empty() {
        let forward = front.len() <= rear.len();
        let (frontier, seen, other, w) = if forward {
            (&mut front, &mut ahead, &behind, walk)
        } else {
            (&mut rear, &mut behind, &ahead, &back)
        };
        let mut next = Vec::new();
        let mut meet = None;
        'level: for &n in frontier.iter() {
            for h in graph.hops(w, n) {
                if seen.contains_key(&h.to) {
                    continue;
                }
                seen.insert(h.to, Some(h));
                if other.contains_key(&h.to) {
                    meet = Some(h.to);
                    break 'level;
                }
                next.push(h.to);
            }
        }
        if let Some(m) = meet {
            // From `from` to the meeting node: the forward hops, read backwards.
            let mut hops = Vec::new();
            let mut at = m;
            while let Some(Some(h)) = ahead.get(&at) {
                hops.push(*h);
                at = came_from(graph, h);
            }
            hops.reverse();
            // From the meeting node to `to`: the backward hops, each walked the other way.
            let mut at = m;
            while let Some(Some(h)) = behind.get(&at) {
                let prev = came_from(graph, h);
                hops.push(Hop {
                    edge: h.edge,
                    to: prev,
                    forward: !h.forward,
                });
                at = prev;
            }
            return Some(Path::from_hops(from, &hops));
        }
        *frontier = next;
    }
    None
}

/// The `k` shortest loopless paths, by Yen's algorithm over entities (pathfinding's
/// `yen`); between two consecutive entities the earliest allowed fact is the step.
/// Shortest first.
///
/// # Complexity
/// O(k · V · (V + E)) time in the worst case.
pub fn k_shortest<T: Topology>(
    graph: &T,
    from: T::Node,
    to: T::Node,
    walk: &Walk<T::Node>,
    k: usize,
) -> Vec<Path<T::Node, T::Edge>> {
    if from == to {
        return vec![Path::empty(from)];
    }
    let routes = pathfinding::directed::yen::yen(
        &from,
        |&n| {
            graph
                .hops(walk, n)
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
            let hops: Vec<Hop<T::Node, T::Edge>> = nodes
                .windows(2)
                .map(|w| {
                    graph
                        .hops(walk, w[0])
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

/// A path in the graph `T`.
pub type PathOf<T> = Path<<T as Topology>::Node, <T as Topology>::Edge>;

/// A partial path of an all-paths search: (parent index, last hop, length).
type Partial<T> = (
    usize,
    Hop<<T as Topology>::Node, <T as Topology>::Edge>,
    usize,
);

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
pub fn all_simple<T: Topology>(
    graph: &T,
    from: T::Node,
    to: T::Node,
    walk: &Walk<T::Node>,
    max_hops: usize,
    limit: usize,
    budget: usize,
) -> (Vec<PathOf<T>>, Option<Cut>) {
    if from == to {
        return (vec![Path::empty(from)], None);
    }
    let dist = distances(graph, to, &walk.reversed(), max_hops);
    let mut found = Vec::new();
    // Partial paths in order of length (a breadth-first search over paths, so results come
    // out shortest first), stored as a tree: each one is its last hop and its parent's
    // index, so memory stays proportional to the budget whatever the path length.
    let mut tree: Vec<Partial<T>> = Vec::new();
    let mut queue: VecDeque<Option<usize>> = VecDeque::from([None]);
    let hops_of = |tree: &[Partial<T>], mut at: Option<usize>| {
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
        let on_path = |n: T::Node| n == from || here.iter().any(|h| h.to == n);
        for h in graph.hops(walk, at) {
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

/// Hop distances from `start` along `walk`, up to `max` hops. (Distances *to* a node are
/// distances from it along the reversed walk.)
///
/// # Complexity
/// O(V + E log Δ) time, O(V) memory.
pub fn distances<T: Topology>(
    graph: &T,
    start: T::Node,
    walk: &Walk<T::Node>,
    max: usize,
) -> HashMap<T::Node, usize> {
    let mut dist = HashMap::from_iter([(start, 0usize)]);
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        if d == max {
            continue;
        }
        for next in graph.hops(walk, n).into_iter().map(|h| h.to) {
            dist.entry(next).or_insert_with(|| {
                queue.push_back(next);
                d + 1
            });
        }
    }
    dist
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Fact, GraphFile, Kind, KnowledgeGraph, Relation};
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
