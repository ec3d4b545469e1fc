/**
 * The time split of a temporal network for link prediction, as the matcher issue fixes it (after Liben-Nowell &
 * Kleinberg, "The link-prediction problem for social networks", JASIST 58:1019–1031, 2007: predict the new ties of a
 * later period from the network of an earlier one):
 *
 * 1. Self-loops are dropped and ties are undirected. The events are sorted by time (a stable sort: equal times keep
 *    file order); T is the time of the event at index ⌊(1 − f)·E⌋; train = the events with time < T, test = the rest.
 * 2. The train graph G is the distinct pairs of the train events. The test pairs are the distinct pairs of the test
 *    events with both ends in G and not adjacent in G. The query nodes are the nodes of G with at least one test pair.
 *
 * G's nodes are numbered in order of first appearance in the file among the events kept (self-loop rows do not count —
 * this is what reproduces the independent NetworkX reference), so a lower index is the tie-break "appears first".
 */
import { BridgeworkError, compactFromEdges, type CompactGraph } from '@bridgework/graph-core';
import type { TimedEdges } from './timed-edges.js';

/** Options of `timeSplit`. */
export interface TimeSplitOptions {
  /** Share f of the events held out as the test period, in (0, 1); default 0.2. */
  testFraction?: number;
}

/** Defaults of `timeSplit`. */
export const TIME_SPLIT_DEFAULTS: Readonly<Required<TimeSplitOptions>> = Object.freeze({ testFraction: 0.2 });

/** The train events as parallel arrays over G's node indices, in time order (for models that learn from history). */
export interface TrainEvents {
  /** Number of nodes of G (every endpoint below is in [0, n)). */
  n: number;
  /** G's node ids. */
  ids: readonly string[];
  sources: Uint32Array;
  targets: Uint32Array;
  times: Float64Array;
  count: number;
}

/** The result of `timeSplit`. */
export interface TimeSplit {
  testFraction: number;
  /** Events after dropping self-loops. */
  events: number;
  /** T: train events happen strictly before it. */
  threshold: number;
  /** The train graph G (unweighted: each distinct pair once, weight 1). */
  graph: CompactGraph;
  /** The train events over G's node indices, sorted by time (stable). */
  train: TrainEvents;
  /**
   * The test period's events between two nodes of G, over G's node indices, sorted by time (stable): `train` followed
   * by these is what a model fitted in hindsight learns from (`fitHindsightLinkModel`).
   */
  test: TrainEvents;
  /** The query nodes (indices of G), ascending. */
  queries: Uint32Array;
  /** The test partners of each query node, aligned with `queries`, each list ascending. */
  partners: Uint32Array[];
  /** Number of distinct test pairs. */
  testPairs: number;
}

/** The event order by time, stable (equal times keep their order in the input). */
export function stableTimeOrder(times: Float64Array, keep: (e: number) => boolean = () => true): Uint32Array {
  const order: number[] = [];
  for (let e = 0; e < times.length; e++) if (keep(e)) order.push(e);
  // Array.prototype.sort is stable (ES2019); the index comparison makes it so regardless.
  order.sort((a, b) => times[a]! - times[b]! || a - b);
  return Uint32Array.from(order);
}

/** Validates a test fraction; throws a validation error naming the option. */
export function checkTestFraction(f: number, where = 'matcher/evaluation'): void {
  if (!(typeof f === 'number' && f > 0 && f < 1)) {
    throw new BridgeworkError('validation', `${where}: testFraction must be a number strictly between 0 and 1, not ${String(f)}`);
  }
}

/**
 * Split `edges` in time (see the file header). Throws a validation error for a test fraction outside (0, 1), when
 * every event is a self-loop, or when the split leaves the train or the test period empty (all events at one time).
 */
