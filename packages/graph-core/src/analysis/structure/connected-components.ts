/**
 * Connected components of a CompactGraph by breadth-first search over the CSR rows (the textbook linear-time method:
 * Hopcroft & Tarjan 1973, "Algorithm 447: efficient algorithms for graph manipulation", CACM 16:372–378). O(n + m)
 * time, no recursion, typed arrays only.
 *
 * Named `compactConnectedComponents` because `connectedComponents` is the graphology-based function over the domain
 * graph (analysis/connected-components.ts).
 */
import type { CompactGraph } from '../../projection/compact-graph.js';

/** Components of a CompactGraph. Component ids run 0 … count − 1, largest component first. */
export interface CompactComponents {
  /** Number of components (an isolated node is a component of one). */
  count: number;
  /** Component id of each node, by node index. */
  component: Uint32Array;
  /** Node count of each component, by component id: non-increasing. */
  sizes: Uint32Array;
}

/**
 * The connected components of `g`. Ids are ordered by size, largest first, ties by the smallest node index in the
 * component, so component 0 is the giant component and the numbering does not depend on anything but the graph.
 */
export function compactConnectedComponents(g: CompactGraph): CompactComponents {
  const { n, offsets, neighbours } = g;
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
      for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
        const v = neighbours[a]!;
        if (raw[v] === UNSEEN) {
          raw[v] = id;
          queue[tail++] = v;
        }
      }
    }
    rawSizes.push(tail);
  }
  const count = rawSizes.length;
  // Raw ids follow the smallest node index; a stable sort by size keeps that order among equal sizes.
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => rawSizes[b]! - rawSizes[a]! || a - b);
  const rank = new Uint32Array(count);
  const sizes = new Uint32Array(count);
  for (let r = 0; r < count; r++) {
    rank[order[r]!] = r;
    sizes[r] = rawSizes[order[r]!]!;
  }
  const component = raw;
  for (let i = 0; i < n; i++) component[i] = rank[raw[i]!]!;
  return { count, component, sizes };
}
