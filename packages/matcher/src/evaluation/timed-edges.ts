/**
 * Timestamped edge lists — one contact event a line (an email, a message), as published for temporal networks
 * (SNAP's `email-Eu-core-temporal`, KONECT's `dnc-temporalGraph`): the first two columns are the endpoints, a header
 * row names a `time`, `timestamp`, `unix_time` or `date` column.
 *
 * The header, the delimiter and the time column are recognised by graph-core's `readEdgeList` on the first lines
 * (the same rules as `bridgework import`); the rows are then read in one flat pass into typed arrays, since a
 * temporal network has tens or hundreds of thousands of events. Pure: the caller reads the file.
 */
import { BridgeworkError, InputError, idInterner, readEdgeList, type InputProblem } from '@bridgework/graph-core';

/** Events of a temporal network: event e joins `sources[e]` and `targets[e]` at `times[e]`, in file order. */
export interface TimedEdges {
  /** Name used in messages (the file name). */
  file: string;
  /** Node index → id; nodes are numbered in order of first appearance in the file (self-loop rows included). */
  ids: string[];
  /** Id → node index. */
  index: Map<string, number>;
  sources: Uint32Array;
  targets: Uint32Array;
  /** Event times: the numbers of the time column, or milliseconds since 1970 for a column of dates. */
  times: Float64Array;
  /** 1-based line of each event in the file. */
  lines: Uint32Array;
  /** Number of events (self-loops included). */
  count: number;
  /** The name of the time column as the header gives it. */
  timeColumn: string;
}

/** Options of `parseTimedEdges`. */
export interface TimedEdgesOptions {
  /** Name used in messages; default `edges`. */
  file?: string;
  /** Most problems to collect before giving up; default 50. */
  maxProblems?: number;
}

/** Defaults of `parseTimedEdges`. */
export const TIMED_EDGES_DEFAULTS: Readonly<Required<TimedEdgesOptions>> = Object.freeze({ file: 'edges', maxProblems: 50 });

const MODULE = 'matcher/evaluation';
const HEAD_LINES = 500;

/** The first `lines` lines of `text`. */
function head(text: string, lines: number): string {
  let p = -1;
  for (let i = 0; i < lines; i++) {
    p = text.indexOf('\n', p + 1);
    if (p === -1) return text;
  }
  return text.slice(0, p);
}

/** A time cell as a number: a decimal number as it is, an ISO date (or date and time) as milliseconds; NaN otherwise. */
export function parseTimeCell(cell: string): number {
  const t = cell.trim();
  if (t === '') return NaN;
  const n = Number(t);
  if (Number.isFinite(n) && /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return n;
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const ms = Date.parse(t.length === 10 ? `${t}T00:00:00Z` : t);
    return Number.isNaN(ms) ? NaN : ms;
  }
  return NaN;
}

/**
 * Read a timestamped edge list. Self-loops are kept here (the evaluation drops them) so lines stay faithful.
 *
 * Throws a `validation` InputError naming the file, line and column of every bad row (a missing endpoint, a time
 * that is neither a number nor an ISO date), and a `validation` BridgeworkError when the file has no header row
 * with a time column, or no events at all.
 */
export function parseTimedEdges(text: string, options: TimedEdgesOptions = {}): TimedEdges {
  const { file, maxProblems } = { ...TIMED_EDGES_DEFAULTS, ...options };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const detected = readEdgeList(head(src, HEAD_LINES), { file });
  if (!detected.hasHeader || detected.timeColumn === undefined) {
    const columns = detected.hasHeader ? `its columns are ${detected.columns.join(', ')}` : 'it has no header row';
    throw new BridgeworkError(
      'validation',
      `${MODULE}: ${file} has no time column: ${columns}; a timestamped edge list needs a header naming a time, timestamp, unix_time or date column`,
    );
  }
  const timeColumn = detected.timeColumn;
  const timeIndex = detected.columns.indexOf(timeColumn);
  const delimiter = detected.delimiter;
  const split = delimiter === 'whitespace' ? (line: string) => line.trim().split(/\s+/) : (line: string) => line.split(delimiter);
  const sourceName = detected.columns[0] ?? 'source';
  const targetName = detected.columns[1] ?? 'target';

  let capacity = 1;
  for (let p = src.indexOf('\n'); p !== -1; p = src.indexOf('\n', p + 1)) capacity++;
  const sources = new Uint32Array(capacity);
  const targets = new Uint32Array(capacity);
  const times = new Float64Array(capacity);
  const lines = new Uint32Array(capacity);
  const { ids, index, intern } = idInterner();
  const problems: InputProblem[] = [];
  let total = 0;
  const problem = (p: InputProblem) => {
    total++;
    if (problems.length < maxProblems) problems.push(p);
  };

  let count = 0;
  let line = 0;
  let pos = 0;
  let headerSeen = false;
  while (pos < src.length) {
    line++;
    let end = src.indexOf('\n', pos);
    if (end === -1) end = src.length;
    let raw = src.slice(pos, end);
    pos = end + 1;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%')) continue;
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    const cells = split(raw);
    const unquote = (c: string | undefined) => {
      const t = (c ?? '').trim();
      return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
    };
    const s = unquote(cells[0]);
    const t = unquote(cells[1]);
    const timeText = unquote(cells[timeIndex]);
    let bad = false;
    if (s === '') {
      problem({ file, line, column: sourceName, reason: 'an event needs a source (the first column)' });
      bad = true;
    }
    if (t === '') {
      problem({ file, line, column: targetName, reason: 'an event needs a target (the second column)' });
      bad = true;
    }
    const time = parseTimeCell(timeText);
    if (Number.isNaN(time)) {
      problem({
        file,
        line,
        column: timeColumn,
        value: timeText,
        reason: timeText === '' ? 'the time is missing' : 'the time must be a number or an ISO date (YYYY-MM-DD[THH:MM:SSZ])',
      });
      bad = true;
    }
    if (bad) continue;
    sources[count] = intern(s);
    targets[count] = intern(t);
    times[count] = time;
    lines[count] = line;
    count++;
  }
  if (total > 0) throw new InputError(MODULE, problems, total);
  if (count === 0) throw new BridgeworkError('validation', `${MODULE}: ${file} holds no events (only a header row)`);
  return {
    file,
    ids,
    index,
    sources: sources.slice(0, count),
    targets: targets.slice(0, count),
    times: times.slice(0, count),
    lines: lines.slice(0, count),
    count,
    timeColumn,
  };
}
