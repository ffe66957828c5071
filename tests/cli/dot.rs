//! `kg dot`: snapshots, and the real Graphviz `dot` drawing every output.

use crate::harness::{fixture, have, kg, stdout};
use insta::assert_snapshot;
use std::io::Write;
use std::process::{Command, Stdio};

/// Renders DOT with the real `dot -Tsvg`; panics with dot's message when it refuses.
fn render_svg(dot_text: &str) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot_text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "dot warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Undoes XML escaping in SVG text.
fn unescape_xml(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').map(|j| i + j).unwrap_or(rest.len() - 1);
        let entity = &rest[i + 1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&rest[i..=end]),
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The entity names a graph file holds, as the DOT export shows them in tooltips: control
/// characters but the newline become spaces.
fn names(graph: &std::path::Path) -> Vec<(String, String)> {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(graph).unwrap()).unwrap();
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let name: String = e["name"]
                .as_str()
                .unwrap()
                .chars()
                .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
                .collect();
            (e["kind"].as_str().unwrap().to_string(), name)
        })
        .collect()
}

fn assert_svg_names(svg: &str, expected: &[(String, String)]) {
    // Graphviz writes a run of spaces as a space and no-break spaces.
    let text = unescape_xml(svg).replace('\u{a0}', " ");
    for (kind, name) in expected {
        let tooltip = format!("{kind}: {name}");
        assert!(text.contains(&tooltip), "the SVG does not name {name:?}");
    }
}

#[test]
fn dot_snapshot() {
    assert_snapshot!("dot_whole", stdout(kg().arg("dot")));
    assert_snapshot!(
        "dot_hostile",
        stdout(kg().arg("--graph").arg(fixture("hostile.json")).arg("dot"))
    );
}

#[test]
fn graphviz_draws_the_whole_graph_naming_every_entity() {
    if !have("dot") {
        return;
    }
    let out = stdout(kg().arg("dot"));
    let svg = render_svg(&out);
    let graph = kg::store::load_base(None).unwrap();
    let expected: Vec<_> = graph
        .nodes()
        .map(|n| {
            (
                graph.entity(n).kind.to_string(),
                graph.entity(n).name.clone(),
            )
        })
        .collect();
    assert_svg_names(&svg, &expected);
}

#[test]
fn graphviz_draws_hostile_names_unchanged() {
    if !have("dot") {
        return;
    }
    let path = fixture("hostile.json");
    let svg = render_svg(&stdout(kg().arg("--graph").arg(&path).arg("dot")));
    assert_svg_names(&svg, &names(&path));
    assert!(
        unescape_xml(&svg)
            .contains("He said \"Quote \"Marks\" Agency\" \\ {} <tag> & 'quote'\nsecond line")
    );
}

#[test]
fn graphviz_draws_around_and_path() {
    if !have("dot") {
        return;
    }
    let around = stdout(kg().args(["dot", "--around", "Moscow Zoo", "--depth", "1"]));
    let svg = render_svg(&around);
    assert!(unescape_xml(&svg).contains("institution: Moscow Zoo"));
    assert!(svg.contains("Svetlana"));
    let path = stdout(kg().args(["dot", "--path", "Putin", "Pyongyang Central Zoo"]));
    let svg = unescape_xml(&render_svg(&path));
    assert!(
        svg.contains("person: Vladimir Putin")
            && svg.contains("institution: Pyongyang Central Zoo")
    );
    assert!(!svg.contains("Svetlana"), "only the path is drawn");
}

