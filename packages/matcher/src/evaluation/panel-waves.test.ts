import { describe, expect, it } from '@jest/globals';
import { evaluateLinkPrediction } from './evaluate-link-prediction.js';
import { panelWavesToTimedEdges } from './panel-waves.js';
import { timeSplit } from './time-split.js';

describe('panel waves', () => {
  const wave1 = { file: 'w1.csv', text: 'source,target,strength\na,b,2\nb,c,1\nc,d,3\nd,a,2\na,c,1\n' };
  const wave2 = { file: 'w2.tsv', text: 'a\tb\nb\tc\nc\td\nd\ta\na\tc\nb\td\ne\ta\n' };

  it('puts wave w at time w, numbering people by first appearance across the waves', () => {
    const e = panelWavesToTimedEdges([wave1, wave2]);
    expect(e.ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(Array.from(e.times)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(Array.from(e.lines)).toEqual([2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7]);
    expect(e.file).toBe('w1.csv + w2.tsv');
    expect(e.timeColumn).toBe('wave');
  });

  it('splits at the second wave: the first is the past, the ties new in the second are the test pairs', () => {
    const e = panelWavesToTimedEdges([wave1, wave2]);
    const split = timeSplit(e, { testFraction: 0.2 });
    expect(split.train.count).toBe(5);
    // b–d is new between people of wave 1; e–a names someone wave 1 did not have, so it cannot be predicted.
    expect(split.testPairs).toBe(1);
    const r = evaluateLinkPrediction(e, { k: 1 });
    expect(r.linkModel.fit.source).toBe('prior');
    expect(r.queries).toBe(2);
  });

  it('names the file and line of a bad row, and refuses a single wave or an empty one', () => {
    expect(() => panelWavesToTimedEdges([wave1, { file: 'w2.tsv', text: 'a\tb\n\tc\n' }])).toThrow(/w2\.tsv:2/);
    expect(() => panelWavesToTimedEdges([wave1])).toThrow(/at least two waves, not 1/);
    expect(() => panelWavesToTimedEdges([wave1, { file: 'empty.csv', text: 'source,target\n' }])).toThrow(/empty\.csv:1: the wave holds no ties/);
  });
});
