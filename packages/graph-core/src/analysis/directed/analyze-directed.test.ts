import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../../errors.js';
import { compactFromEdgeText } from '../../projection/edge-text.js';
import { louvain, modularity } from '../communities/index.js';
import { ANALYZE_DIRECTED_DEFAULTS, DIRECTED_ANALYSIS_STAGES, analyzeDirectedNetwork, directedNetworkAnalysisJson } from './analyze-directed.js';
import { directedBetweenness } from './betweenness.js';
import { directedFromEdgeText } from './directed-graph.js';
import { directedPagerank } from './pagerank.js';
import { loadDirectedReference, readRepoFile } from './reference-fixtures.testing.js';

const EMAIL = 'fixtures/real/snap_email_eu_core/edges.tsv';
const text = readRepoFile(EMAIL);
const d = directedFromEdgeText(text, { header: true });

describe('analyzeDirectedNetwork on email-Eu-core', () => {
  const stages: string[] = [];
  const m = analyzeDirectedNetwork(d, { onStage: (stage, index, total) => stages.push(`${index + 1}/${total} ${stage}`) });
  const json = directedNetworkAnalysisJson(m, { now: '2026-11-01T00:00:00.000Z' });
  const ref = loadDirectedReference('snap_email_eu_core');
  const byId = new Map(ref.nodes.map((node) => [node.id, node]));
  const converged = directedPagerank(d, { weighted: false, tol: 0, maxIter: 5000 }).scores;

  it('reports every stage once, in order', () => {
    expect(stages).toEqual(DIRECTED_ANALYSIS_STAGES.map((s, i) => `${i + 1}/${DIRECTED_ANALYSIS_STAGES.length} ${s}`));
  });

  it('describes the graph: nodes, distinct arcs, weak and strong components, communities, both modularities', () => {
    expect(json.graph.nodes).toBe(1005);
    expect(json.graph.edges).toBe(24929); // 25,571 lines less 642 self-loops
    expect(json.graph.components).toBe(ref.graph.weakly_connected_components);
    expect(json.graph.stronglyConnectedComponents).toBe(ref.graph.strongly_connected_components);
    expect(json.graph.communities).toBe(m.partition.count);
    expect(json.graph.modularity).toBeGreaterThan(0.3);
    expect(json.graph.directedModularity).toBeGreaterThan(0.3);
    expect(json.parameters).toEqual({ weighted: false, directed: true, betweenness: 'exact', closeness: 'exact', seed: 42, now: '2026-11-01T00:00:00.000Z' });
    expect(m.warnings).toEqual([]);
  });

  it('gives each node in/out degree and NetworkX G.degree = in + out, with the reference values', () => {
    expect(Object.keys(json.nodes)).toEqual(d.ids);
    for (const [id, node] of Object.entries(json.nodes)) {
      const r = byId.get(id)!;
      expect([node.inDegree, node.outDegree, node.degree, node.strength]).toEqual([r.in_degree, r.out_degree, r.degree, r.strength]);
      expect(node.betweenness).toBeCloseTo(r.betweenness, 9);
      expect(node.closeness).toBeCloseTo(r.closeness, 9);
      // NetworkX stops at an L1 change below n · 1e-6 (its PageRank is up to 1.8% off here); ours iterates to 1e-10.
      expect(Math.abs(node.pagerank - r.pagerank)).toBeLessThan(5e-5);
      expect(node.pagerank).toBeCloseTo(converged[d.indexOf(id)]!, 9);
      expect(node.eigenvector).toBeCloseTo(r.eigenvector!, 6);
      expect(node.constraint === null).toBe(r.constraint === null);
      if (node.constraint !== null) expect(node.constraint).toBeCloseTo(r.constraint!, 9);
    }
  });

  it('leaves the 181 nodes without out-arcs (162 sinks, 19 isolated) null in all of Burt’s measures, as NetworkX', () => {
    const sinks = Object.values(json.nodes).filter((node) => node.outDegree === 0);
    expect(sinks).toHaveLength(181);
    expect(sinks.filter((node) => node.inDegree! > 0)).toHaveLength(162);
    for (const node of sinks) expect([node.constraint, node.effectiveSize, node.efficiency, node.hierarchy]).toEqual([null, null, null, null]);
    // Efficiency is effective size per contact (predecessors ∪ successors).
    for (let i = 0; i < d.n; i++) {
      const e = m.holes.effectiveSize[i]!;
      if (!Number.isNaN(e)) expect(m.holes.efficiency[i]).toBeCloseTo(e / m.degrees.contacts[i]!, 12);
    }
  });

  it('finds the communities the undirected analysis of the same file finds with the same seed', () => {
    const g = compactFromEdgeText(text, { header: true });
    const und = louvain(g, { seed: ANALYZE_DIRECTED_DEFAULTS.seed, weighted: false, resolution: 1 });
    expect(Array.from(m.partition.communities)).toEqual(Array.from(und.communities));
    expect(json.graph.modularity).toBeCloseTo(modularity(g, und.communities, { weighted: false }), 12);
  });
});

