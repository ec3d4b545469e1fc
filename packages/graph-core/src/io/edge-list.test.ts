import { describe, expect, it } from '@jest/globals';
import { edgeListToGraphData, looksLikeHeader, readEdgeList } from './edge-list.js';

describe('readEdgeList: header detection', () => {
  it('sees a header when a cell is a recognised column name', () => {
    const list = readEdgeList('from\tto\ttime\n1\t2\t1379298633\n');
    expect(list.hasHeader).toBe(true);
    expect(list.columns).toEqual(['from', 'to', 'time']);
    expect(list.timeColumn).toBe('time');
    expect(list.edges).toEqual([{ source: '1', target: '2', time: 1379298633, attributes: {}, line: 2 }]);
  });

  it('sees a header when a column is text on line 1 and numbers below', () => {
    const list = readEdgeList('member_a\tmember_b\tn_contexts\n1\t2\t4\n1\t3\t5\n');
    expect(list.hasHeader).toBe(true);
    expect(list.edges[0]).toEqual({ source: '1', target: '2', attributes: { n_contexts: 4 }, line: 2 });
  });

  it('sees a header when its endpoints never occur again, as column names do not', () => {
    const list = readEdgeList('woman_id\tevent_id\nW1\tE1\nW1\tE2\nW2\tE1\n');
    expect(list.hasHeader).toBe(true);
    expect(list.edges).toHaveLength(3);
  });

  it('sees no header in plain numeric or named edge lists', () => {
    expect(readEdgeList('0 1\n0 2\n1 2\n').hasHeader).toBe(false);
    expect(readEdgeList('alice,bob\nbob,carol\n').hasHeader).toBe(false);
    expect(readEdgeList('a b\n').hasHeader).toBe(false);
    expect(looksLikeHeader(['x', 'y'], [['x', 'z']])).toBe(false);
  });

  it('lets the caller decide', () => {
    const list = readEdgeList('u,v\nu,w\n', { header: false });
    expect(list.hasHeader).toBe(false);
    expect(list.edges.map((e) => e.target)).toEqual(['v', 'w']);
  });
});

describe('readEdgeList: rows', () => {
  it('skips comments and blank lines and keeps real line numbers', () => {
    const text = '# SNAP-style comment\n% KONECT-style comment\n\n1\t2\n\n# more\n2\t3\n';
    const list = readEdgeList(text);
    expect(list.hasHeader).toBe(false);
    expect(list.edges.map((e) => [e.source, e.target, e.line])).toEqual([
      ['1', '2', 4],
      ['2', '3', 7],
    ]);
  });

  it('splits whitespace-separated files on runs of spaces', () => {
    const list = readEdgeList('1   2  0.5\n2 3 1.5\n');
    expect(list.delimiter).toBe('whitespace');
    expect(list.edges.map((e) => [e.source, e.target, e.weight])).toEqual([
      ['1', '2', 0.5],
      ['2', '3', 1.5],
    ]);
  });

  it('reads weight and time columns by name and keeps other columns as typed attributes', () => {
    const list = readEdgeList('source,target,Weight,date,relation,flag\na,b,2.5,2024-01-05,marriage,true\n');
    expect(list.weightColumn).toBe('Weight');
    expect(list.edges[0]).toEqual({
      source: 'a',
      target: 'b',
      weight: 2.5,
      time: '2024-01-05',
      attributes: { relation: 'marriage', flag: true },
      line: 2,
    });
  });

  it('takes the third and fourth columns of a headerless file as weight and time when numeric', () => {
    const list = readEdgeList('1 2 3 1500000000\n2 3 1 1500000100\n');
    expect(list.columns).toEqual(['source', 'target', 'weight', 'time']);
    expect(list.edges[0]).toMatchObject({ weight: 3, time: 1500000000 });
    const named = readEdgeList('a\tb\tmarriage\nb\tc\tbusiness\n');
    expect(named.columns).toEqual(['source', 'target', 'column3']);
    expect(named.edges[0]?.attributes).toEqual({ column3: 'marriage' });
  });

  it('reports rows without two endpoints and bad weights, and keeps the other rows', () => {
    const list = readEdgeList('source,target,weight\na,b,1\nc,,2\nd,e,heavy\nf,g,-1\nh,i,\n', { file: 'edges.csv' });
    expect(list.edges.map((e) => e.source)).toEqual(['a', 'h']);
    expect(list.problems).toEqual([
      { file: 'edges.csv', line: 3, reason: 'an edge needs a source and a target (the first two columns)' },
      { file: 'edges.csv', line: 4, column: 'weight', value: 'heavy', reason: 'weight must be a number ≥ 0' },
      { file: 'edges.csv', line: 5, column: 'weight', value: '-1', reason: 'weight must be a number ≥ 0' },
    ]);
  });

  it('reports endpoint ids the schema refuses', () => {
    const list = readEdgeList(`a\t${'x'.repeat(201)}\n`, { file: 'e.tsv' });
    expect(list.problems).toMatchObject([
      { line: 1, column: 'target', reason: 'node id must be at most 200 characters' },
    ]);
  });
});

