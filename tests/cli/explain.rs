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
    assert!(out.contains(
        "Source: news report (publisher not recorded), 2024-11-22-putin-zoo-animals-pyongyang, 22 November 2024"
    ));
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

/// The `source:` and `title:` headers of an article are kept (add, build, extract) and
/// shown by show, path, explain and the HTML page; the publisher names the source in
/// explain's sentences.
#[test]
fn source_and_title_headers_are_kept_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("ap.txt"),
        "source: Associated Press\ndate: 2024-11-22\ntitle: Putin sends lions to Moscow Zoo\n\nVladimir Putin sent two lions to the Moscow Zoo.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("re.txt"),
        "source: Reuters\ndate: 2024-12-01\ntitle: Zoo news\n\nThe Moscow Zoo sent two lions to the Pyongyang Central Zoo.\n",
    )
    .unwrap();
    kg().current_dir(d).args(["init", "-q"]).assert().success();
    kg().current_dir(d)
        .args(["add", "ap.txt", "re.txt"])
        .assert()
        .success();
    let show = stdout(kg().current_dir(d).args(["show", "Putin"]));
    assert!(
        show.contains("    source: ap (2024-11-22) \u{2014} Associated Press, \u{201c}Putin sends lions to Moscow Zoo\u{201d}\n"),
        "{show}"
    );
    let path = stdout(
        kg().current_dir(d)
            .args(["path", "Putin", "Pyongyang Central"]),
    );
    assert!(
        path.contains("   source: re (2024-12-01) \u{2014} Reuters, \u{201c}Zoo news\u{201d}\n"),
        "{path}"
    );
    kg().current_dir(d)
        .args(["explain", "Putin", "Pyongyang Central"])
        .assert()
        .success()
        .stdout(
            "On 22 November 2024 (Associated Press), Vladimir Putin sent 2 lions.
On 1 December 2024 (Reuters), the Pyongyang Central Zoo received 2 lions.

Sources:
  1. \u{201c}Putin sends lions to Moscow Zoo\u{201d}, Associated Press, ap, 22 November 2024, ap.txt
  2. \u{201c}Zoo news\u{201d}, Reuters, re, 1 December 2024, re.txt
",
        );
    let page = stdout(kg().current_dir(d).args(["html", "--layout", "force"]));
    assert!(
        page.contains(r#""publisher":"Associated Press""#)
            && page.contains(r#""title":"Zoo news""#),
        "the page's data holds the headers"
    );
    let sources = stdout(kg().current_dir(d).args(["sources", "--format", "json"]));
    assert!(sources.contains(r#""publisher": "Reuters""#), "{sources}");
    // kg extract and kg build keep them too.
    let one = stdout(kg().current_dir(d).args(["extract", "ap.txt"]));
    assert!(
        one.contains(r#""publisher": "Associated Press""#)
            && one.contains(r#""title": "Putin sends lions to Moscow Zoo""#),
        "{one}"
    );
    kg().current_dir(d)
        .args(["build", "ap.txt", "re.txt", "-o", "ab.json"])
        .assert()
        .success();
    let built = std::fs::read_to_string(d.join("ab.json")).unwrap();
    assert!(built.contains(r#""publisher": "Reuters""#), "{built}");
}
