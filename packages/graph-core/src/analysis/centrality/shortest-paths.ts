/**
 * Single-source shortest paths for the path-based centralities (betweenness, closeness): breadth-first search for
 * unweighted graphs and Dijkstra's algorithm (Dijkstra 1959, "A note on two problems in connexion with graphs",
 * Numer. Math. 1:269) with an indexed binary heap for weighted ones, both counting shortest paths as in Brandes
 * (2001, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25:163, Algorithm 1).
 *
 * The one implementation of these kernels for the undirected measures (../centrality) and the directed ones
 * (../directed, through directed-paths.ts); not re-exported from the package. The kernels take a bare CSR
 * (offsets, neighbours[, lengths]) — an undirected CompactGraph is a symmetric CSR, and a DirectedCompactGraph gives
 * its out-rows (paths from the source) or in-rows (distances to the node) — with thin wrappers over a CompactGraph.
 * Brandes's dependency accumulation (`accumulateLevels`, `accumulateWeighted`) lives here too, as it reads the same
 * scratch. Everything runs over typed arrays held in a `PathScratch` that is allocated once per call of a centrality
 * and reset between sources by touching only the nodes the last search reached, so a search allocates nothing (bar
 * the odd typed-array view when a level is sorted).
 *
 * Each BFS level is sorted by node index before it is expanded (`sortLevel`: a bitmap for large levels). In
 * discovery order the rows of a level are read at random places of the 2m-entry `neighbours` array — one or two
 * cache misses per node once that array outgrows the cache; sorted, they are read in one forward sweep. On the
 * 100 000-node, 1 000 000-tie benchmark graph this cut a Brandes search (BFS + accumulation) from ~56 ms to ~19 ms,
 * and ~10% at 10 000 nodes / 100 000 ties; on graphs small enough to sit in the cache it only costs, so levels are
 * sorted from `SORT_LEVELS_FROM_ENTRIES` CSR entries up. The order within a level changes nothing else: every node's
 * sums run over its own row, in row order, whatever order the nodes of a level are taken in, so the results are
 * bit-for-bit the same.
 *
 * The unweighted search is level-synchronous and counts paths by "pull" with no per-edge branch: while level L is
 * expanded, node v of level L sums a published σ over all its neighbours — only those of level L − 1 have one
 * published (level L's own σ are published when the level is complete, level L + 1 has none yet, and no neighbour of
 * v lies further than one level away). Branch mispredictions on "is this neighbour a predecessor?" otherwise cost
 * more than the memory traffic; betweenness accumulates dependencies the same way, level by level.
 *
 * Edge lengths: the weights of a CompactGraph are tie strengths (closeness), so a weighted search walks an edge of
 * weight w at length 1/w; an edge of weight 0 has infinite length and is never walked.
 *
 * Equal paths follow NetworkX (`_single_source_dijkstra_path_basic`, networkx 2.8): lengths are summed along the
 * path in floating point, d(w) = min over v of fl(d(v) + len(v, w)), and v is a predecessor of w exactly when
 * fl(d(v) + len(v, w)) === d(w) — compared exactly, with no epsilon — so path counts, and hence betweenness, agree
 * with NetworkX's to rounding of the final sums. (We also require d(v) < d(w), which differs from NetworkX only
 * when a length is absorbed by rounding, len < ulp(d)/2, where NetworkX's counts are ill-defined.)
 */
import type { CompactGraph } from '../../projection/compact-graph.js';

/** Heap position of a node that has been settled (its distance is final). */
const SETTLED = -2;
/** Heap position of a node not yet seen. */
const UNSEEN = -1;

/** Work space for single-source searches over graphs of `n` nodes (about 70 bytes a node). */
export interface PathScratch {
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
  /** Dijkstra's binary heap: node indices, and their keys alongside (no indirection when sifting). */
  readonly heap: Int32Array;
  readonly keys: Float64Array;
  /** Position of each node in `heap`, or UNSEEN / SETTLED. */
  readonly pos: Int32Array;
  /** One bit per node, all clear between uses: sorting a BFS level by node index (`sortLevel`). */
  readonly bits: Uint32Array;
  /** Whether BFS levels are sorted (`sortLevel`): worth it only once the graph outgrows the cache. */
  readonly sortLevels: boolean;
}

/**
 * Graphs with at least this many CSR entries (2m; 512 KB of `neighbours`) get their BFS levels sorted: measured, it
 * saves ~10% of a search at 200 000 entries (10 000 nodes / 100 000 ties) and ~65% at 2 000 000, and costs ~5–15%
 * on graphs whose arrays sit in the cache anyway (16 000 and 2 700 ties).
 */
export const SORT_LEVELS_FROM_ENTRIES = 1 << 17;

