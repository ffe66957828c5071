//! Speech and attribution: `X stated S`, S a statement entity named by the claim.
//!
//! * `speech-quote`: "X said, “…”", "“…,” X said", "“…,” said X", and a quotation
//!   standing alone in the sentence before "X said.";
//! * `speech-clause`: "X emphasised (that) the claim …";
//! * `speech-attribution`: "…, reported X." / "…, X said." after a clause;
//! * `according-to`: "According to X, …" and "…, according to X."
//!
//! The statement's name is the claim, trimmed of quotes, cut to [`MAX_WORDS`] words.

use super::table::Rule;
use super::{Ctx, RELATIVISERS, Sentence};
use crate::extract::lexicon::{Family, RoleLink, lexicons};
use crate::extract::mentions::{self, MentionKind};
use crate::extract::tokens::{TEX_CLOSE, TEX_OPEN, TokKind};
use crate::model::{Kind, Relation};

/// The longest statement name, in words.
pub const MAX_WORDS: usize = 60;

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    let inherited = ctx.quote_speaker.take();
    let before = ctx.facts.len();
    let mut verbs = ctx.triggers(Family::Speech);
    // "A and B agreed that …", "X concurred that …": a view the subjects share is what
    // each of them states; "agreed to …" and "agreed on …" are no claim.
    verbs.extend((0..s.tokens.len()).filter(|&i| {
        matches!(
            s.word(i),
            "agree" | "agrees" | "agreed" | "concur" | "concurs" | "concurred"
        ) && s.word(i + 1) == "that"
    }));
    // "X pointed out that …": the particle stands for the verb, so that the claim is
    // read after it.
    let particles: Vec<usize> = (1..s.tokens.len())
        .filter(|&i| {
            s.word(i) == "out"
                && matches!(s.word(i - 1), "point" | "points" | "pointed" | "pointing")
                && s.word(i + 1) == "that"
        })
        .collect();
    verbs.extend(&particles);
    verbs.sort_unstable();
    verbs.dedup();
    for &i in &verbs {
        // "declined to say": an infinitive reports nothing.
        // "denied reports that …": the noun after a denial is what is denied.
        let denied_noun = i > 0 && lexicons().is(s.word(i - 1), Family::Denial);
        // "said on Friday that it hoped the treaty …": a report inside the claim of an
        // earlier verb, which holds it whole.
        // "said he believes …" too.
        // ("said A and he added that B": a speech of its own.)
        let nested = i >= 2
            && matches!(s.word(i - 1), "he" | "she" | "it" | "they" | "we" | "i")
            && s.word(i - 2) != "and"
            && verbs.iter().any(|&j| {
                j + 2 <= i
                    && j + 8 > i
                    && s.is_verb_use(j)
                    && (j + 1..i).all(|k| s.tokens[k].kind != TokKind::Punct)
            });
        if (s.is_verb_use(i) || particles.contains(&i))
            && !s.in_quote[i]
            && s.word(i.wrapping_sub(1)) != "to"
            && !denied_noun
            && !nested
        {
            if let Some(pair) = pair_subject(ctx, i) {
                joint_claim(ctx, i, pair, false);
                continue;
            }
            let from = ctx.facts.len();
            speech_verb(ctx, i);
            coordinated_speakers(ctx, i, from);
        }
    }
    // "Both leaders agreed to …", "… agreed on …": a pair's joint undertaking.
    for i in 0..s.tokens.len() {
        if matches!(s.word(i), "agree" | "agreed" | "agrees")
            && matches!(s.word(i + 1), "to" | "on" | "upon")
            && !s.in_quote[i]
            && let Some(pair) = pair_subject(ctx, i)
        {
            joint_claim(ctx, i, pair, false);
        }
    }
    for i in ctx.triggers(Family::Stance) {
        if s.is_verb_use(i) && !s.in_quote[i] {
            if let Some(pair) = pair_subject(ctx, i) {
                joint_claim(ctx, i, pair, true);
                continue;
            }
            let from = ctx.facts.len();
            stance(ctx, i);
            coordinated_speakers(ctx, i, from);
        }
    }
    for i in 0..s.tokens.len() {
        // "according to X", "as per X": the same attribution.
        let according = matches!(
            (s.word(i), s.word(i + 1)),
            ("according", "to") | ("as", "per")
        );
        if according && !s.in_quote[i] {
            according_to(ctx, i);
        }
        if s.word(i) == "called" && !s.in_quote[i] && !s.is_blocked(i) {
            called(ctx, i);
        }
        if matches!(
            s.word(i),
            "described" | "describes" | "characterized" | "characterised"
        ) && !s.in_quote[i]
            && !s.is_blocked(i)
        {
            described(ctx, i);
        }
        if matches!(s.word(i), "thanked" | "thanks" | "thank" | "thanking")
            && !s.in_quote[i]
            && !s.is_blocked(i)
        {
            thanked(ctx, i);
        }
        if matches!(s.word(i), "report" | "reports" | "claim" | "claims")
            && matches!(s.word(i + 1), "by" | "from")
            && !s.in_quote[i]
        {
            report_by(ctx, i);
        }
    }
    // "X said: “First. Second.”": a sentence inside a quotation that an earlier sentence
    // opened after naming X, and that names no speaker of its own, is X's.
    let silent = |ctx: &Ctx| {
        ctx.facts[before..]
            .iter()
            .all(|f| f.relation != Relation::Stated)
    };
    if let Some(speaker) = inherited
        && s.in_quote.first() == Some(&true)
        && silent(ctx)
    {
        continue_quote(ctx, speaker, 0, Rule::SpeechQuoteContinued);
    }
    // "…, X said. ¶ “Next quotation.”": a paragraph that opens with a quotation naming no
    // speaker continues the last speaker's words.
    if let Some(speaker) = ctx.last_speaker
        && s.tokens.first().is_some_and(|t| is_open_quote(t.text))
        && silent(ctx)
    {
        continue_quote(ctx, speaker, 1, Rule::SpeechQuoteParagraph);
    }
}

/// The quotation from token `from` to its closing mark is `speaker`'s (for a paragraph
/// that opens with a quotation, only when nothing but punctuation follows the mark); a
/// quotation still open at the end of the sentence stays theirs for the next one.
fn continue_quote(ctx: &mut Ctx, speaker: usize, from: usize, rule: Rule) {
    let s = ctx.sentence;
    let close = (from..s.tokens.len())
        .find(|&k| is_close_quote(s.tokens[k].text) && !s.in_quote[k])
        .unwrap_or(s.tokens.len());
    if rule == Rule::SpeechQuoteParagraph
        && !s.tokens[close..].iter().all(|t| t.kind == TokKind::Punct)
    {
        return;
    }
    emit_statement(ctx, speaker, Some((from, close)), rule, 0);
    if close == s.tokens.len() {
        ctx.quote_speaker = Some(speaker);
    }
}

/// "Shavkat Mirziyoyev and Vladimir Putin said that …": what the first of coordinated
/// subjects was found to state (facts from `from` on), the others state too.
fn coordinated_speakers(ctx: &mut Ctx, i: usize, from: usize) {
    let s = ctx.sentence;
    let subjects = s.subjects_before(i);
    let [first, rest @ ..] = subjects.as_slice() else {
        return;
    };
    // The list stands right before the verb ("A and B said"), not in an earlier clause
    // ("… to Latvia, Estonia and Finland, officials said").
    if rest.is_empty() || s.mentions[*subjects.last().expect("two")].end + 2 < i {
        return;
    }
    let Some(first) = speaker_entity(ctx, Some(*first)) else {
        return;
    };
    let others: Vec<usize> = rest
        .iter()
        .filter_map(|&m| speaker_entity(ctx, Some(m)))
        .collect();
    let said: Vec<RawFactCopy> = ctx.facts[from..]
        .iter()
        .filter(|f| f.relation == Relation::Stated && f.subject == first)
        .map(|f| (f.object, f.date.clone(), f.rule))
        .collect();
    for (statement, date, rule) in said {
        for &o in &others {
            ctx.emit(o, Relation::Stated, statement, None, date.clone(), rule);
        }
    }
}

/// A statement fact's object, date and rule.
type RawFactCopy = (usize, Option<String>, Rule);

fn is_speaker(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Person | Kind::Institution | Kind::Country | Kind::Group
    )
}

fn speaker_entity(ctx: &Ctx, m: Option<usize>) -> Option<usize> {
    let m = m?;
    let e = ctx.entity(m)?;
    // "Beijing said …": a capital that speaks stands for its government.
    let metonym = matches!(ctx.sentence.mentions[m].kind, MentionKind::Capital(_))
        && !ctx.sentence.prepositional(m);
    (is_speaker(ctx.kind(e)) || metonym).then_some(e)
}

fn is_open_quote(t: &str) -> bool {
    crate::extract::tokens::opens_quote(t)
}

fn is_close_quote(t: &str) -> bool {
    crate::extract::tokens::closes_quote(t)
}

/// The claim in tokens `[a, b)`, as a statement name.
/// A quotation may be two words ("“I’m honoured,” he said"); a reported clause has three
/// or more.
fn claim(s: &Sentence, a: usize, b: usize, min_words: usize) -> Option<String> {
    let mut a = a;
    let mut b = b.min(s.tokens.len());
    let trim = |t: &str| {
        matches!(t, "," | ":" | ";" | "." | "\u{2014}" | "-")
            || crate::extract::tokens::quote_mark(t).is_some()
    };
    // A leading "that" is the complementizer, not "That's why …".
    let complementizer = |k: usize| {
        s.word(k) == "that"
            && s.tokens
                .get(k + 1)
                .is_none_or(|t| t.kind != crate::extract::tokens::TokKind::Possessive)
    };
    while a < b && (trim(s.tokens[a].text) || complementizer(a)) {
        a += 1;
    }
    // "… had failed and that …": the conjunction before a clause boundary.
    while b > a && (trim(s.tokens[b - 1].text) || matches!(s.word(b - 1), "and" | "but")) {
        b -= 1;
    }
    if b <= a {
        return None;
    }
    let text = &s.text[s.tokens[a].start..s.tokens[b - 1].end];
    let words: Vec<&str> = text.split_whitespace().take(MAX_WORDS).collect();
    if words.len() < min_words {
        return None;
    }
    let mut name = words.join(" ");
    name = name.trim_end_matches([',', ';', ':']).to_string();
    // "The bears are “national treasures,”": a quotation mark left without its partner
    // by the cut, and with it the other marks, goes.
    if !balanced_quotes(&name) {
        name = name
            .split_whitespace()
            .map(|w| {
                w.trim_start_matches(TEX_OPEN)
                    .trim_end_matches(TEX_CLOSE)
                    .trim_matches(['\u{201c}', '\u{201d}', '"'])
            })
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    let mut chars = name.chars();
    Some(match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => name,
    })
}

/// Whether every curly or TeX-style quotation mark in `text` has its partner and
/// straight marks come in pairs.
fn balanced_quotes(text: &str) -> bool {
    let count = |c: &str| text.matches(c).count();
    count("\u{201c}") == count("\u{201d}")
        && count(TEX_OPEN) == count(TEX_CLOSE)
        && count("\"") % 2 == 0
}

/// "The bears are “national treasures,” the envoy said": the start of the writer's
/// words that lead into a quotation opening mid-clause at token `open` (its mark), the
/// claim running from them through the quotation. None when a punctuation mark or a
/// speech verb comes right before the quotation ("said: “…”", "said “…”"), when the
/// quotation opens on a capital, or with another quotation or a colon before it in its
/// clause.
fn lead_in(s: &Sentence, open: usize) -> Option<usize> {
    let before = open.checked_sub(1)?;
    let t = &s.tokens[before];
    if t.kind == TokKind::Punct || t.is_quote() || lexicons().is(s.word(before), Family::Speech) {
        return None;
    }
    // "… between the two nations “With the support of …”": a capital opening the
    // quotation starts a sentence of its own, run into the writer's.
    if s.tokens.get(open + 1).is_none_or(|t| t.is_capitalised()) {
        return None;
    }
    let (start, end) = main_clause_before(s, open)?;
    (end == open
        && start < open
        && (start..open).all(|k| !s.tokens[k].is_quote() && !s.tokens[k].is_punct(":")))
    .then_some(start)
}

/// When a sentence ends inside a quotation, the claim from the quotation's opening
/// mark to the end of the sentence.
pub fn quote_left_open(s: &Sentence) -> Option<String> {
    let last = s.tokens.len().checked_sub(1)?;
    let open_at_end = s.in_quote[last] || is_open_quote(s.tokens[last].text);
    if !open_at_end {
        return None;
    }
    let open = (0..s.tokens.len())
        .rev()
        .find(|&k| is_open_quote(s.tokens[k].text) && !s.in_quote[k])
        .map_or(0, |k| k + 1);
    claim(s, open, s.tokens.len(), 3)
}

/// A quotation starting right after token `i` (past "," ":" "that"): its token range.
fn quote_after(s: &Sentence, i: usize) -> Option<(usize, usize)> {
    let mut j = i + 1;
    while j < s.tokens.len() && matches!(s.tokens[j].text, "," | ":" | "that" | "only") {
        j += 1;
    }
    // "said in court after the sentencing, “…”": past a short phrase of where or when
    // to the quotation it opens on.
    if s.tokens.get(j).is_some_and(|t| !is_open_quote(t.text))
        && (CIRCUMSTANCE_OPENERS.contains(&s.word(j)) || SETTING_OPENERS.contains(&s.word(j)))
        && let Some(k) = (j + 1..s.tokens.len().min(j + 8))
            .find(|&k| s.tokens[k].is_quote() || matches!(s.tokens[k].text, "," | ":"))
        && matches!(s.tokens[k].text, "," | ":")
        && s.tokens.get(k + 1).is_some_and(|t| is_open_quote(t.text))
        && s.tokens.get(k + 2).is_some_and(|t| t.is_capitalised())
    {
        j = k + 1;
    }
    let t = s.tokens.get(j)?;
    if !is_open_quote(t.text) {
        return None;
    }
    let end = (j + 1..s.tokens.len())
        .find(|&k| is_close_quote(s.tokens[k].text))
        .unwrap_or(s.tokens.len());
    Some((j + 1, end))
}

/// Besides [`CIRCUMSTANCE_OPENERS`], the words that open a phrase of where or when
/// between a speech verb and its quotation: "said in court, “…”", "said on Monday: “…”".
const SETTING_OPENERS: [&str; 11] = [
    "in",
    "at",
    "on",
    "outside",
    "from",
    "later",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "afterwards",
];

/// A quotation closing just before token `i` (within three tokens): its token range.
fn quote_before(s: &Sentence, i: usize) -> Option<(usize, usize)> {
    let close = (i.saturating_sub(4)..i)
        .rev()
        .find(|&k| is_close_quote(s.tokens[k].text) && !s.in_quote[k])?;
    let open = (0..close)
        .rev()
        .find(|&k| is_open_quote(s.tokens[k].text))
        .map_or(0, |k| k + 1);
    Some((open, close))
}

/// The words from `from` up to the end of its clause, through quotation marks inside
/// it: "said that countries "should not stir up trouble" in the sea" is one claim.
fn clause_after(s: &Sentence, from: usize) -> Option<(usize, usize)> {
    let mut c = *s.clause.get(from)?;
    let mut end = from;
    while end < s.tokens.len() {
        // A quotation inside the claim opens on a lowercase word; one that opens on a
        // capital is a claim of its own.
        let opens_claim = s.tokens[end].is_quote()
            && s.in_quote.get(end + 1).is_none_or(|&inside| inside)
            && s.tokens.get(end + 1).is_some_and(|t| !t.is_lower_word());
        if s.tokens[end].is_quote() && !opens_claim && end > from {
            end += 1;
            if let Some(&next) = s.clause.get(end) {
                c = next;
            }
            continue;
        }
        if s.clause[end] != c || s.tokens[end].is_quote() {
            break;
        }
        end += 1;
    }
    (end > from).then_some((from, end))
}

/// A second claim of the same verb after the one ending at token `end`: "said that
/// the talks failed and that “…”", "said that A, and that B".
fn and_that(s: &Sentence, end: usize) -> Option<(usize, usize)> {
    let mut k = end;
    // The clause may have ended on the "and" itself.
    if k > 0 && s.word(k - 1) == "and" && s.word(k) == "that" {
        k -= 1;
    }
    while k < s.tokens.len() && (is_close_quote(s.tokens[k].text) || s.tokens[k].is_punct(",")) {
        k += 1;
    }
    if s.word(k) != "and" || s.word(k + 1) != "that" {
        return None;
    }
    if s.tokens.get(k + 2).is_some_and(|t| is_open_quote(t.text)) {
        return quote_after(s, k + 1);
    }
    clause_after(s, k + 2)
}

