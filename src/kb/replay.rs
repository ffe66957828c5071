//! [`Replay`]: what the whole-base rebuild under new decisions would write, told without
//! building its graph, so that [`super::fold`] can fold a merge (see [`super::unite`]) into
//! a large base and check that it writes the rebuild's bytes.
//!
//! After `kg merge A B` through the journal, the whole-base path rebuilds the graph from
//! every article of the base under the new decisions, then merges the journal's articles
//! into it ([`super::session::Session::open`]), and gives every article its
//! `changes_entities` flag again. The fold writes the graph from the old base and the
//! journal's records instead (the merge line says what the merge changes), so two things
//! are left to know, and both come from replaying the entity side of that rebuild here,
//! article by article, with the same [`Builder`]:
//!
//! - each article's flag, which depends on the entities alone (the facts merged never
//!   change which entity an article's entity joins);
//! - whether the graph the fold writes is the rebuild's: its sources and entities must be
//!   the replay's, record for record, and its facts must carry, key by key, the
//!   provenances of the statements the replay puts under that key, in the order the
//!   rebuild gives them (the order the articles stated them in, each place once), under
//!   the head (subject and object as first stated, date, fields) of the first statement.
//!   The facts are compared as a sum of 128-bit hashes, one per fact head and one per
//!   provenance and its rank, so that the replay holds a few small numbers per statement
//!   and not the facts.
//!
//! The rebuild orders a fact's provenances otherwise than the articles did in one case: a
//! merge moves a fact onto the key of another fact the kept entity already had, and its
//! provenances go after that fact's. The journal never holds such a merge ([`super::unite`]
//! refuses it); were one to come up later, the sums differ and the whole-base path runs.
//!
//! # Complexity
//! O(size of the articles) time; memory: the merged entities and sources (as the
//! rebuild's), about 40 bytes per statement of a fact, and a hash set of (fact key, place)
//! pairs.

use super::Extraction;
use super::decisions::Decisions;
use super::merge::{Builder, fact_key, place};
use crate::model::{Entity, Fact, GraphFile, Relation, Source};
use std::collections::{HashMap, HashSet};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// One statement of a fact by an article, as the replay merges it: small, with hashes for
/// what the rebuild copies as it is.
struct Said {
    /// The builder's entities at its two ends (of the first phase until it ends).
    subject: u32,
    object: u32,
    relation: Relation,
    /// Hashes of the date and of the head (the fact less subject, object and
    /// provenances).
    date: u64,
    head: u64,
    /// Its provenances: `provs[first..first + n]`.
    first: u32,
    n: u32,
}

/// The bytes the rebuild would write for what a fold checks: sources and entities in
/// order, and the facts as a sum of hashes (see the module doc).
pub struct Expected {
    /// The `changes_entities` of every article, the base's then the journal's.
    pub flags: Vec<bool>,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub facts: FactSum,
}

/// A graph's facts summed as the module doc says; equal sums mean the same facts, in the
/// same order of provenances, with overwhelming likelihood.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FactSum {
    count: usize,
    sum: u128,
}

