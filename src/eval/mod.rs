//! Scoring an extracted graph against a hand-made gold graph: precision, recall, F1.
//!
//! [`score`] gives the counts; [`compare`] also gives the matched pairs and the leftovers,
//! [`unmatched`] describes the leftovers for a developer to read, and
//! [`Comparison::by_relation`] breaks the score down by relation. [`only_source`] cuts
//! one article's facts out of a graph built from many, to score it against that
//! article's gold graph (`eval/gold/<stem>.json`).
//!
//! # The matching rule
//!
//! A predicted fact *matches* a gold fact when
//!
//! 1. their relations are equal, and
//! 2. the predicted subject's name is one of the gold subject's names (its canonical name
//!    or an alias), and the same for the object, where names are compared after
//!    [normalising](score_key) them: case is ignored, apostrophes dropped, any other
//!    punctuation read as a space, a leading "the" dropped and simple English plurals
//!    folded on every word (`-ies` → `-y`; `-ches`, `-shes`, `-sses`, `-xes`, `-zes` lose
//!    `-es`; another final `-s` is dropped unless the word ends in `-ss` or is three
//!    letters or fewer). "The Brown Bears" and "brown bear" are the same name; irregular
//!    plurals ("mice") are not folded;
//! 3. for `stated`, the object is compared differently: the two statements match when
//!    they share at least half of their content words, "half" being relative to the
//!    smaller of the two word sets (`2 × shared ≥ min(|a|, |b|)`). Content words are the
//!    normalised words minus a small list of stopwords ([`content_words`]); a statement
//!    with no content word matches nothing. The predicted statement is compared with the
//!    gold statement's name and each alias, and the best one counts;
//! 4. `fought` and `cooperates-with` are symmetric: the predicted fact may name the two
//!    entities in either order.
//!
//! Only the predicted entity's canonical `name` is compared (not its aliases), so that an
//! extractor cannot match by listing many aliases. Counts, dates, sources and evidence
//! are not part of the rule; [`Comparison::pairs`] lets a caller check them on the
//! matched pairs.
//!
//! # Optional gold facts
//!
//! A gold fact whose record holds `"optional": true` (see [`is_optional`]) is one the
//! annotation guideline lets an extractor state or leave out. Predicted facts are paired
//! with as many required gold facts as can be, then, without unpairing any of those, with
//! as many optional ones as can be (a required fact may move to another predicted fact
//! that matches it to free one only an optional fact matches). A predicted fact paired
//! with an optional gold fact is neither right nor wrong: it counts in no total. A missed
//! optional fact costs nothing.
//!
//! # One to one
//!
//! Each gold fact is matched at most once and each predicted fact at most once: a gold
//! graph that states the same triple twice (two separate gifts) needs two predicted
//! facts. The pairing is a maximum bipartite matching (augmenting paths, gold facts taken
//! in edge order, the required ones first), so the matched count never depends on the
//! order in which ambiguous candidates are met.
//!
//! # Zero divided by zero
//!
//! Precision is 1 when nothing was predicted (no prediction was wrong), recall is 1 when
//! the gold graph has no fact (nothing was missed), and F1 is 0 when precision and recall
//! are both 0. An empty prediction for an empty gold graph therefore scores 1, 1, 1; an
//! empty prediction for a non-empty gold graph scores precision 1, recall 0, F1 0.

pub mod corpus;

use crate::model::name::{score_key, score_words};
use crate::model::{Entity, Fact, KnowledgeGraph, Relation};
use petgraph::graph::EdgeIndex;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::{Add, AddAssign};

/// How many facts the gold graph holds, how many were predicted and how many of the
/// predicted ones match a gold fact (one to one). Scores add up across articles
/// (micro-averaging): sum the [`Score`]s, then take `f1()` of the sum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

impl Score {
    /// matched / predicted; 1.0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    /// matched / gold; 1.0 when the gold graph has no fact.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    /// The harmonic mean of precision and recall; 0.0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

pub(crate) fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

impl Add for Score {
    type Output = Score;

