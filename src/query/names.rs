//! Name resolution: from what a user typed to one entity, or a helpful error.
//!
//! An entity can be named by its canonical name or any alias, compared by their
//! [lookup key](crate::model::name::lookup_key) (case, a leading "the" and the kind of
//! apostrophe do not matter), or by a unique word or prefix
//! of one of its names ("putin", "pyongyang central"). A statement's name is a claim, not a
//! name: it is matched by the start of the claim only, so "putin" does not find "This is a
//! gift from Vladimir Putin". An ambiguous name lists the
//! candidates; an unknown one suggests the closest names.

use crate::model::name::lookup_key;
use crate::model::{Kind, KnowledgeGraph};
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

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

/// Finds an entity by its exact id, else as [`resolve`] does by name (for commands that
/// print ids for scripts and reviews to pass back, like `kg duplicates`).
pub fn resolve_id_or_name(graph: &KnowledgeGraph, query: &str) -> Result<NodeIndex, NameError> {
    match graph.node(query) {
        Some(n) => Ok(n),
        None => resolve(graph, query),
    }
}

/// The entities a lookup-keyed query matches at each step of resolution (see [`resolve`]),
/// however they were found; [`decide`] turns them into the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matches<N> {
    /// Entities with a name or alias equal to the query.
    pub exact: Vec<N>,
    /// Those of `exact` whose canonical name is the match.
    pub canonical: Vec<N>,
    /// The entity whose id is the query, if any.
    pub by_id: Option<N>,
    /// Entities with a name that has the query as a word prefix (a claim: as its start).
    pub prefix: Vec<N>,
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
    let (q, mut m) = begin(query, |id| graph.node(id))?;
    for n in graph.nodes() {
        let e = graph.entity(n);
        let claim = e.kind == Kind::Statement;
        let mut found_prefix = false;
        for (i, name) in e.names().enumerate() {
            let name = lookup_key(name);
            if name == q {
                m.exact.push(n);
                if i == 0 {
                    m.canonical.push(n);
                }
                break;
            }
            found_prefix =
                found_prefix || (matches_start(&name, &q, claim) && !place_query_skips(e.kind, &q));
        }
        if found_prefix {
            m.prefix.push(n);
        }
    }
    decide(
        query,
        m,
        |n| {
            let e = graph.entity(n);
            label(&e.name, e.kind, &e.id)
        },
        || {
            let names = graph.nodes().flat_map(|n| {
                let e = graph.entity(n);
                let claim = e.kind == Kind::Statement;
                e.names().map(move |name| (n, lookup_key(name), claim))
            });
            closest(&q, names, |n| graph.entity(n).name.clone())
        },
    )
}

/// The lookup-keyed query and its match by id (`by_id` gets the trimmed query), or the error
/// for an empty query: how every resolver starts.
pub fn begin<N>(
    query: &str,
    by_id: impl FnOnce(&str) -> Option<N>,
) -> Result<(String, Matches<N>), NameError> {
    let q = lookup_key(query);
    if q.is_empty() {
        return Err(NameError::Empty);
    }
    let m = Matches {
        exact: Vec::new(),
        canonical: Vec::new(),
        by_id: by_id(query.trim()),
        prefix: Vec::new(),
    };
    Ok((q, m))
}

/// The answer to a query from what it matched: the first step that found exactly one
/// entity wins, one that found several is an ambiguity (listed with `label`), and no match
/// at all is an unknown name (with `suggest`ions).
pub fn decide<N: Copy + Eq>(
    query: &str,
    mut m: Matches<N>,
    label: impl Fn(N) -> Candidate,
    suggest: impl FnOnce() -> Vec<String>,
) -> Result<N, NameError> {
    m.exact.dedup();
    if m.exact.len() == 1 {
        return Ok(m.exact[0]);
    }
    if m.canonical.len() == 1 {
        return Ok(m.canonical[0]);
    }
    if m.exact.len() > 1 {
        return Err(ambiguous(query, m.exact.into_iter().map(label).collect()));
    }
    if let Some(n) = m.by_id {
        return Ok(n);
    }
    m.prefix.dedup();
    match m.prefix.len() {
        1 => Ok(m.prefix[0]),
        0 => Err(NameError::Unknown {
            name: query.trim().to_string(),
            suggestions: suggest(),
        }),
        _ => Err(ambiguous(query, m.prefix.into_iter().map(label).collect())),
    }
}

