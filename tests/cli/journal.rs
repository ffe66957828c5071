//! The journal: `kg add` on a base read through a snapshot appends to `kg.json.journal`
//! and leaves the base untouched; every reader sees the journal on top of the base, the
//! snapshot's answers equal the JSON's byte for byte, and `kg compact` (or any other
//! write) folds it in, giving the very base that adding the articles the slow way gives.

use crate::harness::{entity_names, kg, no_panic, run_policy};
use std::fs;
use std::path::{Path, PathBuf};

/// Every article the project has: the seed, the test fixtures and the evaluation sets.
pub(crate) fn articles() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    for dir in [
        "graph/articles",
        "tests/fixtures/articles",
        "eval/articles",
        "eval/heldout/articles",
    ] {
        let mut found: Vec<PathBuf> = fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        found.sort();
        all.extend(found);
    }
    assert!(all.len() >= 12, "{all:?}");
    all
}

/// `kg add` of `articles` to `base` under a snapshot policy; its stdout and stderr.
pub(crate) fn add(policy: &str, base: &Path, articles: &[PathBuf]) -> (String, String) {
    let mut cmd = kg();
    cmd.env("KG_SNAPSHOT", policy)
        .arg("-g")
        .arg(base)
        .arg("add");
    cmd.args(articles);
    let out = no_panic(cmd.assert()).success().get_output().clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

pub(crate) fn journal_of(base: &Path) -> PathBuf {
    let mut s = base.as_os_str().to_owned();
    s.push(".journal");
    PathBuf::from(s)
}

/// `kg stats` answers, and the same through the snapshot as from the JSON.
pub(crate) fn same_stats(base: &Path) {
    let from_json = run_policy("never", base, &["stats"]);
    assert_eq!(from_json.0, 0, "{}", from_json.2);
    assert_eq!(run_policy("always", base, &["stats"]), from_json);
}

/// `kg compact` of `base` writes `want`, leaves no journal, and the base answers alike
/// through both readers.
pub(crate) fn compacts_to(base: &Path, want: &[u8]) {
    let (code, _, err) = run_policy("always", base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read(base).unwrap(), want);
    assert!(!journal_of(base).exists());
    same_stats(base);
}

/// Puts `base` back as it was before a `kg compact` (its bytes, its journal and its
/// modification time, by which the journal names it), checks that the journal extends
/// it, then kills `kg compact` after `delay_us`: "old" when the base is untouched, "new"
/// when it is `new`; never anything between.
pub(crate) fn kill_9_compact(
    base: &Path,
    (old, journal, mtime): (&[u8], &[u8], std::time::SystemTime),
    new: &[u8],
    delay_us: u64,
) -> &'static str {
    fs::write(base, old).unwrap();
    fs::write(journal_of(base), journal).unwrap();
    let f = fs::File::options().write(true).open(base).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    let (code, _, err) = run_policy("always", base, &["stats"]);
    assert_eq!(code, 0, "the journal extends the base: {err}");
    crate::harness::kill_9_after(base, &["compact"], delay_us);
    let now = fs::read(base).unwrap();
    if now == old {
        "old"
    } else {
        assert_eq!(now, new, "never a partial base");
        "new"
    }
}

/// A new base in `dir` named `name`, with `articles` added the slow way (no snapshot).
pub(crate) fn base_with(dir: &Path, name: &str, articles: &[PathBuf]) -> PathBuf {
    let base = dir.join(name);
    kg().arg("-g").arg(&base).arg("init").assert().success();
    if !articles.is_empty() {
        add("never", &base, articles);
    }
    base
}

/// A base of the first `slow` articles added the slow way, and the next ones up to
/// `upto` appended to its journal: its folder, every article, the base.
pub(crate) fn journalled(slow: usize, upto: usize) -> (tempfile::TempDir, Vec<PathBuf>, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let all = articles();
    let base = base_with(dir.path(), "kg.json", &all[..slow]);
    add("always", &base, &all[slow..upto]);
    assert!(journal_of(&base).exists());
    (dir, all, base)
}

