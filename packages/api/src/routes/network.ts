/**
 * What the web app draws: the whole network as a map for analysts, and a coach's caseload at a glance.
 *
 * - `GET /v1/analytics/network`: every person and organisation of the analysed network (graph-core's `analyzeDomain`:
 *   ties decayed to the day, shared events as weak ties) with its Louvain community, betweenness (Freeman 1977, by
 *   Brandes 2001), Burt's (1992) constraint, share of weak ties (Granovetter 1973), broker and isolate flags, and a
 *   ForceAtlas2 position (Jacomy et al. 2014), so a browser can draw it at once without laying it out itself; the ties
 *   as index pairs with their decayed strength. Analyst and service keys see people only as the keyed-hash pseudonyms
 *   of the other pseudonymised views, with roles and sectors, never names or areas; admin keys see ids, names and
 *   areas. Not for coaches (it is about everyone).
 * - `GET /v1/analytics/caseload`: for each member of a coach's caseload, the ego report's size, constraint and sectors
 *   within two steps, plus the share of their ties that are weak — the network health a coach scans — and the same a
 *   month ago. Admin keys may name any coach (`coachId`) or see every member; pseudonymous keys may not (it names people).
 * - `GET /v1/analytics/people/{id}/history`: a member's health today and each month back (graph-core's `egoHistory`),
 *   for their coach and admins.
 *
 * Both are read-only and read the analysis snapshot they share with routes/analytics.ts (once per graph version and
 * day; the layout on first use).
 */
import { egoReport, IdSchema, PersonRoleSchema, SectorSchema } from '@bridgework/graph-core';
import { z } from 'zod';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { canSeePerson, isOwnMember, notFound } from '../access.js';
import { EmptyQuerySchema, IdParamsSchema } from '../schemas.js';
import { analysisSnapshots, HISTORY_MONTHS, pseudonymiser, pseudonymous } from './analytics.js';

/** Layout of the network map (the shared analysis snapshot computes it on first use). */
export { LAYOUT_DEFAULTS as NETWORK_DEFAULTS } from './analytics.js';

const NetworkNodeOut = z.object({
  id: z.string().meta({ description: 'Person id (admin) or pseudonym (analyst, service); organisation id.' }),
  type: z.enum(['person', 'organisation']),
  label: z.string().meta({ description: 'Name (admin; organisations for everyone) or the pseudonym.' }),
  roles: z.array(PersonRoleSchema),
  sectors: z.array(SectorSchema).meta({ description: 'A person’s sectors; an organisation’s one sector.' }),
  area: z.string().nullable().meta({ description: 'Organisations’ area; people’s for admin keys only.' }),
  community: z.number().int(),
  degree: z.number().int(),
  betweenness: z.number(),
  constraint: z.number().nullable(),
  weakTieShare: z.number().nullable(),
  broker: z.boolean(),
  isolate: z.boolean(),
  x: z.number(),
  y: z.number(),
});

export const NetworkOut = z
  .object({
    now: z.string(),
    scope: z.enum(['named', 'pseudonymised']),
    nodes: z.array(NetworkNodeOut),
    edges: z.array(z.tuple([z.number().int(), z.number().int(), z.number()])).meta({ description: '[source index, target index, strength] into nodes.' }),
  })
  .meta({ id: 'Network' });

const HealthPointOut = z
  .object({
    date: z.string(),
    size: z.number().int(),
    weakTieShare: z.number().nullable(),
    constraint: z.number().nullable(),
    sectorsTwoSteps: z.array(SectorSchema),
    tiesGained: z.number().int().meta({ description: 'Contacts who were not contacts at the previous point (new recorded ties and people met at events); 0 at the first point.' }),
  })
  .meta({ id: 'HealthPoint' });

export const CaseloadOut = z
  .object({
    now: z.string(),
    members: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        coachId: z.string().nullable(),
        size: z.number().int(),
        weakTieShare: z.number().nullable(),
        constraint: z.number().nullable(),
        sectorsTwoSteps: z.array(SectorSchema),
        community: z.number().int(),
        lastMonth: HealthPointOut.nullable().meta({ description: 'The same measures a month ago (the network as it stood then), to show the change.' }),
      }),
    ),
  })
  .meta({ id: 'Caseload' });

export const HistoryOut = z
  .object({
    id: z.string(),
    now: z.string(),
    points: z.array(HealthPointOut).meta({ description: 'Oldest first; the last point is today.' }),
  })
  .meta({ id: 'NetworkHistory' });

const CaseloadQuerySchema = z.strictObject({ coachId: IdSchema.optional() });

const finite = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

