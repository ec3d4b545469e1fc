/**
 * Minimal XML support for the GEXF and GraphML readers and writers: `parseXml` reads a document with saxes into a
 * small element tree in which every element knows the line and column where its start tag begins, and the escape
 * helpers produce text that any XML 1.0 parser reads back to the same string. Namespace prefixes are dropped from
 * element and attribute names (`viz:color` → `color`), which is all these two formats need; no DTD is processed.
 */
import { SaxesParser } from 'saxes';
import type { InputProblem } from '../errors.js';
import { stripBom } from './csv.js';
import { LineIndex } from './json-scan.js';

/** The XML Schema instance namespace, for `xsi:schemaLocation`. */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** An element of a parsed document. */
export interface XmlElement {
  /** Local name (without a namespace prefix). */
  name: string;
  /** Attributes by local name. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (character data and CDATA directly inside it). */
  text: string;
  /** 1-based line and column of the `<` of the start tag. */
  line: number;
  column: number;
}

/** The root element of a parsed document, or the problem that stopped the parse. */
export interface XmlParseResult {
  root?: XmlElement;
  problems: InputProblem[];
}

const localName = (qname: string) => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

class XmlAbort extends Error {}

/** Parse an XML document. A syntax error ends the parse with one problem at its line and column. */
export function parseXml(text: string, file: string): XmlParseResult {
  const src = stripBom(text);
  const lines = new LineIndex(src);
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let tagLine = 1;
  let tagColumn = 1;
  let problem: InputProblem | undefined;

  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('opentagstart', (tag) => {
    // saxes has read `<`, the name and the character after it: step back to the `<`.
    const at = lines.at(Math.max(0, parser.position - tag.name.length - 2));
    tagLine = at.line;
    tagColumn = at.column;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) {
      attributes[localName(name)] = typeof value === 'string' ? value : value.value;
    }
    const el: XmlElement = {
      name: localName(tag.name),
      attributes,
      children: [],
      text: '',
      line: tagLine,
      column: tagColumn,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (err) => {
    const m = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(err.message);
    problem = {
      file,
      line: m ? Number(m[1]) : parser.line,
      column: m ? Number(m[2]) + 1 : parser.column + 1,
      reason: `invalid XML: ${m ? m[3] : err.message}`,
    };
    throw new XmlAbort();
  });

  try {
    parser.write(src).close();
  } catch (e) {
    if (!(e instanceof XmlAbort)) throw e;
  }
  if (problem) return { problems: [problem] };
  return root ? { root, problems: [] } : { problems: [{ file, line: 1, reason: 'invalid XML: no root element' }] };
}

/** Every descendant element (depth first, document order) with the given local name. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** The direct children with the given local name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

// Characters XML 1.0 does not allow at all, even as character references; written as U+FFFD.
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content escaped for an element body (CR kept as a reference, since parsers turn CRLF into LF). */
export function escapeXmlText(s: string): string {
  return s
    .replace(ILLEGAL, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value escaped for double quotes (tab and line breaks as references, since parsers normalise them). */
export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
