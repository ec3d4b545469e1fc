/**
 * The mapping between domain records and the flat, typed attributes of graph exchange formats (GEXF, GraphML),
 * shared by both so that they carry the same fields under the same names.
 *
 * Nodes: a `type` attribute (person, organisation, event) and the node's label (the record's name), then
 * - person: roles, sectors, skills, goal_sectors, goal_roles (lists `;`-joined, like the CSV files), area, coach_id,
 *   consent_introductions (boolean), consent_recorded_at, consent_recorded_by;
 * - organisation: sector, size, area, hiring (boolean);
 * - event: kind, date, area.
 * Edges: the weight is the strength and the kind is the tie kind (each format has a native place for both), then
 * strength_source, since, last_contact, provenance, and `attributes`, the tie's attributes as a JSON object (exact,
 * whatever the keys and value types). A null field is left out; an empty list is left out too.
 *
 * Reading is lenient so files from other tools import: a node whose `type` is not one of ours becomes a person
 * named by its `name` attribute, its label or its id (other attributes are ignored, with a note); an edge whose kind
 * (the native kind, else a `kind` attribute) is not a tie kind becomes a `linked` tie built like an edge-list row
 * (`linked-ties.ts`): weight scaled into a strength, a time/timestamp/unix_time/date attribute as the time, other
 * attributes (and the label, and a foreign kind) kept as tie attributes, self-loops dropped and repeated pairs
 * merged. A tie of a known kind keeps unknown attributes too, and its label when it is not the kind.
 */
import type { InputProblem } from '../errors.js';
import {
  EventSchema,
  OrganisationSchema,
  PersonSchema,
  TIE_KINDS,
  TieSchema,
  isSymmetricKind,
  tieKey,
  type Event,
  type GraphData,
  type Organisation,
  type Person,
  type Tie,
  type TieKind,
} from '../model/schemas.js';
import {
  BOOLEAN_WORDS,
  inferAttributeValue,
  issuesToProblems,
  joinList,
  parseBooleanCell,
  parseNumberCell,
  splitList,
  valueAtPath,
} from './cell-values.js';
import { EDGE_LIST_TIME_NAMES } from './edge-list.js';
import { linkedTiesFrom, type WeightedEdge } from './linked-ties.js';
import { emptyParsedInput, mergeParsedInputs, type ParsedInput } from './parsed-input.js';

/** Value types of flat attributes, as both formats name them. */
export type FlatType = 'string' | 'boolean';

/** A flat attribute: its name in the file and its declared type. */
export interface FlatField {
  name: string;
  type: FlatType;
}

/** Node attributes written by the exporters, in order. */
export const NODE_FIELDS: readonly FlatField[] = [
  { name: 'type', type: 'string' },
  { name: 'roles', type: 'string' },
  { name: 'sectors', type: 'string' },
  { name: 'skills', type: 'string' },
  { name: 'goal_sectors', type: 'string' },
  { name: 'goal_roles', type: 'string' },
  { name: 'area', type: 'string' },
  { name: 'coach_id', type: 'string' },
  { name: 'consent_introductions', type: 'boolean' },
  { name: 'consent_recorded_at', type: 'string' },
  { name: 'consent_recorded_by', type: 'string' },
  { name: 'sector', type: 'string' },
  { name: 'size', type: 'string' },
  { name: 'hiring', type: 'boolean' },
  { name: 'kind', type: 'string' },
  { name: 'date', type: 'string' },
];

/** Edge attributes written by the exporters besides the native weight and kind, in order. */
export const EDGE_FIELDS: readonly FlatField[] = [
  { name: 'strength_source', type: 'string' },
  { name: 'since', type: 'string' },
  { name: 'last_contact', type: 'string' },
  { name: 'provenance', type: 'string' },
  { name: 'attributes', type: 'string' },
];

/** Flat attribute values by name, as written. */
export type FlatValues = Record<string, string | boolean>;

