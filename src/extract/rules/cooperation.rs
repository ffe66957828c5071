//! Cooperation (symmetric): who works with whom.
//!
//! * `cooperation-between`: "cooperation/ties/friendship between X and Y", "an exchange
//!   of animals between X and Y" (not a prisoner exchange; also "the two nations" when
//!   its antecedent is clear);
//! * `cooperation-with`: "X's cooperation/ties with Y";
//! * `cooperate-verb`: "X cooperates with Y", "X and Y cooperate";
//! * `cooperation-compound`: "China-US ties", "Uzbek-Russian relations";
//! * `cooperation-subjects`: "China and PNG established a strategic partnership" (every
//!   pair of coordinated subjects).

use super::table::Rule;
use super::{Ctx, Sentence};
use crate::extract::lexicon::{Family, lexicons};
use crate::extract::mentions::MentionKind;
use crate::model::{Kind, Relation};

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    for i in ctx.triggers(Family::Cooperate) {
        // A prisoner exchange is no cooperation (the swap decisions in `eval/README.md`).
        if s.word(i).starts_with("exchange") && i > 0 && lexicons().held_people(&[s.word(i - 1)]) {
            continue;
        }
        between(ctx, i);
        with(ctx, i);
        compound(ctx, i);
        if s.modal_between(i.saturating_sub(4), i + 1) || s.is_blocked(i) || s.in_quote[i] {
            continue;
        }
        subjects(ctx, i);
    }
    for i in ctx.triggers(Family::CooperateVerb) {
        if s.is_verb_use(i) && !s.is_blocked(i) {
            verb(ctx, i);
        }
    }
}

fn partner(ctx: &Ctx, m: Option<usize>) -> Option<usize> {
    let e = ctx.entity(m?)?;
    matches!(ctx.kind(e), Kind::Country | Kind::Institution).then_some(e)
}

fn emit(ctx: &mut Ctx, a: Option<usize>, b: Option<usize>, rule: Rule) {
    if let (Some(a), Some(b)) = (a, b) {
        ctx.emit(a, Relation::CooperatesWith, b, None, None, rule);
    }
}

/// "cooperation between X and Y": within three words of the noun.
fn between(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let Some(b) = (i + 1..(i + 4).min(s.tokens.len())).find(|&k| s.word(k) == "between") else {
        return;
    };
    let Some(first) = s.mention_from(b + 1) else {
        return;
    };
    if s.mentions[first].kind == MentionKind::Pair {
        if let Some(&(x, y)) = ctx.resolved.pairs.get(&(s.index, first)) {
            emit(ctx, Some(x), Some(y), Rule::CooperationBetween);
        }
        return;
    }
    // "between the Lima Zoo (LZ) in Peru and Y": past the first's short form and place.
    let mut end = s.past_short_form(s.mentions[first].end);
    if s.word(end) == "in"
        && let Some(p) = s.mention_from(end + 1).filter(|&p| {
            s.is_place(p)
                || ctx
                    .entity(p)
                    .is_some_and(|e| matches!(ctx.kind(e), Kind::Place | Kind::Country))
        })
    {
        end = s.mentions[p].end;
    }
    if s.word(end) != "and" {
        return;
    }
    let second = s.mention_from(end + 1);
    emit(
        ctx,
        partner(ctx, Some(first)),
        partner(ctx, second),
        Rule::CooperationBetween,
    );
}

/// "China-US ties", "the Uzbek-Russian relations": two countries joined by a hyphen
/// in the word before the noun (or before one adjective).
fn compound(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let lex = crate::extract::lexicon::lexicons();
    for back in 1..=2 {
        let Some(k) = i.checked_sub(back) else { return };
        let word = s.tokens[k].text;
        let Some((a, b)) = word.split_once('-') else {
            continue;
        };
        let country = |w: &str| {
            let lower = w.to_lowercase();
            lex.country_forms
                .longest(&lower.split(' ').collect::<Vec<_>>())
                .filter(|(len, _)| *len == 1)
                .map(|(_, &(c, _))| c)
        };
        if let (Some(x), Some(y)) = (country(a), country(b))
            && x != y
        {
            let (xe, ye) = (ctx.country(x), ctx.country(y));
            emit(ctx, Some(xe), Some(ye), Rule::CooperationCompound);
        }
        return;
    }
}

