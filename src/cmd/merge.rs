//! `kg merge A B`: record that two entities are one, and merge them.

use super::{Outcome, WriteCtx};
use crate::cli::MergeArgs;
use crate::error::Error;
use crate::kb::decisions::decisions_path;
use crate::kb::{Session, Verb};
use crate::model::KnowledgeGraph;
use crate::query::names::resolve_id_or_name;

pub fn run(ctx: &mut WriteCtx, a: &MergeArgs) -> Result<Outcome, Error> {
    let mut session = Session::open(ctx.base)?;
    let g = graph_of(&session)?;
    let x = g.entity(resolve_id_or_name(&g, &a.a)?);
    let y = g.entity(resolve_id_or_name(&g, &a.b)?);
    if x.id == y.id {
        return Err(Error::SameEntity {
            a: a.a.clone(),
            b: a.b.clone(),
            name: x.name.clone(),
        });
    }
    session.decisions.record(Verb::Merge, &x.name, &y.name);
    let Session { kb, decisions, .. } = &mut session;
    kb.rebuild(decisions);
    writeln!(
        ctx.out,
        "merged {} ({}) into {} ({}); the decision is in {}",
        y.name,
        y.id,
        x.name,
        x.id,
        decisions_path(ctx.base).display()
    )?;
    ctx.tell(&session.save("already merged")?);
    Ok(Outcome::Done)
}

/// The session's merged graph, checked, for name resolution.
pub fn graph_of(session: &Session) -> Result<KnowledgeGraph, Error> {
    KnowledgeGraph::from_file(session.kb.graph.clone()).map_err(|invalid| {
        crate::store::Error::BadGraph {
            path: session.path.clone(),
            source: crate::store::LoadError::Invalid {
                line: None,
                invalid,
            },
        }
        .into()
    })
}
