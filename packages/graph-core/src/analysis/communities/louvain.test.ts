import { describe, expect, it } from '@jest/globals';
import { compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import { LOUVAIN_DEFAULTS, louvain } from './louvain.js';
import { modularity } from './modularity.js';
import { barbell, plantedPartition, validationCode } from './test-graphs.js';

/** `k` cliques of `size` nodes in a ring, each joined to the next by one edge. */
function ringOfCliques(k: number, size: number): CompactGraph {
  const s: number[] = [];
  const t: number[] = [];
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < size; i++) {
      for (let j = i + 1; j < size; j++) {
        s.push(c * size + i);
        t.push(c * size + j);
      }
    }
    s.push(c * size);
    t.push(((c + 1) % k) * size + 1);
  }
  return compactFromEdges(s, t, null, k * size);
}

/** Whether `communities` puts nodes together exactly when `groupOf` does. */
function samePartition(communities: ArrayLike<number>, groupOf: (i: number) => number, n: number): boolean {
  const toGroup = new Map<number, number>();
  const toCommunity = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = communities[i]!;
    const g = groupOf(i);
    if ((toGroup.get(c) ?? g) !== g || (toCommunity.get(g) ?? c) !== c) return false;
    toGroup.set(c, g);
    toCommunity.set(g, c);
  }
  return true;
}

describe('louvain', () => {
  it('splits the barbell into its two triangles', () => {
    const result = louvain(barbell());
    expect([...result.communities]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(result.count).toBe(2);
    expect(result.modularity).toBeCloseTo(0.35714285714285715, 14);
  });

  it('recovers the groups of a planted partition', () => {
    for (let seed = 0; seed < 3; seed++) {
      const g = plantedPartition(5, 20, 0.5, 0.01, seed);
      const result = louvain(g, { seed });
      expect(result.count).toBe(5);
      expect(samePartition(result.communities, (i) => Math.floor(i / 20), g.n)).toBe(true);
    }
  });

  it('follows the weights unless told not to', () => {
    // A heavy bridge pulls its two ends together; without weights the triangles win.
    expect([...louvain(barbell(20)).communities]).toEqual([0, 0, 1, 1, 2, 2]);
    expect([...louvain(barbell(20), { weighted: false }).communities]).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('finds more, smaller communities as the resolution grows', () => {
    const g = ringOfCliques(8, 5);
    const counts = [0.05, 0.2, 1].map((resolution) => louvain(g, { resolution }).count);
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
    expect(counts[2]).toBe(8);
  });

  it('reports the modularity of the partition it returns, at its resolution and weighting', () => {
    const g = plantedPartition(6, 15, 0.3, 0.03, 11);
    for (const options of [{}, { resolution: 0.5 }, { resolution: 2 }, { weighted: false }]) {
      const result = louvain(g, options);
      expect(Math.abs(result.modularity - modularity(g, result.communities, options))).toBeLessThan(1e-12);
    }
  });

  it('numbers the communities by size, largest first, and reports the sizes', () => {
    const g = plantedPartition(1, 30, 0.3, 0, 5);
    const result = louvain(g);
    const sizes = new Array<number>(result.count).fill(0);
    for (const c of result.communities) sizes[c]!++;
    expect(result.sizes).toEqual(sizes);
    expect([...result.sizes].sort((a, b) => b - a)).toEqual(result.sizes);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(g.n);
  });

  it('gives the same communities for the same seed, and other seeds can give others', () => {
    const g = plantedPartition(8, 12, 0.25, 0.05, 3);
    const first = louvain(g, { seed: 42 });
    expect([...louvain(g, { seed: 42 }).communities]).toEqual([...first.communities]);
    const distinct = new Set(Array.from({ length: 10 }, (_, seed) => louvain(g, { seed }).communities.join(',')));
    expect(distinct.size).toBeGreaterThan(1);
  });

  it('keeps isolated nodes apart and leaves an edgeless graph as singletons with NaN modularity', () => {
    const g = compactFromEdges([0, 1], [1, 2], null, 5);
    const result = louvain(g);
    expect(result.count).toBe(3);
    expect(result.communities[3]).not.toBe(result.communities[4]);
    expect(result.communities[0]).toBe(result.communities[2]);
    const empty = louvain(compactFromEdges([], [], null, 4));
    expect(empty.count).toBe(4);
    expect(empty.sizes).toEqual([1, 1, 1, 1]);
    expect(empty.modularity).toBeNaN();
    expect(empty.levels).toBe(0);
  });

  it('stops after maxLevels levels', () => {
    const g = plantedPartition(10, 30, 0.3, 0.02, 2);
    const full = louvain(g);
    const one = louvain(g, { maxLevels: 1 });
    expect(full.levels).toBeGreaterThanOrEqual(2);
    expect(one.levels).toBe(1);
    expect(one.count).toBeGreaterThan(full.count);
    expect(one.modularity).toBeLessThan(full.modularity);
  });

  it('has the documented defaults', () => {
    expect(LOUVAIN_DEFAULTS).toEqual({ resolution: 1, seed: 0, weighted: true, threshold: 1e-7, maxLevels: Infinity });
    const g = plantedPartition(4, 10, 0.4, 0.05, 8);
    expect([...louvain(g, { seed: undefined }).communities]).toEqual([...louvain(g, { seed: 0 }).communities]);
  });

  it('rejects a bad resolution, threshold, maxLevels or seed', () => {
    const g = barbell();
    expect(validationCode(() => louvain(g, { resolution: -0.5 }))).toBe('validation');
    expect(validationCode(() => louvain(g, { threshold: Number.NaN }))).toBe('validation');
    expect(validationCode(() => louvain(g, { maxLevels: 0 }))).toBe('validation');
    expect(validationCode(() => louvain(g, { maxLevels: 1.5 }))).toBe('validation');
    expect(validationCode(() => louvain(g, { seed: 0.5 }))).toBe('validation');
  });
});
