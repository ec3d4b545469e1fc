/** `tsx packages/web/src/ensure-built.ts`: build the web app if dist is missing or stale (the root `start` script runs it first). */
import { ensureBuilt } from './build.js';

ensureBuilt().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
