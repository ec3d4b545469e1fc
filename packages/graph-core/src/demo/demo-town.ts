/**
 * A synthetic but believable town for demos and tests: "Hollinbridge", about 400 people, 120 organisations and 20
 * events run by an employability service over six months, with the ties between them. Everything is drawn from a
 * seeded generator, so a seed always gives the same town, and the reference date (`now`) is passed in: no clock, no
 * `Math.random`.
 *
 * The town is built to show the situation a relationships-based employability service exists to change: members
 * (people out of work) know family, friends and other members on their own estate — small, dense, closed networks —
 * while people in work sit in workplace clusters that reach across the town, bridged by coaches, volunteers and
 * employer contacts. fixtures/demo-town/README.md states every assumption and the measured numbers.
 */
import { BridgeworkError } from '../errors.js';
import {
  NO_CONSENT,
  SIZE_BANDS,
  canonicalTie,
  type Consent,
  type Event,
  type EventKind,
  type GraphData,
  type Organisation,
  type Person,
  type PersonRole,
  type Tie,
  type TieKind,
} from '../model/schemas.js';
import type { SicSection } from '../model/sectors.js';
import { deriveStrength, type StrengthInputs } from '../model/strength.js';
import { createRng, type Rng } from '../random/rng.js';
import { chance, pick, randFloat, randInt, sample, shuffle, weightedIndex, weightedKey, weightedPick } from '../random/distributions.js';
import { FAMOUS_COMBINATIONS, NAME_GROUPS, type NameGroupKey, type Surname } from './names.js';
import {
  AREAS,
  ATTENDANCE_STRENGTH,
  BRAND_WORDS,
  COACH_SKILLS,
  COMMON_SKILLS,
  DEMO_TOWN_NAME,
  EVENT_ATTENDANCE,
  EVENT_NAMES,
  EVENT_SEQUENCE,
  EVENT_THEMES,
  FIXED_ORGANISATIONS,
  SECTORS,
  VOLUNTEER_SKILLS,
  WORKPLACE_WEIGHT,
  type DemoSector,
} from './town.js';

export interface DemoTownOptions {
  /** Seed of the random generator (a safe integer); default 42. */
  seed?: number;
  /** The reference date: events fall in the six months before it, ties are dated relative to it. Default 2026-11-01. */
  now?: Date;
  /** Number of people, 20–5,000; default 400. */
  people?: number;
  /** Number of organisations, 6–999; default 120. */
  organisations?: number;
  /** Number of events, 0–500; default 20. */
  events?: number;
  /** Number of events still to come (in the weeks after `now`, with the people registered so far), 0–50; default 0. */
  upcomingEvents?: number;
}

/** What every event of the town draws on while the events are made. */
interface EventPlanning {
  width: number;
  coaches: Draft[];
  volunteers: Draft[];
  employers: Draft[];
  members: Draft[];
  homes: (typeof AREAS)[number][];
  names: Set<string>;
  themes: (typeof EVENT_THEMES)[number][];
}

/** Month-days no upcoming demo event falls on (MM-DD). */
const CLOSED_DAYS: ReadonlySet<string> = new Set(['12-24', '12-25', '12-26', '12-31', '01-01']);

/** The kinds of the events to come, in turn: the ones a coach plans tables for. */
const UPCOMING_SEQUENCE: readonly EventKind[] = ['networking', 'lunch', 'job-fair', 'workshop'];

/** The defaults of `generateDemoTown`. */
export const DEMO_TOWN_DEFAULTS = {
  seed: 42,
  now: '2026-11-01',
  people: 400,
  organisations: 120,
  events: 20,
  upcomingEvents: 0,
} as const;

/** The id of the employability service's own organisation, where the coaches work and the volunteers volunteer. */
export const DEMO_TOWN_SERVICE_ID = 'o-001';

/** Shares of the people by role (employees are the rest); at least one coach, volunteer, contact and owner. */
export const DEMO_TOWN_ROLE_SHARES = {
  coach: 0.02,
  member: 0.3,
  volunteer: 0.0625,
  'employer-contact': 0.1,
  'business-owner': 0.03,
} as const;

const DAY_MS = 86_400_000;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

type Primary = 'coach' | 'member' | 'volunteer' | 'employer-contact' | 'business-owner' | 'employee';

/** A person while the town is built: the record plus what the generator needs to know about them. */
interface Draft {
  person: Person;
  primary: Primary;
  female: boolean;
  group: NameGroupKey;
  /** Workplace (works-at), if any. */
  orgId: string | null;
  /** Days ago the person started at the workplace. */
  tenureDays: number;
  /** Members: days ago they joined the service. */
  joinedDays: number;
  /** Members: how keen they are on events (relative). */
  engagement: number;
}

/** Chance that two local contacts of a person who are not yet tied come to know each other. */
const CLOSURE = { member: 0.12, other: 0.02 } as const;

const SOCIAL_KINDS: ReadonlySet<TieKind> = new Set(['knows', 'friend', 'family', 'worked-with']);

/**
 * Generate the demo town: people, organisations, events and ties, all valid against the schemas and the tie kinds'
 * endpoint rules. Deterministic for a seed and reference date. Ids are `p-001`, `o-001`, `e-01` (zero-padded to
 * the count's width). Throws a validation error for counts out of range or a bad seed or date.
 */
export function generateDemoTown(options: DemoTownOptions = {}): GraphData {
  const seed = options.seed ?? DEMO_TOWN_DEFAULTS.seed;
  const now = options.now ?? new Date(`${DEMO_TOWN_DEFAULTS.now}T00:00:00Z`);
  const peopleCount = checkCount('people', options.people ?? DEMO_TOWN_DEFAULTS.people, 20, 5000);
  const orgCount = checkCount('organisations', options.organisations ?? DEMO_TOWN_DEFAULTS.organisations, FIXED_ORGANISATIONS.length + 2, 999);
  const eventCount = checkCount('events', options.events ?? DEMO_TOWN_DEFAULTS.events, 0, 500);
  const upcomingCount = checkCount('upcomingEvents', options.upcomingEvents ?? DEMO_TOWN_DEFAULTS.upcomingEvents, 0, 50);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new BridgeworkError('validation', 'graph-core/demo: now must be a valid Date');
  }
  return new TownBuilder(createRng(seed), now, peopleCount, orgCount, eventCount, upcomingCount).build();
}

