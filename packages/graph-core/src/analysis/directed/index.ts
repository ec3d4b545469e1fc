/**
 * Directed network analysis over `DirectedCompactGraph` (out- and in-CSR), matching NetworkX 2.8.8 on an
 * `nx.DiGraph`: in/out degree and strength, directed betweenness (Brandes), incoming closeness, PageRank with
 * dangling nodes, left-eigenvector centrality, Burt's constraint and effective size from mutual weights, weakly and
 * strongly (Tarjan) connected components, directed modularity, and `analyzeDirectedNetwork`, which runs them all
 * (communities by Louvain/Leiden on the symmetrised graph). Each function returns plain data aligned with `d.ids`.
 */
export {
  DirectedCompactGraph,
  directedFromEdges,
  directedFromEdgeText,
  symmetrise,
  SYMMETRISE_DEFAULTS,
  type SymmetriseOptions,
} from './directed-graph.js';
export { directedDegrees, type DirectedDegrees } from './degree.js';
export {
  DIRECTED_BETWEENNESS_DEFAULTS,
  directedBetweenness,
  sampledDirectedBetweenness,
  type DirectedBetweennessOptions,
  type SampledDirectedBetweennessOptions,
} from './betweenness.js';
export { DIRECTED_CLOSENESS_DEFAULTS, directedCloseness, type DirectedClosenessOptions } from './closeness.js';
export { DIRECTED_PAGERANK_DEFAULTS, directedPagerank, type DirectedPageRankOptions } from './pagerank.js';
export { DIRECTED_EIGENVECTOR_DEFAULTS, directedEigenvector, type DirectedEigenvectorOptions } from './eigenvector.js';
export {
  DIRECTED_STRUCTURAL_HOLES_DEFAULTS,
  directedStructuralHoles,
  type DirectedStructuralHolesOptions,
} from './structural-holes.js';
export { weaklyConnectedComponents } from './weak-components.js';
export { stronglyConnectedComponents } from './strong-components.js';
export { DIRECTED_MODULARITY_DEFAULTS, directedModularity, type DirectedModularityOptions } from './modularity.js';
export {
  ANALYZE_DIRECTED_DEFAULTS,
  DIRECTED_ANALYSIS_STAGES,
  analyzeDirectedNetwork,
  directedNetworkAnalysisJson,
  type AnalyzeDirectedOptions,
  type DirectedAnalysisStage,
  type DirectedNetworkMeasures,
} from './analyze-directed.js';
