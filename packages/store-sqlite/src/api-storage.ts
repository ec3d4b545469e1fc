/**
 * API-only storage in the same SQLite file as the graph (migration 2): hashed API keys, the append-only audit log,
 * stored responses of idempotent requests, settings, and erasure of a data subject across all of them.
 *
 * It shares the graph store's connection, so an erasure removes the person's node, ties and every API record that
 * names them in one transaction. The HTTP API (packages/api) reaches it through its own small `ApiStorage`
 * interface, which this class satisfies structurally.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { BridgeworkError } from '@bridgework/graph-core';

export const API_ROLES = ['admin', 'coach', 'analyst', 'service'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/** A key as listed: never its hash. */
export interface StoredApiKey {
  id: string;
  name: string | null;
  role: ApiRole;
  /** For coach keys: the coach's person id. */
  coachId: string | null;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

export interface NewApiKey extends Omit<StoredApiKey, 'revokedAt'> {
  /** Hex SHA-256 of the secret key. */
  hash: string;
}

export interface AuditEntryInput {
  at: string;
  /** Who acted: an API key id, or e.g. `cli`. */
  actor: string;
  role: string;
  /** What they did: read, list, create, update, delete, export, erase, import, … */
  action: string;
  /** What kind of thing: person, organisation, event, tie, key, audit, … */
  resource: string;
  /** The id acted on (a person's id for personal data), if any. */
  target: string | null;
  requestId: string | null;
  /** The HTTP status of the answer. */
  status: number | null;
}

export interface AuditEntry extends AuditEntryInput {
  seq: number;
}

export interface AuditQuery {
  actor?: string;
  target?: string;
  action?: string;
  resource?: string;
  /** Entries with seq strictly greater than this (cursor). */
  after?: number;
  limit?: number;
}

export type IdempotencyBegin =
  | { state: 'new' }
  | { state: 'replay'; status: number; response: string }
  | { state: 'mismatch' }
  | { state: 'in-progress' };

/** The erasure ledger of a database: its key and, per erasure, HMAC-SHA256(key, id) — never the id. */
export interface ErasureLedger {
  /** The ledger key (hex), made at random when the ledger was created. */
  key: string;
  entries: Array<{ digest: string; at: string }>;
}

/** An erasure ledger's digest of `id`: HMAC-SHA256 under the ledger's key (hex). */
export function erasureDigest(key: string, id: string): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(id, 'utf8').digest('hex');
}

export interface ErasureResult {
  /** Whether the person existed. */
  existed: boolean;
  ties: number;
  /** Audit entries whose target was pseudonymised. */
  auditEntries: number;
  /** Stored idempotent responses removed. */
  idempotentResponses: number;
  /** Keys bound to the person, revoked and unbound. */
  keys: number;
  /** The pseudonym that now stands for the person in the audit log (`erased:…`). */
  pseudonym: string;
  /** Introductions the person asked for or was to be introduced in, removed. */
  introductions: number;
  /** Introductions the person was to make, from which they were removed. */
  introducerOf: number;
  /** Impressions (suggestions shown) naming the person, removed. */
  impressions: number;
}

/** Where an introduction is in its double opt-in lifecycle (see docs/api.md). */
export const INTRODUCTION_STATUSES = ['proposed', 'accepted', 'declined', 'made', 'closed', 'withdrawn'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];
/** Statuses of an introduction asked for and not yet made: they count against the caps on open asks. */
export const OPEN_INTRODUCTION_STATUSES: readonly IntroductionStatus[] = ['proposed', 'accepted'];
/** What came of an introduction once made. */
export const INTRODUCTION_OUTCOMES = ['met', 'helpful', 'interview', 'job', 'declined', 'no-reply'] as const;
export type IntroductionOutcome = (typeof INTRODUCTION_OUTCOMES)[number];

/** One side's answer to a proposed introduction. */
export interface IntroductionAnswer {
  answer: 'accepted' | 'declined';
  at: string;
}

