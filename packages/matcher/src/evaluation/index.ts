/**
 * The link-prediction evaluation of the matcher: timestamped edge lists, the time split, the baselines, the metrics
 * and the whole protocol (`evaluateLinkPrediction`).
 */
export { parseTimedEdges, parseTimeCell, TIMED_EDGES_DEFAULTS, type TimedEdges, type TimedEdgesOptions } from './timed-edges.js';
export { panelWavesToTimedEdges, type PanelWave } from './panel-waves.js';
export { timeSplit, earlierHistory, stableTimeOrder, checkTestFraction, TIME_SPLIT_DEFAULTS, type TimeSplit, type TimeSplitOptions, type TrainEvents } from './time-split.js';
export {
  BASELINE_NAMES,
  baselineScorer,
  commonNeighboursScorer,
  jaccardScorer,
  adamicAdarScorer,
  resourceAllocationScorer,
  preferentialAttachmentScorer,
  randomScorer,
  type BaselineName,
  type CandidateScorer,
} from './baselines.js';
export { topCandidates, createRankingScratch, type RankingScratch } from './ranking.js';
export { MetricsAccumulator, MRR_DEPTH, type MethodMetrics } from './metrics.js';
export { reachFloor } from './reach-floor.js';
export { comparePaired, mcnemarExact, PAIRED_COMPARISON_DEFAULTS, type PairedComparison, type PairedComparisonOptions } from './paired-comparison.js';
export {
  evaluateLinkPrediction,
  diversify,
  LINK_PREDICTION_DEFAULTS,
  type EvaluationStage,
  type LinkModelReport,
  type LinkPredictionOptions,
  type LinkPredictionResult,
} from './evaluate-link-prediction.js';
