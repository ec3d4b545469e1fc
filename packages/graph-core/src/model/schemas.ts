/**
 * The domain model as zod schemas: the single source of the TypeScript types, of validation at every boundary
 * (files, HTTP, the store) and, later, of the OpenAPI document. See docs/model.md.
 */
import { z } from 'zod';
import { SIC_SECTION_LETTERS } from './sectors.js';

/** Node ids: 1–200 characters, no control characters, no leading or trailing space. */
export const IdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
  .refine((s) => s.trim() === s, 'must not start or end with spaces');
export type Id = z.infer<typeof IdSchema>;

/** A calendar date (YYYY-MM-DD) or a full ISO 8601 timestamp with offset. */
export const DateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (YYYY-MM-DD) or an ISO 8601 timestamp',
});
export type DateString = z.infer<typeof DateSchema>;

export const SectorSchema = z.enum(SIC_SECTION_LETTERS, { error: 'must be a UK SIC 2007 section letter A–U' });

export const PERSON_ROLES = [
  'member',
  'coach',
  'volunteer',
  'employee',
  'employer-contact',
  'business-owner',
  'mentor',
  'staff',
] as const;
export const PersonRoleSchema = z.enum(PERSON_ROLES, { error: `must be one of ${PERSON_ROLES.join(', ')}` });
export type PersonRole = z.infer<typeof PersonRoleSchema>;

/** What a member is aiming for: target sectors and job roles (free text, e.g. "chef"). */
export const GoalsSchema = z.strictObject({
  sectors: z.array(SectorSchema).default([]),
  roles: z.array(z.string().min(1).max(100)).default([]),
});
export type Goals = z.infer<typeof GoalsSchema>;

/** Consent to be introduced to other people: yes or no, when it was recorded and by whom. */
export const ConsentSchema = z.strictObject({
  introductions: z.boolean(),
  recordedAt: DateSchema.nullable().default(null),
  recordedBy: z.string().min(1).max(200).nullable().default(null),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const NO_CONSENT: Consent = { introductions: false, recordedAt: null, recordedBy: null };

export const PersonSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  roles: z.array(PersonRoleSchema).default([]),
  /** SIC sections the person has worked or works in. */
  sectors: z.array(SectorSchema).default([]),
  skills: z.array(z.string().min(1).max(100)).default([]),
  goals: GoalsSchema.default({ sectors: [], roles: [] }),
  area: z.string().max(100).nullable().default(null),
  /** For members: the id of the coach who supports them. */
  coachId: IdSchema.nullable().default(null),
  consent: ConsentSchema.default(NO_CONSENT),
});
export type Person = z.infer<typeof PersonSchema>;
export type PersonInput = z.input<typeof PersonSchema>;

export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
/** UK size bands by employees: micro 0–9, small 10–49, medium 50–249, large 250+. */
export const SizeBandSchema = z.enum(SIZE_BANDS, { error: 'must be one of micro, small, medium, large' });
export type SizeBand = z.infer<typeof SizeBandSchema>;

export const OrganisationSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  sector: SectorSchema,
  size: SizeBandSchema.nullable().default(null),
  area: z.string().max(100).nullable().default(null),
  hiring: z.boolean().default(false),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
export type OrganisationInput = z.input<typeof OrganisationSchema>;

