//! `kg extract ARTICLE`: the graph one article yields, printed; nothing is stored.

use super::Outcome;
use crate::cli::ExtractArgs;
use crate::error::Error;
use crate::kb::ingest;
use crate::model::{KnowledgeGraph, is_date_prefix};
use crate::print::{Format, Style, text};
use std::io::Write;

/// A `--date` checked: a whole date, YYYY-MM-DD.
pub fn full_date(date: &str) -> Result<String, Error> {
    if date.len() != 10 || !is_date_prefix(date) {
        return Err(Error::Usage(format!(
            "--date '{date}' is not a date: give it as YYYY-MM-DD"
        )));
    }
    Ok(date.to_string())
}

pub fn run(out: &mut dyn Write, a: &ExtractArgs) -> Result<Outcome, Error> {
    let mut article = ingest::read_article(&a.article)?;
    if let Some(date) = &a.date {
        article.date = Some(full_date(date)?);
    }
    let mut file = crate::extract::extract(&article);
    for source in file.sources.iter_mut().filter(|s| s.id == article.id) {
        ingest::describe(source, &article);
    }
    let graph = KnowledgeGraph::from_file(file).expect("the extractor writes valid graphs");
    match a.format {
        Format::Json => crate::store::write_json(&graph, out)?,
        Format::Text => {
            let style = Style::plain();
            writeln!(
                out,
                "{}: {}, {}",
                article.id,
                text::counted(graph.entity_count(), "entity"),
                text::counted(graph.fact_count(), "fact")
            )?;
            for e in graph.edges() {
                let rule = graph.fact(e).rule.as_deref().unwrap_or("-");
                writeln!(out, "\n{}  [{rule}]", text::fact_line(&graph, e, &style))?;
                write!(out, "{}", text::evidence(&graph, e, "    ", &style))?;
            }
        }
    }
    if graph.fact_count() == 0 {
        return Ok(Outcome::Nothing(format!(
            "no facts found in '{}'",
            a.article.display()
        )));
    }
    Ok(Outcome::Done)
}
