import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactFromEdgeList, compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import { mulberry32 } from '../../random/index.js';
import { PAGERANK_CG_DEFAULTS, pagerank, pagerankCg } from './index.js';
import { REPO_ROOT, loadReference, loadReferenceGraph, referenceNetworks } from './reference-fixtures.testing.js';

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

/**
 * Checks that `r` converged and sits within its own error bound (L1, plus SLACK) of the fully converged power
 * iteration, and no node further than `maxNode` from it.
 */
function expectPowerIterationScores(g: CompactGraph, weighted: boolean, r: { converged: boolean; scores: Float64Array; errorBound: number }, maxNode = 1e-9): void {
  expect(r.converged).toBe(true);
  const { l1, max } = distance(r.scores, converged(g, weighted));
  expect(l1).toBeLessThanOrEqual(r.errorBound + SLACK);
  expect(max).toBeLessThan(maxNode);
}

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

/**
 * A seeded graph that is mostly trees, as the DNC e-mail network (two thirds leaves): a core of `core` nodes (a ring
 * plus random chords), then each further node tied to one earlier node — so trees hang off the core and off each
 * other — plus a star, a path and a random tree as components of their own, 5 pairs, 3 isolated nodes and a tie of
 * weight 0; weights in (0, 1].
 */
function treeHeavyGraph(seed: number, core = 40, hanging = 400): CompactGraph {
  const rng = mulberry32(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  const tie = (a: number, b: number, w = 1 - rng()) => {
    sources.push(a);
    targets.push(b);
    weights.push(w);
  };
  for (let i = 0; i < core; i++) tie(i, (i + 1) % core);
  for (let k = 0; k < core / 2; k++) tie(Math.floor(rng() * core), Math.floor(rng() * core));
  let next = core;
  for (; next < core + hanging; next++) tie(next, Math.floor(rng() * next));
  for (let l = 1; l <= 12; l++) tie(next, next + l); // a star
  next += 13;
  for (let l = 0; l < 30; l++) tie(next + l, next + l + 1); // a path
  next += 31;
  for (let v = 1; v < 50; v++) tie(next + v, next + Math.floor(rng() * v)); // a random tree
  next += 50;
  for (let k = 0; k < 5; k++, next += 2) tie(next, next + 1);
  tie(next, 0, 0); // a tie of weight 0 to the core: a dangling node when weighted, a leaf when not
  next += 1;
  return compactFromEdges(sources, targets, weights, next + 3);
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
        expect(r.errorBound).toBeLessThanOrEqual(1e-10);
        expectPowerIterationScores(g, weighted, r);
      }
    }
  });

  it('equals the fully converged power iteration on a generated 10 000-node graph with bipartite components, unweighted and weighted', () => {
    const g = generatedGraph(42);
    for (const weighted of [false, true]) {
      const r = pagerankCg(g, { weighted });
      expectPowerIterationScores(g, weighted, r);
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

  it('eliminates trees exactly: a forest of stars, paths and trees is solved with no iteration, unweighted and weighted', () => {
    const star = compactFromEdges([0, 0, 0, 0, 0], [1, 2, 3, 4, 5], null, 6);
    const path = compactFromEdges([0, 1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7], [1, 2, 0.5, 3, 1, 0.25, 2], 8);
    const rng = mulberry32(3);
    const parents = Array.from({ length: 199 }, (_, v) => Math.floor(rng() * (v + 1)));
    const tree = compactFromEdges(Array.from({ length: 199 }, (_, v) => v + 1), parents, parents.map(() => 1 - rng()), 200);
    for (const g of [star, path, tree]) {
      for (const weighted of [false, true]) {
        const r = pagerankCg(g, { weighted });
        expect(r.iterations).toBe(0);
        expectPowerIterationScores(g, weighted, r, 1e-13);
        expect(r.scores.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 13);
      }
    }
    // By hand: a leaf of the 5-star has y_leaf = 1 + α y_c / 5; folded into the centre's y_c − α Σ y_leaf = 1 that
    // gives (1 − α²) y_c = 1 + 5α.
    const alpha = 0.85;
    const yc = (1 + 5 * alpha) / (1 - alpha * alpha);
    const yl = 1 + (alpha * yc) / 5;
    const r = pagerankCg(star, { weighted: false });
    expect(r.scores[0]).toBeCloseTo(yc / (yc + 5 * yl), 14);
    expect(r.scores[1]).toBeCloseTo(yl / (yc + 5 * yl), 14);
  });

  it('solves only the core when trees hang off it: few iterations, the converged power iteration’s scores, unweighted and weighted', () => {
    const g = treeHeavyGraph(11);
    for (const weighted of [false, true]) {
      const r = pagerankCg(g, { weighted });
      expectPowerIterationScores(g, weighted, r);
      expect(r.scores.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 13);
    }
    // A 3-node core (a triangle) with a path and a star hanging off it: at most 3 steps, plus one after the check.
    const triangle = compactFromEdges([0, 1, 2, 2, 3, 4, 5, 0, 0, 0], [1, 2, 0, 3, 4, 5, 6, 7, 8, 9], null, 10);
    const r = pagerankCg(triangle, { weighted: false });
    expect(r.iterations).toBeLessThanOrEqual(4);
    expect(distance(r.scores, converged(triangle, false)).max).toBeLessThan(1e-12);
  });

  it('keeps its error bound on the eliminated system when stopped early by the cap', () => {
    const g = treeHeavyGraph(5, 300, 1500);
    const exact = converged(g, false);
    for (const maxIter of [1, 2, 4]) {
      const r = pagerankCg(g, { weighted: false, maxIter });
      expect(r.converged).toBe(false);
      expect(r.iterations).toBe(maxIter);
      expect(distance(r.scores, exact).l1).toBeLessThanOrEqual(r.errorBound + SLACK);
    }
  });

  it('equals the converged power iteration on the DNC e-mail network (1 192 of 1 891 nodes leaves), in fewer passes than without elimination', () => {
    const text = readFileSync(join(REPO_ROOT, 'fixtures/real/dnc_email_temporal_2016_relabelled/edges.tsv'), 'utf8');
    const sources: string[] = [];
    const targets: string[] = [];
    for (const line of text.split('\n').slice(1)) {
      const [a, b] = line.split('\t');
      if (a && b) {
        sources.push(a);
        targets.push(b);
      }
    }
    const g = compactFromEdgeList(sources.map((source, k) => ({ source, target: targets[k]! }))); // self-loops dropped
    expect(g.n).toBe(1891);
    const r = pagerankCg(g, { weighted: false });
    expect(r.converged).toBe(true);
    const { l1, max } = distance(r.scores, converged(g, false));
    expect(l1).toBeLessThanOrEqual(r.errorBound + SLACK);
    expect(max).toBeLessThan(1e-9);
    expect(r.iterations).toBeLessThan(33); // 37 on the whole graph, 29 on its 657-node core
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
