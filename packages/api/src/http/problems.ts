/**
 * Errors as RFC 9457 problem details (`application/problem+json`). One table maps every error code to an HTTP
 * status; one middleware turns anything thrown into a problem: never a stack trace, never a 500 for bad input.
 */
import type { ErrorRequestHandler, Response } from 'express';
import { BridgeworkError, InputError, type BridgeworkErrorCode } from '@bridgework/graph-core';
import type { Logger } from 'pino';

/** Error codes the API adds to graph-core's. */
export type ApiErrorCode =
  | 'idempotency-mismatch'
  | 'unauthorised' | 'forbidden' | 'rate-limited' | 'too-large' | 'bad-request' | 'method-not-allowed' | 'unsupported-media-type' | 'unavailable';

/** The API's errors: a BridgeworkError-like error with an HTTP-level code. */
export class ApiError extends Error {
  readonly code: ApiErrorCode | BridgeworkErrorCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;
  /** Extension members of the problem (RFC 9457 §3.2), e.g. `state` of a lifecycle conflict. */
  readonly extensions: { state?: string };

  constructor(
    code: ApiErrorCode | BridgeworkErrorCode,
    message: string,
    options: { details?: unknown; headers?: Record<string, string>; extensions?: { state?: string } } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}

/** Every code → its HTTP status and the problem's title. */
export const STATUS_BY_CODE: Record<ApiErrorCode | BridgeworkErrorCode, { status: number; title: string }> = {
  validation: { status: 422, title: 'The request is not valid' },
  parse: { status: 400, title: 'The request could not be parsed' },
  import: { status: 422, title: 'The import was refused' },
  'bad-request': { status: 400, title: 'Bad request' },
  unauthorised: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'idempotency-mismatch': { status: 422, title: 'Idempotency key reused for another request' },
  'too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  unsupported: { status: 501, title: 'Not supported' },
  store: { status: 503, title: 'The store is unavailable' },
  unavailable: { status: 503, title: 'Service unavailable' },
};

/** The store reports reference problems by file column (CSV names); the API speaks in JSON field names. */
const FIELD_OF_COLUMN: Record<string, string> = { coach_id: 'coachId', last_contact: 'lastContact' };

/** One problem of a validation error: where (a JSON path into the request) and what. */
export interface ProblemItem {
  /** JSON pointer into the request, e.g. `/body/goals/sectors/0`, `/query/limit`, `/params/id`. */
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: ProblemItem[];
  /** The current state, when a lifecycle conflict (409) names it. */
  state?: string;
}

export function sendProblem(res: Response, code: ApiErrorCode | BridgeworkErrorCode, detail: string, extra: Partial<ProblemBody> = {}): void {
  const { status, title } = STATUS_BY_CODE[code];
  const body: ProblemBody = {
    type: `https://bridgework.dev/problems/${code}`,
    title,
    status,
    detail,
    code,
    ...(res.locals.requestId ? { requestId: String(res.locals.requestId) } : {}),
    ...extra,
  };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** body-parser and router errors carry `type`/`status`; map them to our codes. */
function fromHttpError(e: { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown }): { code: ApiErrorCode | BridgeworkErrorCode; detail: string } | undefined {
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status === undefined || status < 400 || status > 499) return undefined;
  switch (e.type) {
    case 'entity.parse.failed':
      return { code: 'parse', detail: 'the body is not valid JSON' };
    case 'entity.too.large':
      return { code: 'too-large', detail: 'the body is larger than this route accepts' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { code: 'unsupported-media-type', detail: 'the body must be UTF-8 JSON' };
    case 'request.aborted':
    case 'request.size.invalid':
      return { code: 'bad-request', detail: 'the request body was incomplete' };
    default:
      break;
  }
  if (status === 413) return { code: 'too-large', detail: 'the body is larger than this route accepts' };
  if (status === 415) return { code: 'unsupported-media-type', detail: 'the body must be UTF-8 JSON' };
  return { code: 'bad-request', detail: 'the request could not be understood (e.g. a malformed path or query)' };
}

/** The one error middleware: every error becomes a problem+json answer; unexpected ones are logged, not shown. */
export function problemMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
      const errors = Array.isArray(err.details) ? (err.details as ProblemItem[]) : undefined;
      return sendProblem(res, err.code, err.message, { ...err.extensions, ...(errors ? { errors } : {}) });
    }
    if (err instanceof InputError) {
      // Single-record routes say so: their problems point into the body itself, batch problems into its lists.
      const single = res.locals.singleRecord === true;
      const errors = err.problems.map((p) => {
        const field = p.column === undefined ? undefined : (FIELD_OF_COLUMN[String(p.column)] ?? String(p.column));
        const column = field === undefined ? '' : `/${field.replaceAll('.', '/')}`;
        return { pointer: single ? `/body${column}` : `/body/${p.file}/${Math.max(0, p.line - 1)}${column}`, detail: p.reason };
      });
      return sendProblem(res, 'validation', err.message.replace(/^[\w/-]+: /, ''), { errors });
    }
    if (err instanceof BridgeworkError) {
      if (err.code === 'store') logger.error({ reqId: res.locals.requestId, err: { code: err.code, message: err.message } }, 'store error');
      const detail = err.code === 'store' ? 'the store could not complete the request; try again' : err.message.replace(/^[\w/-]+: /, '');
      return sendProblem(res, err.code, detail);
    }
    if (err && typeof err === 'object') {
      const mapped = fromHttpError(err as Record<string, unknown>);
      if (mapped) return sendProblem(res, mapped.code, mapped.detail);
    }
    logger.error({ reqId: res.locals.requestId, route: req.route?.path, err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'unexpected error');
    const body: ProblemBody = {
      type: 'https://bridgework.dev/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: 'something went wrong on our side; the request id identifies it in the logs',
      code: 'internal',
      ...(res.locals.requestId ? { requestId: String(res.locals.requestId) } : {}),
    };
    res.status(500).type('application/problem+json').send(JSON.stringify(body));
  };
}
