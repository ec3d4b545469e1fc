import { describe, expect, it } from '@jest/globals';
import { compactFromEdges } from '../../projection/compact-graph.js';
import { mulberry32 } from '../../random/index.js';
import { bfsLevels, bfsPaths, createPathScratch, resetScratch, SORT_LEVELS_FROM_ENTRIES } from './shortest-paths.js';

/** A seeded random graph: n nodes, e random pairs (repeats merged, loops dropped). */
function randomGraph(n: number, e: number, seed: number) {
  const rand = mulberry32(seed);
  const s = new Uint32Array(e);
  const t = new Uint32Array(e);
  for (let k = 0; k < e; k++) {
    s[k] = Math.floor(rand() * n);
    t[k] = Math.floor(rand() * n);
  }
  return compactFromEdges(s, t, null, n);
}

/** Each level's nodes, and each reached node's σ, from a finished search. */
function levelsOf(sc: ReturnType<typeof createPathScratch>, levels: number) {
  const out: number[][] = [];
  for (let l = 0; l < levels; l++) out.push(Array.from(sc.order.subarray(sc.bounds[l]!, sc.bounds[l + 1]!)));
  return out;
}

describe('breadth-first searches with sorted levels', () => {
  it('find the same levels and path counts as unsorted, each level in ascending node order', () => {
    // Levels of every size: a sparse graph has small levels (insertion sort) and large ones (bitmap); node indices
    // spread thinly over a big range take the typed-array sort.
    for (const [n, e] of [
      [3000, 4500],
      [20000, 30000],
    ] as const) {
      const g = randomGraph(n, e, n);
      const sorted = createPathScratch(g, true);
      const plain = createPathScratch(g, false);
      const degree = (v: number) => g.offsets[v + 1]! - g.offsets[v]!;
      let hub = 0;
      for (let v = 1; v < n; v++) if (degree(v) > degree(hub)) hub = v;
      const connected = Array.from({ length: n }, (_, v) => v).filter((v) => degree(v) > 0);
      for (const s of [hub, connected[0]!, connected[connected.length >> 1]!]) {
        const a = bfsPaths(g, s, sorted);
        const b = bfsPaths(g, s, plain);
        expect(a).toBe(b);
        const la = levelsOf(sorted, a);
        const lb = levelsOf(plain, b);
        expect(la.some((level) => level.length > 16)).toBe(true);
        for (let l = 0; l < a; l++) {
          expect(la[l]).toEqual([...lb[l]!].sort((x, y) => x - y));
          for (const v of la[l]!) expect(sorted.sigma[v]).toBe(plain.sigma[v]);
        }
        // Distance-only searches agree too.
        resetScratch(sorted, sorted.bounds[a]!, 'bfs');
        resetScratch(plain, plain.bounds[b]!, 'bfs');
        const c = bfsLevels(g, s, sorted);
        expect(levelsOf(sorted, c)).toEqual(la);
        resetScratch(sorted, sorted.bounds[c]!, 'bfs');
        expect(sorted.bits.every((word) => word === 0)).toBe(true);
      }
    }
  });

  it('sorts levels by default only from SORT_LEVELS_FROM_ENTRIES CSR entries up', () => {
    const small = randomGraph(1000, 5000, 1);
    const large = randomGraph(20000, SORT_LEVELS_FROM_ENTRIES / 2 + 1000, 2);
    expect(createPathScratch(small).sortLevels).toBe(false);
    expect(large.neighbours.length).toBeGreaterThanOrEqual(SORT_LEVELS_FROM_ENTRIES);
    expect(createPathScratch(large).sortLevels).toBe(true);
    expect(createPathScratch(large.n).sortLevels).toBe(false);
  });
});
