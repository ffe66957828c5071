//! `kg split A ALIAS`: record that a name is not an alias of an entity, and split it off.

use super::merge::graph_of;
use super::{Outcome, WriteCtx};
use crate::cli::SplitArgs;
use crate::error::Error;
use crate::kb::decisions::decisions_path;
use crate::kb::{Session, Verb};
use crate::print::text::counted;
use crate::query::names::{normalize, resolve_id_or_name};

pub fn run(ctx: &mut WriteCtx, a: &SplitArgs) -> Result<Outcome, Error> {
    let mut session = Session::open(ctx.base)?;
    let g = graph_of(&session)?;
    let e = g.entity(resolve_id_or_name(&g, &a.entity)?);
    let alias = e
        .aliases
        .iter()
        .find(|x| normalize(x) == normalize(&a.alias))
        .ok_or_else(|| Error::NotAnAlias {
            alias: a.alias.clone(),
            entity: e.name.clone(),
            aliases: e.aliases.clone(),
        })?;
    session.decisions.record(Verb::Split, &e.name, alias);
    let Session { kb, decisions, .. } = &mut session;
    kb.rebuild(decisions);
    writeln!(
        ctx.out,
        "split '{alias}' from {} ({}); the decision is in {}",
        e.name,
        e.id,
        decisions_path(ctx.base).display()
    )?;
    let wanted = normalize(alias);
    if let Some(other) = session
        .kb
        .graph
        .entities
        .iter()
        .find(|x| x.id != e.id && x.names().any(|n| normalize(n) == wanted))
    {
        let n = session
            .kb
            .graph
            .facts
            .iter()
            .filter(|f| f.subject == other.id || f.object == other.id)
            .count();
        writeln!(
            ctx.out,
            "'{alias}' is now {} ({}, {})",
            other.name,
            other.id,
            counted(n, "fact")
        )?;
    }
    session.save(&mut ctx.notes, "already split")?;
    Ok(Outcome::Done)
}
