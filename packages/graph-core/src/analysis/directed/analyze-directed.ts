/**
 * The whole-network analysis of a DIRECTED graph in one call — what `bridgework analyze --directed` runs: in/out
 * degree, directed betweenness, incoming closeness, PageRank and left-eigenvector centrality along arcs, Burt's
 * measures from mutual weights, weakly and strongly connected components, and communities. The centralities, Burt's
 * constraint and effective size and the components are NetworkX 2.8.8's on a DiGraph (see each file's header).
 * Pure: the graph and a seed go in, arrays come out, and `directedNetworkAnalysisJson` turns them into the
 * `NetworkAnalysis` JSON of the undirected analysis (../analyze-network.ts) with the directed extras.
 *
 * Communities — a choice: Louvain (or Leiden) runs on the SYMMETRISED graph (`symmetrise`, merge `max`: exactly the
 * graph the undirected analysis builds from the same edge list, so a directed and an undirected run of one file with
 * one seed find the same communities), and `graph.modularity` is the undirected modularity it optimised. The
 * partition is also scored by the directed (Leicht–Newman) modularity, `graph.directedModularity`, which is what
 * NetworkX 2.8.8's `community.modularity` returns on a DiGraph. NetworkX 2.8.8 also has a directed Louvain
 * (`louvain_communities` on a DiGraph optimises directed modularity, after Dugué & Perez 2015); it is not reproduced
 * here: communities of who-talks-with-whom are read as undirected groups, and the same partition serves both views.
 *
 * PageRank stops by the rule of the undirected analysis (`ANALYZE_PAGERANK`: an L1 change below 1e-10 in total, at
 * most 200 iterations), not NetworkX's n · 1e-6, whose error grows with n (see ../analyze-network.ts); the values
 * stay within 1e-6 of NetworkX's on the reference networks. `pagerankTol` restores a per-node tolerance.
 *
 * Closeness is always exact (incoming, as NetworkX): with sampled betweenness it is still one search per node, so
 * `parameters.closeness` is `exact` and a directed run costs O(nm) whatever K is.
 *
 * Node fields in the JSON: `degree` is NetworkX's `G.degree` of a DiGraph, in + out arcs (a reciprocated tie counts
 * twice), with `inDegree` and `outDegree` alongside; `strength` is in + out strength; `graph.edges` counts distinct
 * arcs; `graph.components` counts weakly connected components and `graph.stronglyConnectedComponents` the strong
 * ones.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';
import { createRng } from '../../random/index.js';
import { ANALYZE_PAGERANK, type BetweennessMode } from '../analyze-network.js';
import { leiden, louvain, type CommunityResult } from '../communities/index.js';
import type { NetworkAnalysis, NodeMeasures } from '../network-analysis-types.js';
import type { StructuralHoles } from '../structural-holes/index.js';
import type { CompactComponents } from '../structure/index.js';
import { directedBetweenness, sampledDirectedBetweenness } from './betweenness.js';
import { directedCloseness } from './closeness.js';
import { directedDegrees, type DirectedDegrees } from './degree.js';
import { symmetrise, type DirectedCompactGraph } from './directed-graph.js';
import { directedEigenvector } from './eigenvector.js';
import { invalid, withDefaults } from './internals.js';
import { directedModularity } from './modularity.js';
import { directedPagerank } from './pagerank.js';
import { stronglyConnectedComponents } from './strong-components.js';
import { directedStructuralHoles } from './structural-holes.js';
import { weaklyConnectedComponents } from './weak-components.js';

/** The stages of `analyzeDirectedNetwork`, in the order they run (reported through `onStage`). */
export const DIRECTED_ANALYSIS_STAGES = [
  'degree',
  'components',
  'communities',
  'structural holes',
  'pagerank',
  'eigenvector',
  'closeness',
  'betweenness',
] as const;
/** One stage of `analyzeDirectedNetwork`. */
export type DirectedAnalysisStage = (typeof DIRECTED_ANALYSIS_STAGES)[number];

