//! GraphML: the XML graph format of Gephi, yEd, networkx (`read_graphml`) and igraph.
//!
//! The document is GraphML 1.0 in UTF-8, one `<graph id="kg" edgedefault="directed">`.
//! Attributes are declared as `<key>`s, each with `attr.name` and `attr.type`:
//!
//! | key | for | attr.name | attr.type | value |
//! |---|---|---|---|---|
//! | `d0` | node | `name` | string | the entity's name |
//! | `d1` | node | `kind` | string | its kind (`person`, `country`, …) |
//! | `d2` | node | `aliases` | string | its aliases as a JSON array (`["Putin"]`); absent when none |
//! | `d3` | edge | `relation` | string | the relation (`sent`, `deployed-to`, …) |
//! | `d4` | edge | `count` | long | how many; absent when the fact has none |
//! | `d5` | edge | `date` | string | ISO-8601 prefix; absent when none |
//! | `d6` | edge | `source` | string | source article id; absent when none |
//! | `d7` | edge | `evidence` | string | the sentence that states the fact; absent when none |
//!
//! Node ids are entity ids; edges are `e0`, `e1`, … in canonical fact order, and
//! parallel edges (a multigraph) are allowed. Text and attribute values are escaped by
//! [`escape::xml`]: markup characters as entity references, tab / line feed / carriage
//! return as character references; characters XML 1.0 cannot carry become U+FFFD.
//! networkx reads the file with `nx.read_graphml(path)` into a `MultiDiGraph` whose edge
//! keys are the edge ids.

use super::{escape, ordered_edges, ordered_nodes};
use crate::model::{KnowledgeGraph, Subgraph};
use std::io::{self, Write};

/// The attribute keys: (id, for, attr.name, attr.type).
const KEYS: [(&str, &str, &str, &str); 8] = [
    ("d0", "node", "name", "string"),
    ("d1", "node", "kind", "string"),
    ("d2", "node", "aliases", "string"),
    ("d3", "edge", "relation", "string"),
    ("d4", "edge", "count", "long"),
    ("d5", "edge", "date", "string"),
    ("d6", "edge", "source", "string"),
    ("d7", "edge", "evidence", "string"),
];