/** An introduction as stored: `personId` asked to meet `targetId` through `introducerIds` (in order; may be empty). */
export interface StoredIntroduction {
  id: string;
  personId: string;
  targetId: string;
  introducerIds: string[];
  status: IntroductionStatus;
  personAnswer: IntroductionAnswer | null;
  targetAnswer: IntroductionAnswer | null;
  outcome: IntroductionOutcome | null;
  proposedAt: string;
  /** Who proposed it (e.g. `api-key:<id>`). */
  proposedBy: string;
  madeAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  /** Increases with every change (optimistic concurrency: a change names the revision it read). */
  revision: number;
}

export type NewIntroduction = Pick<StoredIntroduction, 'id' | 'personId' | 'targetId' | 'introducerIds' | 'proposedAt' | 'proposedBy'>;

/** A change of state: the fields that change. */
export type IntroductionChange = Partial<Pick<StoredIntroduction, 'status' | 'personAnswer' | 'targetAnswer' | 'outcome' | 'madeAt' | 'closedAt'>> & {
  updatedAt: string;
};

/** What a proposal is checked against, read in the same transaction as the insert. */
export interface IntroductionFacts {
  /** Open introductions (proposed or accepted) the person is in, as asker or as the one to meet. */
  personOpen: number;
  targetOpen: number;
  /** Open introductions each named introducer has been asked to make. */
  introducerLoad: Record<string, number>;
  /** Earlier introductions of the same two people (either order). */
  pair: { id: string; status: IntroductionStatus; outcome: IntroductionOutcome | null }[];
}

export interface IntroductionQuery {
  /** Introductions this person is in (as asker or as the one to meet). */
  person?: string;
  introducer?: string;
  status?: IntroductionStatus;
  /** Ids strictly after this one (cursor). */
  after?: string;
  limit?: number;
}

/** The introduction history the matcher takes (`IntroductionHistory` of @bridgework/matcher), for one person. */
export interface StoredIntroductionHistory {
  /** Pairs of the person that declined (an answer or the outcome `declined`). */
  declined: { a: string; b: string }[];
  /** Pairs of the person already introduced (made or closed without a decline): not suggested again. */
  introduced: { a: string; b: string }[];
  /** Every open introduction (proposed or accepted), with its first introducer and all its introducers in order. */
  openAsks: { personId: string; candidateId: string; introducerId: string | null; introducerIds: string[] }[];
  /** Suggestions shown to the person: how many days each candidate was shown, and the last day. */
  impressions: { personId: string; candidateId: string; count: number; lastShown: string }[];
}

/** A page size: `limit` (default 100) if it is a whole number in [1, max], else a validation error naming `where`. */
function pageLimit(limit: number | undefined, max: number, where: string): number {
  const n = limit ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new BridgeworkError('validation', `${where}: limit must be a whole number in [1, ${max}], not ${n}`);
  return n;
}

interface KeyRow {
  id: string;
  name: string | null;
  role: ApiRole;
  coach_id: string | null;
  scopes: string;
  hash: string;
  created_at: string;
  revoked_at: string | null;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  resource: string;
  target: string | null;
  request_id: string | null;
  status: number | null;
}

const MAX_AUDIT_PAGE = 1000;

function toKey(r: KeyRow): StoredApiKey {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    coachId: r.coach_id,
    scopes: JSON.parse(r.scopes) as string[],
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

function toAudit(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    role: r.role,
    action: r.action,
    resource: r.resource,
    target: r.target,
    requestId: r.request_id,
    status: r.status,
  };
}

interface IntroductionRow {
  id: string;
  person_id: string;
  target_id: string;
  introducers: string;
  status: IntroductionStatus;
  person_answer: 'accepted' | 'declined' | null;
  person_answered_at: string | null;
  target_answer: 'accepted' | 'declined' | null;
  target_answered_at: string | null;
  outcome: IntroductionOutcome | null;
  proposed_at: string;
  proposed_by: string;
  made_at: string | null;
  closed_at: string | null;
  updated_at: string;
  revision: number;
}

const MAX_INTRODUCTION_PAGE = 1000;

const answerOf = (answer: 'accepted' | 'declined' | null, at: string | null): IntroductionAnswer | null =>
  answer === null ? null : { answer, at: at ?? '' };

