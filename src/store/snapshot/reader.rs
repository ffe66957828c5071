//! [`Snapshot`]: a snapshot file opened for reading. Opening checks the header; every
//! later read checks the pages it touches against their checksums and the bounds of the
//! section it reads, so a damaged file is reported ([`Snapshot::damage`]), never trusted
//! and never a crash.

use super::build::Stamp;
use super::format::*;
use super::map::Bytes;
use crate::model::name::lookup_key;
use crate::model::{Entity, Fact, GraphFile, Kind, KnowledgeGraph, Relation, Source};
use crate::query::Topology;
use crate::query::filter::{Hop, Walk};
use crate::query::names::{
    Candidate, NameError, begin, closest, decide, label, matches_start, place_query_skips,
};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use xxhash_rust::xxh3::xxh3_64;

/// Why a snapshot was not opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unusable {
    #[error("it is not a kg snapshot")]
    NotSnapshot,
    #[error("it was written by another version of kg (layout {0}, this kg reads {VERSION})")]
    OtherVersion(u32),
    #[error("it was written by a kg with other kinds or relations")]
    OtherSchema,
    #[error("it is damaged ({0})")]
    Damaged(String),
}

/// An open snapshot.
pub struct Snapshot {
    bytes: Bytes,
    stamp: Stamp,
    entities: u64,
    facts: u64,
    sources: u64,
    symbols: u64,
    names: u64,
    prefixes: u64,
    sections: [(u64, u64); Section::ALL.len()],
    pages_off: u64,
    /// One bit per page: checked against its sum already.
    checked: Vec<Cell<u64>>,
    damage: RefCell<Option<String>>,
    /// Symbols decoded so far.
    symbol_cache: OnceCell<Vec<OnceCell<Box<str>>>>,
    /// Where each source id is, read once when a source is first asked for.
    source_index: OnceCell<std::collections::HashMap<String, u64>>,
}

fn damaged(what: impl Into<String>) -> Unusable {
    Unusable::Damaged(what.into())
}

impl Snapshot {
    /// Checks the header and page table of a snapshot's bytes.
    ///
    /// # Complexity
    /// O(pages): the page table is hashed, the pages themselves are checked when read.
    pub fn open(bytes: Bytes) -> Result<Snapshot, Unusable> {
        let b: &[u8] = &bytes;
        if b.len() < 8 || &b[..8] != MAGIC {
            return Err(Unusable::NotSnapshot);
        }
        if b.len() < PAGE as usize {
            return Err(damaged("it is cut short"));
        }
        let version = u32_le(b, at::VERSION);
        if version != VERSION {
            return Err(Unusable::OtherVersion(version));
        }
        if xxh3_64(&b[..at::HEADER_HASH]) != u64_le(b, at::HEADER_HASH) {
            return Err(damaged("its header fails its checksum"));
        }
        if u64_le(b, at::SCHEMA) != schema() {
            return Err(Unusable::OtherSchema);
        }
        if u32_le(b, at::PAGE) as u64 != PAGE {
            return Err(damaged("its page size is wrong"));
        }
        let pages_off = u64_le(b, at::PAGES_OFF);
        let len = b.len() as u64;
        if pages_off < PAGE || pages_off > len {
            return Err(damaged("it is cut short"));
        }
        let pages = (pages_off - PAGE).div_ceil(PAGE);
        if len - pages_off != pages * 8 {
            return Err(damaged(if len - pages_off < pages * 8 {
                "it is cut short"
            } else {
                "it has bytes past its end"
            }));
        }
        if xxh3_64(&b[pages_off as usize..]) != u64_le(b, at::PAGES_HASH) {
            return Err(damaged("its page table fails its checksum"));
        }
        let mut sections = [(0u64, 0u64); Section::ALL.len()];
        for (i, s) in sections.iter_mut().enumerate() {
            let off = u64_le(b, at::SECTIONS + at::SECTION_ENTRY * i);
            let slen = u64_le(b, at::SECTIONS + at::SECTION_ENTRY * i + 8);
            if off < PAGE || off.checked_add(slen).is_none_or(|end| end > pages_off) {
                return Err(damaged("a section lies outside the file"));
            }
            *s = (off, slen);
        }
        let count = |at| u64_le(b, at);
        let snap = Snapshot {
            stamp: Stamp {
                len: u64_le(b, at::JSON_LEN),
                mtime_ns: u64_le(b, at::JSON_MTIME),
            },
            entities: count(at::ENTITIES),
            facts: count(at::FACTS),
            sources: count(at::SOURCES),
            symbols: count(at::SYMBOLS),
            names: count(at::NAMES),
            prefixes: count(at::PREFIXES),
            sections,
            pages_off,
            checked: (0..pages.div_ceil(64) + 1).map(|_| Cell::new(0)).collect(),
            damage: RefCell::new(None),
            symbol_cache: OnceCell::new(),
            source_index: OnceCell::new(),
            bytes,
        };
        let sized = |s: Section, n: Option<u64>| n.is_some_and(|n| snap.section(s).1 == n);
        let (v, e) = (snap.entities, snap.facts);
        let fits = e < MAX_FACTS
            && v < u64::from(CANONICAL)
            && sized(Section::Entities, v.checked_mul(ENTITY_LEN))
            && sized(Section::Kinds, Some(v))
            && sized(Section::Facts, e.checked_mul(FACT_LEN))
            && sized(Section::Symbols, snap.symbols.checked_mul(SYMBOL_LEN))
            && sized(Section::Sources, snap.sources.checked_mul(SOURCE_LEN))
            && sized(Section::OutOffsets, Some((v + 1) * 4))
            && sized(Section::InOffsets, Some((v + 1) * 4))
            && sized(Section::OutAdjacency, e.checked_mul(ADJ_LEN))
            && sized(Section::InAdjacency, e.checked_mul(ADJ_LEN))
            && sized(Section::Names, snap.names.checked_mul(INDEX_LEN))
            && sized(Section::Prefixes, snap.prefixes.checked_mul(INDEX_LEN))
            && sized(Section::Ids, Some(v * 4))
            && sized(Section::Attributes, e.checked_mul(ATTR_LEN));
        if !fits {
            return Err(damaged("its sections do not match its counts"));
        }
        Ok(snap)
    }

