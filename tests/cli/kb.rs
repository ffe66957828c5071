//! The knowledge base: init, add, sources, remove, merge, split, rebuild, time windows,
//! and what must never be lost (atomic writes, the writers' lock, versions, corrupt files).

use crate::harness::{fixture, kg, stdout};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const A: &str = "2024-03-04-putin-tigers";
const B: &str = "2024-05-10-troops-kursk";
const C: &str = "2024-07-20-kim-yo-jong";

/// A folder with `articles/` holding the three test articles' extractions, and an empty
/// `kg.json`.
fn base() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("articles")).unwrap();
    for id in [A, B, C] {
        let name = format!("{id}.json");
        fs::copy(
            fixture(&format!("articles/{name}")),
            dir.path().join("articles").join(&name),
        )
        .unwrap();
    }
    kg().current_dir(dir.path()).arg("init").assert().success();
    dir
}

fn article(id: &str) -> String {
    format!("articles/{id}.json")
}

/// `kg add` of these articles: what it printed on stdout, then its notes on stderr.
fn add(dir: &Path, ids: &[&str]) -> String {
    let mut cmd = kg();
    cmd.current_dir(dir).arg("add");
    for id in ids {
        cmd.arg(article(id));
    }
    let out = cmd.assert().success().get_output().clone();
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = stdout(kg().current_dir(dir).args(args).args(["--format", "json"]));
    serde_json::from_str(&out).unwrap()
}

fn read(dir: &Path) -> String {
    fs::read_to_string(dir.join("kg.json")).unwrap()
}

/// The entity card of `name`, as JSON.
fn card(dir: &Path, name: &str) -> Value {
    json(dir, &["show", name])
}

