/**
 * The whole-network analysis an analyst asks for: every centrality, Burt's structural holes, communities and
 * components of one graph, in one call — what `bridgework analyze` runs. Pure: the graph and a seed go in, arrays
 * come out; `networkAnalysisJson` turns them into the plain JSON of `NetworkAnalysis`.
 */
import { BridgeworkError } from '../errors.js';
import type { CompactGraph } from '../projection/compact-graph.js';
import { createRng } from '../random/index.js';
import { betweennessCentrality, sampledBetweennessCentrality } from './centrality/betweenness.js';
import { closenessCentrality } from './centrality/closeness.js';
import { degreeCentrality } from './centrality/degree.js';
import { eigenvectorCentrality } from './centrality/eigenvector.js';
import { pagerank } from './centrality/pagerank.js';
import { leiden } from './communities/leiden.js';
import { louvain, type CommunityResult } from './communities/louvain.js';
import type { NetworkAnalysis, NodeMeasures } from './network-analysis-types.js';
import { structuralHoles, type StructuralHoles } from './structural-holes/structural-holes.js';
import { compactConnectedComponents, type CompactComponents } from './structure/connected-components.js';

export type BetweennessMode = 'exact' | { sampled: number };

export interface AnalyzeNetworkOptions {
  /** Use tie strengths (as closeness for path measures: an edge of strength w has length 1/w). Default false. */
  weighted?: boolean;
  /** Exact betweenness (Brandes), or sampled from K pivot sources. Default exact. */
  betweenness?: BetweennessMode;
  /** Seed for the sampled pivots and the community detection. Default 42. */
  seed?: number;
  /** Community detection: Louvain (default) or Leiden. */
  communities?: 'louvain' | 'leiden';
  /** Modularity resolution γ. Default 1. */
  resolution?: number;
  /** Told when each stage starts (for progress on a terminal). */
  onStage?: (stage: AnalysisStage, index: number, total: number) => void;
}

export const ANALYSIS_STAGES = [
  'degree',
  'components',
  'communities',
  'structural holes',
  'pagerank',
  'eigenvector',
  'closeness',
  'betweenness',
] as const;
export type AnalysisStage = (typeof ANALYSIS_STAGES)[number];

export const ANALYZE_DEFAULTS = { weighted: false, betweenness: 'exact', seed: 42, communities: 'louvain', resolution: 1 } as const;

/** Every measure of every node, as arrays aligned with `graph.ids`. */
export interface NetworkMeasures {
  graph: CompactGraph;
  weighted: boolean;
  betweennessMode: BetweennessMode;
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
  const pr = pagerank(g, { weighted });
  if (!pr.converged) warnings.push(`PageRank did not converge in ${pr.iterations} iterations (last change ${pr.change})`);
  stage('eigenvector');
  const ev = eigenvectorCentrality(g, { weighted });
  if (!ev.converged) warnings.push(`eigenvector centrality did not converge in ${ev.iterations} iterations (last change ${ev.change})`);
  stage('closeness');
  const closeness = closenessCentrality(g, { weighted });
  stage('betweenness');
  const betweenness =
    mode === 'exact'
      ? betweennessCentrality(g, { weighted })
      : sampledBetweennessCentrality(g, { weighted, pivots: mode.sampled, rng: createRng(seed) });

  return {
    graph: g,
    weighted,
    betweennessMode: mode,
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
      seed: m.seed,
      ...(extra.now === undefined ? {} : { now: extra.now }),
    },
  };
}
