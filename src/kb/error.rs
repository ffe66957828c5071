//! [`Error`]: what can stop a knowledge base from being opened, read, written or added
//! to, with the files it is about. A graph file's own troubles come from the store
//! ([`crate::store::Error`]) and pass through unchanged.

use super::decisions::BadDecision;
use crate::store;
use std::io;
use std::path::PathBuf;

/// Why a knowledge base could not do what it was asked. Its `Display` is the one line the
/// user sees after `kg: `.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading, checking or writing a graph file (or a file beside it) failed.
    #[error(transparent)]
    Store(#[from] store::Error),
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
    /// The lock timeout (`KG_LOCK_TIMEOUT`) is not a number of seconds.
    #[error("KG_LOCK_TIMEOUT '{value}' is not a number of seconds (like 30 or 0.5)")]
    BadLockTimeout { value: String },
    /// A write command may not write the knowledge base (or create files beside it);
    /// found before any work, so nothing is read, extracted or written.
    #[error("cannot write knowledge base '{}': {why}", path.display())]
    ReadOnlyBase { path: PathBuf, why: String },
    /// A base's journal (see [`super::journal`]) could not be read or does not fit the
    /// base.
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
    BadDecisions { path: PathBuf, source: BadDecision },
    /// An article file could not be read.
    #[error("cannot read article '{}': {}", path.display(), store::describe(source))]
    ReadArticle { path: PathBuf, source: io::Error },
    /// An article file was read but is not an article kg can use.
    #[error("cannot use article '{}': {message}", path.display())]
    BadArticle { path: PathBuf, message: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_message_names_its_files() {
        let cases = [
            (
                Error::MissingBase {
                    path: "b/kg.json".into(),
                },
                "knowledge base 'b/kg.json' does not exist: create it with 'kg --graph b/kg.json init'",
            ),
            (
                Error::BaseExists {
                    path: "kg.json".into(),
                },
                "'kg.json' already exists: kg init never overwrites a file",
            ),
            (
                Error::Locked {
                    path: "kg.json".into(),
                    lock: "kg.json.lock".into(),
                    secs: 30,
                },
                "another kg is still writing 'kg.json' after 30s (lock 'kg.json.lock'): try again when it is done, or raise KG_LOCK_TIMEOUT",
            ),
            (
                Error::BadLockTimeout {
                    value: "soon".into(),
                },
                "KG_LOCK_TIMEOUT 'soon' is not a number of seconds (like 30 or 0.5)",
            ),
            (
                Error::ReadOnlyBase {
                    path: "kg.json".into(),
                    why: "permission denied".into(),
                },
                "cannot write knowledge base 'kg.json': permission denied",
            ),
            (
                Error::BadJournal {
                    path: "kg.json.journal".into(),
                    message: "line 2: expected value".into(),
                },
                "journal 'kg.json.journal' is not valid: line 2: expected value",
            ),
            (
                Error::StaleJournal {
                    journal: "kg.json.journal".into(),
                    base: "kg.json".into(),
                },
                "'kg.json.journal' holds articles added to another version of 'kg.json' (it changed since): run 'kg --graph kg.json compact' to add them to it again",
            ),
            (
                Error::NewerBase {
                    path: "kg.json".into(),
                    message: "was written by a newer kg".into(),
                },
                "'kg.json' was written by a newer kg; it was left unchanged",
            ),
            (
                Error::BadDecisions {
                    path: "kg.aliases".into(),
                    source: BadDecision {
                        line: 3,
                        message: "unknown verb 'join'".into(),
                    },
                },
                "decisions file 'kg.aliases' is not valid: line 3: unknown verb 'join'",
            ),
            (
                Error::ReadArticle {
                    path: "a.txt".into(),
                    source: io::Error::from(io::ErrorKind::NotFound),
                },
                "cannot read article 'a.txt': no such file",
            ),
            (
                Error::BadArticle {
                    path: "a.json".into(),
                    message: "it holds 2 sources".into(),
                },
                "cannot use article 'a.json': it holds 2 sources",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
    }

    /// The store's errors pass through as the store words them.
    #[test]
    fn a_store_error_keeps_its_message() {
        let e = Error::from(store::Error::Write {
            path: "kg.json".into(),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        });
        assert_eq!(e.to_string(), "cannot write 'kg.json': permission denied");
    }
}
