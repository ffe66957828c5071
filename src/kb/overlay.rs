//! [`Overlay`]: a snapshot with its base's journal on top (see [`super::journal`]):
//! the graph a query sees after `kg add` appended articles to a large base, without the
//! base or its snapshot being rewritten.
//!
//! Entities and facts keep the snapshot's numbers; a journal record with the id (or, for a
//! fact, the key) of one in the snapshot stands in for it, and new ones are numbered after
//! the snapshot's, in journal order: the order the JSON reader gives the base with the
//! journal applied, so both answer alike. Searches see the snapshot's adjacency plus the
//! new facts'; names resolve through the snapshot's indexes with the journal's entities
//! beside them (hiding the old records of the entities they replace). A removal's facts
//! (see [`super::retract`]) are hidden by number, and its source by id: searches,
//! listings and counts skip them, as the JSON reader, which takes them out, does. A
//! merge's gone entity (see [`super::unite`]) is hidden the same way, by number: names and
//! its id no longer find it, listings and counts skip it (its facts are hidden as a
//! removal's are, and come back as the kept entity's).
//!
//! It is read through [`Overlay::view`]: the queries' code is written once, in
//! [`super::delta::layered`], over the rows the overlay and a delta file both give.

use super::Journal;
use super::delta::layered::{FactParts, Layered, Rows};
use super::journal::{Entry, put};
use super::known::Known;
use super::merge::{FactKey, fact_key};
use crate::model::name::lookup_key;
use crate::model::{Entity, Fact, Kind, Source};
use crate::query::Describe;
use crate::store::snapshot::Snapshot;
use crate::store::snapshot::format::relation_number;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// A snapshot and the journal on top of it.
pub struct Overlay<'s> {
    snap: &'s Snapshot,
    /// The snapshot's entity and fact counts: numbers from these on are the journal's.
    nodes: u32,
    edges: u32,
    /// Entities added or changed, with their numbers, in order of first appearance.
    entities: Vec<(u32, Entity)>,
    entity_at: FxHashMap<u32, usize>,
    /// Ids of the journal's entities.
    ids: HashMap<String, u32>,
    /// Facts added or changed: (number, subject, object, record).
    facts: Vec<(u32, u32, u32, Fact)>,
    fact_at: FxHashMap<u32, usize>,
    keys: HashMap<FactKey, usize>,
    /// The new facts out of and into each entity: (other end, fact).
    out: FxHashMap<u32, Vec<(u32, u32)>>,
    into: FxHashMap<u32, Vec<(u32, u32)>>,
    /// Sources added or replaced, and where each id is.
    sources: Vec<Source>,
    source_at: HashMap<String, usize>,
    /// How many entities and facts the journal adds.
    new_nodes: u32,
    new_edges: u32,
    /// Facts a removal took out, by number, and sources by id.
    gone: FxHashSet<u32>,
    gone_sources: HashSet<String>,
    /// Entities a merge took out (they joined another), by number.
    gone_nodes: FxHashSet<u32>,
    /// The snapshot's numbers of the ids the journal names when the overlay was made
    /// (`None`: no entity of the snapshot has it), looked up together
    /// ([`Snapshot::by_ids`]): a removal or a merge of a large entity names thousands.
    found: FxHashMap<String, Option<u32>>,
}

/// How many facts of one entry are laid on top (or, in `kg merge`, of the joining
/// entity read) between two releases of the snapshot's pages: each fact's lookups map
/// the pages around the records read too (the kernel's fault-around), 1.6–1.9 GB of a
/// 10M-fact snapshot resident for a merge of two entities of about 20,000 facts each.
pub(crate) const RELEASE_FACTS: usize = 1024;

/// The entity ids a journal entry names (with repeats): its facts' ends, its entities,
/// and the entities it takes out.
fn named(e: &Entry) -> impl Iterator<Item = &str> {
    let ends = e.dropped.iter().chain(&e.facts);
    ends.flat_map(|f| [f.subject.as_str(), f.object.as_str()])
        .chain(e.entities.iter().map(|x| x.id.as_str()))
        .chain(
            e.gone
                .iter()
                .chain(e.merged.iter().flatten())
                .map(String::as_str),
        )
}

