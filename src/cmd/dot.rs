//! `kg dot`: the graph, or a selection of it, as Graphviz DOT on standard output.

use super::{Ctx, Outcome};
use crate::cli::DotArgs;
use crate::error::Error;
use crate::export;

pub fn run(ctx: &mut Ctx, a: &DotArgs) -> Result<Outcome, Error> {
    match super::selection::select(ctx.graph, &a.select)? {
        Ok(sub) => {
            export::dot::write(ctx.graph, &sub, ctx.out)?;
            Ok(Outcome::Done)
        }
        Err(nothing) => Ok(Outcome::Nothing(nothing)),
    }
}
