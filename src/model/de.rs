//! Reading the graph file's records without serde's `flatten`: a derived `Deserialize`
//! with a flattened map of unknown fields buffers every value into an intermediate tree
//! first (and at the top level, the whole document), which made loading a large graph
//! file several times slower and larger in memory than the graph itself. These visitors
//! read each known field straight into its place and keep every other field, as it was,
//! in `extra`. Error messages are serde's own (`missing field `x``, `duplicate field `x``).
//! Field names are read with [`FieldName`], which allocates only for unknown ones.

use super::{Entity, Fact, GraphFile, Source};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// Reads the next value into `slot`, refusing a field given twice.
fn fill<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Reads an optional field (absent and `null` are both `None`).
fn fill_opt<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<Option<T>>,
    name: &'static str,
) -> Result<(), A::Error> {
    fill(map, slot, name)
}

/// Reads a field name: one of the record's own names (given) as that static name,
/// without allocating, and any other as it was. serde's own `Cow<str>` always allocates:
/// once for every field of every record, tens of millions of times in a large graph.
#[derive(Clone, Copy)]
struct FieldName(&'static [&'static str]);

impl FieldName {
    fn known<'de>(&self, name: &str) -> Option<Cow<'de, str>> {
        self.0
            .iter()
            .find(|&&k| k == name)
            .map(|&k| Cow::Borrowed(k))
    }
}

impl<'de> DeserializeSeed<'de> for FieldName {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for FieldName {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(self.known(v).unwrap_or_else(|| Cow::Owned(v.to_owned())))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(self.known(v).unwrap_or(Cow::Borrowed(v)))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(self.known(&v).unwrap_or(Cow::Owned(v)))
    }
}

fn need<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// `impl Deserialize for $ty` reading a JSON object with the body given, which sees the
/// map as `$map` and the deserializer's lifetime as `$de`.
macro_rules! record {
    ($ty:ident, $name:literal, $de:lifetime, |$map:ident| $body:block) => {
        impl<$de> Deserialize<$de> for $ty {
            fn deserialize<D: Deserializer<$de>>(d: D) -> Result<$ty, D::Error> {
                struct V;
                impl<$de> Visitor<$de> for V {
                    type Value = $ty;

                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("struct ", $name))
                    }

                    fn visit_map<A: MapAccess<$de>>(self, mut $map: A) -> Result<$ty, A::Error> $body
                }
                d.deserialize_map(V)
            }
        }
    };
}

/// Keeps an unknown field, as it was.
fn keep<'de, A: MapAccess<'de>>(
    map: &mut A,
    extra: &mut Map<String, Value>,
    key: Cow<'de, str>,
) -> Result<(), A::Error> {
    let value: Value = map.next_value()?;
    extra.insert(key.into_owned(), value);
    Ok(())
}

record!(Fact, "Fact", 'de, |map| {
    let (mut subject, mut relation, mut object) = (None, None, None);
    let (mut count, mut date, mut source, mut evidence, mut span, mut rule) =
        (None, None, None, None, None, None);
    let mut extra = Map::new();
    let names = FieldName(&[
        "subject", "relation", "object", "count", "date", "source", "evidence", "span", "rule",
    ]);
    while let Some(key) = map.next_key_seed(names)? {
        match key.as_ref() {
            "subject" => fill(&mut map, &mut subject, "subject")?,
            "relation" => fill(&mut map, &mut relation, "relation")?,
            "object" => fill(&mut map, &mut object, "object")?,
            "count" => fill_opt(&mut map, &mut count, "count")?,
            "date" => fill_opt(&mut map, &mut date, "date")?,
            "source" => fill_opt(&mut map, &mut source, "source")?,
            "evidence" => fill_opt(&mut map, &mut evidence, "evidence")?,
            "span" => fill_opt(&mut map, &mut span, "span")?,
            "rule" => fill_opt(&mut map, &mut rule, "rule")?,
            _ => keep(&mut map, &mut extra, key)?,
        }
    }
    Ok(Fact {
        subject: need(subject, "subject")?,
        relation: need(relation, "relation")?,
        object: need(object, "object")?,
        count: count.flatten(),
        date: date.flatten(),
        source: source.flatten(),
        evidence: evidence.flatten(),
        span: span.flatten(),
        rule: rule.flatten(),
        extra,
    })
});

record!(Entity, "Entity", 'de, |map| {
    let (mut id, mut name, mut kind, mut aliases) = (None, None, None, None);
    let mut extra = Map::new();
    let names = FieldName(&["id", "name", "kind", "aliases"]);
    while let Some(key) = map.next_key_seed(names)? {
        match key.as_ref() {
            "id" => fill(&mut map, &mut id, "id")?,
            "name" => fill(&mut map, &mut name, "name")?,
            "kind" => fill(&mut map, &mut kind, "kind")?,
            "aliases" => fill(&mut map, &mut aliases, "aliases")?,
            _ => keep(&mut map, &mut extra, key)?,
        }
    }
    Ok(Entity {
        id: need(id, "id")?,
        name: need(name, "name")?,
        kind: need(kind, "kind")?,
        aliases: aliases.unwrap_or_default(),
        extra,
    })
});

