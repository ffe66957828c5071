//! A self-contained interactive HTML page: the graph drawn as SVG by a small script of
//! kg's own, with search, entity and fact cards, a path finder, pan and zoom. The page
//! loads nothing: its styles (`html/view.css`), script (`html/view.js`) and data are all
//! inside it, so it opens from disk with no network.
//!
//! The format written:
//!
//! ```text
//! <!DOCTYPE html>
//! <html lang="en"><head><meta charset="utf-8"><title>TITLE</title>
//! <style>view.css</style></head>
//! <body> header (search, path boxes), <svg id="graph">, legend, card panel
//! <script type="application/json" id="kg-data">DATA</script>
//! <script>view.js</script></body></html>
//! ```
//!
//! DATA is one JSON object:
//!
//! ```text
//! {"title", "layout": "graphviz dot" | "graphviz sfdp" | "force", "width", "height",
//!  "kinds": [{"kind", "color", "shape"}],           // the kinds drawn, palette of `kg dot`
//!  "nodes": [{"id", "name", "kind", "aliases", "facts", "label": [line, ...], "x", "y"}],
//!  "edges": [{"s", "o",                              // indices into nodes
//!             "subject", "relation", "object", "count", "date", "source", "evidence",
//!             "span", "rule",                        // the fact, as `--format json` prints it
//!             "route": {"points", "tip", "label"} | null}],   // Graphviz spline, if any
//!  "sources": [{"id", "title", "publisher"?, "date", "path"}],
//!  "focus": entity id | null,                        // --around's centre
//!  "path": [from id, to id] | null}                  // --path's ends, found on load
//! ```
//!
//! `"label"` is the name wrapped into lines as `kg dot` wraps it, control characters made
//! spaces. `"facts"` on a node counts its facts in the whole graph, which may be more than the page
//! holds. The JSON is escaped for a `<script>` element: every `<`, `>` and `&` is written
//! `\u003c`, `\u003e`, `\u0026`, and U+2028/U+2029 as `\u2028`/`\u2029`, so no string
//! (`</script>`, `<!--`) can end the element early. The title is HTML-escaped.

use crate::export::layout::{Layout, Route};
use crate::export::{dot, escape};
use crate::model::{Kind, KnowledgeGraph, Subgraph};
use crate::print::json::{EntityView, FactView, SourceView};
use serde::Serialize;
use std::io::{self, Write};

const CSS: &str = include_str!("html/view.css");
const JS: &str = include_str!("html/view.js");

/// What the page shows besides the graph.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub title: String,
    /// The entity the view centres on first (`--around`).
    pub focus: Option<String>,
    /// The path to show on load (`--path`): entity ids.
    pub path: Option<[String; 2]>,
}

#[derive(Serialize)]
struct KindView {
    kind: Kind,
    color: &'static str,
    shape: &'static str,
}

#[derive(Serialize)]
struct NodeView<'a> {
    #[serde(flatten)]
    entity: EntityView<'a>,
    label: Vec<String>,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct EdgeView<'a> {
    s: usize,
    o: usize,
    #[serde(flatten)]
    fact: FactView<'a>,
    route: Option<&'a Route>,
}

#[derive(Serialize)]
struct Data<'a> {
    title: &'a str,
    layout: &'a str,
    width: f64,
    height: f64,
    kinds: Vec<KindView>,
    nodes: Vec<NodeView<'a>>,
    edges: Vec<EdgeView<'a>>,
    sources: Vec<SourceView<'a>>,
    focus: Option<&'a str>,
    path: Option<&'a [String; 2]>,
}

