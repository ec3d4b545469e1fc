import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../errors.js';
import { BridgeworkGraph } from '../graph/bridgework-graph.js';
import {
  EventSchema,
  GraphDataSchema,
  OrganisationSchema,
  PersonSchema,
  TIE_KINDS,
  TieSchema,
  type GraphData,
  type TieKind,
} from '../model/schemas.js';
import { DEMO_TOWN_DEFAULTS, DEMO_TOWN_SERVICE_ID, generateDemoTown } from './demo-town.js';

const town = generateDemoTown({ seed: 42 });

/** People by their first (primary) role. */
function idsOf(data: GraphData, role: string): string[] {
  return data.people.filter((p) => p.roles[0] === role).map((p) => p.id);
}

const mean = (xs: number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((s, x) => s + x, 0) / xs.length);

/**
 * The measurements behind the key property, on the person–person graph: people joined by a tie of kind knows,
 * friend, family, worked-with, mentors or coaches, taken as undirected and simple (parallel ties count once).
 * Organisations, events and attendance are left out, except for distances (below).
 */
const PERSON_KINDS: ReadonlySet<TieKind> = new Set(['knows', 'friend', 'family', 'worked-with', 'mentors', 'coaches']);

class Measure {
  readonly adjacency = new Map<string, Set<string>>();
  /** The person–person graph plus works-at and volunteers-at ties: how a person reaches organisations. */
  readonly reach = new Map<string, Set<string>>();
  readonly people: Map<string, GraphData['people'][number]>;
  readonly sectorOf: Map<string, string>;

  constructor(readonly data: GraphData) {
    this.people = new Map(data.people.map((p) => [p.id, p]));
    this.sectorOf = new Map(data.organisations.map((o) => [o.id, o.sector]));
    const link = (m: Map<string, Set<string>>, a: string, b: string) => {
      m.set(a, (m.get(a) ?? new Set()).add(b));
      m.set(b, (m.get(b) ?? new Set()).add(a));
    };
    for (const t of data.ties) {
      if (PERSON_KINDS.has(t.kind)) {
        link(this.adjacency, t.source, t.target);
        link(this.reach, t.source, t.target);
      } else if (t.kind === 'works-at' || t.kind === 'volunteers-at') link(this.reach, t.source, t.target);
    }
  }

  neighbours(id: string): string[] {
    return [...(this.adjacency.get(id) ?? [])];
  }

  degree(id: string): number {
    return this.adjacency.get(id)?.size ?? 0;
  }

  /** Local clustering coefficient: the share of pairs of a person's contacts who are tied themselves (0 below 2). */
  clustering(id: string): number {
    const n = this.neighbours(id);
    if (n.length < 2) return 0;
    let closed = 0;
    for (let i = 0; i < n.length; i++) for (let j = i + 1; j < n.length; j++) if (this.adjacency.get(n[i]!)?.has(n[j]!)) closed++;
    return (2 * closed) / (n.length * (n.length - 1));
  }

  /** Share of a person's contacts who live in the same area. */
  sameAreaShare(id: string): number {
    const n = this.neighbours(id);
    const area = this.people.get(id)?.area;
    return n.length === 0 ? 0 : n.filter((x) => this.people.get(x)?.area === area).length / n.length;
  }

  /** Share of a person's contacts who are in work (employee, employer contact or business owner). */
  inWorkShare(id: string): number {
    const work = new Set(['employee', 'employer-contact', 'business-owner']);
    const n = this.neighbours(id);
    return n.length === 0 ? 0 : n.filter((x) => this.people.get(x)?.roles.some((r) => work.has(r))).length / n.length;
  }

