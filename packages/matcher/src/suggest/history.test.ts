import { describe, expect, it } from '@jest/globals';
import { prepareHistory } from './history.js';
import { IntroductionHistorySchema } from './options.js';
import { suggestIntroductions } from './suggest-introductions.js';
import { NOW, smallTown } from './test-town.testing.js';

const prepared = (openAsks: unknown[]) => prepareHistory(IntroductionHistorySchema.parse({ openAsks }), NOW, 0.7, 30);

describe('prepareHistory counting open asks', () => {
  it('counts an ask against every one of its introducers, not only the first', () => {
    const h = prepared([
      { personId: 'a', candidateId: 'b', introducerIds: ['x', 'y'] },
      { personId: 'c', candidateId: 'd', introducerIds: ['y', 'z'] },
    ]);
    expect(h.introducerLoad('x')).toBe(1);
    expect(h.introducerLoad('y')).toBe(2);
    expect(h.introducerLoad('z')).toBe(1);
    expect(h.introducerLoad('nobody')).toBe(0);
    expect(h.has.introducers).toBe(true);
  });

  it('still accepts the single introducerId, and counts an id given in both fields once', () => {
    const h = prepared([
      { personId: 'a', candidateId: 'b', introducerId: 'x' },
      { personId: 'c', candidateId: 'd', introducerId: 'x', introducerIds: ['x', 'y'] },
      { personId: 'e', candidateId: 'f', introducerId: null },
    ]);
    expect(h.introducerLoad('x')).toBe(2);
    expect(h.introducerLoad('y')).toBe(1);
    expect(h.openOf('a')).toBe(1);
    expect(h.openBetween('f', 'e')).toBe(true);
  });

  it('has no introducer load when no ask names an introducer', () => {
    expect(prepared([{ personId: 'a', candidateId: 'b' }]).has.introducers).toBe(false);
  });

  it('rejects an introducer id that is not an id, naming where', () => {
    expect(() => IntroductionHistorySchema.parse({ openAsks: [{ personId: 'a', candidateId: 'b', introducerIds: [''] }] })).toThrow(/introducerIds/);
  });
});

describe('suggestIntroductions with asks through several introducers', () => {
  const town = smallTown();
  const priyaLoad = (openAsks: unknown[]) => {
    const r = suggestIntroductions(town, 'dana', { now: NOW, history: { openAsks: openAsks as never } });
    const sam = r.suggestions.find((s) => s.id === 'sam');
    expect(sam?.introducers[0]?.id).toBe('priya');
    return sam!.features.introducerLoad;
  };

  it('weighs the load of an introducer named second on other asks up to maxOpenPerIntroducer', () => {
    expect(priyaLoad([])).toBe(0);
    // Priya is the second introducer of three open asks elsewhere: her load is full (3 of 3), not zero.
    const asks = [0, 1, 2].map((i) => ({ personId: `p-x${i}`, candidateId: `p-y${i}`, introducerIds: ['c1', 'priya'] }));
    expect(priyaLoad(asks)).toBeCloseTo(1, 10);
    expect(priyaLoad(asks.slice(0, 1))).toBeCloseTo(1 / 3, 10);
  });
});
