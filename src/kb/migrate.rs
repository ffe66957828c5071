//! [`migrate`]: `kg compact` of a plain graph file (no `"kb"` section, format 0) into a
//! knowledge base, without holding the graph, its articles or the merged graph in memory.
//!
//! The whole-base path ([`super::KnowledgeBase::parse`]) reads the file as a graph, groups
//! its facts by source into articles (one per source, sorted by date and id, each fact
//! once per provenance naming that source; the facts no source claims, and the entities
//! no article names, in an article `unsourced`), rebuilds the merged graph from them under
//! the default decisions and writes it. That holds the graph three times over (about
//! 3.4 GB per million facts). Here the same bytes are written from the memory-mapped
//! file, keeping only small numbers per fact:
//!
//! 1. **Read** ([`Plan::read`]): one pass over the text keeps the sources and entities,
//!    and for each fact where its record is, its two entities, relation and date (as
//!    numbers), and which of its provenances name which source. The file must be a valid
//!    graph, its facts in canonical order (as kg writes them; the whole-base path sorts
//!    them); else [`Plan::read`] says `None` and the caller takes the whole-base path,
//!    which says what is wrong.
//! 2. **Entities**: each article is merged into a [`Builder`] by its entities and its
//!    facts' ends only ([`Builder::add_entities`]: which entity an article's entity joins,
//!    and whether the article changed the entities, never depend on the facts merged),
//!    giving each statement of a fact the merged entities at its ends.
//! 3. **Facts**: the statements are sorted by fact key (the merged ends as ranks, the
//!    relation, the date; symmetric relations in either order) and, within a key, in the
//!    order the rebuild meets them; each run of one key is one merged fact, put where
//!    its first statement's subject and object put it (canonical order).
//! 4. **Write**: sources, entities, then each merged fact made from its statements'
//!    records (read again from the map, merged by [`merged_facts`] as the builder merges
//!    them), then the articles, each written record by record from its facts' records.
//! 5. **Snapshot**: once all of that is let go, the staged base's sources, entities and
//!    facts are read back and given to the snapshot's stream, as
//!    [`super::session::Session::save`] gives it the graph's records.
//!
//! It applies to a plain file alone: no journal beside it, no `kg.aliases` (the
//! whole-base path would rebuild under its decisions). The write is the whole-base
//! path's: the backup `kg.json.kb0.bak`, then the new base staged in a temporary file,
//! synced and renamed over the old, then its snapshot.
//!
//! # Complexity
//! O(F log F) time for F statements (facts times their sources), plus the builder's
//! merge of every article's entities. Memory: the sources and entities (twice: as read
//! and as merged), about 60 bytes per fact, the largest article's entities and facts'
//! ends, and what of the mapped file was read since its pages were last let go; then,
//! alone, the new snapshot's sections (the heap the plan freed is given back first:
//! [`crate::store::heap`]).

use super::Error;
use super::decisions::Decisions;
use super::merge::{Builder, merged_facts};
use super::note::{Note, Tally};
use super::session::{check_writable, lock, read_decisions};
use super::spans::{Counting, Span};
use super::{Extraction, KB_VERSION};
use crate::model::{Entity, FORMAT_VERSION, Fact, Relation, Source, is_date_prefix};
use crate::store::Error as StoreError;
use crate::store::snapshot::map::Bytes;
use crate::store::snapshot::stream::Stream;
use crate::store::snapshot::{self, Policy};
use crate::store::stage_file;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A statement's provenance number meaning "the whole fact" (an unsourced fact goes to
/// its article as it is, with all its provenances).
const WHOLE: u32 = u32::MAX;

/// What is kept of one fact of the file.
#[derive(Clone, Copy)]
struct Row {
    /// Its record's bytes in the text.
    start: u64,
    len: u32,
    /// Its subject and object: places in the sorted entities.
    subject: u32,
    object: u32,
    /// Its date's rank among the file's dates (0: none).
    date: u32,
    relation: Relation,
}

/// One fact as one article states it: the fact, which of its provenances (or
/// [`WHOLE`]), and the merged entities at its ends (the builder's numbers, then ranks).
#[derive(Clone, Copy)]
struct Statement {
    fact: u32,
    prov: u32,
    subject: u32,
    object: u32,
}

/// A plain graph file read for migrating, and the merge worked out (see the module doc).
pub(crate) struct Plan<'t> {
    text: &'t str,
    extra: Map<String, Value>,
    /// The file's entities, sorted by id (aliases sorted, as the whole-base path sorts).
    entities: Vec<Entity>,
    rows: Vec<Row>,
    articles: Vec<Article>,
    /// The merged graph's sources and entities, sorted.
    sources: Vec<Source>,
    merged: Vec<Entity>,
    /// The statements, sorted by fact key and order met; `groups`: where each merged
    /// fact's run starts, in canonical order.
    statements: Vec<Statement>,
    groups: Vec<(u32, u32)>,
}

/// One article of the migrated base, as the whole-base path groups the facts.
struct Article {
    source: Source,
    /// Its facts: (fact, provenance), in the file's order.
    facts: Vec<(u32, u32)>,
    /// The entities it holds that none of its facts names (the `unsourced` article's).
    lone: Vec<u32>,
    /// Whether merging it changed the entities.
    changes: bool,
}

/// The article's entities: its facts' ends and its lone ones, in id order.
fn entities_of(rows: &[Row], a: &Article) -> Vec<u32> {
    let mut at: Vec<u32> = a.lone.clone();
    for &(f, _) in &a.facts {
        let r = rows[f as usize];
        at.push(r.subject);
        at.push(r.object);
    }
    at.sort_unstable();
    at.dedup();
    at
}

