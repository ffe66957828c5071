//! Roles and membership: who leads what, what belongs to which country.
//!
//! * `title-country`: "Russian President X", "Chile's Foreign Minister X", "President
//!   of Chile X" → X leads (or is a member of) the country, as the title lexicon says;
//! * `title-of`: "Minister of Culture X", "X, the General Director of Y" → X leads Y;
//! * `org-title`: "Kremlin spokesman X" → X is a member of (or leads) the Kremlin;
//!   "Austin Fire Chief X" → X leads the Austin Fire Department, "Polk County Sheriff X"
//!   the Polk County Sheriff's Office, each a member of the place named before the title
//!   (as "El Paso County Attorney X" is);
//! * `adjective-institution`: "the Russian Ministry of …" → the ministry is a member
//!   of Russia;
//! * `demonym-group`: "North Korean troops" → member of North Korea;
//! * `descriptor-apposition`: "Russian news agency, TASS" → TASS is a member of Russia;
//! * `possessive-member`: "Russia's Pacific Fleet" → member of Russia, "Gazprom's
//!   exploration wing Gazprom Burenie" → member of Gazprom;
//! * `organisation-group`: "NATO troops" → member of NATO;
//! * `head-verb`: "X heads Y", "X, who runs Y" → X leads Y;
//! * `country-in-brackets`: "Lee Han-gon (South Korea)" → a member of South Korea.

use super::table::Rule;
use super::{Ctx, Sentence};
use crate::extract::lexicon::{
    self, CountryForm, Family, RoleLink, STATE_HEADS, STATE_MODIFIERS, lexicons,
};
use crate::extract::mentions::{MentionKind, portfolio_name};
use crate::extract::tokens::TokKind;
use crate::model::{Kind, Relation};

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    let from = ctx.facts.len();
    // "X will head Y": a decided post counts, as a decided transfer does.
    for i in ctx.triggers(Family::Lead) {
        if s.is_verb_use(i) && !s.is_blocked_transfer(i) {
            head_verb(ctx, i);
        }
    }
    for j in 0..s.tokens.len() {
        if s.word(j) == "counterpart" {
            counterpart(ctx, j);
        }
        // "will become the 15th president": a decided post counts, as a decided transfer.
        if APPOINT.contains(&s.word(j)) && s.is_verb_use(j) && !s.is_blocked_transfer(j) {
            appointed(ctx, j);
        }
        if JOIN.contains(&s.word(j)) && s.is_verb_use(j) && !s.is_blocked_transfer(j) {
            joined(ctx, j);
        }
        appointment_of(ctx, j);
        if s.word(j) == "members" {
            members_include(ctx, j);
        }
        seat_list(ctx, j);
        if SUCCEED.contains(&s.word(j)) && s.is_verb_use(j) {
            if !s.is_blocked_transfer(j) {
                succeeded(ctx, j);
            }
            // "appointed A to replace chief executive Z": the choosing verb decides.
            appointed_to_succeed(ctx, j);
        }
    }
    for k in 0..s.mentions.len() {
        member_apposition(ctx, k);
        members_such_as(ctx, k);
        affiliation(ctx, k);
        country_in_brackets(ctx, k);
        nationality_noun(ctx, k);
        possessive_member(ctx, k);
        unit_at(ctx, k);
        comprises(ctx, k);
        match s.mentions[k].kind {
            MentionKind::Title { title, of, field } => {
                // "president and chief executive of Y": the titles share the body.
                let (of, field) = match (of, shared_body(s, k)) {
                    (None, Some((o, f))) => (Some(o), f),
                    _ => (of, field),
                };
                title_rules(ctx, k, title, of, field);
            }
            MentionKind::Name(Some(Kind::Institution)) => {
                if let Some(c) = s.mentions[k].nationality.or_else(|| adjacent_country(s, k)) {
                    member(ctx, k, c, Rule::AdjectiveInstitution);
                }
            }
            MentionKind::Group(Some(_)) if !s.near_modality(k) && !s.mentions[k].weak => {
                if let Some(e) = ctx.entity(k)
                    && let Some(c) = country_entity(ctx, s.mentions[k].country())
                {
                    ctx.emit(e, Relation::MemberOf, c, None, None, Rule::DemonymGroup);
                }
            }
            MentionKind::Group(None) if !s.near_modality(k) => {
                // "NATO troops" → member of NATO.
                if let Some(o) = s.mentions[k].owner
                    && let (Some(g), Some(org)) = (ctx.entity(k), ctx.entity(o))
                {
                    ctx.resolved.entities[org].kind = Kind::Institution;
                    ctx.emit(
                        g,
                        Relation::MemberOf,
                        org,
                        None,
                        None,
                        Rule::OrganisationGroup,
                    );
                }
            }
            MentionKind::Descriptor(Some(c)) => descriptor(ctx, k, c),
            _ => {}
        }
    }
    // "chairman of the Board of Y": the head of a board leads the body whose board it is
    // (`eval/README.md`), when the article names that body.
    let heads: Vec<(usize, usize, Rule)> = ctx.facts[from..]
        .iter()
        .filter(|f| f.relation == Relation::Leads)
        .map(|f| (f.subject, f.object, f.rule))
        .collect();
    for (person, board, rule) in heads {
        if let Some(owner) = board_owner(ctx, board) {
            ctx.emit(person, Relation::Leads, owner, None, None, rule);
        }
    }
}

/// The last word of a court's name before "Judge": "U.S. District Judge X".
const COURT_LEVELS: [&str; 5] = ["District", "Circuit", "Superior", "Bankruptcy", "Appeals"];

/// The words a company board's name calls its members: "Board of Directors".
const BOARD_MEMBERS: [&str; 3] = ["directors", "management", "supervisors"];

/// The company whose board entity `board` is: "Board of Directors of Y", "Board of
/// Management of Y", "Board of Y", "Y Board of Directors", "Y Board". Only an institution
/// the article names by that name, or by it plus a company word ("Y Corporation"), and no
/// school: a university's regents or trustees are a board of their own, whose chair does
/// not run the university (`eval/README.md`).
fn board_owner(ctx: &Ctx, board: usize) -> Option<usize> {
    let name = &ctx.resolved.entities[board].name;
    let owner = if let Some(rest) = name.strip_prefix("Board of ") {
        match rest.split_once(' ') {
            Some((members, tail)) if BOARD_MEMBERS.contains(&members.to_lowercase().as_str()) => {
                tail.strip_prefix("of ")?
            }
            _ => rest,
        }
    } else {
        let (owner, tail) = name.rsplit_once(" Board")?;
        let tail = tail.trim_start_matches(" of ").to_lowercase();
        (tail.is_empty() || BOARD_MEMBERS.contains(&tail.as_str())).then_some(owner)?
    };
    let owner = owner.trim_start_matches("the ");
    if owner.is_empty() || owner.split(' ').count() > 4 {
        return None;
    }
    let company = |n: &str| {
        n.strip_prefix(owner)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| COMPANY_WORDS.contains(&r.trim_end_matches('.')))
    };
    let school = |n: &str| {
        n.split(' ').any(|w| {
            matches!(
                w,
                "University" | "College" | "School" | "Schools" | "Academy"
            )
        })
    };
    let mut found = ctx.resolved.entities.iter().enumerate().filter(|&(e, d)| {
        e != board
            && d.kind == Kind::Institution
            && !school(&d.name)
            && (d.name == owner || d.aliases.contains(owner) || company(&d.name))
    });
    let first = found.next()?.0;
    found.next().is_none().then_some(first)
}

/// Words that close a company's name after its own: "Chemtura Corporation".
const COMPANY_WORDS: [&str; 10] = [
    "Corporation",
    "Corp",
    "Inc",
    "Incorporated",
    "Company",
    "Co",
    "Ltd",
    "Limited",
    "AG",
    "plc",
];

/// For title mention `k` with no body of its own, the body and field of a title right
/// after "and" that has one: "president and chief executive of Y", "CEO and chairman of
/// the board of Y".
fn shared_body(s: &Sentence, k: usize) -> Option<(usize, bool)> {
    let end = s.mentions[k].end;
    if s.word(end) != "and" {
        return None;
    }
    let next = s.tok_mention.get(end + 1).copied().flatten()?;
    match s.mentions[next].kind {
        MentionKind::Title {
            of: Some(o), field, ..
        } if s.mentions[next].start == end + 1 => Some((o, field)),
        _ => None,
    }
}

/// `possessive-member`: "Russia's Pacific Fleet", "Luxembourg's Jean Asselborn",
/// "Gazprom's exploration wing Gazprom Burenie": what a country's or a named
/// institution's possessive names is a member of it.
fn possessive_member(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    let Some(country) = possessor(ctx, k).filter(|_| s.possessive(k)) else {
        return;
    };
    let described = described_body(s, k);
    let next = described.or_else(|| s.mention_from(s.mentions[k].end + 1));
    if let Some(next) = next
        && let Some(o) = ctx.entity(next)
        && !matches!(s.mentions[next].kind, MentionKind::Group(Some(_)))
        && let Some(c) = ctx.entity(k)
    {
        let between = s.mentions[k].end + 1..s.mentions[next].start;
        let described = described.is_some();
        if described {
            ctx.resolved.entities[o].kind = Kind::Institution;
        }
        // "Luxembourg's Jean Asselborn": a person the country's possessive
        // names is one of its people (the guideline: a stated possessive
        // gives member-of).
        // Not a name that modifies a noun after it ("Syria's Magic World
        // amusement park").
        let modifier = s
            .tokens
            .get(s.mentions[next].end)
            .is_some_and(|t| t.is_lower_word() && !lexicons().is_verb(t.lower.as_ref()));
        let person = ctx.kind(o) == Kind::Person && !modifier;
        // "England's Banham Zoo": a facility is located in the country
        // (`possessive-place`), no member of it; an institution's facility
        // is one of its units ("the Smithsonian Institution's National
        // Zoological Park").
        let body = match ctx.kind(o) {
            Kind::Institution => {
                !country || !crate::extract::lexicon::is_facility(&ctx.resolved.entities[o].name)
            }
            Kind::Group => true,
            _ => person,
        };
        if described || (between.is_empty() && body) {
            ctx.emit(o, Relation::MemberOf, c, None, None, Rule::PossessiveMember);
        }
    }
}

/// "Russia's state-run arms exporter Rosoboronexport", "Gazprom's oil and gas
/// exploration wing Gazprom Burenie": the name after mention `k`'s possessive and one to
/// six lowercase words (or things: "oil") ending in an organisation noun, which names
/// that organisation.
fn described_body(s: &Sentence, k: usize) -> Option<usize> {
    let first = s.mentions[k].end + 1;
    let mut at = first;
    while at < s.tokens.len() && at < first + 6 {
        let thing = s.tok_mention[at].is_some_and(|m| s.mentions[m].kind == MentionKind::Thing);
        if !(thing || s.tokens[at].is_lower_word() || s.tokens[at].is_punct("-")) {
            break;
        }
        at += 1;
    }
    let next = s.tok_mention.get(at).copied().flatten()?;
    (at > first
        && s.mentions[next].start == at
        && matches!(s.mentions[next].kind, MentionKind::Name(_))
        && lexicon::is_organisation_noun(s.word(at - 1)))
    .then_some(next)
}

/// Whether mention `k` can own members with its possessive: `Some(true)` for a
/// country, `Some(false)` for a named institution ("Gazprom's", "the Smithsonian
/// Institution's"), `None` for anything else.
fn possessor(ctx: &Ctx, k: usize) -> Option<bool> {
    match ctx.sentence.mentions[k].kind {
        MentionKind::Country(_) => Some(true),
        MentionKind::Name(_) => ctx
            .entity(k)
            .is_some_and(|e| ctx.kind(e) == Kind::Institution)
            .then_some(false),
        _ => None,
    }
}

/// Verbs that give a post: "Y named X its new CEO", "X was appointed director of Y",
/// "X will become president of Y".
const APPOINT: [&str; 17] = [
    "named",
    "names",
    "appointed",
    "appoints",
    "hired",
    "hires",
    "selected",
    "selects",
    "tapped",
    "picked",
    "chose",
    "chosen",
    "elected",
    "become",
    "becomes",
    "became",
    "confirmed",
];

/// `appointed`: the post a verb of appointment gives. Active, "Y named X (as) (its)
/// (new) TITLE": X holds the title in Y, the institution before the verb (or the one the
/// title names with "of"). Passive or with "become", "X was appointed (the) TITLE of Y",
/// "X will become the 15th president of Y": X, the person before the verb.
fn appointed(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let person_kind = |ctx: &Ctx, m: usize| {
        matches!(s.mentions[m].kind, MentionKind::Name(_))
            && ctx.entity(m).is_some_and(|e| ctx.kind(e) == Kind::Person)
    };
    let in_clause = |m: usize| s.clause.get(s.mentions[m].start) == s.clause.get(i);
    // "X was formally elected": past one adverb in "-ly" after the auxiliary.
    let aux = if i > 1 && s.word(i - 1).ends_with("ly") && s.tok_mention[i - 1].is_none() {
        i - 2
    } else {
        i.wrapping_sub(1)
    };
    let passive = i > 0
        && (matches!(s.word(aux), "was" | "is" | "been" | "be" | "being")
            || matches!(s.word(i), "become" | "becomes" | "became"));
    // The person: the subject before a passive (or "become"), else the first person
    // named after the verb ("named Disney Parks chairman Bob Chapek as CEO").
    let person = if passive {
        s.subjects_before(i)
            .into_iter()
            .find(|&m| person_kind(ctx, m))
    } else {
        // Not a name whose title belongs to the next name: "named Disney Parks chairman
        // Bob Chapek as CEO" appoints Bob Chapek.
        let owns_next_title = |m: usize| {
            s.tok_mention
                .get(s.mentions[m].end)
                .copied()
                .flatten()
                .is_some_and(|t| {
                    matches!(s.mentions[t].kind, MentionKind::Title { .. })
                        && s.tok_mention
                            .get(s.mentions[t].end)
                            .copied()
                            .flatten()
                            .is_some_and(|n| matches!(s.mentions[n].kind, MentionKind::Name(_)))
                })
        };
        (0..s.mentions.len()).find(|&m| {
            s.mentions[m].start > i
                && s.mentions[m].start <= i + 6
                && in_clause(m)
                && person_kind(ctx, m)
                && !owns_next_title(m)
        })
    };
    let Some(person) = person else { return };
    // The title: after the person (active) or the verb (passive), past "as", "its",
    // "the", "new", "next", "first" and ordinals.
    let k = if passive {
        i + 1
    } else {
        s.mentions[person].end
    };
    let k = past_standing(s, k + usize::from(s.word(k) == "as"));
    let Some(t) = s.tok_mention.get(k).copied().flatten() else {
        return;
    };
    let MentionKind::Title { title, of, field } = s.mentions[t].kind else {
        return;
    };
    if s.mentions[t].start != k {
        return;
    }
    let rel = match lexicons().titles[title].with_of {
        RoleLink::Leads if field => Relation::MemberOf,
        RoleLink::Leads => Relation::Leads,
        RoleLink::Member => Relation::MemberOf,
        RoleLink::Nothing => return,
    };
    // The body: the title's "of" part, else (active) the institution before the verb.
    let body = match of {
        Some(o) => ctx.entity(o),
        None if !passive => s
            .subjects_before(i)
            .into_iter()
            .chain(
                (0..s.mentions.len())
                    .rev()
                    .filter(|&m| s.mentions[m].end <= i && in_clause(m)),
            )
            .find_map(|m| ctx.entity(m).filter(|&e| ctx.kind(e) == Kind::Institution))
            .or_else(|| appointing_body(ctx, i)),
        None => None,
    };
    let (Some(body), Some(p)) = (body, ctx.entity(person)) else {
        return;
    };
    ctx.emit(p, rel, body, None, None, Rule::Appointed);
}

/// "Orbex Mining named X chief executive": a name no lexicon types, right before an
/// active verb of appointment and not typed a person by the name typer, names the body
/// that appoints; it is typed an institution.
fn appointing_body(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let s = ctx.sentence;
    let m = s.tok_mention[i.checked_sub(1)?]?;
    let not_person = s.mentions[m].name_scores.is_some_and(|v| {
        crate::extract::typer::Guess::of(v).name_type != crate::extract::typer::NameType::Person
    });
    // Not one word ("Lind", a person's short name), nor a name after a title
    // ("President Ana Lind named …").
    if s.mentions[m].kind != MentionKind::Name(None)
        || !not_person
        || s.possessive(m)
        || !s.mentions[m].name.contains(' ')
        || s.phrase_start(m) != s.mentions[m].start
    {
        return None;
    }
    let e = ctx.entity(m)?;
    // Nor a name the article writes longer elsewhere.
    if ctx.kind(e) != Kind::Person || ctx.resolved.entities[e].name != s.mentions[m].name {
        return None;
    }
    ctx.resolved.entities[e].kind = Kind::Institution;
    Some(e)
}

/// Verbs of joining a body: "X joined Y", "Finland joins NATO".
const JOIN: [&str; 3] = ["join", "joins", "joined"];

/// Verbs of taking a post from someone: "X succeeds Z as chairman of Y".
const SUCCEED: [&str; 6] = [
    "succeed",
    "succeeds",
    "succeeded",
    "replace",
    "replaces",
    "replaced",
];

/// Words between a post's verb (or "as") and the title: "its new", "the 15th", "the
/// first permanent".
const TITLE_LEAD_INS: [&str; 18] = [
    "the",
    "its",
    "their",
    "his",
    "her",
    "a",
    "an",
    "new",
    "next",
    "first",
    "longtime",
    "long-time",
    "outgoing",
    "permanent",
    "sole",
    "lone",
    "interim",
    "acting",
];

/// Adverbs of time between a copula and a post: "is also", "was previously".
const COPULA_ADVERBS: [&str; 9] = [
    "also",
    "now",
    "currently",
    "presently",
    "previously",
    "formerly",
    "still",
    "once",
    "already",
];

/// Token `k`, past words that lead in to a title ("as its new chief executive", "named
/// X the 15th president"), none of them inside a mention.
/// "15th", "20th": an ordinal written in digits.
fn is_ordinal(w: &str) -> bool {
    w.ends_with("th") && w.starts_with(|c: char| c.is_ascii_digit())
}

fn past_standing(s: &Sentence, mut k: usize) -> usize {
    while s.tok_mention.get(k).is_some_and(Option::is_none)
        && (TITLE_LEAD_INS.contains(&s.word(k)) || is_ordinal(s.word(k)))
    {
        k += 1;
    }
    k
}

/// The relation a title gives its holder in the body it names: `leads` or `member-of`
/// as the title lexicon says (a title with a field of work is a membership), none for
/// titles that give nothing.
fn title_relation(title: usize, field: bool) -> Option<Relation> {
    match lexicons().titles[title].with_of {
        RoleLink::Leads if field => Some(Relation::MemberOf),
        RoleLink::Leads => Some(Relation::Leads),
        RoleLink::Member => Some(Relation::MemberOf),
        RoleLink::Nothing => None,
    }
}

/// The title mention starting at token `k` ("as chief executive of Y", "as Y's chairman"):
/// the relation it gives and the body it names, if both are there.
fn post_at(ctx: &Ctx, k: usize) -> Option<(Relation, usize)> {
    let s = ctx.sentence;
    let m = s.tok_mention.get(k).copied().flatten()?;
    if s.mentions[m].start != k {
        return None;
    }
    match s.mentions[m].kind {
        MentionKind::Title { title, of, field } => {
            let body = ctx.entity(of?)?;
            Some((title_relation(title, field)?, body))
        }
        // "as Y's chairman", "as Y Corp.'s chairman": the owner of the title is its body.
        MentionKind::Name(_) => {
            let end = s.mentions[m].end;
            let poss = end + usize::from(s.tokens.get(end).is_some_and(|t| t.is_punct(".")));
            if s.tokens.get(poss)?.kind != TokKind::Possessive {
                return None;
            }
            // "as Y's 16th president": past the title's ordinal.
            let t = s
                .tok_mention
                .get(past_standing(s, poss + 1))
                .copied()
                .flatten()?;
            let MentionKind::Title {
                title,
                of: None,
                field,
            } = s.mentions[t].kind
            else {
                return None;
            };
            let body = ctx
                .entity(m)
                .filter(|&e| ctx.kind(e) == Kind::Institution)?;
            Some((title_relation(title, field)?, body))
        }
        _ => None,
    }
}

/// Verbs that oppose, or only seek, an appointment named after them.
const OPPOSE: [&str; 16] = [
    "oppose",
    "opposes",
    "opposed",
    "opposing",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "block",
    "blocks",
    "blocked",
    "challenge",
    "challenges",
    "challenged",
    "seek",
    "sought",
];

/// Nouns of a decided appointment: "the appointment of X as president of Y".
const APPOINTMENT_NOUNS: [&str; 4] = ["appointment", "election", "selection", "hiring"];

