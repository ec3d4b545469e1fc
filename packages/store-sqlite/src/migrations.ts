/**
 * Versioned schema migrations. Each migration runs once, in its own transaction, and is recorded in
 * `schema_migrations` (version, name, applied_at). Append new migrations at the end with the next version; never
 * edit one that has shipped, since databases in the field have already applied it.
 */
import type Database from 'better-sqlite3';
import { BridgeworkError } from '@bridgework/graph-core';

export interface Migration {
  version: number;
  name: string;
  /** SQL run in the migration's transaction. */
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'nodes and ties',
    up: `
      CREATE TABLE nodes (
        id   TEXT PRIMARY KEY NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'event')),
        name TEXT,
        data TEXT NOT NULL CHECK (json_valid(data))
      );
      CREATE INDEX nodes_type_id ON nodes (type, id);

      CREATE TABLE ties (
        source   TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        kind     TEXT NOT NULL,
        target   TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        strength REAL NOT NULL CHECK (strength >= 0 AND strength <= 1),
        data     TEXT NOT NULL CHECK (json_valid(data)),
        PRIMARY KEY (source, kind, target),
        CHECK (source <> target)
      ) WITHOUT ROWID;
      CREATE INDEX ties_target ON ties (target);
    `,
  },
];

/** The schema version this code writes and understands. */
export const SCHEMA_VERSION: number = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

/** Throws unless `migrations` have versions 1, 2, 3, … in order. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new BridgeworkError('store', `store-sqlite: migration ${JSON.stringify(m.name)} has version ${m.version}, expected ${i + 1}`);
    }
  });
}

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;

export interface AppliedMigration {
  version: number;
  name: string;
  applied_at: string;
}

/** The migrations recorded in the database, in version order. */
export function appliedMigrations(db: Database.Database): AppliedMigration[] {
  return db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as AppliedMigration[];
}

function currentVersion(db: Database.Database): number {
  return (db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() as number) ?? 0;
}

/**
 * Bring the database up to the newest version this code knows. Refuses (BridgeworkError 'unsupported') a database
 * whose version is newer than that. Returns the versions applied now.
 */
export function migrate(db: Database.Database, file: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  checkMigrations(migrations);
  const latest = migrations.length;
  const refuseNewer = (version: number) => {
    if (version > latest) {
      throw new BridgeworkError(
        'unsupported',
        `store-sqlite: ${file} has schema version ${version}, newer than this version of Bridgework knows (${latest}); ` +
          'upgrade Bridgework to open it',
      );
    }
  };
  db.exec(CREATE_MIGRATIONS_TABLE);
  const before = currentVersion(db);
  refuseNewer(before);
  const applied: number[] = [];
  if (before === latest) return applied;
  // Re-read the version and apply the next migration under one write lock, so two processes opening the same new
  // file at once do not both apply it.
  const step = db.transaction((): number | undefined => {
    const version = currentVersion(db);
    refuseNewer(version);
    const next = migrations[version];
    if (!next) return undefined;
    db.exec(next.up);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      next.version,
      next.name,
      new Date().toISOString(),
    );
    return next.version;
  });
  for (let v = step.immediate(); v !== undefined; v = step.immediate()) applied.push(v);
  return applied;
}
