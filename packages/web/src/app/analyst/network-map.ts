/**
 * The analyst's network map: the whole network drawn with sigma.js (WebGL) from a graphology graph, laid out on the
 * server (ForceAtlas2: Jacomy et al. 2014), coloured by Louvain community (Blondel et al. 2008) and sized by
 * betweenness (Freeman 1977). Filters by sector, area and role; search; brokers (high betweenness, low constraint:
 * Burt 1992) and isolated members highlighted; a click shows a node's measures (people as pseudonyms for analyst
 * keys); the community × sector heatmap; the view as PNG and the graph as GEXF.
 */
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
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
  size: number;
  color: string;
}

const FADED = '#dde1e6';
const EDGE = '#c3c9d2';

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
  const maxB = Math.max(...network.nodes.map((n) => n.betweenness));
  network.nodes.forEach((n, i) =>
    graph.addNode(String(i), { x: n.x, y: n.y, size: sizeByBetweenness(n.betweenness, maxB), color: colours.get(n.community) ?? '#9AA0A6', label: n.label, node: n }),
  );
  for (const [s, t, w] of network.edges) if (!graph.hasEdge(String(s), String(t))) graph.addEdge(String(s), String(t), { size: 0.3 + 1.2 * w, color: EDGE });

  // ---- state: filters, highlights, selection ----
  const state = { sector: '', area: '', role: '', brokers: false, isolates: false, selected: null as string | null, found: new Set<string>() };
  let visible = new Set(graph.nodes());
  const computeVisible = () => {
    const keep = new Set<string>();
    const areaOrgs = new Set<string>();
    graph.forEachNode((key, a) => {
      if (state.area && a.node.type === 'organisation' && a.node.area === state.area) areaOrgs.add(key);
    });
    graph.forEachNode((key, a) => {
      const n = a.node;
      if (state.sector && !n.sectors.includes(state.sector)) return;
      if (state.role && !(state.role === 'organisation' ? n.type === 'organisation' : n.roles.includes(state.role))) return;
      if (state.area) {
        // People's areas are not shown to analysts: a person counts as in the area through an organisation there.
        const inArea = n.area === state.area || (n.type === 'person' && n.area === null && graph.someNeighbor(key, (o) => areaOrgs.has(o)));
        if (!inArea) return;
      }
      keep.add(key);
    });
    visible = keep;
  };
  const highlighting = () => state.brokers || state.isolates || state.found.size > 0;
  const highlighted = (key: string, n: NetworkNode) => (state.brokers && n.broker) || (state.isolates && n.isolate && n.roles.includes('member')) || state.found.has(key);

  // ---- layout of the screen ----
  const container = h('div', { id: 'map', class: 'map', role: 'img', 'aria-label': 'Network map (details are available from the search, the brokers list and the heatmap)' });
  const shown = h('p', { id: 'map-count', class: 'hint', 'aria-live': 'polite' });
  const details = h('section', { id: 'node-details', class: 'details', 'aria-live': 'polite', 'aria-labelledby': 'details-h' }, h('h2', { id: 'details-h' }, 'Details'), h('p', { class: 'hint' }, 'Click a node, search, or pick a broker to see its measures.'));
  const searchInput = h('input', { id: 'search', name: 'search', type: 'search', autocomplete: 'off', placeholder: pseudonymised ? 'pseudonym or organisation' : 'name or organisation' });
  const searchResult = h('div', { class: 'search-result', 'aria-live': 'polite' });
  const searchForm = h('form', { role: 'search', class: 'field' }, h('label', { for: 'search' }, 'Search'), h('div', { class: 'inline' }, searchInput, h('button', { type: 'submit' }, 'Find')), searchResult);

  const sectors = [...new Set(network.nodes.flatMap((n) => n.sectors))].sort();
  const areas = [...new Set(network.nodes.map((n) => n.area).filter((a): a is string => a !== null))].sort();
  const roles = [...new Set(network.nodes.flatMap((n) => n.roles))].sort();

  let renderer: Sigma<NodeAttrs, EdgeAttrs> | null = null;
  const refresh = () => {
    computeVisible();
    shown.textContent = `Showing ${visible.size} of ${graph.order} nodes.`;
    renderer?.refresh();
  };

  const brokers = network.nodes
    .map((n, i) => ({ n, key: String(i) }))
    .filter((x) => x.n.broker)
    .sort((a, b) => b.n.betweenness - a.n.betweenness)
    .slice(0, 10);
  const isolated = network.nodes.filter((n) => n.isolate && n.roles.includes('member')).length;

  const showDetails = (key: string) => {
    const n = graph.getNodeAttribute(key, 'node');
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
    renderer?.refresh();
  };
  const focusNode = (key: string) => {
    showDetails(key);
    const d = renderer?.getNodeDisplayData(key);
    if (renderer && d) void renderer.getCamera().animate({ x: d.x, y: d.y, ratio: 0.4 }, { duration: 400 });
  };

  searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = searchInput.value.trim().toLowerCase();
    state.found = new Set();
    if (q === '') {
      replace(searchResult);
      refresh();
      return;
    }
    const matches = graph.filterNodes((_k, a) => a.label.toLowerCase().includes(q) || a.node.id.toLowerCase() === q);
    state.found = new Set(matches);
    if (matches.length === 0) replace(searchResult, h('p', { class: 'error-text' }, `Nothing matches “${searchInput.value.trim()}”.`));
    else {
      replace(
        searchResult,
        h('p', { class: 'hint' }, `${matches.length} match${matches.length === 1 ? '' : 'es'}${matches.length > 8 ? ' (first 8 listed)' : ''}:`),
        h('ul', { class: 'plain' }, matches.slice(0, 8).map((k) => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => focusNode(k) }, graph.getNodeAttribute(k, 'label'))))),
      );
      focusNode(matches[0]!);
    }
    refresh();
  });

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
      'Colour: community. Size: betweenness (how often someone lies on the shortest paths between others).',
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
      h('div', { class: 'map-main' }, container, shown, details),
    ),
    h('section', { 'aria-labelledby': 'heatmap-h' }, h('h2', { id: 'heatmap-h' }, 'Who reaches which sectors'), heatmap(reach, colours)),
    h('section', { 'aria-labelledby': 'distributions-h' }, h('h2', { id: 'distributions-h' }, 'Distributions'), distributions(network.nodes)),
  );

  try {
    renderer = new Sigma(graph, container, {
      labelRenderedSizeThreshold: 9,
      labelFont: 'system-ui, sans-serif',
      labelColor: { color: '#1b1b1b' },
      defaultEdgeColor: EDGE,
      zIndex: true,
      nodeReducer: (key, data) => {
        if (!visible.has(key)) return { ...data, hidden: true };
        const n = data.node;
        const out: Partial<typeof data> & { highlighted?: boolean; forceLabel?: boolean; zIndex?: number } = { ...data };
        // Pseudonyms say nothing at a glance: people's labels appear only when highlighted or selected.
        if (pseudonymised && n.type === 'person') out.label = '';
        if (highlighting() && !highlighted(key, n)) Object.assign(out, { color: FADED, label: '', zIndex: 0 });
        else if (highlighting()) out.label = data.label;
        else if (highlighting()) Object.assign(out, { forceLabel: true, zIndex: 2, size: Math.max(data.size, 7) });
        if (state.selected === key) Object.assign(out, { label: data.label, highlighted: true, forceLabel: true, zIndex: 3 });
        return out;
      },
      edgeReducer: (edge, data) => {
        const [s, t] = graph.extremities(edge);
        if (!visible.has(s) || !visible.has(t)) return { ...data, hidden: true };
        return highlighting() ? { ...data, color: '#eceff3' } : data;
      },
    });
    renderer.on('clickNode', ({ node }) => showDetails(node));
    renderer.on('clickStage', () => {
      state.selected = null;
      renderer?.refresh();
    });
  } catch (e) {
    replace(container, h('p', { class: 'error-text' }, `This browser cannot draw the map (WebGL is not available: ${e instanceof Error ? e.message : String(e)}). The heatmap and lists below still work.`));
  }
  refresh();
  return () => renderer?.kill();
}
