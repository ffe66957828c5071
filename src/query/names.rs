//! Name resolution: from what a user typed to one entity, or a helpful error.
//!
//! An entity can be named by its canonical name or any alias, case-insensitively (a
//! leading "the" and the kind of apostrophe do not matter), or by a unique word or prefix
//! of one of its names ("putin", "pyongyang central"). A statement's name is a claim, not a
//! name: it is matched by the start of the claim only, so "putin" does not find "This is a
//! gift from Vladimir Putin". An ambiguous name lists the
//! candidates; an unknown one suggests the closest names.

use crate::model::{Entity, Kind, KnowledgeGraph};
use petgraph::graph::NodeIndex;

/// How many candidates or suggestions an error lists at most.
const LISTED: usize = 6;

/// Why a name did not resolve to exactly one entity.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("empty entity name (try 'kg entities' to list them)")]
    Empty,
    #[error("no entity named '{name}'{}", suggest(suggestions))]
    Unknown {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("'{name}' is ambiguous: it could be {} (give more of the name)", candidates.join(", "))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        " (try 'kg entities' to list them)".to_string()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// Lowercases, folds curly apostrophes and white space (control characters count as
/// white space: text output shows them as spaces, so the name a user reads resolves), and
/// drops a leading "the ".
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let words = name
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '`' => out.push('\''),
                '\u{201C}' | '\u{201D}' => out.push('"'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => out,
    }
}

/// Finds an entity by its exact id, else as [`resolve`] does by name (for commands that
/// print ids for scripts and reviews to pass back, like `kg duplicates`).
pub fn resolve_id_or_name(graph: &KnowledgeGraph, query: &str) -> Result<NodeIndex, NameError> {
    match graph.node(query) {
        Some(n) => Ok(n),
        None => resolve(graph, query),
    }
}

/// Finds the one entity a name refers to.
///
/// Tried in order: an exact name or alias (a canonical name wins over an alias shared by
/// several entities); then an entity id (`vladimir-putin`), exactly; then a prefix of a
/// name starting at one of its words. The first
/// step that finds exactly one entity wins; one that finds several is an ambiguity.
///
/// # Complexity
/// O(total length of all names); suggestions for an unknown name add an edit distance per
/// name and word, O(|name| · |query|) each.
pub fn resolve(graph: &KnowledgeGraph, query: &str) -> Result<NodeIndex, NameError> {
    let q = normalize(query);
    if q.is_empty() {
        return Err(NameError::Empty);
    }
    let mut exact = Vec::new();
    let mut canonical = Vec::new();
    let mut prefix = Vec::new();
    for n in graph.nodes() {
        let e = graph.entity(n);
        let claim = e.kind == Kind::Statement;
        let mut found_prefix = false;
        for (i, name) in e.names().enumerate() {
            let name = normalize(name);
            if name == q {
                exact.push(n);
                if i == 0 {
                    canonical.push(n);
                }
                break;
            }
            found_prefix = found_prefix
                || if claim {
                    name.starts_with(&q)
                } else {
                    word_prefix(&name, &q)
                };
        }
        if found_prefix {
            prefix.push(n);
        }
    }
    exact.dedup();
    if exact.len() == 1 {
        return Ok(exact[0]);
    }
    if canonical.len() == 1 {
        return Ok(canonical[0]);
    }
    if exact.len() > 1 {
        return Err(ambiguous(graph, query, exact));
    }
    if let Some(n) = graph.node(query.trim()) {
        return Ok(n);
    }
    match prefix.len() {
        1 => Ok(prefix[0]),
        0 => Err(NameError::Unknown {
            name: query.trim().to_string(),
            suggestions: suggestions(graph, &q),
        }),
        _ => Err(ambiguous(graph, query, prefix)),
    }
}

