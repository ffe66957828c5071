//! Every command the README and the `--help` examples show, run as written: read out of
//! README.md (its `sh` and `console` blocks and its inline `kg ...` spans) and out of the
//! clap definition, so a command cannot change without its documentation failing here.
//!
//! Each command is first parsed by kg's own clap definition, then run with `sh -c` in a
//! folder laid out as the examples assume (articles, a knowledge base, an evaluation set),
//! with this build's `kg` first on `PATH`. A `console` block's output is compared word for
//! word. A command piped into a program that is not installed (dot, jq, man) is only
//! parsed, and counted as skipped; the few that cannot run here by design are listed in
//! [`PARSED_ONLY`] with the reason.

use crate::harness::{fixture, kg};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Commands shown that are parsed but not run, and why.
const PARSED_ONLY: &[(&str, &str)] = &[
    (
        "kg merge \"North Korea\" DPRK",
        "kg merges them already (merge and split run in tests/cli/kb.rs)",
    ),
    (
        "kg merge vladimir-putin putin",
        "kg merges them already (merge and split run in tests/cli/kb.rs)",
    ),
    (
        "kg split \"Kim Jong Un\" Kim",
        "no base here gives Kim Jong Un the alias Kim (merge and split run in tests/cli/kb.rs)",
    ),
    (
        "kg split \"Ministry of Foreign Affairs\" --source 2025-02-20-japan-ministry --as \"Japanese Ministry of Foreign Affairs\"",
        "no base here holds that article (split by source runs in tests/cli/kb.rs)",
    ),
    (
        "kg eval eval/real/manifest.tsv --split dev --by-rule",
        "the real articles' text stays outside git (eval/real/README.md)",
    ),
    (
        "kg eval eval/real/manifest.tsv --split test --format json",
        "the real articles' text stays outside git (eval/real/README.md)",
    ),
    (
        "kg completions zsh > \"${fpath[1]}/_kg\"",
        "it writes into the shell's function path",
    ),
    (
        "kg man --dir /usr/local/share/man/man1",
        "it writes into the system's manual",
    ),
];

/// A command as documented: its line, where it is shown, and for a `console` block the
/// output shown under it.
#[derive(Debug)]
struct Shown {
    line: String,
    origin: String,
    output: Option<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The line without a trailing `# comment` (a `#` after a space, outside quotes).
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev == ' ' => return line[..i].trim_end(),
            _ => {}
        }
        prev = c;
    }
    line.trim_end()
}

/// `cargo run -q -- ARGS` is `kg ARGS`.
fn as_kg(line: &str) -> String {
    match line.strip_prefix("cargo run -q -- ") {
        Some(rest) => format!("kg {rest}"),
        None => line.to_string(),
    }
}

/// The commands of README.md: each line of an `sh` block, each `$ ` line of a `console`
/// block (with the lines under it as its output), and each inline `kg ...` span that is
/// a command rather than a synopsis (`kg path A B`) or a bare mention (`kg add`).
fn readme_commands() -> Vec<Shown> {
    let text = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut shown: Vec<Shown> = Vec::new();
    let mut fence: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let origin = format!("README.md:{}", n + 1);
        if let Some(lang) = line.strip_prefix("```") {
            fence = match fence {
                Some(_) => None,
                None => Some(lang.to_string()),
            };
            continue;
        }
        match fence.as_deref() {
            Some("sh") => {
                let l = strip_comment(line);
                if !l.is_empty() {
                    shown.push(Shown {
                        line: as_kg(l),
                        origin,
                        output: None,
                    });
                }
            }
            Some("console") => match line.strip_prefix("$ ") {
                Some(l) => shown.push(Shown {
                    line: as_kg(l),
                    origin,
                    output: Some(String::new()),
                }),
                None => {
                    let last = shown.last_mut().and_then(|s| s.output.as_mut()).unwrap();
                    last.push_str(line);
                    last.push('\n');
                }
            },
            Some(_) => {}
            None => {
                for (i, span) in line.split('`').enumerate() {
                    let span = span.replace("\\|", "|");
                    if i % 2 == 1 && span.starts_with("kg ") && is_command(&span) {
                        shown.push(Shown {
                            line: span,
                            origin: origin.clone(),
                            output: None,
                        });
                    }
                }
            }
        }
    }
    shown
}

