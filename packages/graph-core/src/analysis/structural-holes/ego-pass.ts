/**
 * The shared pass behind Burt's structural-hole measures: every node's local constraints and redundancy from one
 * listing of the graph's triangles.
 *
 * Burt (1992, Structural Holes: The Social Structure of Competition, Harvard University Press, ch. 2) measures how
 * far ego i's contacts are redundant with one another. His measures rest on the proportional tie strength p_ij — the
 * share of i's network time and energy invested in contact j — and on two-step sums over the contacts q that i shares
 * with j. We use exactly NetworkX's definitions (networkx/algorithms/structuralholes.py, NetworkX 2.8.8, BSD):
 *
 * - the mutual weight of i and j is w_ij + w_ji, which for an undirected graph is 2 w_ij (1 + 1 = 2 unweighted);
 * - p_ij = mutual weight(i, j) / Σ_x mutual weight(i, x) = w_ij / s_i (1 / k_i unweighted; 0 when s_i = 0);
 * - m_ji = mutual weight(j, i) / max_x mutual weight(j, x) = w_ij / max_x w_jx (0 when that maximum is 0);
 * - local constraint ℓ(i, j) = (p_ij + Σ_q p_iq p_qj)²;
 * - redundancy of i's network (weighted effective size): R_i = Σ_{j ∈ N(i)} Σ_{q ∈ N(i)} p_iq m_jq.
 *
 * Every two-step term needs q tied to both i and j: it belongs to the triangle {i, q, j}, and each triangle feeds six
 * indirect terms (two per corner), six redundancy terms and the tied-contact-pair counts of its three corners. So
 * instead of scanning every contact's row for every ego — O(Σ_i k_i²), quadratic in a hub's degree — we list each
 * triangle once with the "forward" algorithm over the degree ordering (Schank & Wagner 2005; Latapy 2008; see
 * ../structure/triangles.ts): O(m · a(G)) for arboricity a(G) — O(m^1.5) at worst, and close to O(m) on sparse social
 * networks — plus O(n + m) for the set-up. Each triangle adds into per-CSR-slot accumulators, reaching the mirror slot
 * of an edge through a precomputed twin array.
 */
import { BridgeworkError } from '../../errors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { forwardRows, twinSlots } from '../structure/triangles.js';

/** Options of the structural-hole measures. */
export interface StructuralHolesOptions {
  /**
   * Use the edge weights (tie strengths) as NetworkX does with `weight=`: p_ij = w_ij / s_i, and effective size by
   * Burt's general redundancy formula. When false (the default, as NetworkX's `weight=None`), every tie counts 1 —
   * p_ij = 1 / k_i — and effective size takes Borgatti's (1997) shortcut k − 2t/k.
   */
  weighted?: boolean;
}

/** Defaults of `StructuralHolesOptions`: unweighted, as NetworkX's default `weight=None`. */
export const DEFAULT_STRUCTURAL_HOLES_OPTIONS: Readonly<Required<StructuralHolesOptions>> = Object.freeze({ weighted: false });

/** @internal Resolve and check the options. */
export function resolveStructuralHolesOptions(options: StructuralHolesOptions | undefined): Required<StructuralHolesOptions> {
  const weighted = options?.weighted ?? DEFAULT_STRUCTURAL_HOLES_OPTIONS.weighted;
  if (typeof weighted !== 'boolean') {
    throw new BridgeworkError('validation', `graph-core/structural-holes: weighted must be true or false, not ${JSON.stringify(weighted)}`);
  }
  return { weighted };
}

/** @internal The result of the pass: what every measure is computed from. */
export interface EgoPass {
  readonly weighted: boolean;
  /** ℓ(i, j) at the CSR slot of j in row i (aligned with `neighbours`). */
  readonly local: Float64Array;
  /** Per node: ordered pairs of its contacts that are tied to each other, 2t for t ties among the contacts. */
  readonly pairs: Float64Array;
  /** Weighted only, per node: Burt's redundancy R_i (see the header); null unweighted. */
  readonly redundancy: Float64Array | null;
}

