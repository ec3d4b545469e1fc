/**
 * Ranking helper for the centralities: they return one score per node index; analysts want the top nodes by id.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';

/** A node and its score. */
export interface RankedNode {
  id: string;
  index: number;
  score: number;
}

/**
 * The nodes of `graph` by decreasing `scores` (aligned with `graph.ids`), ties by ascending index (NaN ranks as −∞); at most
 * `limit` of them (default all). O(n log n).
 */
export function rankNodes(graph: CompactGraph, scores: ArrayLike<number>, limit: number = Infinity): RankedNode[] {
  const n = Math.min(graph.n, scores.length);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const key = (i: number): number => {
    const v = scores[i]!;
    return Number.isNaN(v) ? -Infinity : v;
  };
  order.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka > kb ? -1 : ka < kb ? 1 : a - b;
  });
  const count = Math.max(0, Math.min(n, Math.floor(limit)));
  const out: RankedNode[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    out[k] = { id: graph.ids[i]!, index: i, score: scores[i]! };
  }
  return out;
}
