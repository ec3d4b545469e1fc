/**
 * The domain graph's ties as flat typed arrays — node indices, recorded strength, and the instants that decay and
 * date them, each date read once — from which the analysis projection is built (`projectTieTable`). `projectGraph`
 * goes through one; a caller projecting the same graph at several instants (a member's progress month by month) builds
 * the table once and projects it at each, instead of walking the object graph and re-reading every date each time.
 * (The same split as Neo4j Graph Data Science's projections: load the graph's records once into arrays, then build the
 * in-memory graphs the algorithms read from those.)
 */
import { BridgeworkError } from '../errors.js';
import type { BridgeworkGraph } from '../graph/bridgework-graph.js';
import type { NodeType, Tie, TieKind } from '../model/schemas.js';
import { dateToMs, DEFAULT_HALF_LIFE_DAYS } from '../model/strength.js';
import { buildCompact, type CompactGraph } from './compact-graph.js';

const DAY_MS = 86_400_000;

/** Which ties and nodes a table keeps. */
export interface TieTableOptions {
  /** Keep only ties of these kinds (default all). */
  kinds?: readonly TieKind[];
  /** Keep only nodes of these types (default all); ties touching a dropped node are dropped. */
  nodeTypes?: readonly NodeType[];
}

/** The kept ties of a domain graph, in the graph's edge order; node indices follow the graph's node order. */
export interface TieTable {
  /** Node ids by index, and the index of each id. */
  ids: string[];
  index: Map<string, number>;
  /** Number of ties. */
  count: number;
  source: Uint32Array;
  target: Uint32Array;
  /** Recorded strength. */
  strength: Float64Array;
  /** 1 when the tie fades (it has a last contact or a since date), else 0. */
  fades: Uint8Array;
  /** Milliseconds of the last contact, else of the since date (read only when `fades`). */
  contactMs: Float64Array;
  /** Milliseconds of the since date; −Infinity for a tie without one (taken to have always been there). */
  sinceMs: Float64Array;
}

