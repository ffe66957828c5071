//! Atomic file writes: a file is either its old self or its complete new self, never half
//! written.
//!
//! The new contents go to a temporary file in the same folder, which is flushed, synced to
//! disk and then renamed over the target (a rename within one file system is atomic on
//! POSIX). A failure at any point leaves the target as it was and removes the temporary
//! file.
//!
//! A missing folder on the way to the target is created first (`kg export -o out/g.ttl`
//! makes `out/`).
//!
//! The new file gets the old one's permissions (and, where the user may give them, its
//! owner and group): a shared, group-writable base stays so. A new file gets what
//! `File::create` gives (0666 less the umask), not the temporary file's private 0600.

use std::fs::{File, Metadata};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Replaces (or creates) `path` with what `fill` writes, atomically; creates its folder
/// when it is missing.
pub fn write_file(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    stage_file(path, fill)?.persist()
}

/// A file written in full and synced beside the file it is to replace, not yet in its
/// place: [`Staged::persist`] renames it over that file. Dropped unpersisted, it is
/// removed and the target stays as it was.
///
/// What the rename puts in place has the staged file's length and modification time (a
/// rename changes neither), so a file that describes the target (a snapshot records its
/// base's) can be written from [`Staged::metadata`] before the target is replaced.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
    dir: PathBuf,
}

impl Staged {
    /// The staged file's metadata: what the target's will be once persisted.
    pub fn metadata(&self) -> io::Result<Metadata> {
        self.tmp.as_file().metadata()
    }

    /// The staged file, open for reading and writing (its bytes as written).
    pub fn file(&self) -> &File {
        self.tmp.as_file()
    }

    /// Renames the staged file over the target (atomic on POSIX), then syncs the folder.
    pub fn persist(self) -> io::Result<()> {
        self.tmp.persist(&self.path).map_err(|e| e.error)?;
        // Make the rename itself durable; not every platform can sync a folder.
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Writes what `fill` writes to a temporary file beside `path` (creating the folder when
/// it is missing), flushed and synced, to be put in place by [`Staged::persist`].
pub fn stage_file(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<Staged> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    make_folder(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kg-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode a new file asks for; the umask applies, as for File::create.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir)?;
    if let Ok(old) = std::fs::metadata(path) {
        keep_owner(tmp.path(), &old);
        std::fs::set_permissions(tmp.path(), old.permissions())?;
    }
    let mut out = BufWriter::new(tmp.as_file());
    fill(&mut out)?;
    out.flush()?;
    drop(out);
    tmp.as_file().sync_all()?;
    Ok(Staged {
        tmp,
        path: path.to_path_buf(),
        dir: dir.to_path_buf(),
    })
}

/// Creates the folder `dir` and those above it when they are missing. A file where a
/// folder should be is `NotADirectory` (not the `AlreadyExists` the system says).
pub fn make_folder(dir: &Path) -> io::Result<()> {
    match std::fs::create_dir_all(dir) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(io::Error::from(io::ErrorKind::NotADirectory))
        }
        other => other,
    }
}

/// Gives `new` the owner and group of the file it replaces, as far as this user may (root
/// may give both; others only a group they belong to); otherwise leaves them.
fn keep_owner(new: &Path, old: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::chown(new, Some(old.uid()), Some(old.gid()))
            .or_else(|_| std::os::unix::fs::chown(new, None, Some(old.gid())));
    }
    #[cfg(not(unix))]
    let _ = (new, old);
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

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_new_files_get_the_usual_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        // A new file: what File::create gives (0666 less the umask), not 0600.
        let usual = dir.path().join("usual.txt");
        File::create(&usual).unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"one").unwrap();
        assert_eq!(mode(&path), mode(&usual));
        // A replaced file keeps its mode.
        for kept in [0o664, 0o640, 0o604] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(kept)).unwrap();
            write_atomic(&path, b"two").unwrap();
            assert_eq!(mode(&path), kept);
        }
    }

    #[test]
    fn a_missing_folder_is_made_and_a_file_in_the_way_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/out.txt");
        write_file(&path, |w| w.write_all(b"x")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"x");
        let err = write_file(&path.join("out.txt"), |w| w.write_all(b"x")).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotADirectory);
    }
}
