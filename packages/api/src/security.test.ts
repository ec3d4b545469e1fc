/**
 * The OWASP API Security Top 10 (2023) items that apply: broken object-level authorisation (the role × route ×
 * own/other's data matrix), broken authentication, broken object property level authorisation (mass assignment,
 * excessive data exposure), unrestricted resource consumption (rate limits), and injection.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, smallTown, type KeyName, type TestServer } from './testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

type Row = [method: string, path: string, body: unknown, expected: Partial<Record<KeyName, number>>];

// coach = c-1 (members m-1, m-2); otherCoach = c-2 (member m-3). e-1 consents to introductions, e-2 does not.
const MATRIX: Row[] = [
  ['GET', '/v1/people/m-1', undefined, { admin: 200, coach: 200, otherCoach: 404, analyst: 403, service: 200, readOnlyService: 403 }],
  ['GET', '/v1/people/m-3', undefined, { admin: 200, coach: 404, otherCoach: 200, analyst: 403 }],
  ['GET', '/v1/people/e-1', undefined, { coach: 200, otherCoach: 200 }],
  ['GET', '/v1/people/e-2', undefined, { admin: 200, coach: 404, otherCoach: 404 }],
  ['GET', '/v1/people/no-such-person', undefined, { admin: 404, coach: 404, analyst: 403 }],
  ['PATCH', '/v1/people/m-1', { area: 'North' }, { admin: 200, coach: 200, otherCoach: 404, analyst: 403, service: 200, readOnlyService: 403 }],
  ['PATCH', '/v1/people/e-1', { area: 'North' }, { admin: 200, coach: 403, otherCoach: 403 }],
  ['PUT', '/v1/people/m-3', { name: 'Maud Member', roles: ['member'], coachId: 'c-2' }, { coach: 404, otherCoach: 200 }],
  ['DELETE', '/v1/people/m-2', undefined, { coach: 403, otherCoach: 403, analyst: 403, service: 403, readOnlyService: 403 }],
  ['GET', '/v1/people/m-1/export', undefined, { admin: 200, coach: 200, otherCoach: 404, analyst: 403, service: 403 }],
  ['GET', '/v1/people/e-1/export', undefined, { coach: 403 }],
  ['GET', '/v1/ties?person=m-1', undefined, { admin: 200, coach: 200, otherCoach: 404, analyst: 403, service: 200 }],
  ['GET', '/v1/ties/m-1/knows/e-1', undefined, { admin: 200, coach: 200, otherCoach: 404, analyst: 403 }],
  ['GET', '/v1/ties/e-1/knows/m-3', undefined, { admin: 200, coach: 404, otherCoach: 200 }],
  ['GET', '/v1/ties/m-2/met-at-event/m-3', undefined, { coach: 404, otherCoach: 404, admin: 200 }],
  ['GET', '/v1/ties', undefined, { admin: 200, coach: 403, analyst: 403, service: 200 }],
  ['PATCH', '/v1/ties/m-1/knows/e-1', { strength: 0.45 }, { coach: 200, otherCoach: 404, analyst: 403, readOnlyService: 403 }],
  ['GET', '/v1/organisations', undefined, { admin: 200, coach: 200, analyst: 200, service: 200, readOnlyService: 200 }],
  ['POST', '/v1/organisations', { id: 'o-new', name: 'New', sector: 'C' }, { coach: 403, analyst: 403, service: 403, readOnlyService: 403 }],
  ['GET', '/v1/events/ev-1', undefined, { admin: 200, coach: 200, analyst: 200, readOnlyService: 403 }],
  ['GET', '/v1/analytics/summary', undefined, { admin: 200, analyst: 200, coach: 403, service: 403 }],
  ['GET', '/v1/analytics/graph', undefined, { admin: 200, analyst: 200, coach: 403 }],
  ['GET', '/v1/audit', undefined, { admin: 200, coach: 403, analyst: 403, service: 403 }],
  ['POST', '/v1/import', {}, { admin: 200, service: 200, coach: 403, analyst: 403, readOnlyService: 403 }],
  ['GET', '/v1/keys', undefined, { admin: 200, coach: 403, analyst: 403, service: 403 }],
  ['POST', '/v1/introductions', { personId: 'm-1', targetId: 'e-1' }, { analyst: 403, service: 403, otherCoach: 404, coach: 201, admin: 409 }],
  ['POST', '/v1/introductions', { personId: 'm-3', targetId: 'e-1' }, { coach: 404 }],
  ['GET', '/v1/introductions?person=m-1', undefined, { admin: 200, coach: 200, otherCoach: 404, analyst: 403, service: 403 }],
  ['GET', '/v1/introductions', undefined, { admin: 200, coach: 403, analyst: 403 }],
  ['GET', '/v1/analytics/people/m-1/ego', undefined, { admin: 200, coach: 200, otherCoach: 404, analyst: 404, service: 403 }],
  ['GET', '/v1/analytics/people/e-1/ego', undefined, { coach: 403, otherCoach: 403 }],
  ['GET', '/v1/analytics/reach', undefined, { admin: 200, coach: 200, analyst: 200, service: 403, readOnlyService: 403 }],
  ['GET', '/v1/analytics/brokers', undefined, { admin: 200, coach: 200, analyst: 200, service: 403 }],
  ['GET', '/v1/export', undefined, { admin: 200, analyst: 200, coach: 403, service: 403, readOnlyService: 403 }],
];

describe('authorisation matrix (role × route × own or other’s data)', () => {
  it.each(MATRIX)('%s %s', async (method, path, body, expected) => {
    for (const [key, status] of Object.entries(expected) as [KeyName, number][]) {
      const r = await t.call(method, path, { key, ...(body === undefined ? {} : { body }) });
      expect([key, r.status]).toEqual([key, status]);
      if (status >= 400) expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // A 404 for someone else's member says exactly what it says for nobody at all.
      if (status === 404) expect(r.body.detail).toMatch(/^no (person|tie|node|introduction) with id /);
    }
  });

  it('lists only the coach’s caseload and the people their members may be introduced to', async () => {
    const ids = (await t.call('GET', '/v1/people?limit=500', { key: 'coach' })).body.items.map((p: { id: string }) => p.id);
    expect(ids).toEqual(['c-1', 'c-2', 'e-1', 'm-1', 'm-2']);
    const other = (await t.call('GET', '/v1/people?limit=500', { key: 'otherCoach' })).body.items.map((p: { id: string }) => p.id);
    expect(other).toEqual(['c-1', 'c-2', 'e-1', 'm-3']);
    const ties = (await t.call('GET', '/v1/ties?person=e-1', { key: 'coach' })).body.items;
    expect(ties.map((x: { source: string; target: string }) => `${x.source}-${x.target}`).sort()).toEqual(['e-1-m-1']);
  });
});

describe('broken authentication', () => {
  it('answers a missing, malformed, unknown, wrong or revoked key with 401 problem+json', async () => {
    const admin = t.keys.admin;
    const [, id] = /^bw_([0-9a-f]{16})_/.exec(admin)!;
    const wrongSecret = `bw_${id}_${'A'.repeat(43)}`;
    const cases: (string | null)[] = [null, 'not-a-key', `bw_${'0'.repeat(16)}_${'A'.repeat(43)}`, wrongSecret, `${admin}x`, admin.toUpperCase()];
    for (const key of cases) {
      const r = await t.call('GET', '/v1/people/m-1', { key });
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.headers.get('www-authenticate')).toBe('Bearer realm="bridgework"');
      expect(r.body.code).toBe('unauthorised');
    }
    const basic = await fetch(`${t.url}/v1/people/m-1`, { headers: { authorization: `Basic ${Buffer.from(`x:${admin}`).toString('base64')}` } });
    expect(basic.status).toBe(401);
    const inQuery = await fetch(`${t.url}/v1/people/m-1?key=${admin}`);
    expect(inQuery.status).toBe(401);

    const made = await t.call('POST', '/v1/keys', { body: { role: 'analyst' } });
    expect((await t.call('GET', '/v1/analytics/summary', { key: made.body.key })).status).toBe(200);
    await t.call('DELETE', `/v1/keys/${made.body.id}`);
    const revoked = await t.call('GET', '/v1/analytics/summary', { key: made.body.key });
    expect(revoked.status).toBe(401);
  });

  it('stores only a hash of each key', async () => {
    const { readFile } = await import('node:fs/promises');
    await t.server.store.graph.listNodes({ limit: 1 });
    const bytes = Buffer.concat([await readFile(t.db), await readFile(`${t.db}-wal`).catch(() => Buffer.alloc(0))]);
    for (const key of Object.values(t.keys)) {
      expect(bytes.includes(key)).toBe(false);
      expect(bytes.includes(key.slice(20))).toBe(false);
    }
  });
});

describe('mass assignment', () => {
  it('refuses unknown fields and client-set consent stamps', async () => {
    const r = await t.call('PATCH', '/v1/people/m-1', { key: 'coach', body: { consent: { introductions: true, recordedBy: 'someone', recordedAt: '2020-01-01' } } });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/body/consent/recordedAt', '/body/consent/recordedBy']);
    const id = await t.call('PATCH', '/v1/people/m-1', { key: 'coach', body: { id: 'm-99' } });
    expect(id.status).toBe(422);
    expect(id.body.errors[0]).toEqual({ pointer: '/body/id', detail: 'unknown field' });
    const key = await t.call('POST', '/v1/keys', { body: { role: 'analyst', hash: '00', revokedAt: null } });
    expect(key.status).toBe(422);
  });

  it('stops a coach reassigning members, creating others’ members or granting staff roles', async () => {
    expect((await t.call('PATCH', '/v1/people/m-1', { key: 'coach', body: { coachId: 'c-2' } })).status).toBe(403);
    expect((await t.call('PATCH', '/v1/people/m-1', { key: 'coach', body: { coachId: null } })).status).toBe(403);
    expect((await t.call('PATCH', '/v1/people/m-1', { key: 'coach', body: { roles: ['member', 'coach'] } })).status).toBe(403);
    expect((await t.call('PATCH', '/v1/people/m-1', { key: 'coach', body: { roles: ['employee'] } })).status).toBe(403);
    expect((await t.call('POST', '/v1/people', { key: 'coach', body: { id: 'x-1', name: 'X', roles: ['member'], coachId: 'c-2' } })).status).toBe(403);
    expect((await t.call('POST', '/v1/people', { key: 'coach', body: { id: 'x-2', name: 'X', roles: ['staff', 'member'] } })).status).toBe(403);
    const made = await t.call('POST', '/v1/people', { key: 'coach', body: { id: 'x-3', name: 'New Member', roles: ['member'] } });
    expect(made.status).toBe(201);
    expect(made.body.coachId).toBe('c-1');
    expect((await t.call('GET', '/v1/people/m-1')).body.coachId).toBe('c-1');
  });
});

describe('injection', () => {
  const nasty = ["x'; DROP TABLE nodes; --", '../../etc/passwd', 'a/b\\c', '%2e%2e', 'q?x=1&y=2#frag', '"quoted"', 'ünïcødé 名前', 'id with spaces inside'];

  it('treats ids with SQL, quotes and path characters as plain ids', async () => {
    for (const id of nasty) {
      const c = await t.call('POST', '/v1/people', { body: { id, name: 'Injected' } });
      expect([id, c.status]).toEqual([id, 201]);
      const r = await t.call('GET', `/v1/people/${encodeURIComponent(id)}`);
      expect([id, r.status, r.body?.id]).toEqual([id, 200, id]);
      expect(c.headers.get('location')).toBe(`/v1/people/${encodeURIComponent(id)}`);
    }
    const tie = await t.call('POST', '/v1/ties', { body: { source: nasty[0], target: nasty[1], kind: 'knows', strength: 0.2 } });
    expect(tie.status).toBe(201);
    const read = await t.call('GET', `/v1/ties/${encodeURIComponent(nasty[0]!)}/knows/${encodeURIComponent(nasty[1]!)}`);
    expect(read.status).toBe(200);
    expect((await t.call('GET', "/v1/people?area=%27%20OR%201%3D1%20--")).body.items).toEqual([]);
    expect((await t.call('GET', '/v1/audit?target=%27%20OR%20%271%27%3D%271')).body.items).toEqual([]);
    // Everything is still there.
    expect((await t.call('GET', '/v1/people/m-1')).status).toBe(200);
    for (const id of nasty) expect((await t.call('DELETE', `/v1/people/${encodeURIComponent(id)}`)).status).toBe(200);
  });

  it('refuses ids with control characters', async () => {
    const r = await t.call('GET', '/v1/people/a%00b');
    expect(r.status).toBe(422);
    expect(r.body.errors[0].pointer).toBe('/params/id');
  });
});

describe('excessive data exposure', () => {
  it('gives analysts no names, ids or small groups', async () => {
    const names = smallTown().people.map((p) => p.name);
    const ids = smallTown().people.map((p) => p.id);
    const g = await t.call('GET', '/v1/analytics/graph', { key: 'analyst' });
    expect(g.status).toBe(200);
    expect(g.body.people.length).toBeGreaterThanOrEqual(7);
    const personal = JSON.stringify({ people: g.body.people, ties: g.body.ties });
    for (const s of [...names, ...ids.map((id) => `"${id}"`), 'North', 'South', 'chef']) expect(personal).not.toContain(s);
    for (const s of [...names, ...ids.map((id) => `"${id}"`)]) expect(g.text).not.toContain(s);
    expect(Object.keys(g.body.people[0]).sort()).toEqual(['goalSectors', 'id', 'roles', 'sectors']);
    // Pseudonyms are stable between calls (so an analyst can work with them) and ties refer to them.
    expect((await t.call('GET', '/v1/analytics/graph', { key: 'analyst' })).text).toBe(g.text);
    const pids = new Set(g.body.people.map((p: { id: string }) => p.id));
    expect(g.body.ties.some((x: { source: string; target: string }) => pids.has(x.source) && pids.has(x.target))).toBe(true);

    const west = Array.from({ length: 6 }, (_, i) => ({ id: `w-${i}`, name: `Westerner ${i}`, roles: ['member'], area: 'West' }));
    expect((await t.call('POST', '/v1/import', { body: { people: west } })).status).toBe(200);
    const s = await t.call('GET', '/v1/analytics/summary', { key: 'analyst' });
    expect(s.body.people.byArea.counts).toEqual({ West: 6 });
    const counts: number[] = [];
    const walk = (o: unknown) => {
      if (o && typeof o === 'object') {
        for (const [k, v] of Object.entries(o)) {
          if (k === 'counts') counts.push(...Object.values(v as Record<string, number>));
          else walk(v);
        }
      }
    };
    walk(s.body);
    expect(counts.length).toBeGreaterThan(0);
    for (const c of counts) expect(c).toBeGreaterThanOrEqual(5);
    expect(s.body.people.byArea.suppressedGroups).toBeGreaterThanOrEqual(1);
    expect(s.text).not.toMatch(/Mina|Esme|Westerner|North|South/);
    expect((await t.call('GET', '/v1/people', { key: 'analyst' })).status).toBe(403);
  });

  it('never logs names or bodies', () => {
    const logs = t.logs();
    expect(logs.length).toBeGreaterThan(1000);
    for (const name of smallTown().people.map((p) => p.name)) expect(logs).not.toContain(name);
    expect(logs).not.toContain('Injected');
    for (const line of logs.trim().split('\n')) expect(JSON.parse(line)).toBeInstanceOf(Object);
    expect(logs).toMatch(/"reqId":"[0-9a-f-]{36}"/);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a key’s bucket is empty, without slowing other keys', async () => {
    const s = await startTestServer({ config: { rateLimit: { capacity: 5, refillPerSecond: 0.5 }, authRateLimit: { capacity: 3, refillPerSecond: 0.5 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await s.call('GET', '/v1/organisations', { key: 'analyst' })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = await s.call('GET', '/v1/organisations', { key: 'analyst' });
      expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(limited.body.code).toBe('rate-limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await s.call('GET', '/v1/organisations', { key: 'admin' })).status).toBe(200);

      const guesses: number[] = [];
      for (let i = 0; i < 5; i++) guesses.push((await s.call('GET', '/v1/organisations', { key: `bw_${'1'.repeat(16)}_${'B'.repeat(43)}` })).status);
      expect(guesses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await s.stop();
    }
  });
});
