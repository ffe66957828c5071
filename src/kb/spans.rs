//! `kg.json.spans`: where each article's record lies in the base's text, written beside the
//! base by the writes that write it streaming (`kg compact`'s fold, [`super::fold`], and
//! the migration, [`super::migrate`]), so that `kg remove` of a base article reads its
//! record at once instead of searching the base's kb section for it (on a 10M-fact base,
//! seconds and the whole section read; see [`super::retract`]), and the settlement of a
//! pending removal reads every article's record without checking or splitting the rest
//! of the base ([`all`], through [`super::excise`]).
//!
//! JSON Lines: a head naming the exact base file it describes (its length and
//! modification time, as the journal's head does), then one line per article, its id,
//! the byte offset of its record's first line and the record's length (to its closing
//! brace), in base order:
//!
//! ```text
//! {"kg-spans":1,"base":{"len":9262576030,"mtime_ns":1796615330485548961}}
//! ["wire-2022-01-05-057",3254066120,20341311]
//! ```
//!
//! It only saves time: a file that is missing, names another version of the base, or
//! gives a span whose text is not that article's record (checked where it is read, as the
//! search checks what it finds) is not used, and the search runs as before. So it is
//! written after the base is in place, not staged with it, and no write removes an old
//! one (its head no longer names the base).
//!
//! # Complexity
//! Writing: a line per article. Reading one article's span: the file read and searched
//! (memchr) for the article's line; about 40 bytes per article. Reading every span: the
//! file parsed, a line per article.

use crate::store::snapshot::Stamp;
use crate::store::write_atomic;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The format of the file's lines this kg writes and reads.
const SPANS_VERSION: u32 = 1;

/// Where the spans of the base at `base` are: its name with `.spans` added.
pub fn path_for(base: &Path) -> PathBuf {
    let mut name = base.as_os_str().to_owned();
    name.push(".spans");
    PathBuf::from(name)
}

#[derive(Serialize, Deserialize)]
struct Head {
    #[serde(rename = "kg-spans")]
    version: u32,
    base: BaseStamp,
}

#[derive(Serialize, Deserialize, PartialEq, Eq)]
struct BaseStamp {
    len: u64,
    mtime_ns: u64,
}

/// An article's record in the base's text: its id, the offset of its first byte (the
/// record's opening line) and its length.
pub type Span = (String, u64, u64);

/// The spans' text for the base with this `stamp`.
fn to_text(stamp: Stamp, spans: &[Span]) -> String {
    let head = Head {
        version: SPANS_VERSION,
        base: BaseStamp {
            len: stamp.len,
            mtime_ns: stamp.mtime_ns,
        },
    };
    let mut out = serde_json::to_string(&head).expect("heads serialize");
    out.push('\n');
    for span in spans {
        out.push_str(&serde_json::to_string(span).expect("spans serialize"));
        out.push('\n');
    }
    out
}

/// Writes the spans of the base at `base` (as it is now: its stamp is read here),
/// atomically. A failure is no error (see the module doc): the caller ignores it.
pub fn write(base: &Path, spans: &[Span]) -> io::Result<()> {
    let stamp = crate::store::snapshot::stamp_of(&std::fs::metadata(base)?);
    write_atomic(&path_for(base), to_text(stamp, spans).as_bytes())
}

/// The span of article `id` in the base at `base`, whose stamp is `stamp`, when its spans
/// file describes that base and lists it.
pub fn find(base: &Path, stamp: Stamp, id: &str) -> Option<(u64, u64)> {
    let text = std::fs::read(path_for(base)).ok()?;
    find_in(&text, stamp, id)
}

fn find_in(text: &[u8], stamp: Stamp, id: &str) -> Option<(u64, u64)> {
    let end = lines_after_head(text, stamp)?;
    let needle = format!("\n[{},", serde_json::to_string(id).ok()?);
    let at = memchr::memmem::find(&text[end..], needle.as_bytes())? + end + 1;
    let line_end = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |n| at + n);
    let (found, offset, len): Span = serde_json::from_slice(&text[at..line_end]).ok()?;
    (found == id).then_some((offset, len))
}

