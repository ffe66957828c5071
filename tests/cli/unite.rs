//! `kg merge A B` through the base's journal (`src/kb/unite.rs`): the decision goes to
//! `kg.aliases` and a merge line to the journal; the base and its snapshot are not
//! touched. Every read command then answers as it does after the whole-base merge,
//! through the snapshot and through the JSON, and `kg compact` writes the very base the
//! whole-base merge writes. Killed at any point, it leaves the old files or the new ones,
//! and the next write repairs.

use crate::harness::{entity_names, run_policy};
use crate::journal::{articles, base_with, compacts_to, journal_of, kill_9_compact, same_stats};
use crate::retract::same_answers;
use std::fs;
use std::path::{Path, PathBuf};

/// The decisions file of a base.
fn aliases_of(base: &Path) -> PathBuf {
    base.with_extension("aliases")
}

/// A base of the first 12 articles (`kg.json`), and the first pair of its entities (in
/// listing order) that `kg merge` takes through the journal; the base is left merged so.
fn journalled_merge() -> (tempfile::TempDir, PathBuf, Vec<PathBuf>, [String; 2]) {
    let all = articles();
    let dir = tempfile::tempdir().unwrap();
    let base = base_with(dir.path(), "kg.json", &all[..12]);
    let names = entity_names(&base);
    let old = fs::read(&base).unwrap();
    for (i, a) in names.iter().enumerate().step_by(3) {
        let b = &names[(i * 7 + 5) % names.len()];
        let (code, _, err) = run_policy("always", &base, &["merge", a, b]);
        assert_eq!(fs::read(&base).unwrap(), old, "the base is never rewritten");
        if code == 0 && journal_of(&base).exists() {
            assert!(
                err.contains(&format!(
                    "kg: wrote {} (12 articles, ",
                    journal_of(&base).display()
                )) && err.contains(&format!(
                    "; the merge on top of {}: 'kg compact' rebuilds it under the decision)\n",
                    base.display()
                )),
                "{err}"
            );
            return (dir, base, all, [a.clone(), b.clone()]);
        }
        // The whole-base path (or an error): start again from the base as it was.
        let _ = fs::remove_file(journal_of(&base));
        let _ = fs::remove_file(aliases_of(&base));
        fs::write(&base, &old).unwrap();
    }
    panic!("no pair of {names:?} merged through the journal");
}

