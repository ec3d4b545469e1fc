/**
 * The web app end to end in real headless Chromium (Debian's, driven by playwright-core): the app built with Vite into
 * a temp folder and served by a real API server on a free port over a temp SQLite file seeded with the demo town.
 * A coach signs in, opens a member, reads the reasons, proposes an introduction and records each step to its outcome;
 * an analyst's map draws on its WebGL canvases and a filter changes what is drawn. Screenshots go to artifacts/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildWeb } from './build.js';
import { chromiumAvailable, launchBrowser, CHROMIUM, type Browser } from './testing/browser.js';
import { startDemoServer, type DemoServer } from './testing/demo-server.js';

// Browser globals used inside page.evaluate (this file is type-checked without the DOM library).
declare const createImageBitmap: (b: Blob) => Promise<{ width: number; height: number }>;
declare const sessionStorage: { length: number };
declare const localStorage: { length: number };
declare const document: { querySelectorAll(s: string): ArrayLike<unknown> & Iterable<unknown> };
declare const OffscreenCanvas: new (w: number, h: number) => {
  getContext(t: '2d'): { drawImage(i: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
};

const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/web/', import.meta.url));

let web: string;
let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error(`web e2e: no Chromium at ${CHROMIUM}; install it with apt-get install -y --no-install-recommends chromium`);
  web = await mkdtemp(join(tmpdir(), 'bridgework-web-dist-'));
  // Vite builds and Chromium starts in child processes while the server seeds the town and computes its analyses.
  const server = startDemoServer({ webRoot: web }).then(async (d) => {
    demo = d;
    const warm = (path: string, key: string) => fetch(d.url + path, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.arrayBuffer());
    await Promise.all([warm('/v1/analytics/caseload', d.keys.coach), warm('/v1/analytics/network', d.keys.analyst), warm('/v1/analytics/reach', d.keys.analyst)]);
  });
  [, , browser] = await Promise.all([buildWeb(web), mkdir(ARTIFACTS, { recursive: true }), launchBrowser(), server]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (web) await rm(web, { recursive: true, force: true });
});

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${demo.url}/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Pixels of a PNG (decoded by the browser): how many differ from white, and a coarse grid of samples. */
async function pixels(page: Page, png: Buffer): Promise<{ width: number; height: number; drawn: number; samples: number[] }> {
  return page.evaluate(async (b64: string) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const g = canvas.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    let drawn = 0;
    const samples: number[] = [];
    for (let y = 0; y < bmp.height; y++) {
      for (let x = 0; x < bmp.width; x++) {
        const i = 4 * (y * bmp.width + x);
        const v = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
        if (v !== 0xffffff) drawn++;
        if (x % 4 === 0 && y % 4 === 0) samples.push(v);
      }
    }
    return { width: bmp.width, height: bmp.height, drawn, samples };
  }, png.toString('base64'));
}

describe('serving the app', () => {
  it('serves the app at / and its own paths, leaving /v1 and missing assets to the API', async () => {
    const root = await fetch(`${demo.url}/`);
    expect(root.status).toBe(200);
    const html = await root.text();
    expect(html).toContain('<title>Bridgework</title>');
    expect(html).not.toMatch(/https?:\/\//); // nothing from a CDN: works offline
    const deep = await fetch(`${demo.url}/members/p-001`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    const api = await fetch(`${demo.url}/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${demo.url}/assets/missing.js`)).status).toBe(404);
  });
});

