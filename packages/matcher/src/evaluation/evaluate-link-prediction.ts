/**
 * The evaluation that proves the matcher (the matcher issue's "Evaluation (the proof)"): a time split of a
 * timestamped edge list (`time-split.ts`), every method ranking each query node's candidates in the train graph, and
 * the ranking and bridging metrics of `metrics.ts` over the test pairs. Methods: the classic baselines
 * (`baselines.ts`) and `matcher:<profile>` for each weight profile — the link model learned from the train period
 * alone (`link-model/`), combined with bridging, embeddedness, path strength and recency by the profile's weights,
 * re-ranked for diversity across communities by maximal marginal relevance with the profile's λ (Carbonell &
 * Goldstein, SIGIR 1998), then held to the reach floor (`reach-floor.ts`): each person's top k reaches at least as
 * many communities new to them as resource allocation's top k does.
 *
 * Pure: the caller reads the file. Deterministic for a given seed (the random baseline, Louvain, the link model).
 */
import { BridgeworkError, createRng, louvain } from '@bridgework/graph-core';
import { fitHindsightLinkModel, fitLinkModel, type LinkModel, type LinkModelFit, type LinkModelOptions, type PairFeature } from '../link-model/index.js';
import { profileFeatures, profileScores } from '../link-model/profile-features.js';
import { PROFILE_NAMES, PROFILES, WeightProfileSchema, type WeightProfile } from '../profiles.js';
import { BASELINE_NAMES, baselineScorer } from './baselines.js';
import { MetricsAccumulator, MRR_DEPTH, type MethodMetrics } from './metrics.js';
import { createRankingScratch, topCandidates } from './ranking.js';
import { comparePaired, type PairedComparison } from './paired-comparison.js';
import { reachFloor } from './reach-floor.js';
import { checkTestFraction, earlierHistory, timeSplit, type TrainEvents } from './time-split.js';
import { parseTimedEdges, type TimedEdges } from './timed-edges.js';

/** Options of `evaluateLinkPrediction`. */
export interface LinkPredictionOptions {
  /** Share of the events in the test period, in (0, 1); default 0.2. */
  testFraction?: number;
  /**
   * Run the protocol on the first share of the history only (`earlierHistory`), in (0, 1]; default 1, all of it. An
   * earlier stretch has a test period of its own, on which no setting was chosen.
   */
  historyFraction?: number;
  /** Length of the list the metrics look at; default 10. */
  k?: number;
  /** Seed of the random baseline, the Louvain communities and the link model; default 42. */
  seed?: number;
  /** Weight profiles to evaluate as `matcher:<name>`; default the built-in ones (`PROFILES`). */
  profiles?: readonly WeightProfile[];
  /** Options of the learned link model (its defaults otherwise). */
  linkModel?: Omit<LinkModelOptions, 'seed'>;
  /** File name for messages when `input` is text; default `edges`. */
  file?: string;
  /**
   * Also rank with the link model fitted in hindsight — its weights learned from the test period's own new ties
   * (`fitHindsightLinkModel`) — and report it under `hindsight`: the ceiling of the model's features on this split,
   * not a forecast. Default false.
   */
  hindsight?: boolean;
  /** Progress: the stage, and how far into it (queries done of total). */
  onProgress?: (stage: EvaluationStage, done: number, total: number) => void;
}

/** The stages reported to `onProgress`. */
export type EvaluationStage = 'split' | 'communities' | 'baselines' | 'link model' | 'matcher' | 'hindsight' | 'done';

/** Defaults of `evaluateLinkPrediction`. */
export const LINK_PREDICTION_DEFAULTS = Object.freeze({ testFraction: 0.2, k: 10, seed: 42 });

/** The learned link model as the evaluation reports it. */
export interface LinkModelReport {
  /** The model's own ranking (likelihood alone, no profile). */
  metrics: MethodMetrics;
  /** Weight of each standardised feature: learned, or the prior's (`fit.source`). */
  coefficients: Record<PairFeature, number>;
  fit: LinkModelFit;
  options: Record<string, number>;
}

/** The result: the protocol's figures and, per method, its metrics. */
export interface LinkPredictionResult {
  k: number;
  testFraction: number;
  /** The share of the history the protocol ran on (1: all of it). */
  historyFraction: number;
  trainNodes: number;
  trainEdges: number;
  queries: number;
  testPairs: number;
  /** Louvain communities of the train graph. */
  communities: number;
  methods: Record<string, MethodMetrics>;
  /**
   * Each matcher profile against the best baseline by hits@k (on a tie the first in `BASELINE_NAMES` order, random
   * last), paired
   * over the query people: the gain, its bootstrap interval, wins and losses, the exact McNemar p-value
   * (`comparePaired`).
   */
  comparisons: Record<string, PairedComparison>;
  /** The learned model behind the matcher methods. */
  linkModel: LinkModelReport;
  /** With the `hindsight` option: the same ranking with weights learned from the test period itself; else null. */
  hindsight: HindsightReport | null;
}

