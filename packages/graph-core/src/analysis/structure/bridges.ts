/**
 * Bridges: the edges whose removal disconnects their component (Tarjan 1974, "A note on finding the bridges of a
 * graph", Information Processing Letters 2:160–161; Hopcroft & Tarjan 1973). A DFS tree edge (p, v) is a bridge
 * exactly when no back edge leaves v's subtree above v: low(v) > order(p). Iterative DFS (low-point.ts), O(n + m).
 *
 * In a relationship graph a bridge is a tie that is the only path between two groups — Granovetter's (1973) bridge in
 * its strict, global sense; the local bridges of tie-classification (no shared contacts) are the weaker version.
 * Matches NetworkX's `bridges`.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { lowPoints } from './low-point.js';

/** The bridges of a graph as parallel arrays: bridge k joins `sources[k]` and `targets[k]`. */
export interface BridgesResult {
  /** Number of bridges. */
  count: number;
  /** Smaller endpoint of each bridge; bridges sorted by (source, target). */
  sources: Uint32Array;
  /** Larger endpoint of each bridge. */
  targets: Uint32Array;
}

/** Every bridge of `g`, each once with its smaller endpoint first, sorted by (source, target). */
export function bridges(g: CompactGraph): BridgesResult {
  const { order, low, parent } = lowPoints(g);
  const n = g.n;
  let count = 0;
  for (let v = 0; v < n; v++) {
    const p = parent[v]!;
    if (p >= 0 && low[v]! > order[p]!) count++;
  }
  const lo = new Uint32Array(count);
  const hi = new Uint32Array(count);
  for (let v = 0, k = 0; v < n; v++) {
    const p = parent[v]!;
    if (p >= 0 && low[v]! > order[p]!) {
      lo[k] = p < v ? p : v;
      hi[k++] = p < v ? v : p;
    }
  }
  // Two stable counting sorts, by target then by source: sorted by (source, target) in O(n + count).
  const [byTarget, withSources] = sortByKey(hi, lo, n);
  const [sources, targets] = sortByKey(withSources, byTarget, n);
  return { count, sources, targets };
}

/** Pairs (keys[k], values[k]) sorted stably by key in [0, size): [sorted keys, values in the same order]. */
function sortByKey(keys: Uint32Array, values: Uint32Array, size: number): [Uint32Array, Uint32Array] {
  const start = new Uint32Array(size + 1);
  for (let k = 0; k < keys.length; k++) start[keys[k]! + 1]!++;
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
  const outKeys = new Uint32Array(keys.length);
  const outValues = new Uint32Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const at = start[keys[k]!]!++;
    outKeys[at] = keys[k]!;
    outValues[at] = values[k]!;
  }
  return [outKeys, outValues];
}
