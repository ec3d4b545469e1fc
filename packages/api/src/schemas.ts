/**
 * The request and response schemas, derived from graph-core's model schemas (the single source of truth) so that
 * validation and the OpenAPI document cannot drift apart. Everything is a strict object: unknown fields are refused.
 *
 * Consent is not taken from clients as a whole: a client says only `{ introductions: true|false }`; the API records
 * when and by whom (the calling key) itself.
 */
import { z } from 'zod';
import {
  EventKindSchema,
  EventSchema,
  GraphDataSchema,
  IdSchema,
  OrganisationSchema,
  PersonRoleSchema,
  PersonSchema,
  SectorSchema,
  TieKindSchema,
  TieSchema,
} from '@bridgework/graph-core';
import { API_ROLES, INTRODUCTION_OUTCOMES, INTRODUCTION_STATUSES } from './storage.js';

/** The same object schema with every field optional and without defaults (for PATCH: absent means unchanged). */
function patchOf<S extends z.core.$ZodLooseShape>(schema: z.ZodObject<S>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const f = field as z.ZodType;
    shape[key] = (f instanceof z.ZodDefault ? (f.unwrap() as z.ZodType) : f).optional();
  }
  return z.strictObject(shape);
}

export const ConsentInputSchema = z
  .strictObject({ introductions: z.boolean() })
  .meta({ description: 'Consent to introductions; the API records the time and the calling key itself.' });

/** A person as a client writes it (without the id, which is in the path for PUT and PATCH). */
export const PersonBodySchema = PersonSchema.omit({ id: true, consent: true }).extend({ consent: ConsentInputSchema.optional() });
export const PersonCreateSchema = PersonBodySchema.extend({ id: IdSchema }).meta({ id: 'PersonCreate' });
export const PersonPutSchema = PersonBodySchema.meta({ id: 'PersonPut' });
export const PersonPatchSchema = patchOf(PersonBodySchema).meta({ id: 'PersonPatch' });

export const OrganisationBodySchema = OrganisationSchema.omit({ id: true });
export const OrganisationCreateSchema = OrganisationSchema.meta({ id: 'OrganisationCreate' });
export const OrganisationPutSchema = OrganisationBodySchema.meta({ id: 'OrganisationPut' });
export const OrganisationPatchSchema = patchOf(OrganisationBodySchema).meta({ id: 'OrganisationPatch' });

export const EventBodySchema = EventSchema.omit({ id: true });
export const EventCreateSchema = EventSchema.meta({ id: 'EventCreate' });
export const EventPutSchema = EventBodySchema.meta({ id: 'EventPut' });
export const EventPatchSchema = patchOf(EventBodySchema).meta({ id: 'EventPatch' });

export const TieCreateSchema = TieSchema.meta({ id: 'TieCreate' });
const TieBodySchema = TieSchema.omit({ source: true, target: true, kind: true });
export const TiePutSchema = TieBodySchema.meta({ id: 'TiePut' });
export const TiePatchSchema = patchOf(TieBodySchema).meta({ id: 'TiePatch' });

/** A bulk import: people's consent is input like the single routes' (time and recorder added by the API). */
export const ImportSchema = GraphDataSchema.extend({
  people: z.array(PersonCreateSchema).max(100_000).default([]),
  organisations: z.array(OrganisationSchema).max(100_000).default([]),
  events: z.array(EventSchema).max(100_000).default([]),
  ties: z.array(TieSchema).max(500_000).default([]),
}).meta({ id: 'Import' });

// ---- params and queries ----

export const IdParamsSchema = z.strictObject({ id: IdSchema });
export const TieParamsSchema = z.strictObject({ source: IdSchema, kind: TieKindSchema, target: IdSchema });
export const KeyIdParamsSchema = z.strictObject({ id: z.string().regex(/^[a-f0-9]{16}$/, 'must be a key id (16 hex digits)') });

const LimitSchema = z.coerce
  .number({ error: 'must be a whole number in [1, 500]' })
  .int('must be a whole number in [1, 500]')
  .min(1, 'must be a whole number in [1, 500]')
  .max(500, 'must be a whole number in [1, 500]')
  .default(50);
const CursorSchema = z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor returned by a previous page');
const AreaSchema = z.string().min(1).max(100);

