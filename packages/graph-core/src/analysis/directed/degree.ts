/**
 * In- and out-degree and strength of a directed graph: how many arcs point into and out of a node, and their total
 * weight (the directed weighted degree of Barrat, Barthélemy, Pastor-Satorras & Vespignani 2004, "The architecture of
 * complex weighted networks", PNAS 101:3747; in/out-degree as in Wasserman & Faust 1994, "Social Network Analysis",
 * §4.3.1). `degree` and `strength` are NetworkX's `G.degree()` and `G.degree(weight=)` for a DiGraph: in + out, so a
 * reciprocated tie counts twice. `contacts` is the number of distinct neighbours (predecessors ∪ successors), the
 * degree of the symmetrised graph. Degree centralities are NetworkX's `in_degree_centrality` and
 * `out_degree_centrality`: degree / (n − 1). O(n + m).
 */
import type { DirectedCompactGraph } from './directed-graph.js';

/** Degree measures of every node of a directed graph, aligned with `d.ids`. */
export interface DirectedDegrees {
  /** Number of arcs into the node (distinct predecessors). */
  inDegree: Uint32Array;
  /** Number of arcs out of the node (distinct successors). */
  outDegree: Uint32Array;
  /** inDegree + outDegree (NetworkX's `G.degree` for a DiGraph). */
  degree: Uint32Array;
  /** Number of distinct neighbours, predecessors ∪ successors (a reciprocated tie counts once). */
  contacts: Uint32Array;
  /** Sum of the weights of the arcs into the node. */
  inStrength: Float64Array;
  /** Sum of the weights of the arcs out of the node. */
  outStrength: Float64Array;
  /** inStrength + outStrength (NetworkX's `G.degree(weight=...)` for a DiGraph). */
  strength: Float64Array;
  /** inDegree / (n − 1), NetworkX's `in_degree_centrality` (the degree itself when n ≤ 1). */
  inCentrality: Float64Array;
  /** outDegree / (n − 1), NetworkX's `out_degree_centrality` (the degree itself when n ≤ 1). */
  outCentrality: Float64Array;
}

/** In/out degree and strength, their sums, distinct contacts and in/out degree centrality of every node. */
export function directedDegrees(d: DirectedCompactGraph): DirectedDegrees {
  const { n, outOffsets, outNeighbours, inOffsets, inNeighbours, inStrengths, outStrengths } = d;
  const inDegree = new Uint32Array(n);
  const outDegree = new Uint32Array(n);
  const degree = new Uint32Array(n);
  const contacts = new Uint32Array(n);
  const strength = new Float64Array(n);
  const inCentrality = new Float64Array(n);
  const outCentrality = new Float64Array(n);
  const s = n > 1 ? 1 / (n - 1) : 1;
  for (let i = 0; i < n; i++) {
    const a0 = outOffsets[i]!;
    const a1 = outOffsets[i + 1]!;
    const b0 = inOffsets[i]!;
    const b1 = inOffsets[i + 1]!;
    inDegree[i] = b1 - b0;
    outDegree[i] = a1 - a0;
    degree[i] = b1 - b0 + (a1 - a0);
    strength[i] = inStrengths[i]! + outStrengths[i]!;
    inCentrality[i] = (b1 - b0) * s;
    outCentrality[i] = (a1 - a0) * s;
    // |succ ∪ pred| by a merge of the two sorted rows.
    let a = a0;
    let b = b0;
    let both = 0;
    while (a < a1 && b < b1) {
      const x = outNeighbours[a]!;
      const y = inNeighbours[b]!;
      if (x < y) a++;
      else if (x > y) b++;
      else {
        both++;
        a++;
        b++;
      }
    }
    contacts[i] = a1 - a0 + (b1 - b0) - both;
  }
  return { inDegree, outDegree, degree, contacts, inStrength: inStrengths.slice(), outStrength: outStrengths.slice(), strength, inCentrality, outCentrality };
}