describe('edgeListToGraphData', () => {
  it('makes linked ties and a person for every endpoint not already known', () => {
    const list = readEdgeList('u\tv\nann\tbo\nbo\tcy\n', { file: 'edges.tsv' });
    const parsed = edgeListToGraphData(list, { knownIds: new Set(['bo']), provenance: 'import:edges.tsv' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.people.map((p) => [p.id, p.name, p.roles])).toEqual([
      ['ann', 'ann', []],
      ['cy', 'cy', []],
    ]);
    expect(parsed.origins.people).toEqual([
      { file: 'edges.tsv', line: 2, generated: true },
      { file: 'edges.tsv', line: 3, generated: true },
    ]);
    expect(parsed.data.ties[0]).toEqual({
      source: 'ann',
      target: 'bo',
      kind: 'linked',
      strength: 0.5,
      strengthSource: 'default',
      since: null,
      lastContact: null,
      provenance: 'import:edges.tsv',
      attributes: {},
    });
  });

  it('scales weights by the largest one when any exceeds 1 and keeps the raw weight', () => {
    const parsed = edgeListToGraphData(readEdgeList('a b 4\nb c 2\nc d 8\n'));
    expect(parsed.data.ties.map((t) => [t.strength, t.attributes.weight, t.strengthSource])).toEqual([
      [0.5, 4, 'given'],
      [0.25, 2, 'given'],
      [1, 8, 'given'],
    ]);
    expect(parsed.notes).toEqual([
      'edges: strengths are the weights divided by the largest weight, 8 (raw weights kept in attributes.weight)',
    ]);
  });

  it('uses weights in [0, 1] as they are', () => {
    const parsed = edgeListToGraphData(readEdgeList('a b 0.25\nb c 1\n'));
    expect(parsed.data.ties.map((t) => t.strength)).toEqual([0.25, 1]);
    expect(parsed.notes).toEqual([]);
  });

  it('turns unix seconds and ISO dates into lastContact and keeps other times as attributes', () => {
    const text = 'source,target,time\na,b,1379298633\nb,c,2024-05-01\nc,d,12913044\nd,e,May 2024\n';
    const ties = edgeListToGraphData(readEdgeList(text)).data.ties;
    expect(ties.map((t) => [t.lastContact, t.attributes.time])).toEqual([
      ['2013-09-16T02:30:33.000Z', undefined],
      ['2024-05-01', undefined],
      [null, 12913044],
      [null, 'May 2024'],
    ]);
  });

  it('drops self-loops with a note, not a problem', () => {
    const parsed = edgeListToGraphData(readEdgeList('1 1\n1 2\n2 2\n', { file: 'g.txt' }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.ties).toHaveLength(1);
    expect(parsed.notes).toEqual(['g.txt: dropped 2 self-loops (an edge from a node to itself)']);
    expect(parsed.data.people.map((p) => p.id)).toEqual(['1', '2']);
  });

  it('merges repeated pairs in either direction: largest strength, latest time, row count', () => {
    const text = [
      'from\tto\tweight\ttime\tchannel',
      'a\tb\t2\t1500000000\temail',
      'b\ta\t4\t1400000000\tphone',
      'a\tb\t1\t1600000000\tletter',
      'a\tc\t3\t1500000000\temail',
    ].join('\n');
    const parsed = edgeListToGraphData(readEdgeList(text, { file: 'mail.tsv' }));
    expect(parsed.data.ties).toHaveLength(2);
    expect(parsed.data.ties[0]).toMatchObject({
      source: 'a',
      target: 'b',
      strength: 1,
      lastContact: new Date(1600000000 * 1000).toISOString(),
      attributes: { weight: 4, count: 3, channel: 'letter' },
    });
    expect(parsed.origins.ties).toEqual([
      { file: 'mail.tsv', line: 2 },
      { file: 'mail.tsv', line: 5 },
    ]);
    expect(parsed.data.ties[1]?.attributes).toEqual({ weight: 3, channel: 'email' });
    expect(parsed.notes).toContain(
      'mail.tsv: merged 4 edges into 2 ties (repeated pairs; the row count is in attributes.count)',
    );
  });

  it('passes on the reading problems', () => {
    const parsed = edgeListToGraphData(readEdgeList('source,target,weight\na,b,x\nc,d,1\n'));
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.data.ties).toHaveLength(1);
  });
});
