//! The knowledge base: many articles merged into one graph file that every query command
//! reads, plus what it takes to rebuild it.
//!
//! A base is a graph file (`kg.json`) with a `"kb"` section kg's queries ignore:
//!
//! ```json
//! "kb": {"version": 1, "decisions": "fnv1a64:...",
//!        "articles": [{"source": {...}, "entities": [...], "facts": [...]}]}
//! ```
//!
//! `articles` holds each article's own extraction, in the order they were added; the
//! merged `entities` and `facts` are always what [`merge::Builder`] makes of them under the
//! [`decisions::Decisions`] whose fingerprint is `decisions`. Adding articles merges only
//! them (time per article does not grow with the base); removing one, replacing one or a
//! new decision rebuilds from `articles` (on a large base, removing one that changed no
//! entity when merged goes to the journal instead: see [`retract`]; so does a merge
//! decision, see [`unite`]). A graph file with no `"kb"` section (format 0)
//! is migrated: its facts are grouped by source into articles (by `kg compact`, streaming,
//! without the graph in memory: see [`migrate`]).
//!
//! What can go wrong is an [`Error`] of the knowledge base's own (a graph file's troubles
//! inside it as the store's); the application converts it at its edge.

pub mod aliases;
pub mod append;
pub mod component;
pub mod decisions;
pub mod delta;
pub mod duplicates;
pub mod error;
pub mod excise;
pub mod fold;
pub mod ingest;
pub mod journal;
pub mod known;
pub mod merge;
pub mod migrate;
pub mod note;
pub mod overlay;
pub mod qualify;
pub mod replay;
pub mod retract;
pub mod separate;
pub mod session;
pub mod spans;
pub mod unite;

pub use decisions::{Decisions, Verb};
pub use error::Error;
pub use journal::{Journal, load};
pub use known::Known;
pub use note::{Note, Tally};
pub use overlay::Overlay;
pub use session::Session;

use crate::model::{Entity, Fact, GraphFile, Invalid, KnowledgeGraph, Source};
use crate::store::LoadError;
use merge::Builder;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};

/// The knowledge-base format this kg reads and writes (the `"kb"` section's version).
pub const KB_VERSION: u32 = 1;

/// One article as the extractor saw it: its source and its own entities and facts (ids
/// local to the article).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub source: Source,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Whether merging the article into the base changed its entities (added one, or a
    /// name or field to one, or took a name from one), as the last merge of every article
    /// in order found; `None` when not known (an article not merged yet, or a base
    /// written by an older kg). An article that changed none can be taken out of a large
    /// base through its journal (see [`retract`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes_entities: Option<bool>,
}

#[derive(Serialize, Deserialize)]
struct KbSection {
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    decisions: Option<String>,
    #[serde(default)]
    articles: Vec<Extraction>,
}

/// Why a file is not a knowledge base kg can use.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(
        "was written by a newer kg (knowledge-base format {found}; this kg reads up to {KB_VERSION}): upgrade kg"
    )]
    Newer { found: u32 },
}

/// The merged graph and the articles it is made of.
#[derive(Clone, Debug, PartialEq)]
pub struct KnowledgeBase {
    /// The merged graph (its `extra` without the `"kb"` section).
    pub graph: GraphFile,
    /// Each article's extraction, in the order added.
    pub articles: Vec<Extraction>,
    /// The fingerprint of the decisions the graph was built with.
    pub decisions: Option<String>,
}

/// What adding one article did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    /// A new article, with its number of facts.
    New { id: String, facts: usize },
    /// An article with the same id (and file) but other content: its facts replaced.
    Replaced { id: String, facts: usize },
    /// The very same bytes are already in the base.
    Unchanged { id: String },
}

impl KnowledgeBase {
    /// A base with no articles.
    pub fn empty() -> Self {
        KnowledgeBase {
            graph: GraphFile::default(),
            articles: Vec::new(),
            decisions: Some(Decisions::default().fingerprint()),
        }
    }

