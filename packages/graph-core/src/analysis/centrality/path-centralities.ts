/**
 * Betweenness and closeness from one set of single-source searches: the engine behind `betweennessCentrality`,
 * `sampledBetweennessCentrality`, `sampledClosenessCentrality` and `pathCentralities` (what `analyzeNetwork` runs).
 *
 * Both measures are built from shortest paths out of every node (exact) or out of K pivots (estimates). A Brandes
 * search (shortest-paths.ts) already yields the distances that closeness needs, so when both are wanted they come
 * from the same searches: exact closeness costs nothing extra next to exact betweenness, and estimated closeness a
 * pass over the reached nodes per pivot.
 *
 * Exact (every node a source): betweenness as in betweenness.ts (Brandes 2001); the closeness of each source s is
 * read off its own search — (r − 1) / Σ_v d(s, v), times (r − 1)/(n − 1) with the Wasserman–Faust correction —
 * summing the same distances in the same order as `closenessCentrality`, so the values are identical.
 *
 * Estimated from K pivots (K < n): the pivots are drawn uniformly without replacement (`drawPivots`, a partial
 * Fisher–Yates shuffle with the caller's rng). Betweenness is Brandes & Pich's (2007) estimate, the dependency sums
 * of the pivots scaled by n/K. Closeness follows Eppstein & Wang (2004, "Fast approximation of centrality", J. Graph
 * Algorithms Appl. 8:39): the mean distance from a node u to the other nodes is estimated by its mean distance to
 * the pivots, here restricted to u's component so that the Wasserman–Faust correction applies as in the exact
 * measure. Exactly:
 *
 *   - a pivot's own search measured every distance from it, so a pivot gets its exact closeness;
 *   - any other node u, in a component of r_u nodes (r_u is exact: the components are labelled first, one O(n + m)
 *     pass) holding k_u ≥ 1 pivots, gets
 *
 *       Ĉ(u) = k_u / Σ_{pivots s reaching u} d(s, u) · (r_u − 1)/(n − 1)     (without the last factor if not wfImproved)
 *
 *     i.e. the exact formula (r_u − 1)/Σ_v d(u, v) · (r_u − 1)/(n − 1) with the total distance Σ_v d(u, v) estimated
 *     by (r_u − 1) times the mean distance to the k_u pivots. Given k_u, those pivots are a uniform sample of the
 *     other r_u − 1 nodes of u's component, so the mean pivot distance is an unbiased estimate of u's mean distance
 *     (Eppstein & Wang's estimator within the component; their error bound, with K = Θ(log n / ε²) pivots an
 *     additive ε·Δ on the mean distance with high probability, Δ the diameter, holds for it);
 *   - a component of two or more nodes that no pivot fell in would leave its nodes with no estimate, so it gets
 *     min(r, ⌈K·r/n⌉) pivots of its own, drawn uniformly from it with the same rng after the K pivots (the same
 *     density of pivots as the rest of the graph). They serve closeness only — betweenness stays Brandes & Pich's
 *     estimate from the K uniform pivots — and, as their components hold fewer than about n/K nodes on average,
 *     they add little work. `closenessExtraSources` counts them;
 *   - an isolated node gets 0, as in the exact measure.
 *
 * With K ≥ n every node is a pivot and both measures are exact. Weighted searches use edge length 1/weight and never
 * walk a zero-weight tie, and "component" then means reachability along ties of positive weight.
 */
import { BridgeworkError } from '../../errors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';
import type { Rng } from '../../random/rng.js';
import {
  accumulateLevels,
  accumulateWeighted,
  bfsLevels,
  bfsPaths,
  createPathScratch,
  dijkstraPaths,
  edgeLengths,
  resetScratch,
  type PathScratch,
} from './shortest-paths.js';

/** Told how many of the single-source searches are done; called every ~1% of them and once at the end. */
export type ProgressCallback = (done: number, total: number) => void;

/** Options of `pathCentralities`. */
export interface PathCentralityOptions {
  /** Shortest paths by edge length 1/weight (true) or by hop count (false, default). */
  weighted?: boolean;
  /** Betweenness divided by (n − 1)(n − 2)/2, the pairs not involving the node (default true, as NetworkX). */
  normalized?: boolean;
  /** Closeness scaled by the share of other nodes reached, (r − 1)/(n − 1) (default true, NetworkX's `wf_improved`). */
  wfImproved?: boolean;
  /** Estimate both from this many pivot sources (K ≥ 1; K ≥ n is exact); omit for the exact values. */
  pivots?: number;
  /** Seeded random source for the pivots (e.g. `createRng(seed)`); required with `pivots`. */
  rng?: Rng;
  /** Progress over the searches (K pivots plus any closeness-only ones, or n when exact). */
  onProgress?: ProgressCallback;
}

