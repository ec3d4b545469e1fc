/**
 * The reach floor: a person's top k never reaches into fewer new parts of the network than the plain friend-of-friend
 * list would. A slot-quota re-ranking in the spirit of fairness-constrained top-k ranking (Zehlike et al., "FA*IR: a
 * fair top-k ranking algorithm", CIKM 2017, guarantee a minimum number of protected items in every prefix; Celis,
 * Straszak & Vishnoi, "Ranking with fairness constraints", ICALP 2018), with "protected" meaning a candidate in a
 * community that neither the person nor any of their contacts is in — the `novelCommunityShare` of the evaluation,
 * Burt's structural holes.
 *
 * The quota of person u is the number of such candidates in a reference list's top k (the evaluation uses resource
 * allocation's, the classic friend-of-friend index). When the matcher's top k holds fewer, its lowest-placed other
 * candidates make way — the slots where a swap costs the least likelihood — for its own best-ranked novel candidates
 * (those it scores above 0), then the reference list's novel candidates in their order. The displaced candidates
 * follow the top k in their order, so the rest of the list is kept.
 */
import { BridgeworkError } from '@bridgework/graph-core';

/**
 * Apply the reach floor to `list` (best first). `scores[v]` > 0 marks the candidates the matcher really ranks;
 * `reference` is the reference ranking (best first); `isNovel(v)` tells whether v is in a community u does not reach.
 * Returns a new list of the same candidates (plus any reference candidates brought in), best first.
 */
export function reachFloor(
  list: ArrayLike<number>,
  scores: ArrayLike<number>,
  reference: ArrayLike<number>,
  isNovel: (v: number) => boolean,
  k: number,
): Uint32Array {
  if (!(Number.isInteger(k) && k >= 1)) throw new BridgeworkError('validation', `matcher/evaluation: reach floor: k must be a whole number ≥ 1, not ${String(k)}`);
  const top = Array.from({ length: Math.min(k, list.length) }, (_, i) => list[i]!);
  let quota = 0;
  for (let i = 0; i < Math.min(k, reference.length); i++) if (isNovel(reference[i]!)) quota++;
  let have = top.filter(isNovel).length;
  if (have >= quota) return Uint32Array.from(list as ArrayLike<number>);
  const inTop = new Set(top);
  const pool: number[] = [];
  for (let i = top.length; i < list.length; i++) {
    const v = list[i]!;
    if (scores[v]! > 0 && isNovel(v)) pool.push(v);
  }
  const pooled = new Set(pool);
  for (let i = 0; i < reference.length; i++) {
    const v = reference[i]!;
    if (isNovel(v) && !inTop.has(v) && !pooled.has(v)) pool.push(v);
  }
  const displaced: number[] = [];
  let slot = top.length - 1;
  for (const v of pool) {
    if (have >= quota) break;
    while (slot >= 0 && isNovel(top[slot]!)) slot--;
    if (slot < 0) break;
    displaced.unshift(top[slot]!); // filled from the bottom up: keep the displaced in their original order
    top[slot] = v;
    slot--;
    have++;
  }
  // The displaced candidates come next, in their order (they were above everything after the top k), then the rest.
  const placed = new Set([...top, ...displaced]);
  const rest: number[] = [];
  for (let i = 0; i < list.length; i++) if (!placed.has(list[i]!)) rest.push(list[i]!);
  return Uint32Array.from([...top, ...displaced, ...rest]);
}
