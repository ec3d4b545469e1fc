/**
 * Helpers that draw from an `Rng`: integers, choices, shuffles, weighted choices, and the normal and Poisson
 * distributions. Each takes the generator first, so the caller's seed decides every draw.
 */
import { BridgeworkError } from '../errors.js';
import type { Rng } from './rng.js';

function invalid(message: string): BridgeworkError {
  return new BridgeworkError('validation', `graph-core/random: ${message}`);
}

/** A float in [min, max). */
export function randFloat(rng: Rng, min: number, max: number): number {
  if (!(max >= min)) throw invalid(`randFloat needs min ≤ max, not ${min} > ${max}`);
  return min + (max - min) * rng();
}

/** An integer in [min, max], both ends included. Throws unless min and max are integers with min ≤ max. */
export function randInt(rng: Rng, min: number, max: number): number {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
    throw invalid(`randInt needs integers min ≤ max, not ${min} and ${max}`);
  }
  return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability `p` (p ≤ 0 never, p ≥ 1 always). */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** One element chosen uniformly. Throws on an empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw invalid('cannot pick from an empty list');
  return items[Math.floor(rng() * items.length)]!;
}

/** Shuffle `items` in place (Fisher–Yates: every order equally likely) and return it. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}

/** `k` distinct elements chosen uniformly, in random order (all of them, shuffled, when k ≥ the length). */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const copy = items.slice();
  const n = Math.max(0, Math.min(Math.floor(k), copy.length));
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    const tmp = copy[i]!;
    copy[i] = copy[j]!;
    copy[j] = tmp;
  }
  return copy.slice(0, n);
}

/**
 * An index chosen with probability proportional to its weight. Weights must be finite and ≥ 0, with a positive
 * total; a zero weight is never chosen.
 */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw invalid(`weights must be finite and ≥ 0, not ${w}`);
    total += w;
  }
  if (!(total > 0)) throw invalid('weights must have a positive total');
  let r = rng() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    last = i;
    if (r < w) return i;
    r -= w;
  }
  return last; // rounding left r just above the last weight
}

/** An element chosen with probability proportional to `weightOf(element)` (see `weightedIndex`). */
export function weightedPick<T>(rng: Rng, items: readonly T[], weightOf: (item: T, index: number) => number): T {
  return items[weightedIndex(rng, items.map(weightOf))]!;
}

/** A key of `weights` chosen with probability proportional to its value: `weightedKey(rng, { a: 3, b: 1 })`. */
export function weightedKey<K extends string>(rng: Rng, weights: Readonly<Partial<Record<K, number>>>): K {
  const keys = Object.keys(weights) as K[];
  return keys[weightedIndex(rng, keys.map((k) => weights[k] ?? 0))]!;
}

/** A normally distributed number (Box–Muller). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u = 1 - rng(); // (0, 1]: log(0) cannot happen
  const v = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A Poisson-distributed count with mean `lambda` ≥ 0: Knuth's multiplication method up to a mean of 30, a rounded
 * normal approximation above it.
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw invalid(`poisson needs a finite mean ≥ 0, not ${lambda}`);
  if (lambda > 30) return Math.max(0, Math.round(normal(rng, lambda, Math.sqrt(lambda))));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}
