/**
 * A link-likelihood model learned from a network's own history, as LinkedIn's People You May Know learns from past
 * connections: split the history again in time, summarise the earlier part, see which first ties formed in the later
 * part, and learn how to rank each person's candidates so that those come first (Lichtenwalter, Lussier & Chawla,
 * "New perspectives and methods in link prediction", KDD 2010, on supervised link prediction with a time split;
 * Backstrom & Leskovec, "Supervised random walks", WSDM 2011). The learned weights are then applied to the summary
 * of the whole history.
 *
 * Two stages, as in production friend recommenders: candidate generation — the `shortlist` best candidates of u by
 * common neighbours (ties by Adamic–Adar, then first appearance), with `recentSlots` of them kept for the people who
 * made the most new ties lately among those sharing no contact with u — then a learned ranking of the shortlist by a
 * conditional logit (multinomial logistic regression over each person's candidates, McFadden 1974; see
 * `conditional-logit.ts`) over the pair features of `pair-features.ts`, with an L2 penalty. Each learning query weighs
 * the same, as in the evaluation's hits@k. The features are scale-free (logs, shares, decays on the event clock), so
 * the hyperparameters in `LINK_MODEL_DEFAULTS` are the same for every network; only the weights are learned, per
 * network, from its own history — or, when the history has nothing to teach (a single panel wave), taken from the
 * prior of `prior.ts`, learned on other networks.
 *
 * Negative sampling: the learning candidates of a query are its shortlist, i.e. every non-adjacent node is a
 * potential negative and the shortlist is a deterministic sample of the hardest ones; `seed` fixes the Louvain
 * communities and the sample of learning queries when there are more than `maxQueries`. Nothing here reads a clock
 * or Math.random.
 */
import { BridgeworkError, mulberry32 } from '@bridgework/graph-core';
import { fitConditionalLogit, type ChoiceSet } from './conditional-logit.js';
import { summariseHistory, type HistoryOptions, type LinkEvents, type LinkHistory } from './history.js';
import { createFeatureScratch, FEATURE_COUNT, PAIR_FEATURES, pairFeatures, type FeatureScratch, type PairFeature } from './pair-features.js';
import { PRIOR_COEFFICIENTS } from './prior.js';

/** Options of `fitLinkModel`. */
export interface LinkModelOptions extends HistoryOptions {
  /** Share of the history's events held out (the later ones) to learn from; default 0.2, as the evaluation. */
  innerTestFraction?: number;
  /** Candidates per person that the model ranks (candidate generation; see `shortlistOf`); default 100. */
  shortlist?: number;
  /** Shortlist places kept for people without a contact in common, the most active tie-makers lately; default 10. */
  recentSlots?: number;
  /** L2 penalty λ of the conditional logit over standardised features; default 0.001. */
  l2?: number;
  /**
   * When the history cannot teach any weights — it is one instant (a single panel wave), or no new tie of its later
   * part falls in a shortlist: `prior` (default) ranks with `PRIOR_COEFFICIENTS` (weights learned on other networks,
   * standardised on this one) and says so in `fit`; `throw` refuses with a validation error.
   */
  whenUnlearnable?: 'prior' | 'throw';
  /**
   * Most learning queries (people with a new tie in the later part) the fit reads: when there are more, a
   * deterministic sample of this many, drawn with `seed` (mulberry32), bounds the cost on big graphs. Default
   * 20 000, above every evaluation network's count, so their fits read every query.
   */
  maxQueries?: number;
}

/** Defaults of `fitLinkModel`: the same for every network. */
export const LINK_MODEL_DEFAULTS = Object.freeze({ innerTestFraction: 0.2, shortlist: 100, recentSlots: 10, l2: 0.001, halfLifeShare: 1, maxGroup: 50, sequenceWindow: 3, seed: 42, whenUnlearnable: 'prior' as 'prior' | 'throw', maxQueries: 20_000 });

/** Scores candidate pairs (u, v) of node indices in [0, 1]: how likely a first tie between u and v is. */
export interface IndexLinkScorer {
  /** Likelihood of a tie between u and each candidate, in [0, 1], aligned with `candidates`. */
  score(u: number, candidates: ArrayLike<number>): Float64Array;
}

