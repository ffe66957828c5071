//! `kg remove` of an article still in the base's journal (`src/kb/retract.rs`): the
//! article leaves the journal, the later articles are merged again over the snapshot, and
//! the base and its snapshot are not touched. Every read command then answers as it does
//! after the whole-base remove (the rebuild from every other article), through the
//! snapshot and through the JSON, and `kg compact` writes the very base that remove
//! writes. Killed at any point, it leaves the old journal or the new one.

use crate::harness::{entity_names, no_panic, run_policy};
use crate::journal::{base_with, journal_of, journalled};
use crate::kb::synthetic;
use std::fs;
use std::path::{Path, PathBuf};

/// The id `kg add` gives the article at `path`: its file name without the extension.
fn id_of(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// The read commands compared: every kind of answer kg gives about a graph.
pub(crate) fn read_commands(names: &[String]) -> Vec<Vec<String>> {
    let q = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut all = vec![
        q(&["entities"]),
        q(&["entities", "--format", "json"]),
        q(&["facts", "--format", "json"]),
        q(&["facts"]),
        q(&["sources"]),
        q(&["sources", "--format", "json"]),
        q(&["stats", "--format", "json"]),
        q(&["show", "zz top"]),
    ];
    for format in [
        "dot", "graphml", "json", "turtle", "ntriples", "cypher", "mermaid",
    ] {
        all.push(q(&["export", "--format", format]));
    }
    for (i, name) in names.iter().enumerate().step_by(6) {
        let other = &names[(i * 7 + 3) % names.len()];
        all.push(q(&["show", name, "--format", "json"]));
        all.push(q(&["show", name]));
        all.push(q(&["neighbours", name, "--depth", "2"]));
        all.push(q(&["path", name, other]));
        all.push(q(&["path", name, other, "--format", "json"]));
    }
    all
}

/// Runs every read command on `base` (through the snapshot and through the JSON) and on
/// `want` (as `policy` reads it) and says where they differ. Unless `exact`, answers are
/// compared line by line in any order: a journal's records are numbered after the base's
/// until it is compacted (as after `kg add`), so a listing or a search may meet them in
/// another order than in a base that holds them (and take another of two paths as
/// short: paths are compared by length then).
pub(crate) fn same_answers(base: &Path, want: &Path, policy: &str, exact: bool) {
    let names = entity_names(want);
    let sorted = |(code, out, err): (i32, String, String)| {
        let mut lines: Vec<String> = out.lines().map(String::from).collect();
        lines.sort();
        (code, lines, err)
    };
    for args in read_commands(&names) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let want = run_policy(policy, want, &args);
        let fast = run_policy("always", base, &args);
        assert_eq!(run_policy("never", base, &args), fast, "kg {args:?} (JSON)");
        if exact {
            assert_eq!(fast, want, "kg {args:?}");
        } else if args[0] == "path" {
            // Of paths as short, the search may take another (its facts met in another
            // order): as long a path.
            let hops = |(code, out, _): &(i32, String, String)| {
                (
                    *code,
                    out.lines()
                        .filter(|l| l.contains(". ") && l.starts_with(char::is_numeric))
                        .count(),
                    out.starts_with('{'),
                )
            };
            assert_eq!(hops(&fast), hops(&want), "kg {args:?}");
        } else {
            assert_eq!(sorted(fast), sorted(want), "kg {args:?}");
        }
    }
}

/// The journal's entries (its lines after the head, which names the base file).
pub(crate) fn entries(base: &Path) -> Vec<String> {
    let text = fs::read_to_string(journal_of(base)).unwrap();
    text.lines().skip(1).map(String::from).collect()
}

/// Removes article `pick` of the first 12 (articles 4 to 11 are in the journal) both
/// ways: from the journal, and from a base holding all 12 that is rebuilt.
fn remove_both_ways(pick: usize) -> (tempfile::TempDir, PathBuf, PathBuf, Vec<PathBuf>) {
    let (dir, all, base) = journalled(4, 12);
    let id = id_of(&all[pick]);
    let before = fs::read(&base).unwrap();
    let (code, out, err) = run_policy("always", &base, &["remove", &id]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read(&base).unwrap(), before, "the base was rewritten");
    assert!(
        err.contains(&format!("kg: wrote {} (", journal_of(&base).display())),
        "{err}"
    );
    let slow = base_with(dir.path(), "slow.json", &all[..12]);
    let (code, slow_out, err) = run_policy("never", &slow, &["remove", &id]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, slow_out, "what remove says");
    (dir, base, slow, all)
}

