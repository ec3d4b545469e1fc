import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateDemoTown, type GraphData } from '@bridgework/graph-core';
import { FEATURE_NAMES } from '@bridgework/matcher';
import { issueKey } from './auth/keys.js';
import { SUGGESTION_TAGS, SuggestionOut, SuggestionsOut } from './routes/suggestions.js';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer;
let town: GraphData;
let member: string;
let coachKey: string;
let otherCoachKey: string;
let serviceKey: string;

beforeAll(async () => {
  t = await startTestServer({ seed: false });
  town = generateDemoTown({ seed: 42 });
  await t.server.store.graph.applyBatch(town);
  // A consenting member with suggestions, their coach and another coach.
  for (const p of town.people) {
    if (!p.roles.includes('member') || !p.consent.introductions || p.coachId === null) continue;
    const r = await t.call('GET', `/v1/people/${p.id}/suggestions?k=5`);
    if (r.status === 200 && r.body.suggestions.length >= 3) {
      member = p.id;
      break;
    }
  }
  const coachId = town.people.find((p) => p.id === member)!.coachId!;
  const other = town.people.find((p) => p.roles.includes('coach') && p.id !== coachId)!.id;
  const now = () => new Date();
  coachKey = (await issueKey(t.server.store.api, { role: 'coach', coachId }, now)).key;
  otherCoachKey = (await issueKey(t.server.store.api, { role: 'coach', coachId: other }, now)).key;
  serviceKey = (await issueKey(t.server.store.api, { role: 'service', scopes: ['suggestions:read'] }, now)).key;
});
afterAll(async () => {
  await t.stop();
});

