/**
 * `suggestIntroductions`: who should this person meet, who can introduce them, and why — ranked, explained and
 * spread over firms and introducers. The method (docs/matching.md):
 *
 * 1. Hard rules first: the person must consent to introductions, be in the caller's scope and have fewer than
 *    `maxOpenPerPerson` open introductions; a candidate must consent, have room for another open introduction, not be
 *    tied to the person already (any recorded person–person tie, or shared events that still count), not work at the
 *    same place, and not form a blocked or declined pair with them.
 * 2. Candidates (two-hop-scan.ts): people two steps away through an introducer whose ties to both sides reach
 *    `minVouchStrength` (Granovetter 1973: an introducer vouches through a tie of some strength); for people with
 *    fewer than `fewTies` contacts also three-step warm chains. Contacts at organisations in the person's goal
 *    sectors and other members with the same goals (peer support) come out of the same scan, and the features
 *    favour them.
 * 3. Features in [0, 1] (features.ts), weighed by the profile (profiles.ts): likelihood (the pluggable `linkScorer`,
 *    default resource allocation normalised over the person's candidates — Zhou, Lü & Zhang 2009), goal relevance,
 *    bridging (Burt 1992), embeddedness (Rajkumar et al. 2022), path strength, recency; minus the introducer's load
 *    and impression discounting (LinkedIn's PYMK).
 * 4. Maximal marginal relevance over the best `max(poolFactor·k, minPool)` (Carbonell & Goldstein 1998).
 * 5. Sentences from the data for the chosen k (explain.ts).
 */
import { BridgeworkError, type BridgeworkGraph, type Organisation, type PersonRole, type SicSection, type TieKind } from '@bridgework/graph-core';
import { FEATURE_NAMES, type FeatureName, type WeightProfile } from '../profiles.js';
import { bridgingValue, clamp01, embeddedness, goalRelevance, goalRelevanceInto, recency, type BridgingParts, type PairFacts } from './features.js';
import { firstName, listText, relationOf, relationPhrase, sectorText, sectorsText, type Relation } from './explain.js';
import { prepareHistory, type PreparedHistory } from './history.js';
import { SUGGEST_DEFAULTS, SuggestOptionsSchema, parseOptions, resolveProfile, type SuggestOptions, type SuggestOptionsInput } from './options.js';
import { rerankMmr } from './rerank-mmr.js';
import { buildSuggestIndex, maskSectors, type SuggestIndex } from './suggest-index.js';
import { scanCandidates, type ScanResult } from './two-hop-scan.js';

/** One step of an introduction path, with the tie kinds that join the two and its effective strength at `now`. */
export interface PathStep {
  from: string;
  to: string;
  /** Recorded tie kinds, strongest first, and `met-at-event` when the two attended events together. */
  kinds: (TieKind | 'met-at-event')[];
  /** Effective strength of the step at `now` (parallel ties combined as 1 − Π(1 − sᵢ)). */
  strength: number;
  /** Days since the two were last in touch, when a tie carries a date. */
  lastContactDaysAgo: number | null;
}

export interface IntroducerPath {
  id: string;
  name: string;
  /** The weakest link of the path (times the chain discount for three steps). */
  pathStrength: number;
  /** person → introducer → candidate, or person → introducer → middle → candidate for a warm chain. */
  path: PathStep[];
}

export type SuggestionTag = 'goal-sector' | 'past-goal-sector' | 'goal-role' | 'hiring' | 'peer-support' | 'new-community' | 'new-sectors' | 'warm-chain';

export interface Suggestion {
  rank: number;
  id: string;
  name: string;
  roles: PersonRole[];
  organisation: { id: string; name: string; sector: SicSection; sectorLabel: string; hiring: boolean } | null;
  jobTitle: string | null;
  /** `introduction` through one introducer, or `warm-chain` of three steps. */
  kind: 'introduction' | 'warm-chain';
  tags: SuggestionTag[];
  /** Up to two introducers, best path first. */
  introducers: IntroducerPath[];
  score: number;
  /** Each feature's value in [0, 1]. */
  features: Record<FeatureName, number>;
  /** Each feature's contribution to the score: weight × value, negative for the penalties. */
  contributions: Record<FeatureName, number>;
  facts: {
    sharedContacts: number;
    community: number;
    constraintBefore: number | null;
    constraintAfter: number;
    effectiveSizeGain: number;
    newSectors: SicSection[];
    impressions: number;
  };
  /** One to three sentences a coach can read aloud. */
  sentences: string[];
}

