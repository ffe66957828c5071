//! [`View`]: what answering a query from a snapshot needs of it, so that the same code
//! answers from a [`super::Snapshot`] and from a snapshot with a journal on top
//! ([`super::Overlay`]).

use crate::model::KnowledgeGraph;
use crate::query::{Describe, NameError};

/// A graph numbered as a snapshot numbers it (entities and facts as `u32`), that names
/// resolve in and parts decode from.
pub trait View: Describe<Node = u32, Edge = u32> {
    /// The one entity a name refers to (as [`crate::query::resolve`] finds it).
    fn resolve(&self, query: &str) -> Result<u32, NameError>;

    /// An entity's id.
    fn id(&self, n: u32) -> &str;

    /// Every fact out of (`forward`) or into an entity.
    fn facts_of(&self, n: u32, forward: bool) -> Vec<u32>;

    /// The facts from `n` to entities in `inside` (sorted), for an induced subgraph.
    fn facts_into(&self, n: u32, inside: &[u32]) -> Vec<u32>;

    /// The given entities and facts (and every entity a fact names, and the sources they
    /// cite) as a graph that orders its nodes and edges as the whole would.
    fn subgraph(&self, nodes: &[u32], facts: &[u32]) -> KnowledgeGraph;

    /// What was found damaged in the snapshot so far, if anything.
    fn damage(&self) -> Option<String>;
}

impl View for super::Snapshot {
    fn resolve(&self, query: &str) -> Result<u32, NameError> {
        super::Snapshot::resolve(self, query)
    }

    fn id(&self, n: u32) -> &str {
        super::Snapshot::id(self, n)
    }

    fn facts_of(&self, n: u32, forward: bool) -> Vec<u32> {
        super::Snapshot::facts_of(self, n, forward)
    }

    fn facts_into(&self, n: u32, inside: &[u32]) -> Vec<u32> {
        super::Snapshot::facts_into(self, n, inside)
    }

    fn subgraph(&self, nodes: &[u32], facts: &[u32]) -> KnowledgeGraph {
        super::Snapshot::subgraph(self, nodes, facts)
    }

    fn damage(&self) -> Option<String> {
        super::Snapshot::damage(self)
    }
}
