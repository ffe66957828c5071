//! [`Stream`]: a snapshot built from a graph file's records as they go by, without the
//! graph in memory. `kg compact` writes the snapshot of the base it folds this way, from
//! the records it copies (`src/kb/fold.rs`), so that the first query after it does not
//! build one from the whole JSON.
//!
//! Records come in the graph file's order, every entity before the first fact (sources at
//! any time), and each is checked as [`crate::model::KnowledgeGraph::from_file`] checks
//! it. [`Stream::finish`] gives the very bytes [`super::build()`] gives for the graph the
//! records make (the tests hold it): the same records in the same sections, each string
//! stored where `build` stores it. Records that do not make a graph give no snapshot
//! (the first query then builds one from the JSON, and says what is wrong).
//!
//! # Complexity
//! O(V + E + N log N) time for N names and word starts, as [`super::build()`]. Memory:
//! the snapshot's sections (about the snapshot's size) and a 24-byte entry per interned
//! string; not the graph, nor the text of the records once read.

use super::build::{Built, Counts, Stamp, TooLarge, entity_rest, lay_out};
use super::format::*;
use super::meta::Meta;
use crate::model::name::lookup_key;
use crate::model::{Entity, Fact, Invalid, Kind, Source, is_date_prefix};
use crate::query::names::word_starts;
use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use xxhash_rust::xxh3::xxh3_64;

/// Why records give no snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// They do not make a valid graph.
    Invalid(Invalid),
    /// More than a snapshot holds.
    TooLarge(TooLarge),
    /// An entity came after a fact.
    OutOfOrder,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Refused::Invalid(i) => i.fmt(f),
            Refused::TooLarge(t) => t.fmt(f),
            Refused::OutOfOrder => f.write_str("an entity comes after the facts"),
        }
    }
}

impl std::error::Error for Refused {}

/// Interned strings, as `build` interns them: a string put twice is stored once, at the
/// place it was first put. Found by a hash of the string and checked against the stored
/// bytes, so the table does not hold the strings a second time.
#[derive(Default)]
struct Strings {
    bytes: Vec<u8>,
    /// The hash of an interned string: where it is and its length.
    seen: HashMap<u64, (u64, u32)>,
    /// Interned strings whose hash another string had first (never seen in practice).
    clash: HashMap<Box<str>, u64>,
}

impl Strings {
    fn put(&mut self, s: &str) -> (u64, u32) {
        let len = s.len() as u32;
        let hash = xxh3_64(s.as_bytes());
        match self.seen.get(&hash) {
            Some(&(off, l)) if l == len && self.slice(off, l) == s.as_bytes() => (off, len),
            Some(_) => {
                if let Some(&off) = self.clash.get(s) {
                    return (off, len);
                }
                let at = self.put_owned(s);
                self.clash.insert(s.into(), at.0);
                at
            }
            None => {
                let at = self.put_owned(s);
                self.seen.insert(hash, at);
                at
            }
        }
    }

    /// Stores a string without interning it.
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
struct Symbols {
    table: Vec<u8>,
    number: HashMap<String, u32>,
}

impl Symbols {
    fn get(&mut self, strings: &mut Strings, s: Option<&str>) -> u32 {
        let Some(s) = s else { return NONE };
        if let Some(&n) = self.number.get(s) {
            return n;
        }
        let n = self.number.len() as u32;
        let (off, len) = strings.put(s);
        self.table.extend_from_slice(&off.to_le_bytes());
        self.table.extend_from_slice(&len.to_le_bytes());
        self.number.insert(s.to_string(), n);
        n
    }
}

/// A snapshot being built from records (see the module doc).
#[derive(Default)]
pub struct Stream {
    strings: Strings,
    symbols: Symbols,
    entities: Vec<u8>,
    kinds: Vec<u8>,
    names: Vec<(u64, u32, u32)>,
    prefixes: Vec<(u64, u32, u32)>,
    /// The entity numbers in id order, from the first fact on.
    ids: Option<Vec<u32>>,
    /// The hash of each entity's id and its number, from the first fact on: a fact's
    /// endpoints are found with one lookup each, not a search of the sorted ids (two
    /// dozen scattered reads per endpoint at 2M entities).
    by_id: HashMap<u64, u32>,
    facts: Vec<u8>,
    attrs: Vec<u8>,
    out_deg: Vec<u32>,
    in_deg: Vec<u32>,
    sources: Vec<Source>,
    /// The first reason the records give no snapshot.
    refused: Option<Refused>,
}

impl Stream {
    pub fn new() -> Stream {
        Stream::default()
    }

