//! Reading a graph file whole: the JSON (or the node-link JSON `kg export --format json`
//! writes) parsed and checked into a [`KnowledgeGraph`], or the graph kg embeds when there
//! is no file. A base's journal goes on top in the knowledge base's `load`, a layer above.

use crate::model::KnowledgeGraph;
use crate::store::nodelink;
use crate::store::{self, Error, LoadError};
use std::io::{self, IsTerminal};
use std::path::Path;

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

/// From this size (50 MB, about a second to read) a graph file being read shows a spinner
/// on a terminal.
pub const SPIN_FROM_BYTES: u64 = 50 << 20;

/// A spinner on stderr, `reading FILE (N MB)`, while a large graph file is read, when
/// stderr is a terminal; it is cleared when dropped.
fn reading(path: &Path) -> Option<Spinner> {
    let size = std::fs::metadata(path).ok()?.len();
    if size < SPIN_FROM_BYTES || !io::stderr().is_terminal() {
        return None;
    }
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(indicatif::ProgressStyle::default_spinner());
    bar.set_message(format!("reading {} ({} MB)", path.display(), size >> 20));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(Spinner(bar))
}

/// A spinner that clears its line when it goes.
struct Spinner(indicatif::ProgressBar);

impl Drop for Spinner {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
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
