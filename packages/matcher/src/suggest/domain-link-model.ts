/**
 * The learned link model on the domain graph: the product's likelihood learned from the service's own history, the
 * same way the evaluation learns it from a timestamped network (docs/evaluation.md, "The learned link model";
 * Lichtenwalter, Lussier & Chawla, KDD 2010, on supervised link prediction with a time split; Backstrom & Leskovec,
 * WSDM 2011). The domain graph is turned into contact events between people:
 *
 * - each recorded person–person social tie (`SOCIAL_TIE_KINDS`) is an event at its `since` date and, when later,
 *   another at its `lastContact`; a tie without a `since` date is placed at the earliest time of the history (it was
 *   there before anything dated);
 * - people who attended the same event, held on or before `now`, are in touch at the event's date (events of at most
 *   `maxGroup` attendees, as the link model's co-event groups: a large fair says little about each pair);
 * - nothing after `now` (upcoming events, future-dated contacts) is history.
 *
 * `fitLinkModel` learns its weights from that history's inner time split, or falls back to the prior of
 * `link-model/prior.ts` when the history cannot teach any (undated ties only: one instant); the scorer is the model's
 * `scoreByIds`, the shape of `suggestIntroductions`' `linkScorer`. Pure: `now` and `seed` are passed in.
 */
import { BridgeworkError, dateToMs, type BridgeworkGraph, type TieKind } from '@bridgework/graph-core';
import { z } from 'zod';
import { fitLinkModel, LINK_MODEL_DEFAULTS, type LinkModel, type LinkModelFit } from '../link-model/link-model.js';
import type { LinkEvents } from '../link-model/history.js';
import { SUGGEST_DEFAULTS, parseOptions, type LikelihoodName, type LinkScorer } from './options.js';
import { SOCIAL_TIE_KINDS } from './suggest-index.js';

/** Defaults of `fitDomainLinkModel`: the link model's seed, query cap and co-event group size. */
export const DOMAIN_LINK_MODEL_DEFAULTS = Object.freeze({
  seed: LINK_MODEL_DEFAULTS.seed,
  maxQueries: LINK_MODEL_DEFAULTS.maxQueries,
  /** Events with more attendees than this add no pairs (the link model's `maxGroup`). */
  maxGroup: LINK_MODEL_DEFAULTS.maxGroup,
});

const DomainLinkModelOptionsSchema = z.strictObject({
  now: z.date().refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date'),
  seed: z.number().int().default(DOMAIN_LINK_MODEL_DEFAULTS.seed),
  maxQueries: z.number().int().min(1).default(DOMAIN_LINK_MODEL_DEFAULTS.maxQueries),
  maxGroup: z.number().int().min(2).default(DOMAIN_LINK_MODEL_DEFAULTS.maxGroup),
});

/** Options of `fitDomainLinkModel` and `domainLinkEvents`. */
export interface DomainLinkModelOptions {
  /** The moment the history ends: nothing after it is read. */
  now: Date;
  /** Seed of the model's Louvain communities and query sample; default 42. */
  seed?: number;
  /** Most learning queries the fit reads (a seeded sample beyond); default 20 000. */
  maxQueries?: number;
  /** Events with more attendees than this add no pairs; default 50. */
  maxGroup?: number;
}

/** A link model fitted on a domain graph. */
export interface DomainLinkModel {
  model: LinkModel;
  /** `model.scoreByIds`: (personId, candidateIds) → likelihoods in [0, 1], for `linkScorer`. */
  scorer: LinkScorer;
  /** What the model learned from (`learned`, or the `prior` and why). */
  fit: LinkModelFit;
  /** The contact events it was fitted on (people are the nodes, in `ids`). */
  events: LinkEvents & { ids: readonly string[] };
}

const SOCIAL = new Set<TieKind>(SOCIAL_TIE_KINDS);

/**
 * The domain graph's history of contacts between people up to `options.now`, sorted by time (see the file header).
 * Node indices are the people in the graph's order; `times` are milliseconds since 1970.
 */
export function domainLinkEvents(graph: BridgeworkGraph, options: DomainLinkModelOptions): LinkEvents & { ids: readonly string[] } {
  const o = parseOptions(DomainLinkModelOptionsSchema, options, 'domain-link-model');
  return eventsOf(graph, o.now.getTime(), o.maxGroup);
}

/**
 * Fit the learned link model on `graph`'s history up to `options.now` and return it with its scorer. Throws a
 * validation error for bad options or a history of fewer than two contact events; falls back to the prior weights
 * (`fit.source: 'prior'`) when the history has nothing to teach.
 */
export function fitDomainLinkModel(graph: BridgeworkGraph, options: DomainLinkModelOptions): DomainLinkModel {
  const o = parseOptions(DomainLinkModelOptionsSchema, options, 'domain-link-model');
  return fitOn(eventsOf(graph, o.now.getTime(), o.maxGroup), o);
}

