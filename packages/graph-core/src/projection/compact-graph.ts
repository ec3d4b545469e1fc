/**
 * A compact, read-only projection of a graph for the algorithms: an undirected weighted graph in compressed sparse
 * row (CSR) form over typed arrays.
 *
 * Why: graphology's object API (string keys, attribute objects, per-edge objects) costs a hash lookup and a closure
 * call per neighbour and hundreds of bytes per edge. The network-analysis algorithms (two-hop scores, betweenness,
 * PageRank, Louvain, constraint) read the structure many times and never change it, so — like Neo4j's Graph Data
 * Science library, which projects the stored graph into an in-memory, compressed, analysis-only graph before running
 * algorithms (https://neo4j.com/docs/graph-data-science/current/management-ops/graph-creation/graph-project/) — we
 * project once into CSR arrays and run every algorithm over integers. CSR (compressed sparse row, also "Yale format")
 * is the standard sparse-matrix layout: row i's neighbours are `neighbours[offsets[i] .. offsets[i + 1])`
 * (Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., SIAM 2003, §3.4; Buluç et al., "Parallel sparse
 * matrix-vector and matrix-transpose-vector multiplication using compressed sparse blocks", SPAA 2009).
 *
 * Invariants of every CompactGraph: nodes are 0 … n−1; each row is sorted ascending with no repeated neighbour and no
 * self-loop; the graph is symmetric (j is in row i exactly when i is in row j, with the same weight), so the arrays
 * hold 2m entries for m undirected edges; weights are finite and ≥ 0.
 *
 * The builders here are pure: they take arrays, iterables, a domain graph or a string, never a file or a clock.
 */
import { BridgeworkError } from '../errors.js';
import type { BridgeworkGraph } from '../graph/bridgework-graph.js';
import type { NodeType, Tie, TieKind } from '../model/schemas.js';
import { projectTieTable, tieTable } from './tie-table.js';

/**
 * How the weights of repeated edges between the same two nodes are combined:
 * - `max` (default): the largest weight — a repeated record of the same tie;
 * - `sum`: the total — counts, volumes, or aggregating communities (each duplicate adds; no weights count 1 each);
 * - `noisy-or`: 1 − Π(1 − wᵢ), the chance that at least one of independent ties carries — the rule of
 *   `combineStrengths` for parallel ties of different kinds; weights must then lie in [0, 1].
 */
export type MergeRule = 'max' | 'sum' | 'noisy-or';

export interface CompactBuildOptions {
  /** How to combine the weights of repeated edges; default `max`. */
  merge?: MergeRule;
}

/** Index-typed input: a typed array or a plain array of non-negative integers. */
export type IndexArray = Uint32Array | Int32Array | readonly number[];

const BUILD = Symbol('CompactGraph.build');

interface CompactParts {
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  offsets: Uint32Array;
  neighbours: Uint32Array;
  weights: Float64Array;
}

/**
 * An immutable undirected weighted graph in CSR form. Build it with `compactFromEdges`, `compactFromEdgeList`,
 * `compactFromEdgeText` or `projectGraph`. The typed arrays are exposed for tight loops: read them, never write them.
 *
 * Row i of the adjacency is `neighbours.subarray(offsets[i], offsets[i + 1])`, sorted ascending, with the matching
 * edge weights at the same positions of `weights`. Accessors take node indices in [0, n) and do not range-check.
 */
export class CompactGraph {
  /** Number of nodes. */
  readonly n: number;
  /** Number of undirected edges (distinct pairs); the arrays hold 2m entries. */
  readonly m: number;
  /** Node index → id. */
  readonly ids: readonly string[];
  /** Node id → index. */
  readonly index: ReadonlyMap<string, number>;
  /** Row starts, length n + 1: row i is [offsets[i], offsets[i + 1]). */
  readonly offsets: Uint32Array;
  /** Concatenated rows, length 2m, each row sorted ascending. */
  readonly neighbours: Uint32Array;
  /** Edge weights aligned with `neighbours`, length 2m. */
  readonly weights: Float64Array;
  /** Weighted degree of each node, length n (read-only). */
  readonly strengths: Float64Array;
  /** Sum of the weights of the m undirected edges (each counted once). */
  readonly totalWeight: number;

