/**
 * The analyst's network map: the whole network drawn with sigma.js (WebGL) from a graphology graph, laid out on the
 * server (ForceAtlas2: Jacomy et al. 2014), coloured by Louvain community (Blondel et al. 2008) and sized by
 * betweenness (Freeman 1977). Filters by sector, area and role; search (every match listed, stepped through with
 * next/previous); brokers (high betweenness, low constraint: Burt 1992) and isolated members highlighted; a click shows
 * a node's measures (people as pseudonyms for analyst keys); the community × sector heatmap; the view as PNG and the
 * graph as GEXF.
 *
 * Smooth at 10 000 nodes (issue 6; measured by `pnpm bench --only web:map`, bench/web-map.ts): nodes are drawn as
 * WebGL points and ties as 1-pixel lines — neither instanced, which software GL (SwiftShader, or a browser without GPU
 * acceleration) draws one instance at a time; ties are coloured by strength instead of drawn thicker. On large graphs
 * the ties and labels are left out while the camera moves, and at the overview only the strongest ties are drawn
 * (a budget per node), the rest once zoomed in. Selecting a node repaints that node alone.
 */
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { ApiFailure, api } from '../api.js';
import { h, replace } from '../dom.js';
import { communityColours, decimal, percent, sizeByBetweenness } from '../format.js';
import type { ScreenContext } from '../main.js';
import type { Network, NetworkNode, Reach } from '../types.js';
import { distributions } from './distributions.js';
import { heatmap } from './heatmap.js';

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  node: NetworkNode;
}
interface EdgeAttrs {
  color: string;
  /** The sigma program: `tie` (always drawn at rest) or `weak-tie` (drawn once zoomed in). */
  type: 'tie' | 'weak-tie';
}

/** How the map stays smooth on large networks (see the header). */
export const MAP_DEFAULTS = Object.freeze({
  /** At the overview, draw the strongest ties up to this many per node… */
  tiesPerNode: 3,
  /** …and never fewer than this many (so small networks are drawn whole). */
  minTieBudget: 20_000,
  /** The remaining (weaker) ties appear once zoomed in to this camera ratio (1 = the whole map) or closer. */
  allTiesAtRatio: 0.35,
  /** With more ties than this, ties and labels are left out while the camera moves. */
  hideOnMoveAbove: 2_000,
  /** Nodes are drawn at full size up to this many; beyond, scaled by √(fullSizeUpTo / nodes)… */
  fullSizeUpTo: 2_000,
  /** …but never below this share of it. */
  minNodeScale: 0.6,
});

const FADED = '#dde1e6';
const EDGE_FADED = '#eceff3';
/** Tie colours by decayed strength (weak, medium, strong): 1-pixel lines show strength by shade, not width. */
const EDGE_SHADES = ['#d3d8df', '#b3bbc6', '#8b95a3'] as const;
const edgeShade = (w: number): string => EDGE_SHADES[w >= 0.6 ? 2 : w >= 0.3 ? 1 : 0];

/** Whether the camera is moving: a drag, its inertia, a wheel zoom or an animation (the test sigma's render makes). */
function cameraMoving(renderer: Sigma<NodeAttrs, EdgeAttrs>): boolean {
  const mouse = renderer.getMouseCaptor();
  return renderer.getCamera().isAnimated() || mouse.isMoving || mouse.draggedEvents > 0 || mouse.currentWheelDirection !== 0;
}

/**
 * Nodes as sigma's WebGL points, without the picking pass (the hidden copy that tells which node is under the pointer)
 * while the camera moves: nothing can be hovered then, and the frame at rest draws it again.
 */
class NodeProgram extends NodePointProgram<NodeAttrs, EdgeAttrs> {
  override render(params: RenderParams): void {
    if (!this.pickProgram || !cameraMoving(this.renderer)) return super.render(params);
    if (this.hasNothingToRender()) return;
    this.normalProgram.gl.viewport(0, 0, params.width * params.pixelRatio, params.height * params.pixelRatio);
    this.bindProgram(this.normalProgram);
    this.renderProgram(params, this.normalProgram);
    this.unbindProgram(this.normalProgram);
  }
}

