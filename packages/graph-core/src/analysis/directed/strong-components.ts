/**
 * Strongly connected components of a directed graph — maximal sets of nodes that can each reach every other along
 * arcs — by Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput.
 * 1(2):146–160, 1972), written iteratively with an explicit call stack of (node, next out-arc) so that a long path
 * cannot overflow the JavaScript stack. O(n + m) time, typed arrays only. NetworkX's `strongly_connected_components`
 * computes the same partition (its number: `number_strongly_connected_components`).
 */
import type { CompactComponents } from '../structure/index.js';
import type { DirectedCompactGraph } from './directed-graph.js';
import { rankComponents } from './rank-components.js';

/**
 * The strongly connected components of `d`. Ids run 0 … count − 1 ordered by size, largest first, ties by the
 * smallest node index in the component. A node on no cycle is a component of one.
 */
export function stronglyConnectedComponents(d: DirectedCompactGraph): CompactComponents {
  const { n, outOffsets, outNeighbours } = d;
  const UNVISITED = -1;
  const index = new Int32Array(n).fill(UNVISITED);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n); // Tarjan's stack of visited nodes not yet in a component
  const call = new Int32Array(n); // the DFS path
  const cursor = new Uint32Array(n); // next out-arc of each node on the path
  const raw = new Uint32Array(n);
  const minNode: number[] = []; // smallest node index of each component, in order of completion
  const rawSizes: number[] = [];
  let counter = 0;
  let sp = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== UNVISITED) continue;
    let depth = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    call[depth++] = root;
    cursor[root] = outOffsets[root]!;
    while (depth > 0) {
      const v = call[depth - 1]!;
      const p = cursor[v]!;
      if (p < outOffsets[v + 1]!) {
        cursor[v] = p + 1;
        const w = outNeighbours[p]!;
        if (index[w] === UNVISITED) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          call[depth++] = w;
          cursor[w] = outOffsets[w]!;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      depth--;
      if (low[v] === index[v]) {
        // v is the root of a component: pop it off Tarjan's stack.
        const id = rawSizes.length;
        let size = 0;
        let smallest = v;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          raw[w] = id;
          size++;
          if (w < smallest) smallest = w;
        } while (w !== v);
        rawSizes.push(size);
        minNode.push(smallest);
      }
      if (depth > 0) {
        const u = call[depth - 1]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  // Relabel so that raw ids follow the smallest node index of each component, then rank by size.
  const count = rawSizes.length;
  const bySmallest = Array.from({ length: count }, (_, i) => i).sort((a, b) => minNode[a]! - minNode[b]!);
  const relabel = new Uint32Array(count);
  const sizes = new Array<number>(count);
  for (let r = 0; r < count; r++) {
    relabel[bySmallest[r]!] = r;
    sizes[r] = rawSizes[bySmallest[r]!]!;
  }
  for (let i = 0; i < n; i++) raw[i] = relabel[raw[i]!]!;
  return rankComponents(raw, sizes);
}
