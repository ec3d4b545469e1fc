/**
 * The candidate scan: every person two steps from u through an introducer who can vouch for both sides, plus (for
 * people with few ties) three-step warm chains, with the structural statistics the features need, in one pass over
 * u's contacts' rows of the CSR projection — O(Σ_{z ∈ N(u)} deg z), as the two-hop Adamic–Adar scan in graph-core.
 *
 * For each candidate v it accumulates:
 * - cn(v) = |N(u) ∩ N(v)|, the shared contacts (embeddedness);
 * - ra(v) = Σ_{z ∈ N(u) ∩ N(v)} 1 / deg z, resource allocation (Zhou, Lü & Zhang 2009, Eur. Phys. J. B 71:623);
 * - s1(v) = Σ_{z ∈ N(u) ∩ N(v)} a_z, for the change in Burt's constraint (below);
 * - the two best introducers z by path strength min(w(u, z), w(z, v)) (the weakest link), counting only paths where
 *   both links reach the vouching threshold.
 *
 * Burt's constraint if the tie u–v were added, exactly (unweighted, NetworkX's definition, as graph-core's
 * `constraint`): with k = deg u, d_q = deg q and a_j = 1 + Σ_{q ∈ N(u) ∩ N(j)} 1/d_q for each contact j,
 *   C(u) = Σ_j a_j² / k².
 * Adding v makes k + 1 contacts; v's own term is a_v = 1 + ra(v); each shared contact j gains the path through v,
 * a_j + 1/(d_v + 1). So
 *   C'(u) = (Σ_j a_j² + 2·s1(v)/(d_v + 1) + cn(v)/(d_v + 1)² + (1 + ra(v))²) / (k + 1)².
 * Effective size (Borgatti's 1997 form of Burt's, unweighted): e = k − 2t/k for the t ties among u's contacts;
 * with v, e' = (k + 1) − 2(t + cn(v))/(k + 1). Burt 1992, Structural Holes, ch. 2.
 */
import type { SuggestIndex } from './suggest-index.js';

/** The scan's result: aligned arrays, one entry per candidate, and u's own Burt measures. */
export interface ScanResult {
  u: number;
  count: number;
  v: Int32Array;
  /** 2 for a two-step introduction, 3 for a warm chain. */
  hops: Uint8Array;
  cn: Float64Array;
  ra: Float64Array;
  s1: Float64Array;
  /** Best introducer (the first contact on the path), its path strength and the CSR slots of u→z and z→v. */
  intro1: Int32Array;
  path1: Float64Array;
  slotA1: Int32Array;
  slotB1: Int32Array;
  /** Second introducer (−1 when none), and its path strength. */
  intro2: Int32Array;
  path2: Float64Array;
  slotA2: Int32Array;
  slotB2: Int32Array;
  /** For chains: the middle person and the CSR slot of y→v (slotB is z→y). */
  middle: Int32Array;
  slotC1: Int32Array;
  /** u's degree, constraint C(u), Σ a_j², and ties among contacts t. */
  k: number;
  constraint: number;
  sumA2: number;
  t: number;
  /** Communities of u and of u's contacts. */
  reachedCommunities: Set<number>;
}

export interface ScanOptions {
  minVouchStrength: number;
  fewTies: number;
  chainDiscount: number;
}

/**
 * Scan the candidates of node u (an index of `index.g`). With `reuse`, the result lives in the index's scratch and
 * is overwritten by the next reusing scan (single queries); without, it is the caller's (batches).
 */
