//! Agreements: `sign-verb` — "X and Y signed/renewed/concluded a pact" (every party
//! signs; "X signed a treaty with Y" makes Y a party too; "a pact signed by X and Y").

use super::{Ctx, Sentence};
use crate::extract::lexicon::Family;
use crate::extract::mentions::MentionKind;
use crate::model::{Kind, Relation};

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    for i in ctx.triggers(Family::Sign) {
        if s.is_verb_use(i) && !s.is_blocked(i) {
            sign(ctx, i);
        }
    }
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
        (Some(a), _) => (a, s.subjects_before(i)),
        // "a pact signed by X and Y"
        (None, Some(a)) if s.target_after(i, &["by"]).is_some() => {
            let first = s.target_after(i, &["by"]);
            let mut ps: Vec<usize> = first.into_iter().collect();
            if let Some(f) = first
                && s.word(s.mentions[f].end) == "and"
                && let Some(second) = s.mention_from(s.mentions[f].end + 1)
            {
                ps.push(second);
            }
            (a, ps)
        }
        _ => return,
    };
    if let Some(with) = s.target_after(i, &["with"]) {
        parties.push(with);
    }
    let Some(agr) = ctx.entity(agreement) else {
        return;
    };
    let date = ctx.date_at(i);
    for p in parties {
        if let Some(e) = ctx.entity(p)
            && is_party(ctx.kind(e))
        {
            ctx.emit(e, Relation::Signed, agr, None, date.clone(), "sign-verb");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::test_util::{facts, triples};

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
    fn unsigned_agreements_are_not_signed() {
        assert!(triples("Chile and Peru could sign a fishing treaty.").is_empty());
        assert!(triples("Chile did not sign the treaty.").is_empty());
    }
}