    fn refuse(&mut self, why: Refused) {
        self.refused.get_or_insert(why);
    }

    /// The next source.
    pub fn source(&mut self, s: &Source) {
        if let Some(d) = &s.date
            && !is_date_prefix(d)
        {
            self.refuse(Refused::Invalid(Invalid::BadDate { date: d.clone() }));
        }
        if self.refused.is_none() {
            self.sources.push(s.clone());
        }
    }

    /// The next entity (all come before the first fact).
    pub fn entity(&mut self, ent: &Entity) {
        if self.ids.is_some() {
            self.refuse(Refused::OutOfOrder);
        }
        if ent.id.is_empty() {
            self.refuse(Refused::Invalid(Invalid::EmptyId));
        }
        if ent.name.trim().is_empty() {
            self.refuse(Refused::Invalid(Invalid::EmptyName { id: ent.id.clone() }));
        }
        if self.refused.is_some() {
            return;
        }
        let i = self.kinds.len() as u32;
        let strings = &mut self.strings;
        let (id_off, id_len) = strings.put(&ent.id);
        let (name_off, name_len) = strings.put(&ent.name);
        let (rest_off, rest_len) = match entity_rest(ent) {
            Some(r) => strings.put_owned(&r),
            None => (0, 0),
        };
        let e = &mut self.entities;
        e.extend_from_slice(&id_off.to_le_bytes());
        e.extend_from_slice(&id_len.to_le_bytes());
        e.extend_from_slice(&name_len.to_le_bytes());
        e.extend_from_slice(&name_off.to_le_bytes());
        e.extend_from_slice(&rest_off.to_le_bytes());
        e.extend_from_slice(&rest_len.to_le_bytes());
        e.extend_from_slice(&[kind_number(ent.kind), 0, 0, 0]);
        self.kinds.push(kind_number(ent.kind));
        let claim = ent.kind == Kind::Statement;
        for (j, name) in ent.names().enumerate() {
            let key = lookup_key(name);
            if key.is_empty() {
                continue;
            }
            let (off, len) = strings.put_owned(&key);
            let flag = if j == 0 { CANONICAL } else { 0 };
            self.names.push((off, len, i | flag));
            if claim {
                self.prefixes.push((off, len, i));
            } else {
                for s in word_starts(&key) {
                    self.prefixes.push((off + s as u64, len - s as u32, i));
                }
            }
        }
    }

    /// The id of entity `i`, from its record.
    fn id_of(&self, i: u32) -> &[u8] {
        let at = i as usize * ENTITY_LEN as usize;
        let off = u64_le(&self.entities, at);
        let len = u32_le(&self.entities, at + 8);
        self.strings.slice(off, len)
    }

    /// Numbers the entities in id order once they are all in; an id used twice refuses.
    fn close_entities(&mut self) {
        if self.ids.is_some() {
            return;
        }
        let v = self.kinds.len();
        let mut ids: Vec<u32> = (0..v as u32).collect();
        ids.sort_unstable_by(|&a, &b| self.id_of(a).cmp(self.id_of(b)));
        if let Some(w) = ids
            .windows(2)
            .find(|w| self.id_of(w[0]) == self.id_of(w[1]))
        {
            let id = String::from_utf8_lossy(self.id_of(w[0])).into_owned();
            self.refuse(Refused::Invalid(Invalid::DuplicateId { id }));
        }
        let mut by_id = HashMap::with_capacity_and_hasher(v, Default::default());
        for i in 0..v as u32 {
            by_id.insert(xxh3_64(self.id_of(i)), i);
        }
        self.by_id = by_id;
        self.ids = Some(ids);
        self.out_deg = vec![0; v + 1];
        self.in_deg = vec![0; v + 1];
    }

    /// The number of the entity with this id.
    fn number(&self, id: &str) -> Option<u32> {
        if let Some(&i) = self.by_id.get(&xxh3_64(id.as_bytes()))
            && self.id_of(i) == id.as_bytes()
        {
            return Some(i);
        }
        // Two ids with one hash (the table kept the last): search the sorted ids.
        let ids = self.ids.as_ref()?;
        let at = ids
            .binary_search_by(|&i| self.id_of(i).cmp(id.as_bytes()))
            .ok()?;
        Some(ids[at])
    }

