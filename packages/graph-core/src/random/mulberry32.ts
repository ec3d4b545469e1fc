/**
 * Mulberry32 (Tommy Ettinger, 2017): a tiny 32-bit-state generator. Fast and good enough for shuffles and small
 * simulations, but its period is only 2^32 and it fails some statistical batteries, so `createRng` uses sfc32; this
 * one is kept for tests and for callers that want the smallest possible state.
 */
import type { Rng } from './rng.js';

/** A mulberry32 generator: each call returns a float in [0, 1) with 32 bits of randomness. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