/** Options of `analyzeDirectedNetwork`. */
export interface AnalyzeDirectedOptions {
  /** Use arc weights (tie strengths; path measures walk an arc of weight w at length 1/w). Default false. */
  weighted?: boolean;
  /** Exact betweenness (Brandes), or sampled from K pivot sources. Default exact. */
  betweenness?: BetweennessMode;
  /** Seed for the sampled pivots and the community detection. Default 42. */
  seed?: number;
  /** Community detection on the symmetrised graph: Louvain (default) or Leiden. */
  communities?: 'louvain' | 'leiden';
  /** Modularity resolution γ (both the undirected and the directed modularity). Default 1. */
  resolution?: number;
  /** Burt's measures undefined for nodes without out-arcs, as NetworkX 2.8.8 (default true); see structural-holes.ts. */
  networkxSinks?: boolean;
  /**
   * PageRank stopping tolerance per node: stop at an L1 change below n · tol, at most 100 iterations (NetworkX's rule
   * with tol 1e-6). Default null: the rule of `analyzeNetwork`, `ANALYZE_PAGERANK` (L1 change below 1e-10, at most
   * 200 iterations), whose error does not grow with n.
   */
  pagerankTol?: number | null;
  /** Told when each stage starts (for progress on a terminal). */
  onStage?: (stage: DirectedAnalysisStage, index: number, total: number) => void;
  /**
   * Told how far the long stages have got: `done` of `total` single-source searches of 'closeness' and of
   * 'betweenness', every ~1% of them. Called on the analysing thread, so keep it cheap.
   */
  onProgress?: (stage: DirectedAnalysisStage, done: number, total: number) => void;
}

/** Defaults of `analyzeDirectedNetwork` (those of `analyzeNetwork`, its PageRank rule, and NetworkX's sinks rule). */
export const ANALYZE_DIRECTED_DEFAULTS = Object.freeze({
  weighted: false,
  betweenness: 'exact',
  seed: 42,
  communities: 'louvain',
  resolution: 1,
  networkxSinks: true,
  pagerankTol: null,
} as const);

/** Every measure of every node of a directed graph, as arrays aligned with `graph.ids`. */
export interface DirectedNetworkMeasures {
  graph: DirectedCompactGraph;
  /** The symmetrised graph (merge `max`) the communities were found on. */
  undirected: CompactGraph;
  weighted: boolean;
  betweennessMode: BetweennessMode;
  seed: number;
  degrees: DirectedDegrees;
  betweenness: Float64Array;
  /** Incoming closeness (NetworkX's directed definition). */
  closeness: Float64Array;
  pagerank: Float64Array;
  /** Left-eigenvector (in-arc) centrality. */
  eigenvector: Float64Array;
  holes: StructuralHoles;
  /** Communities of the symmetrised graph; `partition.modularity` is its undirected modularity. */
  partition: CommunityResult;
  /** Directed (Leicht–Newman) modularity of the same partition; NaN without arc weight. */
  directedModularity: number;
  weak: CompactComponents;
  strong: CompactComponents;
  /** Things an analyst should know, e.g. a power iteration that did not converge. */
  warnings: string[];
}

