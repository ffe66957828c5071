//! `kg entities`: the entities, with their kinds and number of facts.

use super::{Ctx, Outcome};
use crate::cli::EntitiesArgs;
use crate::error::Error;
use crate::print::text::printable;
use crate::print::width::{self, pad};
use crate::print::{Format, json};
use crate::query::Read;

pub fn run<G: Read>(ctx: &mut Ctx<G>, a: &EntitiesArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let mut nodes: Vec<_> = g
        .all_nodes()
        .into_iter()
        .filter(|&n| a.kind.is_empty() || a.kind.contains(&g.kind(n)))
        .map(|n| (g.kind(n), g.name(n).to_lowercase(), n))
        .collect();
    nodes.sort_by(|x, y| (x.0, &x.1).cmp(&(y.0, &y.1)));
    let nodes: Vec<G::Node> = nodes.into_iter().map(|(_, _, n)| n).collect();
    match a.format.format {
        Format::Json => {
            let views: Vec<_> = nodes.iter().map(|&n| json::EntityView::new(g, n)).collect();
            json::print(ctx.out, &views)?;
        }
        Format::Text => {
            let natural = nodes
                .iter()
                .map(|&n| width::width(g.name(n)))
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
                let (name, kind) = g.name_and_kind(n);
                let degree = g.degree(n);
                writeln!(
                    ctx.out,
                    "{}  {}  {degree:>5}",
                    style.entity(&pad(&printable(name), width)),
                    style.dim(&pad(kind.as_str(), 11))
                )?;
            }
        }
    }
    if nodes.is_empty() {
        return Ok(Outcome::Nothing("no entities of these kinds".into()));
    }
    Ok(Outcome::Done)
}
