import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../errors.js';
import { BridgeworkGraph } from '../graph/bridgework-graph.js';
import { PersonSchema, OrganisationSchema, TieSchema } from '../model/schemas.js';
import { combineStrengths, effectiveStrength } from '../model/strength.js';
import { adamicAdarScan, createTwoHopScratch } from './adamic-adar.js';
import { mulberry32 } from '../random/index.js';
import { CompactGraph, compactFromEdgeList, compactFromEdges, projectGraph } from './compact-graph.js';
import { compactFromEdgeText, parseDecimal, parseEdgeText } from './edge-text.js';

/** Zachary's karate club (1977), members numbered 1–34 as in the paper: 78 ties. */
const KARATE =
  '1-2 1-3 1-4 1-5 1-6 1-7 1-8 1-9 1-11 1-12 1-13 1-14 1-18 1-20 1-22 1-32 2-3 2-4 2-8 2-14 2-18 2-20 2-22 2-31 ' +
  '3-4 3-8 3-9 3-10 3-14 3-28 3-29 3-33 4-8 4-13 4-14 5-7 5-11 6-7 6-11 6-17 7-17 9-31 9-33 9-34 10-34 14-34 ' +
  '15-33 15-34 16-33 16-34 19-33 19-34 20-34 21-33 21-34 23-33 23-34 24-26 24-28 24-30 24-33 24-34 25-26 25-28 ' +
  '25-32 26-32 27-30 27-34 28-34 29-32 29-34 30-33 30-34 31-33 31-34 32-33 32-34 33-34';

const karateEdges = () => KARATE.split(' ').map((pair) => {
  const [source, target] = pair.split('-') as [string, string];
  return { source, target };
});

/** Rows of a CompactGraph as plain arrays, for readable comparisons. */
function rows(g: CompactGraph): number[][] {
  return Array.from({ length: g.n }, (_, i) => [...g.neighboursOf(i)]);
}

/** Adamic–Adar by definition over an adjacency of sets: Σ over common neighbours z of 1 / ln deg(z). */
function bruteAdamicAdar(adj: Set<number>[], u: number, v: number): number {
  let s = 0;
  for (const z of adj[u]!) if (adj[v]!.has(z)) s += 1 / Math.log(adj[z]!.size);
  return s;
}

function adjacencyOf(n: number, edges: [number, number][]): Set<number>[] {
  const adj = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of edges) {
    if (a === b) continue;
    adj[a]!.add(b);
    adj[b]!.add(a);
  }
  return adj;
}