/// Why the streaming read does not apply: the whole-base path takes the file.
#[derive(Debug)]
struct NotPlain;

impl fmt::Display for NotPlain {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not a plain graph file in canonical order")
    }
}

/// The file's facts as they are read: rows, and by source the provenances naming it.
#[derive(Default)]
struct Facts {
    rows: Vec<Row>,
    /// Source ids in the order the facts first name them, and each one's statements.
    source_ids: Vec<String>,
    source_at: HashMap<String, u32>,
    by_source: Vec<Vec<(u32, u32)>>,
    unsourced: Vec<u32>,
    /// Dates as met (numbered in `date_at`), ranked once all are read.
    dates: Vec<String>,
    date_at: HashMap<String, u32>,
}

/// The entities' places by id (a hash of the id; a clash falls back to a search).
struct Places<'e> {
    entities: &'e [Entity],
    at: HashMap<u64, u32>,
}

impl<'e> Places<'e> {
    fn new(entities: &'e [Entity]) -> Places<'e> {
        let mut at = HashMap::default();
        at.reserve(entities.len());
        for (i, e) in entities.iter().enumerate() {
            at.entry(xxhash_rust::xxh3::xxh3_64(e.id.as_bytes()))
                .or_insert(i as u32);
        }
        Places { entities, at }
    }

    fn get(&self, id: &str) -> Option<u32> {
        let h = xxhash_rust::xxh3::xxh3_64(id.as_bytes());
        match self.at.get(&h) {
            Some(&i) if self.entities[i as usize].id == id => Some(i),
            _ => self
                .entities
                .binary_search_by(|e| e.id.as_str().cmp(id))
                .ok()
                .map(|i| i as u32),
        }
    }
}

/// Reads the `facts` array element by element (see [`Facts`]).
struct FactsSeed<'a, 't> {
    text: &'t str,
    places: &'a Places<'a>,
    facts: &'a mut Facts,
}

impl<'de, 'a, 't> DeserializeSeed<'de> for FactsSeed<'a, 't>
where
    'de: 't,
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, 'a, 't> Visitor<'de> for FactsSeed<'a, 't>
where
    'de: 't,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence of facts")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let bad = |_| de::Error::custom(NotPlain);
        let base = self.text.as_ptr() as usize;
        let mut last: Option<Fact> = None;
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            let record = raw.get();
            let start = (record.as_ptr() as usize)
                .checked_sub(base)
                .filter(|s| s + record.len() <= self.text.len())
                .ok_or_else(|| de::Error::custom(NotPlain))?;
            let f: Fact = serde_json::from_str(record).map_err(bad)?;
            let (Some(subject), Some(object)) =
                (self.places.get(&f.subject), self.places.get(&f.object))
            else {
                return Err(de::Error::custom(NotPlain));
            };
            let date_ok = f.date.as_deref().is_none_or(is_date_prefix);
            let span_ok = f.span.is_none_or(|[s, e]| e >= s);
            let sorted = last.as_ref().is_none_or(|l| l.sort_key() <= f.sort_key());
            if !date_ok || !span_ok || !sorted {
                return Err(de::Error::custom(NotPlain));
            }
            let facts = &mut *self.facts;
            let n = u32::try_from(facts.rows.len()).map_err(bad_len)?;
            let date = match &f.date {
                None => 0,
                Some(d) => match facts.date_at.get(d.as_str()) {
                    Some(&k) => k,
                    None => {
                        facts.dates.push(d.clone());
                        let k = facts.dates.len() as u32;
                        facts.date_at.insert(d.clone(), k);
                        k
                    }
                },
            };
            facts.rows.push(Row {
                start: start as u64,
                len: u32::try_from(record.len()).map_err(bad_len)?,
                subject,
                object,
                date,
                relation: f.relation,
            });
            let mut sourced = false;
            for (k, p) in f.provenances().into_iter().enumerate() {
                let Some(s) = p.source else { continue };
                sourced = true;
                let at = match facts.source_at.get(s.as_str()) {
                    Some(&at) => at,
                    None => {
                        let at = facts.source_ids.len() as u32;
                        facts.source_at.insert(s.clone(), at);
                        facts.source_ids.push(s);
                        facts.by_source.push(Vec::new());
                        at
                    }
                };
                facts.by_source[at as usize].push((n, k as u32));
            }
            if !sourced {
                facts.unsourced.push(n);
            }
            last = Some(f);
        }
        Ok(())
    }
}

fn bad_len<E: de::Error>(_: std::num::TryFromIntError) -> E {
    E::custom(NotPlain)
}

/// What the top-level object holds, the facts read as they go by.
#[derive(Default)]
struct Top {
    version: Option<u32>,
    sources: Option<Vec<Source>>,
    entities: Option<Vec<Entity>>,
    facts: Facts,
    facts_seen: bool,
    extra: Map<String, Value>,
}

struct TopSeed<'a, 't> {
    text: &'t str,
    top: &'a mut Top,
}

