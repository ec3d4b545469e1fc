/**
 * The mutable domain graph: people, organisations and events as nodes, ties as edges, over a graphology MultiGraph
 * (mixed: symmetric kinds are undirected edges, the others directed; several ties of different kinds may join the
 * same two nodes). Typed accessors keep the rest of the code away from untyped attribute bags.
 */
import { MultiGraph } from 'graphology';
import { BridgeworkError } from '../errors.js';
import {
  TIE_KINDS,
  canonicalTie,
  tieKey,
  type Event,
  type GraphData,
  type NodeType,
  type Organisation,
  type Person,
  type Tie,
  type TieKind,
} from '../model/schemas.js';

export type NodeRecord =
  | ({ type: 'person' } & Person)
  | ({ type: 'organisation' } & Organisation)
  | ({ type: 'event' } & Event);

type Graph = MultiGraph<NodeRecord, Tie>;

export class BridgeworkGraph {
  /** The underlying graphology graph; read it, but write through the methods below so invariants hold. */
  readonly graph: Graph;

  constructor() {
    this.graph = new MultiGraph<NodeRecord, Tie>({ allowSelfLoops: false });
  }

  /** Build a graph from plain data; ties must join nodes present in the data. */
  static from(data: Partial<GraphData>): BridgeworkGraph {
    const g = new BridgeworkGraph();
    for (const p of data.people ?? []) g.setPerson(p);
    for (const o of data.organisations ?? []) g.setOrganisation(o);
    for (const e of data.events ?? []) g.setEvent(e);
    for (const t of data.ties ?? []) g.setTie(t);
    return g;
  }

  get nodeCount(): number {
    return this.graph.order;
  }

  get tieCount(): number {
    return this.graph.size;
  }

  private setNode(record: NodeRecord): void {
    const existing = this.graph.hasNode(record.id) ? this.graph.getNodeAttributes(record.id) : undefined;
    if (existing && existing.type !== record.type) {
      throw new BridgeworkError(
        'conflict',
        `graph-core/graph: id ${JSON.stringify(record.id)} is already ${a(existing.type)}, not ${a(record.type)}`,
      );
    }
    if (existing) this.graph.replaceNodeAttributes(record.id, record);
    else this.graph.addNode(record.id, record);
  }

  setPerson(p: Person): void {
    this.setNode({ type: 'person', ...p });
  }

  setOrganisation(o: Organisation): void {
    this.setNode({ type: 'organisation', ...o });
  }

  setEvent(e: Event): void {
    this.setNode({ type: 'event', ...e });
  }

  /** Add or replace a tie (keyed by endpoints and kind); both endpoints must exist and suit the kind. */
  setTie(input: Tie): void {
    const t = canonicalTie(input);
    const problem = this.tieProblem(t);
    if (problem) throw new BridgeworkError('validation', `graph-core/graph: ${problem}`);
    const key = tieKey(t);
    if (this.graph.hasEdge(key)) {
      this.graph.replaceEdgeAttributes(key, t);
      return;
    }
    if (TIE_KINDS[t.kind].symmetric) this.graph.addUndirectedEdgeWithKey(key, t.source, t.target, t);
    else this.graph.addDirectedEdgeWithKey(key, t.source, t.target, t);
  }

  /** Why a tie cannot be added to this graph, or null if it can. */
  tieProblem(t: Pick<Tie, 'source' | 'target' | 'kind'>): string | null {
    if (t.source === t.target) return `a tie cannot join ${JSON.stringify(t.source)} to itself`;
    const s = this.nodeType(t.source);
    const d = this.nodeType(t.target);
    if (!s) return `unknown source id ${JSON.stringify(t.source)}`;
    if (!d) return `unknown target id ${JSON.stringify(t.target)}`;
    return endpointProblem(t.kind, s, d);
  }

  nodeType(id: string): NodeType | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'type') : undefined;
  }

  node(id: string): NodeRecord | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }

  person(id: string): Person | undefined {
    const n = this.node(id);
    return n?.type === 'person' ? stripType(n) : undefined;
  }

  organisation(id: string): Organisation | undefined {
    const n = this.node(id);
    return n?.type === 'organisation' ? stripType(n) : undefined;
  }

  event(id: string): Event | undefined {
    const n = this.node(id);
    return n?.type === 'event' ? stripType(n) : undefined;
  }

  tie(source: string, target: string, kind: TieKind): Tie | undefined {
    const key = tieKey({ source, target, kind });
    return this.graph.hasEdge(key) ? this.graph.getEdgeAttributes(key) : undefined;
  }

  *people(): Generator<Person> {
    for (const { attributes } of this.graph.nodeEntries()) if (attributes.type === 'person') yield stripType(attributes);
  }

  *organisations(): Generator<Organisation> {
    for (const { attributes } of this.graph.nodeEntries()) if (attributes.type === 'organisation') yield stripType(attributes);
  }

  *events(): Generator<Event> {
    for (const { attributes } of this.graph.nodeEntries()) if (attributes.type === 'event') yield stripType(attributes);
  }

  *ties(): Generator<Tie> {
    for (const { attributes } of this.graph.edgeEntries()) yield attributes;
  }

  /** Every tie touching a node, in either direction. */
  tiesOf(id: string): Tie[] {
    if (!this.graph.hasNode(id)) return [];
    return this.graph.edges(id).map((e) => this.graph.getEdgeAttributes(e));
  }

  /** Distinct neighbours of a node, whatever the kind or direction of the ties. */
  neighbours(id: string): string[] {
    return this.graph.hasNode(id) ? this.graph.neighbors(id) : [];
  }

  /** Remove a node and every tie touching it. Returns whether it existed. */
  removeNode(id: string): boolean {
    if (!this.graph.hasNode(id)) return false;
    this.graph.dropNode(id);
    return true;
  }

  removeTie(source: string, target: string, kind: TieKind): boolean {
    const key = tieKey({ source, target, kind });
    if (!this.graph.hasEdge(key)) return false;
    this.graph.dropEdge(key);
    return true;
  }

  /** Plain data, nodes and ties in insertion order. */
  toData(): GraphData {
    return { people: [...this.people()], organisations: [...this.organisations()], events: [...this.events()], ties: [...this.ties()] };
  }
}

/** Why a kind cannot join a node of type `s` to one of type `d`, or null. */
export function endpointProblem(kind: TieKind, s: NodeType, d: NodeType): string | null {
  const ends = TIE_KINDS[kind].endpoints;
  if (ends === 'any') return null;
  const ok = (ends[0] === s && ends[1] === d) || (TIE_KINDS[kind].symmetric && ends[0] === d && ends[1] === s);
  return ok ? null : `a ${kind} tie joins ${a(ends[0])} to ${a(ends[1])}, not ${a(s)} to ${a(d)}`;
}

/** The node type with its indefinite article. */
const a = (t: NodeType): string => (t === 'organisation' || t === 'event' ? `an ${t}` : `a ${t}`);

function stripType<T extends { type: NodeType }>(n: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = n;
  return rest;
}
