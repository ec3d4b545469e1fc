/**
 * The analysis of the service's own graph (the database): the people and organisations, their ties decayed to `now`,
 * plus the weak ties of shared events (`coAttendanceTies`), analysed as a network — and, because the nodes are known,
 * who each node is, the community × sector reach table, brokers and isolates (people only).
 */
import type { BridgeworkGraph } from '../graph/bridgework-graph.js';
import { coAttendanceTies } from '../model/co-attendance.js';
import { TIE_KIND_NAMES, type Tie } from '../model/schemas.js';
import { SIC_SECTIONS } from '../model/sectors.js';
import type { CompactGraph } from '../projection/compact-graph.js';
import { projectTieTable, tieTable, tieTableNeighbours, type TieTable } from '../projection/tie-table.js';
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
  /**
   * The domain's ties read once by `domainTieTable(domain)`, for a caller that projects the same graph at several
   * instants (a member's progress month by month); default: read them now.
   */
  table?: TieTable;
  /**
   * Keep only the network within two steps of these people (every tie among the nodes there): all that their ego
   * measures read — their contacts, the ties among and of those contacts, the organisations two steps out — at a
   * fraction of a large graph's cost. Other nodes are kept, without ties. Default: the whole network.
   */
  around?: readonly string[];
}

/** The ties `domainProjection` reads (people and organisations, every kind but `attended`), read once for reuse. */
export function domainTieTable(domain: BridgeworkGraph): TieTable {
  return tieTable(domain, { nodeTypes: DOMAIN_NODE_TYPES, kinds: DOMAIN_TIE_KINDS });
}

const DOMAIN_NODE_TYPES = ['person', 'organisation'] as const;
const DOMAIN_TIE_KINDS = TIE_KIND_NAMES.filter((k) => k !== 'attended');

/**
 * The network the domain analyses read: people and organisations (events left out), every tie kind but `attended`,
 * decayed to `now`, plus the weak `met-at-event` ties of shared events held by then (`coAttendanceTies`).
 */
export function domainProjection(domain: BridgeworkGraph, options: DomainProjectionOptions): CompactGraph {
  const { now, asOf } = options;
  const decay = options.halfLifeDays === undefined ? {} : { halfLifeDays: options.halfLifeDays };
  const when = asOf === undefined ? {} : { asOf };
  const table = options.table ?? domainTieTable(domain);
  // Only events already held make acquaintances: registering for the same upcoming event is not meeting.
  const extraTies = coAttendanceTies(domain, { now, asOf: asOf ?? now });
  const keep = options.around ? twoStepBall(table, options.around, extraTies) : undefined;
  return projectTieTable(table, { now, ...decay, ...when, kinds: DOMAIN_TIE_KINDS, extraTies, ...(keep ? { keep } : {}) });
}

/**
 * The nodes within two steps of `ids` over the table's ties (all of them: a network as of an earlier date holds fewer)
 * and the extra ties, marked 1. Unknown ids are skipped.
 */
function twoStepBall(table: TieTable, ids: readonly string[], extra: readonly Pick<Tie, 'source' | 'target'>[]): Uint8Array {
  const { source, target, index } = table;
  const { offsets, ties } = tieTableNeighbours(table);
  const mark = new Uint8Array(table.ids.length);
  let frontier: number[] = [];
  for (const id of ids) {
    const i = index.get(id);
    if (i !== undefined && mark[i] === 0) (mark[i] = 1), frontier.push(i);
  }
  for (let hop = 0; hop < 2; hop++) {
    const next: number[] = [];
    const reach = (x: number) => {
      if (mark[x] === 0) (mark[x] = 1), next.push(x);
    };
    for (const i of frontier) {
      for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) {
        const k = ties[p]!;
        reach(source[k] === i ? target[k]! : source[k]!);
      }
    }
    // Shared events: few ties, scanned once a hop against the frontier.
    const inFrontier = new Set(frontier);
    for (const tie of extra) {
      const a = index.get(tie.source);
      const b = index.get(tie.target);
      if (a === undefined || b === undefined) continue;
      if (inFrontier.has(a)) reach(b);
      if (inFrontier.has(b)) reach(a);
    }
    frontier = next;
  }
  return mark;
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
