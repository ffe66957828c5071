//! `kg show X`: the entity card.

use super::{Ctx, Outcome};
use crate::cli::ShowArgs;
use crate::error::Error;
use crate::print::{Format, json, text};
use crate::query::Read;
use serde::Serialize;

pub fn run<G: Read>(ctx: &mut Ctx<G>, a: &ShowArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let n = g.resolve(&a.entity)?;
    let (out, inc) = (g.facts_of(n, true), g.facts_of(n, false));
    match a.format.format {
        Format::Json => {
            #[derive(Serialize)]
            struct Card<'a> {
                #[serde(flatten)]
                entity: json::EntityView<'a>,
                out: Vec<json::FactView<'a>>,
                #[serde(rename = "in")]
                inc: Vec<json::FactView<'a>>,
            }
            let facts = |v: &[G::Edge]| v.iter().map(|&e| json::FactView::new(g, e)).collect();
            let card = Card {
                entity: json::EntityView::new(g, n),
                out: facts(&out),
                inc: facts(&inc),
            };
            json::print(ctx.out, &card)?;
        }
        Format::Text => {
            let style = ctx.style;
            let e = g.entity(n);
            writeln!(ctx.out, "{}", style.entity(&e.name))?;
            writeln!(ctx.out, "  kind:     {}", e.kind)?;
            writeln!(ctx.out, "  id:       {}", text::printable(&e.id))?;
            if !e.aliases.is_empty() {
                let aliases: Vec<_> = e.aliases.iter().map(|a| text::printable(a)).collect();
                writeln!(ctx.out, "  aliases:  {}", aliases.join(", "))?;
            }
            writeln!(ctx.out, "  facts:    {} out, {} in", out.len(), inc.len())?;
            for (title, list) in [("Out", &out), ("In", &inc)] {
                if list.is_empty() {
                    continue;
                }
                writeln!(
                    ctx.out,
                    "\n{}",
                    style.heading(&format!("{title} ({})", list.len()))
                )?;
                for &edge in list.iter() {
                    writeln!(ctx.out, "  {}", text::fact_line(g, edge, &style))?;
                    if !a.no_evidence {
                        write!(ctx.out, "{}", text::evidence(g, edge, "    ", &style))?;
                    }
                }
            }
        }
    }
    Ok(Outcome::Done)
}
