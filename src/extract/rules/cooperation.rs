//! Cooperation (symmetric): who works with whom.
//!
//! * `cooperation-between`: "cooperation/ties/friendship between X and Y" (also "the
//!   two nations" when its antecedent is clear);
//! * `cooperation-with`: "X's cooperation/ties with Y";
//! * `cooperate-verb`: "X cooperates with Y", "X and Y cooperate".

use super::{Ctx, Sentence};
use crate::extract::lexicon::Family;
use crate::extract::mentions::MentionKind;
use crate::model::{Kind, Relation};

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    for i in ctx.triggers(Family::Cooperate) {
        between(ctx, i);
        with(ctx, i);
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

fn emit(ctx: &mut Ctx, a: Option<usize>, b: Option<usize>, rule: &'static str) {
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
            emit(ctx, Some(x), Some(y), "cooperation-between");
        }
        return;
    }
    let end = s.mentions[first].end;
    if s.word(end) != "and" {
        return;
    }
    let second = s.mention_from(end + 1);
    emit(
        ctx,
        partner(ctx, Some(first)),
        partner(ctx, second),
        "cooperation-between",
    );
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
        "cooperation-with",
    );
}

/// "X cooperates with Y", "X and Y cooperate".
fn verb(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    let subjects = s.subjects_before(i);
    if s.word(i + 1) == "with" {
        let other = partner(ctx, s.mention_from(i + 2));
        for m in subjects {
            emit(ctx, partner(ctx, Some(m)), other, "cooperate-verb");
        }
    } else if let [a, b] = subjects[..] {
        emit(
            ctx,
            partner(ctx, Some(a)),
            partner(ctx, Some(b)),
            "cooperate-verb",
        );
    }
}

#[cfg(test)]
mod tests {
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
