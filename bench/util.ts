/** Small helpers shared by the benchmark runner (run.ts) and its analysis suite (analysis.ts). */
import { spawnSync } from 'node:child_process';

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
export const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const mb = (bytes: number | null | undefined) => (bytes == null ? '—' : `${(bytes / 2 ** 20).toFixed(0)} MB`);
export const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
export const us = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} µs`;
/** Milliseconds as seconds past 10 s, for the long analyses. */
export const duration = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : ms(x));

/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Run a command that prints one JSON line last; throw with its stderr when it fails. */
export function runJson(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Record<string, unknown> {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as Record<string, unknown>;
}

/**
 * The same with a time limit: null when the command was stopped at `capSeconds` (did not finish), the parsed line
 * otherwise.
 */
export function runJsonCapped(command: string, args: string[], capSeconds: number): Record<string, unknown> | null {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: capSeconds * 1000, killSignal: 'SIGKILL' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return null;
  if (r.signal === 'SIGKILL') return null;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as Record<string, unknown>;
}
