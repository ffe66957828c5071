//! Relation rules: each looks at one sentence (its tokens, mentions, clauses, quotes and
//! dates) and emits facts between resolved entities. One module per relation family:
//!
//! agreement, conflict, cooperation, deploy, location, roles, speech and transfer. Every
//! rule is listed once, with its id, relations, trigger, documentation and examples, in
//! [`table`] (and in `docs/rules.md`, generated from it).
//!
//! The shared machinery lives here: the [`Sentence`] view (clauses, quotes, which token
//! belongs to which mention) and the searches rules are made of (the subject before a
//! verb, the target after a preposition, the objects of a transfer, the date of a
//! clause, negation and hypotheticals).

pub mod agreement;
pub mod conflict;
pub mod cooperation;
pub mod deploy;
pub mod location;
pub mod roles;
pub mod speech;
pub mod table;
pub mod transfer;

use super::attributes::{Date, DateExpr};
use super::lexicon::{Family, lexicons};
use super::mentions::{Mention, MentionKind};
use super::resolve::Resolved;
use super::tokens::{QuoteMark, TokKind, Token, quote_mark};
use crate::model::{Kind, Relation};
pub use table::Rule;

/// A fact found by a rule, between entity indices of [`Resolved`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawFact {
    pub subject: usize,
    pub relation: Relation,
    pub object: usize,
    pub count: Option<u64>,
    pub date: Option<String>,
    pub rule: Rule,
    pub sentence: usize,
}

/// One sentence, ready for the rules.
#[derive(Debug)]
pub struct Sentence<'a> {
    pub index: usize,
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub mentions: Vec<Mention>,
    /// For each token, the mention it belongs to.
    pub tok_mention: Vec<Option<usize>>,
    /// For each token, its clause number.
    pub clause: Vec<usize>,
    /// For each token, whether it stands inside double quotes.
    pub in_quote: Vec<bool>,
    /// For each token, the trigger families of its word.
    pub families: Vec<&'static [Family]>,
    /// For each clause, whether it speaks of the future ("next spring").
    future: Vec<bool>,
    pub dates: Vec<DateExpr>,
}