#[test]
fn removing_a_journalled_article_answers_as_the_whole_base_remove() {
    // The journal's first article, one in the middle, and its last.
    for pick in [4, 8, 11] {
        let (dir, base, slow, all) = remove_both_ways(pick);
        // The very journal adding the other articles writes, and so the same answers.
        let never = base_with(dir.path(), "never.json", &all[..4]);
        let others: Vec<PathBuf> = (4..12)
            .filter(|&i| i != pick)
            .map(|i| all[i].clone())
            .collect();
        crate::journal::add("always", &never, &others);
        assert_eq!(entries(&base), entries(&never), "{pick}");
        same_answers(&base, &never, "always", true);
        // What the whole-base remove gives, in any order.
        same_answers(&base, &slow, "never", false);
        // Compacting gives the base the whole-base remove wrote, byte for byte.
        let (code, _, err) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{err}");
        assert!(!journal_of(&base).exists());
        assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap(), "{pick}");
        same_answers(&base, &slow, "never", true);
    }
}

/// Any other write folds the shortened journal in, as it does any journal.
#[test]
fn a_write_after_a_journalled_remove_folds_what_is_left() {
    let (_dir, base, slow, all) = remove_both_ways(6);
    let more = [all[12].clone()];
    for b in [&base, &slow] {
        let mut cmd = crate::harness::kg();
        cmd.env("KG_SNAPSHOT", "never").arg("-g").arg(b).arg("add");
        cmd.args(&more);
        no_panic(cmd.assert()).success();
    }
    assert!(!journal_of(&base).exists());
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
}

/// Removing every article of the journal leaves no journal: the base alone is the graph.
#[test]
fn removing_the_journals_only_article_removes_the_journal() {
    let (dir, all, base) = journalled(4, 5);
    let (code, out, err) = run_policy("always", &base, &["remove", &id_of(&all[4])]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!("removed {}: ", id_of(&all[4]))),
        "{out}"
    );
    assert!(!journal_of(&base).exists(), "{err}");
    assert!(
        err.contains(&format!(
            "kg: removed {}, which held no other article (4 articles, ",
            journal_of(&base).display()
        )),
        "{err}"
    );
    let slow = base_with(dir.path(), "slow.json", &all[..4]);
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
}

/// An unknown article is refused with the message of the whole-base path, word for word,
/// and nothing is written; an article of the base itself takes the whole-base path.
#[test]
fn unknown_and_base_articles_are_handled_as_before() {
    let (dir, all, base) = journalled(4, 8);
    let journal = fs::read(journal_of(&base)).unwrap();
    let fast = run_policy("always", &base, &["remove", "no-such-article"]);
    let slow_base = base_with(dir.path(), "slow.json", &all[..8]);
    let slow = run_policy("never", &slow_base, &["remove", "no-such-article"]);
    assert_eq!(fast.0, slow.0);
    assert_eq!(fast.1, slow.1);
    assert_eq!(
        fast.2.replace(&base.display().to_string(), "BASE"),
        slow.2.replace(&slow_base.display().to_string(), "BASE")
    );
    assert_eq!(fs::read(journal_of(&base)).unwrap(), journal);
    // In the base: rebuilt, the journal folded in.
    let id = id_of(&all[1]);
    let (code, out, err) = run_policy("always", &base, &["remove", &id]);
    assert_eq!(code, 0, "{err}");
    assert!(!journal_of(&base).exists());
    let (_, slow_out, _) = run_policy("never", &slow_base, &["remove", &id]);
    assert_eq!(out, slow_out);
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow_base).unwrap());
}

/// `kg remove` of a journalled article killed at any point leaves the old journal or the
/// new one (never a partial one) and the base untouched: queries answer as the JSON does,
/// and compact then gives the base with the article or the one without it.
#[test]
fn kill_9_mid_journalled_remove_leaves_the_old_journal_or_the_new_one() {
    let (dir, all, base) = journalled(4, 12);
    let id = id_of(&all[5]);
    let kept = base_with(dir.path(), "kept.json", &all[..12]);
    let removed = base_with(dir.path(), "removed.json", &all[..12]);
    run_policy("never", &removed, &["remove", &id]);
    killed_remove(&base, &id, &kept, &removed);
}

/// The same for an article of the base that goes to the journal as a removal.
#[test]
fn kill_9_mid_journalled_removal_of_a_base_article_leaves_old_or_new() {
    let (_dir, base, removed, _) = synthetic_bases();
    let id = changes_entities(&base)
        .into_iter()
        .rev()
        .find(|(_, f)| *f == Some(false))
        .unwrap()
        .0;
    let kept = base.with_file_name("kept.json");
    fs::copy(&base, &kept).unwrap();
    run_policy("never", &removed, &["remove", &id]);
    killed_remove(&base, &id, &kept, &removed);
}

