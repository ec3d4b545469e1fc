/**
 * Introductions: the double opt-in lifecycle, its 409s naming the state, coach access, the audit trail, and the
 * history feeding the matcher at once (declined pairs gone from the next suggestions, the cap on open asks,
 * impressions discounting from the next day). A real server over the seeded demo town, with a clock the test moves.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SUGGEST_DEFAULTS } from '@bridgework/matcher';
import { generateDemoTown, type GraphData } from '@bridgework/graph-core';
import { issueKey } from './auth/keys.js';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer;
let town: GraphData;
let clock = new Date('2026-11-02T09:00:00Z');
/** Consenting members with at least six suggestions, and their coaches. */
const members: string[] = [];
const coachKeys = new Map<string, string>();
let otherCoachKey: string;

interface Shown {
  id: string;
  introducers: { id: string }[];
  features: { impressions: number };
  score: number;
}
const suggest = async (person: string, key = 'admin', k = 10): Promise<{ suggestions: Shown[]; reason: string | null }> => {
  const r = await t.call('GET', `/v1/people/${encodeURIComponent(person)}/suggestions?k=${k}`, { key });
  expect(r.status).toBe(200);
  return r.body;
};
const propose = (personId: string, targetId: string, introducerIds: string[] = [], key = 'admin') =>
  t.call('POST', '/v1/introductions', { key, body: { personId, targetId, introducerIds } });

beforeAll(async () => {
  t = await startTestServer({ seed: false, server: { now: () => clock } });
  town = generateDemoTown({ seed: 42 });
  await t.server.store.graph.applyBatch(town);
  for (const p of town.people) {
    if (!p.roles.includes('member') || !p.consent.introductions || p.coachId === null) continue;
    if ((await suggest(p.id)).suggestions.length >= 6) members.push(p.id);
    if (members.length === 4) break;
  }
  const now = () => new Date();
  for (const id of members) {
    const coachId = town.people.find((p) => p.id === id)!.coachId!;
    if (!coachKeys.has(coachId)) coachKeys.set(coachId, (await issueKey(t.server.store.api, { role: 'coach', coachId }, now)).key);
  }
  const someone = town.people.find((p) => p.roles.includes('coach') && !coachKeys.has(p.id))!.id;
  otherCoachKey = (await issueKey(t.server.store.api, { role: 'coach', coachId: someone }, now)).key;
});
afterAll(async () => {
  await t.stop();
});

const coachOf = (member: string) => coachKeys.get(town.people.find((p) => p.id === member)!.coachId!)!;

