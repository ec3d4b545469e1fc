/** People: create, read, update, list (coaches see their caseload), subject access export and erasure. */
import { NO_CONSENT, type Consent, type Person } from '@bridgework/graph-core';
import { z } from 'zod';
import { canSeePerson, checkCoachWrite, personFor, personToChange } from '../access.js';
import { recorder, type Caller } from '../auth/permissions.js';
import { decodeCursor, scanPage } from '../http/cursor.js';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import type { Introduction } from '../storage.js';
import {
  IdParamsSchema,
  PeopleQuerySchema,
  PersonCreateSchema,
  PersonOut,
  PersonPatchSchema,
  PersonPutSchema,
  SubjectExportOut,
  pageOf,
} from '../schemas.js';

/** Consent as stored: a change of the yes/no is stamped with the time and the calling key. */
export function consentFrom(input: { introductions: boolean } | undefined, previous: Consent | undefined, caller: Caller, now: Date): Consent {
  if (input === undefined) return previous ?? NO_CONSENT;
  if (previous && previous.introductions === input.introductions && previous.recordedAt !== null) return previous;
  return { introductions: input.introductions, recordedAt: now.toISOString(), recordedBy: recorder(caller) };
}

const stripType = <T extends { type?: unknown }>(n: T): Omit<T, 'type'> => {
  const { type: _type, ...rest } = n;
  return rest;
};

type PersonFields = z.output<typeof PersonPutSchema>;

function build(id: string, fields: PersonFields, previous: Person | undefined, caller: Caller, now: Date): Person {
  const { consent, ...rest } = fields;
  const person: Person = { id, ...rest, consent: consentFrom(consent, previous?.consent, caller, now) };
  // A coach's new member is theirs unless they say otherwise (and they may not say otherwise).
  if (caller.role === 'coach' && previous === undefined && person.coachId === null) person.coachId = caller.coachId;
  return person;
}

