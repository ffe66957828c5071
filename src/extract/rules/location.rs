//! Location: which place or institution lies in which place or country.
//!
//! * `possessive-place`: "Russia's Kursk region" → Kursk region located-in Russia,
//!   "Prague's Vltava Zoo" → Vltava Zoo located-in Prague;
//! * `in-place`: "the Kursk region in Russia", "the Rome Zoo in Italy" → located-in;
//! * `based-in`: "the Jakarta-based institute" → located-in Jakarta.

use super::{Ctx, Sentence};
use crate::extract::mentions::MentionKind;
use crate::model::{Kind, Relation};

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    for k in 0..s.mentions.len() {
        let m = &s.mentions[k];
        if let Some(place) = &m.based_in
            && let Some(e) = ctx.entity(k)
        {
            let p = ctx.resolved.entity_named(place, Kind::Place);
            ctx.emit(e, Relation::LocatedIn, p, None, None, "based-in");
        }
        if s.possessive(k)
            && let Some(next) = s.mention_from(m.end + 1)
        {
            match m.kind {
                MentionKind::Country(_) => {
                    located(ctx, next, k, &[Kind::Place], "possessive-place");
                }
                // "Prague's Vltava Zoo": a city's institutions are located in it.
                MentionKind::Capital(_) | MentionKind::Name(Some(Kind::Place)) => {
                    located(
                        ctx,
                        next,
                        k,
                        &[Kind::Place, Kind::Institution],
                        "possessive-place",
                    );
                }
                _ => {}
            }
        }
        if matches!(
            m.kind,
            MentionKind::Name(Some(Kind::Place | Kind::Institution))
        ) && s.word(m.end) == "in"
            && let Some(next) = s.mention_from(m.end + 1)
            && !s.possessive(next)
        {
            located(ctx, k, next, &[Kind::Place, Kind::Institution], "in-place");
        }
    }
}

/// `inner located-in outer` when inner has one of `kinds` and outer is a place or
/// country.
fn located(ctx: &mut Ctx, inner: usize, outer: usize, kinds: &[Kind], rule: &'static str) {
    if let (Some(i), Some(o)) = (ctx.entity(inner), ctx.entity(outer))
        && kinds.contains(&ctx.kind(i))
        && matches!(ctx.kind(o), Kind::Place | Kind::Country)
    {
        ctx.emit(i, Relation::LocatedIn, o, None, None, rule);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::test_util::triples;

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
    }
}
