/**
 * `bridgework backup`: a consistent copy of the whole database (graph, introductions, keys, audit log) while the
 * server may be using it — one self-contained, checked file, written beside the destination and renamed into place.
 */
import { existsSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { openSqliteStore } from '@bridgework/store-sqlite';
import { EXIT, userPath, type Io } from '../context.js';

export interface BackupCommandOptions {
  db: string;
  out: string;
}

export async function runBackup(io: Io, opts: BackupCommandOptions): Promise<number> {
  const source = userPath(opts.db);
  if (!existsSync(source)) {
    io.err(`error: there is no database at ${opts.db} to back up`);
    return EXIT.input;
  }
  const store = await openSqliteStore(source);
  const bar = io.tty ? new SingleBar({ format: 'backup [{bar}] {percentage}% {value}/{total} pages', hideCursor: true }) : null;
  let started = false;
  try {
    const r = await store.backup(userPath(opts.out), {
      onProgress: (done, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
    });
    if (started) bar!.stop();
    const mb = (r.bytes / 1_048_576).toFixed(1);
    io.out(
      `Backed up ${opts.db} to ${opts.out} (${mb} MB, schema version ${r.schemaVersion}; integrity check ok): ` +
        `${r.people} people, ${r.organisations} organisations, ${r.events} events, ${r.ties} ties, ${r.introductions} introductions.`,
    );
    return EXIT.ok;
  } finally {
    if (started && bar) bar.stop();
    await store.close();
  }
}
