/**
 * Burt's effective size: the number of an ego's contacts minus their redundancy — the non-redundant part of the ego
 * network (Burt 1992, Structural Holes, Harvard University Press, p. 52–53).
 *
 * Definitions as NetworkX 2.8.8's `effective_size`:
 * - weighted (general formula): e(u) = Σ_{v ∈ N(u)} (1 − Σ_{w ∈ N(u)} p_uw m_vw), with p and m as in ego-pass.ts;
 * - unweighted: Borgatti's simplification (1997, "Structural holes: unpacking Burt's redundancy measures",
 *   Connections 20(1):35–38), e(u) = n − 2t/n for the n contacts of u and the t ties among them.
 * Undefined (null; NetworkX: NaN) for an isolated node.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { egoPass, nullable, resolveStructuralHolesOptions, type EgoPass, type StructuralHolesOptions } from './ego-pass.js';

/** @internal The effective size of node i from the pass; NaN for an isolated node. */
export function effectiveSizeAt(g: CompactGraph, pass: EgoPass, i: number): number {
  const k = g.offsets[i + 1]! - g.offsets[i]!;
  if (k === 0) return NaN;
  return pass.redundancy === null ? k - pass.pairs[i]! / k : k - pass.redundancy[i]!;
}

/**
 * Burt's effective size of every node, by node index; null for an isolated node. Options: `weighted` (default
 * false). Use `structuralHoles` for all the measures in one pass.
 */
export function effectiveSize(g: CompactGraph, options?: StructuralHolesOptions): (number | null)[] {
  const { weighted } = resolveStructuralHolesOptions(options);
  const pass = egoPass(g, weighted);
  const out = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) out[i] = effectiveSizeAt(g, pass, i);
  return nullable(out);
}
