/**
 * Directed closeness centrality over a DirectedCompactGraph: how near the OTHER nodes are to a node, along arcs
 * pointing towards it — NetworkX's definition for directed graphs.
 *
 * Closeness (Bavelas 1950, "Communication patterns in task-oriented groups", J. Acoust. Soc. Am. 22:725; Freeman
 * 1979, "Centrality in social networks: conceptual clarification", Social Networks 1:215) is the reciprocal of the
 * mean distance. On a directed graph NetworkX 2.8's `closeness_centrality` uses INCOMING distance: it runs on
 * `G.reverse()`, so C(u) averages d(v, u) over the nodes v that can reach u (for outward distance, run it on the
 * reversed graph, as NetworkX's documentation says). As NetworkX's `wf_improved=True`, the value is scaled by the
 * fraction of the other nodes that reach u (Wasserman & Faust 1994, "Social Network Analysis", Cambridge University
 * Press, p. 201):
 *
 *   C(u) = (r − 1) / Σ_v d(v, u) · (r − 1) / (n − 1),
 *
 * with r the number of nodes that reach u (u included); C(u) = 0 when no other node reaches u.
 *
 * One BFS (or Dijkstra with arc length 1/weight: weights are tie strengths) per node along in-arcs: O(nm) unweighted,
 * O(nm + n² log n) weighted. Weighted distances are summed along paths as NetworkX sums them, so values agree with
 * networkx 2.8.8's to rounding of the final sum (tests: every node of the reference networks to 1e-9).
 */
import type { ProgressCallback } from '../centrality/path-centralities.js';
import type { DirectedCompactGraph } from './directed-graph.js';
import { arcLengths, bfsLevelsCsr, createDirectedPathScratch, dijkstraCsr, resetDirectedScratch } from './directed-paths.js';
import { checkBoolean, invalid, withDefaults } from './internals.js';

/** Options of `directedCloseness`. */
export interface DirectedClosenessOptions {
  /** Distances by arc length 1/weight (true) or by hop count (false, default). */
  weighted?: boolean;
  /** Scale by the fraction of other nodes that reach the node (Wasserman–Faust; default true, NetworkX's `wf_improved`). */
  wfImproved?: boolean;
  /** Told how many of the n single-node searches are done: every ~1% of them and at the end. */
  onProgress?: ProgressCallback;
}

/** Defaults of `directedCloseness` (NetworkX's: unweighted, Wasserman–Faust scaling). */
export const DIRECTED_CLOSENESS_DEFAULTS: Readonly<Required<Omit<DirectedClosenessOptions, 'onProgress'>>> = Object.freeze({ weighted: false, wfImproved: true });

/**
 * Incoming closeness of every node, aligned with `d.ids` (NetworkX's `closeness_centrality` on a DiGraph):
 * (r − 1) / Σ d(v, u), times (r − 1)/(n − 1) with `wfImproved` (default), where r counts the nodes that reach u, u
 * included; 0 for a node no other node reaches. Weighted distances use arc length 1/weight.
 */
export function directedCloseness(d: DirectedCompactGraph, options: DirectedClosenessOptions = {}): Float64Array {
  const { onProgress, ...rest } = options;
  const { weighted, wfImproved } = withDefaults(DIRECTED_CLOSENESS_DEFAULTS, rest);
  checkBoolean('weighted', weighted);
  checkBoolean('wfImproved', wfImproved);
  if (onProgress !== undefined && typeof onProgress !== 'function') invalid('onProgress must be a function');
  const n = d.n;
  const step = Math.max(1, Math.ceil(n / 100));
  const result = new Float64Array(n);
  if (n === 0) return result;
  const sc = createDirectedPathScratch(n);
  const { order, bounds, dist } = sc;
  const { inOffsets, inNeighbours } = d;
  const lengths = weighted ? arcLengths(d.inWeights) : null;
  for (let u = 0; u < n; u++) {
    let total = 0;
    let reached: number;
    if (lengths) {
      reached = dijkstraCsr(inOffsets, inNeighbours, lengths, u, sc);
      for (let k = 1; k < reached; k++) total += dist[order[k]!]!;
    } else {
      const levels = bfsLevelsCsr(inOffsets, inNeighbours, u, sc);
      reached = bounds[levels]!;
      for (let level = 1; level < levels; level++) total += level * (bounds[level + 1]! - bounds[level]!);
    }
    if (total > 0 && n > 1) {
      let c = (reached - 1) / total;
      if (wfImproved) c *= (reached - 1) / (n - 1);
      result[u] = c;
    }
    resetDirectedScratch(sc, reached);
    if (onProgress !== undefined && ((u + 1) % step === 0 || u + 1 === n)) onProgress(u + 1, n);
  }
  return result;
}
