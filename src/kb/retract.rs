//! [`Appender::retract`]: `kg remove` of an article that is still in the base's journal
//! (added since the last compact), without rewriting the base or reading it whole.
//!
//! The journal is the base's history since its last rewrite: entry `i` is what merging
//! article `i` changed, over the base and the entries before it (see
//! [`super::journal`]). Taking article `i` out is therefore exact without a rebuild: the
//! entries before it stay as they are, the article's own entry goes, and every later
//! article is merged again, in order, over the snapshot and the entries kept (as `kg add`
//! merges it, see [`super::append`]). The result is the graph a rebuild from every other
//! article gives (the property `kg add` through the journal is tested for), at the cost of
//! merging the journal's later articles again, whatever the size of the base.
//!
//! An article of the base itself (folded in by a compact or any other rewrite) has no
//! such history: what it changed in the merged entities (names, ids, which later
//! articles joined which entity) is not recorded, so only a rebuild can say what taking
//! it out changes, and `kg remove` takes the whole-base path for it, as before. So does
//! an article whose later articles a merge decision makes outgrow the journal.

use super::append::Appender;
use super::journal::{Entry, Journal};
use super::merge::Builder;
use super::overlay::Overlay;
use crate::error::Error;
use crate::model::Source;

/// What [`Appender::retract`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Retracted {
    /// The article was taken out of the journal: its id, and how many facts and entities
    /// the graph lost.
    Removed {
        id: String,
        facts: usize,
        entities: usize,
    },
    /// No article of the base or its journal has this id or file.
    Unknown,
    /// The article is not one the journal can take out (it is in the base, or a later
    /// article needs a rebuild): nothing was changed; the base must be rewritten.
    Rewrite,
}

/// True when `given` names the article of `source`, by id or file, as `kg remove` reads it.
pub fn names(source: &Source, given: &str) -> bool {
    source.id == given || source.path.as_deref() == Some(given)
}

impl Appender {
    /// Takes the article `given` (id or file) out of the journal, merging the later
    /// articles again over what is kept (see the module doc); the new journal is in the
    /// appender, for [`Appender::save_retraction`] to write.
    ///
    /// # Complexity
    /// O(S) for the base's S sources, plus, for each later article of the journal, what
    /// [`Appender::append`] costs for it.
    pub fn retract(&mut self, given: &str) -> Retracted {
        let Some(journal) = self.journal.take() else {
            return Retracted::Rewrite; // one write per lock
        };
        let sources = self.snap.sources_where(|_| true);
        // Base articles come first, as `kg remove` looks them up in a base it holds.
        if sources.iter().any(|s| names(s, given)) {
            return Retracted::Rewrite;
        }
        let at = journal
            .entries
            .iter()
            .position(|e| e.article.as_ref().is_some_and(|a| names(&a.source, given)));
        let Some(at) = at else {
            return Retracted::Unknown;
        };
        let Ok(before) = Overlay::new(&self.snap, journal.clone()) else {
            return Retracted::Rewrite; // the rewrite reports the journal
        };
        let before = before.counts();
        let mut entries = journal.entries;
        let later = entries.split_off(at + 1);
        let gone = entries.pop().and_then(|e| e.article);
        let Some(gone) = gone else {
            return Retracted::Rewrite;
        };
        let mut kept = Journal::new(self.snap.stamp());
        kept.entries = entries;
        let Ok(mut overlay) = Overlay::new(&self.snap, kept.clone()) else {
            return Retracted::Rewrite;
        };
        for entry in later {
            let Some(article) = entry.article else {
                return Retracted::Rewrite;
            };
            let mut b = Builder::over(&self.decisions, &overlay);
            b.add(&article);
            let Some((sources, entities, facts)) = b.delta() else {
                return Retracted::Rewrite;
            };
            let entry = Entry {
                article: Some(article),
                sources,
                entities,
                facts,
            };
            if overlay.push(entry.clone()).is_err() {
                return Retracted::Rewrite;
            }
            kept.entries.push(entry);
        }
        if self.snap.damage().is_some() {
            return Retracted::Rewrite;
        }
        self.counts = overlay.counts();
        self.in_base = sources.len();
        self.articles = kept.entries.len();
        self.text = kept.to_text();
        Retracted::Removed {
            id: gone.source.id,
            facts: before.1.saturating_sub(self.counts.1),
            entities: before.0.saturating_sub(self.counts.0),
        }
    }

    /// Writes the journal [`Appender::retract`] left (one with no article left is removed:
    /// the base alone is the graph), and says in `notes` what it wrote.
    pub fn save_retraction(&self, notes: &mut Vec<String>) -> Result<(), Error> {
        if self.articles > 0 {
            return self.save(notes, true);
        }
        use crate::print::text::counted;
        let jpath = super::journal::path_for(&self.path);
        super::journal::remove(&jpath)?;
        let (entities, facts) = self.counts;
        notes.push(format!(
            "removed {}, which held no other article ({}, {}, {})",
            jpath.display(),
            counted(self.in_base, "article"),
            counted(entities, "entity"),
            counted(facts, "fact")
        ));
        Ok(())
    }
}
