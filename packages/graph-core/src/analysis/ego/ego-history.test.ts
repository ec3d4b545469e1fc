import { describe, expect, it } from '@jest/globals';
import { generateDemoTown } from '../../demo/demo-town.js';
import { BridgeworkGraph } from '../../graph/bridgework-graph.js';
import { EventSchema, OrganisationSchema, PersonSchema, TieSchema } from '../../model/schemas.js';
import { analyzeDomain, domainProjection, domainTieTable } from '../analyze-domain.js';
import { egoHealth, egoHistory, monthsBefore, networkAsOf } from './ego-history.js';

// Dana's network grows: she has always known Amy (no date), met Ben in March, started volunteering at the café (where
// Cal works) in May, and went to a job fair in June where Eve, who works at the builder's, was too.
const graph = BridgeworkGraph.from({
  people: ['dana', 'amy', 'ben', 'cal', 'eve'].map((id) => PersonSchema.parse({ id, name: id })),
  organisations: [
    OrganisationSchema.parse({ id: 'cafe', name: 'Café', sector: 'I' }),
    OrganisationSchema.parse({ id: 'builder', name: 'Builder', sector: 'F' }),
  ],
  events: [EventSchema.parse({ id: 'fair', name: 'Job fair', date: '2026-06-10' })],
  ties: [
    { source: 'dana', target: 'amy', kind: 'friend', strength: 0.8 },
    { source: 'amy', target: 'ben', kind: 'knows', strength: 0.6 },
    { source: 'dana', target: 'ben', kind: 'knows', strength: 0.3, since: '2026-03-15' },
    { source: 'dana', target: 'cafe', kind: 'volunteers-at', strength: 0.4, since: '2026-05-02' },
    { source: 'cal', target: 'cafe', kind: 'works-at', strength: 0.6 },
    { source: 'eve', target: 'builder', kind: 'works-at', strength: 0.6 },
    { source: 'dana', target: 'fair', kind: 'attended', strength: 0.2, since: '2026-06-10' },
    { source: 'eve', target: 'fair', kind: 'attended', strength: 0.2, since: '2026-06-10' },
  ].map((t) => TieSchema.parse(t)),
});

const now = new Date('2026-06-30T00:00:00Z');

