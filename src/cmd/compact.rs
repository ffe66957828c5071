//! `kg compact`: fold the base's journal (the articles `kg add` appended to a large base,
//! see [`crate::kb::journal`]) into the base, and remove it.
//!
//! A base as kg writes it, under the decisions it was built with, is folded by streaming:
//! the new base is written from the old one's text and the journal's records, without
//! reading the graph or the articles into memory, and so is its snapshot, so that the
//! queries after it keep their latency (see [`crate::kb::fold`]); so is a journal holding
//! merges, checked against a replay of the rebuild under the new decisions (see
//! [`crate::kb::replay`]). A plain graph file (no `"kb"` section) is migrated to a
//! knowledge base streaming too (see [`crate::kb::migrate`]). Any other base is opened whole, as every write command opens
//! it.
//!
//! A pending removal in the journal (`kg remove` of a base article that changed the
//! entities, see [`crate::kb::retract`]) is settled first: the journal is written again
//! with the removal the rebuild without the article gives, then folded.

use super::{Outcome, WriteCtx};
use crate::error::Error;
use crate::kb::Note;
use crate::kb::Session;
use crate::kb::append::Appender;
use crate::kb::retract::Settlement;

/// Settles the journal's pending removal, if it holds one (see [`crate::kb::retract`]),
/// writing the journal with the rebuild's removal in its place; one that cannot be
/// settled so is left to the whole-base path (which rebuilds without the article). True
/// when it held one (settled or not: the appender was opened).
fn settle(ctx: &mut WriteCtx) -> Result<bool, Error> {
    // Read for its head and a marker only: a base with none is not opened here (opening
    // builds a missing snapshot, which a plain graph file about to be migrated has not).
    if !crate::kb::journal::holds_pending(ctx.base) {
        return Ok(false);
    }
    let (base, snapshot) = (ctx.base, ctx.snapshot);
    // On a thread of its own, so on an arena of the allocator's own (glibc's `malloc`
    // gives a new thread one): the fold after it allocates on the main thread's heap as
    // in a process of its own, not among the gigabytes of small blocks the settlement
    // freed there (at 10M, 3.1 GB for the fold alone against 3.9-4.1 GB after the
    // settlement on the same heap, its free pages given back or not).
    let notes = std::thread::scope(|s| {
        s.spawn(|| settled_notes(base, snapshot))
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })?;
    ctx.tell(&notes);
    Ok(true)
}

/// What [`settle`] does from opening the appender to the journal written; the notes it
/// gives.
fn settled_notes(base: &std::path::Path, snapshot: Option<&str>) -> Result<Vec<Note>, Error> {
    let policy = crate::store::snapshot::Policy::parse(snapshot)?;
    let mut notes = Vec::new();
    let appender = Appender::open(base, policy, &mut notes)?;
    let Some(mut app) = appender else {
        return Ok(notes);
    };
    if let Settlement::Settled { id } = app.settle() {
        let journal = crate::kb::journal::path_for(base);
        // (the journal's own note would say it is not folded yet: the fold comes next)
        app.save()?;
        notes.push(Note::Settled { journal, id });
    }
    Ok(notes)
}

pub fn run(ctx: &mut WriteCtx) -> Result<Outcome, Error> {
    // What the settlement freed (its appender, overlay and replays: gigabytes of small
    // allocations at 10M) is given back before the fold, which would otherwise run on
    // top of it (see `crate::store::heap`; the replays' own are given back by the
    // thread that frees them).
    if settle(ctx)? {
        crate::store::heap::release_freed();
    }
    if let Some(notes) = crate::kb::fold::fold(ctx.base)? {
        ctx.tell(&notes);
        return Ok(Outcome::Done);
    }
    // A plain graph file is migrated streaming (see `crate::kb::migrate`).
    if let Some(notes) = crate::kb::migrate::migrate(ctx.base)? {
        ctx.tell(&notes);
        return Ok(Outcome::Done);
    }
    let mut session = Session::open(ctx.base)?;
    ctx.tell(&session.save("it has no journal to fold in")?);
    Ok(Outcome::Done)
}