impl<'de, 'a, 't> DeserializeSeed<'de> for TopSeed<'a, 't>
where
    'de: 't,
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, 'a, 't> Visitor<'de> for TopSeed<'a, 't>
where
    'de: 't,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a graph file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let top = self.top;
        let not = || de::Error::custom(NotPlain);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "version" if top.version.is_none() => top.version = Some(map.next_value()?),
                "sources" if top.sources.is_none() => top.sources = Some(map.next_value()?),
                "entities" if top.entities.is_none() => {
                    let mut entities: Vec<Entity> = map.next_value()?;
                    // As the whole-base path checks and sorts them.
                    let mut ids = HashSet::default();
                    for e in &entities {
                        if e.id.is_empty() || e.name.trim().is_empty() || !ids.insert(&e.id) {
                            return Err(not());
                        }
                    }
                    drop(ids);
                    entities.sort_by(|a, b| a.id.cmp(&b.id));
                    for e in &mut entities {
                        e.aliases.sort();
                        e.aliases.dedup();
                    }
                    top.entities = Some(entities);
                }
                // The facts must come after the entities, and once.
                "facts" if !top.facts_seen => {
                    top.facts_seen = true;
                    let Some(entities) = &top.entities else {
                        return Err(not());
                    };
                    let places = Places::new(entities);
                    map.next_value_seed(FactsSeed {
                        text: self.text,
                        places: &places,
                        facts: &mut top.facts,
                    })?;
                }
                "version" | "sources" | "entities" | "facts" | "kb" => return Err(not()),
                _ => {
                    let value: Value = map.next_value()?;
                    top.extra.insert(key.into_owned(), value);
                }
            }
        }
        Ok(())
    }
}

