//! Graph files on disk: reading and checking them ([`json`], or the node-link JSON
//! `kg export --format json` writes in [`nodelink`]; a whole file, or the embedded graph,
//! in [`load`]), finding the one to use
//! ([`discover`]), writing them atomically ([`atomic`]) under a writers' lock ([`lock`]),
//! and their memory-mapped binary snapshots ([`snapshot`]); what can go wrong with them
//! ([`Error`]); and the heap a large write freed given back before its next phase
//! ([`heap`]).

pub mod atomic;
pub mod discover;
pub mod error;
pub mod heap;
pub mod json;
pub mod load;
pub mod lock;
pub mod nodelink;
pub mod snapshot;

pub use atomic::{Staged, stage_file, write_atomic, write_file};
pub use discover::{Located, locate};
pub use error::{Error, describe};
pub use json::{LoadError, from_json, to_json, write_json};
pub use load::{EMBEDDED_GRAPH, load_base};
pub use lock::{LockError, WriteLock};
