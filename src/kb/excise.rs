//! [`excise`]: `kg remove` of a base article that changed the entities when merged,
//! written to the journal as a removal instead of rebuilding the whole base.
//!
//! The whole-base path rebuilds the graph from every other article. Taking out an
//! article that changed the entities can change which entity a later article's name
//! joins, an entity's names, fields and id, and so the facts on it. But the [`Builder`]'s
//! entity side meets an article only through the article's names, the id families of
//! its entities and the merge decisions' names (see [`super::component`]): the union of
//! those splits the entities into components that evolve independently. The article's
//! own entities lie in a few components (`C`); everything outside them is the same in
//! the rebuild without it, and every fact with no end in `C` too (the article states
//! none: each of its facts has both ends among its entities).
//!
//! # The grain of the components
//! An id family is coarse: on a base whose names run into numbers ("Farid C. Varga 2",
//! id `farid-c-varga-2`, beside "Farid C. Varga", "Farid C. Varga 3", ...) one article's
//! families reach almost every mention of the base. What a family stands for is narrower:
//! the builder reads ids only where it makes a new entity, whose id is the one it starts
//! from (its own, or a slug of its name) when that is free, else the first free of `id-2`,
//! `id-3`, ... So `C` is first taken at a finer grain ([`Grain::Fine`]): the names and the
//! exact id each mention starts from, and then, again and again, the components of the
//! ids a new entity could have come to one of `C`'s ids from ([`component::ancestors`]:
//! `a-2-3` from `a-2` and `a`). The replays of that `C` give up where a new entity's id is
//! taken (the builder says so: [`Builder::probed`]). Where none is, this `C` evolves as
//! it would in the family's component, with the article and without it:
//!
//! - an entity of `C` made from id `b` finds `b` free in the replay; only an entity made
//!   from `b` (in `C`) or one that came to `b` from an ancestor of `b` (whose mentions are
//!   in `C`, and did not move on from their own ids) could hold it, so it is free in the
//!   rebuild too;
//! - an entity outside `C` made from `c` holds `c` or, when `c` is taken, moves on through
//!   `c-2`, `c-3`, ...: ids whose ancestor is `c`, so none is an id a mention of `C` starts
//!   from (else `c`'s mentions would be in `C`), and none is taken by `C` (whose entities
//!   hold the ids they start from). Nothing outside `C` sees `C` through an id.
//!
//! Where a replay gives up, or anything else fails at the fine grain, the removal is
//! told again at the family's grain ([`Grain::Family`]), as before.
//!
//! # The replays
//! So the mentions of `C` are replayed, article by article in base order, with the
//! article and without it:
//!
//! - the entity side alone ([`super::component`]'s run) gives each article's part of its
//!   `changes_entities` flag in `C`; an article's new flag is true where the new part is,
//!   its stored one where both parts agree; it gives up (the whole-base path) where the
//!   part went from changed to unchanged (the article's other components would tell);
//! - the same replays give the entities of `C` as the rebuild writes them, and where each
//!   statement's ends in `C` settle; a fact's other end outside `C` is the base's id of
//!   that end (found from the base fact stated at the same place, whose `C` end is where
//!   the replay with the article settled it). Under no merge decision, the facts of the
//!   keys that may change are then merged straight from those ends
//!   ([`merged_facts`]: one per key, in article order, as the builder merges them).
//!   Under merge decisions (the builder moves a merged entity's facts, in its own order)
//!   a [`Builder`] is given each article's entities in `C`, those statements, and for
//!   each end outside `C` a stand-in entity carrying that base id (the stand-ins' names
//!   meet no real name), with the article and without it.
//!
//! The replay with the article must give the base's own records of `C` (its entities
//! found by their names, its facts by those entities, through the snapshot), record for
//! record: that checks the premise [`super::component`] leans on (the base is the rebuild
//! of its articles under its decisions) where it matters, and the replay itself. The
//! replay without it then gives the removal entry: the entities of `C` that changed
//! (whole), those that went (`gone`), the facts that changed or came (whole), those that
//! went (`dropped`), and the articles whose flag changes (`flags`). Anything it cannot
//! tell (a journal not empty, a base not laid out as kg writes it, an end not found, a
//! merge left pending, a fact from an entity to itself, a check that fails) gives `None`,
//! and the caller takes the whole-base path.
//!
//! # Complexity
//! O(size of the articles' heads) to read every article's names (not its facts; a few
//! heads at a time, on two threads, none kept), then the heads of `C`'s articles read
//! again, only their entities in `C` whole (from the heads: the entity side reads no
//! fact), then the facts of only the articles
//! whose statements may change key (the removed one, those with a mention of `C` settled
//! elsewhere without it) and of those that state a fact of a key that may change (found
//! by the base facts' provenance) read (those with an end in `C` parsed); the entities
//! merged twice (by
//! [`component::run_without`]: on two threads, or those before the article once), and the
//! facts of the entities of `C` whose key may change read through the snapshot and merged
//! with the article and without it (by a builder, under merge decisions); all of it again
//! at the family grain when the fine one cannot tell. Memory: a key per distinct name
//! and id family, a number per mention, a few articles' heads at a time, and the
//! articles and records of `C`; the base's text is mapped, its pages let go as it is
//! read, so that no more than a few articles of it are resident. Where the base's spans
//! file gives the articles' records ([`super::spans`]) only they are read, each checked
//! as UTF-8 as far as a pass reads it ([`Record`]: the heads, and the whole records of
//! the articles whose facts are read); else the caller checks the whole text a chunk at
//! a time ([`Bytes::text`]) and its kb section is split into records.
//!
//! [`Bytes::text`]: crate::store::snapshot::map::Bytes::text

use super::Extraction;
use super::aliases;
use super::component::{self, Head, Tokens, head, name_key};
use super::decisions::Decisions;
use super::journal::Entry;
use super::known::Known;
use super::merge::{
    Builder, FactKey, FactKeyRef, Place, fact_key, fact_key_ref, first_place, key_ref,
    merged_facts, place,
};
use super::overlay::Overlay;
use crate::model::name::lookup_key;
use crate::model::{Entity, Fact, GraphFile};
use crate::query::Read;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::{BTreeMap, BTreeSet};

/// The name of a stand-in for the entity of base id `id` outside the component: no
/// article's name has its lookup key.
fn stand_in_name(id: &str) -> String {
    format!("\u{1}kg stand-in\u{1} {id}")
}

