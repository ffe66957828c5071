//! `kg explain`: the path told as prose, pinned by snapshots, in both formats.

use crate::harness::{fixture, kg, stdout};
use insta::assert_snapshot;

#[test]
fn explain_putin_zoo() {
    let out = stdout(kg().args(["explain", "Putin", "Pyongyang Central Zoo"]));
    assert!(
        out.starts_with("On 22 November 2024 (news report), Vladimir Putin sent an African lion; the Pyongyang Central Zoo received it.\n"),
        "{out}"
    );
    assert!(out.contains("Source: 2024-11-22-putin-zoo-animals-pyongyang, 22 November 2024"));
    assert_snapshot!("explain_putin_zoo_text", out);
    let out = stdout(kg().args([
        "explain",
        "Putin",
        "Pyongyang Central Zoo",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["from"]["name"], "Vladimir Putin");
    assert_eq!(v["path"]["hops"], 2);
    assert_eq!(
        v["sources"][0]["id"],
        "2024-11-22-putin-zoo-animals-pyongyang"
    );
    assert_snapshot!("explain_putin_zoo_json", out);
}

#[test]
fn explain_without_dates_or_sources() {
    let out = stdout(kg().arg("--graph").arg(fixture("small.json")).args([
        "explain",
        "Ann",
        "Freedonia",
    ]));
    assert_eq!(
        out,
        "Ann Lee leads the Acme Zoo.\nIn May 2024, the Acme Zoo sent 2 giant pandas.\nFreedonia received a giant panda.\n"
    );
}

#[test]
fn explain_messages() {
    kg().arg("--graph")
        .arg(fixture("small.json"))
        .args(["explain", "Ann", "Lonely Isle"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("kg: no path from Ann Lee to Lonely Isle\n");
    kg().args([
        "explain",
        "Putin",
        "Pyongyang Central Zoo",
        "--via",
        "leads",
    ])
    .assert()
    .code(1)
    .stderr("kg: no path from Vladimir Putin to Pyongyang Central Zoo with these options\n");
    kg().args(["explain", "Putn", "Moscow Zoo"])
        .assert()
        .code(2)
        .stderr("kg: no entity named 'Putn'; did you mean 'Vladimir Putin'?\n");
    let out = stdout(kg().args(["explain", "Putin", "Vladimir Putin"]));
    assert_eq!(
        out,
        "Vladimir Putin and Vladimir Putin are the same entity.\n"
    );
}

#[test]
fn colour_follows_the_choice_and_no_color() {
    let args = [
        "--color",
        "always",
        "explain",
        "Putin",
        "Pyongyang Central Zoo",
    ];
    assert!(stdout(kg().args(args)).contains('\x1b'));
    assert!(!stdout(kg().args(args).env("NO_COLOR", "1")).contains('\x1b'));
    assert!(!stdout(kg().args(["explain", "Putin", "Pyongyang Central Zoo"])).contains('\x1b'));
}
