import { describe, expect, it } from '@jest/globals';
import { integerBins, intervalBins, renderHistogram } from './svg-charts.js';

describe('histogram bins', () => {
  it('gives small integer ranges one bin per value, empty values included', () => {
    const bins = integerBins([0, 1, 1, 3, 3, 3]);
    expect(bins.map((b) => [b.lo, b.hi, b.count])).toEqual([[0, 0, 1], [1, 1, 2], [2, 2, 0], [3, 3, 3]]);
  });

  it('puts a long tail of integers into one last "≥" bin', () => {
    const values = [...Array.from({ length: 31 }, (_, i) => i), 424];
    const bins = integerBins(values);
    expect(bins).toHaveLength(41);
    expect(bins.slice(0, 31).every((b) => b.count === 1)).toBe(true);
    expect(bins.slice(31, 40).every((b) => b.count === 0)).toBe(true);
    expect(bins[40]).toEqual({ lo: 40, hi: 424, count: 1, label: '≥ 40' });
  });

  it('widens integer bins for wide ranges without a tail, keeping every value', () => {
    const values = Array.from({ length: 300 }, (_, i) => i);
    const bins = integerBins(values);
    expect(bins).toHaveLength(30);
    expect(bins[0]).toMatchObject({ lo: 0, hi: 9, count: 10, label: '0–9' });
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(300);
  });

  it('bins intervals of 0.05 on exact edges despite floating point, the maximum in the last bin', () => {
    const bins = intervalBins([0, 0.05, 0.15, 0.35, 0.999, 1, 1.1]);
    expect(bins).toHaveLength(22);
    const counts = bins.map((b) => b.count);
    expect(counts[0]).toBe(1);
    expect(counts[1]).toBe(1);
    expect(counts[3]).toBe(1);
    expect(counts[7]).toBe(1);
    expect(counts[19]).toBe(1);
    expect(counts[20]).toBe(1);
    expect(counts[21]).toBe(1);
    expect(bins[21]).toMatchObject({ lo: 1.05, hi: 1.1 });
  });
});

describe('renderHistogram', () => {
  it('draws one bar per bin with its count, and escapes the titles', () => {
    const svg = renderHistogram(integerBins([1, 2, 2]), { id: 'h', title: 'A <b> & c', description: 'd', xLabel: 'x' });
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(3);
    expect([...svg.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([0, 1, 2]);
    expect(svg).toContain('<title id="h-title">A &lt;b&gt; &amp; c</title>');
    expect(svg).not.toContain('xmlns');
  });
});
