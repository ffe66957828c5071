//! Article text: the optional header (`source:`, `date:` and `title:` lines, then a
//! blank line), paragraphs and sentences with their byte spans in the file.
//!
//! Sentence splitting is one pass over the characters of each paragraph. A `.`, `!` or
//! `?` (with any closing quotes or brackets after it) ends a sentence when an uppercase
//! letter, an opening quote or a digit follows after white space, or an uppercase letter
//! follows at once ("Oct. 8.In a statement"). It does not after an abbreviation
//! ("Mr.", "Oct.", "St."), an initial ("J. Smith"), an initialism ("U.S."), or inside a
//! number ("3.5"). A blank line always ends a sentence.

use super::lexicon::lexicons;
use crate::model::is_date_prefix;

/// The header of an article file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub source: Option<String>,
    pub date: Option<String>,
    /// Byte offset where the body starts (0 when there is no header).
    pub body_start: usize,
    /// The byte range of the `title:` line's value, if any.
    pub title: Option<(usize, usize)>,
}

/// A `date:` header line that is not an ISO-8601 date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("date header '{0}' is not an ISO-8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct BadDate(pub String);

/// The keys a header line may have.
const HEADER_KEYS: [&str; 3] = ["source", "date", "title"];

/// Reads the header: a run of `key: value` lines at the top (keys `source`, `date`,
/// `title`) closed by a blank line or the end of the file. Anything else means the file
/// has no header and the body starts at 0.
pub fn parse_header(text: &str) -> Result<Header, BadDate> {
    let mut header = Header::default();
    let mut pos = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let mut seen = false;
    loop {
        let rest = &text[pos..];
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = rest[..line_end].trim();
        if line.is_empty() {
            if !seen {
                return Ok(Header::default());
            }
            header.body_start = pos + line_end;
            break;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Ok(Header::default());
        };
        let key = key.trim().to_ascii_lowercase();
        if !HEADER_KEYS.contains(&key.as_str()) {
            return Ok(Header::default());
        }
        let value = value.trim().to_string();
        match key.as_str() {
            "source" => header.source = Some(value),
            "title" if !value.is_empty() => {
                // The value's bytes: past the colon and the blanks after it.
                let after = rest.find(':').map_or(0, |c| c + 1);
                let start = pos + after + (rest[after..].len() - rest[after..].trim_start().len());
                header.title = Some((start, start + value.len()));
            }
            "date" => {
                if !is_date_prefix(&value) {
                    return Err(BadDate(value));
                }
                header.date = Some(value);
            }
            _ => {}
        }
        seen = true;
        pos += line_end;
        if pos >= text.len() {
            header.body_start = text.len();
            break;
        }
    }
    Ok(header)
}

/// A sentence: its byte range `[start, end)` in the text, trimmed of white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// The sentences of `text[from..]` that contain at least one letter, in order.
///
/// # Complexity
/// O(n) in the length of the text.
pub fn sentences(text: &str, from: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    let from = from.min(text.len());
    for (start, end) in paragraphs(text, from) {
        split_paragraph(text, start, end, &mut out);
    }
    out
}

/// The paragraphs of `text[from..]`: ranges separated by blank lines.
fn paragraphs(text: &str, from: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = from;
    let mut line_start = from;
    let mut blank_run = false;
    for (i, b) in text.bytes().enumerate().skip(from) {
        if b == b'\n' {
            let line = &text[line_start..i];
            if line.trim().is_empty() {
                if !blank_run && start < line_start {
                    out.push((start, line_start));
                }
                blank_run = true;
                start = i + 1;
            } else {
                blank_run = false;
            }
            line_start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '\u{bb}'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\u{ab}'
    )
}

/// Pushes the sentences of the paragraph `text[start..end]`.
fn split_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let para = &text[start..end];
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut sent_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            i += 1;
            continue;
        }
        // Run of terminators and closers.
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '\u{2026}') {
            j += 1;
        }
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let boundary = j < chars.len() && ends_here(para, &chars, i, j, c == '.' && j == i + 1);
        if boundary {
            let cut = chars[j].0;
            push_trimmed(text, start + sent_start, start + cut, out);
            sent_start = cut;
        }
        i = j;
    }
    push_trimmed(text, start + sent_start, end, out);
}

