import { describe, expect, it } from '@jest/globals';
import { GraphDataSchema } from '../model/schemas.js';
import { toCsvFiles } from './csv-export.js';
import { parseDomainCsv } from './domain-csv.js';
import { mergeParsedInputs } from './parsed-input.js';
import { sampleGraph } from './test-sample.js';

const readAll = (files: Record<string, string>) =>
  mergeParsedInputs(
    (['people', 'organisations', 'events', 'ties'] as const).map((kind) =>
      parseDomainCsv(kind, files[`${kind}.csv`] ?? '', { file: `${kind}.csv` }),
    ),
  );

describe('toCsvFiles', () => {
  it('round-trips every field of a small graph through the four CSV files', () => {
    const data = sampleGraph();
    const parsed = readAll(toCsvFiles(data));
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual(data);
  });

  it('round-trips as TSV with LF line endings and a byte-order mark too', () => {
    const data = sampleGraph();
    const parsed = readAll(toCsvFiles(data, { delimiter: '\t', lineEnding: '\n', bom: true }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual(data);
  });

  it('writes the documented header rows even for an empty graph', () => {
    const files = toCsvFiles(GraphDataSchema.parse({}));
    expect(files).toEqual({
      'people.csv': 'id,name,roles,sectors,skills,goals,area,coach_id,open_to_introductions,consent_at,consent_by\r\n',
      'organisations.csv': 'id,name,sector,size,area,hiring\r\n',
      'events.csv': 'id,name,date,kind,area\r\n',
      'ties.csv': 'source,target,kind,strength,strength_source,since,last_contact,provenance\r\n',
    });
  });

  it('writes goals as sector letters then roles, booleans as yes/no, and protects formulas', () => {
    const files = toCsvFiles(sampleGraph(), { lineEnding: '\n' });
    const people = files['people.csv'].split('\n');
    expect(people[1]).toContain(',I;Q;chef;kitchen porter,');
    expect(people[1]).toContain(',yes,2024-03-01,coach:p-cal');
    expect(people[3]).toMatch(/^p-dee,"'=HYPERLINK\(""http:\/\/x""\)",/);
    expect(files['organisations.csv']).toContain('o-cafe,Corner Café,I,micro,North,yes');
  });

  it('writes tie attributes as extra columns, escaping names that are recognised columns', () => {
    const ties = toCsvFiles(sampleGraph(), { lineEnding: '\n' })['ties.csv'].split('\n');
    expect(ties[0]).toBe(
      'source,target,kind,strength,strength_source,since,last_contact,provenance,note,sessions,verified,ratio,attr.since,weight,count',
    );
    expect(ties[1]).toBe(
      'p-ann,p-cal,coaches,0.62,derived,2023-11-01,2024-04-01T09:00:00Z,coach:p-cal,"met at the drop-in, ""first"" visit",12,true,-0.25,,,',
    );
  });
});
