//! [`fold`]: `kg compact` on a large base without reading it into memory as a graph.
//!
//! A base kg wrote is pretty JSON in canonical order (see [`super::KnowledgeBase::to_json`]):
//! every record of `sources`, `entities` and `facts` starts on a line of its own indented
//! four spaces (`    {`) and ends on one (`    }` or `    },`), and every article of
//! `kb.articles` the same at six. Folding the journal in (see [`super::journal`]) changes
//! only what the journal says: a record with the id (sources, entities) or key (facts,
//! see `merge::fact_key`) of one in the journal gives way to the journal's, and
//! the journal's records go where canonical order puts them (by id; facts by
//! [`Fact::sort_key`]), its articles after the base's articles. So the new base is
//! written from the old one's text, merging two sorted streams: each base record is
//! parsed (which checks it, and gives its key and order) and copied as it is, or dropped
//! for the journal's. The result is byte for byte what the whole-base path (parse, add
//! the journal's articles, sort, write) writes, for a base as kg writes it.
//!
//! The fast path applies when the base is a knowledge base of this kg's format built
//! under the decisions in `kg.aliases`, laid out as above with no empty section, and the
//! journal extends the base as it is now; otherwise [`fold`] says so (`None`) and the
//! caller takes the whole-base path. The write is the same as that path's: the new base
//! replaces the old atomically, then the journal is removed.
//!
//! A journal holding merges (see [`super::unite`], and no removal) folds in the same way:
//! the entity that joined another goes, the records the merge line holds replace the
//! base's, and the kb section's head takes the decisions the last merge recorded. The
//! whole-base path would rebuild the graph under those decisions and give every article
//! its `changes_entities` flag again; [`super::replay`] replays the entity side of that
//! rebuild to give each article its flag (patched into the article's text) and to check,
//! as the records are written, that the graph is the rebuild's. When it is not (or the
//! replay cannot tell), the staged base goes and the whole-base path runs. A journal of
//! one merge and nothing else is replayed only where the merge can reach
//! ([`super::component`]: the articles whose names and id families meet the merge's
//! names), every other article keeping its flag; when that replay cannot tell, or the
//! component's entities written are not the ones it expects, the whole replay runs.
//!
//! A pending removal (see [`super::retract`]) is not folded: `kg compact` settles it
//! first ([`super::append::Appender::settle`]), and one it cannot settle takes the
//! whole-base path.
//!
//! A removal of an article that changed the entities (see [`super::excise`]) folds as
//! any removal: its line holds the records the rebuild without the article writes, and
//! says which entities go and which articles take another `changes_entities` flag
//! (patched into their text as they are copied).
//!
//! The new base's snapshot is written too, from the records as they are copied (see
//! [`crate::store::snapshot::stream`]): the first query after `kg compact` reads it
//! instead of building one from the whole JSON. It is staged before the base replaces the
//! old one and put in place right after; killed between the two renames, the old
//! snapshot no longer matches the base and the next query builds a new one.
//!
//! # Complexity
//! O(size of the base + size of the journal) time (plus sorting the journal's records,
//! and the snapshot's name index; after a merge, every article's entities are read, and
//! the articles the merge can reach replayed). Memory: the journal's records, a span per base record,
//! the new snapshot's sections (about its size), and what of the memory-mapped base was
//! read since its pages were last let go (every `FOLD_RELEASE_EVERY`); figures in
//! bench/results.md.

use super::Error;
use super::component::{self, Local};
use super::journal::{Entry, Journal, path_for};
use super::merge::fact_key;
use super::note::{Note, Tally};
use super::replay::{Check, Expected, Replay};
use super::session::{check_writable, lock, read_decisions};
use super::spans::Counting;
use super::{Extraction, KB_VERSION};
use crate::model::{Entity, Fact, Source};
use crate::store::Error as StoreError;
use crate::store::snapshot::map::Bytes;
use crate::store::snapshot::stream::Stream;
use crate::store::snapshot::{self, KbHead, Meta, Policy, stamp_of};
use crate::store::{Staged, stage_file};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::Path;

/// How often a fold lets the base's pages go: more often than a parse does
/// ([`crate::store::json::RELEASE_EVERY`]), as the fold reads the base faster (its
/// layout is found at memchr's speed: in 100 ms it went through 300 MB and more at 1M
/// facts, which stayed resident).
pub(super) const FOLD_RELEASE_EVERY: std::time::Duration = std::time::Duration::from_millis(20);

/// One record of an array: its text from the first byte of its opening line to the end of
/// its closing brace (no comma).
type Span = (usize, usize);

/// The records of one array and where the array's closing line starts.
pub(super) struct Section {
    pub(super) records: Vec<Span>,
    /// Where the text after the last record's brace starts (`\n  ],` or `\n    ]`).
    pub(super) tail: usize,
}

/// Where each part of a base's text is.
struct Layout {
    sources: Section,
    entities: Section,
    facts: Section,
    articles: Section,
}

/// Reads the records of the array whose opening line (`"name": [`) ends at `from`, each
/// record opened and closed by a brace indented `indent` spaces; `None` when the text is
/// not laid out so or the array is empty.
pub(super) fn section(text: &str, from: usize, indent: usize) -> Option<Section> {
    section_releasing(text, from, indent, &|| {})
}

