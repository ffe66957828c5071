//! `kg remove` of an article of the base that changed the entities when merged
//! (`src/kb/excise.rs`): the removal goes to the journal (format 4) with what the rebuild
//! without the article changes: entities of other articles renamed, moved to another id
//! or gone, their facts moved, other articles' `changes_entities` flags. The base and its
//! snapshot are not touched; every read command answers as after the whole-base remove,
//! and `kg compact` writes that remove's very bytes. Killed at any point, the remove
//! leaves the old journal or the new one, and the compact the old base or the new one.

use crate::harness::run_policy;
use crate::journal::{base_with, compacts_to, journal_of, kill_9_compact, same_stats};
use crate::retract::{
    changed_articles, entries, killed_write, remove_on_both, removed_both_ways, same_answers,
    synthetic_bases,
};
use std::fs;
use std::path::{Path, PathBuf};

/// `kg remove` of an article of the base that changed the entities when merged goes to
/// the journal too (`src/kb/excise.rs`: format 4, with the entities it changed, those
/// that went and the articles whose flag changed), answers as the whole-base remove does,
/// and compact writes that remove's bytes. Tried on every such article of the base: some
/// change other articles' flags; each gives the same as the whole-base remove.
#[test]
fn removing_a_base_article_that_changed_the_entities_goes_through_the_journal() {
    let (_dir, base, _, _) = synthetic_bases();
    let changed = changed_articles(&base);
    let (mut journalled, mut reflagged) = (0, 0);
    for (k, id) in changed.iter().enumerate() {
        let (_dir, base, slow, before, _) = removed_both_ways(id);
        if journal_of(&base).exists() {
            journalled += 1;
            assert_eq!(fs::read(&base).unwrap(), before, "the base was rewritten");
            let entry: serde_json::Value = serde_json::from_str(&entries(&base)[0]).unwrap();
            reflagged += usize::from(entry.get("flags").is_some());
            // Every read command on a few (each takes a second).
            if k % 4 == 0 || entry.get("flags").is_some() {
                same_answers(&base, &slow, "never", false);
            }
        }
        let (code, _, err) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{err}");
        assert!(!journal_of(&base).exists());
        assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap(), "{id}");
    }
    assert!(
        journalled >= changed.len() / 2,
        "{journalled} of {}",
        changed.len()
    );
    assert!(reflagged >= 1, "no removal changed another article's flag");
}

/// An article file of one source: its entities (id, name, kind, aliases) and facts
/// (subject, relation, object), each fact at its own span.
pub(crate) fn article_file(
    dir: &Path,
    id: &str,
    entities: &[(&str, &str, &str, &[&str])],
    facts: &[(&str, &str, &str)],
) -> PathBuf {
    let entities: Vec<serde_json::Value> = entities
        .iter()
        .map(|(id, name, kind, aliases)| {
            serde_json::json!({"id": id, "name": name, "kind": kind, "aliases": aliases})
        })
        .collect();
    let facts: Vec<serde_json::Value> = facts
        .iter()
        .enumerate()
        .map(|(k, (s, r, o))| {
            serde_json::json!({"subject": s, "relation": r, "object": o, "source": id,
                "span": [k * 20, k * 20 + 10], "evidence": format!("{s} {r} {o}")})
        })
        .collect();
    let n = id.bytes().fold(7u64, |h, b| h * 31 + u64::from(b));
    let file = serde_json::json!({
        "version": 1,
        "sources": [{"id": id, "hash": format!("fnv1a64:{n:016x}")}],
        "entities": entities,
        "facts": facts,
    });
    let path = dir.join(format!("{id}.json"));
    fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    path
}

/// Articles where one entity is named "Putin", then "Vladimir Putin" (taking the fuller
/// name), then "Putin" again, beside others: taking out the first gives the entity
/// another id (the second article's) and moves the third's facts onto it; taking out the
/// second takes its fuller name off the entity the others name.
pub(crate) fn putin_articles(dir: &Path) -> Vec<PathBuf> {
    let none: &[&str] = &[];
    vec![
        article_file(
            dir,
            "p1",
            &[
                ("putin", "Putin", "person", none),
                ("russia", "Russia", "country", none),
            ],
            &[("putin", "leads", "russia")],
        ),
        article_file(
            dir,
            "p2",
            &[
                ("vladimir-putin", "Vladimir Putin", "person", &["Putin"]),
                ("russia", "Russia", "country", none),
                ("oslo-zoo", "Oslo Zoo", "institution", none),
            ],
            &[
                ("vladimir-putin", "leads", "russia"),
                ("oslo-zoo", "located-in", "russia"),
            ],
        ),
        article_file(
            dir,
            "p3",
            &[
                ("putin", "Putin", "person", none),
                ("kenya", "Kenya", "country", none),
                ("oslo-zoo", "Oslo Zoo", "institution", none),
            ],
            &[
                ("putin", "deployed-to", "kenya"),
                ("kenya", "cooperates-with", "putin"),
                ("oslo-zoo", "located-in", "kenya"),
            ],
        ),
        article_file(
            dir,
            "p4",
            &[
                ("kenya", "Kenya", "country", none),
                ("russia", "Russia", "country", none),
                ("ghana", "Ghana", "country", none),
            ],
            &[
                ("kenya", "cooperates-with", "russia"),
                ("ghana", "cooperates-with", "kenya"),
            ],
        ),
    ]
}