/** Betweenness and closeness of every node, aligned with `graph.ids`. */
export interface PathCentralities {
  betweenness: Float64Array;
  closeness: Float64Array;
  /** Sources whose searches fed both measures: n when exact, min(K, n) when estimated. */
  pivots: number;
  /** Closeness-only sources drawn in components that none of the pivots fell in (0 when exact). */
  closenessExtraSources: number;
}

/**
 * Betweenness and closeness together from one set of searches: exact (every node a source) unless `pivots` is
 * given, then estimated from K uniformly drawn pivots — Brandes & Pich for betweenness, Eppstein & Wang within each
 * component for closeness (see the header for exactly what is estimated). Cost: n searches exact, about K estimated.
 */
export function pathCentralities(graph: CompactGraph, options: PathCentralityOptions = {}): PathCentralities {
  const weighted = options.weighted ?? false;
  const normalized = options.normalized ?? true;
  const wfImproved = options.wfImproved ?? true;
  const n = graph.n;
  if (options.pivots === undefined) {
    const sources = allNodes(n);
    const run = runSearches(graph, { weighted, sources, extra: null, betweenness: true, closeness: 'own', onProgress: options.onProgress });
    return {
      betweenness: rescaleBetweenness(run.betweenness!, n, normalized, null),
      closeness: closenessValues(run, n, wfImproved, null),
      pivots: n,
      closenessExtraSources: 0,
    };
  }
  const pivots = drawPivots(n, options.pivots, options.rng);
  const plan = closenessPlan(graph, weighted, pivots, options.pivots, options.rng!);
  const run = runSearches(graph, {
    weighted,
    sources: pivots,
    extra: plan.extra,
    betweenness: true,
    closeness: plan.exact ? 'own' : 'estimate',
    onProgress: options.onProgress,
  });
  return {
    betweenness: rescaleBetweenness(run.betweenness!, n, normalized, pivots.length),
    closeness: closenessValues(run, n, wfImproved, plan.exact ? null : plan.componentSize),
    pivots: pivots.length,
    closenessExtraSources: plan.extra.length,
  };
}

/** What the searches of `runSearches` leave behind. */
interface SearchSums {
  /** Unscaled dependency sums (null when betweenness was not asked for). */
  betweenness: Float64Array | null;
  /** Sources' own total distance and reach, NaN for nodes that were not sources. */
  ownTotal: Float64Array;
  ownReached: Float64Array;
  /** Estimate mode: Σ d(s, v) and the count of sources s ≠ v that reached v. */
  distanceSum: Float64Array | null;
  reachedBy: Float64Array | null;
}

interface SearchRun {
  weighted: boolean;
  /** Sources searched with Brandes's path counting when `betweenness`, else distance-only. */
  sources: Int32Array;
  /** Closeness-only sources, searched after `sources` (distance-only). */
  extra: Int32Array | null;
  betweenness: boolean;
  /** `own`: only each source's own closeness; `estimate`: also every reached node's distance sums. */
  closeness: 'none' | 'own' | 'estimate';
  onProgress: ProgressCallback | undefined;
}

