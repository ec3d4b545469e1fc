/**
 * GraphML (http://graphml.graphdrawing.org), read by Gephi, yEd, Cytoscape, NetworkX and igraph.
 *
 * Writing: every attribute is declared as a `<key>` with `attr.name` and `attr.type` (string, boolean, double);
 * the graph has `edgedefault="undirected"` and the ties of asymmetric kinds carry `directed="true"`. Node keys are
 * `label` (the record's name) and the fields of `flat-records.ts`; edge keys are `kind` (the tie kind), `weight`
 * (the strength) and the tie fields. Key ids are `n-<name>` / `e-<name>`.
 *
 * Reading: our own files and GraphML from other tools: `<data>` is matched to its `<key>` by id and named by
 * `attr.name` (falling back to the id); declared `<default>` values apply; a data element holding markup (yEd's
 * node and edge graphics) gives its `NodeLabel`/`EdgeLabel` text as the label and is otherwise ignored. Nodes and
 * edges of nested graphs are read as one graph; hyperedges and ports are ignored. See `flat-records.ts` for how
 * foreign nodes and edges map to domain records.
 */
import type { GraphData } from '../model/schemas.js';
import {
  EDGE_FIELDS,
  NODE_FIELDS,
  flattenNodes,
  flattenTies,
  recordsFromFlat,
  type FlatEdgeIn,
  type FlatNodeIn,
  type FlatType,
} from './flat-records.js';
import { emptyParsedInput, type ParsedInput } from './parsed-input.js';
import {
  childrenNamed,
  descendants,
  escapeXmlAttribute as attr,
  escapeXmlText as text,
  parseXml,
  type XmlElement,
} from './xml.js';

/** The XML namespace of GraphML. */
export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const SCHEMA = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

const key = (domain: 'node' | 'edge', name: string, type: FlatType | 'double') =>
  `  <key id="${domain === 'node' ? 'n' : 'e'}-${name}" for="${domain}" attr.name="${name}" attr.type="${type}"/>`;

