/**
 * GraphData as the four domain CSV files, in exactly the format `parseDomainCsv` reads, so that
 * `parseDomainCsv(kind, toCsvFiles(data)[`${kind}.csv`])` gives the records back. Columns are always written in the
 * documented order; booleans as yes/no; lists `;`-joined; goals as sector letters then roles; nulls as empty cells;
 * `strength_source` is written so a derived or default strength stays so. Tie attributes become extra columns (in
 * order of first appearance), prefixed with `attr.` when the key is a recognised column name.
 *
 * What a text format cannot carry, and so does not round-trip: list items containing `;` or with surrounding
 * spaces, a one-letter goal role (it reads as a sector), an empty-string area, and string attributes that look like
 * numbers or true/false (they read back typed). Text cells are formula-protected (see `csv.ts`) and unprotected on
 * reading.
 */
import type { GraphData } from '../model/schemas.js';
import { joinList } from './cell-values.js';
import { writeCsv, type CsvCell, type WriteCsvOptions } from './csv.js';
import { ATTRIBUTE_COLUMN_PREFIX, DOMAIN_CSV_COLUMNS, attributeNeedsPrefix } from './domain-csv.js';

/** The four files by name. */
export type DomainCsvFiles = {
  'people.csv': string;
  'organisations.csv': string;
  'events.csv': string;
  'ties.csv': string;
};

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** The four domain CSV files for `data`. Options are those of `writeCsv` (delimiter, line ending, BOM, …). */
export function toCsvFiles(data: GraphData, options: WriteCsvOptions = {}): DomainCsvFiles {
  const columns = (kind: keyof typeof DOMAIN_CSV_COLUMNS): string[] => [
    ...DOMAIN_CSV_COLUMNS[kind].required,
    ...DOMAIN_CSV_COLUMNS[kind].optional,
  ];

  const people: CsvCell[][] = [columns('people')];
  for (const p of data.people) {
    people.push([
      p.id,
      p.name,
      joinList(p.roles),
      joinList(p.sectors),
      joinList(p.skills),
      joinList([...p.goals.sectors, ...p.goals.roles]),
      p.area,
      p.coachId,
      yesNo(p.consent.introductions),
      p.consent.recordedAt,
      p.consent.recordedBy,
    ]);
  }

  const organisations: CsvCell[][] = [columns('organisations')];
  for (const o of data.organisations) organisations.push([o.id, o.name, o.sector, o.size, o.area, yesNo(o.hiring)]);

  const events: CsvCell[][] = [columns('events')];
  for (const e of data.events) events.push([e.id, e.name, e.date, e.kind, e.area]);

  const attributeKeys: string[] = [];
  const known = new Set<string>();
  for (const t of data.ties) {
    for (const key of Object.keys(t.attributes)) {
      if (!known.has(key)) {
        known.add(key);
        attributeKeys.push(key);
      }
    }
  }
  const tieColumns = ['source', 'target', 'kind', 'strength', 'strength_source', 'since', 'last_contact', 'provenance'];
  const ties: CsvCell[][] = [
    [...tieColumns, ...attributeKeys.map((k) => (attributeNeedsPrefix(k) ? ATTRIBUTE_COLUMN_PREFIX + k : k))],
  ];
  for (const t of data.ties) {
    ties.push([
      t.source,
      t.target,
      t.kind,
      t.strength,
      t.strengthSource,
      t.since,
      t.lastContact,
      t.provenance,
      ...attributeKeys.map((k) => t.attributes[k]),
    ]);
  }

  return {
    'people.csv': writeCsv(people, options),
    'organisations.csv': writeCsv(organisations, options),
    'events.csv': writeCsv(events, options),
    'ties.csv': writeCsv(ties, options),
  };
}
