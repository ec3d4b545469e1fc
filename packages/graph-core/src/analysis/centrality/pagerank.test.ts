import { describe, expect, it } from '@jest/globals';
import { compactFromEdgeList, compactFromEdges } from '../../projection/compact-graph.js';
import { PAGERANK_DEFAULTS, pagerank } from './index.js';
import { loadReference, loadReferenceGraph } from './reference-fixtures.testing.js';

const sum = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0);

describe('PageRank', () => {
  it('has NetworkX defaults', () => {
    expect(PAGERANK_DEFAULTS).toEqual({ alpha: 0.85, weighted: true, maxIter: 100, tol: 1e-6 });
  });

  it('is uniform on a regular graph and sums to 1', () => {
    const g = compactFromEdges([0, 1, 2, 3], [1, 2, 3, 0], null, 4);
    const r = pagerank(g);
    expect(r.converged).toBe(true);
    for (const x of r.scores) expect(x).toBeCloseTo(0.25, 12);
  });

  it('spreads the rank of an isolated (dangling) node uniformly, so scores still sum to 1', () => {
    const g = compactFromEdgeList([{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }], { nodes: ['lone'] });
    const r = pagerank(g);
    expect(sum(r.scores)).toBeCloseTo(1, 12);
    expect(r.scores[g.indexOf('b')]).toBeGreaterThan(r.scores[g.indexOf('a')]!);
    expect(r.scores[g.indexOf('lone')]).toBeGreaterThan(0);
  });

  it('follows strong ties more often when weighted', () => {
    const g = compactFromEdgeList([
      { source: 'hub', target: 'strong', weight: 0.9 },
      { source: 'hub', target: 'weak', weight: 0.1 },
    ]);
    const weighted = pagerank(g).scores;
    const plain = pagerank(g, { weighted: false }).scores;
    expect(weighted[g.indexOf('strong')]).toBeGreaterThan(weighted[g.indexOf('weak')]! * 2);
    expect(plain[g.indexOf('strong')]).toBeCloseTo(plain[g.indexOf('weak')]!, 15);
  });

  it('converges to the exact vector as tol shrinks, within the documented bound at the defaults', () => {
    const g = loadReferenceGraph(loadReference('netscience_coauthorship'));
    const loose = pagerank(g);
    const tight = pagerank(g, { tol: 1e-15, maxIter: 1000 });
    expect(tight.converged).toBe(true);
    let l1 = 0;
    for (let i = 0; i < g.n; i++) l1 += Math.abs(loose.scores[i]! - tight.scores[i]!);
    // Bound: α/(1 − α) · n · tol.
    expect(l1).toBeLessThan((0.85 / 0.15) * g.n * 1e-6);
  });

  it('reports, rather than throws, when the iteration cap comes first', () => {
    const g = loadReferenceGraph(loadReference('nx_karate_club'));
    const r = pagerank(g, { maxIter: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
    expect(r.change).toBeGreaterThan(g.n * 1e-6);
  });

  it('handles the empty graph and refuses bad options', () => {
    expect(pagerank(compactFromEdges([], [], null, 0)).scores).toHaveLength(0);
    const g = compactFromEdges([0], [1], null, 2);
    expect(() => pagerank(g, { alpha: 1.5 })).toThrow(/alpha/);
    expect(() => pagerank(g, { maxIter: 0 })).toThrow(/maxIter/);
    expect(() => pagerank(g, { tol: -1 })).toThrow(/tol/);
  });
});
