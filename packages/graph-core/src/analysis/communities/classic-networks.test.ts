/**
 * The community algorithms on the classic networks of fixtures/classic, against the reference results of NetworkX
 * 2.8 and python-igraph 0.10 stored in fixtures/reference/communities (made by scripts/reference/communities.py; the
 * tests only read them).
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { compactFromEdgeText } from '../../projection/edge-text.js';
import { leiden } from './leiden.js';
import { louvain } from './louvain.js';
import { modularity } from './modularity.js';
import { disconnectedPieces } from './test-graphs.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const CLASSIC = join(REPO_ROOT, 'fixtures/classic');
const REFERENCE = join(REPO_ROOT, 'fixtures/reference/communities');

interface Summary {
  modularity: number[];
  best: number;
  mean: number;
}

interface Variant {
  weighted: boolean;
  networkxLouvain: Summary & { bestSeed: number };
  partition: { communities: string[][]; modularity: Record<'0.5' | '1' | '2', number> };
  igraphMultilevel?: Summary;
  igraphLeiden?: Summary;
}

interface Reference {
  network: string;
  nodes: number;
  edges: number;
  variants: Record<string, Variant>;
}

interface Case {
  name: string;
  graph: CompactGraph;
  variant: Variant;
}

const NETWORKS = readdirSync(CLASSIC)
  .filter((name) => existsSync(join(CLASSIC, name, 'edges.tsv')))
  .sort();

/** Every classic network, unweighted and (where the file has weights) weighted, loaded as the reference script does. */
function loadCases(): Case[] {
  const cases: Case[] = [];
  for (const network of NETWORKS) {
    if (!existsSync(join(REFERENCE, `${network}.json`))) continue;
    const text = readFileSync(join(CLASSIC, network, 'edges.tsv'), 'utf8');
    const reference = JSON.parse(readFileSync(join(REFERENCE, `${network}.json`), 'utf8')) as Reference;
    for (const [key, variant] of Object.entries(reference.variants)) {
      // Repeated pairs: one edge when unweighted, summed weights when weighted (as the script merges them).
      const graph = variant.weighted ? compactFromEdgeText(text, { header: true, weightColumn: 2, merge: 'sum' }) : compactFromEdgeText(text, { header: true });
      if (graph.n !== reference.nodes || graph.m !== reference.edges) {
        throw new Error(`${network}: loaded ${graph.n} nodes and ${graph.m} edges, the reference has ${reference.nodes} and ${reference.edges}`);
      }
      cases.push({ name: `${network} (${key})`, graph, variant });
    }
  }
  return cases;
}

const cases = loadCases();
const SEEDS = Array.from({ length: 10 }, (_, i) => i);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('communities on the classic networks', () => {
  it('has a reference result for every classic network (else rerun scripts/reference/communities.py)', () => {
    expect(NETWORKS.filter((network) => !existsSync(join(REFERENCE, `${network}.json`)))).toEqual([]);
    expect(NETWORKS.length).toBeGreaterThanOrEqual(9);
    // Three of the nine have a weight column, so they are checked weighted as well.
    expect(cases.filter((c) => c.variant.weighted).length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.map((c) => [c.name, c] as const))('modularity agrees with NetworkX to 1e-12 on its best Louvain partition of %s', (_name, { graph, variant }) => {
    const membership = new Int32Array(graph.n).fill(-1);
    variant.partition.communities.forEach((members, c) => {
      for (const id of members) membership[graph.indexOf(id)] = c;
    });
    expect(membership.every((c) => c >= 0)).toBe(true);
    for (const resolution of ['0.5', '1', '2'] as const) {
      const ours = modularity(graph, membership, { resolution: Number(resolution), weighted: variant.weighted });
      expect(Math.abs(ours - variant.partition.modularity[resolution])).toBeLessThan(1e-12);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('louvain’s best of 10 seeds comes within 1%% of NetworkX’s best of 20 on %s', (_name, { graph, variant }) => {
    const ours = SEEDS.map((seed) => louvain(graph, { seed, weighted: variant.weighted }).modularity);
    const best = Math.max(...ours);
    expect(best).toBeGreaterThanOrEqual(0.99 * variant.networkxLouvain.best);
    // And on average over seeds it does as well as NetworkX's own average, give or take 1%.
    expect(mean(ours)).toBeGreaterThanOrEqual(0.99 * variant.networkxLouvain.mean);
  });

  it.each(cases.map((c) => [c.name, c] as const))('leiden returns only connected communities on %s', (_name, { graph, variant }) => {
    for (const seed of SEEDS) expect(disconnectedPieces(graph, leiden(graph, { seed, weighted: variant.weighted }).communities)).toBe(0);
  });

  it('leiden reaches a higher modularity than Louvain on average over the networks, and never much lower on one', () => {
    const gaps: number[] = [];
    for (const { graph, variant } of cases) {
      const byLeiden = mean(SEEDS.map((seed) => leiden(graph, { seed, weighted: variant.weighted }).modularity));
      const byLouvain = mean(SEEDS.map((seed) => louvain(graph, { seed, weighted: variant.weighted }).modularity));
      // On a network as small as the Florentine families both can settle in the same few local optima.
      expect(byLeiden).toBeGreaterThanOrEqual(0.995 * byLouvain);
      gaps.push(byLeiden - byLouvain);
    }
    expect(mean(gaps)).toBeGreaterThan(0);
    expect(gaps.filter((gap) => gap > 0).length).toBeGreaterThan(cases.length / 2);
  });

  it('leiden does as well as igraph’s Leiden on average and comes within 1% of NetworkX’s best Louvain', () => {
    for (const { graph, variant } of cases) {
      const ours = SEEDS.map((seed) => leiden(graph, { seed, weighted: variant.weighted }).modularity);
      if (variant.igraphLeiden) expect(mean(ours)).toBeGreaterThanOrEqual(0.995 * variant.igraphLeiden.mean);
      expect(Math.max(...ours)).toBeGreaterThanOrEqual(0.99 * variant.networkxLouvain.best);
    }
  });
});
