//! [`Read`]: everything a read command asks of a graph (resolve a name, an entity, a
//! fact, the facts at an entity, a source, a degree, on top of the searches' [`Topology`]
//! and the listings' [`Describe`]), so that each command is written once and runs on the
//! in-memory [`KnowledgeGraph`], on a memory-mapped snapshot, or on a snapshot with its
//! journal on top, answering alike on each. [`Windowed`] is any of them seen through a
//! `--since`/`--until` window: facts outside it are left out as they are read.

use super::filter::{Hop, Walk};
use super::names::{NameError, resolve};
use super::time::Window;
use super::topology::{Describe, Topology};
use crate::model::{Entity, Fact, Kind, KnowledgeGraph, Relation, Source};
use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

/// A graph a read command can answer from. Entities and facts are numbered as the graph
/// file orders them, on every implementation: the same query gives the same answer.
pub trait Read: Describe {
    /// The one entity a name (or an id) refers to, as [`resolve`] finds it.
    fn resolve(&self, query: &str) -> Result<Self::Node, NameError>;

    /// An entity's whole record.
    fn entity(&self, n: Self::Node) -> Cow<'_, Entity>;

    /// A fact's whole record.
    fn fact(&self, e: Self::Edge) -> Cow<'_, Fact>;

    /// Every fact out of (`forward`) or into an entity, in fact order.
    fn facts_of(&self, n: Self::Node, forward: bool) -> Vec<Self::Edge>;

    /// How many facts an entity takes part in, either way (a fact from the entity to
    /// itself once).
    fn degree(&self, n: Self::Node) -> usize {
        let into = self.facts_of(n, false);
        let loops = into
            .iter()
            .filter(|&&e| self.endpoints(e) == (n, n))
            .count();
        self.facts_of(n, true).len() + into.len() - loops
    }

    /// The source (article) with this id, if the graph has it.
    fn source(&self, id: &str) -> Option<Cow<'_, Source>>;

    /// Every entity, in graph order.
    fn all_nodes(&self) -> Vec<Self::Node>;

    /// Every fact, in graph order.
    fn all_edges(&self) -> Vec<Self::Edge>;

    /// How many sources (articles) the graph has.
    fn source_count(&self) -> usize;

    /// Every source (article), in graph order.
    fn all_sources(&self) -> Vec<Cow<'_, Source>>;

    /// The ids of the sources a fact is stated in (its own and those of its further
    /// provenances), in order, without repeats: [`Fact::sources`].
    fn sources_of(&self, e: Self::Edge) -> Vec<String> {
        self.fact(e).sources()
    }

    /// What was found damaged while reading, if anything: answers computed after damage
    /// was found are not to be used. An in-memory graph is never damaged.
    fn damage(&self) -> Option<String> {
        None
    }
}

impl Read for KnowledgeGraph {
    fn resolve(&self, query: &str) -> Result<NodeIndex, NameError> {
        resolve(self, query)
    }

    fn entity(&self, n: NodeIndex) -> Cow<'_, Entity> {
        Cow::Borrowed(KnowledgeGraph::entity(self, n))
    }

    fn fact(&self, e: EdgeIndex) -> Cow<'_, Fact> {
        Cow::Borrowed(KnowledgeGraph::fact(self, e))
    }

    fn facts_of(&self, n: NodeIndex, forward: bool) -> Vec<EdgeIndex> {
        let dir = if forward {
            Direction::Outgoing
        } else {
            Direction::Incoming
        };
        let mut v: Vec<EdgeIndex> = self
            .graph()
            .edges_directed(n, dir)
            .map(|e| e.id())
            .collect();
        v.sort_unstable();
        v
    }

    fn degree(&self, n: NodeIndex) -> usize {
        self.graph().neighbors_undirected(n).count()
    }

    fn source(&self, id: &str) -> Option<Cow<'_, Source>> {
        KnowledgeGraph::source(self, id).map(Cow::Borrowed)
    }

    fn all_nodes(&self) -> Vec<NodeIndex> {
        self.nodes().collect()
    }

    fn all_edges(&self) -> Vec<EdgeIndex> {
        self.edges().collect()
    }

    fn source_count(&self) -> usize {
        self.sources().len()
    }

    fn all_sources(&self) -> Vec<Cow<'_, Source>> {
        self.sources().iter().map(Cow::Borrowed).collect()
    }
}

/// How many of the graph's facts (those a window keeps, for a [`Windowed`] graph) are
/// stated in each source, by source id.
///
/// # Complexity
/// O(E): every fact's sources are read once.
pub fn facts_by_source<G: Read + ?Sized>(graph: &G) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for e in graph.all_edges() {
        for s in graph.sources_of(e) {
            *counts.entry(s).or_insert(0) += 1;
        }
    }
    counts
}

/// A graph seen through a time window: only the facts the window keeps (by their date,
/// else by their articles' dates, see [`Window`]) are walked, listed and counted; every
/// entity and source stays, so names still resolve. What [`Window::apply`] does to an
/// in-memory graph, done while reading, so a snapshot need not be decoded.
pub struct Windowed<'g, G: Read> {
    graph: &'g G,
    window: &'g Window,
    /// The dates of the sources asked about so far.
    dates: RefCell<HashMap<String, Option<String>>>,
}

impl<'g, G: Read> Windowed<'g, G> {
    pub fn new(graph: &'g G, window: &'g Window) -> Self {
        Windowed {
            graph,
            window,
            dates: RefCell::new(HashMap::new()),
        }
    }

