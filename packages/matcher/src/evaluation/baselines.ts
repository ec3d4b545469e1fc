/**
 * The classic link-prediction indices the matcher is measured against, each a score for every candidate v of a query
 * node u over the train graph (Liben-Nowell & Kleinberg, "The link-prediction problem for social networks", JASIST
 * 58:1019–1031, 2007; Lü & Zhou, "Link prediction in complex networks: a survey", Physica A 390:1150–1170, 2011):
 *
 * - common neighbours: |Γ(u) ∩ Γ(v)| (Newman, Phys. Rev. E 64, 025102, 2001);
 * - Jaccard: |Γ(u) ∩ Γ(v)| / |Γ(u) ∪ Γ(v)|;
 * - Adamic–Adar: Σ_{z ∈ Γ(u) ∩ Γ(v)} 1 / ln |Γ(z)| (Adamic & Adar, Social Networks 25:211–230, 2003);
 * - resource allocation: Σ_{z ∈ Γ(u) ∩ Γ(v)} 1 / |Γ(z)| (Zhou, Lü & Zhang, Eur. Phys. J. B 71:623–630, 2009);
 * - preferential attachment: |Γ(u)| · |Γ(v)| (Barabási et al., Physica A 311:590–614, 2002);
 * - random: a uniform random score from a seeded generator.
 *
 * A scorer fills `out[v]` for every node v of the graph; the ranking leaves out u and its neighbours. The shared-
 * neighbour indices are one pass over u's neighbours' rows, O(Σ_{z ∈ Γ(u)} deg z) a query.
 */
import type { CompactGraph, Rng } from '@bridgework/graph-core';

/** Fills `out[v]` with the score of the pair (u, v) for every node v (entries for u and its neighbours are ignored). */
export type CandidateScorer = (u: number, out: Float64Array) => void;

/** The names of the baselines, in the order of the output. */
export const BASELINE_NAMES = [
  'random',
  'preferential-attachment',
  'common-neighbours',
  'jaccard',
  'adamic-adar',
  'resource-allocation',
] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

/** Σ over shared neighbours z of `weightOf(deg z)`, written into `out` (zeroed first). */
function twoHop(g: CompactGraph, u: number, out: Float64Array, weightOf: (degree: number) => number): void {
  out.fill(0);
  const { offsets, neighbours } = g;
  for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
    const z = neighbours[p]!;
    const zs = offsets[z]!;
    const ze = offsets[z + 1]!;
    const w = weightOf(ze - zs);
    for (let q = zs; q < ze; q++) out[neighbours[q]!]! += w;
  }
}

/** Common neighbours. */
export function commonNeighboursScorer(g: CompactGraph): CandidateScorer {
  return (u, out) => twoHop(g, u, out, () => 1);
}

/** Jaccard's coefficient of the two neighbourhoods (0 when both are empty). */
export function jaccardScorer(g: CompactGraph): CandidateScorer {
  return (u, out) => {
    twoHop(g, u, out, () => 1);
    const du = g.degree(u);
    for (let v = 0; v < g.n; v++) {
      const cn = out[v]!;
      if (cn > 0) out[v] = cn / (du + g.degree(v) - cn);
    }
  };
}

/** Adamic–Adar. A shared neighbour has degree ≥ 2, so ln is positive. */
export function adamicAdarScorer(g: CompactGraph): CandidateScorer {
  return (u, out) => twoHop(g, u, out, (d) => 1 / Math.log(d));
}

/** Resource allocation. */
export function resourceAllocationScorer(g: CompactGraph): CandidateScorer {
  return (u, out) => twoHop(g, u, out, (d) => 1 / d);
}

/** Preferential attachment: the product of the degrees. */
export function preferentialAttachmentScorer(g: CompactGraph): CandidateScorer {
  return (u, out) => {
    const du = g.degree(u);
    for (let v = 0; v < g.n; v++) out[v] = du * g.degree(v);
  };
}

/** A uniform random score per candidate, drawn from `rng` (seed it for a repeatable run). */
export function randomScorer(g: CompactGraph, rng: Rng): CandidateScorer {
  return (_u, out) => {
    for (let v = 0; v < g.n; v++) out[v] = rng();
  };
}

/** The scorer of a baseline by name. */
export function baselineScorer(name: BaselineName, g: CompactGraph, rng: Rng): CandidateScorer {
  switch (name) {
    case 'random':
      return randomScorer(g, rng);
    case 'preferential-attachment':
      return preferentialAttachmentScorer(g);
    case 'common-neighbours':
      return commonNeighboursScorer(g);
    case 'jaccard':
      return jaccardScorer(g);
    case 'adamic-adar':
      return adamicAdarScorer(g);
    case 'resource-allocation':
      return resourceAllocationScorer(g);
  }
}