    /// What the snapshot records of its base besides the graph (damage noted, and a plain
    /// graph's meta returned, when it does not decode).
    pub fn meta(&self) -> super::Meta {
        let (_, len) = self.section(Section::Meta);
        let bytes = self.get(Section::Meta, 0, len).unwrap_or(b"{}");
        serde_json::from_slice(bytes).unwrap_or_else(|e| {
            self.hurt(|| format!("its meta section does not decode: {e}"));
            super::Meta::default()
        })
    }

    /// Takes the snapshot's mapped pages out of this process's resident memory (see
    /// [`Bytes::release_resident`]): a read after it maps them again, unchanged, and the
    /// pages checked stay checked. For a long write that has read what it needs of them.
    pub fn release_resident(&self) {
        let _ = self.bytes.release_resident();
    }

    /// The JSON file this snapshot was built from (its length and modification time).
    pub fn stamp(&self) -> Stamp {
        self.stamp
    }

    pub fn entity_count(&self) -> usize {
        self.entities as usize
    }

    pub fn fact_count(&self) -> usize {
        self.facts as usize
    }

    /// What was found wrong with the pages read so far, if anything. Answers computed
    /// after damage was found are not to be used.
    pub fn damage(&self) -> Option<String> {
        self.damage.borrow().clone()
    }

    fn hurt(&self, what: impl FnOnce() -> String) {
        let mut d = self.damage.borrow_mut();
        if d.is_none() {
            *d = Some(what());
        }
    }

    fn section(&self, s: Section) -> (u64, u64) {
        self.sections[s as usize]
    }

    /// Page `p` (counted from 0 at the file start; page 0 is the header) checks out.
    fn page_ok(&self, p: u64) -> bool {
        let (word, bit) = ((p / 64) as usize, p % 64);
        let Some(cell) = self.checked.get(word) else {
            return false;
        };
        if cell.get() >> bit & 1 == 1 {
            return true;
        }
        let start = (p * PAGE) as usize;
        let end = ((p + 1) * PAGE).min(self.pages_off) as usize;
        let sum_at = self.pages_off as usize + (p as usize - 1) * 8;
        let ok = xxh3_64(&self.bytes[start..end]) == u64_le(&self.bytes, sum_at);
        if ok {
            cell.set(cell.get() | 1 << bit);
        } else {
            self.hurt(|| format!("page {p} fails its checksum"));
        }
        ok
    }

