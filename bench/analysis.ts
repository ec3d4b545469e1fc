/**
 * The analysis suite of `pnpm bench` (`--only analysis`): graph-core's network analysis side by side with igraph
 * (python3-igraph) and NetworkX on the same file in the same run, each target of the performance issue with a
 * pass/fail verdict.
 *
 * Measures (names for --only: analysis:louvain, analysis:pagerank, analysis:betweenness, analysis:closeness,
 * analysis:holes, analysis:sampled, analysis:cli):
 *   louvain      — `louvain(g, { seed })` vs igraph `community_multilevel()` vs networkx `louvain_communities`
 *   pagerank     — `pagerankCg` to analyzeNetwork's accuracy (L1 error < 1e-10) vs igraph `pagerank()` (PRPACK) vs
 *                  networkx `pagerank` (its default rule); also graph-core's power iteration stopped at an L1 change
 *                  < 1e-10 (analyze's former method); every result's L1 error against a converged reference
 *   betweenness  — exact `betweennessCentrality` vs igraph `betweenness()` vs networkx `betweenness_centrality`
 *                  (not on the large graph: hours); values cross-checked
 *   closeness    — exact `closenessCentrality` vs igraph `closeness()` vs networkx (not on the large graph)
 *   holes        — `structuralHoles` (constraint, effective size, efficiency, hierarchy) vs igraph `constraint()`
 *                  vs networkx `constraint` + `effective_size` (small graphs only: it did not finish on the large)
 *   sampled      — `sampledBetweennessCentrality` (K = 500) and `pathCentralities` (betweenness and closeness
 *                  from the same 500 pivots, what analyze runs) vs networkx `betweenness_centrality(k=500)` (small)
 *   cli          — `pnpm -s bridgework analyze --edges FILE --betweenness sampled:500 --json OUT`, spawned as a user
 *                  would run it: wall time and the peak RSS of its largest process
 * Unweighted throughout (analyze's default). Node timings: light measures run `repeat` times in one process (the
 * first run, cold JIT included, counts); heavy ones (exact betweenness and closeness on the generated graphs,
 * sampled, cli) once in each of `heavy` fresh processes. Light measures get warm-up runs first (at least one, more
 * while they add up to under two seconds, at most 100; the first is shown as "first": the cold, not yet optimised
 * JavaScript), so the median is of warm runs. igraph runs the same way, single-threaded (OMP_NUM_THREADS=1);
 * NetworkX once, stopped at the cap. Tables give the median wall time (and the CPU time, which shows when the machine
 * was busy).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { duration, mb, median, ms, runJson, runJsonCapped, table } from './util.js';

/**
 * igraph runs single-threaded, as graph-core: its PRPACK PageRank is parallelised with OpenMP, and on a shared
 * 2-core machine the two threads wait on each other — one run measured 640 ms for what takes 15 ms alone.
 */
const IGRAPH_ENV = { ...process.env, OMP_NUM_THREADS: '1' };

export interface AnalysisContext {
  python: string | null;
  networkx: boolean;
  workDir: string;
  repoRoot: string;
  repeat: number;
  heavy: number;
  nxCap: number;
  pivots: number;
  wanted: (name: string) => boolean;
  here: (file: string) => string;
}

export interface GraphUnderTest {
  /** small, large, or the name of a real network. */
  label: string;
  kind: 'small' | 'large' | 'real';
  file: string;
  nodes: number;
  ties: number;
}

/** One implementation's figures for one measure. */
export interface Measurement {
  measure: string;
  impl: string;
  status: 'ok' | 'dnf' | 'skipped';
  ms?: number[];
  cpuMs?: number[];
  /** The first warm-up run of a light measure (cold code), not in `ms`. */
  firstMs?: number | null;
  peakDelta?: number | null;
  peakRss?: number | null;
  extra?: Record<string, unknown>;
  note?: string;
}

export interface TargetRow {
  target: string;
  graph: string;
  ours: string;
  reference: string;
  verdict: 'pass' | 'fail' | '—';
}

const wall = (m: Measurement | undefined) => (m?.status === 'ok' && m.ms?.length ? median(m.ms) : null);
const cpu = (m: Measurement | undefined) => (m?.status === 'ok' && m.cpuMs?.length ? median(m.cpuMs) : null);

