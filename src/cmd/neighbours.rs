//! `kg neighbours X`: what is linked to an entity, grouped by depth, relation and direction.

use super::{Ctx, Outcome};
use crate::cli::{DirectionArg, NeighboursArgs};
use crate::error::Error;
use crate::print::text::{attributes, counted, printable};
use crate::print::{Format, Style, json};
use crate::query::{Describe, Link, Towards, Walk, neighbours, resolve};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;

pub fn run(ctx: &mut Ctx, a: &NeighboursArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let center = resolve(g, &a.entity)?;
    if a.format.format == Format::Text {
        return Ok(answer_text(ctx.out, &ctx.style, g, center, a)?);
    }
    let links = neighbours(g, center, &walk(a), a.depth, &a.kind);
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
    Ok(outcome(g, center, &links))
}

/// Finds and prints the neighbourhood as text, from any graph that can describe its
/// entities and facts: the in-memory graph, or a snapshot (for a long listing, without
/// decoding it).
///
/// # Complexity
/// The search's (see [`neighbours`]), then O(L log L) to group and print L links.
pub fn answer_text<D: Describe>(
    out: &mut dyn Write,
    style: &Style,
    g: &D,
    center: D::Node,
    a: &NeighboursArgs,
) -> std::io::Result<Outcome> {
    let links = neighbours(g, center, &walk(a), a.depth, &a.kind);
    print_text(out, style, g, center, &links, a.depth)?;
    Ok(outcome(g, center, &links))
}

fn outcome<D: Describe>(g: &D, center: D::Node, links: &[Link<D::Node, D::Edge>]) -> Outcome {
    if links.is_empty() {
        return Outcome::Nothing(format!(
            "{} has no neighbours with these options",
            g.name(center)
        ));
    }
    Outcome::Done
}

/// The walk `kg neighbours`' options describe.
pub fn walk<N>(a: &NeighboursArgs) -> Walk<N> {
    Walk {
        towards: match a.direction {
            DirectionArg::Out => Towards::Out,
            DirectionArg::In => Towards::In,
            DirectionArg::Both => Towards::Both,
        },
        via: a.relation.clone(),
        ..Walk::default()
    }
}

/// Links of one depth, relation and direction: (depth, relation, forward, links).
type Group<'a, L> = (usize, &'a str, bool, Vec<&'a L>);

fn print_text<D: Describe>(
    out: &mut dyn Write,
    style: &Style,
    g: &D,
    center: D::Node,
    links: &[Link<D::Node, D::Edge>],
    depth: usize,
) -> std::io::Result<()> {
    let mut reached: Vec<_> = links.iter().map(|l| l.to).collect();
    reached.sort_unstable();
    reached.dedup();
    writeln!(
        out,
        "{} {}: {} {} {} within {}",
        style.entity(g.name(center)),
        style.dim(&format!("({})", g.kind(center))),
        counted(links.len(), "fact"),
        if links.len() == 1 { "links" } else { "link" },
        counted(reached.len(), "entity"),
        counted(depth, "hop"),
    )?;
    // Links grouped by (depth, relation, direction), each group in the order found.
    let mut index = HashMap::new();
    let mut groups: Vec<Group<Link<D::Node, D::Edge>>> = Vec::new();
    for l in links {
        let rel = g.relation(l.edge).as_str();
        let at = *index.entry((l.depth, rel, l.forward)).or_insert_with(|| {
            groups.push((l.depth, rel, l.forward, Vec::new()));
            groups.len() - 1
        });
        groups[at].3.push(l);
    }
    groups.sort_by_key(|(d, r, f, _)| (*d, !*f, *r));
    let mut last_depth = 0;
    for (d, rel, forward, items) in groups {
        if depth > 1 && d != last_depth {
            writeln!(out, "\n{}", style.heading(&counted(d, "hop")))?;
            last_depth = d;
        } else if depth == 1 {
            writeln!(out)?;
        }
        if forward {
            writeln!(out, "-[{}]-> ({})", style.relation(rel), items.len())?;
        } else {
            writeln!(out, "<-[{}]- ({})", style.relation(rel), items.len())?;
        }
        for l in items {
            let (name, kind) = g.name_and_kind(l.to);
            write!(out, "  {} ", style.entity(name))?;
            style.write_dim(out, format_args!("({kind})"))?;
            let attrs = attributes(g, l.edge);
            if !attrs.is_empty() {
                out.write_all(b"  ")?;
                style.write_dim(out, format_args!("{attrs}"))?;
            }
            if d > 1 {
                out.write_all(b"  ")?;
                style.write_dim(out, format_args!("via {}", printable(g.name(l.from))))?;
            }
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
