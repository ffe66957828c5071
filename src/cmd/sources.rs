//! `kg sources`: the articles of the graph, with the facts each contributes.

use super::{Ctx, Outcome};
use crate::cli::SourcesArgs;
use crate::error::Error;
use crate::kb::facts_by_source;
use crate::print::{Format, json, text::pad};
use serde::Serialize;

pub fn run(ctx: &mut Ctx, a: &SourcesArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let facts: Vec<_> = g.edges().map(|e| g.fact(e).clone()).collect();
    let counts = facts_by_source(&facts);
    let mut sources: Vec<_> = g.sources().iter().collect();
    sources.sort_by(|x, y| (&x.date, &x.id).cmp(&(&y.date, &y.id)));
    match a.format.format {
        Format::Json => {
            #[derive(Serialize)]
            struct View<'a> {
                id: &'a str,
                title: Option<&'a str>,
                date: Option<&'a str>,
                path: Option<&'a str>,
                hash: Option<&'a str>,
                facts: usize,
            }
            let views: Vec<View> = sources
                .iter()
                .map(|s| View {
                    id: &s.id,
                    title: s.title.as_deref(),
                    date: s.date.as_deref(),
                    path: s.path.as_deref(),
                    hash: s.hash(),
                    facts: counts.get(&s.id).copied().unwrap_or(0),
                })
                .collect();
            json::print(ctx.out, &views)?;
        }
        Format::Text => {
            let style = ctx.style;
            let width = sources
                .iter()
                .map(|s| s.id.chars().count())
                .max()
                .unwrap_or(2)
                .max(2);
            writeln!(
                ctx.out,
                "{}  DATE        FACTS  TITLE / FILE",
                pad("ID", width)
            )?;
            for s in &sources {
                let n = counts.get(&s.id).copied().unwrap_or(0);
                let mut what = s.title.clone().unwrap_or_default();
                if let Some(p) = &s.path {
                    if !what.is_empty() {
                        what.push_str("  ");
                    }
                    what.push_str(&style.dim(&format!("({p})")));
                }
                writeln!(
                    ctx.out,
                    "{}  {}  {n:>5}  {what}",
                    style.entity(&pad(&s.id, width)),
                    pad(s.date.as_deref().unwrap_or("-"), 10),
                )?;
            }
        }
    }
    if sources.is_empty() {
        return Ok(Outcome::Nothing(
            "no articles yet (add some with: kg add ARTICLE...)".into(),
        ));
    }
    Ok(Outcome::Done)
}
