//! [`Walk`]: which facts a search may follow, and in which direction.

use super::Topology;
use crate::model::{KnowledgeGraph, Relation};
use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

/// Which way a traversal may follow a fact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Towards {
    /// Either way: from subject to object or back.
    #[default]
    Both,
    /// From subject to object only.
    Out,
    /// From object to subject only.
    In,
}

/// The rules a traversal follows: edge direction, allowed and avoided relations, and
/// entities it must not pass through. `N` is the node type of the graph searched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk<N = NodeIndex> {
    /// Which way facts may be followed.
    pub towards: Towards,
    /// When not empty, only these relations are followed.
    pub via: Vec<Relation>,
    /// These relations are never followed.
    pub avoid: Vec<Relation>,
    /// These entities are never entered.
    pub avoid_entities: Vec<N>,
}

impl<N> Default for Walk<N> {
    fn default() -> Self {
        Walk {
            towards: Towards::Both,
            via: Vec::new(),
            avoid: Vec::new(),
            avoid_entities: Vec::new(),
        }
    }
}

/// One edge as a traversal sees it from a node: the fact, the node at its other end, and
/// whether it is walked from subject to object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hop<N = NodeIndex, E = EdgeIndex> {
    pub edge: E,
    pub to: N,
    pub forward: bool,
}

impl<N: Clone + PartialEq> Walk<N> {
    /// The same walk in the other direction: its hops, reversed, lead into a node.
    pub fn reversed(&self) -> Walk<N> {
        let towards = match self.towards {
            Towards::Both => Towards::Both,
            Towards::Out => Towards::In,
            Towards::In => Towards::Out,
        };
        Walk {
            towards,
            ..self.clone()
        }
    }

    /// The same walk over another node type (the avoided entities mapped by `f`).
    pub fn map<M>(&self, f: impl FnMut(&N) -> M) -> Walk<M> {
        Walk {
            towards: self.towards,
            via: self.via.clone(),
            avoid: self.avoid.clone(),
            avoid_entities: self.avoid_entities.iter().map(f).collect(),
        }
    }

    /// True when the walk may follow a fact of this relation.
    pub fn allows(&self, r: Relation) -> bool {
        (self.via.is_empty() || self.via.contains(&r)) && !self.avoid.contains(&r)
    }

    /// True when the walk may follow facts out of a node (`forward`) or into it.
    pub fn goes(&self, forward: bool) -> bool {
        match self.towards {
            Towards::Both => true,
            Towards::Out => forward,
            Towards::In => !forward,
        }
    }

    /// True when a hop from `from` with this relation to `to` may be taken: not a fact
    /// from a node to itself, an allowed relation, and not into an avoided entity.
    pub fn takes(&self, from: &N, r: Relation, to: &N) -> bool {
        to != from && self.allows(r) && !self.avoid_entities.contains(to)
    }
}

impl Walk {
    /// The hops out of `n` this walk allows, in edge order (so searches are deterministic).
    /// A fact from `n` to itself is never a hop.
    ///
    /// # Complexity
    /// O(d log d) for a node of degree d.
    pub fn hops(&self, graph: &KnowledgeGraph, n: NodeIndex) -> Vec<Hop> {
        graph.hops(self, n)
    }
}

impl Topology for KnowledgeGraph {
    type Node = NodeIndex;
    type Edge = EdgeIndex;

    fn hops(&self, walk: &Walk, n: NodeIndex) -> Vec<Hop> {
        let g = self.graph();
        let out = g
            .edges_directed(n, Direction::Outgoing)
            .filter(|_| walk.goes(true))
            .map(|e| Hop {
                edge: e.id(),
                to: e.target(),
                forward: true,
            });
        let inc = g
            .edges_directed(n, Direction::Incoming)
            .filter(|_| walk.goes(false))
            .map(|e| Hop {
                edge: e.id(),
                to: e.source(),
                forward: false,
            });
        let mut hops: Vec<Hop> = out
            .chain(inc)
            .filter(|h| walk.takes(&n, g[h.edge].relation, &h.to))
            .collect();
        hops.sort_by_key(|h| (h.edge, h.forward));
        hops
    }

    fn kind(&self, n: NodeIndex) -> crate::model::Kind {
        self.entity(n).kind
    }

    fn endpoints(&self, e: EdgeIndex) -> (NodeIndex, NodeIndex) {
        KnowledgeGraph::endpoints(self, e)
    }
}
