/** Property-based fuzzing: no body, path or query a client can send makes the server answer 500. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ROUTES } from './app.js';
import { startTestServer, type KeyName, type TestServer } from './testing/harness.js';

let t: TestServer;
/** A real introduction, so lifecycle routes reach their handlers (the segment INTRO stands for its id). */
let intro = '';
beforeAll(async () => {
  t = await startTestServer({ config: { rateLimit: { capacity: 100_000, refillPerSecond: 100_000 }, authRateLimit: { capacity: 100_000, refillPerSecond: 100_000 } } });
  intro = (await t.call('POST', '/v1/introductions', { body: { personId: 'm-1', targetId: 'e-1', introducerIds: ['c-1'] } })).body.id;
});
afterAll(async () => {
  await t.stop();
});

const SEED = 20261129;
const segment = fc.oneof(
  fc.constantFrom('m-1', 'c-1', 'e-1', 'o-1', 'ev-1', 'knows', 'works-at', 'INTRO', 'INTRO', `in-${'0'.repeat(20)}`, '%00', '%E0%A4%A', '..', '%2F', "'", '"', '%', '~', ''),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const pathOf = (template: string, parts: string[]) => {
  let i = 0;
  return template.replace(/:(\w+)/g, () => {
    const part = parts[i++ % parts.length] ?? 'x';
    return part === 'INTRO' ? intro : part;
  });
};
const json = fc.jsonValue({ maxDepth: 3 });
const fieldy = fc.dictionary(
  fc.constantFrom('id', 'name', 'roles', 'sectors', 'goals', 'consent', 'coachId', 'source', 'target', 'kind', 'strength', 'people', 'ties', 'role', 'scopes', 'area', 'date', 'personId', 'targetId', 'introducerIds', 'side', 'answer', 'outcome', '__proto__', 'constructor', 'x'),
  json,
  { maxKeys: 6 },
);
/** Bodies the introductions routes accept (and near misses), so their state machine is exercised too. */
const person = fc.constantFrom('m-1', 'm-2', 'm-3', 'e-1', 'e-2', 'c-1', 'c-2', 'o-1');
const introductionBody = fc.oneof(
  fc.record({ side: fc.constantFrom('person', 'target', 'both'), answer: fc.constantFrom('accept', 'decline') }),
  fc.record({ outcome: fc.constantFrom('met', 'helpful', 'interview', 'job', 'declined', 'no-reply', 'hired') }),
  fc.record({ personId: person, targetId: person, introducerIds: fc.array(person, { maxLength: 4 }) }, { requiredKeys: ['personId', 'targetId'] }),
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'cursor', 'role', 'sector', 'area', 'person', 'kind', 'from', 'hiring', 'consent', 'status', 'introducer', 'format', 'file', 'k', 'x', 'limit[]'),
  fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('0', '-1', '1e309', 'NaN', '500', '501', 'true', 'm-1', 'proposed', 'csv', 'gexf', 'people')),
  { maxKeys: 3 },
);

describe('fuzzing', () => {
  it('never answers 500 to random bodies, params and queries on any route, for any role', async () => {
    const routes = [...ROUTES];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        query,
        fc.oneof(fieldy, json, fc.string({ maxLength: 40 }), introductionBody),
        fc.boolean(),
        fc.constantFrom<KeyName>('admin', 'coach', 'analyst', 'service'),
        async (route, parts, q, body, rawText, key) => {
          const path = pathOf(route.path, parts) + (Object.keys(q).length > 0 ? `?${new URLSearchParams(q as Record<string, string>).toString()}` : '');
          const r = await t.call(route.method.toUpperCase(), path, {
            key,
            ...(route.method === 'get' ? {} : rawText && typeof body === 'string' ? { raw: body } : { body }),
          });
          expect([route.method, path, r.status]).not.toContainEqual(500);
          expect(r.status).toBeLessThan(500);
          if (r.status >= 400) expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        },
      ),
      { numRuns: 600, seed: SEED },
    );
    // And the store still answers.
    expect((await t.call('GET', '/readyz', { key: null })).status).toBe(200);
  });
});
