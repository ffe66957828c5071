"""Reads a kg CSV export (nodes.csv, edges.csv) with pandas.read_csv and prints it (see common.py).

Usage: read_csv.py nodes.csv edges.csv FROM_ID TO_ID
"""

import json

import networkx as nx
import pandas as pd

from common import args, dump

(nodes_path, edges_path), ends = args(2)
# Everything as text, and no value taken for missing: a name like "NA" stays a name.
nodes = pd.read_csv(nodes_path, dtype=str, keep_default_na=False, encoding="utf-8")
edges = pd.read_csv(edges_path, dtype=str, keep_default_na=False, encoding="utf-8")
assert list(nodes.columns) == ["id", "name", "kind", "aliases"], list(nodes.columns)
assert list(edges.columns) == [
    "subject", "relation", "object", "count", "date", "source", "evidence"
], list(edges.columns)

graph = nx.MultiDiGraph()
for row in nodes.itertuples(index=False):
    aliases = json.loads(row.aliases) if row.aliases else []
    graph.add_node(row.id, name=row.name, kind=row.kind, aliases=aliases)
for row in edges.itertuples(index=False):
    attrs = {"relation": row.relation}
    if row.count:
        attrs["count"] = int(row.count)
    for key in ("date", "source", "evidence"):
        if getattr(row, key):
            attrs[key] = getattr(row, key)
    graph.add_edge(row.subject, row.object, **attrs)
dump(graph, ends)
