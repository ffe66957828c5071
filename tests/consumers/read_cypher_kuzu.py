"""Runs a kg Cypher export (written by cypher::write_kuzu) in an in-memory Kuzu database,
queries every node and relationship back and prints them (see common.py).

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
dump(graph, ends)
