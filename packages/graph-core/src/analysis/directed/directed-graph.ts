/**
 * A compact, read-only projection of a DIRECTED graph for the directed measures: the arcs held twice in compressed
 * sparse row (CSR) form — once by source (out-rows: a node's successors) and once by target (in-rows: its
 * predecessors) — so that a search can follow arcs forwards or backwards without a scan.
 *
 * The layout is that of `CompactGraph` (../../projection/compact-graph.ts; CSR as in Saad, "Iterative Methods for
 * Sparse Linear Systems", 2nd ed., SIAM 2003, §3.4): row i of the out-adjacency is
 * `outNeighbours[outOffsets[i] .. outOffsets[i + 1])`, sorted ascending, with the arc weights at the same positions of
 * `outWeights`; the in-adjacency is its transpose, stored the same way. Directed kernels need both y = Ax and
 * y = Aᵀx — searches push along out-arcs, PageRank and path counting pull along in-arcs — and a second CSR makes both
 * row-wise at the cost of m more entries (Buluç et al., "Parallel sparse matrix-vector and matrix-transpose-vector
 * multiplication using compressed sparse blocks", SPAA 2009, discuss that trade-off).
 *
 * Invariants of every DirectedCompactGraph: nodes are 0 … n−1; no self-loop; each row is sorted ascending with no
 * repeated neighbour; j is in out-row i exactly when i is in in-row j, with the same weight; the arrays hold m
 * entries each for the m distinct arcs; weights are finite and ≥ 0.
 *
 * Building rules are those of the undirected analysis (`compactFromEdges`, `compactFromEdgeText`): self-loops are
 * dropped (their node is kept) and repeated arcs — the same source and target — are merged by a `MergeRule`, `max`
 * by default. Unlike the undirected projection, u → v and v → u are different arcs and both are kept.
 *
 * `symmetrise` turns the graph into a `CompactGraph` (direction forgotten) for the measures that are defined on the
 * undirected graph (communities, and Burt's measures through mutual weights; see structural-holes.ts).
 */
import { BridgeworkError } from '../../errors.js';
import { compactFromEdges, type CompactBuildOptions, type CompactGraph, type IndexArray, type MergeRule } from '../../projection/compact-graph.js';
import { parseEdgeText, type EdgeTextOptions } from '../../projection/edge-text.js';
import { withDefaults } from './internals.js';

const BUILD = Symbol('DirectedCompactGraph.build');

interface DirectedParts {
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  outOffsets: Uint32Array;
  outNeighbours: Uint32Array;
  outWeights: Float64Array;
  inOffsets: Uint32Array;
  inNeighbours: Uint32Array;
  inWeights: Float64Array;
}

/**
 * An immutable directed weighted graph with out- and in-CSR. Build it with `directedFromEdges` or
 * `directedFromEdgeText`. The typed arrays are exposed for tight loops: read them, never write them. Accessors take
 * node indices in [0, n) and do not range-check.
 */
export class DirectedCompactGraph {
  /** Number of nodes. */
  readonly n: number;
  /** Number of distinct arcs (u → v and v → u count as two). */
  readonly m: number;
  /** Node index → id. */
  readonly ids: readonly string[];
  /** Node id → index. */
  readonly index: ReadonlyMap<string, number>;
  /** Out-row starts, length n + 1: the successors of i are `outNeighbours[outOffsets[i] .. outOffsets[i + 1])`. */
  readonly outOffsets: Uint32Array;
  /** Concatenated out-rows (successors), length m, each row sorted ascending. */
  readonly outNeighbours: Uint32Array;
  /** Weight of each arc i → outNeighbours[p], aligned with `outNeighbours`. */
  readonly outWeights: Float64Array;
  /** In-row starts, length n + 1: the predecessors of i are `inNeighbours[inOffsets[i] .. inOffsets[i + 1])`. */
  readonly inOffsets: Uint32Array;
  /** Concatenated in-rows (predecessors), length m, each row sorted ascending. */
  readonly inNeighbours: Uint32Array;
  /** Weight of each arc inNeighbours[p] → i, aligned with `inNeighbours`. */
  readonly inWeights: Float64Array;
  /** Sum of the weights of each node's out-arcs, length n (read-only). */
  readonly outStrengths: Float64Array;
  /** Sum of the weights of each node's in-arcs, length n (read-only). */
  readonly inStrengths: Float64Array;
  /** Sum of the weights of all m arcs. */
  readonly totalWeight: number;