  /** @internal Use the builders; the token keeps unchecked arrays out. */
  constructor(token: typeof BUILD, parts: CompactParts) {
    if (token !== BUILD) throw new BridgeworkError('unsupported', 'graph-core/projection: build a CompactGraph with compactFromEdges, compactFromEdgeList, compactFromEdgeText or projectGraph');
    this.ids = parts.ids;
    this.index = parts.index;
    this.offsets = parts.offsets;
    this.neighbours = parts.neighbours;
    this.weights = parts.weights;
    this.n = parts.offsets.length - 1;
    this.m = parts.neighbours.length / 2;
    const strengths = new Float64Array(this.n);
    let total = 0;
    for (let i = 0; i < this.n; i++) {
      let s = 0;
      for (let p = parts.offsets[i]!, end = parts.offsets[i + 1]!; p < end; p++) s += parts.weights[p]!;
      strengths[i] = s;
      total += s;
    }
    this.strengths = strengths;
    this.totalWeight = total / 2;
    Object.freeze(this);
  }

  /** Number of neighbours of node i. */
  degree(i: number): number {
    return this.offsets[i + 1]! - this.offsets[i]!;
  }

  /** Weighted degree of node i: the sum of the weights of its edges. */
  strength(i: number): number {
    return this.strengths[i]!;
  }

  /** The index of a node id, or −1 when the id is not in the graph. */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** The id of node i. */
  id(i: number): string {
    const id = this.ids[i];
    if (id === undefined) throw new BridgeworkError('not-found', `graph-core/projection: no node ${i} in a graph of ${this.n}`);
    return id;
  }

  /** Row i as a view (no copy, but one small view object per call: prefer `offsets` in hot loops). */
  neighboursOf(i: number): Uint32Array {
    return this.neighbours.subarray(this.offsets[i]!, this.offsets[i + 1]!);
  }

  /** The weights of row i as a view, aligned with `neighboursOf(i)`. */
  weightsOf(i: number): Float64Array {
    return this.weights.subarray(this.offsets[i]!, this.offsets[i + 1]!);
  }

