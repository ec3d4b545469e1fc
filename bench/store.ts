/**
 * The embedded store's benchmark (`pnpm bench --only store`, or on its own: `node --expose-gc --import tsx
 * bench/store.ts [--n 100000] [--seed 42]`): what running the SQLite store costs at a service's scale, on
 * bench/domain.ts's domain graph of n people. Measured in one run, each against its plain counterpart:
 * - import: `applyBatch` of the whole graph into a fresh file (one transaction, synchronous=FULL), and the file's size;
 * - open and load: `openSqliteStore` + `loadGraph` (what the API does on a fresh snapshot), against `JSON.parse` of the
 *   same graph's JSON export (the cheapest way to hold the same data);
 * - backup: `store.backup` (SQLite's online backup, made self-contained, `quick_check`, fsync, rename) against
 *   `fs.copyFile` of the checkpointed file (what a copy without any of that costs);
 * - restore: `restoreBackup` with the ledger of the 10 erasures made after the backup;
 * - erasure of one person: `eraseSubject` (node, ties, secure delete, ledger entry, checkpoint), median of 10.
 * Prints a table and, as its last line, the results as JSON (bench/run.ts reads it).
 */
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore, restoreBackup } from '../packages/store-sqlite/src/index.js';
import { buildDomain } from './domain.js';
import { median, ms, table } from './util.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { n: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' } },
});
const n = Number(values.n);
const seed = Number(values.seed);
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const timed = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  collect();
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
};

const dir = await mkdtemp(join(tmpdir(), 'bridgework-store-bench-'));
try {
  const { graph, people } = buildDomain(n, seed);
  const data = graph.toData();
  const json = JSON.stringify(data);
  console.log(`store: domain graph of ${graph.nodeCount.toLocaleString('en')} nodes and ${graph.tieCount.toLocaleString('en')} ties (seed ${seed}); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  const file = join(dir, 'town.db');
  const store = await openSqliteStore(file);
  const [, importMs] = await timed(() => store.applyBatch(data));
  await store.checkpoint();
  await store.close();
  const fileBytes = (await stat(file)).size;

  const [loaded, loadMs] = await timed(async () => {
    const s = await openSqliteStore(file);
    const g = await s.loadGraph();
    await s.close();
    return g;
  });
  const [, parseMs] = await timed(() => JSON.parse(json) as unknown);

  const live = await openSqliteStore(file);
  const [backup, backupMs] = await timed(() => live.backup(join(dir, 'backup.db')));
  const [, copyMs] = await timed(() => copyFile(file, join(dir, 'copy.db')));

  // Ten people erased after the backup: the restore must erase them again.
  const erased = people.slice(0, 10);
  const eraseMs: number[] = [];
  for (const id of erased) {
    const [, t] = await timed(() => live.apiStorage().eraseSubject(id, '2026-11-02T00:00:00.000Z'));
    eraseMs.push(t);
  }
  const ledger = await live.apiStorage().erasureLedger();
  await live.close();
  const [restored, restoreMs] = await timed(() => restoreBackup(join(dir, 'backup.db'), join(dir, 'restored.db'), { erasures: ledger, at: '2026-11-03T00:00:00.000Z' }));
  if (restored.erasedAgain !== erased.length) throw new Error(`bench/store: expected ${erased.length} erasures re-applied, got ${restored.erasedAgain}`);

  const rows = [
    ['import: applyBatch, one transaction', ms(importMs), `file ${mb(fileBytes)}`],
    ['open + loadGraph', ms(loadMs), `${loaded.nodeCount.toLocaleString('en')} nodes, ${loaded.tieCount.toLocaleString('en')} ties`],
    ['  against: JSON.parse of the JSON export', ms(parseMs), mb(json.length)],
    ['backup (online, checked, fsynced)', ms(backupMs), mb(backup.bytes)],
    ['  against: fs.copyFile of the file', ms(copyMs), ''],
    ['restore, 10 erased again from the ledger', ms(restoreMs), mb(restored.bytes)],
    ['erase one person (median of 10)', ms(median(eraseMs)), `max ${ms(Math.max(...eraseMs))}`],
  ];
  console.log(table(['measure', 'time', 'notes'], rows));
  console.log(
    JSON.stringify({
      n,
      nodes: graph.nodeCount,
      ties: graph.tieCount,
      importMs,
      fileBytes,
      loadMs,
      parseMs,
      backupMs,
      backupBytes: backup.bytes,
      copyMs,
      restoreMs,
      eraseMedianMs: median(eraseMs),
      eraseMaxMs: Math.max(...eraseMs),
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
