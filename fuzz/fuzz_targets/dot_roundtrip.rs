//! Fuzz target: entity names from the input (one a line) are exported as DOT; graphviz-rust's
//! parser must read it back, with every label equal to its name (control characters but
//! the newline read as spaces, `\r` dropped).
#![no_main]

use graphviz_rust::dot_structures::{Attribute, Graph, Id, Stmt};
use kg::model::{Entity, Fact, GraphFile, Kind, KnowledgeGraph, Relation, Subgraph};
use libfuzzer_sys::fuzz_target;

/// Reads back a quoted DOT string as kg writes it.
fn unquote(id: &Id) -> String {
    let Id::Escaped(q) = id else { panic!("kg quotes every string: {id:?}") };
    kg::export::escape::read_dot_string(q).unwrap_or_else(|| panic!("not a DOT string: {q}"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let names: Vec<&str> = text.split('\u{1}').filter(|n| !n.trim().is_empty()).take(20).collect();
    if names.is_empty() {
        return;
    }
    let entities = names
        .iter()
        .enumerate()
        .map(|(i, n)| Entity::new(format!("e{i}"), *n, Kind::Thing))
        .collect();
    let facts = (1..names.len()).map(|i| Fact::new(format!("e{}", i - 1), Relation::Sent, format!("e{i}"))).collect();
    let graph = KnowledgeGraph::from_file(GraphFile { entities, facts, ..GraphFile::default() }).unwrap();
    let mut out = Vec::new();
    kg::export::dot::write(&graph, &Subgraph::whole(&graph), &mut out).unwrap();
    let dot = String::from_utf8(out).unwrap();
    let parsed = graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{e}\n{dot}"));
    let Graph::DiGraph { stmts, .. } = parsed else { panic!("not a digraph") };
    let mut labels = Vec::new();
    for s in &stmts {
        if let Stmt::Node(node) = s {
            for Attribute(k, v) in &node.attributes {
                if matches!(k, Id::Plain(k) if k == "tooltip") {
                    labels.push(unquote(v));
                }
            }
        }
    }
    for (i, name) in names.iter().enumerate() {
        let shown: String = name.chars().filter(|&c| c != '\r').map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect();
        assert_eq!(labels[i], format!("thing: {shown}"));
    }
});
