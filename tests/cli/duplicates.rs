//! `kg duplicates` measured: a knowledge base built with the real `kg init` and `kg add`
//! from the articles in `tests/fixtures/duplicates/articles/` (written for these tests),
//! and the pairs `kg duplicates --format json` proposes scored against the labelled pairs
//! of `tests/fixtures/duplicates/pairs.tsv` (name_a, name_b, kind, same yes/no, why).
//!
//! Precision is the share of proposed pairs labelled `yes`; recall the share of `yes`
//! pairs proposed. Every proposed pair must be labelled (a new one is a failure that
//! names it), and every labelled name must be an entity of the base (else the articles no
//! longer make the pair). Where the articles name one side more often, the main name (the
//! first of the pair, the one `kg merge` keeps) must be the file's name_a. `cargo test --test cli duplicates -- --nocapture` prints them.

use crate::harness::{fixture, kg, stdout};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The precision the issue asks for.
const PRECISION: f64 = 0.9;

/// The recall measured when the pairs were labelled (32 of 33: 0.970), less a little.
const RECALL: f64 = 0.95;

fn articles(names: &[&str]) -> Vec<PathBuf> {
    let dir = fixture("duplicates/articles");
    let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt")
                && (names.is_empty()
                    || names.iter().any(|n| p.file_stem().is_some_and(|s| s == *n)))
        })
        .collect();
    all.sort();
    all
}

/// A knowledge base in a new folder, built from these articles.
fn base(articles: &[PathBuf]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    kg().current_dir(dir.path()).arg("init").assert().success();
    kg().current_dir(dir.path())
        .arg("add")
        .args(articles)
        .assert()
        .success();
    dir
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = stdout(kg().current_dir(dir).args(args).args(["--format", "json"]));
    serde_json::from_str(&out).unwrap()
}

