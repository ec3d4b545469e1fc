/**
 * `createApp`: the Express 5 application. A thin adapter: requests are authenticated, rate limited and validated
 * here, and handlers call the store and graph-core. Errors of every kind leave as RFC 9457 problem details.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { BridgeworkGraph } from '@bridgework/graph-core';
import { VerifiedKeys, verifyKey } from './auth/keys.js';
import type { Caller } from './auth/permissions.js';
import { AuditWriter } from './http/audit-writer.js';
import { createMetrics } from './http/metrics.js';
import { buildOpenApi } from './http/openapi.js';
import { ApiError, problemMiddleware, sendProblem } from './http/problems.js';
import { RATE_LIMIT_DEFAULTS, TokenBuckets, type RateLimitConfig } from './http/rate-limit.js';
import { routeHandler, type AnyRoute } from './http/route.js';
import { adminRoutes } from './routes/admin.js';
import { analysisSnapshots, analyticsRoutes } from './routes/analytics.js';
import { exportRoutes } from './routes/export.js';
import { introductionRoutes } from './routes/introductions.js';
import { peopleRoutes } from './routes/people.js';
import { suggestSnapshots, suggestionRoutes } from './routes/suggestions.js';
import { eventPlanRoutes } from './routes/event-plans.js';
import { placeRoutes } from './routes/places.js';
import { tieRoutes } from './routes/ties.js';
import { networkRoutes } from './routes/network.js';
import { webAppHandler } from './http/web-root.js';
import type { ApiStore } from './storage.js';

export interface ApiConfig {
  /** Largest JSON body for single-record routes (bytes, or e.g. '100kb'). */
  bodyLimit: string | number;
  /** Largest JSON body for `POST /v1/import`. */
  importBodyLimit: string | number;
  /** Per API key. */
  rateLimit: RateLimitConfig;
  /** Per client address, for requests without a valid key (slows key guessing). */
  authRateLimit: RateLimitConfig;
  /** Origins allowed to call from a browser; empty: no CORS headers at all. */
  corsOrigins: string[];
  /** Trust X-Forwarded-For from a proxy in front (Express's `trust proxy`). */
  trustProxy: boolean | number | string;
  /** Also export Node's process metrics at /metrics. */
  processMetrics: boolean;
}

export const API_DEFAULTS: ApiConfig = {
  bodyLimit: '100kb',
  importBodyLimit: '20mb',
  rateLimit: RATE_LIMIT_DEFAULTS,
  authRateLimit: { capacity: 30, refillPerSecond: 1 },
  corsOrigins: [],
  trustProxy: false,
  processMetrics: false,
};

export interface CreateAppOptions {
  store: ApiStore;
  logger: Logger;
  /** The clock (injected so tests can fix it). */
  now?: () => Date;
  config?: Partial<ApiConfig>;
  /** A built web app (packages/web/dist) to serve at `/`, with index.html for other GET paths outside /v1. */
  webRoot?: string;
}

/** Every /v1 route, declared once (also the source of the OpenAPI document). */
export const ROUTES: readonly AnyRoute[] = allRoutes();

/** A fresh set of the routes (each set holds its own caches: the suggestions' and the analytics' snapshots). */
function allRoutes(): AnyRoute[] {
  // The analytics and the network map read one analysis per graph version.
  const snapshot = analysisSnapshots();
  // The suggestions and the event planner read one graph and matcher index per graph version and day.
  const suggest = suggestSnapshots();
  return [...peopleRoutes, ...suggestionRoutes(suggest), ...eventPlanRoutes(suggest), ...introductionRoutes, ...placeRoutes, ...tieRoutes, ...adminRoutes, ...analyticsRoutes(snapshot), ...exportRoutes, ...networkRoutes(snapshot)];
}

const API_VERSION = '0.1.0';
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function swaggerUiPath(): string {
  const require = createRequire(import.meta.url);
  // absolute-path.js only: the package's main entry loads the whole UI bundle into the server.
  return (require('swagger-ui-dist/absolute-path.js') as () => string)();
}

