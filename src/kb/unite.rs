//! [`Appender::unite`]: `kg merge A B` on a large base without rewriting it.
//!
//! The whole-base merge records the decision in `kg.aliases` and rebuilds the base from
//! its articles, the merge applied as soon as both names are known. Here the decision is
//! recorded the same way, and what it changes in the graph is written to the journal as a
//! merge entry (see [`super::journal`]): B's entity goes, A's takes its names (as
//! aliases, sorted, as [`super::merge::Builder`] joins them) and its facts (renamed onto
//! A; a fact between the two becomes a loop and goes). Queries read it through the
//! [`super::Overlay`] and the JSON reader ([`super::Journal::apply`]) alike. The base and
//! its snapshot stay as they are; every later whole write rebuilds the base under the new
//! decisions (the decisions file no longer matches the base's), which is today's
//! whole-base merge byte for byte, and `kg compact` writes those bytes by folding the
//! merge line into the old base, checked against a replay of that rebuild (see
//! [`super::fold`] and [`super::replay`]).
//!
//! The journal's answer is the rebuild's when merging at the end is merging at the first
//! article that names both. Cases where it is known not to be take the whole-base path:
//! B's entity has fields of its own (the rebuild keeps those a later article adds to the
//! merged entity), a fact of B's renamed onto A has the key of one of A's (the rebuild
//! orders its provenances by when the merge took place), another merge or a split
//! decision names A or B, and a name of either goes by a third entity (which entity a
//! later article's name joins can change). What is left (a later article whose names
//! the merge would join otherwise, e.g. one naming a fuller name of B) is told apart only
//! by the rebuild, which the next whole write does.
//!
//! Written in the order of the whole-base merge: the decisions file first, then the
//! journal, each replaced whole. Killed between the two, the base's decisions no longer
//! match the file: queries answer as before the merge, and the next write rebuilds.
//!
//! # Complexity
//! Name resolution through the snapshot, and the facts of A and B (their degree).

use super::Verb;
use super::append::Appender;
use super::decisions::decisions_path;
use super::error::Error;
use super::journal::{Entry, path_for};
use super::merge::fact_key;
use super::overlay::{Overlay, RELEASE_FACTS};
use super::{Note, Tally};
use crate::model::Entity;
use crate::model::name::lookup_key;
use crate::query::{Read, Topology};
use crate::store::Error as StoreError;
use crate::store::write_atomic;
use std::collections::{BTreeSet, HashSet};

/// What [`Appender::unite`] did: the two entities as they were (kept, joined it).
pub type United = (Entity, Entity);

