//! Bad input: every error is one line on stderr, `kg: ` first, with a non-zero exit.

use crate::harness::{fixture, kg, no_panic};

#[test]
fn unknown_name_suggests() {
    kg().args(["path", "Putn", "Pyongyang Central Zoo"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("kg: no entity named 'Putn'; did you mean 'Vladimir Putin'?\n");
    kg().args(["show", "Obama"])
        .assert()
        .code(2)
        .stderr("kg: no entity named 'Obama' (try 'kg entities' to list them)\n");
}

#[test]
fn ambiguous_name_lists_candidates() {
    kg().args(["neighbours", "zoo"])
        .assert()
        .code(2)
        .stderr("kg: 'zoo' is ambiguous: it could be Moscow Zoo (institution), Pyongyang Central Zoo (institution) (give more of the name)\n");
}

#[test]
fn empty_name() {
    kg().args(["show", ""])
        .assert()
        .code(2)
        .stderr("kg: empty entity name (try 'kg entities' to list them)\n");
}

#[test]
fn unknown_relation_in_via() {
    kg().args(["path", "Putin", "Moscow Zoo", "--via", "sent,gave"])
        .assert()
        .code(2)
        .stderr("kg: invalid value 'gave' for '--via <REL,...>': unknown relation 'gave' (expected one of: sent, received, stated, deployed-to, leads, member-of, located-in, signed, fought, cooperates-with)\n\nFor more information, try '--help'.\n");
}

#[test]
fn unknown_kind() {
    kg().args(["entities", "--kind", "planet"])
        .assert()
        .code(2)
        .stderr("kg: invalid value 'planet' for '--kind <KIND>': unknown kind 'planet' (expected one of: person, institution, country, place, animal, group, agreement, statement, thing)\n\nFor more information, try '--help'.\n");
}

#[test]
fn missing_graph_file() {
    let dir = tempfile::tempdir().unwrap();
    kg().current_dir(dir.path())
        .args(["--graph", "missing.json", "stats"])
        .assert()
        .code(2)
        .stderr("kg: cannot read graph file 'missing.json': no such file\n");
}

#[test]
fn directory_as_graph_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    kg().current_dir(dir.path())
        .args(["--graph", "folder", "stats"])
        .assert()
        .code(2)
        .stderr("kg: cannot read graph file 'folder': it is a directory\n");
}

/// Writes `text` as `g.json` in a fresh folder and runs `kg --graph g.json stats` there.
fn with_graph(text: &[u8]) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.json"), text).unwrap();
    kg().current_dir(dir.path())
        .args(["--graph", "g.json", "stats"])
        .assert()
}

#[test]
fn malformed_graph_files() {
    with_graph(b"not json")
        .code(2)
        .stderr("kg: graph file 'g.json' is not valid: line 1, column 2: expected ident\n");
    with_graph(b"{\"version\": 1, \"entities\": [")
        .code(2)
        .stderr(
            "kg: graph file 'g.json' is not valid: line 1, column 28: EOF while parsing a list\n",
        );
    with_graph(b"[1, 2]")
        .code(2)
        .stderr("kg: graph file 'g.json' is not valid: line 1, column 1: invalid type: sequence, expected a graph file object with \"version\", \"entities\" and \"facts\"\n");
    with_graph(b"{\"version\": 7, \"entities\": []}")
        .code(2)
        .stderr("kg: graph file 'g.json' is not valid: format version 7 is newer than this kg reads (1); upgrade kg\n");
    with_graph(b"\xff\xfe{}")
        .code(2)
        .stderr("kg: cannot read graph file 'g.json': it is not UTF-8 text\n");
}

#[test]
fn graph_files_that_say_impossible_things() {
    let dangling = br#"{"version": 1,
  "entities": [{"id": "a", "name": "A", "kind": "person"}],
  "facts": [{"subject": "a", "relation": "leads", "object": "b"}]}"#;
    with_graph(dangling)
        .code(2)
        .stderr("kg: graph file 'g.json' is not valid: line 3: fact object 'b' names no entity\n");
    let duplicate = br#"{"version": 1,
  "entities": [{"id": "a", "name": "A", "kind": "person"},
               {"id": "a", "name": "B", "kind": "person"}]}"#;
    with_graph(duplicate)
        .code(2)
        .stderr("kg: graph file 'g.json' is not valid: line 3: entity id 'a' is used twice\n");
    let bad_kind = br#"{"version": 1, "entities": [{"id": "a", "name": "A", "kind": "planet"}]}"#;
    with_graph(bad_kind).code(2).stderr(
        "kg: graph file 'g.json' is not valid: line 1, column 69: unknown variant `planet`, expected one of `person`, `institution`, `country`, `place`, `animal`, `group`, `agreement`, `statement`, `thing`\n",
    );
}

#[test]
fn minimal_hand_written_graph_loads() {
    kg().arg("--graph")
        .arg(fixture("small.json"))
        .arg("stats")
        .assert()
        .success();
}

#[test]
fn usage_errors_name_what_is_missing() {
    kg().args(["path", "Putin"]).assert().code(2).stderr(
        "kg: the following required arguments were not provided:
  <TO>

Usage: kg path <FROM> <TO>

For more information, try '--help'.
",
    );
    kg().arg("path").assert().code(2).stderr(
        "kg: the following required arguments were not provided:
  <FROM>
  <TO>

Usage: kg path <FROM> <TO>

For more information, try '--help'.
",
    );
    kg().arg("add").assert().code(2).stderr(
        "kg: the following required arguments were not provided:
  <ARTICLE>...

Usage: kg add <ARTICLE>...

For more information, try '--help'.
",
    );
}

