import { describe, expect, it } from '@jest/globals';
import { BridgeworkError, type NetworkAnalysis, type NodeMeasures } from '@bridgework/graph-core';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { renderHtmlReport, type ReportDrawing } from './html-report.js';
import { REPORT_SCRIPT } from './report-script.js';

const EVIL_LABEL = '<script>alert(1)</script> & "x"';
const EVIL_ID = `x<&"'>`;

// Padgett's Florentine marriage network (NetworkX's 15 families without Pazzi) plus one isolated node whose id and label
// are hostile markup. Measures are made up but consistent with the ties.
const TIES: [string, string][] = [
  ['Acciaiuoli', 'Medici'],
  ['Medici', 'Barbadori'],
  ['Medici', 'Ridolfi'],
  ['Medici', 'Tornabuoni'],
  ['Medici', 'Albizzi'],
  ['Medici', 'Salviati'],
  ['Castellani', 'Peruzzi'],
  ['Castellani', 'Strozzi'],
  ['Castellani', 'Barbadori'],
  ['Peruzzi', 'Strozzi'],
  ['Peruzzi', 'Bischeri'],
  ['Strozzi', 'Ridolfi'],
  ['Strozzi', 'Bischeri'],
  ['Ridolfi', 'Tornabuoni'],
  ['Tornabuoni', 'Guadagni'],
  ['Albizzi', 'Ginori'],
  ['Albizzi', 'Guadagni'],
  ['Bischeri', 'Guadagni'],
  ['Guadagni', 'Lamberteschi'],
];
const BETWEENNESS: Record<string, number> = {
  Medici: 0.522, Guadagni: 0.255, Albizzi: 0.212, Ridolfi: 0.114, Bischeri: 0.104, Strozzi: 0.103,
  Barbadori: 0.093, Tornabuoni: 0.092, Castellani: 0.055, Peruzzi: 0.022,
};
const CONSTRAINT: Record<string, number | null> = {
  Medici: 0.21, Guadagni: 0.28, Strozzi: 0.33, Albizzi: 0.37, Tornabuoni: 0.4, Ridolfi: 0.35, Castellani: 0.4,
  Peruzzi: 0.47, Bischeri: 0.39, Barbadori: 0.5, Salviati: 1, Acciaiuoli: 1, Ginori: 1, Lamberteschi: 1, [EVIL_ID]: null,
};
const COMMUNITY: Record<string, number> = {
  Medici: 0, Acciaiuoli: 0, Barbadori: 0, Salviati: 0, Ridolfi: 0, Tornabuoni: 0, Albizzi: 0, Ginori: 0,
  Castellani: 1, Peruzzi: 1, Strozzi: 1, Bischeri: 1, Guadagni: 1, Lamberteschi: 1, [EVIL_ID]: 2,
};
const IDS = Object.keys(CONSTRAINT);