impl Appender {
    /// Merges the entity `b` names into the one `a` names through the journal (see the
    /// module doc); `None` when it takes the whole-base path (nothing was changed: the
    /// names do not resolve to two entities, the merge was recorded already, or it is a
    /// case the journal cannot answer as the rebuild does).
    ///
    /// # Complexity
    /// O(log N) name lookups plus O(d log d) for the d facts of the two entities.
    pub fn unite(&mut self, a: &str, b: &str) -> Option<United> {
        let journal = self.journal.take()?;
        let mut overlay = Overlay::new(&self.snap, journal.clone()).ok()?;
        let view = overlay.view();
        let (x, y) = (view.resolve(a).ok()?, view.resolve(b).ok()?);
        if x == y {
            return None;
        }
        let (kept, gone) = (
            Read::entity(&view, x).into_owned(),
            Read::entity(&view, y).into_owned(),
        );
        if !gone.extra.is_empty() {
            return None;
        }
        let names = |e: &Entity| e.names().map(lookup_key).collect::<HashSet<String>>();
        let (xn, yn) = (names(&kept), names(&gone));
        let named = |d: &(String, String)| {
            [&xn, &yn]
                .iter()
                .any(|s| s.contains(&d.0) || s.contains(&d.1))
        };
        if self.decisions.merges().any(|d| named(&d)) || self.decisions.splits().any(|d| named(&d))
        {
            return None;
        }
        // Every name of either goes by it alone.
        for n in xn.iter().chain(&yn) {
            let by: Vec<usize> = super::Known::entities_named(&overlay, n)
                .into_iter()
                .map(|(at, _)| at)
                .collect();
            if by.iter().any(|&at| at != x as usize && at != y as usize) {
                return None;
            }
        }
        let mut decisions = self.decisions.clone();
        if !decisions.record(Verb::Merge, &kept.name, &gone.name) {
            return None;
        }
        // The facts of the gone entity, each once, moved onto the kept one.
        let edges: BTreeSet<u32> = [true, false]
            .into_iter()
            .flat_map(|forward| Read::facts_of(&view, y, forward))
            .collect();
        let (mut dropped, mut moved) = (Vec::new(), Vec::new());
        let mut ends = Vec::new();
        for (n, e) in edges.into_iter().enumerate() {
            if n % RELEASE_FACTS == RELEASE_FACTS - 1 {
                self.snap.release_resident();
            }
            dropped.push(Read::fact(&view, e).into_owned());
            ends.push(Topology::endpoints(&view, e));
        }
        self.snap.release_resident();
        // (their other ends, looked up together for the clash checks below)
        let others = dropped
            .iter()
            .flat_map(|f| [f.subject.as_str(), f.object.as_str()]);
        overlay.find_ids(others.chain([kept.id.as_str()]));
        let mut keys = HashSet::new();
        for (n, (f, (s, o))) in dropped.iter().zip(ends).enumerate() {
            if n % RELEASE_FACTS == RELEASE_FACTS - 1 {
                self.snap.release_resident();
            }
            let mut g = f.clone();
            if s == y {
                g.subject = kept.id.clone();
            }
            if o == y {
                g.object = kept.id.clone();
            }
            if g.subject == g.object {
                continue;
            }
            let clash = super::Known::fact_like(&overlay, &g).is_some();
            if clash || !keys.insert(fact_key(&g)) {
                return None;
            }
            moved.push(g);
        }
        let mut joined = kept.clone();
        let mut own = xn;
        for display in gone.names() {
            if own.insert(lookup_key(display)) {
                joined.aliases.push(display.to_string());
            }
        }
        joined.aliases.sort();
        let entry = Entry {
            merged: Some([kept.id.clone(), gone.id.clone()]),
            decisions: Some(decisions.fingerprint()),
            entities: vec![joined],
            facts: moved,
            dropped,
            ..Entry::default()
        };
        let mut journal = journal;
        journal.entries.push(entry.clone());
        self.snap.release_resident();
        overlay.push(entry).ok()?;
        self.snap.release_resident();
        if self.snap.damage().is_some() {
            return None;
        }
        self.counts = overlay.counts();
        self.delta = Some(overlay.to_delta());
        let removals = journal.entries.iter().filter(|e| e.removed.is_some());
        self.in_base = self.snap.source_count() - removals.count();
        self.articles = journal.articles().count();
        self.decisions = decisions;
        // Written again whole: a merge makes the journal format 3.
        self.text = journal.to_text();
        Some((kept, gone))
    }

    /// Writes the decisions file, then the journal [`Appender::unite`] left, and says
    /// what it wrote.
    pub fn save_union(&self) -> Result<Vec<Note>, Error> {
        let dpath = decisions_path(&self.path);
        write_atomic(&dpath, self.decisions.to_text().as_bytes()).map_err(|source| {
            StoreError::Write {
                path: dpath.clone(),
                source,
            }
        })?;
        let jpath = path_for(&self.path);
        write_atomic(&jpath, self.text.as_bytes()).map_err(|source| StoreError::Write {
            path: jpath.clone(),
            source,
        })?;
        self.save_delta();
        let (entities, facts) = self.counts;
        Ok(vec![
            Note::WroteDecisions { path: dpath },
            Note::WroteUnion {
                journal: jpath,
                base: self.path.clone(),
                tally: Tally {
                    articles: self.in_base + self.articles,
                    entities,
                    facts,
                },
            },
        ])
    }
}