/** Read the ties of `g` that `options` keep into a `TieTable`: O(nodes + ties), each date parsed once. */
export function tieTable(g: BridgeworkGraph, options: TieTableOptions = {}): TieTable {
  const kinds = options.kinds ? new Set<TieKind>(options.kinds) : null;
  const types = options.nodeTypes ? new Set<NodeType>(options.nodeTypes) : null;
  const graph = g.graph;
  const ids: string[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((id, attributes) => {
    if (types && !types.has(attributes.type)) return;
    index.set(id, ids.length);
    ids.push(id);
  });
  const size = graph.size;
  const source = new Uint32Array(size);
  const target = new Uint32Array(size);
  const strength = new Float64Array(size);
  const fades = new Uint8Array(size);
  const contactMs = new Float64Array(size);
  const sinceMs = new Float64Array(size);
  let e = 0;
  graph.forEachEdge((_key, tie, from, to) => {
    if (kinds && !kinds.has(tie.kind)) return;
    const s = index.get(from);
    const t = index.get(to);
    if (s === undefined || t === undefined) return;
    source[e] = s;
    target[e] = t;
    strength[e] = tie.strength;
    const when = tie.lastContact ?? tie.since;
    if (when) {
      fades[e] = 1;
      contactMs[e] = dateToMs(when);
    }
    sinceMs[e] = tie.since !== null && tie.since !== undefined ? dateToMs(tie.since) : -Infinity;
    e++;
  });
  return {
    ids,
    index,
    count: e,
    source: source.subarray(0, e),
    target: target.subarray(0, e),
    strength: strength.subarray(0, e),
    fades: fades.subarray(0, e),
    contactMs: contactMs.subarray(0, e),
    sinceMs: sinceMs.subarray(0, e),
  };
}

/** How a table is projected: decayed to `now`, as it stood at `asOf`, with extra ties merged in. */
export interface TieTableProjectionOptions {
  /** Decay each tie to this instant as `effectiveStrength` does; without it, recorded strengths are used as they are. */
  now?: Date;
  /** Half-life of the decay (needs `now`); default `DEFAULT_HALF_LIFE_DAYS`. */
  halfLifeDays?: number;
  /** Drop ties whose (decayed) strength is below this, before merging (default 0: keep all). */
  minStrength?: number;
  /** The network as it stood at this instant: ties whose since date is later are left out. Default: every tie. */
  asOf?: Date;
  /**
   * More ties to merge in whose strengths are already as of now, not decayed again — e.g. the `met-at-event` ties of
   * `coAttendanceTies`. Only those joining two nodes of the table, of a kind in `kinds` when given, are kept.
   */
  extraTies?: readonly Pick<Tie, 'source' | 'target' | 'kind' | 'strength'>[];
  /** Kinds the extra ties are filtered by (the table's own ties were filtered when it was read). */
  kinds?: readonly TieKind[];
  /** Keep only the ties between nodes marked non-zero here (one entry per table node); default every tie. */
  keep?: Uint8Array;
}

/** Each node's ties in a table: `ties[offsets[i] … offsets[i + 1])` are the indices of the ties touching node i. */
export interface TieTableNeighbours {
  offsets: Uint32Array;
  ties: Uint32Array;
}

const neighbourCache = new WeakMap<TieTable, TieTableNeighbours>();

/** The ties touching each node of a table (built on first use and kept with the table): O(nodes + ties). */
export function tieTableNeighbours(table: TieTable): TieTableNeighbours {
  const cached = neighbourCache.get(table);
  if (cached) return cached;
  const n = table.ids.length;
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < table.count; k++) {
    offsets[table.source[k]! + 1]!++;
    offsets[table.target[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const ties = new Uint32Array(offsets[n]!);
  for (let k = 0; k < table.count; k++) {
    ties[cursor[table.source[k]!]!++] = k;
    ties[cursor[table.target[k]!]!++] = k;
  }
  const built = { offsets, ties };
  neighbourCache.set(table, built);
  return built;
}

/**
 * The analysis projection of a tie table: one undirected edge per pair of nodes joined by at least one kept tie,
 * weighted by noisy-or (1 − Π(1 − sᵢ)) of the ties' effective strengths, in [0, 1]. O(nodes + ties).
 */
export function projectTieTable(table: TieTable, options: TieTableProjectionOptions = {}): CompactGraph {
  const { now, halfLifeDays, minStrength = 0, asOf } = options;
  if (halfLifeDays !== undefined && now === undefined) fail('halfLifeDays needs now (graph-core reads no clock)');
  if (now !== undefined && Number.isNaN(now.getTime())) fail('now is an invalid Date');
  if (asOf !== undefined && Number.isNaN(asOf.getTime())) fail('asOf is an invalid Date');
  const asOfMs = asOf === undefined ? Infinity : asOf.getTime();
  const effective = effectiveStrengthOf(table, now, halfLifeDays);
  const extra = options.extraTies ?? [];
  const kinds = options.kinds ? new Set<TieKind>(options.kinds) : null;
  const { source, target, sinceMs } = table;
  const keep = options.keep;
  if (keep && keep.length !== table.ids.length) fail(`keep has ${keep.length} entries for ${table.ids.length} nodes`);
  // With `keep`, size the edge arrays to the ties kept (a small neighbourhood of a large graph).
  let size = table.count + extra.length;
  if (keep) {
    size = extra.length;
    for (let k = 0; k < table.count; k++) if (keep[source[k]!] !== 0 && keep[target[k]!] !== 0) size++;
  }
  const sources = new Uint32Array(size);
  const targets = new Uint32Array(size);
  const weights = new Float64Array(size);
  let e = 0;
  for (let k = 0; k < table.count; k++) {
    if (sinceMs[k]! > asOfMs) continue;
    if (keep && (keep[source[k]!] === 0 || keep[target[k]!] === 0)) continue;
    const s = effective(k);
    if (!(s >= minStrength)) continue;
    sources[e] = source[k]!;
    targets[e] = target[k]!;
    weights[e] = Math.min(1, Math.max(0, s));
    e++;
  }
  const { index } = table;
  for (const tie of extra) {
    if (kinds && !kinds.has(tie.kind)) continue;
    const s = index.get(tie.source);
    const t = index.get(tie.target);
    if (s === undefined || t === undefined || !(tie.strength >= minStrength)) continue;
    if (keep && (keep[s] === 0 || keep[t] === 0)) continue;
    sources[e] = s;
    targets[e] = t;
    weights[e] = Math.min(1, Math.max(0, tie.strength));
    e++;
  }
  return buildCompact(sources.subarray(0, e), targets.subarray(0, e), weights.subarray(0, e), table.ids.length, table.ids, table.index, { merge: 'noisy-or' });
}

/**
 * Whether every tie of the table as it stood at `asOf`, and every extra tie, is at full strength (1 after clamping)
 * once decayed to `now` — so every projected weight is 1, as on an unweighted graph. (The converse can fail only when
 * each weaker tie runs beside a full-strength one between the same two nodes.)
 */
export function tieTableAtFullStrength(table: TieTable, options: Pick<TieTableProjectionOptions, 'now' | 'halfLifeDays' | 'asOf' | 'extraTies'> = {}): boolean {
  const asOfMs = options.asOf === undefined ? Infinity : options.asOf.getTime();
  const effective = effectiveStrengthOf(table, options.now, options.halfLifeDays);
  for (let k = 0; k < table.count; k++) if (table.sinceMs[k]! <= asOfMs && !(effective(k) >= 1)) return false;
  return (options.extraTies ?? []).every((t) => t.strength >= 1);
}

/** The strength of table tie k decayed to `now` as `effectiveStrength` decays it (recorded strength without `now`). */
function effectiveStrengthOf(table: TieTable, now: Date | undefined, halfLifeDays: number | undefined): (k: number) => number {
  const { strength, fades, contactMs } = table;
  const halfLife = halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  // As effectiveStrength: a half-life that is not a positive finite number leaves strengths as recorded.
  if (now === undefined || !(halfLife > 0) || !Number.isFinite(halfLife)) return (k) => strength[k]!;
  const nowMs = now.getTime();
  return (k) => (fades[k] === 1 ? strength[k]! * Math.pow(2, -Math.max(0, (nowMs - contactMs[k]!) / DAY_MS) / halfLife) : strength[k]!);
}

function fail(message: string): never {
  throw new BridgeworkError('validation', `graph-core/projection: ${message}`);
}