fn aliases(card: &Value) -> Vec<String> {
    card["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn init_says_what_it_wrote_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    kg().current_dir(dir.path())
        .arg("init")
        .assert()
        .success()
        .stdout("")
        .stderr(
            "kg: wrote kg.json: an empty knowledge base (add articles with: kg add ARTICLE...)\n",
        );
    kg().current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr("kg: 'kg.json' already exists: kg init never overwrites a file\n");
    // A missing folder is created; a PATH ending in .json is the file itself.
    kg().current_dir(dir.path())
        .args(["init", "sub"])
        .assert()
        .success()
        .stderr(
            "kg: wrote sub/kg.json: an empty knowledge base (add articles with: kg add ARTICLE...)\n",
        );
    kg().current_dir(dir.path())
        .args(["init", "newdir/kg.json"])
        .assert()
        .success()
        .stderr(
            "kg: wrote newdir/kg.json: an empty knowledge base (add articles with: kg add ARTICLE...)\n",
        );
    kg().current_dir(dir.path())
        .args(["init", "news/wire.json"])
        .assert()
        .success();
    assert!(dir.path().join("news/wire.json").is_file());
    fs::write(dir.path().join("plain"), "").unwrap();
    kg().current_dir(dir.path())
        .args(["init", "plain/kg.json"])
        .assert()
        .code(2)
        .stderr("kg: cannot write 'plain': a file stands where a folder should be\n");
}

#[test]
fn write_commands_need_a_base() {
    let dir = tempfile::tempdir().unwrap();
    kg().current_dir(dir.path())
        .args(["add", "x.txt"])
        .assert()
        .code(2)
        .stderr("kg: no knowledge base to write to (no kg.json here or above, no --graph, no KG_GRAPH): create one with 'kg init'\n");
    kg().current_dir(dir.path())
        .args(["--graph", "wire.json", "remove", "x"])
        .assert()
        .code(2)
        .stderr("kg: knowledge base 'wire.json' does not exist: create it with 'kg --graph wire.json init'\n");
    kg().current_dir(dir.path())
        .args(["--graph", "wire.json", "init"])
        .assert()
        .success()
        .stderr(
            "kg: wrote wire.json: an empty knowledge base (add articles with: kg add ARTICLE...)\n",
        );
}

#[test]
fn discovery_order_flag_then_env_then_walk_up_then_embedded() {
    let dir = base();
    add(dir.path(), &[A]);
    let sub = dir.path().join("deep/er");
    fs::create_dir_all(&sub).unwrap();
    // Walking up finds ../../kg.json.
    let found = stdout(kg().current_dir(&sub).args(["sources", "--format", "json"]));
    assert!(found.contains(A));
    // KG_GRAPH wins over the walk; --graph wins over KG_GRAPH.
    let small = fixture("small.json");
    let by_env = stdout(
        kg().current_dir(&sub)
            .env("KG_GRAPH", &small)
            .arg("entities"),
    );
    assert!(!by_env.contains("Vladimir Putin"), "{by_env}");
    let by_flag = stdout(kg().current_dir(&sub).env("KG_GRAPH", &small).args([
        "--graph",
        "../../kg.json",
        "entities",
    ]));
    assert!(by_flag.contains("Siberian tiger"), "{by_flag}");
    // Nothing found: the embedded graph.
    let elsewhere = tempfile::tempdir().unwrap();
    let embedded = stdout(kg().current_dir(elsewhere.path()).arg("entities"));
    assert!(embedded.contains("Moscow Zoo"));
}

#[test]
fn three_articles_share_entities_and_facts_carry_every_source() {
    let dir = base();
    let d = dir.path();
    assert_eq!(
        add(d, &[A, B, C]),
        format!(
            "added articles/{A}.json as {A} (6 facts)\nadded articles/{B}.json as {B} (4 facts)\nadded articles/{C}.json as {C} (3 facts)\nkg: wrote kg.json (3 articles, 13 entities, 12 facts)\n"
        )
    );
    // "Putin" (B) is Vladimir Putin (A): one node, all aliases.
    let putin = card(d, "Putin");
    assert_eq!(putin["id"], "vladimir-putin");
    assert_eq!(
        aliases(&putin),
        ["Putin", "Russian President Vladimir Putin"]
    );
    assert_eq!(putin["out"].as_array().unwrap().len(), 3);
    // "DPRK" / "Democratic People's Republic of Korea" (B) is North Korea (A).
    let nk = card(d, "DPRK");
    assert_eq!(nk["name"], "North Korea");
    assert_eq!(
        aliases(&nk),
        ["DPRK", "Democratic People's Republic of Korea"]
    );
    // Two people called Kim stay apart.
    assert_eq!(card(d, "Kim Jong Un")["id"], "kim-jong-un");
    assert_eq!(card(d, "Kim Yo Jong")["id"], "kim-yo-jong");
    kg().current_dir(d)
        .args(["show", "Kim"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("'Kim' is ambiguous"));
    // The fact both A and B state is one edge with both sources.
    let facts = json(
        d,
        &["facts", "--entity", "Kim Jong Un", "--relation", "leads"],
    );
    let leads_nk = facts
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["object"]["id"] == "north-korea")
        .unwrap();
    assert_eq!(leads_nk["source"], A);
    assert_eq!(leads_nk["also"][0]["source"], B);
    assert_eq!(leads_nk["also"][0]["date"], "2024-05-10");
    insta::assert_snapshot!(
        "kb_show_kim_jong_un",
        stdout(kg().current_dir(d).args(["show", "Kim Jong Un"]))
    );
    insta::assert_snapshot!("kb_sources", stdout(kg().current_dir(d).arg("sources")));
}

#[test]
fn adding_the_same_article_again_changes_nothing() {
    let dir = base();
    let d = dir.path();
    add(d, &[A, B]);
    let before = read(d);
    kg().current_dir(d)
        .args(["--quiet", "add", &article(A)])
        .assert()
        .success()
        .stderr("");
    assert_eq!(
        add(d, &[A]),
        format!(
            "unchanged articles/{A}.json: already in the base as {A}\nkg: kg.json unchanged: nothing new to add (2 articles, 10 entities, 9 facts)\n"
        )
    );
    assert_eq!(read(d), before);
}

#[test]
fn a_changed_article_replaces_its_facts() {
    let dir = base();
    let d = dir.path();
    add(d, &[A, B]);
    let path = d.join(article(B));
    let mut file: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    file["facts"].as_array_mut().unwrap().pop();
    fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    assert_eq!(
        add(d, &[B]),
        format!(
            "replaced {B} with articles/{B}.json (3 facts)\nkg: wrote kg.json (2 articles, 10 entities, 8 facts)\n"
        )
    );
    kg().current_dir(d)
        .args(["facts", "--relation", "stated"])
        .assert()
        .code(1)
        .stderr("kg: no facts match\n");
}

#[test]
fn remove_takes_out_one_article_and_leaves_the_others_as_if_never_added() {
    let dir = base();
    let d = dir.path();
    add(d, &[A, B, C]);
    kg().current_dir(d)
        .args(["remove", B])
        .assert()
        .success()
        .stdout(format!("removed {B}: 3 facts and 3 entities gone\n"))
        .stderr("kg: wrote kg.json (2 articles, 10 entities, 9 facts)\n");
    let other = base();
    add(other.path(), &[A, C]);
    assert_eq!(read(d), read(other.path()));
    kg().current_dir(d)
        .args(["remove", B])
        .assert()
        .code(2)
        .stderr(format!(
            "kg: no article '{B}' in 'kg.json' (try 'kg sources')\n"
        ));
    // By file name too.
    kg().current_dir(d)
        .args(["remove", &article(C)])
        .assert()
        .success();
}

#[test]
fn merge_and_split_decisions_survive_rebuilds() {
    let dir = base();
    let d = dir.path();
    add(d, &[A, B, C]);
    kg().current_dir(d)
        .args(["merge", "Workers' Party of Korea", "Korean Workers' Party"])
        .assert()
        .success()
        .stdout("merged Korean Workers' Party (korean-workers-party) into Workers' Party of Korea (workers-party-of-korea); the decision is in kg.aliases\n")
        .stderr("kg: wrote kg.aliases and kg.json (3 articles, 12 entities, 11 facts)\n");
    kg().current_dir(d)
        .args(["split", "Vladimir Putin", "putin"])
        .assert()
        .success()
        .stdout("split 'Putin' from Vladimir Putin (vladimir-putin); the decision is in kg.aliases\n'Putin' is now Putin (putin, 1 fact)\n")
        .stderr("kg: wrote kg.aliases and kg.json (3 articles, 13 entities, 11 facts)\n");
    assert_eq!(
        fs::read_to_string(d.join("kg.aliases")).unwrap(),
        "# kg decisions, one a line: merge \"A\" \"B\" (one entity), split \"A\" \"B\" (B is not a name of A) or separate \"A\" \"ARTICLE\" \"NEW\" (A in ARTICLE is another body, NEW).\n# Written by kg merge and kg split; every rebuild of the knowledge base honours them.\nmerge \"Workers' Party of Korea\" \"Korean Workers' Party\"\nsplit \"Vladimir Putin\" \"Putin\"\n"
    );
    let decided = read(d);
    // Rebuilding, or taking articles out and adding them again, keeps both decisions.
    kg().current_dir(d)
        .arg("rebuild")
        .assert()
        .success()
        .stdout("")
        .stderr("kg: kg.json unchanged: it was up to date (3 articles, 13 entities, 11 facts)\n");
    kg().current_dir(d).args(["remove", A]).assert().success();
    kg().current_dir(d).args(["remove", C]).assert().success();
    add(d, &[A, C]);
    let wpk = card(d, "Korean Workers' Party");
    assert_eq!(wpk["id"], "workers-party-of-korea");
    assert_eq!(
        aliases(&card(d, "Vladimir Putin")),
        ["Russian President Vladimir Putin"]
    );
    assert_eq!(card(d, "Putin")["id"], "putin");
    // The same decisions from the same articles: the same graph, whatever the order.
    let again = base();
    fs::copy(d.join("kg.aliases"), again.path().join("kg.aliases")).unwrap();
    add(again.path(), &[A, B, C]);
    let graph = |t: &str| {
        let mut v: Value = serde_json::from_str(t).unwrap();
        v.as_object_mut().unwrap().remove("kb");
        v
    };
    assert_eq!(graph(&read(again.path())), graph(&decided));
    // A hand-edited decisions file is honoured by the next write.
    fs::write(d.join("kg.aliases"), "").unwrap();
    stdout(kg().current_dir(d).arg("rebuild"));
    let putin = card(d, "Putin");
    assert_eq!(putin["name"], "Vladimir Putin");
    assert_eq!(putin["out"].as_array().unwrap().len(), 3);
}

#[test]
fn merge_and_split_errors() {
    let dir = base();
    let d = dir.path();
    add(d, &[A, B]);
    kg().current_dir(d)
        .args(["merge", "Putin", "Vladimir Putin"])
        .assert()
        .code(2)
        .stderr("kg: 'Putin' and 'Vladimir Putin' are already one entity: Vladimir Putin\n");
    kg().current_dir(d)
        .args(["split", "Russia", "Rossiya"])
        .assert()
        .code(2)
        .stderr("kg: 'Rossiya' is not an alias of Russia (it has none; to give what some articles say of it to another entity: kg split 'Russia' --source ARTICLE)\n");
    kg().current_dir(d)
        .args(["split", "Putin", "Vova"])
        .assert()
        .code(2)
        .stderr("kg: 'Vova' is not an alias of Vladimir Putin (its aliases: Putin, Russian President Vladimir Putin; to give what some articles say of it to another entity: kg split 'Vladimir Putin' --source ARTICLE)\n");
    assert!(!d.join("kg.aliases").exists());
}

#[test]
fn duplicates_are_proposed_for_review() {
    let dir = base();
    let d = dir.path();
    add(d, &[A, B, C]);
    kg().current_dir(d)
        .arg("duplicates")
        .assert()
        .code(1)
        .stderr("kg: no likely duplicates\n");
    let zoo = r#"{"version": 1, "sources": [{"id": "zoo-note", "date": "2024-04-01"}],
      "entities": [{"id": "pyongyang-zoo", "name": "Pyongyang Zoo", "kind": "institution"},
                   {"id": "tiger", "name": "Siberian tigers", "kind": "animal"}],
      "facts": [{"subject": "pyongyang-zoo", "relation": "received", "object": "tiger"}]}"#;
    fs::write(d.join("articles/zoo-note.json"), zoo).unwrap();
    add(d, &["zoo-note"]);
    let listed = stdout(kg().current_dir(d).arg("duplicates"));
    assert_eq!(
        listed,
        "Pyongyang Central Zoo (pyongyang-central-zoo)  ~  Pyongyang Zoo (pyongyang-zoo)\n  'Pyongyang Zoo' is part of 'Pyongyang Central Zoo'\n  kg merge pyongyang-central-zoo pyongyang-zoo\n"
    );
    // "Siberian tigers" joined "Siberian tiger" by its alias: not a duplicate left over.
    assert_eq!(card(d, "Siberian tigers")["id"], "siberian-tiger");
    kg().current_dir(d)
        .args(["merge", "pyongyang-central-zoo", "pyongyang-zoo"])
        .assert()
        .success();
    kg().current_dir(d).arg("duplicates").assert().code(1);
    assert_eq!(aliases(&card(d, "Pyongyang Zoo")), ["Pyongyang Zoo"]);
}

