//! [`Provenance`]: one place a fact is stated. A fact keeps its first provenance in its own
//! `source`/`evidence`/`span`/`rule`/`count` fields and every further one in an optional
//! `"also"` list of the same fields, so files without `"also"` load as they always did.
//!
//! ```json
//! {"subject": "a", "relation": "sent", "object": "b", "source": "s1", "evidence": "...",
//!  "also": [{"source": "s2", "evidence": "...", "span": [10, 80]}]}
//! ```
//!
//! A source's content hash is kept in its `"hash"` field (`fnv1a64:` and 16 hex digits).

use super::{Fact, Source};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where a fact is stated: the article, the sentence, its span, the rule, the count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

impl Provenance {
    /// True when this names the same statement: same source and span (or evidence).
    pub fn same_place(&self, other: &Provenance) -> bool {
        self.source == other.source
            && if self.span.is_some() || other.span.is_some() {
                self.span == other.span
            } else {
                self.evidence == other.evidence
            }
    }
}

impl Fact {
    /// The fact's own provenance (its first).
    pub fn first_provenance(&self) -> Provenance {
        Provenance {
            source: self.source.clone(),
            evidence: self.evidence.clone(),
            span: self.span,
            rule: self.rule.clone(),
            count: self.count,
        }
    }

    /// The further provenances in `"also"` (empty when absent or not a list of objects).
    pub fn also(&self) -> Vec<Provenance> {
        self.extra
            .get("also")
            .and_then(|v| Vec::<Provenance>::deserialize(v).ok())
            .unwrap_or_default()
    }

    /// Every provenance, the fact's own first.
    pub fn provenances(&self) -> Vec<Provenance> {
        let mut all = vec![self.first_provenance()];
        all.extend(self.also());
        all
    }

    /// Every source id the fact is stated in, in order, without repeats.
    pub fn sources(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for p in self.provenances() {
            if let Some(s) = p.source
                && !out.contains(&s)
            {
                out.push(s);
            }
        }
        out
    }

    /// Sets every provenance: the first into the fact's own fields, the rest into
    /// `"also"` (removed when there are none). The count stays the fact's when the first
    /// has none.
    pub fn set_provenances(&mut self, mut all: Vec<Provenance>) {
        if all.is_empty() {
            all.push(Provenance::default());
        }
        let rest = all.split_off(1);
        let first = all.pop().expect("one provenance");
        self.source = first.source;
        self.evidence = first.evidence;
        self.span = first.span;
        self.rule = first.rule;
        if first.count.is_some() {
            self.count = first.count;
        }
        if rest.is_empty() {
            self.extra.remove("also");
        } else {
            let v = serde_json::to_value(rest).expect("provenances serialize");
            self.extra.insert("also".into(), v);
        }
    }

    /// Adds a provenance unless the fact already has one from the same place; true when
    /// it was added.
    pub fn add_provenance(&mut self, p: Provenance) -> bool {
        let mut all = self.provenances();
        if all.iter().any(|q| q.same_place(&p)) {
            return false;
        }
        all.push(p);
        self.set_provenances(all);
        true
    }
}

impl Source {
    /// The content hash of the article (`fnv1a64:...`), if recorded.
    pub fn hash(&self) -> Option<&str> {
        self.extra.get("hash").and_then(Value::as_str)
    }

    /// Records the content hash.
    pub fn set_hash(&mut self, hash: &str) {
        self.extra.insert("hash".into(), Value::String(hash.into()));
    }
}

/// FNV-1a, 64 bits, as `fnv1a64:` and 16 lowercase hex digits: the content hash that
/// identifies an article (not cryptographic; a collision needs ~2^32 articles).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;

    fn prov(source: &str, span: usize) -> Provenance {
        Provenance {
            source: Some(source.into()),
            evidence: Some(format!("sentence {span}")),
            span: Some([span, span + 10]),
            ..Provenance::default()
        }
    }

    #[test]
    fn fnv1a_known_values() {
        assert_eq!(content_hash(b""), "fnv1a64:cbf29ce484222325");
        assert_eq!(content_hash(b"a"), "fnv1a64:af63dc4c8601ec8c");
        assert_eq!(content_hash(b"foobar"), "fnv1a64:85944171f73967e8");
    }

    #[test]
    fn provenances_round_trip_through_also() {
        let mut f = Fact::new("a", Relation::Sent, "b");
        f.set_provenances(vec![prov("s1", 0)]);
        assert!(!f.extra.contains_key("also"));
        assert!(f.add_provenance(prov("s2", 5)));
        assert!(!f.add_provenance(prov("s2", 5)));
        assert_eq!(f.sources(), ["s1", "s2"]);
        let json = serde_json::to_string(&f).unwrap();
        assert!(
            json.contains(r#""also":[{"evidence":"sentence 5","source":"s2""#),
            "{json}"
        );
        let back: Fact = serde_json::from_str(&json).unwrap();
        assert_eq!(back.provenances(), [prov("s1", 0), prov("s2", 5)]);
    }

    #[test]
    fn a_fact_without_also_has_one_provenance() {
        let f: Fact =
            serde_json::from_str(r#"{"subject":"a","relation":"sent","object":"b","source":"s"}"#)
                .unwrap();
        assert_eq!(f.sources(), ["s"]);
        assert!(f.also().is_empty());
    }
}
