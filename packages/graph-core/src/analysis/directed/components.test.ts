import { describe, expect, it } from '@jest/globals';
import { mulberry32 } from '../../random/index.js';
import { directedFromEdges, type DirectedCompactGraph } from './directed-graph.js';
import { stronglyConnectedComponents } from './strong-components.js';
import { weaklyConnectedComponents } from './weak-components.js';

/** 0 → 1 → 2 → 0, 2 → 3, 3 ⇄ 4, 5 alone, 6 → 7. */
const SMALL = directedFromEdges([0, 1, 2, 2, 3, 4, 6], [1, 2, 0, 3, 4, 3, 7], null, 8);

/** Strong components by brute force: u and v together when each reaches the other (BFS from every node). */
function bruteStrong(d: DirectedCompactGraph): number[] {
  const reach = Array.from({ length: d.n }, (_, s) => {
    const seen = new Uint8Array(d.n);
    seen[s] = 1;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      for (const w of d.successors(queue[h]!)) {
        if (seen[w]) continue;
        seen[w] = 1;
        queue.push(w);
      }
    }
    return seen;
  });
  const first: number[] = [];
  for (let v = 0; v < d.n; v++) {
    let f = v;
    for (let u = 0; u < v; u++) {
      if (reach[u]![v] && reach[v]![u]) {
        f = u;
        break;
      }
    }
    first.push(f);
  }
  return first;
}

/** Each node's label replaced by the smallest node index with that label. */
function firstMembers(labels: ArrayLike<number>): number[] {
  const first = new Map<number, number>();
  return Array.from(labels, (l, i) => {
    if (!first.has(l)) first.set(l, i);
    return first.get(l)!;
  });
}

describe('stronglyConnectedComponents', () => {
  it('finds the cycles and the nodes on none, numbered largest first, ties by smallest node', () => {
    const scc = stronglyConnectedComponents(SMALL);
    expect(scc.count).toBe(5);
    expect(Array.from(scc.component)).toEqual([0, 0, 0, 1, 1, 2, 3, 4]);
    expect(Array.from(scc.sizes)).toEqual([3, 2, 1, 1, 1]);
  });

  it('agrees with mutual reachability on random sparse digraphs', () => {
    const rng = mulberry32(7);
    for (let trial = 0; trial < 40; trial++) {
      const n = 5 + Math.floor(rng() * 60);
      const e = Math.floor(rng() * 2.5 * n);
      const s = Array.from({ length: e }, () => Math.floor(rng() * n));
      const t = Array.from({ length: e }, () => Math.floor(rng() * n));
      const d = directedFromEdges(s, t, null, n);
      expect(firstMembers(stronglyConnectedComponents(d).component)).toEqual(bruteStrong(d));
    }
  });

  it('runs without recursion on a 200 000-node cycle and a 200 000-node path', () => {
    const n = 200_000;
    const s = Array.from({ length: n }, (_, i) => i);
    const cycle = stronglyConnectedComponents(directedFromEdges(s, s.map((i) => (i + 1) % n), null, n));
    expect(cycle.count).toBe(1);
    expect(cycle.sizes[0]).toBe(n);
    const path = stronglyConnectedComponents(directedFromEdges(s.slice(0, n - 1), s.slice(1), null, n));
    expect(path.count).toBe(n);
    expect(path.component[0]).toBe(0);
    expect(path.component[n - 1]).toBe(n - 1);
  });

  it('handles the empty graph', () => {
    expect(stronglyConnectedComponents(directedFromEdges([], [], null, 0)).count).toBe(0);
  });
});

describe('weaklyConnectedComponents', () => {
  it('ignores directions: the two cycles join, the lone arc is its own component, the isolated node too', () => {
    const wcc = weaklyConnectedComponents(SMALL);
    expect(wcc.count).toBe(3);
    expect(Array.from(wcc.component)).toEqual([0, 0, 0, 0, 0, 2, 1, 1]);
    expect(Array.from(wcc.sizes)).toEqual([5, 2, 1]);
  });

  it('reaches a node only through in-arcs (a source pointing into the component)', () => {
    const d = directedFromEdges([1, 2], [0, 0], null, 3);
    expect(weaklyConnectedComponents(d).count).toBe(1);
    expect(stronglyConnectedComponents(d).count).toBe(3);
  });
});