/// Runs `kg remove ID` on `base` killed after each of a few delays: each time the base is
/// untouched and the journal old or new, queries answer through the snapshot as through
/// the JSON, and compact gives `kept` (old) or `removed` (new).
pub(crate) fn killed_remove(base: &Path, id: &str, kept: &Path, removed: &Path) {
    killed_write(base, &["remove", id], kept, removed);
}

/// [`killed_remove`] of the write `args` (a `kg remove`, with its options).
pub(crate) fn killed_write(base: &Path, args: &[&str], kept: &Path, removed: &Path) {
    let old = fs::read(base).unwrap();
    let journal = fs::read(journal_of(base)).ok();
    let mtime = fs::metadata(base).unwrap().modified().unwrap();
    let snap = {
        let mut s = base.as_os_str().to_owned();
        s.push(".snap");
        PathBuf::from(s)
    };
    let (code, _, err) = run_policy("always", base, &["stats"]);
    assert_eq!(code, 0, "{err}");
    let old_snap = fs::read(&snap).unwrap();
    let mut states = std::collections::BTreeSet::new();
    for delay_us in [0, 1_000, 2_000, 4_000, 8_000, 16_000, 100_000] {
        fs::write(base, &old).unwrap();
        match &journal {
            Some(j) => fs::write(journal_of(base), j).unwrap(),
            None => {
                let _ = fs::remove_file(journal_of(base));
            }
        }
        fs::write(&snap, &old_snap).unwrap();
        let f = fs::File::options().write(true).open(base).unwrap();
        f.set_modified(mtime).unwrap();
        drop(f);
        crate::harness::kill_9_after(base, args, delay_us);
        assert_eq!(fs::read(base).unwrap(), old, "the base is never written");
        let now = fs::read(journal_of(base)).ok();
        let state = if now == journal { "old" } else { "new" };
        states.insert(state);
        let from_json = run_policy("never", base, &["stats"]);
        assert_eq!(from_json.0, 0, "{}", from_json.2);
        assert_eq!(run_policy("always", base, &["stats"]), from_json);
        crate::delta::lists_as_json(base);
        let (code, _, err) = run_policy("always", base, &["compact"]);
        assert_eq!(code, 0, "{err}");
        let want = if state == "old" { kept } else { removed };
        assert_eq!(fs::read(base).unwrap(), fs::read(want).unwrap(), "{state}");
    }
    assert!(!states.is_empty());
}

/// Each article of a base (by id) and whether merging it changed the entities.
pub(crate) fn changes_entities(base: &Path) -> Vec<(String, Option<bool>)> {
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(base).unwrap()).unwrap();
    v["kb"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["source"]["id"].as_str().unwrap().to_string(),
                a["changes_entities"].as_bool(),
            )
        })
        .collect()
}

/// The ids of a base's articles whose merge changed the entities.
pub(crate) fn changed_articles(base: &Path) -> Vec<String> {
    changes_entities(base)
        .into_iter()
        .filter(|(_, f)| *f == Some(true))
        .map(|(id, _)| id)
        .collect()
}

/// Two copies of the synthetic bases with article `id` removed from each: `base`
/// through the snapshot (the journal where it can), `slow` by the whole-base path; both
/// removes succeed and say the same. Also gives `base`'s bytes before the remove, and
/// what its remove wrote on stderr.
pub(crate) fn removed_both_ways(
    id: &str,
) -> (tempfile::TempDir, PathBuf, PathBuf, Vec<u8>, String) {
    let (dir, base, slow, _) = synthetic_bases();
    let before = fs::read(&base).unwrap();
    let err = remove_on_both(&base, &slow, id);
    (dir, base, slow, before, err)
}

/// `kg remove --settle id` on `base` through the snapshot (the journal where it can,
/// settled: not pending) and on `slow` by the whole-base path: both succeed and say the
/// same. Gives what the first wrote on stderr.
pub(crate) fn remove_on_both(base: &Path, slow: &Path, id: &str) -> String {
    let (code, out, err) = run_policy("always", base, &["remove", "--settle", id]);
    assert_eq!(code, 0, "{err}");
    let (code, slow_out, err2) = run_policy("never", slow, &["remove", "--settle", id]);
    assert_eq!(code, 0, "{err2}");
    assert_eq!(out, slow_out, "what remove says");
    err
}

/// A base of 48 synthetic articles (0 to 39, then 429 to 436, which change no entity),
/// added the slow way, twice (`kg.json` and `slow.json`), and the articles.
pub(crate) fn synthetic_bases() -> (tempfile::TempDir, PathBuf, PathBuf, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let mut arts = synthetic(dir.path(), 0..40);
    arts.extend(synthetic(dir.path(), 429..437));
    let base = base_with(dir.path(), "kg.json", &arts);
    let slow = base_with(dir.path(), "slow.json", &arts);
    (dir, base, slow, arts)
}

