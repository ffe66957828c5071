//! Benchmark: how fast `kg add` merges articles as the knowledge base grows.
//!
//! Writes N synthetic wire articles (default 1,000; `kg_testkit::synthetic`) as text files,
//! then adds them all the way one `kg add` call does (read, hash and extract each, then
//! merge them one by one into the growing base) and prints articles/s for each batch of
//! 100, so a cost per article that grew with the base would show as a falling rate. Also
//! times writing the whole base, which each `kg add` call does once.
//!
//! ```sh
//! cargo run --release --example kb_add_bench            # 1,000 articles
//! cargo run --release --example kb_add_bench -- 3000    # or any number
//! ```

use kg::kb::{Decisions, KnowledgeBase, ingest};
use kg_testkit::synthetic;
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
    // Read, hash and extract each article (what `kg add` does first), timed per batch.
    let mut extract_secs = Vec::new();
    let mut incoming = Vec::with_capacity(n);
    for chunk in paths.chunks(BATCH) {
        let start = Instant::now();
        for p in chunk {
            incoming.push(ingest::read(p, None).expect("synthetic articles extract"));
        }
        extract_secs.push(start.elapsed().as_secs_f64());
    }
    // Merge them all in one call, as one `kg add` does, noting the time every batch.
    let mut marks = Vec::new();
    let mut done = 0;
    let start = Instant::now();
    kb.add(incoming, &decisions, || {
        done += 1;
        if done % BATCH == 0 || done == n {
            marks.push(start.elapsed().as_secs_f64());
        }
    });
    println!("articles  extract/s  merge/s  articles/s (both)");
    let mut rates = Vec::new();
    let mut previous = 0.0;
    for (k, (&mark, &extract)) in marks.iter().zip(&extract_secs).enumerate() {
        let merge = mark - previous;
        previous = mark;
        let count = BATCH.min(n - k * BATCH) as f64;
        let rate = count / (extract + merge);
        rates.push(rate);
        println!(
            "{:>8}  {:>9.0}  {:>7.0}  {:>17.0}",
            (k * BATCH + count as usize),
            count / extract,
            count / merge,
            rate
        );
    }
    println!(
        "base: {} articles, {} entities, {} facts",
        kb.articles.len(),
        kb.graph.entities.len(),
        kb.graph.facts.len()
    );
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