    fn add(self, other: Score) -> Score {
        Score {
            gold: self.gold + other.gold,
            predicted: self.predicted + other.predicted,
            matched: self.matched + other.matched,
        }
    }
}

impl AddAssign for Score {
    fn add_assign(&mut self, other: Score) {
        *self = *self + other;
    }
}

impl fmt::Display for Score {
    /// `P 0.750 R 0.600 F1 0.667 (3 matched, 4 predicted, 5 gold)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3} R {:.3} F1 {:.3} ({} matched, {} predicted, {} gold)",
            self.precision(),
            self.recall(),
            self.f1(),
            self.matched,
            self.predicted,
            self.gold
        )
    }
}

/// The full result of comparing a prediction with a gold graph: the score, which facts
/// were paired, and which were left over on either side. Edge indices refer to the
/// graph they came from (`gold` or `pred`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub score: Score,
    /// Matched `(gold edge, predicted edge)` pairs, in gold edge order.
    pub pairs: Vec<(EdgeIndex, EdgeIndex)>,
    /// Gold facts no predicted fact matched (misses), in edge order.
    pub missed: Vec<EdgeIndex>,
    /// Predicted facts that matched no gold fact (false positives), in edge order.
    pub wrong: Vec<EdgeIndex>,
    /// Predicted facts paired with an optional gold fact `(gold edge, predicted edge)`:
    /// counted neither way.
    pub optional: Vec<(EdgeIndex, EdgeIndex)>,
}

impl Comparison {
    /// The score of each relation on its own (gold facts, predicted facts and matches of
    /// that relation), for the relations that occur on either side.
    pub fn by_relation(
        &self,
        gold: &KnowledgeGraph,
        pred: &KnowledgeGraph,
    ) -> BTreeMap<Relation, Score> {
        let mut out: BTreeMap<Relation, Score> = BTreeMap::new();
        for &(g, p) in &self.pairs {
            let s = out.entry(gold.fact(g).relation).or_default();
            s.gold += 1;
            s.matched += 1;
            out.entry(pred.fact(p).relation).or_default().predicted += 1;
        }
        for &g in &self.missed {
            out.entry(gold.fact(g).relation).or_default().gold += 1;
        }
        for &p in &self.wrong {
            out.entry(pred.fact(p).relation).or_default().predicted += 1;
        }
        out
    }
}

/// The leftover facts of a comparison, written out for a developer to read: one
/// [`describe`] line per fact.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unmatched {
    /// Gold facts that were not found.
    pub missed: Vec<String>,
    /// Predicted facts that are not in the gold graph.
    pub wrong: Vec<String>,
}

/// Scores `pred` against `gold` under the module's matching rule.
///
/// # Complexity
/// O(G × P × m) to find candidate pairs (m: names per entity and statement length) and
/// O(G × P²) worst case for the matching; gold graphs are one article each.
pub fn score(gold: &KnowledgeGraph, pred: &KnowledgeGraph) -> Score {
    compare(gold, pred).score
}

/// The gold facts that were missed and the predicted facts that were wrong, described.
pub fn unmatched(gold: &KnowledgeGraph, pred: &KnowledgeGraph) -> Unmatched {
    let c = compare(gold, pred);
    Unmatched {
        missed: c.missed.iter().map(|&e| describe(gold, e)).collect(),
        wrong: c.wrong.iter().map(|&e| describe(pred, e)).collect(),
    }
}

