"""Python side of the Bridgework benchmarks (run by bench/run.ts; needs python3-igraph, optionally networkx).

usage: igraph_bench.py load-ncol FILE | load-python FILE | load-networkx FILE | aa FILE QUERIES_FILE
       igraph_bench.py algo igraph|networkx MEASURE FILE REPS [OUT] [--warm]

Prints one JSON line. `algo` loads FILE (untimed), then times MEASURE REPS times in this process (analysis suite of
bench/run.ts; MEASURE: louvain, pagerank, betweenness, sampled, holes, closeness — see ALGORITHMS), and with OUT
writes the last result's per-node scores as JSON {name: score} for the runner's cross-checks. Memory is measured as in load-child.ts: reset the kernel's peak-RSS mark (write "5" to
/proc/self/clear_refs), load, read VmHWM from /proc/self/status; peakDelta = peak - RSS just before the load.
"""
import gc
import json
import re
import sys
import time


def rss(field):
    with open('/proc/self/status') as f:
        m = re.search(field + r':\s+(\d+) kB', f.read())
    return int(m.group(1)) * 1024


def reset_peak():
    try:
        with open('/proc/self/clear_refs', 'w') as f:
            f.write('5')
        return True
    except OSError:
        return False


def load_ncol(path):
    """igraph's C reader (Graph.Read_Ncol), then simplify() to merge repeats (max weight) and drop loops."""
    import igraph
    g = igraph.Graph.Read_Ncol(path, names=True, weights=True, directed=False)
    g.simplify(multiple=True, loops=True, combine_edges='max')
    return g, g.vcount(), g.ecount()


def load_python(path, text):
    """Plain Python parsing (split, dict interning) into Graph(n, edges), then simplify() as above."""
    import igraph
    index = {}
    edges = []
    weights = []
    for line in text.splitlines():
        if not line:
            continue
        a, b, w = line.split('\t')
        i = index.get(a)
        if i is None:
            i = index[a] = len(index)
        j = index.get(b)
        if j is None:
            j = index[b] = len(index)
        edges.append((i, j))
        weights.append(float(w))
    g = igraph.Graph(n=len(index), edges=edges, directed=False, edge_attrs={'weight': weights})
    g.vs['name'] = list(index)
    g.simplify(multiple=True, loops=True, combine_edges='max')
    return g, g.vcount(), g.ecount()


def load_networkx(path, text):
    """networkx.Graph built edge by edge with add_edge (repeats overwrite)."""
    import networkx as nx
    g = nx.Graph()
    for line in text.splitlines():
        if not line:
            continue
        a, b, w = line.split('\t')
        if a != b:
            g.add_edge(a, b, weight=float(w))
    return g, g.number_of_nodes(), g.number_of_edges()


def _igraph_louvain(g):
    c = g.community_multilevel()
    return None, {'modularity': c.modularity, 'communities': len(c)}


def _nx_louvain(g):
    import networkx as nx
    parts = nx.community.louvain_communities(g, weight=None, seed=42)
    return None, {'modularity': nx.community.modularity(g, parts, weight=None), 'communities': len(parts)}


def _igraph_scores(values):
    return values, {}


def _nx_holes(g):
    import networkx as nx
    c = nx.constraint(g)
    e = nx.effective_size(g)
    return c, {'effectiveSizeNodes': len(e)}


# measure -> (igraph, networkx), each g -> (scores by vertex or by name, or None; extra facts). Unweighted throughout,
# as the Node side: igraph ignores the weight attribute unless given weights=; networkx gets weight=None.
ALGORITHMS = {
    'louvain': (_igraph_louvain, _nx_louvain),
    'pagerank': (lambda g: _igraph_scores(g.pagerank(directed=False)),
                 lambda g: (__import__('networkx').pagerank(g, weight=None), {})),
    'betweenness': (lambda g: _igraph_scores(g.betweenness(directed=False)),
                    lambda g: (__import__('networkx').betweenness_centrality(g, normalized=False), {})),
    'sampled': (None, lambda g: (__import__('networkx').betweenness_centrality(g, k=500, seed=42), {})),
    'holes': (lambda g: _igraph_scores(g.constraint()), _nx_holes),
    'closeness': (lambda g: _igraph_scores(g.closeness()),
                  lambda g: (__import__('networkx').closeness_centrality(g), {})),
}