/// A statement of a fact with an end in the component: its article (of the component's)
/// and fact there, and the ids its subject and object in the component settled on with
/// the removed article and without it (`None`: outside the component).
struct Said<'r> {
    part: usize,
    fact: usize,
    old: [Option<&'r str>; 2],
    new: [Option<&'r str>; 2],
}

/// An article of the component: prepared, with which of its entities are in it.
type Part = (Extraction, Vec<bool>);

/// Where an article's mentions of the component settled, by the article's id of each:
/// with the removed article and without it (`None` for the removed article's own).
type Settled<'r> = HashMap<&'r str, [Option<&'r str>; 2]>;

/// The part of the article `record` the replays read: its entities in the component
/// (`marks`), prepared, and no fact. When preparing does not rename its entities (`prep`
/// `None`) only those are read whole ([`component::marked_entities`]), else the record
/// is parsed and prepared whole by `prep`.
fn mentions_part(record: &str, flag: bool, marks: &[bool], prep: Option<&Builder>) -> Option<Part> {
    let (source, entities) = if let Some(prep) = prep {
        let mut a: Extraction = serde_json::from_str(record).ok()?;
        prep.prepare_in_place(&mut a);
        if a.entities.len() != marks.len() {
            return None;
        }
        let mut entities = a.entities;
        let mut keep = marks.iter();
        entities.retain(|_| *keep.next().unwrap_or(&false));
        (a.source, entities)
    } else {
        component::marked_entities(record, marks)?
    };
    let marks = vec![true; entities.len()];
    let a = Extraction {
        source,
        entities,
        facts: Vec::new(),
        changes_entities: Some(flag),
    };
    Some((a, marks))
}

/// The part of the article `record` the rebuild of its facts reads ([`reduce`]): its
/// entities in the component and those at the other end of a fact with an end in it,
/// and those facts.
fn full_part(
    record: &str,
    flag: bool,
    marks: &[bool],
    decisions: &Decisions,
    prep: &Builder,
) -> Option<Part> {
    let (h, _) = head(record)?;
    if !component::renamed(&h, decisions) {
        return component_part(record, h, flag, marks.to_vec());
    }
    let mut a: Extraction = serde_json::from_str(record).ok()?;
    prep.prepare_in_place(&mut a);
    if a.entities.len() != marks.len() {
        return None;
    }
    Some(reduce(a, marks.to_vec()))
}

/// Adds the statements of article `p` (read whole: `part`) with an end in the component
/// to `said`, each end in it where `at` says it settled; `None` for a fact from an entity
/// of the component to itself (the replays never modelled one).
fn statements<'r>(
    p: usize,
    part: &Part,
    at: &Settled<'r>,
    j: usize,
    said: &mut Vec<Said<'r>>,
) -> Option<()> {
    for (fact, f) in part.0.facts.iter().enumerate() {
        let ends = [at.get(f.subject.as_str()), at.get(f.object.as_str())];
        if ends == [None, None] {
            continue;
        }
        if f.subject == f.object {
            return None;
        }
        let (mut old, mut new) = ([None, None], [None, None]);
        for k in 0..2 {
            if let Some([o, n]) = ends[k] {
                old[k] = *o;
                if p != j {
                    new[k] = *n;
                }
            }
        }
        said.push(Said {
            part: p,
            fact,
            old,
            new,
        });
    }
    Some(())
}

/// An article's record in the base, as the passes read it: text checked as UTF-8 already,
/// or bytes checked as far as each pass reads them (the first pass reads only the heads,
/// [`Record::head`]; the second only the component's).
#[derive(Clone, Copy)]
pub(super) enum Record<'t> {
    Text(&'t str),
    Bytes(&'t [u8]),
}

impl<'t> Record<'t> {
    fn bytes(self) -> &'t [u8] {
        match self {
            Record::Text(t) => t.as_bytes(),
            Record::Bytes(b) => b,
        }
    }

    /// The record's text up to and including its `"facts"` key (what
    /// [`component::parse_head`] and [`component::marked_entities`] read); `None` when it
    /// has none or is not UTF-8 there.
    fn head(self) -> Option<&'t str> {
        let b = self.bytes();
        let at = memchr::memmem::find(b, component::FACTS_KEY.as_bytes())?;
        let end = at + component::FACTS_KEY.len();
        match self {
            Record::Text(t) => Some(&t[..end]),
            Record::Bytes(b) => std::str::from_utf8(&b[..end]).ok(),
        }
    }

    /// The whole record's text; `None` when it is not UTF-8.
    fn whole(self) -> Option<&'t str> {
        match self {
            Record::Text(t) => Some(t),
            Record::Bytes(b) => std::str::from_utf8(b).ok(),
        }
    }

    /// Its stored `changes_entities` flag.
    fn flag(self) -> Option<bool> {
        component::flag(self.bytes())
    }
}

/// The base's articles as [`excise`] reads them: every record of its kb section, in
/// order, and the kb head's version and decisions fingerprint.
pub(super) struct Articles<'t> {
    pub(super) records: Vec<Record<'t>>,
    pub(super) version: u32,
    pub(super) fingerprint: Option<String>,
}

impl<'t> Articles<'t> {
    /// The articles of the base whose whole text is `text` (checked UTF-8), found by
    /// reading its kb section ([`super::fold::article_records`]); `release` is called as it
    /// is read.
    pub(super) fn of_text(text: &'t str, release: &dyn Fn()) -> Option<Articles<'t>> {
        let (records, version, fingerprint) = super::fold::article_records(text, release)?;
        Some(Articles {
            records: records.into_iter().map(Record::Text).collect(),
            version,
            fingerprint,
        })
    }
}

/// The removal entry that takes base article `id` (one that changed the entities) out
/// of the base whose articles are `base`, seen through `overlay` (the snapshot and an
/// empty journal), merged under `decisions`; `None` when it cannot tell (see the module
/// doc). `release` is called as the records are read (to let a mapped text's pages go),
/// and once the base facts needed are read.
pub(super) fn excise(
    base: &Articles<'_>,
    overlay: &Overlay<'_>,
    decisions: &Decisions,
    id: &str,
    release: &dyn Fn(),
) -> Option<Entry> {
    excise_at(base, overlay, decisions, id, release, Grain::Fine)
        .or_else(|| excise_at(base, overlay, decisions, id, release, Grain::Family))
}

/// How finely the mentions are split into components (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grain {
    /// Names and exact ids, with each id's ancestors ([`component::ancestors`]) taken in;
    /// the replays give up where a new entity's id is taken.
    Fine,
    /// Names and id families: every id a new entity may take is in its component.
    Family,
}