export const PeopleQuerySchema = z.strictObject({
  role: PersonRoleSchema.optional(),
  sector: SectorSchema.optional(),
  goalSector: SectorSchema.optional(),
  area: AreaSchema.optional(),
  coachId: IdSchema.optional(),
  consent: z.enum(['true', 'false']).optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
});
export const OrganisationsQuerySchema = z.strictObject({
  sector: SectorSchema.optional(),
  area: AreaSchema.optional(),
  hiring: z.enum(['true', 'false']).optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
});
export const EventsQuerySchema = z.strictObject({
  kind: EventKindSchema.optional(),
  area: AreaSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
});
export const TiesQuerySchema = z.strictObject({
  person: IdSchema.optional(),
  node: IdSchema.optional(),
  kind: TieKindSchema.optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
});
export const AuditQuerySchema = z.strictObject({
  actor: z.string().min(1).max(200).optional(),
  target: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(40).optional(),
  resource: z.string().min(1).max(40).optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
});
export const EmptyQuerySchema = z.strictObject({});

// ---- introductions ----

export const IntroductionIdParamsSchema = z.strictObject({ id: z.string().regex(/^in-[0-9a-f]{20}$/, 'must be an introduction id (in- and 20 hex digits)') });
export const IntroductionsQuerySchema = z.strictObject({
  person: IdSchema.optional(),
  introducer: IdSchema.optional(),
  status: z.enum(INTRODUCTION_STATUSES, { error: `must be one of ${INTRODUCTION_STATUSES.join(', ')}` }).optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
});
export const IntroductionCreateSchema = z
  .strictObject({
    personId: IdSchema.meta({ description: 'Who asked to meet someone (e.g. the member a suggestion was for).' }),
    targetId: IdSchema.meta({ description: 'Who they would meet (the suggestion).' }),
    introducerIds: z.array(IdSchema).max(3, 'at most 3 introducers').default([]).meta({ description: 'Who makes the introduction, in order (a warm chain has two).' }),
  })
  .meta({ id: 'IntroductionCreate' });
export const IntroductionAnswerSchema = z
  .strictObject({
    side: z.enum(['person', 'target'], { error: 'must be person or target' }),
    answer: z.enum(['accept', 'decline'], { error: 'must be accept or decline' }),
  })
  .meta({ id: 'IntroductionAnswer' });
export const IntroductionOutcomeSchema = z
  .strictObject({ outcome: z.enum(INTRODUCTION_OUTCOMES, { error: `must be one of ${INTRODUCTION_OUTCOMES.join(', ')}` }) })
  .meta({ id: 'IntroductionOutcome' });

// ---- analytics and export ----

/** A person id, or (for analysts) the pseudonym the pseudonymised views give them. */
export const AnalyticsPersonParamsSchema = z.strictObject({ id: IdSchema });
export const BrokersQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: 'must be a whole number in [1, 100]' }).int('must be a whole number in [1, 100]').min(1, 'must be a whole number in [1, 100]').max(100, 'must be a whole number in [1, 100]').default(25),
});
export const EXPORT_FORMATS = ['json', 'csv', 'gexf'] as const;
export const EXPORT_CSV_FILES = ['people', 'organisations', 'events', 'ties'] as const;
export const ExportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }).default('json'),
  file: z.enum(EXPORT_CSV_FILES, { error: `must be one of ${EXPORT_CSV_FILES.join(', ')}` }).optional().meta({ description: 'For format=csv: which of the four domain CSV files (required).' }),
});

// ---- keys ----

export const SCOPES = [
  'people:read',
  'people:write',
  'people:export',
  'people:erase',
  'organisations:read',
  'organisations:write',
  'events:read',
  'events:write',
  'ties:read',
  'ties:write',
  'import',
  'analytics:read',
  'audit:read',
  'suggestions:read',
  'introductions:read',
  'introductions:write',
] as const;
export type Scope = (typeof SCOPES)[number];
export const ScopeSchema = z.enum(SCOPES, { error: `must be one of ${SCOPES.join(', ')}` });

export const KeyCreateSchema = z
  .strictObject({
    role: z.enum(API_ROLES),
    coachId: IdSchema.optional(),
    name: z.string().min(1).max(100).optional(),
    scopes: z.array(ScopeSchema).max(SCOPES.length).optional(),
  })
  .meta({ id: 'KeyCreate' });

// ---- responses ----

export const PersonOut = PersonSchema.meta({ id: 'Person' });
export const OrganisationOut = OrganisationSchema.meta({ id: 'Organisation' });
export const EventOut = EventSchema.meta({ id: 'Event' });
export const TieOut = TieSchema.meta({ id: 'Tie' });
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const KeyOut = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    role: z.enum(API_ROLES),
    coachId: z.string().nullable(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
export const NewKeyOut = KeyOut.extend({ key: z.string().meta({ description: 'The secret key: shown once, never stored.' }) });

export const AuditOut = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    role: z.string(),
    action: z.string(),
    resource: z.string(),
    target: z.string().nullable(),
    requestId: z.string().nullable(),
    status: z.number().int().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const ProblemOut = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
    state: z.string().optional().meta({ description: 'For a 409 of the introductions lifecycle: the state the introduction is in.' }),
  })
  .meta({ id: 'Problem' });

