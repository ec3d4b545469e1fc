/**
 * Turning plain weighted, possibly timed edges (an edge list, or the edges of a GEXF/GraphML file from another tool
 * whose kind is unknown) into domain ties of kind `linked`:
 *
 * - strength: the weight, divided by the largest weight of the batch when any weight exceeds 1 (so the strongest
 *   edge has strength 1); the raw weight is kept in `attributes.weight`. Without a weight: the default of `linked`
 *   (0.5), strengthSource 'default'.
 * - time: a number between 1e8 and 1e10 is read as unix seconds (1973-03-03 to 2286-11-20) and becomes
 *   `lastContact` as an ISO date-time; an ISO date or date-time string is kept as `lastContact`. Anything else
 *   (relative times such as "seconds since the study began", other date notations) stays in `attributes.time`.
 * - self-loops are dropped and counted in a note (not a problem).
 * - rows for the same pair (either direction: `linked` is symmetric) are merged into one tie: the largest strength,
 *   the latest time, the attributes of later rows over earlier ones, and the number of rows in `attributes.count`
 *   (set only when more than one row was merged).
 * - an endpoint that is not a known id becomes a person `{ id, name: id }` (origin `generated`), unless the caller
 *   turns that off.
 */
import type { InputProblem } from '../errors.js';
import { DateSchema, IdSchema, PersonSchema, TIE_KINDS, tieKey } from '../model/schemas.js';
import { dateToMs } from '../model/strength.js';
import { issuePhrase } from './cell-values.js';
import { emptyParsedInput, type ParsedInput } from './parsed-input.js';

/** An edge as read from a file, before it becomes a tie. */
export interface WeightedEdge {
  source: string;
  target: string;
  /** A non-negative weight, if the file has one. */
  weight?: number;
  /** The time of the edge: a number (usually unix seconds) or text. */
  time?: number | string;
  /** Every other column or attribute, numbers as numbers. */
  attributes: Record<string, string | number | boolean>;
  /** 1-based line in the file. */
  line: number;
}

/** Options of `linkedTiesFrom`. */
export interface LinkedTiesOptions {
  /** File name for problems and origins. */
  file: string;
  /** Provenance of the ties, e.g. `import:edges.tsv`. */
  provenance?: string;
  /** Ids that exist already (in the store or in other files of the import): they do not become placeholder people. */
  knownIds?: ReadonlySet<string> | ((id: string) => boolean);
  /** Make a person for every endpoint that is not known (default true). */
  createMissingPeople?: boolean;
}

/** Numeric times from this many unix seconds (1973-03-03) on are dates; smaller ones are relative times. */
export const UNIX_SECONDS_MIN = 1e8;
/** Numeric times below this many unix seconds (2286-11-20) are dates; larger ones (e.g. milliseconds) are not. */
export const UNIX_SECONDS_MAX = 1e10;

interface ReadTime {
  /** Milliseconds since the epoch, when the time is a date. */
  ms?: number;
  /** The value for `lastContact`. */
  date?: string;
  /** The value kept in `attributes.time` when the time is not a date. */
  raw?: number | string;
}

const NO_TIME: ReadTime = Object.freeze({});

function readTime(time: number | string | undefined): ReadTime {
  if (time === undefined || time === '') return NO_TIME;
  if (typeof time === 'number') {
    if (time >= UNIX_SECONDS_MIN && time < UNIX_SECONDS_MAX) {
      const ms = Math.round(time * 1000);
      return { ms, date: new Date(ms).toISOString() };
    }
    return { raw: time };
  }
  const t = time.trim();
  if (DateSchema.safeParse(t).success) return { ms: dateToMs(t), date: t };
  return { raw: time };
}

interface Merged {
  source: string;
  target: string;
  weight?: number;
  time: ReadTime;
  attributes: Record<string, string | number | boolean>;
  count: number;
  line: number;
}

const isKnown = (known: LinkedTiesOptions['knownIds'], id: string): boolean =>
  known === undefined ? false : typeof known === 'function' ? known(id) : known.has(id);

