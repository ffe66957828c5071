//! Test scaffolding for kg, kept out of the library: [`generate`] writes synthetic
//! knowledge bases of any size for the scale tests (`tests/cli/scale.rs`), the benchmark
//! (`bench/`, through `examples/kg_gen.rs`) and anything else that needs a large base;
//! [`probe`] reads a snapshot every way a query does, for the damage test and the fuzz
//! targets; [`synthetic`] writes short wire articles and their extractions, for the
//! knowledge-base tests (`tests/kb.rs`) and the add benchmarks; [`lcg`] gives the same
//! numbers on every run, for fixtures and shuffles. It uses only kg's public API.

pub mod generate;
pub mod lcg;
pub mod probe;
pub mod synthetic;
