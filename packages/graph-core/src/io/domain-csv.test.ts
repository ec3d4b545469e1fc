import { describe, expect, it } from '@jest/globals';
import { TIE_KIND_NAMES } from '../model/schemas.js';
import { deriveStrength } from '../model/strength.js';
import { domainCsvKindOf, parseDomainCsv } from './domain-csv.js';

const PEOPLE_HEADER = 'id,name,roles,sectors,skills,goals,area,coach_id,open_to_introductions';

describe('parseDomainCsv: people.csv', () => {
  it('reads every column, lists, goals and consent', () => {
    const text = [
      `${PEOPLE_HEADER},consent_at,consent_by`,
      'p1,Ann Lee,Member; Volunteer,i;g,cooking;driving,I;chef;q;kitchen porter,North,c1,Yes,2024-03-01,coach:c1',
      'c1,Cal,coach,,,,,,no,,',
    ].join('\n');
    const parsed = parseDomainCsv('people', text, { file: 'people.csv' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.people).toEqual([
      {
        id: 'p1',
        name: 'Ann Lee',
        roles: ['member', 'volunteer'],
        sectors: ['I', 'G'],
        skills: ['cooking', 'driving'],
        goals: { sectors: ['I', 'Q'], roles: ['chef', 'kitchen porter'] },
        area: 'North',
        coachId: 'c1',
        consent: { introductions: true, recordedAt: '2024-03-01', recordedBy: 'coach:c1' },
      },
      {
        id: 'c1',
        name: 'Cal',
        roles: ['coach'],
        sectors: [],
        skills: [],
        goals: { sectors: [], roles: [] },
        area: null,
        coachId: null,
        consent: { introductions: false, recordedAt: null, recordedBy: null },
      },
    ]);
    expect(parsed.origins.people).toEqual([
      { file: 'people.csv', line: 2 },
      { file: 'people.csv', line: 3 },
    ]);
  });

  it('records consent given without consent_by as recorded by the caller’s provenance', () => {
    const parsed = parseDomainCsv('people', 'id,name,open_to_introductions\np1,Ann,y\np2,Bo,\n', {
      provenance: 'import:people.csv',
    });
    expect(parsed.data.people[0]?.consent).toEqual({
      introductions: true,
      recordedAt: null,
      recordedBy: 'import:people.csv',
    });
    expect(parsed.data.people[1]?.consent).toEqual({ introductions: false, recordedAt: null, recordedBy: null });
  });

  it('accepts a header with only the required columns, in any case and order', () => {
    const parsed = parseDomainCsv('people', 'Name,ID\nAnn,p1\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.people[0]).toMatchObject({ id: 'p1', name: 'Ann', roles: [] });
  });

  it('reports missing required columns once, on line 1, and reads no rows', () => {
    const parsed = parseDomainCsv('people', 'id,roles\np1,member\n', { file: 'people.csv' });
    expect(parsed.data.people).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'people.csv', line: 1 });
    expect(parsed.problems[0]?.reason).toMatch(/^missing required column name /);
  });

  it('reports unknown and repeated columns', () => {
    const parsed = parseDomainCsv('people', 'id,name,nickname,name\np1,Ann,A,B\n');
    expect(parsed.problems.map((p) => [p.line, p.column])).toEqual([
      [1, 'nickname'],
      [1, 'name'],
    ]);
    expect(parsed.problems[0]?.reason).toMatch(/unknown column "nickname"/);
    expect(parsed.problems[1]?.reason).toBe('column "name" appears twice');
  });

  it('reports every bad cell of every row with line, column, value and reason', () => {
    const text = [
      PEOPLE_HEADER,
      'p1,,chef,Z,,X,,,maybe',
      ' p2 ,Bo,member,,,,,,',
      `p3,Cy,member,,,,,${'x'.repeat(201)},`,
    ].join('\n');
    const parsed = parseDomainCsv('people', text, { file: 'people.csv' });
    expect(parsed.data.people.map((p) => p.id)).toEqual(['p2']);
    expect(parsed.problems.map((p) => ({ line: p.line, column: p.column, value: p.value }))).toEqual([
      { line: 2, column: 'goals', value: 'X' },
      { line: 2, column: 'open_to_introductions', value: 'maybe' },
      { line: 2, column: 'name', value: '' },
      { line: 2, column: 'roles', value: 'chef' },
      { line: 2, column: 'sectors', value: 'Z' },
      { line: 4, column: 'coach_id', value: 'x'.repeat(201) },
    ]);
    const reasons = parsed.problems.map((p) => p.reason);
    expect(reasons[1]).toBe('open_to_introductions must be yes/no, true/false, 1/0 or y/n');
    expect(reasons[2]).toBe('name must not be empty');
    expect(reasons[3]).toMatch(/^unknown roles "chef": must be one of member, coach/);
    expect(reasons[4]).toBe('unknown sectors "Z": must be a UK SIC 2007 section letter A–U');
    expect(reasons[5]).toBe('coach_id must be at most 200 characters');
  });

  it('reports a duplicate id on its later line and keeps the first row', () => {
    const parsed = parseDomainCsv('people', 'id,name\np1,Ann\np2,Bo\np1,Annie\n', { file: 'people.csv' });
    expect(parsed.data.people.map((p) => p.name)).toEqual(['Ann', 'Bo']);
    expect(parsed.problems).toEqual([
      { file: 'people.csv', line: 4, column: 'id', value: 'p1', reason: 'duplicate id: already defined on line 2' },
    ]);
  });

  it('keeps line numbers right for rows after a quoted field with line breaks', () => {
    const text = 'id,name,area\np1,Ann,"Flat 2\nHigh Street\nNorth"\np2,,South\n';
    const parsed = parseDomainCsv('people', text);
    expect(parsed.data.people[0]?.area).toBe('Flat 2\nHigh Street\nNorth');
    expect(parsed.problems).toMatchObject([{ line: 5, column: 'name' }]);
  });

  it('reports a row with more cells than the header', () => {
    const parsed = parseDomainCsv('people', 'id,name\np1,Ann,extra\np2,Bo,,\n');
    expect(parsed.data.people.map((p) => p.id)).toEqual(['p2']);
    expect(parsed.problems).toMatchObject([{ line: 2, value: 'extra' }]);
  });

  it('reports an unterminated quote with the column name', () => {
    const parsed = parseDomainCsv('people', 'id,name\np1,"Ann\n');
    expect(parsed.problems).toMatchObject([{ line: 2, column: 'name' }]);
    expect(parsed.problems[0]?.reason).toMatch(/^unterminated quoted field/);
  });

  it('reads a semicolon-separated file with quoted lists', () => {
    const parsed = parseDomainCsv('people', 'id;name;skills\np1;Ann;"cooking;driving"\n');
    expect(parsed.data.people[0]?.skills).toEqual(['cooking', 'driving']);
  });
});

