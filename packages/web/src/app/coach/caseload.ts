/**
 * The coach's caseload: each member with their network health at a glance — how many contacts, how many of them are
 * weak ties (acquaintances, where most job leads come from: Granovetter 1973), how many employer sectors they reach
 * within two steps, Burt's (1992) constraint (how closed the network is), and how each changed since last month.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { changeWords, constraintWords, decimal, percent } from '../format.js';
import type { ScreenContext } from '../main.js';
import type { Caseload, Reach } from '../types.js';

/** Sector letter → name, from the reach table (which lists the sectors present in the graph). */
export async function sectorNames(key: string): Promise<Map<string, string>> {
  try {
    const reach = await api(key).get<Reach>('/v1/analytics/reach');
    return new Map(reach.sectors.map((s) => [s.letter, s.label]));
  } catch {
    return new Map();
  }
}

export async function renderCaseload(ctx: ScreenContext): Promise<void> {
  document.title = 'Caseload — Bridgework';
  replace(ctx.root, h('h1', {}, 'Your caseload'), h('p', { class: 'loading' }, 'Loading your members and their networks…'));
  const client = api(ctx.session.key);
  const [caseload, names] = await Promise.all([client.get<Caseload>('/v1/analytics/caseload'), sectorNames(ctx.session.key)]);
  const members = caseload.members;

  const intro = h(
    'p',
    { class: 'lead' },
    'Each member’s network at a glance. Weak ties — acquaintances rather than close friends and family — are where most job leads come from; ',
    'sectors are the employer sectors they can reach through someone they know; constraint is near 1 when all their contacts know each other.',
  );
  if (members.length === 0) {
    replace(ctx.root, h('h1', {}, 'Your caseload'), intro, h('p', { class: 'empty' }, 'No members in your caseload yet. Members appear here once you are recorded as their coach.'));
    return;
  }
  const rows = members.map((m) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('a', { href: `/members/${encodeURIComponent(m.id)}`, onclick: (e: Event) => (e.preventDefault(), ctx.go(`/members/${encodeURIComponent(m.id)}`)) }, m.name)),
      h('td', { class: 'num' }, m.size),
      h('td', { class: 'num' }, h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round((m.weakTieShare ?? 0) * 100)}%` })), ' ', percent(m.weakTieShare)),
      h(
        'td',
        {},
        h('span', { class: 'num-inline' }, m.sectorsTwoSteps.length),
        ' ',
        h('span', { class: 'sectors' }, m.sectorsTwoSteps.map((s) => h('abbr', { title: names.get(s) ?? `sector ${s}` }, s))),
      ),
      h('td', {}, h('span', { class: 'num-inline' }, decimal(m.constraint)), ' ', h('span', { class: 'hint' }, constraintWords(m.constraint))),
      h(
        'td',
        { class: 'change' },
        m.lastMonth === null
          ? h('span', { class: 'hint' }, 'new this month')
          : changeWords(m.lastMonth, { date: caseload.now, ...m }).map((c) =>
              h('span', { class: `delta ${c.better === null ? 'same' : c.better ? 'better' : 'worse'}` }, c.text),
            ),
      ),
    ),
  );
  replace(
    ctx.root,
    h('h1', {}, 'Your caseload'),
    intro,
    h(
      'table',
      { class: 'data caseload' },
      h('caption', {}, `${members.length} member${members.length === 1 ? '' : 's'}, as of ${caseload.now.slice(0, 10)}`),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Member'), h('th', { scope: 'col', class: 'num' }, 'Contacts'), h('th', { scope: 'col', class: 'num' }, 'Weak ties'), h('th', { scope: 'col' }, 'Sectors within two steps'), h('th', { scope: 'col' }, 'Constraint'), h('th', { scope: 'col' }, 'Since last month')),
      ),
      h('tbody', {}, rows),
    ),
  );
}