fn h128(parts: &[&[u8]]) -> u128 {
    let mut h = Xxh3::new();
    for p in parts {
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.digest128()
}

fn date_hash(date: &Option<String>) -> u64 {
    date.as_deref().map_or(0, |d| xxh3_64(d.as_bytes()) | 1)
}

/// The hash of a fact less its subject, object and provenances.
fn head_hash(f: &Fact) -> u64 {
    let mut head = f.clone();
    head.set_provenances(Vec::new());
    head.subject.clear();
    head.object.clear();
    xxh3_64(&serde_json::to_vec(&head).expect("facts serialize"))
}

fn json_hash(v: &impl serde::Serialize) -> u64 {
    xxh3_64(&serde_json::to_vec(v).expect("records serialize"))
}

/// The hash of a fact's key (see `merge::fact_key`), from its parts.
fn key_hash(subject: &str, relation: Relation, object: &str, date: u64) -> u128 {
    let (s, o) = if relation.is_symmetric() && object < subject {
        (object, subject)
    } else {
        (subject, object)
    };
    h128(&[
        s.as_bytes(),
        &[relation as u8],
        o.as_bytes(),
        &date.to_le_bytes(),
    ])
}

fn head_term(key: u128, subject: &str, object: &str, head: u64) -> u128 {
    h128(&[
        b"h",
        &key.to_le_bytes(),
        subject.as_bytes(),
        object.as_bytes(),
        &head.to_le_bytes(),
    ])
}

fn prov_term(key: u128, rank: u32, prov: u64) -> u128 {
    h128(&[
        b"p",
        &key.to_le_bytes(),
        &rank.to_le_bytes(),
        &prov.to_le_bytes(),
    ])
}

impl FactSum {
    /// Adds a fact as the fold writes it.
    pub fn add(&mut self, f: &Fact) {
        let (s, r, o, d) = fact_key(f);
        let key = key_hash(&s, r, &o, date_hash(&d));
        self.count += 1;
        self.sum = self
            .sum
            .wrapping_add(head_term(key, &f.subject, &f.object, head_hash(f)));
        for (rank, p) in f.provenances().iter().enumerate() {
            self.sum = self
                .sum
                .wrapping_add(prov_term(key, rank as u32, json_hash(p)));
        }
    }
}

/// The entity side of the rebuild, replayed (see the module doc).
pub struct Replay {
    decisions: Decisions,
    /// The rebuild of the base's articles, then (once the first is done) the merge of
    /// the journal's articles into its graph.
    builder: Builder<'static>,
    /// True once the base's articles are done.
    resumed: bool,
    said: Vec<Said>,
    provs: Vec<(u64, u64)>,
    flags: Vec<bool>,
    /// A statement the replay does not model (a fact from an entity to itself): the
    /// caller takes the whole-base path.
    unmodelled: bool,
}

impl Replay {
    /// Replays a rebuild under `decisions`.
    pub fn new(decisions: &Decisions) -> Replay {
        Replay {
            decisions: decisions.clone(),
            builder: Builder::new(decisions),
            resumed: false,
            said: Vec::new(),
            provs: Vec::new(),
            flags: Vec::new(),
            unmodelled: false,
        }
    }

    /// Merges the next article of the base (all of them come before the journal's).
    pub fn base_article(&mut self, a: &Extraction) {
        debug_assert!(!self.resumed, "the base's articles come first");
        self.article(a);
    }

    /// Merges the next article of the journal into the graph of the base's.
    pub fn journal_article(&mut self, a: &Extraction) {
        if !self.resumed {
            self.resume();
        }
        self.article(a);
    }

    fn article(&mut self, a: &Extraction) {
        let (ex, local) = self.builder.add_entities(a);
        self.flags.push(self.builder.changed_entities());
        for f in &ex.facts {
            let (Some(&s), Some(&o)) = (local.get(&f.subject), local.get(&f.object)) else {
                continue;
            };
            if s == o {
                self.unmodelled = true;
            }
            let first = self.provs.len() as u32;
            for p in f.provenances() {
                self.provs.push((json_hash(&place(&p)), json_hash(&p)));
            }
            self.said.push(Said {
                subject: s as u32,
                object: o as u32,
                relation: f.relation,
                date: date_hash(&f.date),
                head: head_hash(f),
                first,
                n: self.provs.len() as u32 - first,
            });
        }
    }

    /// Where each entity of the builder ends up: the id of the live entity it is or was
    /// moved into.
    fn settled_ids(&self) -> Vec<String> {
        (0..self.builder.entity_slots())
            .map(|i| self.builder.id_at(self.builder.settled(i)).to_string())
            .collect()
    }

    /// Ends the rebuild of the base's articles: the graph so far, as `Builder::finish`
    /// gives it, and a builder resumed from it (as `KnowledgeBase::add` resumes); the
    /// statements so far point at its entities.
    fn resume(&mut self) {
        let ids = self.settled_ids();
        let builder = std::mem::replace(&mut self.builder, Builder::new(&self.decisions));
        let file = builder.finish(Default::default());
        let at: HashMap<&str, u32> = file
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i as u32))
            .collect();
        let moved: Vec<u32> = ids.iter().map(|id| at[id.as_str()]).collect();
        for s in &mut self.said {
            s.subject = moved[s.subject as usize];
            s.object = moved[s.object as usize];
        }
        self.builder = Builder::resume(&self.decisions, &file);
        self.resumed = true;
    }

    /// What the rebuild writes; `None` when it made a statement this replay does not
    /// model.
    pub fn finish(self) -> Option<Expected> {
        if self.unmodelled {
            return None;
        }
        let ids = self.settled_ids();
        let mut facts = FactSum::default();
        let mut ranks: HashMap<u128, u32> = HashMap::new();
        let mut places: HashSet<(u128, u64)> = HashSet::new();
        for s in &self.said {
            let (subject, object) = (&ids[s.subject as usize], &ids[s.object as usize]);
            if subject == object {
                continue; // a merge made it a loop: it went
            }
            let key = key_hash(subject, s.relation, object, s.date);
            let rank = ranks.entry(key).or_insert_with(|| {
                facts.count += 1;
                facts.sum = facts
                    .sum
                    .wrapping_add(head_term(key, subject, object, s.head));
                0
            });
            let provs = &self.provs[s.first as usize..(s.first + s.n) as usize];
            for &(at, prov) in provs {
                if places.insert((key, at)) {
                    facts.sum = facts.sum.wrapping_add(prov_term(key, *rank, prov));
                    *rank += 1;
                }
            }
        }
        drop((ranks, places));
        let file: GraphFile = self.builder.finish(Default::default());
        Some(Expected {
            flags: self.flags,
            sources: file.sources,
            entities: file.entities,
            facts,
        })
    }
}

