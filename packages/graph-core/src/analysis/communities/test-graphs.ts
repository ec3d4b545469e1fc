/**
 * Small and seeded graphs, and brute-force checks, shared by the community tests. Not exported from the package.
 */
import { BridgeworkError } from '../../errors.js';
import { compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import { createRng } from '../../random/rng.js';

/** Two triangles joined by one edge (NetworkX's barbell_graph(3, 0)), the bridge weighted `bridge`. */
export const barbell = (bridge = 1): CompactGraph =>
  compactFromEdges([0, 0, 1, 3, 3, 4, 2], [1, 2, 2, 4, 5, 5, 3], [1, 1, 1, 1, 1, 1, bridge], 6);

/** The code of the BridgeworkError `f` throws: 'other' for another error, 'none' when it does not throw. */
export function validationCode(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    return error instanceof BridgeworkError ? error.code : 'other';
  }
  return 'none';
}

/**
 * A planted-partition graph (Condon & Karp 2001): `groups` groups of `size` nodes, node i in group ⌊i / size⌋; each
 * pair is joined with probability `pIn` inside a group and `pOut` across.
 */
export function plantedPartition(groups: number, size: number, pIn: number, pOut: number, seed: number): CompactGraph {
  const rng = createRng(seed);
  const n = groups * size;
  const sources: number[] = [];
  const targets: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (rng() < (Math.floor(i / size) === Math.floor(j / size) ? pIn : pOut)) {
        sources.push(i);
        targets.push(j);
      }
    }
  }
  return compactFromEdges(sources, targets, null, n);
}

/**
 * Triangles joined through hubs: `triangles` triangles (weight 1), `bridges` random weight-1 edges between triangles,
 * and `hubs` hub nodes, each tied with weight `hubWeight` to `hubDegree` random triangle nodes. The hubs pull triangles
 * together and can later leave them: the shape where Louvain can return a community whose parts only the departed hub
 * joined (Traag, Waltman & van Eck 2019, Fig. 2).
 */
export function trianglesWithHubs(triangles: number, hubs: number, hubDegree: number, bridges: number, hubWeight: number, seed: number): CompactGraph {
  const rng = createRng(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  const add = (a: number, b: number, w: number) => {
    sources.push(a);
    targets.push(b);
    weights.push(w);
  };
  const base = 3 * triangles;
  for (let t = 0; t < triangles; t++) {
    add(3 * t, 3 * t + 1, 1);
    add(3 * t, 3 * t + 2, 1);
    add(3 * t + 1, 3 * t + 2, 1);
  }
  for (let b = 0; b < bridges; b++) {
    const x = Math.floor(rng() * base);
    const y = Math.floor(rng() * base);
    if (Math.floor(x / 3) !== Math.floor(y / 3)) add(x, y, 1);
  }
  for (let h = 0; h < hubs; h++) for (let d = 0; d < hubDegree; d++) add(base + h, Math.floor(rng() * base), hubWeight);
  return compactFromEdges(sources, targets, weights, base + hubs, undefined, { merge: 'max' });
}

/**
 * How many communities are internally disconnected, counting each extra piece: 0 when every community induces a
 * connected subgraph. Breadth-first search restricted to each community.
 */
export function disconnectedPieces(graph: CompactGraph, communities: ArrayLike<number>): number {
  const seen = new Uint8Array(graph.n);
  const started = new Set<number>();
  let extra = 0;
  const stack: number[] = [];
  for (let s = 0; s < graph.n; s++) {
    if (seen[s]) continue;
    const c = communities[s]!;
    if (started.has(c)) extra++;
    started.add(c);
    seen[s] = 1;
    stack.push(s);
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (const v of graph.neighboursOf(u)) {
        if (!seen[v] && communities[v] === c) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
  }
  return extra;
}

/**
 * The largest modularity gain (at resolution γ) of moving one node to another community — a neighbouring one or a
 * new one of its own — computed by brute force from the definition; ≤ 0 (up to rounding) when every node is locally
 * optimally assigned.
 */
export function bestSingleMoveGain(graph: CompactGraph, communities: ArrayLike<number>, gamma = 1): number {
  const { n } = graph;
  const twoM = 2 * graph.totalWeight;
  const tot = new Map<number, number>();
  for (let i = 0; i < n; i++) tot.set(communities[i]!, (tot.get(communities[i]!) ?? 0) + graph.strengths[i]!);
  let best = -Infinity;
  for (let v = 0; v < n; v++) {
    const kv = graph.strengths[v]!;
    const own = communities[v]!;
    const toCommunity = new Map<number, number>();
    const nb = graph.neighboursOf(v);
    const wt = graph.weightsOf(v);
    for (let j = 0; j < nb.length; j++) {
      const c = communities[nb[j]!]!;
      toCommunity.set(c, (toCommunity.get(c) ?? 0) + wt[j]!);
    }
    // Gain of v joining community c after leaving its own: w(v, c) − γ k_v K_c / 2m (K_c without v).
    const join = (c: number) => (toCommunity.get(c) ?? 0) - (gamma * kv * ((tot.get(c) ?? 0) - (c === own ? kv : 0))) / twoM;
    const stay = join(own);
    const alone = 0;
    let gain = alone - stay;
    for (const c of toCommunity.keys()) if (c !== own) gain = Math.max(gain, join(c) - stay);
    best = Math.max(best, gain / graph.totalWeight);
  }
  return best;
}