export function scanCandidates(index: SuggestIndex, u: number, opts: ScanOptions, reuse = false): ScanResult {
  const { g, scratch, community } = index;
  const { offsets, neighbours, weights } = g;
  const { nearStamp, candStamp, a, slotOf } = scratch;
  if (scratch.epoch >= 0xfffffffe) {
    nearStamp.fill(0);
    candStamp.fill(0);
    scratch.epoch = 0;
  }
  const epoch = ++scratch.epoch;
  const tau = opts.minVouchStrength;
  const uStart = offsets[u]!;
  const uEnd = offsets[u + 1]!;
  const k = uEnd - uStart;
  nearStamp[u] = epoch;
  const reachedCommunities = new Set<number>([community[u]!]);
  for (let p = uStart; p < uEnd; p++) {
    const z = neighbours[p]!;
    nearStamp[z] = epoch;
    reachedCommunities.add(community[z]!);
  }

  // Pass 1: a_j for each contact j, and the ties among contacts.
  let sumA2 = 0;
  let pairs = 0;
  for (let p = uStart; p < uEnd; p++) {
    const j = neighbours[p]!;
    let aj = 1;
    for (let q = offsets[j]!, end = offsets[j + 1]!; q < end; q++) {
      const x = neighbours[q]!;
      if (x !== u && nearStamp[x] === epoch) {
        aj += 1 / (offsets[x + 1]! - offsets[x]!);
        pairs++;
      }
    }
    a[j] = aj;
    sumA2 += aj * aj;
  }

  // Pass 2: candidates two steps away.
  let r = reuse && scratch.result ? scratch.result : allocate(64);
  let cap = r.v.length;
  let count = 0;
  /** A new candidate slot for v, reached in `hops` steps. */
  const newSlot = (v: number, hops: number): number => {
    candStamp[v] = epoch;
    if (count === cap) {
      const bigger = allocate(cap * 2);
      copyInto(bigger, r, count);
      cap *= 2;
      r = bigger;
    }
    const c = count++;
    slotOf[v] = c;
    init(r, c, v, hops);
    return c;
  };
  for (let p = uStart; p < uEnd; p++) {
    const z = neighbours[p]!;
    const wz = weights[p]!;
    const zStart = offsets[z]!;
    const zEnd = offsets[z + 1]!;
    const inv = 1 / (zEnd - zStart);
    const az = a[z]!;
    for (let q = zStart; q < zEnd; q++) {
      const v = neighbours[q]!;
      if (nearStamp[v] === epoch) continue;
      const c = candStamp[v] !== epoch ? newSlot(v, 2) : slotOf[v]!;
      r.cn[c]! += 1;
      r.ra[c]! += inv;
      r.s1[c]! += az;
      const wv = weights[q]!;
      const path = wz < wv ? wz : wv;
      if (path >= tau) offer(r, c, z, path, p, q, -1, -1);
    }
  }

  // Three-step warm chains for people with few ties: u → z → y → v, every link at least the threshold.
  if (k < opts.fewTies) {
    for (let p = uStart; p < uEnd; p++) {
      const z = neighbours[p]!;
      const wz = weights[p]!;
      if (wz < tau) continue;
      for (let q = offsets[z]!, qEnd = offsets[z + 1]!; q < qEnd; q++) {
        const y = neighbours[q]!;
        const wy = weights[q]!;
        if (wy < tau || nearStamp[y] === epoch) continue;
        const zy = wz < wy ? wz : wy;
        for (let s = offsets[y]!, sEnd = offsets[y + 1]!; s < sEnd; s++) {
          const v = neighbours[s]!;
          const wv = weights[s]!;
          if (wv < tau || nearStamp[v] === epoch) continue;
          const fresh = candStamp[v] !== epoch;
          const c = fresh ? newSlot(v, 3) : slotOf[v]!;
          if (!fresh) {
            if (r.hops[c] === 2 && r.intro1[c]! >= 0) continue; // a vouched two-step path beats any chain
            r.hops[c] = 3;
          }
          const path = (zy < wv ? zy : wv) * opts.chainDiscount;
          offer(r, c, z, path, p, q, y, s);
        }
      }
    }
  }

  r.u = u;
  r.count = count;
  r.k = k;
  r.sumA2 = sumA2;
  r.constraint = k === 0 ? NaN : sumA2 / (k * k);
  r.t = pairs / 2;
  r.reachedCommunities = reachedCommunities;
  if (reuse) scratch.result = r;
  return r;
}

