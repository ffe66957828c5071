//! `kg neighbours X`: what is linked to an entity, grouped by depth, relation and direction.

use super::{Ctx, Outcome};
use crate::cli::{DirectionArg, NeighboursArgs};
use crate::error::Error;
use crate::print::text::{attributes, counted, printable};
use crate::print::{Format, json};
use crate::query::{Link, Towards, Walk, neighbours, resolve};
use serde::Serialize;

pub fn run(ctx: &mut Ctx, a: &NeighboursArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let center = resolve(g, &a.entity)?;
    let towards = match a.direction {
        DirectionArg::Out => Towards::Out,
        DirectionArg::In => Towards::In,
        DirectionArg::Both => Towards::Both,
    };
    let walk = Walk {
        towards,
        via: a.relation.clone(),
        ..Walk::default()
    };
    let links = neighbours(g, center, &walk, a.depth, &a.kind);
    match a.format.format {
        Format::Json => {
            #[derive(Serialize)]
            struct View<'a> {
                entity: json::EntityRef<'a>,
                neighbours: Vec<json::LinkView<'a>>,
            }
            let view = View {
                entity: json::EntityRef::new(g, center),
                neighbours: links.iter().map(|l| json::LinkView::new(g, l)).collect(),
            };
            json::print(ctx.out, &view)?;
        }
        Format::Text => print_text(ctx, center, &links, a.depth)?,
    }
    if links.is_empty() {
        return Ok(Outcome::Nothing(format!(
            "{} has no neighbours with these options",
            g.entity(center).name
        )));
    }
    Ok(Outcome::Done)
}

fn print_text(
    ctx: &mut Ctx,
    center: petgraph::graph::NodeIndex,
    links: &[Link],
    depth: usize,
) -> std::io::Result<()> {
    let (g, style) = (ctx.graph, ctx.style);
    let e = g.entity(center);
    let mut reached: Vec<_> = links.iter().map(|l| l.to).collect();
    reached.sort();
    reached.dedup();
    writeln!(
        ctx.out,
        "{} {}: {} {} {} within {}",
        style.entity(&e.name),
        style.dim(&format!("({})", e.kind)),
        counted(links.len(), "fact"),
        if links.len() == 1 { "links" } else { "link" },
        counted(reached.len(), "entity"),
        counted(depth, "hop"),
    )?;
    let mut groups: Vec<(usize, &str, bool, Vec<&Link>)> = Vec::new();
    for l in links {
        let rel = g.fact(l.edge).relation.as_str();
        match groups
            .iter_mut()
            .find(|(d, r, f, _)| *d == l.depth && *r == rel && *f == l.forward)
        {
            Some(group) => group.3.push(l),
            None => groups.push((l.depth, rel, l.forward, vec![l])),
        }
    }
    groups.sort_by_key(|(d, r, f, _)| (*d, !*f, *r));
    let mut last_depth = 0;
    for (d, rel, forward, items) in groups {
        if depth > 1 && d != last_depth {
            writeln!(ctx.out, "\n{}", style.heading(&counted(d, "hop")))?;
            last_depth = d;
        } else if depth == 1 {
            writeln!(ctx.out)?;
        }
        let arrow = if forward {
            format!("-[{}]->", style.relation(rel))
        } else {
            format!("<-[{}]-", style.relation(rel))
        };
        writeln!(ctx.out, "{arrow} ({})", items.len())?;
        for l in items {
            let n = g.entity(l.to);
            let mut line = format!(
                "  {} {}",
                style.entity(&n.name),
                style.dim(&format!("({})", n.kind))
            );
            let attrs = attributes(g, l.edge);
            if !attrs.is_empty() {
                line.push_str(&format!("  {}", style.dim(&attrs)));
            }
            if d > 1 {
                line.push_str(&format!(
                    "  {}",
                    style.dim(&format!("via {}", printable(&g.entity(l.from).name)))
                ));
            }
            writeln!(ctx.out, "{line}")?;
        }
    }
    Ok(())
}
