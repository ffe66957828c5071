//! Graph files on disk: reading and checking them ([`json`]), and writing files safely
//! ([`atomic`]).

pub mod atomic;
pub mod json;

pub use json::{LoadError, from_json, to_json};
