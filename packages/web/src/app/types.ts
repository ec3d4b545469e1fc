/**
 * The shapes of the API answers the app reads, under the names the screens use. They are not written here: they come
 * from api-types.generated.ts, which is generated from the API's own OpenAPI document (its routes' zod schemas; see
 * packages/web/README.md), so a change to an answer's shape fails the web type-check instead of drifting. Only what is
 * truly web-side is declared here: the generic page and compile-time checks that the app's own lists agree with the
 * API.
 */
import type {
  ApiRequests,
  ApiResponses,
  Event as ApiEvent,
  Suggestion as ApiSuggestion,
  SuggestionTag as ApiSuggestionTag,
} from './api-types.generated.js';
import type { OUTCOMES } from './format.js';

/** A page of a list route (`GET /v1/people`, `/v1/ties`, …); `ApiAgreement` checks it against each one the app reads. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Person = ApiResponses['GET /v1/people/{id}'];
export type Organisation = ApiResponses['GET /v1/organisations']['items'][number];
export type GraphEvent = ApiEvent;
export type Tie = ApiResponses['GET /v1/ties']['items'][number];

export type Caseload = ApiResponses['GET /v1/analytics/caseload'];
export type CaseloadMember = Caseload['members'][number];

export type EgoReport = ApiResponses['GET /v1/analytics/people/{id}/ego'];

/** A suggestion, exactly as the API declares and sends it (a strict object: nothing else comes with it). */
export type Suggestion = ApiSuggestion;
/** The matcher's reasons a suggestion fits (`goal-sector`, `hiring`, `warm-chain`, …). */
export type SuggestionTag = ApiSuggestionTag;
export type PathStep = Suggestion['introducers'][number]['path'][number];
export type Suggestions = ApiResponses['GET /v1/people/{id}/suggestions'];

export type Introduction = ApiResponses['GET /v1/introductions']['items'][number];
export type IntroductionStatus = Introduction['status'];

export type Network = ApiResponses['GET /v1/analytics/network'];
export type NetworkNode = Network['nodes'][number];

export type Reach = ApiResponses['GET /v1/analytics/reach'];

/** A member's progress: network health today and each month back (oldest first). */
export type History = ApiResponses['GET /v1/analytics/people/{id}/history'];

/** Event planning (routes/event-plans.ts): events with their recorded attendee counts. */
export type EventsToPlan = ApiResponses['GET /v1/event-plans'];
export type EventToPlan = EventsToPlan['items'][number];
export type EventAttendees = ApiResponses['GET /v1/events/{id}/attendees'];
/** An attendee or a seated person; someone the coach may not see has no id or name, only an opaque `ref`. */
export type PlanPerson = EventAttendees['attendees'][number];
export type TablePlan = ApiResponses['POST /v1/events/{id}/table-plan'];
export type PlanTable = TablePlan['tables'][number];

/** Bodies the app sends. */
export type IntroductionCreate = ApiRequests['POST /v1/introductions'];
export type IntroductionAnswer = ApiRequests['POST /v1/introductions/{id}/answer'];
export type IntroductionOutcome = ApiRequests['POST /v1/introductions/{id}/outcome'];
export type TablePlanRequest = ApiRequests['POST /v1/events/{id}/table-plan'];

/** Whether A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Fails the type-check unless T is `true`. */
type Check<T extends true> = T;

/**
 * Compile-time checks that what the app declares on its own agrees with the API: the generic page with each list
 * route it reads, and the outcome picker's list (format.ts `OUTCOMES`) with the outcomes the API accepts. `tsc` fails on
 * any that does not hold.
 */
export type ApiAgreement = [
  Check<Same<ApiResponses['GET /v1/people'], Page<Person>>>,
  Check<Same<ApiResponses['GET /v1/organisations'], Page<Organisation>>>,
  Check<Same<ApiResponses['GET /v1/events'], Page<GraphEvent>>>,
  Check<Same<ApiResponses['GET /v1/ties'], Page<Tie>>>,
  Check<Same<ApiResponses['GET /v1/introductions'], Page<Introduction>>>,
  Check<Same<(typeof OUTCOMES)[number], IntroductionOutcome['outcome']>>,
];