describe('parseDomainCsv: organisations.csv and events.csv', () => {
  it('reads organisations with defaults and booleans', () => {
    const parsed = parseDomainCsv(
      'organisations',
      'id,name,sector,size,area,hiring\no1,Café,i,Micro,North,TRUE\no2,Care,Q,,,\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.organisations).toEqual([
      { id: 'o1', name: 'Café', sector: 'I', size: 'micro', area: 'North', hiring: true },
      { id: 'o2', name: 'Care', sector: 'Q', size: null, area: null, hiring: false },
    ]);
  });

  it('reports bad organisation cells', () => {
    const parsed = parseDomainCsv('organisations', 'id,name,sector,size,hiring\no1,Café,,huge,often\n');
    expect(parsed.problems.map((p) => [p.column, p.reason])).toEqual([
      ['hiring', 'hiring must be yes/no, true/false, 1/0 or y/n'],
      ['sector', 'sector is required: must be a UK SIC 2007 section letter A–U'],
      ['size', 'unknown size "huge": must be one of micro, small, medium, large'],
    ]);
  });

  it('reads events with the default kind and reports a bad date', () => {
    const parsed = parseDomainCsv(
      'events',
      'id,name,kind,date,area\ne1,Fair,Job-Fair,2024-04-10,Hall\ne2,Lunch,,2024-04-12,\ne3,Bad,,10/04/2024,\n',
    );
    expect(parsed.data.events).toEqual([
      { id: 'e1', name: 'Fair', kind: 'job-fair', date: '2024-04-10', area: 'Hall' },
      { id: 'e2', name: 'Lunch', kind: 'networking', date: '2024-04-12', area: null },
    ]);
    expect(parsed.problems).toEqual([
      {
        file: 'events.csv',
        line: 4,
        column: 'date',
        value: '10/04/2024',
        reason: 'date must be a date (YYYY-MM-DD) or an ISO 8601 timestamp',
      },
    ]);
  });
});

