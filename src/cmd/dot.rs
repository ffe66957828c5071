//! `kg dot`: the graph, or a selection of it, as Graphviz DOT on standard output; at most
//! [`bounds::DOT_MAX_FACTS`] facts (`--limit N` keeps the N best-connected entities).

use super::{Ctx, Outcome, bounds, select_in};
use crate::cli::DotArgs;
use crate::error::Error;
use crate::export;
use crate::model::Subgraph;

pub fn run(ctx: &mut Ctx, a: &DotArgs) -> Result<Outcome, Error> {
    match select_in(ctx.graph, &a.select)? {
        Ok(sub) => write(ctx, a, sub),
        Err(nothing) => Ok(nothing),
    }
}

/// Writes a selection of the graph as DOT, within `--limit`.
pub fn write(ctx: &mut Ctx, a: &DotArgs, sub: Subgraph) -> Result<Outcome, Error> {
    let sub = bounds::limited(ctx.graph, sub, a.limit, &mut ctx.notes);
    bounds::check(
        "kg dot",
        &sub,
        bounds::DOT_MAX_FACTS,
        a.limit,
        "; kg export --format dot writes them all",
    )?;
    export::dot::write(ctx.graph, &sub, ctx.out)?;
    Ok(Outcome::Done)
}
