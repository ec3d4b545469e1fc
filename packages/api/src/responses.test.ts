/**
 * Every answer matches its declared schema: each GET route, asked by every kind of caller it serves on the demo town,
 * answers a body that its OpenAPI response schema accepts, with no field the schema does not declare. The web app's
 * types and other services' clients are generated from those schemas; an answer that drifts from them breaks a
 * client that trusted the document.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateDemoTown, type GraphData } from '@bridgework/graph-core';
import { largestCaseload } from '@bridgework/graph-core/testing';
import { ROUTES } from './app.js';
import { issueKey } from './auth/keys.js';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer;
let town: GraphData;
let coachKey: string;
let member: string;
let introductionId: string;

beforeAll(async () => {
  t = await startTestServer({ seed: false, server: { now: () => new Date('2026-11-02T09:00:00Z') } });
  town = generateDemoTown({ seed: 42 });
  await t.server.store.graph.applyBatch(town);
  const caseload = largestCaseload(town);
  member = caseload.members[0]!;
  coachKey = (await issueKey(t.server.store.api, { role: 'coach', coachId: caseload.coachId }, () => new Date())).key;
  const suggestions = await t.call('GET', `/v1/people/${member}/suggestions`, { key: coachKey });
  const first = suggestions.body.suggestions[0];
  const made = await t.call('POST', '/v1/introductions', { key: coachKey, body: { personId: member, targetId: first.id, introducerIds: first.introducers.map((i: { id: string }) => i.id) } });
  expect(made.status).toBe(201);
  introductionId = made.body.id;
});
afterAll(async () => {
  await t.stop();
});

/** The route's path with its parameters filled from the demo town. */
function pathOf(template: string): string {
  const tie = town.ties.find((x) => x.source === member || x.target === member)!;
  const byParam: Record<string, Record<string, string>> = {
    '/v1/organisations/:id': { id: town.organisations[0]!.id },
    '/v1/events/:id': { id: town.events[0]!.id },
    '/v1/events/:id/attendees': { id: town.events[0]!.id },
    '/v1/introductions/:id': { id: introductionId },
    '/v1/ties/:source/:kind/:target': { source: tie.source, kind: tie.kind, target: tie.target },
  };
  const values = byParam[template] ?? { id: member };
  return template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name]!));
}

const GETS = ROUTES.filter((r) => r.method === 'get' && r.responses[200]?.schema);

describe('the answers of the API', () => {
  it('cover every GET route with a declared answer', () => {
    expect(GETS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(GETS.map((r) => [r.path, r] as const))('GET %s answers what its schema declares, for every caller it serves', async (_, route) => {
    const path = pathOf(route.path);
    const schema = route.responses[200]!.schema!;
    let served = 0;
    for (const key of ['admin', 'analyst', coachKey, 'service'] as const) {
      const r = await t.call('GET', path, { key });
      // Not this caller's to see: refused, or (an analyst asking by a real person's id) not found.
      if (r.status === 403 || (r.status === 404 && key === 'analyst')) continue;
      expect({ caller: key === coachKey ? 'coach' : key, status: r.status }).toEqual({ caller: key === coachKey ? 'coach' : key, status: 200 });
      const parsed = schema.safeParse(r.body);
      if (!parsed.success) throw new Error(`GET ${path} as ${key === coachKey ? 'coach' : key}: ${parsed.error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`).join('; ')}`);
      // zod drops the fields a schema does not declare: the answer had none when nothing was dropped.
      expect(parsed.data).toEqual(r.body);
      served++;
    }
    expect(served).toBeGreaterThan(0);
    expect((await t.call('GET', path, { key: 'admin' })).status).toBe(200);
  });
});
