//! `kg eval GOLD PRED`: precision, recall and F1 of a predicted graph's facts against a
//! gold graph, under the matching rule of [`crate::eval`]; `kg eval SET`: the same for
//! every article of an evaluation set ([`crate::eval::corpus`]), micro-averaged, per
//! relation, per article and, with `--by-rule`, per extraction rule.

use super::Outcome;
use crate::cli::EvalArgs;
use crate::error::Error;
use crate::eval::corpus::{Report, Set};
use crate::eval::{Score, compare, describe};
use crate::kb::ingest;
use crate::model::KnowledgeGraph;
use crate::model::Relation;
use crate::print::Format;
use serde_json::json;
use std::io::Write;
use std::path::Path;

pub fn run(out: &mut dyn Write, a: &EvalArgs) -> Result<Outcome, Error> {
    let Some(predicted_path) = &a.predicted else {
        return set(out, a);
    };
    if a.split.is_some() || a.by_rule {
        return Err(Error::Usage(
            "--split and --by-rule score a set: give a manifest or a folder alone".into(),
        ));
    }
    let gold = crate::kb::load(Some(&a.gold))?;
    let pred = predicted(predicted_path)?;
    let c = compare(&gold, &pred);
    let s = c.score;
    match a.format.format {
        Format::Json => {
            let mut v = score_json(s);
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
        return Ok(crate::kb::load(Some(path))?);
    }
    let article = ingest::read_article(path)?;
    Ok(KnowledgeGraph::from_file(crate::extract::extract(&article))
        .expect("the extractor writes valid graphs"))
}

/// `kg eval SET`: every article of a manifest or folder.
fn set(out: &mut dyn Write, a: &EvalArgs) -> Result<Outcome, Error> {
    let set = Set::open(&a.gold)?;
    if a.split.is_some() && set.items.iter().all(|i| i.split.is_none()) {
        return Err(Error::Usage(format!(
            "'{}' assigns no article to a split: --split needs a manifest with a split column",
            a.gold.display()
        )));
    }
    if (a.verbose || a.by_rule) && set.has_test(a.split) {
        return Err(Error::Usage(format!(
            "the test split is scored as a whole only: add --split dev to list {}",
            if a.verbose { "misses" } else { "rules" }
        )));
    }
    let report = set.score(a.split)?;
    if report.scored.is_empty() {
        return Ok(Outcome::Nothing(format!(
            "no article of '{}' has its text here ({} missing, {} changed): see the set's README to fetch them",
            a.gold.display(),
            report.missing.len(),
            report.changed.len()
        )));
    }
    match a.format.format {
        Format::Json => crate::print::json::print(out, &set_json(&report, a))?,
        Format::Text => set_text(out, &report, a)?,
    }
    Ok(Outcome::Done)
}

fn score_json(s: Score) -> serde_json::Value {
    json!({
        "gold": s.gold, "predicted": s.predicted, "matched": s.matched,
        "precision": s.precision(), "recall": s.recall(), "f1": s.f1(),
    })
}

fn set_json(report: &Report, a: &EvalArgs) -> serde_json::Value {
    let relations: serde_json::Map<String, serde_json::Value> = report
        .by_relation()
        .into_iter()
        .map(|(r, s)| (r.to_string(), score_json(s)))
        .collect();
    let articles: Vec<serde_json::Value> = report
        .scored
        .iter()
        .map(|s| {
            let mut v = score_json(s.comparison.score);
            v["id"] = json!(s.id);
            if let Some(split) = s.split {
                v["split"] = json!(split.to_string());
            }
            if a.verbose {
                let c = &s.comparison;
                v["missed"] = c.missed.iter().map(|&e| describe(&s.gold, e)).collect();
                v["wrong"] = c.wrong.iter().map(|&e| describe(&s.pred, e)).collect();
            }
            v
        })
        .collect();
    let mut v = json!({
        "split": a.split.map(|s| s.to_string()),
        "scored": report.scored.len(),
        "missing": report.missing,
        "changed": report.changed,
        "total": score_json(report.total()),
        "relations": relations,
        "articles": articles,
    });
    if a.by_rule {
        v["rules"] = report
            .by_rule()
            .into_iter()
            .map(|(id, r)| {
                (
                    id,
                    json!({"right": r.right, "wrong": r.wrong, "optional": r.optional}),
                )
            })
            .collect::<serde_json::Map<_, _>>()
            .into();
    }
    v
}

/// One row of a score table: `label  P  R  F1  matched  predicted  gold`.
fn row(out: &mut dyn Write, width: usize, label: &str, s: Score) -> std::io::Result<()> {
    writeln!(
        out,
        "{label:<width$}  {:>5.3}  {:>5.3}  {:>5.3}  {:>7}  {:>9}  {:>4}",
        s.precision(),
        s.recall(),
        s.f1(),
        s.matched,
        s.predicted,
        s.gold
    )
}

fn set_text(out: &mut dyn Write, report: &Report, a: &EvalArgs) -> Result<(), Error> {
    let mut head = format!(
        "{}{}: {} article{} scored",
        a.gold.display(),
        a.split.map(|s| format!(", split {s}")).unwrap_or_default(),
        report.scored.len(),
        if report.scored.len() == 1 { "" } else { "s" }
    );
    if !report.missing.is_empty() {
        head += &format!("; {} without text here", report.missing.len());
    }
    if !report.changed.is_empty() {
        head += &format!(
            "; {} whose text changed since its gold was written ({})",
            report.changed.len(),
            report.changed.join(", ")
        );
    }
    writeln!(out, "{head}\n")?;
    let width = report
        .scored
        .iter()
        .map(|s| s.id.len())
        .chain([15])
        .max()
        .unwrap_or(15);
    let header = |out: &mut dyn Write, label: &str| {
        writeln!(
            out,
            "{label:<width$}  {:>5}  {:>5}  {:>5}  {:>7}  {:>9}  {:>4}",
            "P", "R", "F1", "matched", "predicted", "gold"
        )
    };
    header(out, "relation")?;
    let by_relation = report.by_relation();
    for r in Relation::ALL {
        if let Some(&s) = by_relation.get(&r) {
            row(out, width, r.as_str(), s)?;
        }
    }
    row(out, width, "all (micro)", report.total())?;
    writeln!(out)?;
    header(out, "article")?;
    for s in &report.scored {
        row(out, width, &s.id, s.comparison.score)?;
        if a.verbose {
            let c = &s.comparison;
            for &e in &c.missed {
                writeln!(out, "    missed  {}", describe(&s.gold, e))?;
            }
            for &e in &c.wrong {
                let rule = s.pred.fact(e).rule.as_deref().unwrap_or("-");
                writeln!(out, "    wrong   {}  [{rule}]", describe(&s.pred, e))?;
            }
        }
    }
    if a.by_rule {
        let mut rules: Vec<_> = report.by_rule().into_iter().collect();
        rules.sort_by(|x, y| y.1.wrong.cmp(&x.1.wrong).then_with(|| x.0.cmp(&y.0)));
        let w = rules
            .iter()
            .map(|(id, _)| id.len())
            .chain([4])
            .max()
            .unwrap_or(4);
        writeln!(
            out,
            "\n{:<w$}  {:>5}  {:>5}  {:>8}  {:>9}",
            "rule", "right", "wrong", "optional", "precision"
        )?;
        for (id, r) in rules {
            writeln!(
                out,
                "{id:<w$}  {:>5}  {:>5}  {:>8}  {:>9.3}",
                r.right,
                r.wrong,
                r.optional,
                r.precision()
            )?;
        }
    }
    Ok(())
}