/// A pair of names, in either order.
fn key(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

#[test]
fn duplicates_are_precise_on_labelled_pairs() {
    let dir = base(&articles(&[]));
    let d = dir.path();
    let text = std::fs::read_to_string(fixture("duplicates/pairs.tsv")).unwrap();
    let mut labels: HashMap<(String, String), bool> = HashMap::new();
    let mut first: HashSet<(String, String)> = HashSet::new();
    let mut labelled: HashSet<String> = HashSet::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "pairs.tsv: {line}");
        assert!(f[3] == "yes" || f[3] == "no", "pairs.tsv: {line}");
        let old = labels.insert(key(f[0], f[1]), f[3] == "yes");
        assert!(old.is_none(), "pairs.tsv labels twice: {line}");
        labelled.extend([f[0].to_string(), f[1].to_string()]);
        first.insert((f[0].to_string(), f[1].to_string()));
    }
    assert!(labels.len() >= 50, "{} labelled pairs", labels.len());

    let entities: HashSet<String> = json(d, &["entities"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect();
    let mut missing: Vec<&String> = labelled.difference(&entities).collect();
    missing.sort();
    assert!(missing.is_empty(), "not entities of the base: {missing:?}");

    let proposed = json(d, &["duplicates", "--limit", "100000"]);
    let mut right = 0;
    let mut wrong = Vec::new();
    let mut unlabelled = Vec::new();
    let mut mains = 0;
    for p in proposed.as_array().unwrap() {
        let (a, b) = (
            p["a"]["name"].as_str().unwrap(),
            p["b"]["name"].as_str().unwrap(),
        );
        assert_eq!(p["a"]["kind"], p["b"]["kind"], "{a} / {b}: kinds differ");
        // Where the counts chose the main name of a true pair (a second reason says
        // so), it is the pair's name_a: the articles name it more often.
        let same = labels.get(&key(a, b)) == Some(&true);
        if p["reasons"].as_array().unwrap().len() > 1 && same {
            assert!(
                first.contains(&(a.to_string(), b.to_string())),
                "{a} / {b}: the main name should be {b} ({})",
                p["reasons"][1]
            );
            mains += 1;
        }
        match labels.get(&key(a, b)) {
            Some(true) => right += 1,
            Some(false) => wrong.push(format!("{a} / {b}")),
            None => unlabelled.push(format!("{a} / {b} ({})", p["reasons"][0])),
        }
    }
    assert!(
        unlabelled.is_empty(),
        "label these pairs in pairs.tsv: {unlabelled:#?}"
    );
    let yes = labels.values().filter(|&&y| y).count();
    let n = right + wrong.len();
    let precision = right as f64 / n.max(1) as f64;
    let recall = right as f64 / yes as f64;
    eprintln!(
        "kg duplicates on {} labelled pairs ({yes} yes): {n} proposed, {right} right; \
         precision {precision:.3}, recall {recall:.3}; wrong: {wrong:?}",
        labels.len()
    );
    assert!(
        precision >= PRECISION,
        "precision {precision:.3}: {wrong:?}"
    );
    assert!(recall >= RECALL, "recall {recall:.3}");
    assert!(mains >= 4, "{mains} pairs whose main name the counts chose");
}

/// The text output word for word on three articles, with the case: the
/// patronymic form in plain letters, named in more articles, is the main name, and the
/// reason line says why.
#[test]
fn duplicates_text_is_pinned() {
    let dir = base(&articles(&[
        "2025-03-02-mongolia-tigers",
        "2025-03-09-mongolia-japan",
        "2025-04-11-khurelsukh-seoul",
    ]));
    let listed = stdout(kg().current_dir(dir.path()).arg("duplicates"));
    assert_eq!(
        listed,
        "\
Chinggis Khaan Museum (chinggis-khaan-museum)  ~  Chinggis Khan Museum (chinggis-khan-museum)
  one name's words are a transliteration variant of the other's
  kg merge chinggis-khaan-museum chinggis-khan-museum

Gombojavyn Zandanshatar (gombojavyn-zandanshatar)  ~  Gombojav Zandanshatar (gombojav-zandanshatar)
  one name's words are a transliteration variant of the other's
  kg merge gombojavyn-zandanshatar gombojav-zandanshatar

Luvsannamsrain Oyun-Erdene (luvsannamsrain-oyun-erdene)  ~  Luvsannamsrai Oyun-Erdene (luvsannamsrai-oyun-erdene)
  one name's words are a transliteration variant of the other's
  kg merge luvsannamsrain-oyun-erdene luvsannamsrai-oyun-erdene

Nambaryn Enkhbayar (nambaryn-enkhbayar)  ~  Nambar Enkhbayar (nambar-enkhbayar)
  one name's words are a transliteration variant of the other's
  kg merge nambaryn-enkhbayar nambar-enkhbayar

Tsakhiagiin Elbegdorj (tsakhiagiin-elbegdorj)  ~  Tsakhia Elbegdorj (tsakhia-elbegdorj)
  one name's words are a transliteration variant of the other's
  kg merge tsakhiagiin-elbegdorj tsakhia-elbegdorj

Ukhnaagiin Khurelsukh (ukhnaagiin-khurelsukh)  ~  Ukhnaa Khürelsükh (ukhnaa-khürelsükh)
  one name's words are a transliteration variant of the other's; 'Ukhnaagiin Khurelsukh' is in 2 articles, 'Ukhnaa Khürelsükh' in 1
  kg merge ukhnaagiin-khurelsukh ukhnaa-khürelsükh

Battsetseg Batmunkh (battsetseg-batmunkh)  ~  Battsetseg Batmönkh (battsetseg-batmönkh)
  names differ by 1 letter
  kg merge battsetseg-batmunkh battsetseg-batmönkh
"
    );
    // Read through a snapshot (the first call builds it), word for word the same.
    let through = stdout(
        kg().current_dir(dir.path())
            .env("KG_SNAPSHOT", "always")
            .arg("duplicates"),
    );
    assert_eq!(through, listed);
    let snapshots = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension() == Some("snap".as_ref()))
        .count();
    assert_eq!(snapshots, 1);
}