/** A tie program: sigma's 1-pixel line program, drawn only when `draw` says so for this frame. */
function tieProgram(draw: (params: RenderParams, renderer: Sigma<NodeAttrs, EdgeAttrs>) => boolean) {
  return class TieProgram extends EdgeLineProgram<NodeAttrs, EdgeAttrs> {
    override render(params: RenderParams): void {
      if (draw(params, this.renderer)) super.render(params);
    }
  };
}

/** Save a Blob as a file. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function select(id: string, label: string, options: string[][], onChange: (v: string) => void): HTMLElement {
  const s = h('select', { id, name: id }, options.map(([value, text]) => h('option', { value: value! }, text!)));
  s.addEventListener('change', () => onChange(s.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), s);
}

function checkbox(id: string, label: string, onChange: (v: boolean) => void): HTMLElement {
  const c = h('input', { id, name: id, type: 'checkbox' });
  c.addEventListener('change', () => onChange(c.checked));
  return h('div', { class: 'check' }, c, h('label', { for: id }, label));
}

/** Draw the map; returns the cleanup (kills the WebGL renderer). */
export async function renderMap(ctx: ScreenContext): Promise<() => void> {
  document.title = 'Network map — Bridgework';
  replace(ctx.root, h('h1', {}, 'Network map'), h('p', { class: 'loading' }, 'Loading the network and its analysis…'));
  const client = api(ctx.session.key);
  const [network, reach] = await Promise.all([client.get<Network>('/v1/analytics/network'), client.get<Reach>('/v1/analytics/reach')]);
  const pseudonymised = network.scope === 'pseudonymised';
  const colours = communityColours(network.nodes.map((n) => n.community));
  const sectorLabel = new Map(reach.sectors.map((s) => [s.letter, s.label]));

  if (network.nodes.length === 0) {
    replace(ctx.root, h('h1', {}, 'Network map'), h('p', { class: 'empty' }, 'The network is empty: import people, organisations and ties first (bridgework import).'));
    return () => undefined;
  }

  // ---- the graph ----
  const graph = new UndirectedGraph<NodeAttrs, EdgeAttrs>();
  let maxB = 0;
  for (const n of network.nodes) maxB = Math.max(maxB, n.betweenness);
  // Large networks get smaller dots: less overlap in the drawing, and fewer pixels to fill in each frame.
  const nodeScale = Math.min(1, Math.max(MAP_DEFAULTS.minNodeScale, Math.sqrt(MAP_DEFAULTS.fullSizeUpTo / network.nodes.length)));
  network.nodes.forEach((n, i) =>
    graph.addNode(String(i), {
      x: n.x,
      y: n.y,
      size: nodeScale * sizeByBetweenness(n.betweenness, maxB),
      color: colours.get(n.community) ?? '#9AA0A6',
      label: n.label,
      node: n,
    }),
  );
  // The strongest ties, up to the budget, are drawn at the overview; the others once zoomed in. The cut is the
  // budget-th largest strength (a typed-array sort); ties at the cut go to the first ones listed.
  const budget = Math.max(MAP_DEFAULTS.minTieBudget, MAP_DEFAULTS.tiesPerNode * graph.order);
  let cut = -Infinity;
  let atCut = 0;
  if (network.edges.length > budget) {
    const strengths = Float64Array.from(network.edges, (e) => e[2]).sort();
    cut = strengths[strengths.length - budget]!;
    for (let i = strengths.length - budget; i < strengths.length && strengths[i] === cut; i++) atCut++;
  }
  // Keys are the edges' indexes (addEdgeWithKey: graphology's generated keys cost a lookup loop per edge).
  network.edges.forEach(([s, t, w], i) => {
    const source = String(s);
    const target = String(t);
    if (graph.hasEdge(source, target)) return;
    const strong = w > cut || (w === cut && atCut-- > 0);
    graph.addEdgeWithKey(String(i), source, target, { color: edgeShade(w), type: strong ? 'tie' : 'weak-tie' });
  });
  const weakTies = graph.filterEdges((_e, a) => a.type === 'weak-tie').length;
  const hideOnMove = graph.size > MAP_DEFAULTS.hideOnMoveAbove;

  // ---- state: filters, highlights, selection, search ----
  const state = {
    sector: '',
    area: '',
    role: '',
    brokers: false,
    isolates: false,
    selected: null as string | null,
    found: new Set<string>(),
    /** The last search: its query as typed, its matches in order, and which one is current. */
    search: null as { query: string; matches: string[]; current: number } | null,
  };
  let visible = new Set(graph.nodes());
  /** Whether a filter hides some nodes, and whether something is highlighted (the rest faded): set by `refresh`. */
  let filtered = false;
  let lit = false;
  const computeVisible = () => {
    const keep = new Set<string>();
    const areaOrgs = new Set<string>();
    graph.forEachNode((key, a) => {
      if (state.area && a.node.type === 'organisation' && a.node.area === state.area) areaOrgs.add(key);
    });
    graph.forEachNode((key, a) => {
      const n = a.node;
      // The filters hold what the page's address or select says: any text, compared as text.
      if (state.sector && !n.sectors.some((s) => s === state.sector)) return;
      if (state.role && !(state.role === 'organisation' ? n.type === 'organisation' : n.roles.some((r) => r === state.role))) return;
      if (state.area) {
        // People's areas are not shown to analysts: a person counts as in the area through an organisation there.
        const inArea = n.area === state.area || (n.type === 'person' && n.area === null && graph.someNeighbor(key, (o) => areaOrgs.has(o)));
        if (!inArea) return;
      }
      keep.add(key);
    });
    visible = keep;
    filtered = visible.size < graph.order;
    lit = state.brokers || state.isolates || state.found.size > 0;
  };
  const highlighted = (key: string, n: NetworkNode) => (state.brokers && n.broker) || (state.isolates && n.isolate && n.roles.includes('member')) || state.found.has(key);

  // ---- layout of the screen ----
  const container = h('div', { id: 'map', class: 'map', role: 'img', 'aria-label': 'Network map (details are available from the search, the brokers list and the heatmap)' });
  const shown = h('p', { id: 'map-count', class: 'hint', 'aria-live': 'polite' });
  const tiesNote = h('p', { id: 'map-ties', class: 'hint' });
  const details = h('section', { id: 'node-details', class: 'details', 'aria-live': 'polite', 'aria-labelledby': 'details-h' }, h('h2', { id: 'details-h' }, 'Details'), h('p', { class: 'hint' }, 'Click a node, search, or pick a broker to see its measures.'));

  const searchInput = h('input', {
    id: 'search',
    name: 'search',
    type: 'search',
    autocomplete: 'off',
    placeholder: pseudonymised ? 'pseudonym or organisation' : 'name or organisation',
    'aria-describedby': 'search-hint',
    'aria-controls': 'search-matches',
  });
  const searchStatus = h('p', { id: 'search-status', class: 'hint', role: 'status', 'aria-live': 'polite' });
  const prevButton = h('button', { type: 'button', id: 'search-prev', 'aria-label': 'Previous match', 'aria-keyshortcuts': 'Shift+Enter' }, 'Previous');
  const nextButton = h('button', { type: 'button', id: 'search-next', 'aria-label': 'Next match', 'aria-keyshortcuts': 'Enter' }, 'Next');
  const stepper = h('div', { class: 'inline', role: 'group', 'aria-label': 'Step through the matches', hidden: true }, prevButton, nextButton);
  const matchList = h('ol', { id: 'search-matches', class: 'plain search-matches', 'aria-label': 'Search matches', hidden: true });
  const searchForm = h(
    'form',
    { role: 'search', class: 'field', 'aria-label': 'Search the map' },
    h('label', { for: 'search' }, 'Search'),
    h('div', { class: 'inline' }, searchInput, h('button', { type: 'submit' }, 'Find')),
    h('p', { id: 'search-hint', class: 'hint' }, `Part of ${pseudonymised ? 'a pseudonym' : 'a name'} or an organisation’s name, any case. Enter: next match; Shift+Enter: previous.`),
    searchStatus,
    stepper,
    matchList,
  );

  const sectors = [...new Set(network.nodes.flatMap((n) => n.sectors))].sort();
  const areas = [...new Set(network.nodes.map((n) => n.area).filter((a): a is string => a !== null))].sort();
  const roles = [...new Set(network.nodes.flatMap((n) => n.roles))].sort();

  let renderer: Sigma<NodeAttrs, EdgeAttrs> | null = null;
  const showCount = () => {
    shown.textContent = `Showing ${visible.size} of ${graph.order} nodes.`;
  };
  const refresh = () => {
    computeVisible();
    showCount();
    renderer?.refresh();
  };
  /** Say which ties are drawn at this zoom (only when there are weak ties to leave out). */
  let allTiesShown: boolean | null = null;
  const showTies = (ratio: number) => {
    if (weakTies === 0) return;
    const all = ratio <= MAP_DEFAULTS.allTiesAtRatio;
    if (all === allTiesShown) return;
    allTiesShown = all;
    tiesNote.textContent = all
      ? `All ${graph.size} ties are drawn at this zoom.`
      : `At this zoom the map draws the ${graph.size - weakTies} strongest of ${graph.size} ties; zoom in to see them all.`;
  };

  const brokers = network.nodes
    .map((n, i) => ({ n, key: String(i) }))
    .filter((x) => x.n.broker)
    .sort((a, b) => b.n.betweenness - a.n.betweenness)
    .slice(0, 10);
  const isolated = network.nodes.filter((n) => n.isolate && n.roles.includes('member')).length;

  const showDetails = (key: string) => {
    const n = graph.getNodeAttribute(key, 'node');
    const previous = state.selected;
    state.selected = key;
    const rows: [string, string][] = [
      ['Type', n.type === 'person' ? (pseudonymised ? 'person (pseudonymised)' : 'person') : 'organisation'],
      ...(n.roles.length > 0 ? [['Roles', n.roles.join(', ')] as [string, string]] : []),
      ['Sectors', n.sectors.map((s) => sectorLabel.get(s) ?? s).join(', ') || '–'],
      ...(n.area ? [['Area', n.area] as [string, string]] : []),
      ['Community', String(n.community)],
      ['Ties', String(n.degree)],
      ['Betweenness', decimal(n.betweenness, 4)],
      ['Constraint', decimal(n.constraint)],
      ['Weak ties', percent(n.weakTieShare)],
      ['Broker', n.broker ? 'yes' : 'no'],
      ...(n.isolate ? [['Isolated', 'yes: no ties yet'] as [string, string]] : []),
    ];
    replace(details, h('h2', { id: 'details-h' }, n.label), h('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
    repaintSelection(previous);
  };
  /** Repaint the previous and the new selection only (their position, size and order do not change). */
  const repaintSelection = (previous: string | null) => {
    const nodes = [...new Set([previous, state.selected].filter((k): k is string => k !== null))];
    if (nodes.length > 0) renderer?.refresh({ partialGraph: { nodes }, skipIndexation: true });
  };
  const focusNode = (key: string) => {
    showDetails(key);
    const d = renderer?.getNodeDisplayData(key);
    if (renderer && d) void renderer.getCamera().animate({ x: d.x, y: d.y, ratio: 0.4 }, { duration: 400 });
  };

  // ---- search: every match listed; next/previous (and Enter/Shift+Enter) step the camera and the highlight ----
  const matchButtons: HTMLButtonElement[] = [];
  const showMatch = (index: number) => {
    const search = state.search;
    if (!search || search.matches.length === 0) return;
    const count = search.matches.length;
    const i = ((index % count) + count) % count;
    matchButtons[search.current]?.removeAttribute('aria-current');
    search.current = i;
    const key = search.matches[i]!;
    const button = matchButtons[i];
    if (button) {
      button.setAttribute('aria-current', 'true');
      button.scrollIntoView({ block: 'nearest' });
    }
    const label = graph.getNodeAttribute(key, 'label');
    searchStatus.textContent =
      `${count} ${count === 1 ? 'match' : 'matches'} for “${search.query}”. Showing ${i + 1} of ${count}: ${label}` +
      `${visible.has(key) ? '' : ' (hidden by the filters)'}.`;
    focusNode(key);
  };
  const clearSearch = () => {
    state.search = null;
    state.found = new Set();
    matchButtons.length = 0;
    replace(matchList);
    searchStatus.textContent = '';
    searchStatus.classList.remove('error-text');
    stepper.hidden = true;
    matchList.hidden = true;
  };
  const runSearch = () => {
    const query = searchInput.value.trim();
    clearSearch();
    if (query === '') {
      refresh();
      return;
    }
    const q = query.toLowerCase();
    const matches = graph
      .filterNodes((_k, a) => a.label.toLowerCase().includes(q) || a.node.id.toLowerCase() === q)
      .sort((a, b) => graph.getNodeAttribute(a, 'label').localeCompare(graph.getNodeAttribute(b, 'label')) || Number(a) - Number(b));
    state.search = { query, matches, current: 0 };
    state.found = new Set(matches);
    if (matches.length === 0) {
      searchStatus.classList.add('error-text');
      searchStatus.textContent = `No match for “${query}”: no ${pseudonymised ? 'pseudonym' : 'name'} or organisation contains it.`;
      refresh();
      return;
    }
    matches.forEach((key, i) => {
      const b = h('button', { type: 'button', class: 'link-button', onclick: () => showMatch(i) }, graph.getNodeAttribute(key, 'label'));
      matchButtons.push(b);
      matchList.append(h('li', {}, b));
    });
    stepper.hidden = false;
    matchList.hidden = false;
    refresh();
    showMatch(0);
  };
  /** Step through the matches of the query in the box; a new query searches first (and shows its first match). */
  const step = (by: 1 | -1) => {
    const search = state.search;
    if (!search || search.query !== searchInput.value.trim() || search.matches.length === 0) runSearch();
    else showMatch(search.current + by);
  };
  searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    step(1);
  });
  searchInput.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    step(e.shiftKey ? -1 : 1);
  });
  prevButton.addEventListener('click', () => step(-1));
  nextButton.addEventListener('click', () => step(1));

  const exportPng = () => {
    if (!renderer) return;
    renderer.refresh(); // draw now, in this task: WebGL buffers are not kept after the frame is shown
    const canvases = renderer.getCanvases();
    const first = canvases.nodes ?? Object.values(canvases)[0];
    if (!first) return;
    const out = document.createElement('canvas');
    out.width = first.width;
    out.height = first.height;
    const g = out.getContext('2d')!;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, out.width, out.height);
    for (const id of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes']) {
      const c = canvases[id];
      if (c) g.drawImage(c, 0, 0, out.width, out.height);
    }
    out.toBlob((blob) => {
      if (blob) download(blob, 'bridgework-map.png');
      ctx.say('The map was saved as bridgework-map.png.');
    }, 'image/png');
  };
  const exportGexf = async () => {
    try {
      const blob = await client.file('/v1/export?format=gexf');
      download(blob, pseudonymised ? 'bridgework-pseudonymised.gexf' : 'bridgework.gexf');
      ctx.say('The graph was saved as GEXF (opens in Gephi).');
    } catch (e) {
      ctx.say(e instanceof ApiFailure && e.status === 403 ? 'This key may not export the graph.' : e instanceof Error ? e.message : String(e), 'error');
    }
  };

  const legend = h(
    'ul',
    { class: 'legend plain' },
    [...colours]
      .filter(([, c]) => c !== '#9AA0A6')
      .map(([community, c]) => h('li', {}, h('span', { class: 'key-dot', style: `background:${c}` }), ` community ${community}`)),
    h('li', {}, h('span', { class: 'key-dot', style: 'background:#9AA0A6' }), ' smaller communities'),
  );

  replace(
    ctx.root,
    h('h1', {}, 'Network map'),
    h(
      'p',
      { class: 'lead' },
      `${network.nodes.filter((n) => n.type === 'person').length} people and ${network.nodes.filter((n) => n.type === 'organisation').length} organisations, ${network.edges.length} ties, as of ${network.now.slice(0, 10)}. `,
      'Colour: community. Size: betweenness (how often someone lies on the shortest paths between others). Ties: darker is stronger.',
      pseudonymised ? ' People are shown as pseudonyms.' : '',
    ),
    h(
      'div',
      { class: 'map-layout' },
      h(
        'aside',
        { class: 'controls', 'aria-label': 'Map controls' },
        searchForm,
        select('filter-sector', 'Sector', [['', 'All sectors'], ...sectors.map((s) => [s, `${s} — ${sectorLabel.get(s) ?? s}`])], (v) => ((state.sector = v), refresh())),
        select('filter-area', 'Area', [['', 'All areas'], ...areas.map((a) => [a, a])], (v) => ((state.area = v), refresh())),
        select('filter-role', 'Role', [['', 'All roles'], ['organisation', 'organisations'], ...roles.map((r) => [r, r])], (v) => ((state.role = v), refresh())),
        checkbox('highlight-brokers', `Highlight brokers (${network.nodes.filter((n) => n.broker).length})`, (v) => ((state.brokers = v), refresh())),
        checkbox('highlight-isolates', `Highlight isolated members (${isolated})`, (v) => ((state.isolates = v), refresh())),
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'export-png', onclick: exportPng }, 'Save view as PNG'), h('button', { type: 'button', id: 'export-gexf', onclick: () => void exportGexf() }, 'Export graph (GEXF)')),
        h('h2', {}, 'Top brokers'),
        brokers.length === 0
          ? h('p', { class: 'empty' }, 'No brokers found.')
          : h('ol', { class: 'brokers' }, brokers.map((b) => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => focusNode(b.key) }, b.n.label), ` · community ${b.n.community}`))),
        h('h2', {}, 'Communities'),
        legend,
      ),
      h('div', { class: 'map-main' }, container, shown, tiesNote, details),
    ),
    h('section', { 'aria-labelledby': 'heatmap-h' }, h('h2', { id: 'heatmap-h' }, 'Who reaches which sectors'), heatmap(reach, colours)),
    h('section', { 'aria-labelledby': 'distributions-h' }, h('h2', { id: 'distributions-h' }, 'Distributions'), distributions(network.nodes)),
  );

  computeVisible();
  showCount();
  showTies(1);
  try {
    // Reducers run on a refresh (not per frame) over sigma's own copy of the attributes: they change it in place.
    renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
      labelRenderedSizeThreshold: 9,
      labelFont: 'system-ui, sans-serif',
      labelColor: { color: '#1b1b1b' },
      defaultEdgeColor: EDGE_SHADES[1],
      defaultNodeType: 'point',
      defaultEdgeType: 'tie',
      nodeProgramClasses: { point: NodeProgram },
      edgeProgramClasses: {
        tie: tieProgram((_p, r) => !hideOnMove || !cameraMoving(r)),
        'weak-tie': tieProgram((p, r) => p.zoomRatio <= MAP_DEFAULTS.allTiesAtRatio && !cameraMoving(r)),
      },
      // Sigma's own hideEdgesOnMove re-processes the whole graph after each drag; the tie programs skip drawing instead.
      hideLabelsOnMove: hideOnMove,
      zIndex: true,
      nodeReducer: (key, data) => {
        const out: NodeAttrs & Partial<NodeDisplayData> = data;
        if (!visible.has(key)) {
          out.hidden = true;
          return out;
        }
        const n = data.node;
        // Pseudonyms say nothing at a glance: people's labels appear only when highlighted or selected.
        if (pseudonymised && n.type === 'person') out.label = '';
        if (lit) {
          if (highlighted(key, n)) Object.assign(out, { label: n.label, zIndex: 2, size: Math.max(data.size, 6) });
          else Object.assign(out, { color: FADED, label: '', zIndex: 0 });
        }
        if (state.selected === key) Object.assign(out, { label: n.label, highlighted: true, forceLabel: true });
        return out;
      },
      edgeReducer: (edge, data) => {
        const out: EdgeAttrs & Partial<EdgeDisplayData> = data;
        if (filtered && (!visible.has(graph.source(edge)) || !visible.has(graph.target(edge)))) out.hidden = true;
        else if (lit) out.color = EDGE_FADED;
        return out;
      },
    });
    const r = renderer;
    r.on('clickNode', ({ node }) => showDetails(node));
    r.on('clickStage', () => {
      const previous = state.selected;
      state.selected = null;
      repaintSelection(previous);
    });
    // After a drag that ended at rest (no inertia, so no camera update), draw the ties left out while it moved.
    if (hideOnMove) r.getMouseCaptor().on('mouseup', () => setTimeout(() => r.scheduleRender(), 0));
    r.getCamera().on('updated', (s) => showTies(s.ratio));
  } catch (e) {
    replace(container, h('p', { class: 'error-text' }, `This browser cannot draw the map (WebGL is not available: ${e instanceof Error ? e.message : String(e)}). The heatmap and lists below still work.`));
  }
  return () => renderer?.kill();
}
