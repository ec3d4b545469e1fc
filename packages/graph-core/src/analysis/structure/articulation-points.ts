/**
 * Articulation points (cut vertices): the nodes whose removal disconnects their component (Hopcroft & Tarjan 1973,
 * "Algorithm 447: efficient algorithms for graph manipulation", CACM 16:372–378; Tarjan 1972, SIAM J. Computing
 * 1:146–160). A DFS root is one when it has two or more DFS children; any other node u is one when some child v
 * cannot reach above u without u: low(v) ≥ order(u). Iterative DFS (low-point.ts), O(n + m).
 *
 * In a relationship graph these are the brokers whose loss splits a network — the structural holes they span become
 * gaps. Matches NetworkX's `articulation_points` (as a set).
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { lowPoints } from './low-point.js';

/** The articulation points of `g` as node indices, ascending. */
export function articulationPoints(g: CompactGraph): Uint32Array {
  const { order, low, parent } = lowPoints(g);
  const n = g.n;
  const cut = new Uint8Array(n);
  const rootChildren = new Uint32Array(n);
  for (let v = 0; v < n; v++) {
    const p = parent[v]!;
    if (p < 0) continue;
    if (parent[p]! < 0) rootChildren[p] = rootChildren[p]! + 1;
    else if (low[v]! >= order[p]!) cut[p] = 1;
  }
  let count = 0;
  for (let u = 0; u < n; u++) {
    if (parent[u]! < 0 && rootChildren[u]! >= 2) cut[u] = 1;
    count += cut[u]!;
  }
  const out = new Uint32Array(count);
  for (let u = 0, k = 0; u < n; u++) if (cut[u]) out[k++] = u;
  return out;
}
