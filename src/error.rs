//! [`Error`]: everything that can stop a `kg` command, with the message the user sees.

use crate::exit::Exit;
use crate::query::NameError;
use crate::store::LoadError;
use std::io;
use std::path::PathBuf;

/// An error that ends a command. Its `Display` is the one line printed after `kg: `.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line is wrong in a way clap cannot see.
    #[error("{0}")]
    Usage(String),
    /// A graph file could not be read.
    #[error("cannot read graph file '{}': {}", path.display(), describe(source))]
    ReadGraph { path: PathBuf, source: io::Error },
    /// A graph file was read but is not a valid graph.
    #[error("graph file '{}' is not valid: {source}", path.display())]
    BadGraph { path: PathBuf, source: LoadError },
    /// A node-link JSON file given as a graph could not be read.
    #[error("node-link file '{}' is not valid: {message}", path.display())]
    BadNodeLink { path: PathBuf, message: String },
    /// The embedded default graph is broken (a bug in this build of kg).
    #[error("the embedded graph is not valid: {0}")]
    BadEmbeddedGraph(LoadError),
    /// A name did not resolve to one entity.
    #[error(transparent)]
    Name(#[from] NameError),
    /// An output file (or folder) could not be written; a file that was there before is
    /// untouched.
    #[error("cannot write '{}': {}", path.display(), match source.kind() {
        io::ErrorKind::NotFound => "its folder does not exist".to_string(),
        _ => describe(source),
    })]
    Write { path: PathBuf, source: io::Error },
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
    /// The named knowledge base does not exist.
    #[error("knowledge base '{}' does not exist: create it with 'kg --graph {} init'", path.display(), path.display())]
    MissingBase { path: PathBuf },
    /// `kg init` found a file where it would create the base.
    #[error("'{}' already exists: kg init never overwrites a file", path.display())]
    BaseExists { path: PathBuf },
    /// Another writer held the lock for the whole timeout.
    #[error("another kg is still writing '{}' after {secs}s (lock '{}'): try again when it is done, or raise KG_LOCK_TIMEOUT", path.display(), lock.display())]
    Locked {
        path: PathBuf,
        lock: PathBuf,
        secs: u64,
    },
    /// A write command may not write the knowledge base (or create files beside it);
    /// found before any work, so nothing is read, extracted or written.
    #[error("cannot write knowledge base '{}': {why}", path.display())]
    ReadOnlyBase { path: PathBuf, why: String },
    /// A base's journal (see [`crate::kb::journal`]) could not be read or does not fit
    /// the base.
    #[error("journal '{}' is not valid: {message}", path.display())]
    BadJournal { path: PathBuf, message: String },
    /// A base's journal extends another version of the base: the base was rewritten or
    /// replaced since the journal was written.
    #[error("'{}' holds articles added to another version of '{}' (it changed since): run 'kg --graph {} compact' to add them to it again", journal.display(), base.display(), base.display())]
    StaleJournal { journal: PathBuf, base: PathBuf },
    /// The base was written by a newer kg.
    #[error("'{}' {message}; it was left unchanged", path.display())]
    NewerBase { path: PathBuf, message: String },
    /// The decisions file is not valid.
    #[error("decisions file '{}' is not valid: {source}", path.display())]
    BadDecisions {
        path: PathBuf,
        source: crate::kb::decisions::BadDecision,
    },
    /// An article file could not be read.
    #[error("cannot read article '{}': {}", path.display(), describe(source))]
    ReadArticle { path: PathBuf, source: io::Error },
    /// An article file was read but is not an article kg can use.
    #[error("cannot use article '{}': {message}", path.display())]
    BadArticle { path: PathBuf, message: String },
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
    /// A snapshot could not be made of a graph file.
    #[error("cannot make snapshot '{}': {message}", path.display())]
    Snapshot { path: PathBuf, message: String },
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

/// An I/O error as a short phrase, without the OS error number.
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        io::ErrorKind::InvalidData => "it is not UTF-8 text".to_string(),
        io::ErrorKind::NotADirectory => "a file stands where a folder should be".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_clear_line() {
        let e = Error::ReadGraph {
            path: "x.json".into(),
            source: io::Error::from(io::ErrorKind::NotFound),
        };
        assert_eq!(
            e.to_string(),
            "cannot read graph file 'x.json': no such file"
        );
        assert_eq!(e.exit(), Exit::Failure);
        assert!(Error::Output(io::Error::from(io::ErrorKind::BrokenPipe)).is_broken_pipe());
    }
}
