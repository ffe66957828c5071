//! Scoring the extractor on a whole evaluation set: every article that has a gold graph
//! and a text here, summed into one micro-averaged score, per relation, per article and
//! per rule.
//!
//! A set is either
//! - a **manifest** (`eval/real/manifest.tsv`, described in `eval/real/README.md`): a
//!   tab-separated file whose header names at least the columns `id` and `sha256`, and
//!   optionally `split`. Article `ID` has its gold graph at `gold/ID.json` and its text at
//!   `text/ID.txt`, beside the manifest. The sha256 is the body's: the bytes after the
//!   header's blank line (the header's title is not always in the stored copy the text
//!   is refilled from, and kg reads no header). A text whose body hash is not the
//!   manifest's is *changed* and is not scored: the gold was written for the other text.
//!   Or
//! - a **folder** holding `gold/ID.json` files, each article's text at `articles/ID.txt`
//!   or `text/ID.txt` in the folder, or else at the path the gold graph's source records
//!   (read from the current folder, then from the set folder and each folder above it).
//!
//! Articles whose text is not here are *missing*: they are counted and named, never
//! scored as zero.

use super::{Comparison, Score, compare};
use crate::model::{KnowledgeGraph, Relation};
use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Which part of a manifest's articles to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    /// The articles rules are developed on: their misses may be read.
    Dev,
    /// The held-out articles: scored as a whole only.
    Test,
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Split::Dev => "dev",
            Split::Test => "test",
        })
    }
}

/// One article of a set: where its gold graph and text are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub gold: PathBuf,
    /// The text, when it was found.
    pub text: Option<PathBuf>,
    /// The sha256 (lowercase hex) the text must have, from a manifest.
    pub sha256: Option<String>,
    pub split: Option<Split>,
}

/// An evaluation set: its articles, in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Set {
    pub items: Vec<Item>,
}

/// Why a set could not be read or scored.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("cannot read evaluation set '{}': {}", path.display(), crate::store::describe(source))]
    Read { path: PathBuf, source: io::Error },
    #[error("manifest '{}' line {line}: {message}", path.display())]
    BadManifest {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("gold graph '{}' is not valid: {message}", path.display())]
    BadGold { path: PathBuf, message: String },
    #[error("cannot use article '{}': {message}", path.display())]
    BadArticle { path: PathBuf, message: String },
    #[error("'{}' holds no gold graph (gold/ID.json)", path.display())]
    NoGold { path: PathBuf },
}

impl Set {
    /// Reads a manifest (a file) or a folder of gold graphs (a directory).
    pub fn open(path: &Path) -> Result<Set, CorpusError> {
        let read = |source| CorpusError::Read {
            path: path.into(),
            source,
        };
        let set = if std::fs::metadata(path).map_err(read)?.is_dir() {
            Set::folder(path)?
        } else {
            Set::manifest(path, &std::fs::read_to_string(path).map_err(read)?)?
        };
        if set.items.is_empty() {
            return Err(CorpusError::NoGold { path: path.into() });
        }
        Ok(set)
    }

