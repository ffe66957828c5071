//! Where to draw each node and edge of a [`Subgraph`]: by Graphviz when it is installed
//! ([`graphviz`]: the DOT export, without its legend, through `dot -Tjson`), or by kg's
//! own small force layout ([`force`]), which needs nothing and gives the same picture
//! every run.
//!
//! Coordinates are in points (1/72 inch, one CSS pixel at zoom 1), y growing downwards,
//! with the origin at the top left of the drawing.

use crate::export::dot;
use crate::model::{KnowledgeGraph, Subgraph};
use graphviz_rust::dot_structures::{Attribute, Graph, Id, Stmt};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use serde::Serialize;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// An edge drawn by Graphviz: a cubic Bézier spline (`points[0]`, then three points per
/// segment), the arrow tip it ends on, and where its label goes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Route {
    pub points: Vec<[f64; 2]>,
    pub tip: Option<[f64; 2]>,
    pub label: Option<[f64; 2]>,
}

/// Positions for a subgraph: `nodes[i]` is the centre of `sub.nodes[i]`, `edges[i]` the
/// route of `sub.edges[i]` when the layout drew one (else a straight line is drawn).
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// What made it: `"graphviz dot"`, `"graphviz sfdp"` or `"force"`.
    pub engine: String,
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<[f64; 2]>,
    pub edges: Vec<Option<Route>>,
}

/// The prefix of the ids edges get in the DOT given to Graphviz.
const EDGE_ID: &str = "kg-edge-";

/// Graphs with more nodes than this are laid out with `sfdp` (when installed) instead of
/// `dot`, which gets slow on big graphs.
const SFDP_ABOVE: usize = 300;

/// True when `program` runs.
pub fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// The Graphviz layout, or why there is none (not installed, or it failed).
pub fn graphviz(graph: &KnowledgeGraph, sub: &Subgraph) -> Result<Layout, String> {
    let engine = if sub.nodes.len() > SFDP_ABOVE && installed("sfdp") {
        "sfdp"
    } else {
        "dot"
    };
    let mut dot_graph = dot::to_dot(graph, sub);
    if let Graph::DiGraph { stmts, .. } = &mut dot_graph {
        // The legend is drawn by the page itself.
        stmts.retain(|s| !matches!(s, Stmt::Subgraph(_)));
        // Graphviz lists edges in its own order: name each so its route can be found.
        let edges = stmts.iter_mut().filter_map(|s| match s {
            Stmt::Edge(e) => Some(e),
            _ => None,
        });
        for (i, e) in edges.enumerate() {
            e.attributes.push(Attribute(
                Id::Plain("id".into()),
                Id::Escaped(format!("\"{EDGE_ID}{i}\"")),
            ));
        }
    }
    let text = dot_graph.print(&mut PrinterContext::default());
    let mut child = Command::new(engine)
        .arg("-Tjson")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {engine}: {}", crate::store::describe(&e)))?;
    let mut stdin = child.stdin.take().expect("piped");
    // Write from another thread so that a big output cannot block the input.
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("{engine} failed: {e}"))?;
    let _ = writer.join();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "{engine} failed: {}",
            err.lines().next().unwrap_or("")
        ));
    }
    let json: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("cannot read {engine}'s output: {e}"))?;
    parse(graph, sub, &json, engine)
}

/// Reads `dot -Tjson` output: node centres by name, edge splines in statement order.
fn parse(
    graph: &KnowledgeGraph,
    sub: &Subgraph,
    json: &Value,
    engine: &str,
) -> Result<Layout, String> {
    let bad = || format!("cannot read {engine}'s output: unexpected layout");
    let bb: Vec<f64> = json["bb"]
        .as_str()
        .ok_or_else(bad)?
        .split(',')
        .filter_map(|v| v.parse().ok())
        .collect();
    let [x0, y0, x1, y1] = bb[..] else {
        return Err(bad());
    };
    let flip = |p: [f64; 2]| {
        let round = |v: f64| (v * 10.0).round() / 10.0;
        [round(p[0] - x0), round(y1 - p[1])]
    };
    let objects = json["objects"].as_array().cloned().unwrap_or_default();
    let mut nodes = Vec::with_capacity(sub.nodes.len());
    for &n in &sub.nodes {
        let id = &graph.entity(n).id;
        let pos = objects
            .iter()
            .find(|o| o["name"].as_str() == Some(id))
            .and_then(|o| o["pos"].as_str())
            .and_then(point)
            .ok_or_else(bad)?;
        nodes.push(flip(pos));
    }
    let drawn = json["edges"].as_array().cloned().unwrap_or_default();
    let edges = (0..sub.edges.len())
        .map(|i| {
            let id = format!("{EDGE_ID}{i}");
            let e = drawn.iter().find(|e| e["id"].as_str() == Some(&id))?;
            let mut route = spline(e["pos"].as_str()?)?;
            route.points.iter_mut().for_each(|p| *p = flip(*p));
            route.tip = route.tip.map(flip);
            route.label = e["lp"].as_str().and_then(point).map(flip);
            Some(route)
        })
        .collect();
    Ok(Layout {
        engine: format!("graphviz {engine}"),
        width: x1 - x0,
        height: y1 - y0,
        nodes,
        edges,
    })
}

