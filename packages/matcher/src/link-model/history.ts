/**
 * What a network's history of contacts shows, summarised for the link model: the graph of distinct pairs, and per
 * tie and per node how often and how recently there was contact. Time is the event clock — the number of contact
 * events since — so one half-life (a share of the history's length) fits every network, whatever its time unit and
 * however bursty it is.
 *
 * Also the co-event graph: two nodes in touch with the same node at the same instant (one message to several
 * people, one meeting) are linked, weighted 1 / (group size − 1) as in resource allocation, so a mass mailing says
 * little about each pair — the "co-recipient" signal of email link prediction (Backstrom & Leskovec, WSDM 2011, use
 * such interaction counts as edge features; Roth et al., "Suggesting friends using the implicit social graph",
 * KDD 2010, build Gmail's suggestions from groups of co-recipients).
 */
import { BridgeworkError, compactFromEdges, louvain, type CompactGraph } from '@bridgework/graph-core';

/** Contact events sorted by time: event e joins `sources[e]` and `targets[e]` at `times[e]`; nodes are [0, n). */
export interface LinkEvents {
  n: number;
  /** Optional node ids (index → id), so that scorers can be asked by id; default "0" … "n−1". */
  ids?: readonly string[];
  sources: ArrayLike<number>;
  targets: ArrayLike<number>;
  times: ArrayLike<number>;
  count: number;
}

/** Options of `summariseHistory`. */
export interface HistoryOptions {
  /** Half-life of the recency decay as a share of the history's events (0 < h); default 1 (the evaluation found a
   * gentle decay best: see docs/evaluation.md). */
  halfLifeShare?: number;
  /** Instants with more than this many partners of one node are mass mailings and add no co-event pairs; default 50. */
  maxGroup?: number;
  /** How many of a node's previous distinct contacts a new contact is paired with in the sequence graph; default 3. */
  sequenceWindow?: number;
  /** Seed of the Louvain communities of the history graph; default 42. */
  seed?: number;
}

/** Defaults of `summariseHistory`. */
export const HISTORY_DEFAULTS: Readonly<Required<HistoryOptions>> = Object.freeze({ halfLifeShare: 1, maxGroup: 50, seed: 42, sequenceWindow: 3 });

/** The summary of a history of contacts. Arrays "per slot" are aligned with `graph.neighbours`. */
export interface LinkHistory {
  /** Distinct pairs of the events (weight 1 each), over all n nodes. */
  graph: CompactGraph;
  /** Per slot: number of contact events on the tie. */
  contacts: Float64Array;
  /** Per slot: Σ over the tie's events of 2^(−age / halfLife), age in events. */
  decayed: Float64Array;
  /** Per slot p of row a (tie a–b): number of events from a to b (the direction as given in the events). */
  outContacts: Float64Array;
  /** Per slot: 2^(−age / halfLife) of the tie's last event (how recently the two were in touch). */
  lastContact: Float64Array;
  /** Per slot: 2^(−age / halfLife) of the tie's first event (how recently the tie formed). */
  formed: Float64Array;
  /** Per node: decayed count of its events (recent activity). */
  activity: Float64Array;
  /** Per node: decayed count of its first contacts with someone new (recent tie formation). */
  newTies: Float64Array;
  /** The nodes with events, by `newTies` descending (ties by index): who has been making new ties lately. */
  byNewTies: Uint32Array;
  /** Per node: 2^(−age / halfLife) of its last event (0 for a node without events). */
  lastSeen: Float64Array;
  /** Per node: Σ of `decayed` over its ties (its recency-weighted strength, the random walk's normaliser). */
  strength: Float64Array;
  /** Per node: decayed count of the events it sent (the source side). */
  sent: Float64Array;
  /** Sequence graph: pairs that came one after the other (within `sequenceWindow` events) in a node's contacts. */
  sequence: CompactGraph;
  /** Co-event graph: pairs in touch with one node at one instant, weights summed. */
  coEvents: CompactGraph;
  /** Louvain community of each node in `graph`. */
  communities: Int32Array;
  /** Events summarised. */
  events: number;
}

