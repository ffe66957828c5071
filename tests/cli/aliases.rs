//! Safe aliases, generic bodies and class nouns in a knowledge base built from small
//! articles written here (several phrasings each), with the real `kg init` and `kg add`:
//! no alias names a city on its zoo, a capital on its country, or a description; a query
//! for a refused alias finds the real entity or says it is not there; two countries'
//! "Ministry of Foreign Affairs" stay two; a bare class noun never joins two articles.

use crate::harness::{kg, stdout};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Writes each (file name, body) as an article dated `date` into `dir`.
fn write(dir: &Path, articles: &[(&str, &str)]) {
    for (name, body) in articles {
        fs::write(
            dir.join(name),
            format!("source: kg test article\ndate: 2025-01-01\n\n{body}\n"),
        )
        .unwrap();
    }
}

/// A base in a new folder holding these articles (added in this order).
fn base(articles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), articles);
    kg().current_dir(dir.path())
        .args(["init", "-q"])
        .assert()
        .success();
    let mut add = kg();
    add.current_dir(dir.path())
        .args(["add", "-q", "--allow-empty"]);
    for (name, _) in articles {
        add.arg(name);
    }
    add.assert().success();
    dir
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&stdout(
        kg().current_dir(dir).args(args).args(["--format", "json"]),
    ))
    .unwrap()
}

fn aliases(dir: &Path, name: &str) -> Vec<String> {
    json(dir, &["show", name])["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect()
}

const ZOOS: [(&str, &str); 3] = [
    (
        "friendship.txt",
        "The Moscow Zoo sent two yaks to the Pyongyang Central Zoo. Now the friendship between the Moscow and Pyongyang Zoos has grown, Putin said.",
    ),
    (
        "tass.txt",
        "Russian news agency TASS reported that Vladimir Putin had sent two horses to Pyongyang. The agency said the horses arrived on Friday.",
    ),
    (
        "director.txt",
        "The Moscow Zoo sent two lions to the Pyongyang Central Zoo. Moscow Zoo director Svetlana Akulova said Moscow would send more.",
    ),
];

#[test]
fn a_city_a_capital_and_a_description_are_not_aliases() {
    let dir = base(&ZOOS);
    let d = dir.path();
    // The extractor gives the zoo "Moscow" ("the Moscow and Pyongyang Zoos"), North Korea
    // "Pyongyang" and TASS "Russian news agency": the base keeps none of them.
    assert_eq!(aliases(d, "Moscow Zoo"), Vec::<String>::new());
    assert_eq!(aliases(d, "North Korea"), Vec::<String>::new());
    assert_eq!(aliases(d, "TASS"), Vec::<String>::new());
    kg().current_dir(d)
        .args(["show", "Russian news agency"])
        .assert()
        .code(2)
        .stderr("kg: no entity named 'Russian news agency' (try 'kg entities' to list them)\n");
    // Nor does a query for the city find the zoo by a word of its name: kg says so.
    kg().current_dir(d)
        .args(["path", "Putin", "Moscow"])
        .assert()
        .code(2)
        .stderr("kg: no entity named 'Moscow'; did you mean 'Moscow Zoo'?\n");
    kg().current_dir(d)
        .args(["neighbours", "Pyongyang"])
        .assert()
        .code(2)
        .stderr("kg: no entity named 'Pyongyang'; did you mean 'Pyongyang Central Zoo'?\n");
    // The zoo's own names still find it.
    assert_eq!(json(d, &["show", "moscow zoo"])["id"], "moscow-zoo");
    assert_eq!(
        json(d, &["show", "pyongyang central"])["id"],
        "pyongyang-central-zoo"
    );
}

#[test]
fn a_query_for_the_city_finds_the_city_once_the_base_has_it() {
    let mut articles = ZOOS.to_vec();
    articles.push((
        "city.txt",
        "Vladimir Putin visited Moscow, the Russian capital, on Monday. The Moscow Zoo, located in Moscow, received two tigers from Putin.",
    ));
    let dir = base(&articles);
    let d = dir.path();
    let moscow = json(d, &["show", "Moscow"]);
    assert_eq!(
        (&moscow["id"], &moscow["kind"]),
        (&"moscow".into(), &"place".into())
    );
    assert_eq!(aliases(d, "Moscow Zoo"), Vec::<String>::new());
    kg().current_dir(d)
        .args(["path", "Moscow Zoo", "Moscow", "--no-evidence"])
        .assert()
        .success()
        .stdout("Moscow Zoo -[located-in]-> Moscow\n\n1. Moscow Zoo -[located-in]-> Moscow\n");
}

#[test]
fn kg_build_writes_safe_aliases_too() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, &ZOOS);
    kg().current_dir(d)
        .args(["build", "friendship.txt", "tass.txt", "-o", "g.json", "-q"])
        .assert()
        .success();
    let g: Value = serde_json::from_str(&fs::read_to_string(d.join("g.json")).unwrap()).unwrap();
    for e in g["entities"].as_array().unwrap() {
        let names: Vec<&str> = e["aliases"]
            .as_array()
            .map(|a| a.iter().map(|x| x.as_str().unwrap()).collect())
            .unwrap_or_default();
        for bad in ["Moscow", "Pyongyang", "Russian news agency"] {
            assert!(!names.contains(&bad), "{bad} on {}", e["name"]);
        }
    }
}