    /// Reads a base; the second value is the format it was migrated from, if it was.
    pub fn parse(text: &str) -> Result<(KnowledgeBase, Option<u32>), KbError> {
        let graph = crate::store::from_json(text)?;
        // Taken apart, not copied: the graph and its unknown fields (the whole "kb"
        // section, as JSON values, until removed below) are the most memory a read holds.
        let mut file = graph.into_file();
        file.sort();
        #[derive(Deserialize)]
        struct Outer {
            #[serde(default)]
            kb: Option<KbHead>,
        }
        #[derive(Deserialize)]
        struct KbHead {
            version: u32,
        }
        let syntax = |e: serde_json::Error| LoadError::Syntax {
            line: e.line().max(1),
            column: e.column().max(1),
            message: crate::store::json::bare_message(&e),
        };
        let head: Outer = serde_json::from_str(text).map_err(syntax)?;
        let Some(head) = head.kb else {
            file.extra.remove("kb");
            let mut kb = KnowledgeBase {
                articles: group_by_source(&file),
                graph: GraphFile {
                    extra: file.extra,
                    ..GraphFile::default()
                },
                decisions: None,
            };
            kb.rebuild(&Decisions::default());
            return Ok((kb, Some(0)));
        };
        if head.version > KB_VERSION {
            return Err(KbError::Newer {
                found: head.version,
            });
        }
        #[derive(Deserialize)]
        struct Full {
            kb: KbSection,
        }
        let full: Full = serde_json::from_str(text).map_err(syntax)?;
        file.extra.remove("kb");
        check_articles(text, &full.kb.articles)?;
        Ok((
            KnowledgeBase {
                graph: file,
                articles: full.kb.articles,
                decisions: full.kb.decisions,
            },
            None,
        ))
    }

    /// The base as pretty JSON in canonical order, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        self.write_json(&mut out)
            .expect("writing to memory cannot fail");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    /// Writes the base as [`KnowledgeBase::to_json`] gives it, without building the text.
    pub fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        #[derive(Serialize)]
        struct Out<'a> {
            version: u32,
            sources: &'a [Source],
            entities: &'a [Entity],
            facts: &'a [Fact],
            #[serde(flatten)]
            extra: &'a Map<String, Value>,
            kb: KbRef<'a>,
        }
        #[derive(Serialize)]
        struct KbRef<'a> {
            version: u32,
            #[serde(skip_serializing_if = "Option::is_none")]
            decisions: &'a Option<String>,
            articles: &'a [Extraction],
        }
        let out = Out {
            version: self.graph.version,
            sources: &self.graph.sources,
            entities: &self.graph.entities,
            facts: &self.graph.facts,
            extra: &self.graph.extra,
            kb: KbRef {
                version: KB_VERSION,
                decisions: &self.decisions,
                articles: &self.articles,
            },
        };
        serde_json::to_writer_pretty(&mut *w, &out).map_err(std::io::Error::from)?;
        w.write_all(b"\n")
    }

    /// Builds the merged graph again from the articles, under these decisions.
    pub fn rebuild(&mut self, decisions: &Decisions) {
        let mut b = Builder::new(decisions);
        for a in &mut self.articles {
            b.add(a);
            a.changes_entities = Some(b.changed_entities());
        }
        let extra = std::mem::take(&mut self.graph.extra);
        self.graph = b.finish(extra);
        self.decisions = Some(decisions.fingerprint());
    }

    /// Rebuilds when the decisions changed since the graph was built; true if it did.
    pub fn honour(&mut self, decisions: &Decisions) -> bool {
        if self.decisions.as_deref() == Some(&decisions.fingerprint()) {
            return false;
        }
        self.rebuild(decisions);
        true
    }

    /// Adds articles: new ones are merged one by one (`progress` is called after each
    /// article); a changed one (same id and file, other bytes) replaces the old and the
    /// graph is rebuilt.
    pub fn add(
        &mut self,
        incoming: Vec<Extraction>,
        decisions: &Decisions,
        mut progress: impl FnMut(),
    ) -> Vec<Added> {
        let mut results = Vec::new();
        let mut fresh: Vec<Extraction> = Vec::new();
        let mut fresh_ids: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut replaced = false;
        let position: HashMap<String, usize> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.source.id.clone(), i))
            .collect();
        let mut hashes: HashMap<String, String> = self
            .articles
            .iter()
            .filter_map(|a| Some((a.source.hash()?.to_string(), a.source.id.clone())))
            .collect();
        for mut ex in incoming {
            let hash = ex.source.hash().unwrap_or_default().to_string();
            if let Some(id) = hashes.get(&hash) {
                results.push(Added::Unchanged { id: id.clone() });
                continue;
            }
            let facts = ex.facts.len();
            let same_id = position.get(&ex.source.id).map(|&i| &self.articles[i]);
            match same_id {
                Some(old) if old.source.path == ex.source.path || old.source.path.is_none() => {
                    let i = position[&ex.source.id];
                    results.push(Added::Replaced {
                        id: ex.source.id.clone(),
                        facts,
                    });
                    hashes.insert(hash, ex.source.id.clone());
                    self.articles[i] = ex;
                    replaced = true;
                }
                _ => {
                    if same_id.is_some() || fresh_ids.contains(&ex.source.id) {
                        ex.rename(with_hash_suffix(&ex.source.id, &hash));
                    }
                    results.push(Added::New {
                        id: ex.source.id.clone(),
                        facts,
                    });
                    hashes.insert(hash, ex.source.id.clone());
                    fresh_ids.insert(ex.source.id.clone());
                    fresh.push(ex);
                }
            }
        }
        if replaced || self.decisions.as_deref() != Some(&decisions.fingerprint()) {
            self.articles.extend(fresh);
            self.rebuild(decisions);
            (0..results.len()).for_each(|_| progress());
            self.recount(&mut results);
            return results;
        }
        let mut b = Builder::resume(decisions, &self.graph);
        for ex in &mut fresh {
            b.add(ex);
            ex.changes_entities = Some(b.changed_entities());
            progress();
        }
        self.articles.extend(fresh);
        let extra = std::mem::take(&mut self.graph.extra);
        self.graph = b.finish(extra);
        self.recount(&mut results);
        results
    }

    /// Sets each added or replaced article's count to the facts of the merged graph that
    /// name it, as `kg sources` counts them: an article that states one fact a thousand
    /// times adds one fact, not a thousand.
    fn recount(&self, results: &mut [Added]) {
        let counts = facts_by_source(&self.graph.facts);
        for r in results {
            if let Added::New { id, facts } | Added::Replaced { id, facts } = r {
                *facts = counts.get(id.as_str()).copied().unwrap_or(0);
            }
        }
    }

    /// Takes an article out and rebuilds; false when there is no such article.
    pub fn remove(&mut self, id: &str, decisions: &Decisions) -> bool {
        let before = self.articles.len();
        self.articles.retain(|a| a.source.id != id);
        if self.articles.len() == before {
            return false;
        }
        self.rebuild(decisions);
        true
    }
}

