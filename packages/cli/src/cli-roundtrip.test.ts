import { describe, expect, it } from '@jest/globals';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_FILES, dumpDb as dump, runCli, withTempDir } from './testing/run-cli.js';

// Its own file so that jest runs this long round trip beside the other command-line tests.
describe('bridgework export and import', () => {
  it('exports every format and re-imports each into an identical database', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await runCli(['import', '--db', db, ...DEMO_FILES])).code).toBe(0);
      const original = await dump(dir, db);
      const csvDir = join(dir, 'csv');
      expect((await runCli(['export', '--db', db, '--format', 'csv', '--out', csvDir])).code).toBe(0);
      expect((await readdir(csvDir)).sort()).toEqual(['events.csv', 'organisations.csv', 'people.csv', 'ties.csv']);
      // The formats are independent: each exports, re-imports into its own copy and compares, side by side.
      const formats = [
        ['json', 'town.json'],
        ['gexf', 'town.gexf'],
        ['graphml', 'town.graphml'],
      ] as const;
      await Promise.all(
        formats.map(async ([format, file]) => {
          const out = join(dir, file);
          const e = await runCli(['export', '--db', db, '--format', format, '--out', out]);
          expect(e.code).toBe(0);
          const copy = join(dir, `copy-${format}.db`);
          const imp = await runCli(['import', '--db', copy, out]);
          expect(imp.stderr).toBe(imp.stderr.replace(/error/g, ''));
          expect(imp.code).toBe(0);
          expect(await dump(dir, copy)).toBe(original);
        }),
      );
      const fromCsv = join(dir, 'copy-csv.db');
      const csvFiles = ['people.csv', 'organisations.csv', 'events.csv', 'ties.csv'].map((f) => join(csvDir, f));
      expect((await runCli(['import', '--db', fromCsv, ...csvFiles])).code).toBe(0);
      expect(await dump(dir, fromCsv)).toBe(original);
    });
  });
});
