/**
 * The features of a candidate pair (u, v) for the link model, from a `LinkHistory`. Structural: the classic indices
 * (common neighbours, Adamic–Adar, resource allocation, Jaccard; Liben-Nowell & Kleinberg 2007) and degrees
 * (preferential attachment; Barabási et al. 2002). Temporal, after LinkedIn's People You May Know and Backstrom &
 * Leskovec's supervised random walks (WSDM 2011), which weigh recent and frequent interaction: common neighbours over
 * recency-decayed ties, the weakest link of the strongest two-step path (contact counts), co-events, v's recent
 * activity and recent new ties, how recently v was seen. And whether u and v share a Louvain community, and the
 * probability that a short random walk with restart from u over the recency-decayed ties is at v (`localRandomWalk`).
 *
 * Heavy-tailed counts enter as log(1 + x). One pass over u's two-step neighbourhood scores any set of candidates:
 * O(Σ_{z ∈ Γ(u)} deg z + deg_co(u) + |candidates| · F).
 */
import type { LinkHistory } from './history.js';

/** The features, in the order of a feature row. */
export const PAIR_FEATURES = [
  'commonNeighbours',
  'adamicAdar',
  'resourceAllocation',
  'jaccard',
  'degreeU',
  'degreeV',
  'decayedCommonNeighbours',
  'weakestLink',
  'coEvents',
  'activityV',
  'newTiesV',
  'lastSeenV',
  'sameCommunity',
  'chains',
  'coRecipients',
  'coSenders',
  'recentContactsOfV',
  'recentlyFormed',
  'sequence',
  'sentShareV',
  'complementary',
  'commonNeighboursCount',
  'threeStepWalks',
  'localRandomWalk',
] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];
export const FEATURE_COUNT = PAIR_FEATURES.length;

/** Restart probability of the local random walk (`localRandomWalk`). */
export const WALK_RESTART = 0.3;
/** Steps of the local random walk. */
export const WALK_STEPS = 4;

/** Reusable accumulators for `pairFeatures` (about 130 bytes a node). */
export interface FeatureScratch {
  readonly n: number;
  readonly cn: Float64Array;
  readonly aa: Float64Array;
  readonly ra: Float64Array;
  readonly dcn: Float64Array;
  readonly weak: Float64Array;
  readonly co: Float64Array;
  readonly seq: Float64Array;
  readonly chain: Float64Array;
  readonly corec: Float64Array;
  readonly cosend: Float64Array;
  readonly rv: Float64Array;
  readonly rf: Float64Array;
  readonly touched: Uint32Array;
  readonly walks2: Float64Array;
  readonly walks3: Float64Array;
  readonly walkA: Float64Array;
  readonly walkB: Float64Array;
}

/** Scratch for histories of up to `n` nodes. */
export function createFeatureScratch(n: number): FeatureScratch {
  return {
    n,
    cn: new Float64Array(n),
    aa: new Float64Array(n),
    ra: new Float64Array(n),
    dcn: new Float64Array(n),
    weak: new Float64Array(n),
    co: new Float64Array(n),
    seq: new Float64Array(n),
    chain: new Float64Array(n),
    corec: new Float64Array(n),
    cosend: new Float64Array(n),
    rv: new Float64Array(n),
    rf: new Float64Array(n),
    touched: new Uint32Array(n),
    walks2: new Float64Array(n),
    walks3: new Float64Array(n),
    walkA: new Float64Array(n),
    walkB: new Float64Array(n),
  };
}

/**
 * Write the feature rows of (u, v) for each v of `candidates` into `out` (row-major, FEATURE_COUNT columns from
 * `offset`). Candidates adjacent to u get their features all the same (the model is meant for non-adjacent pairs).
 */
