/** Ties between people, organisations and events. A coach sees and changes the ties of their caseload only. */
import { canonicalTie, type GraphStore, type NodeRecord, type Tie, type TieKind } from '@bridgework/graph-core';
import { canSeeNode, inCaseload, notFound } from '../access.js';
import { recorder, type Caller } from '../auth/permissions.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { TieCreateSchema, TieOut, TieParamsSchema, TiePatchSchema, TiePutSchema, TiesQuerySchema, pageOf } from '../schemas.js';

const SEP = '\u001f';
const keyOf = (t: Pick<Tie, 'source' | 'kind' | 'target'>) => `${t.source}${SEP}${t.kind}${SEP}${t.target}`;

/** Node lookups for one request. */
function nodes(graph: GraphStore) {
  const cache = new Map<string, Promise<NodeRecord | undefined>>();
  return (id: string) => {
    let p = cache.get(id);
    if (!p) cache.set(id, (p = graph.getNode(id)));
    return p;
  };
}

/** Whether the caller may see a tie: for a coach, one end in their caseload and the other visible to them. */
async function canSeeTie(caller: Caller, t: Pick<Tie, 'source' | 'target'>, node: (id: string) => Promise<NodeRecord | undefined>): Promise<boolean> {
  if (caller.role !== 'coach') return true;
  const [s, d] = await Promise.all([node(t.source), node(t.target)]);
  return (inCaseload(caller, s) && canSeeNode(caller, d)) || (inCaseload(caller, d) && canSeeNode(caller, s));
}

async function personEnds(t: Pick<Tie, 'source' | 'target'>, node: (id: string) => Promise<NodeRecord | undefined>): Promise<string[]> {
  const ends: string[] = [];
  for (const id of [t.source, t.target]) if ((await node(id))?.type === 'person') ends.push(id);
  return ends;
}

const tieName = (t: Pick<Tie, 'source' | 'kind' | 'target'>) => `${t.source} ${t.kind} ${t.target}`;

async function tieFor(graph: GraphStore, caller: Caller, p: { source: string; kind: TieKind; target: string }): Promise<Tie> {
  const node = nodes(graph);
  const t = await graph.getTie(p.source, p.target, p.kind);
  if (!t || !(await canSeeTie(caller, t, node))) throw notFound('tie', tieName(p));
  return t;
}

