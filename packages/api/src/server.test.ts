import { request } from 'node:http';
import { afterEach, describe, expect, it } from '@jest/globals';
import { openSqliteStore } from '@bridgework/store-sqlite';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('graceful shutdown', () => {
  it('finishes an in-flight request, refuses new connections, then closes the store', async () => {
    t = await startTestServer();
    const people = Array.from({ length: 200 }, (_, i) => ({ id: `late-${i}`, name: `Late ${i}` }));
    const body = Buffer.from(JSON.stringify({ people }));
    const half = Math.floor(body.length / 2);

    // Send the headers and half of a bulk import…
    const answer = new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
      const req = request(`${t!.url}/v1/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t!.keys.admin}`, 'content-type': 'application/json', 'content-length': String(body.length) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.write(body.subarray(0, half));
      setTimeout(() => {
        // …start shutting down while it is in flight…
        closing = t!.server.close();
        setTimeout(() => req.end(body.subarray(half)), 150);
      }, 150);
    });
    let closing: Promise<void> | undefined;

    const r = await answer;
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ created: 200, updated: 0, unchanged: 0 });
    expect(r.connection).toBe('close');
    await closing;
    // New connections are refused once it has stopped.
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    // The store was closed cleanly and the import committed.
    const store = await openSqliteStore(t.db);
    try {
      expect((await store.getNode('late-199'))?.name).toBe('Late 199');
    } finally {
      await store.close();
    }
  });

  it('reports not ready while draining', async () => {
    t = await startTestServer({ seed: false });
    expect((await t.call('GET', '/readyz', { key: null })).status).toBe(200);
    const app = t.server.server.listeners('request')[0] as unknown as { locals: { draining: boolean } };
    app.locals.draining = true;
    const r = await t.call('GET', '/readyz', { key: null });
    expect(r.status).toBe(503);
    expect(r.body.code).toBe('unavailable');
    expect(r.headers.get('connection')).toBe('close');
    app.locals.draining = false;
  });
});
