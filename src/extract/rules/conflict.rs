//! Fighting (symmetric): who fought whom.
//!
//! * `fight-verb`: "X fought/clashed with/attacked Y";
//! * `fight-noun`: "X … in the war against Y", "X's war with Y";
//! * `fight-assist`: "they assisted X in the war against Y" → they fought Y too.

use super::table::Rule;
use super::{Ctx, Sentence};
use crate::extract::lexicon::{Family, lexicons};
use crate::model::{Kind, Relation};

const OBJECT_PREPS: [&str; 3] = ["with", "against", "on"];

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    for i in ctx.triggers(Family::Fight) {
        if s.is_verb_use(i) && !s.is_blocked(i) && !s.in_quote[i] {
            fight(ctx, i, Rule::FightVerb);
        }
    }
    for i in ctx.triggers(Family::FightNoun) {
        if !s.is_blocked(i) && !s.in_quote[i] && OBJECT_PREPS.contains(&s.word(i + 1)) {
            fight(ctx, i, Rule::FightNoun);
        }
    }
}

fn is_fighter(kind: Kind) -> bool {
    matches!(kind, Kind::Country | Kind::Group)
}

fn fight(ctx: &mut Ctx, i: usize, rule: Rule) {
    let s = ctx.sentence;
    // The opponent: right after "with"/"against", or a direct object ("attacked X").
    let object = if OBJECT_PREPS.contains(&s.word(i + 1)) {
        s.mention_from(i + 2)
    } else if rule == Rule::FightVerb {
        s.mention_from(i + 1)
    } else {
        None
    };
    let Some(opponent) = object
        .and_then(|m| ctx.entity(m))
        .filter(|&e| is_fighter(ctx.kind(e)))
    else {
        return;
    };
    let mut subjects = s.subjects_before(i);
    // "Chile's war with Peru": the owner of the noun fights.
    if rule == Rule::FightNoun
        && i >= 2
        && s.tokens[i - 1].kind == crate::extract::tokens::TokKind::Possessive
        && let Some(owner) = s.tok_mention[i - 2]
    {
        subjects.insert(0, owner);
    }
    let date = ctx.date_at(i);
    for &m in &subjects {
        if let Some(e) = ctx.entity(m).filter(|&e| is_fighter(ctx.kind(e))) {
            ctx.emit(e, Relation::Fought, opponent, None, date.clone(), rule);
        }
    }
    // "they assisted Russian forces in the war against Ukraine"
    if let Some(&first) = subjects.first() {
        let before = s.phrase_start(first);
        if before > 0 && lexicons().is(s.word(before - 1), Family::Assist) {
            for m in s.subjects_before(before - 1) {
                if let Some(e) = ctx.entity(m).filter(|&e| is_fighter(ctx.kind(e))) {
                    ctx.emit(
                        e,
                        Relation::Fought,
                        opponent,
                        None,
                        date.clone(),
                        Rule::FightAssist,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::test_util::triples;

    #[test]
    fn verbs_and_nouns() {
        assert_eq!(
            triples("Indian troops clashed with Chinese soldiers."),
            [
                "Chinese soldiers member-of China",
                "Indian troops fought Chinese soldiers",
                "Indian troops member-of India",
            ]
        );
        assert_eq!(
            triples("Iraq waged a long war against Iran."),
            ["Iraq fought Iran"]
        );
    }

    #[test]
    fn assisting_fighters_fight_too() {
        let t = triples(
            "Cuban troops arrived, and they helped Angolan forces in the war against South Africa.",
        );
        assert!(
            t.contains(&"Angolan forces fought South Africa".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"Cuban troops fought South Africa".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn no_subject_no_fact() {
        assert!(
            !triples("Fierce fighting with Sudanese forces went on.")
                .iter()
                .any(|t| t.contains("fought"))
        );
    }
}
