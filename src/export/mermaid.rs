//! Mermaid flowcharts, which GitHub renders inside a ```` ```mermaid ```` block in Markdown.
//!
//! [`write`] produces a `flowchart LR` diagram:
//!
//! ```text
//! flowchart LR
//!   n0["Vladimir Putin"]
//!   n1["Russia"]
//!   n0 -->|"leads (2024)"| n1
//!   classDef person fill:#fde68a,stroke:#555555   (the fills of kg dot's palette)
//!   class n0 person
//! ```
//!
//! Node ids are generated (`n0`, `n1`, … in entity-id order), so no entity id can be read
//! as a Mermaid keyword (`end`, `subgraph`, …) or break the syntax. Each node's label is
//! its name; each edge's label is its relation, followed by the count and date in
//! parentheses when the fact has them. Labels are quoted and escaped by
//! [`escape::mermaid_label`]: `"` as `#quot;`, `#` as `#35;`, `<` `>` `&` as `#lt;`
//! `#gt;` `#amp;`, a backtick as `#96;`, line breaks as `<br>`. Nodes get a class per
//! kind (`classDef person …`), so kinds show as colours.

use super::{escape, ordered_edges, ordered_nodes};
use crate::model::{Kind, KnowledgeGraph, Subgraph};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

/// Writes the subgraph as a Mermaid flowchart.
pub fn write(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "flowchart LR")?;
    let nodes = ordered_nodes(graph, sub);
    let mut ids = HashMap::with_capacity(nodes.len());
    let mut by_kind: BTreeMap<Kind, Vec<String>> = BTreeMap::new();
    for (i, &n) in nodes.iter().enumerate() {
        let e = graph.entity(n);
        let id = format!("n{i}");
        writeln!(out, "  {id}[\"{}\"]", escape::mermaid_label(&e.name))?;
        by_kind.entry(e.kind).or_default().push(id.clone());
        ids.insert(n, id);
    }
    for edge in ordered_edges(graph, sub) {
        let f = graph.fact(edge);
        let (s, o) = graph.endpoints(edge);
        let details: Vec<String> = f
            .count
            .map(|c| c.to_string())
            .into_iter()
            .chain(f.date.clone())
            .collect();
        let mut label = f.relation.as_str().to_string();
        if !details.is_empty() {
            label = format!("{label} ({})", details.join(", "));
        }
        writeln!(
            out,
            "  {} -->|\"{}\"| {}",
            ids[&s],
            escape::mermaid_label(&label),
            ids[&o]
        )?;
    }
    for (kind, members) in by_kind {
        writeln!(
            out,
            "  classDef {kind} fill:{},stroke:#555555",
            super::dot::style(kind).1
        )?;
        writeln!(out, "  class {} {kind}", members.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::consumer;
    use crate::export::sample;

    fn render(graph: &KnowledgeGraph, sub: &Subgraph) -> String {
        sample::render(write, graph, sub)
    }

    #[test]
    fn writes_a_flowchart_with_generated_ids() {
        let g = sample::news();
        let text = render(&g, &Subgraph::whole(&g));
        assert!(
            text.starts_with("flowchart LR\n  n0[\"brown bear\"]\n"),
            "{text}"
        );
        assert!(text.contains("-->|\"sent (12000, 2024-10)\"|"), "{text}");
        assert!(text.contains("  class n5 person\n"), "{text}");
        assert_eq!(text, render(&g, &Subgraph::whole(&g)));
    }

    #[test]
    fn hostile_names_cannot_break_out_of_labels() {
        let g = sample::hostile();
        let text = render(&g, &Subgraph::whole(&g));
        for line in text.lines().skip(1) {
            let line = line.trim();
            assert!(
                line.starts_with('n') || line.starts_with("class"),
                "stray line {line:?}"
            );
            assert_eq!(line.matches('"').count() % 2, 0, "{line}");
        }
        assert!(!text.contains("</script>"));
    }

    /// mermaid.parse accepts the diagram, and the labels mermaid reads (entity codes
    /// decoded) are the names written, line breaks as `\n`.
    #[test]
    fn mermaid_parses_the_news_and_hostile_graphs() {
        for (g, _) in sample::graphs() {
            let sub = Subgraph::whole(&g);
            let Some(got) = consumer::mermaid(&render(&g, &sub)) else {
                return;
            };
            let mut labels: Vec<String> = got["vertices"]
                .as_object()
                .unwrap()
                .values()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            labels.sort();
            let mut names: Vec<String> = g
                .nodes()
                .map(|n| g.entity(n).name.replace("\r\n", "\n").replace('\r', "\n"))
                .collect();
            names.sort();
            assert_eq!(labels, names);
            assert_eq!(got["edges"].as_array().unwrap().len(), g.fact_count());
        }
    }
}
