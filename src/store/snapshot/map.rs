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
//! - [`Bytes::text`] reads the bytes as text once each chunk of them is checked to be
//!   UTF-8 (a chunk ending where a character starts, so a concatenation of valid chunks
//!   is valid): the checked whole, without the whole being resident at once.
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

impl Bytes {
    /// The bytes as text when they are UTF-8 (`None` when not), checked
    /// [`TEXT_CHUNK`] bytes at a time, each chunk's pages let go once checked
    /// ([`Bytes::release_resident`]): the check of a mapped 9 GB base keeps no more than
    /// a chunk of it resident, where `std::str::from_utf8` of the whole keeps all of it.
    pub fn text(&self) -> Option<&str> {
        self.text_in(TEXT_CHUNK)
    }

    /// [`Bytes::text`], `chunk` bytes (at least) at a time.
    fn text_in(&self, chunk: usize) -> Option<&str> {
        let b: &[u8] = self;
        let mut at = 0;
        while at < b.len() {
            let end = (at + chunk.max(1)).min(b.len());
            // (on to where a character starts: no byte of the form 10xxxxxx)
            let end = b[end..]
                .iter()
                .position(|&c| c & 0xC0 != 0x80)
                .map_or(b.len(), |i| end + i);
            std::str::from_utf8(&b[at..end]).ok()?;
            let _ = self.release_resident();
            at = end;
        }
        // SAFETY: every chunk of `b`, end to end, was checked to be UTF-8 above, and a
        // concatenation of UTF-8 strings is UTF-8 (see the module invariants); the bytes
        // do not change (read-only map, or owned and borrowed here).
        Some(unsafe { std::str::from_utf8_unchecked(b) })
    }
}

/// How many bytes [`Bytes::text`] checks between two releases of the pages.
pub const TEXT_CHUNK: usize = 64 << 20;

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

    /// Text checked a chunk at a time is what `from_utf8` of the whole says, wherever a
    /// chunk ends (mid-character included) and whatever is broken.
    #[test]
    fn text_checked_in_chunks_is_text_checked_whole() {
        let good = "ab é€😀 kg\n".repeat(5).into_bytes();
        let mut cases = vec![good.clone(), Vec::new(), "é".as_bytes().to_vec()];
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] = 0xFF; // never UTF-8
            cases.push(bad);
            cases.push(good[..at].to_vec()); // cut, inside a character or not
        }
        for case in cases {
            let whole = std::str::from_utf8(&case).ok();
            let mut file = tempfile::tempfile().unwrap();
            std::io::Write::write_all(&mut file, &case).unwrap();
            let mapped = (!case.is_empty()).then(|| Bytes::map(&file).unwrap());
            for bytes in [Some(Bytes::Owned(case.clone())), mapped]
                .into_iter()
                .flatten()
            {
                assert_eq!(bytes.text(), whole);
                for chunk in 1..9 {
                    assert_eq!(bytes.text_in(chunk), whole, "{case:?} by {chunk}");
                }
            }
        }
    }
}