function toIntroduction(r: IntroductionRow): StoredIntroduction {
  return {
    id: r.id,
    personId: r.person_id,
    targetId: r.target_id,
    introducerIds: JSON.parse(r.introducers) as string[],
    status: r.status,
    personAnswer: answerOf(r.person_answer, r.person_answered_at),
    targetAnswer: answerOf(r.target_answer, r.target_answered_at),
    outcome: r.outcome,
    proposedAt: r.proposed_at,
    proposedBy: r.proposed_by,
    madeAt: r.made_at,
    closedAt: r.closed_at,
    updatedAt: r.updated_at,
    revision: r.revision,
  };
}

/** The hooks the graph store lends this class (its guard and its node deletion, run inside our transaction). */
export interface ApiStorageHooks {
  guard<T>(what: string, fn: () => T): T;
  /** Delete a node (ties cascade, members' coachId cleared); whether it existed. Runs inside the caller's transaction. */
  deleteNode(id: string): boolean;
  checkpoint(): void;
}

export class SqliteApiStorage {
  private readonly q: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Database.Database,
    private readonly hooks: ApiStorageHooks,
  ) {
    this.q = prepare(db);
  }

  /** Succeeds when the database answers a query. */
  async ping(): Promise<void> {
    this.hooks.guard('ping', () => this.db.prepare('SELECT 1').get());
  }

  /**
   * A number that changes when another connection (e.g. the CLI importing into the same file) commits; this
   * connection's own writes do not change it (SQLite's `data_version`).
   */
  async externalVersion(): Promise<number> {
    return this.hooks.guard('externalVersion', () => Number(this.q.dataVersion.get()));
  }

  // ---- keys ----

  async createKey(key: NewApiKey): Promise<StoredApiKey> {
    if (!API_ROLES.includes(key.role)) {
      throw new BridgeworkError('validation', `store-sqlite/keys: role must be one of ${API_ROLES.join(', ')}, not ${JSON.stringify(key.role)}`);
    }
    if ((key.role === 'coach') !== (key.coachId !== null)) {
      throw new BridgeworkError('validation', 'store-sqlite/keys: a coach key needs a coach id, and only a coach key may have one');
    }
    return this.hooks.guard('createKey', () => {
      this.q.insertKey.run(key.id, key.name, key.role, key.coachId, JSON.stringify(key.scopes), key.hash, key.createdAt);
      return toKey(this.q.key.get(key.id) as KeyRow);
    });
  }

  /** A key with its hash, for authentication. */
  async findKey(id: string): Promise<(StoredApiKey & { hash: string }) | undefined> {
    return this.hooks.guard('findKey', () => {
      const row = this.q.key.get(id) as KeyRow | undefined;
      return row && { ...toKey(row), hash: row.hash };
    });
  }

  async listKeys(): Promise<StoredApiKey[]> {
    return this.hooks.guard('listKeys', () => (this.q.keys.all() as KeyRow[]).map(toKey));
  }

  /** Revoke a key; whether it existed and was live. */
  async revokeKey(id: string, at: string): Promise<boolean> {
    return this.hooks.guard('revokeKey', () => this.q.revokeKey.run(at, id).changes > 0);
  }

  // ---- audit ----

  /**
   * Append entries in one transaction. With `lazy`, the commit does not wait for the disk (`synchronous=NORMAL` for
   * this one transaction: in WAL mode the log stays consistent, and the entries reach the disk with the next
   * durable commit or checkpoint) — for records of reads, where a power cut may lose the last few but a busy read
   * path must not pay an fsync per request. Otherwise the commit is durable like every other write.
   */
  async appendAudit(entries: readonly AuditEntryInput[], options: { lazy?: boolean } = {}): Promise<void> {
    if (entries.length === 0) return;
    this.hooks.guard('appendAudit', () => {
      const lazy = options.lazy === true;
      if (lazy) this.db.pragma('synchronous = NORMAL');
      try {
        this.db.transaction(() => {
          for (const e of entries) this.q.insertAudit.run(e.at, e.actor, e.role, e.action, e.resource, e.target, e.requestId, e.status);
        })();
      } finally {
        if (lazy) this.db.pragma('synchronous = FULL');
      }
    });
  }

  async queryAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const limit = pageLimit(query.limit, MAX_AUDIT_PAGE, 'store-sqlite/audit');
    return this.hooks.guard('queryAudit', () =>
      (
        this.q.audit.all({
          actor: query.actor ?? null,
          target: query.target ?? null,
          action: query.action ?? null,
          resource: query.resource ?? null,
          after: query.after ?? 0,
          limit,
        }) as AuditRow[]
      ).map(toAudit),
    );
  }

  // ---- idempotency ----

  /**
   * Reserve an idempotency key for a request with this fingerprint (a hash of method, path and body), or say what
   * happened to it before: the stored answer to replay, a different request under the same key, or one in progress.
   */
  async beginIdempotent(keyId: string, idemKey: string, fingerprint: string, at: string): Promise<IdempotencyBegin> {
    return this.hooks.guard('beginIdempotent', () =>
      this.db
        .transaction((): IdempotencyBegin => {
          const row = this.q.idem.get(keyId, idemKey) as
            | { fingerprint: string; status: number | null; response: string | null }
            | undefined;
          if (!row) {
            this.q.insertIdem.run(keyId, idemKey, fingerprint, at);
            return { state: 'new' };
          }
          if (row.fingerprint !== fingerprint) return { state: 'mismatch' };
          if (row.status === null || row.response === null) return { state: 'in-progress' };
          return { state: 'replay', status: row.status, response: row.response };
        })
        .immediate(),
    );
  }

  /** Store the answer to an idempotent request; `subjects` are the ids of people it names (erasure removes it). */
  async completeIdempotent(keyId: string, idemKey: string, status: number, response: string, subjects: string[]): Promise<void> {
    this.hooks.guard('completeIdempotent', () => this.q.completeIdem.run(status, response, JSON.stringify(subjects), keyId, idemKey));
  }

  /** Forget a reservation whose request failed, so it may be retried. */
  async abandonIdempotent(keyId: string, idemKey: string): Promise<void> {
    this.hooks.guard('abandonIdempotent', () => this.q.deleteIdem.run(keyId, idemKey));
  }

  // ---- settings ----

  /** A setting, created with `init()` the first time it is asked for. */
  async setting(name: string, init: () => string): Promise<string> {
    return this.hooks.guard('setting', () =>
      this.db
        .transaction(() => {
          const value = this.q.setting.get(name) as string | undefined;
          if (value !== undefined) return value;
          const fresh = init();
          this.q.insertSetting.run(name, fresh);
          return fresh;
        })
        .immediate(),
    );
  }

  // ---- introductions ----

  /**
   * Store a proposed introduction. `check` sees the facts the caps and rules are judged on (open asks of both
   * people and the introducers, earlier introductions of the pair), read in the same transaction as the insert, and
   * throws to refuse; so two proposals at once cannot both pass a cap. Impressions of the pair are cleared (a
   * suggestion acted on is no longer an unanswered impression).
   */
  async createIntroduction(intro: NewIntroduction, check: (facts: IntroductionFacts) => void = () => undefined): Promise<StoredIntroduction> {
    return this.hooks.guard('createIntroduction', () =>
      this.db
        .transaction((): StoredIntroduction => {
          const introducerLoad: Record<string, number> = {};
          for (const id of intro.introducerIds) introducerLoad[id] = this.q.introducerLoad.get(id) as number;
          check({
            personOpen: this.q.openOf.get(intro.personId, intro.personId) as number,
            targetOpen: this.q.openOf.get(intro.targetId, intro.targetId) as number,
            introducerLoad,
            pair: this.q.pairIntroductions.all({ a: intro.personId, b: intro.targetId }) as IntroductionFacts['pair'],
          });
          this.q.insertIntroduction.run(intro.id, intro.personId, intro.targetId, intro.proposedAt, intro.proposedBy, intro.proposedAt);
          intro.introducerIds.forEach((introducer, i) => this.q.insertIntroducer.run(intro.id, i, introducer));
          this.q.clearImpressions.run({ a: intro.personId, b: intro.targetId });
          return toIntroduction(this.q.introduction.get(intro.id) as IntroductionRow);
        })
        .immediate(),
    );
  }

  async getIntroduction(id: string): Promise<StoredIntroduction | undefined> {
    return this.hooks.guard('getIntroduction', () => {
      const row = this.q.introduction.get(id) as IntroductionRow | undefined;
      return row && toIntroduction(row);
    });
  }

  /** Introductions in id order, filtered; at most `limit` (default 100, up to 1000). */
  async listIntroductions(query: IntroductionQuery = {}): Promise<StoredIntroduction[]> {
    const limit = pageLimit(query.limit, MAX_INTRODUCTION_PAGE, 'store-sqlite/introductions');
    return this.hooks.guard('listIntroductions', () =>
      (
        this.q.introductions.all({
          person: query.person ?? null,
          introducer: query.introducer ?? null,
          status: query.status ?? null,
          after: query.after ?? null,
          limit,
        }) as IntroductionRow[]
      ).map(toIntroduction),
    );
  }

  /**
   * Apply a change to the introduction if it is still at `revision` (what the caller read); the changed
   * introduction, or undefined when it changed meanwhile (or is gone).
   */
  async updateIntroduction(id: string, revision: number, change: IntroductionChange): Promise<StoredIntroduction | undefined> {
    return this.hooks.guard('updateIntroduction', () =>
      this.db.transaction((): StoredIntroduction | undefined => {
        const row = this.q.introduction.get(id) as IntroductionRow | undefined;
        if (!row || row.revision !== revision) return undefined;
        const next = { ...toIntroduction(row), ...change };
        this.q.updateIntroduction.run({
          id,
          revision,
          status: next.status,
          personAnswer: next.personAnswer?.answer ?? null,
          personAt: next.personAnswer?.at ?? null,
          targetAnswer: next.targetAnswer?.answer ?? null,
          targetAt: next.targetAnswer?.at ?? null,
          outcome: next.outcome,
          madeAt: next.madeAt,
          closedAt: next.closedAt,
          updatedAt: next.updatedAt,
        });
        return toIntroduction(this.q.introduction.get(id) as IntroductionRow);
      })(),
    );
  }

  /**
   * The history the matcher needs to suggest for `personId`: pairs of theirs that declined or were introduced
   * already, every open ask (the caps count them across everyone), and the impressions of their suggestions.
   */
  async introductionHistory(personId: string): Promise<StoredIntroductionHistory> {
    return this.hooks.guard('introductionHistory', () => {
      const declined: StoredIntroductionHistory['declined'] = [];
      const introduced: StoredIntroductionHistory['introduced'] = [];
      for (const r of this.q.pairsOf.all({ id: personId }) as { a: string; b: string; status: IntroductionStatus; outcome: IntroductionOutcome | null }[]) {
        if (r.status === 'declined' || r.outcome === 'declined') declined.push({ a: r.a, b: r.b });
        else if (r.status === 'made' || r.status === 'closed') introduced.push({ a: r.a, b: r.b });
      }
      return {
        declined,
        introduced,
        openAsks: (this.q.openAsks.all() as (Omit<StoredIntroductionHistory['openAsks'][number], 'introducerIds'> & { introducers: string })[]).map(
          ({ introducers, ...ask }) => ({ ...ask, introducerIds: JSON.parse(introducers) as string[] }),
        ),
        impressions: this.q.impressionsOf.all(personId) as StoredIntroductionHistory['impressions'],
      };
    });
  }

  /**
   * Record that `candidateIds` were shown to `personId` on `day` (YYYY-MM-DD): each pair counts once a day, however
   * often it is shown. Committed without waiting for the disk (like records of reads). How many pairs were counted.
   */
  async recordImpressions(personId: string, candidateIds: readonly string[], day: string): Promise<number> {
    if (candidateIds.length === 0) return 0;
    return this.hooks.guard('recordImpressions', () => {
      this.db.pragma('synchronous = NORMAL');
      try {
        return this.db.transaction(() => {
          let counted = 0;
          for (const c of candidateIds) counted += this.q.upsertImpression.run(personId, c, day).changes;
          return counted;
        })();
      } finally {
        this.db.pragma('synchronous = FULL');
      }
    });
  }

  // ---- data subjects ----

  /** The API records about a person: audit entries naming them and keys bound to them. */
  async subjectRecords(id: string): Promise<{ audit: AuditEntry[]; keys: StoredApiKey[] }> {
    return this.hooks.guard('subjectRecords', () => ({
      audit: (this.q.auditOf.all(id) as AuditRow[]).map(toAudit),
      keys: (this.q.keysOf.all(id) as KeyRow[]).map(toKey),
    }));
  }

  /** HMAC-SHA256 of `id` under this database's ledger key, hex. */
  private erasureDigest(id: string): string {
    return erasureDigest(this.ledgerKey(), id);
  }

  private ledgerKey(): string {
    const key = this.q.setting.get('erasure-ledger-key') as string | undefined;
    if (!key) throw new BridgeworkError('store', 'store-sqlite: the erasure ledger has no key (the database was not migrated)');
    return key;
  }

  /**
   * The erasure ledger: one keyed digest per erasure ever made here, so that a backup restored later can be
   * checked id by id and the people erased since be erased again (`restoreBackup`). It answers "was this id
   * erased?" for an id one already holds; it cannot list whom.
   */
  async erasureLedger(): Promise<ErasureLedger> {
    return this.hooks.guard('erasureLedger', () => ({
      key: this.ledgerKey(),
      entries: this.q.ledgerEntries.all() as Array<{ digest: string; at: string }>,
    }));
  }

  /**
   * Take on another database's ledger (its key, and its entries besides this one's own), in one transaction: after a
   * restore, the restored copy keeps the ledger of the database it replaces. Refuses when this ledger holds entries
   * made under another key (they could not be carried over: the ids are not kept) — the copy is then not a backup of
   * that database.
   */
  async adoptErasureLedger(ledger: ErasureLedger): Promise<void> {
    this.hooks.guard('adoptErasureLedger', () =>
      this.db
        .transaction(() => {
          const own = this.ledgerKey();
          const ownEntries = this.q.ledgerCount.get() as number;
          if (own !== ledger.key && ownEntries > 0) {
            throw new BridgeworkError('validation', `store-sqlite: the backup's erasure ledger was made with another key (${ownEntries} entries): it is not a backup of this database`);
          }
          this.q.setSetting.run(ledger.key, 'erasure-ledger-key');
          for (const e of ledger.entries) this.q.insertLedgerEntry.run(e.digest, e.at);
        })
        .immediate(),
    );
  }

  /**
   * Erase a person in one transaction: their node and ties; their id in the audit log replaced by one random
   * pseudonym (`erased:` + 128 random bits, unlinkable to the id, the same for all their entries); stored idempotent
   * responses naming them deleted; keys bound to them revoked and unbound; the keyed digest of their id added to the
   * erasure ledger (`erasureLedger`), so a restored backup cannot bring them back. Then, with `secure_delete` on, the freed
   * bytes are zeroed; the sampled index keys of the planner's statistics (`sqlite_stat4`) are dropped, and the
   * write-ahead log is checkpointed, so the old pages leave the -wal file too.
   */
  async eraseSubject(id: string, at: string): Promise<ErasureResult> {
    const pseudonym = `erased:${randomBytes(16).toString('hex')}`;
    const result = this.hooks.guard('eraseSubject', () =>
      this.db
        .transaction((): ErasureResult => {
          const ties = this.q.countTiesOf.get(id, id) as number;
          const introductions = this.q.countIntroductionsOf.get(id, id) as number;
          const introducerOf = this.q.countIntroducerOf.get(id) as number;
          const impressions = this.q.countImpressionsOf.get(id, id) as number;
          // Introductions, introducer places and impressions cascade with the node (migration 3).
          const existed = this.hooks.deleteNode(id);
          // Whether or not they were here: a restored backup may still hold them (see `erasureLedger`).
          this.q.insertLedgerEntry.run(this.erasureDigest(id), at);
          const auditEntries = this.q.pseudonymiseAudit.run(pseudonym, id).changes;
          const idempotentResponses = this.q.deleteIdemOf.run(id).changes;
          const keys = this.q.unbindKeys.run(pseudonym, at, id).changes;
          return {
            existed,
            ties: existed ? ties : 0,
            auditEntries,
            idempotentResponses,
            keys,
            pseudonym,
            introductions: existed ? introductions : 0,
            introducerOf: existed ? introducerOf : 0,
            impressions: existed ? impressions : 0,
          };
        })
        .immediate(),
    );
    // The planner's statistics: sqlite_stat4 holds sampled index keys (ids among them), sqlite_stat1 only counts. The
    // samples are dropped rather than rebuilt — a full ANALYZE reads every index (1–2 s at 100 000 people) — and the
    // planner reloads what is left; the next `PRAGMA optimize` samples again, from data without the person.
    this.hooks.guard('eraseSubject', () => {
      if (this.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat4'").pluck().get() === 0) return;
      this.db.exec('DELETE FROM sqlite_stat4');
      this.db.exec('ANALYZE sqlite_schema');
    });
    try {
      this.hooks.checkpoint();
    } catch {
      // A reader may hold the log; the next checkpoint (at the latest, closing) finishes the job.
    }
    return result;
  }
}

