//! Attributes of facts: counts ("two brown bears", "over 10,000 troops", "a dozen",
//! "25 species of pheasants") and dates ("in April", "in June 2024", "last month",
//! "on Tuesday", "earlier this year"), resolved against the article's date.

use super::tokens::{TokKind, Token};

/// Number words and their values.
const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Nouns that count kinds of a thing: "25 species of pheasants".
const KIND_NOUNS: [&str; 8] = [
    "species",
    "kinds",
    "types",
    "breeds",
    "varieties",
    "pairs",
    "heads",
    "head",
];

/// The value of a number written as one word or digits: "7", "10,000", "twenty-five".
pub fn number_value(word: &str) -> Option<u64> {
    if word.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        if word.contains('.') {
            return None;
        }
        let digits: String = word.chars().filter(|c| *c != ',').collect();
        return digits.parse().ok();
    }
    let word = word.to_lowercase();
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as u64);
    }
    if let Some(i) = TENS.iter().position(|t| *t == word) {
        return Some(20 + 10 * i as u64);
    }
    if let Some((t, u)) = word.split_once('-') {
        let tens = TENS.iter().position(|x| *x == t)?;
        let unit = UNITS[1..10].iter().position(|x| *x == u)?;
        return Some(20 + 10 * tens as u64 + unit as u64 + 1);
    }
    match word.as_str() {
        "dozen" => Some(12),
        "hundred" => Some(100),
        "thousand" => Some(1000),
        _ => None,
    }
}

/// The count written just before the noun phrase that starts at token `noun`: the
/// number, skipping up to two adjectives between ("two rare dogs"), reading "N species
/// of", multipliers ("two hundred", "a dozen") and "a"/"an" (1, for a singular noun).
pub fn count_before(tokens: &[Token], noun: usize, plural: bool) -> Option<u64> {
    let mut i = noun;
    // "25 species of": the kind noun and "of" come first.
    if i >= 2 && tokens[i - 1].lower == "of" && KIND_NOUNS.contains(&tokens[i - 2].lower.as_ref()) {
        let pairs = tokens[i - 2].lower == "pairs";
        let n = number_ending_at(tokens, i - 2)?;
        return Some(if pairs { n * 2 } else { n });
    }
    if i >= 3 && tokens[i - 1].lower == "of" && tokens[i - 2].lower == "pair" {
        return matches!(tokens[i - 3].lower.as_ref(), "a" | "one").then_some(2);
    }
    for _ in 0..3 {
        if i == 0 {
            return None;
        }
        if let Some(n) = number_ending_at(tokens, i) {
            return Some(n);
        }
        let prev = &tokens[i - 1];
        if !plural && matches!(prev.lower.as_ref(), "a" | "an") {
            return Some(1);
        }
        // "1,400 more troops": "more" between the number and its noun.
        let adjective = prev.is_lower_word()
            && (prev.lower == "more"
                || !super::lexicon::lexicons()
                    .function_words
                    .contains(prev.lower.as_ref()))
            && number_value(&prev.lower).is_none();
        if !adjective {
            return None;
        }
        i -= 1;
    }
    None
}

/// The number whose last token is `tokens[end - 1]`: "40", "10,000", "two hundred",
/// "a dozen", "twenty-five".
fn number_ending_at(tokens: &[Token], end: usize) -> Option<u64> {
    let last = tokens.get(end.checked_sub(1)?)?;
    if !matches!(last.kind, TokKind::Number | TokKind::Word) {
        return None;
    }
    let value = number_value(&last.lower)?;
    if matches!(last.lower.as_ref(), "dozen" | "hundred" | "thousand") {
        let before = end.checked_sub(2).and_then(|i| tokens.get(i));
        return match before {
            Some(t) if matches!(t.lower.as_ref(), "a" | "one") => Some(value),
            Some(t) => number_value(&t.lower)
                .filter(|_| t.lower != "dozen")
                .map(|n| n * value)
                .or(Some(value).filter(|_| last.lower == "dozen")),
            None => Some(value).filter(|_| last.lower == "dozen"),
        };
    }
    if last.lower == "zero" {
        return None;
    }
    // "3 000 troops": thousands set apart by a space, as some newsrooms write them.
    if last.kind == TokKind::Number && last.text.len() == 3 {
        let mut value = value;
        let mut scale = 1000;
        let mut k = end - 1;
        while let Some(prev) = k.checked_sub(1).map(|p| &tokens[p])
            && prev.kind == TokKind::Number
            && (1..=3).contains(&prev.text.len())
            && prev.text.bytes().all(|b| b.is_ascii_digit())
            && prev.end + 1 == tokens[k].start
        {
            value += number_value(&prev.lower)? * scale;
            scale *= 1000;
            k -= 1;
            if prev.text.len() < 3 {
                break;
            }
        }
        return (value > 0).then_some(value);
    }
    Some(value)
}

