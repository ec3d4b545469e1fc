/**
 * Shared machinery of the community algorithms (not exported from the package): option checks, partition labels,
 * the modularity sum over a labelled partition, the choice of a local move, and the aggregation of a graph by a
 * partition — the coarsening step of Louvain (Blondel et al. 2008) and Leiden (Traag, Waltman & van Eck 2019), where
 * each community becomes one node, the edges between two communities become one edge carrying their summed weight,
 * and the weight inside a community is kept aside as the node's self-loop weight (a CompactGraph holds no self-loops).
 */
import { BridgeworkError } from '../../errors.js';
import { compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import type { Rng } from '../../random/rng.js';
import type { CommunityResult } from './louvain.js';

/** A validation error prefixed with the module. */
export function invalid(message: string): BridgeworkError {
  return new BridgeworkError('validation', `graph-core/communities: ${message}`);
}

/** `options` without its undefined entries, so they fall back to the defaults when spread. */
export function definedOnly<T extends object>(options: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(options) as (keyof T)[]) if (options[key] !== undefined) out[key] = options[key];
  return out;
}

/** Throws unless `value` is a finite number ≥ `min` (or > `min` when `strict`). */
export function checkNumber(name: string, value: number, min: number, strict = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || (strict ? value <= min : value < min)) {
    throw invalid(`${name} must be a finite number ${strict ? '>' : '≥'} ${min}, not ${String(value)}`);
  }
}

/**
 * The arc weights an algorithm should read: the graph's own weights, or (when `weighted` is false and the graph is
 * not already unit-weighted) a fresh array of 1s aligned with `graph.neighbours`.
 */
export function arcWeights(graph: CompactGraph, weighted: boolean): Float64Array {
  if (weighted) return graph.weights;
  const w = graph.weights;
  for (let p = 0; p < w.length; p++) if (w[p] !== 1) return new Float64Array(w.length).fill(1);
  return w;
}

/**
 * What Louvain and Leiden start from: the arc weights to read (see `arcWeights`), the weighted degree k of every node
 * under them, and 2m = Σ k.
 */
export function startingWeights(graph: CompactGraph, weighted: boolean): { w: Float64Array; k: Float64Array; twoM: number } {
  const w = arcWeights(graph, weighted);
  const { n, offsets } = graph;
  let k = graph.strengths;
  if (w !== graph.weights) {
    k = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) s += w[p]!;
      k[i] = s;
    }
  }
  let twoM = 0;
  for (let i = 0; i < n; i++) twoM += k[i]!;
  return { w, k, twoM };
}

/** Labels 0 … n−1, every node on its own. */
export function singletons(n: number): Int32Array {
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = i;
  return labels;
}

/**
 * Dense labels 0 … count−1 for a membership vector, numbered in order of first appearance. Throws a validation
 * error unless `membership` has one non-negative safe integer per node.
 */
export function denseLabels(membership: ArrayLike<number>, n: number): { labels: Int32Array; count: number } {
  if (membership.length !== n) throw invalid(`the membership has ${membership.length} entries for ${n} nodes`);
  const labels = new Int32Array(n);
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = membership[i]!;
    if (!Number.isSafeInteger(c) || c < 0) throw invalid(`node ${i}: community ${String(c)} is not a non-negative integer`);
    let d = seen.get(c);
    if (d === undefined) {
      d = seen.size;
      seen.set(c, d);
    }
    labels[i] = d;
  }
  return { labels, count: seen.size };
}

/**
 * Relabel `labels` (values in [0, bound)) in place to 0 … count−1 in order of first appearance, using `map` (length
 * ≥ bound) as scratch; returns the count.
 */
export function compactLabels(labels: Int32Array, n: number, bound: number, map: Int32Array): number {
  map.fill(-1, 0, bound);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    let d = map[c]!;
    if (d < 0) {
      d = count++;
      map[c] = d;
    }
    labels[i] = d;
  }
  return count;
}

/** Labels 0 … count−1 renumbered by community size, largest first (ties: the community met first comes first). */
function renumberBySize(labels: Int32Array, count: number): { communities: Int32Array; sizes: number[] } {
  const n = labels.length;
  const size = new Int32Array(count);
  const first = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    size[c]!++;
    if (first[c]! < 0) first[c] = i;
  }
  const order = Array.from({ length: count }, (_, c) => c).sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const rank = new Int32Array(count);
  for (let r = 0; r < count; r++) rank[order[r]!] = r;
  const communities = new Int32Array(n);
  for (let i = 0; i < n; i++) communities[i] = rank[labels[i]!]!;
  return { communities, sizes: order.map((c) => size[c]!) };
}

/**
 * The result fields Louvain and Leiden share, for the partition `labels` (0 … count−1) of `graph`: the communities
 * renumbered by size, and the modularity at resolution γ under the arc weights `w` the algorithm read.
 */
