import { describe, expect, it } from '@jest/globals';
import { BridgeworkGraph, generateDemoTown } from '@bridgework/graph-core';
import { suggestForCaseload } from './caseload.js';
import { buildSuggestIndex } from './suggest-index.js';
import { NOW } from './test-town.testing.js';

describe('suggestForCaseload', () => {
  const graph = BridgeworkGraph.from(generateDemoTown({ now: NOW }));
  const index = buildSuggestIndex(graph, { now: NOW });
  const coach = [...graph.people()].find((p) => p.roles.includes('coach'))!;
  const caseload = [...graph.people()].filter((p) => p.coachId === coach.id).map((p) => p.id);

  it('spreads the asks so no introducer or candidate goes over the cap', () => {
    const r = suggestForCaseload(graph, caseload, { now: NOW, index, k: 5, perIntroducerCap: 2, perCandidateCap: 2 });
    expect(r.members.map((m) => m.personId)).toEqual(caseload);
    const byIntroducer = new Map<string, number>();
    const byCandidate = new Map<string, number>();
    let total = 0;
    for (const m of r.members) {
      expect(m.suggestions.length).toBeLessThanOrEqual(5);
      if (!graph.person(m.personId)!.consent.introductions) expect(m.reason).toBe('no-consent');
      for (const s of m.suggestions) {
        total++;
        byIntroducer.set(s.introducers[0]!.id, (byIntroducer.get(s.introducers[0]!.id) ?? 0) + 1);
        byCandidate.set(s.id, (byCandidate.get(s.id) ?? 0) + 1);
        expect(s.sentences.join(' ')).toContain(s.introducers[0]!.name);
      }
    }
    expect(total).toBeGreaterThan(caseload.length);
    expect(Math.max(...byIntroducer.values())).toBeLessThanOrEqual(2);
    expect(Math.max(...byCandidate.values())).toBeLessThanOrEqual(2);
    expect(r.introducerLoad.reduce((a, x) => a + x.asks, 0)).toBe(total);
  });

  it('counts open asks from the history against the introducer cap', () => {
    const free = suggestForCaseload(graph, caseload, { now: NOW, index, k: 5, perIntroducerCap: 2 });
    const busiest = free.introducerLoad[0]!;
    const asks = [0, 1].map((i) => ({ personId: `p-x${i}`, candidateId: `p-y${i}`, introducerId: busiest.id }));
    const r = suggestForCaseload(graph, caseload, { now: NOW, index, k: 5, perIntroducerCap: 2, history: { openAsks: asks } });
    for (const m of r.members) for (const s of m.suggestions) expect(s.introducers[0]!.id).not.toBe(busiest.id);
  });

  it('gives every consenting member a first suggestion before anyone gets many (round robin)', () => {
    const r = suggestForCaseload(graph, caseload, { now: NOW, index, k: 10, perIntroducerCap: 3 });
    const counts = r.members.filter((m) => m.reason === null).map((m) => m.suggestions.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
  });
});
