//! RDF: the graph as Turtle ([`write_turtle`]) or N-Triples ([`write_ntriples`]), for
//! rdflib, Apache Jena and any triple store. Both give the same triples; [`write`] is
//! Turtle.
//!
//! # Vocabulary
//!
//! Everything kg defines lives under the base `https://kg.invalid/` (the reserved
//! `.invalid` domain: these IRIs name things, they are not meant to be fetched):
//!
//! | IRI | what it is |
//! |---|---|
//! | `https://kg.invalid/ns#` (prefix `kg:`) | the vocabulary below |
//! | `https://kg.invalid/entity/<id>` | an entity; `<id>` is its id percent-encoded ([`escape::percent_encode`]) |
//! | `https://kg.invalid/source/<id>` | a source article, likewise |
//! | `kg:Person`, `kg:Institution`, `kg:Country`, `kg:Place`, `kg:Animal`, `kg:Group`, `kg:Agreement`, `kg:Statement`, `kg:Thing` | classes, one per kind (`rdf:type`) |
//! | `kg:Source` | the class of source articles |
//! | `kg:sent`, `kg:received`, `kg:stated`, `kg:deployedTo`, `kg:leads`, `kg:memberOf`, `kg:locatedIn`, `kg:signed`, `kg:fought`, `kg:cooperatesWith` | properties, one per relation (the relation name in camelCase) |
//! | `kg:id` | the kg id of an entity or source (a plain string) |
//! | `rdfs:label` | an entity's name, a source's title |
//! | `kg:alias` | an entity's alias, one triple per alias |
//! | `kg:count`, `kg:date`, `kg:source`, `kg:evidence` | a fact's count (`xsd:integer`), date, source article (an IRI) and evidence sentence; also `kg:date` of a source |
//!
//! # Facts and their provenance
//!
//! Each fact is written twice: as the plain triple `entity kg:relation entity`, and as
//! an RDF reification, a blank node `_:fN` of type `rdf:Statement` with `rdf:subject`,
//! `rdf:predicate` and `rdf:object`, that carries the fact's count, date, source and
//! evidence. Reification (not RDF-star) is used so that every RDF 1.1 reader, rdflib
//! included, reads it; and one statement node per fact keeps parallel facts (the same
//! triple stated by two articles) apart.
//!
//! Dates are typed by their length: `YYYY` as `xsd:gYear`, `YYYY-MM` as
//! `xsd:gYearMonth`, `YYYY-MM-DD` as `xsd:date`. String literals are escaped by
//! [`escape::rdf_string`] (the `STRING_LITERAL_QUOTE` rule both formats share); non-ASCII
//! text is written as it is, in UTF-8. Entities come in id order, then facts in canonical
//! order, then the sources they cite.

use super::{escape, kind_label, ordered_edges, ordered_nodes};
use crate::model::{Fact, Kind, KnowledgeGraph, Relation, Subgraph};
use std::collections::BTreeSet;
use std::io::{self, Write};

/// The base of every IRI kg mints.
pub const BASE: &str = "https://kg.invalid/";
/// The vocabulary namespace, prefix `kg:`.
pub const NS: &str = "https://kg.invalid/ns#";

/// A namespace the writer abbreviates in Turtle.
#[derive(Clone, Copy)]
enum Ns {
    Kg,
    Rdf,
    Rdfs,
    Xsd,
}

impl Ns {
    const ALL: [Ns; 4] = [Ns::Kg, Ns::Rdf, Ns::Rdfs, Ns::Xsd];

    fn prefix(self) -> &'static str {
        match self {
            Ns::Kg => "kg",
            Ns::Rdf => "rdf",
            Ns::Rdfs => "rdfs",
            Ns::Xsd => "xsd",
        }
    }

    fn iri(self) -> &'static str {
        match self {
            Ns::Kg => NS,
            Ns::Rdf => "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            Ns::Rdfs => "http://www.w3.org/2000/01/rdf-schema#",
            Ns::Xsd => "http://www.w3.org/2001/XMLSchema#",
        }
    }
}

/// An RDF term, before it is written in one syntax or the other.
enum Term {
    /// A minted IRI: `BASE` + this path.
    Minted(String),
    /// A name in a known namespace (`kg:sent`).
    Name(Ns, String),
    /// A blank node label.
    Blank(String),
    /// A plain string literal.
    Str(String),
    /// A literal with a datatype in `xsd:`.
    Typed(String, &'static str),
    /// An `xsd:integer`.
    Int(u64),
}

impl Term {
    fn name(ns: Ns, local: impl Into<String>) -> Term {
        Term::Name(ns, local.into())
    }

