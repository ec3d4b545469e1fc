/**
 * Test support, not part of the library: loads the NetworkX 2.8.8 reference values written by
 * `scripts/reference/directed.py` (fixtures/reference/directed/*.json) and the edge lists they were computed from. It
 * reads files, so only the tests import it; index.ts does not re-export it (graph-core itself does no I/O).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { directedFromEdgeText, type DirectedCompactGraph } from './directed-graph.js';

/** The repository root (five levels above this folder). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const REFERENCE_DIR = join(REPO_ROOT, 'fixtures/reference/directed');

/** One node's reference values, as the Python script names them; null where NetworkX gives NaN. */
export interface DirectedReferenceNode {
  id: string;
  in_degree: number;
  out_degree: number;
  degree: number;
  in_strength: number;
  out_strength: number;
  strength: number;
  in_degree_centrality: number;
  out_degree_centrality: number;
  betweenness: number;
  betweenness_weighted: number;
  closeness: number;
  closeness_weighted: number;
  pagerank: number;
  pagerank_weighted: number;
  eigenvector?: number;
  eigenvector_weighted?: number;
  constraint: number | null;
  effective_size: number | null;
  constraint_weighted: number | null;
  effective_size_weighted: number | null;
  /** First node (in node order) of the node's strongly connected component. */
  scc: string;
  /** First node (in node order) of the node's weakly connected component. */
  wcc: string;
  /** Community of the node in NetworkX's directed Louvain (seed 0), numbered by first node. */
  directed_louvain: number;
}

/** A reference file. */
export interface DirectedReference {
  network: string;
  /** Edge list path relative to the repository root. */
  edges: string;
  /** 0-based weight column of the edge list, null when unweighted. */
  weightColumn: number | null;
  directed: true;
  graph: { nodes: number; arcs: number; weakly_connected_components: number; strongly_connected_components: number };
  generator: { command: string; networkx: string };
  failures: Record<string, string>;
  partitions: { name: string; communities: number; modularity: Record<string, number> }[];
  nodes: DirectedReferenceNode[];
}

/** Names of the networks with reference values, sorted. */
export function directedReferenceNetworks(): string[] {
  return readdirSync(REFERENCE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A reference file by network name. */
export function loadDirectedReference(network: string): DirectedReference {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, `${network}.json`), 'utf8')) as DirectedReference;
}

/** The text of a file given relative to the repository root. */
export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

/** The DirectedCompactGraph of a reference's edge list, built the way the script builds its nx.DiGraph. */
export function loadDirectedReferenceGraph(ref: DirectedReference): DirectedCompactGraph {
  const text = readRepoFile(ref.edges);
  return directedFromEdgeText(text, ref.weightColumn === null ? { header: true } : { header: true, weightColumn: ref.weightColumn });
}
