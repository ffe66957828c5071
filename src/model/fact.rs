//! [`Fact`]: an edge of the knowledge graph, with where it came from.

use super::Relation;
use serde::Serialize;
use serde_json::{Map, Value};

/// A typed, directed fact `subject -[relation]-> object`, with its provenance.
///
/// `subject` and `object` are entity ids. `date` is an ISO-8601 prefix (`2024`, `2024-06`,
/// `2024-06-19`). `source` is the id of the article that states the fact, `evidence` the
/// sentence that states it and `span` that sentence's byte range `[start, end)` in the
/// article file. `rule` names the extraction rule that produced it (absent when written by
/// hand).
/// (Read by a hand-written `Deserialize` in `model::de`, which keeps unknown fields
/// without serde's slow `flatten` buffering.)
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    pub subject: String,
    pub relation: Relation,
    pub object: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Fields kg does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Fact {
    /// A fact with no attributes or provenance.
    pub fn new(subject: impl Into<String>, relation: Relation, object: impl Into<String>) -> Self {
        Fact {
            subject: subject.into(),
            relation,
            object: object.into(),
            count: None,
            date: None,
            source: None,
            evidence: None,
            span: None,
            rule: None,
            extra: Map::new(),
        }
    }

    /// The key that orders facts in a graph file: stable, so two builds of the same input
    /// are byte-identical.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.subject,
            self.relation,
            &self.object,
            &self.date,
            &self.source,
            self.span,
            &self.evidence,
            self.count,
        )
    }
}

/// True when `s` is an ISO-8601 date prefix: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a
/// month in 1..=12 and a day in 1..=31.
pub fn is_date_prefix(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let in_range = |p: &str, hi: u32| p.parse::<u32>().is_ok_and(|v| (1..=hi).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefixes() {
        for ok in ["2024", "2024-06", "2024-06-19", "1999-12-31"] {
            assert!(is_date_prefix(ok), "{ok}");
        }
        for bad in [
            "",
            "24",
            "2024-6",
            "2024-13",
            "2024-06-32",
            "2024-06-00",
            "June",
            "2024-06-19T10",
        ] {
            assert!(!is_date_prefix(bad), "{bad}");
        }
    }

    #[test]
    fn minimal_fact_serializes_without_empty_fields() {
        let f = Fact::new("a", Relation::Sent, "b");
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            r#"{"subject":"a","relation":"sent","object":"b"}"#
        );
    }
}
