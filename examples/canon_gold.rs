//! Rewrites graph files in kg's canonical form (what `kg::store::to_json` writes), in
//! place: the last step of writing a gold graph by hand or by script.
//!
//! `cargo run --example canon_gold -- eval/heldout/gold/*.json`

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable graph file");
        let graph = kg::store::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        std::fs::write(&path, kg::store::to_json(&graph)).expect("writable graph file");
    }
}
