/**
 * Routes are declared once, as data: method, path, permission, zod schemas for params, query and body, responses,
 * and a handler. The same declarations register the Express handlers (which validate with the schemas) and build
 * the OpenAPI document (which describes them), so the two cannot disagree.
 */
import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Logger } from 'pino';
import { BridgeworkError, type BridgeworkGraph } from '@bridgework/graph-core';
import { permits, type Caller, type Permission } from '../auth/permissions.js';
import { ApiError, STATUS_BY_CODE, type ProblemItem } from './problems.js';
import type { ApiStore, AuditRecordInput } from '../storage.js';
import type { AuditWriter } from './audit-writer.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler answers. `subjects`: ids of people the answer names (stored idempotent answers are erased with them). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  subjects?: string[];
  /** A body that is not JSON (an export file): sent as is with this content type, instead of `body`. */
  raw?: { type: string; text: string };
  /** `body` already serialised as JSON (a cached answer), sent as is instead of serialising `body` again. */
  json?: Buffer;
}

export interface AppDeps {
  store: ApiStore;
  logger: Logger;
  now: () => Date;
  /** A number that changes after every successful write through the API (caches of the graph key on it). */
  version: () => number;
  /** Called after every successful write to the graph. */
  changed: () => void;
  /** A number that changes after every change to the introductions (the matcher's history); caches of answers key on it. */
  historyVersion: () => number;
  /** Called after every successful write that changes the history but not the graph. */
  historyChanged: () => void;
  /** The store's data version: changes when another process commits to it (read at most once per event-loop turn). */
  dataVersion: () => Promise<number>;
  /**
   * The store's graph as of the current write and data version, loaded once per version and shared by every cache that
   * needs it (the suggestions' and the analytics' snapshots): read it, never change it.
   */
  domainGraph: () => Promise<BridgeworkGraph>;
  audit: AuditWriter;
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller;
  requestId: string;
  deps: AppDeps;
  /** Record an audit entry (written with the answer's status once the handler is done). */
  audit(action: string, resource: string, target: string | null): void;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** Express path, e.g. `/v1/people/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  permission: Permission;
  params?: P;
  query?: Q;
  body?: B;
  /** The responses besides errors: status → description and schema. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** POST routes that honour `Idempotency-Key`. */
  idempotent?: boolean;
  /** Which body size limit applies. */
  bodyLimit?: 'default' | 'import';
  /** Validation problems of the store point into the body itself (one record), not into lists. */
  singleRecord?: boolean;
  /** Writes of this route change the introduction history, not the graph (the graph snapshot stays valid). */
  historyOnly?: boolean;
  /** A POST that only computes an answer (its body is a question): it changes nothing, so no cache is dropped, and it is audited as a read. */
  readOnly?: boolean;
  handler: (ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<Reply>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

export function defineRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  spec: RouteSpec<P, Q, B>,
): AnyRoute {
  return spec as AnyRoute;
}

/** RFC 6901 JSON pointer of a zod issue path under `/where`. */
export function pointer(where: string, path: readonly PropertyKey[]): string {
  return `/${where}${path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`;
}

function validate<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string, problems: ProblemItem[]): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ pointer: pointer(where, [...issue.path, key]), detail: 'unknown field' });
    } else {
      problems.push({ pointer: pointer(where, issue.path), detail: issue.message });
    }
  }
  return undefined;
}

/** Parse `Authorization: Bearer …` and resolve the caller, or throw 401. */
export type Authenticate = (req: Request) => Promise<Caller>;

export interface RouteRuntime {
  deps: AppDeps;
  authenticate: Authenticate;
  /** Throws a 429 ApiError when the caller's bucket is empty. */
  limit: (caller: Caller) => void;
  bodyLimits: { default: string | number; import: string | number };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** URLs whose validated params and query are kept per route, and the longest URL kept. */
const MAX_VALIDATED_URLS = 5_000;
const MAX_VALIDATED_URL_LENGTH = 512;

/** The audit entries one request records, written with the answer's status once its handler is done. */
class RequestAudit {
  private readonly entries: Omit<AuditRecordInput, 'status'>[] = [];
  /** `record`, bound: handlers call it as a plain function. */
  readonly record: (action: string, resource: string, target: string | null) => void;

  constructor(
    private readonly deps: AppDeps,
    private readonly caller: Caller,
    private readonly requestId: string,
    /** Entries of changes are written durably before the answer (AuditWriter). */
    private readonly durable: boolean,
  ) {
    this.record = RequestAudit.prototype.add.bind(this);
  }

  add(action: string, resource: string, target: string | null): void {
    const { caller } = this;
    this.entries.push({ at: this.deps.now().toISOString(), actor: caller.keyId, role: caller.role, action, resource, target, requestId: this.requestId });
  }

  async flush(status: number): Promise<void> {
    // A 404 keeps no target: the id may be nobody's, or an erased person's, and must not come back into the log.
    const entries = this.entries.splice(0).map((e) => ({ ...e, status, ...(status === 404 ? { target: null } : {}) }));
    await this.deps.audit.add(entries, this.durable);
  }
}

/** The Express handler for one declared route. */
export function routeHandler(route: AnyRoute, rt: RouteRuntime): RequestHandler[] {
  const parser = express.json({ limit: rt.bodyLimits[route.bodyLimit ?? 'default'], strict: true, type: 'application/json' });
  const { deps } = rt;
  // For routes without a body, the validated params and query depend on the URL alone: a URL that passed once is
  // not parsed and validated again (bounded; the kept values are frozen, so no request can change another's).
  const validatedByUrl = route.body ? undefined : new Map<string, { params: unknown; query: unknown }>();

  const authenticate: RequestHandler = (req, res, next) => {
    // The route template (never the URL, which may hold ids) names the request in logs and metrics.
    res.locals.route = route.path;
    res.setHeader('Cache-Control', 'no-store');
    rt.authenticate(req)
      .then((caller) => {
        res.locals.caller = caller;
        rt.limit(caller);
        if (!permits(caller, route.permission)) {
          throw new ApiError('forbidden', `this key (role ${caller.role}) may not ${route.summary.toLowerCase()}`);
        }
        if (route.body && req.headers['content-length'] !== '0' && (req.headers['transfer-encoding'] || Number(req.headers['content-length'] ?? 0) > 0)) {
          if (!req.is('application/json')) throw new ApiError('unsupported-media-type', 'the body must be JSON (Content-Type: application/json)');
        }
        next();
      })
      .catch(next);
  };


  const handle = async (req: Request, res: Response, next: NextFunction) => {
    const caller = res.locals.caller as Caller;
    const requestId = String(res.locals.requestId);
    if (route.singleRecord) res.locals.singleRecord = true;
    const problems: ProblemItem[] = [];
    const seen = validatedByUrl?.get(req.originalUrl);
    const params = seen ? seen.params : validate(route.params, { ...req.params }, 'params', problems);
    const query = seen ? seen.query : validate(route.query, { ...(req.query as object) }, 'query', problems);
    const bodyValue = route.body ? validate(route.body, req.body === undefined ? {} : req.body, 'body', problems) : undefined;
    if (problems.length > 0) {
      return next(new ApiError('validation', `${problems.length} problem${problems.length === 1 ? '' : 's'} in the request`, { details: problems }));
    }
    if (validatedByUrl && !seen && req.originalUrl.length <= MAX_VALIDATED_URL_LENGTH) {
      if (validatedByUrl.size >= MAX_VALIDATED_URLS) validatedByUrl.clear();
      validatedByUrl.set(req.originalUrl, { params: Object.freeze(params), query: Object.freeze(query) });
    }

    const pending = new RequestAudit(deps, caller, requestId, route.method !== 'get' && !route.readOnly);

    // Idempotency: same key and same request → the stored answer; same key, another request → 422.
    let idem: string | undefined;
    const header = route.idempotent ? req.get('idempotency-key') : undefined;
    if (route.idempotent && header !== undefined) {
      if (!IDEMPOTENCY_KEY.test(header)) {
        return next(new ApiError('validation', 'Idempotency-Key must be 1–200 visible ASCII characters', { details: [{ pointer: '/headers/idempotency-key', detail: 'must be 1–200 visible ASCII characters' }] }));
      }
      const fingerprint = createHash('sha256').update(`${req.method} ${req.path}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
      const state = await deps.store.api.beginIdempotent(caller.keyId, header, fingerprint, deps.now().toISOString());
      if (state.state === 'mismatch') {
        return next(new ApiError('idempotency-mismatch', 'this Idempotency-Key was used with a different request; use a new key'));
      }
      if (state.state === 'in-progress') {
        return next(new ApiError('conflict', 'a request with this Idempotency-Key is still in progress; retry later', { headers: { 'Retry-After': '1' } }));
      }
      if (state.state === 'replay') {
        res.setHeader('Idempotent-Replayed', 'true');
        res.status(state.status).type(state.status >= 400 ? 'application/problem+json' : 'application/json').send(state.response);
        return;
      }
      idem = header;
    }

