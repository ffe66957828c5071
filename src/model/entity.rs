//! [`Entity`]: a node of the knowledge graph.

use super::Kind;
use serde::Serialize;
use serde_json::{Map, Value};

/// A person, institution, country, place, animal, group, agreement, statement or thing.
///
/// `id` is stable across builds (a [slug](super::name::slug) of the canonical name); `name` is the fullest
/// proper name the text uses; `aliases` are the other names it goes by, used for lookup.
/// (Read by a hand-written `Deserialize` in `model::de`, which keeps unknown fields
/// without serde's slow `flatten` buffering.)
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Fields kg does not know, kept as they were so that nothing a user wrote is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Entity {
    /// An entity with no aliases.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: Kind) -> Self {
        Entity {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            extra: Map::new(),
        }
    }

    /// The canonical name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lists_canonical_first() {
        let mut e = Entity::new("a", "Vladimir Putin", Kind::Person);
        e.aliases.push("Putin".into());
        assert_eq!(e.names().collect::<Vec<_>>(), ["Vladimir Putin", "Putin"]);
    }
}