/// Words after which a name is the object of a preposition, not a subject.
/// ("after" and "before" are left out: "after Russia invaded" has a subject.)
pub(crate) const PREPOSITIONS: [&str; 24] = [
    "to",
    "from",
    "of",
    "in",
    "at",
    "by",
    "with",
    "for",
    "into",
    "on",
    "against",
    "between",
    "about",
    "over",
    "under",
    "toward",
    "towards",
    "near",
    "including",
    "like",
    "via",
    "than",
    "among",
    "across",
];
/// Compass words that place a region of the name after them: "southern Afghanistan".
const COMPASS: [&str; 25] = [
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// The words of a decision that governs an infinitive after it: "agreed to send",
/// "ordered the army to deploy", "the decision to send".
const COMMITMENTS: [&str; 19] = [
    "agreed",
    "agrees",
    "committed",
    "commits",
    "committing",
    "decided",
    "decides",
    "decision",
    "ordered",
    "orders",
    "pledged",
    "pledges",
    "pledging",
    "promised",
    "promises",
    "vowed",
    "vows",
    "approved",
    "resolved",
];

const DETERMINERS: [&str; 11] = [
    "the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "these",
];
/// Words that open a new clause after a comma (or alone, for relativisers).
const CLAUSE_OPENERS: [&str; 10] = [
    "and", "but", "while", "where", "which", "who", "whereas", "although", "though", "when",
];
/// Words after "next" that put a clause in the future (besides the weekdays).
const LATER: [&str; 9] = [
    "spring", "summer", "autumn", "fall", "winter", "year", "month", "week", "season",
];
/// True for a word that makes "next WORD" a time to come: a season, a unit, a weekday.
fn is_later(word: &str) -> bool {
    LATER.contains(&word) || crate::extract::attributes::WEEKDAYS.contains(&word)
}
/// Auxiliaries and adverbs that stand between a subject and its verb: "X, who …, has
/// repeatedly said".
const VERB_GROUP: [&str; 16] = [
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "also",
    "later",
    "then",
    "previously",
    "repeatedly",
    "already",
    "again",
];
pub(crate) const RELATIVISERS: [&str; 6] = ["where", "which", "who", "whom", "whose", "whereas"];

impl<'a> Sentence<'a> {
    /// Builds the view of a sentence. `opens_inside`: the sentence before, in the same
    /// paragraph, ended inside a quotation.
    pub fn new(
        index: usize,
        text: &'a str,
        tokens: Vec<Token<'a>>,
        mentions: Vec<Mention>,
        dates: Vec<DateExpr>,
        opens_inside: bool,
    ) -> Self {
        let n = tokens.len();
        let mut tok_mention = vec![None; n];
        for (k, m) in mentions.iter().enumerate() {
            for slot in &mut tok_mention[m.start..m.end.min(n)] {
                *slot = Some(k);
            }
        }
        // ", and cockatoos": the last item of a list, not a new clause.
        let lists_items = |i: usize| {
            (i + 1..(i + 4).min(n)).any(|j| {
                tok_mention[j].is_some_and(|m: usize| {
                    mentions[m].start == j
                        && matches!(mentions[m].kind, MentionKind::Animal | MentionKind::Thing)
                })
            })
        };
        // "said that", "told reporters in Lima on Monday that": a reported claim, not a
        // relative clause; the speech verb up to eight words back, no punctuation between.
        let reports = |i: usize| {
            (i.saturating_sub(4)..i).any(|k| lexicons().is(&tokens[k].lower, Family::Speech))
                || (i.saturating_sub(8)..i)
                    .rev()
                    .take_while(|&k| tokens[k].kind != TokKind::Punct && tokens[k].lower != "that")
                    .any(|k| lexicons().is(&tokens[k].lower, Family::Speech))
        };
        // Quotes: a closing curly quote before any opening one means the sentence
        // starts inside a quotation, and so does a quotation left open by the sentence
        // before (the only way to tell for straight quotes).
        let mut in_quote = vec![false; n];
        let first = tokens.iter().find(|t| quote_mark(t.text).is_some());
        let mut inside = first.is_some_and(|t| quote_mark(t.text) == Some(QuoteMark::Close))
            || (opens_inside && first.is_none_or(|t| quote_mark(t.text) != Some(QuoteMark::Open)));
        let mut clause = vec![0; n];
        let mut c = 0;
        for i in 0..n {
            let t = &tokens[i];
            let quote = quote_mark(t.text);
            if let Some(mark) = quote {
                inside = match mark {
                    QuoteMark::Open => true,
                    QuoteMark::Close => false,
                    QuoteMark::Straight => !inside,
                };
                c += 1;
            } else if t.is_punct(";")
                || (RELATIVISERS.contains(&t.lower.as_ref()) && i > 0)
                || (t.lower == "that" && i > 0 && !reports(i))
                || (i > 0
                    && tokens[i - 1].is_punct(",")
                    && (CLAUSE_OPENERS.contains(&t.lower.as_ref()) || t.lower == "according")
                    && !lists_items(i))
            {
                c += 1;
            }
            clause[i] = c;
            in_quote[i] = inside && quote.is_none();
        }
        let families = tokens
            .iter()
            .map(|t| lexicons().families(&t.lower))
            .collect();
        let mut future = vec![false; c + 1];
        for k in 0..n.saturating_sub(1) {
            if tokens[k].lower == "next" && is_later(tokens[k + 1].lower.as_ref()) {
                future[clause[k]] = true;
            }
        }
        Sentence {
            index,
            text,
            tokens,
            mentions,
            tok_mention,
            clause,
            in_quote,
            families,
            future,
            dates,
        }
    }

    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_ref())
    }

    /// True when word `j` is a plain lowercase word of no mention: not a function word
    /// and not a verb ("the zoo's research director", "the Irvine-based PC maker X").
    pub fn is_plain_word(&self, j: usize) -> bool {
        let lex = lexicons();
        self.tokens.get(j).is_some_and(|t| t.is_lower_word())
            && self.tok_mention[j].is_none()
            && !lex.function_words.contains(self.word(j))
            && !lex.is_verb(self.word(j))
    }

    /// Whether the trigger at `i` is used as a verb: not after a determiner or a
    /// possessive ("the transfer", "Russia's support").
    pub fn is_verb_use(&self, i: usize) -> bool {
        // "a swap that freed seven Americans": "that" before a past form is a relative
        // pronoun, not a determiner.
        let relative = self.word(i.wrapping_sub(1)) == "that" && self.word(i).ends_with("ed");
        i == 0
            || relative
            || !(DETERMINERS.contains(&self.word(i - 1))
                || self.tokens[i - 1].kind == super::tokens::TokKind::Possessive)
    }

    /// Whether a negation or a hypothetical comes just before the trigger at `i`
    /// ("did not send", "could send", "plans to send").
    pub fn is_blocked(&self, i: usize) -> bool {
        let lex = lexicons();
        if self.word(i).ends_with("n't") {
            return true;
        }
        if self.future_clause(i) {
            return true;
        }
        for back in 1..=5 {
            let Some(j) = i.checked_sub(back) else { break };
            let t = &self.tokens[j];
            if t.kind == super::tokens::TokKind::Punct {
                break;
            }
            let w = t.lower.as_ref();
            if lex.negations.contains(w) || w.ends_with("n't") {
                return true;
            }
            if self.hypothetical(j) && (w != "to" || back == 1) && !self.met_for(j) {
                return true;
            }
        }
        false
    }

    /// Whether the trigger at `i` is blocked for a transfer: as [`Self::is_blocked`],
    /// except that a decided transfer counts ("will send", "said it would send", "is to
    /// send", "will also provide", the guideline's section 4), unless the clause is a
    /// condition or a question ("if", "whether", "unless").
    pub fn is_blocked_transfer(&self, i: usize) -> bool {
        self.is_blocked(i) && !self.decided(i) && !self.committed_to(i)
    }

    /// "agreed to send", "is committing to send", "ordered the army on Monday to deploy",
    /// "approved the decision to send": an infinitive a decision governs, a word of
    /// commitment a few words before its "to" with no comma between, nothing hedging or
    /// negating it in the clause.
    fn committed_to(&self, i: usize) -> bool {
        if i < 2 || self.word(i - 1) != "to" {
            return false;
        }
        let Some(c) = (i.saturating_sub(7)..i - 1)
            .rev()
            .take_while(|&k| self.tokens[k].kind != super::tokens::TokKind::Punct)
            .find(|&k| COMMITMENTS.contains(&self.word(k)))
        else {
            return false;
        };
        !self.modal_between(self.clause_start(c), i - 1)
    }

    /// The first token of the clause of token `i`.
    pub fn clause_start(&self, i: usize) -> usize {
        (0..i)
            .rev()
            .take_while(|&k| self.clause[k] == self.clause[i])
            .last()
            .unwrap_or(i)
    }

    /// Whether the trigger at `i` is blocked for a signing: as [`Self::is_blocked_transfer`],
    /// but a signing counts only when it is decided outright ("will sign", "is to sign"),
    /// not when reported as what someone would do ("said it would ratify the treaty").
    pub fn is_blocked_signing(&self, i: usize) -> bool {
        let reported = (i.saturating_sub(3)..i).any(|k| self.word(k) == "would");
        self.is_blocked(i) && (reported || !self.decided(i))
    }

    /// "will send", "would soon send", "is to send", "is deploying … next month": a
    /// decided future, the modal (or the progressive's "is") one or two words before the
    /// verb, nothing else hedging it.
    fn decided(&self, i: usize) -> bool {
        let lex = lexicons();
        let Some(modal) = (1..=3).filter_map(|b| i.checked_sub(b)).find(|&j| {
            matches!(self.word(j), "will" | "would" | "shall")
                || (self.word(j) == "to"
                    && j + 1 == i
                    && j > 0
                    && matches!(self.word(j - 1), "is" | "are" | "was" | "were"))
                || (j + 1 == i
                    && matches!(self.word(j), "is" | "are")
                    && self.word(i).ends_with("ing"))
                || (self.word(j) == "to"
                    && j + 1 == i
                    && self.word(i) == "become"
                    && self.left_for(j))
        }) else {
            return false;
        };
        // "will also send", "will soon be sent": adverbs and a passive's "be" between.
        let adverbs = (modal + 1..i).all(|k| {
            matches!(
                self.word(k),
                "also" | "soon" | "then" | "now" | "later" | "shortly" | "be"
            )
        });
        let clause_start = self.clause_start(i);
        let hedged = (clause_start..modal).any(|k| {
            let w = self.word(k);
            lex.negations.contains(w)
                || w.ends_with("n't")
                || (w != "to" && self.hypothetical(k))
                || matches!(w, "unless")
        }) || (modal + 1..i).any(|k| lex.negations.contains(self.word(k)))
            // "would send troops if asked": a condition after the verb.
            || (i + 1..self.tokens.len()).any(|k| matches!(self.word(k), "if" | "unless"));
        adverbs && !hedged && !self.word(i).ends_with("n't")
    }

    /// Whether the word at `k` is a hypothetical ("could", "may", "plans"); "May" written
    /// with a capital past the sentence's start is the month.
    fn hypothetical(&self, k: usize) -> bool {
        lexicons().hypotheticals.contains(self.word(k)) && !(k > 0 && self.tokens[k].text == "May")
    }

    /// "resigned as president earlier this year to become …", "left to become …": the
    /// "to" at `j` gives the purpose of a departure, which took place.
    fn left_for(&self, j: usize) -> bool {
        (j.saturating_sub(8)..j)
            .rev()
            .take_while(|&k| self.tokens[k].kind != super::tokens::TokKind::Punct)
            .any(|k| {
                matches!(
                    self.word(k),
                    "left" | "resigned" | "quit" | "departed" | "stepped"
                )
            })
    }

    /// "The ministers met in Lima on Monday to sign …", "gathered … to sign": the "to" at
    /// `j` gives the purpose of a meeting that took place (the meeting verb itself in the
    /// past and not hedged), as news reports a meeting for what it did.
    fn met_for(&self, j: usize) -> bool {
        self.word(j) == "to"
            && (j.saturating_sub(8)..j)
                .rev()
                .take_while(|&k| self.tokens[k].kind != super::tokens::TokKind::Punct)
                .find(|&k| matches!(self.word(k), "met" | "gathered" | "convened"))
                .is_some_and(|k| !self.is_blocked(k))
    }

    /// Whether the clause of token `i` speaks of the future: "next spring", "next year".
    fn future_clause(&self, i: usize) -> bool {
        self.future[self.clause[i]]
    }

    /// Whether the word at `i` triggers `family`.
    pub fn triggers(&self, i: usize, family: Family) -> bool {
        self.families[i].contains(&family)
    }

    /// Whether a negation or hypothetical stands within three words around mention `m`
    /// ("not a single Brazilian soldier", "Russian forces could try").
    /// Whether tokens `[a, b)` hold a negation or a hypothetical ("could", "may",
    /// "not").
    pub fn modal_between(&self, a: usize, b: usize) -> bool {
        let lex = lexicons();
        (a..b.min(self.tokens.len())).any(|k| {
            let w = self.word(k);
            lex.negations.contains(w) || (w != "to" && self.hypothetical(k)) || w.ends_with("n't")
        })
    }

    pub fn near_modality(&self, m: usize) -> bool {
        let lex = lexicons();
        let (a, b) = (self.mentions[m].start, self.mentions[m].end);
        (a.saturating_sub(3)..(b + 3).min(self.tokens.len())).any(|k| {
            let w = self.word(k);
            (k < a || k >= b)
                && (lex.negations.contains(w)
                    || (w != "to" && self.hypothetical(k))
                    || w.ends_with("n't"))
        })
    }

    /// Whether mention `m` names a place or country: by the lexicon, by a place cue, or,
    /// for a name of unknown kind, by the name typer's best guess.
    pub fn is_place(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        match mention.kind {
            MentionKind::Country(_) | MentionKind::Capital(_) => true,
            MentionKind::Name(Some(Kind::Place)) => true,
            MentionKind::Name(None) => {
                mention.name_scores.is_some_and(|s| {
                    crate::extract::typer::Guess::of(s).name_type
                        == crate::extract::typer::NameType::Place
                }) || crate::extract::lexicon::is_region(&mention.name)
            }
            _ => false,
        }
    }

    /// Whether mention `m` is the object of a preposition.
    pub fn prepositional(&self, m: usize) -> bool {
        let lex = lexicons();
        let mut j = self.mentions[m].start;
        let mut adjectives = 0;
        while j > 0 {
            j -= 1;
            let w = self.word(j);
            if DETERMINERS.contains(&w) {
                continue;
            }
            // "in central Romania": up to two adjectives.
            if adjectives < 2
                && self.tokens[j].is_lower_word()
                && !PREPOSITIONS.contains(&w)
                && !lex.function_words.contains(w)
                && lex.families(w).is_empty()
            {
                adjectives += 1;
                continue;
            }
            // "curator of mammals X": the field of a title before a name is no phrase
            // holding it.
            let field_title = adjectives > 0
                && j > 0
                && matches!(w, "of" | "in" | "for")
                && matches!(self.mentions[m].kind, MentionKind::Name(_))
                && self.tok_mention[j - 1].is_some_and(|t| {
                    matches!(
                        self.mentions[t].kind,
                        MentionKind::Title { field: true, .. }
                    )
                });
            return PREPOSITIONS.contains(&w) && !field_title;
        }
        false
    }

    /// Whether token `k` is a person's age: a number from 1 to 119 written in digits.
    fn is_age(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| {
            t.kind == TokKind::Number && t.text.parse::<u8>().is_ok_and(|n| (1..120).contains(&n))
        })
    }

    /// The mention that ends right before the comma at token `c`, past a person's age
    /// between commas: "X, 54, the chief executive of Y" and "X, 54, who heads Y" give X.
    pub fn before_comma(&self, c: usize) -> Option<usize> {
        let end = if c >= 3 && self.is_age(c - 1) && self.tokens[c - 2].is_punct(",") {
            c - 2
        } else {
            c
        };
        self.tok_mention[end.checked_sub(1)?]
    }

    /// Where the apposition after mention `m` opens: the token right after it, or, past
    /// a person's age between commas ("X, 54, a member of Y"), the comma after the age.
    pub fn apposition_at(&self, m: usize) -> usize {
        let end = self.mentions[m].end;
        let comma = |k: usize| self.tokens.get(k).is_some_and(|t| t.is_punct(","));
        if comma(end) && self.is_age(end + 1) && comma(end + 2) {
            end + 2
        } else {
            end
        }
    }

    /// The token after a bracketed short form at `k` ("Rwanda Development Board (RDB),"
    /// → the comma), or `k` when no bracket opens there. The bracket closes within three
    /// tokens.
    pub fn past_short_form(&self, k: usize) -> usize {
        if !self.tokens.get(k).is_some_and(|t| t.is_punct("(")) {
            return k;
        }
        (k + 1..(k + 4).min(self.tokens.len()))
            .find(|&c| self.tokens[c].is_punct(")"))
            .map_or(k, |close| close + 1)
    }

    /// Whether mention `m` is followed by a possessive "'s".
    pub fn possessive(&self, m: usize) -> bool {
        self.tokens
            .get(self.mentions[m].end)
            .is_some_and(|t| t.kind == super::tokens::TokKind::Possessive)
    }

    /// Where the noun phrase of mention `m` starts: before its determiner, country
    /// adjective or title ("the Russian President Vladimir Putin").
    pub fn phrase_start(&self, m: usize) -> usize {
        let mut k = self.mentions[m].start;
        while k > 0 {
            let is_title = |m: Option<usize>| {
                m.is_some_and(|m| matches!(self.mentions[m].kind, MentionKind::Title { .. }))
            };
            // "Shiawassee Emergency Management Director X": a name owning the title.
            let modifier = self.tok_mention[k - 1].is_some_and(|p| {
                matches!(
                    self.mentions[p].kind,
                    MentionKind::Demonym(_)
                        | MentionKind::Title { .. }
                        | MentionKind::Descriptor(_)
                ) || (matches!(self.mentions[p].kind, MentionKind::Name(_))
                    && is_title(self.tok_mention[k]))
            });
            // "Peru's Minister of Culture": a possessive country opens the phrase.
            let owner = (k >= 2 && self.tokens[k - 1].kind == TokKind::Possessive)
                .then(|| self.tok_mention[k - 2])
                .flatten()
                .filter(|&p| matches!(self.mentions[p].kind, MentionKind::Country(_)));
            if let Some(p) = owner {
                k = self.mentions[p].start;
            } else if modifier {
                k = self.tok_mention[k - 1].map_or(k - 1, |p| self.mentions[p].start.min(k - 1));
            } else if DETERMINERS.contains(&self.word(k - 1)) {
                k -= 1;
            } else {
                break;
            }
        }
        k
    }

    /// The mention that starts at token `i`, skipping determiners and an honorific.
    pub fn mention_from(&self, mut i: usize) -> Option<usize> {
        while DETERMINERS.contains(&self.word(i)) {
            i += 1;
        }
        // "to southern Afghanistan": one lowercase compass word before the name (not
        // the "Eastern" of "Eastern Fleet").
        if COMPASS.contains(&self.word(i)) && self.tokens[i].is_lower_word() {
            i += 1;
        }
        // "said Dr. Ana Lind": past an honorific and its period.
        if crate::model::name::HONORIFICS.contains(&self.word(i))
            && self.tok_mention.get(i).copied().flatten().is_none()
        {
            i += 1 + usize::from(self.tokens.get(i + 1).is_some_and(|t| t.is_punct(".")));
        }
        let m = self.tok_mention.get(i).copied().flatten()?;
        (self.mentions[m].start == i).then_some(m)
    }

    /// Where the verb group of the verb at `i` starts: back past its auxiliaries and the
    /// adverbs between them ("has said", "has repeatedly said", "will also say").
    pub fn verb_group_start(&self, i: usize) -> usize {
        let mut k = i;
        while k > 0 && VERB_GROUP.contains(&self.word(k - 1)) {
            k -= 1;
        }
        k
    }

    /// The subject of the verb at `i`: the nearest actor before it in its clause that is
    /// not the object of a preposition nor a possessive modifier, with any actor
    /// coordinated with it by "and".
    pub fn subjects_before(&self, i: usize) -> Vec<usize> {
        // "X congratulated Y and gave him a dog", "X wooed Y by gifting him a horse": a
        // verb right after "and", or a participle after "by", "after", "while" or
        // "before", has the sentence's first subject, not the object nearest it.
        let shared = i > 0
            && (self.word(i - 1) == "and"
                || (self.word(i).ends_with("ing")
                    && matches!(self.word(i - 1), "by" | "after" | "while" | "before")));
        if shared
            && let Some(m) = (0..self.mentions.len()).find(|&m| {
                self.mentions[m].end < i
                    && self.mentions[m].is_actor()
                    && !self.prepositional(m)
                    && !self.possessive(m)
                    && !self.in_quote[self.mentions[m].start]
            })
        {
            return vec![m];
        }
        // "X, who heads Y, said" and "X, who heads Y": the verb after a relative clause,
        // or the relative clause's own verb, belongs to X.
        let cs = (0..i)
            .rev()
            .take_while(|&k| self.clause[k] == self.clause[i])
            .last();
        if let Some(cs) = cs
            && matches!(self.word(cs), "who" | "which" | "whose")
            && cs >= 2
            && self.tokens[cs - 1].is_punct(",")
            && let Some(m) = self.before_comma(cs - 1)
            && self.mentions[m].is_actor()
        {
            let v = self.verb_group_start(i);
            let after_clause = v > 0 && self.tokens[v - 1].is_punct(",");
            // "X, who resigned as (UD) president to become …": a title, or a name owning
            // one, names no one.
            let title = |m: usize| matches!(self.mentions[m].kind, MentionKind::Title { .. });
            let own_verb = self.word(cs) == "who"
                && (cs + 1..i).all(|k| {
                    self.tok_mention[k].is_none_or(|m| {
                        title(m)
                            || self
                                .tok_mention
                                .get(self.mentions[m].end)
                                .copied()
                                .flatten()
                                .is_some_and(title)
                    })
                });
            if after_clause || own_verb {
                return vec![m];
            }
        }
        // "X, the minister in charge of Y, said": the name before the appositive.
        let i = self.verb_group_start(i);
        if i >= 2 && self.tokens[i - 1].is_punct(",") {
            let open = (0..i - 1)
                .rev()
                .take_while(|&k| self.clause[k] == self.clause[i])
                .find(|&k| self.tokens[k].is_punct(","));
            if let Some(c) = open
                && c > 0
            {
                let mut t = c + 1;
                while DETERMINERS.contains(&self.word(t)) {
                    t += 1;
                }
                // The appositive opens with a title, perhaps after "Indonesia's".
                if self
                    .tokens
                    .get(t + 1)
                    .is_some_and(|x| x.kind == TokKind::Possessive)
                {
                    t += 2;
                }
                let is_title = |k: usize| {
                    self.tok_mention[k]
                        .is_some_and(|x| matches!(self.mentions[x].kind, MentionKind::Title { .. }))
                };
                // Or "a University of Zagreb law professor", "an economist at the bank":
                // an indefinite appositive with a title anywhere in it.
                // Or "Wellington Zoo Chief Executive", "NASA administrator": an appositive
                // that ends in a title.
                // Or "program manager for Y": a title after a plain word or two.
                let mut u = t;
                while u < t + 2
                    && u + 1 < i
                    && self.tokens[u].is_lower_word()
                    && self.tok_mention[u].is_none()
                    && !lexicons().is_verb(self.word(u))
                {
                    u += 1;
                }
                let titled = is_title(t)
                    || is_title(u)
                    || (matches!(self.word(c + 1), "a" | "an") && (t..i - 1).any(is_title))
                    || (i - 2 > c && is_title(i - 2));
                // "X, 54, a former keeper": past the age.
                if titled
                    && let Some(m) = self.before_comma(c)
                    && self.mentions[m].is_actor()
                {
                    return vec![m];
                }
                // "X from Arbroath, Scotland, told …": a place and the region or country
                // it lies in, after "from", "of" or "in", between the speaker and the verb.
                if let Some(region) = self.tok_mention[c + 1]
                    && self.mentions[region].end + 1 == i
                    && self.is_place(region)
                    && let Some(town) = self.tok_mention[c - 1]
                    // An unknown name before ", Peru," is a town there.
                    && (self.is_place(town)
                        || (self.mentions[town].kind == MentionKind::Name(None)
                            && matches!(self.mentions[region].kind, MentionKind::Country(_))))
                    && let Some(p) = self.mentions[town].start.checked_sub(1)
                    && matches!(self.word(p), "from" | "of" | "in")
                {
                    // "Y Corp., based in Calder, Peru, said …": past a participle of place
                    // set off by a comma.
                    let mut before = p;
                    if before >= 2
                        && matches!(
                            self.word(before - 1),
                            "based" | "located" | "headquartered" | "situated"
                        )
                        && self.tokens[before - 2].is_punct(",")
                    {
                        before -= 2;
                    }
                    if let Some(m) = before.checked_sub(1).and_then(|k| self.tok_mention[k])
                        && self.mentions[m].is_actor()
                        && self.mentions[m].kind != MentionKind::Pronoun
                    {
                        return vec![m];
                    }
                }
            }
        }
        let mut j = i;
        while j > 0 {
            j -= 1;
            if self.clause[j] != self.clause[i] {
                break;
            }
            let Some(m) = self.tok_mention[j] else {
                continue;
            };
            let mm = &self.mentions[m];
            j = mm.start;
            if mm.is_actor() && !self.prepositional(m) && !self.possessive(m) {
                // "Russia, China and Iran": the link next to the subject is "and",
                // the ones before it may be commas.
                let mut out = vec![m];
                // "President of the Russian Federation Vladimir Putin": what a title
                // names with "of" modifies the name after it.
                let title_of: Vec<usize> = self
                    .mentions
                    .iter()
                    .filter_map(|x| match x.kind {
                        MentionKind::Title { of, .. } => of,
                        _ => None,
                    })
                    .collect();
                let is_modifier = |x: usize| {
                    matches!(
                        self.mentions[x].kind,
                        MentionKind::Demonym(_) | MentionKind::Title { .. }
                    ) || title_of.contains(&x)
                };
                let mut k = m;
                // The actor before mention `k`, past country adjectives and titles.
                let actor_before = |k: usize| (0..k).rev().find(|&x| !is_modifier(x));
                while let Some(p) = actor_before(k) {
                    let prev = &self.mentions[p];
                    // The link: "and" (or a list comma), then perhaps "his Indonesian
                    // counterpart".
                    let gap = prev.end..self.mentions[k].start;
                    let link = self.word(prev.end);
                    let joined = link == "and" || (link == "," && out.len() > 1);
                    let rest_is_modifier = (gap.start + 1..gap.end).all(|t| {
                        matches!(self.word(t), "his" | "her" | "its" | "their" | "the" | "of")
                            || self.tok_mention[t].is_some_and(is_modifier)
                            || lexicons().title_forms.get(self.word(t)).is_some()
                            || self.word(t) == "counterpart"
                    });
                    if prev.is_actor()
                        && !gap.is_empty()
                        && joined
                        && rest_is_modifier
                        && (!self.prepositional(p) || self.leaders_of(p))
                    {
                        out.push(p);
                        k = p;
                    } else {
                        break;
                    }
                }
                out.reverse();
                return out;
            }
        }
        Vec::new()
    }

    /// "the presidents of A, B and C signed": mention `m` follows "of" after a plural
    /// noun for the people who act for it, so it acts itself.
    pub fn leaders_of(&self, m: usize) -> bool {
        let start = self.mentions[m].start;
        start >= 2
            && self.word(start - 1) == "of"
            && matches!(
                self.word(start - 2),
                "presidents"
                    | "leaders"
                    | "heads"
                    | "ministers"
                    | "governments"
                    | "delegations"
                    | "representatives"
                    | "envoys"
            )
    }

    /// The people named in the list after the "by" that follows the verb at `i`: "signed
    /// by Minister of Trade Ana Lind and Secretary Luis Soto", "by the Chilean Minister of
    /// Mining, Hon. Ana Lind, and ...". Titles, the bodies they name, commas and
    /// semicolons are passed over; the list ends at a preposition or clause word.
    pub fn people_after_by(&self, i: usize, resolved: &Resolved) -> Vec<usize> {
        let n = self.tokens.len();
        let Some(by) = (i + 1..(i + 4).min(n)).find(|&k| self.word(k) == "by") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut k = by + 1;
        while k < n {
            if let Some(m) = self.tok_mention[k] {
                if resolved
                    .entity(self.index, m)
                    .is_some_and(|e| resolved.entities[e].kind == Kind::Person)
                {
                    out.push(m);
                }
                k = self.mentions[m].end.max(k + 1);
                continue;
            }
            let t = &self.tokens[k];
            let w = self.word(k);
            // "Minister of Mines", "Minister for Trade": the body a title names.
            let after_title = self.tok_mention[k - 1]
                .is_some_and(|m| matches!(self.mentions[m].kind, MentionKind::Title { .. }));
            let passed = matches!(t.text, "," | ";" | "." | "(" | ")")
                || matches!(w, "and" | "the" | "hon" | "his" | "her" | "excellency")
                // "by A and his Vietnamese counterpart B".
                || (matches!(w, "counterpart" | "counterparts")
                    && (by + 1..k).any(|j| self.word(j) == "and"))
                || (after_title && matches!(w, "of" | "for"))
                // "Minister of Agriculture and Food security, Hon. X": a lowercase word
                // ending a portfolio.
                || (t.is_lower_word()
                    && !PREPOSITIONS.contains(&w)
                    && !CLAUSE_OPENERS.contains(&w)
                    && !RELATIVISERS.contains(&w)
                    && self.tokens.get(k + 1).is_some_and(|x| x.is_punct(",")));
            if !passed || (t.is_punct(".") && k + 1 == n) {
                break;
            }
            k += 1;
        }
        out
    }

    /// The people that open the items of a semicolon list before the verb at `i`, each
    /// with an apposition: "On the Rwandan side: A, Minister of X; B, Minister of Y; and
    /// C, Minister of Z, signed". None when no semicolon comes before the verb.
    pub fn listed_people(&self, i: usize, resolved: &Resolved) -> Vec<usize> {
        if !self.tokens[..i].iter().any(|t| t.is_punct(";")) {
            return Vec::new();
        }
        let starts = std::iter::once(0).chain(
            (0..i)
                .filter(|&k| self.tokens[k].is_punct(";") || self.tokens[k].is_punct(":"))
                .map(|k| k + 1),
        );
        starts
            .filter_map(|mut k| {
                while matches!(self.word(k), "and" | "the") {
                    k += 1;
                }
                let m = self.mention_from(k)?;
                let person = resolved
                    .entity(self.index, m)
                    .is_some_and(|e| resolved.entities[e].kind == Kind::Person);
                let apposition = self
                    .tokens
                    .get(self.mentions[m].end)
                    .is_some_and(|t| t.is_punct(","));
                (person && apposition && self.mentions[m].end < i).then_some(m)
            })
            .collect()
    }

    /// Mention `m` and the mentions listed after it: "Poland, the Baltic states and
    /// Romania", "A, B, and C" (commas and "and", each item perhaps after "the").
    pub fn list_from(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut end = self.mentions[m].end;
        loop {
            let mut k = end;
            let comma = self.tokens.get(k).is_some_and(|t| t.is_punct(","));
            k += usize::from(comma);
            let and = self.word(k) == "and";
            k += usize::from(and);
            if !comma && !and {
                break;
            }
            k += usize::from(self.word(k) == "the");
            // "to Afghanistan, Defence Secretary Des Browne said": a name that modifies a
            // title after it opens an attribution, not a list item.
            let titled = |next: usize| {
                self.tok_mention
                    .get(self.mentions[next].end)
                    .copied()
                    .flatten()
                    .is_some_and(|t| matches!(self.mentions[t].kind, MentionKind::Title { .. }))
            };
            match self.tok_mention.get(k).copied().flatten() {
                Some(next)
                    if self.mentions[next].start == k
                        && !out.contains(&next)
                        && !(comma && !and && titled(next)) =>
                {
                    out.push(next);
                    end = self.mentions[next].end;
                    if and {
                        break;
                    }
                }
                _ => break,
            }
        }
        out
    }

    /// The first mention after the verb at `i`, in its clause, that follows one of the
    /// prepositions `preps` (not "according to"). A possessive country is passed over
    /// for the place it owns ("to Russia's Kursk region").
    pub fn target_after(&self, i: usize, preps: &[&str]) -> Option<usize> {
        let n = self.tokens.len();
        let mut j = i + 1;
        while j < n && self.clause[j] == self.clause[i] {
            let prep = preps.contains(&self.word(j)) && self.word(j.wrapping_sub(1)) != "according";
            // "to the people of Japan", "to a zoo in the city of Ipoh": the name after
            // "of"/"in"; "to a zoo" with no name: no target.
            if prep
                && matches!(self.word(j), "to" | "at")
                && DETERMINERS.contains(&self.word(j + 1))
                && self.mention_from(j + 1).is_none()
            {
                return (j + 2..(j + 9).min(n))
                    .take_while(|&k| self.clause[k] == self.clause[i])
                    .find(|&k| {
                        matches!(self.word(k), "of" | "in") && self.mention_from(k + 1).is_some()
                    })
                    .and_then(|k| self.mention_from(k + 1));
            }
            if prep && let Some(m) = self.mention_from(j + 1) {
                {
                    if self.possessive(m)
                        && let Some(next) = self.mention_from(self.mentions[m].end + 1)
                    {
                        return Some(next);
                    }
                    return Some(m);
                }
            }
            j += 1;
        }
        None
    }

    /// The animals and things a transfer at `i` moves: those after it up to the next
    /// trigger of the same family, or else those before it back to the previous one.
    /// Things set apart ("apart from the yaks", "except") are left out.
    pub fn objects(&self, i: usize, family: Family) -> Vec<usize> {
        let families = [family, Family::Send, Family::Receive, Family::Arrive];
        let is_trigger = |k: usize| {
            k != i && families.iter().any(|&f| self.triggers(k, f)) && self.is_verb_use(k)
        };
        let n = self.tokens.len();
        let end = (i + 1..n).find(|&k| is_trigger(k)).unwrap_or(n);
        let start = (0..i).rev().find(|&k| is_trigger(k)).map_or(0, |k| k + 1);
        let pick = |a: usize, b: usize| -> Vec<usize> {
            let mut out: Vec<usize> = self
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.start >= a
                        && m.end <= b
                        && matches!(m.kind, MentionKind::Animal | MentionKind::Thing)
                })
                .map(|(k, _)| k)
                .filter(|&k| !self.set_apart(k))
                .collect();
            out.dedup();
            out
        };
        let after = pick(i + 1, end);
        if after.is_empty() {
            pick(start, i)
        } else {
            after
        }
    }

    /// "apart from the yaks", "except two bears", "besides lions".
    fn set_apart(&self, m: usize) -> bool {
        let s = self.mentions[m].start;
        (1..=4).any(|back| {
            s.checked_sub(back).is_some_and(|j| {
                let w = self.word(j);
                w == "except"
                    || w == "besides"
                    || (w == "from" && j > 0 && self.word(j - 1) == "apart")
                    || (w == "than" && j > 0 && self.word(j - 1) == "other")
            })
        })
    }

    /// The date of an event whose trigger is at `i`: the most precise date expression in
    /// its clause, else the article's month.
    pub fn date_at(&self, i: usize, article: Option<Date>) -> Option<String> {
        let c = self.clause.get(i).copied().unwrap_or(0);
        self.dates
            .iter()
            .filter(|d| self.clause.get(d.start) == Some(&c))
            .max_by_key(|d| (d.date.precision(), std::cmp::Reverse(d.start.abs_diff(i))))
            .map(|d| d.date.iso())
            .or_else(|| article.map(|a| a.month_only().iso()))
    }
}

