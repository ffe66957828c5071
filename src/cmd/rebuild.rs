//! `kg rebuild`: build the merged graph again from its articles and decisions.

use super::{Outcome, WriteCtx};
use crate::error::Error;
use crate::kb::Session;

pub fn run(ctx: &mut WriteCtx) -> Result<Outcome, Error> {
    let mut session = Session::open(ctx.base)?;
    let Session { kb, decisions, .. } = &mut session;
    kb.rebuild(decisions);
    if session.save(&mut ctx.notes)? {
        writeln!(
            ctx.out,
            "wrote {} ({})",
            ctx.base.display(),
            session.summary()
        )?;
    } else {
        writeln!(
            ctx.out,
            "{} unchanged: it was up to date ({})",
            ctx.base.display(),
            session.summary()
        )?;
    }
    Ok(Outcome::Done)
}
