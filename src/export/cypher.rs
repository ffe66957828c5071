//! Cypher: statements that create the subgraph in a property-graph database (Neo4j,
//! Memgraph, FalkorDB with [`write`]; Kuzu with [`write_kuzu`]).
//!
//! [`write`] produces one statement per entity, then one per fact, each ending in `;`:
//!
//! ```text
//! CREATE (:`Person` {id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin']});
//! CREATE (:`Country` {id: 'russia', name: 'Russia', kind: 'country'});
//! MATCH (a:`Person` {id: 'vladimir-putin'}), (b:`Country` {id: 'russia'}) CREATE (a)-[:`LEADS` {date: '2024'}]->(b);
//! ```
//!
//! A node's label is its kind with a capital letter (`Person`, `Country`, …); its
//! properties are `id`, `name`, `kind` and `aliases` (a list of strings, absent when
//! none). A relationship's type is its relation in upper case with `_` for `-` (`SENT`,
//! `DEPLOYED_TO`, `COOPERATES_WITH`). Labels and types are always written in backticks,
//! since some are keywords somewhere (Kuzu reserves `GROUP`). A relationship's properties are `count` (an integer), `date`,
//! `source` (the article id) and `evidence`, each absent when the fact has none. Every
//! fact becomes its own relationship, so parallel facts stay apart. Facts find their
//! endpoints by label and `id`, so each statement stands alone and the file can be fed
//! to `cypher-shell`, `mgconsole` or a driver one statement at a time; on a large graph,
//! create an index on `id` first.
//!
//! String literals are single-quoted; only `\` and `'` are escaped (`\\`, `\'`, see
//! [`escape::cypher_string`]); line breaks and non-ASCII text are written as they are, in
//! UTF-8.
//!
//! Kuzu needs its tables declared before anything is created in them: [`write_kuzu`]
//! writes `CREATE NODE TABLE` for each kind and `CREATE REL TABLE` (with one
//! `FROM … TO …` pair per pair of kinds the facts join) for each relation the subgraph
//! uses, then the same statements as [`write`].

use super::{escape, kind_label, ordered_edges, ordered_nodes};
use crate::model::{Kind, KnowledgeGraph, Relation, Subgraph};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// The relationship type of a relation: `DEPLOYED_TO`.
pub fn relationship_type(relation: Relation) -> String {
    relation.as_str().to_ascii_uppercase().replace('-', "_")
}

/// A label or type as a quoted name: `` `Group` `` (Kuzu reserves `GROUP`).
fn quoted(name: &str) -> String {
    format!("`{name}`")
}

/// The node label of a kind, quoted: `` `Person` ``.
fn label(kind: Kind) -> String {
    quoted(&kind_label(kind))
}

/// A property map `{k: v, …}` of the present values (already written as literals).
fn properties(pairs: &[(&str, Option<String>)]) -> String {
    let present: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}: {v}")))
        .collect();
    if present.is_empty() {
        String::new()
    } else {
        format!(" {{{}}}", present.join(", "))
    }
}

/// Writes the subgraph as Cypher `CREATE` statements.
pub fn write(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    let string = |s: &str| Some(escape::cypher_string(s));
    for n in ordered_nodes(graph, sub) {
        let e = graph.entity(n);
        let aliases = (!e.aliases.is_empty()).then(|| {
            let items: Vec<String> = e.aliases.iter().map(|a| escape::cypher_string(a)).collect();
            format!("[{}]", items.join(", "))
        });
        let props = properties(&[
            ("id", string(&e.id)),
            ("name", string(&e.name)),
            ("kind", string(e.kind.as_str())),
            ("aliases", aliases),
        ]);
        writeln!(out, "CREATE (:{}{props});", label(e.kind))?;
    }
    for edge in ordered_edges(graph, sub) {
        let f = graph.fact(edge);
        let (s, o) = graph.endpoints(edge);
        let props = properties(&[
            ("count", f.count.map(|c| c.to_string())),
            ("date", f.date.as_deref().and_then(string)),
            ("source", f.source.as_deref().and_then(string)),
            ("evidence", f.evidence.as_deref().and_then(string)),
        ]);
        writeln!(
            out,
            "MATCH (a:{} {{id: {}}}), (b:{} {{id: {}}}) CREATE (a)-[:{}{props}]->(b);",
            label(graph.entity(s).kind),
            escape::cypher_string(&f.subject),
            label(graph.entity(o).kind),
            escape::cypher_string(&f.object),
            quoted(&relationship_type(f.relation)),
        )?;
    }
    Ok(())
}

