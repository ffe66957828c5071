//! The parts of a snapshot's sections that both builders write, defined once: the string
//! and symbol tables, an entity's and a fact's records with their index entries, a
//! source's record, the sorted name indexes and the adjacency lists. [`super::build()`]
//! feeds them a [`crate::model::KnowledgeGraph`]; [`super::stream::Stream`] feeds them
//! records as they go by; so both write the very same bytes for the same graph.

use super::format::*;
use crate::model::name::lookup_key;
use crate::model::{Entity, Fact, Kind, Source};
use crate::query::names::word_starts;
use rustc_hash::FxHashMap as HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Interned strings: a string put twice is stored once, at the place it was first put.
/// Found by a hash of the string and checked against the stored bytes, so the table does
/// not hold the strings a second time (24 bytes an entry).
#[derive(Default)]
pub(super) struct Strings {
    pub(super) bytes: Vec<u8>,
    /// The hash of an interned string: where it is and its length.
    seen: HashMap<u64, (u64, u32)>,
    /// Interned strings whose hash another string had first (never seen in practice).
    clash: HashMap<Box<str>, u64>,
}

impl Strings {
    /// Room for `count` distinct strings, so that the table is not rehashed as it grows
    /// (an unused slot costs address space, not memory, until it is written).
    pub(super) fn with_capacity(count: usize) -> Self {
        Strings {
            seen: HashMap::with_capacity_and_hasher(count, Default::default()),
            ..Strings::default()
        }
    }

    /// Interns `s`: where it is stored and its length.
    pub(super) fn put(&mut self, s: &str) -> Str {
        let len = s.len() as u32;
        let hash = xxh3_64(s.as_bytes());
        match self.seen.get(&hash) {
            Some(&(off, l)) if l == len && self.slice(Str { off, len: l }) == s.as_bytes() => {
                Str { off, len }
            }
            Some(_) => {
                if let Some(&off) = self.clash.get(s) {
                    return Str { off, len };
                }
                let at = self.put_owned(s);
                self.clash.insert(s.into(), at.off);
                at
            }
            None => {
                let at = self.put_owned(s);
                self.seen.insert(hash, (at.off, at.len));
                at
            }
        }
    }

    /// Stores a string without interning it.
    pub(super) fn put_owned(&mut self, s: &str) -> Str {
        let at = Str {
            off: self.bytes.len() as u64,
            len: s.len() as u32,
        };
        self.bytes.extend_from_slice(s.as_bytes());
        at
    }

    /// The bytes of a stored string.
    pub(super) fn slice(&self, s: Str) -> &[u8] {
        &self.bytes[s.off as usize..s.off as usize + s.len as usize]
    }
}

/// Symbols (dates, source ids, rules): numbered strings, the `Symbols` section.
#[derive(Default)]
pub(super) struct Symbols {
    pub(super) table: Vec<u8>,
    number: HashMap<String, u32>,
}

impl Symbols {
    /// The number of symbol `s` ([`NONE`] for none), numbered on first sight.
    pub(super) fn get(&mut self, strings: &mut Strings, s: Option<&str>) -> u32 {
        let Some(s) = s else { return NONE };
        if let Some(&n) = self.number.get(s) {
            return n;
        }
        let n = self.number.len() as u32;
        SymbolRecord(strings.put(s)).encode(&mut self.table);
        self.number.insert(s.to_string(), n);
        n
    }

    /// How many symbols there are.
    pub(super) fn len(&self) -> usize {
        self.number.len()
    }
}

/// The entity sections being written: `Entities`, `Kinds`, and the keys of the `Names`
/// and `Prefixes` indexes (sorted by [`EntitySections::index`]).
#[derive(Default)]
pub(super) struct EntitySections {
    pub(super) entities: Vec<u8>,
    pub(super) kinds: Vec<u8>,
    /// Index entries as (key offset, key length, entity): 16 bytes, not an
    /// [`IndexRecord`]'s 24, for the tens of millions a large base has.
    names: Vec<(u64, u32, u32)>,
    prefixes: Vec<(u64, u32, u32)>,
}

