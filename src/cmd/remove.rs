//! `kg remove SOURCE`: take an article's facts out of the knowledge base: out of the
//! base's journal when the article is still there (see [`crate::kb::retract`]: the base
//! is not read), else out of the base itself, which is rebuilt from its other articles.
//!
//! On a large base a base article goes to the journal too. One that changed the entities
//! when merged is removed *pending* unless `--settle` is given: its facts and provenances
//! go at once, and what the rebuild without it changes in the entities (which go, which
//! entity a later article's name joins) is settled by the next `kg compact` (see
//! [`crate::kb::retract`]); the command says so.

use super::{Outcome, WriteCtx};
use crate::cli::RemoveArgs;
use crate::error::Error;
use crate::kb::Session;
use crate::kb::append::Appender;
use crate::kb::retract::{Retracted, Way};
use crate::print::text::counted;

pub fn run(ctx: &mut WriteCtx, a: &RemoveArgs) -> Result<Outcome, Error> {
    let policy = crate::store::snapshot::Policy::parse(ctx.snapshot)?;
    let mut opened = Vec::new();
    let appender = Appender::open(ctx.base, policy, &mut opened)?;
    ctx.tell(&opened);
    if let Some(mut app) = appender {
        let way = if a.settle { Way::Settled } else { Way::Pending };
        match app.retract_as(&a.source, way) {
            Retracted::Removed {
                id,
                facts,
                entities,
                pending: false,
            } => {
                writeln!(
                    ctx.out,
                    "removed {id}: {} and {} gone",
                    counted(facts, "fact"),
                    counted(entities, "entity")
                )?;
                ctx.tell(&app.save_retraction()?);
                return Ok(Outcome::Done);
            }
            Retracted::Removed {
                id,
                facts,
                pending: true,
                ..
            } => {
                writeln!(
                    ctx.out,
                    "removed {id}: {} gone; pending until 'kg compact': the entities it named, and which entity later articles' names join",
                    counted(facts, "fact"),
                )?;
                ctx.tell(&app.save_retraction()?);
                return Ok(Outcome::Done);
            }
            Retracted::Unknown => {
                return Err(Error::UnknownSource {
                    id: a.source.clone(),
                    path: ctx.base.into(),
                });
            }
            // Unlocked (dropped) before the whole-base path locks the base again.
            Retracted::Rewrite => drop(app),
        }
    }
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
    ctx.tell(&session.save("nothing to remove")?);
    Ok(Outcome::Done)
}
