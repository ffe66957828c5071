//! [`Subgraph`]: the part of a graph a command prints or exports.

use super::KnowledgeGraph;
use petgraph::graph::{EdgeIndex, NodeIndex};

/// A selection of a [`KnowledgeGraph`] (or of any graph whose entities are `N` and facts
/// `E`, such as a snapshot): some of its nodes and some of the edges between them. Both
/// lists are sorted and free of duplicates; every edge's endpoints are in `nodes`.
/// Exports write a subgraph, so every format honours the same selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subgraph<N = NodeIndex, E = EdgeIndex> {
    pub nodes: Vec<N>,
    pub edges: Vec<E>,
}

impl<N, E> Default for Subgraph<N, E> {
    fn default() -> Self {
        Subgraph {
            nodes: Vec::new(),
            edges: Vec::new(),
        }
    }
}

impl Subgraph {
    /// The whole graph.
    pub fn whole(graph: &KnowledgeGraph) -> Self {
        Subgraph {
            nodes: graph.nodes().collect(),
            edges: graph.edges().collect(),
        }
    }

    /// The subgraph made of these edges and their endpoints, plus any extra nodes.
    pub fn from_edges(
        graph: &KnowledgeGraph,
        edges: impl IntoIterator<Item = EdgeIndex>,
        extra_nodes: impl IntoIterator<Item = NodeIndex>,
    ) -> Self {
        let mut edges: Vec<EdgeIndex> = edges.into_iter().collect();
        edges.sort();
        edges.dedup();
        let mut nodes: Vec<NodeIndex> = extra_nodes.into_iter().collect();
        for &e in &edges {
            let (s, o) = graph.endpoints(e);
            nodes.extend([s, o]);
        }
        nodes.sort();
        nodes.dedup();
        Subgraph { nodes, edges }
    }
}
