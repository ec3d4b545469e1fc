/**
 * Burt's aggregate constraint: C_i = Σ_{j ∈ N(i)} ℓ(i, j), the sum of the local constraints on i from each of its
 * contacts (Burt 1992, Structural Holes, Harvard University Press, p. 54–55; Burt 2004, "Structural holes and good
 * ideas", American Journal of Sociology 110:349–399). High constraint: few contacts, all tied to one another — a
 * small, closed network; low constraint: many contacts across structural holes. Definitions as NetworkX 2.8.8's
 * `constraint` (see ego-pass.ts); NetworkX gives NaN for an isolated node, we give null.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { egoPass, nullable, resolveStructuralHolesOptions, type EgoPass, type StructuralHolesOptions } from './ego-pass.js';

/** @internal The constraint of node i from the pass: Σ ℓ over its row; NaN for an isolated node. */
export function constraintAt(g: CompactGraph, pass: EgoPass, i: number): number {
  const start = g.offsets[i]!;
  const end = g.offsets[i + 1]!;
  if (start === end) return NaN;
  const local = pass.local;
  let c = 0;
  for (let a = start; a < end; a++) c += local[a]!;
  return c;
}

/**
 * Burt's constraint of every node, by node index; null for an isolated node. Options: `weighted` (default false).
 * Use `structuralHoles` for all the measures in one pass.
 */
export function constraint(g: CompactGraph, options?: StructuralHolesOptions): (number | null)[] {
  const { weighted } = resolveStructuralHolesOptions(options);
  const pass = egoPass(g, weighted);
  const out = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) out[i] = constraintAt(g, pass, i);
  return nullable(out);
}
