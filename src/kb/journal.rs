//! [`Journal`]: the articles `kg add` appended to a large base without rewriting it.
//!
//! Rewriting a base of millions of facts for one article takes minutes and gigabytes, so
//! when queries read the base through its snapshot, `kg add` writes the new article to
//! `kg.json.journal` beside it instead, with what it changes in the merged graph. Every
//! reader of the base reads the journal on top of it (queries through the snapshot see it
//! as [`super::Overlay`], [`load`] reads it onto the parsed base); the next command that rewrites the base (any
//! other write command, or `kg compact`) adds the journal's articles to it and removes
//! the journal.
//!
//! The journal is JSON Lines: a head naming the exact base file it extends (its length
//! and modification time), then one [`Entry`] per article:
//!
//! ```text
//! {"kg-journal":1,"base":{"len":228001234,"mtime_ns":1732270000000000000}}
//! {"article":{"source":{...},"entities":[...],"facts":[...]},"sources":[...],"entities":[...],"facts":[...]}
//! ```
//!
//! An entry's `sources`, `entities` and `facts` are the records the article added to the
//! merged graph or changed in it, whole: an entity with the id of one in the base replaces
//! it (it gained names), a fact with the key of one in the base (subject, relation,
//! object, date) replaces it (it gained a provenance), anything else is new and comes
//! after the base's records, in the order written. A journal whose head does not match the
//! base (the base was rewritten or replaced since) is not read on top of it: queries stop
//! and say so, and a write adds its articles to the base again (adding an article twice
//! changes nothing).
//!
//! `kg remove` of an article of the base writes an entry with no article (see
//! [`super::retract`]): `removed` names the article (its source goes with it), `dropped`
//! the facts it alone stated, whole, and `facts` those it shared, less its provenance:
//!
//! ```text
//! {"removed":"wire-01999","sources":[],"entities":[],"facts":[...],"dropped":[...]}
//! ```
//!
//! A journal holding such an entry is format 2 (a kg that reads only format 1 would not
//! see the removal, so it refuses the journal by its version); one of appended articles
//! only stays format 1.
//!
//! `kg merge A B` on a large base writes a merge entry (see [`super::unite`]): `merged`
//! names the entity kept and the one that joined it (which goes, with every fact it had:
//! those are in `dropped`), `decisions` the fingerprint of the decisions file with the
//! merge recorded, `entities` the kept entity with the other's names, and `facts` the
//! gone entity's facts moved onto the kept one. A journal holding one is format 3.
//!
//! ```text
//! {"merged":["kim-jong-un","kim"],"decisions":"fnv1a64:...","sources":[],"entities":[...],"facts":[...],"dropped":[...]}
//! ```
//!
//! `kg remove` of a base article that changed the entities (see [`super::excise`]) writes
//! a removal entry with two more fields: `gone`, the ids of the entities no other article
//! names (taken out, their facts in `dropped`), and `flags`, the base articles whose
//! `changes_entities` the rebuild without it gives otherwise (by id); `entities` and
//! `facts` are then the records it changed whole, as for an article. A journal holding
//! one is format 4.
//!
//! `kg remove` of a base article that changed the entities may instead write a *pending*
//! removal (see [`super::retract`]): the entry of an article that changed none (its
//! source, the facts it alone stated in `dropped`, those it shared less its provenance in
//! `facts`) marked `"pending":true`. It hides the article's facts and provenances at once
//! and leaves the identity consequences (which entities go, which later article's name
//! joins which entity, the facts on them, the articles' flags) to the next `kg compact`,
//! which settles the entry (replaces it by the exact one, [`super::excise`]) before it
//! folds. A journal holding one is format 5: a kg that reads it as an exact removal
//! would fold a graph that is not the rebuild's.
//!
//! ```text
//! {"removed":"wire-01999","pending":true,"sources":[],"entities":[],"facts":[...],"dropped":[...]}
//! ```

use super::Error;
use super::Extraction;
use super::merge::fact_key;
use crate::model::{Entity, Fact, GraphFile, KnowledgeGraph, Source};
use crate::store::Error as StoreError;
use crate::store::snapshot::{Stamp, stamp_of};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