/// Whether the terminator at `chars[i]`, whose run ends before `chars[j]`, ends a
/// sentence. `lone_period` is true for a single `.` with nothing after it but closers.
fn ends_here(para: &str, chars: &[(usize, char)], i: usize, j: usize, lone_period: bool) -> bool {
    let next = chars[j].1;
    let spaced = next.is_whitespace();
    let mut k = j;
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    let Some(&(_, after)) = chars.get(k) else {
        return false;
    };
    let starts_sentence = after.is_uppercase()
        || (spaced && (is_opener(after) || after.is_ascii_digit()))
        || (spaced && !after.is_alphanumeric() && after != ',' && after != ';');
    if !starts_sentence {
        return false;
    }
    // "on Monday.The ministry said", "by name.\u{201d}The summit": run together, the
    // capital after a period (and closing quotes) still starts a sentence.
    let run_together = after.is_uppercase()
        && chars[i].1 == '.'
        && chars[i + 1..j].iter().all(|&(_, c)| is_closer(c));
    if !(spaced || run_together) {
        return false;
    }
    if lone_period || chars[i].1 == '.' {
        // The word before the period.
        let end = chars[i].0;
        let word_start = para[..end]
            .rfind(|c: char| c.is_whitespace() || is_opener(c) || c == '(')
            .map_or(0, |p| {
                p + para[p..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &para[word_start..end];
        if is_abbreviation(word) {
            return false;
        }
        // "BETHESDA, Md. (AP) —", "FREMONT, Calif. -- Tesla said": a state's
        // abbreviation before a bracket or a dash ends no sentence.
        if lexicons().state_abbreviations.contains_key(word)
            && matches!(after, '(' | '\u{2014}' | '\u{2013}' | '-')
        {
            return false;
        }
        if !spaced {
            // "8.In": only after a lowercase letter or a digit, never inside "U.S.A".
            let prev = word.chars().last();
            if !prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) {
                return false;
            }
        }
    }
    true
}

/// "Mr", "Oct", an initial "J", an initialism "U.S".
fn is_abbreviation(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let single_capital = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
        && word.chars().count() == 1;
    single_capital
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
        || lexicons().abbreviations.contains(word)
}

/// Pushes `text[start..end]` trimmed of white space, if it holds a letter.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.chars().any(char::is_alphabetic) {
        out.push(Sentence {
            start: start + lead,
            end: start + lead + trimmed.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn the_title_line_s_value_is_found_by_its_bytes() {
        let text = "source: Wire\ntitle:   Ana Lind to retire \n\nBody.";
        let h = parse_header(text).unwrap();
        let (a, b) = h.title.unwrap();
        assert_eq!(&text[a..b], "Ana Lind to retire");
        assert_eq!(parse_header("date: 2024\n\nBody.").unwrap().title, None);
    }

    #[test]
    fn header_is_read() {
        let text = "source: Daily Planet\ndate: 2023-05-02\n\nThe body.";
        let h = parse_header(text).unwrap();
        assert_eq!(h.source.as_deref(), Some("Daily Planet"));
        assert_eq!(h.date.as_deref(), Some("2023-05-02"));
        assert_eq!(&text[h.body_start..], "The body.");
    }

    #[test]
    fn no_header_starts_at_zero() {
        assert_eq!(
            parse_header("Note: this is prose.\n\nMore.")
                .unwrap()
                .body_start,
            0
        );
        assert_eq!(parse_header("Plain text.").unwrap().body_start, 0);
        assert_eq!(parse_header("").unwrap().body_start, 0);
    }

    #[test]
    fn bad_date_header_is_an_error() {
        let err = parse_header("date: May 2nd\n\nText.").unwrap_err();
        assert_eq!(err, BadDate("May 2nd".into()));
    }

    #[test]
    fn a_dateline_state_before_a_bracket_or_dash_does_not_split() {
        assert_eq!(
            split("BETHESDA, Md. (AP) \u{2014} The library reopened. It is new."),
            [
                "BETHESDA, Md. (AP) \u{2014} The library reopened.",
                "It is new."
            ]
        );
        assert_eq!(
            split("FREMONT, Calif. -- Tesla said so."),
            ["FREMONT, Calif. -- Tesla said so."]
        );
        // At the end of a sentence it still ends it.
        assert_eq!(
            split("She moved to Fresno, Calif. The city is hot."),
            ["She moved to Fresno, Calif.", "The city is hot."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones on Oct. 8 in St. Louis. They talked."),
            [
                "Mr. Smith met Dr. Jones on Oct. 8 in St. Louis.",
                "They talked."
            ]
        );
        assert_eq!(
            split("The U.S. envoy came. J. Smith left."),
            ["The U.S. envoy came.", "J. Smith left."]
        );
    }

    #[test]
    fn decimals_and_run_together_sentences() {
        assert_eq!(
            split("Growth was 3.5 percent on Oct. 8.In a statement, the bank agreed."),
            [
                "Growth was 3.5 percent on Oct. 8.",
                "In a statement, the bank agreed."
            ]
        );
        assert_eq!(
            split("Prices rose sharply.Then they fell."),
            ["Prices rose sharply.", "Then they fell."]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("She said: \u{201c}We are ready.\u{201d} Then she left."),
            ["She said: \u{201c}We are ready.\u{201d}", "Then she left."]
        );
        assert_eq!(
            split("He said, \"It works. It is fast.\" Nobody replied!"),
            ["He said, \"It works.", "It is fast.\"", "Nobody replied!"]
        );
        assert_eq!(
            split("They wrote \u{201c}Peace first\u{201d} on the wall."),
            ["They wrote \u{201c}Peace first\u{201d} on the wall."]
        );
    }

    #[test]
    fn blank_lines_end_sentences() {
        assert_eq!(
            split("A headline without a stop\n\nThe body starts here.\nIt goes on"),
            [
                "A headline without a stop",
                "The body starts here.",
                "It goes on"
            ]
        );
    }

    #[test]
    fn spans_are_exact() {
        let text = "  One here.   Two there!  \n\n\n  ...  \n Three?";
        for s in sentences(text, 0) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        assert_eq!(split(text), ["One here.", "Two there!", "Three?"]);
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("See e.g. the report. Fine."),
            ["See e.g. the report.", "Fine."]
        );
    }
}