/// [`excise`] at one grain.
fn excise_at(
    base: &Articles<'_>,
    overlay: &Overlay<'_>,
    decisions: &Decisions,
    id: &str,
    release: &dyn Fn(),
    grain: Grain,
) -> Option<Entry> {
    let records = &base.records;
    if base.version != super::KB_VERSION || base.fingerprint.as_deref()? != decisions.fingerprint()
    {
        return None;
    }
    let prep = Builder::new(decisions);
    let mut tokens = Tokens::default();
    let mut ids = HashSet::default();
    // Per article: its stored flag and where its mentions start; per mention: a token.
    let (mut stored, mut starts, mut mention) = (Vec::new(), Vec::new(), Vec::new());
    // Per article: whether preparing it may rename its entities.
    let mut renamed = Vec::new();
    let mut at = None;
    // At the fine grain: each exact id's slot and its ancestors' (each id once).
    let (mut slots_seen, mut up): (HashSet<u64>, Vec<(u64, u64)>) = Default::default();
    let mut edges = |from: u64, to: Vec<u64>| {
        if slots_seen.insert(from) {
            up.extend(to.into_iter().map(|a| (from, a)));
        }
    };
    // A few articles at a time, on two threads; their heads are not kept (the second
    // pass reads the component's articles again, only their entities in it whole), and
    // the base's pages they were read from let go after each few.
    for (c, few) in records.chunks(RELEASE_EVERY).enumerate() {
        let headings = par_map(few, |record| heading(*record, decisions, grain));
        release();
        for (i, (h, record)) in headings.into_iter().zip(few).enumerate() {
            let k = c * RELEASE_EVERY + i;
            let h = h?;
            for (slot, ancestors) in h.ancestors {
                edges(slot, ancestors);
            }
            if h.source == id {
                at = Some(k);
            }
            if !ids.insert(h.source) {
                return None;
            }
            stored.push(h.flag);
            renamed.push(h.keys.is_none());
            starts.push(mention.len());
            match h.keys {
                Some((keys, ends)) => {
                    let mut from = 0;
                    for end in ends {
                        mention.push(tokens.join_keys(&keys[from..end])?);
                        from = end;
                    }
                }
                None => {
                    let record = record.whole()?;
                    let (head, _) = head(record)?;
                    let (entities, _) =
                        component::prepared_entities(head, record, decisions, &prep)?;
                    for e in &entities {
                        mention.push(match grain {
                            Grain::Family => tokens.join(e)?,
                            Grain::Fine => {
                                let (slot, ancestors) = component::slots(e);
                                edges(slot, ancestors);
                                tokens.join_fine(e)?
                            }
                        });
                    }
                }
            }
        }
    }
    starts.push(mention.len());
    release();
    let x = at?;
    if !stored[x] {
        return None;
    }
    for (a, b) in decisions.merges() {
        let (a, b) = (tokens.token(name_key(&a)), tokens.token(name_key(&b)));
        tokens.union(a, b);
    }
    tokens.flatten();
    let mut component: HashSet<u32> = mention[starts[x]..starts[x + 1]]
        .iter()
        .map(|&t| tokens.root_of(t))
        .collect();
    if component.is_empty() {
        return None;
    }
    // At the fine grain, the components of the ids another entity may have come to an
    // id of the component's from are taken in too, and theirs in turn.
    let mut above: HashMap<u32, Vec<u32>> = HashMap::default();
    for (from, to) in std::mem::take(&mut up) {
        if let (Some(f), Some(t)) = (tokens.root(from), tokens.root(to))
            && f != t
        {
            above.entry(f).or_default().push(t);
        }
    }
    let mut todo: Vec<u32> = component.iter().copied().collect();
    while let Some(c) = todo.pop() {
        for &t in above.get(&c).into_iter().flatten() {
            if component.insert(t) {
                todo.push(t);
            }
        }
    }
    drop((above, slots_seen));
    // The component's articles (and which of their entities are in it): those not
    // renamed read on two threads, the others parsed and prepared here.
    let mut ks: Vec<usize> = Vec::new();
    // (its record, stored flag, whether preparing may rename its entities, and marks)
    type Cut<'r> = (Record<'r>, bool, bool, Vec<bool>);
    let mut cut: Vec<Cut> = Vec::new();
    for (k, record) in records.iter().enumerate() {
        let marks: Vec<bool> = mention[starts[k]..starts[k + 1]]
            .iter()
            .map(|&t| component.contains(&tokens.root_of(t)))
            .collect();
        if marks.contains(&true) {
            ks.push(k);
            cut.push((*record, stored[k], renamed[k], marks));
        }
    }
    // Each article's mentions in the component, from its head (the entity side of the
    // replays needs no fact; only its entities in the component are read whole); its
    // facts are read below only where they may change.
    let mut parts: Vec<Part> = Vec::with_capacity(cut.len());
    for few in cut.chunks(RELEASE_EVERY) {
        // (those preparing may rename parsed whole here: a builder stays on its thread)
        let read = par_map(few, |(record, flag, renamed, marks)| {
            (!renamed).then(|| mentions_part(record.head()?, *flag, marks, None))
        });
        release();
        for (part, (record, flag, _, marks)) in read.into_iter().zip(few) {
            let part =
                part.unwrap_or_else(|| mentions_part(record.whole()?, *flag, marks, Some(&prep)));
            parts.push(part?);
        }
    }
    drop((tokens, mention, starts, renamed));
    release();
    let j = ks.iter().position(|&k| k == x)?;
    // The entity side, with the article and without it: the flags, and where each
    // mention settled.
    let (mut before, mut after) =
        component::run_without(decisions, &parts, j, grain == Grain::Fine)?;
    // (taken out: the ends below borrow the runs)
    let (entities_with, entities_without) = (
        std::mem::take(&mut before.entities),
        std::mem::take(&mut after.entities),
    );
    if !before.flags[j] {
        return None; // the base is not the rebuild of its articles
    }
    let mut flags = BTreeMap::new();
    for (i, &k) in ks.iter().enumerate() {
        if i == j {
            continue;
        }
        let (was, now, kept) = (
            before.flags[i],
            after.flags[i - usize::from(i > j)],
            stored[k],
        );
        if was && !kept {
            return None; // the base is not the rebuild of its articles
        }
        match (was, now) {
            (_, true) if !kept => {
                flags.insert(parts[i].0.source.id.clone(), true);
            }
            (true, false) => return None, // the rest of the article would tell
            _ => {}
        }
    }
    // The base's records of the component: its entities (by their names) and their facts.
    let mut names: HashSet<String> = HashSet::default();
    for (a, _) in &parts {
        for e in &a.entities {
            names.extend(e.names().map(lookup_key));
        }
    }
    let mut base: BTreeMap<u32, Entity> = BTreeMap::new();
    for n in names {
        for (node, found) in Known::entities_named(overlay, &n) {
            base.entry(node as u32).or_insert(found);
        }
    }
    let mut old_entities: Vec<Entity> = base.into_values().collect();
    old_entities.sort_by(|a, b| a.id.cmp(&b.id));
    let inside: HashSet<&str> = old_entities.iter().map(|e| e.id.as_str()).collect();
    // Where each article's mentions settled with the article and without it (by the
    // article's id of each).
    let settled: Vec<Settled> = {
        let (mut old_at, mut new_at) = (before.mentions(), after.mentions());
        let mut all = Vec::with_capacity(parts.len());
        for (p, (a, _)) in parts.iter().enumerate() {
            let mut at: HashMap<&str, [Option<&str>; 2]> = HashMap::default();
            for e in &a.entities {
                let old = old_at.next()?;
                let new = if p == j { None } else { Some(new_at.next()?) };
                at.insert(e.id.as_str(), [Some(old), new]);
            }
            all.push(at);
        }
        if old_at.next().is_some() || new_at.next().is_some() {
            return None;
        }
        all
    };
    let mine: Vec<HashSet<&str>> = parts
        .iter()
        .map(|(a, _)| a.entities.iter().map(|e| e.id.as_str()).collect())
        .collect();
    // The articles whose statements may change key: the removed one, and those with a
    // mention settled elsewhere without it. Their facts are read now (the others' only
    // where a fact they state is rebuilt, below).
    let mut full: BTreeMap<usize, Part> = BTreeMap::new();
    for (p, at) in settled.iter().enumerate() {
        if p == j || at.values().any(|[o, n]| o != n) {
            let (record, flag, _, marks) = &cut[p];
            full.insert(
                p,
                full_part(record.whole()?, *flag, marks, decisions, &prep)?,
            );
        }
    }
    let mut said: Vec<Said> = Vec::new();
    for (&p, part) in &full {
        statements(p, part, &settled[p], j, &mut said)?;
    }
    // The base's facts on the ends in the component of the statements whose key may
    // change (the article's, and those with an end settled elsewhere without it): every
    // fact of a key they have, with the article or without it, is on one of them.
    let moved = |s: &Said| s.part == j || s.old != s.new;
    let mut edges = BTreeSet::new();
    let mut seen = HashSet::default();
    for s in said.iter().filter(|s| moved(s)) {
        for id in s.old.iter().chain(&s.new).flatten() {
            if !seen.insert(*id) {
                continue;
            }
            if let Some(n) = overlay.node_by_id(id) {
                for forward in [true, false] {
                    edges.extend(Read::facts_of(&overlay.view(), n, forward));
                }
            }
        }
    }
    drop(seen);
    // (the snapshot's pages they are read from let go every so many)
    let mut old_facts: Vec<Fact> = Vec::with_capacity(edges.len());
    let view = overlay.view();
    for (n, e) in edges.into_iter().enumerate() {
        if n % RELEASE_FACTS == RELEASE_FACTS - 1 {
            release();
        }
        old_facts.push(Read::fact(&view, e).into_owned());
    }
    release();
    old_facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // (keys borrowed from the facts: there may be millions)
    let old_by_key: HashMap<FactKeyRef, &Fact> =
        old_facts.iter().map(|f| (fact_key_ref(f), f)).collect();
    let mut by_end: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, f) in old_facts.iter().enumerate() {
        by_end.entry(f.subject.as_str()).or_default().push(i);
        if f.object != f.subject {
            by_end.entry(f.object.as_str()).or_default().push(i);
        }
    }
    // The statements whose key may change (the article's, and those with an end settled
    // elsewhere without it), and the keys they have with the article and without it.
    let fact_of = |s: &Said| &full[&s.part].0.facts[s.fact];
    let out_end = |s: &Said, f: &Fact| -> Option<Option<&str>> {
        Some(match s.old {
            [Some(_), Some(_)] => None,
            [Some(c), None] => Some(other_end(&old_facts, &by_end, &inside, f, c, true)?),
            [None, Some(c)] => Some(other_end(&old_facts, &by_end, &inside, f, c, false)?),
            [None, None] => return None,
        })
    };
    let key = |f: &Fact, ends: [Option<&str>; 2], out: Option<&str>| -> Option<FactKey> {
        let mut g = Fact::new(ends[0].or(out)?, f.relation, ends[1].or(out)?);
        g.date = f.date.clone();
        Some(fact_key(&g))
    };
    let mut outs: HashMap<usize, Option<&str>> = HashMap::default();
    let mut touched: HashSet<FactKey> = HashSet::default();
    for (i, s) in said.iter().enumerate() {
        if !moved(s) {
            continue;
        }
        let out = out_end(s, fact_of(s))?;
        outs.insert(i, out);
        touched.insert(key(fact_of(s), s.old, out)?);
        if s.part != j {
            touched.insert(key(fact_of(s), s.new, out)?);
        }
    }
    // Every statement of a touched key: those stated where its base fact was.
    let places: HashSet<Place> = touched
        .iter()
        .filter_map(|k| old_by_key.get(&key_ref(k)))
        .flat_map(|f| f.provenances())
        .map(|p| place(&p))
        .collect();
    let first: HashSet<_> = places
        .iter()
        .map(|(s, span, e)| (s.as_deref(), *span, e.as_deref()))
        .collect();
    // The articles that state a fact of a touched key, read too.
    let at_source: HashMap<&str, usize> = parts
        .iter()
        .enumerate()
        .map(|(p, (a, _))| (a.source.id.as_str(), p))
        .collect();
    let mut more: BTreeSet<usize> = BTreeSet::new();
    for (source, _, _) in &places {
        let p = *at_source.get(source.as_deref()?)?;
        if !full.contains_key(&p) {
            more.insert(p);
        }
    }
    let mut extra: BTreeMap<usize, Part> = BTreeMap::new();
    for p in more {
        let (record, flag, _, marks) = &cut[p];
        extra.insert(
            p,
            full_part(record.whole()?, *flag, marks, decisions, &prep)?,
        );
    }
    for (&p, part) in &extra {
        statements(p, part, &settled[p], j, &mut said)?;
    }
    // Each article as the rebuild of the facts reads it: whole where read.
    let view: Vec<&Part> = (0..parts.len())
        .map(|p| full.get(&p).or_else(|| extra.get(&p)).unwrap_or(&parts[p]))
        .collect();
    for (i, s) in said.iter().enumerate() {
        let f = &view[s.part].0.facts[s.fact];
        let there = if f.extra.contains_key("also") {
            f.provenances().iter().any(|p| places.contains(&place(p)))
        } else {
            first.contains(&first_place(f))
        };
        if there && !outs.contains_key(&i) {
            outs.insert(i, out_end(s, f)?);
        }
    }
    // The statements the touched keys' facts are rebuilt from, article by article.
    let mut kept: Vec<Vec<(usize, Option<&str>)>> = vec![Vec::new(); parts.len()];
    let mut order: Vec<(usize, Option<&str>)> = outs.into_iter().collect();
    order.sort_unstable_by_key(|&(i, _)| i);
    for (i, out) in order {
        kept[said[i].part].push((i, out));
    }
    let of_touched = |facts: Vec<Fact>| -> Vec<Fact> {
        let mut facts: Vec<Fact> = facts
            .into_iter()
            .filter(|f| touched.contains(&fact_key(f)))
            .collect();
        facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        facts
    };
    // With the article and without it: the component's entities and those facts.
    let ((with_entities, with_facts), (new_entities, new_facts)) =
        if decisions.merges().next().is_none() {
            let by_id = |mut entities: Vec<Entity>| {
                entities.sort_by(|a, b| a.id.cmp(&b.id));
                entities
            };
            let (with, without) = settled_facts(&view, &said, &kept, j)?;
            (
                (by_id(entities_with), with),
                (by_id(entities_without), without),
            )
        } else {
            let graph_parts = stood_in(&view, &said, &kept, &mine)?;
            let without = graph_parts
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != j)
                .map(|(_, p)| p);
            (
                graph(decisions, graph_parts.iter())?,
                graph(decisions, without)?,
            )
        };
    drop(kept);
    let mut old_touched: Vec<Fact> = touched
        .iter()
        .filter_map(|k| old_by_key.get(&key_ref(k)).map(|f| (*f).clone()))
        .collect();
    old_touched.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if with_entities != old_entities || of_touched(with_facts) != old_touched {
        return None; // not the base's records: the replay does not model it
    }
    let new_facts = of_touched(new_facts);
    let read = old_facts;
    let old_facts = old_touched;
    // What changed.
    let old_by_id: HashMap<&str, &Entity> =
        old_entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let new_ids: HashSet<&str> = new_entities.iter().map(|e| e.id.as_str()).collect();
    let gone: Vec<String> = old_entities
        .iter()
        .filter(|e| !new_ids.contains(e.id.as_str()))
        .map(|e| e.id.clone())
        .collect();
    let entities: Vec<Entity> = new_entities
        .iter()
        .filter(|e| old_by_id.get(e.id.as_str()) != Some(e))
        .cloned()
        .collect();
    let old_by_key: HashMap<FactKey, &Fact> = old_facts.iter().map(|f| (fact_key(f), f)).collect();
    // A fact goes when its key does, or when its ends swap (a symmetric fact first
    // stated the other way round now): a query's graph keeps a fact's ends where they
    // were, so the fact goes and comes back.
    let new_ends: HashMap<_, (&str, &str)> = new_facts
        .iter()
        .map(|f| (fact_key(f), (f.subject.as_str(), f.object.as_str())))
        .collect();
    let dropped: Vec<Fact> = old_facts
        .iter()
        .filter(|f| new_ends.get(&fact_key(f)) != Some(&(f.subject.as_str(), f.object.as_str())))
        .cloned()
        .collect();
    let facts: Vec<Fact> = new_facts
        .iter()
        .filter(|f| old_by_key.get(&fact_key(f)) != Some(f))
        .cloned()
        .collect();
    let entry = Entry {
        removed: Some(id.to_string()),
        entities,
        facts,
        dropped,
        gone,
        flags,
        ..Entry::default()
    };
    // The articles and the base facts read are many small allocations
    // (half a second to free at 1M facts): freed on another thread, the entry is what the
    // caller waits for.
    drop_aside((parts, full, extra, read));
    Some(entry)
}

