//! [`replay`]: what the rebuild under one more merge decision changes, told by replaying
//! only the articles that decision can touch (the "component replay" of `kg compact`
//! after `kg merge A B` through the journal; see [`super::fold`]).
//!
//! The [`Builder`]'s entity side meets an article only through the article's entities:
//! the lookup keys of their names (the index lists of those keys, the entities on them),
//! the id families of the new ones (an id and its `-N` variants: a new entity's id is
//! made unique among them), and, after each article, the merge decisions' names. So the
//! union of those (every name of one mentioned entity with its id family, each merge
//! decision's two names) splits the entities into components that evolve independently:
//! one entity's state depends only on the mentions of its component, in article order.
//! The one exception, merges that an application of the decisions leaves to the next
//! one (a second decision made the first one's name unambiguous), is caught: the replay
//! gives up when applying the decisions twice in a row joins more.
//!
//! A base kg built is the rebuild of its articles under the decisions it records (the
//! premise this module leans on, as the journalled merge does). The rebuild under those
//! decisions and one merge more differs from it only in the component of that merge's
//! names: replaying, under both decision sets, the mentions of that component alone (each
//! article's entities in it, in article order) gives
//!
//! - the component's entities as the new rebuild writes them, which the fold checks
//!   against the base's entities of the component with the merge line applied;
//! - each article's `changes_entities` in the component under both: an article's flag is
//!   the or of its components' flags, the others' are the same under both decisions, so
//!   its new flag is its old one where the component's part is the same in both, and
//!   true where the new part is; where the component's part went from changed to
//!   unchanged, the replay gives up (the whole replay says);
//! - where each statement's ends in the component settle under both: the new rebuild's
//!   facts are the base's with the merged entity's id renamed to the kept one's (what the
//!   merge line writes; [`super::unite`] refuses a rename onto another fact's key) when
//!   every end settles under the new decisions where the rename takes its old place.
//!
//! Anything else (an article that does not parse, a fact from an entity to itself, a
//! journal holding more than the one merge) gives up, and the caller replays the whole
//! rebuild ([`super::replay`]).
//!
//! # Complexity
//! O(size of the articles) to parse every article and union its names (no entity is
//! merged), then the component's articles merged twice; memory: a key per distinct name
//! and id family, a number per mention.

use super::Extraction;
use super::decisions::{Decisions, Verb};
use super::merge::Builder;
use super::qualify::{is_generic, qualifiers};
use crate::model::name::{lookup_key, lookup_key_into};
use crate::model::{Entity, Kind, Source};
use rustc_hash::FxHashMap;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use xxhash_rust::xxh3::xxh3_64;

/// The names and id families, as a union-find of their keys' hashes (two keys of one
/// hash are one key: components only grow by it, which never makes the replay wrong).
#[derive(Default)]
pub(super) struct Tokens {
    at: FxHashMap<u64, u32>,
    parent: Vec<u32>,
}

/// An id less its `-N` suffixes: the family a new entity's id is made unique in.
pub(super) fn id_family(id: &str) -> &str {
    let mut id = id;
    while let Some((rest, n)) = id.rsplit_once('-') {
        if rest.is_empty() || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        id = rest;
    }
    id
}

/// The key of a name.
pub(super) fn name_key(key: &str) -> u64 {
    xxh3_64(key.as_bytes())
}

/// The keys of an entity: its names' lookup keys, and its id family (marked apart).
pub(super) fn keys(e: &Entity) -> impl Iterator<Item = u64> + '_ {
    let family = xxh3_64(id_family(&base_id(e)).as_bytes()) ^ 0x9e37_79b9_7f4a_7c15;
    names_keys(e).chain(std::iter::once(family))
}

/// The lookup keys of an entity's names.
fn names_keys(e: &Entity) -> impl Iterator<Item = u64> + '_ {
    let mut key = String::new();
    e.names().map(move |n| {
        lookup_key_into(n, &mut key);
        name_key(&key)
    })
}

/// The key of an exact id (marked apart from names and families): the slot a new entity
/// made from that id takes when it is free.
pub(super) fn slot_key(id: &str) -> u64 {
    xxh3_64(id.as_bytes()) ^ 0x6a09_e667_f3bc_c908
}

