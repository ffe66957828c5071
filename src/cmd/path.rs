//! `kg path A B`: how two entities are connected, fact by fact.

use super::{Ctx, Outcome};
use crate::cli::PathArgs;
use crate::error::Error;
use crate::print::Format;
use crate::print::{json, text};
use crate::query::paths::{all_simple, k_shortest, shortest};
use crate::query::{Cut, Path, Read, Towards, Walk};
use serde::Serialize;

/// How many partial paths `--all` explores at most before it stops.
pub const BUDGET: usize = 1_000_000;

pub fn run<G: Read>(ctx: &mut Ctx<G>, a: &PathArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let from = g.resolve(&a.from)?;
    let to = g.resolve(&a.to)?;
    let mut avoid_entities = Vec::new();
    for name in &a.avoid_entity {
        let n = g.resolve(name)?;
        if n == from || n == to {
            return Err(Error::Usage(format!(
                "--avoid-entity '{name}' names an end of the path ({})",
                g.name(n)
            )));
        }
        avoid_entities.push(n);
    }
    let walk = walk(a, avoid_entities);
    let (paths, cut) = if a.all {
        all_simple(g, from, to, &walk, a.max_hops, a.limit, BUDGET)
    } else if let Some(k) = a.k {
        (k_shortest(g, from, to, &walk, k as usize), None)
    } else {
        (shortest(g, from, to, &walk).into_iter().collect(), None)
    };
    match cut {
        Some(Cut::Limit) => ctx.notes.push(format!("showing the first {} paths; there may be more (raise --limit)", a.limit)),
        Some(Cut::Budget) => ctx.notes.push(format!(
            "stopped after exploring {BUDGET} partial paths; longer paths may be missing (lower --max-hops)"
        )),
        None => {}
    }
    match a.format.format {
        Format::Json => print_json(ctx, from, to, &paths)?,
        Format::Text => print_text(ctx, &paths, a.all || a.k.is_some(), !a.no_evidence)?,
    }
    if paths.is_empty() {
        let filtered = a.directed
            || !a.via.is_empty()
            || !a.avoid.is_empty()
            || !a.avoid_entity.is_empty()
            || a.all;
        let hint = if filtered { " with these options" } else { "" };
        return Ok(Outcome::Nothing(format!(
            "no path from {} to {}{hint}",
            g.name(from),
            g.name(to)
        )));
    }
    Ok(Outcome::Done)
}

/// The walk `kg path`'s options describe, never entering `avoid_entities`.
pub fn walk<N>(a: &PathArgs, avoid_entities: Vec<N>) -> Walk<N> {
    Walk {
        towards: if a.directed {
            Towards::Out
        } else {
            Towards::Both
        },
        via: a.via.clone(),
        avoid: a.avoid.clone(),
        avoid_entities,
    }
}

/// Prints the paths; `numbered` gives each a heading (for --all and -k).
fn print_text<G: Read>(
    ctx: &mut Ctx<G>,
    paths: &[Path<G::Node, G::Edge>],
    numbered: bool,
    evidence: bool,
) -> std::io::Result<()> {
    let (g, style) = (ctx.graph, ctx.style);
    for (i, path) in paths.iter().enumerate() {
        if numbered {
            if i > 0 {
                writeln!(ctx.out)?;
            }
            let hops = text::counted(path.len(), "hop");
            writeln!(
                ctx.out,
                "{}",
                style.heading(&format!("Path {} of {} ({hops})", i + 1, paths.len()))
            )?;
        }
        writeln!(ctx.out, "{}", text::chain(g, path, &style))?;
        if path.is_empty() {
            writeln!(
                ctx.out,
                "{}",
                style.dim("(the same entity: no facts to follow)")
            )?;
            continue;
        }
        writeln!(ctx.out)?;
        for (j, step) in path.steps.iter().enumerate() {
            writeln!(
                ctx.out,
                "{}. {}",
                j + 1,
                text::fact_line(g, step.edge, &style)
            )?;
            if evidence {
                write!(ctx.out, "{}", text::evidence(g, step.edge, "   ", &style))?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct PathsView<'a> {
    from: json::EntityRef<'a>,
    to: json::EntityRef<'a>,
    paths: Vec<json::PathView<'a>>,
}

fn print_json<G: Read>(
    ctx: &mut Ctx<G>,
    from: G::Node,
    to: G::Node,
    paths: &[Path<G::Node, G::Edge>],
) -> std::io::Result<()> {
    let g = ctx.graph;
    let view = PathsView {
        from: json::EntityRef::new(g, from),
        to: json::EntityRef::new(g, to),
        paths: paths.iter().map(|p| json::PathView::new(g, p)).collect(),
    };
    json::print(ctx.out, &view)
}
