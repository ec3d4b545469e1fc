/**
 * `bridgework evaluate`: the matcher's link-prediction evaluation on a timestamped edge list, or on two or more panel
 * waves (`--edges` once per wave; the protocol of the matcher issue; see docs/evaluation.md) — the JSON to a file and
 * a readable table on stdout.
 */
import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import { evaluateLinkPrediction, panelWavesToTimedEdges, parseTimedEdges, type EvaluationStage, type LinkPredictionResult } from '@bridgework/matcher';
import { EXIT, userPath, type Io } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { table } from '../format.js';
import { renderEvaluationChart, renderRollingChart } from '../report/evaluation-chart.js';

export interface EvaluateOptions {
  /** One timestamped edge list, or two or more panel waves (each file a wave, in order). */
  edges: string | string[];
  testFraction: number;
  /** Run on the first share of the history only (default 1). */
  historyFraction?: number;
  /** Run on each of these first shares of the history in turn (a rolling-origin evaluation). */
  rolling?: number[];
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
  if (opts.rolling !== undefined && opts.historyFraction !== undefined && opts.historyFraction !== 1) {
    io.err('error: give --rolling (several first shares of the history) or --history-fraction (one), not both');
    return EXIT.usage;
  }
  const files = typeof opts.edges === 'string' ? [opts.edges] : opts.edges;
  const texts = await Promise.all(files.map((f) => readFile(userPath(f), 'utf8')));
  const source = files.join(' + ');
  // One file: a timestamped edge list. Several: panel waves, wave w's ties at time w. Read once, run as often as asked.
  const input = files.length === 1 ? parseTimedEdges(texts[0]!, { file: source }) : panelWavesToTimedEdges(files.map((file, i) => ({ file, text: texts[i]! })));
  const fractions = opts.rolling ?? [opts.historyFraction ?? 1];
  const progress = evaluationProgress(io, fractions.length);
  const runs: LinkPredictionResult[] = [];
  try {
    for (const [i, historyFraction] of fractions.entries()) {
      runs.push(
        evaluateLinkPrediction(input, {
          file: source,
          testFraction: opts.testFraction,
          historyFraction,
          k: opts.k,
          seed: opts.seed,
          hindsight: opts.hindsight === true,
          ...(progress.update ? { onProgress: (stage, done, total) => progress.update!(i, stage, done, total) } : {}),
        }),
      );
    }
  } finally {
    progress.stop();
  }
  if (opts.rolling === undefined) {
    const result = runs[0]!;
    await writeFileAtomic(userPath(opts.json), `${JSON.stringify(result, null, 1)}\n`);
    if (opts.svg !== undefined) await writeFileAtomic(userPath(opts.svg), `${renderEvaluationChart(result, { source })}\n`);
    io.out(evaluationTable(result, source));
  } else {
    await writeFileAtomic(userPath(opts.json), `${JSON.stringify({ source, runs }, null, 1)}\n`);
    if (opts.svg !== undefined) await writeFileAtomic(userPath(opts.svg), `${renderRollingChart(runs, { source })}\n`);
    io.out(rollingTable(runs, source));
  }
  io.out(`JSON: ${opts.json}`);
  if (opts.svg !== undefined) io.out(`Picture: ${opts.svg}`);
  return EXIT.ok;
}

/** A rolling-origin evaluation as a readable table: one row per run, `matcher:balanced` against the best baseline. */
export function rollingTable(runs: readonly LinkPredictionResult[], source: string): string {
  const f = (x: number) => x.toFixed(3);
  const pct = (x: number) => (Number.isFinite(x) ? `${x >= 1 ? '+' : '−'}${Math.abs((x - 1) * 100).toFixed(1)}%` : '∞');
  const withHindsight = runs.some((r) => r.hindsight !== null);
  const rows = runs.map((r) => {
    const c = r.comparisons['matcher:balanced'];
    const balanced = r.methods['matcher:balanced'];
    const best = c ? r.methods[c.against] : undefined;
    const reference = r.methods['resource-allocation'];
    const row = [
      r.historyFraction === 1 ? 'all' : `first ${Math.round(r.historyFraction * 100)}%`,
      String(r.queries),
      c && best ? `${c.against} ${f(best.hitsAtK)}` : '–',
      balanced ? f(balanced.hitsAtK) : '–',
      c ? pct(c.gain) : '–',
      c ? `${pct(c.interval[0])} … ${pct(c.interval[1])}` : '–',
      c ? `${c.wins} / ${c.losses}` : '–',
      c ? (c.pValue < 0.001 ? '< 0.001' : c.pValue.toFixed(3)) : '–',
      balanced && reference ? `${f(balanced.novelCommunityShare)} / ${f(reference.novelCommunityShare)}` : '–',
    ];
    if (withHindsight) {
      const h = r.hindsight?.methods['matcher:balanced'];
      row.push(h && best ? pct(h.hitsAtK / best.hitsAtK) : '–');
    }
    return row;
  });
  const head = ['history', 'queries', 'best baseline', 'matcher:balanced', 'gain', '95% interval', 'wins / losses', 'McNemar p', 'reach: balanced / RA'];
  if (withHindsight) head.push('gain in hindsight');
  const k = runs[0]?.k ?? 10;
  return [
    `Rolling-origin link prediction on ${source}: the protocol on each first share of the history (hits@${k}; the last ${Math.round((runs[0]?.testFraction ?? 0.2) * 100)}% of each is its test period).`,
    table(head, rows),
  ].join('\n');
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

/** A progress bar over the evaluation's stages (and runs) when stderr is a terminal; silent otherwise. */
function evaluationProgress(io: Io, runs: number): { update?: (run: number, stage: EvaluationStage, done: number, total: number) => void; stop: () => void } {
  if (!io.tty) return { stop: () => {} };
  const bar = new SingleBar({ format: `evaluate [{bar}] {percentage}% {stage}`, hideCursor: true });
  const stages: EvaluationStage[] = ['split', 'communities', 'baselines', 'link model', 'matcher', 'hindsight', 'done'];
  const span = stages.length - 1;
  let started = false;
  return {
    update: (run, stage, done, total) => {
      const index = stages.indexOf(stage);
      const value = run * span + Math.min(span, index + (total > 0 ? Math.min(1, done / total) : 0));
      const label = runs > 1 ? `run ${run + 1} of ${runs}: ${stage}` : stage;
      if (!started) {
        bar.start(runs * span, value, { stage: label });
        started = true;
      } else bar.update(Math.min(value, runs * span), { stage: label });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
