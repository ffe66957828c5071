//! `kg.json.spans` (`src/kb/spans.rs`): where each article's record lies in the base,
//! written by `kg compact` (the fold, and the migration of a plain graph file) so that
//! `kg remove` of a base article reads its record at once. It only saves time: a spans
//! file that is wrong or of another version of the base is not used, and the remove
//! gives what it gives without one.

use crate::harness::run_policy;
use crate::journal::{add, journal_of};
use crate::kb::synthetic;
use crate::retract::{changes_entities, synthetic_bases};
use std::fs;
use std::path::{Path, PathBuf};

fn spans_of(base: &Path) -> PathBuf {
    let mut s = base.as_os_str().to_owned();
    s.push(".spans");
    PathBuf::from(s)
}

/// The spans file of `base` names it (its length) and lists every article of its kb
/// section, in order, each at its record (its opening line, to its closing brace).
fn spans_are_the_records(base: &Path) {
    let text = fs::read_to_string(base).unwrap();
    let spans = fs::read_to_string(spans_of(base)).unwrap();
    let mut lines = spans.lines();
    let head: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(head["kg-spans"], 1);
    assert_eq!(head["base"]["len"], text.len() as u64);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = v["kb"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["source"]["id"].as_str().unwrap())
        .collect();
    let mut listed = Vec::new();
    for line in lines {
        let (id, at, len): (String, usize, usize) = serde_json::from_str(line).unwrap();
        assert_eq!(&text[at - 1..at + 7], "\n      {", "{id}");
        let record = &text[at..at + len];
        assert!(record.ends_with("\n      }"), "{id}");
        let a: serde_json::Value = serde_json::from_str(record).unwrap();
        assert_eq!(a["source"]["id"], id.as_str());
        listed.push(id);
    }
    assert_eq!(listed, ids);
}

/// `kg compact` writes the spans file: folding a journal of added articles, and
/// migrating a plain graph file.
#[test]
fn compact_writes_where_each_articles_record_lies() {
    let (dir, base, _, _) = synthetic_bases();
    assert!(!spans_of(&base).exists(), "the whole-base path writes none");
    add("always", &base, &synthetic(dir.path(), 40..43));
    assert!(journal_of(&base).exists());
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    spans_are_the_records(&base);
    let plain = dir.path().join("plain.json");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("graph/graph.json"),
        &plain,
    )
    .unwrap();
    let (code, _, err) = run_policy("always", &plain, &["compact"]);
    assert_eq!(code, 0, "{err}");
    spans_are_the_records(&plain);
}

/// `kg remove` of each kind of base article with the spans `kg compact` wrote, with
/// spans that are off, and with a spans file that names another version of the base
/// (neither used): each compacts into the whole-base remove's bytes.
#[test]
fn a_remove_reads_the_spans_and_not_a_wrong_or_stale_spans_file() {
    let (dir, base, _, _) = synthetic_bases();
    add("always", &base, &synthetic(dir.path(), 40..41));
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    spans_are_the_records(&base);
    let flags = changes_entities(&base);
    let pure = flags.iter().rev().find(|(_, f)| *f == Some(false)).unwrap();
    let changed = flags.iter().find(|(_, f)| *f == Some(true)).unwrap();
    let right = fs::read_to_string(spans_of(&base)).unwrap();
    let shifted: String = right
        .lines()
        .enumerate()
        .map(|(k, l)| match k {
            0 => format!("{l}\n"),
            _ => {
                let (id, at, len): (String, u64, u64) = serde_json::from_str(l).unwrap();
                format!("{}\n", serde_json::json!([id, at + 1, len]))
            }
        })
        .collect();
    let stale = right.replacen("\"len\":", "\"len\":1", 1);
    for id in [&pure.0, &changed.0] {
        let slow = base.with_file_name("slow.json");
        fs::copy(&base, &slow).unwrap();
        let (code, _, err) = run_policy("never", &slow, &["remove", id]);
        assert_eq!(code, 0, "{err}");
        let want = fs::read(&slow).unwrap();
        for spans in [&right, &shifted, &stale] {
            let run = tempfile::tempdir().unwrap();
            let b = run.path().join("kg.json");
            fs::copy(&base, &b).unwrap();
            fs::write(spans_of(&b), spans).unwrap();
            let (code, out, err) = run_policy("always", &b, &["remove", id]);
            assert_eq!(code, 0, "{err}");
            assert!(out.starts_with(&format!("removed {id}: ")), "{out}");
            if id == &pure.0 {
                assert!(journal_of(&b).exists(), "{id}: through the journal");
            }
            let (code, _, err) = run_policy("always", &b, &["compact"]);
            assert_eq!(code, 0, "{err}");
            assert_eq!(fs::read(&b).unwrap(), want, "{id}");
        }
    }
}

