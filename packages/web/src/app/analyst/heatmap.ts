/**
 * The community × sector reach table as a heatmap: for each community (rows, in the map's colours), the share of its
 * people who reach an organisation of each sector within two steps (Granovetter 1973: weak ties carry the news of
 * jobs). Cells the API suppressed (small groups) show a dash. A real <table>, so screen readers read the numbers.
 */
import { h } from '../dom.js';
import { heatColour, percent } from '../format.js';
import type { Reach } from '../types.js';

export function heatmap(reach: Reach, colours: Map<number, string>): HTMLElement {
  if (reach.rows.length === 0) {
    return h('p', { class: 'empty' }, 'No community is large enough to show (groups under five are left out).');
  }
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'Community'),
    h('th', { scope: 'col', class: 'num' }, 'People'),
    reach.sectors.map((s) => h('th', { scope: 'col', class: 'sector-col' }, h('abbr', { title: s.label }, s.letter))),
  );
  const rows = reach.rows.map((r) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('span', { class: 'key-dot', style: `background:${colours.get(r.community) ?? '#9AA0A6'}` }), ` ${r.community}`),
      h('td', { class: 'num' }, r.people),
      reach.sectors.map((s) => {
        const n = r.reach[s.letter];
        if (n === null || n === undefined) return h('td', { class: 'cell suppressed', title: 'left out: a group under five' }, '–');
        const share = r.people > 0 ? n / r.people : 0;
        const c = heatColour(share);
        return h('td', { class: 'cell', style: `background:${c.background};color:${c.text}`, title: `${n} of ${r.people} reach ${s.label}` }, percent(share));
      }),
    ),
  );
  const notes = [
    reach.suppressedGroups > 0 ? `${reach.suppressedGroups} communit${reach.suppressedGroups === 1 ? 'y' : 'ies'} under ${reach.minimumGroupSize ?? 5} people left out` : null,
    reach.suppressedCells > 0 ? `${reach.suppressedCells} cell${reach.suppressedCells === 1 ? '' : 's'} left out (–) so that no small group can be worked out` : null,
  ].filter((x): x is string => x !== null);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data heatmap' },
      h('caption', {}, 'Share of each community’s people who reach an organisation of each sector within two steps', notes.length > 0 ? h('span', { class: 'hint' }, ` (${notes.join('; ')})`) : null),
      h('thead', {}, head),
      h('tbody', {}, rows),
    ),
  );
}
