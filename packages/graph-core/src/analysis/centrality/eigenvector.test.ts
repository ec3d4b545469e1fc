import { describe, expect, it } from '@jest/globals';
import { compactFromEdgeList, compactFromEdges } from '../../projection/compact-graph.js';
import { EIGENVECTOR_DEFAULTS, eigenvectorCentrality } from './index.js';
import { loadReference, loadReferenceGraph } from './reference-fixtures.testing.js';

describe('eigenvector centrality', () => {
  it('has NetworkX defaults', () => {
    expect(EIGENVECTOR_DEFAULTS).toEqual({ weighted: false, maxIter: 100, tol: 1e-6 });
  });

  it('gives a star centre 1/√2 and each of k leaves 1/√(2k), the principal eigenvector', () => {
    const g = compactFromEdges([0, 0, 0, 0], [1, 2, 3, 4], null, 5);
    const r = eigenvectorCentrality(g, { tol: 1e-12, maxIter: 1000 });
    expect(r.converged).toBe(true);
    expect(r.scores[0]).toBeCloseTo(Math.SQRT1_2, 9);
    for (let i = 1; i < 5; i++) expect(r.scores[i]).toBeCloseTo(1 / Math.sqrt(8), 9);
  });

  it('converges on a bipartite graph, where plain power iteration with A would oscillate', () => {
    const g = loadReferenceGraph(loadReference('davis_southern_women'));
    const r = eigenvectorCentrality(g);
    expect(r.converged).toBe(true);
    let norm = 0;
    for (const x of r.scores) norm += x * x;
    expect(norm).toBeCloseTo(1, 12);
  });

  it('weights ties by strength when weighted', () => {
    const g = compactFromEdgeList([
      { source: 'a', target: 'b', weight: 5 },
      { source: 'b', target: 'c', weight: 1 },
      { source: 'c', target: 'd', weight: 1 },
    ]);
    const weighted = eigenvectorCentrality(g, { weighted: true }).scores;
    const plain = eigenvectorCentrality(g).scores;
    expect(weighted[g.indexOf('a')]).toBeGreaterThan(weighted[g.indexOf('d')]! * 2);
    expect(plain[g.indexOf('a')]).toBeCloseTo(plain[g.indexOf('d')]!, 6);
  });

  it('reports non-convergence and handles the empty graph', () => {
    const g = loadReferenceGraph(loadReference('nx_karate_club'));
    const r = eigenvectorCentrality(g, { maxIter: 3 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
    expect(eigenvectorCentrality(compactFromEdges([], [], null, 0)).scores).toHaveLength(0);
  });
});
