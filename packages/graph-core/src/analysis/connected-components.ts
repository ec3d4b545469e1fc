/**
 * Connected components of the domain graph, ignoring tie direction and kind (breadth-first search).
 */
import type { BridgeworkGraph } from '../graph/bridgework-graph.js';

export interface ComponentsResult {
  /** Number of connected components (an isolated node is a component of one). */
  count: number;
  /** Node count of each component, largest first. */
  sizes: number[];
  /** Component index (into `sizes` order) of each node id. */
  componentOf: Map<string, number>;
}

/** Connected components of `g`, largest first; ties are taken as undirected. */
export function connectedComponents(g: BridgeworkGraph): ComponentsResult {
  const graph = g.graph;
  const seen = new Map<string, number>();
  const raw: string[][] = [];
  for (const start of graph.nodes()) {
    if (seen.has(start)) continue;
    const members = [start];
    seen.set(start, raw.length);
    for (let i = 0; i < members.length; i++) {
      graph.forEachNeighbor(members[i]!, (nb) => {
        if (!seen.has(nb)) {
          seen.set(nb, raw.length);
          members.push(nb);
        }
      });
    }
    raw.push(members);
  }
  const order = raw.map((_, i) => i).sort((a, b) => raw[b]!.length - raw[a]!.length || a - b);
  const componentOf = new Map<string, number>();
  order.forEach((rawIndex, rank) => {
    for (const id of raw[rawIndex]!) componentOf.set(id, rank);
  });
  return { count: raw.length, sizes: order.map((i) => raw[i]!.length), componentOf };
}
