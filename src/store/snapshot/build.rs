//! Writing a snapshot: a [`KnowledgeGraph`] laid out as [`super::format`] describes.

use super::format::*;
use crate::model::{Kind, KnowledgeGraph};
use crate::query::names::{normalize, word_starts};
use rustc_hash::FxHashMap as HashMap;
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

/// Interned strings: each distinct string is stored once.
#[derive(Default)]
struct Strings<'g> {
    bytes: Vec<u8>,
    /// Where each string is stored (its length is the key's): 24 bytes an entry, not 32.
    seen: HashMap<&'g str, u64>,
}

impl<'g> Strings<'g> {
    /// Room for `count` distinct strings, so that the table is not rehashed as it grows
    /// (an unused slot costs address space, not memory, until it is written).
    fn with_capacity(count: usize) -> Self {
        Strings {
            bytes: Vec::new(),
            seen: HashMap::with_capacity_and_hasher(count, Default::default()),
        }
    }

    fn put(&mut self, s: &'g str) -> (u64, u32) {
        if let Some(&off) = self.seen.get(s) {
            return (off, s.len() as u32);
        }
        let off = self.bytes.len() as u64;
        self.bytes.extend_from_slice(s.as_bytes());
        self.seen.insert(s, off);
        (off, s.len() as u32)
    }

    /// Stores a string that lives only as long as this call (not interned).
    fn put_owned(&mut self, s: &str) -> (u64, u32) {
        let at = (self.bytes.len() as u64, s.len() as u32);
        self.bytes.extend_from_slice(s.as_bytes());
        at
    }

    fn slice(&self, off: u64, len: u32) -> &[u8] {
        &self.bytes[off as usize..off as usize + len as usize]
    }
}

/// Symbols (dates, source ids, rules): numbered strings.
#[derive(Default)]
struct Symbols<'g> {
    table: Vec<u8>,
    number: HashMap<&'g str, u32>,
}

impl<'g> Symbols<'g> {
    fn get(&mut self, strings: &mut Strings<'g>, s: Option<&'g str>) -> u32 {
        let Some(s) = s else { return NONE };
        if let Some(&n) = self.number.get(s) {
            return n;
        }
        let n = self.number.len() as u32;
        let (off, len) = strings.put(s);
        self.table.extend_from_slice(&off.to_le_bytes());
        self.table.extend_from_slice(&len.to_le_bytes());
        self.number.insert(s, n);
        n
    }
}

