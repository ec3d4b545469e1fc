/**
 * Event planning: the list of events with attendee counts, an event's attendees, and table plans — sizes, known pairs
 * never counted as new, pairs introduced or declined kept apart, attendees hidden from a coach, and the problems.
 * A real server on a free port over a fresh SQLite file seeded with the demo town, at a fixed clock.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateDemoTown, type GraphData, type Person } from '@bridgework/graph-core';
import { issueKey } from './auth/keys.js';
import { BridgeworkClient } from './client/index.js';
import { startTestServer, type TestServer } from './testing/harness.js';

const CLOCK = new Date('2026-11-29T09:00:00Z');
/** Person–person tie kinds that mean two people know each other. */
const SOCIAL = new Set(['knows', 'friend', 'family', 'worked-with', 'introduced', 'met-at-event', 'mentors', 'coaches', 'linked']);

let t: TestServer;
let town: GraphData;
let coachKey: string;
let coach: Person;
const byId = new Map<string, Person>();
const attendance = new Map<string, string[]>();
const known = new Set<string>();
const pairKey = (a: string, b: string) => (a < b ? `${a}\u001f${b}` : `${b}\u001f${a}`);

interface Seated {
  ref: string;
  id: string | null;
  name: string | null;
  hidden: boolean;
}
interface Table {
  table: number;
  people: Seated[];
  newPairs: number;
  crossCommunityPairs: number;
  goalRelevantPairs: number;
  value: number;
}
const plan = (event: string, body: unknown, key = 'admin') => t.call('POST', `/v1/events/${encodeURIComponent(event)}/table-plan`, { key, body });
const seatedIds = (tables: Table[]) => tables.flatMap((x) => x.people.map((p) => p.id));
const tableOf = (tables: Table[]) => new Map(tables.flatMap((x) => x.people.map((p) => [p.ref, x.table] as const)));

/** Whether a coach may see a person (the API's rule, restated). */
const visibleTo = (c: Person, p: Person) => p.id === c.id || p.coachId === c.id || (!p.roles.includes('member') && p.consent.introductions);

beforeAll(async () => {
  t = await startTestServer({ seed: false, server: { now: () => CLOCK } });
  town = generateDemoTown({ seed: 42 });
  await t.server.store.graph.applyBatch(town);
  for (const p of town.people) byId.set(p.id, p);
  for (const tie of town.ties) {
    if (tie.kind === 'attended') attendance.set(tie.target, [...(attendance.get(tie.target) ?? []), tie.source]);
    else if (SOCIAL.has(tie.kind) && byId.has(tie.source) && byId.has(tie.target)) known.add(pairKey(tie.source, tie.target));
  }
  // The coach whose members attended the most events.
  const count = new Map<string, number>();
  for (const ids of attendance.values()) for (const id of ids) {
    const c = byId.get(id)?.coachId;
    if (c) count.set(c, (count.get(c) ?? 0) + 1);
  }
  coach = byId.get([...count].sort((a, b) => b[1] - a[1])[0]![0])!;
  coachKey = (await issueKey(t.server.store.api, { role: 'coach', coachId: coach.id }, () => CLOCK)).key;
});
afterAll(async () => {
  await t.stop();
});

describe('GET /v1/event-plans', () => {
  it('lists every event with its attendee count, upcoming ones soonest first, then past ones latest first', async () => {
    for (const [id, date] of [['ev-later', '2026-12-10'], ['ev-sooner', '2026-12-03']] as const) {
      expect((await t.call('POST', '/v1/events', { body: { id, name: `Upcoming ${id}`, kind: 'workshop', date, area: null } })).status).toBe(201);
    }
    const r = await t.call('GET', '/v1/event-plans', { key: coachKey });
    expect(r.status).toBe(200);
    expect(r.body.now).toBe('2026-11-29');
    const ids = r.body.items.map((e: { id: string }) => e.id);
    const past = [...town.events].sort((a, b) => (a.date < b.date ? 1 : -1)).map((e) => e.id);
    expect(ids).toEqual(['ev-sooner', 'ev-later', ...past]);
    expect(r.body.items.slice(0, 2).every((e: { upcoming: boolean; attendees: number }) => e.upcoming && e.attendees === 0)).toBe(true);
    for (const e of r.body.items.slice(2)) {
      expect(e.upcoming).toBe(false);
      expect([e.id, e.attendees]).toEqual([e.id, attendance.get(e.id)!.length]);
    }
    expect((await t.call('GET', '/v1/event-plans', { key: 'analyst' })).status).toBe(403);
  });
});

