/**
 * The domain records as one JSON document: `{ "people": [...], "organisations": [...], "events": [...],
 * "ties": [...] }`, any subset of the four, with the field names of the zod schemas (camelCase: `coachId`,
 * `lastContact`, `strengthSource`, …) and their defaults. Two conveniences match the CSV import: a tie without
 * `strength` takes its kind's default strength (strengthSource 'default'), and a tie without `provenance` takes the
 * caller's `provenance`.
 *
 * Problems carry the JSON path in `column` (e.g. `ties[3].strength`) and the line of that property or element,
 * found with a position scanner over the text; invalid JSON gives one problem at the line and column of the syntax
 * error. Duplicates within the file (an id, or a tie key) are reported at the later element, which is dropped.
 */
import type { InputProblem } from '../errors.js';
import type { Section } from '../model/references.js';
import { TIE_KINDS, tieKey, type TieKind } from '../model/schemas.js';
import { issuesToProblems, valueAtPath } from './cell-values.js';
import { stripBom } from './csv.js';
import { LineIndex, joinJsonPath, scanJson } from './json-scan.js';
import { SECTIONS, SECTION_SCHEMAS, emptyParsedInput, type ParsedInput } from './parsed-input.js';

/** Options of `parseDomainJson`. */
export interface DomainJsonOptions {
  /** Name used in problems and origins; default `input.json`. */
  file?: string;
  /** Who or what recorded the data: fills a tie's missing `provenance`. */
  provenance?: string;
}

const RECORD_NOUN: Record<Section, string> = {
  people: 'person',
  organisations: 'organisation',
  events: 'event',
  ties: 'tie',
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Fill a tie's missing strength (kind default) and provenance (the caller's), as the CSV import does. */
function completeTie(element: unknown, provenance: string | undefined): unknown {
  if (!isPlainObject(element)) return element;
  const out = { ...element };
  if (out.strength === undefined) {
    const kind = out.kind === undefined ? 'knows' : out.kind;
    if (typeof kind === 'string' && Object.hasOwn(TIE_KINDS, kind)) {
      out.strength = TIE_KINDS[kind as TieKind].defaultStrength;
      if (out.strengthSource === undefined) out.strengthSource = 'default';
    }
  }
  if (out.provenance === undefined && provenance) out.provenance = provenance;
  return out;
}

/** Parse a domain JSON document. Never throws on bad input; see the file header. */
export function parseDomainJson(text: string, options: DomainJsonOptions = {}): ParsedInput {
  const file = options.file ?? 'input.json';
  const out = emptyParsedInput();
  const src = stripBom(text);
  const lines = new LineIndex(src);

  let root: unknown;
  try {
    root = JSON.parse(src);
  } catch (e) {
    const scan = scanJson(src, {}, lines);
    const err = scan.error;
    out.problems.push(
      err
        ? { file, line: err.line, column: err.column, reason: `invalid JSON: ${err.message}` }
        : { file, line: 1, reason: `invalid JSON: ${(e as Error).message}` },
    );
    return out;
  }
  if (!isPlainObject(root)) {
    out.problems.push({
      file,
      line: 1,
      reason: 'expected a JSON object with people, organisations, events and/or ties',
    });
    return out;
  }

  const positions = scanJson(src, { maxDepth: 2 }, lines).positions;
  const lineOfPath = (path: string): number => {
    const offset = positions.get(path);
    return offset === undefined ? 1 : lines.at(offset).line;
  };

  for (const key of Object.keys(root)) {
    if (!(SECTIONS as readonly string[]).includes(key)) {
      out.problems.push({
        file,
        line: lineOfPath(joinJsonPath('', key)),
        column: key,
        reason: `unknown section ${JSON.stringify(key)} (expected people, organisations, events and/or ties)`,
      });
    }
  }

  for (const section of SECTIONS) {
    const list = root[section];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      out.problems.push({ file, line: lineOfPath(section), column: section, reason: `${section} must be an array` });
      continue;
    }
    const seen = new Map<string, number>();
    list.forEach((raw: unknown, i) => {
      const elementPath = joinJsonPath(section, i);
      const elementOffset = positions.get(elementPath);
      const line = elementOffset === undefined ? 1 : lines.at(elementOffset).line;
      // Lines of the element's properties, scanned only when the element has a problem.
      let inner: Map<string, number> | undefined;
      const lineOfInner = (path: readonly PropertyKey[]): number | undefined => {
        if (elementOffset === undefined || path.length === 0) return undefined;
        inner ??= scanJson(src, { from: elementOffset, single: true, maxDepth: 4 }, lines).positions;
        const rel = path.reduce<string>((p, k) => joinJsonPath(p, typeof k === 'number' ? k : String(k)), '');
        const offset = inner.get(rel) ?? inner.get(joinJsonPath('', String(path[0])));
        return offset === undefined ? undefined : lines.at(offset).line;
      };
      const input = section === 'ties' ? completeTie(raw, options.provenance) : raw;
      const result = SECTION_SCHEMAS[section].safeParse(input);
      if (!result.success) {
        out.problems.push(
          ...issuesToProblems(result.error.issues, {
            file,
            line,
            columnOf: (path) =>
              path.reduce<string>((p, k) => joinJsonPath(p, typeof k === 'number' ? k : String(k)), elementPath),
            labelOf: (path) => {
              const last = [...path].reverse().find((k) => typeof k === 'string');
              return typeof last === 'string' ? last : RECORD_NOUN[section];
            },
            valueOf: (path) => valueAtPath(input, path),
            lineOf: lineOfInner,
          }),
        );
        return;
      }
      const record = result.data as { id?: string; source?: string; target?: string; kind?: TieKind };
      const key =
        section === 'ties' ? tieKey(record as { source: string; target: string; kind: TieKind }) : String(record.id);
      const before = seen.get(key);
      if (before !== undefined) {
        const problem: InputProblem =
          section === 'ties'
            ? {
                file,
                line,
                column: elementPath,
                value: `${record.source} ${record.kind} ${record.target}`,
                reason: `duplicate tie: the same source, kind and target as ${section}[${before}]`,
              }
            : {
                file,
                line,
                column: joinJsonPath(elementPath, 'id'),
                value: String(record.id),
                reason: `duplicate id: already defined at ${section}[${before}]`,
              };
        out.problems.push(problem);
        return;
      }
      seen.set(key, i);
      (out.data[section] as unknown[]).push(result.data);
      out.origins[section].push({ file, line });
    });
  }
  return out;
}
