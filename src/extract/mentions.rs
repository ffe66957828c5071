//! Mentions: the spans of a sentence that name something, found in one left-to-right
//! pass over its tokens with lexicon lookups.
//!
//! * proper names: runs of capitalised words with the connectors "of", "and", "the",
//!   "for" inside ("Ministry of Natural Resources and Environment"), classified by
//!   institution cue words (Zoo, Ministry, Agency) and place cue words (region);
//! * countries by name, alias, adjective ("North Korean") and capital (lexicon);
//! * titles and roles ("Russian President", "Minister of Natural Resources", "leader");
//! * animals and things as common nouns, with their counts ("two brown bears");
//! * groups ("North Korean troops"), agreements ("mutual defence pact"), institution
//!   descriptions ("Russian news agency"), pairs ("the two nations"), "they".

use super::attributes::{count_before, is_calendar_word, number_value};
use super::lexicon::{CountryForm, STATE_HEADS, lexicons};
use super::tokens::{TEX_CLOSE, TokKind, Token};
use crate::model::Kind;
use std::collections::{HashMap, HashSet};

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A country by name or alias (index into the country lexicon).
    Country(usize),
    /// A country adjective used as a modifier: "Russian", "North Korean".
    Demonym(usize),
    /// A capital city, standing alone.
    Capital(usize),
    /// A proper name: a person, institution or place, or not yet known.
    Name(Option<Kind>),
    Animal,
    Thing,
    /// Troops, forces, with the country they belong to.
    Group(Option<usize>),
    Agreement,
    /// A title (index into the title lexicon); `of` is the index of the mention it
    /// names with "of" ("Director of Moscow Zoo"). `field` is true when lowercase words
    /// after it name a field of work ("professor of law", "head of large mammals"): its
    /// holder works in a part of the body, a member and never its head.
    Title {
        title: usize,
        of: Option<usize>,
        field: bool,
    },
    /// An institution described by common nouns: "Russian news agency".
    Descriptor(Option<usize>),
    /// "the two nations", "both countries"; "the two leaders" (`pairs_people`).
    Pair,
    /// "they".
    Pronoun,
}

/// A mention: tokens `[start, end)` of its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    /// The name the entity should get (lexicon form for countries and animals).
    pub name: String,
    /// The text as written.
    pub surface: String,
    pub count: Option<u64>,
    /// A single unknown capitalised word that starts the sentence: maybe not a name.
    pub initial: bool,
    /// The country of a name that starts with its adjective ("French Ministry of …").
    pub nationality: Option<usize>,
    /// "the zoo", "the ministry": a generic description of an institution named before.
    pub anaphor: bool,
    /// For a group named after an organisation ("NATO troops"), the organisation's
    /// mention.
    pub owner: Option<usize>,
    /// "the Jakarta-based institute": the place it is based in.
    pub based_in: Option<String>,
    /// The word before is a place preposition ("in", "to", "from", "visited"): an unknown
    /// one-word name there is a place.
    pub after_locative: bool,
    /// A speech verb follows the mention, or precedes it after a comma or quote ("X
    /// said", "…,” said X"): someone who speaks.
    pub speaks: bool,
    /// Used as a place: after "in", "at", "near", "of" or a visit, or owning something
    /// ("Prague's zoo"). A capital used otherwise stands for its country.
    pub place_use: bool,
    /// A group whose country adjective alone does not make it a member ("Belgian
    /// units").
    pub weak: bool,
    /// An agreement introduced as a new one ("an agreement", "50 agreements").
    pub indefinite: bool,
    /// A generic body after a country's possessive ("Chile's Ministry of Defence"): the
    /// country, for [`qualify_generic_bodies`].
    pub owner_country: Option<usize>,
    /// For a name no lexicon types, the name typer's score for each
    /// [`NameType`](super::typer::NameType): resolution adds them up over the article.
    pub name_scores: Option<[i64; 4]>,
    /// A comma stands right before the mention ("the new ambassador, Bing Xue").
    pub after_comma: bool,
    /// "counterpart" stands right before the mention, or before its comma ("his
    /// Mongolian counterpart Damdin Tsogtbaatar"): the holder of the title the sentence
    /// gave the other side.
    pub after_counterpart: bool,
    /// The mention issues a statement its sentence names ("X said in a statement", "a
    /// statement from X", "X issued a press release"): "the statement said" later is X.
    pub issues_statement: bool,
    /// The mention opens its sentence, shouted, right before a dash ("WILTON –"): in
    /// an article's first sentence, a dateline naming only its town.
    pub shouted_before_dash: bool,
}

impl Mention {
    /// The entity kind, if the mention names an entity.
    pub fn entity_kind(&self) -> Option<Kind> {
        match self.kind {
            MentionKind::Country(_) => Some(Kind::Country),
            MentionKind::Capital(_) => Some(Kind::Place),
            MentionKind::Name(k) => Some(k.unwrap_or(Kind::Person)),
            MentionKind::Animal => Some(Kind::Animal),
            MentionKind::Thing => Some(Kind::Thing),
            MentionKind::Group(_) => Some(Kind::Group),
            MentionKind::Agreement => Some(Kind::Agreement),
            _ => None,
        }
    }

    /// Can do things: send, say, sign, fight.
    pub fn is_actor(&self) -> bool {
        matches!(
            self.kind,
            MentionKind::Country(_)
                | MentionKind::Capital(_)
                | MentionKind::Name(_)
                | MentionKind::Group(_)
                | MentionKind::Pronoun
        )
    }

    /// The country a mention is or belongs to by its words.
    pub fn country(&self) -> Option<usize> {
        match self.kind {
            MentionKind::Country(c) | MentionKind::Demonym(c) => Some(c),
            MentionKind::Group(c) | MentionKind::Descriptor(c) => c,
            _ => self.nationality,
        }
    }
}

/// The text of tokens `[a, b)` as written, white space collapsed to single spaces.
pub fn span_text(text: &str, tokens: &[Token], a: usize, b: usize) -> String {
    if a >= b {
        return String::new();
    }
    let raw = &text[tokens[a].start..tokens[b - 1].end];
    let mut out = String::with_capacity(raw.len());
    for (i, w) in raw.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Upper-cases the first letter.
fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// What a country word inside a capitalised run led to.
enum CountryStep {
    /// Not a country mention.
    None,
    /// Pushed; the run goes on at this token.
    Next(usize),
    /// Pushed a name that ran past the run; the caller goes on here.
    Past(usize),
}

struct Finder<'a> {
    text: &'a str,
    tokens: &'a [Token<'a>],
    lowers: Vec<&'a str>,
    out: Vec<Mention>,
}

/// The mentions of a sentence's tokens, in order, not overlapping.
///
/// # Complexity
/// O(n · k) for n tokens and k the longest lexicon phrase.
pub fn find_mentions(text: &str, tokens: &[Token]) -> Vec<Mention> {
    let mut f = Finder {
        text,
        tokens,
        lowers: tokens.iter().map(|t| t.lower.as_ref()).collect(),
        out: Vec::new(),
    };
    f.run();
    take_abbreviation_periods(tokens, &mut f.out);
    join_district(tokens, &mut f.out);
    mark_owned_bodies(tokens, &mut f.out);
    mark_statement_issuers(&f.lowers, &mut f.out);
    mark_shouted_opening(tokens, &mut f.out);
    let weights = super::typer::weights();
    for m in &mut f.out {
        if m.kind == MentionKind::Name(None) {
            m.name_scores = Some(weights.scores(&super::typer::features(tokens, m.start, m.end)));
        }
    }
    f.out
}

/// "Brantor Corp.'s chairman", "Brantor Corp., based in …", "Brantor Corp. is based": a
/// name's abbreviation period inside the sentence belongs to the name's span (not to
/// its text), so what follows the name follows it directly: a possessive after any
/// name, anything after a company's suffix ("Corp.", "Inc.", "Co.").
fn take_abbreviation_periods(tokens: &[Token], out: &mut [Mention]) {
    for m in out.iter_mut() {
        let (Some(last), Some(period), Some(next)) = (
            m.end.checked_sub(1).and_then(|k| tokens.get(k)),
            tokens.get(m.end),
            tokens.get(m.end + 1),
        ) else {
            continue;
        };
        let suffix = COMPANY_SUFFIXES.contains(&last.lower.as_ref());
        if period.text == "."
            && last.end == period.start
            && (next.kind == TokKind::Possessive || suffix)
        {
            m.end += 1;
        }
    }
}

/// "Washington, D.C.": the capital written with its district is one place, Washington,
/// not a town in a region "D.C." (the span takes the district; the name stays).
fn join_district(tokens: &[Token], out: &mut Vec<Mention>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (m, next) = (&out[k], &out[k + 1]);
        if m.surface == "Washington"
            && tokens.get(m.end).is_some_and(|t| t.is_punct(","))
            && next.start == m.end + 1
            && matches!(next.surface.trim_end_matches('.'), "D.C" | "DC")
        {
            out[k].end = out[k + 1].end;
            out.remove(k + 1);
        }
        k += 1;
    }
}

/// The name of the mention "the statement" makes when it speaks ("…,” the statement
/// said"): resolution gives it the entity that issued the last statement named.
pub const STATEMENT: &str = "statement";

/// Nouns of a written statement: "the statement", "the press release", "the communique".
const STATEMENT_NOUNS: [&str; 3] = ["statement", "release", "communique"];

/// Words that may stand between an article and a statement noun: "an official joint
/// press statement".
const STATEMENT_MODIFIERS: [&str; 6] = ["official", "joint", "press", "written", "brief", "new"];

/// Marks a name that opens the sentence in capitals right before a dash ("WILTON –",
/// "SAN DIEGO --"): in an article's first sentence, a dateline that names only its town.
fn mark_shouted_opening(tokens: &[Token], out: &mut [Mention]) {
    let Some(m) = out.first_mut().filter(|m| m.start == 0) else {
        return;
    };
    let shouted = tokens[..m.end]
        .iter()
        .all(|t| !t.text.chars().any(char::is_lowercase));
    let dash = tokens
        .get(m.end)
        .is_some_and(|t| matches!(t.text, "-" | "--" | "\u{2013}" | "\u{2014}"));
    // Capitals alone may read as an acronym's body ("KELDAR"): that kind is no cue here.
    let untyped = matches!(
        m.kind,
        MentionKind::Name(None) | MentionKind::Name(Some(Kind::Institution))
    );
    m.shouted_before_dash = shouted && dash && untyped;
}

/// Marks the mentions that issue a statement their sentence names: "X said in a
/// statement", "X said in a press release on Monday", "X issued a statement", "a
/// statement from X", "an official statement of the X", "X's statement", "a X
/// statement", "In a statement, X said".
fn mark_statement_issuers(lowers: &[&str], out: &mut [Mention]) {
    let noun = |k: usize| lowers.get(k).is_some_and(|w| STATEMENT_NOUNS.contains(w));
    // The statement noun a phrase opening at `k` names past an article and modifiers.
    let statement_at = |k: usize| {
        let mut j = k;
        if matches!(
            lowers.get(j),
            Some(&("a" | "an" | "its" | "their" | "his" | "her" | "the"))
        ) {
            j += 1;
        }
        while lowers
            .get(j)
            .is_some_and(|w| STATEMENT_MODIFIERS.contains(w))
            && !noun(j)
        {
            j += 1;
        }
        noun(j)
    };
    for m in out.iter_mut() {
        if !matches!(
            m.kind,
            MentionKind::Name(_) | MentionKind::Country(_) | MentionKind::Descriptor(_)
        ) || m.anaphor
        {
            continue;
        }
        let (s, e) = (m.start, m.end);
        // "X said in a statement", "X said on Monday in a statement", "X issued a
        // statement", "X released a press release".
        let after = (e..(e + 8).min(lowers.len()))
            .take_while(|&k| !matches!(lowers[k], "." | ";" | "\u{201c}" | "\"" | TEX_CLOSE))
            .any(|k| {
                (lowers[k] == "in" && (e..k).any(|v| is_speech(lowers[v])) && statement_at(k + 1))
                    || (matches!(lowers[k], "issued" | "released" | "published" | "put")
                        && (k + 1..(k + 3).min(lowers.len())).any(&statement_at))
            });
        // "X's statement", "a Finance Ministry statement".
        let owning = noun(e) || (lowers.get(e) == Some(&"'s") && statement_at(e + 1));
        // Past a "the" before the name.
        let k = s.saturating_sub(usize::from(s > 0 && lowers[s - 1] == "the"));
        // "a statement from X", "an official statement of the X".
        let of = k >= 2 && matches!(lowers[k - 1], "from" | "by" | "of") && noun(k - 2);
        // "In a statement, X said".
        let opened = k >= 3
            && lowers[k - 1] == ","
            && noun(k - 2)
            && (k.saturating_sub(6)..k - 2).any(|j| lowers[j] == "in");
        m.issues_statement = after || owning || of || opened;
    }
}

/// Abbreviated military ranks, as written, and the words they stand for.
const RANKS: [(&str, &str); 8] = [
    ("Gen", "general"),
    ("Lt", "lieutenant"),
    ("Col", "colonel"),
    ("Maj", "major"),
    ("Brig", "brigadier"),
    ("Adm", "admiral"),
    ("Capt", "captain"),
    ("Sgt", "sergeant"),
];

/// The last words of a company's name that may follow a possessive inside it
/// ("McDonald's Corporation", "Macy's Inc.").
const COMPANY_SUFFIXES: [&str; 9] = [
    "corporation",
    "corp",
    "inc",
    "company",
    "co",
    "ltd",
    "limited",
    "llc",
    "plc",
];

/// Plural nouns for people that "the two …" refers back to: "the two leaders", "both
/// presidents", "the two foreign ministers".
const PEOPLE_PAIRS: [&str; 7] = [
    "leaders",
    "presidents",
    "ministers",
    "premiers",
    "chancellors",
    "envoys",
    "counterparts",
];

/// Where a pair of people opening at word `k` (after "two" or "both") ends: its plural
/// noun, perhaps after a word of portfolio ("foreign ministers", "prime ministers").
fn people_pair_end(lowers: &[&str], k: usize) -> Option<usize> {
    let noun = |j: usize| lowers.get(j).is_some_and(|w| PEOPLE_PAIRS.contains(w));
    if noun(k) {
        return Some(k + 1);
    }
    let modifier = lowers.get(k)?;
    (modifier.chars().all(|c| c.is_ascii_lowercase()) && noun(k + 1)).then_some(k + 2)
}

/// Whether pair mention `m` ("the two leaders") names people, not countries.
pub fn pairs_people(m: &Mention) -> bool {
    pair_noun(m).is_some()
}

/// Whether pair mention `m` is "the sides", "both sides": two countries, or the two
/// people who speak for them.
pub fn pairs_sides(m: &Mention) -> bool {
    m.kind == MentionKind::Pair && m.surface.rsplit(' ').next() == Some("sides")
}

/// The plural noun of a pair of people ("the two foreign ministers" → "ministers"); None
/// for a pair of countries.
pub fn pair_noun(m: &Mention) -> Option<&'static str> {
    let last = m.surface.rsplit(' ').next()?.to_lowercase();
    PEOPLE_PAIRS.iter().copied().find(|&w| w == last)
}

/// The portfolio a minister's title names, as ministries are named: "Defence Minister"
/// → "Defence", "foreign minister" → "Foreign Affairs", "Civil Aviation Minister" →
/// "Civil Aviation"; the topic of a described ministry ("foreign ministry") likewise.
pub fn portfolio_name(title: &str) -> String {
    let words: Vec<String> = title
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("minister"))
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    match words.join(" ").as_str() {
        "Foreign" => "Foreign Affairs".to_string(),
        other => other.to_string(),
    }
}

/// "Ukraine's Ministry of Defence" and "Russia's Ministry of Defence" in one article are
/// the Ukrainian and the Russian Ministry of Defence: a generically named body after a
/// country's possessive takes the country's adjective into its name when the article
/// gives the same name to another country's body too (the guideline's "same name,
/// different body"), so that the two stay two entities (issue 15). A body is generic
/// when its name opens with a word any country's body may bear.
pub fn qualify_generic_bodies(sentences: &mut [Vec<Mention>]) {
    use std::collections::{BTreeSet, HashMap};
    let mut countries: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for m in sentences.iter().flatten() {
        if let Some(c) = m.owner_country {
            countries.entry(m.name.clone()).or_default().insert(c);
        }
    }
    for m in sentences.iter_mut().flatten() {
        if let Some(c) = m.owner_country
            && countries.get(&m.name).is_some_and(|cs| cs.len() > 1)
            && let Some(demonym) = lexicons().countries[c].demonyms.first()
        {
            m.name = format!("{demonym} {}", m.name);
        }
    }
}

/// "WILTON – Officials said …": the town a dateline names alone, when the article writes
/// its name again in prose ("Wilton residents"), is a place wherever that name stands
/// alone untyped or taken for a body ("a police chief for Wilton").
pub fn type_dateline_town(sentences: &mut [Vec<Mention>]) {
    let Some(town) = sentences
        .first()
        .and_then(|ms| ms.first())
        .filter(|m| m.shouted_before_dash)
        .map(|m| m.name.to_lowercase())
    else {
        return;
    };
    let named = |m: &Mention| m.name.to_lowercase() == town;
    let in_prose = sentences
        .iter()
        .flatten()
        .any(|m| named(m) && m.name.chars().any(char::is_lowercase));
    if !in_prose {
        return;
    }
    for m in sentences.iter_mut().flatten() {
        if named(m)
            && matches!(
                m.kind,
                MentionKind::Name(None) | MentionKind::Name(Some(Kind::Institution))
            )
        {
            m.kind = MentionKind::Name(Some(Kind::Place));
            // Typed now: no doubtful sentence opener.
            m.initial = false;
        }
    }
}

/// "the oil company Gazprom … Gazprom said": a name no cue types takes the kind its
/// other mentions in the article were given by a cue, when they agree on one.
pub fn share_name_kinds(sentences: &mut [Vec<Mention>]) {
    let mut typed: HashMap<String, Option<Kind>> = HashMap::new();
    for m in sentences.iter().flatten() {
        if let MentionKind::Name(Some(k)) = m.kind {
            typed
                .entry(m.name.clone())
                .and_modify(|seen| {
                    if *seen != Some(k) {
                        *seen = None;
                    }
                })
                .or_insert(Some(k));
        }
    }
    for m in sentences.iter_mut().flatten() {
        if m.kind == MentionKind::Name(None)
            && let Some(&Some(k)) = typed.get(&m.name)
        {
            m.kind = MentionKind::Name(Some(k));
        }
    }
}

/// "U.S. troops" in one sentence, "American forces" or "UK personnel" in another: one
/// country's troops are one group of the article (see [`group_key`]), named as the
/// article first names them, with "troops" where it writes that word.
pub fn share_group_names(sentences: &mut [Vec<Mention>]) {
    let mut first: HashMap<(usize, String), String> = HashMap::new();
    let troops = |name: &str| name.ends_with(" troops");
    for m in sentences.iter().flatten() {
        if let Some(key) = group_key_of(m) {
            first
                .entry(key)
                .and_modify(|name| {
                    if troops(&m.name) && !troops(name) {
                        name.clone_from(&m.name);
                    }
                })
                .or_insert_with(|| m.name.clone());
        }
    }
    for m in sentences.iter_mut().flatten() {
        if let Some(name) = group_key_of(m).and_then(|k| first.get(&k)) {
            m.name.clone_from(name);
        }
    }
}

/// The words that name a country's soldiery as a whole: its troops, forces, soldiers,
/// personnel and peacekeepers are one group within an article.
const SOLDIERY: [&str; 7] = [
    "troops",
    "forces",
    "soldiers",
    "personnel",
    "servicemen",
    "service personnel",
    "peacekeepers",
];

