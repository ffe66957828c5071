//! The delta file layout (version 2): the journal as a query sees it, laid over the
//! snapshot once by the write that appended to the journal, in fixed-size little-endian
//! rows that a query reads where it needs them instead of parsing the journal's JSON.
//!
//! ```text
//! offset 0    header (280 bytes)
//!   0   magic "KG-DELTA"             8   version u32        12  section count u32 (11)
//!   16  journal length u64           24  journal mtime, ns since the epoch, u64
//!   32  journal inode u64            40  xxh3-64 of the journal's last 64 KiB u64
//!                                    (the journal this file is the form of)
//!   48  base length u64              56  base mtime ns u64 (the snapshot it is laid over)
//!   64  snapshot entities u32        68  snapshot facts u32
//!   72  entities the journal adds u32   76  facts the journal adds u32
//!   80  section table: 11 × (offset u64, length u64), in the order of [`Section`]
//!   256 page table offset u64        264 page table hash u64 (xxh3-64 of the table)
//!   272 header hash u64 (xxh3-64 of bytes 0..272)
//! then the sections, one after the other; then the page table: one xxh3-64 u64 for each
//! 4 KiB page of the bytes from the header's end to the table (the last may be short).
//! ```
//!
//! Opening a file checks its header and page table (O(pages), a few microseconds for
//! ten megabytes); each page is checked against its sum the first time a row or string
//! on it is read ([`super::Delta`]), as the snapshot's pages are, so a query pays for the
//! pages it reads, not for the whole file.
//!
//! A string is 12 bytes: its offset into the `Strings` section u64 and its length u32.
//! Records (an entity, a fact, a source) are kept whole as JSON, as the journal has them,
//! and decoded only when a query asks for one whole; what searches and listings read of
//! them (a name, an id, a relation, a count, a date) is in the rows.
//!
//! - `GoneFacts`, `GoneNodes`: u32 numbers, sorted: facts and entities hidden (a removal's
//!   or a merge's).
//! - `Entities`: 48 bytes, sorted by number: number u32, kind u8 (its place in
//!   [`Kind::ALL`]), 3 zero, id, name, record (strings), 4 zero. Every entity the journal
//!   added or replaced, a gone one too.
//! - `Ids`: 16 bytes, sorted by id: id (string), number u32. The ids of the journal's
//!   entities that still name them.
//! - `Facts`: 48 bytes, sorted by number: number u32, subject u32, object u32, relation
//!   u8 (its place in [`Relation::ALL`]), has count u8, has date u8, 1 zero, count u64,
//!   date, record (strings).
//! - `Out`, `Into`: 12 bytes, sorted by (entity, fact): entity u32, other end u32, fact
//!   u32: the journal's new facts out of and into each entity.
//! - `Sources`: 24 bytes, in the journal's order: id, record (strings); a source a later
//!   entry removed keeps its place with an empty id.
//! - `SourceIds`: u32 places in `Sources`, sorted by the id there (the non-empty ones).
//! - `GoneSources`: strings, sorted: the ids of sources removed.
//! - `Strings`: the bytes the strings point into.
//!
//! A file whose header or page table does not match its hashes is not read (see
//! [`super::Delta::open`]), nor is one of another version: a write killed while writing
//! it leaves a temporary file, never this one half written, and one cut short has no
//! whole page table. A page changed after is found when a query first reads it: the
//! query's answer is not used (see [`super::Delta::damage`]).

use crate::model::{Entity, Fact, Kind, Relation, Source};
use crate::store::snapshot::Stamp;
use std::collections::{HashMap, HashSet};
use xxhash_rust::xxh3::xxh3_64;

/// The first bytes of every delta file.
pub const MAGIC: &[u8; 8] = b"KG-DELTA";
/// The layout version this kg writes and reads (1 had one hash over the whole body).
pub const VERSION: u32 = 2;
/// The header's length: the sections start here.
pub const HEADER: usize = 280;
/// The length of a checksummed page (the last one may be shorter).
pub const PAGE: usize = 4096;
/// Where the header hash is (it covers the bytes before it).
const HEADER_HASH: usize = 272;
/// Where the page table's offset is.
const PAGES_OFF: usize = 256;
/// Where the page table's hash is.
const PAGES_HASH: usize = 264;
/// Where the section table starts.
const TABLE: usize = 80;

pub const ENTITY_ROW: usize = 48;
pub const ID_ROW: usize = 16;
pub const FACT_ROW: usize = 48;
pub const ADJ_ROW: usize = 12;
pub const SOURCE_ROW: usize = 24;
pub const STR_ROW: usize = 12;

