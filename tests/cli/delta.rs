//! The journal's delta file (`kg.json.journal.snap`): every write that appends to the
//! journal (`kg add`, `kg remove`, `kg merge` on a large base) writes it after the
//! journal, and queries read it instead of parsing the journal, answering byte for byte
//! as the JSON does. One that is stale, damaged or cut is not read (the query parses the
//! journal), and a write killed at any point leaves queries answering as the JSON does.

use crate::harness::{entity_names, run_policy};
use crate::journal::{add, journal_of, journalled};
use crate::retract::read_commands;
use std::fs;
use std::path::{Path, PathBuf};

/// The delta file of a base (`kg.json` -> `kg.json.journal.snap`).
pub(crate) fn delta_of(base: &Path) -> PathBuf {
    let mut s = journal_of(base).into_os_string();
    s.push(".snap");
    PathBuf::from(s)
}

/// Every read command on `base` through the snapshot (and so the delta file, when it is
/// read).
fn answers(base: &Path, commands: &[Vec<String>]) -> Vec<(i32, String, String)> {
    commands
        .iter()
        .map(|args| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            run_policy("always", base, &args)
        })
        .collect()
}

/// The read commands answer through the snapshot as from the JSON, and alike with the
/// delta file and without it.
pub(crate) fn reads_as_json(base: &Path) {
    answer_as_json(base, &read_commands(&entity_names(base)));
}

/// A few listings answer through the snapshot as from the JSON, alike with the delta
/// file and without it (after each kill of a write that writes one).
pub(crate) fn lists_as_json(base: &Path) {
    let commands: Vec<Vec<String>> = [
        &["stats", "--format", "json"][..],
        &["facts", "--format", "json"],
        &["entities"],
        &["sources"],
    ]
    .iter()
    .map(|args| args.iter().map(|s| s.to_string()).collect())
    .collect();
    answer_as_json(base, &commands);
}

/// Each command answers through the snapshot as from the JSON, and alike with the delta
/// file and without it.
fn answer_as_json(base: &Path, commands: &[Vec<String>]) {
    let fast = answers(base, commands);
    for (args, got) in commands.iter().zip(&fast) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_eq!(got, &run_policy("never", base, &args), "kg {args:?}");
    }
    if let Ok(bytes) = fs::read(delta_of(base)) {
        fs::remove_file(delta_of(base)).unwrap();
        assert_eq!(answers(base, commands), fast, "without the delta file");
        fs::write(delta_of(base), bytes).unwrap();
    }
}

/// True when queries read the delta file of `base` whole: it is the form of the journal
/// and snapshot as they are now, and every page of it matches its sum.
fn delta_is_read(base: &Path) -> bool {
    let snap = kg::store::snapshot::open(base, &mut Vec::new()).unwrap();
    kg::kb::delta::open(base, &snap).is_ok_and(|d| d.check_all().is_ok())
}

/// Queries answer from the delta file, not the journal: the delta file of an earlier
/// journal, stamped as the current journal's, makes them answer as the earlier journal.
#[test]
fn queries_answer_from_the_delta_file() {
    let (_dir, all, base) = journalled(4, 8);
    let earlier = fs::read(delta_of(&base)).unwrap();
    let before = run_policy("always", &base, &["stats"]);
    add("always", &base, &all[8..9]);
    let after = run_policy("always", &base, &["stats"]);
    assert_ne!(before, after);
    let mut forged = earlier;
    let stamp = kg::kb::delta::JournalStamp::read(&journal_of(&base)).unwrap();
    kg::kb::delta::format::stamp(&mut forged, stamp);
    fs::write(delta_of(&base), forged).unwrap();
    assert_eq!(run_policy("always", &base, &["stats"]), before);
}

#[test]
fn add_remove_and_merge_write_a_delta_file_that_queries_read() {
    let (_dir, all, base) = journalled(4, 10);
    assert!(delta_of(&base).exists(), "kg add wrote it");
    assert!(delta_is_read(&base));
    reads_as_json(&base);
    let id = all[6].file_stem().unwrap().to_string_lossy().into_owned();
    let (code, _, err) = run_policy("always", &base, &["remove", &id]);
    assert_eq!(code, 0, "{err}");
    assert!(delta_is_read(&base), "kg remove wrote it");
    reads_as_json(&base);
    let names = entity_names(&base);
    let merged = names.iter().enumerate().step_by(3).any(|(i, a)| {
        let b = &names[(i * 7 + 5) % names.len()];
        let before = fs::read(journal_of(&base)).unwrap();
        let (code, _, _) = run_policy("always", &base, &["merge", a, b]);
        code == 0 && fs::read(journal_of(&base)).unwrap() != before
    });
    assert!(merged, "a merge went to the journal");
    assert!(delta_is_read(&base), "kg merge wrote it");
    reads_as_json(&base);
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !delta_of(&base).exists(),
        "compact removed it with the journal"
    );
}

