/**
 * Burt's hierarchy: how far an ego's constraint is concentrated on a single contact.
 *
 * Burt (1992, Structural Holes: The Social Structure of Competition, Harvard University Press, p. 71) — the measure
 * UCINET's structural-holes routine and Burt's STRUCTURE program report as "Hierarchy" — is a Coleman–Theil
 * disorder index of the local constraints c_ij = ℓ(i, j) over ego i's N contacts:
 *
 *   H_i = Σ_j (c_ij / (C/N)) ln(c_ij / (C/N)) / (N ln N),   C = Σ_j c_ij (i's constraint),
 *
 * 0 when the constraint is spread evenly over the contacts and 1 when it all comes from one contact. NetworkX has no
 * hierarchy; the local constraints here are NetworkX's (see local-constraint.ts). Conventions, documented because
 * the formula does not settle them:
 * - a term with c_ij = 0 counts 0 (the limit x ln x → 0);
 * - N = 1: N ln N = 0 and the index is 0/0 — a single contact has no distribution to be uneven, so H is undefined
 *   (null), as UCINET reports undefined measures as missing by default; isolated nodes (N = 0) are null too;
 * - C = 0 (possible only weighted, when every tie of i has weight 0): nothing is concentrated, H = 0.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { egoPass, nullable, resolveStructuralHolesOptions, type StructuralHolesOptions } from './ego-pass.js';

/**
 * Burt's hierarchy of one ego from the local constraints of its contacts, `local[start..end)` (default: all of
 * `local`). NaN for fewer than two contacts (undefined; see the header), 0 when they sum to 0.
 */
export function hierarchyOf(local: ArrayLike<number>, start = 0, end = local.length): number {
  const n = end - start;
  if (n < 2) return NaN;
  let total = 0;
  for (let j = start; j < end; j++) total += local[j]!;
  if (!(total > 0)) return 0;
  const mean = total / n;
  let h = 0;
  for (let j = start; j < end; j++) {
    const r = local[j]! / mean;
    if (r > 0) h += r * Math.log(r);
  }
  // Rounding can take an even spread a hair below 0.
  h /= n * Math.log(n);
  return h < 0 ? 0 : h;
}

/**
 * Burt's hierarchy of every node, by node index; null for nodes with fewer than two contacts. Options: `weighted`
 * (default false). Use `structuralHoles` for all the measures in one pass.
 */
export function hierarchy(g: CompactGraph, options?: StructuralHolesOptions): (number | null)[] {
  const { weighted } = resolveStructuralHolesOptions(options);
  const pass = egoPass(g, weighted);
  const out = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) out[i] = hierarchyOf(pass.local, g.offsets[i]!, g.offsets[i + 1]!);
  return nullable(out);
}