export function communityResult(
  graph: CompactGraph,
  w: Float64Array,
  labels: Int32Array,
  count: number,
  gamma: number,
): CommunityResult {
  const { communities, sizes } = renumberBySize(labels, count);
  return { communities, count, sizes, modularity: modularityOfLabels(graph, w, communities, count, gamma) };
}

/**
 * Modularity of the partition `labels` (0 … count−1) of `graph` under arc weights `w`, with resolution γ:
 * Σ_c [ L_c / m − γ (K_c / 2m)² ], where L_c is the weight of the edges inside c, K_c the summed weighted degree of
 * its nodes and m the total edge weight. NaN when the graph has no edge weight.
 */
export function modularityOfLabels(graph: CompactGraph, w: Float64Array, labels: Int32Array, count: number, gamma: number): number {
  const { n, offsets, neighbours } = graph;
  const inner = new Float64Array(count);
  const tot = new Float64Array(count);
  let degreeSum = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    let k = 0;
    let inside = 0;
    for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) {
      const x = w[p]!;
      k += x;
      if (labels[neighbours[p]!] === c) inside += x;
    }
    inner[c]! += inside;
    tot[c]! += k;
    degreeSum += k;
  }
  if (!(degreeSum > 0)) return Number.NaN;
  const m = degreeSum / 2;
  const norm = 1 / (degreeSum * degreeSum);
  let q = 0;
  // inner[c] counts every internal edge from both ends.
  for (let c = 0; c < count; c++) q += inner[c]! / 2 / m - gamma * tot[c]! * tot[c]! * norm;
  return q;
}

/** A graph one level up: node c is community c of the level below. */
export interface Aggregate {
  graph: CompactGraph;
  /** Weighted degree of each community in the original graph's terms (internal edges count twice). */
  nodeWeight: Float64Array;
  /** Weight of the edges inside each community (each edge once), self-loops of the level below included. */
  loops: Float64Array;
}

/**
 * The nodes of each community of `labels` (0 … count−1), by a counting sort: community c's members are
 * `members[start[c] … start[c + 1])`, in node order.
 */
function membersByCommunity(labels: Int32Array, n: number, count: number): { start: Uint32Array; members: Uint32Array } {
  const start = new Uint32Array(count + 1);
  for (let i = 0; i < n; i++) start[labels[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const members = new Uint32Array(n);
  const cursor = start.slice(0, count);
  for (let i = 0; i < n; i++) members[cursor[labels[i]!]!++] = i;
  return { start, members };
}

/**
 * Collapse each community of `labels` (0 … count−1) into one node: edges between two communities are summed into
 * one edge (built with `compactFromEdges`, merge `sum`); edges inside a community, and its members' own `loops`, go
 * into the new node's loop weight. O(n + arcs): a counting sort of the nodes by community, then one scan of each
 * community's rows with a dense accumulator.
 */
export function aggregateGraph(
  graph: CompactGraph,
  w: Float64Array,
  nodeWeight: Float64Array,
  loops: Float64Array | null,
  labels: Int32Array,
  count: number,
): Aggregate {
  const { n, m, offsets, neighbours } = graph;
  const { start, members } = membersByCommunity(labels, n, count);

  const newWeight = new Float64Array(count);
  const newLoops = new Float64Array(count);
  const acc = new Float64Array(count);
  const mark = new Int32Array(count).fill(-1);
  const touched = new Int32Array(count);
  // At most one aggregated edge per original edge.
  const sources = new Uint32Array(m);
  const targets = new Uint32Array(m);
  const weights = new Float64Array(m);
  let e = 0;
  for (let c = 0; c < count; c++) {
    let nt = 0;
    let inside = 0;
    let own = 0;
    let k = 0;
    for (let q = start[c]!, qEnd = start[c + 1]!; q < qEnd; q++) {
      const u = members[q]!;
      k += nodeWeight[u]!;
      if (loops) own += loops[u]!;
      for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
        const d = labels[neighbours[p]!]!;
        if (d === c) inside += w[p]!;
        else if (d > c) {
          if (mark[d] !== c) {
            mark[d] = c;
            acc[d] = w[p]!;
            touched[nt++] = d;
          } else acc[d]! += w[p]!;
        }
      }
    }
    newWeight[c] = k;
    newLoops[c] = own + inside / 2;
    for (let t = 0; t < nt; t++) {
      const d = touched[t]!;
      sources[e] = c;
      targets[e] = d;
      weights[e] = acc[d]!;
      e++;
    }
  }
  const aggregated = compactFromEdges(sources.subarray(0, e), targets.subarray(0, e), weights.subarray(0, e), count, undefined, { merge: 'sum' });
  return { graph: aggregated, nodeWeight: newWeight, loops: newLoops };
}

/**
 * The CSR arrays one level of an algorithm reads — a CompactGraph, or an aggregate from `aggregateLevel` — with the
 * same layout (row i is [offsets[i], offsets[i + 1]) of `neighbours`/`weights`) but rows not necessarily sorted.
 */
export interface LevelGraph {
  readonly n: number;
  readonly offsets: Uint32Array;
  readonly neighbours: Uint32Array;
  readonly weights: Float64Array;
}

/**
 * Like `aggregateGraph`, but straight into CSR arrays in one scan, without a CompactGraph: row c lists the
 * communities adjacent to c in the order first met, each with the weight summed from c's side. Used by Leiden, whose
 * refined partitions are fine, so its aggregate graphs stay large for a level or two. Internal weights are not kept
 * (Leiden needs only the node weights).
 */
export function aggregateLevel(
  graph: LevelGraph,
  w: Float64Array,
  nodeWeight: Float64Array,
  labels: Int32Array,
  count: number,
): { graph: LevelGraph; nodeWeight: Float64Array } {
  const { n, offsets, neighbours } = graph;
  const { start, members } = membersByCommunity(labels, n, count);

  const newWeight = new Float64Array(count);
  const acc = new Float64Array(count);
  const mark = new Int32Array(count).fill(-1);
  const arcs = offsets[n]!;
  // At most one aggregated arc per arc.
  const nb = new Uint32Array(arcs);
  const wt = new Float64Array(arcs);
  const rowStart = new Uint32Array(count + 1);
  let e = 0;
  for (let c = 0; c < count; c++) {
    const first = e;
    let k = 0;
    for (let q = start[c]!, qEnd = start[c + 1]!; q < qEnd; q++) {
      const u = members[q]!;
      k += nodeWeight[u]!;
      for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
        const d = labels[neighbours[p]!]!;
        if (d === c) continue;
        if (mark[d] !== c) {
          mark[d] = c;
          acc[d] = w[p]!;
          nb[e++] = d;
        } else acc[d]! += w[p]!;
      }
    }
    for (let x = first; x < e; x++) wt[x] = acc[nb[x]!]!;
    newWeight[c] = k;
    rowStart[c + 1] = e;
  }
  return { graph: { n: count, offsets: rowStart, neighbours: nb.slice(0, e), weights: wt.slice(0, e) }, nodeWeight: newWeight };
}