describe('GET /v1/people/{id}/suggestions', () => {
  it('ranks consenting people with introducers, paths and sentences', async () => {
    expect(member).toBeDefined();
    const r = await t.call('GET', `/v1/people/${member}/suggestions?k=5&profile=bridging`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ personId: member, profile: 'bridging', reason: null });
    expect(r.body.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(r.body.suggestions.length).toBeLessThanOrEqual(5);
    expect(r.body.suggestions.map((s: { rank: number }) => s.rank)).toEqual(r.body.suggestions.map((_: unknown, i: number) => i + 1));
    const consenting = new Set(town.people.filter((p) => p.consent.introductions).map((p) => p.id));
    for (const s of r.body.suggestions) {
      expect(consenting.has(s.id)).toBe(true);
      expect(s.sentences.length).toBeGreaterThanOrEqual(1);
      expect(s.introducers.length).toBeGreaterThanOrEqual(s.kind === 'introduction' ? 1 : 0);
    }
    const audit = await t.call('GET', `/v1/audit?target=${member}&action=suggest`);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('gives a coach suggestions for their own members only, naming only people they may see', async () => {
    const r = await t.call('GET', `/v1/people/${member}/suggestions?k=10`, { key: coachKey });
    expect(r.status).toBe(200);
    for (const s of r.body.suggestions) {
      const ids = new Set<string>([s.id, ...s.introducers.flatMap((i: { id: string; path: { from: string; to: string }[] }) => [i.id, ...i.path.flatMap((p) => [p.from, p.to])])]);
      for (const id of ids) {
        if (town.people.some((p) => p.id === id)) expect([id, (await t.call('GET', `/v1/people/${encodeURIComponent(id)}`, { key: coachKey })).status]).toEqual([id, 200]);
      }
    }
    expect((await t.call('GET', `/v1/people/${member}/suggestions`, { key: otherCoachKey })).status).toBe(404);
    expect((await t.call('GET', `/v1/people/${member}/suggestions`, { key: 'analyst' })).status).toBe(403);
  });

  it('sends a coach and a service exactly the declared fields of each suggestion, nothing the matcher keeps to itself', async () => {
    const declared = Object.keys(SuggestionOut.shape).sort();
    expect(declared).toEqual(['features', 'id', 'introducers', 'jobTitle', 'kind', 'name', 'organisation', 'rank', 'roles', 'score', 'sentences', 'tags']);
    for (const key of [coachKey, serviceKey]) {
      const r = await t.call('GET', `/v1/people/${member}/suggestions?k=10`, { key });
      expect(r.status).toBe(200);
      expect(Object.keys(r.body).sort()).toEqual(Object.keys(SuggestionsOut.shape).sort());
      expect(r.body.suggestions.length).toBeGreaterThanOrEqual(3);
      // Every level is a strict object: a key the schema does not declare, or one it declares and the answer lacks, fails.
      const parsed = SuggestionsOut.safeParse(r.body);
      expect(parsed.error?.issues ?? []).toEqual([]);
      for (const s of r.body.suggestions) {
        expect(Object.keys(s).sort()).toEqual(declared);
        expect(Object.keys(s.features).sort()).toEqual([...FEATURE_NAMES].sort());
        if (s.organisation !== null) expect(Object.keys(s.organisation).sort()).toEqual(['hiring', 'id', 'name', 'sector', 'sectorLabel']);
        for (const i of s.introducers) {
          expect(Object.keys(i).sort()).toEqual(['id', 'name', 'path', 'pathStrength']);
          for (const step of i.path) expect(Object.keys(step).sort()).toEqual(['from', 'kinds', 'lastContactDaysAgo', 'strength', 'to']);
        }
      }
      expect(r.text).not.toMatch(/"(facts|contributions|constraintBefore|constraintAfter|effectiveSizeGain|sharedContacts|community)"/);
    }
    // A service without the scope gets nothing.
    const bare = (await issueKey(t.server.store.api, { role: 'service', scopes: ['people:read'] }, () => new Date())).key;
    expect((await t.call('GET', `/v1/people/${member}/suggestions`, { key: bare })).status).toBe(403);
  });

  it('tags suggestions only from the matcher’s tag list, names the employer, and documents the whole answer in /openapi.json', async () => {
    const tags = new Set<string>();
    let employed = 0;
    for (const p of town.people) {
      if (!p.roles.includes('member') || !p.consent.introductions) continue;
      const r = await t.call('GET', `/v1/people/${p.id}/suggestions?k=10`);
      for (const s of r.body.suggestions) {
        for (const tag of s.tags) tags.add(tag);
        if (s.organisation) {
          employed++;
          const org = town.organisations.find((o) => o.id === s.organisation.id);
          expect(org).toBeDefined();
          expect(s.organisation).toMatchObject({ name: org!.name, sector: org!.sector, hiring: org!.hiring });
          expect(s.organisation.sectorLabel.length).toBeGreaterThan(0);
        }
      }
    }
    expect(employed).toBeGreaterThan(0);
    expect(tags.size).toBeGreaterThanOrEqual(4);
    for (const tag of tags) expect(SUGGESTION_TAGS).toContain(tag);
    const doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as { components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: unknown; enum?: string[] }> } };
    const schema = doc.components.schemas.Suggestion!;
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(SuggestionOut.shape).sort());
    expect([...(schema.required ?? [])].sort()).toEqual(Object.keys(SuggestionOut.shape).sort());
    expect(schema.additionalProperties).toBe(false);
    expect(doc.components.schemas.SuggestionTag!.enum).toEqual([...SUGGESTION_TAGS]);
  });

  it('drops a candidate at once when they withdraw consent', async () => {
    const before = await t.call('GET', `/v1/people/${member}/suggestions?k=5`);
    const top = before.body.suggestions[0].id;
    expect((await t.call('PATCH', `/v1/people/${encodeURIComponent(top)}`, { body: { consent: { introductions: false } } })).status).toBe(200);
    const after = await t.call('GET', `/v1/people/${member}/suggestions?k=5`);
    expect(after.body.suggestions.map((s: { id: string }) => s.id)).not.toContain(top);
    // And a person who withdraws gets none.
    expect((await t.call('PATCH', `/v1/people/${member}`, { body: { consent: { introductions: false } } })).status).toBe(200);
    const none = await t.call('GET', `/v1/people/${member}/suggestions`);
    expect(none.body).toMatchObject({ suggestions: [], reason: 'no-consent' });
  });

  it('sees a write made by another connection to the same file at once', async () => {
    const { openSqliteStore } = await import('@bridgework/store-sqlite');
    const before = await t.call('GET', `/v1/people/${member}/suggestions?k=5`);
    const other = await openSqliteStore(t.db);
    try {
      const p = await other.getNode(member);
      if (p?.type !== 'person') throw new Error('expected a person');
      const { type: _type, ...person } = p;
      await other.putPerson({ ...person, consent: { introductions: true, recordedAt: '2026-11-01', recordedBy: 'cli' } });
    } finally {
      await other.close();
    }
    const after = await t.call('GET', `/v1/people/${member}/suggestions?k=5`);
    expect(before.body.reason).toBe('no-consent');
    expect(after.body.reason).toBeNull();
    expect(after.body.suggestions.length).toBeGreaterThan(0);
  });

  it('validates k and profile', async () => {
    const r = await t.call('GET', `/v1/people/${member}/suggestions?k=0&profile=random`);
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/query/k', '/query/profile']);
    expect((await t.call('GET', '/v1/people/nobody/suggestions')).status).toBe(404);
  });
});