/// "approved the appointment of X as Y's 16th president", "the election of X as
/// chairman of Y": X holds the post the title gives in its body; not a proposed or
/// possible one.
fn appointment_of(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    if !APPOINTMENT_NOUNS.contains(&s.word(i))
        || s.word(i + 1) != "of"
        || i.checked_sub(1)
            .is_some_and(|j| matches!(s.word(j), "proposed" | "possible" | "potential"))
    {
        return;
    }
    // "opposes the appointment of X", "asked it to approve the appointment of X": the
    // verb governing the noun must not oppose it, nor be only asked for.
    let verb = i.saturating_sub(1 + usize::from(s.word(i.wrapping_sub(1)) == "the"));
    if OPPOSE.contains(&s.word(verb)) || s.word(verb.wrapping_sub(1)) == "to" {
        return;
    }
    // "of Dr. X": past an honorific.
    let Some(m) = s.mention_from(i + 2).filter(|&m| {
        (i + 2..s.mentions[m].start).all(|k| {
            s.tokens[k].is_punct(".") || crate::model::name::HONORIFICS.contains(&s.word(k))
        })
    }) else {
        return;
    };
    // "of X, provost of Z, as …": past the person's apposition.
    let end = s.mentions[m].end;
    let as_at = if s.tokens.get(end).is_some_and(|t| t.is_punct(",")) {
        (end + 2..s.tokens.len().min(end + 30))
            .find(|&j| s.word(j) == "as" && s.tokens[j - 1].is_punct(","))
    } else {
        (s.word(end) == "as").then_some(end)
    };
    let Some(as_at) = as_at else {
        return;
    };
    let Some(person) = named_person(ctx, m) else {
        return;
    };
    let Some((rel, body)) = post_at(ctx, past_standing(s, as_at + 1)) else {
        return;
    };
    ctx.emit(person, rel, body, None, None, Rule::Appointed);
}

/// `joined`: "X joined Y in 2001", "Finland joined NATO", "UK troops joined the UN
/// mission": X (a person, country, institution or group) is a member of institution
/// Y; "X will join Y as chief financial officer" gives the post the title says.
fn joined(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let at = i + 1 + usize::from(s.word(i + 1) == "the");
    let Some(o) = s
        .tok_mention
        .get(at)
        .copied()
        .flatten()
        .filter(|&m| s.mentions[m].start == at && !s.possessive(m))
    else {
        return;
    };
    let Some(body) = ctx.entity(o).filter(|&e| ctx.kind(e) == Kind::Institution) else {
        return;
    };
    let Some(x) = s.subjects_before(i).into_iter().find_map(|m| {
        ctx.entity(m).filter(|&e| {
            e != body
                && matches!(
                    ctx.kind(e),
                    Kind::Person | Kind::Country | Kind::Institution | Kind::Group
                )
        })
    }) else {
        return;
    };
    // "… as chief financial officer": the title's link, for this body ("Y Corp. as …":
    // past the abbreviation's period).
    let end = s.mentions[o].end;
    let end = end + usize::from(s.word(end) == "." && s.word(end + 1) == "as");
    let rel = if s.word(end) == "as" {
        let k = past_standing(s, end + 1);
        match s
            .tok_mention
            .get(k)
            .copied()
            .flatten()
            .map(|t| s.mentions[t].kind)
        {
            Some(MentionKind::Title {
                title,
                of: None,
                field,
            }) => {
                let Some(rel) = title_relation(title, field) else {
                    return;
                };
                rel
            }
            _ => Relation::MemberOf,
        }
    } else {
        Relation::MemberOf
    };
    ctx.emit(x, rel, body, None, None, Rule::Joined);
}

/// The person mention `m` names, when it is a name (not a title or a pronoun).
fn named_person(ctx: &Ctx, m: usize) -> Option<usize> {
    matches!(ctx.sentence.mentions[m].kind, MentionKind::Name(_))
        .then(|| ctx.entity(m))
        .flatten()
        .filter(|&e| ctx.kind(e) == Kind::Person)
}

/// `succeeded`: "X succeeds Z as chairman of Y", "X will replace Z as Y's chief
/// executive": X and Z both hold the post in Y (Z until now).
fn succeeded(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let Some(z) = s
        .tok_mention
        .get(i + 1)
        .copied()
        .flatten()
        .filter(|&m| s.mentions[m].start == i + 1)
    else {
        return;
    };
    let Some(before) = named_person(ctx, z) else {
        return;
    };
    if s.word(s.mentions[z].end) != "as" {
        return;
    }
    let Some((rel, body)) = post_at(ctx, past_standing(s, s.mentions[z].end + 1)) else {
        return;
    };
    let Some(after) = s
        .subjects_before(i)
        .into_iter()
        .find_map(|m| named_person(ctx, m).filter(|&e| e != before))
    else {
        return;
    };
    ctx.emit(after, rel, body, None, None, Rule::Succeeded);
    ctx.emit(before, rel, body, None, None, Rule::Succeeded);
}

/// "Y appointed A to replace chief executive Z", "Y will nominate A to succeed Chairman
/// Z" (the verb of taking the post at `i`): Z, named after a title of no body, holds the
/// post in Y, the body that chooses; A holds it too when the choice is made, not only
/// proposed.
fn appointed_to_succeed(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let Some(t) = s.mention_from(past_standing(s, i + 1)) else {
        return;
    };
    let MentionKind::Title {
        title,
        of: None,
        field,
    } = s.mentions[t].kind
    else {
        return;
    };
    let Some(rel) = title_relation(title, field) else {
        return;
    };
    let Some(before) = s
        .mention_from(s.mentions[t].end)
        .and_then(|z| named_person(ctx, z))
    else {
        return;
    };
    // "… A to replace": A's mention ends at "to", and a verb of choosing comes before A.
    if i < 3 || s.word(i - 1) != "to" {
        return;
    }
    // "… Peter Lind, 66, to succeed": past the age.
    let last = if i >= 5 && s.tokens[i - 2].is_punct(",") && s.is_age(i - 3) {
        i - 5
    } else {
        i - 2
    };
    let Some(a) = s.tok_mention[last] else { return };
    let Some(after) = named_person(ctx, a) else {
        return;
    };
    // The verb right before A's phrase, or one describing word before ("nominate
    // independent director A").
    let start = s.phrase_start(a);
    let Some(verb) = (start.saturating_sub(2)..start).rev().find(|&v| {
        (APPOINT.contains(&s.word(v)) || PROPOSE.contains(&s.word(v)))
            && (v + 1..start).all(|k| s.tokens[k].is_lower_word())
    }) else {
        return;
    };
    // The chooser: the verb's subject when it is named, or for "it" in "Y said it has
    // …", the body that opens the sentence, never the last body "it" would stand for
    // ("the company said it would" after "the Bancroft family" is not the family).
    let named = |m: usize| s.tokens[s.mentions[m].start].is_capitalised();
    let opening = s.mention_from(0).filter(|&m| s.phrase_start(m) == 0);
    let Some(body) = s
        .subjects_before(verb)
        .into_iter()
        .filter_map(|m| {
            if s.mentions[m].kind == MentionKind::Pronoun {
                opening
            } else {
                Some(m).filter(|&m| named(m))
            }
        })
        .filter_map(|m| ctx.entity(m))
        .find(|&e| ctx.kind(e) == Kind::Institution)
    else {
        return;
    };
    ctx.emit(before, rel, body, None, None, Rule::Succeeded);
    if APPOINT.contains(&s.word(verb)) && !s.is_blocked_transfer(verb) {
        ctx.emit(after, rel, body, None, None, Rule::Succeeded);
    }
}

/// Verbs of proposing someone for a post, which do not give it yet.
const PROPOSE: [&str; 5] = ["nominate", "nominated", "nominates", "propose", "proposed"];

/// The only institution of the article named a ministry of `topic` ("defence" →
/// "Dutch Ministry of Defence", "Defence Ministry"; "foreign" → "Foreign Ministry",
/// "Ministry of Foreign Affairs"); none when there are two.
fn topic_ministry(ctx: &Ctx, topic: &str) -> Option<usize> {
    let topic = match topic {
        "defense" => "defence",
        t => t,
    };
    only_institution(ctx, |name| {
        let lower = name.to_lowercase().replace("defense", "defence");
        lower.split_whitespace().any(|w| w == "ministry")
            && lower.split_whitespace().any(|w| w == topic)
    })
}

/// The only institution of the article whose name has the word `cue` ("institute" →
/// "Igarape Institute"); none when there are two.
fn named_institution(ctx: &Ctx, cue: &str) -> Option<usize> {
    only_institution(ctx, |name| {
        name.split_whitespace().any(|w| w.eq_ignore_ascii_case(cue))
    })
}

/// The only institution of the article named with a seat's body word, or with the
/// other word some such bodies go by ("commission": "the Keldar County Board of
/// Commissioners").
fn seat_institution(ctx: &Ctx, word: &str) -> Option<usize> {
    named_institution(ctx, word).or_else(|| {
        let (_, other) = SEAT_BODY_OTHER_WORDS.iter().find(|(w, _)| *w == word)?;
        named_institution(ctx, other)
    })
}

/// A seat's body word, with the other word a body of those seats may be named by.
const SEAT_BODY_OTHER_WORDS: [(&str, &str); 1] = [("commission", "commissioners")];

/// Titles of a seat on a body, with the word that body's name calls its members.
const SEATS: [(&str, &str); 13] = [
    ("regent", "regents"),
    ("trustee", "trustees"),
    ("councilman", "council"),
    ("councilwoman", "council"),
    ("councillor", "council"),
    ("councilor", "council"),
    ("council member", "council"),
    ("board member", "board"),
    ("commissioner", "commission"),
    ("selectman", "selectmen"),
    ("selectwoman", "selectmen"),
    ("alderman", "aldermen"),
    ("supervisor", "supervisors"),
];

/// "Council members A, B and C voted": each person listed right after a seat title's
/// plural holds a seat on the one body of the article named with its members' word.
fn seat_list(ctx: &mut Ctx, j: usize) {
    let s = ctx.sentence;
    let Some((words, word)) = crate::extract::mentions::SEAT_PLURALS
        .iter()
        .find(|(words, _)| words.iter().enumerate().all(|(n, w)| s.word(j + n) == *w))
    else {
        return;
    };
    let Some(first) = s
        .tok_mention
        .get(j + words.len())
        .copied()
        .flatten()
        .filter(|&m| s.mentions[m].start == j + words.len())
    else {
        return;
    };
    let Some(body) = seat_institution(ctx, word) else {
        return;
    };
    for m in s.list_from(first) {
        if let Some(person) = ctx.entity(m).filter(|&e| ctx.kind(e) == Kind::Person) {
            ctx.emit(person, Relation::MemberOf, body, None, None, Rule::SeatList);
            seat_county(ctx, person, word, body);
        }
    }
}

/// "Commissioner X" on a county's board of commissioners ("the Keldar County
/// Commission", "the Board of County Commissioners"): X is a member of the county
/// too: the county the board's name opens with, else the article's only county.
fn seat_county(ctx: &mut Ctx, person: usize, word: &str, body: usize) {
    if word != "commission" {
        return;
    }
    let name = &ctx.resolved.entities[body].name;
    let Some(at) = name.split_whitespace().position(|w| w == "County") else {
        return;
    };
    let county = if at == 0 || name.starts_with("Board of") {
        home_place(ctx, "County")
    } else {
        let county: Vec<&str> = name.split_whitespace().take(at + 1).collect();
        Some(ctx.resolved.entity_named(&county.join(" "), Kind::Place))
    };
    if let Some(county) = county {
        ctx.emit(
            person,
            Relation::MemberOf,
            county,
            None,
            None,
            Rule::SeatCounty,
        );
    }
}

/// For seat title mention `k` ("Regent"), its members' word ("regents") and the only
/// institution of the article named with it ("UT System Board of Regents"); where the article names no
/// institution with that word, its own town's council or board of selectmen
/// ([`LOCAL_SEATS`], the town by [`home_place`]).
fn seat_body(ctx: &mut Ctx, k: usize) -> Option<(&'static str, usize)> {
    let title = ctx.sentence.mentions[k].name.to_lowercase();
    let &(_, word) = SEATS.iter().find(|(seat, _)| *seat == title)?;
    if let Some(body) = seat_institution(ctx, word) {
        return Some((word, body));
    }
    // No body named with the word at all: a town's council or board of selectmen is
    // the article's own town's ("Councilman X" in a story about Keldar).
    let (level_word, body_name) = LOCAL_SEATS.iter().find(|(w, _)| *w == word)?;
    let named_any = ctx.resolved.entities.iter().any(|e| {
        e.kind == Kind::Institution
            && e.name
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case(level_word))
    });
    if named_any {
        return None;
    }
    let place = home_place(ctx, "City")?;
    let name = body_name.replace("{}", &ctx.resolved.entities[place].name);
    Some((word, ctx.resolved.entity_named(&name, Kind::Institution)))
}

/// The body a town's seat sits on, named for the town, where the article never names
/// it: "Keldar City Council", "Keldar Board of Selectmen".
const LOCAL_SEATS: [(&str, &str); 2] = [
    ("council", "{} City Council"),
    ("selectmen", "{} Board of Selectmen"),
];

/// The only institution of the article whose name `fits`; none when there are two.
fn only_institution(ctx: &Ctx, fits: impl Fn(&str) -> bool) -> Option<usize> {
    only_of_kind(ctx, Kind::Institution, fits)
}

/// The only entity of `kind` whose name `fits`; none when there are two.
fn only_of_kind(ctx: &Ctx, kind: Kind, fits: impl Fn(&str) -> bool) -> Option<usize> {
    let mut found = ctx
        .resolved
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == kind && fits(&e.name));
    let first = found.next()?.0;
    found.next().is_none().then_some(first)
}

/// The words for a local government's level that stand alone before its officers'
/// titles: "City Attorney X", "Town Clerk X", "County Attorney X".
const CIVIC_LEVELS: [&str; 5] = ["City", "Town", "Borough", "Village", "County"];

/// The place whose officer a title after mention `p` names, when `p` is a civic level's
/// word alone ("City Attorney X": "the town" named before, else the article's own place,
/// [`home_place`]) or a place named with it ("Jacksonville City Attorney X",
/// [`named_with_level`]).
fn civic_owner(ctx: &Ctx, p: usize) -> Option<usize> {
    let surface = ctx.sentence.mentions[p].surface.as_str();
    if let Some(&level) = CIVIC_LEVELS.iter().find(|&&w| surface == w) {
        let named = ctx
            .entity(p)
            .filter(|&e| ctx.kind(e) == Kind::Place)
            .and_then(|e| {
                let name = &ctx.resolved.entities[e].name;
                // "the Jacksonville City Council" named before: Jacksonville.
                match named_with_level(ctx, name) {
                    Some(place) => Some(place),
                    None if name != level && !name.ends_with(" City") => Some(e),
                    None => None,
                }
            });
        return named.or_else(|| home_place(ctx, level));
    }
    // "El Paso County Attorney X", "North Carolina Attorney General Y", "Kansas City
    // Manager Z": the place named before the title; not "Fresno City" when the article
    // never names Fresno alone (the city's name is not "Fresno City"), nor a court's
    // level ("U.S. District Judge X" sits on the court).
    named_with_level(ctx, surface).or_else(|| {
        let fits = city_of_level(surface).is_none() && !names_court_level(surface);
        ctx.entity(p)
            .filter(|&e| fits && ctx.kind(e) == Kind::Place)
    })
}

/// The place a name made of a place and "City" or "Town" stands for ("Jacksonville
/// City": "Jacksonville"); none when that place is a U.S. state ("Kansas City" is a
/// city of its own).
fn city_of_level(name: &str) -> Option<&str> {
    name.strip_suffix(" City")
        .or_else(|| name.strip_suffix(" Town"))
        .filter(|&city| lexicons().us_state(city).is_none())
}

/// Whether a name ends in a court's level ("U.S. District", "Circuit"): what a judge's
/// title after it sits on.
fn names_court_level(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| COURT_LEVELS.contains(&w))
}

/// A title of modifiers, a civic level and an office ("Assistant City Manager" →
/// ("City", "manager")): the level as [`CIVIC_LEVELS`] writes it and the office in lower
/// case; none when no word comes before the level.
fn modified_civic_title(title: &str) -> Option<(&'static str, String)> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let at = words
        .iter()
        .skip(1)
        .position(|w| CIVIC_LEVELS.contains(w))?
        + 1;
    let level = *CIVIC_LEVELS.iter().find(|&&l| l == words[at])?;
    let office = words[at + 1..].join(" ").to_lowercase();
    (!office.is_empty()).then_some((level, office))
}

/// The place a name made of a place and "City" or "Town" stands for ("Jacksonville
/// City": Jacksonville), when the article names that place and it is no U.S. state
/// (unlike "Kansas City").
fn named_with_level(ctx: &Ctx, name: &str) -> Option<usize> {
    let city = city_of_level(name)?;
    only_of_kind(ctx, Kind::Place, |n| n == city)
}

/// The article's own place of a civic level: for "County", its only county; else the
/// place it names most often, and more than once, that is no county and no U.S. state
/// (the city of a local story), the first named of those named as often.
fn home_place(ctx: &Ctx, level: &str) -> Option<usize> {
    let county = |name: &str| name.ends_with(" County");
    if level == "County" {
        return only_of_kind(ctx, Kind::Place, county);
    }
    let mut named: Vec<usize> = Vec::new();
    for &e in ctx.resolved.of_mention.iter().flatten().flatten() {
        let d = &ctx.resolved.entities[e];
        if d.kind == Kind::Place
            && !named.contains(&e)
            && !county(&d.name)
            && !CIVIC_LEVELS.contains(&d.name.as_str())
            // Not a building a typer took for a place ("Town Hall").
            && !lexicon::is_facility(&d.name)
            && lexicons().us_state(&d.name).is_none()
        {
            named.push(e);
        }
    }
    // `max_by_key` keeps the last of equals: look from the end for the first named.
    named
        .into_iter()
        .rev()
        .max_by_key(|&e| ctx.resolved.named_times(e))
        .filter(|&e| ctx.resolved.named_times(e) > 1)
}

/// "President X and his Chilean counterpart Y": Y holds X's title in Chile, so the
/// title's link to a country (leads, for a president) holds for Y and Chile.
fn counterpart(ctx: &mut Ctx, j: usize) {
    let s = ctx.sentence;
    // "his Mozambican counterpart Y" or "his Mozambican counterpart, Y".
    let named = j + 1 + usize::from(s.tokens.get(j + 1).is_some_and(|t| t.is_punct(",")));
    let (Some(d), Some(p)) = (
        j.checked_sub(1).and_then(|k| s.tok_mention[k]),
        s.tok_mention.get(named).copied().flatten(),
    ) else {
        return;
    };
    let MentionKind::Demonym(c) = s.mentions[d].kind else {
        return;
    };
    let Some((t, title)) = (0..d).rev().find_map(|m| match s.mentions[m].kind {
        MentionKind::Title { title, .. } => Some((m, title)),
        _ => None,
    }) else {
        return;
    };
    let Some(person) = ctx.entity(p).filter(|&e| ctx.kind(e) == Kind::Person) else {
        return;
    };
    let rel = match lexicons().titles[title].with_country {
        RoleLink::Leads => Relation::Leads,
        RoleLink::Member => Relation::MemberOf,
        // "Defence Minister X and his Mozambican counterpart Y": Y heads the other
        // country's ministry of the same portfolio, and is a member of the country the
        // adjective names.
        RoleLink::Nothing => {
            if let Some(topic) = title_portfolio(s, t)
                && let Some(ministry) = national_ministry(ctx, c, &topic)
            {
                ctx.emit(
                    person,
                    Relation::Leads,
                    ministry,
                    None,
                    None,
                    Rule::TitleCounterpart,
                );
                Relation::MemberOf
            } else {
                return;
            }
        }
    };
    if let Some(country) = country_entity(ctx, Some(c)) {
        ctx.emit(person, rel, country, None, None, Rule::TitleCounterpart);
    }
}

/// The portfolio a minister's title at mention `t` names: "Defence Minister" and
/// "Minister of Defence" → "Defence".
fn title_portfolio(s: &Sentence, t: usize) -> Option<String> {
    let surface = &s.mentions[t].surface;
    if portfolio(surface).is_some() {
        return Some(portfolio_name(surface));
    }
    let MentionKind::Title { of: Some(o), .. } = s.mentions[t].kind else {
        return None;
    };
    let topic = s.mentions[o].name.strip_prefix("Ministry of ")?;
    surface
        .eq_ignore_ascii_case("minister")
        .then(|| topic.to_string())
}

/// "Foreign Minister A held talks with his Ruritanian counterpart B": a title at mention
/// `k` that names no country is held in the one country the article names besides the
/// counterpart's (`eval/README.md`: the two ministers' countries). None when the article
/// names more than one other country, or the counterpart's country is not given.
fn counterpart_home(ctx: &Ctx, k: usize) -> Option<usize> {
    let s = ctx.sentence;
    let theirs = (s.mentions[k].end + 2..s.tokens.len()).find_map(|j| {
        if !matches!(s.word(j), "counterpart" | "counterparts")
            || !matches!(s.word(j - 2), "his" | "her" | "their")
        {
            return None;
        }
        match s.mentions[s.tok_mention[j - 1]?].kind {
            MentionKind::Demonym(c) => Some(c),
            _ => None,
        }
    })?;
    let mut others = ctx.resolved.countries.keys().filter(|&&c| c != theirs);
    let home = *others.next()?;
    others.next().is_none().then_some(home)
}

/// "Lithuania, a member of NATO since 2004, …", "Chile, a founding member of the
/// alliance": the country or institution `k` is a member of the institution named.
/// `members-such-as`: "Nato members like France and Germany", "EU member states such as
/// Poland", "fellow ASEAN members, including Vietnam": each country or institution
/// listed is a member of the organisation named right before "members".
fn members_such_as(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    let mut j = s.mentions[k].end;
    if matches!(s.word(j), "member") && matches!(s.word(j + 1), "states" | "countries" | "nations")
    {
        j += 2;
    } else if s.word(j) == "members" {
        j += 1;
    } else {
        return;
    }
    j += usize::from(s.tokens.get(j).is_some_and(|t| t.is_punct(",")));
    let start = match (s.word(j), s.word(j + 1)) {
        ("like" | "including", _) => j + 1,
        ("such", "as") => j + 2,
        _ => return,
    };
    let Some(first) = s.mention_from(start) else {
        return;
    };
    let Some(org) = ctx.entity(k).filter(|&e| ctx.kind(e) == Kind::Institution) else {
        return;
    };
    listed_members(
        ctx,
        first,
        org,
        &[Kind::Country, Kind::Institution],
        Rule::MembersSuchAs,
    );
}