/// Drops `t` on a thread of its own (here, where no thread can be started), then gives
/// the pages the heap keeps free back to the system ([`release_freed`]): `kg compact`
/// folds right after a settlement, and the fold's own memory would otherwise come on top
/// of what the settlement freed (at 10M, gigabytes of small allocations the allocator
/// keeps resident). The thread's handle, to wait for it; `None` when no thread could be
/// started (then all of it was done here).
///
/// [`release_freed`]: crate::store::heap::release_freed
fn drop_aside<T: Send + 'static>(t: T) -> Option<std::thread::JoinHandle<()>> {
    let aside = move || {
        drop(t);
        crate::store::heap::release_freed();
    };
    // (a thread that cannot start drops its closure, and so `t`, here)
    let started = std::thread::Builder::new().spawn(aside);
    if started.is_err() {
        crate::store::heap::release_freed();
    }
    started.ok()
}

/// The facts the statements `kept` (per article of the component, the indices in `said`
/// of the statements whose facts are rebuilt, and each one's end outside the component)
/// make with the removed article (`parts[j]`) and without it, as a [`Builder`] under no
/// merge decision makes them ([`merged_facts`]): each end in the component is the id it
/// settled on in that replay, the other the base's id. `None` when an article's entity
/// outside the component would stand for two base entities, or two for one (no merge
/// joins them: the base is not the rebuild of its articles).
fn settled_facts(
    parts: &[&Part],
    said: &[Said<'_>],
    kept: &[Vec<(usize, Option<&str>)>],
    j: usize,
) -> Option<(Vec<Fact>, Vec<Fact>)> {
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for (p, (a, _)) in parts.iter().enumerate() {
        let all: HashMap<&str, &Entity> = a.entities.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut outside: BTreeMap<&str, (String, &Entity)> = BTreeMap::new();
        for &(i, out) in &kept[p] {
            let s = &said[i];
            let f = &a.facts[s.fact];
            if let Some(other) = out {
                let local = outer_end(s, f);
                stand_in(&mut outside, local, other, all[local.as_str()])?;
            }
            let with_ends = |ends: [Option<&str>; 2]| -> Option<Fact> {
                let mut g = f.clone();
                g.subject = ends[0].or(out)?.to_string();
                g.object = ends[1].or(out)?.to_string();
                Some(g)
            };
            with.push(with_ends(s.old)?);
            if p != j {
                without.push(with_ends(s.new)?);
            }
        }
        let mut ids: Vec<&String> = outside.values().map(|(id, _)| id).collect();
        ids.sort();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return None;
        }
    }
    Some((merged_facts(with), merged_facts(without)))
}

