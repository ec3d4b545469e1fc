import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { analyzeNetwork } from '@bridgework/graph-core';
import { loadEdgeList, stageProgress } from './analyze.js';
import { REPO_ROOT, runCli, withTempDir } from '../testing/run-cli.js';

const FLORENTINE = join(REPO_ROOT, 'fixtures/classic/nx_florentine_families/edges.tsv');
const KARATE = join(REPO_ROOT, 'fixtures/classic/nx_karate_club/edges.tsv');
const EMAIL = join(REPO_ROOT, 'fixtures/real/snap_email_eu_core/edges.tsv');
const WEIGHTED_DIGRAPH = join(REPO_ROOT, 'fixtures/reference/directed/random_weighted_30.edges.tsv');
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

  it('analyses email-Eu-core as a directed network and agrees with NetworkX 2.8.8 on a DiGraph', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'email.json');
      const html = join(dir, 'email.html');
      const r = await runCli(['analyze', '--edges', EMAIL, '--directed', '--json', out, '--html', html]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Analysed 1005 nodes, 24929 arcs (directed): 20 weakly and 203 strongly connected components');
      const a = JSON.parse(await readFile(out, 'utf8'));
      const ref = await reference('directed', 'snap_email_eu_core');
      expect(a.graph).toMatchObject({ nodes: 1005, edges: 24929, components: 20, stronglyConnectedComponents: 203 });
      expect(a.parameters).toEqual({ weighted: false, directed: true, betweenness: 'exact', closeness: 'exact', seed: 42 });
      expect(Object.keys(a.nodes)).toHaveLength(ref.nodes.length);
      // Named spot checks: the three top relays by betweenness, and node 1, a sink (no arc out: NetworkX leaves Burt's measures undefined).
      expect(a.nodes['160']).toMatchObject({ inDegree: 211, outDegree: 333, degree: 544 });
      expect(a.nodes['160'].betweenness).toBeCloseTo(0.07212078608028884, 9);
      expect(a.nodes['86'].closeness).toBeCloseTo(0.423034390478414, 9);
      expect(a.nodes['5'].effectiveSize).toBeCloseTo(152.68705035971217, 9);
      expect(a.nodes['1']).toMatchObject({ inDegree: 50, outDegree: 0, constraint: null, effectiveSize: null, efficiency: null, hierarchy: null });
      for (const node of ref.nodes) {
        const got = a.nodes[node.id];
        expect([got.inDegree, got.outDegree, got.degree, got.strength]).toEqual([node.in_degree, node.out_degree, node.degree, node.strength]);
        expect(got.betweenness).toBeCloseTo(node.betweenness as number, 9);
        expect(got.closeness).toBeCloseTo(node.closeness as number, 9);
        expect(got.constraint === null).toBe(node.constraint === null);
        if (node.constraint !== null) {
          expect(got.constraint).toBeCloseTo(node.constraint as number, 9);
          expect(got.effectiveSize).toBeCloseTo(node.effective_size as number, 9);
        }
        expect(got.eigenvector).toBeCloseTo(node.eigenvector as number, 6);
        // NetworkX's PageRank stops at an L1 change below n · 1e-6 (up to 1.8% off here); analyze iterates to 1e-10.
        expect(Math.abs(got.pagerank - (node.pagerank as number))).toBeLessThan(5e-5);
      }
      const page = await readFile(html, 'utf8');
      expect(page).toContain('Bridgework network analysis — directed');
      expect(page).toContain('<dt>Strong components</dt><dd>203</dd>');
      expect(page).toContain('Closeness exact (incoming)');
      expect(page).toContain('In-degree');
      expect(page).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    });
  });

  it('analyses a weighted directed edge list: with K ≥ n pivots, NetworkX\'s exact weighted values', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'digraph.json');
      const r = await runCli(['analyze', '--edges', WEIGHTED_DIGRAPH, '--directed', '--weighted', '--betweenness', 'sampled:30', '--seed', '3', '--json', out]);
      expect(r.code).toBe(0);
      const a = JSON.parse(await readFile(out, 'utf8'));
      expect(a.parameters).toEqual({ weighted: true, directed: true, betweenness: { sampled: 30 }, closeness: 'exact', seed: 3 });
      const ref = await reference('directed', 'random_weighted_30');
      for (const node of ref.nodes) {
        const got = a.nodes[node.id];
        expect(got.strength).toBeCloseTo(node.strength as number, 12);
        expect(got.betweenness).toBeCloseTo(node.betweenness_weighted as number, 9);
        expect(got.closeness).toBeCloseTo(node.closeness_weighted as number, 9);
        if (node.constraint_weighted === null) expect(got.constraint).toBeNull();
        else expect(got.constraint).toBeCloseTo(node.constraint_weighted as number, 9);
      }
    });
  });

  it('refuses bad combinations with --directed: usage errors exit 2, bad input exits 1, and nothing is written', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'x.json');
      const db = await runCli(['analyze', '--db', join(dir, 'town.db'), '--directed', '--json', out]);
      expect(db.code).toBe(2);
      expect(db.stderr).toContain('--directed works with --edges only');
      const neither = await runCli(['analyze', '--directed', '--json', out]);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toContain('exactly one of --db PATH or --edges FILE');
      const now = await runCli(['analyze', '--edges', EMAIL, '--directed', '--now', '2026-11-01', '--json', out]);
      expect(now.code).toBe(2);
      expect(now.stderr).toContain('--now applies to --db only');
      const sampled = await runCli(['analyze', '--edges', EMAIL, '--directed', '--betweenness', 'sampled:0', '--json', out]);
      expect(sampled.code).toBe(2);
      expect(sampled.stderr).toContain('--betweenness must be exact or sampled:K with K ≥ 1');
      const unweighted = await runCli(['analyze', '--edges', EMAIL, '--directed', '--weighted', '--json', out]);
      expect(unweighted.code).toBe(1);
      expect(unweighted.stderr).toContain('has no weight column (columns: from, to)');
      const missing = await runCli(['analyze', '--edges', join(dir, 'nope.tsv'), '--directed', '--json', out]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('ENOENT');
      await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
    });
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
