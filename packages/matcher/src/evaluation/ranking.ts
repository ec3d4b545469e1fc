/**
 * Top-L selection of the candidates of a query: every node v ≠ u not adjacent to u, by score descending, ties broken
 * by node index ascending (the evaluation numbers nodes by first appearance in the file). A bounded insertion buffer:
 * O(n + accepted · L) a query, no sort of all n candidates.
 */
import type { CompactGraph } from '@bridgework/graph-core';

/** Reusable work space for `topCandidates` over graphs of up to `n` nodes. */
export interface RankingScratch {
  readonly n: number;
  /** Exclusion marks: v is excluded when mark[v] === epoch. */
  readonly mark: Uint32Array;
  epoch: number;
}

/** A ranking scratch for graphs of up to `n` nodes. */
export function createRankingScratch(n: number): RankingScratch {
  return { n, mark: new Uint32Array(n), epoch: 0 };
}

/**
 * The `limit` best candidates of u (fewer when u has fewer), best first. NaN scores count as −∞. Pass a `scratch`
 * from `createRankingScratch(g.n)` to avoid allocating one per call.
 */
export function topCandidates(g: CompactGraph, u: number, scores: Float64Array, limit: number, scratch?: RankingScratch): Uint32Array {
  const s = scratch ?? createRankingScratch(g.n);
  const epoch = ++s.epoch;
  const mark = s.mark;
  mark[u] = epoch;
  for (let p = g.offsets[u]!, end = g.offsets[u + 1]!; p < end; p++) mark[g.neighbours[p]!] = epoch;
  const best = new Uint32Array(limit);
  const bestScore = new Float64Array(limit);
  let size = 0;
  for (let v = 0; v < g.n; v++) {
    if (mark[v] === epoch) continue;
    let x = scores[v]!;
    if (Number.isNaN(x)) x = -Infinity;
    // v has a higher index than everything in the buffer, so it must beat a score strictly to get ahead of it.
    if (size === limit && !(x > bestScore[limit - 1]!)) continue;
    let i = size < limit ? size++ : limit - 1;
    while (i > 0 && bestScore[i - 1]! < x) {
      best[i] = best[i - 1]!;
      bestScore[i] = bestScore[i - 1]!;
      i--;
    }
    best[i] = v;
    bestScore[i] = x;
  }
  return size === limit ? best : best.slice(0, size);
}
