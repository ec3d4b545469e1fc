import { describe, expect, it } from '@jest/globals';
import { compactFromEdgeList } from '../../projection/compact-graph.js';
import { brokers, isolates } from './brokers.js';

describe('brokers and isolates', () => {
  // two triangles joined through b (a bridge between them), plus an isolated node z
  const g = compactFromEdgeList(
    [
      ['x1', 'x2'], ['x2', 'x3'], ['x1', 'x3'], ['x1', 'b'],
      ['b', 'y1'], ['y1', 'y2'], ['y2', 'y3'], ['y1', 'y3'],
    ].map(([source, target]) => ({ source: source!, target: target! })),
    { nodes: ['x1', 'x2', 'x3', 'b', 'y1', 'y2', 'y3', 'z'] },
  );
  const at = (id: string) => g.indexOf(id);

  it('picks high-betweenness, low-constraint nodes, highest betweenness first', () => {
    const betweenness = new Float64Array(g.n);
    betweenness[at('b')] = 0.5;
    betweenness[at('x1')] = 0.4;
    betweenness[at('y1')] = 0.4;
    betweenness[at('x2')] = 0.01;
    const constraint = [0.6, 0.9, 0.9, 0.5, 0.6, 0.9, 0.9, null];
    expect(brokers(g, betweenness, constraint, { topShare: 1 }).map((i) => g.id(i))).toEqual(['b', 'x1', 'y1', 'x2']);
    expect(brokers(g, betweenness, constraint, { topShare: 0.25 }).map((i) => g.id(i))).toEqual(['b']);
    expect(brokers(g, betweenness, constraint, { topShare: 0.5, include: (i) => g.id(i) !== 'b' }).map((i) => g.id(i))).toEqual(['x1', 'y1']);
    expect(brokers(g, new Float64Array(g.n), constraint)).toEqual([]);
  });

  it('lists the nodes with no tie', () => {
    expect(isolates(g).map((i) => g.id(i))).toEqual(['z']);
    expect(isolates(g, () => false)).toEqual([]);
  });
});
