/**
 * Which reader a file needs, from its name and its first bytes.
 *
 * - `people.csv`, `organisations.csv` (or `organizations.csv`), `events.csv`, `ties.csv` — also `.tsv`, any case,
 *   in any folder — are the domain CSV files; they are recognised by name only.
 * - `*.json` is the domain JSON document; `*.gexf` GEXF; `*.graphml` GraphML.
 * - Any other `*.csv`, `*.tsv`, `*.txt`, `*.tab`, `*.edges`, `*.edgelist`, `*.el` is an edge list.
 * - Otherwise (no or another extension, e.g. `.xml`) the content decides: `{` or `[` → JSON; an XML document whose
 *   root is `<gexf` or `<graphml` → that format.
 * Anything else is refused with an error that lists what is accepted.
 */
import { BridgeworkError } from '../errors.js';
import { stripBom } from './csv.js';
import { domainCsvKindOf } from './domain-csv.js';

/** The input formats `parseInputFile` reads. */
export type InputFormat =
  'people-csv' | 'organisations-csv' | 'events-csv' | 'ties-csv' | 'json' | 'edge-list' | 'gexf' | 'graphml';

/** Every InputFormat, e.g. for a `--format` option. */
export const INPUT_FORMATS: readonly InputFormat[] = [
  'people-csv',
  'organisations-csv',
  'events-csv',
  'ties-csv',
  'json',
  'edge-list',
  'gexf',
  'graphml',
];

const EDGE_LIST_EXTENSIONS = new Set(['csv', 'tsv', 'txt', 'tab', 'edges', 'edgelist', 'el']);

/** The last segment of a path (either slash). */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

function sniffXml(head: string): 'gexf' | 'graphml' | undefined {
  // Skip the XML declaration, comments, processing instructions and a doctype to the root element's name.
  const m = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(head);
  const root = m?.[1]?.toLowerCase();
  return root === 'gexf' || root === 'graphml' ? root : undefined;
}

/**
 * The format of a file. `firstBytes` is the start of the text (a kilobyte or so is plenty). Throws a
 * BridgeworkError (`unsupported`) when the format cannot be told.
 */
export function detectFormat(fileName: string, firstBytes: string): InputFormat {
  const base = baseName(fileName);
  const domain = domainCsvKindOf(base);
  if (domain) return `${domain}-csv`;
  const ext = base.includes('.') ? (base.split('.').pop() ?? '').toLowerCase() : '';
  if (ext === 'json') return 'json';
  if (ext === 'gexf') return 'gexf';
  if (ext === 'graphml') return 'graphml';
  if (EDGE_LIST_EXTENSIONS.has(ext)) return 'edge-list';
  const head = stripBom(firstBytes).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (head.startsWith('<')) {
    const xml = sniffXml(head);
    if (xml) return xml;
    throw new BridgeworkError(
      'unsupported',
      `graph-core/io: ${base} is XML but neither GEXF nor GraphML (its root element is not <gexf> or <graphml>)`,
    );
  }
  throw new BridgeworkError(
    'unsupported',
    `graph-core/io: cannot tell the format of ${base}: expected people.csv, organisations.csv, events.csv, ties.csv, ` +
      `a .json document, a .gexf or .graphml graph, or an edge list (.csv, .tsv, .txt, .tab, .edges, .edgelist, .el)`,
  );
}