export function runAnalysis(ctx: AnalysisContext, graph: GraphUnderTest): Measurement[] {
  const out: Measurement[] = [];
  const { python } = ctx;
  const large = graph.kind === 'large';
  const real = graph.kind === 'real';
  // Light measures (one process, `repeat` runs) get warm-up runs first, the first reported apart; heavy ones run cold.
  const node = (measure: string, processes: number, reps: number, extraArgs: string[] = []): Measurement => {
    const warm = processes === 1 && reps > 1 ? ['--warm'] : [];
    const runs = Array.from({ length: processes }, () =>
      runJson(process.execPath, [...process.execArgv, ctx.here('./analysis-child.ts'), measure, graph.file, String(reps), ...warm, ...extraArgs], {
        cwd: ctx.repoRoot,
      }),
    );
    return {
      measure,
      impl: 'graph-core',
      status: 'ok',
      ms: runs.flatMap((r) => r.ms as number[]),
      cpuMs: runs.flatMap((r) => r.cpuMs as number[]),
      firstMs: runs[0]!.firstMs as number | null,
      peakDelta: median(runs.map((r) => r.peakDelta as number)),
      extra: runs.at(-1)!.extra as Record<string, unknown>,
    };
  };
  const py = (lib: 'igraph' | 'networkx', measure: string, processes: number, reps: number, outFile?: string): Measurement => {
    if (!python || (lib === 'networkx' && !ctx.networkx)) return { measure, impl: lib, status: 'skipped', note: `${lib} not importable` };
    if (lib === 'networkx' && ctx.nxCap <= 0) return { measure, impl: lib, status: 'skipped', note: '--nx-cap 0' };
    const runs: Record<string, unknown>[] = [];
    for (let p = 0; p < processes; p++) {
      const warm = lib === 'igraph' && processes === 1 && reps > 1 ? ['--warm'] : [];
      const args = [ctx.here('./igraph_bench.py'), 'algo', lib, measure, graph.file, String(reps), ...(outFile ? [outFile] : []), ...warm];
      const r = lib === 'networkx' ? runJsonCapped(python, args, ctx.nxCap) : runJson(python, args, { env: IGRAPH_ENV });
      if (r === null) return { measure, impl: lib, status: 'dnf', note: `stopped at the ${ctx.nxCap} s cap (load included)` };
      runs.push(r);
    }
    return {
      measure,
      impl: lib,
      status: 'ok',
      ms: runs.flatMap((r) => r.ms as number[]),
      cpuMs: runs.flatMap((r) => r.cpuMs as number[]),
      firstMs: runs[0]!.firstMs as number | null,
      peakDelta: median(runs.map((r) => r.peakDelta as number)),
      extra: runs.at(-1)!.extra as Record<string, unknown>,
    };
  };
  const skipNx = (measure: string, why: string): Measurement => ({ measure, impl: 'networkx', status: 'skipped', note: why });
  const file = (name: string) => join(ctx.workDir, `${graph.label}-${name}.json`);
  const { repeat, heavy } = ctx;

  if (ctx.wanted('analysis:louvain')) {
    out.push(node('louvain', 1, repeat), py('igraph', 'louvain', 1, repeat), py('networkx', 'louvain', 1, 1));
  }
  if (ctx.wanted('analysis:pagerank')) {
    const ig = py('igraph', 'pagerank', 1, repeat, file('pagerank-igraph'));
    const nx = py('networkx', 'pagerank', 1, 1, file('pagerank-networkx'));
    const compare = [
      ...(ig.status === 'ok' ? ['--compare', `igraph=${file('pagerank-igraph')}`] : []),
      ...(nx.status === 'ok' ? ['--compare', `networkx=${file('pagerank-networkx')}`] : []),
    ];
    const ours = node('pagerank', 1, repeat, compare);
    const power = node('pagerank-power', 1, repeat);
    power.impl = 'graph-core (power iteration)';
    const nxRule = node('pagerank-nx', 1, repeat);
    nxRule.impl = 'graph-core (NetworkX rule)';
    out.push(ours, power, nxRule, ig, nx);
  }
  if (ctx.wanted('analysis:betweenness')) {
    if (large) {
      out.push({ measure: 'betweenness', impl: 'all', status: 'skipped', note: 'exact betweenness on 100k/1M takes about half an hour in each library' });
    } else {
      const processes = real ? 1 : heavy;
      const reps = real ? repeat : 1;
      const ig = py('igraph', 'betweenness', processes, reps, file('betweenness-igraph'));
      const nx = py('networkx', 'betweenness', 1, 1, file('betweenness-networkx'));
      const compare = [
        ...(ig.status === 'ok' ? ['--compare', `igraph=${file('betweenness-igraph')}`] : []),
        ...(nx.status === 'ok' ? ['--compare', `networkx=${file('betweenness-networkx')}`] : []),
      ];
      out.push(node('betweenness', processes, reps, compare), ig, nx);
    }
  }
  if (ctx.wanted('analysis:closeness') && !large) {
    const processes = real ? 1 : heavy;
    const reps = real ? repeat : 1;
    out.push(node('closeness', processes, reps), py('igraph', 'closeness', processes, reps), py('networkx', 'closeness', 1, 1));
  }
  if (ctx.wanted('analysis:holes')) {
    out.push(
      node('holes', 1, repeat),
      py('igraph', 'holes', 1, repeat),
      large ? skipNx('holes', 'not run on 100k/1M: did not finish in earlier runs') : py('networkx', 'holes', 1, 1),
    );
  }
  if (ctx.wanted('analysis:sampled') && !real) {
    const pivots = ['--pivots', String(ctx.pivots)];
    const both = node('paths-sampled', heavy, 1, pivots);
    both.impl = 'graph-core (+ closeness)';
    out.push(
      node('sampled', heavy, 1, pivots),
      both,
      { measure: 'sampled', impl: 'igraph', status: 'skipped', note: 'igraph has no pivot-sampled betweenness' },
      large ? skipNx('sampled', 'not run on 100k/1M: ~2 s per pivot in pure Python') : py('networkx', 'sampled', 1, 1),
    );
  }
  if (ctx.wanted('analysis:cli') && !real) out.push(cliRuns(ctx, graph));
  return out;
}

