/**
 * The storage contract. graph-core does no I/O: stores (the embedded SQLite store, later Neo4j) implement this
 * interface in their own packages, and every store must pass the shared contract suite in `./testing`.
 *
 * Guarantees every store gives:
 * - a write resolves only once it is durable (committed to disk);
 * - `applyBatch` is one transaction: on any error nothing of the batch is visible, and a crash mid-batch leaves the
 *   store as it was;
 * - writes are upserts keyed by node id and by tie key (source, kind, target; sorted endpoints for symmetric kinds),
 *   so applying the same batch twice changes nothing the second time;
 * - deleting a node deletes every tie touching it.
 */
import type { BridgeworkGraph, NodeRecord } from './graph/bridgework-graph.js';
import type { Event, GraphData, NodeType, Organisation, Person, Tie, TieKind } from './model/schemas.js';

export interface BatchProgress {
  /** Records written so far and in all. */
  done: number;
  total: number;
}

export interface ApplyBatchOptions {
  /** Called every few thousand records while the transaction runs. */
  onProgress?: (p: BatchProgress) => void;
}

export interface BatchResult {
  /** Records that did not exist before. */
  created: number;
  /** Records that existed and changed. */
  updated: number;
  /** Records that existed and were identical. */
  unchanged: number;
}

export interface ListOptions {
  type?: NodeType;
  /** Return ids strictly after this one (cursor pagination, ids in byte order). */
  after?: string;
  /** At most this many (default 100). */
  limit?: number;
}

export interface StoreCounts {
  people: number;
  organisations: number;
  events: number;
  ties: number;
}

export interface GraphStore {
  /** A short name of the backend, e.g. `sqlite`. */
  readonly backend: string;

  /** Write a batch in one transaction (see the guarantees above). Rejects with a BridgeworkError when a tie names an
   * unknown node, joins node types its kind does not allow, or an id is reused for another node type. */
  applyBatch(data: GraphData, options?: ApplyBatchOptions): Promise<BatchResult>;

  putPerson(p: Person): Promise<'created' | 'updated' | 'unchanged'>;
  putOrganisation(o: Organisation): Promise<'created' | 'updated' | 'unchanged'>;
  putEvent(e: Event): Promise<'created' | 'updated' | 'unchanged'>;
  putTie(t: Tie): Promise<'created' | 'updated' | 'unchanged'>;

  getNode(id: string): Promise<NodeRecord | undefined>;
  getTie(source: string, target: string, kind: TieKind): Promise<Tie | undefined>;
  /** The types of those of the given ids that exist. */
  nodeTypes(ids: Iterable<string>): Promise<Map<string, NodeType>>;
  listNodes(options?: ListOptions): Promise<NodeRecord[]>;
  tiesOf(id: string): Promise<Tie[]>;

  /** Delete a node and all its ties. Resolves to whether it existed. */
  deleteNode(id: string): Promise<boolean>;
  deleteTie(source: string, target: string, kind: TieKind): Promise<boolean>;

  counts(): Promise<StoreCounts>;
  /** The whole graph in memory, for analysis and matching. */
  loadGraph(): Promise<BridgeworkGraph>;
  /** Everything as plain data (people, organisations, events, ties), in id order. */
  exportData(): Promise<GraphData>;

  close(): Promise<void>;
}
