//! Writing a snapshot: a [`KnowledgeGraph`] laid out as [`super::format`] describes.

use super::format::*;
use crate::model::name::lookup_key;
use crate::model::{Kind, KnowledgeGraph};
use crate::query::names::word_starts;
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
        SymbolRecord(Str::new(strings.put(s))).encode(&mut self.table);
        self.number.insert(s, n);
        n
    }
}

/// The snapshot of `graph`, standing for a JSON file with this `stamp`.
///
/// Section by section: entities with their names and ids ([`entity_sections`]), facts
/// ([`fact_sections`]), sources ([`source_section`]), then the symbols and strings those
/// interned, the adjacency lists ([`adjacency_sections`]) and the meta; then the header
/// and the page table ([`lay_out`]).
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
        source_section(&graph, &mut strings, &mut sections);
        counts.symbols = symbols.number.len();
        sections[Section::Symbols as usize] = std::mem::take(&mut symbols.table);
        sections[Section::Strings as usize] = std::mem::take(&mut strings.bytes);
    }
    // Both adjacency lists, once the string table is gone (a lower peak).
    adjacency_sections(&graph, &mut sections);
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
fn entity_sections<'g>(
    graph: &'g KnowledgeGraph,
    strings: &mut Strings<'g>,
    sections: &mut [Vec<u8>],
) -> (usize, usize) {
    let v = graph.entity_count();
    let mut entities = Vec::with_capacity(v * ENTITY_LEN as usize);
    let mut kinds = Vec::with_capacity(v);
    let mut names: Vec<(u64, u32, u32)> = Vec::new();
    let mut prefixes: Vec<(u64, u32, u32)> = Vec::new();
    for (i, n) in graph.nodes().enumerate() {
        let ent = graph.entity(n);
        let id = Str::new(strings.put(&ent.id));
        let name = Str::new(strings.put(&ent.name));
        let rest = match entity_rest(ent) {
            Some(r) => Str::new(strings.put_owned(&r)),
            None => Str::default(),
        };
        let kind = kind_number(ent.kind);
        EntityRecord {
            id,
            name,
            rest,
            kind,
        }
        .encode(&mut entities);
        kinds.push(kind);
        let claim = ent.kind == Kind::Statement;
        for (j, name) in ent.names().enumerate() {
            let key = lookup_key(name);
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
    by_key(strings, &mut names);
    by_key(strings, &mut prefixes);
    let index = |list: &[(u64, u32, u32)]| {
        let mut out = Vec::with_capacity(list.len() * INDEX_LEN as usize);
        for &(off, len, entity) in list {
            IndexRecord {
                key: Str { off, len },
                entity,
            }
            .encode(&mut out);
        }
        out
    };
    sections[Section::Names as usize] = index(&names);
    sections[Section::Prefixes as usize] = index(&prefixes);
    let counts = (names.len(), prefixes.len());
    drop((names, prefixes));
    let mut ids: Vec<u32> = (0..v as u32).collect();
    let id_of = |i: u32| {
        graph
            .entity(petgraph::graph::NodeIndex::new(i as usize))
            .id
            .as_str()
    };
    ids.sort_unstable_by(|&a, &b| id_of(a).cmp(id_of(b)));
    sections[Section::Ids as usize] = ids.into_iter().flat_map(u32::to_le_bytes).collect();
    sections[Section::Entities as usize] = entities;
    sections[Section::Kinds as usize] = kinds;
    counts
}

/// The `Facts` and `Attributes` sections.
fn fact_sections<'g>(
    graph: &'g KnowledgeGraph,
    strings: &mut Strings<'g>,
    symbols: &mut Symbols<'g>,
    sections: &mut [Vec<u8>],
) {
    let e = graph.fact_count();
    let mut facts = Vec::with_capacity(e * FACT_LEN as usize);
    let mut attrs = Vec::with_capacity(e * ATTR_LEN as usize);
    for edge in graph.edges() {
        let f = graph.fact(edge);
        let (s, o) = graph.endpoints(edge);
        let mut flags = 0;
        flags |= if f.count.is_some() { HAS_COUNT } else { 0 };
        flags |= if f.span.is_some() { HAS_SPAN } else { 0 };
        flags |= if f.evidence.is_some() {
            HAS_EVIDENCE
        } else {
            0
        };
        let date = symbols.get(strings, f.date.as_deref());
        let source = symbols.get(strings, f.source.as_deref());
        let rule = symbols.get(strings, f.rule.as_deref());
        let evidence = match &f.evidence {
            Some(t) => Str::new(strings.put(t)),
            None => Str::default(),
        };
        let rest = if f.extra.is_empty() {
            Str::default()
        } else {
            Str::new(
                strings.put_owned(&serde_json::to_string(&f.extra).expect("JSON values serialize")),
            )
        };
        let relation = relation_number(f.relation) as u8;
        AttributeRecord {
            date,
            count: match f.count {
                None => NO_COUNT,
                Some(c) if c >= u64::from(BIG_COUNT) => BIG_COUNT,
                Some(c) => c as u32,
            },
            relation,
        }
        .encode(&mut attrs);
        let [span0, span1] = f.span.unwrap_or([0, 0]);
        FactRecord {
            subject: s.index() as u32,
            object: o.index() as u32,
            relation,
            flags,
            date,
            source,
            rule,
            count: f.count.unwrap_or(0),
            span: [span0 as u64, span1 as u64],
            evidence,
            rest,
        }
        .encode(&mut facts);
    }
    sections[Section::Facts as usize] = facts;
    sections[Section::Attributes as usize] = attrs;
}

/// The `Sources` section: each source kept whole as JSON.
fn source_section<'g>(
    graph: &'g KnowledgeGraph,
    strings: &mut Strings<'g>,
    sections: &mut [Vec<u8>],
) {
    let mut sources = Vec::with_capacity(graph.sources().len() * SOURCE_LEN as usize);
    for s in graph.sources() {
        let id = Str::new(strings.put(&s.id));
        let json = serde_json::to_string(s).expect("sources serialize");
        let json = Str::new(strings.put_owned(&json));
        SourceRecord { id, json }.encode(&mut sources);
    }
    sections[Section::Sources as usize] = sources;
}