export function createApp(options: CreateAppOptions): Express {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  const config: ApiConfig = { ...API_DEFAULTS, ...options.config };
  const metrics = createMetrics({ defaultMetrics: config.processMetrics });
  const keyBuckets = new TokenBuckets(config.rateLimit, () => Date.now());
  const addressBuckets = new TokenBuckets(config.authRateLimit, () => Date.now());
  const openapi = buildOpenApi(ROUTES, { title: 'Bridgework API', version: API_VERSION });

  const app = express();
  app.disable('x-powered-by');
  // No ETags: answers hold personal data and are marked no-store (below), and hashing every body costs time.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  app.locals.draining = false;

  // Request id, access log (route template only: never names or URLs with ids), metrics.
  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    // While shutting down, every answer (including those of requests that began before) closes its connection.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      if (app.locals.draining && !this.headersSent) this.setHeader('Connection', 'close');
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (res.locals.route as string | undefined) ?? 'unmatched';
      metrics.observe(req.method, route, res.statusCode, seconds);
      const caller = res.locals.caller as Caller | undefined;
      logger.info({ reqId: requestId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10, key: caller?.keyId }, 'request');
    });
    next();
  });

  app.use(
    securityHeaders({
      // Plain HTTP on loopback or behind a TLS proxy: do not ask browsers to upgrade subresources.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'connect-src': ["'self'"], 'upgrade-insecure-requests': null } },
    }),
  );

  if (config.corsOrigins.length > 0) {
    const allowed = new Set(config.corsOrigins);
    app.use((req, res, next) => {
      const origin = req.get('origin');
      if (origin === undefined || !allowed.has(origin)) return next();
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, X-Request-Id');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
      next();
    });
  }

  // ---- operations (no key needed) ----
  const named = (route: string): express.RequestHandler => (_req, res, next) => {
    res.locals.route = route;
    next();
  };
  app.get('/healthz', named('/healthz'), (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', named('/readyz'), async (_req, res) => {
    if (app.locals.draining) return sendProblem(res, 'unavailable', 'shutting down');
    try {
      await store.api.ping();
      res.json({ status: 'ready' });
    } catch {
      sendProblem(res, 'unavailable', 'the store does not answer');
    }
  });
  app.get('/metrics', named('/metrics'), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/openapi.json', named('/openapi.json'), (_req, res) => {
    res.json(openapi);
  });
  app.get('/docs', named('/docs'), (req, res, next) => (req.originalUrl === '/docs' ? res.redirect(301, '/docs/') : next()));
  app.get('/docs/swagger-initializer.js', named('/docs'), (_req, res) => {
    res
      .type('application/javascript')
      .send("window.onload = () => { window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true }); };\n");
  });
  app.use('/docs', named('/docs'), express.static(swaggerUiPath(), { index: 'index.html', fallthrough: true }));

  // ---- the API ----
  let version = 0;
  let historyVersion = 0;
  const dataVersion = oncePerTurn(() => store.api.externalVersion());
  const verifiedKeys = new VerifiedKeys();
  const authenticate = async (req: Request): Promise<Caller> => {
    const header = req.get('authorization');
    const m = header === undefined ? null : /^Bearer ([^\s]+)$/.exec(header);
    const info = m ? await verifyKey(store.api, m[1]!, { keys: verifiedKeys, stamp: `${version}|${await dataVersion()}` }) : undefined;
    if (!info) {
      const wait = addressBuckets.take(req.ip ?? 'unknown');
      if (wait > 0) throw new ApiError('rate-limited', 'too many requests without a valid key; slow down', { headers: { 'Retry-After': String(wait) } });
      throw new ApiError('unauthorised', header === undefined ? 'an API key is required (Authorization: Bearer …)' : 'the API key is malformed, unknown or revoked', {
        headers: { 'WWW-Authenticate': 'Bearer realm="bridgework"' },
      });
    }
    return { keyId: info.id, role: info.role, coachId: info.coachId, scopes: info.scopes };
  };
  const limit = (caller: Caller) => {
    const wait = keyBuckets.take(caller.keyId);
    if (wait > 0) throw new ApiError('rate-limited', 'this key has made too many requests; retry after the time given', { headers: { 'Retry-After': String(wait) } });
  };
  const audit = new AuditWriter(store.api, logger);
  app.locals.audit = audit;
  // One load of the graph per version, however many caches are rebuilt from it (at 100 000 people a load takes tens
  // of seconds: the suggestions and the analytics used to load it once each).
  let domain: { key: string; graph: Promise<BridgeworkGraph> } | undefined;
  const domainGraph = async (): Promise<BridgeworkGraph> => {
    const key = `${version}|${await dataVersion()}`;
    if (!domain || domain.key !== key) {
      const graph = store.graph.loadGraph();
      const entry = { key, graph };
      domain = entry;
      graph.catch(() => {
        if (domain === entry) domain = undefined;
      });
    }
    return domain.graph;
  };
  const deps = {
    store,
    logger,
    now,
    version: () => version,
    changed: () => void (version += 1),
    historyVersion: () => historyVersion,
    historyChanged: () => void (historyVersion += 1),
    dataVersion,
    domainGraph,
    audit,
  };
  // Answers under /v1 are never cached (the route handlers set Cache-Control: no-store first; so does this, for /v1
  // paths no route matches).
  // Each app gets its own routes' state (the suggestions' graph cache); ROUTES describes them for the document.
  const routes = allRoutes();
  for (const route of routes) {
    app[route.method](route.path, ...routeHandler(route, { deps, authenticate, limit, bodyLimits: { default: config.bodyLimit, import: config.importBodyLimit } }));
  }
  app.use('/v1', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  if (options.webRoot !== undefined) app.use(webAppHandler(options.webRoot));
  app.use((req, res) => sendProblem(res, 'not-found', `no route ${req.method} for this path`));
  app.use(problemMiddleware(logger));
  return app;
}

/**
 * `read`, at most once per turn of the event loop: every request handled in one turn shares the answer (the store's
 * data version), which was read after all of them arrived — so each still sees every commit made before it came in.
 */
function oncePerTurn<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | undefined;
  return () => {
    if (current === undefined) {
      current = read();
      setImmediate(() => {
        current = undefined;
      });
    }
    return current;
  };
}

/**
 * Helmet's security headers, worked out once: with static options (no per-request nonces) helmet sets the same
 * headers on every answer, so they are taken from one run of helmet at start-up and set by a single middleware
 * instead of helmet's chain of twelve.
 */
function securityHeaders(options: Parameters<typeof helmet>[0]): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const probe = {
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let finished = false;
  helmet(options)({} as Request, probe as unknown as Response, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished || set.length === 0) throw new Error('api/app: helmet did not set its headers synchronously');
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
