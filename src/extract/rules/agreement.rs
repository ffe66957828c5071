//! Agreements:
//!
//! * `sign-verb` — "X and Y signed/renewed/concluded (entered into) a pact" (every party
//!   signs; "X signed a treaty with Y" makes Y a party too; "a pact signed by X and Y";
//!   a decided signing counts, "will sign", a hedged one does not, "could sign");
//! * `signed-on-behalf` — "X signed on behalf of Y": X is a member of Y;
//! * `agreement-between` — "an agreement (reached) between X and Y", "a treaty between
//!   the two countries": both are parties (the decision in `eval/README.md`).

use super::table::Rule;
use super::{Ctx, Sentence};
use crate::extract::lexicon::Family;
use crate::extract::mentions::MentionKind;
use crate::model::{Kind, Relation};

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    for i in ctx.triggers(Family::Sign) {
        if s.is_verb_use(i) && !s.is_blocked_signing(i) {
            sign(ctx, i);
        }
    }
    // "X reached (made, struck) an agreement with Y": only with the agreement right after.
    for i in 0..s.tokens.len() {
        if (WEAK_SIGN.contains(&s.word(i)) || ENTER.contains(&s.word(i)) && s.word(i + 1) == "into")
            && !s.is_blocked(i)
            && (i + 1..(i + 4).min(s.tokens.len())).any(|k| {
                s.tok_mention[k].is_some_and(|m| s.mentions[m].kind == MentionKind::Agreement)
            })
        {
            sign(ctx, i);
        }
    }
    for m in 0..s.mentions.len() {
        if s.mentions[m].kind == MentionKind::Agreement && !s.in_quote[s.mentions[m].start] {
            between(ctx, m);
        }
    }
    // The agreement named last, for a later sentence's "signed" with no object.
    if let Some(e) = (0..s.mentions.len())
        .rev()
        .filter(|&m| s.mentions[m].kind == MentionKind::Agreement)
        .find_map(|m| ctx.entity(m))
    {
        *ctx.last_agreement = Some((e, s.index));
    }
}

/// Verbs that sign only an agreement that follows at once: "reached a deal".
const WEAK_SIGN: [&str; 8] = [
    "reached", "reach", "reaches", "made", "make", "makes", "struck", "strike",
];

/// Words that open a time of another event after the verb: "signed it before the game
/// with Y" names no party in Y.
const TIME_WORDS: [&str; 5] = ["before", "after", "during", "ahead", "following"];

/// "X entered into an agreement with Y": a party, as "reached" makes one.
const ENTER: [&str; 4] = ["enter", "enters", "entered", "entering"];

/// "an agreement (reached) between X and Y": X and Y signed it.
fn between(ctx: &mut Ctx, m: usize) {
    let s = ctx.sentence;
    let mut k = s.mentions[m].end;
    if matches!(s.word(k), "reached" | "signed" | "concluded" | "struck") {
        k += 1;
    }
    if s.word(k) != "between" || s.is_blocked(s.mentions[m].start) {
        return;
    }
    let Some(first) = s.mention_from(k + 1) else {
        return;
    };
    let parties: Vec<usize> = if s.mentions[first].kind == MentionKind::Pair {
        match ctx.resolved.pairs.get(&(s.index, first)) {
            Some(&(x, y)) => vec![x, y],
            None => return,
        }
    } else {
        let end = s.mentions[first].end;
        let second = (s.word(end) == "and")
            .then(|| s.mention_from(end + 1))
            .flatten();
        [Some(first), second]
            .into_iter()
            .flatten()
            .filter_map(|x| ctx.entity(x))
            .collect()
    };
    // "the alliance between X and Y", "a partnership between": ties, not a document.
    let head = s.mentions[m].name.to_lowercase();
    if head.contains("alliance") || head.contains("partnership") {
        return;
    }
    let Some(agr) = ctx.entity(m) else { return };
    // "… between X and Y could follow": the words around the phrase say it is not so.
    let last = s.mention_from(k + 1).map_or(k, |f| {
        let end = s.mentions[f].end;
        match s.word(end) {
            "and" => s.mention_from(end + 1).map_or(end, |x| s.mentions[x].end),
            _ => end,
        }
    });
    if parties.len() != 2
        || hedged(s, m)
        || s.modal_between(s.mentions[m].start.saturating_sub(2), last + 2)
    {
        return;
    }
    let date = ctx.date_at(s.mentions[m].start);
    for p in parties {
        // "a sister-state agreement between South Carolina and Queensland": named as its
        // parties, a state, region or city signs for its government.
        if is_party(ctx.kind(p)) || ctx.kind(p) == Kind::Place {
            ctx.emit(
                p,
                Relation::Signed,
                agr,
                None,
                date.clone(),
                Rule::AgreementBetween,
            );
        }
    }
}

