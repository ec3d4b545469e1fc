/**
 * Modularity of a partition of an undirected, optionally weighted graph, with a resolution parameter γ:
 *
 *   Q = Σ_c [ L_c / m − γ (K_c / 2m)² ]
 *
 * where L_c is the total weight of the edges inside community c, K_c the sum of the weighted degrees of its nodes and
 * m the total edge weight — the fraction of the weight that falls inside communities minus the fraction expected when
 * edges are rewired at random with the degrees kept.
 *
 * M. E. J. Newman & M. Girvan, "Finding and evaluating community structure in networks", Phys. Rev. E 69, 026113
 * (2004); M. E. J. Newman, "Modularity and community structure in networks", PNAS 103(23):8577–8582 (2006);
 * resolution γ: J. Reichardt & S. Bornholdt, "Statistical mechanics of community detection", Phys. Rev. E 74, 016110
 * (2006). The same sum as networkx.algorithms.community.modularity (tested to 1e-12 against NetworkX 2.8).
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { arcWeights, checkNumber, definedOnly, denseLabels, modularityOfLabels } from './internals.js';

/** Options of `modularity`. */
export interface ModularityOptions {
  /** Resolution γ ≥ 0: above 1 favours smaller communities, below 1 larger ones. Default 1. */
  resolution?: number;
  /** Use the edge weights (default true); false counts every edge as 1. */
  weighted?: boolean;
}

/** Defaults of `modularity`. */
export const MODULARITY_DEFAULTS: Readonly<Required<ModularityOptions>> = Object.freeze({ resolution: 1, weighted: true });

/**
 * The modularity of a partition of `graph`. `membership[i]` is the community of node i: any non-negative integers
 * (they need not be consecutive), one per node. Returns NaN when the graph has no edges (or only 0-weight edges), as
 * modularity is then undefined. O(n + m).
 *
 * Throws a validation error when `membership` does not have one non-negative integer per node or the resolution is
 * not a finite number ≥ 0.
 */
export function modularity(graph: CompactGraph, membership: ArrayLike<number>, options: ModularityOptions = {}): number {
  const { resolution, weighted } = { ...MODULARITY_DEFAULTS, ...definedOnly(options) };
  checkNumber('resolution', resolution, 0);
  const { labels, count } = denseLabels(membership, graph.n);
  return modularityOfLabels(graph, arcWeights(graph, weighted), labels, count, resolution);
}

