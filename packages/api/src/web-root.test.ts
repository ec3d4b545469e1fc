/** Serving a built web app at `/` beside the API: its files, index.html for its own paths, and nothing over /v1. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer;
let none: TestServer;
let web: string;
const INDEX = '<!doctype html><title>app</title><div id="app"></div>';

beforeAll(async () => {
  web = await mkdtemp(join(tmpdir(), 'bridgework-webroot-'));
  await mkdir(join(web, 'assets'));
  await writeFile(join(web, 'index.html'), INDEX);
  await writeFile(join(web, 'assets', 'app-1234.js'), 'console.log(1);');
  t = await startTestServer({ server: { webRoot: web } });
  none = await startTestServer({ server: { webRoot: join(web, 'not-built') } });
});
afterAll(async () => {
  await t.stop();
  await none.stop();
  await rm(web, { recursive: true, force: true });
});

describe('the web app beside the API', () => {
  it('serves index.html at / and at the app’s own paths, revalidated each time', async () => {
    for (const path of ['/', '/caseload', '/members/m-1']) {
      const r = await fetch(t.url + path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/html');
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(await r.text()).toBe(INDEX);
    }
  });

  it('serves hashed assets for a year and answers a missing asset with 404', async () => {
    const r = await fetch(`${t.url}/assets/app-1234.js`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${t.url}/assets/gone-0000.js`)).status).toBe(404);
  });

  it('leaves /v1, the docs and the operations routes to the API', async () => {
    const unknown = await t.call('GET', '/v1/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect((await t.call('GET', '/v1/people', { key: null })).status).toBe(401);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const post = await fetch(`${t.url}/caseload`, { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('says how to build the app when it has not been built', async () => {
    const r = await fetch(`${none.url}/`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { detail: string }).detail).toContain('web app is not built');
  });
});
