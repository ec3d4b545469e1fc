"""Reference values for Bridgework's structural-holes, structure and core-number code, computed with NetworkX.

For every classic network in fixtures/classic/<network>/edges.tsv this builds an undirected nx.Graph (tab-separated,
header row; the first two columns are the endpoints; duplicate pairs merged, self-loops dropped; a third column is the
edge weight when every value in it is a number, and a duplicate pair then keeps the larger weight, as CompactGraph's
default `max` merge does) and writes fixtures/reference/structural-holes/<network>.json with:

- per node: degree, Burt's constraint, effective size and efficiency (effective size / degree), each unweighted
  (weight=None: NetworkX takes Borgatti's n - 2t/n fast path for effective size) and weighted (weight="weight": the
  general formula with mutual weights; edges of an unweighted network count 1), and the core number;
- local constraint l(u, v) for every ordered pair of adjacent nodes, unweighted and weighted;
- the bridges, articulation points and connected components of the graph.

NaN (NetworkX's value for an isolated node) is written as null. Floats are written with repr, so they round-trip;
one node, pair or component per line.

Run from the repository root with Debian's NetworkX (2.8.8):

    /usr/bin/python3 scripts/reference/structural_holes.py
"""

import json
import math
import os
import platform
import sys

import networkx as nx

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CLASSIC = os.path.join(ROOT, "fixtures", "classic")
OUT = os.path.join(ROOT, "fixtures", "reference", "structural-holes")
COMMAND = "/usr/bin/python3 scripts/reference/structural_holes.py"


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def load(path):
    """The edges.tsv at `path` as (nx.Graph, name of the weight column or None)."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\r\n") for line in f]
    header = lines[0].split("\t")
    rows = [line.split("\t") for line in lines[1:] if line.strip()]
    weighted = len(header) >= 3 and all(len(r) >= 3 and is_number(r[2]) for r in rows)
    G = nx.Graph()
    for r in rows:
        u, v = r[0].strip(), r[1].strip()
        G.add_node(u)
        G.add_node(v)
        if u == v:
            continue
        w = float(r[2]) if weighted else None
        if G.has_edge(u, v):
            if weighted:
                G[u][v]["weight"] = max(G[u][v]["weight"], w)
            continue
        if weighted:
            G.add_edge(u, v, weight=w)
        else:
            G.add_edge(u, v)
    return G, (header[2] if weighted else None)


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


def reference(name):
    G, weight_column = load(os.path.join(CLASSIC, name, "edges.tsv"))
    c_u = nx.constraint(G)
    c_w = nx.constraint(G, weight="weight")
    e_u = nx.effective_size(G)
    e_w = nx.effective_size(G, weight="weight")
    core = nx.core_number(G)
    nodes = []
    for v in G:
        k = G.degree(v)
        nodes.append({
            "id": v,
            "degree": k,
            "constraint": num(c_u[v]),
            "effective_size": num(e_u[v]),
            "efficiency": num(e_u[v] / k) if k > 0 else None,
            "constraint_weighted": num(c_w[v]),
            "effective_size_weighted": num(e_w[v]),
            "efficiency_weighted": num(e_w[v] / k) if k > 0 else None,
            "core_number": core[v],
        })
    local = []
    for u in G:
        for v in G[u]:
            local.append([u, v, nx.local_constraint(G, u, v), nx.local_constraint(G, u, v, weight="weight")])
    bridges = sorted(sorted(e) for e in nx.bridges(G))
    components = sorted((sorted(c) for c in nx.connected_components(G)), key=lambda c: (-len(c), c[0]))
    return {
        "network": name,
        "source": f"fixtures/classic/{name}/edges.tsv",
        "networkx": nx.__version__,
        "python": platform.python_version(),
        "command": COMMAND,
        "weight_column": weight_column,
        "n": G.number_of_nodes(),
        "m": G.number_of_edges(),
        "nodes": nodes,
        "local_constraint": local,
        "bridges": bridges,
        "articulation_points": sorted(nx.articulation_points(G)),
        "components": components,
    }


def dumps(data):
    """JSON with one top-level key per line and one list item (node, pair, component) per line: diffable, compact."""
    def compact(x):
        return json.dumps(x, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))

    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n".join("    " + compact(item) for item in value)
            lines.append(f"  {compact(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {compact(key)}: {compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main():
    # NetworkX sums over Python sets of string ids, whose order follows the per-process string hash: pin the hash
    # seed so that reruns give byte-identical files (the values agree to ~1e-16 either way).
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    os.makedirs(OUT, exist_ok=True)
    names = sorted(d for d in os.listdir(CLASSIC) if os.path.isfile(os.path.join(CLASSIC, d, "edges.tsv")))
    for name in names:
        data = reference(name)
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
            f.write(dumps(data))
        print(f"{name}: {data['n']} nodes, {data['m']} edges, weight column {data['weight_column']}", file=sys.stderr)


if __name__ == "__main__":
    main()
