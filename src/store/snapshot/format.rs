//! The snapshot file layout (version 3): fixed-size little-endian records in sections,
//! a header that locates them, and a checksum for every 4 KiB page.
//!
//! ```text
//! offset 0    header (512 bytes)
//!   0   magic "KG-SNAP\0"          8   version u32         12  page size u32 (4096)
//!   16  JSON file length u64       24  JSON file mtime, ns since the epoch, u64
//!   32  entities u64   40 facts u64   48 sources u64   56 symbols u64
//!   64  name entries u64           72  prefix entries u64
//!   80  section table: 15 × (offset u64, length u64), in the order of [`Section`]
//!   320 schema u64 (hash of the kind and relation names, in order)
//!   488 page table offset u64      496 page table hash u64   504 header hash u64
//! the rest of page 0 is zero; the sections start at 4096, each 8-aligned; then the page
//! table: one xxh3-64 per 4 KiB page from 4096 to the table (the last page may be short).
//! The header hash covers the header (page table hash included). The file ends with the
//! page table.
//! ```
//!
//! Records (all offsets into the `Strings` section):
//! - `Entities`: 40 bytes: id (off u64, len u32), name len u32, name off u64, rest (off
//!   u64, len u32: JSON object of aliases and unknown fields, or empty), kind u8, 3 zero.
//! - `Kinds`: one byte per entity, the kind's place in [`Kind::ALL`].
//! - `Facts`: 72 bytes: subject u32, object u32, relation u8, flags u8 (1 count, 2 span,
//!   4 evidence), 2 zero, date, source and rule as symbol numbers u32 (`u32::MAX` for
//!   none), count u64, span start u64, span end u64, evidence (off u64, len u32), rest len
//!   u32, rest off u64 (JSON object of unknown fields, or empty).
//! - `Symbols`: 12 bytes: a string (off u64, len u32); dates, source ids and rule names
//!   are interned here.
//! - `Sources`: 24 bytes: id (off u64, len u32), JSON len u32, JSON off u64.
//! - `OutOffsets`/`InOffsets`: entities + 1 u32: where each entity's list starts in
//!   `OutAdjacency`/`InAdjacency` (compressed sparse rows).
//! - `OutAdjacency`/`InAdjacency`: 8 bytes per fact: the entity at the other end u32, and
//!   fact number << RELATION_BITS (4) | relation u32; each entity's list in fact order.
//! - `Names`: 16 bytes per name or alias: normalized name (off u64, len u32), entity u32
//!   with bit 31 set when it is the canonical name; sorted by name, then entity.
//! - `Prefixes`: 16 bytes per place a word prefix may start in a normalized name (only
//!   the start of a claim): that suffix (off u64, len u32), entity u32; sorted by suffix.
//! - `Ids`: one u32 entity number per entity, sorted by entity id.
//! - `Attributes`: 12 bytes per fact, what a listing prints of it: date symbol u32,
//!   count u32 (`u32::MAX` none, `u32::MAX - 1` too large: read the fact record),
//!   relation u8, 3 zero. A long listing touches these pages, not the fact records'.
//! - `Meta`: what `kg add` needs to know of the base without reading it: a JSON object,
//!   `{"kb": {"version": N, "decisions": "..."}}` for a knowledge base, `{}` for a plain
//!   graph file (see [`crate::store::snapshot::Meta`]).
//!
//! Entities and facts are numbered in graph-file order, so a part of the snapshot decodes
//! into a graph that orders its nodes and edges as the whole file would.

use crate::model::{Kind, Relation};

/// The first bytes of every snapshot.
pub const MAGIC: &[u8; 8] = b"KG-SNAP\0";
/// The layout version this kg writes and reads.
pub const VERSION: u32 = 3;
/// The size of a checksummed page.
pub const PAGE: u64 = 4096;
/// The bits of an adjacency entry's tag that hold the fact's relation (its number in
/// [`Relation::ALL`]); the fact's number is the rest.
pub const RELATION_BITS: u32 = 4;
/// The mask of [`RELATION_BITS`].
pub const RELATION_MASK: u32 = (1 << RELATION_BITS) - 1;
/// The most facts a snapshot holds (fact numbers share a u32 with the relation).
pub const MAX_FACTS: u64 = 1 << (32 - RELATION_BITS);

