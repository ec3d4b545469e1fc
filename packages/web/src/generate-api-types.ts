/**
 * `tsx packages/web/src/generate-api-types.ts [--check]`: write packages/web/src/app/api-types.generated.ts from the
 * API's OpenAPI document (built in-process from its routes), or with `--check` only say whether it is up to date
 * (exit 1 when stale).
 */
import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, API_TYPES_PATH, currentWebApiTypes, staleness } from './api-types/index.js';

const check = process.argv.includes('--check');
try {
  const fresh = currentWebApiTypes();
  const stale = staleness(fresh);
  if (stale === null) {
    process.stdout.write(`${API_TYPES_FILE} is up to date.\n`);
  } else if (check) {
    process.stderr.write(`${stale}\n`);
    process.exitCode = 1;
  } else {
    writeFileSync(API_TYPES_PATH, fresh);
    process.stdout.write(`Wrote ${API_TYPES_FILE}.\n`);
  }
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