/// Writes the page for `sub`, drawn where `layout` says.
pub fn write(
    graph: &KnowledgeGraph,
    sub: &Subgraph,
    layout: &Layout,
    page: &Page,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut kinds: Vec<Kind> = sub.nodes.iter().map(|&n| graph.entity(n).kind).collect();
    kinds.sort();
    kinds.dedup();
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let nodes = sub
        .nodes
        .iter()
        .zip(&layout.nodes)
        .map(|(&n, p)| NodeView {
            entity: EntityView::new(graph, n),
            label: dot::wrap(&graph.entity(n).name)
                .lines()
                .map(|l| {
                    l.chars()
                        .map(|c| if c.is_control() { ' ' } else { c })
                        .collect()
                })
                .collect(),
            x: round(p[0]),
            y: round(p[1]),
        })
        .collect();
    let index = |n| sub.nodes.binary_search(&n).expect("edge ends are nodes");
    let edges = sub
        .edges
        .iter()
        .zip(&layout.edges)
        .map(|(&e, route)| {
            let (s, o) = graph.endpoints(e);
            EdgeView {
                s: index(s),
                o: index(o),
                fact: FactView::new(graph, e),
                route: route.as_ref(),
            }
        })
        .collect();
    let used: Vec<&str> = sub
        .edges
        .iter()
        .filter_map(|&e| graph.fact(e).source.as_deref())
        .collect();
    let sources = graph
        .sources()
        .iter()
        .filter(|s| used.contains(&s.id.as_str()))
        .map(|s| SourceView::new(graph, &s.id))
        .collect();
    let data = Data {
        title: &page.title,
        layout: &layout.engine,
        width: round(layout.width),
        height: round(layout.height),
        kinds: kinds
            .into_iter()
            .map(|k| {
                let (shape, color) = dot::style(k);
                KindView {
                    kind: k,
                    color,
                    shape,
                }
            })
            .collect(),
        nodes,
        edges,
        sources,
        focus: page.focus.as_deref(),
        path: page.path.as_ref(),
    };
    let json = serde_json::to_string(&data).map_err(io::Error::other)?;
    let title = escape::html(&page.title);
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"kg {version}\">\n\
         <title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <header>\n  <h1>{title}</h1>\n\
         \x20 <div class=\"box\"><input id=\"search\" type=\"search\" placeholder=\"Find an entity…\" autocomplete=\"off\" aria-label=\"Find an entity by name or alias\"><ul id=\"matches\" hidden></ul></div>\n\
         \x20 <form id=\"pathform\" class=\"box\"><input id=\"from\" placeholder=\"From…\" aria-label=\"Path from\" autocomplete=\"off\"><span>→</span><input id=\"to\" placeholder=\"To…\" aria-label=\"Path to\" autocomplete=\"off\"><button id=\"findpath\" type=\"submit\">Path</button><button id=\"clearpath\" type=\"button\" title=\"Clear the path\">×</button></form>\n\
         \x20 <div class=\"zoom\"><button id=\"zoomin\" title=\"Zoom in\">+</button><button id=\"zoomout\" title=\"Zoom out\">−</button><button id=\"fit\" title=\"Fit to window\">Fit</button></div>\n\
         </header>\n<main>\n  <svg id=\"graph\" role=\"img\" aria-label=\"The graph\"></svg>\n\
         \x20 <aside id=\"legend\"></aside>\n  <aside id=\"card\" hidden></aside>\n  <p id=\"status\"></p>\n</main>\n\
         <script type=\"application/json\" id=\"kg-data\">{data}</script>\n<script>\n{JS}</script>\n</body>\n</html>\n",
        version = env!("CARGO_PKG_VERSION"),
        data = escape_script_json(&json),
    )
}

/// JSON made safe inside a `<script>` element (see the module doc).
pub fn escape_script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::layout;
    use crate::model::{Entity, Fact, GraphFile, Relation};

    #[test]
    fn script_json_cannot_end_the_script() {
        let hostile = r#"{"a":"</script><!-- & \u2028"}"#.replace("\\u2028", "\u{2028}");
        let safe = escape_script_json(&hostile);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["a"], "</script><!-- & \u{2028}");
    }

    #[test]
    fn page_holds_everything_and_no_hostile_markup() {
        let g = KnowledgeGraph::from_file(GraphFile {
            entities: vec![
                Entity::new("a", "</script><script>alert(1)</script>", Kind::Person),
                Entity::new("b", "B <!-- x", Kind::Animal),
            ],
            facts: vec![Fact {
                evidence: Some("He said </SCRIPT> & left\u{2029}.".into()),
                ..Fact::new("a", Relation::Sent, "b")
            }],
            ..GraphFile::default()
        })
        .unwrap();
        let sub = Subgraph::whole(&g);
        let mut out = Vec::new();
        let page = Page {
            title: "<b>t</b>".into(),
            ..Page::default()
        };
        write(&g, &sub, &layout::force(&g, &sub), &page, &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert_eq!(
            html.matches("</script>").count(),
            2,
            "only kg's own scripts end"
        );
        assert!(!html.contains("alert(1)</"));
        assert!(html.contains("<title>&lt;b&gt;t&lt;/b&gt;</title>"));
        assert!(!html.contains(" src=") && !html.contains("<link") && !html.contains("@import"));
        let start = html.find("id=\"kg-data\">").unwrap() + 13;
        let end = start + html[start..].find("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(
            data["nodes"][0]["name"],
            "</script><script>alert(1)</script>"
        );
        assert_eq!(data["edges"][0]["relation"], "sent");
        assert_eq!(data["edges"][0]["s"], 0);
        assert_eq!(data["kinds"][0]["color"], dot::style(Kind::Person).1);
    }
}