/** A person's shortlist, best first, with the model's logits and likelihoods. */
export interface RankedCandidates {
  /** The shortlisted candidates (not u, not u's contacts), best first by the model. */
  candidates: Uint32Array;
  /** The logit w·x̃ of each. */
  logits: Float64Array;
  /** exp(logit − best logit): the model's odds of each against u's likeliest new contact, in (0, 1]. */
  likelihoods: Float64Array;
}

/** What the model learned from. */
export interface LinkModelFit {
  /**
   * `learned` from this history's inner split, or the `prior` (then `reason` says why, and the counts are 0), or
   * `hindsight`: learned from the later events it predicts (`fitHindsightLinkModel`; an in-sample ceiling).
   */
  source: 'learned' | 'prior' | 'hindsight';
  reason: string | null;
  /** Events in the earlier part (the summarised history) and the later part (the labels) of the inner split. */
  innerEvents: number;
  laterEvents: number;
  /** People with a new tie in the later part whose new contact was in their shortlist, and those contacts. */
  queries: number;
  positives: number;
  /** Shortlisted candidates that did not become contacts (the negatives). */
  negatives: number;
  iterations: number;
  /** Mean negative log-likelihood per new tie at the end of the fit. */
  logLoss: number;
}

/** A fitted link model. */
export interface LinkModel extends IndexLinkScorer {
  /** The feature names, in the order of `coefficients`. */
  features: readonly PairFeature[];
  /** Weight of each standardised feature: learned, or the prior's (see `fit.source`). */
  coefficients: Record<PairFeature, number>;
  /** Mean and standard deviation of each feature in the learning sample (the standardisation). */
  mean: number[];
  scale: number[];
  fit: LinkModelFit;
  /** The summary of the whole history that the model scores against. */
  history: LinkHistory;
  /** The options it was fitted with. */
  options: Readonly<Required<LinkModelOptions>>;
  /** u's shortlist ranked by the model. */
  rank(u: number): RankedCandidates;
  /**
   * The same scores asked by node id — the shape of the suggest module's `linkScorer` option, so the domain matcher
   * can plug the model in: (personId, candidateIds) → likelihoods in [0, 1]; unknown ids score 0.
   */
  scoreByIds(personId: string, candidateIds: readonly string[]): Float64Array;
}

function fail(message: string): never {
  throw new BridgeworkError('validation', `matcher/link-model: ${message}`);
}

/**
 * u's shortlist, from two sources as production recommenders draw candidates: the `size − recentSlots` best
 * non-adjacent nodes (v ≠ u, v with a tie in the history) by common neighbours, then Adamic–Adar, then node index;
 * then, up to `size`, the nodes without a contact in common with u that made the most new ties lately
 * (`LinkHistory.byNewTies`) — the people who can only be reached further out, whom a common-neighbour list never
 * shows; then the next by common neighbours if those run out. With their feature rows.
 */
export function shortlistOf(h: LinkHistory, u: number, size: number, scratch: FeatureScratch, recentSlots = 0): { candidates: Uint32Array; rows: Float64Array } {
  const g = h.graph;
  const { offsets, neighbours } = g;
  const { cn, aa, touched } = scratch;
  let t = 0;
  for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
    const z = neighbours[p]!;
    const dz = offsets[z + 1]! - offsets[z]!;
    if (dz < 2) continue;
    const w = 1 / Math.log(dz);
    for (let q = offsets[z]!, e2 = offsets[z + 1]!; q < e2; q++) {
      const v = neighbours[q]!;
      if (v === u) continue;
      if (cn[v] === 0) touched[t++] = v;
      cn[v]!++;
      aa[v]! += w;
    }
  }
  const near: number[] = [];
  for (let i = 0; i < t; i++) {
    const v = touched[i]!;
    if (!g.hasEdge(u, v)) near.push(v);
  }
  near.sort((a, b) => cn[b]! - cn[a]! || aa[b]! - aa[a]! || a - b);
  const cut = Math.max(0, size - recentSlots);
  const list = near.slice(0, cut);
  for (const v of h.byNewTies) {
    if (list.length >= size) break;
    if (v !== u && cn[v] === 0 && g.degree(v) > 0 && !g.hasEdge(u, v)) list.push(v);
  }
  for (let i = cut; i < near.length && list.length < size; i++) list.push(near[i]!);
  for (let i = 0; i < t; i++) {
    cn[touched[i]!] = 0;
    aa[touched[i]!] = 0;
  }
  const candidates = Uint32Array.from(list);
  const rows = new Float64Array(list.length * FEATURE_COUNT);
  pairFeatures(h, u, candidates, rows, scratch);
  return { candidates, rows };
}

