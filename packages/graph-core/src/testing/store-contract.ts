/**
 * The GraphStore contract as a jest suite: every store (SQLite, later Neo4j, any in-memory fake) must pass it.
 *
 *   describeGraphStoreContract('sqlite', async () => {
 *     const dir = await mkdtemp(join(tmpdir(), 'bw-'));
 *     const file = join(dir, 'graph.db');
 *     return { store: await openSqliteStore(file), reopen: () => openSqliteStore(file), cleanup: () => rm(dir, { recursive: true }) };
 *   });
 *
 * `open` is called before each test and must give an empty store. `reopen` opens a new store over the same data; the
 * suite closes the current store before calling it and closes every store it gets before `cleanup`.
 *
 * What it pins down beyond the comments in `../store.ts`: ids are ordered by their UTF-8 bytes (what SQLite's
 * BINARY collation does); ties come back canonical (`canonicalTie`) and `exportData` lists them in `tieKey` byte
 * order (`tiesOf` may list them in any order); a record that differs only in the order of its object keys is
 * `unchanged`; updating a node keeps its ties; an error thrown by `onProgress` aborts the batch; invalid records and
 * bad references (including a member's unknown coach) reject with a BridgeworkError, code `validation` for batches.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../errors.js';
import { BridgeworkGraph, type NodeRecord } from '../graph/bridgework-graph.js';
import {
  EventSchema,
  OrganisationSchema,
  PersonSchema,
  TieSchema,
  canonicalTie,
  tieKey,
  type Event,
  type EventInput,
  type GraphData,
  type NodeType,
  type Organisation,
  type OrganisationInput,
  type Person,
  type PersonInput,
  type Tie,
  type TieInput,
} from '../model/schemas.js';
import type { GraphStore } from '../store.js';

export interface GraphStoreHarness {
  /** A new, empty store. */
  store: GraphStore;
  /** Open a new store over the same data (the suite has closed the previous one). */
  reopen: () => Promise<GraphStore>;
  /** Remove everything the harness created; called after every store it handed out is closed. */
  cleanup: () => Promise<void>;
}

// ---- fixtures ----

export const person = (p: PersonInput): Person => PersonSchema.parse(p);
export const organisation = (o: OrganisationInput): Organisation => OrganisationSchema.parse(o);
export const event = (e: EventInput): Event => EventSchema.parse(e);
export const tie = (t: TieInput): Tie => TieSchema.parse(t);

/** Compare strings by their UTF-8 bytes (= by code point), the order the contract lists ids in. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** `data` as a store must export it: nodes in id order, ties canonical and in tie-key order. */
export function sortedData(data: Partial<GraphData>): GraphData {
  const byId = <T extends { id: string }>(xs: T[] = []) => [...xs].sort((a, b) => byteOrder(a.id, b.id));
  return {
    people: byId(data.people),
    organisations: byId(data.organisations),
    events: byId(data.events),
    ties: (data.ties ?? []).map(canonicalTie).sort((a, b) => byteOrder(tieKey(a), tieKey(b))),
  };
}

const empty = (): GraphData => ({ people: [], organisations: [], events: [], ties: [] });

/** A small graph touching every kind of record, nullable field and tie shape the model has. */
export function contractGraph(): GraphData {
  return {
    people: [
      person({
        id: 'p-ada',
        name: 'Ada Lovelace',
        roles: ['member'],
        sectors: ['J'],
        skills: ['maths', 'writing'],
        goals: { sectors: ['J', 'M'], roles: ['analyst'] },
        area: 'Leeds',
        coachId: 'p-cole',
        consent: { introductions: true, recordedAt: '2024-03-01T10:15:00+01:00', recordedBy: 'coach:p-cole' },
      }),
      person({ id: 'p-cole', name: 'Cole Ridley', roles: ['coach', 'staff'] }),
      person({
        id: 'p-zoë',
        name: 'Zoë Ó Briain',
        roles: ['employee', 'mentor'],
        sectors: ['I'],
        area: null,
        consent: { introductions: false, recordedAt: '2024-02-02', recordedBy: null },
      }),
      person({ id: 'P-upper', name: 'Upper Case', roles: ['volunteer'], area: 'Bradford' }),
    ],
    organisations: [
      organisation({ id: 'o-bakery', name: 'Rise Bakery', sector: 'I', size: 'micro', area: 'Leeds', hiring: true }),
      organisation({ id: 'o-council', name: 'City Council', sector: 'O' }),
    ],
    events: [
      event({ id: 'e-fair', name: 'Spring jobs fair', kind: 'job-fair', date: '2024-05-10', area: 'Leeds' }),
      event({ id: 'e-lunch', name: 'Members lunch', kind: 'lunch', date: '2024-06-01T12:30:00+01:00' }),
    ],
    ties: [
      // Given from the "wrong" end: stored and returned as p-ada–p-cole.
      tie({
        source: 'p-cole',
        target: 'p-ada',
        kind: 'knows',
        strength: 0.35,
        since: '2023-01-01',
        lastContact: '2024-04-01T09:00:00+00:00',
        provenance: 'coach:p-cole',
        attributes: { met: 'church', years: 3, reciprocal: true, note: 'très bien – 👍' },
      }),
      tie({ source: 'p-cole', target: 'p-ada', kind: 'coaches', strength: 0.5, strengthSource: 'default' }),
      tie({ source: 'p-zoë', target: 'p-ada', kind: 'mentors', strength: 0.1 + 0.2, strengthSource: 'derived' }),
      tie({ source: 'p-zoë', target: 'o-bakery', kind: 'works-at', strength: 0.6 }),
      tie({ source: 'p-ada', target: 'e-fair', kind: 'attended', strength: 0.2, provenance: 'import:ties.csv' }),
      tie({ source: 'o-council', target: 'o-bakery', kind: 'partners-with', strength: 0.4 }),
      tie({ source: 'e-fair', target: 'o-council', kind: 'linked', strength: 1, attributes: { role: 'host' } }),
      tie({ source: 'P-upper', target: 'p-zoë', kind: 'friend', strength: 0 }),
    ],
  };
}

