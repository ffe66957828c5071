"""One peer library loading a kg graph file and answering kg's queries, timed.

Usage: peers.py LIB FILE.json FILE.json.pairs.json [--lengths]
LIB is networkx, igraph or rustworkx. The file is read with json.load and built into the
library's directed multigraph (nodes carry id, name and kind; edges relation, date,
source and evidence), then each query runs once:

  path       shortest path between the first connected pair, edges walked both ways
  worst      the same for the worst pair (giant component to outside), when there is one
  neighbours every entity within 2 hops of the entity next to the hub, both directions
  show       the edges of the typical entity, in and out, with their attributes
  dot        the ego graph of radius 1 around the entity next to the hub

Prints one JSON object: load and per-query seconds, answer sizes, and with --lengths the
undirected shortest path length of every pair in the pairs file (null when none). bench/
run.py measures the whole process (wall time, peak RSS) around it.
"""

import json
import sys
import time
import warnings

# igraph warns on stderr when a pair has no path; that is an answer here.
warnings.filterwarnings("ignore", message="Couldn't reach some vertices")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def edge_attrs(fact):
    return {k: fact.get(k) for k in ("relation", "date", "source", "evidence")}


class NetworkX:
    def __init__(self, data):
        import networkx as nx

        self.nx = nx
        g = nx.MultiDiGraph()
        g.add_nodes_from(
            (e["id"], {"name": e["name"], "kind": e["kind"]}) for e in data["entities"]
        )
        g.add_edges_from(
            (f["subject"], f["object"], edge_attrs(f)) for f in data["facts"]
        )
        self.g = g
        self.u = g.to_undirected(as_view=True)

    def node(self, ident):
        return ident

    def path(self, a, b):
        try:
            return len(self.nx.shortest_path(self.u, a, b)) - 1
        except self.nx.NetworkXNoPath:
            return None

    def neighbours(self, x):
        return len(self.nx.single_source_shortest_path_length(self.u, x, cutoff=2)) - 1

    def show(self, x):
        return len(list(self.g.in_edges(x, data=True))) + len(
            list(self.g.out_edges(x, data=True))
        )

    def dot(self, x):
        # nx.ego_graph(undirected=True) copies the whole graph first; this is its answer.
        near = self.nx.single_source_shortest_path_length(self.u, x, cutoff=1)
        return self.g.subgraph(near).number_of_edges()


class IGraph:
    def __init__(self, data):
        import igraph as ig

        index = {e["id"]: i for i, e in enumerate(data["entities"])}
        facts = data["facts"]
        g = ig.Graph(
            n=len(index),
            edges=[(index[f["subject"]], index[f["object"]]) for f in facts],
            directed=True,
        )
        g.vs["id"] = [e["id"] for e in data["entities"]]
        g.vs["name"] = [e["name"] for e in data["entities"]]
        g.vs["kind"] = [e["kind"] for e in data["entities"]]
        for k in ("relation", "date", "source", "evidence"):
            g.es[k] = [f.get(k) for f in facts]
        self.g = g
        self.index = index

    def node(self, ident):
        return self.index[ident]

    def path(self, a, b):
        p = self.g.get_shortest_path(a, b, mode="all")
        return len(p) - 1 if p else None

    def neighbours(self, x):
        return len(self.g.neighborhood(x, order=2, mode="all")) - 1

    def show(self, x):
        es = self.g.es[self.g.incident(x, mode="all")]
        return len([e.attributes() for e in es])

    def dot(self, x):
        return self.g.induced_subgraph(self.g.neighborhood(x, order=1, mode="all")).ecount()


class RustworkX:
    def __init__(self, data):
        import rustworkx as rx

        self.rx = rx
        g = rx.PyDiGraph(multigraph=True)
        ents = data["entities"]
        nodes = g.add_nodes_from(
            [{"id": e["id"], "name": e["name"], "kind": e["kind"]} for e in ents]
        )
        index = {e["id"]: n for e, n in zip(ents, nodes)}
        g.add_edges_from(
            [(index[f["subject"]], index[f["object"]], edge_attrs(f)) for f in data["facts"]]
        )
        self.g = g
        self.index = index

    def node(self, ident):
        return self.index[ident]

    def path(self, a, b):
        paths = self.rx.digraph_dijkstra_shortest_paths(
            self.g, a, target=b, as_undirected=True
        )
        return len(paths[b]) - 1 if b in paths else (0 if a == b else None)

    def neighbours(self, x):
        seen = {x}
        frontier = [x]
        for _ in range(2):
            nxt = []
            for n in frontier:
                for m in self.g.neighbors_undirected(n):
                    if m not in seen:
                        seen.add(m)
                        nxt.append(m)
            frontier = nxt
        return len(seen) - 1

    def show(self, x):
        return len(self.g.in_edges(x)) + len(self.g.out_edges(x))

    def dot(self, x):
        keep = set(self.g.neighbors_undirected(x)) | {x}
        return self.g.subgraph(sorted(keep)).num_edges()


PEERS = {"networkx": NetworkX, "igraph": IGraph, "rustworkx": RustworkX}


def timed(f, *args):
    t = time.perf_counter()
    answer = f(*args)
    return time.perf_counter() - t, answer


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in PEERS:
        sys.exit(__doc__)
    lib, path, pairs_path = sys.argv[1:4]
    queries = load_json(pairs_path)
    t = time.perf_counter()
    peer = PEERS[lib](load_json(path))
    out = {"lib": lib, "load": time.perf_counter() - t, "queries": {}, "answers": {}}
    node = peer.node
    connected = next(p for p in queries["pairs"] if p["connected"])
    todo = [
        ("path", peer.path, node(connected["from"]["id"]), node(connected["to"]["id"])),
        ("neighbours", peer.neighbours, node(queries["near_hub"]["id"])),
        ("show", peer.show, node(queries["typical"]["id"])),
        ("dot", peer.dot, node(queries["near_hub"]["id"])),
    ]
    if queries.get("worst"):
        w = queries["worst"]
        todo.insert(1, ("worst", peer.path, node(w["from"]["id"]), node(w["to"]["id"])))
    for name, f, *args in todo:
        seconds, answer = timed(f, *args)
        out["queries"][name] = seconds
        out["answers"][name] = answer
    if "--lengths" in sys.argv:
        out["lengths"] = [
            peer.path(node(p["from"]["id"]), node(p["to"]["id"])) for p in queries["pairs"]
        ]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
