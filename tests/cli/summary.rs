//! The summary of skipped checks printed at the end of `cargo test` (by
//! `tests/skipped.rs`, which includes this file): what `harness::skip` recorded in the
//! latest run of the cli tests, a line per check.

use std::collections::BTreeMap;

/// The summary of a record of skipped checks (`PID<TAB>TEST<TAB>WHY` lines): those of the
/// latest run (the pid of the last line), each once, by test.
pub fn summary(record: &str) -> String {
    let rows: Vec<[&str; 3]> = record
        .lines()
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            Some([parts.next()?, parts.next()?, parts.next()?])
        })
        .collect();
    let last = rows.last().map(|r| r[0]);
    let mut skipped: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for [pid, test, why] in &rows {
        if Some(*pid) == last {
            let whys = skipped.entry(test).or_default();
            if !whys.contains(why) {
                whys.push(why);
            }
        }
    }
    let n: usize = skipped.values().map(Vec::len).sum();
    if n == 0 {
        return "kg: no check was skipped: the full run.\n".to_string();
    }
    let mut text = format!(
        "kg: {n} check{} skipped (README.md, \"Two commands\", says what the full run needs):\n",
        if n == 1 { " was" } else { "s were" }
    );
    for (test, whys) in &skipped {
        for why in whys {
            text.push_str(&format!("  {test}: {why}\n"));
        }
    }
    text
}

#[test]
fn the_summary_lists_the_latest_runs_skipped_checks_once() {
    assert_eq!(summary(""), "kg: no check was skipped: the full run.\n");
    let record = "1\tdot::old\tdot is not installed\n\
                  2\thtml::page\tnode is not installed\n\
                  2\tdot::drawn\tdot is not installed\n\
                  2\tdot::drawn\tdot is not installed\n";
    assert_eq!(
        summary(record),
        "kg: 2 checks were skipped (README.md, \"Two commands\", says what the full run needs):
  dot::drawn: dot is not installed
  html::page: node is not installed
"
    );
}
