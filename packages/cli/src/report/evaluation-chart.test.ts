import { describe, expect, it } from '@jest/globals';
import type { LinkPredictionResult, MethodMetrics } from '@bridgework/matcher';
import { renderEvaluationChart, renderRollingChart, shortSource } from './evaluation-chart.js';

const metrics = (hitsAtK: number, novelCommunityShare: number): MethodMetrics => ({ hitsAtK, precisionAtK: hitsAtK / 10, recallAtK: hitsAtK / 2, mrr: hitsAtK / 2, bridgingShare: novelCommunityShare, novelCommunityShare });

/** A result shaped as `evaluateLinkPrediction` returns it, with round figures. */
function result(withHindsight: boolean): LinkPredictionResult {
  const comparison = (gain: number, interval: [number, number]) => ({ against: 'adamic-adar', gain, interval, level: 0.95, wins: 50, losses: 25, pValue: 0.002, target: 1.1, gainAtLeast: 0.6 });
  return {
    k: 10,
    testFraction: 0.2,
    historyFraction: 1,
    trainNodes: 800,
    trainEdges: 7000,
    queries: 500,
    testPairs: 680,
    communities: 10,
    methods: {
      random: metrics(0.02, 0.55),
      'preferential-attachment': metrics(0.21, 0.46),
      'common-neighbours': metrics(0.48, 0.13),
      jaccard: metrics(0.45, 0.05),
      'adamic-adar': metrics(0.5, 0.11),
      'resource-allocation': metrics(0.48, 0.1),
      'matcher:balanced': metrics(0.56, 0.12),
      'matcher:bridging': metrics(0.43, 0.5),
    },
    comparisons: { 'matcher:balanced': comparison(1.12, [1.04, 1.2]), 'matcher:bridging': comparison(0.86, [0.8, 0.94]) },
    linkModel: { metrics: metrics(0.55, 0.04), coefficients: {} as never, fit: {} as never, options: {} },
    hindsight: withHindsight ? { metrics: metrics(0.57, 0.05), methods: { 'matcher:balanced': metrics(0.58, 0.12), 'matcher:bridging': metrics(0.45, 0.51) }, coefficients: {} as never, fit: {} as never } : null,
  };
}