  /** @internal Use the builders; the token keeps unchecked arrays out. */
  constructor(token: typeof BUILD, parts: DirectedParts) {
    if (token !== BUILD) throw new BridgeworkError('unsupported', 'graph-core/directed: build a DirectedCompactGraph with directedFromEdges or directedFromEdgeText');
    this.ids = parts.ids;
    this.index = parts.index;
    this.outOffsets = parts.outOffsets;
    this.outNeighbours = parts.outNeighbours;
    this.outWeights = parts.outWeights;
    this.inOffsets = parts.inOffsets;
    this.inNeighbours = parts.inNeighbours;
    this.inWeights = parts.inWeights;
    this.n = parts.outOffsets.length - 1;
    this.m = parts.outNeighbours.length;
    this.outStrengths = rowSums(parts.outOffsets, parts.outWeights);
    this.inStrengths = rowSums(parts.inOffsets, parts.inWeights);
    let total = 0;
    for (let i = 0; i < this.n; i++) total += this.outStrengths[i]!;
    this.totalWeight = total;
    Object.freeze(this);
  }

  /** Number of successors of node i (arcs out of i). */
  outDegree(i: number): number {
    return this.outOffsets[i + 1]! - this.outOffsets[i]!;
  }

  /** Number of predecessors of node i (arcs into i). */
  inDegree(i: number): number {
    return this.inOffsets[i + 1]! - this.inOffsets[i]!;
  }

  /** The index of a node id, or −1 when the id is not in the graph. */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** The id of node i. */
  id(i: number): string {
    const id = this.ids[i];
    if (id === undefined) throw new BridgeworkError('not-found', `graph-core/directed: no node ${i} in a graph of ${this.n}`);
    return id;
  }

  /** The successors of i as a view (no copy, but one small view object per call: prefer the arrays in hot loops). */
  successors(i: number): Uint32Array {
    return this.outNeighbours.subarray(this.outOffsets[i]!, this.outOffsets[i + 1]!);
  }

  /** The predecessors of i as a view. */
  predecessors(i: number): Uint32Array {
    return this.inNeighbours.subarray(this.inOffsets[i]!, this.inOffsets[i + 1]!);
  }

  /** Position of the arc i → j in `outNeighbours`/`outWeights` (binary search), or −1 when there is no such arc. */
  outSlot(i: number, j: number): number {
    let lo = this.outOffsets[i]!;
    let hi = this.outOffsets[i + 1]!;
    const nb = this.outNeighbours;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = nb[mid]!;
      if (x === j) return mid;
      if (x < j) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** Whether the arc i → j exists, in O(log outDegree(i)). */
  hasArc(i: number, j: number): boolean {
    return this.outSlot(i, j) >= 0;
  }

  /** The weight of the arc i → j, or 0 when there is none (use `hasArc` to tell a 0-weight arc apart). */
  weight(i: number, j: number): number {
    const p = this.outSlot(i, j);
    return p < 0 ? 0 : this.outWeights[p]!;
  }
}

function rowSums(offsets: Uint32Array, weights: Float64Array): Float64Array {
  const n = offsets.length - 1;
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) s += weights[p]!;
    sums[i] = s;
  }
  return sums;
}

function fail(message: string): never {
  throw new BridgeworkError('validation', `graph-core/directed: ${message}`);
}

/**
 * Build a DirectedCompactGraph from parallel endpoint arrays in O(n + e): arc k runs from `sources[k]` to
 * `targets[k]` with weight `weights[k]` (1 when no weights are given). Self-loops are dropped (their node is kept) and
 * repeated arcs merged by `options.merge` (default `max`; see `MergeRule`) — the rules of `compactFromEdges`, except
 * that direction is kept. `ids` names the n nodes (default "0" … "n−1"); nodes without arcs are kept.
 *
 * Method: counting sorts only — scatter the arcs into in-rows, transpose into out-rows (which comes out sorted, with
 * repeats adjacent and in input order), merge repeats in place, and transpose once more for sorted in-rows.
 *
 * Throws a validation error on mismatched lengths, an endpoint outside [0, n), a negative or non-finite weight (a
 * weight above 1 under `noisy-or`), or ids of the wrong length or with repeats.
 */