export type NoSuggestionReason = 'no-consent' | 'open-cap-reached' | 'out-of-scope' | 'no-candidates';

export interface SuggestionResult {
  personId: string;
  name: string;
  now: string;
  profile: string;
  /** Ranked suggestions, best first. */
  suggestions: Suggestion[];
  /** Why the list is empty (null when it is not). */
  reason: NoSuggestionReason | null;
  /** Candidates that passed the hard rules before ranking. */
  considered: number;
}

/** Options of `suggestIntroductions`: the validated options plus an optional prebuilt index. */
export type SuggestIntroductionsOptions = SuggestOptionsInput & {
  /** An index from `buildSuggestIndex(graph, { now, … })` with the same graph and `now`, reused across queries. */
  index?: SuggestIndex;
};

/** @internal A scored candidate before explanation. */
export interface Scored {
  c: number;
  v: number;
  score: number;
  features: Record<FeatureName, number>;
  goal: PairFacts;
  bridging: BridgingParts;
}

/**
 * Ranked introductions for one person. Returns an empty list with a `reason` (not an error) when the person has not
 * consented to introductions (`no-consent`), already has `maxOpenPerPerson` open introductions (`open-cap-reached`),
 * is outside the given `scope` (`out-of-scope`), or nobody passes the rules (`no-candidates`). Throws a `not-found`
 * BridgeworkError for an unknown person, and a `validation` one for bad options.
 */
export function suggestIntroductions(graph: BridgeworkGraph, personId: string, options: SuggestIntroductionsOptions): SuggestionResult {
  const { index: given, ...rest } = options ?? ({} as SuggestIntroductionsOptions);
  const opts = parseOptions(SuggestOptionsSchema, rest, 'suggest');
  const index = useIndex(graph, given, opts, 'suggest');
  const history = prepareHistory(opts.history, opts.now, SUGGEST_DEFAULTS.impressionDecay, SUGGEST_DEFAULTS.impressionHalfLifeDays);
  return suggestWithIndex(index, personId, opts, history, null);
}

/** @internal The index to use: the given one (checked) or a new one. */
export function useIndex(graph: BridgeworkGraph, given: SuggestIndex | undefined, opts: SuggestOptions, where: string): SuggestIndex {
  if (!given) {
    return buildSuggestIndex(graph, { now: opts.now, halfLifeDays: opts.halfLifeDays, coAttendanceMinStrength: opts.coAttendanceMinStrength, seed: opts.seed });
  }
  if (given.graph !== graph) throw new BridgeworkError('validation', `matcher/${where}: the index was built from another graph`);
  if (given.options.now.getTime() !== opts.now.getTime()) {
    throw new BridgeworkError('validation', `matcher/${where}: the index was built for now = ${given.options.now.toISOString()}, not ${opts.now.toISOString()}`);
  }
  return given;
}

/** @internal Suggestions with a ready index and history; `extraLoad` adds introducer asks made earlier in a batch. */
export function suggestWithIndex(
  index: SuggestIndex,
  personId: string,
  opts: SuggestOptions,
  history: PreparedHistory,
  extraLoad: ReadonlyMap<number, number> | null,
  pool?: number,
): SuggestionResult {
  const graph = index.graph;
  const person = graph.person(personId);
  if (!person) throw new BridgeworkError('not-found', `matcher/suggest: no person with id ${JSON.stringify(personId)}`);
  const profile = resolveProfile(opts.profile);
  const base = { personId, name: person.name, now: opts.now.toISOString(), profile: profile.name, suggestions: [] as Suggestion[], considered: 0 };
  if (opts.scope) {
    const inScope =
      (opts.scope.coachId !== undefined && person.coachId === opts.scope.coachId) || (opts.scope.personIds?.includes(personId) ?? false);
    if (!inScope) return { ...base, reason: 'out-of-scope' };
  }
  if (!person.consent.introductions) return { ...base, reason: 'no-consent' };
  if (history.openOf(personId) >= opts.maxOpenPerPerson) return { ...base, reason: 'open-cap-reached' };
  const u = index.g.indexOf(personId);
  const scan = scanCandidates(index, u, opts, true);
  const k = pool ?? opts.k;
  const { scored, considered } = scoreCandidates(index, scan, opts, profile, history, extraLoad, poolSizeFor(k));
  if (scored.length === 0) return { ...base, reason: 'no-candidates' };
  const picked = pickDiverse(index, scan, scored, k, profile, opts.maxPeerShare);
  const suggestions = picked.map((s, i) => describe(index, scan, s, i + 1, opts, history));
  return { ...base, suggestions, reason: null, considered };
}

