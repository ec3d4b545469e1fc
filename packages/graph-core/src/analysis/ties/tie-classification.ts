/**
 * Strong and weak ties, from tie strength and embeddedness.
 *
 * Granovetter (1973, "The strength of weak ties", American Journal of Sociology 78:1360–1380) defines a tie's strength
 * by time, emotional intensity, intimacy and reciprocity, and argues that strong ties sit inside closed groups —
 * their ends share many contacts — while weak ties bridge between groups and carry the new information, such as job
 * leads (Granovetter 1974, Getting a Job). Onnela et al. (2007, "Structure and tie strengths in mobile communication
 * networks", PNAS 104:7332–7336) confirmed this on a national network with the neighbourhood overlap of a tie,
 *
 *   O_ij = n_ij / ((k_i − 1) + (k_j − 1) − n_ij),
 *
 * where n_ij, the embeddedness, is the number of neighbours i and j share: the share of their other contacts that
 * are common. O = 0 marks a local bridge (no shared contact); O = 1 a tie whose ends know exactly the same people.
 * An isolated dyad (k_i = k_j = 1) has 0/0; we set its overlap to 0 — it is embedded in nothing.
 *
 * A tie is classed weak by one of these rules (`basis`), with documented, adjustable thresholds:
 * - `strength`: weak when its strength (the CompactGraph edge weight; Bridgework strengths lie in [0, 1]) is below
 *   `weakStrengthBelow` (default 0.5);
 * - `overlap`: weak when its neighbourhood overlap is below `weakOverlapBelow` (default 0.1 — a convention, not a
 *   value from the paper: under a tenth of the two ends' other contacts in common);
 * - `either`: weak when either test says weak (strong only if both strong and embedded);
 * - `auto` (default): `strength`, unless the graph carries no strengths — every weight exactly 1, as CompactGraph
 *   gives an edge list without a weight column — and then `overlap`.
 *
 * Embeddedness comes from one listing of the graph's triangles (../structure/triangles.ts): O(m · arboricity) time,
 * O(n + m) memory.
 *
 * Output layout: each undirected tie once, as edge e = 0 … m − 1 with `source[e] < target[e]`, ordered by source then
 * target — the order of the upper-triangle CSR slots — with the per-tie values in typed arrays indexed by e, and
 * `edgeOfSlot` mapping every CSR slot (both directions) to its edge, for joining with other per-slot data.
 */
import { BridgeworkError } from '../../errors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { edgeTriangles } from '../structure/triangles.js';

/** Which evidence decides weak vs strong; see the module header. */
export type TieBasis = 'auto' | 'strength' | 'overlap' | 'either';

/** Options of `classifyTies`; defaults in `DEFAULT_TIE_CLASSIFICATION_OPTIONS`. */
export interface TieClassificationOptions {
  /** The rule; default `auto` (strength when the graph has strengths, otherwise overlap). */
  basis?: TieBasis;
  /** A tie of strength below this is weak (`strength`, `either`); default 0.5. */
  weakStrengthBelow?: number;
  /** A tie of neighbourhood overlap below this is weak (`overlap`, `either`); default 0.1. */
  weakOverlapBelow?: number;
}

/** Defaults of `TieClassificationOptions`. */
export const DEFAULT_TIE_CLASSIFICATION_OPTIONS: Readonly<Required<TieClassificationOptions>> = Object.freeze({
  basis: 'auto',
  weakStrengthBelow: 0.5,
  weakOverlapBelow: 0.1,
});

/** The classified ties of a graph (per tie, indexed by edge e) and each node's share of weak ties. */
export interface TieClassification {
  /** The rule applied (`auto` resolved). */
  basis: Exclude<TieBasis, 'auto'>;
  /** The strength threshold applied. */
  weakStrengthBelow: number;
  /** The overlap threshold applied. */
  weakOverlapBelow: number;
  /** Number of ties, m. */
  count: number;
  /** Smaller endpoint of each tie; ties sorted by (source, target). */
  source: Uint32Array;
  /** Larger endpoint of each tie. */
  target: Uint32Array;
  /** Strength of each tie: its edge weight. */
  strength: Float64Array;
  /** Embeddedness of each tie: the number of neighbours its ends share. */
  embeddedness: Uint32Array;
  /** Neighbourhood overlap of each tie (Onnela et al. 2007), in [0, 1]. */
  overlap: Float64Array;
  /** 1 when the tie is weak, 0 when strong. */
  weak: Uint8Array;
  /** Edge index of every CSR slot (length 2m, aligned with `g.neighbours`). */
  edgeOfSlot: Uint32Array;
  /** Per node: number of weak ties. */
  weakTies: Uint32Array;
  /** Per node: weak ties / degree; NaN for an isolated node. */
  weakShare: Float64Array;
}

