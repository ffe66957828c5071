//! Generic bodies and their qualifiers: "Ministry of Foreign Affairs" is a name many
//! countries' bodies go by, so a knowledge base never takes two of them for one.
//!
//! A name is *generic* when, past its function words, it is made only of institution
//! words ("ministry", "council", "bank") and words of [`GENERIC_WORDS`] ("foreign",
//! "affairs", "defence", "security"), with at least one of the latter: "Ministry of
//! Foreign Affairs", "Foreign Ministry", "Security Council", "Central Bank". Its
//! *qualifiers* are the countries its words name ("Chinese Ministry of Foreign Affairs",
//! "China's Ministry of Foreign Affairs": China).
//!
//! Before an article is merged, [`qualify`] names each of its generic institutions that
//! has no qualifier after the one country its `member-of` or `located-in` facts point to
//! ("Ministry of Foreign Affairs" member-of China becomes "Chinese Ministry of Foreign
//! Affairs", keeping the bare name as an alias); one with no such country, or with
//! several, keeps its name. The merge then never joins two institutions whose names have
//! qualifiers and no qualifier in common ([`different_bodies`]); a bare generic name joins
//! a qualified one only when exactly one entity of the base goes by it.

use super::Extraction;
use super::aliases::is_institution_word;
use crate::extract::lexicon::lexicons;
use crate::model::name::lexicon_key;
use crate::model::{Kind, Relation, slug};
use std::collections::{BTreeSet, HashMap};

/// Words that, beside institution words, make a name that many countries' bodies share.
pub const GENERIC_WORDS: [&str; 44] = [
    "foreign",
    "affairs",
    "defence",
    "defense",
    "interior",
    "justice",
    "finance",
    "health",
    "security",
    "national",
    "state",
    "central",
    "trade",
    "economy",
    "economic",
    "education",
    "culture",
    "agriculture",
    "emergency",
    "situations",
    "energy",
    "environment",
    "natural",
    "resources",
    "internal",
    "home",
    "public",
    "general",
    "supreme",
    "armed",
    "staff",
    "intelligence",
    "border",
    "customs",
    "information",
    "science",
    "transport",
    "labour",
    "labor",
    "social",
    "development",
    "industry",
    "tourism",
    "federal",
];

const FUNCTION_WORDS: [&str; 5] = ["the", "of", "and", "for", "on"];

fn words(name: &str) -> Vec<String> {
    lexicon_key(name)
        .split(' ')
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(w))
        .map(String::from)
        .collect()
}

/// True when the name, less its qualifiers, is one many countries' bodies go by.
pub fn is_generic(name: &str) -> bool {
    let ws = words(name);
    let lex = lexicons();
    let mut generic = false;
    let mut i = 0;
    while i < ws.len() {
        if let Some((n, _)) = lex.country_forms.longest(&ws[i..]) {
            i += n;
            continue;
        }
        let w = ws[i].as_str();
        if GENERIC_WORDS.contains(&w) {
            generic = true;
        } else if !(is_institution_word(w) || w == "'s") {
            return false;
        }
        i += 1;
    }
    generic
}

