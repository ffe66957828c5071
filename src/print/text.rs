//! The text forms shared by commands: a fact as a line, its evidence, a path as a chain.

use super::Style;
use crate::query::{Describe, Path, Read};
use std::borrow::Cow;

/// `s` safe for a terminal, one character for one: every control character (a newline, a
/// tab, the escape that would drive the terminal) is a space, so padding still lines up.
/// Names from hand-edited graph files go through it before they are printed as text; the
/// graph and the other formats keep them as they are.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect(),
    )
}

/// `s` on one line and safe for a terminal: every run of whitespace and control
/// characters is one space, and none at either end. For sentences and messages.
pub fn one_line(s: &str) -> String {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// `Subject -[relation]-> Object`, then the count and date if any: `  (count 2, 2024-11)`.
pub fn fact_line<G: Read>(graph: &G, e: G::Edge, style: &Style) -> String {
    fact_line_within(graph, e, style, None)
}

/// [`fact_line`] in `width` columns (none: no limit): long names are cut with an
/// ellipsis, the relation and the count and date are kept.
pub fn fact_line_within<G: Read>(
    graph: &G,
    e: G::Edge,
    style: &Style,
    width: Option<usize>,
) -> String {
    use super::width::{fit, share, width as cols};
    let relation = graph.relation(e);
    let (s, o) = graph.endpoints(e);
    let attrs = attributes(graph, e);
    let (sname, oname) = (graph.name(s), graph.name(o));
    let attrs_cols = if attrs.is_empty() {
        0
    } else {
        cols(&attrs.to_string()) + 4
    };
    let others = cols(relation.as_str()) + 8 + attrs_cols;
    let room = width.map(|w| w.saturating_sub(others));
    let (sw, ow) = share(cols(sname), cols(oname), room, 12);
    let mut line = format!(
        "{} -[{}]-> {}",
        style.entity(&fit(sname, sw)),
        style.relation(relation.as_str()),
        style.entity(&fit(oname, ow))
    );
    if !attrs.is_empty() {
        line.push_str("  ");
        line.push_str(&style.dim(&format!("({attrs})")));
    }
    line
}

/// `count 2, 2024-11`, or empty.
pub fn attributes<D: Describe>(graph: &D, e: D::Edge) -> Attributes<'_> {
    let (count, date) = graph.count_and_date(e);
    Attributes { count, date }
}

/// A fact's count and date as text (see [`attributes`]).
pub struct Attributes<'a> {
    count: Option<u64>,
    date: Option<&'a str>,
}

impl Attributes<'_> {
    pub fn is_empty(&self) -> bool {
        self.count.is_none() && self.date.is_none()
    }
}

impl std::fmt::Display for Attributes<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match (self.count, self.date) {
            (Some(c), Some(d)) => write!(f, "count {c}, {d}"),
            (Some(c), None) => write!(f, "count {c}"),
            (None, Some(d)) => f.write_str(d),
            (None, None) => Ok(()),
        }
    }
}

/// Each evidence sentence in quotes and its source (every provenance of the fact, the
/// first first), each line starting with `indent`; empty when the fact has neither.
pub fn evidence<G: Read>(graph: &G, e: G::Edge, indent: &str, style: &Style) -> String {
    let f = graph.fact(e);
    let mut out = String::new();
    for p in f.provenances() {
        if let Some(ev) = &p.evidence {
            out.push_str(&format!("{indent}\"{}\"\n", one_line(ev)));
        }
        if let Some(src) = &p.source {
            let source = graph.source(src);
            let source = source.as_deref();
            let date = source.and_then(|s| s.date.as_deref());
            let mut label = match date {
                Some(d) => format!("source: {src} ({d})"),
                None => format!("source: {src}"),
            };
            // Who published it and its title, when the article's header said.
            let about: Vec<String> = source
                .into_iter()
                .flat_map(|s| {
                    let title = s.title.as_deref().map(|t| format!("\u{201c}{t}\u{201d}"));
                    [s.publisher.clone(), title]
                })
                .flatten()
                .collect();
            if !about.is_empty() {
                label.push_str(&format!(" \u{2014} {}", one_line(&about.join(", "))));
            }
            out.push_str(&format!("{indent}{}\n", style.dim(&label)));
        }
    }
    out
}

/// The path as one chain: `A -[sent]-> B <-[received]- C`.
pub fn chain<G: Read>(graph: &G, path: &Path<G::Node, G::Edge>, style: &Style) -> String {
    let nodes = path.nodes(graph);
    let mut out = style.entity(graph.name(nodes[0])).into_owned();
    for (step, &n) in path.steps.iter().zip(&nodes[1..]) {
        let rel = style.relation(graph.relation(step.edge).as_str());
        if step.forward {
            out.push_str(&format!(" -[{rel}]-> "));
        } else {
            out.push_str(&format!(" <-[{rel}]- "));
        }
        out.push_str(&style.entity(graph.name(n)));
    }
    out
}

/// Pads `s` with spaces to `width` characters.
pub fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// `1 fact`, `2 facts`: a count and a noun that agrees with it (plural by adding "s",
/// or "ies" for a final "y" after a consonant).
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_agrees() {
        assert_eq!(counted(1, "fact"), "1 fact");
        assert_eq!(counted(0, "entity"), "0 entities");
        assert_eq!(counted(3, "hop"), "3 hops");
        assert_eq!(counted(2, "day"), "2 days");
    }
}