export function directedFromEdges(
  sources: IndexArray,
  targets: IndexArray,
  weights: ArrayLike<number> | null | undefined,
  n: number,
  ids?: readonly string[],
  options: CompactBuildOptions = {},
): DirectedCompactGraph {
  if (!Number.isInteger(n) || n < 0 || n >= 0xffffffff) fail(`n must be an integer in [0, 2³² − 1), not ${n}`);
  let index: Map<string, number> | undefined;
  if (ids !== undefined) {
    if (ids.length !== n) fail(`${ids.length} ids for ${n} nodes`);
    index = indexOfIds(ids);
  }
  return buildDirected(sources, targets, weights, n, ids?.slice(), index, options);
}

/**
 * File text → DirectedCompactGraph: `parseEdgeText` (column 0 is the source, column 1 the target; options as for
 * `compactFromEdgeText`: delimiter, header, comment, weightColumn), then `directedFromEdges`' rules — self-loops
 * dropped, repeated arcs merged by `options.merge` (default `max`). Nodes are numbered in order of first appearance,
 * so the ids and their order are those of `compactFromEdgeText` on the same text.
 */
export function directedFromEdgeText(text: string, options: EdgeTextOptions & CompactBuildOptions = {}): DirectedCompactGraph {
  const parsed = parseEdgeText(text, options);
  return buildDirected(parsed.sources, parsed.targets, parsed.weights, parsed.ids.length, parsed.ids, parsed.index, options);
}

function indexOfIds(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (index.has(id)) fail(`duplicate node id ${JSON.stringify(id)} at indices ${index.get(id)} and ${i}`);
    index.set(id, i);
  }
  return index;
}

/** Transpose rows (offsets, nb, w) of n nodes into a fresh CSR; visiting rows in order makes every new row sorted. */
function transpose(
  n: number,
  offsets: Uint32Array,
  nb: Uint32Array,
  w: Float64Array | null,
  count: number,
): { offsets: Uint32Array; nb: Uint32Array; w: Float64Array | null } {
  const tOffsets = new Uint32Array(n + 1);
  for (let p = 0; p < count; p++) tOffsets[nb[p]! + 1]!++;
  for (let i = 0; i < n; i++) tOffsets[i + 1]! += tOffsets[i]!;
  const cursor = tOffsets.slice(0, n);
  const tNb = new Uint32Array(count);
  const tW = w ? new Float64Array(count) : null;
  for (let r = 0; r < n; r++) {
    for (let p = offsets[r]!, end = offsets[r + 1]!; p < end; p++) {
      const q = cursor[nb[p]!]!++;
      tNb[q] = r;
      if (tW) tW[q] = w![p]!;
    }
  }
  return { offsets: tOffsets, nb: tNb, w: tW };
}