/// Removals that change other articles' entities through the journal: the entity the
/// others name loses a name, or takes another id (its facts moved onto it); queries
/// answer as after the whole-base remove, and compact writes its bytes.
#[test]
fn a_journalled_removal_changes_the_entities_other_articles_name() {
    let (mut renamed, mut gone) = (0, 0);
    for id in ["p1", "p2", "p3"] {
        let (_dir, base, slow) = putin_bases();
        let before = fs::read(&base).unwrap();
        let err = remove_on_both(&base, &slow, id);
        assert!(journal_of(&base).exists(), "{id}: {err}");
        assert_eq!(fs::read(&base).unwrap(), before, "the base was rewritten");
        let entry: serde_json::Value = serde_json::from_str(&entries(&base)[0]).unwrap();
        let changed = entry["entities"].as_array().unwrap();
        renamed += usize::from(changed.iter().any(|e| e["name"] == "Putin"));
        gone += usize::from(
            entry["gone"]
                .as_array()
                .is_some_and(|g| g.iter().any(|x| x == "putin")),
        );
        same_answers(&base, &slow, "never", false);
        for args in [
            &["show", "Putin"][..],
            &["show", "Vladimir Putin"],
            &["neighbours", "Kenya", "--depth", "2"],
            &["path", "Putin", "Ghana"],
        ] {
            assert_eq!(
                run_policy("always", &base, args),
                run_policy("never", &slow, args),
                "{id}: kg {args:?}"
            );
        }
        let (code, _, err) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{err}");
        assert!(!journal_of(&base).exists());
        assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap(), "{id}");
    }
    assert!(renamed >= 1 && gone >= 1, "{renamed} {gone}");
}

/// The Putin articles in a base twice (`kg.json`, `slow.json`): the folder, the bases.
pub(crate) fn putin_bases() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let arts = putin_articles(dir.path());
    let base = base_with(dir.path(), "kg.json", &arts);
    let slow = base_with(dir.path(), "slow.json", &arts);
    (dir, base, slow)
}

/// `kg remove` of an article that changed the entities, killed at any point: the base
/// is never written, the journal is the old one or the new one, queries answer through
/// the snapshot as through the JSON, and compact gives the base with the article or the
/// whole-base remove's.
#[test]
fn kill_9_mid_journalled_removal_of_an_article_that_changed_the_entities() {
    for id in ["p1", "p2"] {
        let (_dir, base, removed) = putin_bases();
        let kept = base.with_file_name("kept.json");
        fs::copy(&base, &kept).unwrap();
        let (code, _, err) = run_policy("never", &removed, &["remove", id]);
        assert_eq!(code, 0, "{err}");
        killed_write(&base, &["remove", "--settle", id], &kept, &removed);
    }
}

/// `kg compact` folding such a removal, killed at any point, leaves the old base and its
/// journal or the whole-base remove's bytes; the next compact gives those bytes.
#[test]
fn kill_9_mid_compact_of_a_removal_that_changed_the_entities() {
    let (_dir, base, slow) = putin_bases();
    for b in [&base, &slow] {
        let policy = if b == &base { "always" } else { "never" };
        let (code, _, err) = run_policy(policy, b, &["remove", "--settle", "p1"]);
        assert_eq!(code, 0, "{err}");
    }
    let want = fs::read(&slow).unwrap();
    let old = fs::read(&base).unwrap();
    let journal = fs::read(journal_of(&base)).unwrap();
    assert!(
        String::from_utf8_lossy(&journal).starts_with(r#"{"kg-journal":4,"#),
        "a removal that changed the entities"
    );
    let mtime = fs::metadata(&base).unwrap().modified().unwrap();
    let mut states = std::collections::BTreeSet::new();
    for delay_us in [0, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 100_000] {
        let state = kill_9_compact(&base, (&old, &journal, mtime), &want, delay_us);
        states.insert(state);
        if state == "old" {
            same_stats(&base);
        }
        compacts_to(&base, &want);
    }
    assert!(!states.is_empty());
}

/// Under a merge decision, the removal rebuilds the facts whose key may change by
/// replaying the builder with stand-ins for their ends outside the component (the
/// builder moves a merged entity's facts); under none, from where each end settled
/// (`src/kb/excise.rs`). Both go through the journal and compact into the whole-base
/// remove's bytes.
#[test]
fn a_journalled_removal_under_a_merge_decision_compacts_into_the_whole_base_remove() {
    let mut journalled = 0;
    for id in ["p1", "p2", "p3"] {
        let (_dir, base, slow) = putin_bases();
        for (b, policy) in [(&base, "always"), (&slow, "never")] {
            for args in [&["merge", "Kenya", "Russia"][..], &["compact"]] {
                let (code, _, err) = run_policy(policy, b, args);
                assert_eq!(code, 0, "{args:?}: {err}");
            }
        }
        assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap(), "merged");
        remove_on_both(&base, &slow, id);
        if journal_of(&base).exists() {
            journalled += 1;
            same_answers(&base, &slow, "never", false);
        }
        let (code, _, err) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap(), "{id}");
    }
    assert!(journalled >= 2, "{journalled} of 3 through the journal");
}