/// True when the lookup-keyed query `q` names a country or a capital of kg's lexicon and
/// an entity of this kind (not a country or place) may not answer to it by a word of its
/// name: "Moscow" is not Moscow Zoo (nor its alias, which the knowledge base refuses), so
/// `kg path Putin Moscow` finds the city Moscow or says there is none.
pub fn place_query_skips(kind: Kind, q: &str) -> bool {
    use crate::extract::lexicon::CountryForm;
    !matches!(kind, Kind::Country | Kind::Place)
        && matches!(
            crate::extract::lexicon::country_form(q),
            Some(CountryForm::Name | CountryForm::Capital)
        )
}

/// True when the lookup-keyed `name` matches the lookup-keyed query `q` by its start: at a
/// word boundary for a name, at the very start for a claim.
pub fn matches_start(name: &str, q: &str, claim: bool) -> bool {
    if claim {
        name.starts_with(q)
    } else {
        word_starts(name).any(|i| name[i..].starts_with(q))
    }
}

/// The byte offsets in `name` where a word prefix may start: the start, and every
/// character that follows one that is not a letter or digit.
pub fn word_starts(name: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev_alnum = false;
    name.char_indices().filter_map(move |(i, c)| {
        let start = i == 0 || !prev_alnum;
        prev_alnum = c.is_alphanumeric();
        start.then_some(i)
    })
}

/// An entity as an ambiguity lists it: its name and kind, and its id for when another
/// candidate has the same name and kind.
pub struct Candidate {
    text: String,
    id: String,
}

/// The candidate an ambiguity lists for an entity (one definition for every reader).
pub fn label(name: &str, kind: Kind, id: &str) -> Candidate {
    Candidate {
        text: format!("{name} ({kind}"),
        id: id.to_string(),
    }
}

/// "Kim Jong Un (person)"; two entities both called "agreement" (two articles' pacts
/// the knowledge base keeps apart) are told apart by their ids, which every command
/// takes: "agreement (agreement, id agreement-2)".
fn ambiguous(query: &str, found: Vec<Candidate>) -> NameError {
    let mut shown: HashMap<&str, usize> = HashMap::new();
    for c in &found {
        *shown.entry(c.text.as_str()).or_default() += 1;
    }
    let mut candidates: Vec<String> = found
        .iter()
        .map(|c| match shown[c.text.as_str()] {
            1 => format!("{})", c.text),
            _ => format!("{}, id {})", c.text, c.id),
        })
        .collect();
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
/// words of names (not of claims), within a distance of a third of the query's length (at
/// least 1). `names` gives every (entity, lookup-keyed name or alias, is a claim).
pub fn closest<N: Copy + Eq + std::hash::Hash, S: AsRef<str>>(
    q: &str,
    names: impl Iterator<Item = (N, S, bool)>,
    canonical: impl Fn(N) -> String,
) -> Vec<String> {
    let limit = (q.chars().count() / 3).max(1);
    let mut best: std::collections::HashMap<N, usize> = Default::default();
    for (n, name, claim) in names {
        let name = name.as_ref();
        let whole = bounded_levenshtein(name, q, limit);
        let words = name
            .split(' ')
            .filter(|_| !claim)
            .map(|w| bounded_levenshtein(w, q, limit))
            .min()
            .unwrap_or(whole);
        let d = whole.min(words);
        if d <= limit {
            let b = best.entry(n).or_insert(d);
            *b = (*b).min(d);
        }
    }
    let mut scored: Vec<(usize, String)> = best
        .into_iter()
        .map(|(n, d)| (d, format!("'{}'", canonical(n))))
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, s)| s).collect()
}

/// The Levenshtein distance, or `limit + 1` when the lengths alone show it is over
/// `limit` (a cheap test that skips most names when scanning a large graph).
fn bounded_levenshtein(a: &str, b: &str, limit: usize) -> usize {
    if a.chars().count().abs_diff(b.chars().count()) > limit {
        return limit + 1;
    }
    levenshtein(a, b)
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
    use crate::model::{Entity, GraphFile};

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
                Entity::new("agreement", "agreement", Kind::Agreement),
                Entity::new("agreement-2", "agreement", Kind::Agreement),
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
        // Two entities of one name and kind are told apart by their ids, which resolve.
        let err = resolve(&graph(), "agreement").unwrap_err();
        assert_eq!(
            err.to_string(),
            "'agreement' is ambiguous: it could be agreement (agreement, id agreement), agreement (agreement, id agreement-2) (give more of the name)"
        );
        let g = graph();
        let n = resolve(&g, "agreement-2").unwrap();
        assert_eq!(g.entity(n).id, "agreement-2");
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
