//! Snapshots: a compact binary copy of a JSON knowledge base, memory-mapped so that a
//! one-shot query reads only the pages it needs instead of parsing the whole file.
//!
//! `kg.json`'s snapshot is `kg.json.snap`, beside it. It records the JSON file's length
//! and modification time; when they no longer match (the JSON was edited, or `kg add`
//! rewrote it), or the snapshot is missing, of another layout version, or damaged, it is
//! rebuilt from the JSON and replaced atomically. A damaged page found during a query
//! (every page has a checksum, checked when first read) makes kg rebuild the snapshot and
//! run the query again: a damaged snapshot never gives an answer.
//!
//! Modules: [`format`] (the layout), [`build`] (writing), [`reader`] (reading, name
//! lookup, graph search through [`crate::query::Topology`], decoding a part of the graph)
//! and [`map`] (the memory map, kg's only `unsafe`).

pub mod build;
pub mod format;
pub mod map;
pub mod reader;

pub use build::{Stamp, TooLarge, build};
pub use reader::{Snapshot, Unusable};

use crate::error::Error;
use crate::store::atomic::write_atomic;
use map::Bytes;
use std::fs::{File, Metadata};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// When query commands use a snapshot (the `KG_SNAPSHOT` environment variable).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Policy {
    /// For graph files of [`AUTO_MIN_BYTES`] or more (smaller ones parse in milliseconds).
    #[default]
    Auto,
    /// For every graph file.
    Always,
    /// Never: always parse the JSON.
    Never,
}

/// The smallest graph file `Policy::Auto` makes a snapshot for: 1 MiB.
pub const AUTO_MIN_BYTES: u64 = 1 << 20;

impl Policy {
    /// The policy `KG_SNAPSHOT` names (`auto`, `always`, `never`; unset is `auto`).
    pub fn from_env(value: Option<&str>) -> Result<Policy, Error> {
        match value.map(str::trim) {
            None | Some("") | Some("auto") => Ok(Policy::Auto),
            Some("always") => Ok(Policy::Always),
            Some("never") => Ok(Policy::Never),
            Some(other) => Err(Error::Usage(format!(
                "KG_SNAPSHOT is '{other}': expected auto, always or never"
            ))),
        }
    }

    /// True when a graph file of `len` bytes gets a snapshot.
    pub fn applies(self, len: u64) -> bool {
        match self {
            Policy::Auto => len >= AUTO_MIN_BYTES,
            Policy::Always => true,
            Policy::Never => false,
        }
    }
}

/// Where the snapshot of a graph file lives: the same name with `.snap` added.
pub fn path_for(json: &Path) -> PathBuf {
    let mut name = json.as_os_str().to_owned();
    name.push(".snap");
    PathBuf::from(name)
}

/// What a snapshot records of its JSON file.
pub fn stamp_of(meta: &Metadata) -> Stamp {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    Stamp {
        len: meta.len(),
        mtime_ns,
    }
}

/// The snapshot of the graph file `json`: the saved one when it is current and sound,
/// else a new one built from the JSON (and saved when the folder allows; a note says
/// when it does not, or when the old one was damaged).
pub fn open(json: &Path, notes: &mut Vec<String>) -> Result<Snapshot, Error> {
    let stamp = stamp_of(&read_meta(json)?);
    let snap_path = path_for(json);
    let why = match File::open(&snap_path) {
        Ok(file) => match Bytes::map(&file).map_err(|e| e.to_string()) {
            Ok(bytes) => match Snapshot::open(bytes) {
                Ok(s) if s.stamp() == stamp => return Ok(s),
                Ok(_) => None,
                Err(Unusable::Damaged(d)) => Some(format!("it was damaged ({d})")),
                Err(e) => Some(e.to_string()),
            },
            Err(e) => Some(format!("it could not be read ({e})")),
        },
        Err(_) => None,
    };
    if let Some(why) = why {
        notes.push(format!("rebuilt snapshot '{}': {why}", snap_path.display()));
    }
    rebuild(json, notes)
}

/// Builds the snapshot of `json` from the JSON, saves it atomically beside it when it
/// can, and returns it.
///
/// # Complexity
/// A full parse of the JSON, then O(V + E + N log N) (see [`build()`]).
pub fn rebuild(json: &Path, notes: &mut Vec<String>) -> Result<Snapshot, Error> {
    let stamp = stamp_of(&read_meta(json)?);
    let graph = crate::run::load(Some(json))?;
    let snap_path = path_for(json);
    let bytes = build(&graph, stamp).map_err(|e| Error::Snapshot {
        path: snap_path.clone(),
        message: e.to_string(),
    })?;
    drop(graph);
    // Saved only when the JSON did not change while it was read.
    if read_meta(json).map(|m| stamp_of(&m)).ok() == Some(stamp)
        && let Err(e) = write_atomic(&snap_path, &bytes)
    {
        notes.push(format!(
            "could not save snapshot '{}' ({}); the next query will read the JSON again",
            snap_path.display(),
            crate::error::describe(&e)
        ));
    }
    Snapshot::open(Bytes::Owned(bytes)).map_err(|e| Error::Snapshot {
        path: snap_path,
        message: format!("the snapshot just built does not read back: {e}"),
    })
}

fn read_meta(json: &Path) -> Result<Metadata, Error> {
    std::fs::metadata(json).map_err(|source| Error::ReadGraph {
        path: json.into(),
        source,
    })
}
