/**
 * `GET /v1/people/{id}/suggestions`: the matcher's ranked introductions for a person, with paths and reasons.
 *
 * The graph and the matcher's index are built once and reused until the next write — through the API (consent
 * withdrawn, a tie added, an erasure) or by another process on the same file — or the next day (tie strengths decay
 * by the day); the next request then rebuilds them, so suggestions reflect every write at once. Answers are kept
 * with the snapshot they were computed on and go with it (an erasure leaves no cached answer naming the person), and
 * each answer is serialised once per viewer and sent as is until then. Who may ask is judged on the same snapshot.
 * A coach asks only for their own members, and suggestions that would name anyone the coach may not see (another
 * coach's member, someone without consent) are left out.
 *
 * The introduction history feeds the matcher at once (routes/introductions.ts): declined pairs and pairs already
 * introduced are never suggested, open introductions count against the caps (`maxOpenPerPerson`, and the
 * introducer's load), and impressions discount suggestions shown before without action (Lee et al. 2014, KDD).
 * Each answer records what it showed as impressions, counted once per pair and day; the matcher is given the
 * impressions of earlier days only, so suggestions stay the same all day and rotate from one day to the next.
 * Cached answers are dropped whenever the history changes.
 *
 * The likelihood feature is resource allocation by default, or (`suggestSnapshots({ likelihood: 'learned' })`) the
 * link model learned from the graph's own history of ties and shared events (`productLinkScorer`, docs/matching.md),
 * fitted once per snapshot with the index.
 */
import {
  FEATURE_NAMES,
  PROFILE_NAMES,
  SUGGEST_DEFAULTS,
  buildSuggestIndex,
  productLinkScorer,
  suggestIntroductions,
  type IntroductionHistoryInput,
  type LikelihoodName,
  type LinkScorer,
  type SuggestIndex,
  type Suggestion,
  type SuggestionResult,
  type SuggestionTag,
  type FeatureName,
} from '@bridgework/matcher';
import { PersonRoleSchema, SectorSchema, TIE_KIND_NAMES, type BridgeworkGraph } from '@bridgework/graph-core';
import { z } from 'zod';
import { canSeePerson, isOwnMember, notFound } from '../access.js';
import type { Caller } from '../auth/permissions.js';
import { ApiError } from '../http/problems.js';
import { defineRoute, type AppDeps, type AnyRoute } from '../http/route.js';
import { IdParamsSchema } from '../schemas.js';

export const SuggestionsQuerySchema = z.strictObject({
  k: z.coerce.number({ error: 'must be a whole number in [1, 50]' }).int('must be a whole number in [1, 50]').min(1, 'must be a whole number in [1, 50]').max(50, 'must be a whole number in [1, 50]').default(10),
  profile: z.enum(PROFILE_NAMES, { error: `must be one of ${PROFILE_NAMES.join(', ')}` }).default('balanced'),
});

/**
 * The matcher's tags (`SuggestionTag`), as the API declares them. The matcher exports the type only: `satisfies`
 * refuses a tag it does not have, and `AllTags` fails the type-check if it gains one this list lacks.
 */
export const SUGGESTION_TAGS = ['goal-sector', 'past-goal-sector', 'goal-role', 'hiring', 'peer-support', 'new-community', 'new-sectors', 'warm-chain'] as const satisfies readonly SuggestionTag[];
type Check<T extends true> = T;
export type AllTags = Check<[SuggestionTag] extends [(typeof SUGGESTION_TAGS)[number]] ? true : false>;

const SuggestionTagOut = z
  .enum(SUGGESTION_TAGS)
  .meta({
    id: 'SuggestionTag',
    description:
      'Why the suggestion fits: goal-sector (works in a sector the person aims for), past-goal-sector (worked in one before), goal-role (does the kind of job they want), ' +
      'hiring (their employer is hiring, in a goal sector), peer-support (another member with the same goals), new-community (outside the person\'s usual circle), ' +
      'new-sectors (opens sectors the person cannot reach yet), warm-chain (reached through a chain of two people).',
  });

