import { describe, expect, it } from '@jest/globals';
import { BridgeworkError, BridgeworkGraph, EventSchema, PersonSchema, TieSchema, generateDemoTown, type GraphData } from '@bridgework/graph-core';
import { domainLinkEvents, fitDomainLinkModel } from './domain-link-model.js';
import { suggestIntroductions } from './suggest-introductions.js';
import { buildSuggestIndex } from './suggest-index.js';

const NOW = new Date('2026-11-01T00:00:00Z');
const town = () => BridgeworkGraph.from(generateDemoTown({ now: NOW }));

/** The demo town with every tie's dates and its events removed: a history of one instant. */
function undatedTown(): BridgeworkGraph {
  const data: GraphData = generateDemoTown({ now: NOW });
  return BridgeworkGraph.from({ ...data, ties: data.ties.filter((t) => t.kind !== 'attended').map((t) => ({ ...t, since: null, lastContact: null })), events: [] });
}

describe('fitDomainLinkModel', () => {
  it('reads only contact events up to now, sorted by time, between people', () => {
    const graph = town();
    const earlier = new Date('2026-06-01T00:00:00Z');
    const events = domainLinkEvents(graph, { now: earlier });
    expect(events.count).toBeGreaterThan(100);
    for (let e = 0; e < events.count; e++) {
      expect(events.times[e]!).toBeLessThanOrEqual(earlier.getTime());
      if (e > 0) expect(events.times[e]!).toBeGreaterThanOrEqual(events.times[e - 1]!);
      expect(graph.person(events.ids[events.sources[e]!]!)).toBeDefined();
      expect(graph.person(events.ids[events.targets[e]!]!)).toBeDefined();
    }
    // The whole history up to the town's own `now` holds more: ties and events after June are left out before it.
    expect(domainLinkEvents(graph, { now: NOW }).count).toBeGreaterThan(events.count);
  });

  it('makes people who attended one event held before now in touch on its date, and not for an upcoming event', () => {
    const graph = BridgeworkGraph.from({
      people: ['a', 'b', 'c', 'd'].map((id) => PersonSchema.parse({ id, name: id.toUpperCase(), roles: ['member'], consent: { introductions: true, recordedAt: null, recordedBy: null } })),
      organisations: [],
      events: [
        EventSchema.parse({ id: 'held', name: 'Lunch', kind: 'lunch', date: '2026-10-01' }),
        EventSchema.parse({ id: 'upcoming', name: 'Fair', kind: 'job-fair', date: '2026-12-01' }),
      ],
      ties: [
        { source: 'a', target: 'held', kind: 'attended', strength: 0.3 },
        { source: 'b', target: 'held', kind: 'attended', strength: 0.3 },
        { source: 'c', target: 'upcoming', kind: 'attended', strength: 0.3 },
        { source: 'd', target: 'upcoming', kind: 'attended', strength: 0.3 },
        { source: 'a', target: 'c', kind: 'knows', strength: 0.5, since: '2026-03-01', lastContact: '2026-11-20' },
      ].map((t) => TieSchema.parse(t)),
    });
    const ev = domainLinkEvents(graph, { now: NOW });
    const pairs = Array.from({ length: ev.count }, (_, e) => `${ev.ids[ev.sources[e]!]}-${ev.ids[ev.targets[e]!]}@${new Date(ev.times[e]!).toISOString().slice(0, 10)}`);
    // The tie's last contact is after now: only its since date counts; the fair has not happened.
    expect(pairs).toEqual(['a-c@2026-03-01', 'a-b@2026-10-01']);
  });

  it('learns its weights on the demo town, whose ties carry dates', () => {
    const { fit, model } = fitDomainLinkModel(town(), { now: NOW });
    expect(fit.source).toBe('learned');
    expect(fit.queries).toBeGreaterThan(0);
    expect(fit.positives).toBeGreaterThan(0);
    expect(Number.isFinite(fit.logLoss)).toBe(true);
    expect(model.coefficients.newTiesV).not.toBe(0);
  });

  it('falls back to the prior on a graph whose ties carry no dates', () => {
    const { fit } = fitDomainLinkModel(undatedTown(), { now: NOW });
    expect(fit.source).toBe('prior');
    expect(fit.reason).toMatch(/one instant/);
  });

  it('scores candidates in [0, 1], unknown people 0, and the same on a second fit', () => {
    const graph = town();
    const a = fitDomainLinkModel(graph, { now: NOW, seed: 7 });
    const b = fitDomainLinkModel(graph, { now: NOW, seed: 7 });
    const people = a.events.ids.slice(0, 40);
    let positive = 0;
    for (const u of people) {
      const ranked = a.model.rank(a.events.ids.indexOf(u));
      const ids = Array.from(ranked.candidates, (v) => a.events.ids[v]!);
      const sa = a.scorer(u, [...ids, 'nobody']);
      const sb = b.scorer(u, [...ids, 'nobody']);
      expect(Array.from(sa)).toEqual(Array.from(sb));
      for (const x of Array.from(sa)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      expect(sa[ids.length]).toBe(0);
      if (ids.length > 0) expect(sa[0]).toBeCloseTo(1, 12);
      positive += Array.from(sa).filter((x) => x > 0).length;
    }
    expect(positive).toBeGreaterThan(0);
    expect(a.model.coefficients).toEqual(b.model.coefficients);
  });

  it('keeps a seeded sample of the learning queries when maxQueries is small', () => {
    const graph = town();
    const all = fitDomainLinkModel(graph, { now: NOW });
    const few = fitDomainLinkModel(graph, { now: NOW, maxQueries: 5 });
    const again = fitDomainLinkModel(graph, { now: NOW, maxQueries: 5 });
    expect(all.fit.queries).toBeGreaterThan(5);
    expect(few.fit.queries).toBeLessThanOrEqual(5);
    expect(few.model.coefficients).toEqual(again.model.coefficients);
    expect(few.model.coefficients).not.toEqual(all.model.coefficients);
  });

  it('plugs into suggestIntroductions as its linkScorer, with the learned likelihood in the features', () => {
    const graph = town();
    const index = buildSuggestIndex(graph, { now: NOW });
    const { scorer } = fitDomainLinkModel(graph, { now: NOW });
    const member = [...graph.people()].find((p) => p.roles.includes('member') && p.consent.introductions && suggestIntroductions(graph, p.id, { now: NOW, index }).suggestions.length >= 5)!;
    const r = suggestIntroductions(graph, member.id, { now: NOW, index, linkScorer: scorer });
    expect(r.suggestions.length).toBeGreaterThan(0);
    const expected = scorer(member.id, r.suggestions.map((s) => s.id));
    r.suggestions.forEach((s, i) => expect(s.features.likelihood).toBeCloseTo(expected[i]!, 12));
  });

  it('refuses bad options with an error naming the field', () => {
    expect(() => fitDomainLinkModel(town(), { now: new Date('nonsense') })).toThrow(/matcher\/domain-link-model: invalid options — now/);
    expect(() => fitDomainLinkModel(town(), { now: NOW, maxQueries: 0 })).toThrow(BridgeworkError);
    const empty = BridgeworkGraph.from({ people: [], organisations: [], events: [], ties: [] });
    expect(() => fitDomainLinkModel(empty, { now: NOW })).toThrow(/0 contact events/);
  });
});