#[test]
fn a_journalled_merge_answers_as_the_whole_base_merge_and_compacts_to_its_bytes() {
    let (dir, base, all, [a, b]) = journalled_merge();
    let line = fs::read_to_string(journal_of(&base)).unwrap();
    assert!(line.starts_with(r#"{"kg-journal":3,"#), "{line}");
    assert!(line.contains(r#"{"merged":["#), "{line}");
    let slow = base_with(dir.path(), "slow.json", &all[..12]);
    let (code, slow_out, err) = run_policy("never", &slow, &["merge", &a, &b]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::read(aliases_of(&base)).unwrap(),
        fs::read(aliases_of(&slow)).unwrap(),
        "the same decision"
    );
    assert!(
        slow_out.starts_with("merged ") && slow_out.contains("; the decision is in "),
        "{slow_out}"
    );
    // What the whole-base merge gives, in any order (the journal's records come after
    // the base's until compacted).
    same_answers(&base, &slow, "never", false);
    // An article added after the merge goes to the journal too, and is merged under it.
    let more = [all[12].clone()];
    for (b, policy) in [(&base, "always"), (&slow, "never")] {
        let mut cmd = crate::harness::kg();
        cmd.env("KG_SNAPSHOT", policy).arg("-g").arg(b).arg("add");
        cmd.args(&more);
        crate::harness::no_panic(cmd.assert()).success();
    }
    assert!(journal_of(&base).exists(), "kg add went to the journal");
    same_answers(&base, &slow, "never", false);
    // Compacting rebuilds under the new decision: the whole-base merge's bytes.
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!(
            "kg: folded 1 article and 1 merge from '{}' into '{}' and removed it",
            journal_of(&base).display(),
            base.display()
        )),
        "{err}"
    );
    assert!(!journal_of(&base).exists());
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
    same_answers(&base, &slow, "never", true);
}

/// What `kg merge` says through the journal is what the whole-base merge says.
#[test]
fn a_journalled_merge_says_what_the_whole_base_merge_says() {
    let (dir, base, all, [a, b]) = journalled_merge();
    let slow = base_with(dir.path(), "slow.json", &all[..12]);
    fs::remove_file(journal_of(&base)).unwrap();
    fs::remove_file(aliases_of(&base)).unwrap();
    let (code, fast, err) = run_policy("always", &base, &["merge", &a, &b]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("kg: wrote {}\n", aliases_of(&base).display())),
        "{err}"
    );
    let (_, want, _) = run_policy("never", &slow, &["merge", &a, &b]);
    assert_eq!(
        fast.replace(&base.display().to_string(), "BASE")
            .replace("kg.aliases", "X"),
        want.replace(&slow.display().to_string(), "BASE")
            .replace("slow.aliases", "X")
    );
    // Merged already: the whole-base path says so.
    let (code, _, err) = run_policy("always", &base, &["merge", &a, &b]);
    assert_ne!(code, 0, "{err}");
}

/// Killed at any point, a journalled merge leaves the base untouched, the decisions file
/// and the journal each old or new (the decision first), queries answering through the
/// snapshot as through the JSON; `kg compact` then gives the merged base when the
/// decision was written, else the old one.
#[test]
fn kill_9_mid_journalled_merge_leaves_old_or_new_and_the_next_write_repairs() {
    let (dir, base, all, [a, b]) = journalled_merge();
    let new_journal = fs::read(journal_of(&base)).unwrap();
    let new_aliases = fs::read(aliases_of(&base)).unwrap();
    let done = base_with(dir.path(), "done.json", &all[..12]);
    let (code, _, err) = run_policy("never", &done, &["merge", &a, &b]);
    assert_eq!(code, 0, "{err}");
    let merged = fs::read(&done).unwrap();
    let old = fs::read(&base).unwrap();
    let mtime = fs::metadata(&base).unwrap().modified().unwrap();
    let args = ["merge", a.as_str(), b.as_str()];
    let mut states = std::collections::BTreeSet::new();
    for delay_us in [0, 1_000, 2_000, 4_000, 8_000, 16_000, 100_000] {
        fs::write(&base, &old).unwrap();
        let f = fs::File::options().write(true).open(&base).unwrap();
        f.set_modified(mtime).unwrap();
        drop(f);
        let _ = fs::remove_file(journal_of(&base));
        let _ = fs::remove_file(aliases_of(&base));
        let (code, _, err) = run_policy("always", &base, &["stats"]);
        assert_eq!(code, 0, "{err}");
        crate::harness::kill_9_after(&base, &args, delay_us);
        assert_eq!(fs::read(&base).unwrap(), old, "the base is never written");
        let journal = fs::read(journal_of(&base)).ok();
        let aliases = fs::read(aliases_of(&base)).ok();
        if let Some(j) = &journal {
            assert_eq!(j, &new_journal, "never a partial journal");
            assert!(
                aliases.is_some(),
                "the decision is written before the journal"
            );
        }
        if let Some(d) = &aliases {
            assert_eq!(d, &new_aliases, "never a partial decisions file");
        }
        states.insert((journal.is_some(), aliases.is_some()));
        let from_json = run_policy("never", &base, &["stats"]);
        assert_eq!(from_json.0, 0, "{}", from_json.2);
        assert_eq!(run_policy("always", &base, &["stats"]), from_json);
        crate::delta::lists_as_json(&base);
        let (code, _, err) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{err}");
        let want = if aliases.is_some() { &merged } else { &old };
        assert_eq!(&fs::read(&base).unwrap(), want, "{journal:?}");
    }
    assert!(!states.is_empty());
}

/// `kg compact` after a journalled merge folds the journal in by streaming the old base
/// (`src/kb/fold.rs`), the rebuild under the new decision replayed to check it
/// (`src/kb/replay.rs`): not the whole-base rebuild, yet its very bytes, with an article
/// added after the merge and each article's `changes_entities` as the rebuild gives it.
#[test]
fn compact_folds_a_journalled_merge_by_streaming_into_the_rebuilds_bytes() {
    let (dir, base, all, [a, b]) = journalled_merge();
    let slow = base_with(dir.path(), "slow.json", &all[..12]);
    let (code, _, err) = run_policy("never", &slow, &["merge", &a, &b]);
    assert_eq!(code, 0, "{err}");
    let more = [all[12].clone(), all[13].clone()];
    for (b, policy) in [(&base, "always"), (&slow, "never")] {
        let mut cmd = crate::harness::kg();
        cmd.env("KG_SNAPSHOT", policy).arg("-g").arg(b).arg("add");
        cmd.args(&more);
        crate::harness::no_panic(cmd.assert()).success();
    }
    assert!(journal_of(&base).exists(), "kg add went to the journal");
    let old = fs::read(&base).unwrap();
    let notes = kg::kb::fold::fold(&base)
        .unwrap()
        .expect("the streaming fold, not the whole-base path");
    assert!(
        notes.iter().any(|n| matches!(
            n,
            kg::kb::Note::Folded {
                articles: 2,
                removals: 0,
                merges: 1,
                ..
            }
        )),
        "{notes:?}"
    );
    assert!(!journal_of(&base).exists());
    let new = fs::read(&base).unwrap();
    assert_ne!(new, old);
    assert_eq!(new, fs::read(&slow).unwrap(), "the whole-base path's bytes");
    let flags = |text: &[u8]| {
        String::from_utf8_lossy(text)
            .matches("\"changes_entities\": ")
            .count()
    };
    assert_eq!(flags(&new), 14, "every article has its flag");
    same_answers(&base, &slow, "never", true);
    // Nothing is left to fold: compact says so.
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("it has no journal to fold in"), "{err}");
}

