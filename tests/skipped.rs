//! The last word of `cargo test`: which checks of the integration tests (`tests/cli/`)
//! were skipped and why (a program that is not installed). A test binary without
//! libtest's harness, so what it prints is not captured; cargo runs it after `cli`.
//!
//! It prints what `tests/cli/harness.rs` recorded in the latest `cli` run (see
//! `tests/cli/summary.rs`) and clears the record for the next run.

#[path = "cli/summary.rs"]
mod summary;

fn main() {
    let record = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kg-skipped.tsv");
    let text = std::fs::read_to_string(&record).unwrap_or_default();
    let _ = std::fs::remove_file(&record);
    print!("\n{}", summary::summary(&text));
}
