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
//! Records (all offsets into the `Strings` section; each record type below is a struct
//! with its field offsets named and an encode/decode pair, [`Record`]):
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
const _: () = assert!(Relation::COUNT <= 1 << RELATION_BITS);
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
    /// The size of a section table entry: offset u64, then length u64.
    pub const SECTION_ENTRY: usize = 16;
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
const _: () = assert!(at::SECTIONS + at::SECTION_ENTRY * Section::ALL.len() <= at::SCHEMA);

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
    r.index() as u32
}

/// A string in the `Strings` section: where it starts and its length in bytes. The empty
/// string is `(0, 0)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Str {
    pub off: u64,
    pub len: u32,
}

impl Str {
    pub fn new((off, len): (u64, u32)) -> Str {
        Str { off, len }
    }
}

/// A record type of a section: its size, and its bytes from and to its fields.
pub trait Record: Sized {
    /// The size of one record in bytes.
    const LEN: usize;
    /// The record's bytes.
    fn encode(&self, out: &mut Vec<u8>);
    /// The record read from the first [`Record::LEN`] bytes of `b` (which must hold them).
    fn decode(b: &[u8]) -> Self;
}

/// Writes `bytes` at `at` of `out`.
pub(super) fn put(out: &mut [u8], at: usize, bytes: &[u8]) {
    out[at..at + bytes.len()].copy_from_slice(bytes)
}

/// A record of the `Entities` section (40 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EntityRecord {
    pub id: Str,
    pub name: Str,
    /// A JSON object of the aliases and unknown fields, or empty.
    pub rest: Str,
    /// The kind's place in [`Kind::ALL`].
    pub kind: u8,
}

impl EntityRecord {
    pub const ID_OFF: usize = 0;
    pub const ID_LEN: usize = 8;
    pub const NAME_LEN: usize = 12;
    pub const NAME_OFF: usize = 16;
    pub const REST_OFF: usize = 24;
    pub const REST_LEN: usize = 32;
    pub const KIND: usize = 36;

    /// The name alone, from a record's bytes.
    pub fn name_of(b: &[u8]) -> Str {
        Str {
            off: u64_le(b, Self::NAME_OFF),
            len: u32_le(b, Self::NAME_LEN),
        }
    }
}

impl Record for EntityRecord {
    const LEN: usize = 40;

    fn encode(&self, out: &mut Vec<u8>) {
        let mut b = [0u8; Self::LEN];
        put(&mut b, Self::ID_OFF, &self.id.off.to_le_bytes());
        put(&mut b, Self::ID_LEN, &self.id.len.to_le_bytes());
        put(&mut b, Self::NAME_LEN, &self.name.len.to_le_bytes());
        put(&mut b, Self::NAME_OFF, &self.name.off.to_le_bytes());
        put(&mut b, Self::REST_OFF, &self.rest.off.to_le_bytes());
        put(&mut b, Self::REST_LEN, &self.rest.len.to_le_bytes());
        b[Self::KIND] = self.kind;
        out.extend_from_slice(&b);
    }

    fn decode(b: &[u8]) -> Self {
        EntityRecord {
            id: Str {
                off: u64_le(b, Self::ID_OFF),
                len: u32_le(b, Self::ID_LEN),
            },
            name: Self::name_of(b),
            rest: Str {
                off: u64_le(b, Self::REST_OFF),
                len: u32_le(b, Self::REST_LEN),
            },
            kind: b[Self::KIND],
        }
    }
}

/// A record of the `Facts` section (72 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FactRecord {
    pub subject: u32,
    pub object: u32,
    /// The relation's place in [`Relation::ALL`].
    pub relation: u8,
    /// [`HAS_COUNT`], [`HAS_SPAN`], [`HAS_EVIDENCE`].
    pub flags: u8,
    /// Symbol numbers, [`NONE`] for none.
    pub date: u32,
    pub source: u32,
    pub rule: u32,
    /// 0 when there is none (see `flags`).
    pub count: u64,
    pub span: [u64; 2],
    pub evidence: Str,
    /// A JSON object of the unknown fields, or empty.
    pub rest: Str,
}

