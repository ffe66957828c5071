//! Tokens of a sentence: words, numbers, possessive markers and punctuation, each with
//! its byte span in the article and its lowercase form.
//!
//! Words keep inner hyphens and periods ("Cold War-era", "Covid-19", "U.S."); a final
//! "'s" (straight or curly) is split off as its own [`TokKind::Possessive`] token, as is
//! the apostrophe of a plural possessive ("animals'"). Numbers keep inner `,` and `.`
//! between digits ("10,000", "3.5").

use std::borrow::Cow;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Possessive,
    Punct,
}

/// A token: its text, lowercase form and byte span `[start, end)` in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// The text lowercased (borrowed when it already is), curly apostrophes straight.
    pub lower: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Token<'_> {
    /// Starts with an uppercase letter.
    /// A word that starts with a capital, or an Arabic name with its article ("el-Sisi",
    /// "al-Assad"), which is written in names as a capitalised word is.
    pub fn is_capitalised(&self) -> bool {
        self.kind == TokKind::Word
            && (self.text.chars().next().is_some_and(char::is_uppercase)
                || arabic_article_name(self.text))
    }

    /// A word that starts lowercase (not "el-Sisi").
    pub fn is_lower_word(&self) -> bool {
        self.kind == TokKind::Word
            && self.text.chars().next().is_some_and(char::is_lowercase)
            && !arabic_article_name(self.text)
    }

    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == TokKind::Punct && self.text == c
    }

    /// Any quotation mark.
    pub fn is_quote(&self) -> bool {
        self.kind == TokKind::Punct
            && (quote_mark(self.text).is_some()
                || matches!(
                    self.text,
                    "\u{2018}" | "\u{2019}" | "'" | "\u{ab}" | "\u{bb}"
                ))
    }
}

/// Which way a double quotation mark faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMark {
    /// "“", or the TeX-style "``" some wires type for it.
    Open,
    /// "”", or "''".
    Close,
    /// '"': it opens or closes as the marks before it decide.
    Straight,
}

/// The TeX-style marks some wires type for curly double quotes: "``It was,'' she said".
/// (A token's lowercase form makes the backtick an apostrophe, so both read `''` there.)
pub const TEX_OPEN: &str = "``";
pub const TEX_CLOSE: &str = "''";

/// The double quotation mark that `text` (a token's text) is, if any: curly, straight
/// or TeX-style (``…'').
pub fn quote_mark(text: &str) -> Option<QuoteMark> {
    match text {
        "\u{201c}" | TEX_OPEN => Some(QuoteMark::Open),
        "\u{201d}" | TEX_CLOSE => Some(QuoteMark::Close),
        "\"" => Some(QuoteMark::Straight),
        _ => None,
    }
}

/// Whether `text` is a mark that may open a quotation ("“", '"', "``").
pub fn opens_quote(text: &str) -> bool {
    matches!(
        quote_mark(text),
        Some(QuoteMark::Open | QuoteMark::Straight)
    )
}

/// Whether `text` is a mark that may close a quotation ("”", '"', "''").
pub fn closes_quote(text: &str) -> bool {
    matches!(
        quote_mark(text),
        Some(QuoteMark::Close | QuoteMark::Straight)
    )
}

/// The lowercase form of a token, with a curly apostrophe or a backtick made straight;
/// borrowed when the token already is (most words are).
fn lowercase(piece: &str) -> Cow<'_, str> {
    if piece
        .bytes()
        .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii() && b != b'`')
    {
        return Cow::Borrowed(piece);
    }
    let mut out = if piece.is_ascii() {
        piece.to_ascii_lowercase()
    } else {
        piece.to_lowercase()
    };
    if out.contains(['\u{2019}', '`']) {
        out = out.replace(['\u{2019}', '`'], "'");
    }
    Cow::Owned(out)
}

/// A straight or curly apostrophe, or the backtick some wires type for one
/// ("Indonesia`s").
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '`')
}

/// The tokens of `text[start..end]`, with spans relative to `text`.
///
/// # Complexity
/// O(n) in the length of the range.
/// The length of a verb clitic ("m", "re", "ve", "ll", "d") that `rest` starts with and
/// that ends its word: "I’m", "we're", "they'll" are two tokens, the pronoun and the verb.
fn clitic_len(rest: &[(usize, char)]) -> Option<usize> {
    let word: String = rest
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .take(3)
        .collect::<String>()
        .to_lowercase();
    matches!(word.as_str(), "m" | "re" | "ve" | "ll" | "d").then_some(word.chars().count())
}

