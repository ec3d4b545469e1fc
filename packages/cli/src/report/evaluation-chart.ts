/**
 * The link-prediction evaluation as a picture: every method a point, how often its top k holds a new contact
 * (hits@k, up) against how far it reaches (the share of its suggestions in communities new to the person, right).
 * The goal of the matcher issue is a region — at least 10% more hits than the best baseline, at least resource
 * allocation's reach — shaded top right; the matcher profiles carry their paired 95% bootstrap interval, and with
 * `--hindsight` a dotted line runs from each profile to its ceiling (the model fitted on the test period itself).
 * A standalone SVG (its own style), for a file or a page.
 */
import type { LinkPredictionResult, MethodMetrics } from '@bridgework/matcher';
import { escapeHtml } from './html-escape.js';

/** Options of `renderEvaluationChart`. */
export interface EvaluationChartOptions {
  /** What was evaluated (the file names), for the title. */
  source: string;
}

const W = 760;
const H = 520;
const M = { top: 48, right: 24, bottom: 100, left: 64 };
const CHAR = 6.3; // estimated width of a character at the label size
const LINE = 12;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The files named briefly: a generic file name (edges.tsv) by its folder, then cut to fit the title line. */
export function shortSource(source: string, max = 70): string {
  const short = source
    .split(' + ')
    .map((file) => {
      const parts = file.split(/[\\/]/).filter((x) => x !== '');
      const name = parts[parts.length - 1] ?? file;
      return /^edges\.(tsv|csv|txt)$/i.test(name) && parts.length > 1 ? parts[parts.length - 2]! : name;
    })
    .join(' + ');
  return short.length > max ? `${short.slice(0, max - 1)}…` : short;
}