/// Articles that share names and id families (`src/kb/excise.rs`, the finer grain): each
/// names a few of a pool of entities picked by a fixed sequence — people and places whose
/// ids run into numbers (`lake`, `lake-2`, `lake-2-3`, `kim`, `kim-2`), one name made
/// into several entities by the builder ("Putin", "Vladimir Putin" named together), zoos
/// and countries — and states facts between them.
pub(crate) fn family_articles(dir: &Path) -> Vec<PathBuf> {
    let none: &[&str] = &[];
    let pool: [(&str, &str, &str, &[&str]); 18] = [
        ("kim", "Kim Jong Un", "person", &["Kim"]),
        ("kim-2", "Kim Il Sung", "person", none),
        ("kim", "Kim Yo Jong", "person", none),
        ("putin", "Putin", "person", none),
        ("vladimir-putin", "Vladimir Putin", "person", &["Putin"]),
        ("anna-petrova", "Anna Petrova", "person", &["Petrova"]),
        ("petrova", "Petrova", "person", none),
        ("zoo", "Oslo Zoo", "institution", none),
        ("zoo-2", "Lima Zoo", "institution", &["the Lima Zoo"]),
        ("zoo-3", "Accra Zoo", "institution", none),
        ("lake", "Lake Oslo", "place", none),
        ("lake-2", "Lake Lima", "place", none),
        ("lake-2-3", "Lake Accra", "place", none),
        ("lake-7", "Lake Hanoi", "place", &["Hanoi Lake"]),
        ("norway", "Norway", "country", &["Kingdom of Norway"]),
        ("chile", "Chile", "country", none),
        ("kenya", "Kenya", "country", none),
        ("red-panda", "red panda", "animal", &["red pandas"]),
    ];
    let mut lcg = kg_testkit::lcg::Lcg::new(11);
    let mut next = |n: usize| lcg.below(n);
    let mut files = Vec::new();
    for a in 0..24 {
        let mut picked: Vec<usize> = Vec::new();
        while picked.len() < 3 + a % 3 {
            let k = next(pool.len());
            if !picked.iter().any(|&p| pool[p].0 == pool[k].0) {
                picked.push(k);
            }
        }
        let entities: Vec<(&str, &str, &str, &[&str])> = picked.iter().map(|&k| pool[k]).collect();
        let facts: Vec<(&str, &str, &str)> = picked
            .windows(2)
            .enumerate()
            .map(|(n, w)| {
                let relation = if n % 2 == 0 {
                    "cooperates-with"
                } else {
                    "member-of"
                };
                (pool[w[0]].0, relation, pool[w[1]].0)
            })
            .collect();
        files.push(article_file(dir, &format!("f{a:02}"), &entities, &facts));
    }
    files
}

/// `kg remove` of each article of a base whose articles share names and id families
/// answers as the whole-base remove does, and compact writes that remove's bytes, whether
/// the removal was told at the finer grain, at the family grain, or by the whole base.
#[test]
fn removing_from_a_base_of_shared_names_and_id_families_is_the_whole_base_remove() {
    let dir = tempfile::tempdir().unwrap();
    let arts = family_articles(dir.path());
    let (mut journalled, mut tried) = (0, 0);
    for (k, art) in arts.iter().enumerate() {
        let id = art.file_stem().unwrap().to_string_lossy().into_owned();
        let run = tempfile::tempdir().unwrap();
        let base = base_with(run.path(), "kg.json", &arts);
        let slow = base_with(run.path(), "slow.json", &arts);
        let err = remove_on_both(&base, &slow, &id);
        tried += 1;
        if journal_of(&base).exists() {
            journalled += 1;
            if k % 6 == 0 {
                same_answers(&base, &slow, "never", false);
            }
        }
        let (code, _, err2) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{err} {err2}");
        assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap(), "{id}");
    }
    assert!(journalled >= tried / 3, "{journalled} of {tried}");
}
