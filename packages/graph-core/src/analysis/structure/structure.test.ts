import { describe, expect, it } from '@jest/globals';
import { compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import { loadReference, mulberry32, referenceNetworks } from '../structural-holes/reference-fixtures.testing.js';
import { articulationPoints } from './articulation-points.js';
import { bridges } from './bridges.js';
import { compactConnectedComponents } from './connected-components.js';
import { coreNumber } from './k-core.js';
import { edgeTriangles } from './triangles.js';

/** Number of components of g with some edges or a node left out, by a plain union–find (independent of the code under test). */
function componentCount(g: CompactGraph, skipNode = -1, skipEdge: [number, number] | null = null): number {
  const parent = Array.from({ length: g.n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  let count = g.n - (skipNode >= 0 ? 1 : 0);
  for (let u = 0; u < g.n; u++) {
    for (const v of g.neighboursOf(u)) {
      if (v < u || u === skipNode || v === skipNode) continue;
      if (skipEdge && skipEdge[0] === u && skipEdge[1] === v) continue;
      const a = find(u);
      const b = find(v);
      if (a !== b) {
        parent[a] = b;
        count--;
      }
    }
  }
  return count;
}

/** Core numbers by definition: peel nodes of degree < k until none is left, for k = 1, 2, … */
function bruteCores(g: CompactGraph): number[] {
  const core = new Array<number>(g.n).fill(0);
  for (let k = 1; ; k++) {
    const alive = core.map((c) => c >= k - 1);
    let changed = true;
    while (changed) {
      changed = false;
      for (let u = 0; u < g.n; u++) {
        if (!alive[u]) continue;
        let d = 0;
        for (const v of g.neighboursOf(u)) if (alive[v]) d++;
        if (d < k) {
          alive[u] = false;
          changed = true;
        }
      }
    }
    if (!alive.some(Boolean)) return core;
    alive.forEach((a, u) => {
      if (a) core[u] = k;
    });
  }
}

function randomGraph(seed: number, n: number, e: number): CompactGraph {
  const rnd = mulberry32(seed);
  const s: number[] = [];
  const t: number[] = [];
  for (let k = 0; k < e; k++) {
    s.push(Math.floor(rnd() * n));
    t.push(Math.floor(rnd() * n));
  }
  return compactFromEdges(s, t, null, n);
}

describe('structure against NetworkX 2.8.8 on the classic networks', () => {
  for (const network of referenceNetworks()) {
    it(`finds exactly NetworkX's bridges, articulation points, components and core numbers in ${network}`, () => {
      const { ref, g } = loadReference(network);
      const id = (i: number) => g.ids[i]!;

      const b = bridges(g);
      const found = Array.from(b.sources, (s, k) => [id(s), id(b.targets[k]!)].sort().join(' — ')).sort();
      expect(found).toEqual(ref.bridges.map((pair) => [...pair].sort().join(' — ')).sort());
      expect(b.count).toBe(ref.bridges.length);

      expect(Array.from(articulationPoints(g), id).sort()).toEqual([...ref.articulation_points].sort());

      const c = compactConnectedComponents(g);
      expect(c.count).toBe(ref.components.length);
      const groups = Array.from({ length: c.count }, () => [] as string[]);
      c.component.forEach((k, i) => groups[k]!.push(id(i)));
      const canonical = (comps: string[][]) => comps.map((x) => [...x].sort().join('|')).sort();
      expect(canonical(groups)).toEqual(canonical(ref.components));
      expect(Array.from(c.sizes)).toEqual(ref.components.map((x) => x.length)); // both largest first

      const { core, degeneracy } = coreNumber(g);
      const mismatches = ref.nodes.filter((node) => core[g.indexOf(node.id)] !== node.core_number);
      expect(mismatches).toEqual([]);
      expect(degeneracy).toBe(Math.max(...ref.nodes.map((node) => node.core_number)));
    });
  }

  it('finds the Florentine marriage network’s cut points: Medici, Albizzi, Guadagni, Salviati', () => {
    const { g } = loadReference('nx_florentine_families');
    expect(Array.from(articulationPoints(g), (i) => g.ids[i]).sort()).toEqual(['Albizzi', 'Guadagni', 'Medici', 'Salviati']);
  });
});

describe('bridges and articulation points', () => {
  it('agree with removing each edge and each node on random graphs', () => {
    for (const seed of [7, 8, 9, 10]) {
      const g = randomGraph(seed, 60, 70);
      const base = componentCount(g);
      const bridgeSet = new Set<string>();
      const b = bridges(g);
      for (let k = 0; k < b.count; k++) {
        expect(b.sources[k]!).toBeLessThan(b.targets[k]!);
        if (k > 0) expect(b.sources[k - 1]! < b.sources[k]! || (b.sources[k - 1] === b.sources[k] && b.targets[k - 1]! < b.targets[k]!)).toBe(true);
        bridgeSet.add(`${b.sources[k]}-${b.targets[k]}`);
      }
      for (let u = 0; u < g.n; u++) {
        for (const v of g.neighboursOf(u)) {
          if (v < u) continue;
          expect(bridgeSet.has(`${u}-${v}`)).toBe(componentCount(g, -1, [u, v]) > base);
        }
      }
      const cut = new Set(articulationPoints(g));
      for (let u = 0; u < g.n; u++) {
        // Removing u removes its own component when u is isolated; it is a cut vertex when more remain.
        const isolated = g.degree(u) === 0;
        expect(cut.has(u)).toBe(componentCount(g, u) > base - (isolated ? 1 : 0));
      }
    }
  });

  it('walk a path of 300,000 nodes without recursion (a recursive DFS overflows the stack at ~10,000)', () => {
    const n = 300_000;
    const s = new Uint32Array(n - 1);
    const t = new Uint32Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      s[i] = i;
      t[i] = i + 1;
    }
    const g = compactFromEdges(s, t, null, n);
    expect(bridges(g).count).toBe(n - 1);
    const cut = articulationPoints(g);
    expect(cut.length).toBe(n - 2);
    expect(cut[0]).toBe(1);
    expect(cut[cut.length - 1]).toBe(n - 2);
    expect(coreNumber(g).degeneracy).toBe(1);
    expect(compactConnectedComponents(g).count).toBe(1);
  });

  it('find none in a cycle, and the root of a star as its only cut point', () => {
    const cycle = compactFromEdges([0, 1, 2, 3], [1, 2, 3, 0], null, 4);
    expect(bridges(cycle).count).toBe(0);
    expect(articulationPoints(cycle).length).toBe(0);
    const star = compactFromEdges([2, 2, 2], [0, 1, 3], null, 4);
    expect(Array.from(articulationPoints(star))).toEqual([2]);
    expect(bridges(star).count).toBe(3);
    expect(Array.from(bridges(star).sources)).toEqual([0, 1, 2]);
    expect(Array.from(bridges(star).targets)).toEqual([2, 2, 3]);
  });
});

describe('connected components', () => {
  it('number components largest first, ties by smallest node, isolated nodes as singletons', () => {
    // {0,1}, {2}, {3,4,5}, {6}
    const g = compactFromEdges([0, 3, 4], [1, 4, 5], null, 7);
    const c = compactConnectedComponents(g);
    expect(c.count).toBe(4);
    expect(Array.from(c.sizes)).toEqual([3, 2, 1, 1]);
    expect(Array.from(c.component)).toEqual([1, 1, 2, 0, 0, 0, 3]);
  });

  it('handle an empty graph', () => {
    const g = compactFromEdges([], [], null, 0);
    expect(compactConnectedComponents(g)).toEqual({ count: 0, component: new Uint32Array(0), sizes: new Uint32Array(0) });
    expect(bridges(g).count).toBe(0);
    expect(articulationPoints(g).length).toBe(0);
    expect(coreNumber(g).degeneracy).toBe(0);
  });
});

describe('core numbers', () => {
  it('match peeling by definition on random graphs', () => {
    for (const seed of [11, 12, 13]) {
      const g = randomGraph(seed, 80, 300);
      expect(Array.from(coreNumber(g).core)).toEqual(bruteCores(g));
    }
  });

  it('give a clique with a pendant its clique size minus one and the pendant 1', () => {
    const s: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) s.push(i), t.push(j);
    s.push(4);
    t.push(5);
    const { core, degeneracy } = coreNumber(compactFromEdges(s, t, null, 7));
    expect(Array.from(core)).toEqual([4, 4, 4, 4, 4, 1, 0]);
    expect(degeneracy).toBe(4);
  });
});

describe('edge triangles', () => {
  it('count the shared neighbours of both ends of every edge, at both of its slots', () => {
    for (const seed of [21, 22]) {
      const g = randomGraph(seed, 50, 400);
      const count = edgeTriangles(g);
      const adj = Array.from({ length: g.n }, (_, i) => new Set(g.neighboursOf(i)));
      let total = 0;
      for (let u = 0; u < g.n; u++) {
        const row = g.neighboursOf(u);
        for (let x = 0; x < row.length; x++) {
          const v = row[x]!;
          const shared = [...adj[u]!].filter((w) => adj[v]!.has(w)).length;
          expect(count[g.offsets[u]! + x]).toBe(shared);
          total += shared;
        }
      }
      expect(total).toBeGreaterThan(0);
    }
  });

  it('find 8 triangles on every edge of a complete graph on 10 nodes', () => {
    const s: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < 10; i++) for (let j = i + 1; j < 10; j++) s.push(i), t.push(j);
    const count = edgeTriangles(compactFromEdges(s, t, null, 10));
    expect(count.length).toBe(90);
    expect(Array.from(count).every((c) => c === 8)).toBe(true);
  });
});