describe('compactFromEdges', () => {
  it('builds sorted, symmetric rows and drops self-loops', () => {
    const g = compactFromEdges([2, 0, 3, 1, 1], [0, 3, 1, 1, 2], null, 5);
    expect(g.n).toBe(5);
    expect(g.m).toBe(4);
    expect(rows(g)).toEqual([[2, 3], [2, 3], [0, 1], [0, 1], []]);
    expect([...g.offsets]).toEqual([0, 2, 4, 6, 8, 8]);
    expect(g.ids).toEqual(['0', '1', '2', '3', '4']);
    expect(g.degree(4)).toBe(0);
    expect([...g.weights]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('merges repeated pairs in either orientation with max by default, or sum or noisy-or when asked', () => {
    const s = [0, 1, 0, 0];
    const t = [1, 0, 1, 2];
    const w = [0.5, 0.2, 0.4, 0.9];
    const max = compactFromEdges(s, t, w, 3);
    const sum = compactFromEdges(s, t, w, 3, undefined, { merge: 'sum' });
    const noisy = compactFromEdges(s, t, w, 3, undefined, { merge: 'noisy-or' });
    for (const g of [max, sum, noisy]) expect(g.m).toBe(2);
    expect(max.weight(0, 1)).toBe(0.5);
    expect(sum.weight(0, 1)).toBeCloseTo(1.1, 12);
    expect(noisy.weight(0, 1)).toBeCloseTo(combineStrengths([0.5, 0.2, 0.4]), 12);
    expect(noisy.weight(0, 1)).toBeCloseTo(1 - 0.5 * 0.8 * 0.6, 12);
    for (const g of [max, sum, noisy]) {
      expect(g.weight(1, 0)).toBe(g.weight(0, 1));
      expect(g.weight(0, 2)).toBe(0.9);
    }
  });

  it('counts repeats as weights under sum when no weights are given', () => {
    const g = compactFromEdges([0, 1, 0], [1, 0, 2], undefined, 3, ['a', 'b', 'c'], { merge: 'sum' });
    expect(g.weight(0, 1)).toBe(2);
    expect(g.weight(0, 2)).toBe(1);
    expect(g.strength(0)).toBe(3);
    expect(g.totalWeight).toBe(3);
    expect(g.id(2)).toBe('c');
    expect(g.indexOf('b')).toBe(1);
    expect(g.indexOf('zz')).toBe(-1);
  });

  it('answers degree, strength, weight and adjacency queries', () => {
    const g = compactFromEdges(new Uint32Array([0, 0, 0, 1]), new Uint32Array([1, 2, 3, 2]), new Float64Array([0.1, 0.2, 0.3, 0.4]), 5);
    expect(g.degree(0)).toBe(3);
    expect(g.strength(0)).toBeCloseTo(0.6, 12);
    expect(g.strength(2)).toBeCloseTo(0.6, 12);
    expect(g.totalWeight).toBeCloseTo(1.0, 12);
    expect(g.hasEdge(2, 1)).toBe(true);
    expect(g.hasEdge(3, 1)).toBe(false);
    expect(g.weight(3, 0)).toBe(0.3);
    expect(g.weight(3, 1)).toBe(0);
    expect([...g.weightsOf(0)]).toEqual([0.1, 0.2, 0.3]);
    expect(g.slot(4, 0)).toBe(-1);
  });

  it('matches a brute-force adjacency on random multigraphs with loops', () => {
    const rand = mulberry32(7);
    for (let round = 0; round < 20; round++) {
      const n = 1 + Math.floor(rand() * 40);
      const e = Math.floor(rand() * 200);
      const pairs: [number, number][] = [];
      for (let k = 0; k < e; k++) pairs.push([Math.floor(rand() * n), Math.floor(rand() * n)]);
      const weights = pairs.map(() => Math.round(rand() * 1000) / 1000);
      const g = compactFromEdges(pairs.map((p) => p[0]), pairs.map((p) => p[1]), weights, n);
      const adj = adjacencyOf(n, pairs);
      expect(rows(g)).toEqual(adj.map((s) => [...s].sort((a, b) => a - b)));
      expect(g.m).toBe(adj.reduce((s, x) => s + x.size, 0) / 2);
      for (let i = 0; i < n; i++) {
        for (const j of adj[i]!) {
          const expected = Math.max(...pairs.flatMap(([a, b], k) => ((a === i && b === j) || (a === j && b === i) ? [weights[k]!] : [])));
          expect(g.weight(i, j)).toBe(expected);
        }
      }
    }
  });

  it('refuses endpoints out of range, mismatched lengths, bad weights and repeated ids', () => {
    const bad = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(BridgeworkError);
        return (error as BridgeworkError).message;
      }
      throw new Error('expected a BridgeworkError');
    };
    expect(bad(() => compactFromEdges([0, 3], [1, 0], null, 3))).toMatch(/edge 1: source 3 is not a node index in \[0, 3\)/);
    expect(bad(() => compactFromEdges([0, -1], [1, 0], null, 3))).toMatch(/source -1/);
    expect(bad(() => compactFromEdges([0.5], [1], null, 3))).toMatch(/source 0.5/);
    expect(bad(() => compactFromEdges([0], [1, 2], null, 3))).toMatch(/1 sources but 2 targets/);
    expect(bad(() => compactFromEdges([0], [1], [-0.1], 3))).toMatch(/weight -0.1/);
    expect(bad(() => compactFromEdges([0], [1], [NaN], 3))).toMatch(/weight NaN/);
    expect(bad(() => compactFromEdges([0], [1], [1.5], 3, undefined, { merge: 'noisy-or' }))).toMatch(/in \[0, 1\] under noisy-or/);
    expect(bad(() => compactFromEdges([0], [1], null, 2, ['a', 'a']))).toMatch(/duplicate node id "a"/);
    expect(bad(() => compactFromEdges([0], [1], null, 2, ['a']))).toMatch(/1 ids for 2 nodes/);
    expect(() => new CompactGraph(Symbol('fake') as never, undefined as never)).toThrow(BridgeworkError);
  });

  it('is frozen and copies the ids it is given', () => {
    const ids = ['x', 'y'];
    const g = compactFromEdges([0], [1], null, 2, ids);
    ids[0] = 'changed';
    expect(g.ids).toEqual(['x', 'y']);
    expect(Object.isFrozen(g)).toBe(true);
    expect(Object.isFrozen(g.ids)).toBe(true);
  });
});

describe('compactFromEdgeList', () => {
  it('numbers ids in order of appearance after the given nodes and defaults missing weights to 1', () => {
    const g = compactFromEdgeList(
      [
        { source: 'b', target: 'a', weight: 0.5 },
        { source: 'c', target: 'b' },
        { source: 'c', target: 'c' },
      ],
      { nodes: ['lonely'] },
    );
    expect(g.ids).toEqual(['lonely', 'b', 'a', 'c']);
    expect(g.m).toBe(2);
    expect(g.weight(g.indexOf('a'), g.indexOf('b'))).toBe(0.5);
    expect(g.weight(g.indexOf('b'), g.indexOf('c'))).toBe(1);
    expect(g.degree(g.indexOf('lonely'))).toBe(0);
  });
});

describe('parseEdgeText and compactFromEdgeText', () => {
  it('reads a TSV with weights, comments, blank lines and CRLF line ends', () => {
    const text = '# a comment\r\nann\tbob\t0.5\r\n\r\nbob\tcat\t0.25\r\n  # indented comment\nann\tcat\t1e-1\n';
    const p = parseEdgeText(text, { weightColumn: 2 });
    expect(p.ids).toEqual(['ann', 'bob', 'cat']);
    expect([...p.sources]).toEqual([0, 1, 0]);
    expect([...p.targets]).toEqual([1, 2, 2]);
    expect([...p.weights!]).toEqual([0.5, 0.25, 0.1]);
    expect(p.edges).toBe(3);
  });

  it('reads a CSV with a header, spaces around fields, quoted ids and the weight in a later column', () => {
    const text = 'source,target,kind,weight\n"a", b ,knows, 0.75\nb,c,knows,2\n';
    const g = compactFromEdgeText(text, { header: true, weightColumn: 3, merge: 'sum' });
    expect(g.ids).toEqual(['a', 'b', 'c']);
    expect(g.weight(0, 1)).toBe(0.75);
    expect(g.weight(1, 2)).toBe(2);
  });

  it('reads whitespace-separated lists (NCOL style) and merges repeats', () => {
    const g = compactFromEdgeText('x  y\ny x\n\tz   x  \nq q\n');
    expect(g.ids).toEqual(['x', 'y', 'z', 'q']);
    expect(g.m).toBe(2);
    expect(g.degree(0)).toBe(2);
    expect(g.degree(3)).toBe(0);
  });

  it('interns thousands of ids, long and short, exactly as a Map would', () => {
    const rand = mulberry32(5);
    const pool = Array.from({ length: 6000 }, (_, i) => (i % 3 === 0 ? `person-with-a-long-identifier-${i}` : `p${i}`));
    const lines: string[] = [];
    const expectedIds: string[] = [];
    const seen = new Map<string, number>();
    const expectedSources: number[] = [];
    const expectedTargets: number[] = [];
    const intern = (id: string) => {
      if (!seen.has(id)) {
        seen.set(id, expectedIds.length);
        expectedIds.push(id);
      }
      return seen.get(id)!;
    };
    for (let k = 0; k < 20000; k++) {
      const a = pool[Math.floor(rand() * pool.length)]!;
      const b = pool[Math.floor(rand() * pool.length)]!;
      lines.push(`${a},${b}`);
      expectedSources.push(intern(a));
      expectedTargets.push(intern(b));
    }
    const p = parseEdgeText(lines.join('\n'));
    expect(p.ids).toEqual(expectedIds);
    expect([...p.sources]).toEqual(expectedSources);
    expect([...p.targets]).toEqual(expectedTargets);
    expect(p.index.get(expectedIds[4321]!)).toBe(4321);
  });

  it('names the line of a missing field, an empty id or a bad weight', () => {
    expect(() => parseEdgeText('a\tb\nlonely\n')).toThrow(/line 2: expected at least two fields/);
    expect(() => parseEdgeText('a,b\n,c\n')).toThrow(/line 2: empty id/);
    expect(() => parseEdgeText('a\tb\t0.1\nc\td\theavy\n', { weightColumn: 2 })).toThrow(/line 2: weight "heavy" is not a number/);
    expect(() => parseEdgeText('a\tb\n', { weightColumn: 2 })).toThrow(/line 1: no column 2/);
    expect(() => parseEdgeText('a\tb\n', { weightColumn: 1 })).toThrow(BridgeworkError);
  });

  it('parses decimals exactly as Number() does', () => {
    const rand = mulberry32(11);
    const samples = ['0', '1', '-0.5', '+2.25', '.5', '3.', '0.1', '0.30000000000000004', '123456789012345', '1234567890123456789', '1e-3', '007.0700', 'abc', '1.2.3', '-', ''];
    for (let k = 0; k < 2000; k++) samples.push((rand() * 10 ** Math.floor(rand() * 8)).toFixed(Math.floor(rand() * 12)));
    for (const s of samples) {
      const text = `[${s}]`;
      const expected = s.trim() === '' || s === '-' ? NaN : Number(s);
      expect(Object.is(parseDecimal(text, 1, text.length - 1), expected)).toBe(true);
    }
  });
});

describe('projectGraph', () => {
  const person = (id: string) => PersonSchema.parse({ id, name: id });
  const tie = (source: string, target: string, kind: string, strength: number, extra: object = {}) =>
    TieSchema.parse({ source, target, kind, strength, ...extra });

  function sample(): BridgeworkGraph {
    const g = BridgeworkGraph.from({
      people: [person('p1'), person('p2'), person('p3'), person('p4')],
      organisations: [OrganisationSchema.parse({ id: 'o1', name: 'Bakery', sector: 'I' })],
      ties: [
        tie('p1', 'p2', 'knows', 0.3, { lastContact: '2024-01-01' }),
        tie('p2', 'p1', 'friend', 0.6),
        tie('p1', 'p2', 'mentors', 0.5, { lastContact: '2024-07-01' }),
        tie('p2', 'p1', 'mentors', 0.2),
        tie('p3', 'p1', 'knows', 0.4),
        tie('p3', 'o1', 'works-at', 0.9),
      ],
    });
    return g;
  }

  it('merges parallel ties of any kind and direction with combineStrengths', () => {
    const c = projectGraph(sample());
    expect(c.ids).toEqual(['p1', 'p2', 'p3', 'p4', 'o1']);
    expect(c.m).toBe(3);
    expect(c.weight(0, 1)).toBeCloseTo(combineStrengths([0.3, 0.6, 0.5, 0.2]), 12);
    expect(c.weight(1, 0)).toBe(c.weight(0, 1));
    expect(c.weight(2, 4)).toBe(0.9);
    expect(c.degree(3)).toBe(0);
  });

  it('decays each tie to now before merging', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const c = projectGraph(sample(), { now, halfLifeDays: 90 });
    const knows = effectiveStrength({ strength: 0.3, lastContact: '2024-01-01' }, now, { halfLifeDays: 90 });
    const mentors = effectiveStrength({ strength: 0.5, lastContact: '2024-07-01' }, now, { halfLifeDays: 90 });
    expect(knows).toBeLessThan(0.02);
    expect(c.weight(0, 1)).toBeCloseTo(combineStrengths([knows, 0.6, mentors, 0.2]), 12);
  });

  it('keeps only the kinds, node types and strengths asked for', () => {
    const c = projectGraph(sample(), { kinds: ['knows', 'works-at'], nodeTypes: ['person'], minStrength: 0.35 });
    expect(c.ids).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(c.m).toBe(1);
    expect(c.weight(0, 2)).toBe(0.4);
    expect(() => projectGraph(sample(), { halfLifeDays: 30 })).toThrow(/halfLifeDays needs now/);
  });

  it('merges extra ties as they are, without decaying them again', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const extra = [
      { source: 'p4', target: 'p3', kind: 'met-at-event' as const, strength: 0.12 },
      { source: 'p1', target: 'p3', kind: 'met-at-event' as const, strength: 0.5 },
      { source: 'p1', target: 'nobody', kind: 'met-at-event' as const, strength: 0.5 },
    ];
    const c = projectGraph(sample(), { now, halfLifeDays: 90, extraTies: extra });
    expect(c.m).toBe(4);
    expect(c.weight(3, 2)).toBe(0.12);
    expect(c.weight(0, 2)).toBeCloseTo(combineStrengths([0.4, 0.5]), 12);
    expect(projectGraph(sample(), { extraTies: extra, kinds: ['knows'] }).m).toBe(2);
  });
});

