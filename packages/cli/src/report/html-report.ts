/**
 * The network-analysis report as ONE self-contained HTML file: it opens offline from disk, with no request of any
 * kind (no CDN, no external script, style sheet, font or image; inline CSS and vanilla JS; the data embedded as JSON).
 *
 * Contents: the graph measures and parameters; a pannable, zoomable canvas map of the drawn nodes (size by betweenness,
 * colour by community, brokers labelled, hover tooltips, click to highlight neighbours, keyboard controls); degree and
 * constraint histograms as inline SVG; the community × sector reach heatmap; and sortable tables of brokers, isolates
 * and nodes. Every label is escaped: names may hold <, & and quotes. A directed analysis (`parameters.directed`) says
 * so in the header, counts arcs and strongly connected components, and shows in- and out-degree; the map draws its
 * arcs as undirected lines (the graph its communities were found on).
 */
import { BridgeworkError, type NetworkAnalysis, type NodeMeasures } from '@bridgework/graph-core';
import { escapeHtml, formatCount, formatMeasure, formatShare, jsonForScript } from './html-escape.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_CSS } from './report-style.js';
import { integerBins, intervalBins, renderHistogram } from './svg-charts.js';

/** The drawn subset: node ids with their layout positions, and the edges among them as index pairs into `ids`. */
export interface ReportDrawing {
  ids: string[];
  x: Float64Array | number[];
  y: Float64Array | number[];
  edges: [number, number][];
}

export interface HtmlReportOptions {
  title: string;
  /** When the report was made, as the caller wants it shown (an ISO timestamp, say): graph-core and this read no clock. */
  generatedAt: string;
  /** Rows of the nodes table (the top by betweenness); default 500. Isolates are capped the same way. */
  tableLimit?: number;
  /**
   * What the embedded JSON holds: `all` the whole analysis, or `shown` only the nodes the page shows (drawn, in a
   * table, brokers, isolates). Default `all` up to 20,000 nodes (about 4 MB), `shown` above.
   */
  embed?: 'all' | 'shown';
}

/** Above this many nodes the embedded data defaults to the nodes the page shows. */
export const EMBED_ALL_MAX_NODES = 20000;

/** Colour-blind-safe qualitative palette for communities 0–8: Paul Tol's "muted" scheme; later communities are grey. */
export const COMMUNITY_PALETTE = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499'] as const;
export const OTHER_COMMUNITY_COLOUR = '#BBBBBB';

/** ColorBrewer "Blues" (9 classes; sequential, colour-blind safe) for the reach shares 0 → 1. */
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'] as const;

/** The coordinate range positions are scaled into (longer side), rounded to 0.1. */
const DRAWING_EXTENT = 1000;

function invalid(message: string): never {
  throw new BridgeworkError('validation', `cli/report: ${message}`);
}

export function communityColour(c: number): string {
  return (c >= 0 && COMMUNITY_PALETTE[c]) || OTHER_COMMUNITY_COLOUR;
}

function hexRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** The heatmap colour of a share in [0, 1], and whether its text should be white for contrast. */
export function shareColour(share: number): { background: string; light: boolean } {
  const s = Math.max(0, Math.min(1, share)) * (BLUES.length - 1);
  const i = Math.min(BLUES.length - 2, Math.floor(s));
  const t = s - i;
  const a = hexRgb(BLUES[i]!);
  const b = hexRgb(BLUES[i + 1]!);
  const rgb = a.map((v, k) => Math.round(v + (b[k]! - v) * t)) as [number, number, number];
  const lum = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * lum[0]! + 0.7152 * lum[1]! + 0.0722 * lum[2]!;
  return { background: `rgb(${rgb.join(', ')})`, light: luminance < 0.3 };
}

/** Check the drawing and scale its positions into [0, 1000] (longer side, aspect kept), rounded to 0.1. */
function normaliseDrawing(drawing: ReportDrawing): { ids: string[]; x: number[]; y: number[]; edges: [number, number][] } {
  const n = drawing.ids.length;
  if (drawing.x.length !== n || drawing.y.length !== n) invalid(`drawing has ${n} ids but ${drawing.x.length} x and ${drawing.y.length} y`);
  const seen = new Set<string>();
  for (const id of drawing.ids) {
    if (seen.has(id)) invalid(`drawing lists node ${JSON.stringify(id)} twice`);
    seen.add(id);
  }
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = drawing.x[i]!;
    const y = drawing.y[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) invalid(`drawing position ${i} (${drawing.ids[i]}) is not finite: ${x}, ${y}`);
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  const span = Math.max(x1 - x0, y1 - y0);
  const scale = span > 0 ? DRAWING_EXTENT / span : 0;
  const round = (v: number) => Math.round(v * 10) / 10;
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    x.push(round((drawing.x[i]! - x0) * scale));
    y.push(round((drawing.y[i]! - y0) * scale));
  }
  const edges: [number, number][] = drawing.edges.map(([a, b], k) => {
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < n && b < n)) invalid(`drawing edge ${k} (${a}, ${b}) is not a pair of indices into ${n} ids`);
    return [a, b];
  });
  return { ids: drawing.ids.slice(), x, y, edges };
}

