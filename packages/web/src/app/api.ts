/**
 * Calls to the Bridgework API on the same origin, with the session's key. Every failure becomes an `ApiFailure` with a
 * sentence a coach can act on: the key refused (401), the server unreachable, or the API's own problem detail.
 */
export class ApiFailure extends Error {
  constructor(
    /** 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
  get unauthorised(): boolean {
    return this.status === 401;
  }
}

/** What the app does when the key stops working mid-session (sign out and say why). */
let onUnauthorised: (f: ApiFailure) => void = () => undefined;
export function setUnauthorisedHandler(f: (failure: ApiFailure) => void): void {
  onUnauthorised = f;
}

interface Problem {
  detail?: string;
  title?: string;
  code?: string;
  errors?: { pointer: string; detail: string }[];
}

export const UNREACHABLE =
  'The Bridgework server cannot be reached. Check that it is running (pnpm start) and that this computer is connected, then try again.';
export const KEY_REFUSED =
  'This key was not accepted: it may have expired or been revoked, or it was mistyped. Ask your administrator for a new key and sign in again.';

async function request(key: string, method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), cache: 'no-store' });
  } catch {
    throw new ApiFailure(0, UNREACHABLE);
  }
  if (res.ok) return res;
  let problem: Problem = {};
  try {
    problem = (await res.json()) as Problem;
  } catch {
    // Not a problem document (a proxy's error page): the status says enough.
  }
  if (res.status === 401) {
    const f = new ApiFailure(401, KEY_REFUSED, 'unauthorised');
    onUnauthorised(f);
    throw f;
  }
  if (res.status === 429) throw new ApiFailure(429, 'Too many requests for a moment: wait a few seconds and try again.', 'rate-limited');
  if (res.status >= 500 && problem.detail === undefined) throw new ApiFailure(res.status, `The server had a problem (${res.status}). Try again in a moment.`);
  const details = (problem.errors ?? []).map((e) => `${e.pointer}: ${e.detail}`).join('; ');
  const text = problem.detail ?? problem.title ?? `The request failed (${res.status}).`;
  throw new ApiFailure(res.status, details ? `${text} (${details})` : text, problem.code ?? null);
}

/** A JSON API bound to one key. */
export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  /** A file (e.g. GEXF export) as a Blob. */
  file(path: string): Promise<Blob>;
}

export function api(key: string): Api {
  return {
    get: async <T>(path: string) => (await (await request(key, 'GET', path)).json()) as T,
    post: async <T>(path: string, body?: unknown) => (await (await request(key, 'POST', path, body)).json()) as T,
    file: async (path: string) => (await request(key, 'GET', path, undefined, '*/*')).blob(),
  };
}

/** Whether the path answers 2xx for this key; false on 403/404; other failures are thrown. */
export async function can(key: string, path: string): Promise<boolean> {
  try {
    await request(key, 'GET', path);
    return true;
  } catch (e) {
    if (e instanceof ApiFailure && (e.status === 403 || e.status === 404)) return false;
    throw e;
  }
}