record!(Source, "Source", 'de, |map| {
    let (mut id, mut title, mut date, mut path) = (None, None, None, None);
    let mut publisher = None;
    let mut extra = Map::new();
    let names = FieldName(&["id", "title", "publisher", "date", "path"]);
    while let Some(key) = map.next_key_seed(names)? {
        match key.as_ref() {
            "id" => fill(&mut map, &mut id, "id")?,
            "title" => fill_opt(&mut map, &mut title, "title")?,
            "publisher" => fill_opt(&mut map, &mut publisher, "publisher")?,
            "date" => fill_opt(&mut map, &mut date, "date")?,
            "path" => fill_opt(&mut map, &mut path, "path")?,
            _ => keep(&mut map, &mut extra, key)?,
        }
    }
    Ok(Source {
        id: need(id, "id")?,
        title: title.flatten(),
        publisher: publisher.flatten(),
        date: date.flatten(),
        path: path.flatten(),
        extra,
    })
});

record!(GraphFile, "GraphFile", 'de, |map| {
    let (mut version, mut sources, mut entities, mut facts) = (None, None, None, None);
    let mut extra = Map::new();
    let names = FieldName(&["version", "sources", "entities", "facts"]);
    while let Some(key) = map.next_key_seed(names)? {
        match key.as_ref() {
            "version" => fill(&mut map, &mut version, "version")?,
            "sources" => fill(&mut map, &mut sources, "sources")?,
            "entities" => fill(&mut map, &mut entities, "entities")?,
            "facts" => fill(&mut map, &mut facts, "facts")?,
            _ => keep(&mut map, &mut extra, key)?,
        }
    }
    Ok(GraphFile {
        version: need(version, "version")?,
        sources: sources.unwrap_or_default(),
        entities: need(entities, "entities")?,
        facts: facts.unwrap_or_default(),
        extra,
    })
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fields_go_to_their_place_and_the_rest_is_kept() {
        let f: Fact = serde_json::from_str(
            r#"{"subject":"a","relation":"sent","object":"b","count":2,"date":null,"wd":{"x":[1,2.5]},"also":[]}"#,
        )
        .unwrap();
        assert_eq!(
            (f.subject.as_str(), f.count, f.date.as_deref()),
            ("a", Some(2), None)
        );
        assert_eq!(f.extra.len(), 2);
        assert_eq!(f.extra["wd"], serde_json::json!({"x": [1, 2.5]}));
        let back = serde_json::to_value(&f).unwrap();
        assert_eq!(back["wd"]["x"][1], 2.5);
    }

    #[test]
    fn field_names_with_escapes_are_the_same_names() {
        let text = r#"{"subj\u0065ct":"a","relation":"sent","object":"b","w\u0064":1}"#;
        let f: Fact = serde_json::from_str(text).unwrap();
        assert_eq!(f.subject, "a");
        assert_eq!(f.extra["wd"], 1);
        let f: Fact = serde_json::from_reader(text.as_bytes()).unwrap();
        assert_eq!(
            (f.subject.as_str(), &f.extra["wd"]),
            ("a", &serde_json::json!(1))
        );
    }

    #[test]
    fn errors_are_serdes_own() {
        let err = |text: &str| serde_json::from_str::<Fact>(text).unwrap_err().to_string();
        assert!(err(r#"{"subject":"a","object":"b"}"#).starts_with("missing field `relation`"));
        assert!(
            err(r#"{"subject":"a","subject":"c","relation":"sent","object":"b"}"#)
                .starts_with("duplicate field `subject`")
        );
        assert!(err("[1]").starts_with("invalid type: sequence, expected struct Fact"));
        let e = serde_json::from_str::<Entity>(r#"{"id":"a","name":"A","kind":"wizard"}"#);
        assert!(
            e.unwrap_err()
                .to_string()
                .starts_with("unknown variant `wizard`")
        );
        let g = serde_json::from_str::<GraphFile>(r#"{"version":1}"#).unwrap_err();
        assert!(g.to_string().starts_with("missing field `entities`"));
    }

    #[test]
    fn absent_lists_are_empty() {
        let g: GraphFile =
            serde_json::from_str(r#"{"version":1,"entities":[],"kb":{"v":1}}"#).unwrap();
        assert!(g.sources.is_empty() && g.facts.is_empty());
        assert_eq!(g.extra["kb"]["v"], 1);
        let s: Source = serde_json::from_str(r#"{"id":"s","hash":"h"}"#).unwrap();
        assert_eq!((s.title, s.extra["hash"].as_str()), (None, Some("h")));
    }
}
