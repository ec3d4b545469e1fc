/**
 * The whole-network analysis an analyst asks for: every centrality, Burt's structural holes, communities and
 * components of one graph, in one call — what `bridgework analyze` runs. Pure: the graph and a seed go in, arrays
 * come out; `networkAnalysisJson` turns them into the plain JSON of `NetworkAnalysis`.
 */
import { BridgeworkError } from '../errors.js';
import type { CompactGraph } from '../projection/compact-graph.js';
import { createRng } from '../random/index.js';
import { degreeCentrality } from './centrality/degree.js';
import { eigenvectorCentrality } from './centrality/eigenvector.js';
import { pagerankCg } from './centrality/pagerank-cg.js';
import { pathCentralities } from './centrality/path-centralities.js';
import { leiden } from './communities/leiden.js';
import { louvain, type CommunityResult } from './communities/louvain.js';
import type { NetworkAnalysis, NodeMeasures } from './network-analysis-types.js';
import { structuralHoles, type StructuralHoles } from './structural-holes/structural-holes.js';
import { compactConnectedComponents, type CompactComponents } from './structure/connected-components.js';

export type BetweennessMode = 'exact' | { sampled: number };
/** How closeness was computed: exactly, or estimated from the K pivots of sampled betweenness (Eppstein & Wang). */
export type ClosenessMode = BetweennessMode;

export interface AnalyzeNetworkOptions {
  /** Use tie strengths (as closeness for path measures: an edge of strength w has length 1/w). Default false. */
  weighted?: boolean;
  /**
   * Exact betweenness and closeness (Brandes: a search from every node, O(nm)), or both estimated from the same K
   * pivot sources — betweenness as Brandes & Pich, closeness as Eppstein & Wang within each component (see
   * centrality/path-centralities.ts). Default exact.
   */
  betweenness?: BetweennessMode;
  /** Seed for the sampled pivots and the community detection. Default 42. */
  seed?: number;
  /** Community detection: Louvain (default) or Leiden. */
  communities?: 'louvain' | 'leiden';
  /** Modularity resolution γ. Default 1. */
  resolution?: number;
  /** Told when each stage starts (for progress on a terminal). */
  onStage?: (stage: AnalysisStage, index: number, total: number) => void;
  /**
   * Told how far the long stage has got: `done` of `total` single-source searches of 'betweenness and closeness',
   * every ~1% of them. Called on the analysing thread, so keep it cheap (a progress bar throttles its own redraws).
   */
  onProgress?: (stage: AnalysisStage, done: number, total: number) => void;
}

export const ANALYSIS_STAGES = [
  'degree',
  'components',
  'communities',
  'structural holes',
  'pagerank',
  'eigenvector',
  'betweenness and closeness',
] as const;
export type AnalysisStage = (typeof ANALYSIS_STAGES)[number];

export const ANALYZE_DEFAULTS = { weighted: false, betweenness: 'exact', seed: 42, communities: 'louvain', resolution: 1 } as const;

/**
 * The PageRank accuracy of `analyzeNetwork`: every score within 1e-10 in total (L1) of the exact PageRank, whatever
 * the number of nodes. The undirected analysis solves for it with `pagerankCg` (conjugate gradients on the PageRank
 * linear system), which stops once its proven error bound is below `l1Tolerance`; the directed analysis, whose
 * system is not symmetric, runs the power iteration `pagerank()` until an iteration changes the scores by less than
 * `l1Tolerance` (its `tol` is per node, so it gets 1e-10 / n), an L1 error of at most α/(1 − α) · 1e-10 < 5.7e-10.
 *
 * Why not NetworkX's default (`tol` 1e-6 per node, an L1 change below n · 1e-6, which `pagerank()` keeps for the
 * reference comparisons): the allowance grows with n while the scores shrink as 1/n. On the 100 000-node,
 * 1 000 000-tie benchmark graph it stops after 2 iterations, up to 11% off on single nodes (L1 error 2e-2), which
 * reorders the mid-ranked nodes. 1e-10 is also the tolerance igraph gives its PRPACK solver, so the two are compared
 * at like accuracy in the benchmarks. Why conjugate gradients rather than the power iteration for the undirected
 * analysis: the power iteration needs 117 iterations on netscience, whose many bipartite components (pairs, stars,
 * trees) keep an error that only shrinks by α = 0.85 per iteration; conjugate gradients need 35 there and 21 instead
 * of 43 on that benchmark graph (see `pagerank-cg.ts`). Convergence within the cap: the conjugate-gradient error
 * (in the system's energy norm) falls by a factor ≤ 0.56 per iteration at α = 0.85, so the cap of 200 leaves dozens
 * of orders of magnitude to spare; the power iteration's first change is at most 2 and shrinks by α per iteration,
 * so 0.85^t · 2 < 1e-10 by t = 156 < 200.
 */
export const ANALYZE_PAGERANK = Object.freeze({ l1Tolerance: 1e-10, maxIter: 200 });

