//! Node-link JSON: the graph format of networkx (`node_link_data` / `node_link_graph`)
//! and D3, and the way back into kg ([`read`], which lives with the other graph-file
//! readers in `store::nodelink` and is re-exported here).
//!
//! [`write`] produces one JSON object (pretty-printed, UTF-8, ending in a newline):
//!
//! ```json
//! {
//!   "directed": true,
//!   "multigraph": true,
//!   "graph": {"sources": [{"id": "a1", "title": "…", "date": "2024-11-04"}]},
//!   "nodes": [{"id": "north-korea", "name": "…", "kind": "country", "aliases": ["DPRK"]}],
//!   "links": [{"source": "north-korea", "target": "troops", "key": 0, "relation": "sent",
//!              "count": 12000, "date": "2024-10", "article": "a1", "evidence": "…",
//!              "span": [0, 40], "rule": "…"}]
//! }
//! ```
//!
//! Nodes are in entity-id order, links in canonical fact order; `key` is the link's
//! position in that order (unique, so parallel facts stay apart in a multigraph). In a
//! link, `source` and `target` are entity ids as networkx and D3 expect, so the fact's
//! source article is written as `article`. `count`, `date`, `article`, `evidence`,
//! `span` and `rule` are absent when the fact has none; `aliases` is always present.
//! `graph.sources` lists the articles the written links cite (absent when none). Fields
//! kg does not know, kept on entities and facts, are written too, unless their name is
//! one of the above.
//!
//! networkx 3.4 and later default to `edges="edges"`; read this file with
//! `nx.node_link_graph(data, edges="links")` (networkx 3.6.1, the version the tests pin).

use super::{ordered_edges, ordered_nodes};
use crate::model::{Fact, Kind, KnowledgeGraph, Relation};
use crate::model::{Source, Subgraph};
pub use crate::store::nodelink::{ReadError, read};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::io::{self, Write};

/// Node fields kg writes itself; an entity's extra field of the same name is not written.
const NODE_FIELDS: [&str; 4] = ["id", "name", "kind", "aliases"];
/// Link fields kg writes itself (and `edges`' `subject`/`object`, never written).
const LINK_FIELDS: [&str; 11] = [
    "source", "target", "key", "relation", "count", "date", "article", "evidence", "span", "rule",
    "subject",
];

#[derive(Serialize)]
struct Document<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttrs<'a>,
    nodes: Vec<Node<'a>>,
    links: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct GraphAttrs<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<&'a Source>,
}

#[derive(Serialize)]
struct Node<'a> {
    id: &'a str,
    name: &'a str,
    kind: Kind,
    aliases: &'a [String],
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[derive(Serialize)]
struct Link<'a> {
    source: &'a str,
    target: &'a str,
    key: usize,
    relation: Relation,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// `extra` without the fields whose names kg writes itself.
