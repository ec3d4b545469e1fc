/**
 * `GET /v1/export?format=json|csv|gexf`: the whole graph as a file, written by graph-core's io writers (`toJson`,
 * `toCsvFiles` — text cells formula-protected against CSV injection — and `toGexf`). Admin keys get everything;
 * analyst keys the pseudonymised graph of `/v1/analytics/graph` (people as keyed-hash pseudonyms with roles, sectors
 * and goal sectors only; no events, which would place people at a date and place; ties without dates, provenance or
 * attributes). No other key may export the graph. Every export is audited.
 */
import { NO_CONSENT, toCsvFiles, toGexf, toJson, type GraphData } from '@bridgework/graph-core';
import type { Caller } from '../auth/permissions.js';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AnyRoute, type AppDeps } from '../http/route.js';
import { ExportQuerySchema } from '../schemas.js';
import { pseudonymiser } from './analytics.js';

/** The pseudonymised graph as GraphData the writers take. */
export async function pseudonymisedData(deps: AppDeps, g: GraphData): Promise<GraphData> {
  const hash = await pseudonymiser(deps);
  const pseudonym = new Map(g.people.map((p) => [p.id, hash(p.id)]));
  const orgs = new Set(g.organisations.map((o) => o.id));
  const ref = (id: string) => pseudonym.get(id) ?? (orgs.has(id) ? id : undefined);
  const people = g.people
    .map((p) => {
      const id = pseudonym.get(p.id)!;
      return { id, name: id, roles: p.roles, sectors: p.sectors, skills: [], goals: { sectors: p.goals.sectors, roles: [] }, area: null, coachId: null, consent: NO_CONSENT };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const ties: GraphData['ties'] = [];
  for (const t of g.ties) {
    const source = ref(t.source);
    const target = ref(t.target);
    if (source === undefined || target === undefined) continue;
    ties.push({ source, target, kind: t.kind, strength: t.strength, strengthSource: t.strengthSource, since: null, lastContact: null, provenance: null, attributes: {} });
  }
  ties.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : a.kind < b.kind ? -1 : 1));
  return { people, organisations: g.organisations, events: [], ties };
}

const pseudonymous = (caller: Caller) => caller.role !== 'admin';

export const exportRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/export',
    tag: 'export',
    summary: 'Export the graph as a file',
    description:
      'JSON (the domain JSON format), CSV (one of the four domain CSV files, `file=people|organisations|events|ties`; cells a spreadsheet would run as a formula are prefixed with an apostrophe) ' +
      'or GEXF 1.3 (Gephi). Admin keys: everything. Analyst keys: the pseudonymised graph (no names, contact details, areas, skills or events).',
    permission: 'graph:export',
    query: ExportQuerySchema,
    responses: { 200: { description: 'The file (application/json, text/csv or application/gexf+xml)' } },
    handler: async ({ query, caller, deps, audit }) => {
      if (query.format === 'csv' && query.file === undefined) {
        throw new ApiError('validation', 'a CSV export names one of its four files', { details: [{ pointer: '/query/file', detail: 'required with format=csv: people, organisations, events or ties' }] });
      }
      if (query.format !== 'csv' && query.file !== undefined) {
        throw new ApiError('validation', 'file is only for format=csv', { details: [{ pointer: '/query/file', detail: 'only with format=csv' }] });
      }
      const all = await deps.store.graph.exportData();
      const data = pseudonymous(caller) ? await pseudonymisedData(deps, all) : all;
      audit('export', 'graph', null);
      const stem = pseudonymous(caller) ? 'bridgework-pseudonymised' : 'bridgework';
      const file = (name: string, type: string, text: string) => ({
        status: 200,
        raw: { type, text },
        headers: { 'Content-Disposition': `attachment; filename="${name}"`, 'X-Content-Type-Options': 'nosniff' },
      });
      if (query.format === 'json') return file(`${stem}.json`, 'application/json; charset=utf-8', toJson(data));
      if (query.format === 'gexf') return file(`${stem}.gexf`, 'application/gexf+xml; charset=utf-8', toGexf(data, { lastModified: deps.now().toISOString().slice(0, 10) }));
      const files = toCsvFiles(data);
      return file(`${stem}-${query.file!}.csv`, 'text/csv; charset=utf-8', files[`${query.file!}.csv`]);
    },
  }),
];
