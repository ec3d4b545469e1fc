/**
 * What the API stores besides the graph: keys, the audit log, idempotent responses, settings, and erasure across
 * all of it. A small interface of its own, so another backend (e.g. Neo4j for the graph) can provide it; the SQLite
 * store's `apiStorage()` implements it on the graph's own file and connection. The records it passes are the shapes
 * @bridgework/store-sqlite defines (types only: another backend need not use SQLite).
 */
import type { GraphStore } from '@bridgework/graph-core';
import type {
  AuditEntry,
  AuditEntryInput,
  AuditQuery,
  ErasureResult,
  IdempotencyBegin,
  IntroductionChange,
  IntroductionFacts,
  IntroductionQuery,
  NewApiKey,
  NewIntroduction,
  StoredApiKey,
  StoredIntroduction,
  StoredIntroductionHistory,
} from '@bridgework/store-sqlite';

// The records themselves are the store package's (one definition of each shape and constant); the API names them
// for what it does with them.
export { API_ROLES, INTRODUCTION_OUTCOMES, INTRODUCTION_STATUSES } from '@bridgework/store-sqlite';
export type { ApiRole, IntroductionChange, IntroductionFacts, IntroductionOutcome, IntroductionStatus } from '@bridgework/store-sqlite';
/** An API key as listed (never its hash). */
export type ApiKeyInfo = StoredApiKey;
export type AuditRecordInput = AuditEntryInput;
export type AuditRecord = AuditEntry;
export type IdempotencyState = IdempotencyBegin;
export type ErasureOutcome = ErasureResult;
/** An introduction: `personId` asked to meet `targetId` through `introducerIds` (docs/api.md, Introductions). */
export type Introduction = StoredIntroduction;
/** The stored history behind one person's suggestions (the matcher's `IntroductionHistory`). */
export type StoredHistory = StoredIntroductionHistory;

export interface ApiStorage {
  ping(): Promise<void>;
  /** Changes when another process commits to the store (this process's own writes need not change it). */
  externalVersion(): Promise<number>;
  createKey(key: NewApiKey): Promise<ApiKeyInfo>;
  findKey(id: string): Promise<(ApiKeyInfo & { hash: string }) | undefined>;
  listKeys(): Promise<ApiKeyInfo[]>;
  revokeKey(id: string, at: string): Promise<boolean>;
  /** Append entries in one transaction; `lazy`: the commit need not wait for the disk (records of reads). */
  appendAudit(entries: readonly AuditRecordInput[], options?: { lazy?: boolean }): Promise<void>;
  queryAudit(query: AuditQuery): Promise<AuditRecord[]>;
  beginIdempotent(keyId: string, idemKey: string, fingerprint: string, at: string): Promise<IdempotencyState>;
  completeIdempotent(keyId: string, idemKey: string, status: number, response: string, subjects: string[]): Promise<void>;
  abandonIdempotent(keyId: string, idemKey: string): Promise<void>;
  setting(name: string, init: () => string): Promise<string>;
  subjectRecords(id: string): Promise<{ audit: AuditRecord[]; keys: ApiKeyInfo[] }>;
  /** Remove a person, their ties and every API record naming them, in one transaction (see docs/api.md). */
  eraseSubject(id: string, at: string): Promise<ErasureOutcome>;
  /** Store a proposed introduction; `check` judges the facts inside the same transaction and throws to refuse. */
  createIntroduction(intro: NewIntroduction, check?: (facts: IntroductionFacts) => void): Promise<Introduction>;
  getIntroduction(id: string): Promise<Introduction | undefined>;
  listIntroductions(query: IntroductionQuery): Promise<Introduction[]>;
  /** The changed introduction, or undefined if it is no longer at `revision`. */
  updateIntroduction(id: string, revision: number, change: IntroductionChange): Promise<Introduction | undefined>;
  introductionHistory(personId: string): Promise<StoredHistory>;
  /** Count each candidate shown to the person once per day; how many were counted now. */
  recordImpressions(personId: string, candidateIds: readonly string[], day: string): Promise<number>;
}

/** The two halves the API works on. */
export interface ApiStore {
  graph: GraphStore;
  api: ApiStorage;
}
