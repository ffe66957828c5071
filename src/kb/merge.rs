//! [`Builder`]: merges article extractions into one graph, entity by entity and fact by
//! fact, honouring the reviewed [`Decisions`].
//!
//! Entities. An article's entity joins the base entity of the same kind that the names
//! say it is, scored by the strongest shared name: both canonical names equal (3); the
//! canonical name of one is a name of the other (2); a distinctive alias shared (1: one of
//! several words, or an acronym like "DPRK"). The best score must point at exactly one
//! base entity; otherwise the article's entity stands apart. A one-word name ("Kim")
//! links only when one base entity of that kind goes by it; two people whose full names
//! differ ("Kim Jong Un", "Kim Yo Jong") never join through a shared short name; two
//! entities of one article never join each other. Joining adds the names as aliases and
//! takes the fuller canonical name ("Putin" becomes "Vladimir Putin"); the entity keeps
//! the id it was first given.
//!
//! Facts. One fact per (subject, relation, object, date) (symmetric relations in either
//! order), carrying every provenance that states it (see [`crate::model::Provenance`]).
//!
//! Each article is merged in O(size of the article) expected time, whatever the size of
//! the base: lookups go through hash maps of names and fact keys.

use super::Extraction;
use super::aliases;
use super::decisions::Decisions;
use super::known::Known;
use super::qualify::{self, qualify};
use super::separate::separate;
use crate::model::name::lookup_key;
use crate::model::{Entity, Fact, GraphFile, Kind, Provenance, Relation, Source};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;

/// The identity of a fact: subject, relation, object, date.
pub(crate) type FactKey = (String, Relation, String, Option<String>);

/// A [`FactKey`] borrowed from its fact.
pub(crate) type FactKeyRef<'f> = (&'f str, Relation, &'f str, Option<&'f str>);

/// A fact's identity (symmetric relations in either order).
pub(crate) fn fact_key(f: &Fact) -> FactKey {
    let (s, r, o, d) = fact_key_ref(f);
    (s.to_owned(), r, o.to_owned(), d.map(str::to_owned))
}

/// [`fact_key`], borrowed from the fact (no string copied: for maps of many facts).
pub(crate) fn fact_key_ref(f: &Fact) -> FactKeyRef<'_> {
    let (s, o) = if f.relation.is_symmetric() && f.object < f.subject {
        (&f.object, &f.subject)
    } else {
        (&f.subject, &f.object)
    };
    (s, f.relation, o, f.date.as_deref())
}

/// A [`FactKey`] borrowed.
pub(crate) fn key_ref(k: &FactKey) -> FactKeyRef<'_> {
    (&k.0, k.1, &k.2, k.3.as_deref())
}

/// A fact being built: its provenances kept typed (and indexed by place) until
/// [`Builder::finish`], so a fact stated by many articles takes each new one in O(1).
#[derive(Clone)]
struct Merged {
    fact: Fact,
    provenances: Vec<Provenance>,
    places: HashSet<Place>,
}

/// Where a provenance states a fact: source and span (or evidence when there is no span).
pub(crate) type Place = (Option<String>, Option<[usize; 2]>, Option<String>);

pub(crate) fn place(p: &Provenance) -> Place {
    let evidence = if p.span.is_none() {
        p.evidence.clone()
    } else {
        None
    };
    (p.source.clone(), p.span, evidence)
}

/// [`place`] of a fact's own (first) provenance, borrowed from the fact.
pub(crate) fn first_place(f: &Fact) -> (Option<&str>, Option<[usize; 2]>, Option<&str>) {
    let evidence = if f.span.is_none() {
        f.evidence.as_deref()
    } else {
        None
    };
    (f.source.as_deref(), f.span, evidence)
}

impl Merged {
    fn new(mut fact: Fact) -> Self {
        let provenances = fact.provenances();
        fact.extra.remove("also");
        let places = provenances.iter().map(place).collect();
        Merged {
            fact,
            provenances,
            places,
        }
    }

    fn add(&mut self, p: Provenance) {
        if self.places.insert(place(&p)) {
            self.provenances.push(p);
        }
    }

    fn into_fact(self) -> Fact {
        let mut f = self.fact;
        f.set_provenances(self.provenances);
        f
    }
}

/// Adds fact `f` of key `key` to `facts` (indexed by key in `index`): its provenances to
/// the fact of that key, each place once, or the fact itself when the key is new.
fn put_fact(
    facts: &mut Vec<Option<Merged>>,
    index: &mut HashMap<FactKey, usize>,
    key: FactKey,
    f: Fact,
) {
    match index.get(&key) {
        Some(&j) => {
            let have = facts[j].as_mut().expect("live fact");
            for p in f.provenances() {
                have.add(p);
            }
        }
        None => {
            index.insert(key, facts.len());
            facts.push(Some(Merged::new(f)));
        }
    }
}

