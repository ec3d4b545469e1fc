/**
 * Reading and writing Bridgework data: the domain CSV and JSON files, plain edge lists, GEXF and GraphML. Pure
 * functions over strings; the CLI does the file I/O. Only the public API is re-exported here; the helpers the
 * readers share (cell conversions, the XML tree, the JSON position scanner) stay inside the module.
 */
export {
  detectDelimiter,
  protectCell,
  readCsv,
  stripBom,
  unprotectCell,
  writeCsv,
  type CsvCell,
  type CsvReadResult,
  type CsvRow,
  type Delimiter,
  type ReadCsvOptions,
  type WriteCsvOptions,
} from './csv.js';
export { LIST_SEPARATOR } from './cell-values.js';
export {
  emptyParsedInput,
  mergeParsedInputs,
  originOfParsed,
  withoutKnownPlaceholders,
  type ParsedInput,
  type ParsedOrigins,
  type RecordOrigin,
} from './parsed-input.js';
export {
  DOMAIN_CSV_COLUMNS,
  domainCsvKindOf,
  parseDomainCsv,
  type DomainCsvKind,
  type DomainCsvOptions,
} from './domain-csv.js';
export { parseDomainJson, type DomainJsonOptions } from './domain-json.js';
export {
  EDGE_LIST_ENDPOINT_NAMES,
  EDGE_LIST_TIME_NAMES,
  EDGE_LIST_WEIGHT_NAMES,
  edgeListToGraphData,
  readEdgeList,
  type EdgeList,
  type EdgeListEdge,
  type EdgeListImportOptions,
  type ReadEdgeListOptions,
} from './edge-list.js';
export { linkedTiesFrom, type LinkedTiesOptions } from './linked-ties.js';
export { GEXF_NAMESPACE, parseGexf, toGexf, type GexfReadOptions, type GexfWriteOptions } from './gexf.js';
export { GRAPHML_NAMESPACE, parseGraphml, toGraphml, type GraphmlReadOptions } from './graphml.js';
export { toJson, type ToJsonOptions } from './json-export.js';
export { toCsvFiles, type DomainCsvFiles } from './csv-export.js';
export { INPUT_FORMATS, detectFormat, type InputFormat } from './detect-format.js';
export { parseInputFile, parseInputFiles, type InputFile, type ParseInputOptions } from './parse-input.js';
