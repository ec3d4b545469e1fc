/**
 * Child process of the API benchmark: the API over a fresh copy of the demo town, plus a bare Express endpoint on
 * another port for comparison. Prints one JSON line ({ url, bareUrl, key, members }) and serves until SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { destination, pino } from 'pino';
import { generateDemoTown } from '@bridgework/graph-core';
import { issueKey } from '../auth/keys.js';
import { startServer } from '../server.js';

const dir = mkdtempSync(join(tmpdir(), 'bridgework-api-bench-'));
const server = await startServer({
  db: join(dir, 'bench.db'),
  port: 0,
  handleSignals: false,
  logger: pino({ level: 'info' }, destination({ dest: '/dev/null', sync: false })),
  config: { rateLimit: { capacity: 1e9, refillPerSecond: 1e9 } },
});
const town = generateDemoTown({ seed: 42 });
await server.store.graph.applyBatch(town);
// The coach with the most consenting members.
const byCoach = new Map<string, string[]>();
for (const p of town.people) if (p.coachId && p.consent.introductions) byCoach.set(p.coachId, [...(byCoach.get(p.coachId) ?? []), p.id]);
const [coachId, members] = [...byCoach].sort((a, b) => b[1].length - a[1].length)[0]!;
const { key } = await issueKey(server.store.api, { role: 'coach', coachId }, () => new Date());

const bare = express();
bare.get('/bare', (_req, res) => {
  res.json({ ok: true });
});
const bareServer = bare.listen(0, '127.0.0.1');
await new Promise((r) => bareServer.once('listening', r));
const barePort = (bareServer.address() as { port: number }).port;

process.stdout.write(`${JSON.stringify({ url: server.url, bareUrl: `http://127.0.0.1:${barePort}/bare`, key, coachId, members })}\n`);
process.once('SIGTERM', () => {
  bareServer.close();
  void server.close().then(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