/// The id a new entity made from `e` starts from: its own, or a slug of its name.
fn base_id(e: &Entity) -> std::borrow::Cow<'_, str> {
    if e.id.is_empty() {
        std::borrow::Cow::Owned(crate::model::slug(&e.name))
    } else {
        std::borrow::Cow::Borrowed(e.id.as_str())
    }
}

/// The keys of an entity at the finer grain of a removal ([`super::excise`]): its names'
/// lookup keys and its exact id's slot ([`slot_key`]), not its id family.
pub(super) fn fine_keys(e: &Entity) -> impl Iterator<Item = u64> + '_ {
    let slot = slot_key(&base_id(e));
    names_keys(e).chain(std::iter::once(slot))
}

/// The ids a new entity made from `id` could have taken its slot from: `id` less one
/// `-N` suffix, then less another, and so on (`a-2-3`: `a-2`, `a`). A new entity made
/// from `p` whose id is taken tries `p-2`, `p-3`, ...: only from these can another
/// entity come to hold `id` (see [`super::excise`]).
pub(super) fn ancestors(id: &str) -> impl Iterator<Item = &str> {
    let mut at = id;
    std::iter::from_fn(move || {
        let (rest, n) = at.rsplit_once('-')?;
        if rest.is_empty() || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        at = rest;
        Some(rest)
    })
}

/// The slot key of the id a new entity made from `e` starts from, and its ancestors'
/// ([`ancestors`]).
pub(super) fn slots(e: &Entity) -> (u64, Vec<u64>) {
    let id = base_id(e);
    (slot_key(&id), ancestors(&id).map(slot_key).collect())
}

/// An article's record up to its facts.
#[derive(Deserialize)]
pub(super) struct Head {
    pub(super) source: Source,
    #[serde(default)]
    pub(super) entities: Vec<Entity>,
}

/// An article's source and entities, and its `changes_entities` flag, read from its
/// record without its facts (the base's layout: the `"facts"` line at eight spaces, the
/// flag last); `None` when the record is not laid out so or does not parse.
pub(super) fn head(record: &str) -> Option<(Head, bool)> {
    Some((parse_head(record)?, flag(record.as_bytes())?))
}

/// An article's source and entities, read from its record's text up to its `"facts"` key
/// at least (the rest is not read); `None` when it is not laid out so or does not parse.
pub(super) fn parse_head(record: &str) -> Option<Head> {
    serde_json::from_str(&head_text(record)?).ok()
}

/// An article's stored `changes_entities` flag, read from its record's last line.
pub(super) fn flag(record: &[u8]) -> Option<bool> {
    let pad = b"\n      }";
    let rest = record.strip_suffix(pad)?;
    if rest.ends_with(b"\"changes_entities\": true") {
        Some(true)
    } else if rest.ends_with(b"\"changes_entities\": false") {
        Some(false)
    } else {
        None
    }
}

/// The line that opens an article's facts in its record, as kg lays bases out: what
/// ends the part of the record [`parse_head`] reads.
pub(super) const FACTS_KEY: &str = "\n        \"facts\": ";

/// An article's record up to its facts, as a JSON object of its own (the base's layout:
/// the `"facts"` line at eight spaces); `None` when it is not laid out so.
fn head_text(record: &str) -> Option<String> {
    let at = memchr::memmem::find(record.as_bytes(), FACTS_KEY.as_bytes())?;
    Some(format!("{}}}", record[..at].strip_suffix(',')?))
}