/// The article's id of statement `s`'s end outside the component: its subject when
/// the subject settled on no entity of the component, else its object.
fn outer_end<'f>(s: &Said<'_>, f: &'f Fact) -> &'f String {
    if s.old[0].is_none() {
        &f.subject
    } else {
        &f.object
    }
}

/// Each article of the component with the statements `kept` (see [`settled_facts`]),
/// their ends outside the component stood in for: what [`graph`] replays under merge
/// decisions. `None` when a stand-in's id is the article's id of another entity (`mine`:
/// per article, its entities in the component) or an end stands for two.
fn stood_in(
    parts: &[&Part],
    said: &[Said<'_>],
    kept: &[Vec<(usize, Option<&str>)>],
    mine: &[HashSet<&str>],
) -> Option<Vec<Extraction>> {
    let mut graph_parts: Vec<Extraction> = Vec::with_capacity(parts.len());
    for (p, (a, marks)) in parts.iter().enumerate() {
        let all: HashMap<&str, &Entity> = a.entities.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut outside: BTreeMap<&str, (String, &Entity)> = BTreeMap::new();
        let mut facts = Vec::new();
        for &(i, out) in &kept[p] {
            let s = &said[i];
            let f = &a.facts[s.fact];
            let mut g = f.clone();
            if let Some(other) = out {
                let local = outer_end(s, f);
                stand_in(&mut outside, local, other, all[local.as_str()])?;
                if s.old[0].is_none() {
                    g.subject = other.to_string();
                } else {
                    g.object = other.to_string();
                }
            }
            facts.push(g);
        }
        let mut entities: Vec<Entity> = a
            .entities
            .iter()
            .zip(marks)
            .filter(|(_, m)| **m)
            .map(|(e, _)| e.clone())
            .collect();
        for (base_id, e) in outside.into_values() {
            if mine[p].contains(base_id.as_str()) {
                return None; // a stand-in's id is the article's name of another entity
            }
            entities.push(Entity::new(
                base_id.clone(),
                stand_in_name(&base_id),
                e.kind,
            ));
        }
        graph_parts.push(Extraction {
            source: a.source.clone(),
            entities,
            facts,
            changes_entities: None,
        });
    }
    Some(graph_parts)
}

/// What the first pass reads of an article's record: its source's id, its stored
/// `changes_entities`, and its entities' keys ([`component::keys`], one entity after
/// another, and where each one's end), or `None` for them when preparing the article may
/// rename its entities (it is then read whole and prepared, in order). Its head is not
/// kept: the second pass reads the component's articles again.
struct Heading {
    source: String,
    flag: bool,
    keys: Option<(Vec<u64>, Vec<usize>)>,
    /// At the fine grain, when `keys` is there: each entity's id slot and its ancestors'
    /// ([`component::slots`]), for those with ancestors.
    ancestors: Vec<(u64, Vec<u64>)>,
}

/// The [`Heading`] of an article's record; `None` when it is not laid out as kg writes
/// it or does not parse.
fn heading(record: Record<'_>, decisions: &Decisions, grain: Grain) -> Option<Heading> {
    let (h, flag) = (component::parse_head(record.head()?)?, record.flag()?);
    let mut ancestors = Vec::new();
    let keys = (!component::renamed(&h, decisions)).then(|| {
        let (mut keys, mut ends) = (Vec::new(), Vec::with_capacity(h.entities.len()));
        for e in &h.entities {
            match grain {
                Grain::Family => keys.extend(component::keys(e)),
                Grain::Fine => {
                    keys.extend(component::fine_keys(e));
                    let (slot, up) = component::slots(e);
                    if !up.is_empty() {
                        ancestors.push((slot, up));
                    }
                }
            }
            ends.push(keys.len());
        }
        (keys, ends)
    });
    Some(Heading {
        source: h.source.id,
        flag,
        keys,
        ancestors,
    })
}

/// `f` of each item, in order, computed on two threads (one where the machine has one
/// core): the articles are read and parsed in parallel.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    if threads < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    // Each thread takes the next item not taken (articles differ in size).
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return out;
            };
            out.push((i, f(item)));
        }
    };
    let mut all = std::thread::scope(|s| {
        let other = s.spawn(work);
        let mut mine = work();
        match other.join() {
            Ok(theirs) => mine.extend(theirs),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        mine
    });
    all.sort_unstable_by_key(|&(i, _)| i);
    all.into_iter().map(|(_, r)| r).collect()
}

/// How many articles are read between two releases of the base's pages (about 3 MB each
/// at 1M facts).
const RELEASE_EVERY: usize = 16;

/// How many base facts are read between two releases of the snapshot's pages.
const RELEASE_FACTS: usize = 1 << 16;

/// The fact records of an article's record, laid out as kg writes it (each fact an
/// object at ten spaces); `None` when it is not laid out so.
fn fact_records(record: &str) -> Option<Vec<&str>> {
    let key = "\n        \"facts\": ";
    let at = memchr::memmem::find(record.as_bytes(), key.as_bytes())? + key.len();
    let rest = &record[at..];
    if rest.starts_with("[],\n") {
        return Some(Vec::new());
    }
    if !rest.starts_with("[\n") {
        return None;
    }
    let facts = super::fold::section(record, at + 2, 10)?;
    if !record[facts.tail..].starts_with("\n        ],\n") {
        return None;
    }
    Some(facts.records.iter().map(|&(s, e)| &record[s..e]).collect())
}

/// The ends of a fact, read from its record without the rest of it.
#[derive(serde::Deserialize)]
struct Ends<'r> {
    #[serde(borrow)]
    subject: std::borrow::Cow<'r, str>,
    #[serde(borrow)]
    object: std::borrow::Cow<'r, str>,
}

