"""Reads a GraphML file with networkx and prints, as JSON, the undirected shortest path
length between each pair of node ids given after it (null when there is no path).

Usage: path_lengths.py FILE.graphml A1 B1 [A2 B2 ...]
The integration test compares these lengths with the hops of `kg path`.
"""

import json
import sys

import networkx as nx

graph = nx.read_graphml(sys.argv[1]).to_undirected(as_view=True)
ids = sys.argv[2:]
lengths = []
for a, b in zip(ids[::2], ids[1::2]):
    try:
        lengths.append(nx.shortest_path_length(graph, a, b))
    except nx.NetworkXNoPath:
        lengths.append(None)
json.dump(lengths, sys.stdout)
