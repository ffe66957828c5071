//! Fuzz target: any bytes as a graph file give a graph or an error, never a panic; a graph
//! that loads is written back and loads again to the same bytes (parse → write → parse).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(graph) = kg::store::from_json(text) else { return };
    let written = kg::store::to_json(&graph);
    let again = kg::store::from_json(&written).expect("kg loads what it writes");
    assert_eq!(kg::store::to_json(&again), written);
});
