// Generated from the API's OpenAPI document (packages/api: the routes' zod schemas) by
// packages/web/src/api-types/web-api-types.ts. Do not edit: change the API, then regenerate with
//   npx -y pnpm@10.34.8 exec tsx packages/web/src/generate-api-types.ts
// (a test fails while this file is stale).

export interface Caseload {
  now: string;
  members: {
    id: string;
    name: string;
    coachId: string | null;
    size: number;
    weakTieShare: number | null;
    constraint: number | null;
    sectorsTwoSteps: ('A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U')[];
    community: number;
    /** The same measures a month ago (the network as it stood then), to show the change. */
    lastMonth: HealthPoint | null;
  }[];
}

export interface EgoReport {
  /** The person id (a pseudonym for analyst and service keys). */
  id: string;
  now: string;
  size: number;
  density: number | null;
  effectiveSize: number | null;
  constraint: number | null;
  community: number;
  sectors: {
    oneStep: ('A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U')[];
    twoSteps: ('A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U')[];
  };
  communities: {
    oneStep: number[];
    twoSteps: number[];
  };
  stepsToSector: { [K in 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U']?: number | null };
}

export interface Event {
  id: string;
  name: string;
  kind: 'networking' | 'workshop' | 'job-fair' | 'coaching-group' | 'lunch' | 'social' | 'other';
  date: string;
  area: string | null;
}

export interface EventAttendees {
  event: {
    id: string;
    name: string;
    kind: 'networking' | 'workshop' | 'job-fair' | 'coaching-group' | 'lunch' | 'social' | 'other';
    date: string;
    area: string | null;
  };
  /** People the caller may see by name, then the hidden ones. */
  attendees: EventPlanPerson[];
  /** How many of them are hidden from the caller. */
  hidden: number;
}

export interface EventPlanList {
  /** The day the list was made for (YYYY-MM-DD): events on or after it are upcoming. */
  now: string;
  items: {
    id: string;
    name: string;
    kind: 'networking' | 'workshop' | 'job-fair' | 'coaching-group' | 'lunch' | 'social' | 'other';
    date: string;
    area: string | null;
    /** Recorded attendees (people with an `attended` tie to the event). */
    attendees: number;
    upcoming: boolean;
  }[];
}

/** An attendee. People the caller may not see (for a coach: another coach’s member, or anyone not a member who has not consented to introductions) are seated all the same but shown as `{ id: null, name: null, hidden: true }` with an opaque `ref`. */
export interface EventPlanPerson {
  /** The id, or for a hidden person an opaque handle valid for this event only. */
  ref: string;
  id: string | null;
  name: string | null;
  hidden: boolean;
}

export interface HealthPoint {
  date: string;
  size: number;
  weakTieShare: number | null;
  constraint: number | null;
  sectorsTwoSteps: ('A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U')[];
  /** Contacts who were not contacts at the previous point (new recorded ties and people met at events); 0 at the first point. */
  tiesGained: number;
}

export interface Introduction {
  id: string;
  personId: string;
  targetId: string;
  introducerIds: string[];
  status: 'proposed' | 'accepted' | 'declined' | 'made' | 'closed' | 'withdrawn';
  personAnswer: {
    answer: 'accepted' | 'declined';
    at: string;
  } | null;
  targetAnswer: {
    answer: 'accepted' | 'declined';
    at: string;
  } | null;
  outcome: 'met' | 'helpful' | 'interview' | 'job' | 'declined' | 'no-reply' | null;
  proposedAt: string;
  proposedBy: string;
  madeAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  revision: number;
}

export interface IntroductionAnswer {
  side: 'person' | 'target';
  answer: 'accept' | 'decline';
}

export interface IntroductionCreate {
  /** Who asked to meet someone (e.g. the member a suggestion was for). */
  personId: string;
  /** Who they would meet (the suggestion). */
  targetId: string;
  /** Who makes the introduction, in order (a warm chain has two). */
  introducerIds?: string[];
}

export interface IntroductionOutcome {
  outcome: 'met' | 'helpful' | 'interview' | 'job' | 'declined' | 'no-reply';
}

export interface Network {
  now: string;
  scope: 'named' | 'pseudonymised';
  nodes: {
    /** Person id (admin) or pseudonym (analyst, service); organisation id. */
    id: string;
    type: 'person' | 'organisation';
    /** Name (admin; organisations for everyone) or the pseudonym. */
    label: string;
    roles: ('member' | 'coach' | 'volunteer' | 'employee' | 'employer-contact' | 'business-owner' | 'mentor' | 'staff')[];
    /** A person’s sectors; an organisation’s one sector. */
    sectors: ('A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U')[];
    /** Organisations’ area; people’s for admin keys only. */
    area: string | null;
    community: number;
    degree: number;
    betweenness: number;
    constraint: number | null;
    weakTieShare: number | null;
    broker: boolean;
    isolate: boolean;
    x: number;
    y: number;
  }[];
  /** [source index, target index, strength] into nodes. */
  edges: [number, number, number][];
}

export interface NetworkHistory {
  id: string;
  now: string;
  /** Oldest first; the last point is today. */
  points: HealthPoint[];
}

export interface Organisation {
  id: string;
  name: string;
  sector: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U';
  size: 'micro' | 'small' | 'medium' | 'large' | null;
  area: string | null;
  hiring: boolean;
}

export interface Person {
  id: string;
  name: string;
  roles: ('member' | 'coach' | 'volunteer' | 'employee' | 'employer-contact' | 'business-owner' | 'mentor' | 'staff')[];
  sectors: ('A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U')[];
  skills: string[];
  goals: {
    sectors: ('A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U')[];
    roles: string[];
  };
  area: string | null;
  coachId: string | null;
  consent: {
    introductions: boolean;
    recordedAt: string | null;
    recordedBy: string | null;
  };
}

export interface SectorReach {
  now: string;
  scope: 'everyone' | 'caseload';
  sectors: {
    letter: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U';
    label: string;
  }[];
  rows: {
    community: number;
    people: number;
    /** People of the community reaching the sector within two steps; null: suppressed. */
    reach: { [K in 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U']?: number | null };
  }[];
  /** Communities left out because they had fewer than 5 people. */
  suppressedGroups: number;
  /** Cells shown as null: fewer than 5 people on one side of the count. */
  suppressedCells: number;
  minimumGroupSize: number | null;
}

export interface Suggestion {
  /** Position in this answer, from 1. */
  rank: number;
  /** The person suggested. */
  id: string;
  name: string;
  roles: ('member' | 'coach' | 'volunteer' | 'employee' | 'employer-contact' | 'business-owner' | 'mentor' | 'staff')[];
  /** Where the person suggested works (null when no employer is recorded). */
  organisation: {
    id: string;
    name: string;
    sector: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U';
    sectorLabel: string;
    hiring: boolean;
  } | null;
  /** Their job title, when recorded. */
  jobTitle: string | null;
  /** introduction through one introducer, or a warm-chain of three steps. */
  kind: 'introduction' | 'warm-chain';
  tags: SuggestionTag[];
  /** Up to two introducers, best path first. */
  introducers: {
    id: string;
    name: string;
    /** The weakest link of the path (times the chain discount for three steps). */
    pathStrength: number;
    path: {
      from: string;
      to: string;
      /** Recorded tie kinds, strongest first, and met-at-event when the two attended events together. */
      kinds: ('knows' | 'friend' | 'family' | 'worked-with' | 'introduced' | 'met-at-event' | 'mentors' | 'coaches' | 'works-at' | 'volunteers-at' | 'attended' | 'partners-with' | 'supplies' | 'linked')[];
      /** Effective strength of the step now. */
      strength: number;
      /** Days since the two were last in touch, when a tie carries a date. */
      lastContactDaysAgo: number | null;
    }[];
  }[];
  score: number;
  /** Each feature of the score, in [0, 1]; the score is the profile's weighted sum, penalties subtracted (docs/matching.md). */
  features: {
    /** How likely the two are to connect (resource allocation, or the learned link model). */
    likelihood: number;
    /** How well the candidate matches the person's goal sectors and roles. */
    goalRelevance: number;
    /** How much the introduction widens the person's network (structural holes, new communities and sectors). */
    bridging: number;
    /** How many contacts the two share, normalised. */
    embeddedness: number;
    /** The strength of the path through the introducer (its weakest tie). */
    pathStrength: number;
    /** How recently the path's ties were in touch. */
    recency: number;
    /** Penalty: the introducer's open introductions, as a share of their cap. */
    introducerLoad: number;
    /** Penalty: the suggestion was shown before without action (impression discounting). */
    impressions: number;
  };
  /** One to three sentences a coach can read aloud. */
  sentences: string[];
}

/** Why the suggestion fits: goal-sector (works in a sector the person aims for), past-goal-sector (worked in one before), goal-role (does the kind of job they want), hiring (their employer is hiring, in a goal sector), peer-support (another member with the same goals), new-community (outside the person's usual circle), new-sectors (opens sectors the person cannot reach yet), warm-chain (reached through a chain of two people). */
export type SuggestionTag = 'goal-sector' | 'past-goal-sector' | 'goal-role' | 'hiring' | 'peer-support' | 'new-community' | 'new-sectors' | 'warm-chain';

export interface Suggestions {
  personId: string;
  now: string;
  profile: 'balanced' | 'warm' | 'bridging';
  suggestions: Suggestion[];
  reason: 'no-consent' | 'open-cap-reached' | 'out-of-scope' | 'no-candidates' | null;
  considered: number;
}

export interface TablePlan {
  eventId: string;
  now: string;
  attendees: number;
  tableSize: number;
  seed: number;
  tables: {
    /** Table number, from 1. */
    table: number;
    people: EventPlanPerson[];
    /** Pairs at the table who do not know each other yet. */
    newPairs: number;
    /** Of those, pairs from different communities of the network (Louvain). */
    crossCommunityPairs: number;
    /** Of those, pairs where one works or has worked in a sector the other aims for, or both aim for the same one. */
    goalRelevantPairs: number;
    value: number;
  }[];
  /** The plan’s score: each new acquaintance 1, plus its goal relevance and 1 more across communities. */
  objective: number;
  /** The score of a random seating of the same people at the same tables, for comparison. */
  randomObjective: number;
}

export interface TablePlanRequest {
  /** Who to seat: person ids, or the `ref` of each attendee as the attendee list or an earlier plan gave it (the only way to name someone shown as hidden). Default: the recorded attendees (people with an `attended` tie to the event). */
  attendees?: string[];
  /** Most people at one table; tables are as even as possible (sizes differ by at most one). */
  tableSize?: number;
  /** Seed of the search (default 42): the same seed, attendees and graph give the same plan. */
  seed?: number;
}

export interface Tie {
  source: string;
  target: string;
  kind: 'knows' | 'friend' | 'family' | 'worked-with' | 'introduced' | 'met-at-event' | 'mentors' | 'coaches' | 'works-at' | 'volunteers-at' | 'attended' | 'partners-with' | 'supplies' | 'linked';
  strength: number;
  strengthSource: 'given' | 'derived' | 'default';
  since: string | null;
  lastContact: string | null;
  provenance: string | null;
  attributes: {
    [key: string]: string | number | boolean;
  };
}

/** What each operation the app calls answers: its 2xx JSON body. */
export interface ApiResponses {
  'GET /v1/people': {
    items: Person[];
    nextCursor: string | null;
  };
  'GET /v1/people/{id}': Person;
  'GET /v1/people/{id}/suggestions': Suggestions;
  'GET /v1/organisations': {
    items: Organisation[];
    nextCursor: string | null;
  };
  'GET /v1/events': {
    items: Event[];
    nextCursor: string | null;
  };
  'GET /v1/ties': {
    items: Tie[];
    nextCursor: string | null;
  };
  'GET /v1/introductions': {
    items: Introduction[];
    nextCursor: string | null;
  };
  'POST /v1/introductions': Introduction;
  'POST /v1/introductions/{id}/answer': Introduction;
  'POST /v1/introductions/{id}/made': Introduction;
  'POST /v1/introductions/{id}/outcome': Introduction;
  'POST /v1/introductions/{id}/withdraw': Introduction;
  'GET /v1/analytics/caseload': Caseload;
  'GET /v1/analytics/people/{id}/ego': EgoReport;
  'GET /v1/analytics/people/{id}/history': NetworkHistory;
  'GET /v1/analytics/network': Network;
  'GET /v1/analytics/reach': SectorReach;
  'GET /v1/event-plans': EventPlanList;
  'GET /v1/events/{id}/attendees': EventAttendees;
  'POST /v1/events/{id}/table-plan': TablePlan;
}

/** The JSON body each operation the app calls takes, as a client sends it (fields with defaults may be left out). */
export interface ApiRequests {
  'POST /v1/introductions': IntroductionCreate;
  'POST /v1/introductions/{id}/answer': IntroductionAnswer;
  'POST /v1/introductions/{id}/outcome': IntroductionOutcome;
  'POST /v1/events/{id}/table-plan': TablePlanRequest;
}
