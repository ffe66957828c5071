//! [`Layered`]: a snapshot with a journal's rows on top — the graph a query sees after a
//! write appended to the journal, read either from the delta file's rows ([`Delta`]) or
//! from the overlay a write holds ([`super::super::Overlay`]): the reads are written once,
//! here, over [`Rows`], which both give.
//!
//! Entities and facts keep the snapshot's numbers; the journal's rows stand in for the
//! records of the numbers they name, new ones are numbered after the snapshot's, and the
//! facts, entities and sources removals and merges took out are hidden (see the overlay's
//! module doc). A record is decoded only when asked for whole.

use super::reader::Delta;
use crate::model::{Entity, Fact, Kind, KnowledgeGraph, Relation, Source};
use crate::query::filter::{Hop, Walk};
use crate::query::{Describe, NameError, Read, Topology};
use crate::store::snapshot::{Snapshot, View};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeSet;

/// A fact's parts a row holds: subject, object, relation, count and date.
pub type FactParts<'a> = (u32, u32, Relation, Option<u64>, Option<&'a str>);

/// The journal's rows laid over a snapshot, as [`Layered`] reads them.
pub trait Rows {
    /// The snapshot's entity and fact counts, and how many entities and facts the journal
    /// adds: `[nodes, edges, new_nodes, new_edges]`.
    fn numbers(&self) -> [u32; 4];
    /// The id, name and kind of the journal's entity `n`, if it added or replaced it.
    fn entity_row(&self, n: u32) -> Option<(&str, &str, Kind)>;
    /// The journal's record of entity `n`, if it added or replaced it.
    fn entity_record(&self, n: u32) -> Option<Cow<'_, Entity>>;
    /// The numbers of the journal's entities.
    fn entity_numbers(&self) -> impl Iterator<Item = u32> + '_;
    /// The number of the journal's entity with this id.
    fn own_node(&self, id: &str) -> Option<u32>;
    /// The number of the snapshot's entity with this id.
    fn snap_node(&self, snap: &Snapshot, id: &str) -> Option<u32> {
        snap.by_id(id)
    }
    /// The parts of the journal's fact `e`, if it added or replaced it.
    fn fact_row(&self, e: u32) -> Option<FactParts<'_>>;
    /// The journal's record of fact `e` (its ends' ids read through `snap` if need be).
    fn fact_record(&self, e: u32, snap: &Snapshot) -> Option<Cow<'_, Fact>>;
    /// The journal's new facts at entity `n`, out of it (`forward`) or into it: (other
    /// end, fact), in fact order.
    fn adjacent(&self, forward: bool, n: u32) -> impl Iterator<Item = (u32, u32)> + '_;
    /// True when fact `e` is hidden (a removal's or a merge's).
    fn gone_fact(&self, e: u32) -> bool;
    /// How many facts are hidden.
    fn gone_facts(&self) -> usize;
    /// True when entity `n` is hidden.
    fn gone_node(&self, n: u32) -> bool;
    /// How many entities are hidden.
    fn gone_nodes(&self) -> usize;
    /// The hidden entities' (`nodes`) or facts' numbers, ascending.
    fn gone_numbers(&self, nodes: bool) -> Vec<u32>;
    /// How many sources the journal holds (a removed one keeps its place).
    fn source_rows(&self) -> usize;
    /// The id of the journal's source at place `i` (empty once removed).
    fn source_id(&self, i: usize) -> &str;
    /// The journal's source at place `i`.
    fn source_record(&self, i: usize) -> Option<Cow<'_, Source>>;
    /// The place of the journal's source with this id.
    fn source_place(&self, id: &str) -> Option<usize>;
    /// The ids of the journal's sources that still name one.
    fn source_ids(&self) -> impl Iterator<Item = &str> + '_;
    /// True when a removal took the source with this id out.
    fn gone_source(&self, id: &str) -> bool;
    /// The ids of the sources removals took out.
    fn gone_sources(&self) -> impl Iterator<Item = &str> + '_;
    /// What was found damaged in the rows read so far (never in rows held in memory).
    fn damage(&self) -> Option<String> {
        None
    }
}

