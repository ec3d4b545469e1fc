/**
 * Data protection: subject access, and erasure that leaves no trace of the person's id or name in the database
 * file or its write-ahead log.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const fileBytes = async (db: string) =>
  Buffer.concat([await readFile(db), existsSync(`${db}-wal`) ? await readFile(`${db}-wal`) : Buffer.alloc(0)]);

describe('subject access', () => {
  it('exports everything held about a person: record, ties, audit entries and bound keys', async () => {
    await t.call('GET', '/v1/people/m-1', { key: 'coach' });
    const r = await t.call('GET', '/v1/people/m-1/export');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body.person).toMatchObject({ id: 'm-1', name: 'Mina Member', coachId: 'c-1' });
    expect(r.body.ties.map((x: { source: string; target: string; kind: string }) => `${x.source} ${x.kind} ${x.target}`).sort()).toEqual([
      'e-1 knows m-1',
      'm-1 attended ev-1',
    ]);
    expect(r.body.audit.some((e: { actor: string; action: string }) => e.actor === t.keyIds.coach && e.action === 'read')).toBe(true);
    expect(r.body.keys).toEqual([]);
    const coach = await t.call('GET', '/v1/people/c-1/export');
    expect(coach.body.keys.map((k: { id: string }) => k.id)).toEqual([t.keyIds.coach]);
    expect(JSON.stringify(coach.body)).not.toContain(t.keys.coach);
    // The export itself is audited.
    const audit = await t.call('GET', '/v1/audit?target=m-1&action=export');
    expect(audit.body.items).toHaveLength(1);
  });
});

describe('erasure', () => {
  it('removes the person, their ties and every trace of their id and name from the database file', async () => {
    const id = 'erase-me-5b1e';
    const name = 'Zelda Erasable-quokka';
    // Create them with an idempotency key (its stored answer names them), tie them in, read and export them.
    const c = await t.call('POST', '/v1/people', { body: { id, name, roles: ['member'], coachId: 'c-1', skills: ['skill-wombat-xq'], consent: { introductions: true } }, headers: { 'idempotency-key': 'erase-create' } });
    expect(c.status).toBe(201);
    expect((await t.call('POST', '/v1/ties', { body: { source: id, target: 'e-1', kind: 'knows', strength: 0.3 }, headers: { 'idempotency-key': 'erase-tie' } })).status).toBe(201);
    expect((await t.call('POST', '/v1/ties', { body: { source: id, target: 'o-1', kind: 'works-at', strength: 0.5 } })).status).toBe(201);
    expect((await t.call('GET', `/v1/people/${id}`, { key: 'coach' })).status).toBe(200);
    expect((await t.call('PATCH', `/v1/people/${id}`, { key: 'coach', body: { area: 'North' } })).status).toBe(200);
    expect((await t.call('GET', `/v1/people/${id}/export`)).status).toBe(200);
    // And a coach key bound to them.
    const key = await t.call('POST', '/v1/keys', { body: { role: 'coach', coachId: id } });
    expect(key.status).toBe(201);
    // Introductions: one they asked for, one they were asked to make (its stored idempotent answer names them).
    const asked = await t.call('POST', '/v1/introductions', { body: { personId: id, targetId: 'e-1', introducerIds: ['m-1'] } });
    expect(asked.status).toBe(201);
    expect((await t.call('POST', `/v1/introductions/${asked.body.id}/answer`, { body: { side: 'target', answer: 'decline' } })).body.status).toBe('declined');
    const via = await t.call('POST', '/v1/introductions', { body: { personId: 'm-1', targetId: 'c-2', introducerIds: [id] }, headers: { 'idempotency-key': 'erase-intro' } });
    expect(via.status).toBe(201);
    // Impressions: suggestions shown to them and of them.
    const theirs = await t.call('GET', `/v1/people/${id}/suggestions`);
    const mine = await t.call('GET', '/v1/people/m-1/suggestions');
    const shownIds = [...theirs.body.suggestions, ...mine.body.suggestions].map((x: { id: string }) => x.id);
    expect(mine.body.suggestions.map((x: { id: string }) => x.id)).toContain(id);
    const held = await t.call('GET', `/v1/people/${id}/export`);
    expect(held.body.introductions.map((x: { id: string }) => x.id).sort()).toEqual([asked.body.id, via.body.id].sort());
    expect(held.body.impressions).toEqual(
      theirs.body.suggestions.map((x: { id: string }) => x.id).sort().map((c: string) => ({ candidateId: c, count: 1, lastShown: expect.any(String) })),
    );
    await t.settle();
    expect((await fileBytes(t.db)).includes(id)).toBe(true);

    const auditBefore = (await t.call('GET', `/v1/audit?target=${id}&limit=500`)).body.items.length;
    expect(auditBefore).toBeGreaterThanOrEqual(5);

    const e = await t.call('DELETE', `/v1/people/${id}`);
    expect(e.status).toBe(200);
    expect(e.body).toMatchObject({ erased: true, ties: 2, keys: 1, auditEntries: auditBefore, introductions: 1, introducerOf: 1 });
    expect(e.body.impressions).toBe(shownIds.filter((x) => x === id).length + theirs.body.suggestions.length);
    expect(e.body.pseudonym).toMatch(/^erased:[0-9a-f]{32}$/);

    // Gone from every route.
    expect((await t.call('GET', `/v1/people/${id}`)).status).toBe(404);
    expect((await t.call('GET', '/v1/ties?person=e-1')).body.items.some((x: { source: string }) => x.source === id)).toBe(false);
    expect((await t.call('GET', '/v1/people/m-1', { key: key.body.key })).status).toBe(401);
    expect((await t.call('GET', `/v1/audit?target=${id}`)).body.items).toEqual([]);
    expect((await t.call('GET', `/v1/introductions/${asked.body.id}`)).status).toBe(404);
    expect((await t.call('GET', `/v1/introductions/${via.body.id}`)).body).toMatchObject({ personId: 'm-1', introducerIds: [] });
    expect((await t.call('GET', '/v1/introductions?limit=500')).text).not.toContain(id);
    expect((await t.call('GET', '/v1/people/m-1/suggestions')).body.suggestions.map((x: { id: string }) => x.id)).not.toContain(id);
    // The failed read above is audited, but without the id.
    expect((await t.call('GET', `/v1/audit?action=read&resource=person&limit=500`)).body.items.at(-1)).toMatchObject({ status: 404, target: null });
    const pseudonymised = (await t.call('GET', `/v1/audit?target=${e.body.pseudonym}&limit=500`)).body.items;
    expect(pseudonymised.length).toBe(auditBefore + 1);
    expect(pseudonymised.at(-1)).toMatchObject({ action: 'erase', actor: t.keyIds.admin });
    // The idempotency key no longer replays the erased person.
    const again = await t.call('POST', '/v1/people', { body: { id, name, roles: ['member'], coachId: 'c-1', skills: ['skill-wombat-xq'], consent: { introductions: true } }, headers: { 'idempotency-key': 'erase-create' } });
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect((await t.call('DELETE', `/v1/people/${id}`)).status).toBe(200);

    // Nothing left in the bytes of the file or the log.
    await t.settle();
    const bytes = await fileBytes(t.db);
    expect(bytes.includes(id)).toBe(false);
    expect(bytes.includes(name)).toBe(false);
    // A marker no hex string can hold by chance (ids, salts and hashes in the file are hex).
    expect(bytes.includes('wombat-xq')).toBe(false);
    expect(bytes.includes(Buffer.from(id, 'utf16le'))).toBe(false);
    // The rest of the town is intact.
    expect((await t.call('GET', '/v1/people/m-1')).status).toBe(200);
    expect((await t.call('DELETE', '/v1/people/no-such-person')).status).toBe(404);
  });
});
