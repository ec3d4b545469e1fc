/**
 * Weakly connected components of a directed graph: the connected components of the graph with directions ignored
 * (Harary, Norman & Cartwright 1965, "Structural Models", Wiley, ch. 3) — NetworkX's
 * `weakly_connected_components`. Breadth-first search over out- and in-rows together; O(n + m), no recursion.
 */
import type { CompactComponents } from '../structure/index.js';
import type { DirectedCompactGraph } from './directed-graph.js';
import { rankComponents } from './rank-components.js';

/**
 * The weakly connected components of `d`. Ids run 0 … count − 1 ordered by size, largest first, ties by the smallest
 * node index in the component (as `compactConnectedComponents`). An isolated node is a component of one.
 */
export function weaklyConnectedComponents(d: DirectedCompactGraph): CompactComponents {
  const { n, outOffsets, outNeighbours, inOffsets, inNeighbours } = d;
  const UNSEEN = 0xffffffff;
  const raw = new Uint32Array(n).fill(UNSEEN);
  const queue = new Uint32Array(n);
  const rawSizes: number[] = [];
  for (let root = 0; root < n; root++) {
    if (raw[root] !== UNSEEN) continue;
    const id = rawSizes.length;
    raw[root] = id;
    queue[0] = root;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = queue[head++]!;
      for (let a = outOffsets[u]!, end = outOffsets[u + 1]!; a < end; a++) {
        const v = outNeighbours[a]!;
        if (raw[v] === UNSEEN) {
          raw[v] = id;
          queue[tail++] = v;
        }
      }
      for (let a = inOffsets[u]!, end = inOffsets[u + 1]!; a < end; a++) {
        const v = inNeighbours[a]!;
        if (raw[v] === UNSEEN) {
          raw[v] = id;
          queue[tail++] = v;
        }
      }
    }
    rawSizes.push(tail);
  }
  // Raw ids already follow the smallest node index of each component.
  return rankComponents(raw, rawSizes);
}
