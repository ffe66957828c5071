//! [`probe`]: a fixed set of reads over a snapshot, summarised as text. The snapshot
//! damage test (`tests/cli/snapshot.rs`) and the `snapshot` and `journal` fuzz targets
//! compare what a damaged snapshot answers with what the sound one does: the answers must
//! be equal unless the damage was reported.

use kg::query::paths::shortest;
use kg::query::{Walk, neighbours};
use kg::store::snapshot::{Snapshot, View};
use kg::store::to_json;
use std::fmt::Write;

/// Resolves some names, walks the first entities' hops and two-hop neighbourhoods,
/// searches a path from the first to the last entity, and decodes a part of the graph.
///
/// # Complexity
/// O(V + E) at most; meant for small snapshots.
pub fn probe(snap: &Snapshot) -> String {
    let mut out = format!("meta {:?}\n", snap.meta());
    out.push_str(&probe_view(snap, snap.entity_count(), snap.fact_count()));
    out
}

/// [`probe`]'s reads on any view of `entities` entities and `facts` facts (a snapshot
/// with a journal on top, in the `journal` fuzz target).
pub fn probe_view(snap: &impl View, entities: usize, facts: usize) -> String {
    let mut out = String::new();
    let walk = Walk::default();
    let n = entities as u32;
    for name in ["putin", "zoo", "Moscow Zoo", "kim", "", "x", "the"] {
        let _ = writeln!(out, "resolve {name:?}: {:?}", snap.resolve(name));
    }
    for e in (0..n).take(12) {
        let _ = writeln!(
            out,
            "{e} {} {:?} {:?}",
            snap.name(e),
            snap.kind(e),
            snap.hops(&walk, e)
        );
        let links = neighbours(snap, e, &walk, 2, &[]);
        let _ = writeln!(out, "  {} links", links.len());
    }
    if n > 0 {
        let _ = writeln!(out, "path {:?}", shortest(snap, 0, n - 1, &walk));
        let facts: Vec<u32> = (0..facts as u32).take(8).collect();
        let part = snap.subgraph(&[0, n / 2], &facts);
        out.push_str(&to_json(&part));
    }
    out
}
