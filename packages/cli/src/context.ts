/**
 * What every command shares: where relative paths are resolved, the default database path, printing, and how
 * errors become exit codes. Commands stay thin: they read files, call graph-core and the store, and print.
 */
import { isAbsolute, resolve } from 'node:path';
import { BridgeworkError, InputError, formatProblem } from '@bridgework/graph-core/errors';

/** Exit codes: 0 done, 1 bad input (nothing was written), 2 bad usage, 3 the store or the system failed. */
export const EXIT = { ok: 0, input: 1, usage: 2, failure: 3 } as const;

export const DEFAULT_DB = 'data/bridgework.db';

/** `pnpm` runs scripts from the repository root; paths the user typed are relative to where they typed them. */
export function userPath(p: string): string {
  if (isAbsolute(p)) return p;
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars) — false in tests and pipes. */
  tty: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  tty: Boolean(process.stderr.isTTY),
};

/** Print an error the way a person can act on it and return the exit code. */
export function reportError(io: Io, e: unknown, maxProblems = 50): number {
  if (e instanceof InputError) {
    io.err(`error: ${e.total} problem${e.total === 1 ? '' : 's'} in the input; nothing was written.`);
    for (const p of e.problems.slice(0, maxProblems)) io.err(`  ${formatProblem(p)}`);
    if (e.total > maxProblems) io.err(`  … and ${e.total - maxProblems} more`);
    return EXIT.input;
  }
  if (e instanceof BridgeworkError) {
    io.err(`error: ${e.message}`);
    return e.code === 'validation' || e.code === 'parse' || e.code === 'import' || e.code === 'not-found' ? EXIT.input : EXIT.failure;
  }
  if (e && typeof e === 'object' && 'code' in e && (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES')) {
    io.err(`error: ${(e as unknown as Error).message}`);
    return EXIT.input;
  }
  io.err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return EXIT.failure;
}
