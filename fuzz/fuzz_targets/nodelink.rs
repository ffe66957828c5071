//! Fuzz target: any bytes as a node-link JSON file (what `kg export --format json`
//! writes) give a graph or an error, never a panic; a graph that loads is exported and
//! imported again to the same graph.
#![no_main]

use kg::model::{KnowledgeGraph, Subgraph};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(file) = kg::export::nodelink::read(text) else { return };
    let Ok(graph) = KnowledgeGraph::from_file(file) else { return };
    let mut out = Vec::new();
    kg::export::nodelink::write(&graph, &Subgraph::whole(&graph), &mut out).unwrap();
    let again = kg::export::nodelink::read(std::str::from_utf8(&out).unwrap()).expect("kg reads its own node-link JSON");
    let again = KnowledgeGraph::from_file(again).expect("and it is a valid graph");
    assert_eq!(kg::store::to_json(&again), kg::store::to_json(&KnowledgeGraph::from_file(kg::export::nodelink::read(std::str::from_utf8(&out).unwrap()).unwrap()).unwrap()));
    assert_eq!(again.entity_count(), graph.entity_count());
    assert_eq!(again.fact_count(), graph.fact_count());
});
