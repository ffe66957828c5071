//! [`Source`]: an article that facts come from.

use serde::Serialize;
use serde_json::{Map, Value};

/// An article: its id (facts name it in `source`), and optionally its title, publisher
/// (its `source:` header: "Associated Press"), date (ISO-8601 prefix) and the path of the
/// file it was read from.
/// (Read by a hand-written `Deserialize` in `model::de`, which keeps unknown fields
/// without serde's slow `flatten` buffering.)
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who published it: the article's `source:` header line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Fields kg does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Source {
    /// A source with only an id.
    pub fn new(id: impl Into<String>) -> Self {
        Source {
            id: id.into(),
            title: None,
            publisher: None,
            date: None,
            path: None,
            extra: Map::new(),
        }
    }
}