/// Verbs whose object is the person told, not the claim.
const TELL: [&str; 15] = [
    "told",
    "tell",
    "tells",
    "telling",
    "inform",
    "informs",
    "informed",
    "informing",
    "assure",
    "assures",
    "assured",
    "assuring",
    "remind",
    "reminds",
    "reminded",
];
/// Words after a speech verb that open a time or place phrase, not the claim.
const NOT_A_CLAIM: [&str; 5] = ["on", "yesterday", "today", "earlier", "only"];

/// "said this morning", "said last week": a time phrase, where "said this was …" is a
/// claim.
fn time_phrase(s: &Sentence, k: usize) -> bool {
    NOT_A_CLAIM.contains(&s.word(k))
        // "said Wednesday that …"
        || crate::extract::attributes::WEEKDAYS.contains(&s.word(k))
        || matches!(s.word(k), "this" | "last")
            && (matches!(
                s.word(k + 1),
                "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "week"
                    | "weekend"
                    | "month"
                    | "year"
                    | "spring"
                    | "summer"
                    | "autumn"
                    | "fall"
                    | "winter"
            ) || crate::extract::attributes::is_calendar_word(
                s.tokens.get(k + 1).map_or("", |t| t.text),
            ))
}

/// Where a time phrase opening at token `k` ends: "yesterday", "on Tuesday (night)",
/// "late Monday", "June 24", "on June 24", "this week", "last month"; none when no time
/// phrase opens there.
fn time_phrase_end(s: &Sentence, k: usize) -> Option<usize> {
    use crate::extract::attributes::{MONTHS, WEEKDAYS};
    let part_of_day = |j: usize| {
        j + usize::from(matches!(
            s.word(j),
            "morning" | "afternoon" | "evening" | "night"
        ))
    };
    let mut j = k;
    if matches!(s.word(j), "on" | "late" | "early") {
        j += 1;
    }
    let w = s.word(j);
    if matches!(w, "yesterday" | "today" | "tonight") && j == k {
        return Some(part_of_day(j + 1));
    }
    if WEEKDAYS.contains(&w) {
        return Some(part_of_day(j + 1));
    }
    if MONTHS.contains(&w)
        && s.tokens.get(j + 1).is_some_and(|t| {
            t.kind == crate::extract::tokens::TokKind::Number && t.text.parse::<u8>().is_ok()
        })
    {
        return Some(j + 2);
    }
    if j == k && matches!(w, "this" | "last") && time_phrase(s, k) {
        return Some(k + 2);
    }
    None
}

/// Words that open a reported clause right after a time phrase: "said Tuesday it would
/// …", "said yesterday the company had …".
const CLAUSE_OPENERS: [&str; 12] = [
    "it", "he", "she", "they", "we", "i", "the", "a", "an", "its", "their", "there",
];

/// Words after a speech verb that open a circumstance, not the claim: "stressed during a
/// visit that …", "emphasized while speaking in London that …".
const CIRCUMSTANCE_OPENERS: [&str; 8] = [
    "during",
    "while",
    "when",
    "after",
    "before",
    "following",
    "ahead",
    "upon",
];

/// The claim reported after the speech verb at `i`: "said (that) the claim", "told
/// reporters that the claim". A time or place phrase after the verb ("said in a
/// statement", "said on Wednesday") needs a "that" before the claim.
fn reported_clause(s: &Sentence, i: usize) -> Option<(usize, usize)> {
    let (_, end) = clause_after(s, i + 1)?;
    // "said on Wednesday that …", but not past a comma ("said on Wednesday, rejecting
    // reports that …").
    let that = (i + 1..end)
        .take_while(|&k| !s.tokens[k].is_punct(","))
        .find(|&k| s.word(k) == "that");
    let next = s.tokens.get(i + 1)?;
    if next.lower == "whether" || next.lower == "if" {
        return None;
    }
    let start = if next.lower == "that" {
        i + 2
    } else if TELL.contains(&s.word(i)) && that.is_none() {
        // "told reporters the harvest was good": past whom it was told.
        let mut k = i + 1;
        if s.word(k) == "the" {
            k += 1;
        }
        match s.tok_mention.get(k).copied().flatten() {
            Some(m) => k = s.mentions[m].end,
            None if s.tokens.get(k).is_some_and(|t| t.is_lower_word()) => k += 1,
            None => return None,
        }
        k
    } else if let Some(e) = time_phrase_end(s, i + 1) {
        // "said Monday it will deploy …", "said on Tuesday the company would …": past the
        // time phrase, when a clause opens after it ("said June 24 in Lima" claims
        // nothing), or past its "that".
        if let Some(t) = that {
            t + 1
        } else {
            let opens = CLAUSE_OPENERS.contains(&s.word(e))
                || s.tok_mention
                    .get(e)
                    .copied()
                    .flatten()
                    .is_some_and(|m| s.mentions[m].start == e && s.mentions[m].is_actor());
            if !opens {
                return None;
            }
            e
        }
    } else if TELL.contains(&s.word(i))
        || super::PREPOSITIONS.contains(&next.lower.as_ref())
        || CIRCUMSTANCE_OPENERS.contains(&next.lower.as_ref())
        || time_phrase(s, i + 1)
        || next.kind == crate::extract::tokens::TokKind::Punct
    {
        match that {
            Some(t) => t + 1,
            // "said when the call came, she asked …": with no "that", a subordinate
            // clause opens the claim when a main clause follows it (`is_clause`).
            None if SUBORDINATORS.contains(&next.lower.as_ref()) => i + 1,
            None => return None,
        }
    } else {
        i + 1
    };
    // "said in a statement that “…”": the quotation the "that" opens.
    if start > i + 1 && s.tokens.get(start).is_some_and(|t| is_open_quote(t.text)) {
        return quote_after(s, start - 1);
    }
    // "said will be reflected …": a verb with no subject is no claim, unless the speech
    // verb sits in a relative clause whose pronoun is that subject ("a fee, which the
    // association says will fund …").
    if AUXILIARIES.contains(&s.word(start))
        && !(i.saturating_sub(4)..i).any(|k| RELATIVISERS.contains(&s.word(k)))
    {
        return None;
    }
    // "said when the call came, he asked …": a subordinate clause runs on to the main
    // clause after its comma.
    let end = match clause_after(s, end + 1) {
        Some((_, main))
            if SUBORDINATORS.contains(&s.word(start))
                && s.tokens.get(end).is_some_and(|t| t.is_punct(",")) =>
        {
            main
        }
        _ => end,
    };
    // "announced the decision and said …", "announced his retirement, saying …", "said
    // A and he added that B": the speaker's next speech verb ends the claim.
    let end = (start + 1..end)
        .find(|&k| next_speech_verb(s, k))
        .unwrap_or(end);
    (end > start).then_some((start, end))
}

/// Whether token `k` opens the same speaker's next speech verb: "and said", "and he
/// added", ", saying".
fn next_speech_verb(s: &Sentence, k: usize) -> bool {
    let speech = |j: usize| lexicons().is(s.word(j), Family::Speech);
    match s.word(k) {
        "and" => speech(k + 1) || (matches!(s.word(k + 1), "he" | "she" | "they") && speech(k + 2)),
        "," => speech(k + 1) && s.word(k + 1).ends_with("ing"),
        _ => false,
    }
}

/// The main clause before token `i` for an attribution at the end of a sentence:
/// relative clauses are passed over, a leading "and" or "according to X," dropped.
fn main_clause_before(s: &Sentence, i: usize) -> Option<(usize, usize)> {
    let mut end = i;
    loop {
        if end == 0 {
            return None;
        }
        let c = s.clause[end - 1];
        let mut start = (0..end).rev().take_while(|&k| s.clause[k] == c).last()?;
        // "Dollar Tree, whose products cost $1, caters to …": a relative clause set off by
        // commas, after which the main clause resumes, goes with its subject before it.
        if RELATIVISERS.contains(&s.word(start))
            && start > 1
            && s.tokens[start - 1].is_punct(",")
            && (start + 1..end.saturating_sub(1))
                .any(|k| s.tokens[k].is_punct(",") && s.tokens[k + 1].is_lower_word())
        {
            let c0 = s.clause[start - 2];
            start = (0..start - 1)
                .rev()
                .take_while(|&k| s.clause[k] == c0)
                .last()?;
        }
        // "The bears are “national treasures,” the envoy said": the quotation ends a
        // clause the writer's words began.
        if is_open_quote(s.tokens[start].text)
            && !s.in_quote[start]
            && let Some(lead) = lead_in(s, start)
        {
            return Some((lead, end));
        }
        if !RELATIVISERS.contains(&s.word(start)) && !s.tokens[start].is_quote() {
            let mut a = start;
            while a < end && matches!(s.word(a), "and" | "but" | ",") {
                a += 1;
            }
            // "X will have its office in K, a town in L, and will employ 400 people": a
            // verb with no subject goes with the last clause before it that has both.
            if a > start && AUXILIARIES.contains(&s.word(a)) {
                let mut back = start;
                while let Some((b0, _)) = main_clause_before(s, back).filter(|&(b0, _)| b0 < back) {
                    if is_clause(s, b0, back) && !AUXILIARIES.contains(&s.word(b0)) {
                        return Some((b0, end));
                    }
                    back = b0;
                }
            }
            if s.word(a) == "according" {
                let comma = (a..end).find(|&k| s.tokens[k].is_punct(","));
                a = comma.map_or(a, |k| k + 1);
            }
            return Some((a, end));
        }
        end = start;
    }
}

fn emit_statement(
    ctx: &mut Ctx,
    speaker: usize,
    range: Option<(usize, usize)>,
    rule: Rule,
    at: usize,
) -> bool {
    let Some((a, b)) = range else { return false };
    let quoted = matches!(
        rule,
        Rule::SpeechQuote | Rule::SpeechQuoteContinued | Rule::SpeechQuoteParagraph
    );
    if !quoted && !is_clause(ctx.sentence, a, b.min(ctx.sentence.tokens.len())) {
        return false;
    }
    let Some(name) = claim(ctx.sentence, a, b, if quoted { 2 } else { 3 }) else {
        return false;
    };
    // "Huston's pastor spoke. He said Huston is a helpful person": a reported clause
    // about the speaker by name is someone else's, whoever "he" was taken for.
    let s = ctx.sentence;
    let a = a + usize::from(s.word(a) == "that");
    if !quoted
        && let Some(m) = s.tok_mention.get(a).copied().flatten()
        && s.mentions[m].start == a
        && matches!(s.mentions[m].kind, MentionKind::Name(_))
        && !s.possessive(m)
        && ctx.entity(m) == Some(speaker)
    {
        return true;
    }
    // "X denied that it had sent troops": what X said is that it had not.
    let denial = !quoted && lexicons().is(ctx.sentence.word(at), Family::Denial);
    // "the court denied a request to …", "rejected each candidate": a thing turned down
    // is no claim; only a report, a charge or a clause is denied.
    if denial
        && s.word(a.saturating_sub(1)) != "that"
        && !(a..(a + 4).min(b))
            .any(|k| REPORT_NOUNS.contains(&s.word(k)) || DENIED_NOUNS.contains(&s.word(k)))
    {
        return true;
    }
    if denial {
        emit_named(ctx, speaker, &denied(&name), Rule::SpeechDenial, at);
    } else {
        emit_named(ctx, speaker, &name, rule, at);
    }
    true
}

/// Nouns for what a denial rejects: "denied reports that …".
const REPORT_NOUNS: [&str; 12] = [
    "report",
    "reports",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "accusation",
    "accusations",
];

/// Besides [`REPORT_NOUNS`], the nouns of what is said that a denial may reject without
/// a clause: "denied the information …", "rejected criticism that …".
const DENIED_NOUNS: [&str; 14] = [
    "information",
    "criticism",
    "criticisms",
    "news",
    "suggestion",
    "suggestions",
    "speculation",
    "charge",
    "charges",
    "statement",
    "statements",
    "assertion",
    "assertions",
    "story",
];

/// What a denial says: the denied claim negated at its first auxiliary ("it had sent
/// troops" → "It had not sent troops"), past "reports that"; a claim with no auxiliary,
/// or one already negated, is kept whole after the marker "Denied: ".
pub fn denied(claim: &str) -> String {
    let mut words: Vec<&str> = claim.split_whitespace().collect();
    // "reports that …", "a report by Agence France-Presse that …".
    if let Some(k) = words
        .iter()
        .take(8)
        .position(|w| w.eq_ignore_ascii_case("that"))
        && words[..k]
            .iter()
            .take(2)
            .any(|w| REPORT_NOUNS.contains(&w.to_lowercase().as_str()))
        && k + 1 < words.len()
    {
        words.drain(..=k);
    }
    let aux = words
        .iter()
        .position(|w| AUXILIARIES.contains(&w.to_lowercase().as_str()));
    let negated = words
        .iter()
        .any(|w| matches!(w.to_lowercase().as_str(), "not" | "never" | "no") || w.ends_with("n't"));
    let marked =
        !matches!(aux, Some(k) if !negated && !matches!(words[k], "said" | "says" | "remains"));
    if let Some(k) = aux.filter(|_| !marked) {
        words.insert(k + 1, "not");
    }
    let text = words.join(" ");
    let mut chars = text.chars();
    let text: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => text,
    };
    if marked {
        format!("Denied: {text}")
    } else {
        text
    }
}

/// Words that open a subordinate clause: what follows is a circumstance, not a claim.
const SUBORDINATORS: [&str; 13] = [
    "when", "while", "as", "if", "because", "after", "before", "since", "although", "though",
    "until", "unless", "once",
];

/// Auxiliaries, copulas and modals: a reported claim has a verb, and these are the
/// commonest.
const AUXILIARIES: [&str; 24] = [
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "should", "may", "might", "must", "do", "does", "did", "shall", "remains", "said",
    "says",
];

/// Irregular past forms, for claims without an auxiliary ("the population grew").
const IRREGULAR_PAST: &[&str] = &[
    "went",
    "grew",
    "fell",
    "rose",
    "took",
    "made",
    "gave",
    "came",
    "became",
    "began",
    "brought",
    "bought",
    "built",
    "fought",
    "found",
    "got",
    "held",
    "kept",
    "knew",
    "left",
    "led",
    "lost",
    "met",
    "paid",
    "put",
    "ran",
    "saw",
    "sent",
    "sold",
    "spent",
    "stood",
    "told",
    "thought",
    "won",
    "wrote",
    "hit",
    "set",
    "cut",
    "struck",
    "chose",
    "drew",
    "drove",
    "flew",
    "hid",
    "lay",
    "meant",
    "sought",
    "shot",
    "sat",
    "spoke",
    "stole",
    "taught",
    "threw",
    "understood",
    "broke",
    "forgot",
    "ate",
    "felt",
    "heard",
    "sank",
    "laid",
    "dealt",
    "bore",
    "wore",
    "tore",
    "swore",
    "shook",
    "slept",
    "spread",
    "fed",
    "fled",
    "bent",
    "bound",
    "hung",
    "lit",
    "overcame",
    "oversaw",
    "overtook",
    "undertook",
    "upheld",
    "withdrew",
    "withheld",
    "woke",
    "rode",
    "rang",
    "sang",
    "swam",
    "froze",
    "forgave",
    "foresaw",
    "mistook",
    "sprang",
    "stuck",
    "swung",
    "slid",
    "spun",
    "wept",
    "strove",
    "sped",
];

