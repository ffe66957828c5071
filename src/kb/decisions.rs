//! [`Decisions`]: the reviewed merge and split decisions, kept in a small text file beside
//! the base (`kg.aliases` beside `kg.json`) that every rebuild honours.
//!
//! One decision a line, sorted, names as JSON strings, `#` starts a comment:
//!
//! ```text
//! merge "Kim Jong Un" "Kim"
//! split "Vladimir Putin" "Putin"
//! ```
//!
//! `merge A B`: the entities named A and B are one (A's entity stays, B's joins it).
//! `split A B`: B is not a name of the entity named A (B's mentions stand apart).
//! `separate A ARTICLE NEW`: the entity article ARTICLE names A is another body, named
//! NEW: it and its facts from that article leave the entity A joined (`kg split --source`).
//! Names match case-insensitively, as `kg` matches names ([`lookup_key`]).

use crate::model::content_hash;
use crate::model::name::lookup_key;
use std::path::{Path, PathBuf};

/// What a decision says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verb {
    Merge,
    Split,
    Separate,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Merge => "merge",
            Verb::Split => "split",
            Verb::Separate => "separate",
        }
    }
}

/// One decision about two names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Decision {
    pub verb: Verb,
    pub a: String,
    pub b: String,
    /// The new name of a `separate` decision.
    pub to: Option<String>,
}

/// Every decision, sorted and without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    list: Vec<Decision>,
}

/// A line of the decisions file that is not a decision.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct BadDecision {
    pub line: usize,
    pub message: String,
}

const HEADER: &str = "# kg decisions, one a line: merge \"A\" \"B\" (one entity), split \"A\" \"B\" (B is not a name of A) or separate \"A\" \"ARTICLE\" \"NEW\" (A in ARTICLE is another body, NEW).\n# Written by kg merge and kg split; every rebuild of the knowledge base honours them.\n";

/// The decisions file of a base: `kg.json` -> `kg.aliases`.
pub fn decisions_path(base: &Path) -> PathBuf {
    base.with_extension("aliases")
}

impl Decisions {
    /// Parses the file's text.
    pub fn parse(text: &str) -> Result<Decisions, BadDecision> {
        let mut list = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| BadDecision {
                line: i + 1,
                message,
            };
            let (verb, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let verb = match verb {
                "merge" => Verb::Merge,
                "split" => Verb::Split,
                "separate" => Verb::Separate,
                other => {
                    return Err(bad(format!(
                        "unknown decision '{other}' (expected merge, split or separate)"
                    )));
                }
            };
            let expected = || match verb {
                Verb::Separate => "expected separate \"A\" \"ARTICLE\" \"NEW\"".to_string(),
                _ => format!("expected {} \"A\" \"B\"", verb.as_str()),
            };
            let mut names: Vec<String> = serde_json::Deserializer::from_str(rest)
                .into_iter::<String>()
                .collect::<Result<_, _>>()
                .map_err(|_| bad(expected()))?;
            let to = match (verb, names.len()) {
                (Verb::Separate, 3) => names.pop(),
                (Verb::Merge | Verb::Split, 2) => None,
                _ => return Err(bad(expected())),
            };
            let [a, b] = <[String; 2]>::try_from(names).map_err(|_| bad(expected()))?;
            list.push(Decision { verb, a, b, to });
        }
        let mut d = Decisions { list };
        d.tidy();
        Ok(d)
    }

    /// The file's text: the header, then the decisions, sorted.
    pub fn to_text(&self) -> String {
        let mut out = HEADER.to_string();
        for d in &self.list {
            let q = |s: &str| serde_json::to_string(s).expect("strings serialize");
            out.push_str(&format!("{} {} {}", d.verb.as_str(), q(&d.a), q(&d.b)));
            if let Some(to) = &d.to {
                out.push_str(&format!(" {}", q(to)));
            }
            out.push('\n');
        }
        out
    }

    /// A hash of the decisions (not of comments or order): a base records the one it was
    /// built with, so that a hand-edited file triggers a rebuild.
    pub fn fingerprint(&self) -> String {
        let mut s = String::new();
        for d in &self.list {
            s.push_str(&format!("{}\t{}\t{}", d.verb.as_str(), d.a, d.b));
            if let Some(to) = &d.to {
                s.push_str(&format!("\t{to}"));
            }
            s.push('\n');
        }
        content_hash(s.as_bytes())
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Decision> {
        self.list.iter()
    }

    /// The merges as normalized name pairs.
    pub fn merges(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.pairs(Verb::Merge)
    }

    /// The splits as normalized name pairs.
    pub fn splits(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.pairs(Verb::Split)
    }

    /// The `separate` decisions: (the article's name of the entity, normalized; the
    /// article id; the new name).
    pub fn separations(&self) -> impl Iterator<Item = (String, String, String)> + '_ {
        self.list
            .iter()
            .filter(|d| d.verb == Verb::Separate)
            .map(|d| {
                (
                    lookup_key(&d.a),
                    d.b.clone(),
                    d.to.clone().unwrap_or_default(),
                )
            })
    }

