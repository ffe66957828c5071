//! [`Error`]: everything that can stop a `kg` command, with the message the user sees.
//!
//! The store and the knowledge base have their own errors ([`crate::store::Error`],
//! [`crate::kb::Error`]); they are converted here, at the edge, keeping their messages,
//! so the commands use `?` on them. The variants below are the commands' own.

use crate::exit::Exit;
use crate::query::NameError;
use crate::store::describe;
use std::io;
use std::path::PathBuf;

/// An error that ends a command. Its `Display` is the one line printed after `kg: `.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line is wrong in a way clap cannot see.
    #[error("{0}")]
    Usage(String),
    /// A graph file could not be read, checked or written, or its snapshot made.
    #[error(transparent)]
    Store(#[from] crate::store::Error),
    /// A knowledge base could not be opened, read, written or added to.
    #[error(transparent)]
    Kb(#[from] crate::kb::Error),
    /// A name did not resolve to one entity.
    #[error(transparent)]
    Name(#[from] NameError),
    /// A program kg needs is not installed.
    #[error("{program} is not installed ({why})")]
    Missing {
        program: &'static str,
        why: &'static str,
    },
    /// A write command found no knowledge base to write to.
    #[error(
        "no knowledge base to write to (no kg.json here or above, no --graph, no KG_GRAPH): create one with 'kg init'"
    )]
    NoBase,
    /// `kg remove` named no article of the base.
    #[error("no article '{id}' in '{}' (try 'kg sources')", path.display())]
    UnknownSource { id: String, path: PathBuf },
    /// `kg split` named a name the entity does not go by.
    #[error("'{alias}' is not an alias of {entity} ({}; to give what some articles say of it to another entity: kg split '{entity}' --source ARTICLE)", if aliases.is_empty() { "it has none".to_string() } else { format!("its aliases: {}", aliases.join(", ")) })]
    NotAnAlias {
        alias: String,
        entity: String,
        aliases: Vec<String>,
    },
    /// `kg split --source` named an article that says nothing of the entity.
    #[error("article '{id}' has no facts about {entity} (kg show '{entity}' lists its sources)")]
    NotInArticle { id: String, entity: String },
    /// `kg merge` named one entity twice.
    #[error("'{a}' and '{b}' are already one entity: {name}")]
    SameEntity { a: String, b: String, name: String },
    /// An evaluation set could not be read or scored.
    #[error(transparent)]
    Eval(#[from] crate::eval::corpus::CorpusError),
    /// Writing the output failed.
    #[error("cannot write output: {}", describe(.0))]
    Output(#[from] io::Error),
}

impl Error {
    /// The exit status this error ends the process with.
    pub fn exit(&self) -> Exit {
        Exit::Failure
    }

    /// True when the reader of the output went away (`kg dot | head -1`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_clear_line() {
        let e = Error::from(crate::store::Error::ReadGraph {
            path: "x.json".into(),
            source: io::Error::from(io::ErrorKind::NotFound),
        });
        assert_eq!(
            e.to_string(),
            "cannot read graph file 'x.json': no such file"
        );
        assert_eq!(e.exit(), Exit::Failure);
        assert!(Error::Output(io::Error::from(io::ErrorKind::BrokenPipe)).is_broken_pipe());
    }
}
