import { describe, expect, it } from '@jest/globals';
import type { SuggestionTag } from '../types.js';
import { TAG_WORDS, tagWords } from './member.js';

// The API's tags (`SUGGESTION_TAGS` in packages/api/src/routes/suggestions.ts); the type-check ties TAG_WORDS to them.
const SUGGESTION_TAGS: readonly SuggestionTag[] = ['goal-sector', 'past-goal-sector', 'goal-role', 'hiring', 'peer-support', 'new-community', 'new-sectors', 'warm-chain'];

describe('suggestion tags in words', () => {
  it('has plain words for every tag the API sends, and for nothing else', () => {
    expect(Object.keys(TAG_WORDS).sort()).toEqual([...SUGGESTION_TAGS].sort());
    const words = SUGGESTION_TAGS.map((t) => TAG_WORDS[t]);
    for (const [i, w] of words.entries()) {
      expect(w).not.toBe(SUGGESTION_TAGS[i]);
      expect(w).toMatch(/^[a-z][a-z ]+[a-z]$/);
    }
    expect(new Set(words).size).toBe(words.length);
  });

  it('says another member wants the kind of job, where anyone else does it', () => {
    expect(tagWords('goal-role', { roles: ['employee'] })).toBe('does the kind of job they want');
    expect(tagWords('goal-role', { roles: ['member'] })).toBe('wants the same kind of job');
    expect(tagWords('hiring', { roles: ['member'] })).toBe(TAG_WORDS.hiring);
  });
});
