/**
 * Introductions with a double opt-in: a coach (or a service) proposes that a person meet someone through an
 * introducer; each side accepts or declines; once both accept, the introducer makes the introduction; then the
 * outcome is recorded.
 *
 *   proposed ──both accept──▶ accepted ──make──▶ made ──outcome──▶ closed (met, helpful, interview, job, declined, no-reply)
 *      │ either declines            │                                 └─ a later outcome may replace it (met → job)
 *      ▼                            │
 *   declined        proposed or accepted ──withdraw──▶ withdrawn
 *
 * A change that the current state does not allow is a 409 problem naming the state (`state`). The history feeds the
 * matcher at once (routes/suggestions.ts): a declined pair is never suggested again, an introduced one neither, and
 * open introductions (proposed or accepted) count against the matcher's caps — `maxOpenPerPerson` for both people
 * and `maxOpenPerIntroducer` for each introducer — which a proposal is also refused beyond. A coach proposes for the
 * members of their own caseload and sees an introduction only when one side is their member and they may see
 * everyone it names; anyone else's is a 404. Every change is audited against both people.
 */
import { randomBytes } from 'node:crypto';
import { SUGGEST_DEFAULTS } from '@bridgework/matcher';
import type { Person } from '@bridgework/graph-core';
import { canSeePerson, isOwnMember, personFor } from '../access.js';
import { recorder, type Caller } from '../auth/permissions.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AnyRoute, type AppDeps, type RouteContext } from '../http/route.js';
import {
  IntroductionAnswerSchema,
  IntroductionCreateSchema,
  IntroductionIdParamsSchema,
  IntroductionOut,
  IntroductionOutcomeSchema,
  IntroductionsQuerySchema,
  pageOf,
} from '../schemas.js';
import type { Introduction, IntroductionChange, IntroductionFacts, IntroductionStatus } from '../storage.js';

/** The caps a proposal is held to: the matcher's own defaults, so proposals and suggestions agree. */
export const INTRODUCTION_CAPS = Object.freeze({
  maxOpenPerPerson: SUGGEST_DEFAULTS.maxOpenPerPerson,
  maxOpenPerIntroducer: SUGGEST_DEFAULTS.maxOpenPerIntroducer,
});

const OPEN: ReadonlySet<IntroductionStatus> = new Set(['proposed', 'accepted']);

const notFound = (id: string) => new ApiError('not-found', `no introduction with id ${JSON.stringify(id)}`);

const conflict = (intro: Pick<Introduction, 'id' | 'status'>, detail: string) =>
  new ApiError('conflict', `introduction ${intro.id} is ${intro.status}: ${detail}`, { extensions: { state: intro.status } });

/** Everyone an introduction names. */
const named = (i: Pick<Introduction, 'personId' | 'targetId' | 'introducerIds'>): string[] => [i.personId, i.targetId, ...i.introducerIds];

/** Whether the caller may see the introduction: a coach when one side is their member and everyone named is visible. */
async function visible(deps: AppDeps, caller: Caller, intro: Introduction): Promise<boolean> {
  if (caller.role !== 'coach') return true;
  let ownSide = false;
  for (const id of named(intro)) {
    const node = await deps.store.graph.getNode(id);
    if (!node || node.type !== 'person' || !canSeePerson(caller, node)) return false;
    if ((id === intro.personId || id === intro.targetId) && isOwnMember(caller, node)) ownSide = true;
  }
  return ownSide;
}

/** The introduction if the caller may see it; else 404 (whether or not it exists). */
async function introductionFor(deps: AppDeps, caller: Caller, id: string): Promise<Introduction> {
  const intro = await deps.store.api.getIntroduction(id);
  if (!intro || !(await visible(deps, caller, intro))) throw notFound(id);
  return intro;
}

/** Judge a proposal against the stored history (inside the storing transaction). */
function checkProposal(personId: string, targetId: string, facts: IntroductionFacts): void {
  const earlier = (facts.pair.find((p) => OPEN.has(p.status)) ?? facts.pair.find((p) => p.status === 'declined' || p.outcome === 'declined')) ??
    facts.pair.find((p) => p.status === 'made' || p.status === 'closed');
  if (earlier) {
    const why = OPEN.has(earlier.status)
      ? 'is still open for these two people'
      : earlier.status === 'declined' || earlier.outcome === 'declined'
        ? 'was declined: a declined pair is not proposed again'
        : 'already introduced these two people';
    throw conflict(earlier, why);
  }
  const cap = INTRODUCTION_CAPS.maxOpenPerPerson;
  if (facts.personOpen >= cap) throw new ApiError('conflict', `${personId} already has ${facts.personOpen} open introductions (the cap is ${cap})`);
  if (facts.targetOpen >= cap) throw new ApiError('conflict', `${targetId} already has ${facts.targetOpen} open introductions (the cap is ${cap})`);
  for (const [id, load] of Object.entries(facts.introducerLoad)) {
    if (load >= INTRODUCTION_CAPS.maxOpenPerIntroducer) {
      throw new ApiError('conflict', `introducer ${id} has already been asked for ${load} open introductions (the cap is ${INTRODUCTION_CAPS.maxOpenPerIntroducer})`);
    }
  }
}

