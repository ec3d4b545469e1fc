import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../errors.js';
import { detectFormat } from './detect-format.js';

describe('detectFormat', () => {
  it('recognises the four domain CSV files by name', () => {
    expect(detectFormat('people.csv', 'id,name')).toBe('people-csv');
    expect(detectFormat('import/Organisations.CSV', '')).toBe('organisations-csv');
    expect(detectFormat('events.tsv', '')).toBe('events-csv');
    expect(detectFormat('C:\\data\\ties.csv', '')).toBe('ties-csv');
  });

  it('recognises JSON, GEXF and GraphML by extension', () => {
    expect(detectFormat('town.json', '')).toBe('json');
    expect(detectFormat('town.gexf', '')).toBe('gexf');
    expect(detectFormat('town.GraphML', '')).toBe('graphml');
  });

  it('takes other delimited text files for edge lists', () => {
    for (const name of ['edges.tsv', 'karate.csv', 'facebook_combined.txt', 'x.edges', 'y.edgelist', 'z.el', 'w.tab']) {
      expect(detectFormat(name, '0 1\n')).toBe('edge-list');
    }
  });

  it('looks at the content when the extension says nothing', () => {
    expect(detectFormat('export', '\uFEFF  {"people": []}')).toBe('json');
    expect(
      detectFormat('graph.xml', '<?xml version="1.0"?>\n<!-- made by Gephi -->\n<gexf xmlns="http://gexf.net/1.3">'),
    ).toBe('gexf');
    expect(
      detectFormat('graph.xml', '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'),
    ).toBe('graphml');
    expect(detectFormat('graph.xml', '<ns:graphml>')).toBe('graphml');
  });

  it('refuses what it cannot tell, saying what is accepted', () => {
    expect(() => detectFormat('notes.docx', 'PK\u0003\u0004')).toThrow(BridgeworkError);
    expect(() => detectFormat('notes.docx', 'PK')).toThrow(
      /cannot tell the format of notes\.docx: expected people\.csv/,
    );
    expect(() => detectFormat('page.xml', '<html></html>')).toThrow(/neither GEXF nor GraphML/);
    try {
      detectFormat('a.bin', '');
    } catch (e) {
      expect((e as BridgeworkError).code).toBe('unsupported');
    }
  });
});
