import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFile, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDemoTown, toCsvFiles } from '@bridgework/graph-core';
import { SERVER_DEFAULTS } from '@bridgework/api';
import { SERVE_DEFAULTS } from './option-values.js';
import { main } from './program.js';
import { DEMO_UPCOMING_EVENTS } from './commands/start.js';
import { DEMO, DEMO_FILES, collect, dumpDb as dump, runCli, spawnCli, withTempDir } from './testing/run-cli.js';


const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Data rows of a CSV file (quoted newlines are not used in the fixtures). */
const rows = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n').length - 1;

describe('bridgework command line', () => {
  // Help and usage errors are checked in-process through `main` (the same code the binary runs); one real child
  // process proves the binary itself answers.
  const inProcess = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`), tty: false });
    return { code, stdout, stderr };
  };

  it("listens where the API server does by default (the CLI keeps its own copy so help loads no server code)", () => {
    expect(SERVE_DEFAULTS).toEqual({ port: SERVER_DEFAULTS.port, host: SERVER_DEFAULTS.host });
  });

  it('prints help for every command and exits 0', async () => {
    for (const cmd of ['start', 'import', 'export', 'stats', 'analyze', 'ego', 'suggest', 'evaluate', 'serve', 'demo-town']) {
      const r = await inProcess([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: bridgework ${cmd}`);
      if (cmd !== 'demo-town' && cmd !== 'evaluate') expect(r.stdout).toContain('--db <path>');
    }
    for (const sub of ['create', 'list', 'revoke']) {
      const r = await inProcess(['keys', sub, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: bridgework keys ${sub}`);
    }
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'keys', 'import', 'export', 'stats', 'analyze', 'suggest', 'evaluate']) expect(top.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
  });

  it('rejects bad usage with exit code 2 and says what is wrong', async () => {
    const r = await runCli(['export', '--format', 'xls', '--out', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/xls/);
    const n = await inProcess(['import', '--max-errors', 'many', 'x.csv']);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('--max-errors must be a whole number');
  });

  it('keeps the committed demo town identical to what the seeded generator makes', async () => {
    const files = toCsvFiles(generateDemoTown({ seed: 42 }));
    for (const [name, content] of Object.entries(files)) {
      expect(await readFile(join(DEMO, name), 'utf8')).toBe(content);
    }
  });

  it('imports the demo town and stats --json gives its counts', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      const imp = await runCli(['import', '--db', db, ...DEMO_FILES]);
      expect(imp.stderr).not.toContain('error');
      expect(imp.code).toBe(0);
      const st = await runCli(['stats', '--db', db, '--json']);
      expect(st.code).toBe(0);
      const stats = JSON.parse(st.stdout);
      expect(stats.people.total).toBe(await rows(DEMO_FILES[0]!));
      expect(stats.organisations.total).toBe(await rows(DEMO_FILES[1]!));
      expect(stats.events.total).toBe(await rows(DEMO_FILES[2]!));
      expect(stats.ties.total).toBe(await rows(DEMO_FILES[3]!));
      // Independently counted from the generator's data.
      const town = generateDemoTown({ seed: 42 });
      const members = town.people.filter((p) => p.roles.includes('member')).length;
      const coaches = town.people.filter((p) => p.roles.includes('coach')).length;
      expect(stats.people.byRole.member).toBe(members);
      expect(stats.people.byRole.coach).toBe(coaches);
      const works = town.ties.filter((t) => t.kind === 'works-at').length;
      expect(stats.ties.byKind['works-at']).toBe(works);
      const retail = town.organisations.filter((o) => o.sector === 'G').length;
      expect(stats.organisations.bySector.G).toEqual({ label: 'Wholesale and retail trade; repair of motor vehicles and motorcycles', count: retail });
      expect(stats.components.count).toBeGreaterThanOrEqual(1);
      expect(stats.components.sizes.reduce((a: number, b: number) => a + b, 0)).toBe(
        town.people.length + town.organisations.length + town.events.length,
      );

      // Importing the same files again changes nothing.
      const before = await dump(dir, db);
      const again = await runCli(['import', '--db', db, ...DEMO_FILES]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/0 new, 0 updated/);
      expect(await dump(dir, db)).toBe(before);
    });
  });

  it('names every bad row of a ties file, exits non-zero and leaves the database as it was', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await runCli(['import', '--db', db, ...DEMO_FILES.slice(0, 3)])).code).toBe(0);
      const before = await dump(dir, db);
      const ties = join(dir, 'ties.csv');
      await writeFile(
        ties,
        [
          'source,target,kind,strength,since,last_contact',
          'p-001,p-002,knows,0.4,2024-01-01,2026-01-01',
          'p-001,p-nobody,knows,0.4,,', // line 3: unknown id
          'p-003,p-004,knows,1.7,,', // line 4: strength out of range
          'p-005,p-006,knows,0.5,,',
          'p-007,p-008,acquainted,0.5,,', // line 6: unknown kind
        ].join('\n') + '\n',
      );
      const r = await runCli(['import', '--db', db, ties]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('3 problems');
      expect(r.stderr).toMatch(/ties\.csv:3, column target: unknown node id \(value "p-nobody"\)/);
      expect(r.stderr).toMatch(/ties\.csv:4, column strength: .*\[0, 1\].*1\.7/);
      expect(r.stderr).toMatch(/ties\.csv:6, column kind: .*knows.*acquainted/);
      expect(r.stderr).toContain('nothing was written');
      expect(await dump(dir, db)).toBe(before);
    });
  });

  it('leaves the database exactly as before when killed in the middle of a large import', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'big.db');
      const n = 3000;
      const people = ['id,name,roles'];
      for (let i = 0; i < n; i++) people.push(`q${i},Person ${i},member`);
      await writeFile(join(dir, 'people.csv'), people.join('\n') + '\n');
      expect((await runCli(['import', '--db', db, join(dir, 'people.csv')])).code).toBe(0);
      const before = await dump(dir, db);

      const ties = ['source,target,kind,strength'];
      for (let i = 0; i < 200_000; i++) {
        const a = i % n;
        const b = (a + 1 + Math.floor(i / n)) % n; // distinct pairs: the offset stays below n / 2
        ties.push(`q${a},q${b},knows,0.${(i % 9) + 1}`);
      }
      const tiesFile = join(dir, 'ties.csv');
      await writeFile(tiesFile, ties.join('\n') + '\n');

      const child = spawnCli(['import', '--db', db, tiesFile]);
      const done = collect(child);
      let stderr = '';
      await new Promise<void>((res, rej) => {
        child.stderr!.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes('in one transaction')) res();
        });
        child.on('close', () => rej(new Error(`import ended before writing: ${stderr}`)));
      });
      // Let the transaction get well under way (the WAL grows) before pulling the plug.
      const wal = `${db}-wal`;
      const started = Date.now();
      while (Date.now() - started < 20_000) {
        const size = await stat(wal).then((s) => s.size, () => 0);
        if (size > 1_000_000) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      child.kill('SIGKILL');
      const r = await done;
      expect(r.signal).toBe('SIGKILL');
      expect(r.stdout).not.toContain('Imported');
      expect(sha(await dump(dir, db))).toBe(sha(before));
      const st = JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout);
      expect(st.ties.total).toBe(0);
      expect(st.people.total).toBe(n);
    });
  });

  it('imports a plain edge list relative to where the user typed the command', async () => {
    await withTempDir(async (dir) => {
      const edges = 'member_a\tmember_b\tweight\n# a comment\n0\t1\t4\n0\t2\t5\n1\t2\t2\n2\t2\t1\n';
      await writeFile(join(dir, 'club.tsv'), edges);
      const r = await runCli(['import', '--db', 'club.db', 'club.tsv'], dir);
      expect(r.stderr).not.toMatch(/error/);
      expect(r.code).toBe(0);
      const st = JSON.parse((await runCli(['stats', '--db', join(dir, 'club.db'), '--json'])).stdout);
      expect(st.people.total).toBe(3);
      expect(st.ties.total).toBe(3);
      expect(st.ties.byKind).toEqual({ linked: 3 });
    });
  });

  it('starts on an empty database by seeding the demo town, and only once', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'fresh.db');
      const first = await runCli(['start', '--db', db, '--no-serve']);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('seeded it with the demo town');
      expect(first.stdout).toContain(`${DEMO_UPCOMING_EVENTS} events still to come`);
      const town = generateDemoTown({ seed: 42, upcomingEvents: DEMO_UPCOMING_EVENTS });
      expect(first.stdout).toContain(`People: ${town.people.length}`);
      expect(first.stdout).toContain(`Events: ${town.events.length}`);
      const second = await runCli(['start', '--db', db, '--no-serve']);
      expect(second.code).toBe(0);
      expect(second.stdout).not.toContain('seeded');
      expect(second.stdout).toContain(`Ties: ${town.ties.length}`);
    });
  });

  it('reports a missing file clearly and writes nothing', async () => {
    await withTempDir(async (dir) => {
      const r = await runCli(['import', '--db', join(dir, 'x.db'), join(dir, 'missing.csv')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/missing\.csv/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
