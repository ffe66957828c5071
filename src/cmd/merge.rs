//! `kg merge A B`: record that two entities are one, and merge them: through the base's
//! journal when it takes the merge (see [`crate::kb::unite`]: the base is not read), else
//! by rebuilding the base.

use super::{Outcome, WriteCtx};
use crate::cli::MergeArgs;
use crate::error::Error;
use crate::kb::append::Appender;
use crate::kb::decisions::decisions_path;
use crate::kb::{Session, Verb};
use crate::model::{Entity, KnowledgeGraph};
use crate::query::names::resolve_id_or_name;

pub fn run(ctx: &mut WriteCtx, a: &MergeArgs) -> Result<Outcome, Error> {
    let policy = crate::store::snapshot::Policy::parse(ctx.snapshot)?;
    let mut opened = Vec::new();
    let appender = Appender::open(ctx.base, policy, &mut opened)?;
    ctx.tell(&opened);
    if let Some(mut app) = appender {
        if let Some((x, y)) = app.unite(&a.a, &a.b) {
            said(ctx, &x, &y)?;
            let notes = app.save_union()?;
            ctx.tell(&notes);
            return Ok(Outcome::Done);
        }
        // Unlocked (dropped) before the whole-base path locks the base again.
        drop(app);
    }
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
    said(ctx, x, y)?;
    ctx.tell(&session.save("already merged")?);
    Ok(Outcome::Done)
}

/// Says that `y` joined `x`, and where the decision is.
fn said(ctx: &mut WriteCtx, x: &Entity, y: &Entity) -> Result<(), Error> {
    writeln!(
        ctx.out,
        "merged {} ({}) into {} ({}); the decision is in {}",
        y.name,
        y.id,
        x.name,
        x.id,
        decisions_path(ctx.base).display()
    )?;
    Ok(())
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
