//! Snapshots: answers from a memory-mapped snapshot are the JSON's answers, byte for
//! byte; a stale, damaged, cut-short or foreign snapshot is rebuilt with a note.

use crate::harness::{entity_names, fixture, kg, run_policy};
use kg::store::snapshot::map::Bytes;
use kg::store::snapshot::{Snapshot, Stamp, build};
use kg_testkit::probe::probe;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A copy of a graph file in a fresh folder (snapshots are written beside it).
fn copy(src: &Path) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kg.json");
    std::fs::copy(src, &path).unwrap();
    (dir, path)
}

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("graph/graph.json")
}

fn snap_of(json: &Path) -> PathBuf {
    let mut s = json.as_os_str().to_owned();
    s.push(".snap");
    PathBuf::from(s)
}

/// Every query command that reads the snapshot, on every entity (and pairs of them),
/// with and without a time window, answers the same from the snapshot as from the JSON:
/// output, messages and exit status.
#[test]
fn answers_equal_the_json_byte_for_byte() {
    for graph in [seed(), fixture("small.json"), fixture("hostile.json")] {
        let (_dir, json) = copy(&graph);
        let names = entity_names(&json);
        let mut queries: Vec<Vec<String>> = Vec::new();
        let q = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for (i, name) in names.iter().enumerate() {
            let other = &names[(i * 7 + 3) % names.len()];
            queries.push(q(&["show", name]));
            queries.push(q(&["show", name, "--format", "json"]));
            queries.push(q(&["neighbours", name, "--depth", "2"]));
            queries.push(q(&[
                "neighbours",
                name,
                "--direction",
                "in",
                "--format",
                "json",
            ]));
            queries.push(q(&[
                "neighbours",
                name,
                "--depth",
                "3",
                "--kind",
                "person,country,animal",
            ]));
            queries.push(q(&["path", name, other]));
            queries.push(q(&["path", name, other, "--directed", "--format", "json"]));
            queries.push(q(&["path", name, other, "--avoid", "stated,sent"]));
            queries.push(q(&["path", name, other, "--all", "--max-hops", "3"]));
            queries.push(q(&["dot", "--around", name, "--depth", "2"]));
            queries.push(q(&["dot", "--path", name, other]));
            queries.push(q(&["export", "--format", "graphml", "--around", name]));
            queries.push(q(&["explain", name, other]));
            queries.push(q(&["explain", name, other, "--format", "json"]));
            queries.push(q(&["path", name, other, "-k", "3"]));
            // A time window is applied as the snapshot is read.
            for window in [["--since", "2024-06"], ["--until", "2024-06"]] {
                let w = |args: &[&str]| q(&[&window[..], args].concat());
                queries.push(w(&["show", name, "--format", "json"]));
                queries.push(w(&["show", name]));
                queries.push(w(&["neighbours", name, "--depth", "2"]));
                queries.push(w(&["path", name, other]));
                queries.push(w(&["path", name, other, "--format", "json"]));
                queries.push(w(&["explain", name, other]));
                queries.push(w(&["dot", "--around", name, "--depth", "2"]));
                queries.push(w(&["dot", "--path", name, other]));
                queries.push(w(&["export", "--format", "json", "--around", name]));
            }
        }
        // The listings of the whole graph, in and out of a time window.
        for window in [&[][..], &["--since", "2024-06"], &["--until", "2024-06"]] {
            let w = |args: &[&str]| q(&[window, args].concat());
            queries.push(w(&["entities"]));
            queries.push(w(&[
                "entities",
                "--format",
                "json",
                "--kind",
                "person,country",
            ]));
            queries.push(w(&["facts"]));
            queries.push(w(&["facts", "--format", "json", "--relation", "sent"]));
            queries.push(w(&["facts", "--entity", &names[0]]));
            queries.push(w(&["stats"]));
            queries.push(w(&["stats", "--format", "json"]));
            queries.push(w(&["sources"]));
            queries.push(w(&["sources", "--format", "json"]));
            queries.push(w(&["duplicates"]));
            queries.push(w(&["duplicates", "--format", "json", "--limit", "3"]));
        }
        for bad in ["", "zz top", "the", "a"] {
            queries.push(q(&["show", bad]));
            queries.push(q(&["path", bad, &names[0]]));
        }
        for args in &queries {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let from_json = run_policy("never", &json, &args);
            let from_snapshot = run_policy("always", &json, &args);
            assert_eq!(
                from_json,
                from_snapshot,
                "kg {args:?} on {}",
                graph.display()
            );
        }
        assert!(snap_of(&json).exists());
    }
}

/// `kg sources` reads the snapshot (the first call builds it) and prints what the JSON
/// gives; on a graph with no article, its message too.
#[test]
fn sources_are_read_from_the_snapshot() {
    let (_dir, json) = copy(&seed());
    let through = run_policy("always", &json, &["sources"]);
    assert!(snap_of(&json).exists());
    assert_eq!(through.0, 0, "{}", through.2);
    assert!(
        through.1.starts_with("ID  ")
            && through.1.contains("2024-11-22-putin-zoo-animals-pyongyang"),
        "{}",
        through.1
    );
    assert_eq!(through, run_policy("never", &json, &["sources"]));
    let (_dir, none) = copy(&seed());
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&none).unwrap()).unwrap();
    file["sources"] = serde_json::json!([]);
    for f in file["facts"].as_array_mut().unwrap() {
        f.as_object_mut().unwrap().remove("source");
    }
    std::fs::write(&none, file.to_string()).unwrap();
    let empty = run_policy("always", &none, &["sources"]);
    assert!(snap_of(&none).exists());
    assert_eq!(
        empty,
        (
            1,
            "ID  DATE        FACTS  TITLE / FILE\n".into(),
            "kg: no articles yet (add some with: kg add ARTICLE...)\n".into()
        )
    );
    assert_eq!(empty, run_policy("never", &none, &["sources"]));
}