function checkCount(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BridgeworkError('validation', `graph-core/demo: ${name} must be an integer from ${min} to ${max}, not ${value}`);
  }
  return value;
}

class TownBuilder {
  private readonly nowMs: number;
  private readonly orgs: Organisation[] = [];
  private readonly orgById = new Map<string, Organisation>();
  private readonly drafts: Draft[] = [];
  private readonly byId = new Map<string, Draft>();
  private readonly events: Event[] = [];
  private readonly ties: Tie[] = [];
  private readonly tieKeys = new Set<string>();
  /** Person pairs joined by a social tie (knows, friend, family, worked-with): one such tie per pair. */
  private readonly socialPairs = new Map<string, TieKind>();
  private readonly adjacency = new Map<string, Set<string>>();
  private readonly workers = new Map<string, string[]>();
  private readonly usedNames = new Set<string>();
  private readonly groupWeights = Object.fromEntries(
    Object.entries(NAME_GROUPS).map(([k, g]) => [k, g.weight]),
  ) as Record<NameGroupKey, number>;

  constructor(
    private readonly rng: Rng,
    now: Date,
    private readonly peopleCount: number,
    private readonly orgCount: number,
    private readonly eventCount: number,
    private readonly upcomingCount: number,
  ) {
    this.nowMs = now.getTime();
  }

  build(): GraphData {
    this.makeOrganisations();
    this.makePeople();
    this.makeFamilies();
    this.assignCoaches();
    this.makeWorkplaces();
    this.makeCoworkerTies();
    this.makeFormerColleagueTies();
    this.makeFriendsAndAcquaintances();
    this.makeServiceTies();
    this.closeTriangles();
    this.makeMentoring();
    this.makeOrganisationTies();
    this.makeEvents();
    return {
      people: this.drafts.map((d) => d.person),
      organisations: this.orgs,
      events: this.events,
      ties: this.ties,
    };
  }

  // ---------------------------------------------------------------- dates and ties

  /** The calendar date `days` days before the reference date. */
  private day(days: number): string {
    return new Date(this.nowMs - Math.round(days) * DAY_MS).toISOString().slice(0, 10);
  }

  private addTie(
    source: string,
    target: string,
    kind: TieKind,
    strength: { given: number } | { derive: StrengthInputs },
    sinceDays: number | null,
    lastContactDays: number | null,
    provenance: string,
    attributes: Tie['attributes'] = {},
  ): boolean {
    if (source === target) return false;
    const social = SOCIAL_KINDS.has(kind);
    const pair = source < target ? `${source}|${target}` : `${target}|${source}`;
    if (social && this.socialPairs.has(pair)) return false;
    const key = `${pair}|${kind}`;
    if (this.tieKeys.has(key)) return false;
    const value = 'given' in strength ? strength.given : deriveStrength(strength.derive);
    // a last contact never precedes the start of the tie
    const last = lastContactDays === null ? null : sinceDays === null ? lastContactDays : Math.min(lastContactDays, sinceDays);
    const tie: Tie = canonicalTie({
      source,
      target,
      kind,
      strength: round3(Math.min(1, Math.max(0, value))),
      strengthSource: 'given' in strength ? 'given' : 'derived',
      since: sinceDays === null ? null : this.day(sinceDays),
      lastContact: last === null ? null : this.day(last),
      provenance,
      attributes,
    });
    this.ties.push(tie);
    this.tieKeys.add(key);
    if (social) this.socialPairs.set(pair, kind);
    if (this.byId.has(source) && this.byId.has(target)) {
      this.neighbours(source).add(target);
      this.neighbours(target).add(source);
    }
    return true;
  }

  private neighbours(id: string): Set<string> {
    let set = this.adjacency.get(id);
    if (!set) {
      set = new Set();
      this.adjacency.set(id, set);
    }
    return set;
  }

  private connected(a: string, b: string): boolean {
    return this.adjacency.get(a)?.has(b) ?? false;
  }

  /** Who records a tie: a member's coach when a member is involved, else the generator. */
  private provenanceOf(...ids: string[]): string {
    for (const id of ids) {
      const coach = this.byId.get(id)?.person.coachId;
      if (coach) return `coach:${coach}`;
    }
    return 'demo-town';
  }

  // ---------------------------------------------------------------- organisations

  private fill(pattern: string, area: string): string {
    const rng = this.rng;
    return pattern
      .replaceAll('{T}', DEMO_TOWN_NAME)
      .replaceAll('{A}', placeName(area))
      .replaceAll('{W}', pick(rng, BRAND_WORDS))
      .replaceAll('{S}', () => {
        const group = NAME_GROUPS[weightedKey(rng, this.groupWeights)];
        return surnameForm(pick(rng, group.surnames as readonly Surname[]), false);
      });
  }

  private makeOrganisations(): void {
    const rng = this.rng;
    const width = Math.max(3, String(this.orgCount).length);
    const names = new Set<string>();
    FIXED_ORGANISATIONS.forEach((f, i) => {
      const name = this.fill(f.name, f.area);
      names.add(name);
      this.orgs.push({ id: `o-${pad(i + 1, width)}`, name, sector: f.sector, size: f.size, area: f.area, hiring: f.hiring });
    });
    const sectorWeights = Object.fromEntries(Object.entries(SECTORS).map(([s, p]) => [s, p.organisations])) as Record<DemoSector, number>;
    // one organisation of every section first (the commonest first, while there is room), then drawn by weight
    const everySection = (Object.keys(sectorWeights) as DemoSector[])
      .filter((s) => sectorWeights[s] > 0)
      .sort((a, b) => sectorWeights[b] - sectorWeights[a] || (a < b ? -1 : 1));
    while (this.orgs.length < this.orgCount) {
      const sector = everySection.shift() ?? weightedKey(rng, sectorWeights);
      const profile = SECTORS[sector];
      const size = SIZE_BANDS[weightedIndex(rng, profile.sizes)]!;
      const area = weightedPick(rng, AREAS, (a) => a.organisations[profile.setting]).name;
      let name = '';
      for (let attempt = 0; attempt < 30 && (name === '' || names.has(name)); attempt++) name = this.fill(pick(rng, profile.names), area);
      if (names.has(name)) name = `${name} (${area})`;
      for (let n = 2; names.has(name); n++) name = `${this.fill(pick(rng, profile.names), area)} ${n}`;
      names.add(name);
      const hiringChance = size === 'medium' || size === 'large' ? Math.min(0.9, profile.hiring * 1.2) : profile.hiring * 0.7;
      this.orgs.push({
        id: `o-${pad(this.orgs.length + 1, width)}`,
        name,
        sector,
        size,
        area,
        hiring: chance(rng, hiringChance),
      });
    }
    for (const o of this.orgs) this.orgById.set(o.id, o);
  }