/** A node as flat values (field name → value), with its label. */
export interface FlatNodeOut {
  id: string;
  label: string;
  values: FlatValues;
}

/** A tie as a flat edge. */
export interface FlatEdgeOut {
  source: string;
  target: string;
  kind: TieKind;
  weight: number;
  directed: boolean;
  values: FlatValues;
}

function put(values: FlatValues, name: string, v: string | boolean | null | undefined): void {
  if (v !== null && v !== undefined) values[name] = v;
}

function putList(values: FlatValues, name: string, items: readonly string[]): void {
  if (items.length > 0) values[name] = joinList(items);
}

/** Every node of `data` as flat values (people, then organisations, then events). */
export function flattenNodes(data: GraphData): FlatNodeOut[] {
  const out: FlatNodeOut[] = [];
  for (const p of data.people) {
    const values: FlatValues = { type: 'person' };
    putList(values, 'roles', p.roles);
    putList(values, 'sectors', p.sectors);
    putList(values, 'skills', p.skills);
    putList(values, 'goal_sectors', p.goals.sectors);
    putList(values, 'goal_roles', p.goals.roles);
    put(values, 'area', p.area);
    put(values, 'coach_id', p.coachId);
    put(values, 'consent_introductions', p.consent.introductions);
    put(values, 'consent_recorded_at', p.consent.recordedAt);
    put(values, 'consent_recorded_by', p.consent.recordedBy);
    out.push({ id: p.id, label: p.name, values });
  }
  for (const o of data.organisations) {
    const values: FlatValues = { type: 'organisation', sector: o.sector };
    put(values, 'size', o.size);
    put(values, 'area', o.area);
    put(values, 'hiring', o.hiring);
    out.push({ id: o.id, label: o.name, values });
  }
  for (const e of data.events) {
    const values: FlatValues = { type: 'event', kind: e.kind, date: e.date };
    put(values, 'area', e.area);
    out.push({ id: e.id, label: e.name, values });
  }
  return out;
}

/** Every tie of `data` as a flat edge; asymmetric kinds are directed. */
export function flattenTies(data: GraphData): FlatEdgeOut[] {
  return data.ties.map((t) => {
    const values: FlatValues = { strength_source: t.strengthSource };
    put(values, 'since', t.since);
    put(values, 'last_contact', t.lastContact);
    put(values, 'provenance', t.provenance);
    if (Object.keys(t.attributes).length > 0) values.attributes = JSON.stringify(t.attributes);
    return {
      source: t.source,
      target: t.target,
      kind: t.kind,
      weight: t.strength,
      directed: !isSymmetricKind(t.kind),
      values,
    };
  });
}

/** A node as read from a file: raw text values by attribute name, and their declared types where known. */
export interface FlatNodeIn {
  id: string;
  label?: string;
  values: Record<string, string>;
  /** Declared type of each attribute (`integer`, `double`, `boolean`, `string`, …), lower case. */
  types: Record<string, string>;
  line: number;
}

/** An edge as read from a file. */
export interface FlatEdgeIn {
  source: string;
  target: string;
  /** A native kind (GEXF's `kind` attribute). */
  kind?: string;
  label?: string;
  /** The weight as written. */
  weight?: string;
  values: Record<string, string>;
  types: Record<string, string>;
  line: number;
}

/** Options of `recordsFromFlat`. */
export interface FlatReadOptions {
  file: string;
  provenance?: string;
}

const NUMERIC_TYPES = new Set([
  'integer',
  'int',
  'long',
  'float',
  'double',
  'short',
  'byte',
  'bigdecimal',
  'biginteger',
]);

/** A value typed by its declaration: numbers and booleans when declared so (and valid), else inferred from the text. */
function typedValue(text: string, type: string | undefined): string | number | boolean {
  if (type !== undefined && NUMERIC_TYPES.has(type)) return parseNumberCell(text) ?? text;
  if (type === 'boolean' || type === 'bool') return parseBooleanCell(text) ?? text;
  if (type === 'string') return text;
  return inferAttributeValue(text);
}

