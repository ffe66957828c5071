//! [`Meta`]: what a snapshot records of its base besides the graph, so that `kg add` can
//! append to a large base without reading it: whether it is a knowledge base, its format,
//! and the decisions its graph was built with.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The base a snapshot stands for, beyond its graph (the snapshot's `Meta` section).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The `"kb"` section's head; `None` for a plain graph file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb: Option<KbHead>,
}

/// A knowledge base's format and the fingerprint of the decisions its graph was built
/// with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KbHead {
    pub version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions: Option<String>,
}

impl Meta {
    /// What a graph file's unknown top-level fields say of its base: a `"kb"` object with
    /// a numeric `version` is a knowledge base (anything else under `"kb"` reads as a
    /// base of version 0, which no kg writes: `kg add` then takes the slow path, where the
    /// base reader says what is wrong).
    pub fn of(extra: &Map<String, Value>) -> Meta {
        let kb = extra.get("kb").map(|kb| KbHead {
            version: kb.get("version").and_then(Value::as_u64).unwrap_or(0),
            decisions: kb
                .get("decisions")
                .and_then(Value::as_str)
                .map(str::to_string),
        });
        Meta { kb }
    }

    /// The section's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("meta serializes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_base_is_told_from_a_plain_graph() {
        let plain = Map::new();
        assert_eq!(Meta::of(&plain), Meta::default());
        assert_eq!(Meta::of(&plain).to_bytes(), b"{}");
        let Value::Object(kb) =
            json!({"kb": {"version": 1, "decisions": "fnv1a64:ab", "articles": []}})
        else {
            unreachable!()
        };
        let m = Meta::of(&kb);
        assert_eq!(
            m.kb,
            Some(KbHead {
                version: 1,
                decisions: Some("fnv1a64:ab".into())
            })
        );
        let back: Meta = serde_json::from_slice(&m.to_bytes()).unwrap();
        assert_eq!(back, m);
    }
}
