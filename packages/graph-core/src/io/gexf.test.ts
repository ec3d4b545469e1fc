import { describe, expect, it } from '@jest/globals';
import { GraphDataSchema } from '../model/schemas.js';
import { parseGexf, toGexf } from './gexf.js';
import { parseXml } from './xml.js';
import { sampleGraph } from './test-sample.js';

describe('toGexf', () => {
  const gexf = toGexf(sampleGraph(), { lastModified: '2024-05-01', description: 'test & more' });

  it('writes well-formed GEXF 1.3 with the namespace Gephi expects', () => {
    const xml = parseXml(gexf, 'out.gexf');
    expect(xml.problems).toEqual([]);
    expect(xml.root?.name).toBe('gexf');
    expect(xml.root?.attributes).toMatchObject({ xmlns: 'http://gexf.net/1.3', version: '1.3' });
    expect(gexf).toContain('<meta lastmodifieddate="2024-05-01">');
    expect(gexf).toContain('<description>test &amp; more</description>');
  });

  it('declares typed node and edge attributes', () => {
    expect(gexf).toContain('<attributes class="node">');
    expect(gexf).toContain('<attribute id="consent_introductions" title="consent_introductions" type="boolean"/>');
    expect(gexf).toContain('<attributes class="edge">');
    expect(gexf).toContain('<attribute id="strength_source" title="strength_source" type="string"/>');
  });

  it('uses an undirected default with per-edge directed type for asymmetric kinds, weight = strength, kind as kind and label', () => {
    expect(gexf).toContain('<graph mode="static" defaultedgetype="undirected">');
    expect(gexf).not.toContain('mixed');
    expect(gexf).toContain(
      '<edge id="0" source="p-ann" target="p-cal" type="directed" kind="coaches" label="coaches" weight="0.62">',
    );
    expect(gexf).toContain('<edge id="1" source="p-cal" target="p-ann" kind="knows" label="knows" weight="0.3">');
  });

  it('escapes text so that attribute values survive line breaks and markup', () => {
    expect(gexf).toContain('label="Ann O\'Neill, &quot;Annie&quot;"');
    expect(gexf).toContain('<attvalue for="area" value="Line one&#10;line two"/>');
    expect(gexf).toContain('<attvalue for="area" value="North &lt;Ward&gt; &amp; Co"/>');
  });
});