describe('the double opt-in lifecycle', () => {
  it('goes proposed → accepted by both → made → outcome, auditing every change, and refuses steps out of order with 409 naming the state', async () => {
    expect(members.length).toBe(4);
    const member = members[0]!;
    const key = coachOf(member);
    const top = (await suggest(member, key)).suggestions[0]!;
    const p = await propose(member, top.id, [top.introducers[0]!.id], key);
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ personId: member, targetId: top.id, introducerIds: [top.introducers[0]!.id], status: 'proposed', personAnswer: null, targetAnswer: null, outcome: null });
    expect(p.body.id).toMatch(/^in-[0-9a-f]{20}$/);
    expect(p.headers.get('location')).toBe(`/v1/introductions/${p.body.id}`);
    const id = p.body.id as string;

    const early = await t.call('POST', `/v1/introductions/${id}/made`, { key });
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(early.body).toMatchObject({ code: 'conflict', state: 'proposed' });
    expect(early.body.detail).toContain('is proposed');
    expect((await t.call('POST', `/v1/introductions/${id}/outcome`, { key, body: { outcome: 'met' } })).body.state).toBe('proposed');

    const one = await t.call('POST', `/v1/introductions/${id}/answer`, { key, body: { side: 'person', answer: 'accept' } });
    expect(one.body).toMatchObject({ status: 'proposed', personAnswer: { answer: 'accepted', at: clock.toISOString() }, targetAnswer: null });
    const twice = await t.call('POST', `/v1/introductions/${id}/answer`, { key, body: { side: 'person', answer: 'decline' } });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('the person already accepted it');
    const both = await t.call('POST', `/v1/introductions/${id}/answer`, { key, body: { side: 'target', answer: 'accept' } });
    expect(both.body.status).toBe('accepted');
    const made = await t.call('POST', `/v1/introductions/${id}/made`, { key });
    expect(made.body).toMatchObject({ status: 'made', madeAt: clock.toISOString() });
    expect((await t.call('POST', `/v1/introductions/${id}/withdraw`, { key })).body).toMatchObject({ status: 409, state: 'made' });
    expect((await t.call('POST', `/v1/introductions/${id}/outcome`, { key, body: { outcome: 'met' } })).body).toMatchObject({ status: 'closed', outcome: 'met' });
    const job = await t.call('POST', `/v1/introductions/${id}/outcome`, { key, body: { outcome: 'job' } });
    expect(job.body).toMatchObject({ status: 'closed', outcome: 'job', revision: 5 });
    expect((await t.call('POST', `/v1/introductions/${id}/outcome`, { key, body: { outcome: 'hired' } })).body.errors[0].pointer).toBe('/body/outcome');

    expect((await t.call('GET', `/v1/introductions/${id}`, { key })).body).toEqual(job.body);
    const listed = await t.call('GET', `/v1/introductions?person=${member}&status=closed`, { key });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    // Every change is audited against both people; the introduced pair is not suggested again, nor proposed.
    const audit = await t.call('GET', `/v1/audit?target=${top.id}&resource=introduction&limit=500`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['propose', 'accept', 'accept', 'make', 'outcome', 'outcome', 'read', 'list']);
    expect((await suggest(member)).suggestions.map((s) => s.id)).not.toContain(top.id);
    const again = await propose(top.id, member);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ state: 'closed' });
  });

  it('drops a declined pair from the very next suggestions response, for good', async () => {
    const member = members[1]!;
    const before = await suggest(member);
    const target = before.suggestions[1]!.id;
    const p = await propose(member, target, [before.suggestions[1]!.introducers[0]!.id]);
    const declined = await t.call('POST', `/v1/introductions/${p.body.id}/answer`, { body: { side: 'target', answer: 'decline' } });
    expect(declined.body).toMatchObject({ status: 'declined', targetAnswer: { answer: 'declined' } });
    const after = await suggest(member);
    expect(after.suggestions.map((s) => s.id)).not.toContain(target);
    expect(after.suggestions.length).toBe(before.suggestions.length);
    // Not proposed again, and the declined one cannot be answered or withdrawn.
    const again = await propose(target, member);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ state: 'declined' });
    expect(again.body.detail).toContain('declined');
    expect((await t.call('POST', `/v1/introductions/${p.body.id}/answer`, { body: { side: 'person', answer: 'accept' } })).body.state).toBe('declined');
    expect((await t.call('POST', `/v1/introductions/${p.body.id}/withdraw`)).body.state).toBe('declined');
  });

  it('holds proposals and suggestions to the matcher’s cap on open introductions, and frees a place on withdrawal', async () => {
    const member = members[2]!;
    const shown = (await suggest(member)).suggestions;
    const cap = SUGGEST_DEFAULTS.maxOpenPerPerson;
    const ids: string[] = [];
    const targets: string[] = [];
    let i = 0;
    while (ids.length < cap) {
      const s = shown[i++]!;
      const r = await propose(member, s.id);
      if (r.status === 201) {
        ids.push(r.body.id);
        targets.push(s.id);
      }
      else expect(r.body.detail).toMatch(/open introductions|consented/);
    }
    const over = await propose(member, shown[i]!.id);
    expect(over.status).toBe(409);
    expect(over.body.detail).toBe(`${member} already has ${cap} open introductions (the cap is ${cap})`);
    expect(await suggest(member)).toMatchObject({ suggestions: [], reason: 'open-cap-reached' });
    // Open asks count for the one asked to meet too: nobody suggests them to others once they carry the cap.
    const w = await t.call('POST', `/v1/introductions/${ids[0]}/withdraw`);
    expect(w.body.status).toBe('withdrawn');
    const back = await suggest(member);
    expect(back.reason).toBeNull();
    expect(back.suggestions.length).toBeGreaterThan(0);
    // A withdrawn pair may be suggested again (unlike a declined one); the two still open may not.
    const backIds = back.suggestions.map((s) => s.id);
    expect(backIds).toContain(targets[0]);
    expect(backIds).not.toContain(targets[1]);
    expect((await t.call('GET', `/v1/introductions?person=${member}&status=proposed`)).body.items).toHaveLength(cap - 1);
  });

  it('validates proposals: the pair, introducers, consent and unknown people', async () => {
    const member = members[3]!;
    const self = await propose(member, member, [member]);
    expect(self.status).toBe(422);
    expect(self.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/targetId', '/body/introducerIds/0']);
    expect((await propose(member, 'nobody-here')).status).toBe(404);
    const unwilling = town.people.find((p) => !p.consent.introductions && !p.roles.includes('member'))!;
    const r = await propose(member, unwilling.id);
    expect(r.status).toBe(409);
    expect(r.body.detail).toBe(`${unwilling.id} has not consented to introductions`);
    const extra = await t.call('POST', '/v1/introductions', { body: { personId: member, targetId: 'x', status: 'made' } });
    expect(extra.body.errors).toEqual([{ pointer: '/body/status', detail: 'unknown field' }]);
    expect((await t.call('GET', '/v1/introductions/in-nope')).status).toBe(422);
    expect((await t.call('GET', `/v1/introductions/in-${'0'.repeat(20)}`)).status).toBe(404);
  });
});

