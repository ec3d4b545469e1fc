/**
 * Event planning: pick an event, tick who is coming, choose how many sit at a table, and get a table plan that seats
 * people who do not know each other yet together — across the network's communities and towards their goals where it
 * can (the matcher's `planEventTables`, a Kernighan & Lin 1970-style swap search; `POST /v1/events/{id}/table-plan`).
 * The plan prints on its own (a print stylesheet hides everything else, one table per block).
 *
 * People the coach may not see (another coach's members, people who have not consented to introductions) are still
 * seated; the API gives them only an opaque `ref`, and this page calls them "Hidden attendee 1, 2, …".
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import type { ScreenContext } from '../main.js';
import type { EventAttendees, EventToPlan, EventsToPlan, PlanPerson, PlanTable, TablePlan, TablePlanRequest } from '../types.js';

/** Table sizes offered (the API takes 2–20), and the one chosen at first. */
export const TABLE_SIZES = Array.from({ length: 19 }, (_, i) => i + 2);
export const DEFAULT_TABLE_SIZE = 6;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Mon 14 September 2026" for a calendar date or an ISO timestamp (the day as written, whatever the time zone). */
export function eventDate(date: string): string {
  const d = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(d.getTime())) return date;
  const day = date.length === 10 ? d : new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 new acquaintances, 2 across communities, 1 goal-relevant" for a table (or the whole plan). */
export function tableWords(t: Pick<PlanTable, 'newPairs' | 'crossCommunityPairs' | 'goalRelevantPairs'>): string {
  return `${plural(t.newPairs, 'new acquaintance')}, ${t.crossCommunityPairs} across communities, ${t.goalRelevantPairs} goal-relevant`;
}

/** How the plan compares with seating the same people at random, in plain words. */
export function gainWords(plan: Pick<TablePlan, 'objective' | 'randomObjective'>, newPairs: number): string {
  const score = (x: number) => (Math.round(x * 10) / 10).toLocaleString('en-GB');
  const scale = 'each new acquaintance scores 1, and more when it crosses communities or helps someone towards their goal';
  if (newPairs === 0) {
    return 'Everyone who could share a table already knows each other, so no seating makes new acquaintances here. (People who went to the same event recently count as knowing each other.)';
  }
  if (plan.objective <= plan.randomObjective + 1e-9) {
    return `This plan is as good as seating people at random: both score ${score(plan.objective)} (${scale}).`;
  }
  if (plan.randomObjective <= 0) {
    return `This plan scores ${score(plan.objective)}, against ${score(plan.randomObjective)} for a random seating (${scale}).`;
  }
  const pct = Math.round(((plan.objective - plan.randomObjective) / plan.randomObjective) * 100);
  return `This plan is ${pct}% better than seating people at random: it scores ${score(plan.objective)} against ${score(plan.randomObjective)} (${scale}).`;
}

const KIND_WORDS: Record<string, string> = { 'job-fair': 'job fair', 'coaching-group': 'coaching group' };

function eventLink(ctx: ScreenContext, e: EventToPlan): HTMLElement {
  const path = `/events/${encodeURIComponent(e.id)}`;
  return h(
    'li',
    { class: 'event-item' },
    h('a', { href: path, onclick: (ev: Event) => (ev.preventDefault(), ctx.go(path)) }, e.name),
    h('span', { class: 'hint' }, ` — ${eventDate(e.date)} · ${KIND_WORDS[e.kind] ?? e.kind}${e.area ? ` · ${e.area}` : ''} · ${plural(e.attendees, 'attendee')}`),
  );
}

