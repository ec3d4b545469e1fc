/**
 * Leiden community detection: modularity optimisation with well-connected communities.
 *
 * V. A. Traag, L. Waltman & N. J. van Eck, "From Louvain to Leiden: guaranteeing well-connected communities",
 * Scientific Reports 9, 5233 (2019), doi:10.1038/s41598-019-41695-z — the pseudocode of its supplementary
 * information, for modularity with resolution γ (Reichardt & Bornholdt, Phys. Rev. E 74, 016110, 2006).
 *
 * One iteration repeats three phases until the partition of the current (aggregate) graph puts every node in a
 * community of its own:
 *
 * 1. Fast local moving. All nodes go into a queue in random order; a node taken from the queue moves to the community
 *    (a neighbouring one, or an empty one) with the largest gain w(v, C) − γ k_v K_C / 2m if that beats staying, and
 *    when it moves, its neighbours outside its new community that are not queued join the back of the queue. Only
 *    nodes whose neighbourhood changed are visited again.
 * 2. Refinement. Inside each community S, start from singletons and visit the nodes in random order. A node v still
 *    on its own and well connected to S (w(v, S − v) ≥ γ k_v (K_S − k_v) / 2m) may merge into a refined community C
 *    of S that is itself well connected to S (w(C, S − C) ≥ γ K_C (K_S − K_C) / 2m) and adjacent to v, or stay alone:
 *    an option with gain ΔH ≥ 0 is chosen with probability ∝ exp(ΔH / θ) (θ → 0 is greedy; staying has ΔH = 0). The
 *    merged sets are connected by construction, and the refined communities split S where it is poorly connected.
 * 3. Aggregation on the refined partition (each refined community becomes a node; edges summed), with the initial
 *    partition of the aggregate graph taken from the non-refined partition — so a community of phase 1 may be split
 *    up again at the next level if that is better.
 *
 * Every community returned is therefore a union of refined communities that are connected and that the last local
 * moving left on their own: the communities are γ-connected (as the paper proves), in particular connected.
 * Iterating (each iteration starts from the previous partition) until nothing changes also makes every node optimally
 * placed and every community subpartition γ-dense. If a refinement merges nothing at all (possible with a large θ),
 * the level aggregates on the connected parts of the communities instead, so that the graph always shrinks and the
 * guarantee holds (igraph aggregates on the communities themselves there). Gains are in edge-weight units (as in
 * igraph and leidenalg), so θ is on the scale of the edge weights.
 *
 * Refined partitions are fine (on a graph of 100 000 nodes the first refinement typically leaves about a quarter as
 * many refined communities), so the first aggregate graphs stay large: they are built straight into CSR arrays in one
 * scan (`aggregateLevel`) rather than through the CompactGraph builder. Everything runs over typed arrays.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { createRng, type Rng } from '../../random/rng.js';
import type { CommunityResult } from './louvain.js';
import {
  aggregateLevel,
  checkNumber,
  communityResult,
  compactLabels,
  definedOnly,
  invalid,
  LocalMoves,
  randomPermutation,
  singletons,
  startingWeights,
  type LevelGraph,
} from './internals.js';

/** Options of `leiden`. */
export interface LeidenOptions {
  /** Resolution γ ≥ 0 of the modularity: above 1 gives smaller communities, below 1 larger ones. Default 1. */
  resolution?: number;
  /** Seed of the random orders and refinement draws (any safe integer). Default 0. */
  seed?: number;
  /**
   * Randomness θ > 0 of the refinement (default 0.01, as the paper and igraph): merges are drawn with probability
   * ∝ exp(gain / θ), gains in edge-weight units.
   */
  theta?: number;
  /**
   * Number of iterations, each starting from the previous partition: a positive integer runs at most that many
   * (stopping early when one changes nothing); a negative number (default −1) runs until an iteration changes
   * nothing (at most `LEIDEN_MAX_ITERATIONS`).
   */
  iterations?: number;
  /** Use the edge weights (default true); false counts every edge as 1. */
  weighted?: boolean;
}

/** Defaults of `leiden`. */
export const LEIDEN_DEFAULTS: Readonly<Required<LeidenOptions>> = Object.freeze({
  resolution: 1,
  seed: 0,
  theta: 0.01,
  iterations: -1,
  weighted: true,
});

/** The cap on iterations when `iterations` is negative ("until stable"). */
export const LEIDEN_MAX_ITERATIONS = 1000;

/** Result of `leiden`. */
export interface LeidenResult extends CommunityResult {
  /** Number of iterations run (the last one changed nothing unless the limit was reached). */
  iterations: number;
}

/**
 * Leiden communities of `graph` (Traag, Waltman & van Eck 2019), maximising modularity at resolution γ; every
 * community is connected. Deterministic for a given seed.
 *
 * Throws a validation error for a negative or non-finite resolution, a θ that is not a finite number > 0, a seed that
 * is not a safe integer, or iterations that is 0 or not an integer.
 */
