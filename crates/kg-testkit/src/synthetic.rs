//! Synthetic wire articles, for the add benchmarks (`examples/`), the knowledge-base tests
//! (`tests/kb.rs` here) and the crash and concurrency tests (`tests/cli/kb.rs`): article
//! `i` is a short text and its extraction, with names drawn from small lists so that
//! entities recur across articles under varied names ("Anna Petrova", "Petrova").

use kg::kb::Extraction;
use kg::kb::ingest::single_source;
use kg::model::{Entity, Fact, Kind, Relation, Source, content_hash};

/// Given and family names: the first of the scale generator's lists ([`crate::generate`]).
const FIRST: &[&str] = crate::generate::FIRST.split_at(13).0;
const LAST: &[&str] = crate::generate::LAST.split_at(11).0;
const COUNTRIES: [&str; 8] = [
    "Norway", "Chile", "Kenya", "Vietnam", "Portugal", "Canada", "Ghana", "Peru",
];
const CITIES: [&str; 9] = [
    "Oslo", "Lima", "Accra", "Hanoi", "Porto", "Quebec", "Nairobi", "Cusco", "Bergen",
];
const ANIMALS: [&str; 7] = [
    "red panda",
    "snow leopard",
    "zebra",
    "penguin",
    "camel",
    "otter",
    "ibis",
];

/// Article `i`: its text and its extraction (as the extractor would find it).
pub fn article(i: usize) -> (String, Extraction) {
    let person = format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / 3) % LAST.len()]);
    let surname = LAST[(i / 3) % LAST.len()];
    let country = COUNTRIES[i % COUNTRIES.len()];
    let partner = COUNTRIES[(i / 2 + 3) % COUNTRIES.len()];
    let city = CITIES[(i * 7) % CITIES.len()];
    let animal = ANIMALS[(i * 5) % ANIMALS.len()];
    let zoo = format!("{city} Zoo");
    let month = i % 12 + 1;
    let count = i % 5 + 2;
    let date = format!("2024-{month:02}-{:02}", i % 28 + 1);
    let sentences = [
        format!(
            "{country} leader {person} sent {count} {animal}s to the {zoo} in talks with {partner}."
        ),
        format!("The {zoo} received the {animal}s on arrival."),
        format!("{surname} leads {country}, officials said."),
        format!("{country} and {partner} cooperate on conservation."),
    ];
    let id = format!("synthetic-{i:05}");
    let mut text = format!("date: {date}\ntitle: Article {i}\n\n");
    let mut spans = Vec::new();
    for s in &sentences {
        spans.push([text.len(), text.len() + s.len()]);
        text.push_str(s);
        text.push_str("\n\n");
    }
    let ent = |name: &str, kind: Kind, aliases: &[String]| {
        let mut e = Entity::new(kg::model::slug(name), name, kind);
        e.aliases = aliases.to_vec();
        e
    };
    let mut entities = vec![
        ent(&person, Kind::Person, &[surname.to_string()]),
        ent(country, Kind::Country, &[]),
        ent(&zoo, Kind::Institution, &[]),
        ent(animal, Kind::Animal, &[format!("{animal}s")]),
    ];
    if partner != country {
        entities.push(ent(partner, Kind::Country, &[]));
    }
    let fact = |s: &str, r: Relation, o: &str, k: usize| {
        let mut f = Fact::new(kg::model::slug(s), r, kg::model::slug(o));
        f.evidence = Some(sentences[k].clone());
        f.span = Some(spans[k]);
        f.rule = Some("synthetic".into());
        f
    };
    let mut sent = fact(&person, Relation::Sent, animal, 0);
    sent.count = Some(count as u64);
    sent.date = Some(format!("2024-{month:02}"));
    let mut facts = vec![
        sent,
        fact(&zoo, Relation::Received, animal, 1),
        fact(&person, Relation::Leads, country, 2),
    ];
    if country != partner {
        facts.push(fact(country, Relation::CooperatesWith, partner, 3));
    }
    let mut source = Source::new(id);
    source.date = Some(date);
    source.title = Some(format!("Article {i}"));
    source.set_hash(&content_hash(text.as_bytes()));
    (text, single_source(source, entities, facts))
}

/// Article `i`'s extraction as a graph file (what `kg add` reads from a `.json` file).
pub fn article_json(i: usize) -> String {
    let (_, ex) = article(i);
    let file = kg::model::GraphFile {
        sources: vec![ex.source],
        entities: ex.entities,
        facts: ex.facts,
        ..kg::model::GraphFile::default()
    };
    serde_json::to_string_pretty(&file).expect("graph files serialize")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_valid_and_vary() {
        for i in 0..200 {
            let text = article_json(i);
            kg::store::from_json(&text).unwrap();
        }
        assert_ne!(article(0).1.entities[0].name, article(1).1.entities[0].name);
    }
}
