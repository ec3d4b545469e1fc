import { describe, expect, it } from '@jest/globals';
import { GraphDataSchema } from '../model/schemas.js';
import { parseDomainJson } from './domain-json.js';
import { toJson } from './json-export.js';
import { sampleGraph } from './test-sample.js';

describe('toJson', () => {
  it('round-trips every field of a small graph', () => {
    const data = sampleGraph();
    const parsed = parseDomainJson(toJson(data), { file: 'g.json' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual(data);
  });

  it('writes every section, indented, with a final newline', () => {
    const text = toJson(GraphDataSchema.parse({}));
    expect(text).toBe('{\n  "people": [],\n  "organisations": [],\n  "events": [],\n  "ties": []\n}\n');
    expect(toJson(GraphDataSchema.parse({}), { indent: 0 })).toBe(
      '{"people":[],"organisations":[],"events":[],"ties":[]}\n',
    );
  });

  it('gives each record the line it starts on when read back', () => {
    const parsed = parseDomainJson(toJson(sampleGraph()));
    expect(parsed.origins.people[0]?.line).toBe(3);
    expect(parsed.origins.people[1]?.line).toBeGreaterThan(3);
  });
});
