/**
 * The embedded default store: one SQLite file in WAL mode, opened with better-sqlite3.
 *
 * Nodes and ties are rows holding their record as JSON; every record is validated and normalised through the
 * graph-core zod schemas when written and again when read back. Writes are synchronous SQLite transactions with
 * `synchronous=FULL`, so a write has reached the disk when its promise resolves.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { open as openFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  BridgeworkError,
  BridgeworkGraph,
  EventSchema,
  GraphDataSchema,
  InputError,
  OrganisationSchema,
  PersonSchema,
  TieKindSchema,
  TieSchema,
  canonicalTie,
  referenceProblems,
  type ApplyBatchOptions,
  type BatchResult,
  type Event,
  type GraphData,
  type GraphStore,
  type InputProblem,
  type ListOptions,
  type NodeRecord,
  type NodeType,
  type Organisation,
  type Person,
  type StoreCounts,
  type Tie,
  type TieKind,
} from '@bridgework/graph-core';
import { appliedMigrations, migrate, type AppliedMigration } from './migrations.js';
import { erasureDigest, SqliteApiStorage, type ErasureLedger } from './api-storage.js';

/** Where the CLI and the API keep the database unless told otherwise (relative to the working directory). */
export const DEFAULT_DB_PATH = 'data/bridgework.db';

export interface SqliteStoreOptions {
  /** How long to wait for another connection's write lock before failing, in milliseconds (default 5000). */
  busyTimeoutMs?: number;
}

/** The connection settings in force, for diagnostics and tests. */
export interface SqliteStoreSettings {
  journalMode: string;
  /** 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
  synchronous: number;
  foreignKeys: boolean;
  secureDelete: boolean;
  busyTimeoutMs: number;
  schemaVersion: number;
}

/** What `backup` wrote. */
export interface BackupResult {
  /** The backup file. */
  file: string;
  bytes: number;
  /** What it holds, counted in the copy itself. */
  people: number;
  organisations: number;
  events: number;
  ties: number;
  introductions: number;
  schemaVersion: number;
}

/** What `restoreBackup` wrote. */
export interface RestoreResult extends BackupResult {
  /** People (or other nodes) of the backup erased again: erased in the current database since the backup was made. */
  erasedAgain: number;
}

/** Options of `restoreBackup`. */
export interface RestoreOptions {
  /**
   * The erasure ledger of the database being replaced (`apiStorage().erasureLedger()`): every node of the backup it
   * names is erased again, and the restored copy keeps it. `null` only when that database is lost: erasures made
   * since the backup then cannot be re-applied.
   */
  erasures: ErasureLedger | null;
  /** The time recorded for the erasures made again (ISO 8601). */
  at: string;
}

/** Options of `backup`. */
export interface BackupOptions {
  /** Called as pages are copied: pages done of the total. */
  onProgress?: (done: number, total: number) => void;
}

type Outcome = 'created' | 'updated' | 'unchanged';

const NODE_SCHEMAS = { person: PersonSchema, organisation: OrganisationSchema, event: EventSchema } as const;
const NODE_TYPES = Object.keys(NODE_SCHEMAS) as NodeType[];
const PROGRESS_EVERY = 2000;
const DEFAULT_LIMIT = 100;

interface NodeRow {
  type: NodeType;
  name: string | null;
  data: string;
}

interface TieRow {
  source: string;
  kind: string;
  target: string;
  strength: number;
  data: string;
}

/** What a tie row keeps in `data`: everything but the key columns and the strength. */
type TieData = Omit<Tie, 'source' | 'target' | 'kind' | 'strength'>;

/** Open (creating if need be) a store at `path`: parent folders are created and pending migrations applied. */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteGraphStore> {
  return SqliteGraphStore.open(path, options);
}

export class SqliteGraphStore implements GraphStore {
  readonly backend = 'sqlite';
  /** The path the store was opened with. */
  readonly file: string;
  private readonly db: Database.Database;
  private readonly q: ReturnType<typeof prepare>;
  private api: SqliteApiStorage | undefined;