/// The sections, in file order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    GoneFacts,
    GoneNodes,
    Entities,
    Ids,
    Facts,
    Out,
    Into,
    Sources,
    SourceIds,
    GoneSources,
    Strings,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::GoneFacts,
        Section::GoneNodes,
        Section::Entities,
        Section::Ids,
        Section::Facts,
        Section::Out,
        Section::Into,
        Section::Sources,
        Section::SourceIds,
        Section::GoneSources,
        Section::Strings,
    ];

    /// The length of one row (1 for the strings' bytes).
    pub fn row(self) -> usize {
        match self {
            Section::GoneFacts | Section::GoneNodes | Section::SourceIds => 4,
            Section::Entities => ENTITY_ROW,
            Section::Ids => ID_ROW,
            Section::Facts => FACT_ROW,
            Section::Out | Section::Into => ADJ_ROW,
            Section::Sources => SOURCE_ROW,
            Section::GoneSources => STR_ROW,
            Section::Strings => 1,
        }
    }
}

/// The journal file a delta file is the form of: its length, modification time, inode
/// and the hash of its last [`TAIL`] bytes. Every write replaces the journal whole (a
/// new inode, a new time) and an entry ends it, so a delta file of another journal has
/// another stamp; the stamp is read in constant time, however long the journal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JournalStamp {
    pub len: u64,
    pub mtime_ns: u64,
    pub ino: u64,
    pub tail: u64,
}

/// How much of the journal's end the stamp hashes (64 KiB).
pub const TAIL: u64 = 64 << 10;

impl JournalStamp {
    /// The stamp of the journal at `path` as it is now.
    pub fn read(path: &std::path::Path) -> std::io::Result<JournalStamp> {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        let base = crate::store::snapshot::stamp_of(&meta);
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let ino = 0;
        file.seek(SeekFrom::Start(base.len.saturating_sub(TAIL)))?;
        let mut tail = Vec::with_capacity(TAIL as usize);
        file.take(TAIL).read_to_end(&mut tail)?;
        Ok(JournalStamp {
            len: base.len,
            mtime_ns: base.mtime_ns,
            ino,
            tail: xxh3_64(&tail),
        })
    }
}

/// The header's fields besides the section table and hashes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub journal: JournalStamp,
    pub base: Stamp,
    pub nodes: u32,
    pub edges: u32,
    pub new_nodes: u32,
    pub new_edges: u32,
}

/// What an overlay holds, borrowed for writing (see [`super::super::Overlay::to_delta`]).
pub struct Parts<'a> {
    pub head: Head,
    pub gone: Vec<u32>,
    pub gone_nodes: Vec<u32>,
    pub entities: &'a [(u32, Entity)],
    pub ids: &'a HashMap<String, u32>,
    pub facts: &'a [(u32, u32, u32, Fact)],
    pub out: Vec<(u32, u32, u32)>,
    pub into: Vec<(u32, u32, u32)>,
    pub sources: &'a [Source],
    pub source_at: Vec<(&'a str, usize)>,
    pub gone_sources: &'a HashSet<String>,
}

/// Index of `Kind` in [`Kind::ALL`].
fn kind_number(k: Kind) -> u8 {
    crate::store::snapshot::format::kind_number(k)
}

/// The strings being written, and the bytes of a string reference.
#[derive(Default)]
struct Strings(Vec<u8>);

impl Strings {
    fn put(&mut self, s: &[u8], row: &mut Vec<u8>) {
        row.extend_from_slice(&(self.0.len() as u64).to_le_bytes());
        row.extend_from_slice(&(s.len() as u32).to_le_bytes());
        self.0.extend_from_slice(s);
    }
}

fn json<T: serde::Serialize>(x: &T) -> Vec<u8> {
    serde_json::to_vec(x).expect("records serialize")
}

