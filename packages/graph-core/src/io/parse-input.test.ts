import { describe, expect, it } from '@jest/globals';
import { referenceProblems } from '../model/references.js';
import { parseInputFile, parseInputFiles } from './parse-input.js';
import { mergeParsedInputs, withoutKnownPlaceholders } from './parsed-input.js';

const PEOPLE = 'id,name,roles,coach_id,open_to_introductions\nann,Ann,member,cal,yes\ncal,Cal,coach,,no\n';
const TIES = 'source,target,kind\nann,cal,coaches\nann,zed,knows\n';

describe('parseInputFile', () => {
  it('dispatches on the file name and passes the provenance on', () => {
    const people = parseInputFile('in/people.csv', PEOPLE, { provenance: 'import:people.csv' });
    expect(people.data.people[0]?.consent.recordedBy).toBe('import:people.csv');
    expect(people.origins.people[0]).toEqual({ file: 'in/people.csv', line: 2 });
    const ties = parseInputFile('ties.csv', TIES, { provenance: 'import:ties.csv' });
    expect(ties.data.ties.map((t) => t.provenance)).toEqual(['import:ties.csv', 'import:ties.csv']);
  });

  it('reads JSON, GEXF, GraphML and edge lists', () => {
    expect(parseInputFile('d.json', '{"people": [{"id": "a", "name": "A"}]}').data.people).toHaveLength(1);
    const gexf =
      '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="A"/></nodes></graph></gexf>';
    expect(parseInputFile('g.gexf', gexf).data.people[0]?.name).toBe('A');
    const graphml =
      '<graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>';
    expect(parseInputFile('g.graphml', graphml).data.ties).toHaveLength(1);
    expect(
      parseInputFile('karate.tsv', 'u\tv\n1\t2\n', { knownIds: new Set(['1']) }).data.people.map((p) => p.id),
    ).toEqual(['2']);
  });

  it('uses the format and edge-list options it is given', () => {
    const parsed = parseInputFile('whatever.dat', 'x;y\nx;z\n', { format: 'edge-list', delimiter: ';', header: false });
    expect(parsed.data.ties.map((t) => t.target)).toEqual(['y', 'z']);
  });

  it('throws for a file whose format cannot be told', () => {
    expect(() => parseInputFile('photo.jpg', '\u00ff\u00d8')).toThrow(/cannot tell the format/);
  });
});

describe('merging the files of one import', () => {
  it('keeps origins so reference problems name the file and line', () => {
    const input = mergeParsedInputs([parseInputFile('people.csv', PEOPLE), parseInputFile('ties.csv', TIES)]);
    expect(input.problems).toEqual([]);
    const problems = referenceProblems(input.data, new Map(), input.originOf);
    expect(problems).toEqual([
      { file: 'ties.csv', line: 3, column: 'target', value: 'zed', reason: 'unknown node id' },
    ]);
  });

  it('reports an id defined in two files at the later one', () => {
    const input = mergeParsedInputs([
      parseInputFile('people.csv', 'id,name\nann,Ann\n'),
      parseInputFile('organisations.csv', 'id,name,sector\nshop,Shop,G\nann,Ann Ltd,G\n'),
    ]);
    expect(input.data.organisations.map((o) => o.id)).toEqual(['shop']);
    expect(input.problems).toEqual([
      {
        file: 'organisations.csv',
        line: 3,
        column: 'id',
        value: 'ann',
        reason: 'duplicate id: already defined at people.csv:2',
      },
    ]);
  });

  it('reports a tie given in two files', () => {
    // cal→ann coaches is another tie than ann→cal coaches (an asymmetric kind); zed–ann knows is ann–zed knows.
    const json =
      '{"ties": [\n{"source": "cal", "target": "ann", "kind": "coaches"},\n{"source": "zed", "target": "ann"}\n]}';
    const input = mergeParsedInputs([parseInputFile('ties.csv', TIES), parseInputFile('more.json', json)]);
    expect(input.data.ties).toHaveLength(3);
    expect(input.problems).toEqual([
      {
        file: 'more.json',
        line: 3,
        column: 'source',
        value: 'zed knows ann',
        reason: 'duplicate tie: the same source, kind and target as ties.csv:3',
      },
    ]);
    const again = mergeParsedInputs([parseInputFile('ties.csv', TIES), parseInputFile('more/ties.csv', TIES)]);
    expect(again.problems.map((p) => [p.file, p.line, p.reason])).toEqual([
      ['more/ties.csv', 2, 'duplicate tie: the same source, kind and target as ties.csv:2'],
      ['more/ties.csv', 3, 'duplicate tie: the same source, kind and target as ties.csv:3'],
    ]);
  });

  it('lets placeholder people from an edge list give way to real records, in either order', () => {
    const edges = parseInputFile('edges.tsv', 'u\tv\nann\tbo\n');
    const people = parseInputFile('people.csv', 'id,name\nann,Ann Lee\n');
    for (const input of [mergeParsedInputs([edges, people]), mergeParsedInputs([people, edges])]) {
      expect(input.problems).toEqual([]);
      expect(input.data.people.map((p) => [p.id, p.name]).sort()).toEqual([
        ['ann', 'Ann Lee'],
        ['bo', 'bo'],
      ]);
      expect(input.origins.people).toHaveLength(2);
      expect(
        input.originOf(
          'people',
          input.data.people.findIndex((p) => p.id === 'ann'),
        ),
      ).toEqual({ file: 'people.csv', line: 2 });
    }
  });
});

describe('parseInputFiles', () => {
  it('reads edge lists last so that endpoints defined elsewhere do not become placeholders', () => {
    const input = parseInputFiles([
      { name: 'edges.tsv', text: 'u\tv\nann\tbo\n' },
      { name: 'people.csv', text: 'id,name,open_to_introductions\nann,Ann Lee,yes\n' },
    ]);
    expect(input.problems).toEqual([]);
    expect(input.data.people.map((p) => p.id)).toEqual(['bo', 'ann']);
    expect(input.origins.people).toEqual([
      { file: 'edges.tsv', line: 2, generated: true },
      { file: 'people.csv', line: 2 },
    ]);
    expect(input.data.people[1]?.consent.recordedBy).toBe('import:people.csv');
    expect(input.data.ties[0]?.provenance).toBe('import:edges.tsv');
  });

  it('counts the caller’s known ids as defined', () => {
    const input = parseInputFiles([{ name: 'edges.tsv', text: 'u\tv\nann\tbo\n' }], {
      knownIds: (id) => id === 'bo',
      provenance: 'me',
    });
    expect(input.data.people.map((p) => p.id)).toEqual(['ann']);
    expect(input.data.ties[0]?.provenance).toBe('me');
  });
});

describe('withoutKnownPlaceholders', () => {
  it('drops only the placeholder people whose id is known', () => {
    const input = mergeParsedInputs([
      parseInputFile('people.csv', 'id,name\ncy,Cy\n'),
      parseInputFile('edges.tsv', 'u\tv\nann\tbo\nbo\tcy\n'),
    ]);
    const kept = withoutKnownPlaceholders(input, (id) => id === 'ann' || id === 'cy');
    expect(kept.data.people.map((p) => p.id)).toEqual(['cy', 'bo']);
    expect(kept.origins.people.map((o) => o.file)).toEqual(['people.csv', 'edges.tsv']);
    expect(kept.data.ties).toHaveLength(2);
    expect(kept.originOf('people', 1)).toEqual({ file: 'edges.tsv', line: 2 });
  });
});