const nodeRecords = (data: GraphData): NodeRecord[] =>
  [
    ...data.people.map((p): NodeRecord => ({ type: 'person', ...p })),
    ...data.organisations.map((o): NodeRecord => ({ type: 'organisation', ...o })),
    ...data.events.map((e): NodeRecord => ({ type: 'event', ...e })),
  ].sort((a, b) => byteOrder(a.id, b.id));

const sortTies = (ties: Tie[]): Tie[] => [...ties].sort((a, b) => byteOrder(tieKey(a), tieKey(b)));

/** The same object with its keys in reverse order (semantically identical). */
function reversedKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).reverse()) as T;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

async function snapshot(store: GraphStore): Promise<string> {
  return JSON.stringify({ data: await store.exportData(), counts: await store.counts() });
}

// ---- the suite ----

export function describeGraphStoreContract(name: string, open: () => Promise<GraphStoreHarness>): void {
  describe(`${name} store: the GraphStore contract`, () => {
    let harness: GraphStoreHarness;
    let store: GraphStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });

    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    const reopen = async () => {
      await store.close();
      store = await harness.reopen();
    };

    const seed = async (): Promise<GraphData> => {
      const data = contractGraph();
      await store.applyBatch(data);
      return data;
    };

    it('names its backend and starts empty', async () => {
      expect(typeof store.backend).toBe('string');
      expect(store.backend.length).toBeGreaterThan(0);
      expect(await store.counts()).toStrictEqual({ people: 0, organisations: 0, events: 0, ties: 0 });
      expect(await store.exportData()).toStrictEqual(empty());
      expect(await store.listNodes()).toStrictEqual([]);
      expect(await store.getNode('p-ada')).toBeUndefined();
      expect(await store.getTie('p-ada', 'p-cole', 'knows')).toBeUndefined();
      expect(await store.tiesOf('p-ada')).toStrictEqual([]);
      expect((await store.nodeTypes(['p-ada'])).size).toBe(0);
      expect((await store.loadGraph()).nodeCount).toBe(0);
    });

    it('puts a node as created, an identical one as unchanged and a changed one as updated', async () => {
      const { people, organisations, events } = contractGraph();
      const ada = people[0]!;
      const bakery = organisations[0]!;
      const fair = events[0]!;
      // Ada's coach must exist first.
      expect(await store.putPerson(people[1]!)).toBe('created');

      expect(await store.putPerson(ada)).toBe('created');
      expect(await store.putOrganisation(bakery)).toBe('created');
      expect(await store.putEvent(fair)).toBe('created');
      expect(await store.getNode('p-ada')).toStrictEqual({ type: 'person', ...ada });
      expect(await store.getNode('o-bakery')).toStrictEqual({ type: 'organisation', ...bakery });
      expect(await store.getNode('e-fair')).toStrictEqual({ type: 'event', ...fair });

      expect(await store.putPerson(ada)).toBe('unchanged');
      expect(await store.putPerson(reversedKeys(ada))).toBe('unchanged');
      expect(await store.putOrganisation({ ...bakery })).toBe('unchanged');
      expect(await store.putEvent({ ...fair })).toBe('unchanged');

      const moved = { ...ada, area: 'Wakefield', skills: ['maths'] };
      expect(await store.putPerson(moved)).toBe('updated');
      expect(await store.putOrganisation({ ...bakery, hiring: false, size: null })).toBe('updated');
      expect(await store.putEvent({ ...fair, name: 'Summer jobs fair' })).toBe('updated');
      expect(await store.getNode('p-ada')).toStrictEqual({ type: 'person', ...moved });
      expect(await store.getNode('o-bakery')).toStrictEqual({ type: 'organisation', ...bakery, hiring: false, size: null });
      expect(await store.getNode('e-fair')).toStrictEqual({ type: 'event', ...fair, name: 'Summer jobs fair' });
      expect(await store.putPerson(moved)).toBe('unchanged');
      expect(await store.counts()).toStrictEqual({ people: 2, organisations: 1, events: 1, ties: 0 });
    });

    it('puts a tie as created, an identical one as unchanged and a changed one as updated', async () => {
      await store.applyBatch({ ...contractGraph(), ties: [] });
      const t = tie({ source: 'p-ada', target: 'p-zoë', kind: 'worked-with', strength: 0.4, attributes: { a: 1, b: 'two' } });
      expect(await store.putTie(t)).toBe('created');
      expect(await store.getTie('p-ada', 'p-zoë', 'worked-with')).toStrictEqual(t);
      expect(await store.putTie(t)).toBe('unchanged');
      expect(await store.putTie({ ...t, attributes: { b: 'two', a: 1 } })).toBe('unchanged');
      expect(await store.putTie({ ...t, strength: 0.45 })).toBe('updated');
      expect(await store.putTie({ ...t, strength: 0.45, attributes: { a: 2, b: 'two' } })).toBe('updated');
      expect(await store.putTie({ ...t, strength: 0.45, attributes: { a: 2, b: 'two' }, since: '2020-09-01' })).toBe('updated');
      expect(await store.getTie('p-ada', 'p-zoë', 'worked-with')).toStrictEqual({
        ...t,
        strength: 0.45,
        attributes: { a: 2, b: 'two' },
        since: '2020-09-01',
      });
      // Another kind between the same two people is another tie.
      expect(await store.putTie(tie({ source: 'p-ada', target: 'p-zoë', kind: 'friend', strength: 0.7 }))).toBe('created');
      expect((await store.counts()).ties).toBe(2);
    });

    it('treats a symmetric tie as the same tie from either end, and a directed one as two', async () => {
      await store.applyBatch({ ...contractGraph(), ties: [] });
      const ab = tie({ source: 'p-ada', target: 'p-zoë', kind: 'knows', strength: 0.3, provenance: 'x' });
      const ba = { ...ab, source: 'p-zoë', target: 'p-ada' };
      expect(tieKey(ab)).toBe(tieKey(ba));

      expect(await store.putTie(ba)).toBe('created');
      expect(await store.putTie(ab)).toBe('unchanged');
      expect(await store.getTie('p-ada', 'p-zoë', 'knows')).toStrictEqual(ab);
      expect(await store.getTie('p-zoë', 'p-ada', 'knows')).toStrictEqual(ab);
      expect(await store.tiesOf('p-ada')).toStrictEqual([ab]);
      expect(await store.tiesOf('p-zoë')).toStrictEqual([ab]);
      expect(await store.putTie({ ...ba, strength: 0.9 })).toBe('updated');
      expect(await store.getTie('p-ada', 'p-zoë', 'knows')).toStrictEqual({ ...ab, strength: 0.9 });
      expect((await store.counts()).ties).toBe(1);
      expect((await store.exportData()).ties).toStrictEqual([{ ...ab, strength: 0.9 }]);

      const mentors = tie({ source: 'p-zoë', target: 'p-ada', kind: 'mentors', strength: 0.5 });
      const mentored = tie({ source: 'p-ada', target: 'p-zoë', kind: 'mentors', strength: 0.25 });
      expect(await store.putTie(mentors)).toBe('created');
      expect(await store.putTie(mentored)).toBe('created');
      expect(await store.getTie('p-zoë', 'p-ada', 'mentors')).toStrictEqual(mentors);
      expect(await store.getTie('p-ada', 'p-zoë', 'mentors')).toStrictEqual(mentored);
      expect((await store.counts()).ties).toBe(3);

      expect(await store.deleteTie('p-zoë', 'p-ada', 'knows')).toBe(true);
      expect(await store.getTie('p-ada', 'p-zoë', 'knows')).toBeUndefined();
      expect(await store.deleteTie('p-ada', 'p-zoë', 'knows')).toBe(false);
      expect(await store.deleteTie('p-zoë', 'p-ada', 'mentors')).toBe(true);
      expect(await store.getTie('p-ada', 'p-zoë', 'mentors')).toStrictEqual(mentored);
      expect((await store.counts()).ties).toBe(1);
    });

    it('keeps the ties of a node that is updated', async () => {
      const data = await seed();
      const ada = data.people[0]!;
      const before = sortTies(await store.tiesOf('p-ada'));
      expect(before.length).toBe(4);
      expect(await store.putPerson({ ...ada, name: 'Ada King' })).toBe('updated');
      expect(sortTies(await store.tiesOf('p-ada'))).toStrictEqual(before);
      const result = await store.applyBatch({ ...empty(), people: [{ ...ada, name: 'Ada, Countess of Lovelace' }] });
      expect(result).toStrictEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(sortTies(await store.tiesOf('p-ada'))).toStrictEqual(before);
      expect((await store.counts()).ties).toBe(data.ties.length);
    });

    it('applies a batch as created, then the same batch again as all unchanged', async () => {
      const data = contractGraph();
      const total = data.people.length + data.organisations.length + data.events.length + data.ties.length;
      expect(await store.applyBatch(data)).toStrictEqual({ created: total, updated: 0, unchanged: 0 });
      const after = await snapshot(store);
      expect(await store.exportData()).toStrictEqual(sortedData(data));

      expect(await store.applyBatch(data)).toStrictEqual({ created: 0, updated: 0, unchanged: total });
      expect(await store.applyBatch(contractGraph())).toStrictEqual({ created: 0, updated: 0, unchanged: total });
      expect(await snapshot(store)).toBe(after);
    });

    it('counts created, updated and unchanged records in a mixed batch', async () => {
      const data = await seed();
      const [ada, cole] = data.people;
      const [bakery] = data.organisations;
      const [knows, coaches] = data.ties;
      const newcomer = person({ id: 'p-new', name: 'New Member', roles: ['member'], coachId: 'p-cole' });
      const batch: GraphData = {
        people: [{ ...ada!, area: 'York' }, cole!, newcomer],
        organisations: [bakery!],
        events: [],
        ties: [
          // The same knows tie given from the other end, unchanged.
          { ...knows!, source: knows!.target, target: knows!.source },
          { ...coaches!, strength: 0.75 },
          // New ties to a node already stored and to a node of the batch.
          tie({ source: 'p-new', target: 'o-council', kind: 'volunteers-at', strength: 0.4 }),
          tie({ source: 'p-new', target: 'e-lunch', kind: 'attended', strength: 0.2 }),
        ],
      };
      expect(await store.applyBatch(batch)).toStrictEqual({ created: 3, updated: 2, unchanged: 3 });
      expect(await store.getNode('p-ada')).toStrictEqual({ type: 'person', ...ada!, area: 'York' });
      expect(await store.getNode('p-new')).toStrictEqual({ type: 'person', ...newcomer });
      expect(await store.getTie('p-ada', 'p-cole', 'knows')).toStrictEqual(canonicalTie(knows!));
      expect(await store.getTie('p-cole', 'p-ada', 'coaches')).toStrictEqual({ ...coaches!, strength: 0.75 });
      expect(await store.counts()).toStrictEqual({ people: 5, organisations: 2, events: 2, ties: data.ties.length + 2 });
    });

    describe('refuses a batch with one bad record and leaves the store as it was', () => {
      const newcomer = person({ id: 'p-new', name: 'New Member', coachId: 'p-cole' });
      const cases: { name: string; bad: Partial<GraphData>; needle: string }[] = [
        {
          name: 'a tie to an unknown id',
          bad: { ties: [tie({ source: 'p-new', target: 'p-nobody', kind: 'knows', strength: 0.3 })] },
          needle: 'p-nobody',
        },
        {
          name: 'a tie from an unknown id',
          bad: { ties: [tie({ source: 'o-ghost', target: 'o-bakery', kind: 'supplies', strength: 0.3 })] },
          needle: 'o-ghost',
        },
        {
          name: 'a tie joining node types its kind does not allow',
          bad: { ties: [tie({ source: 'p-new', target: 'p-ada', kind: 'works-at', strength: 0.6 })] },
          needle: 'works-at',
        },
        {
          name: 'a tie joining a node to itself',
          bad: { ties: [tie({ source: 'p-ada', target: 'p-ada', kind: 'linked', strength: 0.5 })] },
          needle: 'p-ada',
        },
        {
          name: 'an id of a stored person reused for an organisation',
          bad: { organisations: [organisation({ id: 'p-zoë', name: 'Zoë Ltd', sector: 'M' })] },
          needle: 'p-zoë',
        },
        {
          name: 'an id reused for two node types in the batch',
          bad: { events: [event({ id: 'p-new', name: 'New event', date: '2024-09-01' })] },
          needle: 'p-new',
        },
        {
          name: 'a member whose coach does not exist',
          bad: { people: [person({ id: 'p-lost', name: 'Lost', coachId: 'p-nocoach' })] },
          needle: 'p-nocoach',
        },
        {
          name: 'an invalid record',
          bad: { ties: [{ ...tie({ source: 'p-new', target: 'p-ada', kind: 'knows', strength: 0.3 }), strength: 1.5 }] },
          needle: 'strength',
        },
      ];

      it.each(cases)('$name', async ({ bad, needle }) => {
        const data = await seed();
        const before = await snapshot(store);
        // Good records of every kind, new and changed, around the bad one: none of them may be written.
        const batch: GraphData = {
          people: [newcomer, { ...data.people[0]!, area: 'Hull' }, ...(bad.people ?? [])],
          organisations: [organisation({ id: 'o-new', name: 'New Org', sector: 'C' }), ...(bad.organisations ?? [])],
          events: [...(bad.events ?? []), { ...data.events[0]!, name: 'Renamed fair' }],
          ties: [
            tie({ source: 'p-new', target: 'o-new', kind: 'works-at', strength: 0.6 }),
            { ...data.ties[0]!, strength: 0.99 },
            ...(bad.ties ?? []),
            tie({ source: 'p-new', target: 'p-ada', kind: 'friend', strength: 0.7 }),
          ],
        };
        const error = await rejection(store.applyBatch(batch));
        expect(error).toBeInstanceOf(BridgeworkError);
        expect((error as BridgeworkError).code).toBe('validation');
        expect((error as BridgeworkError).message).toContain(needle);
        expect(await snapshot(store)).toBe(before);
        // The store still works, and the batch without the bad record goes through.
        const good: GraphData = {
          people: batch.people.filter((p) => !bad.people?.includes(p)),
          organisations: batch.organisations.filter((o) => !bad.organisations?.includes(o)),
          events: batch.events.filter((e) => !bad.events?.includes(e)),
          ties: batch.ties.filter((t) => !bad.ties?.includes(t)),
        };
        expect(await store.applyBatch(good)).toStrictEqual({ created: 4, updated: 3, unchanged: 0 });
      });
    });

    it('reports progress while a large batch runs, ending with the total', async () => {
      const people = Array.from({ length: 10_000 }, (_, i) => person({ id: `p-bulk-${String(i).padStart(5, '0')}`, name: `Bulk ${i}` }));
      const seen: { done: number; total: number }[] = [];
      const result = await store.applyBatch({ ...empty(), people }, { onProgress: (p) => seen.push({ ...p }) });
      expect(result).toStrictEqual({ created: 10_000, updated: 0, unchanged: 0 });
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.at(-1)).toStrictEqual({ done: 10_000, total: 10_000 });
      expect(seen.every((p) => p.total === 10_000 && p.done >= 0 && p.done <= 10_000)).toBe(true);
      expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1]!.done)).toBe(true);
      expect((await store.counts()).people).toBe(10_000);
    });

    it('writes nothing of a batch that onProgress aborts part-way', async () => {
      await seed();
      const before = await snapshot(store);
      const people = Array.from({ length: 10_000 }, (_, i) => person({ id: `p-bulk-${String(i).padStart(5, '0')}`, name: `Bulk ${i}` }));
      const ties = people.map((p) => tie({ source: p.id, target: 'p-ada', kind: 'knows', strength: 0.3 }));
      let thrown = false;
      let callsAfterThrow = 0;
      const error = await rejection(
        store.applyBatch(
          { ...empty(), people, ties },
          {
            onProgress: ({ done, total }) => {
              if (thrown) callsAfterThrow += 1;
              else if (done > 0 && done < total) {
                thrown = true;
                throw new Error('stop here');
              }
            },
          },
        ),
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain('stop here');
      expect([thrown, callsAfterThrow]).toStrictEqual([true, 0]);
      expect(await snapshot(store)).toBe(before);
    });

    it('deletes a node with every tie touching it', async () => {
      const data = await seed();
      expect(await store.deleteNode('p-ada')).toBe(true);
      expect(await store.getNode('p-ada')).toBeUndefined();
      expect(await store.tiesOf('p-ada')).toStrictEqual([]);
      expect(await store.getTie('p-cole', 'p-ada', 'knows')).toBeUndefined();
      expect(await store.getTie('p-ada', 'e-fair', 'attended')).toBeUndefined();
      const remaining = data.ties.filter((t) => t.source !== 'p-ada' && t.target !== 'p-ada');
      expect(remaining.length).toBe(data.ties.length - 4);
      expect(await store.exportData()).toStrictEqual(
        sortedData({ ...data, people: data.people.filter((p) => p.id !== 'p-ada'), ties: remaining }),
      );
      expect(await store.counts()).toStrictEqual({ people: 3, organisations: 2, events: 2, ties: remaining.length });
      expect(await store.deleteNode('p-ada')).toBe(false);
      expect(await store.deleteNode('p-never')).toBe(false);
      expect(await store.deleteTie('p-cole', 'p-ada', 'knows')).toBe(false);
      // The id is free again, for any type.
      expect(await store.putOrganisation(organisation({ id: 'p-ada', name: 'Ada Ltd', sector: 'J' }))).toBe('created');
      expect(await store.tiesOf('p-ada')).toStrictEqual([]);
    });

    it('clears the coach of their members when a coach is deleted, so no reference dangles', async () => {
      const data = await seed();
      const ada = data.people.find((p) => p.id === 'p-ada')!;
      expect(ada.coachId).toBe('p-cole');
      expect(await store.deleteNode('p-cole')).toBe(true);
      expect(await store.getNode('p-ada')).toStrictEqual({ type: 'person', ...ada, coachId: null });
      // The member can be written again as read back.
      expect(await store.putPerson({ ...ada, coachId: null })).toBe('unchanged');
    });

    it('keeps everything written once the store is closed and reopened', async () => {
      const data = await seed();
      const late = person({ id: 'p-late', name: 'Late Arrival', consent: { introductions: true, recordedAt: '2024-07-01', recordedBy: 'p-cole' } });
      await store.putPerson(late);
      await store.putTie(tie({ source: 'p-late', target: 'p-ada', kind: 'introduced', strength: 0.2, attributes: { via: 'lunch' } }));
      await store.putOrganisation({ ...data.organisations[1]!, hiring: true });
      await store.deleteTie('p-ada', 'e-fair', 'attended');
      await store.deleteNode('e-lunch');
      const expected = sortedData({
        people: [...data.people, late],
        organisations: [data.organisations[0]!, { ...data.organisations[1]!, hiring: true }],
        events: [data.events[0]!],
        ties: [
          ...data.ties.filter((t) => t.kind !== 'attended'),
          tie({ source: 'p-late', target: 'p-ada', kind: 'introduced', strength: 0.2, attributes: { via: 'lunch' } }),
        ],
      });
      expect(await store.exportData()).toStrictEqual(expected);

      await reopen();
      expect(await store.exportData()).toStrictEqual(expected);
      expect(await store.counts()).toStrictEqual({ people: 5, organisations: 2, events: 1, ties: expected.ties.length });
      expect(await store.getNode('p-late')).toStrictEqual({ type: 'person', ...late });

      // And it keeps working after reopening.
      expect(await store.putEvent(data.events[1]!)).toBe('created');
      await reopen();
      expect(await store.getNode('e-lunch')).toStrictEqual({ type: 'event', ...data.events[1]! });
    });

    it('round-trips ties with attributes, nullable fields and consent exactly', async () => {
      const data = await seed();
      await reopen();
      const ada = await store.getNode('p-ada');
      expect(ada).toStrictEqual({ type: 'person', ...data.people[0]! });
      expect(ada?.type === 'person' && ada.consent).toStrictEqual({
        introductions: true,
        recordedAt: '2024-03-01T10:15:00+01:00',
        recordedBy: 'coach:p-cole',
      });
      const cole = await store.getNode('p-cole');
      expect(cole?.type === 'person' && [cole.area, cole.coachId, cole.consent]).toStrictEqual([
        null,
        null,
        { introductions: false, recordedAt: null, recordedBy: null },
      ]);
      expect(await store.getNode('o-council')).toStrictEqual({
        type: 'organisation',
        id: 'o-council',
        name: 'City Council',
        sector: 'O',
        size: null,
        area: null,
        hiring: false,
      });
      expect(await store.getTie('p-ada', 'p-cole', 'knows')).toStrictEqual({
        source: 'p-ada',
        target: 'p-cole',
        kind: 'knows',
        strength: 0.35,
        strengthSource: 'given',
        since: '2023-01-01',
        lastContact: '2024-04-01T09:00:00+00:00',
        provenance: 'coach:p-cole',
        attributes: { met: 'church', years: 3, reciprocal: true, note: 'très bien – 👍' },
      });
      const mentors = await store.getTie('p-zoë', 'p-ada', 'mentors');
      expect(mentors?.strength).toBe(0.1 + 0.2);
      expect(mentors?.strengthSource).toBe('derived');
      expect((await store.getTie('P-upper', 'p-zoë', 'friend'))?.strength).toBe(0);
      expect(await store.exportData()).toStrictEqual(sortedData(data));
    });

    it('lists nodes in id byte order, by type, a page at a time', async () => {
      // Byte order: upper case before lower, "a-10" before "a-2", U+FF5E before U+1F600 (not so in UTF-16).
      const ids = ['a-2', 'z', 'a-10', 'B', 'b', '😀', '～', 'é', 'a-1', 'Z-9'];
      const types: NodeType[] = ['person', 'organisation', 'event'];
      const records: NodeRecord[] = ids.map((id, i) => {
        const type = types[i % 3]!;
        if (type === 'person') return { type, ...person({ id, name: `Person ${id}` }) };
        if (type === 'organisation') return { type, ...organisation({ id, name: `Org ${id}`, sector: 'G' }) };
        return { type, ...event({ id, name: `Event ${id}`, date: '2024-01-01' }) };
      });
      for (const r of records) {
        const { type, ...rest } = r;
        if (type === 'person') await store.putPerson(rest as Person);
        else if (type === 'organisation') await store.putOrganisation(rest as Organisation);
        else await store.putEvent(rest as Event);
      }
      const sorted = [...records].sort((a, b) => byteOrder(a.id, b.id));
      expect(sorted.map((r) => r.id)).toStrictEqual(['B', 'Z-9', 'a-1', 'a-10', 'a-2', 'b', 'z', 'é', '～', '😀']);

      expect(await store.listNodes()).toStrictEqual(sorted);
      const pages: NodeRecord[][] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.listNodes({ limit: 3, ...(after === undefined ? {} : { after }) });
        if (page.length === 0) break;
        pages.push(page);
        after = page.at(-1)!.id;
      }
      expect(pages.map((p) => p.length)).toStrictEqual([3, 3, 3, 1]);
      expect(pages.flat()).toStrictEqual(sorted);

      for (const type of types) {
        const ofType = sorted.filter((r) => r.type === type);
        expect(await store.listNodes({ type })).toStrictEqual(ofType);
        expect(await store.listNodes({ type, limit: 2 })).toStrictEqual(ofType.slice(0, 2));
        expect(await store.listNodes({ type, after: ofType[0]!.id, limit: 2 })).toStrictEqual(ofType.slice(1, 3));
      }
      // A cursor need not be a stored id.
      expect((await store.listNodes({ after: 'a-11' })).map((r) => r.id)).toStrictEqual(['a-2', 'b', 'z', 'é', '～', '😀']);
      expect((await store.listNodes({ after: 'a', limit: 2 })).map((r) => r.id)).toStrictEqual(['a-1', 'a-10']);
      expect(await store.listNodes({ after: '😀' })).toStrictEqual([]);
      expect(await store.listNodes({ limit: 0 })).toStrictEqual([]);
      expect(await store.listNodes({ limit: 1 })).toStrictEqual([sorted[0]]);
    });

    it('lists at most 100 nodes unless told otherwise', async () => {
      const people = Array.from({ length: 130 }, (_, i) => person({ id: `p-${String(i).padStart(3, '0')}`, name: `P ${i}` }));
      await store.applyBatch({ ...empty(), people: [...people].reverse() });
      const first = await store.listNodes();
      expect(first.map((r) => r.id)).toStrictEqual(people.slice(0, 100).map((p) => p.id));
      expect((await store.listNodes({ after: first.at(-1)!.id })).map((r) => r.id)).toStrictEqual(
        people.slice(100).map((p) => p.id),
      );
      expect((await store.listNodes({ limit: 500 })).length).toBe(130);
    });

    it('gives the types of those ids that exist', async () => {
      await seed();
      const types = await store.nodeTypes(['p-ada', 'o-bakery', 'e-fair', 'p-nobody', 'p-ada', 'P-upper', 'p-zoë', '']);
      expect([...types.entries()].sort(([a], [b]) => byteOrder(a, b))).toStrictEqual([
        ['P-upper', 'person'],
        ['e-fair', 'event'],
        ['o-bakery', 'organisation'],
        ['p-ada', 'person'],
        ['p-zoë', 'person'],
      ]);
      expect((await store.nodeTypes([])).size).toBe(0);
      expect((await store.nodeTypes(new Set(['o-council']))).get('o-council')).toBe('organisation');
    });

    it('gives every tie touching a node, whatever its direction', async () => {
      const data = await seed();
      const touching = (id: string) => sortTies(data.ties.filter((t) => t.source === id || t.target === id).map(canonicalTie));
      for (const id of ['p-ada', 'p-cole', 'p-zoë', 'o-bakery', 'o-council', 'e-fair', 'P-upper']) {
        expect(sortTies(await store.tiesOf(id))).toStrictEqual(touching(id));
      }
      expect(touching('p-ada').length).toBe(4);
      expect(await store.tiesOf('e-lunch')).toStrictEqual([]);
      expect(await store.tiesOf('p-nobody')).toStrictEqual([]);
    });

    it('counts nodes by type and ties', async () => {
      await seed();
      expect(await store.counts()).toStrictEqual({ people: 4, organisations: 2, events: 2, ties: 8 });
      await store.deleteNode('o-bakery');
      expect(await store.counts()).toStrictEqual({ people: 4, organisations: 1, events: 2, ties: 6 });
    });

    it('loads the whole graph as a BridgeworkGraph with the same data', async () => {
      const data = await seed();
      const graph = await store.loadGraph();
      expect(graph).toBeInstanceOf(BridgeworkGraph);
      expect(graph.nodeCount).toBe(8);
      expect(graph.tieCount).toBe(8);
      expect(sortedData(graph.toData())).toStrictEqual(sortedData(data));
      expect(graph.person('p-ada')).toStrictEqual(data.people[0]);
      expect(graph.tie('p-ada', 'p-cole', 'knows')).toStrictEqual(canonicalTie(data.ties[0]!));
      expect(graph.tie('p-cole', 'p-ada', 'coaches')).toStrictEqual(data.ties[1]);
      expect(graph.tie('p-ada', 'p-cole', 'coaches')).toBeUndefined();
      expect(graph.neighbours('o-council').sort()).toStrictEqual(['e-fair', 'o-bakery']);
    });

    it('exports everything in id order', async () => {
      const data = contractGraph();
      // Written in reverse order, one at a time.
      for (const p of [...data.people].reverse()) {
        if (p.coachId !== null) continue;
        await store.putPerson(p);
      }
      await store.putPerson(data.people[0]!);
      for (const o of [...data.organisations].reverse()) await store.putOrganisation(o);
      for (const e of [...data.events].reverse()) await store.putEvent(e);
      for (const t of [...data.ties].reverse()) await store.putTie(t);
      const exported = await store.exportData();
      expect(exported.people.map((p) => p.id)).toStrictEqual(['P-upper', 'p-ada', 'p-cole', 'p-zoë']);
      expect(exported.organisations.map((o) => o.id)).toStrictEqual(['o-bakery', 'o-council']);
      expect(exported.events.map((e) => e.id)).toStrictEqual(['e-fair', 'e-lunch']);
      expect(exported.ties.map((t) => `${t.source} ${t.kind} ${t.target}`)).toStrictEqual([
        'P-upper friend p-zoë',
        'e-fair linked o-council',
        'o-bakery partners-with o-council',
        'p-ada attended e-fair',
        'p-ada knows p-cole',
        'p-cole coaches p-ada',
        'p-zoë mentors p-ada',
        'p-zoë works-at o-bakery',
      ]);
      expect(exported).toStrictEqual(sortedData(data));
      expect(nodeRecords(exported)).toStrictEqual(await store.listNodes());
    });

    it('rejects invalid records and bad references in single writes, writing nothing', async () => {
      const data = await seed();
      const before = await snapshot(store);
      const attempts: [string, () => Promise<unknown>][] = [
        ['empty id', () => store.putPerson({ ...data.people[1]!, id: '' })],
        ['unknown sector', () => store.putOrganisation({ ...data.organisations[0]!, sector: 'Z' as never })],
        ['bad date', () => store.putEvent({ ...data.events[0]!, date: '10/05/2024' })],
        ['strength above 1', () => store.putTie({ ...data.ties[0]!, strength: 1.5 })],
        ['unknown node', () => store.putTie(tie({ source: 'p-ada', target: 'p-nobody', kind: 'knows', strength: 0.3 }))],
        ['wrong endpoints', () => store.putTie(tie({ source: 'o-bakery', target: 'p-ada', kind: 'works-at', strength: 0.3 }))],
        ['id of another type', () => store.putOrganisation(organisation({ id: 'p-ada', name: 'Ada Ltd', sector: 'J' }))],
        ['unknown coach', () => store.putPerson({ ...data.people[1]!, coachId: 'p-nocoach' })],
      ];
      for (const [what, attempt] of attempts) {
        const error = await rejection(attempt());
        expect([what, error instanceof BridgeworkError]).toStrictEqual([what, true]);
      }
      expect(await snapshot(store)).toBe(before);
    });
  });
}