    let reply: Reply;
    try {
      reply = await route.handler({ params, query, body: bodyValue, caller, requestId, deps, audit: pending.record });
    } catch (e) {
      const code = e instanceof ApiError || e instanceof BridgeworkError ? e.code : undefined;
      const status = code ? STATUS_BY_CODE[code].status : 500;
      try {
        await pending.flush(status);
      } catch {
        // The original error matters more; a failing store will also fail the next request loudly.
      }
      if (idem !== undefined) await deps.store.api.abandonIdempotent(caller.keyId, idem).catch(() => undefined);
      throw e;
    }
    if (route.method !== 'get' && !route.readOnly && reply.status < 300) {
      if (route.historyOnly) deps.historyChanged();
      else deps.changed();
    }
    await pending.flush(reply.status);
    const text = reply.json ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    if (idem !== undefined) await deps.store.api.completeIdempotent(caller.keyId, idem, reply.status, text.toString(), reply.subjects ?? []);
    if (reply.headers) for (const [k, v] of Object.entries(reply.headers)) res.setHeader(k, v);
    if (reply.raw) res.status(reply.status).type(reply.raw.type).send(reply.raw.text);
    else if (reply.body === undefined && reply.json === undefined) res.status(reply.status).end();
    else {
      // The full header value res.type('application/json') would look up.
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.status(reply.status).send(text);
    }
  };

  const run: RequestHandler = (req, res, next) => void handle(req, res, next).catch(next);
  return route.body ? [authenticate, parser, run] : [authenticate, run];
}
