//! `kg explain A B`: the shortest path between two entities told as prose (see
//! [`crate::print::prose`]), then the sources it cites, ready to paste into a report.

use super::{Ctx, Outcome};
use crate::cli::ExplainArgs;
use crate::error::Error;
use crate::print::json::SourceView;
use crate::print::{Format, json, prose};
use crate::query::paths::shortest;
use crate::query::{Read, Walk};
use serde::Serialize;

pub fn run<G: Read>(ctx: &mut Ctx<G>, a: &ExplainArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let (from, to) = (g.resolve(&a.from)?, g.resolve(&a.to)?);
    let walk = Walk {
        via: a.via.clone(),
        avoid: a.avoid.clone(),
        ..Walk::default()
    };
    let Some(path) = shortest(g, from, to, &walk) else {
        let hint = if a.via.is_empty() && a.avoid.is_empty() {
            ""
        } else {
            " with these options"
        };
        return Ok(Outcome::Nothing(format!(
            "no path from {} to {}{hint}",
            g.name(from),
            g.name(to)
        )));
    };
    let (sentences, source_ids) = prose::path_sentences(g, &path);
    let sources: Vec<SourceView> = source_ids.iter().map(|id| SourceView::new(g, id)).collect();
    match a.format.format {
        Format::Json => {
            let view = Explanation {
                from: json::EntityRef::new(g, from),
                to: json::EntityRef::new(g, to),
                sentences,
                sources,
                path: json::PathView::new(g, &path),
            };
            json::print(ctx.out, &view)?;
        }
        Format::Text => {
            if path.is_empty() {
                writeln!(
                    ctx.out,
                    "{} and {} are the same entity.",
                    g.name(from),
                    g.name(to)
                )?;
                return Ok(Outcome::Done);
            }
            // Names come from graph files: each sentence on one line, no control characters.
            for s in &sentences {
                writeln!(ctx.out, "{}", crate::print::text::one_line(s))?;
            }
            if !sources.is_empty() {
                writeln!(ctx.out)?;
                if sources.len() == 1 {
                    writeln!(
                        ctx.out,
                        "{}",
                        ctx.style.dim(&format!("Source: {}", cite(&sources[0])))
                    )?;
                } else {
                    writeln!(ctx.out, "{}", ctx.style.dim("Sources:"))?;
                    for (i, s) in sources.iter().enumerate() {
                        writeln!(
                            ctx.out,
                            "{}",
                            ctx.style.dim(&format!("  {}. {}", i + 1, cite(s)))
                        )?;
                    }
                }
            }
        }
    }
    Ok(Outcome::Done)
}

/// `"Title", Publisher, id, 22 November 2024, path`: the parts the source has.
fn cite(s: &SourceView) -> String {
    let mut parts = Vec::new();
    if let Some(t) = &s.title {
        parts.push(format!("\u{201c}{t}\u{201d}"));
    }
    if let Some(p) = &s.publisher {
        parts.push(p.to_string());
    }
    parts.push(s.id.to_string());
    if let Some(d) = &s.date {
        parts.push(prose::date(d));
    }
    if let Some(p) = &s.path {
        parts.push(p.to_string());
    }
    crate::print::text::one_line(&parts.join(", "))
}

/// `{"from", "to", "sentences", "sources", "path"}`.
#[derive(Serialize)]
struct Explanation<'a> {
    from: json::EntityRef<'a>,
    to: json::EntityRef<'a>,
    sentences: Vec<String>,
    sources: Vec<SourceView<'a>>,
    path: json::PathView<'a>,
}
