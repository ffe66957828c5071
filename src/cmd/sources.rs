//! `kg sources`: the articles of the graph, with the facts each contributes. Written
//! against [`Read`], so it runs on the in-memory graph or on a snapshot (with its
//! journal), and prints the same bytes on each.

use super::{Ctx, Outcome};
use crate::cli::SourcesArgs;
use crate::error::Error;
use crate::print::text::printable;
use crate::print::width::{self, fit, pad};
use crate::print::{Format, json};
use crate::query::{Read, facts_by_source};
use serde::Serialize;

pub fn run<G: Read>(ctx: &mut Ctx<G>, a: &SourcesArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let counts = facts_by_source(g);
    let mut sources = g.all_sources();
    sources.sort_by(|x, y| (&x.date, &x.id).cmp(&(&y.date, &y.id)));
    match a.format.format {
        Format::Json => {
            #[derive(Serialize)]
            struct View<'a> {
                id: &'a str,
                title: Option<&'a str>,
                #[serde(skip_serializing_if = "Option::is_none")]
                publisher: Option<&'a str>,
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
                    publisher: s.publisher.as_deref(),
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
            let natural = sources
                .iter()
                .map(|s| width::width(&s.id))
                .max()
                .unwrap_or(2)
                .max(2);
            // The id gets up to half the line; the title and file what is left.
            let width = width::column(natural, ctx.width.map(|w| w / 2), 0, 12);
            let rest = ctx
                .width
                .map(|w| w.saturating_sub(width + 2 + 10 + 2 + 5 + 2));
            writeln!(
                ctx.out,
                "{}  DATE        FACTS  TITLE / FILE",
                pad("ID", width)
            )?;
            for s in &sources {
                let n = counts.get(&s.id).copied().unwrap_or(0);
                let title = printable(s.title.as_deref().unwrap_or_default()).into_owned();
                let path = s.path.as_deref().map(|p| format!("({})", printable(p)));
                let what = title_and_file(&title, path.as_deref(), rest, &style);
                writeln!(
                    ctx.out,
                    "{}  {}  {n:>5}  {what}",
                    style.entity(&pad(&printable(&s.id), width)),
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

/// `Title  (file)`, the file dimmed, cut to `room` columns: the title first, then as much
/// of the file as is left.
fn title_and_file(
    title: &str,
    path: Option<&str>,
    room: Option<usize>,
    style: &crate::print::Style,
) -> String {
    let room = room.unwrap_or(usize::MAX);
    let title = fit(title, room);
    let mut what = title.to_string();
    let Some(path) = path else { return what };
    let mut left = room.saturating_sub(width::width(&title));
    if !what.is_empty() {
        if left <= 2 {
            return what;
        }
        what.push_str("  ");
        left -= 2;
    }
    if left > 0 {
        what.push_str(&style.dim(&fit(path, left)));
    }
    what
}