#[test]
fn add_appends_to_the_journal_and_compact_folds_it_in() {
    let dir = tempfile::tempdir().unwrap();
    let all = articles();
    let (first, rest) = all.split_at(all.len() / 2);
    let base = base_with(dir.path(), "kg.json", first);
    let before = fs::read(&base).unwrap();

    // Appended: stdout as ever, the base untouched, the journal written.
    let (out, err) = add("always", &base, rest);
    assert_eq!(out.lines().count(), rest.len(), "{out}");
    assert!(out.lines().all(|l| l.starts_with("added ")), "{out}");
    assert_eq!(fs::read(&base).unwrap(), before, "the base was rewritten");
    let journal = journal_of(&base);
    assert!(journal.exists());
    assert!(
        err.contains(&format!("kg: wrote {} (", journal.display()))
            && err.contains(&format!(
                "; {} articles on top of {}: 'kg compact' folds the journal in)",
                rest.len(),
                base.display()
            )),
        "{err}"
    );

    // Adding them again changes nothing.
    let (again, err) = add("always", &base, rest);
    assert!(
        again.lines().all(|l| l.starts_with("unchanged ")),
        "{again}"
    );
    assert!(err.contains("unchanged: nothing new to add"), "{err}");

    // The same base built the slow way.
    let slow = base_with(dir.path(), "slow.json", &all);

    // Readers see the journal: the entities are those of the slow base.
    let mut seen = entity_names(&base);
    let mut want = entity_names(&slow);
    seen.sort();
    want.sort();
    assert_eq!(seen, want);

    // Through the snapshot (with the journal on top) as through the JSON, byte for byte.
    let names = entity_names(&base);
    let q = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut queries = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let other = &names[(i * 7 + 3) % names.len()];
        queries.push(q(&["show", name]));
        queries.push(q(&["show", name, "--format", "json"]));
        queries.push(q(&["neighbours", name, "--depth", "2"]));
        queries.push(q(&["neighbours", name, "--format", "json"]));
        queries.push(q(&["path", name, other]));
        queries.push(q(&["path", name, other, "--format", "json"]));
        queries.push(q(&["path", name, other, "--all", "--max-hops", "3"]));
        queries.push(q(&["dot", "--around", name]));
        queries.push(q(&["explain", name, other]));
        queries.push(q(&["explain", name, other, "--format", "json"]));
        queries.push(q(&["--since", "2024-06", "show", name, "--format", "json"]));
        queries.push(q(&["--until", "2024-06", "path", name, other]));
        queries.push(q(&["path", name, other, "-k", "3"]));
    }
    queries.push(q(&["show", "zz top"]));
    queries.push(q(&["entities"]));
    queries.push(q(&["facts", "--format", "json"]));
    queries.push(q(&["stats", "--format", "json"]));
    queries.push(q(&["--since", "2024-06", "stats"]));
    queries.push(q(&["sources"]));
    queries.push(q(&["sources", "--format", "json"]));
    queries.push(q(&["--since", "2024-06", "sources"]));
    queries.push(q(&["duplicates"]));
    queries.push(q(&["duplicates", "--format", "json"]));
    for args in &queries {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let from_json = run_policy("never", &base, &args);
        let through_snapshot = run_policy("always", &base, &args);
        assert_eq!(from_json, through_snapshot, "kg {args:?}");
    }

    // Paths are as long as in the slow base.
    for (i, name) in names.iter().enumerate().step_by(3) {
        let other = &names[(i * 5 + 1) % names.len()];
        let hops = |b: &Path| {
            let (code, out, _) =
                run_policy("always", b, &["path", name, other, "--format", "json"]);
            let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
            (code, v["steps"].as_array().map(Vec::len))
        };
        assert_eq!(hops(&base), hops(&slow), "kg path {name:?} {other:?}");
    }

    // Compacting gives the slow base, byte for byte, and removes the journal.
    let out = no_panic(kg().arg("-g").arg(&base).arg("compact").assert()).success();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains(&format!(
            "kg: folded {} articles from '{}' into '{}' and removed it",
            rest.len(),
            journal.display(),
            base.display()
        )),
        "{err}"
    );
    assert!(!journal.exists());
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
    let out = no_panic(kg().arg("-g").arg(&base).arg("compact").assert()).success();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("unchanged: it has no journal to fold in"),
        "{err}"
    );
}