/// The facts a [`Builder`] under no merge decision makes of `statements` (facts whose
/// ends are already the builder's ids of the entities they settled on), met in this
/// order: one fact per [`fact_key`], with the fields of the first statement of it and
/// each place that states it once, as [`Builder::finish`] writes them (unsorted). Under
/// merge decisions the builder moves the facts of an entity merged into another, which
/// this does not.
pub(crate) fn merged_facts(statements: impl IntoIterator<Item = Fact>) -> Vec<Fact> {
    let (mut facts, mut index) = (Vec::new(), HashMap::default());
    for f in statements {
        put_fact(&mut facts, &mut index, fact_key(&f), f);
    }
    facts.into_iter().flatten().map(Merged::into_fact).collect()
}

/// The graph being built: the whole of it, or (over a [`Known`] base) the part of the
/// base the new articles touch, read from it as they need it. A clone goes on apart
/// from the same state.
#[derive(Clone)]
pub struct Builder<'k> {
    splits: Vec<(String, String)>,
    /// `separate` decisions: (the article's name of the entity, article id, new name).
    separations: Vec<(String, String, String)>,
    merges: Vec<(String, String)>,
    entities: Vec<Option<Entity>>,
    /// Normalized names of each entity (canonical and aliases).
    names: Vec<HashSet<String>>,
    /// Normalized name -> entities going by it.
    index: HashMap<String, Vec<usize>>,
    ids: HashMap<String, usize>,
    facts: Vec<Option<Merged>>,
    fact_index: HashMap<FactKey, usize>,
    sources: Vec<Source>,
    source_at: HashMap<String, usize>,
    /// The base merged into, when this builder does not hold it.
    known: Option<&'k dyn Known>,
    /// Names whose entities were read from `known`.
    read_names: HashSet<String>,
    /// Entities and facts read from `known`, as they were there.
    known_entities: HashMap<usize, Entity>,
    known_facts: HashMap<usize, Fact>,
    /// A merge decision moved an entity of `known` into another: only a rebuild can say
    /// what that changes.
    outgrown: bool,
    /// The last article merged changed the entities (see
    /// [`Builder::changed_entities`]).
    changed: bool,
    /// Each entity a merge decision moved into another: the one it went into.
    absorbed: HashMap<usize, usize>,
    /// A new entity's id was taken and it took the next free one (see
    /// [`Builder::probed`]).
    probed: bool,
}

/// A one-word name that is not an acronym: it links entities only when unambiguous.
fn is_weak(display: &str) -> bool {
    if display.split_whitespace().nth(1).is_some() {
        return false; // two words or more
    }
    // An acronym: two letters or more, all upper case.
    let (mut letters, mut upper) = (0usize, true);
    for c in display.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper &= c.is_uppercase();
    }
    !(letters >= 2 && upper)
}

/// Two people whose full names differ and neither contains the other.
fn conflicting(kind: Kind, a: &str, b: &str) -> bool {
    if kind != Kind::Person || a == b {
        return false;
    }
    let wa: HashSet<&str> = a.split(' ').collect();
    let wb: HashSet<&str> = b.split(' ').collect();
    wa.len() > 1 && wb.len() > 1 && !wa.is_subset(&wb) && !wb.is_subset(&wa)
}

impl Builder<'static> {
    /// An empty graph.
    pub fn new(decisions: &Decisions) -> Self {
        Builder {
            splits: decisions.splits().collect(),
            separations: decisions.separations().collect(),
            merges: decisions.merges().collect(),
            entities: Vec::new(),
            names: Vec::new(),
            index: HashMap::default(),
            ids: HashMap::default(),
            facts: Vec::new(),
            fact_index: HashMap::default(),
            sources: Vec::new(),
            source_at: HashMap::default(),
            known: None,
            read_names: HashSet::default(),
            known_entities: HashMap::default(),
            known_facts: HashMap::default(),
            outgrown: false,
            changed: false,
            absorbed: HashMap::default(),
            probed: false,
        }
    }

    /// Goes on from a graph this builder made (the merged part of a base).
    pub fn resume(decisions: &Decisions, file: &GraphFile) -> Self {
        let mut b = Builder::new(decisions);
        for e in &file.entities {
            b.push_entity(e.clone());
        }
        for f in &file.facts {
            b.fact_index.insert(fact_key(f), b.facts.len());
            b.facts.push(Some(Merged::new(f.clone())));
        }
        for s in &file.sources {
            b.add_source(s.clone());
        }
        b
    }
}

impl<'k> Builder<'k> {
    /// Merges into a base it does not hold, asking `known` for the entities and facts the
    /// articles touch; [`Builder::delta`] then says what they changed.
    pub fn over(decisions: &Decisions, known: &'k dyn Known) -> Self {
        Builder {
            known: Some(known),
            ..Builder::new(decisions)
        }
    }

