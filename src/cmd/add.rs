//! `kg add ARTICLE...`: extract articles and merge them into the knowledge base: into the
//! base's journal when it is large enough to be read through a snapshot (see
//! [`crate::kb::append`]), else into the base itself.

use super::{Outcome, WriteCtx};
use crate::cli::AddArgs;
use crate::error::Error;
use crate::kb::append::Appender;
use crate::kb::{Added, Extraction, Session, ingest};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Why the base is unchanged when no article was new.
const NOTHING_NEW: &str = "nothing new to add";

/// From how many files on a progress bar is shown (on a terminal only).
const PROGRESS_FROM: usize = 2;

/// Adds the articles and says, one line each, what became of them. An article in which
/// kg finds no facts is left out with a note, and the outcome is "nothing" (exit 1),
/// unless `--allow-empty`.
pub fn run(ctx: &mut WriteCtx, a: &AddArgs) -> Result<Outcome, Error> {
    let date = a
        .date
        .as_deref()
        .map(super::extract::full_date)
        .transpose()?;
    // The base is locked (and checked) before the articles are read.
    let policy = crate::store::snapshot::Policy::parse(ctx.snapshot)?;
    let mut opened = Vec::new();
    let appender = Appender::open(ctx.base, policy, &mut opened)?;
    ctx.tell(&opened);
    let session = match appender {
        Some(_) => None,
        None => Some(Session::open(ctx.base)?),
    };
    // One bar per phase: reading counts up to n and goes; merging starts its own at 0.
    let bar = progress(a.articles.len(), "reading");
    let mut incoming = Vec::with_capacity(a.articles.len());
    let mut paths = Vec::with_capacity(a.articles.len());
    let mut empty = Vec::new();
    for path in &a.articles {
        let ex = ingest::read(path, date.as_deref())?;
        bar.inc(1);
        if ex.facts.is_empty() && !a.allow_empty {
            empty.push(path);
            continue;
        }
        incoming.push(ex);
        paths.push(path.clone());
    }
    bar.finish_and_clear();
    for path in &empty {
        ctx.notes
            .push(format!("no facts found in '{}': not added", path.display()));
    }
    let outcome = match empty.len() {
        0 => Outcome::Done,
        n => Outcome::Nothing(format!(
            "{} with no facts left out (kg add --allow-empty adds {})",
            crate::print::text::counted(n, "article"),
            if n == 1 { "it" } else { "them" }
        )),
    };
    if incoming.is_empty() {
        return Ok(outcome);
    }
    let incoming = match appender {
        Some(mut app) => match app.append(incoming) {
            Ok(results) => {
                report(ctx.out, &paths, &results)?;
                let notes = if results.iter().any(|r| matches!(r, Added::New { .. })) {
                    app.save()?
                } else {
                    app.unchanged(NOTHING_NEW)
                };
                ctx.tell(&notes);
                return Ok(outcome);
            }
            Err(back) => back, // needs the base rewritten: unlock, then lock for that
        },
        None => incoming,
    };
    let mut session = match session {
        Some(s) => s,
        None => Session::open(ctx.base)?,
    };
    let bar = progress(incoming.len(), "merging");
    let results = merge(&mut session, incoming, &bar);
    bar.finish_and_clear();
    report(ctx.out, &paths, &results)?;
    ctx.tell(&session.save(NOTHING_NEW)?);
    Ok(outcome)
}

fn merge(session: &mut Session, incoming: Vec<Extraction>, bar: &ProgressBar) -> Vec<Added> {
    let Session { kb, decisions, .. } = session;
    kb.add(incoming, decisions, || bar.inc(1))
}

/// A line per article: added, replaced or unchanged.
fn report(out: &mut dyn Write, articles: &[PathBuf], results: &[Added]) -> Result<(), Error> {
    for (path, r) in articles.iter().zip(results) {
        let file = path.display();
        let facts = |n: usize| crate::print::text::counted(n, "fact");
        match r {
            Added::New { id, facts: n } => writeln!(out, "added {file} as {id} ({})", facts(*n))?,
            Added::Replaced { id, facts: n } => {
                writeln!(out, "replaced {id} with {file} ({})", facts(*n))?
            }
            Added::Unchanged { id } => {
                writeln!(out, "unchanged {file}: already in the base as {id}")?
            }
        }
    }
    Ok(())
}

/// A bar on stderr for many files when stderr is a terminal, labelled with the phase;
/// hidden otherwise.
fn progress(n: usize, phase: &'static str) -> ProgressBar {
    if n < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{msg:8} [{bar:40}] {pos}/{len} articles ({per_sec})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(phase);
    bar
}
