//! The extraction pipeline: article text → sentences → tokens → mentions → entities →
//! facts, offline and deterministic.
//!
//! * [`read_article`] checks the bytes and reads the header;
//! * [`extract`] turns one article into a [`GraphFile`];
//! * [`build`] merges several articles' graphs.
//!
//! Stages, one module each: [`text`] (header, sentences), [`tokens`], [`mentions`]
//! (with the [`lexicon`] data files), [`resolve`] (which mentions are one entity),
//! [`rules`] (relations) and [`attributes`] (counts, dates).

pub mod attributes;
pub mod lexicon;
pub mod mentions;
pub mod resolve;
pub mod rules;
pub mod text;
pub mod tokens;
pub mod trace;
pub mod typer;

use crate::model::{Entity, Fact, GraphFile, Relation, Source, slug};
use attributes::{Date, find_dates};
use mentions::{Mention, find_mentions};
use rules::{Ctx, RawFact, Sentence};
use std::collections::{HashMap, HashSet};

/// Sentences longer than this (in bytes) are not read for facts: no news sentence is
/// that long, and it keeps the work per sentence bounded.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// An article read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The source id (by convention the file stem).
    pub id: String,
    /// The `source:` header, if any.
    pub source: Option<String>,
    /// The `date:` header (ISO-8601 prefix), if any.
    pub date: Option<String>,
    /// The whole file, header included: evidence spans are offsets into it.
    pub text: String,
    /// Where the body starts, after the header.
    pub body_start: usize,
    /// The byte range of the `title:` header's value, if any: the headline, read only
    /// for the names it gives in full.
    pub title: Option<(usize, usize)>,
}

/// Why bytes are not an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArticleError {
    #[error("the article is empty")]
    Empty,
    #[error("the article is binary (NUL byte at byte {at})")]
    Binary { at: usize },
    #[error("the article is not UTF-8 (invalid byte at byte {at})")]
    NotUtf8 { at: usize },
    #[error("the article has no sentences")]
    NoSentences,
    #[error(transparent)]
    BadDate(#[from] text::BadDate),
}

/// Checks the bytes of an article file and reads its header.
pub fn read_article(bytes: &[u8], id: &str) -> Result<Article, ArticleError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ArticleError::Empty);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(ArticleError::Binary { at });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8 {
        at: e.valid_up_to(),
    })?;
    let header = text::parse_header(text)?;
    if !text[header.body_start..].chars().any(char::is_alphabetic) {
        return Err(ArticleError::NoSentences);
    }
    Ok(Article {
        id: id.to_string(),
        source: header.source,
        date: header.date,
        text: text.to_string(),
        body_start: header.body_start,
        title: header.title,
    })
}

/// The graph one article yields: its source, the entities its facts name and the facts.
/// Same input, byte-identical output.
///
/// # Complexity
/// O(n) time in the length of the text (lexicon lookups are hash lookups). Memory
/// beyond the text and the graph: one part's mentions, [`PART_BYTES`] of text at most.
pub fn extract(article: &Article) -> GraphFile {
    extract_in_parts(article, PART_BYTES)
}

/// [`extract`], with parts of `limit` bytes.
fn extract_in_parts(article: &Article, limit: usize) -> GraphFile {
    let article_date = article.date.as_deref().and_then(Date::parse);
    let spans = text::sentences(&article.text, article.body_start);
    let parts = parts(&article.text, &spans, limit);
    if parts.len() == 1 {
        return extract_part(article, article_date, spans);
    }
    // A text longer than any news article, read part by part: each part's entities are
    // resolved within it, and the parts' graphs are joined as `build` joins articles,
    // keeping the first statement of each fact.
    let mut out = GraphFile::default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut seen: HashSet<(String, crate::model::Relation, String)> = HashSet::new();
    for range in parts {
        let g = extract_part(article, article_date, spans[range].to_vec());
        if out.sources.is_empty() {
            out.sources = g.sources;
        }
        for e in g.entities {
            match by_id.get(&e.id) {
                Some(&i) => {
                    let known = &mut out.entities[i];
                    for a in e.aliases.into_iter().chain(std::iter::once(e.name)) {
                        if a != known.name && !known.aliases.contains(&a) {
                            known.aliases.push(a);
                        }
                    }
                }
                None => {
                    by_id.insert(e.id.clone(), out.entities.len());
                    out.entities.push(e);
                }
            }
        }
        for f in g.facts {
            let key = if f.relation.is_symmetric() && f.object < f.subject {
                (f.object.clone(), f.relation, f.subject.clone())
            } else {
                (f.subject.clone(), f.relation, f.object.clone())
            };
            if seen.insert(key) {
                out.facts.push(f);
            }
        }
    }
    out.sort();
    out
}

