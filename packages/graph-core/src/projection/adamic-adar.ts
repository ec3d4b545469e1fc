/**
 * Two-hop Adamic–Adar scan over a CompactGraph.
 *
 * Adamic & Adar (2003, "Friends and neighbors on the Web", Social Networks 25:211–230) score a pair by the neighbours
 * they share, each weighted by the inverse logarithm of its degree — a common friend with few friends says more than
 * a hub: AA(u, v) = Σ_{z ∈ Γ(u) ∩ Γ(v)} 1 / ln |Γ(z)|. Liben-Nowell & Kleinberg (2007, "The link-prediction problem
 * for social networks", JASIST 58:1019) found it among the best simple predictors of new ties.
 *
 * Only nodes two hops from u can score above zero, so one pass over u's neighbours' rows scores every candidate at
 * once: O(Σ_{z ∈ Γ(u)} deg z). The accumulators live in a reusable scratch of size n, reset by touching only what the
 * query wrote, so a query allocates nothing but its result.
 */
import { BridgeworkError } from '../errors.js';
import type { CompactGraph } from './compact-graph.js';

/**
 * Reusable per-graph-size work space for two-hop scans (about 16 bytes a node). Not shareable between concurrent
 * scans — there are none in one JavaScript thread, but do not hold results in it.
 */
export interface TwoHopScratch {
  /** Number of nodes it serves. */
  readonly n: number;
  /** Accumulated score per node; all zero between scans. */
  readonly score: Float64Array;
  /** Candidates touched by the current scan, in discovery order. */
  readonly touched: Uint32Array;
  /** Exclusion marks: node x is excluded from the current scan when stamp[x] === epoch. */
  readonly stamp: Uint32Array;
  /** The current scan's stamp. */
  epoch: number;
}

/** A scratch for scans over graphs of up to `n` nodes. */
export function createTwoHopScratch(n: number): TwoHopScratch {
  if (!Number.isInteger(n) || n < 0) throw new BridgeworkError('validation', `graph-core/projection: scratch size must be a non-negative integer, not ${n}`);
  return { n, score: new Float64Array(n), touched: new Uint32Array(n), stamp: new Uint32Array(n), epoch: 0 };
}

/** Candidates of a two-hop scan and their scores, aligned; candidates in discovery order (by u's neighbours ascending, then their neighbours ascending). */
export interface TwoHopScores {
  candidates: Uint32Array;
  scores: Float64Array;
}

/**
 * Adamic–Adar scores of every node two hops from `u` — excluding u and u's neighbours — over a CompactGraph (weights
 * are ignored: the index counts shared neighbours). Every candidate has a positive score. Pass a `scratch` from
 * `createTwoHopScratch(g.n)` (or larger) to avoid allocating one per call.
 */
export function adamicAdarScan(g: CompactGraph, u: number, scratch?: TwoHopScratch): TwoHopScores {
  if (!(u >>> 0 === u && u < g.n)) throw new BridgeworkError('not-found', `graph-core/projection: no node ${u} in a graph of ${g.n}`);
  const s = scratch ?? createTwoHopScratch(g.n);
  if (s.n < g.n) throw new BridgeworkError('validation', `graph-core/projection: a scratch for ${s.n} nodes cannot serve a graph of ${g.n}`);
  const { offsets, neighbours } = g;
  const { score, touched, stamp } = s;
  if (s.epoch >= 0xffffffff) {
    stamp.fill(0);
    s.epoch = 0;
  }
  const epoch = ++s.epoch;

  const uStart = offsets[u]!;
  const uEnd = offsets[u + 1]!;
  stamp[u] = epoch;
  for (let p = uStart; p < uEnd; p++) stamp[neighbours[p]!] = epoch;

  let count = 0;
  for (let p = uStart; p < uEnd; p++) {
    const z = neighbours[p]!;
    const zStart = offsets[z]!;
    const zEnd = offsets[z + 1]!;
    if (zEnd - zStart < 2) continue; // z's only neighbour is u
    const w = 1 / Math.log(zEnd - zStart);
    for (let q = zStart; q < zEnd; q++) {
      const v = neighbours[q]!;
      if (stamp[v] === epoch) continue;
      if (score[v] === 0) touched[count++] = v;
      score[v]! += w;
    }
  }

  const candidates = touched.slice(0, count);
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const v = candidates[i]!;
    scores[i] = score[v]!;
    score[v] = 0;
  }
  return { candidates, scores };
}
