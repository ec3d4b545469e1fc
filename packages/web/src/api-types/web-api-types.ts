/**
 * The web app's API types, generated from the API's own OpenAPI document (built in-process from the declared routes
 * and their zod schemas: `buildOpenApi(ROUTES, …)`, no server needed). For each operation the app calls
 * (`WEB_API_OPERATIONS`), the file declares what it answers (`ApiResponses`) and what it takes (`ApiRequests`), plus
 * every named component schema those reach, as TypeScript interfaces. `src/app/types.ts` re-exports them under the
 * names the screens use. The file is committed; a test regenerates it in memory and fails when it is stale, so a
 * change to an API answer's shape shows up in the web type-check instead of drifting.
 *
 * (Imported across packages by path, like src/testing: the web package has no runtime dependency on the API.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BridgeworkError } from '../../../graph-core/src/errors.js';
import { ROUTES, buildOpenApi } from '../../../api/src/index.js';
import { docComment, quote, typeOf, type ConvertContext, type JsonSchema } from './json-schema-to-ts.js';

/** Every API operation the app calls, as `METHOD /path/{param}` (the OpenAPI document's path templates). */
export const WEB_API_OPERATIONS = [
  'GET /v1/people',
  'GET /v1/people/{id}',
  'GET /v1/people/{id}/suggestions',
  'GET /v1/organisations',
  'GET /v1/events',
  'GET /v1/ties',
  'GET /v1/introductions',
  'POST /v1/introductions',
  'POST /v1/introductions/{id}/answer',
  'POST /v1/introductions/{id}/made',
  'POST /v1/introductions/{id}/outcome',
  'POST /v1/introductions/{id}/withdraw',
  'GET /v1/analytics/caseload',
  'GET /v1/analytics/people/{id}/ego',
  'GET /v1/analytics/people/{id}/history',
  'GET /v1/analytics/network',
  'GET /v1/analytics/reach',
  'GET /v1/event-plans',
  'GET /v1/events/{id}/attendees',
  'POST /v1/events/{id}/table-plan',
] as const;

/** The generated file, relative to the repository root (for messages) and as an absolute path. */
export const API_TYPES_FILE = 'packages/web/src/app/api-types.generated.ts';
export const API_TYPES_PATH = fileURLToPath(new URL('../app/api-types.generated.ts', import.meta.url));

/** The command that rewrites the generated file. */
export const REGENERATE_COMMAND = 'npx -y pnpm@10.34.8 exec tsx packages/web/src/generate-api-types.ts';

/** The parts of an OpenAPI 3.1 document the generator reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | undefined> | undefined>;
  components?: { schemas?: Record<string, JsonSchema | undefined> };
}
interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema } | undefined> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema } | undefined> } | undefined>;
}

/** The options of `renderWebApiTypes`. */
export interface RenderOptions {
  /** The operations to declare (default: the app's, `WEB_API_OPERATIONS`). */
  operations?: readonly string[];
}

const pointer = (...parts: string[]) => `#/${parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

/** The generated TypeScript module for `doc` (deterministic: the same document gives the same text). */
export function renderWebApiTypes(doc: OpenApiDocument, options: RenderOptions = {}): string {
  const operations = options.operations ?? WEB_API_OPERATIONS;
  const schemas = doc.components?.schemas ?? {};
  const wanted = new Set<string>();
  const ctx: ConvertContext = {
    ref(name, at) {
      if (schemas[name] === undefined) throw new BridgeworkError('not-found', `web/api-types: ${at} refers to the component ${name}, which the document does not define`);
      wanted.add(name);
      return name;
    },
  };

  const responses: string[] = [];
  const requests: string[] = [];
  for (const operation of operations) {
    const m = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(operation);
    if (!m) throw new BridgeworkError('validation', `web/api-types: "${operation}" is not of the form "METHOD /path"`);
    const method = m[1]!.toLowerCase();
    const path = m[2]!;
    const op = doc.paths[path]?.[method];
    if (!op) {
      throw new BridgeworkError('not-found', `web/api-types: the app calls ${operation}, which the API's OpenAPI document does not have (update WEB_API_OPERATIONS in packages/web/src/api-types/web-api-types.ts, and the app)`);
    }
    const key = quote(operation);
    const answers = Object.entries(op.responses ?? {})
      .filter(([status]) => /^2\d\d$/.test(status))
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([status, r]) => {
        const schema = r?.content?.['application/json']?.schema;
        return schema === undefined ? [] : [typeOf(schema, pointer('paths', path, method, 'responses', status, 'content', 'application/json', 'schema'), ctx, '  ')];
      });
    responses.push(`  ${key}: ${answers.length === 0 ? 'undefined' : [...new Set(answers)].join(' | ')};`);
    const body = op.requestBody?.content?.['application/json']?.schema;
    if (body !== undefined) requests.push(`  ${key}: ${typeOf(body, pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema'), ctx, '  ')};`);
  }

  // Components, each once, in name order; declaring one may reach others.
  const declared = new Map<string, string>();
  for (let pending = [...wanted].filter((n) => !declared.has(n)); pending.length > 0; pending = [...wanted].filter((n) => !declared.has(n))) {
    for (const name of pending) {
      const schema = schemas[name]!;
      const type = typeOf(schema, pointer('components', 'schemas', name), ctx);
      const doc = docComment(typeof schema === 'object' ? schema.description : undefined, '');
      declared.set(name, type.startsWith('{\n') ? `${doc}export interface ${name} ${type}\n` : `${doc}export type ${name} = ${type};\n`);
    }
  }

  return [
    '// Generated from the API\'s OpenAPI document (packages/api: the routes\' zod schemas) by',
    '// packages/web/src/api-types/web-api-types.ts. Do not edit: change the API, then regenerate with',
    `//   ${REGENERATE_COMMAND}`,
    '// (a test fails while this file is stale).',
    '',
    ...[...declared.keys()].sort().map((n) => declared.get(n)!),
    '/** What each operation the app calls answers: its 2xx JSON body. */',
    'export interface ApiResponses {',
    ...responses,
    '}',
    '',
    '/** The JSON body each operation the app calls takes, as a client sends it (fields with defaults may be left out). */',
    'export interface ApiRequests {',
    ...requests,
    '}',
    '',
  ].join('\n');
}

/** The API's OpenAPI document, built in-process from its declared routes (what `GET /openapi.json` serves). */
export function apiOpenApiDocument(): OpenApiDocument {
  return buildOpenApi(ROUTES, { title: 'Bridgework API', version: 'web-api-types' }) as unknown as OpenApiDocument;
}

/** The generated file as the API's routes are now. */
export function currentWebApiTypes(): string {
  return renderWebApiTypes(apiOpenApiDocument());
}

/** Where the committed file differs from `fresh` (null when it does not), in words for a failing check. */
export function staleness(fresh: string, committedPath: string = API_TYPES_PATH): string | null {
  let committed: string;
  try {
    committed = readFileSync(committedPath, 'utf8');
  } catch {
    return `${API_TYPES_FILE} is missing: run \`${REGENERATE_COMMAND}\` to generate it`;
  }
  if (committed === fresh) return null;
  const a = committed.split('\n');
  const b = fresh.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  return (
    `${API_TYPES_FILE} is stale: the API's answers changed since it was generated. Run \`${REGENERATE_COMMAND}\` to ` +
    `regenerate it, then fix what the web type-check reports. First difference at line ${line + 1}:\n` +
    `  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`
  );
}
