//! `kg html`: the page is one self-contained file, its messages are pinned, and a real
//! headless Chromium (driven by tests/browser/view.test.js) searches, clicks and finds a
//! path in it. Screenshots go to `target/screenshots/`.

use crate::harness::{fixture, have, kg, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Where the browser test lives.
fn browser_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Where screenshots are saved: `target/screenshots/` (under CARGO_TARGET_DIR if set).
fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the tmp dir is inside the target dir")
        .join("screenshots")
}

/// True when node, Debian's chromium and the browser test's packages are installed. When
/// they are not: under CI the test fails, elsewhere it is skipped.
fn have_browser() -> bool {
    if !have("node") {
        return false;
    }
    let missing = [
        (
            "/usr/bin/chromium",
            Path::new("/usr/bin/chromium").to_path_buf(),
        ),
        (
            "playwright-core (npm ci in tests/browser)",
            browser_dir().join("node_modules/playwright-core"),
        ),
    ]
    .into_iter()
    .find(|(_, p)| !p.exists());
    if let Some((what, _)) = missing {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{what} is not installed, and CI needs it: tests/browser/install.sh installs it"
        );
        crate::harness::skip(&format!(
            "{what} is not installed (tests/browser/install.sh installs it)"
        ));
        return false;
    }
    true
}

/// The page between `<script type="application/json" id="kg-data">` and `</script>`.
fn embedded_data(html: &str) -> serde_json::Value {
    let start = html
        .find("id=\"kg-data\">")
        .expect("the page holds its data")
        + 13;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("the data is JSON")
}

/// Runs the browser test script; panics with its message when it fails.
fn browse(args: &[&std::ffi::OsStr]) {
    let started = Instant::now();
    let out = Command::new("node")
        .arg("view.test.js")
        .args(args)
        .current_dir(browser_dir())
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "browser test {} in {:.1}s",
        String::from_utf8_lossy(&out.stdout).trim(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn page_is_one_self_contained_file() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.html");
    kg().args(["html", "--around", "Putin", "--depth", "2", "-o"])
        .arg(&page)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for outside in [" src=", "<link", "@import", "url(http", "//cdn"] {
        assert!(!html.contains(outside), "the page loads {outside}");
    }
    let data = embedded_data(&html);
    let names: Vec<&str> = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Vladimir Putin") && names.contains(&"Pyongyang Central Zoo"));
    assert_eq!(data["focus"], "vladimir-putin");
    assert_eq!(data["title"], "kg: Around Vladimir Putin (2 hops)");
    let edge = &data["edges"][0];
    for field in [
        "s", "o", "subject", "relation", "object", "evidence", "source", "date",
    ] {
        assert!(edge.get(field).is_some(), "edges carry {field}");
    }
}

#[test]
fn messages_are_pinned() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("small.html");
    kg().arg("--graph")
        .arg(fixture("small.json"))
        .args(["html", "--layout", "force", "-o"])
        .arg(&page)
        .assert()
        .success()
        .stdout("")
        .stderr(format!(
            "kg: wrote {} (5 entities, 3 facts, layout: force)\n",
            page.display()
        ));
    kg().arg("--graph")
        .arg(fixture("small.json"))
        .args(["--quiet", "html", "-o"])
        .arg(&page)
        .assert()
        .success()
        .stderr("");
    kg().arg("--graph")
        .arg(fixture("small.json"))
        .args(["html", "--path", "Ann", "Lonely Isle"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("kg: no path from Ann Lee to Lonely Isle\n");
    let dir = tempfile::tempdir().unwrap();
    kg().current_dir(dir.path())
        .args(["html", "--around", "Putin", "-o", "pages/p.html"])
        .assert()
        .success();
    assert!(dir.path().join("pages/p.html").is_file());
    std::fs::write(dir.path().join("plain"), "").unwrap();
    kg().current_dir(dir.path())
        .args(["html", "-o", "plain/p.html"])
        .assert()
        .code(2)
        .stderr("kg: cannot write 'plain/p.html': a file stands where a folder should be\n");
}

#[test]
fn without_graphviz_kg_lays_out_the_page_itself() {
    let empty = tempfile::tempdir().unwrap();
    let out = stdout(kg().env("PATH", empty.path()).args([
        "html",
        "--path",
        "Putin",
        "Pyongyang Central Zoo",
    ]));
    let data = embedded_data(&out);
    assert_eq!(data["layout"], "force");
    assert_eq!(data["path"][0], "vladimir-putin");
    assert!(
        data["edges"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["route"].is_null())
    );
    kg().env("PATH", empty.path())
        .args(["html", "--layout", "graphviz"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "kg: Graphviz dot is not installed (--layout graphviz needs it; try --layout force)\n",
        );
}

#[test]
fn graphviz_lays_out_the_page_when_installed() {
    if !have("dot") {
        return;
    }
    let data = embedded_data(&stdout(kg().args(["html", "--around", "Putin"])));
    assert_eq!(data["layout"], "graphviz dot");
    let edges = data["edges"].as_array().unwrap();
    assert!(edges.iter().all(|e| e["route"]["points"].is_array()));
}

#[test]
fn hostile_strings_stay_inside_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let name = "</script><script>window.pwned=1</script><!-- \u{2028}x\u{2029}";
    let graph = serde_json::json!({
        "version": 1,
        "entities": [
            {"id": "a", "name": name, "kind": "person"},
            {"id": "b", "name": "B & <b>bold</b>", "kind": "animal"}
        ],
        "facts": [{"subject": "a", "relation": "sent", "object": "b",
                   "evidence": "He wrote </SCRIPT > and <!-- then -->."}]
    });
    let path = dir.path().join("hostile.json");
    std::fs::write(&path, graph.to_string()).unwrap();
    let page = dir.path().join("hostile.html");
    kg().arg("--graph")
        .arg(&path)
        .args([
            "html",
            "--title",
            "</title><script>window.pwned=1</script>",
            "-o",
        ])
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("window.pwned=1</script>"));
    assert_eq!(embedded_data(&html)["nodes"][0]["name"], name);
    if !have_browser() {
        return;
    }
    let shots = screenshot_dir();
    browse(&[
        "hostile".as_ref(),
        page.as_os_str(),
        shots.as_os_str(),
        name.as_ref(),
    ]);
}

#[test]
fn chromium_searches_clicks_and_finds_the_path() {
    if !have_browser() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("putin.html");
    kg().args(["html", "--around", "Putin", "--depth", "2", "-o"])
        .arg(&page)
        .assert()
        .success();
    let expected = dir.path().join("path.json");
    let path_json =
        stdout(kg().args(["path", "Putin", "Pyongyang Central Zoo", "--format", "json"]));
    std::fs::write(&expected, path_json).unwrap();
    let shots = screenshot_dir();
    browse(&[
        "main".as_ref(),
        page.as_os_str(),
        shots.as_os_str(),
        expected.as_os_str(),
    ]);
    for shot in ["html-overview.png", "html-card.png", "html-path.png"] {
        let size = std::fs::metadata(shots.join(shot))
            .map(|m| m.len())
            .unwrap_or(0);
        assert!(size > 10_000, "{shot} was saved");
    }
}