/// A calendar date, as precise as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Date {
    /// Parses an ISO-8601 prefix (`2024`, `2024-11`, `2024-11-22`).
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().map(str::parse).transpose().ok()?;
        let day = parts.next().map(str::parse).transpose().ok()?;
        Some(Date { year, month, day })
    }

    /// The ISO-8601 prefix.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// The same date without its day.
    pub fn month_only(&self) -> Date {
        Date { day: None, ..*self }
    }

    /// How precise: 0 year, 1 month, 2 day.
    pub fn precision(&self) -> u8 {
        self.month.map_or(0, |_| 1) + self.day.map_or(0, |_| 1)
    }
}

pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// The weekdays, lowercase, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months' short forms that are no one's name ("Sept. 6", "Oct. 12"; not "Jan",
/// "Mar" or "Jun", which are also names).
const MONTH_SHORT_FORMS: [&str; 7] = ["feb", "apr", "aug", "sept", "oct", "nov", "dec"];

/// A month or weekday name (lowercase), or a month's short form that is no one's name:
/// not a proper name on its own.
pub fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word) || MONTH_SHORT_FORMS.contains(&word)
}

/// The month (1-12) a word names: full names and the usual abbreviations.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w) && w.len() <= 4 && w != "mar"))
        .or_else(|| (w == "mar").then_some(2))
        .map(|i| i as u32 + 1)
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// A date expression found in a sentence: its token range and the date it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub date: Date,
}

