/**
 * Plain edge lists: one edge a line, the first two columns its endpoints, as published for network datasets (SNAP,
 * KONECT, NetworkX exports). Tab-, comma-, semicolon- or whitespace-separated (detected from the first data line:
 * a tab wins, then comma/semicolon, then runs of spaces); lines starting with `#` or `%` are comments; blank lines
 * are skipped.
 *
 * Header row: `options.header` decides when given. Otherwise the first row is a header when
 *   1. any of its cells is a recognised column name (source, target, from, to, src, dst, u, v, node1, node2,
 *      weight, strength, time, timestamp, unix_time, date — any case), or
 *   2. some column is not a number in the first row but a number in every later row (`member_a member_b n_contexts`
 *      over numeric rows), or
 *   3. there are later rows and neither of its two endpoints occurs as an endpoint in any of them: a header names
 *      columns, not nodes. (A headerless file whose first edge joins two nodes that have no other edge would be
 *      misread; pass `header: false` for it.)
 *
 * Columns: with a header, the first column named weight/strength is the weight and the first named
 * time/timestamp/unix_time/date is the time; without one, the third column is the weight and the fourth the time
 * when all their cells are numbers (the KONECT order `u v w t`). Every other column is kept as an edge attribute
 * under its header name (`column<n>` without a header), numbers as numbers.
 *
 * `readEdgeList` returns the edges as read; `edgeListToGraphData` turns them into people and `linked` ties for the
 * domain store (see `linked-ties.ts` for weights, times, self-loops and duplicates).
 */
import type { InputProblem } from '../errors.js';
import { IdSchema } from '../model/schemas.js';
import { inferAttributeValue, issuePhrase, parseNumberCell } from './cell-values.js';
import { readCsv, stripBom, type CsvRow, type Delimiter } from './csv.js';
import { linkedTiesFrom, type LinkedTiesOptions, type WeightedEdge } from './linked-ties.js';
import type { ParsedInput } from './parsed-input.js';

/** An edge of an edge list, as read. */
export type EdgeListEdge = WeightedEdge;

/** An edge list as read from a file. */
export interface EdgeList {
  file: string;
  edges: EdgeListEdge[];
  /** Column names: the header's, or `source`, `target`, `weight`/`column3`, `time`/`column4`, `column5`, … */
  columns: string[];
  hasHeader: boolean;
  delimiter: Delimiter | 'whitespace';
  /** The column read as the weight / the time, if any. */
  weightColumn?: string;
  timeColumn?: string;
  problems: InputProblem[];
}

/** Options of `readEdgeList`. */
export interface ReadEdgeListOptions {
  /** Name used in problems; default `edges`. */
  file?: string;
  delimiter?: Delimiter | 'whitespace' | 'auto';
  /** Whether the first row is a header; detected when not given (see the file header). */
  header?: boolean;
}

/**
 * Header names that mark a header row (see the file header); the endpoints are the first two columns whatever
 * their names.
 */
export const EDGE_LIST_ENDPOINT_NAMES = [
  'source',
  'target',
  'from',
  'to',
  'src',
  'dst',
  'u',
  'v',
  'node1',
  'node2',
] as const;
/** Header names of the weight column. */
export const EDGE_LIST_WEIGHT_NAMES = ['weight', 'strength'] as const;
/** Header names of the time column. */
export const EDGE_LIST_TIME_NAMES = ['time', 'timestamp', 'unix_time', 'date'] as const;

const COMMENTS = ['#', '%'];
const RECOGNISED = new Set<string>([...EDGE_LIST_ENDPOINT_NAMES, ...EDGE_LIST_WEIGHT_NAMES, ...EDGE_LIST_TIME_NAMES]);
const norm = (s: string) => s.trim().toLowerCase();
const isNumber = (s: string) => parseNumberCell(s) !== undefined;

function firstDataLine(text: string): string {
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() !== '' && !COMMENTS.some((c) => line.startsWith(c))) return line;
  }
  return '';
}

function chooseDelimiter(text: string): Delimiter | 'whitespace' {
  const line = firstDataLine(text);
  if (line.includes('\t')) return '\t';
  if (line.includes(',') || line.includes(';')) return line.split(',').length >= line.split(';').length ? ',' : ';';
  return /\S\s+\S/.test(line) ? 'whitespace' : ',';
}

function whitespaceRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || COMMENTS.some((c) => t.startsWith(c))) return;
    rows.push({ line: i + 1, cells: t.split(/\s+/) });
  });
  return rows;
}

/** Whether the first row is a header, by the rules in the file header. */
export function looksLikeHeader(first: readonly string[], rest: readonly (readonly string[])[]): boolean {
  if (first.some((c) => RECOGNISED.has(norm(c)))) return true;
  for (let c = 0; c < first.length; c++) {
    const head = first[c] ?? '';
    if (head === '' || isNumber(head)) continue;
    const values = rest.map((r) => r[c] ?? '').filter((v) => v !== '');
    if (values.length > 0 && values.every(isNumber)) return true;
  }
  if (rest.length > 0 && first.length >= 2) {
    const endpoints = new Set<string>();
    for (const r of rest) {
      endpoints.add(r[0] ?? '');
      endpoints.add(r[1] ?? '');
    }
    if (!endpoints.has(first[0] ?? '') && !endpoints.has(first[1] ?? '')) return true;
  }
  return false;
}