const NODE_TYPES: Record<string, 'person' | 'organisation' | 'event'> = {
  person: 'person',
  organisation: 'organisation',
  organization: 'organisation',
  event: 'event',
};

const NODE_COLUMN: Record<string, string> = {
  coachId: 'coach_id',
  goals: 'goal_sectors',
  consent: 'consent_introductions',
};
const GOALS_COLUMN: Record<string, string> = { sectors: 'goal_sectors', roles: 'goal_roles' };
const CONSENT_COLUMN: Record<string, string> = {
  introductions: 'consent_introductions',
  recordedAt: 'consent_recorded_at',
  recordedBy: 'consent_recorded_by',
};
const EDGE_COLUMN: Record<string, string> = {
  strength: 'weight',
  strengthSource: 'strength_source',
  lastContact: 'last_contact',
};

function nodeColumn(path: readonly PropertyKey[], nameFrom: string): string {
  const [a, b] = path;
  if (a === 'goals' && typeof b === 'string') return GOALS_COLUMN[b] ?? 'goal_sectors';
  if (a === 'consent' && typeof b === 'string') return CONSENT_COLUMN[b] ?? 'consent_introductions';
  if (a === 'name') return nameFrom;
  return typeof a === 'string' ? (NODE_COLUMN[a] ?? a) : 'node';
}

/** Read a boolean flat value, reporting a bad one. */
function flatBoolean(
  node: { values: Record<string, string>; line: number },
  name: string,
  file: string,
  problems: InputProblem[],
): boolean | undefined {
  const text = node.values[name];
  if (text === undefined || text === '') return undefined;
  const b = parseBooleanCell(text);
  if (b === undefined)
    problems.push({ file, line: node.line, column: name, value: text, reason: `${name} must be ${BOOLEAN_WORDS}` });
  return b;
}

const optional = (v: string | undefined): string | null => (v === undefined ? null : v);

/** Names of the node attributes a domain record uses, per type (others are reported as ignored). */
const USED_NODE_VALUES: Record<'person' | 'organisation' | 'event' | 'generic', ReadonlySet<string>> = {
  person: new Set([
    'type',
    'name',
    'label',
    'roles',
    'sectors',
    'skills',
    'goal_sectors',
    'goal_roles',
    'area',
    'coach_id',
    'consent_introductions',
    'consent_recorded_at',
    'consent_recorded_by',
  ]),
  organisation: new Set(['type', 'name', 'label', 'sector', 'size', 'area', 'hiring']),
  event: new Set(['type', 'name', 'label', 'kind', 'date', 'area']),
  generic: new Set(['name', 'label']),
};

const TIE_VALUE_NAMES = new Set([
  'kind',
  'weight',
  'strength_source',
  'since',
  'last_contact',
  'provenance',
  'attributes',
]);
const TIME_NAMES = new Set<string>(EDGE_LIST_TIME_NAMES);

const knownKind = (k: string | undefined): TieKind | undefined =>
  k !== undefined && Object.hasOwn(TIE_KINDS, k) ? (k as TieKind) : undefined;

/**
 * Domain records from the flat nodes and edges of a graph file; see the file header. Problems carry the file, the
 * line of the node or edge element and the attribute name.
 */