/// The newest journal format this kg reads and writes (5: with a pending removal; 4: with a removal that takes
/// entities out or changes articles' flags; 3: with merges; 2: with removals; a journal
/// with none of these is written as format 1).
pub const JOURNAL_VERSION: u32 = 5;

/// The error for the journal of the base at `base`, which `why` says is not valid.
pub fn invalid(base: &Path, why: impl std::fmt::Display) -> Error {
    Error::BadJournal {
        path: path_for(base),
        message: why.to_string(),
    }
}

/// Where the journal of a base lives: the same name with `.journal` added.
pub fn path_for(base: &Path) -> PathBuf {
    let mut name = base.as_os_str().to_owned();
    name.push(".journal");
    PathBuf::from(name)
}

/// True when the journal of the base at `base` holds a pending removal (see the module
/// doc): a journal of format 5 or later with a pending entry. Reads the journal's text,
/// not its records; a journal that cannot be read holds none (the reader says why).
pub fn holds_pending(base: &Path) -> bool {
    let Ok(text) = std::fs::read(path_for(base)) else {
        return false;
    };
    let head = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let version = serde_json::from_slice::<Head>(head).map_or(0, |h| h.version);
    version >= 5 && memchr::memmem::find(&text, br#""pending":true"#).is_some()
}

/// Removes the journal at `path` once its articles are in the base, and its delta file
/// first (see [`super::delta`]); one already gone is no error.
pub fn remove(path: &Path) -> Result<(), Error> {
    let mut delta = path.as_os_str().to_owned();
    delta.push(".snap");
    for path in [Path::new(&delta), path] {
        remove_file(path)?;
    }
    Ok(())
}

fn remove_file(path: &Path) -> Result<(), Error> {
    match std::fs::remove_file(path) {
        Err(source) if source.kind() != io::ErrorKind::NotFound => Err(StoreError::Write {
            path: path.to_path_buf(),
            source,
        }
        .into()),
        _ => Ok(()),
    }
}

#[derive(Serialize, Deserialize)]
struct Head {
    #[serde(rename = "kg-journal")]
    version: u32,
    base: BaseStamp,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
struct BaseStamp {
    len: u64,
    mtime_ns: u64,
}

/// One article appended to the base (or one of the base removed), and what it changed in
/// the merged graph.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The article as it goes into the base's `"kb"` section (`None` when read for a
    /// query, which needs only what it changed: see [`Journal::current`]; and for a
    /// removal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Extraction>,
    /// The id of the base article this entry removes; its source goes with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<String>,
    /// The removal is pending: it hides the article's facts and provenances, and its
    /// identity consequences are settled by the next `kg compact` (see the module doc).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pending: bool,
    /// A merge: the id of the entity kept, and of the one that joined it (it goes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged: Option<[String; 2]>,
    /// The fingerprint of the decisions once the merge is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions: Option<String>,
    /// Sources added or replaced (by id).
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Entities added or replaced (by id), whole.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Facts added or replaced (by key), whole.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Facts taken out (by key), whole as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<Fact>,
    /// Entities taken out (by id): a removal of an article that changed the entities
    /// (see [`super::excise`]) can leave an entity no other article names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gone: Vec<String>,
    /// Base articles whose `changes_entities` the rebuild now gives otherwise (by id):
    /// such a removal can change what merging a later article changed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub flags: BTreeMap<String, bool>,
}

/// Why a journal could not be read.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{}", crate::store::describe(.0))]
    Io(#[from] io::Error),
    #[error("line {line}: {message}")]
    Syntax { line: usize, message: String },
    #[error(
        "was written by a newer kg (journal format {0}; this kg reads up to {JOURNAL_VERSION}): upgrade kg"
    )]
    Newer(u32),
}

/// What an entry changed, read without its article.
#[derive(Deserialize)]
struct Changes {
    #[serde(default)]
    removed: Option<String>,
    #[serde(default)]
    pending: bool,
    #[serde(default)]
    merged: Option<[String; 2]>,
    #[serde(default)]
    decisions: Option<String>,
    #[serde(default)]
    dropped: Vec<Fact>,
    #[serde(default)]
    gone: Vec<String>,
    #[serde(default)]
    flags: BTreeMap<String, bool>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    facts: Vec<Fact>,
}