/**
 * @internal Apply the hard rules to the scan, score what is left, and return the best `poolSize` (score order, ties
 * by node index) with their parts, and how many candidates passed the rules. Features are computed into typed arrays
 * first; objects are made for the pool only.
 */
export function scoreCandidates(
  index: SuggestIndex,
  scan: ScanResult,
  opts: SuggestOptions,
  profile: WeightProfile,
  history: PreparedHistory,
  extraLoad: ReadonlyMap<number, number> | null,
  poolSize: number,
): { scored: Scored[]; considered: number } {
  const { consent, employer, g, serviceStaff } = index;
  const u = scan.u;
  const uid = g.ids[u]!;
  const allowed = opts.candidateIds ? new Set(opts.candidateIds) : null;
  const has = history.has;
  const keep: number[] = [];
  for (let c = 0; c < scan.count; c++) {
    const v = scan.v[c]!;
    if (scan.intro1[c]! < 0 || consent[v] !== 1) continue;
    // The service's own coaches and staff introduce people; they are not who a member is introduced to.
    if (serviceStaff[v] === 1 && !opts.includeStaff) continue;
    if (employer[u]! >= 0 && employer[v] === employer[u]) continue;
    if (allowed || has.excluded || has.open) {
      const vid = g.ids[v]!;
      if (allowed && !allowed.has(vid)) continue;
      if (has.excluded && history.excluded(uid, vid)) continue;
      if (has.open && (history.openBetween(uid, vid) || history.openOf(vid) >= opts.maxOpenPerPerson)) continue;
    }
    keep.push(c);
  }
  const count = keep.length;
  if (count === 0) return { scored: [], considered: 0 };

  // Likelihood: the pluggable scorer, else resource allocation normalised over the candidates.
  const likelihood = new Float64Array(count);
  if (opts.linkScorer) {
    const ids = keep.map((c) => g.ids[scan.v[c]!]!);
    const out = opts.linkScorer(uid, ids);
    if (!out || out.length !== ids.length) {
      throw new BridgeworkError('validation', `matcher/suggest: linkScorer returned ${out?.length ?? 'nothing'} scores for ${ids.length} candidates`);
    }
    for (let i = 0; i < ids.length; i++) {
      const x = out[i]!;
      if (!(x >= 0 && x <= 1)) throw new BridgeworkError('validation', `matcher/suggest: linkScorer gave ${x} for ${ids[i]}; scores must be in [0, 1]`);
      likelihood[i] = x;
    }
  } else {
    let max = 0;
    for (const c of keep) if (scan.ra[c]! > max) max = scan.ra[c]!;
    if (max > 0) for (let i = 0; i < count; i++) likelihood[i] = scan.ra[keep[i]!]! / max;
  }

  const F = FEATURE_NAMES.length;
  const values = new Float64Array(count * F);
  const scores = new Float64Array(count);
  const weights = FEATURE_NAMES.map((f) => (PENALTIES.has(f) ? -1 : 1) * profile.weights[f]);
  const stats = { cn: 0, ra: 0, s1: 0, k: scan.k, sumA2: scan.sumA2, t: scan.t, reachedCommunities: scan.reachedCommunities };
  const recencyHalfLife = SUGGEST_DEFAULTS.recencyHalfLifeDays;
  const facts = goalRelevance(index, u, u);
  for (let i = 0; i < count; i++) {
    const c = keep[i]!;
    const v = scan.v[c]!;
    stats.cn = scan.cn[c]!;
    stats.ra = scan.ra[c]!;
    stats.s1 = scan.s1[c]!;
    const z = scan.intro1[c]!;
    const load = (has.introducers ? history.introducerLoad(g.ids[z]!) : 0) + (extraLoad?.get(z) ?? 0);
    const o = i * F;
    values[o] = likelihood[i]!;
    values[o + 1] = goalRelevanceInto(index, u, v, facts);
    values[o + 2] = bridgingValue(index, u, v, stats).value;
    values[o + 3] = embeddedness(index, u, v, stats.cn);
    values[o + 4] = clamp01(scan.path1[c]!);
    values[o + 5] = recency(index, scan.slotA1[c]!, scan.slotB1[c]!, scan.hops[c] === 3 ? scan.slotC1[c]! : -1, recencyHalfLife);
    values[o + 6] = Math.min(1, load / opts.maxOpenPerIntroducer);
    values[o + 7] = has.impressions ? history.impressionPenalty(uid, g.ids[v]!) : 0;
    let s = 0;
    for (let f = 0; f < F; f++) s += weights[f]! * values[o + f]!;
    scores[i] = s;
  }
  const scored: Scored[] = [];
  for (const i of topIndices(scores, poolSize, (a, b) => scan.v[keep[a]!]! - scan.v[keep[b]!]!)) {
    const c = keep[i]!;
    const v = scan.v[c]!;
    const o = i * F;
    const features: Record<FeatureName, number> = {
      likelihood: values[o]!,
      goalRelevance: values[o + 1]!,
      bridging: values[o + 2]!,
      embeddedness: values[o + 3]!,
      pathStrength: values[o + 4]!,
      recency: values[o + 5]!,
      introducerLoad: values[o + 6]!,
      impressions: values[o + 7]!,
    };
    stats.cn = scan.cn[c]!;
    stats.ra = scan.ra[c]!;
    stats.s1 = scan.s1[c]!;
    scored.push({ c, v, score: scores[i]!, features, goal: goalRelevance(index, u, v), bridging: bridgingValue(index, u, v, stats) });
  }
  return { scored, considered: count };
}

