//! The knowledge base's doings in words: the notes a write leaves on stderr
//! ([`note`]; a snapshot's notes are worded by [`super::store`]), the note a writer
//! waiting for the lock shows ([`waiting`]) and why `kg duplicates` proposes a pair
//! ([`reason`]). The knowledge base returns them as data ([`Note`],
//! [`Reason`]); the wording is pinned by the CLI tests.

use super::text::counted;
use crate::kb::duplicates::{Counted, Reason};
use crate::kb::{Note, Tally};
use std::path::Path;

/// The knowledge base's [`WaitingHook`](crate::kb::session::WaitingHook): says on stderr,
/// at once, that this kg waits for another writer's lock.
pub fn waiting(path: &Path, lock: &Path) {
    eprintln!("kg: {}", waiting_words(path, lock));
}

/// `waiting for another kg to finish writing 'kg.json' (lock 'kg.json.lock')`.
fn waiting_words(path: &Path, lock: &Path) -> String {
    format!(
        "waiting for another kg to finish writing '{}' (lock '{}')",
        path.display(),
        lock.display()
    )
}

/// `3 articles, 2 entities, 1 fact`.
pub fn tally(t: &Tally) -> String {
    format!(
        "{}, {}, {}",
        counted(t.articles, "article"),
        counted(t.entities, "entity"),
        counted(t.facts, "fact")
    )
}

/// A note as the user reads it: `wrote kg.aliases and kg.json (3 articles, ...)`.
pub fn note(n: &Note) -> String {
    match n {
        Note::Wrote { paths, tally: t } => {
            let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            format!("wrote {} ({})", paths.join(" and "), tally(t))
        }
        Note::Unchanged {
            base,
            why,
            tally: t,
        } => format!("{} unchanged: {why} ({})", base.display(), tally(t)),
        Note::WroteJournal {
            journal,
            base,
            added,
            tally: t,
        } => format!(
            "wrote {} ({}; {} on top of {}: 'kg compact' folds the journal in)",
            journal.display(),
            tally(t),
            counted(*added, "article"),
            base.display()
        ),
        Note::WroteDecisions { path } => format!("wrote {}", path.display()),
        Note::WroteUnion {
            journal,
            base,
            tally: t,
        } => format!(
            "wrote {} ({}; the merge on top of {}: 'kg compact' rebuilds it under the decision)",
            journal.display(),
            tally(t),
            base.display()
        ),
        Note::LargeJournal {
            journal,
            base,
            bytes,
        } => format!(
            "{} is {:.1} MB, and every query reads it first (about 12 ms per MB): 'kg compact' folds it into {}",
            journal.display(),
            *bytes as f64 / 1e6,
            base.display()
        ),
        Note::Folded {
            journal,
            base,
            articles,
            removals,
            merges,
        } => {
            // `3 articles`, `3 articles and 1 removal`, `0 articles and 1 merge`.
            let mut held = counted(*articles, "article");
            for (n, what) in [(removals, "removal"), (merges, "merge")] {
                if *n > 0 {
                    held.push_str(&format!(" and {}", counted(*n, what)));
                }
            }
            format!(
                "folded {held} from '{}' into '{}' and removed it",
                journal.display(),
                base.display()
            )
        }
        Note::Settled { journal, id } => format!(
            "settled the pending removal of {id} in {} (the entities and flags the rebuild without it gives)",
            journal.display()
        ),
        Note::RemovedJournal { journal, tally: t } => format!(
            "removed {}, which held no other article ({})",
            journal.display(),
            tally(t)
        ),
        Note::SnapshotUnwritten { snapshot, why } => format!(
            "did not write snapshot '{}' ({why}); the next query builds it",
            snapshot.display()
        ),
        Note::Migrated {
            base,
            from,
            to,
            backup,
        } => format!(
            "migrated '{}' from knowledge-base format {from} to {to}; the old file is kept as '{}'",
            base.display(),
            backup.display()
        ),
        Note::Snapshot(n) => super::store::snapshot_note(n),
    }
}

