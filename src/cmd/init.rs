//! `kg init [PATH]`: create an empty knowledge base.

use super::Outcome;
use crate::cli::InitArgs;
use crate::error::Error;
use crate::kb::Session;
use crate::store::discover::{BASE_NAME, Located};
use std::path::{Path, PathBuf};

/// Creates `PATH/kg.json` (or `PATH` itself when it ends in `.json`), or the file
/// `--graph`/`KG_GRAPH` names when no PATH is given. The folder it goes in is created when
/// it is missing.
pub fn run(located: &Located, a: &InitArgs, notes: &mut Vec<String>) -> Result<Outcome, Error> {
    let path = match (&a.path, located) {
        (Some(p), _) if is_json(p) => p.clone(),
        (Some(dir), _) => dir.join(BASE_NAME),
        (None, Located::Named(p)) => p.clone(),
        (None, _) => PathBuf::from(BASE_NAME),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::store::atomic::make_folder(dir).map_err(|source| crate::store::Error::Write {
            path: dir.into(),
            source,
        })?;
    }
    Session::create(&path)?;
    notes.push(format!(
        "wrote {}: an empty knowledge base (add articles with: kg add ARTICLE...)",
        path.display()
    ));
    Ok(Outcome::Done)
}

/// True when `path` names a graph file rather than a folder: it ends in `.json`.
fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}
