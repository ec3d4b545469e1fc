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
import type { SicSection } from '../../model/sectors.js';
import { domainProjection } from '../analyze-domain.js';
import { nodeFacts } from '../reach/node-facts.js';
import { localConstraintsOf } from '../structural-holes/local-constraint.js';
import { classifyTies, type TieClassificationOptions } from '../ties/tie-classification.js';
import { egoReport } from './ego-report.js';

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

/**
 * The network health of each of `personIds` at `now` and at each of the `months` calendar months before it. One
 * projection per point: O(points · (n + m · arboricity)) time. Throws `not-found` for an unknown person and
 * `validation` for bad options.
 */
export function egoHistory(domain: BridgeworkGraph, personIds: readonly string[], options: EgoHistoryOptions): EgoHistory {
  const months = options.months ?? EGO_HISTORY_DEFAULTS.months;
  const weighted = options.weighted ?? EGO_HISTORY_DEFAULTS.weighted;
  if (Number.isNaN(options.now.getTime())) throw new BridgeworkError('validation', 'graph-core/ego-history: now is an invalid Date');
  if (!Number.isInteger(months) || months < 0 || months > 120) throw new BridgeworkError('validation', `graph-core/ego-history: months must be a whole number in [0, 120], not ${months}`);
  for (const id of personIds) if (!domain.person(id)) throw new BridgeworkError('not-found', `graph-core/ego-history: no person with id ${JSON.stringify(id)}`);

  const points = Array.from({ length: months + 1 }, (_, k) => monthsBefore(options.now, months - k));
  const people: Record<string, EgoHealthPoint[]> = Object.fromEntries(personIds.map((id) => [id, []]));
  const decay = options.halfLifeDays === undefined ? {} : { halfLifeDays: options.halfLifeDays };

  // Ties gained: contacts at a point who were not contacts at the point before.
  let previous = new Map<string, Set<string>>();
  points.forEach((at, k) => {
    const g = domainProjection(domain, { now: at, asOf: at, ...decay });
    const facts = nodeFacts(domain, g);
    const weak = classifyTies(g, options.ties);
    const noCommunities = new Uint8Array(g.n);
    const current = new Map<string, Set<string>>();
    for (const id of personIds) {
      const i = g.indexOf(id);
      const report = egoReport(g, i, { facts, communities: noCommunities, maxSteps: 2 });
      let c = 0;
      for (const l of localConstraintsOf(g, i, { weighted })) c += l;
      const share = weak.weakShare[i]!;
      const contacts = new Set<string>();
      for (let e = g.offsets[i]!; e < g.offsets[i + 1]!; e++) contacts.add(g.ids[g.neighbours[e]!]!);
      current.set(id, contacts);
      const before = previous.get(id);
      let gained = 0;
      if (before) for (const c of contacts) if (!before.has(c)) gained++;
      people[id]!.push({
        date: isoDay(at),
        size: report.size,
        weakTieShare: Number.isNaN(share) ? null : share,
        sectorsTwoSteps: report.sectors.twoSteps,
        constraint: report.size === 0 ? null : c,
        tiesGained: gained,
      });
    }
    previous = current;
  });
  return { dates: points.map(isoDay), people };
}