  private org(id: string): Organisation {
    return this.orgById.get(id)!;
  }

  // ---------------------------------------------------------------- people

  private makePeople(): void {
    const rng = this.rng;
    const n = this.peopleCount;
    const count = (share: number) => Math.max(1, Math.round(n * share));
    const plan: [Primary, number][] = [
      ['coach', count(DEMO_TOWN_ROLE_SHARES.coach)],
      ['member', count(DEMO_TOWN_ROLE_SHARES.member)],
      ['volunteer', count(DEMO_TOWN_ROLE_SHARES.volunteer)],
      ['employer-contact', count(DEMO_TOWN_ROLE_SHARES['employer-contact'])],
      ['business-owner', count(DEMO_TOWN_ROLE_SHARES['business-owner'])],
    ];
    plan.push(['employee', n - plan.reduce((s, [, c]) => s + c, 0)]);
    const width = Math.max(3, String(n).length);
    const homes = AREAS.filter((a) => a.residents > 0);
    for (const [primary, c] of plan) {
      for (let i = 0; i < c; i++) {
        const area = weightedPick(rng, homes, (a) => (primary === 'member' ? a.members : a.residents)).name;
        const id = `p-${pad(this.drafts.length + 1, width)}`;
        const draft: Draft = {
          person: {
            id,
            name: id, // named with their family, below
            roles: [primary],
            sectors: [],
            skills: [],
            goals: { sectors: [], roles: [] },
            area,
            coachId: null,
            consent: NO_CONSENT,
          },
          primary,
          female: chance(rng, 0.5),
          group: 'british',
          orgId: null,
          tenureDays: 0,
          joinedDays: 0,
          engagement: primary === 'member' ? randFloat(rng, 0.2, 2) : 1,
        };
        this.drafts.push(draft);
        this.byId.set(id, draft);
      }
    }
  }

  private ofRole(primary: Primary): Draft[] {
    return this.drafts.filter((d) => d.primary === primary);
  }

  /**
   * Households and wider families, within each area: people are sorted so that members tend to be grouped with
   * members (worklessness clusters in households), then cut into families of one to four, who share a heritage and
   * mostly a surname and are all tied by `family` ties.
   */
  private makeFamilies(): void {
    const rng = this.rng;
    const groupWeights = this.groupWeights;
    for (const area of AREAS) {
      const residents = this.drafts.filter((d) => d.person.area === area.name);
      const keyed = residents.map((d) => ({ d, key: (d.primary === 'member' ? 0 : 1) + rng() * 1.3 }));
      keyed.sort((a, b) => a.key - b.key);
      const queue = keyed.map((k) => k.d);
      while (queue.length > 0) {
        const size = Math.min(queue.length, [1, 2, 2, 3, 3, 4][weightedIndex(rng, [25, 20, 15, 15, 10, 15])]!);
        const family = queue.splice(0, size);
        const group = weightedKey(rng, groupWeights);
        const surname = pick(rng, NAME_GROUPS[group].surnames as readonly Surname[]);
        for (const d of family) {
          // one in twenty married or partnered in from another heritage, keeping their own surname
          const mixed = chance(rng, 0.05);
          d.group = mixed ? weightedKey(rng, groupWeights) : group;
          const own = !mixed && chance(rng, 0.85) ? surname : pick(rng, NAME_GROUPS[d.group].surnames as readonly Surname[]);
          d.person.name = this.nameFor(d, own);
        }
        for (let i = 0; i < family.length; i++) {
          for (let j = i + 1; j < family.length; j++) {
            const a = family[i]!.person.id;
            const b = family[j]!.person.id;
            const estranged = chance(rng, 0.1);
            this.addTie(
              a,
              b,
              'family',
              { given: estranged ? randFloat(rng, 0.3, 0.5) : randFloat(rng, 0.65, 0.95) },
              null,
              estranged ? randInt(rng, 180, 720) : randInt(rng, 0, 10),
              'demo-town', // re-attributed to a member's coach once coaches are assigned
            );
          }
        }
      }
    }
  }

  private nameFor(d: Draft, surname: Surname): string {
    const rng = this.rng;
    const group = NAME_GROUPS[d.group];
    let name = '';
    for (let attempt = 0; attempt < 40; attempt++) {
      const first = pick(rng, d.female ? group.female : group.male);
      name = `${first} ${surnameForm(surname, d.female)}`;
      if (!this.usedNames.has(name) && !FAMOUS_COMBINATIONS.has(name)) break;
      if (attempt > 20) surname = pick(rng, group.surnames as readonly Surname[]);
    }
    this.usedNames.add(name);
    return name;
  }

  /** Members are shared among coaches by area (a coach's caseload is a patch), each with a start date and consent. */
  private assignCoaches(): void {
    const rng = this.rng;
    const coaches = this.ofRole('coach');
    const areaOrder = new Map(AREAS.map((a, i) => [a.name, i]));
    const members = this.ofRole('member')
      .map((d) => ({ d, key: (areaOrder.get(d.person.area ?? '') ?? 0) + rng() }))
      .sort((a, b) => a.key - b.key)
      .map((k) => k.d);
    const perCoach = members.length / coaches.length;
    members.forEach((m, i) => {
      const coach = coaches[Math.min(coaches.length - 1, Math.floor(i / perCoach))]!;
      m.person.coachId = coach.person.id;
      m.joinedDays = Math.round(Math.min(540, 14 + -Math.log(1 - rng()) * 150));
      const said = chance(rng, 0.85);
      m.person.consent = { introductions: said, recordedAt: this.day(m.joinedDays), recordedBy: coach.person.id };
      this.describeMember(m);
    });
    // family ties recorded before coaches were known are recorded by the member's coach
    for (let i = 0; i < this.ties.length; i++) {
      const t = this.ties[i]!;
      this.ties[i] = { ...t, provenance: this.provenanceOf(t.source, t.target) };
    }
    for (const d of this.drafts) {
      if (d.primary === 'member') continue;
      const p = { coach: 1, volunteer: 0.9, 'employer-contact': 0.75, 'business-owner': 0.65, employee: 0.45 }[d.primary];
      d.person.consent = chance(rng, p) ? this.selfConsent() : NO_CONSENT;
    }
  }

