//! Generates a synthetic knowledge base for the scale benchmark (`bench/`): a graph file
//! of N facts in kg's canonical form (see `kg_testkit::generate`), and beside it
//! `FILE.pairs.json` with the queries to ask of it (random pairs, the worst pair, the hub,
//! an entity next to it, a typical one). `--sources N` gives it N sources (articles, once
//! migrated) instead of a few hundred: articles of tens of facts, as real news gives.
//!
//! ```sh
//! cargo run --release --example kg_gen -- --facts 1000000 --seed 1 -o /tmp/kg-1m.json
//! ```

use kg_testkit::generate::{Spec, write};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

const USAGE: &str = "usage: kg_gen --facts N [--seed S] [--sources N] -o FILE";

fn main() {
    let mut facts = None;
    let mut seed = 1u64;
    let mut sources = 0;
    let mut output = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| fail(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--facts" => facts = Some(number(&value())),
            "--seed" => seed = number(&value()) as u64,
            "--sources" => sources = number(&value()),
            "-o" | "--output" => output = Some(PathBuf::from(value())),
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            other => fail(&format!("unknown argument '{other}'")),
        }
    }
    let (Some(facts), Some(output)) = (facts, output) else {
        fail("--facts and -o are required");
    };
    let start = Instant::now();
    let file = std::fs::File::create(&output).unwrap_or_else(|e| fail(&e.to_string()));
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let spec = Spec {
        facts,
        seed,
        sources,
    };
    let queries = write(spec, &mut out).unwrap_or_else(|e| fail(&e.to_string()));
    out.flush().unwrap_or_else(|e| fail(&e.to_string()));
    let mut pairs_path = output.clone().into_os_string();
    pairs_path.push(".pairs.json");
    let json = serde_json::to_string_pretty(&queries).expect("queries serialize");
    std::fs::write(&pairs_path, json + "\n").unwrap_or_else(|e| fail(&e.to_string()));
    eprintln!(
        "kg_gen: {} facts, {} entities, {} sources -> {} ({:.1} s); queries in {}",
        queries.facts,
        queries.entities,
        queries.sources,
        output.display(),
        start.elapsed().as_secs_f64(),
        PathBuf::from(pairs_path).display()
    );
}

/// A count such as `1000000`, `1_000_000`, `100k` or `10M`.
fn number(s: &str) -> usize {
    let t = s.replace('_', "").to_ascii_lowercase();
    let (digits, scale) = match t.strip_suffix('k') {
        Some(d) => (d, 1_000),
        None => match t.strip_suffix('m') {
            Some(d) => (d, 1_000_000),
            None => (t.as_str(), 1),
        },
    };
    digits
        .parse::<usize>()
        .map(|n| n * scale)
        .unwrap_or_else(|_| fail(&format!("'{s}' is not a number")))
}

fn fail(msg: &str) -> ! {
    eprintln!("kg_gen: {msg}\n{USAGE}");
    std::process::exit(2)
}