/// The snapshot of `graph`, standing for a JSON file with this `stamp`.
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
    // Interned: an id and a name per entity, at most one evidence per fact, the source
    // ids, and symbols (few).
    let mut strings = Strings::with_capacity(2 * v + e + graph.sources().len());
    let mut symbols = Symbols::default();
    let mut sections: Vec<Vec<u8>> = vec![Vec::new(); Section::ALL.len()];
    let sec = |s: Section| s as usize;

    // Entities, kinds, names and word starts.
    let mut entities = Vec::with_capacity(v * ENTITY_LEN as usize);
    let mut kinds = Vec::with_capacity(v);
    let mut names: Vec<(u64, u32, u32)> = Vec::new();
    let mut prefixes: Vec<(u64, u32, u32)> = Vec::new();
    for (i, n) in graph.nodes().enumerate() {
        let ent = graph.entity(n);
        let (id_off, id_len) = strings.put(&ent.id);
        let (name_off, name_len) = strings.put(&ent.name);
        let rest = entity_rest(ent);
        let (rest_off, rest_len) = match &rest {
            Some(r) => strings.put_owned(r),
            None => (0, 0),
        };
        entities.extend_from_slice(&id_off.to_le_bytes());
        entities.extend_from_slice(&id_len.to_le_bytes());
        entities.extend_from_slice(&name_len.to_le_bytes());
        entities.extend_from_slice(&name_off.to_le_bytes());
        entities.extend_from_slice(&rest_off.to_le_bytes());
        entities.extend_from_slice(&rest_len.to_le_bytes());
        entities.extend_from_slice(&[kind_number(ent.kind), 0, 0, 0]);
        kinds.push(kind_number(ent.kind));
        let claim = ent.kind == Kind::Statement;
        for (j, name) in ent.names().enumerate() {
            let key = normalize(name);
            if key.is_empty() {
                continue;
            }
            let (off, len) = strings.put_owned(&key);
            let flag = if j == 0 { CANONICAL } else { 0 };
            names.push((off, len, i as u32 | flag));
            if claim {
                prefixes.push((off, len, i as u32));
            } else {
                for s in word_starts(&key) {
                    prefixes.push((off + s as u64, len - s as u32, i as u32));
                }
            }
        }
    }
    let by_key = |strings: &Strings, list: &mut Vec<(u64, u32, u32)>| {
        list.sort_unstable_by(|a, b| {
            strings
                .slice(a.0, a.1)
                .cmp(strings.slice(b.0, b.1))
                .then(a.2.cmp(&b.2))
        });
    };
    by_key(&strings, &mut names);
    by_key(&strings, &mut prefixes);
    let index = |list: &[(u64, u32, u32)]| {
        let mut out = Vec::with_capacity(list.len() * INDEX_LEN as usize);
        for &(off, len, ent) in list {
            out.extend_from_slice(&off.to_le_bytes());
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&ent.to_le_bytes());
        }
        out
    };
    sections[sec(Section::Names)] = index(&names);
    sections[sec(Section::Prefixes)] = index(&prefixes);
    let (name_count, prefix_count) = (names.len(), prefixes.len());
    drop((names, prefixes));
    let mut ids: Vec<u32> = (0..v as u32).collect();
    let id_of = |i: u32| {
        graph
            .entity(petgraph::graph::NodeIndex::new(i as usize))
            .id
            .as_str()
    };
    ids.sort_unstable_by(|&a, &b| id_of(a).cmp(id_of(b)));
    sections[sec(Section::Ids)] = ids.into_iter().flat_map(u32::to_le_bytes).collect();
    sections[sec(Section::Entities)] = entities;
    sections[sec(Section::Kinds)] = kinds;

    // Facts, and the degrees of the adjacency lists.
    let mut facts = Vec::with_capacity(e * FACT_LEN as usize);
    let mut attrs = Vec::with_capacity(e * ATTR_LEN as usize);
    let mut out_deg = vec![0u32; v + 1];
    let mut in_deg = vec![0u32; v + 1];
    for edge in graph.edges() {
        let f = graph.fact(edge);
        let (s, o) = graph.endpoints(edge);
        out_deg[s.index() + 1] += 1;
        in_deg[o.index() + 1] += 1;
        let mut flags = 0;
        flags |= if f.count.is_some() { HAS_COUNT } else { 0 };
        flags |= if f.span.is_some() { HAS_SPAN } else { 0 };
        flags |= if f.evidence.is_some() {
            HAS_EVIDENCE
        } else {
            0
        };
        let date = symbols.get(&mut strings, f.date.as_deref());
        let source = symbols.get(&mut strings, f.source.as_deref());
        let rule = symbols.get(&mut strings, f.rule.as_deref());
        let (ev_off, ev_len) = match &f.evidence {
            Some(t) => strings.put(t),
            None => (0, 0),
        };
        let (rest_off, rest_len) = if f.extra.is_empty() {
            (0, 0)
        } else {
            strings.put_owned(&serde_json::to_string(&f.extra).expect("JSON values serialize"))
        };
        let count = match f.count {
            None => NO_COUNT,
            Some(c) if c >= u64::from(BIG_COUNT) => BIG_COUNT,
            Some(c) => c as u32,
        };
        attrs.extend_from_slice(&date.to_le_bytes());
        attrs.extend_from_slice(&count.to_le_bytes());
        attrs.extend_from_slice(&[relation_number(f.relation) as u8, 0, 0, 0]);
        let [span0, span1] = f.span.unwrap_or([0, 0]);
        facts.extend_from_slice(&(s.index() as u32).to_le_bytes());
        facts.extend_from_slice(&(o.index() as u32).to_le_bytes());
        facts.extend_from_slice(&[relation_number(f.relation) as u8, flags, 0, 0]);
        facts.extend_from_slice(&date.to_le_bytes());
        facts.extend_from_slice(&source.to_le_bytes());
        facts.extend_from_slice(&rule.to_le_bytes());
        facts.extend_from_slice(&f.count.unwrap_or(0).to_le_bytes());
        facts.extend_from_slice(&(span0 as u64).to_le_bytes());
        facts.extend_from_slice(&(span1 as u64).to_le_bytes());
        facts.extend_from_slice(&ev_off.to_le_bytes());
        facts.extend_from_slice(&ev_len.to_le_bytes());
        facts.extend_from_slice(&rest_len.to_le_bytes());
        facts.extend_from_slice(&rest_off.to_le_bytes());
    }
    sections[sec(Section::Facts)] = facts;
    sections[sec(Section::Attributes)] = attrs;

    // Sources, kept whole as JSON.
    let mut sources = Vec::with_capacity(graph.sources().len() * SOURCE_LEN as usize);
    for s in graph.sources() {
        let (id_off, id_len) = strings.put(&s.id);
        let json = serde_json::to_string(s).expect("sources serialize");
        let (json_off, json_len) = strings.put_owned(&json);
        sources.extend_from_slice(&id_off.to_le_bytes());
        sources.extend_from_slice(&id_len.to_le_bytes());
        sources.extend_from_slice(&json_len.to_le_bytes());
        sources.extend_from_slice(&json_off.to_le_bytes());
    }
    sections[sec(Section::Sources)] = sources;
    let symbol_count = symbols.number.len();
    sections[sec(Section::Symbols)] = std::mem::take(&mut symbols.table);
    drop(symbols);
    sections[sec(Section::Strings)] = std::mem::take(&mut strings.bytes);
    drop(strings);

    // Both adjacency lists, once the string table is gone (a lower peak).
    for d in [&mut out_deg, &mut in_deg] {
        for i in 1..d.len() {
            d[i] += d[i - 1];
        }
    }
    let mut out_adj = vec![0u8; e * ADJ_LEN as usize];
    let mut in_adj = vec![0u8; e * ADJ_LEN as usize];
    let (mut out_fill, mut in_fill) = (out_deg.clone(), in_deg.clone());
    for edge in graph.edges() {
        let (s, o) = graph.endpoints(edge);
        let tag =
            (edge.index() as u32) << RELATION_BITS | relation_number(graph.fact(edge).relation);
        for (adj, fill, from, to) in [
            (&mut out_adj, &mut out_fill, s.index(), o.index()),
            (&mut in_adj, &mut in_fill, o.index(), s.index()),
        ] {
            let at = fill[from] as usize * ADJ_LEN as usize;
            adj[at..at + 4].copy_from_slice(&(to as u32).to_le_bytes());
            adj[at + 4..at + 8].copy_from_slice(&tag.to_le_bytes());
            fill[from] += 1;
        }
    }
    let offsets = |d: &[u32]| d.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
    sections[sec(Section::OutOffsets)] = offsets(&out_deg);
    sections[sec(Section::InOffsets)] = offsets(&in_deg);
    sections[sec(Section::OutAdjacency)] = out_adj;
    sections[sec(Section::InAdjacency)] = in_adj;

    sections[sec(Section::Meta)] = super::Meta::of(graph.extra()).to_bytes();
    let source_count = graph.sources().len();
    // Everything is in the sections now: the graph can go before they are written.
    drop(graph);

    let counts = [v, e, source_count, symbol_count, name_count, prefix_count];
    Ok(lay_out(sections, counts, stamp))
}

