/**
 * Single-source shortest paths over the arcs of a DirectedCompactGraph, for directed betweenness and closeness:
 * breadth-first search for unweighted graphs and Dijkstra's algorithm (Dijkstra 1959, "A note on two problems in
 * connexion with graphs", Numer. Math. 1:269) with an indexed binary heap for weighted ones, both counting shortest
 * paths as in Brandes (2001, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25:163, Algorithm 1).
 *
 * Internal to the directed folder (not re-exported). The searches take a CSR (offsets, neighbours[, lengths]) rather
 * than a graph, so one routine walks out-arcs (betweenness: paths from the source) or in-arcs (closeness: NetworkX
 * measures distances TO the node, on G.reverse()). Everything runs over typed arrays held in a `DirectedPathScratch`
 * allocated once per call and reset between sources by touching only the nodes the last search reached.
 *
 * The counting BFS is level-synchronous: a node v of level L discovers along its out-arcs and takes
 * σ(v) = Σ σ(u) over ALL its in-neighbours u, of which only those of level L − 1 have σ published (an in-neighbour u
 * of v has d(u) ≥ d(v) − 1, and σ of level L is published only once the level is complete), so no per-arc
 * "is this a predecessor?" test is needed — the directed form of the pull used by ../centrality/shortest-paths.ts.
 *
 * Arc lengths: weights are tie strengths, so a weighted search walks an arc of weight w at length 1/w (an arc of
 * weight 0 has infinite length and is never walked). Equal paths follow NetworkX 2.8 (`_single_source_dijkstra_
 * path_basic`): lengths are summed along the path in floating point and v is a predecessor of w exactly when
 * fl(d(v) + len(v, w)) === d(w), compared with no epsilon.
 */

/** Heap position of a node that has been settled (its distance is final). */
const SETTLED = -2;
/** Heap position of a node not yet seen. */
const UNSEEN = -1;

/** Work space for single-source searches over graphs of `n` nodes (about 70 bytes a node). */
export interface DirectedPathScratch {
  readonly n: number;
  /** Reached nodes in order of non-decreasing distance (BFS: by level; Dijkstra: settle order); also the BFS queue. */
  readonly order: Int32Array;
  /** BFS levels: level l is `order[bounds[l] … bounds[l + 1])`. */
  readonly bounds: Int32Array;
  /** BFS visited marks (1 = reached). */
  readonly seen: Uint8Array;
  /** Dijkstra distances, +∞ when unreached. */
  readonly dist: Float64Array;
  /** Number of shortest paths from the source (meaningful for reached nodes only). */
  readonly sigma: Float64Array;
  /** BFS: σ published level by level (0 until published); free for the accumulation afterwards. */
  readonly shared: Float64Array;
  /** Brandes accumulation: (1 + δ(v)) / σ(v) once published, 0 otherwise. */
  readonly coef: Float64Array;
  /** Dijkstra's binary heap: node indices, and their keys alongside. */
  readonly heap: Int32Array;
  readonly keys: Float64Array;
  /** Position of each node in `heap`, or UNSEEN / SETTLED. */
  readonly pos: Int32Array;
}

/** A fresh scratch in its reset state. */
export function createDirectedPathScratch(n: number): DirectedPathScratch {
  return {
    n,
    order: new Int32Array(n),
    bounds: new Int32Array(n + 2),
    seen: new Uint8Array(n),
    dist: new Float64Array(n).fill(Infinity),
    sigma: new Float64Array(n),
    shared: new Float64Array(n),
    coef: new Float64Array(n),
    heap: new Int32Array(n),
    keys: new Float64Array(n),
    pos: new Int32Array(n).fill(UNSEEN),
  };
}

/** Arc lengths 1/w aligned with `weights` (a weight of 0 gives +∞: the arc is never walked). */
export function arcLengths(weights: Float64Array): Float64Array {
  const lengths = new Float64Array(weights.length);
  for (let p = 0; p < weights.length; p++) lengths[p] = 1 / weights[p]!;
  return lengths;
}

/** Undo the last search: reset the `reached` nodes at the front of `order`. */
export function resetDirectedScratch(sc: DirectedPathScratch, reached: number): void {
  const { order, seen, dist, shared, coef, pos } = sc;
  for (let k = 0; k < reached; k++) {
    const v = order[k]!;
    seen[v] = 0;
    dist[v] = Infinity;
    shared[v] = 0;
    coef[v] = 0;
    pos[v] = UNSEEN;
  }
}

/**
 * Breadth-first search from `s` along the rows of (offsets, neighbours), filling `order` and `bounds` (no path
 * counts: closeness). Returns the number of levels L; level 0 is s alone and `bounds[L]` nodes were reached.
 */
export function bfsLevelsCsr(offsets: Uint32Array, neighbours: Uint32Array, s: number, sc: DirectedPathScratch): number {
  const { order, bounds, seen } = sc;
  seen[s] = 1;
  order[0] = s;
  bounds[0] = 0;
  let levels = 0;
  let start = 0;
  let end = 1;
  let tail = 1;
  while (start < end) {
    for (let k = start; k < end; k++) {
      const v = order[k]!;
      for (let p = offsets[v]!, stop = offsets[v + 1]!; p < stop; p++) {
        const w = neighbours[p]!;
        if (seen[w] === 0) {
          seen[w] = 1;
          order[tail++] = w;
        }
      }
    }
    bounds[++levels] = end;
    start = end;
    end = tail;
  }
  return levels;
}

