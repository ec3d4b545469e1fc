/**
 * A directed graph holding both arcs of every edge of an undirected graph must give the undirected measures (the
 * undirected analysis is tested against NetworkX separately): an independent check of every directed routine on
 * two weighted classic networks.
 */
import { describe, expect, it } from '@jest/globals';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { compactFromEdgeText } from '../../projection/edge-text.js';
import { betweennessCentrality, closenessCentrality, eigenvectorCentrality, pagerank } from '../centrality/index.js';
import { louvain, modularity } from '../communities/index.js';
import { structuralHoles } from '../structural-holes/index.js';
import { compactConnectedComponents } from '../structure/index.js';
import { directedBetweenness } from './betweenness.js';
import { directedCloseness } from './closeness.js';
import { directedDegrees } from './degree.js';
import { directedFromEdges, symmetrise, type DirectedCompactGraph } from './directed-graph.js';
import { directedEigenvector } from './eigenvector.js';
import { directedModularity } from './modularity.js';
import { directedPagerank } from './pagerank.js';
import { readRepoFile } from './reference-fixtures.testing.js';
import { stronglyConnectedComponents } from './strong-components.js';
import { directedStructuralHoles } from './structural-holes.js';
import { weaklyConnectedComponents } from './weak-components.js';

/** Both arcs of every edge of g. */
function bothWays(g: CompactGraph): DirectedCompactGraph {
  const sources = new Uint32Array(g.neighbours.length);
  for (let i = 0; i < g.n; i++) sources.fill(i, g.offsets[i]!, g.offsets[i + 1]!);
  return directedFromEdges(sources, g.neighbours, g.weights, g.n, g.ids);
}

/** Largest |a − b| · / max(1, |b|) over the entries, NaN matching NaN. */
function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let err = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    const e = Math.abs(x - y) / Math.max(1, Math.abs(y));
    err = Number.isNaN(e) ? Infinity : Math.max(err, e);
  }
  return err;
}

describe.each([
  ['nx_les_miserables', 'fixtures/classic/nx_les_miserables/edges.tsv'],
  ['zachary_karate_ucinet_weighted', 'fixtures/classic/zachary_karate_ucinet_weighted/edges.tsv'],
])('a digraph with both arcs of every edge of %s', (_name, path) => {
  const g = compactFromEdgeText(readRepoFile(path), { header: true, weightColumn: 2 });
  const d = bothWays(g);

  it('has twice the arcs and symmetrises back to the same graph', () => {
    expect(d.m).toBe(2 * g.m);
    const back = symmetrise(d);
    expect(Array.from(back.neighbours)).toEqual(Array.from(g.neighbours));
    expect(Array.from(back.weights)).toEqual(Array.from(g.weights));
  });

  it('has in = out = the undirected degree, contacts = degree and G.degree = twice it', () => {
    const deg = directedDegrees(d);
    for (let i = 0; i < g.n; i++) {
      expect([deg.inDegree[i], deg.outDegree[i], deg.contacts[i], deg.degree[i]]).toEqual([g.degree(i), g.degree(i), g.degree(i), 2 * g.degree(i)]);
    }
  });

  it('gives the undirected betweenness and closeness, unweighted and weighted, to 1e-12', () => {
    for (const weighted of [false, true]) {
      expect(worst(directedBetweenness(d, { weighted }), betweennessCentrality(g, { weighted }))).toBeLessThan(1e-12);
      // Unnormalised, the directed sum counts each unordered pair twice (NetworkX halves only the undirected sums).
      const twice = betweennessCentrality(g, { weighted, normalized: false }).map((x) => 2 * x);
      expect(worst(directedBetweenness(d, { weighted, normalized: false }), twice)).toBeLessThan(1e-12);
      expect(worst(directedCloseness(d, { weighted }), closenessCentrality(g, { weighted }))).toBeLessThan(1e-12);
    }
  });

  it('gives the undirected PageRank and eigenvector centrality, unweighted and weighted, to 1e-12', () => {
    for (const weighted of [false, true]) {
      expect(worst(directedPagerank(d, { weighted }).scores, pagerank(g, { weighted }).scores)).toBeLessThan(1e-12);
      expect(worst(directedEigenvector(d, { weighted }).scores, eigenvectorCentrality(g, { weighted }).scores)).toBeLessThan(1e-12);
    }
  });

  it("gives the undirected Burt measures (mutual weight 2w; Borgatti's shortcut equals the general formula)", () => {
    for (const weighted of [false, true]) {
      const dir = directedStructuralHoles(d, { weighted });
      const und = structuralHoles(g, { weighted });
      expect(worst(dir.constraint, und.constraint)).toBeLessThan(1e-12);
      expect(worst(dir.effectiveSize, und.effectiveSize)).toBeLessThan(1e-12);
      expect(worst(dir.efficiency, und.efficiency)).toBeLessThan(1e-12);
      expect(worst(dir.hierarchy, und.hierarchy)).toBeLessThan(1e-12);
    }
  });

  it('has its weak and strong components equal to the undirected components', () => {
    const und = compactConnectedComponents(g);
    expect(Array.from(weaklyConnectedComponents(d).component)).toEqual(Array.from(und.component));
    expect(Array.from(stronglyConnectedComponents(d).component)).toEqual(Array.from(und.component));
  });

  it('gives any partition its undirected modularity', () => {
    const { communities } = louvain(g, { seed: 3 });
    for (const weighted of [false, true]) {
      for (const resolution of [0.5, 1, 2]) {
        expect(directedModularity(d, communities, { weighted, resolution })).toBeCloseTo(modularity(g, communities, { weighted, resolution }), 12);
      }
    }
  });
});