#[test]
fn path_through_two_articles_prints_both_sources() {
    let dir = base();
    let d = dir.path();
    add(d, &[A, B]);
    let out = stdout(
        kg().current_dir(d)
            .args(["path", "Siberian tiger", "Kursk region"]),
    );
    assert!(out.contains(&format!("source: {A} (2024-03-04)")), "{out}");
    assert!(out.contains(&format!("source: {B} (2024-05-10)")), "{out}");
    insta::assert_snapshot!("kb_path_tiger_kursk", out);
    // kg explain cites every article that states a step.
    let told = stdout(
        kg().current_dir(d)
            .args(["explain", "Kim Jong Un", "Russia"]),
    );
    assert!(
        told.starts_with("On 4 March 2024 (news reports 1 and 2), Kim Jong Un leads North Korea; Russia cooperates with it.\n"),
        "{told}"
    );
}

#[test]
fn since_and_until_filter_by_fact_or_article_date() {
    let dir = base();
    let d = dir.path();
    add(d, &[A, B, C]);
    let facts = |args: &[&str]| {
        let v = json(d, &[&["facts"], args].concat());
        v.as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {} {}",
                    f["subject"]["id"].as_str().unwrap(),
                    f["relation"].as_str().unwrap(),
                    f["object"]["id"].as_str().unwrap()
                )
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    };
    // Dated facts by their date; undated ones by their articles' dates.
    assert_eq!(
        facts(&["--since", "2024-07"]),
        [
            "kim-jong-un leads workers-party-of-korea",
            "kim-yo-jong member-of workers-party-of-korea",
            "kim-yo-jong stated drills-provocation"
        ]
    );
    assert_eq!(
        facts(&["--until", "2024-03"]),
        [
            "kim-jong-un leads korean-workers-party",
            "kim-jong-un leads north-korea",
            "pyongyang-central-zoo received siberian-tiger",
            "russia cooperates-with north-korea",
            "vladimir-putin leads russia",
            "vladimir-putin sent siberian-tiger"
        ]
    );
    assert_eq!(
        facts(&["--since", "2024-05-01", "--until", "2024-05-31"]).len(),
        4
    );
    kg().current_dir(d)
        .args([
            "path",
            "Siberian tiger",
            "Kursk region",
            "--until",
            "2024-04",
        ])
        .assert()
        .code(1)
        .stderr("kg: no path from Siberian tiger to Kursk region\n");
    kg().current_dir(d)
        .args(["facts", "--since", "May"])
        .assert()
        .code(2)
        .stderr("kg: invalid value 'May' for '--since <DATE>': 'May' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)\n\nFor more information, try '--help'.\n");
    kg().current_dir(d)
        .args(["rebuild", "--since", "2024"])
        .assert()
        .code(2)
        .stderr("kg: --since and --until filter query commands; write commands do not take them\n");
}