/// "Members of Y include A, B and C", "Y's members are A and B", "its members include
/// A": each person, body or country listed is a member of institution Y ("its": the last
/// institution named before it in the sentence).
fn members_include(ctx: &mut Ctx, j: usize) {
    let s = ctx.sentence;
    let institution = |m: usize| ctx.entity(m).filter(|&e| ctx.kind(e) == Kind::Institution);
    let (body, verb) = if s.word(j + 1) == "of" {
        let at = j + 2 + usize::from(s.word(j + 2) == "the");
        let Some(y) = s.tok_mention.get(at).copied().flatten() else {
            return;
        };
        if s.mentions[y].start != at {
            return;
        }
        (institution(y), s.mentions[y].end)
    } else if j > 0 && s.word(j - 1) == "its" {
        // The last institution before it: in the sentence, else in the ones before.
        let last = (0..s.mentions.len())
            .rev()
            .filter(|&m| s.mentions[m].end < j)
            .find_map(institution)
            .or_else(|| {
                ctx.resolved.of_mention[..s.index]
                    .iter()
                    .rev()
                    .flat_map(|ms| ms.iter().rev().flatten())
                    .copied()
                    .find(|&e| ctx.kind(e) == Kind::Institution)
            });
        (last, j + 1)
    } else if j > 1 && s.tokens[j - 1].kind == TokKind::Possessive {
        (s.tok_mention[j - 2].and_then(institution), j + 1)
    } else {
        return;
    };
    let Some(body) = body else { return };
    if !matches!(
        s.word(verb),
        "include" | "includes" | "included" | "are" | "were"
    ) {
        return;
    }
    let start = verb + 1 + usize::from(s.tokens.get(verb + 1).is_some_and(|t| t.is_punct(":")));
    let Some(first) = s
        .mention_from(start)
        .filter(|&m| s.phrase_start(m) <= start)
    else {
        return;
    };
    listed_members(
        ctx,
        first,
        body,
        &[Kind::Person, Kind::Country, Kind::Institution],
        Rule::MembersInclude,
    );
}

/// Each entity of the list opening at mention `first` whose kind is one of `kinds` (not
/// `body` itself) is a member of `body`, by `rule`.
fn listed_members(ctx: &mut Ctx, first: usize, body: usize, kinds: &[Kind], rule: Rule) {
    for m in ctx.sentence.list_from(first) {
        if let Some(e) = ctx.entity(m)
            && kinds.contains(&ctx.kind(e))
            && e != body
        {
            ctx.emit(e, Relation::MemberOf, body, None, None, rule);
        }
    }
}

/// Nouns that name a unit of a larger body.
const UNIT_NOUNS: [&str; 13] = [
    "department",
    "school",
    "faculty",
    "institute",
    "center",
    "centre",
    "laboratory",
    "lab",
    "college",
    "division",
    "program",
    "programme",
    "unit",
];

/// "the Department of Biology at Harvard University": an institution named by a unit's
/// noun, then "at" an institution, is a member of it.
fn unit_at(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    if !s.mentions[k]
        .name
        .split(' ')
        .any(|w| UNIT_NOUNS.contains(&w.to_lowercase().as_str()))
    {
        return;
    }
    if let (Some(unit), Some(body)) = (ctx.entity(k), body_at(ctx, k))
        && ctx.kind(unit) == Kind::Institution
        && unit != body
    {
        ctx.emit(unit, Relation::MemberOf, body, None, None, Rule::UnitAt);
    }
}

/// "Y, which comprises A and B", "Y, a group that comprises A and B", "Y, a platform
/// comprising A and B", "Y consists of A and B": each institution or country listed is a
/// member of the body `k`.
fn comprises(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    let end = s.mentions[k].end;
    let mut j = end;
    // ", a group in Canada that …", ", a platform …": over an apposition of plain words.
    if s.tokens.get(j).is_some_and(|t| t.is_punct(",")) {
        j += 1;
        if matches!(s.word(j), "a" | "an" | "the") {
            let start = j;
            while j < start + 8
                && j < s.tokens.len()
                && (s.tokens[j].is_lower_word() || s.tok_mention[j].is_some())
                && !COMPRISE.contains(&s.word(j))
                && !matches!(s.word(j), "which" | "that")
            {
                j += 1;
            }
        }
        if matches!(s.word(j), "which" | "that") {
            j += 1;
        }
    }
    let first = match (s.word(j), s.word(j + 1), s.word(j + 2)) {
        (w, _, _) if w.starts_with("compris") => j + 1,
        ("consists" | "consisting", "of", _) => j + 2,
        ("made", "up", "of") => j + 3,
        _ => return,
    };
    // Right after the name only in a finite use ("Y comprises A"), not a participle.
    if j == end && !matches!(s.word(j), "comprise" | "comprises" | "consists" | "made") {
        return;
    }
    let Some(first) = s.mention_from(first) else {
        return;
    };
    // A body of parts: an institution, or a name no cue typed, since no person
    // comprises anything ("Steppe Avionics, which comprises …").
    let untyped = |m: usize| s.mentions[m].kind == MentionKind::Name(None);
    let Some(whole) = ctx.entity(k).filter(|&e| match ctx.kind(e) {
        Kind::Institution => true,
        Kind::Person => untyped(k),
        _ => false,
    }) else {
        return;
    };
    ctx.resolved.entities[whole].kind = Kind::Institution;
    // Its parts: countries, institutions and people; places make a place, not a body.
    listed_members(
        ctx,
        first,
        whole,
        &[Kind::Country, Kind::Institution, Kind::Person],
        Rule::Comprises,
    );
}

/// The verbs of [`comprises`].
const COMPRISE: [&str; 7] = [
    "comprise",
    "comprises",
    "comprised",
    "comprising",
    "consists",
    "consisting",
    "made",
];

fn member_apposition(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    let end = s.apposition_at(k);
    if !s.tokens.get(end).is_some_and(|t| t.is_punct(",")) || !matches!(s.word(end + 1), "a" | "an")
    {
        return;
    }
    let Some(of) = (end + 2..(end + 5).min(s.tokens.len()))
        .find(|&j| s.word(j) == "member" && s.word(j + 1) == "of")
    else {
        return;
    };
    if !(end + 2..of).all(|j| s.tokens[j].is_lower_word()) {
        return;
    }
    let at = of + 2 + usize::from(s.word(of + 2) == "the");
    let Some(o) = s.tok_mention.get(at).copied().flatten() else {
        return;
    };
    if let (Some(e), Some(org)) = (ctx.entity(k), ctx.entity(o))
        && matches!(ctx.kind(e), Kind::Country | Kind::Institution)
        && ctx.kind(org) == Kind::Institution
    {
        ctx.emit(
            e,
            Relation::MemberOf,
            org,
            None,
            None,
            Rule::MemberApposition,
        );
    }
}

/// "Lee Han-gon (South Korea), Ana Lind (Chile)": a person's name, then a country's name
/// alone in brackets, as lists of envoys and delegates write it: the person is a member
/// of the country.
fn country_in_brackets(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    if !matches!(s.mentions[k].kind, MentionKind::Name(_)) {
        return;
    }
    let end = s.mentions[k].end;
    if !s.tokens.get(end).is_some_and(|t| t.is_punct("(")) {
        return;
    }
    let Some(c) = s.tok_mention.get(end + 1).copied().flatten() else {
        return;
    };
    let closed = s
        .tokens
        .get(s.mentions[c].end)
        .is_some_and(|t| t.is_punct(")"));
    if !closed || !matches!(s.mentions[c].kind, MentionKind::Country(_)) {
        return;
    }
    if let Some(person) = ctx.entity(k).filter(|&e| ctx.kind(e) == Kind::Person)
        && let Some(country) = ctx.entity(c)
    {
        ctx.emit(
            person,
            Relation::MemberOf,
            country,
            None,
            None,
            Rule::CountryInBrackets,
        );
    }
}

/// A person's institution, given beside the name: "Megan Owen of the San Diego Zoo"
/// (`affiliation-of`); "Amir Khalil, a Four Paws vet", "X, a doctoral student at the
/// University of Y", "X, a junior minister in the Treasury" (`affiliation-apposition`).
/// An apposition with a title is left to the title rules, which know leads from member.
fn affiliation(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    if !matches!(s.mentions[k].kind, MentionKind::Name(_)) {
        return;
    }
    let Some(person) = ctx.entity(k).filter(|&e| ctx.kind(e) == Kind::Person) else {
        return;
    };
    let end = s.mentions[k].end;
    let institution = |m: usize| {
        ctx.entity(m)
            .filter(|&o| ctx.kind(o) == Kind::Institution && !s.mentions[m].anaphor)
    };
    // "Chairman Ana Lind of Keldar Corp": the title before the name says the link.
    let titled = k > 0
        && s.mentions[k - 1].end == s.mentions[k].start
        && matches!(s.mentions[k - 1].kind, MentionKind::Title { .. });
    if s.word(end) == "of" && !titled {
        let at = end + 1 + usize::from(s.word(end + 1) == "the");
        if let Some(m) = s.tok_mention.get(at).copied().flatten()
            && s.mentions[m].start == at
            && let Some(org) = institution(m)
        {
            ctx.emit(
                person,
                Relation::MemberOf,
                org,
                None,
                None,
                Rule::AffiliationOf,
            );
        }
        return;
    }
    let end = s.apposition_at(k);
    // "X, a member of Y", or after a copula: "X is a member of Y", "X has been an
    // employee of Y since 2001", "X is currently a trustee of Y".
    let open = if s.tokens.get(end).is_some_and(|t| t.is_punct(",")) {
        end + 1
    } else {
        let mut j = match (s.word(end), s.word(end + 1)) {
            ("has" | "had", "been") => end + 2,
            ("is" | "was" | "remains" | "became", _) => end + 1,
            _ => return,
        };
        if COPULA_ADVERBS.contains(&s.word(j)) {
            j += 1;
        }
        j
    };
    if !matches!(s.word(open), "a" | "an") {
        return;
    }
    // The apposition: up to its closing comma or the end, at most twelve tokens.
    let close = (open + 1..(open + 13).min(s.tokens.len()))
        .find(|&j| s.tokens[j].kind == TokKind::Punct)
        .unwrap_or(s.tokens.len());
    if close >= open + 13 {
        return;
    }
    // After a copula the clause runs on past the body ("… since 2001"): the body ends
    // the phrase; an apposition is read to its closing comma.
    let copula = open > end + 1;
    let mut org = None;
    let mut j = open + 1;
    while j < close {
        match s.tok_mention[j] {
            Some(m) if matches!(s.mentions[m].kind, MentionKind::Title { .. }) => return,
            Some(m) => {
                if let Some(o) = institution(m)
                    && org.is_none()
                {
                    org = Some((o, m));
                    if copula {
                        break;
                    }
                }
                j = s.mentions[m].end;
            }
            None if s.tokens[j].is_lower_word() => j += 1,
            None => return,
        }
    }
    if let Some((org, m)) = org {
        let rule = Rule::AffiliationApposition;
        ctx.emit(person, Relation::MemberOf, org, None, None, rule);
        if let Some(body) = body_at(ctx, m) {
            ctx.emit(person, Relation::MemberOf, body, None, None, rule);
        }
    }
}

/// The institution named "at" right after mention `m`: the body a unit belongs to ("the
/// Department of History at the University of Y").
fn body_at(ctx: &Ctx, m: usize) -> Option<usize> {
    let s = ctx.sentence;
    let end = s.mentions[m].end;
    (s.word(end) == "at")
        .then(|| s.mention_from(end + 1))
        .flatten()
        .and_then(|at| ctx.entity(at))
        .filter(|&e| ctx.kind(e) == Kind::Institution)
}

/// "Chilean conscripts Ana Lind and Pedro Soto", "two Azerbaijani captives, A and B": a
/// country adjective, one or two plain nouns (or a group noun too weak to make its
/// group a member), then people named: each is a member of the country. (A title
/// between is the title rules' concern.)
fn nationality_noun(ctx: &mut Ctx, k: usize) {
    let s = ctx.sentence;
    let (c, mut nouns) = match s.mentions[k].kind {
        MentionKind::Demonym(c) => (c, 0),
        // "two Azerbaijani captives, A and B", "two Americans, A and B": the group's
        // noun, too weak to make the group a member, holds the nouns.
        MentionKind::Group(Some(c)) if s.mentions[k].weak => (c, 1),
        _ => return,
    };
    let lex = lexicons();
    let mut j = s.mentions[k].end;
    while nouns < 2
        && s.tokens.get(j).is_some_and(|t| t.is_lower_word())
        && s.tok_mention[j].is_none()
        && !lex.function_words.contains(s.word(j))
        && !lex.is_verb(s.word(j))
        && !s.word(j).ends_with("ed")
        && !s.word(j).starts_with("counterpart")
        && lex.title_forms.get(s.word(j)).is_none()
    {
        j += 1;
        nouns += 1;
    }
    if nouns == 0 {
        return;
    }
    // "X, a Swedish botanist, …", "X, the Swedish botanist who …": the appositive of the
    // name before it, ending at the nouns.
    let start = s.mentions[k].start;
    if start >= 3
        && matches!(s.word(start - 1), "a" | "an" | "the")
        && s.tokens[start - 2].is_punct(",")
        && (j == s.tokens.len()
            || s.tokens[j].is_punct(",")
            || s.tokens[j].is_punct(".")
            || matches!(s.word(j), "who" | "whose"))
        && let Some(m) = s.before_comma(start - 2)
        && matches!(s.mentions[m].kind, MentionKind::Name(_))
        && let Some(p) = ctx.entity(m)
        && ctx.kind(p) == Kind::Person
    {
        let country = ctx.country(c);
        ctx.emit(
            p,
            Relation::MemberOf,
            country,
            None,
            None,
            Rule::NationalityNoun,
        );
        return;
    }
    j += usize::from(s.tokens.get(j).is_some_and(|t| t.is_punct(",")));
    let Some(first) = s.tok_mention.get(j).copied().flatten() else {
        return;
    };
    if s.mentions[first].start != j {
        return;
    }
    let people: Vec<usize> = s
        .list_from(first)
        .into_iter()
        .filter(|&m| matches!(s.mentions[m].kind, MentionKind::Name(_)))
        .filter_map(|m| ctx.entity(m))
        .filter(|&e| ctx.kind(e) == Kind::Person)
        .collect();
    if people.is_empty() {
        return;
    }
    let country = ctx.country(c);
    for p in people {
        ctx.emit(
            p,
            Relation::MemberOf,
            country,
            None,
            None,
            Rule::NationalityNoun,
        );
    }
}

/// The country entity of a lexicon country index, by its name.
fn country_entity(ctx: &mut Ctx, c: Option<usize>) -> Option<usize> {
    Some(ctx.country(c?))
}

/// A country adjective right before mention `k`, or a possessive country ("Chile's"),
/// perhaps before words of the holder's standing ("Chile's new …").
fn adjacent_country(s: &Sentence, k: usize) -> Option<usize> {
    // "Peru's new foreign minister": past the holder's standing.
    let mut start = s.mentions[k].start;
    while start > 1 && STANDING.contains(&s.word(start - 1)) {
        start -= 1;
    }
    let prev = start.checked_sub(1).and_then(|j| s.tok_mention[j]);
    if let Some(p) = prev
        && let MentionKind::Demonym(c) = s.mentions[p].kind
    {
        return Some(c);
    }
    // "Peru President X", "the U.S. ambassador", "England striker X": a country's name
    // right before the title, as its adjective (not one that ends a place phrase: "sent
    // to Peru President X").
    if let Some(p) = prev
        && let MentionKind::Country(c) = s.mentions[p].kind
        && s.mentions[p].end == start
        && !matches!(
            s.word(s.mentions[p].start.wrapping_sub(1)),
            "to" | "in" | "into" | "from" | "at"
        )
    {
        return Some(c);
    }
    // "Chilean tennis star X", "Russian nuclear scientist X": one plain word between.
    let lex = lexicons();
    if start >= 2
        && s.tokens[start - 1].is_lower_word()
        && !lex.function_words.contains(s.word(start - 1))
        && !lex.is_verb(s.word(start - 1))
        && let Some(p) = s.tok_mention[start - 2]
        && let MentionKind::Demonym(c) = s.mentions[p].kind
    {
        return Some(c);
    }
    if start >= 2 && s.tokens[start - 1].kind == TokKind::Possessive {
        let p = s.tok_mention[start - 2]?;
        if let MentionKind::Country(c) = s.mentions[p].kind {
            return Some(c);
        }
    }
    None
}

/// "the country's Prime Minister X": the country "the country" refers back to, as the
/// owner of title mention `k`.
fn country_referred(ctx: &Ctx, k: usize) -> Option<usize> {
    let s = ctx.sentence;
    let start = s.mentions[k].start;
    if start < 2 || s.tokens[start - 1].kind != TokKind::Possessive {
        return None;
    }
    let p = s.tok_mention[start - 2]?;
    let e = ctx.entity(p)?;
    (s.mentions[p].anaphor && s.mentions[p].name == "country" && ctx.kind(e) == Kind::Country)
        .then_some(e)
}

/// "Indonesia's Minister for Defense X", "the Secretary of Foreign Affairs of Mexico, X":
/// a ministry the title alone names (mention `o`, "Ministry of Defense") belongs to the
/// title's country and is named with it ("Indonesian Ministry of Defense", the naming
/// of `eval/README.md`), a member of the country. None without a country.
fn country_ministry(ctx: &mut Ctx, k: usize, o: usize) -> Option<usize> {
    let s = ctx.sentence;
    let body = &s.mentions[o];
    let mut portfolio = body.name.strip_prefix("Ministry of ")?;
    // "the Minister of Foreign Affairs of Vietnam": the country closes the body's name.
    // "… of the Republic of Turkey": the first "of" whose rest names a country.
    let mut within = None;
    for (at, _) in portfolio.match_indices(" of ") {
        let tail = portfolio[at + 4..].trim_start_matches("the ");
        // "Republic of Turkey", "Socialist Republic of Vietnam": a state's formal name.
        let country = match tail.split_once(" of ") {
            Some((form, rest))
                if form.split(' ').all(|w| {
                    let w = w.to_lowercase();
                    STATE_HEADS.contains(&w.as_str()) || STATE_MODIFIERS.contains(&w.as_str())
                }) =>
            {
                rest.trim_start_matches("the ")
            }
            _ => tail,
        };
        if let Some(&(c, CountryForm::Name)) = lexicons()
            .country_forms
            .get(&crate::model::name::lexicon_key(country))
        {
            portfolio = &portfolio[..at];
            within = Some(c);
            break;
        }
    }
    // A ministry the article names in full is that one ("the Russian Ministry of Natural
    // Resources and Environment", then "Minister of Natural Resources X").
    let named = ctx
        .entity(o)
        .is_some_and(|e| ctx.resolved.entities[e].name != body.name);
    if named || body.nationality.is_some() || (body.surface == body.name && within.is_none()) {
        return None;
    }
    // The country after the body: "… of Foreign Affairs of (the) Mexico".
    let after = (s.word(body.end) == "of")
        .then(|| s.mention_from(body.end + 1))
        .flatten()
        .and_then(|m| match s.mentions[m].kind {
            MentionKind::Country(c) => Some(c),
            _ => None,
        });
    let c = adjacent_country(s, k)
        .or(after)
        .or(within)
        .or_else(|| counterpart_home(ctx, k))?;
    national_ministry(ctx, c, portfolio)
}

/// The executive department of the United States a Secretary's title at mention `k`
/// names, with the country before the title: "U.S. Secretary of Defense" (the body
/// `of`), "US Defence Secretary", "U.S. Secretary of State" (`departments.txt`).
fn us_department(ctx: &mut Ctx, k: usize, of: Option<usize>) -> Option<usize> {
    let s = ctx.sentence;
    let c = adjacent_country(s, k)?;
    let lex = lexicons();
    if lex.countries[c].name != "United States" {
        return None;
    }
    let title = s.mentions[k].surface.to_lowercase();
    let portfolio = match of {
        Some(o) if title == "secretary" => s.mentions[o].surface.to_lowercase(),
        Some(_) => return None,
        None if title == "secretary of state" => "state".to_string(),
        None => title.strip_suffix(" secretary")?.to_string(),
    };
    let name = lex
        .us_departments
        .get(portfolio.trim_start_matches("the "))?;
    let department = ctx.resolved.entity_named(name, Kind::Institution);
    let country = ctx.country(c);
    ctx.emit(
        department,
        Relation::MemberOf,
        country,
        None,
        None,
        Rule::TitleMinistry,
    );
    Some(department)
}

/// Country `c`'s ministry of `portfolio`, named with its adjective ("Thai Ministry of
/// Environment"), a member of the country (`title-ministry`).
fn national_ministry(ctx: &mut Ctx, c: usize, portfolio: &str) -> Option<usize> {
    let demonym = lexicons().countries[c].demonyms.first()?;
    let ministry = ctx.resolved.entity_named(
        &format!("{demonym} Ministry of {portfolio}"),
        Kind::Institution,
    );
    let country = ctx.country(c);
    ctx.emit(
        ministry,
        Relation::MemberOf,
        country,
        None,
        None,
        Rule::TitleMinistry,
    );
    Some(ministry)
}

