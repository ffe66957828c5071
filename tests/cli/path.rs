//! `kg path`: on the embedded graph and on a small fixture.

use crate::harness::{fixture, kg, stdout};
use insta::assert_snapshot;

#[test]
fn putin_to_pyongyang_central_zoo_through_real_facts() {
    let out = stdout(kg().args(["path", "Putin", "Pyongyang Central Zoo"]));
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("Vladimir Putin -["), "{out}");
    assert!(first.ends_with("Pyongyang Central Zoo"), "{out}");
    assert!(
        out.contains("source: 2024-11-22-putin-zoo-animals-pyongyang"),
        "{out}"
    );
    assert_snapshot!("path_putin_zoo_text", out);
}

#[test]
fn path_json() {
    let out = stdout(kg().args(["path", "Putin", "Pyongyang Central Zoo", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["from"]["name"], "Vladimir Putin");
    assert_eq!(v["to"]["name"], "Pyongyang Central Zoo");
    let steps = v["paths"][0]["steps"].as_array().unwrap();
    assert!(!steps.is_empty());
    for s in steps {
        assert!(
            s["fact"]["evidence"].is_string(),
            "every step carries its sentence"
        );
    }
    assert_snapshot!("path_putin_zoo_json", out);
}

#[test]
fn no_evidence_hides_sentences() {
    let out = stdout(kg().args(["path", "Putin", "Pyongyang Central Zoo", "--no-evidence"]));
    assert!(!out.contains('"'), "{out}");
    assert!(!out.contains("source:"), "{out}");
}

#[test]
fn steps_keep_their_real_direction() {
    let small = fixture("small.json");
    let out =
        stdout(
            kg().arg("--graph")
                .arg(&small)
                .args(["path", "Ann", "Freedonia", "--no-evidence"]),
        );
    assert_eq!(
        out,
        "Ann Lee -[leads]-> Acme Zoo -[sent]-> giant panda <-[received]- Freedonia\n\n\
         1. Ann Lee -[leads]-> Acme Zoo\n\
         2. Acme Zoo -[sent]-> giant panda  (count 2, 2024-05)\n\
         3. Freedonia -[received]-> giant panda\n"
    );
}

#[test]
fn directed_and_relation_filters() {
    let small = fixture("small.json");
    kg().arg("--graph")
        .arg(&small)
        .args(["path", "Ann", "Freedonia", "--directed"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("kg: no path from Ann Lee to Freedonia with these options\n");
    kg().arg("--graph")
        .arg(&small)
        .args(["path", "Ann", "panda", "--avoid", "leads"])
        .assert()
        .code(1)
        .stderr("kg: no path from Ann Lee to giant panda with these options\n");
    kg().arg("--graph")
        .arg(&small)
        .args(["path", "Ann", "panda", "--avoid-entity", "Acme"])
        .assert()
        .code(1);
    kg().arg("--graph")
        .arg(&small)
        .args(["path", "Ann", "panda", "--via", "leads,sent", "--directed"])
        .assert()
        .success();
}

#[test]
fn disconnected_entities_exit_1() {
    kg().arg("--graph")
        .arg(fixture("small.json"))
        .args(["path", "Ann", "Lonely Isle"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("kg: no path from Ann Lee to Lonely Isle\n");
}

#[test]
fn path_to_itself_is_empty_but_found() {
    let out = stdout(
        kg().arg("--graph")
            .arg(fixture("small.json"))
            .args(["path", "Ann", "ann lee"]),
    );
    assert_eq!(out, "Ann Lee\n(the same entity: no facts to follow)\n");
}

#[test]
fn all_and_k_shortest() {
    let out = stdout(kg().args([
        "path",
        "Putin",
        "Pyongyang Central Zoo",
        "--all",
        "--max-hops",
        "4",
        "--no-evidence",
    ]));
    assert!(out.starts_with("Path 1 of "), "{out}");
    let out = stdout(kg().args([
        "path",
        "Putin",
        "Pyongyang Central Zoo",
        "-k",
        "2",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hops: Vec<u64> = v["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["hops"].as_u64().unwrap())
        .collect();
    assert!(
        hops.windows(2).all(|w| w[0] <= w[1]),
        "shortest first: {hops:?}"
    );
}

#[test]
fn all_paths_limit_is_reported() {
    kg().args([
        "path",
        "Putin",
        "Pyongyang Central Zoo",
        "--all",
        "--max-hops",
        "6",
        "--limit",
        "1",
    ])
    .assert()
    .success()
    .stderr("kg: showing the first 1 paths; there may be more (raise --limit)\n");
}

#[test]
fn max_hops_1000_on_a_dense_graph_is_capped_with_a_message() {
    // 40 entities, every pair linked: more simple paths than atoms in the universe.
    let n = 40;
    let entities: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "e{i}", "name": "Entity {i}", "kind": "thing"}}"#))
        .collect();
    let mut facts = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            facts.push(format!(
                r#"{{"subject": "e{i}", "relation": "cooperates-with", "object": "e{j}"}}"#
            ));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("dense.json");
    std::fs::write(
        &graph,
        format!(
            r#"{{"version": 1, "entities": [{}], "facts": [{}]}}"#,
            entities.join(","),
            facts.join(",")
        ),
    )
    .unwrap();
    let all = |extra: &[&str]| {
        let mut cmd = kg();
        cmd.arg("--graph")
            .arg(&graph)
            .args([
                "path",
                "e0",
                "e1",
                "--all",
                "--max-hops",
                "1000",
                "--no-evidence",
            ])
            .args(extra)
            .timeout(std::time::Duration::from_secs(120));
        cmd
    };
    let out = crate::harness::no_panic(all(&[]).assert())
        .success()
        .stderr("kg: showing the first 50 paths; there may be more (raise --limit)\n")
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().starts_with("Path 1 of 50"));
    crate::harness::no_panic(all(&["--limit", "100000000", "--format", "json"]).assert())
        .success()
        .stderr("kg: stopped after exploring 1000000 partial paths; longer paths may be missing (lower --max-hops)\n");
}