    /// Reads from `known` every entity going by a name of the article's entities or of a
    /// merge decision, in the base's order (the order a builder holding the whole base
    /// would have them in), so that matching sees all the candidates it would see there.
    fn read_known(&mut self, entities: &[&Entity]) {
        let Some(known) = self.known else { return };
        let mut names: Vec<String> = Vec::new();
        for e in entities {
            names.extend(self.without_split_names(e).names().map(lookup_key));
        }
        for (a, b) in &self.merges {
            names.push(a.clone());
            names.push(b.clone());
        }
        let mut found: Vec<(usize, Entity)> = Vec::new();
        for n in names {
            if self.read_names.insert(n.clone()) {
                found.extend(known.entities_named(&n));
            }
        }
        found.sort_by_key(|(at, _)| *at);
        for (_, e) in found {
            if !self.ids.contains_key(&e.id) {
                let i = self.hold(e.clone());
                self.known_entities.insert(i, e);
            }
        }
    }

    /// What the articles merged so far changed in the `known` base: the sources, entities
    /// and facts they added or changed, whole, in the order made; `None` when a merge
    /// decision joined an entity of the base into another (a rebuild must say what that
    /// changes).
    pub fn delta(self) -> Option<(Vec<Source>, Vec<Entity>, Vec<Fact>)> {
        if self.outgrown {
            return None;
        }
        let mut entities = Vec::new();
        for (i, e) in self.entities.into_iter().enumerate() {
            let Some(mut e) = e else { continue };
            if self.known_entities.get(&i) == Some(&e) {
                continue;
            }
            e.aliases.sort();
            e.aliases.dedup();
            entities.push(e);
        }
        let mut facts = Vec::new();
        for (j, m) in self.facts.into_iter().enumerate() {
            let Some(m) = m else { continue };
            let f = m.into_fact();
            if self.known_facts.get(&j) != Some(&f) {
                facts.push(f);
            }
        }
        Some((self.sources, entities, facts))
    }

    /// Merges one article's extraction: first made safe to merge (`Builder::prepare`),
    /// then entity by entity and fact by fact.
    pub fn add(&mut self, ex: &Extraction) {
        self.add_mapped(ex);
    }

    /// Merges one article's extraction, as [`Builder::add`] does, and says which base
    /// entity (by id) each of the article's entities (by its name in the article) became.
    pub fn add_mapped(&mut self, raw: &Extraction) -> Vec<(String, String)> {
        let ex = &self.prepare(raw);
        let local = self.add_local(ex);
        raw.entities
            .iter()
            .zip(&ex.entities)
            .filter_map(|(r, e)| {
                let at = *local.get(e.id.as_str())?;
                let id = self.entities[at].as_ref()?.id.clone();
                Some((r.name.clone(), id))
            })
            .collect()
    }

    /// [`Builder::add`] of an article prepared already ([`Builder::prepare`]).
    pub(crate) fn add_prepared(&mut self, ex: &Extraction) {
        self.add_local(ex);
    }