  /** Hop distances from `id` over the reach graph (breadth-first search). */
  distances(id: string): Map<string, number> {
    const dist = new Map([[id, 0]]);
    const queue = [id];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (const v of this.reach.get(u) ?? []) {
        if (!dist.has(v)) {
          dist.set(v, dist.get(u)! + 1);
          queue.push(v);
        }
      }
    }
    return dist;
  }

  /** Hops to the nearest organisation of `sector` (the service itself excluded), Infinity if none is reachable. */
  static nearest(dist: Map<string, number>, sectorOf: Map<string, string>, sector: string): number {
    let best = Number.POSITIVE_INFINITY;
    for (const [id, d] of dist) if (id !== DEMO_TOWN_SERVICE_ID && sectorOf.get(id) === sector && d < best) best = d;
    return best;
  }

  /**
   * Members: mean hops from each member to the nearest organisation in each of their goal sectors. Employees: mean
   * hops from each employee to the nearest organisation in the same goal sectors, weighted as the members' goals are.
   */
  goalDistances(): { members: number; employees: number; unreachable: number } {
    const pairs = idsOf(this.data, 'member').flatMap((m) => this.people.get(m)!.goals.sectors.map((s) => [m, s] as const));
    const members = pairs.map(([m, s]) => Measure.nearest(this.distances(m), this.sectorOf, s));
    const employees = idsOf(this.data, 'employee').flatMap((e) => {
      const dist = this.distances(e);
      return pairs.map(([, s]) => Measure.nearest(dist, this.sectorOf, s));
    });
    const finite = (xs: number[]) => xs.filter(Number.isFinite);
    return {
      members: mean(finite(members)),
      employees: mean(finite(employees)),
      unreachable: members.length - finite(members).length + employees.length - finite(employees).length,
    };
  }

  meanOver(role: string, f: (id: string) => number): number {
    return mean(idsOf(this.data, role).map(f));
  }
}

