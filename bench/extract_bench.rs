//! Extraction throughput: builds a large article from the shipped articles' bodies
//! (repeated to about 20 MB) and times `read_article` + `extract` on one core, then a
//! 1 MB line with no punctuation and a 20 MB run of capitalised words.
//!
//! `cargo run --release --example extract_bench`

use kg::extract::{extract, read_article};
use std::time::Instant;

/// CPU seconds this process has used (user + system), from /proc on Linux: on a busy
/// machine wall time overstates the cost.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn time(label: &str, text: &str) {
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let article = read_article(text.as_bytes(), "bench").expect("an article");
    let graph = extract(&article);
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu_start).map(|(b, a)| b - a);
    let mb = text.len() as f64 / 1e6;
    println!(
        "{label}: {mb:.1} MB in {secs:.2} s wall = {:.1} MB/s; {} ({} facts, {} entities)",
        mb / secs,
        cpu.map_or("cpu time unknown".to_string(), |c| format!(
            "{c:.2} s cpu = {:.1} MB/s",
            mb / c.max(0.01)
        )),
        graph.facts.len(),
        graph.entities.len()
    );
}

fn main() {
    let mut bodies = String::new();
    for dir in ["graph/articles", "eval/articles"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).expect("utf-8");
            let body = text.split_once("\n\n").map_or(text.as_str(), |(_, b)| b);
            bodies.push_str(body);
            bodies.push_str("\n\n");
        }
    }
    let mut big = String::from("date: 2025-01-01\n\n");
    while big.len() < 20_000_000 {
        big.push_str(&bodies);
    }
    time("articles x many", &big);
    time("one 1 MB line", &"word ".repeat(200_000));
    let caps: String = (0..1_000_000)
        .map(|i| format!("Name{} ", i % 5000))
        .collect();
    time("capitalised words", &caps);
}
