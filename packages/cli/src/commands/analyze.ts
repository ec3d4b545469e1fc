/**
 * `bridgework analyze`: the whole-network analysis of the database or of a plain edge list, as JSON and, on request,
 * a self-contained HTML report (map, distributions, sector reach heatmap, sortable tables). An edge list is undirected
 * unless `--directed`, which runs graph-core's directed analysis (`analyzeDirectedNetwork`: arcs kept, in/out degree,
 * NetworkX's DiGraph conventions). `--directed` with `--db` is a usage error: the database's ties are undirected
 * (a tie between two people has no direction in the model), so there is nothing directed to analyse.
 */
import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import {
  BridgeworkError,
  analyzeDirectedNetwork,
  analyzeDomain,
  analyzeNetwork,
  compactFromEdgeText,
  directedFromEdgeText,
  directedNetworkAnalysisJson,
  forceAtlas2Layout,
  inducedEdges,
  networkAnalysisJson,
  readEdgeList,
  type BetweennessMode,
  type CompactGraph,
  type DirectedCompactGraph,
  type EdgeTextOptions,
  type NetworkAnalysis,
} from '@bridgework/graph-core';
import { EXIT, userPath, type Io } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { renderHtmlReport } from '../report/html-report.js';
import { withStore } from '../store.js';

export interface AnalyzeOptions {
  db?: string;
  edges?: string;
  directed?: boolean;
  weighted?: boolean;
  betweenness: BetweennessMode;
  seed: number;
  communities: 'louvain' | 'leiden';
  now?: string;
  json: string;
  html?: string;
  mapNodes: number;
}

/** Nodes drawn on the report's map at most: the most central ones when the graph is larger. */
export { DEFAULT_MAP_NODES, parseBetweenness } from '../option-values.js';

/** What the map and the summary line need from either analysis: the graph drawn, betweenness and degree per node. */
interface Drawable {
  graph: CompactGraph;
  betweenness: Float64Array;
  degree: Uint32Array;
  warnings: string[];
}

export async function runAnalyze(io: Io, opts: AnalyzeOptions): Promise<number> {
  if (!opts.db === !opts.edges) {
    io.err('error: give exactly one of --db PATH or --edges FILE');
    return EXIT.usage;
  }
  if (opts.directed && opts.db) {
    io.err(
      'error: --directed works with --edges only: ties in the database have no direction (each is one undirected ' +
        'relationship), so analyse it without --directed, or export a directed edge list and use --edges FILE --directed',
    );
    return EXIT.usage;
  }
  if (opts.now !== undefined && opts.edges) {
    io.err('error: --now applies to --db only (the date database ties are decayed to); an edge list has no dates');
    return EXIT.usage;
  }
  const { betweenness } = opts;
  const progress = stageProgress(io);
  const common = {
    weighted: opts.weighted ?? false,
    betweenness,
    seed: opts.seed,
    communities: opts.communities,
    ...(progress.stage ? { onStage: progress.stage, onProgress: progress.within } : {}),
  };
  let measures: Drawable;
  let json: NetworkAnalysis;
  let source: string;
  try {
    if (opts.edges && opts.directed) {
      const text = await readFile(userPath(opts.edges), 'utf8');
      const d = loadDirectedEdgeList(text, opts.edges, common.weighted);
      const m = analyzeDirectedNetwork(d, common);
      // The map is drawn on the symmetrised graph (the one the communities were found on), sized by directed betweenness.
      measures = { graph: m.undirected, betweenness: m.betweenness, degree: m.degrees.degree, warnings: m.warnings };
      json = directedNetworkAnalysisJson(m);
      source = opts.edges;
    } else if (opts.edges) {
      const path = userPath(opts.edges);
      const text = await readFile(path, 'utf8');
      const g = loadEdgeList(text, opts.edges, common.weighted);
      const m = analyzeNetwork(g, common);
      measures = m;
      json = networkAnalysisJson(m);
      source = opts.edges;
    } else {
      const now = opts.now ? parseNow(opts.now) : new Date();
      const domain = await withStore(opts.db!, (store) => store.loadGraph());
      ({ measures, json } = analyzeDomain(domain, { ...common, now }));
      source = opts.db!;
    }
  } finally {
    progress.stop();
  }
  for (const w of measures.warnings) io.err(`warning: ${w}`);

  await writeFileAtomic(userPath(opts.json), JSON.stringify(json, null, 1));
  const { graph } = json;
  io.out(
    graph.stronglyConnectedComponents === undefined
      ? `Analysed ${graph.nodes} nodes, ${graph.edges} ties: ${graph.components} components, ` +
          `${graph.communities} communities (modularity ${graph.modularity.toFixed(3)}). JSON: ${opts.json}`
      : `Analysed ${graph.nodes} nodes, ${graph.edges} arcs (directed): ${graph.components} weakly and ` +
          `${graph.stronglyConnectedComponents} strongly connected components, ${graph.communities} communities ` +
          `(modularity ${graph.modularity.toFixed(3)}, directed ${(graph.directedModularity ?? 0).toFixed(3)}). JSON: ${opts.json}`,
  );
  if (opts.html) {
    const drawing = layout(measures, opts.mapNodes, opts.seed);
    const html = renderHtmlReport(json, drawing, { title: `Network analysis of ${source}`, generatedAt: new Date().toISOString() });
    await writeFileAtomic(userPath(opts.html), html);
    io.out(`Report: ${opts.html}${drawing.ids.length < measures.graph.n ? ` (map of the ${drawing.ids.length} nodes with the highest betweenness and degree)` : ''}`);
  }
  return EXIT.ok;
}