/** Compute every directed measure of `d` (see the header for the definitions and the choice made for communities). */
export function analyzeDirectedNetwork(d: DirectedCompactGraph, options: AnalyzeDirectedOptions = {}): DirectedNetworkMeasures {
  const { onStage, onProgress, ...rest } = options;
  const { weighted, betweenness: mode, seed, communities, resolution, networkxSinks, pagerankTol } = withDefaults<Omit<AnalyzeDirectedOptions, 'onStage' | 'onProgress'>>(
    ANALYZE_DIRECTED_DEFAULTS,
    rest,
  );
  if (typeof mode === 'object' && !(Number.isInteger(mode.sampled) && mode.sampled >= 1)) {
    invalid(`sampled betweenness needs a whole number of pivots ≥ 1, not ${mode.sampled}`);
  }
  if (communities !== 'louvain' && communities !== 'leiden') invalid(`communities must be 'louvain' or 'leiden', not ${JSON.stringify(communities)}`);
  const stage = (s: DirectedAnalysisStage) => onStage?.(s, DIRECTED_ANALYSIS_STAGES.indexOf(s), DIRECTED_ANALYSIS_STAGES.length);
  const warnings: string[] = [];

  stage('degree');
  const degrees = directedDegrees(d);
  stage('components');
  const weak = weaklyConnectedComponents(d);
  const strong = stronglyConnectedComponents(d);
  stage('communities');
  const undirected = symmetrise(d, { merge: 'max' });
  const detect = communities === 'leiden' ? leiden : louvain;
  const partition = detect(undirected, { seed, weighted, resolution });
  const dirQ = directedModularity(d, partition.communities, { weighted, resolution });
  stage('structural holes');
  const holes = directedStructuralHoles(d, { weighted, networkxSinks });
  stage('pagerank');
  const pr = directedPagerank(
    d,
    pagerankTol === null
      ? { weighted, tol: d.n > 0 ? ANALYZE_PAGERANK.l1Tolerance / d.n : 0, maxIter: ANALYZE_PAGERANK.maxIter }
      : { weighted, tol: pagerankTol },
  );
  if (!pr.converged) warnings.push(`PageRank did not converge in ${pr.iterations} iterations (last change ${pr.change})`);
  stage('eigenvector');
  const ev = directedEigenvector(d, { weighted });
  if (!ev.converged) warnings.push(`eigenvector centrality did not converge in ${ev.iterations} iterations (last change ${ev.change})`);
  const within = (s: DirectedAnalysisStage) => (onProgress ? { onProgress: (done: number, total: number) => onProgress(s, done, total) } : {});
  stage('closeness');
  const closeness = directedCloseness(d, { weighted, ...within('closeness') });
  stage('betweenness');
  const betweenness =
    mode === 'exact'
      ? directedBetweenness(d, { weighted, ...within('betweenness') })
      : sampledDirectedBetweenness(d, { weighted, pivots: mode.sampled, rng: createRng(seed), ...within('betweenness') });

  return {
    graph: d,
    undirected,
    weighted,
    betweennessMode: mode,
    seed,
    degrees,
    betweenness,
    closeness,
    pagerank: pr.scores,
    eigenvector: ev.scores,
    holes,
    partition,
    directedModularity: dirQ,
    weak,
    strong,
    warnings,
  };
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * The plain JSON of a directed analysis: the `NetworkAnalysis` shape of the undirected analysis with
 * `parameters.directed: true` and `parameters.closeness: 'exact'`, per node `inDegree`/`outDegree` (and `degree` = in + out), `graph.components` = weakly
 * connected components, `graph.stronglyConnectedComponents` and `graph.directedModularity`.
 */
export function directedNetworkAnalysisJson(m: DirectedNetworkMeasures, extra: { now?: string } = {}): NetworkAnalysis {
  const d = m.graph;
  const { degree, inDegree, outDegree, strength } = m.degrees;
  const nodes: Record<string, NodeMeasures> = {};
  for (let i = 0; i < d.n; i++) {
    nodes[d.ids[i]!] = {
      degree: degree[i]!,
      inDegree: inDegree[i]!,
      outDegree: outDegree[i]!,
      strength: strength[i]!,
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
  const q = m.partition.modularity;
  return {
    graph: {
      nodes: d.n,
      edges: d.m,
      components: m.weak.count,
      stronglyConnectedComponents: m.strong.count,
      communities: m.partition.count,
      modularity: Number.isNaN(q) ? 0 : q,
      directedModularity: Number.isNaN(m.directedModularity) ? 0 : m.directedModularity,
    },
    nodes,
    parameters: {
      weighted: m.weighted,
      directed: true,
      betweenness: m.betweennessMode,
      closeness: 'exact',
      seed: m.seed,
      ...(extra.now === undefined ? {} : { now: extra.now }),
    },
  };
}
