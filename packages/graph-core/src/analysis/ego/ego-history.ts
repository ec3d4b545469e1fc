/**
 * A person's network health over time — what a coach reads as progress: contacts gained, the share of them that are
 * weak ties (acquaintances, where most job leads come from: Granovetter 1973, "The strength of weak ties", American
 * Journal of Sociology 78:1360–1380), the employer sectors reached within two steps, and Burt's (1992, Structural
 * Holes) constraint falling as the network opens up.
 *
 * Each point is the network as it stood on that date (`domainProjection` with `asOf`): ties recorded as starting later
 * and events held later are left out, and strengths are decayed to that date. A tie without a `since` date is taken
 * to have always been there, and a tie's last contact after the date counts as contact on the date (what happened in
 * between is not recorded) — so the history is as good as the ties' dates. The last point, at `now`, equals what the
 * domain analysis reports today (same projection, tie classification and weighted constraint).
 */
import { BridgeworkError } from '../../errors.js';
import type { BridgeworkGraph } from '../../graph/bridgework-graph.js';
import { SIC_SECTION_LETTERS, type SicSection } from '../../model/sectors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { tieTableAtFullStrength, type TieTable } from '../../projection/tie-table.js';
import { coAttendanceTies } from '../../model/co-attendance.js';
import { domainProjection, domainTieTable } from '../analyze-domain.js';
import { nodeFacts } from '../reach/node-facts.js';
import { localConstraintsOf } from '../structural-holes/local-constraint.js';
import { resolveTieRule, weakShareAt, type TieClassificationOptions } from '../ties/tie-classification.js';

/** Options of `egoHistory`; defaults in `EGO_HISTORY_DEFAULTS`. */
export interface EgoHistoryOptions {
  /** The last point (graph-core reads no clock). */
  now: Date;
  /** How many calendar months to look back: points at now, one month earlier, … (default 6). */
  months?: number;
  /** Half-life of tie decay in days (default `DEFAULT_HALF_LIFE_DAYS`). */
  halfLifeDays?: number;
  /** Constraint over tie strengths (as the domain analyses compute it) or tie counts; default true. */
  weighted?: boolean;
  /** How ties are classed weak (default as `classifyTies`). */
  ties?: TieClassificationOptions;
}

/** Defaults of `EgoHistoryOptions`. */
export const EGO_HISTORY_DEFAULTS = Object.freeze({ months: 6, weighted: true });

/** One person's network health on one date. */
export interface EgoHealthPoint {
  /** The date (YYYY-MM-DD). */
  date: string;
  /** Contacts (people and organisations, shared events included). */
  size: number;
  /** Share of the contacts' ties that are weak; null with no contacts. */
  weakTieShare: number | null;
  /** Sectors of the organisations within two steps, A–U order. */
  sectorsTwoSteps: SicSection[];
  /** Burt's constraint; null with no contacts. */
  constraint: number | null;
  /**
   * Contacts at this point who were not contacts at the point before (new recorded ties and people met at events);
   * 0 at the first point. Contacts can also be lost (a shared event fading out), so `size` may grow by less.
   */
  tiesGained: number;
}