describe('GET /v1/events/{id}/attendees', () => {
  it('names every attendee for an admin, and hides from a coach those the coach may not see, with refs unlinkable across events', async () => {
    const all = await t.call('GET', '/v1/events/e-16/attendees');
    expect(all.status).toBe(200);
    expect(all.body.hidden).toBe(0);
    expect(all.body.attendees.map((p: Seated) => p.id).sort()).toEqual([...attendance.get('e-16')!].sort());
    expect(all.body.attendees.every((p: Seated) => p.ref === p.id && p.name === byId.get(p.id!)!.name)).toBe(true);

    const mine = await t.call('GET', '/v1/events/e-16/attendees', { key: coachKey });
    expect(mine.status).toBe(200);
    const expectedVisible = attendance.get('e-16')!.filter((id) => visibleTo(coach, byId.get(id)!));
    expect(mine.body.attendees).toHaveLength(attendance.get('e-16')!.length);
    expect(mine.body.hidden).toBe(attendance.get('e-16')!.length - expectedVisible.length);
    expect(mine.body.hidden).toBeGreaterThan(0);
    expect(mine.body.attendees.filter((p: Seated) => !p.hidden).map((p: Seated) => p.id).sort()).toEqual(expectedVisible.sort());
    for (const p of mine.body.attendees.filter((x: Seated) => x.hidden)) expect(p).toEqual({ ref: expect.stringMatching(/^h-[0-9a-f]{24}$/), id: null, name: null, hidden: true });
    const text = JSON.stringify(mine.body);
    for (const id of attendance.get('e-16')!) if (!expectedVisible.includes(id)) expect(text).not.toContain(byId.get(id)!.name);

    // Someone hidden from the coach at two events has unrelated refs.
    const hiddenTwice = [...attendance.get('e-16')!].find((id) => !visibleTo(coach, byId.get(id)!) && attendance.get('e-08')!.includes(id));
    expect(hiddenTwice).toBeDefined();
    const other = await t.call('GET', '/v1/events/e-08/attendees', { key: coachKey });
    const refs16 = new Set(mine.body.attendees.map((p: Seated) => p.ref));
    expect(other.body.attendees.filter((p: Seated) => p.hidden).some((p: Seated) => refs16.has(p.ref))).toBe(false);

    expect((await t.call('GET', '/v1/events/e-nope/attendees', { key: coachKey })).status).toBe(404);
    const audit = await t.call('GET', `/v1/audit?action=attendees&target=e-16`);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(2);
  });
});

