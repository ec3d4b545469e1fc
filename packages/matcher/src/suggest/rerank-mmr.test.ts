import { describe, expect, it } from '@jest/globals';
import { rerankMmr, type MmrItem } from './rerank-mmr.js';

describe('maximal marginal relevance', () => {
  // Five strong candidates at one firm through one introducer, then weaker ones elsewhere.
  const items: MmrItem[] = [
    ...Array.from({ length: 5 }, (_, i) => ({ score: 2 - i * 0.01, employer: 1, introducer: 7, community: 0 })),
    { score: 1.5, employer: 2, introducer: 8, community: 1 },
    { score: 1.4, employer: 3, introducer: 9, community: 2 },
    { score: 1.3, employer: -1, introducer: 7, community: 3 },
  ];

  it('keeps the score order with no diversity', () => {
    expect(rerankMmr(items, 4, 0)).toEqual([0, 1, 2, 3]);
  });

  it('holds peers back at the cap while others remain, then lets them fill the list', () => {
    const mixed: MmrItem[] = [
      ...Array.from({ length: 4 }, (_, i) => ({ score: 3 - i * 0.01, employer: -1, introducer: 20 + i, community: 0, peer: true })),
      { score: 1, employer: 5, introducer: 30, community: 1 },
      { score: 0.9, employer: 6, introducer: 31, community: 2 },
    ];
    expect(rerankMmr(mixed, 4, 0, { maxPeers: 1 })).toEqual([0, 4, 5, 1]);
    expect(rerankMmr(mixed, 4, 0)).toEqual([0, 1, 2, 3]);
  });

  it('keeps at most the capped number per firm and per introducer while others remain, even with no diversity', () => {
    const picked = rerankMmr(items, 4, 0, { maxPerEmployer: 2, maxPerIntroducer: 2 });
    expect(picked).toEqual([0, 1, 5, 6]);
    // With nothing else left, the caps give way rather than return fewer than k.
    expect(rerankMmr(items.slice(0, 5), 4, 0, { maxPerEmployer: 2 })).toEqual([0, 1, 2, 3]);
  });

  it('spreads the top k over firms and introducers as diversity grows', () => {
    const picked = rerankMmr(items, 4, 0.5).map((i) => items[i]!);
    expect(new Set(picked.map((p) => p.employer)).size).toBeGreaterThanOrEqual(3);
    expect(picked.filter((p) => p.employer === 1).length).toBeLessThanOrEqual(2);
    expect(picked[0]).toBe(items[0]);
  });

  it('returns every item once when k exceeds the pool, and nothing for an empty pool', () => {
    expect([...rerankMmr(items, 50, 0.3)].sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
    expect(rerankMmr([], 5, 0.3)).toEqual([]);
  });
});