/**
 * Indices of the `size` largest scores, best first (ties by `tie`). Finds the cut-off with a native typed-array sort
 * of a copy, then sorts only the few above it: O(n log n) in native code plus O(size log size) with a comparator.
 */
function topIndices(scores: Float64Array, size: number, tie: (a: number, b: number) => number): number[] {
  const n = scores.length;
  let cut = -Infinity;
  if (n > size) cut = Float64Array.from(scores).sort()[n - size]!;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (scores[i]! >= cut) out.push(i);
  out.sort((a, b) => scores[b]! - scores[a]! || tie(a, b));
  return out.length > size ? out.slice(0, size) : out;
}

const PENALTIES: ReadonlySet<FeatureName> = new Set(['introducerLoad', 'impressions']);

/** Σ weight × value, penalties subtracted. */
export function scoreOf(features: Record<FeatureName, number>, w: Record<FeatureName, number>): number {
  let s = 0;
  for (const f of FEATURE_NAMES) s += (PENALTIES.has(f) ? -1 : 1) * w[f] * features[f];
  return s;
}

/** @internal Candidates kept for re-ranking: max(poolFactor · k, minPool). */
export const poolSizeFor = (k: number): number => Math.max(SUGGEST_DEFAULTS.poolFactor * k, SUGGEST_DEFAULTS.minPool);

function pickDiverse(index: SuggestIndex, scan: ScanResult, scored: Scored[], k: number, profile: WeightProfile, peerShare: number): Scored[] {
  const pool = scored;
  const uMember = index.member[scan.u] === 1;
  const order = rerankMmr(
    pool.map((s) => ({
      score: s.score,
      employer: index.employer[s.v]!,
      introducer: scan.intro1[s.c]!,
      community: index.community[s.v]!,
      peer: uMember && index.member[s.v] === 1,
    })),
    k,
    profile.diversity,
    { maxPeers: Math.ceil(peerShare * k), maxPerEmployer: SUGGEST_DEFAULTS.maxPerOrganisation, maxPerIntroducer: SUGGEST_DEFAULTS.maxPerIntroducerInList },
  );
  return order.map((i) => pool[i]!);
}

