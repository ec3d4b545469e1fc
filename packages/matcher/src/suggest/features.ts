/**
 * The matcher's features, each scaled to [0, 1] (docs/matching.md gives the sources):
 *
 * - goal relevance — the candidate's current and past sectors, job title, gatekeeping role and skills against the
 *   person's goals; for two members, a shared goal (peer support);
 * - bridging — the candidate is in another community, or one the person does not reach at all (Louvain, Blondel et
 *   al. 2008); the relative drop in the person's Burt constraint and the gain in effective size if the tie were
 *   added (Burt 1992); sectors nobody the person knows works in (Granovetter 1973: new information comes through
 *   weak ties to other circles);
 * - embeddedness — an inverted U over the number of shared contacts, peaking at moderately weak ties (Rajkumar et
 *   al. 2022, Science 377:1304: moderately weak ties — measured by mutual connections — were the most useful for
 *   job mobility on LinkedIn, and stronger ties mattered more in less digital industries); the peak moves to more
 *   shared contacts when the candidate's sector (or the person's goal) is a less digital one;
 * - path strength — the weakest link of the introduction path (a chain is discounted);
 * - recency — how recently the introducer was in touch with both sides (the older contact counts);
 * - introducer load and impressions — penalties (LinkedIn PYMK impression discounting, Lee et al. 2014, KDD).
 */
import { SIC_SECTION_LETTERS, type SicSection } from '@bridgework/graph-core';
import { popcount, sectorMask, type SuggestIndex } from './suggest-index.js';

/**
 * SIC 2007 sections we treat as *less digital*: hands-on, place-based work where jobs still come mostly through
 * people who know the worker (agriculture, mining, manufacturing, water and waste, construction, retail, transport,
 * hospitality, administrative and support services, health and care, arts and recreation, other services,
 * households). Rajkumar et al. (2022) split industries by their digital intensity (their share of IT/software work);
 * this list is our judgement of the UK sections, not a table of theirs. The rest (D, J, K, L, M, O, P, U) count as
 * more digital.
 */
export const LESS_DIGITAL_SECTIONS: readonly SicSection[] = ['A', 'B', 'C', 'E', 'F', 'G', 'H', 'I', 'N', 'Q', 'R', 'S', 'T'];
const LESS_DIGITAL_MASK = sectorMask(LESS_DIGITAL_SECTIONS);

/** The constants of the features, documented in docs/matching.md. */
export const FEATURE_DEFAULTS = Object.freeze({
  /** Goal relevance: weights of its parts (the sum is capped at 1). */
  goal: { workSector: 0.5, pastSector: 0.25, role: 0.2, gatekeeper: 0.15, skills: 0.15, peerGoal: 0.2, peerRole: 0.1 },
  /** Bridging: weights of its parts (they sum to 1). */
  bridging: { unreachedCommunity: 0.35, otherCommunity: 0.2, constraintDrop: 0.25, effectiveSizeGain: 0.2, newSectors: 0.2 },
  /** New sectors reached: this many new sectors give the full value. */
  newSectorsFull: 2,
  /** Embeddedness: the number of shared contacts at which the inverted U peaks, by the sector's digital intensity. */
  embeddednessPeak: { digital: 2, lessDigital: 4 },
});

export interface PairFacts {
  /** Goal relevance in [0, 1] and what made it. */
  goal: number;
  workSectorMatch: number;
  pastSectorMatch: number;
  peerGoalMatch: number;
  roleMatch: number;
  gatekeeperMatch: boolean;
  sharedSkills: number;
}

/** Goal relevance of candidate v for person u, with its parts (for the sentences). */
export function goalRelevance(index: SuggestIndex, u: number, v: number): PairFacts {
  const out: PairFacts = { goal: 0, workSectorMatch: 0, pastSectorMatch: 0, peerGoalMatch: 0, roleMatch: 0, gatekeeperMatch: false, sharedSkills: 0 };
  goalRelevanceInto(index, u, v, out);
  return out;
}

/** As `goalRelevance`, writing into `out` (no allocation, for the scoring loop); returns the goal relevance. */
export function goalRelevanceInto(index: SuggestIndex, u: number, v: number, out: PairFacts): number {
  const goals = index.goalMask[u]!;
  const d = FEATURE_DEFAULTS.goal;
  const workSectorMatch = index.workMask[v]! & goals;
  const pastSectorMatch = index.pastMask[v]! & goals & ~workSectorMatch;
  const bothMembers = index.member[u] === 1 && index.member[v] === 1;
  const peerGoalMatch = bothMembers ? index.goalMask[v]! & goals : 0;
  let roleMatch = 0;
  const wanted = index.goalRoleWords[u]!;
  if (wanted.length > 0) {
    const have = bothMembers ? index.goalRoleWords[v]! : index.titleWords[v]!;
    if (have.length > 0) {
      let hits = 0;
      for (const w of wanted) if (have.includes(w)) hits++;
      roleMatch = hits === 0 ? 0 : hits === wanted.length ? 1 : 0.5;
    }
  }
  const gatekeeperMatch = index.gatekeeper[v] === 1 && (workSectorMatch !== 0 || (index.hiringMask[v]! & goals) !== 0);
  const su = index.skills[u]!;
  const sv = index.skills[v]!;
  const sharedSkills = su.length === 0 || sv.length === 0 ? 0 : overlap(su, sv);
  const skillShare = sharedSkills === 0 ? 0 : sharedSkills / Math.max(1, Math.min(su.length, sv.length));
  const goal = Math.min(
    1,
    (workSectorMatch ? d.workSector : 0) +
      (pastSectorMatch ? d.pastSector : 0) +
      (peerGoalMatch ? d.peerGoal : 0) +
      (bothMembers ? d.peerRole : d.role) * roleMatch +
      (gatekeeperMatch ? d.gatekeeper : 0) +
      d.skills * skillShare,
  );
  out.goal = goal;
  out.workSectorMatch = workSectorMatch;
  out.pastSectorMatch = pastSectorMatch;
  out.peerGoalMatch = peerGoalMatch;
  out.roleMatch = roleMatch;
  out.gatekeeperMatch = gatekeeperMatch;
  out.sharedSkills = sharedSkills;
  return goal;
}