  private selfConsent(): Consent {
    return { introductions: true, recordedAt: this.day(randInt(this.rng, 7, 720)), recordedBy: 'self' };
  }

  /** A member's past sectors, skills and goals. */
  private describeMember(m: Draft): void {
    const rng = this.rng;
    const past = Object.fromEntries(Object.entries(SECTORS).map(([s, p]) => [s, p.memberPast])) as Record<DemoSector, number>;
    // members aim for work that exists in the town: sections with an employer other than the service
    const present = new Set(this.orgs.filter((o) => o.id !== DEMO_TOWN_SERVICE_ID).map((o) => o.sector));
    const goal = Object.fromEntries(
      Object.entries(SECTORS).map(([s, p]) => [s, present.has(s as SicSection) ? p.memberGoal : 0]),
    ) as Record<DemoSector, number>;
    const pastCount = weightedIndex(rng, [12, 60, 28]);
    const sectors = unique(Array.from({ length: pastCount }, () => weightedKey(rng, past)));
    const reachable = sectors.filter((s) => goal[s] > 0);
    const goals: DemoSector[] = [reachable.length > 0 && chance(rng, 0.55) ? pick(rng, reachable) : weightedKey(rng, goal)];
    if (chance(rng, 0.35)) goals.push(weightedKey(rng, goal));
    const goalSectors = unique(goals);
    const roles = unique(goalSectors.flatMap((s) => sample(rng, SECTORS[s].jobs, chance(rng, 0.4) ? 2 : 1)));
    const skills = unique([
      ...sectors.flatMap((s) => sample(rng, SECTORS[s].skills, randInt(rng, 1, 3))),
      ...sample(rng, COMMON_SKILLS, randInt(rng, 1, 2)),
    ]);
    m.person.sectors = sectors;
    m.person.goals = { sectors: goalSectors, roles };
    m.person.skills = skills;
  }

  // ---------------------------------------------------------------- work

  private employ(d: Draft, orgId: string, title: string, extra: Tie['attributes'] = {}): void {
    const rng = this.rng;
    const o = this.org(orgId);
    d.orgId = orgId;
    const years = d.primary === 'business-owner' ? randFloat(rng, 2, 25) : Math.min(30, 0.2 + -Math.log(1 - rng()) * 4);
    d.tenureDays = Math.round(years * 365);
    d.person.sectors = unique([o.sector, ...d.person.sectors]);
    const profile = orgId === DEMO_TOWN_SERVICE_ID ? undefined : SECTORS[o.sector as DemoSector];
    if (profile) d.person.skills = unique([...d.person.skills, ...sample(rng, profile.skills, randInt(rng, 1, 3))]);
    this.addTie(d.person.id, orgId, 'works-at', { given: 0.5 + 0.4 * (1 - Math.exp(-years / 3)) }, d.tenureDays, randInt(rng, 0, 3), 'demo-town', {
      job_title: title,
      ...extra,
    });
    const list = this.workers.get(orgId) ?? [];
    list.push(d.person.id);
    this.workers.set(orgId, list);
  }

  private makeWorkplaces(): void {
    const rng = this.rng;
    const service = DEMO_TOWN_SERVICE_ID;
    const employers = this.orgs.filter((o) => o.id !== service);
    const weight = (o: Organisation) => WORKPLACE_WEIGHT[o.size ?? 'micro'];
    const titleOf = (o: Organisation, contact: boolean): string => {
      const p = SECTORS[o.sector as DemoSector];
      if (!p) return contact ? 'Manager' : 'Staff';
      if (contact) return pick(rng, p.contactTitles);
      return chance(rng, 0.85) ? capitalise(pick(rng, p.jobs)) : pick(rng, ['Supervisor', 'Team leader', 'Assistant manager']);
    };

    for (const c of this.ofRole('coach')) {
      c.person.roles = ['coach', 'staff'];
      c.person.skills = sample(rng, COACH_SKILLS, randInt(rng, 2, 4));
      this.employ(c, service, 'Coach');
    }

    // employer contacts: at different organisations, favouring bigger and hiring ones
    let pool = employers.slice();
    for (const c of this.ofRole('employer-contact')) {
      if (pool.length === 0) pool = employers.slice();
      const o = weightedPick(rng, pool, (x) => weight(x) * (x.hiring ? 2.5 : 1));
      pool = pool.filter((x) => x !== o);
      const hiringManager = o.hiring && chance(rng, 0.7);
      this.employ(c, o.id, titleOf(o, true), hiringManager ? { hiring_manager: true } : {});
    }

    // business owners: their own micro or small business
    const fixedIds = new Set(this.orgs.slice(0, FIXED_ORGANISATIONS.length).map((o) => o.id));
    let owned = employers.filter((o) => !fixedIds.has(o.id) && (o.size === 'micro' || o.size === 'small'));
    for (const b of this.ofRole('business-owner')) {
      if (owned.length === 0) owned = employers.filter((o) => !fixedIds.has(o.id));
      const o = weightedPick(rng, owned, (x) => (x.size === 'micro' ? 3 : 1));
      owned = owned.filter((x) => x !== o);
      this.employ(b, o.id, 'Owner', o.hiring ? { hiring_manager: true } : {});
    }

    // every organisation has someone in the data: employees go first to those with nobody yet, then by size
    const unstaffed = shuffle(rng, employers.filter((o) => !this.workers.has(o.id)));
    for (const e of this.ofRole('employee')) {
      const o = unstaffed.shift() ?? weightedPick(rng, employers, weight);
      if (chance(rng, 0.3)) e.person.sectors = [weightedKey(rng, pastWeights())];
      this.employ(e, o.id, titleOf(o, false));
    }

    // volunteers: some in work, most retired or between things; all volunteer at the service
    for (const v of this.ofRole('volunteer')) {
      v.person.sectors = unique(Array.from({ length: randInt(rng, 1, 2) }, () => weightedKey(rng, pastWeights())));
      v.person.skills = unique([...sample(rng, VOLUNTEER_SKILLS, randInt(rng, 2, 3)), ...v.person.sectors.flatMap((s) => sample(rng, SECTORS[s as DemoSector]?.skills ?? [], 1))]);
      if (chance(rng, 0.4)) {
        v.person.roles = ['volunteer', 'employee'];
        const o = weightedPick(rng, employers, weight);
        this.employ(v, o.id, titleOf(o, false));
      }
    }

    for (const e of [...this.ofRole('employee'), ...this.ofRole('employer-contact'), ...this.ofRole('business-owner')]) {
      e.person.skills = unique([...e.person.skills, ...sample(rng, COMMON_SKILLS, randInt(rng, 0, 2))]);
    }
  }

