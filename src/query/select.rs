//! Selections: the part of the graph `kg dot`, `kg export` and `kg html` write, found on
//! any [`Read`] graph (the in-memory one, or a snapshot, which then decodes only the part).

use super::filter::Walk;
use super::neighbours::neighbours;
use super::paths::Path;
use super::read::Read;
use crate::model::{Kind, KnowledgeGraph, Relation, Subgraph};

/// A selection of the graph `G`.
pub type SubgraphOf<G> = Subgraph<<G as super::Topology>::Node, <G as super::Topology>::Edge>;

/// What to keep of a graph. Empty lists keep everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Keep only the facts of these relations.
    pub relations: Vec<Relation>,
    /// Keep only the entities of these kinds (and the facts between them).
    pub kinds: Vec<Kind>,
}

impl Selection {
    /// The whole graph, filtered.
    ///
    /// # Complexity
    /// O(V + E log Δ).
    pub fn everything(&self, graph: &KnowledgeGraph) -> Subgraph {
        self.induced(graph, graph.nodes().collect(), None)
    }

    /// The entities within `depth` hops of `center` (along the kept relations) and the kept
    /// facts between them. The center is kept whatever its kind.
    ///
    /// # Complexity
    /// O(V + E log Δ) at most; the neighbourhood's size on a snapshot.
    pub fn around<G: Read>(&self, graph: &G, center: G::Node, depth: usize) -> SubgraphOf<G> {
        let walk = Walk {
            via: self.relations.clone(),
            ..Walk::default()
        };
        let links = neighbours(graph, center, &walk, depth, &self.kinds);
        let mut nodes: Vec<G::Node> = links.iter().map(|l| l.to).collect();
        nodes.push(center);
        self.induced(graph, nodes, Some(center))
    }

    /// The facts of a path and the entities on it.
    pub fn path<G: Read>(&self, graph: &G, path: &Path<G::Node, G::Edge>) -> SubgraphOf<G> {
        let mut edges: Vec<G::Edge> = path.steps.iter().map(|s| s.edge).collect();
        edges.sort_unstable();
        edges.dedup();
        let mut nodes = path.nodes(graph);
        nodes.sort_unstable();
        nodes.dedup();
        Subgraph { nodes, edges }
    }

    /// `nodes` less those of other kinds (but `keep`), and the kept facts among them.
    fn induced<G: Read>(
        &self,
        graph: &G,
        mut nodes: Vec<G::Node>,
        keep: Option<G::Node>,
    ) -> SubgraphOf<G> {
        nodes.sort_unstable();
        nodes.dedup();
        nodes.retain(|&n| {
            self.kinds.is_empty() || Some(n) == keep || self.kinds.contains(&graph.kind(n))
        });
        let mut edges: Vec<G::Edge> = nodes
            .iter()
            .flat_map(|&n| graph.facts_of(n, true))
            .filter(|&e| self.relations.is_empty() || self.relations.contains(&graph.relation(e)))
            .filter(|&e| nodes.binary_search(&graph.endpoints(e).1).is_ok())
            .collect();
        edges.sort_unstable();
        Subgraph { nodes, edges }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Fact, GraphFile};

    /// `a:person -leads-> b:country -located-in-> c:place`, `a -sent-> d:animal`
    fn graph() -> KnowledgeGraph {
        KnowledgeGraph::from_file(GraphFile {
            entities: vec![
                Entity::new("a", "A", Kind::Person),
                Entity::new("b", "B", Kind::Country),
                Entity::new("c", "C", Kind::Place),
                Entity::new("d", "D", Kind::Animal),
            ],
            facts: vec![
                Fact::new("a", Relation::Leads, "b"),
                Fact::new("b", Relation::LocatedIn, "c"),
                Fact::new("a", Relation::Sent, "d"),
            ],
            ..GraphFile::default()
        })
        .unwrap()
    }

    fn ids(g: &KnowledgeGraph, s: &Subgraph) -> (Vec<String>, usize) {
        (
            s.nodes.iter().map(|&n| g.entity(n).id.clone()).collect(),
            s.edges.len(),
        )
    }

    #[test]
    fn everything_filters_by_kind_and_relation() {
        let g = graph();
        assert_eq!(
            ids(&g, &Selection::default().everything(&g)),
            (vec!["a".into(), "b".into(), "c".into(), "d".into()], 3)
        );
        let sel = Selection {
            kinds: vec![Kind::Person, Kind::Country],
            ..Selection::default()
        };
        assert_eq!(
            ids(&g, &sel.everything(&g)),
            (vec!["a".into(), "b".into()], 1)
        );
        let sel = Selection {
            relations: vec![Relation::Sent],
            ..Selection::default()
        };
        assert_eq!(ids(&g, &sel.everything(&g)).1, 1);
    }

    #[test]
    fn around_keeps_the_center_and_its_neighbourhood() {
        let g = graph();
        let b = g.node("b").unwrap();
        assert_eq!(
            ids(&g, &Selection::default().around(&g, b, 1)),
            (vec!["a".into(), "b".into(), "c".into()], 2)
        );
        let sel = Selection {
            kinds: vec![Kind::Place],
            ..Selection::default()
        };
        assert_eq!(
            ids(&g, &sel.around(&g, b, 1)),
            (vec!["b".into(), "c".into()], 1)
        );
    }
}
