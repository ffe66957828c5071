//! The store's doings in words: the notes opening a snapshot leaves on stderr, and the
//! spinner shown while a large graph file is read. The store returns notes as data
//! ([`SnapshotNote`]) and tells a hook when it reads a large file ([`reading`]); the
//! wording is pinned by the CLI tests.

use crate::store::snapshot::{SnapshotNote, Stale, Unusable};
use std::any::Any;
use std::io::{self, IsTerminal};
use std::path::Path;

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

/// The store's [`ReadingHook`](crate::store::load::ReadingHook): a spinner on stderr,
/// `reading FILE (N MB)`, while a large graph file is read, when stderr is a terminal.
/// It is cleared when the store drops it.
pub fn reading(path: &Path, size: u64) -> Option<Box<dyn Any>> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(indicatif::ProgressStyle::default_spinner());
    bar.set_message(reading_label(path, size));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(Box::new(Spinner(bar)))
}

/// The spinner's words: `reading kg.json (55 MB)`.
fn reading_label(path: &Path, size: u64) -> String {
    format!("reading {} ({} MB)", path.display(), size >> 20)
}

/// A spinner that clears its line when it goes.
struct Spinner(indicatif::ProgressBar);

impl Drop for Spinner {
    fn drop(&mut self) {
        self.0.finish_and_clear();
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

    #[test]
    fn the_spinner_names_the_file_and_its_size_in_mb() {
        assert_eq!(
            reading_label(Path::new("kg.json"), 55 << 20 | 1234),
            "reading kg.json (55 MB)"
        );
    }
}
