/**
 * Every centrality against NetworkX 2.8.8 on every node of the reference networks (fixtures/reference/centrality,
 * written once by scripts/reference/centrality.py; no Python is needed here).
 */
import { describe, expect, it } from '@jest/globals';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { betweennessCentrality, closenessCentrality, degreeCentrality, eigenvectorCentrality, pagerank } from './index.js';
import { loadReference, loadReferenceGraph, referenceNetworks, type Reference, type ReferenceNode } from './reference-fixtures.testing.js';

type Measure = Exclude<keyof ReferenceNode, 'id'>;

/** The nodes whose value differs from the reference by more than `tol` (absolute), for a readable failure. */
function mismatches(graph: CompactGraph, ref: Reference, measure: Measure, values: ArrayLike<number>, tol: number): string[] {
  const out: string[] = [];
  for (const node of ref.nodes) {
    const expected = node[measure];
    const i = graph.indexOf(node.id);
    const actual = i < 0 ? NaN : values[i]!;
    if (expected === undefined || !(Math.abs(actual - expected) <= tol)) out.push(`${node.id}: ${actual} ≠ ${expected}`);
  }
  return out;
}

const networks = referenceNetworks();

describe('the reference files', () => {
  it('cover the nine classic networks and netscience', () => {
    expect(networks).toHaveLength(10);
    expect(networks).toContain('netscience_coauthorship');
    expect(networks).toContain('nx_florentine_families');
  });
});

describe.each(networks)('centralities of %s', (network) => {
  const ref = loadReference(network);
  const graph = loadReferenceGraph(ref);

  it('come from NetworkX 2.8.8 on the same graph', () => {
    expect(ref.generator.networkx).toBe('2.8.8');
    expect(graph.n).toBe(ref.graph.nodes);
    expect(graph.m).toBe(ref.graph.edges);
    expect(ref.nodes).toHaveLength(graph.n);
  });

  it('match NetworkX degree, strength and degree centrality on every node', () => {
    const d = degreeCentrality(graph);
    expect(mismatches(graph, ref, 'degree', d.degree, 0)).toEqual([]);
    expect(mismatches(graph, ref, 'strength', d.strength, 1e-12)).toEqual([]);
    expect(mismatches(graph, ref, 'degree_centrality', d.centrality, 1e-15)).toEqual([]);
  });

  it('match NetworkX exact betweenness on every node to 1e-9, unweighted and with distance 1/weight', () => {
    expect(mismatches(graph, ref, 'betweenness', betweennessCentrality(graph), 1e-9)).toEqual([]);
    expect(mismatches(graph, ref, 'betweenness_weighted', betweennessCentrality(graph, { weighted: true }), 1e-9)).toEqual([]);
  });

  it('match NetworkX closeness (Wasserman–Faust) on every node to 1e-9, unweighted and with distance 1/weight', () => {
    expect(mismatches(graph, ref, 'closeness', closenessCentrality(graph), 1e-9)).toEqual([]);
    expect(mismatches(graph, ref, 'closeness_weighted', closenessCentrality(graph, { weighted: true }), 1e-9)).toEqual([]);
  });

  it('match NetworkX PageRank on every node to 1e-12, unweighted and weighted', () => {
    const plain = pagerank(graph, { weighted: false });
    const weighted = pagerank(graph);
    expect(plain.converged && weighted.converged).toBe(true);
    expect(mismatches(graph, ref, 'pagerank', plain.scores, 1e-12)).toEqual([]);
    expect(mismatches(graph, ref, 'pagerank_weighted', weighted.scores, 1e-12)).toEqual([]);
  });

  it('match NetworkX eigenvector centrality on every node to 1e-12, unweighted and weighted', () => {
    const plain = eigenvectorCentrality(graph);
    const weighted = eigenvectorCentrality(graph, { weighted: true });
    expect(plain.converged && weighted.converged).toBe(true);
    expect(mismatches(graph, ref, 'eigenvector', plain.scores, 1e-12)).toEqual([]);
    expect(mismatches(graph, ref, 'eigenvector_weighted', weighted.scores, 1e-12)).toEqual([]);
  });
});