describe('adamicAdarScan', () => {
  const karate = () => compactFromEdgeList(karateEdges(), { nodes: Array.from({ length: 34 }, (_, i) => String(i + 1)) });

  it('gives the scores networkx gives for member 1 of the karate club', () => {
    const g = karate();
    expect(g.n).toBe(34);
    expect(g.m).toBe(78);
    const { candidates, scores } = adamicAdarScan(g, g.indexOf('1'));
    const got = new Map([...candidates].map((v, i) => [g.id(v), scores[i]!]));
    // networkx 2.8 adamic_adar_index on nx.karate_club_graph() (0-based there).
    const expected: [string, number][] = [
      ['10', 0.43429448190325176],
      ['17', 1.4426950408889634],
      ['25', 0.5581106265512472],
      ['26', 0.5581106265512472],
      ['28', 0.43429448190325176],
      ['29', 0.9924051084544989],
      ['31', 1.0764545478730305],
      ['33', 1.613740043014111],
      ['34', 2.7110197222973085],
    ];
    expect([...got.keys()].sort()).toEqual(expected.map(([id]) => id).sort());
    for (const [id, score] of expected) expect(got.get(id)).toBeCloseTo(score, 12);
  });

  it('matches the definition for every node of the karate club and of random graphs, reusing one scratch', () => {
    const rand = mulberry32(3);
    const graphs: CompactGraph[] = [karate()];
    for (let k = 0; k < 10; k++) {
      const n = 5 + Math.floor(rand() * 60);
      const e = Math.floor(rand() * n * 4);
      const s: number[] = [];
      const t: number[] = [];
      for (let j = 0; j < e; j++) {
        s.push(Math.floor(rand() * n));
        t.push(Math.floor(rand() * n));
      }
      graphs.push(compactFromEdges(s, t, null, n));
    }
    const scratch = createTwoHopScratch(100);
    for (const g of graphs) {
      const adj = Array.from({ length: g.n }, (_, i) => new Set(g.neighboursOf(i)));
      for (let u = 0; u < g.n; u++) {
        const { candidates, scores } = adamicAdarScan(g, u, scratch);
        const got = new Map([...candidates].map((v, i) => [v, scores[i]!]));
        expect(got.size).toBe(candidates.length);
        for (let v = 0; v < g.n; v++) {
          const expected = v === u || adj[u]!.has(v) ? 0 : bruteAdamicAdar(adj, u, v);
          if (expected > 0) expect(got.get(v)).toBeCloseTo(expected, 12);
          else expect(got.has(v)).toBe(false);
        }
      }
      expect(scratch.score.every((x) => x === 0)).toBe(true);
    }
  });

  it('survives the scratch epoch wrapping and refuses unknown nodes or small scratches', () => {
    const g = karate();
    const scratch = createTwoHopScratch(g.n);
    const before = adamicAdarScan(g, 0, scratch);
    scratch.epoch = 0xffffffff;
    const after = adamicAdarScan(g, 0, scratch);
    expect([...after.candidates]).toEqual([...before.candidates]);
    expect([...after.scores]).toEqual([...before.scores]);
    expect(scratch.epoch).toBe(1);
    expect(() => adamicAdarScan(g, 34, scratch)).toThrow(/no node 34/);
    expect(() => adamicAdarScan(g, 0, createTwoHopScratch(10))).toThrow(/scratch for 10 nodes/);
  });
});