/// Words that make an agreement named right after them one not (yet) made: "rumours of
/// an arms deal", "work toward a peace treaty", "a possible accord", "a draft treaty".
const HEDGES: [&str; 16] = [
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "reports",
    "speculation",
    "toward",
    "towards",
    "possible",
    "potential",
    "proposed",
    "future",
    "draft",
    "negotiations",
    "talks",
    "seeking",
];

/// Whether a hedge stands in the three words before agreement mention `m`.
fn hedged(s: &Sentence, m: usize) -> bool {
    let start = s.mentions[m].start;
    (start.saturating_sub(3)..start).any(|k| HEDGES.contains(&s.word(k)))
        || s.mentions[m]
            .name
            .split_whitespace()
            .next()
            .is_some_and(|w| HEDGES.contains(&w.to_lowercase().as_str()))
}

fn is_party(kind: Kind) -> bool {
    matches!(kind, Kind::Country | Kind::Institution | Kind::Person)
}

fn sign(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let in_clause = |m: usize| s.clause.get(s.mentions[m].start) == s.clause.get(i);
    let agreement_after = (0..s.mentions.len()).find(|&m| {
        s.mentions[m].start > i && in_clause(m) && s.mentions[m].kind == MentionKind::Agreement
    });
    let agreement_before = (0..s.mentions.len()).rev().find(|&m| {
        s.mentions[m].end <= i && in_clause(m) && s.mentions[m].kind == MentionKind::Agreement
    });
    let (agreement, mut parties) = match (agreement_after, agreement_before) {
        (Some(a), _) => (Some(a), s.subjects_before(i)),
        // "a pact signed by X and Y"; "signed by Minister of Z Ana Lind and …": the
        // people of the list, else the first two parties.
        (None, Some(a)) if s.target_after(i, &["by"]).is_some() => {
            let people = s.people_after_by(i, ctx.resolved);
            if people.is_empty() {
                let first = s.target_after(i, &["by"]);
                let mut ps: Vec<usize> = first.into_iter().collect();
                if let Some(f) = first
                    && s.word(s.mentions[f].end) == "and"
                    && let Some(second) = s.mention_from(s.mentions[f].end + 1)
                {
                    ps.push(second);
                }
                (Some(a), ps)
            } else {
                (Some(a), people)
            }
        }
        // "On the Rwandan side, A and B signed.": the agreement the sentence before named.
        (None, None)
            if !s.mentions.iter().any(|m| m.kind == MentionKind::Agreement)
                && !s.tokens.get(i + 1).is_some_and(|t| {
                    t.is_lower_word() && !matches!(s.word(i + 1), "on" | "at" | "in" | "during")
                })
                && ctx.last_agreement.is_some_and(|(_, at)| at + 2 >= s.index) =>
        {
            (None, s.subjects_before(i))
        }
        _ => return,
    };
    // "signed a pact with Y"; not "signed it before the game with Y": the "with" of
    // another event named after a time word.
    if let Some(with) = s.target_after(i, &["with"])
        && !(i + 1..s.mentions[with].start).any(|k| TIME_WORDS.contains(&s.word(k)))
    {
        parties.push(with);
    }
    // "A, Minister of X; B, Minister of Y; and C signed": every person of the list.
    for m in s.listed_people(i, ctx.resolved) {
        if !parties.contains(&m) {
            parties.push(m);
        }
    }
    // "The two countries signed …": a pair is no actor of its own. Not past an
    // agreement it signed already ("The two leaders signed a declaration and watched
    // their ministers sign …").
    if parties.is_empty()
        && let Some(pair) = (0..s.mentions.len()).rev().find(|&m| {
            s.mentions[m].kind == MentionKind::Pair
                && s.mentions[m].end <= i
                && in_clause(m)
                && !s.prepositional(m)
                && !s.mentions[m + 1..]
                    .iter()
                    .any(|x| x.kind == MentionKind::Agreement && x.end <= i)
        })
    {
        parties.push(pair);
    }
    if agreement.is_some_and(|a| hedged(s, a)) {
        return;
    }
    let Some(agr) = agreement.map_or(ctx.last_agreement.map(|(e, _)| e), |a| ctx.entity(a)) else {
        return;
    };
    // "signed an agreement on X and a treaty on Y": every agreement of the object.
    let mut agreements = vec![agr];
    if agreement == agreement_after {
        let mut last = agreement_after;
        while let Some(next) = last.and_then(|a| coordinated_agreement(s, a)) {
            agreements.extend(ctx.entity(next));
            last = Some(next);
        }
    }
    let date = ctx.date_at(i);
    // "The two countries signed …": both of the pair.
    let entities: Vec<usize> = parties
        .iter()
        .flat_map(|&p| match s.mentions[p].kind {
            MentionKind::Pair => ctx
                .resolved
                .pairs
                .get(&(s.index, p))
                .map_or(vec![], |&(x, y)| vec![x, y]),
            _ => ctx.entity(p).into_iter().collect(),
        })
        .collect();
    let behalf = on_behalf_of(ctx, i);
    for e in entities {
        if is_party(ctx.kind(e)) {
            for &agr in &agreements {
                ctx.emit(e, Relation::Signed, agr, None, date.clone(), Rule::SignVerb);
            }
        }
        if let Some(body) = behalf
            && ctx.kind(e) == Kind::Person
        {
            ctx.emit(
                e,
                Relation::MemberOf,
                body,
                None,
                None,
                Rule::SignedOnBehalf,
            );
        }
    }
}

