//! [`Known`]: the base a [`super::merge::Builder`] merges articles into when it does not
//! hold the whole base: it asks only for what the new articles' names and facts touch.
//! `kg add` on a large base merges through the snapshot's indexes this way
//! ([`super::Overlay`]); a graph file answers the same questions by
//! scanning (for tests and small graphs).

use super::merge::fact_key;
use crate::model::name::lookup_key;
use crate::model::{Entity, Fact, GraphFile};

/// What merging an article needs to know of the base it goes into.
pub trait Known {
    /// Every entity of the base going by this normalized name (canonical or alias), with
    /// its place in the base's order.
    fn entities_named(&self, name: &str) -> Vec<(usize, Entity)>;

    /// True when an entity of the base has this id.
    fn has_id(&self, id: &str) -> bool;

    /// The base's fact with the key of `f` (subject, relation, object, date; symmetric
    /// relations in either order), if there is one.
    fn fact_like(&self, f: &Fact) -> Option<Fact>;
}

/// A graph file as a base, by scanning.
///
/// # Complexity
/// O(V) or O(E) per question.
impl Known for GraphFile {
    fn entities_named(&self, name: &str) -> Vec<(usize, Entity)> {
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.names().any(|n| lookup_key(n) == name))
            .map(|(i, e)| (i, e.clone()))
            .collect()
    }

    fn has_id(&self, id: &str) -> bool {
        self.entities.iter().any(|e| e.id == id)
    }

    fn fact_like(&self, f: &Fact) -> Option<Fact> {
        let key = fact_key(f);
        self.facts.iter().find(|g| fact_key(g) == key).cloned()
    }
}