/** One search per source; betweenness dependencies and closeness sums as asked. */
function runSearches(graph: CompactGraph, run: SearchRun): SearchSums {
  const n = graph.n;
  const sums: SearchSums = {
    betweenness: run.betweenness ? new Float64Array(n) : null,
    ownTotal: new Float64Array(n).fill(NaN),
    ownReached: new Float64Array(n),
    distanceSum: run.closeness === 'estimate' ? new Float64Array(n) : null,
    reachedBy: run.closeness === 'estimate' ? new Float64Array(n) : null,
  };
  if (n === 0) return sums;
  const extra = run.extra ?? new Int32Array(0);
  const total = run.sources.length + extra.length;
  const progress = run.onProgress;
  const step = Math.max(1, Math.ceil(total / 100));
  let done = 0;
  const tick = () => {
    done++;
    if (progress !== undefined && (done % step === 0 || done === total)) progress(done, total);
  };
  const sc = createPathScratch(graph);
  const lengths = run.weighted ? edgeLengths(graph) : null;
  const { order, bounds, dist } = sc;
  const bc = sums.betweenness;
  const searchFrom = (s: number, paths: boolean) => {
    let reached: number;
    let totalDistance = 0;
    if (lengths !== null) {
      reached = dijkstraPaths(graph, s, lengths, sc);
      for (let k = 1; k < reached; k++) totalDistance += dist[order[k]!]!;
      if (paths && bc !== null) accumulateWeighted(graph.offsets, graph.neighbours, lengths, sc, reached, bc);
      if (sums.distanceSum !== null) addDistancesWeighted(sc, reached, sums.distanceSum, sums.reachedBy!);
    } else {
      const levels = paths ? bfsPaths(graph, s, sc) : bfsLevels(graph, s, sc);
      reached = bounds[levels]!;
      for (let level = 1; level < levels; level++) totalDistance += level * (bounds[level + 1]! - bounds[level]!);
      if (paths && bc !== null) accumulateLevels(graph.offsets, graph.neighbours, sc, levels, bc);
      if (sums.distanceSum !== null) addDistancesByLevel(sc, levels, sums.distanceSum, sums.reachedBy!);
    }
    if (run.closeness !== 'none') {
      sums.ownTotal[s] = totalDistance;
      sums.ownReached[s] = reached;
    }
    resetScratch(sc, reached, lengths === null ? 'bfs' : 'dijkstra');
    tick();
  };
  for (let i = 0; i < run.sources.length; i++) searchFrom(run.sources[i]!, run.betweenness);
  for (let i = 0; i < extra.length; i++) searchFrom(extra[i]!, false);
  return sums;
}

/** Every reached node v ≠ s: Σ d(s, v) += its level, and one more source reached it. */
function addDistancesByLevel(sc: PathScratch, levels: number, distanceSum: Float64Array, reachedBy: Float64Array): void {
  const { order, bounds } = sc;
  for (let level = 1; level < levels; level++) {
    for (let k = bounds[level]!, end = bounds[level + 1]!; k < end; k++) {
      const v = order[k]!;
      distanceSum[v]! += level;
      reachedBy[v]! += 1;
    }
  }
}

function addDistancesWeighted(sc: PathScratch, reached: number, distanceSum: Float64Array, reachedBy: Float64Array): void {
  const { order, dist } = sc;
  for (let k = 1; k < reached; k++) {
    const v = order[k]!;
    distanceSum[v]! += dist[v]!;
    reachedBy[v]! += 1;
  }
}

/**
 * Closeness from the search sums: a source's own exact value, or (estimate mode, `componentSize` given) the pivot
 * estimate for the others. Formulae in the header.
 */
function closenessValues(sums: SearchSums, n: number, wfImproved: boolean, componentSize: Float64Array | null): Float64Array {
  const result = new Float64Array(n);
  if (n <= 1) return result;
  const { ownTotal, ownReached, distanceSum, reachedBy } = sums;
  for (let u = 0; u < n; u++) {
    const own = ownTotal[u]!;
    if (!Number.isNaN(own)) {
      // u was a source: exactly `closenessCentrality`'s arithmetic.
      const reached = ownReached[u]!;
      if (own > 0) {
        let c = (reached - 1) / own;
        if (wfImproved) c *= (reached - 1) / (n - 1);
        result[u] = c;
      }
    } else if (componentSize !== null && distanceSum !== null && reachedBy !== null) {
      const k = reachedBy[u]!;
      const sum = distanceSum[u]!;
      if (k > 0 && sum > 0) {
        let c = k / sum;
        if (wfImproved) c *= (componentSize[u]! - 1) / (n - 1);
        result[u] = c;
      }
    }
  }
  return result;
}

/** NetworkX's `_rescale` (undirected): halve, or divide by (n − 1)(n − 2); and n/K for K pivots (`k` null: exact). */
function rescaleBetweenness(bc: Float64Array, n: number, normalized: boolean, k: number | null): Float64Array {
  let scale: number | null;
  if (normalized) scale = n <= 2 ? null : 1 / ((n - 1) * (n - 2));
  else scale = 0.5;
  if (scale !== null) {
    if (k !== null && k < n) scale = (scale * n) / k;
    for (let v = 0; v < n; v++) bc[v]! *= scale;
  }
  return bc;
}

function allNodes(n: number): Int32Array {
  const sources = new Int32Array(n);
  for (let i = 0; i < n; i++) sources[i] = i;
  return sources;
}

/**
 * K pivots drawn uniformly without replacement with `rng` (partial Fisher–Yates over 0 … n − 1; `rng` is called K
 * times when K < n, not at all otherwise, when every node is returned in index order).
 */
