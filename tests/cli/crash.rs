//! `kg merge` and `kg split` killed with SIGKILL at any point: each writes the decisions
//! file (`kg.aliases`), then the base and its snapshot, every file replaced whole by a
//! rename, so a kill leaves each file old or new (never partial), queries answer through
//! the snapshot as through the JSON, and the next write (here `kg compact`) honours the
//! decisions file and repairs a base it left behind.

use crate::harness::run_policy;
use crate::journal::{articles, base_with};
use std::fs;
use std::path::{Path, PathBuf};

/// The decisions file of a base (`kg.json` -> `kg.aliases`).
fn aliases_of(base: &Path) -> PathBuf {
    base.with_extension("aliases")
}

/// Reads a file, `None` when there is none.
fn read(path: &Path) -> Option<Vec<u8>> {
    fs::read(path).ok()
}

/// Runs `args` on a base of six articles, killed after each of a few delays; checks what
/// each kill left, then that `kg compact` repairs it.
fn killed_mid_way(args: &[&str]) {
    let all = articles();
    let dir = tempfile::tempdir().unwrap();
    let base = base_with(dir.path(), "kg.json", &all[..6]);
    let done = base_with(dir.path(), "done.json", &all[..6]);
    let (code, _, err) = run_policy("never", &done, args);
    assert_eq!(code, 0, "{err}");
    let (new_base, new_aliases) = (fs::read(&done).unwrap(), read(&aliases_of(&done)));
    assert!(new_aliases.is_some(), "kg {args:?} records a decision");
    let old = fs::read(&base).unwrap();
    let mut states = std::collections::BTreeSet::new();
    for delay_us in [0, 1_000, 2_000, 4_000, 8_000, 16_000, 100_000] {
        fs::write(&base, &old).unwrap();
        let _ = fs::remove_file(aliases_of(&base));
        let (code, _, err) = run_policy("always", &base, &["stats"]);
        assert_eq!(code, 0, "{err}");
        crate::harness::kill_9_after(&base, args, delay_us);
        let now = fs::read(&base).unwrap();
        let base_state = if now == old {
            "old base"
        } else {
            assert_eq!(now, new_base, "never a partial base");
            "new base"
        };
        let aliases = read(&aliases_of(&base));
        let aliases_state = if aliases.is_none() {
            "no decisions"
        } else {
            assert_eq!(aliases, new_aliases, "never a partial decisions file");
            "new decisions"
        };
        assert!(
            !(base_state == "new base" && aliases_state == "no decisions"),
            "the decision is written before the base"
        );
        states.insert((base_state, aliases_state));
        let from_json = run_policy("never", &base, &["stats"]);
        assert_eq!(from_json.0, 0, "{}", from_json.2);
        assert_eq!(run_policy("always", &base, &["stats"]), from_json);
        // The next write honours the decisions file: the base it leaves is the one the
        // write would have written, or the old one when no decision was recorded.
        let (code, _, err) = run_policy("always", &base, &["compact"]);
        assert_eq!(code, 0, "{err}");
        let want = if aliases.is_some() { &new_base } else { &old };
        assert_eq!(
            &fs::read(&base).unwrap(),
            want,
            "{base_state}, {aliases_state}"
        );
        assert_eq!(
            run_policy("always", &base, &["stats"]),
            run_policy("never", &base, &["stats"])
        );
    }
    assert!(!states.is_empty());
}

#[test]
fn kill_9_mid_merge_leaves_old_or_new_files_and_the_next_write_repairs() {
    killed_mid_way(&["merge", "Kim Jong Un", "Vladimir Putin"]);
}

#[test]
fn kill_9_mid_split_leaves_old_or_new_files_and_the_next_write_repairs() {
    killed_mid_way(&["split", "Vladimir Putin", "Putin"]);
}
