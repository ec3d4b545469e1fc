/**
 * The matcher's index: everything a suggestion needs that does not depend on the person asked about, built once per
 * graph and `now` and reused by every query (as Neo4j's Graph Data Science library projects a graph once before
 * running algorithms over it).
 *
 * - the **social projection**: people only, joined by every recorded person–person tie (knows, friend, family,
 *   worked-with, introduced, mentors, coaches, linked) and by the `met-at-event` ties derived from shared events
 *   (`coAttendanceTies`, those still at least `coAttendanceMinStrength`), each weighted by its effective strength
 *   at `now` (Granovetter 1973; Burt 2000's decay) and parallel ties combined as 1 − Π(1 − sᵢ);
 * - Louvain communities of that projection (Blondel et al. 2008), seeded;
 * - per person: consent, member, gatekeeper (employer contact, business owner or hiring manager), sector masks
 *   (past sectors, current workplaces, goals, hiring workplaces, and everything within one step), the main workplace
 *   and job title, interned skills and role words;
 * - per tie slot of the projection: days since the two were last in touch (for the recency feature);
 * - scratch arrays for the two-hop scan, so a query allocates only its result.
 *
 * The index is a snapshot: rebuild it when the graph changes.
 */
import {
  BridgeworkGraph,
  SIC_SECTION_LETTERS,
  TIE_KIND_NAMES,
  coAttendanceTies,
  dateToMs,
  louvain,
  projectGraph,
  type CompactGraph,
  type Organisation,
  type Person,
  type SicSection,
  type Tie,
  type TieKind,
} from '@bridgework/graph-core';
import type { ScanResult } from './two-hop-scan.js';
import { IndexOptionsSchema, parseOptions, type IndexOptions, type IndexOptionsInput } from './options.js';

/** Tie kinds between two people that make them know each other (everything but attendance and workplaces). */
export const SOCIAL_TIE_KINDS: readonly TieKind[] = ['knows', 'friend', 'family', 'worked-with', 'introduced', 'met-at-event', 'mentors', 'coaches', 'linked'];

const DAY_MS = 86_400_000;
const KIND_INDEX = new Map<TieKind, number>(TIE_KIND_NAMES.map((k, i) => [k, i]));
const SECTOR_BIT = new Map<SicSection, number>(SIC_SECTION_LETTERS.map((s, i) => [s, 1 << i]));

/** The bit mask of a list of sector letters. */
export function sectorMask(sectors: readonly SicSection[]): number {
  let m = 0;
  for (const s of sectors) m |= SECTOR_BIT.get(s) ?? 0;
  return m;
}

/** The sector letters of a mask, A–U order. */
export function maskSectors(mask: number): SicSection[] {
  return SIC_SECTION_LETTERS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Number of set bits of a 32-bit mask. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Lower-case words of a role or job title ("Head Chef" → ["head", "chef"]). */
export function roleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}
const STOP_WORDS = new Set(['and', 'of', 'the', 'a', 'an', 'in', 'at', 'to', 'for', 'assistant']);

/** Per-query work space of the two-hop scan (one per index: queries run one at a time in a JavaScript thread). */
export interface ScanScratch {
  epoch: number;
  /** nearStamp[x] === epoch: x is the person asked about or one of their contacts. */
  nearStamp: Uint32Array;
  /** candStamp[x] === epoch: x was reached as a candidate in this scan. */
  candStamp: Uint32Array;
  /** Burt's a_j for the contacts j of the person (see two-hop-scan.ts). */
  a: Float64Array;
  /** Position of x in the scan's candidate arrays. */
  slotOf: Int32Array;
  /** Candidate arrays reused by single queries (a batch keeps each scan's own). */
  result: ScanResult | null;
}

