import { describe, expect, it } from '@jest/globals';
import { compactFromEdgeList } from '../../projection/compact-graph.js';
import { createRng } from '../../random/index.js';
import {
  betweennessCentrality,
  closenessCentrality,
  pathCentralities,
  sampledBetweennessCentrality,
  sampledClosenessCentrality,
} from './index.js';
import { loadReference, loadReferenceGraph, referenceNetworks } from './reference-fixtures.testing.js';

/** An rng that always returns 0: the partial Fisher–Yates then keeps the first K candidates in order. */
const firstPicks = () => 0;

/** Spearman's rank correlation (no ties expected in the values compared). */
function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const rank = (xs: ArrayLike<number>) => {
    const idx = Array.from({ length: xs.length }, (_, i) => i).sort((i, j) => xs[i]! - xs[j]!);
    const r = new Float64Array(xs.length);
    idx.forEach((node, k) => (r[node] = k));
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const mean = (a.length - 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (ra[i]! - mean) * (rb[i]! - mean);
    saa += (ra[i]! - mean) ** 2;
    sbb += (rb[i]! - mean) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('betweenness and closeness from the same searches', () => {
  it('give exactly the separate exact measures on every reference network, unweighted and weighted', () => {
    for (const network of referenceNetworks()) {
      const graph = loadReferenceGraph(loadReference(network));
      for (const weighted of [false, true]) {
        const both = pathCentralities(graph, { weighted });
        expect(both.pivots).toBe(graph.n);
        expect(both.closenessExtraSources).toBe(0);
        expect(Array.from(both.betweenness)).toEqual(Array.from(betweennessCentrality(graph, { weighted })));
        expect(Array.from(both.closeness)).toEqual(Array.from(closenessCentrality(graph, { weighted })));
      }
    }
  });

  it('match NetworkX exact betweenness and closeness on every node with K ≥ n pivots', () => {
    for (const network of referenceNetworks()) {
      const ref = loadReference(network);
      const graph = loadReferenceGraph(ref);
      for (const weighted of [false, true]) {
        for (const pivots of [graph.n, graph.n + 7]) {
          const both = pathCentralities(graph, { weighted, pivots, rng: createRng(3) });
          const alone = sampledClosenessCentrality(graph, { weighted, pivots, rng: createRng(3) });
          const off: string[] = [];
          for (const node of ref.nodes) {
            const i = graph.indexOf(node.id);
            const b = weighted ? node.betweenness_weighted : node.betweenness;
            const c = weighted ? node.closeness_weighted : node.closeness;
            if (!(Math.abs(both.betweenness[i]! - b) <= 1e-9)) off.push(`${network} ${node.id} betweenness ${both.betweenness[i]} ≠ ${b}`);
            if (!(Math.abs(both.closeness[i]! - c) <= 1e-9)) off.push(`${network} ${node.id} closeness ${both.closeness[i]} ≠ ${c}`);
            if (!(Math.abs(alone[i]! - c) <= 1e-9)) off.push(`${network} ${node.id} sampled closeness ${alone[i]} ≠ ${c}`);
          }
          expect(off).toEqual([]);
        }
      }
    }
  });

  it('give pivots their exact closeness and other nodes the mean distance to the pivots of their component', () => {
    // Path a–b–c–d–e, path f–g–h and the isolated i: n = 9. Pivots a and b (an rng of zeros keeps the first two).
    const g = compactFromEdgeList(
      [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['f', 'g'], ['g', 'h']].map(([source, target]) => ({ source: source!, target: target! })),
      { nodes: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] },
    );
    const r = pathCentralities(g, { pivots: 2, rng: firstPicks });
    const c = Object.fromEntries(g.ids.map((id, i) => [id, r.closeness[i]!]));
    const wf5 = 4 / 8; // (r − 1)/(n − 1) for the 5-node component
    const wf3 = 2 / 8;
    expect(c['a']).toBeCloseTo((4 / 10) * wf5, 15); // pivots: exact, 4 / (1 + 2 + 3 + 4)
    expect(c['b']).toBeCloseTo((4 / 7) * wf5, 15);
    expect(c['c']).toBeCloseTo((1 / 1.5) * wf5, 15); // mean distance to the pivots: (2 + 1) / 2
    expect(c['d']).toBeCloseTo((1 / 2.5) * wf5, 15);
    expect(c['e']).toBeCloseTo((1 / 3.5) * wf5, 15);
    // No pivot fell in f–g–h: it gets ⌈K·r/n⌉ = ⌈2·3/9⌉ = 1 pivot of its own, its least node f.
    expect(r.closenessExtraSources).toBe(1);
    expect(c['f']).toBeCloseTo((2 / 3) * wf3, 15);
    expect(c['g']).toBeCloseTo((1 / 1) * wf3, 15);
    expect(c['h']).toBeCloseTo((1 / 2) * wf3, 15);
    expect(c['i']).toBe(0);
    // Without the Wasserman–Faust factor, the plain reciprocal mean distances.
    const plain = pathCentralities(g, { pivots: 2, rng: firstPicks, wfImproved: false }).closeness;
    expect(plain[g.indexOf('e')]).toBeCloseTo(1 / 3.5, 15);
    // Betweenness from the two pivots, scaled by n/K as sampled betweenness alone.
    expect(Array.from(r.betweenness)).toEqual(Array.from(sampledBetweennessCentrality(g, { pivots: 2, rng: firstPicks })));
  });

  it('estimate netscience closeness from K pivots within the measured error, the same from either entry point', () => {
    /*
     * Measured (unweighted, seeds 1–20): against exact closeness (mean 1.4e-2; 1461 nodes in 268 components, so
     * ~100–250 closeness-only pivots are drawn in components the K pivots missed):
     *   K =  50: MAE 1.2e-3, mean relative error 10%, Spearman's ρ over all nodes 0.989
     *   K = 500: MAE 2.4e-4, mean relative error 3.1%, ρ 0.996
     * (On the 10 000-node, 100 000-tie benchmark graph, one component: K = 500 gives 0.5% mean relative error.)
     */
    const graph = loadReferenceGraph(loadReference('netscience_coauthorship'));
    const exact = closenessCentrality(graph);
    for (const [pivots, bound] of [
      [50, { mae: 1.6e-3, rho: 0.98 }],
      [500, { mae: 3.5e-4, rho: 0.99 }],
    ] as const) {
      let mae = 0;
      let rho = 0;
      const seeds = 5;
      for (let seed = 1; seed <= seeds; seed++) {
        const both = pathCentralities(graph, { pivots, rng: createRng(seed) });
        expect(Array.from(sampledClosenessCentrality(graph, { pivots, rng: createRng(seed) }))).toEqual(Array.from(both.closeness));
        expect(both.closenessExtraSources).toBeGreaterThan(0);
        for (let i = 0; i < graph.n; i++) mae += Math.abs(both.closeness[i]! - exact[i]!) / (graph.n * seeds);
        rho += spearman(exact, both.closeness) / seeds;
      }
      expect(mae).toBeLessThan(bound.mae);
      expect(rho).toBeGreaterThan(bound.rho);
    }
  });

  it('estimate weighted closeness (length 1/weight) the same way', () => {
    // Measured, seeds 1–5: MAE 6.4e-4 (K = 50) and 1.2e-4 (K = 500) against exact weighted closeness (mean 7.1e-3).
    const graph = loadReferenceGraph(loadReference('netscience_coauthorship'));
    const exact = closenessCentrality(graph, { weighted: true });
    for (const [pivots, bound] of [
      [50, 9e-4],
      [500, 2e-4],
    ] as const) {
      let mae = 0;
      for (let seed = 1; seed <= 5; seed++) {
        const both = pathCentralities(graph, { weighted: true, pivots, rng: createRng(seed) });
        const alone = sampledClosenessCentrality(graph, { weighted: true, pivots, rng: createRng(seed) });
        expect(Array.from(alone)).toEqual(Array.from(both.closeness));
        for (let i = 0; i < graph.n; i++) mae += Math.abs(both.closeness[i]! - exact[i]!) / (graph.n * 5);
      }
      expect(mae).toBeLessThan(bound);
    }
  });

  it('report progress every ~1% of the searches, ending with the total', () => {
    const graph = loadReferenceGraph(loadReference('netscience_coauthorship'));
    const calls: Array<[number, number]> = [];
    const record = (done: number, total: number) => calls.push([done, total]);
    const check = (total: number) => {
      expect(calls.length).toBeGreaterThanOrEqual(50);
      expect(calls.length).toBeLessThanOrEqual(101);
      expect(calls.every(([, t]) => t === total)).toBe(true);
      expect(calls.every(([d], k) => k === 0 || d > calls[k - 1]![0])).toBe(true);
      expect(calls.at(-1)).toEqual([total, total]);
      calls.length = 0;
    };
    betweennessCentrality(graph, { onProgress: record });
    check(graph.n);
    closenessCentrality(graph, { weighted: true, onProgress: record });
    check(graph.n);
    sampledBetweennessCentrality(graph, { pivots: 300, rng: createRng(1), onProgress: record });
    check(300);
    const both = pathCentralities(graph, { pivots: 300, rng: createRng(1), onProgress: record });
    check(300 + both.closenessExtraSources);
  });
});
