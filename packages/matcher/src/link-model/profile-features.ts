/**
 * The matcher's profile features of a candidate v for a person u on a plain contact network, each scaled to [0, 1]
 * so that a weight profile (`profiles.ts`) can combine them:
 *
 * - `likelihood`: the learned link model's odds of v against u's likeliest new contact (`LinkModel.rank`); 0 outside
 *   u's shortlist;
 * - `bridging`: the mean of three signs that v widens u's network (Burt, Structural Holes, 1992; Granovetter 1973):
 *   v is in another Louvain community than u; v's community is one that neither u nor any contact of u is in; and
 *   v's non-redundancy, 1 − (shared contacts / u's contacts) — the share of u's contacts v is not tied to, the amount
 *   by which the tie would add to u's effective size and lower u's constraint;
 * - `embeddedness`: an inverted U over the number c of shared contacts, (c / c*)·e^(1 − c/c*), highest (1) at c* =
 *   `EMBEDDEDNESS_PEAK`: moderately weak ties helped job mobility most in LinkedIn's experiments (Rajkumar, Saint-
 *   Jacques, Bojinov, Brynjolfsson & Aral, "A causal test of the strength of weak ties", Science 377:1304, 2022);
 * - `pathStrength`: the weakest link of u's strongest two-step path to v, each tie's strength c / (c + 2) from its
 *   number of contacts c — an introducer must be able to vouch for both sides;
 * - `recency`: the introducer's most recent contact with both sides, max over two-step paths of the older of the two
 *   last contacts, as 2^(−age / half-life) on the event clock.
 *
 * goalRelevance, introducerLoad and impressions need a domain graph (goals, open asks, impressions): 0 here.
 */
import type { Weights } from '../profiles.js';
import type { LinkHistory } from './history.js';

/** The shared-contact count at which embeddedness peaks. */
export const EMBEDDEDNESS_PEAK = 4;

/** The profile features of u's candidates, aligned with `candidates`. */
export interface ProfileFeatures {
  likelihood: Float64Array;
  bridging: Float64Array;
  embeddedness: Float64Array;
  pathStrength: Float64Array;
  recency: Float64Array;
}

/** The inverted U of embeddedness over c shared contacts, in [0, 1]. */
export function embeddednessOf(c: number, peak = EMBEDDEDNESS_PEAK): number {
  if (!(c > 0)) return 0;
  const x = c / peak;
  return x * Math.exp(1 - x);
}

/** A tie's strength from its number of contacts, c / (c + 2), in [0, 1). */
export const contactStrength = (c: number): number => c / (c + 2);

/**
 * The profile features of (u, v) for each candidate v, from the history `h`, with `likelihood[i]` given by the
 * caller (the link model's). O(Σ_{z ∈ Γ(u)} deg z + |candidates|), with dense work arrays of size n.
 */
export function profileFeatures(h: LinkHistory, u: number, candidates: ArrayLike<number>, likelihood: ArrayLike<number>): ProfileFeatures {
  const g = h.graph;
  const { offsets, neighbours } = g;
  const n = g.n;
  const cn = new Float64Array(n);
  const weak = new Float64Array(n);
  const rec = new Float64Array(n);
  for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
    const z = neighbours[p]!;
    const suz = contactStrength(h.contacts[p]!);
    const ruz = h.lastContact[p]!;
    for (let q = offsets[z]!, e2 = offsets[z + 1]!; q < e2; q++) {
      const v = neighbours[q]!;
      if (v === u) continue;
      cn[v]!++;
      const link = Math.min(suz, contactStrength(h.contacts[q]!));
      if (link > weak[v]!) weak[v] = link;
      const r = Math.min(ruz, h.lastContact[q]!);
      if (r > rec[v]!) rec[v] = r;
    }
  }
  const comm = h.communities;
  const cu = comm[u]!;
  const reached = new Set<number>([cu]);
  for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) reached.add(comm[neighbours[p]!]!);
  const du = g.degree(u);
  const k = candidates.length;
  const out: ProfileFeatures = {
    likelihood: Float64Array.from({ length: k }, (_, i) => Math.min(1, Math.max(0, likelihood[i]!))),
    bridging: new Float64Array(k),
    embeddedness: new Float64Array(k),
    pathStrength: new Float64Array(k),
    recency: new Float64Array(k),
  };
  for (let i = 0; i < k; i++) {
    const v = candidates[i]!;
    const c = cn[v]!;
    const other = comm[v] !== cu ? 1 : 0;
    const novel = reached.has(comm[v]!) ? 0 : 1;
    const nonRedundant = du > 0 ? 1 - Math.min(1, c / du) : 1;
    out.bridging[i] = (other + novel + nonRedundant) / 3;
    out.embeddedness[i] = embeddednessOf(c);
    out.pathStrength[i] = weak[v]!;
    out.recency[i] = rec[v]!;
  }
  return out;
}

/**
 * The profile score of each candidate: Σ weight × feature over the features a plain network has (the domain-only
 * features count 0; their penalties subtract nothing).
 */
export function profileScores(f: ProfileFeatures, weights: Weights): Float64Array {
  const k = f.likelihood.length;
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    out[i] =
      weights.likelihood * f.likelihood[i]! +
      weights.bridging * f.bridging[i]! +
      weights.embeddedness * f.embeddedness[i]! +
      weights.pathStrength * f.pathStrength[i]! +
      weights.recency * f.recency[i]!;
  }
  return out;
}
