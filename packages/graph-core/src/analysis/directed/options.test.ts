import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../../errors.js';
import { createRng } from '../../random/index.js';
import { directedBetweenness, sampledDirectedBetweenness } from './betweenness.js';
import { directedCloseness } from './closeness.js';
import { directedFromEdgeText, directedFromEdges } from './directed-graph.js';
import { directedEigenvector } from './eigenvector.js';
import { directedModularity } from './modularity.js';
import { directedPagerank } from './pagerank.js';
import { readRepoFile } from './reference-fixtures.testing.js';

const d = directedFromEdgeText(readRepoFile('fixtures/reference/directed/random_weighted_30.edges.tsv'), { header: true, weightColumn: 2 });
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe('directed PageRank options', () => {
  it('iterates longer with a smaller tol and still sums to 1', () => {
    const loose = directedPagerank(d);
    const tight = directedPagerank(d, { tol: 1e-12, maxIter: 1000 });
    expect(tight.converged).toBe(true);
    expect(tight.iterations).toBeGreaterThan(loose.iterations);
    expect(sum(tight.scores)).toBeCloseTo(1, 12);
    // The default stopping rule's L1 error is within α/(1 − α) · n · tol.
    let l1 = 0;
    for (let i = 0; i < d.n; i++) l1 += Math.abs(loose.scores[i]! - tight.scores[i]!);
    expect(l1).toBeLessThan((0.85 / 0.15) * d.n * 1e-6);
  });

  it('gives a dangling node’s mass to every node: a star into one sink ranks the sink first', () => {
    const star = directedFromEdges([1, 2, 3], [0, 0, 0], null, 4);
    const pr = directedPagerank(star).scores;
    expect(pr[0]).toBeGreaterThan(pr[1]!);
    expect(sum(pr)).toBeCloseTo(1, 12);
  });

  it('returns the last iterate with converged: false when maxIter runs out, and rejects bad options', () => {
    const one = directedPagerank(d, { maxIter: 1 });
    expect(one.converged).toBe(false);
    expect(one.iterations).toBe(1);
    expect(() => directedPagerank(d, { alpha: 1.5 })).toThrow(BridgeworkError);
    expect(() => directedPagerank(d, { tol: -1 })).toThrow(BridgeworkError);
    expect(() => directedPagerank(d, { maxIter: 0 })).toThrow(BridgeworkError);
    expect(directedPagerank(directedFromEdges([], [], null, 0)).scores).toHaveLength(0);
  });
});

describe('directed eigenvector centrality options', () => {
  it('has unit Euclidean norm and gives a node no arc reaches almost nothing', () => {
    const ev = directedEigenvector(d).scores;
    expect(Math.hypot(...ev)).toBeCloseTo(1, 12);
    expect(ev[d.indexOf('v24')]).toBeLessThan(1e-6); // a pure source
  });

  it('reports non-convergence instead of throwing', () => {
    expect(directedEigenvector(d, { maxIter: 2 }).converged).toBe(false);
  });
});

describe('directed betweenness and closeness options', () => {
  it('gives the plain ordered-pair sums with normalized: false', () => {
    const n = d.n;
    const norm = directedBetweenness(d);
    const raw = directedBetweenness(d, { normalized: false });
    for (let i = 0; i < n; i++) expect(raw[i]).toBeCloseTo(norm[i]! * (n - 1) * (n - 2), 9);
  });

  it('counts a path through the middle of a directed path once per ordered pair, in one direction only', () => {
    const path = directedFromEdges([0, 1, 2], [1, 2, 3], null, 4);
    expect(Array.from(directedBetweenness(path, { normalized: false }))).toEqual([0, 2, 2, 0]);
    // Incoming closeness: node 3 is reached from 0, 1 and 2 at distances 3, 2, 1; node 0 from nobody.
    expect(directedCloseness(path)[3]).toBeCloseTo(3 / 6, 15);
    expect(directedCloseness(path)[0]).toBe(0);
    expect(directedCloseness(path, { wfImproved: false })[1]).toBe(1);
  });

  it('scales a sampled estimate by n/K, which averages to the exact values over many seeds', () => {
    const exact = directedBetweenness(d, { normalized: false });
    const mean = new Float64Array(d.n);
    const runs = 400;
    for (let s = 0; s < runs; s++) {
      const est = sampledDirectedBetweenness(d, { pivots: 10, rng: createRng(s), normalized: false });
      for (let i = 0; i < d.n; i++) mean[i]! += est[i]! / runs;
    }
    expect(Math.abs(sum(mean) - sum(exact)) / sum(exact)).toBeLessThan(0.05);
  });

  it('rejects bad pivots, a missing rng and non-boolean flags', () => {
    expect(() => sampledDirectedBetweenness(d, { pivots: 0, rng: createRng(1) })).toThrow(BridgeworkError);
    expect(() => sampledDirectedBetweenness(d, { pivots: 3, rng: undefined as never })).toThrow(BridgeworkError);
    expect(() => directedBetweenness(d, { weighted: 'yes' as never })).toThrow(BridgeworkError);
  });
});

describe('directedModularity options', () => {
  it('is NaN without arc weight and rejects memberships that do not fit', () => {
    expect(directedModularity(directedFromEdges([], [], null, 3), [0, 0, 1])).toBeNaN();
    expect(() => directedModularity(d, [0, 1])).toThrow(BridgeworkError);
    expect(() => directedModularity(d, new Array<number>(d.n).fill(-1))).toThrow(BridgeworkError);
    expect(() => directedModularity(d, new Array<number>(d.n).fill(0), { resolution: -1 })).toThrow(BridgeworkError);
  });

  it('is 0 for the one-community partition at resolution 1', () => {
    expect(directedModularity(d, new Array<number>(d.n).fill(7))).toBeCloseTo(0, 15);
  });
});
