/**
 * sfc32, Chris Doty-Humphrey's "Small Fast Counting" generator from PractRand: 128 bits of state (three mixing words
 * and a counter, so no seed falls into a short cycle; the minimum period is 2^32, the expected one about 2^127). It
 * passes PractRand and BigCrush, and needs only 32-bit integer arithmetic, which JavaScript does exactly.
 */
import type { Rng } from './rng.js';

/** An sfc32 generator from four 32-bit words of state: each call returns a float in [0, 1). */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
  let s0 = a >>> 0;
  let s1 = b >>> 0;
  let s2 = c >>> 0;
  let counter = d >>> 0;
  return () => {
    const t = (((s0 + s1) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    s0 = s1 ^ (s1 >>> 9);
    s1 = (s2 + (s2 << 3)) >>> 0;
    s2 = ((s2 << 21) | (s2 >>> 11)) >>> 0;
    s2 = (s2 + t) >>> 0;
    return t / 4294967296;
  };
}

/**
 * SplitMix32 (a 32-bit variant of Steele, Lea & Flood's SplitMix): a stream of well-mixed 32-bit words from one
 * integer, used to spread a small seed over sfc32's 128 bits of state so that nearby seeds give unrelated streams.
 */
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}
