/**
 * A fast edge-list text loader: a TSV, CSV or whitespace-separated edge list, already in a string, straight into
 * typed endpoint arrays — no per-edge objects, no split() arrays, no string per id occurrence (ids are interned in
 * place by a small hash table) — and from there into a CompactGraph. It is what "file text → analysable graph"
 * costs; reading the file is the caller's business (graph-core does no I/O).
 *
 * Deliberately small: the first two fields are the endpoint ids, one optional field holds a weight. No quoting rules
 * beyond stripping a pair of surrounding double quotes (a quoted delimiter is not supported): general CSV with
 * attributes, kinds and validation belongs to the importers.
 */
import { BridgeworkError } from '../errors.js';
import { buildCompact, type CompactBuildOptions, type CompactGraph } from './compact-graph.js';

export interface EdgeTextOptions {
  /** Field separator; `auto` (default) takes the first data line's first tab, else comma, else runs of whitespace. */
  delimiter?: '\t' | ',' | ';' | 'whitespace' | 'auto';
  /** 0-based column of the weight (≥ 2); without it the edges are unweighted (weight 1). */
  weightColumn?: number;
  /** Skip the first non-blank, non-comment line (default false). */
  header?: boolean;
  /** Lines starting with this (after leading spaces) are skipped; default `#`, null for none. */
  comment?: string | null;
}

/** Parsed edges: edge k joins `sources[k]` and `targets[k]`; node i is `ids[i]`, numbered in order of appearance. */
export interface ParsedEdgeText {
  sources: Uint32Array;
  targets: Uint32Array;
  /** Weights aligned with the endpoints, or null without a weight column. */
  weights: Float64Array | null;
  ids: string[];
  index: Map<string, number>;
  /** Number of edges read (self-loops and repeats included: the graph builder handles them). */
  edges: number;
}

const TAB = 9;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const WHITESPACE = -1;

function parseFail(line: number, reason: string): never {
  throw new BridgeworkError('parse', `graph-core/projection: line ${line}: ${reason}`);
}

/**
 * Parse `text` as an edge list into typed arrays. Blank lines and comment lines are skipped, a trailing CR is
 * ignored, fields are trimmed of spaces (and tabs unless tab is the delimiter). Throws a `parse` error naming the
 * 1-based line on a missing field, an empty id or a weight that is not a number.
 *
 * Note: an id sliced out of a very large string may share that string's memory in V8 (sliced strings, ids of 13 or
 * more characters); short ids are copied.
 */
export function parseEdgeText(text: string, options: EdgeTextOptions = {}): ParsedEdgeText {
  const { weightColumn, header = false } = options;
  const comment = options.comment === undefined ? '#' : options.comment;
  if (weightColumn !== undefined && !(Number.isInteger(weightColumn) && weightColumn >= 2)) {
    throw new BridgeworkError('validation', `graph-core/projection: weightColumn must be an integer ≥ 2 (columns 0 and 1 are the ids), not ${weightColumn}`);
  }
  const len = text.length;
  let capacity = 1;
  for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) capacity++;
  const sources = new Uint32Array(capacity);
  const targets = new Uint32Array(capacity);
  const weights = weightColumn === undefined ? null : new Float64Array(capacity);
  let delim = options.delimiter === undefined || options.delimiter === 'auto' ? 0 : options.delimiter === 'whitespace' ? WHITESPACE : options.delimiter.charCodeAt(0);
  let delimStr = delim > 0 ? String.fromCharCode(delim) : '';
  // Tabs pad fields unless they separate them.
  let tabPads = delim !== TAB;
  const lastColumn = weightColumn ?? 1;
  const interner = new RangeInterner(text);
  let skipHeader = header;
  let count = 0;
  let line = 0;
  let pos = 0;

  // One flat loop, no closures: this runs cold, once per file, so it must be fast before the JIT has warmed up.
  while (pos < len) {
    line++;
    const lineStart = pos;
    let end = text.indexOf('\n', pos);
    if (end === -1) end = len;
    pos = end + 1;
    let stop = end;
    if (stop > lineStart && text.charCodeAt(stop - 1) === CR) stop--;
    let first = lineStart;
    while (first < stop && (text.charCodeAt(first) === SPACE || text.charCodeAt(first) === TAB)) first++;
    if (first === stop) continue;
    if (comment && text.startsWith(comment, first)) continue;
    if (delim === 0) {
      delim = detectDelimiter(text, first, stop);
      delimStr = delim > 0 ? String.fromCharCode(delim) : '';
      tabPads = delim !== TAB;
    }
    if (skipHeader) {
      skipHeader = false;
      continue;
    }
    let s = 0;
    let t = 0;
    let p = lineStart;
    for (let col = 0; ; col++) {
      // The field starting at p: [a, b) once trimmed; `next` is where the following field starts, −1 if none.
      let a = p;
      let b: number;
      let next: number;
      if (delim === WHITESPACE) {
        while (a < stop && (text.charCodeAt(a) === SPACE || text.charCodeAt(a) === TAB)) a++;
        b = a;
        while (b < stop && text.charCodeAt(b) !== SPACE && text.charCodeAt(b) !== TAB) b++;
        next = b;
        while (next < stop && (text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB)) next++;
        if (next >= stop) next = -1;
      } else {
        b = text.indexOf(delimStr, a);
        if (b === -1 || b >= stop) {
          b = stop;
          next = -1;
        } else next = b + 1;
        let c: number;
        while (a < b && ((c = text.charCodeAt(a)) === SPACE || (tabPads && c === TAB))) a++;
        while (b > a && ((c = text.charCodeAt(b - 1)) === SPACE || (tabPads && c === TAB))) b--;
      }
      if (b - a >= 2 && text.charCodeAt(a) === QUOTE && text.charCodeAt(b - 1) === QUOTE) {
        a++;
        b--;
      }
      if (col < 2) {
        if (a === b) parseFail(line, 'empty id');
        if (col === 0) s = interner.intern(a, b);
        else t = interner.intern(a, b);
      } else if (col === weightColumn) {
        const w = parseDecimal(text, a, b);
        if (Number.isNaN(w)) parseFail(line, `weight ${JSON.stringify(text.slice(a, b))} is not a number`);
        weights![count] = w;
      }
      if (col === lastColumn) break;
      if (next === -1) parseFail(line, col === 0 ? 'expected at least two fields (source and target)' : `no column ${weightColumn} (the weight)`);
      p = next;
    }
    sources[count] = s;
    targets[count] = t;
    count++;
  }
  const ids = interner.ids;
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i]!, i);
  return {
    sources: sources.subarray(0, count),
    targets: targets.subarray(0, count),
    weights: weights === null ? null : weights.subarray(0, count),
    ids,
    index,
    edges: count,
  };
}

