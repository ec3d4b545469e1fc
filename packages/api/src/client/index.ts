/**
 * `@bridgework/api/client`: a typed TypeScript client for the Bridgework HTTP API, for other services and coaches'
 * tools. One method per operation of the OpenAPI document (`/openapi.json`); `OPERATIONS` lists each method's HTTP
 * method and path template, and a test checks it against the document a running server serves, both ways. Request
 * and response types are the server's own zod schemas (imported as types only: at run time the client needs
 * nothing but `fetch`). Every error answer becomes a `BridgeworkApiError` carrying the RFC 9457 problem.
 *
 * ```ts
 * const api = new BridgeworkClient({ baseUrl: 'http://127.0.0.1:8080', apiKey: process.env.BRIDGEWORK_KEY! });
 * const { suggestions } = await api.suggestIntroductions('p-012', { k: 5 });
 * const intro = await api.proposeIntroduction({ personId: 'p-012', targetId: suggestions[0]!.id, introducerIds: [suggestions[0]!.introducers[0]!.id] });
 * ```
 */
import type { z } from 'zod';
import type {
  AuditOut,
  AuditQuerySchema,
  BatchResultOut,
  BrokersOut,
  BrokersQuerySchema,
  EgoOut,
  EventCreateSchema,
  EventOut,
  EventPatchSchema,
  EventPutSchema,
  EventsQuerySchema,
  ExportQuerySchema,
  ImportSchema,
  IntroductionAnswerSchema,
  IntroductionCreateSchema,
  IntroductionOut,
  IntroductionOutcomeSchema,
  IntroductionsQuerySchema,
  KeyCreateSchema,
  KeyOut,
  NewKeyOut,
  OrganisationCreateSchema,
  OrganisationOut,
  OrganisationPatchSchema,
  OrganisationPutSchema,
  OrganisationsQuerySchema,
  PeopleQuerySchema,
  PersonCreateSchema,
  PersonOut,
  PersonPatchSchema,
  PersonPutSchema,
  ProblemOut,
  PseudonymousGraphOut,
  ReachOut,
  SubjectExportOut,
  SummaryOut,
  TieCreateSchema,
  TieOut,
  TiePatchSchema,
  TiePutSchema,
  TiesQuerySchema,
} from '../schemas.js';
import type { SuggestionsOut, SuggestionsQuerySchema } from '../routes/suggestions.js';
import type { CaseloadOut, HistoryOut, NetworkOut } from '../routes/network.js';
import type { AttendeesOut, EventPlanListOut, TablePlanBodySchema, TablePlanOut } from '../routes/event-plans.js';

type Out<S extends z.ZodType> = z.output<S>;
type In<S extends z.ZodType> = z.input<S>;
/** Query parameters as sent: every one optional. */
type Query<S extends z.ZodType> = Partial<z.output<S>>;

