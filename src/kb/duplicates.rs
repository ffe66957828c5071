//! [`duplicates`]: pairs of entities that are likely one, for review with `kg merge`.
//!
//! Candidates share a name word; a pair is proposed when the names say so: both go by the
//! same name (score 3), one's name is part of the other's ("Putin" in "Vladimir Putin",
//! 2), or their names differ by a letter or two ("Pyongyang Zoo" / "Pyong-yang Zoo", 2).
//! The same kind adds 1. Two people with different full names are not proposed for a
//! shared word or one-word alias ("Kim Jong Un" / "Kim Yo Jong"); statements only for a
//! shared name. Pairs a split decision keeps apart are left out.

use super::Decisions;
use crate::model::{Kind, KnowledgeGraph};
use crate::query::names::{levenshtein, normalize};
use petgraph::graph::NodeIndex;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A proposed pair, the more fully named entity first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub a: NodeIndex,
    pub b: NodeIndex,
    pub score: u8,
    pub reasons: Vec<String>,
}

/// Words too common to make two names candidates.
const COMMON: [&str; 8] = ["of", "the", "and", "for", "de", "in", "on", "at"];

/// A bucket of more entities than this sharing one word is not searched (it is a common
/// word, not a name).
const BUCKET: usize = 64;

/// The likely duplicates, best first.
///
/// # Complexity
/// O(V · w · B) name comparisons for V entities with w words each and buckets of at most
/// B entities.
pub fn duplicates(graph: &KnowledgeGraph, decisions: &Decisions) -> Vec<Pair> {
    let names: Vec<(NodeIndex, Vec<String>)> = graph
        .nodes()
        .map(|n| (n, graph.entity(n).names().map(normalize).collect()))
        .collect();
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, ns)) in names.iter().enumerate() {
        let words: BTreeSet<&str> = ns
            .iter()
            .flat_map(|n| n.split(' '))
            .filter(|w| w.chars().count() > 1 && !COMMON.contains(w))
            .collect();
        for w in words {
            by_word.entry(w).or_default().push(i);
        }
    }
    let splits: Vec<(String, String)> = decisions.splits().collect();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut out = Vec::new();
    for list in by_word.values().filter(|l| l.len() <= BUCKET) {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                let key = (i.min(j), i.max(j));
                if !seen.insert(key) {
                    continue;
                }
                let (x, y) = (&names[key.0], &names[key.1]);
                let apart = splits.iter().any(|(p, q)| {
                    (x.1.contains(p) && y.1.contains(q)) || (x.1.contains(q) && y.1.contains(p))
                });
                if apart {
                    continue;
                }
                if let Some(pair) = judge(graph, x, y) {
                    out.push(pair);
                }
            }
        }
    }
    out.sort_by(|p, q| {
        q.score
            .cmp(&p.score)
            .then_with(|| graph.entity(p.a).name.cmp(&graph.entity(q.a).name))
            .then_with(|| graph.entity(p.b).name.cmp(&graph.entity(q.b).name))
    });
    out
}

fn words(s: &str) -> HashSet<&str> {
    s.split(' ').collect()
}

/// The pair with its reasons, if the names make it likely.
fn judge(
    graph: &KnowledgeGraph,
    x: &(NodeIndex, Vec<String>),
    y: &(NodeIndex, Vec<String>),
) -> Option<Pair> {
    let (ex, ey) = (graph.entity(x.0), graph.entity(y.0));
    let (cx, cy) = (&x.1[0], &y.1[0]);
    let mut score = 0;
    let mut reasons = Vec::new();
    let people = ex.kind == Kind::Person && ey.kind == Kind::Person;
    let (wx, wy) = (words(cx), words(cy));
    let different_people = people && wx.len() > 1 && wy.len() > 1 && wx != wy;
    let statement = ex.kind == Kind::Statement || ey.kind == Kind::Statement;
    let shared =
        x.1.iter()
            .find(|n| y.1.contains(n) && (!different_people || n.contains(' ')));
    if let Some(shared) = shared {
        score = 3;
        let display = ex
            .names()
            .find(|d| normalize(d) == *shared)
            .unwrap_or(shared);
        reasons.push(format!("both go by '{display}'"));
    } else if !statement {
        if wx.is_subset(&wy) || wy.is_subset(&wx) {
            let (part, whole) = if wx.len() < wy.len() {
                (&ex.name, &ey.name)
            } else {
                (&ey.name, &ex.name)
            };
            if !different_people {
                score = 2;
                reasons.push(format!("'{part}' is part of '{whole}'"));
            }
        }
        let d = levenshtein(cx, cy);
        if score == 0 && d > 0 && d <= 2 && cx.chars().count().min(cy.chars().count()) >= 5 {
            score = 2;
            reasons.push(format!(
                "names differ by {}",
                crate::print::text::counted(d, "letter")
            ));
        }
    }
    if score == 0 {
        return None;
    }
    if ex.kind == ey.kind {
        score += 1;
        reasons.push(format!("both {}", ex.kind));
    } else {
        reasons.push(format!("kinds differ ({} / {})", ex.kind, ey.kind));
    }
    let (a, b) = if cy.len() > cx.len() {
        (y.0, x.0)
    } else {
        (x.0, y.0)
    };
    Some(Pair {
        a,
        b,
        score,
        reasons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, GraphFile};

    fn graph(entities: Vec<Entity>) -> KnowledgeGraph {
        KnowledgeGraph::from_file(GraphFile {
            entities,
            ..GraphFile::default()
        })
        .unwrap()
    }

    #[test]
    fn proposes_part_names_and_shared_aliases_not_different_people() {
        let mut dprk = Entity::new("dprk", "DPRK", Kind::Country);
        let mut kim_yo_jong = Entity::new("kim-yo-jong", "Kim Yo Jong", Kind::Person);
        kim_yo_jong.aliases.push("Kim".into());
        dprk.aliases.push("North Korea".into());
        let g = graph(vec![
            Entity::new("vladimir-putin", "Vladimir Putin", Kind::Person),
            Entity::new("putin", "Putin", Kind::Person),
            {
                let mut e = Entity::new("kim-jong-un", "Kim Jong Un", Kind::Person);
                e.aliases.push("Kim".into());
                e
            },
            kim_yo_jong,
            Entity::new("north-korea", "North Korea", Kind::Country),
            dprk,
        ]);
        let pairs = duplicates(&g, &Decisions::default());
        let named: Vec<(String, String, Vec<String>)> = pairs
            .iter()
            .map(|p| {
                (
                    g.entity(p.a).name.clone(),
                    g.entity(p.b).name.clone(),
                    p.reasons.clone(),
                )
            })
            .collect();
        assert_eq!(
            named,
            [
                (
                    "North Korea".into(),
                    "DPRK".into(),
                    vec!["both go by 'North Korea'".into(), "both country".into()]
                ),
                (
                    "Vladimir Putin".into(),
                    "Putin".into(),
                    vec![
                        "'Putin' is part of 'Vladimir Putin'".into(),
                        "both person".into()
                    ]
                ),
            ]
        );
        let d = Decisions::parse("split \"Vladimir Putin\" \"Putin\"").unwrap();
        assert_eq!(duplicates(&g, &d).len(), 1);
    }
}
