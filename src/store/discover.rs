//! Which knowledge base a command uses: `--graph FILE`, else `KG_GRAPH`, else a `kg.json`
//! found by walking up from the current folder (as git finds `.git`), else the graph
//! embedded in kg (read-only).

use std::path::{Path, PathBuf};

/// The file name of a knowledge base, found by walking up.
pub const BASE_NAME: &str = "kg.json";

/// Where the graph comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Located {
    /// Named by `--graph` or `KG_GRAPH` (clap merges the two; the flag wins).
    Named(PathBuf),
    /// A `kg.json` found in the current folder or above it.
    Found(PathBuf),
    /// No file: the embedded graph, read-only.
    Embedded,
}

impl Located {
    /// The file, if there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Located::Named(p) | Located::Found(p) => Some(p),
            Located::Embedded => None,
        }
    }
}

/// Decides where the graph comes from, given `--graph`/`KG_GRAPH` and the current folder.
pub fn locate(named: Option<&Path>, cwd: &Path) -> Located {
    if let Some(p) = named {
        return Located::Named(p.to_path_buf());
    }
    match walk_up(cwd) {
        Some(p) => Located::Found(p),
        None => Located::Embedded,
    }
}

/// The nearest `kg.json` in `dir` or one of its ancestors, named relative to `dir` when it
/// is in `dir` itself (so messages say `kg.json`, not a long absolute path).
pub fn walk_up(dir: &Path) -> Option<PathBuf> {
    let here = dir.join(BASE_NAME);
    if here.is_file() {
        return Some(PathBuf::from(BASE_NAME));
    }
    dir.ancestors()
        .skip(1)
        .map(|d| d.join(BASE_NAME))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_then_walk_up_then_embedded() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(locate(None, &sub), Located::Embedded);
        std::fs::write(dir.path().join("kg.json"), "{}").unwrap();
        assert_eq!(
            locate(None, &sub),
            Located::Found(dir.path().join("kg.json"))
        );
        assert_eq!(
            locate(None, dir.path()),
            Located::Found(PathBuf::from("kg.json"))
        );
        assert_eq!(
            locate(Some(Path::new("x.json")), &sub),
            Located::Named("x.json".into())
        );
    }
}
