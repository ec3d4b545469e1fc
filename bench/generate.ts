/**
 * A seeded synthetic relationship graph for the benchmarks: preferential attachment inside communities.
 *
 * Nodes arrive one at a time (after a small starting clique) and each joins a random community of about
 * `communitySize` members and ties to `edgesPerNode` distinct earlier nodes: with probability `pIn` inside its
 * community, else anywhere; each pick is preferential (proportional to degree, as in Barabási & Albert 1999, Science
 * 286:509) with probability `pPreferential`, else uniform. The mixture gives a heavy-tailed but not extreme degree
 * distribution (hubs of a few hundred ties, not thousands), many triangles inside communities, and short paths across
 * them — the shape of a local employability network, at scale. Weights are uniform on {0.001, …, 1.000}.
 *
 * Ids are `v<index>`; the edge order is shuffled and each edge's orientation randomised, so no loader gains from a
 * sorted file. Edge count: C(k+1, 2) + (n − k − 1)·k for k = edgesPerNode (n = 100 000, k = 10: 999 945).
 */

export { mulberry32 } from '../packages/graph-core/src/index.js';
import { mulberry32 } from '../packages/graph-core/src/index.js';

export interface GeneratorOptions {
  n: number;
  edgesPerNode?: number;
  communitySize?: number;
  pIn?: number;
  pPreferential?: number;
  seed?: number;
}

export interface GeneratedGraph {
  n: number;
  sources: Uint32Array;
  targets: Uint32Array;
  /** Weights in thousandths (1 … 1000), so the text form is exact. */
  milliWeights: Uint16Array;
}

export function generateCommunityGraph(options: GeneratorOptions): GeneratedGraph {
  const { n, edgesPerNode: k = 10, communitySize = 100, pIn = 0.8, pPreferential = 0.5, seed = 42 } = options;
  const rand = mulberry32(seed);
  const pick = (len: number) => Math.floor(rand() * len);
  const total = ((Math.min(n, k + 1) * (Math.min(n, k + 1) - 1)) / 2) + Math.max(0, n - k - 1) * k;
  const sources = new Uint32Array(total);
  const targets = new Uint32Array(total);
  const stubs = new Uint32Array(2 * total); // every edge endpoint: a uniform pick is degree-proportional
  let stubCount = 0;
  const communities = Math.max(1, Math.round(n / communitySize));
  const members: number[][] = Array.from({ length: communities }, () => []);
  const communityStubs: number[][] = Array.from({ length: communities }, () => []);
  const communityOf = new Uint32Array(n);
  let e = 0;
  const addEdge = (a: number, b: number) => {
    sources[e] = a;
    targets[e] = b;
    e++;
    stubs[stubCount++] = a;
    stubs[stubCount++] = b;
    communityStubs[communityOf[a]!]!.push(a);
    communityStubs[communityOf[b]!]!.push(b);
  };
  const chosen: number[] = [];
  for (let v = 0; v < n; v++) {
    const c = pick(communities);
    communityOf[v] = c;
    if (v <= k) {
      for (let u = 0; u < v; u++) addEdge(u, v);
      members[c]!.push(v);
      continue;
    }
    chosen.length = 0;
    let guard = 0;
    while (chosen.length < k) {
      let u: number;
      const local = rand() < pIn && members[c]!.length > k;
      const preferential = rand() < pPreferential;
      if (local) u = preferential && communityStubs[c]!.length > 0 ? communityStubs[c]![pick(communityStubs[c]!.length)]! : members[c]![pick(members[c]!.length)]!;
      else u = preferential ? stubs[pick(stubCount)]! : pick(v);
      if (!chosen.includes(u)) chosen.push(u);
      else if (++guard > 1000) throw new Error('generator: cannot find distinct targets');
    }
    for (const u of chosen) addEdge(u, v);
    members[c]!.push(v);
  }
  // Shuffle edge order (Fisher–Yates) and orientation.
  for (let i = total - 1; i > 0; i--) {
    const j = pick(i + 1);
    const s = sources[i]!;
    const t = targets[i]!;
    sources[i] = sources[j]!;
    targets[i] = targets[j]!;
    sources[j] = s;
    targets[j] = t;
  }
  const milliWeights = new Uint16Array(total);
  for (let i = 0; i < total; i++) {
    if (rand() < 0.5) {
      const s = sources[i]!;
      sources[i] = targets[i]!;
      targets[i] = s;
    }
    milliWeights[i] = 1 + pick(1000);
  }
  return { n, sources, targets, milliWeights };
}

/** The graph as TSV text: `v<source>\tv<target>\t<weight with 3 decimals>` per line, no header. */
export function toTsv(g: GeneratedGraph): string {
  const parts: string[] = [];
  const chunk: string[] = [];
  for (let i = 0; i < g.sources.length; i++) {
    const w = g.milliWeights[i]!;
    chunk.push(`v${g.sources[i]}\tv${g.targets[i]}\t${w === 1000 ? '1.000' : `0.${String(w).padStart(3, '0')}`}\n`);
    if (chunk.length === 65536) {
      parts.push(chunk.join(''));
      chunk.length = 0;
    }
  }
  parts.push(chunk.join(''));
  return parts.join('');
}
