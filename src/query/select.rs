//! Selections: the part of the graph `kg dot` and the exports write.

use super::filter::Walk;
use super::neighbours::neighbours;
use super::paths::Path;
use crate::model::{Kind, KnowledgeGraph, Relation, Subgraph};
use petgraph::graph::NodeIndex;

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
    /// O(V + E).
    pub fn everything(&self, graph: &KnowledgeGraph) -> Subgraph {
        self.induced(graph, graph.nodes().collect(), None)
    }

    /// The entities within `depth` hops of `center` (along the kept relations) and the kept
    /// facts between them. The center is kept whatever its kind.
    ///
    /// # Complexity
    /// O(V + E log Δ).
    pub fn around(&self, graph: &KnowledgeGraph, center: NodeIndex, depth: usize) -> Subgraph {
        let walk = Walk {
            via: self.relations.clone(),
            ..Walk::default()
        };
        let links = neighbours(graph, center, &walk, depth, &self.kinds);
        let mut nodes: Vec<NodeIndex> = links.iter().map(|l| l.to).collect();
        nodes.push(center);
        self.induced(graph, nodes, Some(center))
    }

    /// The facts of a path and the entities on it.
    pub fn path(&self, graph: &KnowledgeGraph, path: &Path) -> Subgraph {
        Subgraph::from_edges(graph, path.steps.iter().map(|s| s.edge), [path.start])
    }

    /// `nodes` less those of other kinds (but `keep`), and the kept facts among them.
    fn induced(
        &self,
        graph: &KnowledgeGraph,
        mut nodes: Vec<NodeIndex>,
        keep: Option<NodeIndex>,
    ) -> Subgraph {
        nodes.sort();
        nodes.dedup();
        nodes.retain(|&n| {
            self.kinds.is_empty() || Some(n) == keep || self.kinds.contains(&graph.entity(n).kind)
        });
        let edges = graph
            .edges()
            .filter(|&e| {
                self.relations.is_empty() || self.relations.contains(&graph.fact(e).relation)
            })
            .filter(|&e| {
                let (s, o) = graph.endpoints(e);
                nodes.binary_search(&s).is_ok() && nodes.binary_search(&o).is_ok()
            })
            .collect();
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
