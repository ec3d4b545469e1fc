/**
 * A member's progress over time: contacts, employer sectors within two steps and Burt's (1992) constraint at each of the
 * last months (the network as it stood on each date: GET /v1/analytics/people/{id}/history), as three small line
 * charts in inline SVG and the same numbers — with the ties gained each month — in a table for screen readers.
 */
import { h, svg } from '../dom.js';
import { changeWords, decimal, percent } from '../format.js';
import type { History } from '../types.js';

const LINE = '#0b4f9c'; // 8.6:1 against white
const INK = '#1b1b1b';
const GRID = '#c9ced6';

const month = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });

/** One measure over the months: a line with a dot per month, the first and last values labelled. */
function sparkline(id: string, title: string, values: (number | null)[], dates: string[], format: (v: number) => string, lowerIsBetter = false): HTMLElement {
  const W = 260;
  const H = 120;
  const m = { left: 34, right: 12, top: 14, bottom: 24 };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const known = values.filter((v): v is number => v !== null);
  const lo = Math.min(0, ...known);
  const hi = Math.max(lo + 1e-9, ...known);
  const x = (i: number) => m.left + (values.length > 1 ? (i * plotW) / (values.length - 1) : plotW / 2);
  const y = (v: number) => m.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const points = values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
  const path = points
    .map((p, i) => (p === null ? '' : `${i === 0 || points[i - 1] === null ? 'M' : 'L'}${p[0].toFixed(1)},${p[1].toFixed(1)}`))
    .join('');
  const first = known[0];
  const last = known.at(-1);
  const summary =
    first === undefined || last === undefined
      ? `${title}: no values yet.`
      : `${title}: ${format(first)} in ${month(dates[values.indexOf(first)]!)}, ${format(last)} now${last === first ? ' (unchanged)' : last > first !== lowerIsBetter ? ' (better)' : ' (worse)'}.`;
  return h(
    'figure',
    { class: 'sparkline', id },
    h('figcaption', {}, title),
    svg(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary },
      svg('line', { x1: m.left, y1: m.top + plotH, x2: m.left + plotW, y2: m.top + plotH, stroke: INK }),
      svg('line', { x1: m.left, y1: m.top, x2: m.left + plotW, y2: m.top, stroke: GRID, 'stroke-dasharray': '3 3' }),
      svg('text', { x: m.left - 5, y: m.top + 4, 'text-anchor': 'end', 'font-size': 10, fill: INK }, format(hi)),
      svg('text', { x: m.left - 5, y: m.top + plotH + 4, 'text-anchor': 'end', 'font-size': 10, fill: INK }, format(lo)),
      ...dates.map((d, i) => svg('text', { x: x(i), y: H - 6, 'text-anchor': 'middle', 'font-size': 10, fill: INK }, month(d))),
      svg('path', { d: path, fill: 'none', stroke: LINE, 'stroke-width': 2 }),
      ...points.flatMap((p, i) => (p === null ? [] : [svg('circle', { class: 'spark-dot', cx: p[0], cy: p[1], r: 3, fill: LINE }, svg('title', {}, `${month(dates[i]!)}: ${format(values[i]!)}`))])),
    ),
    h('p', { class: 'hint' }, summary),
  );
}

/** The progress section's content for a member's history. */
export function progress(history: History, sectorName: (letter: string) => string): HTMLElement {
  const pts = history.points;
  const dates = pts.map((p) => p.date);
  const first = pts[0];
  const last = pts.at(-1);
  const gained = pts.slice(1).reduce((s, p) => s + p.tiesGained, 0);
  const newSectors = first && last ? last.sectorsTwoSteps.filter((s) => !first.sectorsTwoSteps.includes(s)) : [];
  const headline =
    first && last
      ? h(
          'p',
          { class: 'lead progress-headline' },
          `Since ${month(first.date)}: ${gained} ${gained === 1 ? 'tie' : 'ties'} gained; `,
          changeWords(first, last).flatMap((c, i) => [i > 0 ? ', ' : '', h('span', { class: `delta ${c.better === null ? 'same' : c.better ? 'better' : 'worse'}` }, c.text)]),
          newSectors.length > 0 ? `. New sectors within reach: ${newSectors.map(sectorName).join(', ')}.` : '.',
        )
      : h('p', { class: 'empty' }, 'No history yet.');
  const table = h(
    'table',
    { class: 'data progress-table' },
    h('caption', {}, 'Their network month by month'),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col', class: 'num' }, 'Contacts'), h('th', { scope: 'col', class: 'num' }, 'Ties gained'), h('th', { scope: 'col', class: 'num' }, 'Weak ties'), h('th', { scope: 'col', class: 'num' }, 'Sectors'), h('th', { scope: 'col', class: 'num' }, 'Constraint')),
    ),
    h(
      'tbody',
      {},
      pts.map((p, i) =>
        h('tr', {}, h('th', { scope: 'row' }, p.date), h('td', { class: 'num' }, p.size), h('td', { class: 'num' }, i === 0 ? '–' : p.tiesGained), h('td', { class: 'num' }, percent(p.weakTieShare)), h('td', { class: 'num' }, p.sectorsTwoSteps.length), h('td', { class: 'num' }, decimal(p.constraint))),
      ),
    ),
  );
  return h(
    'div',
    { class: 'progress' },
    headline,
    h(
      'div',
      { class: 'sparklines' },
      sparkline('progress-contacts', 'Contacts', pts.map((p) => p.size), dates, (v) => String(Math.round(v))),
      sparkline('progress-sectors', 'Sectors within two steps', pts.map((p) => p.sectorsTwoSteps.length), dates, (v) => String(Math.round(v))),
      sparkline('progress-constraint', 'Constraint (lower is more open)', pts.map((p) => p.constraint), dates, (v) => v.toFixed(2), true),
    ),
    h('details', {}, h('summary', {}, 'The numbers as a table'), table),
  );
}
