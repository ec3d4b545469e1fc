/**
 * Directed shortest-path betweenness centrality over a DirectedCompactGraph: exact, and estimated from sampled pivots.
 *
 * Betweenness (Freeman 1977, "A set of measures of centrality based on betweenness", Sociometry 40:35) on a directed
 * graph is the share of directed shortest paths between ORDERED pairs (s, t) of other nodes that pass through a node:
 * c_B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t), paths following arcs from tail to head. A node that relays
 * messages — email forwarded, referrals passed on — scores high.
 *
 * Exact values use Brandes's algorithm (Brandes 2001, "A faster algorithm for betweenness centrality", J. Math.
 * Sociol. 25:163), which is the same for directed graphs with searches along out-arcs: one BFS (Dijkstra when
 * weighted) per source counting shortest paths, then the dependencies δ(v) = Σ_{w: v ∈ P(w)} σ(v)/σ(w) · (1 + δ(w))
 * in reverse order of distance. Both passes are "pull" style (see directed-paths.ts): σ is summed over in-arcs, and
 * δ over out-arcs, where only the next level has (1 + δ)/σ published, so no predecessor lists are stored. The
 * accumulation is the undirected measure's own (../centrality/shortest-paths.ts), run over the out-rows.
 * O(nm) unweighted, O(nm + n² log n) weighted; O(n + m) memory.
 *
 * The estimate follows Brandes & Pich (2007, "Centrality estimation in large networks", Int. J. Bifurcation Chaos
 * 17:2303): searches from K pivots drawn uniformly without replacement, the sum scaled by n/K.
 *
 * Conventions are NetworkX 2.8's (`betweenness_centrality` on a DiGraph, endpoints=False): normalised values divide
 * by the number of ordered pairs not involving v, (n − 1)(n − 2) (none when n ≤ 2); unnormalised values are the plain
 * ordered-pair sums (NetworkX halves only undirected sums). Weighted paths walk an arc of weight w at length 1/w,
 * with NetworkX's exact equal-path rule, so exact values match networkx 2.8.8's to rounding of the final sums (tests:
 * every node of the reference networks to 1e-9). One deliberate difference: NetworkX 2.8 skips the n/K scaling of a
 * sampled estimate when the graph is directed and `normalized=False` (its `_rescale` returns early); here the
 * estimate is always scaled by n/K, so it stays unbiased.
 */
import type { Rng } from '../../random/rng.js';
import { drawPivots, type ProgressCallback } from '../centrality/path-centralities.js';
import { accumulateLevels, accumulateWeighted } from '../centrality/shortest-paths.js';
import type { DirectedCompactGraph } from './directed-graph.js';
import {
  arcLengths,
  createDirectedPathScratch,
  dijkstraCsr,
  directedBfsPaths,
  resetDirectedScratch,
} from './directed-paths.js';
import { checkBoolean, invalid, withDefaults } from './internals.js';

/** Options of `directedBetweenness`. */
export interface DirectedBetweennessOptions {
  /** Shortest paths by arc length 1/weight (true) or by hop count (false, default). */
  weighted?: boolean;
  /** Divide by the number of ordered pairs not involving the node, (n − 1)(n − 2) (default true; none when n ≤ 2). */
  normalized?: boolean;
  /** Told how many of the single-source searches are done (n, or K when sampled): every ~1% of them and at the end. */
  onProgress?: ProgressCallback;
}

/** Options of `sampledDirectedBetweenness`: those of the exact version plus the pivots. */
export interface SampledDirectedBetweennessOptions extends DirectedBetweennessOptions {
  /** Number of pivot sources K; K ≥ n uses every node (the exact values). */
  pivots: number;
  /** Seeded random source for choosing the pivots, e.g. `createRng(seed)`; drawn K times when K < n. */
  rng: Rng;
}

/** Defaults of `directedBetweenness` (NetworkX's: unweighted, normalised). */
export const DIRECTED_BETWEENNESS_DEFAULTS: Readonly<Required<Omit<DirectedBetweennessOptions, 'onProgress'>>> = Object.freeze({ weighted: false, normalized: true });

/**
 * Exact directed betweenness of every node (Brandes 2001), aligned with `d.ids`. NetworkX semantics for a DiGraph:
 * paths along arcs, endpoints excluded, normalised by 1/((n − 1)(n − 2)) unless `normalized: false`; weighted paths
 * take arc length 1/weight. O(nm) unweighted, O(nm + n² log n) weighted.
 */
export function directedBetweenness(d: DirectedCompactGraph, options: DirectedBetweennessOptions = {}): Float64Array {
  const sources = new Int32Array(d.n);
  for (let i = 0; i < d.n; i++) sources[i] = i;
  return brandes(d, sources, options, null);
}

/**
 * Directed betweenness estimated from `pivots` sources drawn uniformly without replacement with `rng` (Brandes &
 * Pich 2007), scaled by n/K. Deterministic for a given rng seed; with K ≥ n, the exact values.
 */
export function sampledDirectedBetweenness(d: DirectedCompactGraph, options: SampledDirectedBetweennessOptions): Float64Array {
  const { pivots, rng } = options;
  if (!(Number.isInteger(pivots) && pivots >= 1)) invalid(`pivots must be a positive integer, not ${String(pivots)}`);
  if (typeof rng !== 'function') invalid('sampled betweenness needs an rng (createRng(seed))');
  // The undirected estimate's draw (a partial Fisher–Yates shuffle): the same pivots for the same rng.
  const sources = drawPivots(d.n, pivots, rng);
  return brandes(d, sources, options, sources.length < d.n ? sources.length : null);
}

function brandes(d: DirectedCompactGraph, sources: Int32Array, options: DirectedBetweennessOptions, k: number | null): Float64Array {
  const { onProgress, ...rest } = options;
  const { weighted, normalized } = withDefaults(DIRECTED_BETWEENNESS_DEFAULTS, rest);
  checkBoolean('weighted', weighted);
  checkBoolean('normalized', normalized);
  if (onProgress !== undefined && typeof onProgress !== 'function') invalid('onProgress must be a function');
  const n = d.n;
  const bc = new Float64Array(n);
  if (n === 0) return bc;
  const sc = createDirectedPathScratch(n);
  const { outOffsets, outNeighbours, inOffsets, inNeighbours } = d;
  const total = sources.length;
  const step = Math.max(1, Math.ceil(total / 100));
  const tick = (done: number) => {
    if (onProgress !== undefined && (done % step === 0 || done === total)) onProgress(done, total);
  };
  if (weighted) {
    const lengths = arcLengths(d.outWeights);
    for (let i = 0; i < total; i++) {
      const reached = dijkstraCsr(outOffsets, outNeighbours, lengths, sources[i]!, sc);
      accumulateWeighted(outOffsets, outNeighbours, lengths, sc, reached, bc);
      resetDirectedScratch(sc, reached);
      tick(i + 1);
    }
  } else {
    for (let i = 0; i < total; i++) {
      const levels = directedBfsPaths(outOffsets, outNeighbours, inOffsets, inNeighbours, sources[i]!, sc);
      accumulateLevels(outOffsets, outNeighbours, sc, levels, bc);
      resetDirectedScratch(sc, sc.bounds[levels]!);
      tick(i + 1);
    }
  }
  let scale = 1;
  if (normalized && n > 2) scale = 1 / ((n - 1) * (n - 2));
  if (k !== null) scale = (scale * n) / k;
  if (scale !== 1) for (let v = 0; v < n; v++) bc[v]! *= scale;
  return bc;
}
