/**
 * The OpenAPI 3.1 document, built from the declared routes and the very zod schemas that validate requests
 * (`z.toJSONSchema`, JSON Schema 2020-12 as OpenAPI 3.1 uses it). Schemas with a `meta({ id })` become named
 * components.
 */
import { z } from 'zod';
import type { AnyRoute } from './route.js';
import { ProblemOut } from '../schemas.js';

type Json = Record<string, unknown>;

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Malformed request (e.g. invalid JSON)',
  '401': 'Missing, unknown or revoked API key',
  '403': 'The key may not do this',
  '404': 'Not found (or not visible to this key)',
  '409': 'Conflict',
  '413': 'Body too large',
  '415': 'Body is not JSON',
  '422': 'Validation failed; `errors` lists each problem with its JSON pointer',
  '429': 'Rate limited; see Retry-After',
};

export function buildOpenApi(routes: readonly AnyRoute[], info: { title: string; version: string }): Json {
  const components: Record<string, unknown> = {};
  /** JSON Schema of `schema`; named sub-schemas (those with `meta({ id })`) go to components and are referenced. */
  const convert = (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const raw = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });
    const json = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json & { $defs?: Record<string, unknown> };
    const { $schema: _s, $defs, id: _id, ...rest } = json;
    for (const [k, v] of Object.entries($defs ?? {})) components[k] ??= v;
    return rest;
  };
  const ref = (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const id = (schema.meta() as { id?: string } | undefined)?.id;
    if (id === undefined) return convert(schema, io);
    if (!(id in components)) {
      // A named root comes back as a $ref to its own definition, which convert() has put in components.
      const json = convert(schema, io);
      if (json.$ref !== `#/components/schemas/${id}`) components[id] = json;
    }
    return { $ref: `#/components/schemas/${id}` };
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters: Json[] = [];
    const addParams = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
      if (!schema) return;
      const json = convert(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, s] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name) && !('default' in s), schema: s });
      }
    };
    addParams(r.params, 'path');
    addParams(r.query, 'query');
    if (r.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Same key and same request: the first answer again. Same key, another request: 422.',
        schema: { type: 'string', minLength: 1, maxLength: 200 },
      });
    }
    const responses: Record<string, Json> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      responses[status] = res.schema ? { description: res.description, content: { 'application/json': { schema: ref(res.schema, 'output') } } } : { description: res.description };
    }
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
      if (!r.body && (status === '413' || status === '415')) continue;
      responses[status] = { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    const op: Json = {
      operationId: `${r.method}${path.replace(/[{}]/g, '').split(/[/-]/).map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : '')).join('')}`,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      'x-permission': r.permission,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(r.body, 'input') } } } } : {}),
      responses,
    };
    (paths[path] ??= {})[r.method] = op;
  }
  ref(ProblemOut, 'output');
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Bridgework: relationship-graph engine for employability services. Errors are RFC 9457 problem details.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key: bw_<id>_<secret>' } } },
  };
}
