import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../errors.js';
import { BridgeworkGraph } from '../graph/bridgework-graph.js';
import { coAttendanceTies } from './co-attendance.js';
import { referenceProblems } from './references.js';
import { PersonSchema, TieSchema, canonicalTie, tieKey } from './schemas.js';
import { combineStrengths, deriveStrength, effectiveStrength } from './strength.js';

const person = (id: string, extra: object = {}) => PersonSchema.parse({ id, name: `Name ${id}`, ...extra });
const tie = (source: string, target: string, kind = 'knows', extra: object = {}) =>
  TieSchema.parse({ source, target, kind, strength: 0.5, ...extra });

describe('domain schemas', () => {
  it('fills defaults so a person needs only an id and a name', () => {
    const p = person('p1');
    expect(p).toEqual({
      id: 'p1',
      name: 'Name p1',
      roles: [],
      sectors: [],
      skills: [],
      goals: { sectors: [], roles: [] },
      area: null,
      coachId: null,
      consent: { introductions: false, recordedAt: null, recordedBy: null },
    });
  });

  it('rejects unknown fields, out-of-range strengths and unknown kinds with readable messages', () => {
    const r = TieSchema.safeParse({ source: 'a', target: 'b', kind: 'acquainted', strength: 1.5, colour: 'red' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kind: must be one of knows, friend/),
        'strength: must be a number in [0, 1]',
        expect.stringMatching(/colour/),
      ]),
    );
  });

  it('rejects ids with control characters or surrounding spaces', () => {
    expect(PersonSchema.safeParse({ id: 'a\tb', name: 'x' }).success).toBe(false);
    expect(PersonSchema.safeParse({ id: ' a', name: 'x' }).success).toBe(false);
  });

  it('keys a symmetric tie the same from either end but a directed tie by its direction', () => {
    expect(tieKey({ source: 'b', target: 'a', kind: 'knows' })).toBe(tieKey({ source: 'a', target: 'b', kind: 'knows' }));
    expect(tieKey({ source: 'b', target: 'a', kind: 'mentors' })).not.toBe(tieKey({ source: 'a', target: 'b', kind: 'mentors' }));
    expect(canonicalTie({ source: 'b', target: 'a', kind: 'knows' as const })).toEqual({ source: 'a', target: 'b', kind: 'knows' });
  });
});

describe('tie strength', () => {
  it('derives strength from Granovetter dimensions and re-weights missing ones', () => {
    expect(deriveStrength({ closeness: 0.8 })).toBeCloseTo(0.8, 12);
    const weekly = deriveStrength({ contactsPerMonth: 4, years: 3, closeness: 1, reciprocal: true });
    expect(weekly).toBeCloseTo(0.35 * (1 - Math.exp(-1)) + 0.2 * (1 - Math.exp(-1)) + 0.35 + 0.1, 12);
    expect(deriveStrength({ contactsPerMonth: 0, years: 0 })).toBe(0);
    expect(() => deriveStrength({})).toThrow(BridgeworkError);
    expect(() => deriveStrength({ closeness: 2 })).toThrow(/closeness must be in \[0, 1\]/);
  });

  it('halves an uncontacted tie after one half-life and never grows it', () => {
    const now = new Date('2026-07-01T00:00:00Z');
    const t = { strength: 0.8, lastContact: '2026-01-02' };
    expect(effectiveStrength(t, now, { halfLifeDays: 180 })).toBeCloseTo(0.4, 12);
    expect(effectiveStrength(t, now, { halfLifeDays: 90 })).toBeCloseTo(0.2, 12);
    expect(effectiveStrength({ strength: 0.8, lastContact: '2027-01-01' }, now)).toBe(0.8);
    expect(effectiveStrength({ strength: 0.8 }, now)).toBe(0.8);
    expect(effectiveStrength({ strength: 0.8, since: '2026-01-02' }, now, { halfLifeDays: 180 })).toBeCloseTo(0.4, 12);
  });

  it('combines parallel ties so that any one can carry the relationship', () => {
    expect(combineStrengths([0.5, 0.5])).toBeCloseTo(0.75, 12);
    expect(combineStrengths([])).toBe(0);
    expect(combineStrengths([1, 0.2])).toBe(1);
  });
});

