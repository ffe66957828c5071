//! Shell conveniences: completion scripts that load, the man page, help with examples for
//! every subcommand, the environment variables in help and the manual, `--version` and
//! `--quiet`.

use crate::harness::{have, kg, stdout};
use clap::CommandFactory;
use std::process::Command;

#[test]
fn bash_completion_loads_and_completes() {
    let script = stdout(kg().args(["completions", "bash"]));
    assert!(script.contains("_kg()"));
    if !have("bash") {
        return;
    }
    let kg_bin = assert_cmd::cargo::cargo_bin!("kg");
    let out = Command::new("bash")
        .arg("-c")
        .arg(r#"source <("$KG" completions bash) && complete -p kg && COMP_WORDS=(kg ht) COMP_CWORD=1 && _kg kg ht "" && echo "${COMPREPLY[@]}""#)
        .env("KG", kg_bin)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.starts_with("complete ") && text.lines().next().unwrap().ends_with("-F _kg kg"),
        "{text}"
    );
    assert!(text.lines().nth(1) == Some("html"), "{text}");
}

#[test]
fn every_shell_gets_a_script() {
    for (shell, marker) in [
        ("zsh", "#compdef kg"),
        ("fish", "complete -c kg"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[kg]"),
    ] {
        let script = stdout(kg().args(["completions", shell]));
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(script.contains("explain"), "{shell} completes subcommands");
    }
    kg().args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "kg: invalid value 'tcsh' for '<SHELL>'",
        ));
}

#[test]
fn completions_and_man_need_no_graph() {
    kg().args(["--graph", "missing.json", "completions", "bash"])
        .assert()
        .success();
    kg().args(["--graph", "missing.json", "man"])
        .assert()
        .success();
}

#[test]
fn man_page_is_roff_and_renders() {
    let page = stdout(kg().arg("man"));
    assert!(page.contains(".TH kg 1"), "{page}");
    assert!(page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"));
    assert!(
        page.contains(
            ".SH NAME\nkg \\- a knowledge graph of who did what to whom, built from news articles\n"
        ),
        "{page}"
    );
    assert!(page.contains("explain") && page.contains("completions"));
    // `man -l` renders it when man-db is installed (not needed: the roff is checked above).
    let man_db = Command::new("man").arg("--version").output().is_ok();
    if man_db {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kg.1");
        std::fs::write(&file, &page).unwrap();
        let out = Command::new("man")
            .arg("-l")
            .arg(&file)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains("NAME") && text.contains("kg"), "{text}");
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("man/man1"); // created when missing
    kg().args(["man", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout("")
        .stderr(format!("kg: wrote the manual pages to {}\n", dir.display()));
    for page in ["kg.1", "kg-html.1", "kg-explain.1", "kg-path.1"] {
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        assert!(text.contains(".TH"), "{page}");
    }
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    let cmd = kg::cli::Args::command();
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        let help = stdout(kg().args([name, "--help"]));
        assert!(
            help.contains("Example") && help.contains(&format!("kg {name}")),
            "kg {name} --help has no example:\n{help}"
        );
    }
    let help = stdout(kg().arg("--help"));
    assert!(help.contains("--quiet") && help.contains("Examples:"));
}

#[test]
fn help_and_man_name_every_environment_variable() {
    let help = stdout(kg().arg("--help"));
    for block in [
        "      --snapshot <WHEN>\n          When a graph file gets a binary snapshot beside it (FILE.snap) that queries and `kg add`\n          read instead of the JSON: auto (files of 1 MB or more), always or never\n          \n          [env: KG_SNAPSHOT=]\n",
        "      --lock-timeout <SECONDS>\n          How many seconds a command that writes the knowledge base waits for another to finish\n          (default 30)\n          \n          [env: KG_LOCK_TIMEOUT=]\n",
        "      --width <N>\n          The columns text listings fit (default: the terminal's width; output to a file or a pipe\n          is not cut). Anything but a positive number is ignored\n          \n          [env: COLUMNS=]\n",
        "[env: KG_GRAPH=]",
    ] {
        assert!(help.contains(block), "kg --help lacks {block:?}:\n{help}");
    }
    let man = stdout(kg().arg("man"));
    let env = &man[man
        .find(".SH ENVIRONMENT\n")
        .expect("an ENVIRONMENT section")..];
    assert!(env.contains(
        ".TP\nKG_SNAPSHOT\nWhen a graph file gets a binary snapshot beside it (FILE.snap) that queries and `kg add` read instead of the JSON: auto (files of 1 MB or more), always or never (as \\fB\\-\\-snapshot\\fR)\n"
    ));
    for var in ["KG_GRAPH", "KG_LOCK_TIMEOUT", "COLUMNS", "NO_COLOR"] {
        assert!(env.contains(&format!(".TP\n{var}\n")), "{var}:\n{env}");
    }
}

#[test]
fn the_flags_are_the_variables() {
    // A flag and its variable are one setting, checked with the same message.
    kg().args(["--snapshot", "sometimes", "stats"])
        .assert()
        .code(2)
        .stderr("kg: KG_SNAPSHOT is 'sometimes': expected auto, always or never\n");
    kg().args(["--width", "30", "entities"])
        .assert()
        .success()
        .stdout(predicates::str::contains("\nAlexander K…  person "));
    kg().env("COLUMNS", "30")
        .arg("entities")
        .assert()
        .success()
        .stdout(predicates::str::contains("\nAlexander K…  person "));
}

#[test]
fn version() {
    kg().arg("--version")
        .assert()
        .success()
        .stdout(format!("kg {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn quiet_drops_notes_but_not_errors() {
    let args = [
        "path",
        "Putin",
        "Pyongyang Central Zoo",
        "--all",
        "--limit",
        "1",
    ];
    kg().args(args)
        .assert()
        .success()
        .stderr("kg: showing the first 1 paths; there may be more (raise --limit)\n");
    kg().arg("--quiet").args(args).assert().success().stderr("");
    kg().args(args).arg("-q").assert().success().stderr("");
    kg().args(["-q", "show", "Obama"])
        .assert()
        .code(2)
        .stderr("kg: no entity named 'Obama' (try 'kg entities' to list them)\n");
}
