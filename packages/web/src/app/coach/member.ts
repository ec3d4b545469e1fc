/**
 * A member's page: who they are and want to be, their network (ego picture and health) and its progress month by
 * month, the matcher's top suggestions with the path through someone they know and the reasons in plain English, and
 * the introduction funnel (proposed → accepted → made → outcome) with a button for each step a coach records.
 */
import { ApiFailure, api, type Api } from '../api.js';
import { h, replace } from '../dom.js';
import { FUNNEL_STEPS, OUTCOMES, constraintWords, decimal, funnel } from '../format.js';
import type { ScreenContext } from '../main.js';
import type { EgoReport, GraphEvent, History, Introduction, IntroductionAnswer, IntroductionCreate, IntroductionOutcome, Organisation, Page, Person, Suggestion, SuggestionTag, Suggestions, Tie } from '../types.js';
import { sectorNames } from './caseload.js';
import { egoPicture, type EgoContact } from './ego-picture.js';
import { progress } from './progress.js';

/**
 * Each matcher tag in words a coach can read aloud, about the person suggested. Over the API's tag type: a tag the
 * API gains and this list lacks fails the type-check.
 */
export const TAG_WORDS: Record<SuggestionTag, string> = {
  'goal-sector': 'works in a sector they aim for',
  'past-goal-sector': 'used to work in a sector they aim for',
  'goal-role': 'does the kind of job they want',
  hiring: 'their employer is hiring now',
  'peer-support': 'another member looking for the same kind of work',
  'new-community': 'outside their usual circle',
  'new-sectors': 'opens new sectors',
  'warm-chain': 'through a chain of two people',
};

/** The words for a suggestion's tag: another member matches the role they want, rather than doing it. */
export function tagWords(tag: SuggestionTag, s: Pick<Suggestion, 'roles'>): string {
  return tag === 'goal-role' && s.roles.includes('member') ? 'wants the same kind of job' : TAG_WORDS[tag];
}

const STATUS_WORDS: Record<string, string> = {
  proposed: 'Proposed — waiting for both to say yes',
  accepted: 'Both said yes — ready to be made',
  declined: 'Declined',
  made: 'Introduced — record how it went',
  closed: 'Outcome recorded',
  withdrawn: 'Withdrawn',
};

