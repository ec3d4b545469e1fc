import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { analyzeNetwork } from '@bridgework/graph-core';
import { loadEdgeList, stageProgress } from './analyze.js';
import { REPO_ROOT, runCli, withTempDir } from '../testing/run-cli.js';

const FLORENTINE = join(REPO_ROOT, 'fixtures/classic/nx_florentine_families/edges.tsv');
const KARATE = join(REPO_ROOT, 'fixtures/classic/nx_karate_club/edges.tsv');
const DEMO = ['people.csv', 'organisations.csv', 'events.csv', 'ties.csv'].map((f) => join(REPO_ROOT, 'fixtures/demo-town', f));

interface RefNode { id: string; [k: string]: number | string | null }
const reference = async (kind: string, network: string) =>
  JSON.parse(await readFile(join(REPO_ROOT, 'fixtures/reference', kind, `${network}.json`), 'utf8')) as { nodes: RefNode[] };

/**
 * PageRank of the Florentine families converged to NetworkX's limit: networkx 2.8.8
 * `pagerank(G, alpha=0.85, tol=1e-14, max_iter=1000, weight=None)`. The reference fixtures hold NetworkX's defaults
 * (tol 1e-6 per node), which stop 1.2e-6 short of these on Medici; `analyze` iterates to an L1 change of 1e-10.
 */
const FLORENTINE_PAGERANK_CONVERGED: Record<string, number> = {
  Acciaiuoli: 0.03065743737465679,
  Albizzi: 0.07912225286377969,
  Barbadori: 0.050300987112512366,
  Bischeri: 0.06886179561364933,
  Castellani: 0.06933017554536981,
  Ginori: 0.03241797164473277,
  Guadagni: 0.09839783336984012,
  Lamberteschi: 0.030909539591094666,
  Medici: 0.14581720499755002,
  Pazzi: 0.03605387222579428,
  Peruzzi: 0.06787531001372145,
  Ridolfi: 0.06957426654213877,
  Salviati: 0.061303228766588426,
  Strozzi: 0.08809843851921462,
  Tornabuoni: 0.07127968581935683,
};

