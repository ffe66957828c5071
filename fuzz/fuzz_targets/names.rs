//! Fuzz target: any text as an entity name resolves to an entity or gives an error, never
//! a panic, against the embedded graph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static GRAPH: OnceLock<kg::model::KnowledgeGraph> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let graph = GRAPH.get_or_init(|| kg::store::load_base(None).expect("the embedded graph loads"));
    let query = String::from_utf8_lossy(data);
    if let Err(e) = kg::query::resolve(graph, &query) {
        let message = e.to_string();
        assert!(!message.contains('\u{0}') || query.contains('\u{0}'));
    }
});