/// The ends of the fact record `text`: read straight from its first lines when it is laid
/// out as kg writes it (subject first, then relation and object, each on its line, with
/// no escape in the ids), else parsed.
fn fact_ends(text: &str) -> Option<Ends<'_>> {
    const SUBJECT: &str = "{\n            \"subject\": \"";
    const LINE: &str = "\",\n            \"";
    let plain = || -> Option<Ends<'_>> {
        let rest = text.strip_prefix(SUBJECT)?;
        let (subject, rest) = rest.split_once(LINE)?;
        let rest = rest.strip_prefix("relation\": \"")?;
        let (_, rest) = rest.split_once(LINE)?;
        let rest = rest.strip_prefix("object\": \"")?;
        let (object, _) = rest.split_once('"')?;
        let clean = |s: &str| !s.contains(['\\', '"', '\n']);
        (clean(subject) && clean(object)).then(|| Ends {
            subject: subject.into(),
            object: object.into(),
        })
    };
    plain().or_else(|| serde_json::from_str(text).ok())
}

/// [`reduce`] of the article `record` of the component, one that preparing does not
/// rename (preparing only makes its aliases safe, [`aliases::make_safe`]: here only
/// those of the entities kept), whose head (parsed by the first pass, [`heading`]) is
/// `head` and stored flag `flag`, `marks` saying which of its entities are in the
/// component: of its facts only those [`reduce`] keeps are parsed (the others' ends are
/// read, not the rest of them). `None` when the record is not laid out as kg writes it or
/// a fact kept does not parse.
fn component_part(record: &str, head: Head, flag: bool, marks: Vec<bool>) -> Option<Part> {
    let mut entities = head.entities;
    if entities.len() != marks.len() {
        return None;
    }
    let mut facts = Vec::new();
    {
        let inside: HashSet<&str> = entities
            .iter()
            .zip(&marks)
            .filter(|(_, m)| **m)
            .map(|(e, _)| e.id.as_str())
            .collect();
        let all: HashSet<&str> = entities.iter().map(|e| e.id.as_str()).collect();
        for text in fact_records(record)? {
            let ends = fact_ends(text)?;
            let (s, o) = (ends.subject.as_ref(), ends.object.as_ref());
            if all.contains(s) && all.contains(o) && (inside.contains(s) || inside.contains(o)) {
                facts.push(serde_json::from_str::<Fact>(text).ok()?);
            }
        }
    }
    // Only the entities [`reduce`] keeps are read again: those in the component and
    // those at an end of a fact kept.
    let keep: Vec<bool> = {
        let ends: HashSet<&str> = facts
            .iter()
            .flat_map(|f: &Fact| [f.subject.as_str(), f.object.as_str()])
            .collect();
        entities
            .iter()
            .zip(&marks)
            .map(|(e, &m)| m || ends.contains(e.id.as_str()))
            .collect()
    };
    aliases::make_safe_where(&mut entities, |i| keep[i]);
    // What [`reduce`] makes of it (every fact read is one it keeps, and it keeps these
    // entities), without its sets made again.
    let marks = kept_marks(&marks, &keep);
    let mut keep = keep.into_iter();
    entities.retain(|_| keep.next().unwrap_or(false));
    let a = Extraction {
        source: head.source,
        entities,
        facts,
        changes_entities: Some(flag),
    };
    Some((a, marks))
}

/// What the replays need of a prepared article of the component: its entities in the
/// component and those at the other end of a fact with an end in it, and those facts
/// (the rest is the same without the removed article, and is not read again).
fn reduce(mut a: Extraction, marks: Vec<bool>) -> Part {
    let inside: HashSet<&str> = a
        .entities
        .iter()
        .zip(&marks)
        .filter(|(_, m)| **m)
        .map(|(e, _)| e.id.as_str())
        .collect();
    let all: HashSet<&str> = a.entities.iter().map(|e| e.id.as_str()).collect();
    let keep: Vec<bool> = a
        .facts
        .iter()
        .map(|f| {
            all.contains(f.subject.as_str())
                && all.contains(f.object.as_str())
                && (inside.contains(f.subject.as_str()) || inside.contains(f.object.as_str()))
        })
        .collect();
    drop((inside, all));
    let mut kept = keep.into_iter();
    a.facts.retain(|_| kept.next().unwrap_or(false));
    let ends: HashSet<&str> = a
        .facts
        .iter()
        .flat_map(|f| [f.subject.as_str(), f.object.as_str()])
        .collect();
    let keep: Vec<bool> = a
        .entities
        .iter()
        .zip(&marks)
        .map(|(e, &m)| m || ends.contains(e.id.as_str()))
        .collect();
    let marks = kept_marks(&marks, &keep);
    drop(ends);
    let mut keep = keep.into_iter();
    a.entities.retain(|_| keep.next().unwrap_or(false));
    (a, marks)
}

/// The marks of the entities kept, in order.
fn kept_marks(marks: &[bool], keep: &[bool]) -> Vec<bool> {
    marks
        .iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(m, _)| *m)
        .collect()
}

/// The base's id of the end outside the component of `f` (stated by an article of the
/// component; its end in it, the subject when `subject_in`, settled on `c`): the other
/// end of the base fact of `f`'s relation and date stated at one of `f`'s places, with
/// `c` at that end (`by_end` holds the facts of `old` on each id); `None` unless exactly
/// one id is found.
fn other_end<'f>(
    old: &'f [Fact],
    by_end: &HashMap<&str, Vec<usize>>,
    inside: &HashSet<&str>,
    f: &Fact,
    c: &str,
    subject_in: bool,
) -> Option<&'f str> {
    let places: Vec<Place> = f.provenances().iter().map(place).collect();
    let mut found: BTreeSet<&str> = BTreeSet::new();
    for &i in by_end.get(c).into_iter().flatten() {
        let h = &old[i];
        if h.relation != f.relation
            || h.date != f.date
            || !h.provenances().iter().any(|p| places.contains(&place(p)))
        {
            continue;
        }
        // (the end in the component, the other), as the relation allows them.
        let mut sides: Vec<(&String, &String)> = Vec::new();
        if subject_in || f.relation.is_symmetric() {
            sides.push((&h.subject, &h.object));
        }
        if !subject_in || f.relation.is_symmetric() {
            sides.push((&h.object, &h.subject));
        }
        for (inner, outer) in sides {
            if inner == c && !inside.contains(outer.as_str()) {
                found.insert(outer.as_str());
            }
        }
    }
    match found.len() {
        1 => found.into_iter().next(),
        _ => None,
    }
}

/// Records that the article's entity `local` (outside the component) stands for the base
/// entity `base_id`; `None` when it stood for another already.
fn stand_in<'a>(
    outside: &mut BTreeMap<&'a str, (String, &'a Entity)>,
    local: &'a str,
    base_id: &str,
    e: &'a Entity,
) -> Option<()> {
    let (was, _) = outside
        .entry(local)
        .or_insert_with(|| (base_id.to_string(), e));
    (was == base_id).then_some(())
}