/// Checks a graph as it is written against what the rebuild would write.
pub struct Check<'e> {
    expected: &'e Expected,
    sources: usize,
    entities: usize,
    facts: FactSum,
    ok: bool,
}

impl<'e> Check<'e> {
    pub fn new(expected: &'e Expected) -> Check<'e> {
        Check {
            expected,
            sources: 0,
            entities: 0,
            facts: FactSum::default(),
            ok: true,
        }
    }

    /// The next source written.
    pub fn source(&mut self, s: &Source) {
        self.ok &= self.expected.sources.get(self.sources) == Some(s);
        self.sources += 1;
    }

    /// The next entity written.
    pub fn entity(&mut self, e: &Entity) {
        self.ok &= self.expected.entities.get(self.entities) == Some(e);
        self.entities += 1;
    }

    /// A fact written.
    pub fn fact(&mut self, f: &Fact) {
        self.facts.add(f);
    }

    /// True when everything written was what the rebuild writes.
    pub fn passed(&self) -> bool {
        self.ok
            && self.sources == self.expected.sources.len()
            && self.entities == self.expected.entities.len()
            && self.facts == self.expected.facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;
    use crate::model::Kind;

    fn article(id: &str, entities: Vec<Entity>, facts: Vec<Fact>) -> Extraction {
        let mut facts = facts;
        for (k, f) in facts.iter_mut().enumerate() {
            f.source = Some(id.into());
            f.span = Some([k * 10, k * 10 + 5]);
        }
        let mut source = Source::new(id);
        source.set_hash(&format!("fnv1a64:{:016x}", xxh3_64(id.as_bytes())));
        Extraction {
            source,
            entities,
            facts,
            changes_entities: None,
        }
    }

    fn person(id: &str, name: &str) -> Entity {
        Entity::new(id, name, Kind::Person)
    }

    fn country(id: &str, name: &str) -> Entity {
        Entity::new(id, name, Kind::Country)
    }

    /// Articles where a merge of "Ana Diaz" and "Bo Lind" joins two people with facts of
    /// their own, one shared (a loop once merged), and a later article names "Bo Lind"
    /// again.
    fn articles() -> Vec<Extraction> {
        vec![
            article(
                "a",
                vec![person("ana", "Ana Diaz"), country("chile", "Chile")],
                vec![Fact::new("ana", Relation::DeployedTo, "chile")],
            ),
            article(
                "b",
                vec![person("bo", "Bo Lind"), country("peru", "Peru")],
                vec![Fact::new("bo", Relation::DeployedTo, "peru")],
            ),
            article(
                "c",
                vec![person("ana", "Ana Diaz"), person("bo", "Bo Lind")],
                vec![Fact::new("ana", Relation::Fought, "bo")],
            ),
            article(
                "d",
                vec![person("bo", "Bo Lind"), country("chile", "Chile")],
                vec![
                    Fact::new("bo", Relation::DeployedTo, "chile"),
                    Fact::new("bo", Relation::DeployedTo, "peru"),
                ],
            ),
            article(
                "e",
                vec![country("peru", "Peru"), country("chile", "Chile")],
                vec![Fact::new("peru", Relation::CooperatesWith, "chile")],
            ),
        ]
    }

    fn sum(facts: &[Fact]) -> FactSum {
        let mut s = FactSum::default();
        facts.iter().for_each(|f| s.add(f));
        s
    }

    /// The whole-base path: the first `n` articles rebuilt, the others added (as
    /// `Session::open` does with a journal's).
    fn whole(d: &Decisions, all: &[Extraction], n: usize) -> KnowledgeBase {
        let mut kb = KnowledgeBase::empty();
        kb.articles = all[..n].to_vec();
        kb.rebuild(d);
        kb.add(all[n..].to_vec(), d, || {});
        kb
    }

    #[test]
    fn the_replay_tells_what_the_whole_base_path_writes() {
        let all = articles();
        for d in [
            Decisions::default(),
            Decisions::parse("merge \"Ana Diaz\" \"Bo Lind\"").unwrap(),
        ] {
            for n in [all.len(), 3, 1] {
                let kb = whole(&d, &all, n);
                let mut r = Replay::new(&d);
                all[..n].iter().for_each(|a| r.base_article(a));
                all[n..].iter().for_each(|a| r.journal_article(a));
                let e = r.finish().expect("modelled");
                let flags: Vec<bool> = kb
                    .articles
                    .iter()
                    .map(|a| a.changes_entities.unwrap())
                    .collect();
                assert_eq!(e.flags, flags, "{n}");
                assert_eq!(e.sources, kb.graph.sources);
                assert_eq!(e.entities, kb.graph.entities);
                assert_eq!(e.facts, sum(&kb.graph.facts), "{n}");
                let mut check = Check::new(&e);
                kb.graph.sources.iter().for_each(|s| check.source(s));
                kb.graph.entities.iter().for_each(|x| check.entity(x));
                kb.graph.facts.iter().for_each(|f| check.fact(f));
                assert!(check.passed());
            }
        }
    }

    #[test]
    fn the_merge_changes_what_the_replay_expects() {
        let all = articles();
        let merged = Decisions::parse("merge \"Ana Diaz\" \"Bo Lind\"").unwrap();
        let kb = whole(&merged, &all, all.len());
        assert_eq!(kb.graph.entities.len(), 3, "Ana Diaz, Chile, Peru");
        let mut r = Replay::new(&Decisions::default());
        all.iter().for_each(|a| r.base_article(a));
        let e = r.finish().unwrap();
        let mut check = Check::new(&e);
        kb.graph.sources.iter().for_each(|s| check.source(s));
        kb.graph.entities.iter().for_each(|x| check.entity(x));
        kb.graph.facts.iter().for_each(|f| check.fact(f));
        assert!(!check.passed(), "the graph without the merge is another");
    }

    #[test]
    fn the_fact_sum_tells_the_order_of_provenances() {
        let mut f = Fact::new("a", Relation::DeployedTo, "b");
        let p = |s: &str| crate::model::Provenance {
            source: Some(s.into()),
            ..Default::default()
        };
        f.set_provenances(vec![p("x"), p("y")]);
        let mut g = f.clone();
        g.set_provenances(vec![p("y"), p("x")]);
        assert_ne!(sum(&[f.clone()]), sum(&[g]));
        let mut h = f.clone();
        h.subject = "c".into();
        assert_eq!(
            sum(&[f.clone(), h.clone()]),
            sum(&[h, f]),
            "facts in any order"
        );
    }

    #[test]
    fn a_fact_from_an_entity_to_itself_is_not_modelled() {
        let a = article(
            "a",
            vec![person("ana", "Ana Diaz")],
            vec![Fact::new("ana", Relation::Fought, "ana")],
        );
        let mut r = Replay::new(&Decisions::default());
        r.base_article(&a);
        assert!(r.finish().is_none());
    }
}