export const peopleRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/people',
    tag: 'people',
    summary: 'List people',
    description: 'Cursor-paginated in id order; filters combine. A coach sees only their caseload and the people their members may be introduced to.',
    permission: 'people:read',
    query: PeopleQuerySchema,
    responses: { 200: { description: 'A page of people', schema: pageOf(PersonOut) } },
    handler: async ({ query, caller, deps, audit }) => {
      const keep = (p: Person) =>
        canSeePerson(caller, p) &&
        (query.role === undefined || p.roles.includes(query.role)) &&
        (query.sector === undefined || p.sectors.includes(query.sector)) &&
        (query.goalSector === undefined || p.goals.sectors.includes(query.goalSector)) &&
        (query.area === undefined || p.area === query.area) &&
        (query.coachId === undefined || p.coachId === query.coachId) &&
        (query.consent === undefined || p.consent.introductions === (query.consent === 'true'));
      const page = await scanPage(
        async (after, limit) => (await deps.store.graph.listNodes({ type: 'person', ...(after === undefined ? {} : { after }), limit })).map((n) => stripType(n) as Person),
        keep,
        decodeCursor(query.cursor),
        query.limit,
      );
      for (const p of page.items) audit('list', 'person', p.id);
      return { status: 200, body: page };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/people',
    tag: 'people',
    summary: 'Create a person',
    description: 'Refused with 409 if the id is taken. A coach may create only members of their own caseload. Honours Idempotency-Key.',
    permission: 'people:write',
    body: PersonCreateSchema,
    idempotent: true,
    singleRecord: true,
    responses: { 201: { description: 'Created', schema: PersonOut } },
    handler: async ({ body, caller, deps, audit }) => {
      const { id, ...fields } = body;
      const person = build(id, fields, undefined, caller, deps.now());
      checkCoachWrite(caller, person);
      if (await deps.store.graph.getNode(id)) throw new ApiError('conflict', `the id ${JSON.stringify(id)} is already taken`);
      await deps.store.graph.putPerson(person);
      audit('create', 'person', id);
      return { status: 201, body: person, headers: { Location: `/v1/people/${encodeURIComponent(id)}` }, subjects: [id] };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/people/:id',
    tag: 'people',
    summary: 'Read a person',
    permission: 'people:read',
    params: IdParamsSchema,
    responses: { 200: { description: 'The person', schema: PersonOut } },
    handler: async ({ params, caller, deps, audit }) => {
      audit('read', 'person', params.id);
      return { status: 200, body: await personFor(deps.store.graph, caller, params.id) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/v1/people/:id',
    tag: 'people',
    summary: 'Create or replace a person',
    description: 'Fields left out take their defaults. Consent is restamped only when its yes/no changes.',
    permission: 'people:write',
    params: IdParamsSchema,
    body: PersonPutSchema,
    singleRecord: true,
    responses: { 200: { description: 'Replaced', schema: PersonOut }, 201: { description: 'Created', schema: PersonOut } },
    handler: async ({ params, body, caller, deps, audit }) => {
      const existing = await deps.store.graph.getNode(params.id);
      if (existing && existing.type !== 'person') throw new ApiError('conflict', `the id ${JSON.stringify(params.id)} is a ${existing.type}`);
      const previous = existing ? await personToChange(deps.store.graph, caller, params.id) : undefined;
      const person = build(params.id, body, previous, caller, deps.now());
      checkCoachWrite(caller, person);
      await deps.store.graph.putPerson(person);
      audit(previous ? 'update' : 'create', 'person', params.id);
      return { status: previous ? 200 : 201, body: person, subjects: [params.id] };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/people/:id',
    tag: 'people',
    summary: 'Update some fields of a person',
    permission: 'people:write',
    params: IdParamsSchema,
    body: PersonPatchSchema,
    singleRecord: true,
    responses: { 200: { description: 'Updated', schema: PersonOut } },
    handler: async ({ params, body, caller, deps, audit }) => {
      const previous = await personToChange(deps.store.graph, caller, params.id);
      const patch = body as Partial<PersonFields>;
      const { consent, ...rest } = patch;
      const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      const person: Person = { ...previous, ...defined, id: params.id, consent: consentFrom(consent, previous.consent, caller, deps.now()) };
      checkCoachWrite(caller, person);
      await deps.store.graph.putPerson(person);
      audit('update', 'person', params.id);
      return { status: 200, body: person, subjects: [params.id] };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/v1/people/:id',
    tag: 'people',
    summary: 'Erase a person',
    description:
      'Removes the person, their ties, introductions and impressions and everything derived from them (stored idempotent answers, key bindings); their id in the audit log is ' +
      'replaced by a random pseudonym, and the freed bytes are zeroed in the database file and its write-ahead log.',
    permission: 'people:erase',
    params: IdParamsSchema,
    responses: {
      200: {
        description: 'Erased',
        schema: z.object({
          erased: z.literal(true),
          ties: z.number().int(),
          auditEntries: z.number().int(),
          keys: z.number().int(),
          introductions: z.number().int(),
          introducerOf: z.number().int(),
          impressions: z.number().int(),
          pseudonym: z.string(),
        }),
      },
    },
    handler: async ({ params, deps, audit }) => {
      const node = await deps.store.graph.getNode(params.id);
      if (!node || node.type !== 'person') throw new ApiError('not-found', `no person with id ${JSON.stringify(params.id)}`);
      // Pending read entries naming them are committed first, so erasure pseudonymises them too.
      await deps.audit.flush();
      const r = await deps.store.api.eraseSubject(params.id, deps.now().toISOString());
      audit('erase', 'person', r.pseudonym);
      return {
        status: 200,
        body: {
          erased: true,
          ties: r.ties,
          auditEntries: r.auditEntries,
          keys: r.keys,
          introductions: r.introductions,
          introducerOf: r.introducerOf,
          impressions: r.impressions,
          pseudonym: r.pseudonym,
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/people/:id/export',
    tag: 'people',
    summary: 'Export everything held about a person',
    description: 'Subject access: the person, their ties, their introductions (as either side or introducer), the audit entries about them and any API keys bound to them.',
    permission: 'people:export',
    params: IdParamsSchema,
    responses: { 200: { description: 'Everything held about the person', schema: SubjectExportOut } },
    handler: async ({ params, caller, deps, audit }) => {
      const person = await personFor(deps.store.graph, caller, params.id);
      if (caller.role === 'coach' && person.coachId !== caller.coachId && person.id !== caller.coachId) {
        throw new ApiError('forbidden', 'a coach may export only the members of their own caseload');
      }
      audit('export', 'person', params.id);
      await deps.audit.flush();
      const ties = await deps.store.graph.tiesOf(params.id);
      const records = await deps.store.api.subjectRecords(params.id);
      const introductions = new Map<string, Introduction>();
      for (const by of ['person', 'introducer'] as const) {
        for (let after: string | undefined, page: Introduction[] = []; after === undefined || page.length === 1000; ) {
          page = await deps.store.api.listIntroductions({ [by]: params.id, ...(after === undefined ? {} : { after }), limit: 1000 });
          for (const i of page) introductions.set(i.id, i);
          after = page.at(-1)?.id ?? '';
        }
      }
      const impressions = (await deps.store.api.introductionHistory(params.id)).impressions.map(({ candidateId, count, lastShown }) => ({ candidateId, count, lastShown }));
      return {
        status: 200,
        body: {
          person,
          ties,
          audit: records.audit,
          keys: records.keys,
          introductions: [...introductions.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
          impressions,
          exportedAt: deps.now().toISOString(),
        },
        headers: { 'Cache-Control': 'no-store' },
      };
    },
  }),
];