/**
 * Breadth-first search from `s` along out-arcs counting shortest paths (σ pulled over in-arcs; see the header):
 * fills `order`, `bounds` and `sigma`. Returns the number of levels L; `bounds[L]` nodes were reached.
 */
export function directedBfsPaths(
  outOffsets: Uint32Array,
  outNeighbours: Uint32Array,
  inOffsets: Uint32Array,
  inNeighbours: Uint32Array,
  s: number,
  sc: DirectedPathScratch,
): number {
  const { order, bounds, seen, sigma, shared } = sc;
  seen[s] = 1;
  order[0] = s;
  bounds[0] = 0;
  sigma[s] = 1;
  shared[s] = 1;
  let tail = 1;
  for (let p = outOffsets[s]!, stop = outOffsets[s + 1]!; p < stop; p++) {
    const w = outNeighbours[p]!;
    if (seen[w] === 0) {
      seen[w] = 1;
      order[tail++] = w;
    }
  }
  let levels = 1;
  bounds[1] = 1;
  let start = 1;
  let end = tail;
  while (start < end) {
    for (let k = start; k < end; k++) {
      const v = order[k]!;
      // σ(v): published σ of all in-neighbours (only level L − 1 has any); two sums break the add chain.
      let a0 = 0;
      let a1 = 0;
      let p = inOffsets[v]!;
      const stop = inOffsets[v + 1]!;
      for (; p + 1 < stop; p += 2) {
        a0 += shared[inNeighbours[p]!]!;
        a1 += shared[inNeighbours[p + 1]!]!;
      }
      if (p < stop) a0 += shared[inNeighbours[p]!]!;
      sigma[v] = a0 + a1;
      for (let q = outOffsets[v]!, qStop = outOffsets[v + 1]!; q < qStop; q++) {
        const w = outNeighbours[q]!;
        if (seen[w] === 0) {
          seen[w] = 1;
          order[tail++] = w;
        }
      }
    }
    for (let k = start; k < end; k++) {
      const v = order[k]!;
      shared[v] = sigma[v]!;
    }
    bounds[++levels] = end;
    start = end;
    end = tail;
  }
  return levels;
}

/**
 * Dijkstra from `s` along the rows of (offsets, neighbours) with lengths aligned to them, filling `order` (settle
 * order), `dist` and `sigma` with NetworkX's exact equal-path rule. Returns the number of nodes reached.
 */
export function dijkstraCsr(
  offsets: Uint32Array,
  neighbours: Uint32Array,
  lengths: Float64Array,
  s: number,
  sc: DirectedPathScratch,
): number {
  const { order, dist, sigma, heap, keys, pos } = sc;
  dist[s] = 0;
  sigma[s] = 1;
  heap[0] = s;
  keys[0] = 0;
  pos[s] = 0;
  let size = 1;
  let settled = 0;
  while (size > 0) {
    const v: number = heap[0]!;
    pos[v] = SETTLED;
    order[settled++] = v;
    size--;
    if (size > 0) siftDown(heap, keys, pos, size, heap[size]!, keys[size]!);
    const dv = dist[v]!;
    const sv = sigma[v]!;
    for (let p: number = offsets[v]!, stop: number = offsets[v + 1]!; p < stop; p++) {
      const w = neighbours[p]!;
      const nd = dv + lengths[p]!;
      const dw = dist[w]!;
      if (nd < dw) {
        dist[w] = nd;
        sigma[w] = sv;
        const at = pos[w]!;
        if (at === UNSEEN) {
          siftUp(heap, keys, pos, size, w, nd);
          size++;
        } else {
          siftUp(heap, keys, pos, at, w, nd);
        }
      } else if (nd === dw && pos[w]! >= 0) {
        sigma[w]! += sv;
      }
    }
  }
  return settled;
}

function siftUp(heap: Int32Array, keys: Float64Array, pos: Int32Array, at: number, x: number, key: number): void {
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = keys[parent]!;
    if (pk <= key) break;
    const y = heap[parent]!;
    heap[i] = y;
    keys[i] = pk;
    pos[y] = i;
    i = parent;
  }
  heap[i] = x;
  keys[i] = key;
  pos[x] = i;
}

function siftDown(heap: Int32Array, keys: Float64Array, pos: Int32Array, size: number, x: number, key: number): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    let ck = keys[child]!;
    const right = child + 1;
    if (right < size) {
      const rk = keys[right]!;
      if (rk < ck) {
        child = right;
        ck = rk;
      }
    }
    if (key <= ck) break;
    const y = heap[child]!;
    heap[i] = y;
    keys[i] = ck;
    pos[y] = i;
    i = child;
  }
  heap[i] = x;
  keys[i] = key;
  pos[x] = i;
}
