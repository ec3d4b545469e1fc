/**
 * Every directed measure against NetworkX 2.8.8 on an nx.DiGraph, on every node of the reference networks
 * (fixtures/reference/directed, written once by scripts/reference/directed.py; no Python is needed here):
 * SNAP email-Eu-core and two generated weighted digraphs with sinks, sources, repeated arcs and self-loops.
 */
import { describe, expect, it } from '@jest/globals';
import { directedBetweenness } from './betweenness.js';
import { directedCloseness } from './closeness.js';
import { directedDegrees } from './degree.js';
import type { DirectedCompactGraph } from './directed-graph.js';
import { directedEigenvector } from './eigenvector.js';
import { directedModularity } from './modularity.js';
import { directedPagerank } from './pagerank.js';
import {
  directedReferenceNetworks,
  loadDirectedReference,
  loadDirectedReferenceGraph,
  type DirectedReference,
  type DirectedReferenceNode,
} from './reference-fixtures.testing.js';
import { stronglyConnectedComponents } from './strong-components.js';
import { directedStructuralHoles } from './structural-holes.js';
import { weaklyConnectedComponents } from './weak-components.js';

type Measure = Exclude<keyof DirectedReferenceNode, 'id' | 'scc' | 'wcc' | 'directed_louvain'>;

/**
 * The nodes whose value differs from the reference by more than tol · max(1, |expected|) (absolute below 1), for a
 * readable failure; a null reference (NetworkX's NaN) must be matched by NaN.
 */
function mismatches(d: DirectedCompactGraph, ref: DirectedReference, measure: Measure, values: ArrayLike<number>, tol: number): string[] {
  const out: string[] = [];
  for (const node of ref.nodes) {
    const expected = node[measure];
    const i = d.indexOf(node.id);
    const actual = i < 0 ? NaN : values[i]!;
    if (expected === undefined) out.push(`${node.id}: no reference value`);
    else if (expected === null) {
      if (!Number.isNaN(actual)) out.push(`${node.id}: ${actual} ≠ NaN`);
    } else if (!(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)))) out.push(`${node.id}: ${actual} ≠ ${expected}`);
  }
  return out;
}

/** Canonical form of a partition: each node's label replaced by the first node (in index order) with that label. */
function firstMembers(labels: ArrayLike<number>): number[] {
  const first = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (!first.has(l)) first.set(l, i);
    out.push(first.get(l)!);
  }
  return out;
}

const networks = directedReferenceNetworks();

describe('the directed reference files', () => {
  it('cover email-Eu-core and the two generated digraphs', () => {
    expect(networks).toEqual(['integer_weights_40', 'random_weighted_30', 'snap_email_eu_core']);
  });
});

