/**
 * Centrality measures over the compact projection (`CompactGraph`), matching NetworkX 2.8's definitions and defaults.
 * Weights are tie strengths: path-based measures walk an edge of weight w at length 1/w. Each function returns scores
 * aligned with `graph.ids`; `rankNodes` turns them into a ranked list of ids.
 */
export { degreeCentrality, type DegreeCentrality } from './degree.js';
export {
  BETWEENNESS_DEFAULTS,
  betweennessCentrality,
  sampledBetweennessCentrality,
  type BetweennessOptions,
  type SampledBetweennessOptions,
} from './betweenness.js';
export {
  CLOSENESS_DEFAULTS,
  closenessCentrality,
  sampledClosenessCentrality,
  type ClosenessOptions,
  type SampledClosenessOptions,
} from './closeness.js';
export { pathCentralities, type PathCentralities, type PathCentralityOptions, type ProgressCallback } from './path-centralities.js';
export { PAGERANK_DEFAULTS, pagerank, type PageRankOptions, type PowerIterationResult } from './pagerank.js';
export { PAGERANK_CG_DEFAULTS, pagerankCg, type PageRankCgOptions, type PageRankCgResult } from './pagerank-cg.js';
export { EIGENVECTOR_DEFAULTS, eigenvectorCentrality, type EigenvectorOptions } from './eigenvector.js';
export { rankNodes, type RankedNode } from './ranking.js';