const FEATURE_WORDS: Record<FeatureName, string> = {
  likelihood: 'How likely the two are to connect (resource allocation, or the learned link model).',
  goalRelevance: 'How well the candidate matches the person\'s goal sectors and roles.',
  bridging: 'How much the introduction widens the person\'s network (structural holes, new communities and sectors).',
  embeddedness: 'How many contacts the two share, normalised.',
  pathStrength: 'The strength of the path through the introducer (its weakest tie).',
  recency: 'How recently the path\'s ties were in touch.',
  introducerLoad: 'Penalty: the introducer\'s open introductions, as a share of their cap.',
  impressions: 'Penalty: the suggestion was shown before without action (impression discounting).',
};
const FeaturesOut = z
  .strictObject(Object.fromEntries(FEATURE_NAMES.map((f) => [f, z.number().meta({ description: FEATURE_WORDS[f] })])) as Record<FeatureName, z.ZodNumber>)
  .meta({ description: 'Each feature of the score, in [0, 1]; the score is the profile\'s weighted sum, penalties subtracted (docs/matching.md).' });

const PathStepOut = z.strictObject({
  from: z.string(),
  to: z.string(),
  kinds: z.array(z.enum([...TIE_KIND_NAMES, 'met-at-event'])).meta({ description: 'Recorded tie kinds, strongest first, and met-at-event when the two attended events together.' }),
  strength: z.number().meta({ description: 'Effective strength of the step now.' }),
  lastContactDaysAgo: z.number().nullable().meta({ description: 'Days since the two were last in touch, when a tie carries a date.' }),
});

/**
 * One suggestion as the API sends it: exactly these fields (a strict object; the route maps the matcher's
 * `Suggestion` to it field by field, so nothing undeclared is sent). Left out of the matcher's suggestion:
 * `contributions` (each feature times the profile's weight: the profiles are published, so it adds nothing to
 * `features`) and `facts` (the member's own network measures — Burt's constraint before and after, effective-size
 * gain — which are analytics behind `analytics:read`; the candidate's community number, an internal index of the
 * snapshot's partition; and the counts of shared contacts, new sectors and earlier impressions, already told in
 * `sentences`, `tags` and `features`).
 */
export const SuggestionOut = z
  .strictObject({
    rank: z.number().int().meta({ description: 'Position in this answer, from 1.' }),
    id: z.string().meta({ description: 'The person suggested.' }),
    name: z.string(),
    roles: z.array(PersonRoleSchema),
    organisation: z
      .strictObject({ id: z.string(), name: z.string(), sector: SectorSchema, sectorLabel: z.string(), hiring: z.boolean() })
      .nullable()
      .meta({ description: 'Where the person suggested works (null when no employer is recorded).' }),
    jobTitle: z.string().nullable().meta({ description: 'Their job title, when recorded.' }),
    kind: z.enum(['introduction', 'warm-chain']).meta({ description: 'introduction through one introducer, or a warm-chain of three steps.' }),
    tags: z.array(SuggestionTagOut),
    introducers: z
      .array(z.strictObject({ id: z.string(), name: z.string(), pathStrength: z.number().meta({ description: 'The weakest link of the path (times the chain discount for three steps).' }), path: z.array(PathStepOut) }))
      .meta({ description: 'Up to two introducers, best path first.' }),
    score: z.number(),
    features: FeaturesOut,
    sentences: z.array(z.string()).meta({ description: 'One to three sentences a coach can read aloud.' }),
  })
  .meta({ id: 'Suggestion' });
export type SuggestionSent = z.output<typeof SuggestionOut>;

export const SuggestionsOut = z
  .strictObject({
    personId: z.string(),
    now: z.string(),
    profile: z.enum(PROFILE_NAMES),
    suggestions: z.array(SuggestionOut),
    reason: z.enum(['no-consent', 'open-cap-reached', 'out-of-scope', 'no-candidates']).nullable(),
    considered: z.number().int(),
  })
  .meta({ id: 'Suggestions' });

