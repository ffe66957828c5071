//! Graphviz DOT: the graph as a `digraph` that `dot -Tsvg` draws.
//!
//! The format written:
//!
//! ```text
//! digraph kg {
//!   graph [rankdir=LR, ...]; node [...]; edge [...]
//!   "<entity id>" [label="<name, wrapped>", shape=<by kind>, fillcolor="<by kind>", tooltip="<kind>: <name>"]
//!   "<subject id>" -> "<object id>" [label="<relation> (<count>)", tooltip="<date>: <evidence>"]
//!   (with dir="none" for the symmetric relations, fought and cooperates-with)
//!   subgraph cluster_legend { label="kinds"; "legend:<kind>" [label="<kind>", ...] ... }
//! }
//! ```
//!
//! Every id and label is a quoted DOT string: `\` and `"` are escaped, `&` is written
//! `&amp;` (Graphviz reads HTML entities in strings), a newline becomes `\n` and other
//! control characters a space, so any name survives. (graphviz-rust prints
//! ids exactly as given, so the quoting is done here.) Node ids are entity ids; the legend
//! shows only the kinds that appear.

use super::escape;
use crate::model::{Kind, KnowledgeGraph, Subgraph};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt,
    Subgraph as DotSubgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::io::{self, Write};

/// Names longer than this are wrapped onto several lines.
pub const WRAP: usize = 22;
/// Names longer than this (statements) are cut with an ellipsis.
const CUT: usize = 90;

/// The shape and fill colour of a kind's nodes.
pub fn style(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Person => ("ellipse", "#fde68a"),
        Kind::Institution => ("box", "#bfdbfe"),
        Kind::Country => ("hexagon", "#fecaca"),
        Kind::Place => ("house", "#bbf7d0"),
        Kind::Animal => ("egg", "#fed7aa"),
        Kind::Group => ("octagon", "#ddd6fe"),
        Kind::Agreement => ("component", "#e9d5ff"),
        Kind::Statement => ("note", "#f3f4f6"),
        Kind::Thing => ("box3d", "#d1d5db"),
    }
}

/// Writes the subgraph as DOT.
pub fn write(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    let dot = to_dot(graph, sub);
    let text = dot.print(&mut PrinterContext::default());
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")
}

/// The subgraph as a graphviz-rust [`Graph`].
pub fn to_dot(graph: &KnowledgeGraph, sub: &Subgraph) -> Graph {
    let mut stmts = vec![
        attrs(
            "graph",
            &[
                ("rankdir", "LR"),
                ("fontname", "Helvetica"),
                ("nodesep", "0.3"),
            ],
        ),
        attrs(
            "node",
            &[
                ("fontname", "Helvetica"),
                ("fontsize", "11"),
                ("style", "filled"),
            ],
        ),
        attrs(
            "edge",
            &[
                ("fontname", "Helvetica"),
                ("fontsize", "9"),
                ("color", "#555555"),
            ],
        ),
    ];
    let mut kinds: Vec<Kind> = Vec::new();
    for &n in &sub.nodes {
        let e = graph.entity(n);
        if !kinds.contains(&e.kind) {
            kinds.push(e.kind);
        }
        let (shape, fill) = style(e.kind);
        let tooltip = format!("{}: {}", e.kind, e.name);
        stmts.push(node(
            &e.id,
            &[
                ("label", &wrap(&e.name)),
                ("shape", shape),
                ("fillcolor", fill),
                ("tooltip", &tooltip),
            ],
        ));
    }
    for &ei in &sub.edges {
        let f = graph.fact(ei);
        let (s, o) = graph.endpoints(ei);
        let label = match f.count {
            Some(c) => format!("{} ({c})", f.relation),
            None => f.relation.to_string(),
        };
        let mut tooltip = f.date.clone().unwrap_or_default();
        if let Some(ev) = &f.evidence {
            if !tooltip.is_empty() {
                tooltip.push_str(": ");
            }
            tooltip.push_str(ev);
        }
        let mut a = vec![attr("label", &label)];
        if f.relation.is_symmetric() {
            a.push(attr("dir", "none"));
        }
        if !tooltip.is_empty() {
            a.push(attr("tooltip", &tooltip));
        }
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(vertex(&graph.entity(s).id), vertex(&graph.entity(o).id)),
            attributes: a,
        }));
    }
    if !kinds.is_empty() {
        kinds.sort();
        let mut legend = vec![
            Stmt::Attribute(attr("label", "kinds")),
            Stmt::Attribute(attr("fontname", "Helvetica")),
            Stmt::Attribute(attr("style", "dashed")),
        ];
        for k in kinds {
            let (shape, fill) = style(k);
            legend.push(node(
                &format!("legend:{k}"),
                &[("label", k.as_str()), ("shape", shape), ("fillcolor", fill)],
            ));
        }
        stmts.push(Stmt::Subgraph(DotSubgraph {
            id: Id::Plain("cluster_legend".into()),
            stmts: legend,
        }));
    }
    Graph::DiGraph {
        id: Id::Plain("kg".into()),
        strict: false,
        stmts,
    }
}

