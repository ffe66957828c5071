//! Trains the name typer (`src/extract/typer.rs`) and writes its weight table.
//!
//! Input: the JSON lines `scripts/typer/gum_names.py` writes from the GUM corpus, one
//! sentence each with its named spans. Each sentence goes through kg's own tokenizer and
//! mention finder; every proper-name chunk kg finds is an example, labelled with the
//! type of the GUM name it overlaps most (character Jaccard >= 0.5), else of a GUM name
//! it ends ("Obama" of "President Obama", where kg reads a title), or `other`. An
//! averaged perceptron learns the weights on GUM's train and dev documents; GUM's test
//! documents measure it.
//!
//! ```text
//! python3 scripts/typer/gum_names.py /tmp/gum > /tmp/gum-names.jsonl
//! cargo run --release --example train_typer -- /tmp/gum-names.jsonl src/extract/lexicon/typer.tsv
//! ```

use kg::extract::lexicon::WordMap;
use kg::extract::mentions::{MentionKind, find_mentions};
use kg::extract::tokens::tokenize;
use kg::extract::typer::{NameType, Weights, features};
use std::collections::HashMap;

const EPOCHS: usize = 12;
/// Weights are stored as integers: the averaged weight times this.
const SCALE: f64 = 1000.0;
/// A feature seen in fewer training examples than this is left out of the table.
const MIN_COUNT: usize = 2;

struct Example {
    features: Vec<String>,
    label: usize,
    test: bool,
}

fn label_index(label: &str) -> usize {
    match label {
        "person" => 0,
        "organization" => 1,
        "place" => 2,
        _ => 3,
    }
}

fn examples(path: &str) -> Vec<Example> {
    let text = std::fs::read_to_string(path).expect("readable JSON lines");
    let mut out = Vec::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let sentence = v["text"].as_str().expect("text");
        let test = v["split"] == "test";
        let names: Vec<(usize, usize, usize)> = v["names"]
            .as_array()
            .expect("names")
            .iter()
            .map(|n| {
                // Offsets in the JSON are in characters; tokens are in bytes.
                let byte = |c: u64| {
                    sentence
                        .char_indices()
                        .nth(c as usize)
                        .map_or(sentence.len(), |(i, _)| i)
                };
                (
                    byte(n[0].as_u64().expect("start")),
                    byte(n[1].as_u64().expect("end")),
                    label_index(n[2].as_str().expect("type")),
                )
            })
            .collect();
        let tokens = tokenize(sentence, 0, sentence.len());
        for m in find_mentions(sentence, &tokens) {
            if !matches!(m.kind, MentionKind::Name(_)) {
                continue;
            }
            let (s, e) = (tokens[m.start].start, tokens[m.end - 1].end);
            let best = names
                .iter()
                .map(|&(a, b, t)| {
                    let inter = e.min(b).saturating_sub(s.max(a));
                    let union = e.max(b) - s.min(a);
                    (inter as f64 / union as f64, t)
                })
                .max_by(|x, y| x.0.total_cmp(&y.0));
            // A chunk that ends a longer name is that name's head: "Obama" of GUM's
            // "President Obama", where kg reads "President" as a title.
            let head = names
                .iter()
                .find(|&&(a, b, _)| a <= s && e == b)
                .map(|&(_, _, t)| t);
            let label = match (best, head) {
                (Some((j, t)), _) if j >= 0.5 => t,
                (_, Some(t)) => t,
                _ => 3,
            };
            out.push(Example {
                features: features(&tokens, m.start, m.end),
                label,
                test,
            });
        }
    }
    out
}

