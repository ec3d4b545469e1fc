/**
 * Directed modularity of a partition (Leicht & Newman 2008, "Community structure in directed networks", Phys. Rev.
 * Lett. 100:118703; Arenas, Duch, Fernández & Gómez 2007, "Size reduction of complex networks preserving
 * modularity", New J. Phys. 9:176), with a resolution γ (Reichardt & Bornholdt 2006, Phys. Rev. E 74:016110):
 *
 *   Q = Σ_c [ L_c / m − γ · K_c^out K_c^in / m² ],
 *
 * where m is the total arc weight, L_c the weight of the arcs inside community c, and K_c^out, K_c^in the sums of
 * the out- and in-strengths of its nodes — the share of arc weight inside communities minus its expectation when arcs
 * are rewired keeping every node's in- and out-strength. The same sum as NetworkX 2.8.8's
 * `community.modularity(G, communities, weight, resolution)` on a DiGraph (tested against it).
 *
 * Used to score, under the directed definition, the communities that `analyzeDirectedNetwork` finds with Louvain on
 * the symmetrised graph. O(n + m).
 */
import type { DirectedCompactGraph } from './directed-graph.js';
import { checkBoolean, invalid, withDefaults } from './internals.js';

/** Options of `directedModularity`. */
export interface DirectedModularityOptions {
  /** Resolution γ ≥ 0 (default 1). */
  resolution?: number;
  /** Use the arc weights (default true, as NetworkX's weight="weight"); false counts every arc 1. */
  weighted?: boolean;
}

/** Defaults of `directedModularity`. */
export const DIRECTED_MODULARITY_DEFAULTS: Readonly<Required<DirectedModularityOptions>> = Object.freeze({ resolution: 1, weighted: true });

/**
 * The directed modularity of the partition `membership` (community of each node by index: non-negative integers, not
 * necessarily consecutive). NaN when the graph has no arc weight (modularity undefined; NetworkX divides by zero).
 * Throws a validation error for a membership of the wrong length or with a value that is not a non-negative integer,
 * or a resolution that is not a finite number ≥ 0.
 */
export function directedModularity(d: DirectedCompactGraph, membership: ArrayLike<number>, options: DirectedModularityOptions = {}): number {
  const { resolution, weighted } = withDefaults(DIRECTED_MODULARITY_DEFAULTS, options);
  checkBoolean('weighted', weighted);
  if (!(resolution >= 0 && resolution < Infinity)) invalid(`resolution must be a finite number ≥ 0, not ${String(resolution)}`);
  const n = d.n;
  if (membership.length !== n) invalid(`membership has ${membership.length} entries for ${n} nodes`);
  // Dense labels 0 … k − 1.
  const labels = new Int32Array(n);
  const dense = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = membership[i]!;
    if (!(Number.isInteger(c) && c >= 0)) invalid(`membership[${i}] = ${String(c)} is not a non-negative integer`);
    let k = dense.get(c);
    if (k === undefined) {
      k = dense.size;
      dense.set(c, k);
    }
    labels[i] = k;
  }
  const k = dense.size;
  const inside = new Float64Array(k);
  const outSum = new Float64Array(k);
  const inSum = new Float64Array(k);
  const { outOffsets, outNeighbours, outWeights } = d;
  let m = 0;
  for (let u = 0; u < n; u++) {
    const cu = labels[u]!;
    let out = 0;
    for (let p = outOffsets[u]!, end = outOffsets[u + 1]!; p < end; p++) {
      const v = outNeighbours[p]!;
      const w = weighted ? outWeights[p]! : 1;
      out += w;
      inSum[labels[v]!]! += w;
      if (labels[v] === cu) inside[cu]! += w;
    }
    outSum[cu]! += out;
    m += out;
  }
  if (!(m > 0)) return NaN;
  let q = 0;
  for (let c = 0; c < k; c++) q += inside[c]! / m - (resolution * outSum[c]! * inSum[c]!) / (m * m);
  return q;
}