describe('bridgework analyze', () => {
  it('analyses an edge list and agrees with NetworkX on every node', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'florentine.json');
      const r = await runCli(['analyze', '--edges', FLORENTINE, '--json', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const a = JSON.parse(await readFile(out, 'utf8'));
      expect(a.graph).toMatchObject({ nodes: 15, edges: 20, components: 1 });
      expect(a.parameters).toMatchObject({ betweenness: 'exact', closeness: 'exact' });
      expect(a.graph.communities).toBeGreaterThan(1);
      const top = Object.entries(a.nodes as Record<string, { betweenness: number }>).sort((x, y) => y[1].betweenness - x[1].betweenness)[0]!;
      expect(top[0]).toBe('Medici');
      const central = await reference('centrality', 'nx_florentine_families');
      const holes = await reference('structural-holes', 'nx_florentine_families');
      for (const ref of central.nodes) {
        const got = a.nodes[ref.id];
        expect(got.degree).toBe(ref.degree);
        expect(got.betweenness).toBeCloseTo(ref.betweenness as number, 9);
        expect(got.closeness).toBeCloseTo(ref.closeness as number, 9);
        // Converged PageRank to 1e-9; NetworkX's default stopping rule leaves its fixture values within 5e-6 of it.
        expect(got.pagerank).toBeCloseTo(FLORENTINE_PAGERANK_CONVERGED[ref.id]!, 9);
        expect(got.pagerank).toBeCloseTo(ref.pagerank as number, 5);
        expect(got.eigenvector).toBeCloseTo(ref.eigenvector as number, 6);
      }
      for (const ref of holes.nodes) {
        expect(a.nodes[ref.id].constraint).toBeCloseTo(ref.constraint as number, 9);
        expect(a.nodes[ref.id].effectiveSize).toBeCloseTo(ref.effective_size as number, 9);
      }
    });
  });

  it('uses the weight column with --weighted and can sample betweenness', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'karate.json');
      const r = await runCli(['analyze', '--edges', KARATE, '--weighted', '--betweenness', 'sampled:34', '--json', out]);
      expect(r.code).toBe(0);
      const a = JSON.parse(await readFile(out, 'utf8'));
      expect(a.parameters).toMatchObject({ weighted: true, betweenness: { sampled: 34 }, closeness: { sampled: 34 }, seed: 42 });
      const central = await reference('centrality', 'nx_karate_club');
      // K = n pivots is every source: the exact weighted values, closeness included.
      for (const ref of central.nodes) {
        expect(a.nodes[ref.id].betweenness).toBeCloseTo(ref.betweenness_weighted as number, 9);
        expect(a.nodes[ref.id].closeness).toBeCloseTo(ref.closeness_weighted as number, 9);
      }
      expect(a.nodes['0'].strength).toBe(central.nodes.find((n) => n.id === '0')!.strength);
    });
  });

  it('analyses the database with sector reach, brokers, isolates and a self-contained HTML report', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'town.db');
      expect((await runCli(['import', '--db', db, ...DEMO])).code).toBe(0);
      const json = join(dir, 'town.json');
      const html = join(dir, 'town.html');
      const r = await runCli(['analyze', '--db', db, '--now', '2026-11-01', '--json', json, '--html', html]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const a = JSON.parse(await readFile(json, 'utf8'));
      const people = (await readFile(DEMO[0]!, 'utf8')).trim().split('\n').length - 1;
      const orgs = (await readFile(DEMO[1]!, 'utf8')).trim().split('\n').length - 1;
      expect(a.graph.nodes).toBe(people + orgs); // events become weak ties between attendees
      expect(a.parameters.now).toBe('2026-11-01T00:00:00.000Z');
      expect(Object.values(a.info as Record<string, { type: string }>).filter((i) => i.type === 'person')).toHaveLength(people);
      const reachPeople = a.sectorReach.rows.reduce((s: number, row: { people: number }) => s + row.people, 0);
      expect(reachPeople).toBe(people);
      expect(a.sectorReach.sectors.map((s: { letter: string }) => s.letter)).toContain('I');
      expect(a.brokers.length).toBeGreaterThan(0);
      for (const b of a.brokers) expect(a.info[b.id].type).toBe('person');
      const page = await readFile(html, 'utf8');
      expect(page).toContain('Sector reach');
      expect(page).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    });
  });

  it('shows the searches of betweenness and closeness on the progress bar of a terminal', () => {
    let written = '';
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    let clock = 0;
    const io = { out: () => {}, err: () => {}, tty: true };
    // The bar redraws at most every 2 / fps seconds of real time: let a few milliseconds pass between updates.
    const progress = stageProgress(io, { stream, now: () => clock, fps: 1000 });
    const later = () => {
      const until = Date.now() + 3;
      while (Date.now() <= until);
      clock += 1000;
    };
    const g = loadEdgeList('a\tb\nb\tc\nc\td\n', 'path.tsv', false);
    const seen: string[] = [];
    analyzeNetwork(g, {
      onStage: (stage, index, total) => {
        later();
        progress.stage!(stage, index, total);
      },
      onProgress: (stage, done, total) => {
        seen.push(`${done}/${total}`);
        later();
        progress.within!(stage, done, total);
      },
    });
    progress.stop();
    const screen = written.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g, '\n');
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(screen).toContain('7/7 betweenness and closeness: 2/4 sources (50%), ~2 s left');
    expect(screen).toContain('7/7 betweenness and closeness: 4/4 sources (100%)');
    expect(screen).toContain('done');
    expect(stageProgress({ ...io, tty: false }).within).toBeUndefined();
  });

  it('refuses unclear requests with a usage error', async () => {
    const both = await runCli(['analyze', '--edges', FLORENTINE, '--db', 'x.db', '--json', 'x.json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('exactly one of --db PATH or --edges FILE');
    const mode = await runCli(['analyze', '--edges', FLORENTINE, '--betweenness', 'approx', '--json', 'x.json']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('--betweenness must be exact or sampled:K');
  });
});