/** @internal Turn a scored candidate into a Suggestion (introducers, path, facts, sentences). */
export function describe(
  index: SuggestIndex,
  scan: ScanResult,
  s: Scored,
  rank: number,
  opts: SuggestOptions,
  history: PreparedHistory,
  secondIntroducerFirst = false,
): Suggestion {
  const { g, people } = index;
  const { c, v, features } = s;
  const u = scan.u;
  const person = people[u]!;
  const cand = people[v]!;
  const w = resolveProfile(opts.profile).weights;
  const contributions: Record<FeatureName, number> = {
    likelihood: w.likelihood * features.likelihood,
    goalRelevance: w.goalRelevance * features.goalRelevance,
    bridging: w.bridging * features.bridging,
    embeddedness: w.embeddedness * features.embeddedness,
    pathStrength: w.pathStrength * features.pathStrength,
    recency: w.recency * features.recency,
    introducerLoad: -w.introducerLoad * features.introducerLoad,
    impressions: -w.impressions * features.impressions,
  };
  const orgIndex = index.employer[v]!;
  const org: Organisation | undefined = orgIndex >= 0 ? index.organisations[orgIndex] : undefined;
  const chain = scan.hops[c] === 3;
  const relations = new Map<number, Relation>();
  const relation = (a: number, b: number): Relation => {
    const key = a * g.n + b;
    let r = relations.get(key);
    if (!r) relations.set(key, (r = relationOf(index, a, b)));
    return r;
  };
  const step = (a: number, b: number, slot: number): PathStep => {
    const days = index.lastContactDays[slot]!;
    return {
      from: g.ids[a]!,
      to: g.ids[b]!,
      kinds: relation(a, b).kinds,
      strength: g.weights[slot]!,
      lastContactDaysAgo: Number.isNaN(days) ? null : Math.round(days),
    };
  };
  const z1 = scan.intro1[c]!;
  const introducers: IntroducerPath[] = [];
  if (chain) {
    const y = scan.middle[c]!;
    introducers.push({
      id: g.ids[z1]!,
      name: people[z1]!.name,
      pathStrength: scan.path1[c]!,
      path: [step(u, z1, scan.slotA1[c]!), step(z1, y, scan.slotB1[c]!), step(y, v, scan.slotC1[c]!)],
    });
  } else {
    introducers.push({ id: g.ids[z1]!, name: people[z1]!.name, pathStrength: scan.path1[c]!, path: [step(u, z1, scan.slotA1[c]!), step(z1, v, scan.slotB1[c]!)] });
    const z2 = scan.intro2[c]!;
    if (z2 >= 0) {
      introducers.push({ id: g.ids[z2]!, name: people[z2]!.name, pathStrength: scan.path2[c]!, path: [step(u, z2, scan.slotA2[c]!), step(z2, v, scan.slotB2[c]!)] });
    }
  }
  if (secondIntroducerFirst && introducers.length === 2) introducers.reverse();
  const goal = s.goal;
  const tags: SuggestionTag[] = [];
  if (goal.workSectorMatch) tags.push('goal-sector');
  if (goal.pastSectorMatch) tags.push('past-goal-sector');
  if (goal.roleMatch > 0) tags.push('goal-role');
  if (org?.hiring && goal.workSectorMatch) tags.push('hiring');
  if (goal.peerGoalMatch) tags.push('peer-support');
  if (s.bridging.unreachedCommunity) tags.push('new-community');
  if (s.bridging.newSectors > 0) tags.push('new-sectors');
  if (chain) tags.push('warm-chain');
  const newSectorMask = (index.pastMask[v]! | index.workMask[v]!) & ~index.reachMask[u]!;
  return {
    rank,
    id: cand.id,
    name: cand.name,
    roles: [...cand.roles],
    organisation: org ? { id: org.id, name: org.name, sector: org.sector, sectorLabel: sectorText(org.sector), hiring: org.hiring } : null,
    jobTitle: index.jobTitle[v] ?? null,
    kind: chain ? 'warm-chain' : 'introduction',
    tags,
    introducers,
    score: s.score,
    features,
    contributions,
    facts: {
      sharedContacts: scan.cn[c]!,
      community: index.community[v]!,
      constraintBefore: Number.isFinite(scan.constraint) ? scan.constraint : null,
      constraintAfter: s.bridging.constraintAfter,
      effectiveSizeGain: s.bridging.effectiveSizeGain,
      newSectors: maskSectors(newSectorMask),
      impressions: history.impressions(person.id, cand.id),
    },
    sentences: opts.explain ? sentences(index, u, v, org, introducers, s, newSectorMask, opts, relation) : [],
  };
}