/** One tie as plain data. */
export interface TieRow {
  source: string;
  target: string;
  strength: number;
  embeddedness: number;
  overlap: number;
  class: 'weak' | 'strong';
}

/** One node's ties as plain data. */
export interface NodeTieRow {
  id: string;
  degree: number;
  weakTies: number;
  /** Weak ties / degree; null for an isolated node. */
  weakShare: number | null;
}

function fail(message: string): never {
  throw new BridgeworkError('validation', `graph-core/ties: ${message}`);
}

function resolve(options: TieClassificationOptions | undefined): Required<TieClassificationOptions> {
  const basis = options?.basis ?? DEFAULT_TIE_CLASSIFICATION_OPTIONS.basis;
  const weakStrengthBelow = options?.weakStrengthBelow ?? DEFAULT_TIE_CLASSIFICATION_OPTIONS.weakStrengthBelow;
  const weakOverlapBelow = options?.weakOverlapBelow ?? DEFAULT_TIE_CLASSIFICATION_OPTIONS.weakOverlapBelow;
  if (!['auto', 'strength', 'overlap', 'either'].includes(basis)) fail(`basis must be auto, strength, overlap or either, not ${JSON.stringify(basis)}`);
  if (!Number.isFinite(weakStrengthBelow)) fail(`weakStrengthBelow must be a finite number, not ${weakStrengthBelow}`);
  if (!Number.isFinite(weakOverlapBelow)) fail(`weakOverlapBelow must be a finite number, not ${weakOverlapBelow}`);
  return { basis, weakStrengthBelow, weakOverlapBelow };
}

/** The options with `auto` resolved for `g`: `strength`, unless every weight is exactly 1 (then `overlap`). */
export function resolveTieRule(g: CompactGraph, options?: TieClassificationOptions): Required<TieClassificationOptions> & { basis: Exclude<TieBasis, 'auto'> } {
  const resolved = resolve(options);
  if (resolved.basis !== 'auto') return { ...resolved, basis: resolved.basis };
  for (let a = 0; a < g.weights.length; a++) if (g.weights[a] !== 1) return { ...resolved, basis: 'strength' };
  return { ...resolved, basis: 'overlap' };
}

/**
 * One node's share of weak ties under a rule resolved by `resolveTieRule` — the same as `classifyTies(g).weakShare[u]`
 * without classifying the whole graph: each tie's embeddedness by a merge of the two sorted rows, O(Σ (k_u + k_v)).
 * NaN for an isolated node.
 */
export function weakShareAt(g: CompactGraph, u: number, rule: ReturnType<typeof resolveTieRule>): number {
  const { offsets, neighbours, weights } = g;
  const start = offsets[u]!;
  const end = offsets[u + 1]!;
  if (start === end) return NaN;
  const byStrength = rule.basis === 'strength' || rule.basis === 'either';
  const byOverlap = rule.basis === 'overlap' || rule.basis === 'either';
  const ku = end - start;
  let weak = 0;
  for (let a = start; a < end; a++) {
    const v = neighbours[a]!;
    let isWeak = byStrength && weights[a]! < rule.weakStrengthBelow;
    if (!isWeak && byOverlap) {
      let shared = 0;
      let x = start;
      let y = offsets[v]!;
      const endV = offsets[v + 1]!;
      while (x < end && y < endV) {
        const p = neighbours[x]!;
        const q = neighbours[y]!;
        if (p < q) x++;
        else if (p > q) y++;
        else {
          shared++;
          x++;
          y++;
        }
      }
      const denominator = ku - 1 + (endV - offsets[v]! - 1) - shared;
      isWeak = (denominator > 0 ? shared / denominator : 0) < rule.weakOverlapBelow;
    }
    if (isWeak) weak++;
  }
  return weak / ku;
}

