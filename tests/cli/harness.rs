//! What the integration tests share: a `kg` command with a clean environment, fixture
//! paths, and a check for external programs that fails under CI instead of skipping.

use assert_cmd::Command;
use std::path::PathBuf;

/// `kg` with no graph or colour settings inherited from the environment.
pub fn kg() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("kg");
    cmd.env_remove("KG_GRAPH")
        .env_remove("NO_COLOR")
        .env_remove("KG_SNAPSHOT");
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
        eprintln!("skipped: {program} is not installed");
    }
    found
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