  private constructor(db: Database.Database, file: string) {
    this.db = db;
    this.file = file;
    this.q = prepare(db);
  }

  /** See `openSqliteStore`. */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteGraphStore> {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
      throw new BridgeworkError('validation', `store-sqlite: busyTimeoutMs must be a whole number ≥ 0, not ${busyTimeoutMs}`);
    }
    const inMemory = path === ':memory:' || path === '';
    let db: Database.Database | undefined;
    try {
      if (!inMemory) mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { timeout: busyTimeoutMs });
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (!inMemory && mode !== 'wal') {
        throw new BridgeworkError('store', `store-sqlite: ${path} could not be put in WAL mode (journal mode is ${String(mode)})`);
      }
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('secure_delete = ON');
      migrate(db, path);
      return new SqliteGraphStore(db, path);
    } catch (e) {
      if (db?.open) db.close();
      if (e instanceof BridgeworkError) throw e;
      throw new BridgeworkError('store', `store-sqlite: cannot open ${path}: ${errorMessage(e)}`, e);
    }
  }

  // ---- writes ----

  async applyBatch(input: GraphData, options: ApplyBatchOptions = {}): Promise<BatchResult> {
    const parsed = GraphDataSchema.safeParse(input);
    if (!parsed.success) throw new InputError('store-sqlite', issuesToProblems(parsed.error.issues));
    const data = parsed.data;
    const total = data.people.length + data.organisations.length + data.events.length + data.ties.length;
    const { onProgress } = options;
    return this.guard('applyBatch', () =>
      this.db
        .transaction((): BatchResult => {
          this.refuseBadReferences(data);
          const result: BatchResult = { created: 0, updated: 0, unchanged: 0 };
          let done = 0;
          const count = (o: Outcome) => {
            result[o] += 1;
            done += 1;
            if (onProgress && done % PROGRESS_EVERY === 0 && done < total) onProgress({ done, total });
          };
          for (const p of data.people) count(this.writeNode('person', p));
          for (const o of data.organisations) count(this.writeNode('organisation', o));
          for (const e of data.events) count(this.writeNode('event', e));
          for (const t of data.ties) count(this.writeTie(t));
          onProgress?.({ done, total });
          return result;
        })
        .immediate(),
    );
  }

  async putPerson(p: Person): Promise<Outcome> {
    return this.putNode('person', p);
  }

  async putOrganisation(o: Organisation): Promise<Outcome> {
    return this.putNode('organisation', o);
  }

  async putEvent(e: Event): Promise<Outcome> {
    return this.putNode('event', e);
  }

  async putTie(t: Tie): Promise<Outcome> {
    const parsed = TieSchema.safeParse(t);
    if (!parsed.success) throw new InputError('store-sqlite', issuesToProblems(parsed.error.issues, 'tie'));
    const tie = parsed.data;
    return this.guard('putTie', () =>
      this.db
        .transaction(() => {
          this.refuseBadReferences({ people: [], organisations: [], events: [], ties: [tie] });
          return this.writeTie(tie);
        })
        .immediate(),
    );
  }

  async deleteNode(id: string): Promise<boolean> {
    return this.guard('deleteNode', () =>
      this.db
        .transaction(() => {
          // Members whose coach goes keep no dangling reference to them.
          this.q.clearCoach.run(id);
          return this.q.deleteNode.run(id).changes > 0;
        })
        .immediate(),
    );
  }

  async deleteTie(source: string, target: string, kind: TieKind): Promise<boolean> {
    const k = canonicalTie({ source, target, kind: checkKind(kind) });
    return this.guard('deleteTie', () => this.q.deleteTie.run(k.source, k.kind, k.target).changes > 0);
  }

  // ---- reads ----

  async getNode(id: string): Promise<NodeRecord | undefined> {
    return this.guard('getNode', () => {
      const row = this.q.node.get(id) as NodeRow | undefined;
      return row && readNode(id, row.type, row.data);
    });
  }

  async getTie(source: string, target: string, kind: TieKind): Promise<Tie | undefined> {
    const k = canonicalTie({ source, target, kind: checkKind(kind) });
    return this.guard('getTie', () => {
      const row = this.q.tie.get(k.source, k.kind, k.target) as Pick<TieRow, 'strength' | 'data'> | undefined;
      return row && readTie({ ...k, ...row });
    });
  }

  async nodeTypes(ids: Iterable<string>): Promise<Map<string, NodeType>> {
    return this.guard('nodeTypes', () => this.typesOf(ids));
  }

  async listNodes(options: ListOptions = {}): Promise<NodeRecord[]> {
    const { type, after, limit = DEFAULT_LIMIT } = options;
    if (!Number.isInteger(limit) || limit < 0) {
      throw new BridgeworkError('validation', `store-sqlite: limit must be a whole number ≥ 0, not ${limit}`);
    }
    if (type !== undefined && !NODE_TYPES.includes(type)) {
      throw new BridgeworkError('validation', `store-sqlite: type must be one of ${NODE_TYPES.join(', ')}, not ${JSON.stringify(type)}`);
    }
    return this.guard('listNodes', () => {
      const rows = (
        type === undefined
          ? after === undefined
            ? this.q.list.all(limit)
            : this.q.listAfter.all(after, limit)
          : after === undefined
            ? this.q.listType.all(type, limit)
            : this.q.listTypeAfter.all(type, after, limit)
      ) as (NodeRow & { id: string })[];
      return rows.map((r) => readNode(r.id, r.type, r.data));
    });
  }

  async tiesOf(id: string): Promise<Tie[]> {
    return this.guard('tiesOf', () => (this.q.tiesOf.all({ id }) as TieRow[]).map(readTie));
  }

  async counts(): Promise<StoreCounts> {
    return this.guard('counts', () => {
      const byType = new Map((this.q.countNodes.all() as [NodeType, number][]).map(([t, n]) => [t, n]));
      return {
        people: byType.get('person') ?? 0,
        organisations: byType.get('organisation') ?? 0,
        events: byType.get('event') ?? 0,
        ties: this.q.countTies.get() as number,
      };
    });
  }

  async loadGraph(): Promise<BridgeworkGraph> {
    return BridgeworkGraph.from(await this.exportData());
  }

  async exportData(): Promise<GraphData> {
    return this.guard('exportData', () =>
      // One read transaction, so the four lists are one consistent snapshot.
      this.db.transaction(() => {
        const nodes = <T>(type: NodeType) =>
          (this.q.nodesOfType.all(type) as [string, string][]).map(([id, data]) => parseNode(id, type, data) as T);
        return {
          people: nodes<Person>('person'),
          organisations: nodes<Organisation>('organisation'),
          events: nodes<Event>('event'),
          ties: (this.q.allTies.all() as TieRow[]).map(readTie),
        };
      })(),
    );
  }

  // ---- SQLite-specific ----

  /** The migrations recorded in the file, oldest first. */
  async migrations(): Promise<AppliedMigration[]> {
    return this.guard('migrations', () => appliedMigrations(this.db));
  }

  async settings(): Promise<SqliteStoreSettings> {
    return this.guard('settings', () => {
      const get = (name: string) => this.db.pragma(name, { simple: true });
      return {
        journalMode: String(get('journal_mode')),
        synchronous: Number(get('synchronous')),
        foreignKeys: Number(get('foreign_keys')) === 1,
        secureDelete: Number(get('secure_delete')) === 1,
        busyTimeoutMs: Number(get('busy_timeout')),
        schemaVersion: this.db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() as number,
      };
    });
  }

  /**
   * The API's own storage (keys, audit log, idempotency, erasure) on this store's connection and file. The same
   * object each time; it is unusable once the store is closed.
   */
  apiStorage(): SqliteApiStorage {
    this.api ??= new SqliteApiStorage(this.db, {
      guard: (what, fn) => this.guard(what, fn),
      deleteNode: (id) => {
        this.q.clearCoach.run(id);
        return this.q.deleteNode.run(id).changes > 0;
      },
      checkpoint: () => this.db.pragma('wal_checkpoint(TRUNCATE)'),
    });
    return this.api;
  }

  /**
   * A consistent copy of the whole database — graph, introductions, keys, audit log — while it stays in use (SQLite's
   * online backup, which starts again if another connection writes meanwhile), as one self-contained file (no
   * write-ahead log beside it). The copy is written beside `destination`, checked (`PRAGMA quick_check`), counted,
   * flushed to disk and only then renamed into place: a failure leaves no file at `destination`. Refuses a
   * destination that exists (a validation error); a failed copy or check is a store error.
   */
  async backup(destination: string, options: BackupOptions = {}): Promise<BackupResult> {
    if (!this.db.open) throw new BridgeworkError('store', `store-sqlite: backup: the store at ${this.file} is closed`);
    if (this.db.memory) throw new BridgeworkError('validation', 'store-sqlite: backup: an in-memory store has no file to back up');
    if (existsSync(destination)) {
      throw new BridgeworkError('validation', `store-sqlite: backup: ${destination} already exists; name a new file (a backup never overwrites one)`);
    }
    const folder = dirname(destination);
    const tmp = join(folder, `.${basename(destination)}.${process.pid}.tmp`);
    try {
      mkdirSync(folder, { recursive: true });
      const { totalPages } = await this.db.backup(tmp, {
        progress: ({ totalPages: total, remainingPages }) => {
          options.onProgress?.(total - remainingPages, total);
          return 1000;
        },
      });
      options.onProgress?.(totalPages, totalPages);
      return await finishCopy(tmp, destination, 'backup');
    } catch (e) {
      for (const leftover of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) await rm(leftover, { force: true }).catch(() => {});
      if (e instanceof BridgeworkError) throw e;
      throw new BridgeworkError('store', `store-sqlite: backup of ${this.file} to ${destination} failed: ${errorMessage(e)}`, e);
    }
  }

  /** Every node id, in id order (for checks that go id by id, such as a restore's erasures). */
  nodeIds(): string[] {
    return this.guard('nodeIds', () => this.db.prepare('SELECT id FROM nodes ORDER BY id').pluck().all() as string[]);
  }

  /** Copy the write-ahead log into the database file and truncate the log, so deleted data no longer lingers there. */
  async checkpoint(): Promise<void> {
    this.guard('checkpoint', () => this.db.pragma('wal_checkpoint(TRUNCATE)'));
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      this.db.pragma('optimize');
    } catch {
      // Only a hint to the query planner: never a reason to fail a close.
    }
    this.db.close();
  }

  // ---- internals ----

  /** Run `fn` on the open database, turning SQLite errors into BridgeworkErrors; other errors pass through. */
  private guard<T>(what: string, fn: () => T): T {
    if (!this.db.open) throw new BridgeworkError('store', `store-sqlite: ${what}: the store at ${this.file} is closed`);
    try {
      return fn();
    } catch (e) {
      if (isSqliteError(e)) {
        throw new BridgeworkError('store', `store-sqlite: ${what} failed on ${this.file}: ${e.message} (${e.code})`, e);
      }
      throw e;
    }
  }

  private async putNode(type: NodeType, input: NodeRecord | Person | Organisation | Event): Promise<Outcome> {
    // Accept a record read back with getNode: its `type` is redundant here when it matches.
    let record: unknown = input;
    if ('type' in input && input.type === type) {
      const { type: _type, ...rest } = input;
      record = rest;
    }
    const parsed = NODE_SCHEMAS[type].safeParse(record);
    if (!parsed.success) throw new InputError('store-sqlite', issuesToProblems(parsed.error.issues, type));
    const node = parsed.data;
    const batch: GraphData = { people: [], organisations: [], events: [], ties: [] };
    if (type === 'person') batch.people.push(node as Person);
    else if (type === 'organisation') batch.organisations.push(node as Organisation);
    else batch.events.push(node as Event);
    return this.guard(`put ${type}`, () =>
      this.db
        .transaction(() => {
          this.refuseBadReferences(batch);
          return this.writeNode(type, node);
        })
        .immediate(),
    );
  }

  private typesOf(ids: Iterable<string>): Map<string, NodeType> {
    const types = new Map<string, NodeType>();
    for (const id of ids) {
      if (types.has(id)) continue;
      const type = this.q.nodeType.get(id) as NodeType | undefined;
      if (type) types.set(id, type);
    }
    return types;
  }

  /** Throws an InputError when `data` refers to nodes that neither it nor the store holds, or misuses ids. */
  private refuseBadReferences(data: GraphData): void {
    const ids = new Set<string>();
    for (const p of data.people) {
      ids.add(p.id);
      if (p.coachId !== null) ids.add(p.coachId);
    }
    for (const o of data.organisations) ids.add(o.id);
    for (const e of data.events) ids.add(e.id);
    for (const t of data.ties) {
      ids.add(t.source);
      ids.add(t.target);
    }
    const problems = referenceProblems(data, this.typesOf(ids));
    if (problems.length > 0) throw new InputError('store-sqlite', problems);
  }

  private writeNode(type: NodeType, record: Person | Organisation | Event): Outcome {
    const data = JSON.stringify(record);
    const row = this.q.node.get(record.id) as NodeRow | undefined;
    if (!row) {
      this.q.insertNode.run(record.id, type, record.name, data);
      return 'created';
    }
    if (row.type !== type) {
      throw new BridgeworkError('conflict', `store-sqlite: id ${JSON.stringify(record.id)} is already a ${row.type}, not a ${type}`);
    }
    if (row.data === data && row.name === record.name) return 'unchanged';
    this.q.updateNode.run(record.name, data, record.id);
    return 'updated';
  }

  private writeTie(input: Tie): Outcome {
    const { source, target, kind, strength, ...rest } = canonicalTie(input);
    const data = JSON.stringify({ ...rest, attributes: sortKeys(rest.attributes) } satisfies TieData);
    const row = this.q.tie.get(source, kind, target) as Pick<TieRow, 'strength' | 'data'> | undefined;
    if (!row) {
      this.q.insertTie.run(source, kind, target, strength, data);
      return 'created';
    }
    if (row.strength === strength && row.data === data) return 'unchanged';
    this.q.updateTie.run(strength, data, source, kind, target);
    return 'updated';
  }
}

