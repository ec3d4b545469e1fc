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
  type FlatEdgeIn,
  type FlatNodeIn,
  type FlatType,
} from './flat-records.js';
import type { ParsedInput } from './parsed-input.js';
import {
  childrenNamed,
  descendants,
  escapeXmlAttribute as attr,
  escapeXmlText as text,
  XSI_NAMESPACE as XSI,
  type XmlElement,
} from './xml.js';
import {
  attributeDecl,
  declaredValues,
  openXmlGraph,
  recordsFromXmlGraph,
  type AttributeDecl,
  type XmlGraphElements,
  type XmlGraphFormat,
} from './xml-graph.js';

/** The XML namespace of GraphML. */
export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';
const SCHEMA = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';
const GRAPHML: XmlGraphFormat = { name: 'GraphML', root: 'graphml', graphOf: (root) => descendants(root, 'graph')[0] };

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

function keyDeclarations(root: XmlElement): Record<'node' | 'edge', Map<string, AttributeDecl>> {
  const out = { node: new Map<string, AttributeDecl>(), edge: new Map<string, AttributeDecl>() };
  for (const k of childrenNamed(root, 'key')) {
    const id = k.attributes.id;
    if (id === undefined) continue;
    const domain = (k.attributes.for ?? 'all').toLowerCase();
    const decl = attributeDecl(k, id, k.attributes['attr.name'], k.attributes['attr.type']);
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

/**
 * The values of an element's `<data>` children. A data element holding markup gives only a label (the first such that
 * has one), which a `label` value overrides.
 */
function readData(
  el: XmlElement,
  decls: Map<string, AttributeDecl>,
  lowerCaseNames: boolean,
): { values: Record<string, string>; types: Record<string, string> } {
  const entries: [string, string][] = [];
  let graphics: string | undefined;
  for (const d of childrenNamed(el, 'data')) {
    const id = d.attributes.key;
    if (id === undefined) continue;
    if (d.children.length > 0) graphics ??= graphicsLabel(d);
    else entries.push([id, d.text]);
  }
  return declaredValues(entries, decls, lowerCaseNames, graphics === undefined ? {} : { label: graphics });
}

/** `record` with its `label` value, if any, moved to its label (GraphML has no label of its own). */
function labelFromValues<T extends FlatNodeIn | FlatEdgeIn>(record: T): T {
  const { label } = record.values;
  if (label !== undefined) {
    record.label = label;
    delete record.values.label;
  }
  return record;
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
  const doc = openXmlGraph(textIn, file, GRAPHML);
  if ('failed' in doc) return doc.failed;
  const decls = keyDeclarations(doc.root);
  const read: XmlGraphElements = {
    node: (el, id) => labelFromValues({ id, ...readData(el, decls.node, true), line: el.line }),
    edge: (el, source, target) => labelFromValues({ source, target, ...readData(el, decls.edge, false), line: el.line }),
  };
  return recordsFromXmlGraph(doc.root, read, { file, provenance: options.provenance });
}