function florentine(): NetworkAnalysis {
  const degree = new Map<string, number>(IDS.map((id) => [id, 0]));
  for (const [a, b] of TIES) {
    degree.set(a, degree.get(a)! + 1);
    degree.set(b, degree.get(b)! + 1);
  }
  const nodes: Record<string, NodeMeasures> = {};
  for (const id of IDS) {
    const d = degree.get(id)!;
    const c = CONSTRAINT[id]!;
    nodes[id] = {
      degree: d,
      strength: d,
      betweenness: BETWEENNESS[id] ?? 0,
      closeness: d / 14,
      pagerank: (d + 0.15) / 40,
      eigenvector: d / 6,
      constraint: c,
      effectiveSize: c === null ? null : d * (1 - c / 2),
      efficiency: c === null ? null : 1 - c / 2,
      hierarchy: d < 2 ? null : 0.01 * d,
      community: COMMUNITY[id]!,
    };
  }
  return {
    graph: { nodes: 15, edges: 19, components: 2, communities: 3, modularity: 0.3806 },
    nodes,
    parameters: { weighted: false, directed: false, betweenness: 'exact', closeness: 'exact', seed: 42 },
    info: Object.fromEntries(
      IDS.map((id) => [id, id === EVIL_ID ? { type: 'person' as const, label: EVIL_LABEL } : { type: 'organisation' as const, label: `${id} family`, sector: 'G' as const }]),
    ),
    sectorReach: {
      sectors: [
        { letter: 'C', label: 'Manufacturing' },
        { letter: 'G', label: 'Wholesale and retail trade; repair of motor vehicles and motorcycles' },
        { letter: 'Q', label: 'Human health and social work activities' },
      ],
      rows: [
        { community: 0, people: 8, reach: { C: 5, G: 8 } },
        { community: 1, people: 6, reach: { C: 0, G: 3, Q: 6 } },
      ],
    },
    brokers: ['Medici', 'Guadagni', 'Albizzi'].map((id) => ({
      id,
      label: `${id} family`,
      betweenness: BETWEENNESS[id]!,
      constraint: CONSTRAINT[id]!,
      community: COMMUNITY[id]!,
    })),
    isolates: [{ id: EVIL_ID, label: EVIL_LABEL }],
  };
}

function drawingOf(ids: readonly string[]): ReportDrawing {
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    ids: ids.slice(),
    x: new Float64Array(ids.map((_, i) => Math.cos(i) * 50 - 7)),
    y: ids.map((_, i) => Math.sin(i) * 20 + 3),
    edges: TIES.filter(([a, b]) => index.has(a) && index.has(b)).map(([a, b]) => [index.get(a)!, index.get(b)!]),
  };
}

const OPTIONS = { title: 'Florentine <families> & "friends"', generatedAt: '2025-06-01T10:00:00Z' };

/** The inner HTML of the element that starts with `start` up to the first `end` after it. */
function between(html: string, start: string, end: string): string {
  const i = html.indexOf(start);
  expect(i).toBeGreaterThanOrEqual(0);
  const j = html.indexOf(end, i);
  expect(j).toBeGreaterThan(i);
  return html.slice(i, j);
}

function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`${attribute}="([^"]*)"`, 'g'))].map((m) => m[1]!);
}