/// Whether tokens `[a, b)` read as a clause that can be a reported claim: it does not
/// open with a subordinator or a participle ("When he arrived", "Declaring a state of
/// emergency"), and it has a verb (an auxiliary, a contraction, a word in -ed, a verb
/// of the lexicon, or a word in -s after a name or pronoun). A bare noun phrase ("More
/// than 50 agreements", "Interim Chief Amelia Huffman") is no claim.
fn is_clause(s: &Sentence, a: usize, b: usize) -> bool {
    let mut a = a;
    while a < b && (s.tokens[a].kind == TokKind::Punct || s.word(a) == "that") {
        a += 1;
    }
    if a >= b {
        return false;
    }
    let first = s.word(a);
    // A participle opens no claim ("said, adding that …"), a gerund subject does when a
    // finite verb follows ("said keeping college affordable is important"); a speech
    // verb's "-ing" is always the participle.
    let gerund_subject = || {
        !lexicons().is(first, Family::Speech)
            && !matches!(
                s.word(a + 1),
                "that" | "to" | "," | "by" | "on" | "in" | "for"
            )
            && (a + 2..b).any(|k| matches!(s.word(k), "is" | "are" | "was" | "were"))
    };
    // "Beijing would send", "nothing will happen": a name or an indefinite pronoun in
    // "-ing" is a subject, not a participle.
    let participle = first.ends_with("ing")
        && first.len() > 5
        && !s.tok_mention[a]
            .is_some_and(|m| a > 0 || s.mentions[m].kind != MentionKind::Name(None))
        && !first.ends_with("thing");
    // "said when the call came, he asked for a night": a subordinate clause opens a claim
    // only when a main clause follows its comma.
    if SUBORDINATORS.contains(&first) {
        return (a + 1..b)
            .find(|&k| s.tokens[k].is_punct(","))
            .is_some_and(|k| is_clause(s, k + 1, b));
    }
    if participle && !gerund_subject() {
        return false;
    }
    // "told the soldiers to take care …", "a review of …": an infinitive or a
    // preposition's object opens no claim.
    if matches!(first, "to" | "of") {
        return false;
    }
    (a..b).any(|k| {
        let w = s.word(k);
        let t = &s.tokens[k];
        AUXILIARIES.contains(&w)
            || IRREGULAR_PAST.contains(&w)
            || (k > a && t.is_lower_word() && matches!(s.word(k - 1), "we" | "they" | "i" | "you"))
            || w.contains('\'')
            || w.contains('\u{2019}')
            || (t.is_lower_word() && w.ends_with("ed") && w.len() > 4)
            || (t.is_lower_word() && crate::extract::lexicon::lexicons().is_verb(w))
            || (t.is_lower_word()
                && w.ends_with('s')
                && !w.ends_with("ss")
                && k > a
                && (s.tok_mention[k - 1].is_some()
                    || matches!(
                        s.word(k - 1),
                        "he" | "she" | "it" | "this" | "that" | "who" | "which"
                    )
                    // "X, whose products cost $1, caters to …"
                    || (s.tokens[k - 1].is_punct(",")
                        && (a..k).any(|j| RELATIVISERS.contains(&s.word(j))))))
    })
}

fn emit_named(ctx: &mut Ctx, speaker: usize, name: &str, rule: Rule, at: usize) {
    let st = ctx.resolved.entity_named(name, Kind::Statement);
    let date = speech_date(ctx, at).or(ctx.article_date.map(|d| d.month_only().iso()));
    ctx.emit(speaker, Relation::Stated, st, None, date, rule);
}

/// "a report by AFP that two units had crossed the border": the source stated the
/// claim (and nothing more: a report may be denied, so the claim is no fact here).
fn report_by(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let at = i + 2 + usize::from(s.word(i + 2) == "the");
    let Some(m) = s.tok_mention.get(at).copied().flatten() else {
        return;
    };
    let end = s.mentions[m].end;
    if s.word(end) != "that" {
        return;
    }
    if let Some(speaker) = speaker_entity(ctx, Some(m)) {
        let range = clause_after(s, end + 1);
        emit_statement(ctx, speaker, range, Rule::ReportBy, i);
    }
}

/// "X called the visit historic", "X called the deployment a clear signal of unity":
/// X's statement that the visit was historic.
fn called(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    if !matches!(
        s.word(i + 1),
        "the" | "this" | "its" | "his" | "her" | "their"
    ) || matches!(
        s.word(i.wrapping_sub(1)),
        "was" | "were" | "is" | "are" | "been" | "so"
    ) {
        return;
    }
    let noun = i + 2;
    if !s.tokens.get(noun).is_some_and(|t| t.is_lower_word()) {
        return;
    }
    let words = complement(s, i, noun + 1);
    if words.is_empty() || words.len() > MAX_WORDS {
        return;
    }
    // "X welcomed the battalion and called …": the sentence's first actor speaks.
    let Some(speaker) = (0..s.mentions.len())
        .find(|&m| s.mentions[m].is_actor() && !s.prepositional(m) && s.mentions[m].end <= i)
        .and_then(|m| speaker_entity(ctx, Some(m)))
        .filter(|&e| ctx.kind(e) != Kind::Group)
    else {
        return;
    };
    let name = format!("The {} was {}", s.tokens[noun].text, words.join(" "));
    emit_named(ctx, speaker, &name, Rule::CalledClaim, i);
}

/// The words of what "called" or "described … as" at `i` says of its object, from token
/// `from` to the end of the verb's clause or the first punctuation (quotation marks passed
/// over).
fn complement<'a>(s: &'a Sentence, i: usize, from: usize) -> Vec<&'a str> {
    let clause = s.clause.get(i);
    let end = (from..s.tokens.len())
        .find(|&k| {
            (s.clause.get(k) != clause && !s.tokens[k].is_quote() && !s.in_quote[k])
                || (s.tokens[k].kind == TokKind::Punct && !s.tokens[k].is_quote())
        })
        .unwrap_or(s.tokens.len());
    s.tokens[from.min(end)..end]
        .iter()
        .filter(|t| !t.is_quote())
        .map(|t| t.text)
        .collect()
}

/// `described`: "X described Y as Z": X stated that Y was Z (as [`called`] does for
/// "X called the visit historic"). Y is a name or a short noun phrase; a passive ("Y was
/// described as") names no speaker here.
fn described(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    if i == 0 || matches!(s.word(i - 1), "was" | "were" | "is" | "are" | "been" | "be") {
        return;
    }
    let object_end = match s.tok_mention.get(i + 1).copied().flatten() {
        Some(m) if s.mentions[m].start == i + 1 => s.mentions[m].end,
        _ if matches!(
            s.word(i + 1),
            "the" | "this" | "its" | "his" | "her" | "their" | "it" | "him" | "them"
        ) =>
        {
            (i + 2..i + 6).find(|&k| s.word(k) == "as").unwrap_or(i + 1)
        }
        _ => return,
    };
    if s.word(object_end) != "as" {
        return;
    }
    let words = complement(s, i, object_end + 1);
    if words.len() < 2 || words.len() > MAX_WORDS {
        return;
    }
    let Some(speaker) = s
        .subjects_before(i)
        .first()
        .and_then(|&m| speaker_entity(ctx, Some(m)))
        .filter(|&e| ctx.kind(e) != Kind::Group)
    else {
        return;
    };
    let object: Vec<&str> = s.tokens[i + 1..object_end].iter().map(|t| t.text).collect();
    let name = capitalise(&format!("{} was {}", object.join(" "), words.join(" ")));
    emit_named(ctx, speaker, &name, Rule::CalledClaim, i);
}

/// `stance`: "X expressed (its) confidence that S", "X voiced hope that S", "X shared the
/// view that S": the stance noun, past a determiner and up to two modifiers, and its
/// "that" clause are X's claim.
fn stance(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let speaker = s
        .subjects_before(i)
        .first()
        .and_then(|&m| speaker_entity(ctx, Some(m)));
    let Some(speaker) = speaker else { return };
    if let Some(range) = stance_clause(s, i) {
        emit_statement(ctx, speaker, Some(range), Rule::SpeechStance, i);
    } else if let Some(name) = stance_object(s, i)
        && subject_right_before(ctx, i)
    {
        emit_named(ctx, speaker, &name, Rule::SpeechStance, i);
    }
}

/// Whether the subject of verb `i` is a person or a body named right before it, past
/// lowercase adverbs at most ("X also expressed"): a stance with no clause of its own
/// is told only of a subject that close.
fn subject_right_before(ctx: &Ctx, i: usize) -> bool {
    let s = ctx.sentence;
    s.subjects_before(i).first().is_some_and(|&m| {
        let near = s.mentions[m].end + 2 >= i
            && (s.mentions[m].end..i).all(|k| s.tokens[k].is_lower_word());
        near && matches!(
            s.mentions[m].kind,
            MentionKind::Name(_) | MentionKind::Pronoun
        )
    })
}

/// Prepositions that open what a stance is about: "satisfaction over the talks",
/// "gratitude to Y for Z", "pride in being chosen".
const STANCE_OBJECT: [&str; 9] = [
    "over", "at", "with", "for", "to", "towards", "toward", "in", "about",
];

/// `speech-stance` with no "that": "X expressed satisfaction over the talks", "X
/// expressed his gratitude towards Y for Z", "X shared his pride in being chosen": the
/// claim is the stance in the words of its clause, from the verb at `i` (the guideline
/// counts thanks and feelings voiced about something as statements).
fn stance_object(s: &Sentence, i: usize) -> Option<String> {
    let noun = stance_noun(s, i)?;
    if !STANCE_OBJECT.contains(&s.word(noun + 1)) {
        return None;
    }
    let end = clause_end_from(s, i, noun + 2);
    (end > noun + 2 && end - i <= MAX_WORDS).then(|| own_words(s, i, end))
}

/// The claim of a stance verb at `i`: the "that" clause after its stance noun.
fn stance_clause(s: &Sentence, i: usize) -> Option<(usize, usize)> {
    let noun = stance_noun(s, i)?;
    if s.word(noun + 1) != "that" {
        return None;
    }
    clause_after(s, noun + 2)
}

/// The stance noun a stance verb at `i` voices, past a determiner and up to two
/// modifiers: "expressed his deep gratitude".
fn stance_noun(s: &Sentence, i: usize) -> Option<usize> {
    let mut k = i + 1;
    if matches!(
        s.word(k),
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our"
    ) {
        k += 1;
    }
    let modifiers = (k..k + 3)
        .take_while(|&j| {
            s.tokens.get(j).is_some_and(|t| t.is_lower_word())
                && !lexicons().is(s.word(j), Family::StanceNoun)
        })
        .count();
    let noun = k + modifiers;
    (modifiers <= 2 && lexicons().is(s.word(noun), Family::StanceNoun)).then_some(noun)
}

/// The pair of people that is the subject of verb `i` ("The two ministers noted", "Both
/// leaders had agreed", "They agreed" after a pair), with the two it stands for: right
/// before the verb or up to two lowercase words before it, or first in the sentence
/// when the verb follows "and" and no actor stands between.
fn pair_subject(ctx: &Ctx, i: usize) -> Option<(usize, (usize, usize))> {
    let s = ctx.sentence;
    let people = |m: usize| {
        ctx.resolved
            .side_people
            .get(&(s.index, m))
            .or_else(|| ctx.resolved.pairs.get(&(s.index, m)))
    };
    let is_pair = |m: usize| match s.mentions[m].kind {
        MentionKind::Pair => {
            mentions::pairs_people(&s.mentions[m])
                || ctx.resolved.side_people.contains_key(&(s.index, m))
        }
        // "They agreed …" after "the two ministers": resolution gave it the pair.
        MentionKind::Pronoun => true,
        _ => false,
    };
    let nearest = (0..s.mentions.len())
        .rev()
        .find(|&m| s.mentions[m].end <= i)?;
    // "the two Ministers addressed …, and reaffirmed …": the first verb's subject.
    let shared = (0..s.mentions.len())
        .find(|&m| s.mentions[m].end <= i)
        .filter(|&m| {
            s.word(i.wrapping_sub(1)) == "and"
                && is_pair(m)
                && (m + 1..=nearest).all(|x| !s.mentions[x].is_actor())
        });
    let m = shared.unwrap_or(nearest);
    let (start, end) = (s.mentions[m].start, s.mentions[m].end);
    // "X added that both leaders had agreed …": inside X's claim, X's words.
    let reported = (0..start).any(|k| lexicons().is(s.word(k), Family::Speech));
    let pair = is_pair(m)
        && !reported
        && !s.prepositional(m)
        && !s.in_quote[start]
        && (shared.is_some() || (end + 2 >= i && (end..i).all(|k| s.tokens[k].is_lower_word())));
    pair.then(|| people(m).map(|&two| (m, two))).flatten()
}

/// `joint-claim`: "The two ministers noted that S", "Both leaders expressed hope that
/// S": the claim of a pair of people is each one's (`eval/README.md`: a joint claim is
/// one statement stated by each).
/// With no clause after the verb ("Both leaders agreed to start talks", "reiterated
/// their commitment to …", "expressed satisfaction over …"), the pair's clause itself,
/// from the pair to the clause's end, is the claim.
fn joint_claim(ctx: &mut Ctx, i: usize, (pair, (a, b)): (usize, (usize, usize)), stance: bool) {
    let s = ctx.sentence;
    // "reiterated commitment to …": a clause only after "that" or a subject of its own.
    let range = if stance {
        stance_clause(s, i)
    } else {
        reported_clause(s, i).filter(|&(a, _)| {
            s.word(a) == "that"
                || s.word(i + 1) == "that"
                || s.mention_from(a).is_some_and(|x| s.mentions[x].start == a)
        })
    };
    let from = ctx.facts.len();
    emit_statement(ctx, a, range, Rule::JointClaim, i);
    if ctx.facts.len() == from
        && let Some(name) = claim(s, s.mentions[pair].start, own_clause_end(s, i), 5)
    {
        emit_named(ctx, a, &name, Rule::JointClaim, i);
    }
    let said: Vec<(usize, Option<String>)> = ctx.facts[from..]
        .iter()
        .filter(|f| f.relation == Relation::Stated)
        .map(|f| (f.object, f.date.clone()))
        .collect();
    for (statement, date) in said {
        ctx.emit(b, Relation::Stated, statement, None, date, Rule::JointClaim);
    }
}

/// The title mention after verb `i` past one or two lowercase words that modify it
/// ("said advisory board member X"); none when the words are anything else.
fn modified_title_after(s: &Sentence, i: usize) -> Option<usize> {
    (i + 2..=i + 3).find_map(|k| {
        let modifiers = (i + 1..k).all(|j| {
            s.tokens.get(j).is_some_and(|t| t.is_lower_word())
                && s.tok_mention[j].is_none()
                && !lexicons().function_words.contains(s.word(j))
        });
        s.mention_from(k)
            .filter(|&m| modifiers && matches!(s.mentions[m].kind, MentionKind::Title { .. }))
    })
}

/// Where the claim of verb `i` ends: at a full stop, a semicolon or a colon, past any
/// commas ("reaffirmed the need to sign, as soon as possible, the Agreement …").
fn own_clause_end(s: &Sentence, i: usize) -> usize {
    (i + 1..s.tokens.len())
        .find(|&k| matches!(s.tokens[k].text, "." | ";" | ":"))
        .unwrap_or(s.tokens.len())
}

/// `thanked`: "X thanked Y for the horse": X's claim, in the words of the clause (the
/// guideline counts thanks as a statement). Needs someone thanked and what for.
fn thanked(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    if !s.tokens.get(i + 1).is_some_and(|t| t.kind == TokKind::Word) {
        return;
    }
    let end = clause_end_from(s, i, i + 1);
    let for_at = (i + 2..end).find(|&k| s.word(k) == "for");
    if for_at.is_none_or(|f| f + 1 >= end) || end - i > MAX_WORDS {
        return;
    }
    let Some(speaker) = s
        .subjects_before(i)
        .first()
        .and_then(|&m| speaker_entity(ctx, Some(m)))
        .filter(|&e| ctx.kind(e) != Kind::Group)
    else {
        return;
    };
    emit_named(ctx, speaker, &own_words(s, i, end), Rule::Thanked, i);
}

/// Where the clause of verb `i` ends, looking from token `from`: at the next clause
/// outside a quotation, or at a punctuation mark that is no quotation mark.
fn clause_end_from(s: &Sentence, i: usize, from: usize) -> usize {
    let clause = s.clause.get(i);
    (from..s.tokens.len())
        .find(|&k| {
            (s.clause.get(k) != clause && !s.in_quote[k])
                || (s.tokens[k].kind == TokKind::Punct && !s.tokens[k].is_quote())
        })
        .unwrap_or(s.tokens.len())
}

/// A claim in its clause's own words: tokens `[i, end)` without quotation marks, its
/// first letter in capitals ("Thanked Y for the horse").
fn own_words(s: &Sentence, i: usize, end: usize) -> String {
    let words: Vec<&str> = s.tokens[i..end]
        .iter()
        .filter(|t| !t.is_quote())
        .map(|t| t.text)
        .collect();
    capitalise(&words.join(" "))
}

/// The text with its first letter in capitals.
fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// People who speak for where they work.
const EXPERTS: [&str; 7] = [
    "analysts",
    "experts",
    "researchers",
    "economists",
    "scientists",
    "officials",
    "diplomats",
];

/// "Analysts at the Igarape Institute in Rio said …", "officials from the ministry
/// said …": the institution the unnamed speakers work at, when they are the subject of
/// the speech verb `i`.
fn experts_at(ctx: &Ctx, i: usize) -> Option<usize> {
    let s = ctx.sentence;
    let k = (i.saturating_sub(12)..i).find(|&k| {
        EXPERTS.contains(&s.word(k))
            && matches!(s.word(k + 1), "at" | "from" | "with")
            && (k == 0 || !s.tokens[k - 1].is_lower_word() || s.word(k - 1) == "the")
    })?;
    if (k..i).any(|j| s.tokens[j].kind == TokKind::Punct) {
        return None;
    }
    let at = k + 2 + usize::from(s.word(k + 2) == "the");
    let m = s.tok_mention.get(at).copied().flatten()?;
    let e = ctx.entity(m)?;
    (ctx.kind(e) == Kind::Institution).then_some(m)
}