/** The first ties of the events [from, to) between nodes of `h` that were not yet in touch, by node. */
function laterPairs(events: LinkEvents, from: number, to: number, h: LinkHistory): Map<number, Set<number>> {
  const byNode = new Map<number, Set<number>>();
  const g = h.graph;
  const add = (a: number, b: number) => {
    let s = byNode.get(a);
    if (!s) byNode.set(a, (s = new Set()));
    s.add(b);
  };
  for (let e = from; e < to; e++) {
    const a = events.sources[e]!;
    const b = events.targets[e]!;
    if (a === b || g.degree(a) === 0 || g.degree(b) === 0 || g.hasEdge(a, b)) continue;
    add(a, b);
    add(b, a);
  }
  return byNode;
}

/** The index of the first event at or after the inner split time: events before it are the earlier part. */
export function innerSplitIndex(times: ArrayLike<number>, count: number, testFraction: number): number {
  const cut = Math.floor((1 - testFraction) * count);
  const threshold = times[Math.min(cut, count - 1)]!;
  let inner = 0;
  while (inner < count && times[inner]! < threshold) inner++;
  return inner;
}

/**
 * Learn a link model from `events` (sorted by time; see `LinkEvents`). Throws a validation error on bad options or a
 * history of fewer than two events. When the inner split leaves nothing to learn from (every event at one instant,
 * or no new tie of the later part in a shortlist) it ranks with the prior weights (`whenUnlearnable: 'prior'`, the
 * default; `fit.source` says so) or throws (`'throw'`).
 */
export function fitLinkModel(events: LinkEvents, options: LinkModelOptions = {}): LinkModel {
  const o: Required<LinkModelOptions> = { ...LINK_MODEL_DEFAULTS, ...options };
  checkOptions(o);
  const historyOptions: HistoryOptions = { halfLifeShare: o.halfLifeShare, maxGroup: o.maxGroup, sequenceWindow: o.sequenceWindow, seed: o.seed };
  const { count, times, n } = events;
  if (count < 2) fail(`a history of ${count} event${count === 1 ? '' : 's'} is too short to learn from`);
  const inner = innerSplitIndex(times, count, o.innerTestFraction);
  const history = summariseHistory(events, historyOptions);
  const learned = inner === 0 ? 'no event happens before the inner split time: the history is one instant' : learn(events, inner, o, historyOptions);
  if (typeof learned !== 'string') return assemble(history, learned.w, learned.mean, learned.scale, learned.fit, o);
  if (o.whenUnlearnable === 'throw') fail(learned);
  const { mean, scale } = standardisation(priorRows(history, o, createFeatureScratch(n)));
  const fit: LinkModelFit = { source: 'prior', reason: learned, innerEvents: inner, laterEvents: count - inner, queries: 0, positives: 0, negatives: 0, iterations: 0, logLoss: Number.NaN };
  return assemble(history, PAIR_FEATURES.map((f) => PRIOR_COEFFICIENTS[f]), mean, scale, fit, o);
}

/**
 * The link model's ceiling in hindsight: the weights learned from the very ties it is then asked to predict. `events`
 * (sorted by time) are a history of `historyCount` events followed by the later events; the weights are fitted on the
 * new ties of the later events against the summary of the history — the split `fitLinkModel` makes inside its own
 * history, put where an evaluation's test period begins — and the model ranks against that same summary. No honest
 * forecast can use it; it answers what the best weights for these features could reach on these ties (the "oracle"
 * of an in-sample fit), so an evaluation can tell a tuning gap from a ceiling of the features. `fit.source` is
 * `hindsight`. Throws a validation error when the history or the later events are empty, or when no new tie of the
 * later events falls in a shortlist.
 */