/// The delta file of these parts.
pub fn encode(p: &Parts<'_>) -> Vec<u8> {
    let mut s = Strings::default();
    let mut sections: Vec<Vec<u8>> = vec![Vec::new(); Section::ALL.len()];
    let numbers = |mut v: Vec<u32>| {
        v.sort_unstable();
        v.dedup();
        v.iter().flat_map(|n| n.to_le_bytes()).collect::<Vec<u8>>()
    };
    sections[0] = numbers(p.gone.clone());
    sections[1] = numbers(p.gone_nodes.clone());
    let mut entities: Vec<&(u32, Entity)> = p.entities.iter().collect();
    entities.sort_by_key(|(n, _)| *n);
    let rows = &mut sections[2];
    for (n, e) in entities {
        rows.extend_from_slice(&n.to_le_bytes());
        rows.extend_from_slice(&[kind_number(e.kind), 0, 0, 0]);
        s.put(e.id.as_bytes(), rows);
        s.put(e.name.as_bytes(), rows);
        s.put(&json(e), rows);
        rows.extend_from_slice(&[0; 4]);
    }
    let mut ids: Vec<(&String, &u32)> = p.ids.iter().collect();
    ids.sort();
    let rows = &mut sections[3];
    for (id, n) in ids {
        s.put(id.as_bytes(), rows);
        rows.extend_from_slice(&n.to_le_bytes());
    }
    let mut facts: Vec<&(u32, u32, u32, Fact)> = p.facts.iter().collect();
    facts.sort_by_key(|f| f.0);
    let rows = &mut sections[4];
    for (e, subject, object, f) in facts {
        for x in [e, subject, object] {
            rows.extend_from_slice(&x.to_le_bytes());
        }
        let rel = Relation::ALL
            .iter()
            .position(|&r| r == f.relation)
            .expect("every relation is in ALL") as u8;
        rows.extend_from_slice(&[rel, f.count.is_some() as u8, f.date.is_some() as u8, 0]);
        rows.extend_from_slice(&f.count.unwrap_or(0).to_le_bytes());
        s.put(f.date.as_deref().unwrap_or("").as_bytes(), rows);
        s.put(&json(f), rows);
    }
    for (at, adj) in [(5, &p.out), (6, &p.into)] {
        let mut adj = adj.clone();
        adj.sort_unstable_by_key(|&(n, _, e)| (n, e));
        for (n, to, e) in adj {
            for x in [n, to, e] {
                sections[at].extend_from_slice(&x.to_le_bytes());
            }
        }
    }
    let rows = &mut sections[7];
    for src in p.sources {
        s.put(src.id.as_bytes(), rows);
        s.put(&json(src), rows);
    }
    let mut at = p.source_at.clone();
    at.sort();
    sections[8] = at
        .iter()
        .flat_map(|&(_, i)| (i as u32).to_le_bytes())
        .collect();
    let mut gone: Vec<&String> = p.gone_sources.iter().collect();
    gone.sort();
    let rows = &mut sections[9];
    for id in gone {
        s.put(id.as_bytes(), rows);
    }
    sections[10] = s.0;

    let mut out = vec![0u8; HEADER];
    out[..8].copy_from_slice(MAGIC);
    put32(&mut out, 8, VERSION);
    put32(&mut out, 12, Section::ALL.len() as u32);
    let h = p.head;
    put64(&mut out, 48, h.base.len);
    put64(&mut out, 56, h.base.mtime_ns);
    put32(&mut out, 64, h.nodes);
    put32(&mut out, 68, h.edges);
    put32(&mut out, 72, h.new_nodes);
    put32(&mut out, 76, h.new_edges);
    for (i, sec) in sections.iter().enumerate() {
        let at = out.len() as u64;
        put64(&mut out, TABLE + 16 * i, at);
        put64(&mut out, TABLE + 16 * i + 8, sec.len() as u64);
        out.extend_from_slice(sec);
    }
    seal_pages(&mut out);
    stamp(&mut out, h.journal);
    out
}

/// Appends the page table of everything after the header, and writes its offset and
/// hash into the header (the header's own hash is left to [`stamp`]).
fn seal_pages(out: &mut Vec<u8>) {
    let table = out.len();
    let sums: Vec<u8> = out[HEADER..]
        .chunks(PAGE)
        .flat_map(|page| xxh3_64(page).to_le_bytes())
        .collect();
    out.extend_from_slice(&sums);
    put64(out, PAGES_OFF, table as u64);
    put64(out, PAGES_HASH, xxh3_64(&sums));
}

/// Writes the journal's stamp into a delta file's header (the write knows it once the
/// journal is written), and seals the header with its hash.
pub fn stamp(bytes: &mut [u8], journal: JournalStamp) {
    if bytes.len() < HEADER {
        return;
    }
    put64(bytes, 16, journal.len);
    put64(bytes, 24, journal.mtime_ns);
    put64(bytes, 32, journal.ino);
    put64(bytes, 40, journal.tail);
    seal_header(bytes);
}

