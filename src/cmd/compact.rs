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

use super::{Outcome, WriteCtx};
use crate::error::Error;
use crate::kb::Session;

pub fn run(ctx: &mut WriteCtx) -> Result<Outcome, Error> {
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
