/**
 * Analysts' and coaches' views of the network.
 *
 * - Aggregate counts (`summary`) in which no group smaller than MIN_GROUP is shown (small-cell suppression, as in
 *   official statistics), and the graph with people replaced by keyed-hash pseudonyms and stripped of names, areas,
 *   skills and everything else that could name them (`graph`). The same for every key that may read analytics;
 *   coaches get neither (they are about everyone).
 * - A person's ego report (graph-core's `egoReport`: Marsden 1990; Burt 1992), the community × sector reach table
 *   (`sectorReach`: who reaches which sectors within two steps, Granovetter 1973) and the brokers (high betweenness,
 *   low constraint) — computed over the whole network by graph-core's `analyzeDomain`, once per graph version and
 *   day. Analyst and service keys see people only as pseudonyms, and the reach table with small-cell suppression
 *   (no community under MIN_GROUP people; a cell only when both the people who reach the sector and those who do
 *   not are 0 or at least MIN_GROUP, so no small group can be had by subtraction). Admin keys see ids and names. A
 *   coach sees the ego reports of their own caseload, the reach table of their own members, and the brokers they
 *   may see (people routes' rule), by id and name.
 */
import { createHmac, randomBytes } from 'node:crypto';
import {
  SIC_SECTION_LETTERS,
  analyzeDomain,
  domainTieTable,
  egoHealth,
  egoReport,
  forceAtlas2Layout,
  monthsBefore,
  networkAsOf,
  nodeFacts,
  sectorBit,
  sectorMasks,
  type BridgeworkGraph,
  type DomainAnalysis,
  type EgoHealthPoint,
  type NetworkAsOf,
  type NodeFacts,
  type TieTable,
  type SicSection,
} from '@bridgework/graph-core';
import { canSeePerson, inCaseload, isOwnMember, notFound } from '../access.js';
import type { Caller } from '../auth/permissions.js';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AnyRoute, type AppDeps } from '../http/route.js';
import { AnalyticsPersonParamsSchema, BrokersOut, BrokersQuerySchema, EgoOut, EmptyQuerySchema, PseudonymousGraphOut, ReachOut, SummaryOut } from '../schemas.js';

/** The smallest group an aggregate shows. */
export const MIN_GROUP = 5;

/** Graphs up to this many nodes get exact betweenness for the brokers; larger ones an estimate from pivots. */
export const ANALYTICS_DEFAULTS = Object.freeze({ exactBetweennessUpTo: 5000, betweennessPivots: 500, brokers: 100, seed: 42 });

/** Counts of at least MIN_GROUP, and how many smaller groups were left out. */
export function suppress(counts: Map<string, number>): { counts: Record<string, number>; suppressedGroups: number } {
  const shown: Record<string, number> = {};
  let suppressedGroups = 0;
  for (const [k, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n >= MIN_GROUP) shown[k] = n;
    else suppressedGroups += 1;
  }
  return { counts: shown, suppressedGroups };
}

function tally<T>(items: Iterable<T>, keys: (t: T) => Iterable<string | null>): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) for (const k of keys(t)) if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

const atLeast = (n: number): number | null => (n >= MIN_GROUP ? n : null);

/** Keyed-hash pseudonyms of person ids under the database's secret salt (the same for every pseudonymised view). */
export async function pseudonymiser(deps: AppDeps): Promise<(id: string) => string> {
  const salt = await deps.store.api.setting('pseudonym-salt', () => randomBytes(32).toString('hex'));
  return (id) => `x${createHmac('sha256', salt).update(id).digest('hex').slice(0, 20)}`;
}

/** Whether the caller sees analytics about people only as pseudonyms and suppressed aggregates. */
export const pseudonymous = (caller: Caller): boolean => caller.role === 'analyst' || caller.role === 'service';

/** ForceAtlas2 settings of the network map: a fixed seed (deterministic positions) and Barnes–Hut repulsion. */
export const LAYOUT_DEFAULTS = Object.freeze({ layoutSeed: 7, barnesHut: true });

/** One day's network analysis at one write version: what the analytics and the network map both read. */
export interface AnalysisSnapshot {
  now: Date;
  domain: BridgeworkGraph;
  analysis: DomainAnalysis;
  facts: NodeFacts;
  /** ForceAtlas2 positions, computed on first use (only the map needs them). */
  layout: () => Float64Array;
  /**
   * Members' network health at now and each of the `months` (at most `HISTORY_MONTHS`) months before, oldest first
   * (graph-core's `egoHealth` on `networkAsOf` each month), by id. For a few people (a coach's caseload, one member's
   * progress) each month's network is projected only within two steps of them — the same figures at a fraction of a
   * large graph's cost; for many, or once the whole networks exist, the whole network of each month, projected once
   * and kept with the snapshot. The domain's ties are read once per snapshot, and each person's points are kept with
   * it once read.
   */
  history: (personIds: readonly string[], months?: number) => Record<string, EgoHealthPoint[]>;
}

