/**
 * The Bridgework web app: sign in with an API key, then the coach's caseload and member pages, or the analyst's network
 * map — whichever the key may read. Plain TypeScript and DOM; routes are paths (`/caseload`, `/members/ID`, `/map`)
 * served by the API's fallback to index.html.
 */
import { ApiFailure, UNREACHABLE, can, setUnauthorisedHandler } from './api.js';
import { h, replace } from './dom.js';
import { keyProblem } from './format.js';
import { clearSession, loadSession, saveSession, type Session } from './session.js';
import { renderCaseload } from './coach/caseload.js';
import { renderMember } from './coach/member.js';
import { renderEventPlan, renderEvents } from './coach/event-plan.js';
import { renderMap } from './analyst/network-map.js';

const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
const statusBox = document.getElementById('status')!;

/** Show a message in the polite live region (or clear it). */
export function say(message: string | null, kind: 'info' | 'error' = 'info'): void {
  statusBox.hidden = message === null;
  statusBox.className = `status ${kind}`;
  statusBox.textContent = message ?? '';
}

/** What each screen is given. */
export interface ScreenContext {
  session: Session;
  root: HTMLElement;
  go(path: string): void;
  say: typeof say;
}

let cleanup: (() => void) | undefined;

function go(path: string, replaceState = false): void {
  if (replaceState) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void route();
}

function home(s: Session): string {
  return s.coach ? '/caseload' : s.analyst ? '/map' : '/sign-in';
}

function renderNav(s: Session | null): void {
  if (!s) {
    replace(nav);
    return;
  }
  const here = location.pathname;
  const link = (path: string, text: string, active: boolean) =>
    h('a', { href: path, ...(active ? { 'aria-current': 'page' } : {}), onclick: (e: Event) => (e.preventDefault(), go(path)) }, text);
  replace(
    nav,
    s.coach ? link('/caseload', 'Caseload', here === '/caseload' || here.startsWith('/members/')) : null,
    s.coach ? link('/events', 'Events', here === '/events' || here.startsWith('/events/')) : null,
    s.analyst ? link('/map', 'Network map', here === '/map') : null,
    h('button', { type: 'button', class: 'link-button', onclick: () => signOut(null) }, 'Sign out'),
  );
}

function signOut(message: string | null): void {
  clearSession();
  go('/sign-in', true);
  if (message) say(message, 'error');
}

async function route(): Promise<void> {
  cleanup?.();
  cleanup = undefined;
  const session = loadSession();
  const path = location.pathname;
  renderNav(session);
  if (!session || path === '/sign-in') {
    if (session && path === '/sign-in') return go(home(session), true);
    if (path !== '/sign-in') history.replaceState(null, '', '/sign-in');
    renderSignIn();
    return;
  }
  say(null);
  const ctx: ScreenContext = { session, root: main, go, say };
  const member = /^\/members\/([^/]+)$/.exec(path);
  const eventPage = /^\/events\/([^/]+)$/.exec(path);
  try {
    if (path === '/caseload' && session.coach) await renderCaseload(ctx);
    else if (member && session.coach) await renderMember(ctx, decodeURIComponent(member[1]!));
    else if (path === '/events' && session.coach) await renderEvents(ctx);
    else if (eventPage && session.coach) await renderEventPlan(ctx, decodeURIComponent(eventPage[1]!));
    else if (path === '/map' && session.analyst) cleanup = await renderMap(ctx);
    else return go(home(session), true);
  } catch (e) {
    if (e instanceof ApiFailure && e.unauthorised) return; // the handler has signed out
    replace(main, h('h1', {}, 'Something went wrong'), h('p', { class: 'error-text' }, e instanceof Error ? e.message : String(e)));
  }
}

function renderSignIn(): void {
  document.title = 'Sign in — Bridgework';
  const input = h('input', { id: 'key', name: 'key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'key-hint key-error' });
  const error = h('p', { id: 'key-error', class: 'error-text', 'aria-live': 'assertive' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'sign-in', novalidate: true },
    h('h1', {}, 'Sign in to Bridgework'),
    h('label', { for: 'key' }, 'API key'),
    h('p', { id: 'key-hint', class: 'hint' }, 'Paste the key your administrator gave you (it starts with bw_). It is kept in this browser tab only and forgotten when you close it.'),
    input,
    error,
    button,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void signIn(input.value.trim(), error, button);
  });
  replace(main, form);
  input.focus();
}

async function signIn(key: string, error: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const problem = keyProblem(key);
  if (problem) {
    error.textContent = problem;
    return;
  }
  error.textContent = '';
  button.disabled = true;
  button.textContent = 'Checking the key…';
  try {
    // What the key may read decides the screens: a coach's caseload, the analysts' aggregates, or both (admin).
    const [coach, analyst] = await Promise.all([can(key, '/v1/analytics/caseload'), can(key, '/v1/analytics/summary')]);
    if (!coach && !analyst) {
      error.textContent = 'This key works, but it may not read caseloads or network analytics. Ask for a coach or analyst key.';
      return;
    }
    saveSession({ key, coach, analyst });
    say(null);
    go(coach ? '/caseload' : '/map', true);
  } catch (e) {
    error.textContent = e instanceof ApiFailure ? e.message : UNREACHABLE;
  } finally {
    button.disabled = false;
    button.textContent = 'Sign in';
  }
}

// A key refused mid-session (revoked, expired): back to sign-in, saying why. On the sign-in form the form says it.
setUnauthorisedHandler((f) => {
  if (location.pathname !== '/sign-in') signOut(f.message);
});
window.addEventListener('popstate', () => void route());
void route();