export function recordsFromFlat(
  nodes: readonly FlatNodeIn[],
  edges: readonly FlatEdgeIn[],
  options: FlatReadOptions,
): ParsedInput {
  const { file } = options;
  const out = emptyParsedInput();
  const problems = out.problems;
  const ignored = new Set<string>();
  const seenIds = new Map<string, number>();

  for (const node of nodes) {
    const typeText = node.values.type?.trim().toLowerCase();
    const type = typeText === undefined ? undefined : NODE_TYPES[typeText];
    const nameFrom = node.values.name !== undefined ? 'name' : node.label !== undefined ? 'label' : 'id';
    const name = node.values.name ?? node.label ?? node.id;
    const rowProblems: InputProblem[] = [];
    let input: Record<string, unknown>;
    if (type === 'person') {
      const v = node.values;
      const introductions = flatBoolean(node, 'consent_introductions', file, rowProblems);
      input = {
        id: node.id,
        name,
        roles: splitList(v.roles),
        sectors: splitList(v.sectors),
        skills: splitList(v.skills),
        goals: { sectors: splitList(v.goal_sectors), roles: splitList(v.goal_roles) },
        area: optional(v.area),
        coachId: optional(v.coach_id),
        consent: {
          introductions: introductions ?? false,
          recordedAt: optional(v.consent_recorded_at),
          recordedBy: optional(v.consent_recorded_by),
        },
      };
    } else if (type === 'organisation') {
      const hiring = flatBoolean(node, 'hiring', file, rowProblems);
      input = {
        id: node.id,
        name,
        sector: node.values.sector,
        size: optional(node.values.size),
        area: optional(node.values.area),
        ...(hiring === undefined ? {} : { hiring }),
      };
    } else if (type === 'event') {
      input = {
        id: node.id,
        name,
        ...(node.values.kind === undefined ? {} : { kind: node.values.kind }),
        date: node.values.date,
        area: optional(node.values.area),
      };
    } else {
      input = { id: node.id, name };
    }
    for (const key of Object.keys(node.values)) {
      if (!USED_NODE_VALUES[type ?? 'generic'].has(key)) ignored.add(key);
    }
    const schema = type === 'organisation' ? OrganisationSchema : type === 'event' ? EventSchema : PersonSchema;
    const result = schema.safeParse(input);
    if (!result.success) {
      rowProblems.push(
        ...issuesToProblems(result.error.issues, {
          file,
          line: node.line,
          columnOf: (path) => nodeColumn(path, nameFrom),
          valueOf: (path) => valueAtPath(input, path),
        }),
      );
    }
    if (rowProblems.length > 0 || !result.success) {
      problems.push(...rowProblems);
      continue;
    }
    const before = seenIds.get(node.id);
    if (before !== undefined) {
      problems.push({
        file,
        line: node.line,
        column: 'id',
        value: node.id,
        reason: `duplicate node id: already defined on line ${before}`,
      });
      continue;
    }
    seenIds.set(node.id, node.line);
    const section = type === 'organisation' ? 'organisations' : type === 'event' ? 'events' : 'people';
    if (section === 'organisations') out.data.organisations.push(result.data as Organisation);
    else if (section === 'events') out.data.events.push(result.data as Event);
    else out.data.people.push(result.data as Person);
    out.origins[section].push({ file, line: node.line });
  }

  const generic: WeightedEdge[] = [];
  for (const original of edges) {
    // A weight may come natively (GEXF) or as an attribute named weight (GraphML, some GEXF writers).
    const edge = { ...original, values: { ...original.values } };
    const weightKey = Object.keys(edge.values).find((k) => k.toLowerCase() === 'weight');
    if (weightKey !== undefined) {
      if (edge.weight === undefined) edge.weight = edge.values[weightKey];
      delete edge.values[weightKey];
    }
    const kind = knownKind(edge.kind) ?? knownKind(edge.values.kind);
    if (!kind) {
      generic.push(genericEdge(edge, file, problems));
      continue;
    }
    const v = edge.values;
    const rowProblems: InputProblem[] = [];
    const attributes: Record<string, string | number | boolean> = {};
    for (const [key, text] of Object.entries(v)) {
      if (!TIE_VALUE_NAMES.has(key)) attributes[key] = typedValue(text, edge.types[key]);
    }
    if (edge.label !== undefined && edge.label !== kind) attributes.label = edge.label;
    if (v.attributes !== undefined && v.attributes !== '') {
      try {
        const parsed: unknown = JSON.parse(v.attributes);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        Object.assign(attributes, parsed);
      } catch {
        rowProblems.push({
          file,
          line: edge.line,
          column: 'attributes',
          value: v.attributes,
          reason: 'attributes must be a JSON object',
        });
      }
    }
    const weight =
      edge.weight === undefined || edge.weight === '' ? undefined : (parseNumberCell(edge.weight) ?? edge.weight);
    const input = {
      source: edge.source,
      target: edge.target,
      kind,
      strength: weight ?? TIE_KINDS[kind].defaultStrength,
      strengthSource: v.strength_source ?? (weight === undefined ? 'default' : 'given'),
      since: optional(v.since),
      lastContact: optional(v.last_contact),
      provenance: v.provenance ?? (options.provenance || null),
      attributes,
    };
    const result = TieSchema.safeParse(input);
    if (!result.success) {
      rowProblems.push(
        ...issuesToProblems(result.error.issues, {
          file,
          line: edge.line,
          columnOf: (path) => {
            const [a, b] = path;
            if (a === 'attributes' && typeof b === 'string') return b;
            return typeof a === 'string' ? (EDGE_COLUMN[a] ?? a) : 'edge';
          },
          valueOf: (path) => valueAtPath(input, path),
        }),
      );
    }
    if (rowProblems.length > 0 || !result.success) {
      problems.push(...rowProblems);
      continue;
    }
    const tie: Tie = result.data;
    out.data.ties.push(tie);
    out.origins.ties.push({ file, line: edge.line });
  }

  if (ignored.size > 0) {
    out.notes.push(`${file}: node attributes not used by Bridgework were ignored: ${[...ignored].sort().join(', ')}`);
  }
  if (generic.length === 0) return dedupeTies(out);
  const linked = linkedTiesFrom(generic, { file, provenance: options.provenance, createMissingPeople: false });
  return mergeParsedInputs([dedupeTies(out), linked]);
}