describe.each(networks)('directed measures of %s', (network) => {
  const ref = loadDirectedReference(network);
  const d = loadDirectedReferenceGraph(ref);

  it('come from NetworkX 2.8.8 on the same directed graph, node for node in the same order', () => {
    expect(ref.generator.networkx).toBe('2.8.8');
    expect(ref.directed).toBe(true);
    expect(d.n).toBe(ref.graph.nodes);
    expect(d.m).toBe(ref.graph.arcs);
    expect(ref.nodes.map((node) => node.id)).toEqual(d.ids);
    expect(ref.failures).toEqual({});
  });

  it('match NetworkX in/out degree, strength, G.degree and in/out degree centrality on every node', () => {
    const g = directedDegrees(d);
    expect(mismatches(d, ref, 'in_degree', g.inDegree, 0)).toEqual([]);
    expect(mismatches(d, ref, 'out_degree', g.outDegree, 0)).toEqual([]);
    expect(mismatches(d, ref, 'degree', g.degree, 0)).toEqual([]);
    expect(mismatches(d, ref, 'in_strength', g.inStrength, 1e-12)).toEqual([]);
    expect(mismatches(d, ref, 'out_strength', g.outStrength, 1e-12)).toEqual([]);
    expect(mismatches(d, ref, 'strength', g.strength, 1e-12)).toEqual([]);
    expect(mismatches(d, ref, 'in_degree_centrality', g.inCentrality, 1e-15)).toEqual([]);
    expect(mismatches(d, ref, 'out_degree_centrality', g.outCentrality, 1e-15)).toEqual([]);
  });

  it('match NetworkX exact directed betweenness on every node to 1e-9, unweighted and with distance 1/weight', () => {
    expect(mismatches(d, ref, 'betweenness', directedBetweenness(d), 1e-9)).toEqual([]);
    expect(mismatches(d, ref, 'betweenness_weighted', directedBetweenness(d, { weighted: true }), 1e-9)).toEqual([]);
  });

  it('match NetworkX closeness (incoming distance, Wasserman–Faust) on every node to 1e-9, unweighted and weighted', () => {
    expect(mismatches(d, ref, 'closeness', directedCloseness(d), 1e-9)).toEqual([]);
    expect(mismatches(d, ref, 'closeness_weighted', directedCloseness(d, { weighted: true }), 1e-9)).toEqual([]);
  });

  it('match NetworkX PageRank with dangling nodes on every node to 1e-6, unweighted and weighted', () => {
    const plain = directedPagerank(d, { weighted: false });
    const weighted = directedPagerank(d);
    expect(plain.converged && weighted.converged).toBe(true);
    expect(mismatches(d, ref, 'pagerank', plain.scores, 1e-6)).toEqual([]);
    expect(mismatches(d, ref, 'pagerank_weighted', weighted.scores, 1e-6)).toEqual([]);
  });

  it('match NetworkX left-eigenvector centrality on every node to 1e-6, unweighted and weighted', () => {
    const plain = directedEigenvector(d);
    const weighted = directedEigenvector(d, { weighted: true });
    expect(plain.converged && weighted.converged).toBe(true);
    expect(mismatches(d, ref, 'eigenvector', plain.scores, 1e-6)).toEqual([]);
    expect(mismatches(d, ref, 'eigenvector_weighted', weighted.scores, 1e-6)).toEqual([]);
  });

  it("match NetworkX's DiGraph constraint and effective size on every node to 1e-9, sinks undefined as in NetworkX", () => {
    const plain = directedStructuralHoles(d);
    const weighted = directedStructuralHoles(d, { weighted: true });
    expect(mismatches(d, ref, 'constraint', plain.constraint, 1e-9)).toEqual([]);
    expect(mismatches(d, ref, 'effective_size', plain.effectiveSize, 1e-9)).toEqual([]);
    expect(mismatches(d, ref, 'constraint_weighted', weighted.constraint, 1e-9)).toEqual([]);
    expect(mismatches(d, ref, 'effective_size_weighted', weighted.effectiveSize, 1e-9)).toEqual([]);
    // NetworkX leaves every node without out-arcs undefined, and only those.
    const sinks = ref.nodes.filter((node) => node.out_degree === 0).map((node) => node.id);
    expect(ref.nodes.filter((node) => node.constraint === null).map((node) => node.id)).toEqual(sinks);
  });

  it('find the same weakly and strongly connected components as NetworkX', () => {
    const weak = weaklyConnectedComponents(d);
    const strong = stronglyConnectedComponents(d);
    expect(weak.count).toBe(ref.graph.weakly_connected_components);
    expect(strong.count).toBe(ref.graph.strongly_connected_components);
    expect(firstMembers(weak.component)).toEqual(ref.nodes.map((node) => d.indexOf(node.wcc)));
    expect(firstMembers(strong.component)).toEqual(ref.nodes.map((node) => d.indexOf(node.scc)));
  });

  it("score NetworkX's directed Louvain partition with NetworkX's directed modularity to 1e-12", () => {
    const [partition] = ref.partitions;
    const membership = ref.nodes.map((node) => node.directed_louvain);
    const q = partition!.modularity;
    expect(directedModularity(d, membership)).toBeCloseTo(q['weighted_resolution_1']!, 12);
    expect(directedModularity(d, membership, { resolution: 0.5 })).toBeCloseTo(q['weighted_resolution_0.5']!, 12);
    expect(directedModularity(d, membership, { weighted: false })).toBeCloseTo(q['unweighted_resolution_1']!, 12);
    expect(directedModularity(d, membership, { weighted: false, resolution: 0.5 })).toBeCloseTo(q['unweighted_resolution_0.5']!, 12);
  });
});