/// [`section`], `release` called every [`RELEASE_BYTES`] bytes read (to let a mapped
/// text's pages go as it is read).
pub(super) fn section_releasing(
    text: &str,
    from: usize,
    indent: usize,
    release: &dyn Fn(),
) -> Option<Section> {
    let b = text.as_bytes();
    let mut released = from;
    let pad = &b"            "[..indent];
    let mut records = Vec::new();
    // Where the record being read opened, and where the line being read starts.
    let (mut open, mut at) = (None, from);
    let ends = memchr::memchr_iter(b'\n', &b[from..]).map(|i| from + i);
    for end in ends.chain(std::iter::once(b.len())) {
        if end - released >= RELEASE_BYTES {
            release();
            released = end;
        }
        let line = &b[at..end];
        let body = line.strip_prefix(pad)?;
        match open {
            None if body == b"{" => open = Some(at),
            None => return None,
            // The record ends at the first line that is the pad and a closing brace.
            Some(start) => match body {
                b"}" | b"}," => {
                    records.push((start, at + indent + 1));
                    if body == b"}" {
                        return Some(Section {
                            records,
                            tail: at + indent + 1,
                        });
                    }
                    open = None;
                }
                [b' ', ..] => {}
                _ => return None,
            },
        }
        at = end + 1;
    }
    None
}

/// Where `needle` last starts in `hay`: found searching forward (SIMD, many times the
/// speed of a backward search) in windows taken from the end, each twice the last, so
/// that only the bytes after the needle's last start are read (as a backward search
/// reads them: a mapped base's pages before it are not touched). `release` is called
/// after each window searched in vain (to let a mapped text's pages go); the windows
/// stop growing at [`RELEASE_BYTES`].
pub(super) fn last(hay: &[u8], needle: &[u8], release: &dyn Fn()) -> Option<usize> {
    let finder = memchr::memmem::Finder::new(needle);
    let (mut end, mut window) = (hay.len(), 1 << 20);
    loop {
        // The starts in [start, end), searched with the needle's length past `end`.
        let start = end.saturating_sub(window);
        let text = &hay[start..(end + needle.len()).saturating_sub(1).min(hay.len())];
        if let Some(mut found) = finder.find(text) {
            while let Some(i) = finder.find(&text[found + 1..]) {
                found += 1 + i;
            }
            return Some(start + found);
        }
        if start == 0 {
            return None;
        }
        release();
        (end, window) = (start, window.saturating_mul(2).min(RELEASE_BYTES));
    }
}

/// How many bytes of a mapped text [`section_releasing`] and [`last`] read
/// between two calls of their `release`.
const RELEASE_BYTES: usize = 64 << 20;

/// Finds the byte just past the line `line` (with its newline), searching from `from`.
fn after_line(text: &str, from: usize, line: &str) -> Option<usize> {
    let needle = format!("\n{line}\n");
    let at = text[from..].find(&needle)? + from;
    Some(at + needle.len())
}

/// The byte just past `expected` when the text at `from` is exactly it.
fn right_after(text: &str, from: usize, expected: &str) -> Option<usize> {
    text[from..]
        .starts_with(expected)
        .then_some(from + expected.len())
}

fn layout(text: &str) -> Option<Layout> {
    if !text.starts_with("{\n  \"version\": ") || !text.ends_with("\n  }\n}\n") {
        return None;
    }
    let s = after_line(text, 0, "  \"sources\": [")?;
    let sources = section(text, s, 4)?;
    let e = right_after(text, sources.tail, "\n  ],\n  \"entities\": [\n")?;
    let entities = section(text, e, 4)?;
    let f = right_after(text, entities.tail, "\n  ],\n  \"facts\": [\n")?;
    let facts = section(text, f, 4)?;
    // The extra fields, then the kb section, whose head says its version and decisions.
    let k = after_line(text, facts.tail, "  \"kb\": {")?;
    let a = after_line(text, k, "    \"articles\": [")?;
    let articles = section(text, a, 6)?;
    if &text[articles.tail..] != "\n    ]\n  }\n}\n" {
        return None;
    }
    Some(Layout {
        sources,
        entities,
        facts,
        articles,
    })
}

/// The records of the base's `kb.articles`, found from the end of its text (the kb
/// section is the last, laid out as [`layout`] reads it), and the kb head's version and
/// decisions fingerprint; `None` when the text is not laid out so. The graph's sections
/// are not read; `release` is called as the kb section is (see [`section_releasing`]).
pub(super) fn article_records<'t>(
    text: &'t str,
    release: &dyn Fn(),
) -> Option<(Vec<&'t str>, u32, Option<String>)> {
    if !text.ends_with("\n    ]\n  }\n}\n") {
        return None;
    }
    let start = last(text.as_bytes(), b"\n  \"kb\": {\n", release)?;
    let k = after_line(text, start, "  \"kb\": {")?;
    let a = after_line(text, k, "    \"articles\": [")?;
    let articles = section_releasing(text, a, 6, release)?;
    if &text[articles.tail..] != "\n    ]\n  }\n}\n" {
        return None;
    }
    let (version, decisions) = head_at(&text[k..articles.records.first()?.0])?;
    let records = articles.records.iter().map(|&(s, e)| &text[s..e]).collect();
    Some((records, version, decisions))
}