describe('analyzeDirectedNetwork options', () => {
  const small = directedFromEdgeText(readRepoFile('fixtures/reference/directed/random_weighted_30.edges.tsv'), { header: true, weightColumn: 2 });

  it('computes Burt’s measures for sinks from their in-contacts with networkxSinks: false', () => {
    const m = analyzeDirectedNetwork(small, { networkxSinks: false });
    const sink = small.indexOf('v20');
    expect(small.outDegree(sink)).toBe(0);
    expect(m.holes.constraint[sink]).toBeGreaterThan(0);
    expect(m.holes.effectiveSize[sink]).toBeGreaterThan(0);
    expect(Number.isNaN(m.holes.constraint[small.indexOf('v29')]!)).toBe(true); // no contact at all
  });

  it('uses the arc weights everywhere with weighted: true', () => {
    const m = analyzeDirectedNetwork(small, { weighted: true });
    expect(Array.from(m.betweenness)).toEqual(Array.from(directedBetweenness(small, { weighted: true })));
    expect(directedNetworkAnalysisJson(m).parameters.weighted).toBe(true);
  });

  it('samples betweenness from K seeded pivots, and gives the exact values when K ≥ n', () => {
    const a = analyzeDirectedNetwork(small, { betweenness: { sampled: 10 }, seed: 5 });
    const b = analyzeDirectedNetwork(small, { betweenness: { sampled: 10 }, seed: 5 });
    expect(Array.from(a.betweenness)).toEqual(Array.from(b.betweenness));
    expect(Array.from(a.betweenness)).not.toEqual(Array.from(directedBetweenness(small)));
    const all = analyzeDirectedNetwork(small, { betweenness: { sampled: 100 } });
    expect(Array.from(all.betweenness)).toEqual(Array.from(directedBetweenness(small)));
    expect(directedNetworkAnalysisJson(a).parameters.betweenness).toEqual({ sampled: 10 });
  });

  it('keeps closeness exact with sampled betweenness, and says so in the parameters', () => {
    const sampled = analyzeDirectedNetwork(small, { betweenness: { sampled: 5 }, seed: 3 });
    expect(Array.from(sampled.closeness)).toEqual(Array.from(analyzeDirectedNetwork(small).closeness));
    expect(directedNetworkAnalysisJson(sampled).parameters).toMatchObject({ betweenness: { sampled: 5 }, closeness: 'exact' });
  });

  it('reports progress through the closeness and betweenness searches, ending at the total of each', () => {
    const seen: [string, number, number][] = [];
    analyzeDirectedNetwork(small, { betweenness: { sampled: 7 }, onProgress: (stage, done, total) => seen.push([stage, done, total]) });
    const closeness = seen.filter(([s]) => s === 'closeness');
    const betweenness = seen.filter(([s]) => s === 'betweenness');
    expect(closeness.at(-1)).toEqual(['closeness', small.n, small.n]);
    expect(betweenness.at(-1)).toEqual(['betweenness', 7, 7]);
    expect(closeness.map(([, done]) => done)).toEqual([...closeness.map(([, done]) => done)].sort((a, b) => a - b));
    expect(seen.findIndex(([s]) => s === 'betweenness')).toBeGreaterThan(seen.findIndex(([s]) => s === 'closeness'));
  });

  it("iterates PageRank to the undirected analysis's L1 rule by default, and to NetworkX's with pagerankTol: 1e-6", () => {
    const ref = loadDirectedReference('random_weighted_30');
    const tight = analyzeDirectedNetwork(small);
    const nx = analyzeDirectedNetwork(small, { pagerankTol: 1e-6 });
    const exact = directedPagerank(small, { weighted: false, tol: 0, maxIter: 2000 }).scores;
    let tightError = 0;
    let nxError = 0;
    for (let i = 0; i < small.n; i++) {
      tightError += Math.abs(tight.pagerank[i]! - exact[i]!);
      nxError += Math.abs(nx.pagerank[i]! - exact[i]!);
    }
    expect(tightError).toBeLessThan(1e-9);
    expect(nxError).toBeGreaterThan(tightError);
    for (const node of ref.nodes) {
      expect(nx.pagerank[small.indexOf(node.id)]).toBeCloseTo(node.pagerank, 12);
      expect(Math.abs(tight.pagerank[small.indexOf(node.id)]! - node.pagerank)).toBeLessThan(5e-5); // NetworkX's own error
    }
  });

  it('runs Leiden when asked, and rejects bad options', () => {
    expect(analyzeDirectedNetwork(small, { communities: 'leiden' }).partition.count).toBeGreaterThan(1);
    expect(() => analyzeDirectedNetwork(small, { betweenness: { sampled: 0 } })).toThrow(BridgeworkError);
    expect(() => analyzeDirectedNetwork(small, { communities: 'spectral' as 'louvain' })).toThrow(BridgeworkError);
  });
});