/** Summarise the first `events.count` events (see the file header). Throws a validation error on a bad option. */
export function summariseHistory(events: LinkEvents, options: HistoryOptions = {}): LinkHistory {
  const { halfLifeShare, maxGroup, seed, sequenceWindow } = { ...HISTORY_DEFAULTS, ...options };
  if (!(halfLifeShare > 0 && Number.isFinite(halfLifeShare))) {
    throw new BridgeworkError('validation', `matcher/link-model: halfLifeShare must be a positive number, not ${halfLifeShare}`);
  }
  const { n, sources, targets, times, count } = events;
  const graph = compactFromEdges(Array.from({ length: count }, (_, e) => sources[e]!), Array.from({ length: count }, (_, e) => targets[e]!), null, n, events.ids);
  const halfLife = Math.max(1, halfLifeShare * count);
  const contacts = new Float64Array(graph.neighbours.length);
  const decayed = new Float64Array(graph.neighbours.length);
  const outContacts = new Float64Array(graph.neighbours.length);
  const formed = new Float64Array(graph.neighbours.length);
  const lastContact = new Float64Array(graph.neighbours.length);
  const activity = new Float64Array(n);
  const sent = new Float64Array(n);
  const newTies = new Float64Array(n);
  const lastSeen = new Float64Array(n);
  for (let e = 0; e < count; e++) {
    const a = sources[e]!;
    const b = targets[e]!;
    if (a === b) continue;
    const w = Math.pow(2, -(count - e) / halfLife);
    const p = graph.slot(a, b);
    const q = graph.slot(b, a);
    if (contacts[p] === 0) {
      newTies[a]! += w;
      newTies[b]! += w;
      formed[p] = w;
      formed[q] = w;
    }
    outContacts[p]!++;
    lastContact[p] = w;
    lastContact[q] = w;
    sent[a]! += w;
    contacts[p]!++;
    contacts[q]!++;
    decayed[p]! += w;
    decayed[q]! += w;
    activity[a]! += w;
    activity[b]! += w;
    lastSeen[a] = w;
    lastSeen[b] = w;
  }

  // Co-events: within each run of equal times, the partners of each node.
  const ca: number[] = [];
  const cb: number[] = [];
  const cw: number[] = [];
  const groups = new Map<number, number[]>();
  const flush = () => {
    for (const partners of groups.values()) {
      const uniq = Array.from(new Set(partners));
      const size = uniq.length;
      if (size < 2 || size > maxGroup) continue;
      const w = 1 / (size - 1);
      for (let i = 0; i < size; i++) {
        for (let j = i + 1; j < size; j++) {
          ca.push(uniq[i]!);
          cb.push(uniq[j]!);
          cw.push(w);
        }
      }
    }
    groups.clear();
  };
  const add = (x: number, y: number) => {
    const list = groups.get(x);
    if (list) list.push(y);
    else groups.set(x, [y]);
  };
  for (let e = 0; e < count; e++) {
    if (e > 0 && times[e] !== times[e - 1]) flush();
    const a = sources[e]!;
    const b = targets[e]!;
    if (a === b) continue;
    add(a, b);
    add(b, a);
  }
  flush();
  const coEvents = compactFromEdges(ca, cb, cw, n, undefined, { merge: 'sum' });

  // Sequences: in each node's own timeline of contacts, a partner and the next few distinct partners after it.
  const sa: number[] = [];
  const sb: number[] = [];
  const sw: number[] = [];
  const recent: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < count; e++) {
    const a = sources[e]!;
    const b = targets[e]!;
    if (a === b) continue;
    const w = Math.pow(2, -(count - e) / halfLife);
    for (const [z, partner] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = recent[z]!;
      if (list[list.length - 1] === partner) continue;
      for (const x of list) {
        if (x === partner) continue;
        sa.push(x);
        sb.push(partner);
        sw.push(w);
      }
      list.push(partner);
      if (list.length > sequenceWindow) list.shift();
    }
  }
  const sequence = compactFromEdges(sa, sb, sw, n, undefined, { merge: 'sum' });
  const communities = louvain(graph, { seed }).communities;
  const byNewTies = Uint32Array.from(
    Array.from({ length: n }, (_, x) => x)
      .filter((x) => graph.degree(x) > 0)
      .sort((x, y) => newTies[y]! - newTies[x]! || x - y),
  );
  const strength = new Float64Array(n);
  for (let x = 0; x < n; x++) for (let p = graph.offsets[x]!, end = graph.offsets[x + 1]!; p < end; p++) strength[x]! += decayed[p]!;
  return { graph, contacts, strength, byNewTies, outContacts, lastContact, formed, decayed, activity, sent, sequence, newTies, lastSeen, coEvents, communities, events: count };
}