/// A date right after the speech verb ("said on Tuesday"), else the article's month.
fn speech_date(ctx: &Ctx, at: usize) -> Option<String> {
    ctx.sentence
        .dates
        .iter()
        .find(|d| d.start > at && d.start <= at + 3)
        .map(|d| d.date.iso())
}

/// Unnamed people who speak: "Chilean officials said", "sources said".
const UNNAMED: [&str; 10] = [
    "officials",
    "sources",
    "diplomats",
    "analysts",
    "experts",
    "residents",
    "witnesses",
    "observers",
    "people",
    "authorities",
];

/// "“…,” said one of the former hostages, X.", "said the zoo's chief executive, X.": a
/// person named after a short description that follows the verb, closing the sentence
/// or its clause.
fn described_speaker(ctx: &Ctx, i: usize) -> Option<usize> {
    let s = ctx.sentence;
    let opens = matches!(
        s.word(i + 1),
        "the" | "a" | "an" | "one" | "its" | "his" | "her" | "their"
    );
    if !opens {
        return None;
    }
    let comma = (i + 2..(i + 10).min(s.tokens.len())).find(|&k| s.tokens[k].is_punct(","))?;
    let plain = (i + 1..comma)
        .all(|k| !s.tokens[k].is_quote() && s.word(k) != "that" && !lexicons().is_verb(s.word(k)));
    let m = s.tok_mention.get(comma + 1).copied().flatten()?;
    let closes = s
        .tokens
        .get(s.mentions[m].end)
        .is_none_or(|t| t.is_punct(".") || t.is_punct(",") || t.lower.as_ref() == "who");
    (plain
        && closes
        && s.mentions[m].start == comma + 1
        && matches!(s.mentions[m].kind, MentionKind::Name(_))
        && ctx.entity(m).is_some_and(|e| ctx.kind(e) == Kind::Person))
    .then_some(m)
}

/// Words opening a noun phrase that names no one: "a spokesman", "no board member".
const INDEFINITE: [&str; 9] = [
    "a", "an", "no", "one", "another", "some", "several", "many", "few",
];

/// True when the words right before the verb `i` are an indefinite or negated noun
/// phrase of plain words ("a spokesman", "no board member"), not after a preposition
/// ("in a statement said" is no subject).
fn unnamed_subject(s: &Sentence, i: usize) -> bool {
    let title = |m: usize| matches!(s.mentions[m].kind, MentionKind::Title { .. });
    for (words, k) in (0..i).rev().take(5).enumerate() {
        let w = s.word(k);
        if INDEFINITE.contains(&w) {
            let after_preposition = k > 0
                && matches!(
                    s.word(k - 1),
                    "in" | "on"
                        | "at"
                        | "by"
                        | "with"
                        | "from"
                        | "for"
                        | "during"
                        | "after"
                        | "to"
                        | "of"
                        | "through"
                        | "via"
                );
            return words > 0 && !after_preposition;
        }
        let plain = s.tokens[k].is_lower_word() && s.tok_mention[k].is_none_or(title);
        if !plain || lexicons().is_verb(w) {
            return false;
        }
    }
    false
}

fn speech_verb(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    // "Disney has added iconic brands": "add" with its perfect's auxiliary takes an
    // object, not a claim, unless "that" reports one.
    if matches!(s.word(i), "add" | "added")
        && i > 0
        && matches!(s.word(i - 1), "has" | "have" | "had")
        && s.word(i + 1) != "that"
    {
        return;
    }
    // "…, Chilean officials said": the unnamed speakers, not a name of the claim before
    // them; with a country adjective they speak for the country.
    if i > 0 && UNNAMED.contains(&s.word(i - 1)) {
        let Some(m) = (i >= 2).then(|| s.tok_mention[i - 2]).flatten() else {
            return;
        };
        // "Zoo officials said": the institution they speak for.
        let speaker = match (s.mentions[m].kind, s.mentions[m].country(), ctx.entity(m)) {
            (MentionKind::Demonym(_) | MentionKind::Country(_), Some(c), _) => ctx.country(c),
            (_, _, Some(e)) if ctx.kind(e) == Kind::Institution => e,
            _ => return,
        };
        let cut = (0..i).rev().find(|&k| s.tokens[k].is_punct(","));
        if let Some(cut) = cut {
            emit_statement(
                ctx,
                speaker,
                main_clause_before(s, cut),
                Rule::SpeechAttribution,
                i,
            );
        } else if let Some(range) = reported_clause(s, i) {
            emit_statement(ctx, speaker, Some(range), Rule::SpeechClause, i);
        }
        return;
    }
    // "…, a spokesman said", "no board member said publicly that …": the verb's
    // subject names no one, so no name before it speaks.
    if unnamed_subject(s, i) {
        return;
    }
    let after_comma =
        i > 0 && (s.tokens[i - 1].is_punct(",") || is_close_quote(s.tokens[i - 1].text));
    // "…, said X." — a speaker after the verb ends the sentence or its clause.
    // "…, said X of the Y Zoo.": the speaker may give an affiliation; "…," said X at the
    // meeting: or the circumstances.
    // "said Mayor James": past a title to the name it gives.
    // "said Luxembourg's Jean Asselborn": past a country's possessive to its person.
    // "said Council President X", "said Russian President X": past a body or a
    // country adjective that names the title's body.
    // "said advisory board member X", "said longtime council member X": past up to two
    // lowercase words that modify the title.
    let after_title = s
        .mention_from(i + 1)
        .or_else(|| modified_title_after(s, i))
        .map(|m| past_descriptors(s, m));
    // "X, from Y, told China Daily:": who is told is never the speaker.
    // ("…,” informed the embassy": an inverted "inform" names its speaker.)
    let tells = matches!(s.word(i), "tell" | "tells" | "told" | "telling");
    let after = after_title
        .filter(|&m| {
            !tells
                && speaker_entity(ctx, Some(m)).is_some()
                && s.tokens.get(s.mentions[m].end).is_none_or(|t| {
                    t.kind == crate::extract::tokens::TokKind::Punct
                        || matches!(
                            t.lower.as_ref(),
                            "of" | "at"
                                | "on"
                                | "in"
                                | "during"
                                | "after"
                                | "before"
                                | "while"
                                | "when"
                                | "as"
                                | "to"
                                | "via"
                        )
                })
        })
        .or_else(|| described_speaker(ctx, i));
    // ", saying that …": the participle's subject is the sentence's first actor.
    let participle = s.word(i).ends_with("ing") && i > 0 && s.tokens[i - 1].is_punct(",");
    // "X said on Tuesday, rejecting reports that …": the one who just spoke.
    let last_said = ctx
        .facts
        .iter()
        .rev()
        .take_while(|f| f.sentence == s.index)
        .find(|f| f.relation == Relation::Stated)
        .map(|f| f.subject);
    if participle
        && let Some(speaker) = last_said
        && let Some(range) = reported_clause(s, i)
    {
        emit_statement(ctx, speaker, Some(range), Rule::SpeechClause, i);
        return;
    }
    // "X, CEO of Y, was quoted as saying": the subject of "was".
    let quoted_as = i >= 3
        && s.word(i) == "saying"
        && s.word(i - 1) == "as"
        && s.word(i - 2) == "quoted"
        && matches!(s.word(i - 3), "was" | "were" | "is" | "been");
    let anchor = if quoted_as {
        (0..i - 2)
            .rev()
            .take_while(|&k| matches!(s.word(k), "was" | "were" | "is" | "has" | "have" | "been"))
            .last()
            .unwrap_or(i - 3)
    } else {
        i
    };
    // "Park spokeswoman Yadira Galindo declined …, saying": the first actor that can
    // speak, past a place naming the body.
    // "White House press secretary X tweeted …, confirming": past the body naming the
    // title to its holder.
    let before = if participle && !quoted_as {
        (0..s.mentions.len())
            .find(|&m| {
                s.mentions[m].is_actor()
                    && !s.prepositional(m)
                    && s.mentions[m].end <= i
                    && speaker_entity(ctx, Some(m)).is_some()
            })
            .map(|m| past_descriptors(s, m))
            .filter(|&m| s.mentions[m].end <= i)
    } else {
        s.subjects_before(anchor).first().copied()
    }
    .filter(|&m| speaker_entity(ctx, Some(m)).is_some())
    .or_else(|| experts_at(ctx, i));
    let (mut speaker_m, mut speaker_after) = if after_comma && !participle {
        (after.or(before), after.is_some())
    } else {
        (before.or(after), before.is_none() && after.is_some())
    };
    let mut speaker = speaker_entity(ctx, speaker_m);
    // "…, the official stated": a title written again right before the verb is the
    // speaker, whatever was named earlier in the sentence.
    let holder = title_holder(ctx, i);
    let adjacent = holder.is_some_and(|(_, m)| {
        let end = s.mentions[m].end;
        end == i || (end + 1 == i && matches!(s.word(end), "also" | "later" | "further" | "then"))
    });
    if (speaker.is_none() || adjacent)
        && let Some((holder, m)) = holder
    {
        (speaker, speaker_m, speaker_after) = (Some(holder), Some(m), m > i);
    }
    // "A senior official of the ministry said": an unnamed holder speaks for the body.
    if speaker.is_none()
        && let Some((body, m)) = unnamed_title_of(ctx, i)
    {
        (speaker, speaker_m, speaker_after) = (Some(body), Some(m), false);
    }
    let Some(speaker) = speaker else {
        return;
    };
    let mut from = if speaker_after {
        s.mentions[speaker_m.expect("speaker")].end
    } else {
        i + 1
    };
    // "told China Daily: “…”", "told reporters: “…”": past whom they told.
    if tells && !speaker_after {
        from += usize::from(s.word(from) == "the");
        match s.tok_mention.get(from).copied().flatten() {
            Some(m) if s.mentions[m].start == from => from = s.mentions[m].end,
            _ => {
                while from < i + 4
                    && matches!(
                        s.word(from),
                        "reporters"
                            | "journalists"
                            | "media"
                            | "press"
                            | "him"
                            | "her"
                            | "them"
                            | "us"
                            | "me"
                            | "local"
                    )
                {
                    from += 1;
                }
            }
        }
    }
    if let Some(q) = quote_after(s, from.saturating_sub(1).max(i)) {
        emit_statement(ctx, speaker, Some(q), Rule::SpeechQuote, i);
        if q.1 == s.tokens.len() {
            ctx.quote_speaker = Some(speaker);
        }
        if let Some(second) = and_that(s, q.1) {
            emit_statement(ctx, speaker, Some(second), Rule::SpeechClause, i);
        }
        return;
    }
    if !speaker_after
        && let Some(range) = reported_clause(s, i)
        && emit_statement(ctx, speaker, Some(range), Rule::SpeechClause, i)
    {
        if let Some(second) = and_that(s, range.1) {
            emit_statement(ctx, speaker, Some(second), Rule::SpeechClause, i);
        }
        return;
    }
    let start = speaker_m.map_or(i, |m| s.phrase_start(m).min(i));
    // "“First sentence. Second one,” X said.": each sentence of the quotation is a
    // statement of its own.
    if let Some((0, close)) = quote_before(s, start)
        && s.in_quote.first() == Some(&true)
        && !ctx.quote_opened.is_empty()
    {
        for claim in ctx.quote_opened.clone() {
            emit_named(ctx, speaker, &claim, Rule::SpeechQuote, i);
        }
        emit_statement(ctx, speaker, Some((0, close)), Rule::SpeechQuote, i);
        return;
    }
    // "The plan is “a good step,” Mayor X said": from the words leading into it.
    let quoted = quote_before(s, start).map(|(a, b)| {
        let lead = a
            .checked_sub(1)
            .filter(|&q| q > 0)
            .and_then(|q| lead_in(s, q));
        (lead.unwrap_or(a), b)
    });
    if emit_statement(ctx, speaker, quoted, Rule::SpeechQuote, i) {
        return;
    }
    // "The budget, Mayor X said, is balanced": the claim runs on around the speaker.
    if !speaker_after
        && speaker_m.is_some_and(|m| s.mentions[m].end == i)
        && let Some(name) = interrupted_claim(s, start, i)
    {
        emit_named(ctx, speaker, &name, Rule::SpeechInterrupted, i);
        return;
    }
    // "…, reported X." or "…, X said.": the clause before the comma.
    let before_speaker = start.checked_sub(1).filter(|&k| s.tokens[k].is_punct(","));
    let comma = if speaker_after || before_speaker.is_none() {
        i.checked_sub(1)
            .filter(|&k| after_comma && s.tokens[k].is_punct(","))
    } else {
        before_speaker
    };
    // A claim never holds its own speaker ("Gen. X, a commander with Y and Z,
    // announced …": the words before the verb are X's name and titles).
    let holds_speaker =
        |(a, b): (usize, usize)| speaker_m.is_some_and(|m| (a..b).contains(&s.mentions[m].start));
    if let Some(cut) = comma.and_then(|c| claim_end_before(s, c))
        && emit_statement(
            ctx,
            speaker,
            main_clause_before(s, cut).filter(|&r| !holds_speaker(r)),
            Rule::SpeechAttribution,
            i,
        )
    {
        return;
    }
    if let Some(q) = ctx.previous_quote.clone() {
        emit_named(ctx, speaker, &q, Rule::SpeechQuote, i);
    }
}

/// The most tokens a speaker's phrase set inside a claim runs to ("the zoo's director
/// Ana Lind").
const INTERRUPTER_MAX: usize = 6;

/// "The budget, Mayor X said, is balanced", "In addition, X said on Monday, the board
/// has no say": the claim of a speaker phrase (tokens `[start, i)`, the speech verb at
/// `i`) set between commas inside it, as the words before the first comma and after the
/// second. None when either comma is missing, when a quotation mark stands in the
/// sentence (the quotation rules read those), when the words after the second comma
/// open with a participle or speak again ("…, X said, adding that …", "…, X said, but
/// added …"), or when neither part has a verb.
fn interrupted_claim(s: &Sentence, start: usize, i: usize) -> Option<String> {
    // The comma may stand a few words before the phrase the speaker's mention opens
    // ("…, the zoo's director X said, …").
    let c1 = (0..start)
        .rev()
        .find(|&k| s.tokens[k].kind == TokKind::Punct)?;
    if c1 == 0 || !s.tokens[c1].is_punct(",") || i - c1 - 1 > INTERRUPTER_MAX {
        return None;
    }
    let mut c2 = i + 1;
    if let Some(end) = time_phrase_end(s, c2) {
        c2 = end;
    }
    if !s.tokens.get(c2)?.is_punct(",") {
        return None;
    }
    let mut end = s.tokens.len();
    while end > c2 + 1 && s.tokens[end - 1].kind == TokKind::Punct {
        end -= 1;
    }
    let first = s.word(c2 + 1);
    let speaks_again =
        (c2 + 1..(c2 + 4).min(end)).any(|k| lexicons().is(s.word(k), Family::Speech));
    if end < c2 + 3
        || !s.tokens[c2 + 1].is_lower_word()
        || (first.ends_with("ing") && first.len() > 5)
        || speaks_again
        || s.tokens[..end].iter().any(|t| t.is_quote())
        || !(is_clause(s, c2 + 1, end) || is_clause(s, 0, c1))
    {
        return None;
    }
    let before = claim(s, 0, c1, 1)?;
    let after = &s.text[s.tokens[c2 + 1].start..s.tokens[end - 1].end];
    let words: Vec<&str> = before
        .split_whitespace()
        .chain(after.split_whitespace())
        .take(MAX_WORDS)
        .collect();
    (words.len() >= 3).then(|| words.join(" "))
}

/// The mention a run of descriptors starting at mention `m` leads to: past a title to
/// the name it gives ("Mayor James"), past a country's possessive to its person or
/// title ("Peru's Foreign Minister Ana Lind"), and past a body or a country adjective
/// that names the next title's body ("Council President X", "Russian President X",
/// "Lima Zoo Director X").
/// `m` itself when nothing follows.
fn past_descriptors(s: &Sentence, m: usize) -> usize {
    let mut cur = m;
    loop {
        let kind = &s.mentions[cur].kind;
        let end = s.mentions[cur].end;
        let owner = matches!(kind, MentionKind::Country(_) | MentionKind::Capital(_))
            && s.tokens
                .get(end)
                .is_some_and(|t| t.kind == TokKind::Possessive);
        let at = end + usize::from(owner);
        let Some(n) = s.tok_mention.get(at).copied().flatten() else {
            return cur;
        };
        let next = &s.mentions[n].kind;
        let names = matches!(next, MentionKind::Name(_) | MentionKind::Title { .. });
        let step = s.mentions[n].start == at
            && match kind {
                MentionKind::Title { .. } => true,
                _ if owner => names,
                MentionKind::Demonym(_) | MentionKind::Country(_) => {
                    matches!(next, MentionKind::Title { .. })
                }
                MentionKind::Name(k) if *k != Some(Kind::Person) => {
                    matches!(next, MentionKind::Title { .. })
                }
                _ => false,
            };
        if !step {
            return cur;
        }
        cur = n;
    }
}

