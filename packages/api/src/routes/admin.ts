/** Bulk import, the audit log and API keys. */
import type { Person } from '@bridgework/graph-core';
import { z } from 'zod';
import { issueKey } from '../auth/keys.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { AuditOut, AuditQuerySchema, BatchResultOut, ImportSchema, KeyCreateSchema, KeyIdParamsSchema, KeyOut, NewKeyOut, pageOf } from '../schemas.js';
import { consentFrom } from './people.js';

export const adminRoutes: AnyRoute[] = [
  defineRoute({
    method: 'post',
    path: '/v1/import',
    tag: 'import',
    summary: 'Import people, organisations, events and ties in one transaction',
    description:
      'All or nothing: every problem is reported (with its JSON path) and nothing is written, or everything is committed before the answer. ' +
      'Readers never see half an import. Records are upserts by id (ties by source, kind, target). Honours Idempotency-Key.',
    permission: 'import',
    body: ImportSchema,
    bodyLimit: 'import',
    idempotent: true,
    responses: { 200: { description: 'Committed', schema: BatchResultOut } },
    handler: async ({ body, caller, deps, audit }) => {
      const now = deps.now();
      const existing = new Map<string, Person>();
      for (const p of body.people) {
        const n = await deps.store.graph.getNode(p.id);
        if (n?.type === 'person') existing.set(p.id, n);
      }
      const people: Person[] = body.people.map(({ consent, ...rest }) => ({ ...rest, consent: consentFrom(consent, existing.get(rest.id)?.consent, caller, now) }));
      const result = await deps.store.graph.applyBatch({ ...body, people });
      audit('import', 'batch', null);
      return { status: 200, body: result };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/audit',
    tag: 'audit',
    summary: 'Query the audit log',
    description: 'Who read, changed, exported or erased whom, oldest first. Filters combine.',
    permission: 'audit:read',
    query: AuditQuerySchema,
    responses: { 200: { description: 'A page of audit entries', schema: pageOf(AuditOut) } },
    handler: async ({ query, deps }) => {
      await deps.audit.flush();
      const cursor = decodeCursor(query.cursor);
      if (cursor !== undefined && !/^\d{1,15}$/.test(cursor)) throw new ApiError('validation', 'the cursor is not one this API returned');
      const { cursor: _c, limit, ...filters } = query;
      const rows = await deps.store.api.queryAudit({ ...filters, ...(cursor === undefined ? {} : { after: Number(cursor) }), limit: limit + 1 });
      const items = rows.slice(0, limit);
      const nextCursor = rows.length > limit ? encodeCursor(String(items[items.length - 1]!.seq)) : null;
      return { status: 200, body: { items, nextCursor } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/keys',
    tag: 'keys',
    summary: 'List API keys',
    permission: 'keys:admin',
    responses: { 200: { description: 'Every key (never their secrets)', schema: z.object({ items: z.array(KeyOut) }) } },
    handler: async ({ deps }) => ({ status: 200, body: { items: await deps.store.api.listKeys() } }),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/keys',
    tag: 'keys',
    summary: 'Create an API key',
    description: 'The answer carries the secret key once; only its hash is stored.',
    permission: 'keys:admin',
    body: KeyCreateSchema,
    singleRecord: true,
    responses: { 201: { description: 'Created', schema: NewKeyOut } },
    handler: async ({ body, deps, audit }) => {
      if (body.role === 'coach') {
        const coach = body.coachId === undefined ? undefined : await deps.store.graph.getNode(body.coachId);
        if (!coach || coach.type !== 'person') {
          throw new ApiError('validation', 'a coach key needs the id of an existing person', { details: [{ pointer: '/body/coachId', detail: 'must be the id of an existing person' }] });
        }
      }
      const { info, key } = await issueKey(deps.store.api, { role: body.role, coachId: body.coachId ?? null, name: body.name ?? null, scopes: body.scopes ?? [] }, deps.now);
      audit('create', 'key', info.id);
      return { status: 201, body: { ...info, key }, headers: { 'Cache-Control': 'no-store' } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/v1/keys/:id',
    tag: 'keys',
    summary: 'Revoke an API key',
    permission: 'keys:admin',
    params: KeyIdParamsSchema,
    responses: { 204: { description: 'Revoked' } },
    handler: async ({ params, deps, audit }) => {
      if (!(await deps.store.api.revokeKey(params.id, deps.now().toISOString()))) throw new ApiError('not-found', `no live key with id ${params.id}`);
      audit('revoke', 'key', params.id);
      return { status: 204 };
    },
  }),
];