#[test]
fn a_newer_base_is_refused_and_left_alone() {
    let dir = base();
    let d = dir.path();
    let newer = read(d).replace(
        "\"kb\": {\n    \"version\": 1",
        "\"kb\": {\n    \"version\": 2",
    );
    assert_ne!(newer, read(d));
    fs::write(d.join("kg.json"), &newer).unwrap();
    kg().current_dir(d)
        .args(["add", &article(A)])
        .assert()
        .code(2)
        .stderr("kg: 'kg.json' was written by a newer kg (knowledge-base format 2; this kg reads up to 1): upgrade kg; it was left unchanged\n");
    assert_eq!(read(d), newer);
}

#[test]
fn a_plain_graph_file_is_migrated_with_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plain = fs::read_to_string(fixture("small.json")).unwrap();
    fs::write(d.join("kg.json"), &plain).unwrap();
    let before = json(d, &["facts"]);
    fs::create_dir(d.join("articles")).unwrap();
    fs::copy(fixture(&format!("articles/{A}.json")), d.join(article(A))).unwrap();
    let mut cmd = kg();
    cmd.current_dir(d).args(["add", &article(A)]);
    let out = cmd.assert().success().get_output().clone();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "kg: migrated 'kg.json' from knowledge-base format 0 to 1; the old file is kept as 'kg.json.kb0.bak'\nkg: wrote kg.json (2 articles, 12 entities, 9 facts)\n"
    );
    assert_eq!(
        fs::read_to_string(d.join("kg.json.kb0.bak")).unwrap(),
        plain
    );
    // The old facts are all still there, beside the new article's.
    let after = json(d, &["facts"]);
    for f in before.as_array().unwrap() {
        assert!(after.as_array().unwrap().contains(f), "lost {f}");
    }
}