/// `"x,y"` as a point, to a tenth of a point.
fn point(s: &str) -> Option<[f64; 2]> {
    let (x, y) = s.split_once(',')?;
    let v = |t: &str| {
        t.trim()
            .parse::<f64>()
            .ok()
            .map(|v| (v * 10.0).round() / 10.0)
    };
    Some([v(x)?, v(y)?])
}

/// A Graphviz spline, `"e,x,y x,y x,y ..."` (the first of several when there are many).
fn spline(pos: &str) -> Option<Route> {
    let first = pos.split(';').next()?;
    let mut route = Route {
        points: Vec::new(),
        tip: None,
        label: None,
    };
    for part in first.split_whitespace() {
        if let Some(rest) = part.strip_prefix("e,") {
            route.tip = point(rest);
        } else if part.starts_with("s,") {
            // An arrow at the start: not drawn by kg's edges.
        } else {
            route.points.push(point(part)?);
        }
    }
    (route.points.len() >= 4 && (route.points.len() - 1).is_multiple_of(3)).then_some(route)
}

/// The ideal distance between linked nodes, in points.
const SPRING: f64 = 110.0;
/// The margin around the drawing.
const MARGIN: f64 = 40.0;

/// kg's own layout: Fruchterman–Reingold forces (every pair repels, linked nodes attract,
/// a weak pull to the centre keeps components together), from a deterministic spiral
/// start with a cooling schedule, so the same subgraph always gets the same picture.
/// Edges are left to be drawn straight.
///
/// # Complexity
/// O(I · (V² + E)) for I iterations (fewer on big graphs).
pub fn force(graph: &KnowledgeGraph, sub: &Subgraph) -> Layout {
    let n = sub.nodes.len();
    let index = |node| sub.nodes.binary_search(&node).expect("edge ends are nodes");
    let mut links: Vec<(usize, usize)> = sub
        .edges
        .iter()
        .map(|&e| {
            let (s, o) = graph.endpoints(e);
            let (a, b) = (index(s), index(o));
            (a.min(b), a.max(b))
        })
        .filter(|(a, b)| a != b)
        .collect();
    links.sort();
    links.dedup();
    // Golden-angle spiral start.
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let mut pos: Vec<[f64; 2]> = (0..n)
        .map(|i| {
            let r = SPRING * 0.6 * ((i as f64) + 0.5).sqrt();
            let a = i as f64 * golden;
            [r * a.cos(), r * a.sin()]
        })
        .collect();
    let iterations = if n > 400 { 60 } else { 300 };
    let k = SPRING;
    let mut temperature = SPRING * 2.0;
    let cool = temperature / iterations as f64;
    for _ in 0..iterations {
        let mut shift = vec![[0.0f64; 2]; n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / d2;
                shift[i][0] += dx * f;
                shift[i][1] += dy * f;
                shift[j][0] -= dx * f;
                shift[j][1] -= dy * f;
            }
        }
        for &(a, b) in &links {
            let (dx, dy) = (pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d / k;
            shift[a][0] -= dx * f;
            shift[a][1] -= dy * f;
            shift[b][0] += dx * f;
            shift[b][1] += dy * f;
        }
        for (p, s) in pos.iter_mut().zip(&mut shift) {
            s[0] -= p[0] * 0.02;
            s[1] -= p[1] * 0.02;
            let len = (s[0] * s[0] + s[1] * s[1]).sqrt();
            if len > 0.0 {
                let step = len.min(temperature);
                p[0] += s[0] / len * step;
                p[1] += s[1] / len * step;
            }
        }
        temperature = (temperature - cool).max(1.0);
    }
    // Labels are wider than tall: spread the drawing sideways, then push apart the label
    // boxes that still overlap.
    for p in &mut pos {
        p[0] *= 1.5;
    }
    let boxes: Vec<[f64; 2]> = sub
        .nodes
        .iter()
        .map(|&node| label_box(&graph.entity(node).name))
        .collect();
    separate(&mut pos, &boxes);
    let min_x = pos.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min);
    let min_y = pos.iter().map(|p| p[1]).fold(f64::INFINITY, f64::min);
    for p in &mut pos {
        p[0] += MARGIN * 2.0 - min_x;
        p[1] += MARGIN - min_y;
    }
    let width = pos.iter().map(|p| p[0]).fold(0.0, f64::max) + MARGIN * 2.0;
    let height = pos.iter().map(|p| p[1]).fold(0.0, f64::max) + MARGIN;
    Layout {
        engine: "force".into(),
        width: if n == 0 { 0.0 } else { width },
        height: if n == 0 { 0.0 } else { height },
        nodes: pos,
        edges: vec![None; sub.edges.len()],
    }
}

