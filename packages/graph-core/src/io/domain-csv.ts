/**
 * The four domain CSV files, recognised by name — `people.csv`, `organisations.csv`, `events.csv`, `ties.csv` —
 * each with a header row. Column names are matched case-insensitively (spaces and hyphens read as `_`); only the
 * columns a record cannot do without are required (people: id, name; organisations: id, name, sector; events: id,
 * name, date; ties: source, target), the rest may be left out. A TSV or semicolon-separated file works too: the
 * delimiter is detected from the header line. Cells are trimmed, and the apostrophe `writeCsv` puts before text
 * that a spreadsheet would run as a formula is removed (see `csv.ts`).
 *
 * Cell conventions:
 * - Lists (`roles`, `sectors`, `skills`, `goals`) are `;`-separated; items are trimmed and empty items dropped, so
 *   an item cannot itself contain `;`. Roles, sizes and kinds are read in lower case, sector letters in upper case.
 * - `goals`: each item that is a single letter A–U is a target sector (UK SIC 2007 section); any longer item is a
 *   target role (free text, e.g. `chef`). A single letter outside A–U is reported (it is neither).
 * - Booleans: yes/no, true/false, 1/0, y/n in any case; an empty cell takes the default.
 * - Numbers are decimal; in a semicolon-separated file a decimal comma (`0,5`) is accepted as well.
 * - An empty cell is "not given": null for nullable fields, the default otherwise.
 * - `open_to_introductions`: yes gives consent {introductions: true, recordedAt: consent_at or null, recordedBy:
 *   consent_by or the caller's `provenance`}; no gives introductions false with whatever consent_at/consent_by say.
 * - ties.csv: `strength` in [0, 1] when given (strengthSource `strength_source` or 'given'); when empty it is derived
 *   with `deriveStrength` from `contacts_per_month`, `years`, `closeness` and `reciprocal` if any is given
 *   ('derived'), else it is the kind's default ('default'). An empty `provenance` takes the caller's `provenance`.
 *   Every other column becomes a tie attribute under its header name (a leading `attr.` is removed, which is how a
 *   writer escapes an attribute named like a recognised column); numbers and true/false are typed.
 *
 * Every problem is collected, never just the first: a missing required column (one problem on line 1), an unknown
 * column in the three node files, every bad cell (with the file, the row's line, the column name, the cell value and
 * the reason from the schema), and duplicates within the file (an id or a tie key seen on an earlier line: the later
 * row is reported and dropped, rather than silently winning). Rows with a problem are left out of `data`.
 */
import type { InputProblem } from '../errors.js';
import { SIC_SECTION_LETTERS } from '../model/sectors.js';
import { TIE_KINDS, tieKey, type Consent, type TieKind } from '../model/schemas.js';
import { deriveStrength, type StrengthInputs } from '../model/strength.js';
import {
  BOOLEAN_WORDS,
  inferAttributeValue,
  issuesToProblems,
  parseBooleanCell,
  parseNumberCell,
  splitList,
  valueAtPath,
} from './cell-values.js';
import { readCsv, type Delimiter } from './csv.js';
import { SECTION_SCHEMAS, emptyParsedInput, type ParsedInput } from './parsed-input.js';

/** The four domain CSV files. */
export type DomainCsvKind = 'people' | 'organisations' | 'events' | 'ties';

/** Required and optional columns of each domain CSV file (ties.csv also keeps any other column as an attribute). */
export const DOMAIN_CSV_COLUMNS = {
  people: {
    required: ['id', 'name'],
    optional: [
      'roles',
      'sectors',
      'skills',
      'goals',
      'area',
      'coach_id',
      'open_to_introductions',
      'consent_at',
      'consent_by',
    ],
  },
  organisations: { required: ['id', 'name', 'sector'], optional: ['size', 'area', 'hiring'] },
  events: { required: ['id', 'name', 'date'], optional: ['kind', 'area'] },
  ties: {
    required: ['source', 'target'],
    optional: [
      'kind',
      'strength',
      'strength_source',
      'since',
      'last_contact',
      'provenance',
      'contacts_per_month',
      'years',
      'closeness',
      'reciprocal',
    ],
  },
} as const satisfies Record<DomainCsvKind, { required: readonly string[]; optional: readonly string[] }>;

/** The prefix that marks a ties.csv column as an attribute even when its name is a recognised column. */
export const ATTRIBUTE_COLUMN_PREFIX = 'attr.';

