import { describe, expect, it } from '@jest/globals';
import { compactFromEdgeList, compactFromEdges } from '../../projection/compact-graph.js';
import { degreeCentrality, rankNodes } from './index.js';

describe('degree centrality', () => {
  it('counts distinct neighbours, sums tie weights and divides the degree by n − 1', () => {
    const g = compactFromEdgeList([
      { source: 'a', target: 'b', weight: 0.5 },
      { source: 'a', target: 'c', weight: 0.25 },
      { source: 'b', target: 'a', weight: 0.75 },
    ], { nodes: ['a', 'b', 'c', 'd'] });
    const d = degreeCentrality(g);
    expect(Array.from(d.degree)).toEqual([2, 1, 1, 0]);
    expect(d.strength[0]).toBeCloseTo(1, 15); // the repeated a–b tie keeps its largest weight, 0.75
    expect(d.centrality[0]).toBeCloseTo(2 / 3, 15);
    expect(d.centrality[3]).toBe(0);
  });

  it('returns a copy of the strengths, so writing it leaves the graph alone', () => {
    const g = compactFromEdges([0], [1], [2], 2);
    degreeCentrality(g).strength[0] = 99;
    expect(g.strength(0)).toBe(2);
  });

  it('is 0 for a lone node and empty for the empty graph', () => {
    expect(Array.from(degreeCentrality(compactFromEdges([], [], null, 1)).centrality)).toEqual([0]);
    expect(degreeCentrality(compactFromEdges([], [], null, 0)).degree).toHaveLength(0);
  });
});

describe('rankNodes', () => {
  it('orders ids by decreasing score, ties by index, NaN last, up to the limit', () => {
    const g = compactFromEdges([0, 1, 2], [1, 2, 3], null, 4, ['w', 'x', 'y', 'z']);
    const ranked = rankNodes(g, [0.5, NaN, 0.9, 0.5]);
    expect(ranked.map((r) => r.id)).toEqual(['y', 'w', 'z', 'x']);
    expect(rankNodes(g, [1, 2, 3, 4], 2).map((r) => r.index)).toEqual([3, 2]);
  });
});
