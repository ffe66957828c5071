"""Reads a kg RDF export with rdflib, Turtle and N-Triples, and prints it (see common.py).

Rebuilds the graph from the vocabulary the export documents (src/export/rdf.rs): entities
are the subjects typed with a kg: class, facts the rdf:Statement nodes. Checks, by
assertion, that each statement's plain triple is there too and that each date's datatype
matches its length, and that a SPARQL query for who sent what to whom returns exactly
the sent facts. Adds "isomorphic" (the two files give the same graph), "triples" and
"sent".

Usage: read_rdf.py FILE.ttl FILE.nt FROM_ID TO_ID
"""

import re

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Namespace
from rdflib.compare import isomorphic

from common import args, dump

# KG["count"], not KG.count: attribute access would find str.count.
KG = Namespace("https://kg.invalid/ns#")
DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}

(ttl_path, nt_path), ends = args(2)
rdf = Graph().parse(ttl_path, format="turtle")
nt = Graph().parse(nt_path, format="nt")


def local(iri):
    return str(iri)[len(str(KG)) :]


def kebab(name):
    return re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), name)


def one(subject, predicate):
    values = list(rdf.objects(subject, predicate))
    assert len(values) <= 1, (subject, predicate, values)
    return values[0] if values else None


graph = nx.MultiDiGraph()
for node, cls in rdf.subject_objects(RDF.type):
    if not str(cls).startswith(str(KG)) or cls == KG["Source"]:
        continue
    graph.add_node(
        str(one(node, KG["id"])),
        name=str(one(node, RDFS.label)),
        kind=local(cls).lower(),
        aliases=sorted(str(a) for a in rdf.objects(node, KG["alias"])),
    )
for st in rdf.subjects(RDF.type, RDF.Statement):
    s, p, o = one(st, RDF.subject), one(st, RDF.predicate), one(st, RDF.object)
    assert (s, p, o) in rdf, f"statement {st} is not asserted"
    attrs = {"relation": kebab(local(p))}
    if (count := one(st, KG["count"])) is not None:
        assert count.datatype == XSD.integer, count.datatype
        attrs["count"] = int(count.toPython())
    if (date := one(st, KG["date"])) is not None:
        assert date.datatype == DATE_TYPES[len(str(date))], (str(date), date.datatype)
        attrs["date"] = str(date)
    if (source := one(st, KG["source"])) is not None:
        assert (source, RDF.type, KG["Source"]) in rdf
        attrs["source"] = str(one(source, KG["id"]))
    if (evidence := one(st, KG["evidence"])) is not None:
        attrs["evidence"] = str(evidence)
    graph.add_edge(str(one(s, KG["id"])), str(one(o, KG["id"])), **attrs)

# Who sent what to whom, asked in SPARQL: exactly the sent facts, no more, no fewer.
sent_by_sparql = sorted(
    (str(a), str(b))
    for a, b in rdf.query(
        "PREFIX kg: <https://kg.invalid/ns#> "
        "SELECT ?a ?b WHERE { ?s kg:sent ?o . ?s kg:id ?a . ?o kg:id ?b }"
    )
)
sent_in_graph = sorted(
    (u, v) for u, v, rel in graph.edges(data="relation") if rel == "sent"
)
assert sent_by_sparql == sorted(set(sent_in_graph)), (sent_by_sparql, sent_in_graph)

dump(graph, ends, isomorphic=isomorphic(rdf, nt), triples=len(rdf), sent=len(sent_by_sparql))