  /** Current colleagues: everyone in a small workplace, a few each in a big one; frequent contact, moderate closeness. */
  private makeCoworkerTies(): void {
    const rng = this.rng;
    for (const [orgId, ids] of this.workers) {
      const pairs: [string, string][] = [];
      if (ids.length <= 6 || orgId === DEMO_TOWN_SERVICE_ID) {
        for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (chance(rng, 0.85)) pairs.push([ids[i]!, ids[j]!]);
      } else {
        for (const a of ids) for (const b of sample(rng, ids.filter((x) => x !== a), randInt(rng, 1, 3))) pairs.push([a, b]);
      }
      for (const [a, b] of pairs) {
        const since = Math.min(this.byId.get(a)!.tenureDays, this.byId.get(b)!.tenureDays);
        this.addTie(
          a,
          b,
          'worked-with',
          { derive: { contactsPerMonth: randFloat(rng, 8, 20), years: since / 365, closeness: randFloat(rng, 0.15, 0.55), reciprocal: chance(rng, 0.6) } },
          since,
          randInt(rng, 0, 7),
          'demo-town',
        );
      }
    }
  }

  /** Old colleagues from earlier jobs, in the same sector mostly: known for years, rarely seen, fading. */
  private makeFormerColleagueTies(): void {
    const rng = this.rng;
    const working = this.drafts.filter((d) => d.orgId !== null && d.primary !== 'coach');
    const bySector = new Map<SicSection, Draft[]>();
    for (const w of working) {
      const sector = this.org(w.orgId!).sector;
      bySector.set(sector, [...(bySector.get(sector) ?? []), w]);
    }
    const counts: Record<Primary, [number, number]> = {
      coach: [1, 2],
      member: [0, 1],
      volunteer: [3, 6],
      'employer-contact': [2, 4],
      'business-owner': [1, 3],
      employee: [1, 2],
    };
    /** Someone working elsewhere now, drawn from `pool` (a few tries; undefined if none fits). */
    const elsewhere = (d: Draft, pool: readonly Draft[]): Draft | undefined => {
      for (let attempt = 0; attempt < 8 && pool.length > 0; attempt++) {
        const w = pick(rng, pool);
        if (w !== d && w.orgId !== d.orgId) return w;
      }
      return undefined;
    };
    for (const d of this.drafts) {
      let k = randInt(rng, ...counts[d.primary]);
      if (d.primary === 'member' && !chance(rng, 0.35)) k = 0;
      const sameSector = d.person.sectors.flatMap((s) => bySector.get(s) ?? []);
      for (let i = 0; i < k; i++) {
        if (d.primary === 'member' && sameSector.length === 0) break;
        const other = sameSector.length > 0 && (d.primary === 'member' || chance(rng, 0.7)) ? elsewhere(d, sameSector) : elsewhere(d, working);
        if (!other) continue;
        const years = randFloat(rng, 2, 12);
        const keptUp = d.primary === 'volunteer' || d.primary === 'employer-contact';
        this.addTie(
          d.person.id,
          other.person.id,
          'worked-with',
          { derive: { contactsPerMonth: randFloat(rng, 0, keptUp ? 0.6 : 0.25), years, closeness: randFloat(rng, 0.1, 0.4), reciprocal: chance(rng, 0.3) } },
          years * 365,
          keptUp ? randInt(rng, 30, 400) : randInt(rng, 180, 1500),
          this.provenanceOf(d.person.id, other.person.id),
        );
      }
    }
  }


  // ---------------------------------------------------------------- friends and acquaintances

  private friendTie(a: Draft, b: Draft): void {
    const rng = this.rng;
    const years = randFloat(rng, 1, 20);
    const strength = chance(rng, 0.5)
      ? { given: pick(rng, [0.6, 0.7, 0.8, 0.9]) }
      : { derive: { contactsPerMonth: randFloat(rng, 2, 12), years, closeness: randFloat(rng, 0.5, 0.9), reciprocal: chance(rng, 0.8) } };
    this.addTie(a.person.id, b.person.id, 'friend', strength, years * 365, randInt(rng, 0, 30), this.provenanceOf(a.person.id, b.person.id));
  }

  private knowsTie(a: Draft, b: Draft, attributes: Tie['attributes'] = {}, sinceDays?: number): boolean {
    const rng = this.rng;
    const years = sinceDays === undefined ? randFloat(rng, 0.5, 10) : sinceDays / 365;
    return this.addTie(
      a.person.id,
      b.person.id,
      'knows',
      { derive: { contactsPerMonth: randFloat(rng, 0.2, 2), years, closeness: randFloat(rng, 0.05, 0.35) } },
      years * 365,
      sinceDays === undefined ? randInt(rng, 7, 240) : Math.max(0, sinceDays - randInt(rng, 0, 30)),
      this.provenanceOf(a.person.id, b.person.id),
      attributes,
    );
  }

