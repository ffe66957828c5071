"""Reads a graph with networkx and prints, as JSON, the undirected shortest path length
between each pair of node ids given after it (null when there is no path).

Usage: path_lengths.py FILE A1 B1 [A2 B2 ...]
FILE is GraphML (`kg export`) or, when it ends in .json, a kg graph file (entity ids as
nodes, one edge per fact). The integration tests compare these lengths with the hops of
`kg path`.
"""

import json
import sys

import networkx as nx

path = sys.argv[1]
if path.endswith(".json"):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    graph = nx.MultiGraph()
    graph.add_nodes_from(e["id"] for e in data["entities"])
    graph.add_edges_from((f["subject"], f["object"]) for f in data["facts"])
else:
    graph = nx.read_graphml(path).to_undirected(as_view=True)
ids = sys.argv[2:]
lengths = []
for a, b in zip(ids[::2], ids[1::2]):
    try:
        lengths.append(nx.shortest_path_length(graph, a, b))
    except nx.NetworkXNoPath:
        lengths.append(None)
json.dump(lengths, sys.stdout)
