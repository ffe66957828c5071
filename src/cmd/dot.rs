//! `kg dot`: the graph, or a selection of it, as Graphviz DOT on standard output.

use super::{Ctx, Outcome, select};
use crate::cli::DotArgs;
use crate::error::Error;
use crate::export;

pub fn run(ctx: &mut Ctx, a: &DotArgs) -> Result<Outcome, Error> {
    let sub = match select(ctx.graph, &a.select)? {
        Ok(sub) => sub,
        Err(nothing) => return Ok(nothing),
    };
    export::dot::write(ctx.graph, &sub, ctx.out)?;
    Ok(Outcome::Done)
}