/// `cooperation-subjects`: "China and PNG established a strategic partnership", "A, B
/// and C deepened their ties": every pair of the coordinated subjects.
fn subjects(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    // The noun is the object of a verb: "established a partnership".
    let verb = (i.saturating_sub(4)..i).rev().find(|&k| {
        s.tokens[k].is_lower_word() && crate::extract::lexicon::lexicons().is_verb(s.word(k))
            || s.word(k).ends_with("ed")
    });
    let Some(verb) = verb else { return };
    let parties: Vec<usize> = s
        .subjects_before(verb)
        .into_iter()
        .filter_map(|m| partner(ctx, Some(m)))
        .collect();
    if parties.len() < 2 {
        return;
    }
    for (n, &a) in parties.iter().enumerate() {
        for &b in &parties[n + 1..] {
            emit(ctx, Some(a), Some(b), Rule::CooperationSubjects);
        }
    }
}

/// "X's cooperation with Y".
fn with(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    if s.word(i + 1) != "with" || i < 2 {
        return;
    }
    let Some(owner) =
        s.tok_mention[i - 2].filter(|&m| s.possessive(m) && s.mentions[m].end + 1 == i)
    else {
        return;
    };
    let other = s.mention_from(i + 2);
    emit(
        ctx,
        partner(ctx, Some(owner)),
        partner(ctx, other),
        Rule::CooperationWith,
    );
}

/// "X cooperates with Y", "X and Y cooperate".
fn verb(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let subjects = s.subjects_before(i);
    if s.word(i + 1) == "with" {
        let other = partner(ctx, s.mention_from(i + 2));
        for m in subjects {
            emit(ctx, partner(ctx, Some(m)), other, Rule::CooperateVerb);
        }
    } else if let [a, b] = subjects[..] {
        emit(
            ctx,
            partner(ctx, Some(a)),
            partner(ctx, Some(b)),
            Rule::CooperateVerb,
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn compounds_and_coordinated_subjects_cooperate() {
        use crate::extract::rules::test_util::triples as t;
        for (text, fact) in [
            (
                "The visit gave a good start to China-US ties this year.",
                "China cooperates-with United States",
            ),
            (
                "The Uzbek-Russian relations grew.",
                "Uzbekistan cooperates-with Russia",
            ),
            (
                "China and PNG established a strategic partnership in 2014.",
                "China cooperates-with Papua New Guinea",
            ),
            (
                "Peru, Chile and Bolivia deepened their cooperation.",
                "Chile cooperates-with Bolivia",
            ),
            (
                "China hosted the United States. Talks sought to warm relations between the two superpowers.",
                "China cooperates-with United States",
            ),
        ] {
            assert!(t(text).contains(&fact.to_string()), "{text}: {:?}", t(text));
        }
        assert!(t("China and Peru could establish a partnership.").is_empty());
        // Animals exchanged between two zoos; prisoners exchanged are no cooperation.
        for text in [
            "The officials approved an exchange of animals between Kelso Zoological Park (KZP) in Calder and the Dorne Zoo in Bram.",
            "Animal exchanges between the Kelso Zoo and the Dorne Zoo began in 2019.",
        ] {
            assert!(
                t(text).contains(&"Kelso Zoo cooperates-with Dorne Zoo".to_string())
                    || t(text)
                        .contains(&"Kelso Zoological Park cooperates-with Dorne Zoo".to_string()),
                "{text}: {:?}",
                t(text)
            );
        }
        for text in [
            "They were part of a rare prisoner exchange between Chile and Peru.",
            "The hostage exchanges between Chile and Peru went on.",
        ] {
            assert!(
                !t(text).iter().any(|f| f.contains("cooperates-with")),
                "{text}: {:?}",
                t(text)
            );
        }
    }

    use crate::extract::rules::test_util::triples;

    #[test]
    fn between_with_and_verbs() {
        assert_eq!(
            triples("The ties between Chile and Peru grew."),
            ["Chile cooperates-with Peru"]
        );
        assert_eq!(
            triples("Japan's partnership with India grew."),
            ["Japan cooperates-with India"]
        );
        assert_eq!(
            triples("Norway cooperates with the Oslo Museum."),
            ["Norway cooperates-with Oslo Museum"]
        );
        assert_eq!(
            triples("Kenya and Uganda cooperated closely."),
            ["Kenya cooperates-with Uganda"]
        );
        assert_eq!(
            triples("It shows the strong links between Chile and Peru."),
            ["Chile cooperates-with Peru"]
        );
        assert_eq!(
            triples("The friendship between the Lima and Quito Zoos grew."),
            ["Lima Zoo cooperates-with Quito Zoo"]
        );
    }

    #[test]
    fn the_two_nations() {
        let t = triples("Chile met Peru. Ties between the two nations grew.");
        assert_eq!(t, ["Chile cooperates-with Peru"]);
    }

    #[test]
    fn hypothetical_cooperation_is_not_a_fact() {
        assert!(triples("Kenya and Uganda could cooperate.").is_empty());
    }
}
