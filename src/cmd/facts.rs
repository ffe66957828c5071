//! `kg facts`: the facts, with their evidence.

use super::{Ctx, Outcome};
use crate::cli::FactsArgs;
use crate::error::Error;
use crate::print::{Format, json, text};
use crate::query::Read;

pub fn run<G: Read>(ctx: &mut Ctx<G>, a: &FactsArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let about = a
        .entity
        .as_deref()
        .map(|name| g.resolve(name))
        .transpose()?;
    let edges: Vec<_> = g
        .all_edges()
        .into_iter()
        .filter(|&e| a.relation.is_empty() || a.relation.contains(&g.relation(e)))
        .filter(|&e| {
            about.is_none_or(|n| {
                let (s, o) = g.endpoints(e);
                s == n || o == n
            })
        })
        .collect();
    match a.format.format {
        Format::Json => {
            let views: Vec<_> = edges.iter().map(|&e| json::FactView::new(g, e)).collect();
            json::print(ctx.out, &views)?;
        }
        Format::Text => {
            let style = ctx.style;
            for &e in &edges {
                writeln!(
                    ctx.out,
                    "{}",
                    text::fact_line_within(g, e, &style, ctx.width)
                )?;
                if !a.no_evidence {
                    write!(ctx.out, "{}", text::evidence(g, e, "    ", &style))?;
                }
            }
        }
    }
    if edges.is_empty() {
        return Ok(Outcome::Nothing("no facts match".into()));
    }
    Ok(Outcome::Done)
}
