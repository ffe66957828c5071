//! Writing a snapshot: a [`KnowledgeGraph`] laid out as [`super::format`] describes.

use super::format::*;
use super::sections::{
    EntitySections, Strings, Symbols, adjacency_sections, push_fact, source_section,
};
use crate::model::KnowledgeGraph;
use std::fmt;
use std::io::{self, Write};
use xxhash_rust::xxh3::xxh3_64;

/// Why a graph cannot become a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    pub facts: usize,
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{} facts is more than a snapshot holds ({MAX_FACTS})",
            self.facts
        )
    }
}

/// The JSON file a snapshot stands for, as the snapshot records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    pub len: u64,
    pub mtime_ns: u64,
}

/// The snapshot of `graph`, standing for a JSON file with this `stamp`.
///
/// Section by section: entities with their names and ids ([`entity_sections`]), facts
/// ([`fact_sections`]), sources, then the symbols and strings those interned, the
/// adjacency lists and the meta; then the header and the page table ([`lay_out`]). Each
/// record is written by [`super::sections`], which [`super::stream::Stream`] shares.
///
/// # Complexity
/// O(V + E + N log N) time for N names and word starts; the result is about the size of
/// the JSON file.
pub fn build(mut graph: KnowledgeGraph, stamp: Stamp) -> Result<Built, TooLarge> {
    let (v, e) = (graph.entity_count(), graph.fact_count());
    if e as u64 >= MAX_FACTS || v as u64 >= u64::from(CANONICAL) {
        return Err(TooLarge { facts: e });
    }
    // Only walked from here: its id index is memory the build's peak would carry.
    graph.forget_ids();
    let mut sections: Vec<Vec<u8>> = vec![Vec::new(); Section::ALL.len()];
    let mut counts = Counts {
        entities: v,
        facts: e,
        sources: graph.sources().len(),
        ..Counts::default()
    };
    {
        // Interned: an id and a name per entity, at most one evidence per fact, the
        // source ids, and symbols (few).
        let mut strings = Strings::with_capacity(2 * v + e + graph.sources().len());
        let mut symbols = Symbols::default();
        (counts.names, counts.prefixes) = entity_sections(&graph, &mut strings, &mut sections);
        fact_sections(&graph, &mut strings, &mut symbols, &mut sections);
        sections[Section::Sources as usize] = source_section(&mut strings, graph.sources().iter());
        counts.symbols = symbols.len();
        sections[Section::Symbols as usize] = std::mem::take(&mut symbols.table);
        sections[Section::Strings as usize] = std::mem::take(&mut strings.bytes);
    }
    // Both adjacency lists, from the fact records, once the string table is gone (a
    // lower peak).
    adjacency_sections(v, &mut sections);
    sections[Section::Meta as usize] = super::Meta::of(graph.extra()).to_bytes();
    // Everything is in the sections now: the graph can go before they are written.
    drop(graph);
    Ok(lay_out(sections, stamp, &counts))
}

/// The counts the header records.
#[derive(Default)]
pub(super) struct Counts {
    pub(super) entities: usize,
    pub(super) facts: usize,
    pub(super) sources: usize,
    pub(super) symbols: usize,
    pub(super) names: usize,
    pub(super) prefixes: usize,
}

/// The `Entities`, `Kinds`, `Names`, `Prefixes` and `Ids` sections; the number of names
/// and of prefixes.
fn entity_sections(
    graph: &KnowledgeGraph,
    strings: &mut Strings,
    sections: &mut [Vec<u8>],
) -> (usize, usize) {
    let mut ents = EntitySections::with_capacity(graph.entity_count());
    for n in graph.nodes() {
        ents.push(strings, graph.entity(n));
    }
    let counts = ents.index(strings, sections);
    let ids = ents.id_order(strings);
    sections[Section::Ids as usize] = ids.into_iter().flat_map(u32::to_le_bytes).collect();
    sections[Section::Entities as usize] = ents.entities;
    sections[Section::Kinds as usize] = ents.kinds;
    counts
}

/// The `Facts` and `Attributes` sections.
fn fact_sections(
    graph: &KnowledgeGraph,
    strings: &mut Strings,
    symbols: &mut Symbols,
    sections: &mut [Vec<u8>],
) {
    let e = graph.fact_count();
    let mut facts = Vec::with_capacity(e * FACT_LEN as usize);
    let mut attrs = Vec::with_capacity(e * ATTR_LEN as usize);
    for edge in graph.edges() {
        let (s, o) = graph.endpoints(edge);
        let ends = (s.index() as u32, o.index() as u32);
        push_fact(
            strings,
            symbols,
            ends,
            graph.fact(edge),
            &mut facts,
            &mut attrs,
        );
    }
    sections[Section::Facts as usize] = facts;
    sections[Section::Attributes as usize] = attrs;
}

