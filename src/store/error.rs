//! [`Error`]: what can go wrong reading, checking, writing or snapshotting a graph file,
//! with the path it happened to; and [`describe`], an I/O error as a short phrase.
//!
//! The store knows nothing of the layers above it: the knowledge base wraps this error in
//! its own, and the application's error wraps both, keeping each message as it is here.

use super::LoadError;
use std::io;
use std::path::PathBuf;

/// Why the store could not do what it was asked. Its `Display` is the one line the user
/// sees after `kg: `.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A graph file (or a file kept beside it: its snapshot, journal or decisions) could
    /// not be read.
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
    /// A file (or folder) could not be written; a file that was there before is
    /// untouched.
    #[error("cannot write '{}': {}", path.display(), match source.kind() {
        io::ErrorKind::NotFound => "its folder does not exist".to_string(),
        _ => describe(source),
    })]
    Write { path: PathBuf, source: io::Error },
    /// A snapshot could not be made of a graph file.
    #[error("cannot make snapshot '{}': {message}", path.display())]
    Snapshot { path: PathBuf, message: String },
    /// The snapshot policy (`--snapshot`, `KG_SNAPSHOT`) names no policy.
    #[error("KG_SNAPSHOT is '{value}': expected auto, always or never")]
    BadPolicy { value: String },
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

    fn missing() -> io::Error {
        io::Error::from(io::ErrorKind::NotFound)
    }

    #[test]
    fn each_message_names_its_file() {
        let cases = [
            (
                Error::ReadGraph {
                    path: "kg.json".into(),
                    source: io::Error::from(io::ErrorKind::PermissionDenied),
                },
                "cannot read graph file 'kg.json': permission denied",
            ),
            (
                Error::BadGraph {
                    path: "kg.json".into(),
                    source: LoadError::Syntax {
                        line: 3,
                        column: 7,
                        message: "expected `,`".into(),
                    },
                },
                "graph file 'kg.json' is not valid: line 3, column 7: expected `,`",
            ),
            (
                Error::BadNodeLink {
                    path: "g.json".into(),
                    message: "a link names no node 'x'".into(),
                },
                "node-link file 'g.json' is not valid: a link names no node 'x'",
            ),
            (
                Error::Write {
                    path: "out/kg.json".into(),
                    source: missing(),
                },
                "cannot write 'out/kg.json': its folder does not exist",
            ),
            (
                Error::Write {
                    path: "kg.json".into(),
                    source: io::Error::from(io::ErrorKind::PermissionDenied),
                },
                "cannot write 'kg.json': permission denied",
            ),
            (
                Error::Snapshot {
                    path: "kg.json.snap".into(),
                    message: "the snapshot just built does not read back: it is cut short".into(),
                },
                "cannot make snapshot 'kg.json.snap': the snapshot just built does not read back: it is cut short",
            ),
            (
                Error::BadPolicy {
                    value: "sometimes".into(),
                },
                "KG_SNAPSHOT is 'sometimes': expected auto, always or never",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn io_errors_read_as_short_phrases() {
        assert_eq!(describe(&missing()), "no such file");
        assert_eq!(
            describe(&io::Error::from(io::ErrorKind::NotADirectory)),
            "a file stands where a folder should be"
        );
        assert_eq!(describe(&io::Error::other("disk on fire")), "disk on fire");
    }
}
