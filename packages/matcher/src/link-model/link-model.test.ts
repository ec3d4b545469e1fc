import { describe, expect, it } from '@jest/globals';
import { createRng, randInt } from '@bridgework/graph-core';
import { fitConditionalLogit, type ChoiceSet } from './conditional-logit.js';
import { summariseHistory, type LinkEvents } from './history.js';
import { fitHindsightLinkModel, fitLinkModel, shortlistOf, type LinkModel } from './link-model.js';
import { createFeatureScratch, FEATURE_COUNT, pairFeatures, PAIR_FEATURES, WALK_RESTART, WALK_STEPS } from './pair-features.js';
import { contactStrength, embeddednessOf, profileFeatures, profileScores } from './profile-features.js';

/** Events as arrays from "a b" pairs over nodes named by letters, one time unit apart unless given. */
function events(pairs: string[], times?: number[]): LinkEvents & { ids: string[] } {
  const ids: string[] = [];
  const at = (x: string) => {
    let i = ids.indexOf(x);
    if (i < 0) i = ids.push(x) - 1;
    return i;
  };
  const sources = pairs.map((p) => at(p.split(' ')[0]!));
  const targets = pairs.map((p) => at(p.split(' ')[1]!));
  return { n: ids.length, ids, sources, targets, times: times ?? pairs.map((_, i) => i), count: pairs.length };
}

/**
 * A synthetic growing network (seeded): 80 people; every step one person writes to an existing contact (70%) or
 * makes a new one, by triadic closure — a contact of a contact, chosen in proportion to how often the two wrote.
 */
function closingNetwork(seed: number, steps = 6000): LinkEvents {
  const rng = createRng(seed);
  const n = 80;
  const adj: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const s: number[] = [];
  const t: number[] = [];
  const add = (a: number, b: number) => {
    s.push(a);
    t.push(b);
    adj[a]!.set(b, (adj[a]!.get(b) ?? 0) + 1);
    adj[b]!.set(a, (adj[b]!.get(a) ?? 0) + 1);
  };
  for (let i = 0; i < n; i++) add(i, (i + 1 + randInt(rng, 0, 3)) % n);
  while (s.length < steps) {
    const u = randInt(rng, 0, n - 1);
    const contacts = Array.from(adj[u]!.keys());
    const z = contacts[randInt(rng, 0, contacts.length - 1)]!;
    if (rng() < 0.7) {
      add(u, z);
      continue;
    }
    const second = Array.from(adj[z]!.entries()).filter(([v]) => v !== u);
    const total = second.reduce((acc, [, w]) => acc + w, 0);
    let r = rng() * total;
    let v = second[0]?.[0] ?? randInt(rng, 0, n - 1);
    for (const [x, w] of second) {
      if ((r -= w) < 0) {
        v = x;
        break;
      }
    }
    if (v !== u) add(u, v);
  }
  return { n, sources: s, targets: t, times: s.map((_, i) => i), count: s.length };
}

describe('fitConditionalLogit', () => {
  it('recovers the weights of simulated choices', () => {
    const rng = createRng(11);
    const truth = [1.5, -1, 0];
    const sets: ChoiceSet[] = [];
    for (let q = 0; q < 600; q++) {
      const m = 20;
      const rows = Float64Array.from({ length: m * 3 }, () => 2 * rng() - 1);
      const e = Array.from({ length: m }, (_, i) => Math.exp(truth.reduce((acc, w, j) => acc + w * rows[i * 3 + j]!, 0)));
      let r = rng() * e.reduce((a, b) => a + b, 0);
      let c = 0;
      while ((r -= e[c]!) > 0) c++;
      sets.push({ rows, chosen: [c] });
    }
    const fit = fitConditionalLogit(sets, 3, { l2: 0 });
    fit.weights.forEach((w, j) => expect(Math.abs(w - truth[j]!)).toBeLessThan(0.25));
    expect(fit.iterations).toBeLessThan(20);
  });

  it('refuses a chosen index outside the set and a value that is not finite', () => {
    expect(() => fitConditionalLogit([{ rows: new Float64Array(4), chosen: [2] }], 2)).toThrow(/chosen index 2 is not a candidate in \[0, 2\)/);
    expect(() => fitConditionalLogit([{ rows: Float64Array.from([0, NaN]), chosen: [0] }], 1)).toThrow(/not a finite number/);
    expect(() => fitConditionalLogit([{ rows: new Float64Array(2), chosen: [] }], 1)).toThrow(/no choice to learn from/);
  });
});