/**
 * Classify every tie of `g` as weak or strong and give each node its share of weak ties. Options (see
 * `DEFAULT_TIE_CLASSIFICATION_OPTIONS`): `basis` (`auto` | `strength` | `overlap` | `either`, default `auto`),
 * `weakStrengthBelow` (0.5), `weakOverlapBelow` (0.1). Throws a validation error on an unknown basis or a non-finite
 * threshold.
 */
export function classifyTies(g: CompactGraph, options?: TieClassificationOptions): TieClassification {
  const { basis, weakStrengthBelow, weakOverlapBelow } = resolveTieRule(g, options);
  const { n, m, offsets, neighbours, weights } = g;
  const byStrength = basis === 'strength' || basis === 'either';
  const byOverlap = basis === 'overlap' || basis === 'either';

  const triangles = edgeTriangles(g);
  const source = new Uint32Array(m);
  const target = new Uint32Array(m);
  const strength = new Float64Array(m);
  const embeddedness = new Uint32Array(m);
  const overlap = new Float64Array(m);
  const weak = new Uint8Array(m);
  const edgeOfSlot = new Uint32Array(offsets[n]!);
  const weakTies = new Uint32Array(n);
  // Row v's smaller neighbours come first, ascending, and edges (u, v), u < v, are met in ascending u: a cursor per
  // row finds the mirror slot of each edge.
  const cursor = offsets.slice(0, n);
  let e = 0;
  for (let u = 0; u < n; u++) {
    const ku = offsets[u + 1]! - offsets[u]!;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const v = neighbours[a]!;
      if (v <= u) continue;
      const kv = offsets[v + 1]! - offsets[v]!;
      const shared = triangles[a]!;
      const denominator = ku - 1 + (kv - 1) - shared;
      const o = denominator > 0 ? shared / denominator : 0;
      const w = weights[a]!;
      const isWeak = (byStrength && w < weakStrengthBelow) || (byOverlap && o < weakOverlapBelow);
      source[e] = u;
      target[e] = v;
      strength[e] = w;
      embeddedness[e] = shared;
      overlap[e] = o;
      edgeOfSlot[a] = e;
      const mirror = cursor[v]!;
      cursor[v] = mirror + 1;
      edgeOfSlot[mirror] = e;
      if (isWeak) {
        weak[e] = 1;
        weakTies[u]!++;
        weakTies[v]!++;
      }
      e++;
    }
  }
  const weakShare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = offsets[i + 1]! - offsets[i]!;
    weakShare[i] = k === 0 ? NaN : weakTies[i]! / k;
  }
  return { basis, weakStrengthBelow, weakOverlapBelow, count: m, source, target, strength, embeddedness, overlap, weak, edgeOfSlot, weakTies, weakShare };
}

/** The ties of a `classifyTies` result as plain rows with node ids, in edge order. */
export function tieRows(g: CompactGraph, ties: TieClassification): TieRow[] {
  const rows = new Array<TieRow>(ties.count);
  for (let e = 0; e < ties.count; e++) {
    rows[e] = {
      source: g.ids[ties.source[e]!]!,
      target: g.ids[ties.target[e]!]!,
      strength: ties.strength[e]!,
      embeddedness: ties.embeddedness[e]!,
      overlap: ties.overlap[e]!,
      class: ties.weak[e] ? 'weak' : 'strong',
    };
  }
  return rows;
}

/** Each node's weak ties and weak share from a `classifyTies` result as plain rows (null share when isolated). */
export function nodeTieRows(g: CompactGraph, ties: TieClassification): NodeTieRow[] {
  const rows = new Array<NodeTieRow>(g.n);
  for (let i = 0; i < g.n; i++) {
    const share = ties.weakShare[i]!;
    rows[i] = { id: g.ids[i]!, degree: g.degree(i), weakTies: ties.weakTies[i]!, weakShare: Number.isNaN(share) ? null : share };
  }
  return rows;
}
