import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BridgeworkError, compactFromEdgeList, createRng, InputError } from '@bridgework/graph-core';
import { PROFILES } from '../profiles.js';
import { baselineScorer, commonNeighboursScorer } from './baselines.js';
import { diversify, evaluateLinkPrediction, type LinkPredictionResult } from './evaluate-link-prediction.js';
import { MetricsAccumulator } from './metrics.js';
import { topCandidates } from './ranking.js';
import { earlierHistory, timeSplit } from './time-split.js';
import { parseTimedEdges } from './timed-edges.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const NETWORKS = ['dnc_email_temporal_2016_relabelled', 'email_eu_core_temporal_first_quarter_relabelled'] as const;
const DETERMINISTIC = ['common-neighbours', 'jaccard', 'adamic-adar', 'resource-allocation', 'preferential-attachment'] as const;
const RANKING = ['hitsAtK', 'precisionAtK', 'recallAtK', 'mrr'] as const;

const SMALL = ['from\tto\ttime', 'a\tb\t1', 'b\tc\t2', 'c\tc\t2', 'c\td\t3', 'a\td\t3', 'a\tc\t4', 'b\td\t5', 'e\ta\t6', ''].join('\n');

describe('parseTimedEdges', () => {
  it('reads the endpoints and the time column of a headed edge list in file order', () => {
    const e = parseTimedEdges('source,target,weight,timestamp\nx,y,2,10\ny,z,1,5\n', { file: 'mail.csv' });
    expect(e.count).toBe(2);
    expect(e.ids).toEqual(['x', 'y', 'z']);
    expect(Array.from(e.times)).toEqual([10, 5]);
    expect(Array.from(e.lines)).toEqual([2, 3]);
    expect(e.timeColumn).toBe('timestamp');
  });

  it('reads ISO dates as milliseconds', () => {
    const e = parseTimedEdges('u v date\na b 2024-01-02\nb c 2024-01-01T12:00:00Z\n');
    expect(e.times[0]).toBe(Date.UTC(2024, 0, 2));
    expect(e.times[1]).toBe(Date.UTC(2024, 0, 1, 12));
  });

  it('refuses a file without a time column, naming the file and its columns', () => {
    expect(() => parseTimedEdges('from\tto\tweight\na\tb\t1\n', { file: 'ties.tsv' })).toThrow(/ties\.tsv has no time column: its columns are from, to, weight/);
    expect(() => parseTimedEdges('a\tb\t1\nb\tc\t2\n', { file: 'raw.tsv' })).toThrow(/raw\.tsv has no time column: it has no header row/);
  });

  it('locates every bad row by file, line and column', () => {
    let error: unknown;
    try {
      parseTimedEdges('from\tto\ttime\na\tb\t1\nc\t\t2\nd\te\tsoon\n', { file: 'bad.tsv' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems).toEqual([
      expect.objectContaining({ file: 'bad.tsv', line: 3, column: 'to' }),
      expect.objectContaining({ file: 'bad.tsv', line: 4, column: 'time', value: 'soon' }),
    ]);
    expect((error as Error).message).toMatch(/matcher\/evaluation: 2 problems in the input: bad\.tsv:3, column to/);
  });
});

describe('timeSplit', () => {
  it('splits at the time of event ⌊(1 − f)·E⌋ after dropping self-loops, and finds the test pairs and queries', () => {
    // 7 events without the self-loop; f = 0.3 → index ⌊0.7·7⌋ = 4, the event a–c at time 4: train = times < 4.
    const s = timeSplit(parseTimedEdges(SMALL), { testFraction: 0.3 });
    expect(s.events).toBe(7);
    expect(s.threshold).toBe(4);
    expect(s.train.count).toBe(4);
    expect(s.graph.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(s.graph.m).toBe(4); // a–b, b–c, c–d, a–d
    // Test events: a–c (new), b–d (new), e–a (e not in G).
    expect(s.testPairs).toBe(2);
    const partners = Object.fromEntries(Array.from(s.queries, (u, i) => [s.graph.ids[u]!, Array.from(s.partners[i]!, (v) => s.graph.ids[v])]));
    expect(partners).toEqual({ a: ['c'], b: ['d'], c: ['a'], d: ['b'] });
    // The test period's events between nodes of G, in time order (e–a left out), for a fit in hindsight.
    expect(Array.from(s.test.sources, (x, i) => `${s.graph.ids[x]}${s.graph.ids[s.test.targets[i]!]}`)).toEqual(['ac', 'bd']);
  });

  it('keeps file order for equal times (a stable sort)', () => {
    const s = timeSplit(parseTimedEdges('from\tto\ttime\nq\tr\t1\np\tq\t1\nr\ts\t2\np\ts\t3\n'), { testFraction: 0.5 });
    expect(s.threshold).toBe(2);
    expect(s.graph.ids).toEqual(['q', 'r', 'p']);
  });

  it('refuses a test fraction outside (0, 1) and a history that is one instant', () => {
    const edges = parseTimedEdges(SMALL);
    for (const f of [0, 1, -0.2, Number.NaN]) expect(() => timeSplit(edges, { testFraction: f })).toThrow(/testFraction must be a number strictly between 0 and 1/);
    expect(() => timeSplit(parseTimedEdges('from\tto\ttime\na\tb\t1\nb\tc\t1\n'))).toThrow(/the train period is empty/);
  });
});

describe('earlierHistory', () => {
  it('keeps the events before the time of event ⌊fraction · E⌋, in file order', () => {
    const edges = parseTimedEdges('from\tto\ttime\na\tb\t1\nb\tc\t2\nc\tc\t3\nc\td\t4\na\tc\t5\nd\ta\t6\n');
    // Five events between two nodes (the self-loop is not counted); 0.6 · 5 = 3 → the time of the fourth, 5.
    const early = earlierHistory(edges, 0.6);
    expect(Array.from(early.times)).toEqual([1, 2, 3, 4]);
    expect(Array.from(early.lines)).toEqual([2, 3, 4, 5]);
    expect(early.file).toBe('edges (first 60%)');
    expect(earlierHistory(edges, 1)).toBe(edges);
    for (const f of [0, 1.5, Number.NaN]) expect(() => earlierHistory(edges, f)).toThrow(/historyFraction must be a number in \(0, 1\]/);
  });
});

describe('ranking and metrics', () => {
  // A path a–b–c–d–e plus b–d: c and d are two steps from a (via b), e three.
  const g = compactFromEdgeList(['a-b', 'b-c', 'c-d', 'd-e', 'b-d'].map((p) => ({ source: p[0]!, target: p[2]! })));

  it('ranks by score, breaks ties by node index and leaves out u and its neighbours', () => {
    const scores = Float64Array.from([9, 9, 1, 1, 2]);
    expect(Array.from(topCandidates(g, 0, scores, 10))).toEqual([4, 2, 3]);
    expect(Array.from(topCandidates(g, 0, scores, 2))).toEqual([4, 2]);
    const cn = new Float64Array(g.n);
    commonNeighboursScorer(g)(0, cn);
    expect(Array.from(topCandidates(g, 0, cn, 10))).toEqual([2, 3, 4]);
  });

  it('computes hits, precision, recall, reciprocal rank and the community shares of one query', () => {
    const communities = Int32Array.from([0, 0, 1, 1, 2]);
    const acc = new MetricsAccumulator(g, communities, 2, 3);
    acc.add(0, Uint32Array.from([3, 4]), Uint32Array.from([2, 3, 4]));
    const m = acc.result();
    expect(m.hitsAtK).toBe(1);
    expect(m.precisionAtK).toBeCloseTo(0.5, 12);
    expect(m.recallAtK).toBeCloseTo(0.5, 12);
    expect(m.mrr).toBeCloseTo(0.5, 12);
    expect(m.bridgingShare).toBe(1); // 2 and 3 are in community 1, a is in 0
    expect(m.novelCommunityShare).toBe(1); // a and its only contact b are in community 0: community 1 is new to a
  });

  it('diversifies a list across communities by maximal marginal relevance', () => {
    const scores = Float64Array.from([0, 0, 1, 0.9, 0.5]);
    const communities = Int32Array.from([0, 0, 1, 1, 2]);
    expect(Array.from(diversify(Uint32Array.from([2, 3, 4]), scores, communities, 0))).toEqual([2, 3, 4]);
    expect(Array.from(diversify(Uint32Array.from([2, 3, 4]), scores, communities, 0.5))).toEqual([2, 4, 3]);
  });

  it('gives the random baseline the same ranking for the same seed and another for another seed', () => {
    const a = new Float64Array(g.n);
    const b = new Float64Array(g.n);
    baselineScorer('random', g, createRng(7))(0, a);
    baselineScorer('random', g, createRng(7))(0, b);
    expect(Array.from(a)).toEqual(Array.from(b));
    baselineScorer('random', g, createRng(8))(0, b);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});

describe('evaluateLinkPrediction on the two email networks', () => {
  const results = new Map<string, LinkPredictionResult>();
  beforeAll(() => {
    for (const name of NETWORKS) {
      const text = readFileSync(join(ROOT, 'fixtures/real', name, 'edges.tsv'), 'utf8');
      results.set(name, evaluateLinkPrediction(text, { file: name }));
    }
  });
  const reference = (name: string) => JSON.parse(readFileSync(join(ROOT, 'fixtures/reference/lp', `lp-${name}.json`), 'utf8'));

  it.each(NETWORKS)('reproduces the protocol counts of the NetworkX reference exactly on %s', (name) => {
    const r = results.get(name)!;
    const ref = reference(name);
    expect({ k: r.k, testFraction: r.testFraction, trainNodes: r.trainNodes, trainEdges: r.trainEdges, queries: r.queries, testPairs: r.testPairs }).toEqual({
      k: ref.k,
      testFraction: ref.testFraction,
      trainNodes: ref.trainNodes,
      trainEdges: ref.trainEdges,
      queries: ref.queries,
      testPairs: ref.testPairs,
    });
  });

  it.each(NETWORKS)('reproduces every deterministic baseline of the NetworkX reference to within 0.01 on %s', (name) => {
    const r = results.get(name)!;
    const ref = reference(name);
    for (const method of DETERMINISTIC) {
      for (const metric of RANKING) expect(Math.abs(r.methods[method]![metric] - ref.methods[method][metric])).toBeLessThanOrEqual(0.01);
      // The community shares depend on the Louvain implementation: close, not equal.
      expect(Math.abs(r.methods[method]!.bridgingShare - ref.methods[method].bridgingShare)).toBeLessThan(0.1);
    }
    expect(r.methods.random!.hitsAtK).toBeLessThan(0.1);
  });

  it.each(NETWORKS)('meets the issue goal on %s: matcher:balanced beats the best baseline by 10%% and reaches as many new communities as resource allocation', (name) => {
    const r = results.get(name)!;
    const best = Math.max(...DETERMINISTIC.map((m) => r.methods[m]!.hitsAtK));
    const balanced = r.methods['matcher:balanced']!;
    expect(balanced.hitsAtK).toBeGreaterThanOrEqual(1.1 * best);
    expect(balanced.novelCommunityShare).toBeGreaterThanOrEqual(r.methods['resource-allocation']!.novelCommunityShare);
    expect(r.linkModel.metrics.hitsAtK).toBeGreaterThanOrEqual(1.1 * best);
    // The likelihood alone stays in the person's own part of the network: the reach floor is what widens it.
    expect(r.linkModel.metrics.novelCommunityShare).toBeLessThan(r.methods['resource-allocation']!.novelCommunityShare);
  });

  it.each(NETWORKS)('shows the trade-off of matcher:bridging on %s: more novel communities, fewer hits', (name) => {
    const r = results.get(name)!;
    const balanced = r.methods['matcher:balanced']!;
    const bridging = r.methods['matcher:bridging']!;
    expect(bridging.novelCommunityShare).toBeGreaterThan(balanced.novelCommunityShare + 0.2);
    expect(bridging.bridgingShare).toBeGreaterThan(balanced.bridgingShare);
    expect(bridging.hitsAtK).toBeLessThan(balanced.hitsAtK);
  });

  it('ranks with the weights learned in hindsight when asked, leaving the forecast as it was', () => {
    const name = NETWORKS[0];
    const text = readFileSync(join(ROOT, 'fixtures/real', name, 'edges.tsv'), 'utf8');
    const r = evaluateLinkPrediction(text, { file: name, hindsight: true });
    const forecast = results.get(name)!;
    expect(forecast.hindsight).toBeNull();
    expect(r.methods).toEqual(forecast.methods);
    expect(r.comparisons).toEqual(forecast.comparisons);
    const split = timeSplit(parseTimedEdges(text));
    expect(r.hindsight!.fit).toMatchObject({ source: 'hindsight', innerEvents: split.train.count, laterEvents: split.test.count });
    expect(Object.keys(r.hindsight!.methods)).toEqual(['matcher:balanced', 'matcher:warm', 'matcher:bridging']);
    // Other weights, another ranking: at least one figure differs from the forecast's.
    expect(r.hindsight!.metrics).not.toEqual(forecast.linkModel.metrics);
    expect(r.hindsight!.coefficients).not.toEqual(forecast.linkModel.coefficients);
  });

  it('refuses a bad k and a bad profile with a validation error naming them', () => {
    expect(() => evaluateLinkPrediction(SMALL, { k: 0 })).toThrow(/k must be a whole number ≥ 1/);
    const bad = { ...PROFILES.balanced, name: 'Bad Name' };
    expect(() => evaluateLinkPrediction(SMALL, { profiles: [bad] })).toThrow(BridgeworkError);
    expect(() => evaluateLinkPrediction(SMALL, { profiles: [bad] })).toThrow(/profile 1 \("Bad Name"\): name/);
  });
});