impl<'t> Plan<'t> {
    /// Reads a plain graph file and works out the merge (steps 1 to 3 of the module doc);
    /// `None` when the streaming migration does not apply to it (not a valid graph file,
    /// a knowledge base, facts out of canonical order): the whole-base path takes it.
    pub(crate) fn read(text: &'t str) -> Option<Plan<'t>> {
        let mut top = Top::default();
        let mut de = serde_json::Deserializer::from_str(text);
        TopSeed {
            text,
            top: &mut top,
        }
        .deserialize(&mut de)
        .ok()?;
        de.end().ok()?;
        let version = top.version?;
        if version == 0 || version > FORMAT_VERSION {
            return None;
        }
        let entities = top.entities?;
        let mut sources = top.sources.unwrap_or_default();
        if sources
            .iter()
            .any(|s| s.date.as_deref().is_some_and(|d| !is_date_prefix(d)))
        {
            return None;
        }
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        let mut facts = top.facts;
        // Dates ranked: the statements sort by rank as the facts sort by date.
        let mut order: Vec<u32> = (0..facts.dates.len() as u32).collect();
        order.sort_by(|&a, &b| facts.dates[a as usize].cmp(&facts.dates[b as usize]));
        let mut rank = vec![0u32; facts.dates.len() + 1];
        for (r, &d) in order.iter().enumerate() {
            rank[d as usize + 1] = r as u32 + 1;
        }
        for row in &mut facts.rows {
            row.date = rank[row.date as usize];
        }
        let mut plan = Plan {
            text,
            extra: top.extra,
            entities,
            rows: facts.rows,
            articles: Vec::new(),
            sources: Vec::new(),
            merged: Vec::new(),
            statements: Vec::new(),
            groups: Vec::new(),
        };
        plan.group(sources, facts.source_ids, facts.by_source, facts.unsourced);
        plan.merge()?;
        Some(plan)
    }

    /// The articles, as the whole-base path groups the facts (`group_by_source`): one per
    /// source (those listed, then those only the facts name), by date and id, each with
    /// every provenance naming it; then `unsourced`, when a fact names no source or an
    /// entity is in no article.
    fn group(
        &mut self,
        sources: Vec<Source>,
        named: Vec<String>,
        mut by_source: Vec<Vec<(u32, u32)>>,
        unsourced: Vec<u32>,
    ) {
        let listed: HashSet<String> = sources.iter().map(|s| s.id.clone()).collect();
        let at: HashMap<String, usize> = named
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i))
            .collect();
        let mut order = sources;
        order.extend(
            named
                .into_iter()
                .filter(|s| !listed.contains(s))
                .map(Source::new),
        );
        order.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
        // A source listed twice is two articles with the same facts.
        let mut twice: HashMap<&str, usize> = HashMap::default();
        for s in &order {
            *twice.entry(s.id.as_str()).or_default() += 1;
        }
        let mut articles = Vec::with_capacity(order.len() + 1);
        for s in &order {
            let facts = match at.get(&s.id) {
                Some(&i) if twice[s.id.as_str()] > 1 => by_source[i].clone(),
                Some(&i) => std::mem::take(&mut by_source[i]),
                None => Vec::new(),
            };
            articles.push(Article {
                source: s.clone(),
                facts,
                lone: Vec::new(),
                changes: false,
            });
        }
        drop(twice);
        let mut used = vec![false; self.entities.len()];
        for a in &articles {
            for &(f, _) in &a.facts {
                let r = self.rows[f as usize];
                used[r.subject as usize] = true;
                used[r.object as usize] = true;
            }
        }
        let lone: Vec<u32> = (0..used.len() as u32)
            .filter(|&i| !used[i as usize])
            .collect();
        if !unsourced.is_empty() || !lone.is_empty() {
            articles.push(Article {
                source: Source::new("unsourced"),
                facts: unsourced.into_iter().map(|f| (f, WHOLE)).collect(),
                lone,
                changes: false,
            });
        }
        self.articles = articles;
    }

    /// Merges the articles' entities and sorts the statements (steps 2 and 3); `None`
    /// when the builder does something this does not model (an article's facts changed
    /// in number by preparing, an entity moved into another).
    fn merge(&mut self) -> Option<()> {
        let decisions = Decisions::default();
        let mut b = Builder::new(&decisions);
        let mut statements: Vec<Statement> = Vec::new();
        let (rows, entities) = (&self.rows, &self.entities);
        for a in &mut self.articles {
            // The article with its facts' ends only: all that merging its entities reads.
            let thin = Extraction {
                source: a.source.clone(),
                entities: entities_of(rows, a)
                    .into_iter()
                    .map(|i| entities[i as usize].clone())
                    .collect(),
                facts: a
                    .facts
                    .iter()
                    .map(|&(f, _)| {
                        let r = rows[f as usize];
                        Fact::new(
                            entities[r.subject as usize].id.as_str(),
                            r.relation,
                            entities[r.object as usize].id.as_str(),
                        )
                    })
                    .collect(),
                changes_entities: None,
            };
            let (prepared, local) = b.add_entities(&thin);
            a.changes = b.changed_entities();
            if prepared.facts.len() != a.facts.len() {
                return None;
            }
            for (f, &(fact, prov)) in prepared.facts.iter().zip(&a.facts) {
                let (Some(&s), Some(&o)) = (local.get(&f.subject), local.get(&f.object)) else {
                    continue;
                };
                statements.push(Statement {
                    fact,
                    prov,
                    subject: u32::try_from(s).ok()?,
                    object: u32::try_from(o).ok()?,
                });
            }
        }
        // Each builder entity's rank in id order: the statements compare ends by rank as
        // the facts compare them by id.
        let ids: Vec<&str> = (0..b.entity_slots())
            .map(|i| b.live_id(i))
            .collect::<Option<_>>()?;
        let mut order: Vec<u32> = (0..ids.len() as u32).collect();
        order.sort_unstable_by(|&x, &y| ids[x as usize].cmp(ids[y as usize]));
        let mut rank = vec![0u32; ids.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        drop((ids, order));
        for st in &mut statements {
            st.subject = rank[st.subject as usize];
            st.object = rank[st.object as usize];
        }
        drop(rank);
        let graph = b.finish(Map::new());
        self.sources = graph.sources;
        self.merged = graph.entities;
        // The builder's names and index, freed, given back before the write maps the
        // file's pages in again (see `crate::store::heap`; 58 MB at 10M facts).
        crate::store::heap::release_freed();
        // By fact key (see `merge::fact_key`), then in the order the rebuild meets them.
        let key = |st: &Statement| {
            let r = rows[st.fact as usize];
            let (s, o) = match r.relation.is_symmetric() && st.object < st.subject {
                true => (st.object, st.subject),
                false => (st.subject, st.object),
            };
            (s, r.relation, o, r.date)
        };
        statements.sort_by_cached_key(key);
        let mut groups: Vec<(u32, u32)> = Vec::new();
        let mut last = None;
        for (i, st) in statements.iter().enumerate() {
            let k = Some(key(st));
            if k == last {
                groups.last_mut()?.1 += 1;
            } else {
                groups.push((u32::try_from(i).ok()?, 1));
                last = k;
            }
        }
        // Each merged fact where its first statement's ends put it (canonical order).
        groups.sort_unstable_by_key(|&(g, _)| {
            let st = statements[g as usize];
            let r = rows[st.fact as usize];
            (st.subject, r.relation, st.object, r.date)
        });
        self.statements = statements;
        self.groups = groups;
        Some(())
    }

    /// The fact `fact` of the file as statement `prov` of it gives it (see [`WHOLE`]).
    fn fact(&self, fact: u32, prov: u32) -> io::Result<Fact> {
        fact_at(self.text, &self.rows, fact, prov)
    }

    /// How many articles, entities and facts the migrated base holds.
    pub(crate) fn tally(&self) -> Tally {
        Tally {
            articles: self.articles.len(),
            entities: self.merged.len(),
            facts: self.groups.len(),
        }
    }

    /// Writes the migrated base (step 4), as [`super::KnowledgeBase::write_json`] writes
    /// the whole-base path's; gives where each article's record lies in it (see
    /// [`super::spans`]).
    pub(crate) fn write(&self, w: &mut dyn Write) -> io::Result<Spans> {
        let mut w = Counting::new(w);
        // Where each article's record starts: an element's item is made before the
        // serializer writes the line break (a comma first, after the first) and the
        // indent that open it.
        let at = w.counter();
        let starts = RefCell::new(Spans::with_capacity(self.articles.len()));
        let sources = Seq::new(self.sources.iter().map(Ok));
        let entities = Seq::new(self.merged.iter().map(Ok));
        let facts = Seq::new(self.groups.iter().map(|&run| {
            merged_fact(self.text, &self.rows, &self.statements, run, |i| {
                &self.merged[i as usize].id
            })
        }));
        // Each article as `Extraction` serializes, its records written as they are read
        // (an article of a large file holds millions of them).
        #[derive(Serialize)]
        struct Article<'a, E, F> {
            source: &'a Source,
            entities: E,
            facts: F,
            changes_entities: bool,
        }
        let articles = Seq::new(self.articles.iter().enumerate().map(|(k, a)| {
            let sep = if k == 0 { 1 } else { 2 };
            starts.borrow_mut().push(&a.source.id, at.get() + sep);
            let at = entities_of(&self.rows, a);
            Ok(Article {
                source: &a.source,
                entities: Seq::new(at.into_iter().map(|i| Ok(&self.entities[i as usize]))),
                facts: Seq::new(a.facts.iter().map(|&(f, p)| self.fact(f, p))),
                changes_entities: a.changes,
            })
        }));
        #[derive(Serialize)]
        struct Out<'a, S, E, F, A> {
            version: u32,
            sources: S,
            entities: E,
            facts: F,
            #[serde(flatten)]
            extra: &'a Map<String, Value>,
            kb: KbRef<A>,
        }
        #[derive(Serialize)]
        struct KbRef<A> {
            version: u32,
            decisions: String,
            articles: A,
        }
        let out = Out {
            version: FORMAT_VERSION,
            sources,
            entities,
            facts,
            extra: &self.extra,
            kb: KbRef {
                version: KB_VERSION,
                decisions: Decisions::default().fingerprint(),
                articles,
            },
        };
        serde_json::to_writer_pretty(&mut w, &out).map_err(io::Error::from)?;
        w.write_all(b"\n")?;
        drop(out);
        // Each record ends where the next one's line break (after a comma) starts; the
        // last where the kb section's closing lines do.
        let mut spans = starts.into_inner();
        spans.close(w.at() - "\n    ]\n  }\n}\n".len() as u64);
        Ok(spans)
    }
}

