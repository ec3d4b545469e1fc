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

  it('refuses an unknown event or person', () => {
    expect(() => planEventTables(graph, 'e-nope', { now: NOW, index })).toThrow(/no event with id "e-nope"/);
    expect(() => planEventTables(graph, ['p-001', 'ghost'], { now: NOW, index })).toThrow(/no person with id "ghost"/);
  });
});