export function pairFeatures(
  h: LinkHistory,
  u: number,
  candidates: ArrayLike<number>,
  out: Float64Array,
  scratch: FeatureScratch,
  offset = 0,
): void {
  const { graph, contacts, decayed } = h;
  const { offsets, neighbours } = graph;
  const { cn, aa, ra, dcn, weak, co, seq, chain, corec, cosend, rv, rf, touched } = scratch;
  const { outContacts, formed } = h;
  let t = 0;
  for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
    const z = neighbours[p]!;
    const zs = offsets[z]!;
    const ze = offsets[z + 1]!;
    const dz = ze - zs;
    if (dz < 2) continue;
    const iaa = 1 / Math.log(dz);
    const ira = 1 / dz;
    const cuz = contacts[p]!;
    const duz = decayed[p]!;
    const uToZ = outContacts[p]! > 0;
    const zToU = outContacts[p]! < cuz;
    const fuz = formed[p]!;
    for (let q = zs; q < ze; q++) {
      const v = neighbours[q]!;
      if (v === u) continue;
      if (cn[v] === 0) touched[t++] = v;
      cn[v]!++;
      aa[v]! += iaa;
      ra[v]! += ira;
      dcn[v]! += Math.sqrt(duz * decayed[q]!);
      const link = Math.min(cuz, contacts[q]!);
      if (link > weak[v]!) weak[v] = link;
      // Slot q is in z's row: outContacts[q] counts z → v.
      const zToV = outContacts[q]! > 0;
      const vToZ = outContacts[q]! < contacts[q]!;
      if ((uToZ && zToV) || (vToZ && zToU)) chain[v]!++;
      if (zToU && zToV) corec[v]!++;
      if (uToZ && vToZ) cosend[v]!++;
      rv[v]! += decayed[q]!;
      rf[v]! += Math.sqrt(fuz * formed[q]!);
    }
  }
  const co0 = h.coEvents;
  for (let p = co0.offsets[u]!, end = co0.offsets[u + 1]!; p < end; p++) co[co0.neighbours[p]!] = co0.weights[p]!;
  const sq = h.sequence;
  for (let p = sq.offsets[u]!, end = sq.offsets[u + 1]!; p < end; p++) seq[sq.neighbours[p]!] = sq.weights[p]!;
  const sentU = h.activity[u]! > 0 ? h.sent[u]! / h.activity[u]! : 0.5;

  // Walks of length 3 (the local path index; Lü, Jin & Zhou, Phys. Rev. E 80, 046122, 2009): A³[u, v] =
  // Σ_y A²[u, y] · A[y, v], over the nodes y two steps from u (u's neighbours and u itself included).
  const { walks2, walks3 } = scratch;
  const twoList: number[] = [];
  for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
    const z = neighbours[p]!;
    for (let q = offsets[z]!, e2 = offsets[z + 1]!; q < e2; q++) {
      const y = neighbours[q]!;
      if (walks2[y] === 0) twoList.push(y);
      walks2[y]!++;
    }
  }
  for (const y of twoList) {
    const c2 = walks2[y]!;
    for (let q = offsets[y]!, e2 = offsets[y + 1]!; q < e2; q++) walks3[neighbours[q]!]! += c2;
  }
  const walk = localWalk(h, u, scratch);
  const du = graph.degree(u);
  const cu = h.communities[u]!;
  let o = offset;
  for (let i = 0; i < candidates.length; i++) {
    const v = candidates[i]!;
    const dv = graph.degree(v);
    const c = cn[v]!;
    out[o++] = Math.log1p(c);
    out[o++] = aa[v]!;
    out[o++] = ra[v]!;
    out[o++] = c > 0 ? c / (du + dv - c) : 0;
    out[o++] = Math.log1p(du);
    out[o++] = Math.log1p(dv);
    out[o++] = Math.log1p(dcn[v]!);
    out[o++] = Math.log1p(weak[v]!);
    out[o++] = Math.log1p(co[v]!);
    out[o++] = Math.log1p(h.activity[v]!);
    out[o++] = Math.log1p(h.newTies[v]!);
    out[o++] = h.lastSeen[v]!;
    out[o++] = h.communities[v] === cu ? 1 : 0;
    out[o++] = Math.log1p(chain[v]!);
    out[o++] = Math.log1p(corec[v]!);
    out[o++] = Math.log1p(cosend[v]!);
    out[o++] = Math.log1p(rv[v]!);
    out[o++] = rf[v]!;
    out[o++] = Math.log1p(seq[v]!);
    const sentV = h.activity[v]! > 0 ? h.sent[v]! / h.activity[v]! : 0.5;
    out[o++] = sentV;
    out[o++] = sentU * (1 - sentV) + (1 - sentU) * sentV;
    out[o++] = c;
    out[o++] = Math.log1p(walks3[v]!);
    out[o++] = Math.log(1e-6 + walk.at(v) * graph.n);
  }
  walk.clear();

  for (let i = 0; i < t; i++) {
    const v = touched[i]!;
    cn[v] = 0;
    aa[v] = 0;
    ra[v] = 0;
    dcn[v] = 0;
    weak[v] = 0;
    chain[v] = 0;
    corec[v] = 0;
    cosend[v] = 0;
    rv[v] = 0;
    rf[v] = 0;
  }
  for (let p = co0.offsets[u]!, end = co0.offsets[u + 1]!; p < end; p++) co[co0.neighbours[p]!] = 0;
  for (let p = sq.offsets[u]!, end = sq.offsets[u + 1]!; p < end; p++) seq[sq.neighbours[p]!] = 0;
  for (const y of twoList) {
    walks2[y] = 0;
    for (let q = offsets[y]!, e2 = offsets[y + 1]!; q < e2; q++) walks3[neighbours[q]!] = 0;
  }
}