/// Where each article's record lies in the written base (see [`super::spans`]), the ids
/// in one string: the only thing [`Plan::write`] makes that outlives the plan, so it is
/// kept in two allocations, not one per article. An id each, made during the write, lands
/// in the holes the plan's frees leave all over the heap and keeps their pages resident
/// after the plan is dropped, where `malloc_trim` cannot give them back
/// ([`crate::store::heap`]): 644 MB of the heap at 10M facts of 333,334 articles.
pub(crate) struct Spans {
    ids: String,
    /// Each article's id end in `ids` and its record's start, then (once closed) length.
    at: Vec<(usize, u64, u64)>,
}

impl Spans {
    fn with_capacity(articles: usize) -> Spans {
        Spans {
            ids: String::new(),
            at: Vec::with_capacity(articles),
        }
    }

    /// The next article's record starts at `start`.
    fn push(&mut self, id: &str, start: u64) {
        self.ids.push_str(id);
        self.at.push((self.ids.len(), start, 0));
    }

    /// Each record ends where the next one's line break (after a comma) starts, the last
    /// at `end`.
    fn close(&mut self, end: u64) {
        for k in 0..self.at.len() {
            let next = self.at.get(k + 1).map_or(end, |&(_, start, _)| start - 2);
            self.at[k].2 = next - self.at[k].1;
        }
    }

    /// The spans, as [`super::spans::write`] takes them.
    pub(crate) fn to_vec(&self) -> Vec<Span> {
        let mut from = 0;
        self.at
            .iter()
            .map(|&(to, start, len)| {
                let id = self.ids[from..to].to_string();
                from = to;
                (id, start, len)
            })
            .collect()
    }
}

/// The fact `fact` of the file `text` (its records at `rows`) as statement `prov` of it
/// gives it (see [`WHOLE`]).
fn fact_at(text: &str, rows: &[Row], fact: u32, prov: u32) -> io::Result<Fact> {
    let r = rows[fact as usize];
    let start = r.start as usize;
    let record = text
        .get(start..start + r.len as usize)
        .ok_or_else(|| io::Error::other("a fact's record moved"))?;
    let mut f: Fact = serde_json::from_str(record).map_err(io::Error::other)?;
    if prov != WHOLE {
        let p = f.provenances().into_iter().nth(prov as usize);
        let p = p.ok_or_else(|| io::Error::other("a fact's provenance went"))?;
        f.set_provenances(vec![p]);
    }
    Ok(f)
}

/// The merged fact of the run of `statements` that starts at `g` and holds `n`, the
/// merged entities' ids given by rank by `id`: as the builder merges it.
fn merged_fact<'a>(
    text: &str,
    rows: &[Row],
    statements: &[Statement],
    (g, n): (u32, u32),
    id: impl Fn(u32) -> &'a str,
) -> io::Result<Fact> {
    let run = &statements[g as usize..(g + n) as usize];
    let mut said = Vec::with_capacity(run.len());
    for st in run {
        let mut f = fact_at(text, rows, st.fact, st.prov)?;
        f.subject.clear();
        f.subject.push_str(id(st.subject));
        f.object.clear();
        f.object.push_str(id(st.object));
        said.push(f);
    }
    let mut one = merged_facts(said);
    let f = one.pop().filter(|_| one.is_empty());
    f.ok_or_else(|| io::Error::other("a run of statements is not one fact"))
}

/// A JSON array whose items an iterator makes as it is written (once).
struct Seq<I>(RefCell<Option<I>>);

impl<I> Seq<I> {
    fn new(items: I) -> Seq<I> {
        Seq(RefCell::new(Some(items)))
    }
}