/** `data` as a GraphML document. */
export function toGraphml(data: GraphData): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="${GRAPHML_NAMESPACE}" xmlns:xsi="${XSI}" xsi:schemaLocation="${GRAPHML_NAMESPACE} ${SCHEMA}">`,
    key('node', 'label', 'string'),
    ...NODE_FIELDS.map((f) => key('node', f.name, f.type)),
    key('edge', 'kind', 'string'),
    key('edge', 'weight', 'double'),
    ...EDGE_FIELDS.map((f) => key('edge', f.name, f.type)),
    '  <graph id="G" edgedefault="undirected">',
  ];
  for (const n of flattenNodes(data)) {
    lines.push(`    <node id="${attr(n.id)}">`, `      <data key="n-label">${text(n.label)}</data>`);
    for (const [k, v] of Object.entries(n.values)) lines.push(`      <data key="n-${k}">${text(String(v))}</data>`);
    lines.push('    </node>');
  }
  flattenTies(data).forEach((e, i) => {
    const directed = e.directed ? ' directed="true"' : '';
    lines.push(
      `    <edge id="e${i}" source="${attr(e.source)}" target="${attr(e.target)}"${directed}>`,
      `      <data key="e-kind">${e.kind}</data>`,
      `      <data key="e-weight">${e.weight}</data>`,
    );
    for (const [k, v] of Object.entries(e.values)) lines.push(`      <data key="e-${k}">${text(String(v))}</data>`);
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

interface KeyDecl {
  name: string;
  type: string;
  default?: string;
}

function keyDeclarations(root: XmlElement): Record<'node' | 'edge', Map<string, KeyDecl>> {
  const out = { node: new Map<string, KeyDecl>(), edge: new Map<string, KeyDecl>() };
  for (const k of childrenNamed(root, 'key')) {
    const id = k.attributes.id;
    if (id === undefined) continue;
    const domain = (k.attributes.for ?? 'all').toLowerCase();
    const decl: KeyDecl = {
      name: k.attributes['attr.name'] || id,
      type: (k.attributes['attr.type'] ?? 'string').toLowerCase(),
    };
    const def = childrenNamed(k, 'default')[0];
    if (def) decl.default = def.text;
    if (domain === 'node' || domain === 'all') out.node.set(id, decl);
    if (domain === 'edge' || domain === 'all') out.edge.set(id, decl);
  }
  return out;
}

/** The label inside a `<data>` element holding markup, as yEd writes node and edge graphics. */
function graphicsLabel(el: XmlElement): string | undefined {
  if (el.children.length === 0) return undefined;
  const label = [...descendants(el, 'NodeLabel'), ...descendants(el, 'EdgeLabel')][0];
  return label?.text.trim();
}

function readData(
  el: XmlElement,
  decls: Map<string, KeyDecl>,
  lowerCaseNames: boolean,
): { values: Record<string, string>; types: Record<string, string> } {
  const values: Record<string, string> = {};
  const types: Record<string, string> = {};
  const name = (s: string) => (lowerCaseNames ? s.toLowerCase() : s);
  for (const d of childrenNamed(el, 'data')) {
    const id = d.attributes.key;
    if (id === undefined) continue;
    const graphics = graphicsLabel(d);
    if (d.children.length > 0) {
      if (graphics !== undefined && values.label === undefined) values.label = graphics;
      continue;
    }
    const decl = decls.get(id);
    const n = name(decl?.name ?? id);
    values[n] = d.text;
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

/** Options of `parseGraphml`. */
export interface GraphmlReadOptions {
  /** Name used in problems and origins; default `graph.graphml`. */
  file?: string;
  /** Provenance for ties that have none. */
  provenance?: string;
}

/** Read a GraphML document (ours or another tool's) into domain records. Never throws on bad input. */
export function parseGraphml(textIn: string, options: GraphmlReadOptions = {}): ParsedInput {
  const file = options.file ?? 'graph.graphml';
  const xml = parseXml(textIn, file);
  const fail = (line: number, reason: string): ParsedInput => {
    const out = emptyParsedInput();
    out.problems.push(...xml.problems, ...(reason ? [{ file, line, reason }] : []));
    return out;
  };
  if (!xml.root) return fail(1, '');
  if (xml.root.name !== 'graphml') {
    return fail(xml.root.line, `not a GraphML document: the root element is <${xml.root.name}>, expected <graphml>`);
  }
  if (descendants(xml.root, 'graph').length === 0)
    return fail(xml.root.line, 'the GraphML document has no <graph> element');
  const decls = keyDeclarations(xml.root);

  const nodes: FlatNodeIn[] = [];
  const edges: FlatEdgeIn[] = [];
  const missing: ParsedInput['problems'] = [];
  for (const el of descendants(xml.root, 'node')) {
    const id = el.attributes.id;
    if (id === undefined) {
      missing.push({ file, line: el.line, column: 'id', reason: 'a node needs an id' });
      continue;
    }
    const { values, types } = readData(el, decls.node, true);
    const node: FlatNodeIn = { id, values, types, line: el.line };
    if (values.label !== undefined) {
      node.label = values.label;
      delete values.label;
    }
    nodes.push(node);
  }
  for (const el of descendants(xml.root, 'edge')) {
    const { source, target } = el.attributes;
    if (source === undefined || target === undefined) {
      missing.push({
        file,
        line: el.line,
        column: source === undefined ? 'source' : 'target',
        reason: 'an edge needs a source and a target',
      });
      continue;
    }
    const { values, types } = readData(el, decls.edge, false);
    const edge: FlatEdgeIn = { source, target, values, types, line: el.line };
    if (values.label !== undefined) {
      edge.label = values.label;
      delete values.label;
    }
    edges.push(edge);
  }
  const parsed = recordsFromFlat(nodes, edges, { file, provenance: options.provenance });
  parsed.problems.unshift(...missing);
  return parsed;
}