/// True for an inline span that is a command to run: no placeholders (`A`, `FILE`,
/// `ARTICLE...`, `[--kind K]`, `text|json`) and more than a command's bare name.
fn is_command(span: &str) -> bool {
    let words: Vec<&str> = span.split_whitespace().collect();
    let placeholder = |w: &&str| {
        let w = w.trim_end_matches("...");
        w.contains('[') || (w.len() > 1 && w.contains('|')) || {
            !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase() || c == '_')
        }
    };
    words.len() > 2 && !words.iter().any(placeholder)
        || matches!(
            span,
            "kg dot" | "kg entities" | "kg stats" | "kg sources" | "kg duplicates"
        )
}

/// The lines under `Example:`/`Examples:` in every `--help`.
fn help_examples() -> Vec<Shown> {
    use clap::CommandFactory;
    let top = kg::cli::Args::command();
    let mut shown = Vec::new();
    for cmd in std::iter::once(&top).chain(top.get_subcommands()) {
        let Some(after) = cmd.get_after_help() else {
            continue;
        };
        for line in after.to_string().lines().skip(1) {
            shown.push(Shown {
                line: strip_comment(line.trim()).to_string(),
                origin: format!("kg {} --help", cmd.get_name()),
                output: None,
            });
        }
    }
    shown
}

/// Splits a command line into words as sh would for a simple command (quotes, no
/// expansion), up to the first `|`, `>` or `<`.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut any = false;
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                any = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, '|' | '>' | '<') => break,
            (None, c) if c.is_whitespace() => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            (_, c) => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

/// A folder as the examples assume it: articles (`articles/*.txt`, `article.txt`,
/// `a.txt`, ...), the embedded graph's article under `graph/articles/`, an evaluation
/// set (`eval/gold/a.json` with `eval/articles/a.txt`), and a knowledge base `kg.json`
/// holding the articles (unless `base` is false). It is `HOME` too, with the folder fish
/// completions go in.
fn sandbox(base: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join(".config/fish/completions")).unwrap();
    let copy = |from: &Path, to: &str| {
        let to = d.join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    };
    for id in [
        "2024-03-04-putin-tigers",
        "2024-05-10-troops-kursk",
        "2024-07-20-kim-yo-jong",
    ] {
        copy(
            &fixture(&format!("articles/{id}.txt")),
            &format!("articles/{id}.txt"),
        );
    }
    let zoo = root().join("graph/articles/2024-11-22-putin-zoo-animals-pyongyang.txt");
    copy(
        &zoo,
        "graph/articles/2024-11-22-putin-zoo-animals-pyongyang.txt",
    );
    for name in ["2024-11-22-putin-zoo.txt", "notes.txt"] {
        copy(&zoo, name);
    }
    let id = "2025-03-14-prague-zoo-giant-pandas-china";
    let (gold, article) = (
        root().join(format!("eval/gold/{id}.json")),
        root().join(format!("eval/articles/{id}.txt")),
    );
    copy(&gold, "eval/gold/a.json");
    copy(&article, "eval/articles/a.txt");
    copy(&gold, "gold.json");
    copy(&gold, "predicted.json");
    copy(&article, "article.txt");
    copy(&article, "a.txt");
    copy(&fixture("articles/2024-03-04-putin-tigers.txt"), "b.txt");
    if !base {
        return dir;
    }
    kg().current_dir(d).args(["init", "-q"]).assert().success();
    kg().current_dir(d)
        .args(["add", "-q", "2024-11-22-putin-zoo.txt"])
        .arg("articles/2024-03-04-putin-tigers.txt")
        .arg("articles/2024-05-10-troops-kursk.txt")
        .arg("articles/2024-07-20-kim-yo-jong.txt")
        .assert()
        .success();
    dir
}

/// The programs a line pipes into (`| dot -Tsvg`, `| jq`, `| man -l -`).
fn piped_programs(line: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '|') => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().unwrap().push(c);
    }
    parts
        .iter()
        .skip(1)
        .filter_map(|part| words(part.trim()).into_iter().next())
        .collect()
}