/** Read an edge list. Never throws: bad rows are reported in `problems` and left out. */
export function readEdgeList(text: string, options: ReadEdgeListOptions = {}): EdgeList {
  const file = options.file ?? 'edges';
  const src = stripBom(text);
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? chooseDelimiter(src) : options.delimiter;
  const problems: InputProblem[] = [];
  let rows: CsvRow[];
  if (delimiter === 'whitespace') rows = whitespaceRows(src);
  else {
    const csv = readCsv(src, { file, delimiter, commentPrefixes: COMMENTS });
    rows = csv.rows;
    problems.push(...csv.problems);
  }
  rows = rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));

  const first = rows[0]?.cells ?? [];
  const hasHeader =
    rows.length > 0 &&
    (options.header ??
      looksLikeHeader(
        first,
        rows.slice(1).map((r) => r.cells),
      ));
  const data = hasHeader ? rows.slice(1) : rows;
  const width = Math.max(hasHeader ? first.length : 0, ...data.map((r) => r.cells.length), 2);

  const columns: string[] = [];
  let weightIndex = -1;
  let timeIndex = -1;
  if (hasHeader) {
    for (let c = 0; c < width; c++) {
      const name = first[c] || `column${c + 1}`;
      columns.push(name);
      if (c < 2) continue;
      const n = norm(name);
      if (weightIndex < 0 && (EDGE_LIST_WEIGHT_NAMES as readonly string[]).includes(n)) weightIndex = c;
      else if (timeIndex < 0 && (EDGE_LIST_TIME_NAMES as readonly string[]).includes(n)) timeIndex = c;
    }
  } else {
    const allNumbers = (c: number) => {
      const values = data.map((r) => r.cells[c] ?? '').filter((v) => v !== '');
      return values.length > 0 && values.every(isNumber);
    };
    for (let c = 0; c < width; c++) {
      if (c === 0) columns.push('source');
      else if (c === 1) columns.push('target');
      else if (c === 2 && allNumbers(2)) {
        columns.push('weight');
        weightIndex = 2;
      } else if (c === 3 && allNumbers(3)) {
        columns.push('time');
        timeIndex = 3;
      } else columns.push(`column${c + 1}`);
    }
  }

  const idReasons = new Map<string, string[]>();
  const idProblems = (id: string): string[] => {
    let reasons = idReasons.get(id);
    if (reasons === undefined) {
      const r = IdSchema.safeParse(id);
      reasons = r.success ? [] : r.error.issues.map((issue) => `node id ${issuePhrase(issue, id)}`);
      idReasons.set(id, reasons);
    }
    return reasons;
  };

  const edges: EdgeListEdge[] = [];
  for (const row of data) {
    const [source = '', target = ''] = row.cells;
    const rowProblems: InputProblem[] = [];
    if (source === '' || target === '') {
      problems.push({ file, line: row.line, reason: 'an edge needs a source and a target (the first two columns)' });
      continue;
    }
    for (const [column, id] of [
      [columns[0] ?? 'source', source],
      [columns[1] ?? 'target', target],
    ] as const) {
      for (const reason of idProblems(id)) rowProblems.push({ file, line: row.line, column, value: id, reason });
    }
    const edge: EdgeListEdge = { source, target, attributes: {}, line: row.line };
    row.cells.forEach((cell, c) => {
      if (c < 2 || cell === '') return;
      const column = columns[c] ?? `column${c + 1}`;
      if (c === weightIndex) {
        const w = parseNumberCell(cell);
        if (w === undefined || w < 0)
          rowProblems.push({ file, line: row.line, column, value: cell, reason: `${column} must be a number ≥ 0` });
        else edge.weight = w;
      } else if (c === timeIndex) {
        edge.time = parseNumberCell(cell) ?? cell;
      } else {
        edge.attributes[column] = inferAttributeValue(cell);
      }
    });
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    edges.push(edge);
  }

  const list: EdgeList = { file, edges, columns, hasHeader, delimiter, problems };
  if (weightIndex >= 0 && columns[weightIndex]) list.weightColumn = columns[weightIndex];
  if (timeIndex >= 0 && columns[timeIndex]) list.timeColumn = columns[timeIndex];
  return list;
}

/** Options of `edgeListToGraphData` (the file name comes from the list). */
export type EdgeListImportOptions = Omit<LinkedTiesOptions, 'file'>;

/**
 * An edge list as GraphData for the domain store: `linked` ties, and a person `{id, name: id}` for every endpoint
 * not in `knownIds`. The list's reading problems are included.
 */
export function edgeListToGraphData(list: EdgeList, options: EdgeListImportOptions = {}): ParsedInput {
  const parsed = linkedTiesFrom(list.edges, { ...options, file: list.file });
  parsed.problems.unshift(...list.problems);
  return parsed;
}