/// Breaks a long name into lines of about [`WRAP`] characters at spaces, and cuts a very
/// long one.
pub fn wrap(name: &str) -> String {
    let mut name: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > CUT {
        name = name.chars().take(CUT - 1).collect::<String>() + "…";
    }
    let mut out = String::new();
    let mut line = 0;
    for word in name.split(' ') {
        let w = word.chars().count();
        if line > 0 && line + 1 + w > WRAP {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += w;
    }
    out
}

fn id(s: &str) -> Id {
    Id::Escaped(escape::dot_string(s))
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.into()), id(v))
}

fn vertex(s: &str) -> Vertex {
    Vertex::N(NodeId(id(s), None))
}

fn node(name: &str, a: &[(&str, &str)]) -> Stmt {
    Stmt::Node(Node::new(
        NodeId(id(name), None),
        a.iter().map(|(k, v)| attr(k, v)).collect(),
    ))
}

fn attrs(ty: &str, a: &[(&str, &str)]) -> Stmt {
    let list = a.iter().map(|(k, v)| attr(k, v)).collect();
    Stmt::GAttribute(match ty {
        "graph" => GraphAttributes::Graph(list),
        "node" => GraphAttributes::Node(list),
        _ => GraphAttributes::Edge(list),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Fact, GraphFile, Relation};

    #[test]
    fn wrap_breaks_long_names_at_spaces() {
        assert_eq!(wrap("Moscow Zoo"), "Moscow Zoo");
        assert_eq!(
            wrap("Russian Ministry of Natural Resources and Environment"),
            "Russian Ministry of\nNatural Resources and\nEnvironment"
        );
        assert!(wrap(&"word ".repeat(40)).ends_with('…'));
    }

    #[test]
    fn output_parses_back_with_graphviz_rust() {
        let g = KnowledgeGraph::from_file(GraphFile {
            entities: vec![
                Entity::new("a", "A \"quoted\" \\ name\nwith newline", Kind::Person),
                Entity::new("b", "Б", Kind::Animal),
            ],
            facts: vec![Fact {
                count: Some(2),
                ..Fact::new("a", Relation::Sent, "b")
            }],
            ..GraphFile::default()
        })
        .unwrap();
        let mut out = Vec::new();
        write(&g, &Subgraph::whole(&g), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(r#"label="sent (2)""#), "{text}");
        let parsed = graphviz_rust::parse(&text).unwrap();
        let Graph::DiGraph { stmts, .. } = parsed else {
            panic!("not a digraph")
        };
        let edges = stmts.iter().filter(|s| matches!(s, Stmt::Edge(_))).count();
        assert_eq!(edges, 1);
    }
}
