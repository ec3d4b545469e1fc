/**
 * Building the web app with Vite (in a child process, so callers such as jest need not load Vite themselves), and
 * building it only when needed: `ensureBuilt()` rebuilds packages/web/dist when it is missing or older than any source.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/web. */
export const WEB_PACKAGE = fileURLToPath(new URL('..', import.meta.url));
/** Where `pnpm start` and `bridgework serve` expect the built app. */
export const WEB_DIST = join(WEB_PACKAGE, 'dist');

function viteBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

/** Build the app into `outDir` (default packages/web/dist); rejects with Vite's output if the build fails. */
export function buildWeb(outDir: string = WEB_DIST): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin(), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: WEB_PACKAGE, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`web: vite build failed (exit ${code}):\n${output}`))));
  });
}

function newestSource(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, name)));
  return newest;
}

/** Whether dist is missing or older than index.html or anything under src/app. */
export function needsBuild(dist: string = WEB_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(newestSource(join(WEB_PACKAGE, 'index.html')), newestSource(join(WEB_PACKAGE, 'src', 'app')));
  return statSync(index).mtimeMs < sources;
}

/** Build packages/web/dist when needed; says what it did. */
export async function ensureBuilt(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<void> {
  if (!needsBuild()) return;
  log('Building the web app (packages/web/dist)…');
  const started = Date.now();
  await buildWeb();
  log(`Built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