function sentences(
  index: SuggestIndex,
  u: number,
  v: number,
  org: Organisation | undefined,
  introducers: IntroducerPath[],
  s: Scored,
  newSectorMask: number,
  opts: SuggestOptions,
  relation: (a: number, b: number) => Relation,
): string[] {
  const { graph, people } = index;
  const person = people[u]!;
  const cand = people[v]!;
  const U = firstName(person.name);
  const V = firstName(cand.name);
  const goal = s.goal;
  const out: string[] = [];

  // 1. Who the candidate is, and why they matter for the person's goals.
  const title = index.jobTitle[v];
  let who = org ? `${cand.name} ${title ? `works as ${title}` : 'works'} at ${org.name} (${sectorText(org.sector)})` : `${cand.name}`;
  const goalCount = person.goals.sectors.length;
  if (goal.workSectorMatch) {
    who += goalCount > 1 ? ` — one of the sectors ${U} is aiming for` : ` — the sector ${U} is aiming for`;
    if (goal.roleMatch > 0 && person.goals.roles.length > 0) who += `, where ${U} hopes to work as ${article(listText(person.goals.roles))}`;
    if (org?.hiring) who += `; ${org.name} is hiring`;
    out.push(`${who}.`);
  } else if (goal.peerGoalMatch) {
    const lead = org ? `${who}. ` : '';
    out.push(`${lead}${org ? V : cand.name} is also looking for work in ${sectorsText(goal.peerGoalMatch)}, like ${U}: the two can support each other.`);
  } else if (goal.pastSectorMatch) {
    out.push(`${org ? `${who}, and` : `${cand.name}`} has worked in ${sectorsText(goal.pastSectorMatch)}, a sector ${U} is aiming for.`);
  } else if (goal.sharedSkills > 0) {
    const mine = new Set(person.skills.map((x) => x.toLowerCase()));
    const shared = cand.skills.filter((x) => mine.has(x.toLowerCase()));
    out.push(`${org ? `${who}; ` : ''}${org ? V : cand.name} and ${U} share ${shared.length > 1 ? 'skills' : 'a skill'}: ${listText(shared)}.`);
  } else if (org) out.push(`${who}.`);

  // 2. Who can introduce them, and how they know each side.
  const best = introducers[0]!;
  const Z = best.name;
  const Zf = firstName(Z);
  const at = (id: string) => index.g.indexOf(id);
  const rel = (a: string, b: string, bName: string) => relationPhrase(relation(at(a), at(b)), bName);
  if (best.path.length === 3) {
    const y = best.path[1]!.to;
    const Y = graph.person(y)!.name;
    out.push(
      `${Z} can start a warm chain: ${Zf} ${rel(best.id, person.id, U)} and ${rel(best.id, y, Y)}, who ${rel(y, cand.id, V)}.`,
    );
  } else {
    const well = best.pathStrength >= 0.5 ? ' well' : '';
    let line = `${Z} knows both${well}: ${Zf} ${rel(best.id, person.id, U)} and ${rel(best.id, cand.id, V)}.`;
    const second = introducers[1];
    if (second) line += ` ${second.name} knows both too.`;
    out.push(line);
  }

  // 3. What the tie would open up.
  if (s.bridging.unreachedCommunity) out.push(`${V} sits in a part of the network ${U} does not reach yet.`);
  else if (newSectorMask) out.push(`${V} would be the first person ${U} knows who works or has worked in ${sectorsText(newSectorMask)}.`);
  return out;
}

const article = (role: string) => (/^[aeiou]/i.test(role) ? `an ${role}` : `a ${role}`);
