/**
 * GraphData as the JSON document `parseDomainJson` reads: every section present, every field written (nulls and
 * defaults included), two-space indentation and a final newline, so an export diffs well and reads back unchanged.
 */
import type { GraphData } from '../model/schemas.js';

/** Options of `toJson`. */
export interface ToJsonOptions {
  /** Spaces of indentation; 0 writes one line. Default 2. */
  indent?: number;
}

/** The JSON text of `data` (sections in the order people, organisations, events, ties). */
export function toJson(data: GraphData, options: ToJsonOptions = {}): string {
  const doc = { people: data.people, organisations: data.organisations, events: data.events, ties: data.ties };
  return `${JSON.stringify(doc, null, options.indent ?? 2)}\n`;
}
