//! What opening or rebuilding a snapshot did that the user should know, as data: the
//! store says nothing in words; the layer that prints notes does.

use super::Unusable;
use std::path::PathBuf;

/// One thing [`super::open`] or [`super::rebuild`] did, for the user to read on stderr.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotNote {
    /// The saved snapshot at `path` could not be used, for this reason, and was rebuilt.
    Rebuilt { path: PathBuf, why: Stale },
    /// The snapshot built for `path` could not be saved there (`why` describes the
    /// error); the next query reads the JSON again.
    Unsaved { path: PathBuf, why: String },
}

/// Why a saved snapshot was rebuilt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stale {
    /// It opened but is not usable: damaged, of another layout or schema, or not a
    /// snapshot at all.
    Unusable(Unusable),
    /// Its file could not be mapped (`why` describes the error).
    Unreadable(String),
}