export function timeSplit(edges: TimedEdges, options: TimeSplitOptions = {}): TimeSplit {
  const { testFraction } = { ...TIME_SPLIT_DEFAULTS, ...options };
  checkTestFraction(testFraction);
  const { sources, targets, times } = edges;
  const order = stableTimeOrder(times, (e) => sources[e] !== targets[e]);
  const E = order.length;
  if (E === 0) throw new BridgeworkError('validation', `matcher/evaluation: ${edges.file} has no events between two different nodes`);
  const cut = Math.floor((1 - testFraction) * E);
  const threshold = times[order[Math.min(cut, E - 1)]!]!;
  let trainCount = 0;
  while (trainCount < E && times[order[trainCount]!]! < threshold) trainCount++;
  if (trainCount === 0) {
    throw new BridgeworkError('validation', `matcher/evaluation: ${edges.file}: no event is earlier than the split time ${threshold}, so the train period is empty`);
  }

  // G's nodes: the endpoints of train events, numbered by first appearance in the file among the events kept
  // (self-loops dropped), so the tie-break is "appears first in an event of the network".
  const totalNodes = edges.ids.length;
  const local = new Int32Array(totalNodes).fill(-1);
  const inTrain = new Uint8Array(totalNodes);
  for (let i = 0; i < trainCount; i++) {
    const e = order[i]!;
    inTrain[sources[e]!] = 1;
    inTrain[targets[e]!] = 1;
  }
  const ids: string[] = [];
  for (let e = 0; e < edges.count; e++) {
    const a = sources[e]!;
    const b = targets[e]!;
    if (a === b) continue;
    if (inTrain[a] === 1 && local[a] === -1) {
      local[a] = ids.length;
      ids.push(edges.ids[a]!);
    }
    if (inTrain[b] === 1 && local[b] === -1) {
      local[b] = ids.length;
      ids.push(edges.ids[b]!);
    }
  }
  const n = ids.length;
  const ts = new Uint32Array(trainCount);
  const tt = new Uint32Array(trainCount);
  const tTimes = new Float64Array(trainCount);
  for (let i = 0; i < trainCount; i++) {
    const e = order[i]!;
    ts[i] = local[sources[e]!]!;
    tt[i] = local[targets[e]!]!;
    tTimes[i] = times[e]!;
  }
  const graph = compactFromEdges(ts, tt, null, n, ids);

  // Test pairs: distinct, both ends in G, not adjacent in G.
  const pairKeys = new Set<number>();
  const byQuery: number[][] = Array.from({ length: n }, () => []);
  const testSources: number[] = [];
  const testTargets: number[] = [];
  const testTimes: number[] = [];
  for (let i = trainCount; i < E; i++) {
    const e = order[i]!;
    const a = local[sources[e]!]!;
    const b = local[targets[e]!]!;
    if (a < 0 || b < 0) continue;
    testSources.push(a);
    testTargets.push(b);
    testTimes.push(times[e]!);
    if (graph.hasEdge(a, b)) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * n + hi;
    if (pairKeys.has(key)) continue;
    pairKeys.add(key);
    byQuery[lo]!.push(hi);
    byQuery[hi]!.push(lo);
  }
  const queries: number[] = [];
  const partners: Uint32Array[] = [];
  for (let u = 0; u < n; u++) {
    const list = byQuery[u]!;
    if (list.length === 0) continue;
    queries.push(u);
    partners.push(Uint32Array.from(list).sort());
  }
  return {
    testFraction,
    events: E,
    threshold,
    graph,
    train: { n, ids, sources: ts, targets: tt, times: tTimes, count: trainCount },
    test: { n, ids, sources: Uint32Array.from(testSources), targets: Uint32Array.from(testTargets), times: Float64Array.from(testTimes), count: testSources.length },
    queries: Uint32Array.from(queries),
    partners,
    testPairs: pairKeys.size,
  };
}

/**
 * The network as it stood earlier: only the events before the time of the event at index ⌊fraction · E⌋ of the time
 * order (E events between two different nodes, as `timeSplit` counts them), in file order — so the protocol can be
 * run again on an earlier stretch of the same history, whose test period is one no setting was chosen on
 * (rolling-origin evaluation; Tashman, "Out-of-sample tests of forecasting accuracy", Int. J. Forecasting 16:437,
 * 2000). `fraction` 1 keeps everything.
 */
export function earlierHistory(edges: TimedEdges, fraction: number): TimedEdges {
  if (!(typeof fraction === 'number' && fraction > 0 && fraction <= 1)) {
    throw new BridgeworkError('validation', `matcher/evaluation: historyFraction must be a number in (0, 1], not ${String(fraction)}`);
  }
  if (fraction === 1) return edges;
  const { sources, targets, times } = edges;
  const order = stableTimeOrder(times, (e) => sources[e] !== targets[e]);
  const E = order.length;
  if (E === 0) throw new BridgeworkError('validation', `matcher/evaluation: ${edges.file} has no events between two different nodes`);
  const end = times[order[Math.min(Math.floor(fraction * E), E - 1)]!]!;
  const kept: number[] = [];
  for (let e = 0; e < edges.count; e++) if (times[e]! < end) kept.push(e);
  const pick = <A extends Uint32Array | Float64Array>(a: A, make: (n: number) => A): A => {
    const out = make(kept.length);
    kept.forEach((e, i) => (out[i] = a[e]!));
    return out;
  };
  return {
    ...edges,
    file: `${edges.file} (first ${Math.round(fraction * 100)}%)`,
    sources: pick(sources, (n) => new Uint32Array(n)),
    targets: pick(targets, (n) => new Uint32Array(n)),
    times: pick(times, (n) => new Float64Array(n)),
    lines: pick(edges.lines, (n) => new Uint32Array(n)),
    count: kept.length,
  };
}
