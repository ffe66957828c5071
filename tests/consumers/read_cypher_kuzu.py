"""Runs a kg Cypher export (written by cypher::write_kuzu) in an in-memory Kuzu database,
queries every node and relationship back and prints them (see common.py). Checks, by
assertion, that Kuzu's own fact count and shortest-path length (a MATCH ... SHORTEST
query) equal those of the graph read back.

The whole file is given to Kuzu as one query string, so Kuzu's own parser splits the
statements. Relationship types are turned back into relation names (DEPLOYED_TO ->
deployed-to).

Usage: read_cypher_kuzu.py FILE.cypher FROM_ID TO_ID
"""

import kuzu
import networkx as nx

from common import args, dump

(path,), ends = args(1)
# newline="": keep a CRLF inside a string literal as it is (no universal newlines).
with open(path, encoding="utf-8", newline="") as f:
    script = f.read()

connection = kuzu.Connection(kuzu.Database(":memory:"))
connection.execute(script)


def rows(query):
    result = connection.execute(query)
    while result.has_next():
        yield result.get_next()


graph = nx.MultiDiGraph()
for node_id, name, kind, aliases, label in rows(
    "MATCH (n) RETURN n.id, n.name, n.kind, n.aliases, label(n)"
):
    assert label == kind.capitalize(), (label, kind)
    graph.add_node(node_id, name=name, kind=kind, aliases=aliases or [])
for subject, obj, rel_type, count, date, source, evidence in rows(
    "MATCH (a)-[r]->(b) RETURN a.id, b.id, label(r), r.count, r.date, r.source, r.evidence"
):
    attrs = {"relation": rel_type.lower().replace("_", "-")}
    for key, value in (("count", count), ("date", date), ("source", source), ("evidence", evidence)):
        if value is not None:
            attrs[key] = value
    graph.add_edge(subject, obj, **attrs)

# The engine's own answers: its fact count, and its shortest directed path between the
# ends, must equal what the graph read back says.
(facts,) = next(rows("MATCH ()-[r]->() RETURN count(r)"))
assert facts == graph.number_of_edges(), (facts, graph.number_of_edges())
source, target = ends
engine = None
if source != target:
    result = connection.execute(
        "MATCH p = (a)-[* SHORTEST 1..30]->(b) WHERE a.id = $a AND b.id = $b RETURN length(p)",
        {"a": source, "b": target},
    )
    if result.has_next():
        engine = result.get_next()[0]
try:
    expected = nx.shortest_path_length(graph, source, target) if source != target else None
except (nx.NetworkXNoPath, nx.NodeNotFound):
    expected = None
assert engine == expected, ("kuzu shortest path", engine, "networkx", expected)
dump(graph, ends, engine_facts=facts, engine_shortest=engine)
