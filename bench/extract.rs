//! Extraction throughput: the shipped and evaluation articles, repeated to about 2 MB,
//! read and extracted on one core. Run with `cargo bench --bench extract`.

use kg::extract::{extract, read_article};

fn main() {
    divan::main();
}

/// The bodies of every article under graph/articles and eval/articles, repeated to at
/// least `size` bytes, behind one header.
fn corpus(size: usize) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bodies = String::new();
    for dir in ["graph/articles", "eval/articles"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            let article = read_article(&bytes, "bench").unwrap();
            bodies.push_str(&article.text[article.body_start..]);
            bodies.push_str("\n\n");
        }
    }
    let mut text = String::from("source: benchmark\ndate: 2024-11-22\n\n");
    while text.len() < size {
        text.push_str(&bodies);
    }
    text
}

#[divan::bench(sample_count = 10)]
fn extract_2mb(bencher: divan::Bencher) {
    let text = corpus(2_000_000);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| extract(&read_article(divan::black_box(text.as_bytes()), "bench").unwrap()));
}