/** Up to this many people, `history` projects each month around them rather than the whole network. */
export const HISTORY_AROUND_LIMIT = 100;

/** How many months of history the caseload and a member's progress show. */
export const HISTORY_MONTHS = 6;
type Snapshot = AnalysisSnapshot;

/**
 * The network analysis for `now`'s day at the current write version, computed on first use and shared by every
 * route given the same reader (one per app: the analytics and the network map).
 */
export function analysisSnapshots(): (deps: AppDeps) => Promise<AnalysisSnapshot> {
  let cached: Promise<Snapshot> | undefined;
  let key = '';
  return async (deps: AppDeps): Promise<Snapshot> => {
    const day = deps.now().toISOString().slice(0, 10);
    const k = `${deps.version()}|${await deps.dataVersion()}|${day}`;
    if (!cached || key !== k) {
      key = k;
      const now = new Date(`${day}T00:00:00Z`);
      cached = deps.domainGraph().then((domain) => {
        const big = domain.nodeCount > ANALYTICS_DEFAULTS.exactBetweennessUpTo;
        const analysis = analyzeDomain(domain, {
          now,
          weighted: true,
          seed: ANALYTICS_DEFAULTS.seed,
          betweenness: big ? { sampled: ANALYTICS_DEFAULTS.betweennessPivots } : 'exact',
          brokers: { limit: ANALYTICS_DEFAULTS.brokers },
        });
        const g = analysis.measures.graph;
        let positions: Float64Array | undefined;
        const layout = () => (positions ??= g.n === 0 ? new Float64Array(0) : forceAtlas2Layout(g, { seed: LAYOUT_DEFAULTS.layoutSeed, barnesHut: LAYOUT_DEFAULTS.barnesHut }));
        let table: TieTable | undefined; // the domain's ties, read once for every month
        /** Month k's network from `cache`, projected on first use (around `around` when given). */
        const monthly = (cache: Map<number, NetworkAsOf>, around?: readonly string[]) => (k: number) => {
          let net = cache.get(k);
          if (!net) {
            net = networkAsOf(domain, monthsBefore(now, k), { weighted: true, table: (table ??= domainTieTable(domain)), ...(around ? { around } : {}) });
            cache.set(k, net);
          }
          return net;
        };
        const wholeNetworks = new Map<number, NetworkAsOf>();
        const whole = monthly(wholeNetworks);
        // Answers already read on this snapshot, by months and person: a caseload asked again projects nothing.
        const read = new Map<string, EgoHealthPoint[]>();
        // The last `months` + 1 points; each point's ties gained count against the month before it.
        const history = (personIds: readonly string[], months = HISTORY_MONTHS) => {
          const readKey = (id: string) => `${months}\u241f${id}`;
          const missing = personIds.filter((id) => !read.has(readKey(id)));
          if (missing.length > 0) {
            const ks = Array.from({ length: months + 1 }, (_, i) => months - i);
            const deepest = Math.min(months + 1, HISTORY_MONTHS);
            const wholeReady = Array.from({ length: deepest + 1 }, (_, k) => k).every((k) => wholeNetworks.has(k));
            const back = missing.length <= HISTORY_AROUND_LIMIT && !wholeReady ? monthly(new Map(), missing) : whole;
            for (const id of missing) read.set(readKey(id), ks.map((k) => egoHealth(back(k), id, k < HISTORY_MONTHS ? back(k + 1) : undefined)));
          }
          return Object.fromEntries(personIds.map((id) => [id, read.get(readKey(id))!]));
        };
        return { now, domain, analysis, facts: nodeFacts(domain, g), layout, history };
      });
      cached.catch(() => {
        if (key === k) key = '';
      });
    }
    return cached;
  };
}

/** A reach cell shown only when neither the people counted nor the rest of the community form a small group. */
const safeCell = (count: number, people: number): boolean => (count === 0 || count >= MIN_GROUP) && (people - count === 0 || people - count >= MIN_GROUP);