export const BatchResultOut = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

const AnswerOut = z.object({ answer: z.enum(['accepted', 'declined']), at: z.string() }).nullable();
export const IntroductionOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    targetId: z.string(),
    introducerIds: z.array(z.string()),
    status: z.enum(INTRODUCTION_STATUSES),
    personAnswer: AnswerOut,
    targetAnswer: AnswerOut,
    outcome: z.enum(INTRODUCTION_OUTCOMES).nullable(),
    proposedAt: z.string(),
    proposedBy: z.string(),
    madeAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    updatedAt: z.string(),
    revision: z.number().int(),
  })
  .meta({ id: 'Introduction' });

export const SubjectExportOut = z
  .object({
    person: PersonSchema,
    ties: z.array(TieSchema),
    audit: z.array(AuditOut),
    keys: z.array(KeyOut),
    introductions: z.array(IntroductionOut).meta({ description: 'Introductions naming the person: as either side or as an introducer.' }),
    impressions: z
      .array(z.object({ candidateId: z.string(), count: z.number().int(), lastShown: z.string() }))
      .meta({ description: 'Suggestions shown for the person: on how many days each was shown, and the last.' }),
    exportedAt: z.string(),
  })
  .meta({ id: 'SubjectAccessExport' });

const SuppressedCounts = z.object({
  counts: z.record(z.string(), z.number().int()),
  suppressedGroups: z.number().int().meta({ description: 'Groups left out because they had fewer than 5 members.' }),
});
export const SummaryOut = z
  .object({
    people: z.object({ total: z.number().int(), byRole: SuppressedCounts, byArea: SuppressedCounts, bySector: SuppressedCounts, consenting: z.number().int().nullable() }),
    organisations: z.object({ total: z.number().int(), bySector: SuppressedCounts }),
    events: z.object({ total: z.number().int(), byKind: SuppressedCounts }),
    ties: z.object({ total: z.number().int(), byKind: SuppressedCounts }),
    minimumGroupSize: z.number().int(),
  })
  .meta({ id: 'Summary' });

export const PseudonymousGraphOut = z
  .object({
    people: z.array(z.object({ id: z.string(), roles: z.array(PersonRoleSchema), sectors: z.array(SectorSchema), goalSectors: z.array(SectorSchema) })),
    organisations: z.array(OrganisationSchema),
    ties: z.array(z.object({ source: z.string(), target: z.string(), kind: TieKindSchema, strength: z.number() })),
  })
  .meta({ id: 'PseudonymousGraph' });


const Steps = z.partialRecord(SectorSchema, z.number().int().nullable());
export const EgoOut = z
  .object({
    id: z.string().meta({ description: 'The person id (a pseudonym for analyst and service keys).' }),
    now: z.string(),
    size: z.number().int(),
    density: z.number().nullable(),
    effectiveSize: z.number().nullable(),
    constraint: z.number().nullable(),
    community: z.number().int(),
    sectors: z.object({ oneStep: z.array(SectorSchema), twoSteps: z.array(SectorSchema) }),
    communities: z.object({ oneStep: z.array(z.number().int()), twoSteps: z.array(z.number().int()) }),
    stepsToSector: Steps,
  })
  .meta({ id: 'EgoReport' });

export const ReachOut = z
  .object({
    now: z.string(),
    scope: z.enum(['everyone', 'caseload']),
    sectors: z.array(z.object({ letter: SectorSchema, label: z.string() })),
    rows: z.array(
      z.object({
        community: z.number().int(),
        people: z.number().int(),
        reach: z.partialRecord(SectorSchema, z.number().int().nullable()).meta({ description: 'People of the community reaching the sector within two steps; null: suppressed.' }),
      }),
    ),
    suppressedGroups: z.number().int().meta({ description: 'Communities left out because they had fewer than 5 people.' }),
    suppressedCells: z.number().int().meta({ description: 'Cells shown as null: fewer than 5 people on one side of the count.' }),
    minimumGroupSize: z.number().int().nullable(),
  })
  .meta({ id: 'SectorReach' });

export const BrokersOut = z
  .object({
    now: z.string(),
    brokers: z.array(
      z.object({ id: z.string(), name: z.string().nullable(), betweenness: z.number(), constraint: z.number().nullable(), community: z.number().int() }),
    ),
  })
  .meta({ id: 'Brokers' });