/// "“…,” the ambassador said", "said the minister": the person a title written again
/// stands for, right before or after the verb.
/// The holder and the title's mention.
/// "The Turkmen president also noted": past an adverb, and with a country adjective the
/// person the article gave that title for that country.
fn title_holder(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let s = ctx.sentence;
    let adverb = i >= 2 && matches!(s.word(i - 1), "also" | "later" | "further" | "then");
    let before = if adverb { i - 2 } else { i.wrapping_sub(1) };
    let m = [Some(before), Some(i + 2)]
        .into_iter()
        .flatten()
        .filter_map(|k| s.tok_mention.get(k).copied().flatten())
        .find(|&m| {
            let start = s.mentions[m].start;
            let demonym = start
                .checked_sub(1)
                .and_then(|j| s.tok_mention[j])
                .filter(|&d| matches!(s.mentions[d].kind, MentionKind::Demonym(_)));
            let article = demonym
                .or_else(|| head_body_before(ctx, m))
                .map_or(start, |d| s.mentions[d].start);
            matches!(s.mentions[m].kind, MentionKind::Title { .. })
                && s.word(article.wrapping_sub(1)) == "the"
        })?;
    let start = s.mentions[m].start;
    let country = start
        .checked_sub(1)
        .and_then(|j| s.tok_mention[j])
        .and_then(|d| match s.mentions[d].kind {
            MentionKind::Demonym(c) => Some(c),
            _ => None,
        });
    if let Some(c) = country {
        let name = &lexicons().countries[c].name;
        // The latest such title, among the facts of the last few sentences (a bounded
        // look back keeps a long article linear).
        let holder = ctx.facts.iter().rev().take(512).find(|f| {
            f.rule == Rule::TitleCountry
                && ctx.resolved.entities[f.object].kind == Kind::Country
                && ctx.resolved.entities[f.object].name == *name
        });
        if let Some(f) = holder {
            return Some((f.subject, m));
        }
    }
    // "the Keldar Federation president said": the person last said to lead that body.
    if let Some(b) = head_body_before(ctx, m)
        && let Some(body) = ctx.entity(b)
        && let Some(f) = ctx.facts.iter().rev().take(512).find(|f| {
            f.relation == Relation::Leads
                && f.object == body
                && ctx.resolved.entities[f.subject].kind == Kind::Person
        })
    {
        return Some((f.subject, m));
    }
    Some((*ctx.resolved.title_holder.get(&(s.index, m))?, m))
}

/// The body named right before title mention `m` when the title is its head's ("the
/// Keldar Federation president"): an institution's or country's name, no possessive.
fn head_body_before(ctx: &Ctx, m: usize) -> Option<usize> {
    let s = ctx.sentence;
    let MentionKind::Title {
        title, of: None, ..
    } = s.mentions[m].kind
    else {
        return None;
    };
    let b = s.tok_mention[s.mentions[m].start.checked_sub(1)?]?;
    let leads = lexicons().titles[title].with_of == RoleLink::Leads;
    let body = ctx
        .entity(b)
        .is_some_and(|e| matches!(ctx.kind(e), Kind::Institution | Kind::Country));
    (leads && body && matches!(s.mentions[b].kind, MentionKind::Name(_))).then_some(b)
}

/// "A senior official of the Chilean Ministry of Defence said", "an official at the
/// embassy told": an indefinite title, no name, and the body it is held in, as the
/// subject of the speech verb at `i`. The body and the title's mention.
fn unnamed_title_of(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let s = ctx.sentence;
    let t = (0..s.mentions.len()).find(|&m| {
        s.mentions[m].end <= i
            && matches!(s.mentions[m].kind, MentionKind::Title { .. })
            && s.clause[s.mentions[m].start] == s.clause[i]
    })?;
    let start = s.mentions[t].start;
    let opens = (start.saturating_sub(3)..start).any(|k| matches!(s.word(k), "a" | "an"));
    let end = s.mentions[t].end;
    if !opens || !matches!(s.word(end), "of" | "at" | "from" | "in") {
        return None;
    }
    let at = end + 1 + usize::from(s.word(end + 1) == "the");
    let o = s.tok_mention.get(at).copied().flatten()?;
    // Nothing but the body's name between it and the verb.
    if s.mentions[o].end != i {
        return None;
    }
    let body = ctx
        .entity(o)
        .filter(|&e| matches!(ctx.kind(e), Kind::Institution | Kind::Country))?;
    Some((body, t))
}

fn according_to(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let n = s.tokens.len();
    let mut j = i + 2;
    let mut speaker = None;
    let mut end = n;
    while j < n {
        if s.clause[j] != s.clause[i] && !s.tokens[j].is_punct(",") || s.tokens[j].is_quote() {
            end = j;
            break;
        }
        if s.tokens[j].is_punct(",") && speaker.is_some() {
            end = j;
            break;
        }
        if let Some(m) = s.tok_mention[j] {
            if speaker_entity(ctx, Some(m)).is_some() {
                speaker = Some(m);
            }
            j = s.mentions[m].end;
            continue;
        }
        j += 1;
    }
    let Some(speaker) = speaker_entity(ctx, speaker) else {
        return;
    };
    // "According to X, general manager of the park, the claim": the speaker's title, set
    // off by commas, is no part of the claim.
    if let Some(after) = title_apposition(s, end) {
        end = after;
    }
    // "…, according to Reuters, which cited two officials.": a relative clause about the
    // source is not the claim.
    let relative =
        end < n && s.tokens[end].is_punct(",") && RELATIVISERS.contains(&s.word(end + 1));
    let rest =
        !relative && (end..n).any(|k| s.tokens[k].kind == crate::extract::tokens::TokKind::Word);
    let cut = if i > 0 && s.tokens[i - 1].is_punct(",") {
        i - 1
    } else {
        i
    };
    // "…, according to X, public information officer for Y.": a clause before the
    // phrase is the claim, and what follows the source describes it.
    let before = main_clause_before(s, cut).filter(|&(a, b)| is_clause(s, a, b));
    let range = if rest && before.is_none() {
        quote_after(s, end.saturating_sub(1)).or_else(|| clause_after(s, end + 1))
    } else if rest {
        before
    } else {
        main_clause_before(s, cut)
    };
    emit_statement(ctx, speaker, range, Rule::AccordingTo, i);
}

/// The comma that closes a title apposition opening at the comma `comma` ("…, general
/// manager of the park, …", "…, a spokesman for the zoo, …"): a phrase with a title in
/// it and no verb, followed by another comma.
fn title_apposition(s: &Sentence, comma: usize) -> Option<usize> {
    if !s.tokens.get(comma)?.is_punct(",") {
        return None;
    }
    let close = (comma + 1..s.tokens.len()).find(|&k| s.tokens[k].is_punct(","))?;
    titled_phrase(s, comma + 1, close).then_some(close)
}

/// Whether tokens `[a, b)` are a phrase with a title in it and no verb: "the zoo's
/// director", "general manager of the park".
fn titled_phrase(s: &Sentence, a: usize, b: usize) -> bool {
    let titled = (a..b).any(|k| {
        s.tok_mention[k].is_some_and(|m| matches!(s.mentions[m].kind, MentionKind::Title { .. }))
    });
    let verb = (a..b).any(|k| {
        let w = s.word(k);
        s.tokens[k].is_lower_word()
            && (AUXILIARIES.contains(&w)
                || IRREGULAR_PAST.contains(&w)
                || crate::extract::lexicon::lexicons().is_verb(w))
    });
    titled && !verb
}

/// The most words a title apposition before a speaker's name runs to ("the zoological
/// society's chief executive").
const APPOSITION_MAX: usize = 8;

