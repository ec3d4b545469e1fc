/**
 * PageRank on a directed graph: the stationary distribution of a random walk that follows out-arcs with probability
 * proportional to their weight and, with probability 1 − α, jumps to a node chosen uniformly; a walker at a node
 * with no out-arcs (a dangling node) jumps uniformly too.
 *
 * Brin & Page (1998, "The anatomy of a large-scale hypertextual Web search engine", Computer Networks 30:107); Page,
 * Brin, Motwani & Winograd (1999, "The PageRank citation ranking: bringing order to the Web", Stanford InfoLab
 * technical report 1999-66). Computed by power iteration exactly as NetworkX 2.8's `pagerank` (`pagerank_scipy`) on a
 * DiGraph, whose semantics and defaults this follows:
 *
 *   x_j ← α (Σ_{i → j} x_i w_ij / s_i + (Σ_{dangling i} x_i) / n) + (1 − α) / n,
 *
 * from x = 1/n, with s_i the out-strength of i (its out-degree when unweighted); nodes with s_i = 0 (no out-arcs, or
 * only zero-weight ones) are dangling. Stops when the L1 change of an iteration falls below n · tol. Each iteration
 * pulls over the m in-arcs once.
 *
 * Accuracy: same start, iteration and stopping rule as NetworkX, so values agree with networkx 2.8.8's to rounding
 * (tests: every node of the reference networks to 1e-6, in practice ~1e-15). Against the exact PageRank vector the
 * error is that of the stopping rule: below α/(1 − α) · n · tol ≈ 5.7 · n · tol in L1; pass a smaller `tol` when the
 * order among small scores matters.
 */
import type { PowerIterationResult } from '../centrality/index.js';
import type { DirectedCompactGraph } from './directed-graph.js';
import { checkBoolean, checkIteration, invalid, withDefaults } from './internals.js';

/** Options of `directedPagerank`. */
export interface DirectedPageRankOptions {
  /** Damping factor α in [0, 1]: the probability of following an arc (default 0.85). */
  alpha?: number;
  /** Follow out-arcs in proportion to their weight (true, default, as NetworkX's weight="weight") or uniformly. */
  weighted?: boolean;
  /** Iteration cap (default 100). */
  maxIter?: number;
  /** Stop when the L1 change of an iteration is below n · tol (default 1e-6). */
  tol?: number;
}

/** Defaults of `directedPagerank` (NetworkX's). */
export const DIRECTED_PAGERANK_DEFAULTS: Readonly<Required<DirectedPageRankOptions>> = Object.freeze({ alpha: 0.85, weighted: true, maxIter: 100, tol: 1e-6 });

/**
 * PageRank of every node of a directed graph (scores sum to 1), NetworkX semantics and defaults: α = 0.85, weighted
 * by arc weight, uniform teleport and dangling redistribution, at most 100 iterations, L1 change < n · 1e-6. When the
 * cap is reached first, the last iterate is returned with `converged: false` (NetworkX raises instead).
 */
export function directedPagerank(d: DirectedCompactGraph, options: DirectedPageRankOptions = {}): PowerIterationResult {
  const { alpha, weighted, maxIter, tol } = withDefaults(DIRECTED_PAGERANK_DEFAULTS, options);
  if (!(alpha >= 0 && alpha <= 1)) invalid(`alpha must lie in [0, 1], not ${String(alpha)}`);
  checkBoolean('weighted', weighted);
  checkIteration(maxIter, tol);
  const n = d.n;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true, change: 0 };
  const { outOffsets, inOffsets, inNeighbours, inWeights, outStrengths } = d;
  // invOut[i] = 1 / s_i (0 for dangling nodes), as NetworkX's Q = diag(1/S).
  const invOut = new Float64Array(n);
  let danglingCount = 0;
  for (let i = 0; i < n; i++) {
    const s = weighted ? outStrengths[i]! : outOffsets[i + 1]! - outOffsets[i]!;
    if (s !== 0) invOut[i] = 1 / s;
    else danglingCount++;
  }
  const dangling = new Int32Array(danglingCount);
  for (let i = 0, k = 0; i < n; i++) if (invOut[i] === 0) dangling[k++] = i;

  const p = 1 / n;
  let x = new Float64Array(n).fill(p);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  const limit = n * tol;
  const teleport = (1 - alpha) * p;
  let change = Infinity;
  let iterations = 0;
  while (iterations < maxIter) {
    iterations++;
    let danglingSum = 0;
    for (let k = 0; k < danglingCount; k++) danglingSum += x[dangling[k]!]!;
    for (let i = 0; i < n; i++) share[i] = x[i]! * invOut[i]!;
    const jump = danglingSum * p;
    change = 0;
    for (let j = 0; j < n; j++) {
      let acc = 0;
      const start = inOffsets[j]!;
      const end = inOffsets[j + 1]!;
      if (weighted) for (let q = start; q < end; q++) acc += share[inNeighbours[q]!]! * inWeights[q]!;
      else for (let q = start; q < end; q++) acc += share[inNeighbours[q]!]!;
      const v = alpha * (acc + jump) + teleport;
      next[j] = v;
      change += Math.abs(v - x[j]!);
    }
    const t = x;
    x = next;
    next = t;
    if (change < limit) return { scores: x, iterations, converged: true, change };
  }
  return { scores: x, iterations, converged: false, change };
}
