import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '@bridgework/store-sqlite';
import { main } from '../program.js';
import { DEMO_FILES, withTempDir } from '../testing/run-cli.js';

/** Run the command tree in this process with captured output. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), tty: false });
  return { code, stdout, stderr };
}

const people = async (db: string) => JSON.parse((await run(['stats', '--db', db, '--json'])).stdout).people.total as number;

describe('bridgework restore', () => {
  it('brings a backup back into a new file with the people erased since then erased again', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await run(['import', '--db', db, ...DEMO_FILES])).code).toBe(0);
      const backup = join(dir, 'monday.db');
      expect((await run(['backup', '--db', db, '--out', backup])).code).toBe(0);
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
      const db = join(dir, 'town.db');
      expect((await run(['import', '--db', db, ...DEMO_FILES])).code).toBe(0);
      const backup = join(dir, 'b.db');
      expect((await run(['backup', '--db', db, '--out', backup])).code).toBe(0);
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