/// The notes in words, in order.
pub fn notes(notes: &[Note]) -> impl Iterator<Item = String> + '_ {
    notes.iter().map(note)
}

/// A reason as `kg duplicates` prints it: `both go by 'DPRK'`.
pub fn reason(r: &Reason) -> String {
    match r {
        Reason::Shared(n) => format!("both go by '{n}'"),
        Reason::Accents => "same name without accents".into(),
        Reason::Spacing => "same name but for hyphens or spaces".into(),
        Reason::Transliteration => {
            "one name's words are a transliteration variant of the other's".into()
        }
        Reason::Part { part, whole } => format!("'{part}' is part of '{whole}'"),
        Reason::Letters(d) => format!("names differ by {}", counted(*d, "letter")),
        Reason::MoreOften {
            main,
            other,
            of,
            count,
            other_count,
        } => {
            let what = match of {
                Counted::Articles => "article",
                Counted::Facts => "fact",
            };
            format!(
                "'{main}' is in {}, '{other}' in {other_count}",
                counted(*count, what)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::snapshot::SnapshotNote;
    use std::path::PathBuf;

    fn tally3() -> Tally {
        Tally {
            articles: 3,
            entities: 1,
            facts: 2,
        }
    }

    #[test]
    fn notes_read_as_before() {
        let p = PathBuf::from;
        assert_eq!(
            note(&Note::Wrote {
                paths: vec![p("kg.aliases"), p("kg.json")],
                tally: tally3()
            }),
            "wrote kg.aliases and kg.json (3 articles, 1 entity, 2 facts)"
        );
        assert_eq!(
            note(&Note::Folded {
                journal: p("kg.json.journal"),
                base: p("kg.json"),
                articles: 1,
                removals: 2,
                merges: 0
            }),
            "folded 1 article and 2 removals from 'kg.json.journal' into 'kg.json' and removed it"
        );
        assert_eq!(
            note(&Note::Folded {
                journal: p("kg.json.journal"),
                base: p("kg.json"),
                articles: 0,
                removals: 0,
                merges: 1
            }),
            "folded 0 articles and 1 merge from 'kg.json.journal' into 'kg.json' and removed it"
        );
        assert_eq!(
            note(&Note::WroteUnion {
                journal: p("kg.json.journal"),
                base: p("kg.json"),
                tally: tally3()
            }),
            "wrote kg.json.journal (3 articles, 1 entity, 2 facts; the merge on top of kg.json: 'kg compact' rebuilds it under the decision)"
        );
        assert_eq!(
            note(&Note::LargeJournal {
                journal: p("j"),
                base: p("kg.json"),
                bytes: 2_140_000
            }),
            "j is 2.1 MB, and every query reads it first (about 12 ms per MB): 'kg compact' folds it into kg.json"
        );
        assert_eq!(
            note(&Note::Snapshot(SnapshotNote::Unsaved {
                path: p("kg.json.snap"),
                why: "permission denied".into()
            })),
            "could not save snapshot 'kg.json.snap' (permission denied); the next query will read the JSON again"
        );
    }

    #[test]
    fn reasons_read_as_before() {
        assert_eq!(reason(&Reason::Letters(2)), "names differ by 2 letters");
        assert_eq!(
            reason(&Reason::MoreOften {
                main: "Putin".into(),
                other: "Vladimir Putin".into(),
                of: Counted::Facts,
                count: 1,
                other_count: 0,
            }),
            "'Putin' is in 1 fact, 'Vladimir Putin' in 0"
        );
    }

    #[test]
    fn a_waiting_writer_names_the_base_and_the_lock() {
        assert_eq!(
            waiting_words(Path::new("kg.json"), Path::new("kg.json.lock")),
            "waiting for another kg to finish writing 'kg.json' (lock 'kg.json.lock')"
        );
    }
}
