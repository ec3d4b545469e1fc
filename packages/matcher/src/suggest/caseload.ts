/**
 * `suggestForCaseload`: suggestions for a whole caseload at once, with the asks spread so no introducer is
 * overloaded and no candidate is asked by everyone.
 *
 * Method: one index for the batch; each member's candidates are scored as in `suggestIntroductions` and ordered by
 * maximal marginal relevance over a pool of `max(poolFactor·k, minPool)`. Then a round-robin greedy assignment:
 * in round r every member (members with fewer feasible options first, then in the order given) takes their best
 * remaining suggestion that is feasible —
 * - its introducer is named on fewer than `perIntroducerCap` suggestions, counting the introducer's open asks in
 *   the history (when the best introducer is full, the second one is used if they have room);
 * - the candidate appears in fewer than `perCandidateCap` members' lists, counting their open introductions.
 * Round-robin keeps it fair: every member gets a first suggestion before anyone gets a second. The greedy choice is
 * not a global optimum (that would be a capacitated assignment problem); it is simple, deterministic and explainable.
 */
import { BridgeworkError, type BridgeworkGraph } from '@bridgework/graph-core';
import { z } from 'zod';
import { prepareHistory } from './history.js';
import { SUGGEST_DEFAULTS, SuggestOptionsSchema, parseOptions, resolveProfile } from './options.js';
import { rerankMmr } from './rerank-mmr.js';
import type { SuggestIndex } from './suggest-index.js';
import {
  describe,
  poolSizeFor,
  scoreCandidates,
  useIndex,
  type NoSuggestionReason,
  type Scored,
  type Suggestion,
  type SuggestIntroductionsOptions,
} from './suggest-introductions.js';
import { compactScan, scanCandidates, type ScanResult } from './two-hop-scan.js';

export const CASELOAD_DEFAULTS = Object.freeze({ perIntroducerCap: SUGGEST_DEFAULTS.maxOpenPerIntroducer, perCandidateCap: SUGGEST_DEFAULTS.maxOpenPerPerson });

const CaseloadExtraSchema = z.strictObject({
  /** Most suggestions naming one introducer across the batch (open asks in the history count). */
  perIntroducerCap: z.number().int().min(1).default(CASELOAD_DEFAULTS.perIntroducerCap),
  /** Most members' lists one candidate may appear in (their open introductions count). */
  perCandidateCap: z.number().int().min(1).default(CASELOAD_DEFAULTS.perCandidateCap),
});

export type CaseloadOptions = SuggestIntroductionsOptions & { perIntroducerCap?: number; perCandidateCap?: number };

export interface CaseloadMember {
  personId: string;
  name: string;
  suggestions: Suggestion[];
  reason: NoSuggestionReason | null;
}

export interface CaseloadResult {
  now: string;
  profile: string;
  members: CaseloadMember[];
  /** How many suggestions name each introducer (open asks from the history included), most first. */
  introducerLoad: { id: string; name: string; asks: number }[];
}

/**
 * Suggestions for each of `memberIds` (in the order given), spread over introducers and candidates. Throws a
 * `not-found` error for an unknown id and a `validation` error for bad options or a repeated id.
 */
