/**
 * Child process of the API benchmark: the API as `bridgework serve` runs it (startServer, the production logger
 * writing its JSON access log to stderr, the default configuration but for a rate limit high enough not to refuse
 * the load) over a fresh copy of the demo town, and a coach key for the coach with the most consenting members.
 * Prints one JSON line ({ url, key, coachId, members }) and serves until SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoTown } from '@bridgework/graph-core';
import { issueKey } from '../auth/keys.js';
import { createLogger } from '../logger.js';
import { startServer } from '../server.js';

const dir = mkdtempSync(join(tmpdir(), 'bridgework-api-bench-'));
const server = await startServer({
  db: join(dir, 'bench.db'),
  port: 0,
  handleSignals: false,
  logger: createLogger({ fd: 2 }),
  config: { rateLimit: { capacity: 1e9, refillPerSecond: 1e9 } },
});
const town = generateDemoTown({ seed: 42 });
await server.store.graph.applyBatch(town);
// The coach with the most consenting members.
const byCoach = new Map<string, string[]>();
for (const p of town.people) if (p.coachId && p.consent.introductions) byCoach.set(p.coachId, [...(byCoach.get(p.coachId) ?? []), p.id]);
const [coachId, members] = [...byCoach].sort((a, b) => b[1].length - a[1].length)[0]!;
const { key } = await issueKey(server.store.api, { role: 'coach', coachId }, () => new Date());

process.stdout.write(`${JSON.stringify({ url: server.url, key, coachId, members })}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
