import { describe, expect, it } from '@jest/globals';
import { BridgeworkGraph, compactFromEdges, constraint, effectiveSize, generateDemoTown } from '@bridgework/graph-core';
import { bridgingValue } from './features.js';
import { buildSuggestIndex } from './suggest-index.js';
import { scanCandidates } from './two-hop-scan.js';
import { NOW } from './test-town.testing.js';

describe('the two-hop scan', () => {
  const graph = BridgeworkGraph.from(generateDemoTown({ now: NOW, people: 150, organisations: 40, events: 6 }));
  const index = buildSuggestIndex(graph, { now: NOW });
  const g = index.g;
  const opts = { minVouchStrength: 0.2, fewTies: 5, chainDiscount: 0.6 };

  /** The projection with one more edge u–v, unweighted structure only. */
  const withEdge = (u: number, v: number) => {
    const s: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < g.n; i++) for (let p = g.offsets[i]!; p < g.offsets[i + 1]!; p++) if (i < g.neighbours[p]!) (s.push(i), t.push(g.neighbours[p]!));
    s.push(u);
    t.push(v);
    return compactFromEdges(s, t, null, g.n);
  };

  it("predicts Burt's constraint and effective size after adding the tie exactly, as graph-core computes them", () => {
    let checked = 0;
    for (const u of [3, 20, 57, 90, 130]) {
      if (g.degree(u) === 0) continue;
      const scan = scanCandidates(index, u, opts);
      expect(scan.constraint).toBeCloseTo(constraint(g)[u]!, 10);
      for (let c = 0; c < Math.min(scan.count, 6); c++) {
        const v = scan.v[c]!;
        const parts = bridgingValue(index, u, v, { ...scan, cn: scan.cn[c]!, ra: scan.ra[c]!, s1: scan.s1[c]! });
        const after = withEdge(u, v);
        expect(parts.constraintAfter).toBeCloseTo(constraint(after)[u]!, 10);
        expect(parts.effectiveSizeGain).toBeCloseTo(effectiveSize(after)[u]! - effectiveSize(g)[u]!, 10);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('counts shared contacts and resource allocation like a brute-force count', () => {
    const u = 42;
    const scan = scanCandidates(index, u, opts);
    const near = new Set([u, ...g.neighboursOf(u)]);
    for (let c = 0; c < scan.count; c++) {
      if (scan.hops[c] !== 2) continue;
      const v = scan.v[c]!;
      expect(near.has(v)).toBe(false);
      const shared = [...g.neighboursOf(u)].filter((z) => g.hasEdge(z, v));
      expect(scan.cn[c]).toBe(shared.length);
      expect(scan.ra[c]).toBeCloseTo(shared.reduce((a, z) => a + 1 / g.degree(z), 0), 12);
      const best = Math.max(0, ...shared.map((z) => Math.min(g.weight(u, z), g.weight(z, v))).filter((p) => p >= 0.2));
      expect(scan.path1[c]).toBeCloseTo(best, 12);
    }
  });
});
