/**
 * A summary of what the graph holds: people by role, organisations by sector, events by kind, ties by kind, and its
 * connected components. What `bridgework stats` prints.
 */
import type { BridgeworkGraph } from '../graph/bridgework-graph.js';
import { PERSON_ROLES, TIE_KIND_NAMES, EVENT_KINDS } from '../model/schemas.js';
import { SIC_SECTION_LETTERS, SIC_SECTIONS, type SicSection } from '../model/sectors.js';
import { connectedComponents } from './connected-components.js';

export interface GraphSummary {
  people: { total: number; byRole: Record<string, number>; withoutRole: number; consentedToIntroductions: number };
  organisations: {
    total: number;
    bySector: Record<string, { label: string; count: number }>;
    hiring: number;
  };
  events: { total: number; byKind: Record<string, number> };
  ties: { total: number; byKind: Record<string, number> };
  components: { count: number; largest: number; isolated: number; sizes: number[] };
}

/** Count what `g` holds. Keys with a zero count are left out; roles count a person once per role they hold. */
export function summarizeGraph(g: BridgeworkGraph): GraphSummary {
  const byRole: Record<string, number> = {};
  let people = 0;
  let withoutRole = 0;
  let consented = 0;
  for (const p of g.people()) {
    people++;
    if (p.roles.length === 0) withoutRole++;
    if (p.consent.introductions) consented++;
    for (const r of new Set(p.roles)) byRole[r] = (byRole[r] ?? 0) + 1;
  }
  const sectorCounts = new Map<SicSection, number>();
  let organisations = 0;
  let hiring = 0;
  for (const o of g.organisations()) {
    organisations++;
    if (o.hiring) hiring++;
    sectorCounts.set(o.sector, (sectorCounts.get(o.sector) ?? 0) + 1);
  }
  const bySector: GraphSummary['organisations']['bySector'] = {};
  for (const s of SIC_SECTION_LETTERS) {
    const count = sectorCounts.get(s);
    if (count) bySector[s] = { label: SIC_SECTIONS[s], count };
  }
  const byKind: Record<string, number> = {};
  let events = 0;
  for (const e of g.events()) {
    events++;
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  }
  const tieKinds: Record<string, number> = {};
  for (const t of g.ties()) tieKinds[t.kind] = (tieKinds[t.kind] ?? 0) + 1;
  const cc = connectedComponents(g);
  return {
    people: { total: people, byRole: ordered(byRole, PERSON_ROLES), withoutRole, consentedToIntroductions: consented },
    organisations: { total: organisations, bySector, hiring },
    events: { total: events, byKind: ordered(byKind, EVENT_KINDS) },
    ties: { total: g.tieCount, byKind: ordered(tieKinds, TIE_KIND_NAMES) },
    components: {
      count: cc.count,
      largest: cc.sizes[0] ?? 0,
      isolated: cc.sizes.filter((s) => s === 1).length,
      sizes: cc.sizes,
    },
  };
}

function ordered(counts: Record<string, number>, order: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of order) if (counts[k]) out[k] = counts[k];
  return out;
}
