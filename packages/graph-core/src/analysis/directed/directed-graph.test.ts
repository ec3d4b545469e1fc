import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../../errors.js';
import { compactFromEdgeText } from '../../projection/edge-text.js';
import { directedFromEdges, directedFromEdgeText, symmetrise, type DirectedCompactGraph } from './directed-graph.js';

/** Arcs as "u>v:w" strings from the out-CSR, in row order. */
function outArcs(d: DirectedCompactGraph): string[] {
  const out: string[] = [];
  for (let i = 0; i < d.n; i++) {
    for (let p = d.outOffsets[i]!; p < d.outOffsets[i + 1]!; p++) out.push(`${d.ids[i]}>${d.ids[d.outNeighbours[p]!]}:${d.outWeights[p]}`);
  }
  return out;
}

/** The same arcs read from the in-CSR, sorted like `outArcs`. */
function inArcs(d: DirectedCompactGraph): string[] {
  const arcs: [number, number, number][] = [];
  for (let j = 0; j < d.n; j++) {
    for (let p = d.inOffsets[j]!; p < d.inOffsets[j + 1]!; p++) arcs.push([d.inNeighbours[p]!, j, d.inWeights[p]!]);
  }
  arcs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return arcs.map(([u, v, w]) => `${d.ids[u]}>${d.ids[v]}:${w}`);
}

function rowsSorted(offsets: Uint32Array, neighbours: Uint32Array): boolean {
  for (let i = 0; i + 1 < offsets.length; i++) {
    for (let p = offsets[i]! + 1; p < offsets[i + 1]!; p++) if (!(neighbours[p - 1]! < neighbours[p]!)) return false;
  }
  return true;
}

const TEXT = ['source\ttarget\tweight', 'a\tb\t0.5', 'b\ta\t0.25', 'a\tb\t0.75', 'c\tc\t1', 'b\td\t2', 'a\tb\t0.1', 'd\ta\t1', ''].join('\n');

