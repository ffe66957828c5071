//! `kg show`, `kg entities`, `kg facts`, `kg stats`: every command in both formats.

use crate::harness::{fixture, kg, stdout};
use insta::assert_snapshot;

#[test]
fn show_card() {
    let out = stdout(kg().args(["show", "Putin"]));
    assert!(
        out.starts_with("Vladimir Putin\n  kind:     person\n"),
        "{out}"
    );
    assert_snapshot!("show_putin_text", out);
    let out = stdout(kg().args(["show", "Putin", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kind"], "person");
    assert!(
        v["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Putin")
    );
    assert_snapshot!("show_putin_json", out);
}

#[test]
fn entities_list() {
    assert_snapshot!("entities_text", stdout(kg().arg("entities")));
    assert_snapshot!(
        "entities_json",
        stdout(kg().args(["entities", "--format", "json"]))
    );
    let people = stdout(kg().args(["entities", "--kind", "person", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&people).unwrap();
    assert!(v.as_array().unwrap().iter().all(|e| e["kind"] == "person"));
}

#[test]
fn facts_list() {
    assert_snapshot!("facts_text", stdout(kg().arg("facts")));
    let out = stdout(kg().args(["facts", "--format", "json"]));
    assert_snapshot!("facts_json", out);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for f in v.as_array().unwrap() {
        for key in [
            "subject", "relation", "object", "count", "date", "source", "evidence",
        ] {
            assert!(f.get(key).is_some(), "fact without {key}: {f}");
        }
        assert!(
            f["subject"]["id"].is_string()
                && f["subject"]["name"].is_string()
                && f["subject"]["kind"].is_string()
        );
    }
}

#[test]
fn facts_filters() {
    let small = fixture("small.json");
    let out = stdout(
        kg().arg("--graph")
            .arg(&small)
            .args(["facts", "--relation", "sent"]),
    );
    assert_eq!(out, "Acme Zoo -[sent]-> giant panda  (count 2, 2024-05)\n");
    let out = stdout(kg().arg("--graph").arg(&small).args([
        "facts",
        "--entity",
        "panda",
        "--no-evidence",
    ]));
    assert_eq!(out.lines().count(), 2);
    kg().arg("--graph")
        .arg(&small)
        .args(["facts", "--relation", "fought"])
        .assert()
        .code(1)
        .stderr("kg: no facts match\n");
}

#[test]
fn stats_counts() {
    let out = stdout(kg().arg("--graph").arg(fixture("small.json")).arg("stats"));
    assert!(out.starts_with("0 sources, 5 entities, 3 facts\n"), "{out}");
    assert_snapshot!("stats_text", stdout(kg().arg("stats")));
    assert_snapshot!(
        "stats_json",
        stdout(kg().args(["stats", "--format", "json"]))
    );
}

#[test]
fn graph_option_before_or_after_and_from_the_environment() {
    let small = fixture("small.json");
    let want = "0 sources, 5 entities, 3 facts";
    assert!(stdout(kg().arg("--graph").arg(&small).arg("stats")).starts_with(want));
    assert!(stdout(kg().arg("stats").arg("--graph").arg(&small)).starts_with(want));
    assert!(stdout(kg().env("KG_GRAPH", &small).arg("stats")).starts_with(want));
}

#[test]
fn colour_only_when_asked_and_never_under_no_color() {
    let out = stdout(kg().args(["--color", "always", "show", "Putin"]));
    assert!(out.contains("\x1b["), "colour was asked for");
    let out = stdout(
        kg().args(["--color", "always", "show", "Putin"])
            .env("NO_COLOR", "1"),
    );
    assert!(!out.contains("\x1b["), "NO_COLOR wins");
    assert!(
        !stdout(kg().args(["show", "Putin"])).contains("\x1b["),
        "not a terminal"
    );
}

/// The widest line of a text, in terminal columns.
fn widest(text: &str) -> usize {
    text.lines().map(kg::print::width::width).max().unwrap_or(0)
}

/// Text listings fit `COLUMNS`, a long name cut with `…` (never below 12 columns, so a
/// very narrow line may still be passed); without `COLUMNS` and without a
/// terminal nothing is cut; JSON is never cut.
#[test]
fn listings_fit_the_terminal_width() {
    let at = |cols: &str, args: &[&str]| stdout(kg().env("COLUMNS", cols).args(args));
    let out = at("80", &["entities"]);
    assert!(out.starts_with(
        "NAME                                                          KIND         FACTS\nAlexander Kozlov                                              person           4\n"
    ), "{out}");
    assert!(
        out.contains(
            "Cooperation between Russia and the Democratic People's Repu…  statement        1\n"
        ),
        "{out}"
    );
    for args in [
        &["entities"][..],
        &["facts", "--no-evidence"],
        &["sources"],
        &["stats"],
        &["entities", "--kind", "statement"],
    ] {
        for cols in ["80", "70"] {
            let out = at(cols, args);
            let n: usize = cols.parse().unwrap();
            assert!(widest(&out) <= n, "{args:?} at {cols}: {out}");
        }
    }
    // Without a terminal (and COLUMNS) nothing is cut.
    let out = stdout(kg().arg("entities"));
    assert!(widest(&out) > 200 && !out.contains('…'), "{out}");
    // JSON keeps every name whole.
    let out = at("80", &["entities", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"].as_str().unwrap().chars().count() > 150)
    );
    // Two long names of a likely duplicate share the line.
    let dir = tempfile::tempdir().unwrap();
    let long = "The International Committee for the Protection of Very Long Names";
    let graph = format!(
        r#"{{"version": 1, "entities": [
            {{"id": "a", "name": "{long} of Europe", "kind": "institution"}},
            {{"id": "b", "name": "{long}", "kind": "institution"}},
            {{"id": "c", "name": "Ann Lee", "kind": "person"}}],
          "facts": [
            {{"subject": "c", "relation": "leads", "object": "a"}},
            {{"subject": "c", "relation": "leads", "object": "b"}}]}}"#
    );
    std::fs::write(dir.path().join("g.json"), graph).unwrap();
    let out = stdout(
        kg().env("COLUMNS", "80")
            .arg("-g")
            .arg(dir.path().join("g.json"))
            .arg("duplicates"),
    );
    assert!(widest(&out) <= 80 && out.contains('…'), "{out}");
}

/// On a terminal (under `script`, which gives kg one) of 80 columns, without `COLUMNS`,
/// the listing fits the terminal's width.
#[test]
fn listings_fit_the_terminals_own_width() {
    if !crate::harness::have_script() {
        return;
    }
    let kg_bin = assert_cmd::cargo::cargo_bin!("kg");
    let line = format!("stty rows 24 cols 80; {} entities", kg_bin.display());
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_remove("COLUMNS")
        .env_remove("KG_GRAPH")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(out.status.success(), "{text}");
    assert!(
        text.starts_with(
            "NAME                                                          KIND         FACTS\n"
        ),
        "{text}"
    );
    assert!(widest(&text) <= 80 && text.contains('…'), "{text}");
}
