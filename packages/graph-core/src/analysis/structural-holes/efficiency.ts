/**
 * Burt's efficiency: effective size divided by the number of contacts (Burt 1992, Structural Holes, Harvard
 * University Press, p. 53) — the share of a network that is not redundant, 1 when no two contacts are tied. As the
 * NetworkX 2.8.8 documentation of `effective_size` computes it: effective size / degree. Null for an isolated node.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { egoPass, nullable, resolveStructuralHolesOptions, type EgoPass, type StructuralHolesOptions } from './ego-pass.js';
import { effectiveSizeAt } from './effective-size.js';

/** @internal The efficiency of node i from the pass; NaN for an isolated node. */
export function efficiencyAt(g: CompactGraph, pass: EgoPass, i: number): number {
  const k = g.offsets[i + 1]! - g.offsets[i]!;
  return k === 0 ? NaN : effectiveSizeAt(g, pass, i) / k;
}

/**
 * Burt's efficiency of every node, by node index; null for an isolated node. Options: `weighted` (default false).
 * Use `structuralHoles` for all the measures in one pass.
 */
export function efficiency(g: CompactGraph, options?: StructuralHolesOptions): (number | null)[] {
  const { weighted } = resolveStructuralHolesOptions(options);
  const pass = egoPass(g, weighted);
  const out = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) out[i] = efficiencyAt(g, pass, i);
  return nullable(out);
}