impl FactRecord {
    pub const SUBJECT: usize = 0;
    pub const OBJECT: usize = 4;
    pub const RELATION: usize = 8;
    pub const FLAGS: usize = 9;
    pub const DATE: usize = 12;
    pub const SOURCE: usize = 16;
    pub const RULE: usize = 20;
    pub const COUNT: usize = 24;
    pub const SPAN_START: usize = 32;
    pub const SPAN_END: usize = 40;
    pub const EVIDENCE_OFF: usize = 48;
    pub const EVIDENCE_LEN: usize = 56;
    pub const REST_LEN: usize = 60;
    pub const REST_OFF: usize = 64;

    /// The subject and the object alone, from the record's first 8 bytes.
    pub fn endpoints_of(b: &[u8]) -> (u32, u32) {
        (u32_le(b, Self::SUBJECT), u32_le(b, Self::OBJECT))
    }
}

impl Record for FactRecord {
    const LEN: usize = 72;

    fn encode(&self, out: &mut Vec<u8>) {
        let mut b = [0u8; Self::LEN];
        put(&mut b, Self::SUBJECT, &self.subject.to_le_bytes());
        put(&mut b, Self::OBJECT, &self.object.to_le_bytes());
        b[Self::RELATION] = self.relation;
        b[Self::FLAGS] = self.flags;
        put(&mut b, Self::DATE, &self.date.to_le_bytes());
        put(&mut b, Self::SOURCE, &self.source.to_le_bytes());
        put(&mut b, Self::RULE, &self.rule.to_le_bytes());
        put(&mut b, Self::COUNT, &self.count.to_le_bytes());
        put(&mut b, Self::SPAN_START, &self.span[0].to_le_bytes());
        put(&mut b, Self::SPAN_END, &self.span[1].to_le_bytes());
        put(&mut b, Self::EVIDENCE_OFF, &self.evidence.off.to_le_bytes());
        put(&mut b, Self::EVIDENCE_LEN, &self.evidence.len.to_le_bytes());
        put(&mut b, Self::REST_LEN, &self.rest.len.to_le_bytes());
        put(&mut b, Self::REST_OFF, &self.rest.off.to_le_bytes());
        out.extend_from_slice(&b);
    }

    fn decode(b: &[u8]) -> Self {
        let (subject, object) = Self::endpoints_of(b);
        FactRecord {
            subject,
            object,
            relation: b[Self::RELATION],
            flags: b[Self::FLAGS],
            date: u32_le(b, Self::DATE),
            source: u32_le(b, Self::SOURCE),
            rule: u32_le(b, Self::RULE),
            count: u64_le(b, Self::COUNT),
            span: [u64_le(b, Self::SPAN_START), u64_le(b, Self::SPAN_END)],
            evidence: Str {
                off: u64_le(b, Self::EVIDENCE_OFF),
                len: u32_le(b, Self::EVIDENCE_LEN),
            },
            rest: Str {
                off: u64_le(b, Self::REST_OFF),
                len: u32_le(b, Self::REST_LEN),
            },
        }
    }
}

/// A record of the `Symbols` section (12 bytes): the symbol's string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SymbolRecord(pub Str);

impl SymbolRecord {
    pub const OFF: usize = 0;
    pub const LEN_AT: usize = 8;
}

impl Record for SymbolRecord {
    const LEN: usize = 12;

    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.off.to_le_bytes());
        out.extend_from_slice(&self.0.len.to_le_bytes());
    }

    fn decode(b: &[u8]) -> Self {
        SymbolRecord(Str {
            off: u64_le(b, Self::OFF),
            len: u32_le(b, Self::LEN_AT),
        })
    }
}

/// A record of the `Sources` section (24 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SourceRecord {
    pub id: Str,
    /// The whole source as JSON.
    pub json: Str,
}