impl EntitySections {
    pub(super) fn with_capacity(v: usize) -> Self {
        EntitySections {
            entities: Vec::with_capacity(v * ENTITY_LEN as usize),
            kinds: Vec::with_capacity(v),
            ..EntitySections::default()
        }
    }

    /// How many entities are in.
    pub(super) fn len(&self) -> usize {
        self.kinds.len()
    }

    /// The next entity: its record, its kind, its lookup-keyed names and their word starts.
    pub(super) fn push(&mut self, strings: &mut Strings, ent: &Entity) {
        let i = self.kinds.len() as u32;
        let id = strings.put(&ent.id);
        let name = strings.put(&ent.name);
        let rest = match entity_rest(ent) {
            Some(r) => strings.put_owned(&r),
            None => Str::default(),
        };
        let kind = kind_number(ent.kind);
        EntityRecord {
            id,
            name,
            rest,
            kind,
        }
        .encode(&mut self.entities);
        self.kinds.push(kind);
        let claim = ent.kind == Kind::Statement;
        for (j, name) in ent.names().enumerate() {
            let key = lookup_key(name);
            if key.is_empty() {
                continue;
            }
            let at = strings.put_owned(&key);
            let flag = if j == 0 { CANONICAL } else { 0 };
            self.names.push((at.off, at.len, i | flag));
            if claim {
                self.prefixes.push((at.off, at.len, i));
            } else {
                for s in word_starts(&key) {
                    self.prefixes
                        .push((at.off + s as u64, at.len - s as u32, i));
                }
            }
        }
    }

    /// The id of entity `i`, from its record.
    pub(super) fn id_of<'s>(&self, strings: &'s Strings, i: u32) -> &'s [u8] {
        strings.slice(self.id_str(i))
    }

    /// Where the id of entity `i` is stored, from its record.
    pub(super) fn id_str(&self, i: u32) -> Str {
        let at = i as usize * ENTITY_LEN as usize;
        Str {
            off: u64_le(&self.entities, at + EntityRecord::ID_OFF),
            len: u32_le(&self.entities, at + EntityRecord::ID_LEN),
        }
    }

    /// The entity numbers in id order (the `Ids` section, once encoded).
    pub(super) fn id_order(&self, strings: &Strings) -> Vec<u32> {
        let mut ids: Vec<u32> = (0..self.len() as u32).collect();
        ids.sort_unstable_by(|&a, &b| self.id_of(strings, a).cmp(self.id_of(strings, b)));
        ids
    }

    /// The `Names` and `Prefixes` sections, sorted by key then entity (what a lookup
    /// binary-searches), and how many entries each has.
    pub(super) fn index(&mut self, strings: &Strings, sections: &mut [Vec<u8>]) -> (usize, usize) {
        let mut counts = (0, 0);
        for (section, list, count) in [
            (Section::Names, &mut self.names, &mut counts.0),
            (Section::Prefixes, &mut self.prefixes, &mut counts.1),
        ] {
            let mut list = std::mem::take(list);
            let key = |&(off, len, _): &(u64, u32, u32)| strings.slice(Str { off, len });
            list.sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.2.cmp(&b.2)));
            let mut out = Vec::with_capacity(list.len() * INDEX_LEN as usize);
            for &(off, len, entity) in &list {
                IndexRecord {
                    key: Str { off, len },
                    entity,
                }
                .encode(&mut out);
            }
            sections[section as usize] = out;
            *count = list.len();
        }
        counts
    }
}