describe('generateDemoTown', () => {
  it('gives identical data for the same seed and different data for another seed', () => {
    expect(generateDemoTown({ seed: 42 })).toEqual(town);
    expect(JSON.stringify(generateDemoTown({ seed: 42 }))).toBe(JSON.stringify(town));
    const other = generateDemoTown({ seed: 43 });
    expect(other.people.map((p) => p.name)).not.toEqual(town.people.map((p) => p.name));
    expect(other.ties).not.toEqual(town.ties);
  });

  it('defaults to seed 42 and the reference date 2026-11-01', () => {
    expect(generateDemoTown()).toEqual(town);
    expect(generateDemoTown({ now: new Date(`${DEMO_TOWN_DEFAULTS.now}T00:00:00Z`) })).toEqual(town);
  });

  it('adds events still to come when asked, with registrations made before now and the past left as it was', () => {
    const withUpcoming = generateDemoTown({ upcomingEvents: 3 });
    // Everything of the default town, unchanged; then three events after 2026-11-01.
    expect(withUpcoming.people).toEqual(town.people);
    expect(withUpcoming.events.slice(0, town.events.length)).toEqual(town.events);
    expect(withUpcoming.ties.slice(0, town.ties.length)).toEqual(town.ties);
    const upcoming = withUpcoming.events.slice(town.events.length);
    expect(upcoming.map((e) => e.id)).toEqual(['e-21', 'e-22', 'e-23']);
    expect(upcoming.every((e) => e.date > '2026-11-01' && e.date < '2026-12-15')).toBe(true);
    const registrations = withUpcoming.ties.slice(town.ties.length);
    expect(registrations.every((t) => t.kind === 'attended' && upcoming.some((e) => e.id === t.target))).toBe(true);
    expect(registrations.every((t) => t.since !== null && t.since <= '2026-11-01' && t.lastContact === null)).toBe(true);
    for (const e of upcoming) {
      const who = registrations.filter((t) => t.target === e.id).map((t) => withUpcoming.people.find((p) => p.id === t.source)!);
      expect(who.filter((p) => p.roles.includes('member')).length).toBeGreaterThanOrEqual(3);
      expect(who.some((p) => p.roles.includes('coach'))).toBe(true);
    }
    expect(BridgeworkGraph.from(withUpcoming).graph.order).toBe(town.people.length + town.organisations.length + town.events.length + 3);
    expect(() => generateDemoTown({ upcomingEvents: 51 })).toThrow(/upcomingEvents must be an integer from 0 to 50/);
    // Never on Christmas or New Year's Day, whatever the reference date.
    for (const now of ['2026-11-29', '2026-12-01', '2026-12-20']) {
      const dates = generateDemoTown({ now: new Date(`${now}T00:00:00Z`), upcomingEvents: 6 }).events.slice(town.events.length).map((e) => e.date.slice(5));
      expect(dates.filter((d) => ['12-24', '12-25', '12-26', '12-31', '01-01'].includes(d))).toEqual([]);
    }
  });

  it('dates everything relative to the reference date it is given, never after it', () => {
    const later = generateDemoTown({ now: new Date('2030-03-01T00:00:00Z') });
    const dates = [
      ...later.events.map((e) => e.date),
      ...later.ties.flatMap((t) => [t.since, t.lastContact]),
      ...later.people.map((p) => p.consent.recordedAt),
    ].filter((d): d is string => d !== null);
    expect(dates.every((d) => d <= '2030-03-01')).toBe(true);
    expect(later.events.every((e) => e.date >= '2029-08-25')).toBe(true);
    // the same draws, shifted in time
    expect(later.people.map((p) => p.name)).toEqual(town.people.map((p) => p.name));
  });

  it('makes about 400 people, 120 organisations and 20 events, in the planned roles', () => {
    expect(town.people).toHaveLength(400);
    expect(town.organisations).toHaveLength(120);
    expect(town.events).toHaveLength(20);
    expect(idsOf(town, 'member')).toHaveLength(120);
    expect(idsOf(town, 'coach')).toHaveLength(8);
    expect(idsOf(town, 'volunteer')).toHaveLength(25);
    expect(idsOf(town, 'employer-contact')).toHaveLength(40);
    expect(idsOf(town, 'business-owner')).toHaveLength(12);
    expect(idsOf(town, 'employee')).toHaveLength(195);
    expect(town.ties.length).toBeGreaterThan(2500);
    expect(town.ties.length).toBeLessThan(6000);
  });

  it('uses stable zero-padded ids', () => {
    expect(town.people[0]?.id).toBe('p-001');
    expect(town.people[399]?.id).toBe('p-400');
    expect(town.organisations[0]?.id).toBe('o-001');
    expect(town.events.map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, i) => `e-${String(i + 1).padStart(2, '0')}`));
  });

  it('produces records that the schemas accept unchanged', () => {
    for (const p of town.people) expect(PersonSchema.parse(p)).toEqual(p);
    for (const o of town.organisations) expect(OrganisationSchema.parse(o)).toEqual(o);
    for (const e of town.events) expect(EventSchema.parse(e)).toEqual(e);
    for (const t of town.ties) expect(TieSchema.parse(t)).toEqual(t);
    expect(GraphDataSchema.parse(town)).toEqual(town);
  });

  it('produces ties that respect every kind’s endpoint rules, with no duplicates', () => {
    const graph = BridgeworkGraph.from(town); // throws on a tie that joins the wrong node types
    expect(graph.tieCount).toBe(town.ties.length);
    expect(graph.nodeCount).toBe(540);
  });

  it('uses the tie kinds of a real town, and leaves met-at-event ties to be derived from attendance', () => {
    const kinds = new Set(town.ties.map((t) => t.kind));
    for (const k of ['knows', 'friend', 'family', 'worked-with', 'mentors', 'coaches', 'works-at', 'volunteers-at', 'attended', 'partners-with', 'supplies'] as const) {
      expect(kinds.has(k)).toBe(true);
    }
    expect(kinds.has('met-at-event')).toBe(false);
    expect(kinds.has('linked')).toBe(false);
    expect([...kinds].every((k) => k in TIE_KINDS)).toBe(true);
  });

  it('gives every member a coach who coaches them, and ties are recorded by coaches or the generator', () => {
    const coaches = new Set(idsOf(town, 'coach'));
    const coached = new Set(town.ties.filter((t) => t.kind === 'coaches').map((t) => `${t.source}>${t.target}`));
    for (const m of town.people.filter((p) => p.roles[0] === 'member')) {
      expect(m.coachId !== null && coaches.has(m.coachId)).toBe(true);
      expect(coached.has(`${m.coachId}>${m.id}`)).toBe(true);
    }
    const caseloads = [...coaches].map((c) => town.people.filter((p) => p.coachId === c).length);
    expect(Math.min(...caseloads)).toBeGreaterThanOrEqual(14);
    expect(Math.max(...caseloads)).toBeLessThanOrEqual(16);
    expect(town.ties.every((t) => t.provenance === 'demo-town' || /^coach:p-\d{3}$/.test(t.provenance ?? ''))).toBe(true);
  });

  it('records consent for most members, by their coach, and leaves about one in seven without it', () => {
    const members = town.people.filter((p) => p.roles[0] === 'member');
    const yes = members.filter((m) => m.consent.introductions);
    expect(yes.length / members.length).toBeGreaterThan(0.75);
    expect(yes.length / members.length).toBeLessThan(0.95);
    expect(members.every((m) => m.consent.recordedBy === m.coachId && m.consent.recordedAt !== null)).toBe(true);
    const others = town.people.filter((p) => p.roles[0] !== 'member' && p.consent.introductions);
    expect(others.every((p) => p.consent.recordedBy === 'self')).toBe(true);
  });

  it('gives members goals (sectors and roles) and employees none', () => {
    for (const m of town.people.filter((p) => p.roles[0] === 'member')) {
      expect(m.goals.sectors.length).toBeGreaterThan(0);
      expect(m.goals.roles.length).toBeGreaterThan(0);
    }
    expect(town.people.filter((p) => p.roles[0] === 'employee').every((p) => p.goals.sectors.length === 0)).toBe(true);
  });

  it('spreads organisations over sectors and size bands like a town: mostly micro and small, retail and hospitality common', () => {
    const sectors = new Set(town.organisations.map((o) => o.sector));
    expect(sectors.size).toBeGreaterThanOrEqual(12);
    const share = (f: (o: GraphData['organisations'][number]) => boolean) => town.organisations.filter(f).length / town.organisations.length;
    expect(share((o) => o.size === 'micro' || o.size === 'small')).toBeGreaterThan(0.7);
    expect(share((o) => o.size === 'large')).toBeLessThan(0.1);
    expect(share((o) => ['G', 'I', 'Q', 'F'].includes(o.sector))).toBeGreaterThan(0.35);
    expect(share((o) => o.hiring)).toBeGreaterThan(0.15);
    expect(share((o) => o.hiring)).toBeLessThan(0.5);
    expect(new Set(town.organisations.map((o) => o.name)).size).toBe(120);
  });

  it('gives every person a distinct name and every event a distinct name and a date in the six months before now', () => {
    expect(new Set(town.people.map((p) => p.name)).size).toBe(400);
    expect(new Set(town.events.map((e) => e.name)).size).toBe(20);
    const dates = town.events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d >= '2026-05-01' && d < '2026-11-01')).toBe(true);
  });

  it('gives every job a title and marks hiring managers only at organisations that are hiring', () => {
    const hiring = new Set(town.organisations.filter((o) => o.hiring).map((o) => o.id));
    const jobs = town.ties.filter((t) => t.kind === 'works-at');
    expect(jobs.every((t) => typeof t.attributes.job_title === 'string' && t.attributes.job_title !== '')).toBe(true);
    const managers = jobs.filter((t) => t.attributes.hiring_manager === true);
    expect(managers.length).toBeGreaterThanOrEqual(5);
    expect(managers.every((t) => hiring.has(t.target))).toBe(true);
    // every organisation has at least one person working there
    expect(new Set(jobs.map((t) => t.target)).size).toBe(town.organisations.length);
  });

  it('has events attended mostly by members, with coaches, volunteers and some employer contacts', () => {
    const attended = town.ties.filter((t) => t.kind === 'attended');
    const roleOf = new Map(town.people.map((p) => [p.id, p.roles[0]]));
    const count = (r: string) => attended.filter((t) => roleOf.get(t.source) === r).length;
    expect(count('member') / attended.length).toBeGreaterThan(0.5);
    expect(count('coach')).toBeGreaterThanOrEqual(20);
    expect(count('volunteer')).toBeGreaterThan(0);
    expect(count('employer-contact')).toBeGreaterThan(0);
    expect(count('employee')).toBe(0);
  });

  it('makes strong family and friend ties and weaker, fading ties to old colleagues', () => {
    const now = Date.parse('2026-11-01');
    const days = (d: string | null) => (d === null ? 0 : (now - Date.parse(d)) / 86_400_000);
    const ofKind = (k: TieKind) => town.ties.filter((t) => t.kind === k);
    const meanStrength = (k: TieKind) => mean(ofKind(k).map((t) => t.strength));
    expect(meanStrength('family')).toBeGreaterThan(0.7);
    expect(meanStrength('friend')).toBeGreaterThan(0.6);
    expect(meanStrength('knows')).toBeLessThan(0.4);
    // old colleagues: worked-with ties whose last contact is over six months ago
    const old = ofKind('worked-with').filter((t) => days(t.lastContact) > 180);
    const current = ofKind('worked-with').filter((t) => days(t.lastContact) <= 7);
    expect(old.length).toBeGreaterThan(50);
    expect(mean(old.map((t) => t.strength))).toBeLessThan(mean(current.map((t) => t.strength)));
    expect(new Set(town.ties.map((t) => t.strengthSource))).toEqual(new Set(['given', 'derived']));
    expect(town.ties.every((t) => t.since === null || t.lastContact === null || t.since <= t.lastContact)).toBe(true);
  });

  it('accepts smaller and larger towns and refuses counts out of range', () => {
    const small = generateDemoTown({ seed: 1, people: 20, organisations: 6, events: 0 });
    expect(small.people).toHaveLength(20);
    expect(small.events).toHaveLength(0);
    expect(() => BridgeworkGraph.from(small)).not.toThrow();
    const big = generateDemoTown({ seed: 1, people: 1200, organisations: 999, events: 120 });
    expect(big.people[1199]?.id).toBe('p-1200');
    expect(big.organisations[998]?.id).toBe('o-999');
    expect(big.events[119]?.id).toBe('e-120');
    expect(() => BridgeworkGraph.from(big)).not.toThrow();
    for (const bad of [{ people: 10 }, { people: 400.5 }, { organisations: 3 }, { organisations: 1000 }, { events: -1 }, { seed: 0.5 }, { now: new Date('nope') }]) {
      expect(() => generateDemoTown(bad)).toThrow(BridgeworkError);
    }
  });
});

