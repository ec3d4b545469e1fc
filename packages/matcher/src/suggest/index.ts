/**
 * Introduction suggestions: `suggestIntroductions` for one person, `suggestForCaseload` for a coach's caseload,
 * `planEventTables` for an event, over a reusable `buildSuggestIndex`. See docs/matching.md.
 */
export {
  SUGGEST_DEFAULTS,
  LIKELIHOOD_NAMES,
  type LikelihoodName,
  IntroductionHistorySchema,
  OpenAskSchema,
  ImpressionSchema,
  SuggestOptionsSchema,
  IndexOptionsSchema,
  ProfileChoiceSchema,
  type IntroductionHistory,
  type IntroductionHistoryInput,
  type OpenAsk,
  type Impression,
  type LinkScorer,
  type SuggestOptions,
  type SuggestOptionsInput,
  type IndexOptionsInput,
} from './options.js';
export { fitDomainLinkModel, domainLinkEvents, productLinkScorer, DOMAIN_LINK_MODEL_DEFAULTS, type DomainLinkModel, type DomainLinkModelOptions } from './domain-link-model.js';
export { buildSuggestIndex, SOCIAL_TIE_KINDS, type SuggestIndex } from './suggest-index.js';
export { FEATURE_DEFAULTS, LESS_DIGITAL_SECTIONS } from './features.js';
export { MMR_SIMILARITY, rerankMmr, type MmrItem } from './rerank-mmr.js';
export {
  suggestIntroductions,
  type IntroducerPath,
  type NoSuggestionReason,
  type PathStep,
  type Suggestion,
  type SuggestionResult,
  type SuggestionTag,
  type SuggestIntroductionsOptions,
} from './suggest-introductions.js';
export { suggestForCaseload, CASELOAD_DEFAULTS, type CaseloadOptions, type CaseloadMember, type CaseloadResult } from './caseload.js';
export { planEventTables, EVENT_TABLES_DEFAULTS, type EventTablesOptions, type EventTable, type EventTablesResult } from './event-tables.js';
