/**
 * The shape of a whole-network analysis: what `bridgework analyze --json` writes and the HTML report draws.
 * Plain JSON data; every per-node measure is keyed by node id.
 */
import type { SicSection } from '../model/sectors.js';

export interface NodeMeasures {
  degree: number;
  /** Weighted degree: the sum of the node's tie strengths (equals degree when unweighted). */
  strength: number;
  /** Betweenness, normalised as NetworkX does (undirected: 2 / ((n − 1)(n − 2))). */
  betweenness: number;
  /** Closeness with the Wasserman–Faust correction for disconnected graphs (NetworkX `wf_improved`). */
  closeness: number;
  pagerank: number;
  eigenvector: number;
  /** Burt's constraint; null for isolated nodes. */
  constraint: number | null;
  effectiveSize: number | null;
  efficiency: number | null;
  hierarchy: number | null;
  /** Community index (0 = the largest). */
  community: number;
}

export interface GraphMeasures {
  nodes: number;
  edges: number;
  components: number;
  communities: number;
  modularity: number;
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
  /** How it was computed: weighted or not, betweenness exact or sampled with K pivots, seed, time reference. */
  parameters: {
    weighted: boolean;
    directed: boolean;
    betweenness: 'exact' | { sampled: number };
    seed: number;
    now?: string;
  };
  /** With a database: node types and labels, the community × sector reach table, brokers and isolates. */
  info?: Record<string, DomainNodeInfo>;
  sectorReach?: SectorReachReport;
  brokers?: BrokerEntry[];
  isolates?: { id: string; label: string }[];
}