/** `bridgework analyze` end to end, `heavy` times, as a user runs it. */
function cliRuns(ctx: AnalysisContext, graph: GraphUnderTest): Measurement {
  const json = join(ctx.workDir, `${graph.label}-analyze.json`);
  const command = ['pnpm', '-s', 'bridgework', 'analyze', '--edges', graph.file, '--betweenness', `sampled:${ctx.pivots}`, '--json', json];
  const times: number[] = [];
  const peaks: number[] = [];
  let stdout = '';
  for (let r = 0; r < ctx.heavy; r++) {
    if (ctx.python) {
      const res = runJson(ctx.python, [ctx.here('./igraph_bench.py'), 'timed', ...command], { cwd: ctx.repoRoot });
      if (res.status !== 0) throw new Error(`analyze failed: ${String(res.stderr)}`);
      times.push(res.ms as number);
      peaks.push(res.peakRss as number);
      stdout = String(res.stdout);
    } else {
      const t0 = performance.now();
      const res = spawnSync(command[0]!, command.slice(1), { cwd: ctx.repoRoot, encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`analyze failed: ${res.stderr}`);
      times.push(performance.now() - t0);
      stdout = res.stdout;
    }
  }
  return {
    measure: 'cli',
    impl: 'bridgework analyze',
    status: 'ok',
    ms: times,
    peakRss: peaks.length ? median(peaks) : null,
    note: stdout.trim().split('\n')[0],
  };
}

/** Print one graph's analysis table. */
export function printAnalysis(graph: GraphUnderTest, rows: Measurement[]): void {
  if (!rows.length) return;
  console.log(
    `Analysis of ${graph.label} (${graph.nodes.toLocaleString('en')} nodes, ${graph.ties.toLocaleString('en')} ties): median wall time of the runs ` +
      '(after warm-up runs, the first shown as "first", when several run in one process; else each in a fresh process); CPU time alongside; ×: relative to igraph',
  );
  const igraphOf = (measure: string) => rows.find((r) => r.measure === measure && r.impl === 'igraph');
  console.log(
    table(
      ['measure', 'implementation', 'time', 'runs', '(min–max)', 'first', 'CPU', '×igraph', 'peak Δ', 'notes'],
      rows.map((r) => {
        const t = wall(r);
        const ig = wall(igraphOf(r.measure === 'paths-sampled' ? 'sampled' : r.measure));
        return [
          r.measure,
          r.impl,
          r.status === 'ok' ? duration(t!) : r.status === 'dnf' ? 'DNF' : '—',
          r.ms ? String(r.ms.length) : '',
          r.ms && r.ms.length > 1 ? `${duration(Math.min(...r.ms))}–${duration(Math.max(...r.ms))}` : '',
          r.firstMs != null ? duration(r.firstMs) : '',
          cpu(r) === null ? '' : duration(cpu(r)!),
          t !== null && ig !== null && r.impl !== 'igraph' ? (t / ig).toFixed(2) : '',
          r.peakRss != null ? `RSS ${mb(r.peakRss)}` : mb(r.peakDelta),
          noteOf(r),
        ];
      }),
    ),
  );
  console.log('');
}

function noteOf(r: Measurement): string {
  const e = r.extra ?? {};
  const parts: string[] = [];
  if (typeof e.modularity === 'number') parts.push(`Q ${e.modularity.toFixed(4)}, ${String(e.communities)} communities`);
  if (typeof e.iterations === 'number') parts.push(`${e.iterations} iterations`);
  for (const [k, v] of Object.entries(e)) {
    if (k === 'error' || k.startsWith('error:')) {
      const err = v as { l1: number; maxRelative: number };
      const who = k === 'error' ? '' : `${k.slice(6)} `;
      parts.push(`${who}L1 error ${err.l1.toExponential(1)}, max rel ${err.maxRelative.toExponential(1)}`);
    }
    if (k.startsWith('maxRelativeDifference:')) parts.push(`vs ${k.split(':')[1]}: max rel diff ${(v as number).toExponential(1)}`);
  }
  if (typeof e.closenessExtraSources === 'number') parts.push(`${String(e.pivots)} pivots + ${e.closenessExtraSources} closeness-only`);
  if (r.note) parts.push(r.note);
  return parts.join('; ');
}

/** The targets, from the load summaries and the analysis measurements of every graph. */
export function targets(
  graphs: Array<{ graph: GraphUnderTest; rows: Measurement[]; loads?: Array<{ name: string; ms: number; peakRss: number | null }> }>,
): TargetRow[] {
  const out: TargetRow[] = [];
  const verdict = (ok: boolean | null): TargetRow['verdict'] => (ok === null ? '—' : ok ? 'pass' : 'fail');
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null ? a / b : null);
  for (const { graph, rows, loads } of graphs) {
    const find = (measure: string, impl: string) => rows.find((r) => r.measure === measure && r.impl === impl);
    const vs = (target: string, measure: string, limit: number) => {
      const ours = wall(find(measure, 'graph-core'));
      const ig = wall(find(measure, 'igraph'));
      if (ours === null && ig === null) return;
      const x = ratio(ours, ig);
      out.push({
        target,
        graph: graph.label,
        ours: ours === null ? '—' : duration(ours),
        reference: ig === null ? '—' : `igraph ${duration(ig)}`,
        verdict: verdict(x === null ? null : x <= limit),
      });
    };
    const under = (target: string, m: Measurement | undefined, limitMs: number) => {
      const t = wall(m);
      if (t === null) return;
      out.push({ target, graph: graph.label, ours: duration(t), reference: `< ${duration(limitMs)}`, verdict: verdict(t < limitMs) });
    };
    if (graph.kind === 'large' && loads) {
      const compact = loads.find((l) => l.name === 'load:compact');
      const ig = loads.find((l) => l.name === 'load:igraph-ncol');
      if (compact) {
        const x = ratio(compact.ms, ig?.ms ?? null);
        out.push({
          target: 'load ≤ 1.5× igraph',
          graph: graph.label,
          ours: ms(compact.ms),
          reference: ig ? `igraph ${ms(ig.ms)}` : '—',
          verdict: verdict(x === null ? null : x <= 1.5),
        });
        if (compact.peakRss !== null) {
          out.push({ target: 'load peak memory < 1 GB', graph: graph.label, ours: `RSS ${mb(compact.peakRss)}`, reference: '< 1024 MB', verdict: verdict(compact.peakRss < 2 ** 30) });
        }
      }
    }
    vs('Louvain ≤ igraph', 'louvain', 1);
    vs('PageRank ≤ 1.5× igraph', 'pagerank', 1.5);
    if (graph.kind === 'small') vs('exact betweenness ≤ igraph', 'betweenness', 1);
    if (graph.kind === 'large') {
      under('constraint + effective size < 3 s', find('holes', 'graph-core'), 3000);
      under('sampled betweenness K=500 < 15 s', find('sampled', 'graph-core'), 15_000);
      under('  … with closeness from the same pivots', find('paths-sampled', 'graph-core (+ closeness)'), 15_000);
      const cli = find('cli', 'bridgework analyze');
      under('analyze --json end to end < 30 s', cli, 30_000);
      if (cli?.peakRss != null) {
        out.push({ target: '  … its peak memory', graph: graph.label, ours: `RSS ${mb(cli.peakRss)}`, reference: '(< 1 GB)', verdict: verdict(cli.peakRss < 2 ** 30) });
      }
    }
  }
  return out;
}

export function printTargets(rows: TargetRow[]): void {
  if (!rows.length) return;
  console.log('Targets (median wall times of this run)');
  console.log(table(['target', 'graph', 'graph-core', 'reference', 'verdict'], rows.map((r) => [r.target, r.graph, r.ours, r.reference, r.verdict])));
  console.log('');
}
