import { describe, expect, it } from '@jest/globals';
import { DEFAULT_TABLE_SIZE, TABLE_SIZES, eventDate, gainWords, tableWords } from './event-plan.js';

describe('event planning words', () => {
  it('writes dates for people, from a calendar date or a timestamp', () => {
    expect(eventDate('2026-09-14')).toBe('Mon 14 September 2026');
    expect(eventDate('2026-09-14T18:30:00+01:00')).toBe('Mon 14 September 2026');
    expect(eventDate('soon')).toBe('soon');
  });

  it('counts a table’s pairs in words, singular and plural', () => {
    expect(tableWords({ newPairs: 1, crossCommunityPairs: 0, goalRelevantPairs: 1 })).toBe('1 new acquaintance, 0 across communities, 1 goal-relevant');
    expect(tableWords({ newPairs: 12, crossCommunityPairs: 5, goalRelevantPairs: 3 })).toBe('12 new acquaintances, 5 across communities, 3 goal-relevant');
  });

  it('says how much better than a random seating the plan is, and why not when it cannot be', () => {
    expect(gainWords({ objective: 344, randomObjective: 312.4 }, 90)).toMatch(/^This plan is 10% better than seating people at random: it scores 344 against 312\.4/);
    expect(gainWords({ objective: 20, randomObjective: 20 }, 8)).toMatch(/^This plan is as good as seating people at random: both score 20/);
    expect(gainWords({ objective: 5, randomObjective: -95 }, 4)).toMatch(/^This plan scores 5, against -95 for a random seating/);
    expect(gainWords({ objective: 0, randomObjective: 0 }, 0)).toMatch(/already knows each other/);
  });

  it('offers the table sizes the API accepts, with the default among them', () => {
    expect(TABLE_SIZES[0]).toBe(2);
    expect(TABLE_SIZES[TABLE_SIZES.length - 1]).toBe(20);
    expect(TABLE_SIZES).toContain(DEFAULT_TABLE_SIZE);
  });
});