impl Rows for Delta {
    fn numbers(&self) -> [u32; 4] {
        let h = self.head();
        [h.nodes, h.edges, h.new_nodes, h.new_edges]
    }
    fn entity_row(&self, n: u32) -> Option<(&str, &str, Kind)> {
        self.entity(n).map(|r| (r.id, r.name, r.kind))
    }
    fn entity_record(&self, n: u32) -> Option<Cow<'_, Entity>> {
        let row = self.entity(n)?;
        let e = row.entity();
        Some(Cow::Owned(
            e.unwrap_or_else(|| Entity::new(row.id, row.name, row.kind)),
        ))
    }
    fn entity_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.entities().map(|r| r.n)
    }
    fn own_node(&self, id: &str) -> Option<u32> {
        self.node_of(id)
    }
    fn fact_row(&self, e: u32) -> Option<FactParts<'_>> {
        let f = self.fact(e)?;
        Some((f.subject, f.object, f.relation, f.count, f.date))
    }
    fn fact_record(&self, e: u32, snap: &Snapshot) -> Option<Cow<'_, Fact>> {
        let row = self.fact(e)?;
        let id = |n: u32| self.entity(n).map_or_else(|| snap.id(n), |r| r.id);
        Some(Cow::Owned(row.fact().unwrap_or_else(|| {
            let mut f = Fact::new(id(row.subject), row.relation, id(row.object));
            f.count = row.count;
            f.date = row.date.map(str::to_string);
            f
        })))
    }
    fn adjacent(&self, forward: bool, n: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        Delta::adjacent(self, forward, n)
    }
    fn gone_fact(&self, e: u32) -> bool {
        Delta::gone_fact(self, e)
    }
    fn gone_facts(&self) -> usize {
        Delta::gone_facts(self)
    }
    fn gone_node(&self, n: u32) -> bool {
        Delta::gone_node(self, n)
    }
    fn gone_nodes(&self) -> usize {
        Delta::gone_nodes(self)
    }
    fn gone_numbers(&self, nodes: bool) -> Vec<u32> {
        match nodes {
            true => self.gone_node_numbers().collect(),
            false => self.gone_fact_numbers().collect(),
        }
    }
    fn source_rows(&self) -> usize {
        Delta::source_rows(self)
    }
    fn source_id(&self, i: usize) -> &str {
        self.source_at_id(i)
    }
    fn source_record(&self, i: usize) -> Option<Cow<'_, Source>> {
        let (id, record) = self.source_at(i);
        let record = record.or_else(|| (!id.is_empty()).then(|| Source::new(id)));
        record.map(Cow::Owned)
    }
    fn source_place(&self, id: &str) -> Option<usize> {
        Delta::source_place(self, id)
    }
    fn source_ids(&self) -> impl Iterator<Item = &str> + '_ {
        Delta::source_ids(self).map(|(id, _)| id)
    }
    fn gone_source(&self, id: &str) -> bool {
        Delta::gone_source(self, id)
    }
    fn gone_sources(&self) -> impl Iterator<Item = &str> + '_ {
        Delta::gone_sources(self)
    }
    fn damage(&self) -> Option<String> {
        Delta::damage(self).map(|e| format!("the journal's delta file: {e}"))
    }
}

/// A snapshot and a journal's rows on top of it (by default a delta file's).
pub struct Layered<'s, R: Rows = Delta> {
    snap: &'s Snapshot,
    d: &'s R,
    /// The snapshot's entity and fact counts (numbers from these on are the journal's).
    nodes: u32,
    edges: u32,
    new_nodes: u32,
    new_edges: u32,
    /// The journal's entities (not a merge's gone one), decoded when a name is resolved.
    added: OnceCell<Vec<(u32, Cow<'s, Entity>)>>,
}

