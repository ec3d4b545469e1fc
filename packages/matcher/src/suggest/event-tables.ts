/**
 * `planEventTables`: split an event's attendees into tables so that the people who sit together are worth meeting.
 *
 * Objective (maximised): the sum over tables of the value of every pair seated together, where a pair's value is
 *   0                                           when the two already know each other (a social tie, or another event
 *                                               they shared still strong enough — never the event being planned),
 *   −blockedPenalty                             when the pair is blocked in the history (never seat them together),
 *   1 + goal(a, b) + goal(b, a) + bridge(a, b)  otherwise — a new acquaintance, more when one works or has worked in
 *                                               a sector the other aims for, or both aim for the same one (goal
 *                                               relevance of features.ts, each in [0, 1]), and 1 more when the two
 *                                               are in different Louvain communities (cross-community pairs).
 * Tables: ⌈n / tableSize⌉ of them, sizes as even as possible (they differ by at most one; none above tableSize).
 *
 * Method: a seeded local search — start from a random balanced seating, then sweep every pair of people at
 * different tables and make every swap that raises the objective, until a sweep makes none (a local optimum of the
 * swap neighbourhood); repeat from `restarts` random seatings and keep the best. Like Kernighan & Lin's (1970)
 * graph-partitioning heuristic, it only swaps, so the table sizes never change. Deterministic for a seed.
 */
import { BridgeworkError, coAttendanceTies, createRng, shuffle, type BridgeworkGraph } from '@bridgework/graph-core';
import { z } from 'zod';
import { goalRelevance } from './features.js';
import { IntroductionHistorySchema, parseOptions, SUGGEST_DEFAULTS } from './options.js';
import { buildSuggestIndex, SOCIAL_TIE_KINDS, type SuggestIndex } from './suggest-index.js';

export const EVENT_TABLES_DEFAULTS = Object.freeze({ tableSize: 6, restarts: 8, blockedPenalty: 100, crossCommunityBonus: 1 });

const EventTablesSchema = z.strictObject({
  now: z.union([z.date(), z.iso.date(), z.iso.datetime({ offset: true })]).transform((d) => (d instanceof Date ? d : new Date(d.length === 10 ? `${d}T00:00:00Z` : d))),
  tableSize: z.number().int().min(2).max(100).default(EVENT_TABLES_DEFAULTS.tableSize),
  seed: z.number().int().default(SUGGEST_DEFAULTS.seed),
  restarts: z.number().int().min(1).max(1000).default(EVENT_TABLES_DEFAULTS.restarts),
  history: IntroductionHistorySchema.default({ blocked: [], declined: [], openAsks: [], impressions: [] }),
  /** The event being planned, when the attendees are given as a list: sharing it does not make two people acquainted. */
  event: z.string().optional(),
});

export type EventTablesOptions = z.input<typeof EventTablesSchema> & { index?: SuggestIndex };

export interface EventTable {
  table: number;
  people: { id: string; name: string }[];
  /** Pairs at the table who did not know each other. */
  newPairs: number;
  /** Of those, pairs in different communities. */
  crossCommunityPairs: number;
  /** Of those, pairs where at least one side is goal-relevant to the other. */
  goalRelevantPairs: number;
  value: number;
}

export interface EventTablesResult {
  eventId: string | null;
  attendees: number;
  tableSize: number;
  tables: EventTable[];
  /** The objective of the plan, and of the first random seating for comparison. */
  objective: number;
  randomObjective: number;
}

/**
 * Tables for an event's attendees (people with an `attended` tie to `event`) or for a list of person ids. Throws a
 * `not-found` error for an unknown event or person and a `validation` error for bad options or repeated ids.
 */
