export { NODE_TYPE_CODE, nodeFacts, sectorBit, sectorsOfMask, type NodeFacts } from './node-facts.js';
export { sectorMasks, sectorReach, type SectorMasks, type SectorReachRow, type SectorReachTable } from './sector-reach.js';
export { sectorDistances } from './sector-distances.js';