/// Writes Kuzu's table declarations for the subgraph, then [`write`]'s statements.
pub fn write_kuzu(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    let kinds: BTreeSet<Kind> = sub.nodes.iter().map(|&n| graph.entity(n).kind).collect();
    for kind in kinds {
        writeln!(
            out,
            "CREATE NODE TABLE {}(id STRING PRIMARY KEY, name STRING, kind STRING, aliases STRING[]);",
            label(kind)
        )?;
    }
    let mut pairs: BTreeMap<Relation, BTreeSet<(Kind, Kind)>> = BTreeMap::new();
    for &edge in &sub.edges {
        let (s, o) = graph.endpoints(edge);
        pairs
            .entry(graph.fact(edge).relation)
            .or_default()
            .insert((graph.entity(s).kind, graph.entity(o).kind));
    }
    for (relation, pairs) in pairs {
        let from_to: Vec<String> = pairs
            .into_iter()
            .map(|(s, o)| format!("FROM {} TO {}", label(s), label(o)))
            .collect();
        writeln!(
            out,
            "CREATE REL TABLE {}({}, count INT64, date STRING, source STRING, evidence STRING);",
            quoted(&relationship_type(relation)),
            from_to.join(", ")
        )?;
    }
    write(graph, sub, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::consumer::{self, Normalized};
    use crate::export::sample;

    fn render(writer: sample::Writer, graph: &KnowledgeGraph) -> String {
        sample::render(writer, graph, &Subgraph::whole(graph))
    }

    #[test]
    fn writes_labelled_nodes_and_typed_relationships() {
        let g = sample::news();
        let text = render(write, &g);
        assert!(text.contains(
            "CREATE (:`Person` {id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin']});\n"
        ), "{text}");
        assert!(text.contains(
            "CREATE (:`Country` {id: 'north-korea', name: 'Democratic People\\'s Republic of Korea', kind: 'country', aliases: ['DPRK', 'North Korea']});\n"
        ), "{text}");
        assert!(text.contains(
            "MATCH (a:`Group` {id: 'troops'}), (b:`Place` {id: 'kursk-region'}) CREATE (a)-[:`DEPLOYED_TO` {date: '2024-11-04', source: 'a1'}]->(b);\n"
        ), "{text}");
        assert!(text.contains("CREATE (a)-[:`FOUGHT`]->(b);\n"));
        assert_eq!(text.lines().count(), 11);
    }

    #[test]
    fn kuzu_tables_come_first() {
        let g = sample::news();
        let text = render(write_kuzu, &g);
        assert!(text.starts_with(
            "CREATE NODE TABLE `Person`(id STRING PRIMARY KEY, name STRING, kind STRING, aliases STRING[]);\n"
        ), "{text}");
        assert!(text.contains(
            "CREATE REL TABLE `SENT`(FROM `Country` TO `Group`, count INT64, date STRING, source STRING, evidence STRING);\n"
        ), "{text}");
        assert!(text.ends_with(&render(write, &g)));
    }

    #[test]
    fn kuzu_loads_the_news_and_hostile_graphs() {
        for (g, (from, to)) in sample::graphs() {
            let sub = Subgraph::whole(&g);
            let ends = (from.as_str(), to.as_str());
            let Some(got) = consumer::python_on("read_cypher_kuzu.py", "g.cypher", ends, |out| {
                write_kuzu(&g, &sub, out)
            }) else {
                return;
            };
            assert_eq!(
                Normalized::from_consumer(&got),
                Normalized::expected(&g, &sub, ends)
            );
            // Kuzu's own MATCH answers: the fact count and the shortest path's length.
            assert_eq!(got["engine_facts"], g.fact_count());
            assert!(
                got["engine_shortest"].is_u64(),
                "{}",
                got["engine_shortest"]
            );
            assert_eq!(got["engine_shortest"], got["shortest"]);
        }
    }
}