describe('summariseHistory', () => {
  it('counts contacts per tie and direction, and links people written to at one instant', () => {
    const h = summariseHistory(events(['a b', 'a b', 'b a', 'c a', 'c b', 'c d'], [1, 2, 3, 4, 4, 4]));
    const g = h.graph;
    const [a, b, c, d] = [0, 1, 2, 3];
    expect(h.contacts[g.slot(a, b)]).toBe(3);
    expect(h.outContacts[g.slot(a, b)]).toBe(2);
    expect(h.outContacts[g.slot(b, a)]).toBe(1);
    // At time 4, c wrote to a, b and d: each pair of them gets 1 / (3 − 1).
    expect(h.coEvents.weight(a, b)).toBeCloseTo(0.5, 12);
    expect(h.coEvents.weight(b, d)).toBeCloseTo(0.5, 12);
    expect(h.coEvents.hasEdge(a, c)).toBe(false);
    // Half-life: the whole history (6 events); c wrote the last event, one event ago; a's was three ago.
    expect(h.lastSeen[c]).toBeCloseTo(2 ** (-1 / 6), 12);
    expect(h.lastSeen[a]).toBeCloseTo(2 ** (-3 / 6), 12);
    expect(h.activity[a]).toBeGreaterThan(h.activity[d]!);
  });
});

describe('pairFeatures', () => {
  it('gives the local random walk the probability of a dense random walk with restart over the decayed ties', () => {
    const h = summariseHistory(closingNetwork(4, 800));
    const { n, offsets, neighbours } = h.graph;
    const u = 7;
    // Dense reference: WALK_STEPS steps of p ← (1 − α) · p·P + α · e_u, P[x][y] = decayed(x, y) / Σ_y decayed(x, y).
    let p = new Float64Array(n);
    p[u] = 1;
    for (let step = 0; step < WALK_STEPS; step++) {
      const next = new Float64Array(n);
      for (let x = 0; x < n; x++) {
        let total = 0;
        for (let q = offsets[x]!; q < offsets[x + 1]!; q++) total += h.decayed[q]!;
        for (let q = offsets[x]!; q < offsets[x + 1]!; q++) next[neighbours[q]!]! += ((1 - WALK_RESTART) * p[x]! * h.decayed[q]!) / total;
      }
      next[u]! += WALK_RESTART;
      p = next;
    }
    const candidates = Array.from({ length: n }, (_, v) => v).filter((v) => v !== u && !h.graph.hasEdge(u, v));
    const rows = new Float64Array(candidates.length * FEATURE_COUNT);
    const scratch = createFeatureScratch(n);
    pairFeatures(h, u, candidates, rows, scratch);
    const col = PAIR_FEATURES.indexOf('localRandomWalk');
    candidates.forEach((v, i) => expect(rows[i * FEATURE_COUNT + col]).toBeCloseTo(Math.log(1e-6 + p[v]! * n), 9));
    // The scratch is left clean: a second person's features do not see the first's walk.
    const again = new Float64Array(rows.length);
    pairFeatures(h, u, candidates, again, scratch);
    expect(Array.from(again)).toEqual(Array.from(rows));
  });
});

describe('shortlistOf', () => {
  it('keeps recentSlots places for the most active tie-makers who share no contact with the person', () => {
    const h = summariseHistory(closingNetwork(2, 3000));
    const g = h.graph;
    const u = 0;
    const scratch = createFeatureScratch(g.n);
    const shares = (v: number) => {
      for (let p = g.offsets[u]!; p < g.offsets[u + 1]!; p++) if (g.hasEdge(g.neighbours[p]!, v)) return true;
      return false;
    };
    const plain = Array.from(shortlistOf(h, u, 20, scratch).candidates);
    const mixed = Array.from(shortlistOf(h, u, 20, scratch, 5).candidates);
    expect(plain.every(shares)).toBe(true); // u has more than 20 people two steps away
    expect(mixed.slice(0, 15)).toEqual(plain.slice(0, 15));
    const far = mixed.slice(15);
    expect(far).toHaveLength(5);
    expect(far.some(shares)).toBe(false);
    const farthest = Array.from(h.byNewTies).filter((v) => v !== u && !g.hasEdge(u, v) && !shares(v));
    expect(far).toEqual(farthest.slice(0, 5));
    for (const v of [...plain, ...mixed]) expect(v === u || g.hasEdge(u, v)).toBe(false);
  });
});

