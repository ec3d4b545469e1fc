/** Run the real `bridgework` command in a child process, as a user would, for end-to-end tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const BIN = join(REPO_ROOT, 'packages/cli/src/bin.ts');

/** The committed demo town and its four CSV files. */
export const DEMO = join(REPO_ROOT, 'fixtures/demo-town');
export const DEMO_FILES = ['people.csv', 'organisations.csv', 'events.csv', 'ties.csv'].map((f) => join(DEMO, f));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start the CLI; `cwd` is where relative paths resolve (as INIT_CWD under pnpm). */
export function spawnCli(args: string[], cwd: string = REPO_ROOT): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, INIT_CWD: cwd, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runCli(args: string[], cwd?: string): Promise<CliResult> {
  const child = spawnCli(args, cwd);
  return collect(child);
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res, rej) => {
    child.on('error', rej);
    child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
  });
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'bridgework-cli-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The database's whole content as JSON, through the CLI's own export (fails the test if the export fails). */
export async function dumpDb(dir: string, db: string): Promise<string> {
  const out = join(dir, `dump-${Math.random().toString(36).slice(2)}.json`);
  const r = await runCli(['export', '--db', db, '--format', 'json', '--out', out]);
  if (r.code !== 0) throw new Error(`export of ${db} failed (exit ${String(r.code)}): ${r.stderr}`);
  return readFile(out, 'utf8');
}