impl SourceRecord {
    pub const ID_OFF: usize = 0;
    pub const ID_LEN: usize = 8;
    pub const JSON_LEN: usize = 12;
    pub const JSON_OFF: usize = 16;
}

impl Record for SourceRecord {
    const LEN: usize = 24;

    fn encode(&self, out: &mut Vec<u8>) {
        let mut b = [0u8; Self::LEN];
        put(&mut b, Self::ID_OFF, &self.id.off.to_le_bytes());
        put(&mut b, Self::ID_LEN, &self.id.len.to_le_bytes());
        put(&mut b, Self::JSON_LEN, &self.json.len.to_le_bytes());
        put(&mut b, Self::JSON_OFF, &self.json.off.to_le_bytes());
        out.extend_from_slice(&b);
    }

    fn decode(b: &[u8]) -> Self {
        SourceRecord {
            id: Str {
                off: u64_le(b, Self::ID_OFF),
                len: u32_le(b, Self::ID_LEN),
            },
            json: Str {
                off: u64_le(b, Self::JSON_OFF),
                len: u32_le(b, Self::JSON_LEN),
            },
        }
    }
}

/// An entry of `OutAdjacency` or `InAdjacency` (8 bytes): the entity at the other end,
/// and the fact with its relation, packed as fact number << [`RELATION_BITS`] | relation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AdjacencyRecord {
    pub other: u32,
    pub fact: u32,
    /// The relation's place in [`Relation::ALL`].
    pub relation: u32,
}

impl AdjacencyRecord {
    pub const OTHER: usize = 0;
    pub const TAG: usize = 4;

    /// The record's bytes, written in place (the lists are filled out of order).
    pub fn encode_into(&self, b: &mut [u8]) {
        put(b, Self::OTHER, &self.other.to_le_bytes());
        put(
            b,
            Self::TAG,
            &(self.fact << RELATION_BITS | self.relation).to_le_bytes(),
        );
    }
}

impl Record for AdjacencyRecord {
    const LEN: usize = 8;

    fn encode(&self, out: &mut Vec<u8>) {
        let mut b = [0u8; Self::LEN];
        self.encode_into(&mut b);
        out.extend_from_slice(&b);
    }

    fn decode(b: &[u8]) -> Self {
        let tag = u32_le(b, Self::TAG);
        AdjacencyRecord {
            other: u32_le(b, Self::OTHER),
            fact: tag >> RELATION_BITS,
            relation: tag & RELATION_MASK,
        }
    }
}

/// An entry of the `Names` or `Prefixes` index (16 bytes): a key (a lookup-keyed name,
/// or the suffix of one a word starts) and its entity (in `Names`, with [`CANONICAL`] set
/// for the canonical name).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexRecord {
    pub key: Str,
    pub entity: u32,
}

impl IndexRecord {
    pub const KEY_OFF: usize = 0;
    pub const KEY_LEN: usize = 8;
    pub const ENTITY: usize = 12;
}

impl Record for IndexRecord {
    const LEN: usize = 16;

    fn encode(&self, out: &mut Vec<u8>) {
        let mut b = [0u8; Self::LEN];
        put(&mut b, Self::KEY_OFF, &self.key.off.to_le_bytes());
        put(&mut b, Self::KEY_LEN, &self.key.len.to_le_bytes());
        put(&mut b, Self::ENTITY, &self.entity.to_le_bytes());
        out.extend_from_slice(&b);
    }

    fn decode(b: &[u8]) -> Self {
        IndexRecord {
            key: Str {
                off: u64_le(b, Self::KEY_OFF),
                len: u32_le(b, Self::KEY_LEN),
            },
            entity: u32_le(b, Self::ENTITY),
        }
    }
}

/// A record of the `Attributes` section (12 bytes): what a listing prints of a fact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AttributeRecord {
    /// A symbol number, [`NONE`] for none.
    pub date: u32,
    /// The count, [`NO_COUNT`] for none, [`BIG_COUNT`] when the fact record holds it.
    pub count: u32,
    /// The relation's place in [`Relation::ALL`].
    pub relation: u8,
}

