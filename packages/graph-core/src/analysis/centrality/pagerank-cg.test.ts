import { describe, expect, it } from '@jest/globals';
import { compactFromEdgeList, compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import { mulberry32 } from '../../random/index.js';
import { PAGERANK_CG_DEFAULTS, pagerank, pagerankCg } from './index.js';
import { loadReference, loadReferenceGraph, referenceNetworks } from './reference-fixtures.testing.js';

/**
 * The power iteration run to an L1 change below 1e-14 — within 5.7e-14 of the exact vector, about where rounding
 * stops it changing: the reference every result is held to.
 */
/** The reference's own L1 error bound, α/(1 − α) · 1e-14 at α ≤ 0.99: added to any bound checked against it. */
const SLACK = 1e-12;

const converged = (g: CompactGraph, weighted: boolean, alpha = 0.85) => {
  const r = pagerank(g, { alpha, weighted, tol: 1e-14 / Math.max(1, g.n), maxIter: 20_000 });
  expect(r.converged).toBe(true);
  return r.scores;
};

/** L1 distance and largest difference on one node. */
function distance(a: Float64Array, b: Float64Array): { l1: number; max: number } {
  let l1 = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    l1 += d;
    max = Math.max(max, d);
  }
  return { l1, max };
}

/**
 * A seeded graph of the kinds that slow the power iteration down and of the kind the benchmarks use: a 10 000-node
 * graph of 100 planted communities (~10 ties a node inside, ~1 outside), plus 300 pairs, 100 stars and 100 random
 * trees as components of their own (bipartite, as netscience's) and 50 isolated nodes; weights in (0, 1].
 */
