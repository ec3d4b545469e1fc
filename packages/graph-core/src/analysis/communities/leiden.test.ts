import { describe, expect, it } from '@jest/globals';
import { compactFromEdges } from '../../projection/compact-graph.js';
import { LEIDEN_DEFAULTS, leiden } from './leiden.js';
import { louvain } from './louvain.js';
import { modularity } from './modularity.js';
import {
  barbell,
  bestSingleMoveGain,
  disconnectedPieces,
  plantedPartition,
  trianglesWithHubs,
  validationCode,
} from './test-graphs.js';

describe('leiden', () => {
  it('splits the barbell into its two triangles, or follows a heavy bridge', () => {
    const result = leiden(barbell());
    expect([...result.communities]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(result.modularity).toBeCloseTo(0.35714285714285715, 14);
    expect([...leiden(barbell(20)).communities]).toEqual([0, 0, 1, 1, 2, 2]);
    expect([...leiden(barbell(20), { weighted: false }).communities]).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('recovers the groups of a planted partition', () => {
    for (let seed = 0; seed < 3; seed++) {
      const g = plantedPartition(5, 20, 0.5, 0.01, seed);
      const result = leiden(g, { seed });
      expect(result.count).toBe(5);
      for (let i = 0; i < g.n; i++) expect(result.communities[i]).toBe(result.communities[Math.floor(i / 20) * 20]);
    }
  });

  it('returns connected communities where Louvain can return disconnected ones', () => {
    // Triangles pulled together by hubs that later leave: Louvain keeps some such pair of triangles as one
    // community with no edge between them; Leiden's refinement only ever merges along edges.
    let louvainDisconnected = 0;
    let leidenDisconnected = 0;
    for (let graphSeed = 0; graphSeed < 20; graphSeed++) {
      const g = trianglesWithHubs(30, 6, 10, 10, 1.2, graphSeed);
      for (let seed = 0; seed < 10; seed++) {
        if (disconnectedPieces(g, louvain(g, { seed, resolution: 0.5 }).communities) > 0) louvainDisconnected++;
        leidenDisconnected += disconnectedPieces(g, leiden(g, { seed, resolution: 0.5 }).communities);
      }
    }
    expect(louvainDisconnected).toBeGreaterThan(0);
    expect(leidenDisconnected).toBe(0);
  });

  it('returns connected communities at every resolution, weighting, θ and iteration count', () => {
    const graphs = [plantedPartition(6, 20, 0.2, 0.03, 1), trianglesWithHubs(20, 4, 10, 6, 1.2, 2), trianglesWithHubs(15, 3, 8, 2, 3, 3)];
    for (const g of graphs) {
      for (const resolution of [0.25, 1, 3]) {
        // θ = 1000 makes the random merges nearly uniform, staying alone included, so some refinements merge nothing.
        for (const options of [{}, { theta: 1 }, { theta: 1000 }, { iterations: 1 }, { weighted: false }]) {
          for (let seed = 0; seed < 3; seed++) {
            expect(disconnectedPieces(g, leiden(g, { ...options, resolution, seed }).communities)).toBe(0);
          }
        }
      }
    }
  });

  it('leaves every node optimally placed once an iteration changes nothing', () => {
    const graphs = [plantedPartition(6, 20, 0.2, 0.03, 4), trianglesWithHubs(20, 4, 10, 6, 1.2, 5), plantedPartition(1, 60, 0.1, 0, 6)];
    for (const g of graphs) {
      for (const resolution of [0.5, 1, 2]) {
        const result = leiden(g, { resolution, seed: 1 });
        expect(bestSingleMoveGain(g, result.communities, resolution)).toBeLessThan(1e-12);
      }
    }
  });

  it('reports the modularity of the partition it returns', () => {
    const g = plantedPartition(6, 15, 0.3, 0.03, 11);
    for (const options of [{}, { resolution: 0.5 }, { resolution: 2 }, { weighted: false }]) {
      const result = leiden(g, options);
      expect(Math.abs(result.modularity - modularity(g, result.communities, options))).toBeLessThan(1e-12);
    }
  });

  it('runs at most the iterations asked for and otherwise until an iteration changes nothing', () => {
    const g = trianglesWithHubs(30, 6, 10, 10, 1.2, 7);
    expect(leiden(g, { iterations: 1 }).iterations).toBe(1);
    expect(leiden(g, { iterations: 2 }).iterations).toBeLessThanOrEqual(2);
    const stable = leiden(g, { seed: 3 });
    expect(stable.iterations).toBeGreaterThanOrEqual(1);
    // Running once more from scratch with as many iterations gives the same answer: the sequence is seeded.
    expect([...leiden(g, { seed: 3, iterations: stable.iterations }).communities]).toEqual([...stable.communities]);
  });

  it('gives the same communities for the same seed and numbers them by size', () => {
    const g = plantedPartition(8, 12, 0.25, 0.05, 3);
    const first = leiden(g, { seed: 5 });
    expect([...leiden(g, { seed: 5 }).communities]).toEqual([...first.communities]);
    const sizes = new Array<number>(first.count).fill(0);
    for (const c of first.communities) sizes[c]!++;
    expect(first.sizes).toEqual(sizes);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('keeps isolated nodes apart and leaves an edgeless graph as singletons with NaN modularity', () => {
    const result = leiden(compactFromEdges([0, 1], [1, 2], null, 5));
    expect(result.count).toBe(3);
    const empty = leiden(compactFromEdges([], [], null, 3));
    expect(empty.count).toBe(3);
    expect(empty.modularity).toBeNaN();
    expect(empty.iterations).toBe(0);
  });

  it('has the documented defaults and rejects bad options', () => {
    expect(LEIDEN_DEFAULTS).toEqual({ resolution: 1, seed: 0, theta: 0.01, iterations: -1, weighted: true });
    const g = barbell();
    expect(validationCode(() => leiden(g, { theta: 0 }))).toBe('validation');
    expect(validationCode(() => leiden(g, { theta: Number.POSITIVE_INFINITY }))).toBe('validation');
    expect(validationCode(() => leiden(g, { iterations: 0 }))).toBe('validation');
    expect(validationCode(() => leiden(g, { iterations: 1.5 }))).toBe('validation');
    expect(validationCode(() => leiden(g, { resolution: -1 }))).toBe('validation');
    expect(validationCode(() => leiden(g, { seed: Number.NaN }))).toBe('validation');
  });
});
