import { describe, expect, it } from '@jest/globals';
import { domainTieTable } from '../analysis/analyze-domain.js';
import { monthsBefore, networkAsOf } from '../analysis/ego/ego-history.js';
import { generateDemoTown } from '../demo/demo-town.js';
import { BridgeworkGraph } from '../graph/bridgework-graph.js';
import { TIE_KIND_NAMES, type TieKind } from '../model/schemas.js';
import { combineStrengths, dateToMs, effectiveStrength } from '../model/strength.js';
import { projectTieTable, tieTable } from './tie-table.js';

const NOW = new Date('2026-11-01T00:00:00Z');
const town = BridgeworkGraph.from(generateDemoTown({ seed: 7, now: NOW }));

/**
 * The projection written out the plain way, straight from the object graph: for each pair, the noisy-or of the
 * effective strengths of the ties between them that existed at `asOf`.
 */
function expectedWeights(asOf: Date, now: Date, halfLifeDays?: number): Map<string, number> {
  const kinds = new Set<TieKind>(TIE_KIND_NAMES.filter((k) => k !== 'attended'));
  const byPair = new Map<string, number[]>();
  for (const tie of town.ties()) {
    if (!kinds.has(tie.kind) || tie.source === tie.target) continue;
    const types = [town.node(tie.source)?.type, town.node(tie.target)?.type];
    if (types.some((t) => t !== 'person' && t !== 'organisation')) continue;
    if (tie.since && Date.parse(`${tie.since}T00:00:00Z`) > asOf.getTime()) continue;
    const key = [tie.source, tie.target].sort().join('|');
    byPair.set(key, [...(byPair.get(key) ?? []), effectiveStrength(tie, now, halfLifeDays === undefined ? {} : { halfLifeDays })]);
  }
  return new Map([...byPair].map(([k, s]) => [k, combineStrengths(s)]));
}

describe('tieTable and projectTieTable', () => {
  it('project the network as it stood at each date, with the same weights as decaying and combining tie by tie', () => {
    const table = domainTieTable(town);
    for (const [k, halfLifeDays] of [
      [0, undefined],
      [3, undefined],
      [12, 30],
    ] as const) {
      const at = monthsBefore(NOW, k);
      const g = projectTieTable(table, { now: at, asOf: at, ...(halfLifeDays ? { halfLifeDays } : {}) });
      const expected = expectedWeights(at, at, halfLifeDays);
      expect(g.m).toBe(expected.size);
      for (const [key, w] of expected) {
        const [a, b] = key.split('|') as [string, string];
        const p = g.slot(g.indexOf(a), g.indexOf(b));
        expect(p).toBeGreaterThanOrEqual(0);
        expect(g.weights[p]).toBeCloseTo(w, 12);
      }
    }
  });

  it('drops ties that began after the date, so earlier networks hold fewer ties', () => {
    const table = domainTieTable(town);
    const sizes = [12, 6, 0].map((k) => projectTieTable(table, { now: NOW, asOf: monthsBefore(NOW, k) }).m);
    expect(sizes[0]).toBeLessThan(sizes[1]!);
    expect(sizes[1]).toBeLessThan(sizes[2]!);
  });

  it('keeps only the kinds and node types asked for', () => {
    const table = tieTable(town, { kinds: ['works-at'], nodeTypes: ['person', 'organisation'] });
    expect(table.count).toBe([...town.ties()].filter((tie) => tie.kind === 'works-at').length);
    for (let k = 0; k < table.count; k++) expect(town.node(table.ids[table.target[k]!]!)?.type).toBe('organisation');
  });

  it('gives networkAsOf the same network from a shared table as from a fresh read', () => {
    const table = domainTieTable(town);
    const at = monthsBefore(NOW, 2);
    const shared = networkAsOf(town, at, { table }).g;
    const fresh = networkAsOf(town, at).g;
    expect(Array.from(shared.offsets)).toEqual(Array.from(fresh.offsets));
    expect(Array.from(shared.neighbours)).toEqual(Array.from(fresh.neighbours));
    expect(Array.from(shared.weights)).toEqual(Array.from(fresh.weights));
  });

  it('refuses a half-life without now, and invalid dates', () => {
    const table = domainTieTable(town);
    expect(() => projectTieTable(table, { halfLifeDays: 30 })).toThrow(/graph-core\/projection: halfLifeDays needs now/);
    expect(() => projectTieTable(table, { now: new Date('nope') })).toThrow(/now is an invalid Date/);
    expect(() => projectTieTable(table, { asOf: new Date('nope') })).toThrow(/asOf is an invalid Date/);
  });
});

describe('dateToMs', () => {
  it('reads calendar dates as Date.parse reads them at midnight UTC, month ends and bad dates included', () => {
    const dates: string[] = [];
    for (const y of ['1999', '2024', '2026']) for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) dates.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    dates.push('2026-1-011', 'abcd-ef-gh', '2026/01/01', '+02026-01-0');
    for (const date of dates) expect([date, dateToMs(date)]).toEqual([date, Date.parse(`${date}T00:00:00Z`)]);
    expect(dateToMs('2026-03-04T10:30:00Z')).toBe(Date.parse('2026-03-04T10:30:00Z'));
  });
});