/** Everything on every page of a list route. */
async function all<T>(client: Api, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await client.get<Page<T>>(`${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && out.length < 5000);
  return out;
}

/** Names of people by id (null for those the coach may not see), fetched once each. */
function nameBook(client: Api) {
  const known = new Map<string, Promise<string | null>>();
  return {
    set(id: string, name: string) {
      known.set(id, Promise.resolve(name));
    },
    get(id: string): Promise<string | null> {
      let p = known.get(id);
      if (!p) {
        p = client.get<Person>(`/v1/people/${encodeURIComponent(id)}`).then(
          (x) => x.name,
          (e: unknown) => {
            if (e instanceof ApiFailure && e.status === 404) return null;
            throw e;
          },
        );
        known.set(id, p);
      }
      return p;
    },
  };
}

export async function renderMember(ctx: ScreenContext, id: string): Promise<void> {
  replace(ctx.root, h('p', { class: 'loading' }, 'Loading…'));
  const client = api(ctx.session.key);
  const enc = encodeURIComponent(id);
  const person = await client.get<Person>(`/v1/people/${enc}`);
  document.title = `${person.name} — Bridgework`;
  const names = nameBook(client);
  names.set(person.id, person.name);
  const [ego, history, ties, suggestions, sectors] = await Promise.all([
    client.get<EgoReport>(`/v1/analytics/people/${enc}/ego`),
    client.get<History>(`/v1/analytics/people/${enc}/history`),
    all<Tie>(client, `/v1/ties?person=${enc}`),
    client.get<Suggestions>(`/v1/people/${enc}/suggestions?k=5`),
    sectorNames(ctx.session.key),
  ]);
  for (const s of suggestions.suggestions) {
    names.set(s.id, s.name);
    for (const i of s.introducers) names.set(i.id, i.name);
  }

  const sectorList = (letters: string[]) => (letters.length === 0 ? 'none yet' : letters.map((l) => sectors.get(l) ?? l).join(', '));
  const back = h('p', {}, h('a', { href: '/caseload', onclick: (e: Event) => (e.preventDefault(), ctx.go('/caseload')) }, '← Caseload'));
  const networkSection = h('section', { 'aria-labelledby': 'network-h' }, h('h2', { id: 'network-h' }, 'Their network'), h('p', { class: 'loading' }, 'Drawing…'));
  const suggestionsSection = h('section', { 'aria-labelledby': 'suggestions-h' });
  const funnelSection = h('section', { 'aria-labelledby': 'funnel-h' });

  replace(
    ctx.root,
    back,
    h('h1', {}, person.name),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Looking for'),
      h('dd', {}, [...person.goals.roles, ...person.goals.sectors.map((s) => sectors.get(s) ?? `sector ${s}`)].join(' · ') || 'not recorded'),
      h('dt', {}, 'Area'),
      h('dd', {}, person.area ?? 'not recorded'),
      h('dt', {}, 'Open to introductions'),
      h('dd', {}, person.consent.introductions ? 'yes' : 'no — record their consent before proposing introductions'),
    ),
    h(
      'dl',
      { class: 'health' },
      h('div', {}, h('dt', {}, 'Contacts'), h('dd', {}, ego.size, h('span', { class: 'hint' }, 'incl. people met at the same events'))),
      h('div', {}, h('dt', {}, 'Sectors within two steps'), h('dd', {}, ego.sectors.twoSteps.length)),
      h('div', {}, h('dt', {}, 'Constraint'), h('dd', {}, decimal(ego.constraint), h('span', { class: 'hint' }, constraintWords(ego.constraint)))),
      h('div', {}, h('dt', {}, 'Effective size'), h('dd', {}, decimal(ego.effectiveSize, 1), h('span', { class: 'hint' }, 'contacts, less the overlap among them (Burt)'))),
    ),
    h('p', { class: 'hint' }, `Sectors they can reach through someone they know: ${sectorList(ego.sectors.twoSteps)}.`),
    h('section', { 'aria-labelledby': 'progress-h', class: 'progress-section' }, h('h2', { id: 'progress-h' }, 'Progress over time'), progress(history, (l) => sectors.get(l) ?? `sector ${l}`)),
    h('div', { class: 'member-layout' }, h('div', { class: 'member-main' }, suggestionsSection), h('div', { class: 'member-side' }, funnelSection, networkSection)),
  );

  const refreshFunnel = () => renderFunnel(ctx, client, person, names, funnelSection);
  renderSuggestions(ctx, client, person, suggestions, suggestionsSection, refreshFunnel);
  await refreshFunnel();
  await renderNetwork(client, person, ties, names, networkSection);
}

function pathText(person: Person, s: Suggestion, names: Map<string, string>): string {
  const intro = s.introducers[0];
  if (!intro) return `${person.name} → ${s.name}`;
  const steps = intro.path.map((p) => `${names.get(p.to) ?? 'someone'} (${p.kinds.join(', ')})`);
  return [person.name, ...steps].join(' → ');
}

function renderSuggestions(ctx: ScreenContext, client: Api, person: Person, r: Suggestions, section: HTMLElement, refreshFunnel: () => Promise<void>): void {
  const names = new Map<string, string>([[person.id, person.name]]);
  for (const s of r.suggestions) {
    names.set(s.id, s.name);
    for (const i of s.introducers) names.set(i.id, i.name);
  }
  const why: Record<string, string> = {
    'no-consent': `${person.name} has not consented to introductions yet, so nobody is suggested.`,
    'open-cap-reached': `${person.name} already has as many open introductions as they can take: record how those went first.`,
    'out-of-scope': 'Suggestions are for members looking for work.',
    'no-candidates': 'Nobody suitable can be reached through the people they know yet.',
  };
  const items = r.suggestions.map((s) => {
    const intro = s.introducers[0];
    const introducerIds = intro ? intro.path.slice(0, -1).map((p) => p.to).slice(0, 3) : [];
    const button = h('button', { type: 'button', class: 'primary' }, intro ? `Propose introduction through ${intro.name}` : 'Propose introduction');
    const result = h('span', { class: 'result', role: 'status' });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await client.post('/v1/introductions', { personId: person.id, targetId: s.id, introducerIds } satisfies IntroductionCreate);
        result.textContent = 'Proposed.';
        ctx.say(`Introduction of ${person.name} to ${s.name} proposed.`);
        await refreshFunnel();
      } catch (e) {
        button.disabled = false;
        result.textContent = e instanceof Error ? e.message : String(e);
        result.className = 'result error-text';
      }
    });
    const who = [s.jobTitle, s.organisation?.name, s.roles.join(', ')].filter((x) => x).join(' · ');
    return h(
      'li',
      { class: 'suggestion' },
      h('h3', {}, s.name),
      who ? h('p', { class: 'hint' }, who) : null,
      s.tags.length > 0 ? h('p', { class: 'tags' }, s.tags.map((t) => h('span', { class: 'tag' }, tagWords(t, s)))) : null,
      h('p', { class: 'path' }, h('span', { class: 'visually-hidden' }, 'Path: '), pathText(person, s, names)),
      h('ul', { class: 'reasons' }, s.sentences.map((t) => h('li', {}, t))),
      h('p', {}, button, ' ', result),
    );
  });
  replace(
    section,
    h('h2', { id: 'suggestions-h' }, 'Who they could meet'),
    r.suggestions.length === 0 ? h('p', { class: 'empty' }, why[r.reason ?? 'no-candidates'] ?? why['no-candidates']!) : h('ol', { class: 'suggestions' }, items),
  );
}

async function renderFunnel(ctx: ScreenContext, client: Api, person: Person, names: ReturnType<typeof nameBook>, section: HTMLElement): Promise<void> {
  const intros = await all<Introduction>(client, `/v1/introductions?person=${encodeURIComponent(person.id)}`);
  const counts = funnel(intros);
  const act = (intro: Introduction, label: string, path: string, body?: IntroductionAnswer | (() => IntroductionOutcome)) => {
    const b = h('button', { type: 'button' }, label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        await client.post(`/v1/introductions/${intro.id}/${path}`, typeof body === 'function' ? body() : body);
        ctx.say(`Recorded: ${label.toLowerCase()}.`);
        await renderFunnel(ctx, client, person, names, section);
        section.querySelector<HTMLElement>('h2')?.focus();
      } catch (e) {
        b.disabled = false;
        ctx.say(e instanceof Error ? e.message : String(e), 'error');
      }
    });
    return b;
  };
  const rows = await Promise.all(
    intros.map(async (i) => {
      const other = i.personId === person.id ? i.targetId : i.personId;
      const otherName = (await names.get(other)) ?? 'someone you cannot see';
      const through = await Promise.all(i.introducerIds.map(async (x) => (await names.get(x)) ?? 'someone'));
      const buttons: HTMLElement[] = [];
      if (i.status === 'proposed') {
        if (!i.personAnswer) buttons.push(act(i, `${person.name} said yes`, 'answer', { side: 'person', answer: 'accept' }), act(i, `${person.name} said no`, 'answer', { side: 'person', answer: 'decline' }));
        if (!i.targetAnswer) buttons.push(act(i, `${otherName} said yes`, 'answer', { side: 'target', answer: 'accept' }), act(i, `${otherName} said no`, 'answer', { side: 'target', answer: 'decline' }));
      }
      if (i.status === 'accepted') buttons.push(act(i, 'Introduction made', 'made'));
      if (i.status === 'proposed' || i.status === 'accepted') buttons.push(act(i, 'Withdraw', 'withdraw'));
      if (i.status === 'made' || i.status === 'closed') {
        const select = h('select', { id: `outcome-${i.id}`, name: 'outcome' }, OUTCOMES.map((o) => h('option', { value: o, ...(i.outcome === o ? { selected: true } : {}) }, o)));
        const record = act(i, i.outcome ? 'Update outcome' : 'Record outcome', 'outcome', () => ({ outcome: select.value as IntroductionOutcome['outcome'] }));
        buttons.push(h('label', { for: `outcome-${i.id}` }, 'Outcome '), select, record);
      }
      return h(
        'li',
        { class: `intro status-${i.status}` },
        h('p', {}, h('strong', {}, otherName), through.length > 0 ? ` through ${through.join(' and ')}` : '', ' — ', h('span', { class: 'intro-status' }, STATUS_WORDS[i.status] ?? i.status), i.outcome ? `: ${i.outcome}` : ''),
        h('p', { class: 'hint' }, `Proposed ${i.proposedAt.slice(0, 10)}`),
        buttons.length > 0 ? h('div', { class: 'actions' }, buttons) : null,
      );
    }),
  );
  replace(
    section,
    h('h2', { id: 'funnel-h', tabindex: '-1' }, 'Introductions'),
    h(
      'ol',
      { class: 'funnel', 'aria-label': 'Introduction funnel' },
      FUNNEL_STEPS.map((step) => h('li', {}, h('span', { class: 'funnel-count' }, counts[step]), ' ', step === 'outcome' ? 'outcome recorded' : step)),
    ),
    intros.length === 0 ? h('p', { class: 'empty' }, 'No introductions yet. Propose one from the suggestions above.') : h('ul', { class: 'intros' }, rows),
  );
}

async function renderNetwork(client: Api, person: Person, ties: Tie[], names: ReturnType<typeof nameBook>, section: HTMLElement): Promise<void> {
  const [orgs, events] = await Promise.all([all<Organisation>(client, '/v1/organisations'), all<GraphEvent>(client, '/v1/events')]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const eventName = new Map(events.map((e) => [e.id, e.name]));
  const strongest = [...ties].sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0)).slice(0, 40);
  const contacts: EgoContact[] = await Promise.all(
    strongest.map(async (t): Promise<EgoContact> => {
      const other = t.source === person.id ? t.target : t.source;
      const base = { id: other, kind: t.kind, strength: t.strength };
      if (orgName.has(other)) return { ...base, type: 'organisation', label: orgName.get(other)! };
      if (eventName.has(other)) return { ...base, type: 'event', label: eventName.get(other)! };
      const name = await names.get(other);
      return name === null ? { ...base, type: 'hidden', label: 'someone' } : { ...base, type: 'person', label: name };
    }),
  );
  replace(
    section,
    h('h2', { id: 'network-h' }, 'Their network'),
    ties.length === 0 ? h('p', { class: 'empty' }, 'No ties recorded yet.') : egoPicture(person.name, contacts),
    ties.length > strongest.length ? h('p', { class: 'hint' }, `The ${strongest.length} strongest of ${ties.length} ties are drawn.`) : null,
  );
}