/// What rules share while they look at one sentence: the sentence, the resolved
/// entities, the article date and the facts found so far.
pub struct Ctx<'s, 'a> {
    pub sentence: &'s Sentence<'a>,
    pub resolved: &'s mut Resolved,
    pub article_date: Option<Date>,
    /// The text of the previous sentence when it is entirely a quotation.
    pub previous_quote: Option<String>,
    /// The sentences of a quotation that opened in an earlier sentence and is still open
    /// as this one starts, each as a claim.
    pub quote_opened: Vec<String>,
    /// Who speaks a quotation that an earlier sentence opened after naming its speaker
    /// ("X said: “First. Second.”"), while it is still open; rules set it for the next
    /// sentence.
    pub quote_speaker: Option<usize>,
    /// Who was last reported speaking, in this paragraph or the one before, when this
    /// sentence opens its paragraph: a paragraph that is a quotation and names no
    /// speaker is theirs ("…, X said. ¶ “Next quotation.”").
    pub last_speaker: Option<usize>,
    pub facts: &'s mut Vec<RawFact>,
    /// Who gave the shipment the article is about ("Putin has sent more than 70
    /// animals"), for later sentences that name its species ("the animals included two
    /// yaks").
    pub shipment: &'s mut Vec<usize>,
    /// The agreement named last and the sentence that named it, for a later "signed"
    /// with no object ("On the Rwandan side, A and B signed").
    pub last_agreement: &'s mut Option<(usize, usize)>,
}

