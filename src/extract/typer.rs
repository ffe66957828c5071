//! The name typer: a linear classifier (an averaged perceptron) that types a capitalised
//! name it has never seen as a person, an institution or a place, or as no entity at
//! all, from the name's words and the words around it.
//!
//! Its weights are data, `lexicon/typer.tsv`, one feature a line with one integer
//! weight per [`NameType`]; they were trained on the named entities of the GUM corpus
//! (the parts published under CC BY 4.0) by `examples/train_typer.rs`, from the spans
//! `scripts/typer/gum_names.py` reads (see `docs/typer.md`). The features are computed
//! here, once, for training and for use, on kg's own tokens and name chunks; one of
//! them looks the name's first and last words up in `lexicon/names.tsv`, given names
//! and surnames from the 1990 US Census (public domain).
//!
//! # Complexity
//! O(k) hash lookups per name for k features (about 20); the table is parsed on first
//! use.

use super::lexicon::WordMap;
use super::tokens::{TokKind, Token};
use crate::model::Kind;
use std::sync::OnceLock;

/// The margin (best score minus the second, in table units) below which resolution
/// does not take the typer's word: chosen on the dev split of the real articles, where
/// with the current table 3000, 5000, 8000, 10000, 12000, 14000 and 16000 gave F1
/// 0.658, 0.659, 0.660, 0.659, 0.661, 0.660 and 0.660 (docs/typer.md).
pub const MIN_MARGIN: i64 = 12000;

/// The margin under which a guess is a near tie, no lean at all: where a cue already
/// points one way ("in Madhya Pradesh", after a locative), a guess this close is not
/// taken.
pub const NEAR_TIE: i64 = 1000;

/// What a capitalised chunk names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameType {
    Person,
    Institution,
    Place,
    /// Not a person, institution or place: a product, an event, a heading word.
    Other,
}

impl NameType {
    /// Every type, in the order of the weight columns.
    pub const ALL: [NameType; 4] = [
        NameType::Person,
        NameType::Institution,
        NameType::Place,
        NameType::Other,
    ];

    /// The column name in `typer.tsv` and the label in training data.
    pub fn label(self) -> &'static str {
        match self {
            NameType::Person => "person",
            NameType::Institution => "institution",
            NameType::Place => "place",
            NameType::Other => "other",
        }
    }

    /// The entity kind it gives, if any.
    pub fn kind(self) -> Option<Kind> {
        match self {
            NameType::Person => Some(Kind::Person),
            NameType::Institution => Some(Kind::Institution),
            NameType::Place => Some(Kind::Place),
            NameType::Other => None,
        }
    }
}

/// The weight table: feature → one weight per type.
#[derive(Debug, Default)]
pub struct Weights {
    table: WordMap<String, [i32; 4]>,
}

/// A guess and how sure it is: the margin between the best score and the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guess {
    pub name_type: NameType,
    pub margin: i64,
}

impl Weights {
    /// Parses a weight table: `#` comment lines, then `feature<TAB>w1<TAB>w2<TAB>w3<TAB>w4`.
    ///
    /// # Panics
    /// On a malformed line: the table is built into the binary and tested.
    pub fn parse(text: &str) -> Weights {
        let mut table = WordMap::default();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let mut fields = line.split('\t');
            let feature = fields.next().unwrap_or_default().to_string();
            let mut w = [0i32; 4];
            for slot in &mut w {
                *slot = fields
                    .next()
                    .and_then(|f| f.parse().ok())
                    .unwrap_or_else(|| panic!("typer.tsv: bad line {line:?}"));
            }
            table.insert(feature, w);
        }
        Weights { table }
    }

    /// Builds a table from trained weights (training writes it with [`Weights::to_tsv`]).
    pub fn from_table(table: WordMap<String, [i32; 4]>) -> Weights {
        Weights { table }
    }

    /// The table as `typer.tsv` lines, sorted by feature, zero rows left out.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<(&String, &[i32; 4])> = self
            .table
            .iter()
            .filter(|(_, w)| w.iter().any(|&x| x != 0))
            .collect();
        rows.sort();
        let mut out = String::new();
        for (f, w) in rows {
            out.push_str(&format!("{f}\t{}\t{}\t{}\t{}\n", w[0], w[1], w[2], w[3]));
        }
        out
    }

    /// Each type's score for a chunk's features.
    pub fn scores(&self, features: &[String]) -> [i64; 4] {
        let mut s = [0i64; 4];
        for f in features {
            if let Some(w) = self.table.get(f) {
                for (acc, &x) in s.iter_mut().zip(w) {
                    *acc += i64::from(x);
                }
            }
        }
        s
    }

    /// The best type for a chunk's features.
    pub fn guess(&self, features: &[String]) -> Guess {
        Guess::of(self.scores(features))
    }
}

