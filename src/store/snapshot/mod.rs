//! Snapshots: a compact binary copy of a JSON knowledge base, memory-mapped so that a
//! one-shot query reads only the pages it needs instead of parsing the whole file.
//!
//! `kg.json`'s snapshot is `kg.json.snap`, beside it. It records the JSON file's length
//! and modification time; when they no longer match (the JSON was edited, or `kg add`
//! rewrote it), or the snapshot is missing, of another layout version, or damaged, it is
//! rebuilt from the JSON and replaced atomically. A damaged page found during a query
//! (every page has a checksum, checked when first read) makes kg rebuild the snapshot and
//! run the query again: a damaged snapshot never gives an answer.
//!
//! Modules: [`format`] (the layout), [`build`] (writing), [`reader`] (reading, name
//! lookup, graph search through [`crate::query::Topology`], decoding a part of the graph)
//! and [`map`] (the memory map, kg's only `unsafe`). The damage test and the fuzz targets
//! read a little of everything through `kg_testkit::probe`. [`stream`] builds a snapshot
//! from a graph file's records as they go by (`kg compact`); both builders write every
//! record with [`sections`], so they write the same bytes. What opening one did (a
//! rebuild, a snapshot it could not save) it tells as data, [`note`]; print words it.

pub mod build;
pub mod format;
pub mod map;
pub mod meta;
pub mod note;
pub mod reader;
pub mod sections;
pub mod stream;
pub mod view;

pub use build::{Built, Stamp, TooLarge, build};
pub use meta::{KbHead, Meta};
pub use note::{SnapshotNote, Stale};
pub use reader::{Snapshot, Unusable};
pub use view::View;

use crate::store::Error;
use crate::store::atomic::write_file;
use map::Bytes;
use std::fs::{File, Metadata};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// When query commands use a snapshot (`--snapshot`, or the `KG_SNAPSHOT` environment
/// variable, read by clap in [`crate::cli::Args`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Policy {
    /// For graph files of [`AUTO_MIN_BYTES`] or more (smaller ones parse in milliseconds).
    #[default]
    Auto,
    /// For every graph file.
    Always,
    /// Never: always parse the JSON.
    Never,
}

/// The smallest graph file `Policy::Auto` makes a snapshot for: 1 MiB.
pub const AUTO_MIN_BYTES: u64 = 1 << 20;

impl Policy {
    /// The policy `--snapshot` or `KG_SNAPSHOT` names (`auto`, `always`, `never`; unset
    /// or empty is `auto`).
    pub fn parse(value: Option<&str>) -> Result<Policy, Error> {
        match value.map(str::trim) {
            None | Some("") | Some("auto") => Ok(Policy::Auto),
            Some("always") => Ok(Policy::Always),
            Some("never") => Ok(Policy::Never),
            Some(other) => Err(Error::BadPolicy {
                value: other.to_string(),
            }),
        }
    }

    /// True when a graph file of `len` bytes gets a snapshot.
    pub fn applies(self, len: u64) -> bool {
        match self {
            Policy::Auto => len >= AUTO_MIN_BYTES,
            Policy::Always => true,
            Policy::Never => false,
        }
    }
}

/// Where the snapshot of a graph file lives: the same name with `.snap` added.
pub fn path_for(json: &Path) -> PathBuf {
    let mut name = json.as_os_str().to_owned();
    name.push(".snap");
    PathBuf::from(name)
}

/// What a snapshot records of its JSON file.
pub fn stamp_of(meta: &Metadata) -> Stamp {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    Stamp {
        len: meta.len(),
        mtime_ns,
    }
}

/// The snapshot of the graph file `json`: the saved one when it is current and sound,
/// else a new one built from the JSON (and saved when the folder allows; a note says
/// when it does not, or when the old one was unusable).
pub fn open(json: &Path, notes: &mut Vec<SnapshotNote>) -> Result<Snapshot, Error> {
    let stamp = stamp_of(&read_meta(json)?);
    let snap_path = path_for(json);
    let why = match File::open(&snap_path) {
        Ok(file) => match Bytes::map(&file) {
            Ok(bytes) => match Snapshot::open(bytes) {
                Ok(s) if s.stamp() == stamp => return Ok(s),
                Ok(_) => None,
                Err(e) => Some(Stale::Unusable(e)),
            },
            Err(e) => Some(Stale::Unreadable(e.to_string())),
        },
        Err(_) => None,
    };
    if let Some(why) = why {
        notes.push(SnapshotNote::Rebuilt {
            path: snap_path,
            why,
        });
    }
    rebuild(json, notes)
}

