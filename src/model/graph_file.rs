//! [`GraphFile`]: the graph file as it is written to disk (the JSON document).
//!
//! The format, version 1:
//!
//! ```json
//! {
//!   "version": 1,
//!   "sources":  [ { "id", "title"?, "date"?, "path"?, "hash"? } ],
//!   "entities": [ { "id", "name", "kind", "aliases"? } ],
//!   "facts":    [ { "subject", "relation", "object", "count"?, "date"?,
//!                   "source"?, "evidence"?, "span"?, "rule"?, "also"? } ],
//!   "kb": { "version", "decisions"?, "articles" }?
//! }
//! ```
//!
//! `also`, `hash` and `kb` are read through [`crate::model::Provenance`], `Source::hash`
//! and the knowledge base (`kb`, a layer above); to the types here they are unknown
//! fields, kept as they are.
//!
//! `sources` may be absent; fields kg does not know are kept. kg writes the arrays sorted
//! (sources and entities by id, facts by subject, relation, object, date, source, span) so
//! that two builds of the same input are byte-identical.

use super::{Entity, Fact, Source};
use serde::Serialize;
use serde_json::{Map, Value};

/// The graph file format version this kg reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The JSON document of a knowledge graph.
/// (Read by a hand-written `Deserialize` in `model::de`, which keeps unknown fields
/// without serde's slow `flatten` buffering.)
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GraphFile {
    pub version: u32,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Fields kg does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for GraphFile {
    fn default() -> Self {
        GraphFile {
            version: FORMAT_VERSION,
            sources: Vec::new(),
            entities: Vec::new(),
            facts: Vec::new(),
            extra: Map::new(),
        }
    }
}

impl GraphFile {
    /// Puts every array in its canonical order.
    pub fn sort(&mut self) {
        self.sources.sort_by(|a, b| a.id.cmp(&b.id));
        self.entities.sort_by(|a, b| a.id.cmp(&b.id));
        self.facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        for e in &mut self.entities {
            e.aliases.sort();
            e.aliases.dedup();
        }
    }
}
