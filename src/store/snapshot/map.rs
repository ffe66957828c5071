//! Memory-mapping a snapshot file: the one place in kg that uses `unsafe`. A very large
//! JSON graph file is mapped here too, for the time it is parsed (see
//! [`crate::store::json::from_path_mapped`]).
//!
//! # Invariants
//! - The file is opened read-only and mapped read-only ([`memmap2::Mmap`]); kg never
//!   writes through the mapping.
//! - kg never modifies a snapshot in place: a new one is written to a temporary file and
//!   renamed over the old (see [`crate::store::atomic`]), so the inode a reader has mapped
//!   keeps its bytes for as long as the mapping lives. A process outside kg that truncates
//!   or rewrites the file in place while a query runs could still make a page read fault
//!   (SIGBUS); that is the documented hazard of every memory-mapped reader (SQLite and
//!   LMDB share it), and kg's own writers never do it. kg writes a JSON graph file the
//!   same way, but a user's editor may rewrite it in place: it is mapped only while it
//!   is parsed (seconds), a truncation then faults as above, and any other change makes
//!   the parse fail (the file is then read as text) or its stamp differ (no snapshot is
//!   saved from it).
//! - [`Bytes::release_resident`] only drops this process's page-table entries for the
//!   map (`MADV_DONTNEED`); as the map is read-only and never written through, a later
//!   read faults the same bytes back in from the file (the page cache), so no reader, on
//!   any thread, sees the bytes change.
//! - The bytes are never trusted: every read goes through [`super::Snapshot`]'s page reader, which
//!   checks each page against its checksum and bounds every offset before it is used.

#![allow(unsafe_code)]

use std::fs::File;
use std::io;
use std::ops::Deref;

/// The bytes of a snapshot (or a JSON graph file being parsed): a read-only memory map of
/// its file, or bytes in memory (for a snapshot that could not be saved, and for tests and
/// fuzzing).
pub enum Bytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl Bytes {
    /// Maps the whole of `file` read-only.
    pub fn map(file: &File) -> io::Result<Bytes> {
        // SAFETY: the map is read-only and kg replaces snapshot files only by renaming a
        // new file over them, never by writing in place (see the module invariants).
        let map = unsafe { memmap2::Mmap::map(file)? };
        Ok(Bytes::Mapped(map))
    }

    /// Takes a mapped file's pages out of this process's resident memory (they stay in
    /// the page cache, and a later read maps them again); nothing for bytes in memory.
    /// Safe to call while other threads read the bytes.
    pub fn release_resident(&self) -> io::Result<()> {
        match self {
            // SAFETY: the map is read-only and never written through, so dropping its
            // pages loses nothing: a read after this faults the file's same bytes back in
            // (see the module invariants).
            Bytes::Mapped(m) => unsafe { m.unchecked_advise(memmap2::UncheckedAdvice::DontNeed) },
            Bytes::Owned(_) => Ok(()),
        }
    }
}

impl Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn released_pages_read_back_the_same_bytes() {
        let mut file = tempfile::tempfile().unwrap();
        let text: Vec<u8> = (0..3 * 4096 + 17).map(|i| (i % 251) as u8).collect();
        std::io::Write::write_all(&mut file, &text).unwrap();
        let bytes = Bytes::map(&file).unwrap();
        assert_eq!(&bytes[..], &text[..]);
        bytes.release_resident().unwrap();
        assert_eq!(&bytes[..], &text[..]);
        let owned = Bytes::Owned(text.clone());
        owned.release_resident().unwrap();
        assert_eq!(&owned[..], &text[..]);
    }
}