/// `kg compact` of a plain graph file migrates it streaming (`src/kb/migrate.rs`): the
/// notes, the backup and the base of the whole-base path (which `kg rebuild` takes on
/// the same file), and the snapshot a query builds from that base.
#[test]
fn compact_migrates_a_plain_graph_file_as_the_whole_base_path_does() {
    use crate::harness::run_policy;
    let dir = tempfile::tempdir().unwrap();
    let (fast, slow) = (dir.path().join("fast.json"), dir.path().join("slow.json"));
    let plain = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("graph/graph.json")).unwrap();
    fs::write(&fast, &plain).unwrap();
    fs::write(&slow, &plain).unwrap();
    let (code, _, err) = run_policy("always", &fast, &["compact"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, rebuilt) = run_policy("always", &slow, &["rebuild"]);
    assert_eq!(code, 0, "{rebuilt}");
    let fast_path = fast.display().to_string();
    assert!(
        err.starts_with(&format!(
            "kg: migrated '{fast_path}' from knowledge-base format 0 to 1; the old file is kept as '{fast_path}.kb0.bak'\nkg: wrote {fast_path} and {fast_path}.snap ("
        )),
        "{err}"
    );
    assert_eq!(
        err.replace("fast.json", "slow.json"),
        rebuilt,
        "the same notes"
    );
    assert_eq!(fs::read(&fast).unwrap(), fs::read(&slow).unwrap());
    assert_eq!(
        fs::read(dir.path().join("fast.json.kb0.bak")).unwrap(),
        plain
    );
    let snap = dir.path().join("fast.json.snap");
    let written = fs::read(&snap).unwrap();
    fs::remove_file(&snap).unwrap();
    let (code, _, err) = run_policy("always", &fast, &["stats"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::read(&snap).unwrap(),
        written,
        "the snapshot a query builds"
    );
}

/// Killed at any point, the streaming migration leaves the plain file or the migrated
/// base, never anything between.
#[test]
fn kill_9_mid_migration_leaves_the_plain_file_or_the_base() {
    use crate::harness::{kill_9_after, run_policy};
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("kg.json");
    let plain = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("graph/graph.json")).unwrap();
    fs::write(&base, &plain).unwrap();
    let (code, _, err) = run_policy("always", &base, &["compact"]);
    assert_eq!(code, 0, "{err}");
    let migrated = fs::read(&base).unwrap();
    assert_ne!(migrated, plain);
    for delay_us in [0, 300, 1_000, 2_000, 4_000, 8_000, 50_000] {
        fs::write(&base, &plain).unwrap();
        kill_9_after(&base, &["compact"], delay_us);
        let now = fs::read(&base).unwrap();
        assert!(
            now == plain || now == migrated,
            "a partial base after {delay_us} µs"
        );
        let from_json = run_policy("never", &base, &["stats"]);
        assert_eq!(run_policy("always", &base, &["stats"]), from_json);
    }
}

#[test]
fn corrupt_bases_are_reported_with_their_line_and_never_overwritten() {
    let dir = base();
    let d = dir.path();
    add(d, &[A]);
    let good = read(d);
    let truncated = &good[..good.len() / 2];
    fs::write(d.join("kg.json"), truncated).unwrap();
    let lines = truncated.lines().count();
    kg().current_dir(d)
        .args(["add", &article(B)])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(format!(
            "kg: graph file 'kg.json' is not valid: line {lines}, column"
        )));
    assert_eq!(read(d), truncated);
    let dangling = good.replacen("\"object\": \"russia\"", "\"object\": \"rossiya\"", 1);
    fs::write(d.join("kg.json"), &dangling).unwrap();
    kg().current_dir(d)
        .args(["add", &article(B)])
        .assert()
        .code(2)
        .stderr(predicates::str::is_match(r"^kg: graph file 'kg.json' is not valid: line \d+: fact object 'rossiya' names no entity\n$").unwrap());
    assert_eq!(read(d), dangling);
    let twice = good.replacen("\"id\": \"russia\"", "\"id\": \"siberian-tiger\"", 1);
    fs::write(d.join("kg.json"), &twice).unwrap();
    kg().current_dir(d)
        .args(["remove", A])
        .assert()
        .code(2)
        .stderr(predicates::str::is_match(r"^kg: graph file 'kg.json' is not valid: line \d+: entity id 'siberian-tiger' is used twice\n$").unwrap());
    assert_eq!(read(d), twice);
}

/// Writes synthetic article extractions `range` into `dir/gen/`; returns their paths
/// (names recur across them: article `i + 429` names what articles up to `i + 8` named,
/// so it changes no entity).
pub(crate) fn synthetic(dir: &Path, range: std::ops::Range<usize>) -> Vec<PathBuf> {
    let gen_dir = dir.join("gen");
    fs::create_dir_all(&gen_dir).unwrap();
    range
        .map(|i| {
            let p = gen_dir.join(format!("synthetic-{i:05}.json"));
            fs::write(&p, kg_testkit::synthetic::article_json(i)).unwrap();
            p
        })
        .collect()
}

fn kg_std(dir: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kg"));
    c.current_dir(dir)
        .env_remove("KG_GRAPH")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    c
}

#[test]
fn kill_9_mid_add_leaves_the_old_base_or_the_new_one() {
    let dir = base();
    let d = dir.path();
    let first = synthetic(d, 0..300);
    let status = kg_std(d).arg("add").args(&first).status().unwrap();
    assert!(status.success());
    let old = read(d);
    let batch = synthetic(d, 300..900);
    let mut killed_mid_way = 0;
    for delay_ms in [5, 30, 60, 100, 150, 250] {
        fs::write(d.join("kg.json"), &old).unwrap();
        let mut child = kg_std(d).arg("add").args(&batch).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_way += 1;
        }
        let now = read(d);
        if now != old {
            // The new base, whole: it loads and holds every article.
            let v: Value = serde_json::from_str(&now).expect("never a partial file");
            assert_eq!(v["sources"].as_array().unwrap().len(), 900);
        }
        kg().current_dir(d).arg("stats").assert().success();
    }
    assert!(killed_mid_way > 0, "no run was killed before it finished");
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = base();
    let d = dir.path();
    let one = synthetic(d, 0..150);
    let two = synthetic(d, 150..300);
    let first = kg_std(d).arg("add").args(&one).spawn().unwrap();
    let second = kg_std(d).arg("add").args(&two).spawn().unwrap();
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v: Value = serde_json::from_str(&read(d)).unwrap();
    assert_eq!(v["sources"].as_array().unwrap().len(), 300);
}