export const tieRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/ties',
    tag: 'ties',
    summary: 'List ties',
    description: 'All ties (in key order), or those of one node (`node`, or `person`); filter by kind.',
    permission: 'ties:read',
    query: TiesQuerySchema,
    responses: { 200: { description: 'A page of ties', schema: pageOf(TieOut) } },
    handler: async ({ query, caller, deps, audit }) => {
      const graph = deps.store.graph;
      const node = nodes(graph);
      const of = query.node ?? query.person;
      if (query.node !== undefined && query.person !== undefined && query.node !== query.person) {
        throw new ApiError('validation', 'give node or person, not both', { details: [{ pointer: '/query/person', detail: 'give node or person, not both' }] });
      }
      let ties: Tie[];
      if (of !== undefined) {
        const n = await node(of);
        if (!n || (query.person !== undefined && n.type !== 'person') || !canSeeNode(caller, n)) throw notFound(query.person ? 'person' : 'node', of);
        if (n.type === 'person') audit('list', 'tie', of);
        ties = await graph.tiesOf(of);
      } else {
        if (caller.role === 'coach') throw new ApiError('forbidden', 'a coach lists ties one person at a time (?person=ID)');
        ties = (await graph.exportData()).ties;
      }
      const after = decodeCursor(query.cursor);
      const items: Tie[] = [];
      let nextCursor: string | null = null;
      for (const t of ties) {
        if (after !== undefined && keyOf(t) <= after) continue;
        if (query.kind !== undefined && t.kind !== query.kind) continue;
        if (!(await canSeeTie(caller, t, node))) continue;
        if (items.length === query.limit) {
          nextCursor = encodeCursor(keyOf(items[items.length - 1]!));
          break;
        }
        items.push(t);
      }
      return { status: 200, body: { items, nextCursor } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/ties',
    tag: 'ties',
    summary: 'Create a tie',
    description: 'Refused with 409 if the tie exists. Provenance defaults to the calling key. Honours Idempotency-Key.',
    permission: 'ties:write',
    body: TieCreateSchema,
    idempotent: true,
    singleRecord: true,
    responses: { 201: { description: 'Created', schema: TieOut } },
    handler: async ({ body, caller, deps, audit }) => {
      const graph = deps.store.graph;
      const node = nodes(graph);
      const tie = canonicalTie({ ...body, provenance: body.provenance ?? recorder(caller) });
      if (caller.role === 'coach') {
        for (const id of [tie.source, tie.target]) if (!canSeeNode(caller, await node(id))) throw notFound('node', id);
        if (!(await canSeeTie(caller, tie, node))) throw new ApiError('forbidden', 'a coach may add ties only to the members of their own caseload');
      }
      if (await graph.getTie(tie.source, tie.target, tie.kind)) throw new ApiError('conflict', `the tie ${tieName(tie)} already exists`);
      await graph.putTie(tie);
      const ends = await personEnds(tie, node);
      for (const id of ends) audit('create', 'tie', id);
      return { status: 201, body: tie, subjects: ends };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/ties/:source/:kind/:target',
    tag: 'ties',
    summary: 'Read a tie',
    permission: 'ties:read',
    params: TieParamsSchema,
    responses: { 200: { description: 'The tie', schema: TieOut } },
    handler: async ({ params, caller, deps }) => ({ status: 200, body: await tieFor(deps.store.graph, caller, params) }),
  }),
  defineRoute({
    method: 'put',
    path: '/v1/ties/:source/:kind/:target',
    tag: 'ties',
    summary: 'Replace a tie',
    permission: 'ties:write',
    params: TieParamsSchema,
    body: TiePutSchema,
    singleRecord: true,
    responses: { 200: { description: 'Replaced', schema: TieOut } },
    handler: async ({ params, body, caller, deps, audit }) => {
      const graph = deps.store.graph;
      const previous = await tieFor(graph, caller, params);
      const tie: Tie = { ...body, source: previous.source, target: previous.target, kind: previous.kind, provenance: body.provenance ?? recorder(caller) };
      await graph.putTie(tie);
      const ends = await personEnds(tie, nodes(graph));
      for (const id of ends) audit('update', 'tie', id);
      return { status: 200, body: tie };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/ties/:source/:kind/:target',
    tag: 'ties',
    summary: 'Update some fields of a tie',
    permission: 'ties:write',
    params: TieParamsSchema,
    body: TiePatchSchema,
    singleRecord: true,
    responses: { 200: { description: 'Updated', schema: TieOut } },
    handler: async ({ params, body, caller, deps, audit }) => {
      const graph = deps.store.graph;
      const previous = await tieFor(graph, caller, params);
      const defined = Object.fromEntries(Object.entries(body as object).filter(([, v]) => v !== undefined));
      const tie: Tie = { ...previous, ...defined };
      await graph.putTie(tie);
      const ends = await personEnds(tie, nodes(graph));
      for (const id of ends) audit('update', 'tie', id);
      return { status: 200, body: tie };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/v1/ties/:source/:kind/:target',
    tag: 'ties',
    summary: 'Delete a tie',
    permission: 'ties:write',
    params: TieParamsSchema,
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ params, caller, deps, audit }) => {
      const graph = deps.store.graph;
      const t = await tieFor(graph, caller, params);
      await graph.deleteTie(t.source, t.target, t.kind);
      for (const id of await personEnds(t, nodes(graph))) audit('delete', 'tie', id);
      return { status: 204 };
    },
  }),
];
