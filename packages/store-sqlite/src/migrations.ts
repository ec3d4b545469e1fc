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
  {
    version: 2,
    name: 'api keys, audit log, idempotency',
    // API-only storage (packages/api): hashed keys, an append-only audit log whose only permitted change is erasure
    // pseudonymising a target id, stored responses for idempotent POSTs, and a few settings (e.g. the pseudonym salt).
    up: `
      CREATE TABLE api_keys (
        id         TEXT PRIMARY KEY NOT NULL,
        name       TEXT,
        role       TEXT NOT NULL CHECK (role IN ('admin', 'coach', 'analyst', 'service')),
        coach_id   TEXT,
        scopes     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scopes)),
        hash       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        CHECK ((role = 'coach') = (coach_id IS NOT NULL))
      );
      CREATE INDEX api_keys_coach ON api_keys (coach_id) WHERE coach_id IS NOT NULL;

      CREATE TABLE audit_log (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        role       TEXT NOT NULL,
        action     TEXT NOT NULL,
        resource   TEXT NOT NULL,
        target     TEXT,
        request_id TEXT,
        status     INTEGER
      );
      CREATE INDEX audit_log_target ON audit_log (target) WHERE target IS NOT NULL;
      CREATE INDEX audit_log_actor ON audit_log (actor, seq);
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.role IS NOT OLD.role
          OR NEW.action IS NOT OLD.action OR NEW.resource IS NOT OLD.resource OR NEW.request_id IS NOT OLD.request_id
          OR NEW.status IS NOT OLD.status OR NEW.target IS NULL OR NEW.target NOT LIKE 'erased:%'
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only (only erasure may pseudonymise a target)'); END;

      CREATE TABLE idempotency (
        key_id      TEXT NOT NULL,
        idem_key    TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status      INTEGER,
        response    TEXT,
        subjects    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(subjects)),
        created_at  TEXT NOT NULL,
        PRIMARY KEY (key_id, idem_key)
      ) WITHOUT ROWID;

      CREATE TABLE api_settings (
        name  TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'introductions and impressions',
    // The double opt-in introductions of the API and the suggestions shown (impressions), which feed the matcher's
    // history. Every row names people by their node id with ON DELETE CASCADE, so erasing a person (deleting their
    // node) removes their introductions, their place as an introducer and their impressions in the same transaction.
    up: `
      CREATE TABLE introductions (
        id                 TEXT PRIMARY KEY NOT NULL,
        person_id          TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        target_id          TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        status             TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined', 'made', 'closed', 'withdrawn')),
        person_answer      TEXT CHECK (person_answer IN ('accepted', 'declined')),
        person_answered_at TEXT,
        target_answer      TEXT CHECK (target_answer IN ('accepted', 'declined')),
        target_answered_at TEXT,
        outcome            TEXT CHECK (outcome IN ('met', 'helpful', 'interview', 'job', 'declined', 'no-reply')),
        proposed_at        TEXT NOT NULL,
        proposed_by        TEXT NOT NULL,
        made_at            TEXT,
        closed_at          TEXT,
        updated_at         TEXT NOT NULL,
        revision           INTEGER NOT NULL DEFAULT 0,
        CHECK (person_id <> target_id)
      );
      CREATE INDEX introductions_person ON introductions (person_id);
      CREATE INDEX introductions_target ON introductions (target_id);
      CREATE INDEX introductions_status ON introductions (status, id);

      CREATE TABLE introduction_introducers (
        introduction_id TEXT NOT NULL REFERENCES introductions (id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        introducer_id   TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        PRIMARY KEY (introduction_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX introduction_introducers_by ON introduction_introducers (introducer_id);

      CREATE TABLE impressions (
        person_id    TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        candidate_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        count        INTEGER NOT NULL CHECK (count >= 0),
        last_shown   TEXT NOT NULL,
        PRIMARY KEY (person_id, candidate_id)
      ) WITHOUT ROWID;
      CREATE INDEX impressions_candidate ON impressions (candidate_id);
    `,
  },
  {
    version: 4,
    name: 'erasure ledger',
    // Erasure keeps no id, yet a backup restored later must not bring an erased person back. The ledger holds, per
    // erasure, only HMAC-SHA256(ledger key, id): it can answer "was this id erased?" for an id one already has (a
    // restored backup's), never list whom. The key is made here, once, at random, and travels with the database.
    up: `
      CREATE TABLE erasure_ledger (
        digest TEXT PRIMARY KEY NOT NULL CHECK (length(digest) = 64),
        at     TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO api_settings (name, value) VALUES ('erasure-ledger-key', lower(hex(randomblob(32))));
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
