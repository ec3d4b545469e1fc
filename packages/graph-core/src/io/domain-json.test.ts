import { describe, expect, it } from '@jest/globals';
import { parseDomainJson } from './domain-json.js';
import { LineIndex, scanJson } from './json-scan.js';

describe('parseDomainJson', () => {
  it('reads any subset of the sections with schema defaults', () => {
    const text = JSON.stringify({
      people: [{ id: 'p1', name: 'Ann' }],
      ties: [{ source: 'p1', target: 'p2', strength: 0.4 }],
    });
    const parsed = parseDomainJson(text, { file: 'data.json' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.people[0]).toMatchObject({ id: 'p1', roles: [], consent: { introductions: false } });
    expect(parsed.data.ties[0]).toMatchObject({
      kind: 'knows',
      strength: 0.4,
      strengthSource: 'given',
      provenance: null,
    });
    expect(parsed.data.organisations).toEqual([]);
    expect(parsed.origins.people).toEqual([{ file: 'data.json', line: 1 }]);
  });

  it('fills a missing tie strength from the kind and a missing provenance from the caller', () => {
    const text =
      '{"ties": [{"source": "a", "target": "b", "kind": "family"}, {"source": "a", "target": "c", "strength": 0.2, "provenance": null}]}';
    const parsed = parseDomainJson(text, { provenance: 'import:x.json' });
    expect(parsed.data.ties[0]).toMatchObject({
      strength: 0.8,
      strengthSource: 'default',
      provenance: 'import:x.json',
    });
    expect(parsed.data.ties[1]).toMatchObject({ strength: 0.2, provenance: null });
  });

  it('reports problems with the JSON path and the line of the property', () => {
    const text = [
      '{',
      '  "people": [',
      '    {"id": "p1", "name": "Ann"},',
      '    {',
      '      "id": "p2",',
      '      "name": "Bo",',
      '      "roles": ["member", "wizard"]',
      '    }',
      '  ],',
      '  "ties": [',
      '    {"source": "p1", "target": "p2", "strength": 0.5},',
      '    {"source": "p1", "target": "p3", "strength": 0.5},',
      '    {"source": "p1", "target": "p4", "strength": 0.5},',
      '    {',
      '      "source": "p2", "target": "p3",',
      '      "strength": 3,',
      '      "colour": "red"',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    const parsed = parseDomainJson(text, { file: 'data.json' });
    expect(parsed.data.people.map((p) => p.id)).toEqual(['p1']);
    expect(parsed.data.ties).toHaveLength(3);
    expect(parsed.origins.ties.map((o) => o.line)).toEqual([11, 12, 13]);
    expect(parsed.problems).toEqual([
      {
        file: 'data.json',
        line: 7,
        column: 'people[1].roles[1]',
        value: 'wizard',
        reason: expect.stringMatching(/^unknown roles "wizard": must be one of member, /),
      },
      {
        file: 'data.json',
        line: 16,
        column: 'ties[3].strength',
        value: '3',
        reason: 'strength must be a number in [0, 1]',
      },
      {
        file: 'data.json',
        line: 14,
        column: 'ties[3]',
        value: expect.any(String),
        reason: 'tie has unknown field "colour"',
      },
    ]);
  });

  it('reports invalid JSON at the line and column of the syntax error', () => {
    const parsed = parseDomainJson('{\n  "people": [\n    {"id": "p1" "name": "Ann"}\n  ]\n}', { file: 'bad.json' });
    expect(parsed.data.people).toEqual([]);
    expect(parsed.problems).toEqual([
      { file: 'bad.json', line: 3, column: 17, reason: `invalid JSON: expected ',' or '}' but found "\\""` },
    ]);
  });

  it('reports a truncated document and a trailing comma', () => {
    expect(parseDomainJson('{"people": [').problems).toMatchObject([
      { line: 1, column: 13, reason: 'invalid JSON: expected a value but found the end of the input' },
    ]);
    expect(parseDomainJson('{"people": [],\n}').problems).toMatchObject([{ line: 2, column: 1 }]);
  });

  it('reports a root that is not an object, unknown sections and sections that are not arrays', () => {
    expect(parseDomainJson('[1]').problems[0]?.reason).toMatch(/^expected a JSON object/);
    const parsed = parseDomainJson('{\n"people": {},\n"things": []\n}');
    expect(parsed.problems).toEqual([
      {
        file: 'input.json',
        line: 3,
        column: 'things',
        reason: 'unknown section "things" (expected people, organisations, events and/or ties)',
      },
      { file: 'input.json', line: 2, column: 'people', reason: 'people must be an array' },
    ]);
  });

  it('reports duplicate ids and tie keys at the later element', () => {
    const text =
      '{"events": [\n{"id": "e1", "name": "A", "date": "2024-01-01"},\n{"id": "e1", "name": "B", "date": "2024-01-02"}\n],\n"ties": [{"source": "a", "target": "b", "strength": 1}, {"source": "b", "target": "a", "strength": 0.5}]}';
    const parsed = parseDomainJson(text);
    expect(parsed.data.events.map((e) => e.name)).toEqual(['A']);
    expect(parsed.data.ties).toHaveLength(1);
    expect(parsed.problems).toMatchObject([
      { line: 3, column: 'events[1].id', reason: 'duplicate id: already defined at events[0]' },
      { line: 5, column: 'ties[1]', reason: 'duplicate tie: the same source, kind and target as ties[0]' },
    ]);
  });

  it('accepts a byte-order mark', () => {
    expect(parseDomainJson('\uFEFF{"people": []}').problems).toEqual([]);
  });
});

describe('scanJson', () => {
  it('finds the offsets of values by path', () => {
    const text = '{"a": [1, {"b": "x"}], "c d": null}';
    const { positions, error } = scanJson(text, { maxDepth: 3 });
    expect(error).toBeUndefined();
    expect(positions.get('a')).toBe(1);
    expect(positions.get('a[1]')).toBe(10);
    expect(positions.get('a[1].b')).toBe(11);
    expect(positions.get('["c d"]')).toBe(23);
  });

  it('reports syntax errors that JSON.parse reports', () => {
    for (const bad of ['', '{', '[1,]', '{"a" 1}', '"\\x"', '"a\nb"', 'tru', '01', '{"a":1}}', '[1 2]', '{,}']) {
      expect(() => JSON.parse(bad)).toThrow();
      expect(scanJson(bad).error).toBeDefined();
    }
    for (const good of ['0', '-1.5e+3', '"\\u00e9\\n"', '[]', '{}', ' [true, false, null, {"x": [[]]}] ']) {
      expect(scanJson(good).error).toBeUndefined();
    }
  });

  it('survives deep nesting without recursion', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    expect(scanJson(deep).error).toBeUndefined();
  });

  it('maps offsets to lines and columns for LF, CRLF and CR line breaks', () => {
    const lines = new LineIndex('ab\ncd\r\nef\rg');
    expect(lines.at(0)).toEqual({ line: 1, column: 1 });
    expect(lines.at(4)).toEqual({ line: 2, column: 2 });
    expect(lines.at(7)).toEqual({ line: 3, column: 1 });
    expect(lines.at(10)).toEqual({ line: 4, column: 1 });
  });
});
