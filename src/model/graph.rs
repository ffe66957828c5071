//! [`KnowledgeGraph`]: the validated graph in memory, on petgraph.

use super::fact::is_date_prefix;
use super::{Entity, FORMAT_VERSION, Fact, GraphFile, Source};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use rustc_hash::FxHashMap;
use serde_json::{Map, Value};
use std::collections::hash_map::Entry;

/// What is wrong with a graph file whose JSON parsed. Each names the offending id so that
/// the store can point at its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("format version {found} is newer than this kg reads ({FORMAT_VERSION}); upgrade kg")]
    FutureVersion { found: u32 },
    #[error("format version 0 does not exist (expected {FORMAT_VERSION})")]
    ZeroVersion,
    #[error("entity id '{id}' is used twice")]
    DuplicateId { id: String },
    #[error("entity has an empty id")]
    EmptyId,
    #[error("entity '{id}' has an empty name")]
    EmptyName { id: String },
    #[error("fact {role} '{id}' names no entity")]
    Dangling { role: &'static str, id: String },
    #[error("date '{date}' is not an ISO-8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")]
    BadDate { date: String },
    #[error("span [{start}, {end}] ends before it starts")]
    BadSpan { start: usize, end: usize },
}

impl Invalid {
    /// The JSON key and string value the error is about, if any: the store finds its
    /// line with them.
    pub fn locator(&self) -> Option<(&str, &str)> {
        match self {
            Invalid::DuplicateId { id } | Invalid::EmptyName { id } => Some(("id", id)),
            Invalid::Dangling { role, id } => Some((role, id)),
            Invalid::BadDate { date } => Some(("date", date)),
            _ => None,
        }
    }
}

/// A knowledge graph: entities as nodes, facts as directed edges, in a petgraph
/// [`DiGraph`]. Node and edge indices are stable for the life of the value (nothing is
/// removed in place).
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<Entity, Fact>,
    /// Looked up twice per fact while loading: Fx hashing, several times faster than
    /// SipHash on short ids (graph files are the user's own, not hostile input).
    by_id: FxHashMap<String, NodeIndex>,
    sources: Vec<Source>,
    extra: Map<String, Value>,
}

impl KnowledgeGraph {
    /// Checks a parsed graph file and builds the graph.
    ///
    /// # Complexity
    /// O(V + E) expected time.
    pub fn from_file(file: GraphFile) -> Result<Self, Invalid> {
        if file.version > FORMAT_VERSION {
            return Err(Invalid::FutureVersion {
                found: file.version,
            });
        }
        if file.version == 0 {
            return Err(Invalid::ZeroVersion);
        }
        let mut graph = DiGraph::with_capacity(file.entities.len(), file.facts.len());
        let mut by_id =
            FxHashMap::with_capacity_and_hasher(file.entities.len(), Default::default());
        for e in file.entities {
            if e.id.is_empty() {
                return Err(Invalid::EmptyId);
            }
            if e.name.trim().is_empty() {
                return Err(Invalid::EmptyName { id: e.id });
            }
            match by_id.entry(e.id.clone()) {
                Entry::Occupied(_) => return Err(Invalid::DuplicateId { id: e.id }),
                Entry::Vacant(slot) => {
                    slot.insert(graph.add_node(e));
                }
            }
        }
        for f in file.facts {
            let endpoint = |role, id: &String| {
                by_id.get(id).copied().ok_or_else(|| Invalid::Dangling {
                    role,
                    id: id.clone(),
                })
            };
            let s = endpoint("subject", &f.subject)?;
            let o = endpoint("object", &f.object)?;
            if let Some(d) = &f.date
                && !is_date_prefix(d)
            {
                return Err(Invalid::BadDate { date: d.clone() });
            }
            if let Some([start, end]) = f.span
                && end < start
            {
                return Err(Invalid::BadSpan { start, end });
            }
            graph.add_edge(s, o, f);
        }
        for s in &file.sources {
            if let Some(d) = &s.date
                && !is_date_prefix(d)
            {
                return Err(Invalid::BadDate { date: d.clone() });
            }
        }
        Ok(KnowledgeGraph {
            graph,
            by_id,
            sources: file.sources,
            extra: file.extra,
        })
    }