describe('the demo town’s key property: members’ networks are small, dense, local and cut off from work', () => {
  const m = new Measure(town);

  it('gives members a lower mean degree than employees', () => {
    expect(m.meanOver('member', (id) => m.degree(id))).toBeLessThan(0.7 * m.meanOver('employee', (id) => m.degree(id)));
  });

  it('gives members a higher mean local clustering coefficient than employees', () => {
    expect(m.meanOver('member', (id) => m.clustering(id))).toBeGreaterThan(2 * m.meanOver('employee', (id) => m.clustering(id)));
  });

  it('keeps members’ ties in their own area, and employees’ ties across the town', () => {
    expect(m.meanOver('member', (id) => m.sameAreaShare(id))).toBeGreaterThan(0.65);
    expect(m.meanOver('employee', (id) => m.sameAreaShare(id))).toBeLessThan(0.55);
  });

  it('gives members far fewer ties to people in work than employees have', () => {
    expect(m.meanOver('member', (id) => m.inWorkShare(id))).toBeLessThan(0.45);
    expect(m.meanOver('employee', (id) => m.inWorkShare(id))).toBeGreaterThan(0.75);
  });

  it('puts members further from organisations in their goal sectors than employees are', () => {
    const d = m.goalDistances();
    expect(d.unreachable).toBe(0);
    expect(d.members).toBeGreaterThan(d.employees + 0.3);
  });

  it('makes coaches, volunteers and employer contacts the well-connected bridges', () => {
    const employees = m.meanOver('employee', (id) => m.degree(id));
    for (const role of ['coach', 'volunteer', 'employer-contact']) {
      expect(m.meanOver(role, (id) => m.degree(id))).toBeGreaterThan(employees);
    }
  });

  it('holds for other seeds too', () => {
    for (const seed of [1, 7, 2026]) {
      const other = new Measure(generateDemoTown({ seed }));
      expect(other.meanOver('member', (id) => other.degree(id))).toBeLessThan(other.meanOver('employee', (id) => other.degree(id)));
      expect(other.meanOver('member', (id) => other.clustering(id))).toBeGreaterThan(other.meanOver('employee', (id) => other.clustering(id)));
      const d = other.goalDistances();
      expect(d.members).toBeGreaterThan(d.employees);
    }
  });
});
