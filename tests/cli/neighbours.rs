//! `kg neighbours`.

use crate::harness::{fixture, kg, stdout};
use insta::assert_snapshot;

#[test]
fn moscow_zoo_what_it_sent_who_leads_it_and_its_partner() {
    let out = stdout(kg().args(["neighbours", "Moscow Zoo"]));
    assert!(out.contains("-[sent]->"), "{out}");
    assert!(out.contains("<-[leads]-"), "{out}");
    assert!(out.contains("Svetlana Akulova"), "{out}");
    assert!(out.contains("cooperates-with"), "{out}");
    assert!(out.contains("Pyongyang Central Zoo"), "{out}");
    assert_snapshot!("neighbours_moscow_zoo_text", out);
}

#[test]
fn neighbors_alias_and_json() {
    let out = stdout(kg().args(["neighbors", "Moscow Zoo", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["entity"]["name"], "Moscow Zoo");
    assert!(
        v["neighbours"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["depth"] == 1)
    );
    assert_snapshot!("neighbours_moscow_zoo_json", out);
}

#[test]
fn depth_direction_kind_relation() {
    let small = fixture("small.json");
    let run = |args: &[&str]| stdout(kg().arg("--graph").arg(&small).arg("neighbours").args(args));
    assert_eq!(
        run(&["Acme"]),
        "Acme Zoo (institution): 2 facts link 2 entities within 1 hop\n\n\
         -[sent]-> (1)\n  giant panda (animal)  count 2, 2024-05\n\n\
         <-[leads]- (1)\n  Ann Lee (person)\n"
    );
    let deep = run(&["Acme", "--depth", "2"]);
    assert!(
        deep.contains("2 hops\n<-[received]- (1)\n  Freedonia (country)  via giant panda\n"),
        "{deep}"
    );
    assert!(run(&["Acme", "--direction", "out"]).contains("1 fact links 1 entity"));
    assert!(run(&["Acme", "--depth", "3", "--kind", "person"]).contains("Ann Lee"));
    assert!(!run(&["Acme", "--relation", "sent"]).contains("Ann Lee"));
}

#[test]
fn depth_zero_finds_nothing() {
    kg().arg("--graph")
        .arg(fixture("small.json"))
        .args(["neighbours", "Acme", "--depth", "0"])
        .assert()
        .code(1)
        .stderr("kg: Acme Zoo has no neighbours with these options\n");
}

#[test]
fn a_huge_depth_is_the_whole_component() {
    let small = fixture("small.json");
    let max = usize::MAX.to_string();
    let out = stdout(
        kg().arg("--graph")
            .arg(&small)
            .args(["neighbours", "Acme", "--depth", &max]),
    );
    assert_eq!(
        out,
        format!(
            "Acme Zoo (institution): 3 facts link 3 entities within {max} hops\n\n\
             1 hop\n-[sent]-> (1)\n  giant panda (animal)  count 2, 2024-05\n\
             <-[leads]- (1)\n  Ann Lee (person)\n\n\
             2 hops\n<-[received]- (1)\n  Freedonia (country)  via giant panda\n"
        )
    );
    kg().arg("--graph")
        .arg(&small)
        .args(["neighbours", "Acme", "--depth", "18446744073709551616"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("kg: invalid value '18446744073709551616' for '--depth <N>': number too large to fit in target type\n\nFor more information, try '--help'.\n");
    kg().arg("--graph")
        .arg(&small)
        .args(["neighbours", "Acme", "--depth", "-1"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "kg: unexpected argument '-1' found\n",
        ));
}
