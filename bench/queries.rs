//! Query micro-benchmarks: loading a graph file, name lookup, shortest path and a
//! two-hop neighbourhood, on the embedded graph and on a synthetic graph of 20,000
//! entities and 100,000 facts, from the in-memory graph and from its memory-mapped
//! snapshot (each snapshot run opens it afresh: the pages it reads are checked on first
//! read, as in a one-shot `kg` process). Run with `cargo bench --bench queries`.

use kg::model::{Entity, Fact, GraphFile, Kind, KnowledgeGraph, Relation};
use kg::query::paths::shortest;
use kg::query::{Walk, neighbours, resolve};
use kg::store::snapshot::Snapshot;
use kg::store::snapshot::map::Bytes;
use petgraph::graph::NodeIndex;

fn main() {
    divan::main();
}

/// A deterministic graph with a skewed degree distribution: each fact's subject is drawn
/// uniformly, its object from a square-law distribution that favours low ids (hubs).
fn synthetic(entities: usize, facts: usize) -> KnowledgeGraph {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let entities_v = (0..entities)
        .map(|i| {
            Entity::new(
                format!("e{i}"),
                format!(
                    "Entity {i} {}",
                    ["Zoo", "Ministry", "Troops", "Bear"][i % 4]
                ),
                Kind::ALL[i % Kind::ALL.len()],
            )
        })
        .collect();
    let facts_v = (0..facts)
        .map(|_| {
            let s = (next() % entities as u64) as usize;
            let r = (next() % entities as u64) as f64 / entities as f64;
            let o = ((r * r) * entities as f64) as usize;
            let mut f = Fact::new(format!("e{s}"), Relation::ALL[(next() % Relation::COUNT as u64) as usize], format!("e{o}"));
            f.evidence = Some(format!("A sentence of about a hundred characters that states the fact between entity {s} and {o}."));
            f
        })
        .collect();
    KnowledgeGraph::from_file(GraphFile {
        entities: entities_v,
        facts: facts_v,
        ..GraphFile::default()
    })
    .unwrap()
}

#[divan::bench]
fn load_embedded_graph() -> KnowledgeGraph {
    kg::store::from_json(divan::black_box(kg::store::EMBEDDED_GRAPH)).unwrap()
}

#[divan::bench(sample_count = 10)]
fn load_100k_facts(bencher: divan::Bencher) {
    let json = kg::store::to_json(&synthetic(20_000, 100_000));
    bencher
        .counter(divan::counter::BytesCount::new(json.len()))
        .bench(|| kg::store::from_json(divan::black_box(&json)).unwrap());
}

#[divan::bench]
fn resolve_name(bencher: divan::Bencher) {
    let g = kg::store::load_base(None).unwrap();
    bencher.bench(|| resolve(&g, divan::black_box("pyongyang central")).unwrap());
}

#[divan::bench]
fn resolve_name_100k(bencher: divan::Bencher) {
    let g = synthetic(20_000, 100_000);
    bencher.bench(|| resolve(&g, divan::black_box("Entity 19999 Bear")).unwrap());
}

#[divan::bench]
fn shortest_path_100k(bencher: divan::Bencher) {
    let g = synthetic(20_000, 100_000);
    let (a, b) = (NodeIndex::new(17_001), NodeIndex::new(19_993));
    bencher.bench(|| {
        shortest(
            &g,
            divan::black_box(a),
            divan::black_box(b),
            &Walk::default(),
        )
    });
}

#[divan::bench]
fn neighbours_depth_2_100k(bencher: divan::Bencher) {
    let g = synthetic(20_000, 100_000);
    let a = NodeIndex::new(17_001);
    bencher.bench(|| neighbours(&g, divan::black_box(a), &Walk::default(), 2, &[]).len());
}

/// The synthetic graph's snapshot, written to a temporary file.
fn snapshot_file(entities: usize, facts: usize) -> tempfile::NamedTempFile {
    let built = kg::store::snapshot::build(synthetic(entities, facts), Default::default()).unwrap();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    built.write(file.as_file_mut()).unwrap();
    file
}

fn open_snapshot(file: &tempfile::NamedTempFile) -> Snapshot {
    let bytes = Bytes::map(file.as_file()).unwrap();
    Snapshot::open(bytes).unwrap()
}

#[divan::bench]
fn snapshot_open_100k(bencher: divan::Bencher) {
    let file = snapshot_file(20_000, 100_000);
    bencher.bench(|| open_snapshot(&file).entity_count());
}

#[divan::bench]
fn snapshot_resolve_name_100k(bencher: divan::Bencher) {
    let file = snapshot_file(20_000, 100_000);
    bencher.bench(|| {
        // A fresh open each time: the pages a lookup reads are checked on first read.
        let snap = open_snapshot(&file);
        snap.resolve(divan::black_box("Entity 19999 Bear")).unwrap()
    });
}

#[divan::bench]
fn snapshot_shortest_path_100k(bencher: divan::Bencher) {
    let file = snapshot_file(20_000, 100_000);
    bencher.bench(|| {
        let snap = open_snapshot(&file);
        shortest(
            &snap,
            divan::black_box(17_001),
            divan::black_box(19_993),
            &Walk::default(),
        )
        .map(|p| p.len())
    });
}

#[divan::bench]
fn snapshot_neighbours_depth_2_100k(bencher: divan::Bencher) {
    let file = snapshot_file(20_000, 100_000);
    bencher.bench(|| {
        let snap = open_snapshot(&file);
        neighbours(&snap, divan::black_box(17_001), &Walk::default(), 2, &[]).len()
    });
}