  /**
   * Members: one or two friends, mostly other members on their estate and often friends of people they already know,
   * and up to two local acquaintances. Everyone else: two or three friends and one to three acquaintances from across
   * the town, mostly other people in work.
   */
  private makeFriendsAndAcquaintances(): void {
    const rng = this.rng;
    const people = this.drafts.filter((d) => d.primary !== 'coach');
    const byArea = new Map<string, Draft[]>();
    for (const d of people) byArea.set(d.person.area ?? '', [...(byArea.get(d.person.area ?? '') ?? []), d]);
    const nonMembers = people.filter((d) => d.primary !== 'member');
    const choose = (d: Draft, pool: Draft[], weight: (x: Draft) => number): Draft | undefined => {
      const candidates = pool.filter((x) => x !== d && !this.connected(d.person.id, x.person.id));
      return candidates.length > 0 ? weightedPick(rng, candidates, weight) : undefined;
    };
    /** People two steps away in the same area: whom a member meets through family and friends. */
    const friendsOfFriends = (d: Draft): Draft[] => {
      const out = new Set<Draft>();
      for (const a of this.adjacency.get(d.person.id) ?? []) {
        for (const b of this.adjacency.get(a) ?? []) {
          const x = this.byId.get(b);
          if (x && x !== d && x.primary !== 'coach' && x.person.area === d.person.area) out.add(x);
        }
      }
      return [...out].sort((x, y) => (x.person.id < y.person.id ? -1 : 1));
    };
    const isMember = (x: Draft) => x.primary === 'member';
    const memberPick = (d: Draft, local: Draft[]): Draft | undefined => {
      const near = friendsOfFriends(d);
      if (near.length > 0 && chance(rng, 0.6)) {
        const f = choose(d, near, (x) => (isMember(x) ? 3 : 1));
        if (f) return f;
      }
      const r = rng();
      if (r < 0.65) return choose(d, local.filter(isMember), () => 1);
      if (r < 0.88) return choose(d, local, (x) => (isMember(x) ? 0 : 1));
      return choose(d, people, () => 1);
    };
    const members = people.filter(isMember);
    // two rounds, so that the second can build on the first (friends of friends)
    for (const d of members) {
      const f = memberPick(d, byArea.get(d.person.area ?? '') ?? []);
      if (f) this.friendTie(d, f);
    }
    for (const d of people.filter((x) => !isMember(x))) {
      const local = byArea.get(d.person.area ?? '') ?? [];
      for (let i = randInt(rng, 1, 3); i > 0; i--) {
        const f = chance(rng, 0.45) ? choose(d, local, (x) => (isMember(x) ? 1 : 3)) : choose(d, nonMembers, () => 1);
        if (f) this.friendTie(d, f);
      }
      for (let i = randInt(rng, 1, 3); i > 0; i--) {
        const k = chance(rng, 0.3) ? choose(d, local, (x) => (isMember(x) ? 1 : 3)) : choose(d, people, (x) => (isMember(x) ? 1 : 4));
        if (k) this.knowsTie(d, k);
      }
    }
    for (const d of members) {
      const local = byArea.get(d.person.area ?? '') ?? [];
      if (chance(rng, 0.5)) {
        const f = memberPick(d, local);
        if (f) this.friendTie(d, f);
      }
      for (let i = randInt(rng, 0, 1); i > 0; i--) {
        const k = memberPick(d, local);
        if (k) this.knowsTie(d, k);
      }
    }
  }

  /**
   * The service's own web: coaches know employer contacts (mostly at hiring organisations) and the Jobcentre's staff
   * and work alongside the volunteers; employer contacts and business owners know each other through local business
   * networks; volunteers know a few employer contacts.
   */
  private makeServiceTies(): void {
    const rng = this.rng;
    const contacts = [...this.ofRole('employer-contact'), ...this.ofRole('business-owner')];
    const hiringWeight = (x: Draft) => (x.orgId && this.org(x.orgId).hiring ? 3 : 1) * (x.primary === 'employer-contact' ? 1 : 0.5);
    const volunteers = this.ofRole('volunteer');
    const jobcentre = this.workers.get(this.orgs[1]?.id ?? '') ?? [];
    for (const c of this.ofRole('coach')) {
      for (const e of weightedSample(rng, contacts, randInt(rng, 5, 8), hiringWeight)) {
        const years = randFloat(rng, 0.3, 4);
        this.addTie(c.person.id, e.person.id, 'knows', { derive: { contactsPerMonth: randFloat(rng, 0.5, 2), years, closeness: randFloat(rng, 0.2, 0.5), reciprocal: chance(rng, 0.5) } }, years * 365, randInt(rng, 3, 60), 'demo-town');
      }
      for (const v of sample(rng, volunteers, randInt(rng, 3, 5))) {
        const years = randFloat(rng, 0.3, 3);
        this.addTie(c.person.id, v.person.id, 'worked-with', { derive: { contactsPerMonth: randFloat(rng, 2, 6), years, closeness: randFloat(rng, 0.3, 0.6), reciprocal: true } }, years * 365, randInt(rng, 0, 21), 'demo-town');
      }
      for (const j of sample(rng, jobcentre, 2)) this.knowsTie(c, this.byId.get(j)!);
    }
    for (const e of contacts) {
      for (const o of weightedSample(rng, contacts.filter((x) => x !== e), randInt(rng, 1, 3), () => 1)) this.knowsTie(e, o);
    }
    for (const v of volunteers) {
      for (const e of weightedSample(rng, contacts, randInt(rng, 2, 3), hiringWeight)) this.knowsTie(v, e);
    }
  }

  /**
   * Triadic closure: two people who share a friend or relative often know each other. Members' local ties close more
   * often (one estate, one set of places) than those of people whose friends come from different parts of their life.
   * Decided on a snapshot of the ties, so closure does not feed on itself.
   */
  private closeTriangles(): void {
    const rng = this.rng;
    const snapshot = new Map([...this.adjacency].map(([id, set]) => [id, [...set].sort()]));
    for (const d of this.drafts) {
      if (d.primary === 'coach') continue;
      const local = (snapshot.get(d.person.id) ?? [])
        .map((id) => this.byId.get(id))
        .filter((a): a is Draft => a !== undefined && a.person.area === d.person.area && a.primary !== 'coach');
      const p = d.primary === 'member' ? CLOSURE.member : CLOSURE.other;
      for (let i = 0; i < local.length; i++) {
        for (let j = i + 1; j < local.length; j++) {
          const a = local[i]!;
          const b = local[j]!;
          if (!this.connected(a.person.id, b.person.id) && chance(rng, p)) this.knowsTie(a, b);
        }
      }
    }
  }

