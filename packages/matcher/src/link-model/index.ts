/**
 * The learned link model: a link likelihood learned from a network's own history of first ties, with the summary of
 * that history it reads, its pair features, the conditional logit it is fitted with, and the profile features the
 * matcher combines with it.
 */
export { summariseHistory, HISTORY_DEFAULTS, type HistoryOptions, type LinkEvents, type LinkHistory } from './history.js';
export { pairFeatures, createFeatureScratch, PAIR_FEATURES, FEATURE_COUNT, WALK_RESTART, WALK_STEPS, type FeatureScratch, type PairFeature } from './pair-features.js';
export { fitConditionalLogit, CONDITIONAL_LOGIT_DEFAULTS, type ChoiceSet, type ConditionalLogitModel, type ConditionalLogitOptions } from './conditional-logit.js';
export {
  fitLinkModel,
  fitHindsightLinkModel,
  innerSplitIndex,
  shortlistOf,
  LINK_MODEL_DEFAULTS,
  type LinkModel,
  type LinkModelFit,
  type LinkModelOptions,
  type IndexLinkScorer,
  type RankedCandidates,
} from './link-model.js';
export { profileFeatures, profileScores, embeddednessOf, contactStrength, EMBEDDEDNESS_PEAK, type ProfileFeatures } from './profile-features.js';