/// The k shortest paths are the same paths, in the same order, not only as many and as
/// long: the search runs on the snapshot as it does on the JSON.
#[test]
fn k_shortest_paths_are_the_same_paths() {
    let (_dir, json) = copy(&seed());
    let answer = |policy| run_policy(policy, &json, &["path", "Putin", "Kim Jong Un", "-k", "4"]);
    let from_json = answer("never");
    assert_eq!(from_json.0, 0);
    assert_eq!(
        from_json
            .1
            .lines()
            .filter(|l| l.starts_with("Path "))
            .count(),
        4
    );
    assert_eq!(from_json, answer("always"));
}

#[test]
fn small_files_get_no_snapshot_unless_asked() {
    let (_dir, json) = copy(&seed());
    let (code, _, err) = run_policy("auto", &json, &["path", "Putin", "Moscow Zoo"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(!snap_of(&json).exists());
    run_policy("never", &json, &["path", "Putin", "Moscow Zoo"]);
    assert!(!snap_of(&json).exists());
}

#[test]
fn a_bad_policy_is_a_usage_error() {
    let (_dir, json) = copy(&seed());
    let (code, out, err) = run_policy("sometimes", &json, &["show", "Putin"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "kg: KG_SNAPSHOT is 'sometimes': expected auto, always or never\n"
    );
}

/// Each kind of damage: the answer is still right, a note says what was rebuilt and why,
/// and the next run finds a sound snapshot (no note).
#[test]
fn damaged_snapshots_are_rebuilt_with_a_note() {
    let (_dir, json) = copy(&seed());
    let args = ["path", "Putin", "Pyongyang Central Zoo"];
    let (_, expected, _) = run_policy("never", &json, &args);
    run_policy("always", &json, &args);
    let snap = snap_of(&json);
    let good = std::fs::read(&snap).unwrap();
    let shown = snap.display().to_string();
    let mut flipped = good.clone();
    for at in (4196..flipped.len() - 8).step_by(4096) {
        flipped[at] ^= 0x20;
    }
    let mut version = good.clone();
    version[8] = 9;
    let cases: Vec<(Vec<u8>, String)> = vec![
        (
            good[..good.len() / 2].to_vec(),
            "it was damaged (it is cut short)".into(),
        ),
        (
            version,
            "it was written by another version of kg (layout 9, this kg reads 3)".into(),
        ),
        (
            b"not a snapshot at all".to_vec(),
            "it is not a kg snapshot".into(),
        ),
        (Vec::new(), "it is not a kg snapshot".into()),
        (flipped, "it was damaged (page ".into()),
    ];
    for (bytes, why) in cases {
        std::fs::write(&snap, &bytes).unwrap();
        let (code, out, err) = run_policy("always", &json, &args);
        assert_eq!((code, out.as_str()), (0, expected.as_str()), "{why}");
        let note = format!("kg: rebuilt snapshot '{shown}': {why}");
        assert!(err.starts_with(&note), "{err:?} should start with {note:?}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(
            run_policy("always", &json, &args),
            (0, expected.clone(), String::new())
        );
    }
}

/// `kg add` rewrites the JSON: the next query sees the new facts, from a new snapshot.
#[test]
fn a_stale_snapshot_follows_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("kg.json");
    kg().arg("-g").arg(&base).arg("init").assert().success();
    let (code, _, _) = run_policy("always", &base, &["show", "Putin"]);
    assert_eq!(code, 2);
    let article = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("graph/articles/2024-11-22-putin-zoo-animals-pyongyang.txt");
    kg().arg("-g")
        .arg(&base)
        .arg("add")
        .arg(&article)
        .assert()
        .success();
    let (code, out, err) = run_policy("always", &base, &["show", "Putin"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with("Vladimir Putin\n"), "{out}");
}

/// Every 61st byte of the embedded graph's snapshot flipped in turn: the snapshot is
/// refused, or reports its damage, or answers [`probe`]'s reads exactly as the sound one.
#[test]
fn damage_is_refused_or_reported_never_a_wrong_answer() {
    let graph = kg::store::load_base(None).unwrap();
    let good = build(graph, Stamp::default()).unwrap().into_bytes();
    let open = |b: Vec<u8>| Snapshot::open(Bytes::Owned(b));
    let expected = probe(&open(good.clone()).unwrap());
    let mut reported = 0;
    for at in (0..good.len()).step_by(61) {
        let mut bad = good.clone();
        bad[at] ^= 0x5a;
        match open(bad) {
            Err(_) => reported += 1,
            Ok(snap) => {
                let got = probe(&snap);
                match snap.damage() {
                    Some(_) => reported += 1,
                    None => assert_eq!(got, expected, "flipped byte {at} went unnoticed"),
                }
            }
        }
    }
    assert!(reported > 0);
}
