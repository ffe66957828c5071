//! `kg stats`: counts by kind and relation, and the best-connected entities; and, on
//! stderr, when the base's journal holds a pending removal (see [`crate::kb::retract`]),
//! that the counts are those of its facts gone and its entities not yet settled.

use super::{Ctx, Outcome};
use crate::cli::StatsArgs;
use crate::error::Error;
use crate::model::{Kind, Relation};
use crate::print::text::{counted, pad, printable};
use crate::print::width;
use crate::print::{Format, json};
use crate::query::Read;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many best-connected entities are listed.
const LEADERS: usize = 5;

#[derive(Serialize)]
struct Leader<'a> {
    #[serde(flatten)]
    entity: json::EntityRef<'a>,
    facts: usize,
}

#[derive(Serialize)]
struct Stats<'a> {
    sources: usize,
    entities: usize,
    facts: usize,
    kinds: BTreeMap<Kind, usize>,
    relations: BTreeMap<Relation, usize>,
    leaders: Vec<Leader<'a>>,
}

pub fn run<G: Read>(ctx: &mut Ctx<G>, a: &StatsArgs) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let (nodes, edges) = (g.all_nodes(), g.all_edges());
    let mut kinds = BTreeMap::new();
    for &n in &nodes {
        *kinds.entry(g.kind(n)).or_insert(0) += 1;
    }
    let mut relations = BTreeMap::new();
    for &e in &edges {
        *relations.entry(g.relation(e)).or_insert(0) += 1;
    }
    let mut degrees: Vec<_> = nodes.iter().map(|&n| (g.degree(n), n)).collect();
    degrees.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| g.name(a.1).cmp(g.name(b.1))));
    let leaders = degrees
        .iter()
        .take(LEADERS)
        .filter(|(d, _)| *d > 0)
        .map(|&(facts, n)| Leader {
            entity: json::EntityRef::new(g, n),
            facts,
        })
        .collect();
    if let Some(journal) = ctx.base.filter(|b| crate::kb::journal::holds_pending(b)) {
        ctx.notes.push(format!(
            "{} holds a pending removal: the article's facts are gone, the entities it named settle at the next 'kg compact'",
            crate::kb::journal::path_for(journal).display()
        ));
    }
    let stats = Stats {
        sources: g.source_count(),
        entities: nodes.len(),
        facts: edges.len(),
        kinds,
        relations,
        leaders,
    };
    match a.format.format {
        Format::Json => json::print(ctx.out, &stats)?,
        Format::Text => {
            let style = ctx.style;
            writeln!(
                ctx.out,
                "{}, {}, {}",
                counted(stats.sources, "source"),
                counted(stats.entities, "entity"),
                counted(stats.facts, "fact")
            )?;
            writeln!(ctx.out, "\n{}", style.heading("Entities by kind"))?;
            for (k, c) in &stats.kinds {
                writeln!(ctx.out, "  {} {c:>6}", pad(k.as_str(), 16))?;
            }
            writeln!(ctx.out, "\n{}", style.heading("Facts by relation"))?;
            for (r, c) in &stats.relations {
                writeln!(ctx.out, "  {} {c:>6}", pad(r.as_str(), 16))?;
            }
            if !stats.leaders.is_empty() {
                writeln!(ctx.out, "\n{}", style.heading("Best connected"))?;
                let natural = stats
                    .leaders
                    .iter()
                    .map(|l| width::width(&l.entity.name))
                    .max()
                    .unwrap_or(0);
                let width = width::column(natural, ctx.width, 2 + 1 + 4 + 6, 12);
                for l in &stats.leaders {
                    writeln!(
                        ctx.out,
                        "  {} {:>4} facts",
                        style.entity(&width::pad(&printable(&l.entity.name), width)),
                        l.facts
                    )?;
                }
            }
        }
    }
    Ok(Outcome::Done)
}
