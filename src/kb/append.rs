//! [`Appender`]: `kg add` on a large base without rewriting it. The new articles are
//! merged through the base's snapshot (only the entities their names match and the facts
//! they restate are read) and written to the base's journal (see [`super::journal`]);
//! the base and its snapshot stay as they are, so adding an article costs about the same
//! at ten million facts as at ten thousand.
//!
//! A base takes appends when queries read it through a snapshot (`KG_SNAPSHOT` and its
//! size say so), it starts as kg writes graph files, it is a knowledge base of this kg's
//! format built under the decisions in `kg.aliases` (with its journal's merges; or a plain
//! graph file with no decisions), and its journal, if any, extends it as it is now. An article that replaces one of the base (same id and file,
//! other bytes), or one a merge decision would join to an entity of the base, needs the
//! base rewritten: then nothing is appended and `kg add` rewrites the base as it does for
//! small ones.

use super::Error;
use super::Overlay;
use super::decisions::Decisions;
use super::journal::{Entry, Journal, path_for};
use super::merge::Builder;
use super::note::{Note, Tally};
use super::session::{check_writable, lock, read_decisions};
use super::{Added, Extraction, KB_VERSION};
use crate::store::Error as StoreError;
use crate::store::WriteLock;
use crate::store::snapshot::{self, Policy, Snapshot, stamp_of};
use crate::store::write_atomic;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// From this size (2 MiB) `kg add` suggests folding the journal in: every query reads it
/// first, at about 12 ms per MB (measured with `bench/journal_bench.rs`).
pub const LARGE_JOURNAL_BYTES: u64 = 2 << 20;

/// True when the file starts as kg writes graph files and bases (`{` and the `"version"`
/// field): a file that does not (a node-link export read as a graph, a file written by
/// hand) takes the slow path, where the base reader checks it whole.
fn written_by_kg(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 64];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let text = String::from_utf8_lossy(&head[..n]);
    text.trim_start()
        .strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with("\"version\""))
}

/// A base opened for appending, locked for writing until dropped.
pub struct Appender {
    pub(super) path: PathBuf,
    pub(super) snap: Snapshot,
    pub(super) decisions: Decisions,
    /// The journal as read (a new one when there was none), until `append` (or
    /// [`Appender::retract`]) lays it over the snapshot.
    pub(super) journal: Option<Journal>,
    /// The journal's text as read (or a new head), and the lines `append` adds.
    pub(super) text: String,
    /// After `append`: articles in the base and in the journal, and the graph's entity and
    /// fact counts.
    pub(super) in_base: usize,
    pub(super) articles: usize,
    pub(super) counts: (usize, usize),
    /// The journal as written laid over the snapshot, as a delta file (see
    /// [`super::delta`]), once a write made it; written after the journal.
    pub(super) delta: Option<Vec<u8>>,
    _lock: WriteLock,
}