/// An article's source and the entities of it that `marks` says, read from its record
/// as [`head`] reads them, each with its aliases made safe as preparing an article that is
/// not [`renamed`] makes them ([`super::aliases::make_safe_where`]: against every entity
/// of the article, whose others are then read for their names alone). Only those entities
/// are read whole (the entities of a removal's component, see [`super::excise`]). `None`
/// when the record is not laid out so, does not parse, or has not `marks.len()` entities.
pub(super) fn marked_entities(record: &str, marks: &[bool]) -> Option<(Source, Vec<Entity>)> {
    #[derive(Deserialize)]
    struct Raw<'r> {
        source: Source,
        #[serde(default, borrow)]
        entities: Vec<&'r serde_json::value::RawValue>,
    }
    #[derive(Deserialize)]
    struct Named<'r> {
        #[serde(borrow)]
        name: std::borrow::Cow<'r, str>,
        kind: Kind,
    }
    let text = head_text(record)?;
    let raw: Raw = serde_json::from_str(&text).ok()?;
    if raw.entities.len() != marks.len() {
        return None;
    }
    let mut kept = Vec::new();
    for (e, _) in raw.entities.iter().zip(marks).filter(|(_, m)| **m) {
        kept.push(serde_json::from_str::<Entity>(e.get()).ok()?);
    }
    if kept.iter().all(|e| e.aliases.is_empty()) {
        return Some((raw.source, kept));
    }
    // Every entity in its place, the others by name (all `make_safe_where` reads of them).
    let mut kept = kept.into_iter();
    let mut all = Vec::with_capacity(marks.len());
    for (e, &whole) in raw.entities.iter().zip(marks) {
        all.push(if whole {
            kept.next()?
        } else {
            let n: Named = serde_json::from_str(e.get()).ok()?;
            Entity::new(String::new(), n.name, n.kind)
        });
    }
    super::aliases::make_safe_where(&mut all, |i| marks[i]);
    let mut keep = marks.iter();
    all.retain(|_| *keep.next().unwrap_or(&false));
    Some((raw.source, all))
}

/// The entities of the article `record` whose head is `head`, as `prep` (a builder under
/// the decisions) prepares them, and whether preparing may rename them ([`renamed`]):
/// the head's own when it may not, else the whole record parsed and prepared. `None`
/// when it does not parse.
pub(super) fn prepared_entities(
    head: Head,
    record: &str,
    decisions: &Decisions,
    prep: &Builder,
) -> Option<(Vec<Entity>, bool)> {
    if !renamed(&head, decisions) {
        return Some((head.entities, false));
    }
    let mut a: Extraction = serde_json::from_str(record).ok()?;
    prep.prepare_in_place(&mut a);
    Some((a.entities, true))
}

/// True when preparing the article ([`Builder::prepare`]) may rename its entities: one
/// is a generic institution a country may name ([`super::qualify`]), or a `separate`
/// decision is about the article.
pub(super) fn renamed(head: &Head, decisions: &Decisions) -> bool {
    head.entities.iter().any(|e| {
        e.kind == Kind::Institution && is_generic(&e.name) && qualifiers(&e.name).is_empty()
    }) || decisions.separations().any(|(_, a, _)| a == head.source.id)
}

impl Tokens {
    pub(super) fn token(&mut self, key: u64) -> u32 {
        let next = self.parent.len() as u32;
        let t = *self.at.entry(key).or_insert(next);
        if t == next {
            self.parent.push(next);
        }
        t
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }

    /// Joins the tokens of every name key of `e` (its names and its id family) and
    /// returns the first; `None` for an entity with no key.
    pub(super) fn join(&mut self, e: &Entity) -> Option<u32> {
        let mut first = None;
        for key in keys(e) {
            let t = self.token(key);
            match first {
                None => first = Some(t),
                Some(f) => self.union(f, t),
            }
        }
        first
    }

    /// [`Tokens::join`] at the finer grain ([`fine_keys`]).
    pub(super) fn join_fine(&mut self, e: &Entity) -> Option<u32> {
        let keys: Vec<u64> = fine_keys(e).collect();
        self.join_keys(&keys)
    }

    /// [`Tokens::join`] of an entity's keys ([`keys`]); `None` for none.
    pub(super) fn join_keys(&mut self, keys: &[u64]) -> Option<u32> {
        let (&first, rest) = keys.split_first()?;
        let first = self.token(first);
        for &key in rest {
            let t = self.token(key);
            self.union(first, t);
        }
        Some(first)
    }

    pub(super) fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[a.max(b) as usize] = a.min(b);
        }
    }

    /// Every token pointed at its root.
    pub(super) fn flatten(&mut self) {
        for x in 0..self.parent.len() as u32 {
            let r = self.find(x);
            self.parent[x as usize] = r;
        }
    }

    /// The root of a token (after [`Tokens::flatten`]).
    pub(super) fn root_of(&self, t: u32) -> u32 {
        self.parent[t as usize]
    }

    /// The root of a key (after [`Tokens::flatten`]); `None` when no mention had it.
    pub(super) fn root(&self, key: u64) -> Option<u32> {
        self.at.get(&key).map(|&t| self.parent[t as usize])
    }
}