/** Report repeated tie keys among typed ties (the later is dropped), as the CSV reader does. */
function dedupeTies(parsed: ParsedInput): ParsedInput {
  const seen = new Map<string, number>();
  const keep: number[] = [];
  parsed.data.ties.forEach((t, i) => {
    const line = parsed.origins.ties[i]?.line ?? 0;
    const key = tieKey(t);
    const before = seen.get(key);
    if (before !== undefined) {
      parsed.problems.push({
        file: parsed.origins.ties[i]?.file ?? '',
        line,
        column: 'kind',
        value: `${t.source} ${t.kind} ${t.target}`,
        reason: `duplicate tie: the same source, kind and target as line ${before}`,
      });
    } else {
      seen.set(key, line);
      keep.push(i);
    }
  });
  if (keep.length < parsed.data.ties.length) {
    parsed.data.ties = keep.map((i) => parsed.data.ties[i] as Tie);
    parsed.origins.ties = keep.map((i) => parsed.origins.ties[i] as { file: string; line: number });
  }
  return parsed;
}

/** An edge of unknown kind as a weighted edge for `linkedTiesFrom`. */
function genericEdge(edge: FlatEdgeIn, file: string, problems: InputProblem[]): WeightedEdge {
  const out: WeightedEdge = { source: edge.source, target: edge.target, attributes: {}, line: edge.line };
  if (edge.weight !== undefined && edge.weight !== '') {
    const w = parseNumberCell(edge.weight);
    if (w === undefined || w < 0)
      problems.push({
        file,
        line: edge.line,
        column: 'weight',
        value: edge.weight,
        reason: 'weight must be a number ≥ 0',
      });
    else out.weight = w;
  }
  for (const [key, text] of Object.entries(edge.values)) {
    if (out.time === undefined && TIME_NAMES.has(key.toLowerCase())) out.time = parseNumberCell(text) ?? text;
    else out.attributes[key] = typedValue(text, edge.types[key]);
  }
  if (edge.kind !== undefined && edge.kind !== '' && out.attributes.kind === undefined) out.attributes.kind = edge.kind;
  if (edge.label !== undefined && edge.label !== '') out.attributes.label = edge.label;
  return out;
}
