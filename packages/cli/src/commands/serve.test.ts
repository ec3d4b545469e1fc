/** End-to-end: `bridgework keys …`, `bridgework serve` and `bridgework start` as a user runs them, on a free port. */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { generateDemoTown } from '@bridgework/graph-core';
import { collect, runCli, spawnCli, withTempDir, type CliResult } from '../testing/run-cli.js';

/** Wait until the child's stdout matches `pattern`; fail if it exits first or takes longer than 30 s. */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got:\n${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      reject(new Error(`exited before printing ${pattern}:\n${out}`));
    });
  });
}

async function stop(child: ChildProcess, done: Promise<CliResult>): Promise<CliResult> {
  child.kill('SIGTERM');
  return done;
}

describe('bridgework keys', () => {
  it('creates a key printed once, lists it without the secret and revokes it', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'keys.db');
      expect((await runCli(['start', '--db', db, '--no-serve'])).code).toBe(0);
      const made = await runCli(['keys', 'create', '--db', db, '--role', 'coach', '--coach', 'p-001', '--name', 'tablet']);
      expect(made.stderr).toMatch(/Created coach key [0-9a-f]{16} for coach p-001/);
      expect(made.code).toBe(0);
      const key = made.stdout.trim();
      expect(key).toMatch(/^bw_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      const id = key.slice(3, 19);

      const list = await runCli(['keys', 'list', '--db', db, '--json']);
      expect(list.code).toBe(0);
      const keys = JSON.parse(list.stdout);
      expect(keys).toEqual([expect.objectContaining({ id, role: 'coach', coachId: 'p-001', name: 'tablet', revokedAt: null })]);
      expect(list.stdout).not.toContain(key.slice(20));
      expect((await runCli(['keys', 'list', '--db', db])).stdout).toMatch(new RegExp(`${id}\\s+coach\\s+p-001`));

      expect((await runCli(['keys', 'revoke', id, '--db', db])).stdout).toContain(`Revoked key ${id}.`);
      const again = await runCli(['keys', 'revoke', id, '--db', db]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`no live key with id "${id}"`);
      expect(JSON.parse((await runCli(['keys', 'list', '--db', db, '--json'])).stdout)[0].revokedAt).not.toBeNull();
    });
  });

  it('refuses a coach key without a coach, for an unknown person, and a bad role', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'keys.db');
      const noCoach = await runCli(['keys', 'create', '--db', db, '--role', 'coach']);
      expect(noCoach.code).toBe(1);
      expect(noCoach.stderr).toContain('a coach key needs');
      const unknown = await runCli(['keys', 'create', '--db', db, '--role', 'coach', '--coach', 'nobody']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no person with id "nobody"');
      const role = await runCli(['keys', 'create', '--db', db, '--role', 'root']);
      expect(role.code).toBe(2);
      const scope = await runCli(['keys', 'create', '--db', db, '--role', 'service', '--scope', 'everything']);
      expect(scope.code).toBe(1);
      expect(scope.stderr).toContain('unknown scope "everything"');
      expect(scope.stdout).toBe('');
    });
  });
});

describe('bridgework serve and start', () => {
  it('serves the API on a free port with a key made by keys create, and stops on SIGTERM', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'serve.db');
      expect((await runCli(['start', '--db', db, '--no-serve'])).code).toBe(0);
      const key = (await runCli(['keys', 'create', '--db', db, '--role', 'analyst'])).stdout.trim();
      const child = spawnCli(['serve', '--db', db, '--port', '0']);
      const done = collect(child);
      const [, url] = await waitFor(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const r = await fetch(`${url}/v1/analytics/summary`, { headers: { authorization: `Bearer ${key}` } });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { people: { total: number } }).people.total).toBe(generateDemoTown({ seed: 42 }).people.length);
      expect((await fetch(`${url}/v1/analytics/summary`)).status).toBe(401);
      const result = await stop(child, done);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Stopped.');
      // Access logs are JSON on stderr, with request ids and no names.
      const lines = result.stderr.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.some((l) => l.route === '/v1/analytics/summary' && l.status === 200 && typeof l.reqId === 'string')).toBe(true);
      const someName = generateDemoTown({ seed: 42 }).people[0]!.name;
      expect(result.stderr).not.toContain(someName);
    });
  });

  it('start seeds the demo town, prints a new admin key once, serves, and stops on SIGTERM', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'start.db');
      const child = spawnCli(['start', '--db', db, '--port', '0']);
      const done = collect(child);
      const [, key] = await waitFor(child, /Admin API key \(shown once, keep it safe\): (bw_\S+)/);
      const result0 = done;
      const { stdout } = await stop(child, result0);
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      expect(url).toBeDefined();
      expect(stdout).toContain('seeded it with the demo town');

      // The key works on the next start, which does not make another one.
      const again = spawnCli(['start', '--db', db, '--port', '0']);
      const againDone = collect(again);
      const [, url2] = await waitFor(again, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const people = await fetch(`${url2}/v1/people?role=coach&limit=1`, { headers: { authorization: `Bearer ${key}` } });
      expect(people.status).toBe(200);
      expect(((await people.json()) as { items: unknown[] }).items).toHaveLength(1);
      const second = await stop(again, againDone);
      expect(second.code).toBe(0);
      expect(second.stdout).not.toContain('seeded');
      expect(second.stdout).not.toContain('Admin API key');
      expect(second.stdout).toContain('an admin key exists already');
      const keys = JSON.parse((await runCli(['keys', 'list', '--db', db, '--json'])).stdout);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatchObject({ role: 'admin', name: 'local admin (bridgework start)' });
    });
  });

  it('says clearly when the port is taken', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'busy.db');
      const first = spawnCli(['serve', '--db', db, '--port', '0']);
      const firstDone = collect(first);
      const [, port] = await waitFor(first, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
      const second = await runCli(['serve', '--db', db, '--port', port!]);
      expect(second.code).toBe(3);
      expect(second.stderr).toContain(`cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
      expect(second.stderr).not.toMatch(/\n\s+at /);
      expect((await stop(first, firstDone)).code).toBe(0);
    });
  });
});
