/**
 * Depth-first search with low points (Hopcroft & Tarjan 1973, "Algorithm 447: efficient algorithms for graph
 * manipulation", CACM 16:372–378; Tarjan 1972, "Depth-first search and linear graph algorithms", SIAM J. Computing
 * 1:146–160; Tarjan 1974, "A note on finding the bridges of a graph", Information Processing Letters 2:160–161) — the
 * shared basis of bridges and articulation points.
 *
 * ITERATIVE: an explicit stack of nodes and a per-node cursor into its CSR row replace the recursion, so a path of a
 * million nodes cannot overflow the call stack. O(n + m) time, O(n) extra memory.
 *
 * For each node: `order` is its DFS discovery time and `low` the smallest discovery time reachable from its DFS
 * subtree by tree edges down and at most one back edge up. CompactGraph is simple (no parallel edges, no
 * self-loops), so the edge back to the parent is recognised by the parent's index.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';

/** @internal The DFS forest with discovery times and low points. */
export interface LowPoints {
  /** Discovery time of each node, 0 … n − 1. */
  order: Uint32Array;
  /** Low point of each node. */
  low: Uint32Array;
  /** DFS parent of each node; −1 for the root of each tree. */
  parent: Int32Array;
}

/** @internal Depth-first search of every component of `g`, roots taken in node-index order. */
export function lowPoints(g: CompactGraph): LowPoints {
  const { n, offsets, neighbours } = g;
  const order = new Uint32Array(n);
  const low = new Uint32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const cursor = new Uint32Array(n);
  const stack = new Uint32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    order[root] = low[root] = time++;
    cursor[root] = offsets[root]!;
    stack[0] = root;
    let sp = 1;
    while (sp > 0) {
      const u = stack[sp - 1]!;
      const a = cursor[u]!;
      if (a < offsets[u + 1]!) {
        cursor[u] = a + 1;
        const v = neighbours[a]!;
        if (!seen[v]) {
          seen[v] = 1;
          parent[v] = u;
          order[v] = low[v] = time++;
          cursor[v] = offsets[v]!;
          stack[sp++] = v;
        } else if (v !== parent[u] && order[v]! < low[u]!) {
          low[u] = order[v]!;
        }
      } else {
        sp--;
        const p = parent[u]!;
        if (p >= 0 && low[u]! < low[p]!) low[p] = low[u]!;
      }
    }
  }
  return { order, low, parent };
}
