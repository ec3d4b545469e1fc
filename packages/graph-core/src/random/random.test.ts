import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../errors.js';
import {
  chance,
  createRng,
  mulberry32,
  normal,
  pick,
  poisson,
  randFloat,
  randInt,
  sample,
  sfc32,
  shuffle,
  weightedIndex,
  weightedKey,
  weightedPick,
  type Rng,
} from './index.js';

const take = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng());

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]): number => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

/** Pearson's chi-squared statistic of observed counts against equal expected counts. */
function chiSquared(counts: number[]): number {
  const expected = counts.reduce((s, c) => s + c, 0) / counts.length;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    expect(take(createRng(42), 1000)).toEqual(take(createRng(42), 1000));
  });

  it('gives different sequences for different seeds, also nearby and large ones', () => {
    const seeds = [0, 1, 2, -1, 42, 43, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER];
    const firsts = seeds.map((s) => take(createRng(s), 4).join(','));
    expect(new Set(firsts).size).toBe(seeds.length);
  });

  it('keeps its sequence across versions (a regression pin: the demo town depends on it)', () => {
    expect(take(createRng(42), 3).map((x) => x.toFixed(8))).toEqual(PINNED_SEED_42);
  });

  it('returns floats in [0, 1)', () => {
    for (const x of take(createRng(7), 100_000)) {
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('is uniform: mean about 1/2, variance about 1/12, and 20 equal buckets pass a chi-squared test', () => {
    const xs = take(createRng(2026), 200_000);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    expect(variance(xs)).toBeCloseTo(1 / 12, 2);
    const buckets = new Array<number>(20).fill(0);
    for (const x of xs) buckets[Math.floor(x * 20)]!++;
    // 19 degrees of freedom: the 99.9th percentile is 43.8
    expect(chiSquared(buckets)).toBeLessThan(43.8);
  });

  it('has no obvious correlation between successive draws', () => {
    const xs = take(createRng(99), 100_000);
    const m = mean(xs);
    let cov = 0;
    for (let i = 1; i < xs.length; i++) cov += (xs[i]! - m) * (xs[i - 1]! - m);
    const lag1 = cov / (xs.length - 1) / variance(xs);
    expect(Math.abs(lag1)).toBeLessThan(0.02);
  });

  it('refuses seeds that are not safe integers', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => createRng(bad)).toThrow(BridgeworkError);
    }
  });
});

describe('the underlying generators', () => {
  // Known answers from the C reference implementations (PractRand's sfc32; Tommy Ettinger's mulberry32), compiled and
  // run with state (1, 2, 3, 4) and seed 1: the 32-bit outputs divided by 2^32.
  it('sfc32 matches the C reference implementation', () => {
    expect(take(sfc32(1, 2, 3, 4), 3).map((x) => x * 2 ** 32)).toEqual([7, 34, 56623200]);
  });

  it('mulberry32 matches the C reference implementation', () => {
    expect(take(mulberry32(1), 3).map((x) => x * 2 ** 32)).toEqual([2693262067, 11749833, 2265367787]);
  });

  it('mulberry32 repeats for a seed, differs between seeds and stays in [0, 1)', () => {
    const a = take(mulberry32(1), 1000);
    expect(a).toEqual(take(mulberry32(1), 1000));
    expect(a).not.toEqual(take(mulberry32(2), 1000));
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mean(a)).toBeCloseTo(0.5, 1);
  });

  it('sfc32 repeats for a state and differs when any word of the state differs', () => {
    const base = take(sfc32(1, 2, 3, 4), 50);
    expect(base).toEqual(take(sfc32(1, 2, 3, 4), 50));
    for (const other of [sfc32(0, 2, 3, 4), sfc32(1, 0, 3, 4), sfc32(1, 2, 0, 4), sfc32(1, 2, 3, 0)]) {
      expect(take(other, 50)).not.toEqual(base);
    }
  });
});