/// Texts longer than this (in bytes) are read in parts of about this size, cut between
/// paragraphs: the mentions of one part are held at a time, so memory stays bounded
/// however long the text. The longest news articles are a tenth of it.
pub const PART_BYTES: usize = 1 << 20;

/// The sentence ranges of a text's parts: consecutive sentences, each part ending at
/// the first paragraph break after `limit` bytes (or at the first sentence break after
/// `4 * limit`, for a text without paragraphs).
fn parts(text: &str, spans: &[text::Sentence], limit: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..spans.len() {
        let size = spans[i].start - spans[start].start;
        let paragraph = text[spans[i - 1].end..spans[i].start].contains('\n');
        if (size >= limit && paragraph) || size >= 4 * limit {
            out.push(start..i);
            start = i;
        }
    }
    out.push(start..spans.len());
    out
}

/// The graph of some of an article's sentences (all of them, for any news article).
fn extract_part(
    article: &Article,
    article_date: Option<Date>,
    spans: Vec<text::Sentence>,
) -> GraphFile {
    let text = article.text.as_str();
    let tokens_of = |s: &text::Sentence| {
        if s.end - s.start <= MAX_SENTENCE_BYTES {
            tokens::tokenize(text, s.start, s.end)
        } else {
            Vec::new()
        }
    };
    // Every sentence's mentions first, for resolution across the article. A sentence's
    // tokens are made again when its rules run, so that only one sentence's tokens are
    // held at a time: a 50 MB article has ten million of them.
    let mut all_mentions: Vec<Vec<Mention>> = spans
        .iter()
        .map(|s| find_mentions(text, &tokens_of(s)))
        .collect();
    mentions::qualify_generic_bodies(&mut all_mentions);
    mentions::confirm_breeds(&mut all_mentions);
    mentions::type_dateline_town(&mut all_mentions);
    mentions::share_name_kinds(&mut all_mentions);
    mentions::share_group_names(&mut all_mentions);
    mentions::share_agreement_names(&mut all_mentions);
    // The headline's people named in full, as one more sentence after the body's: the
    // body may shorten a name the headline gives whole ("Joyce said" under "Dan Joyce
    // to retire"). No rule reads the headline.
    let headline = article
        .title
        .map(|(a, b)| mentions::headline_people(text, &tokens::tokenize(text, a, b), &all_mentions))
        .unwrap_or_default();
    let with_headline = !headline.is_empty();
    if with_headline {
        all_mentions.push(headline);
    }
    let mut resolved = resolve::resolve(&all_mentions);
    if with_headline {
        all_mentions.pop();
        resolved.of_mention.pop();
    }
    let mut raw: Vec<RawFact> = Vec::new();
    let mut shipment: Vec<usize> = Vec::new();
    let mut last_agreement: Option<(usize, usize)> = None;
    let mut previous_quote = None;
    // The sentences of a quotation still open at the end of the last sentence.
    let mut open_quote: Vec<String> = Vec::new();
    let mut quote_speaker: Option<usize> = None;
    // The last speaker and the paragraph they spoke in; the current paragraph.
    let mut last_speaker: Option<(usize, usize)> = None;
    // Statements of a quotation still open, given to the last speaker for want of
    // another: a later sentence of the quotation that names its own speaker takes them
    // back ("“First. Second,” X said." after Y spoke).
    let mut provisional: Vec<usize> = Vec::new();
    let mut paragraph = 0;
    let mut spans_of = Vec::with_capacity(spans.len());
    for (index, (span, mentions)) in spans.into_iter().zip(all_mentions).enumerate() {
        let toks = tokens_of(&span);
        spans_of.push(span);
        let dates = find_dates(&toks, article_date);
        // A quotation stays open across sentences of one paragraph, not past it.
        let same_paragraph = spans_of
            .len()
            .checked_sub(2)
            .is_some_and(|p: usize| !text[spans_of[p].end..span.start].contains('\n'));
        let sentence = Sentence::new(
            index,
            text,
            toks,
            mentions,
            dates,
            same_paragraph && !open_quote.is_empty(),
        );
        let starts_inside = sentence.in_quote.first() == Some(&true);
        let opens_paragraph = index > 0 && !same_paragraph;
        paragraph += usize::from(opens_paragraph);
        if !starts_inside {
            open_quote.clear();
        }
        let mut ctx = Ctx {
            sentence: &sentence,
            resolved: &mut resolved,
            article_date,
            // A quotation standing alone is attributed by the next sentence of its
            // paragraph ("“…” X said."), not by one that opens the next paragraph.
            previous_quote: previous_quote.take().filter(|_| same_paragraph),
            quote_opened: open_quote.clone(),
            quote_speaker: if starts_inside { quote_speaker } else { None },
            // The last speaker, in this paragraph or the one before.
            last_speaker: last_speaker
                .filter(|&(_, p)| {
                    if opens_paragraph {
                        p + 1 == paragraph
                    } else {
                        p == paragraph
                    }
                })
                .map(|(e, _)| e),
            facts: &mut raw,
            shipment: &mut shipment,
            last_agreement: &mut last_agreement,
        };
        let mut before = ctx.facts.len();
        rules::apply(&mut ctx);
        quote_speaker = ctx.quote_speaker;
        if !starts_inside {
            provisional.clear();
        }
        let named = raw[before..]
            .iter()
            .find(|f| f.rule == rules::Rule::SpeechQuote)
            .map(|f| f.subject);
        if let Some(speaker) = named.filter(|_| starts_inside) {
            let taken: Vec<usize> = provisional
                .drain(..)
                .filter(|&k| raw[k].subject != speaker)
                .collect();
            let mut k = 0;
            raw.retain(|_| {
                k += 1;
                !taken.contains(&(k - 1))
            });
            before -= taken.len();
        } else {
            provisional.extend((before..raw.len()).filter(|&k| {
                matches!(
                    raw[k].rule,
                    rules::Rule::SpeechQuoteParagraph | rules::Rule::SpeechQuoteContinued
                )
            }));
        }
        if let Some(f) = raw[before..]
            .iter()
            .rev()
            .find(|f| f.relation == crate::model::Relation::Stated)
        {
            last_speaker = Some((f.subject, paragraph));
        }
        previous_quote = whole_quote(&text[span.start..span.end]);
        if rules::speech::quote_left_open(&sentence).is_none() {
            quote_speaker = None;
        }
        match rules::speech::quote_left_open(&sentence) {
            Some(claim) => {
                if !starts_inside {
                    open_quote.clear();
                }
                open_quote.push(claim);
            }
            None => open_quote.clear(),
        }
    }
    assemble(article, article_date, &spans_of, &resolved, raw)
}