impl AttributeRecord {
    pub const DATE: usize = 0;
    pub const COUNT: usize = 4;
    pub const RELATION: usize = 8;
}

impl Record for AttributeRecord {
    const LEN: usize = 12;

    fn encode(&self, out: &mut Vec<u8>) {
        let mut b = [0u8; Self::LEN];
        put(&mut b, Self::DATE, &self.date.to_le_bytes());
        put(&mut b, Self::COUNT, &self.count.to_le_bytes());
        b[Self::RELATION] = self.relation;
        out.extend_from_slice(&b);
    }

    fn decode(b: &[u8]) -> Self {
        AttributeRecord {
            date: u32_le(b, Self::DATE),
            count: u32_le(b, Self::COUNT),
            relation: b[Self::RELATION],
        }
    }
}

// The section record sizes are the records' own.
const _: () = assert!(ENTITY_LEN == EntityRecord::LEN as u64);
const _: () = assert!(FACT_LEN == FactRecord::LEN as u64);
const _: () = assert!(SYMBOL_LEN == SymbolRecord::LEN as u64);
const _: () = assert!(SOURCE_LEN == SourceRecord::LEN as u64);
const _: () = assert!(ADJ_LEN == AdjacencyRecord::LEN as u64);
const _: () = assert!(INDEX_LEN == IndexRecord::LEN as u64);
const _: () = assert!(ATTR_LEN == AttributeRecord::LEN as u64);

/// Reads a little-endian u32 at `at` (the slice must hold it).
pub fn u32_le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

/// Reads a little-endian u64 at `at` (the slice must hold it).
pub fn u64_le(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes a record, checks its size, and decodes it back.
    fn round_trip<R: Record + PartialEq + std::fmt::Debug>(r: R) -> Vec<u8> {
        let mut b = Vec::new();
        r.encode(&mut b);
        assert_eq!(b.len(), R::LEN);
        assert_eq!(R::decode(&b), r);
        b
    }

    fn s(off: u64, len: u32) -> Str {
        Str { off, len }
    }

    #[test]
    fn records_round_trip_at_their_documented_offsets() {
        let b = round_trip(EntityRecord {
            id: s(1, 2),
            name: s(3, 4),
            rest: s(5, 6),
            kind: 7,
        });
        assert_eq!((u64_le(&b, 16), u32_le(&b, 12), b[36]), (3, 4, 7));
        assert_eq!(&b[37..], &[0, 0, 0]);
        let b = round_trip(FactRecord {
            subject: 1,
            object: 2,
            relation: 3,
            flags: HAS_COUNT | HAS_EVIDENCE,
            date: 4,
            source: NONE,
            rule: 5,
            count: 6,
            span: [7, 8],
            evidence: s(9, 10),
            rest: s(11, 12),
        });
        assert_eq!((b[8], b[9], &b[10..12]), (3, 5, &[0u8, 0][..]));
        assert_eq!((u64_le(&b, 64), u32_le(&b, 60)), (11, 12));
        round_trip(SymbolRecord(s(1, 2)));
        let b = round_trip(SourceRecord {
            id: s(1, 2),
            json: s(3, 4),
        });
        assert_eq!((u64_le(&b, 16), u32_le(&b, 12)), (3, 4));
        let b = round_trip(AdjacencyRecord {
            other: 9,
            fact: 1000,
            relation: 3,
        });
        assert_eq!(u32_le(&b, 4), 1000 << RELATION_BITS | 3);
        round_trip(IndexRecord {
            key: s(1, 2),
            entity: CANONICAL | 3,
        });
        let b = round_trip(AttributeRecord {
            date: 1,
            count: NO_COUNT,
            relation: 2,
        });
        assert_eq!(&b[9..], &[0, 0, 0]);
    }
}