describe('signing in', () => {
  it('explains a mistyped key, a revoked key and an unreachable server, and keeps the key in the session only', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/`);
    await page.getByLabel('API key').fill('not-a-key');
    await page.keyboard.press('Enter');
    await expect(page.locator('#key-error').textContent()).resolves.toContain('starts with bw_');

    const revoked = await demo.issue('coach');
    const r = await fetch(`${demo.url}/v1/keys/${revoked.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${demo.keys.admin}` } });
    expect(r.status).toBeLessThan(300);
    await signIn(page, revoked.key);
    await page.getByText('This key was not accepted').waitFor();

    await page.route('**/v1/**', (route) => route.abort('connectionrefused'));
    await signIn(page, demo.keys.coach);
    await page.getByText('cannot be reached').waitFor();
    await page.unroute('**/v1/**');

    // Keyboard only: the key field has focus on arrival; Enter submits.
    await page.goto(`${demo.url}/`);
    await page.keyboard.type(demo.keys.coach);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor();
    const stored = await page.evaluate(() => [sessionStorage.length, localStorage.length, JSON.stringify(sessionStorage)] as const);
    expect(stored[0]).toBe(1);
    expect(stored[1]).toBe(0);
    expect(stored[2]).toContain(demo.keys.coach.slice(0, 20));
    await page.close();
  });

  it('signs out with a clear message when the key is revoked mid-session', async () => {
    const page = await browser.context.newPage();
    const k = await demo.issue('coach');
    await signIn(page, k.key);
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor();
    await fetch(`${demo.url}/v1/keys/${k.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${demo.keys.admin}` } });
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Sign in to Bridgework' }).waitFor();
    await expect(page.locator('#status').textContent()).resolves.toContain('may have expired or been revoked');
    await page.close();
  });
});

describe('progress over time', () => {
  it("shows each member's change since last month in the caseload and their progress month by month", async () => {
    const auth = { headers: { authorization: `Bearer ${demo.keys.coach}` } };
    const caseload = (await (await fetch(`${demo.url}/v1/analytics/caseload`, auth)).json()) as { members: { id: string; name: string; size: number; lastMonth: { size: number } | null }[] };
    const grown = caseload.members.find((m) => m.lastMonth !== null && m.size > m.lastMonth.size);
    expect(grown).toBeDefined();
    const gain = grown!.size - grown!.lastMonth!.size;

    const page = await browser.context.newPage();
    await signIn(page, demo.keys.coach);
    await page.getByRole('columnheader', { name: 'Since last month' }).waitFor();
    const row = page.locator('table.caseload tbody tr', { has: page.getByRole('link', { name: grown!.name, exact: true }) });
    await expect(row.locator('td.change').textContent()).resolves.toContain(`+${gain} contact`);
    await expect(row.locator('td.change .delta.better').count()).resolves.toBeGreaterThan(0);

    await row.getByRole('link').click();
    const section = page.getByRole('region', { name: 'Progress over time' });
    await section.waitFor();
    const history = (await (await fetch(`${demo.url}/v1/analytics/people/${grown!.id}/history`, auth)).json()) as { points: { size: number; tiesGained: number }[] };
    // Three charts, each a line through one dot per month; the table holds every month's numbers.
    await expect(section.locator('figure.sparkline').count()).resolves.toBe(3);
    await expect(section.locator('#progress-contacts circle.spark-dot').count()).resolves.toBe(history.points.length);
    const rows = section.locator('table.progress-table tbody tr');
    await expect(rows.count()).resolves.toBe(history.points.length);
    const sizes = await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as unknown as { children: { textContent: string }[] }).children[1]!.textContent)));
    expect(sizes).toEqual(history.points.map((p) => p.size));
    const gained = history.points.slice(1).reduce((s, p) => s + p.tiesGained, 0);
    await expect(section.locator('.progress-headline').textContent()).resolves.toContain(`${gained} ${gained === 1 ? 'tie' : 'ties'} gained`);
    await expect(section.locator('#progress-contacts svg').getAttribute('aria-label')).resolves.toMatch(/^Contacts: \d+ in \w+, \d+ now/);
    await page.screenshot({ path: join(ARTIFACTS, 'coach-progress.png'), fullPage: true });
    await page.close();
  });
});

describe("a coach's journey", () => {
  it('opens a member from the caseload, reads the reasons, proposes an introduction and records it to an outcome', async () => {
    // A member with suggestions (asked of the API as the coach would).
    let memberId = '';
    for (const id of demo.members) {
      const r = await fetch(`${demo.url}/v1/people/${id}/suggestions?k=5`, { headers: { authorization: `Bearer ${demo.keys.coach}` } });
      if (((await r.json()) as { suggestions: unknown[] }).suggestions.length > 0) {
        memberId = id;
        break;
      }
    }
    expect(memberId).not.toBe('');
    const member = demo.town.people.find((p) => p.id === memberId)!;

    const page = await browser.context.newPage();
    await signIn(page, demo.keys.coach);
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor();
    const rows = page.locator('table.caseload tbody tr');
    // The heading can come before the rows: wait for the last one before counting.
    await rows.nth(demo.members.length - 1).waitFor();
    expect(await rows.count()).toBe(demo.members.length);
    await page.screenshot({ path: join(ARTIFACTS, 'coach-caseload.png'), fullPage: true });

    await page.getByRole('link', { name: member.name, exact: true }).click();
    await page.getByRole('heading', { name: member.name, level: 1 }).waitFor();
    await page.locator('svg.ego circle').first().waitFor();
    // The picture counts what it draws, events attended included, and says the people met there are not drawn.
    const attended = demo.town.ties.filter((t) => t.kind === 'attended' && (t.source === member.id || t.target === member.id)).length;
    const caption = (await page.locator('#ego-caption').textContent())!;
    expect(caption).toContain(`${attended} event${attended === 1 ? '' : 's'} attended`);
    if (attended > 0) expect(caption).toContain('the people met there count as contacts but are not drawn');
    expect(await page.locator('svg.ego circle').count()).toBe(1 + Number(caption.match(/(\d+) (?:person|people)/)![1]) + Number(caption.match(/(\d+) organisations?/)![1]) + attended);
    const first = page.locator('li.suggestion').first();
    const target = (await first.locator('h3').textContent())!;
    const reasons = await first.locator('.reasons li').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join(' ')).toMatch(/knows|works|would be|first/);
    expect(await first.locator('.path').textContent()).toContain(`${member.name} →`);
    await page.screenshot({ path: join(ARTIFACTS, 'coach-member.png'), fullPage: true });

    await first.getByRole('button', { name: /^Propose introduction/ }).click();
    await first.getByText('Proposed.').waitFor();
    const intro = page.locator('li.intro').first();
    await intro.getByText('waiting for both').waitFor();
    await expect(page.locator('ol.funnel').textContent()).resolves.toContain('1 proposed');

    await intro.getByRole('button', { name: `${member.name} said yes` }).click();
    await page.locator('li.intro').first().getByRole('button', { name: `${target} said yes` }).click();
    await page.locator('li.intro').first().getByRole('button', { name: 'Introduction made' }).click();
    const made = page.locator('li.intro').first();
    await made.getByText('record how it went').waitFor();
    await made.getByLabel('Outcome').selectOption('interview');
    await made.getByRole('button', { name: 'Record outcome' }).click();
    await page.locator('li.intro').first().getByText('Outcome recorded: interview').waitFor();
    await expect(page.locator('ol.funnel').textContent()).resolves.toMatch(/1 proposed.*1 accepted.*1 made.*1 outcome recorded/);
    await page.screenshot({ path: join(ARTIFACTS, 'coach-introduction.png'), fullPage: true });

    // The API holds what the buttons recorded.
    const list = (await (await fetch(`${demo.url}/v1/introductions?person=${memberId}`, { headers: { authorization: `Bearer ${demo.keys.coach}` } })).json()) as {
      items: { status: string; outcome: string | null; targetId: string }[];
    };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'closed', outcome: 'interview' });
    await page.close();
  });
});

describe("the analyst's map", () => {
  it('draws the network with WebGL, redraws it when filtered, shows pseudonymised metrics and exports PNG and GEXF', async () => {
    const page = await browser.context.newPage();
    await signIn(page, demo.keys.analyst);
    await page.getByRole('heading', { name: 'Network map' }).waitFor();
    await page.locator('#map canvas').first().waitFor();
    await expect(page.locator('#map-count').textContent()).resolves.toMatch(/Showing 520 of 520 nodes/);
    expect(await page.evaluate(() => [...document.querySelectorAll('#map canvas')].some((c) => (c as unknown as { getContext(t: string): unknown }).getContext('webgl2') !== null))).toBe(true);
    await page.waitForTimeout(300);
    const before = await pixels(page, await page.locator('#map').screenshot());
    expect(before.drawn).toBeGreaterThan(0.02 * before.width * before.height);
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-map.png') });

    await page.getByLabel('Sector', { exact: true }).selectOption('Q');
    await expect(page.locator('#map-count').textContent()).resolves.not.toContain('520 of 520');
    await page.waitForTimeout(300);
    const after = await pixels(page, await page.locator('#map').screenshot());
    const changed = before.samples.filter((v, i) => v !== after.samples[i]).length;
    expect(changed).toBeGreaterThan(0.01 * before.samples.length);
    expect(after.drawn).toBeLessThan(before.drawn);
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-map-filtered.png') });
    await page.getByLabel('Sector', { exact: true }).selectOption('');

    // A broker's metrics, by pseudonym; no real name anywhere on the page.
    await page.getByLabel(/Highlight brokers/).check();
    await page.locator('ol.brokers button').first().click();
    await expect(page.locator('#node-details h2').textContent()).resolves.toMatch(/^x[0-9a-f]{20}$/);
    await expect(page.locator('#node-details').textContent()).resolves.toContain('person (pseudonymised)');
    const text = (await page.locator('body').textContent())!;
    for (const p of demo.town.people.slice(0, 60)) expect(text).not.toContain(p.name);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save view as PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('bridgework-map.png');
    const exported = await pixels(page, readFileSync(await png.path()));
    expect(exported.drawn).toBeGreaterThan(0.01 * exported.width * exported.height);
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export graph (GEXF)' }).click()]);
    const xml = readFileSync(await gexf.path(), 'utf8');
    expect(xml).toContain('<gexf');
    expect(xml).not.toContain('"p-001"');

    await expect(page.locator('table.heatmap tbody tr').count()).resolves.toBeGreaterThan(0);

    // Degree and constraint histograms: bars drawn, and each table's counts add up to the people in the lead.
    const people = Number(/(\d+) people/.exec((await page.locator('p.lead').textContent())!)?.[1]);
    expect(people).toBeGreaterThan(0);
    for (const id of ['degree-distribution', 'constraint-distribution']) {
      await expect(page.locator(`#${id} svg rect.hist-bar:not([height="0"])`).count()).resolves.toBeGreaterThan(0);
      const counts = await page.locator(`#${id}-table tbody td.num`).allTextContents();
      expect(counts.reduce((s, c) => s + Number(c), 0)).toBe(people);
    }
    await page.locator('.distributions').screenshot({ path: join(ARTIFACTS, 'analyst-distributions.png') });
    await page.close();
  });
});

