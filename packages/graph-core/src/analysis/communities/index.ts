/**
 * Community detection over the compact projection: modularity (Newman & Girvan 2004; Newman 2006; resolution after
 * Reichardt & Bornholdt 2006), Louvain (Blondel et al. 2008) and Leiden (Traag, Waltman & van Eck 2019).
 */
export { modularity, MODULARITY_DEFAULTS, type ModularityOptions } from './modularity.js';
export { louvain, LOUVAIN_DEFAULTS, type CommunityResult, type LouvainOptions, type LouvainResult } from './louvain.js';
export { leiden, LEIDEN_DEFAULTS, LEIDEN_MAX_ITERATIONS, type LeidenOptions, type LeidenResult } from './leiden.js';