/** `/events`: upcoming events first (soonest first), then past ones (latest first). */
export async function renderEvents(ctx: ScreenContext): Promise<void> {
  document.title = 'Events — Bridgework';
  replace(ctx.root, h('h1', {}, 'Plan an event'), h('p', { class: 'loading' }, 'Loading events…'));
  const { items } = await api(ctx.session.key).get<EventsToPlan>('/v1/event-plans');
  const lead = h('p', { class: 'lead' }, 'Pick an event to seat its attendees at tables, so that people who do not know each other yet meet — across communities and towards their goals.');
  if (items.length === 0) {
    replace(ctx.root, h('h1', {}, 'Plan an event'), lead, h('p', { class: 'empty' }, 'There are no events yet. Events appear here once they are recorded (with the people attending them).'));
    return;
  }
  const upcoming = items.filter((e) => e.upcoming);
  const past = items.filter((e) => !e.upcoming);
  replace(
    ctx.root,
    h('h1', {}, 'Plan an event'),
    lead,
    h(
      'section',
      { 'aria-labelledby': 'upcoming-h' },
      h('h2', { id: 'upcoming-h' }, 'Upcoming'),
      upcoming.length === 0 ? h('p', { class: 'empty' }, 'No upcoming events.') : h('ul', { class: 'event-list', id: 'upcoming-events' }, upcoming.map((e) => eventLink(ctx, e))),
    ),
    h(
      'section',
      { 'aria-labelledby': 'past-h' },
      h('h2', { id: 'past-h' }, 'Past'),
      past.length === 0 ? h('p', { class: 'empty' }, 'No past events.') : h('ul', { class: 'event-list', id: 'past-events' }, past.map((e) => eventLink(ctx, e))),
    ),
  );
}

