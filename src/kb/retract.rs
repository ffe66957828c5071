//! [`Appender::retract`]: `kg remove` of an article that is still in the base's journal
//! (added since the last compact), without rewriting the base or reading it whole.
//!
//! The journal is the base's history since its last rewrite: entry `i` is what merging
//! article `i` changed, over the base and the entries before it (see
//! [`super::journal`]). Taking article `i` out is therefore exact without a rebuild: the
//! entries before it stay as they are, the article's own entry goes, and every later
//! article is merged again, in order, over the snapshot and the entries kept (as `kg add`
//! merges it, see [`super::append`]). The result is the graph a rebuild from every other
//! article gives (the property `kg add` through the journal is tested for), at the cost of
//! merging the journal's later articles again, whatever the size of the base.
//!
//! An article of the base itself (folded in by a compact or any other rewrite) keeps one
//! fact of its history: whether merging it changed the merged entities
//! ([`super::Extraction::changes_entities`], set by every merge in order). One that
//! changed none (each of its entities joined one the base had, adding nothing to it: the
//! common case for a wire article in a large base) left every later article's merge as it
//! would be without it, so taking it out takes out only its own: the facts it alone
//! stated go, the facts it shared lose its provenance, its source goes, and no entity
//! changes. That is written to the journal as a removal (see [`super::journal`]), found
//! through the snapshot: the article's record is read from the base's text by its id
//! (not the rest of it), its facts from the entities its names resolve to, and they
//! must be all its facts (every provenance it states, found) or nothing is written.
//!
//! An article of the base that changed the entities, with no journal yet, goes to the
//! journal too when [`super::excise`] can tell what the rebuild without it changes (ids,
//! names, which later article joined which entity, the facts on them, later articles'
//! flags: a replay of the articles its names reach); the removal line then also names
//! the entities that go and the flags that change.
//!
//! # Pending removals: the identity consequences settled by the next compact
//! Telling what the rebuild without such an article changes costs a replay of its
//! component ([`super::excise`]): on a large base with names shared across articles,
//! minutes and gigabytes. So by default (`kg remove` without `--settle`) such a removal
//! is written *pending* ([`Entry::pending`]): the entry an article that changed no entity
//! would give (its source goes, the facts it alone stated go, those it shared lose its
//! provenance), found the same way (through its names, every provenance it states found,
//! or it is told exactly as above). Queries see its facts and provenances gone at once.
//! What is left to settle: the entities it named stay as they were (an entity no other
//! article names stays, with no fact of its own, until then), a later article's name
//! joins the entity it joined with the article there, a shared fact it came first on
//! keeps the fields it gave, and the articles keep their flags. [`Appender::settle`]
//! (run by `kg compact` before it folds) replaces the entry by the exact one: the
//! component replay over the base, and every later article of the journal merged again
//! over it, so the folded base is the rebuild's. While a removal is pending, another
//! removal of a base article takes the whole-base path (the flags it relies on wait on
//! the settlement), as does the settlement when anything but articles came after it.
//!
//! Everything else takes the whole-base path, as before: an article that changed the
//! entities when `excise` cannot tell or a journal is there already, one whose
//! provenance comes first on a fact it shares (the fact's own fields are that
//! article's, a rebuild takes the next one's), a base written before the flag was kept,
//! an article renamed when added (its facts cite the id it came with), and an article
//! whose later articles a merge decision makes outgrow the journal.
//!
//! # Complexity
//! A journal article: reading the journal, and merging its later articles again. A base
//! article that changed no entity: a backward scan of the base's text to its record, and
//! the facts of the entities its names resolve to; the base is mapped, never parsed
//! whole. One that changed the entities: what [`super::excise`] costs, or, pending, what
//! one that changed none costs. Settling a pending removal: what [`super::excise`] costs,
//! plus merging the journal's later articles again.

use super::Error;
use super::Extraction;
use super::append::Appender;
use super::excise::{Articles, Record};
use super::journal::{Entry, Journal};
use super::known::Known;
use super::merge::{Builder, Place, place};
use super::note::{Note, Tally};
use super::overlay::Overlay;
use crate::model::name::lookup_key;
use crate::model::{Fact, Provenance, Relation, Source};
use crate::query::{Describe, Read, Topology};
use crate::store::snapshot::map::Bytes;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// What [`Appender::retract`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Retracted {
    /// The article was taken out through the journal: its id, and how many facts and
    /// entities the graph lost.
    Removed {
        id: String,
        facts: usize,
        entities: usize,
        /// The removal is pending: its identity consequences wait on the next `kg
        /// compact` (see the module doc).
        pending: bool,
    },
    /// No article of the base or its journal has this id or file.
    Unknown,
    /// The article is not one the journal can take out (see the module doc): nothing was
    /// changed; the base must be rebuilt.
    Rewrite,
}