/// What the component replay found (see the module doc).
pub struct Local {
    /// Per base article: its new `changes_entities` where it must be written over the
    /// base's (else the article is copied as it is).
    pub flags: Vec<Option<bool>>,
    /// The component's entities as the new rebuild writes them, in order.
    pub entities: Vec<Entity>,
    /// How many base articles mention the component.
    pub articles: usize,
    tokens: Tokens,
    component: u32,
}

impl Local {
    /// True when the entity (of the base or of the merge line) is of the component.
    pub fn holds(&self, e: &Entity) -> bool {
        keys(e).any(|k| self.tokens.root(k) == Some(self.component))
    }
}

impl Run {
    /// The id each statement's end in the component settled on, in order.
    pub(super) fn ends(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.ends.iter().map(|&k| self.ids[k as usize].as_str())
    }

    /// The id each mention of the component (each article's entities in it, in order)
    /// settled on, in order.
    pub(super) fn mentions(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.mentions.iter().map(|&k| self.ids[k as usize].as_str())
    }
}

/// One replay of the component's mentions under some decisions.
pub(super) struct Run {
    /// Per article of the component: its part of the flag.
    pub(super) flags: Vec<bool>,
    /// The id each statement's end in the component settled on, in order: as a place in
    /// `ids` (one string per entity, not per end).
    ends: Vec<u32>,
    /// The same for each mention of the component, in order.
    mentions: Vec<u32>,
    ids: Vec<String>,
    pub(super) entities: Vec<Entity>,
}

pub(super) fn run<'a>(
    decisions: &Decisions,
    articles: impl IntoIterator<Item = &'a (Extraction, Vec<bool>)>,
) -> Option<Run> {
    let mut replay = Replay::new(decisions);
    for a in articles {
        replay.step(&Mentions::of(a))?;
    }
    Some(replay.finish())
}