/// A country's group's key: the country and the words after the country's name or
/// adjective, lowercase, with the words for its soldiery as one ("U.S. troops" and
/// "American forces" → (United States, "troops"); "Dutch air defence units" → (the
/// Netherlands, "air defence units")).
pub fn group_key(country: usize, name: &str) -> (usize, String) {
    let (key, skip) = country_form_prefix(name);
    let words: Vec<&str> = key.split(' ').collect();
    let noun = words[skip..].join(" ");
    if SOLDIERY.contains(&noun.as_str()) {
        (country, "troops".to_string())
    } else {
        (country, noun)
    }
}

/// The adjective mention `m` writes for its country: a demonym ("American") or the
/// country's form before a group noun ("U.S." of "U.S. forces"); None for other mentions.
pub fn country_adjective(m: &Mention) -> Option<(usize, String)> {
    match m.kind {
        MentionKind::Demonym(c) => Some((c, m.surface.clone())),
        MentionKind::Group(Some(c)) => {
            let (key, n) = country_form_prefix(&m.name);
            let written: Vec<&str> = m.name.split_whitespace().collect();
            (n > 0 && n < written.len() && key.split(' ').count() == written.len())
                .then(|| (c, written[..n].join(" ")))
        }
        _ => None,
    }
}

/// A name in lexicon form and how many of its first words are a country's form ("U.S.
/// troops" → 1; 0 for none).
fn country_form_prefix(name: &str) -> (String, usize) {
    let key = crate::model::name::lexicon_key(name);
    let words: Vec<&str> = key.split(' ').collect();
    let n = lexicons()
        .country_forms
        .longest(&words)
        .map_or(0, |(n, _)| n);
    (key, n)
}

/// The [`group_key`] of a country's group; None for other mentions.
pub fn group_key_of(m: &Mention) -> Option<(usize, String)> {
    match m.kind {
        MentionKind::Group(Some(c)) => Some(group_key(c, &m.name)),
        _ => None,
    }
}

/// The people a headline names in full ("Dan Joyce, longtime museum director, to
/// retire"): each name that opens with a known given name, cut to two or three words
/// ending on a word the body's sentences write alone and never inside a longer name
/// ("Li Zhaoxing Meets …" gives "Li Zhaoxing" where the body writes "Li Zhaoxing" never
/// and "Zhaoxing" alone): the body calls that person by the surname alone. Typed as
/// people, for resolution only.
pub fn headline_people(text: &str, tokens: &[Token], body: &[Vec<Mention>]) -> Vec<Mention> {
    let (mut alone, mut inside) = (HashSet::new(), HashSet::new());
    for m in body.iter().flatten() {
        if matches!(m.kind, MentionKind::Name(_)) {
            let words: Vec<&str> = m.name.split(' ').collect();
            if words.len() == 1 {
                alone.insert(words[0]);
            } else {
                inside.extend(words);
            }
        }
    }
    find_mentions(text, tokens)
        .into_iter()
        .filter_map(|mut m| {
            // A headline's capitals run a name into the words after it, which may type
            // it ("Ana Lind Named Museum Director"): any name's first words.
            if !matches!(m.kind, MentionKind::Name(_))
                || !super::typer::is_given_name(tokens[m.start].lower.as_ref())
            {
                return None;
            }
            let end = (m.start + 2..=m.end.min(m.start + 3)).rev().find(|&e| {
                let surname = tokens[e - 1].text;
                alone.contains(surname) && !inside.contains(surname)
            })?;
            m.end = end;
            m.name = span_text(text, tokens, m.start, end);
            m.surface.clone_from(&m.name);
            m.kind = MentionKind::Name(Some(Kind::Person));
            m.initial = false;
            m.name_scores = None;
            Some(m)
        })
        .collect()
}

/// "an agreement on military cooperation" and later "the military cooperation
/// agreement": one agreement of the article, named as the article first names it. Two
/// names are one when they hold the same words, leaving out the prepositions and
/// articles that turn one order into the other.
pub fn share_agreement_names(sentences: &mut [Vec<Mention>]) {
    let key = |m: &Mention| -> Option<Vec<String>> {
        if m.kind != MentionKind::Agreement {
            return None;
        }
        let mut words: Vec<String> = crate::model::name::lexicon_key(&m.name)
            .split(' ')
            .filter(|w| !matches!(*w, "on" | "of" | "for" | "the" | "a" | "an" | "in"))
            .map(str::to_string)
            .collect();
        // A bare "agreement" is any agreement: it joins none.
        if words.len() < 2 {
            return None;
        }
        words.sort();
        Some(words)
    };
    let mut first: HashMap<Vec<String>, String> = HashMap::new();
    for m in sentences.iter().flatten() {
        if let Some(k) = key(m) {
            first.entry(k).or_insert_with(|| m.name.clone());
        }
    }
    for m in sentences.iter_mut().flatten() {
        if let Some(name) = key(m).and_then(|k| first.get(&k)) {
            m.name.clone_from(name);
        }
    }
}

/// "Beloved giant panda" opening a sentence: a breed or make whose first word is only
/// written at the start of sentences is the plain species ("giant panda"); one the
/// article writes elsewhere too ("Pungsan hunting dog") stays a breed.
pub fn confirm_breeds(sentences: &mut [Vec<Mention>]) {
    let written: std::collections::HashSet<String> = sentences
        .iter()
        .flatten()
        .filter(|m| !m.initial)
        .flat_map(|m| m.surface.split_whitespace().map(str::to_string))
        .collect();
    for m in sentences.iter_mut().flatten() {
        if m.initial
            && matches!(m.kind, MentionKind::Animal | MentionKind::Thing)
            && let Some((first, rest)) = m.name.split_once(' ')
            && !written.contains(first)
        {
            m.name = rest.to_string();
        }
    }
}

/// Marks the generic bodies named after a country's possessive with that country.
fn mark_owned_bodies(tokens: &[Token], out: &mut [Mention]) {
    for k in 1..out.len() {
        let (before, rest) = out.split_at_mut(k);
        let (owner, m) = (&before[k - 1], &mut rest[0]);
        let MentionKind::Country(c) = owner.kind else {
            continue;
        };
        let possessive = m.start >= 1
            && owner.end + 1 == m.start
            && tokens[m.start - 1].kind == TokKind::Possessive;
        let first = m
            .name
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if possessive
            && m.kind == MentionKind::Name(Some(Kind::Institution))
            && GENERIC_FIRST_WORDS.contains(&first.as_str())
        {
            m.owner_country = Some(c);
        }
    }
}

/// First words of bodies every country has: "Ministry of ...", "Foreign Ministry",
/// "National Security Council", "Embassy".
const GENERIC_FIRST_WORDS: [&str; 14] = [
    "ministry",
    "department",
    "embassy",
    "foreign",
    "defence",
    "defense",
    "interior",
    "national",
    "state",
    "security",
    "supreme",
    "central",
    "general",
    "armed",
];

/// Words of a title holder's standing that may stand between an owner's possessive and
/// the title: "the zoo's acting director", "Peru's new foreign minister".
pub const STANDING: [&str; 9] = [
    "acting", "interim", "new", "current", "former", "outgoing", "incoming", "longtime", "then",
];

/// Abbreviations that open a place's or a saint's name before their period: "St. Paul",
/// "Mt. Kenya", "Ft. Worth".
const SAINT_MOUNT: [&str; 3] = ["st", "mt", "ft"];

/// Plural nouns of people, and the one office, whose possessive stands inside an
/// institution's name before its next capitalised word: "People's Liberation Army",
/// "Children's Hospital", "Veterans' Affairs", "Polk County Sheriff's Office" (not
/// "Russia's Pacific Fleet", the owner's possessive).
const COLLECTIVE_OWNERS: [&str; 11] = [
    "people", "children", "women", "men", "workers", "veterans", "farmers", "teachers", "citizens",
    "peoples", "sheriff",
];

/// Words of a field of work that stand capitalised before a title and name no body:
/// "Finance Director X", "Athletic Director Y", "Public Works Director Z".
const FIELD_WORDS: [&str; 36] = [
    "finance",
    "financial",
    "marketing",
    "development",
    "communications",
    "operations",
    "athletic",
    "athletics",
    "tourism",
    "wildlife",
    "planning",
    "parks",
    "recreation",
    "transportation",
    "technology",
    "research",
    "admissions",
    "personnel",
    "sales",
    "engineering",
    "facilities",
    "budget",
    "legal",
    "curriculum",
    "nursing",
    "medical",
    "academic",
    "human",
    "resources",
    "public",
    "works",
    "information",
    "safety",
    "media",
    "fundraising",
    "advancement",
];

/// The ranks of a police, sheriff's or ship's officer written out before a name and,
/// like "Capt." or "Sgt.", no part of it: "Captain Jim Barnes" is Jim Barnes.
pub const OFFICER_RANKS: [&str; 5] = ["captain", "lieutenant", "sergeant", "corporal", "detective"];

/// Titles that are also adjectives before a noun ("the principal reason").
const ADJECTIVE_TITLES: [&str; 2] = ["principal", "general"];

/// The plural of a seat title on a body, in its words, with the word that body's name
/// calls its members: "council members A, B and C", "Regents A and B".
pub const SEAT_PLURALS: [(&[&str], &str); 14] = [
    (&["council", "members"], "council"),
    (&["councilmembers"], "council"),
    (&["councilmen"], "council"),
    (&["councilwomen"], "council"),
    (&["councillors"], "council"),
    (&["councilors"], "council"),
    (&["board", "members"], "board"),
    (&["directors"], "board"),
    (&["regents"], "regents"),
    (&["trustees"], "trustees"),
    (&["commissioners"], "commission"),
    (&["selectmen"], "selectmen"),
    (&["aldermen"], "aldermen"),
    (&["supervisors"], "supervisors"),
];

/// Nouns of a place where animals are kept, after an animal noun that is their modifier:
/// "the Pinnawala elephant orphanage", "a panda breeding centre".
const ANIMAL_HOMES: [&str; 12] = [
    "orphanage",
    "sanctuary",
    "reserve",
    "farm",
    "park",
    "centre",
    "center",
    "camp",
    "enclosure",
    "exhibit",
    "house",
    "breeding",
];

/// The last words of a sports club's name after its town: "Rotherham United", "Bristol
/// Rovers" are institutions ("Ana Rovers", a given name first, is a person).
const CLUB_ENDS: [&str; 5] = ["united", "rovers", "wanderers", "albion", "hotspur"];

/// Adjectives that open an agreement's noun phrase: no modifier stands before them
/// ("the management team new contracts" is "new contracts").
const AGREEMENT_OPENERS: [&str; 5] = ["new", "first", "latest", "fresh", "historic"];

/// Words after "head of", "commander in" that name a top post, not a field of work.
const TOP_POST_FIELDS: [&str; 3] = ["state", "government", "chief"];

const CONNECTORS: [&str; 5] = ["of", "and", "the", "for", "de"];

/// The prefixes navies write before their ships' names: "USS Port Royal" (United
/// States), "HMS Dauntless" (United Kingdom), "INS Sharda" (India), "JS Samidare" (Japan).
const SHIP_PREFIXES: [&str; 22] = [
    "USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "PNS", "JS", "KRI", "ROKS", "RFS", "BNS",
    "SLNS", "HSV", "TCG", "FGS", "BRP", "KD", "RSS", "NRP", "ESPS",
];

/// Kinds of ship written before a ship's name: "the frigate Yulin".
const SHIP_KINDS: [&str; 9] = [
    "frigate",
    "destroyer",
    "corvette",
    "cruiser",
    "submarine",
    "warship",
    "ship",
    "vessel",
    "carrier",
];

/// The lowercase particles inside a person's name, one or two of them between capitalised
/// words: "Zacarias Albano da Costa", "Ursula von der Leyen", "Mohammed bin Salman".
const NAME_PARTICLES: [&str; 14] = [
    "da", "das", "do", "dos", "di", "del", "della", "der", "den", "van", "von", "bin", "ibn", "le",
];

fn is_speech(word: &str) -> bool {
    lexicons().is(word, super::lexicon::Family::Speech)
}

