//! Location: which place or institution lies in which place or country.
//!
//! * `possessive-place`: "Russia's Kursk region" → Kursk region located-in Russia,
//!   "Prague's Vltava Zoo" → Vltava Zoo located-in Prague;
//! * `in-place`: "the Kursk region in Russia", "the Rome Zoo (RZ) in Italy" → located-in;
//! * `based-in`: "the Jakarta-based institute" → located-in Jakarta ("the Irvine-based PC
//!   maker Gateway": Gateway);
//! * `comma-place`: "Targu Mures, Romania", "Zagan, western Poland" → located-in, when
//!   the pair is no list;
//! * `apposition-place`: "Odessa, a southern city in Ukraine", "Moscow, capital of
//!   Russia", "Arica, a port in northern Chile", "the Rome Zoo, the oldest zoo in
//!   Italy", and the same after a copula ("Tivoli is a town in Italy") → located-in;
//! * `place-of`: "the German port of Bremerhaven", "the Spanish capital of Madrid",
//!   "Cambodia's second-biggest city Siem Reap", "the city of Rason in North Korea" →
//!   located-in the country (or the place after "in");
//! * `dateline`: "WEST PALM BEACH, Fla. —", "AREQUIPA, Peru (AP) —" at the start of the
//!   article → located-in the state or country.

use super::table::Rule;
use super::{Ctx, Sentence};
use crate::extract::lexicon;
use crate::extract::mentions::MentionKind;
use crate::extract::tokens::TokKind;
use crate::model::{Kind, Relation};

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    if s.index == 0 {
        dateline(ctx);
    }
    for i in 0..s.tokens.len() {
        if matches!(
            s.word(i),
            "located" | "based" | "situated" | "headquartered" | "headquarters"
        ) && matches!(s.word(i + 1), "in" | "at")
        {
            located_verb(ctx, i);
        }
    }
    for k in 0..s.mentions.len() {
        let m = &s.mentions[k];
        if let Some(place) = &m.based_in
            && let Some(e) = ctx.entity(based_holder(s, k)).or_else(|| ctx.entity(k))
        {
            let p = ctx.resolved.entity_named(place, Kind::Place);
            ctx.emit(e, Relation::LocatedIn, p, None, None, Rule::BasedIn);
        }
        if m.based_in.is_none()
            && let Some(p) = based_after_state(s, k)
            && let (Some(e), Some(p)) = (ctx.entity(k), ctx.entity(p))
            && ctx.kind(e) == Kind::Institution
        {
            ctx.emit(e, Relation::LocatedIn, p, None, None, Rule::BasedIn);
        }
        if s.possessive(k)
            && let Some(next) = s.mention_from(m.end + 1)
        {
            match m.kind {
                // "England's Banham Zoo": a country's facilities are located in it
                // (its other bodies are members of it: `possessive-member`).
                MentionKind::Country(_) => {
                    let facility = ctx
                        .entity(next)
                        .is_some_and(|e| lexicon::is_facility(&ctx.resolved.entities[e].name));
                    let kinds: &[Kind] = if facility {
                        &[Kind::Place, Kind::Institution]
                    } else {
                        &[Kind::Place]
                    };
                    located(ctx, next, k, kinds, Rule::PossessivePlace);
                }
                // "Prague's Vltava Zoo": a city's institutions are located in it; so are
                // those of a name the typer and resolution both take for a place
                // ("Seattle's Woodland Park Zoo").
                MentionKind::Capital(_) | MentionKind::Name(Some(Kind::Place)) => {
                    located(
                        ctx,
                        next,
                        k,
                        &[Kind::Place, Kind::Institution],
                        Rule::PossessivePlace,
                    );
                }
                MentionKind::Name(None)
                    if s.is_place(k)
                        && ctx.entity(k).is_some_and(|e| ctx.kind(e) == Kind::Place) =>
                {
                    located(
                        ctx,
                        next,
                        k,
                        &[Kind::Place, Kind::Institution],
                        Rule::PossessivePlace,
                    );
                }
                _ => {}
            }
        }
        // "the Lima Zoo in Peru", "the Chengdu Research Base, in southwest China's
        // Sichuan province": after a country's possessive, the place it owns.
        // "the Lima Zoo (LZ) in Peru": past a bracketed short form.
        let end = s.past_short_form(m.end);
        let at_in = if s.word(end) == "in" {
            Some(end)
        } else {
            (s.tokens.get(end).is_some_and(|t| t.is_punct(",")) && s.word(end + 1) == "in")
                .then_some(end + 1)
        };
        let inner_place = |n: usize| {
            if !s.possessive(n) {
                return Some(n);
            }
            s.mention_from(s.mentions[n].end + 1)
                .filter(|&o| matches!(s.mentions[n].kind, MentionKind::Country(_)) && s.is_place(o))
        };
        if matches!(m.kind, MentionKind::Name(_) | MentionKind::Capital(_))
            && let Some(at_in) = at_in
            && let Some(next) = s.mention_from(at_in + 1).and_then(inner_place)
            && !s.in_quote[m.start]
            && !before_institution_plural(s, next)
        {
            // "honoured at Rashtrapati Bhavan in Delhi": a name "at" which something
            // happens, in a place, is a place or a body, not a person.
            let before = m.start - usize::from(m.start > 0 && s.word(m.start - 1) == "the");
            if before > 0 && s.word(before - 1) == "at" && s.is_place(next) {
                as_place(ctx, k);
            }
            located(
                ctx,
                k,
                next,
                &[Kind::Place, Kind::Institution],
                Rule::InPlace,
            );
        }
        if matches!(m.kind, MentionKind::Name(_) | MentionKind::Capital(_))
            && s.tokens.get(m.end).is_some_and(|t| t.is_punct(","))
        {
            comma_place(ctx, k);
            apposition_place(ctx, k);
        }
        // "Kelso is a town in Odisha": a copula says what an apposition says.
        if matches!(m.kind, MentionKind::Name(_) | MentionKind::Capital(_))
            && matches!(s.word(m.end), "is" | "was")
            && !s.in_quote[m.start]
        {
            apposition_place(ctx, k);
        }
        place_of(ctx, k);
    }
}