impl<'s, R: Rows> Layered<'s, R> {
    /// The snapshot with the rows on top (the caller checked they belong together: see
    /// [`super::open`]).
    pub fn new(snap: &'s Snapshot, d: &'s R) -> Layered<'s, R> {
        let [nodes, edges, new_nodes, new_edges] = d.numbers();
        Layered {
            snap,
            d,
            nodes,
            edges,
            new_nodes,
            new_edges,
            added: OnceCell::new(),
        }
    }

    /// Entity and fact counts of the graph seen.
    pub fn counts(&self) -> (usize, usize) {
        let all = |old: u32, new: u32| old as usize + new as usize;
        (
            all(self.nodes, self.new_nodes).saturating_sub(self.d.gone_nodes()),
            all(self.edges, self.new_edges).saturating_sub(self.d.gone_facts()),
        )
    }

    fn live(&self, e: u32) -> bool {
        !self.d.gone_fact(e)
    }

    /// The number of the entity with this id in the graph seen.
    pub fn node_of(&self, id: &str) -> Option<u32> {
        let n = (self.d.own_node(id)).or_else(|| self.d.snap_node(self.snap, id))?;
        (!self.d.gone_node(n)).then_some(n)
    }

    /// The journal's entities, sorted by number (not a merge's gone entity).
    fn added(&self) -> Vec<(u32, &Entity)> {
        let all = self.added.get_or_init(|| {
            let d: &'s R = self.d;
            let mut all: Vec<(u32, Cow<'s, Entity>)> = d
                .entity_numbers()
                .filter(|&n| !d.gone_node(n))
                .filter_map(|n| Some((n, d.entity_record(n)?)))
                .collect();
            all.sort_by_key(|(n, _)| *n);
            all
        });
        all.iter().map(|(n, e)| (*n, &**e)).collect()
    }
}

impl<R: Rows> Topology for Layered<'_, R> {
    type Node = u32;
    type Edge = u32;

    fn hops(&self, walk: &Walk<u32>, n: u32) -> Vec<Hop<u32, u32>> {
        let mut hops = if n < self.nodes {
            self.snap.hops(walk, n)
        } else {
            Vec::new()
        };
        if self.d.gone_facts() > 0 {
            hops.retain(|h| self.live(h.edge));
        }
        let before = hops.len();
        for forward in [true, false] {
            if !walk.goes(forward) {
                continue;
            }
            for (to, edge) in self.d.adjacent(forward, n) {
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
        match self.d.entity_row(n) {
            Some((_, _, kind)) => kind,
            None => self.snap.kind(n),
        }
    }

    fn endpoints(&self, e: u32) -> (u32, u32) {
        match self.d.fact_row(e) {
            Some((s, o, ..)) => (s, o),
            None => self.snap.endpoints(e),
        }
    }
}

impl<R: Rows> Describe for Layered<'_, R> {
    fn name(&self, n: u32) -> &str {
        match self.d.entity_row(n) {
            Some((_, name, _)) => name,
            None => self.snap.name(n),
        }
    }

    fn name_and_kind(&self, n: u32) -> (&str, Kind) {
        match self.d.entity_row(n) {
            Some((_, name, kind)) => (name, kind),
            None => self.snap.name_and_kind(n),
        }
    }

    fn relation(&self, e: u32) -> Relation {
        match self.d.fact_row(e) {
            Some((_, _, relation, ..)) => relation,
            None => self.snap.relation(e),
        }
    }

    fn count_and_date(&self, e: u32) -> (Option<u64>, Option<&str>) {
        match self.d.fact_row(e) {
            Some((.., count, date)) => (count, date),
            None => self.snap.count_and_date(e),
        }
    }
}

