import { describe, expect, it } from '@jest/globals';
import { parseGraphml, toGraphml } from './graphml.js';
import { parseXml } from './xml.js';
import { sampleGraph } from './test-sample.js';

describe('toGraphml', () => {
  const graphml = toGraphml(sampleGraph());

  it('writes well-formed GraphML with typed keys and an undirected default', () => {
    const xml = parseXml(graphml, 'out.graphml');
    expect(xml.problems).toEqual([]);
    expect(xml.root?.attributes.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(graphml).toContain('<key id="n-hiring" for="node" attr.name="hiring" attr.type="boolean"/>');
    expect(graphml).toContain('<key id="e-weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(graphml).toContain('<graph id="G" edgedefault="undirected">');
  });

  it('marks the ties of asymmetric kinds as directed edges', () => {
    expect(graphml).toContain('<edge id="e0" source="p-ann" target="p-cal" directed="true">');
    expect(graphml).toContain('<edge id="e1" source="p-cal" target="p-ann">');
  });
});

describe('parseGraphml', () => {
  it('round-trips every field of a small graph', () => {
    const data = sampleGraph();
    const parsed = parseGraphml(toGraphml(data), { file: 'g.graphml' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.notes).toEqual([]);
    expect(parsed.data).toEqual(data);
  });

  it('imports a generic GraphML file as NetworkX writes it', () => {
    const text = `<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <key id="d3" for="edge" attr.name="time" attr.type="long" />
  <key id="d2" for="edge" attr.name="weight" attr.type="double" />
  <key id="d1" for="node" attr.name="type" attr.type="string" />
  <key id="d0" for="node" attr.name="club" attr.type="string"><default>none</default></key>
  <graph edgedefault="directed">
    <node id="a">
      <data key="d0">Mr. Hi</data>
    </node>
    <node id="b" />
    <node id="p">
      <data key="d1">Person</data>
    </node>
    <edge source="a" target="b">
      <data key="d2">3.0</data>
      <data key="d3">1500000000</data>
    </edge>
    <edge source="b" target="a">
      <data key="d2">1.5</data>
    </edge>
    <edge source="a" target="p" />
    <edge source="a" target="a" />
  </graph>
</graphml>`;
    const parsed = parseGraphml(text, { file: 'nx.graphml' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.people.map((p) => [p.id, p.name])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['p', 'p'],
    ]);
    expect(
      parsed.data.ties.map((t) => [
        t.source,
        t.target,
        t.kind,
        t.strength,
        t.strengthSource,
        t.lastContact,
        t.attributes,
      ]),
    ).toEqual([
      ['a', 'b', 'linked', 1, 'given', '2017-07-14T02:40:00.000Z', { weight: 3, count: 2 }],
      ['a', 'p', 'linked', 0.5, 'default', null, {}],
    ]);
    expect(parsed.notes).toContain('nx.graphml: dropped 1 self-loop (an edge from a node to itself)');
    expect(parsed.origins.ties).toEqual([
      { file: 'nx.graphml', line: 15 },
      { file: 'nx.graphml', line: 22 },
    ]);
  });

  it('takes the node label from yEd node graphics', () => {
    const text = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0">
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="30.0" x="0.0" y="0.0"/>
          <y:NodeLabel alignment="center">Alice</y:NodeLabel>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n1"/>
    <edge id="e0" source="n0" target="n1"/>
  </graph>
</graphml>`;
    const parsed = parseGraphml(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.people.map((p) => p.name)).toEqual(['Alice', 'n1']);
    expect(parsed.data.ties).toHaveLength(1);
  });

  it('reports invalid records with the line of their element', () => {
    const text = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="t" for="node" attr.name="type" attr.type="string"/>
  <key id="d" for="node" attr.name="date" attr.type="string"/>
  <key id="k" for="edge" attr.name="kind" attr.type="string"/>
  <key id="a" for="edge" attr.name="attributes" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="e1"><data key="t">event</data><data key="d">soon</data></node>
    <edge source="x" target="y"><data key="k">friend</data><data key="a">[1, 2]</data></edge>
  </graph>
</graphml>`;
    const parsed = parseGraphml(text, { file: 'bad.graphml' });
    expect(parsed.problems).toEqual([
      {
        file: 'bad.graphml',
        line: 7,
        column: 'date',
        value: 'soon',
        reason: 'date must be a date (YYYY-MM-DD) or an ISO 8601 timestamp',
      },
      {
        file: 'bad.graphml',
        line: 8,
        column: 'attributes',
        value: '[1, 2]',
        reason: 'attributes must be a JSON object',
      },
    ]);
  });

  it('refuses a document that is not GraphML, and malformed XML', () => {
    expect(parseGraphml('<gexf/>').problems[0]?.reason).toBe(
      'not a GraphML document: the root element is <gexf>, expected <graphml>',
    );
    expect(parseGraphml('<graphml><graph></graphml>').problems[0]?.reason).toMatch(/^invalid XML/);
  });
});