/// An article id made distinct by the start of its content hash (`report-1a2b3c4d`).
fn with_hash_suffix(id: &str, hash: &str) -> String {
    let short = hash.strip_prefix("fnv1a64:").unwrap_or(hash);
    format!("{id}-{}", &short[..8.min(short.len())])
}

impl Extraction {
    /// Gives the article the id `id`, and its facts with it: a fact that cited the old
    /// id cites the new one (else it would cite another article that has the old id).
    pub fn rename(&mut self, id: String) {
        let old = std::mem::replace(&mut self.source.id, id);
        for f in &mut self.facts {
            if f.source.as_deref() == Some(old.as_str()) {
                f.source = Some(self.source.id.clone());
            }
        }
    }
}

/// How many facts each source contributes to a graph (facts that name it in any
/// provenance).
pub fn facts_by_source(facts: &[Fact]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for f in facts {
        for s in f.sources() {
            *counts.entry(s).or_insert(0) += 1;
        }
    }
    counts
}

/// A plain graph file as articles: one per source, each with the facts that name it and
/// their endpoints; what no source claims goes to an article `unsourced`.
fn group_by_source(file: &GraphFile) -> Vec<Extraction> {
    let by_id: HashMap<&str, &Entity> = file.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut order: Vec<Source> = file.sources.clone();
    for f in &file.facts {
        for s in f.sources() {
            if !order.iter().any(|x| x.id == s) {
                order.push(Source::new(s));
            }
        }
    }
    order.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    let mut article = |source: Source, facts: Vec<Fact>, extra: Vec<String>| {
        let mut ids: BTreeSet<String> = extra.into_iter().collect();
        for f in &facts {
            ids.insert(f.subject.clone());
            ids.insert(f.object.clone());
        }
        let entities = ids
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).map(|e| (*e).clone()))
            .collect();
        used.extend(ids);
        out.push(Extraction {
            source,
            entities,
            facts,
            changes_entities: None,
        });
    };
    for s in order {
        let facts: Vec<Fact> = file
            .facts
            .iter()
            .flat_map(|f| {
                f.provenances()
                    .into_iter()
                    .filter(|p| p.source.as_deref() == Some(&s.id))
                    .map(move |p| {
                        let mut g = f.clone();
                        g.set_provenances(vec![p]);
                        g
                    })
            })
            .collect();
        article(s, facts, Vec::new());
    }
    let unsourced: Vec<Fact> = file
        .facts
        .iter()
        .filter(|f| f.sources().is_empty())
        .cloned()
        .collect();
    let lone: Vec<String> = file
        .entities
        .iter()
        .map(|e| e.id.clone())
        .filter(|id| !used.contains(id))
        .collect();
    if !unsourced.is_empty() || !lone.is_empty() {
        let mut ids: BTreeSet<String> = lone.into_iter().collect();
        for f in &unsourced {
            ids.insert(f.subject.clone());
            ids.insert(f.object.clone());
        }
        out.push(Extraction {
            source: Source::new("unsourced"),
            entities: ids
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).map(|e| (*e).clone()))
                .collect(),
            facts: unsourced,
            changes_entities: None,
        });
    }
    out
}