/// `kg remove` of an article of the base that changed no entity when merged goes to the
/// journal (a removal, format 2), and answers as the whole-base remove does, exactly
/// (the journal only hides and replaces records in place); compact writes its bytes. An
/// article that changed the entities goes to the journal too (see `excise.rs`), and one
/// that stated first a fact it shares takes the whole-base path; both give the same.
#[test]
fn removing_a_base_article_answers_as_the_whole_base_remove() {
    let (_dir, base, _, _) = synthetic_bases();
    let flags = changes_entities(&base);
    assert!(flags.iter().all(|(_, f)| f.is_some()), "{flags:?}");
    let pure: Vec<&String> = flags
        .iter()
        .filter(|(_, f)| *f == Some(false))
        .map(|(id, _)| id)
        .collect();
    assert!(pure.len() >= 4, "{flags:?}");
    let changed = flags.iter().find(|(_, f)| *f == Some(true)).unwrap();
    let mut journalled = 0;
    for id in [
        pure[pure.len() - 1],
        pure[pure.len() / 2],
        pure[0],
        &changed.0,
    ] {
        let (_dir, base, slow, before, err) = removed_both_ways(id);
        if journal_of(&base).exists() {
            journalled += 1;
            assert_eq!(fs::read(&base).unwrap(), before, "the base was rewritten");
            let head = fs::read_to_string(journal_of(&base)).unwrap();
            // 4 for an article that changed the entities (see `excise.rs`).
            let version = if id == &changed.0 { 4 } else { 2 };
            assert!(
                head.starts_with(&format!(r#"{{"kg-journal":{version},"#)),
                "{head}"
            );
            assert!(
                err.contains(&format!("kg: wrote {} (", journal_of(&base).display())),
                "{err}"
            );
        } else {
            assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap(), "{id}");
        }
        // Exactly, unless the removal moved facts (an article that changed the
        // entities: a moved fact is listed after the base's until compacted).
        same_answers(&base, &slow, "never", id != &changed.0);
        // Removing it again: unknown, as on the rebuilt base.
        let again = run_policy("always", &base, &["remove", id]);
        let slow_again = run_policy("never", &slow, &["remove", id]);
        assert_eq!((again.0, &again.1), (slow_again.0, &slow_again.1));
        let (code, _, err) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{err}");
        assert!(!journal_of(&base).exists());
        assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap(), "{id}");
    }
    assert!(journalled >= 1, "no removal went to the journal");
}

/// A removal then more writes through the journal (adding the article back, adding
/// another, removing one of those): every step answers as the whole-base path does, and
/// compact, or any whole-base write (here `kg rebuild`), gives its bytes.
#[test]
fn a_journalled_removal_then_more_writes_answers_as_the_whole_base_path() {
    for finish in ["compact", "rebuild"] {
        let (dir, base, slow, arts) = synthetic_bases();
        let more = synthetic(dir.path(), 40..43);
        let last = changes_entities(&base)
            .into_iter()
            .rev()
            .find(|(_, f)| *f == Some(false))
            .unwrap()
            .0;
        let file_of = |id: &str| arts.iter().find(|p| id_of(p) == id).unwrap().clone();
        let steps: Vec<Vec<String>> = vec![
            vec!["remove".into(), last.clone()],
            vec!["add".into(), file_of(&last).display().to_string()],
            vec!["add".into(), more[0].display().to_string()],
            vec!["remove".into(), last.clone()],
            vec!["add".into(), more[1].display().to_string()],
            vec!["remove".into(), id_of(&more[0])],
        ];
        for step in &steps {
            let args: Vec<&str> = step.iter().map(String::as_str).collect();
            let fast = run_policy("always", &base, &args);
            let whole = run_policy("never", &slow, &args);
            assert_eq!(
                (fast.0, &fast.1),
                (whole.0, &whole.1),
                "kg {args:?}: {}",
                fast.2
            );
            if finish == "compact" {
                same_answers(&base, &slow, "never", false);
            }
        }
        assert!(journal_of(&base).exists());
        let policy = if finish == "compact" {
            "always"
        } else {
            "never"
        };
        let (code, _, err) = run_policy(policy, &base, &[finish]);
        assert_eq!(code, 0, "{err}");
        assert!(!journal_of(&base).exists());
        assert_eq!(
            fs::read(&base).unwrap(),
            fs::read(&slow).unwrap(),
            "{finish}"
        );
    }
}
