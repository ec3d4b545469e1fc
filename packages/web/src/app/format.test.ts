import { describe, expect, it } from '@jest/globals';
import { changeWords, communityColours, constraintBins, constraintWords, degreeBins, funnel, heatColour, keyProblem, percent, sizeByBetweenness, OTHER_COLOUR, type HealthPoint } from './format.js';

describe('format', () => {
  it('writes shares as whole percentages and missing values as a dash', () => {
    expect(percent(0.4231)).toBe('42%');
    expect(percent(null)).toBe('–');
    expect(percent(Number.NaN)).toBe('–');
  });

  it('describes constraint in words a coach can use', () => {
    expect(constraintWords(0.8)).toMatch(/^closed/);
    expect(constraintWords(0.1)).toMatch(/^open/);
    expect(constraintWords(null)).toBe('no contacts yet');
  });

  it('accepts a whole key and explains what is wrong with a partial one', () => {
    expect(keyProblem(`bw_${'a'.repeat(16)}_${'B'.repeat(43)}`)).toBeNull();
    expect(keyProblem('')).toMatch(/Enter/);
    expect(keyProblem('abc')).toMatch(/starts with bw_/);
    expect(keyProblem(`bw_${'a'.repeat(16)}_short`)).toMatch(/not a whole/);
  });

  it('counts each introduction at every funnel step it reached', () => {
    const f = funnel([
      { status: 'proposed', outcome: null },
      { status: 'accepted', outcome: null },
      { status: 'made', outcome: null },
      { status: 'closed', outcome: 'job' },
      { status: 'declined', outcome: null },
    ]);
    expect(f).toEqual({ proposed: 5, accepted: 3, made: 2, outcome: 1 });
  });

  it('gives the largest communities the distinct colours and the rest grey', () => {
    const communities = [...Array(13).keys()].flatMap((c) => Array<number>(20 - c).fill(c));
    const colours = communityColours(communities);
    expect(colours.get(0)).not.toBe(colours.get(1));
    expect(colours.get(12)).toBe(OTHER_COLOUR);
    expect(new Set([...colours.values()]).size).toBe(13);
  });

  it('sizes nodes by the square root of betweenness between 3 and 16', () => {
    expect(sizeByBetweenness(0, 1)).toBeCloseTo(3);
    expect(sizeByBetweenness(1, 1)).toBeCloseTo(16);
    expect(sizeByBetweenness(0.25, 1)).toBeCloseTo(9.5);
    expect(sizeByBetweenness(1, 0)).toBe(4);
  });

  it('darkens heatmap cells with the share and keeps text readable', () => {
    expect(heatColour(0)).toEqual({ background: 'rgb(255, 255, 255)', text: '#1b1b1b' });
    expect(heatColour(1).text).toBe('#ffffff');
  });
});

describe('histogram bins', () => {
  it('bins degrees one by one when they are small and in wider bins when they are not', () => {
    expect(degreeBins([0, 1, 1, 3])).toEqual([
      { label: '0', count: 1 },
      { label: '1', count: 2 },
      { label: '2', count: 0 },
      { label: '3', count: 1 },
    ]);
    const wide = degreeBins([0, 5, 23, 23], 12);
    expect(wide[0]).toEqual({ label: '0–1', count: 1 });
    expect(wide.length).toBe(12);
    expect(wide.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(degreeBins([])).toEqual([]);
  });

  it('bins constraint by tenths, keeps values of 0.9 and above together and counts people without ties apart', () => {
    const { bins, undefined: none } = constraintBins([0, 0.1, 0.35, 1, 1.125, null]);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 0, 2]);
    expect(bins[9]!.label).toBe('≥ 0.9');
    expect(none).toBe(1);
  });
});

describe('change since last month', () => {
  const point = (size: number, sectors: HealthPoint['sectorsTwoSteps'], constraint: number | null) => ({ date: '2026-10-01', size, weakTieShare: null, sectorsTwoSteps: sectors, constraint });

  it('says what grew and what opened up, each as better or worse', () => {
    expect(changeWords(point(3, ['I'], 0.6), point(5, ['I', 'F'], 0.45))).toEqual([
      { text: '+2 contacts', better: true },
      { text: '+1 sector', better: true },
      { text: 'constraint ↓0.15', better: true },
    ]);
    expect(changeWords(point(4, ['I', 'F'], 0.3), point(3, ['I'], 0.5))).toEqual([
      { text: '−1 contact', better: false },
      { text: '−1 sector', better: false },
      { text: 'constraint ↑0.20', better: false },
    ]);
  });

  it('leaves out tiny changes of constraint and says when nothing changed', () => {
    expect(changeWords(point(3, ['I'], 0.5), point(3, ['I'], 0.505))).toEqual([{ text: 'no change', better: null }]);
    expect(changeWords(point(0, [], null), point(1, [], 1))).toEqual([{ text: '+1 contact', better: true }]);
  });
});