fn installed(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs one shown command: `Ok` with the reason it was skipped (a program it pipes into is
/// not installed), if it was; `Err` with what went wrong.
fn check(shown: &Shown, dir: Option<&Path>) -> Result<Option<String>, String> {
    let line = shown.line.as_str();
    if line == "cargo test" {
        return Ok(None); // this test's own run
    }
    // The kg command of the line (`source <(kg completions bash)` holds one).
    let at = line
        .find("kg ")
        .unwrap_or_else(|| panic!("no kg command: {shown:?}"));
    let words = words(line[at..].trim_end_matches(')'));
    if let Err(e) = <kg::cli::Args as clap::Parser>::try_parse_from(&words) {
        let e = e.render();
        return Err(format!("{}: '{line}' does not parse: {e}", shown.origin));
    }
    if let Some((_, why)) = PARSED_ONLY.iter().find(|(l, _)| *l == line) {
        // By design, not for want of a program: said, not counted as skipped.
        eprintln!("parsed, not run: '{line}' ({}): {why}", shown.origin);
        return Ok(None);
    }
    if let Some(missing) = piped_programs(line).iter().find(|p| !installed(p)) {
        return Ok(Some(format!(
            "'{line}' ({}): {missing} is not installed",
            shown.origin
        )));
    }
    // A `console` block shows the embedded graph: it runs where there is no kg.json.
    let own;
    let dir = match (dir, &shown.output) {
        (Some(d), _) => d,
        (None, Some(_)) => {
            own = tempfile::tempdir().unwrap();
            own.path()
        }
        (None, None) => {
            // kg init makes the base: it runs where there is none yet.
            own = sandbox(!words.iter().any(|w| w == "init"));
            own.path()
        }
    };
    let bin = assert_cmd::cargo::cargo_bin!("kg");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-c", line])
        .current_dir(dir)
        .env("PATH", path)
        .env("HOME", dir)
        .env("MANPAGER", "cat")
        .env_remove("KG_GRAPH")
        .env_remove("KG_SNAPSHOT")
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let printed = format!("{stdout}{stderr}");
    match &shown.output {
        Some(expected) if printed != *expected => Err(format!(
            "{}: '{line}' prints\n{printed}\nwhere the README shows\n{expected}",
            shown.origin
        )),
        Some(expected) if !expected.contains("kg: ") && !out.status.success() => {
            Err(format!("{}: '{line}' failed", shown.origin))
        }
        // 1 is "ran, found nothing" (kg duplicates on a base without any).
        None if !matches!(out.status.code(), Some(0 | 1)) => {
            Err(format!("{}: '{line}' failed: {stderr}", shown.origin))
        }
        _ => Ok(None),
    }
}

/// Checks every shown command (in `dir` when `shared` says so, else each in its own
/// folder), notes the skipped ones, and fails with every failure at once.
fn check_all(shown: &[Shown], dir: &Path, shared: impl Fn(&Shown) -> bool) {
    let mut failures = Vec::new();
    for s in shown {
        match check(s, shared(s).then_some(dir)) {
            Ok(Some(why)) => crate::harness::skip(&why),
            Ok(None) => {}
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_readme_command_runs_as_written() {
    let shown = readme_commands();
    assert!(shown.len() > 30, "{shown:#?}");
    assert!(
        shown
            .iter()
            .any(|s| s.line == "kg export --format csv -o csv/")
    );
    // The `sh` block of the knowledge base runs in one folder, in order; the rest each in
    // a fresh one.
    let base = tempfile::tempdir().unwrap();
    std::fs::create_dir(base.path().join("articles")).unwrap();
    for id in [
        "2024-03-04-putin-tigers",
        "2024-05-10-troops-kursk",
        "2024-07-20-kim-yo-jong",
    ] {
        std::fs::copy(
            fixture(&format!("articles/{id}.txt")),
            base.path().join(format!("articles/{id}.txt")),
        )
        .unwrap();
    }
    check_all(&shown, base.path(), is_kb_block);
}

/// True for a line of the README's knowledge-base walk-through (`kg init`, `kg add
/// articles/*.txt`, ...), which runs in one folder from empty.
fn is_kb_block(s: &Shown) -> bool {
    const WALK: [&str; 6] = [
        "kg init",
        "kg add articles/*.txt",
        "kg sources",
        "kg path Putin \"Kursk region\"",
        "kg duplicates",
        "kg remove 2024-05-10-troops-kursk",
    ];
    s.output.is_none() && WALK.contains(&s.line.as_str()) && !s.origin.contains("--help")
}

#[test]
fn every_help_example_runs_as_written() {
    let shown = help_examples();
    assert!(shown.len() > 40, "{shown:#?}");
    let unused = tempfile::tempdir().unwrap();
    check_all(&shown, unused.path(), |_| false);
}