describe('BridgeworkGraph', () => {
  const data = {
    people: [person('a', { roles: ['member'] }), person('b'), person('c')],
    organisations: [{ id: 'o1', name: 'Riverside Café', sector: 'I' as const, size: 'micro' as const, area: null, hiring: true }],
    events: [],
    ties: [tie('a', 'b'), tie('b', 'a', 'friend'), tie('c', 'o1', 'works-at')],
  };

  it('keeps several kinds of tie between the same two people and reads them back typed', () => {
    const g = BridgeworkGraph.from(data);
    expect(g.nodeCount).toBe(4);
    expect(g.tieCount).toBe(3);
    expect(g.person('a')?.roles).toEqual(['member']);
    expect(g.organisation('o1')?.name).toBe('Riverside Café');
    expect(g.person('o1')).toBeUndefined();
    expect(g.tie('b', 'a', 'knows')?.strength).toBe(0.5);
    expect(g.neighbours('b').sort()).toEqual(['a']);
    expect(g.tiesOf('b').map((t) => t.kind).sort()).toEqual(['friend', 'knows']);
  });

  it('refuses ties to unknown nodes, self-ties and kinds that do not fit the endpoints', () => {
    const g = BridgeworkGraph.from(data);
    expect(() => g.setTie(tie('a', 'zz'))).toThrow(/unknown target id "zz"/);
    expect(() => g.setTie(tie('a', 'a'))).toThrow(/to itself/);
    expect(() => g.setTie(tie('o1', 'c', 'works-at'))).toThrow(/works-at tie joins a person to an organisation, not an organisation to a person/);
  });

  it('refuses to reuse a person id for an organisation', () => {
    const g = BridgeworkGraph.from(data);
    expect(() => g.setOrganisation({ id: 'a', name: 'x', sector: 'A', size: null, area: null, hiring: false })).toThrow(/already a person/);
  });

  it('removes a node together with its ties', () => {
    const g = BridgeworkGraph.from(data);
    expect(g.removeNode('b')).toBe(true);
    expect(g.tieCount).toBe(1);
    expect(g.removeNode('b')).toBe(false);
  });

  it('round-trips through plain data', () => {
    const g = BridgeworkGraph.from(data);
    const again = BridgeworkGraph.from(g.toData());
    expect(again.toData()).toEqual(g.toData());
  });
});

describe('reference checks', () => {
  it('reports unknown ids, reused ids and bad endpoints with where they came from', () => {
    const problems = referenceProblems(
      {
        people: [person('a', { coachId: 'nobody' })],
        organisations: [{ id: 'x', name: 'X', sector: 'C', size: null, area: null, hiring: false }],
        events: [],
        ties: [tie('a', 'ghost'), tie('a', 'x', 'knows'), tie('a', 'x', 'works-at')],
      },
      new Map([['x', 'person' as const]]),
      (section, i) => ({ file: `${section}.csv`, line: i + 2 }),
    );
    expect(problems).toEqual([
      { file: 'organisations.csv', line: 2, column: 'id', value: 'x', reason: 'id is already used by a person' },
      { file: 'people.csv', line: 2, column: 'coach_id', value: 'nobody', reason: 'unknown coach id (no such person)' },
      { file: 'ties.csv', line: 2, column: 'target', value: 'ghost', reason: 'unknown node id' },
      // x is still a person (the existing type), so knows is fine and works-at is not
      { file: 'ties.csv', line: 4, column: 'kind', value: 'works-at', reason: 'a works-at tie joins a person to an organisation, not a person to a person' },
    ]);
  });
});

describe('co-attendance ties', () => {
  it('creates a fading weak tie for each pair who attended together and renews it on a second event', () => {
    const g = BridgeworkGraph.from({
      people: [person('a'), person('b'), person('c')],
      organisations: [],
      events: [
        { id: 'e1', name: 'Lunch', kind: 'lunch', date: '2026-01-01', area: null },
        { id: 'e2', name: 'Fair', kind: 'job-fair', date: '2026-04-01', area: null },
      ],
      ties: [tie('a', 'e1', 'attended'), tie('b', 'e1', 'attended'), tie('a', 'e2', 'attended'), tie('b', 'e2', 'attended'), tie('c', 'e2', 'attended')],
    });
    const now = new Date('2026-04-01T00:00:00Z');
    const ties = coAttendanceTies(g, { now, baseStrength: 0.2, halfLifeDays: 90 });
    const byPair = new Map(ties.map((t) => [`${t.source}-${t.target}`, t]));
    expect(ties).toHaveLength(3);
    const e1 = 0.2 * Math.pow(2, -90 / 90);
    expect(byPair.get('a-b')!.strength).toBeCloseTo(1 - (1 - e1) * (1 - 0.2), 12);
    expect(byPair.get('a-b')!.since).toBe('2026-01-01');
    expect(byPair.get('a-b')!.lastContact).toBe('2026-04-01');
    expect(byPair.get('a-c')!.strength).toBeCloseTo(0.2, 12);
  });
});
