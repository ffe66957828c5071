//! Facts told as English prose, for `kg explain`: the verb phrase of each relation (from
//! [`crate::model::Relation::verb`]), dates written out ("22 November 2024", "June 2024",
//! "2024"), noun phrases with articles ("an African lion", "the Moscow Zoo"), and a path as
//! sentences.
//!
//! A path becomes one sentence per step, the fact told in its own direction (subject,
//! verb, object) whichever way the path walked it, led by its date and source. A step
//! with the same date and source that ends on the entity the step before ended on joins
//! that sentence after "; ", the entity told as "it" (or "them"):
//!
//! ```text
//! On 22 November 2024 (news report), Vladimir Putin sent an African lion; the Pyongyang
//! Central Zoo received it.
//! ```

use crate::model::{Entity, Kind};
use crate::query::{Path, Read};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO-8601 date prefix written out: `2024-11-22` → "22 November 2024", `2024-06` →
/// "June 2024", `2024` → "2024". Anything else is returned as it is.
pub fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
    };
    match parts[..] {
        [y] => y.to_string(),
        [y, m] => match month(m) {
            Some(m) => format!("{m} {y}"),
            None => iso.to_string(),
        },
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// "On 22 November 2024", "In June 2024", "In 2024".
pub fn date_phrase(iso: &str) -> String {
    let preposition = if iso.len() == 10 { "On" } else { "In" };
    format!("{preposition} {}", date(iso))
}

/// The date to tell for a fact: its own date, made more precise by its source's date when
/// that agrees (a fact dated `2024-11` from an article of `2024-11-22` is told "On 22
/// November 2024"); the source's date when the fact has none.
pub fn fact_date<G: Read>(graph: &G, e: G::Edge) -> Option<String> {
    let f = graph.fact(e);
    let source_date = f
        .source
        .as_deref()
        .and_then(|s| graph.source(s))
        .and_then(|s| s.date.clone());
    match (&f.date, source_date) {
        (Some(d), Some(s)) if s.starts_with(d.as_str()) => Some(s),
        (Some(d), _) => Some(d.clone()),
        (None, s) => s,
    }
}

/// True when a name reads as plural: a group whose name ends in "s" ("North Korean
/// troops").
fn is_plural(e: &Entity) -> bool {
    e.kind == Kind::Group && e.name.ends_with('s')
}

/// The entity as a noun phrase: animals get "a"/"an" ("an African lion"), or a number
/// and a plural when the fact has a count above one ("2 brown bears"); institutions and
/// agreements get "the"; statements are quoted; other names stand alone.
pub fn noun(e: &Entity, count: Option<u64>) -> String {
    let name = e.name.as_str();
    match e.kind {
        Kind::Statement => format!("\u{201c}{name}\u{201d}"),
        Kind::Animal | Kind::Thing => match count {
            Some(n) if n > 1 => format!("{n} {}", plural(e)),
            _ if e.kind == Kind::Thing => name.to_string(),
            _ => format!("{} {name}", indefinite(name)),
        },
        Kind::Institution | Kind::Agreement if !starts_with_the(name) => format!("the {name}"),
        _ => name.to_string(),
    }
}

/// "a" or "an", by the first letter.
fn indefinite(word: &str) -> &'static str {
    match word.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

fn starts_with_the(name: &str) -> bool {
    name.get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("the "))
}

/// The plural of a name: an alias that extends it ("African lions"), else the name with
/// "s" added.
fn plural(e: &Entity) -> String {
    e.aliases
        .iter()
        .find(|a| a.len() > e.name.len() && a.to_lowercase().starts_with(&e.name.to_lowercase()))
        .cloned()
        .unwrap_or_else(|| format!("{}s", e.name))
}

/// One fact as a clause, "Vladimir Putin sent an African lion"; `it` is the entity the
/// clause before ended on, told as "it"/"them" when this clause ends on it too.
pub fn clause<G: Read>(graph: &G, e: G::Edge, it: Option<G::Node>) -> String {
    let (count, relation) = (graph.count_and_date(e).0, graph.relation(e));
    let (s, o) = graph.endpoints(e);
    let (subject, object) = (graph.entity(s), graph.entity(o));
    let object_phrase = if Some(o) == it {
        match count {
            Some(n) if n > 1 => "them".to_string(),
            _ => "it".to_string(),
        }
    } else {
        noun(&object, count)
    };
    format!(
        "{} {} {}",
        noun(&subject, None),
        relation.verb(is_plural(&subject)),
        object_phrase
    )
}

