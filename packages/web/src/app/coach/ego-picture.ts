/**
 * A member's ego network as an SVG picture: the member in the middle, each direct contact on a ring (people,
 * organisations and events attended each a colour), lines as thick as the tie is strong, and a text list of the same for screen readers.
 */
import { h, svg } from '../dom.js';

export interface EgoContact {
  id: string;
  label: string;
  type: 'person' | 'organisation' | 'event' | 'hidden';
  kind: string;
  strength: number | null;
}

const COLOURS: Record<EgoContact['type'], string> = { person: '#0072B2', organisation: '#D55E00', event: '#7A5195', hidden: '#9AA0A6' };

/** The picture (an <figure> with the SVG and a caption). */
export function egoPicture(name: string, contacts: EgoContact[]): HTMLElement {
  const size = 420;
  const c = size / 2;
  const ring = contacts.length > 24 ? 165 : 140;
  const root = svg('svg', { viewBox: `0 0 ${size} ${size}`, width: '100%', height: size, role: 'img', 'aria-labelledby': 'ego-caption', class: 'ego' });
  const edges = svg('g', {});
  const nodes = svg('g', {});
  contacts.forEach((ct, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, contacts.length) - Math.PI / 2;
    const x = c + ring * Math.cos(a);
    const y = c + ring * Math.sin(a);
    const width = 1 + 5 * (ct.strength ?? 0.2);
    edges.append(svg('line', { x1: c, y1: c, x2: x, y2: y, stroke: '#8a94a6', 'stroke-width': width.toFixed(1), 'stroke-opacity': 0.8 }));
    const short = ct.label.length > 18 ? `${ct.label.slice(0, 17)}…` : ct.label;
    const anchor = Math.cos(a) > 0.2 ? 'start' : Math.cos(a) < -0.2 ? 'end' : 'middle';
    const dx = anchor === 'start' ? 10 : anchor === 'end' ? -10 : 0;
    const dy = anchor === 'middle' ? (Math.sin(a) > 0 ? 20 : -12) : 4;
    nodes.append(
      svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 7, fill: COLOURS[ct.type], stroke: '#fff', 'stroke-width': 1.5 }, svg('title', {}, `${ct.label} (${ct.kind})`)),
      svg('text', { x: (x + dx).toFixed(1), y: (y + dy).toFixed(1), 'text-anchor': anchor, class: 'ego-label' }, short),
    );
  });
  nodes.append(svg('circle', { cx: c, cy: c, r: 12, fill: '#1b1b1b' }), svg('text', { x: c, y: c + 30, 'text-anchor': 'middle', class: 'ego-label ego-centre' }, name));
  root.append(edges, nodes);
  const people = contacts.filter((x) => x.type === 'person' || x.type === 'hidden').length;
  const orgs = contacts.filter((x) => x.type === 'organisation').length;
  const events = contacts.filter((x) => x.type === 'event').length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return h(
    'figure',
    { class: 'ego-figure' },
    root,
    h(
      'figcaption',
      { id: 'ego-caption' },
      `${name}’s direct ties: ${plural(people, 'person', 'people')}, ${plural(orgs, 'organisation', 'organisations')} and ${plural(events, 'event', 'events')} attended` +
        (events > 0 ? ' (the people met there count as contacts but are not drawn)' : '') +
        '. Thicker lines are stronger ties. ',
      h('span', { class: 'key-dot', style: `background:${COLOURS.person}` }),
      ' people ',
      h('span', { class: 'key-dot', style: `background:${COLOURS.organisation}` }),
      ' organisations ',
      h('span', { class: 'key-dot', style: `background:${COLOURS.event}` }),
      ' events ',
      h('span', { class: 'key-dot', style: `background:${COLOURS.hidden}` }),
      ' not visible to you',
    ),
    h(
      'details',
      {},
      h('summary', {}, 'The same as a list'),
      h('ul', {}, contacts.map((ct) => h('li', {}, `${ct.label} — ${ct.kind}${ct.strength === null ? '' : `, strength ${ct.strength.toFixed(2)}`}`))),
    ),
  );
}