export function planEventTables(graph: BridgeworkGraph, event: string | readonly string[], options: EventTablesOptions): EventTablesResult {
  const { index: given, ...rest } = options ?? ({} as EventTablesOptions);
  const opts = parseOptions(EventTablesSchema, rest, 'event-tables');
  if (Number.isNaN(opts.now.getTime())) throw new BridgeworkError('validation', 'matcher/event-tables: now must be a valid date');
  let ids: string[];
  let eventId: string | null = null;
  if (typeof event === 'string') {
    if (!graph.event(event)) throw new BridgeworkError('not-found', `matcher/event-tables: no event with id ${JSON.stringify(event)}`);
    eventId = event;
    ids = graph
      .tiesOf(event)
      .filter((t) => t.kind === 'attended' && t.target === event)
      .map((t) => t.source)
      .sort();
  } else {
    ids = [...event];
    if (new Set(ids).size !== ids.length) throw new BridgeworkError('validation', 'matcher/event-tables: attendee ids must not repeat');
  }
  for (const id of ids) if (!graph.person(id)) throw new BridgeworkError('not-found', `matcher/event-tables: no person with id ${JSON.stringify(id)}`);
  const index = given ?? buildSuggestIndex(graph, { now: opts.now, seed: opts.seed });
  if (index.graph !== graph) throw new BridgeworkError('validation', 'matcher/event-tables: the index was built from another graph');
  const n = ids.length;
  const { g } = index;
  const idx = ids.map((id) => g.indexOf(id));

  // Who already knows whom: a social tie, or an earlier event shared recently enough — never the planned event itself
  // (which the index counts once it has been held, so a plan made on the day or after would find no one new).
  const planned = eventId ?? opts.event ?? null;
  const known = knownPairs(graph, ids, index, planned);

  // Pair values.
  const blocked = new Set(opts.history.blocked.map((p) => (p.a < p.b ? `${p.a}\u001f${p.b}` : `${p.b}\u001f${p.a}`)));
  const value = new Float64Array(n * n);
  const kind = new Uint8Array(n * n); // bit 1 new, 2 cross-community, 4 goal-relevant
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = idx[i]!;
      const b = idx[j]!;
      let v: number;
      let k = 0;
      const key = ids[i]! < ids[j]! ? `${ids[i]}\u001f${ids[j]}` : `${ids[j]}\u001f${ids[i]}`;
      if (blocked.has(key)) v = -EVENT_TABLES_DEFAULTS.blockedPenalty;
      else if (known.has(key)) v = 0;
      else {
        const goal = goalRelevance(index, a, b).goal + goalRelevance(index, b, a).goal;
        const cross = index.community[a] !== index.community[b];
        v = 1 + goal + (cross ? EVENT_TABLES_DEFAULTS.crossCommunityBonus : 0);
        k = 1 | (cross ? 2 : 0) | (goal > 0 ? 4 : 0);
      }
      value[i * n + j] = value[j * n + i] = v;
      kind[i * n + j] = kind[j * n + i] = k;
    }
  }

  const tableCount = Math.max(1, Math.ceil(n / opts.tableSize));
  const sizes = Array.from({ length: tableCount }, (_, t) => Math.floor(n / tableCount) + (t < n % tableCount ? 1 : 0));
  const rng = createRng(opts.seed);
  const objectiveOf = (table: Int32Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (table[i] === table[j]) s += value[i * n + j]!;
    return s;
  };
  const randomSeating = () => {
    const order = shuffle(rng, Array.from({ length: n }, (_, i) => i));
    const table = new Int32Array(n);
    let p = 0;
    sizes.forEach((size, t) => {
      for (let s = 0; s < size; s++) table[order[p++]!] = t;
    });
    return table;
  };
  // gain[i * T + t]: value person i would have with the people at table t.
  const localSearch = (table: Int32Array) => {
    const T = tableCount;
    const with_ = new Float64Array(n * T);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) with_[i * T + table[j]!]! += value[i * n + j]!;
    let improved = true;
    while (improved) {
      improved = false;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const ti = table[i]!;
          const tj = table[j]!;
          if (ti === tj) continue;
          const vij = value[i * n + j]!;
          const delta = with_[i * T + tj]! - vij - with_[i * T + ti]! + (with_[j * T + ti]! - vij - with_[j * T + tj]!);
          if (delta > 1e-12) {
            table[i] = tj;
            table[j] = ti;
            for (let x = 0; x < n; x++) {
              if (x !== i) {
                with_[x * T + ti]! -= value[x * n + i]!;
                with_[x * T + tj]! += value[x * n + i]!;
              }
              if (x !== j) {
                with_[x * T + tj]! -= value[x * n + j]!;
                with_[x * T + ti]! += value[x * n + j]!;
              }
            }
            improved = true;
          }
        }
      }
    }
    return table;
  };

  let best: Int32Array | null = null;
  let bestObjective = -Infinity;
  let randomObjective = 0;
  for (let r = 0; r < opts.restarts; r++) {
    const start = randomSeating();
    if (r === 0) randomObjective = objectiveOf(start);
    const table = localSearch(start);
    const o = objectiveOf(table);
    if (o > bestObjective + 1e-12) {
      bestObjective = o;
      best = table;
    }
  }
  const tables: EventTable[] = sizes.map((_, t) => ({ table: t + 1, people: [], newPairs: 0, crossCommunityPairs: 0, goalRelevantPairs: 0, value: 0 }));
  const seat = best ?? new Int32Array(n);
  for (let i = 0; i < n; i++) tables[seat[i]!]!.people.push({ id: ids[i]!, name: graph.person(ids[i]!)!.name });
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (seat[i] !== seat[j]) continue;
      const t = tables[seat[i]!]!;
      const k = kind[i * n + j]!;
      t.value += value[i * n + j]!;
      if (k & 1) t.newPairs++;
      if (k & 2) t.crossCommunityPairs++;
      if (k & 4) t.goalRelevantPairs++;
    }
  }
  return { eventId, attendees: n, tableSize: opts.tableSize, tables, objective: n === 0 ? 0 : bestObjective, randomObjective };
}

/** Pairs of `ids` (`a␟b`, a < b) who know each other without the planned event: a social tie or another shared event. */
function knownPairs(graph: BridgeworkGraph, ids: readonly string[], index: SuggestIndex, planned: string | null): Set<string> {
  const people = new Set(ids);
  const social = new Set<string>(SOCIAL_TIE_KINDS);
  const key = (a: string, b: string) => (a < b ? `${a}\u001f${b}` : `${b}\u001f${a}`);
  const known = new Set<string>();
  for (const a of ids) {
    for (const t of graph.tiesOf(a)) {
      if (!social.has(t.kind)) continue;
      const b = t.source === a ? t.target : t.source;
      if (b !== a && people.has(b)) known.add(key(a, b));
    }
  }
  const { now, coAttendanceMinStrength } = index.options;
  const shared = coAttendanceTies(graph, { now, asOf: now, people, ...(planned === null ? {} : { exceptEvents: new Set([planned]) }) });
  for (const t of shared) if (t.strength >= coAttendanceMinStrength) known.add(key(t.source, t.target));
  return known;
}