function generatedGraph(seed: number): CompactGraph {
  const rng = mulberry32(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  const tie = (a: number, b: number) => {
    if (a === b) return;
    sources.push(a);
    targets.push(b);
    weights.push(1 - rng());
  };
  const core = 10_000;
  for (let i = 0; i < core; i++) {
    const community = Math.floor(i / 100) * 100;
    for (let k = 0; k < 5; k++) tie(i, community + Math.floor(rng() * 100));
    if (rng() < 0.5) tie(i, Math.floor(rng() * core));
  }
  let next = core;
  for (let k = 0; k < 300; k++, next += 2) tie(next, next + 1);
  for (let k = 0; k < 100; k++) {
    const leaves = 2 + Math.floor(rng() * 10);
    for (let l = 1; l <= leaves; l++) tie(next, next + l);
    next += leaves + 1;
  }
  for (let k = 0; k < 100; k++) {
    const size = 3 + Math.floor(rng() * 20);
    for (let v = 1; v < size; v++) tie(next + v, next + Math.floor(rng() * v));
    next += size;
  }
  return compactFromEdges(sources, targets, weights, next + 50);
}

describe('PageRank by conjugate gradients', () => {
  it('defaults to analyzeNetwork’s accuracy: α = 0.85, an L1 error below 1e-10', () => {
    expect(PAGERANK_CG_DEFAULTS).toEqual({ alpha: 0.85, weighted: true, l1Tolerance: 1e-10, maxIter: 200 });
  });

  it('equals the fully converged power iteration to 1e-10 in total on every reference network, unweighted and weighted', () => {
    for (const network of referenceNetworks()) {
      const g = loadReferenceGraph(loadReference(network));
      for (const weighted of [false, true]) {
        const r = pagerankCg(g, { weighted });
        expect(r.converged).toBe(true);
        expect(r.errorBound).toBeLessThanOrEqual(1e-10);
        const { l1, max } = distance(r.scores, converged(g, weighted));
        expect(l1).toBeLessThanOrEqual(r.errorBound + SLACK);
        expect(max).toBeLessThan(1e-9);
      }
    }
  });

  it('equals the fully converged power iteration on a generated 10 000-node graph with bipartite components, unweighted and weighted', () => {
    const g = generatedGraph(42);
    for (const weighted of [false, true]) {
      const r = pagerankCg(g, { weighted });
      expect(r.converged).toBe(true);
      const { l1, max } = distance(r.scores, converged(g, weighted));
      expect(l1).toBeLessThanOrEqual(r.errorBound + SLACK);
      expect(max).toBeLessThan(1e-9);
      // Fewer sparse products than the power iteration needs to the same change (one more checks the residual).
      const power = pagerank(g, { weighted, tol: 1e-10 / g.n, maxIter: 200 });
      expect(r.iterations + 2).toBeLessThan(power.iterations);
    }
  });

  it('needs under half the power iteration’s passes on netscience, whose bipartite components make that oscillate', () => {
    const g = loadReferenceGraph(loadReference('netscience_coauthorship'));
    const power = pagerank(g, { weighted: false, tol: 1e-10 / g.n, maxIter: 200 });
    const cg = pagerankCg(g, { weighted: false });
    expect(power.iterations).toBeGreaterThan(100);
    expect(2 * (cg.iterations + 2)).toBeLessThan(power.iterations);
  });

  it('finds the cause: on a bipartite component the power iteration’s error flips sign and shrinks by exactly α', () => {
    // A path a–b–c: bipartite, so the walk matrix has the eigenvalue −1 and the power iteration the factor −α.
    const g = compactFromEdgeList([{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }]);
    const exact = converged(g, false);
    const b = g.indexOf('b');
    const errorAfter = (t: number) => pagerank(g, { weighted: false, tol: 0, maxIter: t }).scores[b]! - exact[b]!;
    for (const t of [5, 10, 20]) expect(errorAfter(t + 1) / errorAfter(t)).toBeCloseTo(-0.85, 6);
    // Conjugate gradients solve a 3-node system in at most 3 steps (2 distinct eigenvalues here).
    expect(pagerankCg(g, { weighted: false }).iterations).toBeLessThanOrEqual(3);
  });

  it('reports an error bound that holds even when stopped early by the cap', () => {
    const g = generatedGraph(7);
    const exact = converged(g, false);
    for (const maxIter of [1, 3, 6, 10]) {
      const r = pagerankCg(g, { weighted: false, maxIter });
      expect(r.converged).toBe(false);
      expect(r.iterations).toBe(maxIter);
      const { l1 } = distance(r.scores, exact);
      expect(l1).toBeLessThanOrEqual(r.errorBound + SLACK);
      expect(r.errorBound).toBeGreaterThan(1e-10);
    }
  });

  it('gives exact answers where they are known: uniform on a regular graph (no iteration), a single tie, isolated nodes', () => {
    const ring = pagerankCg(compactFromEdges([0, 1, 2, 3], [1, 2, 3, 0], null, 4));
    expect(ring.iterations).toBe(0);
    for (const x of ring.scores) expect(x).toBeCloseTo(0.25, 15);
    const lonely = pagerankCg(compactFromEdges([], [], null, 3));
    expect(Array.from(lonely.scores)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(pagerankCg(compactFromEdges([], [], null, 0)).scores).toHaveLength(0);
  });

  it('treats a node whose ties all weigh 0 as dangling when weighted, as the power iteration does', () => {
    const g = compactFromEdgeList([
      { source: 'a', target: 'b', weight: 1 },
      { source: 'b', target: 'c', weight: 0.5 },
      { source: 'c', target: 'z', weight: 0 },
    ]);
    const r = pagerankCg(g);
    expect(r.converged).toBe(true);
    const { max } = distance(r.scores, converged(g, true));
    expect(max).toBeLessThan(1e-12);
    expect(r.scores.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
  });

  it('honours α: α = 0 is uniform, and other values match the converged power iteration', () => {
    const g = loadReferenceGraph(loadReference('nx_karate_club'));
    for (const x of pagerankCg(g, { alpha: 0 }).scores) expect(x).toBeCloseTo(1 / g.n, 15);
    for (const alpha of [0.5, 0.99]) {
      const r = pagerankCg(g, { alpha, weighted: false });
      const exact = converged(g, false, alpha);
      expect(distance(r.scores, exact).l1).toBeLessThanOrEqual(r.errorBound + SLACK);
    }
  });

  it('refuses bad options with a message naming the option', () => {
    const g = compactFromEdges([0], [1], null, 2);
    expect(() => pagerankCg(g, { alpha: 1 })).toThrow(/pagerankCg alpha must lie in \[0, 1\), not 1/);
    expect(() => pagerankCg(g, { alpha: Number.NaN })).toThrow(/alpha/);
    expect(() => pagerankCg(g, { maxIter: 0 })).toThrow(/maxIter/);
    expect(() => pagerankCg(g, { l1Tolerance: -1 })).toThrow(/l1Tolerance must be a finite number ≥ 0, not -1/);
  });
});