export interface SuggestIndex {
  readonly graph: BridgeworkGraph;
  readonly options: IndexOptions;
  /** The social projection: people only. */
  readonly g: CompactGraph;
  /** The person record of each projection index. */
  readonly people: readonly Person[];
  readonly consent: Uint8Array;
  readonly member: Uint8Array;
  readonly gatekeeper: Uint8Array;
  /** 1 for the service's own staff (roles `coach` or `staff`): they introduce, they are not introduced. */
  readonly serviceStaff: Uint8Array;
  /** Sectors the person has worked in (`sectors`). */
  readonly pastMask: Int32Array;
  /** Sectors of the organisations the person works at now. */
  readonly workMask: Int32Array;
  /** Sectors the person aims for (`goals.sectors`). */
  readonly goalMask: Int32Array;
  /** Sectors of hiring organisations the person works at. */
  readonly hiringMask: Int32Array;
  /** Sectors of the person and of everyone one step away (past or present work). */
  readonly reachMask: Int32Array;
  /** Index into `organisations` of the person's main workplace (strongest works-at), or −1. */
  readonly employer: Int32Array;
  readonly organisations: readonly Organisation[];
  /** Job title at the main workplace, or null. */
  readonly jobTitle: readonly (string | null)[];
  /** Louvain community of each person. */
  readonly community: Int32Array;
  readonly communityCount: number;
  /** Days before `now` of the last contact along each CSR slot of `g` (NaN when no tie carries a date). */
  readonly lastContactDays: Float32Array;
  /** Per CSR slot: a bit per tie kind (index in TIE_KIND_NAMES) joining the two, `met-at-event` for shared events. */
  readonly slotKinds: Uint16Array;
  /** Per CSR slot: the recorded tie kind with the largest effective strength (index in TIE_KIND_NAMES), or −1. */
  readonly slotBestKind: Int8Array;
  /** Per CSR slot: 1 when the row's person is the source of that best tie (mentors, coaches read differently). */
  readonly slotBestForward: Uint8Array;
  /** Interned skills of each person, sorted. */
  readonly skills: readonly Int32Array[];
  /** Words of each person's goal roles. */
  readonly goalRoleWords: readonly (readonly string[])[];
  /** Ids of the events each person attended (for the sentences), by person id. */
  readonly attended: ReadonlyMap<string, readonly string[]>;
  /** Words of each person's job title. */
  readonly titleWords: readonly (readonly string[])[];
  readonly scratch: ScanScratch;
}

const truthy = (v: unknown) => v === true || v === 'true' || v === 'yes' || v === 1;

/**
 * Build the matcher's index of `graph` for the moment `options.now`. O(n + m) plus Louvain (about a second for 100 000
 * people and a million ties). Throws a validation error for bad options.
 */