export function suggestForCaseload(graph: BridgeworkGraph, memberIds: readonly string[], options: CaseloadOptions): CaseloadResult {
  const { index: given, perIntroducerCap, perCandidateCap, ...rest } = options ?? ({} as CaseloadOptions);
  const caps = parseOptions(CaseloadExtraSchema, { perIntroducerCap, perCandidateCap }, 'caseload');
  const opts = parseOptions(SuggestOptionsSchema, rest, 'caseload');
  if (new Set(memberIds).size !== memberIds.length) throw new BridgeworkError('validation', 'matcher/caseload: memberIds must not repeat an id');
  const index: SuggestIndex = useIndex(graph, given, opts, 'caseload');
  const profile = resolveProfile(opts.profile);
  const history = prepareHistory(opts.history, opts.now, SUGGEST_DEFAULTS.impressionDecay, SUGGEST_DEFAULTS.impressionHalfLifeDays);
  const { g } = index;

  interface Entry {
    member: CaseloadMember;
    scan: ScanResult | null;
    options: Scored[];
    next: number;
    chosen: { s: Scored; second: boolean }[];
  }
  const entries: Entry[] = memberIds.map((id) => {
    const person = graph.person(id);
    if (!person) throw new BridgeworkError('not-found', `matcher/caseload: no person with id ${JSON.stringify(id)}`);
    const member: CaseloadMember = { personId: id, name: person.name, suggestions: [], reason: null };
    const entry: Entry = { member, scan: null, options: [], next: 0, chosen: [] };
    if (opts.scope) {
      const inScope = (opts.scope.coachId !== undefined && person.coachId === opts.scope.coachId) || (opts.scope.personIds?.includes(id) ?? false);
      if (!inScope) return { ...entry, member: { ...member, reason: 'out-of-scope' } };
    }
    if (!person.consent.introductions) return { ...entry, member: { ...member, reason: 'no-consent' } };
    if (history.openOf(id) >= opts.maxOpenPerPerson) return { ...entry, member: { ...member, reason: 'open-cap-reached' } };
    const big = scanCandidates(index, g.indexOf(id), opts, true);
    const { scored } = scoreCandidates(index, big, opts, profile, history, null, poolSizeFor(opts.k));
    // Keep only the pool's entries: the big scan arrays are reused by the next member.
    const scan = compactScan(big, scored.map((s) => s.c));
    const pool = scored.map((s, i) => ({ ...s, c: i }));
    const order = rerankMmr(
      pool.map((s) => ({ score: s.score, employer: index.employer[s.v]!, introducer: scan.intro1[s.c]!, community: index.community[s.v]! })),
      pool.length,
      profile.diversity,
    );
    return { ...entry, scan, options: order.map((i) => pool[i]!) };
  });

  const introducerUse = new Map<number, number>();
  const candidateUse = new Map<number, number>();
  const used = (m: Map<number, number>, x: number) => m.get(x) ?? 0;
  const introducerRoom = (x: number) => history.introducerLoad(g.ids[x]!) + used(introducerUse, x) < caps.perIntroducerCap;
  const candidateRoom = (x: number) => history.openOf(g.ids[x]!) + used(candidateUse, x) < caps.perCandidateCap;
  for (let round = 0; round < opts.k; round++) {
    const active = entries.filter((e) => e.scan && e.next < e.options.length).sort((a, b) => a.options.length - a.next - (b.options.length - b.next));
    for (const e of active) {
      const scan = e.scan!;
      while (e.next < e.options.length) {
        const s = e.options[e.next++]!;
        if (!candidateRoom(s.v)) continue;
        const z1 = scan.intro1[s.c]!;
        const z2 = scan.intro2[s.c]!;
        let second = false;
        if (!introducerRoom(z1)) {
          if (z2 >= 0 && introducerRoom(z2)) second = true;
          else continue;
        }
        const z = second ? z2 : z1;
        introducerUse.set(z, used(introducerUse, z) + 1);
        candidateUse.set(s.v, used(candidateUse, s.v) + 1);
        e.chosen.push({ s, second });
        break;
      }
    }
  }

  const members = entries.map((e) => {
    if (!e.scan) return e.member;
    const suggestions = e.chosen.map(({ s, second }, i) => describe(index, e.scan!, s, i + 1, opts, history, second));
    return { ...e.member, suggestions, reason: suggestions.length === 0 ? ('no-candidates' as const) : null };
  });
  const load = new Map<string, number>();
  for (const m of members) for (const s of m.suggestions) load.set(s.introducers[0]!.id, (load.get(s.introducers[0]!.id) ?? 0) + 1);
  const introducerLoad = [...load]
    .map(([id, asks]) => ({ id, name: graph.person(id)?.name ?? id, asks: asks + history.introducerLoad(id) }))
    .sort((a, b) => b.asks - a.asks || (a.id < b.id ? -1 : 1));
  return { now: opts.now.toISOString(), profile: profile.name, members, introducerLoad };
}