/** The opening of a standalone chart: the svg element (role img, titled and described) and the start of its style. */
function svgStart(id: string, width: number, height: number, title: string, description: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${id}-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`,
    '<style>',
    'text { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; fill: #1b1b1b; }',
    '.tick { font-size: 11px; fill: #555; } .heading { font-size: 14px; font-weight: 600; } .note { font-size: 10.5px; fill: #444; }',
    '.grid { stroke: #e3e6ea; stroke-width: 1; } .axis { stroke: #333; stroke-width: 1; }',
  ];
}

/** A round upper end for an axis holding `max` (steps of 0.1, at least 0.1). */
function axisTop(max: number): number {
  return Math.max(0.1, Math.ceil((max + 0.02) * 10) / 10);
}

/**
 * The evaluation as an SVG scatter of hits@k against the novel-community share (role img, with a title and a
 * description). Each method's point carries `data-method`, `data-hits` and `data-novel`; the goal region
 * `data-min-hits` and `data-min-novel`. Labels are placed so that they do not overlap each other or the points.
 */
export function renderEvaluationChart(r: LinkPredictionResult, o: EvaluationChartOptions): string {
  const k = r.k;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const methods = Object.entries(r.methods);
  const profiles = methods.filter(([name]) => name.startsWith('matcher:'));
  const baselines = methods.filter(([name]) => !name.startsWith('matcher:'));
  const first = Object.values(r.comparisons)[0];
  const best = first ? r.methods[first.against] : undefined;
  const reference = r.methods['resource-allocation'];
  const hindsight = r.hindsight ? Object.entries(r.hindsight.methods) : [];

  const allHits = [...methods.map(([, m]) => m.hitsAtK), r.linkModel.metrics.hitsAtK, ...hindsight.map(([, m]) => m.hitsAtK)];
  for (const c of Object.values(r.comparisons)) if (best && Number.isFinite(c.interval[1])) allHits.push(best.hitsAtK * c.interval[1]);
  if (best && first) allHits.push(best.hitsAtK * first.target);
  const yTop = axisTop(Math.max(...allHits));
  const xTop = 1;
  const px = (novel: number) => M.left + (Math.min(novel, xTop) / xTop) * plotW;
  const py = (hits: number) => M.top + plotH - (Math.min(hits, yTop) / yTop) * plotH;
  const f3 = (x: number) => x.toFixed(3);

  const parts: string[] = [];
  const title = `Link prediction: hits@${k} against reach`;
  const description =
    `${o.source}. Each method is a point: up, the share of the ${r.queries} people with a new contact in its top ${k} (hits@${k}); right, the share of its ` +
    `top ${k} in communities new to the person. ` +
    (best && first && reference
      ? `The shaded region is the goal: at least ${Math.round((first.target - 1) * 100)}% more hits than the best baseline (${first.against}, ${f3(best.hitsAtK)}) ` +
        `and at least resource allocation's reach (${f3(reference.novelCommunityShare)}). `
      : '') +
    methods.map(([name, m]) => `${name}: hits ${f3(m.hitsAtK)}, reach ${f3(m.novelCommunityShare)}`).join('; ') +
    '.';
  parts.push(
    ...svgStart('evaluation', W, H, title, description),
    '.axis-label { font-size: 12px; } .label { font-size: 11px; }',
    '.goal { fill: #2e7d32; fill-opacity: 0.09; stroke: #2e7d32; stroke-opacity: 0.5; stroke-dasharray: 4 3; }',
    '.goal-label { font-size: 11px; fill: #2e7d32; }',
    '.baseline { fill: #8a8f98; } .profile { fill: #0b57a4; } .likelihood { fill: #0b57a4; fill-opacity: 0.45; }',
    '.hindsight { fill: #fff; stroke: #0b57a4; stroke-width: 1.5; } .to-hindsight { stroke: #0b57a4; stroke-dasharray: 2 3; stroke-width: 1.2; }',
    '.interval { stroke: #0b57a4; stroke-width: 1.5; } .leader { stroke: #8a8f98; stroke-width: 0.8; }',
    '</style>',
    `<text class="heading" x="${M.left}" y="20">${escapeHtml(title)}</text>`,
    `<text class="note" x="${M.left}" y="36">${escapeHtml(`${shortSource(o.source)} — ${r.queries} people, ${r.testPairs} new ties in the last ${Math.round(r.testFraction * 100)}% of events${r.historyFraction < 1 ? ` of the first ${Math.round(r.historyFraction * 100)}% of the history` : ''}`)}</text>`,
  );

  // Grid and axes.
  for (let t = 0; t <= yTop + 1e-9; t += 0.1) {
    const y = py(t).toFixed(1);
    parts.push(`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}"/>`, `<text class="tick" x="${M.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${t.toFixed(1)}</text>`);
  }
  for (let t = 0; t <= xTop + 1e-9; t += 0.1) {
    const x = px(t).toFixed(1);
    parts.push(`<line class="grid" x1="${x}" x2="${x}" y1="${M.top}" y2="${M.top + plotH}"/>`, `<text class="tick" x="${x}" y="${M.top + plotH + 16}" text-anchor="middle">${t.toFixed(1)}</text>`);
  }
  parts.push(
    `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${M.top + plotH}" y2="${M.top + plotH}"/>`,
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + plotH}"/>`,
    `<text class="axis-label" x="${M.left + plotW / 2}" y="${M.top + plotH + 36}" text-anchor="middle">Reach: share of the top ${k} in communities new to the person</text>`,
    `<text class="axis-label" transform="translate(16 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle">hits@${k}: people with a new contact in the top ${k}</text>`,
  );

  // Where labels may not go: the points, and the labels already placed.
  const taken: Box[] = [];
  const place = (x: number, y: number, text: string, cls: string): string => {
    const w = text.length * CHAR;
    // Beside the point first, then further up or down (with a leader line back to the point).
    const candidates: Array<[number, number, 'start' | 'end']> = [];
    for (const dy of [0, -12, 12, -24, 24, -36, 36, -48, 48, -60, 60]) {
      candidates.push([x + 8, y + 4 + dy, 'start'], [x - 8, y + 4 + dy, 'end']);
    }
    const inside = (b: Box) => b.x >= M.left + 2 && b.x + b.w <= W - 4 && b.y >= M.top && b.y + b.h <= M.top + plotH - 2;
    const boxOf = ([tx, ty, anchor]: [number, number, 'start' | 'end']): Box => ({ x: anchor === 'start' ? tx : tx - w, y: ty - LINE + 2, w, h: LINE });
    const chosen = candidates.find((c) => inside(boxOf(c)) && !taken.some((b) => overlaps(b, boxOf(c)))) ?? candidates.find((c) => inside(boxOf(c))) ?? candidates[0]!;
    taken.push(boxOf(chosen));
    const [tx, ty, anchor] = chosen;
    const leader = Math.abs(ty - 4 - y) > 8 ? `<line class="leader" x1="${x.toFixed(1)}" y1="${y.toFixed(1)}" x2="${(tx + (anchor === 'start' ? -2 : 2)).toFixed(1)}" y2="${(ty - 4).toFixed(1)}"/>` : '';
    return `${leader}<text class="${cls}" x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" text-anchor="${anchor}">${escapeHtml(text)}</text>`;
  };
  const point = (m: MethodMetrics) => ({ x: px(m.novelCommunityShare), y: py(m.hitsAtK) });
  for (const [, m] of [...methods, ['', r.linkModel.metrics] as const, ...hindsight]) {
    const { x, y } = point(m);
    taken.push({ x: x - 6, y: y - 6, w: 12, h: 12 });
  }

  // The intervals' bars too.
  for (const [name] of profiles) {
    const c = r.comparisons[name];
    const m = r.methods[name]!;
    if (c && best && Number.isFinite(c.interval[0]) && Number.isFinite(c.interval[1])) {
      const [top, bottom] = [py(best.hitsAtK * c.interval[1]), py(best.hitsAtK * c.interval[0])];
      taken.push({ x: px(m.novelCommunityShare) - 5, y: top, w: 10, h: bottom - top });
    }
  }

  // The goal region.
  if (best && first && reference) {
    const minHits = best.hitsAtK * first.target;
    const minNovel = reference.novelCommunityShare;
    const x = px(minNovel);
    const y = py(Math.min(minHits, yTop));
    parts.push(
      `<rect class="goal" x="${x.toFixed(1)}" y="${M.top}" width="${(W - M.right - x).toFixed(1)}" height="${Math.max(0, y - M.top).toFixed(1)}" ` +
        `data-min-hits="${minHits}" data-min-novel="${minNovel}"><title>${escapeHtml(`The goal: hits@${k} ≥ ${f3(minHits)} (best baseline × ${first.target}) and reach ≥ ${f3(minNovel)} (resource allocation)`)}</title></rect>`,
    );
    const label = `goal: +${Math.round((first.target - 1) * 100)}% hits over ${first.against}, reach ≥ resource allocation`;
    const lx = Math.min(W - M.right - 6, Math.max(x + 6 + label.length * CHAR, x + 6));
    taken.push({ x: lx - label.length * CHAR, y: M.top + 2, w: label.length * CHAR, h: LINE });
    parts.push(`<text class="goal-label" x="${lx.toFixed(1)}" y="${M.top + 13}" text-anchor="end">${escapeHtml(label)}</text>`);
  }

  // Profiles: their interval, and the way to their ceiling in hindsight.
  const labels: string[] = [];
  for (const [name, m] of profiles) {
    const { x, y } = point(m);
    const c = r.comparisons[name];
    if (c && best && Number.isFinite(c.interval[0]) && Number.isFinite(c.interval[1])) {
      const [lo, hi] = [py(best.hitsAtK * c.interval[0]), py(best.hitsAtK * c.interval[1])];
      parts.push(
        `<line class="interval" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${lo.toFixed(1)}" y2="${hi.toFixed(1)}" data-method="${escapeHtml(name)}" data-lo="${best.hitsAtK * c.interval[0]}" data-hi="${best.hitsAtK * c.interval[1]}"/>`,
        `<line class="interval" x1="${(x - 4).toFixed(1)}" x2="${(x + 4).toFixed(1)}" y1="${lo.toFixed(1)}" y2="${lo.toFixed(1)}"/>`,
        `<line class="interval" x1="${(x - 4).toFixed(1)}" x2="${(x + 4).toFixed(1)}" y1="${hi.toFixed(1)}" y2="${hi.toFixed(1)}"/>`,
      );
    }
    const h = r.hindsight?.methods[name];
    if (h) {
      const p = point(h);
      parts.push(`<line class="to-hindsight" x1="${x.toFixed(1)}" y1="${y.toFixed(1)}" x2="${p.x.toFixed(1)}" y2="${p.y.toFixed(1)}"/>`);
    }
  }
  const marker = (name: string, m: MethodMetrics, cls: string, r0: number, label: string | null) => {
    const { x, y } = point(m);
    parts.push(
      `<circle class="${cls}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r0}" data-method="${escapeHtml(name)}" data-hits="${m.hitsAtK}" data-novel="${m.novelCommunityShare}">` +
        `<title>${escapeHtml(`${name}: hits@${k} ${f3(m.hitsAtK)}, reach ${f3(m.novelCommunityShare)}, MRR ${f3(m.mrr)}`)}</title></circle>`,
    );
    if (label !== null) labels.push(place(x, y, label, 'label'));
  };
  // Profiles are labelled first (they get the best places), then the baselines.
  for (const [name, m] of hindsight) marker(`${name} (hindsight)`, m, 'hindsight', 4.5, null);
  for (const [name, m] of profiles) marker(name, m, 'profile', 5, name);
  marker('likelihood alone', r.linkModel.metrics, 'likelihood', 4, 'likelihood alone');
  for (const [name, m] of baselines) marker(name, m, 'baseline', 4.5, name);
  parts.push(...labels);

  // Legend, one entry a line below the axis.
  const legend: Array<[string, string]> = [
    ['baseline', 'baselines'],
    ['profile', 'matcher profiles; bar: paired 95% bootstrap interval of the gain over the best baseline, drawn at its hits × gain'],
  ];
  if (hindsight.length > 0) legend.push(['hindsight', 'the same profile in hindsight (link model fitted on the test period itself: a ceiling, not a forecast)']);
  legend.forEach(([cls, text], i) => {
    const ly = M.top + plotH + 56 + i * 14;
    parts.push(`<circle class="${cls}" cx="${M.left + 4}" cy="${ly - 4}" r="4"/>`, `<text class="note" x="${M.left + 14}" y="${ly}">${escapeHtml(text)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * A rolling-origin evaluation as a picture: one row per run (the first share of the history it ran on), the gain of
 * `matcher:balanced` over that run's best baseline in hits@k with its paired 95% bootstrap interval, lines at no
 * gain and at the goal, and — when the runs have it — the gain in hindsight as a hollow point (the ceiling of the
 * link model's features on that run). Each row's point carries `data-history`, `data-gain`, `data-lo`, `data-hi`.
 */
export function renderRollingChart(runs: readonly LinkPredictionResult[], o: EvaluationChartOptions): string {
  const rowH = 34;
  const top = 70;
  const left = 120;
  const right = 200;
  const width = 760;
  const plotH = rowH * runs.length;
  const height = top + plotH + 92;
  const plotW = width - left - right;
  const profile = 'matcher:balanced';
  const rows = runs.map((r) => {
    const c = r.comparisons[profile];
    const best = c ? r.methods[c.against] : undefined;
    const h = r.hindsight?.methods[profile];
    return { r, c, hindsight: h && best && best.hitsAtK > 0 ? h.hitsAtK / best.hitsAtK : null };
  });
  const finite = (x: number) => (Number.isFinite(x) ? x : 1);
  const values = rows.flatMap(({ c, hindsight }) => [...(c ? [finite(c.interval[0]), finite(c.interval[1]), finite(c.gain)] : []), ...(hindsight === null ? [] : [hindsight])]);
  const target = rows.find((x) => x.c)?.c?.target ?? 1.1;
  const lo = Math.min(0.9, Math.floor((Math.min(...values, 1) - 0.02) * 20) / 20);
  const hi = Math.max(target + 0.1, Math.ceil((Math.max(...values, target) + 0.02) * 20) / 20);
  const px = (g: number) => left + ((Math.min(Math.max(g, lo), hi) - lo) / (hi - lo)) * plotW;
  const pct = (g: number) => (Math.abs(g - 1) < 0.005 ? '0%' : `${g >= 1 ? '+' : '−'}${Math.abs((g - 1) * 100).toFixed(0)}%`);
  const title = `${profile} against the best baseline, run by run`;
  const description =
    `${o.source}. For each first share of the history, the gain in hits@${runs[0]?.k ?? 10} of ${profile} over that run's best baseline, with its paired 95% bootstrap interval: ` +
    rows.map(({ r, c }) => `${r.historyFraction === 1 ? 'all' : `first ${Math.round(r.historyFraction * 100)}%`}: ${c ? `${pct(c.gain)} (${pct(c.interval[0])} to ${pct(c.interval[1])})` : 'no comparison'}`).join('; ') +
    '.';
  const parts: string[] = [
    ...svgStart('rolling', width, height, title, description),
    '.row-label { font-size: 12px; } .row-note { font-size: 11px; fill: #444; }',
    '.none { stroke: #555; stroke-width: 1.2; } .goal { stroke: #2e7d32; stroke-width: 1.5; stroke-dasharray: 5 3; }',
    '.goal-label { font-size: 11px; fill: #2e7d32; } .none-label { font-size: 11px; fill: #555; }',
    '.interval { stroke: #0b57a4; stroke-width: 2; } .gain { fill: #0b57a4; } .hindsight { fill: #fff; stroke: #0b57a4; stroke-width: 1.5; }',
    '</style>',
    `<text class="heading" x="20" y="22">${escapeHtml(title)}</text>`,
    `<text class="note" x="20" y="40">${escapeHtml(`${shortSource(o.source)} — hits@${runs[0]?.k ?? 10}; each run's test period is the last ${Math.round((runs[0]?.testFraction ?? 0.2) * 100)}% of its own stretch`)}</text>`,
  ];
  for (let g = Math.ceil(lo * 10) / 10; g <= hi + 1e-9; g = Math.round((g + 0.1) * 10) / 10) {
    const x = px(g).toFixed(1);
    parts.push(`<line class="grid" x1="${x}" x2="${x}" y1="${top}" y2="${top + plotH}"/>`, `<text class="tick" x="${x}" y="${top + plotH + 16}" text-anchor="middle">${escapeHtml(pct(g))}</text>`);
  }
  const x1 = px(1).toFixed(1);
  const xt = px(target).toFixed(1);
  parts.push(
    `<line class="none" x1="${x1}" x2="${x1}" y1="${top - 8}" y2="${top + plotH}"/>`,
    `<text class="none-label" x="${x1}" y="${top - 12}" text-anchor="end">no gain</text>`,
    `<line class="goal" x1="${xt}" x2="${xt}" y1="${top - 8}" y2="${top + plotH}" data-target="${target}"/>`,
    `<text class="goal-label" x="${xt}" y="${top - 12}" text-anchor="start">goal ${escapeHtml(pct(target))}</text>`,
    `<line class="axis" x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}"/>`,
    `<text class="tick" x="${left + plotW / 2}" y="${top + plotH + 36}" text-anchor="middle">gain in hits@${runs[0]?.k ?? 10} over the run's best baseline</text>`,
  );
  rows.forEach(({ r, c, hindsight }, i) => {
    const y = top + i * rowH + rowH / 2;
    const label = r.historyFraction === 1 ? 'all of the history' : `first ${Math.round(r.historyFraction * 100)}%`;
    parts.push(`<text class="row-label" x="${left - 12}" y="${y + 4}" text-anchor="end">${escapeHtml(label)}</text>`);
    if (!c) return;
    const [a, b] = [px(finite(c.interval[0])), px(finite(c.interval[1]))];
    parts.push(
      `<line class="interval" x1="${a.toFixed(1)}" x2="${b.toFixed(1)}" y1="${y}" y2="${y}"/>`,
      `<circle class="gain" cx="${px(finite(c.gain)).toFixed(1)}" cy="${y}" r="5" data-history="${r.historyFraction}" data-gain="${c.gain}" data-lo="${c.interval[0]}" data-hi="${c.interval[1]}">` +
        `<title>${escapeHtml(`${label}: ${pct(c.gain)} over ${c.against} (95% interval ${pct(c.interval[0])} to ${pct(c.interval[1])}), ${c.wins} wins / ${c.losses} losses, McNemar p ${c.pValue < 0.001 ? '< 0.001' : c.pValue.toFixed(3)}`)}</title></circle>`,
    );
    if (hindsight !== null) parts.push(`<circle class="hindsight" cx="${px(hindsight).toFixed(1)}" cy="${y}" r="4.5" data-history="${r.historyFraction}" data-gain="${hindsight}"/>`);
    parts.push(`<text class="row-note" x="${left + plotW + 12}" y="${y + 4}">${escapeHtml(`${pct(c.gain)} · p ${c.pValue < 0.001 ? '< 0.001' : c.pValue.toFixed(3)} · ${r.queries} people`)}</text>`);
  });
  const legendY = top + plotH + 60;
  parts.push(
    `<circle class="gain" cx="24" cy="${legendY - 4}" r="4"/>`,
    `<text class="note" x="34" y="${legendY}">${escapeHtml(`${profile}: its gain; the bar is the paired 95% bootstrap interval over the run's query people`)}</text>`,
  );
  if (rows.some((x) => x.hindsight !== null)) {
    parts.push(`<circle class="hindsight" cx="24" cy="${legendY + 10}" r="4"/>`, `<text class="note" x="34" y="${legendY + 14}">the gain in hindsight: the link model fitted on that run's test period itself (a ceiling, not a forecast)</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