/**
 * A fresh scratch in its reset state, for `g` (or for n nodes); BFS levels sorted as `sortLevels` says, by default
 * when `g` has at least `SORT_LEVELS_FROM_ENTRIES` CSR entries.
 */
export function createPathScratch(g: CompactGraph | number, sortLevels?: boolean): PathScratch {
  const n = typeof g === 'number' ? g : g.n;
  return {
    n,
    sortLevels: sortLevels ?? (typeof g !== 'number' && g.neighbours.length >= SORT_LEVELS_FROM_ENTRIES),
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
    bits: new Uint32Array((n >> 5) + 1),
  };
}

/** Lengths 1/w aligned with `weights` (a weight of 0 gives +∞: the edge or arc is never walked). */
export function reciprocalLengths(weights: Float64Array): Float64Array {
  const lengths = new Float64Array(weights.length);
  for (let p = 0; p < weights.length; p++) lengths[p] = 1 / weights[p]!;
  return lengths;
}

/** Edge lengths 1/w aligned with `g.weights` (a weight of 0 gives +∞: the edge is never walked). */
export function edgeLengths(g: CompactGraph): Float64Array {
  return reciprocalLengths(g.weights);
}

/**
 * Undo the last search: reset the `reached` nodes at the front of `order` — only the arrays a BFS (`bfs`) or
 * Dijkstra's search (`dijkstra`) writes, with their accumulation, or all of them.
 */
export function resetScratch(sc: PathScratch, reached: number, kind: 'bfs' | 'dijkstra' | 'all' = 'all'): void {
  const { order, seen, dist, shared, coef, pos } = sc;
  if (kind === 'bfs') {
    for (let k = 0; k < reached; k++) {
      const v = order[k]!;
      seen[v] = 0;
      shared[v] = 0;
      coef[v] = 0;
    }
  } else if (kind === 'dijkstra') {
    for (let k = 0; k < reached; k++) {
      const v = order[k]!;
      dist[v] = Infinity;
      coef[v] = 0;
      pos[v] = UNSEEN;
    }
  } else {
    for (let k = 0; k < reached; k++) {
      const v = order[k]!;
      seen[v] = 0;
      dist[v] = Infinity;
      shared[v] = 0;
      coef[v] = 0;
      pos[v] = UNSEEN;
    }
  }
}

/** `bfsLevelsCsr` over the rows of `g`. */
export function bfsLevels(g: CompactGraph, s: number, sc: PathScratch): number {
  return bfsLevelsCsr(g.offsets, g.neighbours, s, sc);
}

/**
 * Breadth-first search from `s` along the rows of (offsets, neighbours), filling `order` and `bounds` (no path
 * counts: closeness). Returns the number of levels L; level 0 is s alone and `bounds[L]` nodes were reached; each
 * level is sorted by node index when `sc.sortLevels`. The scratch must be in its reset state.
 */
export function bfsLevelsCsr(offsets: Uint32Array, neighbours: Uint32Array, s: number, sc: PathScratch): number {
  const { order, bounds, seen } = sc;
  seen[s] = 1;
  order[0] = s;
  bounds[0] = 0;
  let levels = 0;
  let start = 0;
  let end = 1;
  let tail = 1;
  while (start < end) {
    for (let k = start; k < end; k++) tail = discoverRow(offsets, neighbours, order[k]!, seen, order, tail);
    bounds[++levels] = end;
    start = end;
    end = tail;
    sortLevel(sc, start, end);
  }
  return levels;
}

/**
 * Breadth-first search from `s` counting shortest paths: fills `order`, `bounds` and `sigma` (and leaves every
 * reached node's σ published in `shared`). Returns the number of levels L; `bounds[L]` nodes were reached; each
 * level is sorted by node index. The scratch must be in its reset state. Undirected only: each row is read once for
 * both the pull and the discovery (the directed form, pulling over in-rows, is `directedBfsPaths`).
 */
