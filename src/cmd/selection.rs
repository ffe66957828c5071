//! Turning the selection options (`--around`, `--path`, `--relation`, `--kind`) into the
//! subgraph that `dot`, `export` and `html` write.

use crate::cli::SelectArgs;
use crate::error::Error;
use crate::model::{KnowledgeGraph, Subgraph};
use crate::query::paths::shortest;
use crate::query::{Selection, Walk, resolve};

/// The selected subgraph, or `Ok(Err(message))` when a `--path` finds no path.
pub fn select(graph: &KnowledgeGraph, a: &SelectArgs) -> Result<Result<Subgraph, String>, Error> {
    let sel = Selection {
        relations: a.relation.clone(),
        kinds: a.kind.clone(),
    };
    if let Some(center) = &a.around {
        return Ok(Ok(sel.around(graph, resolve(graph, center)?, a.depth)));
    }
    if let Some([from, to]) = a.path.as_deref() {
        let (from, to) = (resolve(graph, from)?, resolve(graph, to)?);
        let walk = Walk {
            via: a.relation.clone(),
            ..Walk::default()
        };
        return Ok(match shortest(graph, from, to, &walk) {
            Some(p) => Ok(sel.path(graph, &p)),
            None => Err(format!(
                "no path from {} to {}",
                graph.entity(from).name,
                graph.entity(to).name
            )),
        });
    }
    Ok(Ok(sel.everything(graph)))
}