/// True when `given` names the article of `source`, by id or file, as `kg remove` reads it.
pub fn names(source: &Source, given: &str) -> bool {
    source.id == given || source.path.as_deref() == Some(given)
}

impl Appender {
    /// Takes the article `given` (id or file) out of the journal, merging the later
    /// articles again over what is kept (see the module doc); the new journal is in the
    /// appender, for [`Appender::save_retraction`] to write.
    ///
    /// # Complexity
    /// O(S) for the base's S sources, plus, for each later article of the journal, what
    /// [`Appender::append`] costs for it.
    pub fn retract(&mut self, given: &str) -> Retracted {
        self.retract_as(given, Way::Pending)
    }

    /// [`Appender::retract`], a base article that changed the entities removed `way`.
    pub fn retract_as(&mut self, given: &str, way: Way) -> Retracted {
        let Some(journal) = self.journal.take() else {
            return Retracted::Rewrite; // one write per lock
        };
        let sources = self.snap.sources_where(|_| true);
        let removed: HashSet<String> = journal
            .entries
            .iter()
            .filter_map(|e| e.removed.clone())
            .collect();
        // Base articles come first, as `kg remove` looks them up in a base it holds.
        let in_base = sources
            .iter()
            .find(|s| names(s, given) && !removed.contains(&s.id));
        if let Some(s) = in_base {
            let (id, left) = (s.id.clone(), sources.len() - removed.len() - 1);
            return self.withdraw(journal, id, left, way);
        }
        let at = journal
            .entries
            .iter()
            .position(|e| e.article.as_ref().is_some_and(|a| names(&a.source, given)));
        let Some(at) = at else {
            return Retracted::Unknown;
        };
        let Ok(before) = Overlay::new(&self.snap, journal.clone()) else {
            return Retracted::Rewrite; // the rewrite reports the journal
        };
        let before = before.counts();
        let mut entries = journal.entries;
        let later = entries.split_off(at + 1);
        if later.iter().any(|e| e.removed.is_some()) {
            return Retracted::Rewrite; // made over this article: rebuilt
        }
        let gone = entries.pop().and_then(|e| e.article);
        let Some(gone) = gone else {
            return Retracted::Rewrite;
        };
        let mut kept = Journal::new(self.snap.stamp());
        kept.entries = entries;
        let Ok(mut overlay) = Overlay::new(&self.snap, kept.clone()) else {
            return Retracted::Rewrite;
        };
        if self.merge_again(&mut overlay, &mut kept, later).is_none() {
            return Retracted::Rewrite;
        }
        self.counts = overlay.counts();
        self.delta = Some(overlay.to_delta());
        self.in_base = sources.len() - removed.len();
        self.articles = kept.entries.iter().filter(|e| e.article.is_some()).count();
        self.text = kept.to_text();
        Retracted::Removed {
            id: gone.source.id,
            facts: before.1.saturating_sub(self.counts.1),
            entities: before.0.saturating_sub(self.counts.0),
            pending: false,
        }
    }

    /// Merges the articles of `later` (entries of the journal) again, in order, over
    /// `overlay` (the graph `kept` gives), as `kg add` merges them, each entry pushed on
    /// both; `None` when one is not an article or cannot be merged so.
    fn merge_again(
        &self,
        overlay: &mut Overlay<'_>,
        kept: &mut Journal,
        later: Vec<Entry>,
    ) -> Option<()> {
        for entry in later {
            let mut article = entry.article?;
            let mut b = Builder::over(&self.decisions, overlay);
            b.add(&article);
            article.changes_entities = Some(b.changed_entities());
            let (sources, entities, facts) = b.delta()?;
            let entry = Entry {
                article: Some(article),
                sources,
                entities,
                facts,
                ..Entry::default()
            };
            overlay.push(entry.clone()).ok()?;
            kept.entries.push(entry);
        }
        self.snap.damage().is_none().then_some(())
    }