/// An averaged perceptron: `w` the current weights, `u` the sum of each update times
/// the step it was made at, so the average is `w - u / steps`.
fn train(train: &[&Example]) -> HashMap<String, [f64; 4]> {
    let mut w: HashMap<String, [f64; 4]> = HashMap::new();
    let mut u: HashMap<String, [f64; 4]> = HashMap::new();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut lcg = kg_testkit::lcg::Lcg::new(20261204);
    let mut step = 1.0;
    for _ in 0..EPOCHS {
        // Fisher–Yates with a fixed LCG: the same weights on every run.
        for i in (1..order.len()).rev() {
            order.swap(i, lcg.below(i + 1));
        }
        for &i in &order {
            let ex = train[i];
            let mut s = [0.0; 4];
            for f in &ex.features {
                if let Some(ws) = w.get(f) {
                    for c in 0..4 {
                        s[c] += ws[c];
                    }
                }
            }
            let guess = (0..4).fold(0, |b, c| if s[c] > s[b] { c } else { b });
            if guess != ex.label {
                for f in &ex.features {
                    let ws = w.entry(f.clone()).or_default();
                    ws[ex.label] += 1.0;
                    ws[guess] -= 1.0;
                    let us = u.entry(f.clone()).or_default();
                    us[ex.label] += step;
                    us[guess] -= step;
                }
            }
            step += 1.0;
        }
    }
    w.into_iter()
        .map(|(f, ws)| {
            let us = u[&f];
            let avg = std::array::from_fn(|c| ws[c] - us[c] / step);
            (f, avg)
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        panic!("usage: train_typer NAMES.jsonl OUT.tsv");
    };
    let all = examples(input);
    let (test, train_set): (Vec<&Example>, Vec<&Example>) = all.iter().partition(|e| e.test);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in &train_set {
        for f in &e.features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let averaged = train(&train_set);
    let mut table = WordMap::default();
    for (f, ws) in averaged {
        if counts.get(f.as_str()).copied().unwrap_or(0) < MIN_COUNT {
            continue;
        }
        let q: [i32; 4] = std::array::from_fn(|c| (ws[c] * SCALE).round() as i32);
        // Column order of the table is NameType::ALL: person, institution, place, other.
        table.insert(f, q);
    }
    let weights = Weights::from_table(table);
    // Measure on the test documents, per type.
    let mut confusion = [[0usize; 4]; 4];
    for e in &test {
        let g = weights.guess(&e.features).name_type;
        let gi = NameType::ALL.iter().position(|&t| t == g).unwrap_or(3);
        confusion[e.label][gi] += 1;
    }
    let correct: usize = (0..4).map(|c| confusion[c][c]).sum();
    let mut report = format!(
        "# GUM test documents: {} chunks, accuracy {:.3}\n",
        test.len(),
        correct as f64 / test.len().max(1) as f64
    );
    for (c, t) in NameType::ALL.iter().enumerate() {
        let tp = confusion[c][c] as f64;
        let predicted: usize = (0..4).map(|r| confusion[r][c]).sum();
        let gold: usize = confusion[c].iter().sum();
        report.push_str(&format!(
            "#   {:<12} P {:.3}  R {:.3}  ({gold} chunks)\n",
            t.label(),
            tp / predicted.max(1) as f64,
            tp / gold.max(1) as f64
        ));
    }
    eprint!("{report}");
    let header = format!(
        "# The name typer's weights (src/extract/typer.rs): feature, then one weight per type\n\
         # (person, institution, place, other), times {SCALE}.\n\
         # Trained by examples/train_typer.rs on the named entities of GUM (Zeldes 2017,\n\
         # UD_English-GUM at commit afb41ee), the genres published under CC BY 4.0 only\n\
         # (news, interview, bio, voyage, textbook, vlog, speech, conversation); these\n\
         # weights are a work derived from it and are shared under CC BY 4.0. See docs/typer.md.\n\
         # A chunk ending a GUM name takes its type. Features include lexicon/names.tsv\n\
         # (1990 US Census given names and surnames, public domain).\n\
         # {} training chunks, {EPOCHS} epochs, features seen at least {MIN_COUNT} times.\n{report}",
        train_set.len()
    );
    std::fs::write(output, header + &weights.to_tsv()).expect("writable output");
}