/// Each article's extraction must be a valid graph, and ids must be unique.
fn check_articles(text: &str, articles: &[Extraction]) -> Result<(), LoadError> {
    let line_of_article = |id: &str| {
        let needle = format!("\"id\": {}", serde_json::to_string(id).ok()?);
        let at = text.rfind(&needle)?;
        Some(text[..at].bytes().filter(|&b| b == b'\n').count() + 1)
    };
    let mut seen = BTreeSet::new();
    for a in articles {
        if !seen.insert(a.source.id.as_str()) {
            return Err(LoadError::Invalid {
                line: line_of_article(&a.source.id),
                invalid: Invalid::DuplicateId {
                    id: a.source.id.clone(),
                },
            });
        }
        let file = GraphFile {
            entities: a.entities.clone(),
            facts: a.facts.clone(),
            ..GraphFile::default()
        };
        KnowledgeGraph::from_file(file).map_err(|invalid| LoadError::Invalid {
            line: line_of_article(&a.source.id),
            invalid,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_graph_is_migrated_by_source() {
        let (kb, migrated) = KnowledgeBase::parse(crate::store::EMBEDDED_GRAPH).unwrap();
        assert_eq!(migrated, Some(0));
        let plain = crate::store::from_json(crate::store::EMBEDDED_GRAPH).unwrap();
        assert_eq!(kb.graph.facts.len(), plain.fact_count());
        assert_eq!(kb.graph.entities.len(), plain.entity_count());
        assert!(kb.articles.iter().all(|a| !a.facts.is_empty()));
    }

    /// Regression: an article given a hash suffix (same id as one in the base, another
    /// file) kept citing the old id in its facts, which is the other article's.
    #[test]
    fn an_article_renamed_for_its_hash_cites_its_new_id() {
        let article = |path: &str, hash: &str, object: &str| {
            let mut source = Source::new("report");
            source.path = Some(path.into());
            source.set_hash(hash);
            let mut fact = Fact::new("chile", crate::model::Relation::Sent, object);
            fact.source = Some("report".into());
            Extraction {
                source,
                entities: vec![
                    crate::model::Entity::new("chile", "Chile", crate::model::Kind::Country),
                    crate::model::Entity::new(object, object, crate::model::Kind::Animal),
                ],
                facts: vec![fact],
                changes_entities: None,
            }
        };
        let d = Decisions::default();
        let mut kb = KnowledgeBase::empty();
        kb.add(
            vec![article("a/report.txt", "fnv1a64:1111111111111111", "llama")],
            &d,
            || {},
        );
        let added = kb.add(
            vec![article(
                "b/report.txt",
                "fnv1a64:2222222222222222",
                "alpaca",
            )],
            &d,
            || {},
        );
        assert_eq!(
            added,
            [Added::New {
                id: "report-22222222".into(),
                facts: 1
            }]
        );
        let renamed = &kb.articles[1];
        assert_eq!(renamed.source.id, "report-22222222");
        assert!(
            renamed
                .facts
                .iter()
                .all(|f| f.source.as_deref() == Some("report-22222222")),
            "{:?}",
            renamed.facts
        );
        let alpaca = kb
            .graph
            .facts
            .iter()
            .find(|f| f.object == "alpaca")
            .unwrap();
        assert_eq!(alpaca.source.as_deref(), Some("report-22222222"));
    }
}
