//! `kg extract ARTICLE`: the graph one article yields, printed; nothing is stored.

use super::Outcome;
use crate::cli::ExtractArgs;
use crate::error::Error;
use crate::extract::trace::TracedSentence;
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
    if a.trace {
        let (file, sentences) = crate::extract::trace::trace(&article);
        print_trace(out, &sentences)?;
        if file.facts.is_empty() {
            return Ok(Outcome::Nothing(format!(
                "no facts found in '{}'",
                a.article.display()
            )));
        }
        return Ok(Outcome::Done);
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

/// The trace as text: a block per sentence, its chunks on one line, a line per fact with
/// the rule that made it and the rule's documentation line.
fn print_trace(out: &mut dyn Write, sentences: &[TracedSentence]) -> Result<(), Error> {
    for (i, s) in sentences.iter().enumerate() {
        writeln!(
            out,
            "sentence {}  bytes {}..{}",
            i + 1,
            s.span[0],
            s.span[1]
        )?;
        writeln!(out, "  {}", s.text)?;
        let chunks: Vec<String> = s
            .chunks
            .iter()
            .map(|c| {
                let mut label = c.kind.clone();
                if let Some(n) = c.count {
                    label.push_str(&format!(", count {n}"));
                }
                if let Some(g) = c.typer {
                    label.push_str(&format!(", typer {} +{}", g.name_type.label(), g.margin));
                }
                let renamed = if c.name != c.surface && !c.name.is_empty() {
                    format!(" = {}", c.name)
                } else {
                    String::new()
                };
                format!("{}{renamed} [{label}]", c.surface)
            })
            .collect();
        if !chunks.is_empty() {
            writeln!(out, "  chunks  {}", chunks.join(" · "))?;
        }
        for (subject, relation, object, rule) in &s.facts {
            let why = rule.map_or_else(|| "-".to_string(), |r| format!("{}: {}", r.id(), r.doc()));
            writeln!(
                out,
                "  fact    {subject} -[{relation}]-> {object}  by {why}"
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