    /// `len` bytes at `off` of section `s`, checked; `None` (and damage noted) when they
    /// lie outside the section or fail their checksum.
    fn get(&self, s: Section, off: u64, len: u64) -> Option<&[u8]> {
        let (start, size) = self.section(s);
        if off.checked_add(len).is_none_or(|end| end > size) {
            self.hurt(|| format!("a {s:?} read at {off} runs past the section"));
            return None;
        }
        let (from, to) = (start + off, start + off + len);
        if len > 0 && !(from / PAGE..=(to - 1) / PAGE).all(|p| self.page_ok(p)) {
            return None;
        }
        Some(&self.bytes[from as usize..to as usize])
    }

    fn record<const N: usize>(&self, s: Section, i: u64, size: u64) -> [u8; N] {
        self.get(s, i * size, N as u64)
            .map(|b| b.try_into().expect("N bytes"))
            .unwrap_or([0; N])
    }

    fn u32_in(&self, s: Section, i: u64) -> u32 {
        u32::from_le_bytes(self.record::<4>(s, i, 4))
    }

    /// A string of the `Strings` section.
    fn str(&self, off: u64, len: u32) -> &str {
        match self
            .get(Section::Strings, off, u64::from(len))
            .map(std::str::from_utf8)
        {
            Some(Ok(s)) => s,
            Some(Err(_)) => {
                self.hurt(|| format!("the string at {off} is not UTF-8"));
                ""
            }
            None => "",
        }
    }

    fn string(&self, s: Str) -> &str {
        self.str(s.off, s.len)
    }

    fn entity_record(&self, n: u32) -> [u8; EntityRecord::LEN] {
        self.record(Section::Entities, u64::from(n), ENTITY_LEN)
    }

    fn fact_record(&self, f: u32) -> [u8; FactRecord::LEN] {
        self.record(Section::Facts, u64::from(f), FACT_LEN)
    }

    fn source_record(&self, i: u64) -> SourceRecord {
        SourceRecord::decode(&self.record::<{ SourceRecord::LEN }>(Section::Sources, i, SOURCE_LEN))
    }

    /// An entity's canonical name.
    pub fn name(&self, n: u32) -> &str {
        self.string(EntityRecord::name_of(&self.entity_record(n)))
    }

    /// An entity's id.
    pub fn id(&self, n: u32) -> &str {
        self.string(EntityRecord::decode(&self.entity_record(n)).id)
    }

    /// A symbol (date, source id, rule), decoded once per process: a long listing asks for
    /// the same few dates hundreds of thousands of times.
    fn symbol(&self, s: u32) -> Option<&str> {
        if s == NONE {
            return None;
        }
        if u64::from(s) >= self.symbols {
            self.hurt(|| format!("symbol {s} is out of range"));
            return Some("");
        }
        let cache = self
            .symbol_cache
            .get_or_init(|| (0..self.symbols).map(|_| OnceCell::new()).collect());
        Some(cache[s as usize].get_or_init(|| {
            let r =
                self.record::<{ SymbolRecord::LEN }>(Section::Symbols, u64::from(s), SYMBOL_LEN);
            self.string(SymbolRecord::decode(&r).0).into()
        }))
    }

