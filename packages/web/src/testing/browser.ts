/**
 * Debian's Chromium driven by playwright-core, headless, in a fresh profile, with nothing fetched from the network
 * by the browser itself (no component updates, sync or QUIC). Never downloads a browser: CHROMIUM or /usr/bin/chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context in a fresh temporary profile (deleted on close), at a laptop-sized viewport. */
export async function launchBrowser(options: { downloads?: boolean } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'bridgework-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1366, height: 800 },
    acceptDownloads: options.downloads ?? true,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