describe('ego history', () => {
  it('counts back whole calendar months, clamping the day to the month', () => {
    expect(monthsBefore(new Date('2026-03-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 2).toISOString()).toBe('2025-11-15T00:00:00.000Z');
    expect(monthsBefore(now, 0).toISOString()).toBe(now.toISOString());
  });

  it('shows the network as it stood on each date: ties and events only from when they began', () => {
    const h = egoHistory(graph, ['dana'], { now, months: 4 });
    expect(h.dates).toEqual(['2026-02-28', '2026-03-30', '2026-04-30', '2026-05-30', '2026-06-30']);
    const dana = h.people.dana!;
    expect(dana.map((p) => p.size)).toEqual([1, 2, 2, 3, 4]);
    expect(dana.map((p) => p.tiesGained)).toEqual([0, 1, 0, 1, 1]); // Ben, the café, Eve met at the fair
    expect(dana.map((p) => p.sectorsTwoSteps)).toEqual([[], [], [], ['I'], ['F', 'I']]);
    // Constraint falls as the network opens: Amy alone constrains Dana fully, Amy and Ben (who know each other) more
    // so; the café and then the fair open it up.
    expect(dana[0]!.constraint).toBeCloseTo(1, 12);
    expect(dana[1]!.constraint!).toBeGreaterThan(1);
    expect(dana[4]!.constraint!).toBeLessThan(dana[3]!.constraint!);
    expect(dana[3]!.constraint!).toBeLessThan(dana[1]!.constraint!);
    // Weak ties (strength < 0.5): none at first (Amy is a friend); Ben, the café and the fair are weak.
    expect(dana[0]!.weakTieShare).toBe(0);
    expect(dana[4]!.weakTieShare).toBeCloseTo(3 / 4, 12);
  });

  it('gives null constraint and weak-tie share to someone with no contacts yet', () => {
    const h = egoHistory(graph, ['eve'], { now, months: 1 });
    expect(h.people.eve![0]).toMatchObject({ size: 1, constraint: 1 }); // the builder's only
    const cal = egoHistory(BridgeworkGraph.from({ people: [PersonSchema.parse({ id: 'cal', name: 'Cal' })], organisations: [], events: [], ties: [] }), ['cal'], { now, months: 0 });
    expect(cal.people.cal).toEqual([{ date: '2026-06-30', size: 0, weakTieShare: null, sectorsTwoSteps: [], constraint: null, tiesGained: 0 }]);
  });

  it('ends on exactly what the domain analysis reports today, for every member of the demo town', () => {
    const town = BridgeworkGraph.from(generateDemoTown({ seed: 7 }));
    const today = new Date('2026-11-01T00:00:00Z');
    const members = [...town.people()]
      .filter((p) => p.roles.includes('member'))
      .map((p) => p.id);
    const h = egoHistory(town, members, { now: today, months: 1 });
    const a = analyzeDomain(town, { now: today, weighted: true, betweenness: { sampled: 10 } });
    const g = a.measures.graph;
    let changed = 0;
    for (const id of members) {
      const [before, after] = h.people[id]!;
      const i = g.indexOf(id);
      expect(after!.size).toBe(g.degree(i));
      const c = a.measures.holes.constraint[i]!;
      if (Number.isNaN(c)) expect(after!.constraint).toBeNull();
      else expect(after!.constraint!).toBeCloseTo(c, 10);
      expect(after!.weakTieShare).toBe(a.json.info![id]!.weakTieShare);
      if (before!.size !== after!.size) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('gives the same health from a network projected around a few people as from the whole network, and refuses others', () => {
    const town = BridgeworkGraph.from(generateDemoTown({ seed: 7 }));
    const today = new Date('2026-11-01T00:00:00Z');
    const members = [...town.people()].filter((p) => p.roles.includes('member')).map((p) => p.id);
    const table = domainTieTable(town);
    const whole = [0, 1, 2, 3].map((k) => networkAsOf(town, monthsBefore(today, k), { table }));
    let compared = 0;
    for (const group of [members.slice(0, 1), members.slice(5, 8), members.slice(20, 35)]) {
      const around = [0, 1, 2, 3].map((k) => networkAsOf(town, monthsBefore(today, k), { table, around: group }));
      // Far fewer ties than the whole network, yet the same figures for the people asked about.
      expect(around[0]!.g.m).toBeLessThan(whole[0]!.g.m);
      for (const id of group) {
        for (let k = 0; k < 3; k++) {
          expect(egoHealth(around[k]!, id, around[k + 1])).toEqual(egoHealth(whole[k]!, id, whole[k + 1]));
          compared++;
        }
      }
      const outsider = members.find((id) => !group.includes(id))!;
      expect(() => egoHealth(around[0]!, outsider)).toThrow(/projected around other people/);
      expect(() => egoHealth(whole[0]!, outsider, around[1])).toThrow(/projected around other people/);
    }
    expect(compared).toBe(19 * 3);
  });

  it('does not count an upcoming event as a meeting in the analysis of today', () => {
    const before = domainProjection(graph, { now: new Date('2026-06-01T00:00:00Z') });
    const after = domainProjection(graph, { now });
    const met = (g: typeof before) => g.hasEdge(g.indexOf('dana'), g.indexOf('eve'));
    expect(met(before)).toBe(false); // both registered for the fair of 10 June
    expect(met(after)).toBe(true);
  });

  it('reads the same health from one network however often and in whatever order it is asked', () => {
    const net = networkAsOf(graph, now);
    const first = ['dana', 'amy', 'eve'].map((id) => egoHealth(net, id));
    const again = ['eve', 'dana', 'amy', 'dana'].map((id) => egoHealth(net, id));
    expect(again).toEqual([first[2], first[0], first[1], first[0]]);
    expect(first[0]!.sectorsTwoSteps).toEqual(['F', 'I']);
    expect(() => egoHealth(net, 'zed')).toThrow(/no person with id "zed" in the network/);
  });

  it('refuses an unknown person and a bad number of months', () => {
    expect(() => egoHistory(graph, ['zed'], { now })).toThrow(/graph-core\/ego-history: no person with id "zed"/);
    expect(() => egoHistory(graph, ['dana'], { now, months: -1 })).toThrow(/months must be a whole number/);
  });
});