impl<'s> Overlay<'s> {
    /// The snapshot with the journal's records on top; an error names a record that does
    /// not fit (a fact naming an entity neither has).
    ///
    /// # Complexity
    /// O(r log r) for r records, plus a scan of a subject's facts in the snapshot for each
    /// fact that may replace one there.
    pub fn new(snap: &'s Snapshot, journal: Journal) -> Result<Overlay<'s>, String> {
        let mut o = Overlay {
            snap,
            nodes: snap.entity_count() as u32,
            edges: snap.fact_count() as u32,
            entities: Vec::new(),
            entity_at: FxHashMap::default(),
            ids: HashMap::new(),
            facts: Vec::new(),
            fact_at: FxHashMap::default(),
            keys: HashMap::new(),
            out: FxHashMap::default(),
            into: FxHashMap::default(),
            sources: Vec::new(),
            source_at: HashMap::new(),
            new_nodes: 0,
            new_edges: 0,
            gone: FxHashSet::default(),
            gone_sources: HashSet::new(),
            gone_nodes: FxHashSet::default(),
            found: FxHashMap::default(),
        };
        o.find_ids(journal.entries.iter().flat_map(named));
        for entry in journal.entries {
            o.push(entry)?;
        }
        Ok(o)
    }

    /// Looks up together (see [`Snapshot::by_ids`]) the snapshot's entities of these ids
    /// not looked up yet, for the lookups by id that follow.
    pub(crate) fn find_ids<'a>(&mut self, ids: impl Iterator<Item = &'a str>) {
        let mut ids: Vec<&str> = ids.filter(|id| !self.found.contains_key(*id)).collect();
        ids.sort_unstable();
        ids.dedup();
        let nodes = self.snap.by_ids(&ids);
        self.found
            .extend(ids.into_iter().map(str::to_string).zip(nodes));
    }

    /// Lays one more journal entry on top.
    pub fn push(&mut self, entry: Entry) -> Result<(), String> {
        self.find_ids(named(&entry));
        // (a large entry's facts read the snapshot's pages here and there: let go every so
        // many, see `RELEASE_FACTS`)
        let snap = self.snap;
        let release = |n: usize| {
            if n % RELEASE_FACTS == RELEASE_FACTS - 1 {
                snap.release_resident();
            }
        };
        if let Some(id) = entry.removed {
            if let Some(i) = self.source_at.remove(&id) {
                // Kept in place (positions are indexed), found no more.
                self.sources[i].id.clear();
            }
            self.gone_sources.insert(id);
        }
        for (n, f) in entry.dropped.iter().enumerate() {
            release(n);
            self.drop_fact(f);
        }
        if let Some([_, b]) = entry.merged {
            let n = self
                .node_of(&b)
                .ok_or_else(|| format!("a merge names entity '{b}', which is not in the base"))?;
            self.ids.remove(&b);
            self.gone_nodes.insert(n);
        }
        for id in entry.gone {
            let n = self.node_of(&id).ok_or_else(|| {
                format!("a removal names entity '{id}', which is not in the base")
            })?;
            self.ids.remove(&id);
            self.gone_nodes.insert(n);
        }
        for s in entry.sources {
            self.gone_sources.remove(&s.id);
            put(&mut self.sources, &mut self.source_at, s.id.clone(), s);
        }
        for e in entry.entities {
            self.put_entity(e);
        }
        for (n, f) in entry.facts.into_iter().enumerate() {
            release(n);
            self.put_fact(f)?;
        }
        Ok(())
    }

    /// The overlay as a delta file (see [`super::delta::format`]), its journal's stamp
    /// left to [`super::delta::save`].
    ///
    /// # Complexity
    /// O(r log r) for the r records the journal holds: each is written as JSON once.
    pub fn to_delta(&self) -> Vec<u8> {
        use super::delta::format::{Head, Parts, encode};
        let flat = |map: &FxHashMap<u32, Vec<(u32, u32)>>| {
            let rows = map
                .iter()
                .flat_map(|(&n, v)| v.iter().map(move |&(to, e)| (n, to, e)));
            rows.collect::<Vec<_>>()
        };
        encode(&Parts {
            head: Head {
                base: self.snap.stamp(),
                nodes: self.nodes,
                edges: self.edges,
                new_nodes: self.new_nodes,
                new_edges: self.new_edges,
                ..Head::default()
            },
            gone: self.gone.iter().copied().collect(),
            gone_nodes: self.gone_nodes.iter().copied().collect(),
            entities: &self.entities,
            ids: &self.ids,
            facts: &self.facts,
            out: flat(&self.out),
            into: flat(&self.into),
            sources: &self.sources,
            source_at: self
                .source_at
                .iter()
                .map(|(id, &i)| (id.as_str(), i))
                .collect(),
            gone_sources: &self.gone_sources,
        })
    }

