//! Hostile entity names through the query commands and the exports: quotes, a newline,
//! control characters (a tab, a terminal escape, a bell), Hebrew, Arabic, mixed direction
//! and emoji (`tests/fixtures/names.json`). Each name resolves, as stored and as text
//! output shows it; text output never lets a control character through to the terminal;
//! the exports keep every name exactly.

use crate::harness::{fixture, kg, no_panic, stdout};
use kg::print::text::{one_line, printable};
use serde_json::Value;

/// `kg --graph tests/fixtures/names.json ARGS`.
fn on(args: &[&str]) -> assert_cmd::Command {
    let mut cmd = kg();
    cmd.arg("--graph").arg(fixture("names.json")).args(args);
    cmd
}

/// The fixture's entities: (id, name).
fn entities() -> Vec<(String, String)> {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("names.json")).unwrap()).unwrap();
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("id"), s("name"))
        })
        .collect()
}

/// Fails when text output holds a control character other than the newline.
fn terminal_safe(text: &str) {
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reaches the terminal: {text:?}"
    );
}

#[test]
fn every_name_resolves_as_stored_as_shown_and_by_id() {
    for (id, name) in entities() {
        // Text output shows each control character as a space; typed with one space for
        // each run, as a user would, the name still resolves.
        let shown = printable(&name).into_owned();
        for query in [&name, &shown, &one_line(&name), &id] {
            let out = stdout(&mut on(&["show", "--format", "json", "--", query]));
            let card: Value = serde_json::from_str(&out).unwrap();
            assert_eq!(card["id"], id.as_str(), "{query:?}");
            assert_eq!(card["name"], name.as_str(), "JSON keeps the name as stored");
        }
        let text = stdout(&mut on(&["show", "--", &name]));
        terminal_safe(&text);
        assert!(text.starts_with(&format!("{shown}\n  kind:")), "{text}");
    }
}

#[test]
fn a_path_through_every_name() {
    let text = stdout(&mut on(&["path", "--", "🐼", "Quote \"Marks\" Agency"]));
    terminal_safe(&text);
    assert_eq!(
        text.lines().next().unwrap(),
        "🐼 panda <-[cooperates-with]- Zoo של תל אביב <-[cooperates-with]- القاهرة \
         <-[cooperates-with]- משרד החוץ <-[cooperates-with]- Tab and [2J  Bureau \
         <-[cooperates-with]- Line Break Fleet <-[cooperates-with]- Quote \"Marks\" Agency"
    );
    assert!(
        text.contains("\n   \"They said [1m\"quote\" works with them. Second line.\"\n"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&stdout(&mut on(&[
        "path", "--format", "json", "--", "🐼", "quote",
    ])))
    .unwrap();
    assert_eq!(json["to"]["name"], "Quote \"Marks\" Agency");
    let walked: Vec<&str> = json["paths"][0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["fact"]["subject"]["name"].as_str().unwrap())
        .collect();
    let names: Vec<String> = entities().into_iter().map(|(_, n)| n).collect();
    assert_eq!(walked, names[..6].iter().rev().collect::<Vec<_>>());
    terminal_safe(&stdout(&mut on(&[
        "neighbours",
        "--depth",
        "9",
        "--",
        "quote",
    ])));
    terminal_safe(&stdout(&mut on(&["entities"])));
    let told = stdout(&mut on(&["explain", "--", "quote", "🐼"]));
    terminal_safe(&told);
    assert!(
        told.starts_with("The Quote \"Marks\" Agency cooperates with Line Break Fleet.\nLine Break Fleet cooperates with the Tab and [2J Bureau.\n"),
        "{told}"
    );
    terminal_safe(&stdout(&mut on(&["facts"])));
}

#[test]
fn unknown_names_are_told_on_one_line() {
    no_panic(on(&["show", "--", "Tab\tand\u{1b}[2J\u{7} Bureau\nx"]).assert())
        .code(2)
        .stdout("")
        .stderr("kg: no entity named 'Tab and [2J Bureau x'; did you mean 'Tab and [2J Bureau'?\n");
}

#[test]
fn dot_and_json_exports_keep_every_name() {
    let dot = stdout(&mut on(&["dot"]));
    graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{e}\n{dot}"));
    let around = stdout(&mut on(&["dot", "--around", "משרד החוץ", "--depth", "1"]));
    assert_eq!(around.matches(" -> ").count(), 2, "{around}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("names.json");
    on(&["export", "-o"]).arg(&file).assert().success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let exported: Vec<(String, String)> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_string(),
                n["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut expected = entities();
    expected.sort();
    let mut got = exported;
    got.sort();
    assert_eq!(got, expected);
    // kg reads its own export back: the same names resolve to the same entities.
    for (id, name) in entities() {
        let out = stdout(
            kg().arg("--graph")
                .arg(&file)
                .args(["show", "--format", "json", "--", &name]),
        );
        assert_eq!(
            serde_json::from_str::<Value>(&out).unwrap()["id"],
            id.as_str()
        );
    }
}
