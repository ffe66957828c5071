//! Reading node-link JSON, the graph format of networkx and D3 that
//! `kg export --format json` writes: a document of `nodes` and `links` (or `edges`)
//! made into a [`GraphFile`]. The writer is the export format's, a layer above.

use crate::model::{Entity, FORMAT_VERSION, Fact, GraphFile, Kind, Relation};
use serde_json::{Map, Value};

/// Why a node-link document could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{at}: {problem}")]
    Shape { at: String, problem: String },
}

fn shape(at: impl Into<String>, problem: impl Into<String>) -> ReadError {
    ReadError::Shape {
        at: at.into(),
        problem: problem.into(),
    }
}

/// Imports a node-link document: the output of `kg export --format json`, or one networkx's
/// `node_link_data` wrote from a graph with the same attributes.
///
/// Nodes need `id` (a string or a number) and `kind`; `name` defaults to the id,
/// `aliases` to none. Links are read from `links` or, failing that, `edges`; each needs
/// `source`, `target` and `relation`, and may have `count`, `date`, `article`,
/// `evidence`, `span` and `rule`. `key` is dropped; any other field is kept as an
/// unknown field of the entity or fact. `graph.sources`, when present, gives the
/// sources. The result is in canonical order but not yet checked: build a
/// [`KnowledgeGraph`](crate::model::KnowledgeGraph) from it to check ids, dates and spans.
pub fn read(text: &str) -> Result<GraphFile, ReadError> {
    let doc: Map<String, Value> = serde_json::from_str(text)?;
    let array = |name: &str| -> Result<&Vec<Value>, ReadError> {
        doc.get(name)
            .and_then(Value::as_array)
            .ok_or_else(|| shape(name, "missing or not an array"))
    };
    let entities = array("nodes")?
        .iter()
        .enumerate()
        .map(|(i, v)| read_node(v).map_err(|p| shape(format!("nodes[{i}]"), p)))
        .collect::<Result<_, _>>()?;
    let links_name = if doc.contains_key("links") {
        "links"
    } else {
        "edges"
    };
    let facts = array(links_name)?
        .iter()
        .enumerate()
        .map(|(i, v)| read_link(v).map_err(|p| shape(format!("{links_name}[{i}]"), p)))
        .collect::<Result<_, _>>()?;
    let sources = match doc.get("graph").and_then(|g| g.get("sources")) {
        None => Vec::new(),
        Some(s) => {
            serde_json::from_value(s.clone()).map_err(|e| shape("graph.sources", e.to_string()))?
        }
    };
    let mut file = GraphFile {
        version: FORMAT_VERSION,
        sources,
        entities,
        facts,
        extra: Map::new(),
    };
    file.sort();
    Ok(file)
}

/// An id: a string, or a number written as text (networkx allows integer node ids).
fn id_of(v: Option<&Value>, field: &str) -> Result<String, String> {
    match v {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(_) => Err(format!("\"{field}\" is neither a string nor a number")),
        None => Err(format!("missing \"{field}\"")),
    }
}

/// An optional string field.
fn opt_string(fields: &mut Map<String, Value>, name: &str) -> Result<Option<String>, String> {
    match fields.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("\"{name}\" is not a string")),
    }
}

fn read_node(v: &Value) -> Result<Entity, String> {
    let mut fields = v.as_object().ok_or("not an object")?.clone();
    let id = id_of(fields.get("id"), "id")?;
    fields.remove("id");
    let name = opt_string(&mut fields, "name")?.unwrap_or_else(|| id.clone());
    let kind: Kind = opt_string(&mut fields, "kind")?
        .ok_or("missing \"kind\"")?
        .parse()
        .map_err(|e: crate::model::UnknownKind| e.to_string())?;
    let aliases = match fields.remove("aliases") {
        None | Some(Value::Null) => Vec::new(),
        Some(a) => serde_json::from_value(a).map_err(|_| "\"aliases\" is not a list of strings")?,
    };
    Ok(Entity {
        id,
        name,
        kind,
        aliases,
        extra: fields,
    })
}

fn read_link(v: &Value) -> Result<Fact, String> {
    let mut fields = v.as_object().ok_or("not an object")?.clone();
    let subject = id_of(fields.get("source"), "source")?;
    let object = id_of(fields.get("target"), "target")?;
    for endpoint in ["source", "target", "key"] {
        fields.remove(endpoint);
    }
    let relation: Relation = opt_string(&mut fields, "relation")?
        .ok_or("missing \"relation\"")?
        .parse()
        .map_err(|e: crate::model::UnknownRelation| e.to_string())?;
    let count = match fields.remove("count") {
        None | Some(Value::Null) => None,
        Some(c) => Some(c.as_u64().ok_or("\"count\" is not a whole number")?),
    };
    let span = match fields.remove("span") {
        None | Some(Value::Null) => None,
        Some(s) => Some(serde_json::from_value(s).map_err(|_| "\"span\" is not [start, end]")?),
    };
    Ok(Fact {
        subject,
        relation,
        object,
        count,
        date: opt_string(&mut fields, "date")?,
        source: opt_string(&mut fields, "article")?,
        evidence: opt_string(&mut fields, "evidence")?,
        span,
        rule: opt_string(&mut fields, "rule")?,
        extra: fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::KnowledgeGraph;

    #[test]
    fn reads_networkx_style_edges_and_integer_ids() {
        let text = r#"{"directed": true, "multigraph": true, "graph": {},
            "nodes": [{"id": 1, "kind": "person"}, {"id": 2, "kind": "Country", "name": "B"}],
            "edges": [{"source": 1, "target": 2, "key": 0, "relation": "leads"}]}"#;
        let file = read(text).unwrap();
        assert_eq!(file.entities[0].name, "1");
        assert_eq!(file.facts[0].relation, Relation::Leads);
        KnowledgeGraph::from_file(file).unwrap();
    }

    #[test]
    fn says_what_is_wrong() {
        let err = |t: &str| read(t).unwrap_err().to_string();
        assert!(err("[1]").starts_with("not JSON"));
        assert_eq!(err(r#"{"links": []}"#), "nodes: missing or not an array");
        assert_eq!(
            err(r#"{"nodes": [{"id": "a"}], "links": []}"#),
            "nodes[0]: missing \"kind\""
        );
        assert_eq!(
            err(r#"{"nodes": [], "links": [{"source": "a", "target": "b", "relation": "gave"}]}"#),
            "links[0]: unknown relation 'gave' (expected one of: sent, received, stated, deployed-to, leads, member-of, located-in, signed, fought, cooperates-with)"
        );
    }
}