    /// The next fact.
    pub fn fact(&mut self, f: &Fact) {
        self.close_entities();
        if self.refused.is_some() {
            return;
        }
        let endpoint = |role, id: &String| {
            self.number(id).ok_or_else(|| Invalid::Dangling {
                role,
                id: id.clone(),
            })
        };
        let ends = endpoint("subject", &f.subject)
            .and_then(|s| Ok((s, endpoint("object", &f.object)?)))
            .and_then(|ends| match (&f.date, f.span) {
                (Some(d), _) if !is_date_prefix(d) => Err(Invalid::BadDate { date: d.clone() }),
                (_, Some([start, end])) if end < start => Err(Invalid::BadSpan { start, end }),
                _ => Ok(ends),
            });
        let (s, o) = match ends {
            Ok(ends) => ends,
            Err(invalid) => return self.refuse(Refused::Invalid(invalid)),
        };
        self.out_deg[s as usize + 1] += 1;
        self.in_deg[o as usize + 1] += 1;
        let mut flags = 0;
        flags |= if f.count.is_some() { HAS_COUNT } else { 0 };
        flags |= if f.span.is_some() { HAS_SPAN } else { 0 };
        flags |= if f.evidence.is_some() {
            HAS_EVIDENCE
        } else {
            0
        };
        let strings = &mut self.strings;
        let date = self.symbols.get(strings, f.date.as_deref());
        let source = self.symbols.get(strings, f.source.as_deref());
        let rule = self.symbols.get(strings, f.rule.as_deref());
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
        let relation = relation_number(f.relation) as u8;
        self.attrs.extend_from_slice(&date.to_le_bytes());
        self.attrs.extend_from_slice(&count.to_le_bytes());
        self.attrs.extend_from_slice(&[relation, 0, 0, 0]);
        let [span0, span1] = f.span.unwrap_or([0, 0]);
        let r = &mut self.facts;
        r.extend_from_slice(&s.to_le_bytes());
        r.extend_from_slice(&o.to_le_bytes());
        r.extend_from_slice(&[relation, flags, 0, 0]);
        r.extend_from_slice(&date.to_le_bytes());
        r.extend_from_slice(&source.to_le_bytes());
        r.extend_from_slice(&rule.to_le_bytes());
        r.extend_from_slice(&f.count.unwrap_or(0).to_le_bytes());
        r.extend_from_slice(&(span0 as u64).to_le_bytes());
        r.extend_from_slice(&(span1 as u64).to_le_bytes());
        r.extend_from_slice(&ev_off.to_le_bytes());
        r.extend_from_slice(&ev_len.to_le_bytes());
        r.extend_from_slice(&rest_len.to_le_bytes());
        r.extend_from_slice(&rest_off.to_le_bytes());
    }