export function bfsPaths(g: CompactGraph, s: number, sc: PathScratch): number {
  const { offsets, neighbours } = g;
  const { order, bounds, seen, sigma, shared } = sc;
  let tail = openCountingSearch(offsets, neighbours, s, sc);
  let levels = 1;
  let start = 1;
  let end = tail;
  sortLevel(sc, start, end);
  while (start < end) {
    for (let k = start; k < end; k++) {
      const v = order[k]!;
      // σ(v) = Σ of published σ over all neighbours (only level L − 1 has any); two sums break the add chain.
      let a0 = 0;
      let a1 = 0;
      let p = offsets[v]!;
      const stop = offsets[v + 1]!;
      for (; p + 1 < stop; p += 2) {
        const w0 = neighbours[p]!;
        const w1 = neighbours[p + 1]!;
        a0 += shared[w0]!;
        a1 += shared[w1]!;
        if (seen[w0] === 0) {
          seen[w0] = 1;
          order[tail++] = w0;
        }
        if (seen[w1] === 0) {
          seen[w1] = 1;
          order[tail++] = w1;
        }
      }
      if (p < stop) {
        const w = neighbours[p]!;
        a0 += shared[w]!;
        if (seen[w] === 0) {
          seen[w] = 1;
          order[tail++] = w;
        }
      }
      sigma[v] = a0 + a1;
    }
    publishLevel(sc, start, end);
    bounds[++levels] = end;
    start = end;
    end = tail;
    sortLevel(sc, start, end);
  }
  return levels;
}

/**
 * Start a counting BFS from `s` (the scratch in its reset state): level 0 is s alone, σ(s) = 1 set and published,
 * and level 1 — s's row of (offsets, neighbours) — discovered into `order`; returns the tail of `order` (the end of
 * level 1).
 */
export function openCountingSearch(offsets: Uint32Array, neighbours: Uint32Array, s: number, sc: PathScratch): number {
  const { order, bounds, seen, sigma, shared } = sc;
  seen[s] = 1;
  order[0] = s;
  bounds[0] = 0;
  bounds[1] = 1;
  sigma[s] = 1;
  shared[s] = 1;
  return discoverRow(offsets, neighbours, s, seen, order, 1);
}

/** Publish the σ of the level `order[start … end)` in `shared`, once all of it is counted, for the next level to pull. */
export function publishLevel(sc: PathScratch, start: number, end: number): void {
  const { order, sigma, shared } = sc;
  for (let k = start; k < end; k++) {
    const v = order[k]!;
    shared[v] = sigma[v]!;
  }
}

/**
 * Append the nodes of row v of (offsets, neighbours) not yet `seen` to `order` from `tail`, in row order, marking
 * them seen; returns the new tail. The discovery step of `bfsLevelsCsr`, and level 0 of the counting searches.
 */
export function discoverRow(offsets: Uint32Array, neighbours: Uint32Array, v: number, seen: Uint8Array, order: Int32Array, tail: number): number {
  let t = tail;
  for (let p = offsets[v]!, stop = offsets[v + 1]!; p < stop; p++) {
    const w = neighbours[p]!;
    if (seen[w] === 0) {
      seen[w] = 1;
      order[t++] = w;
    }
  }
  return t;
}

/**
 * Σ values[w] over row v of (offsets, neighbours): the "pull" of `accumulateLevels`. Summed in row order as two
 * interleaved sums, a0 over even and a1 over odd positions, returned as a0 + a1 — two chains of dependent additions
 * instead of one — exactly as the counting searches sum σ inline.
 */
function rowSum(values: Float64Array, offsets: Uint32Array, neighbours: Uint32Array, v: number): number {
  let a0 = 0;
  let a1 = 0;
  let p = offsets[v]!;
  const stop = offsets[v + 1]!;
  for (; p + 1 < stop; p += 2) {
    a0 += values[neighbours[p]!]!;
    a1 += values[neighbours[p + 1]!]!;
  }
  if (p < stop) a0 += values[neighbours[p]!]!;
  return a0 + a1;
}

/**
 * Sort `order[start … end)` (one BFS level, distinct nodes) by node index when `sc.sortLevels`, so that the level's
 * rows are then read in ascending order — a forward sweep through `neighbours` instead of random jumps. Small levels
 * use insertion sort; large ones a bitmap (set a bit per node, read the set bits back in order), whose cost is one
 * word per 32 node indices between the level's least and greatest — used only when that is at most a few words per
 * node, else the typed array's own sort.
 */