/// Two merges in one journal fold in as one rebuild under both decisions does.
#[test]
fn compact_folds_two_journalled_merges_into_the_rebuilds_bytes() {
    let (dir, base, all, [a, b]) = journalled_merge();
    let slow = base_with(dir.path(), "slow.json", &all[..12]);
    let (code, _, err) = run_policy("never", &slow, &["merge", &a, &b]);
    assert_eq!(code, 0, "{err}");
    let names = entity_names(&base);
    let kept = [base.clone(), journal_of(&base), aliases_of(&base)].map(|p| fs::read(p).unwrap());
    let mtime = fs::metadata(&base).unwrap().modified().unwrap();
    let mut second = None;
    for (i, c) in names.iter().enumerate().skip(1).step_by(2) {
        let d = &names[(i * 5 + 3) % names.len()];
        let (code, _, _) = run_policy("always", &base, &["merge", c, d]);
        let grew = fs::read(journal_of(&base)).is_ok_and(|j| j.len() > kept[1].len());
        if code == 0 && grew && fs::read(&base).unwrap() == kept[0] {
            second = Some([c.clone(), d.clone()]);
            break;
        }
        // Not through the journal (or an error): back to the first merge.
        for (p, bytes) in [base.clone(), journal_of(&base), aliases_of(&base)]
            .iter()
            .zip(&kept)
        {
            fs::write(p, bytes).unwrap();
        }
        let f = fs::File::options().write(true).open(&base).unwrap();
        f.set_modified(mtime).unwrap();
    }
    let [c, d] = second.expect("a second merge through the journal");
    let (code, _, err) = run_policy("never", &slow, &["merge", &c, &d]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("and 2 merges from"), "{err}");
    assert_eq!(fs::read(&base).unwrap(), fs::read(&slow).unwrap());
    same_answers(&base, &slow, "never", true);
}

/// Killed at any point, `kg compact` folding a journalled merge leaves the old base and
/// its journal, or the merged base (the journal then goes, or is stale and the next write
/// folds nothing new in); queries answer through the snapshot as through the JSON, and
/// the next `kg compact` gives the whole-base merge's bytes.
#[test]
fn kill_9_mid_compact_of_a_journalled_merge_leaves_the_old_base_or_the_new_one() {
    let (dir, base, all, [a, b]) = journalled_merge();
    let slow = base_with(dir.path(), "slow.json", &all[..12]);
    let (code, _, err) = run_policy("never", &slow, &["merge", &a, &b]);
    assert_eq!(code, 0, "{err}");
    let merged = fs::read(&slow).unwrap();
    let old = fs::read(&base).unwrap();
    let journal = fs::read(journal_of(&base)).unwrap();
    let mtime = fs::metadata(&base).unwrap().modified().unwrap();
    let mut states = std::collections::BTreeSet::new();
    for delay_us in [0, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 100_000] {
        let state = kill_9_compact(&base, (&old, &journal, mtime), &merged, delay_us);
        states.insert((state, journal_of(&base).exists()));
        if state == "old" {
            // The merge still answers through the journal, the same through the snapshot.
            same_stats(&base);
        }
        compacts_to(&base, &merged);
    }
    assert!(!states.is_empty());
}