impl Finder<'_> {
    /// "the statement said", "…,” the press release added", "according to the
    /// release": after "the" at `i - 1`, a statement noun (past modifiers) that speaks.
    /// The end of its words.
    fn relayed_statement(&self, i: usize) -> Option<usize> {
        if i == 0 || self.lowers[i - 1] != "the" {
            return None;
        }
        let mut j = i;
        while STATEMENT_MODIFIERS.contains(&self.lowers[j]) && j + 1 < self.lowers.len() {
            j += 1;
        }
        if !STATEMENT_NOUNS.contains(&self.lowers[j]) {
            return None;
        }
        let speaks = self
            .lowers
            .get(j + 1)
            .is_some_and(|w| is_speech(w) || *w == "read");
        let according = i >= 3 && self.lowers[i - 2] == "to" && self.lowers[i - 3] == "according";
        (speaks || according).then_some(j + 1)
    }

    fn push(&mut self, start: usize, end: usize, kind: MentionKind, name: String) {
        let surface = span_text(self.text, self.tokens, start, end);
        self.out.push(Mention {
            start,
            end,
            kind,
            name,
            surface,
            count: None,
            initial: false,
            nationality: None,
            anaphor: false,
            owner: None,
            based_in: None,
            weak: false,
            owner_country: None,
            indefinite: false,
            name_scores: None,
            after_comma: start > 0 && self.lowers[start - 1] == ",",
            issues_statement: false,
            shouted_before_dash: false,
            // Past a comma and an honorific: "his counterpart, His Excellency X".
            after_counterpart: (0..start)
                .rev()
                .take(5)
                .find(|&k| {
                    !matches!(
                        self.lowers[k],
                        "," | "."
                            | "his"
                            | "her"
                            | "excellency"
                            | "h.e"
                            | "dr"
                            | "mr"
                            | "mrs"
                            | "ms"
                            | "prof"
                    )
                })
                .is_some_and(|k| matches!(self.lowers[k], "counterpart" | "counterparts")),
            after_locative: start > 0
                && matches!(
                    self.lowers[start - 1],
                    "in" | "to" | "from" | "at" | "near" | "visited" | "visit" | "visiting"
                ),
            // "in Lima", "at the Crown Ground": a place's use, past a "the"; so is "to"
            // with its "the" ("return to the Pacific Northwest"; "to Ana Lind" is not).
            place_use: (start > 0 && {
                let the = start > 1 && self.lowers[start - 1] == "the";
                matches!(
                    self.lowers[start - 1 - usize::from(the)],
                    "in" | "at" | "near" | "of" | "visited" | "visit" | "visiting" | "outside"
                ) || (the && self.lowers[start - 2] == "to")
            }) || self
                .tokens
                .get(end)
                .is_some_and(|t| t.kind == TokKind::Possessive),
            speaks: self.lowers.get(end).is_some_and(|w| is_speech(w))
                || (start > 1
                    && is_speech(self.lowers[start - 1])
                    && matches!(self.lowers[start - 2], "," | "\u{201d}" | "\"" | TEX_CLOSE)),
        });
    }

    fn window(&self, i: usize) -> &[&str] {
        &self.lowers[i..(i + 8).min(self.lowers.len())]
    }

    /// An animal or thing noun starting at `i` whose last word is written lowercase.
    fn noun_at(&self, i: usize) -> Option<(usize, MentionKind, String, bool)> {
        let lex = lexicons();
        let w = self.window(i);
        let animal = lex.animal_forms.longest(w).map(|(n, f)| {
            (
                n,
                MentionKind::Animal,
                lex.animals[f.entry].clone(),
                f.plural,
            )
        });
        let thing = lex
            .thing_forms
            .longest(w)
            .map(|(n, f)| (n, MentionKind::Thing, lex.things[f.entry].clone(), f.plural));
        let mut best = match (animal, thing) {
            (Some(a), Some(t)) => Some(if t.0 > a.0 { t } else { a }),
            (a, t) => a.or(t),
        }?;
        // "sloth bears", "tiger sharks": a species noun in the singular right before
        // another is its modifier, and the two name one species.
        if best.1 == MentionKind::Animal
            && !best.3
            && let Some((n, f)) = lex.animal_forms.longest(&w[best.0..])
            && lex.animals[f.entry] != "animal"
            && self.tokens[i + best.0].is_lower_word()
        {
            let modifier = span_text(self.text, self.tokens, i, i + best.0).to_lowercase();
            best = (
                best.0 + n,
                MentionKind::Animal,
                format!("{modifier} {}", lex.animals[f.entry]),
                f.plural,
            );
        }
        let last = &self.tokens[i + best.0 - 1];
        // "Meerkats arrived …": a sentence's first word is capitalised whatever it is;
        // alone, not before another capitalised word ("Tiger Woods"), it is the noun.
        let opens_alone = best.0 == 1
            && self.tokens[..i].iter().all(|t| t.kind != TokKind::Word)
            && !self.tokens.get(i + 1).is_some_and(|t| t.is_capitalised());
        if !last.is_lower_word() && !opens_alone {
            return None;
        }
        // A capitalised first word ("African lion") keeps its capital.
        let name = if self.tokens[i].is_capitalised() && !opens_alone {
            capitalise_first(&best.2)
        } else {
            best.2.clone()
        };
        Some((best.0, best.1, name, best.3))
    }

    fn run(&mut self) {
        let lex = lexicons();
        let n = self.tokens.len();
        let first_word = self.tokens.iter().position(|t| t.kind == TokKind::Word);
        let mut i = 0;
        while i < n {
            let t = &self.tokens[i];
            if t.kind != TokKind::Word
                || (!t.is_capitalised()
                    && !lex.starters.contains(self.lowers[i])
                    && !STATEMENT_NOUNS.contains(&self.lowers[i])
                    && !STATEMENT_MODIFIERS.contains(&self.lowers[i])
                    && self.lowers[i] != "sides"
                    && self.style_of_address_len(i).is_none())
            {
                i += 1;
                continue;
            }
            // "gave him a dog", "gave her two cubs": "her" only as an object, before what
            // is given.
            let object_her = self.lowers[i] == "her"
                && self
                    .lowers
                    .get(i + 1)
                    .is_some_and(|w| matches!(*w, "a" | "an" | "the") || number_value(w).is_some());
            if matches!(self.lowers[i], "they" | "he" | "she" | "it" | "him") || object_her {
                self.push(i, i + 1, MentionKind::Pronoun, self.lowers[i].to_string());
                i += 1;
                continue;
            }
            if let Some((len, kind, name, plural)) = self.noun_at(i) {
                self.push_noun(i, i + len, kind, name, plural);
                i += len;
                continue;
            }
            // "U.S. Army Gen. X", "Russian Lt. Gen. X": an abbreviated rank right after a
            // body or a country's adjective is the rank's title, which that body owns.
            if let Some((len, title)) = self.rank_after_owner(i) {
                self.push_title(i, i + len, title);
                i += len;
                continue;
            }
            // "Dr. Anil Jayantha": the honorific and its period are no part of the name.
            if let Some(len) = self.honorific_len(i) {
                i += len;
                continue;
            }
            // "the two leaders", "both foreign ministers": the last two people given a
            // title (resolution); also capitalised, opening a sentence ("Both sides …").
            if matches!(self.lowers[i], "two" | "both")
                && let Some(end) = people_pair_end(&self.lowers, i + 1)
            {
                self.push(i, end, MentionKind::Pair, String::new());
                i = end;
                continue;
            }
            // "The Defence Ministers acknowledged …": a definite plural of people opening
            // its sentence, with no "of" after it, is the pair too.
            if i == 0
                && self.lowers[i] == "the"
                && let Some(end) = people_pair_end(&self.lowers, i + 1)
                && !matches!(self.lowers.get(end), Some(&("of" | "from" | "in" | "at")))
            {
                self.push(i, end, MentionKind::Pair, String::new());
                i = end;
                continue;
            }
            // "the sides noted …": the two sides the article is about.
            if self.lowers[i] == "sides" && i > 0 && self.lowers[i - 1] == "the" {
                self.push(i - 1, i + 1, MentionKind::Pair, String::new());
                i += 1;
                continue;
            }
            if matches!(self.lowers[i], "two" | "both")
                && matches!(
                    self.lowers.get(i + 1),
                    Some(
                        &("nations"
                            | "countries"
                            | "states"
                            | "sides"
                            | "neighbours"
                            | "neighbors"
                            | "allies"
                            | "superpowers"
                            | "governments")
                    )
                )
            {
                self.push(i, i + 2, MentionKind::Pair, String::new());
                i += 2;
                continue;
            }
            // "Dr. da Costa": after an honorific, a name may open with its particle.
            if t.is_capitalised() || (self.particle_name_at(i) && self.after_honorific(i)) {
                if self.lowers[i] == "between" {
                    i += 1;
                    continue;
                }
                let end = self.run_end(i);
                // "Regents Ana Lind and Rui Costa", "Council Members Ana Lind and Rui
                // Costa": a seat title's plural opens no name (but "Trustees of Keldar
                // College" is one).
                // "Members of the Keldar Committee include …": the plural opens no name.
                if self.lowers[i] == "members" && self.lowers.get(i + 1) == Some(&"of") {
                    i += 1;
                    continue;
                }
                // "But Council Members …": after the run's function words.
                let p = (i..end)
                    .find(|&p| !lexicons().function_words.contains(self.lowers[p]))
                    .unwrap_or(end);
                if let Some(n) = self.seat_plural_at(p, end) {
                    i = p + n;
                    continue;
                }
                // "Board member Ana Lind", "Vice chairman Rui Costa": a title whose first
                // words alone are capitalised, opening the sentence, before its holder's name.
                if let Some((len, &title)) = lexicons().title_forms.longest(&self.lowers[p..])
                    && p + len > end
                    && self.tokens[end..p + len].iter().all(Token::is_lower_word)
                    && self.tokens.get(p + len).is_some_and(Token::is_capitalised)
                {
                    self.push_title(p, p + len, title);
                    i = self.out.last().map_or(p + len, |m| m.end.max(p + len));
                    continue;
                }
                // "SINGAPORE - Four koalas from Australia": a number word alone in its run
                // counts what follows; it names nothing.
                // "LONDON - Two Chinese pandas": nor before a country's adjective.
                let demonym_next = matches!(
                    lexicons().country_forms.longest(&self.lowers[i + 1..end]),
                    Some((_, &(_, CountryForm::Demonym)))
                );
                if number_value(self.lowers[i]).is_some() && (end == i + 1 || demonym_next) {
                    i += 1;
                    continue;
                }
                let initial = Some(i) == first_word
                    || (i > 0 && self.tokens[i - 1].is_quote() && i <= first_word.unwrap_or(0) + 2);
                let next = self.segment_run(i, end, initial);
                // "A Komodo dragon", "The Przewalski's horse": a lexicon noun whose first
                // words are capitalised, after a capitalised determiner, is the noun.
                if let Some(last) = self.out.last()
                    && last.end == next
                    && last.kind == MentionKind::Name(None)
                    && let start = last.start
                    && let Some((len, kind, name, plural)) = self.noun_at_opt(start)
                    && start + len > next
                {
                    // The whole noun is the lexicon's: no breed for `confirm_breeds` to
                    // confirm.
                    self.out.pop();
                    self.push_noun(start, start + len, kind, name, plural);
                    i = start + len;
                    continue;
                }
                // A breed or make: an unknown name right before an animal or thing noun
                // ("Pungsan hunting dogs", "Leclerc tanks").
                if let Some((len, kind, name, plural)) = self.noun_at_opt(next)
                    && let Some(last) = self.out.last()
                    && last.end == next
                    && last.kind == MentionKind::Name(None)
                    && last.end - last.start <= 2
                    && !super::lexicon::CLASS_NOUNS.contains(&name.to_lowercase().as_str())
                    // "the Tampa-bound gorillas", "a Chinese-born panda": where it goes
                    // or was born, not a breed.
                    && !["-bound", "-born", "-based"]
                        .iter()
                        .any(|x| last.surface.ends_with(x))
                    // "Queensland koalas": where they come from; "the Pinnawala elephant
                    // orphanage": the place's name, the noun a modifier of its kind.
                    && !super::lexicon::is_region(&last.surface)
                    && !self
                        .lowers
                        .get(next + len)
                        .is_some_and(|w| ANIMAL_HOMES.contains(w))
                {
                    let prev = self.out.pop().expect("just checked");
                    let full = format!("{} {}", prev.surface, name);
                    self.push_noun(prev.start, next + len, kind, full, plural);
                    // At a sentence's start the word may be no name ("Beloved giant
                    // panda"): [`confirm_breeds`] looks for it elsewhere.
                    if let Some(m) = self.out.last_mut() {
                        m.initial = prev.initial;
                    }
                    i = next + len;
                    continue;
                }
                i = next.max(i + 1);
                continue;
            }
            if t.is_capitalised()
                && lex.title_modifiers.contains_key(self.lowers[i])
                && let Some((end, title)) = self.field_title_at(i, self.run_end(i))
            {
                self.push_title(i, end, title);
                i = self.out.last().map_or(end, |m| m.end.max(end));
                continue;
            }
            let w = self.window(i);
            if let Some((len, &title)) = lex.title_forms.longest(w)
                && !self.adjective_title(i, len)
                && !(t.is_capitalised() && self.titled_office_at(i, i + len))
            {
                self.push_title(i, i + len, title);
                i = self.out.last().map_or(i + len, |m| m.end.max(i + len));
                continue;
            }
            if let Some((len, _)) = lex.group_forms.longest(w) {
                self.push_group(i, i + len);
                i += len;
                continue;
            }
            if let Some((len, ())) = lex.agreements.longest(w) {
                self.push_agreement(i, i + len);
                i += len;
                continue;
            }
            if let Some(end) = self.relayed_statement(i) {
                self.push(
                    i,
                    end,
                    MentionKind::Name(Some(Kind::Institution)),
                    STATEMENT.to_string(),
                );
                if let Some(m) = self.out.last_mut() {
                    m.anaphor = true;
                }
                i = end;
                continue;
            }
            if lex.institution_forms.get(self.lowers[i]).is_some()
                && let Some(end) = self.push_descriptor(i).or_else(|| self.push_ministry_of(i))
            {
                i = end;
                continue;
            }
            // "the ministry", "the zoo", "the country": an institution or country named
            // before; "the park", "the base": an institution named before with that word
            // ("Xiangjiang Safari Park", "Chengdu Research Base"), none when no
            // institution was.
            // "park veterinarian X", "zoo spokesman X", "zoo officials said": the same,
            // without "the", right before a title or the body's unnamed officials.
            let before_title = self.tokens[i].is_lower_word()
                && (lex.places.contains(self.lowers[i])
                    || lex
                        .institution_forms
                        .get(self.lowers[i])
                        .is_some_and(|f| !f.plural))
                && (lex.title_forms.longest(&self.lowers[i + 1..]).is_some()
                    || matches!(self.lowers.get(i + 1), Some(&("officials" | "authorities"))));
            if i > 0
                && (self.lowers[i - 1] == "the" || before_title)
                && (self.lowers[i] == "country"
                    || (lex.places.contains(self.lowers[i])
                        && self.lowers.get(i + 1) != Some(&"of"))
                    || lex
                        .institution_forms
                        .get(self.lowers[i])
                        .is_some_and(|f| !f.plural))
                // "board President X": a capitalised title may follow.
                && (before_title || !self.tokens.get(i + 1).is_some_and(Token::is_capitalised))
            {
                self.push(
                    i,
                    i + 1,
                    MentionKind::Name(Some(Kind::Institution)),
                    self.lowers[i].to_string(),
                );
                if let Some(m) = self.out.last_mut() {
                    m.anaphor = true;
                }
                i += 1;
                continue;
            }
            i += 1;
        }
    }

    fn noun_at_opt(&self, i: usize) -> Option<(usize, MentionKind, String, bool)> {
        (i < self.tokens.len() && self.tokens[i].kind == TokKind::Word)
            .then(|| self.noun_at(i))
            .flatten()
    }

    fn push_noun(
        &mut self,
        start: usize,
        end: usize,
        kind: MentionKind,
        name: String,
        plural: bool,
    ) {
        self.push(start, end, kind, name);
        let count = count_before(self.tokens, start, plural);
        if let Some(m) = self.out.last_mut() {
            m.count = count;
        }
    }

    /// Whether the possessive at `j` closes a title that the run from `i` ends with and
    /// opens "Office" or "Department" ("the Sheriff's Office", "the Mayor's Office",
    /// "the Prime Minister's Office"): the office's name, not its holder's title.
    fn titled_office_at(&self, i: usize, j: usize) -> bool {
        self.tokens
            .get(j)
            .is_some_and(|t| t.kind == TokKind::Possessive)
            && self.tokens.get(j + 1).is_some_and(Token::is_capitalised)
            && matches!(self.lowers[j + 1], "office" | "department")
            && (i..j).any(|k| {
                self.tokens[k].is_capitalised()
                    && lexicons()
                        .title_forms
                        .longest(&self.lowers[k..j])
                        .is_some_and(|(len, _)| k + len == j)
            })
    }

    /// The length of a seat title's plural at `p` ("Regents", "Council Members") with a
    /// capitalised word after it before `end`: the plural opens no name ("Trustees of
    /// Keldar College" is one).
    fn seat_plural_at(&self, p: usize, end: usize) -> Option<usize> {
        SEAT_PLURALS
            .iter()
            .map(|(words, _)| *words)
            .find_map(|words| {
                let n = words.len();
                (end > p + n
                    && self.tokens[p + n].is_capitalised()
                    && self.lowers[p..p + n] == *words)
                    .then_some(n)
            })
    }

    /// Whether token `j` is a month (or its short form) followed by a day of it: "Jan.
    /// 17", "March 3".
    fn month_day_at(&self, j: usize) -> bool {
        let day = j + 1 + usize::from(self.tokens.get(j + 1).is_some_and(|t| t.is_punct(".")));
        super::attributes::month_of(self.tokens[j].text).is_some()
            && self.tokens.get(day).is_some_and(|t| {
                t.kind == TokKind::Number
                    && t.text.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
            })
    }

    /// The end of the run of capitalised words starting at `i`.
    fn run_end(&self, i: usize) -> usize {
        let n = self.tokens.len();
        let mut j = i + 1;
        while j < n {
            let t = &self.tokens[j];
            if t.is_capitalised() {
                // "Later Dr. Lind": an honorific with its period opens a name of its own;
                // "Memorandum of Understanding Between the Government of …": a title's
                // capitalised "Between" ends the name before it.
                if self.honorific_at(j) || self.lowers[j] == "between" {
                    break;
                }
                // "booked into the Gibson County Jail Tuesday": a weekday after a name
                // is when, not a word of it.
                if crate::extract::attributes::WEEKDAYS.contains(&self.lowers[j]) {
                    break;
                }
                // "The Keldar City Commission Jan. 17 rejected …": a month and its day
                // after a name are when, not words of it.
                if self.month_day_at(j) {
                    break;
                }
                j += 1;
                continue;
            }
            // "McDonald's Corporation", "Kellogg's Company": a company named with a
            // possessive (not "Russia's Pacific Fleet").
            if t.kind == TokKind::Possessive
                && (j + 1..(j + 3).min(n))
                    .take_while(|&k| self.tokens[k].is_capitalised())
                    .any(|k| COMPANY_SUFFIXES.contains(&self.lowers[k].trim_end_matches('.')))
                && lexicons()
                    .country_forms
                    .longest(&self.lowers[i..j])
                    .is_none()
            {
                j += 1;
                continue;
            }
            // "the Mayor's Office", "the District Attorney's Office": an office named
            // after the title of its holder.
            if self.titled_office_at(i, j) {
                j += 1;
                continue;
            }
            // "St. Paul", "Mt. Kenya": a saint's or a mountain's abbreviation and its period.
            let next_capitalised = self.tokens.get(j + 1).is_some_and(Token::is_capitalised);
            if t.is_punct(".")
                && SAINT_MOUNT.contains(&self.lowers[j - 1])
                && self.tokens[j - 1].is_capitalised()
                && next_capitalised
            {
                j += 1;
                continue;
            }
            // "St. Luke's Hospital", "Saint Mary's College": a saint's possessive;
            // "Chinese People's Political Consultative Conference": a collective owner's.
            if t.kind == TokKind::Possessive
                && next_capitalised
                && ((i..j).any(|k| matches!(self.lowers[k], "st" | "saint"))
                    || COLLECTIVE_OWNERS.contains(&self.lowers[j - 1]))
            {
                j += 1;
                continue;
            }
            // "School of Arts & Sciences", "Keppel Offshore & Marine".
            if t.text == "&" && self.tokens.get(j + 1).is_some_and(Token::is_capitalised) {
                j += 2;
                continue;
            }
            if self.particle_name_at(j) {
                // "Albano da Costa", "Ursula von der Leyen".
                j += if NAME_PARTICLES.contains(&self.lowers[j + 1]) {
                    3
                } else {
                    2
                };
                continue;
            }
            if t.kind == TokKind::Word
                && CONNECTORS.contains(&self.lowers[j])
                && self.lowers[j] != "the"
            {
                // "of the Congo": a connector, perhaps "the", then a capitalised word.
                let mut k = j + 1;
                if k < n && self.lowers[k] == "the" {
                    k += 1;
                }
                if k < n
                    && self.tokens[k].is_capitalised()
                    && !self.lowers[k].eq("the")
                    && !self.honorific_at(k)
                {
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// Splits the capitalised run `[a, b)` into countries, titles and names. Returns
    /// where the caller goes on (a name may take a lowercase cue word after the run).
    fn segment_run(&mut self, a: usize, b: usize, initial: bool) -> usize {
        let lex = lexicons();
        // A capitalised number word is part of a name inside a sentence ("organisation
        // Four Paws", "the Three Gorges Dam"), not at its start ("Two pandas arrived").
        let skippable = |w: &str| {
            lex.function_words.contains(w)
                || (initial && number_value(w).is_some())
                || is_calendar_word(w)
        };
        let mut p = a;
        while p < b && skippable(self.lowers[p]) {
            p += 1;
        }
        if self.coordinated_institutions(p, b) {
            return b;
        }
        while p < b {
            // "… of Gen of the Indian Army": an honorific's short form before "of" opens
            // no name.
            let honorific_of = crate::model::name::HONORIFICS.contains(&self.lowers[p])
                && self.lowers.get(p + 1) == Some(&"of");
            // "Five Americans freed …", "Nineteen South Koreans": a number before a
            // country's people counts them.
            let counts_people = number_value(self.lowers[p]).is_some()
                && matches!(
                    lex.country_forms.longest(&self.lowers[p + 1..b]),
                    Some((_, &(_, CountryForm::People)))
                );
            if skippable(self.lowers[p]) || honorific_of || counts_people {
                p += 1;
                continue;
            }
            // "Mayor X and Commissioners A, B and C": a seat title's plural after "and"
            // opens no name, as at the run's start.
            if p > a
                && self.lowers[p - 1] == "and"
                && let Some(n) = self.seat_plural_at(p, b)
            {
                p += n;
                continue;
            }
            match self.country_in_run(p, b) {
                CountryStep::Past(end) => return end,
                CountryStep::Next(next) => {
                    p = next;
                    continue;
                }
                CountryStep::None => {}
            }
            // "Both Ministers", "the Foreign Ministers of both countries", "Ministers of
            // Foreign Affairs, Fisheries …": a run that opens or ends on a government
            // post in the plural names no one.
            let plural_post =
                |w: &str| matches!(w, "ministers" | "secretaries" | "ambassadors" | "envoys");
            if plural_post(self.lowers[p]) || (b - p <= 3 && plural_post(self.lowers[b - 1])) {
                return b;
            }
            if let Some((end, title)) = self.field_title_at(p, b) {
                self.push_title(p, end, title);
                p = self.out.last().map_or(end, |m| m.end.max(end));
                continue;
            }
            // "General Motors", "General Assembly": a one-word title whose run ends on
            // one word of an institution is the institution's name.
            let institution_name =
                b == p + 2 && lex.institution_forms.get(self.lowers[p + 1]).is_some();
            if let Some((len, &title)) = lex.title_forms.longest(&self.lowers[p..b])
                && !(len == 1 && institution_name)
                && !self.titled_office_at(p, p + len)
            {
                self.push_title(p, p + len, title);
                p = self.out.last().map_or(p + len, |m| m.end.max(p + len));
                continue;
            }
            // A name up to the end of the run, or up to an "and" that joins two names.
            let mut e = p;
            let mut seen_of = false;
            let mut town = false;
            let cue = |w: &&str| lex.institution_forms.get(w).is_some() || lex.places.contains(*w);
            while e < b {
                // "Megan Owen of the San Diego Zoo": a name with no cue word of its own
                // before "of" and an institution's name after it are two names.
                if self.lowers[e] == "of"
                    && e >= p + 2
                    && !self.lowers[p..e].iter().any(cue)
                    && self.lowers[e + 1..b]
                        .iter()
                        .any(|w| lex.institution_forms.get(w).is_some())
                {
                    break;
                }
                // "Ilham Aliyev of Azerbaijan", "President Ilham Aliyev of Azerbaijan": a
                // person's name (or plain words right after a title), then "of" and a
                // country's name, are two names.
                if self.lowers[e] == "of"
                    && self.country_to(e + 1, b)
                    && (self.person_name(p, e) || (self.plain_name(p, e) && self.title_ends_at(p)))
                {
                    break;
                }
                // "Ana Lind of Ketchikan said": a name that opens with a known given name,
                // then "of" and one or two plain words that end the run (her town), are
                // two names.
                if self.lowers[e] == "of"
                    && self.plain_name(p, e)
                    && super::typer::is_given_name(self.lowers[p])
                    && self.plain_words(e + 1, b)
                {
                    town = true;
                    break;
                }
                if matches!(self.lowers[e], "of" | "for") {
                    seen_of = true;
                }
                if self.lowers[e] == "and"
                    && (!seen_of || self.and_joins_names(e, b))
                    && !self.venue_and(p, e, b)
                {
                    break;
                }
                // "Armed Forces Minister Claire Besson": a title before a name (not one
                // after a connector: "Department of General Services").
                // "Department of General Services Director," ending the run: the name
                // owns the title.
                // "the Russian Foreign Ministry Maria Zakharova": a body's name, then a
                // person's, in one run of capitals.
                if e > p && self.person_after_body(e, b) {
                    break;
                }
                if e > p
                    && !CONNECTORS.contains(&self.lowers[e - 1])
                    && let Some((len, _)) = lex.title_forms.longest(&self.lowers[e..b])
                    && (e + len == b || self.tokens[e + len].is_capitalised())
                    && !self.surname_title(p, e, b)
                {
                    break;
                }
                e += 1;
            }
            // "Madrid Mayor X" at the start of a sentence: a name before a title is one.
            let owns_title = e < b && lex.title_forms.longest(&self.lowers[e..b]).is_some();
            let next = self.push_name(p, e, initial && p == a && !owns_title);
            if town {
                let name = span_text(self.text, self.tokens, e + 1, b);
                self.push(e + 1, b, MentionKind::Name(Some(Kind::Place)), name);
                return next.max(b);
            }
            if e < b && self.lowers[e] == "and" {
                p = e + 1;
            } else if e < b {
                p = e;
            } else {
                return next.max(b);
            }
        }
        b
    }

    /// A country word at `p` inside the run `[p, b)`: pushes it and says where to go on.
    fn country_in_run(&mut self, p: usize, b: usize) -> CountryStep {
        let lex = lexicons();
        // "the Republic of Uzbekistan", "the Kingdom of Thailand", "the Government of the
        // Republic of Maldives", "the Government of the People's Republic of China": the
        // country.
        let mut at = p;
        while at + 1 < self.lowers.len()
            && (STATE_HEADS.contains(&self.lowers[at]) || self.lowers[at] == "government")
            && self.lowers[at + 1] == "of"
        {
            at += 2 + usize::from(self.lowers.get(at + 2) == Some(&"the"));
        }
        if at > p
            && at < self.lowers.len()
            && let Some((len, &(c, CountryForm::Name))) = lex.country_forms.longest(self.window(at))
        {
            self.push(
                p,
                at + len,
                MentionKind::Country(c),
                lex.countries[c].name.clone(),
            );
            let mut next = at + len;
            if next > b {
                return CountryStep::Past(next);
            }
            if next < b && self.lowers[next] == "and" {
                next += 1;
            }
            return CountryStep::Next(next);
        }
        // A country name running past the run ("People's" inside).
        if let Some((len, &(c, CountryForm::Name))) = lex.country_forms.longest(self.window(p))
            && p + len > b
        {
            self.push(
                p,
                p + len,
                MentionKind::Country(c),
                lex.countries[c].name.clone(),
            );
            return CountryStep::Past(p + len);
        }
        let Some((len, &(c, form))) = lex.country_forms.longest(&self.lowers[p..b]) else {
            return CountryStep::None;
        };
        let key = self.lowers[p..p + len].join(" ");
        let case_ok = !lex.acronyms.contains(&key)
            || self.tokens[p..p + len]
                .iter()
                .all(|t| !t.text.chars().any(char::is_lowercase));
        if !case_ok {
            return CountryStep::None;
        }
        // "Moscow Zoo", "Kyiv region", "Moscow government": the word starts a name; not
        // before a person's name ("ambassador to Canada Zhang Junsai").
        // Nor before a portfolio's title ("US Defence Secretary X", "UK Foreign
        // Secretary X"): the country, then the title.
        let portfolio_title = (p + len + 1..(p + len + 3).min(b)).any(|k| {
            matches!(self.lowers[k], "minister" | "secretary")
                && self.tokens[p + len..k].iter().all(Token::is_capitalised)
        });
        // "Peru President Ana Lind", "England striker X": any title right after the
        // name (not a state's: "Georgia Governor X").
        let title_after = lex.title_forms.longest(&self.lowers[p + len..b]).is_some()
            && !lex.us_states.contains_key(&key);
        // "the United States Attorney's Office": an office named after a title holds the
        // country's name, whose title it is.
        let titled_office = (p + len..b).any(|j| self.titled_office_at(p + len, j));
        // "Ambassador to Egypt Lutfi Rauf": after a title's "to", a name the shape of a
        // person's is the post's holder, whatever the typer makes of it.
        let post_to = p >= 2 && self.lowers[p - 1] == "to" && self.title_ends_at(p - 1);
        let more_name = p + len < b
            && self.tokens[p + len].is_capitalised()
            && !(form == CountryForm::Name
                && (self.person_name(p + len, b) || (post_to && self.plain_name(p + len, b))))
            && !(form == CountryForm::Name && (portfolio_title || title_after) && !titled_office);
        let cue_after = self.tokens.get(p + len).is_some_and(|t| {
            t.is_lower_word()
                && (lex.places.contains(t.lower.as_ref())
                    || lex
                        .institution_forms
                        .get(t.lower.as_ref())
                        .is_some_and(|f| !f.plural))
        });
        // "the Russian capital": the country's capital city, by its name (not "the
        // Spanish capital of Madrid", which names it).
        if form == CountryForm::Demonym
            && p > 0
            && self.lowers[p - 1] == "the"
            && self.lowers.get(p + len) == Some(&"capital")
            && !matches!(self.lowers.get(p + len + 1), Some(&("of" | "city")))
            && let Some(city) = lex.countries[c].capitals.first()
        {
            self.push(p, p + len + 1, MentionKind::Capital(c), city.clone());
            if let Some(m) = self.out.last_mut() {
                m.place_use = true;
            }
            return CountryStep::Past(p + len + 1);
        }
        // "Nineteen South Koreans returned home": the country's people, a group that
        // is too weak to say it is a member of the country.
        if form == CountryForm::People {
            let surface = span_text(self.text, self.tokens, p, p + len);
            self.push(p, p + len, MentionKind::Group(Some(c)), surface);
            let count = count_before(self.tokens, p, true);
            if let Some(m) = self.out.last_mut() {
                m.count = count;
                m.weak = true;
            }
            return CountryStep::Past(p + len);
        }
        let kind = match form {
            CountryForm::Demonym => MentionKind::Demonym(c),
            CountryForm::Name if !more_name => MentionKind::Country(c),
            CountryForm::Capital if !more_name && !cue_after => MentionKind::Capital(c),
            _ => return CountryStep::None,
        };
        let name = match kind {
            MentionKind::Capital(_) => span_text(self.text, self.tokens, p, p + len),
            _ => lex.countries[c].name.clone(),
        };
        self.push(p, p + len, kind, name);
        let mut next = p + len;
        if form != CountryForm::Demonym && next < b && self.lowers[next] == "and" {
            next += 1;
        }
        CountryStep::Next(next)
    }

    /// Whether the "and" at `k` joins the last word of one venue's name, in the run
    /// `[p, b)`: "Cotswold Wildlife Park and Gardens", "Lima Zoo and Aquarium" (a cue word
    /// before it, one venue word after it ending the run).
    fn venue_and(&self, p: usize, k: usize, b: usize) -> bool {
        const VENUES: [&str; 9] = [
            "gardens", "garden", "aquarium", "zoo", "museum", "library", "gallery", "archives",
            "park",
        ];
        k > p
            && b == k + 2
            && VENUES.contains(&self.lowers[k + 1])
            && (lexicons()
                .institution_forms
                .get(self.lowers[k - 1])
                .is_some()
                || lexicons().places.contains(self.lowers[k - 1]))
    }

    /// Whether the "and" at `k` inside the run ending at `b` joins two names ("the Bank
    /// of England and the University of Oxford") rather than two words of one name
    /// ("Ministry of Natural Resources and Environment").
    fn and_joins_names(&self, k: usize, b: usize) -> bool {
        let lex = lexicons();
        let rest = &self.lowers[k + 1..b];
        // "the University of Oxford and the British-Swedish …": "and the" opens a name.
        rest.first() == Some(&"the")
            || rest.contains(&"of")
            || rest.iter().any(|w| lex.institution_forms.get(w).is_some())
            || lex.country_forms.longest(rest).is_some()
    }

    /// "the Moscow and Pyongyang Zoos": two institutions sharing a plural cue word.
    fn coordinated_institutions(&mut self, a: usize, b: usize) -> bool {
        let lex = lexicons();
        if b < a + 4 || self.lowers[a..b].contains(&"of") {
            return false;
        }
        let Some(f) = lex.institution_forms.get(self.lowers[b - 1]) else {
            return false;
        };
        if !f.plural {
            return false;
        }
        let Some(and) = self.lowers[a..b]
            .iter()
            .position(|w| *w == "and")
            .map(|k| a + k)
        else {
            return false;
        };
        // "Newquay Zoo and Kew Gardens", "Cotswold Wildlife Park and Gardens": a left
        // part with a cue word of its own shares none.
        if and == a
            || and + 2 > b - 1
            || self.lowers[a..and]
                .iter()
                .any(|w| lex.institution_forms.get(w).is_some())
        {
            return false;
        }
        let cue = capitalise_first(&lex.institutions[f.entry]);
        let left = span_text(self.text, self.tokens, a, and);
        let right = span_text(self.text, self.tokens, and + 1, b - 1);
        self.push(
            a,
            and,
            MentionKind::Name(Some(Kind::Institution)),
            format!("{left} {cue}"),
        );
        self.push(
            and + 1,
            b,
            MentionKind::Name(Some(Kind::Institution)),
            format!("{right} {cue}"),
        );
        true
    }

    /// Whether a comma or dash, then a title, comes at token `i` ("…, Deputy Minister",
    /// "… - Minister of Ports").
    fn title_follows(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| matches!(t.text, "," | "-" | "\u{2013}" | "\u{2014}"))
            && i + 1 < self.lowers.len()
            && lexicons()
                .title_forms
                .longest(&self.lowers[i + 1..])
                .is_some()
    }

    /// How many tokens an honorific before a name takes at `i`, its period included
    /// ("Dr. Anil Jayantha": 2, "Mr Tharman Shanmugaratnam": 1), or a style of address
    /// ("His Excellency Ahmed Khaleel": 2, "Her Royal Highness Princess Anne": 3); none
    /// if there is none.
    /// An abbreviated military rank at `i` ("Gen.", "Lt. Gen.", "Adm.") right after a
    /// mention of an institution, a country or its adjective (or their possessive), and
    /// before a name: its length in tokens and the title its words spell out.
    fn rank_after_owner(&self, i: usize) -> Option<(usize, usize)> {
        let possessive = i > 0 && self.tokens[i - 1].kind == TokKind::Possessive;
        let owner = self
            .out
            .last()
            .filter(|m| m.end == i || (possessive && m.end + 1 == i))?;
        if !matches!(
            owner.kind,
            MentionKind::Name(Some(Kind::Institution))
                | MentionKind::Country(_)
                | MentionKind::Demonym(_)
        ) {
            return None;
        }
        let mut words = Vec::new();
        let mut k = i;
        while let Some(word) = RANKS
            .iter()
            .find(|(abbr, _)| *abbr == self.tokens.get(k).map_or("", |t| t.text))
            .map(|&(_, word)| word)
            && self.tokens.get(k + 1).is_some_and(|t| t.is_punct("."))
        {
            words.push(word);
            k += 2;
        }
        if words.is_empty() || !self.tokens.get(k).is_some_and(Token::is_capitalised) {
            return None;
        }
        let (n, &title) = lexicons().title_forms.longest(&words)?;
        (n == words.len()).then_some((k - i, title))
    }

    /// "Kosovo's principal city", "the general public": a one-word title that is also an
    /// adjective, written in lower case before a lower-case noun, is the adjective.
    fn adjective_title(&self, i: usize, len: usize) -> bool {
        len == 1
            && ADJECTIVE_TITLES.contains(&self.lowers[i])
            && self.tokens[i].is_lower_word()
            && self.tokens.get(i + 1).is_some_and(|t| {
                t.is_lower_word()
                    && !matches!(t.lower.as_ref(), "of" | "at" | "for" | "in")
                    && !lexicons().is_verb(&t.lower)
            })
    }

    fn honorific_len(&self, i: usize) -> Option<usize> {
        let len = if let Some(len) = self.style_of_address_len(i) {
            len
        } else if (crate::model::name::HONORIFICS.contains(&self.lowers[i])
            || OFFICER_RANKS.contains(&self.lowers[i]))
            && self.tokens[i].is_capitalised()
        {
            let period = self.tokens.get(i + 1).is_some_and(|t| t.is_punct("."));
            1 + usize::from(period)
        } else {
            return None;
        };
        (self.tokens.get(i + len).is_some_and(Token::is_capitalised)
            || self.particle_name_at(i + len))
        .then_some(len)
    }

    /// "Senior Giraffe Keeper", "Deputy Marketing Director": a title modifier, one or
    /// two field words and a title, inside the run `[p, b)`: where the title ends and
    /// the title the modifier makes. The field words are plain capitalised words (no
    /// country, cue or function word).
    fn field_title_at(&self, p: usize, b: usize) -> Option<(usize, usize)> {
        let lex = lexicons();
        let modifier = self.lowers[p];
        let made = lex.title_modifiers.get(modifier)?;
        let field_word = |k: usize| {
            self.tokens[k].is_capitalised()
                && lex.institution_forms.get(self.lowers[k]).is_none()
                && lex.country_forms.longest(&self.lowers[k..k + 1]).is_none()
                && !lex.function_words.contains(self.lowers[k])
                && lex.title_forms.longest(&self.lowers[k..k + 1]).is_none()
        };
        // A title listed whole ("Deputy Prime Minister") is read as listed.
        let listed_end = lex
            .title_forms
            .longest(&self.lowers[p..b])
            .map_or(p, |(len, _)| p + len);
        (p + 2..(p + 4).min(b))
            .find_map(|k| {
                if !(p + 1..k).all(field_word) {
                    return None;
                }
                let (len, &title) = lex.title_forms.longest(&self.lowers[k..b])?;
                let base = lex.titles[title].base;
                Some((k + len, *made.get(&base)?))
            })
            .filter(|&(end, _)| end > listed_end)
    }

    /// The length of a style of address at `i`: a possessive pronoun, "Royal" perhaps,
    /// and "Excellency", "Majesty", "Highness" or "Holiness", capitalised.
    fn style_of_address_len(&self, i: usize) -> Option<usize> {
        if !matches!(self.lowers[i], "his" | "her" | "their" | "your") {
            return None;
        }
        let royal = usize::from(self.lowers.get(i + 1) == Some(&"royal"));
        let k = i + 1 + royal;
        let style = self.lowers.get(k).is_some_and(|w| {
            matches!(
                *w,
                "excellency" | "excellencies" | "majesty" | "highness" | "holiness"
            )
        });
        (style && self.tokens[k].is_capitalised()).then_some(2 + royal)
    }

    /// Whether a name that opens with its particles starts at `i`: "da Costa", "von der
    /// Leyen" (one or two [`NAME_PARTICLES`], then a capitalised word).
    fn particle_name_at(&self, i: usize) -> bool {
        let particle = |k: usize| {
            self.lowers
                .get(k)
                .is_some_and(|w| NAME_PARTICLES.contains(w))
        };
        if !particle(i) {
            return false;
        }
        let k = if particle(i + 1) { i + 2 } else { i + 1 };
        self.tokens.get(k).is_some_and(Token::is_capitalised)
    }

    /// Whether an honorific ("Dr", "Dr.") ends right before `i`.
    fn after_honorific(&self, i: usize) -> bool {
        (i >= 1 && self.honorific_len(i - 1) == Some(1))
            || (i >= 2 && self.honorific_len(i - 2) == Some(2))
    }

    /// Whether an honorific before a name stands at `i`.
    fn honorific_at(&self, i: usize) -> bool {
        self.honorific_len(i).is_some()
    }

    /// Whether the run `[e, b)` is a person's name right after a body's cue word ("…
    /// Foreign Ministry | Maria Zakharova", "… City Council | Ana Lind"): two or three
    /// plain capitalised words, none a cue, country or function word, that the name
    /// typer takes for a person's.
    fn person_after_body(&self, e: usize, b: usize) -> bool {
        let body_cue = lexicons()
            .institution_forms
            .get(self.lowers[e - 1])
            .is_some_and(|f| !f.plural);
        body_cue && self.person_name(e, b)
    }

    /// Whether the last mention pushed is a title ending at token `p`.
    fn title_ends_at(&self, p: usize) -> bool {
        self.out
            .last()
            .is_some_and(|m| m.end == p && matches!(m.kind, MentionKind::Title { .. }))
    }

    /// Whether `[a, b)` opens with a country's name, perhaps after "the", that runs to `b`
    /// or to an "and" ("of Viet Nam and Sudan's FM …").
    fn country_to(&self, a: usize, b: usize) -> bool {
        let a = a + usize::from(self.lowers.get(a) == Some(&"the"));
        a < b
            && lexicons()
                .country_forms
                .longest(&self.lowers[a..b])
                .is_some_and(|(len, &(_, form))| {
                    form == CountryForm::Name && (a + len == b || self.lowers[a + len] == "and")
                })
    }

    /// Whether `[a, b)` is one or two capitalised words, none a cue, title or function
    /// word: the shape of a town's name after a person's.
    fn plain_words(&self, a: usize, b: usize) -> bool {
        (1..=2).contains(&(b.saturating_sub(a))) && (a..b).all(|k| self.plain_word(k))
    }

    /// Whether token `k` is a capitalised word that is no cue, title or function word.
    fn plain_word(&self, k: usize) -> bool {
        let lex = lexicons();
        let w = self.lowers[k];
        self.tokens[k].kind == TokKind::Word
            && self.tokens[k].is_capitalised()
            && !lex.function_words.contains(w)
            && !CONNECTORS.contains(&w)
            && lex.institution_forms.get(w).is_none()
            && lex.title_forms.longest(&self.lowers[k..k + 1]).is_none()
    }

    /// Whether `[e, b)` is two or three plain capitalised words, none a cue, country,
    /// title or function word, that the name typer takes for a person's name.
    fn person_name(&self, e: usize, b: usize) -> bool {
        self.plain_name(e, b) && {
            let guess = super::typer::weights().guess(&super::typer::features(self.tokens, e, b));
            guess.name_type == super::typer::NameType::Person
        }
    }

    /// How well the typer reads `[a, k)` as a body and `[k, b)` as a person's name: the
    /// name's person score over its best other score, plus the body's best other score
    /// over its person score.
    fn split_score(&self, a: usize, k: usize, b: usize) -> i64 {
        let w = super::typer::weights();
        let person = super::typer::NameType::ALL
            .iter()
            .position(|&t| t == super::typer::NameType::Person)
            .expect("a person type");
        let lead = |s: [i64; 4]| {
            let other = (0..4)
                .filter(|&i| i != person)
                .map(|i| s[i])
                .max()
                .unwrap_or(0);
            s[person] - other
        };
        lead(w.scores(&super::typer::features(self.tokens, k, b)))
            - lead(w.scores(&super::typer::features(self.tokens, a, k)))
    }

    /// Whether `[e, b)` is two or three plain capitalised words, none a cue, country,
    /// title or function word: the shape of a person's name.
    fn plain_name(&self, e: usize, b: usize) -> bool {
        let lex = lexicons();
        if !(2..=3).contains(&(b - e)) {
            return false;
        }
        let plain = (e..b).all(|k| {
            self.plain_word(k)
                && !lex.places.contains(self.lowers[k])
                && lex.country_forms.longest(&self.lowers[k..k + 1]).is_none()
        });
        plain && lex.country_forms.longest(&self.lowers[e..b]).is_none()
    }

    /// Whether the name `[p, e)` is a ship's: a navy's prefix and a name ("USS Port
    /// Royal", "INS Sharda"), a capitalised "Vessel" or "Ship" inside it ("High Speed
    /// Vessel Swift"), or a kind of warship written right before it ("the frigate
    /// Yulin").
    fn is_ship(&self, p: usize, e: usize) -> bool {
        let prefixed = e > p + 1 && SHIP_PREFIXES.contains(&self.tokens[p].text);
        let inner =
            e > p + 2 && (p + 1..e - 1).any(|k| matches!(self.lowers[k], "vessel" | "ship"));
        let after_kind = p > 0
            && self.tokens[p - 1].is_lower_word()
            && SHIP_KINDS.contains(&self.lowers[p - 1])
            && self.tokens[p..e].iter().all(|t| t.is_capitalised());
        prefixed || inner || after_kind
    }

    /// Pushes the name `[p, e)`, extended by a lowercase place or institution cue that
    /// follows ("Kursk region", "Moscow government"); returns its end.
    fn push_name(&mut self, p: usize, e: usize, initial: bool) -> usize {
        let lex = lexicons();
        if p >= e {
            return e;
        }
        // "Bethesda, Md.": a state's abbreviation after a comma is the state.
        if e == p + 1
            && p > 0
            && self.tokens[p - 1].is_punct(",")
            && self.tokens.get(e).is_some_and(|t| t.is_punct("."))
            && let Some(state) = lex.state_abbreviations.get(self.tokens[p].text)
        {
            self.push(p, e, MentionKind::Name(Some(Kind::Place)), state.clone());
            return e;
        }
        // "Operation Faithful Patriot": an undertaking's name is no entity.
        if e > p + 1 && super::lexicon::UNDERTAKINGS.contains(&self.lowers[p]) {
            return e;
        }
        // "USS Port Royal", "High Speed Vessel Swift", "the frigate Yulin": a ship, which
        // acts as a group does (it sails, docks, is deployed).
        if self.is_ship(p, e) {
            // "the Indian Navy ship INS Sharda": the kind before the name is no group of
            // its own.
            if self.out.last().is_some_and(|m| {
                m.end == p
                    && matches!(m.kind, MentionKind::Group(_))
                    && SHIP_KINDS.contains(&self.lowers[p - 1])
            }) {
                self.out.pop();
            }
            let name = span_text(self.text, self.tokens, p, e);
            self.push(p, e, MentionKind::Group(None), name);
            return e;
        }
        let mut end = e;
        let words = &self.lowers[p..e];
        // An institution's cue word outranks an agreement word in a name: "San Diego Zoo
        // Wildlife Alliance", "North Atlantic Treaty Organization".
        let mut kind = if words.iter().any(|w| lex.institution_forms.get(w).is_some())
            || lex.organisations.contains(words.join(" ").as_str())
            || (words.len() > 1
                && CLUB_ENDS.contains(&words[words.len() - 1])
                && !super::typer::is_given_name(words[0]))
        {
            Some(Kind::Institution)
        } else if words.iter().any(|w| lex.agreements.get(w).is_some()) {
            return self.push_kind(p, end, MentionKind::Agreement);
        } else if lex.places.contains(words[words.len() - 1]) {
            Some(Kind::Place)
        } else {
            None
        };
        // "the state-run oil company Gazprom", "carmaker Toyota": a name right after a
        // noun for an organisation names one.
        if kind.is_none()
            && p > 0
            && self.tokens[p - 1].is_lower_word()
            && super::lexicon::is_organisation_noun(self.lowers[p - 1])
        {
            kind = Some(Kind::Institution);
        }
        if kind.is_none()
            && let Some(next) = self.tokens.get(e)
            && next.is_lower_word()
        {
            if lex.places.contains(self.lowers[e]) {
                kind = Some(Kind::Place);
                end = e + 1;
            } else if lex
                .institution_forms
                .get(self.lowers[e])
                .is_some_and(|f| !f.plural)
            {
                kind = Some(Kind::Institution);
                // "Yonhap news agency": two cue words describe the name, and are not
                // part of it.
                let described = self.tokens.get(e + 1).is_some_and(|t| {
                    t.is_lower_word() && lex.institution_forms.get(t.lower.as_ref()).is_some()
                });
                if !described {
                    end = e + 1;
                }
            }
        }
        let single = end - p == 1;
        // "Boeing's James Bell": a word that takes a possessive is a name.
        let owner = self
            .tokens
            .get(end)
            .is_some_and(|t| t.kind == TokKind::Possessive);
        if initial && single && kind.is_none() && !owner {
            let w = self.lowers[p];
            // A first word in "-ing" or "-ly" ("Having", "Boeing") stays a first word: a
            // name only where the article writes it inside a sentence too.
            if !lex.families(w).is_empty() {
                return end;
            }
        }
        // "the French Ministry of the Armed Forces": the adjective is part of the name.
        let mut start = p;
        let mut nationality = None;
        if kind == Some(Kind::Institution)
            && let Some(prev) = self.out.last()
            && prev.end == p
            && let MentionKind::Demonym(c) = prev.kind
        {
            start = prev.start;
            nationality = Some(c);
            self.out.pop();
        }
        // "the Jakarta-based Centre for …": the place is not part of the name, nor is
        // what the run held before it ("Shares of Chicago-based Boeing").
        let mut based_in = None;
        if let Some(j) =
            (start..end.saturating_sub(1)).find(|&j| self.tokens[j].text.ends_with("-based"))
            && let Some(place) = self.tokens[j].text.strip_suffix("-based")
        {
            based_in = Some(place.to_string());
            start = j + 1;
        }
        let name = span_text(self.text, self.tokens, start, end);
        self.push(start, end, MentionKind::Name(kind), name);
        if let Some(m) = self.out.last_mut() {
            // "Keldar's chief executive, X": a first word that owns something is a name.
            m.initial = initial && single && kind.is_none() && !owner;
            m.nationality = nationality;
            m.based_in = based_in;
        }
        end
    }

    fn push_kind(&mut self, p: usize, e: usize, kind: MentionKind) -> usize {
        if kind == MentionKind::Agreement
            && let Some((end, name)) = self.titled_agreement(p, e)
        {
            self.push(p, end, kind, name);
            return end;
        }
        let name = span_text(self.text, self.tokens, p, e);
        self.push(p, e, kind, name);
        e
    }

    /// An agreement's title going on past its noun: "Memorandum of Understanding on
    /// Cultural and Artistic Cooperation", "MOU on Tourism Cooperation", "a Memorandum of
    /// Understanding (MOU) on Sports Cooperation" (the bracketed short form left out of
    /// the name): "on" or "for", then capitalised words joined by "and", "of" or "the".
    fn titled_agreement(&self, p: usize, e: usize) -> Option<(usize, String)> {
        let n = self.tokens.len();
        // Only a title ("Agreement on …"), not "a clearance agreement for the Black Sea".
        if !self.tokens.get(e.checked_sub(1)?)?.is_capitalised() {
            return None;
        }
        let mut k = e;
        // "(MOU)": skipped.
        let bracket =
            (k + 2 < n && self.tokens[k].is_punct("(") && self.tokens[k + 2].is_punct(")"))
                .then_some(k);
        if bracket.is_some() {
            k += 3;
        }
        if !matches!(self.lowers.get(k), Some(&("on" | "for"))) {
            return None;
        }
        let topic = k;
        k += 1;
        if self.lowers.get(k) == Some(&"the") {
            k += 1;
        }
        let mut end = None;
        while k < n {
            if self.tokens[k].is_capitalised() && self.lowers[k] != "between" {
                k += 1;
                end = Some(k);
            } else if matches!(self.lowers[k], "and" | "of" | "the")
                && self.tokens.get(k + 1).is_some_and(Token::is_capitalised)
            {
                k += 1;
            } else {
                break;
            }
        }
        let end = end?;
        let head = span_text(self.text, self.tokens, p, bracket.unwrap_or(e));
        let tail = span_text(self.text, self.tokens, topic, end);
        Some((end, format!("{head} {tail}")))
    }

    /// The end of a field of work named after a title ending at `e`: "of" or "in", then
    /// up to four lowercase words that are neither function words (but "and") nor verbs
    /// ("professor of law", "a student in history", "head of large mammals"). Not "head
    /// of state" or "chief of staff"'s kin "commander in chief", which name the top post.
    fn field_end(&self, e: usize) -> Option<usize> {
        let lex = lexicons();
        // "professor of law", "lecturer in history", "vice president for academic affairs".
        if !matches!(self.lowers.get(e), Some(&("of" | "in" | "for"))) {
            return None;
        }
        let word = |k: usize| {
            self.tokens.get(k).is_some_and(Token::is_lower_word)
                && !lex.function_words.contains(self.lowers[k])
                && !lex.is_verb(self.lowers[k])
                && !TOP_POST_FIELDS.contains(&self.lowers[k])
        };
        let mut k = e + 1;
        while k < e + 5
            && (word(k) || (k > e + 1 && self.lowers.get(k) == Some(&"and") && word(k + 1)))
        {
            k += 1;
        }
        (k > e + 1).then_some(k)
    }

    /// "X, marketing and development director for Y": plain words of a field of work
    /// (joined by "and") between an apposition's comma and a lower-case title at `p`.
    /// A body's word ("zoo director") or a holder's standing ("acting director") is none.
    fn field_before(&self, p: usize) -> bool {
        let lex = lexicons();
        if !self.tokens[p].is_lower_word() {
            return false;
        }
        let field_word = |k: usize| {
            let w = self.lowers[k];
            self.tokens[k].is_lower_word()
                && !lex.function_words.contains(w)
                && !lex.is_verb(w)
                && lex.institution_forms.get(w).is_none()
                && !lex.places.contains(w)
                && !STANDING.contains(&w)
                && lex.title_forms.longest(&self.lowers[k..k + 1]).is_none()
        };
        let mut k = p;
        let mut words = 0;
        while k > 0 {
            if field_word(k - 1) {
                words += 1;
            } else if !(self.lowers[k - 1] == "and" && words > 0) {
                break;
            }
            k -= 1;
        }
        words > 0 && self.lowers[k] != "and" && k > 0 && self.tokens[k - 1].is_punct(",")
    }

    /// A title at `[p, e)`, with the institution it names after "of".
    fn push_title(&mut self, p: usize, e: usize, title: usize) {
        let lex = lexicons();
        // "Environment Minister", "Civil Aviation Minister", "Defence Secretary": the
        // capitalised words right before a bare "Minister" or "Secretary" name its
        // portfolio and belong to the title.
        let mut p = p;
        let mut field_words = false;
        if matches!(self.lowers[p..e], ["minister"] | ["secretary"])
            && let Some(prev) = self.out.last()
            && prev.kind == MentionKind::Name(None)
            && prev.end == p
            && prev.end - prev.start <= 3
        {
            p = prev.start;
            self.out.pop();
        } else if let Some(prev) = self.out.last()
            && prev.kind == MentionKind::Name(None)
            && prev.end == p
            && prev.end - prev.start <= 2
            && (prev.start..prev.end).all(|k| FIELD_WORDS.contains(&self.lowers[k]))
        {
            // "Finance Director X", "Athletic Director X", "Human Resources Manager X":
            // the capitalised words of a field belong to the title, and name no owner.
            p = prev.start;
            field_words = true;
            self.out.pop();
        }
        let idx = self.out.len();
        let name = span_text(self.text, self.tokens, p, e);
        // "for" opens a field only where it names no ministry ("Minister for Finance").
        let field_end = self
            .field_end(e)
            .filter(|_| self.lowers[e] != "for" || lex.titles[title].institution.is_none());
        let field = field_end.is_some() || field_words || self.field_before(p);
        let field_after = field_end.is_some();
        self.push(
            p,
            e,
            MentionKind::Title {
                title,
                of: None,
                field,
            },
            name,
        );
        // "Minister of Z"; "a researcher at Y", "a spokesman for Y" when the title
        // names no institution word of its own.
        // "Minister for Finance" names its ministry as "Minister of Finance" does.
        // "a commander with the U.S. Northern Command" as "a researcher at Y".
        // "a professor of law at Y": the body after the title's field.
        let at = field_end
            .filter(|&j| matches!(self.lowers.get(j), Some(&("at" | "with" | "for" | "from"))))
            .unwrap_or(e);
        let by = match self.lowers.get(at) {
            Some(&"of") => !field_after,
            Some(&"for") => true,
            // "a curator from the Woodland Park Zoo" as "a curator at …".
            Some(&("at" | "with" | "from")) => lex.titles[title].institution.is_none(),
            // "a lecturer in the School of Law": a body its cue word names.
            Some(&"in") => !field_after && lex.titles[title].institution.is_none(),
            _ => false,
        };
        if !by {
            return;
        }
        // "director of its Center for …": an owner's pronoun stands as "the" does.
        let mut org_start = at
            + 1
            + usize::from(matches!(
                self.lowers.get(at + 1),
                Some(&("the" | "its" | "their"))
            ));
        // "program manager for the animal protection group Defenders of Wildlife": past
        // a few plain words that say what the body is.
        // Without "the", the plain words must end in a body's noun: "chairman at
        // engineering firm Keldar".
        let plain = |k: usize| {
            self.tokens.get(k).is_some_and(Token::is_lower_word)
                && !lex.function_words.contains(self.lowers[k])
                && !lex.is_verb(self.lowers[k])
        };
        let mut k = org_start;
        while k < org_start + 4 && plain(k) {
            k += 1;
        }
        if k > org_start
            && self.tokens.get(k).is_some_and(Token::is_capitalised)
            && (self.lowers.get(at + 1) == Some(&"the")
                || lex.institution_forms.get(self.lowers[k - 1]).is_some())
        {
            org_start = k;
        }
        if !self
            .tokens
            .get(org_start)
            .is_some_and(Token::is_capitalised)
        {
            return;
        }
        // "a curator at Seattle's Woodland Park Zoo": the owner before the possessive is
        // a name of its own, and the body is the name after it.
        let run = self.run_end(org_start);
        if !matches!(self.lowers[at], "of" | "in")
            && self
                .tokens
                .get(run)
                .is_some_and(|t| t.kind == TokKind::Possessive)
            && self.tokens.get(run + 1).is_some_and(Token::is_capitalised)
        {
            self.push_name(org_start, run, false);
            org_start = run + 1;
        }
        let mut org_end = self.run_end(org_start);
        // "Minister of Labour and Deputy Minister of Finance", "Minister of Public Service
        // and the CEO of …", "Minister of Ports and Ana Lind": a second title or a
        // person's name after "and" ends the body.
        if let Some(k) = (org_start + 1..org_end).find(|&k| {
            let at = k + 1 + usize::from(self.lowers.get(k + 1) == Some(&"the"));
            // "Minister for Foreign Affairs X and Chilean Minister of Defence Y", "and the
            // Peruvian Trade Minister Y": or a country before a second title, perhaps
            // after its portfolio's words.
            let country = lex
                .country_forms
                .longest(self.lowers.get(at..).unwrap_or_default())
                .map_or(0, |(n, _)| n);
            let titled = |from: usize| {
                from < self.lowers.len() && lex.title_forms.longest(&self.lowers[from..]).is_some()
            };
            self.lowers[k] == "and"
                && at < self.lowers.len()
                && (titled(at)
                    || (country > 0 && (0..3).any(|d| titled(at + country + d)))
                    || self.person_name(k + 1, org_end)
                    || (self.plain_name(k + 1, org_end) && self.title_follows(org_end)))
        }) {
            org_end = k;
        }
        // "Spokesperson for the Russian Foreign Ministry Maria Zakharova": the body ends
        // where its holder's name starts; so does a portfolio ("Minister for Finance Mr
        // Tharman Shanmugaratnam", "Secretary of Tourism Claudia Ruiz-Massieu"): at the
        // first words the typer reads as a person's name, unless they open with a plural
        // ("Natural Resources Vincent Biruta") and a shorter name follows.
        let after_word = |k: usize| self.tokens[k - 1].is_capitalised();
        let portfolio = self.lowers[p..e]
            .iter()
            .any(|w| matches!(*w, "minister" | "secretary"));
        if let Some(k) = (org_start + 1..org_end)
            .find(|&k| {
                self.person_after_body(k, org_end) || (after_word(k) && self.honorific_at(k))
            })
            .or_else(|| {
                // A name opening on a plural ("Affairs Mangala Samaraweera") is the
                // portfolio's end when a shorter name follows.
                let plural =
                    |k: usize| self.lowers[k].ends_with('s') && !self.lowers[k].ends_with("ss");
                let candidates = (org_start + 1..org_end)
                    .filter(|_| portfolio)
                    .filter(|&k| after_word(k) && self.plain_name(k, org_end))
                    .filter(|&k| !(plural(k) && self.plain_name(k + 1, org_end)));
                // A portfolio that ends on a plural ends there: "Foreign Affairs Bui
                // Thanh Son" names a person of three words.
                candidates.clone().find(|&k| plural(k - 1)).or_else(|| {
                    candidates
                        .map(|k| (self.split_score(org_start, k, org_end), k))
                        .filter(|&(score, _)| score > 0)
                        .max()
                        .map(|(_, k)| k)
                })
            })
        {
            org_end = k;
        } else if lex.titles[title].institution.is_some()
            && org_end >= org_start + 3
            && self.tokens[org_end - 3].is_capitalised()
            && self.plain_name(org_end - 2, org_end)
        {
            // "Minister of Mines Ana Lind": a ministry's portfolio ends in two plain
            // words the typer does not know as a name: a minister's name all the same.
            org_end -= 2;
        }
        // "a commander with the U.S. Northern Command and North American Aerospace
        // Defense Command": two bodies, each named by its cue word, are two names (not
        // "Ministry of Sports and Culture", whose portfolio has none).
        let is_cue = |k: usize| lex.institution_forms.get(self.lowers[k]).is_some();
        if let Some(k) = (org_start + 1..org_end)
            .find(|&k| self.lowers[k] == "and" && is_cue(k - 1) && (k + 1..org_end).any(is_cue))
        {
            org_end = k;
        }
        // "head of the Egyptian archaeological mission": a country's adjective alone, then
        // up to two plain words and an institution's noun, names the body; the adjective
        // alone names none.
        if let Some((len, &(_, CountryForm::Demonym))) =
            lex.country_forms.longest(&self.lowers[org_start..org_end])
            && org_start + len == org_end
        {
            let plain = |k: usize| {
                self.tokens.get(k).is_some_and(Token::is_lower_word)
                    && !lex.function_words.contains(self.lowers[k])
            };
            let mut k = org_end;
            while k < org_end + 2 && plain(k) && lex.institution_forms.get(self.lowers[k]).is_none()
            {
                k += 1;
            }
            let noun = plain(k)
                && lex
                    .institution_forms
                    .get(self.lowers[k])
                    .is_some_and(|f| !f.plural);
            if !noun {
                return;
            }
            org_end = k + 1;
        }
        let org_words = &self.lowers[org_start..org_end];
        // "a lecturer in …", "an official from …": only a body its cue word names ("an
        // official from New Jersey" says where the holder comes from).
        if matches!(self.lowers[at], "in" | "from")
            && !org_words
                .iter()
                .any(|w| lex.institution_forms.get(w).is_some())
        {
            return;
        }
        // "President of the Republic of Uzbekistan Shavkat Mirziyoyev": the country, then
        // the person's name goes on in the run.
        let prefix = usize::from(
            org_words.len() > 2 && STATE_HEADS.contains(&org_words[0]) && org_words[1] == "of",
        ) * 2;
        // Not "CEO of Rwanda Development Board": a body named after its country.
        if let Some((len, &(c, CountryForm::Name))) =
            lex.country_forms.longest(&org_words[prefix..])
            && prefix + len < org_words.len()
            && self.tokens[org_start + prefix + len].is_capitalised()
            && !org_words[prefix + len..]
                .iter()
                .any(|w| lex.institution_forms.get(w).is_some())
        {
            let name = lex.countries[c].name.clone();
            self.push(
                org_start,
                org_start + prefix + len,
                MentionKind::Country(c),
                name,
            );
        } else if let Some((len, &(c, CountryForm::Name))) = lex.country_forms.longest(org_words)
            && len == org_words.len()
        {
            let name = lex.countries[c].name.clone();
            self.push(org_start, org_end, MentionKind::Country(c), name);
        } else {
            let surface = span_text(self.text, self.tokens, org_start, org_end);
            let name = match &lex.titles[title].institution {
                Some(inst) => format!("{} of {surface}", capitalise_first(inst)),
                None => surface,
            };
            // "a spokesman for the Chinese Foreign Ministry": the adjective starts the
            // name and gives its country.
            let nationality = match lex.country_forms.longest(org_words) {
                Some((len, &(c, CountryForm::Demonym))) if len < org_words.len() => Some(c),
                _ => None,
            };
            self.push(
                org_start,
                org_end,
                MentionKind::Name(Some(Kind::Institution)),
                name,
            );
            if let Some(m) = self.out.last_mut() {
                m.nationality = nationality;
            }
        }
        self.out[idx].kind = MentionKind::Title {
            title,
            of: Some(self.out.len() - 1),
            field,
        };
    }

    /// A group noun at `[p, e)`, taking a country adjective just before it.
    fn push_group(&mut self, p: usize, e: usize) {
        let lex = lexicons();
        let form = lex.group_forms.longest(&self.lowers[p..e]).map(|(_, f)| *f);
        // "a battalion of about 650 soldiers": the container is named by what it holds.
        let weak = form.is_some_and(|f| !lex.group_members[f.entry]);
        if weak
            && self.lowers.get(e) == Some(&"of")
            && (e + 1..(e + 5).min(self.lowers.len()))
                .any(|k| lex.group_forms.longest(&self.lowers[k..]).is_some())
        {
            return;
        }
        let surface = span_text(self.text, self.tokens, p, e);
        // "Dutch air defence units": up to two plain words between the adjective and
        // the group noun.
        let modifiers = |m: &Mention| {
            m.end < p
                && p - m.end <= 2
                && (m.end..p).all(|k| {
                    let w = self.lowers[k];
                    self.tokens[k].is_lower_word()
                        && !lex.function_words.contains(w)
                        && lex.families(w).is_empty()
                        && number_value(w).is_none()
                })
        };
        let (start, country, name) = match self.out.last() {
            Some(m) if m.end == p && matches!(m.kind, MentionKind::Demonym(_)) => {
                let m = self.out.pop().expect("just checked");
                (m.start, m.country(), format!("{} {surface}", m.surface))
            }
            Some(m) if matches!(m.kind, MentionKind::Demonym(_)) && modifiers(m) => {
                let m = self.out.pop().expect("just checked");
                let full = span_text(self.text, self.tokens, m.start, e);
                (m.start, m.country(), full)
            }
            Some(m)
                if p >= 1
                    && m.end == p - 1
                    && self.tokens[p - 1].kind == TokKind::Possessive
                    && matches!(m.kind, MentionKind::Country(_)) =>
            {
                let c = m.country().expect("a country");
                let adj = lex.countries[c].demonyms.first().cloned();
                match adj {
                    Some(adj) => (p, Some(c), format!("{adj} {surface}")),
                    None => (p, Some(c), surface.clone()),
                }
            }
            // "400 UK troops", "U.S. forces": a country's name used as its adjective
            // (not the end of "sent to Iraq" before another word).
            Some(m)
                if m.end == p
                    && matches!(m.kind, MentionKind::Country(_))
                    && !m.start.checked_sub(1).is_some_and(|k| {
                        ["to", "in", "into", "from", "at"].contains(&self.lowers[k])
                    }) =>
            {
                let m = self.out.pop().expect("just checked");
                (m.start, m.country(), format!("{} {surface}", m.surface))
            }
            _ => (p, None, surface.clone()),
        };
        // "NATO troops": an organisation's name right before the group noun.
        let owner = self.out.len().checked_sub(1).filter(|&o| {
            let m = &self.out[o];
            m.end == p
                && country.is_none()
                && matches!(m.kind, MentionKind::Name(None | Some(Kind::Institution)))
                && !m.initial
                && m.surface.len() > 1
                && m.surface.chars().all(|c| c.is_ascii_uppercase())
        });
        let name = match owner {
            Some(o) => format!("{} {surface}", self.out[o].surface),
            None => name,
        };
        let plural = form.is_some_and(|f| f.plural);
        self.push(start, e, MentionKind::Group(country), name);
        let count_from = owner.map_or(start, |o| self.out[o].start);
        let count = count_before(self.tokens, count_from, plural);
        if let Some(m) = self.out.last_mut() {
            m.count = count;
            m.owner = owner;
            m.weak = weak;
        }
    }

    /// "Joshua King", "Mary Judge": a one-word title that ends the run of capitals at
    /// `e` and is also a surname, after given names only (`[p, e)`), is the surname
    /// ("Jordan King Abdullah" keeps its title: a name follows it).
    fn surname_title(&self, p: usize, e: usize, b: usize) -> bool {
        e + 1 == b
            && super::typer::is_surname(self.lowers[e])
            && self.lowers.get(b) != Some(&"of")
            && self.lowers[p..e]
                .iter()
                .all(|w| super::typer::is_given_name(w))
    }

    /// An agreement noun at `[p, e)` with the lowercase modifiers before it.
    fn push_agreement(&mut self, p: usize, e: usize) {
        let lex = lexicons();
        let mut start = p;
        while start > 0 && p - start < 3 {
            let t = &self.tokens[start - 1];
            let w = self.lowers[start - 1];
            if !t.is_lower_word()
                || lex.function_words.contains(w)
                || lex.is_verb(w)
                || super::attributes::number_value(w).is_some()
            {
                break;
            }
            start -= 1;
            // "offered the team new contracts": "new" opens the noun phrase.
            if AGREEMENT_OPENERS.contains(&w) {
                break;
            }
        }
        let (e, name) = match self.titled_agreement(start, e) {
            Some(titled) => titled,
            None => {
                let e = if start == p {
                    self.agreement_topic(e)
                } else {
                    e
                };
                (e, span_text(self.text, self.tokens, start, e))
            }
        };
        self.push(start, e, MentionKind::Agreement, name);
        // "an agreement", "50 agreements": a new one, not the one named before.
        let indefinite = start > 0
            && (matches!(self.lowers[start - 1], "a" | "an" | "another")
                || super::attributes::number_value(self.lowers[start - 1]).is_some()
                || self.tokens[start - 1].kind == TokKind::Number);
        if let Some(m) = self.out.last_mut() {
            m.indefinite = indefinite;
        }
    }

    /// "a treaty on eternal friendship", "an agreement for giant panda protection": the
    /// topic after "on" or "for" belongs to the name of an agreement noun that has no
    /// modifier of its own, up to the end of its phrase (punctuation, a name, a verb, a
    /// conjunction or another preposition), at most eight words. A country's adjective
    /// before a lowercase word is no name ("the supply of Russian oil"), and the name
    /// ends on no function word ("the supply of" is cut back to "the supply"). Returns
    /// the name's new end.
    fn agreement_topic(&self, e: usize) -> usize {
        let lex = lexicons();
        if !matches!(self.lowers.get(e), Some(&("on" | "for"))) {
            return e;
        }
        let adjective = |k: usize| {
            matches!(
                lex.country_forms.longest(&self.lowers[k..k + 1]),
                Some((1, &(_, CountryForm::Demonym)))
            ) && self.tokens.get(k + 1).is_some_and(Token::is_lower_word)
        };
        let stop = |k: usize| {
            let t = &self.tokens[k];
            let w = self.lowers[k];
            t.kind != TokKind::Word
                || (t.is_capitalised() && !adjective(k))
                || lex.is_verb(w)
                || is_calendar_word(w)
                || number_value(w).is_some()
                || (w.ends_with("ed") && k > e + 1)
                || matches!(
                    w,
                    "and"
                        | "or"
                        | "but"
                        | "that"
                        | "which"
                        | "who"
                        | "with"
                        | "between"
                        | "as"
                        | "by"
                        | "in"
                        | "at"
                        | "to"
                        | "from"
                        | "during"
                        | "after"
                        | "before"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "will"
                        | "would"
                        | "on"
                        | "for"
                        | "this"
                        | "next"
                        | "last"
                )
        };
        let mut k = e + 1;
        while k < self.tokens.len() && k < e + 9 && !stop(k) {
            k += 1;
        }
        while k > e + 1 && lex.function_words.contains(self.lowers[k - 1]) {
            k -= 1;
        }
        // At least one word that is not "the".
        if (e + 1..k).any(|j| self.lowers[j] != "the") {
            k
        } else {
            e
        }
    }

    /// "Russian news agency": a country adjective, up to two lowercase words, and the
    /// institution cue words from `i`. Returns where the description ends.
    fn push_descriptor(&mut self, i: usize) -> Option<usize> {
        let lex = lexicons();
        let m = self.out.last()?;
        // "Russian news agency" or "Indonesia's state news agency".
        let (c, gap_start) = match m.kind {
            MentionKind::Demonym(c) => (c, m.end),
            MentionKind::Country(c)
                if self
                    .tokens
                    .get(m.end)
                    .is_some_and(|t| t.kind == TokKind::Possessive) =>
            {
                (c, m.end + 1)
            }
            _ => return None,
        };
        if gap_start > i
            || i - gap_start > 2
            || !(gap_start..i).all(|k| self.tokens[k].is_lower_word())
        {
            return None;
        }
        let mut end = i + 1;
        while end < self.tokens.len()
            && self.tokens[end].is_lower_word()
            && lex.institution_forms.get(self.lowers[end]).is_some()
        {
            end += 1;
        }
        let start = if matches!(m.kind, MentionKind::Demonym(_)) {
            self.out.pop().expect("just checked").start
        } else {
            gap_start
        };
        let name = span_text(self.text, self.tokens, start, end);
        let topic: Vec<&str> = self.lowers[gap_start..i].to_vec();
        // "the Chinese and Canadian governments": each country's government, named in the
        // singular.
        let coordinated = start >= 2
            && self.lowers[start - 1] == "and"
            && end == i + 1
            && self
                .out
                .last()
                .is_some_and(|p| p.end + 1 == start && matches!(p.kind, MentionKind::Demonym(_)));
        let singular = lex
            .institution_forms
            .get(self.lowers[i])
            .filter(|f| f.plural && coordinated)
            .map(|f| lex.institutions[f.entry].clone());
        let cue: Vec<&str> = match &singular {
            Some(one) => vec![one.as_str()],
            None => self.lowers[i..end].to_vec(),
        };
        if let Some(first) = singular.as_ref().and(self.out.last())
            && let MentionKind::Demonym(c1) = first.kind
            && let Some((kind, name)) = described_body(c1, &topic, &cue)
        {
            let m = self.out.last_mut().expect("just checked");
            m.kind = kind;
            m.name = name;
            self.describe_last(c1);
        }
        if let Some((kind, name)) = described_body(c, &topic, &cue) {
            self.push(start, end, kind, name);
            self.describe_last(c);
        } else {
            self.push(start, end, MentionKind::Descriptor(Some(c)), name);
        }
        Some(end)
    }

    /// "the foreign ministry of Peru": one or two topic words, "ministry", "of" and a
    /// country, at `i` (the cue word). Returns where the mention ends.
    fn push_ministry_of(&mut self, i: usize) -> Option<usize> {
        if self.lowers[i] != "ministry" || self.lowers.get(i + 1) != Some(&"of") {
            return None;
        }
        let (len, &(c, form)) = lexicons().country_forms.longest(self.window(i + 2))?;
        if form != CountryForm::Name || !self.tokens[i + 2].is_capitalised() {
            return None;
        }
        let mut start = i;
        while start > 0
            && i - start < 2
            && self.tokens[start - 1].is_lower_word()
            && !lexicons().function_words.contains(self.lowers[start - 1])
            && !lexicons().is_verb(self.lowers[start - 1])
        {
            start -= 1;
        }
        let topic: Vec<&str> = self.lowers[start..i].to_vec();
        let (kind, name) = described_body(c, &topic, &self.lowers[i..i + 1])?;
        let end = i + 2 + len;
        self.push(start, end, kind, name);
        self.describe_last(c);
        Some(end)
    }

    /// The last mention is a description standing for a named body: it belongs to
    /// country `c`, and its words are no alias of the body (issue 15: descriptions
    /// resolve within their article).
    fn describe_last(&mut self, c: usize) {
        if let Some(m) = self.out.last_mut() {
            m.nationality = Some(c);
            m.surface = m.name.clone();
        }
    }
}

/// The body a country's description stands for, by its cue words: "the Croatian
/// government" is Croatia; "Chile's foreign ministry" is the Chilean Ministry of
/// Foreign Affairs (the ministry naming of `eval/README.md`); other descriptions ("Russian
/// news agency") name no body by themselves.
fn described_body(c: usize, topic: &[&str], cue: &[&str]) -> Option<(MentionKind, String)> {
    let country = &lexicons().countries[c];
    match (topic, cue) {
        ([], ["government" | "authorities" | "administration"]) => {
            Some((MentionKind::Country(c), country.name.clone()))
        }
        ([_, ..], ["ministry"]) if topic.len() <= 2 => {
            let portfolio = portfolio_name(&topic.join(" "));
            let demonym = country.demonyms.first()?;
            Some((
                MentionKind::Name(Some(Kind::Institution)),
                format!("{demonym} Ministry of {portfolio}"),
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    /// Each sentence's mentions, as an article's are found before the passes over all.
    fn sentence_mentions(sentences: &[&str]) -> Vec<Vec<Mention>> {
        sentences
            .iter()
            .map(|t| find_mentions(t, &tokenize(t, 0, t.len())))
            .collect()
    }

    /// The surfaces of the mentions of `text` that `keep` keeps, in order.
    fn surfaces(text: &str, keep: impl Fn(&Mention) -> bool) -> Vec<String> {
        let toks = tokenize(text, 0, text.len());
        find_mentions(text, &toks)
            .into_iter()
            .filter(|m| keep(m))
            .map(|m| m.surface)
            .collect()
    }

    #[test]
    fn a_statement_that_speaks_is_a_mention_and_one_issued_marks_its_issuer() {
        for (text, surface) in [
            ("The pumas are fine, the statement said.", "statement"),
            (
                "\"They are fine,\" the press release added.",
                "press release",
            ),
            ("According to the statement, they are fine.", "statement"),
        ] {
            assert_eq!(surfaces(text, |m| m.name == STATEMENT), [surface], "{text}");
        }
        // A statement that does not speak is no one.
        for text in [
            "Lima Zoo issued the statement on Monday.",
            "The statement was long.",
            "They read the statement aloud.",
        ] {
            assert!(surfaces(text, |m| m.name == STATEMENT).is_empty(), "{text}");
        }
        for text in [
            "Lima Zoo said in a statement that the pumas were fine.",
            "Lima Zoo said on Monday in a press release that the pumas were fine.",
            "Lima Zoo issued a statement.",
            "A statement from the Lima Zoo named the pumas.",
            "In a statement, the Lima Zoo named the pumas.",
            "The pumas are fine, said a Lima Zoo statement.",
            "Lima Zoo's statement named the pumas.",
        ] {
            assert_eq!(
                surfaces(text, |m| m.issues_statement),
                ["Lima Zoo"],
                "{text}"
            );
        }
        for text in [
            "Lima Zoo said the pumas were fine.",
            "Lima Zoo read a book in a hut.",
        ] {
            assert!(surfaces(text, |m| m.issues_statement).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_sides_are_a_pair() {
        for (text, pair) in [
            ("The sides noted that trade grew.", "The sides"),
            ("Later the sides noted that trade grew.", "the sides"),
            ("Both sides noted that trade grew.", "Both sides"),
        ] {
            let found = surfaces(text, |m| m.kind == MentionKind::Pair);
            assert_eq!(found, [pair], "{text}");
            let toks = tokenize(text, 0, text.len());
            let m = find_mentions(text, &toks);
            assert!(m.iter().any(pairs_sides), "{text}");
        }
        assert!(surfaces("Both ministers noted it.", pairs_sides).is_empty());
    }

    fn mentions(text: &str) -> Vec<(String, MentionKind, Option<u64>)> {
        let toks = tokenize(text, 0, text.len());
        find_mentions(text, &toks)
            .into_iter()
            .map(|m| (m.name, m.kind, m.count))
            .collect()
    }

    #[test]
    fn coordinated_adjectives_before_a_plural_body_are_each_country_s() {
        for text in [
            "The Chinese and Canadian governments signed a pact.",
            "A pact was signed by the Chinese and Canadian governments.",
        ] {
            let countries: Vec<String> = mentions(text)
                .into_iter()
                .filter(|m| matches!(m.1, MentionKind::Country(_)))
                .map(|m| m.0)
                .collect();
            assert_eq!(countries, ["China", "Canada"], "{text}");
        }
        // One adjective, a plural body: no country stands for it.
        let m = mentions("Canadian governments have changed often.");
        assert!(
            !m.iter().any(|m| matches!(m.1, MentionKind::Country(_))),
            "{m:?}"
        );
    }

    fn names(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.0).collect()
    }

    #[test]
    fn a_month_and_its_day_end_the_name_before_them() {
        for (text, name) in [
            (
                "The Keldar City Commission Jan. 17 rejected the offer.",
                "Keldar City Commission",
            ),
            (
                "The Lindale School Board March 3 approved the budget.",
                "Lindale School Board",
            ),
        ] {
            let n = names(text);
            assert!(n.contains(&name.to_string()), "{text}: {n:?}");
        }
        // A month's word with no day is left to the name ("Jan Lind").
        assert!(names("Jan Lind spoke.").contains(&"Jan Lind".to_string()));
    }

    #[test]
    fn a_person_of_a_town_is_two_names() {
        for (text, person, town) in [
            (
                "On Monday, John Smith of Boston said the plan failed.",
                "John Smith",
                "Boston",
            ),
            (
                "Voters elected Mary Lind of Keldar Falls on Tuesday.",
                "Mary Lind",
                "Keldar Falls",
            ),
        ] {
            let m = mentions(text);
            assert!(m.iter().any(|m| m.0 == person), "{text}: {m:?}");
            assert!(
                m.iter()
                    .any(|m| m.0 == town && m.1 == MentionKind::Name(Some(Kind::Place))),
                "{text}: {m:?}"
            );
        }
        // A title or a body's word, or no given name first: one name.
        for (text, name) in [
            ("The Duke of Edinburgh came.", "Duke of Edinburgh"),
            ("Bank of America said it would pay.", "Bank of America"),
            (
                "Keldar Lindqvist of Orvane spoke.",
                "Keldar Lindqvist of Orvane",
            ),
        ] {
            assert!(
                names(text).contains(&name.to_string()),
                "{text}: {:?}",
                names(text)
            );
        }
    }

    #[test]
    fn a_months_short_form_is_no_name() {
        for text in [
            ("The job was listed on Sept. 6 with a deadline.", "Sept"),
            ("Layoffs took effect Oct. 1 in the city.", "Oct"),
        ] {
            let names = name_mentions(text.0);
            assert!(
                !names.iter().any(|n| n.contains(text.1)),
                "{text:?}: {names:?}"
            );
        }
        // "Jan" is also a given name.
        assert_eq!(name_mentions("Jan Kowal spoke."), ["Jan Kowal"]);
    }

    #[test]
    fn an_office_named_after_a_title_is_one_name_and_no_title() {
        for (text, office) in [
            (
                "The Sheriff's Office said the road was closed.",
                "Sheriff's Office",
            ),
            (
                "Lind called the Mayor’s Office on Monday.",
                "Mayor’s Office",
            ),
            (
                "The Keldar District Attorney's Office charged him.",
                "Keldar District Attorney's Office",
            ),
            (
                "The United States Attorney's Office charged him.",
                "United States Attorney's Office",
            ),
            (
                "A Prime Minister's Office aide spoke.",
                "Prime Minister's Office",
            ),
        ] {
            let m = mentions(text);
            assert!(
                m.iter()
                    .any(|m| m.0 == office && m.1 == MentionKind::Name(Some(Kind::Institution))),
                "{text}: {m:?}"
            );
            assert!(
                !m.iter().any(|m| matches!(m.1, MentionKind::Title { .. })),
                "{text}: {m:?}"
            );
        }
        // The title before its holder's name, and an owner's possessive before another
        // word, stay as they were.
        let m = mentions("Sheriff Ana Lind said the Mayor's plan failed.");
        assert!(matches!(m[0].1, MentionKind::Title { .. }), "{m:?}");
        assert!(
            !names("Russia's Office of Trade opened.")
                .contains(&"Russia's Office of Trade".to_string())
        );
    }

    /// The names of the proper-name mentions of one sentence.
    fn name_mentions(t: &str) -> Vec<String> {
        find_mentions(t, &tokenize(t, 0, t.len()))
            .into_iter()
            .filter(|m| matches!(m.kind, MentionKind::Name(_)))
            .map(|m| m.name)
            .collect()
    }

    /// The names of the mentions `keep` selects in an article of sentences `ss`, after
    /// the article-level `pass`.
    fn article_mentions(
        ss: &[&str],
        pass: fn(&mut [Vec<Mention>]),
        keep: fn(&Mention) -> bool,
    ) -> Vec<String> {
        let mut all = sentence_mentions(ss);
        pass(&mut all);
        all.into_iter()
            .flatten()
            .filter(keep)
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn a_country_s_government_and_ministries_are_bodies() {
        let ms = |t: &str| {
            find_mentions(t, &tokenize(t, 0, t.len()))
                .into_iter()
                .map(|m| (m.name, m.kind, m.surface))
                .collect::<Vec<_>>()
        };
        for text in [
            "The Croatian government said the talks failed.",
            "Croatia's government said the talks failed.",
        ] {
            let m = ms(text);
            assert!(
                m.iter()
                    .any(|x| x.0 == "Croatia" && matches!(x.1, MentionKind::Country(_))),
                "{text}: {m:?}"
            );
        }
        for text in [
            "The Chilean foreign ministry said the talks failed.",
            "Chile's foreign ministry said the talks failed.",
            "The foreign ministry of Chile said the talks failed.",
        ] {
            let m = ms(text);
            // The description is no alias: its surface is the name.
            assert!(
                m.iter()
                    .any(|x| x.0 == "Chilean Ministry of Foreign Affairs"
                        && x.1 == MentionKind::Name(Some(Kind::Institution))
                        && x.2 == x.0),
                "{text}: {m:?}"
            );
        }
        // Other descriptions name no body by themselves.
        let m = ms("The Russian news agency said the talks failed.");
        assert!(
            m.iter().any(|x| matches!(x.1, MentionKind::Descriptor(_))),
            "{m:?}"
        );
    }

    #[test]
    fn two_countries_generic_bodies_carry_their_adjectives() {
        let names = |ss: &[&str]| {
            article_mentions(ss, qualify_generic_bodies, |m| {
                matches!(m.kind, MentionKind::Name(_))
            })
        };
        assert_eq!(
            names(&[
                "Ukraine's Ministry of Defence spoke.",
                "Russia's Ministry of Defence and Chile's Lima Zoo replied."
            ]),
            [
                "Ukrainian Ministry of Defence",
                "Russian Ministry of Defence",
                "Lima Zoo"
            ]
        );
        // One country's body keeps the name the article gives it.
        assert_eq!(
            names(&["Ukraine's Ministry of Defence spoke."]),
            ["Ministry of Defence"]
        );
    }

    #[test]
    fn a_breed_only_at_a_sentence_start_is_the_species() {
        let names =
            |ss: &[&str]| article_mentions(ss, confirm_breeds, |m| m.kind == MentionKind::Animal);
        assert_eq!(
            names(&["Beloved giant panda Mei left Lima.", "The zoo misses her."]),
            ["giant panda"]
        );
        assert_eq!(
            names(&[
                "Pungsan hunting dogs arrived.",
                "Kim likes Pungsan hunting dogs."
            ]),
            ["Pungsan hunting dog", "Pungsan hunting dog"]
        );
    }

    #[test]
    fn a_number_word_inside_a_sentence_is_part_of_a_name() {
        let names = name_mentions;
        assert_eq!(
            names("The rescue group Four Paws said the elephant was calm."),
            ["Four Paws"]
        );
        assert_eq!(
            names("Two Rotor officials said the bears were calm."),
            ["Rotor"]
        );
    }

    #[test]
    fn a_person_named_right_after_a_body_is_a_name_of_their_own() {
        let names = name_mentions;
        for (text, body, person) in [
            (
                "Spokesperson for the Russian Foreign Ministry Maria Zakharova said so.",
                "Russian Foreign Ministry",
                "Maria Zakharova",
            ),
            (
                "The Chilean Foreign Ministry Carlos Ortega spoke.",
                "Chilean Foreign Ministry",
                "Carlos Ortega",
            ),
            (
                "A spokesman for the Oslo City Council Peter Hansen said no.",
                "Oslo City Council",
                "Peter Hansen",
            ),
        ] {
            let n = names(text);
            assert!(n.iter().any(|x| x.ends_with(body)), "{text}: {n:?}");
            assert!(n.contains(&person.to_string()), "{text}: {n:?}");
        }
        // A place or a second cue after the body's word stays in its name.
        for (text, name) in [
            (
                "Visitors came to the Moscow Zoo Aquarium Hall.",
                "Moscow Zoo Aquarium Hall",
            ),
            (
                "The Lima Ministry Building Annex opened.",
                "Lima Ministry Building Annex",
            ),
            (
                "Crowds visited the Bank of England Museum.",
                "Bank of England Museum",
            ),
        ] {
            let n = names(text);
            assert!(n.contains(&name.to_string()), "{text}: {n:?}");
        }
    }

    #[test]
    fn an_agreement_s_title_goes_on_past_its_noun() {
        for (text, name) in [
            (
                "They signed a Memorandum of Understanding (MOU) on Cultural and Artistic Cooperation between A and B.",
                "Memorandum of Understanding on Cultural and Artistic Cooperation",
            ),
            (
                "A MOU on Tourism Cooperation was signed.",
                "MOU on Tourism Cooperation",
            ),
            (
                "They signed the Agreement on the Economic and Technical Cooperation.",
                "Agreement on the Economic and Technical Cooperation",
            ),
        ] {
            let m = mentions(text);
            assert!(
                m.iter()
                    .any(|(n, k, _)| n == name && *k == MentionKind::Agreement),
                "{text}: {m:?}"
            );
        }
        // A plain agreement noun takes no place after "for" into its name.
        let m = mentions("They signed a mine clearance agreement for the Black Sea.");
        assert!(
            m.iter().any(|(n, ..)| n == "mine clearance agreement"),
            "{m:?}"
        );
    }

    #[test]
    fn an_agreement_s_topic_takes_a_country_adjective_and_ends_on_no_function_word() {
        for (text, name) in [
            (
                "Hungary and Serbia signed an agreement on the supply of Russian gas.",
                "agreement on the supply of Russian gas",
            ),
            (
                "They signed a treaty on the protection of Chinese investments in May.",
                "treaty on the protection of Chinese investments",
            ),
            (
                "They signed a deal for the purchase of Boeing jets.",
                "deal for the purchase",
            ),
        ] {
            let m = mentions(text);
            assert!(
                m.iter()
                    .any(|(n, k, _)| n == name && *k == MentionKind::Agreement),
                "{text}: {m:?}"
            );
        }
    }

    #[test]
    fn a_title_that_is_also_a_surname_ends_a_name_after_given_names() {
        let m = mentions("Their pursuit of Bournemouth striker Joshua King failed.");
        assert!(m.iter().any(|(n, ..)| n == "Joshua King"), "{m:?}");
        let m = mentions("The award went to Mary Judge on Friday.");
        assert!(m.iter().any(|(n, ..)| n == "Mary Judge"), "{m:?}");
        // A title before a name stays a title; so does one after a word that is no
        // given name.
        let m = mentions("Jordan King Abdullah met them.");
        assert!(
            m.iter()
                .any(|(n, k, _)| n == "King" && matches!(k, MentionKind::Title { .. })),
            "{m:?}"
        );
        let m = mentions("The talks with Keldar King were held.");
        assert!(!m.iter().any(|(n, ..)| n == "Keldar King"), "{m:?}");
    }

    #[test]
    fn a_species_noun_before_another_names_one_species() {
        let m = mentions("The zoo sent two sloth bears and a tiger shark.");
        assert!(
            m.iter()
                .any(|(n, k, _)| n == "sloth bear" && *k == MentionKind::Animal),
            "{m:?}"
        );
        assert!(m.iter().any(|(n, ..)| n == "tiger shark"), "{m:?}");
    }

    #[test]
    fn governments_of_countries_and_agreement_titles() {
        let m = mentions(
            "They signed a Memorandum of Understanding Between the Government of the Republic \
             of Maldives and the Government of the People's Republic of China.",
        );
        let names: Vec<&str> = m.iter().map(|(n, ..)| n.as_str()).collect();
        assert!(names.contains(&"Memorandum of Understanding"), "{names:?}");
        assert!(names.contains(&"Maldives"), "{names:?}");
        assert!(names.contains(&"China"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Between")), "{names:?}");
    }

    #[test]
    fn honorifics_with_a_period_and_lone_number_words_name_nothing() {
        assert_eq!(
            name_mentions("Later Dr. Anil Perera and Mr. Lee spoke."),
            ["Anil Perera", "Lee"]
        );
        let m = mentions("SINGAPORE - Four koalas from Australia have landed.");
        assert!(
            m.iter()
                .any(|(n, k, c)| n == "koala" && *k == MentionKind::Animal && *c == Some(4)),
            "{m:?}"
        );
        assert!(
            name_mentions("The group Four Paws took the bears.").contains(&"Four Paws".to_string())
        );
    }

    #[test]
    fn a_style_of_address_is_no_part_of_a_name() {
        assert_eq!(
            name_mentions("His Excellency Tomas Arvel met Her Excellency Ana Lind."),
            ["Tomas Arvel", "Ana Lind"]
        );
        assert_eq!(
            name_mentions("Later Her Royal Highness Princess Ilse spoke."),
            ["Princess Ilse"]
        );
        // Before a title, the title is read as without it.
        let m = mentions("The MoU was signed before His Majesty King Aldo IV.");
        assert!(
            m.iter()
                .any(|(_, k, _)| matches!(k, MentionKind::Title { .. })),
            "{m:?}"
        );
        assert!(!m.iter().any(|(n, ..)| n.contains("Majesty")), "{m:?}");
        // The pronoun may be lowercase inside a sentence.
        assert_eq!(
            name_mentions("Ana Lind met his Excellency Tomas Arvel."),
            ["Ana Lind", "Tomas Arvel"]
        );
    }

    #[test]
    fn capitalised_field_words_before_a_title_are_the_titles() {
        let titles = |text: &str| -> Vec<String> {
            find_mentions(text, &tokenize(text, 0, text.len()))
                .into_iter()
                .filter(|m| matches!(m.kind, MentionKind::Title { field: true, .. }))
                .map(|m| m.name)
                .collect()
        };
        for (text, title) in [
            ("Finance Director Tomas Arvel left.", "Finance Director"),
            ("He met Athletic Director Ana Lind.", "Athletic Director"),
            (
                "Human Resources Manager Ana Lind said so.",
                "Human Resources Manager",
            ),
        ] {
            assert_eq!(titles(text), [title], "{text}");
            assert_eq!(
                name_mentions(text),
                ["Tomas Arvel", "Ana Lind"]
                    .into_iter()
                    .filter(|n| text.contains(n))
                    .collect::<Vec<_>>(),
                "{text}"
            );
        }
        // A body's name before a title stays its owner.
        assert!(titles("Keldar Director Ana Lind left.").is_empty());
        assert_eq!(
            name_mentions("Keldar Director Ana Lind left."),
            ["Keldar", "Ana Lind"]
        );
    }

    #[test]
    fn a_modifier_field_words_and_a_title_are_one_title() {
        let titles = |text: &str| -> Vec<String> {
            find_mentions(text, &tokenize(text, 0, text.len()))
                .into_iter()
                .filter(|m| matches!(m.kind, MentionKind::Title { .. }))
                .map(|m| m.name)
                .collect()
        };
        assert_eq!(
            titles("The zoo's Senior Panda Keeper, Ana Lind, spoke."),
            ["Senior Panda Keeper"]
        );
        assert_eq!(
            titles("Deputy Marketing Director Tomas Arvel left."),
            ["Deputy Marketing Director"]
        );
        assert_eq!(
            name_mentions("Deputy Marketing Director Tomas Arvel left."),
            ["Tomas Arvel"]
        );
        // A title listed whole is read as listed.
        assert_eq!(
            titles("He met Deputy Prime Minister Ana Lind."),
            ["Deputy Prime Minister"]
        );
        // A place or a body is no field word.
        assert_eq!(titles("He met Senior Zoo Keeper Ana Lind."), ["Keeper"]);
    }

    #[test]
    fn a_portfolio_secretary_is_a_title_after_its_country() {
        for (text, title) in [
            ("He met US Defence Secretary Ana Lind.", "Defence Secretary"),
            ("He met UK Foreign Secretary Ana Lind.", "Foreign Secretary"),
            (
                "He met Shadow Defence Secretary Ana Lind.",
                "Shadow Defence Secretary",
            ),
        ] {
            let m = mentions(text);
            assert!(
                m.iter()
                    .any(|(n, k, _)| n == title && matches!(k, MentionKind::Title { .. })),
                "{text}: {m:?}"
            );
            assert_eq!(name_mentions(text), ["Ana Lind"], "{text}");
        }
        // A country's name before other capitalised words still opens a name.
        assert_eq!(
            name_mentions("He met the US Marshals Service director."),
            ["US Marshals Service"]
        );
    }

    #[test]
    fn a_government_post_in_the_plural_names_no_one() {
        for text in [
            "Both Ministers praised the talks.",
            "The Foreign Ministers of both countries met.",
            "Later Ministers of Foreign Affairs and Trade signed it.",
        ] {
            assert!(name_mentions(text).is_empty(), "{text}");
        }
        // A name whose last word is another plural stays a name.
        assert_eq!(
            name_mentions("Later Ana Lind met the Kansas City Chiefs."),
            ["Ana Lind", "Kansas City Chiefs"]
        );
    }

    #[test]
    fn a_field_of_work_may_end_the_text() {
        // Regression: the field's scan read past the last token (a panic the word-salad
        // property test found).
        let m = mentions("Ana Lind is the head of large mammals");
        assert!(
            m.iter()
                .any(|(_, k, _)| matches!(k, MentionKind::Title { field: true, .. })),
            "{m:?}"
        );
    }

    #[test]
    fn a_company_named_with_a_possessive_is_one_name() {
        assert_eq!(
            name_mentions("Later Lindqvist's Corporation hired Ana Lind."),
            ["Lindqvist's Corporation", "Ana Lind"]
        );
        assert_eq!(
            name_mentions("Later Arvel's Foods Inc. said so."),
            ["Arvel's Foods Inc"]
        );
        // A country's possessive names the owner, and a plain body stays apart.
        let m = mentions("Later Peru's National Company said so.");
        assert!(
            m.iter()
                .any(|(_, k, _)| matches!(k, MentionKind::Country(_))),
            "{m:?}"
        );
        assert_eq!(
            name_mentions("Later Ana Lind's Pacific Zoo opened."),
            ["Ana Lind", "Pacific Zoo"]
        );
    }

    #[test]
    fn names_keep_their_particles_and_middle_initials() {
        assert_eq!(
            name_mentions("Minister Zacarias Albano da Costa met Ursula von der Leyen."),
            ["Zacarias Albano da Costa", "Ursula von der Leyen"]
        );
        assert_eq!(
            name_mentions("Later Mohammed bin Salman met Joyce E. McConnell."),
            ["Mohammed bin Salman", "Joyce E. McConnell"]
        );
        // After honorifics a name may open with its particle (the name is its
        // capitalised part); a particle before a small word is no part of a name.
        assert_eq!(
            name_mentions("Later H.E. Dr. da Costa spoke to Ana Lind da silva."),
            ["Costa", "Ana Lind"]
        );
    }

    #[test]
    fn a_country_before_a_person_s_name_is_the_country() {
        for text in [
            "Chinese ambassador to Canada Zhang Junsai said so.",
            "The envoy to Peru Maria Fernandez spoke.",
        ] {
            let m = mentions(text);
            assert!(
                m.iter()
                    .any(|(_, k, _)| matches!(k, MentionKind::Country(_))),
                "{text}: {m:?}"
            );
        }
        assert_eq!(
            name_mentions("The envoy to Peru Maria Fernandez spoke."),
            ["Maria Fernandez"]
        );
        // After a title's "to", any name of a person's shape is the holder, whatever
        // the typer makes of it.
        assert_eq!(
            name_mentions("Chilean Ambassador to Peru Lutfi Rauf spoke."),
            ["Lutfi Rauf"]
        );
        // A country's word opening a body's name stays in it.
        assert_eq!(
            name_mentions("The Canada Post Corporation said so."),
            ["Canada Post Corporation"]
        );
    }

    #[test]
    fn an_honorific_before_of_opens_no_name() {
        for text in [
            "He got the Honorary Rank of Gen of the Indian Army in May.",
            "Gen of the Indian Army is a rank.",
        ] {
            let n = name_mentions(text);
            assert!(n.contains(&"Indian Army".to_string()), "{text}: {n:?}");
            assert!(n.iter().all(|m| !m.starts_with("Gen")), "{text}: {n:?}");
        }
    }

    #[test]
    fn a_portfolio_ends_where_its_minister_s_name_starts() {
        for (text, body, person) in [
            (
                "They met Minister for Finance Mr Arun Pillai.",
                "Ministry of Finance",
                "Arun Pillai",
            ),
            (
                "She met Secretary of Tourism Claudia Ruiz-Massieu Salinas.",
                "Tourism",
                "Claudia Ruiz-Massieu Salinas",
            ),
            (
                "Minister of Natural Resources Vincent Biruta spoke.",
                "Ministry of Natural Resources",
                "Vincent Biruta",
            ),
            (
                "He met Minister of Foreign Affairs Mangala Samaraweera.",
                "Ministry of Foreign Affairs",
                "Mangala Samaraweera",
            ),
            (
                "It was signed by Minister of Mines Ana Lind and Secretary Soto.",
                "Ministry of Mines",
                "Ana Lind",
            ),
            (
                "It was signed by Senior Minister of State for Trade and Industry Lee Yi Shyan.",
                "Ministry of Trade and Industry",
                "Lee Yi Shyan",
            ),
            // A country before a second title after "and" ends the first body too.
            (
                "Minister of Foreign Affairs Ana Lind and Chilean Minister of Defence Jose Soto met.",
                "Ministry of Foreign Affairs",
                "Ana Lind",
            ),
            (
                "Minister for Finance Ana Lind and the Peruvian Trade Minister Jose Soto met.",
                "Ministry of Finance",
                "Ana Lind",
            ),
        ] {
            let n = name_mentions(text);
            assert!(n.contains(&body.to_string()), "{text}: {n:?}");
            assert!(n.contains(&person.to_string()), "{text}: {n:?}");
        }
        // No name after the portfolio: the body is whole.
        let n =
            name_mentions("The Secretary of Foreign Affairs of the United Mexican States spoke.");
        assert!(
            n.iter().any(|x| x.contains("United Mexican States")),
            "{n:?}"
        );
        // Only a minister's or secretary's portfolio is cut by the typer's reading.
        let n = name_mentions("The Director of Wildlife Reserves Singapore spoke.");
        assert!(
            n.contains(&"Wildlife Reserves Singapore".to_string()),
            "{n:?}"
        );
        let n = name_mentions("The chairman of Tata Sons Natarajan Chandrasekaran spoke.");
        assert!(!n.contains(&"Tata".to_string()), "{n:?}");
        // A body named after its country keeps the country's name.
        let n = name_mentions("The CEO of Rwanda Development Board (RDB), Claire Akamanzi, spoke.");
        assert!(n.contains(&"Rwanda Development Board".to_string()), "{n:?}");
        // An honorific without its period is no part of a name either.
        assert_eq!(
            name_mentions("Mr Tharman Shanmugaratnam spoke."),
            ["Tharman Shanmugaratnam"]
        );
    }

    #[test]
    fn names_keep_titles_after_connectors_and_split_at_and_the() {
        let names = name_mentions;
        let n = names("Ana Lind, Department of General Services Director, spoke.");
        assert!(
            n.contains(&"Department of General Services".to_string()),
            "{n:?}"
        );
        let n = names("The work of the University of Oxford and the Lima Institute of Physics.");
        assert!(n.contains(&"University of Oxford".to_string()), "{n:?}");
        let n = names("Former Chilean president Ana Lind spoke.");
        assert_eq!(n, ["Ana Lind"]);
    }

    #[test]
    fn names_with_connectors() {
        assert_eq!(
            names("The Bank of England and the University of Oxford met."),
            ["Bank of England", "University of Oxford"]
        );
        let m = mentions("the Ministry of Foreign Affairs and Trade said");
        assert_eq!(m[0].0, "Ministry of Foreign Affairs and Trade");
        assert_eq!(m[0].1, MentionKind::Name(Some(Kind::Institution)));
    }

    #[test]
    fn an_ampersand_between_capitalised_words_joins_a_name() {
        assert_eq!(
            names("Keppel Offshore & Marine met the School of Arts & Sciences."),
            ["Keppel Offshore & Marine", "School of Arts & Sciences"]
        );
        // Not before a lowercase word.
        assert_eq!(names("Ana Lind & friends came."), ["Ana Lind"]);
    }

    #[test]
    fn an_opening_word_that_takes_a_possessive_is_a_name() {
        assert_eq!(
            names("Boeing's James Bell spoke."),
            ["Boeing", "James Bell"]
        );
        // Alone it is a first word only ("Having" is one too): a name where the article
        // writes it inside a sentence as well (`article_mentions`).
        let t = "Boeing spoke.";
        let m = find_mentions(t, &tokenize(t, 0, t.len()));
        assert!(!m.is_empty() && m.iter().all(|m| m.initial), "{m:?}");
        let owner = "Boeing's James Bell spoke.";
        let m = find_mentions(owner, &tokenize(owner, 0, owner.len()));
        assert!(m.iter().all(|m| !m.initial), "{m:?}");
    }

    #[test]
    fn a_name_after_an_organisation_noun_names_an_organisation() {
        for text in [
            "the state-run oil company Velonor said",
            "shares of carmaker Velonor fell",
            "the arms exporter Velonor said",
        ] {
            let m = mentions(text);
            let velonor = m.iter().find(|m| m.0 == "Velonor").expect(text);
            assert_eq!(
                velonor.1,
                MentionKind::Name(Some(Kind::Institution)),
                "{text}"
            );
        }
        let m = mentions("the farmer Velonor said");
        assert_eq!(m[0].1, MentionKind::Name(None));
    }

    #[test]
    fn armed_movements_known_by_one_name_are_organisations() {
        for (text, name) in [
            (
                "The hostages were freed by the Taliban on Sunday.",
                "Taliban",
            ),
            ("Hezbollah handed over two bodies.", "Hezbollah"),
            ("a statement by Boko Haram said", "Boko Haram"),
        ] {
            let m = mentions(text);
            let o = m
                .iter()
                .find(|m| m.0 == name)
                .unwrap_or_else(|| panic!("{text}: {m:?}"));
            assert_eq!(o.1, MentionKind::Name(Some(Kind::Institution)), "{text}");
        }
    }

    #[test]
    fn a_collective_owners_possessive_stays_inside_a_name() {
        for (text, name) in [
            (
                "He met the head of the Velonian People's Consultative Assembly.",
                "Velonian People's Consultative Assembly",
            ),
            (
                "The People’s Liberation Army Navy sent two ships.",
                "People’s Liberation Army Navy",
            ),
            (
                "She works at Dunmouth Children's Hospital.",
                "Dunmouth Children's Hospital",
            ),
            ("The Velonor Women's League met.", "Velonor Women's League"),
        ] {
            let m = mentions(text);
            assert!(m.iter().any(|m| m.0 == name), "{text}: {m:?}");
        }
        // An owner named by a name keeps its possessive out of the next name.
        let m = mentions("Velonia's Pacific Fleet sailed.");
        assert!(
            m.iter()
                .all(|m| !m.0.contains("Pacific") || m.0 == "Pacific Fleet"),
            "{m:?}"
        );
        // A collective owner before a lowercase word is no name's word.
        let m = mentions("The Velonor People's march began.");
        assert!(m.iter().all(|m| !m.0.contains("march")), "{m:?}");
    }

    #[test]
    fn washington_with_its_district_is_one_place() {
        for text in [
            "The embassy in Washington, D.C. said so.",
            "He lives in Washington, D.C., and works there.",
            "They flew to Washington, DC on Monday.",
        ] {
            let m = mentions(text);
            assert!(m.iter().any(|m| m.0 == "Washington"), "{text}: {m:?}");
            assert!(m.iter().all(|m| !m.0.starts_with("D")), "{text}: {m:?}");
        }
        // Another town's region stays a name of its own.
        let m = mentions("He lives in Dunmouth, Velonia.");
        assert!(m.iter().any(|m| m.0 == "Velonia"), "{m:?}");
    }

    #[test]
    fn a_club_named_for_its_town_is_an_organisation() {
        for (text, club) in [
            ("They play Velonor United on Saturday.", "Velonor United"),
            ("He joined Velonor Rovers in May.", "Velonor Rovers"),
            ("Velonor Wanderers beat them.", "Velonor Wanderers"),
        ] {
            let m = mentions(text);
            let c = m.iter().find(|m| m.0 == club).expect(text);
            assert_eq!(c.1, MentionKind::Name(Some(Kind::Institution)), "{text}");
        }
        // The word alone is no club.
        let m = mentions("Ana Rovers said so.");
        assert_ne!(m[0].1, MentionKind::Name(Some(Kind::Institution)), "{m:?}");
    }

    #[test]
    fn a_town_a_dateline_names_alone_is_a_place_where_prose_names_it_again() {
        let place = MentionKind::Name(Some(Kind::Place));
        for (opening, dash) in [
            ("KELDAR \u{2013} Officials met.", "en dash"),
            ("KELDAR -- Officials met.", "double hyphen"),
            ("KELDAR \u{2014} Officials met.", "em dash"),
        ] {
            let text = [
                opening,
                "Keldar residents came.",
                "Ana Lind is a chief for Keldar.",
            ];
            let mut all = sentence_mentions(&text);
            let body = all[2].iter().position(|m| m.name == "Keldar").unwrap();
            all[2][body].kind = MentionKind::Name(Some(Kind::Institution));
            type_dateline_town(&mut all);
            assert_eq!(all[0][0].kind, place, "{dash}");
            assert!(!all[0][0].initial, "{dash}");
            assert_eq!(all[1][0].kind, place, "{dash}");
            assert_eq!(all[2][body].kind, place, "{dash}");
            // A person is left alone.
            assert_eq!(all[2][0].kind, MentionKind::Name(None), "{dash}");
        }
        // Never written again in prose (a wire's name), not shouted, not before a dash,
        // or past the first sentence: no town.
        for text in [
            ["KELDARNEWS - Officials met.", "Officials in Orvane met."],
            ["Keldar - Officials met.", "Keldar residents came."],
            ["KELDAR officials met.", "Keldar residents came."],
            ["Officials met.", "KELDAR - Keldar residents came."],
        ] {
            let mut all = sentence_mentions(&text);
            let before: Vec<_> = all.iter().flatten().map(|m| m.kind).collect();
            type_dateline_town(&mut all);
            let after: Vec<_> = all.iter().flatten().map(|m| m.kind).collect();
            assert_eq!(before, after, "{text:?}");
        }
    }

    #[test]
    fn a_name_takes_the_kind_its_other_mentions_were_given() {
        let text = [
            "The oil company Velonor grew.",
            "Velonor said so.",
            "Ana Lind left.",
        ];
        let mut all = sentence_mentions(&text);
        share_name_kinds(&mut all);
        assert_eq!(all[1][0].kind, MentionKind::Name(Some(Kind::Institution)));
        assert_eq!(all[2][0].kind, MentionKind::Name(None));
        // Two cues that disagree give no kind.
        let text = [
            "The company Velonor grew.",
            "They reached Velonor.",
            "Velonor spoke.",
        ];
        let mut all = sentence_mentions(&text);
        let reached = all[1].iter_mut().find(|m| m.name == "Velonor").unwrap();
        reached.kind = MentionKind::Name(Some(Kind::Place));
        share_name_kinds(&mut all);
        assert_eq!(all[2][0].kind, MentionKind::Name(None));
    }

    #[test]
    fn a_countrys_troops_share_one_name_across_the_article() {
        let text = [
            "The UK's forces in Kabul grew.",
            "About 100 UK personnel arrived.",
            "British troops and French troops left, with Dutch air defence units.",
            "British special forces stayed.",
        ];
        let groups = article_mentions(&text, share_group_names, |m| {
            matches!(m.kind, MentionKind::Group(_))
        });
        assert_eq!(
            groups,
            [
                "British troops",
                "British troops",
                "British troops",
                "French troops",
                "Dutch air defence units",
                "British special forces"
            ]
        );
    }

    #[test]
    fn an_agreement_named_in_either_order_is_one() {
        let text = [
            "They signed an agreement on military cooperation.",
            "The military cooperation agreement is a milestone.",
            "A trade agreement and the agreement followed.",
        ];
        let names = article_mentions(&text, share_agreement_names, |m| {
            m.kind == MentionKind::Agreement
        });
        assert_eq!(
            names,
            [
                "agreement on military cooperation",
                "agreement on military cooperation",
                "trade agreement",
                "agreement"
            ]
        );
    }

    #[test]
    fn countries_demonyms_and_aliases() {
        let m = mentions("Chinese officials visited the Republic of Korea and Japan.");
        assert!(matches!(m[0].1, MentionKind::Demonym(_)));
        assert_eq!(m[1].0, "South Korea");
        assert_eq!(m[2].0, "Japan");
        // Acronyms only in capitals.
        let m = mentions("The DPRK replied.");
        assert_eq!(m[0].0, "North Korea");
    }

    #[test]
    fn titles_and_people() {
        let m = mentions("French President Emmanuel Macron spoke.");
        assert!(matches!(m[0].1, MentionKind::Demonym(_)));
        assert!(matches!(m[1].1, MentionKind::Title { of: None, .. }));
        assert_eq!(m[2].0, "Emmanuel Macron");
        let m = mentions("the Minister of Culture, Olga Petrova, said");
        assert!(matches!(m[0].1, MentionKind::Title { of: Some(1), .. }));
        assert_eq!(m[1].0, "Ministry of Culture");
        assert_eq!(m[2].0, "Olga Petrova");
    }

    #[test]
    fn a_title_that_is_also_an_adjective() {
        let title = |m: &[(String, MentionKind, Option<u64>)]| {
            m.iter()
                .any(|(_, k, _)| matches!(k, MentionKind::Title { .. }))
        };
        for text in [
            "Lindale, Keldar's principal city, hosted the talks.",
            "The general public was not told.",
        ] {
            assert!(!title(&mentions(text)), "{text}: {:?}", mentions(text));
        }
        for text in [
            "Cushing School Principal Ana Lind said no.",
            "Ana Lind, principal of the Cushing School, said no.",
            "The general said the troops would stay.",
        ] {
            assert!(title(&mentions(text)), "{text}: {:?}", mentions(text));
        }
    }

    #[test]
    fn a_capitalised_lexicon_noun_after_a_capitalised_determiner() {
        for text in [
            "A Komodo dragon arrived.",
            "The Komodo dragons arrived.",
            "Komodo dragons arrived.",
            "Two Komodo dragons arrived.",
        ] {
            let m = mentions(text);
            assert_eq!(m[0].0, "Komodo dragon", "{text}: {m:?}");
            assert_eq!(m[0].1, MentionKind::Animal, "{text}");
        }
        // Kept as an article-level check too: the first word stays at a sentence's start.
        let ss = ["Komodo dragons arrived."];
        let names = article_mentions(&ss, confirm_breeds, |m| m.kind == MentionKind::Animal);
        assert_eq!(names, ["Komodo dragon"]);
    }

    #[test]
    fn a_one_word_title_before_one_institution_word_is_a_name() {
        assert_eq!(
            name_mentions("General Motors said it would hire workers."),
            ["General Motors"]
        );
        assert_eq!(
            name_mentions("The General Assembly voted on Monday."),
            ["General Assembly"]
        );
        // A rank before a person's name stays a title.
        assert_eq!(
            name_mentions("General Tom Berg said the troops were ready."),
            ["Tom Berg"]
        );
    }

    #[test]
    fn animals_with_counts() {
        let m = mentions("three grey wolves, a dozen snowy owls and 12 species of ducks");
        assert_eq!(
            m,
            [
                ("grey wolf".to_string(), MentionKind::Animal, Some(3)),
                ("snowy owl".to_string(), MentionKind::Animal, Some(12)),
                ("duck".to_string(), MentionKind::Animal, Some(12)),
            ]
        );
        let m = mentions("two young Akita Inu puppies");
        assert_eq!(m[0].0, "Akita Inu puppy");
        assert_eq!(m[0].2, Some(2));
    }

    #[test]
    fn groups_take_their_country() {
        let m = mentions("about 5,000 Chinese soldiers and Japan's forces");
        assert_eq!(m[0].0, "Chinese soldiers");
        assert_eq!(m[0].2, Some(5000));
        assert!(matches!(m[0].1, MentionKind::Group(Some(_))));
        assert_eq!(m[2].0, "Japanese forces");
    }

    #[test]
    fn a_demonyms_plural_is_the_countrys_people() {
        for (text, name, count) in [
            (
                "Iran freed seven Americans on Monday.",
                "Americans",
                Some(7),
            ),
            ("Five Americans freed by Iran landed.", "Americans", Some(5)),
            // Not first in the sentence: the number still counts them.
            (
                "WASHINGTON: Five Americans freed by Iran landed.",
                "Americans",
                Some(5),
            ),
            (
                "Nineteen South Koreans returned home.",
                "South Koreans",
                Some(19),
            ),
            ("two Pakistanis were held", "Pakistanis", Some(2)),
        ] {
            let m = mentions(text);
            let g = m
                .iter()
                .find(|m| matches!(m.1, MentionKind::Group(Some(_))));
            let g = g.unwrap_or_else(|| panic!("no people in {text}: {m:?}"));
            assert_eq!((g.0.as_str(), g.2), (name, count), "{text}");
        }
        // A plural that is a country's name stays the country.
        let m = mentions("Manila, the Philippines");
        assert!(
            m.iter()
                .any(|m| matches!(m.1, MentionKind::Country(_)) && m.0 == "Philippines"),
            "{m:?}"
        );
    }

    #[test]
    fn a_country_name_before_a_group_noun_is_its_adjective() {
        for (text, name, count) in [
            ("Up to 400 UK troops will deploy", "UK troops", Some(400)),
            ("about 300 U.S. troops arrived", "U.S. troops", Some(300)),
            ("US forces were deployed", "US forces", None),
        ] {
            let m = mentions(text);
            let g = m.iter().find(|m| matches!(m.1, MentionKind::Group(_)));
            let g = g.unwrap_or_else(|| panic!("no group in {text}: {m:?}"));
            assert_eq!((g.0.as_str(), g.2), (name, count), "{text}");
            assert!(matches!(g.1, MentionKind::Group(Some(_))), "{text}");
        }
        // A country after "to" ends the phrase before it: the troops are nobody's yet.
        let m = mentions("it sent to Iraq troops and tanks");
        assert!(m.iter().any(|m| m.0 == "Iraq"), "{m:?}");
        assert!(
            m.iter().any(|m| matches!(m.1, MentionKind::Group(None))),
            "{m:?}"
        );
    }

    #[test]
    fn places_institutions_agreements() {
        let m = mentions("in Japan's Okinawa region, the Tokyo government signed a new trade deal");
        let names: Vec<_> = m.iter().map(|m| m.0.as_str()).collect();
        assert!(names.contains(&"Tokyo government"), "{names:?}");
        assert!(names.contains(&"new trade deal"), "{names:?}");
        let m = mentions("the Berlin and Vienna Zoos");
        assert_eq!(m[0].0, "Berlin Zoo");
        assert_eq!(m[1].0, "Vienna Zoo");
    }

    #[test]
    fn a_definite_plural_of_people_opening_the_sentence_is_a_pair() {
        let pair = |text: &str| {
            surfaces(text, |m| m.kind == MentionKind::Pair)
                .into_iter()
                .next()
        };
        assert_eq!(
            pair("The Defence Ministers acknowledged the progress."),
            Some("The Defence Ministers".to_string())
        );
        assert_eq!(
            pair("The leaders agreed to meet again."),
            Some("The leaders".to_string())
        );
        // Not with "of" after it, nor inside the sentence.
        assert_eq!(pair("The ministers of the union met in Lima."), None);
        assert_eq!(pair("In Lima the ministers agreed to meet again."), None);
    }

    #[test]
    fn a_ship_is_a_group_named_by_its_name() {
        let group = |text: &str| surfaces(text, |m| matches!(m.kind, MentionKind::Group(_)));
        assert_eq!(
            group("USS Port Royal docked in Jakarta."),
            ["USS Port Royal"]
        );
        assert_eq!(
            group("High Speed Vessel Swift left Rota."),
            ["High Speed Vessel Swift"]
        );
        assert_eq!(
            group("The frigate Almirante Soto left Callao."),
            ["Almirante Soto"]
        );
        // The kind before the name is no group of its own.
        assert_eq!(
            group("The Peruvian Navy ship BAP Guise left."),
            ["BAP Guise"]
        );
        assert_eq!(
            group("The Indian Navy ship INS Sharda left."),
            ["INS Sharda"]
        );
        // Not a prefix alone, nor a name after a lowercase word that is no ship's kind.
        assert!(group("The USS was late.").is_empty());
        assert!(group("The envoy Ana Lind left.").is_empty());
    }

    #[test]
    fn a_name_after_counterpart_is_marked() {
        let finds = |text: &str| surfaces(text, |m| m.after_counterpart);
        assert_eq!(
            finds("Ana Lind met her Peruvian counterpart Jon Berg."),
            ["Jon Berg"]
        );
        assert_eq!(
            finds("Ana Lind met her counterpart, His Excellency Jon Berg, in Lima."),
            ["Jon Berg"]
        );
        assert!(finds("Ana Lind met Jon Berg in Lima.").is_empty());
    }

    #[test]
    fn descriptors_and_pairs() {
        let m = mentions("the Chinese state news agency, Xinhua, said both countries agree");
        assert_eq!(m[0].0, "Chinese state news agency");
        assert!(matches!(m[0].1, MentionKind::Descriptor(Some(_))));
        assert!(m.iter().any(|m| m.1 == MentionKind::Pair));
    }

    #[test]
    fn a_venues_second_word_after_and_stays_in_its_name() {
        let n =
            name_mentions("Meerkats came from Newquay Zoo and Cotswold Wildlife Park and Gardens.");
        assert_eq!(n, ["Newquay Zoo", "Cotswold Wildlife Park and Gardens"]);
        // Two names each with a cue word of their own share none.
        let n = name_mentions("Meerkats came from Newquay Zoo and Kew Gardens.");
        assert_eq!(n, ["Newquay Zoo", "Kew Gardens"]);
        // A plural cue word after two bare names is still shared.
        let n = name_mentions("Meerkats came from the Berlin and Vienna Zoos.");
        assert_eq!(n, ["Berlin Zoo", "Vienna Zoo"]);
    }
}