/// [`run`] over all of `articles` and over all but the `j`th, as two runs that share the
/// replay of the articles before the `j`th (the state there is cloned): the two runs
/// with and without one article.
/// With `strict_ids`, either run gives up (`None`) when a new entity's id is taken and
/// it takes the next free one (what the finer grain of [`super::excise`] cannot model).
pub(super) fn run_without(
    decisions: &Decisions,
    articles: &[(Extraction, Vec<bool>)],
    j: usize,
    strict_ids: bool,
) -> Option<(Run, Run)> {
    // Each article's mentions made once, for both runs.
    let mentions: Vec<Mentions> = articles.iter().map(Mentions::of).collect();
    let (before, after) = (mentions.get(..j)?, &mentions[j + 1..]);
    if j > mentions.len() / 2 {
        // A long shared part: replayed once, the state there cloned.
        let mut with = Replay::new(decisions);
        with.strict_ids = strict_ids;
        for m in before {
            with.step(m)?;
        }
        let mut without = with.clone();
        for m in after {
            without.step(m)?;
        }
        let without = without.finish();
        for m in &mentions[j..] {
            with.step(m)?;
        }
        return Some((with.finish(), without));
    }
    // A short one: the two runs on two threads, each replaying it (a builder stays on
    // the thread that made it).
    let run = |ms: &mut dyn Iterator<Item = &Mentions>| -> Option<Run> {
        let mut r = Replay::new(decisions);
        r.strict_ids = strict_ids;
        for m in ms {
            r.step(m)?;
        }
        Some(r.finish())
    };
    let (with, without) = std::thread::scope(|s| {
        let other = s.spawn(|| run(&mut before.iter().chain(after)));
        let with = run(&mut mentions.iter());
        match other.join() {
            Ok(without) => (with, without),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    Some((with?, without?))
}

/// What a replay reads of an article of the component: its entities in the component
/// (without its facts), and the ids of the ends of each fact the rebuild keeps (both ends
/// among the article's entities), in order.
struct Mentions<'a> {
    source: &'a Source,
    entities: Vec<&'a Entity>,
    ends: Vec<(&'a str, &'a str)>,
}

impl<'a> Mentions<'a> {
    fn of((ex, inside): &'a (Extraction, Vec<bool>)) -> Self {
        let entities = ex
            .entities
            .iter()
            .zip(inside)
            .filter(|(_, m)| **m)
            .map(|(e, _)| e)
            .collect();
        let all: HashSet<&str> = ex.entities.iter().map(|e| e.id.as_str()).collect();
        let ends = ex
            .facts
            .iter()
            .map(|f| (f.subject.as_str(), f.object.as_str()))
            // (the rebuild leaves the others out)
            .filter(|(s, o)| all.contains(s) && all.contains(o))
            .collect();
        Mentions {
            source: &ex.source,
            entities,
            ends,
        }
    }
}

/// A replay of the component's mentions under way: the builder, each article's part of
/// its flag, and the builder's entity of each statement's end in the component, in
/// order.
#[derive(Clone)]
struct Replay {
    b: Builder<'static>,
    flags: Vec<bool>,
    at: Vec<usize>,
    /// The builder's entity of each mention, in order.
    at_mentions: Vec<usize>,
    /// Give up when a new entity's id is taken ([`run_without`]).
    strict_ids: bool,
}

impl Replay {
    fn new(decisions: &Decisions) -> Self {
        Replay {
            b: Builder::new(decisions),
            flags: Vec::new(),
            at: Vec::new(),
            at_mentions: Vec::new(),
            strict_ids: false,
        }
    }

    /// Merges the article's entities in the component (`None`: a merge left pending, or
    /// a fact from an entity to itself).
    fn step(&mut self, m: &Mentions<'_>) -> Option<()> {
        let b = &mut self.b;
        let local = b.add_prepared_entities(m.source, &m.entities);
        for e in &m.entities {
            self.at_mentions.push(*local.get(e.id.as_str())?);
        }
        self.flags.push(b.changed_entities());
        if b.merges_pending() || (self.strict_ids && b.probed()) {
            return None;
        }
        for &(s, o) in &m.ends {
            let (s, o) = (local.get(s), local.get(o));
            if s.is_some() && s == o {
                return None; // a fact from an entity to itself
            }
            self.at.extend(s.into_iter().chain(o).copied());
        }
        Some(())
    }

    fn finish(self) -> Run {
        let b = self.b;
        let mut place: FxHashMap<usize, u32> = FxHashMap::default();
        let mut ids = Vec::new();
        let mut place_of = |i: usize| {
            let at = b.settled(i);
            *place.entry(at).or_insert_with(|| {
                ids.push(b.id_at(at).to_string());
                (ids.len() - 1) as u32
            })
        };
        let ends = self.at.into_iter().map(&mut place_of).collect();
        let mentions = self.at_mentions.into_iter().map(&mut place_of).collect();
        Run {
            flags: self.flags,
            ends,
            mentions,
            ids,
            entities: b.finish(Default::default()).entities,
        }
    }
}

/// The component replay of a base whose articles are the records `articles`, built
/// under `old` (its decisions' fingerprint), folded with a journal of one merge (the
/// kept entity's id and the merged one's: `merged`) that made the decisions `new`.
/// `None` when it cannot tell (see the module doc).
pub fn replay<'t>(
    articles: impl Iterator<Item = &'t str> + Clone,
    old: &str,
    new: &Decisions,
    merged: [&str; 2],
) -> Option<Local> {
    // The decisions before the merge: the new ones less one merge.
    let (old_decisions, decision) = new
        .iter()
        .filter(|d| d.verb == Verb::Merge)
        .map(|d| (new.without(d), d))
        .find(|(o, _)| o.fingerprint() == old)?;
    let prep = Builder::new(new);
    let mut tokens = Tokens::default();
    let mut ids = HashSet::default();
    // Per article: its old flag; per mention: a token of it.
    let (mut base_flags, mut starts, mut mention) = (Vec::new(), Vec::new(), Vec::new());
    for text in articles.clone() {
        let (h, flag) = head(text)?;
        if !ids.insert(h.source.id.clone()) {
            return None;
        }
        base_flags.push(flag);
        // Prepared as the builder does (its names made safe are some of its names).
        let (entities, _) = prepared_entities(h, text, new, &prep)?;
        starts.push(mention.len());
        for e in &entities {
            mention.push(tokens.join(e).expect("an id family"));
        }
    }
    starts.push(mention.len());
    for (a, b) in new.merges() {
        let (a, b) = (tokens.token(name_key(&a)), tokens.token(name_key(&b)));
        tokens.union(a, b);
    }
    tokens.flatten();
    let component = tokens.root(name_key(&lookup_key(&decision.a)))?;
    // The component's articles, prepared, with which of their entities are in it.
    let mut inside: Vec<(usize, (Extraction, Vec<bool>))> = Vec::new();
    for (k, text) in articles.enumerate() {
        let marks: Vec<bool> = mention[starts[k]..starts[k + 1]]
            .iter()
            .map(|&t| tokens.parent[t as usize] == component)
            .collect();
        if !marks.contains(&true) {
            continue;
        }
        let mut a: Extraction = serde_json::from_str(text).ok()?;
        prep.prepare_in_place(&mut a);
        if a.entities.len() != marks.len() {
            return None;
        }
        inside.push((k, (a, marks)));
    }
    let (ks, parts): (Vec<usize>, Vec<(Extraction, Vec<bool>)>) = inside.into_iter().unzip();
    let before = run(&old_decisions, &parts)?;
    let after = run(new, &parts)?;
    // Every end settles where the rename puts its old place.
    let [kept, went] = merged;
    let renamed = |id: &str| if id == went { kept } else { id }.to_string();
    if before.ends.len() != after.ends.len()
        || before
            .ends()
            .zip(after.ends())
            .any(|(o, n)| renamed(o) != n)
    {
        return None;
    }
    let mut flags = vec![None; base_flags.len()];
    for (j, &k) in ks.iter().enumerate() {
        let (was, now, stored) = (before.flags[j], after.flags[j], base_flags[k]);
        if was && !stored {
            return None; // the base is not the rebuild of its articles
        }
        match (was, now) {
            (_, true) => flags[k] = (!stored).then_some(true),
            (true, false) => return None, // the rest of the article may not change
            (false, false) => {}
        }
    }
    Some(Local {
        flags,
        entities: after.entities,
        articles: ks.len(),
        tokens,
        component,
    })
}

/// Checks the entities a fold writes against the component replay's: those of the
/// component must be its entities, in order.
pub struct Check<'l> {
    local: &'l Local,
    at: usize,
    ok: bool,
}