#[test]
fn two_countries_ministries_stay_two() {
    let dir = base(&[
        (
            "china.txt",
            "BEIJING, Feb 18 - China's Ministry of Foreign Affairs said on Tuesday that the patrol was a provocation. Foreign ministry spokesperson Mao Ning said Beijing had protested.",
        ),
        (
            "japan.txt",
            "TOKYO, Feb 20 - Japan's Ministry of Foreign Affairs summoned the Chinese ambassador on Thursday. Japanese Foreign Minister Takeshi Iwaya said Japan would defend its waters.",
        ),
        (
            "wang.txt",
            "Chinese Foreign Minister Wang Yi said on Friday that China wanted calm. The Chinese Ministry of Foreign Affairs said talks would go on.",
        ),
        (
            "bare.txt",
            "The Ministry of Foreign Affairs said on Monday that talks would go on.",
        ),
    ]);
    let d = dir.path();
    let ministries: Vec<String> = json(d, &["entities", "--kind", "institution"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ministries,
        [
            "Chinese Ministry of Foreign Affairs",
            "Japanese Ministry of Foreign Affairs",
            "Ministry of Foreign Affairs"
        ]
    );
    // The Chinese ministry of two articles is one; the bare name, which both countries'
    // ministries went by, stays apart (it could be either).
    let all = entity_sources(d);
    let by_name = |name: &str| all.iter().find(|(n, _)| n == name).unwrap().1.clone();
    assert_eq!(
        by_name("Chinese Ministry of Foreign Affairs"),
        BTreeSet::from(["china".to_string(), "wang".to_string()])
    );
    assert_eq!(
        by_name("Japanese Ministry of Foreign Affairs"),
        BTreeSet::from(["japan".to_string()])
    );
}

/// Each entity's name and the articles its facts come from, read from `kg.json`, in its
/// order.
fn entity_sources(dir: &Path) -> Vec<(String, BTreeSet<String>)> {
    let g: Value = serde_json::from_str(&fs::read_to_string(dir.join("kg.json")).unwrap()).unwrap();
    let mut by_id: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in g["facts"].as_array().unwrap() {
        let mut from: Vec<String> = vec![f["source"].as_str().unwrap().to_string()];
        if let Some(also) = f["also"].as_array() {
            from.extend(
                also.iter()
                    .map(|a| a["source"].as_str().unwrap().to_string()),
            );
        }
        for end in ["subject", "object"] {
            by_id
                .entry(f[end].as_str().unwrap().to_string())
                .or_default()
                .extend(from.iter().cloned());
        }
    }
    g["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let id = e["id"].as_str().unwrap();
            (
                e["name"].as_str().unwrap().to_string(),
                by_id.get(id).cloned().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_bare_class_noun_never_joins_two_articles() {
    let dir = base(&[
        (
            "kursk.txt",
            "Troops were deployed to the Kursk region on Tuesday. The troops fought Ukraine, the Russian Ministry of Defence said.",
        ),
        (
            "belgorod.txt",
            "Troops were deployed to the Belgorod region on Friday. The troops fought Ukraine, the Ukrainian General Staff said.",
        ),
        (
            "animals.txt",
            "Russia sent 70 animals to North Korea. The animals arrived at the Pyongyang Central Zoo on Friday.",
        ),
        (
            "gifts.txt",
            "Kim Jong Un sent gifts to Vladimir Putin. Putin said the gifts were generous.",
        ),
        (
            "weapons.txt",
            "The United States sent weapons to Ukraine. The weapons arrived in Kyiv on Monday, Ukrainian President Volodymyr Zelensky said.",
        ),
        (
            "more.txt",
            "Germany sent weapons and equipment to Ukraine. North Korean troops were deployed to Russia, and the troops fought Ukraine.",
        ),
    ]);
    let g: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("kg.json")).unwrap()).unwrap();
    let sources = entity_sources(dir.path());
    let mut class_nodes = 0;
    for (e, (_, from)) in g["entities"].as_array().unwrap().iter().zip(&sources) {
        let name = e["name"].as_str().unwrap().to_lowercase();
        let name = name.trim_start_matches("the ");
        let class = [
            "animal",
            "animals",
            "gift",
            "gifts",
            "weapon",
            "weapons",
            "troops",
            "equipment",
        ]
        .contains(&name);
        let n = from.len();
        if class {
            class_nodes += 1;
            assert!(n <= 1, "{name} joins {n} articles");
        }
        let aliases = e["aliases"].as_array().cloned().unwrap_or_default();
        assert!(
            !aliases.iter().any(|a| a == "troops"),
            "'troops' is an alias of {}",
            e["name"]
        );
    }
    assert_eq!(
        class_nodes, 2,
        "the extractor makes 'troops' in two articles"
    );
}

const PACTS: [(&str, &str); 2] = [
    (
        "turkey.txt",
        "Russia and Turkey signed an agreement on Monday.",
    ),
    ("peru.txt", "Chile and Peru signed an agreement on Friday."),
];

/// Two articles' pacts called only "an agreement" are two entities, in a knowledge base
/// and in a built graph alike: no path joins Russia to Chile through them, and a name
/// query lists both by id.
#[test]
fn two_articles_bare_agreements_stay_two() {
    let dir = base(&PACTS);
    let d = dir.path();
    kg().current_dir(d)
        .args(["build", "turkey.txt", "peru.txt", "-o", "built.json", "-q"])
        .assert()
        .success();
    for graph in ["kg.json", "built.json"] {
        kg().current_dir(d)
            .args(["-g", graph, "path", "Russia", "Chile"])
            .assert()
            .code(1)
            .stdout("")
            .stderr("kg: no path from Russia to Chile\n");
        kg().current_dir(d)
            .args(["-g", graph, "show", "agreement"])
            .assert()
            .code(2)
            .stderr(
                "kg: 'agreement' is ambiguous: it could be agreement (agreement, id agreement), \
                 agreement (agreement, id agreement-2) (give more of the name)\n",
            );
        let card = json(d, &["-g", graph, "show", "agreement-2"]);
        assert_eq!(card["name"], "agreement", "{graph}");
    }
}

/// `kg build` merges as `kg add` does: the same articles give the same entities.
#[test]
fn kg_build_and_kg_add_join_the_same_names() {
    let articles: Vec<(&str, &str)> = ZOOS.iter().chain(&PACTS).copied().collect();
    let dir = base(&articles);
    let d = dir.path();
    let names: Vec<&str> = articles.iter().map(|(n, _)| *n).collect();
    kg().current_dir(d)
        .args(["build", "-q", "-o", "built.json"])
        .args(&names)
        .assert()
        .success();
    let listing = |graph: &str| {
        stdout(
            kg().current_dir(d)
                .args(["-g", graph, "entities", "--format", "json"]),
        )
    };
    assert_eq!(listing("built.json"), listing("kg.json"));
}