export function leiden(graph: CompactGraph, options: LeidenOptions = {}): LeidenResult {
  const { resolution, seed, theta, iterations, weighted } = { ...LEIDEN_DEFAULTS, ...definedOnly(options) };
  checkNumber('resolution', resolution, 0);
  checkNumber('theta', theta, 0, true);
  if (!Number.isSafeInteger(iterations) || iterations === 0) {
    throw invalid(`iterations must be a non-zero integer (negative: until stable), not ${String(iterations)}`);
  }
  const rng = createRng(seed);
  const n = graph.n;
  const { w: w0, k: k0, twoM } = startingWeights(graph, weighted);

  let membership = singletons(n);
  let count = n;
  let run = 0;
  if (twoM > 0) {
    const scratch = createScratch(n);
    const limit = iterations < 0 ? LEIDEN_MAX_ITERATIONS : iterations;
    while (run < limit) {
      const next = iterate(graph, w0, k0, membership, resolution / twoM, theta, rng, scratch);
      run++;
      const nextCount = compactLabels(next, n, n, scratch.map);
      const changed = nextCount !== count || !sameLabels(membership, next);
      membership = next;
      count = nextCount;
      if (!changed) break;
    }
  }
  return { ...communityResult(graph, w0, membership, count, resolution), iterations: run };
}

/** Whether two label vectors, both numbered in order of first appearance, are equal (so the partitions are). */
function sameLabels(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Scratch {
  /** The accumulators of local moving, which the refinement uses too. */
  mover: LocalMoves;
  size: Int32Array;
  queue: Int32Array;
  queued: Uint8Array;
  empty: Int32Array;
  ref: Int32Array;
  refTot: Float64Array;
  ext: Float64Array;
  merged: Uint8Array;
  candidates: Int32Array;
  chances: Float64Array;
  map: Int32Array;
}

function createScratch(n: number): Scratch {
  return {
    mover: new LocalMoves(n),
    size: new Int32Array(n),
    queue: new Int32Array(n),
    queued: new Uint8Array(n),
    empty: new Int32Array(n),
    ref: new Int32Array(n),
    refTot: new Float64Array(n),
    ext: new Float64Array(n),
    merged: new Uint8Array(n),
    candidates: new Int32Array(n + 1),
    chances: new Float64Array(n + 1),
    map: new Int32Array(n),
  };
}

/**
 * One Leiden iteration from `initial` (labels in [0, n) of the original graph): local moving, refinement and
 * aggregation until every community is a single aggregate node. Returns the community of each original node (labels
 * in [0, n), not compacted).
 */
function iterate(
  graph: CompactGraph,
  w0: Float64Array,
  k0: Float64Array,
  initial: Int32Array,
  scale: number,
  theta: number,
  rng: Rng,
  s: Scratch,
): Int32Array {
  const n = graph.n;
  let g: LevelGraph = graph;
  let w = w0;
  let k = k0;
  let comm = Int32Array.from(initial);
  // nodeOf[i]: the node of the current level that holds original node i.
  const nodeOf = singletons(n);
  for (;;) {
    const count = fastMoveNodes(g, w, k, comm, scale, rng, s);
    if (count === g.n) break;
    let refined = refine(g, w, k, comm, count, scale, theta, rng, s);
    let refinedCount = compactLabels(refined, g.n, g.n, s.map);
    if (refinedCount === g.n) {
      // The random merges merged nothing (possible with a large θ): aggregate on the connected parts of the
      // communities instead, so the graph shrinks and the communities stay connected; failing that (every community
      // of two or more nodes has no inner edge at all), on the communities themselves, as igraph does.
      refined = componentsWithin(g, comm, s);
      refinedCount = compactLabels(refined, g.n, g.n, s.map);
      if (refinedCount === g.n) {
        refined = comm;
        refinedCount = count;
      }
    }
    const next = aggregateLevel(g, w, k, refined, refinedCount);
    const nextComm = new Int32Array(refinedCount);
    for (let v = 0; v < g.n; v++) nextComm[refined[v]!] = comm[v]!;
    for (let i = 0; i < n; i++) nodeOf[i] = refined[nodeOf[i]!]!;
    g = next.graph;
    w = g.weights;
    k = next.nodeWeight;
    comm = nextComm;
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = comm[nodeOf[i]!]!;
  return out;
}

/** The connected parts of each community of `comm`: a label in [0, g.n) per node (breadth-first search). */
function componentsWithin(g: LevelGraph, comm: Int32Array, s: Scratch): Int32Array {
  const { n, offsets, neighbours } = g;
  const part = new Int32Array(n).fill(-1);
  const queue = s.queue;
  for (let root = 0; root < n; root++) {
    if (part[root]! >= 0) continue;
    const c = comm[root]!;
    part[root] = root;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const u = queue[head++]!;
      for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
        const v = neighbours[p]!;
        if (part[v]! < 0 && comm[v] === c) {
          part[v] = root;
          queue[tail++] = v;
        }
      }
    }
  }
  return part;
}

/**
 * Fast local moving (the paper's MoveNodesFast) of `comm` (labels in [0, g.n), updated in place and compacted to
 * 0 … count−1 on return); returns the number of communities.
 */
