/**
 * The loaders compared by the load benchmark: edge-list text (already in memory) → a graph the algorithms can use.
 * All JavaScript loaders share graph-core's typed-array parser, so the figures differ by the graph structure built.
 */
import { BridgeworkGraph, compactFromEdgeText, parseEdgeText, projectGraph, type CompactGraph } from '../packages/graph-core/src/index.js';
import { graphology, type GraphologyUndirected } from './graphology.js';

const TSV = { delimiter: '\t', weightColumn: 2 } as const;

/** graphology UndirectedGraph via mergeEdge (adds missing nodes, merges repeats): the general-purpose path. */
export function loadGraphologyMerge(text: string): GraphologyUndirected {
  const { sources, targets, weights, ids, edges } = parseEdgeText(text, TSV);
  const graph = new graphology.UndirectedGraph();
  for (let k = 0; k < edges; k++) {
    const s = sources[k]!;
    const t = targets[k]!;
    if (s !== t) graph.mergeEdge(ids[s]!, ids[t]!, { weight: weights![k]! });
  }
  return graph;
}

/** graphology UndirectedGraph via addNode then addEdge: the fastest path, only valid for a file without repeats. */
export function loadGraphologyAdd(text: string): GraphologyUndirected {
  const { sources, targets, weights, ids, edges } = parseEdgeText(text, TSV);
  const graph = new graphology.UndirectedGraph();
  for (const id of ids) graph.addNode(id);
  for (let k = 0; k < edges; k++) {
    const s = sources[k]!;
    const t = targets[k]!;
    if (s !== t) graph.addEdge(ids[s]!, ids[t]!, { weight: weights![k]! });
  }
  return graph;
}

/** CompactGraph straight from the text (parse + counting-sort CSR build, repeats merged by max). */
export function loadCompact(text: string): CompactGraph {
  return compactFromEdgeText(text, TSV);
}

/** The domain graph (people joined by `knows` ties), as a store would hold it — the input of `projectGraph`. */
export function loadDomainGraph(text: string): BridgeworkGraph {
  const { sources, targets, weights, ids, edges } = parseEdgeText(text, TSV);
  const g = new BridgeworkGraph();
  for (const id of ids) g.setPerson({ id, name: id, roles: [], sectors: [], skills: [], goals: { sectors: [], roles: [] }, area: null, coachId: null, consent: { introductions: false, recordedAt: null, recordedBy: null } });
  for (let k = 0; k < edges; k++) {
    g.setTie({
      source: ids[sources[k]!]!,
      target: ids[targets[k]!]!,
      kind: 'knows',
      strength: weights![k]!,
      strengthSource: 'given',
      since: null,
      lastContact: null,
      provenance: null,
      attributes: {},
    });
  }
  return g;
}

export { projectGraph };