/// Builds the snapshot of `json` from the JSON, saves it atomically beside it when it
/// can (a note says when it cannot), and returns it.
///
/// # Complexity
/// A full parse of the JSON, then O(V + E + N log N) (see [`build()`]).
pub fn rebuild(json: &Path, notes: &mut Vec<SnapshotNote>) -> Result<Snapshot, Error> {
    let stamp = stamp_of(&read_meta(json)?);
    let graph = crate::store::load_base(Some(json))?;
    let snap_path = path_for(json);
    let built = build(graph, stamp).map_err(|e| Error::Snapshot {
        path: snap_path.clone(),
        message: e.to_string(),
    })?;
    // Saved only when the JSON did not change while it was read, then read back mapped.
    if read_meta(json).map(|m| stamp_of(&m)).ok() == Some(stamp) {
        match write_file(&snap_path, |w| built.write(w)) {
            Ok(()) => {
                drop(built);
                let file = File::open(&snap_path).map_err(|source| Error::ReadGraph {
                    path: snap_path.clone(),
                    source,
                })?;
                let bytes = Bytes::map(&file).map_err(|source| Error::ReadGraph {
                    path: snap_path.clone(),
                    source,
                })?;
                return Snapshot::open(bytes).map_err(|e| Error::Snapshot {
                    path: snap_path,
                    message: format!("the snapshot just written does not read back: {e}"),
                });
            }
            Err(e) => notes.push(SnapshotNote::Unsaved {
                path: snap_path.clone(),
                why: crate::store::describe(&e),
            }),
        }
    }
    Snapshot::open(Bytes::Owned(built.into_bytes())).map_err(|e| Error::Snapshot {
        path: snap_path,
        message: format!("the snapshot just built does not read back: {e}"),
    })
}

