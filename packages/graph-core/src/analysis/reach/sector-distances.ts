/**
 * Steps to the nearest organisation of each sector, for every node: one multi-source breadth-first search per sector
 * (all its organisations as sources), O(21 · (n + m)).
 */
import { SIC_SECTION_LETTERS, type SicSection } from '../../model/sectors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';
import type { NodeFacts } from './node-facts.js';

/**
 * Steps from every node to the nearest organisation of each sector (multi-source breadth-first search per sector
 * present): `distances[s][v]`, −1 when unreachable. Sectors with no organisation are absent.
 */
export function sectorDistances(g: CompactGraph, facts: NodeFacts): Map<SicSection, Int32Array> {
  const { offsets, neighbours } = g;
  const out = new Map<SicSection, Int32Array>();
  const queue = new Uint32Array(g.n);
  for (let s = 0; s < SIC_SECTION_LETTERS.length; s++) {
    let head = 0;
    let tail = 0;
    const dist = new Int32Array(g.n).fill(-1);
    for (let v = 0; v < g.n; v++) {
      if (facts.sector[v] === s) {
        dist[v] = 0;
        queue[tail++] = v;
      }
    }
    if (tail === 0) continue;
    while (head < tail) {
      const v = queue[head++]!;
      const d = dist[v]! + 1;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = neighbours[k]!;
        if (dist[w] === -1) {
          dist[w] = d;
          queue[tail++] = w;
        }
      }
    }
    out.set(SIC_SECTION_LETTERS[s]!, dist);
  }
  return out;
}
