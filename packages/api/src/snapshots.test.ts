/**
 * The graph behind the caches: loaded from the store once per version, shared by the suggestions and the analytics,
 * and loaded again after a write — so a write at 100 000 people costs one load, not one per kind of answer.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer;
let loads = 0;

beforeAll(async () => {
  t = await startTestServer();
  const graph = t.server.store.graph;
  const load = graph.loadGraph.bind(graph);
  graph.loadGraph = () => {
    loads++;
    return load();
  };
});
afterAll(async () => {
  await t.stop();
});

describe('the graph behind the answers', () => {
  it('is loaded once per version for suggestions, analytics and the map alike, and again after a write', async () => {
    const before = loads;
    const answers = await Promise.all([
      t.call('GET', '/v1/people/m-1/suggestions', { key: 'admin' }),
      t.call('GET', '/v1/analytics/summary', { key: 'analyst' }),
      t.call('GET', '/v1/analytics/network', { key: 'analyst' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(loads - before).toBe(1);
    // Asked again at the same version: no load at all.
    expect((await t.call('GET', '/v1/analytics/reach', { key: 'analyst' })).status).toBe(200);
    expect(loads - before).toBe(1);

    const write = await t.call('POST', '/v1/ties', { key: 'admin', body: { source: 'm-2', target: 'e-2', kind: 'knows', strength: 0.3 } });
    expect(write.status).toBe(201);
    const after = await Promise.all([t.call('GET', '/v1/people/m-1/suggestions', { key: 'admin' }), t.call('GET', '/v1/analytics/summary', { key: 'analyst' })]);
    expect(after.map((a) => a.status)).toEqual([200, 200]);
    expect(loads - before).toBe(2);
    // The new tie is in what the analytics answer from.
    expect(after[1]!.body.ties.total).toBe(answers[1]!.body.ties.total + 1);
  });
});