impl<R: Rows> View for Layered<'_, R> {
    fn id(&self, n: u32) -> &str {
        match self.d.entity_row(n) {
            Some((id, ..)) => id,
            None => self.snap.id(n),
        }
    }

    fn facts_into(&self, n: u32, inside: &[u32]) -> Vec<u32> {
        let mut facts = if n < self.nodes {
            self.snap.facts_into(n, inside)
        } else {
            Vec::new()
        };
        let new = self.d.adjacent(true, n);
        facts.extend(
            new.filter(|(o, _)| inside.binary_search(o).is_ok())
                .map(|(_, e)| e),
        );
        if self.d.gone_facts() > 0 {
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
            } else if let Some((s, o, ..)) = self.d.fact_row(e) {
                new_facts.insert(e);
                place(s);
                place(o);
            }
        }
        let old_facts: Vec<u32> = old_facts.into_iter().collect();
        let mut file = self.snap.part(&old_nodes, &old_facts);
        let record = |n: u32| self.d.entity_record(n).map(Cow::into_owned);
        for e in &mut file.entities {
            if let Some(new) = self.d.own_node(&e.id).and_then(record) {
                *e = new;
            }
        }
        let fact = |e: u32| self.d.fact_record(e, self.snap).map(Cow::into_owned);
        for (f, &e) in file.facts.iter_mut().zip(&old_facts) {
            if let Some(new) = fact(e) {
                *f = new;
            }
        }
        file.entities
            .extend(new_nodes.iter().filter_map(|&n| record(n)));
        file.facts.extend(new_facts.iter().filter_map(|&e| fact(e)));
        let mut cited: BTreeSet<String> = BTreeSet::new();
        for &e in old_facts.iter().chain(&new_facts) {
            if let Some(f) = self.d.fact_record(e, self.snap) {
                cited.extend(f.sources());
            }
        }
        cited.retain(|id| !file.sources.iter().any(|s| &s.id == id));
        for i in 0..self.d.source_rows() {
            if cited.remove(self.d.source_id(i))
                && let Some(s) = self.d.source_record(i)
            {
                file.sources.push(s.into_owned());
            }
        }
        if !cited.is_empty() {
            file.sources
                .extend(self.snap.sources_where(|id| cited.contains(id)));
        }
        self.snap.graph_of(file)
    }
}

