/**
 * The shape of a whole-network analysis: what `bridgework analyze --json` writes and the HTML report draws.
 * Plain JSON data; every per-node measure is keyed by node id.
 */
import type { SicSection } from '../model/sectors.js';

export interface NodeMeasures {
  /** Number of neighbours; in a directed analysis in + out arcs (NetworkX's `G.degree`: a reciprocated tie counts 2). */
  degree: number;
  /** Directed analyses only: number of arcs into the node. */
  inDegree?: number;
  /** Directed analyses only: number of arcs out of the node. */
  outDegree?: number;
  /** Weighted degree: the sum of the node's tie strengths (equals degree when unweighted). */
  strength: number;
  /** Betweenness, normalised as NetworkX does (undirected: 2 / ((n − 1)(n − 2)); directed: 1 / ((n − 1)(n − 2))). */
  betweenness: number;
  /**
   * Closeness with the Wasserman–Faust correction for disconnected graphs (NetworkX `wf_improved`); in a directed
   * analysis from incoming distances, as NetworkX.
   */
  closeness: number;
  pagerank: number;
  eigenvector: number;
  /** Burt's constraint; null for isolated nodes (directed, by default as NetworkX: for nodes without out-arcs). */
  constraint: number | null;
  effectiveSize: number | null;
  efficiency: number | null;
  hierarchy: number | null;
  /** Community index (0 = the largest). */
  community: number;
}

export interface GraphMeasures {
  nodes: number;
  /** Edges; in a directed analysis, distinct arcs. */
  edges: number;
  /** Connected components; in a directed analysis, weakly connected components. */
  components: number;
  /** Directed analyses only: strongly connected components. */
  stronglyConnectedComponents?: number;
  communities: number;
  modularity: number;
  /** Directed analyses only: the directed (Leicht–Newman) modularity of the same communities. */
  directedModularity?: number;
}

/** Domain extras, present when the graph came from the database. */
export interface DomainNodeInfo {
  type: 'person' | 'organisation' | 'event' | 'unknown';
  /** Display label: the name, or a pseudonym when the report is pseudonymised. */
  label: string;
  roles?: string[];
  sector?: SicSection;
  area?: string | null;
  /** Share of the node's ties that are weak. */
  weakTieShare?: number | null;
}

export interface SectorReachReport {
  sectors: { letter: SicSection; label: string }[];
  rows: { community: number; people: number; reach: Partial<Record<SicSection, number>> }[];
}

export interface BrokerEntry {
  id: string;
  label: string;
  betweenness: number;
  constraint: number | null;
  community: number;
}

export interface NetworkAnalysis {
  graph: GraphMeasures;
  nodes: Record<string, NodeMeasures>;
  /**
   * How it was computed: weighted or not, betweenness exact or sampled with K pivots, closeness exact or estimated
   * from the same K pivots, seed, time reference.
   */
  parameters: {
    weighted: boolean;
    directed: boolean;
    betweenness: 'exact' | { sampled: number };
    /**
     * `exact`, or `{ sampled: K }`: estimated from the K pivots of the sampled betweenness (Eppstein & Wang 2004) —
     * a pivot's own value is exact; any other node's mean distance to the rest of its component is estimated by its
     * mean distance to the pivots there (see graph-core's centrality/path-centralities.ts). K ≥ n is exact.
     * A directed analysis (`analyzeDirectedNetwork`) always computes closeness exactly: `exact`.
     */
    closeness: 'exact' | { sampled: number };
    seed: number;
    now?: string;
  };
  /** With a database: node types and labels, the community × sector reach table, brokers and isolates. */
  info?: Record<string, DomainNodeInfo>;
  sectorReach?: SectorReachReport;
  brokers?: BrokerEntry[];
  isolates?: { id: string; label: string }[];
}