/// Writes the subgraph as a GraphML document.
pub fn write(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, domain, name, ty) in KEYS {
        writeln!(
            out,
            r#"  <key id="{id}" for="{domain}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="kg" edgedefault="directed">"#)?;
    for n in ordered_nodes(graph, sub) {
        let e = graph.entity(n);
        writeln!(out, r#"    <node id="{}">"#, escape::xml(&e.id))?;
        data(out, "d0", Some(&e.name))?;
        data(out, "d1", Some(e.kind.as_str()))?;
        let aliases = escape::name_list(&e.aliases);
        data(out, "d2", Some(aliases.as_str()).filter(|s| !s.is_empty()))?;
        writeln!(out, "    </node>")?;
    }
    for (i, edge) in ordered_edges(graph, sub).into_iter().enumerate() {
        let f = graph.fact(edge);
        writeln!(
            out,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            escape::xml(&f.subject),
            escape::xml(&f.object)
        )?;
        data(out, "d3", Some(f.relation.as_str()))?;
        data(out, "d4", f.count.map(|c| c.to_string()).as_deref())?;
        data(out, "d5", f.date.as_deref())?;
        data(out, "d6", f.source.as_deref())?;
        data(out, "d7", f.evidence.as_deref())?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

/// One `<data>` element, or nothing for an absent value.
fn data(out: &mut dyn Write, key: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(v) => writeln!(out, r#"      <data key="{key}">{}</data>"#, escape::xml(v)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::consumer::{self, Normalized};
    use crate::export::sample;
    use crate::model::{Entity, Fact, GraphFile, Kind, Relation};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn render(graph: &KnowledgeGraph, sub: &Subgraph) -> String {
        sample::render(write, graph, sub)
    }

    /// Undoes [`escape::xml`]: the five entity references and decimal character references.
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find(';').expect("reference ends") + i;
            let name = &rest[i + 1..end];
            out.push(match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => char::from_u32(name.strip_prefix('#').unwrap().parse().unwrap()).unwrap(),
            });
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }

    /// A minimal reader for what [`write`] produces (one element per line): node ids to
    /// their data, and edges as (source, target, data).
    #[allow(clippy::type_complexity)]
    fn read_back(
        text: &str,
    ) -> (
        BTreeMap<String, BTreeMap<String, String>>,
        Vec<(String, String, BTreeMap<String, String>)>,
    ) {
        let attr = |line: &str, name: &str| {
            let start = line.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            let len = line[start..].find('"').unwrap();
            unescape(&line[start..start + len])
        };
        let (mut nodes, mut edges) = (BTreeMap::new(), Vec::new());
        let mut current: Option<BTreeMap<String, String>> = None;
        let mut owner = (String::new(), String::new());
        for line in text.lines().map(str::trim) {
            if line.starts_with("<node ") {
                owner = (attr(line, "id"), String::new());
                current = Some(BTreeMap::new());
            } else if line.starts_with("<edge ") {
                owner = (attr(line, "source"), attr(line, "target"));
                current = Some(BTreeMap::new());
            } else if let Some(rest) = line.strip_prefix("<data key=\"") {
                let (key, value) = rest.split_once("\">").unwrap();
                let value = value.strip_suffix("</data>").unwrap();
                current
                    .as_mut()
                    .unwrap()
                    .insert(key.to_string(), unescape(value));
            } else if line == "</node>" {
                nodes.insert(owner.0.clone(), current.take().unwrap());
            } else if line == "</edge>" {
                edges.push((owner.0.clone(), owner.1.clone(), current.take().unwrap()));
            }
        }
        (nodes, edges)
    }

    #[test]
    fn declares_keys_and_writes_the_news_graph() {
        let g = sample::news();
        let text = render(&g, &Subgraph::whole(&g));
        assert!(text.contains(r#"<key id="d4" for="edge" attr.name="count" attr.type="long"/>"#));
        assert!(
            text.contains(r#"<data key="d2">[&quot;DPRK&quot;,&quot;North Korea&quot;]</data>"#),
            "{text}"
        );
        assert!(text.contains("Putin gave Kim &quot;two brown bears&quot; and a lion."));
        let (nodes, edges) = read_back(&text);
        assert_eq!((nodes.len(), edges.len()), (6, 5));
        assert_eq!(
            nodes["north-korea"]["d0"],
            "Democratic People's Republic of Korea"
        );
    }

    #[test]
    fn writes_only_the_subgraph_and_is_deterministic() {
        let g = sample::news();
        let edge = g
            .edges()
            .find(|&e| g.fact(e).relation == Relation::Leads)
            .unwrap();
        let sub = Subgraph::from_edges(&g, [edge], []);
        let text = render(&g, &sub);
        let (nodes, edges) = read_back(&text);
        assert_eq!(
            nodes.keys().collect::<Vec<_>>(),
            ["russia", "vladimir-putin"]
        );
        assert_eq!(edges.len(), 1);
        assert_eq!(text, render(&g, &sub));
    }

    #[test]
    fn hostile_names_survive_the_minimal_reader() {
        let g = sample::hostile();
        let (nodes, edges) = read_back(&render(&g, &Subgraph::whole(&g)));
        for n in g.nodes() {
            let e = g.entity(n);
            assert_eq!(nodes[&e.id]["d0"], e.name);
        }
        assert_eq!(edges.len(), g.fact_count());
    }

    #[test]
    fn networkx_reads_the_news_and_hostile_graphs() {
        for (g, (from, to)) in sample::graphs() {
            let sub = Subgraph::whole(&g);
            let ends = (from.as_str(), to.as_str());
            let Some(got) = consumer::python_on("read_graphml.py", "g.graphml", ends, |out| {
                write(&g, &sub, out)
            }) else {
                return;
            };
            assert_eq!(
                Normalized::from_consumer(&got),
                Normalized::expected(&g, &sub, ends)
            );
            assert_eq!(got["directed"], true);
        }
    }

    /// Names made of the characters that break XML writers, plus any XML-legal text.
    fn hostile_name() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(vec![
                    '<', '>', '&', '"', '\'', '\n', '\r', '\t', '\\', ';', '#', ' ', 'é', 'Ж',
                    '🚀', ']', '=',
                ]),
                any::<char>().prop_filter("XML-legal", |c| !escape::xml_forbidden(*c)),
            ],
            1..12,
        )
        .prop_map(|cs| cs.into_iter().collect::<String>())
        .prop_filter("kg names are not blank", |s| !s.trim().is_empty())
    }

    /// A graph of the given names, one entity each (the name also its alias), with one
    /// fact from the first to the last that carries `evidence`.
    fn graph_of(names: &[String], evidence: &str) -> KnowledgeGraph {
        let entities: Vec<Entity> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut e = Entity::new(format!("{n}{i}"), n.clone(), Kind::Thing);
                e.aliases = vec![n.clone()];
                e
            })
            .collect();
        let mut fact = Fact::new(
            entities[0].id.clone(),
            Relation::Sent,
            entities[entities.len() - 1].id.clone(),
        );
        fact.evidence = Some(evidence.to_string());
        let file = GraphFile {
            entities,
            facts: vec![fact],
            ..GraphFile::default()
        };
        KnowledgeGraph::from_file(file).unwrap()
    }

    proptest! {
        // Each case starts Python: a few cases only.
        #![proptest_config(ProptestConfig::with_cases(6))]
        #[test]
        fn networkx_reads_any_names(names in proptest::collection::vec(hostile_name(), 1..6), evidence in hostile_name()) {
            let g = graph_of(&names, &evidence);
            let sub = Subgraph::whole(&g);
            let from = format!("{}0", names[0]);
            let to = format!("{}{}", names[names.len() - 1], names.len() - 1);
            let ends = (from.as_str(), to.as_str());
            if let Some(got) = consumer::python_on("read_graphml.py", "g.graphml", ends, |out| {
                write(&g, &sub, out)
            }) {
                prop_assert_eq!(Normalized::from_consumer(&got), Normalized::expected(&g, &sub, ends));
            }
        }
    }

    proptest! {
        #[test]
        fn any_names_round_trip(names in proptest::collection::vec(hostile_name(), 1..6), evidence in hostile_name()) {
            let g = graph_of(&names, &evidence);
            let (nodes, edges) = read_back(&render(&g, &Subgraph::whole(&g)));
            prop_assert_eq!(nodes.len(), names.len());
            for e in g.nodes().map(|n| g.entity(n)) {
                prop_assert_eq!(&nodes[&e.id]["d0"], &e.name);
                prop_assert_eq!(&nodes[&e.id]["d2"], &escape::name_list(&e.aliases));
            }
            prop_assert_eq!(&edges[0].2["d7"], &evidence);
            prop_assert_eq!(&edges[0].0, &format!("{}0", names[0]));
        }
    }
}
