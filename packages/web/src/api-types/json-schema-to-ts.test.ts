import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../../../graph-core/src/errors.js';
import { quote, typeOf, type ConvertContext, type JsonSchema } from './json-schema-to-ts.js';

/** A context that records the components referred to. */
function context(): ConvertContext & { refs: string[] } {
  const refs: string[] = [];
  return {
    refs,
    ref(name) {
      refs.push(name);
      return name;
    },
  };
}
const ts = (schema: JsonSchema, indent = '') => typeOf(schema, '#/x', context(), indent);

describe('json-schema-to-ts', () => {
  it('turns scalar types, type lists and nullable unions into TypeScript', () => {
    expect(ts({ type: 'string', minLength: 1, pattern: '^a' })).toBe('string');
    expect(ts({ type: 'integer', minimum: 0 })).toBe('number');
    expect(ts({ type: ['number', 'null'] })).toBe('number | null');
    expect(ts({ anyOf: [{ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }] })).toBe('string');
    expect(ts({ anyOf: [{ type: 'boolean' }, { type: 'null' }] })).toBe('boolean | null');
    expect(ts({})).toBe('unknown');
    expect(ts(false)).toBe('never');
  });

  it('turns enums and constants into single-quoted literal unions', () => {
    expect(ts({ type: 'string', enum: ['a', "it's", 'b-c'] })).toBe(`'a' | 'it\\'s' | 'b-c'`);
    expect(ts({ const: 3 })).toBe('3');
    expect(ts({ enum: ['x', null] })).toBe(`'x' | null`);
    expect(quote('say "hi"\n')).toBe(`'say "hi"\\n'`);
  });

  it('writes required and optional properties with their descriptions, closed objects without an index signature', () => {
    const out = ts({
      type: 'object',
      properties: { id: { type: 'string', description: 'The id.' }, 'page-size': { type: 'integer' } },
      required: ['id'],
      additionalProperties: false,
    });
    expect(out).toBe(`{\n  /** The id. */\n  id: string;\n  'page-size'?: number;\n}`);
  });

  it('gives an open object an index signature, and a record its value type', () => {
    expect(ts({ type: 'object', properties: { a: { type: 'number' } }, required: ['a'], additionalProperties: {} })).toBe('{\n  a: number;\n  [key: string]: unknown;\n}');
    expect(ts({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: ['string', 'number'] } })).toBe('{\n  [key: string]: string | number;\n}');
  });

  it('turns a record over an enum of keys (zod partialRecord) into a mapped type whose keys may be absent', () => {
    expect(ts({ type: 'object', propertyNames: { type: 'string', enum: ['A', 'B'] }, additionalProperties: { anyOf: [{ type: 'integer' }, { type: 'null' }] } })).toBe(
      `{ [K in 'A' | 'B']?: number | null }`,
    );
  });

  it('writes arrays of unions in parentheses, and closed prefixItems as tuples', () => {
    expect(ts({ type: 'array', items: { type: 'string', enum: ['x', 'y'] } })).toBe(`('x' | 'y')[]`);
    expect(ts({ type: 'array', items: { type: 'array', items: { type: 'number' } } })).toBe('number[][]');
    const edge = { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'integer' }, { type: 'number' }], items: false, minItems: 3, maxItems: 3 };
    expect(ts({ type: 'array', items: edge })).toBe('[number, number, number][]');
    expect(ts({ type: 'array', prefixItems: [{ type: 'string' }], minItems: 0 })).toBe('[string?, ...unknown[]]');
  });

  it('indents nested objects under the line they start on', () => {
    const out = ts({ type: 'object', properties: { inner: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'], additionalProperties: false } }, required: ['inner'], additionalProperties: false }, '  ');
    expect(out).toBe('{\n    inner: {\n      n: number;\n    };\n  }');
  });

  it('names components by their $ref and tells the caller which it used', () => {
    const ctx = context();
    expect(typeOf({ type: 'array', items: { $ref: '#/components/schemas/Person' } }, '#/x', ctx)).toBe('Person[]');
    expect(typeOf({ anyOf: [{ $ref: '#/components/schemas/HealthPoint' }, { type: 'null' }] }, '#/x', ctx)).toBe('HealthPoint | null');
    expect(ctx.refs).toEqual(['Person', 'HealthPoint']);
  });

  it('refuses a keyword it cannot type, naming the keyword and where it is', () => {
    const run = () => ts({ type: 'object', properties: { a: { not: { type: 'string' } } }, additionalProperties: false });
    expect(run).toThrow(BridgeworkError);
    expect(run).toThrow('web/api-types: #/x/properties/a uses the JSON Schema keyword "not"');
    expect(() => ts({ $ref: '#/$defs/Thing' })).toThrow('#/x/$ref must point into #/components/schemas/');
    expect(() => ts({ type: 'object', properties: {}, required: ['gone'] })).toThrow('#/x/required names "gone", which is not among the properties');
    expect(() => ts({ type: 'date' })).toThrow('#/x/type is "date", not a JSON Schema type');
  });
});