fn unreserved(extra: &Map<String, Value>, reserved: &[&str]) -> Map<String, Value> {
    extra
        .iter()
        .filter(|(k, _)| !reserved.contains(&k.as_str()) && k.as_str() != "object")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Writes the subgraph as a node-link JSON document.
pub fn write(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    let nodes = ordered_nodes(graph, sub)
        .into_iter()
        .map(|n| {
            let e = graph.entity(n);
            Node {
                id: &e.id,
                name: &e.name,
                kind: e.kind,
                aliases: &e.aliases,
                extra: unreserved(&e.extra, &NODE_FIELDS),
            }
        })
        .collect();
    let facts: Vec<&Fact> = ordered_edges(graph, sub)
        .into_iter()
        .map(|e| graph.fact(e))
        .collect();
    let cited: BTreeSet<&str> = facts.iter().filter_map(|f| f.source.as_deref()).collect();
    let mut sources: Vec<&Source> = graph
        .sources()
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .collect();
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    let links = facts
        .into_iter()
        .enumerate()
        .map(|(key, f)| Link {
            source: &f.subject,
            target: &f.object,
            key,
            relation: f.relation,
            count: f.count,
            date: f.date.as_deref(),
            article: f.source.as_deref(),
            evidence: f.evidence.as_deref(),
            span: f.span,
            rule: f.rule.as_deref(),
            extra: unreserved(&f.extra, &LINK_FIELDS),
        })
        .collect();
    let doc = Document {
        directed: true,
        multigraph: true,
        graph: GraphAttrs { sources },
        nodes,
        links,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::consumer::{self, Normalized};
    use crate::export::sample;
    use crate::model::{Entity, GraphFile};
    use proptest::prelude::*;

    fn render(graph: &KnowledgeGraph, sub: &Subgraph) -> String {
        sample::render(write, graph, sub)
    }

    /// The graph file of a graph, less the sources no fact cites.
    fn cited_only(graph: &KnowledgeGraph) -> GraphFile {
        let mut file = graph.to_file();
        let facts = file.facts.clone();
        file.sources
            .retain(|s| facts.iter().any(|f| f.source.as_deref() == Some(&s.id)));
        file
    }

    #[test]
    fn round_trips_the_sample_graphs() {
        for (g, _) in sample::graphs() {
            let back = read(&render(&g, &Subgraph::whole(&g))).unwrap();
            assert_eq!(back, cited_only(&g));
            KnowledgeGraph::from_file(back).unwrap();
        }
    }

    #[test]
    fn keeps_unknown_fields_and_renames_the_fact_source() {
        let mut file = sample::news().to_file();
        file.entities[0]
            .extra
            .insert("wikidata".into(), Value::from("Q1"));
        file.entities[0]
            .extra
            .insert("kind2".into(), Value::from(3));
        file.facts[0].span = Some([3, 40]);
        file.facts[0].rule = Some("sent-troops".into());
        let g = KnowledgeGraph::from_file(file).unwrap();
        let text = render(&g, &Subgraph::whole(&g));
        assert!(text.contains(r#""article": "a1""#), "{text}");
        assert!(text.starts_with("{\n  \"directed\": true,\n  \"multigraph\": true,"));
        assert_eq!(read(&text).unwrap(), cited_only(&g));
    }

    #[test]
    fn networkx_reads_the_news_and_hostile_graphs() {
        for (g, (from, to)) in sample::graphs() {
            let sub = Subgraph::whole(&g);
            let ends = (from.as_str(), to.as_str());
            let Some(got) = consumer::python_on("read_nodelink.py", "g.json", ends, |out| {
                write(&g, &sub, out)
            }) else {
                return;
            };
            assert_eq!(
                Normalized::from_consumer(&got),
                Normalized::expected(&g, &sub, ends)
            );
            assert_eq!(
                (&got["directed"], &got["multigraph"]),
                (&true.into(), &true.into())
            );
        }
    }

    /// Any text kg accepts as a name: hostile characters mixed with arbitrary ones.
    fn hostile_name() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(vec![
                    '"', '\\', '\n', '\r', '\u{0}', '\u{2028}', '\u{FEFF}', '<', '/', 'ё', '🚀'
                ]),
                any::<char>(),
            ],
            1..12,
        )
        .prop_map(|cs| cs.into_iter().collect::<String>())
        .prop_filter("kg names are not blank", |s| !s.trim().is_empty())
    }

    proptest! {
        #[test]
        fn any_names_round_trip(
            names in proptest::collection::vec(hostile_name(), 1..6),
            evidence in hostile_name(),
            count in proptest::option::of(any::<u64>()),
        ) {
            let entities: Vec<Entity> = names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let mut e = Entity::new(format!("{n}{i}"), n.clone(), Kind::ALL[i % 9]);
                    e.aliases = vec![n.clone(), evidence.clone()];
                    e
                })
                .collect();
            let mut fact = Fact::new(entities[0].id.clone(), Relation::Stated, entities[entities.len() - 1].id.clone());
            fact.evidence = Some(evidence.clone());
            fact.count = count;
            let file = GraphFile { entities, facts: vec![fact.clone(), fact], ..GraphFile::default() };
            let g = KnowledgeGraph::from_file(file).unwrap();
            let back = read(&render(&g, &Subgraph::whole(&g))).unwrap();
            prop_assert_eq!(back, g.to_file());
        }
    }
}