/// A write that must rewrite the base (here a removal) folds the journal in first.
#[test]
fn other_writes_fold_the_journal_in() {
    let (dir, all, base) = journalled(3, 5);
    assert!(journal_of(&base).exists());
    let (code, _, err) = run_policy(
        "never",
        &base,
        &["remove", "2024-11-22-putin-zoo-animals-pyongyang"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!journal_of(&base).exists());
    let (_, sources, _) = run_policy("never", &base, &["sources"]);
    let slow = base_with(dir.path(), "slow.json", &all[..5]);
    run_policy(
        "never",
        &slow,
        &["remove", "2024-11-22-putin-zoo-animals-pyongyang"],
    );
    assert_eq!(
        fs::read(&base).unwrap(),
        fs::read(&slow).unwrap(),
        "{sources}"
    );
}

/// A journal that extends another version of the base (the base was replaced since) is
/// not read on top of it: queries stop with a message naming the fix, which works.
#[test]
fn a_journal_of_another_base_is_refused_until_compacted() {
    let (dir, all, base) = journalled(2, 4);
    // The base is rewritten behind the journal's back (as a crash after a rewrite leaves it).
    let text = fs::read_to_string(&base).unwrap();
    fs::write(&base, text.replace("\n}\n", "\n}\n\n")).unwrap();
    for policy in ["never", "always"] {
        let (code, out, err) = run_policy(policy, &base, &["stats"]);
        assert_eq!(code, 2, "{out}");
        assert_eq!(
            err,
            format!(
                "kg: '{}' holds articles added to another version of '{}' (it changed since): run 'kg --graph {} compact' to add them to it again\n",
                journal_of(&base).display(),
                base.display(),
                base.display()
            )
        );
    }
    let (code, _, err) = run_policy("never", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    let slow = base_with(dir.path(), "slow.json", &all[..4]);
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
}

/// A damaged journal is named, with the line, and nothing is written. Queries read what
/// each entry changed; the article, which only a write needs, is checked by writes.
#[test]
fn a_damaged_journal_is_refused_by_name() {
    let (_dir, _, base) = journalled(2, 3);
    let journal = journal_of(&base);
    let text = fs::read_to_string(&journal).unwrap();
    let before = fs::read(&base).unwrap();
    let every = [&["stats"][..], &["show", "Putin"], &["compact"]];
    let cases: [(&str, &[&[&str]], &str); 3] = [
        (
            r#"{"facts": 3}"#,
            &every,
            "invalid type: integer `3`, expected a sequence",
        ),
        (
            r#"{"article": 3}"#,
            &[&["compact"], &["add", "nothing.txt"]],
            "invalid type: integer `3`, expected struct Extraction",
        ),
        (
            r#"{"facts": []}"#,
            &[&["compact"]],
            "missing field `article`",
        ),
    ];
    for (line, commands, message) in cases {
        fs::write(&journal, format!("{text}{line}\n")).unwrap();
        for args in commands {
            let (code, _, err) = run_policy("always", &base, args);
            assert_eq!(code, 2, "kg {args:?} with {line}");
            assert_eq!(
                err,
                format!(
                    "kg: journal '{}' is not valid: line 3: {message}\n",
                    journal.display()
                ),
                "kg {args:?} with {line}"
            );
        }
        assert_eq!(fs::read(&base).unwrap(), before);
    }
    // An entry whose article is damaged still answers queries: they do not read it.
    fs::write(&journal, format!("{text}{{\"article\": 3}}\n")).unwrap();
    let (code, out, err) = run_policy("always", &base, &["show", "Putin"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
}

/// An article that replaces one already in the base needs the base rewritten: `kg add`
/// then folds the journal in and replaces the article, as on a small base.
#[test]
fn a_replaced_article_rewrites_the_base_with_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let all = articles();
    let mine = dir.path().join("2025-01-01-local-report.txt");
    fs::copy(&all[0], &mine).unwrap();
    let base = base_with(dir.path(), "kg.json", &[mine.clone(), all[1].clone()]);
    add("always", &base, &all[2..4]);
    assert!(journal_of(&base).exists());
    let text = fs::read_to_string(&mine).unwrap();
    // The report loses its last paragraph: same file, other bytes.
    let shorter = text
        .trim_end()
        .rsplit_once("\n\n")
        .map_or(text.as_str(), |(a, _)| a);
    fs::write(&mine, format!("{shorter}\n")).unwrap();
    let mut cmd = kg();
    cmd.env("KG_SNAPSHOT", "always")
        .env("KG_LOCK_TIMEOUT", "2")
        .arg("-g")
        .arg(&base)
        .arg("add")
        .arg(&mine);
    let out = no_panic(cmd.assert()).success().get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stdout.starts_with("replaced 2025-01-01-local-report with "),
        "{stdout}"
    );
    assert!(
        stderr.contains("kg: folded 2 articles from '") && stderr.contains("kg: wrote "),
        "{stderr}"
    );
    assert!(!journal_of(&base).exists());
    let slow = base_with(dir.path(), "slow.json", &[]);
    let mut both = vec![mine.clone(), all[1].clone()];
    both.extend_from_slice(&all[2..4]);
    add("never", &slow, &both);
    let ids = |b: &Path| {
        let (_, out, _) = run_policy("never", b, &["sources"]);
        out
    };
    assert_eq!(ids(&base), ids(&slow));
}

/// Once the journal reaches 2 MiB, `kg add` says what it costs and how to fold it in.
#[test]
fn a_large_journal_is_pointed_out() {
    let (_dir, all, base) = journalled(2, 3);
    let journal = journal_of(&base);
    let text = fs::read_to_string(&journal).unwrap();
    // A second entry that changes nothing but is large (a long title on its article).
    let mut entry: serde_json::Value = serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
    let source = &mut entry["article"]["source"];
    source["id"] = "padding".into();
    source["hash"] = "fnv1a64:0000000000000000".into();
    source["title"] = "x".repeat(2_200_000).into();
    entry["sources"] = serde_json::json!([]);
    entry["entities"] = serde_json::json!([]);
    entry["facts"] = serde_json::json!([]);
    fs::write(&journal, format!("{text}{entry}\n")).unwrap();
    let (out, err) = add("always", &base, &all[3..4]);
    assert!(out.starts_with("added "), "{out}");
    let size = fs::metadata(&journal).unwrap().len() as f64 / 1e6;
    assert!(
        err.ends_with(&format!(
            "kg: {} is {size:.1} MB, and every query reads it first (about 12 ms per MB): 'kg compact' folds it into {}\n",
            journal.display(),
            base.display()
        )),
        "{err}"
    );
    // Below the size, no such note.
    let (_dir2, all2, small) = journalled(2, 3);
    let (_, err) = add("always", &small, &all2[3..4]);
    assert!(!err.contains("every query reads it first"), "{err}");
}

/// A file kg did not write as a graph file (here a node-link export, which queries read)
/// is never appended to: `kg add` refuses it as before, and no journal appears.
#[test]
fn a_node_link_file_is_not_appended_to() {
    let dir = tempfile::tempdir().unwrap();
    let nodelink = dir.path().join("graph.json");
    kg().args(["export", "--format", "json", "-o"])
        .arg(&nodelink)
        .assert()
        .success();
    let before = fs::read(&nodelink).unwrap();
    let (code, out, _) = run_policy(
        "always",
        &nodelink,
        &["add", articles()[1].to_str().unwrap()],
    );
    assert_eq!(code, 2, "{out}");
    assert!(!journal_of(&nodelink).exists());
    assert_eq!(fs::read(&nodelink).unwrap(), before);
}

/// Where the snapshot of a base lives.
fn snapshot_of(base: &Path) -> PathBuf {
    let mut s = base.as_os_str().to_owned();
    s.push(".snap");
    PathBuf::from(s)
}

/// The snapshot file's bytes and modification time (a query that builds a snapshot
/// replaces the file, so a query that reads it leaves both as they were).
fn snapshot_state(base: &Path) -> Option<(Vec<u8>, std::time::SystemTime)> {
    let path = snapshot_of(base);
    Some((
        fs::read(&path).ok()?,
        fs::metadata(&path).ok()?.modified().ok()?,
    ))
}

/// `kg compact` writes the new base's snapshot too, from the records it writes: the
/// queries after it read that snapshot (none builds one), and it is the very snapshot a
/// query builds from the new base.
#[test]
fn compact_writes_the_snapshot_a_query_would_build() {
    let (_dir, _, base) = journalled(4, 12);
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!(
            "kg: wrote {} and {} (",
            base.display(),
            snapshot_of(&base).display()
        )),
        "{err}"
    );
    let written = snapshot_state(&base).expect("compact wrote the snapshot");
    let names = entity_names(&base);
    let from_json = run_policy(
        "never",
        &base,
        &["path", &names[0], &names[names.len() / 2]],
    );
    let (code, out, err) = run_policy(
        "always",
        &base,
        &["path", &names[0], &names[names.len() / 2]],
    );
    assert_eq!((code, out, err), from_json);
    assert_eq!(
        snapshot_state(&base).as_ref(),
        Some(&written),
        "a query rebuilt it"
    );
    fs::remove_file(snapshot_of(&base)).unwrap();
    let (code, _, err) = run_policy("always", &base, &["stats"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::read(snapshot_of(&base)).unwrap(),
        written.0,
        "the snapshot a query builds"
    );
    // Under KG_SNAPSHOT=never no query reads one, and compact writes none.
    let (dir, _, base) = journalled(4, 6);
    let (code, _, err) = run_policy("never", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("kg: wrote {} (", base.display())),
        "{err}"
    );
    let stale = fs::read(snapshot_of(&base)).unwrap();
    assert!(dir.path().join("kg.json.snap").exists());
    let (code, _, err) = run_policy("always", &base, &["stats"]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(
        fs::read(snapshot_of(&base)).unwrap(),
        stale,
        "rebuilt, not read"
    );
}

/// `kg compact` folds the journal in by streaming the base (see `src/kb/fold.rs`) and
/// writes the new snapshot; killed at any point it leaves the old base with its journal,
/// or the new base (with the journal or without it), and a snapshot that is the new
/// base's or one the next query replaces: queries answer as the JSON does, and the next
/// compact gives the slow base and its snapshot.
#[test]
fn kill_9_mid_compact_leaves_the_old_base_or_the_new_one() {
    let (dir, all, base) = journalled(4, 12);
    let slow = base_with(dir.path(), "slow.json", &all[..12]);
    let old = fs::read(&base).unwrap();
    let journal = fs::read(journal_of(&base)).unwrap();
    let mtime = fs::metadata(&base).unwrap().modified().unwrap();
    let mut states = std::collections::BTreeSet::new();
    for delay_us in [0, 500, 1_000, 2_000, 4_000, 8_000, 100_000] {
        let state = kill_9_compact(
            &base,
            (&old, &journal, mtime),
            &fs::read(&slow).unwrap(),
            delay_us,
        );
        states.insert((state, journal_of(&base).exists()));
        // The snapshot left beside the base never answers for another base.
        let from_json = run_policy("never", &base, &["stats"]);
        assert_eq!(run_policy("always", &base, &["stats"]), from_json);
        let (code, _, compacted) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{compacted}");
        assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
        assert!(!journal_of(&base).exists());
        let snap = snapshot_state(&base);
        let (code, _, err) = run_policy("always", &base, &["stats"]);
        assert_eq!(code, 0, "{err}");
        if compacted.contains(".snap (") {
            // This compact wrote the base and its snapshot: the query read it.
            assert_eq!(snapshot_state(&base), snap);
        }
    }
    assert!(!states.is_empty());
}

/// Every write that saves the base writes its snapshot too (here `kg remove` and `kg
/// merge`, which rewrite the whole base): the query after it reads that snapshot, and it
/// is the one a query builds from the new base.
#[test]
fn remove_and_merge_write_the_snapshot_a_query_would_build() {
    let all = articles();
    for write in ["remove", "merge"] {
        let dir = tempfile::tempdir().unwrap();
        let base = base_with(dir.path(), "kg.json", &all[..4]);
        let names = entity_names(&base);
        let args = match write {
            "remove" => vec!["remove", "2024-11-22-putin-zoo-animals-pyongyang"],
            _ => vec!["merge", &names[0], &names[1]],
        };
        let (code, _, mut err) = run_policy("always", &base, &args);
        assert_eq!(code, 0, "{err}");
        if journal_of(&base).exists() {
            // The merge went to the journal (`src/kb/unite.rs`): compact rebuilds.
            let (code, _, e) = run_policy("always", &base, &["compact"]);
            assert_eq!(code, 0, "{e}");
            err = e;
        }
        assert!(
            err.contains(&format!(
                "kg: wrote {} and {} (",
                base.display(),
                snapshot_of(&base).display()
            )) || err.contains(&format!(
                " and {} and {} (",
                base.display(),
                snapshot_of(&base).display()
            )),
            "{err}"
        );
        let written = snapshot_state(&base).expect("the write wrote the snapshot");
        let from_json = run_policy("never", &base, &["stats"]);
        assert_eq!(run_policy("always", &base, &["stats"]), from_json);
        assert_eq!(snapshot_state(&base).as_ref(), Some(&written), "{write}");
        fs::remove_file(snapshot_of(&base)).unwrap();
        assert_eq!(run_policy("always", &base, &["stats"]), from_json);
        assert_eq!(fs::read(snapshot_of(&base)).unwrap(), written.0, "{write}");
    }
}

/// `kg remove` killed at any point leaves the old base or the new one, and a snapshot
/// that is the new base's or one the next query replaces: queries answer as the JSON does.
#[test]
fn kill_9_mid_remove_leaves_the_old_base_or_the_new_one() {
    let all = articles();
    let dir = tempfile::tempdir().unwrap();
    // The sixth article in the journal: a removal of a base article that changed the
    // entities then takes the whole-base path (see `excise.rs` for the journal's).
    let base = base_with(dir.path(), "kg.json", &all[..5]);
    add("always", &base, &all[5..6]);
    let id = "2024-11-22-putin-zoo-animals-pyongyang";
    assert!(all[..5].iter().any(|p| p.to_string_lossy().contains(id)));
    let removed = base_with(dir.path(), "removed.json", &all[..6]);
    let (code, _, err) = run_policy("never", &removed, &["remove", id]);
    assert_eq!(code, 0, "{err}");
    let old = fs::read(&base).unwrap();
    let journal = fs::read(journal_of(&base)).unwrap();
    let mtime = fs::metadata(&base).unwrap().modified().unwrap();
    let mut states = std::collections::BTreeSet::new();
    for delay_us in [0, 1_000, 2_000, 4_000, 8_000, 16_000, 100_000] {
        fs::write(&base, &old).unwrap();
        fs::write(journal_of(&base), &journal).unwrap();
        let f = fs::File::options().write(true).open(&base).unwrap();
        f.set_modified(mtime).unwrap();
        drop(f);
        let (code, _, err) = run_policy("always", &base, &["stats"]);
        assert_eq!(code, 0, "{err}");
        crate::harness::kill_9_after(&base, &["remove", id], delay_us);
        let now = fs::read(&base).unwrap();
        if now == old {
            states.insert("old");
        } else {
            assert_eq!(now, fs::read(&removed).unwrap(), "never a partial base");
            states.insert("new");
            // Killed between the new base and the journal's removal: the journal, now
            // stale, is refused until the next write.
            if journal_of(&base).exists() {
                continue;
            }
        }
        let from_json = run_policy("never", &base, &["stats"]);
        assert_eq!(from_json.0, 0, "{}", from_json.2);
        assert_eq!(run_policy("always", &base, &["stats"]), from_json);
    }
    assert!(!states.is_empty());
}

/// A base of several megabytes is compacted into the very bytes adding the articles the
/// slow way gives, and its snapshot answers as the JSON does.
#[test]
fn compact_of_a_base_of_several_blocks_writes_the_slow_bases_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let arts = crate::kb::synthetic(dir.path(), 0..900);
    let slow = base_with(dir.path(), "slow.json", &arts);
    let base = base_with(dir.path(), "kg.json", &arts[..850]);
    add("always", &base, &arts[850..]);
    assert!(journal_of(&base).exists());
    let want = fs::read(&slow).unwrap();
    assert!(
        want.len() > 2 << 20,
        "{} bytes: under two blocks",
        want.len()
    );
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("kg: folded 50 articles from '"), "{err}");
    assert_eq!(fs::read(&base).unwrap(), want);
    assert!(!journal_of(&base).exists());
    same_stats(&base);
}
