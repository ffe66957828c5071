//! `kg export`: the graph, or a selection of it, in a format other tools read, to standard
//! output or (atomically) to a file.

use super::{Ctx, Outcome};
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::Error;
use crate::export;
use crate::model::{KnowledgeGraph, Subgraph};
use crate::store::atomic;
use std::io::{self, Write};
use std::path::Path;

pub fn run(ctx: &mut Ctx, a: &ExportArgs) -> Result<Outcome, Error> {
    let format = format(a)?;
    match super::select_in(ctx.graph, &a.select)? {
        Ok(sub) => write_selection(ctx, a, format, &sub),
        Err(nothing) => Ok(nothing),
    }
}

/// The format to write: `--format`, else the output file's extension.
pub fn format(a: &ExportArgs) -> Result<ExportFormat, Error> {
    Ok(match (a.format, a.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(path)) => from_extension(path)?,
        (None, None) => {
            return Err(Error::Usage(
                "give a format: kg export --format dot|graphml|json|turtle|ntriples|cypher|csv|mermaid (or -o FILE with a known extension)".into(),
            ))
        }
    })
}

/// Writes a selection of the graph in `format`, to the output or to `-o`.
pub fn write_selection(
    ctx: &mut Ctx,
    a: &ExportArgs,
    format: ExportFormat,
    sub: &Subgraph,
) -> Result<Outcome, Error> {
    let g = ctx.graph;
    match (format, a.output.as_deref()) {
        (ExportFormat::Csv, Some(dir)) => {
            if dir.exists() && !dir.is_dir() {
                return Err(Error::Usage(format!(
                    "csv writes nodes.csv and edges.csv into a folder: '{}' is a file",
                    dir.display()
                )));
            }
            atomic::make_folder(dir).map_err(|e| write_error(dir, e))?;
            export::csv::write_dir(g, sub, dir).map_err(|e| write_error(dir, e))?;
            ctx.notes.push(format!(
                "wrote {} and {}",
                dir.join("nodes.csv").display(),
                dir.join("edges.csv").display()
            ));
        }
        (ExportFormat::Csv, None) => {
            return Err(Error::Usage(
                "csv writes two files (nodes.csv and edges.csv): give a folder with -o DIR".into(),
            ));
        }
        (_, Some(path)) => {
            atomic::write_file(path, |out| write(format, g, sub, out))
                .map_err(|e| write_error(path, e))?;
            ctx.notes.push(format!("wrote {}", path.display()));
        }
        (_, None) => write(format, g, sub, ctx.out)?,
    }
    Ok(Outcome::Done)
}

/// Writes the subgraph in one of the single-stream formats.
fn write(
    format: ExportFormat,
    g: &KnowledgeGraph,
    sub: &Subgraph,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ExportFormat::Dot => export::dot::write(g, sub, out),
        ExportFormat::Graphml => export::graphml::write(g, sub, out),
        ExportFormat::Json => export::nodelink::write(g, sub, out),
        ExportFormat::Turtle => export::rdf::write_turtle(g, sub, out),
        ExportFormat::Ntriples => export::rdf::write_ntriples(g, sub, out),
        ExportFormat::Cypher => export::cypher::write(g, sub, out),
        ExportFormat::Mermaid => export::mermaid::write(g, sub, out),
        ExportFormat::Csv => unreachable!("csv writes a folder, not a stream"),
    }
}

/// The format an output file's extension names.
pub fn from_extension(path: &Path) -> Result<ExportFormat, Error> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    Ok(match ext.as_str() {
        "dot" | "gv" => ExportFormat::Dot,
        "graphml" => ExportFormat::Graphml,
        "json" => ExportFormat::Json,
        "ttl" => ExportFormat::Turtle,
        "nt" => ExportFormat::Ntriples,
        "cypher" | "cql" => ExportFormat::Cypher,
        "mmd" | "mermaid" => ExportFormat::Mermaid,
        _ => {
            return Err(Error::Usage(format!(
                "cannot tell the format from '{}': add --format (dot, graphml, json, turtle, ntriples, cypher, csv, mermaid)",
                path.display()
            )));
        }
    })
}

fn write_error(path: &Path, source: io::Error) -> Error {
    Error::Write {
        path: path.into(),
        source,
    }
}
