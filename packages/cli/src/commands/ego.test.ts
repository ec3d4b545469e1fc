import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { REPO_ROOT, runCli, withTempDir } from '../testing/run-cli.js';

const DEMO = ['people.csv', 'organisations.csv', 'events.csv', 'ties.csv'].map((f) => join(REPO_ROOT, 'fixtures/demo-town', f));

describe('bridgework ego', () => {
  it("reports a person's network and refuses an unknown id", async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await runCli(['import', '--db', db, ...DEMO])).code).toBe(0);
      const r = await runCli(['ego', '--db', db, 'p-009', '--now', '2026-11-01', '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const ego = JSON.parse(r.stdout);
      expect(ego.id).toBe('p-009');
      expect(ego.size).toBeGreaterThan(0);
      expect(ego.density).toBeGreaterThan(0);
      expect(ego.density).toBeLessThanOrEqual(1);
      expect(ego.constraint).toBeGreaterThan(0);
      // Sectors within two steps are exactly those at distance 1 or 2.
      const near = Object.entries(ego.stepsToSector as Record<string, number | null>).filter(([, d]) => d !== null && d <= 2).map(([s]) => s);
      expect(ego.sectors.twoSteps).toEqual(near);
      const text = await runCli(['ego', '--db', db, 'p-009', '--now', '2026-11-01']);
      expect(text.stdout).toContain(`contacts: ${ego.size}`);
      const missing = await runCli(['ego', '--db', db, 'p-nobody']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('no person with id "p-nobody"');
    });
  });
});