impl<T: Serialize, I: Iterator<Item = io::Result<T>>> Serialize for Seq<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeSeq};
        let items = self.0.borrow_mut().take();
        let items = items.ok_or_else(|| S::Error::custom("an array written twice"))?;
        let mut seq = s.serialize_seq(None)?;
        for item in items {
            seq.serialize_element(&item.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

/// `kg compact` of a plain graph file: migrates it to a knowledge base as the whole-base
/// path does, byte for byte, streaming (see the module doc), and writes its snapshot when
/// `KG_SNAPSHOT`'s policy gives it one. `None` when this does not apply (nothing was
/// written; the caller takes the whole-base path, which also says what is wrong with a
/// file that is not a valid graph); else what it wrote.
pub fn migrate(path: &Path) -> Result<Option<Vec<Note>>, Error> {
    let policy = super::session::snapshot_policy()?;
    check_writable(path)?;
    let held = lock(path)?;
    if std::fs::symlink_metadata(super::journal::path_for(path)).is_ok() {
        return Ok(None);
    }
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(None);
    };
    let Ok(bytes) = Bytes::map(&file) else {
        return Ok(None);
    };
    // The pages read are let go as the work goes on (see `fold`): the text is read
    // through once, then each fact's record again where the write needs it.
    let done = released(&bytes, |bytes| match std::str::from_utf8(bytes) {
        Ok(text) => write_migrated(path, text, policy),
        Err(_) => Ok(None),
    })?;
    drop(bytes);
    drop(held);
    Ok(done)
}

fn write_migrated(path: &Path, text: &str, policy: Policy) -> Result<Option<Vec<Note>>, Error> {
    let Some(plan) = Plan::read(text) else {
        return Ok(None);
    };
    let (decisions, dtext) = read_decisions(path)?;
    if !decisions.is_empty() || !dtext.is_empty() {
        return Ok(None);
    }
    let werr = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Write { path, source }
    };
    let mut notes = Vec::new();
    let mut backup = path.as_os_str().to_owned();
    backup.push(".kb0.bak");
    let backup = PathBuf::from(backup);
    // The file is as it was read: the lock kept every other writer out.
    let copied = stage_file(&backup, |w| {
        io::copy(&mut std::fs::File::open(path)?, w).map(drop)
    });
    copied.and_then(|s| s.persist()).map_err(werr(&backup))?;
    notes.push(Note::Migrated {
        base: path.into(),
        from: 0,
        to: KB_VERSION,
        backup,
    });
    let mut spans = Spans::with_capacity(0);
    let staged = stage_file(path, |w| {
        spans = plan.write(w)?;
        Ok(())
    })
    .map_err(werr(path))?;
    let tally = plan.tally();
    drop(plan);
    // The snapshot from the records written, read back from the staged base once the
    // plan is let go: the snapshot's sections grow as nothing else is held. The plan's
    // millions of small allocations, freed, would stay resident (1.26 GB at 10M facts of
    // 333,334 articles): given back first (see `heap`; and `Spans` for what it cannot).
    crate::store::heap::release_freed();
    let len = staged.metadata().map_err(werr(path))?.len();
    let stream = match policy.applies(len) {
        false => None,
        true => Some(feed(staged.file()).map_err(werr(path))?),
    };
    let fingerprint = Some(Decisions::default().fingerprint());
    let snapshot = super::fold::stage_snapshot(path, &staged, stream, policy, fingerprint);
    staged.persist().map_err(werr(path))?;
    let mut paths = vec![path.to_path_buf()];
    let snap_path = snapshot::path_for(path);
    let mut unwritten = None;
    match snapshot.map(|s| s?.persist().map_err(|e| crate::store::describe(&e))) {
        Some(Ok(())) => paths.push(snap_path),
        Some(Err(why)) => unwritten = Some((snap_path, why)),
        None => {}
    }
    // Only time: `kg remove` searches the base without it (see `super::spans`).
    let _ = super::spans::write(path, &spans.to_vec());
    notes.push(Note::Wrote { paths, tally });
    if let Some((snapshot, why)) = unwritten {
        notes.push(Note::SnapshotUnwritten { snapshot, why });
    }
    Ok(Some(notes))
}

/// Runs `work` on `bytes` while a second thread lets the pages read go every
/// `FOLD_RELEASE_EVERY` (see [`super::fold`]): memory stays far below the file's size.
fn released<T>(bytes: &Bytes, work: impl FnOnce(&[u8]) -> T) -> T {
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|s| {
        s.spawn(move || {
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                stopped.recv_timeout(super::fold::FOLD_RELEASE_EVERY)
            {
                // Only memory: the work is the same if this fails.
                let _ = bytes.release_resident();
            }
        });
        let done = work(bytes);
        drop(stop);
        done
    })
}

/// The snapshot stream of the base `file` (as [`Plan::write`] wrote it): its sources,
/// entities and facts read back, in order, as [`super::session::Session::save`] gives it
/// the graph's records. The kb section is not read.
fn feed(file: &std::fs::File) -> io::Result<Stream> {
    let bytes = Bytes::map(file)?;
    released(&bytes, |text| {
        let mut stream = Stream::new();
        let mut done = false;
        let mut de = serde_json::Deserializer::from_slice(text);
        let read = FeedSeed {
            stream: &mut stream,
            done: &mut done,
        }
        .deserialize(&mut de);
        // The read stops at the kb section, with an error once the facts are in.
        match read {
            Ok(()) => {}
            Err(_) if done => {}
            Err(e) => return Err(io::Error::other(e)),
        }
        Ok(stream)
    })
}

/// Reads a base's top-level object for [`feed`].
struct FeedSeed<'a> {
    stream: &'a mut Stream,
    done: &'a mut bool,
}

impl<'de> DeserializeSeed<'de> for FeedSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FeedSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a knowledge base")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let stream = &mut *self.stream;
            match key.as_ref() {
                "sources" => map.next_value_seed(each(|s: Source| stream.source(&s)))?,
                "entities" => map.next_value_seed(each(|e: Entity| stream.entity(&e)))?,
                "facts" => {
                    map.next_value_seed(each(|f: Fact| stream.fact(&f)))?;
                    *self.done = true;
                    return Err(de::Error::custom("the facts are in"));
                }
                _ => map.next_value::<de::IgnoredAny>().map(drop)?,
            }
        }
        Ok(())
    }
}

/// An array read element by element, each given to the closure.
struct Each<T, F>(F, std::marker::PhantomData<T>);

fn each<T, F: FnMut(T)>(f: F) -> Each<T, F> {
    Each(f, std::marker::PhantomData)
}