    /// The entities and facts adjacent to `n` one way: (other end, fact, relation number).
    pub(crate) fn adjacent(
        &self,
        forward: bool,
        n: u32,
    ) -> impl Iterator<Item = (u32, u32, u32)> + '_ {
        let (offs, adj) = if forward {
            (Section::OutOffsets, Section::OutAdjacency)
        } else {
            (Section::InOffsets, Section::InAdjacency)
        };
        let (lo, hi) = (
            u64::from(self.u32_in(offs, u64::from(n))),
            u64::from(self.u32_in(offs, u64::from(n) + 1)),
        );
        let list = if lo <= hi {
            self.get(adj, lo * ADJ_LEN, (hi - lo) * ADJ_LEN)
                .unwrap_or(&[])
        } else {
            self.hurt(|| format!("entity {n}'s adjacency list ends before it starts"));
            &[]
        };
        list.chunks_exact(AdjacencyRecord::LEN).map(|c| {
            let a = AdjacencyRecord::decode(c);
            (a.other, a.fact, a.relation)
        })
    }

    /// Every fact out of (`forward`) or into an entity.
    pub fn facts_of(&self, n: u32, forward: bool) -> Vec<u32> {
        self.adjacent(forward, n).map(|(_, f, _)| f).collect()
    }

    /// The facts from `n` to entities in `inside` (sorted), for an induced subgraph.
    pub fn facts_into(&self, n: u32, inside: &[u32]) -> Vec<u32> {
        self.adjacent(true, n)
            .filter(|(o, _, _)| inside.binary_search(o).is_ok())
            .map(|(_, f, _)| f)
            .collect()
    }

    /// Resolves a name as [`crate::query::resolve`] does on the whole graph, using the
    /// name, prefix and id indexes.
    ///
    /// # Complexity
    /// O(log N + m) for m matches; an unknown name scans every name for suggestions.
    pub fn resolve(&self, query: &str) -> Result<u32, NameError> {
        self.resolve_with(
            query,
            &[],
            |_| false,
            |id| self.by_id(id),
            |n| label(self.name(n), self.kind(n), self.id(n)),
            |n| self.name(n).to_string(),
        )
    }

    /// Resolves as [`Snapshot::resolve`] does, with `added` entities (number and record,
    /// sorted by number) standing beside the snapshot's, and the snapshot's entities
    /// `hidden` says are not as the snapshot has them (their record changed, or a merge
    /// took them out): how [`super::Overlay`] resolves.
    pub(crate) fn resolve_with(
        &self,
        query: &str,
        added: &[(u32, &Entity)],
        hidden: impl Fn(u32) -> bool,
        by_id: impl FnOnce(&str) -> Option<u32>,
        label: impl Fn(u32) -> Candidate,
        name: impl Fn(u32) -> String,
    ) -> Result<u32, NameError> {
        let (q, mut m) = begin(query, by_id)?;
        for (key, n) in self.index_from(Section::Names, self.names, q.as_bytes()) {
            if key != q.as_bytes() {
                break;
            }
            let e = n & !CANONICAL;
            if hidden(e) {
                continue;
            }
            m.exact.push(e);
            if n & CANONICAL != 0 {
                m.canonical.push(e);
            }
        }
        for &(n, e) in added {
            if let Some(i) = e.names().position(|x| lookup_key(x) == q) {
                m.exact.push(n);
                if i == 0 {
                    m.canonical.push(n);
                }
            }
        }
        m.exact.sort_unstable();
        m.exact.dedup();
        if m.exact.is_empty() && m.by_id.is_none() {
            for (key, n) in self.index_from(Section::Prefixes, self.prefixes, q.as_bytes()) {
                if !key.starts_with(q.as_bytes()) {
                    break;
                }
                if !hidden(n) && !place_query_skips(self.kind(n), &q) {
                    m.prefix.push(n);
                }
            }
            for &(n, e) in added {
                let claim = e.kind == Kind::Statement;
                if !place_query_skips(e.kind, &q)
                    && e.names().any(|x| matches_start(&lookup_key(x), &q, claim))
                {
                    m.prefix.push(n);
                }
            }
            m.prefix.sort_unstable();
            m.prefix.dedup();
        }
        decide(query, m, label, || {
            let all = (0..self.names).filter_map(|i| {
                let (key, n) = self.index_entry(Section::Names, i);
                let n = n & !CANONICAL;
                (!hidden(n)).then(|| {
                    (
                        n,
                        String::from_utf8_lossy(key).into_owned(),
                        self.kind(n) == Kind::Statement,
                    )
                })
            });
            let more = added.iter().flat_map(|&(n, e)| {
                e.names()
                    .map(move |x| (n, lookup_key(x), e.kind == Kind::Statement))
            });
            closest(&q, all.chain(more), name)
        })
    }

    /// The entities going by this normalized name (canonical or alias), in snapshot
    /// order.
    pub(crate) fn named(&self, q: &str) -> Vec<u32> {
        let mut found: Vec<u32> = self
            .index_from(Section::Names, self.names, q.as_bytes())
            .take_while(|(key, _)| *key == q.as_bytes())
            .map(|(_, n)| n & !CANONICAL)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    fn index_entry(&self, s: Section, i: u64) -> (&[u8], u32) {
        let r = IndexRecord::decode(&self.record::<{ IndexRecord::LEN }>(s, i, INDEX_LEN));
        (self.string(r.key).as_bytes(), r.entity)
    }

    /// The entries of a sorted index from the first whose key is not less than `q`.
    fn index_from<'a>(
        &'a self,
        s: Section,
        count: u64,
        q: &[u8],
    ) -> impl Iterator<Item = (&'a [u8], u32)> + 'a {
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.index_entry(s, mid).0 < q {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo..count).map(move |i| self.index_entry(s, i))
    }

    /// The entities with these ids, in the order given: for each, what [`Snapshot::by_id`]
    /// finds. The ids are looked up in sorted order, each search starting where the one
    /// before ended and widening from there, so that many ids read the index and the
    /// entities near one another instead of a binary search's scattered pages each.
    ///
    /// # Complexity
    /// O(k log k) to sort the k ids, plus O(log d) reads of the snapshot for each, d the
    /// distance in the id order from the id before it (at most O(k log(n/k)) in all for n
    /// entities).
    pub(crate) fn by_ids(&self, ids: &[&str]) -> Vec<Option<u32>> {
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_unstable_by_key(|&i| ids[i]);
        let at = |i: u64| self.id(self.u32_in(Section::Ids, i));
        let n = self.entities;
        let mut found = vec![None; ids.len()];
        // Every id at a position below `lo` is less than the id looked up next.
        let mut lo = 0;
        for i in order {
            let q = ids[i];
            let mut width = 1;
            while lo + width <= n && at(lo + width - 1) < q {
                width *= 2;
            }
            // The first id not less than `q` is in [a, b].
            let (mut a, mut b) = (lo + width / 2, (lo + width).min(n));
            while a < b {
                let mid = a + (b - a) / 2;
                if at(mid) < q {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            if a < n && at(a) == q {
                found[i] = Some(self.u32_in(Section::Ids, a));
            }
            lo = a;
        }
        found
    }

    /// The entity with this id.
    pub(crate) fn by_id(&self, id: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.entities);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let n = self.u32_in(Section::Ids, mid);
            match self.id(n).cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(n),
            }
        }
        None
    }

    /// Decodes the given entities and facts (and every entity a fact names, and the sources
    /// they cite) into a graph, in snapshot order: a part of the graph that orders its nodes
    /// and edges as the whole would.
    ///
    /// # Complexity
    /// O((n + f) log (n + f)) plus the size of what is decoded.
    pub fn subgraph(&self, nodes: &[u32], facts: &[u32]) -> KnowledgeGraph {
        self.graph_of(self.part(nodes, facts))
    }

    /// A graph of decoded records (damage noted, and an empty graph returned, when they do
    /// not form one).
    pub(crate) fn graph_of(&self, file: GraphFile) -> KnowledgeGraph {
        KnowledgeGraph::from_file(file).unwrap_or_else(|e| {
            self.hurt(|| format!("its records do not form a graph: {e}"));
            KnowledgeGraph::default()
        })
    }

    /// [`Snapshot::subgraph`]'s records, as a graph file in snapshot order.
    pub(crate) fn part(&self, nodes: &[u32], facts: &[u32]) -> GraphFile {
        let mut facts = facts.to_vec();
        facts.sort_unstable();
        facts.dedup();
        let mut nodes = nodes.to_vec();
        let records: Vec<[u8; FactRecord::LEN]> =
            facts.iter().map(|&f| self.fact_record(f)).collect();
        for r in &records {
            let (s, o) = FactRecord::endpoints_of(r);
            nodes.push(s);
            nodes.push(o);
        }
        nodes.sort_unstable();
        nodes.dedup();
        nodes.retain(|&n| u64::from(n) < self.entities);
        let entities: Vec<Entity> = nodes.iter().map(|&n| self.entity(n)).collect();
        let facts: Vec<Fact> = records.iter().map(|r| self.fact(r)).collect();
        // Every source a fact cites, its first and those of its other provenances.
        let mut cited: Vec<String> = facts.iter().flat_map(Fact::sources).collect();
        cited.sort_unstable();
        cited.dedup();
        let sources = if cited.is_empty() {
            Vec::new()
        } else {
            self.sources_where(|id| cited.binary_search_by(|c| c.as_str().cmp(id)).is_ok())
        };
        GraphFile {
            sources,
            entities,
            facts,
            ..GraphFile::default()
        }
    }

    /// The sources whose id `keep` takes, decoded, in snapshot order.
    ///
    /// # Complexity
    /// O(S) ids read, plus decoding those kept.
    pub fn sources_where(&self, keep: impl Fn(&str) -> bool) -> Vec<Source> {
        let mut sources = Vec::new();
        for i in 0..self.sources {
            let r = self.source_record(i);
            if keep(self.string(r.id)) {
                let json = self.string(r.json);
                match serde_json::from_str::<Source>(json) {
                    Ok(s) => sources.push(s),
                    Err(e) => self.hurt(|| format!("source {i} does not decode: {e}")),
                }
            }
        }
        sources
    }

    /// The ids of the sources fact `e` is stated in ([`Fact::sources`]): read from its
    /// record's source symbol alone, unless the fact has further provenances (in the
    /// record's rest), which are decoded.
    pub fn sources_of(&self, e: u32) -> Vec<String> {
        let r = FactRecord::decode(&self.fact_record(e));
        if r.rest.len == 0 {
            return self
                .symbol(r.source)
                .map(str::to_string)
                .into_iter()
                .collect();
        }
        self.fact_at(e).sources()
    }

    /// True when the snapshot has a source with this id.
    pub fn has_source(&self, id: &str) -> bool {
        self.source_position(id).is_some()
    }

    /// Where the source with this id is, from an index of source ids read once.
    fn source_position(&self, id: &str) -> Option<u64> {
        let index = self.source_index.get_or_init(|| {
            (0..self.sources)
                .map(|i| (self.string(self.source_record(i).id).to_string(), i))
                .collect()
        });
        index.get(id).copied()
    }

    /// The source with this id, decoded.
    ///
    /// # Complexity
    /// O(S) ids read for the first source asked for, then O(1) and its decoding.
    pub fn source(&self, id: &str) -> Option<Source> {
        let i = self.source_position(id)?;
        let json = self.string(self.source_record(i).json);
        match serde_json::from_str::<Source>(json) {
            Ok(s) => Some(s),
            Err(e) => {
                self.hurt(|| format!("source {i} does not decode: {e}"));
                None
            }
        }
    }

    /// An entity's record, decoded.
    pub(crate) fn entity(&self, n: u32) -> Entity {
        let r = EntityRecord::decode(&self.entity_record(n));
        let mut e = Entity::new(self.string(r.id), self.string(r.name), self.kind(n));
        let rest = self.string(r.rest);
        if !rest.is_empty() {
            match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(rest) {
                Ok(mut map) => {
                    if let Some(a) = map.remove("aliases") {
                        e.aliases = serde_json::from_value(a).unwrap_or_else(|_| {
                            self.hurt(|| format!("entity {n}'s aliases do not decode"));
                            Vec::new()
                        });
                    }
                    e.extra = map;
                }
                Err(err) => self.hurt(|| format!("entity {n} does not decode: {err}")),
            }
        }
        e
    }

    /// A fact's record, decoded.
    pub(crate) fn fact_at(&self, e: u32) -> Fact {
        self.fact(&self.fact_record(e))
    }

    fn fact(&self, r: &[u8; FactRecord::LEN]) -> Fact {
        let r = FactRecord::decode(r);
        let relation = Relation::ALL
            .get(r.relation as usize)
            .copied()
            .unwrap_or_else(|| {
                self.hurt(|| format!("relation number {} is unknown", r.relation));
                Relation::ALL[0]
            });
        let flags = r.flags;
        let mut f = Fact::new(self.id(r.subject), relation, self.id(r.object));
        f.date = self.symbol(r.date).map(str::to_string);
        f.source = self.symbol(r.source).map(str::to_string);
        f.rule = self.symbol(r.rule).map(str::to_string);
        f.count = (flags & HAS_COUNT != 0).then_some(r.count);
        f.span = (flags & HAS_SPAN != 0).then(|| [r.span[0] as usize, r.span[1] as usize]);
        f.evidence = (flags & HAS_EVIDENCE != 0).then(|| self.string(r.evidence).to_string());
        let rest = self.string(r.rest);
        if !rest.is_empty() {
            match serde_json::from_str(rest) {
                Ok(map) => f.extra = map,
                Err(err) => self.hurt(|| format!("a fact does not decode: {err}")),
            }
        }
        f
    }

    /// Every entity number.
    pub fn nodes(&self) -> std::ops::Range<u32> {
        0..self.entities as u32
    }
}

