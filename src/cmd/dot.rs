//! `kg dot`: the graph, or a selection of it, as Graphviz DOT on standard output; at most
//! [`bounds::DOT_MAX_FACTS`] facts (`--limit N` keeps the N best-connected entities).

use super::{Ctx, Outcome, bounds, select};
use crate::cli::DotArgs;
use crate::error::Error;
use crate::export;

pub fn run(ctx: &mut Ctx, a: &DotArgs) -> Result<Outcome, Error> {
    let sub = match select(ctx.graph, &a.select)? {
        Ok(sub) => sub,
        Err(nothing) => return Ok(nothing),
    };
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