/// The header and the page table of these sections: sections 8-aligned from the first
/// page on, one checksum per page after the header, the header's own hash last.
pub(super) fn lay_out(sections: Vec<Vec<u8>>, stamp: Stamp, counts: &Counts) -> Built {
    let mut header = vec![0u8; PAGE as usize];
    let mut hasher = PageSums::default();
    let mut at_byte = PAGE;
    for (i, s) in sections.iter().enumerate() {
        let pad = at_byte.next_multiple_of(8) - at_byte;
        hasher.feed(&ZEROS[..pad as usize]);
        at_byte += pad;
        put(
            &mut header,
            at::SECTIONS + at::SECTION_ENTRY * i,
            &at_byte.to_le_bytes(),
        );
        put(
            &mut header,
            at::SECTIONS + at::SECTION_ENTRY * i + 8,
            &(s.len() as u64).to_le_bytes(),
        );
        hasher.feed(s);
        at_byte += s.len() as u64;
    }
    let tail = at_byte.next_multiple_of(8) - at_byte;
    hasher.feed(&ZEROS[..tail as usize]);
    let pages_off = at_byte + tail;
    let sums = hasher.finish();
    put(&mut header, 0, MAGIC);
    put(&mut header, at::VERSION, &VERSION.to_le_bytes());
    put(&mut header, at::PAGE, &(PAGE as u32).to_le_bytes());
    put(&mut header, at::JSON_LEN, &stamp.len.to_le_bytes());
    put(&mut header, at::JSON_MTIME, &stamp.mtime_ns.to_le_bytes());
    for (at, n) in [
        (at::ENTITIES, counts.entities),
        (at::FACTS, counts.facts),
        (at::SOURCES, counts.sources),
        (at::SYMBOLS, counts.symbols),
        (at::NAMES, counts.names),
        (at::PREFIXES, counts.prefixes),
    ] {
        put(&mut header, at, &(n as u64).to_le_bytes());
    }
    put(&mut header, at::SCHEMA, &schema().to_le_bytes());
    put(&mut header, at::PAGES_OFF, &pages_off.to_le_bytes());
    // Page 0 is the header, checked by its own hash; the table sums the pages after it.
    put(&mut header, at::PAGES_HASH, &xxh3_64(&sums).to_le_bytes());
    let header_hash = xxh3_64(&header[..at::HEADER_HASH]);
    put(&mut header, at::HEADER_HASH, &header_hash.to_le_bytes());
    Built {
        header,
        sections,
        sums,
    }
}

/// A snapshot laid out but not yet written: its header, its sections and its page table.
pub struct Built {
    header: Vec<u8>,
    sections: Vec<Vec<u8>>,
    sums: Vec<u8>,
}

impl Built {
    /// Writes the snapshot, section by section (nothing is copied into one buffer).
    pub fn write(&self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(&self.header)?;
        let mut at = self.header.len() as u64;
        for s in &self.sections {
            let pad = at.next_multiple_of(8) - at;
            w.write_all(&ZEROS[..pad as usize])?;
            w.write_all(s)?;
            at += pad + s.len() as u64;
        }
        w.write_all(&ZEROS[..(at.next_multiple_of(8) - at) as usize])?;
        w.write_all(&self.sums)
    }

    /// The snapshot's bytes, in memory.
    pub fn into_bytes(self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write(&mut out).expect("writing to memory cannot fail");
        out
    }
}

const ZEROS: [u8; 8] = [0; 8];

/// The xxh3 sum of every 4 KiB page of a stream of bytes (the last page may be short).
#[derive(Default)]
struct PageSums {
    page: Vec<u8>,
    sums: Vec<u8>,
}

impl PageSums {
    fn feed(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let room = PAGE as usize - self.page.len();
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            if self.page.is_empty() && now.len() == PAGE as usize {
                self.sums.extend_from_slice(&xxh3_64(now).to_le_bytes());
            } else {
                self.page.extend_from_slice(now);
                if self.page.len() == PAGE as usize {
                    self.sums
                        .extend_from_slice(&xxh3_64(&self.page).to_le_bytes());
                    self.page.clear();
                }
            }
            bytes = rest;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if !self.page.is_empty() {
            self.sums
                .extend_from_slice(&xxh3_64(&self.page).to_le_bytes());
        }
        self.sums
    }
}