/**
 * Restore a backup into a new database file `destination` (never over an existing one): copy it, migrate it to
 * this version's schema, erase again every node the current database's erasure ledger names (people erased since the
 * backup was made), keep that ledger, check it and rename it into place. The database it replaces is not touched:
 * stop the server and swap the files (or point `--db` at the new one). Validation errors for a missing backup, an
 * existing destination or a backup of another database; store errors for a copy or check that fails.
 */
export async function restoreBackup(from: string, destination: string, options: RestoreOptions): Promise<RestoreResult> {
  if (!existsSync(from)) throw new BridgeworkError('validation', `store-sqlite: restore: there is no backup at ${from}`);
  if (existsSync(destination)) throw new BridgeworkError('validation', `store-sqlite: restore: ${destination} already exists; restore into a new file`);
  const folder = dirname(destination);
  const tmp = join(folder, `.${basename(destination)}.${process.pid}.tmp`);
  let store: SqliteGraphStore | undefined;
  try {
    mkdirSync(folder, { recursive: true });
    const source = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await source.backup(tmp);
    } finally {
      source.close();
    }
    store = await SqliteGraphStore.open(tmp);
    const api = store.apiStorage();
    let erasedAgain = 0;
    if (options.erasures) {
      const ledger = options.erasures;
      // The ledger first (its entries keep the times of the erasures), then the erasures it names.
      await api.adoptErasureLedger(ledger);
      const digests = new Set(ledger.entries.map((e) => e.digest));
      for (const id of store.nodeIds()) {
        if (!digests.has(erasureDigest(ledger.key, id))) continue;
        const erased = await api.eraseSubject(id, options.at);
        // On the record as the API records an erasure, under the new pseudonym, by the restore.
        await api.appendAudit([{ at: options.at, actor: 'restore', role: 'admin', action: 'erase', resource: 'person', target: erased.pseudonym, requestId: null, status: null }]);
        erasedAgain++;
      }
    }
    await store.close();
    store = undefined;
    return { ...(await finishCopy(tmp, destination, 'restore')), erasedAgain };
  } catch (e) {
    if (store) await store.close().catch(() => {});
    for (const leftover of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) await rm(leftover, { force: true }).catch(() => {});
    if (e instanceof BridgeworkError) throw e;
    throw new BridgeworkError('store', `store-sqlite: restore of ${from} to ${destination} failed: ${errorMessage(e)}`, e);
  }
}

