/**
 * The reading side that GEXF and GraphML share: opening the document (its root element and its graph checked, or a
 * result holding the problems when it cannot be read), the values of a node or an edge matched to their declarations
 * (GEXF `<attribute>`, GraphML `<key>`) with the declared defaults applied, and the walk over the `<node>` and
 * `<edge>` elements into the flat records of `flat-records.ts`.
 */
import { recordsFromFlat, type FlatEdgeIn, type FlatNodeIn, type FlatReadOptions } from './flat-records.js';
import { emptyParsedInput, type ParsedInput } from './parsed-input.js';
import { childrenNamed, descendants, parseXml, type XmlElement } from './xml.js';

/** A declared attribute: its name (GEXF title, GraphML attr.name), its type in lower case and its default. */
export interface AttributeDecl {
  name: string;
  type: string;
  default?: string;
}

/**
 * The declaration that element `el` makes for the attribute with id `id`: named `name` (by the id when missing or
 * empty), of type `type` (string when missing), with the text of its `<default>` child as the default.
 */
export function attributeDecl(
  el: XmlElement,
  id: string,
  name: string | undefined,
  type: string | undefined,
): AttributeDecl {
  const decl: AttributeDecl = { name: name || id, type: (type ?? 'string').toLowerCase() };
  const def = childrenNamed(el, 'default')[0];
  if (def) decl.default = def.text;
  return decl;
}

/**
 * The values of a node or an edge from its `[attribute id, value]` entries, named and typed by their declarations (an
 * undeclared one is named by its id and has no type; names in lower case when `lowerCaseNames`); then the declared
 * defaults of the attributes not given. `preset` holds untyped values set before the entries, which they override.
 */
export function declaredValues(
  entries: readonly (readonly [id: string, value: string])[],
  decls: ReadonlyMap<string, AttributeDecl>,
  lowerCaseNames: boolean,
  preset: Record<string, string> = {},
): { values: Record<string, string>; types: Record<string, string> } {
  const values = { ...preset };
  const types: Record<string, string> = {};
  const name = (s: string) => (lowerCaseNames ? s.toLowerCase() : s);
  for (const [id, value] of entries) {
    const decl = decls.get(id);
    const n = name(decl?.name ?? id);
    values[n] = value;
    if (decl) types[n] = decl.type;
  }
  for (const decl of decls.values()) {
    const n = name(decl.name);
    if (decl.default !== undefined && values[n] === undefined) {
      values[n] = decl.default;
      types[n] = decl.type;
    }
  }
  return { values, types };
}

/** What identifies a format's documents, for `openXmlGraph`. */
export interface XmlGraphFormat {
  /** The name used in problems: `GEXF`, `GraphML`. */
  name: string;
  /** The local name of the root element: `gexf`, `graphml`. */
  root: string;
  /** The graph element of a document, if it has one. */
  graphOf: (root: XmlElement) => XmlElement | undefined;
}

/**
 * Parse `text` as a document of `format`: its root and graph elements, or `failed`, a result holding the problems
 * (malformed XML, another root element, no graph).
 */
export function openXmlGraph(
  text: string,
  file: string,
  format: XmlGraphFormat,
): { root: XmlElement; graph: XmlElement } | { failed: ParsedInput } {
  const xml = parseXml(text, file);
  const fail = (line: number, reason: string) => {
    const failed = emptyParsedInput();
    failed.problems.push(...xml.problems, ...(reason ? [{ file, line, reason }] : []));
    return { failed };
  };
  if (!xml.root) return fail(1, '');
  if (xml.root.name !== format.root) {
    return fail(
      xml.root.line,
      `not a ${format.name} document: the root element is <${xml.root.name}>, expected <${format.root}>`,
    );
  }
  const graph = format.graphOf(xml.root);
  if (!graph) return fail(xml.root.line, `the ${format.name} document has no <graph> element`);
  return { root: xml.root, graph };
}

/** How a format reads one `<node>` or `<edge>` element, whose id, or source and target, are given. */
export interface XmlGraphElements {
  node: (el: XmlElement, id: string) => FlatNodeIn;
  edge: (el: XmlElement, source: string, target: string) => FlatEdgeIn;
}

/**
 * Domain records from the `<node>` and `<edge>` elements anywhere below `scope`, each read by `read`. An element
 * without an id, or without a source or a target, is reported at its line (before the other problems) and skipped.
 */
export function recordsFromXmlGraph(
  scope: XmlElement,
  read: XmlGraphElements,
  options: FlatReadOptions,
): ParsedInput {
  const { file } = options;
  const nodes: FlatNodeIn[] = [];
  const edges: FlatEdgeIn[] = [];
  const missing: ParsedInput['problems'] = [];
  for (const el of descendants(scope, 'node')) {
    const id = el.attributes.id;
    if (id === undefined) missing.push({ file, line: el.line, column: 'id', reason: 'a node needs an id' });
    else nodes.push(read.node(el, id));
  }
  for (const el of descendants(scope, 'edge')) {
    const { source, target } = el.attributes;
    if (source === undefined || target === undefined) {
      missing.push({
        file,
        line: el.line,
        column: source === undefined ? 'source' : 'target',
        reason: 'an edge needs a source and a target',
      });
    } else edges.push(read.edge(el, source, target));
  }
  const parsed = recordsFromFlat(nodes, edges, options);
  parsed.problems.unshift(...missing);
  return parsed;
}