impl Topology for Snapshot {
    type Node = u32;
    type Edge = u32;

    fn hops(&self, walk: &Walk<u32>, n: u32) -> Vec<Hop<u32, u32>> {
        let mut hops = Vec::new();
        for forward in [true, false] {
            if !walk.goes(forward) {
                continue;
            }
            for (to, edge, rel) in self.adjacent(forward, n) {
                let Some(&r) = Relation::ALL.get(rel as usize) else {
                    self.hurt(|| format!("relation number {rel} is unknown"));
                    continue;
                };
                if u64::from(to) < self.entities && walk.takes(&n, r, &to) {
                    hops.push(Hop { edge, to, forward });
                }
            }
        }
        hops.sort_unstable_by_key(|h| (h.edge, h.forward));
        hops
    }

    fn kind(&self, n: u32) -> Kind {
        let k = self
            .get(Section::Kinds, u64::from(n), 1)
            .map_or(0, |b| b[0]);
        Kind::ALL.get(k as usize).copied().unwrap_or_else(|| {
            self.hurt(|| format!("kind number {k} is unknown"));
            Kind::ALL[0]
        })
    }

    fn endpoints(&self, e: u32) -> (u32, u32) {
        // The first two fields alone: the rest of the record is not read.
        let r = self.record::<{ FactRecord::OBJECT + 4 }>(Section::Facts, u64::from(e), FACT_LEN);
        FactRecord::endpoints_of(&r)
    }
}