/// Every span the spans file of the base at `base`, whose stamp is `stamp`, lists, in base
/// order, when it describes that base.
pub fn all(base: &Path, stamp: Stamp) -> Option<Vec<Span>> {
    let text = std::fs::read(path_for(base)).ok()?;
    all_in(&text, stamp)
}

fn all_in(text: &[u8], stamp: Stamp) -> Option<Vec<Span>> {
    let end = lines_after_head(text, stamp)?;
    text[end + 1..]
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).ok())
        .collect()
}

/// Where the head line of the spans' text `text` ends, when it is of this format and
/// names the base with this `stamp`.
fn lines_after_head(text: &[u8], stamp: Stamp) -> Option<usize> {
    let end = memchr::memchr(b'\n', text)?;
    let head: Head = serde_json::from_slice(&text[..end]).ok()?;
    let want = BaseStamp {
        len: stamp.len,
        mtime_ns: stamp.mtime_ns,
    };
    (head.version == SPANS_VERSION && head.base == want).then_some(end)
}

/// A writer that counts the bytes written through it, the count shared (so that code
/// that does not hold the writer, such as a serializer's element, can read it).
pub struct Counting<'w> {
    inner: &'w mut dyn Write,
    at: Rc<Cell<u64>>,
}

impl<'w> Counting<'w> {
    /// Counts what is written to `inner`, from 0.
    pub fn new(inner: &'w mut dyn Write) -> Counting<'w> {
        Counting {
            inner,
            at: Rc::new(Cell::new(0)),
        }
    }

    /// How many bytes were written so far.
    pub fn at(&self) -> u64 {
        self.at.get()
    }

    /// The shared count.
    pub fn counter(&self) -> Rc<Cell<u64>> {
        Rc::clone(&self.at)
    }
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.at.set(self.at.get() + n as u64);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> Stamp {
        Stamp {
            len: 1234,
            mtime_ns: 5678,
        }
    }

    /// Every article listed is found by its id (ids that are prefixes of others, that
    /// need escaping), nothing else is, and nothing at all for another base's stamp.
    #[test]
    fn a_span_is_found_by_its_id_for_the_base_it_names_only() {
        let spans: Vec<Span> = vec![
            ("a".into(), 10, 5),
            ("a-2".into(), 15, 7),
            ("quote\"d \\ id".into(), 22, 1),
            ("wire-2022".into(), 23, 1 << 40),
        ];
        let text = to_text(stamp(), &spans);
        for (id, offset, len) in &spans {
            assert_eq!(find_in(text.as_bytes(), stamp(), id), Some((*offset, *len)));
        }
        for missing in ["", "b", "a-", "wire", "2022"] {
            assert_eq!(
                find_in(text.as_bytes(), stamp(), missing),
                None,
                "{missing}"
            );
        }
        let other = Stamp {
            len: 1234,
            mtime_ns: 5679,
        };
        assert_eq!(find_in(text.as_bytes(), other, "a"), None);
        assert_eq!(all_in(text.as_bytes(), stamp()), Some(spans));
        assert_eq!(all_in(text.as_bytes(), other), None);
        assert_eq!(all_in(b"", stamp()), None);
        assert_eq!(find_in(b"", stamp(), "a"), None);
        assert_eq!(find_in(b"{}\n[\"a\",1,2]\n", stamp(), "a"), None);
    }

    /// The count is the bytes written, and reads the same through its shared handle.
    #[test]
    fn counting_counts_what_is_written() {
        let mut sink = Vec::new();
        let mut w = Counting::new(&mut sink);
        let counter = w.counter();
        w.write_all(b"hello").unwrap();
        write!(w, " {}", 42).unwrap();
        assert_eq!(w.at(), 8);
        assert_eq!(counter.get(), 8);
        assert_eq!(sink, b"hello 42");
    }
}
