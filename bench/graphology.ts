/**
 * graphology for the benchmarks, loaded from graph-core's own dependency (the bench is not a package) and typed by
 * the few methods used here; plus the two-hop Adamic–Adar scan written the idiomatic way against its API.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface GraphologyUndirected {
  readonly order: number;
  readonly size: number;
  addNode(key: string): string;
  addEdge(source: string, target: string, attributes?: object): string;
  mergeEdge(source: string, target: string, attributes?: object): unknown;
  degree(node: string): number;
  forEachNeighbor(node: string, callback: (neighbor: string) => void): void;
}

interface GraphologyModule {
  UndirectedGraph: new (options?: { allowSelfLoops?: boolean; multi?: boolean }) => GraphologyUndirected;
}

const requireFromCore = createRequire(new URL('../packages/graph-core/package.json', import.meta.url));
export const graphology = requireFromCore('graphology') as GraphologyModule;
const entry = requireFromCore.resolve('graphology'); // <package>/dist/graphology.cjs.js
export const graphologyVersion = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Adamic–Adar scores of the nodes two hops from `u` (excluding u and its neighbours) through graphology's API:
 * `forEachNeighbor` and `degree` by string key, a Set of excluded keys and a Map of scores.
 */
export function adamicAdarGraphology(graph: GraphologyUndirected, u: string): Map<string, number> {
  const excluded = new Set<string>([u]);
  graph.forEachNeighbor(u, (z) => excluded.add(z));
  const scores = new Map<string, number>();
  graph.forEachNeighbor(u, (z) => {
    const degree = graph.degree(z);
    if (degree < 2) return;
    const w = 1 / Math.log(degree);
    graph.forEachNeighbor(z, (v) => {
      if (!excluded.has(v)) scores.set(v, (scores.get(v) ?? 0) + w);
    });
  });
  return scores;
}
