/**
 * What the API stores besides the graph: keys, the audit log, idempotent responses, settings, and erasure across
 * all of it. A small interface of its own, so another backend (e.g. Neo4j for the graph) can provide it; the SQLite
 * store's `apiStorage()` implements it on the graph's own file and connection.
 */
import type { GraphStore } from '@bridgework/graph-core';

export const API_ROLES = ['admin', 'coach', 'analyst', 'service'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/** An API key as listed (never its hash). */
export interface ApiKeyInfo {
  id: string;
  name: string | null;
  role: ApiRole;
  /** For coach keys: the coach's person id. */
  coachId: string | null;
  /** For service keys: what it may do (see SCOPES). */
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

export interface AuditRecordInput {
  at: string;
  actor: string;
  role: string;
  action: string;
  resource: string;
  target: string | null;
  requestId: string | null;
  status: number | null;
}

export interface AuditRecord extends AuditRecordInput {
  seq: number;
}

export type IdempotencyState =
  | { state: 'new' }
  | { state: 'replay'; status: number; response: string }
  | { state: 'mismatch' }
  | { state: 'in-progress' };

export interface ErasureOutcome {
  existed: boolean;
  ties: number;
  auditEntries: number;
  idempotentResponses: number;
  keys: number;
  pseudonym: string;
  introductions: number;
  introducerOf: number;
  impressions: number;
}

export const INTRODUCTION_STATUSES = ['proposed', 'accepted', 'declined', 'made', 'closed', 'withdrawn'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];
export const INTRODUCTION_OUTCOMES = ['met', 'helpful', 'interview', 'job', 'declined', 'no-reply'] as const;
export type IntroductionOutcome = (typeof INTRODUCTION_OUTCOMES)[number];

/** An introduction: `personId` asked to meet `targetId` through `introducerIds` (docs/api.md, Introductions). */
export interface Introduction {
  id: string;
  personId: string;
  targetId: string;
  introducerIds: string[];
  status: IntroductionStatus;
  personAnswer: { answer: 'accepted' | 'declined'; at: string } | null;
  targetAnswer: { answer: 'accepted' | 'declined'; at: string } | null;
  outcome: IntroductionOutcome | null;
  proposedAt: string;
  proposedBy: string;
  madeAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  revision: number;
}

export type IntroductionChange = Partial<Pick<Introduction, 'status' | 'personAnswer' | 'targetAnswer' | 'outcome' | 'madeAt' | 'closedAt'>> & { updatedAt: string };

/** What a proposal is judged on, read in the same transaction that stores it. */
export interface IntroductionFacts {
  personOpen: number;
  targetOpen: number;
  introducerLoad: Record<string, number>;
  pair: { id: string; status: IntroductionStatus; outcome: IntroductionOutcome | null }[];
}

/** The stored history behind one person's suggestions (the matcher's `IntroductionHistory`). */
export interface StoredHistory {
  declined: { a: string; b: string }[];
  introduced: { a: string; b: string }[];
  /** Every open introduction, with all its introducers in order (`introducerId`: the first, or null). */
  openAsks: { personId: string; candidateId: string; introducerId: string | null; introducerIds: string[] }[];
  impressions: { personId: string; candidateId: string; count: number; lastShown: string }[];
}

export interface ApiStorage {
  ping(): Promise<void>;
  /** Changes when another process commits to the store (this process's own writes need not change it). */
  externalVersion(): Promise<number>;
  createKey(key: Omit<ApiKeyInfo, 'revokedAt'> & { hash: string }): Promise<ApiKeyInfo>;
  findKey(id: string): Promise<(ApiKeyInfo & { hash: string }) | undefined>;
  listKeys(): Promise<ApiKeyInfo[]>;
  revokeKey(id: string, at: string): Promise<boolean>;
  /** Append entries in one transaction; `lazy`: the commit need not wait for the disk (records of reads). */
  appendAudit(entries: readonly AuditRecordInput[], options?: { lazy?: boolean }): Promise<void>;
  queryAudit(query: { actor?: string; target?: string; action?: string; resource?: string; after?: number; limit?: number }): Promise<AuditRecord[]>;
  beginIdempotent(keyId: string, idemKey: string, fingerprint: string, at: string): Promise<IdempotencyState>;
  completeIdempotent(keyId: string, idemKey: string, status: number, response: string, subjects: string[]): Promise<void>;
  abandonIdempotent(keyId: string, idemKey: string): Promise<void>;
  setting(name: string, init: () => string): Promise<string>;
  subjectRecords(id: string): Promise<{ audit: AuditRecord[]; keys: ApiKeyInfo[] }>;
  /** Remove a person, their ties and every API record naming them, in one transaction (see docs/api.md). */
  eraseSubject(id: string, at: string): Promise<ErasureOutcome>;
  /** Store a proposed introduction; `check` judges the facts inside the same transaction and throws to refuse. */
  createIntroduction(
    intro: Pick<Introduction, 'id' | 'personId' | 'targetId' | 'introducerIds' | 'proposedAt' | 'proposedBy'>,
    check?: (facts: IntroductionFacts) => void,
  ): Promise<Introduction>;
  getIntroduction(id: string): Promise<Introduction | undefined>;
  listIntroductions(query: { person?: string; introducer?: string; status?: IntroductionStatus; after?: string; limit?: number }): Promise<Introduction[]>;
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