/**
 * Interns ids given as ranges of one string, without making a string per occurrence: an open-addressing hash table
 * (FNV-1a over the char codes, murmur3 finaliser, linear probing, load ≤ ½) holding (hash, node index) pairs side by
 * side, so a probe touches one cache line and reads the id string only on a full hash match (comparing it in place
 * with startsWith); only a new id is sliced out. Lookups are memory-latency bound, hence the tight layout.
 */
class RangeInterner {
  readonly ids: string[] = [];
  /** Pairs [hash, index + 1]; index + 1 = 0 marks an empty slot. */
  private table = new Int32Array(2 * 2048);
  private mask = 2047;

  constructor(private readonly text: string) {}

  intern(a: number, b: number): number {
    const text = this.text;
    let h = 0x811c9dc5 | 0;
    for (let p = a; p < b; p++) h = Math.imul(h ^ text.charCodeAt(p), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const k1 = table[2 * slot + 1]!;
      if (k1 === 0) break;
      if (table[2 * slot] === h) {
        const id = this.ids[k1 - 1]!;
        if (id.length === b - a && text.startsWith(id, a)) return k1 - 1;
      }
      slot = (slot + 1) & mask;
    }
    const k = this.ids.length;
    this.ids.push(text.slice(a, b));
    table[2 * slot] = h;
    table[2 * slot + 1] = k + 1;
    if ((k + 1) * 2 > mask + 1) this.grow();
    return k;
  }

  private grow(): void {
    const old = this.table;
    const size = old.length; // slots double: 2 · (old slots)
    const mask = size - 1;
    const table = new Int32Array(2 * size);
    for (let i = 0; i < old.length; i += 2) {
      const k1 = old[i + 1]!;
      if (k1 === 0) continue;
      const h = old[i]!;
      let slot = h & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = h;
      table[2 * slot + 1] = k1;
    }
    this.table = table;
    this.mask = mask;
  }
}

function detectDelimiter(text: string, a: number, stop: number): number {
  const tab = text.indexOf('\t', a);
  if (tab !== -1 && tab < stop) return TAB;
  const comma = text.indexOf(',', a);
  if (comma !== -1 && comma < stop) return 44;
  return WHITESPACE;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The number in text[a, b), NaN if there is none. Plain decimals of at most 15 significant digits and 22 decimals
 * are read from the char codes — exactly, since mantissa and 10^k are both exact doubles and one division rounds
 * correctly (Clinger, "How to read floating point numbers accurately", PLDI 1990) — anything else goes to Number().
 */
export function parseDecimal(text: string, a: number, b: number): number {
  if (a >= b) return NaN;
  let p = a;
  let negative = false;
  const first = text.charCodeAt(p);
  if (first === 45 || first === 43) {
    negative = first === 45;
    p++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let sawDot = false;
  let any = false;
  for (; p < b; p++) {
    const c = text.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      any = true;
      if (mantissa === 0 && c === 48) {
        if (sawDot) decimals++;
        continue;
      }
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (sawDot) decimals++;
    } else if (c === 46 && !sawDot) sawDot = true;
    else return Number(text.slice(a, b));
  }
  if (!any) return NaN;
  if (digits > 15 || decimals > 22) return Number(text.slice(a, b));
  const value = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
  return negative ? -value : value;
}

/**
 * File text → CompactGraph: `parseEdgeText` then the counting-sort build (repeats merged by `options.merge`, default
 * `max`; self-loops dropped). Nodes are numbered in order of first appearance.
 */
export function compactFromEdgeText(text: string, options: EdgeTextOptions & CompactBuildOptions = {}): CompactGraph {
  const parsed = parseEdgeText(text, options);
  return buildCompact(parsed.sources, parsed.targets, parsed.weights, parsed.ids.length, parsed.ids, parsed.index, options);
}
