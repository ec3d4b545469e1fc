import { describe, expect, it } from '@jest/globals';
import { BridgeworkError, BridgeworkGraph, generateDemoTown } from '@bridgework/graph-core';
import { PROFILES } from '../profiles.js';
import { buildSuggestIndex } from './suggest-index.js';
import { suggestIntroductions } from './suggest-introductions.js';
import { NOW, smallTown } from './test-town.testing.js';

const ids = (g: BridgeworkGraph, person: string, options: Parameters<typeof suggestIntroductions>[2] = { now: NOW }) =>
  suggestIntroductions(g, person, options).suggestions.map((s) => s.id);

describe('suggestIntroductions on a small town', () => {
  const town = smallTown();

  it('suggests Sam to Dana through Priya, with the path, the score parts and sentences from the data', () => {
    const r = suggestIntroductions(town, 'dana', { now: NOW });
    expect(r.reason).toBeNull();
    const sam = r.suggestions.find((s) => s.id === 'sam');
    expect(sam).toBeDefined();
    expect(sam!.introducers[0]!.id).toBe('priya');
    expect(sam!.introducers[0]!.path.map((p) => [p.from, p.to])).toEqual([
      ['dana', 'priya'],
      ['priya', 'sam'],
    ]);
    expect(sam!.introducers[0]!.path[0]!.kinds).toEqual(['worked-with']);
    expect(sam!.introducers[0]!.path[1]!.kinds).toEqual(['knows', 'met-at-event']);
    expect(sam!.organisation?.name).toBe('Riverside Café');
    expect(sam!.tags).toEqual(expect.arrayContaining(['goal-sector', 'goal-role', 'hiring']));
    const total = Object.values(sam!.contributions).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(sam!.score, 10);
    for (const v of Object.values(sam!.features)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    const text = sam!.sentences.join(' ');
    expect(text).toContain('Sam Okafor works as Head Chef at Riverside Café (accommodation and food service activities)');
    expect(text).toContain('the sector Dana is aiming for');
    expect(text).toContain('Priya Shah knows both');
    expect(text).toContain('has worked with Dana');
    expect(text).toContain('Riverside Café is hiring');
  });

  it('never suggests someone who has not consented, and drops a candidate whose consent is withdrawn', () => {
    expect(ids(town, 'dana')).not.toContain('lee');
    expect(ids(town, 'dana')).toContain('sam');
    const withdrawn = smallTown({ people: { sam: { consent: { introductions: false, recordedAt: '2026-10-30', recordedBy: 'self' } } } });
    expect(ids(withdrawn, 'dana')).not.toContain('sam');
  });

  it('gives an empty list with a reason to a person without consent, and not-found for an unknown id', () => {
    const g = smallTown({ people: { dana: { consent: { introductions: false, recordedAt: null, recordedBy: null } } } });
    const r = suggestIntroductions(g, 'dana', { now: NOW });
    expect(r.suggestions).toEqual([]);
    expect(r.reason).toBe('no-consent');
    expect(() => suggestIntroductions(town, 'nobody', { now: NOW })).toThrow(BridgeworkError);
    try {
      suggestIntroductions(town, 'nobody', { now: NOW });
    } catch (e) {
      expect((e as BridgeworkError).code).toBe('not-found');
      expect((e as Error).message).toContain('matcher/suggest: no person with id "nobody"');
    }
  });

  it('never suggests an existing tie', () => {
    // Tom is two steps from Dana through Priya, but Dana already knows Tom.
    expect(ids(town, 'dana')).not.toContain('tom');
    const untied = smallTown({ dropTies: ['dana-tom'] });
    expect(ids(untied, 'dana')).toContain('tom');
  });

  it('never suggests a declined or blocked pair, in either order', () => {
    expect(ids(town, 'dana', { now: NOW, history: { declined: [{ a: 'sam', b: 'dana' }] } })).not.toContain('sam');
    expect(ids(town, 'dana', { now: NOW, history: { blocked: [{ a: 'dana', b: 'sam' }] } })).not.toContain('sam');
    expect(ids(town, 'dana', { now: NOW, history: { blocked: [{ a: 'dana', b: 'omar' }] } })).toContain('sam');
  });

  it('respects the cap on open introductions for the person and for the candidate', () => {
    const asks = (personId: string, n: number) => Array.from({ length: n }, (_, i) => ({ personId, candidateId: `x${i}`, introducerId: null }));
    const full = suggestIntroductions(town, 'dana', { now: NOW, history: { openAsks: asks('dana', 3) } });
    expect(full.reason).toBe('open-cap-reached');
    expect(full.suggestions).toEqual([]);
    expect(suggestIntroductions(town, 'dana', { now: NOW, history: { openAsks: asks('dana', 2) } }).suggestions.length).toBeGreaterThan(0);
    expect(ids(town, 'dana', { now: NOW, history: { openAsks: asks('sam', 3) } })).not.toContain('sam');
    expect(ids(town, 'dana', { now: NOW, history: { openAsks: asks('sam', 3) }, maxOpenPerPerson: 4 })).toContain('sam');
  });

  it('applies a coach scope and a candidate filter', () => {
    expect(suggestIntroductions(town, 'dana', { now: NOW, scope: { coachId: 'c1' } }).reason).toBeNull();
    expect(suggestIntroductions(town, 'dana', { now: NOW, scope: { coachId: 'someone-else' } }).reason).toBe('out-of-scope');
    expect(ids(town, 'dana', { now: NOW, candidateIds: ['omar'] })).toEqual(['omar']);
  });

  it('sinks a suggestion shown several times without action (impression discounting)', () => {
    const profile = { ...PROFILES.balanced, diversity: 0 };
    const before = ids(town, 'dana', { now: NOW, profile });
    const top = before[0]!;
    const after = ids(town, 'dana', { now: NOW, profile, history: { impressions: [{ personId: 'dana', candidateId: top, count: 8 }] } });
    expect(after.indexOf(top)).toBeGreaterThan(0);
  });

  it('takes a pluggable link scorer and checks what it returns', () => {
    const profile = { ...PROFILES.balanced, weights: { ...PROFILES.balanced.weights, likelihood: 10 }, diversity: 0 };
    const scorer = (_u: string, c: readonly string[]) => c.map((id) => (id === 'zed' ? 1 : 0));
    expect(ids(town, 'dana', { now: NOW, profile, linkScorer: scorer })[0]).toBe('zed');
    expect(() => suggestIntroductions(town, 'dana', { now: NOW, linkScorer: () => [2] })).toThrow(/linkScorer/);
  });

  it('offers a three-step warm chain to a person with few ties', () => {
    // Ben knows Priya and his coach; Nia is two steps away through Carol, Zed three (Carol → Nia → Zed).
    const r = suggestIntroductions(town, 'ben', { now: NOW, k: 20 });
    const zed = r.suggestions.find((s) => s.id === 'zed');
    expect(zed?.kind).toBe('warm-chain');
    expect(zed!.introducers[0]!.path.map((p) => p.to)).toEqual(['c1', 'nia', 'zed']);
    // every link 0.5 last in touch 12 days ago (half-life 180 days), times the chain discount 0.6
    expect(zed!.introducers[0]!.pathStrength).toBeCloseTo(0.5 * Math.pow(2, -12 / 180) * 0.6, 9);
    expect(zed!.sentences.join(' ')).toContain('Carol Evans can start a warm chain');
    expect(suggestIntroductions(town, 'ben', { now: NOW, k: 20, fewTies: 0 }).suggestions.map((s) => s.id)).not.toContain('zed');
  });

  it('rejects bad options with a message naming the field', () => {
    expect(() => suggestIntroductions(town, 'dana', { now: NOW, k: 0 })).toThrow(/matcher\/suggest: invalid options — k:/);
    expect(() => suggestIntroductions(town, 'dana', { now: NOW, profile: 'loud' as 'warm' })).toThrow(/profile/);
    expect(() => suggestIntroductions(town, 'dana', {} as { now: Date })).toThrow(/now/);
  });
});

describe('suggestIntroductions on the demo town', () => {
  const graph = BridgeworkGraph.from(generateDemoTown({ now: NOW }));
  const index = buildSuggestIndex(graph, { now: NOW });
  const members = [...graph.people()].filter((p) => p.roles.includes('member') && p.consent.introductions).slice(0, 40);

  it('keeps every hard rule for forty members', () => {
    let total = 0;
    for (const m of members) {
      const r = suggestIntroductions(graph, m.id, { now: NOW, index });
      const known = new Set(graph.neighbours(m.id));
      for (const s of r.suggestions) {
        total++;
        expect(known.has(s.id)).toBe(false);
        expect(graph.person(s.id)!.consent.introductions).toBe(true);
        expect(s.id).not.toBe(m.id);
        expect(s.introducers[0]!.pathStrength).toBeGreaterThanOrEqual(s.kind === 'warm-chain' ? 0.2 * 0.6 : 0.2);
        // Reasons name the real introducer, and the organisation when there is one.
        const text = s.sentences.join(' ');
        expect(text).toContain(s.introducers[0]!.name);
        if (s.organisation) expect(text).toContain(s.organisation.name);
      }
    }
    expect(total).toBeGreaterThan(200);
  });

  it("never suggests the service's own coaches and staff as people to meet, unless asked to", () => {
    const staff = new Set([...graph.people()].filter((p) => p.roles.includes('coach') || p.roles.includes('staff')).map((p) => p.id));
    expect(staff.size).toBeGreaterThan(0);
    let withStaff = 0;
    for (const m of members) {
      for (const s of suggestIntroductions(graph, m.id, { now: NOW, index }).suggestions) expect(staff.has(s.id)).toBe(false);
      withStaff += suggestIntroductions(graph, m.id, { now: NOW, index, includeStaff: true }).suggestions.filter((s) => staff.has(s.id)).length;
    }
    // The rule is what keeps them out: without it they do come up.
    expect(withStaff).toBeGreaterThan(0);
  });

  it("keeps other members to at most 30% of a member's top 10 while others are on offer", () => {
    const isMember = (id: string) => graph.person(id)!.roles.includes('member');
    let capped = 0;
    let uncapped = 0;
    for (const m of members) {
      const r = suggestIntroductions(graph, m.id, { now: NOW, index });
      const peers = r.suggestions.filter((s) => isMember(s.id)).length;
      if (r.suggestions.length === 10 && r.considered > 20) expect(peers).toBeLessThanOrEqual(3);
      capped += peers;
      uncapped += suggestIntroductions(graph, m.id, { now: NOW, index, maxPeerShare: 1 }).suggestions.filter((s) => isMember(s.id)).length;
    }
    expect(capped).toBeLessThan(uncapped);
  });

  it('is deterministic for a seed and `now`', () => {
    const a = members.slice(0, 10).map((m) => suggestIntroductions(graph, m.id, { now: NOW, seed: 7 }));
    const b = members.slice(0, 10).map((m) => suggestIntroductions(graph, m.id, { now: NOW, seed: 7 }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('spreads the top 10 over firms and introducers more than the pure score order does', () => {
    const spread = (diversity: number) => {
      let firms = 0;
      let introducers = 0;
      for (const m of members) {
        const r = suggestIntroductions(graph, m.id, { now: NOW, index, profile: { ...PROFILES.balanced, diversity } });
        firms += new Set(r.suggestions.map((s) => s.organisation?.id ?? s.id)).size;
        introducers += new Set(r.suggestions.map((s) => s.introducers[0]!.id)).size;
      }
      return { firms, introducers };
    };
    const plain = spread(0);
    const diverse = spread(0.7);
    expect(diverse.introducers).toBeGreaterThan(plain.introducers);
    expect(diverse.firms).toBeGreaterThanOrEqual(plain.firms);
  });

  it('refuses an index built for another moment', () => {
    expect(() => suggestIntroductions(graph, members[0]!.id, { now: new Date('2026-12-01T00:00:00Z'), index })).toThrow(/index was built for now/);
  });
});