function prepare(db: Database.Database) {
  const keyColumns = 'id, name, role, coach_id, scopes, hash, created_at, revoked_at';
  const auditColumns = 'seq, at, actor, role, action, resource, target, request_id, status';
  return {
    insertKey: db.prepare('INSERT INTO api_keys (id, name, role, coach_id, scopes, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    key: db.prepare(`SELECT ${keyColumns} FROM api_keys WHERE id = ?`),
    keys: db.prepare(`SELECT ${keyColumns} FROM api_keys ORDER BY created_at, id`),
    keysOf: db.prepare(`SELECT ${keyColumns} FROM api_keys WHERE coach_id = ? ORDER BY created_at, id`),
    revokeKey: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    unbindKeys: db.prepare('UPDATE api_keys SET coach_id = ?, revoked_at = coalesce(revoked_at, ?) WHERE coach_id = ?'),
    insertAudit: db.prepare(
      'INSERT INTO audit_log (at, actor, role, action, resource, target, request_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    audit: db.prepare(
      `SELECT ${auditColumns} FROM audit_log WHERE seq > @after ` +
        'AND (@actor IS NULL OR actor = @actor) AND (@target IS NULL OR target = @target) ' +
        'AND (@action IS NULL OR action = @action) AND (@resource IS NULL OR resource = @resource) ORDER BY seq LIMIT @limit',
    ),
    auditOf: db.prepare(`SELECT ${auditColumns} FROM audit_log WHERE target = ? ORDER BY seq`),
    pseudonymiseAudit: db.prepare('UPDATE audit_log SET target = ? WHERE target = ?'),
    idem: db.prepare('SELECT fingerprint, status, response FROM idempotency WHERE key_id = ? AND idem_key = ?'),
    insertIdem: db.prepare('INSERT INTO idempotency (key_id, idem_key, fingerprint, created_at) VALUES (?, ?, ?, ?)'),
    completeIdem: db.prepare('UPDATE idempotency SET status = ?, response = ?, subjects = ? WHERE key_id = ? AND idem_key = ?'),
    deleteIdem: db.prepare('DELETE FROM idempotency WHERE key_id = ? AND idem_key = ?'),
    deleteIdemOf: db.prepare('DELETE FROM idempotency WHERE EXISTS (SELECT 1 FROM json_each(idempotency.subjects) WHERE value = ?)'),
    setting: db.prepare('SELECT value FROM api_settings WHERE name = ?').pluck(),
    // Prepared once: the API reads it on every request (db.pragma() would prepare it each time).
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    insertSetting: db.prepare('INSERT INTO api_settings (name, value) VALUES (?, ?)'),
    setSetting: db.prepare('UPDATE api_settings SET value = ? WHERE name = ?'),
    insertLedgerEntry: db.prepare('INSERT OR IGNORE INTO erasure_ledger (digest, at) VALUES (?, ?)'),
    ledgerEntries: db.prepare('SELECT digest, at FROM erasure_ledger ORDER BY at, digest'),
    ledgerCount: db.prepare('SELECT count(*) FROM erasure_ledger').pluck(),
    countTiesOf: db.prepare('SELECT (SELECT count(*) FROM ties WHERE source = ?) + (SELECT count(*) FROM ties WHERE target = ?)').pluck(),
    ...prepareIntroductions(db),
  };
}

function prepareIntroductions(db: Database.Database) {
  const open = "status IN ('proposed', 'accepted')";
  const introducers = "(SELECT coalesce(json_group_array(introducer_id), '[]') FROM (SELECT introducer_id FROM introduction_introducers ii WHERE ii.introduction_id = i.id ORDER BY position))";
  const columns =
    'id, person_id, target_id, status, person_answer, person_answered_at, target_answer, target_answered_at, outcome, ' +
    `proposed_at, proposed_by, made_at, closed_at, updated_at, revision, ${introducers} AS introducers`;
  return {
    introduction: db.prepare(`SELECT ${columns} FROM introductions i WHERE id = ?`),
    introductions: db.prepare(
      `SELECT ${columns} FROM introductions i WHERE (@after IS NULL OR id > @after) ` +
        'AND (@person IS NULL OR person_id = @person OR target_id = @person) AND (@status IS NULL OR status = @status) ' +
        'AND (@introducer IS NULL OR EXISTS (SELECT 1 FROM introduction_introducers ii WHERE ii.introduction_id = i.id AND ii.introducer_id = @introducer)) ' +
        'ORDER BY id LIMIT @limit',
    ),
    insertIntroduction: db.prepare(
      "INSERT INTO introductions (id, person_id, target_id, status, proposed_at, proposed_by, updated_at) VALUES (?, ?, ?, 'proposed', ?, ?, ?)",
    ),
    insertIntroducer: db.prepare('INSERT INTO introduction_introducers (introduction_id, position, introducer_id) VALUES (?, ?, ?)'),
    updateIntroduction: db.prepare(
      'UPDATE introductions SET status = @status, person_answer = @personAnswer, person_answered_at = @personAt, target_answer = @targetAnswer, ' +
        'target_answered_at = @targetAt, outcome = @outcome, made_at = @madeAt, closed_at = @closedAt, updated_at = @updatedAt, revision = revision + 1 ' +
        'WHERE id = @id AND revision = @revision',
    ),
    openOf: db.prepare(`SELECT count(*) FROM introductions WHERE ${open} AND (person_id = ? OR target_id = ?)`).pluck(),
    introducerLoad: db
      .prepare(`SELECT count(*) FROM introduction_introducers ii JOIN introductions i ON i.id = ii.introduction_id WHERE ii.introducer_id = ? AND i.${open}`)
      .pluck(),
    pairIntroductions: db.prepare(
      'SELECT id, status, outcome FROM introductions WHERE (person_id = @a AND target_id = @b) OR (person_id = @b AND target_id = @a) ORDER BY id',
    ),
    pairsOf: db.prepare(
      "SELECT person_id AS a, target_id AS b, status, outcome FROM introductions WHERE (person_id = @id OR target_id = @id) AND status NOT IN ('proposed', 'accepted', 'withdrawn')",
    ),
    openAsks: db.prepare(
      'SELECT person_id AS personId, target_id AS candidateId, ' +
        '(SELECT introducer_id FROM introduction_introducers ii WHERE ii.introduction_id = i.id ORDER BY position LIMIT 1) AS introducerId, ' +
        `${introducers} AS introducers ` +
        `FROM introductions i WHERE ${open} ORDER BY id`,
    ),
    impressionsOf: db.prepare('SELECT person_id AS personId, candidate_id AS candidateId, count, last_shown AS lastShown FROM impressions WHERE person_id = ? ORDER BY candidate_id'),
    upsertImpression: db.prepare(
      'INSERT INTO impressions (person_id, candidate_id, count, last_shown) VALUES (?, ?, 1, ?) ' +
        'ON CONFLICT (person_id, candidate_id) DO UPDATE SET count = count + 1, last_shown = excluded.last_shown WHERE last_shown < excluded.last_shown',
    ),
    clearImpressions: db.prepare('DELETE FROM impressions WHERE (person_id = @a AND candidate_id = @b) OR (person_id = @b AND candidate_id = @a)'),
    countIntroductionsOf: db.prepare('SELECT count(*) FROM introductions WHERE person_id = ? OR target_id = ?').pluck(),
    countIntroducerOf: db.prepare('SELECT count(*) FROM introduction_introducers WHERE introducer_id = ?').pluck(),
    countImpressionsOf: db.prepare('SELECT count(*) FROM impressions WHERE person_id = ? OR candidate_id = ?').pluck(),
  };
}