export type Person = Out<typeof PersonOut>;
export type Organisation = Out<typeof OrganisationOut>;
export type GraphEvent = Out<typeof EventOut>;
export type Tie = Out<typeof TieOut>;
export type Introduction = Out<typeof IntroductionOut>;
export type Suggestions = Out<typeof SuggestionsOut>;
export type ApiKey = Out<typeof KeyOut>;
export type NewApiKey = Out<typeof NewKeyOut>;
export type AuditEntry = Out<typeof AuditOut>;
export type Problem = Out<typeof ProblemOut>;
export type SubjectAccessExport = Out<typeof SubjectExportOut>;
export type Summary = Out<typeof SummaryOut>;
export type PseudonymousGraph = Out<typeof PseudonymousGraphOut>;
export type EgoReport = Out<typeof EgoOut>;
export type SectorReach = Out<typeof ReachOut>;
export type Brokers = Out<typeof BrokersOut>;
export type BatchResult = Out<typeof BatchResultOut>;
export type NetworkMap = Out<typeof NetworkOut>;
export type CaseloadHealth = Out<typeof CaseloadOut>;
export type MemberHistory = Out<typeof HistoryOut>;
export type EventPlanList = Out<typeof EventPlanListOut>;
export type EventAttendees = Out<typeof AttendeesOut>;
export type TablePlan = Out<typeof TablePlanOut>;
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface Erasure {
  erased: true;
  ties: number;
  auditEntries: number;
  keys: number;
  introductions: number;
  introducerOf: number;
  impressions: number;
  pseudonym: string;
}
export type TieKey = { source: string; kind: Tie['kind']; target: string };

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every operation of the API: the client method, its HTTP method and its path template (as in /openapi.json). */
export const OPERATIONS = {
  listPeople: { method: 'GET', path: '/v1/people' },
  createPerson: { method: 'POST', path: '/v1/people' },
  getPerson: { method: 'GET', path: '/v1/people/{id}' },
  putPerson: { method: 'PUT', path: '/v1/people/{id}' },
  patchPerson: { method: 'PATCH', path: '/v1/people/{id}' },
  erasePerson: { method: 'DELETE', path: '/v1/people/{id}' },
  exportPerson: { method: 'GET', path: '/v1/people/{id}/export' },
  suggestIntroductions: { method: 'GET', path: '/v1/people/{id}/suggestions' },
  listIntroductions: { method: 'GET', path: '/v1/introductions' },
  proposeIntroduction: { method: 'POST', path: '/v1/introductions' },
  getIntroduction: { method: 'GET', path: '/v1/introductions/{id}' },
  answerIntroduction: { method: 'POST', path: '/v1/introductions/{id}/answer' },
  markIntroductionMade: { method: 'POST', path: '/v1/introductions/{id}/made' },
  recordIntroductionOutcome: { method: 'POST', path: '/v1/introductions/{id}/outcome' },
  withdrawIntroduction: { method: 'POST', path: '/v1/introductions/{id}/withdraw' },
  listOrganisations: { method: 'GET', path: '/v1/organisations' },
  createOrganisation: { method: 'POST', path: '/v1/organisations' },
  getOrganisation: { method: 'GET', path: '/v1/organisations/{id}' },
  putOrganisation: { method: 'PUT', path: '/v1/organisations/{id}' },
  patchOrganisation: { method: 'PATCH', path: '/v1/organisations/{id}' },
  deleteOrganisation: { method: 'DELETE', path: '/v1/organisations/{id}' },
  listEvents: { method: 'GET', path: '/v1/events' },
  createEvent: { method: 'POST', path: '/v1/events' },
  getEvent: { method: 'GET', path: '/v1/events/{id}' },
  putEvent: { method: 'PUT', path: '/v1/events/{id}' },
  patchEvent: { method: 'PATCH', path: '/v1/events/{id}' },
  deleteEvent: { method: 'DELETE', path: '/v1/events/{id}' },
  listEventsToPlan: { method: 'GET', path: '/v1/event-plans' },
  listEventAttendees: { method: 'GET', path: '/v1/events/{id}/attendees' },
  planEventTables: { method: 'POST', path: '/v1/events/{id}/table-plan' },
  listTies: { method: 'GET', path: '/v1/ties' },
  createTie: { method: 'POST', path: '/v1/ties' },
  getTie: { method: 'GET', path: '/v1/ties/{source}/{kind}/{target}' },
  putTie: { method: 'PUT', path: '/v1/ties/{source}/{kind}/{target}' },
  patchTie: { method: 'PATCH', path: '/v1/ties/{source}/{kind}/{target}' },
  deleteTie: { method: 'DELETE', path: '/v1/ties/{source}/{kind}/{target}' },
  importGraph: { method: 'POST', path: '/v1/import' },
  queryAudit: { method: 'GET', path: '/v1/audit' },
  listKeys: { method: 'GET', path: '/v1/keys' },
  createKey: { method: 'POST', path: '/v1/keys' },
  revokeKey: { method: 'DELETE', path: '/v1/keys/{id}' },
  analyticsSummary: { method: 'GET', path: '/v1/analytics/summary' },
  pseudonymisedGraph: { method: 'GET', path: '/v1/analytics/graph' },
  egoReport: { method: 'GET', path: '/v1/analytics/people/{id}/ego' },
  sectorReach: { method: 'GET', path: '/v1/analytics/reach' },
  brokers: { method: 'GET', path: '/v1/analytics/brokers' },
  analyticsNetwork: { method: 'GET', path: '/v1/analytics/network' },
  caseloadAnalytics: { method: 'GET', path: '/v1/analytics/caseload' },
  memberHistory: { method: 'GET', path: '/v1/analytics/people/{id}/history' },
  exportGraph: { method: 'GET', path: '/v1/export' },
} as const satisfies Record<string, { method: HttpMethod; path: string }>;

