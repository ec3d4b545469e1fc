/**
 * A real Bridgework server for the web app's browser tests: a fresh SQLite file in a temp folder seeded with the demo
 * town, the built app served at `/`, a free loopback port, and keys for an admin, the coach with the largest
 * caseload, and an analyst. (Imported across packages by path: the web package has no runtime dependency on them.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, issueKey, startServer, type RunningServer } from '../../../api/src/index.js';
import { generateDemoTown, type GraphData } from '../../../graph-core/src/index.js';
import { largestCaseload } from '../../../graph-core/src/testing/caseloads.js';

export interface DemoServer {
  url: string;
  server: RunningServer;
  town: GraphData;
  keys: { admin: string; coach: string; analyst: string };
  coachId: string;
  /** The coach's members, by id. */
  members: string[];
  /** Make another key (e.g. to revoke it). */
  issue(role: 'coach' | 'analyst' | 'admin'): Promise<{ key: string; id: string }>;
  stop(): Promise<void>;
}

export async function startDemoServer(options: { webRoot: string; now?: () => Date }): Promise<DemoServer> {
  const dir = await mkdtemp(join(tmpdir(), 'bridgework-web-'));
  const server = await startServer({
    db: join(dir, 'web.db'),
    port: 0,
    handleSignals: false,
    logger: createLogger({ fd: 2, level: 'warn' }),
    webRoot: options.webRoot,
    ...(options.now ? { now: options.now } : {}),
  });
  // Dated as of today, like `bridgework start`'s demo: the server's clock is the real one.
  const town = generateDemoTown({ seed: 42, now: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) });
  await server.store.graph.applyBatch(town);
  const { coachId, members } = largestCaseload(town);
  const clock = () => new Date();
  const issue = async (role: 'coach' | 'analyst' | 'admin') => {
    const made = await issueKey(server.store.api, role === 'coach' ? { role, coachId, name: 'web test coach' } : { role, name: `web test ${role}` }, clock);
    return { key: made.key, id: made.info.id };
  };
  const keys = { admin: (await issue('admin')).key, coach: (await issue('coach')).key, analyst: (await issue('analyst')).key };
  return {
    url: server.url,
    server,
    town,
    keys,
    coachId,
    members,
    issue,
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
