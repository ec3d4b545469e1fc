import { describe, expect, it } from '@jest/globals';
import { compactFromEdgeList, compactFromEdges } from '../../projection/compact-graph.js';
import { closenessCentrality } from './index.js';

const edges = (pairs: Array<[string, string, number?]>, nodes: string[] = []) =>
  compactFromEdgeList(
    pairs.map(([source, target, weight]) => (weight === undefined ? { source, target } : { source, target, weight })),
    { nodes },
  );

describe('closeness centrality', () => {
  it('is the reciprocal mean distance on a connected path', () => {
    const g = edges([['a', 'b'], ['b', 'c'], ['c', 'd']]);
    const c = closenessCentrality(g);
    expect(c[g.indexOf('a')]).toBeCloseTo(3 / 6, 15);
    expect(c[g.indexOf('b')]).toBeCloseTo(3 / 4, 15);
  });

  it('scales by the share of nodes reached (Wasserman–Faust) unless told not to (NetworkX values)', () => {
    // A 4-cycle, a 3-path and an isolated node (n = 8); values from networkx 2.8.8.
    const g = edges([['0', '1'], ['1', '2'], ['2', '3'], ['3', '0'], ['5', '6'], ['6', '7']], ['9']);
    const c = closenessCentrality(g);
    expect(c[g.indexOf('0')]).toBeCloseTo(0.3214285714285714, 15);
    expect(c[g.indexOf('5')]).toBeCloseTo(0.19047619047619047, 15);
    expect(c[g.indexOf('6')]).toBeCloseTo(0.2857142857142857, 15);
    expect(c[g.indexOf('9')]).toBe(0);
    const plain = closenessCentrality(g, { wfImproved: false });
    expect(plain[g.indexOf('0')]).toBeCloseTo(3 / 4, 15);
    expect(plain[g.indexOf('6')]).toBeCloseTo(1, 15);
  });

  it('measures weighted distance as the sum of 1/weight along the shortest path', () => {
    // NetworkX: a 5, b 6.666…, c 4 (lengths 0.1, 0.2 and 0.3).
    const g = edges([['a', 'b', 10], ['b', 'c', 5], ['a', 'c', 10 / 3]]);
    const c = closenessCentrality(g, { weighted: true });
    expect(c[g.indexOf('a')]).toBeCloseTo(5, 12);
    expect(c[g.indexOf('b')]).toBeCloseTo(6.666666666666666, 12);
    expect(c[g.indexOf('c')]).toBeCloseTo(4, 12);
  });

  it('treats a zero-weight tie as no path in the weighted measure', () => {
    const g = edges([['a', 'b', 0]], []);
    expect(Array.from(closenessCentrality(g, { weighted: true }))).toEqual([0, 0]);
    expect(Array.from(closenessCentrality(g))).toEqual([1, 1]);
  });

  it('returns an empty array for the empty graph and 0 for a lone node', () => {
    expect(closenessCentrality(compactFromEdges([], [], null, 0))).toHaveLength(0);
    expect(Array.from(closenessCentrality(compactFromEdges([], [], null, 1)))).toEqual([0]);
  });
});