fn seal_header(bytes: &mut [u8]) {
    let h = xxh3_64(&bytes[..HEADER_HASH]);
    put64(bytes, HEADER_HASH, h);
}

/// Makes `bytes` a file whose hashes match what it holds: everything after the header is
/// taken as its sections' bytes and a page table of them appended (for fuzzing the reader
/// behind its checks; kg itself never seals a file it did not write).
pub fn seal(bytes: &mut Vec<u8>) {
    if bytes.len() < HEADER {
        return;
    }
    seal_pages(bytes);
    seal_header(bytes);
}

/// Why a file's header or hashes say it is not a delta file kg can read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("it is not a delta file")]
    NotDelta,
    #[error("it is of version {0} (this kg reads {VERSION})")]
    Version(u32),
    #[error("its header does not match its hash")]
    Header,
    #[error("its page table is not where its header says, or is cut short")]
    Pages,
    #[error("its page table does not match its hash")]
    PagesHash,
    #[error("its page {0} does not match its checksum")]
    Page(usize),
    #[error("section {0} is out of the file or of a wrong length")]
    Section(usize),
}

/// Where a file's sections and page table are, as [`read_head`] found them checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Each section's byte range in the file.
    pub sections: [(usize, usize); 11],
    /// Where the page table starts (the sections end before it).
    pub pages_off: usize,
}

impl Layout {
    /// How many pages the file has.
    pub fn pages(&self) -> usize {
        (self.pages_off - HEADER).div_ceil(PAGE)
    }

    /// The byte range of page `p` (which the file has).
    pub fn page(&self, p: usize) -> std::ops::Range<usize> {
        let start = HEADER + p * PAGE;
        start..(start + PAGE).min(self.pages_off)
    }

    /// The pages bytes `from..to` (`from < to`, both after the header) lie on.
    pub fn pages_of(&self, from: usize, to: usize) -> std::ops::RangeInclusive<usize> {
        (from - HEADER) / PAGE..=(to - 1 - HEADER) / PAGE
    }
}

/// True when page `p` of `bytes` (a file of this layout) matches its checksum.
pub fn page_ok(bytes: &[u8], layout: &Layout, p: usize) -> bool {
    let sum_at = layout.pages_off + 8 * p;
    xxh3_64(&bytes[layout.page(p)]) == get64(bytes, sum_at)
}

/// The header of `bytes`, with where its sections and page table are, once the header's
/// and the page table's hashes are checked (not the pages': see [`page_ok`]).
///
/// # Complexity
/// O(pages): the page table is hashed.
pub fn read_head(bytes: &[u8]) -> Result<(Head, Layout), FormatError> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(FormatError::NotDelta);
    }
    let version = get32(bytes, 8);
    if version != VERSION || get32(bytes, 12) != Section::ALL.len() as u32 {
        return Err(FormatError::Version(version));
    }
    if xxh3_64(&bytes[..HEADER_HASH]) != get64(bytes, HEADER_HASH) {
        return Err(FormatError::Header);
    }
    let pages_off = get64(bytes, PAGES_OFF);
    let len = bytes.len() as u64;
    if pages_off < HEADER as u64 || pages_off > len {
        return Err(FormatError::Pages);
    }
    let pages = (pages_off - HEADER as u64).div_ceil(PAGE as u64);
    if len - pages_off != pages * 8 {
        return Err(FormatError::Pages);
    }
    let pages_off = pages_off as usize;
    if xxh3_64(&bytes[pages_off..]) != get64(bytes, PAGES_HASH) {
        return Err(FormatError::PagesHash);
    }
    let mut ranges = [(0, 0); 11];
    for (i, sec) in Section::ALL.iter().enumerate() {
        let off = get64(bytes, TABLE + 16 * i);
        let len = get64(bytes, TABLE + 16 * i + 8);
        let end = off.checked_add(len).ok_or(FormatError::Section(i))?;
        if off < HEADER as u64 || end > pages_off as u64 || !len.is_multiple_of(sec.row() as u64) {
            return Err(FormatError::Section(i));
        }
        ranges[i] = (off as usize, end as usize);
    }
    let head = Head {
        journal: JournalStamp {
            len: get64(bytes, 16),
            mtime_ns: get64(bytes, 24),
            ino: get64(bytes, 32),
            tail: get64(bytes, 40),
        },
        base: Stamp {
            len: get64(bytes, 48),
            mtime_ns: get64(bytes, 56),
        },
        nodes: get32(bytes, 64),
        edges: get32(bytes, 68),
        new_nodes: get32(bytes, 72),
        new_edges: get32(bytes, 76),
    };
    let layout = Layout {
        sections: ranges,
        pages_off,
    };
    Ok((head, layout))
}

