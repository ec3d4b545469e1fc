/**
 * `bridgework keys create|list|revoke`: API keys, stored hashed in the database. `create` prints the key once; it
 * cannot be shown again.
 */
import { BridgeworkError } from '@bridgework/graph-core';
import { issueKey, type ApiRole } from '@bridgework/api';
import { openSqliteStore, type SqliteGraphStore } from '@bridgework/store-sqlite';
import { EXIT, userPath, type Io } from '../context.js';
import { table } from '../format.js';

async function withSqlite<T>(db: string, fn: (store: SqliteGraphStore) => Promise<T>): Promise<T> {
  const store = await openSqliteStore(userPath(db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export interface KeysCreateOptions {
  db: string;
  role: ApiRole;
  coach?: string;
  name?: string;
  scope?: string[];
}

export async function runKeysCreate(io: Io, opts: KeysCreateOptions): Promise<number> {
  return withSqlite(opts.db, async (store) => {
    if (opts.coach !== undefined) {
      const coach = await store.getNode(opts.coach);
      if (!coach || coach.type !== 'person') {
        throw new BridgeworkError('not-found', `cli/keys: no person with id ${JSON.stringify(opts.coach)} in ${store.file} to bind the coach key to`);
      }
    }
    const { info, key } = await issueKey(
      store.apiStorage(),
      { role: opts.role, coachId: opts.coach ?? null, name: opts.name ?? null, scopes: opts.scope ?? [] },
      () => new Date(),
    );
    io.out(key);
    io.err(`Created ${info.role} key ${info.id}${info.coachId ? ` for coach ${info.coachId}` : ''}. It is shown once: keep it somewhere safe.`);
    return EXIT.ok;
  });
}

export async function runKeysList(io: Io, opts: { db: string; json?: boolean }): Promise<number> {
  return withSqlite(opts.db, async (store) => {
    const keys = await store.apiStorage().listKeys();
    if (opts.json) {
      io.out(JSON.stringify(keys, null, 2));
      return EXIT.ok;
    }
    if (keys.length === 0) {
      io.out('No API keys. Create one with: pnpm -s bridgework keys create --role admin');
      return EXIT.ok;
    }
    io.out(
      table(
        ['id', 'role', 'coach', 'scopes', 'name', 'created', 'revoked'],
        keys.map((k) => [k.id, k.role, k.coachId ?? '', k.scopes.join(' '), k.name ?? '', k.createdAt, k.revokedAt ?? '']),
      ),
    );
    return EXIT.ok;
  });
}

export async function runKeysRevoke(io: Io, id: string, opts: { db: string }): Promise<number> {
  return withSqlite(opts.db, async (store) => {
    if (!(await store.apiStorage().revokeKey(id, new Date().toISOString()))) {
      throw new BridgeworkError('not-found', `cli/keys: no live key with id ${JSON.stringify(id)} (see bridgework keys list)`);
    }
    io.out(`Revoked key ${id}.`);
    return EXIT.ok;
  });
}
