/** The typed client against a real server: every operation of /openapi.json has a method, and the calls work. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { BridgeworkApiError, BridgeworkClient, OPERATIONS } from './index.js';

let t: TestServer;
let admin: BridgeworkClient;
beforeAll(async () => {
  t = await startTestServer();
  admin = new BridgeworkClient({ baseUrl: `${t.url}/`, apiKey: t.keys.admin });
});
afterAll(async () => {
  await t.stop();
});

describe('the typed client', () => {
  it('has a method for every operation in the OpenAPI document, with the same HTTP method and path, and nothing else', async () => {
    const doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const client = Object.values(OPERATIONS)
      .map((op) => `${op.method} ${op.path}`)
      .sort();
    expect(client).toEqual(served);
    expect(served.length).toBeGreaterThanOrEqual(44);
    for (const name of Object.keys(OPERATIONS)) expect([name, typeof (admin as unknown as Record<string, unknown>)[name]]).toEqual([name, 'function']);
  });

  it('reads, writes and walks the introduction lifecycle through typed calls', async () => {
    const page = await admin.listPeople({ role: 'member', limit: 2 });
    expect(page.items.map((p) => p.id)).toEqual(['m-1', 'm-2']);
    expect(page.nextCursor).not.toBeNull();
    const rest = await admin.listPeople({ role: 'member', cursor: page.nextCursor! });
    expect(rest.items.map((p) => p.id)).toEqual(['m-3']);

    const made = await admin.createPerson({ id: 'cl-1', name: 'Client Made', roles: ['member'], coachId: 'c-1', consent: { introductions: true } }, { idempotencyKey: 'client-1' });
    expect(made.consent).toMatchObject({ introductions: true, recordedBy: `api-key:${t.keyIds.admin}` });
    expect((await admin.patchPerson('cl-1', { area: 'North' })).area).toBe('North');
    const tie = await admin.createTie({ source: 'cl-1', target: 'e-1', kind: 'knows', strength: 0.5 });
    expect((await admin.getTie({ source: tie.source, kind: tie.kind, target: tie.target })).strength).toBeCloseTo(0.5, 10);

    const coach = new BridgeworkClient({ baseUrl: t.url, apiKey: t.keys.coach });
    const intro = await coach.proposeIntroduction({ personId: 'm-1', targetId: 'e-1', introducerIds: [] });
    expect(intro.status).toBe('proposed');
    await coach.answerIntroduction(intro.id, { side: 'person', answer: 'accept' });
    expect((await coach.answerIntroduction(intro.id, { side: 'target', answer: 'accept' })).status).toBe('accepted');
    expect((await coach.markIntroductionMade(intro.id)).status).toBe('made');
    expect((await coach.recordIntroductionOutcome(intro.id, { outcome: 'interview' })).outcome).toBe('interview');
    expect((await coach.listIntroductions({ person: 'm-1' })).items.map((i) => i.id)).toEqual([intro.id]);

    const analyst = new BridgeworkClient({ baseUrl: t.url, apiKey: t.keys.analyst });
    expect((await analyst.analyticsSummary()).minimumGroupSize).toBe(5);
    const csv = await admin.exportGraph({ format: 'csv', file: 'organisations' });
    expect(csv.split(/\r?\n/)[0]).toBe('id,name,sector,size,area,hiring');
    expect((await admin.queryAudit({ target: 'cl-1', action: 'create', resource: 'person' })).items).toHaveLength(1);
  });

  it('turns error answers into BridgeworkApiError with the problem, the 409 state included', async () => {
    const coach = new BridgeworkClient({ baseUrl: t.url, apiKey: t.keys.coach });
    const e = await coach.getPerson('m-3').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BridgeworkApiError);
    expect(e).toMatchObject({ status: 404, code: 'not-found', operation: 'getPerson' });
    const intro = (await admin.listIntroductions({ person: 'm-1' })).items[0]!;
    const late = await admin.withdrawIntroduction(intro.id).catch((x: unknown) => x as BridgeworkApiError);
    expect(late).toMatchObject({ status: 409, problem: { code: 'conflict', state: 'closed' } });
    const bad = (await admin.listPeople({ limit: 0 }).catch((x: unknown) => x)) as BridgeworkApiError;
    expect(bad.problem.errors).toEqual([{ pointer: '/query/limit', detail: 'must be a whole number in [1, 500]' }]);
    const nobody = new BridgeworkClient({ baseUrl: t.url, apiKey: 'bw_0000000000000000_nope' });
    expect(await nobody.listPeople().catch((x: unknown) => (x as BridgeworkApiError).status)).toBe(401);
  });
});