export type OperationName = keyof typeof OPERATIONS;

/** An error answer of the API: `status` and the RFC 9457 problem (`code`, `detail`, `errors`, `state`, …). */
export class BridgeworkApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly operation: OperationName,
  ) {
    super(`${operation}: ${status} ${problem.code}: ${problem.detail}`);
    this.name = 'BridgeworkApiError';
  }
  get code(): string {
    return this.problem.code;
  }
}

export interface ClientOptions {
  /** e.g. `http://127.0.0.1:8080` (no trailing `/v1`). */
  baseUrl: string;
  /** `bw_<id>_<secret>`, sent as `Authorization: Bearer …`. */
  apiKey: string;
  /** Another fetch (e.g. with a proxy agent); default the global one. */
  fetch?: typeof fetch;
  /** Extra headers on every request (e.g. `X-Request-Id`). */
  headers?: Record<string, string>;
}

export interface CallOptions {
  /** For POSTs: the same key answers the same request's first answer again (see docs/api.md). */
  idempotencyKey?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

interface Request {
  params?: Record<string, string>;
  query?: object | undefined;
  body?: unknown;
  text?: boolean;
  options?: CallOptions | undefined;
}

/** The Bridgework API over HTTP. */
export class BridgeworkClient {
  private readonly baseUrl: string;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Call any operation: path parameters filled in, query encoded, body sent as JSON. */
  async call<T>(operation: OperationName, req: Request = {}): Promise<T> {
    const op = OPERATIONS[operation];
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = req.params?.[name];
      if (value === undefined) throw new TypeError(`${operation}: the path parameter ${name} is missing`);
      return encodeURIComponent(value);
    });
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined && v !== null) search.set(k, String(v));
    const qs = search.toString();
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...req.options?.headers, authorization: `Bearer ${this.options.apiKey}` };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.options?.idempotencyKey !== undefined) headers['idempotency-key'] = req.options.idempotencyKey;
    const res = await this.doFetch(`${this.baseUrl}${path}${qs ? `?${qs}` : ''}`, {
      method: op.method,
      headers,
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
      ...(req.options?.signal ? { signal: req.options.signal } : {}),
    });
    const text = await res.text();
    if (!res.ok) {
      let problem: Problem;
      try {
        problem = JSON.parse(text) as Problem;
      } catch {
        problem = { type: 'about:blank', title: res.statusText, status: res.status, detail: text.slice(0, 200), code: 'http' };
      }
      throw new BridgeworkApiError(res.status, problem, operation);
    }
    if (req.text) return text as T;
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  // ---- people ----
  listPeople = (query?: Query<typeof PeopleQuerySchema>, o?: CallOptions) => this.call<Page<Person>>('listPeople', { query, options: o });
  createPerson = (body: In<typeof PersonCreateSchema>, o?: CallOptions) => this.call<Person>('createPerson', { body, options: o });
  getPerson = (id: string, o?: CallOptions) => this.call<Person>('getPerson', { params: { id }, options: o });
  putPerson = (id: string, body: In<typeof PersonPutSchema>, o?: CallOptions) => this.call<Person>('putPerson', { params: { id }, body, options: o });
  patchPerson = (id: string, body: In<typeof PersonPatchSchema>, o?: CallOptions) => this.call<Person>('patchPerson', { params: { id }, body, options: o });
  /** Erasure: the person and everything derived from them (docs/api.md, Data protection). */
  erasePerson = (id: string, o?: CallOptions) => this.call<Erasure>('erasePerson', { params: { id }, options: o });
  /** Subject access: everything held about the person. */
  exportPerson = (id: string, o?: CallOptions) => this.call<SubjectAccessExport>('exportPerson', { params: { id }, options: o });
  suggestIntroductions = (id: string, query?: Query<typeof SuggestionsQuerySchema>, o?: CallOptions) =>
    this.call<Suggestions>('suggestIntroductions', { params: { id }, query, options: o });

  // ---- introductions ----
  listIntroductions = (query?: Query<typeof IntroductionsQuerySchema>, o?: CallOptions) => this.call<Page<Introduction>>('listIntroductions', { query, options: o });
  proposeIntroduction = (body: In<typeof IntroductionCreateSchema>, o?: CallOptions) => this.call<Introduction>('proposeIntroduction', { body, options: o });
  getIntroduction = (id: string, o?: CallOptions) => this.call<Introduction>('getIntroduction', { params: { id }, options: o });
  answerIntroduction = (id: string, body: In<typeof IntroductionAnswerSchema>, o?: CallOptions) =>
    this.call<Introduction>('answerIntroduction', { params: { id }, body, options: o });
  markIntroductionMade = (id: string, o?: CallOptions) => this.call<Introduction>('markIntroductionMade', { params: { id }, options: o });
  recordIntroductionOutcome = (id: string, body: In<typeof IntroductionOutcomeSchema>, o?: CallOptions) =>
    this.call<Introduction>('recordIntroductionOutcome', { params: { id }, body, options: o });
  withdrawIntroduction = (id: string, o?: CallOptions) => this.call<Introduction>('withdrawIntroduction', { params: { id }, options: o });

  // ---- organisations and events ----
  listOrganisations = (query?: Query<typeof OrganisationsQuerySchema>, o?: CallOptions) => this.call<Page<Organisation>>('listOrganisations', { query, options: o });
  createOrganisation = (body: In<typeof OrganisationCreateSchema>, o?: CallOptions) => this.call<Organisation>('createOrganisation', { body, options: o });
  getOrganisation = (id: string, o?: CallOptions) => this.call<Organisation>('getOrganisation', { params: { id }, options: o });
  putOrganisation = (id: string, body: In<typeof OrganisationPutSchema>, o?: CallOptions) => this.call<Organisation>('putOrganisation', { params: { id }, body, options: o });
  patchOrganisation = (id: string, body: In<typeof OrganisationPatchSchema>, o?: CallOptions) =>
    this.call<Organisation>('patchOrganisation', { params: { id }, body, options: o });
  deleteOrganisation = (id: string, o?: CallOptions) => this.call<void>('deleteOrganisation', { params: { id }, options: o });
  listEvents = (query?: Query<typeof EventsQuerySchema>, o?: CallOptions) => this.call<Page<GraphEvent>>('listEvents', { query, options: o });
  createEvent = (body: In<typeof EventCreateSchema>, o?: CallOptions) => this.call<GraphEvent>('createEvent', { body, options: o });
  getEvent = (id: string, o?: CallOptions) => this.call<GraphEvent>('getEvent', { params: { id }, options: o });
  putEvent = (id: string, body: In<typeof EventPutSchema>, o?: CallOptions) => this.call<GraphEvent>('putEvent', { params: { id }, body, options: o });
  patchEvent = (id: string, body: In<typeof EventPatchSchema>, o?: CallOptions) => this.call<GraphEvent>('patchEvent', { params: { id }, body, options: o });
  deleteEvent = (id: string, o?: CallOptions) => this.call<void>('deleteEvent', { params: { id }, options: o });
  /** Events with their recorded attendee counts, upcoming first (for the event planner). */
  listEventsToPlan = (o?: CallOptions) => this.call<EventPlanList>('listEventsToPlan', { options: o });
  /** An event's recorded attendees; people hidden from the caller come as `{ ref, id: null, name: null, hidden: true }`. */
  listEventAttendees = (id: string, o?: CallOptions) => this.call<EventAttendees>('listEventAttendees', { params: { id }, options: o });
  /** A table plan for an event's attendees (or the ids and refs given); changes nothing. */
  planEventTables = (id: string, body: In<typeof TablePlanBodySchema> = {}, o?: CallOptions) => this.call<TablePlan>('planEventTables', { params: { id }, body, options: o });

  // ---- ties ----
  listTies = (query?: Query<typeof TiesQuerySchema>, o?: CallOptions) => this.call<Page<Tie>>('listTies', { query, options: o });
  createTie = (body: In<typeof TieCreateSchema>, o?: CallOptions) => this.call<Tie>('createTie', { body, options: o });
  getTie = (key: TieKey, o?: CallOptions) => this.call<Tie>('getTie', { params: key, options: o });
  putTie = (key: TieKey, body: In<typeof TiePutSchema>, o?: CallOptions) => this.call<Tie>('putTie', { params: key, body, options: o });
  patchTie = (key: TieKey, body: In<typeof TiePatchSchema>, o?: CallOptions) => this.call<Tie>('patchTie', { params: key, body, options: o });
  deleteTie = (key: TieKey, o?: CallOptions) => this.call<void>('deleteTie', { params: key, options: o });

  // ---- import, audit, keys ----
  importGraph = (body: In<typeof ImportSchema>, o?: CallOptions) => this.call<BatchResult>('importGraph', { body, options: o });
  queryAudit = (query?: Query<typeof AuditQuerySchema>, o?: CallOptions) => this.call<Page<AuditEntry>>('queryAudit', { query, options: o });
  listKeys = (o?: CallOptions) => this.call<{ items: ApiKey[] }>('listKeys', { options: o });
  createKey = (body: In<typeof KeyCreateSchema>, o?: CallOptions) => this.call<NewApiKey>('createKey', { body, options: o });
  revokeKey = (id: string, o?: CallOptions) => this.call<void>('revokeKey', { params: { id }, options: o });

  // ---- analytics and export ----
  analyticsSummary = (o?: CallOptions) => this.call<Summary>('analyticsSummary', { options: o });
  pseudonymisedGraph = (o?: CallOptions) => this.call<PseudonymousGraph>('pseudonymisedGraph', { options: o });
  egoReport = (id: string, o?: CallOptions) => this.call<EgoReport>('egoReport', { params: { id }, options: o });
  sectorReach = (o?: CallOptions) => this.call<SectorReach>('sectorReach', { options: o });
  brokers = (query?: Query<typeof BrokersQuerySchema>, o?: CallOptions) => this.call<Brokers>('brokers', { query, options: o });
  /** The analysed network with a layout, for drawing (routes/network.ts). */
  analyticsNetwork = (o?: CallOptions) => this.call<NetworkMap>('analyticsNetwork', { options: o });
  /** Each member of a caseload at a glance (admin: any `coachId`). */
  caseloadAnalytics = (query?: { coachId?: string }, o?: CallOptions) => this.call<CaseloadHealth>('caseloadAnalytics', { query, options: o });
  /** A member's network health today and each month back (their coach, admin). */
  memberHistory = (id: string, o?: CallOptions) => this.call<MemberHistory>('memberHistory', { params: { id }, options: o });
  /** The graph as a file's text (JSON, one CSV file, or GEXF). */
  exportGraph = (query: Query<typeof ExportQuerySchema>, o?: CallOptions) => this.call<string>('exportGraph', { query, text: true, options: o });
}