/** The numeric attributes of the elements of a class. */
function elements(svg: string, cls: string): Array<Record<string, string>> {
  return [...svg.matchAll(new RegExp(`<(?:circle|rect|line) class="${cls}"([^>]*)>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

describe('the evaluation chart', () => {
  it('puts every method where its hits and reach say: higher hits higher up, more reach further right', () => {
    const svg = renderEvaluationChart(result(false), { source: 'mail/edges.tsv' });
    const points = [...elements(svg, 'baseline'), ...elements(svg, 'profile')].filter((p) => p['data-method']);
    expect(points.map((p) => p['data-method']).sort()).toEqual(Object.keys(result(false).methods).sort());
    for (const a of points) {
      for (const b of points) {
        const [ha, hb, na, nb] = [Number(a['data-hits']), Number(b['data-hits']), Number(a['data-novel']), Number(b['data-novel'])];
        if (ha > hb) expect(Number(a.cy)).toBeLessThan(Number(b.cy));
        if (na > nb) expect(Number(a.cx)).toBeGreaterThan(Number(b.cx));
      }
    }
  });

  it('shades the goal from 10% above the best baseline and resource allocation’s reach, and draws each profile’s interval', () => {
    const svg = renderEvaluationChart(result(false), { source: 'mail/edges.tsv' });
    const [goal] = elements(svg, 'goal');
    expect(Number(goal!['data-min-hits'])).toBeCloseTo(0.55, 10);
    expect(Number(goal!['data-min-novel'])).toBe(0.1);
    const at = (method: string) => elements(svg, 'profile').find((p) => p['data-method'] === method)!;
    // The goal region's lower edge sits below balanced (0.56 > 0.55) and its left edge left of it (0.12 > 0.1).
    expect(Number(goal!.y) + Number(goal!.height)).toBeGreaterThan(Number(at('matcher:balanced').cy));
    expect(Number(goal!.x)).toBeLessThan(Number(at('matcher:balanced').cx));
    const bar = elements(svg, 'interval').find((l) => l['data-method'] === 'matcher:balanced')!;
    expect(Number(bar['data-lo'])).toBeCloseTo(0.5 * 1.04, 10);
    expect(Number(bar['data-hi'])).toBeCloseTo(0.5 * 1.2, 10);
    expect(Number(bar.y1)).toBeGreaterThan(Number(bar.y2)); // the lower end is drawn lower
    expect(svg).not.toContain('class="hindsight"');
  });

  it('joins each profile to its ceiling in hindsight when there is one', () => {
    const svg = renderEvaluationChart(result(true), { source: 'mail/edges.tsv' });
    expect(elements(svg, 'hindsight').map((p) => p['data-method'])).toEqual(['matcher:balanced (hindsight)', 'matcher:bridging (hindsight)']);
    expect(elements(svg, 'to-hindsight')).toHaveLength(2);
    expect(svg).toContain('a ceiling, not a forecast');
  });

  it('places no label over another', () => {
    const svg = renderEvaluationChart(result(true), { source: 'mail/edges.tsv' });
    const labels = [...svg.matchAll(/<text class="label" x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end)">([^<]*)<\/text>/g)].map((m) => {
      const w = m[4]!.length * 6.3;
      const x = Number(m[1]);
      return { x: m[3] === 'start' ? x : x - w, y: Number(m[2]) - 10, w, h: 12, text: m[4] };
    });
    expect(labels.map((l) => l.text).sort()).toEqual([...Object.keys(result(true).methods), 'likelihood alone'].sort());
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!, labels[j]!];
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect({ pair: [a.text, b.text], apart }).toEqual({ pair: [a.text, b.text], apart: true });
      }
    }
  });

  it('escapes what it writes from the input and names generic edge files by their folder', () => {
    const svg = renderEvaluationChart(result(false), { source: 'a<b>&"c"/edges.tsv' });
    expect(svg).toContain('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(svg).not.toContain('a<b>');
    expect(shortSource('fixtures/real/dnc/edges.tsv')).toBe('dnc');
    expect(shortSource('waves/t1.tsv + waves/t2.tsv')).toBe('t1.tsv + t2.tsv');
    expect(shortSource('x'.repeat(100))).toHaveLength(70);
  });
});

describe('the rolling-origin chart', () => {
  const run = (historyFraction: number, gain: number, interval: [number, number], hindsight: number | null): LinkPredictionResult => {
    const r = result(hindsight !== null);
    r.historyFraction = historyFraction;
    r.comparisons['matcher:balanced'] = { ...r.comparisons['matcher:balanced']!, gain, interval };
    if (r.hindsight && hindsight !== null) r.hindsight.methods['matcher:balanced'] = metrics(0.5 * hindsight, 0.12);
    return r;
  };

  it('draws one row per run, each gain and interval where its value says, against the lines at no gain and at the goal', () => {
    const runs = [run(0.5, 1.06, [0.99, 1.13], 1.07), run(0.75, 1.02, [0.94, 1.1], 1.03), run(1, 1.11, [1.04, 1.18], 1.09)];
    const svg = renderRollingChart(runs, { source: 'mail/edges.tsv' });
    const gains = elements(svg, 'gain').filter((g) => g['data-history']);
    expect(gains.map((g) => Number(g['data-history']))).toEqual([0.5, 0.75, 1]);
    expect(gains.map((g) => Number(g['data-gain']))).toEqual([1.06, 1.02, 1.11]);
    // Rows top to bottom; a larger gain further right.
    expect(Number(gains[0]!.cy)).toBeLessThan(Number(gains[1]!.cy));
    expect(Number(gains[2]!.cx)).toBeGreaterThan(Number(gains[0]!.cx));
    expect(Number(gains[0]!.cx)).toBeGreaterThan(Number(gains[1]!.cx));
    const x = (line: Record<string, string>) => Number(line.x1);
    const none = elements(svg, 'none')[0]!;
    const goal = elements(svg, 'goal')[0]!;
    expect(Number(goal['data-target'])).toBe(1.1);
    // 1.06 lies between no gain and the goal; 1.11 beyond the goal.
    expect(Number(gains[0]!.cx)).toBeGreaterThan(x(none));
    expect(Number(gains[0]!.cx)).toBeLessThan(x(goal));
    expect(Number(gains[2]!.cx)).toBeGreaterThan(x(goal));
    const bars = elements(svg, 'interval');
    expect(bars).toHaveLength(3);
    expect(Number(bars[1]!.x1)).toBeLessThan(x(none)); // 0.94 is below no gain
    expect(elements(svg, 'hindsight').filter((h) => h['data-history']).map((h) => Number(h['data-gain']))).toEqual([1.07, 1.03, 1.09]);
    expect(svg).toContain('first 50%');
    expect(svg).toContain('all of the history');
  });

  it('leaves out the hindsight key when no run has it', () => {
    const svg = renderRollingChart([run(0.5, 1.06, [0.99, 1.13], null), run(1, 1.11, [1.04, 1.18], null)], { source: 'x.tsv' });
    expect(svg).not.toContain('class="hindsight"');
  });
});
