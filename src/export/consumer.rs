//! Test support: runs the real programs that read kg's exports and compares what they
//! read with the graph that was written.
//!
//! The consumers live at fixed paths under the crate root, installed by
//! `tests/consumers/install.sh`: a Python venv at `.venv-consumers` (networkx, rdflib,
//! pandas, kuzu) running the scripts in `tests/consumers/`, and mermaid under node in
//! `tests/consumers/mermaid/`. Each Python script prints one JSON object
//! (see `tests/consumers/common.py`): `directed`, `multigraph`, `nodes` (id → name, kind,
//! aliases), `edges` ([subject, object, attributes]) and `shortest` (the length of the
//! shortest directed path between the two ids it is given, or null).
//!
//! When a consumer is missing the test fails if `CI=true`, and otherwise prints a skip
//! notice and passes, so a developer without the consumers is not blocked.

use crate::model::{KnowledgeGraph, Subgraph};
use petgraph::visit::EdgeRef;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate root, where the consumers are installed.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `None` after a skip notice, or a panic under `CI=true`: `what` is not installed.
fn missing<T>(what: &Path) -> Option<T> {
    let msg = format!(
        "consumer {} is missing: run tests/consumers/install.sh",
        what.display()
    );
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{msg} (CI=true, so this is a failure)");
    }
    // Straight to stderr, not eprintln!: the test harness captures the macros' output of
    // passing tests, and a skip should be seen.
    let _ = writeln!(io::stderr(), "SKIP: {msg}");
    None
}

/// Runs a command and parses its stdout as JSON; panics with its stderr on failure.
fn run_json(cmd: &mut Command) -> Value {
    let out = cmd.output().expect("consumer starts");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "consumer {cmd:?} failed:\n{stderr}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "consumer printed no JSON ({e}):\n{}\n{stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// Runs `tests/consumers/<script>` with the files `write` makes in a fresh temporary
/// folder, then the two ids whose shortest path it measures. `None` when the venv is
/// missing outside CI.
pub fn python(
    script: &str,
    ends: (&str, &str),
    write: impl FnOnce(&Path) -> io::Result<Vec<PathBuf>>,
) -> Option<Value> {
    let python = root().join(".venv-consumers/bin/python");
    if !python.exists() {
        return missing(&python);
    }
    let dir = tempfile::tempdir().unwrap();
    let files = write(dir.path()).unwrap();
    Some(run_json(
        Command::new(python)
            .arg(root().join("tests/consumers").join(script))
            .args(files)
            .args([ends.0, ends.1]),
    ))
}

/// [`python`] on one file named `name`, written by `write`.
pub fn python_on(
    script: &str,
    name: &str,
    ends: (&str, &str),
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Option<Value> {
    python(script, ends, |dir| {
        let path = dir.join(name);
        let mut file = std::fs::File::create(&path)?;
        write(&mut file)?;
        file.flush()?;
        Ok(vec![path])
    })
}

/// Runs `tests/consumers/mermaid/parse.mjs` (mermaid's own parser under node) on `text`;
/// it fails the test when mermaid rejects the diagram. `None` when mermaid is missing
/// outside CI.
pub fn mermaid(text: &str) -> Option<Value> {
    let dir = root().join("tests/consumers/mermaid");
    if !dir.join("node_modules/mermaid").exists() {
        return missing(&dir.join("node_modules/mermaid"));
    }
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("graph.mmd");
    std::fs::write(&path, text).unwrap();
    Some(run_json(
        Command::new("node").arg(dir.join("parse.mjs")).arg(&path),
    ))
}

/// A graph as the consumers report it, comparable with the one kg wrote.
#[derive(Debug, PartialEq)]
pub struct Normalized {
    /// id → (name, kind, sorted aliases).
    pub nodes: BTreeMap<String, (String, String, Vec<String>)>,
    /// Each edge as canonical JSON `[subject, object, attributes]`, sorted.
    pub edges: Vec<String>,
    /// The shortest directed path length between the two ids asked about.
    pub shortest: Value,
}

impl Normalized {
    /// What a consumer printed.
    pub fn from_consumer(v: &Value) -> Self {
        let nodes = v["nodes"]
            .as_object()
            .expect("nodes object")
            .iter()
            .map(|(id, n)| {
                let mut aliases: Vec<String> = n["aliases"]
                    .as_array()
                    .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
                    .unwrap_or_default();
                aliases.sort();
                let s = |k: &str| n[k].as_str().unwrap_or_default().to_string();
                (id.clone(), (s("name"), s("kind"), aliases))
            })
            .collect();
        let mut edges: Vec<String> = v["edges"]
            .as_array()
            .expect("edges array")
            .iter()
            .map(|e| {
                let attrs: BTreeMap<&String, &Value> = e[2]
                    .as_object()
                    .expect("edge attributes")
                    .iter()
                    .filter(|(_, v)| !v.is_null())
                    .collect();
                json!([e[0], e[1], attrs]).to_string()
            })
            .collect();
        edges.sort();
        Normalized {
            nodes,
            edges,
            shortest: v["shortest"].clone(),
        }
    }

    /// What a consumer should read from the subgraph written, asked about `ends`.
    pub fn expected(graph: &KnowledgeGraph, sub: &Subgraph, ends: (&str, &str)) -> Self {
        let nodes = sub
            .nodes
            .iter()
            .map(|&n| {
                let e = graph.entity(n);
                let mut aliases = e.aliases.clone();
                aliases.sort();
                (e.id.clone(), (e.name.clone(), e.kind.to_string(), aliases))
            })
            .collect();
        let mut edges: Vec<String> = sub
            .edges
            .iter()
            .map(|&e| {
                let f = graph.fact(e);
                let mut attrs = BTreeMap::new();
                attrs.insert("relation", json!(f.relation.as_str()));
                if let Some(c) = f.count {
                    attrs.insert("count", json!(c));
                }
                for (k, v) in [
                    ("date", &f.date),
                    ("source", &f.source),
                    ("evidence", &f.evidence),
                ] {
                    if let Some(v) = v {
                        attrs.insert(k, json!(v));
                    }
                }
                json!([f.subject, f.object, attrs]).to_string()
            })
            .collect();
        edges.sort();
        Normalized {
            nodes,
            edges,
            shortest: shortest(graph, sub, ends),
        }
    }
}

/// Breadth-first directed distance within the subgraph, or null when there is no path.
fn shortest(graph: &KnowledgeGraph, sub: &Subgraph, (from, to): (&str, &str)) -> Value {
    let (Some(from), Some(to)) = (graph.node(from), graph.node(to)) else {
        return Value::Null;
    };
    let mut dist = HashMap::from([(from, 0u64)]);
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            return json!(dist[&n]);
        }
        for e in graph.graph().edges(n) {
            if sub.edges.contains(&e.id()) && !dist.contains_key(&e.target()) {
                dist.insert(e.target(), dist[&n] + 1);
                queue.push_back(e.target());
            }
        }
    }
    Value::Null
}
