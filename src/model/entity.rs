//! [`Entity`]: a node of the knowledge graph.

use super::Kind;
use serde::Serialize;
use serde_json::{Map, Value};

/// A person, institution, country, place, animal, group, agreement, statement or thing.
///
/// `id` is stable across builds (a slug of the canonical name); `name` is the fullest
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

/// A stable id for a name: lowercase ASCII letters and digits joined by `-`; other
/// letters (Cyrillic, Hangul, ...) are kept as they are. Never empty.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            // "People's" -> "peoples"
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_is_lowercase_and_dashed() {
        assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(
            slug("Democratic People's Republic of Korea"),
            "democratic-peoples-republic-of-korea"
        );
        assert_eq!(slug("  Kursk region, "), "kursk-region");
        assert_eq!(slug("Москва"), "москва");
        assert_eq!(slug("!!!"), "entity");
    }

    #[test]
    fn names_lists_canonical_first() {
        let mut e = Entity::new("a", "Vladimir Putin", Kind::Person);
        e.aliases.push("Putin".into());
        assert_eq!(e.names().collect::<Vec<_>>(), ["Vladimir Putin", "Putin"]);
    }
}
