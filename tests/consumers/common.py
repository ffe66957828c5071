"""Shared output for the consumer scripts: a networkx MultiDiGraph as one JSON object.

Every script builds a MultiDiGraph whose nodes carry name, kind and aliases (a list) and
whose edges carry relation, count, date, source and evidence (absent when unknown), then
calls dump(). The Rust tests compare the JSON with the graph they wrote.
"""

import json
import sys

import networkx as nx

NODE_ATTRS = ("name", "kind", "aliases")
EDGE_ATTRS = ("relation", "count", "date", "source", "evidence")


def dump(graph, ends, **extra):
    """Prints directed, multigraph, nodes, edges, the shortest path length between ends,
    and any extra keys a script adds."""
    source, target = ends
    try:
        shortest = nx.shortest_path_length(graph, source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        shortest = None
    nodes = {
        str(n): {k: attrs[k] for k in NODE_ATTRS if k in attrs}
        for n, attrs in graph.nodes(data=True)
    }
    edges = [
        [str(u), str(v), {k: attrs[k] for k in EDGE_ATTRS if attrs.get(k) is not None}]
        for u, v, attrs in graph.edges(data=True)
    ]
    json.dump(
        {
            "directed": graph.is_directed(),
            "multigraph": graph.is_multigraph(),
            "nodes": nodes,
            "edges": edges,
            "shortest": shortest,
            **extra,
        },
        sys.stdout,
        ensure_ascii=False,
    )


def args(n_files):
    """The file arguments, then the two ids to measure a path between."""
    if len(sys.argv) != n_files + 3:
        sys.exit(f"usage: {sys.argv[0]} FILE... FROM_ID TO_ID")
    return sys.argv[1 : 1 + n_files], (sys.argv[-2], sys.argv[-1])
