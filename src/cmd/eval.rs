//! `kg eval GOLD PRED`: precision, recall and F1 of a predicted graph's facts against a
//! gold graph, under the matching rule of [`crate::eval`].

use super::Outcome;
use crate::cli::EvalArgs;
use crate::error::Error;
use crate::eval::{compare, describe};
use crate::kb::ingest;
use crate::model::KnowledgeGraph;
use crate::print::Format;
use serde_json::json;
use std::io::Write;
use std::path::Path;

pub fn run(out: &mut dyn Write, a: &EvalArgs) -> Result<Outcome, Error> {
    let gold = crate::run::load(Some(&a.gold))?;
    let pred = predicted(&a.predicted)?;
    let c = compare(&gold, &pred);
    let s = c.score;
    match a.format.format {
        Format::Json => {
            let mut v = json!({
                "gold": s.gold, "predicted": s.predicted, "matched": s.matched,
                "precision": s.precision(), "recall": s.recall(), "f1": s.f1(),
            });
            if a.verbose {
                v["missed"] = c.missed.iter().map(|&e| describe(&gold, e)).collect();
                v["wrong"] = c.wrong.iter().map(|&e| describe(&pred, e)).collect();
            }
            crate::print::json::print(out, &v)?;
        }
        Format::Text => {
            writeln!(
                out,
                "precision {:.3}  recall {:.3}  F1 {:.3}  ({} matched, {} predicted, {} gold)",
                s.precision(),
                s.recall(),
                s.f1(),
                s.matched,
                s.predicted,
                s.gold
            )?;
            if a.verbose {
                for &e in &c.missed {
                    writeln!(out, "missed  {}", describe(&gold, e))?;
                }
                for &e in &c.wrong {
                    writeln!(out, "wrong   {}", describe(&pred, e))?;
                }
            }
        }
    }
    Ok(Outcome::Done)
}

/// A graph file, or the graph an article yields.
fn predicted(path: &Path) -> Result<KnowledgeGraph, Error> {
    if path.extension().is_some_and(|e| e == "json") {
        return crate::run::load(Some(path));
    }
    let article = ingest::read_article(path)?;
    Ok(KnowledgeGraph::from_file(crate::extract::extract(&article))
        .expect("the extractor writes valid graphs"))
}
