import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInProcess as run } from '../testing/in-process.js';
import { DEMO_FILES, withTempDir } from '../testing/run-cli.js';

describe('bridgework backup', () => {
  it('copies the whole database into one file that holds the same town', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await run(['import', '--db', db, ...DEMO_FILES])).code).toBe(0);
      const out = join(dir, 'backups', 'town-2026-11-29.db');
      const r = await run(['backup', '--db', db, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Backed up .*town\.db to .*town-2026-11-29\.db \([\d.]+ MB, schema version \d+; integrity check ok\): 400 people, 120 organisations, 20 events, 3743 ties, 0 introductions\.$/m);
      // The copy answers as the original does.
      const original = await run(['stats', '--db', db, '--json']);
      const copy = await run(['stats', '--db', out, '--json']);
      expect(JSON.parse(copy.stdout)).toEqual(JSON.parse(original.stdout));
    });
  });

  it('refuses to overwrite a file or to back up a database that is not there, changing nothing', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await run(['import', '--db', db, ...DEMO_FILES])).code).toBe(0);
      const taken = join(dir, 'taken.db');
      await writeFile(taken, 'an older backup');
      const overwrite = await run(['backup', '--db', db, '--out', taken]);
      expect(overwrite.code).toBe(1);
      expect(overwrite.stderr).toMatch(/taken\.db already exists; name a new file/);
      expect(await readFile(taken, 'utf8')).toBe('an older backup');

      const missing = join(dir, 'nothing-here.db');
      const none = await run(['backup', '--db', missing, '--out', join(dir, 'x.db')]);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/there is no database at .*nothing-here\.db to back up/);
      expect(existsSync(missing)).toBe(false); // not created empty on the way
      expect(existsSync(join(dir, 'x.db'))).toBe(false);
    });
  });
});