/// A delta file of an earlier journal, one with any byte changed, one cut short and an
/// empty one are not read (the header and page table when opened, a page when a query
/// reads it): queries parse the journal and answer as the JSON does.
#[test]
fn a_stale_damaged_or_cut_delta_file_is_not_read() {
    let (_dir, all, base) = journalled(4, 8);
    let stale = fs::read(delta_of(&base)).unwrap();
    add("always", &base, &all[8..9]);
    let good = fs::read(delta_of(&base)).unwrap();
    assert_ne!(stale, good);
    let want = answers(&base, &read_commands(&entity_names(&base)));
    let mut bad: Vec<Vec<u8>> = vec![stale, Vec::new(), good[..good.len() / 2].to_vec()];
    for at in [0, 20, 60, 100, 250, 300, good.len() / 2, good.len() - 1] {
        let mut b = good.clone();
        b[at] ^= 1;
        bad.push(b);
    }
    reads_as_json(&base);
    for b in bad {
        fs::write(delta_of(&base), &b).unwrap();
        assert!(!delta_is_read(&base));
        assert_eq!(answers(&base, &read_commands(&entity_names(&base))), want);
    }
}

/// A delta file of the first layout version (one hash over its whole body), stamped as
/// the journal's, is taken as stale, not as an error: queries parse the journal and
/// answer as the JSON does, and the next write replaces it with one they read.
#[test]
fn a_delta_file_of_the_first_version_is_stale_until_the_next_write() {
    let (_dir, all, base) = journalled(4, 8);
    let want = answers(&base, &read_commands(&entity_names(&base)));
    let mut old = fs::read(delta_of(&base)).unwrap();
    old[8..12].copy_from_slice(&1u32.to_le_bytes());
    let stamp = kg::kb::delta::JournalStamp::read(&journal_of(&base)).unwrap();
    kg::kb::delta::format::stamp(&mut old, stamp);
    fs::write(delta_of(&base), &old).unwrap();
    let snap = kg::store::snapshot::open(&base, &mut Vec::new()).unwrap();
    assert!(matches!(
        kg::kb::delta::open(&base, &snap),
        Err(kg::kb::delta::Unread::Format(
            kg::kb::delta::format::FormatError::Version(1)
        ))
    ));
    assert_eq!(answers(&base, &read_commands(&entity_names(&base))), want);
    add("always", &base, &all[8..9]);
    assert!(delta_is_read(&base), "the write replaced it");
    reads_as_json(&base);
}

/// A journal entity's name changed in the delta file's strings (its page's sum left as
/// it was) is read as changed, and the read notes the page: queries that read it answer
/// from the journal, as the JSON does, not with the changed name.
#[test]
fn a_changed_page_that_a_query_reads_is_refused() {
    let (_dir, _all, base) = journalled(4, 8);
    let want = answers(&base, &read_commands(&entity_names(&base)));
    let snap = kg::store::snapshot::open(&base, &mut Vec::new()).unwrap();
    let (n, id, name) = {
        let delta = kg::kb::delta::open(&base, &snap).unwrap();
        let row = (delta.entities())
            .find(|r| r.name.starts_with(|c: char| c.is_ascii_uppercase()))
            .expect("the journal has a named entity");
        (row.n, row.id.to_string(), row.name.to_string())
    };
    let mut bytes = fs::read(delta_of(&base)).unwrap();
    let both = format!("{id}{name}");
    let at = (bytes.windows(both.len()))
        .position(|w| w == both.as_bytes())
        .expect("the row's id and name are side by side")
        + id.len();
    bytes[at] = if bytes[at] == b'Q' { b'Z' } else { b'Q' };
    fs::write(delta_of(&base), &bytes).unwrap();
    let delta = kg::kb::delta::open(&base, &snap).expect("the header and page table are whole");
    assert_eq!(delta.damage(), None, "nothing read yet");
    let changed = delta.entity(n).unwrap().name.to_string();
    assert_ne!(changed, name, "the changed byte is read");
    assert!(delta.damage().is_some(), "and its page noted");
    assert_eq!(answers(&base, &read_commands(&entity_names(&base))), want);
    reads_as_json(&base);
    let (code, out, _) = run_policy("always", &base, &["entities"]);
    assert_eq!(code, 0);
    assert!(out.contains(&name) && !out.contains(&changed), "{out}");
}

/// `kg add` to the journal killed at any point leaves the old journal or the new one,
/// and queries answer as the JSON does, with whatever delta file it left.
#[test]
fn kill_9_mid_journalled_add_leaves_queries_answering_as_the_json() {
    let (_dir, all, base) = journalled(4, 8);
    let journal = fs::read(journal_of(&base)).unwrap();
    let delta = fs::read(delta_of(&base)).unwrap();
    let batch: Vec<String> = all[8..12]
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["add"];
    args.extend(batch.iter().map(String::as_str));
    let mut states = std::collections::BTreeSet::new();
    for delay_us in [0, 2_000, 5_000, 10_000, 20_000, 40_000, 200_000] {
        fs::write(journal_of(&base), &journal).unwrap();
        fs::write(delta_of(&base), &delta).unwrap();
        crate::harness::kill_9_after(&base, &args, delay_us);
        let now = fs::read(journal_of(&base)).unwrap();
        states.insert(now == journal);
        crate::journal::same_stats(&base);
        reads_as_json(&base);
    }
    assert!(!states.is_empty());
}
