/**
 * `bridgework start` — the quick start's main job: open the embedded database (creating and migrating it), seed it
 * with the demo town the first time, and show what it holds.
 */
import { generateDemoTown, summarizeGraph } from '@bridgework/graph-core';
import { EXIT, type Io } from '../context.js';
import { withStore } from '../store.js';
import { formatSummary } from './stats.js';

export const DEMO_SEED = 42;

export async function runStart(io: Io, opts: { db: string; seed: boolean }): Promise<number> {
  return withStore(opts.db, async (store, path) => {
    const counts = await store.counts();
    const empty = counts.people + counts.organisations + counts.events + counts.ties === 0;
    if (empty && opts.seed) {
      const data = generateDemoTown({ seed: DEMO_SEED });
      await store.applyBatch(data);
      io.out(`Created ${path} and seeded it with the demo town (seed ${DEMO_SEED}).`);
    } else {
      io.out(`Opened ${path}.`);
    }
    io.out('');
    io.out(formatSummary(summarizeGraph(await store.loadGraph())));
    io.out('');
    io.out('Next: pnpm -s bridgework --help   (import, export, stats, demo-town; every command has --help)');
    return EXIT.ok;
  });
}
