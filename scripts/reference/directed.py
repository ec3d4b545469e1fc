#!/usr/bin/python3
"""Reference values from NetworkX for the graph-core directed-analysis tests.

Run from the repository root with Debian's Python and NetworkX (python3-networkx 2.8.8):

    /usr/bin/python3 scripts/reference/directed.py [NETWORK ...]

It writes `fixtures/reference/directed/<network>.json` for each network below, and first writes the edge lists of the
small generated networks to `fixtures/reference/directed/<network>.edges.tsv` (deterministic: Python's
`random.Random(seed)`, seeds in GENERATED). The tests compare graph-core against these files and never run Python;
rerun this script only when the networks or the measures change, and commit its output. Name networks to redo only
those. The exact betweenness of email-Eu-core takes NetworkX a few minutes; timings go to stderr.

Networks:
- `snap_email_eu_core`: `fixtures/real/snap_email_eu_core/edges.tsv` (SNAP email-Eu-core, 25,571 arcs incl. 642
  self-loops; unweighted, so every arc gets weight 1 and the weighted variants walk Dijkstra over lengths 1.0).
- generated (see `generate_*`): `random_weighted_30`, a 30-node DiGraph with a random core, dangling sinks, pure
  sources, a separate 3-cycle, a node with only a self-loop, repeated arcs and self-loops, weights in (0, 1] with two
  decimals; `integer_weights_40`, a 40-node DiGraph with weights 1-4, so many weighted shortest paths tie exactly.

Each graph is an `nx.DiGraph` built the way graph-core's `directedFromEdgeText(text, { header: true, weightColumn })`
builds its DirectedCompactGraph: nodes in order of first appearance (source, then target, line by line), self-loops
dropped (their node kept), repeated arcs (same source and target) merged keeping the largest weight; u -> v and
v -> u are different arcs. Arcs carry `weight` and `distance` = 1 / weight (ties are strengths, so a stronger tie is
a shorter step).

Per node: in/out degree and strength, `degree` = G.degree (in + out), in/out degree centrality, normalised exact
betweenness (unweighted and distance-weighted), closeness (wf_improved; NetworkX uses incoming distance on a DiGraph),
PageRank (weight None and "weight"), eigenvector centrality (weight None and "weight"; left eigenvector), Burt's
constraint and effective size (weight None and "weight"; mutual weights over predecessors and successors), and the
first node (in node order) of the node's strongly and weakly connected component. Also the Louvain partition
NetworkX 2.8.8 finds on the DiGraph (directed Louvain, seed 0) with its directed modularity at resolutions 1 and 0.5,
weighted and not, to check graph-core's `directedModularity`.

NetworkX's `constraint` and `effective_size` recompute every normalised mutual weight from scratch, O(sum of k^3) —
hours on email-Eu-core. This script memoises NetworkX's own `normalized_mutual_weight` (same function, same
arguments, same values: the memoised and plain results are checked to be identical on the generated networks).

NetworkX sums over Python sets of node ids, whose iteration order depends on the string hash; the script re-executes
itself with PYTHONHASHSEED=0 so that its output is byte-for-byte reproducible (other seeds change last bits only).
"""
import functools
import json
import math
import os
import pathlib
import platform
import random
import sys
import time
import warnings

import networkx as nx
import networkx.algorithms.structuralholes as structuralholes
import numpy
import scipy

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'fixtures' / 'reference' / 'directed'
COMMAND = '/usr/bin/python3 scripts/reference/directed.py'

PAGERANK = {'alpha': 0.85, 'max_iter': 100, 'tol': 1.0e-6}
EIGENVECTOR = {'max_iter': 100, 'tol': 1.0e-6}

GENERATED = {'random_weighted_30': 30, 'integer_weights_40': 40}


def generate_random_weighted_30(rng):
    """30 nodes v0..v29: a random core v0..v19, sinks v20..v23 (in-arcs only), sources v24..v25 (out-arcs only), a
    separate cycle v26 -> v27 -> v28 -> v26 with v27 -> v26 too, and v29 with only a self-loop. Weights in (0, 1]
    with two decimals; a few repeated arcs with other weights and a few self-loops; lines shuffled."""
    w = lambda: round(rng.uniform(0.05, 1.0), 2)
    arcs = []
    for u in range(20):
        for v in range(20):
            if u != v and rng.random() < 0.15:
                arcs.append((u, v, w()))
    for sink in range(20, 24):
        for u in rng.sample(range(20), rng.randint(1, 3)):
            arcs.append((u, sink, w()))
    for source in (24, 25):
        for v in rng.sample(range(20), rng.randint(2, 3)):
            arcs.append((source, v, w()))
    arcs += [(26, 27, w()), (27, 28, w()), (28, 26, w()), (27, 26, w())]
    for u, v, _ in rng.sample(arcs, 6):
        arcs.append((u, v, w()))  # repeats: the largest weight must win
    for u in rng.sample(range(20), 3):
        arcs.append((u, u, w()))
    arcs.append((29, 29, 0.5))
    rng.shuffle(arcs)
    return [(f'v{u}', f'v{v}', f'{x:.2f}') for u, v, x in arcs]