/// The records of the base's `kb.articles` at the spans the base's spans file gives (see
/// [`super::spans`]: each article's id, offset and length), and the kb head's version and
/// decisions fingerprint, as [`article_records`] finds them, without reading the
/// records: `None` unless the spans tile the articles array from its opening line to the
/// end of the text (a comma and a newline between two), each span the opening of its
/// article's record to the closing brace, as [`article_records`] reads one. The records'
/// text is not checked as UTF-8 (their reader checks what it reads). `release` is called
/// every [`RELEASE_BYTES`] of records gone past (to let a mapped text's pages go: the
/// ends of 333,334 records read fault in most of a 10 GB base's pages around them).
pub(super) fn spanned_records<'t>(
    bytes: &'t [u8],
    spans: &[super::spans::Span],
    release: &dyn Fn(),
) -> Option<Spanned<'t>> {
    let tail = b"\n    ]\n  }\n}\n";
    let mut records = Vec::with_capacity(spans.len());
    let first = usize::try_from(spans.first()?.1).ok()?;
    let (mut at, articles) = (first, first.checked_sub(ARTICLES_LINE.len())?);
    if bytes.get(articles..at)? != ARTICLES_LINE.as_bytes() {
        return None;
    }
    let mut released = at;
    for (n, (id, offset, len)) in spans.iter().enumerate() {
        if at - released >= RELEASE_BYTES {
            release();
            released = at;
        }
        if n > 0 {
            if bytes.get(at..at + 2)? != b",\n" {
                return None;
            }
            at += 2;
        }
        let (offset, len) = (usize::try_from(*offset).ok()?, usize::try_from(*len).ok()?);
        let record = bytes.get(at..at.checked_add(len)?)?;
        let opening = format!(
            "      {{\n        \"source\": {{\n          \"id\": {}",
            serde_json::to_string(id).ok()?
        );
        if offset != at
            || !record.starts_with(opening.as_bytes())
            || !record.ends_with(b"\n      }")
        {
            return None;
        }
        records.push(record);
        at += len;
    }
    if bytes.get(at..)? != tail {
        return None;
    }
    // The kb head: between its opening line (the last before the articles) and theirs.
    let k = last(&bytes[..articles], KB_LINE.as_bytes(), &|| {})? + KB_LINE.len();
    let (version, decisions) = head_at(std::str::from_utf8(&bytes[k..first]).ok()?)?;
    Some((records, version, decisions))
}

/// The records of a base's articles as bytes (not checked as UTF-8), and the kb head's
/// version and decisions fingerprint ([`spanned_records`]).
pub(super) type Spanned<'t> = (Vec<&'t [u8]>, u32, Option<String>);

/// The line that opens a base's kb section, with the newline before it.
const KB_LINE: &str = "\n  \"kb\": {\n";

/// The line that opens the kb section's articles, with the newline before it.
const ARTICLES_LINE: &str = "\n    \"articles\": [\n";

/// The kb section's head: its version and decisions fingerprint.
fn kb_head(text: &str, layout: &Layout) -> Option<(u32, Option<String>)> {
    let k = after_line(text, layout.facts.tail, "  \"kb\": {")?;
    head_at(&text[k..layout.articles.records.first()?.0])
}

/// The version and decisions of a kb section's head (its text up to the first article).
fn head_at(head: &str) -> Option<(u32, Option<String>)> {
    let head = head.trim_end().strip_suffix("\"articles\": [")?;
    #[derive(Deserialize)]
    struct Head {
        version: u32,
        #[serde(default)]
        decisions: Option<String>,
    }
    let h: Head =
        serde_json::from_str(&format!("{{{}}}", head.trim_end().trim_end_matches(','))).ok()?;
    Some((h.version, h.decisions))
}

/// Writes a record pretty-printed as it is nested `indent` spaces deep.
fn put(out: &mut dyn Write, record: &impl Serialize, indent: usize) -> io::Result<()> {
    let pad = &"        "[..indent];
    let text = serde_json::to_string_pretty(record).expect("records serialize");
    out.write_all(pad.as_bytes())?;
    out.write_all(text.replace('\n', &format!("\n{pad}")).as_bytes())
}

/// What the journal changes in one section: the keys of the records it replaces, adds or
/// takes out, and its records (the last of each key, unless taken out), in canonical order.
struct Changes<T, K> {
    keys: HashSet<K>,
    records: Vec<T>,
}

impl<T, K: std::hash::Hash + Eq + Clone> Changes<T, K> {
    /// The journal's records (`None`: the record of that key taken out), the last of each
    /// key kept, put in order by `cmp`.
    fn new(all: Vec<(K, Option<T>)>, cmp: impl Fn(&T, &T) -> Ordering) -> Self {
        let mut last: HashMap<K, Option<T>> = HashMap::new();
        for (k, r) in all {
            last.insert(k, r);
        }
        let mut records: Vec<T> = Vec::new();
        let mut set = HashSet::new();
        for (k, r) in last {
            set.insert(k);
            records.extend(r);
        }
        records.sort_by(&cmp);
        Changes { keys: set, records }
    }
}

/// Copies one section in canonical order: the base's records the journal does not
/// replace, as they are, and the journal's records, each where its order puts it (both
/// are in that order already, so this is a merge). Each record written is given to `emit`
/// too, in the order written. Gives how many records it wrote; sets `bad` when a base
/// record does not parse.
#[allow(clippy::too_many_arguments)]
fn copy<T: Serialize + DeserializeOwned, K: std::hash::Hash + Eq>(
    out: &mut dyn Write,
    text: &str,
    section: &Section,
    changes: &Changes<T, K>,
    key: impl Fn(&T) -> K,
    cmp: impl Fn(&T, &T) -> Ordering,
    emit: &mut dyn FnMut(&T),
    bad: &mut bool,
) -> io::Result<usize> {
    let mut n = 0;
    let mut sep = |out: &mut dyn Write| {
        n += 1;
        if n > 1 { out.write_all(b",\n") } else { Ok(()) }
    };
    let mut new = changes.records.iter().peekable();
    for &(start, end) in &section.records {
        let raw = &text[start..end];
        let Ok(record) = serde_json::from_str::<T>(raw) else {
            *bad = true;
            return Err(io::Error::other("a record does not parse"));
        };
        if changes.keys.contains(&key(&record)) {
            continue;
        }
        while let Some(r) = new.next_if(|r| cmp(r, &record) == Ordering::Less) {
            sep(out)?;
            put(out, r, 4)?;
            emit(r);
        }
        sep(out)?;
        out.write_all(raw.as_bytes())?;
        emit(&record);
    }
    for r in new {
        sep(out)?;
        put(out, r, 4)?;
        emit(r);
    }
    Ok(n)
}

