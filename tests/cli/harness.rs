//! What the integration tests share: a `kg` command with a clean environment, a `kg`
//! killed mid-write ([`kill_9_after`]), fixture paths, and a check for external programs
//! that fails under CI instead of skipping, and records what it skips for the summary at
//! the end of `cargo test` ([`skip`]).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// `kg` with no graph, colour or width settings inherited from the environment.
pub fn kg() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("kg");
    cmd.env_remove("KG_GRAPH")
        .env_remove("NO_COLOR")
        .env_remove("KG_SNAPSHOT")
        .env_remove("COLUMNS");
    cmd
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Standard output of a successful run, as text.
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("kg prints UTF-8")
}

/// True when `program` can be run. When it cannot: under CI (`CI=true`) the test fails,
/// elsewhere it prints why it is skipped and returns false.
pub fn have(program: &str) -> bool {
    let found = std::process::Command::new(program)
        .arg("-V")
        .output()
        .is_ok();
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{program} is not installed, and CI needs it: .ci/run installs it"
        );
        skip(&format!("{program} is not installed"));
    }
    found
}

/// True when `script` (util-linux), which gives kg a terminal, can be run; otherwise the
/// check is skipped, with the reason recorded.
pub fn have_script() -> bool {
    let found = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok();
    if !found {
        skip("script (util-linux) is not installed");
    }
    found
}

/// The file where skipped checks are recorded for the summary `tests/skipped.rs` prints
/// at the end of `cargo test`: a line per check, `PID<TAB>TEST<TAB>WHY`.
pub fn skipped_record() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kg-skipped.tsv")
}

/// Says on stderr that a check was skipped, and why, and records it for the summary at
/// the end of `cargo test`.
pub fn skip(why: &str) {
    eprintln!("skipped: {why}");
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    let line = format!(
        "{}\t{test}\t{}\n",
        std::process::id(),
        why.replace(['\t', '\n'], " ")
    );
    let record = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(skipped_record());
    if let Ok(mut file) = record {
        let _ = std::io::Write::write_all(&mut file, line.as_bytes());
    }
}

/// Checks that a run's stderr shows no Rust panic or backtrace hint: kg answers every bad
/// input with its own one-line message.
pub fn no_panic(assert: assert_cmd::assert::Assert) -> assert_cmd::assert::Assert {
    use predicates::prelude::*;
    assert.stderr(
        predicate::str::contains("panicked")
            .not()
            .and(predicate::str::contains("RUST_BACKTRACE").not()),
    )
}

/// The Python of the consumer venv (`tests/consumers/install.sh`), with networkx and the
/// other readers. Without it: under CI the test fails, elsewhere it is skipped (`None`).
pub fn consumer_python() -> Option<PathBuf> {
    let python = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv-consumers/bin/python");
    if python.exists() {
        return Some(python);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI needs the consumer venv: tests/consumers/install.sh"
    );
    skip(&format!(
        "no {} (run tests/consumers/install.sh)",
        python.display()
    ));
    None
}

/// networkx's shortest-path lengths between pairs of node ids in `file` (facts walked
/// either way; `None` for no path), by `tests/consumers/path_lengths.py`.
pub fn networkx_lengths(python: &Path, file: &Path, pairs: &[(&str, &str)]) -> Vec<Option<u64>> {
    let out = std::process::Command::new(python)
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/path_lengths.py"))
        .arg(file)
        .args(pairs.iter().flat_map(|(a, b)| [*a, *b]))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The number of facts on `kg path`'s answer on `graph` (the embedded graph when `None`);
/// `None` when it finds no path.
pub fn kg_hops(graph: Option<&Path>, from: &str, to: &str) -> Option<u64> {
    let mut cmd = kg();
    if let Some(g) = graph {
        cmd.arg("-g").arg(g);
    }
    let out = cmd
        .args(["path", "--format", "json", "--", from, to])
        .output()
        .unwrap();
    match out.status.code() {
        Some(1) => None,
        Some(0) => {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            v["paths"][0]["hops"].as_u64()
        }
        _ => panic!(
            "kg path {from:?} {to:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// (exit status, stdout, stderr) of `kg -g GRAPH ARGS` under a snapshot policy
/// (`KG_SNAPSHOT`: `never` reads the JSON, `always` the snapshot).
pub fn run_policy(policy: &str, graph: &Path, args: &[&str]) -> (i32, String, String) {
    let out = kg()
        .env("KG_SNAPSHOT", policy)
        .arg("-g")
        .arg(graph)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The names of every entity of a graph, as `kg entities` lists them.
pub fn entity_names(graph: &Path) -> Vec<String> {
    let (code, out, err) = run_policy("never", graph, &["entities", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v.as_array()
        .or_else(|| v["entities"].as_array())
        .expect("a list of entities")
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

/// Runs `kg -q -g BASE ARGS` with snapshots on, and kills it with SIGKILL after `delay_us`
/// microseconds (or once it is done): the crash tests' write cut short at any point.
pub fn kill_9_after(base: &Path, args: &[&str], delay_us: u64) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kg"))
        .arg("-q")
        .arg("-g")
        .arg(base)
        .args(args)
        .env_remove("KG_GRAPH")
        .env("KG_SNAPSHOT", "always")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_micros(delay_us));
    let _ = child.kill(); // SIGKILL on Unix
    child.wait().unwrap();
}