impl Guess {
    /// The best type for scores (added up over several mentions, say); ties go to the
    /// earlier type.
    pub fn of(scores: [i64; 4]) -> Guess {
        let mut order = [0, 1, 2, 3];
        order.sort_by_key(|&i| std::cmp::Reverse(scores[i]));
        Guess {
            name_type: NameType::ALL[order[0]],
            margin: scores[order[0]] - scores[order[1]],
        }
    }
}

/// The shipped weights, parsed on first use.
pub fn weights() -> &'static Weights {
    static W: OnceLock<Weights> = OnceLock::new();
    W.get_or_init(|| Weights::parse(include_str!("lexicon/typer.tsv")))
}

/// Known given names and surnames: word → flags (`g` a given name, `s` one of the 2,000
/// most frequent surnames, `r` one ranked 2,001 to 5,000) and the sex a given name marks
/// (`f` or `m`, borne ten times as often by one as by the other), from
/// `lexicon/names.tsv` (the 1990 US Census name files, public domain), parsed on first
/// use.
fn names() -> &'static WordMap<String, (String, Option<Sex>)> {
    static N: OnceLock<WordMap<String, (String, Option<Sex>)>> = OnceLock::new();
    N.get_or_init(|| {
        include_str!("lexicon/names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let word = cols.next()?.to_string();
                let flags = cols.next()?.to_string();
                let sex = match cols.next() {
                    Some("f") => Some(Sex::Female),
                    Some("m") => Some(Sex::Male),
                    _ => None,
                };
                Some((word, (flags, sex)))
            })
            .collect()
    })
}

/// The sex a given name marks: what "she" or "he" can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

/// The word's flags in the names list, "-" for none.
fn name_flags(word: &str) -> &'static str {
    names().get(word).map_or("-", |(flags, _)| flags.as_str())
}

/// The sex the lowercase given name `word` marks ("mary": female), if the names list
/// gives one; none for names borne by both ("kelly") or not in the list.
pub fn given_name_sex(word: &str) -> Option<Sex> {
    names().get(word).and_then(|&(_, sex)| sex)
}

/// Whether the lowercase `word` is a given name in the names list ("joshua").
pub fn is_given_name(word: &str) -> bool {
    name_flags(word).contains('g')
}

/// Whether the lowercase `word` is a surname in the names list, of any rank ("king").
pub fn is_surname(word: &str) -> bool {
    name_flags(word).contains(['s', 'r'])
}

/// The word's shape: `Xx` capitalised, `X` all capitals, `x` lowercase, `d` digits,
/// `-` other, with runs collapsed ("McDonald" → "XxXx", "U.S." → "X-X-").
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            '-'
        };
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

fn suffix(word: &str, n: usize) -> &str {
    let start = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[start..]
}

