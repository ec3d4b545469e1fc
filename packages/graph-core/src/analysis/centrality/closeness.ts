/**
 * Closeness centrality over a CompactGraph: how near a node is to the others it can reach.
 *
 * Closeness (Bavelas 1950, "Communication patterns in task-oriented groups", J. Acoust. Soc. Am. 22:725; Freeman
 * 1979, "Centrality in social networks: conceptual clarification", Social Networks 1:215) is the reciprocal of the
 * mean distance to the other nodes. In a disconnected graph that mean only covers a node's own component, which
 * flatters nodes of small components, so — as NetworkX's `closeness_centrality(wf_improved=True)` does — the value is
 * scaled by the fraction of the other nodes that the node reaches (Wasserman & Faust 1994, "Social Network
 * Analysis", Cambridge University Press, p. 201):
 *
 *   C(u) = (r − 1) / Σ_v d(u, v) · (r − 1) / (n − 1),
 *
 * with r the number of nodes reachable from u (u included); C(u) = 0 when u reaches nobody.
 *
 * One BFS (or Dijkstra with edge length 1/weight: weights are tie strengths) per node: O(nm) unweighted, O(nm +
 * n² log n) weighted. Weighted distances are summed along paths exactly as NetworkX sums them, so values agree with
 * networkx 2.8 to rounding of the final sum (tests: every node of ten real networks to 1e-9).
 *
 * Exact closeness is as costly as exact betweenness. On large graphs `sampledClosenessCentrality` estimates it from
 * K pivot sources (Eppstein & Wang 2004, "Fast approximation of centrality", J. Graph Algorithms Appl. 8:39), within
 * each component so that the Wasserman–Faust correction applies as above; path-centralities.ts says exactly what is
 * estimated, and `pathCentralities` gives it together with sampled betweenness from the same searches.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import type { Rng } from '../../random/rng.js';
import { sampledClosenessFromPivots, type ProgressCallback } from './path-centralities.js';
import { bfsLevels, createPathScratch, dijkstraPaths, edgeLengths, resetScratch } from './shortest-paths.js';

/** Options of `closenessCentrality`. */
export interface ClosenessOptions {
  /** Distances by edge length 1/weight (true) or by hop count (false, default). */
  weighted?: boolean;
  /** Scale by the fraction of other nodes reached (Wasserman–Faust; default true, as NetworkX's `wf_improved`). */
  wfImproved?: boolean;
  /** Told (done, total) sources every ~1% of the single-source searches and at the end; keep it cheap. */
  onProgress?: ProgressCallback;
}

/** Options of `sampledClosenessCentrality`: those of the exact version plus the pivots. */
export interface SampledClosenessOptions extends ClosenessOptions {
  /** Number of pivot sources K; K ≥ n makes every node a source (the exact values). */
  pivots: number;
  /** Seeded random source for the pivots, e.g. `createRng(seed)`. */
  rng: Rng;
}

/** Defaults of `closenessCentrality` (NetworkX's: unweighted, Wasserman–Faust scaling). */
export const CLOSENESS_DEFAULTS: Readonly<Required<Omit<ClosenessOptions, 'onProgress'>>> = Object.freeze({ weighted: false, wfImproved: true });

/**
 * Closeness centrality of every node, aligned with `graph.ids`: (r − 1) / Σ d(u, v), times (r − 1)/(n − 1) with
 * `wfImproved` (default), where r counts the nodes u reaches, itself included; 0 for a node that reaches no other.
 * Weighted distances use edge length 1/weight (zero-weight edges are not walked).
 */
export function closenessCentrality(graph: CompactGraph, options: ClosenessOptions = {}): Float64Array {
  const { weighted, wfImproved } = { ...CLOSENESS_DEFAULTS, ...options };
  const n = graph.n;
  const result = new Float64Array(n);
  if (n === 0) return result;
  const sc = createPathScratch(graph);
  const { order, bounds, dist } = sc;
  const lengths = weighted ? edgeLengths(graph) : null;
  const { onProgress } = options;
  const step = Math.max(1, Math.ceil(n / 100));
  for (let u = 0; u < n; u++) {
    let total = 0;
    let reached: number;
    if (lengths) {
      reached = dijkstraPaths(graph, u, lengths, sc);
      for (let k = 1; k < reached; k++) total += dist[order[k]!]!;
    } else {
      const levels = bfsLevels(graph, u, sc);
      reached = bounds[levels]!;
      for (let level = 1; level < levels; level++) total += level * (bounds[level + 1]! - bounds[level]!);
    }
    if (total > 0 && n > 1) {
      let c = (reached - 1) / total;
      if (wfImproved) c *= (reached - 1) / (n - 1);
      result[u] = c;
    }
    resetScratch(sc, reached, lengths ? 'dijkstra' : 'bfs');
    if (onProgress !== undefined && ((u + 1) % step === 0 || u + 1 === n)) onProgress(u + 1, n);
  }
  return result;
}

/**
 * Closeness estimated from `pivots` source nodes drawn uniformly without replacement with `rng` (Eppstein & Wang
 * 2004): a pivot gets its exact value; any other node u the exact formula with its mean distance to the other nodes
 * of its component replaced by its mean distance to the pivots in that component — (r − 1)/(n − 1) · k / Σ d(s, u)
 * over the k pivots s in u's component of r nodes. A component that no pivot fell in gets ⌈K·r/n⌉ pivots of its own
 * (path-centralities.ts has the details). K ≥ n gives the exact values. Cost: about K single-source searches.
 */
export function sampledClosenessCentrality(graph: CompactGraph, options: SampledClosenessOptions): Float64Array {
  const { weighted, wfImproved } = { ...CLOSENESS_DEFAULTS, ...options };
  return sampledClosenessFromPivots(graph, weighted, wfImproved, options.pivots, options.rng, options.onProgress);
}
