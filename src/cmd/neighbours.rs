//! `kg neighbours X`: what is linked to an entity, grouped by depth, relation and direction.

use super::{Ctx, Outcome};
use crate::cli::{DirectionArg, NeighboursArgs};
use crate::error::Error;
use crate::model::{Kind, Relation};
use crate::print::text::{Attributes, attributes, counted, printable};
use crate::print::{Format, Style, json};
use crate::query::{Describe, Link, Read, Towards, Walk, neighbours};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;

pub fn run<G: Read>(ctx: &mut Ctx<G>, a: &NeighboursArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let center = g.resolve(&a.entity)?;
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
/// Links of one depth, relation and direction: their places in the list of links.
type Group<'a> = (usize, &'a str, bool, Vec<usize>);

/// The relation and attributes of each link's fact, read in fact order rather than the
/// order printed: on a memory-mapped snapshot the reads then ascend through the records
/// (a few sequential page runs instead of a random read per link).
fn read_facts<'g, D: Describe>(
    g: &'g D,
    links: &[Link<D::Node, D::Edge>],
) -> Vec<(Relation, Attributes<'g>)> {
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_unstable_by_key(|&i| links[i].edge);
    let mut facts: Vec<Option<(Relation, Attributes<'g>)>> =
        (0..links.len()).map(|_| None).collect();
    for i in order {
        let e = links[i].edge;
        facts[i] = Some((g.relation(e), attributes(g, e)));
    }
    facts.into_iter().flatten().collect()
}

/// The name and kind of each link's far end, read in entity order (see [`read_facts`]).
fn read_ends<'g, D: Describe>(g: &'g D, links: &[Link<D::Node, D::Edge>]) -> Vec<(&'g str, Kind)> {
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_unstable_by_key(|&i| links[i].to);
    let mut ends: Vec<(&'g str, Kind)> = vec![("", Kind::ALL[0]); links.len()];
    for i in order {
        ends[i] = g.name_and_kind(links[i].to);
    }
    ends
}

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
    let facts = read_facts(g, links);
    let ends = read_ends(g, links);
    // Links grouped by (depth, relation, direction), each group in the order found.
    let mut index = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for (i, l) in links.iter().enumerate() {
        let rel = facts[i].0.as_str();
        let at = *index.entry((l.depth, rel, l.forward)).or_insert_with(|| {
            groups.push((l.depth, rel, l.forward, Vec::new()));
            groups.len() - 1
        });
        groups[at].3.push(i);
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
        for i in items {
            let (name, kind) = ends[i];
            write!(out, "  {} ", style.entity(name))?;
            style.write_dim(out, format_args!("({kind})"))?;
            let attrs = &facts[i].1;
            if !attrs.is_empty() {
                out.write_all(b"  ")?;
                style.write_dim(out, format_args!("{attrs}"))?;
            }
            if d > 1 {
                out.write_all(b"  ")?;
                style.write_dim(
                    out,
                    format_args!("via {}", printable(g.name(links[i].from))),
                )?;
            }
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
