//! [`Session`]: a write command's hold on a knowledge base: the writers' lock, the base
//! and its decisions as read, and an atomic save that writes only what changed.
//!
//! The lock is taken before the base is read, so two writers never lose each other's
//! work: the second waits (saying so on stderr) up to `KG_LOCK_TIMEOUT` seconds (default
//! 30), then fails. A base that cannot be read is reported and never overwritten; one
//! that cannot be written (read-only file or folder) is refused before anything else.
//! What was written is said as a note on stderr (`kg: wrote kg.json (...)`), as for every
//! command that writes files. The articles of the base's journal (see [`super::journal`])
//! are added on opening, and the journal removed once the base is saved. A saved base
//! gets its snapshot written too (when `KG_SNAPSHOT`'s policy gives it one), from the
//! graph in memory, so that the queries after a write read it instead of building it.

use super::Error;
use super::decisions::{Decisions, decisions_path};
use super::note::{Note, Tally};
use super::{Journal, KbError, KnowledgeBase};
use crate::store::Error as StoreError;
use crate::store::snapshot::Policy;
use crate::store::snapshot::stream::Stream;
use crate::store::{LockError, WriteLock, stage_file, write_atomic};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

/// How long a writer waits for another to finish, unless `KG_LOCK_TIMEOUT` says otherwise.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// The length and 128-bit hash of a text, taken as it is written: tells a new text from
/// the old without holding either.
#[derive(Default)]
struct Digest {
    len: u64,
    hasher: xxhash_rust::xxh3::Xxh3,
}

impl Digest {
    fn of(bytes: &[u8]) -> Digest {
        let mut d = Digest::default();
        d.hasher.update(bytes);
        d.len = bytes.len() as u64;
        d
    }
}

impl PartialEq for Digest {
    fn eq(&self, other: &Digest) -> bool {
        self.len == other.len && self.hasher.digest128() == other.hasher.digest128()
    }
}

impl io::Write for Digest {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.hasher.update(bytes);
        self.len += bytes.len() as u64;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// An open knowledge base, locked for writing until dropped.
pub struct Session {
    pub path: PathBuf,
    pub kb: KnowledgeBase,
    pub decisions: Decisions,
    /// The base's text as read, as its digest: the text itself is as large as the base.
    original: Digest,
    original_decisions: String,
    migrated: Option<u32>,
    /// The journal whose articles were added (and removals made) on opening, with their
    /// numbers: removed once the base is saved.
    journal: Option<(PathBuf, usize, usize, usize)>,
    _lock: WriteLock,
}

/// `--lock-timeout` / `KG_LOCK_TIMEOUT` as the command line gave it, set once by
/// [`set_lock_timeout`] before any write. Every writer (sessions, appends, the fold) takes
/// the lock, so it is one setting of the process rather than an argument of each.
static LOCK_TIMEOUT: OnceLock<Option<String>> = OnceLock::new();

/// Sets the lock timeout writers wait (seconds, as given on the command line or in
/// `KG_LOCK_TIMEOUT`; `None`: the default). Checked when a writer takes the lock. Only the
/// first call counts.
pub fn set_lock_timeout(value: Option<String>) {
    let _ = LOCK_TIMEOUT.set(value);
}

/// What a layer above does when a writer must wait for another kg's lock: given the
/// knowledge base and the lock file, it tells the user (the knowledge base words nothing
/// itself; `run` installs print's note). Set once by [`on_waiting`].
pub type WaitingHook = fn(&Path, &Path);

static WAITING: OnceLock<WaitingHook> = OnceLock::new();

/// Installs the hook told when a writer starts waiting for the lock. Only the first call
/// counts.
pub fn on_waiting(hook: WaitingHook) {
    let _ = WAITING.set(hook);
}

/// `--snapshot` / `KG_SNAPSHOT` as the command line gave it, set once by
/// [`set_snapshot_policy`]: the writers that write a snapshot with the base (`kg compact`,
/// and every whole-base write) follow it as the queries do.
static SNAPSHOT_POLICY: OnceLock<Option<String>> = OnceLock::new();

/// Sets the snapshot policy writers follow (`auto`, `always`, `never`; `None`: auto).
/// Only the first call counts.
pub fn set_snapshot_policy(value: Option<String>) {
    let _ = SNAPSHOT_POLICY.set(value);
}

/// The snapshot policy [`set_snapshot_policy`] set; a value that names none is refused.
pub(crate) fn snapshot_policy() -> Result<Policy, Error> {
    Ok(Policy::parse(
        SNAPSHOT_POLICY.get().and_then(Option::as_deref),
    )?)
}

/// The lock timeout: the one [`set_lock_timeout`] set (seconds) or the default; one too
/// long to count is forever. Anything but a number of seconds is refused, naming the value.
fn lock_timeout() -> Result<Duration, Error> {
    let Some(text) = LOCK_TIMEOUT.get().and_then(Option::as_deref) else {
        return Ok(DEFAULT_LOCK_TIMEOUT);
    };
    if text.trim().is_empty() {
        return Ok(DEFAULT_LOCK_TIMEOUT);
    }
    match text.trim().parse::<f64>() {
        Ok(secs) if secs >= 0.0 => Ok(Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX)),
        _ => Err(Error::BadLockTimeout {
            value: text.to_string(),
        }),
    }
}

