//! [`WriteLock`]: the advisory lock that serialises writers of a knowledge base.
//!
//! The lock is `NAME.lock` beside the base (`kg.json.lock`), locked with std's
//! `File::try_lock` (flock on Unix). It is released when the process exits, however it
//! exits, so a killed writer never leaves a stale lock. Readers do not lock: writes are
//! atomic renames, so a reader always sees a whole file.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
    pub path: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process held it for the whole timeout.
    Timeout { lock: PathBuf, waited: Duration },
    /// The lock file could not be opened.
    Io { lock: PathBuf, source: io::Error },
}

/// The lock file for a base: `kg.json` -> `kg.json.lock`.
pub fn lock_path(base: &Path) -> PathBuf {
    let mut s = base.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

impl WriteLock {
    /// Takes the lock for `base`, waiting up to `timeout`. `on_wait` is called once, when
    /// the lock is found taken, so the caller can say that it waits.
    pub fn acquire(
        base: &Path,
        timeout: Duration,
        on_wait: impl FnOnce(&Path),
    ) -> Result<WriteLock, LockError> {
        let lock = lock_path(base);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock)
            .map_err(|source| LockError::Io {
                lock: lock.clone(),
                source,
            })?;
        let start = Instant::now();
        let mut on_wait = Some(on_wait);
        loop {
            match file.try_lock() {
                Ok(()) => {
                    return Ok(WriteLock {
                        _file: file,
                        path: lock,
                    });
                }
                Err(std::fs::TryLockError::WouldBlock) => {}
                Err(std::fs::TryLockError::Error(source)) => {
                    return Err(LockError::Io { lock, source });
                }
            }
            if let Some(f) = on_wait.take() {
                f(&lock);
            }
            if start.elapsed() >= timeout {
                return Err(LockError::Timeout {
                    lock,
                    waited: start.elapsed(),
                });
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_taker_waits_then_times_out() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("kg.json");
        let held = WriteLock::acquire(&base, Duration::ZERO, |_| panic!("free")).unwrap();
        assert!(held.path.ends_with("kg.json.lock"));
        let mut waited = false;
        let err = WriteLock::acquire(&base, Duration::from_millis(50), |_| waited = true);
        assert!(matches!(err, Err(LockError::Timeout { .. })));
        assert!(waited);
        drop(held);
        WriteLock::acquire(&base, Duration::ZERO, |_| panic!("released")).unwrap();
    }
}
