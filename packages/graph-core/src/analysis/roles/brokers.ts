/**
 * Brokers: the people who bridge structural holes — high betweenness (Freeman 1977) and low constraint (Burt 1992:
 * their contacts are not tied to each other, so information and opportunities flow through them). A node is a broker
 * when its betweenness is in the top `topShare` of nodes with any betweenness and its constraint is at most the
 * median constraint; brokers are listed by betweenness, highest first. Isolates are nodes with no tie at all.
 */
import type { CompactGraph } from '../../projection/compact-graph.js';

export interface BrokerOptions {
  /** Share of nodes (by betweenness rank, among nodes with betweenness > 0) that can be brokers (default 0.05). */
  topShare?: number;
  /** At most this many brokers (default 25). */
  limit?: number;
  /** Only nodes for which this holds (e.g. people only). */
  include?: (i: number) => boolean;
}

export const DEFAULT_BROKER_OPTIONS = { topShare: 0.05, limit: 25 } as const;

/** Indices of the brokers of `g`, highest betweenness first. */
export function brokers(
  g: CompactGraph,
  betweenness: ArrayLike<number>,
  constraint: ArrayLike<number | null>,
  options: BrokerOptions = {},
): number[] {
  const topShare = options.topShare ?? DEFAULT_BROKER_OPTIONS.topShare;
  const limit = options.limit ?? DEFAULT_BROKER_OPTIONS.limit;
  const include = options.include ?? (() => true);
  const candidates: number[] = [];
  const constraints: number[] = [];
  for (let i = 0; i < g.n; i++) {
    if (!include(i)) continue;
    const c = constraint[i];
    if (c !== null && c !== undefined && !Number.isNaN(c)) constraints.push(c);
    if (betweenness[i]! > 0) candidates.push(i);
  }
  if (candidates.length === 0 || constraints.length === 0) return [];
  constraints.sort((a, b) => a - b);
  const mid = constraints.length >> 1;
  const median = constraints.length % 2 ? constraints[mid]! : (constraints[mid - 1]! + constraints[mid]!) / 2;
  candidates.sort((a, b) => betweenness[b]! - betweenness[a]! || a - b);
  const top = candidates.slice(0, Math.max(1, Math.ceil(candidates.length * topShare)));
  return top.filter((i) => {
    const c = constraint[i];
    return c !== null && c !== undefined && c <= median;
  }).slice(0, limit);
}

/** Indices of the nodes with no tie (optionally only those `include` accepts). */
export function isolates(g: CompactGraph, include: (i: number) => boolean = () => true): number[] {
  const out: number[] = [];
  for (let i = 0; i < g.n; i++) if (g.offsets[i + 1] === g.offsets[i] && include(i)) out.push(i);
  return out;
}
