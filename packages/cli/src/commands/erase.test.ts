import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '@bridgework/store-sqlite';
import { runInProcess as run } from '../testing/in-process.js';
import { DEMO_FILES, withTempDir } from '../testing/run-cli.js';

describe('bridgework erase', () => {
  it('says what would go without --yes, and with it erases the person from every byte of the file, audited', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await run(['import', '--db', db, ...DEMO_FILES])).code).toBe(0);
      const store = await openSqliteStore(db);
      const person = await store.getNode('p-099');
      const ties = (await store.tiesOf('p-099')).length;
      await store.close();
      const name = (person as { name: string }).name;

      const dry = await run(['erase', 'p-099', '--db', db]);
      expect(dry.code).toBe(2);
      expect(dry.stdout).toContain(`Would erase ${name} (p-099): the person, ${ties} ties, 0 introductions`);
      expect(dry.stderr).toMatch(/Nothing was erased: add --yes/);
      expect((await readFile(db)).includes(name)).toBe(true);

      const r = await run(['erase', 'p-099', '--db', db, '--yes']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Erased p-099: ${ties} ties, 0 introductions, .*audit entries now read erased:[0-9a-f]{32}\\.$`, 'm'));
      const bytes = Buffer.concat([await readFile(db), existsSync(`${db}-wal`) ? await readFile(`${db}-wal`) : Buffer.alloc(0)]);
      expect(bytes.includes(name)).toBe(false);
      expect(bytes.includes('p-099')).toBe(false);
      const after = await openSqliteStore(db);
      expect(await after.getNode('p-099')).toBeUndefined();
      const audit = await after.apiStorage().queryAudit({ action: 'erase' });
      expect(audit).toEqual([expect.objectContaining({ actor: 'cli', resource: 'person', target: expect.stringMatching(/^erased:/) })]);
      expect((await after.apiStorage().erasureLedger()).entries).toHaveLength(1);
      await after.close();
    });
  });

  it('refuses an unknown id and an organisation, erasing nothing', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await run(['import', '--db', db, ...DEMO_FILES])).code).toBe(0);
      const unknown = await run(['erase', 'p-nobody', '--db', db, '--yes']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/cli\/erase: no person with id "p-nobody"/);
      const org = await run(['erase', 'o-001', '--db', db, '--yes']);
      expect(org.code).toBe(1);
      expect(org.stderr).toMatch(/it is an organisation: erasure is for people/);
      expect(JSON.parse((await run(['stats', '--db', db, '--json'])).stdout).people.total).toBe(400);
    });
  });
});