/// How much of each entry to read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The article too (to write the journal again, or fold it into the base).
    Whole,
    /// Only what it changed in the merged graph (to answer a query).
    Changes,
}

/// A base's journal: the base it extends and the articles appended, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Journal {
    base: Stamp,
    pub entries: Vec<Entry>,
}

impl Journal {
    /// An empty journal extending the base file with this stamp.
    pub fn new(base: Stamp) -> Journal {
        Journal {
            base,
            entries: Vec::new(),
        }
    }

    /// The journal of the base at `base`, or `None` when it has none.
    pub fn read(base: &Path) -> Result<Option<Journal>, JournalError> {
        Journal::read_part(base, Part::Whole)
    }

    fn read_part(base: &Path, part: Part) -> Result<Option<Journal>, JournalError> {
        let text = match std::fs::read_to_string(path_for(base)) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        Journal::parse_part(&text, part).map(Some)
    }

    /// The journal of the base at `base` when it extends the base as it is now, read for
    /// a query (what each entry changed, not its article: about half the text); `None`
    /// when it has none; an error when it cannot be read or extends another version of
    /// the base.
    ///
    /// A write that folds the journal in replaces the base and then removes the journal;
    /// a reader that comes between the two sees a journal of another base, so it looks
    /// once more, a moment later, before it says so.
    pub fn current(base: &Path) -> Result<Option<Journal>, Error> {
        match Journal::if_current(base)? {
            Some(Err(_)) => {
                std::thread::sleep(std::time::Duration::from_millis(50));
                Journal::if_current(base)?.transpose()
            }
            other => other.transpose(),
        }
    }

    /// The journal, if there is one, and whether it extends the base as it is now.
    fn if_current(base: &Path) -> Result<Option<Result<Journal, Error>>, Error> {
        let journal = Journal::read_part(base, Part::Changes).map_err(|e| invalid(base, e))?;
        let Some(journal) = journal else {
            return Ok(None);
        };
        let now = std::fs::metadata(base)
            .map(|m| stamp_of(&m))
            .map_err(|source| StoreError::ReadGraph {
                path: base.into(),
                source,
            })?;
        if !journal.extends(now) {
            return Ok(Some(Err(Error::StaleJournal {
                journal: path_for(base),
                base: base.into(),
            })));
        }
        Ok(Some(Ok(journal)))
    }

    /// Reads a journal's text, every entry whole.
    pub fn parse(text: &str) -> Result<Journal, JournalError> {
        Journal::parse_part(text, Part::Whole)
    }

    fn parse_part(text: &str, part: Part) -> Result<Journal, JournalError> {
        let syntax = |line: usize| {
            move |e: serde_json::Error| JournalError::Syntax {
                line,
                message: crate::store::json::bare_message(&e),
            }
        };
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        let Some((_, first)) = lines.next() else {
            return Err(JournalError::Syntax {
                line: 1,
                message: "it is empty (a journal starts with its head)".into(),
            });
        };
        let version: serde_json::Value = serde_json::from_str(first).map_err(syntax(1))?;
        if let Some(v) = version
            .get("kg-journal")
            .and_then(serde_json::Value::as_u64)
            && v > u64::from(JOURNAL_VERSION)
        {
            return Err(JournalError::Newer(v as u32));
        }
        let head: Head = serde_json::from_value(version).map_err(syntax(1))?;
        let mut entries = Vec::new();
        for (i, line) in lines {
            let entry = match part {
                Part::Whole => {
                    let e: Entry = serde_json::from_str(line).map_err(syntax(i + 1))?;
                    if e.article.is_none() && e.removed.is_none() && e.merged.is_none() {
                        return Err(JournalError::Syntax {
                            line: i + 1,
                            message: "missing field `article`".into(),
                        });
                    }
                    e
                }
                Part::Changes => {
                    let c: Changes = serde_json::from_str(line).map_err(syntax(i + 1))?;
                    Entry {
                        article: None,
                        removed: c.removed,
                        pending: c.pending,
                        merged: c.merged,
                        decisions: c.decisions,
                        sources: c.sources,
                        entities: c.entities,
                        facts: c.facts,
                        dropped: c.dropped,
                        gone: c.gone,
                        flags: c.flags,
                    }
                }
            };
            entries.push(entry);
        }
        Ok(Journal {
            base: Stamp {
                len: head.base.len,
                mtime_ns: head.base.mtime_ns,
            },
            entries,
        })
    }

