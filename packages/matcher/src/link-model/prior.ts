/**
 * The prior link model: the weights the matcher uses when a network's history cannot teach it any — a panel of one
 * wave, or no new tie in the later part of the history that a shortlist holds. Learning-to-rank with a fall-back to
 * weights learned elsewhere is transfer learning in its plainest form (Pan & Yang, "A survey on transfer learning",
 * IEEE TKDE 22:1345, 2010): features that are scale-free (logs, shares, decays on the event clock) and standardised
 * on the network at hand carry the same meaning across networks, so weights learned on some networks can rank
 * another's candidates.
 *
 * The values: the mean, feature by feature, of the per-standard-deviation weights `fitLinkModel` learned at its
 * defaults on the train periods (test fraction 0.2) of the two timestamped networks of docs/evaluation.md — the DNC
 * e-mail leak and EU core e-mail — as `bridgework evaluate` reports them in `linkModel.coefficients` (2026-11-29).
 * Fixed here, not refitted: a network evaluated against it was not used to make it.
 */
import type { PairFeature } from './pair-features.js';

/** The prior weight of each standardised pair feature. */
export const PRIOR_COEFFICIENTS: Readonly<Record<PairFeature, number>> = Object.freeze({
  commonNeighbours: 0.092,
  adamicAdar: 1.373,
  resourceAllocation: -0.418,
  jaccard: 0.023,
  degreeU: 0,
  degreeV: -1.851,
  decayedCommonNeighbours: -0.41,
  weakestLink: -0.133,
  coEvents: 0.09,
  activityV: -0.809,
  newTiesV: 2.119,
  lastSeenV: 0.249,
  sameCommunity: 0.269,
  chains: 0.305,
  coRecipients: 0.12,
  coSenders: 0.268,
  recentContactsOfV: 0.157,
  recentlyFormed: 0.165,
  sequence: 0.143,
  sentShareV: -0.173,
  complementary: 0.02,
  commonNeighboursCount: -1.386,
  threeStepWalks: 1.258,
  localRandomWalk: 0.995,
});
