import { describe, expect, it } from '@jest/globals';
import { BridgeworkGraph } from '../../graph/bridgework-graph.js';
import { OrganisationSchema, PersonSchema, TieSchema } from '../../model/schemas.js';
import { projectGraph } from '../../projection/compact-graph.js';
import { nodeFacts } from '../reach/node-facts.js';
import { egoReport } from './ego-report.js';

// dana knows amy, ben, cal; amy–ben know each other; cal works at the café; ben's friend eve works at the builder's,
// which is three steps from dana through ben → eve → builder.
const graph = BridgeworkGraph.from({
  people: ['dana', 'amy', 'ben', 'cal', 'eve'].map((id) => PersonSchema.parse({ id, name: id })),
  organisations: [
    OrganisationSchema.parse({ id: 'cafe', name: 'Café', sector: 'I' }),
    OrganisationSchema.parse({ id: 'builder', name: 'Builder', sector: 'F' }),
    OrganisationSchema.parse({ id: 'bank', name: 'Bank', sector: 'K' }),
  ],
  events: [],
  ties: [
    ['dana', 'amy', 'knows'],
    ['dana', 'ben', 'knows'],
    ['dana', 'cal', 'knows'],
    ['amy', 'ben', 'knows'],
    ['cal', 'cafe', 'works-at'],
    ['ben', 'eve', 'friend'],
    ['eve', 'builder', 'works-at'],
  ].map(([source, target, kind]) => TieSchema.parse({ source, target, kind, strength: 0.5 })),
});

describe('ego report', () => {
  const g = projectGraph(graph);
  const facts = nodeFacts(graph, g);
  const communities = Int32Array.from(g.ids, (id) => (['eve', 'builder'].includes(id) ? 1 : id === 'bank' ? 2 : 0));

  it('measures size, density, sectors, communities and steps to each sector', () => {
    const constraint = new Float64Array(g.n).fill(0.5);
    const r = egoReport(g, g.indexOf('dana'), { facts, communities, constraint });
    expect(r).toEqual({
      id: 'dana',
      size: 3,
      density: 1 / 3,
      effectiveSize: null,
      constraint: 0.5,
      community: 0,
      sectors: { oneStep: [], twoSteps: ['I'] },
      communities: { oneStep: [0], twoSteps: [0, 1] },
      stepsToSector: { F: 3, I: 2, K: null },
    });
  });

  it('stops looking beyond maxSteps and handles a person with no contacts', () => {
    expect(egoReport(g, g.indexOf('dana'), { facts, communities, maxSteps: 2 }).stepsToSector).toEqual({ F: null, I: 2, K: null });
    const bank = egoReport(g, g.indexOf('bank'), { facts, communities });
    expect(bank.size).toBe(0);
    expect(bank.density).toBeNull();
    expect(bank.stepsToSector).toEqual({ F: null, I: null, K: null });
  });
});
