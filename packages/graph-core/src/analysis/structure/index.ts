/**
 * Structure of the compact CSR projection: connected components, bridges and articulation points (iterative
 * Hopcroft–Tarjan DFS) and core numbers (Batagelj–Zaversnik).
 */
export { compactConnectedComponents, type CompactComponents } from './connected-components.js';
export { bridges, type BridgesResult } from './bridges.js';
export { articulationPoints } from './articulation-points.js';
export { coreNumber, type CoreNumbers } from './k-core.js';
export { edgeTriangles } from './triangles.js';
