//! Safe aliases: the one pass that decides which of an entity's aliases kg keeps, applied
//! to every article a knowledge base merges (`kg add`, `kg rebuild`, every decision) and
//! to the graph `kg build` writes.
//!
//! An alias is a name kg resolves to the entity, so a wrong one makes a query answer about
//! the wrong thing without a word ("Moscow" on Moscow Zoo: `kg path Putin Moscow` answered
//! about the zoo). An alias is refused when it is
//!
//! | refusal | example | why |
//! |---|---|---|
//! | [`Refusal::Description`] | "the zoo", "Russian news agency", "Foreign ministry" on an institution | a description or anaphor: it means this entity only inside its article |
//! | [`Refusal::Place`] | "Moscow" on Moscow Zoo, "Natural Resources" on a ministry | a part of the name without its institution word: the city the body is in, or a fragment |
//! | [`Refusal::CountryName`] | "Pyongyang" on North Korea, "Beijing" on a ministry | a capital or a country's name names a place, not the country's government or a body in it |
//! | [`Refusal::ClassNoun`] | "troops" on North Korean troops | a bare class noun names no one thing (`../shared/ANNOTATION.md`, section 3) |
//! | [`Refusal::Taken`] | "Kim Jong Un" as an alias of another entity | it is the name of another entity of the same graph |
//!
//! Only aliases go: the canonical name is always kept. Common-noun kinds (animals, things,
//! groups) keep their plural and other lowercase forms ("brown bears").

use crate::extract::lexicon::{CountryForm, lexicons};
use crate::model::name::lexicon_key;
use crate::model::name::{lookup_key, lookup_key_into};
use crate::model::{Entity, Kind};
use rustc_hash::FxHashMap as HashMap;

/// Why an alias is not kept (see the module table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Description,
    Place,
    CountryName,
    ClassNoun,
    Taken,
}

/// Nouns that name a class, not one thing: never a shared entity, never an alias. An
/// agreement called only by its kind ("an agreement", "the treaty") is one of many: two
/// articles' "agreement" are not one pact.
pub const CLASS_NOUNS: [&str; 34] = [
    "animal",
    "animals",
    "gift",
    "gifts",
    "weapon",
    "weapons",
    "equipment",
    "troop",
    "troops",
    "people",
    "soldier",
    "soldiers",
    "forces",
    "force",
    "things",
    "items",
    "agreement",
    "agreements",
    "deal",
    "deals",
    "treaty",
    "treaties",
    "pact",
    "pacts",
    "accord",
    "accords",
    "memorandum of understanding",
    "memoranda of understanding",
    "mou",
    "mous",
    "contract",
    "contracts",
    "document",
    "documents",
];

/// Words that join the words of a name and say nothing of what it names.
const FUNCTION_WORDS: [&str; 6] = ["the", "of", "and", "for", "on", "in"];

/// True when a name is a bare class noun ("animals", "the troops"): no nationality, no
/// species, no model.
pub fn is_class_noun(name: &str) -> bool {
    is_class_noun_key(&lookup_key(name))
}

/// [`is_class_noun`] of the name whose lookup key is `key`.
pub fn is_class_noun_key(key: &str) -> bool {
    CLASS_NOUNS.contains(&key)
}

/// True when the word (any case) is an institution word of kg's lexicon ("zoo",
/// "ministry", "agency").
pub fn is_institution_word(word: &str) -> bool {
    lexicons()
        .institution_forms
        .get(&lexicon_key(word))
        .is_some()
}

pub use crate::extract::lexicon::country_form;