/**
 * The link model fitted in hindsight (weights learned from the test period's own new ties): what the best weights for
 * its features could reach on this split — a ceiling, not a forecast.
 */
export interface HindsightReport {
  /** Likelihood alone. */
  metrics: MethodMetrics;
  /** Each profile, as `methods['matcher:<name>']` but over the hindsight model. */
  methods: Record<string, MethodMetrics>;
  coefficients: Record<PairFeature, number>;
  fit: LinkModelFit;
}

/**
 * Maximal marginal relevance over a ranked list: repeatedly take the item maximising (1 − λ)·score − λ·[its
 * community is already taken], scores scaled to [0, 1] over the list. λ = 0 keeps the order.
 */
export function diversify(list: Uint32Array, scores: Float64Array, communities: Int32Array, lambda: number): Uint32Array {
  if (lambda <= 0 || list.length < 2) return list;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of list) {
    lo = Math.min(lo, scores[v]!);
    hi = Math.max(hi, scores[v]!);
  }
  const span = hi - lo || 1;
  const taken = new Set<number>();
  const left = Array.from(list);
  const out = new Uint32Array(list.length);
  for (let r = 0; r < out.length; r++) {
    let best = 0;
    let bestValue = -Infinity;
    for (let i = 0; i < left.length; i++) {
      const v = left[i]!;
      const value = (1 - lambda) * ((scores[v]! - lo) / span) - lambda * (taken.has(communities[v]!) ? 1 : 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const v = left.splice(best, 1)[0]!;
    taken.add(communities[v]!);
    out[r] = v;
  }
  return out;
}

/**
 * Run the evaluation on a timestamped edge list (its text, or parsed by `parseTimedEdges`). Throws a validation
 * error for k < 1, a test fraction outside (0, 1), an invalid profile, or a split with an empty train period or no
 * test pair; parse errors as `parseTimedEdges`.
 */
export function evaluateLinkPrediction(input: string | TimedEdges, options: LinkPredictionOptions = {}): LinkPredictionResult {
  const { testFraction, k, seed } = { ...LINK_PREDICTION_DEFAULTS, ...definedOnly(options) };
  checkTestFraction(testFraction);
  if (!(Number.isInteger(k) && k >= 1)) throw new BridgeworkError('validation', `matcher/evaluation: k must be a whole number ≥ 1, not ${String(k)}`);
  const profiles = (options.profiles ?? PROFILE_NAMES.map((name) => PROFILES[name])).map((p, i) => {
    const parsed = WeightProfileSchema.safeParse(p);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new BridgeworkError('validation', `matcher/evaluation: profile ${i + 1} (${JSON.stringify((p as { name?: unknown }).name)}): ${issue.path.join('.') || 'profile'}: ${issue.message}`);
    }
    return parsed.data;
  });
  const progress = options.onProgress ?? (() => {});
  const parsed = typeof input === 'string' ? parseTimedEdges(input, { file: options.file ?? 'edges' }) : input;
  const edges = earlierHistory(parsed, options.historyFraction ?? 1);

  progress('split', 0, 1);
  const split = timeSplit(edges, { testFraction });
  if (split.queries.length === 0) {
    throw new BridgeworkError('validation', `matcher/evaluation: ${edges.file}: the test period forms no new tie between nodes of the train graph, so there is nothing to predict`);
  }
  const g = split.graph;
  progress('communities', 0, 1);
  const comm = louvain(g, { seed });
  const depth = Math.max(k, MRR_DEPTH);
  const scratch = createRankingScratch(g.n);
  const scores = new Float64Array(g.n);
  const methods: Record<string, MethodMetrics> = {};
  const hitFlags = new Map<string, Uint8Array>();
  const total = split.queries.length;

  const baselineCount = BASELINE_NAMES.length;
  BASELINE_NAMES.forEach((name, b) => {
    const scorer = baselineScorer(name, g, createRng(seed));
    const acc = new MetricsAccumulator(g, comm.communities, k, comm.count);
    split.queries.forEach((u, i) => {
      scorer(u, scores);
      acc.add(u, split.partners[i]!, topCandidates(g, u, scores, depth, scratch));
      if (i % 16 === 0) progress('baselines', b * total + i, baselineCount * total);
    });
    methods[name] = acc.result();
    hitFlags.set(name, acc.hits());
  });

  progress('link model', 0, 1);
  const model = fitLinkModel(split.train, { ...options.linkModel, seed });
  const all = Uint32Array.from({ length: g.n }, (_, i) => i);
  const likelihood = new Float64Array(g.n);
  // The reach floor's reference: resource allocation, the classic friend-of-friend list (see reach-floor.ts).
  const referenceScorer = baselineScorer('resource-allocation', g, createRng(seed));
  const referenceScores = new Float64Array(g.n);
  const references = Array.from(split.queries, (u) => {
    referenceScorer(u, referenceScores);
    return topCandidates(g, u, referenceScores, k, scratch);
  });
  const reachedMark = new Uint32Array(Math.max(1, comm.count));
  let epoch = 0;
  /** Each query's list by the model alone and by each profile (diversity, then the reach floor). */
  const rankWith = (m: LinkModel, stage: EvaluationStage) => {
    const modelAcc = new MetricsAccumulator(g, comm.communities, k, comm.count);
    const profileAcc = profiles.map(() => new MetricsAccumulator(g, comm.communities, k, comm.count));
    split.queries.forEach((u, i) => {
      epoch++;
      reachedMark[comm.communities[u]!] = epoch;
      for (let p = g.offsets[u]!, end = g.offsets[u + 1]!; p < end; p++) reachedMark[comm.communities[g.neighbours[p]!]!] = epoch;
      const current = epoch;
      const isNovel = (v: number) => reachedMark[comm.communities[v]!] !== current;
      const ranked = m.rank(u);
      likelihood.fill(0);
      ranked.candidates.forEach((v, r) => (likelihood[v] = ranked.likelihoods[r]!));
      modelAcc.add(u, split.partners[i]!, topCandidates(g, u, likelihood, depth, scratch));
      const features = profileFeatures(m.history, u, all, likelihood);
      profiles.forEach((profile, p) => {
        const s = profileScores(features, profile.weights);
        const top = topCandidates(g, u, s, depth, scratch);
        const diverse = diversify(top, s, comm.communities, profile.diversity);
        profileAcc[p]!.add(u, split.partners[i]!, reachFloor(diverse, s, references[i]!, isNovel, k));
      });
      if (i % 8 === 0) progress(stage, i, total);
    });
    return { modelAcc, profileAcc };
  };
  const { modelAcc, profileAcc } = rankWith(model, 'matcher');
  profiles.forEach((profile, p) => (methods[`matcher:${profile.name}`] = profileAcc[p]!.result()));
  // On a tie the first informed baseline is "best"; random only when it is strictly ahead.
  const best = [...BASELINE_NAMES.filter((b) => b !== 'random'), 'random' as const].reduce((a, b) => (methods[b]!.hitsAtK > methods[a]!.hitsAtK ? b : a));
  const comparisons: Record<string, PairedComparison> = {};
  profiles.forEach((profile, p) => {
    comparisons[`matcher:${profile.name}`] = comparePaired(profileAcc[p]!.hits(), hitFlags.get(best)!, best, createRng(seed));
  });
  let hindsight: HindsightReport | null = null;
  if (options.hindsight === true) {
    progress('hindsight', 0, 1);
    const events = concatEvents(split.train, split.test);
    const oracle = fitHindsightLinkModel(events, split.train.count, { ...hindsightOptions(options.linkModel), seed });
    const ranked = rankWith(oracle, 'hindsight');
    hindsight = {
      metrics: ranked.modelAcc.result(),
      methods: Object.fromEntries(profiles.map((profile, p) => [`matcher:${profile.name}`, ranked.profileAcc[p]!.result()])),
      coefficients: oracle.coefficients,
      fit: oracle.fit,
    };
  }
  progress('done', 1, 1);

  const { innerTestFraction, shortlist, recentSlots, l2, halfLifeShare, maxGroup, sequenceWindow } = model.options;
  return {
    k,
    testFraction,
    historyFraction: options.historyFraction ?? 1,
    trainNodes: g.n,
    trainEdges: g.m,
    queries: split.queries.length,
    testPairs: split.testPairs,
    communities: comm.count,
    methods,
    comparisons,
    linkModel: {
      metrics: modelAcc.result(),
      coefficients: model.coefficients,
      fit: model.fit,
      options: { innerTestFraction, shortlist, recentSlots, l2, halfLifeShare, maxGroup, sequenceWindow },
    },
    hindsight,
  };
}

/** `a`'s events followed by `b`'s (the same nodes). */
function concatEvents(a: TrainEvents, b: TrainEvents): TrainEvents {
  const join = <T extends Uint32Array | Float64Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    n: a.n,
    ids: a.ids,
    sources: join(a.sources, b.sources, (n) => new Uint32Array(n)),
    targets: join(a.targets, b.targets, (n) => new Uint32Array(n)),
    times: join(a.times, b.times, (n) => new Float64Array(n)),
    count: a.count + b.count,
  };
}

/** The link-model options that apply to a hindsight fit (it has no inner split of its own). */
function hindsightOptions(o: LinkPredictionOptions['linkModel']): Omit<LinkModelOptions, 'innerTestFraction' | 'whenUnlearnable' | 'seed'> {
  if (!o) return {};
  const { innerTestFraction: _split, whenUnlearnable: _when, ...rest } = o;
  return rest;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