    /// The term in N-Triples (full IRIs), or in Turtle (prefixed names, bare integers).
    fn write(&self, turtle: bool) -> String {
        match self {
            Term::Minted(path) => format!("<{BASE}{path}>"),
            Term::Name(ns, local) if turtle => format!("{}:{local}", ns.prefix()),
            Term::Name(ns, local) => format!("<{}{local}>", ns.iri()),
            Term::Blank(label) => format!("_:{label}"),
            Term::Str(s) => escape::rdf_string(s),
            Term::Typed(s, ty) => format!(
                "{}^^{}",
                escape::rdf_string(s),
                Term::name(Ns::Xsd, *ty).write(turtle)
            ),
            Term::Int(n) if turtle => n.to_string(),
            Term::Int(n) => Term::Typed(n.to_string(), "integer").write(false),
        }
    }
}

type Triple = (Term, Term, Term);

/// The class of a kind: `kg:Person`, ….
fn class(kind: Kind) -> Term {
    Term::name(Ns::Kg, kind_label(kind))
}

/// The property of a relation: `kg:deployedTo`, ….
fn property(relation: Relation) -> Term {
    let mut local = String::new();
    let mut upper = false;
    for c in relation.as_str().chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            local.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            local.push(c);
        }
    }
    Term::name(Ns::Kg, local)
}

fn entity(id: &str) -> Term {
    Term::Minted(format!("entity/{}", escape::percent_encode(id)))
}

fn source(id: &str) -> Term {
    Term::Minted(format!("source/{}", escape::percent_encode(id)))
}

/// A date literal typed by its length.
fn date(d: &str) -> Term {
    let ty = match d.len() {
        4 => "gYear",
        7 => "gYearMonth",
        _ => "date",
    };
    Term::Typed(d.to_string(), ty)
}

fn rdf_type() -> Term {
    Term::name(Ns::Rdf, "type")
}

/// Every triple of the subgraph, grouped by subject, in output order.
fn triples(graph: &KnowledgeGraph, sub: &Subgraph) -> Vec<Triple> {
    let mut out: Vec<Triple> = Vec::new();
    for n in ordered_nodes(graph, sub) {
        let e = graph.entity(n);
        let me = || entity(&e.id);
        out.push((me(), rdf_type(), class(e.kind)));
        out.push((me(), Term::name(Ns::Kg, "id"), Term::Str(e.id.clone())));
        out.push((
            me(),
            Term::name(Ns::Rdfs, "label"),
            Term::Str(e.name.clone()),
        ));
        for a in &e.aliases {
            out.push((me(), Term::name(Ns::Kg, "alias"), Term::Str(a.clone())));
        }
    }
    let mut cited = BTreeSet::new();
    for (i, edge) in ordered_edges(graph, sub).into_iter().enumerate() {
        let f: &Fact = graph.fact(edge);
        out.push((entity(&f.subject), property(f.relation), entity(&f.object)));
        let me = || Term::Blank(format!("f{i}"));
        let kg = |local: &str| Term::name(Ns::Kg, local);
        out.push((me(), rdf_type(), Term::name(Ns::Rdf, "Statement")));
        out.push((me(), Term::name(Ns::Rdf, "subject"), entity(&f.subject)));
        out.push((me(), Term::name(Ns::Rdf, "predicate"), property(f.relation)));
        out.push((me(), Term::name(Ns::Rdf, "object"), entity(&f.object)));
        if let Some(c) = f.count {
            out.push((me(), kg("count"), Term::Int(c)));
        }
        if let Some(d) = &f.date {
            out.push((me(), kg("date"), date(d)));
        }
        if let Some(s) = &f.source {
            out.push((me(), kg("source"), source(s)));
            cited.insert(s.as_str());
        }
        if let Some(ev) = &f.evidence {
            out.push((me(), kg("evidence"), Term::Str(ev.clone())));
        }
    }
    for id in cited {
        out.push((source(id), rdf_type(), Term::name(Ns::Kg, "Source")));
        out.push((
            source(id),
            Term::name(Ns::Kg, "id"),
            Term::Str(id.to_string()),
        ));
        if let Some(s) = graph.source(id) {
            if let Some(t) = &s.title {
                out.push((
                    source(id),
                    Term::name(Ns::Rdfs, "label"),
                    Term::Str(t.clone()),
                ));
            }
            if let Some(d) = &s.date {
                out.push((source(id), Term::name(Ns::Kg, "date"), date(d)));
            }
        }
    }
    out
}

/// Writes the subgraph as N-Triples: one triple per line, full IRIs.
pub fn write_ntriples(
    graph: &KnowledgeGraph,
    sub: &Subgraph,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (s, p, o) in triples(graph, sub) {
        writeln!(
            out,
            "{} {} {} .",
            s.write(false),
            p.write(false),
            o.write(false)
        )?;
    }
    Ok(())
}