impl Appender {
    /// The base at `path` opened for appending, or `None` when it does not take appends
    /// (see the module doc). Builds the snapshot when it is missing or out of date (with
    /// a note when it was unusable or cannot be saved).
    pub fn open(
        path: &Path,
        policy: Policy,
        notes: &mut Vec<Note>,
    ) -> Result<Option<Appender>, Error> {
        let Ok(meta) = std::fs::metadata(path) else {
            return Ok(None); // the base reader says what is wrong
        };
        if !policy.applies(meta.len()) || !written_by_kg(path) {
            return Ok(None);
        }
        check_writable(path)?;
        let held = lock(path)?;
        let stamp = stamp_of(
            &std::fs::metadata(path).map_err(|source| StoreError::ReadGraph {
                path: path.into(),
                source,
            })?,
        );
        let jpath = path_for(path);
        let bad = |why: String| super::journal::invalid(path, why);
        let (journal, text) = match std::fs::read_to_string(&jpath) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let j = Journal::new(stamp);
                let text = j.to_text();
                (j, text)
            }
            Err(e) => return Err(bad(crate::store::describe(&e))),
            Ok(mut text) => {
                let j = Journal::parse(&text).map_err(|e| bad(e.to_string()))?;
                if !j.extends(stamp) {
                    return Ok(None); // a rewrite adds its articles again
                }
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                (j, text)
            }
        };
        let (decisions, _) = read_decisions(path)?;
        let mut told = Vec::new();
        let snap = snapshot::open(path, &mut told)?;
        notes.extend(told.into_iter().map(Note::Snapshot));
        let fits = match snap.meta().kb {
            Some(head) if head.version > u64::from(KB_VERSION) => {
                return Err(Error::NewerBase {
                    path: path.into(),
                    message: super::KbError::Newer {
                        found: head.version.min(u64::from(u32::MAX)) as u32,
                    }
                    .to_string(),
                });
            }
            // A merge in the journal (see `super::unite`) recorded the decisions it was
            // made under.
            Some(head) => {
                let built = journal.decisions().map(String::from).or(head.decisions);
                head.version == u64::from(KB_VERSION) && built == Some(decisions.fingerprint())
            }
            None => decisions.is_empty(),
        };
        if !fits || snap.stamp() != stamp || snap.damage().is_some() {
            return Ok(None);
        }
        Ok(Some(Appender {
            path: path.into(),
            snap,
            decisions,
            articles: journal.articles().count(),
            in_base: 0,
            counts: (0, 0),
            delta: None,
            journal: Some(journal),
            text,
            _lock: held,
        }))
    }

    /// Merges the articles into the journal, in order, as [`super::KnowledgeBase::add`]
    /// merges them into a base it holds; gives them back, with nothing appended, when one
    /// needs the base rewritten (see the module doc).
    ///
    /// # Complexity
    /// O(S) for the base's S sources, plus, per article, what its names match and its facts
    /// restate in the base (name and id lookups are O(log N)).
    pub fn append(&mut self, incoming: Vec<Extraction>) -> Result<Vec<Added>, Vec<Extraction>> {
        let Some(journal) = self.journal.take() else {
            return Err(incoming); // appended already: one call per lock
        };
        // The base's articles, less those the journal removed (see `super::retract`).
        let removed: HashSet<&str> = journal
            .entries
            .iter()
            .filter_map(|e| e.removed.as_deref())
            .collect();
        let mut sources = self.snap.sources_where(|_| true);
        sources.retain(|s| !removed.contains(s.id.as_str()));
        self.in_base = sources.len();
        let mut paths: HashMap<String, Option<String>> = HashMap::new();
        let mut hashes: HashMap<String, String> = HashMap::new();
        for s in sources.iter().chain(journal.articles().map(|a| &a.source)) {
            paths.insert(s.id.clone(), s.path.clone());
            if let Some(h) = s.hash() {
                hashes.insert(h.to_string(), s.id.clone());
            }
        }
        let mut fresh_ids: HashSet<String> = HashSet::new();
        let mut results = Vec::new();
        let Ok(mut overlay) = Overlay::new(&self.snap, journal) else {
            return Err(incoming); // the rewrite reports the journal
        };
        for ex in &incoming {
            let mut ex = ex.clone();
            let hash = ex.source.hash().unwrap_or_default().to_string();
            if let Some(id) = hashes.get(&hash) {
                results.push(Added::Unchanged { id: id.clone() });
                continue;
            }
            match paths.get(&ex.source.id) {
                Some(old) if old == &ex.source.path || old.is_none() => {
                    return Err(incoming); // it replaces an article: a rewrite
                }
                Some(_) => ex.rename(super::with_hash_suffix(&ex.source.id, &hash)),
                None if fresh_ids.contains(&ex.source.id) => {
                    ex.rename(super::with_hash_suffix(&ex.source.id, &hash))
                }
                None => {}
            }
            let mut b = Builder::over(&self.decisions, &overlay);
            b.add(&ex);
            ex.changes_entities = Some(b.changed_entities());
            let Some((srcs, entities, facts)) = b.delta() else {
                return Err(incoming);
            };
            if self.snap.damage().is_some() {
                return Err(incoming);
            }
            // As `kg sources` counts: the base's facts that name the article.
            let named = facts.iter().filter(|f| f.sources().contains(&ex.source.id));
            results.push(Added::New {
                id: ex.source.id.clone(),
                facts: named.count(),
            });
            hashes.insert(hash, ex.source.id.clone());
            fresh_ids.insert(ex.source.id.clone());
            paths.insert(ex.source.id.clone(), ex.source.path.clone());
            let entry = Entry {
                article: Some(ex),
                sources: srcs,
                entities,
                facts,
                ..Entry::default()
            };
            let line = serde_json::to_string(&entry).expect("entries serialize");
            if overlay.push(entry).is_err() {
                return Err(incoming);
            }
            self.text.push_str(&line);
            self.text.push('\n');
            self.articles += 1;
        }
        self.counts = overlay.counts();
        self.delta = Some(overlay.to_delta());
        Ok(results)
    }

    /// What the base with its journal holds.
    fn tally(&self) -> Tally {
        let (entities, facts) = self.counts;
        Tally {
            articles: self.in_base + self.articles,
            entities,
            facts,
        }
    }

    /// The note for nothing written: the base is unchanged, for the caller's reason
    /// `why` (`nothing new to add`).
    pub fn unchanged(&self, why: &str) -> Vec<Note> {
        vec![Note::Unchanged {
            base: self.path.clone(),
            why: why.to_string(),
            tally: self.tally(),
        }]
    }

    /// Writes the delta file of the journal just written (see [`super::delta`]), or
    /// removes the one there when this write made none. The journal is written and is the
    /// record: a delta file that cannot be written is left to the next write, and queries
    /// parse the journal meanwhile (they would not read a stale one).
    pub(super) fn save_delta(&self) {
        let _ = match &self.delta {
            Some(bytes) => super::delta::save(&self.path, bytes.clone()),
            None => super::delta::remove(&self.path),
        };
    }

    /// Writes the journal with what was appended, and tells in its notes what it wrote.
    pub fn save(&self) -> Result<Vec<Note>, Error> {
        let jpath = path_for(&self.path);
        let tally = self.tally();
        let text = &self.text;
        write_atomic(&jpath, text.as_bytes()).map_err(|source| StoreError::Write {
            path: jpath.clone(),
            source,
        })?;
        self.save_delta();
        let mut notes = vec![Note::WroteJournal {
            journal: jpath.clone(),
            base: self.path.clone(),
            added: self.articles,
            tally,
        }];
        if text.len() as u64 >= LARGE_JOURNAL_BYTES {
            notes.push(Note::LargeJournal {
                journal: jpath,
                base: self.path.clone(),
                bytes: text.len(),
            });
        }
        Ok(notes)
    }
}