    /// True when the window keeps the fact.
    ///
    /// # Complexity
    /// O(1) for a dated fact; an undated one is read whole, and each of its sources once
    /// per process.
    pub fn keeps(&self, e: G::Edge) -> bool {
        if self.window.is_open() {
            return true;
        }
        if let Some(d) = self.graph.count_and_date(e).1 {
            return self.window.contains(d);
        }
        let fact = self.graph.fact(e);
        let mut dates = self.dates.borrow_mut();
        fact.sources().into_iter().any(|s| {
            let date = dates
                .entry(s)
                .or_insert_with_key(|s| self.graph.source(s).and_then(|s| s.date.clone()));
            date.as_deref().is_some_and(|d| self.window.contains(d))
        })
    }
}

impl<G: Read> Topology for Windowed<'_, G> {
    type Node = G::Node;
    type Edge = G::Edge;

    fn hops(&self, walk: &Walk<G::Node>, n: G::Node) -> Vec<Hop<G::Node, G::Edge>> {
        let mut hops = self.graph.hops(walk, n);
        hops.retain(|h| self.keeps(h.edge));
        hops
    }

    fn kind(&self, n: G::Node) -> Kind {
        self.graph.kind(n)
    }

    fn endpoints(&self, e: G::Edge) -> (G::Node, G::Node) {
        self.graph.endpoints(e)
    }
}

impl<G: Read> Describe for Windowed<'_, G> {
    fn name(&self, n: G::Node) -> &str {
        self.graph.name(n)
    }

    fn name_and_kind(&self, n: G::Node) -> (&str, Kind) {
        self.graph.name_and_kind(n)
    }

    fn relation(&self, e: G::Edge) -> Relation {
        self.graph.relation(e)
    }

    fn count_and_date(&self, e: G::Edge) -> (Option<u64>, Option<&str>) {
        self.graph.count_and_date(e)
    }
}

impl<G: Read> Read for Windowed<'_, G> {
    fn resolve(&self, query: &str) -> Result<G::Node, NameError> {
        self.graph.resolve(query)
    }

    fn entity(&self, n: G::Node) -> Cow<'_, Entity> {
        self.graph.entity(n)
    }

    fn fact(&self, e: G::Edge) -> Cow<'_, Fact> {
        self.graph.fact(e)
    }

    fn facts_of(&self, n: G::Node, forward: bool) -> Vec<G::Edge> {
        let mut facts = self.graph.facts_of(n, forward);
        facts.retain(|&e| self.keeps(e));
        facts
    }

    fn source(&self, id: &str) -> Option<Cow<'_, Source>> {
        self.graph.source(id)
    }

    fn all_nodes(&self) -> Vec<G::Node> {
        self.graph.all_nodes()
    }

    fn all_edges(&self) -> Vec<G::Edge> {
        let mut edges = self.graph.all_edges();
        edges.retain(|&e| self.keeps(e));
        edges
    }

    fn source_count(&self) -> usize {
        self.graph.source_count()
    }

    fn all_sources(&self) -> Vec<Cow<'_, Source>> {
        self.graph.all_sources()
    }

    fn sources_of(&self, e: G::Edge) -> Vec<String> {
        self.graph.sources_of(e)
    }

    fn damage(&self) -> Option<String> {
        self.graph.damage()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fact as the test compares it across two numberings.
    fn key<G: Read>(g: &G, e: G::Edge) -> (String, Relation, String, Option<String>) {
        let f = g.fact(e);
        (
            f.subject.clone(),
            f.relation,
            f.object.clone(),
            f.date.clone(),
        )
    }

    /// Reading through a window sees what the graph with the window applied holds: the
    /// same facts at every entity, the same degrees, the same walks.
    #[test]
    fn a_windowed_graph_reads_as_the_window_applied() {
        // The embedded graph, read without the store (a layer above).
        let file: crate::model::GraphFile =
            serde_json::from_str(include_str!("../../graph/graph.json")).unwrap();
        let g = KnowledgeGraph::from_file(file).unwrap();
        for (since, until) in [(Some("2024-06"), None), (None, Some("2024-06"))] {
            let window = Window {
                since: since.map(String::from),
                until: until.map(String::from),
            };
            let applied = window.apply(g.clone());
            let seen = Windowed::new(&g, &window);
            assert!(seen.all_edges().len() < g.fact_count());
            let a: Vec<_> = seen
                .all_edges()
                .into_iter()
                .map(|e| key(&seen, e))
                .collect();
            let b: Vec<_> = applied
                .all_edges()
                .into_iter()
                .map(|e| key(&applied, e))
                .collect();
            assert_eq!(a, b);
            for n in g.nodes() {
                assert_eq!(seen.degree(n), applied.degree(n));
                for forward in [true, false] {
                    let a: Vec<_> = seen
                        .facts_of(n, forward)
                        .into_iter()
                        .map(|e| key(&seen, e))
                        .collect();
                    let b: Vec<_> = applied
                        .facts_of(n, forward)
                        .into_iter()
                        .map(|e| key(&applied, e))
                        .collect();
                    assert_eq!(a, b);
                }
                let hops = |h: Vec<Hop>, g: &KnowledgeGraph| -> Vec<_> {
                    h.into_iter()
                        .map(|h| (key(g, h.edge), h.to, h.forward))
                        .collect()
                };
                assert_eq!(
                    hops(seen.hops(&Walk::default(), n), &g),
                    hops(applied.hops(&Walk::default(), n), &applied)
                );
            }
            // `kg sources` counts the facts the window keeps.
            assert_eq!(facts_by_source(&seen), facts_by_source(&applied));
            assert_ne!(facts_by_source(&seen), facts_by_source(&g));
        }
    }
}
