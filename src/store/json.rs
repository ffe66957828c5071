//! The JSON graph file: parse and check it, or write it in canonical form.
//!
//! The format is described in [`crate::model::GraphFile`]. Errors carry the line they
//! are about, so a user can open the file at the right place.

use crate::model::{GraphFile, Invalid, KnowledgeGraph};
use crate::store::snapshot::map::Bytes;
use std::io::{self, Write};

/// Why a graph file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The bytes are not JSON of the graph file's shape.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON is well-formed but says something impossible.
    #[error("{}{invalid}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Invalid {
        line: Option<usize>,
        invalid: Invalid,
    },
}

/// Parses and checks a graph file.
///
/// # Complexity
/// O(n) in the length of the text, plus O(V + E) to build the graph.
pub fn from_json(text: &str) -> Result<KnowledgeGraph, LoadError> {
    let file: GraphFile = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line().max(1),
        column: e.column().max(1),
        message: clean_serde_message(&e),
    })?;
    KnowledgeGraph::from_file(file).map_err(|invalid| LoadError::Invalid {
        line: line_of(text, &invalid),
        invalid,
    })
}

/// How often [`from_path_mapped`] takes the pages it has parsed out of resident memory.
pub const RELEASE_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

/// Reads and checks a graph file from a read-only memory map of it, without copying its
/// text into memory; `None` when it cannot be read or is not a valid graph (read it with
/// [`from_json`] to learn why, with the line).
///
/// The mapped pages are the page cache's, but they count in the process's resident
/// memory while mapped. So that they do not all add to the parsed file at the end of the
/// parse, a second thread takes the map's pages out of resident memory every
/// [`RELEASE_EVERY`] while it is parsed ([`Bytes::release_resident`]; the parser maps
/// back in only the pages it still reads, from the page cache), and the map is dropped as
/// soon as the file is parsed, before the graph is built from it (the text path holds the
/// text until the graph is checked).
///
/// # Complexity
/// O(n) in the file's length; memory for the graph, plus the pages the parser reads in
/// [`RELEASE_EVERY`].
pub fn from_path_mapped(path: &std::path::Path) -> Option<KnowledgeGraph> {
    let file = std::fs::File::open(path).ok()?;
    let bytes = Bytes::map(&file).ok()?;
    if let Bytes::Mapped(map) = &bytes {
        // Read once, front to back: more read-ahead, and the pages are easier to reclaim.
        // Only a hint: the parse is the same without it.
        let _ = map.advise(memmap2::Advice::Sequential);
    }
    let parsed = std::thread::scope(|s| {
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let released = &bytes;
        s.spawn(move || {
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                stopped.recv_timeout(RELEASE_EVERY)
            {
                // Only memory: the parse is the same if this fails.
                let _ = released.release_resident();
            }
        });
        let parsed = serde_json::from_slice::<GraphFile>(&bytes);
        drop(stop);
        parsed
    })
    .ok()?;
    drop(bytes);
    KnowledgeGraph::from_file(parsed).ok()
}

/// The graph file for a graph: pretty JSON in canonical order, ending in a newline.
pub fn to_json(graph: &KnowledgeGraph) -> String {
    let mut s = serde_json::to_string_pretty(&graph.to_file()).expect("graph files serialize");
    s.push('\n');
    s
}

/// Writes [`to_json`]'s text to `out` as it goes, never holding the whole text in memory
/// (the graph of a 50 MB article is hundreds of megabytes of JSON).
pub fn write_json(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &graph.to_file())?;
    out.write_all(b"\n")
}

/// serde_json's message without the " at line L column C" it appends (the error carries
/// those, for a message that names the line its own way).
pub fn bare_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

/// serde_json's message without the " at line L column C" it appends (the error carries
/// those), and with the graph file's shape named in words a user knows.
fn clean_serde_message(e: &serde_json::Error) -> String {
    bare_message(e).replace(
        "expected struct GraphFile",
        "expected a graph file object with \"version\", \"entities\" and \"facts\"",
    )
}