/** The declared shape of one matcher suggestion at `rank`, copied field by field (nothing else of it is sent). */
export function suggestionOut(s: Suggestion, rank: number): SuggestionSent {
  const o = s.organisation;
  return {
    rank,
    id: s.id,
    name: s.name,
    roles: [...s.roles],
    organisation: o ? { id: o.id, name: o.name, sector: o.sector, sectorLabel: o.sectorLabel, hiring: o.hiring } : null,
    jobTitle: s.jobTitle,
    kind: s.kind,
    tags: [...s.tags],
    introducers: s.introducers.map((i) => ({
      id: i.id,
      name: i.name,
      pathStrength: i.pathStrength,
      path: i.path.map((p) => ({ from: p.from, to: p.to, kinds: [...p.kinds], strength: p.strength, lastContactDaysAgo: p.lastContactDaysAgo })),
    })),
    score: s.score,
    features: Object.fromEntries(FEATURE_NAMES.map((f) => [f, s.features[f]])) as Record<FeatureName, number>,
    sentences: [...s.sentences],
  };
}

interface Cached {
  version: number;
  day: string;
  graph: BridgeworkGraph;
  index: SuggestIndex;
  /**
   * The likelihood suggestions rank with: undefined for resource allocation (the default), or the link model learned
   * from the graph's own history, fitted once per snapshot with the index (see `suggestSnapshots`).
   */
  linkScorer: LinkScorer | undefined;
  /** Answers already computed on this snapshot, by person, k and profile (dropped with the snapshot or a history change). */
  results: Map<string, SuggestionResult>;
  /** The history version the results were computed at. */
  history: number;
  /** Impressions already recorded on this snapshot's day (`person␟candidate`), to skip writing them again. */
  shown: Set<string>;
  /**
   * Answers as sent, serialised once, by person, k, profile and viewer (a coach sees only the suggestions naming
   * people they may see; other roles see all), with the ids each shows; dropped with `results`.
   */
  answers: Map<string, { json: Buffer; shown: readonly string[]; recorded: boolean }>;
  /** Bytes held in `answers`. */
  answerBytes: number;
}

/** Reads the suggestion snapshot of a request's moment (see `suggestSnapshots`). */
export type SuggestSnapshots = ReturnType<typeof suggestSnapshots>;

/** The matcher's history for one person from the stored introductions and impressions (impressions of earlier days only). */
export async function historyFor(deps: AppDeps, personId: string, day: string): Promise<IntroductionHistoryInput> {
  const h = await deps.store.api.introductionHistory(personId);
  const impressions = [];
  for (const i of h.impressions) {
    const count = i.lastShown >= day ? i.count - 1 : i.count;
    if (count > 0) impressions.push({ personId: i.personId, candidateId: i.candidateId, count, lastShown: i.lastShown });
  }
  // Every introducer of an open ask carries its load (the matcher counts each against maxOpenPerIntroducer).
  const openAsks = h.openAsks.map((a) => ({ personId: a.personId, candidateId: a.candidateId, introducerIds: a.introducerIds }));
  return { blocked: h.introduced, declined: h.declined, openAsks, impressions };
}

const MAX_CACHED_RESULTS = 10_000;
/** Serialised answers kept per snapshot, in bytes (the cache starts over when full). */
const MAX_CACHED_ANSWER_BYTES = 32 * 1024 * 1024;

/**
 * The graph and index for `now`'s day at the current write version (built on first use), and with `likelihood:
 * 'learned'` the learned link model's scorer fitted on the same graph and day (default
 * `SUGGEST_DEFAULTS.likelihood`, resource allocation: no fit). One per set of routes; shared with the event planner (routes/event-plans.ts),
 * which reads `graph` and `index` only.
 */
export function suggestSnapshots(options: { likelihood?: LikelihoodName } = {}) {
  const likelihood = options.likelihood ?? SUGGEST_DEFAULTS.likelihood;
  let cached: Promise<Cached> | undefined;
  let key = '';
  return async (deps: AppDeps, now: Date): Promise<Cached> => {
    const day = now.toISOString().slice(0, 10);
    const version = deps.version();
    const k = `${version}|${await deps.dataVersion()}|${day}`;
    if (!cached || key !== k) {
      key = k;
      const at = new Date(`${day}T00:00:00Z`);
      cached = deps
        .domainGraph()
        .then((graph) => ({
          version,
          day,
          graph,
          index: buildSuggestIndex(graph, { now: at }),
          linkScorer: productLinkScorer(graph, { now: at, likelihood }),
          results: new Map(),
          history: deps.historyVersion(),
          shown: new Set<string>(),
          answers: new Map(),
          answerBytes: 0,
        }));
      cached.catch(() => {
        if (key === k) key = '';
      });
    }
    return cached;
  };
}