impl Ctx<'_, '_> {
    /// The entity of a mention.
    pub fn entity(&self, m: usize) -> Option<usize> {
        self.resolved.entity(self.sentence.index, m)
    }

    /// The entity of country `c` (an index into the country lexicon), by its lexicon name.
    pub fn country(&mut self, c: usize) -> usize {
        let name = &lexicons().countries[c].name;
        self.resolved.entity_named(name, Kind::Country)
    }

    /// The kind of an entity.
    pub fn kind(&self, e: usize) -> Kind {
        self.resolved.entities[e].kind
    }

    /// Records a fact (not one between an entity and itself).
    #[allow(clippy::too_many_arguments)]
    pub fn emit(
        &mut self,
        subject: usize,
        relation: Relation,
        object: usize,
        count: Option<u64>,
        date: Option<String>,
        rule: Rule,
    ) {
        let class_noun = |e: usize| {
            let d = &self.resolved.entities[e];
            matches!(d.kind, Kind::Animal | Kind::Thing)
                && super::lexicon::CLASS_NOUNS.contains(&d.name.to_lowercase().as_str())
        };
        if subject == object || class_noun(subject) || class_noun(object) {
            return;
        }
        self.facts.push(RawFact {
            subject,
            relation,
            object,
            count,
            date,
            rule,
            sentence: self.sentence.index,
        });
    }