#[test]
fn a_writer_that_cannot_get_the_lock_says_so() {
    let dir = base();
    let d = dir.path();
    let lock = fs::File::create(d.join("kg.json.lock")).unwrap();
    lock.lock().unwrap();
    kg().current_dir(d)
        .env("KG_LOCK_TIMEOUT", "0.2")
        .args(["add", &article(A)])
        .assert()
        .code(2)
        .stderr("kg: waiting for another kg to finish writing 'kg.json' (lock 'kg.json.lock')\nkg: another kg is still writing 'kg.json' after 0s (lock 'kg.json.lock'): try again when it is done, or raise KG_LOCK_TIMEOUT\n");
    drop(lock);
    add(d, &[A]);
}

#[test]
fn article_text_goes_through_the_extractor() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    kg().current_dir(d).arg("init").assert().success();
    let mut cmd = kg();
    cmd.current_dir(d).arg("add");
    for id in [A, B, C] {
        cmd.arg(fixture(&format!("articles/{id}.txt")));
    }
    let out = cmd.assert().success().get_output().stderr.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("kg: wrote kg.json (3 articles, "), "{out}");
    // "DPRK" and "Democratic People's Republic of Korea" (B) are North Korea (A).
    let nk = card(d, "DPRK");
    assert_eq!(nk["name"], "North Korea");
    // A path from an entity only A names to one only B names, through facts of both.
    let path = stdout(
        kg().current_dir(d)
            .args(["path", "Siberian tiger", "Kursk region"]),
    );
    assert!(
        path.contains(&format!("source: {A} (2024-03-04)")),
        "{path}"
    );
    assert!(
        path.contains(&format!("source: {B} (2024-05-10)")),
        "{path}"
    );
    let sources = json(d, &["sources"]);
    assert_eq!(sources[0]["title"], "Putin sends two tigers to Pyongyang");
    assert!(sources[0]["hash"].as_str().unwrap().starts_with("fnv1a64:"));
}

#[test]
fn a_bad_decisions_file_is_reported_and_nothing_written() {
    let dir = base();
    let d = dir.path();
    add(d, &[A]);
    let before = read(d);
    fs::write(d.join("kg.aliases"), "merge \"Putin\"\n").unwrap();
    kg().current_dir(d).arg("rebuild").assert().code(2).stderr(
        "kg: decisions file 'kg.aliases' is not valid: line 1: expected merge \"A\" \"B\"\n",
    );
    assert_eq!(read(d), before);
}

/// Sets the Unix permission bits of `path`.
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// The uid an unprivileged run uses when the tests run as root (`nobody`).
const NOBODY: u32 = 65534;

/// `kg` in `dir`, run by a user whom file permissions bind. Root ignores them (CI runs as
/// root), so as root the folder is given to `nobody` and kg runs as `nobody` through
/// `setpriv`; `None` when that is impossible outside CI.
fn kg_bound_by_permissions(dir: &Path) -> Option<assert_cmd::Command> {
    use std::os::unix::fs::MetadataExt;
    let root = fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    if !root {
        let mut cmd = kg();
        cmd.current_dir(dir);
        return Some(cmd);
    }
    if !crate::harness::have("setpriv") {
        return None;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        std::os::unix::fs::chown(&p, Some(NOBODY), Some(NOBODY)).unwrap();
        if p.is_dir() {
            stack.extend(fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        }
    }
    let mut cmd = assert_cmd::Command::new("setpriv");
    cmd.arg(format!("--reuid={NOBODY}"))
        .arg(format!("--regid={NOBODY}"))
        .arg("--clear-groups")
        .arg(env!("CARGO_BIN_EXE_kg"))
        .current_dir(dir)
        .env_remove("KG_GRAPH")
        .env_remove("NO_COLOR");
    Some(cmd)
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else {
            files.insert(p.clone(), fs::read(&p).unwrap());
        }
    }
    files
}

#[test]
fn a_base_kg_may_not_write_is_refused_before_any_work() {
    // A read-only kg.json in a folder kg may write (a rename could still replace it), and
    // a writable kg.json in a folder kg may not write (no temporary file, no new file).
    for (read_only, why) in [
        ("kg.json", "permission denied"),
        (
            ".",
            "kg cannot create files in its folder '.' (permission denied)",
        ),
    ] {
        let dir = base();
        let d = dir.path();
        add(d, &[A, B]);
        let Some(mut probe) = kg_bound_by_permissions(d) else {
            return;
        };
        probe.args(["sources"]).assert().success();
        set_mode(
            &d.join(read_only),
            if read_only == "." { 0o555 } else { 0o444 },
        );
        let before = snapshot(d);
        for args in [
            &["add", &article(C)][..],
            &["remove", A],
            &["merge", "Kim Jong Un", "Vladimir Putin"],
            &["split", "Vladimir Putin", "Putin"],
            &["rebuild"],
        ] {
            let run = kg_bound_by_permissions(d).unwrap().args(args).assert();
            crate::harness::no_panic(run)
                .code(2)
                .stdout("")
                .stderr(format!(
                    "kg: cannot write knowledge base 'kg.json': {why}\n"
                ));
            assert_eq!(snapshot(d), before, "kg {args:?} changed a file");
        }
        set_mode(d, 0o755);
    }
}

