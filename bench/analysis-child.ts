/**
 * One analysis measurement in a fresh process (spawned by run.ts for the analysis suite). Usage:
 *
 *   analysis-child.ts <measure> <file.tsv> <reps> [--warm] [--compare NAME=scores.json …] [--pivots K] [--seed N]
 *
 * Loads the TSV (no header, weight in column 3) into a CompactGraph — untimed, except for measure `load` — then runs
 * the measure `reps` times (after warm-up runs with --warm; the first, cold one reported as `firstMs`) and prints one
 * JSON line: wall and CPU milliseconds of every run, the peak memory of the runs (VmHWM after resetting the kernel's
 * mark, as load-child.ts) and facts for the cross-checks. Unweighted throughout, as `bridgework analyze` without
 * --weighted.
 *
 * Measures: louvain (`louvain`, seed 42, as analyze), pagerank (`pagerankCg` to analyzeNetwork's accuracy,
 * ANALYZE_PAGERANK, as analyze; also the L1 error of it and of every --compare file against a reference converged by
 * the power iteration, tol 0), pagerank-power (the power iteration `pagerank()` stopped at an L1 change below
 * ANALYZE_PAGERANK's tolerance, what analyze ran before), pagerank-nx (`pagerank()`'s NetworkX defaults),
 * betweenness (exact `betweennessCentrality`; --compare files of raw igraph/NetworkX values are checked against it),
 * closeness (exact), holes (`structuralHoles`: constraint, effective size, efficiency and hierarchy of every node),
 * sampled (`sampledBetweennessCentrality`, K pivots) and
 * paths-sampled (`pathCentralities`: betweenness and closeness from the same K pivots, as analyze).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  ANALYZE_PAGERANK,
  betweennessCentrality,
  closenessCentrality,
  compactFromEdgeText,
  createRng,
  louvain,
  pagerank,
  pagerankCg,
  pathCentralities,
  sampledBetweennessCentrality,
  structuralHoles,
  type CompactGraph,
} from '../packages/graph-core/src/index.js';

const args = process.argv.slice(2);
const [measure, file, repsText] = args;
if (!measure || !file || !repsText) throw new Error('usage: analysis-child.ts <measure> <file.tsv> <reps> [--warm] [--compare NAME=FILE …] [--pivots K] [--seed N]');
const reps = Number(repsText);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const pivots = Number(option('--pivots') ?? 500);
const seed = Number(option('--seed') ?? 42);
const compares: Array<[string, string]> = [];
args.forEach((a, i) => {
  if (a === '--compare') {
    const [name, path] = args[i + 1]!.split('=') as [string, string];
    compares.push([name, path]);
  }
});

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

const TSV = { delimiter: '\t', weightColumn: 2 } as const;
const text = readFileSync(file, 'utf8');
let g: CompactGraph = measure === 'load' ? (null as unknown as CompactGraph) : compactFromEdgeText(text, TSV);
const n = () => g.n;
const extra: Record<string, unknown> = {};
let last: unknown = null;

const run: Record<string, () => unknown> = {
  load: () => (g = compactFromEdgeText(text, TSV)),
  louvain: () => louvain(g, { seed }),
  pagerank: () => pagerankCg(g, { weighted: false, l1Tolerance: ANALYZE_PAGERANK.l1Tolerance, maxIter: ANALYZE_PAGERANK.maxIter }),
  'pagerank-power': () => pagerank(g, { weighted: false, tol: ANALYZE_PAGERANK.l1Tolerance / n(), maxIter: ANALYZE_PAGERANK.maxIter }),
  'pagerank-nx': () => pagerank(g, { weighted: false }),
  betweenness: () => betweennessCentrality(g),
  closeness: () => closenessCentrality(g),
  holes: () => structuralHoles(g),
  sampled: () => sampledBetweennessCentrality(g, { pivots, rng: createRng(seed) }),
  'paths-sampled': () => pathCentralities(g, { pivots, rng: createRng(seed) }),
};
const fn = run[measure];
if (!fn) throw new Error(`unknown measure ${measure}`);

const baseRss = process.memoryUsage().rss;
const reset = resetPeak();
const ms: number[] = [];
const cpuMs: number[] = [];
// With --warm, warm-up runs before the timed ones — at least one, more while they add up to under two seconds (at
// most 100), so that the JIT has optimised the code on small graphs too (on a 1 000-node graph PageRank still ran at
// half speed after 20 runs). The first, cold run is reported as `firstMs`.
let firstMs: number | null = null;
let warmUps = 0;
if (args.includes('--warm')) {
  const start = performance.now();
  do {
    const t0 = performance.now();
    last = fn();
    firstMs ??= performance.now() - t0;
    warmUps++;
  } while (performance.now() - start < 2000 && warmUps < 100);
}
for (let r = 0; r < reps; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  last = fn();
  ms.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuMs.push((c.user + c.system) / 1000);
}
const peak = peakRss();

/** Scores by node id from a --compare file, aligned with g.ids (NaN when missing). */
function aligned(path: string): Float64Array {
  const scores = JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>;
  const out = new Float64Array(g.n).fill(NaN);
  for (let i = 0; i < g.n; i++) out[i] = scores[g.ids[i]!] ?? NaN;
  return out;
}

if (measure === 'louvain') {
  const r = last as ReturnType<typeof louvain>;
  Object.assign(extra, { modularity: r.modularity, communities: r.count });
} else if (measure === 'pagerank' || measure === 'pagerank-power' || measure === 'pagerank-nx') {
  const r = last as { scores: Float64Array; iterations: number };
  const converged = pagerank(g, { weighted: false, tol: 0, maxIter: 1000 }).scores;
  const error = (xs: ArrayLike<number>) => {
    let l1 = 0;
    let maxRel = 0;
    for (let i = 0; i < g.n; i++) {
      const d = Math.abs(xs[i]! - converged[i]!);
      l1 += d;
      maxRel = Math.max(maxRel, d / converged[i]!);
    }
    return { l1, maxRelative: maxRel };
  };
  Object.assign(extra, { iterations: r.iterations, error: error(r.scores) });
  for (const [name, path] of compares) extra[`error:${name}`] = error(aligned(path));
} else if (measure === 'betweenness') {
  // igraph and NetworkX (normalized=False) give raw pair sums: each unordered pair once.
  const raw = last as Float64Array;
  const scale = ((g.n - 1) * (g.n - 2)) / 2;
  for (const [name, path] of compares) {
    const other = aligned(path);
    let maxRel = 0;
    for (let i = 0; i < g.n; i++) {
      const mine = raw[i]! * scale;
      maxRel = Math.max(maxRel, Math.abs(mine - other[i]!) / Math.max(1, Math.abs(mine)));
    }
    extra[`maxRelativeDifference:${name}`] = maxRel;
  }
} else if (measure === 'paths-sampled') {
  const r = last as ReturnType<typeof pathCentralities>;
  Object.assign(extra, { pivots: r.pivots, closenessExtraSources: r.closenessExtraSources });
}

console.log(
  JSON.stringify({
    measure,
    ms,
    cpuMs,
    firstMs,
    warmUps,
    nodes: g.n,
    edges: g.m,
    baseRss,
    peakRss: peak,
    peakDelta: peak - baseRss,
    peakMethod: reset ? 'VmHWM after clear_refs' : 'ru_maxrss (lifetime)',
    extra,
  }),
);
