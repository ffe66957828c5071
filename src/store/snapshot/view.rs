//! [`View`]: what decoding a part of a snapshot needs of it besides [`Read`], so that the
//! same code decodes from a [`super::Snapshot`] and from a snapshot with a journal on top
//! (the knowledge base's overlay, which implements it too).

use crate::model::KnowledgeGraph;
use crate::query::Read;

/// A graph numbered as a snapshot numbers it (entities and facts as `u32`), that parts
/// decode from.
pub trait View: Read<Node = u32, Edge = u32> {
    /// An entity's id.
    fn id(&self, n: u32) -> &str;

    /// The facts from `n` to entities in `inside` (sorted), for an induced subgraph.
    fn facts_into(&self, n: u32, inside: &[u32]) -> Vec<u32>;

    /// The given entities and facts (and every entity a fact names, and the sources they
    /// cite) as a graph that orders its nodes and edges as the whole would.
    fn subgraph(&self, nodes: &[u32], facts: &[u32]) -> KnowledgeGraph;
}

impl View for super::Snapshot {
    fn id(&self, n: u32) -> &str {
        super::Snapshot::id(self, n)
    }

    fn facts_into(&self, n: u32, inside: &[u32]) -> Vec<u32> {
        super::Snapshot::facts_into(self, n, inside)
    }

    fn subgraph(&self, nodes: &[u32], facts: &[u32]) -> KnowledgeGraph {
        super::Snapshot::subgraph(self, nodes, facts)
    }
}
