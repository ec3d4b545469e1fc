/** A real API server on a free loopback port over a fresh SQLite file, with one key per role, for tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { GraphData, PersonInput } from '@bridgework/graph-core';
import { issueKey } from '../auth/keys.js';
import { startServer, type RunningServer, type StartServerOptions } from '../server.js';
import type { ApiConfig } from '../app.js';

/** A small town: two coaches with their members, employer contacts with and without consent, places and ties. */
export function smallTown(): GraphData {
  const p = (x: PersonInput) =>
    ({ roles: [], sectors: [], skills: [], goals: { sectors: [], roles: [] }, area: null, coachId: null, consent: { introductions: false, recordedAt: null, recordedBy: null }, ...x }) as GraphData['people'][number];
  const yes = { introductions: true, recordedAt: '2026-01-05', recordedBy: 'staff' };
  return {
    people: [
      p({ id: 'c-1', name: 'Carys Coach', roles: ['coach'], consent: yes }),
      p({ id: 'c-2', name: 'Dev Coach', roles: ['coach'], consent: yes }),
      p({ id: 'm-1', name: 'Mina Member', roles: ['member'], coachId: 'c-1', area: 'North', goals: { sectors: ['I'], roles: ['chef'] }, consent: yes }),
      p({ id: 'm-2', name: 'Milo Member', roles: ['member'], coachId: 'c-1', area: 'North' }),
      p({ id: 'm-3', name: 'Maud Member', roles: ['member'], coachId: 'c-2', area: 'South', consent: yes }),
      p({ id: 'e-1', name: 'Esme Employer', roles: ['employer-contact'], sectors: ['I'], area: 'North', consent: yes }),
      p({ id: 'e-2', name: 'Eli Employer', roles: ['employer-contact'], sectors: ['G'], area: 'South' }),
    ],
    organisations: [
      { id: 'o-1', name: 'Harbour Kitchen', sector: 'I', size: 'small', area: 'North', hiring: true },
      { id: 'o-2', name: 'Market Stores', sector: 'G', size: 'medium', area: 'South', hiring: false },
    ],
    events: [{ id: 'ev-1', name: 'Spring lunch', kind: 'lunch', date: '2026-03-01', area: 'North' }],
    ties: [
      { source: 'm-1', target: 'e-1', kind: 'knows', strength: 0.4, strengthSource: 'given', since: null, lastContact: null, provenance: null, attributes: {} },
      { source: 'm-3', target: 'e-1', kind: 'knows', strength: 0.3, strengthSource: 'given', since: null, lastContact: null, provenance: null, attributes: {} },
      { source: 'm-2', target: 'm-3', kind: 'met-at-event', strength: 0.2, strengthSource: 'given', since: null, lastContact: null, provenance: null, attributes: {} },
      { source: 'e-1', target: 'o-1', kind: 'works-at', strength: 0.6, strengthSource: 'given', since: null, lastContact: null, provenance: null, attributes: {} },
      { source: 'm-1', target: 'ev-1', kind: 'attended', strength: 0.2, strengthSource: 'given', since: null, lastContact: null, provenance: null, attributes: {} },
    ],
  };
}

export type KeyName = 'admin' | 'coach' | 'otherCoach' | 'analyst' | 'service' | 'readOnlyService';

export interface TestServer {
  server: RunningServer;
  url: string;
  dir: string;
  db: string;
  keys: Record<KeyName, string>;
  keyIds: Record<KeyName, string>;
  /** Everything the server logged, one JSON object per line. */
  logs: () => string;
  /** fetch with a key (or none) and a JSON body. */
  call(method: string, path: string, options?: { key?: KeyName | string | null; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: any; text: string }>;
  stop(): Promise<void>;
  /** Let batched audit writes land, then checkpoint the WAL into the file (so reading the file and log is not racing a checkpoint). */
  settle(): Promise<void>;
}

export async function startTestServer(options: { seed?: boolean; config?: Partial<ApiConfig>; server?: Partial<StartServerOptions> } = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'bridgework-api-'));
  const db = join(dir, 'api.db');
  let logText = '';
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logText += chunk.toString();
      cb();
    },
  });
  const server = await startServer({ db, port: 0, handleSignals: false, logger: pino({ level: 'info' }, sink), config: options.config ?? {}, ...options.server });
  if (options.seed ?? true) await server.store.graph.applyBatch(smallTown());
  const now = () => new Date();
  const api = server.store.api;
  const made = {
    admin: await issueKey(api, { role: 'admin', name: 'test admin' }, now),
    coach: await issueKey(api, { role: 'coach', coachId: 'c-1' }, now),
    otherCoach: await issueKey(api, { role: 'coach', coachId: 'c-2' }, now),
    analyst: await issueKey(api, { role: 'analyst' }, now),
    service: await issueKey(api, { role: 'service', scopes: ['people:read', 'people:write', 'ties:read', 'ties:write', 'organisations:read', 'events:read', 'import'] }, now),
    readOnlyService: await issueKey(api, { role: 'service', scopes: ['organisations:read'] }, now),
  };
  const keys = Object.fromEntries(Object.entries(made).map(([k, v]) => [k, v.key])) as Record<KeyName, string>;
  const keyIds = Object.fromEntries(Object.entries(made).map(([k, v]) => [k, v.info.id])) as Record<KeyName, string>;
  return {
    server,
    url: server.url,
    dir,
    db,
    keys,
    keyIds,
    logs: () => logText,
    async call(method, path, o = {}) {
      const key = o.key === undefined ? 'admin' : o.key;
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (key !== null) headers.authorization = `Bearer ${key in keys ? keys[key as KeyName] : key}`;
      let body: string | undefined;
      if (o.raw !== undefined) body = o.raw;
      else if (o.body !== undefined) body = JSON.stringify(o.body);
      if (body !== undefined && !('content-type' in headers)) headers['content-type'] = 'application/json';
      const res = await fetch(server.url + path, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed as any, text };
    },
    async settle() {
      await new Promise((r) => setTimeout(r, 60));
      await (server.store.graph as unknown as { checkpoint(): Promise<void> }).checkpoint();
    },
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