export function sortLevel(sc: PathScratch, start: number, end: number): void {
  const { order, bits } = sc;
  const len = end - start;
  if (len < 2 || !sc.sortLevels) return;
  if (len <= 16) {
    for (let i = start + 1; i < end; i++) {
      const x = order[i]!;
      let j = i - 1;
      while (j >= start && order[j]! > x) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = x;
    }
    return;
  }
  let lo = 0x7fffffff;
  let hi = 0;
  for (let k = start; k < end; k++) {
    const v = order[k]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const first = lo >> 5;
  const last = hi >> 5;
  if (last - first > 8 * len) {
    order.subarray(start, end).sort();
    return;
  }
  for (let k = start; k < end; k++) {
    const v = order[k]!;
    bits[v >> 5]! |= 1 << (v & 31);
  }
  let k = start;
  for (let word = first; word <= last; word++) {
    let b = bits[word]!;
    if (b === 0) continue;
    bits[word] = 0;
    const base = word << 5;
    while (b !== 0) {
      const low = b & -b;
      order[k++] = base + 31 - Math.clz32(low);
      b ^= low;
    }
  }
}

/** `dijkstraCsr` over the rows of `g`, with `lengths` from `edgeLengths(g)`. */
export function dijkstraPaths(g: CompactGraph, s: number, lengths: Float64Array, sc: PathScratch): number {
  return dijkstraCsr(g.offsets, g.neighbours, lengths, s, sc);
}

/**
 * Dijkstra from `s` along the rows of (offsets, neighbours) with `lengths` aligned to them (`reciprocalLengths`),
 * filling `order` (settle order), `dist` and `sigma` with NetworkX's exact equal-path rule (see the header). Returns
 * the number of nodes reached. The scratch must be in its reset state.
 */
export function dijkstraCsr(offsets: Uint32Array, neighbours: Uint32Array, lengths: Float64Array, s: number, sc: PathScratch): number {
  const { order, dist, sigma, heap, keys, pos } = sc;
  dist[s] = 0;
  sigma[s] = 1;
  heap[0] = s;
  keys[0] = 0;
  pos[s] = 0;
  let size = 1;
  let settled = 0;
  while (size > 0) {
    // Pop the minimum.
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
        // A strictly shorter path (settled nodes never qualify: their distance is ≤ dv ≤ nd).
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
        // An equal path to a node still in the heap (never to an unseen node: dw would be +∞ and len +∞).
        sigma[w]! += sv;
      }
    }
  }
  return settled;
}

/**
 * Brandes's dependency accumulation after a counting BFS (`bfsPaths`, or the directed one along out-rows), level by
 * level from the deepest, over the rows of (offsets, neighbours) — the graph's rows, or a directed graph's out-rows.
 * coef(v) = (1 + δ(v)) / σ(v) is published for a whole level at once, so while level L is summed only level L + 1
 * has coef published among v's row (levels ≤ L are still 0, and no row entry lies two or more levels deeper: an
 * undirected neighbour or an out-neighbour w has d(w) ≤ d(v) + 1), and δ(v) = σ(v) · Σ_{row} coef(w) needs no
 * successor test; coef(v) = 1/σ(v) + Σ coef(w). Adds δ(v) to `bc[v]`; the source (level 0) gains nothing. Uses
 * `shared` (the published σ are no longer needed) to park a level's sums.
 */
export function accumulateLevels(offsets: Uint32Array, neighbours: Uint32Array, sc: PathScratch, levels: number, bc: Float64Array): void {
  const { order, bounds, sigma, shared, coef } = sc;
  // The deepest level has no successors: δ = 0, coef = 1/σ.
  if (levels > 1) {
    for (let k = bounds[levels - 1]!, end = bounds[levels]!; k < end; k++) {
      const v = order[k]!;
      coef[v] = 1 / sigma[v]!;
    }
  }
  for (let level = levels - 2; level > 0; level--) {
    const start = bounds[level]!;
    const end = bounds[level + 1]!;
    for (let k = start; k < end; k++) {
      const v = order[k]!;
      const acc = rowSum(coef, offsets, neighbours, v);
      shared[v] = acc; // park the sum until the whole level is done
      bc[v]! += sigma[v]! * acc;
    }
    for (let k = start; k < end; k++) {
      const v = order[k]!;
      coef[v] = 1 / sigma[v]! + shared[v]!;
    }
  }
}

/**
 * The same after Dijkstra (`dijkstraCsr` over the same rows and lengths), in reverse settle order: w is a successor
 * of v when fl(d(v) + len) === d(w) and d(v) < d(w). Unreached nodes have coef 0, so an edge of infinite length that
 * happens to compare equal (∞ === ∞) adds nothing.
 */
export function accumulateWeighted(
  offsets: Uint32Array,
  neighbours: Uint32Array,
  lengths: Float64Array,
  sc: PathScratch,
  reached: number,
  bc: Float64Array,
): void {
  const { order, dist, sigma, coef } = sc;
  for (let k = reached - 1; k > 0; k--) {
    const v = order[k]!;
    const dv = dist[v]!;
    let acc = 0;
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
      const w = neighbours[p]!;
      const dw = dist[w]!;
      if (dv + lengths[p]! === dw && dv < dw) acc += coef[w]!;
    }
    const sv = sigma[v]!;
    bc[v]! += sv * acc;
    coef[v] = 1 / sv + acc;
  }
}

/** Move node `x` with key `key` up from hole `at` (a new leaf when at === size) to its place. */
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

/** Put node `x` with key `key` into the hole at the root of a heap of `size` nodes, moving it down to its place. */
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