/**
 * Put a finished copy in place: make it self-contained and check it (`checkBackup`), flush it to disk, rename it to
 * `destination` (refusing if a file appeared there meanwhile) and flush the folder.
 */
async function finishCopy(tmp: string, destination: string, what: 'backup' | 'restore'): Promise<BackupResult> {
  const counts = checkBackup(tmp);
  const fh = await openFile(tmp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (existsSync(destination)) throw new BridgeworkError('validation', `store-sqlite: ${what}: ${destination} appeared while the copy was made; it was left alone`);
  await rename(tmp, destination);
  await syncFolder(dirname(destination));
  return { file: destination, bytes: (await stat(destination)).size, ...counts };
}

/** Make a fresh copy self-contained (rollback journal, not WAL), check it, and count what it holds. */
function checkBackup(file: string): Omit<BackupResult, 'file' | 'bytes'> {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BridgeworkError('store', `store-sqlite: backup: the copy failed its integrity check: ${String(check)}`);
    const count = (sql: string) => copy.prepare(sql).pluck().get() as number;
    return {
      people: count("SELECT count(*) FROM nodes WHERE type = 'person'"),
      organisations: count("SELECT count(*) FROM nodes WHERE type = 'organisation'"),
      events: count("SELECT count(*) FROM nodes WHERE type = 'event'"),
      ties: count('SELECT count(*) FROM ties'),
      introductions: count('SELECT count(*) FROM introductions'),
      schemaVersion: count('SELECT coalesce(max(version), 0) FROM schema_migrations'),
    };
  } finally {
    copy.close();
  }
}