pub(super) fn lock(path: &Path) -> Result<WriteLock, Error> {
    let timeout = lock_timeout()?;
    WriteLock::acquire(path, timeout, |lock| {
        if let Some(hook) = WAITING.get() {
            hook(path, lock);
        }
    })
    .map_err(|e| match e {
        LockError::Timeout { lock, waited } => Error::Locked {
            path: path.into(),
            lock,
            secs: waited.as_secs(),
        },
        LockError::Io { lock, source } => StoreError::Write { path: lock, source }.into(),
    })
}

pub(super) fn read_decisions(path: &Path) -> Result<(Decisions, String), Error> {
    let dpath = decisions_path(path);
    let text = match std::fs::read_to_string(&dpath) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(StoreError::ReadGraph {
                path: dpath,
                source,
            }
            .into());
        }
    };
    let d = Decisions::parse(&text).map_err(|source| Error::BadDecisions {
        path: dpath,
        source,
    })?;
    Ok((d, text))
}

/// Checks, without changing anything, that the base at `path` can be replaced as
/// [`write_atomic`] does: the file opens for writing (a read-only base is the user saying
/// "do not change this", even in a folder that would let a rename replace it) and its
/// folder takes a new file (the temporary file, and the lock). A missing base passes: the
/// read that follows says so.
pub(super) fn check_writable(path: &Path) -> Result<(), Error> {
    let refuse = |why: String| Error::ReadOnlyBase {
        path: path.into(),
        why,
    };
    match std::fs::OpenOptions::new().write(true).open(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(refuse(crate::store::describe(&e))),
        Ok(_) => {}
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    tempfile::Builder::new()
        .prefix(".kg-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|e| {
            refuse(format!(
                "kg cannot create files in its folder '{}' ({})",
                dir.display(),
                crate::store::describe(&e)
            ))
        })
}