/// "posts in Tamil Nadu universities", "keepers in Peru zoos": the place names the
/// institutions that follow it in the plural, which are where things are; the place
/// after "in" is theirs, not what the name before "in" lies in.
fn before_institution_plural(s: &Sentence, n: usize) -> bool {
    let end = s.mentions[n].end;
    s.tokens.get(end).is_some_and(|t| t.is_lower_word())
        && lexicon::lexicons()
            .institution_forms
            .longest(&[s.word(end)])
            .is_some_and(|(_, f)| f.plural)
}

/// `dateline`: "WEST PALM BEACH, Fla. —", "AREQUIPA, Peru (AP) —" opening the
/// article: the place lies in the state or country after the comma.
fn dateline(ctx: &mut Ctx) {
    let s = ctx.sentence;
    let lex = crate::extract::lexicon::lexicons();
    // "KATHMANDU [Nepal], Nov 25": the state in brackets before the comma.
    let comma = (0..s.tokens.len().min(8))
        .find(|&k| s.tokens[k].is_punct(",") || (s.tokens[k].is_punct("[") && k > 0));
    let Some(comma) = comma.filter(|&c| c > 0) else {
        return;
    };
    let bracket = s.tokens[comma].is_punct("[");
    if !(0..comma).all(|k| s.tokens[k].is_capitalised() || s.tokens[k].is_punct("-")) {
        return;
    }
    // What follows the comma: words (and their periods) up to a dash, "(", a second
    // comma before the date ("Hanoi, Vietnam, September 15 -") or the end; in brackets,
    // up to the closing one.
    let mut end = comma + 1;
    while end < s.tokens.len()
        && !matches!(
            s.tokens[end].text,
            "\u{2014}" | "\u{2013}" | "--" | "-" | "(" | ","
        )
        && !(bracket && s.tokens[end].is_punct("]"))
    {
        end += 1;
    }
    if bracket && !s.tokens.get(end).is_some_and(|t| t.is_punct("]")) {
        return;
    }
    let words: Vec<&str> = (comma + 1..end)
        .filter(|&k| s.tokens[k].kind == crate::extract::tokens::TokKind::Word)
        .map(|k| s.tokens[k].text)
        .collect();
    if words.is_empty() || words.len() > 3 || end == s.tokens.len() && s.tokens.len() > comma + 6 {
        return;
    }
    let key = words.join(" ").to_lowercase().replace('.', "");
    let code = (words.len() == 1)
        .then(|| lex.state_codes.get(words[0]))
        .flatten();
    let outer = if let Some(state) = lex.us_states.get(&key).or(code) {
        ctx.resolved.entity_named(state, Kind::Place)
    } else if let Some((len, &(c, _))) = lex
        .country_forms
        .longest(&key.split(' ').collect::<Vec<_>>())
        && len == words.len()
    {
        ctx.country(c)
    } else {
        return;
    };
    let city: Vec<String> = (0..comma).map(|k| title_case(s.tokens[k].text)).collect();
    let name = city.join(" ").replace(" - ", "-");
    // The dateline's own mention, when it covers the place's words, is this place: it
    // becomes one, in the usual case.
    let own = s.tok_mention[0]
        .filter(|&m| s.mentions[m].start == 0 && s.mentions[m].end == comma)
        .and_then(|m| ctx.entity(m));
    let inner = match own {
        Some(e) if ctx.kind(e) == Kind::Person => {
            let d = &mut ctx.resolved.entities[e];
            d.kind = Kind::Place;
            if !d.name.chars().any(char::is_lowercase) {
                d.name = name;
            }
            e
        }
        _ => ctx.resolved.entity_named(&name, Kind::Place),
    };
    ctx.emit(
        inner,
        Relation::LocatedIn,
        outer,
        None,
        None,
        Rule::Dateline,
    );
}

