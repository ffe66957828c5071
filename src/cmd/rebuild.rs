//! `kg rebuild`: build the merged graph again from its articles and decisions.

use super::{Outcome, WriteCtx};
use crate::error::Error;
use crate::kb::Session;

pub fn run(ctx: &mut WriteCtx) -> Result<Outcome, Error> {
    let mut session = Session::open(ctx.base)?;
    let Session { kb, decisions, .. } = &mut session;
    kb.rebuild(decisions);
    ctx.tell(&session.save("it was up to date")?);
    Ok(Outcome::Done)
}