impl Session {
    /// Checks that the base at `path` can be written, then locks and reads it, rebuilding
    /// it if its decisions file changed.
    pub fn open(path: &Path) -> Result<Session, Error> {
        check_writable(path)?;
        let lock = lock(path)?;
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(Error::MissingBase { path: path.into() });
            }
            Err(source) => {
                return Err(StoreError::ReadGraph {
                    path: path.into(),
                    source,
                }
                .into());
            }
        };
        let parsed = KnowledgeBase::parse(&text);
        let original = Digest::of(text.as_bytes());
        drop(text);
        let (mut kb, migrated) = parsed.map_err(|e| match e {
            KbError::Load(source) => StoreError::BadGraph {
                path: path.into(),
                source,
            }
            .into(),
            KbError::Newer { .. } => Error::NewerBase {
                path: path.into(),
                message: e.to_string(),
            },
        })?;
        let (decisions, original_decisions) = read_decisions(path)?;
        kb.honour(&decisions);
        // The articles `kg add` appended to the journal go in now. A journal that extends
        // another version of the base goes in too: adding an article again changes nothing.
        let journal = Journal::read(path).map_err(|e| super::journal::invalid(path, e))?;
        // A removal (of an article of the base, see `super::retract`) rebuilds the base
        // from its other articles, as `kg remove` does on a base it holds. A merge (see
        // `super::unite`) is in the decisions file, written before the journal: the base
        // was rebuilt under it above.
        let journal = journal.map(|j| {
            let (mut n, mut removals) = (0, 0);
            let merges = j.merges();
            let mut batch = Vec::new();
            for entry in j.entries {
                if let Some(article) = entry.article {
                    n += 1;
                    batch.push(article);
                } else if let Some(id) = entry.removed {
                    removals += 1;
                    kb.add(std::mem::take(&mut batch), &decisions, || {});
                    kb.remove(&id, &decisions);
                }
            }
            kb.add(batch, &decisions, || {});
            (super::journal::path_for(path), n, removals, merges)
        });
        Ok(Session {
            path: path.into(),
            kb,
            decisions,
            original,
            original_decisions,
            migrated,
            journal,
            _lock: lock,
        })
    }

    /// Creates an empty base at `path`; fails if there is a file there already.
    pub fn create(path: &Path) -> Result<(), Error> {
        let _lock = lock(path)?;
        if path.exists() {
            return Err(Error::BaseExists { path: path.into() });
        }
        write_atomic(path, KnowledgeBase::empty().to_json().as_bytes()).map_err(|source| {
            StoreError::Write {
                path: path.into(),
                source,
            }
            .into()
        })
    }

    /// Writes the decisions file and the base if they changed, and tells in its notes
    /// what it wrote ([`Note::Wrote`]) or, when nothing changed, that the base is
    /// unchanged and `why`. A migration and its backup are told too.
    pub fn save(&mut self, why: &str) -> Result<Vec<Note>, Error> {
        let mut notes = Vec::new();
        let werr = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Write { path, source }
        };
        let mut wrote = Vec::new();
        let mut unwritten = None;
        let dtext = self.decisions.to_text();
        let dpath = decisions_path(&self.path);
        if !(self.decisions.is_empty() && self.original_decisions.is_empty())
            && dtext != self.original_decisions
        {
            write_atomic(&dpath, dtext.as_bytes()).map_err(werr(&dpath))?;
            self.original_decisions = dtext;
            wrote.push(dpath);
        }
        // The new text is hashed as it is written out, and written to the file only when
        // it differs from the old: never held whole in memory.
        let mut digest = Digest::default();
        self.kb.write_json(&mut digest).map_err(werr(&self.path))?;
        if digest != self.original {
            if let Some(from) = self.migrated.take() {
                let mut backup = self.path.as_os_str().to_owned();
                backup.push(format!(".kb{from}.bak"));
                let backup = PathBuf::from(backup);
                // The base is as it was read: the lock kept every other writer out.
                let copied = stage_file(&backup, |w| {
                    io::copy(&mut std::fs::File::open(&self.path)?, w).map(drop)
                });
                copied.and_then(|s| s.persist()).map_err(werr(&backup))?;
                notes.push(Note::Migrated {
                    base: self.path.clone(),
                    from,
                    to: super::KB_VERSION,
                    backup,
                });
            }
            // The snapshot too, from the graph written (see `fold::stage_snapshot`): put in
            // place right after the base, so the queries after the write read it.
            let policy = snapshot_policy()?;
            let staged =
                stage_file(&self.path, |w| self.kb.write_json(w)).map_err(werr(&self.path))?;
            let stream = (policy != Policy::Never).then(|| {
                let mut stream = Stream::new();
                let g = &self.kb.graph;
                g.sources.iter().for_each(|s| stream.source(s));
                g.entities.iter().for_each(|e| stream.entity(e));
                g.facts.iter().for_each(|f| stream.fact(f));
                stream
            });
            let decisions = self.kb.decisions.clone();
            let snapshot =
                super::fold::stage_snapshot(&self.path, &staged, stream, policy, decisions);
            staged.persist().map_err(werr(&self.path))?;
            self.original = digest;
            wrote.push(self.path.clone());
            let snap_path = crate::store::snapshot::path_for(&self.path);
            match snapshot.map(|s| s?.persist().map_err(|e| crate::store::describe(&e))) {
                Some(Ok(())) => wrote.push(snap_path),
                Some(Err(why)) => unwritten = Some((snap_path, why)),
                None => {}
            }
        }
        // Only once the base holds the journal's articles does the journal go.
        if let Some((jpath, n, removals, merges)) = self.journal.take() {
            super::journal::remove(&jpath)?;
            notes.push(Note::Folded {
                journal: jpath,
                base: self.path.clone(),
                articles: n,
                removals,
                merges,
            });
        }
        let tally = self.tally();
        notes.push(if wrote.is_empty() {
            Note::Unchanged {
                base: self.path.clone(),
                why: why.to_string(),
                tally,
            }
        } else {
            Note::Wrote {
                paths: wrote,
                tally,
            }
        });
        if let Some((snapshot, why)) = unwritten {
            notes.push(Note::SnapshotUnwritten { snapshot, why });
        }
        Ok(notes)
    }

    /// How many articles, entities and facts the base holds.
    pub fn tally(&self) -> Tally {
        Tally {
            articles: self.kb.articles.len(),
            entities: self.kb.graph.entities.len(),
            facts: self.kb.graph.facts.len(),
        }
    }
}