describe('helpers', () => {
  it('randInt covers both ends of its range and nothing outside it', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const n = randInt(rng, -2, 3);
      expect(Number.isInteger(n) && n >= -2 && n <= 3).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(randInt(rng, 5, 5)).toBe(5);
    expect(() => randInt(rng, 3, 2)).toThrow(BridgeworkError);
    expect(() => randInt(rng, 0, 1.5)).toThrow(BridgeworkError);
  });

  it('randFloat stays within [min, max)', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 10_000 }, () => randFloat(rng, 2, 5));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThan(5);
    expect(mean(xs)).toBeCloseTo(3.5, 1);
  });

  it('chance is true about p of the time, never for 0 and always for 1', () => {
    const rng = createRng(4);
    const hits = Array.from({ length: 20_000 }, () => chance(rng, 0.3)).filter(Boolean).length;
    expect(hits / 20_000).toBeCloseTo(0.3, 1);
    expect(Array.from({ length: 100 }, () => chance(rng, 0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => chance(rng, 1)).every(Boolean)).toBe(true);
  });

  it('pick chooses every element about equally often and refuses an empty list', () => {
    const rng = createRng(5);
    const counts = new Map<string, number>();
    for (let i = 0; i < 30_000; i++) {
      const x = pick(rng, ['a', 'b', 'c']);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['a', 'b', 'c']);
    for (const c of counts.values()) expect(c / 30_000).toBeCloseTo(1 / 3, 1);
    expect(() => pick(rng, [])).toThrow(BridgeworkError);
  });

  it('shuffle permutes in place, repeatably for a seed, with every position equally likely', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = shuffle(createRng(6), items);
    expect(shuffled).toBe(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(shuffle(createRng(6), [1, 2, 3, 4, 5, 6, 7, 8])).toEqual(shuffled);

    const rng = createRng(7);
    const firstCounts = new Array<number>(4).fill(0);
    for (let i = 0; i < 40_000; i++) firstCounts[shuffle(rng, [0, 1, 2, 3])[0]!]!++;
    // 3 degrees of freedom: the 99.9th percentile is 16.3
    expect(chiSquared(firstCounts)).toBeLessThan(16.3);
  });

  it('sample returns k distinct elements and leaves its input alone', () => {
    const rng = createRng(8);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const s = sample(rng, items, 5);
    expect(s).toHaveLength(5);
    expect(new Set(s).size).toBe(5);
    expect(s.every((x) => items.includes(x))).toBe(true);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(sample(rng, [1, 2], 5).sort()).toEqual([1, 2]);
    expect(sample(rng, [1, 2], 0)).toEqual([]);
  });

  it('weightedIndex picks in proportion to the weights and never picks a zero weight', () => {
    const rng = createRng(9);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[weightedIndex(rng, [1, 0, 2, 3])]!++;
    expect(counts[1]).toBe(0);
    expect(counts[0]! / 60_000).toBeCloseTo(1 / 6, 1);
    expect(counts[2]! / 60_000).toBeCloseTo(2 / 6, 1);
    expect(counts[3]! / 60_000).toBeCloseTo(3 / 6, 1);
    expect(() => weightedIndex(rng, [0, 0])).toThrow(BridgeworkError);
    expect(() => weightedIndex(rng, [1, -1])).toThrow(BridgeworkError);
    expect(() => weightedIndex(rng, [1, Number.NaN])).toThrow(BridgeworkError);
  });

  it('weightedPick and weightedKey follow the weights they are given', () => {
    const rng = createRng(10);
    const picks = Array.from({ length: 10_000 }, () => weightedPick(rng, ['x', 'y'], (s) => (s === 'x' ? 9 : 1)));
    expect(picks.filter((p) => p === 'x').length / 10_000).toBeCloseTo(0.9, 1);
    const keys = Array.from({ length: 10_000 }, () => weightedKey(rng, { a: 1, b: 0, c: 1 }));
    expect(keys.includes('b')).toBe(false);
    expect(keys.filter((k) => k === 'a').length / 10_000).toBeCloseTo(0.5, 1);
  });

  it('normal has the requested mean and standard deviation', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: 100_000 }, () => normal(rng, 10, 2));
    expect(mean(xs)).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance(xs))).toBeCloseTo(2, 1);
    const within1 = xs.filter((x) => Math.abs(x - 10) < 2).length / xs.length;
    expect(within1).toBeCloseTo(0.6827, 2);
  });

  it('poisson gives non-negative integers with mean and variance equal to lambda, small and large', () => {
    const rng = createRng(12);
    for (const lambda of [0.5, 4, 60]) {
      const xs = Array.from({ length: 50_000 }, () => poisson(rng, lambda));
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(mean(xs) / lambda).toBeCloseTo(1, 1);
      expect(variance(xs) / lambda).toBeCloseTo(1, 1);
    }
    expect(poisson(rng, 0)).toBe(0);
    expect(() => poisson(rng, -1)).toThrow(BridgeworkError);
  });
});

const PINNED_SEED_42 = ['0.23955313', '0.58592099', '0.09323416'];
