/**
 * Shared conversions between the text of a cell (CSV, XML attribute values) and domain values, and the mapping of
 * zod issues to readable InputProblems. Used by every reader so that "yes", "0.5" and "a;b" mean the same thing in
 * a CSV file, a GEXF file and a GraphML file.
 */
import type { z } from 'zod';
import type { InputProblem } from '../errors.js';

/** The separator of list cells (`roles`, `skills`, `goals`, …) in CSV files and in GEXF/GraphML attributes. */
export const LIST_SEPARATOR = ';';

const TRUE_WORDS = new Set(['yes', 'true', '1', 'y']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'n']);

/** The words accepted for a boolean cell, for messages. */
export const BOOLEAN_WORDS = 'yes/no, true/false, 1/0 or y/n';

/** yes/no, true/false, 1/0, y/n (any case, surrounding spaces ignored) as a boolean; undefined otherwise. */
export function parseBooleanCell(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_DECIMAL_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A decimal number written as text (`3`, `-0.25`, `1e-3`), or undefined. With `decimalComma`, `0,25` is read as
 * 0.25 too (semicolon-separated files from European spreadsheets). Hex, `Infinity` and empty text are not numbers.
 */
export function parseNumberCell(text: string, decimalComma = false): number | undefined {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  if (decimalComma && NUMBER_DECIMAL_COMMA.test(t)) return Number(t.replace(',', '.'));
  return undefined;
}

/** A `;`-separated list cell as its items, trimmed, empty items dropped. */
export function splitList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Items joined into a list cell. */
export function joinList(items: readonly string[]): string {
  return items.join(LIST_SEPARATOR);
}

/**
 * The value of a free attribute cell: a number when the text is a decimal number, `true`/`false` as booleans,
 * otherwise the text. (So the string "12" does not survive a trip through a text format as a string.)
 */
export function inferAttributeValue(text: string): string | number | boolean {
  const n = parseNumberCell(text);
  if (n !== undefined) return n;
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

/** The value at a zod issue path inside `input`. */
export function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A value as the text shown in a problem. */
export function displayValue(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** A short "must …" phrase for a zod issue, worded for people editing a file. */
export function issuePhrase(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      // Custom messages (e.g. "must be a number in [0, 1]") are kept; zod's default ones are reworded.
      return issue.message.startsWith('Invalid input') ? `must be ${article(issue.expected)}` : issue.message;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      if (issue.origin === 'string') return `must be at least ${issue.minimum} characters`;
      return issue.message.startsWith('Too small') ? `must be at least ${issue.minimum}` : issue.message;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return issue.message.startsWith('Too big') ? `must be at most ${issue.maximum}` : issue.message;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  }
}

/** How to name the place of a zod issue for one record. */
export interface IssueContext {
  file: string;
  line: number;
  /** The `column` of the problem for an issue path (a CSV column name, a JSON path, an XML attribute name). */
  columnOf: (path: readonly PropertyKey[]) => string;
  /** The word that opens the reason, e.g. the column name; defaults to the column. */
  labelOf?: (path: readonly PropertyKey[]) => string;
  /** The raw value at an issue path, for the problem's `value`. */
  valueOf: (path: readonly PropertyKey[]) => unknown;
  /** Override `line` per path (e.g. the line of a JSON key). */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * One InputProblem per zod issue. The reason reads "<label> <phrase>", e.g. "strength must be a number in [0, 1]";
 * an unknown enum value reads "unknown <label> "<value>": must be one of …", an empty one "<label> is required: …".
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): InputProblem[] {
  return issues.map((issue) => {
    const path = issue.path;
    const column = ctx.columnOf(path);
    const label = ctx.labelOf ? ctx.labelOf(path) : column;
    const raw = ctx.valueOf(path);
    const value = displayValue(raw);
    let reason = `${label} ${issuePhrase(issue, raw)}`;
    if (issue.code === 'invalid_value' && raw === '') reason = `${label} is required: ${issuePhrase(issue, raw)}`;
    else if (issue.code === 'invalid_value' && raw !== undefined) {
      reason = `unknown ${label} ${JSON.stringify(value)}: ${issuePhrase(issue, raw)}`;
    }
    const problem: InputProblem = { file: ctx.file, line: ctx.lineOf?.(path) ?? ctx.line, column, reason };
    if (value !== undefined) problem.value = value;
    return problem;
  });
}