/// Compares `pred` with `gold`: the score, the matched pairs and the leftovers.
pub fn compare(gold: &KnowledgeGraph, pred: &KnowledgeGraph) -> Comparison {
    let (optional, required): (Vec<Prepared>, Vec<Prepared>) = gold
        .edges()
        .map(|e| Prepared::gold(gold, e))
        .partition(|g| is_optional(gold.fact(g.edge)));
    let pred_facts: Vec<Prepared> = pred.edges().map(|e| Prepared::pred(pred, e)).collect();

    let (owner, optional_owner) = pair(&required, &optional, &pred_facts);
    let mut pairs = Vec::new();
    let mut missed = Vec::new();
    let mut pred_used = vec![false; pred_facts.len()];
    for (g, p) in owner.iter().enumerate() {
        match p {
            Some(p) => {
                pred_used[*p] = true;
                pairs.push((required[g].edge, pred_facts[*p].edge));
            }
            None => missed.push(required[g].edge),
        }
    }
    let optional_pairs: Vec<(EdgeIndex, EdgeIndex)> = optional_owner
        .iter()
        .enumerate()
        .filter_map(|(g, p)| {
            let p = (*p)?;
            pred_used[p] = true;
            Some((optional[g].edge, pred_facts[p].edge))
        })
        .collect();
    let wrong = pred_facts
        .iter()
        .zip(&pred_used)
        .filter(|(_, used)| !**used)
        .map(|(p, _)| p.edge)
        .collect();
    Comparison {
        score: Score {
            gold: required.len(),
            predicted: pred_facts.len() - optional_pairs.len(),
            matched: pairs.len(),
        },
        pairs,
        missed,
        wrong,
        optional: optional_pairs,
    }
}

/// True when a gold fact is optional: its record holds `"optional": true`.
pub fn is_optional(fact: &Fact) -> bool {
    fact.extra.get("optional") == Some(&serde_json::Value::Bool(true))
}

/// A maximum one-to-one pairing of predicted facts with the `required` gold facts, then,
/// beside it, with as many `optional` ones as can be: for each gold fact, the predicted
/// fact it is paired with. A later augmenting path may move a required fact to another
/// predicted fact but never unpairs it, so optional facts never cost a required match,
/// and a prediction that only an optional fact matches is not left wrong because a
/// required fact took it when another prediction would have done.
///
/// # Complexity
/// O(g · e) for g gold facts and e candidate pairs (Kuhn's algorithm).
fn pair(
    required: &[Prepared],
    optional: &[Prepared],
    pred: &[Prepared],
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let gold: Vec<&Prepared> = required.iter().chain(optional).collect();
    // candidates[g] = the predicted facts gold fact g may be paired with.
    let candidates: Vec<Vec<usize>> = gold
        .iter()
        .map(|g| (0..pred.len()).filter(|&p| matches(g, &pred[p])).collect())
        .collect();
    let mut pred_owner: Vec<Option<usize>> = vec![None; pred.len()];
    for g in 0..gold.len() {
        let mut seen = vec![false; pred.len()];
        augment(g, &candidates, &mut pred_owner, &mut seen);
    }
    let mut gold_owner: Vec<Option<usize>> = vec![None; gold.len()];
    for (p, g) in pred_owner.iter().enumerate() {
        if let Some(g) = g {
            gold_owner[*g] = Some(p);
        }
    }
    let optional_owner = gold_owner.split_off(required.len());
    (gold_owner, optional_owner)
}

/// The part of a graph that one article states: its facts whose `source` is `source_id`,
/// their endpoints, and that source. Use it to score a graph built from many articles
/// against the gold graph of one of them.
pub fn only_source(graph: &KnowledgeGraph, source_id: &str) -> KnowledgeGraph {
    let mut file = graph.to_file();
    file.facts
        .retain(|f| f.source.as_deref() == Some(source_id));
    let used: BTreeSet<&str> = file
        .facts
        .iter()
        .flat_map(|f| [f.subject.as_str(), f.object.as_str()])
        .collect();
    let entities = file
        .entities
        .iter()
        .filter(|e| used.contains(e.id.as_str()))
        .cloned()
        .collect();
    file.entities = entities;
    file.sources.retain(|s| s.id == source_id);
    KnowledgeGraph::from_file(file).expect("a part of a valid graph is valid")
}

