/**
 * Event planning for coaches: which events there are (with how many attended), who attended one, and a table plan
 * that seats people who are worth meeting together — the matcher's `planEventTables` (a Kernighan–Lin-style swap
 * search, Kernighan & Lin 1970; see packages/matcher/src/suggest/event-tables.ts and docs/matching.md).
 *
 * - `GET /v1/event-plans`: every event with its date and the number of recorded attendees (people with an
 *   `attended` tie to it), upcoming ones first (soonest first), then past ones (latest first).
 * - `GET /v1/events/{id}/attendees`: the event's recorded attendees.
 * - `POST /v1/events/{id}/table-plan`: tables of at most `tableSize` for the recorded attendees or a given list,
 *   with each table's new acquaintances, cross-community and goal-relevant pairs, and how the plan compares with a
 *   random seating. It changes nothing (a read-only POST: the body is the question).
 *
 * The graph and the matcher's index are the suggestion routes' snapshot (routes/suggestions.ts: one per graph
 * version and day), so planning costs no second index. The introduction history is read per attendee: pairs already
 * introduced (made or closed: they know each other now, recorded tie or not) and pairs where one side declined an
 * introduction are passed as the matcher's `blocked` pairs, which it never seats together when it can avoid it.
 *
 * Access: admin keys and coaches (`suggestions:read`, as for suggestions). A coach may plan any event (events are not
 * personal data), but every person the coach may not see (access.ts `canSeePerson`: another coach's member, anyone
 * not a member who has not consented to introductions) is seated like everyone else and shown without id or name:
 * `{ ref, id: null, name: null, hidden: true }`. `ref` is an opaque handle for that person at that event only
 * (an HMAC under a salt kept in the database, so the same person has unrelated handles at two events); sending it
 * back in `attendees` keeps them in a re-plan. A coach naming an id they may not see gets the same 404 as for an id
 * nobody has.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { SUGGEST_DEFAULTS, planEventTables } from '@bridgework/matcher';
import { EventKindSchema, type BridgeworkGraph, type Event, type Person } from '@bridgework/graph-core';
import { z } from 'zod';
import { canSeePerson, notFound } from '../access.js';
import type { Caller } from '../auth/permissions.js';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AnyRoute, type AppDeps } from '../http/route.js';
import { EmptyQuerySchema, IdParamsSchema } from '../schemas.js';
import type { SuggestSnapshots } from './suggestions.js';

/** Limits of a table plan. `maxAttendees` keeps one plan well under a second (docs/benchmarks.md: 60 people, 39 ms). */
export const EVENT_PLAN_DEFAULTS = Object.freeze({ tableSize: 6, minTableSize: 2, maxTableSize: 20, maxAttendees: 200, seed: SUGGEST_DEFAULTS.seed });

const HIDDEN_REF = /^h-[0-9a-f]{24}$/;

const tableSizeError = `must be a whole number in [${EVENT_PLAN_DEFAULTS.minTableSize}, ${EVENT_PLAN_DEFAULTS.maxTableSize}]`;