/// The 1-based line where the key and value an error is about stand (the last such place
/// for a duplicate id, the first otherwise).
fn line_of(text: &str, invalid: &Invalid) -> Option<usize> {
    let (key, value) = invalid.locator()?;
    let key = format!("\"{key}\"");
    let value = serde_json::to_string(value).ok()?;
    let mut places = text.match_indices(&value).map(|(i, _)| i).filter(|&i| {
        let before = text[..i].trim_end();
        before
            .strip_suffix(':')
            .is_some_and(|b| b.trim_end().ends_with(&key))
    });
    let at = match invalid {
        Invalid::DuplicateId { .. } => places.last()?,
        _ => places.next()?,
    };
    Some(text[..at].bytes().filter(|&b| b == b'\n').count() + 1)
}
#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"version": 1,
 "entities": [{"id": "a", "name": "A", "kind": "person"},
              {"id": "b", "name": "B", "kind": "country"}],
 "facts": [{"subject": "a", "relation": "leads", "object": "b"}]}"#;

    #[test]
    fn minimal_hand_written_file_loads() {
        let g = from_json(MINIMAL).unwrap();
        assert_eq!((g.entity_count(), g.fact_count()), (2, 1));
    }

    #[test]
    fn output_is_canonical_and_stable() {
        let once = to_json(&from_json(MINIMAL).unwrap());
        let twice = to_json(&from_json(&once).unwrap());
        assert_eq!(once, twice);
        assert!(once.ends_with("}\n"));
        let mut streamed = Vec::new();
        write_json(&from_json(MINIMAL).unwrap(), &mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), once);
    }

    #[test]
    fn unknown_fields_survive() {
        let text = MINIMAL.replace(
            r#""kind": "person""#,
            r#""kind": "person", "wikidata": "Q7747""#,
        );
        let out = to_json(&from_json(&text).unwrap());
        assert!(out.contains(r#""wikidata": "Q7747""#), "{out}");
    }

    /// Regression (found by the graph_file fuzz target): a float in an unknown field was
    /// read back one unit in the last place off, so writing a loaded file twice gave
    /// different bytes. serde_json now parses floats exactly (`float_roundtrip`).
    #[test]
    fn unknown_floats_round_trip_exactly() {
        let text = MINIMAL.replace(
            r#""kind": "person""#,
            r#""kind": "person", "score": [669, 1.2904444444444443e+97, 0.1, 5e-324]"#,
        );
        let once = to_json(&from_json(&text).unwrap());
        assert!(once.contains("1.2904444444444443e+97"), "{once}");
        let twice = to_json(&from_json(&once).unwrap());
        assert_eq!(once, twice);
    }

    #[test]
    fn mapped_reads_the_same_graph_and_gives_up_on_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        std::fs::write(&path, MINIMAL).unwrap();
        let mapped = from_path_mapped(&path).unwrap();
        assert_eq!(to_json(&mapped), to_json(&from_json(MINIMAL).unwrap()));
        std::fs::write(&path, MINIMAL.replace(r#""b"}]}"#, r#""zz"}]}"#)).unwrap();
        assert!(from_path_mapped(&path).is_none());
        assert!(from_path_mapped(&dir.path().join("missing.json")).is_none());
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let err = from_json("{\n\"version\": 1,\n\"entities\": [}\n").unwrap_err();
        assert!(matches!(err, LoadError::Syntax { line: 3, .. }), "{err:?}");
        let err = from_json(r#"{"version": 1}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 1, column 14: missing field `entities`"
        );
    }

    #[test]
    fn invalid_files_name_the_line() {
        let text = MINIMAL.replace(r#""object": "b""#, r#""object": "zz""#);
        assert_eq!(
            from_json(&text).unwrap_err().to_string(),
            "line 4: fact object 'zz' names no entity"
        );
        let text = MINIMAL.replace(r#""id": "b""#, r#""id": "a""#);
        assert_eq!(
            from_json(&text).unwrap_err().to_string(),
            "line 3: entity id 'a' is used twice"
        );
    }
}
