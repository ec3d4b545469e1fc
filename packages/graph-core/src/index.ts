export * from './errors.js';
export * from './model/sectors.js';
export * from './model/schemas.js';
export * from './model/strength.js';
export * from './model/references.js';
export * from './graph/bridgework-graph.js';
export type * from './store.js';
export * from './model/co-attendance.js';
export * from './analysis/index.js';
