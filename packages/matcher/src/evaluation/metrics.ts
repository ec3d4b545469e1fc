/**
 * The ranking metrics of the evaluation, per query node u with test partners P(u) and a ranked list R(u):
 *
 * - `hitsAtK`: 1 when a test partner is in the top k (Liben-Nowell & Kleinberg 2007 report the same idea as
 *   "improvement over random"; LinkedIn's People You May Know as the share of members with an accepted suggestion);
 * - `precisionAtK`: |P(u) ∩ R_k(u)| / k; `recallAtK`: |P(u) ∩ R_k(u)| / |P(u)|;
 * - `mrr`: 1 / the rank of the first test partner within the top 100, else 0 (Voorhees, TREC-8 QA track, 1999);
 * - `bridgingShare`: the share of the top k in another community of the train graph than u;
 * - `novelCommunityShare`: the share of the top k in a community that neither u nor any neighbour of u is in — ties
 *   into parts of the network u does not reach yet (Burt's structural holes; Granovetter's weak ties).
 *
 * Each is averaged over the query nodes. The shares are taken over the list as long as it is (at most k).
 */
import type { CompactGraph } from '@bridgework/graph-core';

/** The figures of one method. */
export interface MethodMetrics {
  hitsAtK: number;
  precisionAtK: number;
  recallAtK: number;
  mrr: number;
  bridgingShare: number;
  novelCommunityShare: number;
}

/** The depth of the list `mrr` looks at. */
export const MRR_DEPTH = 100;

/** Sums the per-query metrics of one method; `result()` averages them. */
export class MetricsAccumulator {
  private sums = { hitsAtK: 0, precisionAtK: 0, recallAtK: 0, mrr: 0, bridgingShare: 0, novelCommunityShare: 0 };
  private queries = 0;
  /** Per query added, in order: 1 when a test partner was in the top k. */
  private readonly hitFlags: number[] = [];
  private readonly seen: Uint32Array;
  private epoch = 0;

  /** For a graph `g` with `communities` (a community per node) and lists cut at `k`. */
  constructor(
    private readonly g: CompactGraph,
    private readonly communities: Int32Array,
    private readonly k: number,
    communityCount: number,
  ) {
    this.seen = new Uint32Array(Math.max(1, communityCount));
  }

  /** Add query u with its sorted test partners and its ranked list (best first, at least `MRR_DEPTH` long when possible). */
  add(u: number, partners: Uint32Array, ranked: Uint32Array): void {
    const { g, communities, k } = this;
    const isPartner = (v: number): boolean => {
      let lo = 0;
      let hi = partners.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const x = partners[mid]!;
        if (x === v) return true;
        if (x < v) lo = mid + 1;
        else hi = mid;
      }
      return false;
    };
    const top = Math.min(k, ranked.length);
    let hits = 0;
    let firstRank = 0;
    const depth = Math.min(MRR_DEPTH, ranked.length);
    for (let r = 0; r < depth; r++) {
      if (isPartner(ranked[r]!)) {
        if (firstRank === 0) firstRank = r + 1;
        if (r < top) hits++;
        else break;
      }
    }
    // Communities u reaches: its own and its neighbours'.
    const epoch = ++this.epoch;
    const cu = communities[u]!;
    this.seen[cu] = epoch;
    for (let p = g.offsets[u]!, end = g.offsets[u + 1]!; p < end; p++) this.seen[communities[g.neighbours[p]!]!] = epoch;
    let other = 0;
    let novel = 0;
    for (let r = 0; r < top; r++) {
      const c = communities[ranked[r]!]!;
      if (c !== cu) other++;
      if (this.seen[c] !== epoch) novel++;
    }
    const s = this.sums;
    s.hitsAtK += hits > 0 ? 1 : 0;
    this.hitFlags.push(hits > 0 ? 1 : 0);
    s.precisionAtK += hits / k;
    s.recallAtK += hits / partners.length;
    s.mrr += firstRank > 0 ? 1 / firstRank : 0;
    if (top > 0) {
      s.bridgingShare += other / top;
      s.novelCommunityShare += novel / top;
    }
    this.queries++;
  }

  /** Per query, in the order added: 1 when a test partner was in the top k, else 0 (for paired comparisons). */
  hits(): Uint8Array {
    return Uint8Array.from(this.hitFlags);
  }

  /** The averages over the queries added (zeros when none). */
  result(): MethodMetrics {
    const q = this.queries || 1;
    const s = this.sums;
    return {
      hitsAtK: s.hitsAtK / q,
      precisionAtK: s.precisionAtK / q,
      recallAtK: s.recallAtK / q,
      mrr: s.mrr / q,
      bridgingShare: s.bridgingShare / q,
      novelCommunityShare: s.novelCommunityShare / q,
    };
  }
}