/// Why `alias` may not be an alias of `e` on its own (without looking at other
/// entities), or `None` when it may.
pub fn refusal(e: &Entity, alias: &str) -> Option<Refusal> {
    let words: Vec<&str> = alias
        .split_whitespace()
        .filter(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    if words.is_empty() {
        return Some(Refusal::Description);
    }
    let proper = matches!(
        e.kind,
        Kind::Person | Kind::Institution | Kind::Country | Kind::Place
    );
    if !proper {
        return is_class_noun(alias).then_some(Refusal::ClassNoun);
    }
    let form = country_form(alias);
    match (e.kind, form) {
        (Kind::Country, Some(CountryForm::Capital)) => return Some(Refusal::CountryName),
        (Kind::Country | Kind::Place, _) => {}
        (_, Some(CountryForm::Name | CountryForm::Capital)) => {
            return Some(Refusal::CountryName);
        }
        _ => {}
    }
    let lowercase = |w: &&str| w.chars().next().is_some_and(char::is_lowercase);
    let lower_institution = words.iter().any(|w| lowercase(w) && is_institution_word(w));
    let all_lower = words
        .iter()
        .all(|w| lowercase(w) || country_form(w) == Some(CountryForm::Demonym));
    if lower_institution || all_lower {
        return Some(Refusal::Description);
    }
    if e.kind == Kind::Institution && is_place_part(&e.name, alias) {
        return Some(Refusal::Place);
    }
    None
}

/// True when `part` is a run of the words of institution `name` with none of its
/// institution words ("Moscow" of "Moscow Zoo", "Natural Resources" of "Russian Ministry
/// of Natural Resources and Environment").
fn is_place_part(name: &str, part: &str) -> bool {
    let name: Vec<String> = lookup_key(name).split(' ').map(String::from).collect();
    let part: Vec<String> = lookup_key(part).split(' ').map(String::from).collect();
    if part.len() >= name.len() || part.iter().any(|w| is_institution_word(w)) {
        return false;
    }
    name.windows(part.len()).any(|w| w == part.as_slice())
}

/// Drops every refused alias of these entities (one article's, or one graph's): the
/// refusals of [`refusal`], and an alias that is another entity's canonical name.
/// Returns the refused (entity index, alias, why), in order.
pub fn make_safe(entities: &mut [Entity]) -> Vec<(usize, String, Refusal)> {
    make_safe_where(entities, |_| true)
}

/// [`make_safe`] of the entities `which` holds (by their place in `entities`), an alias
/// being taken when it is the canonical name of any other entity of `entities`: the
/// others keep their aliases as they are.
pub fn make_safe_where(
    entities: &mut [Entity],
    which: impl Fn(usize) -> bool,
) -> Vec<(usize, String, Refusal)> {
    let mut refused = Vec::new();
    if !entities
        .iter()
        .enumerate()
        .any(|(i, e)| !e.aliases.is_empty() && which(i))
    {
        return refused;
    }
    // Each canonical name's first entity, and whether another has it too: of the names
    // an alias made safe has (no other is asked for).
    let mut canonical: HashMap<String, (usize, bool)> = entities
        .iter()
        .enumerate()
        .filter(|&(i, _)| which(i))
        .flat_map(|(_, e)| &e.aliases)
        .map(|a| (lookup_key(a), (usize::MAX, false)))
        .collect();
    let mut key = String::new();
    for (i, e) in entities.iter().enumerate() {
        lookup_key_into(&e.name, &mut key);
        if let Some((first, more)) = canonical.get_mut(&key) {
            match *first {
                usize::MAX => *first = i,
                _ => *more = true,
            }
        }
    }
    // (an alias whose name no entity has as its own)
    canonical.retain(|_, (first, _)| *first != usize::MAX);
    for (i, e) in entities.iter_mut().enumerate() {
        if e.aliases.is_empty() || !which(i) {
            continue;
        }
        let mut kept = Vec::with_capacity(e.aliases.len());
        for alias in std::mem::take(&mut e.aliases) {
            let taken = canonical
                .get(&lookup_key(&alias))
                .is_some_and(|&(first, more)| more || first != i);
            let why = if taken {
                Some(Refusal::Taken)
            } else {
                refusal(e, &alias)
            };
            match why {
                Some(why) => refused.push((i, alias, why)),
                None => kept.push(alias),
            }
        }
        e.aliases = kept;
    }
    refused
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(name: &str, kind: Kind, aliases: &[&str]) -> Entity {
        let mut e = Entity::new(crate::model::slug(name), name, kind);
        e.aliases = aliases.iter().map(|a| a.to_string()).collect();
        e
    }

    /// Making some entities' aliases safe gives them the aliases making all of them safe
    /// gives them (another entity's canonical name is taken whether it is made safe or
    /// not), and leaves the others' as they were.
    #[test]
    fn making_some_entities_safe_is_making_all_safe_for_those() {
        let entities = [
            with(
                "Moscow Zoo",
                Kind::Institution,
                &["Moscow", "Zoo of Moscow"],
            ),
            with("Zoo of Moscow", Kind::Institution, &["MZ"]),
            with("Lviv Zoo", Kind::Institution, &["Lviv"]),
            with("Vladimir Putin", Kind::Person, &["Putin", "Lviv Zoo"]),
        ];
        let mut all = entities.clone();
        make_safe(&mut all);
        for which in 0..1 << entities.len() {
            let mut some = entities.clone();
            make_safe_where(&mut some, |i| which & (1 << i) != 0);
            for i in 0..entities.len() {
                let want = if which & (1 << i) != 0 {
                    &all[i]
                } else {
                    &entities[i]
                };
                assert_eq!(&some[i], want, "{which:b}: {i}");
            }
        }
        assert_eq!(all[0].aliases, Vec::<String>::new());
        assert_eq!(all[3].aliases, ["Putin"]);
    }

    fn kept(name: &str, kind: Kind, aliases: &[&str]) -> Vec<String> {
        let mut e = [with(name, kind, aliases)];
        make_safe(&mut e);
        e[0].aliases.clone()
    }

    #[test]
    fn a_city_is_not_an_alias_of_its_zoo_nor_a_capital_of_its_country() {
        assert!(kept("Moscow Zoo", Kind::Institution, &["Moscow", "MOSCOW"]).is_empty());
        assert!(kept("Lviv Zoo", Kind::Institution, &["Lviv"]).is_empty());
        assert_eq!(
            kept(
                "North Korea",
                Kind::Country,
                &["Pyongyang", "DPRK", "Democratic People's Republic of Korea"]
            ),
            ["DPRK", "Democratic People's Republic of Korea"]
        );
        assert_eq!(
            kept(
                "Pyongyang Central Zoo",
                Kind::Institution,
                &["Pyongyang Zoo", "Pyongyang", "Central"]
            ),
            ["Pyongyang Zoo"]
        );
        assert!(
            kept(
                "Russian Ministry of Natural Resources and Environment",
                Kind::Institution,
                &["Natural Resources"]
            )
            .is_empty()
        );
    }

    #[test]
    fn descriptions_and_anaphors_are_not_aliases() {
        for d in [
            "the zoo",
            "Russian news agency",
            "Foreign ministry",
            "the agency",
        ] {
            assert!(kept("TASS", Kind::Institution, &[d]).is_empty(), "{d}");
        }
        assert!(kept("Vladimir Putin", Kind::Person, &["the president"]).is_empty());
        assert_eq!(
            kept(
                "Vladimir Putin",
                Kind::Person,
                &[
                    "Putin",
                    "President Putin",
                    "Russian President Vladimir Putin"
                ]
            ),
            [
                "Putin",
                "President Putin",
                "Russian President Vladimir Putin"
            ]
        );
        assert_eq!(
            kept("Kursk", Kind::Place, &["Kursk region"]),
            ["Kursk region"]
        );
    }

    #[test]
    fn common_noun_kinds_keep_their_forms_but_not_a_class_noun() {
        assert_eq!(
            kept("brown bear", Kind::Animal, &["brown bears", "bears"]),
            ["brown bears", "bears"]
        );
        assert!(kept("North Korean troops", Kind::Group, &["troops"]).is_empty());
        assert!(is_class_noun("the animals") && !is_class_noun("tiger"));
    }

    #[test]
    fn another_entitys_name_is_not_an_alias() {
        let mut es = [
            with("Kim Jong Un", Kind::Person, &["Kim", "Kim Yo Jong"]),
            with("Kim Yo Jong", Kind::Person, &["Kim"]),
        ];
        let refused = make_safe(&mut es);
        assert_eq!(es[0].aliases, ["Kim"]);
        assert_eq!(es[1].aliases, ["Kim"]);
        assert_eq!(refused, [(0, "Kim Yo Jong".to_string(), Refusal::Taken)]);
    }
}