export function fitHindsightLinkModel(events: LinkEvents, historyCount: number, options: Omit<LinkModelOptions, 'innerTestFraction' | 'whenUnlearnable'> = {}): LinkModel {
  const o: Required<LinkModelOptions> = { ...LINK_MODEL_DEFAULTS, ...options };
  checkOptions(o);
  if (!(Number.isInteger(historyCount) && historyCount >= 1 && historyCount < events.count)) {
    fail(`historyCount must be a whole number in [1, ${events.count}) (events before the later ones), not ${historyCount}`);
  }
  const historyOptions: HistoryOptions = { halfLifeShare: o.halfLifeShare, maxGroup: o.maxGroup, sequenceWindow: o.sequenceWindow, seed: o.seed };
  const learned = learn(events, historyCount, o, historyOptions);
  if (typeof learned === 'string') fail(learned);
  return assemble(learned.early, learned.w, learned.mean, learned.scale, { ...learned.fit, source: 'hindsight' }, o);
}

function checkOptions(o: Required<LinkModelOptions>): void {
  if (!(o.innerTestFraction > 0 && o.innerTestFraction < 1)) fail(`innerTestFraction must be strictly between 0 and 1, not ${o.innerTestFraction}`);
  if (!(Number.isInteger(o.shortlist) && o.shortlist >= 2)) fail(`shortlist must be an integer ≥ 2, not ${o.shortlist}`);
  if (!(Number.isInteger(o.recentSlots) && o.recentSlots >= 0 && o.recentSlots < o.shortlist)) fail(`recentSlots must be a whole number in [0, shortlist), not ${o.recentSlots}`);
  if (!(o.l2 >= 0)) fail(`l2 must be ≥ 0, not ${o.l2}`);
  if (!(Number.isInteger(o.maxQueries) && o.maxQueries >= 1)) fail(`maxQueries must be a whole number ≥ 1, not ${o.maxQueries}`);
}

/** A model over `history` with weights `w` on the features standardised by `mean` and `scale`. */
function assemble(history: LinkHistory, w: number[], mean: number[], scale: number[], fit: LinkModelFit, o: Required<LinkModelOptions>): LinkModel {
  const n = history.graph.n;
  const fullScratch = createFeatureScratch(n);
  const logitsOf = (rows: Float64Array, k: number): Float64Array => {
    const z = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < FEATURE_COUNT; j++) s += (w[j]! * (rows[i * FEATURE_COUNT + j]! - mean[j]!)) / scale[j]!;
      z[i] = s;
    }
    return z;
  };
  const rank = (u: number): RankedCandidates => {
    if (!(Number.isInteger(u) && u >= 0 && u < n)) throw new BridgeworkError('not-found', `matcher/link-model: no node ${u} in a history of ${n} nodes`);
    const { candidates, rows } = shortlistOf(history, u, o.shortlist, fullScratch, o.recentSlots);
    const z = logitsOf(rows, candidates.length);
    const order = Array.from(candidates.keys()).sort((a, b) => z[b]! - z[a]! || a - b);
    const best = order.length > 0 ? z[order[0]!]! : 0;
    return {
      candidates: Uint32Array.from(order, (i) => candidates[i]!),
      logits: Float64Array.from(order, (i) => z[i]!),
      likelihoods: Float64Array.from(order, (i) => Math.exp(z[i]! - best)),
    };
  };
  const score = (u: number, candidates: ArrayLike<number>): Float64Array => {
    const ranked = rank(u);
    const byNode = new Map<number, number>();
    ranked.candidates.forEach((v, i) => byNode.set(v, ranked.likelihoods[i]!));
    return Float64Array.from({ length: candidates.length }, (_, i) => byNode.get(candidates[i]!) ?? 0);
  };
  const index = history.graph.index;
  const scoreByIds = (personId: string, candidateIds: readonly string[]): Float64Array => {
    const u = index.get(personId);
    if (u === undefined) return new Float64Array(candidateIds.length);
    return score(u, Array.from(candidateIds, (id) => index.get(id) ?? -1));
  };
  return {
    features: PAIR_FEATURES,
    coefficients: Object.fromEntries(PAIR_FEATURES.map((name, j) => [name, w[j]!])) as Record<PairFeature, number>,
    mean,
    scale,
    fit,
    history,
    options: Object.freeze({ ...o }),
    rank,
    score,
    scoreByIds,
  };
}

