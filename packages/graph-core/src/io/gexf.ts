/**
 * GEXF 1.3 (https://gexf.net), the format of Gephi.
 *
 * Writing: namespace `http://gexf.net/1.3`, a static graph with `defaultedgetype="undirected"` in which the ties of
 * asymmetric kinds (mentors, works-at, …) carry `type="directed"`. A mixed default is not used: Gephi's GEXF
 * importer (0.9/0.10) accepts only `directed`, `undirected` (and warns on `mutual`) as the default edge type and
 * reports anything else, such as `mixed`, as a severe issue, while it honours a per-edge `type`. Node and edge
 * attributes are declared with their types in `<attributes class="node">` / `<attributes class="edge">` (see
 * `flat-records.ts` for the fields); the node label is the name, the edge `weight` is the strength, and the tie kind
 * is both the edge `kind` (GEXF 1.3's attribute for parallel edges of different kinds, which Gephi reads as the edge
 * type) and its `label`.
 *
 * Reading: our own files and GEXF 1.1–1.3 from other tools (attribute values are matched to their declarations by
 * id, and named by title; declared defaults apply). See `flat-records.ts` for how foreign nodes and edges map to
 * domain records. Problems carry the line of the `<node>` or `<edge>` element.
 */
import type { GraphData } from '../model/schemas.js';
import {
  EDGE_FIELDS,
  NODE_FIELDS,
  flattenNodes,
  flattenTies,
  type FlatEdgeIn,
  type FlatNodeIn,
  type FlatValues,
} from './flat-records.js';
import type { ParsedInput } from './parsed-input.js';
import { childrenNamed, escapeXmlAttribute as attr, escapeXmlText, XSI_NAMESPACE as XSI, type XmlElement } from './xml.js';
import {
  attributeDecl,
  declaredValues,
  openXmlGraph,
  recordsFromXmlGraph,
  type AttributeDecl,
  type XmlGraphElements,
  type XmlGraphFormat,
} from './xml-graph.js';

/** The XML namespace of GEXF 1.3. */
export const GEXF_NAMESPACE = 'http://gexf.net/1.3';
const GEXF: XmlGraphFormat = { name: 'GEXF', root: 'gexf', graphOf: (root) => childrenNamed(root, 'graph')[0] };

/** Options of `toGexf`. */
export interface GexfWriteOptions {
  /** `<creator>` of the meta block; default `Bridgework`. */
  creator?: string;
  description?: string;
  /** `lastmodifieddate` (YYYY-MM-DD) of the meta block; left out when not given (graph-core reads no clock). */
  lastModified?: string;
}

function attvalues(values: FlatValues, indent: string): string[] {
  const entries = Object.entries(values);
  if (entries.length === 0) return [];
  return [
    `${indent}<attvalues>`,
    ...entries.map(([k, v]) => `${indent}  <attvalue for="${attr(k)}" value="${attr(String(v))}"/>`),
    `${indent}</attvalues>`,
  ];
}

/** `data` as a GEXF 1.3 document. */
export function toGexf(data: GraphData, options: GexfWriteOptions = {}): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${GEXF_NAMESPACE}" xmlns:xsi="${XSI}" xsi:schemaLocation="${GEXF_NAMESPACE} ${GEXF_NAMESPACE}/gexf.xsd" version="1.3">`,
    options.lastModified ? `  <meta lastmodifieddate="${attr(options.lastModified)}">` : '  <meta>',
    `    <creator>${escapeXmlText(options.creator ?? 'Bridgework')}</creator>`,
    ...(options.description ? [`    <description>${escapeXmlText(options.description)}</description>`] : []),
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    ...NODE_FIELDS.map((f) => `      <attribute id="${f.name}" title="${f.name}" type="${f.type}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_FIELDS.map((f) => `      <attribute id="${f.name}" title="${f.name}" type="${f.type}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of flattenNodes(data)) {
    lines.push(
      `      <node id="${attr(n.id)}" label="${attr(n.label)}">`,
      ...attvalues(n.values, '        '),
      '      </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  flattenTies(data).forEach((e, i) => {
    const type = e.directed ? ' type="directed"' : '';
    const ends = `source="${attr(e.source)}" target="${attr(e.target)}"${type}`;
    const head = `      <edge id="${i}" ${ends} kind="${e.kind}" label="${e.kind}" weight="${e.weight}"`;
    const body = attvalues(e.values, '        ');
    if (body.length === 0) lines.push(`${head}/>`);
    else lines.push(`${head}>`, ...body, '      </edge>');
  });
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return `${lines.join('\n')}\n`;
}

function declarations(graph: XmlElement): Record<'node' | 'edge', Map<string, AttributeDecl>> {
  const out = { node: new Map<string, AttributeDecl>(), edge: new Map<string, AttributeDecl>() };
  for (const block of childrenNamed(graph, 'attributes')) {
    const cls = (block.attributes.class ?? 'node').toLowerCase() === 'edge' ? 'edge' : 'node';
    for (const a of childrenNamed(block, 'attribute')) {
      const id = a.attributes.id;
      if (id !== undefined) out[cls].set(id, attributeDecl(a, id, a.attributes.title, a.attributes.type));
    }
  }
  return out;
}

/** The `[attribute id, value]` entries of an element's `<attvalues>`. */
function attvalueEntries(el: XmlElement): [string, string][] {
  const entries: [string, string][] = [];
  for (const block of childrenNamed(el, 'attvalues')) {
    for (const av of childrenNamed(block, 'attvalue')) {
      const id = av.attributes.for ?? av.attributes.id;
      const value = av.attributes.value;
      if (id !== undefined && value !== undefined) entries.push([id, value]);
    }
  }
  return entries;
}

/** Options of `parseGexf`. */
export interface GexfReadOptions {
  /** Name used in problems and origins; default `graph.gexf`. */
  file?: string;
  /** Provenance for ties that have none. */
  provenance?: string;
}

/** Read a GEXF document (ours or another tool's) into domain records. Never throws on bad input. */
export function parseGexf(text: string, options: GexfReadOptions = {}): ParsedInput {
  const file = options.file ?? 'graph.gexf';
  const doc = openXmlGraph(text, file, GEXF);
  if ('failed' in doc) return doc.failed;
  const decls = declarations(doc.graph);
  const read: XmlGraphElements = {
    node: (el, id) => {
      const { values, types } = declaredValues(attvalueEntries(el), decls.node, true);
      const node: FlatNodeIn = { id, values, types, line: el.line };
      if (el.attributes.label !== undefined) node.label = el.attributes.label;
      return node;
    },
    edge: (el, source, target) => {
      const { values, types } = declaredValues(attvalueEntries(el), decls.edge, false);
      const edge: FlatEdgeIn = { source, target, values, types, line: el.line };
      if (el.attributes.kind !== undefined) edge.kind = el.attributes.kind;
      if (el.attributes.label !== undefined) edge.label = el.attributes.label;
      if (el.attributes.weight !== undefined) edge.weight = el.attributes.weight;
      return edge;
    },
  };
  return recordsFromXmlGraph(doc.graph, read, { file, provenance: options.provenance });
}
