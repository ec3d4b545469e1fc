/**
 * `bridgework restore`: a backup into a new database file, with the erasures made since the backup applied again
 * (read from the current database's erasure ledger). The current database is only read; swapping the files is left
 * to the operator, with the server stopped.
 */
import { existsSync } from 'node:fs';
import { openSqliteStore, restoreBackup, type ErasureLedger } from '@bridgework/store-sqlite';
import { EXIT, userPath, type Io } from '../context.js';

export interface RestoreCommandOptions {
  /** The database the restore replaces: its erasure ledger is applied to the backup. */
  db: string;
  from: string;
  out: string;
  /** Restore without the current database's erasures (only when it is lost). */
  withoutErasures?: boolean;
}

export async function runRestore(io: Io, opts: RestoreCommandOptions, now: () => Date = () => new Date()): Promise<number> {
  const current = userPath(opts.db);
  let erasures: ErasureLedger | null = null;
  if (opts.withoutErasures) {
    io.err(
      `warning: restoring without the erasure ledger of ${opts.db}: anyone erased since the backup was made comes back — ` +
        're-run those erasures from your own record of them',
    );
  } else {
    if (!existsSync(current)) {
      io.err(
        `error: there is no current database at ${opts.db} to read erasures from (the people erased since the backup must be erased again). ` +
          'Name it with --db; if it is lost, pass --without-erasures and re-run those erasures from your own records.',
      );
      return EXIT.input;
    }
    const store = await openSqliteStore(current);
    try {
      erasures = await store.apiStorage().erasureLedger();
    } finally {
      await store.close();
    }
  }
  const r = await restoreBackup(userPath(opts.from), userPath(opts.out), { erasures, at: now().toISOString() });
  io.out(
    `Restored ${opts.from} into ${opts.out} (integrity check ok): ${r.people} people, ${r.organisations} organisations, ${r.events} events, ` +
      `${r.ties} ties, ${r.introductions} introductions` +
      (erasures ? `; ${r.erasedAgain} ${r.erasedAgain === 1 ? 'person' : 'people'} erased since the backup erased again.` : '.'),
  );
  io.out(`To use it: stop the server, move ${opts.db} and its -wal and -shm files aside, move ${opts.out} to ${opts.db}, and start again (or serve --db ${opts.out}).`);
  return EXIT.ok;
}
