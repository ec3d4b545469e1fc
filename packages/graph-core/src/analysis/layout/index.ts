/** Graph layout for drawing: ForceAtlas2 over the compact projection. */
export {
  defaultForceAtlas2Iterations,
  forceAtlas2Layout,
  inducedEdges,
  type ForceAtlas2Options,
} from './force-atlas2.js';
