//! `kg init [DIR]`: create an empty knowledge base.

use super::Outcome;
use crate::cli::InitArgs;
use crate::error::Error;
use crate::kb::Session;
use crate::store::discover::{BASE_NAME, Located};
use std::path::PathBuf;

/// Creates `DIR/kg.json`, or the file `--graph`/`KG_GRAPH` names when no DIR is given.
pub fn run(located: &Located, a: &InitArgs, notes: &mut Vec<String>) -> Result<Outcome, Error> {
    let path = match (&a.dir, located) {
        (Some(dir), _) => dir.join(BASE_NAME),
        (None, Located::Named(p)) => p.clone(),
        (None, _) => PathBuf::from(BASE_NAME),
    };
    Session::create(&path)?;
    notes.push(format!(
        "wrote {}: an empty knowledge base (add articles with: kg add ARTICLE...)",
        path.display()
    ));
    Ok(Outcome::Done)
}