/// The half width and half height of a node drawn with its wrapped name, roughly, with
/// some room around it.
fn label_box(name: &str) -> [f64; 2] {
    let label = dot::wrap(name);
    let widest = label.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let lines = label.lines().count().max(1);
    [widest as f64 * 3.4 + 18.0, lines as f64 * 6.5 + 12.0]
}

/// Moves overlapping boxes (centres `pos`, half sizes `boxes`) apart along the axis where
/// they overlap least, a few rounds.
///
/// # Complexity
/// O(R · V²) for R rounds.
fn separate(pos: &mut [[f64; 2]], boxes: &[[f64; 2]]) {
    for _ in 0..60 {
        let mut moved = false;
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let dx = pos[j][0] - pos[i][0];
                let dy = pos[j][1] - pos[i][1];
                let ox = boxes[i][0] + boxes[j][0] - dx.abs();
                let oy = boxes[i][1] + boxes[j][1] - dy.abs();
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                // Ties (same centre) part by index, so the result stays deterministic.
                let sign = |d: f64| if d < 0.0 { -1.0 } else { 1.0 };
                if ox < oy {
                    let push = sign(dx) * (ox / 2.0 + 0.5);
                    pos[i][0] -= push;
                    pos[j][0] += push;
                } else {
                    let push = sign(dy) * (oy / 2.0 + 0.5);
                    pos[i][1] -= push;
                    pos[j][1] += push;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Fact, GraphFile, Kind, Relation};

    fn graph() -> KnowledgeGraph {
        KnowledgeGraph::from_file(GraphFile {
            entities: (0..6)
                .map(|i| Entity::new(format!("e{i}"), format!("E {i}"), Kind::Thing))
                .collect(),
            facts: vec![
                Fact::new("e0", Relation::Sent, "e1"),
                Fact::new("e1", Relation::Sent, "e2"),
                Fact::new("e2", Relation::Sent, "e0"),
                Fact::new("e3", Relation::Sent, "e4"),
            ],
            ..GraphFile::default()
        })
        .unwrap()
    }

    #[test]
    fn force_layout_is_deterministic_spread_and_in_view() {
        let g = graph();
        let sub = Subgraph::whole(&g);
        let a = force(&g, &sub);
        assert_eq!(a, force(&g, &sub));
        assert_eq!(a.nodes.len(), 6);
        for (i, p) in a.nodes.iter().enumerate() {
            assert!(p[0] >= 0.0 && p[1] >= 0.0 && p[0] <= a.width && p[1] <= a.height);
            for q in &a.nodes[i + 1..] {
                let apart = (p[0] - q[0]).abs() >= 2.0 * label_box("E 0")[0] - 1.0
                    || (p[1] - q[1]).abs() >= 2.0 * label_box("E 0")[1] - 1.0;
                assert!(apart, "nodes overlap: {p:?} {q:?}");
            }
        }
        let empty = force(&g, &Subgraph::default());
        assert!(empty.nodes.is_empty() && empty.width == 0.0);
    }

    #[test]
    fn splines_are_read() {
        let r = spline("e,100,10 0,0 30,0 60,10 90,10").unwrap();
        assert_eq!(r.points.len(), 4);
        assert_eq!(r.tip, Some([100.0, 10.0]));
        assert!(spline("0,0 1,1").is_none());
        assert_eq!(point("1.5,-2"), Some([1.5, -2.0]));
    }

    #[test]
    fn graphviz_layout_places_every_node() {
        if !installed("dot") {
            return;
        }
        let g = graph();
        let sub = Subgraph::whole(&g);
        let l = graphviz(&g, &sub).unwrap();
        assert_eq!(l.engine, "graphviz dot");
        assert_eq!(l.nodes.len(), 6);
        assert!(l.edges.iter().all(Option::is_some));
        for p in &l.nodes {
            assert!(p[0] >= 0.0 && p[1] >= 0.0 && p[0] <= l.width && p[1] <= l.height);
        }
    }
}