fn member(ctx: &mut Ctx, k: usize, c: usize, rule: Rule) {
    if let Some(e) = ctx.entity(k)
        && let Some(ce) = country_entity(ctx, Some(c))
    {
        // "the Spanish Madrid Zoo Aquarium": a facility is located in the country, no
        // member of it.
        let relation = match crate::extract::lexicon::is_facility(&ctx.resolved.entities[e].name) {
            true => Relation::LocatedIn,
            false => Relation::MemberOf,
        };
        ctx.emit(e, relation, ce, None, None, rule);
    }
}

/// The person a title belongs to: the name right after it (or after its "of" part,
/// past a comma), or the name before "X, the Director of …".
fn titled_person(ctx: &Ctx, k: usize, of: Option<usize>) -> Option<usize> {
    let s = ctx.sentence;
    let is_person = |m: usize| {
        matches!(
            s.mentions[m].kind,
            MentionKind::Name(None | Some(Kind::Person))
        ) && ctx.entity(m).is_some_and(|e| ctx.kind(e) == Kind::Person)
    };
    let mut after = of.map_or(s.mentions[k].end, |o| s.mentions[o].end);
    // "the Indian high commissioner to Namibia, Prashant Agrawal": past the post's place.
    if s.word(after) == "to" {
        let at = after + 1 + usize::from(s.word(after + 1) == "the");
        if let Some(m) = s.tok_mention.get(at).copied().flatten()
            && s.mentions[m].start == at
            && !is_person(m)
        {
            after = s.mentions[m].end;
        }
    }
    // "the CEO of Rwanda Development Board (RDB), Claire Akamanzi": past the short form.
    after = s.past_short_form(after);
    let mut at = after + usize::from(s.tokens.get(after).is_some_and(|t| t.is_punct(",")));
    // "…, Dr. Ana Lind": past an honorific and its period.
    if crate::model::name::HONORIFICS.contains(&s.word(at)) {
        at += 1 + usize::from(s.tokens.get(at + 1).is_some_and(|t| t.is_punct(".")));
    }
    // "Toledo Zoo curator of mammals X", "director of public works X": past the field
    // a title's holder works in, up to a name.
    if at == after
        && of.is_none()
        && matches!(s.mentions[k].kind, MentionKind::Title { field: true, .. })
        && matches!(s.word(at), "of" | "in" | "for")
    {
        let mut f = at + 1;
        // "director of animal care": an animal's word may name the field.
        while f < at + 5
            && f < s.tokens.len()
            && s.tok_mention[f].is_none_or(|m| s.mentions[m].kind == MentionKind::Animal)
            && s.tokens[f].is_lower_word()
            && !lexicons().function_words.contains(s.word(f))
            && !lexicons().is_verb(s.word(f))
        {
            f += 1;
        }
        if f > at + 1
            && s.tok_mention
                .get(f)
                .copied()
                .flatten()
                .is_some_and(is_person)
        {
            at = f;
        }
    }
    // "Deputy Prime Minister of Thailand General Prawit Wongsuwan", "Chile's Chief of
    // Staff General X": past a rank right after the post.
    if at == after
        && let Some(r) = s.tok_mention.get(at).copied().flatten()
        && s.mentions[r].start == at
        && matches!(s.mentions[r].kind, MentionKind::Title { of: None, .. })
    {
        at = s.mentions[r].end;
    }
    if let Some(m) = s.tok_mention.get(at).copied().flatten()
        && s.mentions[m].start == at
        && is_person(m)
    {
        return ctx.entity(m);
    }
    // "X is the chief executive of Y", "X has been the chairman of Y": a copula between
    // the holder and the title.
    let start = s.phrase_start(k);
    let mut c = start;
    // "X has served as the commissioner and chief executive of Y": the copula stands
    // before the first of two titles joined by "and".
    if c >= 2
        && s.word(c - 1) == "and"
        && let Some(m) = s.tok_mention[c - 2]
        && matches!(s.mentions[m].kind, MentionKind::Title { .. })
    {
        c = s.phrase_start(m);
    }
    // "X is the new president of Y", "X will be the 15th president of Y": past the
    // words that lead into a post.
    while c > 0
        && s.tok_mention[c - 1].is_none()
        && (TITLE_LEAD_INS.contains(&s.word(c - 1)) || is_ordinal(s.word(c - 1)))
    {
        c -= 1;
    }
    // "X is currently president of Y", "X was previously chief of Y": past an adverb of
    // time between the copula and the post.
    if c > 0 && COPULA_ADVERBS.contains(&s.word(c - 1)) {
        c -= 1;
    }
    let copula = match (
        c.checked_sub(2).map(|j| s.word(j)),
        c.checked_sub(1).map(|j| s.word(j)),
    ) {
        (Some("has" | "had"), Some("been")) | (Some("will"), Some("be")) => Some(c - 2),
        (_, Some("is" | "was" | "remains")) => Some(c - 1),
        // "X currently serves as provost of Y", "X, who has served as chief executive of
        // Y since 2019": past the verb and the words of time and tense before it.
        (Some("serves" | "served" | "serve"), Some("as")) => {
            let mut at = c - 2;
            while at > 0
                && matches!(
                    s.word(at - 1),
                    "has" | "had" | "will" | "currently" | "also" | "now"
                )
            {
                at -= 1;
            }
            Some(at)
        }
        _ => None,
    };
    // "X, who is the assistant manager of Y": the person before the relative pronoun;
    // "X Jr., is …": before the comma and an abbreviation's period.
    let holder_end = copula.map(|mut at| {
        if at >= 2 && s.word(at - 1) == "who" {
            at -= 1;
        }
        // "X of the University of Y will be the new dean of Z", "X of Ketchikan will
        // serve as …": past the body or town the holder comes from.
        if let Some(m) = at.checked_sub(1).and_then(|j| s.tok_mention[j])
            && s.mentions[m].end == at
            && !is_person(m)
        {
            let mut from = s.mentions[m].start;
            from -= usize::from(from > 0 && s.word(from - 1) == "the");
            if from > 1 && s.word(from - 1) == "of" {
                at = from - 1;
            }
        }
        if at >= 2 && s.tokens[at - 1].is_punct(",") {
            at -= 1;
            // "X, 56, currently serves as …": past the age between commas.
            if at >= 3 && s.is_age(at - 1) && s.tokens[at - 2].is_punct(",") {
                at -= 2;
            }
        }
        if at >= 2 && s.tokens[at - 1].is_punct(".") {
            at -= 1;
        }
        at
    });
    // "Since 2015 he has been the chairman of Y": a pronoun as well as a name.
    let pronoun = |m: usize| {
        s.mentions[m].kind == MentionKind::Pronoun
            && ctx.entity(m).is_some_and(|e| ctx.kind(e) == Kind::Person)
    };
    if let Some(at) = holder_end
        && let Some(m) = at.checked_sub(1).and_then(|j| s.tok_mention[j])
        && s.mentions[m].end == at
        && (is_person(m) || pronoun(m))
    {
        return ctx.entity(m);
    }
    // "X, the General Director of Y", "X, marketing coordinator at Y", "X, a Four Paws
    // vet", "X, the University of Oxford's vice-chancellor": back from the title over
    // modifiers, names and a possessive to a comma after a person.
    let mut j = start;
    let mut steps = 0;
    while j > 0 && steps < 6 {
        let t = &s.tokens[j - 1];
        // "X, Minister of Y" and "X - Minister of Y".
        // "X, president, CEO and chairman of Y": past a title listed before this one.
        if t.is_punct(",")
            && let Some(listed) = j.checked_sub(2).and_then(|p| s.tok_mention[p])
            && matches!(s.mentions[listed].kind, MentionKind::Title { .. })
            && (j..start).any(|a| s.word(a) == "and")
        {
            j = s.mentions[listed].start;
            steps += 1;
            continue;
        }
        if t.is_punct(",") || t.is_punct("-") || t.is_punct("\u{2013}") || t.is_punct("\u{2014}") {
            // "X, 54, chief executive of Y": past the age.
            let m = s.before_comma(j - 1)?;
            return is_person(m).then(|| ctx.entity(m)).flatten();
        }
        let w = s.word(j - 1);
        // "X, president and chief executive of Y": past a title coordinated with this one.
        if w == "and"
            && j >= 2
            && s.tok_mention[j - 2]
                .is_some_and(|m| matches!(s.mentions[m].kind, MentionKind::Title { .. }))
        {
            j -= 1;
            steps += 1;
            continue;
        }
        // "X, marketing and development director of Y": past "and" between field words.
        if w == "and"
            && j >= 2
            && s.tokens[j - 2].is_lower_word()
            && s.tok_mention[j - 2].is_none()
            && s.tokens.get(j).is_some_and(|t| t.is_lower_word())
        {
            j -= 1;
            steps += 1;
            continue;
        }
        let plain_word = t.is_lower_word()
            && !matches!(w, "and" | "or" | "but" | "as" | "to" | "by")
            && !lexicons().is_verb(w)
            && !w.ends_with("ed");
        // "X, Dollar Tree's chief executive": a name owning the title is no person, as
        // its kind may have it.
        let owner = s
            .tokens
            .get(j)
            .is_some_and(|t| t.kind == TokKind::Possessive);
        let modifier = t.kind == TokKind::Possessive
            || plain_word
            || s.tok_mention[j - 1].is_some_and(|m| owner || !is_person(m));
        if !modifier {
            return None;
        }
        // Past the whole of a name ("Dollar Tree").
        j = s.tok_mention[j - 1].map_or(j - 1, |m| s.mentions[m].start.min(j - 1));
        steps += 1;
    }
    None
}

/// "President Ilham Aliyev of Azerbaijan", "Chairman Ana Lind of Keldar Corp": for title
/// mention `k` right before its holder `person`, the country or institution named after
/// the holder's "of".
fn body_after_holder(ctx: &Ctx, k: usize, person: usize) -> Option<usize> {
    let s = ctx.sentence;
    let h = s.mention_from(s.mentions[k].end)?;
    if s.mentions[h].start != s.mentions[k].end || ctx.entity(h) != Some(person) {
        return None;
    }
    let end = s.mentions[h].end;
    if s.word(end) != "of" {
        return None;
    }
    let at = end + 1 + usize::from(s.word(end + 1) == "the");
    let o = s.mention_from(at).filter(|&o| s.mentions[o].start == at)?;
    let body = match s.mentions[o].kind {
        MentionKind::Country(_) => true,
        MentionKind::Name(Some(Kind::Institution)) => true,
        MentionKind::Name(None) => ctx
            .entity(o)
            .is_some_and(|e| ctx.kind(e) == Kind::Institution),
        _ => false,
    };
    (body && !s.possessive(o)).then_some(o)
}

use crate::extract::mentions::STANDING;

/// The offices of a county, city or state besides its head: "Franklin County auditor X"
/// is a member of the county.
const LOCAL_OFFICES: [&str; 14] = [
    "auditor",
    "clerk",
    "sheriff",
    "treasurer",
    "commissioner",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "council member",
    "alderman",
    "prosecutor",
    "district attorney",
    "judge",
];

/// "X - Minister of Labour and Deputy Minister of Finance", "X, a student at Y and
/// guest curator at Z": a title after "and" and the body of an earlier title is held by
/// that title's holder.
fn coordinated_title(ctx: &Ctx, k: usize) -> Option<usize> {
    let s = ctx.sentence;
    // "… at Y and guest curator at Z": past up to two words of standing.
    let mut start = s.mentions[k].start;
    while s.mentions[k].start - start < 2
        && start > 2
        && s.tok_mention[start - 1].is_none()
        && s.tokens[start - 1].is_lower_word()
        && !lexicons().function_words.contains(s.word(start - 1))
        && !lexicons().is_verb(s.word(start - 1))
    {
        start -= 1;
    }
    // A body right before "and", not a holder ("… Lee Yi Shyan and Secretary of …").
    let body = s.tok_mention[start.checked_sub(2)?]?;
    if s.word(start - 1) != "and" || ctx.entity(body).is_none_or(|e| ctx.kind(e) == Kind::Person) {
        return None;
    }
    // The nearest earlier title with a body, no clause break between: "… at the
    // University of Y and acting curator of Z at W" (the body may be a department named
    // before the university).
    let earlier = (0..k).rev().find(|&t| {
        matches!(s.mentions[t].kind, MentionKind::Title { of: Some(_), .. })
            && (s.mentions[t].end..start - 1).all(|j| {
                !(s.tokens[j].is_punct(",") || s.tokens[j].is_punct(";"))
                    && (s.tok_mention[j].is_some() || !lexicons().is_verb(s.word(j)))
            })
    })?;
    let MentionKind::Title { of, .. } = s.mentions[earlier].kind else {
        return None;
    };
    titled_person(ctx, earlier, of)
}

fn title_rules(ctx: &mut Ctx, k: usize, title: usize, of: Option<usize>, field: bool) {
    let s = ctx.sentence;
    let t = &lexicons().titles[title];
    // "chairman of Russia's state-run oil company Gazprom": the title is the company's.
    // "a student in the School of Arts' Department of History": the unit the owner's
    // possessive names.
    let of = of.map(|o| match s.mentions[o].kind {
        MentionKind::Country(_) if s.possessive(o) => described_body(s, o).unwrap_or(o),
        MentionKind::Name(Some(Kind::Institution)) if s.possessive(o) => s
            .mention_from(s.mentions[o].end + 1)
            .filter(|&u| {
                s.mentions[u].start == s.mentions[o].end + 1
                    && s.mentions[u].kind == MentionKind::Name(Some(Kind::Institution))
            })
            .unwrap_or(o),
        _ => o,
    });
    let Some(person) = coordinated_title(ctx, k).or_else(|| titled_person(ctx, k, of)) else {
        return;
    };
    let of = of.or_else(|| body_after_holder(ctx, k, person));
    // "Regent X", "Councilman X", no body named: a seat on the one body of the article
    // named by its members' word ("the Board of Regents", "the Keldar City Council").
    if of.is_none()
        && adjacent_country(s, k).is_none()
        && let Some((word, body)) = seat_body(ctx, k)
    {
        ctx.emit(person, Relation::MemberOf, body, None, None, Rule::TitleOf);
        seat_county(ctx, person, word, body);
    }
    // "a commander with X", "a director of Y": one of several holders, a member; so is
    // the holder of a field ("the zoo's head of large mammals").
    let indefinite = field
        || s.mentions[k]
            .start
            .checked_sub(1)
            .is_some_and(|j| matches!(s.word(j), "a" | "an"));
    let link = |l: RoleLink| match l {
        RoleLink::Leads if indefinite => Some(Relation::MemberOf),
        RoleLink::Leads => Some(Relation::Leads),
        RoleLink::Member => Some(Relation::MemberOf),
        RoleLink::Nothing => None,
    };
    // The country: an adjective or possessive before the title, or "of Chile".
    let of_country = of.and_then(|o| match s.mentions[o].kind {
        MentionKind::Country(c) => Some(c),
        _ => None,
    });
    if let Some(c) = adjacent_country(s, k).or(of_country)
        && let Some(rel) = link(t.with_country)
        && let Some(ce) = country_entity(ctx, Some(c))
    {
        ctx.emit(person, rel, ce, None, None, Rule::TitleCountry);
    } else if let Some(rel) = link(t.with_country)
        && let Some(ce) = country_referred(ctx, k)
    {
        ctx.emit(person, rel, ce, None, None, Rule::TitleCountry);
    }
    // "Defence Minister X": X leads the one defence ministry the article names; else,
    // with the country (before the title or after its "of"), the ministry the title names
    // ("Thai Environment Minister X" → Thai Ministry of Environment), a member of the
    // country.
    // "the Foreign Minister of Peru, X" as "Peru's Foreign Minister X".
    if (of.is_none() || of_country.is_some())
        && let Some(topic) = portfolio(&s.mentions[k].surface)
    {
        let topic = topic.as_str();
        // With a country, only a ministry named with that country is the title's:
        // "Japanese Defence Minister A … Australian Defence Minister B".
        // "Japan's Ministry of Foreign Affairs … Japanese Foreign Minister X": a ministry
        // already a member of the country is its own.
        let country = adjacent_country(s, k)
            .or(of_country)
            .or_else(|| counterpart_home(ctx, k));
        let country_entity = country.map(|c| ctx.country(c));
        let named = (!topic.contains(' '))
            .then(|| topic_ministry(ctx, topic))
            .flatten()
            // Not the ministry a counterpart heads ("… and his Mozambican counterpart Y"),
            // nor one another holder of the title heads ("Russian Defence Minister A is
            // visiting at the invitation of Defence Minister B").
            .filter(|&m| {
                !ctx.facts.iter().any(|f| {
                    f.object == m
                        && (f.rule == Rule::TitleCounterpart
                            || (f.relation == Relation::Leads && f.subject != person))
                })
            })
            .filter(|&m| {
                let Some((c, ce)) = country.zip(country_entity) else {
                    return true;
                };
                let name = &ctx.resolved.entities[m].name;
                let lex = &lexicons().countries[c];
                std::iter::once(&lex.name)
                    .chain(&lex.demonyms)
                    .any(|w| name.starts_with(&format!("{w} ")))
                    || ctx.facts.iter().any(|f| {
                        f.subject == m && f.relation == Relation::MemberOf && f.object == ce
                    })
            });
        let ministry = named.or_else(|| {
            let c = country?;
            national_ministry(ctx, c, &portfolio_name(&s.mentions[k].surface))
        });
        if let Some(ministry) = ministry {
            ctx.emit(
                person,
                Relation::Leads,
                ministry,
                None,
                None,
                Rule::TitleMinistry,
            );
        }
    }
    // "U.S. Defense Secretary X", "U.S. Secretary of State X": the department.
    if of.is_none()
        && let Some(department) = us_department(ctx, k, None)
    {
        ctx.emit(
            person,
            Relation::Leads,
            department,
            None,
            None,
            Rule::TitleMinistry,
        );
    }
    // "X, a researcher at the institute": the one institution of the article named so;
    // "X, general manager of the park": the institution "the park" refers back to.
    let end = s.mentions[k].end;
    let referred = s
        .tok_mention
        .get(end + 2)
        .copied()
        .flatten()
        .filter(|&m| s.mentions[m].anaphor)
        .and_then(|m| ctx.entity(m))
        .filter(|&e| ctx.kind(e) == Kind::Institution);
    if of.is_none()
        && matches!(s.word(end), "at" | "for" | "of")
        && s.word(end + 1) == "the"
        && s.tokens.get(end + 2).is_some_and(|t| t.is_lower_word())
        && (lexicons().institution_forms.get(s.word(end + 2)).is_some() || referred.is_some())
        && let Some(rel) = link(t.with_of)
        && let Some(org) = named_institution(ctx, s.word(end + 2)).or(referred)
    {
        ctx.emit(person, rel, org, None, None, Rule::TitleOf);
    }
    if let Some(o) = of.filter(|_| of_country.is_none())
        && let Some(rel) = link(t.with_of)
        && let Some(org) = ctx.entity(o)
    {
        let org = country_ministry(ctx, k, o)
            .or_else(|| us_department(ctx, k, Some(o)))
            .unwrap_or(org);
        ctx.emit(person, rel, org, None, None, Rule::TitleOf);
        // "a student in the Department of History at the University of Y": a member of
        // the unit and of the body it belongs to.
        if rel == Relation::MemberOf
            && let Some(body) = body_at(ctx, o)
        {
            ctx.emit(person, rel, body, None, None, Rule::TitleOf);
        }
        // "a commander with the Northern Command and the Aerospace Defense Command":
        // a member of each body named; "director of X and Y" leads neither alone.
        if rel == Relation::MemberOf
            && s.word(s.mentions[o].end) == "and"
            && let Some(second) = s.mention_from(s.mentions[o].end + 1)
            && matches!(
                s.mentions[second].kind,
                MentionKind::Name(Some(Kind::Institution))
            )
            && let Some(org2) = ctx.entity(second)
        {
            ctx.emit(person, rel, org2, None, None, Rule::TitleOf);
        }
    }
    // "Kremlin spokesman X", "the zoo's director, X": an institution right before a
    // title.
    let title_start = s.mentions[k].start;
    // A name of unknown kind right before a title is an organisation ("NASA
    // Administrator X", "a Four Paws vet"); a city only has a mayor or governor.
    // "a University of Zagreb law professor": up to two plain nouns between a named
    // institution and its title.
    let plain = |j: usize| s.is_plain_word(j);
    // "the zoo's acting chief executive": the owner's possessive, perhaps before a word
    // or two of the holder's standing (not "the zoo's facilities director", who heads a
    // part of it).
    let mut modified = title_start;
    while modified > 0
        && title_start - modified < 2
        && plain(modified - 1)
        && STANDING.contains(&s.word(modified - 1))
    {
        modified -= 1;
    }
    // "BHP said its chief executive, X, will retire": "its" stands for the last
    // institution named before it in the sentence.
    if of.is_none()
        && modified > 0
        && s.word(modified - 1) == "its"
        && let Some(rel) = link(t.with_of)
        && let Some(org) = (0..s.mentions.len())
            .rev()
            .filter(|&m| s.mentions[m].end < modified)
            .filter_map(|m| ctx.entity(m))
            .find(|&e| ctx.kind(e) == Kind::Institution)
    {
        ctx.emit(person, rel, org, None, None, Rule::OrgTitle);
        return;
    }
    let owner_end = if modified > 0 && s.tokens[modified - 1].kind == TokKind::Possessive {
        modified - 1
    } else if title_start > 0 && s.tokens[title_start - 1].kind == TokKind::Possessive {
        title_start - 1
    } else {
        title_start
    };
    let mut gap = owner_end;
    while gap > 0 && owner_end - gap < 2 && plain(gap - 1) {
        gap -= 1;
    }
    // "the European Union's foreign policy chief, X": past the owner's possessive too.
    let possessive_gap = gap > 1 && s.tokens[gap - 1].kind == TokKind::Possessive;
    let institution_at = |j: usize| {
        s.tok_mention[j].is_some_and(|m| {
            matches!(
                s.mentions[m].kind,
                MentionKind::Name(Some(Kind::Institution))
            )
        })
    };
    let (owner_end, part) = if gap < owner_end
        && gap > 0
        && (institution_at(gap - 1) || possessive_gap && institution_at(gap - 2))
    {
        (gap - usize::from(possessive_gap), true)
    } else {
        (owner_end, false)
    };
    // A head's title after plain nouns heads a part of the body ("the zoo's research
    // director", "the EU's foreign policy chief"): a member of the body.
    let link = |r: RoleLink| link(r).map(|rel| if part { Relation::MemberOf } else { rel });
    // "Austin Fire Chief X", "Seattle's police chief, X": the city's department.
    if of.is_none()
        // (A deputy's title is the lexicon's "deputy": a member of the department.)
        && let Some(department) = department_of_chief(&s.mentions[k].surface)
        // A sheriff, only a member of the county "of" names, heads its office.
        && let Some(rel) = link(if department == SHERIFFS_OFFICE {
            RoleLink::Leads
        } else {
            t.with_of
        })
    {
        let owner = owner_end.checked_sub(1).and_then(|j| s.tok_mention[j]);
        let body = match owner {
            // A name of unknown kind before the title is the city ("Austin Fire Chief X",
            // whatever the typer makes of "Austin").
            Some(p)
                if s.mentions[p].end == owner_end
                    && (s.is_place(p) || s.mentions[p].kind == MentionKind::Name(None)) =>
            {
                // "Polk County Sheriff X" is an officer of the county too, and "Austin
                // Police Chief X" of the city.
                if let Some(place) = ctx.entity(p).filter(|&e| ctx.kind(e) == Kind::Place) {
                    ctx.emit(
                        person,
                        Relation::MemberOf,
                        place,
                        None,
                        None,
                        Rule::OrgTitle,
                    );
                }
                let name = format!("{} {department}", s.mentions[p].surface);
                Some(ctx.resolved.entity_named(&name, Kind::Institution))
            }
            Some(_) => None,
            // "Police Chief X" alone: the one department of its kind the article names;
            // none named, the formal title (not "a local police chief") heads the
            // department of the story's own city or county.
            None => only_institution(ctx, |name| {
                name == department || name.ends_with(&format!(" {department}"))
            })
            .or_else(|| {
                if !s.mentions[k].surface.starts_with(char::is_uppercase) {
                    return None;
                }
                let level = if department == SHERIFFS_OFFICE {
                    "County"
                } else {
                    "City"
                };
                let place = home_place(ctx, level)?;
                let name = format!("{} {department}", ctx.resolved.entities[place].name);
                Some(ctx.resolved.entity_named(&name, Kind::Institution))
            }),
        };
        if let Some(body) = body {
            ctx.emit(person, rel, body, None, None, Rule::OrgTitle);
        }
        return;
    }
    // "City Attorney X", "Town Clerk X", "City Manager X": an officer of the article's
    // own city, town or county; "Jacksonville City Attorney X": of the place named.
    let title_lower = s.mentions[k].surface.to_lowercase();
    let civic_office = |office: &str| {
        LOCAL_OFFICES.contains(&office)
            || matches!(
                office,
                "manager" | "administrator" | "attorney" | "attorney general"
            )
    };
    // "Assistant City Manager X", "Deputy Town Clerk Y": a modifier, the level and the
    // office written as one title, of the article's own place of that level.
    let modified = || {
        let (level, office) = modified_civic_title(&s.mentions[k].surface)?;
        civic_office(&office).then(|| home_place(ctx, level))?
    };
    let owned = || {
        let p = owner_end.checked_sub(1).and_then(|j| s.tok_mention[j])?;
        (s.mentions[p].end == owner_end && civic_office(&title_lower))
            .then(|| civic_owner(ctx, p))?
    };
    if of.is_none()
        && let Some(place) = modified().or_else(owned)
    {
        ctx.emit(
            person,
            Relation::MemberOf,
            place,
            None,
            None,
            Rule::OrgTitle,
        );
        return;
    }
    if of.is_none()
        && let Some(p) = owner_end.checked_sub(1).and_then(|j| s.tok_mention[j])
        && let Some(rel) = link(t.with_of)
        && let Some(org) = ctx.entity(p)
    {
        let civic = matches!(
            s.mentions[k].surface.to_lowercase().as_str(),
            "mayor" | "governor" | "lord mayor" | "deputy mayor"
        );
        // "Madrid Mayor X": the city, even where a capital stands for its country.
        let org = if civic && matches!(s.mentions[p].kind, MentionKind::Capital(_)) {
            ctx.resolved
                .entity_named(&s.mentions[p].surface, Kind::Place)
        } else {
            org
        };
        // "U.S. District Judge X", "Circuit Judge X": a member of the court the words
        // before the title name ("U.S. District Court").
        let surface = &s.mentions[p].surface;
        if s.mentions[p].end == owner_end
            && !surface.contains("Court")
            && matches!(
                s.mentions[k].surface.to_lowercase().as_str(),
                "judge" | "justice" | "chief judge" | "chief justice"
            )
            && names_court_level(surface)
        {
            let court = ctx
                .resolved
                .entity_named(&format!("{surface} Court"), Kind::Institution);
            ctx.emit(
                person,
                Relation::MemberOf,
                court,
                None,
                None,
                Rule::OrgTitle,
            );
            return;
        }
        let owner = match (s.mentions[p].kind, ctx.kind(org)) {
            (MentionKind::Name(Some(Kind::Institution)), _) => true,
            (MentionKind::Name(None), Kind::Institution) => true,
            // Not a person named in full before and now by one name ("Arnold's
            // attorney" after "Chuck Arnold").
            (MentionKind::Name(None), Kind::Person)
                if s.mentions[p].end == owner_end
                    && !(s.possessive(p)
                        && s.mentions[p].end - s.mentions[p].start == 1
                        && ctx.resolved.entities[org].name.contains(' ')) =>
            {
                ctx.resolved.entities[org].kind = Kind::Institution;
                true
            }
            // "Franklin County auditor X": a place's own offices.
            (MentionKind::Capital(_) | MentionKind::Name(_), Kind::Place)
                if civic
                    || LOCAL_OFFICES.contains(&s.mentions[k].surface.to_lowercase().as_str()) =>
            {
                true
            }
            // "Boeing's chief executive, X", "Boeing Chief Executive X": one unknown word
            // taken for a place only for want of a cue, right before a title no country
            // holds, is a body.
            (MentionKind::Name(None), Kind::Place)
                if s.mentions[p].end == owner_end
                    && s.mentions[p].end - s.mentions[p].start == 1
                    // Not a capitalised first word ("Renowned archaeologist X") unless
                    // the article names it again.
                    && (s.mentions[p].start > 0
                        || s.possessive(p)
                        || ctx.resolved.named_times(org) > 1)
                    && t.with_country != RoleLink::Leads
                    && !s.is_place(p) =>
            {
                // A title a country's people hold too ("Chelsea striker X", "Boeing
                // spokesperson X") makes its holder a member whatever the word names.
                if t.with_country == RoleLink::Nothing {
                    ctx.resolved.entities[org].kind = Kind::Institution;
                }
                true
            }
            _ => false,
        };
        if owner {
            let org = named_unit(ctx, org).unwrap_or(org);
            ctx.emit(person, rel, org, None, None, Rule::OrgTitle);
        }
        return;
    }
    // "Chairman Ken Smith said": the head of a company or board, capitalised before the
    // holder's name with nothing before it to say whose, heads the institution the
    // article names most among those named just before (`last_institution`).
    let opens = title_start.checked_sub(1).is_none_or(|j| {
        s.tok_mention[j].is_none()
            && (s.tokens[j].kind != TokKind::Word
                || matches!(s.word(j), "said" | "says" | "by" | "and"))
    });
    if of.is_none()
        && owner_end == title_start
        && opens
        && !indefinite
        && BOARD_HEADS.contains(&s.mentions[k].surface.to_lowercase().as_str())
        && s.tokens[title_start].is_capitalised()
        && let Some(org) = last_institution(ctx, title_start)
    {
        ctx.emit(person, Relation::Leads, org, None, None, Rule::OrgTitle);
    }
}