    /// The date of an event at token `i`.
    pub fn date_at(&self, i: usize) -> Option<String> {
        self.sentence.date_at(i, self.article_date)
    }

    /// The token indices whose word triggers `family`, used as a verb or not.
    pub fn triggers(&self, family: Family) -> Vec<usize> {
        (0..self.sentence.tokens.len())
            .filter(|&i| self.sentence.triggers(i, family))
            .collect()
    }
}

/// Runs every rule on a sentence.
pub fn apply(ctx: &mut Ctx) {
    roles::apply(ctx);
    location::apply(ctx);
    transfer::apply(ctx);
    speech::apply(ctx);
    deploy::apply(ctx);
    agreement::apply(ctx);
    conflict::apply(ctx);
    cooperation::apply(ctx);
}

#[cfg(test)]
pub(crate) mod test_util {
    //! Runs the whole pipeline on a text and lists its facts as readable triples.
    use crate::extract::{extract, read_article};

    /// `(subject, relation, object, count, date, rule)`.
    pub type Row = (String, String, String, Option<u64>, Option<String>, String);

    /// A [`Row`] for each fact of `text` (dated 2023-05-10 unless it has its own header).
    pub fn facts(text: &str) -> Vec<Row> {
        let full = if text.starts_with("date:") {
            text.to_string()
        } else {
            format!("date: 2023-05-10\n\n{text}")
        };
        let article = read_article(full.as_bytes(), "t").unwrap();
        let g = extract(&article);
        let name = |id: &str| {
            g.entities
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.name.clone())
                .unwrap_or_default()
        };
        g.facts
            .iter()
            .map(|f| {
                (
                    name(&f.subject),
                    f.relation.to_string(),
                    name(&f.object),
                    f.count,
                    f.date.clone(),
                    f.rule.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    /// The facts as `subject relation object` strings.
    pub fn triples(text: &str) -> Vec<String> {
        let mut v: Vec<String> = facts(text)
            .into_iter()
            .map(|(s, r, o, ..)| format!("{s} {r} {o}"))
            .collect();
        v.sort();
        v
    }
}