export function buildSuggestIndex(graph: BridgeworkGraph, options: IndexOptionsInput): SuggestIndex {
  const opts = parseOptions(IndexOptionsSchema, options, 'index');
  const { now, halfLifeDays, coAttendanceMinStrength, seed } = opts;
  // Only events already held: people registered for the same upcoming event have not met yet.
  const coTies = coAttendanceTies(graph, { now, asOf: now }).filter((t) => t.strength >= coAttendanceMinStrength);
  const g = projectGraph(graph, { now, halfLifeDays, nodeTypes: ['person'], kinds: SOCIAL_TIE_KINDS, extraTies: coTies });
  const n = g.n;
  const people = new Array<Person>(n);
  const consent = new Uint8Array(n);
  const member = new Uint8Array(n);
  const gatekeeper = new Uint8Array(n);
  const serviceStaff = new Uint8Array(n);
  const pastMask = new Int32Array(n);
  const workMask = new Int32Array(n);
  const goalMask = new Int32Array(n);
  const hiringMask = new Int32Array(n);
  const employer = new Int32Array(n).fill(-1);
  const employerStrength = new Float64Array(n);
  const jobTitle = new Array<string | null>(n).fill(null);
  const skills = new Array<Int32Array>(n);
  const goalRoleWords = new Array<string[]>(n);
  const skillIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    // The stored record (a person with its `type`), read without the copy `graph.person` makes.
    const p = graph.graph.getNodeAttributes(g.ids[i]!) as Person;
    people[i] = p;
    consent[i] = p.consent.introductions ? 1 : 0;
    member[i] = p.roles.includes('member') ? 1 : 0;
    gatekeeper[i] = p.roles.includes('employer-contact') || p.roles.includes('business-owner') ? 1 : 0;
    serviceStaff[i] = p.roles.includes('coach') || p.roles.includes('staff') ? 1 : 0;
    pastMask[i] = sectorMask(p.sectors);
    goalMask[i] = sectorMask(p.goals.sectors);
    const ids: number[] = [];
    for (const s of p.skills) {
      const key = s.toLowerCase();
      let id = skillIds.get(key);
      if (id === undefined) skillIds.set(key, (id = skillIds.size));
      ids.push(id);
    }
    skills[i] = Int32Array.from(new Set(ids)).sort();
    goalRoleWords[i] = [...new Set(p.goals.roles.flatMap(roleWords))];
  }

  // Workplaces and recency from the domain ties.
  const organisations: Organisation[] = [];
  const orgIndex = new Map<string, number>();
  for (const o of graph.organisations()) {
    orgIndex.set(o.id, organisations.length);
    organisations.push(o);
  }
  const slots = g.neighbours.length;
  const lastContactDays = new Float32Array(slots).fill(NaN);
  const slotKinds = new Uint16Array(slots);
  const slotBestKind = new Int8Array(slots).fill(-1);
  const slotBestForward = new Uint8Array(slots);
  const bestStrength = new Float32Array(slots).fill(-1);
  const nowMs = now.getTime();
  const decayPerDay = 1 / halfLifeDays;
  const noteContact = (tie: Pick<Tie, 'source' | 'target' | 'lastContact' | 'since' | 'kind' | 'strength'>, recorded: boolean) => {
    const s = g.indexOf(tie.source);
    const t = g.indexOf(tie.target);
    if (s < 0 || t < 0) return;
    const st = g.slot(s, t);
    const ts = g.slot(t, s);
    if (st < 0 || ts < 0) return;
    const bit = 1 << KIND_INDEX.get(tie.kind)!;
    slotKinds[st]! |= bit;
    slotKinds[ts]! |= bit;
    const when = tie.lastContact ?? tie.since;
    const days = when ? Math.max(0, (nowMs - dateToMs(when)) / DAY_MS) : NaN;
    if (!Number.isNaN(days)) {
      if (!(lastContactDays[st]! <= days)) lastContactDays[st] = days;
      if (!(lastContactDays[ts]! <= days)) lastContactDays[ts] = days;
    }
    if (!recorded) return;
    const strength = Number.isNaN(days) ? tie.strength : tie.strength * Math.pow(2, -days * decayPerDay);
    if (strength > bestStrength[st]!) {
      bestStrength[st] = bestStrength[ts] = strength;
      slotBestKind[st] = slotBestKind[ts] = KIND_INDEX.get(tie.kind)!;
      slotBestForward[st] = 1;
      slotBestForward[ts] = 0;
    }
  };
  const social = new Set<TieKind>(SOCIAL_TIE_KINDS);
  const attended = new Map<string, string[]>();
  graph.graph.forEachEdge((_key, tie) => {
    if (tie.kind === 'works-at') {
      const i = g.indexOf(tie.source);
      const o = orgIndex.get(tie.target);
      if (i < 0 || o === undefined) return;
      const org = organisations[o]!;
      const bit = SECTOR_BIT.get(org.sector) ?? 0;
      workMask[i]! |= bit;
      if (org.hiring) hiringMask[i]! |= bit;
      if (truthy(tie.attributes.hiring_manager)) gatekeeper[i] = 1;
      if (employer[i] === -1 || tie.strength > employerStrength[i]!) {
        employer[i] = o;
        employerStrength[i] = tie.strength;
        const title = tie.attributes.job_title;
        jobTitle[i] = typeof title === 'string' && title.trim() !== '' ? title.trim() : null;
      }
    } else if (tie.kind === 'attended') {
      const list = attended.get(tie.source);
      if (list) list.push(tie.target);
      else attended.set(tie.source, [tie.target]);
    } else if (social.has(tie.kind)) noteContact(tie, true);
  });
  for (const t of coTies) noteContact(t, false);
  const titleWords = jobTitle.map((t) => (t ? roleWords(t) : []));

  const reachMask = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let m = pastMask[i]! | workMask[i]!;
    for (let p = g.offsets[i]!, end = g.offsets[i + 1]!; p < end; p++) {
      const j = g.neighbours[p]!;
      m |= pastMask[j]! | workMask[j]!;
    }
    reachMask[i] = m;
  }

  const { communities, count } = louvain(g, { seed });
  return {
    graph,
    options: opts,
    g,
    people,
    consent,
    member,
    gatekeeper,
    serviceStaff,
    pastMask,
    workMask,
    goalMask,
    hiringMask,
    reachMask,
    employer,
    organisations,
    jobTitle,
    community: communities,
    communityCount: count,
    lastContactDays,
    slotKinds,
    slotBestKind,
    slotBestForward,
    skills,
    goalRoleWords,
    attended,
    titleWords,
    scratch: {
      epoch: 0,
      nearStamp: new Uint32Array(n),
      candStamp: new Uint32Array(n),
      a: new Float64Array(n),
      slotOf: new Int32Array(n),
      result: null,
    },
  };
}