fn read_meta(json: &Path) -> Result<Metadata, Error> {
    std::fs::metadata(json).map_err(|source| Error::ReadGraph {
        path: json.into(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::format::{VERSION, at};
    use super::*;
    use crate::query::{Topology, Walk, resolve};

    fn seed() -> crate::model::KnowledgeGraph {
        crate::store::load_base(None).unwrap()
    }

    fn bytes() -> Vec<u8> {
        build(seed(), Stamp::default()).unwrap().into_bytes()
    }

    fn open_bytes(b: Vec<u8>) -> Result<Snapshot, Unusable> {
        Snapshot::open(Bytes::Owned(b))
    }

    #[test]
    fn ids_looked_up_together_are_found_as_one_at_a_time() {
        // A generated graph of 2,000 entities: the searches widen over long runs of ids.
        let mut text = Vec::new();
        let spec = kg_testkit::generate::Spec {
            facts: 10_000,
            seed: 3,
            sources: 0,
        };
        kg_testkit::generate::write(spec, &mut text).unwrap();
        let g = crate::store::json::from_json(std::str::from_utf8(&text).unwrap()).unwrap();
        let snap = open_bytes(build(g.clone(), Stamp::default()).unwrap().into_bytes()).unwrap();
        let mut ids: Vec<String> = g.nodes().map(|n| g.entity(n).id.clone()).collect();
        assert!(ids.len() >= 2000, "{} entities", ids.len());
        // Ids no entity has: before the first, after the last, between two, a prefix.
        let (first, last) = (ids.iter().min().unwrap(), ids.iter().max().unwrap());
        let (before, after) = (first[..first.len() - 1].to_string(), format!("{last}-x"));
        ids.extend(["", "0", "zzzz", "m", &before, &after].map(String::from));
        // Any order, with repeats, and every other subset (the searches' starting points
        // move).
        ids.reverse();
        ids.extend(ids.clone().into_iter().step_by(7));
        for step in [1, 2, 3, 50] {
            let some: Vec<&str> = ids.iter().step_by(step).map(String::as_str).collect();
            let one: Vec<Option<u32>> = some.iter().map(|id| snap.by_id(id)).collect();
            assert_eq!(snap.by_ids(&some), one, "every {step}th id");
        }
        assert!(snap.by_ids(&[]).is_empty());
        let first = g.nodes().map(|n| g.entity(n).id.as_str()).min().unwrap();
        assert!(snap.by_ids(&[first])[0].is_some());
        let all: Vec<&str> = g.nodes().map(|n| g.entity(n).id.as_str()).collect();
        assert!(snap.by_ids(&all).iter().all(Option::is_some));
        assert_eq!(snap.by_ids(&["nobody-has-this-id"]), [None]);
        assert!(snap.damage().is_none());
    }

    #[test]
    fn names_resolve_as_on_the_graph() {
        let g = seed();
        let snap = open_bytes(bytes()).unwrap();
        assert_eq!(snap.entity_count(), g.entity_count());
        let mut queries: Vec<String> = g
            .nodes()
            .flat_map(|n| g.entity(n).names().map(str::to_string).collect::<Vec<_>>())
            .collect();
        queries.extend(
            [
                "putin",
                "kim",
                "zoo",
                "pyongyang c",
                "moscow zo",
                "vladimir-putin",
                "Kursk",
                "nobody here",
                "the",
                "  ",
            ]
            .map(String::from),
        );
        for q in &queries {
            let on_graph = resolve(&g, q).map(|n| g.entity(n).id.clone());
            let on_snap = snap.resolve(q).map(|n| snap.id(n).to_string());
            assert_eq!(on_graph, on_snap, "{q}");
        }
        assert!(snap.damage().is_none());
    }

    /// Every source, and how many facts each is stated in, as on the graph: a fact's
    /// source read from its record alone, or with its further provenances decoded.
    #[test]
    fn sources_and_their_facts_match_the_graph() {
        use crate::query::{Read, facts_by_source};
        let mut file = seed().to_file();
        file.facts[0].extra.insert(
            "also".into(),
            serde_json::json!([{"source": "a-second-article"}]),
        );
        let g = crate::model::KnowledgeGraph::from_file(file).unwrap();
        let snap = open_bytes(build(g.clone(), Stamp::default()).unwrap().into_bytes()).unwrap();
        let counts = facts_by_source(&g);
        assert_eq!(counts.get("a-second-article"), Some(&1));
        assert!(counts.len() > 1);
        assert_eq!(facts_by_source(&snap), counts);
        for e in 0..g.fact_count() as u32 {
            let on_graph = Read::sources_of(&g, petgraph::graph::EdgeIndex::new(e as usize));
            assert_eq!(Read::sources_of(&snap, e), on_graph, "fact {e}");
        }
        let ids = |all: Vec<std::borrow::Cow<'_, crate::model::Source>>| {
            all.iter().map(|s| s.as_ref().clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(snap.all_sources()), ids(g.all_sources()));
        assert!(snap.damage().is_none());
    }

    #[test]
    fn hops_match_the_graph() {
        let g = seed();
        let snap = open_bytes(bytes()).unwrap();
        let walk = Walk::default();
        for n in g.nodes() {
            let a: Vec<_> = g
                .hops(&walk, n)
                .iter()
                .map(|h| (h.edge.index() as u32, h.to.index() as u32, h.forward))
                .collect();
            let b: Vec<_> = snap
                .hops(&walk.map(|_| 0), n.index() as u32)
                .iter()
                .map(|h| (h.edge, h.to, h.forward))
                .collect();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn a_part_decodes_to_the_same_entities_and_facts() {
        let g = seed();
        let snap = open_bytes(bytes()).unwrap();
        let all: Vec<u32> = (0..snap.fact_count() as u32).collect();
        let whole = snap.subgraph(&[], &all);
        let nodes: Vec<u32> = snap.nodes().collect();
        let whole_nodes = snap.subgraph(&nodes, &all);
        assert_eq!(
            crate::store::to_json(&whole_nodes),
            crate::store::to_json(&g)
        );
        assert_eq!(whole.fact_count(), g.fact_count());
    }

    #[test]
    fn cut_short_other_versions_and_strangers_are_refused() {
        let good = bytes();
        let cut = good[..good.len() - 3].to_vec();
        assert_eq!(
            open_bytes(cut).err(),
            Some(Unusable::Damaged("it is cut short".into()))
        );
        let mut longer = good.clone();
        longer.push(0);
        assert_eq!(
            open_bytes(longer).err(),
            Some(Unusable::Damaged("it has bytes past its end".into()))
        );
        let mut other = good.clone();
        other[at::VERSION..at::VERSION + 4].copy_from_slice(&(VERSION + 1).to_le_bytes());
        assert_eq!(
            open_bytes(other).err(),
            Some(Unusable::OtherVersion(VERSION + 1))
        );
        assert_eq!(
            open_bytes(b"{\"version\": 1}".to_vec()).err(),
            Some(Unusable::NotSnapshot)
        );
        assert_eq!(open_bytes(Vec::new()).err(), Some(Unusable::NotSnapshot));
        assert_eq!(
            open_bytes(good[..100].to_vec()).err(),
            Some(Unusable::Damaged("it is cut short".into()))
        );
    }

    #[test]
    fn a_stale_snapshot_is_rebuilt_and_a_damaged_one_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("kg.json");
        std::fs::write(&json, crate::store::EMBEDDED_GRAPH).unwrap();
        let mut notes = Vec::new();
        let snap = open(&json, &mut notes).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert!(path_for(&json).exists());
        assert_eq!(snap.stamp(), stamp_of(&std::fs::metadata(&json).unwrap()));
        // Damaged in the header: refused on open, rebuilt with a note.
        let mut b = std::fs::read(path_for(&json)).unwrap();
        b[at::FACTS] ^= 1;
        std::fs::write(path_for(&json), &b).unwrap();
        let snap = open(&json, &mut notes).unwrap();
        assert_eq!(
            notes,
            [SnapshotNote::Rebuilt {
                path: path_for(&json),
                why: Stale::Unusable(Unusable::Damaged("its header fails its checksum".into()))
            }]
        );
        assert!(snap.damage().is_none());
        // The JSON changes: the stamp no longer matches and the snapshot follows it.
        let smaller = crate::store::EMBEDDED_GRAPH.replace("Moscow Zoo", "Moskva Zoo");
        std::fs::write(&json, smaller).unwrap();
        let snap = open(&json, &mut notes).unwrap();
        assert_eq!(notes.len(), 1);
        assert!(snap.resolve("Moskva Zoo").is_ok());
    }
}
