import { describe, expect, it } from '@jest/globals';
import { BridgeworkGraph, generateDemoTown } from '@bridgework/graph-core';
import { planEventTables } from './event-tables.js';
import { buildSuggestIndex } from './suggest-index.js';
import { NOW } from './test-town.testing.js';

describe('planEventTables', () => {
  const graph = BridgeworkGraph.from(generateDemoTown({ now: NOW }));
  const index = buildSuggestIndex(graph, { now: NOW });
  const people = [...graph.people()].map((p) => p.id);

  it('seats every attendee exactly once at tables of the right sizes, better than a random seating', () => {
    const attendees = people.slice(100, 162); // 62 people, tables of 6: 11 tables of 5 or 6
    const r = planEventTables(graph, attendees, { now: NOW, index, tableSize: 6 });
    const seated = r.tables.flatMap((t) => t.people.map((p) => p.id));
    expect([...seated].sort()).toEqual([...attendees].sort());
    expect(r.tables.length).toBe(11);
    for (const t of r.tables) expect([5, 6]).toContain(t.people.length);
    expect(r.objective).toBeGreaterThan(r.randomObjective);
    expect(r.tables.reduce((a, t) => a + t.value, 0)).toBeCloseTo(r.objective, 9);
  });

  it("plans an event's own attendees, deterministically for a seed", () => {
    const event = [...graph.events()].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    const a = planEventTables(graph, event.id, { now: NOW, index, tableSize: 4, seed: 3 });
    const b = planEventTables(graph, event.id, { now: NOW, index, tableSize: 4, seed: 3 });
    expect(a).toEqual(b);
    const attended = graph.tiesOf(event.id).filter((t) => t.kind === 'attended').length;
    expect(a.attendees).toBe(attended);
    expect(a.tables.every((t) => t.people.length <= 4)).toBe(true);
  });

  it('never seats a blocked pair together when it can avoid it', () => {
    const attendees = people.slice(0, 12);
    const blocked = [{ a: attendees[0]!, b: attendees[1]! }, { a: attendees[2]!, b: attendees[3]! }];
    const r = planEventTables(graph, attendees, { now: NOW, index, tableSize: 4, history: { blocked } });
    const tableOf = new Map(r.tables.flatMap((t) => t.people.map((p) => [p.id, t.table] as const)));
    for (const { a, b } of blocked) expect(tableOf.get(a)).not.toBe(tableOf.get(b));
  });

  it('does not count the planned event itself as having made its attendees acquainted', () => {
    // The latest event, planned on its own day: its attendees share it, but sitting at it has not introduced them yet.
    const event = [...graph.events()].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    const onTheDay = new Date(`${event.date}T00:00:00Z`);
    const dayIndex = buildSuggestIndex(graph, { now: onTheDay });
    const attendees = graph
      .tiesOf(event.id)
      .filter((t) => t.kind === 'attended')
      .map((t) => t.source)
      .sort();
    const byEvent = planEventTables(graph, event.id, { now: onTheDay, index: dayIndex, tableSize: 6 });
    const byList = planEventTables(graph, attendees, { now: onTheDay, index: dayIndex, tableSize: 6, event: event.id });
    const asIfAcquainted = planEventTables(graph, attendees, { now: onTheDay, index: dayIndex, tableSize: 6 });
    const newPairs = (r: typeof byEvent) => r.tables.reduce((a, t) => a + t.newPairs, 0);
    expect(newPairs(byEvent)).toBeGreaterThan(0);
    expect(byList).toEqual({ ...byEvent, eventId: null });
    // Without naming the event, everyone at it counts as knowing everyone else: nothing new to gain.
    expect(newPairs(asIfAcquainted)).toBe(0);
    // A pair with a recorded social tie is never counted as new.
    const social = new Set(['knows', 'friend', 'family', 'worked-with', 'introduced', 'met-at-event', 'mentors', 'coaches', 'linked']);
    const seated = new Map(byEvent.tables.flatMap((t) => t.people.map((p) => [p.id, t.table] as const)));
    for (const a of attendees) {
      for (const t of graph.tiesOf(a)) {
        const b = t.source === a ? t.target : t.source;
        if (social.has(t.kind) && seated.has(b) && seated.get(a) === seated.get(b)) {
          const table = byEvent.tables[seated.get(a)! - 1]!;
          expect(table.newPairs).toBeLessThan((table.people.length * (table.people.length - 1)) / 2);
        }
      }
    }
  });

  it('leaves upcoming events out of who knows whom: registering together is not meeting', () => {
    const event = [...graph.events()].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    const before = new Date(new Date(`${event.date}T00:00:00Z`).getTime() - 86_400_000);
    const after = new Date(new Date(`${event.date}T00:00:00Z`).getTime() + 86_400_000);
    const attendees = graph
      .tiesOf(event.id)
      .filter((t) => t.kind === 'attended')
      .map((t) => t.source);
    const edgesAmong = (now: Date) => {
      const { g } = buildSuggestIndex(graph, { now });
      let m = 0;
      for (let i = 0; i < attendees.length; i++) for (let j = i + 1; j < attendees.length; j++) if (g.hasEdge(g.indexOf(attendees[i]!), g.indexOf(attendees[j]!))) m++;
      return m;
    };
    expect(edgesAmong(after)).toBe((attendees.length * (attendees.length - 1)) / 2);
    expect(edgesAmong(before)).toBeLessThan(edgesAmong(after));
  });

  it('refuses an unknown event or person', () => {
    expect(() => planEventTables(graph, 'e-nope', { now: NOW, index })).toThrow(/no event with id "e-nope"/);
    expect(() => planEventTables(graph, ['p-001', 'ghost'], { now: NOW, index })).toThrow(/no person with id "ghost"/);
  });
});
