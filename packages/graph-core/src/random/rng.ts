/**
 * Seedable randomness for graph-core, which never calls `Math.random`: code that needs chance takes an `Rng`, and
 * the caller decides the seed, so every run can be repeated exactly.
 */
import { BridgeworkError } from '../errors.js';
import { sfc32, splitmix32 } from './sfc32.js';

/** A source of uniform random numbers: each call returns a float in [0, 1). */
export type Rng = () => number;

/** Rounds of output discarded after seeding, so the first numbers do not echo the seed's structure. */
const WARM_UP = 12;

/**
 * A deterministic generator for `seed` (any safe integer, negative allowed): the same seed always gives the same
 * sequence, on every platform. sfc32, its 128-bit state filled from the seed by SplitMix32 (both halves of a seed
 * above 2^32 count). Throws a validation error for a seed that is not a safe integer.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new BridgeworkError('validation', `graph-core/random: the seed must be a safe integer, not ${String(seed)}`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  const mix = splitmix32(low ^ Math.imul(high, 0x27d4eb2d));
  const rng = sfc32(mix(), mix(), mix(), high ^ mix());
  for (let i = 0; i < WARM_UP; i++) rng();
  return rng;
}