describe('coach access', () => {
  it('lets a coach propose for and see only their own members’ introductions; anyone else’s is a 404', async () => {
    const member = members[3]!;
    const key = coachOf(member);
    const s = (await suggest(member, key)).suggestions[0]!;
    const p = await propose(member, s.id, [s.introducers[0]!.id], key);
    expect(p.status).toBe(201);
    expect((await t.call('GET', `/v1/introductions/${p.body.id}`, { key })).status).toBe(200);
    expect((await t.call('GET', `/v1/introductions/${p.body.id}`, { key: otherCoachKey })).status).toBe(404);
    expect((await t.call('POST', `/v1/introductions/${p.body.id}/withdraw`, { key: otherCoachKey })).status).toBe(404);
    expect((await t.call('GET', `/v1/introductions?person=${member}`, { key: otherCoachKey })).status).toBe(404);
    expect((await t.call('GET', '/v1/introductions', { key })).status).toBe(403);
    expect((await propose(member, s.id, [], otherCoachKey)).status).toBe(404);
    expect((await t.call('GET', '/v1/introductions', { key: 'analyst' })).status).toBe(403);
    expect((await t.call('GET', `/v1/introductions?person=${member}`, { key })).body.items.map((i: { id: string }) => i.id)).toContain(p.body.id);
  });
});

describe('impressions', () => {
  it('records what each answer shows and discounts it from the next day, keeping a day’s answers stable', async () => {
    const member = members[1]!;
    const first = await suggest(member);
    const second = await suggest(member);
    expect(second.suggestions.map((s) => s.id)).toEqual(first.suggestions.map((s) => s.id));
    expect(first.suggestions.every((s) => s.features.impressions === 0)).toBe(true);
    clock = new Date(clock.getTime() + 86_400_000);
    const next = await suggest(member);
    const seen = new Set(first.suggestions.map((s) => s.id));
    const again = next.suggestions.filter((s) => seen.has(s.id));
    expect(again.length).toBeGreaterThan(0);
    // Shown twice on the first day, counted once: the penalty of one impression a day old, 1 − decay^(2^(−1/half-life)).
    const once = 1 - Math.pow(SUGGEST_DEFAULTS.impressionDecay, Math.pow(2, -1 / SUGGEST_DEFAULTS.impressionHalfLifeDays));
    for (const s of again) expect(s.features.impressions).toBeCloseTo(once, 10);
  });
});