/// The claim of a sentence that is one quotation and nothing else.
fn whole_quote(s: &str) -> Option<String> {
    let inner = s
        .strip_prefix(['\u{201c}', '"'])
        .or_else(|| s.strip_prefix(tokens::TEX_OPEN))?
        .trim_end_matches(['.', ',', '!', '?']);
    let inner = inner
        .strip_suffix(['\u{201d}', '"'])
        .or_else(|| inner.strip_suffix(tokens::TEX_CLOSE))?
        .trim_end_matches(['.', ',', '!', '?']);
    let marks = inner.contains(['\u{201c}', '\u{201d}', '"'])
        || inner.contains(tokens::TEX_OPEN)
        || inner.contains(tokens::TEX_CLOSE);
    (!marks && inner.split_whitespace().count() >= 3).then(|| {
        inner
            .split_whitespace()
            .take(rules::speech::MAX_WORDS)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The graph file of an article's facts: duplicates dropped, entities named by the
/// facts given ids.
fn assemble(
    article: &Article,
    article_date: Option<Date>,
    spans: &[text::Sentence],
    resolved: &resolve::Resolved,
    raw: Vec<RawFact>,
) -> GraphFile {
    // Entities that get the same id are one entity: facts are compared by id.
    let slugs: Vec<String> = resolved.entities.iter().map(|d| slug(&d.name)).collect();
    let mut first_with: HashMap<&str, usize> = HashMap::new();
    let canon: Vec<usize> = slugs
        .iter()
        .enumerate()
        .map(|(e, id)| *first_with.entry(id.as_str()).or_insert(e))
        .collect();
    let id_of = |e: usize| canon[e];
    // One fact per triple per article (the annotation guideline, section 2): the first
    // statement of it, usually the lead's, keeps its count and date.
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for f in raw {
        let (a, b) = (id_of(f.subject), id_of(f.object));
        let (a, b) = if f.relation.is_symmetric() && b < a {
            (b, a)
        } else {
            (a, b)
        };
        if seen.insert((a, f.relation, b)) {
            kept.push(f);
        }
    }
    // A head is no mere member: "X leads Y" says all "X is a member of Y" would.
    kept.retain(|f| {
        f.relation != Relation::MemberOf
            || !seen.contains(&(id_of(f.subject), Relation::Leads, id_of(f.object)))
    });
    let mut done: HashSet<usize> = HashSet::new();
    let mut entities: HashMap<usize, Entity> = HashMap::new();
    for f in &kept {
        for e in [f.subject, f.object] {
            if !done.insert(e) {
                continue;
            }
            let d = &resolved.entities[e];
            let entity = entities.entry(canon[e]).or_insert_with(|| {
                let first = &resolved.entities[canon[e]];
                Entity::new(slugs[e].clone(), first.name.clone(), first.kind)
            });
            for a in d.aliases.iter().chain(std::iter::once(&d.name)) {
                if *a != entity.name {
                    entity.aliases.push(a.clone());
                }
            }
        }
    }
    let ids = &slugs;
    // In the graph file's order already (ids, relation, date, span), so that its sort
    // only checks it.
    kept.sort_by(|a, b| {
        (
            &ids[a.subject],
            a.relation,
            &ids[a.object],
            &a.date,
            a.sentence,
        )
            .cmp(&(
                &ids[b.subject],
                b.relation,
                &ids[b.object],
                &b.date,
                b.sentence,
            ))
    });
    let mut facts = Vec::with_capacity(kept.len());
    for f in kept {
        let span = spans[f.sentence];
        let mut fact = Fact::new(ids[f.subject].clone(), f.relation, ids[f.object].clone());
        fact.count = f.count;
        fact.date = f.date;
        fact.source = Some(article.id.clone());
        fact.evidence = Some(article.text[span.start..span.end].to_string());
        fact.span = Some([span.start, span.end]);
        fact.rule = Some(f.rule.id().to_string());
        facts.push(fact);
    }
    let mut source = Source::new(article.id.clone());
    source.date = article_date.map(|d| d.iso());
    let mut file = GraphFile {
        sources: vec![source],
        entities: entities.into_values().collect(),
        facts,
        ..GraphFile::default()
    };
    file.sort();
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_are_errors() {
        assert_eq!(read_article(b"", "x"), Err(ArticleError::Empty));
        assert_eq!(read_article(b"  \n", "x"), Err(ArticleError::Empty));
        assert_eq!(
            read_article(b"ab\0cd", "x"),
            Err(ArticleError::Binary { at: 2 })
        );
        assert_eq!(
            read_article(b"abc\xffdef", "x"),
            Err(ArticleError::NotUtf8 { at: 3 })
        );
        assert_eq!(
            read_article(b"date: 2024-01-01\n\n...", "x"),
            Err(ArticleError::NoSentences)
        );
        assert!(matches!(
            read_article(b"date: yesterday\n\nText.", "x"),
            Err(ArticleError::BadDate(_))
        ));
    }

    #[test]
    fn long_texts_are_cut_between_paragraphs() {
        let text = "A b c. D e f.\nG h. I j k l.\n\nM n o.";
        let spans = text::sentences(text, 0);
        assert_eq!(spans.len(), 5);
        // Cut at the first paragraph break once a part has 8 bytes.
        assert_eq!(parts(text, &spans, 8), vec![0..2, 2..4, 4..5]);
        assert_eq!(parts(text, &spans, 1000), vec![0..5]);
        // No paragraph break: cut anyway at four times the limit.
        let flat = "A b c. D e f. G h. I j k l. M n o.";
        let spans = text::sentences(flat, 0);
        assert_eq!(parts(flat, &spans, 3), vec![0..2, 2..4, 4..5]);
        assert_eq!(parts("", &[], 8), vec![0..0]);
    }

    #[test]
    fn an_article_read_in_parts_states_each_fact_once() {
        let body = "Russia sent two bears to the Moscow Zoo, Putin said.\n\n";
        let a = read_article(
            format!("date: 2024-01-02\n\n{}", body.repeat(3)).as_bytes(),
            "a",
        )
        .unwrap();
        let whole = extract(&a);
        let parts = extract_in_parts(&a, 10);
        assert!(!whole.facts.is_empty());
        assert_eq!(parts.sources, whole.sources);
        assert_eq!(parts.entities, whole.entities);
        let triples = |g: &GraphFile| -> Vec<(String, String, String)> {
            g.facts
                .iter()
                .map(|f| (f.subject.clone(), f.relation.to_string(), f.object.clone()))
                .collect()
        };
        assert_eq!(triples(&parts), triples(&whole));
        // The first statement of each fact is kept, as in one piece.
        assert_eq!(parts.facts, whole.facts);
    }

    #[test]
    fn header_and_body() {
        let a = read_article(
            b"source: Wire\ndate: 2023-02-03\n\nChile sent two llamas to Peru.",
            "a1",
        )
        .unwrap();
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.date.as_deref(), Some("2023-02-03"));
        let g = extract(&a);
        assert_eq!(g.sources[0].date.as_deref(), Some("2023-02-03"));
        let f = &g.facts[0];
        let [s, e] = f.span.unwrap();
        assert_eq!(&a.text[s..e], f.evidence.as_deref().unwrap());
        assert_eq!(f.source.as_deref(), Some("a1"));
    }

    #[test]
    fn a_headline_names_in_full_the_person_the_body_calls_by_surname() {
        let speakers = |text: &str| {
            let g = extract(&read_article(text.as_bytes(), "h").unwrap());
            g.facts
                .iter()
                .filter(|f| f.relation == crate::model::Relation::Stated)
                .map(|f| {
                    g.entities
                        .iter()
                        .find(|e| e.id == f.subject)
                        .unwrap()
                        .name
                        .clone()
                })
                .collect::<Vec<_>>()
        };
        let body = "Lind said the museum would find a new director by April.";
        // The headline's title, verb and function words are no part of the name, nor a
        // word the body writes in lowercase.
        for (title, body) in [
            ("Ana Lind, longtime museum director, to retire", body),
            ("Ana Lind Meets Lima Envoy", body),
            (
                "Ana Lind Named Museum Director",
                "Lind said the museum had named her in March.",
            ),
        ] {
            let text = format!("date: 2024-01-02\ntitle: {title}\n\n{body}");
            assert_eq!(speakers(&text), ["Ana Lind"], "{title}");
        }
        // With no headline, a surname alone opening the sentence names no one.
        assert!(speakers(&format!("date: 2024-01-02\n\n{body}")).is_empty());
        // The body's own full name wins over the headline's: the body's surname stays
        // with the body's name.
        let text = format!("title: Bill Lind Meets Envoy\n\nWilliam Lind spoke. {body}");
        assert_eq!(speakers(&text), ["William Lind"]);
        // A word the body writes inside a longer name is no surname to complete.
        let text = format!("title: Ana Lind Visits Envoy\n\nAna Lind Costa spoke. {body}");
        assert!(!speakers(&text).contains(&"Ana Lind".to_string()));
    }

    #[test]
    fn no_entities_is_an_empty_graph() {
        let a = read_article(b"it rained all day and nobody came.", "r").unwrap();
        let g = extract(&a);
        assert!(g.facts.is_empty() && g.entities.is_empty());
        assert_eq!(g.sources.len(), 1);
    }

    #[test]
    fn output_is_deterministic() {
        let text = "date: 2023-02-03\n\nChile sent two llamas and a puma to Peru. Peruvian President Ana Soto thanked Chile. The ties between Chile and Peru grew.";
        let a = read_article(text.as_bytes(), "d").unwrap();
        let once = serde_json::to_string(&extract(&a)).unwrap();
        for _ in 0..3 {
            assert_eq!(serde_json::to_string(&extract(&a)).unwrap(), once);
        }
    }

    /// Words that set off every stage and rule, for random sentences.
    const SALAD: [&str; 60] = [
        "Russia",
        "sent",
        "to",
        "the",
        "Moscow",
        "Zoo",
        "said",
        "\u{201c}",
        "\u{201d}",
        ",",
        ".",
        "two",
        "brown",
        "bears",
        "troops",
        "deployed",
        "according",
        "who",
        "heads",
        "President",
        "'s",
        "and",
        "they",
        "it",
        "he",
        "signed",
        "pact",
        "war",
        "against",
        "between",
        "cooperation",
        "next",
        "year",
        "not",
        "could",
        "in",
        "April",
        "on",
        "Tuesday",
        "Lisbon-based",
        "Institute",
        "North",
        "Korean",
        "Vladimir",
        "Putin",
        "received",
        "from",
        "of",
        "Ministry",
        "Minister",
        "\"",
        "that",
        "whether",
        "the",
        "country",
        "zoo",
        "NATO",
        "forces",
        "arrived",
        "Kursk",
    ];

    /// Every fact's evidence is the text at its span, on char boundaries.
    fn check_spans(a: &Article, g: &GraphFile) {
        for f in &g.facts {
            let [s, e] = f.span.unwrap();
            assert!(a.text.is_char_boundary(s) && a.text.is_char_boundary(e));
            assert_eq!(&a.text[s..e], f.evidence.as_deref().unwrap());
        }
    }

    #[test]
    fn spans_hold_on_every_shipped_article() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["graph/articles", "eval/articles"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let bytes = std::fs::read(entry.path()).unwrap();
                let a = read_article(&bytes, "a").unwrap();
                check_spans(&a, &extract(&a));
            }
        }
    }

    #[test]
    fn long_lines_and_odd_text_do_not_panic() {
        let line = "word ".repeat(200_000);
        let a = read_article(line.as_bytes(), "l").unwrap();
        assert!(extract(&a).facts.is_empty());
        let caps = "Alpha Beta and Gamma of Delta ".repeat(20_000);
        let a = read_article(caps.as_bytes(), "c").unwrap();
        check_spans(&a, &extract(&a));
        for odd in [
            "\u{201c}",
            "\u{201d}.",
            "'s",
            "A.",
            "U.S.",
            "...",
            "\u{feff}date: 2024-01-01\n\nHi there.",
            "date: 2024-01-01",
            "x\u{2019}s",
            "Mr. . . Dr.",
            "1,000,000 troops were deployed to",
        ] {
            if let Ok(a) = read_article(odd.as_bytes(), "o") {
                check_spans(&a, &extract(&a));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_are_ok_or_err(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            if let Ok(a) = read_article(&bytes, "p") {
                check_spans(&a, &extract(&a));
            }
        }

        #[test]
        fn lexicon_word_salad_extracts(words in proptest::collection::vec(proptest::sample::select(SALAD.to_vec()), 0..120)) {
            let text = format!("date: 2024-11-22\n\n{}", words.join(" "));
            if let Ok(a) = read_article(text.as_bytes(), "w") {
                check_spans(&a, &extract(&a));
            }
        }

        #[test]
        fn any_text_extracts(text in "([A-Z][a-z]{0,6}|[a-z]{1,6}|[0-9,.]{1,5}|[ .,;:'\"\u{201c}\u{201d}\u{2019}\n-]){0,80}") {
            if let Ok(a) = read_article(text.as_bytes(), "p") {
                check_spans(&a, &extract(&a));
            }
        }
    }
}
