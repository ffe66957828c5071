//! Reading a graph file whole: the JSON (or the node-link JSON `kg export --format json`
//! writes) parsed and checked into a [`KnowledgeGraph`], or the graph kg embeds when there
//! is no file. A base's journal goes on top in the knowledge base's `load`, a layer above.

use crate::model::KnowledgeGraph;
use crate::store::nodelink;
use crate::store::{self, Error, LoadError};
use std::any::Any;
use std::path::Path;
use std::sync::OnceLock;

/// From this size (1 GiB) a graph file is parsed from a memory map of it, dropped before
/// the graph is built, rather than from its text read into memory and held until the
/// graph is checked: the text of a 10M-fact base is another 3 GB.
pub const MAP_FROM_BYTES: u64 = 1 << 30;

/// The knowledge graph built from the articles in `graph/`, embedded at build time.
pub const EMBEDDED_GRAPH: &str = include_str!("../../graph/graph.json");

/// Reads and checks the graph file at `path` (without its journal), or the embedded graph
/// when there is none. A node-link JSON file (`kg export --format json`) is read as well.
pub fn load_base(path: Option<&Path>) -> Result<KnowledgeGraph, Error> {
    let Some(path) = path else {
        return store::from_json(EMBEDDED_GRAPH).map_err(Error::BadEmbeddedGraph);
    };
    let _spinner = reading(path);
    // A very large file is parsed from a memory map, without holding its text (as much
    // memory again as half the graph) while the graph is built; any problem is then
    // reported from the text.
    let large = std::fs::metadata(path).is_ok_and(|m| m.len() >= MAP_FROM_BYTES);
    if large && let Some(graph) = store::json::from_path_mapped(path) {
        return Ok(graph);
    }
    let text = std::fs::read_to_string(path).map_err(|source| Error::ReadGraph {
        path: path.into(),
        source,
    })?;
    let bad = |source| Error::BadGraph {
        path: path.into(),
        source,
    };
    match store::from_json(&text) {
        // Not a graph file, but maybe what `kg export --format json` writes.
        Err(LoadError::Syntax { message, .. })
            if message.starts_with("missing field") && is_node_link(&text) =>
        {
            let file = nodelink::read(&text).map_err(|e| Error::BadNodeLink {
                path: path.into(),
                message: e.to_string(),
            })?;
            KnowledgeGraph::from_file(file).map_err(|invalid| {
                bad(LoadError::Invalid {
                    line: None,
                    invalid,
                })
            })
        }
        other => other.map_err(bad),
    }
}

/// From this size (50 MB, about a second to read) a graph file being read is told to the
/// [`ReadingHook`], so a layer above can show that kg is busy.
pub const SPIN_FROM_BYTES: u64 = 50 << 20;

/// What a layer above does while the store reads a large graph file: given the file and
/// its size in bytes, it may return a guard (a spinner, say) that is dropped when the
/// reading ends. The store words nothing itself; `run` installs print's spinner.
pub type ReadingHook = fn(&Path, u64) -> Option<Box<dyn Any>>;

static READING: OnceLock<ReadingHook> = OnceLock::new();

/// Installs the hook told about large graph files as they are read (the first one
/// installed stays: the process has one way of showing progress).
pub fn on_reading(hook: ReadingHook) {
    let _ = READING.set(hook);
}

/// The installed hook's guard for reading `path`, when the file is at least
/// [`SPIN_FROM_BYTES`] long.
fn reading(path: &Path) -> Option<Box<dyn Any>> {
    let hook = READING.get()?;
    let size = std::fs::metadata(path).ok()?.len();
    if size < SPIN_FROM_BYTES {
        return None;
    }
    hook(path, size)
}

/// True when a JSON document has the top-level `nodes` and `links` (or `edges`) arrays
/// of networkx's node-link format.
fn is_node_link(text: &str) -> bool {
    let Ok(serde_json::Value::Object(doc)) = serde_json::from_str::<serde_json::Value>(text) else {
        return false;
    };
    doc.get("nodes").is_some_and(|v| v.is_array())
        && (doc.get("links").or_else(|| doc.get("edges"))).is_some_and(|v| v.is_array())
}