function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

export interface BridgingParts {
  value: number;
  unreachedCommunity: boolean;
  otherCommunity: boolean;
  constraintBefore: number;
  constraintAfter: number;
  effectiveSizeGain: number;
  newSectors: number;
}

/**
 * Bridging value of adding the tie u–v: see the header. `cn`, `ra`, `s1` come from the scan; `k`, `sumA2`, `t` are
 * u's degree, Σ a_j² and ties among contacts.
 */
export function bridgingValue(
  index: SuggestIndex,
  u: number,
  v: number,
  stats: { cn: number; ra: number; s1: number; k: number; sumA2: number; t: number; reachedCommunities: ReadonlySet<number> },
): BridgingParts {
  const d = FEATURE_DEFAULTS.bridging;
  const { cn, ra, s1, k, sumA2, t } = stats;
  const cv = index.community[v]!;
  const otherCommunity = cv !== index.community[u]!;
  const unreachedCommunity = !stats.reachedCommunities.has(cv);
  const dv = index.g.offsets[v + 1]! - index.g.offsets[v]! + 1;
  const before = k === 0 ? 1 : sumA2 / (k * k);
  const after = (sumA2 + (2 * s1) / dv + cn / (dv * dv) + (1 + ra) * (1 + ra)) / ((k + 1) * (k + 1));
  const drop = before > 0 ? clamp01((before - after) / before) : 0;
  const eBefore = k === 0 ? 0 : k - (2 * t) / k;
  const eAfter = k + 1 - (2 * (t + cn)) / (k + 1);
  const gain = clamp01(eAfter - eBefore);
  const newSectors = popcount((index.pastMask[v]! | index.workMask[v]!) & ~index.reachMask[u]!);
  const value =
    (unreachedCommunity ? d.unreachedCommunity : 0) +
    (otherCommunity ? d.otherCommunity : 0) +
    d.constraintDrop * drop +
    d.effectiveSizeGain * gain +
    d.newSectors * Math.min(1, newSectors / FEATURE_DEFAULTS.newSectorsFull);
  return {
    value: clamp01(value / (d.unreachedCommunity + d.otherCommunity + d.constraintDrop + d.effectiveSizeGain + d.newSectors)),
    unreachedCommunity,
    otherCommunity,
    constraintBefore: before,
    constraintAfter: after,
    effectiveSizeGain: eAfter - eBefore,
    newSectors,
  };
}

/**
 * Inverted U over shared contacts x: (x/p)·e^(1 − x/p), 0 at x = 0, 1 at the peak p, falling slowly after it. The
 * peak is `embeddednessPeak.lessDigital` when the candidate works in a less digital section (or, when not in work,
 * the person's goals are all less digital), else `embeddednessPeak.digital`.
 */
export function embeddedness(index: SuggestIndex, u: number, v: number, sharedContacts: number): number {
  if (sharedContacts <= 0) return 0;
  const sectors = index.workMask[v]! || index.goalMask[u]!;
  const lessDigital = sectors !== 0 && (sectors & ~LESS_DIGITAL_MASK) === 0;
  const p = lessDigital ? FEATURE_DEFAULTS.embeddednessPeak.lessDigital : FEATURE_DEFAULTS.embeddednessPeak.digital;
  const r = sharedContacts / p;
  return r * Math.exp(1 - r);
}

/** Recency in [0, 1]: 2^(−days / half-life) of the older of the path's last contacts; 0.5 when no link is dated. */
export function recency(index: SuggestIndex, slotA: number, slotB: number, slotC: number, halfLifeDays: number): number {
  const days = index.lastContactDays;
  let worst = -1;
  const a = slotA >= 0 ? days[slotA]! : NaN;
  const b = slotB >= 0 ? days[slotB]! : NaN;
  const c = slotC >= 0 ? days[slotC]! : NaN;
  if (a > worst) worst = a;
  if (b > worst) worst = b;
  if (c > worst) worst = c;
  return worst < 0 ? 0.5 : Math.pow(2, -worst / halfLifeDays);
}

/** Whether a sector letter is one of the less digital sections. */
export const isLessDigital = (s: SicSection): boolean => (LESS_DIGITAL_MASK & (1 << SIC_SECTION_LETTERS.indexOf(s))) !== 0;

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);
