//! Atomic writes: a temporary file in the same folder, fsync, rename, fsync the folder.
//!
//! A crash or `kill -9` at any point leaves either the old file or the new one at `path`,
//! never a partial file (a stray `.NAME.tmp-PID` may be left behind; it is never read).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        sync_dir(path);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// `.NAME.tmp-PID` beside `path`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kg".into());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Makes the rename durable: fsync the folder (best effort: not every platform allows
/// opening a folder).
fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("kg.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("kg.json");
        write_atomic(&p, b"old").unwrap();
        // Renaming onto a directory fails: the old content must survive elsewhere.
        let d = dir.path().join("sub");
        fs::create_dir(&d).unwrap();
        fs::write(d.join("x"), b"x").unwrap();
        assert!(write_atomic(&d, b"new").is_err());
        assert_eq!(fs::read(&p).unwrap(), b"old");
    }
}