/// Writes the subgraph as Turtle: prefixes, then the triples grouped by subject.
pub fn write_turtle(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    for ns in Ns::ALL {
        writeln!(out, "@prefix {}: <{}> .", ns.prefix(), ns.iri())?;
    }
    let mut previous: Option<String> = None;
    for (s, p, o) in triples(graph, sub) {
        let subject = s.write(true);
        let predicate = match p {
            Term::Name(Ns::Rdf, ref local) if local == "type" => "a".to_string(),
            _ => p.write(true),
        };
        if previous.as_deref() == Some(subject.as_str()) {
            write!(out, " ;\n    {predicate} {}", o.write(true))?;
        } else {
            if previous.is_some() {
                writeln!(out, " .")?;
            }
            write!(out, "\n{subject} {predicate} {}", o.write(true))?;
            previous = Some(subject);
        }
    }
    if previous.is_some() {
        writeln!(out, " .")?;
    }
    Ok(())
}

/// Turtle, the default RDF syntax: the same as [`write_turtle`].
pub fn write(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn Write) -> io::Result<()> {
    write_turtle(graph, sub, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::consumer::{self, Normalized};
    use crate::export::sample;

    fn render(writer: sample::Writer, graph: &KnowledgeGraph) -> String {
        sample::render(writer, graph, &Subgraph::whole(graph))
    }

    #[test]
    fn names_follow_the_vocabulary() {
        assert_eq!(class(Kind::Person).write(true), "kg:Person");
        assert_eq!(
            property(Relation::CooperatesWith).write(false),
            "<https://kg.invalid/ns#cooperatesWith>"
        );
        assert_eq!(
            entity("Москва x").write(false),
            "<https://kg.invalid/entity/%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0%20x>"
        );
        assert_eq!(date("2024").write(true), "\"2024\"^^xsd:gYear");
        assert_eq!(
            date("2024-06").write(false),
            "\"2024-06\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
        );
        assert_eq!(date("2024-06-19").write(true), "\"2024-06-19\"^^xsd:date");
    }

    #[test]
    fn turtle_groups_by_subject_and_reifies_facts() {
        let g = sample::news();
        let ttl = render(write_turtle, &g);
        assert!(ttl.contains(
            "\n<https://kg.invalid/entity/vladimir-putin> a kg:Person ;\n    kg:id \"vladimir-putin\" ;\n    rdfs:label \"Vladimir Putin\" ;\n    kg:alias \"Putin\" .\n"
        ), "{ttl}");
        assert!(ttl.contains("    kg:count 12000 ;\n"), "{ttl}");
        assert!(ttl.contains("kg:evidence \"Putin gave Kim \\\"two brown bears\\\" and a lion.\""));
        assert_eq!(ttl, render(write, &g));
    }

    #[test]
    fn ntriples_has_one_triple_per_line() {
        let g = sample::hostile();
        let nt = render(write_ntriples, &g);
        for line in nt.lines() {
            assert!(line.ends_with(" ."), "{line}");
            assert!(line.starts_with('<') || line.starts_with("_:f"), "{line}");
        }
    }

    #[test]
    fn rdflib_reads_the_news_and_hostile_graphs() {
        for (g, (from, to)) in sample::graphs() {
            let sub = Subgraph::whole(&g);
            let ends = (from.as_str(), to.as_str());
            let Some(got) = consumer::python("read_rdf.py", ends, |dir| {
                let (ttl, nt) = (dir.join("g.ttl"), dir.join("g.nt"));
                std::fs::write(&ttl, render(write_turtle, &g))?;
                std::fs::write(&nt, render(write_ntriples, &g))?;
                Ok(vec![ttl, nt])
            }) else {
                return;
            };
            assert_eq!(
                Normalized::from_consumer(&got),
                Normalized::expected(&g, &sub, ends)
            );
            assert_eq!(got["isomorphic"], true, "Turtle and N-Triples differ");
            let lines = render(write_ntriples, &g).lines().count();
            assert!(got["triples"].as_u64().unwrap() <= lines as u64);
            // SPARQL's answer to "who sent what to whom" is exactly the sent facts.
            let mut sent: Vec<(String, String)> = g
                .edges()
                .filter(|&e| g.fact(e).relation == crate::model::Relation::Sent)
                .map(|e| (g.fact(e).subject.clone(), g.fact(e).object.clone()))
                .collect();
            sent.sort();
            sent.dedup();
            assert_eq!(got["sent"], sent.len());
        }
    }
}