/// "PALM" → "Palm", "McALLEN" stays as written past its first letter when mixed.
fn title_case(w: &str) -> String {
    if w.chars().any(char::is_lowercase) {
        return w.to_string();
    }
    let mut c = w.chars();
    c.next()
        .map(|f| {
            f.to_uppercase()
                .chain(c.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

/// Compass words that may stand before the place after a comma or in an apposition.
fn is_compass(w: &str) -> bool {
    let w = w.trim_start_matches("north-").trim_start_matches("south-");
    matches!(
        w,
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "north"
            | "south"
            | "east"
            | "west"
    )
}

/// "Targu Mures, Romania": a place followed by a comma and a country, or a place that
/// the sentence goes on from ("Springfield, Colorado, on Sept. 2"); never items of a
/// list ("Bremen, Hamburg and Kiel").
/// The state or country named right after ", " following mention `k`: "Arlington,
/// Texas", "Calder, Peru".
fn region_after(s: &Sentence, k: usize) -> Option<usize> {
    let end = s.mentions[k].end;
    if !s.tokens.get(end).is_some_and(|t| t.is_punct(",")) {
        return None;
    }
    let r = s.tok_mention.get(end + 1).copied().flatten()?;
    let m = &s.mentions[r];
    let state = || {
        matches!(m.kind, MentionKind::Name(_))
            // The state's own name ("Tenn." is read as Tennessee), not a short form.
            && crate::extract::lexicon::lexicons()
                .us_states
                .get(&m.name.to_lowercase())
                .is_some_and(|full| full.eq_ignore_ascii_case(&m.name))
    };
    (m.start == end + 1 && (matches!(m.kind, MentionKind::Country(_)) || state() || region(m)))
        .then_some(r)
}

/// A name of the region gazetteer, written whole and typed by no other lexicon:
/// "Karnataka", "Henan", "Kursk Oblast".
fn region(m: &crate::extract::mentions::Mention) -> bool {
    matches!(m.kind, MentionKind::Name(None | Some(Kind::Place))) && lexicon::is_region(&m.name)
}

/// "in Arlington, Texas, and Bowling Green, Kentucky", "Lima, Peru; Quito, Ecuador":
/// whether town `k` and its region `r` stand in a list of such pairs, each town in its
/// region.
fn in_pair_list(s: &Sentence, k: usize, r: usize) -> bool {
    // "the Mariupol, Donetsk, Kherson, Kharkiv and Sumy fronts": a list of single places
    // whose "and" falls where a pair's region would stand is no list of pairs.
    // Counted from the list's first item: back over ", " and "and" to the name before.
    let mut first = k;
    loop {
        let mut b = s.mentions[first].start;
        b -= usize::from(b > 0 && s.word(b - 1) == "and");
        b -= usize::from(b > 0 && s.tokens[b - 1].is_punct(","));
        match b
            .checked_sub(1)
            .and_then(|j| s.tok_mention[j])
            .filter(|&p| b < s.mentions[first].start && s.mentions[p].end == b)
        {
            Some(p) => first = p,
            None => break,
        }
    }
    let flat = s.list_from(first);
    if flat.len() >= 4
        && flat.len().is_multiple_of(2)
        && flat
            .last()
            .is_some_and(|&l| s.word(s.mentions[l].start.saturating_sub(1)) == "and")
    {
        return false;
    }
    let separator = |j: usize| {
        s.tokens
            .get(j)
            .is_some_and(|t| t.is_punct(",") || t.is_punct(";"))
    };
    // A state's abbreviation keeps its period: "Flint, Mich.; Spring Hill, Tenn.".
    let period = |j: usize| usize::from(s.tokens.get(j).is_some_and(|t| t.is_punct(".")));
    // The next pair: ", (and) Town, Region".
    let mut j = s.mentions[r].end;
    j += period(j);
    let next = separator(j) && {
        j += 1 + usize::from(s.word(j + 1) == "and");
        s.tok_mention
            .get(j)
            .copied()
            .flatten()
            .is_some_and(|t| s.mentions[t].start == j && region_after(s, t).is_some())
    };
    // The pair before: "Town, Region, (and)" right before this town.
    let mut b = s.mentions[k].start;
    if b > 0 && s.word(b - 1) == "and" {
        b -= 1;
    }
    let before = b >= 3 && separator(b - 1) && {
        let end = b - 1 - usize::from(s.tokens[b - 2].is_punct("."));
        // The region before, and its town right before its comma.
        s.tok_mention[end - 1].is_some_and(|r0| {
            s.mentions[r0].end == end
                && s.mentions[r0].start >= 2
                && s.tok_mention[s.mentions[r0].start - 2]
                    .is_some_and(|town| region_after(s, town) == Some(r0))
        })
    };
    next || before
}

fn comma_place(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    let m = &s.mentions[k];
    if let Some(r) = region_after(s, k)
        && in_pair_list(s, k, r)
    {
        as_place(ctx, k);
        located(
            ctx,
            k,
            r,
            &[Kind::Place, Kind::Institution],
            Rule::CommaPlace,
        );
        return;
    }
    let list_before =
        m.start > 0 && (s.tokens[m.start - 1].is_punct(",") || s.word(m.start - 1) == "and");
    if list_before {
        return;
    }
    let mut j = m.end + 1;
    while j < s.tokens.len() && is_compass(s.word(j)) && s.tok_mention[j].is_none() {
        j += 1;
    }
    let Some(next) = s.tok_mention.get(j).copied().flatten() else {
        return;
    };
    let n = &s.mentions[next];
    if n.start != j {
        return;
    }
    let after = s.tokens.get(n.end);
    let ends = after
        .is_none_or(|t| t.kind == crate::extract::tokens::TokKind::Punct && !t.is_punct(","))
        || (after.is_some_and(|t| t.is_punct(","))
            && !s.tokens.get(n.end + 1).is_some_and(|t| {
                // "…, Brisbane, and travelled": an "and" before a verb ends no list.
                t.is_capitalised()
                    || (t.lower == "and"
                        && s.tokens.get(n.end + 2).is_none_or(|u| {
                            u.is_capitalised() || matches!(u.lower.as_ref(), "the" | "a" | "an")
                        }))
            }))
        // "Queensland, Australia but …": a conjunction or preposition, not a verb whose
        // subject the country is ("…, Russia has").
        // "Queensland, Australia but …": a function word, not a verb whose subject the
        // country is ("…, Russia made").
        || after.is_some_and(|t| {
            t.is_lower_word()
                && !matches!(t.lower.as_ref(), "and" | "or")
                && crate::extract::lexicon::lexicons()
                    .function_words
                    .contains(t.lower.as_ref())
                && !matches!(t.lower.as_ref(), "has" | "have" | "had" | "is" | "was" | "will" | "would")
        });
    // "Mysore, Karnataka and they are …": "and" before a pronoun opens a clause; the
    // pair is no item of a list.
    let clause = s.word(n.end) == "and"
        && matches!(
            s.word(n.end + 1),
            "they" | "he" | "she" | "it" | "we" | "i" | "you"
        );
    if (s.word(n.end) == "and" || !ends) && !clause {
        return;
    }
    let country = matches!(n.kind, MentionKind::Country(_));
    let outer_ok = country || ctx.entity(next).is_some_and(|e| ctx.kind(e) == Kind::Place);
    if country || (region(n) && outer_ok) {
        // "Targu Mures, Romania", "Mysore, Karnataka": a name of unknown kind before ",
        // Country" or ", Region" is a place.
        as_place(ctx, k);
    }
    if outer_ok {
        located(
            ctx,
            k,
            next,
            &[Kind::Place, Kind::Institution],
            Rule::CommaPlace,
        );
    }
}

/// Nouns for a kind of place, in an apposition or before "of".
fn is_place_noun(w: &str) -> bool {
    matches!(
        w,
        "city"
            | "town"
            | "village"
            | "port"
            | "capital"
            | "region"
            | "province"
            | "state"
            | "county"
            | "district"
            | "municipality"
            | "island"
            | "resort"
            | "suburb"
            | "settlement"
            | "enclave"
            | "territory"
            | "oblast"
            | "prefecture"
            | "neighbourhood"
            | "neighborhood"
            | "borough"
    )
}

/// The plural of a place noun ("the cities of A and B in C").
fn place_noun_plural(w: &str) -> bool {
    let singular = match w.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => w.strip_suffix('s').unwrap_or(w).to_string(),
    };
    singular.len() < w.len() && is_place_noun(&singular)
}

/// "Odessa, a southern city in Ukraine": the place the apposition puts it in.
fn apposition_place(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    let m = &s.mentions[k];
    // "Calder, Peru's largest city,": up to three words to the place noun after the
    // owner's possessive, then the apposition ends or goes on after "and".
    if let Some(owner) = s.mention_from(m.end + 1)
        && s.possessive(owner)
    {
        let after = s.mentions[owner].end + 1;
        let noun = (after..(after + 4).min(s.tokens.len()))
            .take_while(|&j| {
                s.tokens[j].kind == crate::extract::tokens::TokKind::Word
                    && s.tok_mention[j].is_none()
            })
            .find(|&j| is_place_noun(s.word(j)));
        // "…, Kosovo's principal city and the site of …": the apposition may go on.
        if let Some(noun) = noun
            && s.tokens.get(noun + 1).is_none_or(|t| {
                t.kind == crate::extract::tokens::TokKind::Punct || t.lower == "and"
            })
        {
            // A name described as a city is a place.
            as_place(ctx, k);
            located(
                ctx,
                k,
                owner,
                &[Kind::Place, Kind::Institution],
                Rule::AppositionPlace,
            );
        }
        return;
    }
    // "Moscow, capital of Russia": the place noun may come with no article.
    let bare = s.tokens.get(m.end).is_some_and(|t| t.is_punct(","))
        && s.tok_mention.get(m.end + 1).is_some_and(Option::is_none)
        && is_place_noun(s.word(m.end + 1));
    if !bare && !matches!(s.word(m.end + 1), "a" | "an" | "the") {
        return;
    }
    // Up to five words (a measure and its bracket among them: "a 40-hectare (99-acre)
    // zoo") to the place noun, or a facility's ("a private zoo"), then "in" or "of".
    let first = m.end + 1 + usize::from(!bare);
    let kind_noun = |j: usize| {
        s.tok_mention[j].is_none()
            && (is_place_noun(s.word(j)) || lexicon::FACILITIES.contains(&s.word(j)))
    };
    let mut noun = None;
    let mut j = first;
    while j < (m.end + 8).min(s.tokens.len()) && s.tok_mention[j].is_none() {
        if kind_noun(j) {
            noun = Some(j);
            break;
        }
        j = match s.tokens[j].kind {
            TokKind::Word | TokKind::Number => j + 1,
            TokKind::Punct if s.tokens[j].is_punct("(") => s.past_short_form(j).max(j + 1),
            _ => break,
        };
    }
    let Some(noun) = noun else { return };
    if is_place_noun(s.word(noun)) {
        // A name described as a town is a place.
        as_place(ctx, k);
    }
    // "a port town in …", "a zoo and botanical garden in …": past the nouns that follow.
    let mut j = noun + 1;
    while j < s.tokens.len() && kind_noun(j) {
        j += 1;
    }
    if s.word(j) == "and"
        && let Some(other) = (j + 1..(j + 4).min(s.tokens.len()))
            .take_while(|&n| s.tokens[n].is_lower_word() && s.tok_mention[n].is_none())
            .find(|&n| kind_noun(n))
    {
        j = other + 1;
    }
    if !matches!(s.word(j), "in" | "of") {
        return;
    }
    j += 1;
    while j < s.tokens.len()
        && (is_compass(s.word(j)) || s.word(j) == "the")
        && s.tok_mention[j].is_none()
    {
        j += 1;
    }
    // A named place: "the country" may be another than the last one named.
    if let Some(outer) = s.tok_mention.get(j).copied().flatten()
        && s.mentions[outer].start == j
        && s.tokens[j].is_capitalised()
    {
        located(
            ctx,
            k,
            outer,
            &[Kind::Place, Kind::Institution],
            Rule::AppositionPlace,
        );
    }
}

/// "the German port of Bremerhaven", "Cambodia's second-biggest city Siem Reap", "the
/// city of Rason in North Korea": the place named after a place noun lies in the country
/// before it, or in the place after "in".
/// The last word of a region's name: "the Kursk region", "Sichuan Province".
const REGION_NOUNS: [&str; 8] = [
    "region",
    "province",
    "oblast",
    "district",
    "county",
    "prefecture",
    "governorate",
    "krai",
];

fn place_of(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    let m = &s.mentions[k];
    // "the Leningrad region of the Russian Federation", "Sichuan province of China": a
    // region named, then "of" and its country.
    let region = m
        .name
        .rsplit(' ')
        .next()
        .is_some_and(|w| REGION_NOUNS.contains(&w.to_lowercase().as_str()));
    if region
        && matches!(m.kind, MentionKind::Name(_))
        && s.word(m.end) == "of"
        && let Some(outer) = s.mention_from(m.end + 1)
        && matches!(s.mentions[outer].kind, MentionKind::Country(_))
    {
        as_place(ctx, k);
        located(ctx, k, outer, &[Kind::Place], Rule::PlaceOf);
        return;
    }
    if !matches!(m.kind, MentionKind::Name(_) | MentionKind::Capital(_)) || m.start < 2 {
        return;
    }
    let noun = if s.word(m.start - 1) == "of" {
        m.start - 2
    } else {
        m.start - 1
    };
    let plural = place_noun_plural(s.word(noun));
    if !(is_place_noun(s.word(noun)) || plural) || !s.tokens[noun].is_lower_word() {
        return;
    }
    // After "in": "the city of Rason in North Korea"; "the cities of A and B in C": each
    // place of the list, the last one only when it stands alone after "in".
    let items = match plural {
        true if s.word(noun + 1) == "of" => s.list_from(k),
        _ => vec![k],
    };
    let last_end = items.last().map_or(m.end, |&l| s.mentions[l].end);
    if s.word(last_end) == "in"
        && let Some(outer) = s.mention_from(last_end + 1)
    {
        for &item in &items {
            as_place(ctx, item);
            located(
                ctx,
                item,
                outer,
                &[Kind::Place, Kind::Institution],
                Rule::PlaceOf,
            );
        }
        return;
    }
    if plural {
        return;
    }
    // Before: a country adjective or possessive within three words of the noun.
    let country = (noun.saturating_sub(4)..noun).rev().find_map(|j| {
        let c = s.tok_mention[j]?;
        let cm = &s.mentions[c];
        let adjective = matches!(cm.kind, MentionKind::Demonym(_));
        let owner = matches!(cm.kind, MentionKind::Country(_)) && s.possessive(c);
        (adjective || owner).then_some(c)
    });
    let Some(c) = country else { return };
    as_place(ctx, k);
    let country = match s.mentions[c].kind {
        MentionKind::Demonym(c) | MentionKind::Country(c) => c,
        _ => return,
    };
    let outer = ctx.country(country);
    if let Some(inner) = ctx.entity(k)
        && matches!(ctx.kind(inner), Kind::Place | Kind::Institution)
    {
        ctx.emit(inner, Relation::LocatedIn, outer, None, None, Rule::PlaceOf);
    }
}

/// The context says that mention `k`, a name of no known kind (taken for a person by
/// default), names a place: its entity becomes one.
fn as_place(ctx: &mut Ctx, k: usize) {
    if ctx.sentence.mentions[k].kind == MentionKind::Name(None)
        && let Some(e) = ctx.entity(k)
        && ctx.kind(e) == Kind::Person
    {
        ctx.resolved.entities[e].kind = Kind::Place;
    }
}

/// `inner located-in outer` when inner has one of `kinds` and outer is a place or
/// country.
/// "Everland, located in Yongin", "the institute, which is based in Lima", "X is
/// headquartered in Y", "X, with headquarters in Y", "X has its headquarters in Y": the
/// place or institution before the participle (or the noun) lies in the place after it
/// ("located near" says nothing of the kind).
fn located_verb(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let at = i + 2 + usize::from(s.word(i + 2) == "the");
    let Some(outer) = s.tok_mention.get(at).copied().flatten() else {
        return;
    };
    // Back past ",", "which is", "is", "was", "are", "were", "now"; before the noun,
    // past "with its", "has its".
    let noun = s.word(i) == "headquarters";
    let mut j = i;
    while j > 0
        && (s.tokens[j - 1].is_punct(",")
            || matches!(
                s.word(j - 1),
                "which" | "that" | "is" | "was" | "are" | "were" | "now" | "also"
            )
            || (noun && matches!(s.word(j - 1), "with" | "its" | "has" | "had" | "have")))
    {
        j -= 1;
    }
    // The noun alone ("the headquarters in Y") names no holder.
    if noun && j == i {
        return;
    }
    let Some(inner) = j.checked_sub(1).and_then(|k| s.tok_mention[k]) else {
        return;
    };
    located(
        ctx,
        inner,
        outer,
        &[Kind::Place, Kind::Institution],
        Rule::LocatedVerb,
    );
}

fn located(ctx: &mut Ctx, inner: usize, outer: usize, kinds: &[Kind], rule: Rule) {
    if let (Some(i), Some(o)) = (ctx.entity(inner), ctx.entity(outer))
        && kinds.contains(&ctx.kind(i))
        && matches!(ctx.kind(o), Kind::Place | Kind::Country)
    {
        ctx.emit(i, Relation::LocatedIn, o, None, None, rule);
    }
}

/// What "-based" before mention `k` describes: `k` itself ("the Lima-based Condor
/// Bank"), or, when `k` is a word or two of what the holder does followed by a lowercase
/// noun, the name right after them ("the Irvine-based PC maker Gateway": Gateway).
fn based_holder(s: &Sentence, k: usize) -> usize {
    let m = &s.mentions[k];
    let lower = |j: usize| s.is_plain_word(j);
    let nouns = (m.end..m.end + 2).take_while(|&j| lower(j)).count();
    match s.tok_mention.get(m.end + nouns).copied().flatten() {
        Some(n)
            if nouns > 0
                && m.end - m.start <= 2
                && s.mentions[n].start == m.end + nouns
                && matches!(s.mentions[n].kind, MentionKind::Name(_)) =>
        {
            n
        }
        _ => k,
    }
}

/// "Stamford, Conn.-based Crane Co.": the town before the state whose abbreviation ends
/// in "-based" right before mention `k` (the state's own "located-in" is the comma
/// rule's).
fn based_after_state(s: &Sentence, k: usize) -> Option<usize> {
    let start = s.mentions[k].start;
    if start < 5 || s.word(start - 1) != "based" || s.tokens[start - 2].text != "-" {
        return None;
    }
    let mut j = start - 3;
    if s.tokens[j].is_punct(".") {
        j -= 1;
    }
    let state = s.tok_mention[j]?;
    let comma = s.mentions[state].start.checked_sub(1)?;
    if !s.tokens[comma].is_punct(",") || !s.is_place(state) {
        return None;
    }
    let town = s.tok_mention[comma.checked_sub(1)?]?;
    (s.mentions[town].end == comma).then_some(town)
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::test_util::triples;

    #[test]
    fn a_list_of_single_places_is_no_list_of_pairs() {
        let t = triples(
            "The soldiers had fought on the Mariupol, Donetsk, Kherson, Kharkiv, Luhansk and Sumy fronts.",
        );
        assert!(t.iter().all(|f| !f.contains("located-in")), "{t:?}");
        let t = triples(
            "They came from Arlington, Texas, Tulsa, Oklahoma, and Bowling Green, Kentucky.",
        );
        for fact in [
            "Arlington located-in Texas",
            "Tulsa located-in Oklahoma",
            "Bowling Green located-in Kentucky",
        ] {
            assert!(t.iter().any(|f| f == fact), "{fact}: {t:?}");
        }
    }

    #[test]
    fn a_saint_name_keeps_its_abbreviation() {
        let t = triples(
            "Keldar Health runs Tobey Hospital in Wareham, St. Luke's Hospital in New Bedford and a clinic.",
        );
        assert!(
            t.iter()
                .any(|f| f == "St. Luke's Hospital located-in New Bedford"),
            "{t:?}"
        );
        assert!(t.iter().all(|f| !f.ends_with(" St")), "{t:?}");
        assert_eq!(
            triples("The seminary is in St. Paul, Minnesota."),
            ["St. Paul located-in Minnesota"]
        );
    }

    #[test]
    fn based_describes_the_name_after_a_word_of_trade() {
        for (text, fact) in [
            (
                "He founded the Dunmouth-based PC maker Velonor.",
                "Velonor located-in Dunmouth",
            ),
            (
                "Shares of Lima-based Software maker Keldar Systems rose.",
                "Keldar Systems located-in Lima",
            ),
            (
                "Shares of Lima-based Condor Bank rose.",
                "Condor Bank located-in Lima",
            ),
        ] {
            let t = triples(text);
            assert!(t.iter().any(|f| f == fact), "{text}: {t:?}");
            assert_eq!(
                t.iter().filter(|f| f.contains("located-in")).count(),
                1,
                "{t:?}"
            );
        }
        // A title after the name is no word of trade.
        let t = triples("The Lima-based Condor Bank chairman Ana Soto said so.");
        assert!(
            t.iter().any(|f| f == "Condor Bank located-in Lima"),
            "{t:?}"
        );
    }

    #[test]
    fn possessive_and_in() {
        assert_eq!(
            triples("They met in Ukraine's Kharkiv region."),
            ["Kharkiv region located-in Ukraine"]
        );
        assert_eq!(
            triples("They met at the Rome Zoo in Italy."),
            ["Rome Zoo located-in Italy"]
        );
        assert!(triples("They met Ukraine's president.").is_empty());
        assert_eq!(
            triples("They met at Lima's Parque Zoo."),
            ["Parque Zoo located-in Lima"]
        );
        assert_eq!(
            triples("A study by the Lisbon-based Atlantic Institute appeared."),
            ["Atlantic Institute located-in Lisbon"]
        );
        // The words a sentence opens with are no part of the name after "-based".
        assert_eq!(
            triples("Shares of Lima-based Condor Bank rose."),
            ["Condor Bank located-in Lima"]
        );
    }

    #[test]
    fn a_name_at_which_something_happens_in_a_place_lies_in_it() {
        for (text, fact) in [
            (
                "General Ana Soto was honoured at Casa Rimac in Lima.",
                "Casa Rimac located-in Lima",
            ),
            (
                "The pair now lives at the Condor Research Base of Llama Breeding, in southern Peru's Cusco province.",
                "Condor Research Base of Llama Breeding located-in Cusco province",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // A person met in a place is no place.
        let t = triples("Ana Soto met Luis Rojas in Lima.");
        assert!(!t.iter().any(|f| f.contains("located-in")), "{t:?}");
    }

    #[test]
    fn the_capital_named_by_its_countrys_adjective_is_the_city() {
        for (text, fact) in [
            (
                "The Condor Museum in the Peruvian capital opened.",
                "Condor Museum located-in Lima",
            ),
            (
                "A plane landed at the Vnukovo Airport in the Russian capital on Saturday.",
                "Vnukovo Airport located-in Moscow",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // "the Spanish capital of Madrid" names the city itself.
        let t = triples("The Condor Zoo in the Spanish capital of Madrid opened.");
        assert!(t.contains(&"Madrid located-in Spain".to_string()), "{t:?}");
    }

    #[test]
    fn in_after_a_comma_and_past_a_countrys_possessive() {
        for (text, fact) in [
            (
                "The pandas live at the Lima Panda Base, in southwest Peru's Cusco province.",
                "Lima Panda Base located-in Cusco province",
            ),
            (
                "The Lima Zoo, in northern Peru, opened.",
                "Lima Zoo located-in Peru",
            ),
            (
                "The Lima Zoo in Peru's Cusco province opened.",
                "Lima Zoo located-in Cusco province",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // A person is in no place so.
        let t = triples("We met Ana Lind, in Lima, on Monday.");
        assert!(!t.iter().any(|f| f.starts_with("Ana Lind")), "{t:?}");
    }

    #[test]
    fn a_place_and_its_country_after_a_comma() {
        for (text, fact) in [
            (
                "The convoy reached Targu Mures, Romania, on May 24.",
                "Targu Mures located-in Romania",
            ),
            (
                "The general spoke in Zagan, western Poland.",
                "Zagan located-in Poland",
            ),
            (
                "The lions live at the Lionsrock Sanctuary, South Africa.",
                "Lionsrock Sanctuary located-in South Africa",
            ),
        ] {
            assert!(
                triples(text).contains(&fact.to_string()),
                "{text}: {:?}",
                triples(text)
            );
        }
        // A list of places is no containment.
        let t = triples("Troops went to Poland, Romania and Bulgaria.");
        assert!(t.iter().all(|f| !f.contains("located-in")), "{t:?}");
        let t = triples("The lions came from Aleppo, Mosul and Homs.");
        assert!(t.iter().all(|f| !f.contains("located-in")), "{t:?}");
    }

    #[test]
    fn datelines() {
        for (text, fact) in [
            (
                "WEST PALM BEACH, Fla. \u{2014} The new police chief was sworn in.",
                "West Palm Beach located-in Florida",
            ),
            (
                "AREQUIPA, Peru (AP) \u{2014} A new bridge opened on Monday.",
                "Arequipa located-in Peru",
            ),
            (
                "SPRINGFIELD, Ill. -- The council met on Monday.",
                "Springfield located-in Illinois",
            ),
            (
                "LIONSROCK BIG CAT SANCTUARY, South Africa \u{2014} Two lions arrived.",
                "Lionsrock Big Cat Sanctuary located-in South Africa",
            ),
            // A date after the state, or the state in brackets.
            (
                "Hanoi, Vietnam, September 15 - The ministers met.",
                "Hanoi located-in Vietnam",
            ),
            (
                "Kathmandu [Nepal], November 25 (ANI): The army got trucks.",
                "Kathmandu located-in Nepal",
            ),
        ] {
            // (A name the dateline writes in capitals may keep them.)
            let t: Vec<String> = triples(text).iter().map(|f| f.to_lowercase()).collect();
            assert!(t.contains(&fact.to_lowercase()), "{text}: {t:?}");
        }
        // A dateline with a date is no containment; nor is a later sentence.
        assert!(
            triples("MOSCOW, July 25 (Xinhua) -- Talks began.")
                .iter()
                .all(|f| !f.contains("located-in"))
        );
        let t = triples("Talks began. MOSCOW, Russia \u{2014} more talks.");
        assert!(
            t.iter().all(|f| !f.starts_with("Moscow located-in")),
            "{t:?}"
        );
    }

    #[test]
    fn a_dateline_may_name_its_state_by_postal_code() {
        for (text, fact) in [
            (
                "Elm Grove, IL (April 19, 2004) The board named a new chairman.",
                "Elm Grove located-in Illinois",
            ),
            (
                "DALLAS, TX \u{2014} Two hospital groups will merge.",
                "Dallas located-in Texas",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // A code is matched as written: "in" is no Indiana, nor "IN" opening prose.
        for text in [
            "WASHINGTON, in a move that surprised many \u{2014} the board met.",
            "WASHINGTON, IN a move that surprised many \u{2014} the board met.",
        ] {
            let t = triples(text);
            assert!(t.iter().all(|f| !f.contains("located-in")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_comma_place_before_and_a_verb() {
        let t = triples(
            "The koalas left the Lone Pine Koala Sanctuary, Brisbane, and travelled to Oslo.",
        );
        assert!(
            t.contains(&"Lone Pine Koala Sanctuary located-in Brisbane".to_string()),
            "{t:?}"
        );
        let t = triples("The lions came from Aleppo, Mosul, and Homs.");
        assert!(t.iter().all(|f| !f.contains("located-in")), "{t:?}");
    }

    #[test]
    fn a_state_abbreviation_is_the_state_and_a_shouted_dateline_takes_the_prose_name() {
        let t = triples("Troops from Fort Carson, Colo., will be deployed there.");
        assert!(
            t.contains(&"Fort Carson located-in Colorado".to_string()),
            "{t:?}"
        );
        let t = triples(
            "MONTGOMERY COUNTY, Md. (WJZ) \u{2014} The library in Montgomery County reopened.",
        );
        assert_eq!(t, ["Montgomery County located-in Maryland"]);
    }

    #[test]
    fn two_place_nouns_and_lists_after_a_plural_one() {
        for (text, facts) in [
            (
                "A unit will be deployed to Parnu, a port town in south-western Estonia.",
                &["Parnu located-in Estonia"][..],
            ),
            (
                "Chile sent aid to the cities of Tacna and Puno in Peru.",
                &["Tacna located-in Peru", "Puno located-in Peru"][..],
            ),
            (
                "It has plants in the towns of Kostanay, Rudny and Aksu in northern Kazakhstan.",
                &[
                    "Kostanay located-in Kazakhstan",
                    "Rudny located-in Kazakhstan",
                    "Aksu located-in Kazakhstan",
                ][..],
            ),
        ] {
            let t = triples(text);
            for fact in facts {
                assert!(t.contains(&fact.to_string()), "{fact}: {t:?}");
            }
        }
        // No place after the list: nothing.
        let t = triples("Chile sent aid to the cities of Tacna and Puno.");
        assert!(!t.iter().any(|f| f.contains("located-in")), "{t:?}");
    }

    #[test]
    fn appositions_and_place_nouns() {
        for (text, fact) in [
            (
                "The lions lived in Odessa, a southern city in Ukraine.",
                "Odessa located-in Ukraine",
            ),
            (
                "Ships called at Arica, a port in northern Chile.",
                "Arica located-in Chile",
            ),
            (
                "The minister arrived in Calder, capital of Ruritania, on Sunday.",
                "Calder located-in Ruritania",
            ),
            (
                "The minister arrived in Arica, port of northern Chile, on Sunday.",
                "Arica located-in Chile",
            ),
            (
                "The troops will land at the German port of Bremerhaven.",
                "Bremerhaven located-in Germany",
            ),
            (
                "She landed in Cambodia's second-biggest city Siem Reap.",
                "Siem Reap located-in Cambodia",
            ),
            (
                "Moscow sent goats to the city of Rason in North Korea.",
                "Rason located-in North Korea",
            ),
            (
                "The lions were taken from a zoo in Mosul in Iraq.",
                "Mosul located-in Iraq",
            ),
        ] {
            assert!(
                triples(text).contains(&fact.to_string()),
                "{text}: {:?}",
                triples(text)
            );
        }
    }

    #[test]
    fn a_copula_a_facility_noun_and_a_short_form_before_in() {
        for (text, fact) in [
            (
                "In 1990 Kelso was a small town in Odisha.",
                "Kelso located-in Odisha",
            ),
            (
                "Notably, Bram Park is a 40-hectare (99-acre) zoo and botanical garden in Odisha, India.",
                "Bram Park located-in Odisha",
            ),
            (
                "The Dorne Zoo is a private zoo in northern Ruritania.",
                "Dorne Zoo located-in Ruritania",
            ),
            (
                "Visitors came to the Kelso Museum, the oldest museum in Calder.",
                "Kelso Museum located-in Calder",
            ),
            (
                "The lions left the Dorne Zoological Park (DZP) in Kelso on Monday.",
                "Dorne Zoological Park located-in Kelso",
            ),
            (
                "The deal named the Bram Institute (BI), in Calder, as the host.",
                "Bram Institute located-in Calder",
            ),
        ] {
            assert!(
                triples(text).contains(&fact.to_string()),
                "{text}: {:?}",
                triples(text)
            );
        }
        // A person's post is no place; "the country" may be another than the last named.
        for text in [
            "Ana Lind is a lawyer in Calder.",
            "Tigers came from Chile. Hansda said a tiger was kept in the Bram Zoo, the highest zoo in the country, until 2007.",
        ] {
            assert!(
                !triples(text).iter().any(|t| t.contains("located-in Chile")
                    || t.starts_with("Ana Lind located-in")),
                "{text}: {:?}",
                triples(text)
            );
        }
    }

    #[test]
    fn a_list_of_towns_each_with_its_state_or_country() {
        for text in [
            "Plants in Marvale, Texas, and Dunrock, Kentucky, will close.",
            "Plants adding jobs include Toledo; Marvale, Tenn.; Dunrock, Ky.; and Oakrun, Ohio.",
            "Talks were held in Calder, Peru, and Brenmoor, Chile.",
        ] {
            let t = triples(text);
            let pairs = t.iter().filter(|f| f.contains(" located-in ")).count();
            assert!(pairs >= 2, "{text}: {t:?}");
        }
        let t = triples(
            "Plants adding jobs include Toledo; Marvale, Tenn.; Dunrock, Ky.; and Oakrun, Ohio.",
        );
        for fact in [
            "Marvale located-in Tennessee",
            "Dunrock located-in Kentucky",
            "Oakrun located-in Ohio",
        ] {
            assert!(t.contains(&fact.to_string()), "{fact}: {t:?}");
        }
        // A list of places with no region after each: no containment.
        assert!(triples("Troops went to Lima, Quito and Bogota.").is_empty());
    }

    #[test]
    fn a_town_no_lexicon_knows_owns_its_institutions() {
        for (text, fact) in [
            (
                "The bears came from Seattle's Woodland Park Zoo.",
                "Woodland Park Zoo located-in Seattle",
            ),
            (
                "Ana Lind, a curator from Seattle's Woodland Park Zoo, said the bears were fine.",
                "Woodland Park Zoo located-in Seattle",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // A person's possessive locates nothing.
        assert!(
            !triples("The bears came from Ana Lind's Woodland Park Zoo.")
                .iter()
                .any(|t| t.contains("located-in"))
        );
    }

    #[test]
    fn a_company_abbreviation_and_a_participle_of_place() {
        let t = triples("Brantor Corp., based in Calder, Peru, said it would hire 400 workers.");
        for fact in [
            "Brantor Corp located-in Calder",
            "Calder located-in Peru",
            "Brantor Corp stated It would hire 400 workers",
        ] {
            assert!(t.contains(&fact.to_string()), "{fact}: {t:?}");
        }
        assert_eq!(
            triples("Brantor Corp. is headquartered in Calder."),
            ["Brantor Corp located-in Calder"]
        );
    }

    #[test]
    fn an_apposition_naming_a_place_noun_of_an_owner() {
        for (text, fact) in [
            (
                "The troops arrived in Calder, Peru's largest city.",
                "Calder located-in Peru",
            ),
            (
                "Talks opened in Brenmoor, Chile's second-largest port, on Monday.",
                "Brenmoor located-in Chile",
            ),
            (
                "The envoy spoke in Tarvik, Norway's northernmost town and a fishing hub.",
                "Tarvik located-in Norway",
            ),
        ] {
            assert!(
                triples(text).contains(&fact.to_string()),
                "{text}: {:?}",
                triples(text)
            );
        }
        // A person described by a country's superlative is no place in it.
        for text in [
            "Lena Vint, Peru's largest landowner, spoke.",
            "The envoy met Lena Vint, Peru's best-known city planner.",
        ] {
            assert!(
                !triples(text).iter().any(|t| t.contains("located-in")),
                "{text}: {:?}",
                triples(text)
            );
        }
    }

    #[test]
    fn a_country_s_facilities_are_located_in_it_its_bodies_are_members() {
        let t =
            triples("The marmosets came from Peru's Parque Zoo, Peru's Ministry of Defence said.");
        assert!(
            t.contains(&"Parque Zoo located-in Peru".to_string()),
            "{t:?}"
        );
        assert!(
            !t.contains(&"Parque Zoo member-of Peru".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"Ministry of Defence member-of Peru".to_string()),
            "{t:?}"
        );
        let t = triples("Two buses left Lima's Callao Prison on Saturday.");
        assert!(
            t.contains(&"Callao Prison located-in Lima".to_string()),
            "{t:?}"
        );
        let t = triples("The Chilean Santiago Museum lent two paintings.");
        assert!(
            t.contains(&"Chilean Santiago Museum located-in Chile".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_weekday_after_a_name_is_no_part_of_it() {
        let t = triples(
            "Arnold was booked into the Tacna County Jail Tuesday. Lima's Tacna County Jail is old.",
        );
        assert!(
            t.contains(&"Tacna County Jail located-in Lima".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("Tuesday")), "{t:?}");
    }

    #[test]
    fn a_town_and_its_region_after_a_comma() {
        for (text, fact) in [
            (
                "The factory opened in Marvale, Karnataka.",
                "Marvale located-in Karnataka",
            ),
            (
                "Talks were held in Dunrock, Henan, on Monday.",
                "Dunrock located-in Henan",
            ),
            (
                "Police in Oakrun Vale, Tamil Nadu, arrested two men.",
                "Oakrun Vale located-in Tamil Nadu",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // "and" opening a clause ends the pair.
        let t = triples("The zebras came from Marvale, Karnataka and they are young.");
        assert!(
            t.contains(&"Marvale located-in Karnataka".to_string()),
            "{t:?}"
        );
        let t = triples("Plants in Marvale, Karnataka, and Dunrock, Henan, will close.");
        for fact in ["Marvale located-in Karnataka", "Dunrock located-in Henan"] {
            assert!(t.contains(&fact.to_string()), "{fact}: {t:?}");
        }
        // A list of places, regions among them, is no containment.
        for text in [
            "Troops went to Bremen, Hamburg and Kiel.",
            "The delegates came from Henan, Hubei and Hunan.",
            "Floods hit Marvale, Karnataka and Kerala.",
            "Floods hit Marvale, Karnataka and other states.",
            "Troops went to Poland, Romania and other countries.",
        ] {
            let t = triples(text);
            assert!(t.iter().all(|f| !f.contains("located-in")), "{text}: {t:?}");
        }
        // A person described by a region's possessive is no place in it.
        let t = triples("Ana Lind, Karnataka's chief minister, opened the dam.");
        assert!(t.iter().all(|f| !f.contains("located-in")), "{t:?}");
    }

    #[test]
    fn a_regions_possessive_and_a_place_in_a_region() {
        for (text, fact) in [
            (
                "The bridge in Bihar's Marvale collapsed.",
                "Marvale located-in Bihar",
            ),
            (
                "The pandas went to Sichuan's Dunrock Panda Base.",
                "Dunrock Panda Base located-in Sichuan",
            ),
            (
                "The zoo in Oakrun Vale in Tamil Nadu reopened.",
                "Oakrun Vale located-in Tamil Nadu",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // The gazetteer knows which country a region is in, but the text does not say
        // it: no fact.
        let t = triples("The factory opened in Marvale, Karnataka.");
        assert!(!t.iter().any(|f| f.contains("India")), "{t:?}");
    }

    #[test]
    fn a_place_before_institutions_in_the_plural_names_theirs() {
        for text in [
            "Posts of VCs in Tamil Nadu universities were filled.",
            "Keepers in Peru zoos were trained.",
        ] {
            let t = triples(text);
            assert!(t.iter().all(|f| !f.contains("located-in")), "{text}: {t:?}");
        }
        let t = triples("The Marvale Zoo in Tamil Nadu reopened.");
        assert!(
            t.contains(&"Marvale Zoo located-in Tamil Nadu".to_string()),
            "{t:?}"
        );
    }
}
