"""Reads a kg node-link JSON export with networkx.node_link_graph and prints it (see common.py).

Usage: read_nodelink.py FILE.json FROM_ID TO_ID
"""

import json

import networkx as nx

from common import args, dump

(path,), ends = args(1)
with open(path, encoding="utf-8") as f:
    data = json.load(f)
graph = nx.node_link_graph(data, edges="links")
for _, _, attrs in graph.edges(data=True):
    # kg writes the fact's source article as "article": "source" is the link's endpoint.
    if "article" in attrs:
        attrs["source"] = attrs.pop("article")
dump(graph, ends)
