//! `kg remove SOURCE`: take an article's facts out of the knowledge base.

use super::{Outcome, WriteCtx};
use crate::cli::RemoveArgs;
use crate::error::Error;
use crate::kb::Session;
use crate::print::text::counted;

pub fn run(ctx: &mut WriteCtx, a: &RemoveArgs) -> Result<Outcome, Error> {
    let mut session = Session::open(ctx.base)?;
    let id = session
        .kb
        .articles
        .iter()
        .map(|x| &x.source)
        .find(|s| s.id == a.source || s.path.as_deref() == Some(a.source.as_str()))
        .map(|s| s.id.clone())
        .ok_or_else(|| Error::UnknownSource {
            id: a.source.clone(),
            path: ctx.base.into(),
        })?;
    let (entities, facts) = (
        session.kb.graph.entities.len(),
        session.kb.graph.facts.len(),
    );
    let Session { kb, decisions, .. } = &mut session;
    kb.remove(&id, decisions);
    let gone_facts = facts.saturating_sub(session.kb.graph.facts.len());
    let gone_entities = entities.saturating_sub(session.kb.graph.entities.len());
    writeln!(
        ctx.out,
        "removed {id}: {} and {} gone",
        counted(gone_facts, "fact"),
        counted(gone_entities, "entity")
    )?;
    session.save(&mut ctx.notes, "nothing to remove")?;
    Ok(Outcome::Done)
}