/**
 * A small copy of `scan` holding only the candidates at positions `keep` (renumbered 0 … keep.length − 1), for
 * batches that keep many people's results while the big scan arrays are reused.
 */
export function compactScan(scan: ScanResult, keep: readonly number[]): ScanResult {
  const r = allocate(Math.max(1, keep.length));
  keep.forEach((c, i) => {
    for (const key of ARRAY_KEYS) (r[key] as Float64Array)[i] = (scan[key] as Float64Array)[c]!;
  });
  r.u = scan.u;
  r.count = keep.length;
  r.k = scan.k;
  r.constraint = scan.constraint;
  r.sumA2 = scan.sumA2;
  r.t = scan.t;
  r.reachedCommunities = scan.reachedCommunities;
  return r;
}

function allocate(cap: number): ScanResult {
  return {
    u: -1,
    count: 0,
    v: new Int32Array(cap),
    hops: new Uint8Array(cap),
    cn: new Float64Array(cap),
    ra: new Float64Array(cap),
    s1: new Float64Array(cap),
    intro1: new Int32Array(cap),
    path1: new Float64Array(cap),
    slotA1: new Int32Array(cap),
    slotB1: new Int32Array(cap),
    intro2: new Int32Array(cap),
    path2: new Float64Array(cap),
    slotA2: new Int32Array(cap),
    slotB2: new Int32Array(cap),
    middle: new Int32Array(cap),
    slotC1: new Int32Array(cap),
    k: 0,
    constraint: NaN,
    sumA2: 0,
    t: 0,
    reachedCommunities: new Set(),
  };
}

const ARRAY_KEYS = ['v', 'hops', 'cn', 'ra', 's1', 'intro1', 'path1', 'slotA1', 'slotB1', 'intro2', 'path2', 'slotA2', 'slotB2', 'middle', 'slotC1'] as const;

function copyInto(to: ScanResult, from: ScanResult, count: number): void {
  for (const key of ARRAY_KEYS) (to[key] as Float64Array).set((from[key] as Float64Array).subarray(0, count));
}

function init(r: ScanResult, c: number, v: number, hops: number): void {
  r.v[c] = v;
  r.hops[c] = hops;
  r.cn[c] = 0;
  r.ra[c] = 0;
  r.s1[c] = 0;
  r.intro1[c] = -1;
  r.path1[c] = 0;
  r.intro2[c] = -1;
  r.path2[c] = 0;
  r.middle[c] = -1;
}

/** Keep the two best distinct introducers of candidate c. */
function offer(r: ScanResult, c: number, z: number, path: number, slotA: number, slotB: number, middle: number, slotC: number): void {
  if (r.intro1[c] === z) {
    if (path > r.path1[c]!) set1(r, c, z, path, slotA, slotB, middle, slotC);
    return;
  }
  if (r.intro1[c]! < 0 || path > r.path1[c]!) {
    if (r.intro1[c]! >= 0 && r.middle[c]! < 0 && middle < 0) {
      r.intro2[c] = r.intro1[c]!;
      r.path2[c] = r.path1[c]!;
      r.slotA2[c] = r.slotA1[c]!;
      r.slotB2[c] = r.slotB1[c]!;
    }
    set1(r, c, z, path, slotA, slotB, middle, slotC);
    return;
  }
  if (middle < 0 && r.middle[c]! < 0 && r.intro2[c] !== z && path > r.path2[c]!) {
    r.intro2[c] = z;
    r.path2[c] = path;
    r.slotA2[c] = slotA;
    r.slotB2[c] = slotB;
  }
}

function set1(r: ScanResult, c: number, z: number, path: number, slotA: number, slotB: number, middle: number, slotC: number): void {
  r.intro1[c] = z;
  r.path1[c] = path;
  r.slotA1[c] = slotA;
  r.slotB1[c] = slotB;
  r.middle[c] = middle;
  r.slotC1[c] = slotC;
}
