export { connectedComponents, type ComponentsResult } from './connected-components.js';
export { summarizeGraph, type GraphSummary } from './summary.js';
export * from './reach/index.js';
export type * from './network-analysis-types.js';
export * from './ego/index.js';
export * from './roles/index.js';
export * from './layout/index.js';