export function networkRoutes(snapshot = analysisSnapshots()): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/analytics/network',
      tag: 'analytics',
      summary: 'The network map',
      description:
        'Every person and organisation with community, betweenness, constraint, share of weak ties, broker and isolate flags and a ForceAtlas2 position; ' +
        'the ties as index pairs with strength. Analyst and service keys: people as pseudonyms, with roles and sectors only. Not for coaches.',
      permission: 'analytics:read',
      query: EmptyQuerySchema,
      responses: { 200: { description: 'The network', schema: NetworkOut } },
      handler: async ({ caller, deps }) => {
        if (caller.role === 'coach') throw new ApiError('forbidden', 'the network map is about everyone: it is for analysts; a coach reads their own caseload');
        const snap = await snapshot(deps);
        const m = snap.analysis.measures;
        const g = m.graph;
        const hash = pseudonymous(caller) ? await pseudonymiser(deps) : undefined;
        const brokers = new Set((snap.analysis.json.brokers ?? []).map((b) => b.id));
        const isolates = new Set((snap.analysis.json.isolates ?? []).map((b) => b.id));
        const layout = snap.layout();
        const nodes = [];
        for (let i = 0; i < g.n; i++) {
          const id = g.ids[i]!;
          const node = snap.domain.node(id);
          const info = snap.analysis.json.info?.[id];
          const common = {
            community: m.partition.communities[i]!,
            degree: m.degree[i]!,
            betweenness: m.betweenness[i]!,
            constraint: finite(m.holes.constraint[i]),
            weakTieShare: info?.weakTieShare ?? null,
            broker: brokers.has(id),
            isolate: isolates.has(id),
            x: layout[2 * i]!,
            y: layout[2 * i + 1]!,
          };
          if (node?.type === 'organisation') {
            nodes.push({ id, type: 'organisation' as const, label: node.name, roles: [], sectors: [node.sector], area: node.area, ...common });
          } else if (node?.type === 'person') {
            const shown = hash ? hash(id) : id;
            nodes.push({ id: shown, type: 'person' as const, label: hash ? shown : node.name, roles: [...node.roles], sectors: [...node.sectors], area: hash ? null : node.area, ...common });
          }
        }
        const edges: [number, number, number][] = [];
        for (let u = 0; u < g.n; u++) {
          for (let e = g.offsets[u]!; e < g.offsets[u + 1]!; e++) {
            const v = g.neighbours[e]!;
            if (u < v) edges.push([u, v, Math.round(g.weights[e]! * 1e4) / 1e4]);
          }
        }
        return { status: 200, body: { now: snap.now.toISOString(), scope: hash ? 'pseudonymised' : 'named', nodes, edges } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/analytics/caseload',
      tag: 'analytics',
      summary: 'A caseload’s network health',
      description:
        'For each member of the caseload: the size of their network, the share of their ties that are weak, their constraint and the sectors within two steps. ' +
        'A coach: their own members. Admin: the members of `coachId`, or every member. Not for analyst or service keys (it names people).',
      permission: 'analytics:read',
      query: CaseloadQuerySchema,
      responses: { 200: { description: 'The caseload', schema: CaseloadOut } },
      handler: async ({ query, caller, deps, audit }) => {
        if (pseudonymous(caller)) throw new ApiError('forbidden', 'a caseload names people: it is for coaches and admins');
        let coachId = query.coachId;
        if (caller.role === 'coach') {
          if (coachId !== undefined && coachId !== caller.coachId) throw new ApiError('forbidden', 'a coach reads their own caseload only');
          coachId = caller.coachId ?? undefined;
          if (coachId === undefined) throw new ApiError('forbidden', 'this coach key is not bound to a coach');
        }
        const snap = await snapshot(deps);
        const m = snap.analysis.measures;
        const g = m.graph;
        const members = [];
        for (const p of snap.domain.people()) {
          if (!p.roles.includes('member')) continue;
          if (coachId !== undefined && p.coachId !== coachId) continue;
          const i = g.indexOf(p.id);
          if (i < 0) continue;
          const report = egoReport(g, i, { facts: snap.facts, communities: m.partition.communities, constraint: m.holes.constraint, effectiveSize: m.holes.effectiveSize });
          members.push({
            id: p.id,
            name: p.name,
            coachId: p.coachId,
            size: report.size,
            weakTieShare: snap.analysis.json.info?.[p.id]?.weakTieShare ?? null,
            constraint: report.constraint,
            sectorsTwoSteps: report.sectors.twoSteps,
            community: report.community,
          });
        }
        const lastMonth = snap.history(members.map((mb) => mb.id), 1);
        const withHistory = members.map((mb) => ({ ...mb, lastMonth: lastMonth[mb.id]![0]! }));
        withHistory.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
        for (const mb of withHistory) audit('health', 'person', mb.id);
        return { status: 200, body: { now: snap.now.toISOString(), members: withHistory } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/analytics/people/:id/history',
      tag: 'analytics',
      summary: 'A member’s progress over time',
      description:
        `A member's network health today and at each of the ${HISTORY_MONTHS} months before — contacts, share of weak ties, constraint, sectors within two steps and ties gained — ` +
        'each from the network as it stood on that date (ties from their since-date, events from their date; a tie with no since-date counts as always there). ' +
        'A coach: their own members. Admin: any member. Not for analyst or service keys (it follows one named person).',
      permission: 'analytics:read',
      params: IdParamsSchema,
      query: EmptyQuerySchema,
      responses: { 200: { description: 'The history', schema: HistoryOut } },
      handler: async ({ params, caller, deps, audit }) => {
        if (pseudonymous(caller)) throw new ApiError('forbidden', 'a member’s history follows a named person: it is for their coach and admins');
        const snap = await snapshot(deps);
        const p = snap.domain.person(params.id);
        if (!p || (caller.role === 'coach' && !canSeePerson(caller, p))) throw notFound('person', params.id);
        if (caller.role === 'coach' && !isOwnMember(caller, p)) throw new ApiError('forbidden', 'a coach reads the history of their own members only');
        if (!p.roles.includes('member')) throw new ApiError('not-found', `person ${JSON.stringify(p.id)} is not a member: history is kept for members`);
        const points = snap.history([p.id])[p.id]!;
        audit('history', 'person', p.id);
        return { status: 200, body: { id: p.id, now: snap.now.toISOString(), points } };
      },
    }),
  ];
}