/** fsync a folder, so a rename into it survives a crash (a no-op where folders cannot be opened, as on Windows). */
async function syncFolder(folder: string): Promise<void> {
  let fh;
  try {
    fh = await openFile(folder, 'r');
  } catch {
    return;
  }
  try {
    await fh.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the rename itself has happened.
  } finally {
    await fh.close();
  }
}

function prepare(db: Database.Database) {
  const tieColumns = 'source, kind, target, strength, data';
  return {
    node: db.prepare('SELECT type, name, data FROM nodes WHERE id = ?'),
    nodeType: db.prepare('SELECT type FROM nodes WHERE id = ?').pluck(),
    insertNode: db.prepare('INSERT INTO nodes (id, type, name, data) VALUES (?, ?, ?, ?)'),
    updateNode: db.prepare('UPDATE nodes SET name = ?, data = ? WHERE id = ?'),
    deleteNode: db.prepare('DELETE FROM nodes WHERE id = ?'),
    clearCoach: db.prepare(
      "UPDATE nodes SET data = json_set(data, '$.coachId', json('null')) WHERE type = 'person' AND json_extract(data, '$.coachId') = ?",
    ),
    list: db.prepare('SELECT id, type, data FROM nodes ORDER BY id LIMIT ?'),
    listAfter: db.prepare('SELECT id, type, data FROM nodes WHERE id > ? ORDER BY id LIMIT ?'),
    listType: db.prepare('SELECT id, type, data FROM nodes WHERE type = ? ORDER BY id LIMIT ?'),
    listTypeAfter: db.prepare('SELECT id, type, data FROM nodes WHERE type = ? AND id > ? ORDER BY id LIMIT ?'),
    nodesOfType: db.prepare('SELECT id, data FROM nodes WHERE type = ? ORDER BY id').raw(),
    countNodes: db.prepare('SELECT type, count(*) FROM nodes GROUP BY type').raw(),
    tie: db.prepare('SELECT strength, data FROM ties WHERE source = ? AND kind = ? AND target = ?'),
    insertTie: db.prepare(`INSERT INTO ties (${tieColumns}) VALUES (?, ?, ?, ?, ?)`),
    updateTie: db.prepare('UPDATE ties SET strength = ?, data = ? WHERE source = ? AND kind = ? AND target = ?'),
    deleteTie: db.prepare('DELETE FROM ties WHERE source = ? AND kind = ? AND target = ?'),
    tiesOf: db.prepare(
      `SELECT ${tieColumns} FROM ties WHERE source = @id UNION ALL ` +
        `SELECT ${tieColumns} FROM ties WHERE target = @id ORDER BY source, kind, target`,
    ),
    allTies: db.prepare(`SELECT ${tieColumns} FROM ties ORDER BY source, kind, target`),
    countTies: db.prepare('SELECT count(*) FROM ties').pluck(),
  };
}