/// Folds the journal of the base at `path` into it, writing the new base from the old
/// one's text (see the module doc) and, when `KG_SNAPSHOT`'s policy gives the new base a
/// snapshot, its snapshot from the records written; then removes the journal. `None`
/// when the fast path does not apply (nothing was written; the caller takes the
/// whole-base path); else what it did.
pub fn fold(path: &Path) -> Result<Option<Vec<Note>>, Error> {
    fold_by(path, Way::Any)
}

/// [`fold`] only by the component replay of a journal holding one merge (see
/// [`super::component`]): `None` when that does not apply or cannot tell (nothing was
/// written). For tests.
pub fn fold_by_component(path: &Path) -> Result<Option<Vec<Note>>, Error> {
    fold_by(path, Way::Component)
}

/// How many of the base's articles the component replay of its journal (one merge and
/// nothing else) replays, and how many the base has; `None` when it does not apply or
/// cannot tell. For tests: reads the whole base.
pub fn component_articles(path: &Path) -> Option<(usize, usize)> {
    let text = std::fs::read_to_string(path).ok()?;
    let layout = layout(&text)?;
    let journal = Journal::read(path).ok()??;
    let (decisions, _) = read_decisions(path).ok()?;
    let (_, Some(old)) = kb_head(&text, &layout)? else {
        return None;
    };
    let [entry] = &journal.entries[..] else {
        return None;
    };
    let [kept, went] = entry.merged.as_ref()?;
    let articles = layout.articles.records.iter().map(|&(s, e)| &text[s..e]);
    let local = component::replay(articles, &old, &decisions, [kept, went])?;
    Some((local.articles, layout.articles.records.len()))
}

/// Which replays tell a fold of merges what the rebuild writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    /// The component replay when it applies and can tell, else the whole one.
    Any,
    Component,
    Whole,
}

