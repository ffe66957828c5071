//! `kg entities`: the entities, with their kinds and number of facts.

use super::{Ctx, Outcome};
use crate::cli::EntitiesArgs;
use crate::error::Error;
use crate::print::text::printable;
use crate::print::width::{self, pad};
use crate::print::{Format, json};
use crate::query::Read;

pub fn run(ctx: &mut Ctx, a: &EntitiesArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let mut nodes: Vec<_> = g
        .nodes()
        .filter(|&n| a.kind.is_empty() || a.kind.contains(&g.entity(n).kind))
        .collect();
    nodes.sort_by(|&x, &y| {
        (g.entity(x).kind, g.entity(x).name.to_lowercase())
            .cmp(&(g.entity(y).kind, g.entity(y).name.to_lowercase()))
    });
    match a.format.format {
        Format::Json => {
            let views: Vec<_> = nodes.iter().map(|&n| json::EntityView::new(g, n)).collect();
            json::print(ctx.out, &views)?;
        }
        Format::Text => {
            let natural = nodes
                .iter()
                .map(|&n| width::width(&g.entity(n).name))
                .max()
                .unwrap_or(4)
                .max(4);
            // A long name is cut to what the line leaves after KIND and FACTS.
            let width = width::column(natural, ctx.width, 2 + 11 + 2 + 5, 12);
            let style = ctx.style;
            writeln!(
                ctx.out,
                "{}  {}  FACTS",
                pad("NAME", width),
                pad("KIND", 11)
            )?;
            for &n in &nodes {
                let e = g.entity(n);
                let degree = g.degree(n);
                writeln!(
                    ctx.out,
                    "{}  {}  {degree:>5}",
                    style.entity(&pad(&printable(&e.name), width)),
                    style.dim(&pad(e.kind.as_str(), 11))
                )?;
            }
        }
    }
    if nodes.is_empty() {
        return Ok(Outcome::Nothing("no entities of these kinds".into()));
    }
    Ok(Outcome::Done)
}
