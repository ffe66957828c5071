//! `kg add ARTICLE...`: extract articles and merge them into the knowledge base.

use super::{Outcome, WriteCtx};
use crate::cli::AddArgs;
use crate::error::Error;
use crate::kb::{Added, Session, ingest};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// From how many files on a progress bar is shown (on a terminal only).
const PROGRESS_FROM: usize = 2;

pub fn run(ctx: &mut WriteCtx, a: &AddArgs) -> Result<Outcome, Error> {
    let mut session = Session::open(ctx.base)?;
    let bar = progress(a.articles.len());
    bar.set_message("reading");
    let mut incoming = Vec::with_capacity(a.articles.len());
    for path in &a.articles {
        incoming.push(ingest::read(path)?);
        bar.inc(1);
    }
    bar.set_position(0);
    bar.set_message("merging");
    let Session { kb, decisions, .. } = &mut session;
    let results = kb.add(incoming, decisions, || bar.inc(1));
    bar.finish_and_clear();
    for (path, r) in a.articles.iter().zip(&results) {
        let file = path.display();
        let facts = |n: usize| crate::print::text::counted(n, "fact");
        match r {
            Added::New { id, facts: n } => {
                writeln!(ctx.out, "added {file} as {id} ({})", facts(*n))?
            }
            Added::Replaced { id, facts: n } => {
                writeln!(ctx.out, "replaced {id} with {file} ({})", facts(*n))?
            }
            Added::Unchanged { id } => {
                writeln!(ctx.out, "unchanged {file}: already in the base as {id}")?
            }
        }
    }
    session.save(&mut ctx.notes, "nothing new to add")?;
    Ok(Outcome::Done)
}

/// A bar on stderr for many files when stderr is a terminal; hidden otherwise.
fn progress(n: usize) -> ProgressBar {
    if n < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{msg:8} [{bar:40}] {pos}/{len} articles ({per_sec})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