/// "el-Sisi", "al-Assad", "bin-Salman": a lowercase Arabic article or "bin", a hyphen and
/// a capitalised name.
fn arabic_article_name(word: &str) -> bool {
    [
        "al-", "el-", "ad-", "as-", "ash-", "ar-", "an-", "bin-", "ibn-",
    ]
    .iter()
    .any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Whether the last token is a period closing the word right before it, as in "Corp."
/// of "Brantor Corp.'s chairman": an apostrophe right after it opens a possessive.
fn abbreviation_period(out: &[Token]) -> bool {
    match out {
        [.., word, period] => {
            word.kind == TokKind::Word && period.text == "." && word.end == period.start
        }
        _ => false,
    }
}

pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(s.len(), |&(b, _)| b);
    let mut out = Vec::with_capacity(chars.len() / 5 + 1);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let from = i;
        let kind = if c.is_alphabetic() {
            i += 1;
            while i < chars.len() {
                let d = chars[i].1;
                let next = chars.get(i + 1).map(|&(_, n)| n);
                if d.is_alphanumeric() {
                    i += 1;
                } else if (d == '-' || d == '.') && next.is_some_and(char::is_alphanumeric) {
                    i += 2;
                } else if is_apostrophe(d)
                    && next.is_some_and(char::is_alphabetic)
                    && (!matches!(next, Some('s' | 'S'))
                        || chars.get(i + 2).is_some_and(|&(_, n)| n.is_alphanumeric()))
                    && clitic_len(&chars[i + 1..]).is_none()
                {
                    // "O'Brien", "didn't": the apostrophe stays inside the word.
                    i += 2;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final period, and so does a middle initial ("Joyce E.
            // McConnell"): one capital letter, a period, a space and a capitalised word.
            let word = &s[byte_at(from)..byte_at(i)];
            let period_next = chars.get(i).is_some_and(|&(_, d)| d == '.');
            let initialism = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
            let middle_initial = i == from + 1
                && c.is_uppercase()
                && chars.get(i + 1).is_some_and(|&(_, d)| d == ' ')
                && chars.get(i + 2).is_some_and(|&(_, d)| d.is_uppercase());
            if period_next && (initialism || middle_initial) {
                i += 1;
            }
            TokKind::Word
        } else if c.is_ascii_digit() {
            i += 1;
            while i < chars.len() {
                let d = chars[i].1;
                let next = chars.get(i + 1).map(|&(_, n)| n);
                if d.is_ascii_digit() {
                    i += 1;
                } else if (d == ',' || d == '.') && next.is_some_and(|n| n.is_ascii_digit()) {
                    i += 2;
                } else if d == '-' && next.is_some_and(char::is_alphanumeric) {
                    // "Covid-19"-like compounds starting with a digit: "19-year-old".
                    i += 2;
                } else if d.is_alphabetic() {
                    i += 1;
                } else {
                    break;
                }
            }
            TokKind::Number
        } else if matches!(
            (c, chars.get(i + 1).map(|&(_, n)| n)),
            ('`', Some('`')) | ('\'', Some('\''))
        ) {
            // "``It was,'' she said": TeX-style quotation marks, one token each.
            i += 2;
            TokKind::Punct
        } else if is_apostrophe(c)
            && out
                .last()
                .is_some_and(|t: &Token| t.end == start + chars[from].0)
            && (out.last().is_some_and(|t: &Token| t.kind == TokKind::Word)
                || abbreviation_period(&out))
        {
            let s_next = chars.get(i + 1).is_some_and(|&(_, n)| n == 's' || n == 'S');
            let after = chars.get(i + 2).map(|&(_, n)| n);
            if let Some(len) = clitic_len(&chars[i + 1..]) {
                i += 1 + len;
                TokKind::Word
            } else if s_next && !after.is_some_and(char::is_alphanumeric) {
                i += 2;
                TokKind::Possessive
            } else if out.last().is_some_and(|t: &Token| t.lower.ends_with('s'))
                && !chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
            {
                i += 1;
                TokKind::Possessive
            } else {
                i += 1;
                TokKind::Punct
            }
        } else {
            i += 1;
            TokKind::Punct
        };
        let (a, b) = (byte_at(from), byte_at(i));
        let piece = &s[a..b];
        out.push(Token {
            text: piece,
            lower: lowercase(piece),
            start: start + a,
            end: start + b,
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len())
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn arabic_articles_start_capitalised_names() {
        let text = "President Abdel Fattah el-Sisi met al-Ahram editors and el-quiet.";
        let t = tokenize(text, 0, text.len());
        let word = |w: &str| t.iter().find(|x| x.text == w).unwrap();
        assert!(word("el-Sisi").is_capitalised() && !word("el-Sisi").is_lower_word());
        assert!(word("al-Ahram").is_capitalised());
        assert!(!word("el-quiet").is_capitalised());
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            texts("Over 10,000 troops, a Cold War-era pact (3.5%)."),
            [
                "Over", "10,000", "troops", ",", "a", "Cold", "War-era", "pact", "(", "3.5", "%",
                ")", "."
            ]
        );
    }

    #[test]
    fn possessives_split_off() {
        assert_eq!(texts("Russia's region"), ["Russia", "'s", "region"]);
        assert_eq!(texts("Korea\u{2019}s zoo"), ["Korea", "\u{2019}s", "zoo"]);
        assert_eq!(texts("the birds' cage"), ["the", "birds", "'", "cage"]);
        assert_eq!(texts("People's Republic"), ["People", "'s", "Republic"]);
        let t = tokenize("Russia's", 0, 8);
        assert_eq!(t[1].kind, TokKind::Possessive);
        assert_eq!(t[1].lower, "'s");
        let t = tokenize("Indonesia`s army", 0, 16);
        assert_eq!(t[1].kind, TokKind::Possessive);
        assert_eq!(t[1].lower, "'s");
        assert_eq!(texts("Jakarta`s O`Brien"), ["Jakarta", "`s", "O`Brien"]);
        // After an abbreviation's period: "Brantor Corp.'s chairman".
        let t = tokenize("Brantor Corp.'s chairman", 0, 24);
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Brantor", "Corp", ".", "'s", "chairman"]);
        assert_eq!(t[3].kind, TokKind::Possessive);
        // Not after a sentence's period and a space, nor a quotation's.
        let t = tokenize("He left. 's", 0, 11);
        assert_ne!(t.last().unwrap().kind, TokKind::Possessive);
    }

    #[test]
    fn tex_style_quotation_marks_are_one_token_each() {
        let text = "``It was clean,'' he said of the birds' cage.";
        assert_eq!(
            texts(text),
            [
                "``", "It", "was", "clean", ",", "''", "he", "said", "of", "the", "birds", "'",
                "cage", "."
            ]
        );
        let t = tokenize(text, 0, text.len());
        assert_eq!(quote_mark(t[0].text), Some(QuoteMark::Open));
        assert_eq!(quote_mark(t[5].text), Some(QuoteMark::Close));
        assert!(t[0].is_quote() && t[5].is_quote());
    }

    #[test]
    fn inner_apostrophes_and_initialisms() {
        assert_eq!(texts("O'Brien didn't go"), ["O'Brien", "didn't", "go"]);
        assert_eq!(
            texts("I\u{2019}m sure we're done, they'd said"),
            [
                "I",
                "\u{2019}m",
                "sure",
                "we",
                "'re",
                "done",
                ",",
                "they",
                "'d",
                "said"
            ]
        );
        assert_eq!(texts("the U.S. army"), ["the", "U.S.", "army"]);
        assert_eq!(texts("in the U.S."), ["in", "the", "U.S."]);
    }

    #[test]
    fn a_middle_initial_keeps_its_period() {
        assert_eq!(
            texts("Joyce E. McConnell said"),
            ["Joyce", "E.", "McConnell", "said"]
        );
        assert_eq!(texts("George W. Bush"), ["George", "W.", "Bush"]);
        // Not before a small word, nor at the end, nor after a word of two letters.
        assert_eq!(texts("vitamin C. then"), ["vitamin", "C", ".", "then"]);
        assert_eq!(texts("plan B."), ["plan", "B", "."]);
        assert_eq!(texts("Mr. Smith"), ["Mr", ".", "Smith"]);
    }

    #[test]
    fn quotes_are_tokens() {
        let t = tokenize("\u{201c}Yes,\u{201d} he said", 0, 18);
        assert!(t[0].is_quote());
        assert_eq!(t[1].text, "Yes");
        assert!(t[3].is_quote());
    }

    #[test]
    fn spans_are_absolute() {
        let text = "xx Ab cd";
        let t = tokenize(text, 3, text.len());
        assert_eq!((t[0].start, t[0].end, t[1].start), (3, 5, 6));
    }
}
