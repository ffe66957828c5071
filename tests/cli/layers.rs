//! The library's layers point down only: model, then extract and query, then store, then
//! kb, then cmd, print and export beside it (print says in words what the store and the
//! knowledge base return as data; export writes formats, reading graphs through the
//! store) and the application's error (`crate::error`, which wraps the store's and the
//! knowledge base's own errors), then run (and main on top). A module names no module of
//! a layer above it, not even in a doc link or a comment; checked by reading the source
//! files. The store and the knowledge base word no notes of their own. Only clap reads
//! the environment.

use std::path::{Path, PathBuf};

/// The layers, lowest first: each module with its level.
const LAYERS: &[(&str, usize)] = &[
    ("model", 0),
    ("extract", 1),
    ("query", 1),
    ("store", 2),
    ("kb", 3),
    ("cmd", 4),
    ("print", 4),
    ("export", 4),
    ("error", 4),
    ("run", 5),
];

/// Every `.rs` file under `dir` (or `dir.rs` itself), sorted.
fn sources(src: &Path, module: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![src.join(module)];
    let single = src.join(format!("{module}.rs"));
    if single.exists() {
        files.push(single);
    }
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Each `file:line: text` of a module under `root/src` that names a module of a higher
/// layer.
fn upward_references(root: &Path) -> Vec<String> {
    let src = root.join("src");
    let mut found = Vec::new();
    for &(module, level) in LAYERS {
        let files = sources(&src, module);
        assert!(!files.is_empty(), "no source files for {module}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (i, line) in text.lines().enumerate() {
                for &(above, _) in LAYERS.iter().filter(|(_, l)| *l > level) {
                    if line.contains(&format!("crate::{above}")) {
                        let at = file.strip_prefix(root).unwrap().display();
                        found.push(format!("{at}:{}: {}", i + 1, line.trim()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn layers_point_down_only() {
    let found = upward_references(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        found.is_empty(),
        "modules naming a layer above them:\n{}",
        found.join("\n")
    );
}

/// The store and the knowledge base return their own errors (`store::Error`,
/// `kb::Error`), converted at the edge, and their results as data, said in words by
/// print; the store reads node-link JSON itself, not through export. A copy of the
/// sources where one names the application's error again, the knowledge base, print,
/// export, cmd or run is caught.
#[test]
fn store_and_kb_name_no_layer_above_them() {
    let copy = tempfile::tempdir().unwrap();
    for &(module, _) in LAYERS {
        std::fs::create_dir_all(copy.path().join("src").join(module)).unwrap();
    }
    let plant = |file: &str, line: &str| {
        std::fs::write(copy.path().join("src").join(file), format!("{line}\n")).unwrap();
    };
    for module in ["model", "extract", "query", "store", "kb", "cmd"] {
        plant(&format!("{module}/mod.rs"), "//! Nothing here.");
    }
    plant("print/kb.rs", "use crate::kb::Note;");
    plant(
        "export/nodelink.rs",
        "pub use crate::store::nodelink::read;",
    );
    plant("error.rs", "use crate::store;");
    plant("run.rs", "use crate::error::Error;");
    assert_eq!(upward_references(copy.path()), Vec::<String>::new());
    plant("store/load.rs", "use crate::error::Error;");
    plant("kb/session.rs", "    Err(crate::error::Error::NoBase)");
    plant("store/mod.rs", "/// See [`crate::kb::Session`].");
    plant("store/json.rs", "use crate::export::nodelink;");
    plant("store/lock.rs", "/// Taken in [`crate::run`].");
    plant("kb/fold.rs", "    use crate::print::text::counted;");
    plant("kb/append.rs", "use crate::cmd::WriteCtx;");
    assert_eq!(
        upward_references(copy.path()),
        [
            "src/store/json.rs:1: use crate::export::nodelink;",
            "src/store/load.rs:1: use crate::error::Error;",
            "src/store/lock.rs:1: /// Taken in [`crate::run`].",
            "src/store/mod.rs:1: /// See [`crate::kb::Session`].",
            "src/kb/append.rs:1: use crate::cmd::WriteCtx;",
            "src/kb/fold.rs:1: use crate::print::text::counted;",
            "src/kb/session.rs:1: Err(crate::error::Error::NoBase)",
        ]
    );
}

/// Environment variables are read once, by clap (`env = ...` in `src/cli.rs`), so that each
/// shows in `kg --help` and the manual: no other source file reads one. The consumer
/// checks of the export tests (compiled for tests only) read `CI`.
#[test]
fn only_clap_reads_the_environment() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut found = Vec::new();
    let mut files = vec![src.join("main.rs"), src.join("lib.rs"), src.join("cli.rs")];
    for (module, _) in LAYERS {
        files.extend(sources(&src, module));
    }
    for m in ["eval", "exit"] {
        files.extend(sources(&src, m));
    }
    for file in files {
        if file.ends_with("export/consumer.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line.contains("env::var") {
                let at = file.strip_prefix(&root).unwrap().display();
                found.push(format!("{at}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "reading the environment outside clap:\n{}",
        found.join("\n")
    );
}

/// What in the store's or the knowledge base's sources words a note for the user: a
/// note pushed as formatted text, a list of notes as strings, or text written to the
/// terminal (a print, a spinner). They return notes as data
/// (`store::snapshot::SnapshotNote`, `kb::Note`) and tell hooks what they are doing
/// (`store::load::on_reading`, `kb::session::on_waiting`); print words them.
const WORDED_NOTES: &[&str] = &[
    "notes.push(format!",
    "notes: &mut Vec<String>",
    "notes: Vec<String>",
    "println!(",
    "eprint!(",
    "indicatif::",
    "is_terminal()",
];

/// Each `file:line: text` of the store or the knowledge base under `root/src` that words
/// a note itself.
fn worded_notes(root: &Path) -> Vec<String> {
    let src = root.join("src");
    let mut found = Vec::new();
    for module in ["store", "kb"] {
        for file in sources(&src, module) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (i, line) in text.lines().enumerate() {
                if WORDED_NOTES.iter().any(|w| line.contains(w)) {
                    let at = file.strip_prefix(root).unwrap().display();
                    found.push(format!("{at}:{}: {}", i + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn store_and_kb_word_no_notes() {
    let found = worded_notes(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        found.is_empty(),
        "notes worded below print:\n{}",
        found.join("\n")
    );
}

/// A copy of the sources where the store or the knowledge base words a note again is
/// caught; cmd and run word theirs, and a note pushed as data is fine.
#[test]
fn a_worded_note_in_store_or_kb_is_caught() {
    let copy = tempfile::tempdir().unwrap();
    let plant = |file: &str, line: &str| {
        let path = copy.path().join("src").join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, format!("{line}\n")).unwrap();
    };
    plant(
        "cmd/path.rs",
        "        ctx.notes.push(format!(\"showing {n}\")),",
    );
    plant("run.rs", "    notes: &mut Vec<String>,");
    plant(
        "store/snapshot/mod.rs",
        "pub fn open(notes: &mut Vec<SnapshotNote>) {",
    );
    plant(
        "kb/fold.rs",
        "    notes.push(Note::Wrote { paths, tally });",
    );
    assert_eq!(worded_notes(copy.path()), Vec::<String>::new());
    plant(
        "store/snapshot/mod.rs",
        "pub fn open(json: &Path, notes: &mut Vec<String>) -> Result<Snapshot, Error> {",
    );
    plant(
        "store/snapshot/build.rs",
        "            Err(e) => notes.push(format!(",
    );
    plant(
        "kb/session.rs",
        "        let notes: Vec<String> = Vec::new();",
    );
    plant(
        "kb/lock.rs",
        "        eprintln!(\"kg: waiting for {}\", path);",
    );
    plant(
        "store/load.rs",
        "    let bar = indicatif::ProgressBar::new_spinner();",
    );
    assert_eq!(
        worded_notes(copy.path()),
        [
            "src/store/load.rs:1: let bar = indicatif::ProgressBar::new_spinner();",
            "src/store/snapshot/build.rs:1: Err(e) => notes.push(format!(",
            "src/store/snapshot/mod.rs:1: pub fn open(json: &Path, notes: &mut Vec<String>) -> Result<Snapshot, Error> {",
            "src/kb/lock.rs:1: eprintln!(\"kg: waiting for {}\", path);",
            "src/kb/session.rs:1: let notes: Vec<String> = Vec::new();",
        ]
    );
}