export function drawPivots(n: number, pivots: number, rng: Rng | undefined): Int32Array {
  if (!(Number.isInteger(pivots) && pivots >= 1)) {
    throw new BridgeworkError('validation', `graph-core/centrality: pivots must be a positive integer, not ${String(pivots)}`);
  }
  if (typeof rng !== 'function') throw new BridgeworkError('validation', 'graph-core/centrality: sampling pivots needs an rng (createRng(seed))');
  const k = Math.min(pivots, n);
  const pool = allNodes(n);
  if (k < n) {
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng() * (n - i));
      const t = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = t;
    }
  }
  return pool.subarray(0, k);
}

/** How closeness will be estimated: exact when every node is a pivot; else component sizes and extra pivots. */
interface ClosenessPlan {
  exact: boolean;
  componentSize: Float64Array;
  extra: Int32Array;
}

/**
 * Label the components (along ties of positive weight when weighted), and draw min(r, ⌈K·r/n⌉) closeness-only
 * pivots from each component of r ≥ 2 nodes that holds none of `pivots` (components in order of their least node).
 */
function closenessPlan(graph: CompactGraph, weighted: boolean, pivots: Int32Array, requested: number, rng: Rng): ClosenessPlan {
  const n = graph.n;
  if (pivots.length >= n) return { exact: true, componentSize: new Float64Array(0), extra: new Int32Array(0) };
  const { offsets, neighbours, weights } = graph;
  // Component labels by BFS, in order of each component's least node; `members` lists each component's nodes.
  const label = new Int32Array(n).fill(-1);
  const members = new Int32Array(n);
  const starts: number[] = [];
  let tail = 0;
  for (let root = 0; root < n; root++) {
    if (label[root] !== -1) continue;
    const c = starts.length;
    starts.push(tail);
    label[root] = c;
    members[tail++] = root;
    for (let head = tail - 1; head < tail; head++) {
      const v = members[head]!;
      for (let p = offsets[v]!, stop = offsets[v + 1]!; p < stop; p++) {
        const w = neighbours[p]!;
        if (label[w] === -1 && (!weighted || weights[p]! > 0)) {
          label[w] = c;
          members[tail++] = w;
        }
      }
    }
  }
  starts.push(n);
  const count = starts.length - 1;
  const componentSize = new Float64Array(n);
  for (let v = 0; v < n; v++) componentSize[v] = starts[label[v]! + 1]! - starts[label[v]!]!;
  const hit = new Uint8Array(count);
  for (let i = 0; i < pivots.length; i++) hit[label[pivots[i]!]!] = 1;
  const extra: number[] = [];
  for (let c = 0; c < count; c++) {
    const from = starts[c]!;
    const size = starts[c + 1]! - from;
    if (hit[c] === 1 || size < 2) continue;
    const k = Math.min(size, Math.ceil((requested * size) / n));
    // Partial Fisher–Yates within the component's slice of `members`.
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng() * (size - i));
      const t = members[from + i]!;
      members[from + i] = members[from + j]!;
      members[from + j] = t;
      extra.push(members[from + i]!);
    }
  }
  return { exact: false, componentSize, extra: Int32Array.from(extra) };
}

/**
 * Betweenness from `sources`, rescaled (`k` = the pivot count, null when every node is a source). For
 * betweenness.ts; not re-exported from the package.
 */
export function betweennessFromSources(
  graph: CompactGraph,
  sources: Int32Array,
  weighted: boolean,
  normalized: boolean,
  k: number | null,
  onProgress: ProgressCallback | undefined,
): Float64Array {
  const run = runSearches(graph, { weighted, sources, extra: null, betweenness: true, closeness: 'none', onProgress });
  return rescaleBetweenness(run.betweenness!, graph.n, normalized, k);
}

/**
 * Closeness estimated from `requested` pivots with distance-only searches — the same pivots, extra pivots and values
 * as `pathCentralities` with the same rng seed. For closeness.ts; not re-exported from the package.
 */
export function sampledClosenessFromPivots(
  graph: CompactGraph,
  weighted: boolean,
  wfImproved: boolean,
  requested: number,
  rng: Rng | undefined,
  onProgress: ProgressCallback | undefined,
): Float64Array {
  const pivots = drawPivots(graph.n, requested, rng);
  const plan = closenessPlan(graph, weighted, pivots, requested, rng!);
  const run = runSearches(graph, {
    weighted,
    sources: pivots,
    extra: plan.extra,
    betweenness: false,
    closeness: plan.exact ? 'own' : 'estimate',
    onProgress,
  });
  return closenessValues(run, graph.n, wfImproved, plan.exact ? null : plan.componentSize);
}