describe('parseDomainCsv: ties.csv', () => {
  const HEADER = 'source,target,kind,strength,since,last_contact';

  it('reports all three bad rows with their lines, column names and reasons', () => {
    const text = [
      HEADER,
      'p1,p2,knows,0.5,2020-01-01,2024-01-01',
      'p1,p3,knows,1.5,,',
      'p2,p3,friend,0.4,,',
      'p3,p4,pals,0.4,,',
      'p4,p5,knows,0.2,last year,',
      'p5,p6,family,0.9,,',
    ].join('\n');
    const parsed = parseDomainCsv('ties', text, { file: 'ties.csv' });
    expect(parsed.data.ties.map((t) => `${t.source}-${t.target}`)).toEqual(['p1-p2', 'p2-p3', 'p5-p6']);
    expect(parsed.origins.ties.map((o) => o.line)).toEqual([2, 4, 7]);
    expect(parsed.problems).toEqual([
      { file: 'ties.csv', line: 3, column: 'strength', value: '1.5', reason: 'strength must be a number in [0, 1]' },
      {
        file: 'ties.csv',
        line: 5,
        column: 'kind',
        value: 'pals',
        reason: `unknown kind "pals": must be one of ${TIE_KIND_NAMES.join(', ')}`,
      },
      {
        file: 'ties.csv',
        line: 6,
        column: 'since',
        value: 'last year',
        reason: 'since must be a date (YYYY-MM-DD) or an ISO 8601 timestamp',
      },
    ]);
  });

  it('reports a strength that is not a number', () => {
    const parsed = parseDomainCsv('ties', 'source,target,strength\na,b,strong\n');
    expect(parsed.problems).toMatchObject([
      { line: 2, column: 'strength', value: 'strong', reason: 'strength must be a number in [0, 1]' },
    ]);
  });

  it('derives a missing strength from contacts, years, closeness and reciprocity', () => {
    const text = 'source,target,kind,strength,contacts_per_month,years,closeness,reciprocal\na,b,friend,,4,3,0.8,yes\n';
    const [tie] = parseDomainCsv('ties', text).data.ties;
    expect(tie?.strengthSource).toBe('derived');
    expect(tie?.strength).toBeCloseTo(
      deriveStrength({ contactsPerMonth: 4, years: 3, closeness: 0.8, reciprocal: true }),
      12,
    );
    expect(tie?.attributes).toEqual({});
  });

  it('reports bad inputs to the derivation', () => {
    const text = 'source,target,contacts_per_month,closeness\na,b,-1,2\n';
    const parsed = parseDomainCsv('ties', text);
    expect(parsed.problems.map((p) => [p.column, p.reason])).toEqual([
      ['contacts_per_month', 'contacts_per_month must be a number ≥ 0'],
      ['closeness', 'closeness must be a number in [0, 1]'],
    ]);
  });

  it('uses the kind’s default strength when nothing is given', () => {
    const [tie] = parseDomainCsv('ties', 'source,target,kind\na,b,mentors\n').data.ties;
    expect(tie).toMatchObject({ kind: 'mentors', strength: 0.5, strengthSource: 'default' });
    const [knows] = parseDomainCsv('ties', 'source,target\na,b\n').data.ties;
    expect(knows).toMatchObject({ kind: 'knows', strength: 0.3, strengthSource: 'default' });
  });

  it('keeps unknown columns as typed attributes and fills provenance from the caller', () => {
    const text =
      'source,target,strength,provenance,Met At,count,ok,attr.since\na,b,0.5,,Fair,3,true,spring\nb,c,0.5,coach:x,,,,\n';
    const parsed = parseDomainCsv('ties', text, { provenance: 'import:ties.csv' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.ties[0]).toMatchObject({
      provenance: 'import:ties.csv',
      attributes: { 'Met At': 'Fair', count: 3, ok: true, since: 'spring' },
    });
    expect(parsed.data.ties[1]).toMatchObject({ provenance: 'coach:x', attributes: {} });
  });

  it('accepts a decimal comma in a semicolon-separated file', () => {
    const [tie] = parseDomainCsv('ties', 'source;target;strength\na;b;0,75\n').data.ties;
    expect(tie?.strength).toBe(0.75);
  });

  it('reports a repeated tie key, including a symmetric tie written the other way round', () => {
    const text = 'source,target,kind\na,b,knows\nb,a,knows\na,b,mentors\nb,a,mentors\n';
    const parsed = parseDomainCsv('ties', text, { file: 'ties.csv' });
    expect(parsed.data.ties).toHaveLength(3);
    expect(parsed.problems).toEqual([
      {
        file: 'ties.csv',
        line: 3,
        column: 'source',
        value: 'b knows a',
        reason: 'duplicate tie: the same source, kind and target as line 2',
      },
    ]);
  });

  it('unprotects formula-escaped text cells', () => {
    const [tie] = parseDomainCsv('ties', "source,target,note\na,b,'=1+1\n").data.ties;
    expect(tie?.attributes.note).toBe('=1+1');
  });
});

describe('domainCsvKindOf', () => {
  it('recognises the four file names in any folder and case', () => {
    expect(domainCsvKindOf('data/People.csv')).toBe('people');
    expect(domainCsvKindOf('C:\\x\\organizations.csv')).toBe('organisations');
    expect(domainCsvKindOf('ties.tsv')).toBe('ties');
    expect(domainCsvKindOf('my-people.csv')).toBeUndefined();
  });
});
