//! What a write to the knowledge base did, as data: which files it wrote, folded or
//! removed, and what the base then holds. The knowledge base says nothing in words; the
//! layer that prints notes does.

use crate::store::snapshot::SnapshotNote;
use std::path::PathBuf;

/// How many articles, entities and facts a base holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub articles: usize,
    pub entities: usize,
    pub facts: usize,
}

/// One thing a write did, for the user to read on stderr.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// These files (the decisions file, the base, its snapshot) were written; the base
    /// now holds `tally`.
    Wrote { paths: Vec<PathBuf>, tally: Tally },
    /// Nothing was written, for the reason the command gives (`nothing new to add`).
    Unchanged {
        base: PathBuf,
        why: String,
        tally: Tally,
    },
    /// The journal of `base` was written: `added` articles on top of it, which with
    /// them holds `tally`.
    WroteJournal {
        journal: PathBuf,
        base: PathBuf,
        added: usize,
        tally: Tally,
    },
    /// A merge decision was written to the decisions file at `path`.
    WroteDecisions { path: PathBuf },
    /// The journal of `base` was written with a merge on top of it; with it, the base
    /// holds `tally`.
    WroteUnion {
        journal: PathBuf,
        base: PathBuf,
        tally: Tally,
    },
    /// The journal is `bytes` long, large enough to slow every query down.
    LargeJournal {
        journal: PathBuf,
        base: PathBuf,
        bytes: usize,
    },
    /// The journal, which held `articles` articles and `removals` removals, was folded
    /// into `base` and removed.
    Folded {
        journal: PathBuf,
        base: PathBuf,
        articles: usize,
        removals: usize,
        merges: usize,
    },
    /// The pending removal of article `id` in `journal` was settled (see
    /// [`super::retract`]): the journal now holds the rebuild's removal.
    Settled { journal: PathBuf, id: String },
    /// The journal was removed: it held no other article than the one retracted. The
    /// base alone holds `tally`.
    RemovedJournal { journal: PathBuf, tally: Tally },
    /// The snapshot could not be written, for this reason; the next query builds it.
    SnapshotUnwritten { snapshot: PathBuf, why: String },
    /// The base was migrated from knowledge-base format `from` to `to`; the old file is
    /// kept as `backup`.
    Migrated {
        base: PathBuf,
        from: u32,
        to: u32,
        backup: PathBuf,
    },
    /// Opening the base's snapshot rebuilt it, or could not save it.
    Snapshot(SnapshotNote),
}