/// The titles of a company's or a board's head, which name no country and no ministry.
const BOARD_HEADS: [&str; 10] = [
    "chairman",
    "chairwoman",
    "chair",
    "chief executive",
    "chief executive officer",
    "ceo",
    "president and ceo",
    "general manager",
    "managing director",
    "executive director",
];

/// Of the institutions named before token `before` of this sentence or in the two
/// sentences before it, the one the article names most (at least twice); the first
/// of those named last, on a tie.
fn last_institution(ctx: &Ctx, before: usize) -> Option<usize> {
    let s = ctx.sentence;
    let here = (0..s.mentions.len())
        .rev()
        .filter(|&m| s.mentions[m].end <= before)
        .filter_map(|m| ctx.entity(m));
    let earlier = (1..=2)
        .filter_map(|d| s.index.checked_sub(d))
        .flat_map(|i| {
            ctx.resolved
                .of_mention
                .get(i)
                .into_iter()
                .flat_map(|ms| ms.iter().rev().flatten().copied())
        })
        .collect::<Vec<_>>();
    here.chain(earlier)
        .enumerate()
        .filter(|&(_, e)| ctx.kind(e) == Kind::Institution && ctx.resolved.named_times(e) > 1)
        .max_by_key(|&(at, e)| (ctx.resolved.named_times(e), std::cmp::Reverse(at)))
        .map(|(_, e)| e)
}

/// The portfolio a minister's title names, lowercase ("Defence Minister" → "defence");
/// none for a title that names none ("Prime Minister", "First Deputy Prime Minister").
fn portfolio(title: &str) -> Option<String> {
    let topic = title.to_lowercase().strip_suffix(" minister")?.to_string();
    (!topic
        .split(' ')
        .any(|w| matches!(w, "prime" | "deputy" | "first")))
    .then_some(topic)
}

/// The department of a city's chief, by the title, a deputy's or an assistant's too:
/// "police chief" → "Police Department", "Deputy Fire Chief" → "Fire Department".
fn department_of_chief(title: &str) -> Option<&'static str> {
    let title = title.to_lowercase();
    let (deputy, chief) = match title
        .strip_prefix("deputy ")
        .or_else(|| title.strip_prefix("assistant "))
    {
        Some(chief) => (true, chief),
        None => (false, title.as_str()),
    };
    let department = match chief {
        "police chief" => "Police Department",
        "fire chief" => "Fire Department",
        "sheriff" if !deputy => SHERIFFS_OFFICE,
        _ => return None,
    };
    Some(department)
}

/// The office a county's sheriff heads, named after the county: "Polk County Sheriff's
/// Office".
const SHERIFFS_OFFICE: &str = "Sheriff's Office";

/// The words that close the name of a body's working unit after its owner's and field's
/// words: "Davidson County Health Department", "Keldar Planning Office".
const UNIT_WORDS: [&str; 8] = [
    "Department",
    "Office",
    "Agency",
    "Service",
    "Bureau",
    "Division",
    "Authority",
    "Program",
];

/// The one unit the article names with the words of entity `owner` before a unit's word
/// ("Davidson County Health Director X" in an article that names "the Davidson County
/// Health Department": the title names the department, not a body called "Davidson
/// County Health").
fn named_unit(ctx: &Ctx, owner: usize) -> Option<usize> {
    let name = &ctx.resolved.entities[owner].name;
    only_institution(ctx, |n| {
        n.strip_prefix(name.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|unit| UNIT_WORDS.contains(&unit))
    })
}

/// "X heads Y", "X, who runs Y".
fn head_verb(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let Some(&subject) = s.subjects_before(i).last() else {
        return;
    };
    // "who chairs both the board and the committee": each body named.
    let both = s.word(i + 1) == "both";
    let Some(object) = s.mention_from(i + 1 + usize::from(both)) else {
        return;
    };
    let end = s.mentions[object].end;
    let second = (both && s.word(end) == "and")
        .then(|| s.mention_from(end + 1))
        .flatten();
    let Some(p) = ctx.entity(subject).filter(|&p| ctx.kind(p) == Kind::Person) else {
        return;
    };
    for o in std::iter::once(object).chain(second) {
        if let Some(o) = ctx.entity(o)
            && matches!(ctx.kind(o), Kind::Institution | Kind::Country | Kind::Group)
        {
            ctx.emit(p, Relation::Leads, o, None, None, Rule::HeadVerb);
        }
    }
}