/// "…, the zoo's director, Ana Lind, said": where the claim before the speaker ends when
/// a title apposition stands between them: the comma before the apposition, or `None`
/// when the apposition opens the sentence ("The zoo's director, Ana Lind, said so":
/// no claim before). Without an apposition, the comma `cut` itself.
fn claim_end_before(s: &Sentence, cut: usize) -> Option<usize> {
    let prev = (0..cut).rev().find(|&k| s.tokens[k].is_punct(","));
    let from = prev.map_or(0, |p| p + 1);
    // An apposition is a short noun phrase: no past form among its words.
    let short = cut - from <= APPOSITION_MAX
        && (from..cut).all(|k| !(s.tokens[k].is_lower_word() && s.word(k).ends_with("ed")));
    if !(short && titled_phrase(s, from, cut)) {
        return Some(cut);
    }
    prev
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::test_util::facts;

    fn stated(text: &str) -> Vec<(String, String, String)> {
        facts(text)
            .into_iter()
            .filter(|f| f.1 == "stated")
            .map(|f| (f.0, f.2, f.5))
            .collect()
    }

    #[test]
    fn a_speaker_set_inside_a_claim_speaks_both_parts_only() {
        assert_eq!(
            stated("The harvest, Ana Lind said on Monday, was the best in years."),
            [(
                "Ana Lind".into(),
                "The harvest was the best in years".into(),
                "speech-interrupted".into()
            )]
        );
        // A participle or a second speech verb after the second comma is no part of the
        // claim before it.
        for text in [
            "The harvest was poor, Ana Lind said, adding that prices would rise.",
            "The harvest, Ana Lind said, but added that prices would rise.",
        ] {
            assert!(
                stated(text)
                    .iter()
                    .all(|(_, _, rule)| rule != "speech-interrupted"),
                "{text}"
            );
        }
    }

    #[test]
    fn quote_after_the_verb() {
        let f = stated(
            "Foreign Minister Ana Lopez said, \u{201c}We will keep the border open.\u{201d}",
        );
        assert_eq!(
            f,
            [(
                "Ana Lopez".into(),
                "We will keep the border open".into(),
                "speech-quote".into()
            )]
        );
    }

    #[test]
    fn the_speaker_is_the_name_before_an_appositive_title() {
        for text in [
            "Ana Lopez, program manager for the animal protection group Condor Trust, said the move was wrong.",
            "Ana Lopez, marketing director at Andes Motors, said the move was wrong.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, "Ana Lopez", "{text}");
        }
    }

    #[test]
    fn quote_opened_by_that_after_a_phrase() {
        for text in [
            "Premier Ana Lopez said in a statement that \"The border will stay open.\"",
            "Premier Ana Lopez said on Tuesday that \u{201c}The border will stay open.\u{201d}",
            "Premier Ana Lopez told the assembly in Brno that \"The border will stay open.\"",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(
                (f[0].0.as_str(), f[0].1.as_str()),
                ("Ana Lopez", "The border will stay open"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_quote_after_a_phrase_of_where_or_when_and_a_comma() {
        for text in [
            "With her voice shaking, Ana Lopez said in court after the verdict, \"I trust the jury.\"",
            "Ana Lopez said on Tuesday, \u{201c}I trust the jury.\u{201d}",
            "Ana Lopez said later: \"I trust the jury.\"",
            "Ana Lopez said during a visit to Brno, \"I trust the jury.\"",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(
                (f[0].0.as_str(), f[0].1.as_str()),
                ("Ana Lopez", "I trust the jury"),
                "{text}"
            );
        }
    }

    #[test]
    fn the_speaker_s_next_speech_verb_ends_a_claim() {
        for (text, claims) in [
            (
                "Ana Lind announced the plan at a news conference and said the troops would leave by Friday.",
                vec!["The troops would leave by Friday"],
            ),
            (
                "Ana Lind said the plan was sound and she added that taxes would fall.",
                vec!["Taxes would fall", "The plan was sound"],
            ),
            (
                "Ana Lind confirmed the troops would leave on Friday, noting that the base would close.",
                vec!["The base would close", "The troops would leave on Friday"],
            ),
        ] {
            let mut f: Vec<String> = stated(text).into_iter().map(|f| f.1).collect();
            f.sort();
            assert_eq!(f, claims, "{text}");
        }
    }

    #[test]
    fn a_claim_never_holds_its_own_speaker() {
        for text in [
            "Gen. Luis O'Shea, a commander with the Keldar Northern Command and Orvane Aerospace Defense Command, announced the decision at a news conference.",
            "Gen. Luis O'Shea, a commander with the Keldar Command, announced the decision.",
        ] {
            let f = stated(text);
            assert!(f.iter().all(|f| !f.1.contains("O'Shea")), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_participle_s_speaker_is_the_title_holder_not_the_body_naming_the_title() {
        let f = stated(
            "Keldar Zoo press secretary Ana Lind posted a photo of the llama, confirming that the llama would stay in Lima.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str()),
            ("Ana Lind", "The llama would stay in Lima")
        );
    }

    #[test]
    fn a_quotation_opening_mid_clause_is_claimed_with_the_words_before_it() {
        for text in [
            "The llamas are \u{201c}a gift of friendship,\u{201d} Mayor Ana Lind said.",
            "The llamas are \"a gift of friendship,\" Ana Lind said on Monday.",
            "The llamas are ``a gift of friendship,'' Ana Lind said on Monday.",
            "The llamas are \u{201c}a gift of friendship,\u{201d} the Peruvian envoy to Chile, Ana Lind, said.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(
                (f[0].0.as_str(), f[0].1.as_str()),
                ("Ana Lind", "The llamas are a gift of friendship"),
                "{text}"
            );
        }
        // A quotation opening the sentence, or after a colon, is the claim alone.
        for (text, claim) in [
            (
                "\u{201c}The llamas are a gift,\u{201d} Ana Lind said.",
                "The llamas are a gift",
            ),
            (
                "She had one answer: \"The llamas are a gift,\" Ana Lind said.",
                "The llamas are a gift",
            ),
            // Run into the writer's sentence: a quotation opening on a capital.
            (
                "They met in Lima \u{201c}The llamas are a gift,\u{201d} Ana Lind said.",
                "The llamas are a gift",
            ),
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].1, claim, "{text}");
        }
    }

    #[test]
    fn a_reported_clause_about_the_speaker_by_name_is_not_the_speaker_s() {
        for text in [
            "Tomas Brill was sentenced on Monday. Brill's pastor spoke to the court. He said Brill is a helpful person.",
            "Tomas Brill was sentenced on Monday. Brill's pastor said Brill is a helpful person.",
        ] {
            let f = stated(text);
            assert!(f.iter().all(|x| x.0 != "Tomas Brill"), "{text}: {f:?}");
        }
        // The speaker's own possessive is no third party.
        let f = stated("Tomas Brill said Brill's company would grow.");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn a_bare_title_held_by_no_one_named_is_no_one_s() {
        // "the judge" never names its holder: the defendant named last is not the judge.
        let f = stated(
            "Tomas Brill sat quietly as the judge read the sentence. The judge said the crime was brazen.",
        );
        assert!(f.iter().all(|x| x.0 != "Tomas Brill"), "{f:?}");
        // Named once after a comma, or after the title with another country's adjective,
        // the holder speaks through the bare title later.
        for text in [
            "The new ambassador to Peru, Li Wen, arrived on Monday. The ambassador said the ties were strong.",
            "Peruvian Foreign Minister Li Wen arrived on Monday. The foreign minister said the ties were strong.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, "Li Wen", "{text}");
        }
        // A title with another country than its one named holder's is not his.
        let f = stated(
            "Peruvian President Ana Lopez and her Chilean counterpart Li Wen met. \"The ties are strong,\" the Chilean president said.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Li Wen", "{f:?}");
    }

    #[test]
    fn an_officer_s_rank_written_out_is_no_part_of_the_name() {
        for (text, who) in [
            ("Captain Ana Lind said the road was open.", "Ana Lind"),
            (
                "Detective Sergeant Luis Rojas said the road was open.",
                "Luis Rojas",
            ),
            ("Lieutenant Tom Reyes said the road was open.", "Tom Reyes"),
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, who, "{text}");
        }
    }

    #[test]
    fn a_second_claim_after_and_that() {
        for (text, second) in [
            (
                "Premier Ana Lopez said that \"the border will stay open\" and that \"trade will grow.\"",
                "Trade will grow",
            ),
            (
                "Ana Lopez said that the talks had failed and that the army would stay in the north.",
                "The army would stay in the north",
            ),
            (
                "Ana Lopez said the talks had failed, and that the army would stay in the north.",
                "The army would stay in the north",
            ),
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 2, "{text}: {f:?}");
            assert!(f.iter().all(|x| x.0 == "Ana Lopez"), "{text}: {f:?}");
            assert!(!f[0].1.ends_with(" and"), "{text}: {f:?}");
            assert!(f.iter().any(|x| x.1 == second), "{text}: {f:?}");
        }
    }

    #[test]
    fn quote_before_the_speaker() {
        // A quotation that is a sentence of its own, then "X said.": curly or TeX-style.
        for text in [
            "\u{201c}The harvest was the best in years.\u{201d} Pierre Dubois said.",
            "``The harvest was the best in years.'' Pierre Dubois said.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].1, "The harvest was the best in years", "{text}");
        }
        let f = stated("\u{201c}The harvest was the best in years,\u{201d} said Pierre Dubois.");
        assert_eq!(f[0].0, "Pierre Dubois");
        assert_eq!(f[0].1, "The harvest was the best in years");
        let f = stated("\u{201c}The harvest was the best in years,\u{201d} Dubois said.");
        assert_eq!(f[0].1, "The harvest was the best in years");
    }

    #[test]
    fn an_unnamed_subject_names_no_speaker() {
        // The verb's own subject is "a spokesman" or "no board member": the name earlier
        // in the sentence is what the claim is about, not who speaks.
        for text in [
            "\u{201c}The border will stay open.\u{201d} Ana Lopez has no plans to leave the \
             ministry, a spokesman said.",
            "\u{201c}The border will stay open.\u{201d} Ana Lopez has no plans to leave the \
             ministry, a ministry spokeswoman said.",
            "Ana Lopez met the board, though she was not introduced and no board member said \
             publicly that she was a candidate.",
            "Ana Lopez met the board, though she was not introduced and one member said that \
             she was a candidate.",
        ] {
            let f = stated(text);
            assert!(f.iter().all(|x| x.0 != "Ana Lopez"), "{text}: {f:?}");
        }
        // A noun phrase after a preposition is no subject: the body speaks.
        for text in [
            "The Lima Zoo in a statement said that the condors were healthy.",
            "The Lima Zoo on a visit said that the condors were healthy.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, "Lima Zoo", "{text}");
        }
    }

    #[test]
    fn a_claim_opened_by_a_subordinate_clause_runs_to_its_main_clause() {
        for (text, claim) in [
            (
                "Ana Lind said when the call came last week, she asked for a night to think it over.",
                "When the call came last week, she asked for a night to think it over",
            ),
            (
                "Ana Lind said that once the permits are approved, the pandas would arrive.",
                "Once the permits are approved, the pandas would arrive",
            ),
        ] {
            let f = stated(text);
            assert_eq!(
                f.iter()
                    .map(|x| (x.0.as_str(), x.1.as_str()))
                    .collect::<Vec<_>>(),
                [("Ana Lind", claim)],
                "{text}"
            );
        }
        // A subordinate clause alone is when or why the words were said, no claim; nor
        // does an infinitive, a verb without its subject or a preposition's object open one.
        for text in [
            "Ana Lind said when she arrived in Lima on Monday.",
            "Ana Lind said once the permits are approved.",
            "Ana Lind told the soldiers to take good care of the mission.",
            "Ana Lind stressed will be reflected in this deployment.",
            "Ana Lind announced of the department's oversight board.",
        ] {
            assert_eq!(stated(text), [], "{text}");
        }
    }

    #[test]
    fn a_claim_with_no_subject_of_its_own_takes_the_one_it_shares() {
        // A verb coordinated after the subject's first clause.
        let f = stated(
            "The zoo will have its office in Lima, a port in Peru, and will employ 40 people, according to Ana Lind.",
        );
        assert_eq!(
            f.iter()
                .map(|x| (x.0.as_str(), x.1.as_str()))
                .collect::<Vec<_>>(),
            [(
                "Ana Lind",
                "The zoo will have its office in Lima, a port in Peru, and will employ 40 people"
            )]
        );
        // A speech verb inside a relative clause: the pronoun is the claim's subject.
        let f = stated("The zoo pays a fee, which Ana Lind says will fund panda research.");
        assert_eq!(
            f.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["Will fund panda research"]
        );
    }

    #[test]
    fn a_view_the_subjects_agree_on_is_stated_by_each() {
        for text in [
            "Ana Lind and Rui Costa agreed that the trip laid important groundwork for peace.",
            "In their talks, Foreign Minister Ana Lind and Rui Costa agreed that the trip laid important groundwork for peace.",
            "Ana Lind and Rui Costa concurred that the trip laid important groundwork for peace.",
        ] {
            let mut f = stated(text);
            f.sort();
            assert_eq!(
                f.iter()
                    .map(|x| (x.0.as_str(), x.1.as_str()))
                    .collect::<Vec<_>>(),
                [
                    ("Ana Lind", "The trip laid important groundwork for peace"),
                    ("Rui Costa", "The trip laid important groundwork for peace")
                ],
                "{text}"
            );
        }
        // Agreeing to act, or on a plan, is no claim.
        for text in [
            "Ana Lind and Rui Costa agreed to meet again in May.",
            "Ana Lind and Rui Costa agreed on a plan for the zoo.",
        ] {
            assert_eq!(stated(text), [], "{text}");
        }
    }

    #[test]
    fn a_military_or_court_title_stays_out_of_the_speakers_name() {
        for text in [
            "Chief Justice Ana Lind said the ruling would stand.",
            "\u{201c}The ruling will stand,\u{201d} Chief of Defence Staff Ana Lind said.",
            "\u{201c}The ruling will stand,\u{201d} said Chief of the General Staff Ana Lind.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, "Ana Lind", "{text}");
        }
    }

    #[test]
    fn the_speaker_after_a_body_or_an_adjective_and_a_title() {
        for text in [
            "\u{201c}We are sorry for the trouble,\u{201d} said Council President Ana Lind.",
            "\u{201c}We are sorry for the trouble,\u{201d} said council president Ana Lind.",
            "\u{201c}We are sorry for the trouble,\u{201d} said Ruritanian President Ana Lind, smiling.",
            "\u{201c}We are sorry for the trouble,\u{201d} said Chilean President Ana Lind, smiling.",
            "\u{201c}We are sorry for the trouble,\u{201d} said Lima Zoo director Ana Lind on Monday.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(
                (f[0].0.as_str(), f[0].1.as_str()),
                ("Ana Lind", "We are sorry for the trouble"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_person_named_after_a_description_of_the_speaker() {
        for text in [
            "\u{201c}We are sorry for the trouble,\u{201d} said one of the former hostages, Ana Lind.",
            "\u{201c}We are sorry for the trouble,\u{201d} said the zoo's chief executive, Ana Lind.",
            "\u{201c}We are sorry for the trouble,\u{201d} said a spokesman for the zoo, Ana Lind, who arrived late.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(
                (f[0].0.as_str(), f[0].1.as_str()),
                ("Ana Lind", "We are sorry for the trouble"),
                "{text}"
            );
        }
        // The name does not close the clause: it is the subject of the next verb.
        let f = stated("\u{201c}We are sorry,\u{201d} said the mayor on Monday, Ana Lind added.");
        assert!(
            f.iter()
                .all(|x| x.0 != "Ana Lind" || x.2 != "speech-quote" || x.1 != "We are sorry"),
            "{f:?}"
        );
    }

    #[test]
    fn a_lone_quotation_is_not_carried_into_the_next_paragraph() {
        let text = "Ana Lopez spoke in Lima. \u{201c}The border will stay open.\u{201d}\n\n\
                    Juan Perez said so.";
        let f = stated(text);
        assert!(f.iter().all(|x| x.0 != "Juan Perez"), "{f:?}");
        // In the same paragraph, the next sentence names its speaker.
        let text = "Ana Lopez spoke in Lima. \u{201c}The border will stay open.\u{201d} \
                    Juan Perez said so.";
        let f = stated(text);
        assert!(
            f.iter()
                .any(|x| x.0 == "Juan Perez" && x.1 == "The border will stay open"),
            "{f:?}"
        );
    }

    #[test]
    fn a_perfect_add_takes_an_object_not_a_claim() {
        assert!(
            stated("The Lima Zoo has added rare birds like condors since it was opened in 2005.")
                .is_empty()
        );
        let f = stated("The Lima Zoo has added that the condors are healthy.");
        assert_eq!(f[0].1, "The condors are healthy");
        let f = stated("The Lima Zoo added the condors were healthy.");
        assert_eq!(f[0].1, "The condors were healthy");
    }

    #[test]
    fn reported_clause() {
        let f = stated(
            "The Kenya Wildlife Service announced that the rhino population grew by a third.",
        );
        assert_eq!(f[0].0, "Kenya Wildlife Service");
        assert_eq!(f[0].1, "The rhino population grew by a third");
        assert_eq!(f[0].2, "speech-clause");
    }

    #[test]
    fn a_weekday_after_the_verb_is_no_part_of_the_claim() {
        for text in [
            "The Pentagon said Monday it will deploy 500 troops to the border.",
            "The Pentagon said Monday that it will deploy 500 troops to the border.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].1, "It will deploy 500 troops to the border", "{text}");
        }
    }

    #[test]
    fn a_time_phrase_after_the_verb_is_no_part_of_the_claim() {
        for text in [
            "Brantor Corp. said yesterday it would split the roles.",
            "Brantor Corp. said on Tuesday it would split the roles.",
            "Brantor Corp. said late Monday that it would split the roles.",
            "Brantor Corp. said June 24 it would split the roles.",
            "Brantor Corp. said Tuesday night the company would split the roles.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, "Brantor Corp", "{text}");
            assert!(f[0].1.ends_with("would split the roles"), "{text}: {f:?}");
            assert!(!f[0].1.contains("day"), "{text}: {f:?}");
        }
        // A time and a place after the verb, with a quotation before: the quotation.
        let f = stated("\"We are ready,\" Lena Vint said June 24 in Calder.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "We are ready");
    }

    #[test]
    fn a_circumstance_after_the_verb_is_no_part_of_the_claim() {
        for text in [
            "Lena Vint stressed during a visit to Calder that the border would stay open.",
            "Lena Vint emphasized while speaking in Calder that the border would stay open.",
            "Lena Vint said after the talks in Calder that the border would stay open.",
            "Lena Vint said following the vote that the border would stay open.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, "Lena Vint", "{text}");
            assert_eq!(f[0].1, "The border would stay open", "{text}: {f:?}");
        }
        // With no "that", the circumstance is not taken for the claim.
        let f = stated("Lena Vint spoke during the visit to Calder.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn thanks_are_a_statement() {
        let f = stated("President Ana Lind thanked Peru for the two llamas.");
        assert_eq!(
            f,
            [(
                "Ana Lind".into(),
                "Thanked Peru for the two llamas".into(),
                "thanked".into()
            )]
        );
        let f = stated("On Monday, the Lima Zoo thanked its donors for their support of the cubs.");
        assert_eq!(f[0].0, "Lima Zoo", "{f:?}");
        // Thanks to someone, or thanks with nothing thanked for, state nothing.
        assert!(stated("The cubs grew well thanks to the keepers.").is_empty());
        assert!(stated("Ana Lind thanked Peru.").is_empty());
    }

    #[test]
    fn calling_something_is_a_claim() {
        let f = stated("Chilean President Luis Rojas called the summit a success.");
        assert_eq!(
            f[0],
            (
                "Luis Rojas".into(),
                "The summit was a success".into(),
                "called-claim".into()
            )
        );
        assert!(stated("Luis Rojas called for calm.").is_empty());
        let f = stated("Ana Soto welcomed the troops and called the visit \"a new start\".");
        assert_eq!(f[0].0, "Ana Soto");
        assert_eq!(f[0].1, "The visit was a new start");
    }

    #[test]
    fn a_report_by_a_source() {
        let f = stated("Lima denied a report by Reuters that Peru had closed the border.");
        assert!(
            f.iter().any(|f| f.0 == "Reuters"
                && f.1 == "Peru had closed the border"
                && f.2 == "report-by"),
            "{f:?}"
        );
    }

    #[test]
    fn experts_speak_for_their_institution() {
        let f = stated("Economists at the Bank of Ghana in Accra said inflation had peaked.");
        assert_eq!(
            f[0],
            (
                "Bank of Ghana".into(),
                "Inflation had peaked".into(),
                "speech-clause".into()
            )
        );
        assert!(stated("Economists in Accra said inflation had peaked.").is_empty());
    }

    #[test]
    fn informing_reiterating_and_assuring_are_speech() {
        for (text, claim) in [
            (
                "\u{201c}The trucks were handed over,\u{201d} informed the Lima Embassy in a tweet.",
                "The trucks were handed over",
            ),
            (
                "The Lima Embassy reiterated that the trucks were handed over.",
                "The trucks were handed over",
            ),
            (
                "The Lima Embassy assured reporters that the trucks were handed over.",
                "The trucks were handed over",
            ),
        ] {
            let f = stated(text);
            assert!(
                f.iter().any(|(s, c, _)| s == "Lima Embassy" && c == claim),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn according_to_leading_and_trailing() {
        let f = stated("According to the Oslo Police, the thieves escaped by boat.");
        assert_eq!(
            f[0],
            (
                "Oslo Police".into(),
                "The thieves escaped by boat".into(),
                "according-to".into()
            )
        );
        let f = stated("The thieves escaped by boat, according to a statement by the Oslo Police.");
        assert_eq!(f[0].1, "The thieves escaped by boat");
        let f = stated("The thieves escaped by boat, according to Xinhua, which quoted a guard.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "The thieves escaped by boat");
        for text in [
            "According to Ana Lind, general manager of the park, the thieves escaped by boat.",
            "According to Ana Lind, a spokeswoman for the Oslo Police, the thieves escaped by boat.",
            "According to Ana Lind, the park's director, the thieves escaped by boat.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(
                (f[0].0.as_str(), f[0].1.as_str()),
                ("Ana Lind", "The thieves escaped by boat"),
                "{text}"
            );
        }
        let f = stated("As per a statement of the Oslo Police, the thieves escaped by boat.");
        assert_eq!(
            f[0],
            (
                "Oslo Police".into(),
                "The thieves escaped by boat".into(),
                "according-to".into()
            )
        );
    }

    #[test]
    fn trailing_attribution_skips_relative_clauses() {
        let f = stated("Prices rose in Peru, where floods hit farms, reported The Lima Herald.");
        assert_eq!(f[0].0, "Lima Herald");
        assert_eq!(f[0].1, "Prices rose in Peru");
    }

    #[test]
    fn generic_descriptions_name_the_last_institution() {
        let f = stated(
            "The Quito Botanical Garden Foundation opened. Later, the foundation said the orchids were safe.",
        );
        assert_eq!(f[0].0, "Quito Botanical Garden Foundation");
        assert_eq!(f[0].1, "The orchids were safe");
    }

    #[test]
    fn time_phrases_and_addressees_are_not_claims() {
        let f = stated("The Oslo Police said on Friday that the road was open.");
        assert_eq!(f[0].1, "The road was open");
        let f = stated("Mayor Ana Lind told reporters that the bridge would reopen.");
        assert_eq!(f[0].1, "The bridge would reopen");
        assert!(stated("Mayor Ana Lind told reporters about it.").is_empty());
    }

    #[test]
    fn more_verbs_of_saying_and_their_participles() {
        for text in [
            "\u{201c}The bridge will reopen in May,\u{201d} Ana Lind remarked.",
            "Ana Lind commented that the bridge will reopen in May.",
            "Ana Lind admitted that the bridge will reopen in May.",
            "Ana Lind spoke on Monday, adding that the bridge will reopen in May.",
            "Ana Lind left early, noting that the bridge will reopen in May.",
        ] {
            let f = stated(text);
            assert!(
                f.iter()
                    .any(|(_, claim, _)| claim.contains("bridge will reopen in May")),
                "{text}: {f:?}"
            );
        }
        // A warning as a noun reports nothing.
        assert!(stated("Ana Lind issued a warning to the town.").is_empty());
    }

    #[test]
    fn whom_a_speaker_told_is_no_speaker() {
        for text in [
            "Ana Lind from Arbroath, Scotland, told China Daily: \"The pandas are very welcome here.\"",
            "Ana Lind told reporters: \"The pandas are very welcome here.\"",
            "Ana Lind told the Oslo Times: \u{201c}The pandas are very welcome here.\u{201d}",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, "Ana Lind", "{text}: {f:?}");
            assert!(f[0].1.contains("pandas are very welcome"), "{text}: {f:?}");
        }
    }

    #[test]
    fn participles_infinitives_and_questions() {
        let f = stated(
            "Mayor Ana Lind refused to say whether Oslo would pay, saying only that \"talks go on\".",
        );
        assert_eq!(
            f,
            [(
                "Ana Lind".into(),
                "Talks go on".into(),
                "speech-quote".into()
            )]
        );
        assert!(stated("Mayor Ana Lind would not say if the bridge reopens.").is_empty());
    }

    /// The claims of `text`'s statements, sorted.
    fn claims(text: &str) -> Vec<(String, String)> {
        let mut v: Vec<_> = stated(text).into_iter().map(|(s, c, _)| (s, c)).collect();
        v.sort();
        v
    }

    #[test]
    fn a_claim_keeps_its_subject_across_a_relative_clause() {
        for text in [
            "The Lima Zoo, which opened in 1990, will close in May, Ana Soto said.",
            "The Lima Zoo, whose keepers went on strike, closes in May, according to Reuters.",
        ] {
            let f = claims(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert!(f[0].1.starts_with("The Lima Zoo, wh"), "{text}: {f:?}");
            assert!(f[0].1.contains(" in May"), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_gerund_subject_opens_a_claim_a_participle_does_not() {
        for (text, claim) in [
            (
                "Ana Soto said keeping the museum open is important.",
                "Keeping the museum open is important",
            ),
            (
                "Ana Soto said protecting the pandas was a duty.",
                "Protecting the pandas was a duty",
            ),
        ] {
            assert_eq!(
                claims(text),
                [("Ana Soto".to_string(), claim.to_string())],
                "{text}"
            );
        }
        // A speech verb's participle is no claim of its own.
        let f = claims("Ana Soto said, adding the plan is good.");
        assert!(!f.iter().any(|(_, c)| c.starts_with("Adding")), "{f:?}");
        let f = claims("Ana Soto spoke on Monday, citing figures that are old.");
        assert!(!f.iter().any(|(_, c)| c.starts_with("Citing")), "{f:?}");
    }

    #[test]
    fn he_is_the_last_person_named_not_the_last_capitalised_word() {
        for text in [
            "John Kerry arrived on Monday. The talks covered the Ebola crisis. \"We found common ground on many issues,\" he said.",
            "John Kerry arrived on Monday for talks on trade in Asia. He said the talks went very well.",
        ] {
            let f = claims(text);
            assert_eq!(f.len(), 1, "{text}");
            assert_eq!(f[0].0, "John Kerry", "{text}");
        }
    }

    #[test]
    fn coordinated_speakers_state_the_claim_together() {
        let f = claims("Ana Soto and Luis Rojas said that the talks had been open and frank.");
        assert_eq!(
            f,
            [
                (
                    "Ana Soto".to_string(),
                    "The talks had been open and frank".to_string()
                ),
                (
                    "Luis Rojas".to_string(),
                    "The talks had been open and frank".to_string()
                ),
            ]
        );
        // A list in the claim is not a list of speakers.
        let f =
            claims("Chile will send troops to Peru, Bolivia and Ecuador, Chilean officials said.");
        assert!(
            f.iter()
                .all(|(who, _)| who != "Bolivia" && who != "Ecuador"),
            "{f:?}"
        );
    }

    #[test]
    fn circumstances_and_noun_phrases_are_no_claims() {
        for text in [
            "Fire Chief Dan Wilson said when he first arrived on the scene.",
            "Defense Secretary Jim Marks said while speaking at a press conference in London.",
            "Mayor Ann Lee said Interim Chief Amelia Huffman.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        for (text, claim) in [
            (
                "Ann Lee said the rhino population grew by a third.",
                "The rhino population grew by a third",
            ),
            (
                "Ann Lee said Chile wants more llamas.",
                "Chile wants more llamas",
            ),
            (
                "Ann Lee said they remain in quarantine.",
                "They remain in quarantine",
            ),
        ] {
            assert_eq!(
                claims(text),
                [("Ann Lee".to_string(), claim.to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn a_claim_runs_through_a_partial_quote() {
        let f = claims(
            "Spokesman Wu Jian said on Tuesday that countries outside the region \"should not stir up trouble\" in the sea.",
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].1.ends_with("in the sea"), "{f:?}");
    }

    #[test]
    fn this_after_said_is_a_claim_unless_a_time_follows() {
        assert_eq!(
            claims("Matt Beaton said this was a brazen and well-crafted crime."),
            [(
                "Matt Beaton".into(),
                "This was a brazen and well-crafted crime".into()
            )]
        );
        assert_eq!(
            claims("Matt Beaton said this morning that the bridge would reopen."),
            [("Matt Beaton".into(), "The bridge would reopen".into())]
        );
        assert!(claims("Matt Beaton said this morning.").is_empty());
    }

    #[test]
    fn each_sentence_of_a_quote_is_a_statement() {
        let both = |who: &str| {
            vec![
                (
                    who.to_string(),
                    "The harvest was the best in years".to_string(),
                ),
                (
                    who.to_string(),
                    "We are grateful to every farmer".to_string(),
                ),
            ]
        };
        // Curly, straight or TeX-style quotes, the speaker after the quotation or before it.
        for text in [
            "\u{201c}The harvest was the best in years. We are grateful to every farmer,\u{201d} said Pierre Dubois.",
            "\"The harvest was the best in years. We are grateful to every farmer,\" Pierre Dubois said.",
            "``The harvest was the best in years. We are grateful to every farmer,'' Pierre Dubois said.",
            "Pierre Dubois said: ``The harvest was the best in years. We are grateful to every farmer.''",
            "Pierre Dubois said: \u{201c}The harvest was the best in years. We are grateful to every farmer.\u{201d}",
            "Pierre Dubois said: \"The harvest was the best in years. We are grateful to every farmer.\"",
        ] {
            assert_eq!(claims(text), both("Pierre Dubois"), "{text}");
        }
        // A quotation does not run on past its paragraph.
        let f = claims(
            "Pierre Dubois said: \"The harvest was the best in years.\n\nPrices fell in May.",
        );
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn a_quotation_whose_speaker_is_named_at_its_end_is_not_the_last_speaker_s() {
        let text = "The Keldar Bank said the fund grew.\n\n\u{201c}Prices rose in May. Rents \
                    fell in June. We could not stop it,\u{201d} bank economist Ana Lind said.";
        let f = stated(text);
        for claim in [
            "Prices rose in May",
            "Rents fell in June",
            "We could not stop it",
        ] {
            assert!(
                f.iter().any(|x| x.0 == "Ana Lind" && x.1 == claim),
                "{claim}: {f:?}"
            );
            assert!(
                !f.iter().any(|x| x.0 != "Ana Lind" && x.1 == claim),
                "{f:?}"
            );
        }
        // A quotation that names no speaker of its own stays the last speaker's.
        let f = stated(
            "Ana Lind said the fund grew.\n\n\u{201c}Prices rose in May. Rents fell in June.\u{201d}",
        );
        assert!(
            f.iter()
                .any(|x| x.0 == "Ana Lind" && x.1 == "Rents fell in June"),
            "{f:?}"
        );
    }

    #[test]
    fn officials_of_a_body_named_by_its_kind_speak_for_it() {
        let f = stated(
            "The Keldar Zoo received a lion. The lion did not survive the trip, zoo officials \
             said Thursday.",
        );
        assert!(
            f.iter()
                .any(|x| x.0 == "Keldar Zoo" && x.1 == "The lion did not survive the trip"),
            "{f:?}"
        );
        // No zoo named: nobody to speak for.
        let f = stated("The lion did not survive the trip, zoo officials said Thursday.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn verbs_of_belief_report_a_claim_once() {
        for (text, claim) in [
            (
                "Luis Rojas thinks the club will win the cup.",
                "The club will win the cup",
            ),
            (
                "Ana Lind hoped that the talks would resume.",
                "The talks would resume",
            ),
            (
                "The deal will help both sides, Ana Lind observed.",
                "The deal will help both sides",
            ),
            (
                "Ana Lind recalled that the zoo opened in 1990.",
                "The zoo opened in 1990",
            ),
            // Verbs that report with an object, an estimate or testimony.
            (
                "Ana Lind reminded the board that the zoo opened in 1990.",
                "The zoo opened in 1990",
            ),
            (
                "Peruvian officials estimate more than 2,000 people have left the town.",
                "More than 2,000 people have left the town",
            ),
            (
                "Ana Lind testified that the zoo opened in 1990.",
                "The zoo opened in 1990",
            ),
            (
                "Ana Lind complained that the zoo was too small.",
                "The zoo was too small",
            ),
            (
                "Luis Rojas concluded that the zoo was too small.",
                "The zoo was too small",
            ),
        ] {
            let f = stated(text);
            assert!(f.iter().any(|x| x.1 == claim), "{text}: {f:?}");
        }
        // A report inside a claim is not a second claim.
        for text in [
            "Ana Lind said on Friday that she hoped the treaty would bring peace.",
            "Ana Lind said she believes the treaty will bring peace.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
        }
        // "recalled" with no clause claims nothing.
        assert!(stated("Ana Lind recalled the war of 1990.").is_empty());
    }

    #[test]
    fn a_paragraph_that_is_a_quotation_continues_the_last_speaker() {
        for text in [
            "Ana Lind said the fund grew.\n\n\u{201c}We are ready to invest more.\u{201d}",
            "\u{201c}The fund grew,\u{201d} Ana Lind said.\n\n\"We are ready to invest more.\"",
            "``The fund grew,'' Ana Lind said.\n\n``We are ready to invest more.''",
            "The fund grew, Ana Lind told reporters.\n\n\u{201c}We are ready to invest more. Prices will rise.\u{201d}",
        ] {
            let f = stated(text);
            assert!(
                f.iter()
                    .any(|x| x.0 == "Ana Lind" && x.1 == "We are ready to invest more"),
                "{text}: {f:?}"
            );
        }
        // Not past a paragraph that speaks of something else, nor inside one paragraph.
        for text in [
            "Ana Lind said the fund grew.\n\nPrices fell in May.\n\n\u{201c}We are ready to invest more.\u{201d}",
            "Ana Lind said the fund grew. \u{201c}We are ready to invest more,\u{201d} Pierre Dubois said.",
        ] {
            let f = stated(text);
            assert!(
                !f.iter()
                    .any(|x| x.0 == "Ana Lind" && x.1.starts_with("We are ready")),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_title_written_again_speaks_for_its_holder() {
        for text in [
            "The new ambassador, Bing Xue, arrived on Monday.\n\n\u{201c}Our ties are close,\u{201d} the ambassador said.",
            "The new ambassador, Bing Xue, arrived on Monday. \"Our ties are close,\" said the ambassador.",
            "Ambassador Bing Xue arrived on Monday.\n\nThe ties are close, the ambassador said.",
        ] {
            let f = stated(text);
            assert!(
                f.iter()
                    .any(|x| x.0 == "Bing Xue" && x.1.ends_with("ties are close")),
                "{text}: {f:?}"
            );
        }
        // A title the article never gave to anyone speaks for no one.
        let f = stated(
            "Bing Xue arrived on Monday. \u{201c}Our ties are close,\u{201d} the minister said.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_denial_states_the_claim_negated_never_the_claim() {
        for (text, speaker, want) in [
            (
                "Bolivia denied that it had sent troops to Oruro.",
                "Bolivia",
                "It had not sent troops to Oruro",
            ),
            (
                "The Kremlin denied reports that Russian troops were in Mali.",
                "Kremlin",
                "Russian troops were not in Mali",
            ),
            (
                "Ana Lind rejected claims that the fund was closing.",
                "Ana Lind",
                "The fund was not closing",
            ),
            (
                "Chad sent no one, Ana Lind said on Tuesday, dismissing a report by Reuters that units had crossed the border.",
                "Ana Lind",
                "Units had not crossed the border",
            ),
            (
                "Ana Lind denies that the fund never paid.",
                "Ana Lind",
                "Denied: The fund never paid",
            ),
        ] {
            let f = stated(text);
            assert!(
                f.iter().any(|x| x.0 == speaker && x.1 == want),
                "{text}: {f:?}"
            );
            assert!(
                f.iter().all(|x| x.0 != speaker
                    || !x.1.ends_with("crossed the border")
                    || x.1.contains("not")),
                "{text}: {f:?}"
            );
        }
        // The denied claim itself is never stored as said.
        let f = stated("The Kremlin denied reports that Russian troops were in Mali.");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn a_thing_turned_down_is_no_denied_claim() {
        for text in [
            "The Keldar Supreme Court denied a conservative legal group's request to force the state officials to defend the voter-approved ban.",
            "The court denied an appeal by Luis Rojas to force the city to reopen the case.",
        ] {
            let f = stated(text);
            assert!(f.iter().all(|x| x.2 != "speech-denial"), "{text}: {f:?}");
        }
        // A report, information or criticism turned down is a denied claim.
        for text in [
            "Peru denied the information made public by Chile about a shipment of rifles.",
            "Ana Lind rejected criticism that the fund was closing.",
        ] {
            let f = stated(text);
            assert!(f.iter().any(|x| x.2 == "speech-denial"), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_two_word_quotation_is_a_claim() {
        let f = stated(
            "Bing Xue arrived.\n\n\u{201c}I\u{2019}m honoured,\u{201d} he said of his appointment.",
        );
        assert_eq!(f[0].0, "Bing Xue");
        assert_eq!(f[0].1, "I\u{2019}m honoured");
    }

    #[test]
    fn appositives_between_speaker_and_verb() {
        let f =
            stated("Ana Lind, the minister in charge of Norway's Oil Fund, said the fund grew.");
        assert_eq!(f[0].0, "Ana Lind");
        let f = stated(
            "Prices fell sharply in May, Ana Lind, head of the Oil Fund, said on Friday, denying rumours that it closed.",
        );
        assert!(
            f.iter()
                .any(|x| x.0 == "Ana Lind" && x.1 == "Prices fell sharply in May"),
            "{f:?}"
        );
        // What the participle denies is Ana Lind's too, marked as denied.
        assert!(
            f.iter()
                .any(|x| x.0 == "Ana Lind" && x.1 == "Denied: It closed"),
            "{f:?}"
        );
    }

    #[test]
    fn an_appositive_ending_in_a_title_is_skipped() {
        for text in [
            "Ana Lind, Lima Zoo Chief Executive, said: \"The llamas are fine and healthy.\"",
            "Ana Lind, Lima Zoo director, said the llamas were fine and healthy.",
            "The llamas are fine and healthy, Ana Lind, NASA administrator, said.",
        ] {
            let f = stated(text);
            assert!(!f.is_empty(), "{text}");
            assert!(f.iter().all(|x| x.0 == "Ana Lind"), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_short_descriptive_appositive_is_skipped() {
        for (text, who) in [
            (
                "Ana Lind, the Swedish botanist, said the plants had grown fast.",
                "Ana Lind",
            ),
            (
                "Prensa Velmar, the Chilean news agency, said the plants had grown fast.",
                "Prensa Velmar",
            ),
            (
                "Pedro Soto, a retired teacher, said the plants had grown fast.",
                "Pedro Soto",
            ),
        ] {
            let f = stated(text);
            assert!(!f.is_empty(), "{text}");
            assert!(f.iter().all(|x| x.0 == who), "{text}: {f:?}");
        }
        // An appositive with a verb of its own is a clause, not a description.
        let f = stated("Ana Lind, the woman who ran the zoo, said the plants had grown fast.");
        assert!(f.iter().all(|x| x.0 != "Ana Lind"), "{f:?}");
    }

    #[test]
    fn a_claim_may_open_with_a_name_or_pronoun_in_ing() {
        for (text, claim) in [
            (
                "Ana Lind said nothing will happen until March.",
                "Nothing will happen until March",
            ),
            (
                "Ana Lind said everything must be done to keep the zoo open.",
                "Everything must be done to keep the zoo open",
            ),
            (
                "Ana Lind said Beijing would lend the zoo two pandas.",
                "Beijing would lend the zoo two pandas",
            ),
            (
                "Reading Zoo would close in May, Ana Lind said.",
                "Reading Zoo would close in May",
            ),
        ] {
            let f = stated(text);
            assert!(
                f.iter().any(|x| x.0 == "Ana Lind" && x.1 == claim),
                "{text}: {f:?}"
            );
        }
        // A participle is not a claim, capitalised at the start of the sentence or not.
        for text in [
            "Responding to the criticism, the zoo will close next year, Ana Lind said.",
            "Ana Lind said, adding that the zoo will close next year.",
        ] {
            let f = stated(text);
            assert!(
                f.iter().all(|x| !x.1.to_lowercase().starts_with("respond")
                    && !x.1.to_lowercase().starts_with("adding")),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_relative_clause_is_skipped_before_an_auxiliary() {
        for text in [
            "Ana Lind, who has been under pressure from the board, has said the deal was fair.",
            "Ana Lind, who ran the Lima Zoo for ten years, has repeatedly said the deal was fair.",
            "Ana Lind, who heads the museum in Lima, will also say the deal was fair.",
        ] {
            let f = stated(text);
            assert!(
                f.iter()
                    .any(|x| x.0 == "Ana Lind" && x.1 == "The deal was fair"),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn an_indefinite_appositive_with_a_title_is_skipped() {
        for (text, who) in [
            (
                "Marta Kovac, a University of Zagreb law professor, said the deal was fair.",
                "Marta Kovac",
            ),
            (
                "Pedro Soto, an economist at the Bank of Lima, said the deal was fair.",
                "Pedro Soto",
            ),
            (
                "Tom Hale, 54, a former Lima Zoo keeper, said the deal was fair.",
                "Tom Hale",
            ),
        ] {
            let f = stated(text);
            assert!(
                f.iter().any(|x| x.0 == who && x.1 == "The deal was fair"),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_speaker_after_the_comma_may_own_a_title_and_give_circumstances() {
        let f = stated(
            "Damage was light in the county, Lima Emergency Management Director Ana Lind stated.",
        );
        assert!(
            f.iter()
                .any(|x| x.0 == "Ana Lind" && x.1 == "Damage was light in the county"),
            "{f:?}"
        );
        let f = stated(
            "\u{201c}The harvest was good,\u{201d} said Ana Lind at the start of the meeting.",
        );
        assert!(
            f.iter()
                .any(|x| x.0 == "Ana Lind" && x.1 == "The harvest was good"),
            "{f:?}"
        );
    }

    #[test]
    fn a_title_apposition_before_the_speaker_is_no_part_of_the_claim() {
        for text in [
            "The harvest was good, the Keldar Society's chief executive, Ana Lind, told reporters.",
            "The harvest was good, the farm's director, Ana Lind, said.",
            "The harvest was good, a spokesman for the farm, Ana Lind, said on Monday.",
        ] {
            let f = stated(text);
            assert_eq!(
                f.iter().map(|x| (&*x.0, &*x.1)).collect::<Vec<_>>(),
                [("Ana Lind", "The harvest was good")],
                "{text}"
            );
        }
        // An apposition that opens the sentence is no claim at all.
        for text in [
            "The farm's director, Ana Lind, said so.",
            "A spokesman for the farm, Ana Lind, agreed.",
        ] {
            assert!(stated(text).is_empty(), "{text}: {:?}", stated(text));
        }
        // A clause with a verb before the comma stays the claim.
        let f = stated(
            "Ambassador Ana Lind handed over the keys at the farm, the Keldar Ministry said.",
        );
        assert!(
            f.iter()
                .any(|x| x.1 == "Ambassador Ana Lind handed over the keys at the farm"),
            "{f:?}"
        );
    }

    #[test]
    fn the_title_again_with_its_country_is_the_titled_person() {
        let f = stated(
            "Chilean President Luis Rojas met Peru's Ana Soto. He praised Soto's work. The Chilean president also noted that trade with Peru grew fast.",
        );
        assert!(
            f.iter()
                .any(|x| x.0 == "Luis Rojas" && x.1 == "Trade with Peru grew fast"),
            "{f:?}"
        );
    }

    #[test]
    fn the_head_title_again_after_its_body_is_the_person_said_to_lead_it() {
        for (text, claim) in [
            (
                "Ana Soto was elected president of the Keldar Federation. The Keldar Federation president said the players will be paid.",
                "The players will be paid",
            ),
            (
                "Keldar Corp named Ana Soto chief executive on Monday. Later, the Keldar Corp chief executive told reporters: \"Sales will grow.\"",
                "Sales will grow",
            ),
        ] {
            let f = stated(text);
            assert!(
                f.iter().any(|x| x.0 == "Ana Soto" && x.1 == claim),
                "{text}: {f:?}"
            );
        }
        // A member's title is no head's, and with no head named the body speaks.
        for text in [
            "Ana Soto was elected president of the Keldar Federation. The Keldar Federation spokesman said the players will be paid.",
            "The Keldar Federation president said the players will be paid.",
        ] {
            let f = stated(text);
            assert!(
                f.iter().all(|x| x.0 != "Ana Soto") && f.iter().any(|x| x.0 == "Keldar Federation"),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn an_unnamed_official_speaks_for_the_body_named_with_the_title() {
        let text = "A senior official of the Chilean Ministry of Defence said the talks failed. \
                    Chile has never sent tanks to Peru, the official stated. \
                    He added that the border was calm.";
        let f = stated(text);
        for claim in ["Chile has never sent tanks to Peru", "The border was calm"] {
            assert!(
                f.iter()
                    .any(|x| x.0 == "Chilean Ministry of Defence" && x.1 == claim),
                "{claim}: {f:?}"
            );
        }
    }

    #[test]
    fn a_titled_speaker_after_the_verb_and_verbs_of_belief() {
        let f = stated(
            "\u{201c}The harvest was good,\u{201d} said Mayor Ana Lind at a news conference.",
        );
        assert!(
            f.iter()
                .any(|x| x.0 == "Ana Lind" && x.1 == "The harvest was good"),
            "{f:?}"
        );
        let f =
            stated("Ana Lind, the mayor of Lima, argues that the harvest was the best in years.");
        assert!(
            f.iter()
                .any(|x| x.0 == "Ana Lind" && x.1 == "The harvest was the best in years"),
            "{f:?}"
        );
    }

    #[test]
    fn quoted_as_saying() {
        let f = stated(
            "\"The harvest was the best in years,\" Ana Lind, head of the Lima Farm Board, was quoted as saying.",
        );
        assert!(
            f.iter()
                .any(|x| x.0 == "Ana Lind" && x.1 == "The harvest was the best in years"),
            "{f:?}"
        );
    }

    #[test]
    fn that_s_is_no_complementizer() {
        let f = stated("\u{201c}That\u{2019}s why we came,\u{201d} said Ana Lind.");
        assert!(
            f.iter()
                .any(|x| x.0 == "Ana Lind" && x.1 == "That\u{2019}s why we came"),
            "{f:?}"
        );
    }

    #[test]
    fn statements_are_dated_by_the_article() {
        let f = facts(
            "In March, Chile sent six horses to Peru, the Chilean Ministry of Agriculture said.",
        );
        let st = f.iter().find(|f| f.1 == "stated").unwrap();
        assert_eq!(st.4.as_deref(), Some("2023-05"));
    }

    #[test]
    fn an_undertaking_never_speaks() {
        for (text, who) in [
            (
                "Ana Lind arrived. She said the deployment, called Operation Sea Guard, would end soon.",
                "Ana Lind",
            ),
            (
                "Ana Lind arrived. The llamas came under Project Llama. She said they would stay.",
                "Ana Lind",
            ),
            (
                "Pedro Soto spoke. \"We will win,\" he said of the Programme Clean Air campaign.",
                "Pedro Soto",
            ),
        ] {
            let f = stated(text);
            assert!(!f.is_empty(), "{text}");
            assert!(f.iter().all(|x| x.0 == who), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_speaker_after_the_verb_past_a_country_s_possessive() {
        for text in [
            "\"We must not focus only on sanctions,\" said Peru's Ana Lind.",
            "\"We must not focus only on sanctions,\" said Peru's Foreign Minister Ana Lind.",
            "We must not focus only on sanctions, said Peru's Ana Lind.",
        ] {
            let f = stated(text);
            assert_eq!(
                f.iter()
                    .map(|x| (x.0.as_str(), x.1.as_str()))
                    .collect::<Vec<_>>(),
                [("Ana Lind", "We must not focus only on sanctions")],
                "{text}"
            );
        }
    }

    #[test]
    fn a_reported_claim_after_place_and_time_phrases() {
        for text in [
            "Ana Lind told reporters in Lima on Monday that the border would stay open.",
            "Peru's envoy, Ana Lind, told reporters in Lima on Monday that the border would stay open.",
            "Ana Lind said at a news conference in Lima that the border would stay open.",
        ] {
            let f = stated(text);
            assert_eq!(
                f.iter()
                    .map(|x| (x.0.as_str(), x.1.as_str()))
                    .collect::<Vec<_>>(),
                [("Ana Lind", "The border would stay open")],
                "{text}"
            );
        }
        // The first "that" reports; a later one opens a relative clause.
        let f = stated("Ana Lind said that the llamas that had arrived were healthy.");
        assert_eq!(f[0].1, "The llamas that had arrived were healthy");
    }

    #[test]
    fn a_participle_speaks_for_the_first_actor_that_can_speak() {
        // A place naming the body before the title is no speaker.
        let f = stated(
            "Park spokeswoman Ana Lind declined to give a date, saying only that it will happen before May.",
        );
        assert_eq!(
            f,
            [(
                "Ana Lind".into(),
                "It will happen before May".into(),
                "speech-clause".into()
            )]
        );
    }

    #[test]
    fn a_stance_noun_reports_its_that_clause() {
        for (text, speaker) in [
            (
                "Ana Lind expressed confidence that the harvest will be good.",
                "Ana Lind",
            ),
            (
                "The Lima Zoo voiced its strong hope that the harvest will be good.",
                "Lima Zoo",
            ),
            (
                "Ana Lind reaffirmed her belief that the harvest will be good.",
                "Ana Lind",
            ),
        ] {
            let f = stated(text);
            assert_eq!(
                f,
                [(
                    speaker.into(),
                    "The harvest will be good".into(),
                    "speech-stance".into()
                )],
                "{text}"
            );
        }
        // No stance noun, or neither a "that" clause nor what the stance is about after
        // it ("expressed concern about the harvest" is told in its own words, below):
        // nothing is claimed.
        for text in [
            "Ana Lind expressed concern.",
            "Ana Lind shared photos that showed the harvest.",
            "Ana Lind shared the view of the harvest that everyone had.",
        ] {
            assert_eq!(stated(text), [], "{text}");
        }
    }

    #[test]
    fn described_as_is_a_claim_about_the_object() {
        let f = stated("Ana Lind described Jon Berg as an experienced leader.");
        assert_eq!(
            f,
            [(
                "Ana Lind".into(),
                "Jon Berg was an experienced leader".into(),
                "called-claim".into()
            )]
        );
        // A passive names no speaker here; "described how" has no "as".
        for text in [
            "The plan was described as a failure by Ana Lind.",
            "Ana Lind described how the plan failed.",
        ] {
            assert_eq!(stated(text), [], "{text}");
        }
    }

    #[test]
    fn a_speaker_after_the_verb_may_carry_an_honorific() {
        for text in [
            "The rhino will move to the sanctuary later this year, said Dr. Ana Lind, director of its research centre.",
            "The rhino will move to the sanctuary later this year, said Mr Ana Lind.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, "Ana Lind", "{text}");
        }
    }

    /// The speakers of each claim of a text, sorted: (claim, speaker).
    fn claims_by_speaker(text: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            stated(text).into_iter().map(|(s, c, _)| (c, s)).collect();
        out.sort();
        out
    }

    #[test]
    fn a_pair_of_people_states_its_claim_once_for_each() {
        let met = "Foreign Minister Ana Lind met her Peruvian counterpart Jon Berg in Lima.";
        for (second, claim) in [
            (
                "The two ministers noted that trade was growing fast.",
                "Trade was growing fast",
            ),
            (
                "Both ministers had agreed that talks should resume soon.",
                "Talks should resume soon",
            ),
            (
                "The Foreign Ministers reaffirmed the need to sign, as soon as possible, a treaty on fishing.",
                "The Foreign Ministers reaffirmed the need to sign, as soon as possible, a treaty on fishing",
            ),
            (
                "Both ministers expressed hope that the exercises would continue.",
                "The exercises would continue",
            ),
        ] {
            let text = format!("{met} {second}");
            assert_eq!(
                claims_by_speaker(&text),
                [
                    (claim.to_string(), "Ana Lind".to_string()),
                    (claim.to_string(), "Jon Berg".to_string())
                ],
                "{text}"
            );
        }
    }

    #[test]
    fn they_and_a_shared_verb_after_a_pair_state_its_claims() {
        let met = "Foreign Minister Ana Lind met her Peruvian counterpart Jon Berg in Lima.";
        let text = format!(
            "{met} The two ministers discussed trade and agreed that tariffs should fall. \
             They also agreed to open a consulate in Cusco."
        );
        let f = claims_by_speaker(&text);
        let speakers = |claim: &str| {
            f.iter()
                .filter(|(c, _)| c == claim)
                .map(|(_, s)| s.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            speakers("Tariffs should fall"),
            ["Ana Lind", "Jon Berg"],
            "{f:?}"
        );
        assert_eq!(
            speakers("They also agreed to open a consulate in Cusco"),
            ["Ana Lind", "Jon Berg"],
            "{f:?}"
        );
    }

    #[test]
    fn a_pair_inside_someone_elses_claim_is_that_ones_words() {
        let text = "Prime Minister Ana Lind met her Peruvian counterpart Jon Berg in Lima. \
                    Spokesman Tom Holt added that both leaders had agreed to explore ways of raising trade.";
        let f = stated(text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Tom Holt");
    }

    #[test]
    fn the_statement_speaks_for_who_issued_it() {
        let cases = [
            "The Andes Ministry issued a statement on Monday. \u{201c}The border will stay open,\u{201d} the statement said.",
            "Tariffs will fall, the Lima Zoo said in a statement on Saturday. The border will stay open, the statement added.",
            "According to a statement from Condor House, Ana Lind met Jon Berg. \"The border will stay open,\" the statement said.",
            "In a statement, the Andes Ministry said tariffs would fall. According to the statement, the border will stay open.",
            "Tariffs will fall, read the Andes Ministry's statement. The border will stay open, the press release added.",
        ];
        for text in cases {
            let f = stated(text);
            assert!(
                f.iter().any(|(s, c, _)| c == "The border will stay open"
                    && ["Andes Ministry", "Lima Zoo", "Condor House"].contains(&s.as_str())),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_statement_nobody_issued_speaks_for_no_one() {
        let f = stated("Ana Lind met Jon Berg. \"The border will stay open,\" the statement said.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn the_sides_after_two_titled_people_are_those_two() {
        for sides in ["The sides", "The two sides", "Both sides"] {
            let text = format!(
                "Foreign Minister Ana Lind met her Peruvian counterpart Jon Berg in Lima. \
                 {sides} noted that trade had grown."
            );
            let f = claims_by_speaker(&text);
            assert_eq!(
                f,
                [
                    ("Trade had grown".to_string(), "Ana Lind".to_string()),
                    ("Trade had grown".to_string(), "Jon Berg".to_string())
                ],
                "{text}"
            );
        }
        // Two countries and no titled people: no one speaks for the sides.
        let f = stated("Chile and Peru signed a deal. Both sides noted that trade had grown.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_stance_about_something_is_told_in_its_own_words() {
        for (text, claim) in [
            (
                "Ana Lind expressed satisfaction over the talks.",
                "Expressed satisfaction over the talks",
            ),
            (
                "Ana Lind expressed concern about the harvest.",
                "Expressed concern about the harvest",
            ),
            (
                "Ana Lind also shared her pride in being chosen for the mission.",
                "Shared her pride in being chosen for the mission",
            ),
            (
                "The Lima Zoo expressed its deep gratitude to Peru for the llamas.",
                "Expressed its deep gratitude to Peru for the llamas",
            ),
            (
                "Ana Lind expressed delight that the llamas had arrived.",
                "The llamas had arrived",
            ),
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].1, claim, "{text}");
        }
        // Nothing it is about, no stance noun, or a subject not right before the verb.
        for text in [
            "Ana Lind expressed hope.",
            "Ana Lind shared the stage with Jon Berg.",
            "The head of the Lima Zoo, who arrived on Monday, expressed gratitude to Peru for the llamas.",
        ] {
            assert!(stated(text).is_empty(), "{text}: {:?}", stated(text));
        }
    }

    #[test]
    fn a_speaker_after_said_may_have_lowercase_words_before_the_title() {
        for text in [
            "\"The vote is invalid,\" said advisory board member Ana Lind.",
            "\"The vote is invalid,\" said longtime council member Ana Lind.",
        ] {
            let f = stated(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, "Ana Lind", "{text}");
        }
        // Words that are no modifiers of a title: the name is not the speaker.
        for text in [
            "\"The vote is invalid,\" said in a letter to board member Ana Lind.",
            "\"The vote is invalid,\" it said to board member Ana Lind.",
            "\"The vote is invalid,\" said to board member Ana Lind.",
        ] {
            assert!(stated(text).is_empty(), "{text}: {:?}", stated(text));
        }
    }
}
