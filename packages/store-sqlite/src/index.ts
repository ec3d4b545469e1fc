export { DEFAULT_DB_PATH, SqliteGraphStore, openSqliteStore, restoreBackup } from './sqlite-store.js';
export type { BackupOptions, BackupResult, RestoreOptions, RestoreResult, SqliteStoreOptions, SqliteStoreSettings } from './sqlite-store.js';
export { MIGRATIONS, SCHEMA_VERSION, checkMigrations } from './migrations.js';
export type { AppliedMigration, Migration } from './migrations.js';
export { API_ROLES, INTRODUCTION_OUTCOMES, INTRODUCTION_STATUSES, OPEN_INTRODUCTION_STATUSES, SqliteApiStorage } from './api-storage.js';
export type {
  ApiRole,
  AuditEntry,
  AuditEntryInput,
  AuditQuery,
  ErasureLedger,
  ErasureResult,
  IdempotencyBegin,
  IntroductionAnswer,
  IntroductionChange,
  IntroductionFacts,
  IntroductionOutcome,
  IntroductionQuery,
  IntroductionStatus,
  NewIntroduction,
  StoredIntroduction,
  StoredIntroductionHistory,
  NewApiKey,
  StoredApiKey,
} from './api-storage.js';