impl<'l> Check<'l> {
    pub fn new(local: &'l Local) -> Check<'l> {
        Check {
            local,
            at: 0,
            ok: true,
        }
    }

    /// The next entity written.
    pub fn entity(&mut self, e: &Entity) {
        if self.local.holds(e) {
            self.ok &= self.local.entities.get(self.at) == Some(e);
            self.at += 1;
        }
    }

    /// True when the component's entities written were the new rebuild's.
    pub fn passed(&self) -> bool {
        self.ok && self.at == self.local.entities.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ids_ancestors_are_the_ids_a_new_entity_may_have_come_to_it_from() {
        let up = |id: &'static str| ancestors(id).collect::<Vec<_>>();
        assert_eq!(up("kim-2-3"), ["kim-2", "kim"]);
        assert_eq!(up("alvburg-springs-5"), ["alvburg-springs"]);
        assert!(up("kim").is_empty() && up("-2").is_empty() && up("f-16x").is_empty());
        assert_eq!(up("f-16-2"), ["f-16", "f"], "more than it needs is no harm");
        // An entity with no id starts from a slug of its name.
        let e = Entity::new("", "Kim 2", Kind::Person);
        assert_eq!(slots(&e), (slot_key("kim-2"), vec![slot_key("kim")]));
        // Its fine keys: its names and its exact id, not its family.
        let fine: Vec<u64> = fine_keys(&e).collect();
        assert!(fine.contains(&slot_key("kim-2")) && !fine.contains(&slot_key("kim")));
        assert_eq!(fine.len(), 2);
    }

    #[test]
    fn an_id_family_is_the_id_less_its_number_suffixes() {
        assert_eq!(id_family("alvburg-springs-5"), "alvburg-springs");
        assert_eq!(id_family("kim-jong-un-2-3"), "kim-jong-un");
        assert_eq!(id_family("kim"), "kim");
        assert_eq!(id_family("-2"), "-2");
        assert_eq!(id_family("f-16x"), "f-16x");
    }

    /// The two runs that share the replay before the article left out are the runs
    /// over all the articles and over the others.
    #[test]
    fn a_run_without_an_article_is_the_run_over_the_others() {
        use crate::model::{Fact, Relation};
        let person = |id: &str, name: &str, aliases: &[&str]| {
            let mut e = Entity::new(id, name, Kind::Person);
            e.aliases = aliases.iter().map(|a| a.to_string()).collect();
            e
        };
        let article = |id: &str, entities: Vec<Entity>, facts: Vec<Fact>| {
            let marks = vec![true; entities.len()];
            let a = Extraction {
                source: Source::new(id),
                entities,
                facts,
                changes_entities: None,
            };
            (a, marks)
        };
        let russia = || Entity::new("russia", "Russia", Kind::Country);
        let leads = |s: &str| Fact::new(s, Relation::Leads, "russia");
        let parts = [
            article(
                "a",
                vec![person("putin", "Putin", &[]), russia()],
                vec![leads("putin")],
            ),
            article(
                "b",
                vec![person("vp", "Vladimir Putin", &["Putin"]), russia()],
                vec![leads("vp")],
            ),
            article(
                "c",
                vec![person("putin", "Putin", &[]), russia()],
                vec![leads("putin")],
            ),
            article("d", vec![person("vp", "Vladimir Putin", &[])], vec![]),
        ];
        let d = Decisions::default();
        let same = |x: &Run, y: &Run| {
            let ends = |r: &Run| r.ends().map(String::from).collect::<Vec<_>>();
            (&x.flags, ends(x), &x.entities) == (&y.flags, ends(y), &y.entities)
        };
        for j in 0..parts.len() {
            let (with, without) = run_without(&d, &parts, j, false).expect("a run");
            assert!(same(&with, &run(&d, &parts).unwrap()), "{j}: with");
            let others = parts
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != j)
                .map(|(_, p)| p);
            assert!(same(&without, &run(&d, others).unwrap()), "{j}: without");
            let ids = |r: &Run| r.entities.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
            // Without the first, the second's id; without the second, the last's
            // "Vladimir Putin" joins no "Putin".
            let want = match j {
                0 => &["russia", "vp"][..],
                1 => &["putin", "russia", "vp"],
                _ => &["putin", "russia"],
            };
            assert_eq!(ids(&without), want, "{j}: the entity's id");
        }
    }

    #[test]
    fn joining_an_entitys_keys_is_joining_the_entity() {
        let mut putin = Entity::new("putin-2", "Vladimir Putin", Kind::Person);
        putin.aliases = vec!["Putin".into()];
        let entities = [
            putin,
            Entity::new("putin", "Putin", Kind::Person),
            Entity::new("russia", "Russia", Kind::Country),
        ];
        let (mut by_entity, mut by_keys) = (Tokens::default(), Tokens::default());
        for e in &entities {
            let keys: Vec<u64> = keys(e).collect();
            assert_eq!(by_keys.join_keys(&keys), by_entity.join(e));
        }
        by_entity.flatten();
        by_keys.flatten();
        assert_eq!(by_keys.parent, by_entity.parent);
        assert_eq!(
            by_keys.root_of(0),
            by_keys.root_of(2),
            "Putin's names and family"
        );
        assert_ne!(
            by_keys.root_of(0),
            by_keys.root(keys(&entities[2]).next().unwrap()).unwrap()
        );
        assert_eq!(Tokens::default().join_keys(&[]), None);
    }

    #[test]
    fn a_head_is_read_without_the_facts() {
        let rec = "      {\n        \"source\": {\n          \"id\": \"a\"\n        },\n        \"entities\": [],\n        \"facts\": [],\n        \"changes_entities\": true\n      }";
        let (h, flag) = head(rec).expect("laid out as kg writes it");
        assert_eq!(h.source.id, "a");
        assert!(h.entities.is_empty() && flag);
        assert!(head(&rec.replace("true", "null")).is_none());
    }
}