describe('renderHtmlReport', () => {
  const analysis = florentine();
  const drawing = drawingOf(IDS);
  const html = renderHtmlReport(analysis, drawing, OPTIONS);

  it('is one self-contained document with no external URL, import, url() or script source', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/@font-face/i);
    // Exactly the two inline scripts: the JSON data and the code.
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    // Internal anchors only.
    for (const href of attributeValues(html, 'href')) expect(href.startsWith('#')).toBe(true);
  });

  it('embeds the analysis and the drawing as JSON that parses back to the data', () => {
    const json = between(html, '<script type="application/json" id="bw-data">', '</script>').replace('<script type="application/json" id="bw-data">', '');
    expect(json).not.toContain('<');
    const data = JSON.parse(json) as { analysis: NetworkAnalysis; drawing: { ids: string[]; x: number[]; y: number[]; edges: [number, number][] } };
    expect(data.analysis).toEqual(analysis);
    expect(data.drawing.ids).toEqual(IDS);
    expect(data.drawing.edges).toEqual(drawing.edges);
    expect(data.drawing.edges).toHaveLength(19);
    // Positions are rescaled into [0, 1000] with the longer side spanning it, and keep their order.
    const xs = data.drawing.x;
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBe(1000);
    expect(Math.max(...data.drawing.y)).toBeLessThan(1000);
    const i = xs.indexOf(Math.max(...xs));
    expect(drawing.x[i]).toBe(Math.max(...Array.from(drawing.x)));
  });

  it('escapes hostile labels, ids and the title everywhere', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('alert(1)</script>');
    expect(html).toContain(escapeHtml(EVIL_LABEL));
    expect(escapeHtml(EVIL_LABEL)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).not.toContain(EVIL_ID);
    expect(html).toContain(`data-node="${escapeHtml(EVIL_ID)}"`);
    expect(html).toContain('<title>Florentine &lt;families&gt; &amp; &quot;friends&quot;</title>');
    expect(html).not.toContain('<families>');
  });

  it('draws the sector-reach heatmap with one cell per community and sector, with counts, shares and cut-off cells', () => {
    const table = between(html, '<table class="heatmap"', '</table>');
    const cells = [...table.matchAll(/<td class="reach-cell[^"]*" data-count="(\d+)" data-share="([\d.]+)" data-sector="([A-U])"/g)];
    expect(cells).toHaveLength(6);
    expect(cells.map((c) => Number(c[1]))).toEqual([5, 8, 0, 0, 3, 6]);
    expect(cells.map((c) => c[3])).toEqual(['C', 'G', 'Q', 'C', 'G', 'Q']);
    expect(cells.map((c) => Number(c[2]))).toEqual([0.625, 1, 0, 0, 0.5, 1]);
    expect(table.match(/class="reach-cell cut"/g)).toHaveLength(2);
    expect(table).toContain('63%');
    expect(table).toContain('Community 0</th><td class="num">8</td>');
    expect(table).toContain('Community 1</th><td class="num">6</td>');
    // Columns carry the sector letters and (escaped) labels; the legend explains the colours.
    expect(table.match(/<th scope="col" class="sector"/g)).toHaveLength(3);
    expect(table).toContain('Wholesale and retail trade</span>');
    expect(html).toContain('class="heat-legend"');
    expect(html).toContain('nobody reaches the sector (cut off)');
  });

  it('lists every node id in the measures table, the brokers in theirs and the isolate in its own', () => {
    const nodesTable = between(html, '<table class="sortable" id="nodes-table">', '</table>');
    for (const id of IDS) expect(nodesTable).toContain(`<td class="id">${escapeHtml(id)}</td>`);
    expect(nodesTable.match(/<tr>/g)).toHaveLength(16); // header + 15 rows
    const brokersTable = between(html, '<table class="sortable" id="brokers-table">', '</table>');
    for (const id of ['Medici', 'Guadagni', 'Albizzi']) expect(brokersTable).toContain(`data-node="${id}"`);
    expect(brokersTable.match(/<tr>/g)).toHaveLength(4);
    const isolatesTable = between(html, '<table class="sortable" id="isolates-table">', '</table>');
    expect(isolatesTable).toContain(escapeHtml(EVIL_ID));
    expect(isolatesTable).toContain(escapeHtml(EVIL_LABEL));
  });

  it('orders the measures table by betweenness with sortable, typed column headers', () => {
    const nodesTable = between(html, '<table class="sortable" id="nodes-table">', '</table>');
    const order = [...nodesTable.matchAll(/<td class="id">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(['Medici', 'Guadagni', 'Albizzi']);
    expect(nodesTable).toContain('data-type="number" aria-sort="descending"><button type="button" class="sort">Betweenness</button>');
    expect(nodesTable.match(/<button type="button" class="sort">/g)!.length).toBeGreaterThanOrEqual(12);
    // Null constraint sorts last and shows as a dash.
    expect(nodesTable).toContain('data-v="">—</td>');
  });

  it('bins degrees one per value and constraints in steps of 0.05, leaving out the isolate', () => {
    const degree = between(html, '<svg class="histogram" viewBox="0 0 560 270" role="img" aria-labelledby="degree-histogram-title', '</svg>');
    expect(attributeValues(degree, 'data-count').map(Number)).toEqual([1, 4, 1, 6, 2, 0, 1]);
    expect(attributeValues(degree, 'data-lo').map(Number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const constraint = between(html, 'aria-labelledby="constraint-histogram-title', '</svg>');
    const counts = attributeValues(constraint, 'data-count').map(Number);
    const expected = new Array<number>(20).fill(0);
    expected[4] = 1; // 0.21
    expected[5] = 1; // 0.28
    expected[6] = 1; // 0.33
    expected[7] = 3; // 0.35, 0.37, 0.39
    expected[8] = 2; // 0.40 twice
    expected[9] = 1; // 0.47
    expected[10] = 1; // 0.50
    expected[19] = 4; // 1.00, in the last bin
    expect(counts).toEqual(expected);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(14);
    expect(html).toContain('1 isolated node has no constraint');
  });

  it('shows the graph measures and parameters in the header', () => {
    const header = between(html, '<header class="report-head">', '</header>');
    expect(header).toContain('<dt>Nodes</dt><dd>15</dd>');
    expect(header).toContain('<dt>Ties</dt><dd>19</dd>');
    expect(header).toContain('<dt>Modularity</dt><dd>0.381</dd>');
    expect(header).toContain('Betweenness exact');
    expect(header).toContain('Closeness exact');
    expect(header).toContain('<span>Undirected</span>');
    expect(header).not.toContain('directed:');
    expect(header).toContain('Seed 42');
    expect(header).toContain('Generated 2025-06-01T10:00:00Z');
  });

  it('ships a script that parses and reads only the embedded data', () => {
    const inline = between(html, '<script>(function', '</script>').replace('<script>', '');
    expect(inline).toBe(REPORT_SCRIPT);
    expect(() => new Function(REPORT_SCRIPT)).not.toThrow();
    expect(REPORT_SCRIPT).not.toMatch(/innerHTML|eval\(|fetch\(|XMLHttpRequest|import\(/);
    expect(REPORT_SCRIPT).toContain("getElementById('bw-data')");
  });

  it('caps the measures table at the limit with a note, top betweenness first', () => {
    const capped = renderHtmlReport(analysis, drawing, { ...OPTIONS, tableLimit: 4 });
    const nodesTable = between(capped, '<table class="sortable" id="nodes-table">', '</table>');
    expect(nodesTable.match(/<tr>/g)).toHaveLength(5);
    expect(capped).toContain('Showing the 4 nodes with the highest betweenness of 15');
    expect(nodesTable).toContain('>Medici</td>');
    expect(nodesTable).not.toContain('>Peruzzi</td>');
  });

  it('embeds only the nodes the page shows when asked, keeping the rest of the analysis', () => {
    const out = renderHtmlReport(analysis, drawingOf(['Medici', 'Strozzi']), { ...OPTIONS, tableLimit: 2, embed: 'shown' });
    const json = between(out, '<script type="application/json" id="bw-data">', '</script>').replace('<script type="application/json" id="bw-data">', '');
    const data = JSON.parse(json) as { analysis: NetworkAnalysis };
    // Drawn (Medici, Strozzi), top 2 by betweenness (Medici, Guadagni), brokers (+ Albizzi) and the isolate.
    expect(Object.keys(data.analysis.nodes).sort()).toEqual(['Albizzi', 'Guadagni', 'Medici', 'Strozzi', EVIL_ID].sort());
    expect(Object.keys(data.analysis.info!).sort()).toEqual(Object.keys(data.analysis.nodes).sort());
    expect(data.analysis.sectorReach).toEqual(analysis.sectorReach);
    expect(data.analysis.graph).toEqual(analysis.graph);
    expect(out).toContain("Every node's measures are in the JSON output of the analysis.");
  });

  it('notes when the map shows a subset, and only links the drawn nodes to it', () => {
    const subset = renderHtmlReport(analysis, drawingOf(['Medici', 'Strozzi', 'Ridolfi']), OPTIONS);
    expect(subset).toContain('The map shows 3 of the 15 nodes and the 2 ties among them; the charts below cover every node.');
    const nodesTable = between(subset, '<table class="sortable" id="nodes-table">', '</table>');
    expect(nodesTable.match(/data-node=/g)).toHaveLength(3);
  });

  it('renders a plain analysis without domain data: ids as labels, no heatmap, brokers or isolates sections', () => {
    const plain: NetworkAnalysis = {
      graph: analysis.graph,
      nodes: analysis.nodes,
      parameters: { ...analysis.parameters, betweenness: { sampled: 64 }, closeness: { sampled: 64 } },
    };
    const out = renderHtmlReport(plain, drawing, OPTIONS);
    expect(out).toContain('Closeness estimated from 64 pivots');
    expect(out).not.toContain('class="heatmap"');
    expect(out).not.toContain('id="brokers"');
    expect(out).not.toContain('id="isolates"');
    expect(out).toContain('Betweenness sampled from 64 pivots');
    expect(out).toContain('data-node="Medici" title="Show on the map">Medici</button>');
    expect(out).not.toMatch(/https?:|url\(/i);
  });

  it('says "directed" in the header of a directed analysis, with arcs, strong components and in/out degree', () => {
    const nodes: Record<string, NodeMeasures> = {};
    for (const [id, m] of Object.entries(analysis.nodes)) nodes[id] = { ...m, inDegree: Math.floor(m.degree / 2), outDegree: m.degree - Math.floor(m.degree / 2) };
    nodes['Medici'] = { ...nodes['Medici']!, inDegree: 5, outDegree: 7, degree: 12 };
    const directed: NetworkAnalysis = {
      graph: { ...analysis.graph, edges: 31, stronglyConnectedComponents: 6, directedModularity: 0.2512 },
      nodes,
      parameters: { weighted: true, directed: true, betweenness: { sampled: 10 }, closeness: 'exact', seed: 7 },
    };
    const out = renderHtmlReport(directed, drawing, OPTIONS);
    const header = between(out, '<header class="report-head">', '</header>');
    expect(header).toContain('Bridgework network analysis — directed');
    expect(header).toContain('<span>Directed</span>');
    expect(header).toContain('<dt>Arcs</dt><dd>31</dd>');
    expect(header).toContain('<dt>Weak components</dt><dd>2</dd>');
    expect(header).toContain('<dt>Strong components</dt><dd>6</dd>');
    expect(header).toContain('<dt>Directed modularity</dt><dd>0.251</dd>');
    expect(header).toContain('Betweenness sampled from 10 pivots');
    expect(header).toContain('Closeness exact (incoming)');
    expect(header).toContain('Weighted arcs');
    const table = between(out, '<table class="sortable" id="nodes-table">', '</table>');
    const heads = [...table.matchAll(/<button type="button" class="sort">([^<]*)<\/button>/g)].map((m) => m[1]);
    expect(heads.slice(0, 5)).toEqual(['Node', 'Community', 'Degree', 'In-degree', 'Out-degree']);
    const medici = table.split('<tr>').find((row) => row.includes('>Medici</button>'))!;
    expect(medici).toContain('data-v="12"');
    expect(medici).toMatch(/data-v="5">5<\/td><td class="num" data-v="7">7</);
    expect(out).toContain('Degree (arcs in + out)');
    expect(out).toContain('without arcs out');
    // The undirected report has no in/out columns.
    expect(between(html, '<table class="sortable" id="nodes-table">', '</table>')).not.toContain('In-degree');
  });

  it('rejects a drawing whose arrays disagree, whose positions are not finite or whose edges point outside it', () => {
    expect(() => renderHtmlReport(analysis, { ...drawing, x: [1, 2] }, OPTIONS)).toThrow(BridgeworkError);
    expect(() => renderHtmlReport(analysis, { ...drawing, y: drawing.ids.map(() => Number.NaN) }, OPTIONS)).toThrow(/finite/);
    expect(() => renderHtmlReport(analysis, { ...drawing, edges: [[0, 15]] }, OPTIONS)).toThrow(/edge 0/);
    expect(() => renderHtmlReport(analysis, { ids: ['a', 'a'], x: [0, 1], y: [0, 1], edges: [] }, OPTIONS)).toThrow(/twice/);
  });
});

describe('jsonForScript', () => {
  it('escapes what could end or confuse a script element and parses back to the same value', () => {
    const value = { s: '</script><!-- & \u2028\u2029 >', n: [1.5, 0, 1e-12, -3] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