  /** About half the volunteers mentor one to three members each (help flowing both ways, often). */
  private makeMentoring(): void {
    const rng = this.rng;
    const members = this.ofRole('member').filter((m) => m.joinedDays > 30);
    for (const v of this.ofRole('volunteer')) {
      if (!chance(rng, 0.5) || members.length === 0) continue;
      v.person.roles = unique([...v.person.roles, 'mentor' as PersonRole]);
      for (const m of sample(rng, members, randInt(rng, 1, 3))) {
        const since = randInt(rng, 7, m.joinedDays - 14);
        this.addTie(
          v.person.id,
          m.person.id,
          'mentors',
          { derive: { contactsPerMonth: randFloat(rng, 2, 4), years: since / 365, closeness: randFloat(rng, 0.3, 0.6), reciprocal: chance(rng, 0.6) } },
          since,
          randInt(rng, 0, 14),
          `coach:${m.person.coachId}`,
        );
      }
    }
    for (const m of this.ofRole('member')) {
      this.addTie(
        m.person.coachId!,
        m.person.id,
        'coaches',
        { derive: { contactsPerMonth: randFloat(rng, 1.5, 4), years: m.joinedDays / 365, closeness: randFloat(rng, 0.3, 0.7), reciprocal: chance(rng, 0.4) } },
        m.joinedDays,
        randInt(rng, 1, 28),
        `coach:${m.person.coachId}`,
      );
    }
    const community = this.orgs.filter((o) => o.sector === 'S' || o.sector === 'Q' || o.sector === 'R');
    for (const v of this.ofRole('volunteer')) {
      const places = [DEMO_TOWN_SERVICE_ID];
      if (community.length > 1 && chance(rng, 0.3)) places.push(pick(rng, community.filter((o) => o.id !== DEMO_TOWN_SERVICE_ID)).id);
      for (const o of places) {
        this.addTie(v.person.id, o, 'volunteers-at', { given: randFloat(rng, 0.3, 0.6) }, randInt(rng, 60, 2000), randInt(rng, 0, 21), 'demo-town');
      }
    }
  }

  // ---------------------------------------------------------------- organisations together

  /** Supply chains between sections, and the service's partnerships with the Jobcentre, council, college and employers. */
  private makeOrganisationTies(): void {
    const rng = this.rng;
    const customers: Partial<Record<SicSection, SicSection[]>> = {
      C: ['G', 'I', 'F', 'C'],
      G: ['I', 'F', 'Q', 'S'],
      N: ['Q', 'P', 'O', 'C', 'H', 'G'],
      E: ['C', 'I', 'G'],
      J: ['M', 'K', 'L', 'N', 'P'],
      M: ['F', 'G', 'I', 'C'],
      H: ['C', 'G'],
      K: ['F', 'G'],
    };
    for (const o of this.orgs) {
      const wanted = customers[o.sector];
      if (!wanted) continue;
      const pool = this.orgs.filter((x) => x !== o && wanted.includes(x.sector));
      for (const c of sample(rng, pool, randInt(rng, 0, 2))) {
        this.addTie(o.id, c.id, 'supplies', { given: randFloat(rng, 0.2, 0.5) }, randInt(rng, 365, 3650), randInt(rng, 0, 60), 'demo-town');
      }
    }
    const partner = (a: string, b: string) =>
      this.addTie(a, b, 'partners-with', { given: randFloat(rng, 0.3, 0.7) }, randInt(rng, 180, 2500), randInt(rng, 0, 45), 'demo-town');
    for (const fixed of this.orgs.slice(1, FIXED_ORGANISATIONS.length)) partner(DEMO_TOWN_SERVICE_ID, fixed.id);
    const employers = this.orgs.slice(FIXED_ORGANISATIONS.length);
    for (const o of sample(rng, employers.filter((x) => x.hiring), Math.max(1, Math.round(this.orgCount / 15)))) partner(DEMO_TOWN_SERVICE_ID, o.id);
    const college = this.orgs[3];
    if (college) {
      for (const o of sample(rng, employers.filter((x) => ['Q', 'I', 'F', 'C'].includes(x.sector)), Math.max(1, Math.round(this.orgCount / 30)))) partner(college.id, o.id);
    }
  }

  // ---------------------------------------------------------------- events

  /**
   * Events over the six months before the reference date, oldest first, run by a coach. Attendance: the host (and
   * often a second coach), a few volunteers, employer contacts (most at networking events and job fairs, themed by
   * sector), and members who had joined by then. A few attendees keep in touch afterwards: weak, recent `knows` ties.
   */
  private makeEvents(): void {
    const rng = this.rng;
    const n = this.eventCount;
    if (n + this.upcomingCount === 0) return;
    const plan: EventPlanning = {
      width: Math.max(2, String(n + this.upcomingCount).length),
      coaches: this.ofRole('coach'),
      volunteers: this.ofRole('volunteer'),
      employers: [...this.ofRole('employer-contact'), ...this.ofRole('business-owner')],
      members: this.ofRole('member'),
      homes: AREAS.filter((a) => a.members > 0),
      names: new Set<string>(),
      themes: [],
    };
    for (let i = 0; i < n; i++) {
      const kind = EVENT_SEQUENCE[i % EVENT_SEQUENCE.length]!;
      const daysAgo = Math.max(1, Math.round(182 - (i + rng() * 0.6) * (178 / n)));
      const { event, host, attendees } = this.makeEvent(plan, i, kind, daysAgo);
      for (const a of attendees) {
        this.addTie(a.d.person.id, event.id, 'attended', { given: ATTENDANCE_STRENGTH[kind] }, daysAgo, daysAgo, `coach:${host.person.id}`, a.host ? { role: 'host' } : {});
      }
      this.keepInTouch(kind, attendees.map((a) => a.d), daysAgo, event.id);
    }
    // Events still to come (after every past one, so the past draws stay the same): the people registered so far,
    // each registration dated when it was made; nobody has met there yet.
    for (let j = 0; j < this.upcomingCount; j++) {
      const kind = UPCOMING_SEQUENCE[j % UPCOMING_SEQUENCE.length]!;
      let daysAhead = 5 + j * 9 + randInt(rng, 0, 3);
      // Not on the days a town closes for (a job fair on Christmas Day would be a poor demo).
      while (CLOSED_DAYS.has(this.day(-daysAhead).slice(5))) daysAhead++;
      const { event, host, attendees } = this.makeEvent(plan, n + j, kind, -daysAhead);
      for (const a of attendees) {
        this.addTie(a.d.person.id, event.id, 'attended', { given: ATTENDANCE_STRENGTH[kind] }, randInt(rng, 1, 21), null, `coach:${host.person.id}`, a.host ? { role: 'host' } : {});
      }
    }
  }

