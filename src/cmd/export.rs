//! `kg export`: the graph, or a selection of it, in a format other tools read, to standard
//! output or (atomically) to a file.

use super::{Ctx, Outcome};
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::Error;
use crate::export::{self, Writer};
use crate::model::Subgraph;
use crate::store::atomic;
use std::io;
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
    match (a.format, a.output.as_deref()) {
        (Some(f), _) => Ok(f),
        (None, Some(path)) => from_extension(path),
        (None, None) => Err(Error::Usage(format!(
            "give a format: kg export --format {} (or -o FILE with a known extension)",
            export::format_names("|")
        ))),
    }
}

/// Writes a selection of the graph in `format`, to the output or to `-o`.
pub fn write_selection(
    ctx: &mut Ctx,
    a: &ExportArgs,
    format: ExportFormat,
    sub: &Subgraph,
) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let name = format.spec().name;
    match (format.spec().writer, a.output.as_deref()) {
        (Writer::Folder(write), Some(dir)) => {
            if dir.exists() && !dir.is_dir() {
                return Err(Error::Usage(format!(
                    "{name} writes nodes.csv and edges.csv into a folder: '{}' is a file",
                    dir.display()
                )));
            }
            atomic::make_folder(dir).map_err(|e| write_error(dir, e))?;
            write(g, sub, dir).map_err(|e| write_error(dir, e))?;
            ctx.notes.push(format!(
                "wrote {} and {}",
                dir.join("nodes.csv").display(),
                dir.join("edges.csv").display()
            ));
        }
        (Writer::Folder(_), None) => {
            return Err(Error::Usage(format!(
                "{name} writes two files (nodes.csv and edges.csv): give a folder with -o DIR"
            )));
        }
        (Writer::Stream(write), Some(path)) => {
            atomic::write_file(path, |out| write(g, sub, out)).map_err(|e| write_error(path, e))?;
            ctx.notes.push(format!("wrote {}", path.display()));
        }
        (Writer::Stream(write), None) => write(g, sub, ctx.out)?,
    }
    Ok(Outcome::Done)
}

/// Writes the subgraph in one of the single-stream formats.
/// The format a file's extension names.
pub fn from_extension(path: &Path) -> Result<ExportFormat, Error> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    export::format_for_extension(ext)
        .and_then(|f| ExportFormat::named(f.name))
        .ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the format from '{}': add --format ({})",
                path.display(),
                export::format_names(", ")
            ))
        })
}

fn write_error(path: &Path, source: io::Error) -> Error {
    crate::store::Error::Write {
        path: path.into(),
        source,
    }
    .into()
}