    /// Entity and fact counts of the graph seen.
    pub fn counts(&self) -> (usize, usize) {
        self.view().counts()
    }

    /// Hides the fact with the key of `f` (in the snapshot or the journal).
    fn drop_fact(&mut self, f: &Fact) {
        let key = fact_key(f);
        let e = match self.keys.remove(&key) {
            Some(i) => Some(self.facts[i].0),
            None => match (self.node_of(&f.subject), self.node_of(&f.object)) {
                (Some(s), Some(o)) => self.snapshot_fact(s, o, f),
                _ => None,
            },
        };
        if let Some(e) = e {
            self.gone.insert(e);
        }
    }

    fn put_entity(&mut self, e: Entity) {
        let n = match self.ids.get(&e.id) {
            Some(&n) => n,
            None => match self.snap_node(&e.id) {
                Some(n) => n,
                None => {
                    self.new_nodes += 1;
                    self.nodes + self.new_nodes - 1
                }
            },
        };
        // An id taken out by an earlier entry and given again: its node is back.
        self.gone_nodes.remove(&n);
        self.ids.insert(e.id.clone(), n);
        put(&mut self.entities, &mut self.entity_at, n, (n, e));
    }

    fn put_fact(&mut self, f: Fact) -> Result<(), String> {
        let node = |id: &str| {
            self.node_of(id)
                .ok_or_else(|| format!("a fact names entity '{id}', which is not in the base"))
        };
        let (s, o) = (node(&f.subject)?, node(&f.object)?);
        let key = fact_key(&f);
        if let Some(&i) = self.keys.get(&key) {
            self.facts[i].3 = f;
            return Ok(());
        }
        let e = match self.snapshot_fact(s, o, &f) {
            Some(e) => e,
            None => {
                let e = self.edges + self.new_edges;
                self.new_edges += 1;
                self.out.entry(s).or_default().push((o, e));
                self.into.entry(o).or_default().push((s, e));
                e
            }
        };
        self.keys.insert(key, self.facts.len());
        self.fact_at.insert(e, self.facts.len());
        self.facts.push((e, s, o, f));
        Ok(())
    }

    /// The number of the entity with this id in the graph seen.
    pub(crate) fn node_by_id(&self, id: &str) -> Option<u32> {
        self.node_of(id)
    }

    fn node_of(&self, id: &str) -> Option<u32> {
        let n = self.ids.get(id).copied().or_else(|| self.snap_node(id))?;
        (!self.gone_nodes.contains(&n)).then_some(n)
    }

    /// The number of the snapshot's entity with this id (found with the others the journal
    /// names when it was made).
    fn snap_node(&self, id: &str) -> Option<u32> {
        match self.found.get(id) {
            Some(&n) => n,
            None => self.snap.by_id(id),
        }
    }

    /// The snapshot's fact with the key of `f`, between entities `s` and `o`.
    ///
    /// # Complexity
    /// O(out-degree of `s`) (and of `o` for a symmetric relation).
    fn snapshot_fact(&self, s: u32, o: u32, f: &Fact) -> Option<u32> {
        if s >= self.nodes || o >= self.nodes {
            return None;
        }
        let rel = relation_number(f.relation);
        let find = |a: u32, b: u32| {
            self.snap
                .adjacent(true, a)
                .filter(|&(to, e, r)| to == b && r == rel && !self.gone.contains(&e))
                .map(|(_, e, _)| e)
                .find(|&e| self.snap.count_and_date(e).1 == f.date.as_deref())
        };
        find(s, o).or_else(|| f.relation.is_symmetric().then(|| find(o, s)).flatten())
    }