    /// Merges a prepared article: by the article's id of each entity, the entity it became.
    fn add_local<'e>(&mut self, ex: &'e Extraction) -> HashMap<&'e str, usize> {
        let local = self.merge_entities(&ex.entities.iter().collect::<Vec<_>>());
        for f in &ex.facts {
            let (Some(&s), Some(&o)) =
                (local.get(f.subject.as_str()), local.get(f.object.as_str()))
            else {
                continue;
            };
            let mut f = f.clone();
            f.subject = self.id_of(s).to_string();
            f.object = self.id_of(o).to_string();
            self.add_fact(f);
        }
        self.add_source(ex.source.clone());
        self.apply_merges();
        local
    }

    /// The entity side of [`Builder::add`] alone: the article's entities, its source and
    /// the merge decisions, not its facts (the entities never depend on the facts merged:
    /// [`Builder::changed_entities`] says the same after it). Gives the article as
    /// prepared and, by its id there, the entity of this builder each of its entities
    /// became (see [`Builder::settled`] for where that entity ends up).
    pub(crate) fn add_entities(
        &mut self,
        raw: &Extraction,
    ) -> (Extraction, HashMap<String, usize>) {
        let ex = self.prepare(raw);
        let local = self
            .merge_entities(&ex.entities.iter().collect::<Vec<_>>())
            .into_iter()
            .map(|(id, at)| (id.to_string(), at))
            .collect();
        self.add_source(ex.source.clone());
        self.apply_merges();
        (ex, local)
    }

    /// Where entity `i` is now: itself, or the entity a merge decision moved it into
    /// (followed to the end).
    pub(crate) fn settled(&self, mut i: usize) -> usize {
        while let Some(&j) = self.absorbed.get(&i) {
            i = j;
        }
        i
    }

    /// How many entities the builder has held (live or moved into another).
    pub(crate) fn entity_slots(&self) -> usize {
        self.entities.len()
    }

    /// The id of entity `i`; `None` when a merge decision moved it into another.
    pub(crate) fn live_id(&self, i: usize) -> Option<&str> {
        self.entities[i].as_ref().map(|e| e.id.as_str())
    }

    /// The id of the live entity `i`.
    pub(crate) fn id_at(&self, i: usize) -> &str {
        self.id_of(i)
    }

    /// Joins each of the (prepared) article's entities to the base entity the names say
    /// it is, or adds it: by the article's id of each, the entity it became.
    fn merge_entities<'e>(&mut self, entities: &[&'e Entity]) -> HashMap<&'e str, usize> {
        self.read_known(entities);
        self.changed = false;
        let mut local: HashMap<&str, usize> = HashMap::default();
        let mut taken: HashSet<usize> = HashSet::default();
        for &orig in entities {
            let e = self.without_split_names(orig);
            let at = match self.best_match(&e, &taken) {
                // (once the article changed an entity, whether this one does is not
                // asked)
                Some(i) if self.changed => {
                    self.join(i, &e);
                    i
                }
                Some(i) => {
                    // A join changes only the name, the aliases and the fields (adding,
                    // never replacing, one), and adds names.
                    let c = self.entities[i].as_ref().expect("live entity");
                    let before = (c.name.clone(), c.aliases.clone(), c.extra.len());
                    let names = self.names[i].len();
                    self.join(i, &e);
                    let c = self.entities[i].as_ref().expect("live entity");
                    self.changed = (&c.name, &c.aliases, c.extra.len(), self.names[i].len())
                        != (&before.0, &before.1, before.2, names);
                    i
                }
                None => {
                    self.changed = true;
                    self.push_entity(e.into_owned())
                }
            };
            self.free_name(at);
            taken.insert(at);
            local.insert(orig.id.as_str(), at);
        }
        local
    }

    /// True when, since this builder was made, a new entity's id was taken already and it
    /// took the next free one (`id-2`, `id-3`, ...).
    pub(crate) fn probed(&self) -> bool {
        self.probed
    }

    /// True when the last article merged changed the merged entities: added one, gave
    /// one a name, a field or a fuller name, took a name from one, or joined two (a merge
    /// decision). An article that changed none leaves every later article's merge as it
    /// would be without it: only its facts and source are its own.
    pub fn changed_entities(&self) -> bool {
        self.changed
    }

    /// The article as it is merged: the entities a `separate` decision takes out of it
    /// renamed, its generic bodies named after their country ([`qualify`]), and its
    /// aliases made safe ([`aliases::make_safe`]).
    pub(crate) fn prepare(&self, ex: &Extraction) -> Extraction {
        let mut ex = ex.clone();
        self.prepare_in_place(&mut ex);
        ex
    }

    /// [`Builder::prepare`] on an article the caller owns.
    pub(crate) fn prepare_in_place(&self, ex: &mut Extraction) {
        for (local, source, new) in &self.separations {
            if *source == ex.source.id {
                separate(ex, local, new);
            }
        }
        qualify(ex);
        aliases::make_safe(&mut ex.entities);
    }

    /// [`Builder::add_entities`] of some of the entities of an article prepared already
    /// ([`Builder::prepare`]), whose source is `source`: by the article's id of each, the
    /// entity it became.
    pub(crate) fn add_prepared_entities<'e>(
        &mut self,
        source: &Source,
        entities: &[&'e Entity],
    ) -> HashMap<&'e str, usize> {
        let local = self.merge_entities(entities);
        self.add_source(source.clone());
        self.apply_merges();
        local
    }

    /// Applies the merge decisions once more; true when that joined entities (the last
    /// application had not joined all it could: a later article, whatever it names,
    /// would join them).
    pub(crate) fn merges_pending(&mut self) -> bool {
        let before = self.absorbed.len();
        self.apply_merges();
        self.absorbed.len() != before
    }

    /// Takes the new entity `at`'s canonical name off every other entity that has it as
    /// an alias: an alias is never another entity's name.
    fn free_name(&mut self, at: usize) {
        let n = lookup_key(self.id_name(at));
        let others: Vec<usize> = self
            .index
            .get(&n)
            .map(|l| l.iter().copied().filter(|&j| j != at).collect())
            .unwrap_or_default();
        for j in others {
            let Some(c) = self.entities[j].as_mut() else {
                continue;
            };
            if lookup_key(&c.name) == n {
                continue;
            }
            self.changed = true;
            c.aliases.retain(|a| lookup_key(a) != n);
            self.names[j].remove(&n);
            if let Some(list) = self.index.get_mut(&n) {
                list.retain(|&x| x != j);
            }
        }
    }

    /// True when `n` is the canonical name of a live entity other than `i`.
    fn names_another(&self, n: &str, i: usize) -> bool {
        self.index.get(n).is_some_and(|l| {
            l.iter().any(|&j| {
                j != i
                    && self.entities[j]
                        .as_ref()
                        .is_some_and(|c| lookup_key(&c.name) == n)
            })
        })
    }

    /// Records a source, replacing one with the same id.
    fn add_source(&mut self, s: Source) {
        match self.source_at.get(&s.id) {
            Some(&i) => self.sources[i] = s,
            None => {
                self.source_at.insert(s.id.clone(), self.sources.len());
                self.sources.push(s);
            }
        }
    }

    /// The graph: sources, entities and facts in canonical order.
    pub fn finish(self, extra: serde_json::Map<String, serde_json::Value>) -> GraphFile {
        let mut file = GraphFile {
            sources: self.sources,
            entities: self.entities.into_iter().flatten().collect(),
            facts: self
                .facts
                .into_iter()
                .flatten()
                .map(Merged::into_fact)
                .collect(),
            extra,
            ..GraphFile::default()
        };
        file.sort();
        file
    }

    fn id_of(&self, i: usize) -> &str {
        &self.entities[i].as_ref().expect("live entity").id
    }

    /// The entity less the names a split decision takes from it.
    fn without_split_names<'e>(&self, e: &'e Entity) -> Cow<'e, Entity> {
        if self.splits.is_empty() {
            return Cow::Borrowed(e);
        }
        let names: HashSet<String> = e.names().map(lookup_key).collect();
        let dropped: HashSet<&String> = self
            .splits
            .iter()
            .filter(|(x, a)| names.contains(x) && names.contains(a))
            .map(|(_, a)| a)
            .collect();
        if dropped.is_empty() {
            return Cow::Borrowed(e);
        }
        let mut kept: Vec<String> = e
            .names()
            .filter(|n| !dropped.contains(&lookup_key(n)))
            .map(String::from)
            .collect();
        let mut out = e.clone();
        out.name = kept.remove(0);
        out.aliases = kept;
        Cow::Owned(out)
    }

    /// True when joining names `a` and `b` would break a split decision.
    fn split_forbids(&self, a: &HashSet<String>, b: &HashSet<String>) -> bool {
        self.splits
            .iter()
            .any(|(x, y)| (a.contains(x) && b.contains(y)) || (a.contains(y) && b.contains(x)))
    }

    /// The base entity `e` is, if the names say so unambiguously.
    fn best_match(&self, e: &Entity, taken: &HashSet<usize>) -> Option<usize> {
        let canon = lookup_key(&e.name);
        if aliases::is_class_noun_key(&canon) {
            return None;
        }
        // Only a split decision asks for them.
        let names: HashSet<String> = match self.splits.is_empty() {
            true => HashSet::default(),
            false => e.names().map(lookup_key).collect(),
        };
        let mut best: Vec<(u8, usize)> = Vec::new();
        for (k, display) in e.names().enumerate() {
            // (the canonical name's key is made already)
            let n = match k {
                0 => Cow::Borrowed(canon.as_str()),
                _ => Cow::Owned(lookup_key(display)),
            };
            let n = n.as_ref();
            let Some(list) = self.index.get(n) else {
                continue;
            };
            let same_kind: Vec<usize> = list
                .iter()
                .copied()
                .filter(|&i| self.entities[i].as_ref().is_some_and(|c| c.kind == e.kind))
                .collect();
            let weak = is_weak(display);
            if weak && same_kind.len() > 1 {
                continue;
            }
            for i in same_kind {
                if taken.contains(&i) {
                    continue;
                }
                let c = self.entities[i].as_ref().expect("live entity");
                let c_canon = lookup_key(&c.name);
                let score = match (n == canon, n == c_canon) {
                    (true, true) => 3,
                    (true, false) | (false, true) => 2,
                    (false, false) if weak => continue,
                    (false, false) => 1,
                };
                if aliases::is_class_noun_key(&c_canon)
                    || qualify::different_bodies(e.kind, &e.name, &c.name)
                    || conflicting(e.kind, &canon, &c_canon)
                    || self.split_forbids(&names, &self.names[i])
                {
                    continue;
                }
                best.push((score, i));
            }
        }
        let top = best.iter().map(|&(s, _)| s).max()?;
        let mut at: Vec<usize> = best
            .iter()
            .filter(|&&(s, _)| s == top)
            .map(|&(_, i)| i)
            .collect();
        at.sort();
        at.dedup();
        (at.len() == 1).then(|| at[0])
    }

    /// A new base entity; its id is the article's id (or a slug of its name), made unique
    /// (in the `known` base too).
    fn push_entity(&mut self, mut e: Entity) -> usize {
        let base = if e.id.is_empty() {
            crate::model::slug(&e.name)
        } else {
            e.id.clone()
        };
        let mut id = base.clone();
        let mut k = 2;
        while self.ids.contains_key(&id) || self.known.is_some_and(|b| b.has_id(&id)) {
            id = format!("{base}-{k}");
            k += 1;
            self.probed = true;
        }
        e.id = id;
        self.hold(e)
    }

    /// Holds an entity whose id is unique here, indexed by its names.
    fn hold(&mut self, e: Entity) -> usize {
        let id = e.id.clone();
        let i = self.entities.len();
        let names: HashSet<String> = e.names().map(lookup_key).collect();
        for n in &names {
            self.index.entry(n.clone()).or_default().push(i);
        }
        self.names.push(names);
        self.ids.insert(id, i);
        self.entities.push(Some(e));
        i
    }

    /// Adds `e`'s names (and fields the base entity lacks) to base entity `i`.
    fn join(&mut self, i: usize, e: &Entity) {
        let c = self.entities[i].as_mut().expect("live entity");
        let (cw, ew) = (lookup_key(&c.name), lookup_key(&e.name));
        let fuller = ew.split(' ').count() > cw.split(' ').count()
            && cw.split(' ').all(|w| ew.split(' ').any(|x| x == w));
        if fuller {
            let old = std::mem::replace(&mut c.name, e.name.clone());
            c.aliases.push(old);
        }
        for (k, v) in &e.extra {
            c.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
        // The key of the entity's name, now: `e`'s when it was fuller.
        let own = if fuller { ew.clone() } else { cw };
        let mut ew = Some(ew);
        let fresh: Vec<(String, &str)> = e
            .names()
            .map(|d| {
                // (the key of `e`'s own name, the first, is made already)
                let n = ew.take().unwrap_or_else(|| lookup_key(d));
                (n, d)
            })
            .filter(|(n, _)| !self.names[i].contains(n) && (*n == own || !self.names_another(n, i)))
            .collect();
        let c = self.entities[i].as_mut().expect("live entity");
        for (n, display) in fresh {
            if self.names[i].insert(n.clone()) {
                c.aliases.push(display.to_string());
                self.index.entry(n).or_default().push(i);
            }
        }
        let canon = own;
        c.aliases.retain(|a| lookup_key(a) != canon);
        c.aliases.sort();
        c.aliases.dedup_by(|a, b| lookup_key(a) == lookup_key(b));
    }

    /// Adds a fact, or its provenances to the fact with the same key.
    fn add_fact(&mut self, f: Fact) {
        let key = fact_key(&f);
        if !self.fact_index.contains_key(&key)
            && let Some(old) = self.known.and_then(|b| b.fact_like(&f))
        {
            let j = self.facts.len();
            self.fact_index.insert(key.clone(), j);
            self.facts.push(Some(Merged::new(old.clone())));
            self.known_facts.insert(j, old);
        }
        put_fact(&mut self.facts, &mut self.fact_index, key, f);
    }

    /// The entities a decision's name means: those whose canonical name it is and that
    /// are of the first one's kind (one article naming both sides of a merge leaves a
    /// second entity of the same name: the decision means it too), else the one entity
    /// going by it. Empty when the name is unknown or ambiguous.
    fn decided(&self, name: &str) -> Vec<usize> {
        let Some(list) = self.index.get(name) else {
            return Vec::new();
        };
        let live: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&i| self.entities[i].is_some())
            .collect();
        let canon: Vec<usize> = live
            .iter()
            .copied()
            .filter(|&i| lookup_key(self.id_name(i)) == name)
            .collect();
        match (canon.first(), live.as_slice()) {
            (Some(&first), _) => {
                let kind = self.entities[first].as_ref().map(|e| e.kind);
                canon
                    .into_iter()
                    .filter(|&i| self.entities[i].as_ref().map(|e| e.kind) == kind)
                    .collect()
            }
            (None, [one]) => vec![*one],
            (None, _) => Vec::new(),
        }
    }

    fn id_name(&self, i: usize) -> &str {
        &self.entities[i].as_ref().expect("live entity").name
    }

    /// Joins the entities every merge decision names, when both are known and apart (and
    /// with them any second entity of either name and kind that one article naming both
    /// left).
    pub fn apply_merges(&mut self) {
        for k in 0..self.merges.len() {
            let (a, b) = self.merges[k].clone();
            let (xs, ys) = (self.decided(&a), self.decided(&b));
            let (Some(&i), false) = (xs.first(), ys.is_empty()) else {
                continue;
            };
            for j in xs.into_iter().skip(1).chain(ys) {
                if j == i || self.entities[j].is_none() {
                    continue;
                }
                if self.split_forbids(&self.names[i], &self.names[j]) {
                    continue;
                }
                self.absorb(i, j);
            }
        }
    }

    /// Moves entity `j` into entity `i`: names, then facts.
    fn absorb(&mut self, i: usize, j: usize) {
        self.outgrown |= self.known_entities.contains_key(&j);
        self.changed = true;
        self.absorbed.insert(j, i);
        let gone = self.entities[j].take().expect("live entity");
        for n in self.names[j].drain() {
            if let Some(list) = self.index.get_mut(&n) {
                list.retain(|&x| x != j);
            }
        }
        self.ids.remove(&gone.id);
        let (kept_id, gone_id) = (self.id_of(i).to_string(), gone.id.clone());
        let c = self.entities[i].as_mut().expect("live entity");
        for display in gone.names() {
            let n = lookup_key(display);
            if self.names[i].insert(n.clone()) {
                c.aliases.push(display.to_string());
                self.index.entry(n).or_default().push(i);
            }
        }
        c.aliases.sort();
        let moved: Vec<usize> = (0..self.facts.len())
            .filter(|&x| {
                self.facts[x]
                    .as_ref()
                    .is_some_and(|m| m.fact.subject == gone_id || m.fact.object == gone_id)
            })
            .collect();
        for x in moved {
            let mut f = self.facts[x].take().expect("live fact").into_fact();
            self.fact_index.remove(&fact_key(&f));
            if f.subject == gone_id {
                f.subject = kept_id.clone();
            }
            if f.object == gone_id {
                f.object = kept_id.clone();
            }
            if f.subject != f.object {
                self.add_fact(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_weak`] is its first definition (one word or none, not an acronym of two
    /// letters or more all in upper case), which collected the letters.
    #[test]
    fn a_weak_name_is_one_word_not_an_acronym() {
        let was = |display: &str| {
            let words = display.split_whitespace().count();
            let letters: Vec<char> = display.chars().filter(|c| c.is_alphabetic()).collect();
            let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
            words <= 1 && !acronym
        };
        for display in [
            "",
            " ",
            "Putin",
            "UN",
            "U.N.",
            "A",
            "NATO-2",
            "Nato",
            "ÉU",
            "Éu",
            "北京",
            "Kim Jong Un",
            "US ",
            " EU",
            "x1",
            "12",
            "IAEA's",
            "B2B",
        ] {
            assert_eq!(is_weak(display), was(display), "{display:?}");
        }
    }

    fn person(id: &str, name: &str, aliases: &[&str]) -> Entity {
        let mut e = Entity::new(id, name, Kind::Person);
        e.aliases = aliases.iter().map(|a| a.to_string()).collect();
        e
    }

    fn article(id: &str, entities: Vec<Entity>, facts: Vec<Fact>) -> Extraction {
        let mut facts = facts;
        for (k, f) in facts.iter_mut().enumerate() {
            f.source = Some(id.into());
            f.span = Some([k * 10, k * 10 + 5]);
        }
        Extraction {
            source: Source::new(id),
            entities,
            facts,
            changes_entities: None,
        }
    }

    fn build(d: &Decisions, articles: &[Extraction]) -> GraphFile {
        let mut b = Builder::new(d);
        for a in articles {
            b.add(a);
        }
        b.finish(Default::default())
    }

    fn names(g: &GraphFile) -> Vec<(String, Vec<String>)> {
        g.entities
            .iter()
            .map(|e| (e.name.clone(), e.aliases.clone()))
            .collect()
    }

    fn russia() -> Entity {
        Entity::new("russia", "Russia", Kind::Country)
    }

    #[test]
    fn a_short_name_joins_the_one_entity_going_by_it_and_takes_the_fuller_name() {
        let a = article(
            "a",
            vec![person("putin", "Putin", &[]), russia()],
            vec![Fact::new("putin", Relation::Leads, "russia")],
        );
        let b = article(
            "b",
            vec![
                person(
                    "vladimir-putin",
                    "Vladimir Putin",
                    &["Putin", "President Putin"],
                ),
                russia(),
            ],
            vec![Fact::new("vladimir-putin", Relation::Leads, "russia")],
        );
        let g = build(&Decisions::default(), &[a, b]);
        assert_eq!(
            names(&g)[0],
            (
                "Vladimir Putin".into(),
                vec!["President Putin".into(), "Putin".into()]
            )
        );
        assert_eq!(g.entities[0].id, "putin", "the id is kept");
        assert_eq!(g.facts.len(), 1);
        assert_eq!(g.facts[0].sources(), ["a", "b"]);
    }

    #[test]
    fn people_with_one_short_name_in_common_stay_apart() {
        let a = article("a", vec![person("kju", "Kim Jong Un", &["Kim"])], vec![]);
        let b = article("b", vec![person("kyj", "Kim Yo Jong", &["Kim"])], vec![]);
        let c = article("c", vec![person("kim", "Kim", &[])], vec![]);
        let g = build(&Decisions::default(), &[a, b, c]);
        let ids: Vec<&str> = g.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["kim", "kju", "kyj"], "'Kim' alone is ambiguous");
    }

    #[test]
    fn an_acronym_alias_joins_and_two_entities_of_one_article_never_do() {
        let mut nk = Entity::new("north-korea", "North Korea", Kind::Country);
        nk.aliases.push("DPRK".into());
        let mut dprk = Entity::new(
            "dprk",
            "Democratic People's Republic of Korea",
            Kind::Country,
        );
        dprk.aliases.push("DPRK".into());
        let two = [
            article("a", vec![nk.clone()], vec![]),
            article("b", vec![dprk.clone()], vec![]),
        ];
        let aliases_of_nk = |g: &GraphFile| {
            g.entities
                .iter()
                .find(|e| e.id == "north-korea")
                .unwrap()
                .aliases
                .clone()
        };
        let g = build(&Decisions::default(), &two);
        assert_eq!(g.entities.len(), 1);
        assert_eq!(
            aliases_of_nk(&g),
            ["DPRK", "Democratic People's Republic of Korea"]
        );
        // An article naming both: "DPRK" stays its own entity, and from then on is no
        // alias of North Korea (an alias is never another entity's name).
        let mut three = two.to_vec();
        three.push(article(
            "c",
            vec![nk, Entity::new("x", "DPRK", Kind::Country)],
            vec![],
        ));
        let g = build(&Decisions::default(), &three);
        assert_eq!(g.entities.len(), 2);
        assert_eq!(aliases_of_nk(&g), ["Democratic People's Republic of Korea"]);
    }

    #[test]
    fn a_facts_first_place_is_the_place_of_its_first_provenance() {
        let mut f = Fact::new("a", Relation::Sent, "b");
        f.source = Some("s".into());
        f.evidence = Some("a sent b".into());
        let of = |f: &Fact| {
            let (s, span, e) = first_place(f);
            (s.map(String::from), span, e.map(String::from))
        };
        assert_eq!(of(&f), place(&f.first_provenance()));
        assert_eq!(
            of(&f).2.as_deref(),
            Some("a sent b"),
            "no span: the evidence"
        );
        f.span = Some([3, 9]);
        assert_eq!(of(&f), place(&f.first_provenance()));
        assert_eq!(of(&f).2, None, "a span: not the evidence");
    }

    /// [`merged_facts`] is what a builder under no merge decision makes of the same
    /// statements: one fact per key (symmetric in either order), every place once.
    #[test]
    fn merged_facts_are_the_builders_facts() {
        let c = |id: &str| Entity::new(id, id.to_uppercase(), Kind::Country);
        let a = article(
            "a",
            vec![c("x"), c("y"), c("z")],
            vec![
                Fact::new("x", Relation::CooperatesWith, "y"),
                Fact::new("x", Relation::Sent, "z"),
            ],
        );
        let mut b = article(
            "b",
            vec![c("x"), c("y")],
            vec![
                Fact::new("y", Relation::CooperatesWith, "x"),
                Fact::new("y", Relation::CooperatesWith, "x"),
            ],
        );
        b.facts[1].span = b.facts[0].span;
        let built = build(&Decisions::default(), &[a.clone(), b.clone()]);
        let mut merged = merged_facts(a.facts.into_iter().chain(b.facts));
        merged.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        assert_eq!(merged, built.facts);
        assert_eq!(merged.len(), 2);
        let both = merged
            .iter()
            .find(|f| f.relation == Relation::CooperatesWith);
        let sources = both.unwrap().provenances().into_iter().map(|p| p.source);
        assert_eq!(
            sources.flatten().collect::<Vec<_>>(),
            ["a", "b"],
            "one fact, b's two statements at one place once"
        );
    }

    #[test]
    fn symmetric_facts_are_one_fact_in_either_order() {
        let c = |id: &str| Entity::new(id, id.to_uppercase(), Kind::Country);
        let a = article(
            "a",
            vec![c("x"), c("y")],
            vec![Fact::new("x", Relation::CooperatesWith, "y")],
        );
        let b = article(
            "b",
            vec![c("x"), c("y")],
            vec![Fact::new("y", Relation::CooperatesWith, "x")],
        );
        let g = build(&Decisions::default(), &[a, b]);
        assert_eq!(g.facts.len(), 1);
        assert_eq!(g.facts[0].sources(), ["a", "b"]);
    }

    #[test]
    fn decisions_split_and_merge() {
        let a = article(
            "a",
            vec![person("vp", "Vladimir Putin", &["Putin"]), russia()],
            vec![Fact::new("vp", Relation::Leads, "russia")],
        );
        let b = article(
            "b",
            vec![person("p", "Putin", &[]), russia()],
            vec![Fact::new("p", Relation::Leads, "russia")],
        );
        let split = Decisions::parse("split \"Vladimir Putin\" \"Putin\"").unwrap();
        let g = build(&split, &[a.clone(), b.clone()]);
        assert_eq!(
            names(&g),
            [
                ("Putin".into(), vec![]),
                ("Russia".into(), vec![]),
                ("Vladimir Putin".into(), vec![])
            ]
        );
        assert_eq!(g.facts.len(), 2);
        let merge = Decisions::parse("merge \"Vladimir Putin\" \"Putin\"").unwrap();
        let g = build(&merge, &[a, b]);
        assert_eq!(g.entities.len(), 2);
        assert_eq!(g.facts.len(), 1);
    }

    /// Regression (found by the merge-then-split property test): an article naming both
    /// sides of a merge left a second entity of one name, and the merge then skipped it.
    #[test]
    fn a_merge_holds_when_one_article_names_both() {
        let country = |id: &str, name: &str| Entity::new(id, name, Kind::Country);
        let a = article("a", vec![country("pt", "Portugal")], vec![]);
        let b = article("b", vec![country("vn", "Vietnam")], vec![]);
        // By now the two are one entity going by both names; this article names both.
        let c = article(
            "c",
            vec![country("vn", "Vietnam"), country("pt", "Portugal")],
            vec![Fact::new("vn", Relation::CooperatesWith, "pt")],
        );
        let merge = Decisions::parse("merge \"Portugal\" \"Vietnam\"").unwrap();
        let g = build(&merge, &[a, b, c]);
        assert_eq!(names(&g), [("Portugal".into(), vec!["Vietnam".into()])]);
        assert!(
            g.facts.is_empty(),
            "a fact between the two became a loop: dropped"
        );
    }
}