function fitOn(events: LinkEvents & { ids: readonly string[] }, o: z.infer<typeof DomainLinkModelOptionsSchema>): DomainLinkModel {
  if (events.count < 2) {
    throw new BridgeworkError('validation', `matcher/domain-link-model: the graph has ${events.count} contact event${events.count === 1 ? '' : 's'} between people up to ${o.now.toISOString().slice(0, 10)}; the link model needs at least 2`);
  }
  const model = fitLinkModel(events, { seed: o.seed, maxQueries: o.maxQueries, maxGroup: o.maxGroup });
  return { model, scorer: model.scoreByIds, fit: model.fit, events };
}

/**
 * The `linkScorer` the product ranks with for `likelihood` (default `SUGGEST_DEFAULTS.likelihood`): the learned
 * model's scorer for `learned`, or undefined — the matcher's resource allocation — for `resource-allocation` and for
 * a graph with fewer than two contact events between people (nothing to fit). Fit once per index and reuse it.
 */
export function productLinkScorer(graph: BridgeworkGraph, options: DomainLinkModelOptions & { likelihood?: LikelihoodName }): LinkScorer | undefined {
  const { likelihood = SUGGEST_DEFAULTS.likelihood, ...rest } = options;
  if (likelihood === 'resource-allocation') return undefined;
  if (likelihood !== 'learned') throw new BridgeworkError('validation', `matcher/domain-link-model: likelihood must be learned or resource-allocation, not ${JSON.stringify(likelihood)}`);
  const o = parseOptions(DomainLinkModelOptionsSchema, rest, 'domain-link-model');
  const events = eventsOf(graph, o.now.getTime(), o.maxGroup);
  return events.count < 2 ? undefined : fitOn(events, o).scorer;
}

function eventsOf(graph: BridgeworkGraph, nowMs: number, maxGroup: number): LinkEvents & { ids: readonly string[] } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const eventDate = new Map<string, number>();
  graph.graph.forEachNode((id, attributes) => {
    if (attributes.type === 'person') {
      index.set(id, ids.length);
      ids.push(id);
    } else if (attributes.type === 'event') {
      const t = dateToMs(attributes.date);
      if (t <= nowMs) eventDate.set(id, t);
    }
  });
  const sources: number[] = [];
  const targets: number[] = [];
  const times: number[] = [];
  /** Ties without a since date: placed at the earliest time once it is known. */
  const undated: number[] = [];
  const undatedLast: number[] = [];
  const attendees = new Map<string, number[]>();
  graph.graph.forEachEdge((_key, tie) => {
    if (tie.kind === 'attended') {
      const p = index.get(tie.source);
      if (p === undefined || !eventDate.has(tie.target)) return;
      const list = attendees.get(tie.target);
      if (list) list.push(p);
      else attendees.set(tie.target, [p]);
      return;
    }
    if (!SOCIAL.has(tie.kind)) return;
    const a = index.get(tie.source);
    const b = index.get(tie.target);
    if (a === undefined || b === undefined || a === b) return;
    const last = tie.lastContact ? dateToMs(tie.lastContact) : Number.NaN;
    if (tie.since) {
      const since = dateToMs(tie.since);
      if (!(since <= nowMs)) return;
      sources.push(a), targets.push(b), times.push(since);
      if (last > since && last <= nowMs) sources.push(a), targets.push(b), times.push(last);
    } else {
      undated.push(a, b);
      undatedLast.push(last <= nowMs ? last : Number.NaN);
    }
  });
  for (const [eventId, people] of attendees) {
    const uniq = Array.from(new Set(people)).sort((x, y) => x - y);
    if (uniq.length < 2 || uniq.length > maxGroup) continue;
    const t = eventDate.get(eventId)!;
    for (let i = 0; i < uniq.length; i++) for (let j = i + 1; j < uniq.length; j++) sources.push(uniq[i]!), targets.push(uniq[j]!), times.push(t);
  }
  let earliest = Number.POSITIVE_INFINITY;
  for (const t of times) if (t < earliest) earliest = t;
  for (const t of undatedLast) if (t < earliest) earliest = t;
  if (earliest === Number.POSITIVE_INFINITY) earliest = 0;
  for (let i = 0; i < undatedLast.length; i++) {
    const a = undated[2 * i]!;
    const b = undated[2 * i + 1]!;
    sources.push(a), targets.push(b), times.push(earliest);
    const last = undatedLast[i]!;
    if (last > earliest) sources.push(a), targets.push(b), times.push(last);
  }
  const count = times.length;
  const order = Uint32Array.from({ length: count }, (_, e) => e).sort((x, y) => times[x]! - times[y]! || sources[x]! - sources[y]! || targets[x]! - targets[y]! || x - y);
  return {
    n: ids.length,
    ids,
    sources: Uint32Array.from(order, (e) => sources[e]!),
    targets: Uint32Array.from(order, (e) => targets[e]!),
    times: Float64Array.from(order, (e) => times[e]!),
    count,
  };
}