/// The date expressions of a sentence, resolved against the article date (when there
/// is none, only expressions with a year resolve).
///
/// # Complexity
/// O(n) in the number of tokens.
pub fn find_dates(tokens: &[Token], article: Option<Date>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let word = |i: usize| tokens.get(i).map_or("", |t| t.lower.as_ref());
    let year_at = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == TokKind::Number && t.text.len() == 4)
            .and_then(|t| t.text.parse::<i32>().ok())
            .filter(|y| (1800..=2200).contains(y))
    };
    // "will sign the pact on Saturday": a weekday or a month in the clause of a "will" is
    // one to come ("will be sent, the zoo said on Tuesday" is not).
    let ahead = |i: usize| {
        tokens[..i]
            .iter()
            .rev()
            .take_while(|t| {
                !(t.is_punct(",") || matches!(t.lower.as_ref(), "said" | "says" | "told"))
            })
            .any(|t| matches!(t.lower.as_ref(), "will" | "shall"))
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let prev = if i > 0 { word(i - 1) } else { "" };
        // Month names: "in April", "June 2024", "Oct. 8", "8 October 2024", "last November".
        if t.is_capitalised()
            && let Some(m) = month_of(t.text)
        {
            let mut end = i + 1;
            if tokens.get(end).is_some_and(|n| n.is_punct(".")) && t.text.len() <= 4 {
                end += 1;
            }
            let mut day = tokens
                .get(end)
                .filter(|n| n.kind == TokKind::Number && n.text.len() <= 2)
                .and_then(|n| n.text.parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d));
            if day.is_some() {
                end += 1;
            }
            if day.is_none() && i > 0 {
                day = tokens[i - 1]
                    .text
                    .parse::<u32>()
                    .ok()
                    .filter(|d| (1..=31).contains(d) && tokens[i - 1].kind == TokKind::Number);
            }
            if tokens.get(end).is_some_and(|n| n.is_punct(",")) && year_at(end + 1).is_some() {
                end += 1;
            }
            let year = year_at(end);
            if year.is_some() {
                end += 1;
            }
            let cue = matches!(
                prev,
                "in" | "since"
                    | "last"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "until"
                    | "by"
                    | "from"
                    | "on"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
                    | "next"
            );
            if t.lower == "may" && !cue && day.is_none() && year.is_none() {
                i += 1;
                continue;
            }
            if !(cue || day.is_some() || year.is_some()) {
                i += 1;
                continue;
            }
            let date = match (year, article) {
                (Some(y), _) => Some(Date {
                    year: y,
                    month: Some(m),
                    day,
                }),
                (None, Some(a)) => {
                    let am = a.month.unwrap_or(12);
                    let y = if prev == "last" {
                        if m < am { a.year } else { a.year - 1 }
                    } else if prev == "next" {
                        if m > am { a.year } else { a.year + 1 }
                    } else if ahead(i) {
                        if m >= am { a.year } else { a.year + 1 }
                    } else if m <= am {
                        a.year
                    } else {
                        a.year - 1
                    };
                    Some(Date {
                        year: y,
                        month: Some(m),
                        day,
                    })
                }
                (None, None) => None,
            };
            if let Some(date) = date {
                let start = if matches!(prev, "last" | "next" | "this") {
                    i - 1
                } else {
                    i
                };
                out.push(DateExpr { start, end, date });
            }
            i = end.max(i + 1);
            continue;
        }
        // A year alone: "in 2023".
        if let Some(y) = year_at(i)
            && matches!(
                prev,
                "in" | "since" | "of" | "by" | "until" | "during" | "early" | "late"
            )
        {
            out.push(DateExpr {
                start: i,
                end: i + 1,
                date: Date {
                    year: y,
                    month: None,
                    day: None,
                },
            });
            i += 1;
            continue;
        }
        if let Some(a) = article {
            let am = a.month.unwrap_or(1);
            let relative = match (prev, t.lower.as_ref()) {
                ("last", "month") => Some((
                    i - 1,
                    if am == 1 {
                        Date {
                            year: a.year - 1,
                            month: Some(12),
                            day: None,
                        }
                    } else {
                        Date {
                            year: a.year,
                            month: Some(am - 1),
                            day: None,
                        }
                    },
                )),
                ("this", "month") => Some((i - 1, a.month_only())),
                ("last", "year") => Some((
                    i - 1,
                    Date {
                        year: a.year - 1,
                        month: None,
                        day: None,
                    },
                )),
                ("this", "year") => Some((
                    i - 1,
                    Date {
                        year: a.year,
                        month: None,
                        day: None,
                    },
                )),
                (_, "today") if a.day.is_some() => Some((i, a)),
                (_, "yesterday") if a.day.is_some() => Some((i, shift(a, -1))),
                _ => None,
            };
            if let Some((start, date)) = relative {
                out.push(DateExpr {
                    start,
                    end: i + 1,
                    date,
                });
                i += 1;
                continue;
            }
            if t.is_capitalised()
                && let Some(wd) = WEEKDAYS.iter().position(|w| *w == t.lower)
                && let (Some(m), Some(d)) = (a.month, a.day)
            {
                let today = days_from_civil(a.year, m, d);
                // 1970-01-01 was a Thursday (index 3).
                let today_wd = (today + 3).rem_euclid(7);
                let shift = if prev == "next" || ahead(i) {
                    (wd as i64 - today_wd).rem_euclid(7)
                } else {
                    -(today_wd - wd as i64).rem_euclid(7)
                };
                let (y, m, d) = civil_from_days(today + shift);
                out.push(DateExpr {
                    start: i,
                    end: i + 1,
                    date: Date {
                        year: y,
                        month: Some(m),
                        day: Some(d),
                    },
                });
            }
        }
        i += 1;
    }
    out
}