/// "Russian news agency, TASS" or "TASS, the Russian news agency".
fn descriptor(ctx: &mut Ctx, k: usize, c: usize) {
    let s = ctx.sentence;
    let is_named_org = |m: usize| {
        matches!(s.mentions[m].kind, MentionKind::Name(_))
            && ctx
                .entity(m)
                .is_some_and(|e| matches!(ctx.kind(e), Kind::Institution | Kind::Person))
    };
    let end = s.mentions[k].end;
    let skip = usize::from(s.tokens.get(end).is_some_and(|t| t.is_punct(",")));
    let after = s
        .tok_mention
        .get(end + skip)
        .copied()
        .flatten()
        .filter(|&m| s.mentions[m].start == end + skip && is_named_org(m));
    let start = s.phrase_start(k);
    let before = (start >= 2 && s.tokens[start - 1].is_punct(","))
        .then(|| s.tok_mention[start - 2])
        .flatten()
        .filter(|&m| is_named_org(m));
    if let Some(m) = after.or(before)
        && let Some(e) = ctx.entity(m)
    {
        // A one-word name described as an institution is one.
        ctx.resolved.entities[e].kind = Kind::Institution;
        let alias = s.mentions[k].surface.clone();
        ctx.resolved.entities[e].aliases.insert(alias);
        if let Some(ce) = country_entity(ctx, Some(c)) {
            ctx.emit(
                e,
                Relation::MemberOf,
                ce,
                None,
                None,
                Rule::DescriptorApposition,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::test_util::triples;

    #[test]
    fn chosen_to_replace_a_titled_holder() {
        for (text, facts) in [
            (
                "Kelso Inc. has appointed Mark Durcan to replace chief executive Steve Appleton.",
                &[
                    "Mark Durcan leads Kelso Inc",
                    "Steve Appleton leads Kelso Inc",
                ][..],
            ),
            (
                "Brant Corp. said it has named Ana Lind to succeed longtime chairman Omar Haddi.",
                &["Ana Lind leads Brant Corp", "Omar Haddi leads Brant Corp"][..],
            ),
            (
                "Kelso Technology said yesterday it had selected Ana Lind, 51, to replace chief executive Omar Haddi.",
                &[
                    "Ana Lind leads Kelso Technology",
                    "Omar Haddi leads Kelso Technology",
                ][..],
            ),
        ] {
            let t = triples(text);
            for fact in facts {
                assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
            }
        }
        // A nomination gives the post only to its holder.
        let t = triples(
            "Brant Corp. will nominate independent director Ana Lind, 66, to succeed Chairman Omar Haddi.",
        );
        assert!(
            t.contains(&"Omar Haddi leads Brant Corp".to_string()),
            "{t:?}"
        );
        assert!(
            !t.contains(&"Ana Lind leads Brant Corp".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_decided_head_verb_gives_the_post() {
        for text in [
            "Animesh Chauhan will head Oriental Bank of Commerce.",
            "Animesh Chauhan will head the Kelso Institute from May.",
            "Animesh Chauhan heads the Kelso Institute.",
            "Animesh Chauhan will lead the Kelso Institute from May.",
            // A delegation is a group its leader leads.
            "Animesh Chauhan will lead the Indian delegation.",
        ] {
            let t = triples(text);
            assert!(
                t.iter().any(|f| f.starts_with("Animesh Chauhan leads ")),
                "{text}: {t:?}"
            );
        }
        for text in [
            "Animesh Chauhan could head the Kelso Institute.",
            // "lead" as a noun heads nothing.
            "Animesh Chauhan took the lead in the Kelso Institute talks.",
        ] {
            let t = triples(text);
            assert!(!t.iter().any(|f| f.contains(" leads ")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_nationality_in_a_persons_appositive_is_a_membership() {
        for text in [
            "Ana Lind, a Swedish botanist, died on Monday.",
            "Ana Lind, 54, the Swedish botanist who named the plant, died.",
            "The prize went to Ana Lind, a Swedish botanist.",
        ] {
            let t = triples(text);
            assert!(
                t.contains(&"Ana Lind member-of Sweden".to_string()),
                "{text}: {t:?}"
            );
        }
        // The adjective of a longer phrase, or a body's, says nothing of the person.
        for text in [
            "Ana Lind, a Swedish botanist's widow, died.",
            "Ana Lind, a Swedish botanist and Chilean writer, died.",
        ] {
            let t = triples(text);
            assert!(!t.iter().any(|x| x.contains("member-of")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_stated_nationality_gives_member_of() {
        assert_gives(&[
            (
                "Peruvian citizen Ana Soto was freed on Monday.",
                "Ana Soto member-of Peru",
            ),
            (
                "Chilean tennis star Luis Rojas won the final.",
                "Luis Rojas member-of Chile",
            ),
            (
                "The talks included Russian scientist Ivan Petrov.",
                "Ivan Petrov member-of Russia",
            ),
        ]);
        // "National" in a name is no title.
        let t = triples("The cheetahs reached Kuno National Park in India.");
        assert!(
            t.contains(&"Kuno National Park located-in India".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_title_with_a_field_of_work_is_a_membership_of_the_body_after_it() {
        for (text, fact) in [
            (
                "Ana Soto, a professor of law at Lima University, said the ruling was wrong.",
                "Ana Soto member-of Lima University",
            ),
            (
                "Luis Rojas, a doctoral student in history at Andes University, found it.",
                "Luis Rojas member-of Andes University",
            ),
            (
                "Ana Soto, director of communications at the Condor Bank, said so.",
                "Ana Soto member-of Condor Bank",
            ),
            (
                "The llamas will move, said Ana Soto, the Lima Zoo's head of large mammals.",
                "Ana Soto member-of Lima Zoo",
            ),
            (
                "Ana Soto, a lecturer in the School of Law at Lima University, said so.",
                "Ana Soto member-of School of Law",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
            assert!(!t.iter().any(|f| f.contains(" leads ")), "{text}: {t:?}");
        }
        // A unit's member is a member of the body the unit is "at".
        let t = triples("Ana Soto, a lecturer in the School of Law at Lima University, said so.");
        assert!(
            t.contains(&"Ana Soto member-of Lima University".to_string()),
            "{t:?}"
        );
        // "head of state" is the top post, no field; "in" a place names no body.
        let t = triples("Luis Rojas, Chile's head of state, said so.");
        assert!(t.contains(&"Luis Rojas leads Chile".to_string()), "{t:?}");
        let t = triples("Ana Soto, a reporter in London, said so.");
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
    }

    #[test]
    fn a_second_title_after_and_belongs_to_the_first_titles_holder() {
        assert_gives(&[
            (
                "Ana Soto, a student at Lima University and guest curator at the Condor Museum, wrote it.",
                "Ana Soto member-of Condor Museum",
            ),
            (
                "Ana Soto, a student in the Department of History at Lima University and acting curator of textiles at the Condor Museum, wrote it.",
                "Ana Soto member-of Condor Museum",
            ),
        ]);
        // Not across a person: the second title is the next holder's.
        let t = triples("President of Chile Luis Rojas and President of Peru Ana Soto signed it.");
        assert!(!t.contains(&"Luis Rojas leads Peru".to_string()), "{t:?}");
        assert!(t.contains(&"Ana Soto leads Peru".to_string()), "{t:?}");
    }

    #[test]
    fn a_copula_joins_a_holder_to_the_title_after_it() {
        assert_gives(&[
            (
                "Ana Soto is the chief executive of Condor Bank.",
                "Ana Soto leads Condor Bank",
            ),
            (
                "Ana Soto has been the director of the Lima Zoo since 2015.",
                "Ana Soto leads Lima Zoo",
            ),
            (
                "Luis Rojas is also a professor of law at Andes University.",
                "Luis Rojas member-of Andes University",
            ),
            (
                "The bid was led by Ana Soto, who is the chief executive of Condor Bank.",
                "Ana Soto leads Condor Bank",
            ),
            (
                "She thanked her husband, Luis Rojas Jr., who is the deputy director of the Lima Zoo.",
                "Luis Rojas Jr member-of Lima Zoo",
            ),
            (
                "Her husband, Luis Rojas Jr., is the director of the Lima Zoo.",
                "Luis Rojas Jr leads Lima Zoo",
            ),
            (
                "Luis Rojas spoke. Since 2015 he has been the chairman of the Lima Water Trust.",
                "Luis Rojas leads Lima Water Trust",
            ),
            // Past an adverb of time after the copula.
            (
                "Ana Soto is currently President of Andes University.",
                "Ana Soto leads Andes University",
            ),
            (
                "Ana Soto was previously chief of the Lima Police Department.",
                "Ana Soto leads Lima Police Department",
            ),
            // Past the words that lead into a post.
            (
                "Ana Soto is the new chief executive of Condor Bank.",
                "Ana Soto leads Condor Bank",
            ),
            (
                "Ana Soto will be the next director of the Lima Zoo.",
                "Ana Soto leads Lima Zoo",
            ),
            (
                "Luis Rojas was the 12th president of Andes University.",
                "Luis Rojas leads Andes University",
            ),
            // Past the body or town the holder comes from.
            (
                "Ana Soto of Andes University will be the new dean of the Lima Law School.",
                "Ana Soto leads Lima Law School",
            ),
            (
                "Luis Rojas of the Condor Bank will serve as the first director of the Lima Water Trust.",
                "Luis Rojas leads Lima Water Trust",
            ),
        ]);
        // Only a person holds a post.
        let t = triples("The prize is the director of the Lima Zoo's choice.");
        assert!(!t.iter().any(|f| f.contains(" leads ")), "{t:?}");
    }

    #[test]
    fn coordinated_titles_share_their_body() {
        assert_gives(&[
            (
                "Ana Soto, president and chief executive of Condor Bank, said profits rose.",
                "Ana Soto leads Condor Bank",
            ),
            (
                "President and CEO of Condor Bank Ana Soto said profits rose.",
                "Ana Soto leads Condor Bank",
            ),
            (
                "Luis Rojas, CEO and chairman of the Board of Management of Andes Steel, spoke.",
                "Luis Rojas leads Board of Management of Andes Steel",
            ),
        ]);
        // Two holders, two titles: the first holder's title takes no body from the second.
        let t = triples("President Luis Rojas and Director of Condor Bank Ana Soto met.");
        assert!(
            !t.contains(&"Luis Rojas leads Condor Bank".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_body_after_for_may_follow_words_that_say_what_it_is() {
        assert_gives(&[
            (
                "Ana Soto, program manager for the animal protection group Condor Trust, spoke.",
                "Ana Soto member-of Condor Trust",
            ),
            (
                "Luis Rojas, a spokesman for the carmaker Andes Motors, declined to comment.",
                "Luis Rojas member-of Andes Motors",
            ),
        ]);
        // Only plain words are passed: "since" ends the body's description.
        let t = triples("Ana Soto, a manager for the firm since Lima Expo, spoke.");
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
    }

    #[test]
    fn a_bare_noun_before_a_title_is_the_body_named_before() {
        assert_gives(&[
            (
                "The Condor Wildlife Park opened. The llamas are healthy, park veterinarian Ana Soto said.",
                "Ana Soto member-of Condor Wildlife Park",
            ),
            (
                "The Lima Zoo opened. The llamas are healthy, said zoo spokesman Luis Rojas.",
                "Luis Rojas member-of Lima Zoo",
            ),
        ]);
        // No body named before: no membership.
        let t = triples("The llamas are healthy, said zoo spokesman Luis Rojas.");
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
    }

    #[test]
    fn a_unit_at_a_body_is_a_member_of_it() {
        assert_gives(&[
            (
                "Ana Soto of the Department of Biology at Lima University spoke.",
                "Department of Biology member-of Lima University",
            ),
            (
                "The Institute of Zoology at the Andes Academy of Sciences named it.",
                "Institute of Zoology member-of Andes Academy of Sciences",
            ),
            (
                "A student in the Lima Academy's Condor Institute at Andes University spoke.",
                "Condor Institute member-of Andes University",
            ),
        ]);
        // Only a unit's noun: a zoo at a park is not the park's member.
        let t = triples("The Condor Zoo at the Lima Museum opened.");
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
    }

    #[test]
    fn a_body_that_comprises_parts_has_them_as_members() {
        for (text, facts) in [
            (
                "The Andes Museums, which comprise the Condor Museum and the Llama Gallery, opened.",
                &[
                    "Condor Museum member-of Andes Museums",
                    "Llama Gallery member-of Andes Museums",
                ][..],
            ),
            (
                "The Andes Museums, a group in Peru that comprises the Condor Museum and the Llama Gallery, opened.",
                &["Condor Museum member-of Andes Museums"][..],
            ),
            (
                "The Andes Forum, comprising Chile, Peru and Bolivia, met on Monday.",
                &[
                    "Chile member-of Andes Forum",
                    "Bolivia member-of Andes Forum",
                ][..],
            ),
            (
                "Condor Avionics, which comprises the Tobol Instrument Works and the Lima Design Bureau, has plants.",
                &["Tobol Instrument Works member-of Condor Avionics"][..],
            ),
            (
                "The Andes Forum consists of Chile and Peru.",
                &["Peru member-of Andes Forum"][..],
            ),
        ] {
            let t = triples(text);
            for fact in facts {
                assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
            }
        }
        // "made" alone is no "made up of".
        let t = triples("The Andes Museums, which made the Condor Museum famous, opened.");
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
        // Places comprise places: no membership.
        let t = triples("The Lima Region comprises Callao and Huaral.");
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
    }

    #[test]
    fn an_institutions_possessive_names_its_units() {
        assert_gives(&[
            (
                "The Andes Institution's Condor Zoo opened on Monday.",
                "Condor Zoo member-of Andes Institution",
            ),
            (
                "Analysts at the Lima Foundation's Research Department spoke.",
                "Research Department member-of Lima Foundation",
            ),
            // Past lowercase words and things ending in an organisation noun.
            (
                "The carmaker Velomax sold Velomax's battery and software unit Volta Labs.",
                "Volta Labs member-of Velomax",
            ),
        ]);
        // A place's possessive locates; it makes no member.
        let t = triples("Lima's Condor Zoo opened on Monday.");
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
    }

    #[test]
    fn a_title_of_a_countrys_described_company_is_the_companys() {
        for (text, fact) in [
            (
                "Ivan Petrov, chairman of Russia's state-run oil company Neftegaz, spoke.",
                "Ivan Petrov leads Neftegaz",
            ),
            (
                "Ana Soto, CEO of Chile's biggest arms exporter Armachile, spoke.",
                "Ana Soto leads Armachile",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
            assert!(
                !t.iter()
                    .any(|f| f.contains(" leads Russia") || f.contains(" leads Chile")),
                "{t:?}"
            );
        }
    }

    #[test]
    fn titles_in_appositions_with_modifiers_and_owners() {
        assert_gives(&[
            (
                "Ciri Haugh, marketing coordinator at the Gladys Porter Zoo, spoke.",
                "Ciri Haugh member-of Gladys Porter Zoo",
            ),
            (
                "Amy O'Brien, CEO of Audrain County Community Hospital, spoke.",
                "Amy O'Brien leads Audrain County Community Hospital",
            ),
            (
                "Louise Richardson, the University of Oxford's vice-chancellor, spoke.",
                "Louise Richardson leads University of Oxford",
            ),
            (
                "The visit was led by NASA Administrator Bill Nelson and ISRO chairman Sreedhara Somanath.",
                "Sreedhara Somanath leads ISRO",
            ),
            (
                "Madrid Mayor Jose Luis Martinez-Almeida welcomed the pandas.",
                "Jose Luis Martinez-Almeida leads Madrid",
            ),
            // Military ranks.
            (
                "Indian Army Colonel Amit Sharma handed over the trucks.",
                "Amit Sharma member-of Indian Army",
            ),
            (
                "Russian Colonel Ivan Petrov said it was over.",
                "Ivan Petrov member-of Russia",
            ),
            (
                "He met Brigadier General Ana Lind of the Peruvian Army.",
                "Ana Lind member-of Peruvian Army",
            ),
            // Words of the holder's standing between the owner and the title.
            (
                "The Lima Zoo got llamas, said Ana Lind, the zoo's acting chief executive.",
                "Ana Lind leads Lima Zoo",
            ),
            (
                "Ana Lind, the Lima Zoo's new director, spoke.",
                "Ana Lind leads Lima Zoo",
            ),
            (
                "Ana Lind, Peru's new foreign minister, arrived.",
                "Ana Lind leads Peruvian Ministry of Foreign Affairs",
            ),
        ]);
        // A body after "of" named by a country's adjective and its noun; the adjective
        // alone names no body.
        let t = triples("Ana Lind, director of the Peruvian space agency, arrived.");
        assert!(
            t.contains(&"Ana Lind leads Peruvian space agency".to_string()),
            "{t:?}"
        );
        for text in [
            "Ana Lind, head of the Chilean mission, said the talks were good.",
            "Ana Lind, head of the Chilean archaeological mission, spoke.",
        ] {
            let t = triples(text);
            assert!(
                t.iter().all(|f| !f.starts_with("Ana Lind leads")),
                "{text}: {t:?}"
            );
        }
        // A noun before the title names a part of the owner: its head leads no zoo.
        let t = triples("Ana Lind, the Lima Zoo's facilities director, spoke.");
        assert!(!t.contains(&"Ana Lind leads Lima Zoo".to_string()), "{t:?}");
        // A verb between the comma and the title: the name before the comma is not the
        // title holder.
        let t =
            triples("Trucks were seen near the town of El Dorado, and summoned Chad's ambassador.");
        assert!(t.iter().all(|f| !f.starts_with("El Dorado")), "{t:?}");
    }

    /// Asserts that each text, alone, gives its fact.
    fn assert_gives(cases: &[(&str, &str)]) {
        for (text, fact) in cases {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_rank_between_a_post_and_its_holder() {
        let t = triples("He met Deputy Prime Minister of Chile General Ana Soto.");
        assert_eq!(t, ["Ana Soto member-of Chile"]);
        // A post named whole, then a rank: "Chile's Chief of Staff General X".
        let t = triples("He met Chile's Chief of Staff General Ana Soto.");
        assert_eq!(t, ["Ana Soto member-of Chile"]);
    }

    #[test]
    fn a_field_between_a_title_and_its_holder() {
        // "curator of mammals X": the holder speaks, and is a member of the body
        // owning the title.
        for text in [
            "Lima Zoo curator of mammals Ana Soto said the llamas would stay.",
            "Lima Zoo director of animal care Ana Soto said the llamas would stay.",
        ] {
            let t = triples(text);
            assert!(
                t.contains(&"Ana Soto member-of Lima Zoo".to_string()),
                "{text}: {t:?}"
            );
            assert!(
                t.contains(&"Ana Soto stated The llamas would stay".to_string()),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn heads_of_state() {
        assert_eq!(
            triples("French President Emmanuel Macron arrived."),
            ["Emmanuel Macron leads France"]
        );
        assert_eq!(
            triples("Japan's Prime Minister Fumio Kishida arrived."),
            ["Fumio Kishida leads Japan"]
        );
        assert_eq!(
            triples("The Cuban leader Raul Castro arrived."),
            ["Raul Castro leads Cuba"]
        );
    }

    #[test]
    fn a_minister_of_a_country_leads_its_ministry_named_with_it() {
        for (text, ministry) in [
            (
                "Indonesia's Minister for Defense Ana Soto arrived in Lima.",
                "Indonesian Ministry of Defense",
            ),
            (
                "Indonesia`s Minister for Defense Ana Soto arrived in Lima.",
                "Indonesian Ministry of Defense",
            ),
            (
                "Chilean Minister of Agriculture Ana Soto arrived in Lima.",
                "Chilean Ministry of Agriculture",
            ),
            (
                "Ana Soto, Peru's Minister of Foreign Affairs, arrived in Lima.",
                "Peruvian Ministry of Foreign Affairs",
            ),
            // The country after the title's "of", the person after a comma or an
            // honorific.
            (
                "He met the Foreign Minister of Peru, Ana Soto, in Lima.",
                "Peruvian Ministry of Foreign Affairs",
            ),
            (
                "Ana Soto, the Defence Minister of Chile, arrived in Lima.",
                "Chilean Ministry of Defence",
            ),
            (
                "He met the Foreign Minister of Peru, Dr. Ana Soto, in Lima.",
                "Peruvian Ministry of Foreign Affairs",
            ),
            // The country inside the ministry's name, by its formal name too.
            (
                "The Minister of Foreign Affairs of Peru Mr. Ana Soto arrived in Lima.",
                "Peruvian Ministry of Foreign Affairs",
            ),
            (
                "Minister of Foreign Affairs of the Republic of Turkey Ana Soto arrived in Lima.",
                "Turkish Ministry of Foreign Affairs",
            ),
        ] {
            let t = triples(text);
            assert!(
                t.contains(&format!("Ana Soto leads {ministry}")),
                "{text}: {t:?}"
            );
            assert!(
                t.iter()
                    .any(|f| f.starts_with(&format!("{ministry} member-of "))),
                "{text}: {t:?}"
            );
        }
        // No country: the ministry as the title names it.
        let t = triples("Minister of Agriculture Ana Soto arrived in Lima.");
        assert!(
            t.contains(&"Ana Soto leads Ministry of Agriculture".to_string()),
            "{t:?}"
        );
        // A ministry the article names in full is that one.
        let t = triples(
            "The Chilean Ministry of Agriculture and Livestock said so. Chilean Minister of \
             Agriculture Ana Soto arrived.",
        );
        assert!(
            t.contains(&"Ana Soto leads Chilean Ministry of Agriculture and Livestock".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn appointments_give_the_post() {
        assert_gives(&[
            (
                "The Lima Zoo said it has named Ana Lind as chief executive officer.",
                "Ana Lind leads Lima Zoo",
            ),
            (
                "The Lima Zoo named zoo curator Ana Lind its next director.",
                "Ana Lind leads Lima Zoo",
            ),
            (
                "The University of Lima has appointed Ana Lind as its 28th president.",
                "Ana Lind leads University of Lima",
            ),
            (
                "Ana Lind was appointed director of the Lima Zoo on Monday.",
                "Ana Lind leads Lima Zoo",
            ),
            // Past an adverb after the auxiliary.
            (
                "Ana Lind was formally elected president of the Lima Football Federation on Monday.",
                "Ana Lind leads Lima Football Federation",
            ),
            (
                "Ana Lind has been unanimously appointed director of the Lima Zoo.",
                "Ana Lind leads Lima Zoo",
            ),
            (
                "Ana Lind will become the 15th president of the University of Lima.",
                "Ana Lind leads University of Lima",
            ),
            (
                "The Lima Zoo hired Ana Lind as a spokeswoman.",
                "Ana Lind member-of Lima Zoo",
            ),
            // A departure's purpose took place.
            (
                "Ana Lind left in May to become president of the University of Lima.",
                "Ana Lind leads University of Lima",
            ),
            (
                "He succeeds Ana Lind, who resigned as ULP president last year to become director of the Lima Zoo.",
                "Ana Lind leads Lima Zoo",
            ),
            // A name no lexicon types, appointing: the body.
            (
                "Keldar Logistics named Ana Lind chief executive on Monday.",
                "Ana Lind leads Keldar Logistics",
            ),
            (
                "Brimstone Partners hired Ana Lind as its new president.",
                "Ana Lind leads Brimstone Partners",
            ),
        ]);
        // A person appointing is no body.
        for text in [
            "President Ana Lind named Pedro Soto chief executive of the state oil company.",
            "Ana Lind, the Chilean president, spoke on Monday. Lind named Pedro Soto as chief executive.",
        ] {
            let t = triples(text);
            assert!(
                !t.iter().any(|f| f.ends_with("leads Ana Lind")),
                "{text}: {t:?}"
            );
        }
        // Not appointed, or no post: nothing.
        for text in [
            "The Lima Zoo has not named Ana Lind as its director.",
            "The Lima Zoo named its new panda after Ana Lind.",
            "Ana Lind was named in the report by the Lima Zoo.",
            "Ana Lind hopes to become director of the Lima Zoo.",
        ] {
            let t = triples(text);
            assert!(
                !t.iter()
                    .any(|f| f.contains("Lima Zoo") && f.starts_with("Ana Lind")),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn first_deputies_are_members_of_their_country() {
        for text in [
            "Chile's First Deputy Prime Minister Ana Soto arrived in Lima.",
            "Chilean First Deputy Prime Minister Ana Soto arrived in Lima.",
            "Chilean First Vice President Ana Soto arrived in Lima.",
        ] {
            let t = triples(text);
            assert!(
                t.contains(&"Ana Soto member-of Chile".to_string()),
                "{text}: {t:?}"
            );
            assert!(!t.iter().any(|f| f.contains("First")), "{text}: {t:?}");
            assert!(!t.iter().any(|f| f.contains("Ministry")), "{text}: {t:?}");
        }
    }

    #[test]
    fn topic_ministers_lead_the_ministry_named() {
        let t = triples(
            "The Greek Defence Ministry confirmed it. Defence Minister Nikos Pappas arrived.",
        );
        assert!(
            t.contains(&"Nikos Pappas leads Greek Defence Ministry".to_string()),
            "{t:?}"
        );
        assert!(
            !t.iter().any(|f| f.starts_with("Nikos Pappas member-of")),
            "{t:?}"
        );
        // With no ministry named, the one the title names (the guideline, section 6);
        // the minister is no member of the country.
        let t = triples("Peruvian Foreign Minister Ana Soto arrived in Lima.");
        assert_eq!(
            t,
            [
                "Ana Soto leads Peruvian Ministry of Foreign Affairs",
                "Peruvian Ministry of Foreign Affairs member-of Peru"
            ]
        );
        let t = triples("Thai Environment Minister Ana Soto arrived in Lima.");
        assert!(
            t.contains(&"Ana Soto leads Thai Ministry of Environment".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|f| f.contains("leads Environment")), "{t:?}");
        // Several countries' ministers: each leads their own country's ministry.
        let t = triples(
            "He met Japanese Defence Minister Taro Kono and Australian Defence Minister Ana Soto.",
        );
        for fact in [
            "Taro Kono leads Japanese Ministry of Defence",
            "Ana Soto leads Australian Ministry of Defence",
        ] {
            assert!(t.contains(&fact.to_string()), "{fact}: {t:?}");
        }
        assert!(!t.contains(&"Ana Soto leads Japanese Ministry of Defence".to_string()));
        // A ministry made a member of the country by its possessive is the country's.
        let t = triples(
            "Japan's Ministry of Foreign Affairs summoned him. Japanese Foreign Minister Taro Kono spoke.",
        );
        assert!(
            t.contains(&"Taro Kono leads Ministry of Foreign Affairs".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|f| f.contains("Japanese Ministry")), "{t:?}");
        // The country's own ministry, named before, is the one.
        let t = triples(
            "The Greek Defence Ministry said so. Greek Defence Minister Nikos Pappas arrived.",
        );
        assert!(
            t.contains(&"Nikos Pappas leads Greek Defence Ministry".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn researchers_and_spokesmen_at_an_institution() {
        let t = triples(
            "Analysts at the Lisbon Institute agreed. \"It is late,\" said Rui Costa, a senior researcher at the institute.",
        );
        assert!(
            t.contains(&"Rui Costa member-of Lisbon Institute".to_string()),
            "{t:?}"
        );
        let t = triples(
            "Eva Lind, a spokeswoman for the Swedish Migration Agency, declined to comment.",
        );
        assert!(
            t.contains(&"Eva Lind member-of Swedish Migration Agency".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_title_from_a_body_and_a_body_owned_by_its_place() {
        assert_gives(&[
            (
                "Ana Lind, a keeper from the Orvane Zoo, travelled with the bears.",
                "Ana Lind member-of Orvane Zoo",
            ),
            (
                "An official from the Keldar Embassy, Ivan Petrov, said the talks went well.",
                "Ivan Petrov member-of Keldar Embassy",
            ),
            (
                "Ana Lind, a mammal curator from Seattle's Orvane Zoo, was there.",
                "Ana Lind member-of Orvane Zoo",
            ),
            (
                "Ana Lind, a mammal curator from Seattle's Orvane Zoo, was there.",
                "Orvane Zoo located-in Seattle",
            ),
            (
                "Ana Lind, a curator at Lisbon's Orvane Zoo, was there.",
                "Orvane Zoo located-in Lisbon",
            ),
        ]);
        // Where the holder comes from is no body.
        let t = triples("Ana Lind, a veteran police official from New Jersey, was sworn in.");
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
    }

    #[test]
    fn a_body_after_the_holders_of_belongs_to_the_title_before_the_name() {
        assert_gives(&[
            (
                "President Ivan Petrov of Chile met the envoy.",
                "Ivan Petrov leads Chile",
            ),
            (
                "Talks between Prime Minister Ana Lind of Chile and the envoy ended.",
                "Ana Lind leads Chile",
            ),
            (
                "Foreign Minister Ivan Petrov of Chile and the envoy met on Monday.",
                "Ivan Petrov leads Chilean Ministry of Foreign Affairs",
            ),
            (
                "Chairman Ana Lind of Keldar Corp said the merger would close in May.",
                "Ana Lind leads Keldar Corp",
            ),
            (
                "Ana Lind of Keldar Corp said the merger would close in May.",
                "Ana Lind member-of Keldar Corp",
            ),
            (
                "Professor Ana Lind of Orvane University said the merger would fail.",
                "Ana Lind member-of Orvane University",
            ),
        ]);
        // The title says the link; the name's "of" adds no membership beside it.
        let t = triples("Chairman Ana Lind of Keldar Corp said the merger would close in May.");
        assert!(
            !t.contains(&"Ana Lind member-of Keldar Corp".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn serving_as_a_title_is_holding_it() {
        assert_gives(&[
            (
                "Ana Lind currently serves as provost of Orvane University.",
                "Ana Lind member-of Orvane University",
            ),
            (
                "Ana Lind, who has served as chief executive of Keldar Corp since 2019, will retire.",
                "Ana Lind leads Keldar Corp",
            ),
            (
                "Ivan Petrov served as director of the Orvane Zoo for a decade.",
                "Ivan Petrov leads Orvane Zoo",
            ),
            (
                "Ana Lind has served as the commissioner and chief executive officer of the Keldar Board since 2019.",
                "Ana Lind leads Keldar Board",
            ),
            (
                "Ana Lind is the president and chief executive of Keldar Corp.",
                "Ana Lind leads Keldar Corp",
            ),
        ]);
        // A head is no mere member: the first title's membership goes.
        let t = triples(
            "Ana Lind has served as the commissioner and chief executive officer of the Keldar Board since 2019.",
        );
        assert!(
            !t.contains(&"Ana Lind member-of Keldar Board".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_post_held_at_a_body_past_an_age_a_field_or_a_description() {
        assert_gives(&[
            // An age between commas before "serves as".
            (
                "Ana Lind, 56, currently serves as provost of Orvane University.",
                "Ana Lind member-of Orvane University",
            ),
            // A field after "for", then the body after "at".
            (
                "Ana Lind currently serves as senior vice president for academic affairs at Orvane University.",
                "Ana Lind member-of Orvane University",
            ),
            (
                "Ana Lind, director for communications at Keldar Corp, said sales rose.",
                "Ana Lind member-of Keldar Corp",
            ),
            // Plain words that say what the body is, with no "the".
            (
                "Ana Lind has been appointed chairman at engineering firm Keldar.",
                "Ana Lind leads Keldar",
            ),
            // An owner's pronoun before the body.
            (
                "Ana Lind, director of its Center for Marine Research, said so.",
                "Ana Lind leads Center for Marine Research",
            ),
        ]);
        // "for" names a ministry, not a field, after a minister.
        assert_gives(&[(
            "Ana Lind, Minister for Finance, said so.",
            "Ana Lind leads Ministry of Finance",
        )]);
    }

    #[test]
    fn a_civic_officer_belongs_to_the_article_s_own_city_only() {
        // A state's name before "City" is another city ("Kansas City"), and a city named
        // once is no sure home of the story.
        let kansas =
            "Voters in Kansas backed the plan. Kansas City Manager Ana Lind will step down.";
        assert_gives(&[(kansas, "Ana Lind member-of Kansas City")]);
        assert!(!triples(kansas).contains(&"Ana Lind member-of Kansas".to_string()));
        for text in [
            "The council met in Keldar. City Attorney Ana Lind said the deal was fair.",
            "The Orvane County board and the Keldar County board met. County Attorney Ana Lind was absent.",
        ] {
            let t = triples(text);
            assert!(
                t.iter().all(|f| !f.starts_with("Ana Lind member-of")),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn a_civic_office_with_a_modifier_is_of_the_story_s_own_place() {
        let home = "The plant in Keldar will close. Workers in Keldar were told. ";
        for title in [
            "Assistant City Manager",
            "Deputy City Attorney",
            "Interim Town Clerk",
        ] {
            let text = format!("{home}{title} Ana Lind said it was sad.");
            assert_gives(&[(text.as_str(), "Ana Lind member-of Keldar")]);
        }
        // A county's, with one county named; none with no home named twice, or with a
        // level and no office after it.
        assert_gives(&[(
            "The Orvane County board met. Deputy County Attorney Ana Lind was absent.",
            "Ana Lind member-of Orvane County",
        )]);
        for text in [
            "The plant in Keldar will close. Assistant City Manager Ana Lind said it was sad.",
            "Voters in Orvane and Keldar met. Deputy County Attorney Ana Lind was absent.",
        ] {
            let t = triples(text);
            assert!(
                t.iter().all(|f| !f.starts_with("Ana Lind member-of")),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn a_field_before_a_head_title_makes_a_member() {
        assert_gives(&[
            (
                "Ana Lind, marketing and development director for the Keldar Zoo, said no.",
                "Ana Lind member-of Keldar Zoo",
            ),
            (
                "Ana Lind, development director of the Keldar Zoo, said no.",
                "Ana Lind member-of Keldar Zoo",
            ),
            // A body's word or a standing is no field.
            (
                "Ana Lind, acting director of the Keldar Zoo, said no.",
                "Ana Lind leads Keldar Zoo",
            ),
        ]);
        let t = triples("Ana Lind, development director of the Keldar Zoo, said no.");
        assert!(t.iter().all(|f| !f.contains(" leads ")), "{t:?}");
    }

    #[test]
    fn school_heads_lead_their_schools() {
        assert_gives(&[
            (
                "Cushing School Principal Ana Lind said no.",
                "Ana Lind leads Cushing School",
            ),
            (
                "Ana Lind, dean of the Keldar Law School, said no.",
                "Ana Lind leads Keldar Law School",
            ),
            (
                "Ana Lind, headmaster of Orvane Grammar School, said no.",
                "Ana Lind leads Orvane Grammar School",
            ),
        ]);
    }

    #[test]
    fn only_a_decided_appointment_gives_its_post() {
        for text in [
            "The trustees discussed the proposed appointment of Ana Lind as president of Keldar College.",
            "The board opposes the appointment of Ana Lind as president of Keldar College.",
            "Orvane Corp asked the board to approve the appointment of Ana Lind as president of Keldar College.",
        ] {
            let t = triples(text);
            assert!(t.iter().all(|f| !f.contains(" leads ")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_seat_or_a_head_of_the_board_named_by_its_common_noun() {
        assert_gives(&[
            // A sentence's first title word capitalised alone.
            (
                "The Orvane School Board met. Board member Ana Lind said the vote was wrong.",
                "Ana Lind member-of Orvane School Board",
            ),
            (
                "The Keldar City Council met. Council member Pedro Soto voted no.",
                "Pedro Soto member-of Keldar City Council",
            ),
            // "board President X": the article's board, then a capitalised title.
            (
                "The Orvane School Board met. Lind, board President Ana Soto and others voted.",
                "Ana Soto leads Orvane School Board",
            ),
            (
                "The Orvane School Board met. Lind and board Vice President Rui Costa voted.",
                "Rui Costa member-of Orvane School Board",
            ),
        ]);
    }

    #[test]
    fn a_seat_title_with_no_body_sits_on_the_one_body_its_members_name() {
        assert_gives(&[
            (
                "The Orvane Board of Regents voted on Monday. Regent Ana Lind voted against it.",
                "Ana Lind member-of Orvane Board of Regents",
            ),
            (
                "The Keldar City Council met. Councilman Pedro Soto voted no.",
                "Pedro Soto member-of Keldar City Council",
            ),
            (
                "The Lindale City Commission met. Commissioner Pedro Soto voted no.",
                "Pedro Soto member-of Lindale City Commission",
            ),
            (
                "Trustee Ana Lind said the Board of Trustees of Orvane College would meet.",
                "Ana Lind member-of Board of Trustees of Orvane College",
            ),
            (
                "The Dunmore Board of Selectmen met. Selectman Ana Lind voted no.",
                "Ana Lind member-of Dunmore Board of Selectmen",
            ),
            (
                "Supervisor Pedro Soto said the Keldar County Board of Supervisors would vote.",
                "Pedro Soto member-of Keldar County Board of Supervisors",
            ),
            // "Directors A, B and C": the seats of a board's directors.
            (
                "The Keldar School Board met. Directors Ana Lind, Pedro Soto and Luis Rojas voted no.",
                "Pedro Soto member-of Keldar School Board",
            ),
            (
                "The Orvane Water Board met. Directors Ana Lind and Luis Rojas voted no.",
                "Ana Lind member-of Orvane Water Board",
            ),
        ]);
        // Two councils, or none and no town of the story's own: no seat is known.
        for text in [
            "The Keldar City Council and the Orvane City Council met. Councilman Pedro Soto voted no.",
            "Councilman Pedro Soto voted no.",
            "Keldar voted. Councilman Pedro Soto voted no.",
            "Keldar voted. Orvane voted. Councilman Pedro Soto voted no.",
        ] {
            let t = triples(text);
            assert!(t.iter().all(|f| !f.contains("member-of")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_commissioner_sits_on_the_board_of_commissioners_the_article_names() {
        let board = "Ana Lind member-of Keldar County Board of Commissioners";
        assert_gives(&[
            (
                "The Keldar County Board of Commissioners met. Commissioner Ana Lind voted no.",
                board,
            ),
            (
                "The Keldar County Board of Commissioners met. Commissioners Ana Lind and Luis Rojas voted no.",
                board,
            ),
            // A commission named with its own word comes first.
            (
                "The Keldar Planning Commission met. Commissioner Ana Lind voted no.",
                "Ana Lind member-of Keldar Planning Commission",
            ),
        ]);
    }

    #[test]
    fn a_county_commissioner_is_a_member_of_the_county() {
        let county = "Ana Lind member-of Keldar County";
        assert_gives(&[
            (
                "The Keldar County Commission met. Commissioner Ana Lind voted no.",
                county,
            ),
            (
                "The Keldar County Board of Commissioners met. Commissioners Ana Lind and Luis Rojas voted no.",
                county,
            ),
            (
                "Keldar County will vote. The Board of County Commissioners met on Monday. \
                 Commissioner Ana Lind voted no.",
                county,
            ),
        ]);
        // A city's commission, or a board of county commissioners with two counties
        // named: no county.
        for text in [
            "The Lindale City Commission met. Commissioner Ana Lind voted no.",
            "Keldar County and Orvane County will vote. The Board of County Commissioners met. \
             Commissioner Ana Lind voted no.",
        ] {
            let t = triples(text);
            assert!(t.iter().any(|f| f.contains("member-of")), "{text}: {t:?}");
            assert!(t.iter().all(|f| !f.ends_with(" County")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_seat_on_a_body_never_named_is_on_the_story_towns_body() {
        assert_gives(&[
            (
                "The plant in Keldar will close. Workers in Keldar were told. \
                 Councilman Pedro Soto said it was sad.",
                "Pedro Soto member-of Keldar City Council",
            ),
            (
                "Police in Orvane hired a chief. Orvane residents came. \
                 Selectman Ana Lind voted no.",
                "Ana Lind member-of Orvane Board of Selectmen",
            ),
            // The town a dateline names alone, written again in prose.
            (
                "ORVANE \u{2013} Officials hired a chief for Orvane. Selectman Ana Lind voted no.",
                "Ana Lind member-of Orvane Board of Selectmen",
            ),
        ]);
        // A building is not the story's town.
        let text = "They met at Town Hall. Town Hall was full. Councilman Pedro Soto spoke.";
        let t = triples(text);
        assert!(t.iter().all(|f| !f.contains("member-of")), "{text}: {t:?}");
    }

    #[test]
    fn titles_listed_with_commas_share_their_body() {
        assert_gives(&[(
            "Pedro Soto, president, CEO and chairman of Keldar Corp, said so.",
            "Pedro Soto leads Keldar Corp",
        )]);
        // A lone title between commas names no body.
        assert_eq!(
            triples("Pedro Soto, president, said so."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_portfolio_ending_on_a_plural_ends_before_the_holder() {
        assert_gives(&[
            (
                "Minister of Foreign Affairs Tran Van Minh met the delegation.",
                "Tran Van Minh leads Ministry of Foreign Affairs",
            ),
            (
                "Minister of Natural Resources Ana Lind met the delegation.",
                "Ana Lind leads Ministry of Natural Resources",
            ),
        ]);
    }

    #[test]
    fn counterparts_share_the_title() {
        let t = triples("Chilean President Luis Rojas met his Peruvian counterpart Ana Soto.");
        assert!(t.contains(&"Ana Soto leads Peru".to_string()), "{t:?}");
        let t = triples("Chile's ambassador Luis Rojas met his Peruvian counterpart Ana Soto.");
        assert!(!t.iter().any(|f| f.starts_with("Ana Soto leads")), "{t:?}");
        // A minister's counterpart heads the other country's ministry of the portfolio,
        // and the minister does not.
        let t = triples("Defence Minister Luis Rojas met his Peruvian counterpart Ana Soto.");
        assert!(
            t.contains(&"Ana Soto leads Peruvian Ministry of Defence".to_string()),
            "{t:?}"
        );
        assert!(
            !t.iter().any(|f| f.starts_with("Luis Rojas leads")),
            "{t:?}"
        );
    }

    #[test]
    fn a_judge_is_a_member_of_the_court_his_title_names() {
        for (text, fact) in [
            (
                "U.S. District Judge Ana Lind sentenced him.",
                "Ana Lind member-of U.S. District Court",
            ),
            (
                "He was sworn in by Circuit Judge Ana Lind.",
                "Ana Lind member-of Circuit Court",
            ),
            (
                "Chief U.S. District Judge Ana Lind ruled on Monday.",
                "Ana Lind member-of U.S. District Court",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // A title that already names the court gets no second "Court".
        let t = triples("Minnesota Court of Appeals Judge Ana Lind ruled on Monday.");
        assert!(
            t.contains(&"Ana Lind member-of Minnesota Court of Appeals".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|f| f.ends_with("Appeals Court")), "{t:?}");
    }

    #[test]
    fn a_board_s_chairman_leads_the_company_whose_board_it_is() {
        for text in [
            "Keldar Corporation sold a plant. Ana Lind, president, CEO and chairman of the Board \
             of Keldar, said the deal was good.",
            "Keldar Inc. sold a plant. Ana Lind, chairman of the Board of Directors of Keldar, \
             said the deal was good.",
        ] {
            let t = triples(text);
            assert!(
                t.iter().any(|f| f.starts_with("Ana Lind leads Keldar ")),
                "{text}: {t:?}"
            );
        }
        // No company of that name, a board of a field, or a university's board: the
        // board alone.
        for text in [
            "Ana Lind, chairman of the Board of Keldar, said the deal was good.",
            "Ana Lind, chairman of the Board of Education, said the deal was good.",
            "Keldar University grew. Ana Lind, chairman of the Keldar University Board of \
             Directors, said so.",
        ] {
            let t = triples(text);
            let leads: Vec<_> = t
                .iter()
                .filter(|f| f.starts_with("Ana Lind leads"))
                .collect();
            assert!(leads.iter().all(|f| f.contains("Board")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_minister_with_no_country_holds_the_other_one_of_his_counterpart() {
        // The article names two countries: the counterpart's and, by its capital,
        // the minister's own.
        for text in [
            "Minister of Foreign Affairs Ana Soto held talks with his Peruvian counterpart \
             Luis Rojas in Quito.",
            "Foreign Minister Ana Soto held talks with her Peruvian counterpart Luis Rojas in \
             Quito on Monday.",
        ] {
            let t = triples(text);
            for fact in [
                "Ana Soto leads Ecuadorian Ministry of Foreign Affairs",
                "Luis Rojas leads Peruvian Ministry of Foreign Affairs",
            ] {
                assert!(t.contains(&fact.to_string()), "{fact}: {t:?}");
            }
        }
        // Two other countries: which one is hers is not said.
        let t = triples(
            "Foreign Minister Ana Soto held talks with her Peruvian counterpart Luis Rojas in \
             Quito. They spoke of Chile.",
        );
        assert!(!t.iter().any(|f| f.starts_with("Ana Soto leads")), "{t:?}");
    }

    #[test]
    fn a_ministry_another_holder_heads_is_not_the_title_s() {
        let t = triples(
            "Peruvian Defence Minister Ana Soto is visiting Quito at the invitation of Defence \
             Minister Luis Rojas.",
        );
        assert!(
            t.contains(&"Ana Soto leads Peruvian Ministry of Defence".to_string()),
            "{t:?}"
        );
        assert!(
            !t.iter().any(|f| f.starts_with("Luis Rojas leads")),
            "{t:?}"
        );
    }

    #[test]
    fn the_country_s_title_is_the_country_named_before() {
        let t = triples(
            "Luis Rojas flew to Peru. He met the country's Prime Minister Ana Soto in Lima.",
        );
        assert!(t.contains(&"Ana Soto leads Peru".to_string()), "{t:?}");
        let t = triples("He met the country's Prime Minister Ana Soto in Lima.");
        assert!(!t.iter().any(|f| f.starts_with("Ana Soto leads")), "{t:?}");
    }

    #[test]
    fn possessive_country_before_a_title_after_the_name() {
        // The ministry takes the country's name (eval/README.md, "Entities").
        let t = triples("Ana Soto, Peru's Minister of Culture and Heritage, arrived in Lima.");
        assert!(
            t.contains(&"Ana Soto leads Peruvian Ministry of Culture and Heritage".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn titles_after_a_dash_and_titles_joined_by_and() {
        let t = triples(
            "The aid was received by Dr. Ana Lind - Minister of Labour and Deputy Minister of \
             Finance, Piet Berg - Minister of Ports and Civil Aviation and Carl Dahl - Deputy \
             Minister of Ports on behalf of the country.",
        );
        for fact in [
            "Ana Lind leads Ministry of Labour",
            "Ana Lind member-of Ministry of Finance",
            "Piet Berg leads Ministry of Ports and Civil Aviation",
            // The same ministry, named in full earlier.
            "Carl Dahl member-of Ministry of Ports and Civil Aviation",
        ] {
            assert!(t.contains(&fact.to_string()), "{fact}: {t:?}");
        }
        assert!(
            !t.iter().any(|f| f.starts_with("Piet Berg member-of")),
            "{t:?}"
        );
        let t = triples(
            "Ana Lind, Minister of Public Service and the Director of the Oslo Port Authority, spoke.",
        );
        assert!(
            t.contains(&"Ana Lind leads Ministry of Public Service".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_company_owning_a_title_in_an_apposition() {
        for text in [
            "Bob Sasser, Dollar Tree's chief executive, said the deal was good.",
            "\"The deal is good,\" Bob Sasser, Dollar Tree's Chief Executive said.",
        ] {
            let t = triples(text);
            assert!(
                t.contains(&"Bob Sasser leads Dollar Tree".to_string()),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn a_country_s_described_organisation_is_its_member() {
        assert_gives(&[
            (
                "Ana Lind, head of Russia's state-run arms exporter Rosoboronexport, spoke.",
                "Rosoboronexport member-of Russia",
            ),
            (
                "Chile's national airline Latamia cut flights.",
                "Latamia member-of Chile",
            ),
        ]);
        // Lowercase words that name no organisation: nothing.
        let t = triples("Tourists love Chile's long sunny coastline near Valparaiso.");
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
    }

    #[test]
    fn occupations_before_a_name_are_no_part_of_it() {
        let t = triples("Renowned Egyptologist Ana Lind said the tomb is very old.");
        assert!(t.iter().any(|f| f.starts_with("Ana Lind stated")), "{t:?}");
        let t = triples("Ana Lind, an archaeologist at the University of Lima, found the tomb.");
        assert!(
            t.contains(&"Ana Lind member-of University of Lima".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn an_indefinite_title_is_a_member_of_each_body_named() {
        let t = triples(
            "Gen. Ana Lind, a commander with the Northern Fleet Command and the Lima Naval Academy, spoke.",
        );
        for body in ["Northern Fleet Command", "Lima Naval Academy"] {
            assert!(
                t.contains(&format!("Ana Lind member-of {body}")),
                "{body}: {t:?}"
            );
        }
        assert!(!t.iter().any(|f| f.contains(" leads ")), "{t:?}");
        // A definite title still leads.
        let t = triples("Ana Lind, the director of the Lima Naval Academy, spoke.");
        assert!(
            t.contains(&"Ana Lind leads Lima Naval Academy".to_string()),
            "{t:?}"
        );
        // Local offices are members of their body.
        let t = triples("The Franklin County auditor Matt Beaton also spoke.");
        assert!(
            t.contains(&"Matt Beaton member-of Franklin County".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn press_secretaries_and_advisers_are_members() {
        let t = triples("White House press secretary Ana Lind tweeted a photo.");
        assert!(
            t.contains(&"Ana Lind member-of White House".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|f| f.contains("leads")), "{t:?}");
        let t = triples("Acme Corp adviser Ana Lind resigned.");
        assert!(
            t.contains(&"Ana Lind member-of Acme Corp".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn members_in_apposition() {
        let t = triples("Estonia, a member of NATO since 2004, borders Russia.");
        assert!(t.contains(&"Estonia member-of NATO".to_string()), "{t:?}");
        let t = triples("Peru, a founding member of the Andean Development Bank, voted no.");
        assert!(
            t.contains(&"Peru member-of Andean Development Bank".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn heads_of_institutions() {
        assert_eq!(
            triples("Maria Rossi, the director of the Rome Zoo, arrived."),
            ["Maria Rossi leads Rome Zoo"]
        );
        assert_eq!(
            triples("The Chilean Minister of Mining, Diego Soto, arrived."),
            [
                "Chilean Ministry of Mining member-of Chile",
                "Diego Soto leads Chilean Ministry of Mining"
            ]
        );
        assert_eq!(
            triples("Kremlin spokesman Dmitry Peskov arrived."),
            ["Dmitry Peskov member-of Kremlin"]
        );
    }

    #[test]
    fn a_secretary_of_state_heads_no_body_named_state() {
        for text in [
            "On Friday, Secretary of State Ana Lind said the talks had failed.",
            "Ana Lind, Secretary of State for Defence, arrived in Lima.",
        ] {
            let t = triples(text);
            assert!(!t.iter().any(|f| f.contains(" leads ")), "{text}: {t:?}");
        }
    }

    #[test]
    fn regents_and_provosts_are_titles() {
        let t = triples("On Monday, Regent Ana Lind said the vote was wrong.");
        assert!(
            t.contains(&"Ana Lind stated The vote was wrong".to_string()),
            "{t:?}"
        );
        assert_gives(&[
            (
                "Ana Lind, a regent of Lima University, spoke.",
                "Ana Lind member-of Lima University",
            ),
            (
                "Luis Rojas, provost of Lima University, spoke.",
                "Luis Rojas member-of Lima University",
            ),
        ]);
    }

    #[test]
    fn an_owner_and_field_before_a_title_name_the_unit_the_article_names() {
        for (text, fact) in [
            (
                "Keldar County Health Director Ana Lind will stay. She thanked the Keldar County Health Department.",
                "Ana Lind leads Keldar County Health Department",
            ),
            (
                "The Marlow Planning Office opened. Marlow Planning Director Luis Rojas spoke.",
                "Luis Rojas leads Marlow Planning Office",
            ),
        ] {
            assert_gives(&[(text, fact)]);
            let t = triples(text);
            assert_eq!(
                t.iter().filter(|f| f.contains(" leads ")).count(),
                1,
                "{t:?}"
            );
        }
        // With no such unit named, the title names the owner itself.
        assert_gives(&[(
            "Condor Trust Director Ana Lind spoke.",
            "Ana Lind leads Condor Trust",
        )]);
    }

    #[test]
    fn a_county_sheriff_heads_its_sheriff_s_office_and_is_the_county_s_officer() {
        for text in [
            "Keldar County Sheriff Ana Lind said she would retire.",
            "On Monday, Keldar County Sheriff Ana Lind announced her retirement.",
        ] {
            assert_gives(&[
                (text, "Ana Lind leads Keldar County Sheriff's Office"),
                (text, "Ana Lind member-of Keldar County"),
            ]);
        }
        // The office named whole is one institution, no sheriff's title inside it.
        let t = triples("Luis Rojas, a captain at the Keldar County Sheriff's Office, spoke.");
        assert!(t.iter().all(|f| !f.contains(" leads ")), "{t:?}");
        assert!(t.iter().all(|f| !f.ends_with(" Keldar County")), "{t:?}");
        // A rank of his own after the sheriff's title: not the sheriff.
        let t = triples("Keldar County Sheriff Captain Luis Rojas said the road was closed.");
        assert!(t.iter().all(|f| !f.contains(" leads ")), "{t:?}");
    }

    #[test]
    fn a_place_before_a_civic_title_is_the_holder_s_place() {
        for (text, fact) in [
            (
                "Lindale Fire Chief Ana Lind said the fire was out.",
                "Ana Lind member-of Lindale",
            ),
            (
                "Keldar Police Chief Luis Rojas said the road was closed.",
                "Luis Rojas member-of Keldar",
            ),
            (
                "Orvane County Attorney Ana Lind said the case was closed.",
                "Ana Lind member-of Orvane County",
            ),
            (
                "Nevada Attorney General Luis Rojas said the case was closed.",
                "Luis Rojas member-of Nevada",
            ),
        ] {
            assert_gives(&[(text, fact)]);
        }
        // Not a city the article never names alone ("Keldar City"), nor a court's level.
        for text in [
            "Keldar City Manager Ana Lind said the budget was tight.",
            "U.S. District Judge Ana Lind said the case was closed.",
        ] {
            let t = triples(text);
            assert!(
                t.iter()
                    .all(|f| !f.starts_with("Ana Lind member-of") || f.ends_with(" Court")),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn a_citys_police_or_fire_chief_leads_its_department() {
        for (text, fact) in [
            (
                "Lindale Fire Chief Ana Lind said the fire was out.",
                "Ana Lind leads Lindale Fire Department",
            ),
            (
                "On Monday, Marlow's police chief, Luis Rojas, spoke.",
                "Luis Rojas leads Marlow Police Department",
            ),
            (
                "The city swore in Police Chief Ana Lind at the Lindale Police Department.",
                "Ana Lind leads Lindale Police Department",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
            assert_eq!(
                t.iter().filter(|f| f.contains(" leads ")).count(),
                1,
                "{t:?}"
            );
        }
        // With no city and two departments named, no department is the chief's.
        let t = triples(
            "Police Chief Ana Lind thanked the Lindale Police Department and the Marlow Police Department.",
        );
        assert!(!t.iter().any(|f| f.contains(" leads ")), "{t:?}");
    }

    #[test]
    fn a_country_in_brackets_after_a_persons_name_is_the_persons() {
        let t = triples("The new envoys are Ana Lind(Chile) and Rui Costa (Peru).");
        for fact in ["Ana Lind member-of Chile", "Rui Costa member-of Peru"] {
            assert!(t.contains(&fact.to_string()), "{t:?}");
        }
        // A body's name, more than a country in the brackets, or words before the
        // bracket's end: no membership.
        for text in [
            "The Keldar Times (Chile) said the road was closed.",
            "Ana Lind (Chile and Peru) spoke first.",
            "Ana Lind (born in Chile) spoke first.",
        ] {
            let t = triples(text);
            assert!(
                !t.iter().any(|f| f.contains(" member-of ")),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn a_deputy_chief_is_a_member_of_the_department() {
        for (text, fact) in [
            (
                "Deputy Fire Chief Ana Lind will serve as acting chief. The Lindale Fire Department is hiring.",
                "Ana Lind member-of Lindale Fire Department",
            ),
            (
                "He joined the Fire Department in 1990 under Assistant Fire Chief Ana Lind.",
                "Ana Lind member-of Fire Department",
            ),
            (
                "Marlow Deputy Police Chief Luis Rojas said the road was closed.",
                "Luis Rojas member-of Marlow Police Department",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
            assert!(!t.iter().any(|f| f.contains(" leads ")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_chief_titled_alone_heads_the_department_of_the_storys_town() {
        for (text, fact) in [
            (
                "MARLOW - Police Chief Luis Rojas was sworn in on Monday. Marlow has grown.",
                "Luis Rojas leads Marlow Police Department",
            ),
            (
                "Fire Chief Ana Lind retired. Lindale residents thanked her, and Lindale gave a party.",
                "Ana Lind leads Lindale Fire Department",
            ),
            (
                "Sheriff Ana Lind spoke on Monday. Keldar County has grown.",
                "Ana Lind leads Keldar County Sheriff's Office",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // A town named once is no story's own; a chief described in lower case
        // ("a local police chief") holds no formal title.
        for text in [
            "Police Chief Luis Rojas was sworn in on Monday in Marlow.",
            "They met a local police chief, Luis Rojas, in Marlow. Marlow has grown.",
        ] {
            let t = triples(text);
            assert!(!t.iter().any(|f| f.contains(" leads ")), "{text}: {t:?}");
        }
    }

    #[test]
    fn one_unknown_word_before_a_title_no_country_holds_is_a_body() {
        assert_gives(&[
            (
                "On Monday, Keldar's chief executive, Ana Lind, quit.",
                "Ana Lind leads Keldar",
            ),
            (
                "The deal was signed by Orvane chairman Luis Rojas.",
                "Luis Rojas leads Orvane",
            ),
            (
                "The plan was drawn up by Keldar managing director Ivan Petrov.",
                "Ivan Petrov leads Keldar",
            ),
            (
                "Keldar Chief Financial Officer Ana Lind will serve until March. Keldar said so.",
                "Ana Lind member-of Keldar",
            ),
            // A first word that owns the title is a name.
            (
                "Keldar's chief executive, Ana Lind, quit on Monday.",
                "Ana Lind leads Keldar",
            ),
            // A first word in "-ing" is a name where the article writes it inside a
            // sentence too.
            (
                "Workers at Tarling went on strike. Tarling chairman Luis Rojas met them.",
                "Luis Rojas leads Tarling",
            ),
        ]);
        // A capitalised first word the article writes nowhere else is no body; a title
        // a country holds goes to no town.
        for text in [
            "Renowned archaeologist Ana Lind found the tomb.",
            "On Monday, Gaza's health minister, Ana Lind, spoke.",
        ] {
            let t = triples(text);
            assert!(
                !t.iter().any(|f| f.starts_with("Ana Lind")),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn a_team_s_player_and_a_body_s_spokesperson_before_their_names_are_members() {
        assert_gives(&[
            (
                "Their pursuit of Keldar forward Ivan Petrov failed.",
                "Ivan Petrov member-of Keldar",
            ),
            (
                "The club also wanted Orvane goalkeeper Luis Rojas.",
                "Luis Rojas member-of Orvane",
            ),
            (
                "The claim was denied by Keldar spokesperson Ana Lind.",
                "Ana Lind member-of Keldar",
            ),
        ]);
    }

    #[test]
    fn a_person_s_attorney_is_no_member_of_the_person() {
        let text = "Police arrested Chuck Arnold on Monday. \"He will plead not guilty,\" Ben \
                    Dempsey, Arnold's attorney, said.";
        let t = triples(text);
        assert!(
            t.contains(&"Ben Dempsey stated He will plead not guilty".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|f| f.contains("member-of")), "{t:?}");
        // "U.S. Attorney X said": the title is no part of the speaker's name.
        let t = triples("Keldar Attorney Ana Lind said the mayor looted the city.");
        assert!(
            t.contains(&"Ana Lind stated The mayor looted the city".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn its_title_belongs_to_the_institution_named_before_it() {
        assert_gives(&[
            (
                "On Monday, Keldar Corp announced that its chief executive officer, Ana Lind, will retire.",
                "Ana Lind leads Keldar Corp",
            ),
            (
                "The Orvane Zoo said its director Luis Rojas had left.",
                "Luis Rojas leads Orvane Zoo",
            ),
            (
                "The Orvane Zoo said its curator, Luis Rojas, had left.",
                "Luis Rojas member-of Orvane Zoo",
            ),
        ]);
        // No institution before "its": nobody's post.
        let t = triples("Ana Lind said its director Luis Rojas had left.");
        assert!(!t.iter().any(|f| f.contains(" leads ")), "{t:?}");
    }

    #[test]
    fn a_bare_company_head_heads_the_company_the_article_names_most_just_before() {
        let text = "Keldar Corp cut jobs on Monday. Keldar Corp also closed a plant near \
                    Orvane Labs. Chairman Ana Lind said the cuts were needed.";
        let t = triples(text);
        assert!(
            t.contains(&"Ana Lind leads Keldar Corp".to_string()),
            "{t:?}"
        );
        // An institution named once only is not taken for the article's company; nor
        // is a title with a word before it ("former").
        for text in [
            "Keldar Corp cut jobs. Chairman Ana Lind said the cuts were needed.",
            "Keldar Corp cut jobs. Keldar Corp closed a plant. The former Chairman Ana Lind \
             spoke.",
        ] {
            let t = triples(text);
            assert!(!t.iter().any(|f| f.contains(" leads ")), "{text}: {t:?}");
        }
    }

    #[test]
    fn membership_by_adjective_and_apposition() {
        assert_eq!(
            triples("The Peruvian Ministry of Culture and Peruvian soldiers arrived."),
            [
                "Peruvian Ministry of Culture member-of Peru",
                "Peruvian soldiers member-of Peru"
            ]
        );
        assert_eq!(
            triples("It was reported by the Chinese news agency, Xinhua."),
            ["Xinhua member-of China"]
        );
        assert_eq!(triples("Chile's Navy arrived."), ["Navy member-of Chile"]);
    }

    #[test]
    fn heading_verbs_and_relative_clauses() {
        assert_eq!(
            triples("Ana Silva, who heads the Lima Museum of Art, opened it."),
            ["Ana Silva leads Lima Museum of Art"]
        );
        assert_eq!(
            triples("Tomas Berg runs the Oslo Maritime Museum."),
            ["Tomas Berg leads Oslo Maritime Museum"]
        );
        // "both A and B": each body named.
        assert_eq!(
            triples("Ana Silva, who chairs both the Lima Zoo Board and the Cusco Museum, spoke."),
            [
                "Ana Silva leads Cusco Museum",
                "Ana Silva leads Lima Zoo Board"
            ]
        );
        assert_eq!(
            triples(
                "Ana Silva, who chairs both the Lima Zoo Board and its search committee, spoke."
            ),
            ["Ana Silva leads Lima Zoo Board"]
        );
    }

    #[test]
    fn an_age_between_commas_stands_between_a_holder_and_the_apposition() {
        for (text, fact) in [
            (
                "Lena Sorvik, 54, chief executive of Brantor Corp., said prices would rise.",
                "Lena Sorvik leads Brantor Corp",
            ),
            (
                "The deal was welcomed by Omar Haddi, 61, the director of the Kessel Institute.",
                "Omar Haddi leads Kessel Institute",
            ),
            (
                "Lena Sorvik, 47, who heads the Varn Foundation, said prices would rise.",
                "Lena Sorvik leads Varn Foundation",
            ),
            (
                "Omar Haddi, 38, a lecturer at Dunmore University, said prices would rise.",
                "Omar Haddi member-of Dunmore University",
            ),
            (
                "Lena Sorvik, 70, a member of the Calder City Council, said prices would rise.",
                "Lena Sorvik member-of Calder City Council",
            ),
        ] {
            assert!(
                triples(text).contains(&fact.to_string()),
                "{text}: {:?}",
                triples(text)
            );
        }
        // The speaker of "X, 47, who heads Y, said" is X, not Y.
        let rows = crate::extract::rules::test_util::facts(
            "Lena Sorvik, 47, who heads the Varn Foundation, said prices would rise.",
        );
        let speakers: Vec<&str> = rows
            .iter()
            .filter(|r| r.1 == "stated")
            .map(|r| r.0.as_str())
            .collect();
        assert_eq!(speakers, ["Lena Sorvik"]);
        // A number that is no age is not skipped: a year between commas.
        assert!(
            !triples("Calder, 1990, the director of the Kessel Institute spoke.")
                .iter()
                .any(|t| t.starts_with("Calder "))
        );
    }

    #[test]
    fn joining_a_body_is_a_membership_of_it() {
        for (text, fact) in [
            (
                "Lena Sorvik joined Brantor Corp. in 2001.",
                "Lena Sorvik member-of Brantor Corp",
            ),
            ("In 2004 Estonia joined NATO.", "Estonia member-of NATO"),
            (
                "Omar Haddi, who joined the Kessel Institute in 1998, spoke first.",
                "Omar Haddi member-of Kessel Institute",
            ),
            (
                "Lena Sorvik will join Brantor Corp. as chief executive in May.",
                "Lena Sorvik leads Brantor Corp",
            ),
        ] {
            assert_eq!(triples(text), [fact], "{text}");
        }
        // Negated or hoped-for joins, people and events joined: nothing.
        for text in [
            "Lena Sorvik did not join Brantor Corp.",
            "Lena Sorvik hopes to join Brantor Corp.",
            "Lena Sorvik joined Omar Haddi in Calder.",
            "Hundreds joined the march in Calder.",
        ] {
            assert!(
                !triples(text).iter().any(|t| t.contains("member-of")),
                "{text}: {:?}",
                triples(text)
            );
        }
    }

    #[test]
    fn a_successor_and_the_predecessor_hold_the_post() {
        for text in [
            "Lena Sorvik will succeed Omar Haddi as chief executive of Brantor Corp.",
            "Lena Sorvik replaced Omar Haddi as Brantor Corp.'s chief executive.",
            "Lena Sorvik succeeds Omar Haddi as the new chief executive of Brantor Corp.",
        ] {
            assert_eq!(
                triples(text),
                [
                    "Lena Sorvik leads Brantor Corp",
                    "Omar Haddi leads Brantor Corp"
                ],
                "{text}"
            );
        }
        // A post that names no body, and a succession denied: nothing.
        assert!(triples("Lena Sorvik succeeds Omar Haddi as chairman.").is_empty());
        assert!(
            triples("Lena Sorvik will not replace Omar Haddi as chief executive of Brantor Corp.")
                .is_empty()
        );
    }

    #[test]
    fn an_abbreviated_rank_after_its_body_or_country() {
        assert_gives(&[
            (
                "\"We are ready,\" U.S. Army Gen. Tom Berg said.",
                "Tom Berg member-of U.S. Army",
            ),
            (
                "Russian Lt. Gen. Ivan Petrov said the troops were ready.",
                "Ivan Petrov member-of Russia",
            ),
            (
                "Chile's Adm. Ana Lind said the ships were ready.",
                "Ana Lind member-of Chile",
            ),
            (
                "The Chilean Army Brig. Gen. Luis Rojas said the trucks were ready.",
                "Luis Rojas member-of Chilean Army",
            ),
        ]);
        // The speaker after a quotation keeps the quotation.
        let rows = crate::extract::rules::test_util::facts(
            "\"We are ready,\" U.S. Army Gen. Tom Berg said.",
        );
        assert!(
            rows.iter().any(|r| r.0 == "Tom Berg" && r.1 == "stated"),
            "{rows:?}"
        );
        // A rank with no body before it stays an honorific.
        assert!(
            !triples("Gen. Tom Berg said the troops were ready.")
                .iter()
                .any(|t| t.contains("member-of"))
        );
    }

    #[test]
    fn an_abbreviation_before_a_possessive_owns_the_title() {
        for text in [
            "Darrell Vint, Orbex Corp.'s chief executive, said prices would rise.",
            "Orbex Corp.'s chief executive Darrell Vint said prices would rise.",
        ] {
            assert!(
                triples(text).contains(&"Darrell Vint leads Orbex Corp".to_string()),
                "{text}: {:?}",
                triples(text)
            );
        }
    }

    #[test]
    fn organisation_groups_and_weak_groups() {
        assert_eq!(
            triples("Some 300 NATO troops waited."),
            ["NATO troops member-of NATO"]
        );
        assert!(triples("Chilean units and Peruvian vessels waited.").is_empty());
        assert!(triples("No Chilean soldiers could enter.").is_empty());
    }

    #[test]
    fn the_park_refers_to_the_institution_named_with_it() {
        for text in [
            "Two lions arrived at the Tana Safari Park on Monday. Ana Lind, general manager of the park, said they were well.",
            "Two lions arrived at the Tana Safari Park on Monday. According to Ana Lind, general manager of the park, they were well.",
            "The Tana Safari Park took two lions on Monday. Ana Lind, director of the park, was there.",
        ] {
            let t = triples(text);
            assert!(
                t.contains(&"Ana Lind leads Tana Safari Park".to_string()),
                "{text}: {t:?}"
            );
        }
        let t = triples("Two lions arrived at the Tana Safari Park. The park said they were well.");
        assert!(
            t.iter().any(|x| x.starts_with("Tana Safari Park stated")),
            "{t:?}"
        );
        // Only a name that ends with the word: a hotel group is no park.
        let t = triples("The Park Hotel Group opened on Monday. The park said it was full.");
        assert!(!t.iter().any(|x| x.contains("stated")), "{t:?}");
        // "the city of X" names X, and refers to nothing.
        let t = triples("Moscow sent 447 goats to the city of Rason in North Korea.");
        assert!(t.contains(&"Rason received goat".to_string()), "{t:?}");
    }

    #[test]
    fn a_country_s_possessive_before_a_person() {
        for text in [
            "\"We must talk,\" said Peru's Ana Lind.",
            "Peru's Ana Lind said the talks had failed.",
            "Peru's Ana Lind (left) told reporters that the talks had failed.",
        ] {
            let t = triples(text);
            assert!(
                t.contains(&"Ana Lind member-of Peru".to_string()),
                "{text}: {t:?}"
            );
        }
        // A name that modifies the noun after it is no person of the country.
        let t = triples("Two lions were rescued from Peru's Magic Land amusement park.");
        assert!(!t.iter().any(|x| x.contains("member-of")), "{t:?}");
    }

    #[test]
    fn place_words_close_place_names() {
        assert_gives(&[
            (
                "The koalas flew to Japan's Saitama Prefecture.",
                "Saitama Prefecture located-in Japan",
            ),
            (
                "Pandas live in China's Qionglai Mountains.",
                "Qionglai Mountains located-in China",
            ),
            (
                "A tomb was found in Egypt's Saqqara Necropolis.",
                "Saqqara Necropolis located-in Egypt",
            ),
        ]);
    }

    #[test]
    fn members_such_as_lists_and_known_organisations() {
        for (text, fact) in [
            (
                "The failure of Nato members like France and Germany to help.",
                "France member-of NATO",
            ),
            (
                "EU member states such as Poland and Latvia agreed.",
                "Latvia member-of EU",
            ),
            (
                "African Union members, including Kenya and Ghana, objected.",
                "Ghana member-of African Union",
            ),
        ] {
            let t = triples(text);
            assert!(
                t.iter().any(|x| x.eq_ignore_ascii_case(fact)),
                "{text}: {t:?}"
            );
        }
        // No organisation before "members": nothing.
        let t = triples("Several members like France and Germany objected.");
        assert!(!t.iter().any(|x| x.contains("member-of")), "{t:?}");
    }

    #[test]
    fn a_heads_title_after_plain_nouns_is_a_membership_of_the_body() {
        for (text, fact) in [
            (
                "The European Union's foreign policy chief, Ana Lind, met Jon Berg.",
                "Ana Lind member-of European Union",
            ),
            (
                "Lima Zoo research director Ana Lind said the pandas ate well.",
                "Ana Lind member-of Lima Zoo",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
            assert!(!t.iter().any(|f| f.contains(" leads ")), "{text}: {t:?}");
        }
        // With nothing between, the head leads the body.
        let t = triples("The Lima Zoo's director, Ana Lind, met Jon Berg.");
        assert!(t.contains(&"Ana Lind leads Lima Zoo".to_string()), "{t:?}");
    }

    #[test]
    fn a_countrys_name_before_a_title_is_its_adjective() {
        assert_gives(&[
            (
                "Officials met Peru President Ana Lind.",
                "Ana Lind leads Peru",
            ),
            (
                "U.S. Ambassador Ana Lind arrived.",
                "Ana Lind member-of United States",
            ),
            (
                "England striker Jon Berg scored twice.",
                "Jon Berg member-of England",
            ),
        ]);
        // A US state's name is no country's.
        let t = triples("Georgia Governor Ana Lind spoke.");
        assert!(
            !t.iter()
                .any(|f| f.ends_with(" Georgia") && f.contains("member-of")),
            "{t:?}"
        );
    }

    #[test]
    fn a_us_secretary_leads_the_department_the_title_names() {
        assert_gives(&[
            (
                "He met US Secretary of Defence Ana Lind in Lima.",
                "Ana Lind leads United States Department of Defense",
            ),
            (
                "He met U.S. Defense Secretary Ana Lind in Lima.",
                "Ana Lind leads United States Department of Defense",
            ),
            (
                "He met U.S. Secretary of State Ana Lind in Lima.",
                "Ana Lind leads United States Department of State",
            ),
        ]);
        // Another country's secretary: no US department.
        let t = triples("He met Peru's Secretary of Defence Ana Lind in Lima.");
        assert!(!t.iter().any(|f| f.contains("United States")), "{t:?}");
    }
}