  /** Position of j in row i within `neighbours`/`weights` (binary search), or −1 when i and j are not adjacent. */
  slot(i: number, j: number): number {
    let lo = this.offsets[i]!;
    let hi = this.offsets[i + 1]!;
    const nb = this.neighbours;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = nb[mid]!;
      if (x === j) return mid;
      if (x < j) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** Whether i and j are adjacent, in O(log degree(i)). */
  hasEdge(i: number, j: number): boolean {
    return this.slot(i, j) >= 0;
  }

  /** The weight of the edge between i and j, or 0 when there is none (use `hasEdge` to tell a 0-weight edge apart). */
  weight(i: number, j: number): number {
    const p = this.slot(i, j);
    return p < 0 ? 0 : this.weights[p]!;
  }
}

function fail(message: string): never {
  throw new BridgeworkError('validation', `graph-core/projection: ${message}`);
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

/**
 * Build a CompactGraph from parallel endpoint arrays in O(n + e): edge k joins `sources[k]` and `targets[k]` with
 * weight `weights[k]` (1 when no weights are given). Directions are ignored, self-loops dropped, and repeated pairs
 * (in either orientation) merged by `options.merge` (default `max`; see `MergeRule`). `ids` names the n nodes
 * (default "0" … "n−1"); nodes without edges are kept.
 *
 * Method: two counting sorts and no comparisons — scatter both arcs of every edge into rows (unsorted), then
 * transpose, which visits rows in ascending order and so fills every row sorted; duplicates are then adjacent and are
 * merged in place. Both copies of an edge see its duplicates in input order, so the two rows get bit-identical
 * merged weights.
 *
 * Throws a validation error on mismatched lengths, an endpoint outside [0, n), a negative or non-finite weight (a
 * weight above 1 under `noisy-or`), or ids of the wrong length or with repeats.
 */
export function compactFromEdges(
  sources: IndexArray,
  targets: IndexArray,
  weights: ArrayLike<number> | null | undefined,
  n: number,
  ids?: readonly string[],
  options: CompactBuildOptions = {},
): CompactGraph {
  if (!Number.isInteger(n) || n < 0 || n >= 0xffffffff) fail(`n must be an integer in [0, 2³² − 1), not ${n}`);
  let index: Map<string, number> | undefined;
  if (ids !== undefined) {
    if (ids.length !== n) fail(`${ids.length} ids for ${n} nodes`);
    index = indexOfIds(ids);
  }
  return buildCompact(sources, targets, weights, n, ids?.slice(), index, options);
}

/**
 * @internal The builder behind every entry point. `ids`/`index` may be prebuilt and are then trusted to agree; `ids`
 * is frozen in place, so pass an array nobody else writes.
 */
export function buildCompact(
  sources: IndexArray,
  targets: IndexArray,
  weights: ArrayLike<number> | null | undefined,
  n: number,
  ids: readonly string[] | undefined,
  index: Map<string, number> | undefined,
  options: CompactBuildOptions,
): CompactGraph {
  const merge = options.merge ?? 'max';
  if (merge !== 'max' && merge !== 'sum' && merge !== 'noisy-or') fail(`unknown merge rule ${JSON.stringify(merge)}`);
  const e = sources.length;
  if (targets.length !== e) fail(`${e} sources but ${targets.length} targets`);
  if (weights != null && weights.length !== e) fail(`${e} edges but ${weights.length} weights`);
  const maxWeight = merge === 'noisy-or' ? 1 : Infinity;

  // Pass 0: validate and count both arcs of every edge into offsets[i + 1].
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < e; k++) {
    const s = sources[k]!;
    const t = targets[k]!;
    if (!(s < n && s >>> 0 === s)) fail(`edge ${k}: source ${s} is not a node index in [0, ${n})`);
    if (!(t < n && t >>> 0 === t)) fail(`edge ${k}: target ${t} is not a node index in [0, ${n})`);
    if (weights != null) {
      const w = weights[k]!;
      if (!(w >= 0 && w <= maxWeight) || w === Infinity) {
        fail(`edge ${k}: weight ${w} must be a finite number ${merge === 'noisy-or' ? 'in [0, 1] under noisy-or' : '≥ 0'}`);
      }
    }
    if (s === t) continue;
    offsets[s + 1]!++;
    offsets[t + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const arcs = offsets[n]!;
  const carry = weights != null || merge === 'sum';

  // Pass 1: scatter arcs into rows in input order (rows unsorted).
  const cursor = offsets.slice(0, n);
  const rowNb = new Uint32Array(arcs);
  const rowW = carry ? new Float64Array(arcs) : null;
  for (let k = 0; k < e; k++) {
    const s = sources[k]!;
    const t = targets[k]!;
    if (s === t) continue;
    const p = cursor[s]!++;
    const q = cursor[t]!++;
    rowNb[p] = t;
    rowNb[q] = s;
    if (rowW) rowW[p] = rowW[q] = weights != null ? weights[k]! : 1;
  }

  // Pass 2: transpose. Visiting rows r = 0, 1, … appends r to each neighbour's row, so every row comes out sorted;
  // the adjacency is symmetric, so the transpose is the same graph.
  cursor.set(offsets.subarray(0, n));
  const nb = new Uint32Array(arcs);
  const w = carry ? new Float64Array(arcs) : null;
  for (let r = 0; r < n; r++) {
    for (let p = offsets[r]!, end = offsets[r + 1]!; p < end; p++) {
      const x = rowNb[p]!;
      const q = cursor[x]!++;
      nb[q] = r;
      if (w) w[q] = rowW![p]!;
    }
  }

  // Pass 3: merge runs of equal neighbours in place and rewrite offsets.
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

  const neighbours = write === arcs ? nb : nb.slice(0, write);
  const weightArr = w ? (write === arcs ? w : w.slice(0, write)) : new Float64Array(write).fill(1);
  let nodeIds = ids;
  let nodeIndex = index;
  if (nodeIds === undefined) {
    const generated = new Array<string>(n);
    for (let i = 0; i < n; i++) generated[i] = String(i);
    nodeIds = generated;
  }
  if (nodeIndex === undefined) nodeIndex = indexOfIds(nodeIds);
  return new CompactGraph(BUILD, {
    ids: Object.freeze(nodeIds),
    index: nodeIndex,
    offsets,
    neighbours,
    weights: weightArr,
  });
}

export interface EdgeListOptions extends CompactBuildOptions {
  /** Ids to number first, in this order (isolated nodes included); the others follow in order of appearance. */
  nodes?: Iterable<string>;
}

/** Ids numbered in order of first appearance: `intern(id)` gives the id's index, adding it when new. */
export function idInterner(): { ids: string[]; index: Map<string, number>; intern(id: string): number } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const intern = (id: string): number => {
    let k = index.get(id);
    if (k === undefined) {
      k = ids.length;
      ids.push(id);
      index.set(id, k);
    }
    return k;
  };
  return { ids, index, intern };
}

/**
 * Build a CompactGraph from edges with string ids. Nodes are numbered in order of first appearance (after
 * `options.nodes`); a missing weight counts 1; repeats merge by `options.merge` (default `max`); self-loops are dropped
 * (their node is kept).
 */
export function compactFromEdgeList(
  edges: Iterable<{ source: string; target: string; weight?: number }>,
  options: EdgeListOptions = {},
): CompactGraph {
  const { ids, index, intern } = idInterner();
  for (const id of options.nodes ?? []) intern(id);
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  let weighted = false;
  for (const edge of edges) {
    sources.push(intern(edge.source));
    targets.push(intern(edge.target));
    if (edge.weight === undefined) weights.push(1);
    else {
      weights.push(edge.weight);
      weighted = true;
    }
  }
  return buildCompact(sources, targets, weighted ? weights : null, ids.length, ids, index, options);
}

/** Options of the analysis projection of the domain graph. */
export interface ProjectionOptions {
  /** Decay each tie to this instant with `effectiveStrength`; without it, recorded strengths are used as they are. */
  now?: Date;
  /** Half-life of the decay (needs `now`); default `DEFAULT_HALF_LIFE_DAYS`. */
  halfLifeDays?: number;
  /** Keep only ties of these kinds (default all). */
  kinds?: readonly TieKind[];
  /** Keep only nodes of these types (default all); ties touching a dropped node are dropped. */
  nodeTypes?: readonly NodeType[];
  /** Drop ties whose (decayed) strength is below this, before merging (default 0: keep all). */
  minStrength?: number;
  /**
   * The network as it stood at this instant: ties whose `since` date is later are left out (a tie without a `since`
   * date is taken to have always been there). Default: every tie. `extraTies` are not filtered (build them as of the
   * same instant, e.g. `coAttendanceTies(g, { now: asOf, asOf })`).
   */
  asOf?: Date;
  /**
   * More ties to merge in whose strengths are already as of now, not decayed again — e.g. the `met-at-event` ties
   * of `coAttendanceTies`. Subject to `kinds`, `nodeTypes` and `minStrength` like the graph's own ties.
   */
  extraTies?: readonly Pick<Tie, 'source' | 'target' | 'kind' | 'strength'>[];
}

/**
 * The analysis projection of the domain graph: one undirected edge per pair of nodes joined by at least one kept tie,
 * weighted by `combineStrengths` (1 − Π(1 − sᵢ)) of the effective strengths of all the ties between them — of any
 * kind and in either direction (decayed to `now` when given). Nodes keep the graph's insertion order; isolated nodes
 * are kept.
 */
export function projectGraph(g: BridgeworkGraph, options: ProjectionOptions = {}): CompactGraph {
  const { kinds, nodeTypes, ...projection } = options;
  return projectTieTable(tieTable(g, { ...(kinds ? { kinds } : {}), ...(nodeTypes ? { nodeTypes } : {}) }), { ...projection, ...(kinds ? { kinds } : {}) });
}
