//! Benchmark: `kg add` on a large base, one article per call, as the base's journal grows
//! (see `src/kb/journal.rs`), and what the journal costs a query.
//!
//! Links the base into a temporary folder under its own name (its own snapshot, lock and
//! journal; the base's bytes are shared and never changed), writes N synthetic wire
//! articles (`kg_testkit::synthetic`), then runs `kg add` once per article as a user would
//! and prints the wall time of every 100th call with the journal's size; finally times
//! `kg path A B` with the full journal, and with none. `KG_BENCH_FIRST=K` starts at
//! synthetic article K (default 0: a base that holds articles 0 to 999 already, as one
//! compacted after a run, takes new ones from 1000). With `KG_BENCH_KEEP` set, the
//! folder (base link, snapshot, journal, articles) is kept for a closer look.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example journal_bench -- target/release/kg BASE.json 1000 "A" "B"
//! ```

use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, kg, base, n, from, to] = &args[..] else {
        eprintln!("usage: journal_bench KG BASE.json N FROM TO");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a number");
    let first: usize = std::env::var("KG_BENCH_FIRST")
        .map_or(0, |k| k.parse().expect("KG_BENCH_FIRST is a number"));
    let dir = std::env::temp_dir().join(format!("kg-journal-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let work = dir.join("kg.json");
    std::fs::hard_link(base, &work)
        .or_else(|_| std::fs::copy(base, &work).map(drop))
        .expect("link or copy the base");
    let journal = dir.join("kg.json.journal");
    let run = |args: &[&str]| {
        let start = Instant::now();
        let out = Command::new(kg)
            .arg("-q")
            .arg("-g")
            .arg(&work)
            .args(args)
            .output()
            .expect("kg runs");
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "kg {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        start.elapsed()
    };
    let snap = run(&["path", from, to]);
    println!(
        "first query (builds the snapshot): {:.2} s",
        snap.as_secs_f64()
    );
    println!("articles in journal | journal size | kg add (ms)");
    for i in 0..n {
        let article = dir.join(format!("wire-{:05}.txt", first + i));
        std::fs::write(&article, kg_testkit::synthetic::article(first + i).0)
            .expect("write article");
        let took = run(&["add", article.to_str().expect("UTF-8 path")]);
        if i == 0 || (i + 1) % 100 == 0 {
            println!(
                "{} | {:.1} MB | {:.1}",
                i + 1,
                size(&journal) as f64 / 1e6,
                took.as_secs_f64() * 1e3
            );
        }
    }
    let median = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    let mut with: Vec<f64> = (0..5)
        .map(|_| run(&["path", from, to]).as_secs_f64() * 1e3)
        .collect();
    let saved = dir.join("journal.saved");
    std::fs::rename(&journal, &saved).expect("set the journal aside");
    let mut without: Vec<f64> = (0..5)
        .map(|_| run(&["path", from, to]).as_secs_f64() * 1e3)
        .collect();
    println!(
        "kg path with the journal of {n} articles: {:.1} ms; with none: {:.1} ms (median of 5)",
        median(&mut with),
        median(&mut without)
    );
    std::fs::rename(&saved, &journal).expect("put the journal back");
    if std::env::var_os("KG_BENCH_KEEP").is_some() {
        println!("kept {}", dir.display());
    } else {
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).map_or(0, |m| m.len())
}
