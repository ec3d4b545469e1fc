import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '@bridgework/store-sqlite';
import { runInProcess as run } from '../testing/in-process.js';
import { DEMO_FILES, withTempDir } from '../testing/run-cli.js';

const people = async (db: string) => JSON.parse((await run(['stats', '--db', db, '--json'])).stdout).people.total as number;

/** The demo town in `dir`/town.db and a backup of it; their paths. */
async function townWithBackup(dir: string, name: string): Promise<{ db: string; backup: string }> {
  const db = join(dir, 'town.db');
  expect((await run(['import', '--db', db, ...DEMO_FILES])).code).toBe(0);
  const backup = join(dir, name);
  expect((await run(['backup', '--db', db, '--out', backup])).code).toBe(0);
  return { db, backup };
}

describe('bridgework restore', () => {
  it('brings a backup back into a new file with the people erased since then erased again', async () => {
    await withTempDir(async (dir) => {
      const { db, backup } = await townWithBackup(dir, 'monday.db');
      // Tuesday: someone asks to be erased (through the API, which calls the same storage).
      const store = await openSqliteStore(db);
      await store.apiStorage().eraseSubject('p-099', '2026-11-29T10:00:00.000Z');
      await store.close();

      const out = join(dir, 'restored.db');
      const r = await run(['restore', '--db', db, '--from', backup, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Restored .*monday\.db into .*restored\.db \(integrity check ok\): 399 people, .*; 1 person erased since the backup erased again\./);
      expect(r.stdout).toMatch(/To use it: stop the server/);
      expect(await people(out)).toBe(399);
      const restored = await openSqliteStore(out);
      expect(await restored.getNode('p-099')).toBeUndefined();
      await restored.close();
      expect(await people(db)).toBe(399); // the current database was only read
    });
  });

  it('will not restore without the current erasures unless told the database is lost', async () => {
    await withTempDir(async (dir) => {
      const { db, backup } = await townWithBackup(dir, 'b.db');
      const lost = join(dir, 'lost.db');
      const refused = await run(['restore', '--db', lost, '--from', backup, '--out', join(dir, 'r.db')]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/there is no current database at .*lost\.db to read erasures from.*--without-erasures/);
      expect(existsSync(join(dir, 'r.db'))).toBe(false);
      expect(existsSync(lost)).toBe(false);

      const bare = await run(['restore', '--db', lost, '--from', backup, '--out', join(dir, 'r.db'), '--without-erasures']);
      expect(bare.code).toBe(0);
      expect(bare.stderr).toMatch(/warning: restoring without the erasure ledger/);
      expect(await people(join(dir, 'r.db'))).toBe(400);
      const again = await run(['restore', '--db', db, '--from', backup, '--out', join(dir, 'r.db')]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/r\.db already exists; restore into a new file/);
    });
  });
});