/// A day-precise date moved by `days`.
fn shift(a: Date, days: i64) -> Date {
    let (Some(m), Some(d)) = (a.month, a.day) else {
        return a;
    };
    let (y, m, d) = civil_from_days(days_from_civil(a.year, m, d) + days);
    Date {
        year: y,
        month: Some(m),
        day: Some(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn count(text: &str, noun: &str, plural: bool) -> Option<u64> {
        let toks = tokenize(text, 0, text.len());
        let i = toks.iter().position(|t| t.text == noun).unwrap();
        count_before(&toks, i, plural)
    }

    #[test]
    fn counts() {
        assert_eq!(count("he gave three old tigers", "old", true), Some(3));
        assert_eq!(count("over 12,500 sailors", "sailors", true), Some(12500));
        assert_eq!(count("more than 70 horses", "horses", true), Some(70));
        assert_eq!(count("thirty-two wolves", "wolves", true), Some(32));
        assert_eq!(count("a dozen geese", "geese", true), Some(12));
        assert_eq!(count("two dozen geese", "geese", true), Some(24));
        assert_eq!(count("two hundred geese", "geese", true), Some(200));
        assert_eq!(count("12 kinds of owls", "owls", true), Some(12));
        assert_eq!(count("three pairs of swans", "swans", true), Some(6));
        assert_eq!(count("a pair of swans", "swans", true), Some(2));
        assert_eq!(count("an old tiger", "tiger", false), Some(1));
        assert_eq!(count("the tigers", "tigers", true), None);
    }

    #[test]
    fn counts_past_more() {
        assert_eq!(count("send 1,400 more troops", "troops", true), Some(1400));
        assert_eq!(count("two more pandas", "pandas", true), Some(2));
        // "more" alone counts nothing.
        assert_eq!(count("send more troops", "troops", true), None);
    }

    #[test]
    fn counts_with_thousands_set_apart_by_spaces() {
        assert_eq!(count("about 3 000 troops", "troops", true), Some(3000));
        assert_eq!(count("some 12 500 sailors", "sailors", true), Some(12500));
        assert_eq!(count("1 200 000 doses", "doses", true), Some(1_200_000));
        assert_eq!(count("all 300 troops", "troops", true), Some(300));
        // A year before the number is no thousands group.
        assert_eq!(count("in 2004 300 troops", "troops", true), Some(300));
        assert_eq!(count("000 troops", "troops", true), None);
    }

    fn dates(text: &str, article: &str) -> Vec<String> {
        let toks = tokenize(text, 0, text.len());
        find_dates(&toks, Date::parse(article))
            .into_iter()
            .map(|d| d.date.iso())
            .collect()
    }

    #[test]
    fn month_names_resolve_against_the_article() {
        assert_eq!(dates("It happened in March.", "2023-05-10"), ["2023-03"]);
        assert_eq!(
            dates("It happened in September.", "2023-05-10"),
            ["2022-09"]
        );
        assert_eq!(dates("It happened last May.", "2023-05-10"), ["2022-05"]);
        assert_eq!(dates("They met in July 2021.", "2023-05-10"), ["2021-07"]);
        assert_eq!(
            dates("They met on Oct. 8, 2021.", "2023-05-10"),
            ["2021-10-08"]
        );
        assert_eq!(
            dates("They met on 8 October.", "2023-12-10"),
            ["2023-10-08"]
        );
        assert_eq!(dates("You may go.", "2023-05-10"), Vec::<String>::new());
    }

    #[test]
    fn relative_dates() {
        assert_eq!(dates("It came last month.", "2023-01-10"), ["2022-12"]);
        assert_eq!(dates("Earlier this year it came.", "2023-01-10"), ["2023"]);
        assert_eq!(dates("It came last year.", "2023-01-10"), ["2022"]);
        // 2023-05-10 is a Wednesday.
        assert_eq!(dates("It came on Monday.", "2023-05-10"), ["2023-05-08"]);
        assert_eq!(dates("It came on Wednesday.", "2023-05-10"), ["2023-05-10"]);
        assert_eq!(dates("It came on Thursday.", "2023-05-10"), ["2023-05-04"]);
        assert_eq!(dates("It came yesterday.", "2023-03-01"), ["2023-02-28"]);
        assert_eq!(dates("It came in 2019.", "2023-03-01"), ["2019"]);
    }

    #[test]
    fn a_date_in_the_clause_of_a_will_is_one_to_come() {
        // 2023-05-10 is a Wednesday.
        for text in [
            "They will sign it on Saturday.",
            "They will sign it before Saturday's game.",
            "The pact shall be signed on Saturday.",
            "They sign it next Saturday.",
        ] {
            assert_eq!(dates(text, "2023-05-10"), ["2023-05-13"], "{text}");
        }
        assert_eq!(dates("It will open in March.", "2023-05-10"), ["2024-03"]);
        assert_eq!(dates("It will open in May.", "2023-05-10"), ["2023-05"]);
        assert_eq!(dates("It will open in July.", "2023-05-10"), ["2023-07"]);
        // The date of the saying, after the claim's "will", is past.
        for text in [
            "It will be sent to Peru, the zoo said on Saturday.",
            "It will be sent to Peru, a zoo said Saturday.",
            "It will be sent to Peru the zoo said on Saturday.",
            "It was signed on Saturday.",
        ] {
            assert_eq!(dates(text, "2023-05-10"), ["2023-05-06"], "{text}");
        }
    }

    #[test]
    fn no_article_date_needs_a_year() {
        assert_eq!(dates("in April and in June 2020", ""), ["2020-06"]);
    }

    #[test]
    fn civil_round_trip() {
        for z in [-1000, 0, 19_000, 20_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }
}