def generate_integer_weights_40(rng):
    """40 nodes a0..a39, arcs with probability 0.08 and integer weights 1-4 (lengths 1, 1/2, 1/3, 1/4: many weighted
    shortest paths tie exactly), every third arc reciprocated with its own weight."""
    arcs = []
    for u in range(40):
        for v in range(40):
            if u != v and rng.random() < 0.08:
                arcs.append((u, v, rng.randint(1, 4)))
                if len(arcs) % 3 == 0:
                    arcs.append((v, u, rng.randint(1, 4)))
    rng.shuffle(arcs)
    return [(f'a{u}', f'a{v}', str(x)) for u, v, x in arcs]


def write_generated(name, seed):
    rows = globals()[f'generate_{name}'](random.Random(seed))
    text = 'source\ttarget\tweight\n' + ''.join(f'{a}\t{b}\t{w}\n' for a, b, w in rows)
    path = OUT / f'{name}.edges.tsv'
    path.write_text(text, encoding='utf-8')
    return path


def read_digraph(path, weighted):
    lines = path.read_text(encoding='utf-8').split('\n')
    g = nx.DiGraph()
    for line in lines[1:]:
        line = line.rstrip('\r')
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split('\t')]
        a, b = fields[0], fields[1]
        w = float(fields[2]) if weighted else 1.0
        g.add_node(a)
        g.add_node(b)
        if a == b:
            continue
        if g.has_edge(a, b):
            w = max(w, g[a][b]['weight'])
        g.add_edge(a, b, weight=w, distance=1.0 / w)
    return g


def memoised_structural_holes(g, weight):
    """NetworkX's constraint and effective_size with its normalized_mutual_weight memoised."""
    plain = structuralholes.normalized_mutual_weight

    @functools.lru_cache(maxsize=None)
    def cached(u, v, norm, w):
        return plain(g, u, v, norm=norm, weight=w)

    def nmw(G, u, v, norm=sum, weight=None):
        assert G is g
        return cached(u, v, norm, weight)

    structuralholes.normalized_mutual_weight = nmw
    try:
        return nx.constraint(g, weight=weight), nx.effective_size(g, weight=weight)
    finally:
        structuralholes.normalized_mutual_weight = plain


def representatives(g, components):
    position = {v: i for i, v in enumerate(g.nodes())}
    rep = {}
    for comp in components:
        first = min(comp, key=position.__getitem__)
        for v in comp:
            rep[v] = first
    return rep


def identical(a, b):
    return a.keys() == b.keys() and all(a[v] == b[v] or (math.isnan(a[v]) and math.isnan(b[v])) for v in a)


def power(fn, g, **kwargs):
    try:
        return fn(g, **kwargs), None
    except nx.PowerIterationFailedConvergence as error:
        return None, str(error)


def number(v):
    if isinstance(v, int):
        return v
    v = float(v)
    return None if math.isnan(v) else v