/** Normalised form of a header cell, as matched against the recognised column names. */
export function normaliseColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Whether a tie attribute key must be written with the `attr.` prefix to read back as an attribute. */
export function attributeNeedsPrefix(key: string): boolean {
  const norm = normaliseColumnName(key);
  return (
    key.startsWith(ATTRIBUTE_COLUMN_PREFIX) ||
    key.trim() === '' ||
    (DOMAIN_CSV_COLUMNS.ties.required as readonly string[]).includes(norm) ||
    (DOMAIN_CSV_COLUMNS.ties.optional as readonly string[]).includes(norm)
  );
}

/** The domain CSV a file name stands for (`people.csv`, `ties.tsv`, `organizations.csv`, any case), if any. */
export function domainCsvKindOf(fileName: string): DomainCsvKind | undefined {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).toLowerCase();
  const m = /^(people|organisations|organizations|events|ties)\.(csv|tsv)$/.exec(base);
  if (!m) return undefined;
  return m[1] === 'organizations' ? 'organisations' : (m[1] as DomainCsvKind);
}

/** Options of `parseDomainCsv`. */
export interface DomainCsvOptions {
  /** Name used in problems and origins; default `<kind>.csv`. */
  file?: string;
  /** Who or what recorded the data (e.g. `import:ties.csv`): fills empty `provenance` and consent `recordedBy`. */
  provenance?: string;
  /** Delimiter, or `auto` (default). */
  delimiter?: Delimiter | 'auto';
}

type Cells = (column: string) => string;

interface RowContext {
  file: string;
  line: number;
  cell: Cells;
  problems: InputProblem[];
  decimalComma: boolean;
  provenance: string | undefined;
}

const SECTOR_LETTERS = new Set<string>(SIC_SECTION_LETTERS);

function bad(ctx: RowContext, column: string, reason: string): void {
  ctx.problems.push({ file: ctx.file, line: ctx.line, column, value: ctx.cell(column), reason });
}

function optionalText(ctx: RowContext, column: string): string | null {
  const v = ctx.cell(column);
  return v === '' ? null : v;
}

function booleanCell(ctx: RowContext, column: string): boolean | undefined {
  const v = ctx.cell(column);
  if (v === '') return undefined;
  const b = parseBooleanCell(v);
  if (b === undefined) bad(ctx, column, `${column} must be ${BOOLEAN_WORDS}`);
  return b;
}

/** A number cell: undefined when empty; the text itself when not a number, so the schema reports it. */
function numberCell(ctx: RowContext, column: string): number | string | undefined {
  const v = ctx.cell(column);
  if (v === '') return undefined;
  return parseNumberCell(v, ctx.decimalComma) ?? v;
}

function personInput(ctx: RowContext): Record<string, unknown> {
  const goals = { sectors: [] as string[], roles: [] as string[] };
  for (const item of splitList(ctx.cell('goals'))) {
    if (item.length === 1) {
      const letter = item.toUpperCase();
      if (SECTOR_LETTERS.has(letter)) goals.sectors.push(letter);
      else {
        ctx.problems.push({
          file: ctx.file,
          line: ctx.line,
          column: 'goals',
          value: item,
          reason:
            'goals: a single letter is a SIC section and must be A–U (a target role needs at least two characters)',
        });
      }
    } else goals.roles.push(item);
  }
  const open = booleanCell(ctx, 'open_to_introductions');
  const recordedAt = optionalText(ctx, 'consent_at');
  const recordedBy = optionalText(ctx, 'consent_by');
  let consent: Consent | undefined;
  if (open !== undefined || recordedAt !== null || recordedBy !== null) {
    consent = {
      introductions: open ?? false,
      recordedAt,
      recordedBy: recordedBy ?? (open ? ctx.provenance || null : null),
    };
  }
  return {
    id: ctx.cell('id'),
    name: ctx.cell('name'),
    roles: splitList(ctx.cell('roles')).map((r) => r.toLowerCase()),
    sectors: splitList(ctx.cell('sectors')).map((s) => s.toUpperCase()),
    skills: splitList(ctx.cell('skills')),
    goals,
    area: optionalText(ctx, 'area'),
    coachId: optionalText(ctx, 'coach_id'),
    ...(consent ? { consent } : {}),
  };
}

function organisationInput(ctx: RowContext): Record<string, unknown> {
  const hiring = booleanCell(ctx, 'hiring');
  const size = optionalText(ctx, 'size');
  return {
    id: ctx.cell('id'),
    name: ctx.cell('name'),
    sector: ctx.cell('sector').toUpperCase(),
    size: size === null ? null : size.toLowerCase(),
    area: optionalText(ctx, 'area'),
    ...(hiring === undefined ? {} : { hiring }),
  };
}

