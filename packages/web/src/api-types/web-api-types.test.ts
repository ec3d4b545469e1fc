import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../../../graph-core/src/errors.js';
import { REGENERATE_COMMAND, WEB_API_OPERATIONS, apiOpenApiDocument, renderWebApiTypes, staleness, type OpenApiDocument } from './web-api-types.js';

const doc = apiOpenApiDocument();
const fresh = renderWebApiTypes(doc);
const dir = mkdtempSync(join(tmpdir(), 'bridgework-api-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deep copy of the document to change. */
const copy = (): OpenApiDocument & { components: { schemas: Record<string, { properties: Record<string, unknown> }> } } => JSON.parse(JSON.stringify(doc));

describe('web api types', () => {
  it('the committed api-types.generated.ts is what the API’s OpenAPI document generates now', () => {
    const stale = staleness(fresh);
    // On failure the message says which line differs and the command that regenerates the file.
    if (stale !== null) throw new Error(stale);
  });

  it('declares every operation the app calls, and each component it reaches', () => {
    for (const op of WEB_API_OPERATIONS) expect(fresh).toContain(`  '${op}': `);
    for (const name of ['Person', 'Caseload', 'HealthPoint', 'Suggestions', 'Network', 'SectorReach', 'EventPlanPerson', 'TablePlanRequest']) {
      expect(fresh).toMatch(new RegExp(`^export (interface|type) ${name}\\b`, 'm'));
    }
    // Components the app does not reach stay out.
    expect(fresh).not.toContain('export interface ApiKey');
  });

  it('is the same text for the same document (deterministic)', () => {
    expect(renderWebApiTypes(apiOpenApiDocument())).toBe(fresh);
  });

  it('a changed answer field changes the generated types, and the check reports the file stale with the command to run', () => {
    const changed = copy();
    const caseload = changed.components.schemas.Caseload!;
    const members = caseload.properties.members as { items: { properties: Record<string, unknown> } };
    members.items.properties.size = { type: 'string' };
    const text = renderWebApiTypes(changed);
    expect(text).not.toBe(fresh);
    expect(text).toContain('    size: string;');

    const committed = join(dir, 'api-types.generated.ts');
    writeFileSync(committed, fresh);
    expect(staleness(fresh, committed)).toBeNull();
    const stale = staleness(text, committed);
    expect(stale).toContain('is stale');
    expect(stale).toContain(REGENERATE_COMMAND);
    expect(stale).toContain('committed:     size: number;');
    expect(stale).toContain('generated:     size: string;');
    expect(staleness(fresh, join(dir, 'missing.ts'))).toContain('is missing');
  });

  it('fails with the operation named when the app calls one the API no longer has', () => {
    const run = () => renderWebApiTypes(doc, { operations: ['GET /v1/analytics/caseload', 'GET /v1/analytics/mood'] });
    expect(run).toThrow(BridgeworkError);
    expect(run).toThrow('the app calls GET /v1/analytics/mood, which the API');
    expect(() => renderWebApiTypes(doc, { operations: ['fetch caseload'] })).toThrow('"fetch caseload" is not of the form "METHOD /path"');
  });

  it('fails when a $ref names a component the document does not define', () => {
    const broken = copy();
    delete (broken.components.schemas as Record<string, unknown>).HealthPoint;
    expect(() => renderWebApiTypes(broken)).toThrow('refers to the component HealthPoint, which the document does not define');
  });
});