/// The entities (less the stand-ins) and the facts a rebuild from `parts` (prepared)
/// writes, each sorted as a base is; `None` when two of an article's ends stand for one
/// base entity (the stand-ins would not be the base's).
fn graph<'p>(
    decisions: &Decisions,
    parts: impl Iterator<Item = &'p Extraction>,
) -> Option<(Vec<Entity>, Vec<Fact>)> {
    let mut b = Builder::new(decisions);
    let mut stand_ins = HashSet::default();
    for p in parts {
        let mut seen = HashSet::default();
        for e in &p.entities {
            if e.name == stand_in_name(&e.id) {
                if !seen.insert(e.id.clone()) {
                    return None;
                }
                stand_ins.insert(e.id.clone());
            }
        }
        b.add_prepared(p);
    }
    let GraphFile {
        entities, facts, ..
    } = b.finish(Default::default());
    let mut entities: Vec<Entity> = entities
        .into_iter()
        .filter(|e| !(stand_ins.contains(&e.id) && e.name == stand_in_name(&e.id)))
        .collect();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    let mut facts = facts;
    facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Some((entities, facts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;
    use crate::model::{Kind, Relation, Source};

    /// What is dropped aside is dropped (once, whole) by the time its thread ends, and
    /// the release of the freed heap after it leaves every live allocation as it was,
    /// while this thread allocates beside it.
    #[test]
    fn what_is_dropped_aside_is_dropped_and_the_rest_kept() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        struct Counted(Arc<AtomicUsize>, String);
        impl Drop for Counted {
            fn drop(&mut self) {
                assert_eq!(self.1.len(), 64);
                self.0.fetch_add(1, Ordering::SeqCst);
            }
        }
        let dropped = Arc::new(AtomicUsize::new(0));
        let many: Vec<Counted> = (0..100_000)
            .map(|i| Counted(dropped.clone(), format!("{i:0>64}")))
            .collect();
        let kept: Vec<String> = (0..1_000).map(|i| format!("{i:0>80}")).collect();
        let aside = drop_aside(many);
        let beside: Vec<String> = (0..100_000).map(|i| format!("{i:0>32}")).collect();
        aside.expect("a thread").join().unwrap();
        assert_eq!(dropped.load(Ordering::SeqCst), 100_000);
        assert!(
            kept.iter()
                .enumerate()
                .all(|(i, s)| *s == format!("{i:0>80}"))
        );
        assert!(
            beside
                .iter()
                .enumerate()
                .all(|(i, s)| *s == format!("{i:0>32}"))
        );
    }

    /// The ends read from a fact's lines are the ends parsed, whatever the ids hold (an
    /// escape, a quote, another layout: parsed then).
    #[test]
    fn a_facts_ends_read_from_its_lines_are_its_ends_parsed() {
        // (as they stand in the JSON text)
        let ids = [
            "zoo",
            "a-b-2",
            r"caf\u00e9",
            r#"quote \" in"#,
            r"back\\slash",
            "",
            r"x\ny",
            "café",
        ];
        for s in ids {
            for o in ids {
                let pretty = format!(
                    "{{\n            \"subject\": \"{s}\",\n            \"relation\": \"leads\",\n            \"object\": \"{o}\",\n            \"source\": \"a\"\n          }}"
                );
                let compact = format!("{{\"object\": \"{o}\", \"subject\": \"{s}\"}}");
                for text in [pretty, compact] {
                    let want: Ends = serde_json::from_str(&text).unwrap();
                    let got = fact_ends(&text).unwrap();
                    assert_eq!(
                        (got.subject, got.object),
                        (want.subject, want.object),
                        "{text}"
                    );
                }
            }
        }
        assert!(fact_ends("{\n            \"subject\": \"a\"").is_none());
    }

    /// A base whose articles share names and id families: two people made from the id
    /// `kim` (the second moves on to a free id), one made from `kim-2` itself, a "Putin" who
    /// becomes "Vladimir Putin", zoos `zoo`, `zoo-2`, `zoo-3`, countries; each article
    /// names a few of them (picked by a fixed sequence) and states facts between them.
    fn family_base() -> KnowledgeBase {
        let pool: [(&str, &str, Kind, &[&str]); 24] = [
            ("kim", "Kim Jong Un", Kind::Person, &["Kim"]),
            ("kim", "Kim Yo Jong", Kind::Person, &[]),
            ("kim-2", "Kim Il Sung", Kind::Person, &[]),
            ("putin", "Putin", Kind::Person, &[]),
            ("vladimir-putin", "Vladimir Putin", Kind::Person, &["Putin"]),
            ("anna-petrova", "Anna Petrova", Kind::Person, &["Petrova"]),
            ("petrova", "Petrova", Kind::Person, &[]),
            ("ivan-petrova", "Ivan Petrova", Kind::Person, &[]),
            ("zoo", "Oslo Zoo", Kind::Institution, &[]),
            ("zoo-2", "Lima Zoo", Kind::Institution, &["the Lima Zoo"]),
            ("zoo-3", "Accra Zoo", Kind::Institution, &[]),
            ("zoo", "Oslo Zoo", Kind::Institution, &["the zoo in Oslo"]),
            ("lake", "Lake Oslo", Kind::Place, &[]),
            ("lake-2", "Lake Lima", Kind::Place, &[]),
            ("lake-2-3", "Lake Accra", Kind::Place, &[]),
            ("lake-7", "Lake Hanoi", Kind::Place, &["Hanoi Lake"]),
            ("norway", "Norway", Kind::Country, &["Kingdom of Norway"]),
            ("chile", "Chile", Kind::Country, &[]),
            ("kenya", "Kenya", Kind::Country, &[]),
            ("ghana", "Ghana", Kind::Country, &["Republic of Ghana"]),
            ("peru", "Peru", Kind::Country, &[]),
            ("red-panda", "red panda", Kind::Animal, &["red pandas"]),
            ("otter", "otter", Kind::Animal, &["otters"]),
            ("nairobi-2", "Nairobi", Kind::Place, &[]),
        ];
        let mut lcg = kg_testkit::lcg::Lcg::new(7);
        let mut next = |n: usize| lcg.below(n);
        let mut articles = Vec::new();
        for a in 0..40 {
            let id = format!("a{a:02}");
            let mut picked: Vec<usize> = Vec::new();
            while picked.len() < 3 + a % 3 {
                // (the first three, made from `kim` and `kim-2`, named below)
                let k = 3 + next(pool.len() - 3);
                // (one article names an id once: the extractor's ids are its own)
                if !picked.iter().any(|&p| pool[p].0 == pool[k].0) {
                    picked.push(k);
                }
            }
            // Kim Jong Un, then Kim Il Sung (`kim-2`), then Kim Yo Jong, made from `kim`,
            // who moves past both to `kim-3`; then Kim Jong Un again.
            match a {
                3 | 30 => picked.push(0),
                10 => picked.push(2),
                20 => picked.push(1),
                _ => {}
            }
            let entities: Vec<Entity> = picked
                .iter()
                .map(|&k| {
                    let (eid, name, kind, aliases) = pool[k];
                    let mut e = Entity::new(eid, name, kind);
                    e.aliases = aliases.iter().map(|s| s.to_string()).collect();
                    e
                })
                .collect();
            let mut facts = Vec::new();
            for (n, w) in picked.windows(2).enumerate() {
                let relation = if n % 2 == 0 {
                    Relation::CooperatesWith
                } else {
                    Relation::MemberOf
                };
                let mut f = Fact::new(pool[w[0]].0, relation, pool[w[1]].0);
                f.source = Some(id.clone());
                f.span = Some([n * 10, n * 10 + 5]);
                facts.push(f);
            }
            articles.push(Extraction {
                source: Source::new(id),
                entities,
                facts,
                changes_entities: None,
            });
        }
        let mut kb = KnowledgeBase::empty();
        kb.articles = articles;
        kb.rebuild(&Decisions::default());
        kb
    }

    /// The removal entry of each article at the fine grain and at the family grain, on
    /// the base's text and its snapshot.
    fn entries_at_both_grains(kb: &KnowledgeBase) -> Vec<(String, Option<Entry>, Option<Entry>)> {
        use crate::store::snapshot::{Snapshot, Stamp, build, map::Bytes};
        let text = kb.to_json();
        let graph = crate::store::from_json(&text).unwrap();
        let built = build(graph, Stamp::default()).unwrap();
        let snap = Snapshot::open(Bytes::Owned(built.into_bytes())).unwrap();
        let d = Decisions::default();
        let mut out = Vec::new();
        for a in &kb.articles {
            let overlay = Overlay::new(&snap, super::super::Journal::new(snap.stamp())).unwrap();
            let id = a.source.id.as_str();
            let base = Articles::of_text(&text, &|| {}).expect("laid out");
            let at = |grain| excise_at(&base, &overlay, &d, id, &|| {}, grain);
            out.push((id.to_string(), at(Grain::Fine), at(Grain::Family)));
        }
        out
    }

    /// The fine grain's removal is the family grain's wherever it tells one (it gives up
    /// where a new entity's id was taken in its replays, and the family grain is asked
    /// then), and it tells one for most articles of a base whose ids share families.
    #[test]
    fn the_fine_grain_removes_as_the_family_grain_does() {
        let kb = family_base();
        let ids: Vec<&str> = kb.graph.entities.iter().map(|e| e.id.as_str()).collect();
        // ("Kim Yo Jong", made from `kim`, moved past `kim` and `kim-2`)
        assert!(ids.contains(&"kim-3"), "an id taken: {ids:?}");
        let (mut fine, mut family, mut both) = (0, 0, 0);
        for (id, at_fine, at_family) in entries_at_both_grains(&kb) {
            if id == "a03" {
                // (without it Kim Yo Jong takes `kim`: the fine grain cannot tell)
                assert!(at_fine.is_none() && at_family.is_some(), "{id}");
            }
            fine += usize::from(at_fine.is_some());
            family += usize::from(at_family.is_some());
            if let (Some(a), Some(b)) = (&at_fine, &at_family) {
                assert_eq!(a, b, "{id}");
                both += 1;
            }
        }
        assert!(family >= 4, "{family}");
        assert!(both >= 2, "fine {fine}, family {family}, both {both}");
    }

    #[test]
    fn a_map_on_two_threads_keeps_the_order() {
        let items: Vec<u32> = (0..1000).collect();
        let square = |x: &u32| u64::from(*x) * u64::from(*x);
        let want: Vec<u64> = items.iter().map(square).collect();
        assert_eq!(par_map(&items, square), want);
        assert_eq!(par_map(&items[..1], square), want[..1]);
    }

    /// An article's part read from its record (its head and the facts kept) is the part
    /// [`reduce`] makes of the whole record parsed and prepared.
    #[test]
    fn a_part_read_from_the_record_is_the_part_of_the_whole_article() {
        let entity = |id: &str, name: &str, kind: Kind, aliases: &[&str]| {
            let mut e = Entity::new(id, name, kind);
            e.aliases = aliases.iter().map(|a| a.to_string()).collect();
            e
        };
        let mut evidenced = Fact::new("zoo", Relation::LocatedIn, "moscow");
        evidenced.evidence = Some("The \"Moscow Zoo\", in Moscow.".into());
        let with_facts = Extraction {
            source: Source::new("a"),
            entities: vec![
                entity("zoo", "Moscow Zoo", Kind::Institution, &["Moscow", "MZ"]),
                entity("moscow", "Moscow", Kind::Place, &["Moskva"]),
                entity("putin", "Vladimir Putin", Kind::Person, &["Putin"]),
                entity("russia", "Russia", Kind::Country, &["Moscow Zoo"]),
            ],
            facts: vec![
                evidenced,
                Fact::new("putin", Relation::Leads, "russia"),
                Fact::new("putin", Relation::MemberOf, "zoo"),
                Fact::new("zoo", Relation::LocatedIn, "nowhere"),
            ],
            changes_entities: Some(true),
        };
        let without_facts = Extraction {
            source: Source::new("b"),
            facts: Vec::new(),
            changes_entities: Some(false),
            ..with_facts.clone()
        };
        let mut kb = KnowledgeBase::empty();
        kb.articles = vec![with_facts, without_facts];
        let text = kb.to_json();
        let (records, _, _) = super::super::fold::article_records(&text, &|| {}).expect("laid out");
        let prep = Builder::new(&Decisions::default());
        for &record in &records {
            for which in 0..1 << 4 {
                let marks: Vec<bool> = (0..4).map(|i| which & (1 << i) != 0).collect();
                let mut whole: Extraction = serde_json::from_str(record).unwrap();
                prep.prepare_in_place(&mut whole);
                let want = reduce(whole, marks.clone());
                let (h, flag) = head(record).expect("laid out as kg writes it");
                let got = component_part(record, h, flag, marks).expect("laid out as kg writes it");
                assert_eq!(got, want, "{which:b}");
            }
        }
        assert_eq!(fact_records(records[0]).map(|f| f.len()), Some(4));
        // Every fact's ends read from its lines are the ends parsed.
        for text in fact_records(records[0]).unwrap() {
            let (got, want) = (
                fact_ends(text).unwrap(),
                serde_json::from_str::<Ends>(text).unwrap(),
            );
            assert_eq!((got.subject, got.object), (want.subject, want.object));
        }
        assert_eq!(fact_records(records[1]).map(|f| f.len()), Some(0));
        assert!(fact_records(&records[0].replace("\n          {", "\n         {")).is_none());
    }

    /// The mentions the replays read of an article not renamed when prepared (only its
    /// entities in the component read whole, the others by name where an alias needs
    /// them) are those of the whole record parsed and prepared.
    #[test]
    fn the_mentions_read_from_the_record_are_those_of_the_whole_article() {
        let entity = |id: &str, name: &str, kind: Kind, aliases: &[&str]| {
            let mut e = Entity::new(id, name, kind);
            e.aliases = aliases.iter().map(|a| a.to_string()).collect();
            e
        };
        let mut odd = entity("odd", "The \"Odd\" One\\", Kind::Thing, &["Moskva", "Odd"]);
        odd.extra
            .insert("note".into(), serde_json::json!({"kept": [1, "two"]}));
        let article = |id: &str, entities: Vec<Entity>, flag: bool| Extraction {
            source: Source::new(id),
            entities,
            facts: vec![Fact::new("putin", Relation::Leads, "russia")],
            changes_entities: Some(flag),
        };
        let mut kb = KnowledgeBase::empty();
        kb.articles = vec![
            article(
                "a",
                vec![
                    entity("zoo", "Moscow Zoo", Kind::Institution, &["Moscow", "MZ"]),
                    entity("moscow", "Moscow", Kind::Place, &["Moskva"]),
                    entity("putin", "Vladimir Putin", Kind::Person, &["Putin"]),
                    entity("russia", "Russia", Kind::Country, &["Moscow Zoo", "Moskva"]),
                    odd,
                ],
                true,
            ),
            // no alias: only the entities kept are read
            article(
                "b",
                vec![
                    entity("putin", "Vladimir Putin", Kind::Person, &[]),
                    entity("russia", "Russia", Kind::Country, &[]),
                ],
                false,
            ),
        ];
        let text = kb.to_json();
        let (records, _, _) = super::super::fold::article_records(&text, &|| {}).expect("laid out");
        let decisions = Decisions::default();
        let prep = Builder::new(&decisions);
        for &record in &records {
            let (h, flag) = head(record).expect("laid out as kg writes it");
            assert!(!component::renamed(&h, &decisions));
            let n = h.entities.len();
            for which in 0..1 << n {
                let marks: Vec<bool> = (0..n).map(|i| which & (1 << i) != 0).collect();
                let mut whole: Extraction = serde_json::from_str(record).unwrap();
                prep.prepare_in_place(&mut whole);
                let mut keep = marks.iter();
                whole.entities.retain(|_| *keep.next().unwrap());
                whole.facts.clear();
                whole.changes_entities = Some(flag);
                let want = (whole, vec![true; marks.iter().filter(|m| **m).count()]);
                let got = mentions_part(record, flag, &marks, None).expect("laid out");
                assert_eq!(got, want, "{which:b}");
                let parsed = mentions_part(record, flag, &marks, Some(&prep)).expect("parses");
                assert_eq!(parsed, want, "{which:b}");
            }
            assert!(mentions_part(record, flag, &[true], None).is_none());
        }
    }
}