    /// The journal as text: its head, then an entry per line.
    pub fn to_text(&self) -> String {
        let removes = self.entries.iter().any(|e| e.removed.is_some());
        let merges = self.entries.iter().any(|e| e.merged.is_some());
        let excises = self
            .entries
            .iter()
            .any(|e| !e.gone.is_empty() || !e.flags.is_empty());
        let pending = self.entries.iter().any(|e| e.pending);
        let head = Head {
            version: match (excises, merges, removes) {
                _ if pending => JOURNAL_VERSION,
                (true, _, _) => 4,
                (false, true, _) => 3,
                (false, false, true) => 2,
                (false, false, false) => 1,
            },
            base: BaseStamp {
                len: self.base.len,
                mtime_ns: self.base.mtime_ns,
            },
        };
        let mut out = serde_json::to_string(&head).expect("heads serialize");
        out.push('\n');
        for e in &self.entries {
            out.push_str(&serde_json::to_string(e).expect("entries serialize"));
            out.push('\n');
        }
        out
    }

    /// True when the journal extends the base file with this stamp.
    pub fn extends(&self, base: Stamp) -> bool {
        self.base == base
    }

    /// The fingerprint of the decisions the graph seen (the base with the journal on top)
    /// is merged under, when a merge entry set it; `None`: the base's.
    pub fn decisions(&self) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            .find_map(|e| e.decisions.as_deref())
    }

    /// Where the journal's first pending removal is (see the module doc), if it holds one.
    pub fn pending(&self) -> Option<usize> {
        self.entries.iter().position(|e| e.pending)
    }

    /// How many merge entries the journal holds.
    pub fn merges(&self) -> usize {
        self.entries.iter().filter(|e| e.merged.is_some()).count()
    }

    /// The articles appended, in order, taken out of the journal.
    pub fn into_articles(self) -> Vec<Extraction> {
        self.entries.into_iter().filter_map(|e| e.article).collect()
    }

    /// The articles appended, in order.
    pub fn articles(&self) -> impl Iterator<Item = &Extraction> {
        self.entries.iter().filter_map(|e| e.article.as_ref())
    }

    /// Applies the entries to the base's graph file (in its order, not sorted): records
    /// with the id (sources, entities) or key (facts) of one already there replace it, the
    /// others are appended; a removal takes its source and dropped facts out, a merge the
    /// entity that joined another and its facts (one put back later is appended).
    ///
    /// # Complexity
    /// O(V + E) to index the file, then O(1) expected per record.
    pub fn apply(&self, file: &mut GraphFile) {
        let mut sources: HashMap<String, usize> = index(&file.sources, |s| s.id.clone());
        let mut entities: HashMap<String, usize> = index(&file.entities, |e| e.id.clone());
        let mut facts = index(&file.facts, fact_key);
        let (mut gone_sources, mut gone_facts) = (HashSet::new(), HashSet::new());
        let mut gone_entities = HashSet::new();
        for entry in &self.entries {
            if let Some(i) = entry.removed.as_ref().and_then(|id| sources.remove(id)) {
                gone_sources.insert(i);
            }
            if let Some(i) = entry.merged.as_ref().and_then(|[_, b]| entities.remove(b)) {
                gone_entities.insert(i);
            }
            for id in &entry.gone {
                if let Some(i) = entities.remove(id) {
                    gone_entities.insert(i);
                }
            }
            for f in &entry.dropped {
                if let Some(i) = facts.remove(&fact_key(f)) {
                    gone_facts.insert(i);
                }
            }
            for s in &entry.sources {
                put(&mut file.sources, &mut sources, s.id.clone(), s.clone());
            }
            for e in &entry.entities {
                put(&mut file.entities, &mut entities, e.id.clone(), e.clone());
            }
            for f in &entry.facts {
                put(&mut file.facts, &mut facts, fact_key(f), f.clone());
            }
        }
        drop_at(&mut file.sources, &gone_sources);
        drop_at(&mut file.entities, &gone_entities);
        drop_at(&mut file.facts, &gone_facts);
    }
}

