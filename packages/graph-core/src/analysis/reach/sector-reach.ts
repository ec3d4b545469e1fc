/**
 * Sector reach: which sectors' organisations each person can reach within one and two steps, and the community ×
 * sector table of how many people of each community reach each sector within two steps — the map of who is cut off
 * from what. Two steps is the reach of an introduction: an organisation one's contact works at, or one's contact's
 * contact (Granovetter 1973/1995, Getting a Job: most jobs found through contacts came through one or two links).
 *
 * Computed with sector bit masks in O(n + m): M₀(v) is the bit of v's sector if v is an organisation;
 * M₁(v) = M₀(v) ∪ ⋃_{w∈N(v)} M₀(w); a node's sectors within one step are ⋃_{v∈N(u)} M₀(v) and within two steps
 * ⋃_{v∈N(u)} M₁(v) (this can include u's own sector when u is an organisation, which only matters for organisations).
 */
import { SIC_SECTION_LETTERS, type SicSection } from '../../model/sectors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { NODE_TYPE_CODE, type NodeFacts } from './node-facts.js';

export interface SectorMasks {
  /** Sectors reached within one step, per node, as 21-bit masks. */
  oneStep: Int32Array;
  /** Sectors reached within two steps, per node. */
  twoSteps: Int32Array;
}

/** Sector masks reached within one and two steps of every node. */
export function sectorMasks(g: CompactGraph, facts: NodeFacts): SectorMasks {
  const { offsets, neighbours } = g;
  const own = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) own[v] = facts.sector[v]! >= 0 ? 1 << facts.sector[v]! : 0;
  const oneStep = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) {
    let m = 0;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) m |= own[neighbours[k]!]!;
    oneStep[v] = m;
  }
  const twoSteps = new Int32Array(g.n);
  for (let u = 0; u < g.n; u++) {
    let m = 0;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = neighbours[k]!;
      m |= own[v]! | oneStep[v]!;
    }
    twoSteps[u] = m;
  }
  return { oneStep, twoSteps };
}

export interface SectorReachRow {
  community: number;
  /** People in the community. */
  people: number;
  /** People of the community who reach an organisation of each sector within two steps (sectors with any organisation). */
  reach: Partial<Record<SicSection, number>>;
}

export interface SectorReachTable {
  /** Sectors that have at least one organisation in the graph, in A–U order: the table's columns. */
  sectors: SicSection[];
  /** One row per community that has people, in community order. */
  rows: SectorReachRow[];
}

/** The community × sector reach table (people only; `communities[i]` is node i's community). */
export function sectorReach(g: CompactGraph, facts: NodeFacts, communities: ArrayLike<number>): SectorReachTable {
  const { twoSteps } = sectorMasks(g, facts);
  let present = 0;
  for (let v = 0; v < g.n; v++) if (facts.sector[v]! >= 0) present |= 1 << facts.sector[v]!;
  const sectorIdx = SIC_SECTION_LETTERS.map((_, s) => s).filter((s) => present & (1 << s));
  const byCommunity = new Map<number, { people: number; counts: number[] }>();
  for (let u = 0; u < g.n; u++) {
    if (facts.type[u] !== NODE_TYPE_CODE.person) continue;
    const c = communities[u]!;
    let row = byCommunity.get(c);
    if (!row) byCommunity.set(c, (row = { people: 0, counts: new Array<number>(sectorIdx.length).fill(0) }));
    row.people++;
    const m = twoSteps[u]!;
    sectorIdx.forEach((s, j) => {
      if (m & (1 << s)) row.counts[j]!++;
    });
  }
  const rows = [...byCommunity.entries()]
    .sort(([a], [b]) => a - b)
    .map(([community, { people, counts }]) => {
      const reach: Partial<Record<SicSection, number>> = {};
      sectorIdx.forEach((s, j) => (reach[SIC_SECTION_LETTERS[s]!] = counts[j]!));
      return { community, people, reach };
    });
  return { sectors: sectorIdx.map((s) => SIC_SECTION_LETTERS[s]!), rows };
}
