/** Organisations and events: not personal data, so every role with the permission sees all of them. */
import type { Event, GraphStore, NodeType, Organisation } from '@bridgework/graph-core';
import type { z } from 'zod';
import { notFound } from '../access.js';
import { decodeCursor, scanPage } from '../http/cursor.js';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import {
  EventCreateSchema,
  EventOut,
  EventPatchSchema,
  EventPutSchema,
  EventsQuerySchema,
  IdParamsSchema,
  OrganisationCreateSchema,
  OrganisationOut,
  OrganisationPatchSchema,
  OrganisationPutSchema,
  OrganisationsQuerySchema,
  pageOf,
} from '../schemas.js';

interface Kind<T extends { id: string }> {
  type: Exclude<NodeType, 'person'>;
  plural: 'organisations' | 'events';
  label: string;
  create: z.ZodType<T>;
  put: z.ZodType;
  patch: z.ZodType;
  out: z.ZodType;
  query: z.ZodType;
  keep: (item: T, query: Record<string, string | undefined>) => boolean;
  write: (graph: GraphStore, item: T) => Promise<unknown>;
}

async function load<T>(graph: GraphStore, type: NodeType, label: string, id: string): Promise<T> {
  const node = await graph.getNode(id);
  if (!node || node.type !== type) throw notFound(label, id);
  const { type: _type, ...rest } = node;
  return rest as T;
}

function routesFor<T extends { id: string }>(k: Kind<T>): AnyRoute[] {
  const base = `/v1/${k.plural}`;
  const read = `${k.plural}:read` as const;
  const write = `${k.plural}:write` as const;
  const label = k.label;
  return [
    defineRoute({
      method: 'get',
      path: base,
      tag: k.plural,
      summary: `List ${k.plural}`,
      permission: read,
      query: k.query,
      responses: { 200: { description: `A page of ${k.plural}`, schema: pageOf(k.out) } },
      handler: async ({ query, deps }) => {
        const q = query as Record<string, string | undefined> & { cursor?: string; limit: number };
        const page = await scanPage(
          async (after, limit) =>
            (await deps.store.graph.listNodes({ type: k.type, ...(after === undefined ? {} : { after }), limit })).map((n) => {
              const { type: _type, ...rest } = n;
              return rest as unknown as T;
            }),
          (item) => k.keep(item, q),
          decodeCursor(q.cursor),
          q.limit,
        );
        return { status: 200, body: page };
      },
    }),
    defineRoute({
      method: 'post',
      path: base,
      tag: k.plural,
      summary: `Create an ${label}`,
      permission: write,
      body: k.create,
      idempotent: true,
      singleRecord: true,
      responses: { 201: { description: 'Created', schema: k.out } },
      handler: async ({ body, deps, audit }) => {
        const item = body as T;
        if (await deps.store.graph.getNode(item.id)) throw new ApiError('conflict', `the id ${JSON.stringify(item.id)} is already taken`);
        await k.write(deps.store.graph, item);
        audit('create', k.type, item.id);
        return { status: 201, body: item, headers: { Location: `${base}/${encodeURIComponent(item.id)}` } };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/:id`,
      tag: k.plural,
      summary: `Read an ${label}`,
      permission: read,
      params: IdParamsSchema,
      responses: { 200: { description: `The ${label}`, schema: k.out } },
      handler: async ({ params, deps }) => ({ status: 200, body: await load<T>(deps.store.graph, k.type, label, params.id) }),
    }),
    defineRoute({
      method: 'put',
      path: `${base}/:id`,
      tag: k.plural,
      summary: `Create or replace an ${label}`,
      permission: write,
      params: IdParamsSchema,
      body: k.put,
      singleRecord: true,
      responses: { 200: { description: 'Replaced', schema: k.out }, 201: { description: 'Created', schema: k.out } },
      handler: async ({ params, body, deps, audit }) => {
        const existing = await deps.store.graph.getNode(params.id);
        if (existing && existing.type !== k.type) throw new ApiError('conflict', `the id ${JSON.stringify(params.id)} is a ${existing.type}`);
        const item = { ...(body as object), id: params.id } as T;
        await k.write(deps.store.graph, item);
        audit(existing ? 'update' : 'create', k.type, params.id);
        return { status: existing ? 200 : 201, body: item };
      },
    }),
    defineRoute({
      method: 'patch',
      path: `${base}/:id`,
      tag: k.plural,
      summary: `Update some fields of an ${label}`,
      permission: write,
      params: IdParamsSchema,
      body: k.patch,
      singleRecord: true,
      responses: { 200: { description: 'Updated', schema: k.out } },
      handler: async ({ params, body, deps, audit }) => {
        const previous = await load<T>(deps.store.graph, k.type, label, params.id);
        const defined = Object.fromEntries(Object.entries(body as object).filter(([, v]) => v !== undefined));
        const item = { ...previous, ...defined, id: params.id } as T;
        await k.write(deps.store.graph, item);
        audit('update', k.type, params.id);
        return { status: 200, body: item };
      },
    }),
    defineRoute({
      method: 'delete',
      path: `${base}/:id`,
      tag: k.plural,
      summary: `Delete an ${label} and its ties`,
      permission: write,
      params: IdParamsSchema,
      responses: { 204: { description: 'Deleted' } },
      handler: async ({ params, deps, audit }) => {
        await load<T>(deps.store.graph, k.type, label, params.id);
        await deps.store.graph.deleteNode(params.id);
        audit('delete', k.type, params.id);
        return { status: 204 };
      },
    }),
  ];
}

export const placeRoutes: AnyRoute[] = [
  ...routesFor<Organisation>({
    type: 'organisation',
    plural: 'organisations',
    label: 'organisation',
    create: OrganisationCreateSchema,
    put: OrganisationPutSchema,
    patch: OrganisationPatchSchema,
    out: OrganisationOut,
    query: OrganisationsQuerySchema,
    keep: (o, q) =>
      (q.sector === undefined || o.sector === q.sector) &&
      (q.area === undefined || o.area === q.area) &&
      (q.hiring === undefined || o.hiring === (q.hiring === 'true')),
    write: (g, o) => g.putOrganisation(o),
  }),
  ...routesFor<Event>({
    type: 'event',
    plural: 'events',
    label: 'event',
    create: EventCreateSchema,
    put: EventPutSchema,
    patch: EventPatchSchema,
    out: EventOut,
    query: EventsQuerySchema,
    keep: (e, q) =>
      (q.kind === undefined || e.kind === q.kind) &&
      (q.area === undefined || e.area === q.area) &&
      (q.from === undefined || e.date.slice(0, 10) >= q.from) &&
      (q.to === undefined || e.date.slice(0, 10) <= q.to),
    write: (g, e) => g.putEvent(e),
  }),
];
