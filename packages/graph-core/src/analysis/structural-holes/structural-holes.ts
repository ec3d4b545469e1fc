/**
 * All of Burt's structural-hole measures of every node in one pass: constraint, effective size, efficiency and
 * hierarchy (Burt 1992, Structural Holes: The Social Structure of Competition, Harvard University Press, ch. 2;
 * Borgatti 1997, Connections 20(1):35–38, for unweighted effective size). Definitions are NetworkX 2.8.8's (see
 * ego-pass.ts); hierarchy, which NetworkX lacks, is Burt's (hierarchy.ts).
 *
 * Why it matters here: a member whose few contacts all know one another (high constraint, low effective size) hears
 * the same news from everyone; the contacts that bridge structural holes are where new information — and job leads —
 * come from (Burt; Granovetter 1973).
 *
 * Cost: one listing of the graph's triangles (ego-pass.ts) — O(m · arboricity), at worst O(m^1.5) — plus O(n + m)
 * set-up and read-out; O(n + m) memory (a few arrays of 2m numbers).
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { constraintAt } from './constraint.js';
import { egoPass, nullable, resolveStructuralHolesOptions, type StructuralHolesOptions } from './ego-pass.js';
import { effectiveSizeAt } from './effective-size.js';
import { hierarchyOf } from './hierarchy.js';

/** The structural-hole measures of every node, by node index. NaN marks an undefined value. */
export interface StructuralHoles {
  /** Whether tie weights were used. */
  weighted: boolean;
  /** Burt's constraint; NaN for an isolated node. */
  constraint: Float64Array;
  /** Burt's effective size; NaN for an isolated node. */
  effectiveSize: Float64Array;
  /** Effective size / degree; NaN for an isolated node. */
  efficiency: Float64Array;
  /** Burt's hierarchy in [0, 1]; NaN for a node with fewer than two contacts. */
  hierarchy: Float64Array;
}

/** One node's measures as plain data, undefined values as null. */
export interface StructuralHolesRow {
  id: string;
  degree: number;
  constraint: number | null;
  effectiveSize: number | null;
  efficiency: number | null;
  hierarchy: number | null;
}

/**
 * Constraint, effective size, efficiency and hierarchy of every node of `g` in one pass. Options: `weighted`
 * (default false: every tie counts 1, as NetworkX's `weight=None`; true: proportional strengths from the edge
 * weights, as NetworkX's `weight=`). The arrays are indexed by node index and hold NaN where a measure is undefined
 * (isolated nodes; hierarchy also for single-contact nodes); `structuralHolesRows` gives them as plain rows with null.
 */
export function structuralHoles(g: CompactGraph, options?: StructuralHolesOptions): StructuralHoles {
  const { weighted } = resolveStructuralHolesOptions(options);
  const n = g.n;
  const pass = egoPass(g, weighted);
  const { offsets } = g;
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const efficiency = new Float64Array(n);
  const hierarchy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = offsets[i + 1]! - offsets[i]!;
    constraint[i] = constraintAt(g, pass, i);
    const e = effectiveSizeAt(g, pass, i);
    effectiveSize[i] = e;
    efficiency[i] = k === 0 ? NaN : e / k;
    hierarchy[i] = hierarchyOf(pass.local, offsets[i]!, offsets[i + 1]!);
  }
  return { weighted, constraint, effectiveSize, efficiency, hierarchy };
}

/** The result of `structuralHoles` as one plain row per node (in node-index order), NaN as null. */
export function structuralHolesRows(g: CompactGraph, holes: StructuralHoles): StructuralHolesRow[] {
  const constraint = nullable(holes.constraint);
  const effectiveSize = nullable(holes.effectiveSize);
  const efficiency = nullable(holes.efficiency);
  const hierarchy = nullable(holes.hierarchy);
  const rows = new Array<StructuralHolesRow>(g.n);
  for (let i = 0; i < g.n; i++) {
    rows[i] = {
      id: g.ids[i]!,
      degree: g.degree(i),
      constraint: constraint[i]!,
      effectiveSize: effectiveSize[i]!,
      efficiency: efficiency[i]!,
      hierarchy: hierarchy[i]!,
    };
  }
  return rows;
}
