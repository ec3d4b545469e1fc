/**
 * `bridgework evaluate`: the matcher's link-prediction evaluation on a timestamped edge list, or on two or more panel
 * waves (`--edges` once per wave; the protocol of the matcher issue; see docs/evaluation.md) — the JSON to a file and
 * a readable table on stdout.
 */
import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import { evaluateLinkPrediction, panelWavesToTimedEdges, type EvaluationStage, type LinkPredictionResult } from '@bridgework/matcher';
import { EXIT, userPath, type Io } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { table } from '../format.js';
import { renderEvaluationChart } from '../report/evaluation-chart.js';

export interface EvaluateOptions {
  /** One timestamped edge list, or two or more panel waves (each file a wave, in order). */
  edges: string | string[];
  testFraction: number;
  /** Run on the first share of the history only (default 1). */
  historyFraction?: number;
  k: number;
  seed: number;
  /** Also rank with the link model fitted in hindsight (weights learned from the test period: a ceiling). */
  hindsight?: boolean;
  json: string;
  /** Also write the picture (SVG) here. */
  svg?: string;
}

export { parseTestFraction } from '../option-values.js';

export async function runEvaluate(io: Io, opts: EvaluateOptions): Promise<number> {
  const files = typeof opts.edges === 'string' ? [opts.edges] : opts.edges;
  const texts = await Promise.all(files.map((f) => readFile(userPath(f), 'utf8')));
  // One file: a timestamped edge list. Several: panel waves, wave w's ties at time w.
  const input = files.length === 1 ? texts[0]! : panelWavesToTimedEdges(files.map((file, i) => ({ file, text: texts[i]! })));
  const source = files.join(' + ');
  const progress = evaluationProgress(io);
  let result: LinkPredictionResult;
  try {
    result = evaluateLinkPrediction(input, {
      file: source,
      testFraction: opts.testFraction,
      ...(opts.historyFraction !== undefined ? { historyFraction: opts.historyFraction } : {}),
      k: opts.k,
      seed: opts.seed,
      hindsight: opts.hindsight === true,
      ...(progress.update ? { onProgress: progress.update } : {}),
    });
  } finally {
    progress.stop();
  }
  await writeFileAtomic(userPath(opts.json), `${JSON.stringify(result, null, 1)}\n`);
  if (opts.svg !== undefined) await writeFileAtomic(userPath(opts.svg), `${renderEvaluationChart(result, { source })}\n`);
  io.out(evaluationTable(result, source));
  io.out(`JSON: ${opts.json}`);
  if (opts.svg !== undefined) io.out(`Picture: ${opts.svg}`);
  return EXIT.ok;
}

/** The result as a readable table: one row per method, best hits@k marked. */
export function evaluationTable(r: LinkPredictionResult, source: string): string {
  const f = (x: number) => x.toFixed(3);
  const hindsight = r.hindsight
    ? [['(hindsight) likelihood alone', r.hindsight.metrics] as const, ...Object.entries(r.hindsight.methods).map(([name, m]) => [`(hindsight) ${name}`, m] as const)]
    : [];
  const rows = [...Object.entries(r.methods), ['(learned likelihood alone)', r.linkModel.metrics] as const, ...hindsight].map(([name, m]) => [
    name,
    f(m.hitsAtK),
    f(m.precisionAtK),
    f(m.recallAtK),
    f(m.mrr),
    f(m.bridgingShare),
    f(m.novelCommunityShare),
  ]);
  const head =
    `Link prediction on ${source}${r.historyFraction < 1 ? ` (its first ${Math.round(r.historyFraction * 100)}%)` : ''}: train ${r.trainNodes} nodes, ${r.trainEdges} ties; ${r.queries} query nodes, ` +
    `${r.testPairs} new ties in the last ${Math.round(r.testFraction * 100)}% of events; ${r.communities} communities.`;
  const k = r.k;
  const pct = (x: number) => (Number.isFinite(x) ? `${x >= 1 ? '+' : '−'}${Math.abs((x - 1) * 100).toFixed(1)}%` : '∞');
  const compared = Object.entries(r.comparisons).map(([name, c]) => [
    name,
    c.against,
    pct(c.gain),
    `${pct(c.interval[0])} … ${pct(c.interval[1])}`,
    `${c.wins} / ${c.losses}`,
    c.pValue < 0.001 ? '< 0.001' : c.pValue.toFixed(3),
    `${Math.round(c.gainAtLeast * 100)}%`,
  ]);
  const first = Object.values(r.comparisons)[0];
  const level = first ? Math.round(first.level * 100) : 95;
  const target = first ? pct(first.target) : '+10.0%';
  return [
    head,
    table(['method', `hits@${k}`, `precision@${k}`, `recall@${k}`, 'MRR', 'bridging', 'novel community'], rows),
    '',
    `Against the best baseline, paired over the ${r.queries} query nodes (hits@${k}; bootstrap over the query nodes):`,
    table(['method', 'best baseline', 'gain', `${level}% interval`, 'wins / losses', 'McNemar p', `resamples ≥ ${target}`], compared),
    ...(r.hindsight ? ['', '(hindsight): the link model\'s weights learned from this test period itself — the ceiling of its features here, not a forecast.'] : []),
  ].join('\n');
}

/** A progress bar over the evaluation's stages when stderr is a terminal; silent otherwise. */
function evaluationProgress(io: Io): { update?: (stage: EvaluationStage, done: number, total: number) => void; stop: () => void } {
  if (!io.tty) return { stop: () => {} };
  const bar = new SingleBar({ format: 'evaluate [{bar}] {percentage}% {stage}', hideCursor: true });
  const stages: EvaluationStage[] = ['split', 'communities', 'baselines', 'link model', 'matcher', 'hindsight', 'done'];
  let started = false;
  return {
    update: (stage, done, total) => {
      const index = stages.indexOf(stage);
      const value = index + (total > 0 ? Math.min(1, done / total) : 0);
      if (!started) {
        bar.start(stages.length - 1, value, { stage });
        started = true;
      } else bar.update(Math.min(value, stages.length - 1), { stage });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