/**
 * A random walk with restart from u over the recency-decayed ties — personalised PageRank (Haveliwala, WWW 2002)
 * truncated at `WALK_STEPS` steps, the local random walk index of link prediction (Liu & Lü, "Link prediction based on
 * local random walk", EPL 89:58007, 2010) on the weighted graph, as in Backstrom & Leskovec's supervised random walks
 * (WSDM 2011). Each step moves to a neighbour in proportion to the decayed contacts, or back to u with probability
 * `WALK_RESTART`. The first steps are pushed forward over the nodes reached; the last is pulled at the candidate
 * asked for, so the cost is that of the three-step walks plus the candidates' degrees. Returns the probability at a
 * node, and a `clear` that resets the scratch.
 */
function localWalk(h: LinkHistory, u: number, scratch: FeatureScratch): { at(v: number): number; clear(): void } {
  const { offsets, neighbours } = h.graph;
  const { decayed, strength } = h;
  const push = (from: Float64Array, fromList: number[], to: Float64Array): number[] => {
    const toList: number[] = [];
    for (const x of fromList) {
      const sx = strength[x]!;
      if (!(sx > 0)) continue;
      const f = ((1 - WALK_RESTART) * from[x]!) / sx;
      for (let p = offsets[x]!, end = offsets[x + 1]!; p < end; p++) {
        const y = neighbours[p]!;
        if (to[y] === 0) toList.push(y);
        to[y]! += f * decayed[p]!;
      }
    }
    if (to[u] === 0) toList.push(u);
    to[u]! += WALK_RESTART;
    return toList;
  };
  const clear = (a: Float64Array, list: number[]) => {
    for (const x of list) a[x] = 0;
  };
  // Steps 1 … WALK_STEPS − 1 forward, alternating between the two scratch vectors.
  let current = scratch.walkA;
  let spare = scratch.walkB;
  current[u] = 1;
  let list = [u];
  for (let step = 1; step < WALK_STEPS; step++) {
    const next = push(current, list, spare);
    clear(current, list);
    list = next;
    [current, spare] = [spare, current];
  }
  const last = current;
  const lastList = list;
  return {
    // The last step, pulled at v: the mass arriving from v's neighbours (the decayed weights are symmetric).
    at(v: number): number {
      let s = v === u ? WALK_RESTART : 0;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const y = neighbours[p]!;
        const py = last[y]!;
        if (py > 0) s += ((1 - WALK_RESTART) * py * decayed[p]!) / strength[y]!;
      }
      return s;
    },
    clear: () => clear(last, lastList),
  };
}