/** `/events/ID`: the attendees as a checklist, the table size, "Plan tables", and the plan with "Print". */
export async function renderEventPlan(ctx: ScreenContext, id: string): Promise<void> {
  replace(ctx.root, h('p', { class: 'loading' }, 'Loading the event…'));
  const client = api(ctx.session.key);
  const { event, attendees, hidden } = await client.get<EventAttendees>(`/v1/events/${encodeURIComponent(id)}/attendees`);
  document.title = `${event.name} — Bridgework`;

  // Names for everyone, the hidden ones numbered in the order the API lists them.
  const label = new Map<string, string>();
  let n = 0;
  for (const p of attendees) label.set(p.ref, p.hidden ? `Hidden attendee ${++n}` : p.name!);
  const nameOf = (p: PlanPerson) => label.get(p.ref) ?? (p.hidden ? 'Hidden attendee' : p.name!);

  const back = h('p', { class: 'no-print' }, h('a', { href: '/events', onclick: (e: Event) => (e.preventDefault(), ctx.go('/events')) }, '← Events'));
  const heading = h('h1', { class: 'no-print' }, event.name);
  const facts = h('p', { class: 'lead no-print' }, `${eventDate(event.date)} · ${KIND_WORDS[event.kind] ?? event.kind}${event.area ? ` · ${event.area}` : ''} · ${plural(attendees.length, 'recorded attendee')}`);
  if (attendees.length === 0) {
    replace(ctx.root, back, heading, facts, h('p', { class: 'empty' }, 'Nobody is recorded as attending this event yet, so there is no one to seat. Record who is coming (an “attended” tie from each person to the event), then plan the tables.'));
    return;
  }

  const boxes = attendees.map((p, i) => {
    const input = h('input', { type: 'checkbox', id: `attendee-${i}`, name: 'attendee', value: p.ref, checked: true });
    return { p, input, item: h('li', { class: 'check' }, input, h('label', { for: `attendee-${i}`, ...(p.hidden ? { class: 'hidden-person' } : {}) }, nameOf(p))) };
  });
  const count = h('p', { id: 'ticked-count', class: 'hint', 'aria-live': 'polite' });
  const ticked = () => boxes.filter((b) => b.input.checked).map((b) => b.p.ref);
  const showCount = () => {
    count.textContent = `${ticked().length} of ${attendees.length} ticked.`;
  };
  for (const b of boxes) b.input.addEventListener('change', showCount);
  showCount();
  const setAll = (on: boolean) => () => {
    for (const b of boxes) b.input.checked = on;
    showCount();
  };

  const size = h('select', { id: 'table-size', name: 'tableSize', 'aria-describedby': 'table-size-hint' }, TABLE_SIZES.map((s) => h('option', { value: s, selected: s === DEFAULT_TABLE_SIZE }, s)));
  const error = h('p', { id: 'plan-error', class: 'error-text', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Plan tables');
  const result = h('section', { id: 'plan', class: 'print-area', 'aria-labelledby': 'plan-h', hidden: true });

  const form = h(
    'form',
    { class: 'event-plan-form no-print', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Who is coming'),
      hidden > 0
        ? h('p', { class: 'hint' }, `${plural(hidden, 'attendee')} you may not see by name (other coaches’ members, or people who have not agreed to introductions) ${hidden === 1 ? 'is' : 'are'} listed as “Hidden attendee”. They are seated like everyone else.`)
        : null,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: setAll(true) }, 'Tick everyone'), h('button', { type: 'button', onclick: setAll(false) }, 'Untick everyone')),
      h('ul', { class: 'attendee-list' }, boxes.map((b) => b.item)),
      count,
    ),
    h('div', { class: 'field table-size' }, h('label', { for: 'table-size' }, 'People per table'), h('p', { id: 'table-size-hint', class: 'hint' }, 'Tables are as even as possible and never bigger than this.'), size),
    error,
    button,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void plan();
  });

  async function plan(): Promise<void> {
    const refs = ticked();
    if (refs.length < 2) {
      error.textContent = refs.length === 0 ? 'Tick at least 2 attendees to plan tables (nobody is ticked).' : 'Tick at least 2 attendees to plan tables (only 1 is ticked).';
      return;
    }
    error.textContent = '';
    button.disabled = true;
    button.textContent = 'Planning…';
    try {
      const r = await client.post<TablePlan>(`/v1/events/${encodeURIComponent(event.id)}/table-plan`, { attendees: refs, tableSize: Number(size.value) } satisfies TablePlanRequest);
      showPlan(r);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      button.disabled = false;
      button.textContent = 'Plan tables';
    }
  }

  function showPlan(r: TablePlan): void {
    const total = r.tables.reduce((s, t) => ({ newPairs: s.newPairs + t.newPairs, crossCommunityPairs: s.crossCommunityPairs + t.crossCommunityPairs, goalRelevantPairs: s.goalRelevantPairs + t.goalRelevantPairs }), {
      newPairs: 0,
      crossCommunityPairs: 0,
      goalRelevantPairs: 0,
    });
    const title = h('h2', { id: 'plan-h', tabindex: -1 }, `Table plan: ${event.name}`);
    replace(
      result,
      title,
      h('p', { class: 'plan-facts' }, `${eventDate(event.date)} · ${plural(r.attendees, 'person', 'people')} at ${plural(r.tables.length, 'table')} of at most ${r.tableSize}.`),
      h('p', { class: 'plan-summary' }, `In all: ${tableWords(total)}.`),
      h('p', { class: 'plan-gain' }, gainWords(r, total.newPairs)),
      h('div', { class: 'actions no-print' }, h('button', { type: 'button', onclick: () => window.print() }, 'Print')),
      h(
        'ol',
        { class: 'table-cards' },
        r.tables.map((t) =>
          h(
            'li',
            { class: 'table-card', 'aria-labelledby': `table-${t.table}-h` },
            h('h3', { id: `table-${t.table}-h` }, `Table ${t.table}`),
            h('ul', { class: 'seated' }, t.people.map((p) => h('li', { 'data-ref': p.ref, ...(p.hidden ? { class: 'hidden-person' } : {}) }, nameOf(p)))),
            h('p', { class: 'table-stats' }, tableWords(t)),
          ),
        ),
      ),
    );
    result.hidden = false;
    title.focus();
  }

  replace(ctx.root, back, heading, facts, form, result);
}
