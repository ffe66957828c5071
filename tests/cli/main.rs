//! The integration tests: the real `kg` binary, run as a user runs it.
//!
//! One binary with a module per area; `harness` holds what they share. Outputs are pinned
//! with insta snapshots (`tests/cli/snapshots/`), error messages word for word.

mod aliases;
mod clusters;
mod crash;
mod delta;
mod dot;
mod duplicates;
mod errors;
mod excise;
mod explain;
mod export;
mod extract;
mod harness;
mod html;
mod journal;
mod kb;
mod layers;
mod listing;
mod names;
mod neighbours;
mod path;
mod pending;
mod properties;
mod readme;
mod retract;
mod scale;
mod shell;
mod snapshot;
mod spans;
mod summary;
mod unite;