export const TablePlanBodySchema = z
  .strictObject({
    attendees: z
      .array(z.string({ error: 'must be a person id or a ref from the attendee list' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters'), {
        error: 'must be a list of person ids or refs',
      })
      .min(2, 'a table plan needs at least 2 attendees')
      .max(EVENT_PLAN_DEFAULTS.maxAttendees, `at most ${EVENT_PLAN_DEFAULTS.maxAttendees} attendees can be planned at once`)
      .optional()
      .meta({
        description:
          'Who to seat: person ids, or the `ref` of each attendee as the attendee list or an earlier plan gave it (the only way to name someone shown as hidden). Default: the recorded attendees (people with an `attended` tie to the event).',
      }),
    tableSize: z
      .number({ error: tableSizeError })
      .int(tableSizeError)
      .min(EVENT_PLAN_DEFAULTS.minTableSize, tableSizeError)
      .max(EVENT_PLAN_DEFAULTS.maxTableSize, tableSizeError)
      .default(EVENT_PLAN_DEFAULTS.tableSize)
      .meta({ description: 'Most people at one table; tables are as even as possible (sizes differ by at most one).' }),
    seed: z
      .number({ error: 'must be a whole number in [0, 4294967295]' })
      .int('must be a whole number in [0, 4294967295]')
      .min(0, 'must be a whole number in [0, 4294967295]')
      .max(4294967295, 'must be a whole number in [0, 4294967295]')
      .optional()
      .meta({ description: `Seed of the search (default ${EVENT_PLAN_DEFAULTS.seed}): the same seed, attendees and graph give the same plan.` }),
  })
  .meta({ id: 'TablePlanRequest' });

const PlanPersonOut = z
  .object({
    ref: z.string().meta({ description: 'The id, or for a hidden person an opaque handle valid for this event only.' }),
    id: z.string().nullable(),
    name: z.string().nullable(),
    hidden: z.boolean(),
  })
  .meta({
    id: 'EventPlanPerson',
    description:
      'An attendee. People the caller may not see (for a coach: another coach’s member, or anyone not a member who has not consented to introductions) are seated all the same but shown as `{ id: null, name: null, hidden: true }` with an opaque `ref`.',
  });

export const EventPlanListOut = z
  .object({
    now: z.string().meta({ description: 'The day the list was made for (YYYY-MM-DD): events on or after it are upcoming.' }),
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: EventKindSchema,
        date: z.string(),
        area: z.string().nullable(),
        attendees: z.number().int().meta({ description: 'Recorded attendees (people with an `attended` tie to the event).' }),
        upcoming: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'EventPlanList' });

export const AttendeesOut = z
  .object({
    event: z.object({ id: z.string(), name: z.string(), kind: EventKindSchema, date: z.string(), area: z.string().nullable() }),
    attendees: z.array(PlanPersonOut).meta({ description: 'People the caller may see by name, then the hidden ones.' }),
    hidden: z.number().int().meta({ description: 'How many of them are hidden from the caller.' }),
  })
  .meta({ id: 'EventAttendees' });

export const TablePlanOut = z
  .object({
    eventId: z.string(),
    now: z.string(),
    attendees: z.number().int(),
    tableSize: z.number().int(),
    seed: z.number().int(),
    tables: z.array(
      z.object({
        table: z.number().int().meta({ description: 'Table number, from 1.' }),
        people: z.array(PlanPersonOut),
        newPairs: z.number().int().meta({ description: 'Pairs at the table who do not know each other yet.' }),
        crossCommunityPairs: z.number().int().meta({ description: 'Of those, pairs from different communities of the network (Louvain).' }),
        goalRelevantPairs: z.number().int().meta({ description: 'Of those, pairs where one works or has worked in a sector the other aims for, or both aim for the same one.' }),
        value: z.number(),
      }),
    ),
    objective: z.number().meta({ description: 'The plan’s score: each new acquaintance 1, plus its goal relevance and 1 more across communities.' }),
    randomObjective: z.number().meta({ description: 'The score of a random seating of the same people at the same tables, for comparison.' }),
  })
  .meta({ id: 'TablePlan' });

type PlanPerson = z.output<typeof PlanPersonOut>;

const eventOf = (graph: BridgeworkGraph, id: string): Event => {
  const event = graph.event(id);
  if (!event) throw notFound('event', id);
  return event;
};

/** The recorded attendees of an event, by id (the matcher's own rule: `attended` ties to it). */
const recordedAttendees = (graph: BridgeworkGraph, eventId: string): string[] =>
  [...new Set(graph.tiesOf(eventId).filter((t) => t.kind === 'attended' && t.target === eventId).map((t) => t.source))].filter((id) => graph.person(id) !== undefined).sort();

/** The hidden handle of a person at an event: HMAC-SHA-256 under the database's event-plan salt. */
type Handle = (eventId: string, personId: string) => string;

function shownAs(caller: Caller, graph: BridgeworkGraph, handle: Handle, eventId: string, id: string): PlanPerson {
  const p: Person = graph.person(id)!;
  if (canSeePerson(caller, p)) return { ref: p.id, id: p.id, name: p.name, hidden: false };
  return { ref: handle(eventId, p.id), id: null, name: null, hidden: true };
}

/** Pairs among `ids` that must not sit together: introduced already, or declined (`a␟b` with a < b). */
async function blockedPairs(deps: AppDeps, ids: readonly string[]): Promise<{ a: string; b: string }[]> {
  const among = new Set(ids);
  const seen = new Set<string>();
  const out: { a: string; b: string }[] = [];
  for (const id of ids) {
    let after: string | undefined;
    for (;;) {
      const page = await deps.store.api.listIntroductions({ person: id, ...(after === undefined ? {} : { after }), limit: 500 });
      for (const i of page) {
        const kept = i.status === 'declined' || i.outcome === 'declined' || i.status === 'made' || i.status === 'closed';
        if (!kept || !among.has(i.personId) || !among.has(i.targetId) || i.personId === i.targetId) continue;
        const [a, b] = i.personId < i.targetId ? [i.personId, i.targetId] : [i.targetId, i.personId];
        const key = `${a}\u001f${b}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push({ a, b });
        }
      }
      if (page.length < 500) break;
      after = page[page.length - 1]!.id;
    }
  }
  return out;
}

/** The event-planning routes, over the suggestion routes' snapshot (`suggestSnapshots()` in routes/suggestions.ts). */
export function eventPlanRoutes(snapshot: SuggestSnapshots): AnyRoute[] {
  let salt: Promise<string> | undefined;
  const handles = async (deps: AppDeps): Promise<Handle> => {
    salt ??= deps.store.api.setting('event-plan-salt', () => randomBytes(32).toString('hex'));
    let s: string;
    try {
      s = await salt;
    } catch (e) {
      salt = undefined;
      throw e;
    }
    return (eventId, personId) => `h-${createHmac('sha256', s).update(`${eventId}\u001f${personId}`).digest('hex').slice(0, 24)}`;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/v1/event-plans',
      tag: 'events',
      summary: 'List events to plan',
      description:
        'Every event with its date and number of recorded attendees: upcoming events first (soonest first), then past ones (latest first). For the event planner; see `POST /v1/events/{id}/table-plan`.',
      permission: 'suggestions:read',
      query: EmptyQuerySchema,
      responses: { 200: { description: 'Events with attendee counts', schema: EventPlanListOut } },
      handler: async ({ deps }) => {
        const { graph, day } = await snapshot(deps, deps.now());
        const items = [...graph.events()].map((e) => ({
          id: e.id,
          name: e.name,
          kind: e.kind,
          date: e.date,
          area: e.area ?? null,
          attendees: recordedAttendees(graph, e.id).length,
          upcoming: e.date.slice(0, 10) >= day,
        }));
        const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        items.sort((a, b) => (a.upcoming !== b.upcoming ? (a.upcoming ? -1 : 1) : a.upcoming ? cmp(a.date, b.date) || cmp(a.id, b.id) : cmp(b.date, a.date) || cmp(a.id, b.id)));
        return { status: 200, body: { now: day, items } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/events/:id/attendees',
      tag: 'events',
      summary: 'List the recorded attendees of an event',
      description:
        'People with an `attended` tie to the event: those the caller may see by id and name (by name), then those hidden from the caller (a coach: other coaches’ members, people without consent) as `{ ref, id: null, name: null, hidden: true }`.',
      permission: 'suggestions:read',
      params: IdParamsSchema,
      responses: { 200: { description: 'The attendees', schema: AttendeesOut } },
      handler: async ({ params, caller, deps, audit }) => {
        const { graph } = await snapshot(deps, deps.now());
        const event = eventOf(graph, params.id);
        const handle = await handles(deps);
        const people = recordedAttendees(graph, event.id).map((id) => ({ id, shown: shownAs(caller, graph, handle, event.id, id) }));
        const visible = people.filter((p) => !p.shown.hidden).sort((a, b) => a.shown.name!.localeCompare(b.shown.name!, 'en-GB') || (a.id < b.id ? -1 : 1));
        const hidden = people.filter((p) => p.shown.hidden).sort((a, b) => (a.shown.ref < b.shown.ref ? -1 : 1));
        audit('attendees', 'event', event.id);
        for (const p of visible) audit('list', 'person', p.id);
        return {
          status: 200,
          body: {
            event: { id: event.id, name: event.name, kind: event.kind, date: event.date, area: event.area ?? null },
            attendees: [...visible, ...hidden].map((p) => p.shown),
            hidden: hidden.length,
          },
          subjects: visible.map((p) => p.id),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/events/:id/table-plan',
      tag: 'events',
      summary: 'Plan the tables of an event',
      description:
        'Seats the attendees (default: the recorded ones) at tables of at most `tableSize` so that people who do not know each other meet, across communities and towards their goals ' +
        '(the matcher’s `planEventTables`, docs/matching.md). Pairs already introduced and pairs where one side declined an introduction are never seated together. ' +
        'People the caller may not see are seated but shown without id or name (`hidden`). Changes nothing; deterministic for a seed and the same graph.',
      permission: 'suggestions:read',
      params: IdParamsSchema,
      body: TablePlanBodySchema,
      readOnly: true,
      responses: { 200: { description: 'The table plan', schema: TablePlanOut } },
      handler: async ({ params, body, caller, deps, audit }) => {
        const { graph, index } = await snapshot(deps, deps.now());
        const event = eventOf(graph, params.id);
        const handle = await handles(deps);
        const recorded = recordedAttendees(graph, event.id);
        let ids: string[];
        if (body.attendees === undefined) {
          ids = recorded;
          if (ids.length < 2) {
            throw new ApiError('validation', `a table plan needs at least 2 attendees; event ${event.id} has ${ids.length} recorded`, {
              details: [{ pointer: '/body/attendees', detail: `the event has ${ids.length} recorded attendee${ids.length === 1 ? '' : 's'}: name at least 2` }],
            });
          }
          if (ids.length > EVENT_PLAN_DEFAULTS.maxAttendees) {
            throw new ApiError('validation', `event ${event.id} has ${ids.length} recorded attendees; at most ${EVENT_PLAN_DEFAULTS.maxAttendees} can be planned at once`, {
              details: [{ pointer: '/body/attendees', detail: `name at most ${EVENT_PLAN_DEFAULTS.maxAttendees} attendees` }],
            });
          }
        } else {
          // Refs: a hidden attendee's handle at this event, else a person id the caller may see.
          const byHandle = new Map(recorded.map((id) => [handle(event.id, id), id] as const));
          ids = [];
          const at = new Map<string, number>();
          for (const [i, ref] of body.attendees.entries()) {
            let id = HIDDEN_REF.test(ref) ? byHandle.get(ref) : undefined;
            if (id === undefined) {
              const p = graph.person(ref);
              if (!p || !canSeePerson(caller, p)) {
                throw new ApiError('not-found', `no person with id ${JSON.stringify(ref)}${HIDDEN_REF.test(ref) ? ' (or the ref is not one of this event’s attendees)' : ''}`);
              }
              id = p.id;
            }
            const earlier = at.get(id);
            if (earlier !== undefined) {
              throw new ApiError('validation', 'an attendee is named twice', { details: [{ pointer: `/body/attendees/${i}`, detail: `names the same person as /body/attendees/${earlier}` }] });
            }
            at.set(id, i);
            ids.push(id);
          }
          ids.sort();
        }
        const blocked = await blockedPairs(deps, ids);
        const seed = body.seed ?? EVENT_PLAN_DEFAULTS.seed;
        const plan = planEventTables(graph, ids, { now: index.options.now, tableSize: body.tableSize, seed, history: { blocked }, index, event: event.id });
        audit('plan', 'event', event.id);
        for (const id of ids) audit('seat', 'person', id);
        const tables = plan.tables.map((t) => ({
          table: t.table,
          people: t.people.map((p) => shownAs(caller, graph, handle, event.id, p.id)),
          newPairs: t.newPairs,
          crossCommunityPairs: t.crossCommunityPairs,
          goalRelevantPairs: t.goalRelevantPairs,
          value: t.value,
        }));
        return {
          status: 200,
          body: { eventId: event.id, now: index.options.now.toISOString(), attendees: plan.attendees, tableSize: plan.tableSize, seed, tables, objective: plan.objective, randomObjective: plan.randomObjective },
          subjects: ids.filter((id) => canSeePerson(caller, graph.person(id)!)),
        };
      },
    }),
  ];
}
