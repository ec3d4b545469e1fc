import { describe, expect, it } from '@jest/globals';
import { BridgeworkError, createRng } from '@bridgework/graph-core';
import { comparePaired, mcnemarExact } from './paired-comparison.js';

/** Per-query hits: `both` people with a hit for both methods, `wins` only for a, `losses` only for b, `neither` none. */
function pairs(both: number, wins: number, losses: number, neither: number): { a: number[]; b: number[] } {
  const a: number[] = [];
  const b: number[] = [];
  const push = (count: number, x: number, y: number) => {
    for (let i = 0; i < count; i++) {
      a.push(x);
      b.push(y);
    }
  };
  push(both, 1, 1);
  push(wins, 1, 0);
  push(losses, 0, 1);
  push(neither, 0, 0);
  return { a, b };
}

describe('mcnemarExact', () => {
  it('gives the two-sided binomial tail of the discordant pairs (values from exact binomial sums)', () => {
    expect(mcnemarExact(10, 0)).toBeCloseTo(0.001953125, 9);
    expect(mcnemarExact(0, 10)).toBeCloseTo(0.001953125, 9);
    expect(mcnemarExact(51, 24)).toBeCloseTo(0.0024442285, 8);
    expect(mcnemarExact(26, 15)).toBeCloseTo(0.117275206, 8);
    expect(mcnemarExact(300, 250)).toBeCloseTo(0.0365787455, 8);
  });

  it('is 1 for an even split and when there are no discordant pairs', () => {
    expect(mcnemarExact(3, 3)).toBe(1);
    expect(mcnemarExact(0, 0)).toBe(1);
  });
});

describe('comparePaired', () => {
  it('counts wins and losses, and the gain is the ratio of the two hit rates', () => {
    const { a, b } = pairs(40, 15, 5, 40);
    const c = comparePaired(a, b, 'common-neighbours', createRng(1));
    expect(c).toMatchObject({ against: 'common-neighbours', wins: 15, losses: 5, level: 0.95, target: 1.1 });
    expect(c.gain).toBeCloseTo(55 / 45, 12);
    expect(c.pValue).toBeCloseTo(mcnemarExact(15, 5), 12);
  });

  it('brackets the gain with an interval that narrows as the sample grows', () => {
    const small = pairs(40, 15, 5, 40);
    const large = pairs(400, 150, 50, 400);
    const c1 = comparePaired(small.a, small.b, 'x', createRng(3));
    const c2 = comparePaired(large.a, large.b, 'x', createRng(3));
    for (const c of [c1, c2]) {
      expect(c.interval[0]).toBeLessThan(c.gain);
      expect(c.interval[1]).toBeGreaterThan(c.gain);
    }
    const width = (c: typeof c1) => c.interval[1] - c.interval[0];
    // Ten times the people: the width shrinks by about √10 ≈ 3.2.
    expect(width(c1) / width(c2)).toBeGreaterThan(2.4);
    expect(width(c1) / width(c2)).toBeLessThan(4.2);
    // Ten times the people also makes a +22% gain clear of the +10% target far more often.
    expect(c2.gainAtLeast).toBeGreaterThan(c1.gainAtLeast);
    expect(c2.gainAtLeast).toBeGreaterThan(0.95);
  });

  it('finds no difference between identical methods', () => {
    const { a } = pairs(30, 10, 0, 60);
    const c = comparePaired(a, a, 'itself', createRng(5));
    expect(c).toMatchObject({ gain: 1, interval: [1, 1], wins: 0, losses: 0, pValue: 1, gainAtLeast: 0 });
  });

  it('is reproducible for a seed and draws other resamples for another seed', () => {
    const { a, b } = pairs(20, 9, 4, 30);
    expect(comparePaired(a, b, 'x', createRng(42))).toEqual(comparePaired(a, b, 'x', createRng(42)));
    expect(comparePaired(a, b, 'x', createRng(42)).gainAtLeast).not.toBe(comparePaired(a, b, 'x', createRng(43)).gainAtLeast);
  });

  it('refuses methods scored on different queries, no queries, and options out of range', () => {
    const rng = createRng(1);
    expect(() => comparePaired([1, 0], [1], 'x', rng)).toThrow(/scored on 2 and 1 queries/);
    expect(() => comparePaired([], [], 'x', rng)).toThrow(BridgeworkError);
    expect(() => comparePaired([1], [0], 'x', rng, { level: 1 })).toThrow(/level must be in \(0, 1\)/);
    expect(() => comparePaired([1], [0], 'x', rng, { resamples: 0 })).toThrow(/resamples/);
  });
});