/// A copy of `base` at `to` (with its snapshot and spans file) that reads as the same
/// version of it: its modification time is the base's, so the snapshot's and spans'
/// stamps name it. `edit` changes the base's bytes first (keeping their length).
fn same_stamp_copy(base: &Path, to: &Path, edit: impl FnOnce(&mut Vec<u8>)) {
    let mut bytes = fs::read(base).unwrap();
    let len = bytes.len();
    edit(&mut bytes);
    assert_eq!(bytes.len(), len);
    fs::write(to, &bytes).unwrap();
    let mtime = fs::metadata(base).unwrap().modified().unwrap();
    let f = fs::File::options().write(true).open(to).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    let snap =
        |p: &Path| p.with_file_name(format!("{}.snap", p.file_name().unwrap().to_str().unwrap()));
    fs::copy(snap(base), snap(to)).unwrap();
    fs::copy(spans_of(base), spans_of(to)).unwrap();
}

/// With the spans `kg compact` wrote, the exact removal of an article that changed the
/// entities (`--settle`, what `kg compact` runs to settle a pending one) reads only the
/// articles' records, not the rest of the base: a byte of the graph's entities made
/// invalid (one no removal reads; the snapshot holds the entity) changes nothing. Without
/// the spans file the base is read whole, and the same remove fails on that byte.
#[test]
fn a_settled_remove_reads_only_the_articles_records_through_the_spans() {
    let (dir, base, _, _) = synthetic_bases();
    add("always", &base, &synthetic(dir.path(), 40..41));
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    spans_are_the_records(&base);
    let changed = changes_entities(&base)
        .into_iter()
        .find(|(_, f)| *f == Some(true))
        .unwrap()
        .0;
    let remove = ["remove", "--settle", changed.as_str()];
    let clean = dir.path().join("clean.json");
    same_stamp_copy(&base, &clean, |_| {});
    let (code, _, err) = run_policy("always", &clean, &remove);
    assert_eq!(code, 0, "{err}");
    let want = fs::read(journal_of(&clean)).expect("through the journal");
    // A letter of the first entity's name in the graph's entities made a byte no UTF-8
    // text holds.
    let break_a_name = |b: &mut Vec<u8>| {
        let at = first_at(b, b"\n  \"entities\": [\n");
        let name = at + first_at(&b[at..], b"\"name\": \"") + b"\"name\": \"".len();
        assert!(b[name].is_ascii_alphabetic());
        b[name] = 0xFF;
    };
    let broken = dir.path().join("broken.json");
    same_stamp_copy(&base, &broken, break_a_name);
    let (code, _, err) = run_policy("always", &broken, &remove);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read(journal_of(&broken)).unwrap(), want);
    // Without the spans, the whole base is read.
    let unspanned = dir.path().join("unspanned.json");
    same_stamp_copy(&base, &unspanned, break_a_name);
    fs::remove_file(spans_of(&unspanned)).unwrap();
    let (code, _, _) = run_policy("always", &unspanned, &remove);
    assert_ne!(code, 0, "the byte is read");
}

/// Where `needle` first starts in `hay`.
fn first_at(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .position(|w| w == needle)
        .expect("found")
}