def algo(lib, measure, path, reps, out, warm):
    """Load (untimed), run `measure` `reps` times (after warm-up runs when `warm`, the first timed as firstMs);
    wall and CPU milliseconds of each run, peak memory of the runs."""
    fn = ALGORITHMS[measure][0 if lib == 'igraph' else 1]
    if fn is None:
        raise SystemExit(f'{lib} has no {measure}')
    if lib == 'igraph':
        g, _, _ = load_ncol(path)
        names = g.vs['name']
    else:
        with open(path) as f:
            g, _, _ = load_networkx(path, f.read())
        names = None
    gc.collect()
    base = rss('VmRSS')
    reset = reset_peak()
    wall, cpu = [], []
    first = None
    if warm:  # as analysis-child.ts: at least one warm-up run, more while under two seconds in all (at most 100)
        start = time.perf_counter()
        for k in range(100):
            t0 = time.perf_counter()
            fn(g)
            if first is None:
                first = (time.perf_counter() - t0) * 1000
            if time.perf_counter() - start >= 2:
                break
    result, extra = None, {}
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        result, extra = fn(g)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    peak = rss('VmHWM') if reset else None
    if out and result is not None:
        scores = dict(zip(names, result)) if names is not None else {str(k): v for k, v in result.items()}
        with open(out, 'w') as f:
            json.dump(scores, f)
    print(json.dumps({'lib': lib, 'measure': measure, 'ms': wall, 'cpuMs': cpu, 'firstMs': first, 'extra': extra,
                      'nodes': g.vcount() if names is not None else g.number_of_nodes(),
                      'peakDelta': None if peak is None else peak - base}))


def timed(argv):
    """Run a command as a user would (inherited environment), report wall time and the peak RSS of the largest
    process in its tree (RUSAGE_CHILDREN ru_maxrss, in kB on Linux)."""
    import resource
    import subprocess
    t0 = time.perf_counter()
    r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ms = (time.perf_counter() - t0) * 1000
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(json.dumps({'ms': ms, 'peakRss': peak, 'status': r.returncode, 'stdout': r.stdout[-2000:], 'stderr': r.stderr[-2000:]}))


def main():
    mode = sys.argv[1]
    if mode == 'algo':
        rest = [a for a in sys.argv[6:] if a != '--warm']
        algo(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), rest[0] if rest else None, '--warm' in sys.argv[6:])
        return
    if mode == 'timed':
        timed(sys.argv[2:])
        return
    path = sys.argv[2]
    if mode == 'versions':
        import igraph
        out = {'python': sys.version.split()[0], 'igraph': igraph.__version__}
        try:
            import networkx
            out['networkx'] = networkx.__version__
        except ImportError:
            out['networkx'] = None
        print(json.dumps(out))
        return
    if mode == 'aa':
        aa(path, sys.argv[3])
        return
    with open(path) as f:
        text = f.read() if mode != 'load-ncol' else None
    import igraph  # noqa: F401  (imported before the baseline, as graphology is on the JS side)
    if mode == 'load-networkx':
        import networkx  # noqa: F401
    gc.collect()
    base = rss('VmRSS')
    reset = reset_peak()
    t0 = time.perf_counter()
    if mode == 'load-ncol':
        g, n, m = load_ncol(path)
    elif mode == 'load-python':
        g, n, m = load_python(path, text)
    elif mode == 'load-networkx':
        g, n, m = load_networkx(path, text)
    else:
        raise SystemExit('unknown mode ' + mode)
    ms = (time.perf_counter() - t0) * 1000
    peak = rss('VmHWM') if reset else None
    print(json.dumps({'mode': mode, 'ms': ms, 'nodes': n, 'edges': m, 'baseRss': base, 'peakRss': peak,
                      'peakDelta': None if peak is None else peak - base,
                      'peakMethod': 'VmHWM after clear_refs' if reset else 'unavailable'}))
    del g


def aa(path, queries_path):
    """Per-query time of igraph's similarity_inverse_log_weighted (Adamic-Adar) for one vertex: it returns the
    dense row of n scores, so this is a reference figure, not a like-for-like two-hop scan. Also returns, per query,
    the number and sum of positive scores outside u and its neighbours, to cross-check the JavaScript scans."""
    import igraph
    g = igraph.Graph.Read_Ncol(path, names=True, weights=True, directed=False)
    g.simplify(multiple=True, loops=True, combine_edges='max')
    index = {name: i for i, name in enumerate(g.vs['name'])}
    with open(queries_path) as f:
        queries = [index[line.strip()] for line in f if line.strip()]
    for v in queries[:20]:
        g.similarity_inverse_log_weighted(vertices=[v], mode='all')
    times = []
    counts = []
    sums = []
    for v in queries:
        t0 = time.perf_counter()
        row = g.similarity_inverse_log_weighted(vertices=[v], mode='all')[0]
        times.append((time.perf_counter() - t0) * 1e6)
        excluded = set(g.neighbors(v))
        excluded.add(v)
        c = 0
        s = 0.0
        for j, x in enumerate(row):
            if x > 0 and j not in excluded:
                c += 1
                s += x
        counts.append(c)
        sums.append(s)
    print(json.dumps({'mode': 'aa', 'timesUs': times, 'counts': counts, 'sums': sums}))


if __name__ == '__main__':
    main()