/// `kg compact` after a journalled merge (and nothing else) replays only the articles
/// the merge can touch (`src/kb/component.rs`): merges whose names several articles
/// mention, beside articles that mention neither, fold by the component replay into the
/// whole-base merge's very bytes.
#[test]
fn compact_replays_only_the_merges_component_into_the_rebuilds_bytes() {
    let all = articles();
    let dir = tempfile::tempdir().unwrap();
    let names = entity_names(&base_with(dir.path(), "names.json", &all[..12]));
    let mut spans = Vec::new();
    for (i, a) in names.iter().enumerate() {
        if spans.len() >= 4 {
            break;
        }
        let b = &names[(i * 7 + 5) % names.len()];
        let base = base_with(dir.path(), &format!("b{i}.json"), &all[..12]);
        let (code, _, _) = run_policy("always", &base, &["merge", a, b]);
        if code != 0 || !journal_of(&base).exists() {
            continue;
        }
        let Some((touched, of)) = kg::kb::fold::component_articles(&base) else {
            continue;
        };
        let slow = base_with(dir.path(), &format!("s{i}.json"), &all[..12]);
        let (code, _, err) = run_policy("never", &slow, &["merge", a, b]);
        assert_eq!(code, 0, "{err}");
        let notes = kg::kb::fold::fold_by_component(&base)
            .unwrap()
            .expect("the component replay");
        assert!(
            notes
                .iter()
                .any(|n| matches!(n, kg::kb::Note::Folded { merges: 1, .. })),
            "{notes:?}"
        );
        assert!(!journal_of(&base).exists());
        assert_eq!(
            fs::read(&base).unwrap(),
            fs::read(&slow).unwrap(),
            "the whole-base merge's bytes ({a}, {b})"
        );
        same_answers(&base, &slow, "never", true);
        spans.push((touched, of));
    }
    assert!(
        spans
            .iter()
            .any(|&(touched, of)| touched >= 2 && touched < of),
        "a component of several articles, beside others: {spans:?}"
    );
}

/// A merge through the journal of an entity of thousands of facts, more than the 1,024
/// that the merge and the journal's overlay read between two releases of the snapshot's
/// pages (the ids they name looked up together), on a generated base of 100,000 facts
/// migrated by `kg compact`: it says what the whole-base merge says, every read command
/// answers through the snapshot as the JSON reader does with the same journal, and `kg
/// compact` then writes the whole-base merge's bytes.
#[test]
fn a_journalled_merge_of_an_entity_of_thousands_of_facts_is_the_whole_base_merge() {
    use kg_testkit::generate::{Spec, write};
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("kg.json");
    let mut out = std::io::BufWriter::new(fs::File::create(&base).unwrap());
    let spec = Spec {
        facts: 100_000,
        seed: 8,
        sources: 0,
    };
    let q = write(spec, &mut out).unwrap();
    out.flush().unwrap();
    drop(out);
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    let slow = dir.path().join("slow.json");
    fs::copy(&base, &slow).unwrap();
    let old = fs::read(&base).unwrap();
    let hub = &q.hub;
    assert!(hub.degree > 4 * 1024, "the hub has {} facts", hub.degree);
    let (code, fast, err) = run_policy("always", &base, &["merge", "Red Panda", &hub.name]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        format!(
            "kg: wrote {}\nkg: wrote {} (301 articles, 19999 entities, 99976 facts; the merge \
             on top of {}: 'kg compact' rebuilds it under the decision)\n",
            aliases_of(&base).display(),
            journal_of(&base).display(),
            base.display()
        )
    );
    assert_eq!(fs::read(&base).unwrap(), old, "the base is untouched");
    let line = fs::read_to_string(journal_of(&base)).unwrap();
    assert!(
        line.matches("\"red-panda\"").count() > 4 * 1024,
        "the hub's facts moved"
    );
    let (code, want, err) = run_policy("never", &slow, &["merge", "Red Panda", &hub.name]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fast,
        format!(
            "merged {} ({}) into red panda (red-panda); the decision is in {}\n",
            hub.name,
            hub.id,
            aliases_of(&base).display()
        )
    );
    assert_eq!(
        fast.replace(&aliases_of(&base).display().to_string(), "X"),
        want.replace(&aliases_of(&slow).display().to_string(), "X")
    );
    let other = &q.pairs[0];
    let commands: [&[&str]; 6] = [
        &["show", "Red Panda"],
        &["show", &hub.name],
        &["neighbours", &hub.name],
        &["path", &other.from.name, &other.to.name],
        &["path", &other.from.name, "Red Panda"],
        &["stats"],
    ];
    for args in commands {
        let fast = run_policy("always", &base, args);
        assert_eq!(fast.0, 0, "kg {args:?}: {}", fast.2);
        assert_eq!(run_policy("never", &base, args), fast, "kg {args:?}");
    }
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::read(&base).unwrap() == fs::read(&slow).unwrap(),
        "the rebuild's bytes"
    );
}
