import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { BridgeworkError } from '@bridgework/graph-core';
import { person, tie } from '@bridgework/graph-core/testing';
import { openSqliteStore, type SqliteGraphStore } from './sqlite-store.js';

describe('the API storage in the SQLite file', () => {
  let dir: string;
  let file: string;
  let store: SqliteGraphStore;
  const at = '2026-06-01T10:00:00.000Z';
  const key = (id: string, role: 'admin' | 'coach' | 'analyst' | 'service', coachId: string | null = null) => ({
    id,
    name: null,
    role,
    coachId,
    scopes: role === 'service' ? ['people:read'] : [],
    hash: 'ab'.repeat(32),
    createdAt: at,
  });
  const entry = (target: string | null, action = 'read') => ({ at, actor: 'k1', role: 'admin', action, resource: 'person', target, requestId: 'r', status: 200 });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bridgework-api-storage-'));
    file = join(dir, 'api.db');
    store = await openSqliteStore(file);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates, finds, lists and revokes keys, keeping coach keys bound to a coach', async () => {
    const api = store.apiStorage();
    expect(store.apiStorage()).toBe(api);
    await api.createKey(key('0000000000000001', 'admin'));
    const coach = await api.createKey(key('0000000000000002', 'coach', 'c-1'));
    expect(coach).toEqual({ id: '0000000000000002', name: null, role: 'coach', coachId: 'c-1', scopes: [], createdAt: at, revokedAt: null });
    expect((await api.findKey('0000000000000002'))?.hash).toBe('ab'.repeat(32));
    expect(await api.findKey('nope')).toBeUndefined();
    expect((await api.listKeys()).map((k) => k.id)).toEqual(['0000000000000001', '0000000000000002']);
    expect(await api.revokeKey('0000000000000001', at)).toBe(true);
    expect(await api.revokeKey('0000000000000001', at)).toBe(false);
    expect((await api.findKey('0000000000000001'))?.revokedAt).toBe(at);
    await expect(api.createKey(key('0000000000000003', 'coach', null))).rejects.toThrow('store-sqlite/keys: a coach key needs a coach id');
    await expect(api.createKey(key('0000000000000004', 'admin', 'c-1'))).rejects.toBeInstanceOf(BridgeworkError);
  });

  it('appends and queries the audit log, which refuses changes other than erasure', async () => {
    const api = store.apiStorage();
    await api.appendAudit([entry('p-1'), entry('p-2', 'update'), entry(null, 'import')]);
    expect((await api.queryAudit({ target: 'p-1' })).map((e) => e.seq)).toEqual([1]);
    expect((await api.queryAudit({ action: 'update' }))[0]).toMatchObject({ target: 'p-2', status: 200 });
    expect((await api.queryAudit({ after: 1, limit: 1 })).map((e) => e.seq)).toEqual([2]);
    await expect(api.queryAudit({ limit: 0 })).rejects.toThrow('limit must be a whole number in [1, 1000]');
    const db = new Database(file);
    try {
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE audit_log SET action = 'nothing'").run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE audit_log SET target = 'someone-else' WHERE seq = 1").run()).toThrow(/append-only/);
      expect(db.prepare("UPDATE audit_log SET target = 'erased:abc' WHERE seq = 1").run().changes).toBe(1);
    } finally {
      db.close();
    }
  });

  it('reserves, replays and refuses idempotency keys', async () => {
    const api = store.apiStorage();
    expect(await api.beginIdempotent('k1', 'a', 'f1', at)).toEqual({ state: 'new' });
    expect(await api.beginIdempotent('k1', 'a', 'f1', at)).toEqual({ state: 'in-progress' });
    expect(await api.beginIdempotent('k1', 'a', 'f2', at)).toEqual({ state: 'mismatch' });
    await api.completeIdempotent('k1', 'a', 201, '{"ok":true}', ['p-1']);
    expect(await api.beginIdempotent('k1', 'a', 'f1', at)).toEqual({ state: 'replay', status: 201, response: '{"ok":true}' });
    expect(await api.beginIdempotent('k2', 'a', 'f9', at)).toEqual({ state: 'new' });
    await api.abandonIdempotent('k2', 'a');
    expect(await api.beginIdempotent('k2', 'a', 'f8', at)).toEqual({ state: 'new' });
  });

  it('keeps a setting once made', async () => {
    const api = store.apiStorage();
    expect(await api.setting('salt', () => 'one')).toBe('one');
    expect(await api.setting('salt', () => 'two')).toBe('one');
  });

  it('erases a subject from the graph and the API tables, leaving no bytes of their id in the file or log', async () => {
    const api = store.apiStorage();
    const secret = 'Subject Name 4d2e';
    await store.putPerson(person({ id: 'p-gone-4d2e', name: secret, roles: ['coach'] }));
    await store.putPerson(person({ id: 'p-member', name: 'Member', roles: ['member'], coachId: 'p-gone-4d2e' }));
    await store.putTie(tie({ source: 'p-gone-4d2e', target: 'p-member', kind: 'coaches', strength: 0.5 }));
    await api.createKey(key('0000000000000009', 'coach', 'p-gone-4d2e'));
    await api.appendAudit([entry('p-gone-4d2e'), entry('p-gone-4d2e', 'update'), entry('p-member')]);
    await api.beginIdempotent('k1', 'x', 'f', at);
    await api.completeIdempotent('k1', 'x', 201, JSON.stringify({ name: secret }), ['p-gone-4d2e']);
    await store.checkpoint();
    expect((await readFile(file)).includes('4d2e')).toBe(true);

    const r = await api.eraseSubject('p-gone-4d2e', at);
    expect(r).toMatchObject({ existed: true, ties: 1, auditEntries: 2, idempotentResponses: 1, keys: 1 });
    expect(await store.getNode('p-gone-4d2e')).toBeUndefined();
    expect((await store.getNode('p-member'))?.type === 'person' && (await store.getNode('p-member'))).toMatchObject({ coachId: null });
    expect((await api.queryAudit({ target: r.pseudonym })).length).toBe(2);
    expect((await api.findKey('0000000000000009'))).toMatchObject({ coachId: r.pseudonym, revokedAt: at });
    expect(await api.subjectRecords('p-gone-4d2e')).toEqual({ audit: [], keys: [] });

    const bytes = Buffer.concat([await readFile(file), existsSync(`${file}-wal`) ? await readFile(`${file}-wal`) : Buffer.alloc(0)]);
    expect(bytes.includes('4d2e')).toBe(false);

    const again = await api.eraseSubject('p-gone-4d2e', at);
    expect(again).toMatchObject({ existed: false, ties: 0, auditEntries: 0 });
  });

  it('stores introductions through their lifecycle, checks proposals against the open asks, and derives the matcher history', async () => {
    const api = store.apiStorage();
    for (const id of ['a', 'b', 'c', 'd', 'i']) await store.putPerson(person({ id, name: id.toUpperCase() }));
    await api.recordImpressions('a', ['b', 'd'], '2026-06-01');
    expect(await api.recordImpressions('a', ['b', 'd'], '2026-06-01')).toBe(0); // once a day
    expect(await api.recordImpressions('a', ['b'], '2026-06-02')).toBe(1);
    let seen: unknown;
    const one = await api.createIntroduction({ id: 'in-1', personId: 'a', targetId: 'b', introducerIds: ['i'], proposedAt: at, proposedBy: 'api-key:k1' }, (f) => {
      seen = f;
    });
    expect(seen).toEqual({ personOpen: 0, targetOpen: 0, introducerLoad: { i: 0 }, pair: [] });
    expect(one).toMatchObject({ id: 'in-1', status: 'proposed', introducerIds: ['i'], personAnswer: null, outcome: null, revision: 0 });
    await api.createIntroduction({ id: 'in-2', personId: 'c', targetId: 'a', introducerIds: ['i', 'd'], proposedAt: at, proposedBy: 'api-key:k1' }, (f) => {
      seen = f;
    });
    expect(seen).toMatchObject({ personOpen: 0, targetOpen: 1, introducerLoad: { i: 1, d: 0 } });
    // A refused proposal writes nothing.
    await expect(
      api.createIntroduction({ id: 'in-3', personId: 'a', targetId: 'd', introducerIds: [], proposedAt: at, proposedBy: 'x' }, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await api.getIntroduction('in-3')).toBeUndefined();

    // The history: both open, and the impressions of a (the a–b pair's impressions went with the proposal).
    const h = await api.introductionHistory('a');
    expect(h.openAsks).toEqual([
      { personId: 'a', candidateId: 'b', introducerId: 'i', introducerIds: ['i'] },
      { personId: 'c', candidateId: 'a', introducerId: 'i', introducerIds: ['i', 'd'] },
    ]);
    expect(h.impressions).toEqual([{ personId: 'a', candidateId: 'd', count: 1, lastShown: '2026-06-01' }]);
    expect(h.declined).toEqual([]);

    // Optimistic concurrency: a change names the revision it read.
    const declined = await api.updateIntroduction('in-1', 0, { status: 'declined', targetAnswer: { answer: 'declined', at }, updatedAt: at });
    expect(declined).toMatchObject({ status: 'declined', targetAnswer: { answer: 'declined', at }, revision: 1 });
    expect(await api.updateIntroduction('in-1', 0, { status: 'accepted', updatedAt: at })).toBeUndefined();
    await api.updateIntroduction('in-2', 0, { status: 'made', madeAt: at, updatedAt: at });
    const after = await api.introductionHistory('a');
    expect(after.declined).toEqual([{ a: 'a', b: 'b' }]);
    expect(after.introduced).toEqual([{ a: 'c', b: 'a' }]);
    expect(after.openAsks).toEqual([]);
    expect((await api.listIntroductions({ person: 'a' })).map((x) => x.id)).toEqual(['in-1', 'in-2']);
    expect((await api.listIntroductions({ introducer: 'd' })).map((x) => x.id)).toEqual(['in-2']);
    expect((await api.listIntroductions({ status: 'made', after: 'in-1' })).map((x) => x.id)).toEqual(['in-2']);
    await expect(api.listIntroductions({ limit: 0 })).rejects.toThrow('limit must be a whole number in [1, 1000]');

    // Erasing the introducer keeps the introduction without them; erasing a side removes it.
    const gone = await api.eraseSubject('d', at);
    expect(gone).toMatchObject({ introductions: 0, introducerOf: 1, impressions: 1 });
    expect((await api.getIntroduction('in-2'))?.introducerIds).toEqual(['i']);
    const a = await api.eraseSubject('a', at);
    expect(a).toMatchObject({ introductions: 2, impressions: 0 });
    expect((await api.introductionHistory('a')).impressions).toEqual([]);
    expect(await api.listIntroductions()).toEqual([]);
  });
});
