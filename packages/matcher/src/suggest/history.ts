/**
 * The introduction history in lookup form: who must never be introduced (blocked or declined pairs), how many open
 * introductions each person and each introducer carries, and how often a suggestion was shown without action.
 *
 * Impression discounting after LinkedIn's People You May Know (Lee, Chen, Hsu, Long, Chang & Agarwal 2014,
 * "Modeling impression discounting in large-scale recommender systems", KDD): a suggestion shown n times without
 * action keeps decay^n of its appeal, so the penalty is 1 − decay^n; with a last-shown date, impressions fade with a
 * half-life, so a suggestion ignored long ago can come back.
 */
import { dateToMs } from '@bridgework/graph-core';
import type { IntroductionHistory } from './options.js';

const DAY_MS = 86_400_000;
const pairKey = (a: string, b: string) => (a < b ? `${a}\u001f${b}` : `${b}\u001f${a}`);

export interface PreparedHistory {
  /** Which parts hold anything (lets the hot loop skip the lookups). */
  readonly has: { readonly excluded: boolean; readonly open: boolean; readonly introducers: boolean; readonly impressions: boolean };
  /** Whether a and b must never be introduced (blocked or declined, either order). */
  excluded(a: string, b: string): boolean;
  /** Open introductions a person is part of (as the one asking or the one asked to meet). */
  openOf(id: string): number;
  /** Open introductions an introducer has been asked to make (every introducer of an ask counts it). */
  introducerLoad(id: string): number;
  /** Whether person and candidate already have an open ask. */
  openBetween(a: string, b: string): boolean;
  /** Impression penalty in [0, 1] of showing `candidate` to `person` again. */
  impressionPenalty(person: string, candidate: string): number;
  /** Raw unanswered impressions of the pair. */
  impressions(person: string, candidate: string): number;
}

export function prepareHistory(h: IntroductionHistory, now: Date, decay: number, halfLifeDays: number): PreparedHistory {
  const excluded = new Set<string>();
  for (const p of [...h.blocked, ...h.declined]) excluded.add(pairKey(p.a, p.b));
  const open = new Map<string, number>();
  const load = new Map<string, number>();
  const openPairs = new Set<string>();
  for (const ask of h.openAsks) {
    open.set(ask.personId, (open.get(ask.personId) ?? 0) + 1);
    open.set(ask.candidateId, (open.get(ask.candidateId) ?? 0) + 1);
    // Every introducer of the ask carries it, each once (the single-introducer field may repeat one of the list).
    for (const id of new Set(ask.introducerId ? [ask.introducerId, ...ask.introducerIds] : ask.introducerIds)) load.set(id, (load.get(id) ?? 0) + 1);
    openPairs.add(pairKey(ask.personId, ask.candidateId));
  }
  const shown = new Map<string, { raw: number; effective: number }>();
  for (const imp of h.impressions) {
    const key = `${imp.personId}\u001f${imp.candidateId}`;
    const age = imp.lastShown ? Math.max(0, (now.getTime() - dateToMs(imp.lastShown)) / DAY_MS) : 0;
    const effective = imp.count * Math.pow(2, -age / halfLifeDays);
    const old = shown.get(key) ?? { raw: 0, effective: 0 };
    shown.set(key, { raw: old.raw + imp.count, effective: old.effective + effective });
  }
  return {
    has: { excluded: excluded.size > 0, open: open.size > 0, introducers: load.size > 0, impressions: shown.size > 0 },
    excluded: (a, b) => excluded.has(pairKey(a, b)),
    openOf: (id) => open.get(id) ?? 0,
    introducerLoad: (id) => load.get(id) ?? 0,
    openBetween: (a, b) => openPairs.has(pairKey(a, b)),
    impressionPenalty: (p, c) => {
      const e = shown.get(`${p}\u001f${c}`)?.effective ?? 0;
      return e === 0 ? 0 : 1 - Math.pow(decay, e);
    },
    impressions: (p, c) => shown.get(`${p}\u001f${c}`)?.raw ?? 0,
  };
}