#[test]
fn writes_keep_the_permissions_of_the_base() {
    use std::os::unix::fs::PermissionsExt;
    let dir = base();
    let d = dir.path();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // kg init makes the base as any program makes a file (0666 less the umask).
    let usual = d.join("usual");
    fs::File::create(&usual).unwrap();
    assert_eq!(mode(&d.join("kg.json")), mode(&usual));
    // A shared base, group-writable, stays so through every write.
    set_mode(&d.join("kg.json"), 0o664);
    add(d, &[A, B]);
    kg().current_dir(d)
        .args(["merge", "Kim Jong Un", "Vladimir Putin"])
        .assert()
        .success();
    kg().current_dir(d).args(["remove", A]).assert().success();
    assert_eq!(mode(&d.join("kg.json")), 0o664);
    assert_eq!(mode(&d.join("kg.aliases")), mode(&usual));
    kg().current_dir(d)
        .args(["export", "-o", "g.graphml"])
        .assert()
        .success();
    assert_eq!(mode(&d.join("g.graphml")), mode(&usual));
}

#[test]
fn any_lock_timeout_is_a_clear_answer() {
    let dir = base();
    let d = dir.path();
    // Too long to count is forever (it used to panic); the lock is free, so no wait.
    for forever in ["1e300", "inf", ""] {
        crate::harness::no_panic(
            kg().current_dir(d)
                .env("KG_LOCK_TIMEOUT", forever)
                .arg("rebuild")
                .assert(),
        )
        .success();
    }
    for bad in ["soon", "-1", "NaN"] {
        kg().current_dir(d)
            .env("KG_LOCK_TIMEOUT", bad)
            .args(["add", &article(A)])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "kg: KG_LOCK_TIMEOUT '{bad}' is not a number of seconds (like 30 or 0.5)\n"
            ));
    }
}