/// The `OutOffsets`, `OutAdjacency`, `InOffsets` and `InAdjacency` sections: compressed
/// sparse rows, each entity's list in fact order.
fn adjacency_sections(graph: &KnowledgeGraph, sections: &mut [Vec<u8>]) {
    let (v, e) = (graph.entity_count(), graph.fact_count());
    let mut out_deg = vec![0u32; v + 1];
    let mut in_deg = vec![0u32; v + 1];
    for edge in graph.edges() {
        let (s, o) = graph.endpoints(edge);
        out_deg[s.index() + 1] += 1;
        in_deg[o.index() + 1] += 1;
    }
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
        let fact = edge.index() as u32;
        let relation = relation_number(graph.fact(edge).relation);
        for (adj, fill, from, to) in [
            (&mut out_adj, &mut out_fill, s.index(), o.index()),
            (&mut in_adj, &mut in_fill, o.index(), s.index()),
        ] {
            let at = fill[from] as usize * ADJ_LEN as usize;
            AdjacencyRecord {
                other: to as u32,
                fact,
                relation,
            }
            .encode_into(&mut adj[at..at + ADJ_LEN as usize]);
            fill[from] += 1;
        }
    }
    let offsets = |d: &[u32]| d.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
    sections[Section::OutOffsets as usize] = offsets(&out_deg);
    sections[Section::InOffsets as usize] = offsets(&in_deg);
    sections[Section::OutAdjacency as usize] = out_adj;
    sections[Section::InAdjacency as usize] = in_adj;
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
