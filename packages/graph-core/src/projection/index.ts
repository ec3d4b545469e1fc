/**
 * The compact analysis projection: a read-only CSR graph over typed arrays (after the graph projections of Neo4j's
 * Graph Data Science library) and the algorithms that run over it. See compact-graph.ts and docs/benchmarks.md.
 */
export {
  CompactGraph,
  compactFromEdges,
  compactFromEdgeList,
  idInterner,
  projectGraph,
  type CompactBuildOptions,
  type EdgeListOptions,
  type IndexArray,
  type MergeRule,
  type ProjectionOptions,
} from './compact-graph.js';
export { tieTable, tieTableNeighbours, tieTableAtFullStrength, projectTieTable, type TieTable, type TieTableNeighbours, type TieTableOptions, type TieTableProjectionOptions } from './tie-table.js';
export { compactFromEdgeText, parseDecimal, parseEdgeText, type EdgeTextOptions, type ParsedEdgeText } from './edge-text.js';
export { adamicAdarScan, createTwoHopScratch, type TwoHopScores, type TwoHopScratch } from './adamic-adar.js';