/// Takes out the items at these positions.
fn drop_at<T>(items: &mut Vec<T>, gone: &HashSet<usize>) {
    if gone.is_empty() {
        return;
    }
    let mut i = 0;
    items.retain(|_| {
        i += 1;
        !gone.contains(&(i - 1))
    });
}

fn index<T, K: std::hash::Hash + Eq>(items: &[T], key: impl Fn(&T) -> K) -> HashMap<K, usize> {
    items.iter().enumerate().map(|(i, x)| (key(x), i)).collect()
}

/// Replaces the record with this key, or appends it (`at` says where each key's record
/// is). Shared with [`super::Overlay`], which keeps records the same way.
pub(crate) fn put<T, K: std::hash::Hash + Eq, S: std::hash::BuildHasher>(
    items: &mut Vec<T>,
    at: &mut HashMap<K, usize, S>,
    key: K,
    item: T,
) {
    match at.get(&key) {
        Some(&i) => items[i] = item,
        None => {
            at.insert(key, items.len());
            items.push(item);
        }
    }
}

/// Reads and checks the graph file at `path` with its journal on top (the articles `kg
/// add` appended to a large base, see this module), or the embedded graph when
/// there is none.
pub fn load(path: Option<&Path>) -> Result<KnowledgeGraph, Error> {
    let graph = crate::store::load_base(path)?;
    let Some(path) = path else { return Ok(graph) };
    let Some(journal) = Journal::current(path)? else {
        return Ok(graph);
    };
    let mut file = graph.into_file();
    journal.apply(&mut file);
    KnowledgeGraph::from_file(file).map_err(|why| invalid(path, why))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Relation};

    fn stamp() -> Stamp {
        Stamp {
            len: 10,
            mtime_ns: 20,
        }
    }

    /// A journal holding a removal is format 2 (a kg that reads format 1 refuses it
    /// rather than miss the removal); one of articles only stays format 1.
    #[test]
    fn a_removal_makes_the_journal_format_2_and_is_applied() {
        let mut file = GraphFile::default();
        file.sources.push(Source::new("s1"));
        file.sources.push(Source::new("s2"));
        file.entities.push(Entity::new("a", "A", Kind::Person));
        file.entities.push(Entity::new("b", "B", Kind::Country));
        let mut alone = Fact::new("a", Relation::Leads, "b");
        alone.source = Some("s2".into());
        let mut shared = Fact::new("b", Relation::LocatedIn, "b");
        shared.source = Some("s1".into());
        file.facts.push(alone.clone());
        file.facts.push(shared.clone());
        let mut j = Journal::new(stamp());
        let article = super::Extraction {
            source: Source::new("s3"),
            entities: vec![Entity::new("c", "C", Kind::Country)],
            facts: Vec::new(),
            changes_entities: None,
        };
        j.entries.push(Entry {
            article: Some(article),
            ..Entry::default()
        });
        assert!(j.to_text().starts_with(r#"{"kg-journal":1,"#));
        j.entries.push(Entry {
            removed: Some("s2".into()),
            facts: vec![shared.clone()],
            dropped: vec![alone.clone()],
            ..Entry::default()
        });
        let text = j.to_text();
        assert!(text.starts_with(r#"{"kg-journal":2,"#), "{text}");
        assert_eq!(Journal::parse(&text).unwrap(), j);
        j.apply(&mut file);
        assert_eq!(file.sources, [Source::new("s1")]);
        assert_eq!(file.facts, [shared]);
        assert_eq!(file.entities.len(), 2);
    }

    /// A removal that takes entities out or changes articles' flags makes the journal
    /// format 4 (a kg that reads up to 3 would keep the entities); the entities go.
    #[test]
    fn a_removal_of_entities_makes_the_journal_format_4_and_is_applied() {
        let mut file = GraphFile::default();
        file.sources.push(Source::new("s1"));
        file.entities.push(Entity::new("a", "A", Kind::Person));
        file.entities.push(Entity::new("b", "B", Kind::Country));
        file.facts.push(Fact::new("a", Relation::Leads, "b"));
        let mut j = Journal::new(stamp());
        j.entries.push(Entry {
            removed: Some("s1".into()),
            dropped: file.facts.clone(),
            gone: vec!["a".into()],
            flags: [("s0".to_string(), true)].into_iter().collect(),
            ..Entry::default()
        });
        let text = j.to_text();
        assert!(text.starts_with(r#"{"kg-journal":4,"#), "{text}");
        assert_eq!(Journal::parse(&text).unwrap(), j);
        let changes = Journal::parse_part(&text, Part::Changes).unwrap();
        assert_eq!(changes.entries[0].gone, ["a"]);
        j.apply(&mut file);
        assert_eq!(file.entities, [Entity::new("b", "B", Kind::Country)]);
        assert!(file.facts.is_empty() && file.sources.is_empty());
    }

    /// A pending removal (see `super::retract`) makes the journal format 5 (a kg that
    /// reads up to 4 would fold it as an exact removal), and reads back pending, whole and
    /// for a query; no other entry writes the field.
    #[test]
    fn a_pending_removal_makes_the_journal_format_5_and_reads_back_pending() {
        let mut j = Journal::new(stamp());
        j.entries.push(Entry {
            removed: Some("s1".into()),
            dropped: vec![Fact::new("a", Relation::Leads, "b")],
            ..Entry::default()
        });
        let exact = j.to_text();
        assert!(exact.starts_with(r#"{"kg-journal":2,"#), "{exact}");
        assert!(!exact.contains("pending"), "{exact}");
        assert_eq!(j.pending(), None);
        j.entries[0].pending = true;
        j.entries[0].gone = vec!["a".into()];
        let text = j.to_text();
        assert!(text.starts_with(r#"{"kg-journal":5,"#), "{text}");
        assert!(text.contains(r#""pending":true"#), "{text}");
        assert_eq!(Journal::parse(&text).unwrap(), j);
        let changes = Journal::parse_part(&text, Part::Changes).unwrap();
        assert!(changes.entries[0].pending);
        assert_eq!(changes.pending(), Some(0));
    }

    #[test]
    fn bad_journals_are_refused_with_their_line() {
        let head = Journal::new(stamp()).to_text();
        let err = |t: &str| Journal::parse(t).unwrap_err().to_string();
        assert_eq!(
            err(""),
            "line 1: it is empty (a journal starts with its head)"
        );
        assert_eq!(
            err(&format!("{head}{{\"article\": 3}}\n")),
            "line 2: invalid type: integer `3`, expected struct Extraction"
        );
        assert_eq!(
            err(r#"{"kg-journal":9,"base":{"len":1,"mtime_ns":2}}"#),
            "was written by a newer kg (journal format 9; this kg reads up to 5): upgrade kg"
        );
    }

    /// A reader that comes between a fold's two steps (base replaced, journal not yet
    /// removed) looks again and finds no journal, rather than stopping.
    #[test]
    fn a_journal_being_folded_in_is_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("kg.json");
        std::fs::write(&base, "{}").unwrap();
        let stale = Journal::new(Stamp::default());
        std::fs::write(path_for(&base), stale.to_text()).unwrap();
        let jpath = path_for(&base);
        let folder = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(1));
            std::fs::remove_file(jpath).unwrap();
        });
        assert!(matches!(Journal::current(&base), Ok(None)));
        folder.join().unwrap();
        // A journal of another base that stays is refused.
        std::fs::write(path_for(&base), stale.to_text()).unwrap();
        assert!(matches!(
            Journal::current(&base),
            Err(Error::StaleJournal { .. })
        ));
    }
}
