/**
 * Test support, not part of the library: the classic networks of fixtures/classic and their NetworkX reference values
 * in fixtures/reference/structural-holes, written by scripts/reference/structural_holes.py. It reads files, so only
 * tests import it; index.ts does not re-export it (graph-core itself does no I/O).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { compactFromEdgeText } from '../../projection/edge-text.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const REFERENCE_DIR = join(REPO_ROOT, 'fixtures/reference/structural-holes');

/** One node's NetworkX values. */
export interface ReferenceNode {
  id: string;
  degree: number;
  constraint: number | null;
  effective_size: number | null;
  efficiency: number | null;
  constraint_weighted: number | null;
  effective_size_weighted: number | null;
  efficiency_weighted: number | null;
  core_number: number;
}

/** A reference file. */
export interface Reference {
  network: string;
  source: string;
  networkx: string;
  command: string;
  weight_column: string | null;
  n: number;
  m: number;
  nodes: ReferenceNode[];
  /** [u, v, ℓ(u, v) unweighted, ℓ(u, v) weighted] for every ordered pair of adjacent nodes. */
  local_constraint: [string, string, number, number][];
  bridges: [string, string][];
  articulation_points: string[];
  components: string[][];
}

/** The names of the networks that have a reference file. */
export function referenceNetworks(): string[] {
  return readdirSync(REFERENCE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A network's reference values and its graph, built from its edges.tsv as the reference script builds it. */
export function loadReference(network: string): { ref: Reference; g: CompactGraph } {
  const ref = JSON.parse(readFileSync(join(REFERENCE_DIR, `${network}.json`), 'utf8')) as Reference;
  const text = readFileSync(join(REPO_ROOT, ref.source), 'utf8');
  const g = compactFromEdgeText(text, { header: true, delimiter: '\t', ...(ref.weight_column === null ? {} : { weightColumn: 2 }) });
  return { ref, g };
}

/** |actual − expected| ≤ tol · max(1, |expected|), with null ⇔ NaN/null. */
export function close(actual: number | null | undefined, expected: number | null, tol = 1e-9): boolean {
  if (expected === null) return actual === null || (typeof actual === 'number' && Number.isNaN(actual));
  if (typeof actual !== 'number') return false;
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}

/** Seeded PRNG (mulberry32) for randomised checks. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