describe('directedFromEdgeText', () => {
  const d = directedFromEdgeText(TEXT, { header: true, weightColumn: 2 });

  it('numbers nodes in order of first appearance, keeping a node seen only in a self-loop', () => {
    expect(d.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(d.n).toBe(4);
    expect(d.indexOf('c')).toBe(2);
    expect(d.indexOf('zz')).toBe(-1);
  });

  it('keeps both directions of a reciprocated pair, drops self-loops and merges repeated arcs by their largest weight', () => {
    expect(outArcs(d)).toEqual(['a>b:0.75', 'b>a:0.25', 'b>d:2', 'd>a:1']);
    expect(d.m).toBe(4);
    expect(d.hasArc(0, 1) && d.hasArc(1, 0)).toBe(true);
    expect(d.hasArc(2, 2)).toBe(false);
    expect(d.weight(1, 3)).toBe(2);
    expect(d.weight(3, 1)).toBe(0);
  });

  it('holds the same arcs in the in-CSR, with sorted rows both ways', () => {
    expect(inArcs(d)).toEqual(outArcs(d));
    expect(rowsSorted(d.outOffsets, d.outNeighbours)).toBe(true);
    expect(rowsSorted(d.inOffsets, d.inNeighbours)).toBe(true);
    expect(Array.from(d.predecessors(0))).toEqual([1, 3]);
    expect(Array.from(d.successors(1))).toEqual([0, 3]);
  });

  it('counts in/out degrees and strengths, and the total arc weight', () => {
    expect([0, 1, 2, 3].map((i) => d.outDegree(i))).toEqual([1, 2, 0, 1]);
    expect([0, 1, 2, 3].map((i) => d.inDegree(i))).toEqual([2, 1, 0, 1]);
    expect(Array.from(d.outStrengths)).toEqual([0.75, 2.25, 0, 1]);
    expect(Array.from(d.inStrengths)).toEqual([1.25, 0.75, 0, 2]);
    expect(d.totalWeight).toBe(4);
  });

  it('sums or noisy-ors repeated arcs when asked', () => {
    expect(directedFromEdgeText(TEXT, { header: true, weightColumn: 2, merge: 'sum' }).weight(0, 1)).toBeCloseTo(1.35, 15);
    const text = 'a b 0.5\na b 0.5\n';
    expect(directedFromEdgeText(text, { weightColumn: 2, merge: 'noisy-or' }).weight(0, 1)).toBeCloseTo(0.75, 15);
  });

  it('gives every arc weight 1 without a weight column', () => {
    const plain = directedFromEdgeText(TEXT, { header: true });
    expect(Array.from(plain.outWeights)).toEqual([1, 1, 1, 1]);
  });

  it('numbers the nodes exactly as the undirected compactFromEdgeText does on the same text', () => {
    expect(d.ids).toEqual(compactFromEdgeText(TEXT, { header: true, weightColumn: 2 }).ids);
  });
});

describe('directedFromEdges', () => {
  it('builds from index arrays with ids and default weight 1', () => {
    const d = directedFromEdges([0, 2, 2, 1], [1, 1, 0, 0], null, 4, ['w', 'x', 'y', 'z']);
    expect(outArcs(d)).toEqual(['w>x:1', 'x>w:1', 'y>w:1', 'y>x:1']);
    expect(d.outDegree(3) + d.inDegree(3)).toBe(0);
    expect(d.id(3)).toBe('z');
  });

  it('names nodes "0" … "n − 1" without ids and handles the empty graph', () => {
    expect(directedFromEdges([0], [1], [2], 2).ids).toEqual(['0', '1']);
    const empty = directedFromEdges([], [], null, 0);
    expect(empty.n).toBe(0);
    expect(empty.m).toBe(0);
  });

  it.each<[string, () => unknown]>([
    ['an endpoint outside [0, n)', () => directedFromEdges([0], [2], null, 2)],
    ['a negative weight', () => directedFromEdges([0], [1], [-1], 2)],
    ['an infinite weight', () => directedFromEdges([0], [1], [Infinity], 2)],
    ['a weight above 1 under noisy-or', () => directedFromEdges([0], [1], [2], 2, undefined, { merge: 'noisy-or' })],
    ['sources and targets of different lengths', () => directedFromEdges([0, 1], [1], null, 2)],
    ['weights of the wrong length', () => directedFromEdges([0], [1], [1, 2], 2)],
    ['ids of the wrong length', () => directedFromEdges([0], [1], null, 2, ['a'])],
    ['repeated ids', () => directedFromEdges([0], [1], null, 2, ['a', 'a'])],
    ['a negative n', () => directedFromEdges([], [], null, -1)],
  ])('rejects %s with a validation error', (_what, build) => {
    expect(build).toThrow(BridgeworkError);
  });

  it('cannot be constructed around unchecked arrays', () => {
    const d = directedFromEdges([0], [1], null, 2);
    const Ctor = d.constructor as new (token: symbol, parts: object) => DirectedCompactGraph;
    expect(() => new Ctor(Symbol('fake'), {})).toThrow(BridgeworkError);
  });
});

describe('symmetrise', () => {
  const d = directedFromEdgeText(TEXT, { header: true, weightColumn: 2 });

  it('joins u and v when either arc exists, by default with the larger weight, as the undirected analysis does', () => {
    const g = symmetrise(d);
    const undirected = compactFromEdgeText(TEXT, { header: true, weightColumn: 2 });
    expect(g.ids).toEqual(undirected.ids);
    expect(Array.from(g.offsets)).toEqual(Array.from(undirected.offsets));
    expect(Array.from(g.neighbours)).toEqual(Array.from(undirected.neighbours));
    expect(Array.from(g.weights)).toEqual(Array.from(undirected.weights));
    expect(g.m).toBe(3);
  });

  it("sums the two directions into Burt's mutual weight with merge 'sum', and counts arcs when unweighted", () => {
    expect(symmetrise(d, { merge: 'sum' }).weight(0, 1)).toBe(1);
    expect(symmetrise(d, { merge: 'sum', weighted: false }).weight(0, 1)).toBe(2);
    expect(symmetrise(d, { merge: 'sum', weighted: false }).weight(1, 3)).toBe(1);
    expect(symmetrise(d, { weighted: undefined }).weight(1, 3)).toBe(2);
  });
});
