/** The shapes of the API answers the app reads (see docs/api.md and /openapi.json). */
import type { HealthPoint } from './format.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Person {
  id: string;
  name: string;
  roles: string[];
  sectors: string[];
  skills: string[];
  goals: { sectors: string[]; roles: string[] };
  area: string | null;
  coachId: string | null;
  consent: { introductions: boolean };
}

export interface Organisation {
  id: string;
  name: string;
  sector: string;
  area: string | null;
}

export interface Tie {
  source: string;
  target: string;
  kind: string;
  strength: number | null;
}

export interface CaseloadMember {
  id: string;
  name: string;
  coachId: string | null;
  size: number;
  weakTieShare: number | null;
  constraint: number | null;
  sectorsTwoSteps: string[];
  community: number;
  /** The same a month ago (null when the member was not in the graph then). */
  lastMonth: HealthPoint | null;
}

export interface Caseload {
  now: string;
  members: CaseloadMember[];
}

export interface EgoReport {
  id: string;
  size: number;
  density: number | null;
  effectiveSize: number | null;
  constraint: number | null;
  community: number;
  sectors: { oneStep: string[]; twoSteps: string[] };
}

export interface PathStep {
  from: string;
  to: string;
  kinds: string[];
  strength: number;
}

export interface Suggestion {
  rank: number;
  id: string;
  name: string;
  roles: string[];
  kind: 'introduction' | 'warm-chain';
  tags: string[];
  organisation?: { id: string; name: string; sectorLabel?: string } | null;
  jobTitle?: string | null;
  introducers: { id: string; name: string; pathStrength: number; path: PathStep[] }[];
  score: number;
  sentences: string[];
}

export interface Suggestions {
  personId: string;
  suggestions: Suggestion[];
  reason: 'no-consent' | 'open-cap-reached' | 'out-of-scope' | 'no-candidates' | null;
}

export type IntroductionStatus = 'proposed' | 'accepted' | 'declined' | 'made' | 'closed' | 'withdrawn';

export interface Introduction {
  id: string;
  personId: string;
  targetId: string;
  introducerIds: string[];
  status: IntroductionStatus;
  personAnswer: { answer: 'accepted' | 'declined'; at: string } | null;
  targetAnswer: { answer: 'accepted' | 'declined'; at: string } | null;
  outcome: string | null;
  proposedAt: string;
}

export interface NetworkNode {
  id: string;
  type: 'person' | 'organisation';
  label: string;
  roles: string[];
  sectors: string[];
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
}

export interface Network {
  now: string;
  scope: 'named' | 'pseudonymised';
  nodes: NetworkNode[];
  edges: [number, number, number][];
}

export interface Reach {
  scope: string;
  sectors: { letter: string; label: string }[];
  rows: { community: number; people: number; reach: Record<string, number | null> }[];
  suppressedGroups: number;
  suppressedCells: number;
  minimumGroupSize: number | null;
}

/** A member's progress: network health today and each month back (oldest first). */
export interface History {
  id: string;
  now: string;
  points: (HealthPoint & { tiesGained: number })[];
}

/** Event planning (routes/event-plans.ts): an event with its recorded attendee count. */
export interface EventToPlan {
  id: string;
  name: string;
  kind: string;
  date: string;
  area: string | null;
  attendees: number;
  upcoming: boolean;
}

export interface EventsToPlan {
  now: string;
  items: EventToPlan[];
}

/** An attendee or a seated person; someone the coach may not see has no id or name, only an opaque `ref`. */
export interface PlanPerson {
  ref: string;
  id: string | null;
  name: string | null;
  hidden: boolean;
}

export interface EventAttendees {
  event: { id: string; name: string; kind: string; date: string; area: string | null };
  attendees: PlanPerson[];
  hidden: number;
}

export interface PlanTable {
  table: number;
  people: PlanPerson[];
  newPairs: number;
  crossCommunityPairs: number;
  goalRelevantPairs: number;
  value: number;
}

export interface TablePlan {
  eventId: string;
  attendees: number;
  tableSize: number;
  seed: number;
  tables: PlanTable[];
  objective: number;
  randomObjective: number;
}