/** Whether every person a suggestion names is visible to the caller. */
function visibleTo(caller: Caller, graph: BridgeworkGraph, s: Suggestion): boolean {
  if (caller.role !== 'coach') return true;
  const ids = new Set<string>([s.id]);
  for (const i of s.introducers) {
    ids.add(i.id);
    for (const step of i.path) {
      ids.add(step.from);
      ids.add(step.to);
    }
  }
  for (const id of ids) {
    const n = graph.node(id);
    if (!n) return false;
    if (n.type === 'person' && !canSeePerson(caller, n)) return false;
  }
  return true;
}

/** The suggestion routes, over `snapshot` (give the same one to the event planner to share the graph and index). */
export function suggestionRoutes(snapshot = suggestSnapshots()): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/people/:id/suggestions',
      tag: 'people',
      summary: 'Suggest introductions for a person',
      description:
        'Who this person should meet, through whom, and why: the matcher ranked by the chosen weight profile (docs/matching.md). ' +
        'Only people who consented are suggested; a coach asks for their own members only.',
      permission: 'suggestions:read',
      params: IdParamsSchema,
      query: SuggestionsQuerySchema,
      responses: { 200: { description: 'Ranked suggestions', schema: SuggestionsOut } },
      handler: async ({ params, query, caller, deps, audit }) => {
        const snap = await snapshot(deps, deps.now());
        const { graph, index, linkScorer, results, answers, day } = snap;
        // Who may ask, judged on the snapshot: it is the store as of this request (any write since replaced it).
        const person = graph.node(params.id);
        if (!person || person.type !== 'person' || !canSeePerson(caller, person)) throw notFound('person', params.id);
        if (caller.role === 'coach' && !isOwnMember(caller, person)) {
          throw new ApiError('forbidden', 'a coach asks for suggestions for the members of their own caseload only');
        }
        audit('suggest', 'person', params.id);
        if (snap.history !== deps.historyVersion()) {
          results.clear();
          answers.clear();
          snap.answerBytes = 0;
          snap.history = deps.historyVersion();
        }
        const viewer = caller.role === 'coach' ? `coach:${caller.coachId}` : '*';
        const answerKey = `${params.id}\u001f${query.k}\u001f${query.profile}\u001f${viewer}`;
        let answer = answers.get(answerKey);
        if (!answer) {
          const ask = caller.role === 'coach' ? Math.min(200, query.k * 3) : query.k;
          const key = `${params.id}\u001f${ask}\u001f${query.profile}`;
          let r = results.get(key);
          if (!r) {
            const history = await historyFor(deps, params.id, day);
            r = suggestIntroductions(graph, params.id, { now: index.options.now, k: ask, profile: query.profile, index, history, linkScorer });
            if (results.size >= MAX_CACHED_RESULTS) results.clear();
            results.set(key, r);
          }
          const suggestions = r.suggestions.filter((s) => visibleTo(caller, graph, s)).slice(0, query.k).map((s, i) => suggestionOut(s, i + 1));
          const reason = r.reason ?? (suggestions.length === 0 ? 'no-candidates' : null);
          const json = Buffer.from(JSON.stringify({ personId: r.personId, now: r.now, profile: r.profile, suggestions, reason, considered: r.considered }));
          answer = { json, shown: suggestions.map((s) => s.id), recorded: false };
          if (snap.answerBytes + json.length > MAX_CACHED_ANSWER_BYTES) {
            answers.clear();
            snap.answerBytes = 0;
          }
          answers.set(answerKey, answer);
          snap.answerBytes += json.length;
        }
        // Impressions: what this answer shows, once per pair and day (today's do not change today's answers). Once
        // recorded for this snapshot's day, an answer needs no more checks.
        if (!answer.recorded) {
          const fresh = answer.shown.filter((id) => !snap.shown.has(`${params.id}\u001f${id}`));
          if (fresh.length > 0) {
            await deps.store.api.recordImpressions(params.id, fresh, day);
            for (const id of fresh) snap.shown.add(`${params.id}\u001f${id}`);
          }
          answer.recorded = true;
        }
        return { status: 200, json: answer.json };
      },
    }),
  ];
}
