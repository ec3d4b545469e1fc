/**
 * `bridgework start` — the quick start's main job: open the embedded database (creating and migrating it), seed it
 * with the demo town the first time, show what it holds, make sure a local admin API key exists (printing it when
 * it is new), and serve the API until Ctrl-C (`--no-serve` stops after the summary).
 */
import { issueKey } from '@bridgework/api';
import { generateDemoTown, summarizeGraph } from '@bridgework/graph-core';
import { openSqliteStore } from '@bridgework/store-sqlite';
import { EXIT, userPath, type Io } from '../context.js';
import { withStore } from '../store.js';
import { listen, printServing } from './serve.js';
import { formatSummary } from './stats.js';

export const DEMO_SEED = 42;
/** Events still to come in the seeded demo town, so a coach's event planner has something to plan from the start. */
export const DEMO_UPCOMING_EVENTS = 3;
export const LOCAL_ADMIN_KEY_NAME = 'local admin (bridgework start)';

export interface StartOptions {
  db: string;
  seed: boolean;
  serve?: boolean;
  port?: number;
  host?: string;
}

export async function runStart(io: Io, opts: StartOptions): Promise<number> {
  await withStore(opts.db, async (store, path) => {
    const counts = await store.counts();
    const empty = counts.people + counts.organisations + counts.events + counts.ties === 0;
    if (empty && opts.seed) {
      // The town is dated as of today (the clock is read here, at the edge), so its recent ties and events are recent,
      // and a few events are still to come.
      const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
      const data = generateDemoTown({ seed: DEMO_SEED, now: today, upcomingEvents: DEMO_UPCOMING_EVENTS });
      await store.applyBatch(data);
      io.out(`Created ${path} and seeded it with the demo town (seed ${DEMO_SEED}; ${DEMO_UPCOMING_EVENTS} events still to come).`);
    } else {
      io.out(`Opened ${path}.`);
    }
    io.out('');
    io.out(formatSummary(summarizeGraph(await store.loadGraph())));
    io.out('');
  });
  if (opts.serve === false) {
    io.out('Next: pnpm -s bridgework --help   (import, export, stats, serve, keys; every command has --help)');
    return EXIT.ok;
  }

  // A local admin key, once: only its hash is kept, so it is printed when made and never again.
  let newKey: string | undefined;
  const sqlite = await openSqliteStore(userPath(opts.db));
  try {
    const api = sqlite.apiStorage();
    const live = (await api.listKeys()).filter((k) => k.role === 'admin' && k.revokedAt === null);
    if (live.length === 0) newKey = (await issueKey(api, { role: 'admin', name: LOCAL_ADMIN_KEY_NAME }, () => new Date())).key;
  } finally {
    await sqlite.close();
  }

  const server = await listen({ db: opts.db, port: opts.port ?? 8080, host: opts.host ?? '127.0.0.1' });
  printServing(io, server);
  if (newKey !== undefined) {
    io.out('');
    io.out(`Admin API key (shown once, keep it safe): ${newKey}`);
    io.out(`  try: curl -H "Authorization: Bearer ${newKey}" ${server.url}/v1/analytics/summary`);
  } else {
    io.out('  an admin key exists already (pnpm -s bridgework keys list); make another with: pnpm -s bridgework keys create --role admin');
  }
  await server.closed;
  io.out('Stopped.');
  return EXIT.ok;
}