describe('event planning', () => {
  it('plans the tables of an event, seats every ticked attendee once, re-plans without an unticked one and prints the plan alone', async () => {
    const auth = { headers: { authorization: `Bearer ${demo.keys.coach}` } };
    const events = (await (await fetch(`${demo.url}/v1/event-plans`, auth)).json()) as { items: { id: string; name: string; attendees: number }[] };
    const event = events.items.find((e) => e.attendees >= 9)!;
    expect(event).toBeDefined();

    const page = await browser.context.newPage();
    await signIn(page, demo.keys.coach);
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events', exact: true }).click();
    await page.getByRole('heading', { name: 'Plan an event', level: 1 }).waitFor();
    await expect(page.locator('li.event-item').count()).resolves.toBe(events.items.length);
    await page.getByRole('link', { name: event.name, exact: true }).click();
    await page.getByRole('heading', { name: event.name, level: 1 }).waitFor();

    const boxes = page.locator('ul.attendee-list input[type="checkbox"]');
    await expect(boxes.count()).resolves.toBe(event.attendees);
    const tickedRefs = () => boxes.evaluateAll((els) => (els as unknown as { checked: boolean; value: string }[]).filter((b) => b.checked).map((b) => b.value).sort());
    await expect(tickedRefs()).resolves.toHaveLength(event.attendees);
    /** Every ticked attendee seated exactly once, at tables of at most `size`. */
    const checkPlan = async (size: number, count: number) => {
      await page.waitForFunction((n) => document.querySelectorAll('li.table-card [data-ref]').length === n, count);
      const seated = (await page.locator('li.table-card [data-ref]').evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(a: string): string }).getAttribute('data-ref')))).sort();
      expect(seated).toEqual(await tickedRefs());
      const perTable = await page.locator('li.table-card').evaluateAll((cards) => cards.map((c) => (c as unknown as { querySelectorAll(s: string): ArrayLike<unknown> }).querySelectorAll('[data-ref]').length));
      expect(perTable.length).toBe(Math.ceil(count / size));
      for (const n of perTable) expect(n).toBeLessThanOrEqual(size);
      for (const stats of await page.locator('li.table-card .table-stats').allTextContents()) expect(stats).toMatch(/^\d+ new acquaintances?, \d+ across communities, \d+ goal-relevant$/);
      await expect(page.locator('.plan-gain').textContent()).resolves.toMatch(/random|already knows each other/);
    };

    // Nobody ticked: a clear error, and no plan.
    await page.getByRole('button', { name: 'Untick everyone', exact: true }).click();
    await page.getByRole('button', { name: 'Plan tables' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Tick at least 2 attendees');
    await expect(page.locator('#plan').isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Tick everyone', exact: true }).click();

    await page.getByLabel('People per table').selectOption('4');
    await page.getByRole('button', { name: 'Plan tables' }).click();
    await checkPlan(4, event.attendees);
    await page.screenshot({ path: join(ARTIFACTS, 'coach-event-plan.png'), fullPage: true });

    // Untick one attendee and re-plan from the keyboard: they are gone, everyone else is still seated once.
    const box = boxes.first();
    const gone = await box.getAttribute('value');
    await box.uncheck();
    await expect(page.locator('#ticked-count').textContent()).resolves.toBe(`${event.attendees - 1} of ${event.attendees} ticked.`);
    await page.getByRole('button', { name: 'Plan tables' }).focus();
    await page.keyboard.press('Enter');
    await checkPlan(4, event.attendees - 1);
    await expect(page.locator(`li.table-card [data-ref="${gone}"]`).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(true);

    // Printed: the plan alone, one table per unbroken block.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#nav').isVisible()).resolves.toBe(false);
    await expect(page.locator('form.event-plan-form').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('li.table-card').first().isVisible()).resolves.toBe(true);
    const style = await page.locator('li.table-card').first().evaluate((el) => {
      const s = (globalThis as unknown as { getComputedStyle(e: unknown): { breakInside: string; display: string } }).getComputedStyle(el);
      return { breakInside: s.breakInside, display: s.display };
    });
    expect(style).toEqual({ breakInside: 'avoid', display: 'block' });
    await page.screenshot({ path: join(ARTIFACTS, 'coach-event-plan-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });
});

describe('map search', () => {
  it('lists every match with its count, steps the highlight and the camera through them by button and keyboard, and says when nothing matches', async () => {
    // A query with several matches, worked out from what the analyst's key reads: a word of organisations' names.
    const r = await fetch(`${demo.url}/v1/analytics/network`, { headers: { authorization: `Bearer ${demo.keys.analyst}` } });
    const network = (await r.json()) as { nodes: { id: string; label: string }[] };
    const count = (q: string) => network.nodes.filter((n) => n.label.toLowerCase().includes(q) || n.id.toLowerCase() === q).length;
    const words = [...new Set(network.nodes.flatMap((n) => n.label.split(/\s+/)).filter((w) => /^[A-Za-z]{4,}$/.test(w)))].sort();
    const query = words.find((w) => count(w.toLowerCase()) >= 3 && count(w.toLowerCase()) <= 40);
    expect(query).toBeDefined();
    const expected = count(query!.toLowerCase());

    const page = await browser.context.newPage();
    await signIn(page, demo.keys.analyst);
    await page.locator('#map canvas').first().waitFor();
    const box = page.getByRole('searchbox', { name: 'Search', exact: true });
    const status = page.getByRole('search').getByRole('status');
    const listed = page.getByRole('list', { name: 'Search matches' }).getByRole('button');
    const details = page.locator('#node-details h2');
    const current = page.locator('#search-matches [aria-current="true"]');

    // Case does not matter; every match is listed, the first one current, its details shown.
    await box.fill(query!.toUpperCase());
    await box.press('Enter');
    await expect(status.textContent()).resolves.toContain(`${expected} matches for “${query!.toUpperCase()}”. Showing 1 of ${expected}:`);
    expect(await listed.count()).toBe(expected);
    const labels = await listed.allTextContents();
    for (const label of labels) expect(label.toLowerCase()).toContain(query!.toLowerCase());
    await expect(details.textContent()).resolves.toBe(labels[0]);
    await expect(current.textContent()).resolves.toBe(labels[0]);
    await page.waitForTimeout(700); // the camera's 400 ms flight to the match
    const first = await pixels(page, await page.locator('#map').screenshot());

    // Next: the second match becomes current, highlighted and in view (the camera moved: the picture changed).
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect(status.textContent()).resolves.toContain(`Showing 2 of ${expected}: ${labels[1]}`);
    await expect(details.textContent()).resolves.toBe(labels[1]);
    await expect(current.textContent()).resolves.toBe(labels[1]);
    await page.waitForTimeout(700);
    const second = await pixels(page, await page.locator('#map').screenshot());
    expect(second.samples.filter((v, i) => v !== first.samples[i]).length).toBeGreaterThan(0.01 * first.samples.length);
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-map-search.png') });

    // The keyboard: Enter steps on, Shift+Enter back; Previous from the first match wraps round to the last.
    await box.press('Enter');
    await expect(details.textContent()).resolves.toBe(labels[2]);
    await box.press('Shift+Enter');
    await box.press('Shift+Enter');
    await expect(details.textContent()).resolves.toBe(labels[0]);
    await page.getByRole('button', { name: 'Previous match' }).click();
    await expect(details.textContent()).resolves.toBe(labels[expected - 1]);
    await expect(status.textContent()).resolves.toContain(`Showing ${expected} of ${expected}`);

    // Nothing matches: a clear message, no list and no stepping buttons.
    await box.fill('zzzz no such name');
    await box.press('Enter');
    await expect(status.textContent()).resolves.toContain('No match for “zzzz no such name”');
    await expect(page.getByRole('list', { name: 'Search matches' }).isHidden()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Next match' }).isHidden()).resolves.toBe(true);
    await page.close();
  });
});
