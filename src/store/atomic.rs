//! Atomic file writes: a file is either its old self or its complete new self, never half
//! written.
//!
//! The new contents go to a temporary file in the same folder, which is flushed, synced to
//! disk and then renamed over the target (a rename within one file system is atomic on
//! POSIX). A failure at any point leaves the target as it was and removes the temporary
//! file. The new file keeps the old one's permissions; a file that did not exist gets
//! what creating it would give (0666 less the umask), not the temporary file's 0600.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Replaces (or creates) `path` with what `fill` writes, atomically.
pub fn write_file(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kg-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder.tempfile_in(dir)?;
    if let Ok(old) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(old.permissions())?;
    }
    let mut out = BufWriter::new(tmp.as_file());
    fill(&mut out)?;
    out.flush()?;
    drop(out);
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable; not every platform can sync a folder.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Replaces (or creates) `path` with `bytes`, atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(path, |w| w.write_all(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_file(&path, |w| w.write_all(b"one")).unwrap();
        write_file(&path, |w| w.write_all(b"two")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_file(&path, |w| w.write_all(b"kept")).unwrap();
        let err = write_file(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"kept");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Regression: files were written with the temporary file's 0600, so `kg add` took
    /// read access away from everyone else.
    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_or_the_usual_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let probe = dir.path().join("probe");
        File::create(&probe).unwrap();
        let new = dir.path().join("new.json");
        write_file(&new, |w| w.write_all(b"{}")).unwrap();
        assert_eq!(mode(&new), mode(&probe));
        let old = dir.path().join("old.json");
        File::create(&old).unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&old, |w| w.write_all(b"{}")).unwrap();
        assert_eq!(mode(&old), 0o640);
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err =
            write_file(&dir.path().join("no/such/out.txt"), |w| w.write_all(b"x")).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