/// Kuhn's augmenting path step: tries to pair gold fact `g`, moving earlier pairs along
/// when that frees a predicted fact.
fn augment(
    g: usize,
    candidates: &[Vec<usize>],
    pred_owner: &mut [Option<usize>],
    seen: &mut [bool],
) -> bool {
    for &p in &candidates[g] {
        if seen[p] {
            continue;
        }
        seen[p] = true;
        let free = match pred_owner[p] {
            None => true,
            Some(other) => augment(other, candidates, pred_owner, seen),
        };
        if free {
            pred_owner[p] = Some(g);
            return true;
        }
    }
    false
}

/// A fact as one line: `Vladimir Putin -[sent]-> animal (count 70, 2024-11)`.
pub fn describe(graph: &KnowledgeGraph, edge: EdgeIndex) -> String {
    let (s, o) = graph.endpoints(edge);
    let fact = graph.fact(edge);
    let mut extras = Vec::new();
    if let Some(c) = fact.count {
        extras.push(format!("count {c}"));
    }
    if let Some(d) = &fact.date {
        extras.push(d.clone());
    }
    let mut line = format!(
        "{} -[{}]-> {}",
        graph.entity(s).name,
        fact.relation,
        graph.entity(o).name
    );
    if !extras.is_empty() {
        line.push_str(&format!(" ({})", extras.join(", ")));
    }
    line
}

/// One side's view of a fact, with its names already normalised.
struct Prepared {
    edge: EdgeIndex,
    relation: Relation,
    /// Normalised names of the subject: all names for gold, the canonical one for a
    /// prediction.
    subject: Vec<String>,
    /// Same for the object (ignored for `stated`, which uses `statement`).
    object: Vec<String>,
    /// For `stated`: the content words of each name of the object.
    statement: Vec<BTreeSet<String>>,
}

impl Prepared {
    fn gold(graph: &KnowledgeGraph, edge: EdgeIndex) -> Self {
        Self::new(graph, edge, |e: &Entity| {
            e.names().map(str::to_owned).collect()
        })
    }

    fn pred(graph: &KnowledgeGraph, edge: EdgeIndex) -> Self {
        Self::new(graph, edge, |e: &Entity| vec![e.name.clone()])
    }

    fn new(
        graph: &KnowledgeGraph,
        edge: EdgeIndex,
        names: impl Fn(&Entity) -> Vec<String>,
    ) -> Self {
        let (s, o) = graph.endpoints(edge);
        let fact: &Fact = graph.fact(edge);
        let object_names = names(graph.entity(o));
        let statement = if fact.relation == Relation::Stated {
            object_names.iter().map(|n| content_words(n)).collect()
        } else {
            Vec::new()
        };
        Prepared {
            edge,
            relation: fact.relation,
            subject: names(graph.entity(s))
                .iter()
                .map(|n| score_key(n))
                .collect(),
            object: object_names.iter().map(|n| score_key(n)).collect(),
            statement,
        }
    }
}

fn matches(gold: &Prepared, pred: &Prepared) -> bool {
    if gold.relation != pred.relation {
        return false;
    }
    let same = |g: &[String], p: &[String]| p.iter().any(|n| g.contains(n));
    if gold.relation == Relation::Stated {
        return same(&gold.subject, &pred.subject)
            && pred
                .statement
                .iter()
                .any(|p| gold.statement.iter().any(|g| statements_overlap(g, p)));
    }
    let forward = same(&gold.subject, &pred.subject) && same(&gold.object, &pred.object);
    let backward = gold.relation.is_symmetric()
        && same(&gold.subject, &pred.object)
        && same(&gold.object, &pred.subject);
    forward || backward
}

/// True when two content-word sets share at least half of the smaller one's words.
/// An empty set overlaps nothing.
fn statements_overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let smaller = a.len().min(b.len());
    smaller > 0 && 2 * a.intersection(b).count() >= smaller
}

