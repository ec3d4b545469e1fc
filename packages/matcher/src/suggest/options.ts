/**
 * The matcher's options and the introduction history, as zod schemas: validated once at the boundary of every
 * public function (`suggestIntroductions`, `suggestForCaseload`, `planEventTables`, `buildSuggestIndex`), so the
 * algorithms below them work on checked, defaulted values. See docs/matching.md for what each threshold means.
 */
import { BridgeworkError, IdSchema, DEFAULT_HALF_LIFE_DAYS } from '@bridgework/graph-core';
import { z } from 'zod';
import { PROFILES, PROFILE_NAMES, WeightProfileSchema, type WeightProfile } from '../profiles.js';

/**
 * Defaults of the matcher. Every number is documented in docs/matching.md:
 * - `minVouchStrength` 0.2: an introducer's ties to both sides must have at least this effective strength (decayed
 *   to `now`). One shared event gives a `met-at-event` tie of 0.15 at most, so a single brief meeting never vouches;
 *   a tie recorded as `knows` with monthly contact, or a few recent shared events (1 − 0.85² ≈ 0.28), does.
 * - `fewTies` 5: people with fewer contacts than this also get three-step warm chains (every link ≥ the threshold).
 * - `chainDiscount` 0.6: a three-step chain's path strength is its weakest link times this (one more hand-over).
 * - `maxOpenPerPerson` 3: nobody carries more open introductions than this, as asker or as the one asked to meet.
 * - `maxOpenPerIntroducer` 3: the load at which the introducer-load penalty is full (and the caseload cap).
 * - `coAttendanceMinStrength` 0.05: shared-event ties weaker than this no longer count as knowing each other
 *   (one event about four months ago).
 */
export const SUGGEST_DEFAULTS = Object.freeze({
  k: 10,
  profile: 'balanced' as const,
  minVouchStrength: 0.2,
  fewTies: 5,
  chainDiscount: 0.6,
  maxOpenPerPerson: 3,
  maxOpenPerIntroducer: 3,
  halfLifeDays: DEFAULT_HALF_LIFE_DAYS,
  coAttendanceMinStrength: 0.05,
  seed: 42,
  /** Half-life, in days, of the recency feature over the introducer's last contacts. */
  recencyHalfLifeDays: 90,
  /** Each unanswered impression keeps this share of the suggestion (penalty 1 − 0.7ⁿ). */
  impressionDecay: 0.7,
  /** Impressions older than this many days count half (when `lastShown` is given). */
  impressionHalfLifeDays: 30,
  /** Candidates considered for re-ranking: max(poolFactor · k, minPool). */
  poolFactor: 5,
  minPool: 30,
  /** Share of a member's top k that may be other members (peer support) while other candidates remain. */
  maxPeerShare: 0.3,
  /** People from one organisation in one top k, while others remain. */
  maxPerOrganisation: 2,
  /** Suggestions through one introducer in one top k, while others remain. */
  maxPerIntroducerInList: 3,
  /**
   * The likelihood the product ranks with (the API's suggestions and `bridgework suggest`): `resource-allocation`
   * (the default) — no scorer, the structural likelihood (Zhou, Lü & Zhang 2009) the performance targets are met
   * with; `learned` — the link model fitted on the graph's own history (`fitDomainLinkModel`, once per index) passed
   * as `linkScorer`, opt-in: 3–6× the cost per query and untested against outcomes on domain graphs (docs/matching.md).
   * The matcher's functions themselves rank with whatever `linkScorer` they are given, resource allocation without one.
   */
  likelihood: 'resource-allocation' as 'learned' | 'resource-allocation',
});

/** The likelihoods the product can rank with (see `SUGGEST_DEFAULTS.likelihood`). */
export const LIKELIHOOD_NAMES = ['learned', 'resource-allocation'] as const;
export type LikelihoodName = (typeof LIKELIHOOD_NAMES)[number];

/** One pair of people, in either order. */
const PairSchema = z.strictObject({ a: IdSchema, b: IdSchema });

/**
 * An introduction asked for and not yet answered: who asked to meet whom, through whom. `introducerIds` names every
 * introducer the ask rests on (each carries its load); `introducerId`, the older single-introducer form, is still
 * accepted and counts as one more (an id given in both counts once).
 */
export const OpenAskSchema = z.strictObject({
  personId: IdSchema,
  candidateId: IdSchema,
  introducerId: IdSchema.nullable().default(null),
  introducerIds: z.array(IdSchema).default([]),
});
export type OpenAsk = z.infer<typeof OpenAskSchema>;

/** A suggestion shown to a coach or member `count` times without anyone acting on it. */
export const ImpressionSchema = z.strictObject({
  personId: IdSchema,
  candidateId: IdSchema,
  count: z.number().int().min(0),
  lastShown: z.iso.date().or(z.iso.datetime({ offset: true })).nullable().default(null),
});
export type Impression = z.infer<typeof ImpressionSchema>;

/**
 * What has happened to introductions so far — stored by the API later, passed in as plain data now.
 * `blocked`: pairs that must never be introduced (a safeguarding decision, a request); `declined`: pairs where one
 * side said no before; `openAsks`: introductions asked and not yet answered; `impressions`: suggestions shown without
 * action.
 */
