import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../../errors.js';
import { compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import { createRng } from '../../random/rng.js';
import { defaultForceAtlas2Iterations, forceAtlas2Layout, inducedEdges } from './force-atlas2.js';

/** Two cliques of `size` nodes (0 … size−1 and size … 2·size−1) joined by the single edge 0 — size. */
function twoCliques(size: number): CompactGraph {
  const s: number[] = [];
  const t: number[] = [];
  for (const base of [0, size]) {
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) {
      s.push(base + i);
      t.push(base + j);
    }
  }
  s.push(0);
  t.push(size);
  return compactFromEdges(s, t, null, 2 * size);
}

/** `blocks` blocks of `size` nodes, about 8 ties inside a block per node and a few between blocks (seeded). */
function blockGraph(blocks: number, size: number, seed: number): CompactGraph {
  const rng = createRng(seed);
  const n = blocks * size;
  const s: number[] = [];
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const base = i - (i % size);
    for (let k = 0; k < 4; k++) {
      s.push(i);
      t.push(base + Math.floor(rng() * size));
    }
    if (rng() < 0.3) {
      s.push(i);
      t.push(Math.floor(rng() * n));
    }
  }
  return compactFromEdges(s, t, null, n);
}

function distance(pos: Float64Array, a: number, b: number): number {
  return Math.hypot(pos[2 * a]! - pos[2 * b]!, pos[2 * a + 1]! - pos[2 * b + 1]!);
}

/** Mean distance between pairs in the same group and between pairs in different groups. */
function meanDistances(pos: Float64Array, n: number, group: (i: number) => number): { intra: number; inter: number } {
  let intra = 0;
  let ni = 0;
  let inter = 0;
  let no = 0;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
    const d = distance(pos, a, b);
    if (group(a) === group(b)) {
      intra += d;
      ni++;
    } else {
      inter += d;
      no++;
    }
  }
  return { intra: intra / ni, inter: inter / no };
}

function allFinite(pos: Float64Array): boolean {
  return pos.every((v) => Number.isFinite(v));
}

describe('forceAtlas2Layout', () => {
  it('gives bit-identical positions for the same seed and different ones for another seed', () => {
    const g = twoCliques(8);
    const a = forceAtlas2Layout(g, { seed: 7, iterations: 200 });
    const b = forceAtlas2Layout(g, { seed: 7, iterations: 200 });
    const c = forceAtlas2Layout(g, { seed: 8, iterations: 200 });
    expect(a).toHaveLength(32);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('is deterministic for a seed with the Barnes–Hut approximation too', () => {
    const g = blockGraph(4, 150, 3);
    const a = forceAtlas2Layout(g, { seed: 11, iterations: 20, barnesHut: true });
    const b = forceAtlas2Layout(g, { seed: 11, iterations: 20, barnesHut: true });
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('places two dense clusters joined by one edge far apart, each tight', () => {
    const g = twoCliques(10);
    for (const linLogMode of [false, true]) {
      const pos = forceAtlas2Layout(g, { seed: 1, linLogMode });
      expect(allFinite(pos)).toBe(true);
      const { intra, inter } = meanDistances(pos, 20, (i) => (i < 10 ? 0 : 1));
      expect(intra).toBeGreaterThan(0);
      expect(intra * 3).toBeLessThan(inter);
    }
  });

  it('separates clusters with the Barnes–Hut approximation about as well as with exact repulsion', () => {
    const g = blockGraph(8, 80, 5);
    const group = (i: number) => Math.floor(i / 80);
    const approx = forceAtlas2Layout(g, { seed: 2, iterations: 100, barnesHut: true });
    const exact = forceAtlas2Layout(g, { seed: 2, iterations: 100, barnesHut: false });
    expect(allFinite(approx)).toBe(true);
    const a = meanDistances(approx, g.n, group);
    const e = meanDistances(exact, g.n, group);
    expect(a.intra / a.inter).toBeLessThan(0.4);
    expect(Math.abs(a.intra / a.inter - e.intra / e.inter)).toBeLessThan(0.05);
  });

  it('lays out only the listed nodes, with the edges among them, as the induced subgraph would be', () => {
    const g = twoCliques(6);
    const subset = [0, 2, 3, 5, 6, 7, 9];
    const pos = forceAtlas2Layout(g, { nodes: subset, seed: 4, iterations: 100 });
    const edges = inducedEdges(g, subset);
    expect(edges).toContainEqual([0, 4]);
    expect(edges.every(([a, b]) => g.hasEdge(subset[a]!, subset[b]!) && a < b)).toBe(true);
    const induced = compactFromEdges(edges.map((e) => e[0]), edges.map((e) => e[1]), null, subset.length);
    expect(Array.from(pos)).toEqual(Array.from(forceAtlas2Layout(induced, { seed: 4, iterations: 100 })));
  });

  it('stays finite with isolated nodes, a single node, coincident starts, strong gravity and hub dissuasion', () => {
    const g = compactFromEdges([0, 1], [1, 2], null, 6);
    const pos = forceAtlas2Layout(g, { strongGravity: true, outboundAttractionDistribution: true, edgeWeightInfluence: 0 });
    expect(allFinite(pos)).toBe(true);
    expect(distance(pos, 3, 4)).toBeGreaterThan(0);
    expect(allFinite(forceAtlas2Layout(g, { nodes: [4] }))).toBe(true);
    expect(forceAtlas2Layout(g, { nodes: [] })).toHaveLength(0);
    const still = forceAtlas2Layout(g, { initial: new Float64Array(12), barnesHut: true, iterations: 20 });
    expect(allFinite(still)).toBe(true);
  });

  it('rejects node indices out of range or repeated, and bad options', () => {
    const g = twoCliques(3);
    expect(() => forceAtlas2Layout(g, { nodes: [0, 6] })).toThrow(BridgeworkError);
    expect(() => forceAtlas2Layout(g, { nodes: [1, 1] })).toThrow(/twice/);
    expect(() => forceAtlas2Layout(g, { iterations: -1 })).toThrow(/iterations/);
    expect(() => forceAtlas2Layout(g, { initial: [0, 0] })).toThrow(/initial/);
    expect(() => forceAtlas2Layout(g, { gravity: Number.NaN })).toThrow(/gravity/);
  });

  it('runs fewer default iterations on bigger graphs, never fewer than 100', () => {
    expect(defaultForceAtlas2Iterations(500)).toBe(500);
    expect(defaultForceAtlas2Iterations(4000)).toBe(250);
    expect(defaultForceAtlas2Iterations(1e6)).toBe(100);
  });
});
