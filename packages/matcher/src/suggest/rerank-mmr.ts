/**
 * Diversity re-ranking by maximal marginal relevance (Carbonell & Goldstein 1998, "The use of MMR, diversity-based
 * reranking for reordering documents and producing summaries", SIGIR): pick, one at a time, the item that maximises
 *   (1 − λ) · relevance(item) − λ · max_{s ∈ selected} similarity(item, s)
 * where relevance is the score rescaled to [0, 1] over the pool, and λ is the profile's `diversity` (0 keeps the
 * score order; 1 spreads as much as possible). Carbonell & Goldstein write λ for the relevance side; we keep the
 * profile's meaning (λ = how much diversity).
 *
 * Similarity of two suggestions: 1 when the candidates work at the same organisation, 0.8 when they come through
 * the same introducer, 0.3 when they are in the same community — the maximum of those that hold.
 */

export interface MmrItem {
  score: number;
  /** Workplace (organisation index), or −1. */
  employer: number;
  introducer: number;
  community: number;
  /** Another member looking for work (peer support); at most `maxPeers` of them are picked while others remain. */
  peer?: boolean;
}

export const MMR_SIMILARITY = Object.freeze({ sameEmployer: 1, sameIntroducer: 0.8, sameCommunity: 0.3 });

export function similarity(a: MmrItem, b: MmrItem): number {
  let s = 0;
  if (a.employer >= 0 && a.employer === b.employer) s = MMR_SIMILARITY.sameEmployer;
  if (a.introducer >= 0 && a.introducer === b.introducer && MMR_SIMILARITY.sameIntroducer > s) s = MMR_SIMILARITY.sameIntroducer;
  if (a.community === b.community && MMR_SIMILARITY.sameCommunity > s) s = MMR_SIMILARITY.sameCommunity;
  return s;
}

/** Caps on the top k, kept while other items remain (then the best of the rest fill the list). */
export interface MmrCaps {
  /** Items marked `peer` (default: no cap). */
  maxPeers?: number;
  /** Items at one organisation (`employer` ≥ 0; default: no cap). */
  maxPerEmployer?: number;
  /** Items through one introducer (`introducer` ≥ 0; default: no cap). */
  maxPerIntroducer?: number;
}

/**
 * Indices into `items` (sorted or not) of the k items MMR picks, in the order picked. Ties go to the earlier item.
 * The caps hold as long as some item within them remains; then the firm and introducer caps give way, and the peer
 * cap last, so the list is never shorter than min(k, items).
 * O(k · |items|).
 */
export function rerankMmr(items: readonly MmrItem[], k: number, diversity: number, caps: MmrCaps = {}): number[] {
  const maxPeers = caps.maxPeers ?? Infinity;
  const maxPerEmployer = caps.maxPerEmployer ?? Infinity;
  const maxPerIntroducer = caps.maxPerIntroducer ?? Infinity;
  const perEmployer = new Map<number, number>();
  const perIntroducer = new Map<number, number>();
  const n = items.length;
  if (n === 0 || k <= 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of items) {
    if (it.score < lo) lo = it.score;
    if (it.score > hi) hi = it.score;
  }
  const span = hi - lo;
  const rel = items.map((it) => (span > 0 ? (it.score - lo) / span : 1));
  const maxSim = new Float64Array(n);
  const taken = new Uint8Array(n);
  const out: number[] = [];
  let peers = 0;
  // Pass 0 keeps every cap; pass 1 only the peer cap; pass 2 none.
  const withinCaps = (it: MmrItem, pass: number): boolean =>
    pass === 2 ||
    (!(it.peer && peers >= maxPeers) &&
      (pass === 1 ||
        (!(it.employer >= 0 && (perEmployer.get(it.employer) ?? 0) >= maxPerEmployer) &&
          !(it.introducer >= 0 && (perIntroducer.get(it.introducer) ?? 0) >= maxPerIntroducer))));
  while (out.length < Math.min(k, n)) {
    let best = -1;
    let bestValue = -Infinity;
    // Within all caps first; then the firm and introducer caps give way; the peer cap last.
    for (let pass = 0; pass < 3 && best < 0; pass++) {
      for (let i = 0; i < n; i++) {
        if (taken[i]) continue;
        if (!withinCaps(items[i]!, pass)) continue;
        const value = (1 - diversity) * rel[i]! - diversity * maxSim[i]!;
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
    }
    taken[best] = 1;
    out.push(best);
    const chosen = items[best]!;
    if (chosen.peer) peers++;
    if (chosen.employer >= 0) perEmployer.set(chosen.employer, (perEmployer.get(chosen.employer) ?? 0) + 1);
    if (chosen.introducer >= 0) perIntroducer.set(chosen.introducer, (perIntroducer.get(chosen.introducer) ?? 0) + 1);
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      const s = similarity(items[i]!, chosen);
      if (s > maxSim[i]!) maxSim[i] = s;
    }
  }
  return out;
}