    /// Settles the journal's pending removal (see the module doc): the entry the
    /// component replay gives over the base takes its place and the journal's later
    /// articles are merged again over it; the new journal is in the appender, for
    /// [`Appender::save`] to write.
    ///
    /// # Complexity
    /// What [`super::excise`] costs, plus what [`Appender::append`] costs for each later
    /// article of the journal.
    pub fn settle(&mut self) -> Settlement {
        let Some(journal) = self.journal.take() else {
            return Settlement::Rewrite;
        };
        let Some(at) = journal.pending() else {
            self.journal = Some(journal);
            return Settlement::Nothing;
        };
        let mut entries = journal.entries;
        let later = entries.split_off(at + 1);
        let id = entries.pop().and_then(|e| e.removed);
        // Made over the base alone, and only articles after it: else the whole-base path.
        let (Some(id), true) = (id, entries.is_empty()) else {
            return Settlement::Rewrite;
        };
        let mut kept = Journal::new(self.snap.stamp());
        let Ok(mut overlay) = Overlay::new(&self.snap, kept.clone()) else {
            return Settlement::Rewrite;
        };
        let Some(entry) = self.excised(&overlay, &id) else {
            return Settlement::Rewrite;
        };
        if overlay.push(entry.clone()).is_err() {
            return Settlement::Rewrite;
        }
        kept.entries.push(entry);
        if self.merge_again(&mut overlay, &mut kept, later).is_none() {
            return Settlement::Rewrite;
        }
        self.counts = overlay.counts();
        self.delta = Some(overlay.to_delta());
        self.in_base = self.snap.source_count() - 1;
        self.articles = kept.articles().count();
        self.text = kept.to_text();
        Settlement::Settled { id }
    }

    /// Takes article `id` of the base out through the journal, if it changed no entity
    /// when merged (see the module doc); `left` articles of the base stay.
    ///
    /// # Complexity
    /// A backward scan of the base's text to the article's record, plus the facts of the
    /// entities its names resolve to (through the snapshot's indexes).
    fn withdraw(&mut self, mut journal: Journal, id: String, left: usize, way: Way) -> Retracted {
        // The flags of the base's articles wait on a pending removal's settlement.
        if journal.pending().is_some() {
            return Retracted::Rewrite;
        }
        let Some(article) = self.base_article(&id) else {
            return Retracted::Rewrite;
        };
        // Its flag as the graph seen has it: a removal through the journal may have
        // changed it (see `super::excise`).
        let flag = journal
            .entries
            .iter()
            .rev()
            .find_map(|e| e.flags.get(&id).copied())
            .or(article.changes_entities);
        let Ok(mut overlay) = Overlay::new(&self.snap, journal.clone()) else {
            return Retracted::Rewrite;
        };
        let before = overlay.counts();
        let snap = &self.snap;
        let release = || snap.release_resident();
        let mut pending = false;
        let entry = match flag {
            Some(false) => {
                let Some((dropped, shared)) =
                    own_facts(&overlay, &self.decisions, &article, Fields::Exact, &release)
                else {
                    return Retracted::Rewrite;
                };
                Entry {
                    removed: Some(id.clone()),
                    facts: shared,
                    dropped,
                    ..Entry::default()
                }
            }
            // It changed the entities: the component replay says what taking it out
            // changes, over the base alone.
            Some(true) if journal.entries.is_empty() => {
                let hidden = match way {
                    Way::Pending => {
                        own_facts(&overlay, &self.decisions, &article, Fields::Kept, &release)
                    }
                    Way::Settled => None,
                };
                if let Some((dropped, shared)) = hidden {
                    pending = true;
                    Entry {
                        removed: Some(id.clone()),
                        pending,
                        facts: shared,
                        dropped,
                        ..Entry::default()
                    }
                } else {
                    let Some(entry) = self.excised(&overlay, &id) else {
                        return Retracted::Rewrite;
                    };
                    entry
                }
            }
            _ => return Retracted::Rewrite,
        };
        if overlay.push(entry.clone()).is_err() || self.snap.damage().is_some() {
            return Retracted::Rewrite;
        }
        journal.entries.push(entry);
        self.counts = overlay.counts();
        self.delta = Some(overlay.to_delta());
        self.in_base = left;
        self.articles = journal.articles().count();
        self.text = journal.to_text();
        Retracted::Removed {
            id,
            facts: before.1.saturating_sub(self.counts.1),
            entities: before.0.saturating_sub(self.counts.0),
            pending,
        }
    }

