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

use super::Journal;
use super::journal::{Entry, put};
use super::known::Known;
use super::merge::{FactKey, fact_key};
use crate::model::name::lookup_key;
use crate::model::{Entity, Fact, Kind, KnowledgeGraph, Relation, Source};
use crate::query::filter::{Hop, Walk};
use crate::query::{Describe, NameError, Read, Topology};
use crate::store::snapshot::format::relation_number;
use crate::store::snapshot::{Snapshot, View};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};

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
        (
            (self.nodes + self.new_nodes) as usize - self.gone_nodes.len(),
            (self.edges + self.new_edges) as usize - self.gone.len(),
        )
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

    /// True when fact `e` is in the graph seen (no removal took it out).
    fn live(&self, e: u32) -> bool {
        !self.gone.contains(&e)
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

    fn entity(&self, n: u32) -> Option<&Entity> {
        self.entity_at.get(&n).map(|&i| &self.entities[i].1)
    }

    fn fact(&self, e: u32) -> Option<&(u32, u32, u32, Fact)> {
        self.fact_at.get(&e).map(|&i| &self.facts[i])
    }

    /// The journal's entities, sorted by number (not a merge's gone entity).
    fn added(&self) -> Vec<(u32, &Entity)> {
        let mut added: Vec<(u32, &Entity)> = self
            .entities
            .iter()
            .filter(|(n, _)| !self.gone_nodes.contains(n))
            .map(|(n, e)| (*n, e))
            .collect();
        added.sort_unstable_by_key(|(n, _)| *n);
        added
    }

    /// The new facts at `n` one way.
    fn new_adjacent(&self, forward: bool, n: u32) -> &[(u32, u32)] {
        let map = if forward { &self.out } else { &self.into };
        map.get(&n).map_or(&[], Vec::as_slice)
    }
}

impl Topology for Overlay<'_> {
    type Node = u32;
    type Edge = u32;

    fn hops(&self, walk: &Walk<u32>, n: u32) -> Vec<Hop<u32, u32>> {
        let mut hops = if n < self.nodes {
            self.snap.hops(walk, n)
        } else {
            Vec::new()
        };
        if !self.gone.is_empty() {
            hops.retain(|h| self.live(h.edge));
        }
        let before = hops.len();
        for forward in [true, false] {
            if !walk.goes(forward) {
                continue;
            }
            for &(to, edge) in self.new_adjacent(forward, n) {
                if self.live(edge) && walk.takes(&n, self.relation(edge), &to) {
                    hops.push(Hop { edge, to, forward });
                }
            }
        }
        if hops.len() > before {
            hops.sort_unstable_by_key(|h| (h.edge, h.forward));
        }
        hops
    }

    fn kind(&self, n: u32) -> Kind {
        match self.entity(n) {
            Some(e) => e.kind,
            None => self.snap.kind(n),
        }
    }

    fn endpoints(&self, e: u32) -> (u32, u32) {
        match self.fact(e) {
            Some(&(_, s, o, _)) => (s, o),
            None => self.snap.endpoints(e),
        }
    }
}

impl Describe for Overlay<'_> {
    fn name(&self, n: u32) -> &str {
        match self.entity(n) {
            Some(e) => &e.name,
            None => self.snap.name(n),
        }
    }

    fn name_and_kind(&self, n: u32) -> (&str, Kind) {
        match self.entity(n) {
            Some(e) => (&e.name, e.kind),
            None => self.snap.name_and_kind(n),
        }
    }

    fn relation(&self, e: u32) -> Relation {
        match self.fact(e) {
            Some(f) => f.3.relation,
            None => self.snap.relation(e),
        }
    }

    fn count_and_date(&self, e: u32) -> (Option<u64>, Option<&str>) {
        match self.fact(e) {
            Some(f) => (f.3.count, f.3.date.as_deref()),
            None => self.snap.count_and_date(e),
        }
    }
}

