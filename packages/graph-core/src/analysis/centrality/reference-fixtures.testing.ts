/**
 * Test support, not part of the library: loads the NetworkX reference values written by
 * `scripts/reference/centrality.py` (fixtures/reference/centrality/*.json) and the edge lists they were computed
 * from. It reads files, so only the tests import it; index.ts does not re-export it (graph-core itself does no I/O).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactFromEdgeText } from '../../projection/edge-text.js';
import type { CompactGraph } from '../../projection/compact-graph.js';

/** The repository root (five levels above this folder). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const REFERENCE_DIR = join(REPO_ROOT, 'fixtures/reference/centrality');

/** One node's reference values, as the Python script names them. */
export interface ReferenceNode {
  id: string;
  degree: number;
  strength: number;
  degree_centrality: number;
  betweenness: number;
  betweenness_weighted: number;
  closeness: number;
  closeness_weighted: number;
  pagerank: number;
  pagerank_weighted: number;
  eigenvector?: number;
  eigenvector_weighted?: number;
}

/** A reference file. */
export interface Reference {
  network: string;
  /** Edge list path relative to the repository root. */
  edges: string;
  /** 0-based weight column of the edge list, null when unweighted. */
  weightColumn: number | null;
  graph: { nodes: number; edges: number };
  generator: { command: string; networkx: string };
  nodes: ReferenceNode[];
}

/** Names of the networks with reference values, sorted. */
export function referenceNetworks(): string[] {
  return readdirSync(REFERENCE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A reference file by network name. */
export function loadReference(network: string): Reference {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, `${network}.json`), 'utf8')) as Reference;
}

/** The CompactGraph of a reference's edge list, built the way the script builds its nx.Graph. */
export function loadReferenceGraph(ref: Reference): CompactGraph {
  const text = readFileSync(join(REPO_ROOT, ref.edges), 'utf8');
  return compactFromEdgeText(text, ref.weightColumn === null ? { header: true } : { header: true, weightColumn: ref.weightColumn });
}