/// True when `q` starts at a word boundary of `name`.
fn word_prefix(name: &str, q: &str) -> bool {
    name.match_indices(q).any(|(i, _)| {
        i == 0
            || !name[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

fn label(e: &Entity) -> String {
    format!("{} ({})", e.name, e.kind)
}

fn ambiguous(graph: &KnowledgeGraph, query: &str, nodes: Vec<NodeIndex>) -> NameError {
    let mut candidates: Vec<String> = nodes.into_iter().map(|n| label(graph.entity(n))).collect();
    candidates.sort();
    candidates.dedup();
    let more = candidates.len().saturating_sub(LISTED);
    candidates.truncate(LISTED);
    if more > 0 {
        candidates.push(format!("and {more} more"));
    }
    NameError::Ambiguous {
        name: query.trim().to_string(),
        candidates,
    }
}

/// The canonical names closest to `q` by edit distance, against whole names and single
/// words of names (not of claims), within a distance of a third of the query's length (at least 1).
fn suggestions(graph: &KnowledgeGraph, q: &str) -> Vec<String> {
    let limit = (q.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, String)> = Vec::new();
    for n in graph.nodes() {
        let e = graph.entity(n);
        let claim = e.kind == Kind::Statement;
        let best = e
            .names()
            .flat_map(|name| {
                let name = normalize(name);
                let whole = levenshtein(&name, q);
                let words = name
                    .split(' ')
                    .filter(|_| !claim)
                    .map(|w| levenshtein(w, q))
                    .min()
                    .unwrap_or(whole);
                [whole, words]
            })
            .min()
            .unwrap_or(usize::MAX);
        if best <= limit {
            scored.push((best, format!("'{}'", e.name)));
        }
    }
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, s)| s).collect()
}

/// The Levenshtein distance between two strings, by characters.
///
/// # Complexity
/// O(|a| · |b|) time, O(|b|) memory.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GraphFile;

    fn graph() -> KnowledgeGraph {
        let mut putin = Entity::new("vladimir-putin", "Vladimir Putin", Kind::Person);
        putin.aliases = vec!["Putin".into(), "Russian President Vladimir Putin".into()];
        let mut zoo = Entity::new(
            "pyongyang-central-zoo",
            "Pyongyang Central Zoo",
            Kind::Institution,
        );
        zoo.aliases = vec!["Pyongyang Zoo".into()];
        let mut kim1 = Entity::new("kim-jong-un", "Kim Jong Un", Kind::Person);
        kim1.aliases = vec!["Kim".into()];
        let mut kim2 = Entity::new("kim-yo-jong", "Kim Yo Jong", Kind::Person);
        kim2.aliases = vec!["Kim".into()];
        let file = GraphFile {
            entities: vec![
                putin,
                zoo,
                Entity::new("pyongyang", "Pyongyang", Kind::Place),
                Entity::new("moscow-zoo", "Moscow Zoo", Kind::Institution),
                kim1,
                kim2,
                Entity::new(
                    "the-new-york-times",
                    "The New York Times",
                    Kind::Institution,
                ),
                Entity::new(
                    "gift",
                    "This is a gift to Pyongyang from Vladimir Putin",
                    Kind::Statement,
                ),
            ],
            ..GraphFile::default()
        };
        KnowledgeGraph::from_file(file).unwrap()
    }

    fn id(g: &KnowledgeGraph, q: &str) -> Result<String, NameError> {
        resolve(g, q).map(|n| g.entity(n).id.clone())
    }

    #[test]
    fn exact_names_and_aliases_any_case() {
        let g = graph();
        assert_eq!(id(&g, "Vladimir Putin").unwrap(), "vladimir-putin");
        assert_eq!(id(&g, "putin").unwrap(), "vladimir-putin");
        assert_eq!(id(&g, "PYONGYANG ZOO").unwrap(), "pyongyang-central-zoo");
        assert_eq!(id(&g, "  new york   times ").unwrap(), "the-new-york-times");
        assert_eq!(
            id(&g, "pyongyang-central-zoo").unwrap(),
            "pyongyang-central-zoo"
        );
    }

    #[test]
    fn exact_beats_prefix() {
        // "Pyongyang" is also a prefix of the zoo's names.
        assert_eq!(id(&graph(), "pyongyang").unwrap(), "pyongyang");
    }

    #[test]
    fn unique_word_prefixes() {
        let g = graph();
        assert_eq!(
            id(&g, "pyongyang central").unwrap(),
            "pyongyang-central-zoo"
        );
        assert_eq!(id(&g, "vlad").unwrap(), "vladimir-putin");
        assert_eq!(id(&g, "york").unwrap(), "the-new-york-times");
        // A claim is found by its start only.
        assert_eq!(id(&g, "this is a gift").unwrap(), "gift");
        assert_eq!(id(&g, "putin").unwrap(), "vladimir-putin");
        // Not at a word boundary.
        assert!(matches!(
            resolve(&g, "ladimir"),
            Err(NameError::Unknown { .. })
        ));
    }

    #[test]
    fn ambiguous_names_list_candidates() {
        let err = resolve(&graph(), "kim").unwrap_err();
        assert_eq!(
            err.to_string(),
            "'kim' is ambiguous: it could be Kim Jong Un (person), Kim Yo Jong (person) (give more of the name)"
        );
        assert!(matches!(
            resolve(&graph(), "zoo"),
            Err(NameError::Ambiguous { .. })
        ));
    }

    #[test]
    fn unknown_names_suggest_close_ones() {
        let err = resolve(&graph(), "Putn").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no entity named 'Putn'; did you mean 'Vladimir Putin'?"
        );
        let err = resolve(&graph(), "Obama").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no entity named 'Obama' (try 'kg entities' to list them)"
        );
    }

    #[test]
    fn control_characters_are_white_space() {
        // Text output shows "Bell\u{7} Embassy" as "Bell Embassy": that name finds it.
        assert_eq!(normalize("Bell\u{7} Embassy"), "bell embassy");
        assert_eq!(normalize("\u{1b}[31mRed\nFleet\u{0}"), "[31mred fleet");
        assert_eq!(normalize("\u{7}\u{1b}"), "");
    }

    #[test]
    fn empty_names_are_an_error() {
        assert_eq!(resolve(&graph(), "  ").unwrap_err(), NameError::Empty);
    }

    #[test]
    fn levenshtein_distances() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("путин", "путн"), 1);
    }
}