    fn manifest(path: &Path, text: &str) -> Result<Set, CorpusError> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let bad = |line: usize, message: String| CorpusError::BadManifest {
            path: path.into(),
            line,
            message,
        };
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        let header: Vec<&str> = lines
            .next()
            .map(|(_, l)| l.split('\t').collect())
            .unwrap_or_default();
        let column = |name: &str| header.iter().position(|h| h.trim() == name);
        let (Some(id_col), Some(sha_col)) = (column("id"), column("sha256")) else {
            return Err(bad(
                1,
                "the header names no 'id' and 'sha256' columns".into(),
            ));
        };
        let split_col = column("split");
        let mut items = Vec::new();
        for (i, line) in lines {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != header.len() {
                return Err(bad(
                    i + 1,
                    format!(
                        "{} columns where the header has {}",
                        cols.len(),
                        header.len()
                    ),
                ));
            }
            let id = cols[id_col].trim();
            if id.is_empty() || id.contains(['/', '\\']) || id.starts_with('.') {
                return Err(bad(i + 1, format!("'{id}' is not an article id")));
            }
            let split = match split_col.map(|c| cols[c].trim()) {
                None | Some("") => None,
                Some("dev") => Some(Split::Dev),
                Some("test") => Some(Split::Test),
                Some(other) => {
                    return Err(bad(i + 1, format!("split '{other}' is not dev or test")));
                }
            };
            let text = dir.join("text").join(format!("{id}.txt"));
            items.push(Item {
                id: id.to_string(),
                gold: dir.join("gold").join(format!("{id}.json")),
                text: text.exists().then_some(text),
                sha256: Some(cols[sha_col].trim().to_ascii_lowercase()),
                split,
            });
        }
        items.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Set { items })
    }

    fn folder(dir: &Path) -> Result<Set, CorpusError> {
        let gold_dir = dir.join("gold");
        let Ok(entries) = std::fs::read_dir(&gold_dir) else {
            return Err(CorpusError::NoGold { path: dir.into() });
        };
        let mut items = Vec::new();
        for entry in entries.flatten() {
            let gold = entry.path();
            if gold.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let id = gold
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = ["articles", "text"]
                .iter()
                .map(|sub| dir.join(sub).join(format!("{id}.txt")))
                .find(|p| p.exists())
                .or_else(|| recorded_path(&gold, dir));
            items.push(Item {
                id,
                gold,
                text,
                sha256: None,
                split: None,
            });
        }
        items.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Set { items })
    }

    /// True when some article of the set belongs to the test split.
    pub fn has_test(&self, split: Option<Split>) -> bool {
        self.items
            .iter()
            .any(|i| i.split == Some(Split::Test) && split.is_none_or(|s| s == Split::Test))
    }

    /// Extracts and scores every article of `split` (all of them when `None`) that has a
    /// gold graph and an unchanged text here.
    pub fn score(&self, split: Option<Split>) -> Result<Report, CorpusError> {
        let mut report = Report::default();
        for item in &self.items {
            if split.is_some_and(|s| item.split != Some(s)) {
                continue;
            }
            let Some(text_path) = &item.text else {
                report.missing.push(item.id.clone());
                continue;
            };
            let bytes = std::fs::read(text_path).map_err(|source| CorpusError::Read {
                path: text_path.clone(),
                source,
            })?;
            if item
                .sha256
                .as_ref()
                .is_some_and(|h| *h != sha256_hex(body(&bytes)))
            {
                report.changed.push(item.id.clone());
                continue;
            }
            let gold_text =
                std::fs::read_to_string(&item.gold).map_err(|source| CorpusError::Read {
                    path: item.gold.clone(),
                    source,
                })?;
            let gold = crate::store::from_json(&gold_text).map_err(|e| CorpusError::BadGold {
                path: item.gold.clone(),
                message: e.to_string(),
            })?;
            let bad_article = |message: String| CorpusError::BadArticle {
                path: text_path.clone(),
                message,
            };
            let article = crate::extract::read_article(&bytes, &item.id)
                .map_err(|e| bad_article(e.to_string()))?;
            let pred = KnowledgeGraph::from_file(crate::extract::extract(&article))
                .map_err(|e| bad_article(e.to_string()))?;
            let comparison = compare(&gold, &pred);
            report.scored.push(Scored {
                id: item.id.clone(),
                split: item.split,
                comparison,
                gold,
                pred,
            });
        }
        Ok(report)
    }
}

/// The path a gold graph's source records for its article, if that file is here.
fn recorded_path(gold: &Path, dir: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(gold).ok()?;
    let graph = crate::store::from_json(&text).ok()?;
    let recorded = graph.sources().iter().find_map(|s| s.path.clone())?;
    let recorded = Path::new(&recorded);
    std::iter::once(Path::new(""))
        .chain(dir.ancestors())
        .map(|base| base.join(recorded))
        .find(|p| p.is_file())
}

/// One article's result.
pub struct Scored {
    pub id: String,
    pub split: Option<Split>,
    pub comparison: Comparison,
    pub gold: KnowledgeGraph,
    pub pred: KnowledgeGraph,
}

/// How one extraction rule did: predicted facts that matched a required gold fact
/// (`right`), that matched nothing (`wrong`), and that matched an optional one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuleScore {
    pub right: usize,
    pub wrong: usize,
    pub optional: usize,
}

impl RuleScore {
    /// right / (right + wrong); 1.0 when the rule made no counted fact.
    pub fn precision(&self) -> f64 {
        super::ratio(self.right, self.right + self.wrong)
    }
}

/// The result of scoring a set.
#[derive(Default)]
pub struct Report {
    /// The articles scored, in id order.
    pub scored: Vec<Scored>,
    /// Articles whose text is not here.
    pub missing: Vec<String>,
    /// Articles whose text is not the one the manifest names (sha256 differs).
    pub changed: Vec<String>,
}

impl Report {
    /// The micro-averaged score: every article's counts summed.
    pub fn total(&self) -> Score {
        self.scored.iter().map(|s| s.comparison.score).sum()
    }

    /// The micro-averaged score of each relation.
    pub fn by_relation(&self) -> BTreeMap<Relation, Score> {
        let mut out: BTreeMap<Relation, Score> = BTreeMap::new();
        for s in &self.scored {
            for (r, score) in s.comparison.by_relation(&s.gold, &s.pred) {
                *out.entry(r).or_default() += score;
            }
        }
        out
    }