/** The history of each person asked for, oldest point first. */
export interface EgoHistory {
  dates: string[];
  people: Record<string, EgoHealthPoint[]>;
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** `now` moved back `k` calendar months (the day clamped to the month's length), at the same time of day. */
export function monthsBefore(now: Date, k: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - k;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(now.getTime());
  d.setUTCFullYear(y, m, Math.min(now.getUTCDate(), last));
  return d;
}

/** Options of `networkAsOf`. */
export type NetworkAsOfOptions = Pick<EgoHistoryOptions, 'halfLifeDays' | 'weighted' | 'ties'> & {
  /** `domainTieTable(domain)`, read once and shared by the networks of several dates (default: read it again). */
  table?: TieTable;
  /**
   * Only the health of these people will be read: the network is projected within two steps of them
   * (`domainProjection`'s `around`) — the same figures for them at a fraction of a large graph's cost — and
   * `egoHealth` refuses anyone else. Default: everyone.
   */
  around?: readonly string[];
};

/** The network as it stood at one instant, ready to read any person's health from (see `egoHealth`). */
export interface NetworkAsOf {
  /** The instant, and its date (YYYY-MM-DD). */
  at: Date;
  date: string;
  /** `domainProjection` as of `at`; node indices are the same at every instant (the domain's people and organisations). */
  g: CompactGraph;
  /** Each node's organisation sector (index into SIC_SECTION_LETTERS), −1 for people. */
  sector: Int8Array;
  weighted: boolean;
  rule: ReturnType<typeof resolveTieRule>;
  /** Scratch for the two-step walk: a visit stamp per node and the last stamp given. */
  scratch: { seen: Uint32Array; stamp: number };
  /** The people whose health it can give (`around`), or null for everyone. */
  around: ReadonlySet<string> | null;
}

/**
 * The network as it stood at `at`: one projection (O(n + m)); each person's health is then read from it in O(local).
 * With `around`, only the part within two steps of those people is projected: the same figures for them.
 */
export function networkAsOf(domain: BridgeworkGraph, at: Date, options: NetworkAsOfOptions = {}): NetworkAsOf {
  if (Number.isNaN(at.getTime())) throw new BridgeworkError('validation', 'graph-core/ego-history: the date is an invalid Date');
  const decay = options.halfLifeDays === undefined ? {} : { halfLifeDays: options.halfLifeDays };
  const table = options.table ?? domainTieTable(domain);
  const g = domainProjection(domain, { now: at, asOf: at, ...decay, table, ...(options.around ? { around: options.around } : {}) });
  let rule = resolveTieRule(g, options.ties);
  if (options.around && (options.ties?.basis ?? 'auto') === 'auto') {
    // 'auto' looks at every weight of the network, not only those within two steps of the people asked for: the
    // whole network is at full strength only when each of its ties (and each shared event's) is.
    const full = tieTableAtFullStrength(table, { now: at, asOf: at, ...decay }) && tieTableAtFullStrength(table, { now: at, asOf: at, ...decay, extraTies: coAttendanceTies(domain, { now: at, asOf: at }) });
    rule = { ...rule, basis: full ? 'overlap' : 'strength' };
  }
  return {
    at,
    date: isoDay(at),
    g,
    sector: nodeFacts(domain, g).sector,
    weighted: options.weighted ?? EGO_HISTORY_DEFAULTS.weighted,
    rule,
    scratch: { seen: new Uint32Array(g.n), stamp: 0 },
    around: options.around ? new Set(options.around) : null,
  };
}

/**
 * One person's health in `net`; `tiesGained` counts their contacts in `net` who were not contacts in `previous` (0
 * without one). Throws `not-found` for someone not in the network.
 */
export function egoHealth(net: NetworkAsOf, personId: string, previous?: NetworkAsOf): EgoHealthPoint {
  const { g } = net;
  const i = g.indexOf(personId);
  if (i < 0) throw new BridgeworkError('not-found', `graph-core/ego-history: no person with id ${JSON.stringify(personId)} in the network`);
  if (net.around && !net.around.has(personId)) {
    throw new BridgeworkError('validation', `graph-core/ego-history: the network of ${net.date} was projected around other people, not ${JSON.stringify(personId)}`);
  }
  if (previous?.around && !previous.around.has(personId)) {
    throw new BridgeworkError('validation', `graph-core/ego-history: the network of ${previous.date} was projected around other people, not ${JSON.stringify(personId)}`);
  }
  const size = g.offsets[i + 1]! - g.offsets[i]!;
  let c = 0;
  for (const l of localConstraintsOf(g, i, { weighted: net.weighted })) c += l;
  const share = weakShareAt(g, i, net.rule);
  let gained = 0;
  if (previous) {
    const before = previous.g;
    const j = before.indexOf(personId);
    for (let e = g.offsets[i]!; e < g.offsets[i + 1]!; e++) {
      const v = before.indexOf(g.ids[g.neighbours[e]!]!);
      if (j < 0 || v < 0 || !before.hasEdge(j, v)) gained++;
    }
  }
  return {
    date: net.date,
    size,
    weakTieShare: Number.isNaN(share) ? null : share,
    sectorsTwoSteps: sectorsWithinTwoSteps(g, i, net.sector, net.scratch),
    constraint: size === 0 ? null : c,
    tiesGained: gained,
  };
}

/**
 * The network health of each of `personIds` at `now` and at each of the `months` calendar months before it. One
 * projection per point (`networkAsOf`), then O(local) per person and point. Throws `not-found` for an unknown person
 * and `validation` for bad options.
 */
export function egoHistory(domain: BridgeworkGraph, personIds: readonly string[], options: EgoHistoryOptions): EgoHistory {
  const months = options.months ?? EGO_HISTORY_DEFAULTS.months;
  if (Number.isNaN(options.now.getTime())) throw new BridgeworkError('validation', 'graph-core/ego-history: now is an invalid Date');
  if (!Number.isInteger(months) || months < 0 || months > 120) throw new BridgeworkError('validation', `graph-core/ego-history: months must be a whole number in [0, 120], not ${months}`);
  for (const id of personIds) if (!domain.person(id)) throw new BridgeworkError('not-found', `graph-core/ego-history: no person with id ${JSON.stringify(id)}`);
  const points = Array.from({ length: months + 1 }, (_, k) => monthsBefore(options.now, months - k));
  const people: Record<string, EgoHealthPoint[]> = Object.fromEntries(personIds.map((id) => [id, []]));
  let previous: NetworkAsOf | undefined;
  const table = domainTieTable(domain);
  for (const at of points) {
    const net = networkAsOf(domain, at, { ...options, table, around: personIds });
    for (const id of personIds) people[id]!.push(egoHealth(net, id, previous));
    previous = net;
  }
  return { dates: points.map(isoDay), people };
}

/**
 * The sectors (A–U order) of the organisations within two steps of u — what `egoReport` gives as `sectors.twoSteps`,
 * without its scan of the whole graph for the sectors present. Each call stamps the nodes it visits with a fresh
 * stamp, so a node is read once per call and the scratch needs no clearing.
 */
function sectorsWithinTwoSteps(g: CompactGraph, u: number, sector: Int8Array, scratch: { seen: Uint32Array; stamp: number }): SicSection[] {
  const { seen } = scratch;
  if (scratch.stamp === 0xffffffff) {
    seen.fill(0);
    scratch.stamp = 0;
  }
  const stamp = ++scratch.stamp;
  let mask = 0;
  seen[u] = stamp;
  for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
    const v = g.neighbours[a]!;
    seen[v] = stamp;
    if (sector[v]! >= 0) mask |= 1 << sector[v]!;
  }
  for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
    const v = g.neighbours[a]!;
    for (let b = g.offsets[v]!; b < g.offsets[v + 1]!; b++) {
      const w = g.neighbours[b]!;
      if (seen[w] === stamp) continue;
      seen[w] = stamp;
      if (sector[w]! >= 0) mask |= 1 << sector[w]!;
    }
  }
  return SIC_SECTION_LETTERS.filter((_, k) => (mask & (1 << k)) !== 0);
}