function parseNow(text: string): Date {
  const d = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(d.getTime())) throw new BridgeworkError('validation', `cli/analyze: --now must be a date (YYYY-MM-DD) or an ISO timestamp, not ${JSON.stringify(text)}`);
  return d;
}

/**
 * An edge list as an undirected CompactGraph: duplicate pairs merged (the largest weight), self-loops dropped. The
 * header row and the weight column are recognised as by `import` (see docs/import-export.md), from the first lines.
 */
export function loadEdgeList(text: string, file: string, weighted: boolean): CompactGraph {
  return compactFromEdgeText(text, edgeTextOptions(text, file, weighted));
}

/**
 * An edge list as a DirectedCompactGraph: each row an arc from the first column to the second, repeated arcs merged
 * (the largest weight), self-loops dropped; u → v and v → u are two arcs. Header and weight column as `loadEdgeList`.
 */
export function loadDirectedEdgeList(text: string, file: string, weighted: boolean): DirectedCompactGraph {
  return directedFromEdgeText(text, edgeTextOptions(text, file, weighted));
}

/** The header row, delimiter and weight column of an edge list, recognised as by `import` from its first lines. */
function edgeTextOptions(text: string, file: string, weighted: boolean): EdgeTextOptions {
  const sample = text.slice(0, 200_000);
  const head = readEdgeList(sample.slice(0, Math.max(0, sample.lastIndexOf('\n'))) || sample, { file });
  const weightColumn = head.weightColumn === undefined ? -1 : head.columns.indexOf(head.weightColumn);
  if (weighted && weightColumn < 0) {
    throw new BridgeworkError('validation', `cli/analyze: --weighted, but ${file} has no weight column (columns: ${head.columns.join(', ')})`);
  }
  const delimiter = head.delimiter === 'whitespace' ? 'whitespace' : head.delimiter;
  return { header: head.hasHeader, delimiter, ...(weighted ? { weightColumn } : {}) };
}

/** Lay out (at most `limit` nodes: the top by betweenness, then degree) for the report's map. */
function layout(m: Drawable, limit: number, seed: number) {
  const g = m.graph;
  let nodes = Array.from({ length: g.n }, (_, i) => i);
  if (g.n > limit) {
    nodes.sort((a, b) => m.betweenness[b]! - m.betweenness[a]! || m.degree[b]! - m.degree[a]! || a - b);
    nodes = nodes.slice(0, limit).sort((a, b) => a - b);
  }
  const xy = forceAtlas2Layout(g, { nodes, seed });
  const x = new Float64Array(nodes.length);
  const y = new Float64Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) {
    x[k] = xy[2 * k]!;
    y[k] = xy[2 * k + 1]!;
  }
  return { ids: nodes.map((i) => g.ids[i]!), x, y, edges: inducedEdges(g, nodes) };
}

/**
 * A progress bar over the analysis stages when stderr is a terminal; silent otherwise. The bar moves by stage and,
 * within the long stages (betweenness and closeness; directed: closeness, then betweenness), by the share of
 * single-source searches done, with the count and the time left at the current pace.
 */
export function stageProgress(io: Io, options: { stream?: NodeJS.WritableStream; now?: () => number; fps?: number } = {}) {
  if (!io.tty) return { stage: undefined, within: undefined, stop: () => {} };
  const now = options.now ?? (() => performance.now());
  const bar = new SingleBar({
    format: 'analyze [{bar}] {step} {stage}{detail}',
    hideCursor: true,
    ...(options.stream ? { stream: options.stream } : {}),
    ...(options.fps ? { fps: options.fps } : {}),
  });
  let started = false;
  let current = { index: 0, total: 1, since: now() };
  const step = (index: number, total: number) => `${Math.min(index + 1, total)}/${total}`;
  return {
    stage: (stage: string, index: number, total: number) => {
      current = { index, total, since: now() };
      const payload = { stage, step: step(index, total), detail: '' };
      if (!started) {
        bar.start(total, index, payload);
        started = true;
      } else bar.update(index, payload);
    },
    within: (stage: string, done: number, total: number) => {
      if (!started || total <= 0) return;
      const share = Math.min(1, done / total);
      const elapsed = (now() - current.since) / 1000;
      const left = done > 0 && done < total ? (elapsed * (total - done)) / done : 0;
      const detail = `: ${formatInt(done)}/${formatInt(total)} sources (${Math.floor(share * 100)}%)${left > 0 ? `, ~${formatSeconds(left)} left` : ''}`;
      bar.update(current.index + share, { stage, step: step(current.index, current.total), detail });
    },
    stop: () => {
      if (started) {
        bar.update(bar.getTotal(), { stage: 'done', step: '', detail: '' });
        bar.stop();
      }
    },
  };
}

const formatInt = (x: number) => x.toLocaleString('en-GB');
const formatSeconds = (s: number) => (s < 90 ? `${Math.ceil(s)} s` : `${Math.ceil(s / 60)} min`);