describe('POST /v1/events/{id}/table-plan', () => {
  it('seats every recorded attendee exactly once at even tables no bigger than the size asked, deterministically, at least as well as a random seating', async () => {
    const r = await plan('e-08', { tableSize: 6 });
    expect(r.status).toBe(200);
    const recorded = attendance.get('e-08')!; // 32 people: 6 tables of 5 or 6
    expect(r.body).toMatchObject({ eventId: 'e-08', attendees: recorded.length, tableSize: 6, seed: 42 });
    expect([...seatedIds(r.body.tables)].sort()).toEqual([...recorded].sort());
    expect(r.body.tables).toHaveLength(Math.ceil(recorded.length / 6));
    for (const table of r.body.tables as Table[]) {
      expect(table.people.length).toBeLessThanOrEqual(6);
      expect(table.people.length).toBeGreaterThanOrEqual(5);
    }
    expect(r.body.objective).toBeGreaterThan(r.body.randomObjective);
    expect((r.body.tables as Table[]).reduce((s, x) => s + x.value, 0)).toBeCloseTo(r.body.objective, 9);
    expect((await plan('e-08', { tableSize: 6 })).body).toEqual(r.body);
    const small = await plan('e-08', { tableSize: 4, seed: 7 });
    expect(small.body.tables).toHaveLength(8);
    expect(small.body.tables.every((x: Table) => x.people.length === 4)).toBe(true);
    // A read: the plan wrote nothing but its audit entries.
    const audit = await t.call('GET', '/v1/audit?action=plan&target=e-08');
    expect(audit.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it('never counts two people who know each other as a new acquaintance', async () => {
    // A person and people they know, with strangers: tables of 4 hold known pairs among them.
    const hub = town.people.filter((p) => p.roles.includes('member')).sort((a, b) => contacts(b.id).length - contacts(a.id).length)[0]!;
    const friends = contacts(hub.id).slice(0, 7);
    const strangers = town.people.filter((p) => p.id !== hub.id && !friends.includes(p.id) && !known.has(pairKey(p.id, hub.id))).slice(0, 4).map((p) => p.id);
    const attendees = [hub.id, ...friends, ...strangers];
    const r = await plan('e-01', { attendees, tableSize: 4 });
    expect(r.status).toBe(200);
    expect([...seatedIds(r.body.tables)].sort()).toEqual([...attendees].sort());
    let knownSeated = 0;
    for (const table of r.body.tables as Table[]) {
      const ids = table.people.map((p) => p.id!);
      let pairs = 0;
      let knownHere = 0;
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
        pairs++;
        if (known.has(pairKey(ids[i]!, ids[j]!))) knownHere++;
      }
      knownSeated += knownHere;
      expect([table.table, table.newPairs]).toEqual([table.table, Math.min(table.newPairs, pairs - knownHere)]);
      expect(table.crossCommunityPairs).toBeLessThanOrEqual(table.newPairs);
      expect(table.goalRelevantPairs).toBeLessThanOrEqual(table.newPairs);
    }
    // With 8 of 12 people in one circle, some known pairs must share a table: the check above was not vacuous.
    expect(knownSeated).toBeGreaterThan(0);
  });

  it('never seats together a pair already introduced, or a pair where one side declined', async () => {
    const willing = town.people.filter((p) => p.consent.introductions && !p.roles.includes('coach')).map((p) => p.id).slice(0, 6);
    const before = await plan('e-01', { attendees: willing, tableSize: 3, seed: 5 });
    expect(before.status).toBe(200);
    const [first, second] = before.body.tables as Table[];
    const [a, b] = first!.people.map((p) => p.id!);
    const [c, d] = second!.people.map((p) => p.id!);
    // a–b: proposed, then declined; c–d: both accepted, introduced.
    const ab = await t.call('POST', '/v1/introductions', { body: { personId: a, targetId: b } });
    expect(ab.status).toBe(201);
    expect((await t.call('POST', `/v1/introductions/${ab.body.id}/answer`, { body: { side: 'target', answer: 'decline' } })).body.status).toBe('declined');
    const cd = await t.call('POST', '/v1/introductions', { body: { personId: c, targetId: d } });
    for (const side of ['person', 'target']) await t.call('POST', `/v1/introductions/${cd.body.id}/answer`, { body: { side, answer: 'accept' } });
    expect((await t.call('POST', `/v1/introductions/${cd.body.id}/made`)).body.status).toBe('made');

    const after = await plan('e-01', { attendees: willing, tableSize: 3, seed: 5 });
    expect(after.status).toBe(200);
    const seat = tableOf(after.body.tables);
    expect(seat.get(a!)).not.toBe(seat.get(b!));
    expect(seat.get(c!)).not.toBe(seat.get(d!));
    expect([...seatedIds(after.body.tables)].sort()).toEqual([...willing].sort());
  });

  it('seats attendees hidden from a coach without naming them, and keeps them in a re-plan by their refs', async () => {
    const recorded = attendance.get('e-16')!;
    const r = await plan('e-16', { tableSize: 5 }, coachKey);
    expect(r.status).toBe(200);
    const people = (r.body.tables as Table[]).flatMap((x) => x.people);
    expect(people).toHaveLength(recorded.length);
    for (const p of people) {
      if (p.hidden) expect(p).toEqual({ ref: expect.stringMatching(/^h-/), id: null, name: null, hidden: true });
      else expect(visibleTo(coach, byId.get(p.id!)!)).toBe(true);
    }
    expect(people.filter((p) => p.hidden)).toHaveLength(recorded.filter((id) => !visibleTo(coach, byId.get(id)!)).length);
    const text = JSON.stringify(r.body);
    for (const id of recorded) if (!visibleTo(coach, byId.get(id)!)) expect(text).not.toContain(`"${id}"`);

    // The attendee list's refs, less one visible person: everyone else is seated again, hidden people included.
    const list = await t.call('GET', '/v1/events/e-16/attendees', { key: coachKey });
    const refs: string[] = list.body.attendees.map((p: Seated) => p.ref);
    const dropped = list.body.attendees.find((p: Seated) => !p.hidden).ref as string;
    const again = await plan('e-16', { attendees: refs.filter((x) => x !== dropped), tableSize: 5 }, coachKey);
    expect(again.status).toBe(200);
    const seatedRefs = (again.body.tables as Table[]).flatMap((x) => x.people.map((p) => p.ref)).sort();
    expect(seatedRefs).toEqual(refs.filter((x) => x !== dropped).sort());

    // A hidden person's real id is a 404 for the coach, as for nobody; so is a ref from another event.
    const hiddenId = recorded.find((id) => !visibleTo(coach, byId.get(id)!))!;
    const named = await plan('e-16', { attendees: [...refs.slice(0, 3), hiddenId] }, coachKey);
    expect(named.status).toBe(404);
    expect(named.body.detail).toContain(hiddenId);
    const otherRef = (await t.call('GET', '/v1/events/e-08/attendees', { key: coachKey })).body.attendees.find((p: Seated) => p.hidden).ref as string;
    expect((await plan('e-16', { attendees: [...refs.slice(0, 3), otherRef] }, coachKey)).status).toBe(404);
  });

  it('answers problems: 404 for an unknown event or person, 422 naming the JSON path for a bad body or fewer than two attendees, 403 for analysts', async () => {
    const missing = await plan('e-nope', {});
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ code: 'not-found', detail: 'no event with id "e-nope"' });
    expect((await plan('e-01', { attendees: ['p-001', 'ghost'] })).body).toMatchObject({ status: 404, detail: 'no person with id "ghost"' });

    const bad = await plan('e-01', { tableSize: 1, seed: -3, extra: true });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/body/tableSize', detail: 'must be a whole number in [2, 20]' },
        { pointer: '/body/seed', detail: 'must be a whole number in [0, 4294967295]' },
        { pointer: '/body/extra', detail: 'unknown field' },
      ]),
    );
    expect((await plan('e-01', { tableSize: 21 })).body.errors).toEqual([{ pointer: '/body/tableSize', detail: 'must be a whole number in [2, 20]' }]);
    expect((await plan('e-01', { attendees: ['p-001'] })).body.errors).toEqual([{ pointer: '/body/attendees', detail: 'a table plan needs at least 2 attendees' }]);
    expect((await plan('e-01', { attendees: ['p-001', 7] })).body.errors[0].pointer).toBe('/body/attendees/1');
    const twice = await plan('e-01', { attendees: ['p-001', 'p-002', 'p-001'] });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([{ pointer: '/body/attendees/2', detail: 'names the same person as /body/attendees/0' }]);

    // An event with one recorded attendee (and none): the default list is too short.
    expect((await t.call('POST', '/v1/ties', { body: { source: 'p-001', target: 'ev-sooner', kind: 'attended', strength: 0.2 } })).status).toBe(201);
    const one = await plan('ev-sooner', {});
    expect(one.status).toBe(422);
    expect(one.body.errors).toEqual([{ pointer: '/body/attendees', detail: 'the event has 1 recorded attendee: name at least 2' }]);
    expect((await plan('ev-later', {})).body.detail).toContain('has 0 recorded');
    // Or named explicitly, anyone may be seated at it.
    expect((await plan('ev-sooner', { attendees: ['p-001', 'p-002', 'p-003'] })).body.tables).toHaveLength(1);

    expect((await plan('e-01', {}, 'analyst')).status).toBe(403);
    expect((await t.call('POST', '/v1/events/e-01/table-plan', { raw: 'not json' })).status).toBe(400);
  });
});

describe('the typed client', () => {
  it('lists events, reads attendees and plans tables through typed calls', async () => {
    const api = new BridgeworkClient({ baseUrl: t.url, apiKey: coachKey });
    const events = await api.listEventsToPlan();
    const past = events.items.find((e) => !e.upcoming && e.attendees >= 6)!;
    const list = await api.listEventAttendees(past.id);
    expect(list.attendees).toHaveLength(past.attendees);
    const r = await api.planEventTables(past.id, { attendees: list.attendees.map((p) => p.ref), tableSize: 3, seed: 1 });
    expect(r.tables.flatMap((x) => x.people).map((p) => p.ref).sort()).toEqual(list.attendees.map((p) => p.ref).sort());
    expect(r.tables.every((x) => x.people.length <= 3)).toBe(true);
  });
});

/** People a person knows (social ties), by id. */
function contacts(id: string): string[] {
  const out: string[] = [];
  for (const k of known) {
    const [a, b] = k.split('\u001f') as [string, string];
    if (a === id) out.push(b);
    else if (b === id) out.push(a);
  }
  return out.sort();
}
