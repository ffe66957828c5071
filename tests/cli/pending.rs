//! `kg remove` of a base article that changed the entities, *pending* (the default on a
//! large base; `src/kb/retract.rs`): the journal (format 5) hides the article's facts and
//! provenances at once and leaves what the rebuild without it changes in the entities to
//! the next `kg compact`, which settles it (the component replay of `src/kb/excise.rs`,
//! the journal's later articles merged again) and writes the whole-base remove's bytes.
//! Killed at any point, the remove leaves the old journal or the new one, and the compact
//! the old base (with the pending journal or the settled one) or the new one.

use crate::excise::{family_articles, putin_bases};
use crate::harness::run_policy;
use crate::journal::{base_with, compacts_to, journal_of, kill_9_compact, same_stats};
use crate::retract::{changed_articles, entries, killed_write, synthetic_bases};
use std::fs;
use std::path::Path;

/// What a pending removal's stdout says after the counts.
const PENDING: &str = "pending until 'kg compact'";

/// `kg remove id`, pending, on `base` (through the snapshot) and the whole-base remove
/// on `slow`; checks what a pending removal promises: the base untouched, the journal
/// format 5 with a pending entry, the article's source gone, its facts gone (the fact
/// count less the entry's dropped facts, and no fact citing it), the same answers through
/// the snapshot and the JSON. True when it went pending (else it was told exactly, as
/// with `--settle`: the same stdout as the whole-base remove).
fn remove_pending(base: &Path, slow: &Path, id: &str) -> bool {
    let before = fs::read(base).unwrap();
    let facts_before = fact_count(base);
    let (code, out, err) = run_policy("always", base, &["remove", id]);
    assert_eq!(code, 0, "{err}");
    let (code, slow_out, err2) = run_policy("never", slow, &["remove", id]);
    assert_eq!(code, 0, "{err2}");
    assert_eq!(fs::read(base).unwrap(), before, "the base was rewritten");
    if !out.contains(PENDING) {
        assert_eq!(out, slow_out, "{id}");
        return false;
    }
    let head = fs::read_to_string(journal_of(base)).unwrap();
    assert!(head.starts_with(r#"{"kg-journal":5,"#), "{head}");
    let entry: serde_json::Value = serde_json::from_str(&entries(base)[0]).unwrap();
    assert_eq!(entry["pending"], true, "{entry}");
    assert_eq!(entry["removed"], id);
    let dropped = entry["dropped"].as_array().map_or(0, Vec::len);
    assert!(
        out.starts_with(&format!("removed {id}: {dropped} fact")),
        "{out}"
    );
    assert_eq!(fact_count(base), facts_before - dropped, "{id}");
    same_stats(base);
    let (_, _, err) = run_policy("always", base, &["stats"]);
    assert!(err.contains("holds a pending removal"), "{err}");
    let (code, sources, err) = run_policy("always", base, &["sources", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(!sources.contains(&format!("\"{id}\"")), "{sources}");
    let (code, facts, err) = run_policy("always", base, &["facts", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(!facts.contains(&format!("\"{id}\"")), "a fact cites {id}");
    true
}

/// The base's fact count, as `kg stats --format json` gives it.
fn fact_count(base: &Path) -> usize {
    let (code, out, err) = run_policy("always", base, &["stats", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["facts"].as_u64().unwrap() as usize
}

/// Every article of the synthetic base that changed the entities, removed pending: its
/// facts go at once, and `kg compact` settles the removal into the whole-base remove's
/// bytes.
#[test]
fn a_pending_removal_hides_the_articles_facts_and_compact_settles_it() {
    let (_dir, base, _, _) = synthetic_bases();
    let changed = changed_articles(&base);
    let mut pending = 0;
    for id in changed.iter().step_by(3) {
        let (_dir, base, slow, _) = synthetic_bases();
        let went = remove_pending(&base, &slow, id);
        pending += usize::from(went);
        let (code, _, err) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{err}");
        // Settled through the journal, not by the whole-base path.
        let settled = format!("settled the pending removal of {id}");
        assert_eq!(err.contains(&settled), went, "{err}");
        assert!(!journal_of(&base).exists());
        assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap(), "{id}");
        same_stats(&base);
    }
    assert!(
        pending >= 1 && pending >= changed.len() / 6,
        "{pending} of {}",
        changed.len() / 3
    );
}

/// Removals whose identity consequences are large (an entity renamed, moved to another
/// id or gone; names and id families shared across articles), pending: compact writes the
/// whole-base remove's bytes.
#[test]
fn pending_removals_that_change_other_articles_entities_settle_into_the_whole_base_remove() {
    let mut pending = 0;
    for id in ["p1", "p2", "p3"] {
        let (_dir, base, slow) = putin_bases();
        assert!(remove_pending(&base, &slow, id), "{id}");
        pending += 1;
        compacts_to(&base, &fs::read(&slow).unwrap());
    }
    let dir = tempfile::tempdir().unwrap();
    let arts = family_articles(dir.path());
    for art in arts.iter().step_by(2) {
        let id = art.file_stem().unwrap().to_string_lossy().into_owned();
        let run = tempfile::tempdir().unwrap();
        let base = base_with(run.path(), "kg.json", &arts);
        let slow = base_with(run.path(), "slow.json", &arts);
        pending += usize::from(remove_pending(&base, &slow, &id));
        compacts_to(&base, &fs::read(&slow).unwrap());
    }
    assert!(pending >= 6, "{pending} pending");
}

/// An article added after a pending removal joins, until compact, the entities the
/// removed article left (here "Putin" joins `putin`, which only the removed article
/// made); settling merges it again over the settled removal, so compact writes the bytes
/// of the whole-base remove then add.
#[test]
fn an_article_added_after_a_pending_removal_is_merged_again_when_it_is_settled() {
    let (dir, base, slow) = putin_bases();
    let later = crate::excise::article_file(
        dir.path(),
        "p5",
        &[
            ("putin", "Putin", "person", &[]),
            ("ghana", "Ghana", "country", &[]),
        ],
        &[("putin", "deployed-to", "ghana")],
    );
    let later = later.display().to_string();
    assert!(remove_pending(&base, &slow, "p1"));
    let (code, out, err) = run_policy("always", &base, &["add", &later]);
    assert_eq!(code, 0, "{err}");
    let (code, slow_out, err2) = run_policy("never", &slow, &["add", &later]);
    assert_eq!(code, 0, "{err2}");
    assert_eq!(out, slow_out);
    assert_eq!(entries(&base).len(), 2, "appended to the journal");
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("settled the pending removal of p1"), "{err}");
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
}

/// A second removal of a base article while one is pending takes the whole-base path
/// (the flags it relies on wait on the settlement): the base is rebuilt without both.
#[test]
fn a_second_removal_while_one_is_pending_rebuilds_without_both() {
    let (_dir, base, slow) = putin_bases();
    assert!(remove_pending(&base, &slow, "p1"));
    let (code, out, err) = run_policy("always", &base, &["remove", "p3"]);
    assert_eq!(code, 0, "{err}");
    let (code, slow_out, err2) = run_policy("never", &slow, &["remove", "p3"]);
    assert_eq!(code, 0, "{err2}");
    assert_eq!(out, slow_out);
    assert!(!journal_of(&base).exists(), "rebuilt");
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
}

/// `kg remove --settle` tells the removal exactly now (format 4, not pending).
#[test]
fn remove_settle_tells_the_removal_now() {
    let (_dir, base, slow) = putin_bases();
    let (code, out, err) = run_policy("always", &base, &["remove", "--settle", "p1"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains(PENDING), "{out}");
    let head = fs::read_to_string(journal_of(&base)).unwrap();
    assert!(head.starts_with(r#"{"kg-journal":4,"#), "{head}");
    let (_, slow_out, _) = run_policy("never", &slow, &["remove", "p1"]);
    assert_eq!(out, slow_out);
}

/// A pending `kg remove`, killed at any point: the base is never written, the journal is
/// the old one or the new one, and compact gives the base with the article or the
/// whole-base remove's.
#[test]
fn kill_9_mid_pending_removal() {
    let (_dir, base, removed) = putin_bases();
    let kept = base.with_file_name("kept.json");
    fs::copy(&base, &kept).unwrap();
    // The write killed is a pending one (as a copy let finish shows).
    let (_copy, copy, slow) = putin_bases();
    assert!(remove_pending(&copy, &slow, "p1"));
    let (code, _, err) = run_policy("never", &removed, &["remove", "p1"]);
    assert_eq!(code, 0, "{err}");
    killed_write(&base, &["remove", "p1"], &kept, &removed);
}

/// `kg compact` of a pending removal, killed at any point (before the settled journal is
/// written, after it, mid-fold): the old base with the pending journal or the settled
/// one, or the whole-base remove's bytes; the next compact gives those bytes.
#[test]
fn kill_9_mid_compact_of_a_pending_removal() {
    let (_dir, base, slow) = putin_bases();
    assert!(remove_pending(&base, &slow, "p1"));
    let want = fs::read(&slow).unwrap();
    let old = fs::read(&base).unwrap();
    let journal = fs::read(journal_of(&base)).unwrap();
    let mtime = fs::metadata(&base).unwrap().modified().unwrap();
    let mut states = std::collections::BTreeSet::new();
    for delay_us in [0, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 100_000] {
        let state = kill_9_compact(&base, (&old, &journal, mtime), &want, delay_us);
        let settled = fs::read_to_string(journal_of(&base)).ok();
        let settled = settled.is_some_and(|j| j.starts_with(r#"{"kg-journal":4,"#));
        states.insert((state, settled));
        if state == "old" {
            same_stats(&base);
        }
        compacts_to(&base, &want);
    }
    assert!(!states.is_empty());
}

/// The settlement runs on a thread of its own (`src/cmd/compact.rs`: the fold after it
/// then allocates on a heap the settlement did not use): what fails there fails the
/// compact as before, leaving the base and the pending journal as they were, and the
/// next compact settles and folds into the whole-base remove's bytes.
#[test]
fn a_settlement_on_its_own_thread_fails_and_settles_as_before() {
    let (_dir, base, slow) = putin_bases();
    assert!(remove_pending(&base, &slow, "p1"));
    let (before, journal) = (
        fs::read(&base).unwrap(),
        fs::read(journal_of(&base)).unwrap(),
    );
    let (code, out, err) = run_policy("sometimes", &base, &["compact"]);
    assert_ne!(code, 0, "{out}");
    assert_eq!(
        err,
        "kg: KG_SNAPSHOT is 'sometimes': expected auto, always or never\n"
    );
    assert_eq!(fs::read(&base).unwrap(), before);
    assert_eq!(fs::read(journal_of(&base)).unwrap(), journal);
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("settled the pending removal of p1"), "{err}");
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
}