  /** One event `daysAgo` days before the reference date (negative: after it), and who comes. */
  private makeEvent(plan: EventPlanning, index: number, kind: EventKind, daysAgo: number): { event: Event; host: Draft; attendees: { d: Draft; host?: boolean }[] } {
    const rng = this.rng;
    const { themes, homes, names, coaches, employers, volunteers, members } = plan;
    if (themes.length === 0) themes.push(...shuffle(rng, EVENT_THEMES.slice()));
    const theme = kind === 'networking' || kind === 'job-fair' ? themes.shift()! : EVENT_THEMES[0]!;
    // job fairs in the town centre or at the college; networking mostly in town; the rest where members live
    const area =
      kind === 'job-fair'
        ? chance(rng, 0.7) ? 'Town Centre' : 'Canalside'
        : kind === 'networking' && chance(rng, 0.6)
          ? 'Town Centre'
          : weightedPick(rng, homes, (a) => a.members).name;
    // a fresh name while there is one, else a series named by its month
    const options = EVENT_NAMES[kind].map((n) => n.replaceAll('{T}', DEMO_TOWN_NAME).replaceAll('{A}', placeName(area)).replaceAll('{X}', theme.label));
    const fresh = options.filter((n) => !names.has(n));
    let name = pick(rng, fresh.length > 0 ? fresh : options);
    if (names.has(name)) name = `${name} (${monthName(this.day(daysAgo))})`;
    for (let k = 2; names.has(name); k++) name = `${name} ${k}`;
    names.add(name);
    const event: Event = { id: `e-${pad(index + 1, plan.width)}`, name, kind, date: this.day(daysAgo), area };
    this.events.push(event);

    const host = pick(rng, coaches);
    const sizes = EVENT_ATTENDANCE[kind];
    const size = randInt(rng, ...sizes.size);
    const attendees: { d: Draft; host?: boolean }[] = [{ d: host, host: true }];
    if ((kind === 'networking' || kind === 'job-fair' || kind === 'lunch') && coaches.length > 1 && chance(rng, 0.6)) {
      attendees.push({ d: pick(rng, coaches.filter((c) => c !== host)) });
    }
    const inTheme = (x: Draft) => (x.orgId ? this.org(x.orgId).sector === theme.sector : false);
    const themed = kind === 'networking' || kind === 'job-fair';
    for (const e of weightedSample(rng, employers, randInt(rng, ...sizes.employers), (x) => (themed && inTheme(x) ? 5 : 1) * (x.orgId && this.org(x.orgId).hiring ? 2 : 1))) {
      attendees.push({ d: e });
    }
    for (const v of sample(rng, volunteers, randInt(rng, ...sizes.volunteers))) attendees.push({ d: v });
    const eligible = members.filter((m) => m.joinedDays > daysAgo);
    const memberWeight = (m: Draft) =>
      m.engagement *
      (kind === 'coaching-group' && m.person.coachId === host.person.id ? 6 : 1) *
      ((kind === 'lunch' || kind === 'social' || kind === 'coaching-group') && m.person.area === area ? 4 : 1) *
      (themed && m.person.goals.sectors.includes(theme.sector) ? 3 : 1);
    for (const m of weightedSample(rng, eligible, Math.max(0, size - attendees.length), memberWeight)) attendees.push({ d: m });
    return { event, host, attendees };
  }

  /** After an event some members stay in touch: with an employer they met, or with another member of their group. */
  private keepInTouch(kind: EventKind, attendees: Draft[], daysAgo: number, eventId: string): void {
    const rng = this.rng;
    const members = attendees.filter((a) => a.primary === 'member');
    const employers = attendees.filter((a) => a.primary === 'employer-contact' || a.primary === 'business-owner');
    for (const m of members) {
      if ((kind === 'networking' || kind === 'job-fair' || kind === 'lunch') && employers.length > 0 && chance(rng, 0.12)) {
        this.knowsTie(m, pick(rng, employers), { met_at: eventId }, daysAgo);
      }
      if ((kind === 'coaching-group' || kind === 'workshop' || kind === 'social') && members.length > 1 && chance(rng, 0.25)) {
        this.knowsTie(m, pick(rng, members.filter((x) => x !== m)), { met_at: eventId }, daysAgo);
      }
    }
  }
}

// ---------------------------------------------------------------- small helpers

function surnameForm(s: Surname, female: boolean): string {
  return typeof s === 'string' ? s : female ? s[1] : s[0];
}

/** An area as a name prefix: the town centre's businesses and venues take the town's name. */
function placeName(area: string): string {
  return area === 'Town Centre' ? DEMO_TOWN_NAME : area;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pastWeights(): Record<DemoSector, number> {
  return Object.fromEntries(Object.entries(SECTORS).map(([s, p]) => [s, p.organisations + p.memberPast])) as Record<DemoSector, number>;
}

/** `k` distinct items drawn one by one with probability proportional to `weight` (all items with weight > 0 at most). */
function weightedSample<T>(rng: Rng, items: readonly T[], k: number, weight: (item: T) => number): T[] {
  const pool: T[] = [];
  const weights: number[] = [];
  for (const x of items) {
    const w = weight(x);
    if (w > 0) {
      pool.push(x);
      weights.push(w);
    }
  }
  const out: T[] = [];
  while (out.length < k && pool.length > 0) {
    const i = weightedIndex(rng, weights);
    out.push(pool[i]!);
    pool.splice(i, 1);
    weights.splice(i, 1);
  }
  return out;
}

function monthName(date: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return months[Number(date.slice(5, 7)) - 1] ?? date;
}
