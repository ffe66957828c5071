//! The journal's delta file (`kg.json.journal.snap`): what the journal says, already laid
//! over the snapshot, so that a query after `kg add`, `kg remove` or `kg merge` on a large
//! base reads a few rows of it instead of parsing the whole journal again.
//!
//! Parsing the journal costs every query about 12 ms per MB, and one removal or merge of
//! a large entity at ten million facts writes an 8–10 MB line: 190–665 ms a query (bench
//! results, issue 18). A write that appends to the journal holds the journal laid over
//! the snapshot anyway ([`super::Overlay`]); it writes that as a delta file (see
//! [`format`]) right after the journal, stamped with the journal's length, modification
//! time, inode and the hash of its end, and with the snapshot's stamp. A query maps it and answers through
//! [`Layered`], as through the overlay.
//!
//! A delta file is a cache, never the record: the journal is. One that does not match
//! the journal and snapshot as they are now (a write killed between the two files, a kg
//! that does not write them, a copy of the journal), of another layout version, or whose
//! header or page table does not match its hashes is not read; nor is the answer of a
//! query that read a page not matching its sum (each page is checked when first read):
//! the query parses the journal as before, and the next write replaces the delta file. The JSON path goes through [`Layered`] too (the overlay it builds is
//! encoded in memory), so both answer alike.

pub mod format;
pub mod layered;
pub mod reader;

pub use format::JournalStamp;
pub use layered::Layered;
pub use reader::Delta;

use crate::store::snapshot::Snapshot;
use crate::store::snapshot::map::Bytes;
use std::io;
use std::path::{Path, PathBuf};

/// Where the delta file of a base lives: its journal's name with `.snap` added.
pub fn path_for(base: &Path) -> PathBuf {
    let mut name = super::journal::path_for(base).into_os_string();
    name.push(".snap");
    PathBuf::from(name)
}

/// Why a delta file was not read (the query parses the journal instead).
#[derive(Debug, thiserror::Error)]
pub enum Unread {
    #[error("there is none")]
    Missing,
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("{0}")]
    Format(#[from] format::FormatError),
    #[error("it is of another journal")]
    OtherJournal,
    #[error("it is of another snapshot")]
    OtherSnapshot,
}

/// The delta file of the base at `base`, when it is the form of the base's journal as it
/// is now, laid over `snap`. Its pages are checked as they are read: a caller that read
/// it asks [`Delta::damage`] before using what it read.
///
/// # Complexity
/// O(pages): its header and page table are checked (microseconds for ten megabytes).
pub fn open(base: &Path, snap: &Snapshot) -> Result<Delta, Unread> {
    let not_found = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => Unread::Missing,
        _ => Unread::Io(e),
    };
    let journal = JournalStamp::read(&super::journal::path_for(base)).map_err(not_found)?;
    let file = std::fs::File::open(path_for(base)).map_err(not_found)?;
    let delta = Delta::open(Bytes::map(&file)?)?;
    let head = delta.head();
    if head.journal != journal {
        return Err(Unread::OtherJournal);
    }
    if head.base != snap.stamp() || !laid_over(&delta, snap) {
        return Err(Unread::OtherSnapshot);
    }
    Ok(delta)
}

/// True when `delta` was laid over a snapshot of `snap`'s entity and fact counts.
pub fn laid_over(delta: &Delta, snap: &Snapshot) -> bool {
    let head = delta.head();
    head.nodes as usize == snap.entity_count() && head.edges as usize == snap.fact_count()
}

/// Writes the delta file `bytes` (from [`super::Overlay::to_delta`]) of the base at
/// `base`, stamped with its journal as it is now on disk, replacing any other whole (a
/// temporary file renamed over it), with the journal's permissions.
///
/// It is not synced to disk, unlike the files kg keeps: it is a cache whose hashes say
/// whether it is whole, so a power cut that leaves it empty or torn costs the queries
/// the journal's parse until the next write, and every write is spared a sync.
pub fn save(base: &Path, mut bytes: Vec<u8>) -> io::Result<()> {
    use std::io::Write;
    let journal_path = super::journal::path_for(base);
    let journal = JournalStamp::read(&journal_path)?;
    format::stamp(&mut bytes, journal);
    let path = path_for(base);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&bytes)?;
    let perms = std::fs::metadata(&journal_path)?.permissions();
    tmp.as_file().set_permissions(perms)?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

/// Removes the delta file of the base at `base`; none is no error.
pub fn remove(base: &Path) -> io::Result<()> {
    match std::fs::remove_file(path_for(base)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
