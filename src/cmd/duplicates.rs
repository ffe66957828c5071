//! `kg duplicates`: likely duplicate entities, for review with `kg merge`. Written
//! against [`Read`], so it runs on the in-memory graph or on a snapshot (with its
//! journal), and prints the same bytes on each.

use super::{Ctx, Outcome};
use crate::cli::DuplicatesArgs;
use crate::error::Error;
use crate::kb::Decisions;
use crate::kb::decisions::decisions_path;
use crate::kb::duplicates::duplicates;
use crate::print::kb::reason;
use crate::print::width::{fit, share, width};
use crate::print::{Format, json};
use crate::query::Read;
use serde::Serialize;

pub fn run<G: Read>(ctx: &mut Ctx<G>, a: &DuplicatesArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let decisions = match ctx.base {
        Some(base) => {
            let path = decisions_path(base);
            match std::fs::read_to_string(&path) {
                Ok(text) => Decisions::parse(&text)
                    .map_err(|source| crate::kb::Error::BadDecisions { path, source })?,
                Err(_) => Decisions::default(),
            }
        }
        None => Decisions::default(),
    };
    let mut pairs = duplicates(g, &decisions);
    if pairs.len() > a.limit {
        ctx.notes.push(format!(
            "showing the first {} of {} pairs (raise --limit)",
            a.limit,
            pairs.len()
        ));
        pairs.truncate(a.limit);
    }
    match a.format.format {
        Format::Json => {
            #[derive(Serialize)]
            struct View<'a> {
                a: json::EntityRef<'a>,
                b: json::EntityRef<'a>,
                score: u8,
                reasons: Vec<String>,
            }
            let views: Vec<View> = pairs
                .iter()
                .map(|p| View {
                    a: json::EntityRef::new(g, p.a),
                    b: json::EntityRef::new(g, p.b),
                    score: p.score,
                    reasons: p.reasons.iter().map(reason).collect(),
                })
                .collect();
            json::print(ctx.out, &views)?;
        }
        Format::Text => {
            let style = ctx.style;
            for (i, p) in pairs.iter().enumerate() {
                let (x, y) = (g.entity(p.a), g.entity(p.b));
                if i > 0 {
                    writeln!(ctx.out)?;
                }
                // Long names are cut to what the line leaves after the ids.
                let others = width(&x.id) + width(&y.id) + 11;
                let room = ctx.width.map(|w| w.saturating_sub(others));
                let (xw, yw) = share(width(&x.name), width(&y.name), room, 12);
                writeln!(
                    ctx.out,
                    "{} ({})  ~  {} ({})",
                    style.entity(&fit(&x.name, xw)),
                    style.dim(&x.id),
                    style.entity(&fit(&y.name, yw)),
                    style.dim(&y.id)
                )?;
                let reasons: Vec<String> = p.reasons.iter().map(reason).collect();
                let reasons = reasons.join("; ");
                let room = ctx.width.map_or(usize::MAX, |w| w.saturating_sub(2));
                writeln!(ctx.out, "  {}", fit(&reasons, room))?;
                writeln!(
                    ctx.out,
                    "  {}",
                    style.dim(&format!("kg merge {} {}", x.id, y.id))
                )?;
            }
        }
    }
    if pairs.is_empty() {
        return Ok(Outcome::Nothing("no likely duplicates".into()));
    }
    Ok(Outcome::Done)
}
