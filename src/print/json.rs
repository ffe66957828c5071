//! The JSON shapes query commands print with `--format json`. Field names are stable:
//! scripts may rely on them. Absent values are `null`, never missing.

use crate::model::{Kind, KnowledgeGraph, Provenance, Relation};
use crate::query::{Link, Path};
use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::Serialize;

/// An entity as named in other shapes: `{"id", "name", "kind"}`.
#[derive(Serialize)]
pub struct EntityRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: Kind,
}

impl<'a> EntityRef<'a> {
    pub fn new(graph: &'a KnowledgeGraph, n: NodeIndex) -> Self {
        let e = graph.entity(n);
        EntityRef {
            id: &e.id,
            name: &e.name,
            kind: e.kind,
        }
    }
}

/// A whole entity: its ref, aliases and degree.
#[derive(Serialize)]
pub struct EntityView<'a> {
    #[serde(flatten)]
    pub entity: EntityRef<'a>,
    pub aliases: &'a [String],
    pub facts: usize,
}

impl<'a> EntityView<'a> {
    pub fn new(graph: &'a KnowledgeGraph, n: NodeIndex) -> Self {
        EntityView {
            entity: EntityRef::new(graph, n),
            aliases: &graph.entity(n).aliases,
            facts: graph.graph().neighbors_undirected(n).count(),
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
    pub date: Option<&'a str>,
    pub source: Option<&'a str>,
    pub evidence: Option<&'a str>,
    pub span: Option<[usize; 2]>,
    pub rule: Option<&'a str>,
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
    pub fn new(graph: &KnowledgeGraph, p: Provenance) -> Self {
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
    pub fn new(graph: &'a KnowledgeGraph, e: EdgeIndex) -> Self {
        let f = graph.fact(e);
        let (s, o) = graph.endpoints(e);
        FactView {
            subject: EntityRef::new(graph, s),
            relation: f.relation,
            object: EntityRef::new(graph, o),
            count: f.count,
            date: f.date.as_deref(),
            source: f.source.as_deref(),
            evidence: f.evidence.as_deref(),
            span: f.span,
            rule: f.rule.as_deref(),
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
    pub fn new(graph: &'a KnowledgeGraph, path: &Path) -> Self {
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
    pub fn new(graph: &'a KnowledgeGraph, l: &Link) -> Self {
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
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<&'a str>,
    pub date: Option<&'a str>,
    pub path: Option<&'a str>,
}

impl<'a> SourceView<'a> {
    /// The source with this id, as far as the graph knows it.
    pub fn new(graph: &'a KnowledgeGraph, id: &'a str) -> Self {
        let s = graph.source(id);
        SourceView {
            id,
            title: s.and_then(|s| s.title.as_deref()),
            publisher: s.and_then(|s| s.publisher.as_deref()),
            date: s.and_then(|s| s.date.as_deref()),
            path: s.and_then(|s| s.path.as_deref()),
        }
    }
}

/// Prints a value as pretty JSON followed by a newline.
pub fn print(out: &mut dyn std::io::Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}
