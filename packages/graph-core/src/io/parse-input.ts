/**
 * One entry point for reading an input file of any supported format into a ParsedInput, and one for reading the
 * several files of an import together. Pure: the caller reads the files and passes their text.
 */
import { parseDomainCsv } from './domain-csv.js';
import { parseDomainJson } from './domain-json.js';
import { baseName, detectFormat, type InputFormat } from './detect-format.js';
import { edgeListToGraphData, readEdgeList } from './edge-list.js';
import { parseGexf } from './gexf.js';
import { parseGraphml } from './graphml.js';
import { mergeParsedInputs, type ParsedInput } from './parsed-input.js';
import type { Delimiter } from './csv.js';

/** Options of `parseInputFile` and `parseInputFiles`. */
export interface ParseInputOptions {
  /** The format, when the caller knows it; otherwise `detectFormat` decides (and may throw). */
  format?: InputFormat;
  /** Who or what recorded the data, e.g. `import:ties.csv`: fills empty tie provenance and consent recordedBy. */
  provenance?: string;
  /** Edge lists: ids that exist already and must not become placeholder people. */
  knownIds?: ReadonlySet<string> | ((id: string) => boolean);
  /** CSV files and edge lists: the delimiter, when not to be detected. */
  delimiter?: Delimiter;
  /** Edge lists: whether the first row is a header, when not to be detected. */
  header?: boolean;
}

const DOMAIN_KIND = {
  'people-csv': 'people',
  'organisations-csv': 'organisations',
  'events-csv': 'events',
  'ties-csv': 'ties',
} as const;

/**
 * Read one file. `fileName` names the file in problems and origins (pass it as the user wrote it) and, unless
 * `options.format` is given, decides the format with the text's start. Throws only when the format cannot be told;
 * everything wrong inside the file is in `problems`.
 */
export function parseInputFile(fileName: string, text: string, options: ParseInputOptions = {}): ParsedInput {
  const format = options.format ?? detectFormat(fileName, text.slice(0, 4096));
  const common = { file: fileName, ...(options.provenance === undefined ? {} : { provenance: options.provenance }) };
  switch (format) {
    case 'people-csv':
    case 'organisations-csv':
    case 'events-csv':
    case 'ties-csv':
      return parseDomainCsv(DOMAIN_KIND[format], text, { ...common, delimiter: options.delimiter ?? 'auto' });
    case 'json':
      return parseDomainJson(text, common);
    case 'gexf':
      return parseGexf(text, common);
    case 'graphml':
      return parseGraphml(text, common);
    case 'edge-list': {
      const list = readEdgeList(text, {
        file: fileName,
        delimiter: options.delimiter ?? 'auto',
        ...(options.header === undefined ? {} : { header: options.header }),
      });
      return edgeListToGraphData(list, {
        ...(options.provenance === undefined ? {} : { provenance: options.provenance }),
        ...(options.knownIds === undefined ? {} : { knownIds: options.knownIds }),
      });
    }
  }
}

/** A file of an import: its name (as the user wrote it) and text. */
export interface InputFile {
  name: string;
  text: string;
}

/**
 * Read the files of one import and merge them (see `mergeParsedInputs`). Edge lists are read last, knowing the ids
 * defined by the other files (and `options.knownIds`), so their endpoints become placeholder people only when
 * nothing else defines them; the result keeps the files' order otherwise. `options.format` is ignored here (each
 * file's format is detected) and `options.provenance`, when not given, is `import:<file name>` per file.
 */
export function parseInputFiles(
  files: readonly InputFile[],
  options: Omit<ParseInputOptions, 'format'> = {},
): ParsedInput {
  const formats = files.map((f) => detectFormat(f.name, f.text.slice(0, 4096)));
  const provenanceOf = (f: InputFile) => options.provenance ?? `import:${baseName(f.name)}`;
  const results: (ParsedInput | undefined)[] = files.map((f, i) =>
    formats[i] === 'edge-list'
      ? undefined
      : parseInputFile(f.name, f.text, { ...options, format: formats[i], provenance: provenanceOf(f) }),
  );
  const ids = new Set<string>();
  for (const r of results) {
    for (const n of [...(r?.data.people ?? []), ...(r?.data.organisations ?? []), ...(r?.data.events ?? [])])
      ids.add(n.id);
  }
  const outer = options.knownIds;
  const knownIds = (id: string) => ids.has(id) || (typeof outer === 'function' ? outer(id) : (outer?.has(id) ?? false));
  files.forEach((f, i) => {
    if (results[i] === undefined) {
      results[i] = parseInputFile(f.name, f.text, {
        ...options,
        format: 'edge-list',
        provenance: provenanceOf(f),
        knownIds,
      });
    }
  });
  return mergeParsedInputs(results as ParsedInput[]);
}
