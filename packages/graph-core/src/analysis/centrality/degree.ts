/**
 * Degree centrality over a CompactGraph: how many ties a node has (degree), how strong they are in total (strength,
 * the weighted degree of Barrat, Barthélemy, Pastor-Satorras & Vespignani 2004, "The architecture of complex weighted
 * networks", PNAS 101:3747), and the degree as a share of the possible ties, degree/(n − 1) (Freeman 1979,
 * "Centrality in social networks: conceptual clarification", Social Networks 1:215) — NetworkX's
 * `degree_centrality`. O(n): the CompactGraph already holds row lengths and strengths.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';

/** Degree measures of every node, aligned with `graph.ids`. */
export interface DegreeCentrality {
  /** Number of distinct neighbours. */
  degree: Uint32Array;
  /** Sum of the weights of the node's ties (a copy: writing it leaves the graph alone). */
  strength: Float64Array;
  /** degree / (n − 1), NetworkX's `degree_centrality` (the degree itself, i.e. 0, when n ≤ 1). */
  centrality: Float64Array;
}

/** Degree, strength and normalised degree centrality of every node (NetworkX's `degree_centrality`). */
export function degreeCentrality(graph: CompactGraph): DegreeCentrality {
  const { n, offsets } = graph;
  const degree = new Uint32Array(n);
  const centrality = new Float64Array(n);
  // As NetworkX: multiply by s = 1/(n − 1), or by 1 when n ≤ 1.
  const s = n > 1 ? 1 / (n - 1) : 1;
  for (let i = 0; i < n; i++) {
    const d = offsets[i + 1]! - offsets[i]!;
    degree[i] = d;
    centrality[i] = d * s;
  }
  return { degree, strength: graph.strengths.slice(), centrality };
}