/// The agreement mention joined to agreement mention `a` by "and", a comma or "as well
/// as", with only articles and numbers between: "an accord on X and a treaty on Y".
fn coordinated_agreement(s: &Sentence, a: usize) -> Option<usize> {
    let end = s.mentions[a].end;
    let joiner = |k: usize| {
        matches!(
            s.word(k),
            "and" | "," | "as" | "well" | "a" | "an" | "the" | "another" | "also"
        ) || s.tokens[k].kind == crate::extract::tokens::TokKind::Number
    };
    let mut k = end;
    while k < s.tokens.len() && k < end + 5 && joiner(k) {
        k += 1;
    }
    if !(end..k).any(|j| matches!(s.word(j), "and" | "," | "as")) {
        return None;
    }
    let next = s.tok_mention.get(k).copied().flatten()?;
    (s.mentions[next].start == k && s.mentions[next].kind == MentionKind::Agreement).then_some(next)
}

/// `signed-on-behalf`: the country or body named after "on behalf of" following the
/// verb at `i`, past "the government of (the Republic of)".
fn on_behalf_of(ctx: &Ctx, i: usize) -> Option<usize> {
    let s = ctx.sentence;
    let k = (i + 1..s.tokens.len().saturating_sub(2))
        .find(|&k| s.word(k) == "on" && s.word(k + 1) == "behalf" && s.word(k + 2) == "of")?;
    let mut m = s.mention_from(k + 3)?;
    // "the government of the Republic of Rwanda": the country.
    if s.mentions[m].name.eq_ignore_ascii_case("government") && s.word(s.mentions[m].end) == "of" {
        m = s.mention_from(s.mentions[m].end + 1)?;
    }
    let e = ctx.entity(m)?;
    matches!(ctx.kind(e), Kind::Country | Kind::Institution).then_some(e)
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::test_util::{facts, triples};

    #[test]
    fn a_meeting_held_to_sign_an_agreement_signed_it() {
        for text in [
            "Chile and Peru met in Lima to sign a trade agreement.",
            "Chile and Peru met on Monday to sign a trade agreement.",
            "Chile and Peru gathered in Lima to sign a trade agreement.",
        ] {
            assert_eq!(
                triples(text),
                [
                    "Chile signed trade agreement",
                    "Peru signed trade agreement"
                ],
                "{text}"
            );
        }
        // A meeting to come, one denied, or a purpose hedged again signs nothing.
        for text in [
            "Chile and Peru will meet in Lima to sign a trade agreement.",
            "Chile and Peru did not meet to sign a trade agreement.",
            "Chile and Peru met to discuss plans to sign a trade agreement.",
            "Chile and Peru hope to sign a trade agreement.",
        ] {
            assert!(triples(text).is_empty(), "{text}: {:?}", triples(text));
        }
    }

    #[test]
    fn adopting_is_signing_only_an_agreement() {
        let t = triples("Chile and Peru adopted a joint declaration on Monday.");
        assert!(
            t.contains(&"Chile signed joint declaration".to_string()),
            "{t:?}"
        );
        for text in [
            "The Lima Zoo adopted a panda in May.",
            "Chile adopted a new budget on Monday.",
        ] {
            let t = triples(text);
            assert!(!t.iter().any(|f| f.contains(" signed ")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_pair_signs_and_a_bare_agreement_is_its_own() {
        let t = triples(
            "Chile and Peru met in Lima. The two countries signed 50 agreements. \
             Spain and Italy signed a new fishing agreement.",
        );
        assert!(t.contains(&"Chile signed agreements".to_string()), "{t:?}");
        assert!(t.contains(&"Peru signed agreements".to_string()), "{t:?}");
        assert!(
            t.contains(&"Spain signed new fishing agreement".to_string()),
            "{t:?}"
        );
        // The ministers of a pair are not the pair.
        let t =
            triples("The defence ministers of the two countries signed a new fishing agreement.");
        assert!(t.is_empty(), "{t:?}");
        // "The agreement" refers back to the one named.
        let t = triples(
            "Spain and Italy signed a new fishing agreement. The agreement between Spain and Italy runs to 2030.",
        );
        assert!(
            !t.iter()
                .any(|f| f.ends_with(" agreement") && !f.contains("fishing")),
            "{t:?}"
        );
    }

    #[test]
    fn coordinated_agreements_are_each_signed() {
        for (text, second) in [
            (
                "Chile and Peru signed an agreement on fishing and a treaty on borders.",
                "treaty on borders",
            ),
            (
                "Chile and Peru signed a fishing pact, a border treaty and three trade protocols.",
                "border treaty",
            ),
            (
                "Chile and Peru signed a fishing pact as well as a border treaty.",
                "border treaty",
            ),
        ] {
            let t = triples(text);
            assert!(
                t.contains(&format!("Chile signed {second}")),
                "{text}: {t:?}"
            );
            assert!(
                t.contains(&format!("Peru signed {second}")),
                "{text}: {t:?}"
            );
        }
        // An agreement named later in another phrase is not signed.
        let t = triples("Chile and Peru signed a fishing pact that replaces the border treaty.");
        assert!(!t.iter().any(|f| f.contains("border treaty")), "{t:?}");
    }

    #[test]
    fn documents_and_contracts_are_signed() {
        for (text, object) in [
            (
                "Chile and Peru signed 12 cooperation documents.",
                "cooperation documents",
            ),
            (
                "Acme Steel signed a supply contract with Boral Mining.",
                "supply contract",
            ),
        ] {
            let t = triples(text);
            assert!(t.iter().any(|f| f.ends_with(object)), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_decided_signing_is_signed_and_a_hedged_one_is_not() {
        for text in [
            "John Ortiz and Mary Bell will sign their new contracts on the pitch.",
            "John Ortiz and Mary Bell will also sign their new contracts.",
            "John Ortiz and Mary Bell are to sign their new contracts.",
        ] {
            assert_eq!(
                triples(text),
                [
                    "John Ortiz signed new contracts",
                    "Mary Bell signed new contracts"
                ],
                "{text}"
            );
        }
        for text in [
            "John Ortiz and Mary Bell could sign their new contracts.",
            "John Ortiz and Mary Bell will not sign their new contracts.",
            "John Ortiz and Mary Bell would sign their new contracts if asked.",
            "John Ortiz and Mary Bell may sign their new contracts.",
        ] {
            assert!(triples(text).is_empty(), "{text}: {:?}", triples(text));
        }
        // What someone said another would do is a claim, not a signing.
        let t = triples("John Ortiz said Mary Bell would sign the new contracts.");
        assert!(!t.iter().any(|f| f.contains(" signed ")), "{t:?}");
    }

    #[test]
    fn the_with_of_another_event_names_no_party() {
        for text in [
            "Acme Steel signed a supply contract before the game with Boral Mining.",
            "Acme Steel signed a supply contract after talks with Boral Mining.",
            "Acme Steel signed a supply contract during a meeting with Boral Mining.",
        ] {
            assert_eq!(
                triples(text),
                ["Acme Steel signed supply contract"],
                "{text}"
            );
        }
        assert!(
            triples("Acme Steel signed a supply contract on Monday with Boral Mining.")
                .contains(&"Boral Mining signed supply contract".to_string())
        );
    }

    #[test]
    fn new_opens_the_name_of_an_agreement() {
        for (text, object) in [
            (
                "Acme Steel offered the management team new contracts. John Ortiz signed the new contracts.",
                "John Ortiz signed new contracts",
            ),
            (
                "Chile and Peru gave the border commission a first treaty. Chile signed the first treaty.",
                "Chile signed first treaty",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&object.to_string()), "{text}: {t:?}");
        }
    }

    #[test]
    fn agreements_not_yet_made_are_not_signed() {
        for text in [
            "Chile denied rumours of an arms deal between Chile and Peru.",
            "Chile and Peru agreed to work toward a formal fishing treaty by 2030.",
            "Chile and Peru discussed a possible fishing treaty between Chile and Peru.",
        ] {
            let t = triples(text);
            assert!(!t.iter().any(|f| f.contains(" signed ")), "{text}: {t:?}");
        }
    }

    #[test]
    fn entering_into_an_agreement_is_signing_it() {
        for (text, facts) in [
            (
                "On Monday, Keldar Corp. entered into an agreement with Orvane Inc.",
                [
                    "Keldar Corp signed agreement",
                    "Orvane Inc signed agreement",
                ],
            ),
            (
                "Chile and Peru entered into a fishing treaty in May.",
                ["Chile signed fishing treaty", "Peru signed fishing treaty"],
            ),
        ] {
            let t = triples(text);
            for f in facts {
                assert!(t.contains(&f.to_string()), "{text}: {t:?}");
            }
        }
        // Not entering into talks, nor an agreement only hoped for.
        for text in [
            "Chile entered into talks with Peru on a fishing treaty.",
            "Chile may enter into a fishing treaty with Peru.",
        ] {
            let t = triples(text);
            assert!(!t.iter().any(|f| f.contains(" signed ")), "{text}: {t:?}");
        }
    }

    #[test]
    fn a_pair_opening_a_sentence_signs() {
        for (text, parties) in [
            (
                "Chile and Peru met in Lima. Both sides signed a fishing treaty.",
                ["Chile", "Peru"],
            ),
            (
                "Chile and Peru met in Lima. Both countries signed a fishing treaty.",
                ["Chile", "Peru"],
            ),
            (
                "Peruvian President Ana Lind met Chilean President Luis Rojas. \
                 Both leaders signed a fishing treaty.",
                ["Ana Lind", "Luis Rojas"],
            ),
        ] {
            let t = triples(text);
            for p in parties {
                assert!(
                    t.contains(&format!("{p} signed fishing treaty")),
                    "{text}: {t:?}"
                );
            }
        }
    }

    #[test]
    fn a_pair_does_not_sign_what_others_sign_after_its_own() {
        let t = triples(
            "Peruvian President Ana Lind met Chilean President Luis Rojas in Lima. \
             The two leaders signed a joint declaration and watched their ministers sign \
             six agreements on trade.",
        );
        assert!(
            t.contains(&"Ana Lind signed joint declaration".to_string()),
            "{t:?}"
        );
        assert!(
            !t.iter().any(|f| f.contains("signed agreements on trade")),
            "{t:?}"
        );
    }

    #[test]
    fn the_two_leaders_sign() {
        let t = triples(
            "Peruvian President Ana Lind met Chilean President Luis Rojas in Lima. \
             The two leaders signed a fishing treaty. \
             The two presidents also signed a water accord.",
        );
        for f in [
            "Ana Lind signed fishing treaty",
            "Luis Rojas signed fishing treaty",
            "Ana Lind signed water accord",
            "Luis Rojas signed water accord",
        ] {
            assert!(t.contains(&f.to_string()), "{f}: {t:?}");
        }
    }

    #[test]
    fn both_parties_sign() {
        assert_eq!(
            triples("Chile and Peru signed a new fishing treaty."),
            [
                "Chile signed new fishing treaty",
                "Peru signed new fishing treaty"
            ]
        );
        assert_eq!(
            triples("Last May, Japan renewed its security pact with Australia."),
            [
                "Australia signed security pact",
                "Japan signed security pact"
            ]
        );
        assert_eq!(
            triples(
                "Peruvian President Ana Soto and her Chilean counterpart Luis Rojas signed a water treaty."
            ),
            [
                "Ana Soto leads Peru",
                "Ana Soto signed water treaty",
                "Luis Rojas leads Chile",
                "Luis Rojas signed water treaty"
            ]
        );
        let f = facts("In January, Kenya concluded a trade agreement with Uganda.");
        assert_eq!(f[0].4.as_deref(), Some("2023-01"));
    }

    #[test]
    fn an_agreement_between_two_parties_is_signed_by_both() {
        for text in [
            "The zoo got the pandas under an agreement between China and Germany.",
            "The cubs will go back as part of an agreement reached between China and Germany.",
            "Germany hosted China in May. The cubs went home under an agreement between the two countries.",
        ] {
            let t = triples(text);
            assert!(
                t.contains(&"China signed agreement".to_string()),
                "{text}: {t:?}"
            );
            assert!(
                t.contains(&"Germany signed agreement".to_string()),
                "{text}: {t:?}"
            );
        }
        assert!(triples("An agreement between China and Germany could follow.").is_empty());
    }

    #[test]
    fn the_people_listed_as_signers_sign() {
        // After "signed by": every person of the list, past titles and their bodies.
        let t = triples(
            "The accords were signed by Peruvian Minister of Mining and Energy, Hon. Ana Lind, and Secretary of Trade Luis Soto.",
        );
        assert!(t.contains(&"Ana Lind signed accords".to_string()), "{t:?}");
        assert!(t.contains(&"Luis Soto signed accords".to_string()), "{t:?}");
        // "… and his counterpart Y": the counterpart signs too.
        let t = triples(
            "The accord was signed by Peruvian Trade Minister Ana Lind and her Chilean counterpart Luis Soto.",
        );
        assert!(t.contains(&"Ana Lind signed accord".to_string()), "{t:?}");
        assert!(t.contains(&"Luis Soto signed accord".to_string()), "{t:?}");
        // Countries after "by" still sign.
        let t = triples("The pact was signed by Chile and Peru.");
        assert!(t.contains(&"Chile signed pact".to_string()), "{t:?}");
        assert!(t.contains(&"Peru signed pact".to_string()), "{t:?}");
        // A semicolon list of people with their titles, and the agreement named before.
        let t = triples(
            "Chile and Peru signed three fishing accords. For Chile: Ana Lind, Minister of Mines; Luis Soto, Minister of Ports; and Eva Rios, Minister of Energy, signed on behalf of the government of Chile.",
        );
        for who in ["Ana Lind", "Luis Soto", "Eva Rios"] {
            assert!(
                t.contains(&format!("{who} signed fishing accords")),
                "{who}: {t:?}"
            );
            assert!(
                t.contains(&format!("{who} member-of Chile")),
                "{who}: {t:?}"
            );
        }
        // "Signed" with no agreement named nearby signs nothing.
        let t = triples("Ana Lind signed on Monday.");
        assert!(t.is_empty(), "{t:?}");
        // A plural acronym is the agreement it abbreviates.
        let t = triples(
            "Chile and Peru signed five Memorandum of Understanding (MOUs). The MOUs were signed by Ana Lind.",
        );
        assert!(
            t.contains(&"Ana Lind signed Memorandum of Understanding".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn unsigned_agreements_are_not_signed() {
        assert!(triples("Chile and Peru could sign a fishing treaty.").is_empty());
        assert!(triples("Chile did not sign the treaty.").is_empty());
    }
}
