import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { BridgeworkError, type GraphData } from '@bridgework/graph-core';
import { contractGraph, describeGraphStoreContract, person, tie } from '@bridgework/graph-core/testing';
import { MIGRATIONS, SCHEMA_VERSION, checkMigrations } from './migrations.js';
import { openSqliteStore, restoreBackup, type SqliteGraphStore } from './sqlite-store.js';

describeGraphStoreContract('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bridgework-store-'));
  const file = join(dir, 'graph.db');
  return {
    store: await openSqliteStore(file),
    reopen: () => openSqliteStore(file),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('the SQLite store', () => {
  let dir: string;
  let file: string;
  const open: SqliteGraphStore[] = [];
  const openStore = async (options?: Parameters<typeof openSqliteStore>[1]) => {
    const store = await openSqliteStore(file, options);
    open.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bridgework-sqlite-'));
    file = join(dir, 'nested', 'deeper', 'graph.db');
  });

  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates missing parent folders and records every migration once', async () => {
    const store = await openStore();
    expect(existsSync(file)).toBe(true);
    const applied = await store.migrations();
    expect(applied.map((m) => [m.version, m.name])).toStrictEqual(MIGRATIONS.map((m) => [m.version, m.name]));
    for (const m of applied) expect(new Date(m.applied_at).toISOString()).toBe(m.applied_at);
    await store.putPerson(person({ id: 'p-1', name: 'One' }));
    await store.close();

    const again = await openStore();
    expect(await again.migrations()).toStrictEqual(applied);
    expect((await again.getNode('p-1'))?.name).toBe('One');
    await again.close();

    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
      expect(tables).toStrictEqual([
        'api_keys',
        'api_keys_coach',
        'api_settings',
        'audit_log',
        'audit_log_actor',
        'audit_log_target',
        'erasure_ledger',
        'idempotency',
        'impressions',
        'impressions_candidate',
        'introduction_introducers',
        'introduction_introducers_by',
        'introductions',
        'introductions_person',
        'introductions_status',
        'introductions_target',
        'nodes',
        'nodes_type_id',
        'schema_migrations',
        'ties',
        'ties_target',
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses a database whose schema version is newer than the code knows', async () => {
    await (await openStore()).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      SCHEMA_VERSION + 1,
      'from the future',
      new Date().toISOString(),
    );
    db.close();
    const before = await sha256(file);

    const error = await rejection(openSqliteStore(file));
    expect(error).toBeInstanceOf(BridgeworkError);
    expect((error as BridgeworkError).code).toBe('unsupported');
    expect((error as BridgeworkError).message).toBe(
      `store-sqlite: ${file} has schema version ${SCHEMA_VERSION + 1}, newer than this version of Bridgework knows ` +
        `(${SCHEMA_VERSION}); upgrade Bridgework to open it`,
    );
    expect(await sha256(file)).toBe(before);
  });

  it('checks that migrations are numbered 1, 2, 3, … in order', () => {
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(() => checkMigrations([{ version: 2, name: 'skips one', up: '' }])).toThrow(
      'store-sqlite: migration "skips one" has version 2, expected 1',
    );
  });

  it('runs in WAL mode with synchronous=FULL, foreign keys, secure delete and a busy timeout', async () => {
    const store = await openStore();
    expect(await store.settings()).toStrictEqual({
      journalMode: 'wal',
      synchronous: 2,
      foreignKeys: true,
      secureDelete: true,
      busyTimeoutMs: 5000,
      schemaVersion: SCHEMA_VERSION,
    });
    await store.putPerson(person({ id: 'p-1', name: 'One' }));
    expect(existsSync(`${file}-wal`)).toBe(true);
    await store.close();
    const other = await openStore({ busyTimeoutMs: 250 });
    expect((await other.settings()).busyTimeoutMs).toBe(250);
    // WAL mode is recorded in the file itself.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('leaves the file unchanged when a batch fails, before or part-way through writing', async () => {
    const store = await openStore();
    await store.applyBatch(contractGraph());
    await store.close();
    const before = await sha256(file);

    const again = await openStore();
    const bad: GraphData = {
      ...contractGraph(),
      people: [person({ id: 'p-new', name: 'New' })],
      ties: [tie({ source: 'p-new', target: 'p-missing', kind: 'knows', strength: 0.3 })],
    };
    const refused = await rejection(again.applyBatch(bad));
    expect(refused).toBeInstanceOf(BridgeworkError);
    expect((refused as BridgeworkError).message).toMatch(/^store-sqlite: 1 problem in the input: ties:1, column target: unknown node id/);

    const people = Array.from({ length: 6000 }, (_, i) => person({ id: `p-bulk-${i}`, name: `Bulk ${i}` }));
    const aborted = await rejection(
      again.applyBatch(
        { people, organisations: [], events: [], ties: [] },
        {
          onProgress: ({ done }) => {
            if (done === 4000) throw new Error('stop');
          },
        },
      ),
    );
    expect((aborted as Error).message).toBe('stop');
    await again.close();

    expect(await sha256(file)).toBe(before);
    const reopened = await openStore();
    expect(await reopened.counts()).toStrictEqual({ people: 4, organisations: 2, events: 2, ties: 8 });
  });

  it('keeps a write that resolved even if the process is killed straight after', async () => {
    const child = join(dir, 'write-and-die.mts');
    const storeModule = fileURLToPath(new URL('./index.ts', import.meta.url));
    await writeFile(
      child,
      `import { openSqliteStore } from ${JSON.stringify(storeModule)};\n` +
        `const store = await openSqliteStore(${JSON.stringify(file)});\n` +
        `await store.putPerson({ id: 'p-survivor', name: 'Survivor', roles: [], sectors: [], skills: [], ` +
        `goals: { sectors: [], roles: [] }, area: null, coachId: null, consent: { introductions: true, recordedAt: null, recordedBy: null } });\n` +
        `process.kill(process.pid, 'SIGKILL');\n`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8', timeout: 30_000 });
    expect([run.signal, run.stderr]).toStrictEqual(['SIGKILL', '']);
    const store = await openStore();
    expect((await store.getNode('p-survivor'))?.name).toBe('Survivor');
  });

  it('really erases a deleted node from the file once checkpointed', async () => {
    const store = await openStore();
    const secret = 'Erasable Name 7f3a91';
    await store.putPerson(person({ id: 'p-erasable', name: secret, skills: ['secret-skill-7f3a91'] }));
    await store.putPerson(person({ id: 'p-other', name: 'Other' }));
    await store.putTie(tie({ source: 'p-erasable', target: 'p-other', kind: 'knows', strength: 0.3, provenance: 'tie-note-7f3a91' }));
    await store.checkpoint();
    expect((await readFile(file)).includes('7f3a91')).toBe(true);

    expect(await store.deleteNode('p-erasable')).toBe(true);
    await store.checkpoint();
    const bytes = Buffer.concat([await readFile(file), existsSync(`${file}-wal`) ? await readFile(`${file}-wal`) : Buffer.alloc(0)]);
    expect(bytes.includes('7f3a91')).toBe(false);
    expect(bytes.includes('p-erasable')).toBe(false);
  });

  it('backs up the whole database while it is in use, as one checked file that opens with the same contents', async () => {
    const store = await openStore();
    await store.applyBatch(contractGraph());
    const api = store.apiStorage();
    await api.appendAudit([{ at: '2026-11-01T09:00:00.000Z', actor: 'k1', role: 'admin', action: 'read', resource: 'people', target: 'p-1', requestId: 'r1', status: 200 }]);
    // Another connection has the file open (the server, say) and writes just after the copy: the copy is the state it was made at.
    const writer = await openStore();
    const seen: Array<[number, number]> = [];
    const copy = join(dir, 'backups', 'graph-backup.db');
    const result = await store.backup(copy, { onProgress: (done, total) => seen.push([done, total]) });
    await writer.putPerson(person({ id: 'p-after', name: 'Written after the backup' }));
    expect(result).toMatchObject({ file: copy, people: 4, organisations: 2, events: 2, ties: 8, introductions: 0, schemaVersion: SCHEMA_VERSION });
    expect(result.bytes).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    // One file: no write-ahead log or temporary file beside it.
    expect(existsSync(`${copy}-wal`)).toBe(false);
    expect(await readdir(join(dir, 'backups'))).toEqual(['graph-backup.db']);
    const restored = await openSqliteStore(copy);
    open.push(restored);
    expect(await restored.exportData()).toEqual({ ...(await store.exportData()), people: (await store.exportData()).people.filter((p) => p.id !== 'p-after') });
    expect(await restored.apiStorage().subjectRecords('p-1')).toMatchObject({ audit: [{ action: 'read', target: 'p-1' }] });
  });

  it('never overwrites a file with a backup, and leaves no file behind when it cannot make one', async () => {
    const store = await openStore();
    await store.applyBatch(contractGraph());
    const existing = join(dir, 'taken.db');
    await writeFile(existing, 'keep me');
    const refused = await rejection(store.backup(existing));
    expect((refused as BridgeworkError).code).toBe('validation');
    expect((refused as BridgeworkError).message).toMatch(/^store-sqlite: backup: .*taken\.db already exists/);
    expect(await readFile(existing, 'utf8')).toBe('keep me');
    // A folder that cannot be written to: a store error, and nothing at the destination.
    const blocked = join(dir, 'a-file-not-a-folder');
    await writeFile(blocked, '');
    const failed = await rejection(store.backup(join(blocked, 'copy.db')));
    expect(failed).toBeInstanceOf(BridgeworkError);
    expect(existsSync(join(blocked, 'copy.db'))).toBe(false);
  });

  it('erases a person from the planner’s sampled index keys too, without re-reading every index', async () => {
    const store = await openStore();
    await store.applyBatch(contractGraph());
    await store.putPerson(person({ id: 'p-sampled-7f3a', name: 'Sampled' }));
    await store.putTie(tie({ source: 'p-sampled-7f3a', target: 'p-ada', kind: 'knows', strength: 0.3 }));
    // ANALYZE as `PRAGMA optimize` would: with so few rows, sqlite_stat4 samples every key, this id among them.
    const side = new Database(file);
    side.exec('ANALYZE');
    expect(side.prepare('SELECT count(*) FROM sqlite_stat4').pluck().get()).toBeGreaterThan(0);
    side.close();
    await store.checkpoint();
    expect((await readFile(file)).includes('p-sampled-7f3a')).toBe(true);

    await store.apiStorage().eraseSubject('p-sampled-7f3a', '2026-11-29T10:00:00.000Z');
    const bytes = Buffer.concat([await readFile(file), existsSync(`${file}-wal`) ? await readFile(`${file}-wal`) : Buffer.alloc(0)]);
    expect(bytes.includes('p-sampled-7f3a')).toBe(false);
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM sqlite_stat4').pluck().get()).toBe(0);
    expect(check.prepare('SELECT count(*) FROM sqlite_stat1').pluck().get()).toBeGreaterThan(0); // the counts stay
    check.close();
  });

  it('restores a backup into a new file, erasing again the people erased since it was made, and keeps the ledger', async () => {
    const store = await openStore();
    await store.applyBatch(contractGraph());
    await store.putPerson(person({ id: 'p-gone-7f3a', name: 'Gone Person 7f3a' }));
    await store.putPerson(person({ id: 'p-stays', name: 'Stays' }));
    await store.putTie(tie({ source: 'p-gone-7f3a', target: 'p-stays', kind: 'knows', strength: 0.4 }));
    const backupFile = join(dir, 'before-erasure.db');
    await store.backup(backupFile);
    const api = store.apiStorage();
    await api.eraseSubject('p-gone-7f3a', '2026-11-29T10:00:00.000Z');
    const ledger = await api.erasureLedger();
    expect(ledger.entries).toHaveLength(1);
    expect(ledger.entries[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
    await store.checkpoint();
    expect((await readFile(file)).includes('p-gone-7f3a')).toBe(false); // the ledger keeps a digest, not the id

    const restoredFile = join(dir, 'restored.db');
    const result = await restoreBackup(backupFile, restoredFile, { erasures: ledger, at: '2026-11-30T09:00:00.000Z' });
    expect(result).toMatchObject({ file: restoredFile, erasedAgain: 1, people: 5, ties: 8 });
    expect((await readFile(restoredFile)).includes('p-gone-7f3a')).toBe(false);
    expect((await readFile(restoredFile)).includes('Gone Person 7f3a')).toBe(false);
    const restored = await openSqliteStore(restoredFile);
    open.push(restored);
    expect(await restored.getNode('p-gone-7f3a')).toBeUndefined();
    expect(await restored.getNode('p-stays')).not.toBeNull();
    const audit = await restored.apiStorage().queryAudit({ action: 'erase' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'restore', resource: 'person', at: '2026-11-30T09:00:00.000Z' });
    expect(audit[0]!.target).toMatch(/^erased:[0-9a-f]{32}$/);
    // The restored copy carries the ledger on: restoring the same backup from it erases the person again.
    expect(await restored.apiStorage().erasureLedger()).toEqual(ledger);
    const again = await restoreBackup(backupFile, join(dir, 'restored-again.db'), { erasures: await restored.apiStorage().erasureLedger(), at: '2026-12-01T09:00:00.000Z' });
    expect(again.erasedAgain).toBe(1);

    // Without the ledger (the current database lost) the backup comes back as it was, erased person included.
    const bare = await restoreBackup(backupFile, join(dir, 'bare.db'), { erasures: null, at: '2026-11-30T09:00:00.000Z' });
    expect(bare).toMatchObject({ erasedAgain: 0, people: 6 });
  });

  it('refuses to restore a missing backup, over an existing file, or a backup of another database', async () => {
    const store = await openStore();
    await store.applyBatch(contractGraph());
    const backupFile = join(dir, 'b.db');
    await store.backup(backupFile);
    const ledger = await store.apiStorage().erasureLedger();
    const missing = await rejection(restoreBackup(join(dir, 'nope.db'), join(dir, 'r1.db'), { erasures: ledger, at: 'x' }));
    expect((missing as BridgeworkError).message).toMatch(/^store-sqlite: restore: there is no backup at .*nope\.db/);
    await writeFile(join(dir, 'taken.db'), 'keep');
    const taken = await rejection(restoreBackup(backupFile, join(dir, 'taken.db'), { erasures: ledger, at: 'x' }));
    expect((taken as BridgeworkError).message).toMatch(/taken\.db already exists; restore into a new file/);
    expect(await readFile(join(dir, 'taken.db'), 'utf8')).toBe('keep');
    // Another database, with erasures of its own under its own key.
    const other = await openSqliteStore(join(dir, 'other.db'));
    open.push(other);
    await other.putPerson(person({ id: 'p-x', name: 'X' }));
    await other.apiStorage().eraseSubject('p-x', '2026-11-01T00:00:00.000Z');
    const otherBackup = join(dir, 'other-backup.db');
    await other.backup(otherBackup);
    const foreign = await rejection(restoreBackup(otherBackup, join(dir, 'r2.db'), { erasures: ledger, at: 'x' }));
    expect((foreign as BridgeworkError).code).toBe('validation');
    expect((foreign as BridgeworkError).message).toMatch(/not a backup of this database/);
    expect(existsSync(join(dir, 'r2.db'))).toBe(false);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('lets a second connection read what the first wrote', async () => {
    const writer = await openStore();
    const reader = await openStore();
    await writer.applyBatch(contractGraph());
    expect(await reader.counts()).toStrictEqual({ people: 4, organisations: 2, events: 2, ties: 8 });
  });

  it('gives module-prefixed BridgeworkErrors for a closed store, a bad file and bad arguments', async () => {
    const store = await openStore();
    await store.close();
    await store.close();
    const closed = await rejection(store.getNode('p-1'));
    expect(closed).toBeInstanceOf(BridgeworkError);
    expect((closed as BridgeworkError).code).toBe('store');
    expect((closed as BridgeworkError).message).toBe(`store-sqlite: getNode: the store at ${file} is closed`);

    const notADatabase = join(dir, 'notes.db');
    await writeFile(notADatabase, 'this is not a database, just some text that is long enough to have a header\n'.repeat(20));
    const bad = await rejection(openSqliteStore(notADatabase));
    expect(bad).toBeInstanceOf(BridgeworkError);
    expect((bad as BridgeworkError).code).toBe('store');
    expect((bad as BridgeworkError).message).toMatch(/^store-sqlite: cannot open .*notes\.db: file is not a database/);

    const live = await openStore();
    const limit = await rejection(live.listNodes({ limit: -1 }));
    expect((limit as BridgeworkError).message).toBe('store-sqlite: limit must be a whole number ≥ 0, not -1');
    const kind = await rejection(live.getTie('a', 'b', 'acquainted' as never));
    expect((kind as BridgeworkError).message).toBe('store-sqlite: unknown tie kind "acquainted"');
  });

  it('refuses a row that no longer matches the schema instead of returning it', async () => {
    const store = await openStore();
    await store.putPerson(person({ id: 'p-1', name: 'One' }));
    await store.close();
    const db = new Database(file);
    db.prepare("UPDATE nodes SET data = json_set(data, '$.roles', json_array('astronaut')) WHERE id = 'p-1'").run();
    db.close();
    const again = await openStore();
    const error = await rejection(again.getNode('p-1'));
    expect((error as BridgeworkError).code).toBe('store');
    expect((error as BridgeworkError).message).toMatch(/^store-sqlite: stored person "p-1" is not valid: /);
  });
});
