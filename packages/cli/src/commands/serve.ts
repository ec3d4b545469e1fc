/**
 * `bridgework serve`: the HTTP API over the database, until SIGTERM or SIGINT (Ctrl-C), which shut it down
 * gracefully (in-flight requests finish, then the store closes). Access logs (JSON, pino) go to stderr.
 */
import { fileURLToPath } from 'node:url';
import { createLogger, startServer, type RunningServer } from '@bridgework/api';
import { BridgeworkError } from '@bridgework/graph-core';
import { EXIT, userPath, type Io } from '../context.js';

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
}

export { SERVE_DEFAULTS } from '../option-values.js';

/** The built web app (packages/web/dist, made by `pnpm start` or `pnpm --filter @bridgework/web build`), served at `/`. */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Start the server, turning a busy port into a clear error. */
export async function listen(opts: ServeOptions): Promise<RunningServer> {
  try {
    return await startServer({ db: userPath(opts.db), port: opts.port, host: opts.host, logger: createLogger({ fd: 2 }), webRoot: WEB_ROOT });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new BridgeworkError('unsupported', `cli/serve: cannot listen on ${opts.host}:${opts.port} (${String(code)}); choose another --port or --host`);
    }
    throw e;
  }
}

export function printServing(io: Io, server: RunningServer): void {
  io.out(`Bridgework API listening on ${server.url}`);
  io.out(`  web app: ${server.url}/`);
  io.out(`  reference: ${server.url}/docs   OpenAPI: ${server.url}/openapi.json   health: ${server.url}/healthz`);
  io.out('  stop with Ctrl-C (in-flight requests finish first)');
}

export async function runServe(io: Io, opts: ServeOptions): Promise<number> {
  const server = await listen(opts);
  printServing(io, server);
  await server.closed;
  io.out('Stopped.');
  return EXIT.ok;
}
