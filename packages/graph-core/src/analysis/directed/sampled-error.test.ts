/**
 * The error of sampled betweenness (Brandes & Pich 2007) against exact on a real network, SNAP email-Eu-core, read
 * both ways `bridgework analyze` reads it: undirected (`--edges`) and directed (`--edges --directed`). The figures in
 * docs/analysis.md are these, averaged over seeds 1–20; the tests hold seeds 1–5 to loose bounds around them.
 */
import { describe, expect, it } from '@jest/globals';
import { betweennessCentrality, sampledBetweennessCentrality } from '../centrality/index.js';
import { compactFromEdgeText } from '../../projection/edge-text.js';
import { createRng } from '../../random/index.js';
import { directedBetweenness, sampledDirectedBetweenness } from './betweenness.js';
import { directedFromEdgeText } from './directed-graph.js';
import { readRepoFile } from './reference-fixtures.testing.js';

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

/** Mean absolute error over all nodes, and mean Spearman ρ over the exact top 20, for seeds 1 … seeds. */
function sampledError(exact: Float64Array, estimate: (seed: number) => Float64Array, seeds: number): { mae: number; rho: number } {
  const n = exact.length;
  const top = Array.from(exact.keys())
    .sort((a, b) => exact[b]! - exact[a]! || a - b)
    .slice(0, 20);
  let mae = 0;
  let rho = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const est = estimate(seed);
    for (let i = 0; i < n; i++) mae += Math.abs(est[i]! - exact[i]!) / (n * seeds);
    rho += spearman(top.map((i) => exact[i]!), top.map((i) => est[i]!)) / seeds;
  }
  return { mae, rho };
}

/*
 * Measured, unweighted, mean over seeds 1–20 (createRng(seed)); top 20 = the 20 nodes of highest exact betweenness,
 * "overlap" = how many of them are also in the estimate's top 20:
 *
 *   email-Eu-core undirected (1005 nodes, 16 064 ties; mean exact value 1.5e-3)
 *     K =  50: MAE 6.0e-4, ρ(top 20) 0.73, overlap 13.8 / 20
 *     K = 100: MAE 4.8e-4, ρ(top 20) 0.85, overlap 15.6 / 20
 *     K = 500: MAE 1.9e-4, ρ(top 20) 0.97, overlap 18.2 / 20
 *   email-Eu-core directed (1005 nodes, 24 929 arcs; mean exact value 1.3e-3)
 *     K =  50: MAE 5.5e-4, ρ(top 20) 0.69, overlap 13.1 / 20
 *     K = 100: MAE 4.3e-4, ρ(top 20) 0.80, overlap 15.2 / 20
 *     K = 500: MAE 1.7e-4, ρ(top 20) 0.95, overlap 18.3 / 20
 */
const BOUNDS = new Map([
  [50, { mae: 9e-4, rho: 0.45 }],
  [100, { mae: 7e-4, rho: 0.6 }],
  [500, { mae: 3e-4, rho: 0.88 }],
]);

describe('sampled betweenness on email-Eu-core against exact', () => {
  const text = readRepoFile('fixtures/real/snap_email_eu_core/edges.tsv');

  it('estimates the undirected betweenness within the measured error for K = 50, 100 and 500', () => {
    const g = compactFromEdgeText(text, { header: true });
    const exact = betweennessCentrality(g);
    for (const [pivots, bound] of BOUNDS) {
      const { mae, rho } = sampledError(exact, (seed) => sampledBetweennessCentrality(g, { pivots, rng: createRng(seed) }), 5);
      expect(mae).toBeLessThan(bound.mae);
      expect(rho).toBeGreaterThan(bound.rho);
    }
  });

  it('estimates the directed betweenness within the measured error for K = 50, 100 and 500', () => {
    const d = directedFromEdgeText(text, { header: true });
    const exact = directedBetweenness(d);
    for (const [pivots, bound] of BOUNDS) {
      const { mae, rho } = sampledError(exact, (seed) => sampledDirectedBetweenness(d, { pivots, rng: createRng(seed) }), 5);
      expect(mae).toBeLessThan(bound.mae);
      expect(rho).toBeGreaterThan(bound.rho);
    }
  });
});