impl crate::query::Read for Snapshot {
    fn resolve(&self, query: &str) -> Result<u32, NameError> {
        Snapshot::resolve(self, query)
    }

    fn entity(&self, n: u32) -> Cow<'_, Entity> {
        Cow::Owned(Snapshot::entity(self, n))
    }

    fn fact(&self, e: u32) -> Cow<'_, Fact> {
        Cow::Owned(self.fact_at(e))
    }

    fn facts_of(&self, n: u32, forward: bool) -> Vec<u32> {
        let mut facts = Snapshot::facts_of(self, n, forward);
        facts.sort_unstable();
        facts
    }

    fn source(&self, id: &str) -> Option<Cow<'_, Source>> {
        Snapshot::source(self, id).map(Cow::Owned)
    }

    fn all_nodes(&self) -> Vec<u32> {
        self.nodes().collect()
    }

    fn all_edges(&self) -> Vec<u32> {
        (0..self.facts as u32).collect()
    }

    fn source_count(&self) -> usize {
        self.sources as usize
    }

    fn all_sources(&self) -> Vec<Cow<'_, Source>> {
        self.sources_where(|_| true)
            .into_iter()
            .map(Cow::Owned)
            .collect()
    }

    fn sources_of(&self, e: u32) -> Vec<String> {
        Snapshot::sources_of(self, e)
    }

    fn damage(&self) -> Option<String> {
        Snapshot::damage(self)
    }
}

