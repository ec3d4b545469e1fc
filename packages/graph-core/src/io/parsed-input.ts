/**
 * What every reader returns: the records it could read (`data`), where each came from (`origins`, aligned with the
 * arrays of `data`), every problem it found, and informational notes (e.g. "dropped 3 self-loops"). Several files of
 * one import are merged with `mergeParsedInputs`, which keeps the origins so that `referenceProblems(data, existing,
 * merged.originOf)` reports unknown ids with the file and line they came from.
 */
import type { z } from 'zod';
import type { InputProblem } from '../errors.js';
import type { OriginOf, Section } from '../model/references.js';
import { EventSchema, OrganisationSchema, PersonSchema, TieSchema, tieKey, type GraphData } from '../model/schemas.js';

/** Where a record was read: file name as given to the reader and 1-based line. */
export interface RecordOrigin {
  file: string;
  line: number;
  /**
   * Set on people a reader made up for an endpoint it did not know (edge lists). Such a placeholder gives way,
   * without a problem, to a real record with the same id when inputs are merged.
   */
  generated?: true;
}

/** Origins per section, aligned with the arrays of `ParsedInput.data`. */
export type ParsedOrigins = Record<Section, RecordOrigin[]>;

/** The result of reading one or more input files. */
export interface ParsedInput {
  data: GraphData;
  origins: ParsedOrigins;
  problems: InputProblem[];
  notes: string[];
  /** Answers from `origins` (read at call time); pass it to `referenceProblems`. */
  originOf: OriginOf;
}

/** The four sections of GraphData, in the order they are read and written. */
export const SECTIONS: readonly Section[] = ['people', 'organisations', 'events', 'ties'];

/** The schema of the records of each section. */
export const SECTION_SCHEMAS = {
  people: PersonSchema,
  organisations: OrganisationSchema,
  events: EventSchema,
  ties: TieSchema,
} as const satisfies Record<Section, z.ZodType>;

/** A ParsedInput with nothing in it. */
export function emptyParsedInput(): ParsedInput {
  const parsed: ParsedInput = {
    data: { people: [], organisations: [], events: [], ties: [] },
    origins: { people: [], organisations: [], events: [], ties: [] },
    problems: [],
    notes: [],
    originOf: (section, index) => originOfParsed(parsed)(section, index),
  };
  return parsed;
}

/** An `OriginOf` callback for `referenceProblems` that answers from the origins of a parsed input. */
export function originOfParsed(parsed: Pick<ParsedInput, 'origins'>): OriginOf {
  return (section, index) => {
    const o = parsed.origins[section][index];
    return o ? { file: o.file, line: o.line } : { file: section, line: index + 1 };
  };
}

const at = (o: RecordOrigin) => `${o.file}:${o.line}`;

/**
 * Merge the results of several files into one. Records keep their order (input by input) and their origins.
 * A node id defined twice (in any two node sections) or a tie key that occurs twice is reported as a problem at the
 * later record, which is dropped; placeholder people (`generated`) give way silently to any real record.
 */
export function mergeParsedInputs(inputs: readonly ParsedInput[]): ParsedInput {
  const out = emptyParsedInput();
  const nodes = new Map<string, { section: Section; index: number; origin: RecordOrigin }>();
  const ties = new Map<string, RecordOrigin>();
  const droppedPeople = new Set<number>();

  for (const input of inputs) {
    out.problems.push(...input.problems);
    out.notes.push(...input.notes);
    for (const section of ['people', 'organisations', 'events'] as const) {
      const records = input.data[section];
      records.forEach((record, i) => {
        const origin = input.origins[section][i] ?? { file: section, line: i + 1 };
        const before = nodes.get(record.id);
        if (before) {
          if (origin.generated) return;
          if (before.origin.generated && before.section === 'people') {
            droppedPeople.add(before.index); // the placeholder gives way
          } else {
            out.problems.push({
              file: origin.file,
              line: origin.line,
              column: 'id',
              value: record.id,
              reason: `duplicate id: already defined at ${at(before.origin)}`,
            });
            return;
          }
        }
        const index = out.data[section].length;
        (out.data[section] as unknown[]).push(record);
        out.origins[section].push(origin);
        nodes.set(record.id, { section, index, origin });
      });
    }
    input.data.ties.forEach((tie, i) => {
      const origin = input.origins.ties[i] ?? { file: 'ties', line: i + 1 };
      const key = tieKey(tie);
      const before = ties.get(key);
      if (before) {
        out.problems.push({
          file: origin.file,
          line: origin.line,
          column: 'source',
          value: `${tie.source} ${tie.kind} ${tie.target}`,
          reason: `duplicate tie: the same source, kind and target as ${at(before)}`,
        });
        return;
      }
      ties.set(key, origin);
      out.data.ties.push(tie);
      out.origins.ties.push(origin);
    });
  }
  if (droppedPeople.size > 0) {
    out.data.people = out.data.people.filter((_, i) => !droppedPeople.has(i));
    out.origins.people = out.origins.people.filter((_, i) => !droppedPeople.has(i));
  }
  return out;
}

/**
 * `parsed` without the placeholder people (see `RecordOrigin.generated`) whose id is known, e.g. because the store
 * holds that node already: writing the placeholder would overwrite the real record's name.
 */
export function withoutKnownPlaceholders(parsed: ParsedInput, isKnown: (id: string) => boolean): ParsedInput {
  const out = emptyParsedInput();
  out.data = { ...parsed.data, people: [] };
  out.origins = { ...parsed.origins, people: [] };
  out.problems = [...parsed.problems];
  out.notes = [...parsed.notes];
  parsed.data.people.forEach((person, i) => {
    const origin = parsed.origins.people[i] ?? { file: 'people', line: i + 1 };
    if (origin.generated && isKnown(person.id)) return;
    out.data.people.push(person);
    out.origins.people.push(origin);
  });
  return out;
}