/// Appends fact `f` from entity `s` to entity `o` to the `Facts` and `Attributes`
/// sections, interning its strings and symbols.
pub(super) fn push_fact(
    strings: &mut Strings,
    symbols: &mut Symbols,
    (s, o): (u32, u32),
    f: &Fact,
    facts: &mut Vec<u8>,
    attrs: &mut Vec<u8>,
) {
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
        Some(t) => strings.put(t),
        None => Str::default(),
    };
    let rest = if f.extra.is_empty() {
        Str::default()
    } else {
        strings.put_owned(&serde_json::to_string(&f.extra).expect("JSON values serialize"))
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
    .encode(attrs);
    let [span0, span1] = f.span.unwrap_or([0, 0]);
    FactRecord {
        subject: s,
        object: o,
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
    .encode(facts);
}

/// The `Sources` section: each source kept whole as JSON.
pub(super) fn source_section<'a>(
    strings: &mut Strings,
    sources: impl ExactSizeIterator<Item = &'a Source>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(sources.len() * SOURCE_LEN as usize);
    for s in sources {
        let id = strings.put(&s.id);
        let json = serde_json::to_string(s).expect("sources serialize");
        let json = strings.put_owned(&json);
        SourceRecord { id, json }.encode(&mut out);
    }
    out
}

/// The `OutOffsets`, `OutAdjacency`, `InOffsets` and `InAdjacency` sections of `v`
/// entities, from the `Facts` section: compressed sparse rows, each entity's list in fact
/// order.
pub(super) fn adjacency_sections(v: usize, sections: &mut [Vec<u8>]) {
    let facts = &sections[Section::Facts as usize];
    let e = facts.len() / FACT_LEN as usize;
    let ends = || {
        facts.chunks_exact(FACT_LEN as usize).map(|rec| {
            let (s, o) = FactRecord::endpoints_of(rec);
            (s as usize, o as usize, u32::from(rec[FactRecord::RELATION]))
        })
    };
    let mut out_deg = vec![0u32; v + 1];
    let mut in_deg = vec![0u32; v + 1];
    for (s, o, _) in ends() {
        out_deg[s + 1] += 1;
        in_deg[o + 1] += 1;
    }
    for d in [&mut out_deg, &mut in_deg] {
        for i in 1..d.len() {
            d[i] += d[i - 1];
        }
    }
    let mut out_adj = vec![0u8; e * ADJ_LEN as usize];
    let mut in_adj = vec![0u8; e * ADJ_LEN as usize];
    let (mut out_fill, mut in_fill) = (out_deg.clone(), in_deg.clone());
    for (fact, (s, o, relation)) in ends().enumerate() {
        for (adj, fill, from, to) in [
            (&mut out_adj, &mut out_fill, s, o),
            (&mut in_adj, &mut in_fill, o, s),
        ] {
            let at = fill[from] as usize * ADJ_LEN as usize;
            AdjacencyRecord {
                other: to as u32,
                fact: fact as u32,
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

/// An entity's aliases and unknown fields as one JSON object, or `None` when it has none.
pub(super) fn entity_rest(e: &Entity) -> Option<String> {
    if e.aliases.is_empty() && e.extra.is_empty() {
        return None;
    }
    let mut map = e.extra.clone();
    if !e.aliases.is_empty() {
        map.insert("aliases".into(), serde_json::json!(e.aliases));
    }
    Some(serde_json::to_string(&map).expect("JSON values serialize"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A string put twice is stored once, where it was first put; a string stored
    /// without interning is stored again; symbols are numbered on first sight.
    #[test]
    fn strings_are_interned_where_first_put_and_symbols_numbered() {
        let mut strings = Strings::with_capacity(4);
        let a = strings.put("Moscow");
        let b = strings.put("Pyongyang");
        assert_eq!(strings.put("Moscow"), a);
        let owned = strings.put_owned("Moscow");
        assert_ne!(owned.off, a.off);
        assert_eq!(strings.slice(owned), b"Moscow");
        assert_eq!(strings.slice(b), b"Pyongyang");
        assert_eq!(strings.put(""), Str { off: 21, len: 0 });
        let mut symbols = Symbols::default();
        assert_eq!(symbols.get(&mut strings, None), NONE);
        assert_eq!(symbols.get(&mut strings, Some("2024")), 0);
        assert_eq!(symbols.get(&mut strings, Some("Moscow")), 1);
        assert_eq!(symbols.get(&mut strings, Some("2024")), 0);
        assert_eq!(symbols.len(), 2);
        // "Moscow" was interned already: its symbol points at the first copy.
        assert_eq!(SymbolRecord::decode(&symbols.table[12..]).0, a);
    }
}