impl crate::query::Describe for Snapshot {
    fn name(&self, n: u32) -> &str {
        Snapshot::name(self, n)
    }

    fn name_and_kind(&self, n: u32) -> (&str, Kind) {
        let r = EntityRecord::decode(&self.entity_record(n));
        let kind = Kind::ALL.get(r.kind as usize).copied().unwrap_or_else(|| {
            self.hurt(|| format!("kind number {} is unknown", r.kind));
            Kind::ALL[0]
        });
        (self.string(r.name), kind)
    }

    fn relation(&self, e: u32) -> Relation {
        // The fields up to the relation: the page is shared with other facts' records.
        let r = self.record::<{ AttributeRecord::RELATION + 1 }>(
            Section::Attributes,
            u64::from(e),
            ATTR_LEN,
        );
        let number = r[AttributeRecord::RELATION];
        Relation::ALL
            .get(number as usize)
            .copied()
            .unwrap_or_else(|| {
                self.hurt(|| format!("relation number {number} is unknown"));
                Relation::ALL[0]
            })
    }

    fn count_and_date(&self, e: u32) -> (Option<u64>, Option<&str>) {
        let r = self.record::<{ AttributeRecord::COUNT + 4 }>(
            Section::Attributes,
            u64::from(e),
            ATTR_LEN,
        );
        let count = match u32_le(&r, AttributeRecord::COUNT) {
            NO_COUNT => None,
            BIG_COUNT => {
                let f = FactRecord::decode(&self.fact_record(e));
                (f.flags & HAS_COUNT != 0).then_some(f.count)
            }
            c => Some(u64::from(c)),
        };
        (count, self.symbol(u32_le(&r, AttributeRecord::DATE)))
    }
}
