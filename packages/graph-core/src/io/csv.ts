/**
 * RFC 4180 CSV (and TSV) reading and writing, with no knowledge of Bridgework's records.
 *
 * Reading: quoted fields may hold delimiters, line breaks and doubled quotes; CRLF, LF and lone CR all end a
 * record; a leading byte-order mark is dropped. Every row carries the 1-based line on which it starts, so a quoted
 * field spanning three lines still leaves the following rows with their true line numbers. Blank lines, and lines
 * of spaces only, are skipped (RFC 4180 would read them as one empty field; no Bridgework file means that). The
 * reader is lenient where spreadsheets are sloppy: a quote inside an unquoted field is kept as a character, and
 * characters after a closing quote are appended to the field (as Python's csv module does). The one thing it cannot
 * recover from, a quote that is never closed, is reported as an InputProblem at the line and character where the
 * quote opened.
 *
 * Writing: fields are quoted only when they hold the delimiter, a quote, a line break or leading/trailing spaces.
 * Because CSV files are opened in spreadsheets, text cells that start with `=`, `+`, `-`, `@`, tab or CR are
 * prefixed with an apostrophe so they are not run as formulas (OWASP "CSV injection"). The decision is made on the
 * JavaScript type of the cell, which is how a caller declares a numeric column: a `number` is written as a number
 * (so `-3` stays `-3`), while the *string* "-3" is protected like any other text. To keep the transformation
 * reversible, a text cell that starts with an apostrophe followed by something that would itself be protected gets
 * one more apostrophe; `unprotectCell` (and `readCsv` with `unprotectFormulas`) undoes exactly one.
 */
import type { InputProblem } from '../errors.js';

/** The delimiters the reader recognises. */
export type Delimiter = ',' | '\t' | ';';

/** One record of a CSV file and the 1-based line on which it starts. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Options of `readCsv`. */
export interface ReadCsvOptions {
  /** File name used in problems; default `input`. */
  file?: string;
  /** The delimiter, or `auto` (the default) to detect it from the first line; see `detectDelimiter`. */
  delimiter?: Delimiter | 'auto';
  /** Lines starting with one of these strings (outside a quoted field) are comments and skipped, e.g. `#`. */
  commentPrefixes?: readonly string[];
  /** Undo the writer's formula protection on every cell (see `unprotectCell`). Default false. */
  unprotectFormulas?: boolean;
}

/** The rows of a CSV text, the delimiter used and any problem splitting it. */
export interface CsvReadResult {
  rows: CsvRow[];
  delimiter: Delimiter;
  /** Problems found while splitting the text (only an unterminated quote can happen). */
  problems: InputProblem[];
}

const BOM = '\uFEFF';

/** Text without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Number of line breaks in `s`, counting CRLF once and a lone CR or LF once. */
function countLineBreaks(s: string): { count: number; lastBreakEnd: number } {
  let count = 0;
  let lastBreakEnd = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      count++;
      lastBreakEnd = i + 1;
    } else if (c === 13) {
      count++;
      if (s.charCodeAt(i + 1) === 10) i++;
      lastBreakEnd = i + 1;
    }
  }
  return { count, lastBreakEnd };
}

/**
 * The delimiter of a delimited text, judged from its first non-blank line: the most frequent of tab, comma and
 * semicolon outside quotes (ties go to tab, then comma); a comma when none occurs.
 */
