//! CSV: two tables, `nodes.csv` and `edges.csv`, for pandas, spreadsheets and bulk
//! loaders (Neo4j `LOAD CSV`, Gephi's spreadsheet import).
//!
//! | file | header |
//! |---|---|
//! | `nodes.csv` | `id,name,kind,aliases` |
//! | `edges.csv` | `subject,relation,object,count,date,source,evidence` |
//!
//! `subject` and `object` are entity ids; `aliases` is a JSON array (`["DPRK","North
//! Korea"]`), empty when the entity has none; `count`, `date`, `source` (the article id)
//! and `evidence` are empty when the fact has none. Files are UTF-8 without a byte order
//! mark, records end in CRLF, and fields are quoted as RFC 4180 says (see
//! [`escape::csv_field`]), so commas, quotes and line breaks inside a name survive.
//! Rows are in entity-id and canonical fact order.
//!
//! There are two tables, so there is no single-stream `write`: call [`write_nodes`] and
//! [`write_edges`] on two streams, or [`write_dir`] to create both files in a folder.
//! With pandas, read them as text so that names like `NA` or `null` stay names:
//! `pd.read_csv(path, dtype=str, keep_default_na=False)`.

use super::{escape, ordered_edges, ordered_nodes};
use crate::model::{KnowledgeGraph, Subgraph};
use std::io::{self, Write};
use std::path::Path;

/// The header of `nodes.csv`.
pub const NODES_HEADER: [&str; 4] = ["id", "name", "kind", "aliases"];
/// The header of `edges.csv`.
pub const EDGES_HEADER: [&str; 7] = [
    "subject", "relation", "object", "count", "date", "source", "evidence",
];

/// One record, its fields quoted as needed, ending in CRLF.
fn record<S: AsRef<str>>(out: &mut dyn Write, fields: &[S]) -> io::Result<()> {
    let line: Vec<String> = fields
        .iter()
        .map(|f| escape::csv_field(f.as_ref()))
        .collect();
    write!(out, "{}\r\n", line.join(","))
}

/// Writes `nodes.csv`: the header, then one record per entity of the subgraph.
pub fn write_nodes(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    record(out, &NODES_HEADER)?;
    for n in ordered_nodes(graph, sub) {
        let e = graph.entity(n);
        let aliases = escape::name_list(&e.aliases);
        record(out, &[e.id.as_str(), &e.name, e.kind.as_str(), &aliases])?;
    }
    Ok(())
}

/// Writes `edges.csv`: the header, then one record per fact of the subgraph.
pub fn write_edges(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    record(out, &EDGES_HEADER)?;
    for edge in ordered_edges(graph, sub) {
        let f = graph.fact(edge);
        let count = f.count.map(|c| c.to_string()).unwrap_or_default();
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        record(
            out,
            &[
                f.subject.clone(),
                f.relation.to_string(),
                f.object.clone(),
                count,
                text(&f.date),
                text(&f.source),
                text(&f.evidence),
            ],
        )?;
    }
    Ok(())
}

/// Creates (or replaces) `nodes.csv` and `edges.csv` in `dir`, which must exist; each file
/// is written atomically.
pub fn write_dir(graph: &KnowledgeGraph, sub: &Subgraph, dir: &Path) -> io::Result<()> {
    type Table = fn(&KnowledgeGraph, &Subgraph, &mut dyn Write) -> io::Result<()>;
    let tables: [(&str, Table); 2] = [("nodes.csv", write_nodes), ("edges.csv", write_edges)];
    for (name, table) in tables {
        crate::store::atomic::write_file(&dir.join(name), |out| table(graph, sub, out))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::consumer::{self, Normalized};
    use crate::export::sample;

    fn render(table: sample::Writer, graph: &KnowledgeGraph) -> String {
        sample::render(table, graph, &Subgraph::whole(graph))
    }

    #[test]
    fn writes_headers_and_quoted_records() {
        let g = sample::news();
        let nodes = render(write_nodes, &g);
        assert!(nodes.starts_with("id,name,kind,aliases\r\nbrown-bear,brown bear,animal,\r\n"));
        assert!(
            nodes.contains("\"[\"\"DPRK\"\",\"\"North Korea\"\"]\""),
            "{nodes}"
        );
        let edges = render(write_edges, &g);
        assert!(edges.starts_with("subject,relation,object,count,date,source,evidence\r\n"));
        assert!(edges.contains(
            "north-korea,sent,troops,12000,2024-10,a1,\"North Korea sent 12,000 troops to Russia.\"\r\n"
        ));
        assert_eq!(edges.matches("\r\n").count(), 6);
    }

    #[test]
    fn write_dir_creates_both_files() {
        let g = sample::news();
        let dir = tempfile::tempdir().unwrap();
        write_dir(&g, &Subgraph::whole(&g), dir.path()).unwrap();
        let read = |n| std::fs::read_to_string(dir.path().join(n)).unwrap();
        assert_eq!(read("nodes.csv"), render(write_nodes, &g));
        assert_eq!(read("edges.csv"), render(write_edges, &g));
    }

    #[test]
    fn pandas_reads_the_news_and_hostile_graphs() {
        for (g, (from, to)) in sample::graphs() {
            let sub = Subgraph::whole(&g);
            let ends = (from.as_str(), to.as_str());
            let Some(got) = consumer::python("read_csv.py", ends, |dir| {
                write_dir(&g, &sub, dir)?;
                Ok(vec![dir.join("nodes.csv"), dir.join("edges.csv")])
            }) else {
                return;
            };
            assert_eq!(
                Normalized::from_consumer(&got),
                Normalized::expected(&g, &sub, ends)
            );
        }
    }
}
