//! `kg export`: every format through the CLI (snapshots on the seed graph), the format
//! from the extension, atomic files, selections and the error messages.

use crate::harness::{fixture, kg, stdout};
use insta::assert_snapshot;

#[test]
fn every_format_on_the_seed_graph() {
    for format in [
        "dot", "graphml", "json", "turtle", "ntriples", "cypher", "mermaid",
    ] {
        let out = stdout(kg().args(["export", "--format", format, "--around", "Moscow Zoo"]));
        assert!(!out.is_empty(), "{format}");
        assert_snapshot!(format!("export_moscow_zoo_{format}"), out);
    }
}

#[test]
fn dot_is_export_as_dot() {
    assert_eq!(
        stdout(kg().arg("dot")),
        stdout(kg().args(["export", "--format", "dot"]))
    );
}

#[test]
fn format_from_the_extension_and_a_note_saying_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    for (file, starts) in [
        ("g.graphml", "<?xml"),
        ("g.json", "{"),
        ("g.ttl", "@prefix"),
        ("g.gv", "digraph"),
        ("g.mmd", "flowchart"),
    ] {
        kg().current_dir(dir.path())
            .args(["export", "-o", file])
            .assert()
            .success()
            .stdout("")
            .stderr(format!("kg: wrote {file}\n"));
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(text.starts_with(starts), "{file}: {text:.40}");
    }
}

#[test]
fn csv_writes_two_files_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    kg().current_dir(dir.path())
        .args(["export", "--format", "csv", "-o", "out"])
        .assert()
        .success()
        .stderr("kg: wrote out/nodes.csv and out/edges.csv\n");
    let edges = std::fs::read_to_string(dir.path().join("out/edges.csv")).unwrap();
    assert!(edges.starts_with("subject,relation,object,count,date,source,evidence"));
    kg().args(["export", "--format", "csv"])
        .assert()
        .code(2)
        .stderr("kg: csv writes two files (nodes.csv and edges.csv): give a folder with -o DIR\n");
    // A missing folder is created (the README's own command); a file is not a folder.
    kg().current_dir(dir.path())
        .args(["export", "--format", "csv", "-o", "csv/"])
        .assert()
        .success()
        .stderr("kg: wrote csv/nodes.csv and csv/edges.csv\n");
    assert!(dir.path().join("csv/edges.csv").is_file());
    std::fs::write(dir.path().join("plain"), "").unwrap();
    kg().current_dir(dir.path())
        .args(["export", "--format", "csv", "-o", "plain"])
        .assert()
        .code(2)
        .stderr("kg: csv writes nodes.csv and edges.csv into a folder: 'plain' is a file\n");
}

#[test]
fn selections_apply_to_every_format() {
    let small = fixture("small.json");
    let out = stdout(kg().arg("--graph").arg(&small).args([
        "export",
        "--format",
        "json",
        "--kind",
        "person,institution",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), 2);
    assert_eq!(v["links"].as_array().unwrap().len(), 1);
    let out = stdout(
        kg().arg("--graph")
            .arg(&small)
            .args(["export", "--format", "ntriples", "--path", "Ann", "panda"]),
    );
    assert!(out.contains("acme") && !out.contains("freedonia"), "{out}");
}

/// `--format kuzu`: Kuzu's node and relationship tables first, then the Cypher
/// statements `--format cypher` writes.
#[test]
fn export_kuzu_declares_its_tables_first() {
    let kuzu = kg()
        .args(["export", "--format", "kuzu", "--around", "Moscow Zoo"])
        .output()
        .unwrap();
    let cypher = kg()
        .args(["export", "--format", "cypher", "--around", "Moscow Zoo"])
        .output()
        .unwrap();
    assert!(kuzu.status.success() && cypher.status.success());
    let (kuzu, cypher) = (
        String::from_utf8(kuzu.stdout).unwrap(),
        String::from_utf8(cypher.stdout).unwrap(),
    );
    assert!(kuzu.starts_with("CREATE NODE TABLE "), "{kuzu}");
    assert!(kuzu.contains("CREATE REL TABLE "), "{kuzu}");
    assert!(kuzu.ends_with(&cypher), "{kuzu}");
}

#[test]
fn export_errors() {
    kg().args(["export"])
        .assert()
        .code(2)
        .stderr("kg: give a format: kg export --format dot|graphml|json|turtle|ntriples|cypher|csv|mermaid|kuzu (or -o FILE with a known extension)\n");
    kg().args(["export", "-o", "graph.xyz"])
        .assert()
        .code(2)
        .stderr("kg: cannot tell the format from 'graph.xyz': add --format (dot, graphml, json, turtle, ntriples, cypher, csv, mermaid, kuzu)\n");
    let dir = tempfile::tempdir().unwrap();
    kg().current_dir(dir.path())
        .args(["export", "-o", "new/folder/g.graphml"])
        .assert()
        .success()
        .stderr("kg: wrote new/folder/g.graphml\n");
    assert!(dir.path().join("new/folder/g.graphml").is_file());
    std::fs::write(dir.path().join("plain"), "").unwrap();
    kg().current_dir(dir.path())
        .args(["export", "-o", "plain/g.graphml"])
        .assert()
        .code(2)
        .stderr("kg: cannot write 'plain/g.graphml': a file stands where a folder should be\n");
}

#[test]
fn a_failed_export_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.graphml"), "precious").unwrap();
    kg().current_dir(dir.path())
        .args(["export", "-o", "g.graphml", "--around", "Nobody"])
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("g.graphml")).unwrap(),
        "precious"
    );
}

#[test]
fn networkx_finds_paths_as_long_as_kg_path() {
    let Some(python) = crate::harness::consumer_python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("seed.graphml");
    kg().arg("export").arg("-o").arg(&file).assert().success();
    let graph = kg::store::load_base(None).unwrap();
    let ids: Vec<String> = graph.nodes().map(|n| graph.entity(n).id.clone()).collect();
    // Pairs spread over the graph, deterministic: every 7th entity against every 11th.
    let pairs: Vec<(&str, &str)> = (0..12)
        .map(|i| {
            (
                ids[(i * 7) % ids.len()].as_str(),
                ids[(i * 11 + 3) % ids.len()].as_str(),
            )
        })
        .collect();
    let lengths = crate::harness::networkx_lengths(&python, &file, &pairs);
    for ((a, b), nx_len) in pairs.iter().zip(lengths) {
        assert_eq!(crate::harness::kg_hops(None, a, b), nx_len, "{a} -> {b}");
    }
}

#[test]
fn node_link_json_round_trips_into_kg() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("seed.json");
    kg().arg("export").arg("-o").arg(&file).assert().success();
    // kg reads its node-link export as a graph: the same facts, the same export again.
    let facts = stdout(kg().args(["facts", "--format", "json"]));
    let again = stdout(
        kg().arg("--graph")
            .arg(&file)
            .args(["facts", "--format", "json"]),
    );
    assert_eq!(facts, again);
    let reexported = stdout(
        kg().arg("--graph")
            .arg(&file)
            .args(["export", "--format", "json"]),
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), reexported);
    std::fs::write(
        &file,
        r#"{"nodes": [{"id": 1}], "links": [{"source": 1, "target": 2}]}"#,
    )
    .unwrap();
    kg().arg("--graph")
        .arg(&file)
        .arg("stats")
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(format!(
            "kg: node-link file '{}' is not valid: ",
            file.display()
        )));
}