function eventInput(ctx: RowContext): Record<string, unknown> {
  const kind = ctx.cell('kind');
  return {
    id: ctx.cell('id'),
    name: ctx.cell('name'),
    ...(kind === '' ? {} : { kind: kind.toLowerCase() }),
    date: ctx.cell('date'),
    area: optionalText(ctx, 'area'),
  };
}

function strengthInputs(ctx: RowContext): StrengthInputs | undefined {
  const inputs: StrengthInputs = {};
  let any = false;
  const num = (column: string, ok: (n: number) => boolean, reason: string): number | undefined => {
    const v = ctx.cell(column);
    if (v === '') return undefined;
    any = true;
    const n = parseNumberCell(v, ctx.decimalComma);
    if (n === undefined || !ok(n)) {
      bad(ctx, column, reason);
      return undefined;
    }
    return n;
  };
  const contacts = num('contacts_per_month', (n) => n >= 0, 'contacts_per_month must be a number ≥ 0');
  const years = num('years', (n) => n >= 0, 'years must be a number ≥ 0');
  const closeness = num('closeness', (n) => n >= 0 && n <= 1, 'closeness must be a number in [0, 1]');
  if (contacts !== undefined) inputs.contactsPerMonth = contacts;
  if (years !== undefined) inputs.years = years;
  if (closeness !== undefined) inputs.closeness = closeness;
  if (ctx.cell('reciprocal') !== '') {
    any = true;
    const r = booleanCell(ctx, 'reciprocal');
    if (r !== undefined) inputs.reciprocal = r;
  }
  return any ? inputs : undefined;
}

function tieInput(
  ctx: RowContext,
  attributeColumns: readonly { column: string; key: string }[],
): Record<string, unknown> {
  const kindCell = ctx.cell('kind').toLowerCase();
  const kind = kindCell === '' ? 'knows' : kindCell;
  const known = Object.hasOwn(TIE_KINDS, kind) ? TIE_KINDS[kind as TieKind] : undefined;
  const given = numberCell(ctx, 'strength');
  let strength: number | string | undefined = given;
  let strengthSource: string = ctx.cell('strength_source') || 'given';
  if (given === undefined) {
    const inputs = strengthInputs(ctx);
    if (inputs) {
      const usable = Object.keys(inputs).length > 0;
      strength = usable ? deriveStrength(inputs) : (known?.defaultStrength ?? 0);
      strengthSource = 'derived';
    } else {
      strength = known?.defaultStrength ?? 0;
      strengthSource = 'default';
    }
  }
  const attributes: Record<string, string | number | boolean> = {};
  for (const { column, key } of attributeColumns) {
    const v = ctx.cell(column);
    if (v !== '') attributes[key] = inferAttributeValue(v);
  }
  return {
    source: ctx.cell('source'),
    target: ctx.cell('target'),
    kind,
    strength,
    strengthSource,
    since: optionalText(ctx, 'since'),
    lastContact: optionalText(ctx, 'last_contact'),
    provenance: optionalText(ctx, 'provenance') ?? (ctx.provenance || null),
    attributes,
  };
}

/** Column name for a schema path, per file. */
const FIELD_COLUMNS: Record<DomainCsvKind, Record<string, string>> = {
  people: { coachId: 'coach_id', consent: 'open_to_introductions' },
  organisations: {},
  events: {},
  ties: { strengthSource: 'strength_source', lastContact: 'last_contact' },
};
const CONSENT_COLUMNS: Record<string, string> = {
  introductions: 'open_to_introductions',
  recordedAt: 'consent_at',
  recordedBy: 'consent_by',
};

function columnForPath(
  kind: DomainCsvKind,
  path: readonly PropertyKey[],
  attributeColumnOf: Map<string, string>,
): string {
  const [first, second] = path;
  if (typeof first !== 'string') return 'row';
  if (kind === 'people' && first === 'consent' && typeof second === 'string')
    return CONSENT_COLUMNS[second] ?? 'open_to_introductions';
  if (kind === 'ties' && first === 'attributes' && typeof second === 'string')
    return attributeColumnOf.get(second) ?? second;
  return FIELD_COLUMNS[kind][first] ?? first;
}

/**
 * Parse one domain CSV file. Never throws on bad input: everything wrong is in `problems`, and `data` holds the rows
 * that are valid on their own (references between records are checked later, see `referenceProblems`).
 */
