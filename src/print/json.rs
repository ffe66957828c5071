//! The JSON shapes query commands print with `--format json`. Field names are stable:
//! scripts may rely on them. Absent values are `null`, never missing.

//!
//! Every shape is built from any [`Read`] graph: the in-memory one or a snapshot, whose
//! records are decoded as they are asked for (hence the owned strings).

use crate::model::{Kind, Provenance, Relation};
use crate::query::{Link, Path, Read};
use serde::Serialize;
use std::borrow::Cow;

/// An entity as named in other shapes: `{"id", "name", "kind"}`.
#[derive(Serialize)]
pub struct EntityRef<'a> {
    pub id: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub kind: Kind,
}

impl<'a> EntityRef<'a> {
    pub fn new<G: Read>(graph: &'a G, n: G::Node) -> Self {
        match graph.entity(n) {
            Cow::Borrowed(e) => EntityRef {
                id: Cow::Borrowed(&e.id),
                name: Cow::Borrowed(&e.name),
                kind: e.kind,
            },
            Cow::Owned(e) => EntityRef {
                id: Cow::Owned(e.id),
                name: Cow::Owned(e.name),
                kind: e.kind,
            },
        }
    }
}

/// A whole entity: its ref, aliases and degree.
#[derive(Serialize)]
pub struct EntityView<'a> {
    #[serde(flatten)]
    pub entity: EntityRef<'a>,
    pub aliases: Vec<String>,
    pub facts: usize,
}

impl<'a> EntityView<'a> {
    pub fn new<G: Read>(graph: &'a G, n: G::Node) -> Self {
        EntityView {
            entity: EntityRef::new(graph, n),
            aliases: graph.entity(n).aliases.clone(),
            facts: graph.degree(n),
        }
    }
}

/// A fact: `{"subject", "relation", "object", "count", "date", "source", "evidence",
/// "span", "rule", "also"}` with subject and object as [`EntityRef`]s; `source` to `rule`
/// are its first provenance, `also` lists the others (other articles stating it).
#[derive(Serialize)]
pub struct FactView<'a> {
    pub subject: EntityRef<'a>,
    pub relation: Relation,
    pub object: EntityRef<'a>,
    pub count: Option<u64>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub evidence: Option<String>,
    pub span: Option<[usize; 2]>,
    pub rule: Option<String>,
    pub also: Vec<ProvenanceView>,
}

/// A further place a fact is stated: `{"source", "date", "evidence", "span", "rule",
/// "count"}` (`date` is the article's).
#[derive(Serialize)]
pub struct ProvenanceView {
    pub source: Option<String>,
    pub date: Option<String>,
    pub evidence: Option<String>,
    pub span: Option<[usize; 2]>,
    pub rule: Option<String>,
    pub count: Option<u64>,
}

impl ProvenanceView {
    pub fn new<G: Read>(graph: &G, p: Provenance) -> Self {
        let date = p
            .source
            .as_deref()
            .and_then(|s| graph.source(s))
            .and_then(|s| s.date.clone());
        ProvenanceView {
            source: p.source,
            date,
            evidence: p.evidence,
            span: p.span,
            rule: p.rule,
            count: p.count,
        }
    }
}

impl<'a> FactView<'a> {
    pub fn new<G: Read>(graph: &'a G, e: G::Edge) -> Self {
        let f = graph.fact(e);
        let (s, o) = graph.endpoints(e);
        FactView {
            subject: EntityRef::new(graph, s),
            relation: f.relation,
            object: EntityRef::new(graph, o),
            count: f.count,
            date: f.date.clone(),
            source: f.source.clone(),
            evidence: f.evidence.clone(),
            span: f.span,
            rule: f.rule.clone(),
            also: f
                .also()
                .into_iter()
                .map(|p| ProvenanceView::new(graph, p))
                .collect(),
        }
    }
}

/// A path step: the entities it leaves and reaches, whether it follows the fact's arrow
/// (`"forward"`) or walks it back (`"backward"`), and the fact.
#[derive(Serialize)]
pub struct StepView<'a> {
    pub from: EntityRef<'a>,
    pub to: EntityRef<'a>,
    pub direction: &'static str,
    pub fact: FactView<'a>,
}

/// A path: `{"hops", "steps"}`.
#[derive(Serialize)]
pub struct PathView<'a> {
    pub hops: usize,
    pub steps: Vec<StepView<'a>>,
}

impl<'a> PathView<'a> {
    pub fn new<G: Read>(graph: &'a G, path: &Path<G::Node, G::Edge>) -> Self {
        let nodes = path.nodes(graph);
        let steps = path
            .steps
            .iter()
            .zip(nodes.windows(2))
            .map(|(s, w)| StepView {
                from: EntityRef::new(graph, w[0]),
                to: EntityRef::new(graph, w[1]),
                direction: if s.forward { "forward" } else { "backward" },
                fact: FactView::new(graph, s.edge),
            })
            .collect();
        PathView {
            hops: path.len(),
            steps,
        }
    }
}

/// A neighbour: the entity reached, at which depth, from which entity, and the fact.
#[derive(Serialize)]
pub struct LinkView<'a> {
    pub entity: EntityRef<'a>,
    pub depth: usize,
    pub from: EntityRef<'a>,
    pub direction: &'static str,
    pub fact: FactView<'a>,
}

impl<'a> LinkView<'a> {
    pub fn new<G: Read>(graph: &'a G, l: &Link<G::Node, G::Edge>) -> Self {
        LinkView {
            entity: EntityRef::new(graph, l.to),
            depth: l.depth,
            from: EntityRef::new(graph, l.from),
            direction: if l.forward { "out" } else { "in" },
            fact: FactView::new(graph, l.edge),
        }
    }
}

/// A source (article): `{"id", "title", "date", "path"}`.
#[derive(Serialize)]
pub struct SourceView<'a> {
    pub id: &'a str,
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub path: Option<String>,
}

impl<'a> SourceView<'a> {
    /// The source with this id, as far as the graph knows it.
    pub fn new<G: Read>(graph: &G, id: &'a str) -> Self {
        let s = graph.source(id);
        let s = s.as_deref();
        SourceView {
            id,
            title: s.and_then(|s| s.title.clone()),
            publisher: s.and_then(|s| s.publisher.clone()),
            date: s.and_then(|s| s.date.clone()),
            path: s.and_then(|s| s.path.clone()),
        }
    }
}

/// Prints a value as pretty JSON followed by a newline.
pub fn print(out: &mut dyn std::io::Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}