function fastMoveNodes(g: LevelGraph, w: Float64Array, k: Float64Array, comm: Int32Array, scale: number, rng: Rng, s: Scratch): number {
  const { n, offsets, neighbours } = g;
  const { mover, size, queue, queued, empty } = s;
  const tot = mover.tot;
  tot.fill(0, 0, n);
  size.fill(0, 0, n);
  for (let v = 0; v < n; v++) {
    const c = comm[v]!;
    tot[c]! += k[v]!;
    size[c]!++;
  }
  let emptyTop = 0;
  for (let c = n - 1; c >= 0; c--) if (size[c] === 0) empty[emptyTop++] = c;

  randomPermutation(queue, n, rng);
  queued.fill(1, 0, n);
  let head = 0;
  let queuedCount = n;
  while (queuedCount > 0) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    queuedCount--;
    queued[v] = 0;
    const cv = comm[v]!;
    const kv = k[v]!;
    let best = mover.bestMove(offsets, neighbours, w, comm, v, kv, scale);
    if (best < 0) continue;
    size[cv]!--;
    // An empty community (gain 0), unless v is already alone.
    let fromEmpty = false;
    if (size[cv]! > 0 && mover.bestGain < 0) {
      best = empty[emptyTop - 1]!;
      fromEmpty = true;
    }
    tot[best]! += kv;
    size[best]!++;
    if (best !== cv) {
      if (fromEmpty) emptyTop--;
      if (size[cv] === 0) empty[emptyTop++] = cv;
      comm[v] = best;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const u = neighbours[p]!;
        if (queued[u] === 0 && comm[u] !== best) {
          queued[u] = 1;
          let tail = head + queuedCount;
          if (tail >= n) tail -= n;
          queue[tail] = u;
          queuedCount++;
        }
      }
    }
  }
  return compactLabels(comm, n, n, s.map);
}

/**
 * Refinement (the paper's RefinePartition and MergeNodesSubset) of the partition `comm` (0 … count−1): returns the
 * refined community of each node (labels in [0, g.n), each refined community inside one community of `comm`).
 */
function refine(
  g: LevelGraph,
  w: Float64Array,
  k: Float64Array,
  comm: Int32Array,
  count: number,
  scale: number,
  theta: number,
  rng: Rng,
  s: Scratch,
): Int32Array {
  const { n, offsets, neighbours } = g;
  const { tot, neighW, touched } = s.mover;
  const { queue: order, ref, refTot, ext, merged, candidates, chances } = s;
  // tot[c]: K_S of community c; ext[v]: w(v, S − v), the weight from v to the rest of its community.
  tot.fill(0, 0, count);
  for (let v = 0; v < n; v++) {
    const c = comm[v]!;
    tot[c]! += k[v]!;
    ref[v] = v;
    refTot[v] = k[v]!;
    merged[v] = 0;
    let e = 0;
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) if (comm[neighbours[p]!] === c) e += w[p]!;
    ext[v] = e;
  }
  randomPermutation(order, n, rng);
  for (let t = 0; t < n; t++) {
    const v = order[t]!;
    // Only nodes still alone (nobody joined them and they joined nobody) and well connected to their community.
    if (merged[v] !== 0 || ref[v] !== v) continue;
    const S = comm[v]!;
    const kv = k[v]!;
    const KS = tot[S]!;
    if (!(ext[v]! >= kv * (KS - kv) * scale)) continue;
    let nt = 0;
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
      const u = neighbours[p]!;
      if (comm[u] !== S) continue;
      const c = ref[u]!;
      const x = neighW[c]!;
      if (x < 0) {
        neighW[c] = w[p]!;
        touched[nt++] = c;
      } else neighW[c] = x + w[p]!;
    }
    // Options: stay alone (gain 0), or join a well-connected neighbouring refined community with gain ≥ 0.
    refTot[v] = 0;
    let options = 1;
    candidates[0] = v;
    chances[0] = 0;
    let maxGain = 0;
    for (let j = 0; j < nt; j++) {
      const c = touched[j]!;
      const Kc = refTot[c]!;
      if (ext[c]! >= Kc * (KS - Kc) * scale) {
        const gain = neighW[c]! - kv * Kc * scale;
        if (gain >= 0) {
          candidates[options] = c;
          chances[options] = gain;
          options++;
          if (gain > maxGain) maxGain = gain;
        }
      }
    }
    let chosen = v;
    if (options > 1) {
      // Relative to the best gain, so exp() cannot overflow.
      let total = 0;
      for (let j = 0; j < options; j++) {
        total += Math.exp((chances[j]! - maxGain) / theta);
        chances[j] = total;
      }
      const r = rng() * total;
      let j = 0;
      while (j < options - 1 && chances[j]! <= r) j++;
      chosen = candidates[j]!;
    }
    if (chosen === v) refTot[v] = kv;
    else {
      ref[v] = chosen;
      refTot[chosen]! += kv;
      ext[chosen] = ext[chosen]! + ext[v]! - 2 * neighW[chosen]!;
      merged[chosen] = 1;
      merged[v] = 1;
    }
    for (let j = 0; j < nt; j++) neighW[touched[j]!] = -1;
  }
  return Int32Array.from(ref.subarray(0, n));
}