// Every relation fits the tag's relation bits, and every kind the byte kinds are stored
// in: a new relation or kind past these breaks the build, not the snapshots.
const _: () = assert!(Relation::ALL.len() <= 1 << RELATION_BITS);
const _: () = assert!(Kind::ALL.len() <= 1 << 8);

pub const ENTITY_LEN: u64 = 40;
pub const FACT_LEN: u64 = 72;
pub const SYMBOL_LEN: u64 = 12;
pub const SOURCE_LEN: u64 = 24;
pub const ADJ_LEN: u64 = 8;
pub const INDEX_LEN: u64 = 16;
pub const ATTR_LEN: u64 = 12;
/// An attribute count that is absent, and one too large for the attributes section.
pub const NO_COUNT: u32 = u32::MAX;
pub const BIG_COUNT: u32 = u32::MAX - 1;

/// No symbol.
pub const NONE: u32 = u32::MAX;
/// Bit 31 of a name entry's entity: the canonical name.
pub const CANONICAL: u32 = 1 << 31;

pub const HAS_COUNT: u8 = 1;
pub const HAS_SPAN: u8 = 2;
pub const HAS_EVIDENCE: u8 = 4;

/// Header field offsets.
pub mod at {
    pub const VERSION: usize = 8;
    pub const PAGE: usize = 12;
    pub const JSON_LEN: usize = 16;
    pub const JSON_MTIME: usize = 24;
    pub const ENTITIES: usize = 32;
    pub const FACTS: usize = 40;
    pub const SOURCES: usize = 48;
    pub const SYMBOLS: usize = 56;
    pub const NAMES: usize = 64;
    pub const PREFIXES: usize = 72;
    pub const SECTIONS: usize = 80;
    pub const SCHEMA: usize = 320;
    pub const PAGES_OFF: usize = 488;
    pub const PAGES_HASH: usize = 496;
    pub const HEADER_HASH: usize = 504;
}

/// The sections, in header order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Strings,
    Entities,
    Kinds,
    Facts,
    Symbols,
    Sources,
    OutOffsets,
    OutAdjacency,
    InOffsets,
    InAdjacency,
    Names,
    Prefixes,
    Ids,
    Attributes,
    Meta,
}

impl Section {
    pub const ALL: [Section; 15] = [
        Section::Strings,
        Section::Entities,
        Section::Kinds,
        Section::Facts,
        Section::Symbols,
        Section::Sources,
        Section::OutOffsets,
        Section::OutAdjacency,
        Section::InOffsets,
        Section::InAdjacency,
        Section::Names,
        Section::Prefixes,
        Section::Ids,
        Section::Attributes,
        Section::Meta,
    ];
}

// The section table ends where the schema field begins.
const _: () = assert!(at::SECTIONS + 16 * Section::ALL.len() <= at::SCHEMA);

/// A hash of the kind and relation names in their order: a kg whose lists differ reads
/// kind and relation numbers differently, so it rebuilds the snapshot.
pub fn schema() -> u64 {
    let mut names = String::new();
    for k in Kind::ALL {
        names.push_str(k.as_str());
        names.push(',');
    }
    for r in Relation::ALL {
        names.push_str(r.as_str());
        names.push(',');
    }
    xxhash_rust::xxh3::xxh3_64(names.as_bytes())
}

/// The number of a kind in [`Kind::ALL`].
pub fn kind_number(k: Kind) -> u8 {
    Kind::ALL
        .iter()
        .position(|&x| x == k)
        .expect("every kind is in ALL") as u8
}

/// The number of a relation in [`Relation::ALL`].
pub fn relation_number(r: Relation) -> u32 {
    Relation::ALL
        .iter()
        .position(|&x| x == r)
        .expect("every relation is in ALL") as u32
}

/// Reads a little-endian u32 at `at` (the slice must hold it).
pub fn u32_le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

/// Reads a little-endian u64 at `at` (the slice must hold it).
pub fn u64_le(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}
