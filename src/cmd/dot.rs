//! `kg dot`: the graph, or a selection of it, as Graphviz DOT.

use super::{Ctx, Outcome};
use crate::cli::DotArgs;
use crate::error::Error;
use crate::export;
use crate::query::paths::shortest;
use crate::query::{Selection, Walk, resolve};

pub fn run(ctx: &mut Ctx, a: &DotArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let sel = Selection {
        relations: a.relation.clone(),
        kinds: a.kind.clone(),
    };
    let sub = if let Some(center) = &a.around {
        sel.around(g, resolve(g, center)?, a.depth)
    } else if let Some([from, to]) = a.path.as_deref() {
        let (from, to) = (resolve(g, from)?, resolve(g, to)?);
        let walk = Walk {
            via: a.relation.clone(),
            ..Walk::default()
        };
        match shortest(g, from, to, &walk) {
            Some(p) => sel.path(g, &p),
            None => {
                return Ok(Outcome::Nothing(format!(
                    "no path from {} to {}",
                    g.entity(from).name,
                    g.entity(to).name
                )));
            }
        }
    } else {
        sel.everything(g)
    };
    export::dot::write(g, &sub, ctx.out)?;
    Ok(Outcome::Done)
}
