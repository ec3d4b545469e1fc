/**
 * How sure can we be that one method beats another on hits@k? Both rank the same query people, so the comparison is
 * paired: per person, each method has a hit (1) or not (0).
 *
 * - `gain`: hits@k of the method over hits@k of the other (1.10 = 10% more people with a hit), and its **percentile
 *   bootstrap interval**: the query people resampled with replacement, the ratio recomputed each time (Efron &
 *   Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13). The people are the unit of resampling, as the
 *   metric averages over them; the other method is fixed beforehand (the best baseline on the full sample).
 * - `wins` / `losses`: people only the method / only the other method has a hit for; the rest are ties. The **exact
 *   McNemar test** (McNemar, Psychometrika 12:153, 1947) asks whether wins and losses could be a fair coin's split:
 *   a two-sided binomial test on the discordant people.
 * - `gainAtLeast`: the share of bootstrap resamples in which the gain reaches a stated ratio (the matcher issue's goal
 *   is 1.1) — a plain reading of how often a sample like this one would meet it.
 *
 * Pure: the resampling draws from the `rng` passed in.
 */
import { BridgeworkError, type Rng } from '@bridgework/graph-core';

/** Options of `comparePaired`. */
export interface PairedComparisonOptions {
  /** Bootstrap resamples; default 2000. */
  resamples?: number;
  /** Coverage of the interval, in (0, 1); default 0.95. */
  level?: number;
  /** The ratio `gainAtLeast` reports on; default 1.1. */
  target?: number;
}

/** Defaults of `comparePaired`. */
export const PAIRED_COMPARISON_DEFAULTS: Readonly<Required<PairedComparisonOptions>> = Object.freeze({ resamples: 2000, level: 0.95, target: 1.1 });

/** One method against another on the same queries. */
export interface PairedComparison {
  /** The method compared against. */
  against: string;
  /** hits(method) / hits(against); Infinity when the other has none and the method some, 1 when neither has any. */
  gain: number;
  /** Percentile bootstrap interval of `gain` at `level`. */
  interval: [number, number];
  level: number;
  /** People only the method has a hit for. */
  wins: number;
  /** People only the other method has a hit for. */
  losses: number;
  /** Two-sided exact McNemar p-value of wins against losses (1 when there are none). */
  pValue: number;
  /** The ratio of `gainAtLeast`. */
  target: number;
  /** Share of the bootstrap resamples whose gain is at least `target`. */
  gainAtLeast: number;
}

/**
 * Compare per-query hits `a` (the method) with `b` (the method named `against`), both 0/1 per query in the same order.
 * Throws a validation error when the lengths differ, there are no queries, or an option is out of range.
 */
export function comparePaired(a: ArrayLike<number>, b: ArrayLike<number>, against: string, rng: Rng, options: PairedComparisonOptions = {}): PairedComparison {
  const { resamples, level, target } = { ...PAIRED_COMPARISON_DEFAULTS, ...options };
  const n = a.length;
  if (n !== b.length) throw new BridgeworkError('validation', `matcher/paired-comparison: the two methods were scored on ${n} and ${b.length} queries; they must rank the same ones`);
  if (n === 0) throw new BridgeworkError('validation', 'matcher/paired-comparison: no queries to compare');
  if (!(Number.isInteger(resamples) && resamples >= 1)) throw new BridgeworkError('validation', `matcher/paired-comparison: resamples must be a whole number ≥ 1, not ${resamples}`);
  if (!(level > 0 && level < 1)) throw new BridgeworkError('validation', `matcher/paired-comparison: level must be in (0, 1), not ${level}`);
  if (!(target > 0 && Number.isFinite(target))) throw new BridgeworkError('validation', `matcher/paired-comparison: target must be a positive number, not ${target}`);

  // Each query is one of four kinds; a resample only needs how many of each it drew.
  let wins = 0;
  let losses = 0;
  let both = 0;
  const kind = new Uint8Array(n); // bit 0: a hit, bit 1: b hit
  for (let i = 0; i < n; i++) {
    const x = a[i] ? 1 : 0;
    const y = b[i] ? 1 : 0;
    kind[i] = x | (y << 1);
    if (x && !y) wins++;
    else if (!x && y) losses++;
    else if (x && y) both++;
  }
  const ratio = (hitsA: number, hitsB: number) => (hitsB > 0 ? hitsA / hitsB : hitsA > 0 ? Infinity : 1);
  const gain = ratio(wins + both, losses + both);

  const gains = new Float64Array(resamples);
  let reached = 0;
  for (let r = 0; r < resamples; r++) {
    let ha = 0;
    let hb = 0;
    for (let i = 0; i < n; i++) {
      const k = kind[Math.floor(rng() * n)]!;
      ha += k & 1;
      hb += k >> 1;
    }
    const g = ratio(ha, hb);
    gains[r] = g;
    if (g >= target) reached++;
  }
  gains.sort();
  const tail = (1 - level) / 2;
  const at = (q: number) => gains[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return { against, gain, interval: [at(tail), at(1 - tail)], level, wins, losses, pValue: mcnemarExact(wins, losses), target, gainAtLeast: reached / resamples };
}

/** Two-sided exact McNemar test: P(a split at least as uneven as wins : losses) for a fair coin over wins + losses. */
export function mcnemarExact(wins: number, losses: number): number {
  const m = wins + losses;
  if (m === 0) return 1;
  const low = Math.min(wins, losses);
  // P(X ≤ low) for X ~ Binomial(m, 1/2), summed in log space to stay finite for large m.
  const logHalf = m * Math.log(0.5);
  let logC = 0; // log C(m, 0)
  let tail = 0;
  for (let x = 0; x <= low; x++) {
    if (x > 0) logC += Math.log(m - x + 1) - Math.log(x);
    tail += Math.exp(logC + logHalf);
  }
  return Math.min(1, 2 * tail);
}