interface Column<R> {
  label: string;
  type: 'number' | 'text';
  /** Sort key: a number (null sorts last) or text. */
  value: (row: R) => number | string | null;
  /** Cell content as HTML (escaped by the caller); default the escaped formatted value. */
  html?: (row: R) => string;
  className?: string;
  /** Explains the column (title attribute of the header). */
  hint?: string;
}

/** A table whose column headers are buttons that sort it (client-side), with a caption and sticky header. */
function sortableTable<R>(
  id: string,
  caption: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  sorted?: { column: number; direction: 'ascending' | 'descending' },
  scroll = false,
): string {
  const head = columns
    .map((c, i) => {
      const sort = sorted?.column === i ? sorted.direction : 'none';
      const cls = c.type === 'number' ? ' class="num"' : '';
      const hint = c.hint ? ` title="${escapeHtml(c.hint)}"` : '';
      return `<th scope="col"${cls} data-type="${c.type}" aria-sort="${sort}"${hint}><button type="button" class="sort">${escapeHtml(c.label)}</button></th>`;
    })
    .join('');
  const body = rows
    .map((r) => {
      const cells = columns.map((c) => {
        const v = c.value(r);
        const classes = [c.type === 'number' ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ');
        const cls = classes ? ` class="${classes}"` : '';
        const content = c.html ? c.html(r) : escapeHtml(c.type === 'number' ? formatMeasure(v as number | null) : (v ?? ''));
        const data = c.type === 'number' ? ` data-v="${v === null || v === undefined ? '' : escapeHtml(String(v))}"` : '';
        return `<td${cls}${data}>${content}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return (
    `<div class="table-wrap${scroll ? ' scroll' : ''}"><table class="sortable" id="${id}">` +
    `<caption>${escapeHtml(caption)} <span class="note">(click a column heading to sort)</span></caption>` +
    `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`
  );
}

function swatch(c: number): string {
  return `<span class="swatch" style="background:${communityColour(c)}" aria-hidden="true"></span>`;
}

function communityCell(c: number): string {
  return `${swatch(c)} ${escapeHtml(String(c))}`;
}

function shortSectorLabel(label: string): string {
  const cut = label.split(/[;,]/)[0]!.trim().replace(/\s+activities$/i, '');
  return cut.length > 36 ? `${cut.slice(0, 34).trimEnd()}…` : cut;
}

interface Context {
  analysis: NetworkAnalysis;
  /** Whether the embedded JSON holds every node's measures. */
  embeddedAll: boolean;
  entries: [string, NodeMeasures][];
  drawn: Set<string>;
  label: (id: string) => string;
  limit: number;
}

function nodeLabelCell(ctx: Context, id: string): string {
  const text = escapeHtml(ctx.label(id));
  return ctx.drawn.has(id) ? `<button type="button" class="node-link" data-node="${escapeHtml(id)}" title="Show on the map">${text}</button>` : text;
}

function renderHeader(ctx: Context, title: string, generatedAt: string): string {
  const { graph, parameters } = ctx.analysis;
  const stat = (label: string, value: string) => `<div class="stat"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
  const directed = parameters.directed;
  const betweenness = parameters.betweenness === 'exact' ? 'exact' : `sampled from ${formatCount(parameters.betweenness.sampled)} pivots`;
  // JSON written before `closeness` was recorded computed it exactly.
  const closenessMode = parameters.closeness ?? 'exact';
  const closeness = closenessMode === 'exact' ? 'exact' : `estimated from ${formatCount(closenessMode.sampled)} pivots`;
  const params = [
    parameters.weighted ? (directed ? 'Weighted arcs' : 'Weighted ties') : directed ? 'Unweighted arcs' : 'Unweighted ties',
    directed ? 'Directed' : 'Undirected',
    `Betweenness ${betweenness}`,
    `Closeness ${closeness}${directed ? ' (incoming)' : ''}`,
    `Seed ${parameters.seed}`,
    ...(parameters.now ? [`Ties decayed to ${parameters.now}`] : []),
    `Generated ${generatedAt}`,
  ];
  const stats = directed
    ? stat('Nodes', formatCount(graph.nodes)) +
      stat('Arcs', formatCount(graph.edges)) +
      stat('Weak components', formatCount(graph.components)) +
      (graph.stronglyConnectedComponents === undefined ? '' : stat('Strong components', formatCount(graph.stronglyConnectedComponents))) +
      stat('Communities', formatCount(graph.communities)) +
      stat('Modularity', graph.modularity.toFixed(3)) +
      (graph.directedModularity === undefined ? '' : stat('Directed modularity', graph.directedModularity.toFixed(3)))
    : stat('Nodes', formatCount(graph.nodes)) +
      stat('Ties', formatCount(graph.edges)) +
      stat('Components', formatCount(graph.components)) +
      stat('Communities', formatCount(graph.communities)) +
      stat('Modularity', graph.modularity.toFixed(3));
  const glossary = directed
    ? `<dt>Degree</dt><dd>Arcs in plus arcs out (a tie both ways counts twice); in-degree and out-degree separately in the table. Strength is the sum of their weights.</dd>
<dt>Betweenness</dt><dd>How often a node lies on the shortest directed paths between others, following arcs (0–1): nodes that relay between groups.</dd>
<dt>Constraint</dt><dd>Burt's constraint from the ties in either direction: low values mean contacts in separate groups — a brokerage position. As in NetworkX, nodes without arcs out have none.</dd>
<dt>Effective size</dt><dd>Non-redundant contacts; efficiency is effective size divided by the number of contacts.</dd>
<dt>Closeness</dt><dd>How near the others are to a node along arcs pointing to it (incoming distance, as NetworkX; Wasserman–Faust correction for nodes that not everyone reaches).</dd>
<dt>PageRank, eigenvector</dt><dd>Influence from arcs coming in from influential nodes.</dd>
<dt>Community</dt><dd>Group found by modularity optimisation on the ties regardless of direction; 0 is the largest. Directed modularity scores the same groups with direction.</dd>
<dt>Components</dt><dd>Weak: nodes connected ignoring direction. Strong: nodes that can all reach each other along arcs.</dd>`
    : `<dt>Degree</dt><dd>Number of ties. Strength is the sum of their weights.</dd>
<dt>Betweenness</dt><dd>How often a node lies on the shortest paths between others (0–1): high values mark brokers whose removal would cut groups apart.</dd>
<dt>Constraint</dt><dd>Burt's constraint: how much a node's contacts are tied to each other. Low values mean contacts in separate groups — a brokerage position; 1 means a single contact or one closed group.</dd>
<dt>Effective size</dt><dd>Non-redundant contacts; efficiency is effective size divided by degree.</dd>
<dt>Closeness</dt><dd>How near a node is to everyone it can reach (Wasserman–Faust correction for separate components).</dd>
<dt>PageRank, eigenvector</dt><dd>Influence from being tied to well-connected nodes.</dd>
<dt>Community</dt><dd>Group found by modularity optimisation; 0 is the largest.</dd>`;
  return `<header class="report-head">
<h1>${escapeHtml(title)}</h1>
<p class="subtitle">Bridgework network analysis${directed ? ' — directed: ties are arcs from one node to another' : ''}</p>
<dl class="stats">${stats}</dl>
<p class="params">${params.map((p) => `<span>${escapeHtml(p)}</span>`).join('')}</p>
<details class="glossary"><summary>How to read the measures</summary><dl>
${glossary}
<dt>Sector reach</dt><dd>People who can reach an organisation of a sector within two steps — through someone they know.</dd>
</dl></details>
<nav class="toc" aria-label="Contents"><ul>
<li><a href="#map">Network map</a></li><li><a href="#distributions">Distributions</a></li>${ctx.analysis.sectorReach ? '<li><a href="#reach">Sector reach</a></li>' : ''}${ctx.analysis.brokers ? '<li><a href="#brokers">Brokers</a></li>' : ''}${ctx.analysis.isolates ? '<li><a href="#isolates">Isolates</a></li>' : ''}<li><a href="#nodes">All measures</a></li>
</ul></nav>
</header>`;
}

function renderMap(ctx: Context, drawing: { ids: string[]; edges: [number, number][] }): string {
  const total = ctx.entries.length;
  const shown = drawing.ids.length;
  const counts = new Map<number, number>();
  for (const [, m] of ctx.entries) counts.set(m.community, (counts.get(m.community) ?? 0) + 1);
  const communities = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  const named = communities.filter(([c]) => c >= 0 && c < COMMUNITY_PALETTE.length);
  const rest = communities.filter(([c]) => !(c >= 0 && c < COMMUNITY_PALETTE.length));
  const legend = named.map(([c, n]) => `<li>${swatch(c)} Community ${c}<span class="n">${formatCount(n)}</span></li>`);
  if (rest.length > 0) {
    const n = rest.reduce((s, [, k]) => s + k, 0);
    legend.push(`<li>${swatch(-1)} ${rest.length === 1 ? `Community ${rest[0]![0]}` : `${formatCount(rest.length)} smaller communities`}<span class="n">${formatCount(n)}</span></li>`);
  }
  let maxB = 0;
  for (const id of drawing.ids) {
    const m = ctx.analysis.nodes[id];
    if (m && Object.hasOwn(ctx.analysis.nodes, id) && m.betweenness > maxB) maxB = m.betweenness;
  }
  const dot = (f: number) => {
    const d = 2 * (2.5 + 13 * Math.sqrt(f));
    return `<span class="dot" style="width:${d.toFixed(0)}px;height:${d.toFixed(0)}px"></span>`;
  };
  const sizeLegend = maxB > 0
    ? `<div class="size-legend"><span>${dot(0)} 0</span><span>${dot(0.25)} ${escapeHtml(formatMeasure(maxB / 4))}</span><span>${dot(1)} ${escapeHtml(formatMeasure(maxB))}</span></div>`
    : '<p class="note">No node lies between others: every dot has the same size.</p>';
  const brokersDrawn = ctx.analysis.brokers ? ctx.analysis.brokers.filter((b) => ctx.drawn.has(b.id)).length : 0;
  const subsetNote = shown < total
    ? `<p class="note">The map shows ${formatCount(shown)} of the ${formatCount(total)} nodes and the ${formatCount(drawing.edges.length)} ${drawing.edges.length === 1 ? 'tie' : 'ties'} among them; the charts below cover every node.</p>`
    : '';
  const aria = `Network map of ${formatCount(shown)} nodes and ${formatCount(drawing.edges.length)} ties. Size shows betweenness, colour shows community. The same data is in the tables below.`;
  return `<section id="map" aria-labelledby="map-h">
<h2 id="map-h">Network map</h2>
<p class="lede">Each dot is a node, each line a tie${ctx.analysis.parameters.directed ? ' (an arc in either direction, or both: the map does not show direction)' : ''}; nodes that are closely tied sit close together (ForceAtlas2 layout). Bigger dots have higher betweenness — they lie between groups; colours are communities. ${!ctx.analysis.brokers ? 'The nodes with the highest betweenness are labelled.' : brokersDrawn === 1 ? 'The broker on the map is labelled.' : `The ${formatCount(brokersDrawn)} brokers on the map are labelled.`}</p>
${subsetNote}
<div class="map-layout">
<div>
<div class="map-controls" role="group" aria-label="Map controls">
<div class="group"><button type="button" id="bw-zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button><button type="button" id="bw-zoom-out" aria-label="Zoom out" title="Zoom out (−)">−</button><button type="button" id="bw-reset" title="Fit the whole map (0)">Reset view</button></div>
<div class="group"><label for="bw-labels">Labels</label><select id="bw-labels"><option value="brokers" selected>Brokers</option><option value="all">All that fit</option><option value="none">None</option></select></div>
<form class="group" id="bw-find-form" role="search"><label for="bw-find">Find a node</label><input type="search" id="bw-find" list="bw-find-list" autocomplete="off" placeholder="Name or id"><button type="submit">Show</button><datalist id="bw-find-list"></datalist></form>
</div>
<div class="map-frame">
<canvas id="bw-canvas" tabindex="0" role="application" aria-roledescription="network map" aria-label="${escapeHtml(aria)}" aria-describedby="bw-map-help"></canvas>
<div id="bw-tooltip" class="tooltip" hidden></div>
<div id="bw-map-message" class="map-message"${shown > 0 ? ' hidden' : ''}>${shown > 0 ? '' : 'There are no nodes to draw.'}</div>
<noscript><div class="map-message">The interactive map needs JavaScript. The charts and tables below hold every result.</div></noscript>
</div>
<p id="bw-map-help" class="map-help">Drag to pan, scroll to zoom, hover over a dot for its measures, click it to highlight its neighbours; names in the tables show the node here. Keyboard: focus the map, then <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> pan, <kbd>+</kbd> <kbd>−</kbd> zoom, <kbd>0</kbd> resets, <kbd>N</kbd> / <kbd>P</kbd> step through the brokers, <kbd>Esc</kbd> clears.</p>
<p id="bw-status" class="note" aria-live="polite"></p>
</div>
<aside class="map-side" aria-label="Map legend and selected node">
<div><h3>Communities (nodes)</h3><ul class="legend">${legend.join('')}</ul></div>
<div><h3>Size: betweenness</h3>${sizeLegend}</div>
<div><h3>Selected node</h3><div id="bw-selection" class="selection" aria-live="polite"><p class="note">Click a node (or find one by name) to highlight its neighbours.</p></div></div>
</aside>
</div>
</section>`;
}

function renderDistributions(ctx: Context): string {
  const directed = ctx.analysis.parameters.directed;
  const degrees = ctx.entries.map(([, m]) => m.degree);
  const constraints = ctx.entries.map(([, m]) => m.constraint).filter((c): c is number => c !== null);
  const missing = degrees.length - constraints.length;
  const degreeBins = integerBins(degrees);
  const constraintBins = intervalBins(constraints, 0.05, 1);
  const maxDegree = degrees.reduce((a, b) => (b > a ? b : a), 0);
  const modal = degreeBins.reduce((best, b) => (b.count > best.count ? b : best), degreeBins[0]!);
  const lowConstraint = constraints.filter((c) => c < 0.3).length;
  const degreeSvg = renderHistogram(degreeBins, {
    id: 'degree-histogram',
    title: 'Degree distribution',
    description: `${formatCount(degrees.length)} nodes by number of ${directed ? 'arcs in and out' : 'ties'}: most often ${modal.label}; the highest is ${formatCount(maxDegree)}.`,
    xLabel: directed ? 'Degree (arcs in + out)' : 'Degree (ties)',
  });
  const constraintSvg = constraints.length > 0
    ? renderHistogram(constraintBins, {
        id: 'constraint-histogram',
        title: 'Constraint distribution',
        description: `${formatCount(constraints.length)} nodes by Burt's constraint in bins of 0.05; ${formatCount(lowConstraint)} have constraint below 0.3.`,
        xLabel: "Burt's constraint",
        edgeLabels: true,
        labelEvery: 5,
      })
    : `<p class="note">No node has a constraint (${directed ? 'none has an arc out' : 'all are isolated'}).</p>`;
  return `<section id="distributions" aria-labelledby="dist-h">
<h2 id="dist-h">Distributions</h2>
<div class="charts">
<figure><h3>Degree</h3>${degreeSvg}<figcaption>Number of nodes by how many ${directed ? 'arcs they have, in and out' : 'ties they have'}. A long right tail means a few hubs hold many ties. Most common: ${escapeHtml(modal.label)} (${formatCount(modal.count)} nodes); highest: ${formatCount(maxDegree)}.</figcaption></figure>
<figure><h3>Constraint</h3>${constraintSvg}<figcaption>Burt's constraint: nodes on the left have contacts in separate groups — brokerage positions (${formatCount(lowConstraint)} below 0.3); at 1, all ties lead into one closed group.${missing > 0 ? ` ${formatCount(missing)} ${directed ? `${missing === 1 ? 'node' : 'nodes'} without arcs out (NetworkX leaves them undefined)` : `isolated ${missing === 1 ? 'node' : 'nodes'}`} ${missing === 1 ? 'has' : 'have'} no constraint and ${missing === 1 ? 'is' : 'are'} left out.` : ''}</figcaption></figure>
</div>
</section>`;
}

function renderSectorReach(ctx: Context): string {
  const reach = ctx.analysis.sectorReach;
  if (!reach) return '';
  const { sectors, rows } = reach;
  if (sectors.length === 0 || rows.length === 0) {
    return `<section id="reach" aria-labelledby="reach-h"><h2 id="reach-h">Sector reach</h2><p class="note">No ${sectors.length === 0 ? 'organisation has a sector' : 'community has people'}, so there is no reach to show.</p></section>`;
  }
  const head = sectors
    .map((s) => `<th scope="col" class="sector" title="${escapeHtml(`${s.letter}: ${s.label}`)}"><span class="name">${escapeHtml(shortSectorLabel(s.label))}</span><span class="letter">${escapeHtml(s.letter)}</span></th>`)
    .join('');
  let cutRows = 0;
  let worst: { community: number; reached: number } | null = null;
  const body = rows
    .map((r) => {
      let reached = 0;
      const cells = sectors.map((s) => {
        const count = r.reach[s.letter] ?? 0;
        const share = r.people > 0 ? count / r.people : 0;
        if (count > 0) reached++;
        const sr = `${formatCount(count)} of ${formatCount(r.people)} people in community ${r.community} reach ${s.label}`;
        if (count === 0) {
          return `<td class="reach-cell cut" data-count="0" data-share="0" data-sector="${escapeHtml(s.letter)}" title="${escapeHtml(`${sr} — cut off`)}">0<span class="share">cut off</span></td>`;
        }
        const { background, light } = shareColour(share);
        return `<td class="reach-cell" data-count="${count}" data-share="${share.toFixed(4)}" data-sector="${escapeHtml(s.letter)}" style="background:${background};color:${light ? '#fff' : '#111'}" title="${escapeHtml(sr)}">${formatCount(count)}<span class="share">${formatShare(share)}</span></td>`;
      });
      if (reached < sectors.length) cutRows++;
      if (!worst || reached < worst.reached) worst = { community: r.community, reached };
      return `<tr><th scope="row" class="community">${swatch(r.community)} Community ${r.community}</th><td class="num">${formatCount(r.people)}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const w = worst as { community: number; reached: number } | null;
  const summary = cutRows === 0
    ? `Every community reaches every sector within two steps.`
    : `${formatCount(cutRows)} of ${formatCount(rows.length)} communities are cut off from at least one sector${w ? `; community ${w.community} reaches the fewest: ${w.reached} of ${sectors.length}` : ''}.`;
  const ramp = `linear-gradient(to right, ${BLUES.join(', ')})`;
  return `<section id="reach" aria-labelledby="reach-h">
<h2 id="reach-h">Sector reach by community</h2>
<p class="lede">How many people in each community can reach an organisation of each employer sector within two steps — an organisation they are tied to, or one where someone they know is. Hatched cells: nobody in the community reaches the sector, a gap to bridge. ${escapeHtml(summary)}</p>
<div class="table-wrap"><table class="heatmap" id="reach-table">
<caption>People reaching each sector within two steps (count and share of the community's people)</caption>
<thead><tr><th scope="col">Community</th><th scope="col" class="num">People</th>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>
<div class="heat-legend" aria-label="Heatmap legend"><span>Share of the community's people: 0%<span class="ramp" style="background:${ramp}" aria-hidden="true"></span>100%</span><span><span class="cut-key" aria-hidden="true"></span>nobody reaches the sector (cut off)</span></div>
<ul class="sector-key" aria-label="Sectors (UK SIC 2007 sections)">${sectors.map((s) => `<li><strong>${escapeHtml(s.letter)}</strong> ${escapeHtml(s.label)}</li>`).join('')}</ul>
</section>`;
}

function renderBrokers(ctx: Context): string {
  const brokers = ctx.analysis.brokers;
  if (!brokers) return '';
  if (brokers.length === 0) {
    return `<section id="brokers" aria-labelledby="brokers-h"><h2 id="brokers-h">Brokers</h2><p class="note">No node stands out as a broker.</p></section>`;
  }
  type B = (typeof brokers)[number] & { rank: number };
  const rows: B[] = brokers.map((b, i) => ({ ...b, rank: i + 1 }));
  const degree = (id: string) => (Object.hasOwn(ctx.analysis.nodes, id) ? ctx.analysis.nodes[id]!.degree : null);
  const columns: Column<B>[] = [
    { label: 'Rank', type: 'number', value: (b) => b.rank },
    { label: 'Name', type: 'text', value: (b) => b.label, html: (b) => nodeLabelCell(ctx, b.id), className: 'label' },
    { label: 'ID', type: 'text', value: (b) => b.id, className: 'id' },
    { label: 'Betweenness', type: 'number', value: (b) => b.betweenness },
    { label: 'Constraint', type: 'number', value: (b) => b.constraint },
    { label: 'Degree', type: 'number', value: (b) => degree(b.id) },
    { label: 'Community', type: 'number', value: (b) => b.community, html: (b) => communityCell(b.community) },
  ];
  return `<section id="brokers" aria-labelledby="brokers-h">
<h2 id="brokers-h">Brokers</h2>
<p class="lede">Nodes that connect groups which are otherwise apart: high betweenness, low constraint. They are the introductions an employability service can ask for — and the single points of failure if they leave.</p>
${sortableTable('brokers-table', `${formatCount(brokers.length)} brokers`, columns, rows, { column: 0, direction: 'ascending' })}
</section>`;
}

function renderIsolates(ctx: Context): string {
  const isolates = ctx.analysis.isolates;
  if (!isolates) return '';
  if (isolates.length === 0) {
    return `<section id="isolates" aria-labelledby="isolates-h"><h2 id="isolates-h">Isolates</h2><p class="note">Every node has at least one tie.</p></section>`;
  }
  const shown = isolates.slice(0, ctx.limit);
  const type = (id: string) => (ctx.analysis.info && Object.hasOwn(ctx.analysis.info, id) ? ctx.analysis.info[id]!.type : '');
  const columns: Column<{ id: string; label: string }>[] = [
    { label: 'Name', type: 'text', value: (r) => r.label, className: 'label' },
    { label: 'ID', type: 'text', value: (r) => r.id, className: 'id' },
    ...(ctx.analysis.info ? [{ label: 'Type', type: 'text' as const, value: (r: { id: string }) => type(r.id) }] : []),
  ];
  const more = isolates.length > shown.length ? `<p class="note">Showing the first ${formatCount(shown.length)} of ${formatCount(isolates.length)} isolates; all are in ${ctx.embeddedAll ? 'the embedded data' : 'the JSON output of the analysis'}.</p>` : '';
  return `<section id="isolates" aria-labelledby="isolates-h">
<h2 id="isolates-h">Isolates</h2>
<p class="lede">Nodes with no ties in the analysed graph: nobody in the network can introduce them yet.</p>
${more}${sortableTable('isolates-table', `${formatCount(isolates.length)} isolated ${isolates.length === 1 ? 'node' : 'nodes'}`, columns, shown)}
</section>`;
}

/** The nodes of the measures table: the top `limit` by betweenness (ties by id). */
function topNodes(ctx: Context): [string, NodeMeasures][] {
  return ctx.entries
    .slice()
    .sort((a, b) => b[1].betweenness - a[1].betweenness || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, ctx.limit);
}

/** The analysis cut down to the nodes the page shows: drawn, in the measures table, brokers and shown isolates. */
function shownAnalysis(ctx: Context): NetworkAnalysis {
  const { analysis } = ctx;
  const keep = new Set<string>(ctx.drawn);
  for (const [id] of topNodes(ctx)) keep.add(id);
  for (const b of analysis.brokers ?? []) keep.add(b.id);
  for (const i of (analysis.isolates ?? []).slice(0, ctx.limit)) keep.add(i.id);
  const pick = <T>(record: Record<string, T>): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const id of keep) if (Object.hasOwn(record, id)) out[id] = record[id]!;
    return out;
  };
  return { ...analysis, nodes: pick(analysis.nodes), ...(analysis.info ? { info: pick(analysis.info) } : {}) };
}

function renderNodesTable(ctx: Context): string {
  const { analysis } = ctx;
  const info = analysis.info;
  const infoOf = (id: string) => (info && Object.hasOwn(info, id) ? info[id] : undefined);
  const rows = topNodes(ctx);
  const anySector = rows.some(([id]) => infoOf(id)?.sector !== undefined);
  const anyArea = rows.some(([id]) => infoOf(id)?.area != null);
  const anyWeak = rows.some(([id]) => infoOf(id)?.weakTieShare != null);
  type R = [string, NodeMeasures];
  const num = (label: string, get: (m: NodeMeasures) => number | null, hint?: string): Column<R> => ({ label, type: 'number', value: (r) => get(r[1]), ...(hint ? { hint } : {}) });
  const columns: Column<R>[] = [
    { label: info ? 'Name' : 'Node', type: 'text', value: (r) => ctx.label(r[0]), html: (r) => nodeLabelCell(ctx, r[0]), className: 'label' },
    ...(info ? [{ label: 'ID', type: 'text' as const, value: (r: R) => r[0], className: 'id' }] : []),
    ...(info ? [{ label: 'Type', type: 'text' as const, value: (r: R) => infoOf(r[0])?.type ?? '' }] : []),
    { label: 'Community', type: 'number', value: (r) => r[1].community, html: (r) => communityCell(r[1].community) },
    num('Degree', (m) => m.degree, analysis.parameters.directed ? 'Arcs in + arcs out' : undefined),
    ...(rows.some(([, m]) => m.inDegree !== undefined) ? [num('In-degree', (m) => m.inDegree ?? null, 'Arcs into the node')] : []),
    ...(rows.some(([, m]) => m.outDegree !== undefined) ? [num('Out-degree', (m) => m.outDegree ?? null, 'Arcs out of the node')] : []),
    ...(analysis.parameters.weighted ? [num('Strength', (m) => m.strength, 'Sum of tie weights')] : []),
    num('Betweenness', (m) => m.betweenness),
    num('Closeness', (m) => m.closeness),
    num('PageRank', (m) => m.pagerank),
    num('Eigenvector', (m) => m.eigenvector),
    num('Constraint', (m) => m.constraint, "Burt's constraint: low = brokerage"),
    num('Effective size', (m) => m.effectiveSize),
    num('Efficiency', (m) => m.efficiency),
    num('Hierarchy', (m) => m.hierarchy),
    ...(anySector ? [{ label: 'Sector', type: 'text' as const, value: (r: R) => infoOf(r[0])?.sector ?? '' }] : []),
    ...(anyArea ? [{ label: 'Area', type: 'text' as const, value: (r: R) => infoOf(r[0])?.area ?? '' }] : []),
    ...(anyWeak ? [{ label: 'Weak-tie share', type: 'number' as const, value: (r: R) => infoOf(r[0])?.weakTieShare ?? null }] : []),
  ];
  const total = ctx.entries.length;
  const note = total > rows.length
    ? `<p class="note">Showing the ${formatCount(rows.length)} nodes with the highest betweenness of ${formatCount(total)}. ${ctx.embeddedAll ? "Every node's measures are in the data embedded in this file and in" : 'Every node\'s measures are in'} the JSON output of the analysis.</p>`
    : '';
  const betweennessColumn = columns.findIndex((c) => c.label === 'Betweenness');
  return `<section id="nodes" aria-labelledby="nodes-h">
<h2 id="nodes-h">All measures</h2>
${note}${sortableTable('nodes-table', `${formatCount(rows.length)} nodes by betweenness`, columns, rows, { column: betweennessColumn, direction: 'descending' }, true)}
</section>`;
}

/**
 * Render the report. `drawing` is the subset to draw on the map (the caller lays it out, e.g. with
 * `forceAtlas2Layout`, and passes up to a few thousand nodes); the charts and tables cover every node of `analysis`.
 * Positions are rescaled into [0, 1000] for the embedded data. The analysis is embedded as JSON
 * (`<script type="application/json" id="bw-data">`, `{ analysis, drawing }`): whole, or cut down to the nodes shown
 * (see `HtmlReportOptions.embed`).
 *
 * Throws a validation error when the drawing's arrays disagree in length, a position is not finite, an id repeats, or
 * an edge index is out of range.
 */
export function renderHtmlReport(analysis: NetworkAnalysis, drawing: ReportDrawing, options: HtmlReportOptions): string {
  const normalised = normaliseDrawing(drawing);
  const info = analysis.info;
  const label = (id: string) => (info && Object.hasOwn(info, id) ? info[id]!.label : id);
  const ctx: Context = {
    analysis,
    entries: Object.entries(analysis.nodes),
    drawn: new Set(normalised.ids),
    label,
    limit: options.tableLimit ?? 500,
    embeddedAll: true,
  };
  const total = ctx.entries.length;
  const embed = options.embed ?? (total <= EMBED_ALL_MAX_NODES ? 'all' : 'shown');
  const embedded = embed === 'all' ? analysis : shownAnalysis(ctx);
  ctx.embeddedAll = embed === 'all' || Object.keys(embedded.nodes).length === total;
  const data = jsonForScript({ analysis: embedded, drawing: normalised });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Bridgework">
<title>${escapeHtml(options.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the results</a>
<div class="page">
${renderHeader(ctx, options.title, options.generatedAt)}
<main id="main">
${renderMap(ctx, normalised)}
${renderDistributions(ctx)}
${renderSectorReach(ctx)}
${renderBrokers(ctx)}
${renderIsolates(ctx)}
${renderNodesTable(ctx)}
</main>
<footer>Made by Bridgework on ${escapeHtml(options.generatedAt)}. Layout: ForceAtlas2 (Jacomy, Venturini, Heymann &amp; Bastian, PLoS ONE, 2014). Constraint and effective size: Burt, Structural Holes (1992). This file is self-contained: it makes no network request and the data it draws is embedded in it.</footer>
</div>
<script type="application/json" id="bw-data">${data}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
