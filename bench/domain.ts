/**
 * The benchmarks' large *domain* graph (bench/matcher.ts, bench/history.ts), built on the benchmark's structure
 * (bench/generate.ts: n people and ~10n person–person ties, preferential attachment inside communities of ~100), given
 * the demo town's shape — roles (30% members with goal sectors and roles, 10% employer contacts, 3% business owners, 2%
 * coaches with caseloads, the rest employees), consent at the demo town's rates, tie kinds (knows, friend,
 * worked-with, family) with strengths from the generated weights and last contacts up to two years back, n/20
 * organisations in SIC sections with job titles and hiring flags, everyone in work tied to one by `works-at`, and
 * n/300 events of 15–30 attendees. The `now` is fixed (2026-11-01); seeded, nothing reads the clock.
 */
import { BridgeworkGraph, type Event, type Organisation, type Person, type SicSection, type Tie, type TieKind } from '../packages/graph-core/src/index.js';
import { generateCommunityGraph, mulberry32 } from './generate.js';

/** The benchmark's fixed now. */
export const NOW = new Date('2026-11-01T00:00:00Z');
const DAY_MS = 86_400_000;
const DIRECTED: ReadonlySet<TieKind> = new Set(['works-at', 'coaches', 'attended']);

const SECTORS: SicSection[] = ['G', 'I', 'Q', 'F', 'M', 'N', 'C', 'H', 'S', 'P', 'J', 'R', 'L', 'K', 'E', 'O'];
const GOAL_SECTORS: SicSection[] = ['I', 'G', 'Q', 'H', 'N', 'F', 'C', 'P'];
const ROLES_BY_SECTOR: Partial<Record<SicSection, string[]>> = {
  I: ['chef', 'kitchen porter', 'waiting staff'],
  G: ['sales assistant', 'stock controller'],
  Q: ['care worker', 'healthcare assistant'],
  H: ['warehouse operative', 'delivery driver'],
  N: ['admin assistant', 'security officer'],
  F: ['labourer', "electrician's mate"],
  C: ['machine operator', 'assembler'],
  P: ['teaching assistant'],
};
const TITLES = ['Manager', 'Supervisor', 'Assistant', 'Team Leader', 'Head Chef', 'Care Worker', 'Driver', 'Clerk', 'Engineer', 'Owner'];
const SKILLS = ['customer service', 'first aid', 'food hygiene', 'forklift', 'Microsoft Office', 'driving licence', 'cash handling', 'teamwork', 'CSCS card', 'manual handling', 'safeguarding', 'bookkeeping'];

/** The seeded large domain graph (see the header); `members` are the consenting members; `dated` adds since dates. */
export function buildDomain(n: number, seed: number, options: { dated?: boolean } = {}): { graph: BridgeworkGraph; members: string[]; people: string[] } {
  const rand = mulberry32(seed + 7);
  // With `dated`, each tie also gets a since date up to a year before its last contact, from a stream of its own (the
  // undated graph stays the same draw for draw).
  const sinceRand = options.dated ? mulberry32(seed + 13) : null;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const day = (daysAgo: number) => new Date(NOW.getTime() - Math.round(daysAgo) * DAY_MS).toISOString().slice(0, 10);
  const structure = generateCommunityGraph({ n, seed });
  const orgCount = Math.max(10, Math.round(n / 20));
  const organisations: Organisation[] = Array.from({ length: orgCount }, (_, i) => ({
    id: `o${i}`,
    name: `Organisation ${i}`,
    sector: pick(SECTORS),
    size: pick(['micro', 'small', 'medium', 'large'] as const),
    area: null,
    hiring: rand() < 0.3,
  }));
  const people: Person[] = [];
  const ties: Tie[] = [];
  const coaches: string[] = [];
  const tie = (source: string, target: string, kind: TieKind, strength: number, lastDays: number | null, attributes: Tie['attributes'] = {}): Tie => ({
    source: DIRECTED.has(kind) || source < target ? source : target,
    target: DIRECTED.has(kind) || source < target ? target : source,
    kind,
    strength,
    strengthSource: 'given',
    since: sinceRand && lastDays !== null ? day(lastDays + sinceRand() * 365) : null,
    lastContact: lastDays === null ? null : day(lastDays),
    provenance: 'bench',
    attributes,
  });
  for (let i = 0; i < n; i++) {
    const r = rand();
    const role = r < 0.3 ? 'member' : r < 0.4 ? 'employer-contact' : r < 0.43 ? 'business-owner' : r < 0.45 ? 'coach' : 'employee';
    const consentChance = { member: 0.85, coach: 1, 'employer-contact': 0.75, 'business-owner': 0.65, employee: 0.45 }[role];
    const goals = GOAL_SECTORS.filter(() => rand() < 0.2).slice(0, 2);
    const id = `v${i}`;
    people.push({
      id,
      name: `Person ${i}`,
      roles: [role],
      sectors: rand() < 0.8 ? [pick(SECTORS)] : [],
      skills: SKILLS.filter(() => rand() < 0.2),
      goals: role === 'member' ? { sectors: goals.length ? goals : [pick(GOAL_SECTORS)], roles: goals.flatMap((s) => ROLES_BY_SECTOR[s]?.slice(0, 1) ?? []) } : { sectors: [], roles: [] },
      area: null,
      coachId: null,
      consent: { introductions: rand() < consentChance, recordedAt: null, recordedBy: null },
    });
    if (role === 'coach') coaches.push(id);
    else if (role !== 'member') {
      ties.push(tie(id, `o${Math.floor(rand() * orgCount)}`, 'works-at', 0.5 + 0.4 * rand(), rand() * 5, { job_title: pick(TITLES), ...(role !== 'employee' && rand() < 0.6 ? { hiring_manager: true } : {}) }));
    }
  }
  const kinds: TieKind[] = ['knows', 'knows', 'knows', 'knows', 'friend', 'friend', 'worked-with', 'worked-with', 'worked-with', 'family'];
  for (let e = 0; e < structure.sources.length; e++) {
    ties.push(tie(`v${structure.sources[e]}`, `v${structure.targets[e]}`, pick(kinds), structure.milliWeights[e]! / 1000, rand() * 730));
  }
  const members = people.filter((p) => p.roles[0] === 'member');
  for (const m of members) {
    const c = coaches.length ? pick(coaches) : null;
    if (c === null) continue;
    m.coachId = c;
    ties.push(tie(c, m.id, 'coaches', 0.4 + 0.3 * rand(), rand() * 28));
  }
  const events: Event[] = [];
  for (let e = 0; e < Math.round(n / 300); e++) {
    const id = `e${e}`;
    events.push({ id, name: `Event ${e}`, kind: pick(['networking', 'workshop', 'lunch', 'job-fair'] as const), date: day(rand() * 180), area: null });
    const size = 15 + Math.floor(rand() * 16);
    const seen = new Set<number>();
    while (seen.size < size) seen.add(Math.floor(rand() * n));
    for (const p of seen) ties.push(tie(`v${p}`, id, 'attended', 0.3, null));
  }
  const graph = BridgeworkGraph.from({ people, organisations, events, ties });
  return { graph, members: members.filter((m) => m.consent.introductions).map((m) => m.id), people: people.map((p) => p.id) };
}