/// The steps told in one sentence: their date, their source, their facts.
type Sentence<E> = (Option<String>, Option<String>, Vec<E>);

/// The path as sentences, with the source ids in the order the sentences cite them. A
/// sentence cites its source by its publisher ("(Associated Press)", from the article's
/// `source:` header, without a remark in parentheses) when no other source of the path has the same one; else as "(news
/// report)", or "(news report 2)" when the path draws on several, or "(news reports 1
/// and 2)" when several articles state its facts.
pub fn path_sentences<G: Read>(
    graph: &G,
    path: &Path<G::Node, G::Edge>,
) -> (Vec<String>, Vec<String>) {
    let mut sources: Vec<String> = Vec::new();
    for s in &path.steps {
        for src in graph.fact(s.edge).sources() {
            if !sources.contains(&src) {
                sources.push(src);
            }
        }
    }
    // A source is named by its publisher when no other source of the path has the same;
    // in the sentence without a remark in parentheses ("Reuters (via Yahoo News)" is
    // "Reuters"; the list of sources has it whole).
    let by_publisher: Vec<Option<String>> = sources
        .iter()
        .map(|id| {
            let s = graph.source(id)?;
            let p = s.publisher.as_deref()?;
            let p = p.split(" (").next().unwrap_or(p).trim();
            (!p.is_empty()).then(|| p.to_string())
        })
        .collect();
    let publishers: Vec<Option<&str>> = by_publisher
        .iter()
        .map(|p| {
            let p = p.as_deref()?;
            let same = by_publisher
                .iter()
                .filter(|o| o.as_deref() == Some(p))
                .count();
            (same == 1).then_some(p)
        })
        .collect();
    // A step joins the sentence before when it has the same date and source and ends on
    // the entity the clause before ended on ("...; the zoo received it").
    let mut groups: Vec<Sentence<G::Edge>> = Vec::new();
    for s in &path.steps {
        let when = fact_date(graph, s.edge);
        let source = graph.fact(s.edge).source.clone();
        let object = graph.endpoints(s.edge).1;
        match groups.last_mut() {
            Some((w, src, edges))
                if *w == when
                    && *src == source
                    && edges.last().map(|&e| graph.endpoints(e).1) == Some(object) =>
            {
                edges.push(s.edge)
            }
            _ => groups.push((when, source, vec![s.edge])),
        }
    }
    let sentences = groups
        .into_iter()
        .map(|(when, source, edges)| {
            let mut it = None;
            let clauses: Vec<String> = edges
                .iter()
                .map(|&e| {
                    let c = clause(graph, e, it);
                    it = Some(graph.endpoints(e).1);
                    c
                })
                .collect();
            let body = clauses.join("; ");
            let mut cited: Vec<usize> = edges
                .iter()
                .flat_map(|&e| graph.fact(e).sources())
                .filter_map(|src| sources.iter().position(|s| *s == src))
                .map(|i| i + 1)
                .collect();
            cited.sort();
            cited.dedup();
            let named: Option<Vec<&str>> = cited.iter().map(|&i| publishers[i - 1]).collect();
            let cite = source.map(|_| match (cited.as_slice(), named) {
                (_, Some(names)) if !names.is_empty() => and_list(&names),
                _ if sources.len() <= 1 => "news report".to_string(),
                ([one], _) => format!("news report {one}"),
                (many, _) => {
                    let numbers: Vec<String> = many.iter().map(usize::to_string).collect();
                    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
                    format!("news reports {}", and_list(&numbers))
                }
            });
            let lead = match (when, cite) {
                (Some(w), Some(c)) => format!("{} ({c}), ", date_phrase(&w)),
                (Some(w), None) => format!("{}, ", date_phrase(&w)),
                (None, Some(c)) if c.starts_with("news report ") || c == "news report" => {
                    format!("According to a {c}, ")
                }
                (None, Some(c)) => format!("According to {c}, "),
                (None, None) => String::new(),
            };
            capitalize(&format!("{lead}{body}."))
        })
        .collect();
    (sentences, sources)
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The text with its first letter in upper case.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Fact, GraphFile, KnowledgeGraph, Relation, Source};
    use crate::query::Step;
    use petgraph::graph::EdgeIndex;

    #[test]
    fn dates_are_written_out() {
        assert_eq!(date("2024-11-22"), "22 November 2024");
        assert_eq!(date("2024-06-01"), "1 June 2024");
        assert_eq!(date("2024-06"), "June 2024");
        assert_eq!(date("2024"), "2024");
        assert_eq!(date("2024-13"), "2024-13");
        assert_eq!(date_phrase("2024-11-22"), "On 22 November 2024");
        assert_eq!(date_phrase("2024-06"), "In June 2024");
        assert_eq!(date_phrase("2024"), "In 2024");
    }

    #[test]
    fn nouns_take_articles_and_plurals() {
        let mut lion = Entity::new("l", "African lion", Kind::Animal);
        assert_eq!(noun(&lion, None), "an African lion");
        assert_eq!(noun(&lion, Some(3)), "3 African lions");
        lion.aliases = vec!["lions of Africa".into(), "African lions, adult".into()];
        assert_eq!(noun(&lion, Some(2)), "2 African lions, adult");
        let zoo = Entity::new("z", "Moscow Zoo", Kind::Institution);
        assert_eq!(noun(&zoo, None), "the Moscow Zoo");
        let the = Entity::new("t", "The Hague Court", Kind::Institution);
        assert_eq!(noun(&the, None), "The Hague Court");
        let claim = Entity::new("s", "ties are growing", Kind::Statement);
        assert_eq!(noun(&claim, None), "\u{201c}ties are growing\u{201d}");
    }

    #[test]
    fn a_path_is_told_with_dates_sources_and_pronouns() {
        let g = KnowledgeGraph::from_file(GraphFile {
            sources: vec![Source {
                date: Some("2024-11-22".into()),
                ..Source::new("art")
            }],
            entities: vec![
                Entity::new("p", "Vladimir Putin", Kind::Person),
                Entity::new("l", "African lion", Kind::Animal),
                Entity::new("z", "Pyongyang Central Zoo", Kind::Institution),
                Entity::new("c", "Pyongyang", Kind::Place),
            ],
            facts: vec![
                Fact {
                    date: Some("2024-11".into()),
                    source: Some("art".into()),
                    ..Fact::new("p", Relation::Sent, "l")
                },
                Fact {
                    date: Some("2024-11".into()),
                    source: Some("art".into()),
                    ..Fact::new("z", Relation::Received, "l")
                },
                Fact::new("z", Relation::LocatedIn, "c"),
            ],
            ..GraphFile::default()
        })
        .unwrap();
        let path = Path {
            start: g.node("p").unwrap(),
            steps: vec![
                Step {
                    edge: EdgeIndex::new(0),
                    forward: true,
                },
                Step {
                    edge: EdgeIndex::new(1),
                    forward: false,
                },
                Step {
                    edge: EdgeIndex::new(2),
                    forward: true,
                },
            ],
        };
        let (sentences, sources) = path_sentences(&g, &path);
        assert_eq!(
            sentences,
            [
                "On 22 November 2024 (news report), Vladimir Putin sent an African lion; the Pyongyang Central Zoo received it.",
                "The Pyongyang Central Zoo is in Pyongyang."
            ]
        );
        assert_eq!(sources, ["art"]);
    }

    #[test]
    fn many_of_a_thing_are_them() {
        let g = KnowledgeGraph::from_file(GraphFile {
            entities: vec![
                Entity::new("r", "Russia", Kind::Country),
                Entity::new("b", "brown bear", Kind::Animal),
                Entity::new("z", "Pyongyang Central Zoo", Kind::Institution),
                Entity::new("t", "North Korean troops", Kind::Group),
                Entity::new("k", "Kursk", Kind::Place),
            ],
            facts: vec![
                Fact {
                    count: Some(2),
                    ..Fact::new("r", Relation::Sent, "b")
                },
                Fact {
                    count: Some(2),
                    ..Fact::new("z", Relation::Received, "b")
                },
                Fact::new("t", Relation::DeployedTo, "k"),
            ],
            ..GraphFile::default()
        })
        .unwrap();
        let b = g.node("b");
        assert_eq!(
            clause(&g, EdgeIndex::new(0), None),
            "Russia sent 2 brown bears"
        );
        assert_eq!(
            clause(&g, EdgeIndex::new(1), b),
            "the Pyongyang Central Zoo received them"
        );
        assert_eq!(
            clause(&g, EdgeIndex::new(2), None),
            "North Korean troops were deployed to Kursk"
        );
    }
}
