/**
 * JSON Schema → TypeScript type text, for the subset of JSON Schema 2020-12 that zod's `z.toJSONSchema` writes into
 * the API's OpenAPI 3.1 document: `type` (one or a list), `enum`, `const`, `anyOf`/`oneOf`/`allOf`, `$ref` to
 * `#/components/schemas/…`, objects (`properties`, `required`, `additionalProperties`, `propertyNames` with an enum
 * for `z.partialRecord`), arrays (`items`, and `prefixItems` for tuples). Validation-only keywords (lengths, patterns,
 * formats, bounds, defaults) do not change the type and are skipped; `description` becomes a JSDoc comment. Any other
 * keyword is refused with its JSON pointer, so a schema this converter cannot read fails loudly instead of turning
 * into a looser type.
 */
import { BridgeworkError } from '../../../graph-core/src/errors.js';

/** A JSON Schema: an object, or `true`/`false`. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** Keywords that constrain values but not their TypeScript type (or only annotate them). */
const SKIPPED = new Set([
  'description',
  'title',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'contentEncoding',
  'contentMediaType',
  '$comment',
  'id',
]);
/** Keywords this converter turns into types. */
const TYPED = new Set(['type', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', '$ref', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'prefixItems']);

const REF_PREFIX = '#/components/schemas/';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** What the converter needs from its caller. */
export interface ConvertContext {
  /** Called with each component a `$ref` names (so the caller can declare it); returns the TypeScript name to use. */
  ref(name: string, at: string): string;
}

/** The name of the component a `$ref` points at, or an error naming where it was. */
export function refName(ref: unknown, at: string): string {
  if (typeof ref !== 'string' || !ref.startsWith(REF_PREFIX)) {
    throw new BridgeworkError('unsupported', `web/api-types: ${at}/$ref must point into ${REF_PREFIX} (got ${JSON.stringify(ref)})`);
  }
  const name = ref.slice(REF_PREFIX.length);
  if (!IDENTIFIER.test(name)) throw new BridgeworkError('unsupported', `web/api-types: ${at}/$ref names ${JSON.stringify(name)}, which is not a TypeScript identifier`);
  return name;
}

/** A string as a single-quoted TypeScript literal (the project's style). */
export function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}

/** `a`, or `'a-b'` when the key is not an identifier. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** A JSDoc comment for `text` at `indent` (empty when there is no text). */
export function docComment(text: unknown, indent: string): string {
  if (typeof text !== 'string' || text.trim() === '') return '';
  const safe = text.trim().replaceAll('*/', '*\\/');
  const lines = safe.split('\n');
  if (lines.length === 1) return `${indent}/** ${safe} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

const isObject = (s: JsonSchema): s is { readonly [keyword: string]: unknown } => typeof s === 'object' && s !== null && !Array.isArray(s);

function asSchema(value: unknown, at: string): JsonSchema {
  if (typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value))) return value as JsonSchema;
  throw new BridgeworkError('unsupported', `web/api-types: ${at} must be a JSON Schema (an object or a boolean), got ${JSON.stringify(value)}`);
}

function schemaList(value: unknown, at: string): JsonSchema[] {
  if (!Array.isArray(value) || value.length === 0) throw new BridgeworkError('unsupported', `web/api-types: ${at} must be a non-empty list of schemas`);
  return value.map((v, i) => asSchema(v, `${at}/${i}`));
}

/** Whether `type` has a `|` or `&` outside brackets and string literals (so `T[]` or `A & T` needs parentheses). */
function compound(type: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === "'") quoted = false;
    } else if (c === "'") quoted = true;
    else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) depth--;
    else if (depth === 0 && (c === '|' || c === '&')) return true;
  }
  return false;
}

/** Members joined by `|` (repeats dropped; a lone member as is; `unknown` absorbs the rest). */
function union(members: string[]): string {
  const unique = [...new Set(members)];
  return unique.includes('unknown') ? 'unknown' : unique.join(' | ');
}

/** `T[]`, with parentheses where `T` would otherwise bind wrongly. */
function arrayOf(item: string): string {
  return compound(item) ? `(${item})[]` : `${item}[]`;
}

function literal(value: unknown, at: string): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return JSON.stringify(value);
  throw new BridgeworkError('unsupported', `web/api-types: ${at} holds ${JSON.stringify(value)}, which has no TypeScript literal type`);
}

/**
 * The TypeScript type of `schema`, as text. `at` is the schema's JSON pointer (for errors); `indent` the indentation of
 * the line the type starts on (object members are indented one step more).
 */
export function typeOf(schema: JsonSchema, at: string, ctx: ConvertContext, indent = ''): string {
  if (schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (!isObject(schema)) throw new BridgeworkError('unsupported', `web/api-types: ${at} must be a JSON Schema (an object or a boolean)`);
  for (const keyword of Object.keys(schema)) {
    if (!SKIPPED.has(keyword) && !TYPED.has(keyword)) {
      throw new BridgeworkError('unsupported', `web/api-types: ${at} uses the JSON Schema keyword "${keyword}", which this generator cannot turn into a TypeScript type`);
    }
  }

  if ('$ref' in schema) {
    const others = Object.keys(schema).filter((k) => k !== '$ref' && TYPED.has(k));
    if (others.length > 0) throw new BridgeworkError('unsupported', `web/api-types: ${at} has $ref beside ${others.join(', ')}`);
    return ctx.ref(refName(schema.$ref, at), at);
  }
  if ('const' in schema) return literal(schema.const, `${at}/const`);
  if ('enum' in schema) {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0) throw new BridgeworkError('unsupported', `web/api-types: ${at}/enum must be a non-empty list`);
    return union(schema.enum.map((v, i) => literal(v, `${at}/enum/${i}`)));
  }
  if ('anyOf' in schema || 'oneOf' in schema) {
    const key = 'anyOf' in schema ? 'anyOf' : 'oneOf';
    return union(schemaList(schema[key], `${at}/${key}`).map((s, i) => typeOf(s, `${at}/${key}/${i}`, ctx, indent)));
  }
  if ('allOf' in schema) {
    const parts = schemaList(schema.allOf, `${at}/allOf`).map((s, i) => typeOf(s, `${at}/allOf/${i}`, ctx, indent));
    return parts.length === 1 ? parts[0]! : parts.map((p) => (compound(p) ? `(${p})` : p)).join(' & ');
  }

  const type = schema.type;
  if (Array.isArray(type)) {
    if (type.length === 0) throw new BridgeworkError('unsupported', `web/api-types: ${at}/type must not be an empty list`);
    return union(type.map((t) => typeOf({ ...schema, type: t }, at, ctx, indent)));
  }
  if (type === undefined) {
    if ('properties' in schema || 'additionalProperties' in schema || 'propertyNames' in schema) return objectType(schema, at, ctx, indent);
    if ('items' in schema || 'prefixItems' in schema) return arrayType(schema, at, ctx, indent);
    return 'unknown';
  }
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return arrayType(schema, at, ctx, indent);
    case 'object':
      return objectType(schema, at, ctx, indent);
    default:
      throw new BridgeworkError('unsupported', `web/api-types: ${at}/type is ${JSON.stringify(type)}, not a JSON Schema type`);
  }
}

function arrayType(schema: { readonly [keyword: string]: unknown }, at: string, ctx: ConvertContext, indent: string): string {
  if ('prefixItems' in schema) {
    const members = schemaList(schema.prefixItems, `${at}/prefixItems`).map((s, i) => typeOf(s, `${at}/prefixItems/${i}`, ctx, indent));
    const rest = schema.items === undefined ? true : asSchema(schema.items, `${at}/items`);
    const tail = rest === false ? [] : [`...${arrayOf(typeOf(rest, `${at}/items`, ctx, indent))}`];
    // Elements past the required count (minItems) are optional.
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
    return `[${[...members.map((m, i) => (i < minItems ? m : `${m}?`)), ...tail].join(', ')}]`;
  }
  const items = schema.items === undefined ? true : asSchema(schema.items, `${at}/items`);
  return arrayOf(typeOf(items, `${at}/items`, ctx, indent));
}

function objectType(schema: { readonly [keyword: string]: unknown }, at: string, ctx: ConvertContext, indent: string): string {
  const inner = `${indent}  `;
  const properties = schema.properties ?? {};
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw new BridgeworkError('unsupported', `web/api-types: ${at}/properties must be an object`);
  }
  const required = schema.required ?? [];
  if (!Array.isArray(required) || !required.every((r): r is string => typeof r === 'string')) {
    throw new BridgeworkError('unsupported', `web/api-types: ${at}/required must be a list of property names`);
  }
  const names = Object.keys(properties);
  for (const r of required) {
    if (!names.includes(r)) throw new BridgeworkError('unsupported', `web/api-types: ${at}/required names "${r}", which is not among the properties`);
  }
  const members: string[] = [];
  for (const name of names) {
    const s = asSchema((properties as Record<string, unknown>)[name], `${at}/properties/${name}`);
    const optional = required.includes(name) ? '' : '?';
    members.push(`${docComment(isObject(s) ? s.description : undefined, inner)}${inner}${propertyKey(name)}${optional}: ${typeOf(s, `${at}/properties/${name}`, ctx, inner)};`);
  }

  // Absent additionalProperties means any further property is allowed (JSON Schema's default).
  const extra = schema.additionalProperties === undefined ? true : asSchema(schema.additionalProperties, `${at}/additionalProperties`);
  const keys = schema.propertyNames === undefined ? undefined : asSchema(schema.propertyNames, `${at}/propertyNames`);
  if (extra !== false) {
    const value = typeOf(extra, `${at}/additionalProperties`, ctx, inner);
    const keyType = keys === undefined ? 'string' : typeOf(keys, `${at}/propertyNames`, ctx, inner);
    if (keyType !== 'string' && names.length === 0) {
      // A record over a closed set of keys (zod's partialRecord): each key may be absent.
      return `{ [K in ${keyType}]?: ${value} }`;
    }
    if (keyType !== 'string') throw new BridgeworkError('unsupported', `web/api-types: ${at} has both properties and propertyNames`);
    // Declared properties must fit the index signature: with any, it says only that more may come.
    members.push(`${inner}[key: string]: ${names.length === 0 ? value : 'unknown'};`);
  }
  if (members.length === 0) return extra === false ? 'Record<string, never>' : '{}';
  return `{\n${members.join('\n')}\n${indent}}`;
}
