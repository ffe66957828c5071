//! `kg split A ALIAS`: record that a name is not an alias of an entity, and split it off.
//! `kg split A --source ARTICLE... [--as NEW]`: record that what those articles say of
//! A is about another body, and move it to a new entity (a `separate` decision per
//! article, see [`crate::kb::separate`]).

use super::merge::graph_of;
use super::{Outcome, WriteCtx};
use crate::cli::SplitArgs;
use crate::error::Error;
use crate::kb::decisions::decisions_path;
use crate::kb::merge::Builder;
use crate::kb::{Session, Verb};
use crate::model::Entity;
use crate::model::name::lookup_key;
use crate::print::text::counted;
use crate::query::names::resolve_id_or_name;

pub fn run(ctx: &mut WriteCtx, a: &SplitArgs) -> Result<Outcome, Error> {
    let mut session = Session::open(ctx.base)?;
    let g = graph_of(&session)?;
    let e = g.entity(resolve_id_or_name(&g, &a.entity)?).clone();
    let Some(wanted) = &a.alias else {
        return separate(ctx, session, &e, a);
    };
    let alias = e
        .aliases
        .iter()
        .find(|x| lookup_key(x) == lookup_key(wanted))
        .ok_or_else(|| Error::NotAnAlias {
            alias: wanted.clone(),
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
    let wanted = lookup_key(alias);
    if let Some(other) = session
        .kb
        .graph
        .entities
        .iter()
        .find(|x| x.id != e.id && x.names().any(|n| lookup_key(n) == wanted))
    {
        writeln!(
            ctx.out,
            "'{alias}' is now {} ({}, {})",
            other.name,
            other.id,
            counted(facts_of(&session, &other.id), "fact")
        )?;
    }
    ctx.tell(&session.save("already split")?);
    Ok(Outcome::Done)
}

fn facts_of(session: &Session, id: &str) -> usize {
    session
        .kb
        .graph
        .facts
        .iter()
        .filter(|f| f.subject == id || f.object == id)
        .count()
}

/// `--source`: every article is checked (it is in the base and names the entity) before
/// any decision is recorded.
fn separate(
    ctx: &mut WriteCtx,
    mut session: Session,
    e: &Entity,
    a: &SplitArgs,
) -> Result<Outcome, Error> {
    let mut ids: Vec<String> = Vec::new();
    for given in &a.source {
        let found = session.kb.articles.iter().find(|x| {
            x.source.id == *given
                || x.source
                    .path
                    .as_deref()
                    .is_some_and(|p| std::path::Path::new(p) == std::path::Path::new(given))
        });
        let Some(article) = found else {
            return Err(Error::UnknownSource {
                id: given.clone(),
                path: ctx.base.to_path_buf(),
            });
        };
        if !ids.contains(&article.source.id) {
            ids.push(article.source.id.clone());
        }
    }
    // Which of each article's entities the merge made `e`: the names to separate.
    let mut b = Builder::new(&session.decisions);
    let mut locals: Vec<(String, String)> = Vec::new();
    for article in &session.kb.articles {
        let mapped = b.add_mapped(article);
        if ids.contains(&article.source.id) {
            let names: Vec<String> = mapped
                .into_iter()
                .filter(|(_, id)| *id == e.id)
                .map(|(name, _)| name)
                .collect();
            if names.is_empty() {
                return Err(Error::NotInArticle {
                    id: article.source.id.clone(),
                    entity: e.name.clone(),
                });
            }
            locals.extend(names.into_iter().map(|n| (n, article.source.id.clone())));
        }
    }
    let new = a
        .new_name
        .clone()
        .unwrap_or_else(|| format!("{} ({})", e.name, ids[0]));
    for (local, id) in &locals {
        session.decisions.record_separation(local, id, &new);
    }
    let Session { kb, decisions, .. } = &mut session;
    kb.rebuild(decisions);
    let moved = session
        .kb
        .graph
        .entities
        .iter()
        .find(|x| lookup_key(&x.name) == lookup_key(&new) && x.id != e.id)
        .map(|x| (x.id.clone(), facts_of(&session, &x.id)));
    let (new_id, n) = moved.unwrap_or_default();
    writeln!(
        ctx.out,
        "separated {} ({}) in {} into {new} ({new_id}, {}); the decision is in {}",
        e.name,
        e.id,
        ids.join(", "),
        counted(n, "fact"),
        decisions_path(ctx.base).display()
    )?;
    ctx.tell(&session.save("already separated")?);
    Ok(Outcome::Done)
}