/** @internal Run the pass over `g`. O(n + m) memory: a few arrays of 2m numbers, freed but `local`. */
export function egoPass(g: CompactGraph, weighted: boolean): EgoPass {
  const { n, offsets, neighbours, weights, strengths } = g;
  const slots = offsets[n]!;

  // p per slot, and m per slot when weighted (normalised by the column node's largest weight).
  const p = new Float64Array(slots);
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    if (weighted) {
      const s = strengths[i]!;
      if (s > 0) for (let a = start; a < end; a++) p[a] = weights[a]! / s;
    } else {
      const share = 1 / (end - start);
      for (let a = start; a < end; a++) p[a] = share;
    }
  }
  let m: Float64Array | null = null;
  let redundancy: Float64Array | null = null;
  if (weighted) {
    const maxWeight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let a = offsets[i]!, end = offsets[i + 1]!; a < end; a++) if (weights[a]! > best) best = weights[a]!;
      maxWeight[i] = best;
    }
    m = new Float64Array(slots);
    for (let a = 0; a < slots; a++) {
      const top = maxWeight[neighbours[a]!]!;
      m[a] = top > 0 ? weights[a]! / top : 0;
    }
    redundancy = new Float64Array(n);
  }

  const twin = twinSlots(g);
  const { outOffsets, outSlots } = forwardRows(g);
  const indirect = new Float64Array(slots);
  const triangles = new Float64Array(n);
  // mark[v] = slot of v in row u while u's out-neighbours are marked, else −1.
  const mark = new Int32Array(n).fill(-1);

  for (let u = 0; u < n; u++) {
    const outStart = outOffsets[u]!;
    const outEnd = outOffsets[u + 1]!;
    if (outEnd - outStart < 2) continue;
    for (let x = outStart; x < outEnd; x++) {
      const a = outSlots[x]!;
      mark[neighbours[a]!] = a;
    }
    for (let x = outStart; x < outEnd; x++) {
      const a = outSlots[x]!; // u → q
      const q = neighbours[a]!;
      for (let y = outOffsets[q]!, yEnd = outOffsets[q + 1]!; y < yEnd; y++) {
        const b = outSlots[y]!; // q → v
        const v = neighbours[b]!;
        const c = mark[v]!; // u → v
        if (c < 0) continue;
        // Triangle {u, q, v}: slots a = (u,q), b = (q,v), c = (u,v) and their twins.
        const a2 = twin[a]!;
        const b2 = twin[b]!;
        const c2 = twin[c]!;
        const puq = p[a]!;
        const pqu = p[a2]!;
        const pqv = p[b]!;
        const pvq = p[b2]!;
        const puv = p[c]!;
        const pvu = p[c2]!;
        indirect[c] = indirect[c]! + puq * pqv; // ego u, contact v, through q
        indirect[a] = indirect[a]! + puv * pvq; // ego u, contact q, through v
        indirect[b] = indirect[b]! + pqu * puv; // ego q, contact v, through u
        indirect[a2] = indirect[a2]! + pqv * pvu; // ego q, contact u, through v
        indirect[c2] = indirect[c2]! + pvq * pqu; // ego v, contact u, through q
        indirect[b2] = indirect[b2]! + pvu * puq; // ego v, contact q, through u
        triangles[u] = triangles[u]! + 1;
        triangles[q] = triangles[q]! + 1;
        triangles[v] = triangles[v]! + 1;
        if (m !== null) {
          // R_i gains p_iq m_jq for each ordered pair (j, q) of tied contacts; m_jq sits at slot (q, j).
          redundancy![u] = redundancy![u]! + puq * m[b]! + puv * m[b2]!;
          redundancy![q] = redundancy![q]! + pqu * m[c]! + pqv * m[c2]!;
          redundancy![v] = redundancy![v]! + pvu * m[a]! + pvq * m[a2]!;
        }
      }
    }
    for (let x = outStart; x < outEnd; x++) mark[neighbours[outSlots[x]!]!] = -1;
  }

  // ℓ = (p + indirect)², in place; pairs = 2t.
  for (let a = 0; a < slots; a++) {
    const c = p[a]! + indirect[a]!;
    indirect[a] = c * c;
  }
  for (let i = 0; i < n; i++) triangles[i] = 2 * triangles[i]!;
  return { weighted, local: indirect, pairs: triangles, redundancy };
}

/** @internal Throw unless `u` is a node index of `g`. */
export function checkNode(g: CompactGraph, u: number): void {
  if (!(u >>> 0 === u && u < g.n)) throw new BridgeworkError('not-found', `graph-core/structural-holes: no node ${u} in a graph of ${g.n}`);
}

/** NaN → null, for plain-data output (NaN marks an undefined value, e.g. the constraint of an isolated node). */
export function nullable(values: ArrayLike<number>): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = Number.isNaN(v) ? null : v;
  }
  return out;
}