    /// The graph seen, read through the shared query code (see [`Layered`]).
    pub fn view(&self) -> Layered<'_, Overlay<'s>> {
        Layered::new(self.snap, self)
    }
}

impl Rows for Overlay<'_> {
    fn numbers(&self) -> [u32; 4] {
        [self.nodes, self.edges, self.new_nodes, self.new_edges]
    }
    fn entity_row(&self, n: u32) -> Option<(&str, &str, Kind)> {
        let e = &self.entities[*self.entity_at.get(&n)?].1;
        Some((&e.id, &e.name, e.kind))
    }
    fn entity_record(&self, n: u32) -> Option<Cow<'_, Entity>> {
        let i = *self.entity_at.get(&n)?;
        Some(Cow::Borrowed(&self.entities[i].1))
    }
    fn entity_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.entities.iter().map(|(n, _)| *n)
    }
    fn own_node(&self, id: &str) -> Option<u32> {
        self.ids.get(id).copied()
    }
    fn snap_node(&self, _: &Snapshot, id: &str) -> Option<u32> {
        Overlay::snap_node(self, id)
    }
    fn fact_row(&self, e: u32) -> Option<FactParts<'_>> {
        let (_, s, o, f) = &self.facts[*self.fact_at.get(&e)?];
        Some((*s, *o, f.relation, f.count, f.date.as_deref()))
    }
    fn fact_record(&self, e: u32, _: &Snapshot) -> Option<Cow<'_, Fact>> {
        let i = *self.fact_at.get(&e)?;
        Some(Cow::Borrowed(&self.facts[i].3))
    }
    fn adjacent(&self, forward: bool, n: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        let map = if forward { &self.out } else { &self.into };
        map.get(&n).map_or(&[][..], Vec::as_slice).iter().copied()
    }
    fn gone_fact(&self, e: u32) -> bool {
        self.gone.contains(&e)
    }
    fn gone_facts(&self) -> usize {
        self.gone.len()
    }
    fn gone_node(&self, n: u32) -> bool {
        self.gone_nodes.contains(&n)
    }
    fn gone_nodes(&self) -> usize {
        self.gone_nodes.len()
    }
    fn gone_numbers(&self, nodes: bool) -> Vec<u32> {
        let set = if nodes { &self.gone_nodes } else { &self.gone };
        let mut all: Vec<u32> = set.iter().copied().collect();
        all.sort_unstable();
        all
    }
    fn source_rows(&self) -> usize {
        self.sources.len()
    }
    fn source_id(&self, i: usize) -> &str {
        &self.sources[i].id
    }
    fn source_record(&self, i: usize) -> Option<Cow<'_, Source>> {
        Some(Cow::Borrowed(&self.sources[i]))
    }
    fn source_place(&self, id: &str) -> Option<usize> {
        self.source_at.get(id).copied()
    }
    fn source_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.source_at.keys().map(String::as_str)
    }
    fn gone_source(&self, id: &str) -> bool {
        self.gone_sources.contains(id)
    }
    fn gone_sources(&self) -> impl Iterator<Item = &str> + '_ {
        self.gone_sources.iter().map(String::as_str)
    }
}

impl Known for Overlay<'_> {
    fn entities_named(&self, name: &str) -> Vec<(usize, Entity)> {
        let mut found: Vec<(usize, Entity)> = self
            .snap
            .named(name)
            .into_iter()
            .filter(|n| !self.entity_at.contains_key(n) && !self.gone_nodes.contains(n))
            .map(|n| (n as usize, self.snap.entity(n)))
            .collect();
        for (n, e) in &self.entities {
            if !self.gone_nodes.contains(n) && e.names().any(|x| lookup_key(x) == name) {
                found.push((*n as usize, e.clone()));
            }
        }
        found.sort_by_key(|(n, _)| *n);
        found
    }

    fn has_id(&self, id: &str) -> bool {
        self.node_of(id).is_some()
    }

    fn fact_like(&self, f: &Fact) -> Option<Fact> {
        if let Some(&i) = self.keys.get(&fact_key(f)) {
            return Some(self.facts[i].3.clone());
        }
        let (s, o) = (self.node_of(&f.subject)?, self.node_of(&f.object)?);
        self.snapshot_fact(s, o, f).map(|e| self.snap.fact_at(e))
    }
}
