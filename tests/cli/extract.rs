//! `kg extract`, `kg build`, `kg eval`: the builder from the outside, the reproducible
//! embedded graph, extraction quality floors, and bad articles.

use crate::harness::{fixture, kg, stdout};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const SEED: &str = "graph/articles/2024-11-22-putin-zoo-animals-pyongyang.txt";

/// The articles kg ships, as `kg build` is documented to take them (sorted, relative).
fn shipped_articles() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("graph/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.strip_prefix(root()).unwrap().to_path_buf())
        .collect();
    v.sort();
    v
}

#[test]
fn extract_prints_a_valid_deterministic_graph_file() {
    let once = stdout(
        kg().current_dir(root())
            .args(["extract", SEED, "--format", "json"]),
    );
    let twice = stdout(kg().current_dir(root()).args(["extract", SEED]));
    assert_eq!(once, twice, "same input, same bytes");
    let graph = kg::store::from_json(&once).unwrap();
    assert!(graph.fact_count() > 0);
    let text = std::fs::read_to_string(root().join(SEED)).unwrap();
    for e in graph.edges() {
        let f = graph.fact(e);
        let [start, end] = f.span.expect("every fact has a span");
        assert_eq!(
            Some(&text[start..end]),
            f.evidence.as_deref(),
            "the span is the sentence"
        );
        assert!(f.rule.is_some(), "every fact names its rule");
    }
}

#[test]
fn the_embedded_graph_is_what_kg_build_makes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graph.json");
    kg().current_dir(root())
        .arg("build")
        .args(shipped_articles())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let built = std::fs::read_to_string(&out).unwrap();
    let committed = std::fs::read_to_string(root().join("graph/graph.json")).unwrap();
    assert!(
        built == committed,
        "graph/graph.json is stale: rebuild it with kg build graph/articles/*.txt -o graph/graph.json"
    );
}

#[test]
fn build_writes_a_file_the_queries_load() {
    let dir = tempfile::tempdir().unwrap();
    kg().current_dir(root())
        .args(["build", SEED, "-o"])
        .arg(dir.path().join("g.json"))
        .assert()
        .success();
    let out = stdout(kg().arg("--graph").arg(dir.path().join("g.json")).args([
        "path",
        "Putin",
        "Pyongyang Central Zoo",
    ]));
    assert!(out.starts_with("Vladimir Putin -["), "{out}");
}

/// F1 of the extractor on an article against its gold graph, through `kg eval`.
fn f1(gold: &str, article: &str) -> f64 {
    let out = stdout(
        kg().current_dir(root())
            .args(["eval", gold, article, "--format", "json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["f1"].as_f64().unwrap()
}

#[test]
fn extraction_quality_on_the_seed_article() {
    let score = f1(
        "eval/gold/2024-11-22-putin-zoo-animals-pyongyang.json",
        SEED,
    );
    // A floor: raise it as the extractor improves (the target is 0.95).
    assert!(score >= 0.98, "F1 {score:.3} on the seed article");
}

/// `kg eval SET --format json` run from the project's root.
fn eval_set(args: &[&str]) -> serde_json::Value {
    let out = stdout(
        kg().current_dir(root())
            .arg("eval")
            .args(args)
            .args(["--format", "json"]),
    );
    serde_json::from_str(&out).unwrap()
}

/// The in-house sets' floors: micro F1 over the set and the lowest article's F1. Raise
/// them as the extractor improves; never lower them.
const FLOORS: [(&str, f64, f64); 3] = [
    ("eval/", 0.83, 0.62),
    ("eval/heldout", 0.93, 0.87),
    ("eval/constructions", 0.71, 0.35),
];

#[test]
fn extraction_quality_on_our_own_articles_has_a_floor() {
    for (set, micro, lowest) in FLOORS {
        let v = eval_set(&[set]);
        assert!(v["scored"].as_u64().unwrap() >= 4, "{set}: {v}");
        assert_eq!(v["missing"], serde_json::json!([]), "{set}");
        let f1 = v["total"]["f1"].as_f64().unwrap();
        assert!(
            f1 >= micro,
            "{set}: micro F1 {f1:.3}, under the floor {micro}"
        );
        for a in v["articles"].as_array().unwrap() {
            let f1 = a["f1"].as_f64().unwrap();
            assert!(
                f1 >= lowest,
                "{set}: F1 {f1:.3} on {}, under {lowest}",
                a["id"]
            );
        }
    }
}

#[test]
fn eval_scores_a_set_per_relation_and_per_article() {
    let out = stdout(
        kg().current_dir(root())
            .args(["eval", "eval/heldout", "--by-rule"]),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "eval/heldout: 4 articles scored");
    assert!(lines[2].starts_with("relation ") && lines[2].ends_with("matched  predicted  gold"));
    assert!(lines.iter().any(|l| l.starts_with("all (micro) ")), "{out}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2026-04-09-dutch-battalion-lithuania "))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("rule ") && l.ends_with("precision"))
    );
    // The JSON's totals are the sums of its articles'.
    let v = eval_set(&["eval/heldout"]);
    let sum = |k: &str| -> u64 {
        v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a[k].as_u64().unwrap())
            .sum()
    };
    for k in ["gold", "predicted", "matched"] {
        assert_eq!(v["total"][k].as_u64().unwrap(), sum(k), "{k}");
    }
}

