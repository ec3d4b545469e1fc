/** Opening the store the user named with `--db`. */
import { openSqliteStore } from '@bridgework/store-sqlite';
import type { GraphStore } from '@bridgework/graph-core';
import { userPath } from './context.js';

/** Open (creating and migrating if needed) the SQLite database at the user's path, run `fn`, and close it. */
export async function withStore<T>(db: string, fn: (store: GraphStore, path: string) => Promise<T>): Promise<T> {
  const path = userPath(db);
  const store = await openSqliteStore(path);
  try {
    return await fn(store, path);
  } finally {
    await store.close();
  }
}