#[test]
fn unknown_command_suggests_the_near_one() {
    kg().args(["pth", "Putin", "Kursk"])
        .assert()
        .code(2)
        .stderr(
            "kg: unrecognized subcommand 'pth'

  tip: a similar subcommand exists: 'path'

Usage: kg [OPTIONS] <COMMAND>

For more information, try '--help'.
",
        );
    kg().arg("frobnicate").assert().code(2).stderr(
        "kg: unrecognized subcommand 'frobnicate'

Usage: kg [OPTIONS] <COMMAND>

For more information, try '--help'.
",
    );
}

#[test]
fn every_enum_option_lists_its_values() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["export", "--format", "yaml"],
            "kg: invalid value 'yaml' for '--format <FORMAT>'
  [possible values: dot, graphml, json, turtle, ntriples, cypher, csv, mermaid, kuzu]
",
        ),
        (
            &["neighbours", "Putin", "--direction", "sideways"],
            "kg: invalid value 'sideways' for '--direction <DIRECTION>'
  [possible values: out, in, both]
",
        ),
        (
            &["--color", "sometimes", "stats"],
            "kg: invalid value 'sometimes' for '--color <WHEN>'
  [possible values: auto, always, never]
",
        ),
        (
            &["facts", "--format", "xml"],
            "kg: invalid value 'xml' for '--format <FORMAT>'
  [possible values: text, json]
",
        ),
        (
            &["html", "--layout", "grid"],
            "kg: invalid value 'grid' for '--layout <LAYOUT>'
  [possible values: auto, graphviz, force]
",
        ),
        (
            &["completions", "tcsh"],
            "kg: invalid value 'tcsh' for '<SHELL>'
  [possible values: bash, elvish, fish, powershell, zsh]

  tip: a similar value exists: 'zsh'
",
        ),
    ];
    for (args, message) in cases {
        kg().args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("{message}\nFor more information, try '--help'.\n"));
    }
}

#[test]
fn kg_alone_prints_a_short_usage() {
    let out = kg().assert().code(2).stdout("").get_output().stderr.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with(
        "kg: a knowledge graph of who did what to whom, built from news articles

Usage: kg [OPTIONS] <COMMAND>

Commands:
  path         How two entities are connected, fact by fact (shortest first)
"
    ));
    assert!(text.ends_with(
        "
Example:
  kg path Putin \"Pyongyang Central Zoo\"

More: 'kg --help', 'kg help COMMAND'
"
    ));
    for command in ["neighbours", "explain", "init", "add", "sources", "eval"] {
        assert!(
            text.contains(&format!("\n  {command} ")),
            "{command}: {text}"
        );
    }
    assert!(text.lines().all(|l| l.chars().count() <= 100), "{text}");
}

#[test]
fn closed_pipe_is_not_an_error() {
    let out = dot_into_a_closed_pipe();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// Runs `kg export --format dot` on a big graph and closes its output after 16 bytes, as
/// `| head -c 16`.
fn dot_into_a_closed_pipe() -> std::process::Output {
    // A graph big enough that its DOT overflows the pipe buffer, so `kg` meets the closed
    // pipe mid-write.
    let mut entities = Vec::new();
    let mut facts = Vec::new();
    for i in 0..3000 {
        entities.push(format!(
            r#"{{"id": "e{i}", "name": "Entity number {i}", "kind": "thing"}}"#
        ));
        if i > 0 {
            facts.push(format!(
                r#"{{"subject": "e{i}", "relation": "sent", "object": "e{}"}}"#,
                i - 1
            ));
        }
    }
    let text = format!(
        r#"{{"version": 1, "entities": [{}], "facts": [{}]}}"#,
        entities.join(","),
        facts.join(",")
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    std::fs::write(&path, text).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kg"))
        .arg("--graph")
        .arg(&path)
        // kg dot refuses a graph this large; kg export writes it.
        .args(["export", "--format", "dot"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    child.wait_with_output().unwrap()
}

#[test]
fn exit_statuses_are_as_documented() {
    // The table in src/exit.rs is the README's.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let table: Vec<String> = std::fs::read_to_string(root.join("src/exit.rs"))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("/// |"))
        .map(|row| format!("|{row}"))
        .collect();
    assert_eq!(table.len(), 5, "{table:?}");
    for row in &table {
        assert!(
            readme.contains(&format!("\n{row}\n")),
            "README.md lacks {row}"
        );
    }
    // Each status from a real command.
    let small = fixture("small.json");
    let on_small = |args: &[&str]| {
        let mut cmd = kg();
        cmd.arg("--graph").arg(&small).args(args);
        no_panic(cmd.assert())
    };
    on_small(&["path", "Ann", "panda"]).code(0);
    assert_eq!(dot_into_a_closed_pipe().status.code(), Some(0));
    on_small(&["path", "Ann", "Lonely Isle"])
        .code(1)
        .stderr("kg: no path from Ann Lee to Lonely Isle\n");
    on_small(&["path", "--depth", "2", "Ann", "panda"])
        .code(2)
        .stderr(predicates::str::starts_with(
            "kg: unexpected argument '--depth' found\n",
        ));
    on_small(&["path", "Ann", "Bob"])
        .code(2)
        .stderr("kg: no entity named 'Bob' (try 'kg entities' to list them)\n");
    with_graph(b"{\"version\": 1, \"entities\": [{\"id\": \"a\"}]}")
        .code(2)
        .stderr("kg: graph file 'g.json' is not valid: line 1, column 39: missing field `name`\n");
}
