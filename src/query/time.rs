//! [`Window`]: `--since` / `--until`, keeping the facts dated within a time window.
//!
//! Dates are ISO-8601 prefixes (`2024`, `2024-06`, `2024-06-19`), each standing for its
//! whole period: a fact dated `2024-06` is kept by `--since 2024-06-19` (June overlaps
//! it). A fact with no date goes by the dates of the articles that state it (kept when one
//! of them is in the window); a fact with neither is left out while a window is given.

use crate::model::{Fact, GraphFile, KnowledgeGraph};
use std::collections::HashMap;

/// The time window of a query. Empty bounds keep everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub since: Option<String>,
    pub until: Option<String>,
}

/// `a` and `b` compared on their common prefix: equal when one period contains the other.
fn cmp_periods(a: &str, b: &str) -> std::cmp::Ordering {
    let n = a.len().min(b.len());
    a[..n].cmp(&b[..n])
}

impl Window {
    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// True when the period `date` overlaps the window.
    pub fn contains(&self, date: &str) -> bool {
        self.since
            .as_deref()
            .is_none_or(|s| cmp_periods(date, s).is_ge())
            && self
                .until
                .as_deref()
                .is_none_or(|u| cmp_periods(date, u).is_le())
    }

    /// True when the fact is in the window, by its date or its articles' dates.
    pub fn keeps(&self, fact: &Fact, source_dates: &HashMap<&str, &str>) -> bool {
        if self.is_open() {
            return true;
        }
        match &fact.date {
            Some(d) => self.contains(d),
            None => fact
                .sources()
                .iter()
                .filter_map(|s| source_dates.get(s.as_str()))
                .any(|d| self.contains(d)),
        }
    }

    /// The graph with only the facts in the window (every entity stays, so names still
    /// resolve), in the graph's own order: entities and facts keep their order, so a
    /// query answers in a window as it does without one (and as a snapshot read through
    /// [`super::Windowed`] does).
    ///
    /// # Complexity
    /// O(V + E).
    pub fn apply(&self, graph: KnowledgeGraph) -> KnowledgeGraph {
        if self.is_open() {
            return graph;
        }
        let mut file: GraphFile = graph.into_file();
        let dates: HashMap<&str, &str> = file
            .sources
            .iter()
            .filter_map(|s| Some((s.id.as_str(), s.date.as_deref()?)))
            .collect();
        let keep: Vec<bool> = file.facts.iter().map(|f| self.keeps(f, &dates)).collect();
        let mut k = keep.into_iter();
        file.facts.retain(|_| k.next().unwrap_or(false));
        KnowledgeGraph::from_file(file).expect("a subset of a valid graph is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Relation, Source};

    fn w(since: Option<&str>, until: Option<&str>) -> Window {
        Window {
            since: since.map(String::from),
            until: until.map(String::from),
        }
    }

    #[test]
    fn periods_overlap() {
        assert!(w(Some("2024-06-19"), None).contains("2024-06"));
        assert!(w(Some("2024-06-19"), None).contains("2024-07-01"));
        assert!(!w(Some("2024-06-19"), None).contains("2024-05-30"));
        assert!(w(None, Some("2024")).contains("2024-12-31"));
        assert!(!w(None, Some("2024")).contains("2025-01"));
        assert!(w(Some("2024-01"), Some("2024-03")).contains("2024-02-10"));
    }

    #[test]
    fn undated_facts_go_by_their_articles() {
        let mut f = Fact::new("a", Relation::Sent, "b");
        f.source = Some("s".into());
        let mut s = Source::new("s");
        s.date = Some("2023-05-01".into());
        let dates = HashMap::from([("s", "2023-05-01")]);
        assert!(w(Some("2023"), None).keeps(&f, &dates));
        assert!(!w(Some("2024"), None).keeps(&f, &dates));
        f.source = None;
        assert!(!w(Some("2023"), None).keeps(&f, &dates));
        assert!(w(None, None).keeps(&f, &dates));
    }
}