/// `kg add` on a terminal (under `script`, which gives it one) draws a bar per phase:
/// reading counts up to the number of articles, then merging starts from 0; the bar never
/// goes back to "reading 0/N" once reading is done.
#[test]
fn progress_bar_goes_forward() {
    if !crate::harness::have_script() {
        return;
    }
    let dir = base();
    let kg_bin = assert_cmd::cargo::cargo_bin!("kg");
    let line = format!(
        "{} add {} {} {}",
        kg_bin.display(),
        article(A),
        article(B),
        article(C)
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .current_dir(dir.path())
        .env_remove("KG_GRAPH")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    // Each drawing of the bar: its phase and position.
    let mut seen: Vec<(String, u64)> = Vec::new();
    for part in text.split(['\r', '\n', '\x1b']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let Some(phase) = words.first().filter(|w| ["reading", "merging"].contains(w)) else {
            continue;
        };
        let Some(pos) = words.iter().find_map(|w| w.strip_suffix("/3")) else {
            continue;
        };
        seen.push((phase.to_string(), pos.parse().unwrap()));
    }
    for pair in seen.windows(2) {
        let ((a, i), (b, j)) = (&pair[0], &pair[1]);
        assert!(
            (a == b && i <= j) || (a == "reading" && b == "merging"),
            "the bar went from {a} {i}/3 to {b} {j}/3: {seen:?}"
        );
    }
    assert!(seen.iter().any(|(p, _)| p == "reading"), "{text}");
}

/// An article in which kg finds no facts is left out, with a warning, and `kg add` exits
/// 1; `--allow-empty` adds it.
#[test]
fn an_article_with_no_facts_is_refused_unless_allowed() {
    let dir = base();
    let d = dir.path();
    fs::write(d.join("calm.txt"), "The weather was nice today.\n").unwrap();
    kg().current_dir(d)
        .args(["add", "calm.txt"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("kg: no facts found in 'calm.txt': not added\nkg: 1 article with no facts left out (kg add --allow-empty adds it)\n");
    kg().current_dir(d).arg("sources").assert().code(1);
    // The others are added all the same.
    kg().current_dir(d)
        .args(["add", "calm.txt", &article(A)])
        .assert()
        .code(1)
        .stdout(format!("added {} as {A} (6 facts)\n", article(A)));
    kg().current_dir(d)
        .args(["add", "--allow-empty", "calm.txt"])
        .assert()
        .success()
        .stdout("added calm.txt as calm (0 facts)\n");
}

/// `kg add --date` dates an article whose header has no date.
#[test]
fn add_takes_a_date() {
    let dir = base();
    let d = dir.path();
    fs::write(
        d.join("zoo.txt"),
        "Vladimir Putin sent two lions to the Moscow Zoo.\n",
    )
    .unwrap();
    kg().current_dir(d)
        .args(["add", "zoo.txt", "--date", "22/11/2024"])
        .assert()
        .code(2)
        .stderr("kg: --date '22/11/2024' is not a date: give it as YYYY-MM-DD\n");
    kg().current_dir(d)
        .args(["add", "zoo.txt", "--date", "2024-11-22"])
        .assert()
        .success();
    let out = stdout(kg().current_dir(d).args(["sources", "--format", "json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["id"], "zoo", "{v}");
    assert_eq!(v[0]["date"], "2024-11-22", "{v}");
}

/// What `kg add` reports per article is what `kg sources` then shows: a repetitive
/// article adds each fact once (in the base and in a large base's journal).
#[test]
fn add_counts_what_sources_shows() {
    for policy in ["never", "always"] {
        let dir = base();
        let d = dir.path();
        let text = "Kim Jong Un sent troops to the Kursk region. Vladimir Putin sent two lions to the Moscow Zoo. ".repeat(500);
        fs::write(d.join("rep.txt"), text).unwrap();
        let added = stdout(
            kg().current_dir(d)
                .env("KG_SNAPSHOT", policy)
                .args(["add", "rep.txt"]),
        );
        let n: usize = added
            .trim()
            .strip_prefix("added rep.txt as rep (")
            .and_then(|s| s.strip_suffix(" facts)"))
            .unwrap_or_else(|| panic!("{added}"))
            .parse()
            .unwrap();
        assert!(n > 0 && n < 10, "{policy}: {added}");
        let out = stdout(
            kg().current_dir(d)
                .env("KG_SNAPSHOT", policy)
                .args(["sources", "--format", "json"]),
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        let rep = v
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "rep")
            .unwrap();
        assert_eq!(rep["facts"], n, "{policy}: {v}");
    }
}

/// Two banks the merge took for one ("Central Bank" in both articles, no country said):
/// `kg split --source` gives what one article says of it to a new entity, for good.
#[test]
fn split_by_source_separates_two_bodies_of_one_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("russia.txt"),
        "date: 2025-03-01\n\nThe Central Bank said on Monday that rates would rise. Governor Elvira Nabiullina leads the Central Bank.\n",
    )
    .unwrap();
    fs::write(
        d.join("turkey.txt"),
        "date: 2025-03-02\n\nThe Central Bank said on Friday that the lira was stable. Governor Fatih Karahan said inflation would fall.\n",
    )
    .unwrap();
    kg().current_dir(d).args(["init", "-q"]).assert().success();
    kg().current_dir(d)
        .args(["add", "-q", "russia.txt", "turkey.txt"])
        .assert()
        .success();
    assert_eq!(
        card(d, "Central Bank")["facts"],
        3,
        "one bank, both articles"
    );
    // It has no alias to split off: the old form says so, and what to do instead.
    kg().current_dir(d)
        .args(["split", "Central Bank", "Bank"])
        .assert()
        .code(2)
        .stderr("kg: 'Bank' is not an alias of Central Bank (it has none; to give what some articles say of it to another entity: kg split 'Central Bank' --source ARTICLE)\n");
    // Errors name what is wrong and write nothing.
    kg().current_dir(d)
        .args(["split", "Central Bank", "--source", "nowhere"])
        .assert()
        .code(2)
        .stderr("kg: no article 'nowhere' in 'kg.json' (try 'kg sources')\n");
    kg().current_dir(d)
        .args(["split", "Central Bnk", "--source", "turkey"])
        .assert()
        .code(2)
        .stderr("kg: no entity named 'Central Bnk'; did you mean 'Central Bank'?\n");
    kg().current_dir(d)
        .args(["split", "Fatih Karahan", "--source", "russia"])
        .assert()
        .code(2)
        .stderr("kg: article 'russia' has no facts about Fatih Karahan (kg show 'Fatih Karahan' lists its sources)\n");
    kg().current_dir(d)
        .args(["split", "Central Bank", "Bank", "--source", "turkey"])
        .assert()
        .code(2);
    assert!(!d.join("kg.aliases").exists());
    let before = read(d);
    // By article id (or file), with a new name.
    kg().current_dir(d)
        .args([
            "split",
            "Central Bank",
            "--source",
            "turkey.txt",
            "--as",
            "Central Bank of Turkey",
        ])
        .assert()
        .success()
        .stdout("separated Central Bank (central-bank) in turkey into Central Bank of Turkey (central-bank-of-turkey, 1 fact); the decision is in kg.aliases\n")
        .stderr("kg: wrote kg.aliases and kg.json (2 articles, 7 entities, 4 facts)\n");
    assert_ne!(read(d), before);
    assert!(
        fs::read_to_string(d.join("kg.aliases"))
            .unwrap()
            .ends_with("separate \"Central Bank\" \"turkey\" \"Central Bank of Turkey\"\n")
    );
    assert_eq!(card(d, "Central Bank")["facts"], 2);
    assert_eq!(card(d, "Central Bank of Turkey")["facts"], 1);
    // Honoured by a rebuild, and by adding the article again after removing it.
    kg().current_dir(d)
        .arg("rebuild")
        .assert()
        .success()
        .stderr("kg: kg.json unchanged: it was up to date (2 articles, 7 entities, 4 facts)\n");
    kg().current_dir(d)
        .args(["remove", "turkey"])
        .assert()
        .success();
    kg().current_dir(d)
        .args(["add", "-q", "turkey.txt"])
        .assert()
        .success();
    assert_eq!(card(d, "Central Bank of Turkey")["facts"], 1);
    assert_eq!(card(d, "Central Bank")["facts"], 2);
    // Without --as, the new entity is named after the entity and the article.
    kg().current_dir(d)
        .args(["split", "Central Bank", "--source", "russia"])
        .assert()
        .success()
        .stdout("separated Central Bank (central-bank) in russia into Central Bank (russia) (central-bank-russia, 2 facts); the decision is in kg.aliases\n");
}