    /// The removal of base article `id`, which changed the entities, as
    /// [`super::excise`] tells it from the base's articles; `None` when it cannot. The
    /// articles' records are where the base's spans file says (see [`super::spans`]) when
    /// it describes the base and its spans are the records (each record then checked as
    /// UTF-8 only as far as it is read), else found by reading the base's text, checked
    /// whole.
    fn excised(&self, overlay: &Overlay<'_>, id: &str) -> Option<Entry> {
        let file = std::fs::File::open(&self.path).ok()?;
        let bytes = Bytes::map(&file).ok()?;
        // Only memory: the base's pages are let go as it is checked (a chunk at a time)
        // and as it is read, and the snapshot's once the facts needed are read from it.
        let release = || {
            let _ = bytes.release_resident();
            self.snap.release_resident();
        };
        let stamp = crate::store::snapshot::stamp_of(&file.metadata().ok()?);
        let spanned = super::spans::all(&self.path, stamp)
            .and_then(|spans| super::fold::spanned_records(&bytes, &spans, &release))
            // (one record a source: else the spans are not the base's records)
            .filter(|(records, _, _)| records.len() == self.snap.source_count());
        let base = match spanned {
            Some((records, version, fingerprint)) => Articles {
                records: records.into_iter().map(Record::Bytes).collect(),
                version,
                fingerprint,
            },
            None => Articles::of_text(bytes.text()?, &release)?,
        };
        super::excise::excise(&base, overlay, &self.decisions, id, &release)
    }

    /// The record of article `id` in the base's `"kb"` section, read from the base's text
    /// as kg writes it (pretty, each article's source first), without reading the rest:
    /// where the base's spans file says it is, else searched for from the end of the
    /// text; `None` when it is not found so.
    fn base_article(&self, id: &str) -> Option<Extraction> {
        let file = std::fs::File::open(&self.path).ok()?;
        let bytes = Bytes::map(&file).ok()?;
        let needle = format!(
            "\n      {{\n        \"source\": {{\n          \"id\": {}",
            serde_json::to_string(id).ok()?
        );
        // Where the spans file says it is (see `super::spans`), when the text there is
        // the opening of its record, as the search would find it; else searched for.
        let stamp = crate::store::snapshot::stamp_of(&file.metadata().ok()?);
        let spanned = super::spans::find(&self.path, stamp, id).and_then(|(at, len)| {
            let (at, len) = (usize::try_from(at).ok()?, usize::try_from(len).ok()?);
            let record = bytes.get(at.checked_sub(1)?..at.checked_add(len)?)?;
            (record.starts_with(needle.as_bytes()) && record.ends_with(b"\n      }"))
                .then_some((at, len))
        });
        let (start, end) = match spanned {
            Some(span) => span,
            None => {
                // (the pages searched let go as the search goes back)
                let release = || {
                    let _ = bytes.release_resident();
                };
                let start = super::fold::last(&bytes, needle.as_bytes(), &release)? + 1;
                let tail = &bytes[start..];
                (start, find(tail, b"\n      }")? + b"\n      }".len())
            }
        };
        let article: Extraction = serde_json::from_slice(&bytes[start..start + end]).ok()?;
        // Only memory: the pages the search went through are let go now.
        let _ = bytes.release_resident();
        (article.source.id == id).then_some(article)
    }

    /// Writes the journal [`Appender::retract`] left (one with no entry left is removed:
    /// the base alone is the graph), and tells in its notes what it wrote.
    pub fn save_retraction(&self) -> Result<Vec<Note>, Error> {
        // The head, then an entry a line.
        if self.text.lines().nth(1).is_some() {
            return self.save();
        }
        let jpath = super::journal::path_for(&self.path);
        super::journal::remove(&jpath)?;
        let (entities, facts) = self.counts;
        Ok(vec![Note::RemovedJournal {
            journal: jpath,
            tally: Tally {
                articles: self.in_base,
                entities,
                facts,
            },
        }])
    }
}

/// How many facts [`own_facts`] reads between two calls of its release hook (measured at
/// 10M: every 1,024, and around the entry's push, kept 3% less memory for 20–40% more time).
const RELEASE_EVERY_FACTS: usize = 4096;

