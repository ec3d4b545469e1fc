/**
 * `startServer`: open the SQLite store, serve the API, and shut down gracefully — on SIGTERM/SIGINT (or `close()`)
 * stop accepting connections, report not-ready, let in-flight requests finish (up to a deadline), then close the
 * store.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { openSqliteStore } from '@bridgework/store-sqlite';
import { createApp, type ApiConfig } from './app.js';
import type { ApiStore } from './storage.js';
import type { AuditWriter } from './http/audit-writer.js';

export interface StartServerOptions {
  /** SQLite database file (created and migrated if need be). */
  db: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  logger?: Logger;
  config?: Partial<ApiConfig>;
  now?: () => Date;
  /** Shut down on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
  /** How long in-flight requests get to finish once shutdown starts (default 10 s). */
  shutdownTimeoutMs?: number;
  /** A built web app to serve at `/` (see CreateAppOptions.webRoot). */
  webRoot?: string;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  host: string;
  server: Server;
  store: ApiStore;
  /** Shut down gracefully; resolves once connections are closed and the store is closed. Safe to call twice. */
  close(): Promise<void>;
  /** Resolves when the server has shut down (by close() or a signal). */
  closed: Promise<void>;
}

export const SERVER_DEFAULTS = { port: 8080, host: '127.0.0.1', shutdownTimeoutMs: 10_000 } as const;

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? SERVER_DEFAULTS.host;
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const sqlite = await openSqliteStore(options.db);
  const store: ApiStore = { graph: sqlite, api: sqlite.apiStorage() };
  const app = createApp({ store, logger, ...(options.now ? { now: options.now } : {}), ...(options.config ? { config: options.config } : {}), ...(options.webRoot !== undefined ? { webRoot: options.webRoot } : {}) });
  const server = createServer(app);
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? SERVER_DEFAULTS.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await sqlite.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | undefined;
  const handleSignals = options.handleSignals ?? true;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    void close();
  };

  function close(): Promise<void> {
    closing ??= (async () => {
      app.locals.draining = true;
      if (handleSignals) {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
      const stopped = new Promise<void>((r) => server.close(() => r()));
      // Idle keep-alive connections go now; busy ones as soon as their answer is sent (answers carry Connection: close).
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      const deadline = setTimeout(() => server.closeAllConnections(), options.shutdownTimeoutMs ?? SERVER_DEFAULTS.shutdownTimeoutMs);
      await stopped;
      clearInterval(sweep);
      clearTimeout(deadline);
      try {
        await (app.locals.audit as AuditWriter).flush();
      } catch (e) {
        logger.error({ err: { message: (e as Error).message } }, 'could not write the last audit entries');
      }
      await sqlite.close();
      logger.info('stopped');
      resolveClosed();
    })();
    return closing;
  }

  if (handleSignals) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  logger.info({ url }, 'listening');
  return { url, port, host, server, store, close, closed };
}