/** @internal The builder behind both entry points; `ids`/`index` may be prebuilt and are then trusted to agree. */
function buildDirected(
  sources: IndexArray,
  targets: IndexArray,
  weights: ArrayLike<number> | null | undefined,
  n: number,
  ids: readonly string[] | undefined,
  index: Map<string, number> | undefined,
  options: CompactBuildOptions,
): DirectedCompactGraph {
  const merge: MergeRule = options.merge ?? 'max';
  if (merge !== 'max' && merge !== 'sum' && merge !== 'noisy-or') fail(`unknown merge rule ${JSON.stringify(merge)}`);
  const e = sources.length;
  if (targets.length !== e) fail(`${e} sources but ${targets.length} targets`);
  if (weights != null && weights.length !== e) fail(`${e} arcs but ${weights.length} weights`);
  const maxWeight = merge === 'noisy-or' ? 1 : Infinity;

  // Pass 0: validate and count arcs by target.
  const inOffsets0 = new Uint32Array(n + 1);
  for (let k = 0; k < e; k++) {
    const s = sources[k]!;
    const t = targets[k]!;
    if (!(s < n && s >>> 0 === s)) fail(`arc ${k}: source ${s} is not a node index in [0, ${n})`);
    if (!(t < n && t >>> 0 === t)) fail(`arc ${k}: target ${t} is not a node index in [0, ${n})`);
    if (weights != null) {
      const w = weights[k]!;
      if (!(w >= 0 && w <= maxWeight) || w === Infinity) {
        fail(`arc ${k}: weight ${w} must be a finite number ${merge === 'noisy-or' ? 'in [0, 1] under noisy-or' : '≥ 0'}`);
      }
    }
    if (s !== t) inOffsets0[t + 1]!++;
  }
  for (let i = 0; i < n; i++) inOffsets0[i + 1]! += inOffsets0[i]!;
  const arcs = inOffsets0[n]!;
  const carry = weights != null || merge === 'sum';

  // Pass 1: scatter sources into in-rows in input order (rows unsorted).
  const cursor = inOffsets0.slice(0, n);
  const inNb0 = new Uint32Array(arcs);
  const inW0 = carry ? new Float64Array(arcs) : null;
  for (let k = 0; k < e; k++) {
    const s = sources[k]!;
    const t = targets[k]!;
    if (s === t) continue;
    const p = cursor[t]!++;
    inNb0[p] = s;
    if (inW0) inW0[p] = weights != null ? weights[k]! : 1;
  }

  // Pass 2: transpose into out-rows: sorted, repeats adjacent, and (counting sorts being stable) in input order.
  const out = transpose(n, inOffsets0, inNb0, inW0, arcs);
  const offsets = out.offsets;
  const nb = out.nb;
  const w = out.w;

  // Pass 3: merge runs of equal targets in place and rewrite the out-offsets.
  let write = 0;
  let start = 0;
  for (let r = 0; r < n; r++) {
    const end = offsets[r + 1]!;
    offsets[r] = write;
    let p = start;
    while (p < end) {
      const x = nb[p]!;
      let acc = w ? w[p]! : 1;
      let miss = 1 - acc;
      p++;
      while (p < end && nb[p] === x) {
        if (w) {
          const v = w[p]!;
          if (merge === 'max') acc = v > acc ? v : acc;
          else if (merge === 'sum') acc += v;
          else miss *= 1 - v;
        }
        p++;
      }
      nb[write] = x;
      if (w) w[write] = merge === 'noisy-or' ? 1 - miss : acc;
      write++;
    }
    start = end;
  }
  offsets[n] = write;
  const outNeighbours = write === arcs ? nb : nb.slice(0, write);
  const outWeights = w ? (write === arcs ? w : w.slice(0, write)) : new Float64Array(write).fill(1);

  // Pass 4: the in-CSR of the merged arcs.
  const inn = transpose(n, offsets, outNeighbours, outWeights, write);

  let nodeIds = ids;
  if (nodeIds === undefined) {
    const generated = new Array<string>(n);
    for (let i = 0; i < n; i++) generated[i] = String(i);
    nodeIds = generated;
  }
  return new DirectedCompactGraph(BUILD, {
    ids: Object.freeze(nodeIds),
    index: index ?? indexOfIds(nodeIds),
    outOffsets: offsets,
    outNeighbours,
    outWeights,
    inOffsets: inn.offsets,
    inNeighbours: inn.nb,
    inWeights: inn.w!,
  });
}

/** Options of `symmetrise`. */
export interface SymmetriseOptions {
  /**
   * How the weights of u → v and v → u combine into the undirected edge {u, v}: `max` (default) gives exactly the
   * graph the undirected analysis builds from the same edge list (`compactFromEdgeText`), so directed and undirected
   * runs share their undirected measures; `sum` gives the mutual weight a_uv + a_vu of Burt's measures; `noisy-or`
   * as for `CompactGraph` (weights must lie in [0, 1]).
   */
  merge?: MergeRule;
  /** Keep the arc weights (true, default) or count every arc 1 (false; with `sum`, a reciprocated pair weighs 2). */
  weighted?: boolean;
}

/** Defaults of `symmetrise`. */
export const SYMMETRISE_DEFAULTS: Readonly<Required<SymmetriseOptions>> = Object.freeze({ merge: 'max', weighted: true });

/**
 * The undirected graph underlying `d` as a CompactGraph: an edge {u, v} wherever u → v or v → u is an arc, weighted by
 * `options.merge` of the two arc weights (default `max`). Same nodes, ids and order. O(n + m).
 */
export function symmetrise(d: DirectedCompactGraph, options: SymmetriseOptions = {}): CompactGraph {
  const { merge, weighted } = withDefaults(SYMMETRISE_DEFAULTS, options);
  const { n, outOffsets, outNeighbours, outWeights } = d;
  const sources = new Uint32Array(d.m);
  for (let i = 0; i < n; i++) sources.fill(i, outOffsets[i]!, outOffsets[i + 1]!);
  return compactFromEdges(sources, outNeighbours, weighted ? outWeights : null, n, d.ids, { merge });
}
