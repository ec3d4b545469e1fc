/**
 * Core numbers (k-core decomposition): the core number of a node is the largest k such that it belongs to a subgraph
 * in which every node has degree ≥ k (Seidman 1983, "Network structure and minimum degree", Social Networks
 * 5:269–287). Computed with Batagelj & Zaversnik's O(m) bucket algorithm (2003, "An O(m) algorithm for cores
 * decomposition of networks", arXiv:cs/0310049; Advances in Data Analysis and Classification 5:129–145, 2011): nodes
 * sorted by degree in bins, repeatedly take the node of least current degree and move each neighbour of higher
 * degree down one bin. The same algorithm as NetworkX's `core_number`, so the numbers agree exactly.
 *
 * Over a CompactGraph: undirected, no self-loops (so no special case), weights ignored.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';

/** Core numbers of a graph. */
export interface CoreNumbers {
  /** Core number of each node, by node index (0 for an isolated node). */
  core: Uint32Array;
  /** The largest core number: the graph's degeneracy (0 for an empty graph). */
  degeneracy: number;
}

/** The core number of every node of `g`, in O(n + m) time and memory. */
export function coreNumber(g: CompactGraph): CoreNumbers {
  const { n, offsets, neighbours } = g;
  const deg = new Uint32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    const k = offsets[v + 1]! - offsets[v]!;
    deg[v] = k;
    if (k > maxDeg) maxDeg = k;
  }
  // bin[d] = start of degree-d nodes in vert; pos[v] = v's place in vert.
  const bin = new Uint32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bin[deg[v]!]!++;
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const count = bin[d]!;
    bin[d] = start;
    start += count;
  }
  const vert = new Uint32Array(n);
  const pos = new Uint32Array(n);
  for (let v = 0; v < n; v++) {
    const p = bin[deg[v]!]!;
    pos[v] = p;
    vert[p] = v;
    bin[deg[v]!] = p + 1;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;
  let degeneracy = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    const dv = deg[v]!;
    if (dv > degeneracy) degeneracy = dv;
    for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
      const u = neighbours[a]!;
      const du = deg[u]!;
      if (du > dv) {
        // Swap u with the first node of its bin, then shrink the bin from the front.
        const pu = pos[u]!;
        const pw = bin[du]!;
        const w = vert[pw]!;
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        bin[du] = pw + 1;
        deg[u] = du - 1;
      }
    }
  }
  return { core: deg, degeneracy };
}