function checkKind(kind: TieKind): TieKind {
  const parsed = TieKindSchema.safeParse(kind);
  if (!parsed.success) throw new BridgeworkError('validation', `store-sqlite: unknown tie kind ${JSON.stringify(kind)}`);
  return parsed.data;
}

/** A stored node, validated and normalised through its schema. */
function parseNode(id: string, type: NodeType, data: string): Person | Organisation | Event {
  const schema = NODE_SCHEMAS[type];
  const parsed = schema.safeParse(parseJson(data, `node ${JSON.stringify(id)}`));
  if (!parsed.success || parsed.data.id !== id) {
    const why = parsed.success ? `its data has id ${JSON.stringify(parsed.data.id)}` : parsed.error.issues[0]?.message;
    throw new BridgeworkError('store', `store-sqlite: stored ${type} ${JSON.stringify(id)} is not valid: ${why}`);
  }
  return parsed.data;
}

function readNode(id: string, type: NodeType, data: string): NodeRecord {
  return { type, ...parseNode(id, type, data) } as NodeRecord;
}

function readTie(row: TieRow): Tie {
  const what = `tie ${row.source} ${row.kind} ${row.target}`;
  const stored = parseJson(row.data, what) as Record<string, unknown>;
  const parsed = TieSchema.safeParse({ source: row.source, target: row.target, kind: row.kind, strength: row.strength, ...stored });
  if (!parsed.success) {
    throw new BridgeworkError('store', `store-sqlite: stored ${what} is not valid: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BridgeworkError('store', `store-sqlite: stored ${what} is not valid JSON: ${errorMessage(e)}`);
  }
}

/** Attributes with their keys sorted, so the same attributes in another order are the same tie. */
function sortKeys<T extends Record<string, unknown>>(o: T): T {
  const keys = Object.keys(o);
  if (keys.length < 2) return o;
  return Object.fromEntries(keys.sort().map((k) => [k, o[k]])) as T;
}

function issuesToProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  record?: string,
): InputProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    if (record !== undefined) {
      return { file: record, line: 1, ...(path.length > 0 ? { column: path.join('.') } : {}), reason: issue.message };
    }
    const [section = 'batch', index, ...rest] = path;
    const line = index !== undefined && /^\d+$/.test(index) ? Number(index) + 1 : 1;
    return { file: section, line, ...(rest.length > 0 ? { column: rest.join('.') } : {}), reason: issue.message };
  });
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  // An Error from another realm (better-sqlite3's native addon keeps the SqliteError class of the first realm that
  // loaded it, e.g. another test file's module registry under jest) is not `instanceof Error` here.
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message;
  return String(e);
}

/** A better-sqlite3 error, whichever realm made it (see errorMessage). */
function isSqliteError(e: unknown): e is InstanceType<typeof Database.SqliteError> {
  if (e instanceof Database.SqliteError) return true;
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'SqliteError' && typeof (e as { code?: unknown }).code === 'string';
}