    /// Each rule's right, wrong and optional facts, by rule id (`-` for facts without one).
    pub fn by_rule(&self) -> BTreeMap<String, RuleScore> {
        let mut out: BTreeMap<String, RuleScore> = BTreeMap::new();
        for s in &self.scored {
            let c = &s.comparison;
            let rule = |e| s.pred.fact(e).rule.clone().unwrap_or_else(|| "-".into());
            for &(_, p) in &c.pairs {
                out.entry(rule(p)).or_default().right += 1;
            }
            for &p in &c.wrong {
                out.entry(rule(p)).or_default().wrong += 1;
            }
            for &(_, p) in &c.optional {
                out.entry(rule(p)).or_default().optional += 1;
            }
        }
        out
    }
}

impl std::iter::Sum for Score {
    fn sum<I: Iterator<Item = Score>>(iter: I) -> Score {
        iter.fold(Score::default(), |a, b| a + b)
    }
}

/// The body of an article file: what follows the header's blank line, or all of it when
/// there is none.
pub fn body(bytes: &[u8]) -> &[u8] {
    bytes
        .windows(2)
        .position(|w| w == b"\n\n")
        .map_or(bytes, |i| &bytes[i + 2..])
}

/// The sha256 of `bytes`, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_the_standard_one() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    const GOLD: &str = r#"{"version": 1, "sources": [{"id": "a"}],
      "entities": [{"id": "chile", "name": "Chile", "kind": "country"},
                   {"id": "peru", "name": "Peru", "kind": "country"},
                   {"id": "llama", "name": "llama", "kind": "animal"}],
      "facts": [{"subject": "chile", "relation": "sent", "object": "llama", "source": "a"},
                {"subject": "peru", "relation": "received", "object": "llama", "source": "a",
                 "optional": true}]}"#;
    const TEXT: &str = "date: 2024-05-01\n\nChile sent two llamas to Peru.\n";

    #[test]
    fn the_hash_covers_the_body_only() {
        assert_eq!(
            body(b"title: A\ndate: 2024-05-01\n\nB.\n\nC.\n"),
            b"B.\n\nC.\n"
        );
        assert_eq!(body(b"B.\n"), b"B.\n");
        assert_eq!(
            sha256_hex(body(b"title: one\n\nB.\n")),
            sha256_hex(body(b"title: two\n\nB.\n"))
        );
    }

    #[test]
    fn a_manifest_scores_unchanged_texts_and_names_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for id in ["a", "b", "c"] {
            write(
                d,
                &format!("gold/{id}.json"),
                &GOLD.replace("\"a\"", &format!("\"{id}\"")),
            );
        }
        write(d, "text/a.txt", TEXT);
        write(d, "text/c.txt", "date: 2024-05-01\n\nSomething else.\n");
        let sha = sha256_hex(body(TEXT.as_bytes()));
        write(
            d,
            "manifest.tsv",
            &format!("id\tsha256\tsplit\na\t{sha}\tdev\nb\t{sha}\tdev\nc\t{sha}\ttest\n"),
        );
        let set = Set::open(&d.join("manifest.tsv")).unwrap();
        assert!(set.has_test(None) && !set.has_test(Some(Split::Dev)));
        let report = set.score(None).unwrap();
        assert_eq!(report.missing, ["b"]);
        assert_eq!(report.changed, ["c"]);
        assert_eq!(report.scored.len(), 1);
        // The optional fact is not part of the gold count.
        assert_eq!(report.total().gold, 1);
        let dev = set.score(Some(Split::Dev)).unwrap();
        assert!(dev.changed.is_empty());
    }

    #[test]
    fn a_manifest_with_a_bad_row_is_refused_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.tsv");
        std::fs::write(&p, "id\tsha256\tsplit\na\tff\tdev\nb\tff\tlater\n").unwrap();
        let e = Set::open(&p).unwrap_err().to_string();
        assert!(
            e.ends_with("m.tsv' line 3: split 'later' is not dev or test"),
            "{e}"
        );
        std::fs::write(&p, "id\tsplit\na\tdev\n").unwrap();
        let e = Set::open(&p).unwrap_err().to_string();
        assert!(
            e.ends_with("line 1: the header names no 'id' and 'sha256' columns"),
            "{e}"
        );
    }

    #[test]
    fn a_folder_pairs_gold_with_articles() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "gold/a.json", GOLD);
        write(d, "articles/a.txt", TEXT);
        let set = Set::open(d).unwrap();
        assert_eq!(set.items.len(), 1);
        let report = set.score(None).unwrap();
        assert!(report.missing.is_empty());
        assert_eq!(report.scored[0].id, "a");
        assert!(Set::open(&d.join("articles")).is_err());
    }
}
