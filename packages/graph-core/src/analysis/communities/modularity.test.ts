import { describe, expect, it } from '@jest/globals';
import { compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import { createRng } from '../../random/rng.js';
import { MODULARITY_DEFAULTS, modularity } from './modularity.js';
import { barbell, validationCode } from './test-graphs.js';

/** Modularity from the definition: (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j), over all ordered pairs. */
function pairwiseModularity(g: CompactGraph, membership: ArrayLike<number>, gamma: number): number {
  const twoM = 2 * g.totalWeight;
  let q = 0;
  for (let i = 0; i < g.n; i++) {
    for (let j = 0; j < g.n; j++) {
      if (membership[i] !== membership[j]) continue;
      q += g.weight(i, j) - (gamma * g.strength(i) * g.strength(j)) / twoM;
    }
  }
  return q / twoM;
}

function randomWeightedGraph(n: number, p: number, seed: number): CompactGraph {
  const rng = createRng(seed);
  const s: number[] = [];
  const t: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (rng() < p) {
        s.push(i);
        t.push(j);
        w.push(0.1 + rng() * 5);
      }
    }
  }
  return compactFromEdges(s, t, w, n);
}

describe('modularity', () => {
  it('gives the barbell value of the NetworkX documentation for the two triangles', () => {
    expect(modularity(barbell(), [0, 0, 0, 1, 1, 1])).toBeCloseTo(0.35714285714285715, 15);
  });

  it('equals the pairwise definition on random weighted graphs and partitions at several resolutions', () => {
    for (let seed = 0; seed < 5; seed++) {
      const g = randomWeightedGraph(40, 0.15, seed);
      const rng = createRng(100 + seed);
      const membership = Array.from({ length: g.n }, () => Math.floor(rng() * 5));
      for (const gamma of [0, 0.5, 1, 2.5]) {
        expect(Math.abs(modularity(g, membership, { resolution: gamma }) - pairwiseModularity(g, membership, gamma))).toBeLessThan(1e-12);
      }
    }
  });

  it('is 1 − γ for one community holding every node', () => {
    const g = randomWeightedGraph(20, 0.3, 7);
    for (const gamma of [0.5, 1, 2]) expect(modularity(g, new Array(g.n).fill(3), { resolution: gamma })).toBeCloseTo(1 - gamma, 12);
  });

  it('is −γ Σ (k_i / 2m)² for the singleton partition', () => {
    const g = barbell();
    const expected = -[2, 2, 3, 3, 2, 2].reduce((sum, k) => sum + (k / 14) ** 2, 0);
    expect(modularity(g, [0, 1, 2, 3, 4, 5])).toBeCloseTo(expected, 14);
  });

  it('depends on the partition, not on the labels chosen for it', () => {
    const g = randomWeightedGraph(30, 0.2, 3);
    const rng = createRng(9);
    const membership = Array.from({ length: g.n }, () => Math.floor(rng() * 4));
    const relabelled = Int32Array.from(membership, (c) => 1000 - 7 * c);
    expect(modularity(g, relabelled)).toBe(modularity(g, membership));
  });

  it('ignores the weights when weighted is false', () => {
    const g = randomWeightedGraph(30, 0.2, 4);
    const s: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < g.n; i++) {
      for (const j of g.neighboursOf(i)) {
        if (j > i) {
          s.push(i);
          t.push(j);
        }
      }
    }
    const unit = compactFromEdges(s, t, null, g.n);
    const membership = Array.from({ length: g.n }, (_, i) => i % 3);
    expect(modularity(g, membership, { weighted: false })).toBe(modularity(unit, membership));
    expect(modularity(g, membership)).not.toBeCloseTo(modularity(unit, membership), 6);
  });

  it('treats undefined options as the defaults', () => {
    const g = barbell();
    expect(MODULARITY_DEFAULTS).toEqual({ resolution: 1, weighted: true });
    expect(modularity(g, [0, 0, 0, 1, 1, 1], { resolution: undefined })).toBe(modularity(g, [0, 0, 0, 1, 1, 1]));
  });

  it('is NaN for a graph without edges', () => {
    expect(modularity(compactFromEdges([], [], null, 3), [0, 1, 2])).toBeNaN();
  });

  it('rejects a membership of the wrong length, negative or fractional labels, and a bad resolution', () => {
    const g = barbell();
    expect(validationCode(() => modularity(g, [0, 0, 0]))).toBe('validation');
    expect(validationCode(() => modularity(g, [0, 0, 0, 1, 1, -1]))).toBe('validation');
    expect(validationCode(() => modularity(g, [0, 0, 0, 1, 1, 1.5]))).toBe('validation');
    expect(validationCode(() => modularity(g, [0, 0, 0, 1, 1, 1], { resolution: -1 }))).toBe('validation');
    expect(validationCode(() => modularity(g, [0, 0, 0, 1, 1, 1], { resolution: Number.NaN }))).toBe('validation');
  });
});