    /// The graph file's top-level fields kg does not know (a knowledge base's `"kb"`).
    pub fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }

    /// The graph file for this graph in the graph's own order (the order it was read
    /// in), not sorted.
    pub fn into_file(self) -> GraphFile {
        let (nodes, edges) = self.graph.into_nodes_edges();
        GraphFile {
            version: FORMAT_VERSION,
            sources: self.sources,
            entities: nodes.into_iter().map(|n| n.weight).collect(),
            facts: edges.into_iter().map(|e| e.weight).collect(),
            extra: self.extra,
        }
    }

    /// The graph file for this graph, in canonical order.
    pub fn to_file(&self) -> GraphFile {
        let mut file = GraphFile {
            version: FORMAT_VERSION,
            sources: self.sources.clone(),
            entities: self.graph.node_weights().cloned().collect(),
            facts: self.graph.edge_weights().cloned().collect(),
            extra: self.extra.clone(),
        };
        file.sort();
        file
    }

    /// The petgraph graph underneath: node weights are entities, edge weights facts.
    pub fn graph(&self) -> &DiGraph<Entity, Fact> {
        &self.graph
    }

    /// The entity at a node.
    pub fn entity(&self, n: NodeIndex) -> &Entity {
        &self.graph[n]
    }

    /// The fact on an edge.
    pub fn fact(&self, e: EdgeIndex) -> &Fact {
        &self.graph[e]
    }

    /// The node of the entity with this id (`None` for every id after
    /// [`Self::forget_ids`]).
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// Frees the index from ids to nodes (a table entry and a copy of every id: about
    /// 140 MB for 2M entities), for a graph that from now on is only walked, never looked
    /// up by id: [`Self::node`] then finds nothing. A snapshot build calls it first, for
    /// a lower peak.
    pub fn forget_ids(&mut self) {
        self.by_id = FxHashMap::default();
    }

    /// The (subject, object) nodes of a fact's edge.
    pub fn endpoints(&self, e: EdgeIndex) -> (NodeIndex, NodeIndex) {
        self.graph
            .edge_endpoints(e)
            .expect("edge index from this graph")
    }

    /// The articles the facts come from.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Every node, in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph.node_indices()
    }

    /// Every edge, in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = EdgeIndex> + '_ {
        self.graph.edge_indices()
    }

    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn fact_count(&self) -> usize {
        self.graph.edge_count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Relation};

    fn file() -> GraphFile {
        GraphFile {
            entities: vec![
                Entity::new("a", "A", Kind::Person),
                Entity::new("b", "B", Kind::Country),
            ],
            facts: vec![Fact::new("a", Relation::Leads, "b")],
            ..GraphFile::default()
        }
    }

    #[test]
    fn builds_nodes_and_edges() {
        let g = KnowledgeGraph::from_file(file()).unwrap();
        assert_eq!((g.entity_count(), g.fact_count()), (2, 1));
        let e = g.edges().next().unwrap();
        assert_eq!(g.endpoints(e), (g.node("a").unwrap(), g.node("b").unwrap()));
    }

    #[test]
    fn forgetting_ids_keeps_the_graph() {
        let mut g = KnowledgeGraph::from_file(file()).unwrap();
        let a = g.node("a").unwrap();
        g.forget_ids();
        assert_eq!(g.node("a"), None);
        assert_eq!((g.entity_count(), g.fact_count()), (2, 1));
        assert_eq!(g.entity(a).id, "a");
    }

    #[test]
    fn rejects_what_is_wrong() {
        let mut f = file();
        f.version = 2;
        assert_eq!(
            KnowledgeGraph::from_file(f).unwrap_err(),
            Invalid::FutureVersion { found: 2 }
        );
        let mut f = file();
        f.entities.push(Entity::new("a", "A again", Kind::Person));
        assert_eq!(
            KnowledgeGraph::from_file(f).unwrap_err(),
            Invalid::DuplicateId { id: "a".into() }
        );
        let mut f = file();
        f.facts[0].object = "zz".into();
        assert_eq!(
            KnowledgeGraph::from_file(f).unwrap_err().to_string(),
            "fact object 'zz' names no entity"
        );
        let mut f = file();
        f.facts[0].date = Some("June 2024".into());
        assert!(matches!(
            KnowledgeGraph::from_file(f),
            Err(Invalid::BadDate { .. })
        ));
    }

    #[test]
    fn to_file_round_trips() {
        let g = KnowledgeGraph::from_file(file()).unwrap();
        let again = KnowledgeGraph::from_file(g.to_file()).unwrap();
        assert_eq!(g.to_file(), again.to_file());
    }
}
