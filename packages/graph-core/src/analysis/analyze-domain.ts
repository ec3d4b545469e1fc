/**
 * The analysis of the service's own graph (the database): the people and organisations, their ties decayed to `now`,
 * plus the weak ties of shared events (`coAttendanceTies`), analysed as a network — and, because the nodes are known,
 * who each node is, the community × sector reach table, brokers and isolates (people only).
 */
import type { BridgeworkGraph } from '../graph/bridgework-graph.js';
import { coAttendanceTies } from '../model/co-attendance.js';
import { TIE_KIND_NAMES } from '../model/schemas.js';
import { SIC_SECTIONS } from '../model/sectors.js';
import { projectGraph, type CompactGraph } from '../projection/compact-graph.js';
import { analyzeNetwork, networkAnalysisJson, type AnalyzeNetworkOptions, type NetworkMeasures } from './analyze-network.js';
import type { DomainNodeInfo, NetworkAnalysis } from './network-analysis-types.js';
import { NODE_TYPE_CODE, nodeFacts } from './reach/node-facts.js';
import { sectorReach } from './reach/sector-reach.js';
import { brokers, isolates, type BrokerOptions } from './roles/brokers.js';
import { classifyTies } from './ties/tie-classification.js';

export interface AnalyzeDomainOptions extends AnalyzeNetworkOptions {
  /** The moment ties are decayed to (graph-core reads no clock). */
  now: Date;
  /** Half-life of tie decay in days (default `DEFAULT_HALF_LIFE_DAYS`). */
  halfLifeDays?: number;
  brokers?: BrokerOptions;
  /** Label each node by a stable pseudonym instead of its name (for the analyst role). */
  pseudonymise?: boolean;
}

export interface DomainAnalysis {
  measures: NetworkMeasures;
  json: NetworkAnalysis;
}

/** Options of `domainProjection`. */
export interface DomainProjectionOptions {
  /** The moment ties are decayed to. */
  now: Date;
  /** Half-life of tie decay in days (default `DEFAULT_HALF_LIFE_DAYS`). */
  halfLifeDays?: number;
  /**
   * The network as it stood at this instant: ties recorded as starting later, and events held later, are left out
   * (see `ProjectionOptions.asOf`). Default: everything recorded.
   */
  asOf?: Date;
}

/**
 * The network the domain analyses read: people and organisations (events left out), every tie kind but `attended`,
 * decayed to `now`, plus the weak `met-at-event` ties of shared events held by then (`coAttendanceTies`).
 */
export function domainProjection(domain: BridgeworkGraph, options: DomainProjectionOptions): CompactGraph {
  const { now, asOf } = options;
  const decay = options.halfLifeDays === undefined ? {} : { halfLifeDays: options.halfLifeDays };
  const when = asOf === undefined ? {} : { asOf };
  return projectGraph(domain, {
    now,
    ...decay,
    ...when,
    nodeTypes: ['person', 'organisation'],
    kinds: TIE_KIND_NAMES.filter((k) => k !== 'attended'),
    // Only events already held make acquaintances: registering for the same upcoming event is not meeting.
    extraTies: coAttendanceTies(domain, { now, asOf: asOf ?? now }),
  });
}

/** Analyse the domain graph: people and organisations, ties decayed to `now`, event attendance as weak ties. */
export function analyzeDomain(domain: BridgeworkGraph, options: AnalyzeDomainOptions): DomainAnalysis {
  const { now } = options;
  const g = domainProjection(domain, { now, ...(options.halfLifeDays === undefined ? {} : { halfLifeDays: options.halfLifeDays }) });
  const measures = analyzeNetwork(g, options);
  const json = networkAnalysisJson(measures, { now: now.toISOString() });
  const facts = nodeFacts(domain, g);
  const weak = classifyTies(g);

  const info: Record<string, DomainNodeInfo> = {};
  const label = (i: number): string => {
    const id = g.ids[i]!;
    const node = domain.node(id);
    if (!node) return id;
    if (options.pseudonymise) return `${node.type === 'person' ? 'Person' : 'Organisation'} ${i + 1}`;
    return node.name;
  };
  for (let i = 0; i < g.n; i++) {
    const node = domain.node(g.ids[i]!);
    const share = weak.weakShare[i]!;
    const entry: DomainNodeInfo = {
      type: node?.type ?? 'unknown',
      label: label(i),
      weakTieShare: Number.isNaN(share) ? null : share,
    };
    if (node?.type === 'person') {
      entry.roles = [...node.roles];
      if (!options.pseudonymise) entry.area = node.area;
    } else if (node?.type === 'organisation') {
      entry.sector = node.sector;
      entry.area = node.area;
    }
    info[g.ids[i]!] = entry;
  }
  const isPerson = (i: number) => facts.type[i] === NODE_TYPE_CODE.person;
  const reach = sectorReach(g, facts, measures.partition.communities);
  json.info = info;
  json.sectorReach = {
    sectors: reach.sectors.map((letter) => ({ letter, label: SIC_SECTIONS[letter] })),
    rows: reach.rows,
  };
  json.brokers = brokers(g, measures.betweenness, constraintOrNull(measures), { ...options.brokers, include: isPerson }).map((i) => ({
    id: g.ids[i]!,
    label: label(i),
    betweenness: measures.betweenness[i]!,
    constraint: Number.isNaN(measures.holes.constraint[i]!) ? null : measures.holes.constraint[i]!,
    community: measures.partition.communities[i]!,
  }));
  json.isolates = isolates(g, isPerson).map((i) => ({ id: g.ids[i]!, label: label(i) }));
  return { measures, json };
}

function constraintOrNull(m: NetworkMeasures): (number | null)[] {
  return Array.from(m.holes.constraint, (c) => (Number.isNaN(c) ? null : c));
}