export function parseDomainCsv(kind: DomainCsvKind, text: string, options: DomainCsvOptions = {}): ParsedInput {
  const file = options.file ?? `${kind}.csv`;
  const out = emptyParsedInput();
  const csv = readCsv(text, { file, delimiter: options.delimiter ?? 'auto', unprotectFormulas: true });
  const [header, ...rows] = csv.rows;
  const headerNames = header ? header.cells.map((c) => c.trim()) : [];
  for (const p of csv.problems) {
    const col = typeof p.column === 'number' ? headerNames[p.column - 1] : undefined;
    out.problems.push(col ? { ...p, column: col } : p);
  }
  if (!header) {
    if (csv.problems.length === 0)
      out.problems.push({ file, line: 1, reason: `${file} is empty: expected a header row` });
    return out;
  }

  const spec = DOMAIN_CSV_COLUMNS[kind];
  const recognised = new Set<string>([...spec.required, ...spec.optional]);
  const index = new Map<string, number>();
  const attributeColumns: { column: string; key: string }[] = [];
  const attributeColumnOf = new Map<string, string>();
  const headerProblems: InputProblem[] = [];
  headerNames.forEach((raw, i) => {
    if (raw === '') return; // unnamed (often trailing) column: ignored
    const norm = normaliseColumnName(raw);
    const isAttribute = kind === 'ties' && (!recognised.has(norm) || raw.startsWith(ATTRIBUTE_COLUMN_PREFIX));
    const name = isAttribute ? raw : norm;
    if (index.has(name)) {
      headerProblems.push({
        file,
        line: header.line,
        column: raw,
        reason: `column ${JSON.stringify(raw)} appears twice`,
      });
      return;
    }
    if (!isAttribute && !recognised.has(norm)) {
      headerProblems.push({
        file,
        line: header.line,
        column: raw,
        reason: `unknown column ${JSON.stringify(raw)} in ${kind}.csv (known: ${[...recognised].join(', ')})`,
      });
      return;
    }
    index.set(name, i);
    if (isAttribute) {
      const key = raw.startsWith(ATTRIBUTE_COLUMN_PREFIX) ? raw.slice(ATTRIBUTE_COLUMN_PREFIX.length) : raw;
      attributeColumns.push({ column: raw, key });
      attributeColumnOf.set(key, raw);
    }
  });
  const missing = spec.required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    headerProblems.unshift({
      file,
      line: header.line,
      reason:
        `missing required column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ` +
        `(${kind}.csv needs ${spec.required.join(', ')}; may have ${spec.optional.join(', ')})`,
    });
  }
  out.problems.push(...headerProblems);
  if (missing.length > 0) return out;

  const decimalComma = csv.delimiter === ';';
  const seen = new Map<string, number>();
  for (const row of rows) {
    const extra = row.cells.slice(headerNames.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      out.problems.push({
        file,
        line: row.line,
        value: extra.join(' '),
        reason: `the row has ${row.cells.length} cells but the header has ${headerNames.length} columns (an unquoted delimiter?)`,
      });
      continue;
    }
    const cell: Cells = (column) => {
      const i = index.get(column);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const ctx: RowContext = { file, line: row.line, cell, problems: [], decimalComma, provenance: options.provenance };
    const input =
      kind === 'people'
        ? personInput(ctx)
        : kind === 'organisations'
          ? organisationInput(ctx)
          : kind === 'events'
            ? eventInput(ctx)
            : tieInput(ctx, attributeColumns);
    const result = SECTION_SCHEMAS[kind].safeParse(input);
    if (!result.success) {
      ctx.problems.push(
        ...issuesToProblems(result.error.issues, {
          file,
          line: row.line,
          columnOf: (path) => columnForPath(kind, path, attributeColumnOf),
          valueOf: (path) => valueAtPath(input, path),
        }),
      );
    }
    if (ctx.problems.length > 0 || !result.success) {
      out.problems.push(...ctx.problems);
      continue;
    }
    const record = result.data;
    const key = 'id' in record ? record.id : tieKey(record);
    const before = seen.get(key);
    if (before !== undefined) {
      out.problems.push(
        'id' in record
          ? {
              file,
              line: row.line,
              column: 'id',
              value: record.id,
              reason: `duplicate id: already defined on line ${before}`,
            }
          : {
              file,
              line: row.line,
              column: 'source',
              value: `${record.source} ${record.kind} ${record.target}`,
              reason: `duplicate tie: the same source, kind and target as line ${before}`,
            },
      );
      continue;
    }
    seen.set(key, row.line);
    (out.data[kind] as unknown[]).push(record);
    out.origins[kind].push({ file, line: row.line });
  }
  return out;
}
