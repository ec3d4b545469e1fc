/**
 * Burt's local (dyadic) constraint: how much ego u's investment in contact v constrains u.
 *
 * Burt (1992, Structural Holes, Harvard University Press, p. 54–55; 2004, "Structural holes and good ideas", American
 * Journal of Sociology 110:349–399): ℓ(u, v) = (p_uv + Σ_{q ∈ N(u)} p_uq p_qv)², the direct investment of u in v plus
 * the indirect investment through the contacts q that u shares with v, squared. The definitions are NetworkX's
 * `local_constraint` (NetworkX 2.8.8; p as in ego-pass.ts): p_ij = w_ij / s_i weighted, 1 / k_i unweighted. As in
 * NetworkX, u and v need not be adjacent (then the direct term is 0), and an isolated u gets 0.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { checkNode, resolveStructuralHolesOptions, type StructuralHolesOptions } from './ego-pass.js';

/** p_ij for the CSR slot `a` of row i. */
function share(g: CompactGraph, i: number, a: number, weighted: boolean): number {
  if (!weighted) return 1 / g.degree(i);
  const s = g.strengths[i]!;
  return s > 0 ? g.weights[a]! / s : 0;
}

/**
 * The local constraint ℓ(u, v) on node u from node v, over the sorted rows of u and v (a merge: O(k_u + k_v)).
 * Options as `structuralHoles` (`weighted`, default false). Throws `not-found` for a node index outside [0, n).
 */
export function localConstraint(g: CompactGraph, u: number, v: number, options?: StructuralHolesOptions): number {
  checkNode(g, u);
  checkNode(g, v);
  const { weighted } = resolveStructuralHolesOptions(options);
  const { offsets, neighbours } = g;
  const slot = g.slot(u, v);
  const direct = slot < 0 ? 0 : share(g, u, slot, weighted);
  let indirect = 0;
  let a = offsets[u]!;
  let b = offsets[v]!;
  const endA = offsets[u + 1]!;
  const endB = offsets[v + 1]!;
  while (a < endA && b < endB) {
    const x = neighbours[a]!;
    const y = neighbours[b]!;
    if (x < y) a++;
    else if (x > y) b++;
    else {
      // q = x is a contact of both: p_uq from u's row, p_qv from the weight of q–v (row v) over q's total.
      indirect += share(g, u, a, weighted) * share(g, x, b, weighted);
      a++;
      b++;
    }
  }
  const c = direct + indirect;
  return c * c;
}

/**
 * The local constraints ℓ(u, j) of every contact j of u, aligned with `g.neighboursOf(u)` (ascending node index).
 * Their sum is u's constraint. O(Σ_{q ∈ N(u)} k_q · log k_u); an isolated u gives an empty array.
 */
export function localConstraintsOf(g: CompactGraph, u: number, options?: StructuralHolesOptions): Float64Array {
  checkNode(g, u);
  const { weighted } = resolveStructuralHolesOptions(options);
  const { offsets, neighbours } = g;
  const start = offsets[u]!;
  const end = offsets[u + 1]!;
  const out = new Float64Array(end - start);
  for (let a = start; a < end; a++) {
    const q = neighbours[a]!;
    const puq = share(g, u, a, weighted);
    for (let b = offsets[q]!, stop = offsets[q + 1]!; b < stop; b++) {
      const x = g.slot(u, neighbours[b]!);
      if (x >= 0) out[x - start] = out[x - start]! + puq * share(g, q, b, weighted);
    }
  }
  for (let a = start; a < end; a++) {
    const c = share(g, u, a, weighted) + out[a - start]!;
    out[a - start] = c * c;
  }
  return out;
}