impl View for Overlay<'_> {
    fn id(&self, n: u32) -> &str {
        match self.entity(n) {
            Some(e) => &e.id,
            None => self.snap.id(n),
        }
    }

    fn facts_into(&self, n: u32, inside: &[u32]) -> Vec<u32> {
        let mut facts = if n < self.nodes {
            self.snap.facts_into(n, inside)
        } else {
            Vec::new()
        };
        let new = self.new_adjacent(true, n).iter();
        facts.extend(
            new.filter(|(o, _)| inside.binary_search(o).is_ok())
                .map(|&(_, e)| e),
        );
        if !self.gone.is_empty() {
            facts.retain(|&e| self.live(e));
        }
        facts
    }

    fn subgraph(&self, nodes: &[u32], facts: &[u32]) -> KnowledgeGraph {
        let mut old_nodes: Vec<u32> = Vec::new();
        let mut old_facts: BTreeSet<u32> = BTreeSet::new();
        let mut new_nodes: BTreeSet<u32> = BTreeSet::new();
        let mut new_facts: BTreeSet<u32> = BTreeSet::new();
        let mut place = |n: u32| {
            if n < self.nodes {
                old_nodes.push(n);
            } else {
                new_nodes.insert(n);
            }
        };
        for &n in nodes {
            place(n);
        }
        for &e in facts {
            if e < self.edges {
                old_facts.insert(e);
            } else if let Some(&(_, s, o, _)) = self.fact(e) {
                new_facts.insert(e);
                place(s);
                place(o);
            }
        }
        let old_facts: Vec<u32> = old_facts.into_iter().collect();
        let mut file = self.snap.part(&old_nodes, &old_facts);
        for e in &mut file.entities {
            if let Some(new) = self.ids.get(&e.id).and_then(|&n| self.entity(n)) {
                *e = new.clone();
            }
        }
        for (f, &e) in file.facts.iter_mut().zip(&old_facts) {
            if let Some(new) = self.fact(e) {
                *f = new.3.clone();
            }
        }
        file.entities
            .extend(new_nodes.iter().filter_map(|&n| self.entity(n)).cloned());
        file.facts.extend(
            new_facts
                .iter()
                .filter_map(|&e| self.fact(e))
                .map(|f| f.3.clone()),
        );
        let mut cited: BTreeSet<String> = BTreeSet::new();
        for &e in old_facts.iter().chain(&new_facts) {
            if let Some(f) = self.fact(e) {
                cited.extend(f.3.sources());
            }
        }
        cited.retain(|id| !file.sources.iter().any(|s| &s.id == id));
        for s in &self.sources {
            if cited.remove(&s.id) {
                file.sources.push(s.clone());
            }
        }
        if !cited.is_empty() {
            file.sources
                .extend(self.snap.sources_where(|id| cited.contains(id)));
        }
        self.snap.graph_of(file)
    }
}

impl Read for Overlay<'_> {
    fn resolve(&self, query: &str) -> Result<u32, NameError> {
        self.snap.resolve_with(
            query,
            &self.added(),
            |n| self.entity_at.contains_key(&n) || self.gone_nodes.contains(&n),
            |id| self.node_of(id),
            |n| crate::query::names::label(self.name(n), self.kind(n), self.id(n)),
            |n| self.name(n).to_string(),
        )
    }

    fn entity(&self, n: u32) -> Cow<'_, Entity> {
        match Overlay::entity(self, n) {
            Some(e) => Cow::Borrowed(e),
            None => Cow::Owned(self.snap.entity(n)),
        }
    }

    fn fact(&self, e: u32) -> Cow<'_, Fact> {
        match Overlay::fact(self, e) {
            Some(f) => Cow::Borrowed(&f.3),
            None => Cow::Owned(self.snap.fact_at(e)),
        }
    }

    fn facts_of(&self, n: u32, forward: bool) -> Vec<u32> {
        let mut facts = if n < self.nodes {
            self.snap.facts_of(n, forward)
        } else {
            Vec::new()
        };
        facts.extend(self.new_adjacent(forward, n).iter().map(|&(_, e)| e));
        if !self.gone.is_empty() {
            facts.retain(|&e| self.live(e));
        }
        facts.sort_unstable();
        facts
    }

    fn source(&self, id: &str) -> Option<Cow<'_, Source>> {
        match self.source_at.get(id) {
            Some(&i) => Some(Cow::Borrowed(&self.sources[i])),
            None if self.gone_sources.contains(id) => None,
            None => self.snap.source(id).map(Cow::Owned),
        }
    }

    fn all_nodes(&self) -> Vec<u32> {
        (0..self.nodes + self.new_nodes)
            .filter(|n| !self.gone_nodes.contains(n))
            .collect()
    }

    fn all_edges(&self) -> Vec<u32> {
        (0..self.edges + self.new_edges)
            .filter(|&e| self.live(e))
            .collect()
    }

    fn source_count(&self) -> usize {
        let new = self.source_at.keys().filter(|id| !self.snap.has_source(id));
        let gone = self
            .gone_sources
            .iter()
            .filter(|id| self.snap.has_source(id) && !self.source_at.contains_key(*id));
        self.snap.source_count() + new.count() - gone.count()
    }

    /// The snapshot's sources, each replaced by the journal's source of its id if there
    /// is one, then the journal's other sources (as [`super::Journal::apply`] puts them);
    /// sources the journal removed are left out.
    fn all_sources(&self) -> Vec<Cow<'_, Source>> {
        let mut all: Vec<Cow<'_, Source>> = Vec::new();
        for s in self.snap.sources_where(|_| true) {
            match self.source_at.get(&s.id) {
                Some(&i) => all.push(Cow::Borrowed(&self.sources[i])),
                None if self.gone_sources.contains(&s.id) => {}
                None => all.push(Cow::Owned(s)),
            }
        }
        let new = self
            .sources
            .iter()
            .filter(|s| !s.id.is_empty() && !self.snap.has_source(&s.id));
        all.extend(new.map(Cow::Borrowed));
        all
    }

    fn sources_of(&self, e: u32) -> Vec<String> {
        match Overlay::fact(self, e) {
            Some(f) => f.3.sources(),
            None => self.snap.sources_of(e),
        }
    }

    fn damage(&self) -> Option<String> {
        self.snap.damage()
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
