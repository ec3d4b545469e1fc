export { createRng, type Rng } from './rng.js';
export { mulberry32 } from './mulberry32.js';
export { sfc32, splitmix32 } from './sfc32.js';
export {
  chance,
  normal,
  pick,
  poisson,
  randFloat,
  randInt,
  sample,
  shuffle,
  weightedIndex,
  weightedKey,
  weightedPick,
} from './distributions.js';