def main():
    # NetworkX sums Burt's measures and modularity over Python sets of node ids, whose order follows the string hash,
    # which Python randomises per process: fix it so that reruns write identical bytes.
    if os.environ.get('PYTHONHASHSEED') != '0':
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, 'PYTHONHASHSEED': '0'})
    # NetworkX 2.8 routes pagerank through the deprecated pagerank_scipy, which warns on every call.
    warnings.filterwarnings('ignore', category=DeprecationWarning)
    OUT.mkdir(parents=True, exist_ok=True)
    networks = [('snap_email_eu_core', None, None)] + [(name, 2, seed) for name, seed in GENERATED.items()]
    only = set(sys.argv[1:])
    for name, column, seed in networks:
        if only and name not in only:
            continue
        path = ROOT / 'fixtures/real/snap_email_eu_core/edges.tsv' if seed is None else write_generated(name, seed)
        started = time.time()
        g = read_digraph(path, column is not None)
        timings = {}

        def timed(key, fn, *args, **kwargs):
            t = time.time()
            value = fn(*args, **kwargs)
            timings[key] = round(time.time() - t, 3)
            return value

        measures = {
            'in_degree': dict(g.in_degree()),
            'out_degree': dict(g.out_degree()),
            'degree': dict(g.degree()),
            'in_strength': dict(g.in_degree(weight='weight')),
            'out_strength': dict(g.out_degree(weight='weight')),
            'strength': dict(g.degree(weight='weight')),
            'in_degree_centrality': nx.in_degree_centrality(g),
            'out_degree_centrality': nx.out_degree_centrality(g),
            'betweenness': timed('betweenness', nx.betweenness_centrality, g, normalized=True),
            'betweenness_weighted': timed('betweenness_weighted', nx.betweenness_centrality, g, normalized=True, weight='distance'),
            'closeness': timed('closeness', nx.closeness_centrality, g, wf_improved=True),
            'closeness_weighted': timed('closeness_weighted', nx.closeness_centrality, g, distance='distance', wf_improved=True),
            'pagerank': nx.pagerank(g, weight=None, **PAGERANK),
            'pagerank_weighted': nx.pagerank(g, weight='weight', **PAGERANK),
        }
        failures = {}
        for key, weight in (('eigenvector', None), ('eigenvector_weighted', 'weight')):
            values, failure = power(nx.eigenvector_centrality, g, weight=weight, **EIGENVECTOR)
            if values is None:
                failures[key] = failure
            else:
                measures[key] = values
        for suffix, weight in (('', None), ('_weighted', 'weight')):
            c, e = timed('structural_holes' + suffix, memoised_structural_holes, g, weight)
            if seed is not None:
                # The memoised values are NetworkX's own: check on the small networks.
                assert identical(c, nx.constraint(g, weight=weight))
                assert identical(e, nx.effective_size(g, weight=weight))
            measures['constraint' + suffix] = c
            measures['effective_size' + suffix] = e
        scc = representatives(g, nx.strongly_connected_components(g))
        wcc = representatives(g, nx.weakly_connected_components(g))

        communities = timed('directed_louvain', nx.community.louvain_communities, g, weight='weight', resolution=1, seed=0)
        position = {v: i for i, v in enumerate(g.nodes())}
        ordered = sorted((sorted(c, key=position.__getitem__) for c in communities), key=lambda c: position[c[0]])
        community_of = {v: k for k, c in enumerate(ordered) for v in c}
        partition = {
            'name': 'networkx_directed_louvain_seed0',
            'communities': len(ordered),
            'modularity': {
                'weighted_resolution_1': nx.community.modularity(g, communities, weight='weight', resolution=1),
                'weighted_resolution_0.5': nx.community.modularity(g, communities, weight='weight', resolution=0.5),
                'unweighted_resolution_1': nx.community.modularity(g, communities, weight=None, resolution=1),
                'unweighted_resolution_0.5': nx.community.modularity(g, communities, weight=None, resolution=0.5),
            },
        }

        record = {
            'network': name,
            'edges': path.relative_to(ROOT).as_posix(),
            'weightColumn': column,
            'directed': True,
            'seed': seed,
            'graph': {
                'nodes': g.number_of_nodes(),
                'arcs': g.number_of_edges(),
                'weakly_connected_components': nx.number_weakly_connected_components(g),
                'strongly_connected_components': nx.number_strongly_connected_components(g),
            },
            'generator': {
                'command': COMMAND,
                'networkx': nx.__version__,
                'python': platform.python_version(),
                'numpy': numpy.__version__,
                'scipy': scipy.__version__,
            },
            'settings': {
                'betweenness': 'betweenness_centrality(G, normalized=True, endpoints=False, weight=None | "distance")',
                'closeness': 'closeness_centrality(G, distance=None | "distance", wf_improved=True)  # incoming distance (G.reverse())',
                'pagerank': 'pagerank(G, alpha=0.85, max_iter=100, tol=1e-6, weight=None | "weight")',
                'eigenvector': 'eigenvector_centrality(G, max_iter=100, tol=1e-6, weight=None | "weight")  # left eigenvector',
                'structural_holes': 'constraint(G, weight=None | "weight"), effective_size(G, weight=None | "weight")',
                'scc': 'first node (in node order) of its strongly_connected_components set',
                'wcc': 'first node (in node order) of its weakly_connected_components set',
            'directed_louvain': 'community of the node in louvain_communities(G, weight="weight", seed=0), numbered by first node',
            },
            'failures': failures,
            'partitions': [partition],
        }
        rows = []
        for node in g.nodes():
            row = {'id': node}
            for key, values in measures.items():
                row[key] = number(values[node])
            row['scc'] = scc[node]
            row['wcc'] = wcc[node]
            row['directed_louvain'] = community_of[node]
            rows.append(row)
        text = json.dumps(record, indent=2, ensure_ascii=False)
        body = ',\n'.join('    ' + json.dumps(r, ensure_ascii=False) for r in rows)
        text = text[:-2] + ',\n  "nodes": [\n' + body + '\n  ]\n}\n'
        json.loads(text)  # well-formed
        (OUT / f'{name}.json').write_text(text, encoding='utf-8')
        print(
            f'{name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} arcs, {time.time() - started:.1f} s {timings}'
            + (f'; failed: {", ".join(failures)}' if failures else ''),
            file=sys.stderr,
        )


if __name__ == '__main__':
    main()