export function detectDelimiter(text: string, commentPrefixes: readonly string[] = []): Delimiter {
  const body = stripBom(text);
  let start = 0;
  let line = '';
  while (start < body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    line = body.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (line.trim() !== '' && !commentPrefixes.some((p) => line.startsWith(p))) break;
    line = '';
  }
  const counts = { '\t': 0, ',': 0, ';': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\t' || ch === ',' || ch === ';')) counts[ch]++;
  }
  const best = (['\t', ',', ';'] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ',';
}

/**
 * Split a CSV/TSV text into rows. Never throws: an unterminated quote is returned as a problem (the row it starts
 * and everything after it are dropped, since where that field was meant to end cannot be known).
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): CsvReadResult {
  const file = options.file ?? 'input';
  const src = stripBom(text);
  const delimiter =
    !options.delimiter || options.delimiter === 'auto'
      ? detectDelimiter(src, options.commentPrefixes)
      : options.delimiter;
  const comments = options.commentPrefixes ?? [];
  const rows: CsvRow[] = [];
  const problems: InputProblem[] = [];
  const n = src.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const atLineEnd = (k: number) => k >= n || src[k] === '\n' || src[k] === '\r';
  const consumeBreak = () => {
    if (src[i] === '\r' && src[i + 1] === '\n') i += 2;
    else i += 1;
    line++;
    lineStart = i;
  };

  records: while (i < n) {
    const rowLine = line;
    if (comments.some((p) => p !== '' && src.startsWith(p, i))) {
      while (!atLineEnd(i)) i++;
      if (i < n) consumeBreak();
      continue;
    }
    const cells: string[] = [];
    let sawQuote = false;
    for (;;) {
      let value = '';
      if (src[i] === '"') {
        sawQuote = true;
        const openLine = line;
        const openChar = i - lineStart + 1;
        i++;
        for (;;) {
          const j = src.indexOf('"', i);
          if (j < 0) {
            problems.push({
              file,
              line: openLine,
              column: cells.length + 1,
              reason: `unterminated quoted field: the quote opened at line ${openLine}, character ${openChar} is never closed`,
            });
            break records;
          }
          const chunk = src.slice(i, j);
          const breaks = countLineBreaks(chunk);
          if (breaks.count > 0) {
            line += breaks.count;
            lineStart = i + breaks.lastBreakEnd;
          }
          value += chunk;
          if (src[j + 1] === '"') {
            value += '"';
            i = j + 2;
          } else {
            i = j + 1;
            break;
          }
        }
        // Lenient: anything between the closing quote and the next delimiter is kept.
        while (!atLineEnd(i) && src[i] !== delimiter) value += src[i++];
      } else {
        const from = i;
        while (!atLineEnd(i) && src[i] !== delimiter) i++;
        value = src.slice(from, i);
      }
      cells.push(options.unprotectFormulas ? unprotectCell(value) : value);
      if (i < n && src[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (i < n) consumeBreak();
    if (cells.length === 1 && cells[0]?.trim() === '' && !sawQuote) continue; // blank (or all-space) line
    rows.push({ line: rowLine, cells });
  }
  return { rows, delimiter, problems };
}

/** A cell for `writeCsv`: text is quoted and formula-protected as needed; numbers and booleans are written plainly. */
export type CsvCell = string | number | boolean | null | undefined;

/** Options of `writeCsv`. */
export interface WriteCsvOptions {
  /** Default `,`. */
  delimiter?: Delimiter;
  /** Default `\r\n` as RFC 4180 says (and spreadsheets expect). */
  lineEnding?: '\r\n' | '\n';
  /** Prefix risky text cells with an apostrophe (see the file header). Default true. */
  protectFormulas?: boolean;
  /** Start with a UTF-8 byte-order mark so Excel reads the file as UTF-8. Default false. */
  bom?: boolean;
}

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Whether a text cell would be read as a formula by a spreadsheet (or is an apostrophe-escaped one). */
function needsProtection(s: string): boolean {
  const first = s[0];
  if (first === undefined) return false;
  if (FORMULA_START.has(first)) return true;
  return first === "'" && needsProtection(s.slice(1));
}

/** Prefix a text cell with an apostrophe when a spreadsheet would run it as a formula. */
export function protectCell(s: string): string {
  return needsProtection(s) ? `'${s}` : s;
}

/** Undo `protectCell` (exactly: `unprotectCell(protectCell(s)) === s` for every string). */
export function unprotectCell(s: string): string {
  return s.startsWith("'") && needsProtection(s.slice(1)) ? s.slice(1) : s;
}

function formatCell(cell: CsvCell, delimiter: Delimiter, protect: boolean): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = protect ? protectCell(cell) : cell;
  const mustQuote =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text !== text.trim();
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Write rows (the first is usually the header) as CSV text ending with a line break. */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: WriteCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const eol = options.lineEnding ?? '\r\n';
  const protect = options.protectFormulas ?? true;
  const lines = rows.map((row) => {
    // A row of one empty cell would be a blank line, which readers skip: quote it so the row survives.
    if (row.length === 1 && formatCell(row[0], delimiter, protect) === '') return '""';
    return row.map((c) => formatCell(c, delimiter, protect)).join(delimiter);
  });
  return (options.bom ? BOM : '') + lines.map((l) => l + eol).join('');
}