impl<R: Rows> Read for Layered<'_, R> {
    fn resolve(&self, query: &str) -> Result<u32, NameError> {
        self.snap.resolve_with(
            query,
            &self.added(),
            |n| self.d.entity_row(n).is_some() || self.d.gone_node(n),
            |id| self.node_of(id),
            |n| crate::query::names::label(self.name(n), self.kind(n), self.id(n)),
            |n| self.name(n).to_string(),
        )
    }

    fn entity(&self, n: u32) -> Cow<'_, Entity> {
        match self.d.entity_record(n) {
            Some(e) => e,
            None => Cow::Owned(self.snap.entity(n)),
        }
    }

    fn fact(&self, e: u32) -> Cow<'_, Fact> {
        match self.d.fact_record(e, self.snap) {
            Some(f) => f,
            None => Cow::Owned(self.snap.fact_at(e)),
        }
    }

    fn facts_of(&self, n: u32, forward: bool) -> Vec<u32> {
        let mut facts = if n < self.nodes {
            self.snap.facts_of(n, forward)
        } else {
            Vec::new()
        };
        facts.extend(self.d.adjacent(forward, n).map(|(_, e)| e));
        if self.d.gone_facts() > 0 {
            facts.retain(|&e| self.live(e));
        }
        facts.sort_unstable();
        facts
    }

    fn source(&self, id: &str) -> Option<Cow<'_, Source>> {
        match self.d.source_place(id) {
            Some(i) => self.d.source_record(i),
            None if self.d.gone_source(id) => None,
            None => self.snap.source(id).map(Cow::Owned),
        }
    }

    fn all_nodes(&self) -> Vec<u32> {
        but(
            0..self.nodes.saturating_add(self.new_nodes),
            self.d.gone_numbers(true),
        )
    }

    fn all_edges(&self) -> Vec<u32> {
        but(
            0..self.edges.saturating_add(self.new_edges),
            self.d.gone_numbers(false),
        )
    }

    fn source_count(&self) -> usize {
        let new = (self.d.source_ids())
            .filter(|id| !self.snap.has_source(id))
            .count();
        let gone = (self.d.gone_sources())
            .filter(|id| self.snap.has_source(id) && self.d.source_place(id).is_none())
            .count();
        (self.snap.source_count() + new).saturating_sub(gone)
    }

    /// The snapshot's sources, each replaced by the journal's source of its id if there
    /// is one, then the journal's other sources (as [`crate::kb::Journal::apply`] puts
    /// them); sources the journal removed are left out.
    fn all_sources(&self) -> Vec<Cow<'_, Source>> {
        let mut all: Vec<Cow<'_, Source>> = Vec::new();
        for s in self.snap.sources_where(|_| true) {
            match self.d.source_place(&s.id) {
                Some(i) => all.extend(self.d.source_record(i)),
                None if self.d.gone_source(&s.id) => {}
                None => all.push(Cow::Owned(s)),
            }
        }
        for i in 0..self.d.source_rows() {
            let id = self.d.source_id(i);
            if !id.is_empty() && !self.snap.has_source(id) {
                all.extend(self.d.source_record(i));
            }
        }
        all
    }

    fn sources_of(&self, e: u32) -> Vec<String> {
        match self.d.fact_record(e, self.snap) {
            Some(f) => f.sources(),
            None => self.snap.sources_of(e),
        }
    }

    fn damage(&self) -> Option<String> {
        self.snap.damage().or_else(|| self.d.damage())
    }
}