export const IntroductionHistorySchema = z.strictObject({
  blocked: z.array(PairSchema).default([]),
  declined: z.array(PairSchema).default([]),
  openAsks: z.array(OpenAskSchema).default([]),
  impressions: z.array(ImpressionSchema).default([]),
});
export type IntroductionHistory = z.infer<typeof IntroductionHistorySchema>;
export type IntroductionHistoryInput = z.input<typeof IntroductionHistorySchema>;

const DateLike = z.union([z.date(), z.iso.date(), z.iso.datetime({ offset: true })]).transform((d, ctx) => {
  const t = d instanceof Date ? d : new Date(d.length === 10 ? `${d}T00:00:00Z` : d);
  if (Number.isNaN(t.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'must be a valid date' });
    return z.NEVER;
  }
  return t;
});

/** The options that shape the index: they fix how ties are weighed at `now`. */
export const IndexOptionsSchema = z.strictObject({
  now: DateLike,
  halfLifeDays: z.number().positive().default(SUGGEST_DEFAULTS.halfLifeDays),
  coAttendanceMinStrength: z.number().min(0).max(1).default(SUGGEST_DEFAULTS.coAttendanceMinStrength),
  /** Seed of the Louvain communities behind the bridging feature. */
  seed: z.number().int().default(SUGGEST_DEFAULTS.seed),
});
export type IndexOptionsInput = z.input<typeof IndexOptionsSchema>;
export type IndexOptions = z.infer<typeof IndexOptionsSchema>;

/** A structural or learned link score for a person and their candidates: one number in [0, 1] per candidate. */
export type LinkScorer = (personId: string, candidateIds: readonly string[]) => ArrayLike<number>;

export const ProfileChoiceSchema = z.union([z.enum(PROFILE_NAMES), WeightProfileSchema]);

/** Options of `suggestIntroductions` (and the per-person part of `suggestForCaseload`). */
export const SuggestOptionsSchema = z.strictObject({
  now: DateLike,
  k: z.number().int().min(1).max(200).default(SUGGEST_DEFAULTS.k),
  profile: ProfileChoiceSchema.default(SUGGEST_DEFAULTS.profile),
  minVouchStrength: z.number().min(0).max(1).default(SUGGEST_DEFAULTS.minVouchStrength),
  fewTies: z.number().int().min(0).default(SUGGEST_DEFAULTS.fewTies),
  chainDiscount: z.number().min(0).max(1).default(SUGGEST_DEFAULTS.chainDiscount),
  maxOpenPerPerson: z.number().int().min(1).default(SUGGEST_DEFAULTS.maxOpenPerPerson),
  maxOpenPerIntroducer: z.number().int().min(1).default(SUGGEST_DEFAULTS.maxOpenPerIntroducer),
  halfLifeDays: z.number().positive().default(SUGGEST_DEFAULTS.halfLifeDays),
  coAttendanceMinStrength: z.number().min(0).max(1).default(SUGGEST_DEFAULTS.coAttendanceMinStrength),
  seed: z.number().int().default(SUGGEST_DEFAULTS.seed),
  history: IntroductionHistorySchema.default({ blocked: [], declined: [], openAsks: [], impressions: [] }),
  /**
   * A coach's caseload: when given, the person must be in it (their `coachId` is this coach, or their id is listed),
   * else the answer is empty with the reason `out-of-scope`.
   */
  scope: z.strictObject({ coachId: IdSchema.optional(), personIds: z.array(IdSchema).optional() }).optional(),
  /** Only these people may be suggested (e.g. who comes to next week's lunch). */
  candidateIds: z.array(IdSchema).optional(),
  /** A pluggable likelihood model; default: resource allocation normalised over the person's candidates. */
  linkScorer: z.custom<LinkScorer>((f) => typeof f === 'function', 'must be a function (personId, candidateIds) => numbers in [0, 1]').optional(),
  /**
   * Suggest the service's own coaches and staff (roles `coach`, `staff`) as people to meet (default false: they are
   * introducers, and a member already reaches them through the service).
   */
  includeStaff: z.boolean().default(false),
  /**
   * At most this share of a member's top k are other members (peer support), while other candidates remain: peers
   * help each other, but the point is to reach beyond the circle of people out of work (default 0.3).
   */
  maxPeerShare: z.number().min(0).max(1).default(SUGGEST_DEFAULTS.maxPeerShare),
  /** Write the coach-facing sentences (default true; false is faster for batch work that explains later). */
  explain: z.boolean().default(true),
});
export type SuggestOptionsInput = z.input<typeof SuggestOptionsSchema>;
export type SuggestOptions = z.infer<typeof SuggestOptionsSchema>;

/** Parse options with a `matcher/<fn>: …` validation error naming every bad field. */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const detail = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'options'}: ${i.message}`).join('; ');
  throw new BridgeworkError('validation', `matcher/${where}: invalid options — ${detail}`, r.error.issues);
}

/** The weight profile for a name or a custom profile object. */
export function resolveProfile(choice: z.infer<typeof ProfileChoiceSchema>): WeightProfile {
  return typeof choice === 'string' ? PROFILES[choice] : choice;
}