/** Every measure of every node, as arrays aligned with `graph.ids`. */
export interface NetworkMeasures {
  graph: CompactGraph;
  weighted: boolean;
  betweennessMode: BetweennessMode;
  /** Closeness: exact with exact betweenness, else estimated from the same K pivots. */
  closenessMode: ClosenessMode;
  seed: number;
  degree: Uint32Array;
  strength: Float64Array;
  betweenness: Float64Array;
  closeness: Float64Array;
  pagerank: Float64Array;
  eigenvector: Float64Array;
  holes: StructuralHoles;
  partition: CommunityResult;
  components: CompactComponents;
  /** Things an analyst should know, e.g. a power iteration that did not converge. */
  warnings: string[];
}

/** Compute every measure of `g`. */
export function analyzeNetwork(g: CompactGraph, options: AnalyzeNetworkOptions = {}): NetworkMeasures {
  const weighted = options.weighted ?? ANALYZE_DEFAULTS.weighted;
  const mode = options.betweenness ?? ANALYZE_DEFAULTS.betweenness;
  const seed = options.seed ?? ANALYZE_DEFAULTS.seed;
  const resolution = options.resolution ?? ANALYZE_DEFAULTS.resolution;
  if (typeof mode === 'object' && !(Number.isInteger(mode.sampled) && mode.sampled >= 1)) {
    throw new BridgeworkError('validation', `graph-core/analyze: sampled betweenness needs a whole number of pivots ≥ 1, not ${mode.sampled}`);
  }
  const stage = (s: AnalysisStage) => options.onStage?.(s, ANALYSIS_STAGES.indexOf(s), ANALYSIS_STAGES.length);
  const progress = options.onProgress;
  const warnings: string[] = [];

  stage('degree');
  const { degree, strength } = degreeCentrality(g);
  stage('components');
  const components = compactConnectedComponents(g);
  stage('communities');
  const detect = options.communities === 'leiden' ? leiden : louvain;
  const partition = detect(g, { seed, weighted, resolution });
  stage('structural holes');
  const holes = structuralHoles(g, { weighted });
  stage('pagerank');
  const pr = pagerankCg(g, { weighted, l1Tolerance: ANALYZE_PAGERANK.l1Tolerance, maxIter: ANALYZE_PAGERANK.maxIter });
  if (!pr.converged) warnings.push(`PageRank did not converge in ${pr.iterations} iterations (L1 error bound ${pr.errorBound})`);
  stage('eigenvector');
  const ev = eigenvectorCentrality(g, { weighted });
  if (!ev.converged) warnings.push(`eigenvector centrality did not converge in ${ev.iterations} iterations (last change ${ev.change})`);
  stage('betweenness and closeness');
  const onProgress = progress && ((done: number, total: number) => progress('betweenness and closeness', done, total));
  const { betweenness, closeness } = pathCentralities(g, {
    weighted,
    ...(mode === 'exact' ? {} : { pivots: mode.sampled, rng: createRng(seed) }),
    ...(onProgress ? { onProgress } : {}),
  });

  return {
    graph: g,
    weighted,
    betweennessMode: mode,
    closenessMode: mode,
    seed,
    degree,
    strength,
    betweenness,
    closeness,
    pagerank: pr.scores,
    eigenvector: ev.scores,
    holes,
    partition,
    components,
    warnings,
  };
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** The plain JSON of a network analysis (`graph`, `nodes` keyed by id, `parameters`). */
export function networkAnalysisJson(m: NetworkMeasures, extra: { directed?: boolean; now?: string } = {}): NetworkAnalysis {
  const g = m.graph;
  const nodes: Record<string, NodeMeasures> = {};
  for (let i = 0; i < g.n; i++) {
    nodes[g.ids[i]!] = {
      degree: m.degree[i]!,
      strength: m.strength[i]!,
      betweenness: m.betweenness[i]!,
      closeness: m.closeness[i]!,
      pagerank: m.pagerank[i]!,
      eigenvector: m.eigenvector[i]!,
      constraint: orNull(m.holes.constraint[i]!),
      effectiveSize: orNull(m.holes.effectiveSize[i]!),
      efficiency: orNull(m.holes.efficiency[i]!),
      hierarchy: orNull(m.holes.hierarchy[i]!),
      community: m.partition.communities[i]!,
    };
  }
  const modularity = m.partition.modularity;
  return {
    graph: {
      nodes: g.n,
      edges: g.m,
      components: m.components.count,
      communities: m.partition.count,
      modularity: Number.isNaN(modularity) ? 0 : modularity,
    },
    nodes,
    parameters: {
      weighted: m.weighted,
      directed: extra.directed ?? false,
      betweenness: m.betweennessMode,
      closeness: m.closenessMode,
      seed: m.seed,
      ...(extra.now === undefined ? {} : { now: extra.now }),
    },
  };
}
