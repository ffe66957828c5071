//! `kg path` on generated knowledge bases of 10k and 100k facts (`kg_testkit::generate`, the
//! scale benchmark's generator) finds paths as long as networkx's, for random pairs and
//! for pairs with no path (both must find none). networkx runs from the consumer venv
//! (`tests/consumers/install.sh`); without it the test is skipped, except under CI.

use crate::harness::{consumer_python, kg_hops, networkx_lengths};
use kg_testkit::generate::{Queries, Spec, write};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes a base of `facts` facts into `dir`; its path and queries.
fn generate(dir: &Path, facts: usize) -> (PathBuf, Queries) {
    let path = dir.join(format!("kg-{facts}.json"));
    let mut out = BufWriter::new(std::fs::File::create(&path).unwrap());
    let queries = write(
        Spec {
            facts,
            seed: 8,
            sources: 0,
        },
        &mut out,
    )
    .unwrap();
    out.flush().unwrap();
    (path, queries)
}

fn same_lengths_as_networkx(facts: usize) {
    let Some(python) = consumer_python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (base, q) = generate(dir.path(), facts);
    let pairs: Vec<_> = q.pairs.iter().chain(&q.worst).collect();
    assert!(pairs.iter().filter(|p| p.connected).count() >= 20);
    assert!(pairs.iter().any(|p| !p.connected), "no pair without a path");
    let ids: Vec<(&str, &str)> = pairs
        .iter()
        .map(|p| (p.from.id.as_str(), p.to.id.as_str()))
        .collect();
    let lengths = networkx_lengths(&python, &base, &ids);
    // Two workers: each kg run loads the whole base.
    let got: Vec<Option<u64>> = std::thread::scope(|s| {
        let halves: Vec<_> = pairs
            .chunks(pairs.len().div_ceil(2))
            .map(|chunk| {
                let base = &base;
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|p| kg_hops(Some(base), &p.from.name, &p.to.name))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        halves.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    for ((p, nx), kg) in pairs.iter().zip(&lengths).zip(&got) {
        assert_eq!(nx.is_some(), p.connected, "{} -> {}", p.from.id, p.to.id);
        assert_eq!(kg, nx, "{} -> {}: kg vs networkx", p.from.name, p.to.name);
    }
}

#[test]
fn path_lengths_match_networkx_at_10k_facts() {
    same_lengths_as_networkx(10_000);
}

#[test]
fn path_lengths_match_networkx_at_100k_facts() {
    same_lengths_as_networkx(100_000);
}
