/**
 * The distributions of the people's degree (number of ties) and Burt's constraint (Burt 1992: how far a person's
 * contacts are tied to each other) as histograms drawn in inline SVG, each with the same counts as a <table> for screen
 * readers and for anyone who wants the numbers.
 */
import { h, svg } from '../dom.js';
import { constraintBins, degreeBins, type HistogramBin } from '../format.js';
import type { NetworkNode } from '../types.js';

const BAR = '#0b4f9c'; // 8.6:1 against white
const INK = '#1b1b1b';
const GRID = '#c9ced6';

/** One histogram: an SVG (role img, summarised in its label) and a table with every bin's count. */
function histogram(id: string, title: string, xLabel: string, bins: HistogramBin[], extra: HistogramBin | null): HTMLElement {
  const W = 440;
  const H = 220;
  const m = { left: 44, right: 10, top: 12, bottom: 52 };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bw = bins.length > 0 ? plotW / bins.length : plotW;
  const every = bins.length > 10 ? 2 : 1;
  const total = bins.reduce((s, b) => s + b.count, 0) + (extra?.count ?? 0);
  const picture = svg(
    'svg',
    { class: 'histogram', id: `${id}-svg`, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${title}: a histogram of ${total} people; the table that follows lists each bar’s count.` },
    svg('line', { x1: m.left, y1: m.top + plotH, x2: m.left + plotW, y2: m.top + plotH, stroke: INK }),
    svg('line', { x1: m.left, y1: m.top, x2: m.left, y2: m.top + plotH, stroke: INK }),
    svg('line', { x1: m.left, y1: m.top, x2: m.left + plotW, y2: m.top, stroke: GRID, 'stroke-dasharray': '3 3' }),
    svg('text', { x: m.left - 6, y: m.top + plotH + 4, 'text-anchor': 'end', 'font-size': 11, fill: INK }, '0'),
    svg('text', { x: m.left - 6, y: m.top + 4, 'text-anchor': 'end', 'font-size': 11, fill: INK }, String(max)),
    svg('text', { x: 12, y: m.top + plotH / 2, 'text-anchor': 'middle', 'font-size': 12, fill: INK, transform: `rotate(-90 12 ${m.top + plotH / 2})` }, 'People'),
    svg('text', { x: m.left + plotW / 2, y: H - 6, 'text-anchor': 'middle', 'font-size': 12, fill: INK }, xLabel),
    ...bins.flatMap((b, i) => {
      const bh = (b.count / max) * plotH;
      const x = m.left + i * bw;
      const out: SVGElement[] = [
        svg('rect', { class: 'hist-bar', x: x + 1, y: m.top + plotH - bh, width: Math.max(1, bw - 2), height: bh, fill: BAR }, svg('title', {}, `${b.label}: ${b.count}`)),
      ];
      if (i % every === 0) out.push(svg('text', { x: x + bw / 2, y: m.top + plotH + 16, 'text-anchor': 'middle', 'font-size': 10, fill: INK }, b.label));
      return out;
    }),
  );
  const table = h(
    'table',
    { class: 'data distribution', id: `${id}-table` },
    h('caption', {}, `${title} (counts)`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, xLabel), h('th', { scope: 'col', class: 'num' }, 'People'))),
    h('tbody', {}, [...bins, ...(extra ? [extra] : [])].map((b) => h('tr', {}, h('th', { scope: 'row' }, b.label), h('td', { class: 'num' }, b.count)))),
  );
  return h('figure', { class: 'distribution', id }, h('figcaption', {}, h('strong', {}, title)), picture, h('details', {}, h('summary', {}, 'The numbers as a table'), table));
}

/** The degree and constraint histograms of the people in the network (organisations left out). */
export function distributions(nodes: readonly NetworkNode[]): HTMLElement {
  const people = nodes.filter((n) => n.type === 'person');
  const constraint = constraintBins(people.map((n) => n.constraint));
  return h(
    'div',
    { class: 'distributions' },
    histogram('degree-distribution', 'Ties per person (degree)', 'Ties', degreeBins(people.map((n) => n.degree)), null),
    histogram(
      'constraint-distribution',
      'Constraint per person (Burt)',
      'Constraint',
      constraint.bins,
      constraint.undefined > 0 ? { label: 'no ties (undefined)', count: constraint.undefined } : null,
    ),
  );
}