/// The snapshot of these sections (in [`Section`] order) standing for a JSON file with
/// this `stamp`: its header (`counts` are the entities, facts, sources, symbols, name
/// entries and prefix entries it records) and its page table.
pub(super) fn lay_out(sections: Vec<Vec<u8>>, counts: [usize; 6], stamp: Stamp) -> Built {
    let [v, e, source_count, symbol_count, name_count, prefix_count] = counts;
    // Lay out: header, sections (8-aligned), page table.
    let mut header = vec![0u8; PAGE as usize];
    let mut hasher = PageSums::default();
    let mut at_byte = PAGE;
    for (i, s) in sections.iter().enumerate() {
        let pad = at_byte.next_multiple_of(8) - at_byte;
        hasher.feed(&ZEROS[..pad as usize]);
        at_byte += pad;
        put(&mut header, at::SECTIONS + 16 * i, &at_byte.to_le_bytes());
        put(
            &mut header,
            at::SECTIONS + 16 * i + 8,
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
        (at::ENTITIES, v),
        (at::FACTS, e),
        (at::SOURCES, source_count),
        (at::SYMBOLS, symbol_count),
        (at::NAMES, name_count),
        (at::PREFIXES, prefix_count),
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

fn put(out: &mut [u8], at: usize, bytes: &[u8]) {
    out[at..at + bytes.len()].copy_from_slice(bytes)
}

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

/// An entity's aliases and unknown fields as one JSON object, or `None` when it has none.
pub(super) fn entity_rest(e: &crate::model::Entity) -> Option<String> {
    if e.aliases.is_empty() && e.extra.is_empty() {
        return None;
    }
    let mut map = e.extra.clone();
    if !e.aliases.is_empty() {
        map.insert("aliases".into(), serde_json::json!(e.aliases));
    }
    Some(serde_json::to_string(&map).expect("JSON values serialize"))
}