/** Apply a change made from the state the caller read; a change made meanwhile is a 409. */
async function change(deps: AppDeps, intro: Introduction, next: Omit<IntroductionChange, 'updatedAt'>): Promise<Introduction> {
  const r = await deps.store.api.updateIntroduction(intro.id, intro.revision, { ...next, updatedAt: deps.now().toISOString() });
  if (r) return r;
  const now = await deps.store.api.getIntroduction(intro.id);
  if (!now) throw notFound(intro.id);
  throw conflict(now, 'it changed while this request was made; read it again');
}

function auditBoth(ctx: Pick<RouteContext<unknown, unknown, unknown>, 'audit'>, action: string, intro: Pick<Introduction, 'personId' | 'targetId'>) {
  ctx.audit(action, 'introduction', intro.personId);
  ctx.audit(action, 'introduction', intro.targetId);
}

const reply = (intro: Introduction, status = 200) => ({ status, body: intro, subjects: named(intro) });

export const introductionRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/introductions',
    tag: 'introductions',
    summary: 'List introductions',
    description:
      'In id order; `person` matches either side. A coach must name one of their own members as `person` and sees only introductions naming people they may see.',
    permission: 'introductions:read',
    query: IntroductionsQuerySchema,
    responses: { 200: { description: 'A page of introductions', schema: pageOf(IntroductionOut) } },
    handler: async ({ query, caller, deps, audit }) => {
      if (caller.role === 'coach') {
        if (query.person === undefined) throw new ApiError('forbidden', 'a coach lists the introductions of one of their members at a time (person=…)');
        const p = await personFor(deps.store.graph, caller, query.person);
        if (!isOwnMember(caller, p)) throw new ApiError('forbidden', 'a coach lists the introductions of the members of their own caseload');
      } else if (query.person !== undefined) {
        await personFor(deps.store.graph, caller, query.person);
      }
      const items: Introduction[] = [];
      let after = decodeCursor(query.cursor);
      let nextCursor: string | null = null;
      const filter = { ...(query.person ? { person: query.person } : {}), ...(query.introducer ? { introducer: query.introducer } : {}), ...(query.status ? { status: query.status } : {}) };
      scan: for (;;) {
        const page = await deps.store.api.listIntroductions({ ...filter, ...(after === undefined ? {} : { after }), limit: 500 });
        for (const intro of page) {
          if (!(await visible(deps, caller, intro))) continue;
          if (items.length === query.limit) {
            nextCursor = encodeCursor(items[items.length - 1]!.id);
            break scan;
          }
          items.push(intro);
        }
        if (page.length < 500) break;
        after = page[page.length - 1]!.id;
      }
      for (const i of items) auditBoth({ audit }, 'list', i);
      return { status: 200, body: { items, nextCursor } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/introductions',
    tag: 'introductions',
    summary: 'Propose an introduction',
    description:
      'Typically from a suggestion: the person, who they would meet (target) and the introducer(s). Both must have consented to introductions. ' +
      `Refused with 409 when the pair has an open introduction, declined before or was introduced already, or when the person, the target or an introducer ` +
      `already has ${INTRODUCTION_CAPS.maxOpenPerPerson} open introductions (the matcher's caps). A coach proposes for their own members. Honours Idempotency-Key.`,
    permission: 'introductions:write',
    body: IntroductionCreateSchema,
    idempotent: true,
    historyOnly: true,
    responses: { 201: { description: 'Proposed', schema: IntroductionOut } },
    handler: async ({ body, caller, deps, audit }) => {
      const problems: { pointer: string; detail: string }[] = [];
      if (body.targetId === body.personId) problems.push({ pointer: '/body/targetId', detail: 'must not be the person themselves' });
      body.introducerIds.forEach((id, i) => {
        if (id === body.personId || id === body.targetId) problems.push({ pointer: `/body/introducerIds/${i}`, detail: 'an introducer must be someone other than the two people' });
        else if (body.introducerIds.indexOf(id) !== i) problems.push({ pointer: `/body/introducerIds/${i}`, detail: 'is listed twice' });
      });
      if (problems.length > 0) throw new ApiError('validation', `${problems.length} problem${problems.length === 1 ? '' : 's'} in the request`, { details: problems });
      const person = await personFor(deps.store.graph, caller, body.personId);
      if (caller.role === 'coach' && !isOwnMember(caller, person)) throw new ApiError('forbidden', 'a coach proposes introductions for the members of their own caseload only');
      const target = await personFor(deps.store.graph, caller, body.targetId);
      for (const id of body.introducerIds) await personFor(deps.store.graph, caller, id);
      const unwilling = [person, target].find((p: Person) => !p.consent.introductions);
      if (unwilling) throw new ApiError('conflict', `${unwilling.id} has not consented to introductions`);
      const at = deps.now().toISOString();
      const intro = await deps.store.api.createIntroduction(
        { id: `in-${randomBytes(10).toString('hex')}`, personId: body.personId, targetId: body.targetId, introducerIds: body.introducerIds, proposedAt: at, proposedBy: recorder(caller) },
        (facts) => checkProposal(body.personId, body.targetId, facts),
      );
      auditBoth({ audit }, 'propose', intro);
      return { ...reply(intro, 201), headers: { Location: `/v1/introductions/${intro.id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/introductions/:id',
    tag: 'introductions',
    summary: 'Read an introduction',
    permission: 'introductions:read',
    params: IntroductionIdParamsSchema,
    responses: { 200: { description: 'The introduction', schema: IntroductionOut } },
    handler: async ({ params, caller, deps, audit }) => {
      const intro = await introductionFor(deps, caller, params.id);
      auditBoth({ audit }, 'read', intro);
      return { status: 200, body: intro };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/introductions/:id/answer',
    tag: 'introductions',
    summary: 'Record one side’s answer to a proposed introduction',
    description:
      '`side`: `person` (who asked) or `target` (who they would meet); `answer`: accept or decline. A decline ends it (declined: the pair is never suggested again); ' +
      'the second acceptance makes it accepted. Only a proposed introduction can be answered, and each side answers once.',
    permission: 'introductions:write',
    params: IntroductionIdParamsSchema,
    body: IntroductionAnswerSchema,
    idempotent: true,
    historyOnly: true,
    responses: { 200: { description: 'The introduction after the answer', schema: IntroductionOut } },
    handler: async ({ params, body, caller, deps, audit }) => {
      const intro = await introductionFor(deps, caller, params.id);
      if (intro.status !== 'proposed') throw conflict(intro, 'only a proposed introduction can be answered');
      const field = body.side === 'person' ? 'personAnswer' : 'targetAnswer';
      const given = intro[field];
      if (given !== null) throw conflict(intro, `the ${body.side} already ${given.answer} it`);
      const at = deps.now().toISOString();
      const answer = { answer: body.answer === 'accept' ? ('accepted' as const) : ('declined' as const), at };
      const other = body.side === 'person' ? intro.targetAnswer : intro.personAnswer;
      const status: IntroductionStatus = answer.answer === 'declined' ? 'declined' : other?.answer === 'accepted' ? 'accepted' : 'proposed';
      const next = await change(deps, intro, { [field]: answer, status, ...(status === 'declined' ? { closedAt: at } : {}) });
      auditBoth({ audit }, body.answer, next);
      return reply(next);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/introductions/:id/made',
    tag: 'introductions',
    summary: 'Mark an accepted introduction as made',
    description: 'The introducer has put the two in touch. Only an introduction both sides accepted can be made.',
    permission: 'introductions:write',
    params: IntroductionIdParamsSchema,
    idempotent: true,
    historyOnly: true,
    responses: { 200: { description: 'The introduction, made', schema: IntroductionOut } },
    handler: async ({ params, caller, deps, audit }) => {
      const intro = await introductionFor(deps, caller, params.id);
      if (intro.status !== 'accepted') throw conflict(intro, 'only an introduction both sides accepted can be made');
      const next = await change(deps, intro, { status: 'made', madeAt: deps.now().toISOString() });
      auditBoth({ audit }, 'make', next);
      return reply(next);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/introductions/:id/outcome',
    tag: 'introductions',
    summary: 'Record the outcome of a made introduction',
    description:
      'met, helpful, interview, job, declined (one side did not want to continue: the pair is not suggested again) or no-reply. ' +
      'A later outcome replaces an earlier one (met, then interview, then job).',
    permission: 'introductions:write',
    params: IntroductionIdParamsSchema,
    body: IntroductionOutcomeSchema,
    idempotent: true,
    historyOnly: true,
    responses: { 200: { description: 'The introduction, closed with its outcome', schema: IntroductionOut } },
    handler: async ({ params, body, caller, deps, audit }) => {
      const intro = await introductionFor(deps, caller, params.id);
      if (intro.status !== 'made' && intro.status !== 'closed') throw conflict(intro, 'an outcome is recorded once the introduction is made');
      const next = await change(deps, intro, { status: 'closed', outcome: body.outcome, closedAt: deps.now().toISOString() });
      auditBoth({ audit }, 'outcome', next);
      return reply(next);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/introductions/:id/withdraw',
    tag: 'introductions',
    summary: 'Withdraw an open introduction',
    description: 'Ends a proposed or accepted introduction that will not be made (e.g. nobody answered); it no longer counts against the caps.',
    permission: 'introductions:write',
    params: IntroductionIdParamsSchema,
    idempotent: true,
    historyOnly: true,
    responses: { 200: { description: 'The introduction, withdrawn', schema: IntroductionOut } },
    handler: async ({ params, caller, deps, audit }) => {
      const intro = await introductionFor(deps, caller, params.id);
      if (!OPEN.has(intro.status)) throw conflict(intro, 'only a proposed or accepted introduction can be withdrawn');
      const next = await change(deps, intro, { status: 'withdrawn', closedAt: deps.now().toISOString() });
      auditBoth({ audit }, 'withdraw', next);
      return reply(next);
    },
  }),
];
