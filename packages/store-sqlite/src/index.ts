export { DEFAULT_DB_PATH, SqliteGraphStore, openSqliteStore } from './sqlite-store.js';
export type { SqliteStoreOptions, SqliteStoreSettings } from './sqlite-store.js';
export { MIGRATIONS, SCHEMA_VERSION, checkMigrations } from './migrations.js';
export type { AppliedMigration, Migration } from './migrations.js';
