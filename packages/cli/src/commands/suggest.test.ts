import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { REPO_ROOT, runCli, withTempDir } from '../testing/run-cli.js';

const DEMO = ['people.csv', 'organisations.csv', 'events.csv', 'ties.csv'].map((f) => join(REPO_ROOT, 'fixtures/demo-town', f));

describe('bridgework suggest', () => {
  it('ranks introductions for a person from a real SQLite file, as text and JSON, and for a caseload', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await runCli(['import', '--db', db, ...DEMO])).code).toBe(0);
      const json = await runCli(['suggest', '--db', db, 'p-012', '--now', '2026-11-01', '--k', '5', '--json']);
      expect(json.stderr).toBe('');
      expect(json.code).toBe(0);
      const r = JSON.parse(json.stdout);
      expect(r.personId).toBe('p-012');
      expect(r.profile).toBe('balanced');
      expect(r.suggestions).toHaveLength(5);
      expect(r.suggestions.map((s: { rank: number }) => s.rank)).toEqual([1, 2, 3, 4, 5]);
      for (const s of r.suggestions) {
        expect(s.introducers[0].path[0].from).toBe('p-012');
        expect(s.introducers[0].path.at(-1).to).toBe(s.id);
        expect(s.sentences.join(' ')).toContain(s.introducers[0].name);
      }

      const text = await runCli(['suggest', '--db', db, 'p-012', '--now', '2026-11-01', '--k', '5', '--profile', 'warm']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Introductions for Grace Foster (p-012), profile warm');
      expect(text.stdout).toMatch(/ 1\. .+ — via .+ — score \d+\.\d\d/);

      const caseload = await runCli(['suggest', '--db', db, '--caseload', 'p-001', '--now', '2026-11-01', '--k', '3', '--json']);
      expect(caseload.code).toBe(0);
      const c = JSON.parse(caseload.stdout);
      expect(c.coach.id).toBe('p-001');
      expect(c.members.length).toBe(15);
      for (const x of c.introducerLoad) expect(x.asks).toBeLessThanOrEqual(3);

      const missing = await runCli(['suggest', '--db', db, 'p-nobody', '--now', '2026-11-01']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('no person with id "p-nobody"');
      const badProfile = await runCli(['suggest', '--db', db, 'p-012', '--profile', 'loud']);
      expect(badProfile.code).toBe(1);
      expect(badProfile.stderr).toContain('--profile must be one of balanced, warm, bridging');
    });
  });
});
