//! Benchmark: how fast `kg add` merges articles as the knowledge base grows.
//!
//! Writes N synthetic wire articles (default 1,000; `kg::kb::synthetic`) as text files,
//! then adds them 100 at a time the way `kg add` does (read, hash, extract, merge) and
//! prints articles/s for each batch, so a growing cost per article would show as a falling
//! rate. Also times writing the whole base, which each `kg add` call does once.
//!
//! ```sh
//! cargo run --release --example kb_add_bench            # 1,000 articles
//! cargo run --release --example kb_add_bench -- 3000    # or any number
//! ```

use kg::kb::{Decisions, KnowledgeBase, ingest, synthetic};
use std::time::Instant;

const BATCH: usize = 100;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let dir = std::env::temp_dir().join(format!("kg-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let paths: Vec<_> = (0..n)
        .map(|i| {
            let p = dir.join(format!("synthetic-{i:05}.txt"));
            std::fs::write(&p, synthetic::article(i).0).expect("write article");
            p
        })
        .collect();
    let decisions = Decisions::default();
    let mut kb = KnowledgeBase::empty();
    println!("articles  batch articles/s  entities  facts");
    let mut rates = Vec::new();
    for chunk in paths.chunks(BATCH) {
        let start = Instant::now();
        let incoming: Vec<_> = chunk
            .iter()
            .map(|p| ingest::read(p).expect("synthetic articles extract"))
            .collect();
        kb.add(incoming, &decisions, || {});
        let rate = chunk.len() as f64 / start.elapsed().as_secs_f64();
        rates.push(rate);
        println!(
            "{:>8}  {:>16.0}  {:>8}  {:>5}",
            kb.articles.len(),
            rate,
            kb.graph.entities.len(),
            kb.graph.facts.len()
        );
    }
    let start = Instant::now();
    let text = kb.to_json();
    let out = dir.join("kg.json");
    kg::store::write_atomic(&out, text.as_bytes()).expect("write base");
    println!(
        "writing the base of {} articles ({} KB): {:.0} ms",
        kb.articles.len(),
        text.len() / 1024,
        start.elapsed().as_secs_f64() * 1000.0
    );
    if let (Some(first), Some(last)) = (rates.first(), rates.last()) {
        println!(
            "articles/s at the first {BATCH}: {first:.0}; at the last {BATCH} (up to {n}): {last:.0}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
