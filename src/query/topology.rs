//! [`Topology`]: what the searches in this module need of a graph, and [`Describe`]: what
//! printing a neighbourhood needs besides, so that the same code
//! runs on the in-memory [`crate::model::KnowledgeGraph`] and on the memory-mapped
//! snapshot (`store::snapshot::Snapshot`, a layer above, implements them).

use super::filter::{Hop, Walk};
use crate::model::{Kind, KnowledgeGraph, Relation};
use std::fmt::Debug;
use std::hash::Hash;

/// A directed multigraph of typed entities that a search can walk.
pub trait Topology {
    /// An entity. Ordered so that searches can break ties the same way on every run.
    type Node: Copy + Eq + Hash + Ord + Debug;
    /// A fact. Ordered by its place in the graph file, on every implementation.
    type Edge: Copy + Eq + Hash + Ord + Debug;

    /// The hops out of `n` that `walk` allows, sorted by (edge, forward). A fact from `n` to
    /// itself is never a hop.
    fn hops(&self, walk: &Walk<Self::Node>, n: Self::Node) -> Vec<Hop<Self::Node, Self::Edge>>;

    /// The kind of an entity.
    fn kind(&self, n: Self::Node) -> Kind;

    /// The (subject, object) of a fact.
    fn endpoints(&self, e: Self::Edge) -> (Self::Node, Self::Node);
}

/// What a listing of entities and facts needs of a graph besides its shape: names and
/// fact attributes. Implemented by the in-memory graph and by the snapshot, so a long
/// listing can be printed straight from a memory-mapped snapshot.
pub trait Describe: Topology {
    /// An entity's canonical name.
    fn name(&self, n: Self::Node) -> &str;

    /// An entity's canonical name and kind (one read where they are stored together).
    fn name_and_kind(&self, n: Self::Node) -> (&str, Kind) {
        (self.name(n), self.kind(n))
    }

    /// A fact's relation.
    fn relation(&self, e: Self::Edge) -> Relation;

    /// A fact's count and date.
    fn count_and_date(&self, e: Self::Edge) -> (Option<u64>, Option<&str>);
}

impl Describe for KnowledgeGraph {
    fn name(&self, n: Self::Node) -> &str {
        &self.entity(n).name
    }

    fn relation(&self, e: Self::Edge) -> Relation {
        self.fact(e).relation
    }

    fn count_and_date(&self, e: Self::Edge) -> (Option<u64>, Option<&str>) {
        let f = self.fact(e);
        (f.count, f.date.as_deref())
    }
}
