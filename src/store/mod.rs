//! Graph files on disk: reading and checking them ([`json`]), and writing them safely.

pub mod json;

pub use json::{LoadError, from_json, to_json};