/** `linked` ties (and placeholder people) from plain edges; see the file header. */
export function linkedTiesFrom(edges: readonly WeightedEdge[], options: LinkedTiesOptions): ParsedInput {
  const { file } = options;
  const out = emptyParsedInput();
  const problems: InputProblem[] = out.problems;

  let selfLoops = 0;
  let maxWeight = 0;
  const merged = new Map<string, Merged>();
  for (const e of edges) {
    if (e.source === e.target) {
      selfLoops++;
      continue;
    }
    if (e.weight !== undefined && Number.isFinite(e.weight) && e.weight >= 0) maxWeight = Math.max(maxWeight, e.weight);
    const key = tieKey({ source: e.source, target: e.target, kind: 'linked' });
    const time = readTime(e.time);
    const m = merged.get(key);
    if (!m) {
      const first: Merged = {
        source: e.source,
        target: e.target,
        time,
        attributes: { ...e.attributes },
        count: 1,
        line: e.line,
      };
      if (e.weight !== undefined) first.weight = e.weight;
      merged.set(key, first);
      continue;
    }
    m.count++;
    Object.assign(m.attributes, e.attributes);
    if (e.weight !== undefined) m.weight = Math.max(m.weight ?? e.weight, e.weight);
    if (time.ms !== undefined) {
      if (m.time.ms === undefined || time.ms > m.time.ms) m.time = { ...m.time, ms: time.ms, date: time.date };
    } else if (time.raw !== undefined) {
      const before = m.time.raw;
      const later = typeof before === 'number' && typeof time.raw === 'number' ? Math.max(before, time.raw) : time.raw;
      m.time = { ...m.time, raw: later };
    }
  }
  const scale = maxWeight > 1 ? maxWeight : 1;
  const linkedDefault = TIE_KINDS.linked.defaultStrength;

  // Endpoints are checked once per distinct id; the rest of a tie is valid by construction (strength in [0, 1],
  // lastContact a checked date, attributes typed), which keeps large edge lists fast.
  const idReason = new Map<string, string | null>();
  const checkId = (id: string): string | null => {
    let reason = idReason.get(id);
    if (reason === undefined) {
      const r = IdSchema.safeParse(id);
      reason = r.success ? null : r.error.issues.map((i) => `node id ${issuePhrase(i, id)}`).join('; ');
      idReason.set(id, reason);
    }
    return reason;
  };
  const provenance = options.provenance ? options.provenance.slice(0, 200) : null;

  const people = new Map<string, number>();
  for (const m of merged.values()) {
    const sourceReason = checkId(m.source);
    const targetReason = checkId(m.target);
    if (sourceReason !== null)
      problems.push({ file, line: m.line, column: 'source', value: m.source, reason: sourceReason });
    if (targetReason !== null)
      problems.push({ file, line: m.line, column: 'target', value: m.target, reason: targetReason });
    if (sourceReason !== null || targetReason !== null) continue;
    const attributes = m.attributes; // already a copy owned by this function
    if (m.weight !== undefined) attributes.weight = m.weight;
    if (m.time.raw !== undefined) attributes.time = m.time.raw;
    if (m.count > 1) attributes.count = m.count;
    out.data.ties.push({
      source: m.source,
      target: m.target,
      kind: 'linked',
      strength: m.weight === undefined ? linkedDefault : m.weight / scale,
      strengthSource: m.weight === undefined ? 'default' : 'given',
      since: null,
      lastContact: m.time.date ?? null,
      provenance,
      attributes,
    });
    out.origins.ties.push({ file, line: m.line });
    if (!people.has(m.source)) people.set(m.source, m.line);
    if (!people.has(m.target)) people.set(m.target, m.line);
  }

  if (options.createMissingPeople ?? true) {
    for (const [id, line] of people) {
      if (isKnown(options.knownIds, id)) continue;
      out.data.people.push(PersonSchema.parse({ id, name: id }));
      out.origins.people.push({ file, line, generated: true });
    }
  }

  if (selfLoops > 0)
    out.notes.push(
      `${file}: dropped ${selfLoops} self-loop${selfLoops === 1 ? '' : 's'} (an edge from a node to itself)`,
    );
  const rows = edges.length - selfLoops;
  if (rows > merged.size) {
    out.notes.push(
      `${file}: merged ${rows} edges into ${merged.size} ties (repeated pairs; the row count is in attributes.count)`,
    );
  }
  if (scale > 1) {
    out.notes.push(
      `${file}: strengths are the weights divided by the largest weight, ${scale} (raw weights kept in attributes.weight)`,
    );
  }
  return out;
}