    /// The snapshot of the records, standing for a JSON file with this `stamp` whose base
    /// `meta` describes; refused when the records do not make a graph.
    pub fn finish(mut self, stamp: Stamp, meta: &Meta) -> Result<Built, Refused> {
        self.close_entities();
        if let Some(why) = self.refused {
            return Err(why);
        }
        let (v, e) = (self.kinds.len(), self.facts.len() / FACT_LEN as usize);
        if e as u64 >= MAX_FACTS || v as u64 >= u64::from(CANONICAL) {
            return Err(Refused::TooLarge(TooLarge { facts: e }));
        }
        let mut sections: Vec<Vec<u8>> = vec![Vec::new(); Section::ALL.len()];
        let sec = |s: Section| s as usize;
        let strings = &mut self.strings;
        let by_key = |strings: &Strings, list: &mut Vec<(u64, u32, u32)>| {
            list.sort_unstable_by(|a, b| {
                strings
                    .slice(a.0, a.1)
                    .cmp(strings.slice(b.0, b.1))
                    .then(a.2.cmp(&b.2))
            });
        };
        by_key(strings, &mut self.names);
        by_key(strings, &mut self.prefixes);
        let index = |list: &[(u64, u32, u32)]| {
            let mut out = Vec::with_capacity(list.len() * INDEX_LEN as usize);
            for &(off, len, ent) in list {
                out.extend_from_slice(&off.to_le_bytes());
                out.extend_from_slice(&len.to_le_bytes());
                out.extend_from_slice(&ent.to_le_bytes());
            }
            out
        };
        sections[sec(Section::Names)] = index(&self.names);
        sections[sec(Section::Prefixes)] = index(&self.prefixes);
        let (name_count, prefix_count) = (self.names.len(), self.prefixes.len());
        drop((self.names, self.prefixes));
        let ids = self.ids.take().expect("closed above");
        drop(std::mem::take(&mut self.by_id));
        sections[sec(Section::Ids)] = ids.into_iter().flat_map(u32::to_le_bytes).collect();
        sections[sec(Section::Kinds)] = self.kinds;
        sections[sec(Section::Attributes)] = self.attrs;

        // Sources, kept whole as JSON.
        let mut sources = Vec::with_capacity(self.sources.len() * SOURCE_LEN as usize);
        for s in &self.sources {
            let (id_off, id_len) = strings.put(&s.id);
            let json = serde_json::to_string(s).expect("sources serialize");
            let (json_off, json_len) = strings.put_owned(&json);
            sources.extend_from_slice(&id_off.to_le_bytes());
            sources.extend_from_slice(&id_len.to_le_bytes());
            sources.extend_from_slice(&json_len.to_le_bytes());
            sources.extend_from_slice(&json_off.to_le_bytes());
        }
        sections[sec(Section::Sources)] = sources;
        let symbol_count = self.symbols.number.len();
        sections[sec(Section::Symbols)] = std::mem::take(&mut self.symbols.table);
        drop(self.symbols);
        sections[sec(Section::Strings)] = std::mem::take(&mut self.strings.bytes);
        drop(self.strings);

        // Both adjacency lists, from the fact records.
        let (mut out_deg, mut in_deg) = (self.out_deg, self.in_deg);
        for d in [&mut out_deg, &mut in_deg] {
            for i in 1..d.len() {
                d[i] += d[i - 1];
            }
        }
        let mut out_adj = vec![0u8; e * ADJ_LEN as usize];
        let mut in_adj = vec![0u8; e * ADJ_LEN as usize];
        let (mut out_fill, mut in_fill) = (out_deg.clone(), in_deg.clone());
        for (n, rec) in self.facts.chunks_exact(FACT_LEN as usize).enumerate() {
            let (s, o) = (u32_le(rec, 0) as usize, u32_le(rec, 4) as usize);
            let tag = (n as u32) << RELATION_BITS | u32::from(rec[8]);
            for (adj, fill, from, to) in [
                (&mut out_adj, &mut out_fill, s, o),
                (&mut in_adj, &mut in_fill, o, s),
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
        sections[sec(Section::Facts)] = self.facts;
        sections[sec(Section::Entities)] = self.entities;
        sections[sec(Section::Meta)] = meta.to_bytes();
        let counts = Counts {
            entities: v,
            facts: e,
            sources: self.sources.len(),
            symbols: symbol_count,
            names: name_count,
            prefixes: prefix_count,
        };
        Ok(lay_out(sections, stamp, &counts))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{GraphFile, KnowledgeGraph};
    use crate::store::snapshot::build;

    /// The records of a graph file, streamed.
    pub(crate) fn streamed(file: &GraphFile, stamp: Stamp) -> Result<Vec<u8>, Refused> {
        let mut s = Stream::new();
        for e in &file.entities {
            s.entity(e);
        }
        file.sources.iter().for_each(|x| s.source(x));
        file.facts.iter().for_each(|f| s.fact(f));
        Ok(s.finish(stamp, &Meta::of(&file.extra))?.into_bytes())
    }

    pub(crate) fn built(file: &GraphFile, stamp: Stamp) -> Vec<u8> {
        let g = KnowledgeGraph::from_file(file.clone()).unwrap();
        build(g, stamp).unwrap().into_bytes()
    }

    #[test]
    fn the_embedded_graph_streams_to_the_bytes_build_writes() {
        let g = crate::store::load_base(None).unwrap();
        let file = g.to_file();
        let stamp = Stamp {
            len: 12345,
            mtime_ns: 678,
        };
        assert_eq!(streamed(&file, stamp).unwrap(), built(&file, stamp));
    }

    #[test]
    fn records_that_make_no_graph_make_no_snapshot() {
        let file = crate::store::load_base(None).unwrap().to_file();
        let mut twice = file.clone();
        twice.entities.push(file.entities[0].clone());
        assert_eq!(
            streamed(&twice, Stamp::default()).unwrap_err().to_string(),
            format!("entity id '{}' is used twice", file.entities[0].id)
        );
        let mut dangling = file.clone();
        dangling.facts[0].object = "nobody".into();
        assert_eq!(
            streamed(&dangling, Stamp::default())
                .unwrap_err()
                .to_string(),
            "fact object 'nobody' names no entity"
        );
        let mut late = Stream::new();
        file.entities.iter().for_each(|e| late.entity(e));
        late.fact(&file.facts[0]);
        late.entity(&Entity::new("late", "Late", Kind::Person));
        assert_eq!(
            late.finish(Stamp::default(), &Meta::default()).err(),
            Some(Refused::OutOfOrder)
        );
    }
}
