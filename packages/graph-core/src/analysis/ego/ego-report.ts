/**
 * A person's ego network at a glance — what a coach looks at to see how closed or open someone's network is:
 * its size and density (Marsden 1990, "Network data and measurement", Annu. Rev. Sociol. 16:435), Burt's (1992)
 * effective size and constraint, the distinct sectors and communities reached within one and two steps, and the steps
 * to the nearest organisation of each sector (breadth-first search from the person).
 */
import { SIC_SECTION_LETTERS, type SicSection } from '../../model/sectors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';
import type { NodeFacts } from '../reach/node-facts.js';

export interface EgoReportOptions {
  facts: NodeFacts;
  /** Community of each node (as from Louvain/Leiden). */
  communities: ArrayLike<number>;
  /** Precomputed Burt measures per node (NaN or null for isolates); left out of the report when not given. */
  constraint?: ArrayLike<number | null>;
  effectiveSize?: ArrayLike<number | null>;
  /** How far to look for the nearest organisation of each sector (default 6 steps). */
  maxSteps?: number;
}

export const DEFAULT_EGO_MAX_STEPS = 6;

export interface EgoReport {
  id: string;
  /** Number of contacts. */
  size: number;
  /** Ties among the contacts over the possible ones, k(k − 1)/2; null with fewer than two contacts. */
  density: number | null;
  effectiveSize: number | null;
  constraint: number | null;
  community: number;
  /** Sectors of the organisations reached within one / two steps, A–U order. */
  sectors: { oneStep: SicSection[]; twoSteps: SicSection[] };
  /** Distinct communities of the nodes within one / two steps (the person's own included when reached). */
  communities: { oneStep: number[]; twoSteps: number[] };
  /** Steps to the nearest organisation of each sector present in the graph; null beyond `maxSteps` or unreachable. */
  stepsToSector: Partial<Record<SicSection, number | null>>;
}

const toNullable = (v: number | null | undefined): number | null =>
  v === null || v === undefined || Number.isNaN(v) ? null : v;

/** The ego report of node `u` of `g`. */
export function egoReport(g: CompactGraph, u: number, options: EgoReportOptions): EgoReport {
  const { offsets, neighbours } = g;
  const { facts, communities } = options;
  const maxSteps = options.maxSteps ?? DEFAULT_EGO_MAX_STEPS;
  const start = offsets[u]!;
  const end = offsets[u + 1]!;
  const k = end - start;

  // Density: ties among the contacts (each pair looked up by binary search in the sorted rows).
  let among = 0;
  for (let a = start; a < end; a++) {
    const v = neighbours[a]!;
    for (let b = a + 1; b < end; b++) if (g.hasEdge(v, neighbours[b]!)) among++;
  }

  // Breadth-first search from u up to maxSteps, noting sectors and communities by distance.
  const dist = new Map<number, number>([[u, 0]]);
  const queue = [u];
  const sectorSteps = new Map<number, number>();
  const comm1 = new Set<number>();
  const comm2 = new Set<number>();
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    const d = dist.get(v)!;
    if (d > 0) {
      const s = facts.sector[v]!;
      if (s >= 0 && !sectorSteps.has(s)) sectorSteps.set(s, d);
      if (d === 1) comm1.add(communities[v]!);
      if (d <= 2) comm2.add(communities[v]!);
    }
    if (d === maxSteps) continue;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = neighbours[e]!;
      if (!dist.has(w)) {
        dist.set(w, d + 1);
        queue.push(w);
      }
    }
  }
  let present = 0;
  for (let v = 0; v < g.n; v++) if (facts.sector[v]! >= 0) present |= 1 << facts.sector[v]!;
  const stepsToSector: Partial<Record<SicSection, number | null>> = {};
  const one: SicSection[] = [];
  const two: SicSection[] = [];
  SIC_SECTION_LETTERS.forEach((letter, s) => {
    if (!(present & (1 << s))) return;
    const d = sectorSteps.get(s);
    stepsToSector[letter] = d ?? null;
    if (d !== undefined && d <= 1) one.push(letter);
    if (d !== undefined && d <= 2) two.push(letter);
  });
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return {
    id: g.ids[u]!,
    size: k,
    density: k < 2 ? null : among / ((k * (k - 1)) / 2),
    effectiveSize: toNullable(options.effectiveSize?.[u]),
    constraint: toNullable(options.constraint?.[u]),
    community: communities[u]!,
    sectors: { oneStep: one, twoSteps: two },
    communities: { oneStep: sorted(comm1), twoSteps: sorted(comm2) },
    stepsToSector,
  };
}