/// Words that carry no content for statement matching.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "but", "by", "can", "could", "did", "do", "doe", "for", "from", "had", "ha", "have",
    "he", "her", "hi", "i", "if", "in", "into", "is", "it", "its", "may", "more", "most", "must",
    "now", "of", "on", "or", "our", "over", "said", "say", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "them", "there", "these", "they", "thi", "this", "those", "to",
    "u", "up", "wa", "was", "we", "were", "which", "who", "will", "with", "would", "you", "your",
];

/// The content words of a statement: its lowercased words (plurals folded) minus a
/// small list of stopwords. Negations such as "not" and "no" are kept: they are content.
pub fn content_words(statement: &str) -> BTreeSet<String> {
    score_words(statement)
        .into_iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GraphFile, Kind, Source};

    /// A graph from (id, name, kind, aliases) entities and (subject, relation, object)
    /// facts.
    fn graph(
        entities: &[(&str, &str, Kind, &[&str])],
        facts: &[(&str, &str, &str)],
    ) -> KnowledgeGraph {
        let file = GraphFile {
            entities: entities
                .iter()
                .map(|(id, name, kind, aliases)| {
                    let mut e = Entity::new(*id, *name, *kind);
                    e.aliases = aliases.iter().map(|a| a.to_string()).collect();
                    e
                })
                .collect(),
            facts: facts
                .iter()
                .map(|(s, r, o)| Fact::new(*s, r.parse().unwrap(), *o))
                .collect(),
            ..GraphFile::default()
        };
        KnowledgeGraph::from_file(file).unwrap()
    }

    fn gift_gold() -> KnowledgeGraph {
        graph(
            &[
                ("vladimir-putin", "Vladimir Putin", Kind::Person, &["Putin"]),
                ("brown-bear", "brown bear", Kind::Animal, &["brown bears"]),
                (
                    "pyongyang-central-zoo",
                    "Pyongyang Central Zoo",
                    Kind::Institution,
                    &[],
                ),
            ],
            &[
                ("vladimir-putin", "sent", "brown-bear"),
                ("pyongyang-central-zoo", "received", "brown-bear"),
            ],
        )
    }

    /// Names are compared by `model::name::score_key`, which folds plurals (its own tests
    /// hold the cases).
    #[test]
    fn the_scorer_folds_plurals_with_the_name_module() {
        assert_eq!(score_key("Brown Bears"), "brown bear");
    }

    #[test]
    fn plural_and_case_and_the_do_not_matter() {
        let pred = graph(
            &[
                ("p", "putin", Kind::Person, &[]),
                ("b", "Brown Bears", Kind::Animal, &[]),
                ("z", "the Pyongyang Central Zoo", Kind::Institution, &[]),
            ],
            &[("p", "sent", "b"), ("z", "received", "b")],
        );
        let s = score(&gift_gold(), &pred);
        assert_eq!(
            s,
            Score {
                gold: 2,
                predicted: 2,
                matched: 2
            }
        );
        assert_eq!(s.f1(), 1.0);
    }

    #[test]
    fn the_is_dropped_only_in_front() {
        assert_eq!(score_key("The New York Times"), "new york time");
        assert_eq!(score_key("the"), "the");
        assert_eq!(score_key("Bank of the North"), "bank of the north");
        let gold = graph(
            &[
                ("nyt", "The New York Times", Kind::Institution, &[]),
                ("s", "Troops arrived", Kind::Statement, &[]),
            ],
            &[("nyt", "stated", "s")],
        );
        let pred = graph(
            &[
                ("nyt", "New York Times", Kind::Institution, &[]),
                ("s", "the troops have arrived", Kind::Statement, &[]),
            ],
            &[("nyt", "stated", "s")],
        );
        assert_eq!(score(&gold, &pred).matched, 1);
    }

    #[test]
    fn wrong_relation_direction_or_name_does_not_match() {
        let pred = graph(
            &[
                ("p", "Vladimir Putin", Kind::Person, &[]),
                ("b", "black bear", Kind::Animal, &[]),
                ("bb", "brown bear", Kind::Animal, &[]),
            ],
            &[
                ("p", "sent", "b"),
                ("p", "received", "bb"),
                ("bb", "sent", "p"),
            ],
        );
        let c = compare(&gift_gold(), &pred);
        assert_eq!(
            c.score,
            Score {
                gold: 2,
                predicted: 3,
                matched: 0
            }
        );
        assert_eq!(c.missed.len(), 2);
        assert_eq!(c.wrong.len(), 3);
    }

    #[test]
    fn only_the_predicted_canonical_name_counts() {
        let pred = graph(
            &[
                ("p", "President", Kind::Person, &["Vladimir Putin"]),
                ("b", "brown bear", Kind::Animal, &[]),
            ],
            &[("p", "sent", "b")],
        );
        assert_eq!(score(&gift_gold(), &pred).matched, 0);
    }

    #[test]
    fn symmetric_relations_match_either_way() {
        let ents: &[(&str, &str, Kind, &[&str])] = &[
            ("ru", "Russia", Kind::Country, &[]),
            ("nk", "North Korea", Kind::Country, &["DPRK"]),
        ];
        let gold = graph(
            ents,
            &[("ru", "cooperates-with", "nk"), ("ru", "signed", "nk")],
        );
        let pred = graph(
            ents,
            &[("nk", "cooperates-with", "ru"), ("nk", "signed", "ru")],
        );
        let c = compare(&gold, &pred);
        assert_eq!(c.score.matched, 1);
        let u = unmatched(&gold, &pred);
        assert_eq!(u.missed, ["Russia -[signed]-> North Korea"]);
        assert_eq!(u.wrong, ["North Korea -[signed]-> Russia"]);
    }

    #[test]
    fn statements_match_on_half_their_content_words() {
        let gold = graph(
            &[
                ("k", "Alexander Kozlov", Kind::Person, &["Kozlov"]),
                (
                    "s",
                    "Cooperation between Russia and North Korea is not only about trade",
                    Kind::Statement,
                    &[],
                ),
            ],
            &[("k", "stated", "s")],
        );
        // content words {cooperation, between, russia, north, korea, not, only, trade}
        assert_eq!(
            content_words(&gold.entity(gold.nodes().nth(1).unwrap()).name).len(),
            8
        );
        let pred_with = |claim: &str| {
            graph(
                &[
                    ("k", "Kozlov", Kind::Person, &[]),
                    ("s", claim, Kind::Statement, &[]),
                ],
                &[("k", "stated", "s")],
            )
        };
        // Smaller set {cooperation, russia, korea, grow}: 3 of 4 shared.
        assert_eq!(
            score(&gold, &pred_with("Cooperation of Russia and Korea grows")).matched,
            1
        );
        // {russia, korea, friend, forever}: 2 of 4 shared, exactly half.
        assert_eq!(
            score(&gold, &pred_with("Russia and Korea are friends forever")).matched,
            1
        );
        // {russia, sent, bear, zoo, gift}: 1 of 5.
        assert_eq!(
            score(&gold, &pred_with("Russia sent bears to the zoo as a gift")).matched,
            0
        );
        // Only stopwords: no content, no match.
        assert_eq!(score(&gold, &pred_with("it is what it was")).matched, 0);
    }

    #[test]
    fn each_gold_fact_is_matched_once() {
        let gold = gift_gold();
        let ents: &[(&str, &str, Kind, &[&str])] = &[
            ("p", "Putin", Kind::Person, &[]),
            ("b", "brown bear", Kind::Animal, &[]),
        ];
        let pred = graph(
            ents,
            &[("p", "sent", "b"), ("p", "sent", "b"), ("p", "sent", "b")],
        );
        let s = score(&gold, &pred);
        assert_eq!(
            s,
            Score {
                gold: 2,
                predicted: 3,
                matched: 1
            }
        );
        assert!((s.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.recall(), 0.5);
        assert!((s.f1() - 0.4).abs() < 1e-12);
    }

    #[test]
    fn matching_is_maximum_not_first_come() {
        // Statement A' overlaps gold A and gold B; statement B' only gold A. A greedy
        // first-come pairing of A' with A would leave B' unmatched.
        let gold = graph(
            &[
                ("x", "X", Kind::Person, &[]),
                ("a", "troops crossed river bridge", Kind::Statement, &[]),
                ("b", "troops crossed mountain pass", Kind::Statement, &[]),
            ],
            &[("x", "stated", "a"), ("x", "stated", "b")],
        );
        let pred = graph(
            &[
                ("x", "X", Kind::Person, &[]),
                ("a", "troops crossed", Kind::Statement, &[]),
                ("b", "river bridge", Kind::Statement, &[]),
            ],
            &[("x", "stated", "a"), ("x", "stated", "b")],
        );
        assert_eq!(score(&gold, &pred).matched, 2);
    }

    #[test]
    fn scores_break_down_by_relation() {
        let gold = gift_gold();
        let pred = graph(
            &[
                ("p", "Putin", Kind::Person, &[]),
                ("b", "brown bear", Kind::Animal, &[]),
            ],
            &[("p", "sent", "b"), ("p", "leads", "b")],
        );
        let by = compare(&gold, &pred).by_relation(&gold, &pred);
        assert_eq!(
            by[&Relation::Sent],
            Score {
                gold: 1,
                predicted: 1,
                matched: 1
            }
        );
        assert_eq!(
            by[&Relation::Received],
            Score {
                gold: 1,
                predicted: 0,
                matched: 0
            }
        );
        assert_eq!(
            by[&Relation::Leads],
            Score {
                gold: 0,
                predicted: 1,
                matched: 0
            }
        );
        assert_eq!(by.len(), 3);
    }

    #[test]
    fn only_source_keeps_one_articles_facts() {
        let mut file = gift_gold().to_file();
        file.facts[0].source = Some("a".into());
        file.facts[1].source = Some("b".into());
        file.sources = vec![Source::new("a"), Source::new("b")];
        let g = KnowledgeGraph::from_file(file).unwrap();
        let a = only_source(&g, "a");
        assert_eq!((a.fact_count(), a.entity_count()), (1, 2));
        assert_eq!(a.sources().len(), 1);
        assert_eq!(only_source(&g, "zz").entity_count(), 0);
    }

    #[test]
    fn zero_over_zero() {
        let empty = Score::default();
        assert_eq!(
            (empty.precision(), empty.recall(), empty.f1()),
            (1.0, 1.0, 1.0)
        );
        let nothing_predicted = Score {
            gold: 4,
            predicted: 0,
            matched: 0,
        };
        assert_eq!(
            (
                nothing_predicted.precision(),
                nothing_predicted.recall(),
                nothing_predicted.f1()
            ),
            (1.0, 0.0, 0.0)
        );
        let nothing_to_find = Score {
            gold: 0,
            predicted: 3,
            matched: 0,
        };
        assert_eq!(nothing_to_find.f1(), 0.0);
    }

    #[test]
    fn scores_add_up_and_display() {
        let total = Score {
            gold: 2,
            predicted: 1,
            matched: 1,
        } + Score {
            gold: 3,
            predicted: 4,
            matched: 2,
        };
        assert_eq!(
            total,
            Score {
                gold: 5,
                predicted: 5,
                matched: 3
            }
        );
        assert_eq!(
            total.to_string(),
            "P 0.600 R 0.600 F1 0.600 (3 matched, 5 predicted, 5 gold)"
        );
    }

    #[test]
    fn describe_shows_count_and_date() {
        let mut file = gift_gold().to_file();
        file.facts[0].count = Some(2);
        file.facts[0].date = Some("2024-11".into());
        let g = KnowledgeGraph::from_file(file).unwrap();
        let e = g.edges().next().unwrap();
        assert!(
            describe(&g, e).ends_with("(count 2, 2024-11)"),
            "{}",
            describe(&g, e)
        );
    }

    /// Every gold file (eval/gold and eval/heldout/gold) loads with kg's own loader, is in kg's canonical form, and scores
    /// F1 = 1 against itself.
    #[test]
    fn gold_files_are_valid_and_match_themselves() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths: Vec<_> = [
            "eval/gold",
            "eval/heldout/gold",
            "eval/constructions/gold",
            "eval/real/gold",
        ]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
        paths.sort();
        assert!(
            paths.len() > 8,
            "too few gold files under {}",
            root.display()
        );
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let g = crate::store::from_json(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                crate::store::to_json(&g),
                text,
                "{} is not in canonical form",
                path.display()
            );
            let s = score(&g, &g);
            assert_eq!(s.f1(), 1.0, "{}: {s}", path.display());
            assert!(s.gold > 0, "{} has no fact", path.display());
            // The real articles' text is not ours: their gold keeps no sentence of it.
            if path.starts_with(root.join("eval/real")) {
                for e in g.edges() {
                    let f = g.fact(e);
                    assert!(
                        f.evidence.is_none() && f.span.is_none(),
                        "{}: a fact with evidence",
                        path.display()
                    );
                }
            }
        }
    }

    #[test]
    fn a_required_fact_leaves_the_only_prediction_an_optional_fact_matches() {
        // Statement A' overlaps required gold A and optional gold B; statement B' only A.
        // Pairing A' with A would leave B' wrong and B unmatched: A takes B', B takes A'.
        let mut gold = graph(
            &[
                ("x", "X", Kind::Person, &[]),
                ("a", "troops crossed river bridge", Kind::Statement, &[]),
                ("b", "troops crossed mountain pass", Kind::Statement, &[]),
            ],
            &[("x", "stated", "a"), ("x", "stated", "b")],
        )
        .to_file();
        gold.facts[1].extra.insert("optional".into(), true.into());
        let gold = KnowledgeGraph::from_file(gold).unwrap();
        let pred = graph(
            &[
                ("x", "X", Kind::Person, &[]),
                ("a", "troops crossed", Kind::Statement, &[]),
                ("b", "river bridge", Kind::Statement, &[]),
            ],
            &[("x", "stated", "a"), ("x", "stated", "b")],
        );
        let c = compare(&gold, &pred);
        assert_eq!(
            (c.score.gold, c.score.predicted, c.score.matched),
            (1, 1, 1)
        );
        assert_eq!((c.optional.len(), c.wrong.len()), (1, 0));
    }

    #[test]
    fn optional_gold_facts_count_neither_way() {
        let mut gold = gift_gold().to_file();
        let received = |f: &Fact| f.relation == Relation::Received;
        let at = gold.facts.iter().position(received).unwrap();
        gold.facts[at].extra.insert("optional".into(), true.into());
        let gold = KnowledgeGraph::from_file(gold).unwrap();
        // Predicting the optional fact changes nothing; missing it costs nothing.
        let both = gift_gold();
        let c = compare(&gold, &both);
        assert_eq!(
            (c.score.gold, c.score.predicted, c.score.matched),
            (1, 1, 1)
        );
        assert_eq!(c.optional.len(), 1);
        let mut first = gift_gold().to_file();
        first.facts.retain(|f| !received(f));
        let first = KnowledgeGraph::from_file(first).unwrap();
        assert_eq!(score(&gold, &first).f1(), 1.0);
        // The optional fact is in no relation's counts.
        let by_rel = compare(&gold, &both).by_relation(&gold, &both);
        assert_eq!(by_rel.get(&Relation::Received), None);
    }
}