impl<'de, T: serde::Deserialize<'de>, F: FnMut(T)> DeserializeSeed<'de> for Each<T, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: serde::Deserialize<'de>, F: FnMut(T)> Visitor<'de> for Each<T, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<T>()? {
            (self.0)(item);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;
    use crate::model::{GraphFile, Kind};
    use crate::store::snapshot::build::Stamp;
    use crate::store::snapshot::{KbHead, Meta};

    /// The whole-base path's base for a plain file, and the snapshot it streams from the
    /// graph (as `Session::save` does).
    fn whole(text: &str) -> (String, Vec<u8>) {
        let (kb, migrated) = KnowledgeBase::parse(text).unwrap();
        assert_eq!(migrated, Some(0));
        let mut stream = Stream::new();
        kb.graph.sources.iter().for_each(|s| stream.source(s));
        kb.graph.entities.iter().for_each(|e| stream.entity(e));
        kb.graph.facts.iter().for_each(|f| stream.fact(f));
        (kb.to_json(), snapshot_bytes(stream))
    }

    /// The streaming migration's base and snapshot; `None` when it does not apply.
    fn streamed(text: &str) -> Option<(String, Vec<u8>)> {
        let plan = Plan::read(text)?;
        let mut file = tempfile::tempfile().unwrap();
        let spans = plan.write(&mut file).unwrap().to_vec();
        let stream = feed(&file).unwrap();
        let mut out = String::new();
        io::Seek::rewind(&mut file).unwrap();
        io::Read::read_to_string(&mut file, &mut out).unwrap();
        spans_are_the_records(&out, &spans);
        Some((out, snapshot_bytes(stream)))
    }

    /// The spans of three articles: each id is its own, each record ends two bytes (a
    /// comma and a line break) before the next one starts, the last where it is closed;
    /// the ids are one string, whatever the number of articles.
    #[test]
    fn spans_hold_their_ids_in_one_string() {
        let mut spans = Spans::with_capacity(3);
        spans.push("a-1", 10);
        spans.push("b-22", 30);
        spans.push("", 45);
        spans.close(60);
        assert_eq!(spans.ids, "a-1b-22");
        let want = [("a-1", 10, 18), ("b-22", 30, 13), ("", 45, 15)];
        let want: Vec<Span> = want.map(|(id, at, len)| (id.into(), at, len)).into();
        assert_eq!(spans.to_vec(), want);
    }

    /// The spans `Plan::write` gives (see `super::super::spans`) are, in order, the records
    /// of the base's articles as the fold's reader finds them, each its article's.
    fn spans_are_the_records(text: &str, spans: &[Span]) {
        let (records, _, _) = super::super::fold::article_records(text, &|| {}).unwrap();
        assert_eq!(records.len(), spans.len());
        for (record, (id, at, len)) in records.iter().zip(spans) {
            let start = record.as_ptr() as usize - text.as_ptr() as usize;
            assert_eq!((start as u64, record.len() as u64), (*at, *len), "{id}");
            let a: Extraction = serde_json::from_str(record).unwrap();
            assert_eq!(&a.source.id, id);
        }
    }

    fn snapshot_bytes(stream: Stream) -> Vec<u8> {
        let meta = Meta {
            kb: Some(KbHead {
                version: u64::from(KB_VERSION),
                decisions: Some(Decisions::default().fingerprint()),
            }),
        };
        let stamp = Stamp {
            len: 1,
            mtime_ns: 2,
        };
        let mut out = Vec::new();
        stream
            .finish(stamp, &meta)
            .unwrap()
            .write(&mut out)
            .unwrap();
        out
    }

    /// A small deterministic generator (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
        }

        fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
            &xs[self.below(xs.len())]
        }

        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
    }

    /// A plain graph file as kg writes it, made from `seed`: names that join across
    /// articles, that must not, generic bodies that take a country's name, aliases the
    /// merge refuses; symmetric relations; facts stated by several sources (`also`),
    /// twice by one, by none; sources listed and not, dated and not; lone entities.
    fn plain(seed: u64) -> String {
        use Kind::*;
        let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let names: &[(&str, Kind, &[&str])] = &[
            ("Vladimir Putin", Person, &["Putin", "President Putin"]),
            ("Putin", Person, &[]),
            ("Kim Jong Un", Person, &["Kim"]),
            ("Kim Yo Jong", Person, &["Kim"]),
            ("Kim", Person, &[]),
            ("Russia", Country, &[]),
            ("North Korea", Country, &["DPRK"]),
            ("Democratic People's Republic of Korea", Country, &["DPRK"]),
            ("China", Country, &[]),
            ("Ministry of Foreign Affairs", Institution, &[]),
            ("Moscow Zoo", Institution, &["Moscow", "the zoo"]),
            ("Moscow", Place, &[]),
            ("Pyongyang Central Zoo", Institution, &["Pyongyang Zoo"]),
            ("brown bear", Animal, &["bears"]),
            ("troops", Group, &[]),
            ("North Korean troops", Group, &["troops"]),
        ];
        let entities: Vec<Entity> = (0..2 + r.below(14))
            .map(|i| {
                let (name, kind, aliases) = *r.pick(names);
                let id = match r.chance(50) {
                    true => crate::model::slug(name) + &format!("-{i}"),
                    false => format!("e{i:02}"),
                };
                let mut e = Entity::new(id, name, kind);
                e.aliases = aliases
                    .iter()
                    .filter(|_| r.chance(70))
                    .map(|a| a.to_string())
                    .collect();
                if r.chance(10) {
                    e.extra
                        .insert("wikidata".into(), Value::from(format!("Q{i}")));
                }
                e
            })
            .collect();
        let ids = ["s-a", "s-b", "s-c", "s-d", "unsourced-x"];
        let dates = [None, Some("2024"), Some("2024-06"), Some("2023-01-02")];
        let mut sources: Vec<Source> = Vec::new();
        for id in ids {
            if r.chance(40) {
                continue;
            }
            let mut s = Source::new(id);
            s.date = r.pick(&dates).map(String::from);
            if r.chance(30) {
                s.title = Some(format!("About {id}"));
            }
            sources.push(s);
        }
        let place = |r: &mut Rng| {
            let mut p = serde_json::Map::new();
            if r.chance(80) {
                p.insert("source".into(), Value::from(*r.pick(&ids)));
            }
            p.insert(
                "evidence".into(),
                Value::from(format!("said {}", r.below(4))),
            );
            if r.chance(60) {
                let at = r.below(5) * 10;
                p.insert("span".into(), serde_json::json!([at, at + 5]));
            }
            Value::Object(p)
        };
        let facts: Vec<Fact> = (0..r.below(30))
            .map(|_| {
                let s = &r.pick(&entities).id;
                let o = &r.pick(&entities).id;
                let mut f = Fact::new(s.as_str(), *r.pick(&Relation::ALL), o.as_str());
                f.date = r.pick(&dates).map(String::from);
                if r.chance(80) {
                    f.source = Some(r.pick(&ids).to_string());
                }
                if r.chance(80) {
                    f.evidence = Some(format!("said {}", r.below(4)));
                }
                if r.chance(60) {
                    let at = r.below(5) * 10;
                    f.span = Some([at, at + 5]);
                }
                if r.chance(30) {
                    f.count = Some(r.below(3) as u64 + 1);
                }
                if r.chance(30) {
                    f.rule = Some("send-verb".into());
                }
                if r.chance(30) {
                    let also: Vec<Value> = (0..1 + r.below(2)).map(|_| place(&mut r)).collect();
                    f.extra.insert("also".into(), Value::Array(also));
                }
                f
            })
            .collect();
        let mut file = GraphFile {
            sources,
            entities,
            facts,
            ..GraphFile::default()
        };
        if r.chance(20) {
            file.extra.insert("note".into(), Value::from("kept"));
        }
        file.sort();
        let mut text = serde_json::to_string_pretty(&file).unwrap();
        text.push('\n');
        text
    }

    /// The streaming migration writes the whole-base path's bytes, base and snapshot, on
    /// every generated graph.
    #[test]
    fn the_streaming_migration_writes_the_whole_base_paths_bytes() {
        let mut changed = 0;
        for seed in 0..400 {
            let text = plain(seed);
            let want = whole(&text);
            let got = streamed(&text).unwrap_or_else(|| panic!("seed {seed}: not taken\n{text}"));
            assert!(
                got.0 == want.0,
                "seed {seed}:\n{text}\n{}\n{}",
                got.0,
                want.0
            );
            assert!(got.1 == want.1, "seed {seed}: the snapshots differ");
            changed += usize::from(got.0.contains("\"changes_entities\": false"));
        }
        assert!(changed > 10, "articles that changed no entity: {changed}");
    }

    #[test]
    fn the_embedded_graph_and_the_fixtures_migrate_as_the_whole_base_path_does() {
        let mut texts = vec![crate::store::EMBEDDED_GRAPH.to_string()];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        let mut taken = 0;
        for text in &texts {
            if !matches!(KnowledgeBase::parse(text), Ok((_, Some(0)))) {
                assert!(
                    streamed(text).is_none(),
                    "not a valid plain file: not taken"
                );
                continue;
            }
            if let Some(got) = streamed(text) {
                assert_eq!(got, whole(text));
                taken += 1;
            }
        }
        assert!(taken >= 2, "{taken}");
    }

    /// A file the streaming migration does not model goes to the whole-base path: a
    /// knowledge base, facts out of canonical order, facts before the entities, an
    /// invalid graph.
    #[test]
    fn what_is_not_a_plain_file_in_canonical_order_is_left_to_the_whole_base_path() {
        assert!(streamed(&KnowledgeBase::empty().to_json()).is_none());
        let e = r#"[{"id": "a", "name": "A", "kind": "country"}, {"id": "b", "name": "B", "kind": "country"}]"#;
        let f = |s: &str, o: &str| {
            format!(r#"{{"subject": "{s}", "relation": "fought", "object": "{o}"}}"#)
        };
        let file = |entities: &str, facts: &[String]| {
            format!(
                r#"{{"version": 1, "entities": {entities}, "facts": [{}]}}"#,
                facts.join(", ")
            )
        };
        let sorted = file(e, &[f("a", "b"), f("b", "a")]);
        assert_eq!(streamed(&sorted).unwrap(), whole(&sorted));
        let unsorted = file(e, &[f("b", "a"), f("a", "b")]);
        assert!(streamed(&unsorted).is_none());
        whole(&unsorted);
        let late = format!(
            r#"{{"version": 1, "facts": [{}], "entities": {e}}}"#,
            f("a", "b")
        );
        assert!(streamed(&late).is_none());
        whole(&late);
        assert!(streamed(&file(e, &[f("a", "c")])).is_none(), "dangling");
        assert!(
            streamed(&file(e, &[f("a", "b")]).replace("\"version\": 1", "\"version\": 2"))
                .is_none()
        );
        assert!(streamed(&sorted.replace("\"version\": 1", "\"kb\": 0, \"version\": 1")).is_none());
        assert!(streamed("{").is_none());
    }
}