/// The countries a name's words name (by name, adjective or capital), as indexes of
/// kg's country lexicon.
pub fn qualifiers(name: &str) -> BTreeSet<usize> {
    let ws = words(name);
    let lex = lexicons();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < ws.len() {
        match lex.country_forms.longest(&ws[i..]) {
            Some((n, &(c, _))) => {
                out.insert(c);
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// True when two institutions with these names are different bodies: both generic, both
/// qualified, with no country in common ("Chinese" and "Japanese Ministry of Foreign
/// Affairs").
pub fn different_bodies(kind: Kind, a: &str, b: &str) -> bool {
    if kind != Kind::Institution || !is_generic(a) || !is_generic(b) {
        return false;
    }
    let (qa, qb) = (qualifiers(a), qualifiers(b));
    !qa.is_empty() && !qb.is_empty() && qa.is_disjoint(&qb)
}

/// Names each generic, unqualified institution of the article after the one country its
/// `member-of` or `located-in` facts point to (see the module doc); its id follows.
pub fn qualify(ex: &mut Extraction) {
    let lex = lexicons();
    let country_of: HashMap<&str, usize> = ex
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Country)
        .filter_map(|e| {
            let (c, _) = lex.country_forms.get(&lexicon_key(&e.name))?;
            Some((e.id.as_str(), *c))
        })
        .collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut ids: BTreeSet<String> = ex.entities.iter().map(|e| e.id.clone()).collect();
    for e in &ex.entities {
        if e.kind != Kind::Institution || !is_generic(&e.name) || !qualifiers(&e.name).is_empty() {
            continue;
        }
        let countries: BTreeSet<usize> = ex
            .facts
            .iter()
            .filter(|f| {
                f.subject == e.id && matches!(f.relation, Relation::MemberOf | Relation::LocatedIn)
            })
            .filter_map(|f| country_of.get(f.object.as_str()).copied())
            .collect();
        let [c] = countries.into_iter().collect::<Vec<_>>()[..] else {
            continue;
        };
        let country = &lex.countries[c];
        let name = match country.demonyms.first() {
            Some(d) => format!("{d} {}", e.name),
            None => format!("{} of {}", e.name, country.name),
        };
        let mut id = slug(&name);
        let mut k = 2;
        while ids.contains(&id) {
            id = format!("{}-{k}", slug(&name));
            k += 1;
        }
        ids.insert(id.clone());
        renamed.insert(e.id.clone(), id.clone());
        renamed.insert(format!("name:{}", e.id), name);
    }
    if renamed.is_empty() {
        return;
    }
    for e in &mut ex.entities {
        if let Some(id) = renamed.get(&e.id).cloned() {
            let name = renamed[&format!("name:{}", e.id)].clone();
            let old = std::mem::replace(&mut e.name, name);
            e.aliases.insert(0, old);
            e.id = id;
        }
    }
    for f in &mut ex.facts {
        if let Some(id) = renamed.get(&f.subject) {
            f.subject = id.clone();
        }
        if let Some(id) = renamed.get(&f.object) {
            f.object = id.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Fact, Source};

    #[test]
    fn generic_names_and_their_qualifiers() {
        for g in [
            "Ministry of Foreign Affairs",
            "Foreign Ministry",
            "Security Council",
            "Chinese Ministry of Foreign Affairs",
            "China's Ministry of Foreign Affairs",
            "Ministry of Defence",
        ] {
            assert!(is_generic(g), "{g}");
        }
        for p in [
            "Moscow Zoo",
            "Kremlin",
            "TASS",
            "Berlin Zoo",
            "Korean Central News Agency",
        ] {
            assert!(!is_generic(p), "{p}");
        }
        // A capital qualifies a generic name as a country does: two cities' central zoos
        // are two bodies.
        assert!(different_bodies(
            Kind::Institution,
            "Pyongyang Central Zoo",
            "Moscow Central Zoo"
        ));
        assert_eq!(
            qualifiers("China's Ministry of Foreign Affairs"),
            qualifiers("Chinese Ministry of Foreign Affairs")
        );
        assert!(different_bodies(
            Kind::Institution,
            "Chinese Ministry of Foreign Affairs",
            "Japanese Ministry of Foreign Affairs"
        ));
        assert!(!different_bodies(
            Kind::Institution,
            "Chinese Ministry of Foreign Affairs",
            "Ministry of Foreign Affairs"
        ));
    }

    #[test]
    fn a_bare_generic_body_takes_the_name_of_its_one_country() {
        let mut ex = Extraction {
            source: Source::new("a"),
            entities: vec![
                Entity::new("mfa", "Ministry of Foreign Affairs", Kind::Institution),
                Entity::new("china", "China", Kind::Country),
                Entity::new("mao", "Mao Ning", Kind::Person),
            ],
            facts: vec![
                Fact::new("mfa", Relation::MemberOf, "china"),
                Fact::new("mao", Relation::MemberOf, "mfa"),
            ],
            changes_entities: None,
        };
        qualify(&mut ex);
        assert_eq!(ex.entities[0].name, "Chinese Ministry of Foreign Affairs");
        assert_eq!(ex.entities[0].aliases, ["Ministry of Foreign Affairs"]);
        assert_eq!(ex.facts[1].object, "chinese-ministry-of-foreign-affairs");
    }
}