export function analyticsRoutes(snapshot = analysisSnapshots()): AnyRoute[] {
  const notForCoaches = (caller: Caller) => {
    if (caller.role === 'coach') throw new ApiError('forbidden', 'aggregates over everyone are for analysts; a coach reads the analytics of their own caseload');
  };

  /** The graph index of the person the caller names: an id (admin, coach) or a pseudonym (analyst, service). */
  const personIndex = async (deps: AppDeps, caller: Caller, given: string, snap: Snapshot): Promise<{ index: number; id: string }> => {
    const g = snap.analysis.measures.graph;
    if (pseudonymous(caller)) {
      const pseudonym = await pseudonymiser(deps);
      for (const p of snap.domain.people()) {
        if (pseudonym(p.id) === given) return { index: g.indexOf(p.id), id: given };
      }
      throw notFound('person', given);
    }
    const p = snap.domain.person(given);
    if (!p || (caller.role === 'coach' && !canSeePerson(caller, p))) throw notFound('person', given);
    if (!inCaseload(caller, { ...p, type: 'person' })) throw new ApiError('forbidden', 'a coach reads the ego reports of their own caseload only');
    return { index: g.indexOf(p.id), id: p.id };
  };

  return [

    defineRoute({
      method: 'get',
      path: '/v1/analytics/summary',
      tag: 'analytics',
      summary: 'Aggregate counts',
      description: `Counts by role, area, sector and kind; groups smaller than ${MIN_GROUP} are left out and counted in suppressedGroups.`,
      permission: 'analytics:read',
      query: EmptyQuerySchema,
      responses: { 200: { description: 'The summary', schema: SummaryOut } },
      handler: async ({ caller, deps }) => {
        notForCoaches(caller);
        const g = await deps.store.graph.exportData();
        return {
          status: 200,
          body: {
            people: {
              total: g.people.length,
              byRole: suppress(tally(g.people, (p) => p.roles)),
              byArea: suppress(tally(g.people, (p) => [p.area])),
              bySector: suppress(tally(g.people, (p) => p.sectors)),
              consenting: atLeast(g.people.filter((p) => p.consent.introductions).length),
            },
            organisations: { total: g.organisations.length, bySector: suppress(tally(g.organisations, (o) => [o.sector])) },
            events: { total: g.events.length, byKind: suppress(tally(g.events, (e) => [e.kind])) },
            ties: { total: g.ties.length, byKind: suppress(tally(g.ties, (t) => [t.kind])) },
            minimumGroupSize: MIN_GROUP,
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/analytics/graph',
      tag: 'analytics',
      summary: 'The pseudonymised graph',
      description:
        'People as keyed-hash pseudonyms (HMAC-SHA-256 with a secret salt kept in the database) with roles, sectors and goal sectors only; ' +
        'organisations as they are; ties between people and organisations with kind and strength. Events are left out.',
      permission: 'analytics:read',
      query: EmptyQuerySchema,
      responses: { 200: { description: 'The graph', schema: PseudonymousGraphOut } },
      handler: async ({ caller, deps }) => {
        notForCoaches(caller);
        const hash = await pseudonymiser(deps);
        const g = await deps.store.graph.exportData();
        const pseudonym = new Map(g.people.map((p) => [p.id, hash(p.id)]));
        const orgs = new Set(g.organisations.map((o) => o.id));
        const ref = (id: string) => pseudonym.get(id) ?? (orgs.has(id) ? id : undefined);
        const ties = [];
        for (const t of g.ties) {
          const source = ref(t.source);
          const target = ref(t.target);
          if (source !== undefined && target !== undefined) ties.push({ source, target, kind: t.kind, strength: t.strength });
        }
        const people = g.people
          .map((p) => ({ id: pseudonym.get(p.id)!, roles: p.roles, sectors: p.sectors, goalSectors: p.goals.sectors }))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        ties.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : a.kind < b.kind ? -1 : 1));
        return { status: 200, body: { people, organisations: g.organisations, ties } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/analytics/people/:id/ego',
      tag: 'analytics',
      summary: 'A person’s ego network report',
      description:
        'Size, density, Burt’s effective size and constraint, the sectors and communities within one and two steps, and the steps to the nearest organisation of each sector. ' +
        'Analyst and service keys name the person by the pseudonym of the pseudonymised views; a coach by id, for their own caseload.',
      permission: 'analytics:read',
      params: AnalyticsPersonParamsSchema,
      query: EmptyQuerySchema,
      responses: { 200: { description: 'The ego report', schema: EgoOut } },
      handler: async ({ params, caller, deps, audit }) => {
        const snap = await snapshot(deps);
        const { index, id } = await personIndex(deps, caller, params.id, snap);
        if (!pseudonymous(caller)) audit('ego', 'person', id);
        const m = snap.analysis.measures;
        const report = egoReport(m.graph, index, { facts: snap.facts, communities: m.partition.communities, constraint: m.holes.constraint, effectiveSize: m.holes.effectiveSize });
        return { status: 200, body: { ...report, id, now: snap.now.toISOString() } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/analytics/reach',
      tag: 'analytics',
      summary: 'The community × sector reach table',
      description:
        'For each community (Louvain), how many of its people reach an organisation of each sector within two steps. ' +
        `Analyst and service keys: no community under ${MIN_GROUP} people, and a cell only when neither side of it is a group under ${MIN_GROUP}. A coach: their own members only.`,
      permission: 'analytics:read',
      query: EmptyQuerySchema,
      responses: { 200: { description: 'The reach table', schema: ReachOut } },
      handler: async ({ caller, deps }) => {
        const snap = await snapshot(deps);
        const table = snap.analysis.json.sectorReach!;
        const sectors = table.sectors;
        let rows = table.rows;
        if (caller.role === 'coach') {
          const m = snap.analysis.measures;
          const { twoSteps } = sectorMasks(m.graph, snap.facts);
          const byCommunity = new Map<number, { people: number; reach: Partial<Record<SicSection, number>> }>();
          for (const p of snap.domain.people()) {
            if (!isOwnMember(caller, p)) continue;
            const i = m.graph.indexOf(p.id);
            if (i < 0) continue;
            const c = m.partition.communities[i]!;
            let row = byCommunity.get(c);
            if (!row) byCommunity.set(c, (row = { people: 0, reach: Object.fromEntries(sectors.map((s) => [s.letter, 0])) }));
            row.people++;
            sectors.forEach((s) => {
              if (twoSteps[i]! & sectorBit(SIC_SECTION_LETTERS.indexOf(s.letter))) row.reach[s.letter] = (row.reach[s.letter] ?? 0) + 1;
            });
          }
          rows = [...byCommunity].sort(([a], [b]) => a - b).map(([community, r]) => ({ community, ...r }));
          return { status: 200, body: { now: snap.now.toISOString(), scope: 'caseload', sectors, rows, suppressedGroups: 0, suppressedCells: 0, minimumGroupSize: null } };
        }
        if (!pseudonymous(caller)) {
          return { status: 200, body: { now: snap.now.toISOString(), scope: 'everyone', sectors, rows, suppressedGroups: 0, suppressedCells: 0, minimumGroupSize: null } };
        }
        let suppressedGroups = 0;
        let suppressedCells = 0;
        const shown = [];
        for (const r of rows) {
          if (r.people < MIN_GROUP) {
            suppressedGroups++;
            continue;
          }
          const reach: Partial<Record<SicSection, number | null>> = {};
          for (const s of sectors) {
            const n = r.reach[s.letter] ?? 0;
            if (safeCell(n, r.people)) reach[s.letter] = n;
            else {
              reach[s.letter] = null;
              suppressedCells++;
            }
          }
          shown.push({ community: r.community, people: r.people, reach });
        }
        return { status: 200, body: { now: snap.now.toISOString(), scope: 'everyone', sectors, rows: shown, suppressedGroups, suppressedCells, minimumGroupSize: MIN_GROUP } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/analytics/brokers',
      tag: 'analytics',
      summary: 'Brokers: people who bridge structural holes',
      description:
        'People with high betweenness and low constraint (Burt 1992), highest betweenness first. Analyst and service keys: pseudonyms, no names. A coach: those they may see.',
      permission: 'analytics:read',
      query: BrokersQuerySchema,
      responses: { 200: { description: 'The brokers', schema: BrokersOut } },
      handler: async ({ query, caller, deps, audit }) => {
        const snap = await snapshot(deps);
        const pseudonym = pseudonymous(caller) ? await pseudonymiser(deps) : undefined;
        const brokers = [];
        for (const b of snap.analysis.json.brokers ?? []) {
          const p = snap.domain.person(b.id);
          if (!p || (caller.role === 'coach' && !canSeePerson(caller, p))) continue;
          if (brokers.length === query.limit) break;
          brokers.push({ id: pseudonym ? pseudonym(b.id) : b.id, name: pseudonym ? null : p.name, betweenness: b.betweenness, constraint: b.constraint, community: b.community });
        }
        if (!pseudonym) for (const b of brokers) audit('list', 'broker', b.id);
        return { status: 200, body: { now: snap.now.toISOString(), brokers } };
      },
    }),
  ];
}