/// The features of the chunk `tokens[a..b]` of a sentence: its words, their shapes and
/// endings, two tokens of context on each side, and whether its first and last words
/// are known given names or surnames.
pub fn features(tokens: &[Token], a: usize, b: usize) -> Vec<String> {
    let mut f = vec!["bias".to_string()];
    let chunk = &tokens[a..b];
    let n = chunk.len();
    f.push(format!("len={}", n.min(4)));
    for (i, t) in chunk.iter().enumerate() {
        f.push(format!("w={}", t.lower));
        if i == 0 {
            f.push(format!("first={}", t.lower));
        }
        if i + 1 == n {
            f.push(format!("last={}", t.lower));
            f.push(format!("suf3={}", suffix(&t.lower, 3)));
            f.push(format!("suf2={}", suffix(&t.lower, 2)));
        }
    }
    let shapes: Vec<String> = chunk.iter().map(|t| shape(t.text)).collect();
    f.push(format!("shape={}", shapes.join(" ")));
    f.push(format!("suf3first={}", suffix(&chunk[0].lower, 3)));
    let word = |i: Option<usize>| -> String {
        match i.and_then(|i| tokens.get(i)) {
            None => "<s>".to_string(),
            Some(t) if t.kind == TokKind::Word && t.is_capitalised() => {
                format!("{}/C", t.lower)
            }
            Some(t) => t.lower.to_string(),
        }
    };
    let p1 = word(a.checked_sub(1));
    let p2 = word(a.checked_sub(2));
    let n1 = word(Some(b));
    let n2 = word(Some(b + 1));
    f.push(format!("p1={p1}"));
    f.push(format!("p2={p2} {p1}"));
    f.push(format!("n1={n1}"));
    f.push(format!("n2={n1} {n2}"));
    f.push(format!("p1n1={p1} {n1}"));
    f.push(format!("p1last={p1} {}", chunk[n - 1].lower));
    if a == 0 {
        f.push("initial".to_string());
    }
    // Whether its first and last words are known given names or surnames.
    if n == 1 {
        f.push(format!("gz1={}", name_flags(&chunk[0].lower)));
    } else {
        f.push(format!("gzf={}", name_flags(&chunk[0].lower)));
        f.push(format!("gzl={}", name_flags(&chunk[n - 1].lower)));
    }
    f
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_given_name_marks_a_sex_only_when_one_bears_it_far_more() {
        assert_eq!(given_name_sex("mary"), Some(Sex::Female));
        assert_eq!(given_name_sex("john"), Some(Sex::Male));
        // Borne by both; rare and more often a family name; not a given name.
        for word in ["kelly", "lin", "smith", "xi"] {
            assert_eq!(given_name_sex(word), None, "{word}");
        }
        // The typer's features read the flags alone, not the sex.
        assert_eq!(name_flags("john"), "gs");
    }
    use super::*;
    use crate::extract::tokens::tokenize;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("McDonald"), "XxXx");
        assert_eq!(shape("U.S."), "X-X-");
        assert_eq!(shape("Covid-19"), "Xx-d");
    }

    #[test]
    fn features_see_the_chunk_and_its_context() {
        let text = "Mayor Anna Bell said on Monday";
        let toks = tokenize(text, 0, text.len());
        let f = features(&toks, 1, 3);
        for want in [
            "w=anna",
            "last=bell",
            "p1=mayor/C",
            "n1=said",
            "shape=Xx Xx",
        ] {
            assert!(f.iter().any(|x| x == want), "{want} missing from {f:?}");
        }
        assert!(!f.iter().any(|x| x == "initial"));
    }

    #[test]
    fn features_know_given_names_and_surnames() {
        let text = "Then Mary Smith and Quelimane spoke.";
        let toks = tokenize(text, 0, text.len());
        let two = features(&toks, 1, 3);
        assert!(two.iter().any(|x| x == "gzf=g"), "{two:?}");
        assert!(two.iter().any(|x| x == "gzl=s"), "{two:?}");
        let one = features(&toks, 4, 5);
        assert!(one.iter().any(|x| x == "gz1=-"), "{one:?}");
    }

    #[test]
    fn parse_and_print_round_trip() {
        let w = Weights::parse("# comment\nbias\t1\t-2\t3\t0\nw=x\t0\t0\t0\t5\n");
        assert_eq!(w.to_tsv(), "bias\t1\t-2\t3\t0\nw=x\t0\t0\t0\t5\n");
        let g = w.guess(&["bias".to_string(), "w=x".to_string()]);
        assert_eq!(g.name_type, NameType::Other);
        assert_eq!(g.margin, 2);
    }

    #[test]
    fn the_shipped_weights_type_unseen_names_from_context() {
        let w = weights();
        let cases = [
            (
                "The new chief, Mayor Jolanda Brekkeveld, said on Monday.",
                4,
                6,
                NameType::Person,
            ),
            (
                "He joined the Brekkel Foundation in 2010.",
                3,
                5,
                NameType::Institution,
            ),
            (
                "Chinese President Xi Jinping met them.",
                2,
                4,
                NameType::Person,
            ),
            (
                "He was born in Quelimane, a port town.",
                4,
                5,
                NameType::Place,
            ),
        ];
        for (text, a, b, want) in cases {
            let toks = tokenize(text, 0, text.len());
            assert_eq!(w.guess(&features(&toks, a, b)).name_type, want, "{text}");
        }
        // "X said" is strong evidence of a person: an institution before "said" is a
        // near tie, too close for resolution to act on (the lexicon's cue word
        // "Foundation" types this one anyway).
        let text = "A spokesman for the Brekkel Foundation said so.";
        let toks = tokenize(text, 0, text.len());
        let g = w.guess(&features(&toks, 4, 6));
        assert!(
            g.name_type == NameType::Institution || g.margin < MIN_MARGIN,
            "{g:?}"
        );
    }
}
