//! `kg compact`: fold the base's journal (the articles `kg add` appended to a large base,
//! see [`crate::kb::journal`]) into the base, and remove it.

use super::{Outcome, WriteCtx};
use crate::error::Error;
use crate::kb::Session;

pub fn run(ctx: &mut WriteCtx) -> Result<Outcome, Error> {
    let mut session = Session::open(ctx.base)?;
    session.save(&mut ctx.notes, "it has no journal to fold in")?;
    Ok(Outcome::Done)
}
