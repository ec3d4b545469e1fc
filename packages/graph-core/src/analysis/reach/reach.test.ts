import { describe, expect, it } from '@jest/globals';
import { BridgeworkGraph } from '../../graph/bridgework-graph.js';
import { OrganisationSchema, PersonSchema, TieSchema } from '../../model/schemas.js';
import { projectGraph } from '../../projection/compact-graph.js';
import { nodeFacts, sectorsOfMask } from './node-facts.js';
import { sectorDistances } from './sector-distances.js';
import { sectorMasks, sectorReach } from './sector-reach.js';

// a - b - c - cafe(I)      d - e - builder(F)
//          \_ f             (two separate groups)
const graph = BridgeworkGraph.from({
  people: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => PersonSchema.parse({ id, name: id })),
  organisations: [
    OrganisationSchema.parse({ id: 'cafe', name: 'Café', sector: 'I' }),
    OrganisationSchema.parse({ id: 'builder', name: 'Builder', sector: 'F' }),
  ],
  events: [],
  ties: [
    ['a', 'b', 'knows'],
    ['b', 'c', 'knows'],
    ['c', 'cafe', 'works-at'],
    ['c', 'f', 'knows'],
    ['d', 'e', 'knows'],
    ['e', 'builder', 'works-at'],
  ].map(([source, target, kind]) => TieSchema.parse({ source, target, kind, strength: 0.5 })),
});

describe('sector reach', () => {
  const g = projectGraph(graph);
  const facts = nodeFacts(graph, g);
  const at = (id: string) => g.index.get(id)!;

  it('finds the sectors each person reaches within one and two steps', () => {
    const { oneStep, twoSteps } = sectorMasks(g, facts);
    expect(sectorsOfMask(oneStep[at('c')]!)).toEqual(['I']);
    expect(sectorsOfMask(oneStep[at('b')]!)).toEqual([]);
    expect(sectorsOfMask(twoSteps[at('b')]!)).toEqual(['I']);
    expect(sectorsOfMask(twoSteps[at('f')]!)).toEqual(['I']);
    expect(sectorsOfMask(twoSteps[at('a')]!)).toEqual([]);
    expect(sectorsOfMask(twoSteps[at('d')]!)).toEqual(['F']);
  });

  it('counts, per community, the people who reach each sector within two steps', () => {
    const community = new Int32Array(g.n);
    for (const id of ['d', 'e', 'builder']) community[at(id)] = 1;
    const table = sectorReach(g, facts, community);
    expect(table.sectors).toEqual(['F', 'I']);
    expect(table.rows).toEqual([
      { community: 0, people: 4, reach: { F: 0, I: 3 } },
      { community: 1, people: 2, reach: { F: 2, I: 0 } },
    ]);
  });

  it('gives the steps to the nearest organisation of each sector, or -1 when out of reach', () => {
    const d = sectorDistances(g, facts);
    expect([...d.keys()]).toEqual(['F', 'I']);
    expect(d.get('I')![at('a')]).toBe(3);
    expect(d.get('I')![at('f')]).toBe(2);
    expect(d.get('I')![at('d')]).toBe(-1);
    expect(d.get('F')![at('d')]).toBe(2);
  });
});
