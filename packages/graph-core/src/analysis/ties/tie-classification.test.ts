import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../../errors.js';
import { compactFromEdgeList, compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import { loadReference, mulberry32, referenceNetworks } from '../structural-holes/reference-fixtures.testing.js';
import { bridges } from '../structure/bridges.js';
import { classifyTies, DEFAULT_TIE_CLASSIFICATION_OPTIONS, nodeTieRows, resolveTieRule, tieRows, weakShareAt } from './tie-classification.js';

//   0         3
//   | \     / |
//   |  2 — 3' |     two triangles {0,1,2} and {3,4,5} joined by the tie 2–3
//   | /     \ |
//   1         4 … 5
const barbell = (weights?: number[]) =>
  compactFromEdgeList(
    [
      [0, 1],
      [0, 2],
      [1, 2],
      [2, 3],
      [3, 4],
      [3, 5],
      [4, 5],
    ].map(([s, t], k) => ({ source: `n${s}`, target: `n${t}`, ...(weights ? { weight: weights[k]! } : {}) })),
  );

const tie = (g: CompactGraph, ties: ReturnType<typeof classifyTies>, a: string, b: string) => {
  const e = ties.edgeOfSlot[g.slot(g.indexOf(a), g.indexOf(b))]!;
  return { strength: ties.strength[e]!, embeddedness: ties.embeddedness[e]!, overlap: ties.overlap[e]!, weak: ties.weak[e] === 1 };
};

describe('tie classification', () => {
  it('has documented defaults', () => {
    expect(DEFAULT_TIE_CLASSIFICATION_OPTIONS).toEqual({ basis: 'auto', weakStrengthBelow: 0.5, weakOverlapBelow: 0.1 });
  });

  it('computes embeddedness and Onnela overlap by hand on two triangles joined by a bridge', () => {
    const g = barbell();
    const ties = classifyTies(g);
    expect(ties.basis).toBe('overlap'); // every weight is 1: no strengths
    expect(ties.count).toBe(7);
    // 0–1: k = 2, 2, one shared (2): O = 1 / (1 + 1 − 1) = 1.
    expect(tie(g, ties, 'n0', 'n1')).toEqual({ strength: 1, embeddedness: 1, overlap: 1, weak: false });
    // 0–2: k = 2, 3, one shared (1): O = 1 / (1 + 2 − 1) = 0.5.
    expect(tie(g, ties, 'n0', 'n2')).toEqual({ strength: 1, embeddedness: 1, overlap: 0.5, weak: false });
    // 2–3: k = 3, 3, nothing shared: a local bridge, O = 0, weak.
    expect(tie(g, ties, 'n2', 'n3')).toEqual({ strength: 1, embeddedness: 0, overlap: 0, weak: true });
    const nodes = nodeTieRows(g, ties);
    expect(nodes.find((r) => r.id === 'n2')).toEqual({ id: 'n2', degree: 3, weakTies: 1, weakShare: 1 / 3 });
    expect(nodes.find((r) => r.id === 'n0')).toEqual({ id: 'n0', degree: 2, weakTies: 0, weakShare: 0 });
  });

  it('uses strength when the graph has strengths, with the 0.5 default threshold', () => {
    // Strengths: 0–1 0.9, 0–2 0.2, 1–2 0.8, 2–3 0.7, 3–4 0.4, 3–5 0.6, 4–5 0.5.
    const g = barbell([0.9, 0.2, 0.8, 0.7, 0.4, 0.6, 0.5]);
    const ties = classifyTies(g);
    expect(ties.basis).toBe('strength');
    const weakPairs = tieRows(g, ties).filter((r) => r.class === 'weak').map((r) => `${r.source}-${r.target}`);
    expect(weakPairs).toEqual(['n0-n2', 'n3-n4']);
    // `either`: the bridge 2–3 is strong by strength (0.7) but has overlap 0, so it is weak too.
    const either = classifyTies(g, { basis: 'either' });
    expect(tie(g, either, 'n2', 'n3').weak).toBe(true);
    expect(tie(g, either, 'n0', 'n1').weak).toBe(false);
    expect(Array.from(either.weak).reduce((s, x) => s + x, 0)).toBe(3);
    // Thresholds are options.
    const strict = classifyTies(g, { basis: 'strength', weakStrengthBelow: 0.65 });
    expect(Array.from(strict.weak).reduce((s, x) => s + x, 0)).toBe(4); // 0.2, 0.4, 0.5, 0.6
    const loose = classifyTies(g, { basis: 'overlap', weakOverlapBelow: 0.75 });
    expect(tie(g, loose, 'n0', 'n2').weak).toBe(true); // overlap 0.5
    expect(tie(g, loose, 'n0', 'n1').weak).toBe(false); // overlap 1
  });

  it('rounds out the edge cases: an isolated dyad has overlap 0 and an isolated node a null weak share', () => {
    const g = compactFromEdges([0], [1], null, 3);
    const ties = classifyTies(g);
    expect(Array.from(ties.overlap)).toEqual([0]);
    expect(Array.from(ties.weak)).toEqual([1]);
    expect(nodeTieRows(g, ties)[2]).toEqual({ id: '2', degree: 0, weakTies: 0, weakShare: null });
    expect(Number.isNaN(ties.weakShare[2]!)).toBe(true);
    const empty = classifyTies(compactFromEdges([], [], null, 0));
    expect(empty.count).toBe(0);
  });

  it('rejects an unknown basis and a non-finite threshold', () => {
    const g = barbell();
    expect(() => classifyTies(g, { basis: 'vibes' as 'auto' })).toThrow(BridgeworkError);
    expect(() => classifyTies(g, { weakOverlapBelow: Number.NaN })).toThrow(/weakOverlapBelow/);
  });

  it('lays ties out once each, sorted, with every CSR slot mapped to its tie', () => {
    const rnd = mulberry32(5);
    const s: number[] = [];
    const t: number[] = [];
    for (let k = 0; k < 400; k++) {
      s.push(Math.floor(rnd() * 70));
      t.push(Math.floor(rnd() * 70));
    }
    const g = compactFromEdges(s, t, s.map(() => rnd()), 72);
    const ties = classifyTies(g, { basis: 'either' });
    expect(ties.count).toBe(g.m);
    const adj = Array.from({ length: g.n }, (_, i) => new Set(g.neighboursOf(i)));
    for (let e = 0; e < ties.count; e++) {
      const u = ties.source[e]!;
      const v = ties.target[e]!;
      expect(u).toBeLessThan(v);
      if (e > 0) expect(ties.source[e - 1]! < u || (ties.source[e - 1] === u && ties.target[e - 1]! < v)).toBe(true);
      const shared = [...adj[u]!].filter((x) => adj[v]!.has(x)).length;
      expect(ties.embeddedness[e]).toBe(shared);
      const denominator = adj[u]!.size - 1 + adj[v]!.size - 1 - shared;
      expect(ties.overlap[e]).toBeCloseTo(denominator > 0 ? shared / denominator : 0, 14);
      expect(ties.strength[e]).toBe(g.weight(u, v));
      expect(ties.weak[e]).toBe(ties.strength[e]! < 0.5 || ties.overlap[e]! < 0.1 ? 1 : 0);
    }
    for (let u = 0; u < g.n; u++) {
      const row = g.neighboursOf(u);
      let weakCount = 0;
      for (let x = 0; x < row.length; x++) {
        const e = ties.edgeOfSlot[g.offsets[u]! + x]!;
        expect([ties.source[e], ties.target[e]].sort((a, b) => a! - b!)).toEqual([Math.min(u, row[x]!), Math.max(u, row[x]!)]);
        weakCount += ties.weak[e]!;
      }
      expect(ties.weakTies[u]).toBe(weakCount);
    }
  });
});

describe('weak ties on the classic networks', () => {
  it("gives one node's weak share exactly as the whole classification does, under every rule", () => {
    const rng = mulberry32(5);
    for (const network of referenceNetworks()) {
      const { g: plain } = loadReference(network);
      // The same network with random strengths, so the strength rules have something to read.
      const edges: [string, string, number][] = [];
      for (let u = 0; u < plain.n; u++) for (let a = plain.offsets[u]!; a < plain.offsets[u + 1]!; a++) if (u < plain.neighbours[a]!) edges.push([plain.ids[u]!, plain.ids[plain.neighbours[a]!]!, rng()]);
      const weighted = compactFromEdgeList(edges.map(([source, target, weight]) => ({ source, target, weight })), { nodes: plain.ids });
      for (const g of [plain, weighted]) {
        for (const basis of ['auto', 'strength', 'overlap', 'either'] as const) {
          const all = classifyTies(g, { basis }).weakShare;
          const rule = resolveTieRule(g, { basis });
          for (let u = 0; u < g.n; u++) {
            const one = weakShareAt(g, u, rule);
            if (Number.isNaN(all[u]!)) expect(one).toBeNaN();
            else expect(one).toBeCloseTo(all[u]!, 12);
          }
        }
      }
    }
  });

  it('classes every bridge of every classic network as a weak, zero-overlap tie', () => {
    let checked = 0;
    for (const network of referenceNetworks()) {
      const { g } = loadReference(network);
      const ties = classifyTies(g, { basis: 'overlap' });
      const b = bridges(g);
      for (let k = 0; k < b.count; k++) {
        const e = ties.edgeOfSlot[g.slot(b.sources[k]!, b.targets[k]!)]!;
        expect(ties.embeddedness[e]).toBe(0);
        expect(ties.weak[e]).toBe(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('finds stronger ties more embedded in Les Misérables, as Onnela et al. found in phone calls', () => {
    const { g } = loadReference('nx_les_miserables');
    const ties = classifyTies(g, { basis: 'overlap' });
    const order = Array.from({ length: ties.count }, (_, e) => e).sort((a, b) => ties.strength[a]! - ties.strength[b]!);
    const half = Math.floor(order.length / 2);
    const mean = (es: number[]) => es.reduce((s, e) => s + ties.overlap[e]!, 0) / es.length;
    expect(mean(order.slice(half))).toBeGreaterThan(mean(order.slice(0, half)));
  });
});
