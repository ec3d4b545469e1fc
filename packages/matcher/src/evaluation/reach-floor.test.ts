import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '@bridgework/graph-core';
import { reachFloor } from './reach-floor.js';

// Nodes 0–9; the even ones lie in communities the person does not reach ("novel").
const isNovel = (v: number) => v % 2 === 0;
const scores = Float64Array.from([0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0, 0]);

describe('reachFloor', () => {
  it('keeps a list that already reaches as many new communities as the reference', () => {
    const list = [1, 2, 3, 5, 7];
    expect(Array.from(reachFloor(list, scores, [2, 9, 3], isNovel, 3))).toEqual(list);
  });

  it('gives the lowest other slots of the top k to the best-ranked novel candidates, and moves the displaced down in order', () => {
    // The reference's top 3 holds two novel candidates (4, 8); the list's top 3 (1, 3, 5) none.
    const out = Array.from(reachFloor([1, 3, 5, 7, 2, 9, 4], scores, [8, 4, 9], isNovel, 3));
    // The list's own novel candidates come first (2, then 4 — in list order), into slots 3 and 2.
    expect(out.slice(0, 3)).toEqual([1, 4, 2]);
    expect(out.slice(3)).toEqual([3, 5, 7, 9]);
    expect(out.slice(0, 3).filter(isNovel)).toHaveLength(2);
  });

  it("falls back on the reference's novel candidates when the list ranks none, leaving novel slots in place", () => {
    // 8 scores 0 for the matcher, so it is not one of the list's own; 6 is novel and already in the top 3.
    const out = Array.from(reachFloor([1, 6, 3, 5, 8], scores, [8, 4, 3], isNovel, 3));
    expect(out.slice(0, 3)).toEqual([1, 6, 8]);
    expect(out.slice(3)).toEqual([3, 5]);
  });

  it('refuses a k that is not a whole number ≥ 1', () => {
    expect(() => reachFloor([1], scores, [2], isNovel, 0)).toThrow(BridgeworkError);
    expect(() => reachFloor([1], scores, [2], isNovel, 1.5)).toThrow(/reach floor: k must be a whole number ≥ 1/);
  });
});