describe('fitLinkModel', () => {
  it('learns to foresee the new ties of a network that grows by triadic closure, and scores in [0, 1]', () => {
    const all = closingNetwork(3, 7000);
    const model = fitLinkModel({ ...all, count: 6000 });
    expect(model.fit.queries).toBeGreaterThan(20);
    // The first ties of the next 1000 events: how often is one of them in the person's top 10, against chance?
    const g = model.history.graph;
    let people = 0;
    let hits = 0;
    let chance = 0;
    const seen = new Set<number>();
    for (let e = 6000; e < 7000; e++) {
      const [a, b] = [all.sources[e]!, all.targets[e]!];
      if (a === b || g.hasEdge(a, b) || seen.has(a)) continue;
      seen.add(a);
      const top = Array.from(model.rank(a).candidates.slice(0, 10));
      people++;
      if (top.includes(b)) hits++;
      chance += 10 / (g.n - 1 - g.degree(a));
    }
    expect(people).toBeGreaterThan(30);
    expect(hits).toBeGreaterThan(2 * chance);
    const closure = model.coefficients.decayedCommonNeighbours + model.coefficients.adamicAdar + model.coefficients.localRandomWalk;
    expect(closure).toBeGreaterThan(0.5);
    const ranked = model.rank(0);
    expect(ranked.likelihoods[0]).toBe(1);
    for (let i = 1; i < ranked.likelihoods.length; i++) expect(ranked.likelihoods[i]!).toBeLessThanOrEqual(ranked.likelihoods[i - 1]!);
    const scores = model.score(0, ranked.candidates);
    expect(Array.from(scores)).toEqual(Array.from(ranked.likelihoods));
    expect(Array.from(model.score(0, [0]))).toEqual([0]); // not a candidate of itself
  });

  it('gives the same weights for the same events and seed', () => {
    const a = fitLinkModel(closingNetwork(5, 3000));
    const b = fitLinkModel(closingNetwork(5, 3000));
    expect(a.coefficients).toEqual(b.coefficients);
    expect(Object.keys(a.coefficients)).toEqual([...PAIR_FEATURES]);
  });

  it('scores by id the way the suggest module asks, unknown ids 0', () => {
    const ev = closingNetwork(9, 3000);
    const ids = Array.from({ length: ev.n }, (_, i) => `p${i}`);
    const model = fitLinkModel({ ...ev, ids });
    const ranked = model.rank(4);
    const top = Array.from(ranked.candidates.slice(0, 3), (v) => `p${v}`);
    expect(Array.from(model.scoreByIds('p4', [...top, 'nobody']))).toEqual([...Array.from(ranked.likelihoods.slice(0, 3)), 0]);
    expect(Array.from(model.scoreByIds('nobody', ['p1']))).toEqual([0]);
  });

  it('ranks a history at one instant (a single panel wave) with the prior weights, saying so, or refuses when asked', () => {
    // A closing network seen all at once: nothing to learn from in time, but its structure still ranks candidates.
    const net = closingNetwork(3, 1500);
    const once = { ...net, times: Array.from(net.times, () => 7) };
    const model = fitLinkModel(once);
    expect(model.fit.source).toBe('prior');
    expect(model.fit.reason).toMatch(/the history is one instant/);
    expect(model.fit.queries).toBe(0);
    expect(model.coefficients.adamicAdar).toBeGreaterThan(0);
    // The prior prefers a candidate with many shared contacts to one with none, as every link predictor does.
    const scratch = createFeatureScratch(once.n);
    const u = 0;
    const ranked = model.rank(u);
    expect(ranked.candidates.length).toBeGreaterThan(0);
    const row = new Float64Array(FEATURE_COUNT);
    const cn = (v: number) => (pairFeatures(model.history, u, [v], row, scratch), row[PAIR_FEATURES.indexOf('commonNeighboursCount')]!);
    expect(cn(ranked.candidates[0]!)).toBeGreaterThan(0);
    expect(cn(ranked.candidates[0]!)).toBeGreaterThanOrEqual(cn(ranked.candidates.at(-1)!));
    expect(() => fitLinkModel(once, { whenUnlearnable: 'throw' })).toThrow(/the history is one instant/);
  });

  it('fits in hindsight on the later ties themselves, explaining them at least as well as the forecast weights', () => {
    const all = closingNetwork(3, 7000);
    const forecast = fitLinkModel({ ...all, count: 6000 });
    const hindsight = fitHindsightLinkModel(all, 6000);
    expect(hindsight.fit).toMatchObject({ source: 'hindsight', reason: null, innerEvents: 6000, laterEvents: 1000 });
    expect(hindsight.history.events).toBe(6000); // it ranks against the history, not the ties it learned from
    expect(hindsight.fit.queries).toBeGreaterThan(20);
    // The conditional logit's objective on the later ties, each person weighing the same (as the fit weighs them):
    // the hindsight weights maximise it (up to the small L2 penalty), so no other weights — the forecast's — do better.
    const g = hindsight.history.graph;
    const partners = new Map<number, Set<number>>();
    for (let e = 6000; e < 7000; e++) {
      const [a, b] = [all.sources[e]!, all.targets[e]!];
      if (a === b || g.hasEdge(a, b)) continue;
      for (const [x, y] of [[a, b], [b, a]] as const) partners.set(x, (partners.get(x) ?? new Set()).add(y));
    }
    const objective = (m: LinkModel) => {
      let sum = 0;
      let people = 0;
      for (const [u, chosen] of partners) {
        const { candidates, logits } = m.rank(u);
        const top = logits[0]!;
        const logZ = top + Math.log(logits.reduce((acc, z) => acc + Math.exp(z - top), 0));
        const picked = Array.from(candidates.keys()).filter((i) => chosen.has(candidates[i]!));
        if (picked.length === 0) continue;
        sum += picked.reduce((acc, i) => acc + logits[i]! - logZ, 0) / picked.length;
        people++;
      }
      return sum / people;
    };
    expect(objective(hindsight)).toBeGreaterThan(objective(forecast));
    expect(() => fitHindsightLinkModel(all, 7000)).toThrow(/historyCount must be a whole number in \[1, 7000\)/);
    expect(() => fitHindsightLinkModel(all, 0)).toThrow(/historyCount/);
  });

  it('refuses a history too short, and bad options', () => {
    expect(() => fitLinkModel(events(['a b']))).toThrow(/too short to learn from/);
    expect(() => fitLinkModel(closingNetwork(1, 500), { innerTestFraction: 1 })).toThrow(/innerTestFraction must be strictly between 0 and 1/);
    expect(() => fitLinkModel(closingNetwork(1, 500), { shortlist: 1 })).toThrow(/shortlist must be an integer ≥ 2/);
    expect(() => fitLinkModel(closingNetwork(1, 500), { shortlist: 10, recentSlots: 10 })).toThrow(/recentSlots must be a whole number in \[0, shortlist\)/);
  });
});