#[test]
fn selections_filter() {
    let small = fixture("small.json");
    let out = stdout(
        kg().arg("--graph")
            .arg(&small)
            .args(["dot", "--kind", "person,institution"]),
    );
    assert!(
        out.contains("\"Ann Lee\"") && !out.contains("giant panda"),
        "{out}"
    );
    let out = stdout(
        kg().arg("--graph")
            .arg(&small)
            .args(["dot", "--relation", "sent"]),
    );
    assert_eq!(out.matches("->").count(), 1, "{out}");
    kg().arg("--graph")
        .arg(&small)
        .args(["dot", "--path", "Ann", "Lonely Isle"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("kg: no path from Ann Lee to Lonely Isle\n");
}

#[test]
fn around_with_depth_zero_and_a_huge_depth() {
    let small = fixture("small.json");
    let around = |depth: &str| {
        stdout(
            kg().arg("--graph")
                .arg(&small)
                .args(["dot", "--around", "Acme", "--depth", depth]),
        )
    };
    // Depth 0: the entity alone; a huge depth: everything connected to it, and no more.
    let alone = around("0");
    assert!(
        alone.contains("\"acme\"[") && !alone.contains("->"),
        "{alone}"
    );
    let whole = around(&u64::MAX.to_string());
    for id in ["ann", "acme", "panda", "land"] {
        assert!(whole.contains(&format!("\"{id}\"[")), "{id}: {whole}");
    }
    assert!(!whole.contains("\"isle\""), "{whole}");
    assert_eq!(whole.matches(" -> ").count(), 3, "{whole}");
}

/// A graph file of `facts` facts: a ring of people, each leading the next.
fn ring(dir: &std::path::Path, facts: usize) -> std::path::PathBuf {
    let entities: Vec<String> = (0..facts)
        .map(|i| format!(r#"{{"id": "p{i}", "name": "Person {i}", "kind": "person"}}"#))
        .collect();
    let links: Vec<String> = (0..facts)
        .map(|i| {
            let j = (i + 1) % facts;
            format!(r#"{{"subject": "p{i}", "relation": "leads", "object": "p{j}"}}"#)
        })
        .collect();
    let path = dir.join(format!("ring{facts}.json"));
    std::fs::write(
        &path,
        format!(
            r#"{{"version": 1, "entities": [{}], "facts": [{}]}}"#,
            entities.join(","),
            links.join(",")
        ),
    )
    .unwrap();
    path
}

/// A graph too large to draw stops kg dot at once with what would make it drawable;
/// `--limit N` draws the N best-connected entities and says what it left out; kg html
/// lays out more than 500 facts with its own layout and refuses more than 5,000.
#[test]
fn pictures_stay_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let big = ring(dir.path(), 600);
    kg().arg("-g").arg(&big).arg("dot").assert().code(2).stdout("").stderr(
        "kg: 600 facts and 600 entities are too many for kg dot to draw (at most 500 facts): choose a part with --around NAME, --relation REL, --kind KIND or --limit N (the N best-connected entities); kg export --format dot writes them all\n",
    );
    let out = kg()
        .arg("-g")
        .arg(&big)
        .args(["dot", "--limit", "10"])
        .assert()
        .success()
        .stderr("kg: drew the 10 best-connected entities and the 7 facts among them; left out 590 entities and 593 facts\n")
        .get_output()
        .stdout
        .clone();
    let dot = String::from_utf8(out).unwrap();
    // All are equally connected: ties go by name (Person 0, Person 1, Person 10, ...).
    assert_eq!(dot.matches(" -> ").count(), 7, "{dot}");
    kg().arg("-g")
        .arg(&big)
        .args(["dot", "--limit", "590"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::ends_with(
            "kg: 589 facts and 590 entities are too many for kg dot to draw (at most 500 facts): choose a --limit below 590, or a part with --around NAME, --relation REL or --kind KIND; kg export --format dot writes them all\n",
        ));
    kg().arg("-g")
        .arg(&big)
        .args(["dot", "--around", "Person 7", "--depth", "2"])
        .assert()
        .success();
    kg().arg("-g")
        .arg(&big)
        .args(["html", "-o"])
        .arg(dir.path().join("big.html"))
        .assert()
        .success()
        .stderr(format!(
            "kg: laid out by kg's own layout: Graphviz takes minutes for more than 500 facts (--layout graphviz to wait for it)\nkg: wrote {} (600 entities, 600 facts, layout: force)\n",
            dir.path().join("big.html").display()
        ));
    let huge = ring(dir.path(), 5001);
    kg().arg("-g").arg(&huge).arg("html").assert().code(2).stdout("").stderr(
        "kg: 5001 facts and 5001 entities are too many for kg html to draw (at most 5000 facts): choose a part with --around NAME, --relation REL, --kind KIND or --limit N (the N best-connected entities)\n",
    );
}

/// Reading a large graph file (50 MB and more) shows a spinner on a terminal (under
/// `script`), cleared before the answer.
#[test]
fn a_large_graph_file_shows_a_spinner_on_a_terminal() {
    if !crate::harness::have_script() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pad = "x".repeat(1000);
    let entities: Vec<String> = (0..55_000)
        .map(|i| format!(r#"{{"id": "p{i}", "name": "Person {i} {pad}", "kind": "person"}}"#))
        .collect();
    let path = dir.path().join("large.json");
    std::fs::write(
        &path,
        format!(
            r#"{{"version": 1, "entities": [{}], "facts": [{{"subject": "p0", "relation": "leads", "object": "p1"}}]}}"#,
            entities.join(",")
        ),
    )
    .unwrap();
    let kg_bin = assert_cmd::cargo::cargo_bin!("kg");
    let line = format!(
        "stty rows 24 cols 100; {} -g {} dot --around p0",
        kg_bin.display(),
        path.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_remove("KG_SNAPSHOT")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let head: String = text.chars().take(300).collect();
    assert!(out.status.success(), "{head}");
    assert!(text.contains("reading "), "{head}");
    assert!(text.contains("large.json (55 MB)"), "{head}");
    assert!(
        text.contains("\u{1b}[2Kdigraph kg {"),
        "the spinner is cleared: {head}"
    );
}