/// The numbers of `all` less those of `gone` (ascending), in one pass over each.
fn but(all: std::ops::Range<u32>, gone: Vec<u32>) -> Vec<u32> {
    let mut gone = gone.into_iter().peekable();
    all.filter(|&n| {
        while gone.next_if(|&g| g < n).is_some() {}
        gone.next_if_eq(&n).is_none()
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Overlay;
    use crate::kb::journal::{Entry, Journal};
    use crate::model::GraphFile;
    use crate::store::snapshot::map::Bytes;
    use crate::store::snapshot::{Stamp, build};
    use proptest::prelude::*;
    use std::fmt::Write;

    /// Every read a query makes of a view, as text: each entity and fact whole and by
    /// parts, every hop, listing, source and name, and parts of the graph decoded.
    fn reads(v: &impl View, names: &[String]) -> String {
        let mut out = String::new();
        let nodes = v.all_nodes();
        let edges = v.all_edges();
        let walk = Walk::default();
        for &n in &nodes {
            let _ = writeln!(
                out,
                "{n} {} {} {:?} {:?} {:?}",
                v.id(n),
                v.name(n),
                v.name_and_kind(n),
                v.entity(n),
                v.hops(&walk, n)
            );
            let _ = writeln!(
                out,
                "  {:?} {:?} {:?}",
                v.facts_of(n, true),
                v.facts_of(n, false),
                v.facts_into(n, &nodes)
            );
        }
        for &e in &edges {
            let _ = writeln!(
                out,
                "{e} {:?} {:?} {:?} {:?} {:?}",
                v.endpoints(e),
                v.relation(e),
                v.count_and_date(e),
                v.fact(e),
                v.sources_of(e)
            );
        }
        let _ = writeln!(out, "{:?} {}", v.all_sources(), v.source_count());
        for id in names {
            let _ = writeln!(out, "{id:?}: {:?} {:?}", v.source(id), v.resolve(id));
            let short: String = id.chars().take(3).collect();
            let _ = writeln!(out, "{short:?}: {:?}", v.resolve(&short));
        }
        let few: Vec<u32> = nodes.iter().step_by(3).copied().collect();
        let some: Vec<u32> = edges.iter().step_by(2).copied().collect();
        out.push_str(&crate::store::to_json(&v.subgraph(&few, &some)));
        out.push_str(&crate::store::to_json(&v.subgraph(&nodes, &edges)));
        out
    }

    /// A journal entry made of `ops` over the embedded graph's records (and the entry's
    /// own): drops, replaced and new facts and entities, a removal, gone entities, a
    /// merge.
    fn entry(file: &GraphFile, ops: &[(u8, u16, u16)]) -> Entry {
        let mut e = Entry::default();
        let entity = |i: u16| &file.entities[i as usize % file.entities.len()];
        let fact = |i: u16| &file.facts[i as usize % file.facts.len()];
        for &(op, i, j) in ops {
            match op % 9 {
                0 => e.dropped.push(fact(i).clone()),
                1 => {
                    let mut f = fact(i).clone();
                    f.count = Some(u64::from(j));
                    f.source = Some(format!("new-source-{}", j % 3));
                    e.facts.push(f);
                }
                2 => {
                    let r = Relation::ALL[j as usize % Relation::ALL.len()];
                    let mut f = Fact::new(&entity(i).id, r, &entity(j).id);
                    f.date = (j % 2 == 0).then(|| "2024-11".to_string());
                    e.facts.push(f);
                }
                3 => {
                    let id = format!("new-{}", i % 7);
                    let kind = Kind::ALL[j as usize % Kind::ALL.len()];
                    e.entities
                        .push(Entity::new(&id, format!("New {}", i % 7), kind));
                    e.facts
                        .push(Fact::new(&id, Relation::ALL[0], &entity(j).id));
                }
                4 => {
                    let mut x = entity(i).clone();
                    x.aliases.push(format!("Alias {j}"));
                    e.entities.push(x);
                }
                5 => e.removed = Some(file.sources[i as usize % file.sources.len()].id.clone()),
                6 => e.gone.push(entity(i).id.clone()),
                7 => e.merged = Some([entity(i).id.clone(), entity(j).id.clone()]),
                _ => {
                    let mut s = Source::new(format!("new-source-{}", j % 3));
                    s.title = Some(format!("Title {i}"));
                    e.sources.push(s);
                }
            }
        }
        e
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any journal laid over the embedded graph's snapshot reads the same through its
        /// delta file as through the overlay.
        #[test]
        fn a_delta_file_reads_as_its_overlay(
            entries in proptest::collection::vec(
                proptest::collection::vec((0u8..9, 0u16..400, 0u16..400), 0..12),
                1..4,
            )
        ) {
            let graph = crate::store::load_base(None).unwrap();
            let file = graph.clone().into_file();
            let snap = Snapshot::open(Bytes::Owned(
                build(graph, Stamp::default()).unwrap().into_bytes(),
            ))
            .unwrap();
            let mut journal = Journal::new(snap.stamp());
            journal.entries = entries.iter().map(|ops| entry(&file, ops)).collect();
            let Ok(overlay) = Overlay::new(&snap, journal) else {
                return Ok(());
            };
            let delta = Delta::open(Bytes::Owned(overlay.to_delta())).unwrap();
            let layered = Layered::new(&snap, &delta);
            let mut names: Vec<String> = file.entities.iter().map(|e| e.name.clone()).collect();
            names.extend(file.sources.iter().map(|s| s.id.clone()));
            names.extend((0..7).map(|i| format!("New {i}")));
            names.extend((0..3).map(|i| format!("new-source-{i}")));
            names.push("Alias 3".into());
            prop_assert_eq!(layered.counts(), overlay.counts());
            prop_assert_eq!(reads(&layered, &names), reads(&overlay.view(), &names));
            prop_assert_eq!(delta.damage(), None);
            prop_assert_eq!(delta.check_all(), Ok(()));
        }
    }
}