    /// Records that the entity article `article` names `local` is another body, `new`
    /// (one decision per article and name: a new one replaces it). False when it was
    /// already there.
    pub fn record_separation(&mut self, local: &str, article: &str, new: &str) -> bool {
        let d = Decision {
            verb: Verb::Separate,
            a: local.to_string(),
            b: article.to_string(),
            to: Some(new.to_string()),
        };
        if self.list.contains(&d) {
            return false;
        }
        self.list.retain(|x| {
            !(x.verb == Verb::Separate && lookup_key(&x.a) == lookup_key(local) && x.b == article)
        });
        self.list.push(d);
        self.tidy();
        true
    }

    fn pairs(&self, verb: Verb) -> impl Iterator<Item = (String, String)> + '_ {
        self.list
            .iter()
            .filter(move |d| d.verb == verb)
            .map(|d| (lookup_key(&d.a), lookup_key(&d.b)))
    }

    /// Records a decision; one about the same two names with the other verb goes (a split
    /// undoes a merge and the other way round). False when it was already there.
    pub fn record(&mut self, verb: Verb, a: &str, b: &str) -> bool {
        let same = |d: &Decision| {
            let (x, y) = (lookup_key(&d.a), lookup_key(&d.b));
            let (a, b) = (lookup_key(a), lookup_key(b));
            (x == a && y == b) || (x == b && y == a)
        };
        if self.list.iter().any(|d| d.verb == verb && same(d)) {
            return false;
        }
        self.list.retain(|d| d.verb == Verb::Separate || !same(d));
        self.list.push(Decision {
            verb,
            a: a.to_string(),
            b: b.to_string(),
            to: None,
        });
        self.tidy();
        true
    }

    /// The decisions less `d`.
    pub fn without(&self, d: &Decision) -> Decisions {
        Decisions {
            list: self.list.iter().filter(|x| *x != d).cloned().collect(),
        }
    }

    fn tidy(&mut self) {
        self.list.sort();
        self.list.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sorts_and_writes_back() {
        let text = "# hi\nsplit \"Vladimir Putin\" \"Putin\"\n\nmerge \"DPRK\" \"North Korea\"\n";
        let d = Decisions::parse(text).unwrap();
        let out = d.to_text();
        assert!(
            out.ends_with("merge \"DPRK\" \"North Korea\"\nsplit \"Vladimir Putin\" \"Putin\"\n")
        );
        assert_eq!(Decisions::parse(&out).unwrap(), d);
    }

    #[test]
    fn a_separation_has_three_names_and_round_trips() {
        let text = "separate \"Ministry of Foreign Affairs\" \"2025-02-20-japan\" \"Japanese Ministry of Foreign Affairs\"\n";
        let d = Decisions::parse(text).unwrap();
        assert!(d.to_text().ends_with(text));
        assert_eq!(
            d.separations().collect::<Vec<_>>(),
            [(
                "ministry of foreign affairs".to_string(),
                "2025-02-20-japan".to_string(),
                "Japanese Ministry of Foreign Affairs".to_string()
            )]
        );
        assert_eq!(
            Decisions::parse("separate \"A\" \"B\"")
                .unwrap_err()
                .to_string(),
            "line 1: expected separate \"A\" \"ARTICLE\" \"NEW\""
        );
        assert!(Decisions::parse("merge \"A\" \"B\" \"C\"").is_err());
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(
            Decisions::parse("merge \"A\"\n").unwrap_err().to_string(),
            "line 1: expected merge \"A\" \"B\""
        );
        assert_eq!(
            Decisions::parse("\njoin \"A\" \"B\"")
                .unwrap_err()
                .to_string(),
            "line 2: unknown decision 'join' (expected merge, split or separate)"
        );
    }

    #[test]
    fn a_split_replaces_the_merge_of_the_same_names() {
        let mut d = Decisions::default();
        assert!(d.record(Verb::Merge, "Kim", "Kim Jong Un"));
        assert!(!d.record(Verb::Merge, "kim jong un", "KIM"));
        assert!(d.record(Verb::Split, "Kim Jong Un", "Kim"));
        assert_eq!(d.iter().count(), 1);
        assert_eq!(
            d.splits().next().unwrap(),
            ("kim jong un".into(), "kim".into())
        );
    }
}
