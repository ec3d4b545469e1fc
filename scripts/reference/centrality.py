#!/usr/bin/python3
"""Reference centralities from NetworkX for the graph-core centrality tests.

Run from the repository root with Debian's Python and NetworkX (python3-networkx 2.8.8):

    /usr/bin/python3 scripts/reference/centrality.py

It reads every `fixtures/classic/*/edges.tsv` and the undirected real networks of `fixtures/real/` named in
REAL_NETWORKS, and writes `fixtures/reference/centrality/<network>.json`. The other real networks are directed
(SNAP email-Eu-core has its references, from an `nx.DiGraph`, in `fixtures/reference/directed/`, written by
`directed.py`) or belong to other tests, so a rerun rewrites exactly the files committed here. The tests compare graph-core against these files and never run Python;
rerun this script only when the networks or the measures change, and commit its output.

Each graph is built the way graph-core's `compactFromEdgeText(text, { header: true, weightColumn })` builds its
CompactGraph: an undirected `nx.Graph` whose nodes are the ids of the edge list in order of first appearance
(only nodes with an edge: isolated nodes of a `nodes.csv` are not read), self-loops dropped (their node kept),
repeated pairs merged keeping the largest weight. Weights come from the column named in NETWORKS (1 for every edge of
an unweighted network). The weighted variants use the edge attribute `weight` (PageRank, eigenvector) and
`distance` = 1 / weight (betweenness, closeness: ties are strengths, so a stronger tie is a shorter step).
"""
import json
import pathlib
import platform
import sys
import warnings

import networkx as nx
import numpy
import scipy

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'fixtures' / 'reference' / 'centrality'
COMMAND = '/usr/bin/python3 scripts/reference/centrality.py'

# Name of the weight column of each weighted network; the others are unweighted (weight 1). Columns are tab-separated
# with a header row; the first two columns are the endpoints.
WEIGHT_COLUMN = {
    'nx_karate_club': 'weight',
    'zachary_karate_ucinet_weighted': 'n_contexts',
    'nx_les_miserables': 'weight',
    'netscience_coauthorship': 'weight',
}

# The networks of fixtures/real/ read here as undirected; every other folder there is left out (see the docstring).
REAL_NETWORKS = ('netscience_coauthorship',)

PAGERANK = {'alpha': 0.85, 'max_iter': 100, 'tol': 1.0e-6}
EIGENVECTOR = {'max_iter': 100, 'tol': 1.0e-6}


def read_graph(path, weight_name):
    lines = path.read_text(encoding='utf-8').split('\n')
    header = lines[0].rstrip('\r').split('\t')
    column = header.index(weight_name) if weight_name else None
    g = nx.Graph()
    for line in lines[1:]:
        line = line.rstrip('\r')
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split('\t')]
        a, b = fields[0], fields[1]
        w = float(fields[column]) if column is not None else 1.0
        g.add_node(a)
        g.add_node(b)
        if a == b:
            continue
        if g.has_edge(a, b):
            w = max(w, g[a][b]['weight'])
        g.add_edge(a, b, weight=w, distance=1.0 / w)
    return g, column


def eigenvector(g, weight):
    try:
        return nx.eigenvector_centrality(g, weight=weight, **EIGENVECTOR), None
    except nx.PowerIterationFailedConvergence as error:
        return None, str(error)


def main():
    # NetworkX 2.8 routes pagerank through the deprecated pagerank_scipy, which warns on every call.
    warnings.filterwarnings('ignore', category=DeprecationWarning)
    files = sorted(ROOT.glob('fixtures/classic/*/edges.tsv')) + [ROOT / 'fixtures' / 'real' / name / 'edges.tsv' for name in REAL_NETWORKS]
    OUT.mkdir(parents=True, exist_ok=True)
    for path in files:
        name = path.parent.name
        g, column = read_graph(path, WEIGHT_COLUMN.get(name))
        measures = {
            'degree': dict(g.degree()),
            'strength': dict(g.degree(weight='weight')),
            'degree_centrality': nx.degree_centrality(g),
            'betweenness': nx.betweenness_centrality(g, normalized=True),
            'betweenness_weighted': nx.betweenness_centrality(g, normalized=True, weight='distance'),
            'closeness': nx.closeness_centrality(g, wf_improved=True),
            'closeness_weighted': nx.closeness_centrality(g, distance='distance', wf_improved=True),
            'pagerank': nx.pagerank(g, weight=None, **PAGERANK),
            'pagerank_weighted': nx.pagerank(g, weight='weight', **PAGERANK),
        }
        notes = {}
        for key, weight in (('eigenvector', None), ('eigenvector_weighted', 'weight')):
            values, failure = eigenvector(g, weight)
            if values is None:
                notes[key] = failure
            else:
                measures[key] = values
        record = {
            'network': name,
            'edges': path.relative_to(ROOT).as_posix(),
            'weightColumn': column,
            'graph': {'nodes': g.number_of_nodes(), 'edges': g.number_of_edges()},
            'generator': {
                'command': COMMAND,
                'networkx': nx.__version__,
                'python': platform.python_version(),
                'numpy': numpy.__version__,
                'scipy': scipy.__version__,
            },
            'settings': {
                'betweenness': 'betweenness_centrality(G, normalized=True, endpoints=False, weight=None | "distance")',
                'closeness': 'closeness_centrality(G, distance=None | "distance", wf_improved=True)',
                'pagerank': 'pagerank(G, alpha=0.85, max_iter=100, tol=1e-6, weight=None | "weight")',
                'eigenvector': 'eigenvector_centrality(G, max_iter=100, tol=1e-6, weight=None | "weight")',
            },
            'failures': notes,
        }
        rows = []
        for node in g.nodes():
            row = {'id': node}
            for key, values in measures.items():
                v = values[node]
                row[key] = v if isinstance(v, int) else float(v)
            rows.append(row)
        text = json.dumps(record, indent=2, ensure_ascii=False)
        body = ',\n'.join('    ' + json.dumps(r, ensure_ascii=False) for r in rows)
        text = text[:-2] + ',\n  "nodes": [\n' + body + '\n  ]\n}\n'
        json.loads(text)  # well-formed
        (OUT / f'{name}.json').write_text(text, encoding='utf-8')
        print(f'{name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges' + (f'; failed: {", ".join(notes)}' if notes else ''), file=sys.stderr)


if __name__ == '__main__':
    main()
