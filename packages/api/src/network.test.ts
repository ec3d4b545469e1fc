/**
 * The web app's views: the network map (pseudonymised for analysts, named for admins, not for coaches) and a caseload's
 * network health (coaches: their own members; admins: any coach's).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateDemoTown, type GraphData } from '@bridgework/graph-core';
import { largestCaseload } from '@bridgework/graph-core/testing';
import { issueKey } from './auth/keys.js';
import { HISTORY_AROUND_LIMIT } from './routes/analytics.js';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer;
let town: GraphData;
let coachId: string;
let coachKey: string;
let members: string[];
const clock = new Date('2026-11-02T09:00:00Z');
const PSEUDONYM = /^x[0-9a-f]{20}$/;

beforeAll(async () => {
  t = await startTestServer({ seed: false, server: { now: () => clock } });
  town = generateDemoTown({ seed: 42 });
  await t.server.store.graph.applyBatch(town);
  ({ coachId, members } = largestCaseload(town));
  coachKey = (await issueKey(t.server.store.api, { role: 'coach', coachId }, () => new Date())).key;
});
afterAll(async () => {
  await t.stop();
});

interface Node {
  id: string;
  type: string;
  label: string;
  area: string | null;
  community: number;
  betweenness: number;
  broker: boolean;
  x: number;
  y: number;
}

describe('the network map', () => {
  it('gives analysts every node with its measures and position, people only as pseudonyms', async () => {
    const r = await t.call('GET', '/v1/analytics/network', { key: 'analyst' });
    expect(r.status).toBe(200);
    expect(r.body.scope).toBe('pseudonymised');
    const nodes = r.body.nodes as Node[];
    expect(nodes).toHaveLength(town.people.length + town.organisations.length);
    const people = nodes.filter((n) => n.type === 'person');
    for (const p of people) {
      expect(p.id).toMatch(PSEUDONYM);
      expect(p.label).toBe(p.id);
      expect(p.area).toBeNull();
    }
    for (const n of nodes) {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    }
    for (const p of town.people.slice(0, 80)) {
      expect(r.text).not.toContain(`"${p.id}"`);
      expect(r.text).not.toContain(p.name);
    }
    for (const [s, tt, w] of r.body.edges as [number, number, number][]) {
      expect(s).toBeLessThan(tt);
      expect(tt).toBeLessThan(nodes.length);
      expect(w).toBeGreaterThan(0);
    }
    // The same brokers, with the same betweenness, as the brokers route.
    const brokers = (await t.call('GET', '/v1/analytics/brokers?limit=100', { key: 'analyst' })).body.brokers as { id: string; betweenness: number; community: number }[];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(nodes.filter((n) => n.broker).length).toBe(brokers.length);
    for (const b of brokers) {
      expect(byId.get(b.id)?.broker).toBe(true);
      expect(byId.get(b.id)!.betweenness).toBeCloseTo(b.betweenness, 10);
      expect(byId.get(b.id)!.community).toBe(b.community);
    }
  });

  it('lays the network out the same way each time', async () => {
    const a = await t.call('GET', '/v1/analytics/network', { key: 'analyst' });
    const b = await t.call('GET', '/v1/analytics/network', { key: 'admin' });
    const xa = (a.body.nodes as Node[]).map((n) => [n.x, n.y]);
    const xb = (b.body.nodes as Node[]).map((n) => [n.x, n.y]);
    expect(xb).toEqual(xa);
    // Spread out, not collapsed onto a point.
    const xs = xa.map((p) => p[0]!);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(10);
  });

  it('names people and their areas for admin keys and refuses coaches', async () => {
    const r = await t.call('GET', '/v1/analytics/network');
    expect(r.body.scope).toBe('named');
    const first = town.people[0]!;
    const node = (r.body.nodes as Node[]).find((n) => n.id === first.id)!;
    expect(node).toMatchObject({ label: first.name, area: first.area });
    const coach = await t.call('GET', '/v1/analytics/network', { key: coachKey });
    expect(coach.status).toBe(403);
    expect(coach.body.detail).toContain('for analysts');
  });
});

describe('the caseload', () => {
  it("gives a coach their own members' network health, matching their ego reports", async () => {
    const r = await t.call('GET', '/v1/analytics/caseload', { key: coachKey });
    expect(r.status).toBe(200);
    const got = r.body.members as { id: string; name: string; size: number; constraint: number | null; weakTieShare: number | null; sectorsTwoSteps: string[] }[];
    expect(got.map((m) => m.id).sort()).toEqual([...members].sort());
    const names = got.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    for (const m of got.slice(0, 4)) {
      const ego = (await t.call('GET', `/v1/analytics/people/${m.id}/ego`, { key: coachKey })).body;
      expect(m.size).toBe(ego.size);
      expect(m.sectorsTwoSteps).toEqual(ego.sectors.twoSteps);
      if (ego.constraint === null) expect(m.constraint).toBeNull();
      else expect(m.constraint).toBeCloseTo(ego.constraint, 12);
      expect(m.weakTieShare === null || (m.weakTieShare >= 0 && m.weakTieShare <= 1)).toBe(true);
    }
  });

  it("refuses another coach's caseload, and analysts; lets admins name a coach", async () => {
    const other = town.people.find((p) => p.roles.includes('coach') && p.id !== coachId)!;
    expect((await t.call('GET', `/v1/analytics/caseload?coachId=${other.id}`, { key: coachKey })).status).toBe(403);
    expect((await t.call('GET', '/v1/analytics/caseload', { key: 'analyst' })).status).toBe(403);
    const admin = await t.call('GET', `/v1/analytics/caseload?coachId=${coachId}`);
    expect((admin.body.members as { id: string }[]).map((m) => m.id).sort()).toEqual([...members].sort());
    const bad = await t.call('GET', '/v1/analytics/caseload?coach=x');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/query/coach');
  });
});

describe('progress over time', () => {
  it("shows each member's change since last month in the caseload, agreeing with their history", async () => {
    const caseload = (await t.call('GET', '/v1/analytics/caseload', { key: coachKey })).body.members as {
      id: string;
      size: number;
      constraint: number | null;
      weakTieShare: number | null;
      sectorsTwoSteps: string[];
      lastMonth: { date: string; size: number; constraint: number | null } | null;
    }[];
    for (const m of caseload.slice(0, 4)) {
      const h = await t.call('GET', `/v1/analytics/people/${m.id}/history`, { key: coachKey });
      expect(h.status).toBe(200);
      const points = h.body.points as { date: string; size: number; constraint: number | null; weakTieShare: number | null; sectorsTwoSteps: string[] }[];
      expect(points.map((p) => p.date)).toEqual(['2026-05-02', '2026-06-02', '2026-07-02', '2026-08-02', '2026-09-02', '2026-10-02', '2026-11-02']);
      const today = points.at(-1)!;
      expect(today.size).toBe(m.size);
      expect(today.sectorsTwoSteps).toEqual(m.sectorsTwoSteps);
      expect(today.weakTieShare).toBe(m.weakTieShare);
      if (m.constraint === null) expect(today.constraint).toBeNull();
      else expect(today.constraint).toBeCloseTo(m.constraint, 10);
      expect(m.lastMonth).toEqual(points.at(-2));
    }
    // The demo town's networks grow over the months: some member had fewer contacts half a year ago.
    const histories = await Promise.all(caseload.map((m) => t.call('GET', `/v1/analytics/people/${m.id}/history`, { key: coachKey })));
    expect(histories.some((h) => h.body.points[0].size < h.body.points.at(-1).size)).toBe(true);
  });

  it("gives the same change since last month in the admin's whole-service caseload (whole networks) as a member's history (networks around them)", async () => {
    // Points once read are kept with the snapshot, so compare members no earlier request has read: the coach's own
    // were read above; these are read first by the admin's caseload, from whole networks.
    const everyone = (await t.call('GET', '/v1/analytics/caseload')).body.members as { id: string; lastMonth: unknown }[];
    expect(everyone.length).toBeGreaterThan(HISTORY_AROUND_LIMIT); // so the admin's caseload takes the whole-network path
    const others = everyone.filter((m) => !members.includes(m.id)).slice(0, 4);
    expect(others).toHaveLength(4);
    for (const m of others) {
      // Six months back: whole networks exist for the last three only, so the history projects around the member.
      const h = await t.call('GET', `/v1/analytics/people/${m.id}/history`);
      expect(h.status).toBe(200);
      expect(m.lastMonth).toEqual(h.body.points.at(-2));
    }
  });

  it('counts a tie recorded today as gained this month', async () => {
    const member = members[0]!;
    const before = (await t.call('GET', `/v1/analytics/people/${member}/history`, { key: coachKey })).body.points.at(-1);
    const stranger = town.people.find((p) => p.roles.includes('employee') && !town.ties.some((x) => (x.source === member && x.target === p.id) || (x.target === member && x.source === p.id)))!;
    const made = await t.call('POST', '/v1/ties', { body: { source: member, target: stranger.id, kind: 'knows', strength: 0.3, since: '2026-11-01' } });
    expect(made.status).toBe(201);
    const after = (await t.call('GET', `/v1/analytics/people/${member}/history`, { key: coachKey })).body.points.at(-1);
    expect(after.tiesGained).toBe(before.tiesGained + 1);
    expect(after.size).toBe(before.size + 1);
  });

  it("refuses analysts, other coaches' members and people who are not members", async () => {
    const member = members[0]!;
    expect((await t.call('GET', `/v1/analytics/people/${member}/history`, { key: 'analyst' })).status).toBe(403);
    const others = town.people.find((p) => p.roles.includes('member') && p.coachId !== coachId)!;
    expect([403, 404]).toContain((await t.call('GET', `/v1/analytics/people/${others.id}/history`, { key: coachKey })).status);
    const volunteer = town.people.find((p) => !p.roles.includes('member'))!;
    const r = await t.call('GET', `/v1/analytics/people/${volunteer.id}/history`);
    expect(r.status).toBe(404);
    expect(r.body.detail).toMatch(/not a member/);
    expect((await t.call('GET', '/v1/analytics/people/nobody/history')).status).toBe(404);
  });
});
