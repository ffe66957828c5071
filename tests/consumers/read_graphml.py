"""Reads a kg GraphML export with networkx.read_graphml and prints it (see common.py).

Usage: read_graphml.py FILE.graphml FROM_ID TO_ID
"""

import json

import networkx as nx

from common import args, dump

(path,), ends = args(1)
graph = nx.read_graphml(path)
for _, attrs in graph.nodes(data=True):
    attrs["aliases"] = json.loads(attrs["aliases"]) if "aliases" in attrs else []
dump(graph, ends)