/**
 * The choice at the heart of local moving, the same in Louvain and Leiden: where one node should go. The arc weight
 * from the node to each neighbouring community is summed in a dense accumulator (`neighW`, −1 where unused) reset
 * through a list of the communities met (`touched`), so a choice costs O(degree) and allocates nothing. `tot[c]` is
 * Σ_tot(c), the summed weighted degree of the members of community c, kept up to date by the caller.
 */
export class LocalMoves {
  readonly tot: Float64Array;
  readonly neighW: Float64Array;
  readonly touched: Int32Array;
  /** Gain of staying, as the last `bestMove` found it. */
  stayGain = 0;
  /** Gain of the community the last `bestMove` returned (`stayGain` when that is the node's own). */
  bestGain = 0;

  constructor(n: number) {
    this.tot = new Float64Array(n);
    this.neighW = new Float64Array(n).fill(-1);
    this.touched = new Int32Array(n);
  }

  /**
   * The community node u (weighted degree ku, in community comm[u]) should be in: the one with the largest gain
   * w(u, c) − Σ_tot(c) · ku · scale (scale = γ / 2m, so gains are in edge-weight units), taken with u out of its own
   * community, which u stays in unless another is strictly better (ties go to the community met first). Takes ku off
   * the tot of u's community; the caller adds it to the tot of the community u ends in. Returns −1, changing nothing,
   * when u has no neighbour.
   */
  bestMove(offsets: Uint32Array, neighbours: Uint32Array, w: Float64Array, comm: Int32Array, u: number, ku: number, scale: number): number {
    const { tot, neighW, touched } = this;
    let nt = 0;
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
      const c = comm[neighbours[p]!]!;
      const x = neighW[c]!;
      if (x < 0) {
        neighW[c] = w[p]!;
        touched[nt++] = c;
      } else neighW[c] = x + w[p]!;
    }
    if (nt === 0) return -1;
    const cu = comm[u]!;
    const kScaled = ku * scale;
    tot[cu]! -= ku;
    const ownW = neighW[cu]!;
    const stay = (ownW < 0 ? 0 : ownW) - tot[cu]! * kScaled;
    let best = cu;
    let bestGain = stay;
    for (let j = 0; j < nt; j++) {
      const c = touched[j]!;
      const gain = neighW[c]! - tot[c]! * kScaled;
      neighW[c] = -1;
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    this.stayGain = stay;
    this.bestGain = bestGain;
    return best;
  }
}

/** Fill `order[0 … n)` with a uniformly random permutation of 0 … n−1 (Fisher–Yates). */
export function randomPermutation(order: Int32Array | Uint32Array, n: number, rng: Rng): void {
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, n, rng);
}

/** Shuffle `order[0 … n)` in place (Fisher–Yates). */
export function shuffleInPlace(order: Int32Array | Uint32Array, n: number, rng: Rng): void {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}
