//! Property tests (proptest) for the core invariants, on random graphs with hostile
//! names: the JSON round trip is the identity, shortest paths are shortest (against a
//! plain BFS oracle) and made of real facts, the DOT, GraphML and node-link JSON exports
//! read back (by graphviz-rust, roxmltree and serde_json) to the same names, and every
//! unique name resolves to its entity. (Adding an article twice and merge-then-split are
//! properties of the knowledge base, in `src/kb/mod.rs`.)

use kg::model::{Entity, Fact, GraphFile, Kind, KnowledgeGraph, Relation};
use kg::query::paths::shortest;
use kg::query::{Walk, resolve};
use proptest::prelude::*;
use std::collections::{HashMap, VecDeque};

/// Names mixing scripts, quotes, backslashes, control characters and emoji.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][a-z]{0,8}( [A-Z][a-z]{0,8}){0,2}",
        "\\PC{1,12}",
        Just("Quote \"x\" \\ y".to_string()),
        Just("Москва 🐻 \n\t end".to_string()),
    ]
}

fn graph() -> impl Strategy<Value = KnowledgeGraph> {
    (1usize..25).prop_flat_map(|n| {
        let entities = proptest::collection::vec((name(), 0usize..Kind::ALL.len()), n);
        let facts = proptest::collection::vec(
            (
                0..n,
                0..n,
                0usize..Relation::ALL.len(),
                proptest::option::of(0u64..100_000),
                proptest::option::of(name()),
            ),
            0..50,
        );
        (entities, facts).prop_map(|(entities, facts)| {
            let file = GraphFile {
                entities: entities
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, k))| {
                        Entity::new(
                            format!("e{i}"),
                            if name.trim().is_empty() {
                                format!("x{i}")
                            } else {
                                name
                            },
                            Kind::ALL[k],
                        )
                    })
                    .collect(),
                facts: facts
                    .into_iter()
                    .map(|(s, o, r, count, evidence)| Fact {
                        count,
                        evidence,
                        ..Fact::new(format!("e{s}"), Relation::ALL[r], format!("e{o}"))
                    })
                    .collect(),
                ..GraphFile::default()
            };
            KnowledgeGraph::from_file(file).unwrap()
        })
    })
}

/// Hop distances from `from`, walking facts either way: the oracle.
fn bfs(
    g: &KnowledgeGraph,
    from: petgraph::graph::NodeIndex,
) -> HashMap<petgraph::graph::NodeIndex, usize> {
    let mut dist = HashMap::from([(from, 0)]);
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        for m in g.graph().neighbors_undirected(n) {
            if !dist.contains_key(&m) {
                dist.insert(m, dist[&n] + 1);
                queue.push_back(m);
            }
        }
    }
    dist
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn json_round_trip_is_identity(g in graph()) {
        let once = kg::store::to_json(&g);
        let again = kg::store::to_json(&kg::store::from_json(&once).unwrap());
        prop_assert_eq!(once, again);
    }

    #[test]
    fn shortest_paths_are_shortest_and_real(g in graph(), a in 0usize..25, b in 0usize..25) {
        let n = g.entity_count();
        let (from, to) = (petgraph::graph::NodeIndex::new(a % n), petgraph::graph::NodeIndex::new(b % n));
        let oracle = bfs(&g, from);
        match shortest(&g, from, to, &Walk::default()) {
            None => prop_assert!(!oracle.contains_key(&to)),
            Some(p) => {
                prop_assert_eq!(Some(&p.len()), oracle.get(&to));
                let nodes = p.nodes(&g);
                prop_assert_eq!(nodes.first(), Some(&from));
                prop_assert_eq!(nodes.last(), Some(&to));
                for (step, pair) in p.steps.iter().zip(nodes.windows(2)) {
                    let (s, o) = g.endpoints(step.edge);
                    let walked = if step.forward { (s, o) } else { (o, s) };
                    prop_assert_eq!(walked, (pair[0], pair[1]), "each step is a real fact");
                }
            }
        }
    }

    #[test]
    fn dot_export_reads_back_every_name(g in graph()) {
        let mut out = Vec::new();
        kg::export::dot::write(&g, &kg::model::Subgraph::whole(&g), &mut out).unwrap();
        let dot = String::from_utf8(out).unwrap();
        let parsed = graphviz_rust::parse(&dot).map_err(|e| TestCaseError::fail(format!("{e}\n{dot}")))?;
        let graphviz_rust::dot_structures::Graph::DiGraph { stmts, .. } = parsed else {
            return Err(TestCaseError::fail("not a digraph"));
        };
        let mut tooltips = Vec::new();
        for s in &stmts {
            if let graphviz_rust::dot_structures::Stmt::Node(node) = s {
                for graphviz_rust::dot_structures::Attribute(k, v) in &node.attributes {
                    if let (graphviz_rust::dot_structures::Id::Plain(k), graphviz_rust::dot_structures::Id::Escaped(v)) = (k, v)
                        && k == "tooltip"
                    {
                        tooltips.push(kg::export::escape::read_dot_string(v).unwrap());
                    }
                }
            }
        }
        for (i, n) in g.nodes().enumerate() {
            let e = g.entity(n);
            let shown: String = e.name.chars().filter(|&c| c != '\r').map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect();
            prop_assert_eq!(&tooltips[i], &format!("{}: {shown}", e.kind));
        }
    }

    #[test]
    fn graphml_and_json_exports_read_back_every_name(g in graph()) {
        let whole = kg::model::Subgraph::whole(&g);
        let expected: HashMap<String, String> = g
            .nodes()
            .map(|n| {
                let e = g.entity(n);
                // XML 1.0 cannot carry every character: those become U+FFFD.
                let xml_name = e.name.chars().map(|c| if kg::export::escape::xml_forbidden(c) { '\u{fffd}' } else { c }).collect();
                (e.id.clone(), xml_name)
            })
            .collect();
        let mut out = Vec::new();
        kg::export::graphml::write(&g, &whole, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let doc = roxmltree::Document::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let mut read = HashMap::new();
        for node in doc.descendants().filter(|n| n.has_tag_name("node")) {
            let name = node
                .children()
                .find(|d| d.has_tag_name("data") && d.attribute("key") == Some("d0"))
                .and_then(|d| d.text())
                .unwrap_or_default();
            read.insert(node.attribute("id").unwrap().to_string(), name.to_string());
        }
        prop_assert_eq!(&read, &expected);
        let mut out = Vec::new();
        kg::export::nodelink::write(&g, &whole, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let read: HashMap<String, String> = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (n["id"].as_str().unwrap().to_string(), n["name"].as_str().unwrap().to_string()))
            .collect();
        let exact: HashMap<String, String> = g.nodes().map(|n| (g.entity(n).id.clone(), g.entity(n).name.clone())).collect();
        prop_assert_eq!(read, exact);
    }

    #[test]
    fn unique_names_resolve_to_their_entity(g in graph()) {
        let norm = |s: &str| kg::model::name::lookup_key(s);
        for n in g.nodes() {
            let name = &g.entity(n).name;
            let same = g.nodes().filter(|&m| g.entity(m).names().any(|x| norm(x) == norm(name))).count();
            if same == 1 && !norm(name).is_empty() {
                prop_assert_eq!(resolve(&g, name).ok(), Some(n));
            }
        }
    }
}
