//! [`Walk`]: which facts a search may follow, and in which direction.

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
/// entities it must not pass through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walk {
    /// Which way facts may be followed.
    pub towards: Towards,
    /// When not empty, only these relations are followed.
    pub via: Vec<Relation>,
    /// These relations are never followed.
    pub avoid: Vec<Relation>,
    /// These entities are never entered.
    pub avoid_entities: Vec<NodeIndex>,
}

/// One edge as a traversal sees it from a node: the fact, the node at its other end, and
/// whether it is walked from subject to object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hop {
    pub edge: EdgeIndex,
    pub to: NodeIndex,
    pub forward: bool,
}

impl Walk {
    /// The same walk in the other direction: its hops, reversed, lead into a node.
    pub fn reversed(&self) -> Walk {
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

    /// True when the walk may follow a fact of this relation.
    pub fn allows(&self, r: Relation) -> bool {
        (self.via.is_empty() || self.via.contains(&r)) && !self.avoid.contains(&r)
    }

    /// The hops out of `n` this walk allows, in edge order (so searches are deterministic).
    /// A fact from `n` to itself is never a hop.
    ///
    /// # Complexity
    /// O(d log d) for a node of degree d.
    pub fn hops(&self, graph: &KnowledgeGraph, n: NodeIndex) -> Vec<Hop> {
        let g = graph.graph();
        let out = g
            .edges_directed(n, Direction::Outgoing)
            .filter(|_| self.towards != Towards::In)
            .map(|e| Hop {
                edge: e.id(),
                to: e.target(),
                forward: true,
            });
        let inc = g
            .edges_directed(n, Direction::Incoming)
            .filter(|_| self.towards != Towards::Out)
            .map(|e| Hop {
                edge: e.id(),
                to: e.source(),
                forward: false,
            });
        let mut hops: Vec<Hop> = out
            .chain(inc)
            .filter(|h| h.to != n)
            .filter(|h| self.allows(g[h.edge].relation))
            .filter(|h| !self.avoid_entities.contains(&h.to))
            .collect();
        hops.sort_by_key(|h| (h.edge, h.forward));
        hops
    }
}