fn fold_by(path: &Path, way: Way) -> Result<Option<Vec<Note>>, Error> {
    let policy = super::session::snapshot_policy()?;
    check_writable(path)?;
    let held = lock(path)?;
    let read_err = |source| StoreError::ReadGraph {
        path: path.into(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(_) => return Ok(None), // the whole-base path says what is wrong
    };
    let jpath = path_for(path);
    let journal = match Journal::read(path) {
        Ok(Some(j)) if j.extends(stamp_of(&meta)) => j,
        _ => return Ok(None),
    };
    // A merge changed the decisions: folded with a replay of the rebuild under them (see
    // `super::replay`), unless a removal comes with it.
    let removes = journal.entries.iter().any(|e| e.removed.is_some());
    // A pending removal (see `super::retract`) is never folded as it is: `kg compact`
    // settles it first, and one it could not settle takes the whole-base path.
    if journal.entries.is_empty()
        || (journal.merges() > 0 && removes)
        || journal.pending().is_some()
    {
        return Ok(None);
    }
    let (decisions, _) = read_decisions(path)?;
    // Mapped, not read: the pages already copied are let go as the write goes on (a
    // thread releases them every `FOLD_RELEASE_EVERY`; reading them again maps them back
    // from the page cache), so memory stays far below the base's size.
    let file = std::fs::File::open(path).map_err(read_err)?;
    let bytes = Bytes::map(&file).map_err(read_err)?;
    if stamp_of(&file.metadata().map_err(read_err)?) != stamp_of(&meta) {
        return Ok(None);
    }
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let written = std::thread::scope(|s| {
        let released = &bytes;
        s.spawn(move || {
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                stopped.recv_timeout(FOLD_RELEASE_EVERY)
            {
                // Only memory: the fold is the same if this fails.
                let _ = released.release_resident();
            }
        });
        let written = match std::str::from_utf8(&bytes) {
            Ok(text) => write_folded(path, text, journal, &decisions, policy, way),
            Err(_) => Ok(None),
        };
        drop(stop);
        written
    })?;
    let Some(folded) = written else {
        return Ok(None);
    };
    super::journal::remove(&jpath)?;
    drop(held);
    let mut notes = vec![Note::Folded {
        journal: jpath,
        base: path.into(),
        articles: folded.articles,
        removals: folded.removals,
        merges: folded.merges,
    }];
    let mut paths = vec![path.to_path_buf()];
    let snap_path = snapshot::path_for(path);
    let (articles, entities, facts) = folded.counts;
    let tally = Tally {
        articles,
        entities,
        facts,
    };
    let unwritten = match folded.snapshot {
        Some(Ok(())) => {
            paths.push(snap_path);
            None
        }
        Some(Err(why)) => Some(Note::SnapshotUnwritten {
            snapshot: snap_path,
            why,
        }),
        None => None,
    };
    notes.push(Note::Wrote { paths, tally });
    notes.extend(unwritten);
    Ok(Some(notes))
}

/// Stages the snapshot that `stream` (the records of the base staged in `staged`, to
/// replace the one at `path`) makes, standing for that base as it will be once in place,
/// a knowledge base whose graph was built under the decisions `decisions` (the
/// fingerprint). `None` when there is no stream or `policy` gives the base no snapshot;
/// why not, as text, when the records make none or it cannot be written.
pub(super) fn stage_snapshot(
    path: &Path,
    staged: &Staged,
    stream: Option<Stream>,
    policy: Policy,
    decisions: Option<String>,
) -> Option<Result<Staged, String>> {
    let stream = stream?;
    let describe = |e: io::Error| crate::store::describe(&e);
    let stamp = match staged.metadata() {
        Ok(m) => stamp_of(&m),
        Err(e) => return Some(Err(describe(e))),
    };
    if !policy.applies(stamp.len) {
        return None;
    }
    let meta = Meta {
        kb: Some(KbHead {
            version: u64::from(KB_VERSION),
            decisions,
        }),
    };
    Some(match stream.finish(stamp, &meta) {
        Ok(built) => stage_file(&snapshot::path_for(path), |w| built.write(w)).map_err(describe),
        Err(why) => Err(why.to_string()),
    })
}

/// Replays the rebuild of the base laid out in `text` and of the journal's articles
/// under `decisions` (see [`super::replay`]); `None` when an article does not parse, an
/// article of the journal is one the whole-base path would not add as it is (an id or a
/// content hash the base has), or the replay cannot model the rebuild.
fn replay(
    text: &str,
    layout: &Layout,
    journal: &Journal,
    decisions: &super::Decisions,
) -> Option<Expected> {
    let mut r = Replay::new(decisions);
    let (mut ids, mut hashes) = (HashSet::new(), HashSet::new());
    for &(start, end) in &layout.articles.records {
        let a: Extraction = serde_json::from_str(&text[start..end]).ok()?;
        if !ids.insert(a.source.id.clone()) || a.changes_entities.is_none() {
            return None;
        }
        hashes.extend(a.source.hash().map(String::from));
        r.base_article(&a);
    }
    // `KnowledgeBase::add` leaves out an article whose content it has (a hashless one
    // counts as the empty hash) and rebuilds for one whose id it has.
    for a in journal.articles() {
        let hash = a.source.hash().unwrap_or_default().to_string();
        if !ids.insert(a.source.id.clone()) || !hashes.insert(hash) {
            return None;
        }
        r.journal_article(a);
    }
    r.finish()
}

/// An article's record with its `changes_entities` flag set to `flag`; `None` when the
/// record does not end with one.
fn reflag(record: &str, flag: bool) -> Option<String> {
    let pad = "\n      }";
    for was in ["true", "false"] {
        let tail = format!("\"changes_entities\": {was}{pad}");
        if let Some(rest) = record.strip_suffix(&tail) {
            return Some(format!("{rest}\"changes_entities\": {flag}{pad}"));
        }
    }
    None
}

/// An article record's id, read without the rest of it.
#[derive(Deserialize)]
struct ArticleId {
    source: IdOnly,
}

#[derive(Deserialize)]
struct IdOnly {
    id: String,
}

/// A base's numbers of articles, entities and facts.
type Counts = (usize, usize, usize);

/// What [`write_folded`] wrote.
struct Folded {
    /// The journal's numbers of articles, removals and merges.
    articles: usize,
    removals: usize,
    merges: usize,
    /// The new base's counts.
    counts: Counts,
    /// Whether the snapshot was written too, or why not (`None`: the policy gives the
    /// base none).
    snapshot: Option<Result<(), String>>,
}

/// Writes the base at `path` folded from its old `text` and the journal, and its snapshot
/// when `policy` gives it one; `None` when the text is not laid out as kg writes bases
/// under these decisions (nothing is written then).
///
/// The snapshot is built from the records as they are written, and stands for the new
/// base as staged beside the old one (a rename keeps a file's length and modification
/// time). The new base is put in place first, then the snapshot: killed between the two,
/// the old snapshot no longer matches the base, and the next query builds a new one.
fn write_folded(
    path: &Path,
    text: &str,
    journal: Journal,
    decisions: &super::Decisions,
    policy: Policy,
    way: Way,
) -> Result<Option<Folded>, Error> {
    let Some(layout) = layout(text) else {
        return Ok(None);
    };
    let merges = journal.merges();
    let now = decisions.fingerprint();
    // After a merge the base was built under other decisions than the file's, which the
    // last merge recorded: the rebuild under the file's is replayed to check the fold.
    let (fingerprint, old_fingerprint) = match kb_head(text, &layout) {
        Some((version, Some(d))) if version == KB_VERSION && merges == 0 && d == now => (d, None),
        Some((version, Some(d)))
            if version == KB_VERSION
                && merges > 0
                && d != now
                && journal.decisions() == Some(now.as_str()) =>
        {
            (now, Some(d))
        }
        _ => return Ok(None),
    };
    // One merge and nothing else: only the articles it can touch are replayed.
    let local: Option<Local> = match (&old_fingerprint, &journal.entries[..]) {
        (Some(old), [entry]) if way != Way::Whole && entry.article.is_none() => {
            entry.merged.as_ref().and_then(|[kept, went]| {
                let articles = layout.articles.records.iter().map(|&(s, e)| &text[s..e]);
                component::replay(articles, old, decisions, [kept, went])
            })
        }
        _ => None,
    };
    if way == Way::Component && local.is_none() {
        return Ok(None);
    }
    // Kept to fold again with the whole replay should the component's entities differ.
    let again = (way == Way::Any && local.is_some()).then(|| journal.clone());
    let expected = match merges {
        0 => None,
        _ if local.is_some() => None,
        _ => match replay(text, &layout, &journal, decisions) {
            Some(e) => Some(e),
            None => return Ok(None),
        },
    };
    let mut check = expected.as_ref().map(Check::new);
    let mut local_check = local.as_ref().map(component::Check::new);
    let n = journal
        .entries
        .iter()
        .filter(|e| e.article.is_some())
        .count();
    let removals = journal
        .entries
        .iter()
        .filter(|e| e.removed.is_some())
        .count();
    let (mut all_sources, mut all_entities, mut all_facts) = (Vec::new(), Vec::new(), Vec::new());
    let mut articles: Vec<Extraction> = Vec::new();
    // Base articles a removal takes out.
    let mut removed: HashSet<String> = HashSet::new();
    // Base articles a removal gives another flag (by id).
    let mut reflags: HashMap<String, bool> = HashMap::new();
    // The flags the rebuild gives the journal's articles (after the base's).
    let mut flags = expected
        .as_ref()
        .map(|e| e.flags[layout.articles.records.len()..].iter().copied());
    for Entry {
        mut article,
        removed: gone,
        merged,
        sources,
        entities,
        facts,
        dropped,
        gone: gone_entities,
        flags: new_flags,
        ..
    } in journal.entries
    {
        // A merge: the entity that joined the other goes (the other is in `entities`).
        if let Some([_, went]) = merged {
            all_entities.push((went, None));
        }
        // A removal that changed the entities: those no article names go, and base
        // articles take the flags the rebuild gives them.
        all_entities.extend(gone_entities.into_iter().map(|id| (id, None)));
        reflags.extend(new_flags);
        if let (Some(a), Some(flags)) = (article.as_mut(), flags.as_mut()) {
            a.changes_entities = flags.next();
        }
        if let Some(id) = gone {
            let before = articles.len();
            articles.retain(|a| a.source.id != id);
            if articles.len() == before {
                removed.insert(id.clone());
            }
            all_sources.push((id, None));
        }
        all_facts.extend(dropped.into_iter().map(|f| (fact_key(&f), None)));
        all_sources.extend(sources.into_iter().map(|s| (s.id.clone(), Some(s))));
        all_entities.extend(entities.into_iter().map(|mut e| {
            e.aliases.sort();
            e.aliases.dedup();
            (e.id.clone(), Some(e))
        }));
        all_facts.extend(facts.into_iter().map(|f| (fact_key(&f), Some(f))));
        articles.extend(article);
    }
    let source_id = |s: &Source| s.id.clone();
    let by_source_id = |a: &Source, b: &Source| a.id.cmp(&b.id);
    let entity_id = |e: &Entity| e.id.clone();
    let by_entity_id = |a: &Entity, b: &Entity| a.id.cmp(&b.id);
    let in_order = |a: &Fact, b: &Fact| a.sort_key().cmp(&b.sort_key());
    let sources = Changes::new(all_sources, by_source_id);
    let entities = Changes::new(all_entities, by_entity_id);
    let facts = Changes::new(all_facts, in_order);
    let mut bad = false;
    let mut counts = (0, 0, 0);
    // The records go to the snapshot as they are written, unless no query reads one.
    let mut snap = (policy != Policy::Never).then(Stream::new);
    let l = &layout;
    // Where each article's record lies in the new base (see `super::spans`).
    let mut spans: Vec<super::spans::Span> = Vec::new();
    let staged = stage_file(path, |out| {
        let out = &mut Counting::new(out);
        out.write_all(&text.as_bytes()[..l.sources.records[0].0])?;
        copy(
            out,
            text,
            &l.sources,
            &sources,
            source_id,
            by_source_id,
            &mut |s| {
                snap.iter_mut().for_each(|x| x.source(s));
                check.iter_mut().for_each(|c| c.source(s));
            },
            &mut bad,
        )?;
        out.write_all(&text.as_bytes()[l.sources.tail..l.entities.records[0].0])?;
        counts.1 = copy(
            out,
            text,
            &l.entities,
            &entities,
            entity_id,
            by_entity_id,
            &mut |e| {
                snap.iter_mut().for_each(|x| x.entity(e));
                check.iter_mut().for_each(|c| c.entity(e));
                local_check.iter_mut().for_each(|c| c.entity(e));
            },
            &mut bad,
        )?;
        out.write_all(&text.as_bytes()[l.entities.tail..l.facts.records[0].0])?;
        counts.2 = copy(
            out,
            text,
            &l.facts,
            &facts,
            fact_key,
            in_order,
            &mut |f| {
                snap.iter_mut().for_each(|x| x.fact(f));
                check.iter_mut().for_each(|c| c.fact(f));
            },
            &mut bad,
        )?;
        let head = &text[l.facts.tail..l.articles.records[0].0];
        match &old_fingerprint {
            None => out.write_all(head.as_bytes())?,
            Some(old) => {
                // The decisions the rebuild was made under.
                let line = |fp: &str| format!("\n    \"decisions\": \"{fp}\",\n");
                if head.matches(&line(old)).count() != 1 {
                    bad = true;
                    return Err(io::Error::other(
                        "the kb section's head is not as kg writes it",
                    ));
                }
                out.write_all(head.replace(&line(old), &line(&fingerprint)).as_bytes())?;
            }
        }
        let mut written = 0;
        for (i, &(start, end)) in l.articles.records.iter().enumerate() {
            let (flagged, reflagged);
            let mut record = &text[start..end];
            if let Some(e) = &expected {
                // The article's flag as the rebuild gives it (the article was parsed by
                // the replay).
                let Some(f) = reflag(record, e.flags[i]) else {
                    bad = true;
                    return Err(io::Error::other("an article has no flag"));
                };
                flagged = f;
                record = &flagged;
            } else if let Some(flag) = local.as_ref().and_then(|l| l.flags[i]) {
                // The article's flag as the component replay gives it.
                let Some(f) = reflag(record, flag) else {
                    bad = true;
                    return Err(io::Error::other("an article has no flag"));
                };
                flagged = f;
                record = &flagged;
            }
            if !reflags.is_empty() {
                let Ok(head) = serde_json::from_str::<ArticleId>(record) else {
                    bad = true;
                    return Err(io::Error::other("an article does not parse"));
                };
                if let Some(&flag) = reflags.get(&head.source.id) {
                    let Some(f) = reflag(record, flag) else {
                        bad = true;
                        return Err(io::Error::other("an article has no flag"));
                    };
                    reflagged = f;
                    record = &reflagged;
                }
            }
            let Ok(head) = serde_json::from_str::<ArticleId>(record) else {
                bad = true;
                return Err(io::Error::other("an article does not parse"));
            };
            if removed.contains(&head.source.id) {
                continue;
            }
            if written > 0 {
                out.write_all(b",\n")?;
            }
            spans.push((head.source.id, out.at(), record.len() as u64));
            out.write_all(record.as_bytes())?;
            written += 1;
        }
        for a in &articles {
            if written > 0 {
                out.write_all(b",\n")?;
            }
            let at = out.at();
            put(out, a, 6)?;
            spans.push((a.source.id.clone(), at, out.at() - at));
            written += 1;
        }
        counts.0 = written;
        if counts.0 == 0 || counts.1 == 0 || counts.2 == 0 {
            // An empty list is written `[]`: the whole-base path writes that base.
            bad = true;
            return Err(io::Error::other("a section is left empty"));
        }
        out.write_all(&text.as_bytes()[l.articles.tail..])
    });
    let werr = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Write { path, source }
    };
    let staged = match staged {
        Err(_) if bad => return Ok(None),
        Err(source) => return Err(werr(path)(source).into()),
        Ok(staged) => staged,
    };
    // Not the rebuild's graph: the staged base goes, the whole-base path rebuilds.
    if check.is_some_and(|c| !c.passed()) {
        return Ok(None);
    }
    if local_check.is_some_and(|c| !c.passed()) {
        drop(staged);
        return match again {
            Some(journal) => write_folded(path, text, journal, decisions, policy, Way::Whole),
            None => Ok(None),
        };
    }
    // Staged before the base is replaced; put in place right after it.
    let snapshot = stage_snapshot(path, &staged, snap, policy, Some(fingerprint));
    staged.persist().map_err(werr(path))?;
    let snapshot = snapshot.map(|s| s?.persist().map_err(|e| crate::store::describe(&e)));
    // Only time: `kg remove` searches the base without it (see `super::spans`).
    let _ = super::spans::write(path, &spans);
    Ok(Some(Folded {
        articles: n,
        removals,
        merges,
        counts,
        snapshot,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;
    use crate::model::{Kind, Relation};

    fn small() -> KnowledgeBase {
        let mut kb = KnowledgeBase::empty();
        let source = Source::new("a");
        let entity = Entity::new("x", "X", Kind::Person);
        let fact = Fact::new("x", Relation::LocatedIn, "x");
        kb.graph.sources.push(source.clone());
        kb.graph.entities.push(entity.clone());
        kb.graph.facts.push(fact.clone());
        kb.articles.push(Extraction {
            source,
            entities: vec![entity],
            facts: vec![fact],
            changes_entities: None,
        });
        kb
    }

    #[test]
    fn a_base_as_kg_writes_it_is_laid_out_record_by_record() {
        let text = small().to_json();
        let l = layout(&text).expect("the canonical layout");
        for s in [&l.sources, &l.entities, &l.facts, &l.articles] {
            assert_eq!(s.records.len(), 1);
            let (start, end) = s.records[0];
            serde_json::from_str::<serde_json::Value>(&text[start..end]).unwrap();
        }
        let (version, decisions) = kb_head(&text, &l).unwrap();
        assert_eq!(version, KB_VERSION);
        assert_eq!(decisions, small().decisions);
    }

    #[test]
    fn any_other_layout_takes_the_whole_base_path() {
        let text = small().to_json();
        let one_line: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(layout(&one_line.to_string()).is_none());
        assert!(layout(&text.replace("    {\n", "   {\n")).is_none());
        assert!(layout(&KnowledgeBase::empty().to_json()).is_none());
    }

    #[test]
    fn an_array_is_read_record_by_record_at_any_indent() {
        let text = "[\n          {\n            \"a\": 1\n          },\n          {\n            \"b\": 2\n          }\n        ]";
        let s = section(text, 2, 10).expect("two records");
        let records: Vec<&str> = s.records.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            records,
            [
                "          {\n            \"a\": 1\n          }",
                "          {\n            \"b\": 2\n          }"
            ]
        );
        assert_eq!(&text[s.tail..], "\n        ]");
        // A line less indented inside a record, a record left open, a comma and nothing.
        for bad in [
            text.replace("            \"a\"", "         \"a\""),
            text.replace("          }\n        ]", "          \n        ]"),
            "[\n          {\n          },\n".to_string(),
        ] {
            assert!(section(&bad, 2, 10).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_last_place_of_a_needle_is_found_searching_forward() {
        assert_eq!(last(b"ab ab ab", b"ab", &|| {}), Some(6));
        assert_eq!(last(b"abab", b"bab", &|| {}), Some(1));
        assert_eq!(last(b"aaaa", b"aa", &|| {}), Some(2));
        assert_eq!(last(b"ab", b"c", &|| {}), None);
        // Across the windows from the end: at the start, across a window's edge, twice.
        let mut hay = vec![b'.'; 5 << 20];
        hay[..3].copy_from_slice(b"abc");
        assert_eq!(last(&hay, b"abc", &|| {}), Some(0));
        let edge = hay.len() - (1 << 20) - 1;
        hay[edge..edge + 3].copy_from_slice(b"abc");
        assert_eq!(last(&hay, b"abc", &|| {}), Some(edge));
        assert_eq!(last(&hay, b"abd", &|| {}), None);
        // Past the windows' largest size: each window after it searched in vain is let
        // go, and a needle across two windows of that size is found.
        let mut hay = vec![b'.'; 3 * RELEASE_BYTES];
        let released = std::cell::Cell::new(0);
        let count = || released.set(released.get() + 1);
        assert_eq!(last(&hay, b"abc", &count), None);
        let windows = released.get();
        // (the windows from the end: 1, 2, 4, ... 64 MiB, then 64 MiB each; 127 MiB
        // from the end is where a window of the largest size starts)
        let edge = hay.len() - (127 << 20) - 1;
        hay[edge..edge + 3].copy_from_slice(b"abc");
        released.set(0);
        assert_eq!(last(&hay, b"abc", &count), Some(edge));
        assert!(released.get() < windows, "{} of {windows}", released.get());
        assert!(windows > 3 * RELEASE_BYTES / (64 << 20), "{windows}");
    }

    /// The spans of a base's articles, read as the records: the records and kb head
    /// [`article_records`] finds; spans that are not the records (shifted, one left out,
    /// two as one, another id, the text after them not the end) are refused.
    #[test]
    fn the_spanned_records_are_the_records_found_reading_the_text() {
        let mut kb = small();
        for id in ["b", "quote\"d", "c"] {
            let mut a = kb.articles[0].clone();
            a.source = Source::new(id);
            kb.articles.push(a);
        }
        kb.decisions = Some("fingerprint".into());
        let text = kb.to_json();
        let (records, version, decisions) = article_records(&text, &|| {}).expect("laid out");
        let offset = |r: &str| (r.as_ptr() as usize - text.as_ptr() as usize) as u64;
        let spans: Vec<super::super::spans::Span> = records
            .iter()
            .zip(&kb.articles)
            .map(|(r, a)| (a.source.id.clone(), offset(r), r.len() as u64))
            .collect();
        let (got, v, d) = spanned_records(text.as_bytes(), &spans, &|| {}).expect("the records");
        let got: Vec<&str> = got
            .iter()
            .map(|r| std::str::from_utf8(r).unwrap())
            .collect();
        assert_eq!((got, v, d), (records.clone(), version, decisions));
        let mut shifted = spans.clone();
        shifted[2].1 += 1;
        let mut other_id = spans.clone();
        other_id[1].0 = "a".into();
        let mut two_as_one = spans.clone();
        two_as_one[0].2 = two_as_one[1].1 + two_as_one[1].2 - two_as_one[0].1;
        two_as_one.remove(1);
        let mut longer = spans.clone();
        longer[3].2 += 1;
        for (why, bad) in [
            ("shifted", shifted),
            ("another id", other_id),
            ("the last left out", spans[..3].to_vec()),
            ("the first left out", spans[1..].to_vec()),
            ("none", Vec::new()),
            ("past the last", longer),
        ] {
            assert!(
                spanned_records(text.as_bytes(), &bad, &|| {}).is_none(),
                "{why}"
            );
        }
        // Two as one tile the articles: what tells them apart is the count of sources,
        // which the caller checks.
        let (two, _, _) = spanned_records(text.as_bytes(), &two_as_one, &|| {}).expect("tiled");
        assert_eq!(two.len(), records.len() - 1);
        let cut = &text.as_bytes()[..text.len() - 1];
        assert!(
            spanned_records(cut, &spans, &|| {}).is_none(),
            "the end cut"
        );
    }

    /// Reading the spans of records larger in all than [`RELEASE_BYTES`] lets the pages
    /// gone past go, once for each such stretch.
    #[test]
    fn the_spanned_records_let_the_pages_go_past_them() {
        let mut text = String::from("{\n  \"kb\": {\n    \"version\": 1,\n    \"articles\": [\n");
        let mut spans = Vec::new();
        for n in 0..3 {
            if n > 0 {
                text.push_str(",\n");
            }
            let at = text.len();
            text.push_str(&format!(
                "      {{\n        \"source\": {{\n          \"id\": \"a{n}\""
            ));
            text.push_str(&" ".repeat(RELEASE_BYTES / 2));
            text.push_str("\n      }");
            spans.push((format!("a{n}"), at as u64, (text.len() - at) as u64));
        }
        text.push_str("\n    ]\n  }\n}\n");
        let released = std::cell::Cell::new(0);
        let count = || released.set(released.get() + 1);
        let (records, version, _) = spanned_records(text.as_bytes(), &spans, &count).unwrap();
        assert_eq!((records.len(), version), (3, 1));
        assert_eq!(released.get(), 1, "the first two records make one stretch");
    }
}