/** Learn the weights from the inner split at `inner`, or say why nothing can be learned. */
function learn(
  events: LinkEvents,
  inner: number,
  o: Required<LinkModelOptions>,
  historyOptions: HistoryOptions,
): string | { w: number[]; mean: number[]; scale: number[]; fit: LinkModelFit; early: LinkHistory } {
  const { count, n } = events;
  // Learning sets: each person with a new tie in the later part, over their shortlist in the earlier part.
  const early = summariseHistory({ ...events, count: inner }, historyOptions);
  const later = laterPairs(events, inner, count, early);
  const scratch = createFeatureScratch(n);
  const sets: ChoiceSet[] = [];
  let positives = 0;
  let negatives = 0;
  for (const u of sampleQueries(Array.from(later.keys()).sort((a, b) => a - b), o.maxQueries, o.seed)) {
    const partners = later.get(u)!;
    const { candidates, rows } = shortlistOf(early, u, o.shortlist, scratch, o.recentSlots);
    const chosen: number[] = [];
    candidates.forEach((v, r) => {
      if (partners.has(v)) chosen.push(r);
    });
    if (chosen.length === 0) continue;
    sets.push({ rows, chosen, choiceWeight: 1 / chosen.length });
    positives += chosen.length;
    negatives += candidates.length - chosen.length;
  }
  if (sets.length === 0) return 'no new tie in the later part of the history falls in a shortlist: nothing to learn from';
  const { mean, scale } = standardisation(sets.map((s) => s.rows));
  for (const s of sets) for (let i = 0; i < s.rows.length; i++) s.rows[i] = (s.rows[i]! - mean[i % FEATURE_COUNT]!) / scale[i % FEATURE_COUNT]!;
  const model = fitConditionalLogit(sets, FEATURE_COUNT, { l2: o.l2 });
  return {
    early,
    w: model.weights,
    mean,
    scale,
    fit: { source: 'learned', reason: null, innerEvents: inner, laterEvents: count - inner, queries: sets.length, positives, negatives, iterations: model.iterations, logLoss: model.logLoss },
  };
}

/** `queries` (sorted) when at most `max`, else a seeded sample of `max` of them (partial Fisher–Yates), sorted again. */
function sampleQueries(queries: number[], max: number, seed: number): number[] {
  if (queries.length <= max) return queries;
  const rng = mulberry32(seed);
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rng() * (queries.length - i));
    const x = queries[i]!;
    queries[i] = queries[j]!;
    queries[j] = x;
  }
  return queries.slice(0, max).sort((a, b) => a - b);
}

/** Mean and standard deviation of each feature over feature rows (FEATURE_COUNT values per row); a constant feature gets scale 1. */
function standardisation(blocks: readonly Float64Array[]): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(FEATURE_COUNT).fill(0);
  const scale = new Array<number>(FEATURE_COUNT).fill(0);
  let rowCount = 0;
  for (const rows of blocks) {
    for (let i = 0; i < rows.length; i++) mean[i % FEATURE_COUNT]! += rows[i]!;
    rowCount += rows.length / FEATURE_COUNT;
  }
  for (let j = 0; j < FEATURE_COUNT; j++) mean[j] = rowCount > 0 ? mean[j]! / rowCount : 0;
  for (const rows of blocks) for (let i = 0; i < rows.length; i++) scale[i % FEATURE_COUNT]! += (rows[i]! - mean[i % FEATURE_COUNT]!) ** 2;
  for (let j = 0; j < FEATURE_COUNT; j++) scale[j] = (rowCount > 0 ? Math.sqrt(scale[j]! / rowCount) : 0) || 1;
  return { mean, scale };
}

/** People whose shortlists standardise the prior: every node with a tie, up to this many (evenly spread by index). */
const PRIOR_SAMPLE = 2000;

/** The shortlist rows the prior is standardised on: this history's own candidates, as the learned model's are. */
function priorRows(history: LinkHistory, o: Required<LinkModelOptions>, scratch: FeatureScratch): Float64Array[] {
  const n = history.graph.n;
  const step = Math.max(1, Math.ceil(n / PRIOR_SAMPLE));
  const out: Float64Array[] = [];
  for (let u = 0; u < n; u += step) out.push(shortlistOf(history, u, o.shortlist, scratch, o.recentSlots).rows);
  return out;
}