describe('profile features', () => {
  it('peaks embeddedness at four shared contacts (an inverted U) and saturates tie strength', () => {
    expect(embeddednessOf(0)).toBe(0);
    expect(embeddednessOf(4)).toBeCloseTo(1, 12);
    expect(embeddednessOf(2)).toBeLessThan(1);
    expect(embeddednessOf(12)).toBeLessThan(embeddednessOf(4));
    expect(contactStrength(2)).toBeCloseTo(0.5, 12);
  });

  it('scales every feature to [0, 1] and combines them by the profile weights', () => {
    // Two groups: a b c (tight) and d e, bridged by c–d.
    const h = summariseHistory(events(['a b', 'b c', 'a c', 'c d', 'd e', 'a b']));
    const [a, d, e] = [0, 3, 4];
    const f = profileFeatures(h, a, [d, e], [0.8, 0.2]);
    for (const values of Object.values(f)) for (const x of values) expect(x >= 0 && x <= 1).toBe(true);
    expect(f.embeddedness[0]).toBeCloseTo(embeddednessOf(1), 12); // a and d share c
    expect(f.pathStrength[0]).toBeCloseTo(contactStrength(1), 12); // weakest link c–d, one contact
    expect(f.pathStrength[1]).toBe(0); // e is three steps away
    const weights = { likelihood: 1, goalRelevance: 5, bridging: 0, embeddedness: 0, pathStrength: 0, recency: 0, introducerLoad: 5, impressions: 5 };
    expect(Array.from(profileScores(f, weights))).toEqual([0.8, 0.2]);
  });
});