describe('parseGexf', () => {
  it('round-trips every field of a small graph', () => {
    const data = sampleGraph();
    const text = toGexf(data);
    const parsed = parseGexf(text, { file: 'g.gexf' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.notes).toEqual([]);
    expect(parsed.data).toEqual(data);
    const lines = text.split('\n');
    expect(parsed.origins.people[0]).toEqual({
      file: 'g.gexf',
      line: lines.findIndex((l) => l.includes('<node id="p-ann"')) + 1,
    });
    expect(parsed.origins.ties[2]).toEqual({
      file: 'g.gexf',
      line: lines.findIndex((l) => l.includes('<edge id="2"')) + 1,
    });
  });

  it('round-trips an empty graph', () => {
    expect(parseGexf(toGexf(GraphDataSchema.parse({}))).data).toEqual(GraphDataSchema.parse({}));
  });

  it('imports a generic GEXF 1.2 file from another tool', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
  <meta lastmodifieddate="2024-01-01"><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="0" title="club" type="string"/>
      <attribute id="1" title="Type" type="string"/>
      <attribute id="2" title="date" type="string"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="3" title="contexts" type="integer"/>
      <attribute id="4" title="timestamp" type="string"/>
      <attribute id="5" title="checked" type="boolean"><default>false</default></attribute>
    </attributes>
    <nodes>
      <node id="0" label="Mr. Hi">
        <attvalues><attvalue for="0" value="Mr. Hi"/></attvalues>
        <viz:size value="10.0"/><viz:position x="1.0" y="2.0"/>
      </node>
      <node id="1" label="Officer"/>
      <node id="2"/>
      <node id="ev" label="Club meeting">
        <attvalues><attvalue for="1" value="Event"/><attvalue for="2" value="1970-05-01"/></attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="4.0">
        <attvalues><attvalue for="3" value="2"/><attvalue for="4" value="2024-02-01"/></attvalues>
      </edge>
      <edge id="1" source="1" target="0" weight="8.0" label="sparring"/>
      <edge id="2" source="0" target="2" weight="2.0" kind="rivalry"/>
      <edge id="3" source="2" target="2" weight="1.0"/>
      <edge id="4" source="0" target="ev" kind="attended" weight="0.75"/>
    </edges>
  </graph>
</gexf>`;
    const parsed = parseGexf(text, { file: 'karate.gexf', provenance: 'import:karate.gexf' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.people.map((p) => [p.id, p.name])).toEqual([
      ['0', 'Mr. Hi'],
      ['1', 'Officer'],
      ['2', '2'],
    ]);
    expect(parsed.data.events).toEqual([
      { id: 'ev', name: 'Club meeting', kind: 'networking', date: '1970-05-01', area: null },
    ]);
    const ties = parsed.data.ties;
    expect(ties.find((t) => t.kind === 'attended')).toMatchObject({
      source: '0',
      target: 'ev',
      strength: 0.75,
      provenance: 'import:karate.gexf',
    });
    const linked = ties.filter((t) => t.kind === 'linked');
    expect(linked.map((t) => [t.source, t.target, t.strength, t.lastContact, t.attributes])).toEqual([
      ['0', '1', 1, '2024-02-01', { contexts: 2, checked: false, label: 'sparring', weight: 8, count: 2 }],
      ['0', '2', 0.25, null, { checked: false, kind: 'rivalry', weight: 2 }],
    ]);
    expect(parsed.notes).toEqual(
      expect.arrayContaining([
        'karate.gexf: node attributes not used by Bridgework were ignored: club',
        'karate.gexf: dropped 1 self-loop (an edge from a node to itself)',
      ]),
    );
  });

  it('reports invalid records with the line of their element and the attribute name', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="type" title="type" type="string"/>
      <attribute id="sector" title="sector" type="string"/>
      <attribute id="hiring" title="hiring" type="boolean"/>
    </attributes>
    <nodes>
      <node id="o1" label="Café"><attvalues><attvalue for="type" value="organisation"/><attvalue for="sector" value="ZZ"/></attvalues></node>
      <node id="o2" label="Shop"><attvalues><attvalue for="type" value="organisation"/><attvalue for="sector" value="G"/><attvalue for="hiring" value="perhaps"/></attvalues></node>
      <node label="no id"/>
    </nodes>
    <edges>
      <edge source="a" target="b" kind="mentors" weight="2"/>
      <edge source="a" target="b" kind="knows" weight="0.5"/>
      <edge source="b" target="a" kind="knows" weight="0.6"/>
    </edges>
  </graph>
</gexf>`;
    const parsed = parseGexf(text, { file: 'bad.gexf' });
    expect(parsed.data.organisations).toEqual([]);
    expect(parsed.data.ties).toHaveLength(1);
    expect(parsed.problems).toEqual([
      { file: 'bad.gexf', line: 12, column: 'id', reason: 'a node needs an id' },
      {
        file: 'bad.gexf',
        line: 10,
        column: 'sector',
        value: 'ZZ',
        reason: 'unknown sector "ZZ": must be a UK SIC 2007 section letter A–U',
      },
      {
        file: 'bad.gexf',
        line: 11,
        column: 'hiring',
        value: 'perhaps',
        reason: 'hiring must be yes/no, true/false, 1/0 or y/n',
      },
      { file: 'bad.gexf', line: 15, column: 'weight', value: '2', reason: 'weight must be a number in [0, 1]' },
      {
        file: 'bad.gexf',
        line: 17,
        column: 'kind',
        value: 'b knows a',
        reason: 'duplicate tie: the same source, kind and target as line 16',
      },
    ]);
  });

  it('reports malformed XML with its line and column', () => {
    const parsed = parseGexf('<gexf>\n  <graph>\n    <nodes>\n  </graph>\n</gexf>', { file: 'broken.gexf' });
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'broken.gexf', line: 4 });
    expect(parsed.problems[0]?.reason).toMatch(/^invalid XML: /);
  });

  it('refuses a document that is not GEXF', () => {
    expect(parseGexf('<graphml/>').problems).toEqual([
      { file: 'graph.gexf', line: 1, reason: 'not a GEXF document: the root element is <graphml>, expected <gexf>' },
    ]);
  });
});
