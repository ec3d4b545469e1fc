import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const problem = (r: { status: number; headers: Headers; body: any }, status: number, code: string) => {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, code, type: expect.stringContaining(code) });
  expect(JSON.stringify(r.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
};

describe('operational routes', () => {
  it('answers /healthz and /readyz and sets security headers and a request id', async () => {
    const h = await t.call('GET', '/healthz', { key: null });
    expect(h.status).toBe(200);
    expect(h.body).toEqual({ status: 'ok' });
    expect(h.headers.get('x-content-type-options')).toBe('nosniff');
    expect(h.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(h.headers.get('x-powered-by')).toBeNull();
    expect(h.headers.get('access-control-allow-origin')).toBeNull();
    expect(h.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const r = await t.call('GET', '/readyz', { key: null, headers: { 'x-request-id': 'trace-42' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-request-id')).toBe('trace-42');
  });

  it('counts requests by route template and status in /metrics', async () => {
    await t.call('GET', '/v1/people/m-1');
    await t.call('GET', '/v1/people/nobody');
    const m = await t.call('GET', '/metrics', { key: null });
    expect(m.status).toBe(200);
    expect(m.text).toMatch(/http_requests_total\{method="GET",route="\/v1\/people\/:id",status="200"\} [1-9]/);
    expect(m.text).toMatch(/http_requests_total\{method="GET",route="\/v1\/people\/:id",status="404"\} [1-9]/);
    expect(m.text).toContain('http_request_duration_seconds_bucket');
    expect(m.text).not.toContain('m-1');
  });

  it('publishes an OpenAPI 3.1 document built from the validating schemas, and browsable docs offline', async () => {
    const o = await t.call('GET', '/openapi.json', { key: null });
    expect(o.status).toBe(200);
    expect(o.body.openapi).toBe('3.1.0');
    const post = o.body.paths['/v1/people'].post;
    expect(post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PersonCreate' });
    const create = o.body.components.schemas.PersonCreate;
    expect(create.additionalProperties).toBe(false);
    expect(create.required).toEqual(expect.arrayContaining(['id', 'name']));
    expect(create.properties.consent.properties).toEqual({ introductions: { type: 'boolean' } });
    expect(o.body.paths['/v1/people/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(o.body.paths['/v1/people'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['role', 'sector', 'area', 'cursor', 'limit']),
    );
    expect(post.parameters.some((p: { name: string }) => p.name === 'Idempotency-Key')).toBe(true);
    expect(post.responses['422'].content['application/problem+json']).toBeDefined();
    // Every $ref resolves.
    const refs = [...JSON.stringify(o.body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const r of refs) expect(o.body.components.schemas[r]).toBeDefined();

    const docs = await t.call('GET', '/docs/', { key: null });
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui');
    const init = await t.call('GET', '/docs/swagger-initializer.js', { key: null });
    expect(init.text).toContain("'/openapi.json'");
    expect((await t.call('GET', '/docs/swagger-ui-bundle.js', { key: null })).status).toBe(200);
  });

  it('sends CORS headers only to configured origins', async () => {
    const s = await startTestServer({ seed: false, config: { corsOrigins: ['https://coach.example'] } });
    try {
      const pre = await fetch(`${s.url}/v1/people`, { method: 'OPTIONS', headers: { origin: 'https://coach.example', 'access-control-request-method': 'POST' } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://coach.example');
      expect(pre.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
      const other = await s.call('GET', '/v1/people', { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await s.stop();
    }
    expect((await t.call('GET', '/v1/people', { headers: { origin: 'https://coach.example' } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown routes with a problem, not HTML', async () => {
    problem(await t.call('GET', '/v2/nothing'), 404, 'not-found');
  });
});

describe('people', () => {
  it('creates, reads, patches, replaces and lists people, stamping consent with time and caller', async () => {
    const c = await t.call('POST', '/v1/people', { body: { id: 'n-1', name: 'Nia New', roles: ['volunteer'], consent: { introductions: true } } });
    expect(c.status).toBe(201);
    expect(c.headers.get('location')).toBe('/v1/people/n-1');
    expect(c.body.consent).toMatchObject({ introductions: true, recordedBy: `api-key:${t.keyIds.admin}` });
    expect(Date.parse(c.body.consent.recordedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await t.call('GET', '/v1/people/n-1')).body).toEqual(c.body);

    const p = await t.call('PATCH', '/v1/people/n-1', { body: { area: 'East', skills: ['cooking'] } });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ name: 'Nia New', area: 'East', skills: ['cooking'], roles: ['volunteer'] });
    expect(p.body.consent).toEqual(c.body.consent);

    const r = await t.call('PUT', '/v1/people/n-1', { body: { name: 'Nia Renamed' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'Nia Renamed', roles: [], area: null });
    const created = await t.call('PUT', '/v1/people/n-2', { body: { name: 'Noor' } });
    expect(created.status).toBe(201);

    const dup = await t.call('POST', '/v1/people', { body: { id: 'n-1', name: 'Again' } });
    problem(dup, 409, 'conflict');
    problem(await t.call('PUT', '/v1/people/o-1', { body: { name: 'Org as person' } }), 409, 'conflict');
  });

  it('filters and pages the people list with an opaque cursor', async () => {
    const members = await t.call('GET', '/v1/people?role=member');
    expect(members.body.items.map((p: { id: string }) => p.id)).toEqual(['m-1', 'm-2', 'm-3']);
    const north = await t.call('GET', '/v1/people?area=North&role=member');
    expect(north.body.items.map((p: { id: string }) => p.id)).toEqual(['m-1', 'm-2']);
    expect((await t.call('GET', '/v1/people?goalSector=I')).body.items.map((p: { id: string }) => p.id)).toEqual(['m-1']);
    expect((await t.call('GET', '/v1/people?sector=G')).body.items.map((p: { id: string }) => p.id)).toEqual(['e-2']);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await t.call('GET', `/v1/people?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 20);
    const all = (await t.call('GET', '/v1/people?limit=500')).body.items.map((p: { id: string }) => p.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    problem(await t.call('GET', '/v1/people?cursor=not*a*cursor'), 422, 'validation');
    problem(await t.call('GET', '/v1/people?limit=0'), 422, 'validation');
  });

  it('reports every validation problem with its JSON pointer', async () => {
    const r = await t.call('POST', '/v1/people', { body: { id: ' padded ', name: '', roles: ['astronaut'], goals: { sectors: ['Z'] }, nickname: 'x' } });
    problem(r, 422, 'validation');
    const pointers = r.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/body/goals/sectors/0', '/body/id', '/body/name', '/body/nickname', '/body/roles/0']);
    expect(r.body.errors.find((e: { pointer: string }) => e.pointer === '/body/nickname').detail).toBe('unknown field');
    const q = await t.call('GET', '/v1/people?role=astronaut&colour=blue');
    expect(q.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/query/colour', '/query/role']);
    const ref = await t.call('POST', '/v1/people', { body: { id: 'n-9', name: 'X', coachId: 'c-nobody' } });
    problem(ref, 422, 'validation');
    expect(ref.body.errors[0].pointer).toBe('/body/coachId');
  });

  it('refuses bad JSON, a non-JSON body and an oversized body with problems', async () => {
    problem(await t.call('POST', '/v1/people', { raw: '{"id": "x", ' }), 400, 'parse');
    problem(await t.call('POST', '/v1/people', { raw: '"just a string"' }), 400, 'parse');
    problem(await t.call('POST', '/v1/people', { raw: 'id=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported-media-type');
    problem(await t.call('POST', '/v1/people', { body: { id: 'big', name: 'B', skills: Array.from({ length: 8000 }, (_, i) => `skill number ${i}`) } }), 413, 'too-large');
    problem(await t.call('POST', '/v1/people', { raw: '{"id":"x","name":"y","__proto__":{"roles":["coach"]}}' }), 422, 'validation');
  });
});

describe('organisations, events and ties', () => {
  it('does CRUD on organisations and events with filters', async () => {
    const c = await t.call('POST', '/v1/organisations', { body: { id: 'o-9', name: 'Depot', sector: 'H', hiring: true } });
    expect(c.status).toBe(201);
    expect(c.body).toEqual({ id: 'o-9', name: 'Depot', sector: 'H', size: null, area: null, hiring: true });
    expect((await t.call('GET', '/v1/organisations?hiring=true')).body.items.map((o: { id: string }) => o.id)).toEqual(['o-1', 'o-9']);
    expect((await t.call('PATCH', '/v1/organisations/o-9', { body: { size: 'large' } })).body.size).toBe('large');
    expect((await t.call('PUT', '/v1/organisations/o-9', { body: { name: 'Depot 2', sector: 'H' } })).body).toMatchObject({ name: 'Depot 2', hiring: false });
    expect((await t.call('DELETE', '/v1/organisations/o-9')).status).toBe(204);
    problem(await t.call('GET', '/v1/organisations/o-9'), 404, 'not-found');
    problem(await t.call('GET', '/v1/organisations/m-1'), 404, 'not-found');

    const e = await t.call('POST', '/v1/events', { body: { id: 'ev-9', name: 'Job fair', kind: 'job-fair', date: '2026-05-02' } });
    expect(e.status).toBe(201);
    expect((await t.call('GET', '/v1/events?from=2026-04-01')).body.items.map((x: { id: string }) => x.id)).toEqual(['ev-9']);
    expect((await t.call('GET', '/v1/events?kind=lunch')).body.items.map((x: { id: string }) => x.id)).toEqual(['ev-1']);
    expect((await t.call('DELETE', '/v1/events/ev-9')).status).toBe(204);
  });

  it('creates, reads, updates, lists and deletes ties (symmetric ties from either end)', async () => {
    const c = await t.call('POST', '/v1/ties', { body: { source: 'm-2', target: 'e-1', kind: 'knows', strength: 0.5 } });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ source: 'e-1', target: 'm-2', kind: 'knows', strength: 0.5, provenance: `api-key:${t.keyIds.admin}` });
    expect((await t.call('GET', '/v1/ties/m-2/knows/e-1')).body.strength).toBe(0.5);
    problem(await t.call('POST', '/v1/ties', { body: { source: 'e-1', target: 'm-2', kind: 'knows', strength: 0.1 } }), 409, 'conflict');
    expect((await t.call('PATCH', '/v1/ties/e-1/knows/m-2', { body: { strength: 0.7 } })).body.strength).toBe(0.7);
    expect((await t.call('PUT', '/v1/ties/e-1/knows/m-2', { body: { strength: 0.2 } })).body).toMatchObject({ strength: 0.2, since: null });
    const of = await t.call('GET', '/v1/ties?person=m-2');
    expect(of.body.items.map((x: { target: string; source: string }) => `${x.source}-${x.target}`)).toEqual(['e-1-m-2', 'm-2-m-3']);
    const page1 = await t.call('GET', '/v1/ties?limit=2');
    const page2 = await t.call('GET', `/v1/ties?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items[0]).not.toEqual(page1.body.items[1]);
    expect((await t.call('GET', '/v1/ties?kind=works-at')).body.items).toHaveLength(1);
    expect((await t.call('DELETE', '/v1/ties/m-2/knows/e-1')).status).toBe(204);
    problem(await t.call('GET', '/v1/ties/m-2/knows/e-1'), 404, 'not-found');
    problem(await t.call('POST', '/v1/ties', { body: { source: 'm-2', target: 'nobody', kind: 'knows', strength: 0.5 } }), 422, 'validation');
    problem(await t.call('POST', '/v1/ties', { body: { source: 'm-2', target: 'o-1', kind: 'knows', strength: 0.5 } }), 422, 'validation');
    problem(await t.call('GET', '/v1/ties/m-2/acquainted/e-1'), 422, 'validation');
  });
});

describe('idempotency and bulk import', () => {
  it('answers a repeated POST with the same Idempotency-Key and body exactly as the first time', async () => {
    const body = { id: 'idem-1', name: 'Ida', consent: { introductions: true } };
    const first = await t.call('POST', '/v1/people', { body, headers: { 'idempotency-key': 'k-123' } });
    expect(first.status).toBe(201);
    const again = await t.call('POST', '/v1/people', { body, headers: { 'idempotency-key': 'k-123' } });
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await t.call('POST', '/v1/people', { body: { ...body, name: 'Someone else' }, headers: { 'idempotency-key': 'k-123' } });
    problem(other, 422, 'idempotency-mismatch');
    // Keys are per API key: another caller's same key is a fresh request.
    const svc = await t.call('POST', '/v1/people', { key: 'service', body: { ...body, id: 'idem-2' }, headers: { 'idempotency-key': 'k-123' } });
    expect(svc.status).toBe(201);
    // Without a key, a repeat is a conflict.
    problem(await t.call('POST', '/v1/people', { body }), 409, 'conflict');
  });

  it('imports a batch in one transaction: a bad record refuses all of it', async () => {
    const before = (await t.call('GET', '/v1/people?limit=500')).body.items.length;
    const people = Array.from({ length: 300 }, (_, i) => ({ id: `imp-${i}`, name: `Imported ${i}`, roles: ['member'], consent: { introductions: i % 2 === 0 } }));
    const bad = await t.call('POST', '/v1/import', { body: { people, ties: [{ source: 'imp-1', target: 'imp-nobody', strength: 0.3 }] } });
    problem(bad, 422, 'validation');
    expect(bad.body.errors[0]).toEqual({ pointer: '/body/ties/0/target', detail: 'unknown node id' });
    expect((await t.call('GET', '/v1/people?limit=500')).body.items.length).toBe(before);

    const ok = await t.call('POST', '/v1/import', { body: { people, ties: [{ source: 'imp-1', target: 'imp-2', strength: 0.3 }] }, headers: { 'idempotency-key': 'import-1' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ created: 301, updated: 0, unchanged: 0 });
    const p0 = await t.call('GET', '/v1/people/imp-0');
    expect(p0.body.consent).toMatchObject({ introductions: true, recordedBy: `api-key:${t.keyIds.admin}` });
    const replay = await t.call('POST', '/v1/import', { body: { people, ties: [{ source: 'imp-1', target: 'imp-2', strength: 0.3 }] }, headers: { 'idempotency-key': 'import-1' } });
    expect(replay.body).toEqual(ok.body);
    problem(await t.call('POST', '/v1/import', { body: { people: [], things: [] } }), 422, 'validation');
  });

  it('never lets a reader see half of an import', async () => {
    const people = Array.from({ length: 2000 }, (_, i) => ({ id: `half-${String(i).padStart(4, '0')}`, name: `Half ${i}` }));
    const counts: number[] = [];
    const importing = t.call('POST', '/v1/import', { body: { people } });
    for (let i = 0; i < 6; i++) {
      const r = await t.call('GET', '/v1/people?role=member&limit=1');
      expect(r.status).toBe(200);
      const c = await t.call('GET', '/v1/analytics/summary');
      counts.push(c.body.people.total);
    }
    expect((await importing).status).toBe(200);
    const after = (await t.call('GET', '/v1/analytics/summary')).body.people.total;
    const before = after - 2000;
    for (const c of counts) expect([before, after]).toContain(c);
  });
});

describe('audit log', () => {
  it('records who read, changed and listed whom, and only admin may query it', async () => {
    await t.call('GET', '/v1/people/m-2', { key: 'coach' });
    const r = await t.call('GET', `/v1/audit?actor=${t.keyIds.coach}&target=m-2&action=read`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThanOrEqual(1);
    expect(r.body.items.at(-1)).toMatchObject({ actor: t.keyIds.coach, role: 'coach', action: 'read', resource: 'person', target: 'm-2', status: 200 });
    const page = await t.call('GET', '/v1/audit?limit=3');
    expect(page.body.items).toHaveLength(3);
    const next = await t.call('GET', `/v1/audit?limit=3&cursor=${page.body.nextCursor}`);
    expect(next.body.items[0].seq).toBe(page.body.items[2].seq + 1);
    problem(await t.call('GET', '/v1/audit', { key: 'coach' }), 403, 'forbidden');
    problem(await t.call('GET', '/v1/audit', { key: 'analyst' }), 403, 'forbidden');
    expect(JSON.stringify((await t.call('GET', '/v1/audit?limit=500')).body)).not.toContain('Mina');
  });
});

describe('keys over the API', () => {
  it('lets admin create, list and revoke keys, showing the secret once', async () => {
    const c = await t.call('POST', '/v1/keys', { body: { role: 'coach', coachId: 'c-2', name: 'tablet' } });
    expect(c.status).toBe(201);
    expect(c.body.key).toMatch(/^bw_[0-9a-f]{16}_/);
    expect((await t.call('GET', '/v1/people/m-3', { key: c.body.key })).status).toBe(200);
    const list = await t.call('GET', '/v1/keys');
    expect(JSON.stringify(list.body)).not.toContain(c.body.key);
    expect(JSON.stringify(list.body)).not.toContain('hash');
    expect(list.body.items.find((k: { id: string }) => k.id === c.body.id)).toMatchObject({ role: 'coach', coachId: 'c-2', name: 'tablet', revokedAt: null });
    expect((await t.call('DELETE', `/v1/keys/${c.body.id}`)).status).toBe(204);
    problem(await t.call('GET', '/v1/people/m-3', { key: c.body.key }), 401, 'unauthorised');
    problem(await t.call('DELETE', `/v1/keys/${c.body.id}`), 404, 'not-found');
    problem(await t.call('POST', '/v1/keys', { body: { role: 'coach', coachId: 'nobody' } }), 422, 'validation');
    problem(await t.call('POST', '/v1/keys', { body: { role: 'service' } }), 422, 'validation');
    problem(await t.call('POST', '/v1/keys', { key: 'service', body: { role: 'admin' } }), 403, 'forbidden');
  });
});
