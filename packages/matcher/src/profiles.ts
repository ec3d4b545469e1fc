/**
 * Named weight profiles for the matcher. A profile weighs the matcher's features; every feature is scaled to [0, 1]
 * before it is weighed (penalties are subtracted), so the weights of one profile are comparable with each other.
 *
 * - `likelihood`: how likely the tie is to form, from a model learned on the network's own history of new ties
 *   (structural and temporal features; see `docs/matching.md` and `docs/evaluation.md`).
 * - `goalRelevance`: the target's sectors, roles and skills against the person's goals (domain graphs only).
 * - `bridging`: the target sits in another community; the drop in the person's Burt constraint and the gain in
 *   effective size if the tie were added; new sectors reached (Burt 1992).
 * - `embeddedness`: an inverted U over the shared contacts, preferring moderately weak ties (Rajkumar et al. 2022).
 * - `pathStrength`: the weakest link of the introduction path (an introducer must be able to vouch).
 * - `recency`: how recently the introducer was in touch with both sides.
 * - `introducerLoad` (penalty): how many open asks the introducer already carries.
 * - `impressions` (penalty): how often the suggestion was shown without action (impression discounting).
 *
 * `diversity` is the λ of maximal marginal relevance: 0 keeps the pure score order, 1 spreads the top k as much as
 * possible over firms, communities and introducers.
 */
import { z } from 'zod';

export const PROFILE_NAMES = ['balanced', 'warm', 'bridging'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export const FEATURE_NAMES = [
  'likelihood',
  'goalRelevance',
  'bridging',
  'embeddedness',
  'pathStrength',
  'recency',
  'introducerLoad',
  'impressions',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

const weight = z.number().min(0).max(10);

export const WeightsSchema = z.strictObject({
  likelihood: weight,
  goalRelevance: weight,
  bridging: weight,
  embeddedness: weight,
  pathStrength: weight,
  recency: weight,
  introducerLoad: weight,
  impressions: weight,
});
export type Weights = z.infer<typeof WeightsSchema>;

export const WeightProfileSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lower-case name such as "balanced"'),
  description: z.string().min(1),
  weights: WeightsSchema,
  diversity: z.number().min(0).max(1),
});
export type WeightProfile = z.infer<typeof WeightProfileSchema>;

/**
 * The built-in profiles. The likelihood, bridging, embeddedness, pathStrength, recency and diversity values were chosen
 * on the time-split evaluation of two email networks (`docs/evaluation.md` records the figures behind them), where
 * every profile's list is also held to the reach floor (`evaluation/reach-floor.ts`): `balanced` gets its reach into
 * new communities from that floor, so it needs no diversity λ there (any λ > 0 cost hits on both networks);
 * goalRelevance, introducerLoad and impressions need a domain graph and are not measured there: `balanced` weighs goal
 * relevance 2 so that someone working in the person's goal sector comes first for about half of the demo town's
 * members (25% at weight 1, 52% at 2, 63% at 3 — docs/matching.md) without crowding out likely, bridging ties.
 */
export const PROFILES: Readonly<Record<ProfileName, WeightProfile>> = {
  balanced: {
    name: 'balanced',
    description: 'Likely, goal-relevant introductions that also widen the network.',
    weights: { likelihood: 1, goalRelevance: 2, bridging: 0.05, embeddedness: 0, pathStrength: 0, recency: 0, introducerLoad: 0.3, impressions: 0.5 },
    diversity: 0,
  },
  warm: {
    name: 'warm',
    description: 'Introductions through strong, recent ties: the easiest asks, for people with few or fragile ties.',
    weights: { likelihood: 1, goalRelevance: 0.8, bridging: 0, embeddedness: 0.05, pathStrength: 0.2, recency: 0.1, introducerLoad: 0.3, impressions: 0.5 },
    diversity: 0.05,
  },
  bridging: {
    name: 'bridging',
    description: 'Introductions into parts of the network the person does not reach yet: more new sectors, fewer sure things.',
    weights: { likelihood: 1, goalRelevance: 1, bridging: 0.4, embeddedness: 0.05, pathStrength: 0.1, recency: 0, introducerLoad: 0.3, impressions: 0.5 },
    diversity: 0.3,
  },
};
