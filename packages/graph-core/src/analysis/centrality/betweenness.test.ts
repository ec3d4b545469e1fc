import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../../errors.js';
import { compactFromEdgeList, compactFromEdges } from '../../projection/compact-graph.js';
import { createRng } from '../../random/index.js';
import { betweennessCentrality, rankNodes, sampledBetweennessCentrality } from './index.js';
import { loadReference, loadReferenceGraph } from './reference-fixtures.testing.js';

const edges = (pairs: Array<[string, string, number?]>, nodes: string[] = []) =>
  compactFromEdgeList(
    pairs.map(([source, target, weight]) => (weight === undefined ? { source, target } : { source, target, weight })),
    { nodes },
  );

/** Scores by id, for readable expectations. */
const byId = (ids: readonly string[], scores: Float64Array) => Object.fromEntries(ids.map((id, i) => [id, scores[i]!]));

/** Average ranks (ties share the mean rank), 1-based. */
function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const r = new Array<number>(xs.length).fill(0);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && xs[idx[j + 1]!] === xs[idx[i]!]) j++;
    for (let k = i; k <= j; k++) r[idx[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation: Pearson's correlation of the average ranks. */
function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (ra.length + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < ra.length; i++) {
    sab += (ra[i]! - mean) * (rb[i]! - mean);
    saa += (ra[i]! - mean) ** 2;
    sbb += (rb[i]! - mean) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('exact betweenness', () => {
  it('gives the middle of a three-node path every path between the ends', () => {
    const g = edges([['a', 'b'], ['b', 'c']]);
    for (const normalized of [true, false]) {
      const b = byId(g.ids, betweennessCentrality(g, { normalized }));
      expect(b['a']).toBe(0);
      expect(b['b']).toBeCloseTo(1, 12);
      expect(b['c']).toBe(0);
    }
  });

  it('gives the centre of a star the C(4, 2) = 6 pairs of its leaves, normalised to 1', () => {
    const g = edges([['c', '1'], ['c', '2'], ['c', '3'], ['c', '4']]);
    const raw = betweennessCentrality(g, { normalized: false });
    expect(raw[g.indexOf('c')]).toBeCloseTo(6, 12);
    expect(betweennessCentrality(g)[g.indexOf('c')]).toBeCloseTo(1, 12);
    expect(raw[g.indexOf('1')]).toBe(0);
  });

  it('splits equal shortest paths and counts only pairs within a component (NetworkX values)', () => {
    // A 4-cycle, a 3-path and an isolated node (n = 8); values from networkx 2.8.8.
    const g = edges([['0', '1'], ['1', '2'], ['2', '3'], ['3', '0'], ['5', '6'], ['6', '7']], ['9']);
    const b = byId(g.ids, betweennessCentrality(g));
    const raw = byId(g.ids, betweennessCentrality(g, { normalized: false }));
    for (const id of ['0', '1', '2', '3']) {
      expect(raw[id]).toBeCloseTo(0.5, 12);
      expect(b[id]).toBeCloseTo(0.023809523809523808, 15);
    }
    expect(raw['6']).toBeCloseTo(1, 12);
    expect(b['6']).toBeCloseTo(0.047619047619047616, 15);
    expect(b['9']).toBe(0);
  });

  it('walks a strong tie as a short step: weighted paths take length 1/weight', () => {
    const g = edges([['a', 'b', 1], ['b', 'c', 1], ['a', 'c', 0.4]]);
    expect(betweennessCentrality(g)[g.indexOf('b')]).toBe(0);
    expect(betweennessCentrality(g, { weighted: true })[g.indexOf('b')]).toBeCloseTo(1, 12);
  });

  it('decides equal weighted path lengths exactly in floating point, as NetworkX does', () => {
    // Lengths 0.1 and 0.2 via b; fl(0.1 + 0.2) = 0.30000000000000004. NetworkX: b = 0 when the direct tie has length
    // 0.3 (shorter), b = 0.5 when it has length 0.30000000000000004 (an exact tie).
    const shorter = edges([['a', 'b', 10], ['b', 'c', 5], ['a', 'c', 10 / 3]]);
    expect(betweennessCentrality(shorter, { weighted: true })[shorter.indexOf('b')]).toBe(0);
    const tied = edges([['a', 'b', 10], ['b', 'c', 5], ['a', 'c', 1 / (0.1 + 0.2)]]);
    expect(betweennessCentrality(tied, { weighted: true })[tied.indexOf('b')]).toBeCloseTo(0.5, 15);
  });

  it('never walks a zero-weight tie in the weighted measure', () => {
    const g = edges([['a', 'b', 1], ['b', 'c', 1], ['a', 'c', 0]]);
    expect(betweennessCentrality(g)[g.indexOf('b')]).toBe(0);
    expect(betweennessCentrality(g, { weighted: true })[g.indexOf('b')]).toBeCloseTo(1, 12);
  });

  it('returns zeros for graphs of two nodes or fewer, and an empty array for the empty graph', () => {
    expect(Array.from(betweennessCentrality(edges([['a', 'b']])))).toEqual([0, 0]);
    expect(betweennessCentrality(compactFromEdges([], [], null, 0))).toHaveLength(0);
    expect(Array.from(betweennessCentrality(compactFromEdges([], [], null, 1), { weighted: true }))).toEqual([0]);
  });

  it('finds the Medici the top broker among the Florentine families, in both versions of the network', () => {
    const marriage = loadReferenceGraph(loadReference('nx_florentine_families'));
    const top = rankNodes(marriage, betweennessCentrality(marriage), 3);
    expect(top[0]!.id).toBe('Medici');
    expect(top[0]!.score).toBeCloseTo(0.521978021978022, 12);
    expect(top[0]!.score).toBeGreaterThan(2 * top[1]!.score);
    const merged = loadReferenceGraph(loadReference('padgett_florentine_marriage_business'));
    expect(rankNodes(merged, betweennessCentrality(merged), 1)[0]!.id).toBe('MEDICI');
  });
});

describe('sampled betweenness (Brandes–Pich pivots)', () => {
  const karate = loadReferenceGraph(loadReference('nx_karate_club'));
  const netscience = loadReferenceGraph(loadReference('netscience_coauthorship'));

  it('is deterministic for a seed and changes with the seed', () => {
    const a = sampledBetweennessCentrality(netscience, { pivots: 50, rng: createRng(7) });
    const b = sampledBetweennessCentrality(netscience, { pivots: 50, rng: createRng(7) });
    const c = sampledBetweennessCentrality(netscience, { pivots: 50, rng: createRng(8) });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('gives the exact values when every node is a pivot (K ≥ n), weighted or not', () => {
    for (const weighted of [false, true]) {
      const exact = betweennessCentrality(karate, { weighted });
      for (const pivots of [karate.n, karate.n + 100]) {
        const all = sampledBetweennessCentrality(karate, { pivots, rng: createRng(1), weighted });
        for (let i = 0; i < karate.n; i++) expect(all[i]).toBeCloseTo(exact[i]!, 12);
      }
    }
  });

  it('is an unbiased estimate: the mean of many samples approaches the exact values', () => {
    const exact = betweennessCentrality(karate);
    const mean = new Float64Array(karate.n);
    const runs = 400;
    for (let seed = 0; seed < runs; seed++) {
      const est = sampledBetweennessCentrality(karate, { pivots: 5, rng: createRng(seed) });
      for (let i = 0; i < karate.n; i++) mean[i]! += est[i]! / runs;
    }
    // One 5-pivot estimate is off by 0.013 on average (MAE); the mean of 400 by about 1/20 of that.
    let mae = 0;
    for (let i = 0; i < karate.n; i++) mae += Math.abs(mean[i]! - exact[i]!) / karate.n;
    expect(mae).toBeLessThan(2e-3);
  });

  /*
   * Error against exact betweenness (normalised values), unweighted, mean over seeds 1–20 (createRng(seed)); the
   * top 20 are the 20 nodes of highest exact betweenness, ρ is Spearman's correlation of their exact and estimated
   * values; "overlap" counts how many of them are also in the estimate's top 20. Weighted results are within 10%.
   *
   *   netscience (n = 1461 in the edge list, 2742 ties; mean exact value 2.4e-4)
   *     K =  50: MAE 1.0e-4, ρ(top 20) 0.88, overlap 16.4 / 20
   *     K = 100: MAE 7.3e-5, ρ(top 20) 0.93, overlap 17.4 / 20
   *     K = 500: MAE 2.7e-5, ρ(top 20) 0.98, overlap 19.3 / 20
   *   karate (n = 34; mean exact value 0.044): K = 50, 100, 500 exceed n, so every node is a pivot: exact (MAE 0, ρ 1).
   *     K =   5: MAE 1.3e-2, ρ(top 20) 0.95;  K = 10: MAE 9.2e-3, ρ 0.96;  K = 20: MAE 5.6e-3, ρ 0.98
   *
   * The test below holds seeds 1–5 to loose bounds around these figures.
   */
  it('estimates netscience betweenness within the measured error for K = 50, 100 and 500', () => {
    const exact = betweennessCentrality(netscience);
    const top = Array.from(exact.keys())
      .sort((a, b) => exact[b]! - exact[a]! || a - b)
      .slice(0, 20);
    const bounds = new Map([
      [50, { mae: 1.6e-4, rho: 0.7 }],
      [100, { mae: 1.1e-4, rho: 0.8 }],
      [500, { mae: 4.5e-5, rho: 0.93 }],
    ]);
    for (const [pivots, bound] of bounds) {
      let mae = 0;
      let rho = 0;
      const seeds = 5;
      for (let seed = 1; seed <= seeds; seed++) {
        const est = sampledBetweennessCentrality(netscience, { pivots, rng: createRng(seed) });
        for (let i = 0; i < netscience.n; i++) mae += Math.abs(est[i]! - exact[i]!) / (netscience.n * seeds);
        rho += spearman(top.map((i) => exact[i]!), top.map((i) => est[i]!)) / seeds;
      }
      expect(mae).toBeLessThan(bound.mae);
      expect(rho).toBeGreaterThan(bound.rho);
    }
  });

  it('refuses a pivot count that is not a positive integer, or a missing rng', () => {
    const rng = createRng(1);
    expect(() => sampledBetweennessCentrality(karate, { pivots: 0, rng })).toThrow(BridgeworkError);
    expect(() => sampledBetweennessCentrality(karate, { pivots: 2.5, rng })).toThrow(/positive integer/);
    expect(() => sampledBetweennessCentrality(karate, { pivots: 5 } as never)).toThrow(/rng/);
  });
});