/// A manifest of three articles in a fresh folder: one dev article here, one test article
/// here, one dev article whose text is not.
fn manifest_set() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in ["gold", "text"] {
        std::fs::create_dir(d.join(sub)).unwrap();
    }
    let gold = std::fs::read_to_string(
        root().join("eval/heldout/gold/2026-04-09-dutch-battalion-lithuania.json"),
    )
    .unwrap();
    let text = std::fs::read(
        root().join("eval/heldout/articles/2026-04-09-dutch-battalion-lithuania.txt"),
    )
    .unwrap();
    let mut manifest = String::from("id\tsha256\tsplit\n");
    for (id, split, here) in [("a", "dev", true), ("b", "test", true), ("c", "dev", false)] {
        std::fs::write(d.join(format!("gold/{id}.json")), &gold).unwrap();
        if here {
            std::fs::write(d.join(format!("text/{id}.txt")), &text).unwrap();
        }
        let sha = kg::eval::corpus::sha256_hex(kg::eval::corpus::body(&text));
        manifest += &format!("{id}\t{sha}\t{split}\n");
    }
    std::fs::write(d.join("manifest.tsv"), manifest).unwrap();
    dir
}

#[test]
fn eval_on_a_manifest_scores_a_split_and_counts_what_is_missing() {
    let dir = manifest_set();
    let out = stdout(
        kg().current_dir(dir.path())
            .args(["eval", "manifest.tsv", "--split", "dev"]),
    );
    assert!(
        out.starts_with("manifest.tsv, split dev: 1 article scored; 1 without text here\n"),
        "{out}"
    );
    let out =
        stdout(
            kg().current_dir(dir.path())
                .args(["eval", "manifest.tsv", "--format", "json"]),
        );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scored"], 2);
    assert_eq!(v["missing"], serde_json::json!(["c"]));
    // A text that is not the one the gold was written for is not scored.
    std::fs::write(
        dir.path().join("text/a.txt"),
        "date: 2026-04-09\n\nOther words.\n",
    )
    .unwrap();
    kg().current_dir(dir.path())
        .args(["eval", "manifest.tsv", "--split", "dev"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("kg: no article of 'manifest.tsv' has its text here (1 missing, 1 changed): see the set's README to fetch them\n");
}

#[test]
fn eval_lists_no_misses_or_rules_on_the_test_split() {
    let dir = manifest_set();
    for flag in ["--verbose", "--by-rule"] {
        for split in [&["--split", "test"][..], &[][..]] {
            kg().current_dir(dir.path())
                .args(["eval", "manifest.tsv", flag])
                .args(split)
                .assert()
                .code(2)
                .stderr(format!(
                    "kg: the test split is scored as a whole only: add --split dev to list {}\n",
                    if flag == "--verbose" {
                        "misses"
                    } else {
                        "rules"
                    }
                ));
        }
    }
    kg().current_dir(dir.path())
        .args(["eval", "manifest.tsv", "--split", "dev", "--by-rule"])
        .assert()
        .success();
}

#[test]
fn eval_of_a_folder_without_gold_says_so() {
    let dir = tempfile::tempdir().unwrap();
    kg().current_dir(dir.path())
        .args(["eval", "."])
        .assert()
        .code(2)
        .stderr("kg: '.' holds no gold graph (gold/ID.json)\n");
    kg().current_dir(root())
        .args(["eval", "eval/heldout", "--split", "dev"])
        .assert()
        .code(2)
        .stderr("kg: 'eval/heldout' assigns no article to a split: --split needs a manifest with a split column\n");
}

#[test]
fn eval_prints_scores_and_what_differs() {
    let out = stdout(kg().current_dir(root()).args([
        "eval",
        "eval/gold/2025-10-30-haiti-mission-troops-denial.json",
        "eval/articles/2025-10-30-haiti-mission-troops-denial.txt",
        "--verbose",
    ]));
    assert!(out.starts_with("precision "), "{out}");
    assert!(
        out.contains("\nmissed  ") || out.contains("\nwrong   "),
        "{out}"
    );
}

/// Writes `bytes` as `name` in a fresh folder and runs `kg extract name` there.
fn extract_file(name: &str, bytes: &[u8]) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    kg().current_dir(dir.path())
        .args(["extract", name])
        .assert()
}

#[test]
fn bad_articles_get_one_clear_line() {
    extract_file("empty.txt", b"")
        .code(2)
        .stderr("kg: cannot use article 'empty.txt': the article is empty\n");
    extract_file("bin.txt", b"PK\x03\x04\x00\x00binary")
        .code(2)
        .stderr("kg: cannot use article 'bin.txt': the article is binary (NUL byte at byte 4)\n");
    // Latin-1 is refused, not guessed at: a wrong guess would put wrong names in the graph.
    extract_file("latin1.txt", b"Le pr\xe9sident a envoy\xe9 deux ours.")
        .code(2)
        .stderr("kg: cannot use article 'latin1.txt': the article is not UTF-8 (invalid byte at byte 5)\n");
    extract_file("blank.txt", b"\n\n   \n")
        .code(2)
        .stderr("kg: cannot use article 'blank.txt': the article is empty\n");
    extract_file("dashes.txt", b"---- *** ----\n")
        .code(2)
        .stderr("kg: cannot use article 'dashes.txt': the article has no sentences\n");
    extract_file("dull.txt", b"It rained all day and nobody went out.\n")
        .code(1)
        .stderr("kg: no facts found in 'dull.txt'\n");
    kg().args(["extract", "no-such-article.txt"])
        .assert()
        .code(2)
        .stderr("kg: cannot read article 'no-such-article.txt': no such file\n");
    let dir = tempfile::tempdir().unwrap();
    kg().current_dir(dir.path().parent().unwrap())
        .arg("extract")
        .arg(dir.path().file_name().unwrap())
        .assert()
        .code(2)
        .stderr(format!(
            "kg: cannot read article '{}': it is a directory\n",
            dir.path().file_name().unwrap().to_string_lossy()
        ));
    kg().current_dir(root())
        .args(["extract", SEED, "--date", "June 2024"])
        .assert()
        .code(2)
        .stderr("kg: --date 'June 2024' is not a date: give it as YYYY-MM-DD\n");
}

#[test]
fn huge_articles_finish() {
    // 20 MB of news-like sentences, and 1 MB on one line with no punctuation.
    let sentence = "The Moscow Zoo sent two brown bears to the Pyongyang Central Zoo in April. ";
    let big = sentence.repeat(20 * 1024 * 1024 / sentence.len());
    let out = extract_file("big.txt", big.as_bytes()).success();
    let graph = kg::store::from_json(&String::from_utf8_lossy(&out.get_output().stdout)).unwrap();
    assert!(graph.fact_count() > 0);
    extract_file("line.txt", "word ".repeat(200_000).as_bytes())
        .code(1)
        .stderr("kg: no facts found in 'line.txt'\n");
}

/// The peak resident memory (KiB) of a running child, polled from `/proc` until it exits
/// (`VmHWM` is the high-water mark, so only a peak in the last poll interval is missed),
/// and its exit status.
fn peak_memory(mut child: std::process::Child) -> (std::process::ExitStatus, u64) {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        let hwm = std::fs::read_to_string(&status_file)
            .ok()
            .and_then(|s| {
                let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_string();
                line.split_whitespace().nth(1)?.parse::<u64>().ok()
            })
            .unwrap_or(0);
        peak = peak.max(hwm);
        if let Some(status) = child.try_wait().unwrap() {
            return (status, peak);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_50_mb_article_finishes_in_bounded_memory() {
    // A real article's body over and over: 50 MB of news sentences, over 100,000 facts.
    let article = std::fs::read_to_string(fixture("articles/2024-03-04-putin-tigers.txt")).unwrap();
    let body = article.split_once("\n\n").unwrap().1;
    let big = body.repeat(50 * 1024 * 1024 / body.len() + 1);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    drop(big);
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_kg"))
        .current_dir(dir.path())
        .args(["extract", "big.txt"])
        .stdout(std::fs::File::create(dir.path().join("big.json")).unwrap())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (status, peak_kib) = peak_memory(child);
    assert!(status.success(), "{status}");
    let out = std::fs::read(dir.path().join("big.json")).unwrap();
    assert!(
        out.starts_with(b"{\n") && out.ends_with(b"}\n"),
        "a whole graph file"
    );
    // Measured: 107 MB, the text twice and one part's mentions (1.0 GB when the whole
    // article's mentions were held at once; a CI run saw 1054 MB). A text this long is
    // read in parts of a megabyte, so memory no longer grows with the article.
    if std::path::Path::new("/proc/self/status").exists() {
        assert!(peak_kib > 0, "no memory figure read from /proc");
        assert!(
            peak_kib < 256 * 1024,
            "kg extract of a 50 MB article peaked at {} MB",
            peak_kib / 1024
        );
    }
}

#[test]
fn build_reads_every_article_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.json"), "precious").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    kg().current_dir(dir.path())
        .arg("build")
        .arg(root().join(SEED))
        .args(["empty.txt", "-o", "g.json"])
        .assert()
        .code(2)
        .stderr("kg: cannot use article 'empty.txt': the article is empty\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("g.json")).unwrap(),
        "precious"
    );
}

/// `docs/rules.md` is the rule table as `cargo run --example rules_doc` prints it.
#[test]
fn the_rule_docs_are_generated_from_the_rule_table() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let on_disk = std::fs::read_to_string(root.join("docs/rules.md")).expect("docs/rules.md");
    assert!(
        on_disk == kg::extract::rules::table::markdown(),
        "docs/rules.md is stale: run `cargo run --example rules_doc > docs/rules.md`"
    );
}

/// `kg extract --trace` shows each sentence, its chunks with their types and the rule of
/// each fact, pinned word for word; it cannot be mixed with `--format`.
#[test]
fn trace_shows_sentences_chunks_and_rules() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "date: 2023-05-10\n\nChile sent two llamas to Peru.\n\nThe harvest was good, Peru said.\n",
    )
    .unwrap();
    let out = stdout(kg().arg("extract").arg("--trace").arg(&article));
    assert_eq!(
        out,
        "sentence 1  bytes 18..48\n  \
         Chile sent two llamas to Peru.\n  \
         chunks  Chile [country] · llamas = llama [animal, count 2] · Peru [country]\n  \
         fact    Chile -[sent]-> llama  by send-verb: X sent A (to Y): the giver of a transfer verb's objects.\n  \
         fact    Peru -[received]-> llama  by send-recipient: Y received A: the recipient of a transfer verb (\"to Y\", \"sent Y two A\").\n\
         \n\
         sentence 2  bytes 50..82\n  \
         The harvest was good, Peru said.\n  \
         chunks  Peru [country]\n  \
         fact    Peru -[stated]-> The harvest was good  by speech-attribution: The clause before \", X said.\" or \", said X.\" is X's.\n\
         \n"
    );
    kg().arg("extract")
        .args(["--trace", "--format", "json"])
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "the argument '--trace' cannot be used with '--format <FORMAT>'",
        ));
}
