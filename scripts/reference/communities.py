"""Reference community-detection results for the classic networks, for the graph-core community tests.

usage (from the repository root, with Debian's python3, which has python3-networkx 2.8 and python3-igraph 0.10):

    /usr/bin/python3 scripts/reference/communities.py

For each edge list fixtures/classic/<network>/edges.tsv (tab-separated, header row; columns 0 and 1 are the endpoint
ids, column 2 is a weight when every value in it is a number), build an undirected networkx.Graph the way graph-core's
loader does: nodes in order of first appearance, self-loops dropped (their node kept), repeated pairs merged (weights
summed). Then, for the unweighted graph and, when the file has a numeric weight column, the weighted one:

- run networkx.algorithms.community.louvain_communities (resolution 1, threshold 1e-7) with seeds 0..19 and record
  every seed's modularity, the best and the mean;
- keep the best seed's partition (communities as lists of node ids) and its networkx modularity at resolutions
  0.5, 1 and 2, so graph-core's modularity() can be checked on exactly that partition;
- when python-igraph is importable, run igraph's community_multilevel and community_leiden (objective "modularity",
  beta 0.01, iterations until stable) with Python's random module seeded 0..19 (python-igraph draws from it), and
  record the modularity of each (computed by networkx on the same graph), the best and the mean.

Writes fixtures/reference/communities/<network>.json (sorted keys, floats as repr, so reruns give identical files).
The tests read these files; they never run Python.
"""
import glob
import json
import os
import random
import statistics
import sys

import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity

try:
    import igraph
except ImportError:  # igraph is optional
    igraph = None

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
SEEDS = list(range(20))
RESOLUTIONS = ['0.5', '1', '2']


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def read_edges(path):
    with open(path, encoding='utf-8') as f:
        lines = [line.rstrip('\r\n') for line in f]
    header = lines[0].split('\t')
    rows = [line.split('\t') for line in lines[1:] if line.strip()]
    weight_column = None
    if len(header) > 2 and rows and all(len(r) > 2 and is_number(r[2]) for r in rows):
        weight_column = header[2]
    return header, rows, weight_column


def build_graph(rows, weighted):
    g = nx.Graph()
    for r in rows:
        a, b = r[0].strip(), r[1].strip()
        g.add_node(a)
        g.add_node(b)
        if a == b:
            continue
        w = float(r[2]) if weighted else 1.0
        if g.has_edge(a, b):
            if weighted:
                g[a][b]['weight'] += w
        else:
            g.add_edge(a, b, weight=w)
    return g


def summary(values):
    return {'modularity': values, 'best': max(values), 'mean': statistics.fmean(values)}


def run_variant(g, weighted):
    weight = 'weight' if weighted else None
    mods = []
    partitions = []
    for seed in SEEDS:
        parts = louvain_communities(g, weight=weight, resolution=1, threshold=1e-7, seed=seed)
        partitions.append(parts)
        mods.append(modularity(g, parts, weight=weight, resolution=1))
    best = max(range(len(SEEDS)), key=lambda i: (mods[i], -i))
    order = {u: i for i, u in enumerate(g.nodes())}
    best_parts = sorted((sorted(c, key=order.__getitem__) for c in partitions[best]),
                        key=lambda c: (-len(c), order[c[0]]))
    out = {
        'weighted': weighted,
        'networkxLouvain': dict(summary(mods), seeds=SEEDS, bestSeed=SEEDS[best], resolution=1, threshold=1e-7),
        'partition': {
            'source': f'networkx louvain_communities, seed {SEEDS[best]}',
            'communities': best_parts,
            'modularity': {r: modularity(g, best_parts, weight=weight, resolution=float(r)) for r in RESOLUTIONS},
        },
    }
    if igraph is not None:
        nodes = list(g.nodes())
        ig = igraph.Graph(n=len(nodes), edges=[(order[u], order[v]) for u, v in g.edges()], directed=False)
        weights = [d['weight'] for _, _, d in g.edges(data=True)] if weighted else None

        def nx_modularity(membership):
            groups = {}
            for i, c in enumerate(membership):
                groups.setdefault(c, []).append(nodes[i])
            return modularity(g, list(groups.values()), weight=weight)

        multilevel = []
        leiden = []
        for seed in SEEDS:
            random.seed(seed)
            multilevel.append(nx_modularity(ig.community_multilevel(weights=weights).membership))
            random.seed(seed)
            leiden.append(nx_modularity(ig.community_leiden(objective_function='modularity', weights=weights,
                                                            resolution_parameter=1, beta=0.01, n_iterations=-1).membership))
        out['igraphMultilevel'] = dict(summary(multilevel), seeds=SEEDS)
        out['igraphLeiden'] = dict(summary(leiden), seeds=SEEDS, beta=0.01, iterations='until stable')
    return out


def main():
    out_dir = os.path.join(ROOT, 'fixtures', 'reference', 'communities')
    os.makedirs(out_dir, exist_ok=True)
    versions = {
        'python': sys.version.split()[0],
        'networkx': nx.__version__,
        'igraph': igraph.__version__ if igraph is not None else None,
    }
    for path in sorted(glob.glob(os.path.join(ROOT, 'fixtures', 'classic', '*', 'edges.tsv'))):
        name = os.path.basename(os.path.dirname(path))
        header, rows, weight_column = read_edges(path)
        variants = {'unweighted': run_variant(build_graph(rows, False), False)}
        if weight_column is not None:
            variants['weighted'] = run_variant(build_graph(rows, True), True)
        g = build_graph(rows, False)
        doc = {
            'header': {
                'description': 'Reference community-detection results (networkx Louvain over seeds 0..19, the best '
                               'partition and its modularity; igraph multilevel and Leiden when available).',
                'command': '/usr/bin/python3 scripts/reference/communities.py',
                'versions': versions,
                'source': f'fixtures/classic/{name}/edges.tsv',
                'graph': 'undirected; nodes in order of first appearance; self-loops dropped; repeated pairs merged '
                         '(weights summed)',
                'weightColumn': weight_column,
            },
            'network': name,
            'nodes': g.number_of_nodes(),
            'edges': g.number_of_edges(),
            'variants': variants,
        }
        target = os.path.join(out_dir, f'{name}.json')
        with open(target, 'w', encoding='utf-8') as f:
            json.dump(doc, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write('\n')
        line = [f'{name}: n={doc["nodes"]} m={doc["edges"]}']
        for key, v in variants.items():
            line.append(f'{key}: nx best {v["networkxLouvain"]["best"]:.6f} mean {v["networkxLouvain"]["mean"]:.6f}')
            if 'igraphLeiden' in v:
                line.append(f'ig multilevel best {v["igraphMultilevel"]["best"]:.6f}, '
                            f'leiden best {v["igraphLeiden"]["best"]:.6f} mean {v["igraphLeiden"]["mean"]:.6f}')
        print('; '.join(line))


if __name__ == '__main__':
    main()
