//! The store's doings in words: the notes opening a snapshot leaves on stderr. The store
//! returns them as data ([`SnapshotNote`]); the wording is pinned by the CLI tests.

use crate::store::snapshot::{SnapshotNote, Stale, Unusable};

/// A snapshot note as the user reads it: `rebuilt snapshot 'kg.json.snap': it was
/// damaged (page 3 fails its checksum)`.
pub fn snapshot_note(n: &SnapshotNote) -> String {
    match n {
        SnapshotNote::Rebuilt { path, why } => {
            format!("rebuilt snapshot '{}': {}", path.display(), stale(why))
        }
        SnapshotNote::Unsaved { path, why } => format!(
            "could not save snapshot '{}' ({why}); the next query will read the JSON again",
            path.display()
        ),
    }
}

/// The notes in words, in order.
pub fn snapshot_notes(notes: &[SnapshotNote]) -> impl Iterator<Item = String> + '_ {
    notes.iter().map(snapshot_note)
}

/// Why a saved snapshot was rebuilt: `it was damaged (...)`.
fn stale(why: &Stale) -> String {
    match why {
        Stale::Unusable(Unusable::Damaged(d)) => format!("it was damaged ({d})"),
        Stale::Unusable(other) => other.to_string(),
        Stale::Unreadable(e) => format!("it could not be read ({e})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn rebuilt(why: Stale) -> String {
        snapshot_note(&SnapshotNote::Rebuilt {
            path: PathBuf::from("kg.json.snap"),
            why,
        })
    }

    #[test]
    fn snapshot_notes_read_as_before() {
        assert_eq!(
            rebuilt(Stale::Unusable(Unusable::Damaged(
                "page 3 fails its checksum".into()
            ))),
            "rebuilt snapshot 'kg.json.snap': it was damaged (page 3 fails its checksum)"
        );
        assert_eq!(
            rebuilt(Stale::Unusable(Unusable::NotSnapshot)),
            "rebuilt snapshot 'kg.json.snap': it is not a kg snapshot"
        );
        assert_eq!(
            rebuilt(Stale::Unreadable("Permission denied (os error 13)".into())),
            "rebuilt snapshot 'kg.json.snap': it could not be read (Permission denied (os error 13))"
        );
        assert_eq!(
            snapshot_note(&SnapshotNote::Unsaved {
                path: PathBuf::from("kg.json.snap"),
                why: "permission denied".into(),
            }),
            "could not save snapshot 'kg.json.snap' (permission denied); the next query will read the JSON again"
        );
    }
}