fn put32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

fn put64(b: &mut [u8], at: usize, v: u64) {
    b[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

/// The u32 at `at` of `b` (which holds it).
pub fn get32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"))
}

/// The u64 at `at` of `b` (which holds it).
pub fn get64(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A file whose only rows are the hidden facts `gone` (3,000 of them make three pages).
    pub(in crate::kb::delta) fn with_gone(gone: Vec<u32>) -> Vec<u8> {
        let (ids, sources) = (HashMap::new(), HashSet::new());
        encode(&Parts {
            head: Head {
                nodes: 3,
                edges: 4,
                ..Head::default()
            },
            gone,
            gone_nodes: Vec::new(),
            entities: &[],
            ids: &ids,
            facts: &[],
            out: Vec::new(),
            into: Vec::new(),
            sources: &[],
            source_at: Vec::new(),
            gone_sources: &sources,
        })
    }

    fn empty() -> Vec<u8> {
        with_gone(vec![2, 1, 2])
    }

    #[test]
    fn a_written_file_reads_back() {
        let bytes = empty();
        let (head, layout) = read_head(&bytes).unwrap();
        assert_eq!((head.nodes, head.edges), (3, 4));
        let (start, end) = layout.sections[0];
        assert_eq!(&bytes[start..end], &[1, 0, 0, 0, 2, 0, 0, 0]);
        assert_eq!(layout.pages(), 1);
        assert!(page_ok(&bytes, &layout, 0));
    }

    /// A changed byte of the header or the page table is refused on opening; one of a
    /// page is found by that page's checksum, and only by it; a cut file is refused.
    #[test]
    fn any_changed_byte_is_refused_on_opening_or_by_its_page() {
        let bytes = with_gone((0..3000).collect());
        let (_, layout) = read_head(&bytes).unwrap();
        assert_eq!(layout.pages(), 3);
        assert!((0..3).all(|p| page_ok(&bytes, &layout, p)));
        for at in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            if !(HEADER..layout.pages_off).contains(&at) {
                assert!(read_head(&bad).is_err(), "byte {at} changed, still read");
                continue;
            }
            assert_eq!(read_head(&bad), Ok(read_head(&bytes).unwrap()), "byte {at}");
            let hit = (at - HEADER) / PAGE;
            for p in 0..3 {
                assert_eq!(page_ok(&bad, &layout, p), p != hit, "byte {at}, page {p}");
            }
        }
        for len in 0..bytes.len() {
            assert!(
                read_head(&bytes[..len]).is_err(),
                "cut at {len}, still read"
            );
        }
    }

    #[test]
    fn a_file_of_the_first_version_is_refused_as_another_version() {
        let mut bytes = empty();
        put32(&mut bytes, 8, 1);
        seal_header(&mut bytes);
        assert_eq!(read_head(&bytes), Err(FormatError::Version(1)));
    }

    #[test]
    fn a_page_table_not_at_the_end_is_refused() {
        let mut bytes = with_gone((0..3000).collect());
        let table = get64(&bytes, PAGES_OFF);
        for off in [0, HEADER as u64, table - 8, table + 8, u64::MAX] {
            put64(&mut bytes, PAGES_OFF, off);
            seal_header(&mut bytes);
            assert_eq!(read_head(&bytes).err(), Some(FormatError::Pages), "{off}");
        }
    }

    #[test]
    fn sealed_bytes_read_as_a_file() {
        let mut bytes = empty();
        let (_, layout) = read_head(&bytes).unwrap();
        bytes.truncate(layout.pages_off);
        bytes[HEADER] = 9;
        seal(&mut bytes);
        let (_, layout) = read_head(&bytes).unwrap();
        assert_eq!(layout.pages_off, HEADER + 8);
        assert!(page_ok(&bytes, &layout, 0));
        assert_eq!(bytes[HEADER], 9);
    }

    #[test]
    fn the_journal_stamp_is_written_into_a_sealed_header() {
        let mut bytes = empty();
        let j = JournalStamp {
            len: 7,
            mtime_ns: 8,
            ino: 9,
            tail: 10,
        };
        stamp(&mut bytes, j);
        assert_eq!(read_head(&bytes).unwrap().0.journal, j);
    }
}