/// How [`Appender::retract`] removes a base article that changed the entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// Its facts and provenances hidden at once, the rest settled by the next `kg
    /// compact` (a pending removal; see the module doc), where they can be found so.
    Pending,
    /// Exactly, now: the component replay of [`super::excise`].
    Settled,
}

/// What [`Appender::settle`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Settlement {
    /// The journal holds no pending removal.
    Nothing,
    /// The pending removal of article `id` was settled.
    Settled { id: String },
    /// It cannot be settled through the journal: the whole-base path settles it.
    Rewrite,
}

/// What a shared fact the article comes first on gives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fields {
    /// Nothing: the rebuild takes the next article's fields, which the graph cannot tell.
    Exact,
    /// The fact with its other provenances, the fields it has kept (a pending removal).
    Kept,
}

/// The facts of the graph seen that `article` (of the base) states: those it alone
/// states (to drop) and those it shares, less its provenance; `None` when they cannot all
/// be found through its names, when its facts name it otherwise than by its id, or when it
/// comes first on a fact it shares (unless `fields` keeps them). `release` is called every
/// [`RELEASE_EVERY_FACTS`] facts read (to let the snapshot's pages go).
fn own_facts(
    overlay: &Overlay<'_>,
    decisions: &super::Decisions,
    article: &Extraction,
    fields: Fields,
    release: &dyn Fn(),
) -> Option<(Vec<Fact>, Vec<Fact>)> {
    let id = article.source.id.as_str();
    let ours = |p: &Provenance| p.source.as_deref() == Some(id);
    // An article renamed when added (an id taken: `report-1a2b3c4d`) keeps its facts'
    // first id, which another article's provenance may carry too: a rebuild tells them
    // apart by the extraction, the graph cannot.
    if !article
        .facts
        .iter()
        .all(|f| f.provenances().iter().all(&ours))
    {
        return None;
    }
    // The article as the merge saw it, and every place it states a fact (a fact whose
    // ends it does not name is not merged).
    let prepared = Builder::new(decisions).prepare(article);
    let local: HashSet<&str> = prepared.entities.iter().map(|e| e.id.as_str()).collect();
    let want: HashSet<Place> = prepared
        .facts
        .iter()
        .filter(|f| local.contains(f.subject.as_str()) && local.contains(f.object.as_str()))
        .flat_map(Fact::provenances)
        .filter(|p| ours(p))
        .map(|p| place(&p))
        .collect();
    let relations: HashSet<Relation> = prepared.facts.iter().map(|f| f.relation).collect();
    let mut nodes: BTreeSet<u32> = BTreeSet::new();
    for e in &prepared.entities {
        for name in e.names() {
            nodes.extend(
                overlay
                    .entities_named(&lookup_key(name))
                    .into_iter()
                    .map(|(n, _)| n as u32),
            );
        }
    }
    let mut found: BTreeMap<u32, Fact> = BTreeMap::new();
    let view = overlay.view();
    let mut read = 0usize;
    for &n in &nodes {
        for e in Read::facts_of(&view, n, true) {
            // Only memory: the snapshot's pages read so far are let go now and then
            // (scattered reads map the pages around them too).
            read += 1;
            if read.is_multiple_of(RELEASE_EVERY_FACTS) {
                release();
            }
            let (_, o) = Topology::endpoints(&view, e);
            if !nodes.contains(&o) || !relations.contains(&Describe::relation(&view, e)) {
                continue;
            }
            let f = Read::fact(&view, e);
            if f.provenances().iter().any(ours) {
                found.insert(e, f.into_owned());
            }
        }
    }
    let got: HashSet<Place> = found
        .values()
        .flat_map(Fact::provenances)
        .filter(|p| ours(p))
        .map(|p| place(&p))
        .collect();
    if got != want {
        return None;
    }
    let (mut dropped, mut shared) = (Vec::new(), Vec::new());
    for f in found.into_values() {
        let all = f.provenances();
        let rest: Vec<Provenance> = all.iter().filter(|p| !ours(p)).cloned().collect();
        if rest.is_empty() {
            dropped.push(f);
        } else if ours(&all[0]) && fields == Fields::Exact {
            return None;
        } else {
            let mut g = f;
            g.set_provenances(rest);
            shared.push(g);
        }
    }
    Some((dropped, shared))
}

/// Where `needle` first starts in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}
