//! Scores the extractor against the gold graphs: for each `eval/gold/<id>.json`, reads
//! the article `eval/articles/<id>.txt` (or `graph/articles/<id>.txt`), extracts it and
//! prints precision, recall and F1, then the facts missed and the facts wrong. Then the
//! same for the held-out set, `eval/heldout/gold/<id>.json` against
//! `eval/heldout/articles/<id>.txt`, whose total is printed separately: those articles
//! were written to measure generalisation, and are not to be tuned on sentence by
//! sentence.
//!
//! `cargo run --example extract_eval [-- --quiet]`

use kg::eval::{Score, compare, describe};
use kg::extract::{extract, read_article};
use kg::model::KnowledgeGraph;
use kg::store::json::from_json;
use std::path::Path;

fn main() {
    let quiet = std::env::args().any(|a| a == "--quiet");
    let tuned = score_dir("eval/gold", &["eval/articles", "graph/articles"], quiet);
    println!("TOTAL: {tuned}");
    let heldout = score_dir("eval/heldout/gold", &["eval/heldout/articles"], quiet);
    println!("HELD-OUT TOTAL: {heldout}");
}

/// Scores every gold file in `gold_dir` against its article, found in one of
/// `article_dirs`; prints each score and returns their sum.
fn score_dir(gold_dir: &str, article_dirs: &[&str], quiet: bool) -> Score {
    let mut golds: Vec<_> = std::fs::read_dir(gold_dir)
        .expect(gold_dir)
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    golds.sort();
    let mut total = Score::default();
    for g in golds {
        let id = g.file_stem().unwrap().to_string_lossy().to_string();
        let article = article_dirs
            .iter()
            .map(|d| Path::new(d).join(format!("{id}.txt")))
            .find(|p| p.exists());
        let Some(article) = article else {
            println!("{id}: no article");
            continue;
        };
        let gold = match from_json(&std::fs::read_to_string(&g).unwrap()) {
            Ok(g) => g,
            Err(e) => {
                println!("{id}: bad gold: {e}");
                continue;
            }
        };
        let a = read_article(&std::fs::read(&article).unwrap(), &id).unwrap();
        let pred = KnowledgeGraph::from_file(extract(&a)).unwrap();
        let c = compare(&gold, &pred);
        total += c.score;
        println!("{id}: {}", c.score);
        if !quiet {
            for &e in &c.missed {
                println!("  missed {}", describe(&gold, e));
            }
            for &e in &c.wrong {
                let f = pred.fact(e);
                println!(
                    "  wrong  {}   [{}]",
                    describe(&pred, e),
                    f.rule.as_deref().unwrap_or("")
                );
            }
        }
    }
    total
}
