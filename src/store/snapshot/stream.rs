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
//! (the first query then builds one from the JSON, and says what is wrong). Every record
//! is written by [`super::sections`], which `build` shares; this module only checks the
//! records and numbers the entities.
//!
//! # Complexity
//! O(V + E + N log N) time for N names and word starts, as [`super::build()`]. Memory:
//! the snapshot's sections (about the snapshot's size) and a 24-byte entry per interned
//! string; not the graph, nor the text of the records once read.

use super::build::{Built, Counts, Stamp, TooLarge, lay_out};
use super::format::*;
use super::meta::Meta;
use super::sections::{
    EntitySections, Strings, Symbols, adjacency_sections, push_fact, source_section,
};
use crate::model::{Entity, Fact, Invalid, Source, is_date_prefix};
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

/// A snapshot being built from records (see the module doc).
#[derive(Default)]
pub struct Stream {
    strings: Strings,
    symbols: Symbols,
    entities: EntitySections,
    /// The entity numbers in id order, from the first fact on.
    ids: Option<Vec<u32>>,
    /// The hash of each entity's id, its number and where its id is stored, from the
    /// first fact on: a fact's endpoints are found with one lookup each, not a search of
    /// the sorted ids (two dozen scattered reads per endpoint at 2M entities), and checked
    /// against the id without reading the entity's record (a scattered read less).
    by_id: HashMap<u64, (u32, Str)>,
    /// The last fact's subject and its number: a base's facts come sorted by subject, so
    /// most facts share the one before's and need no lookup for it.
    last_subject: (String, u32),
    facts: Vec<u8>,
    attrs: Vec<u8>,
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
        self.entities.push(&mut self.strings, ent);
    }

    /// The id of entity `i`, from its record.
    fn id_of(&self, i: u32) -> &[u8] {
        self.entities.id_of(&self.strings, i)
    }

    /// Numbers the entities in id order once they are all in; an id used twice refuses.
    fn close_entities(&mut self) {
        if self.ids.is_some() {
            return;
        }
        let v = self.entities.len();
        let ids = self.entities.id_order(&self.strings);
        if let Some(w) = ids
            .windows(2)
            .find(|w| self.id_of(w[0]) == self.id_of(w[1]))
        {
            let id = String::from_utf8_lossy(self.id_of(w[0])).into_owned();
            self.refuse(Refused::Invalid(Invalid::DuplicateId { id }));
        }
        let mut by_id = HashMap::with_capacity_and_hasher(v, Default::default());
        for i in 0..v as u32 {
            let id = self.entities.id_str(i);
            by_id.insert(xxh3_64(self.strings.slice(id)), (i, id));
        }
        self.by_id = by_id;
        self.ids = Some(ids);
    }

    /// The number of the entity with this id.
    fn number(&self, id: &str) -> Option<u32> {
        if let Some(&(i, at)) = self.by_id.get(&xxh3_64(id.as_bytes()))
            && self.strings.slice(at) == id.as_bytes()
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
        let subject = match &self.last_subject {
            (id, i) if *id == f.subject && !id.is_empty() => Ok(*i),
            _ => endpoint("subject", &f.subject),
        };
        let ends = subject
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
        if self.last_subject.1 != s || self.last_subject.0 != f.subject {
            self.last_subject.0.clear();
            self.last_subject.0.push_str(&f.subject);
            self.last_subject.1 = s;
        }
        push_fact(
            &mut self.strings,
            &mut self.symbols,
            (s, o),
            f,
            &mut self.facts,
            &mut self.attrs,
        );
    }

    /// The snapshot of the records, standing for a JSON file with this `stamp` whose base
    /// `meta` describes; refused when the records do not make a graph.
    pub fn finish(mut self, stamp: Stamp, meta: &Meta) -> Result<Built, Refused> {
        self.close_entities();
        if let Some(why) = self.refused {
            return Err(why);
        }
        let (v, e) = (self.entities.len(), self.facts.len() / FACT_LEN as usize);
        if e as u64 >= MAX_FACTS || v as u64 >= u64::from(CANONICAL) {
            return Err(Refused::TooLarge(TooLarge { facts: e }));
        }
        let mut sections: Vec<Vec<u8>> = vec![Vec::new(); Section::ALL.len()];
        let sec = |s: Section| s as usize;
        let (name_count, prefix_count) = self.entities.index(&self.strings, &mut sections);
        let ids = self.ids.take().expect("closed above");
        drop(std::mem::take(&mut self.by_id));
        sections[sec(Section::Ids)] = ids.into_iter().flat_map(u32::to_le_bytes).collect();
        sections[sec(Section::Kinds)] = std::mem::take(&mut self.entities.kinds);
        sections[sec(Section::Attributes)] = self.attrs;
        sections[sec(Section::Sources)] = source_section(&mut self.strings, self.sources.iter());
        let symbol_count = self.symbols.len();
        sections[sec(Section::Symbols)] = std::mem::take(&mut self.symbols.table);
        drop(self.symbols);
        sections[sec(Section::Strings)] = std::mem::take(&mut self.strings.bytes);
        drop(self.strings);
        // Both adjacency lists, from the fact records, once the string table is gone.
        sections[sec(Section::Facts)] = self.facts;
        adjacency_sections(v, &mut sections);
        sections[sec(Section::Entities)] = self.entities.entities;
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
    use crate::model::{GraphFile, Kind, KnowledgeGraph};
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

    /// A fact's subject is taken from the fact before when it is the same id, and
    /// looked up otherwise: a subject one letter off the one before is refused as
    /// dangling, and every fact after it is numbered as `build` numbers it.
    #[test]
    fn a_subject_is_the_one_before_only_when_it_is_the_same_id() {
        let file = crate::store::load_base(None).unwrap().to_file();
        let at = file
            .facts
            .windows(2)
            .position(|w| w[0].subject == w[1].subject)
            .expect("two facts of one subject in a row");
        // Two facts of one subject in a row, then a fact of another subject.
        assert_eq!(
            streamed(&file, Stamp::default()).unwrap(),
            built(&file, Stamp::default())
        );
        let mut off = file.clone();
        off.facts[at + 1].subject.push('x');
        let why = streamed(&off, Stamp::default()).unwrap_err().to_string();
        assert_eq!(
            why,
            format!(
                "fact subject '{}' names no entity",
                off.facts[at + 1].subject
            )
        );
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