export const EVENT_KINDS = ['networking', 'workshop', 'job-fair', 'coaching-group', 'lunch', 'social', 'other'] as const;
export const EventKindSchema = z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(', ')}` });
export type EventKind = z.infer<typeof EventKindSchema>;

export const EventSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  kind: EventKindSchema.default('networking'),
  date: DateSchema,
  area: z.string().max(100).nullable().default(null),
});
export type Event = z.infer<typeof EventSchema>;
export type EventInput = z.input<typeof EventSchema>;

export type NodeType = 'person' | 'organisation' | 'event';

/**
 * Tie kinds. `symmetric` kinds mean the same read from either end (A knows B ⇔ B knows A); the others have a
 * direction from source to target. `endpoints` restricts which node types a kind may join ('any' for `linked`,
 * the kind given to ties of plain edge lists). `defaultStrength` applies when neither a strength nor the
 * inputs to derive one are given.
 */
export const TIE_KINDS = {
  knows: { symmetric: true, endpoints: ['person', 'person'], defaultStrength: 0.3 },
  friend: { symmetric: true, endpoints: ['person', 'person'], defaultStrength: 0.7 },
  family: { symmetric: true, endpoints: ['person', 'person'], defaultStrength: 0.8 },
  'worked-with': { symmetric: true, endpoints: ['person', 'person'], defaultStrength: 0.4 },
  introduced: { symmetric: true, endpoints: ['person', 'person'], defaultStrength: 0.2 },
  'met-at-event': { symmetric: true, endpoints: ['person', 'person'], defaultStrength: 0.15 },
  mentors: { symmetric: false, endpoints: ['person', 'person'], defaultStrength: 0.5 },
  coaches: { symmetric: false, endpoints: ['person', 'person'], defaultStrength: 0.5 },
  'works-at': { symmetric: false, endpoints: ['person', 'organisation'], defaultStrength: 0.6 },
  'volunteers-at': { symmetric: false, endpoints: ['person', 'organisation'], defaultStrength: 0.4 },
  attended: { symmetric: false, endpoints: ['person', 'event'], defaultStrength: 0.2 },
  'partners-with': { symmetric: true, endpoints: ['organisation', 'organisation'], defaultStrength: 0.4 },
  supplies: { symmetric: false, endpoints: ['organisation', 'organisation'], defaultStrength: 0.3 },
  linked: { symmetric: true, endpoints: 'any', defaultStrength: 0.5 },
} as const satisfies Record<
  string,
  { symmetric: boolean; endpoints: readonly [NodeType, NodeType] | 'any'; defaultStrength: number }
>;
export type TieKind = keyof typeof TIE_KINDS;
export const TIE_KIND_NAMES = Object.keys(TIE_KINDS) as [TieKind, ...TieKind[]];
export const TieKindSchema = z.enum(TIE_KIND_NAMES, { error: `must be one of ${TIE_KIND_NAMES.join(', ')}` });

export const StrengthSchema = z
  .number({ error: 'must be a number in [0, 1]' })
  .min(0, 'must be a number in [0, 1]')
  .max(1, 'must be a number in [0, 1]');

/** Extra attributes kept on a tie (e.g. the unknown columns of an edge list). */
export const TieAttributesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const TieSchema = z.strictObject({
  source: IdSchema,
  target: IdSchema,
  kind: TieKindSchema.default('knows'),
  /** Strength in [0, 1], 1 the closest; given, derived (see `deriveStrength`) or the kind's default. */
  strength: StrengthSchema,
  strengthSource: z.enum(['given', 'derived', 'default']).default('given'),
  since: DateSchema.nullable().default(null),
  lastContact: DateSchema.nullable().default(null),
  /** Who or what recorded the tie, e.g. `coach:c-12` or `import:ties.csv`. */
  provenance: z.string().max(200).nullable().default(null),
  attributes: TieAttributesSchema.default({}),
});
export type Tie = z.infer<typeof TieSchema>;
export type TieInput = z.input<typeof TieSchema>;

export const isSymmetricKind = (kind: TieKind): boolean => TIE_KINDS[kind].symmetric;

/**
 * The key of a tie: one tie per (source, kind, target); symmetric kinds are keyed with their endpoints sorted,
 * so A–knows–B and B–knows–A are the same tie. Re-importing a tie updates it.
 */
export function tieKey(t: { source: string; target: string; kind: TieKind }): string {
  const [a, b] = isSymmetricKind(t.kind) && t.target < t.source ? [t.target, t.source] : [t.source, t.target];
  return `${a}\u001f${t.kind}\u001f${b}`;
}

/** The endpoints of a tie in canonical order (sorted for symmetric kinds). */
export function canonicalTie<T extends { source: string; target: string; kind: TieKind }>(t: T): T {
  if (isSymmetricKind(t.kind) && t.target < t.source) return { ...t, source: t.target, target: t.source };
  return t;
}

/** Everything an import or a bulk write carries; applied by a store in one transaction. */
export const GraphDataSchema = z.strictObject({
  people: z.array(PersonSchema).default([]),
  organisations: z.array(OrganisationSchema).default([]),
  events: z.array(EventSchema).default([]),
  ties: z.array(TieSchema).default([]),
});
export type GraphData = z.infer<typeof GraphDataSchema>;
