/**
 * Bridgework benchmarks: graphology's object graph versus graph-core's CompactGraph (CSR over typed arrays), with
 * igraph and networkx as outside references, and graph-core's network analysis against igraph and networkx (the
 * analysis suite, analysis.ts). Not part of `pnpm test`.
 *
 *   pnpm bench [--size small|large|real|all] [--only NAME[,NAME…]] [--repeat N] [--heavy N] [--nx-cap SECONDS]
 *              [--pivots K] [--queries N] [--seed N] [--keep]
 *
 * Sizes: small = 10 000 nodes / ~100 000 ties, large = 100 000 nodes / ~1 000 000 ties (bench/generate.ts), real =
 * the real networks in fixtures/real (analysis suite only); default all. `--only` keeps the benchmarks whose name
 * contains one of the given strings: load:parse, load:compact, load:graphology-merge, load:graphology-add,
 * load:igraph-ncol, load:igraph-python, load:networkx, aa:compact, aa:graphology, aa:igraph, project,
 * analysis:louvain, analysis:pagerank, analysis:betweenness, analysis:closeness, analysis:holes, analysis:sampled,
 * analysis:cli, matcher (bench/matcher.ts), history (bench/history.ts: members' progress over the months), store (bench/store.ts: the SQLite store's import, load, backup, restore, erasure), api (packages/api/src/bench/api-bench.ts: the match API under autocannon
 * on the demo town, once whatever the sizes), web:map (bench/web-map.ts: the analyst's network map in headless
 * Chromium — first frame and frame times while panning, zooming and hovering — on the demo town and on ~10 000 nodes,
 * once whatever the sizes) — e.g. `--only load`, `--only aa`, `--only analysis` (which also runs load:compact and
 * load:igraph-ncol, for the load target), `--only analysis:pagerank`.
 *
 * Each size's graph is written as TSV to a fresh temporary directory; every load runs `--repeat` times (default 5),
 * each in its own child process so memory peaks never mix (method in load-child.ts). The Adamic–Adar benchmark runs
 * in this process over the same `--queries` (default 1000) seeded random nodes for every implementation, after one
 * untimed warm-up pass, and cross-checks their results. The analysis suite runs light measures `--repeat` times in
 * one child process and heavy ones once in each of `--heavy` (default 3) fresh processes, NetworkX once with a time
 * cap of `--nx-cap` seconds (default 120; 0 skips it), and sampled betweenness with `--pivots` (default 500); it
 * ends with a pass/fail table of the performance targets. The python side (bench/igraph_bench.py) runs with
 * $BENCH_PYTHON, else the first of python3, /usr/bin/python3 that can import igraph; without one it is skipped with a
 * note. Results: tables on stdout and JSON in the temporary directory (path printed at the end).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adamicAdarScan, createTwoHopScratch } from '../packages/graph-core/src/index.js';
import { loadEdgeList } from '../packages/cli/src/commands/analyze.js';
import { printAnalysis, printTargets, runAnalysis, targets, type GraphUnderTest, type Measurement } from './analysis.js';
import { generateCommunityGraph, mulberry32, toTsv } from './generate.js';
import { adamicAdarGraphology, graphologyVersion } from './graphology.js';
import { loadCompact, loadGraphologyMerge } from './loaders.js';
import { mb, mean, median, ms, quantile, runJson, table, us } from './util.js';

const SIZES = { small: 10_000, large: 100_000 } as const;
type Size = keyof typeof SIZES | 'real';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    size: { type: 'string', default: 'all' },
    only: { type: 'string', multiple: true, default: [] },
    repeat: { type: 'string', default: '5' },
    heavy: { type: 'string', default: '3' },
    'nx-cap': { type: 'string', default: '120' },
    pivots: { type: 'string', default: '500' },
    queries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes: Size[] = values.size === 'all' ? ['small', 'large', 'real'] : (values.size.split(',') as Size[]);
if (!sizes.every((s) => s in SIZES || s === 'real')) throw new Error(`--size must be small, large, real or all, not ${values.size}`);
const only = values.only.flatMap((o) => o.split(',')).filter(Boolean);
const repeat = Number(values.repeat);
const heavy = Number(values.heavy);
const nxCap = Number(values['nx-cap']);
const pivots = Number(values.pivots);
const queryCount = Number(values.queries);
const seed = Number(values.seed);
const wanted = (name: string) => only.length === 0 || only.some((o) => name.includes(o));
// `--only analysis:pagerank` names one measure of the suite: the suite runs when any --only entry names part of it.
const analysisWanted = only.length === 0 || only.some((o) => o.startsWith('analysis') || 'analysis:'.includes(o));
/** The loads the analysis suite's load target needs run whenever the suite does. */
const wantedLoad = (name: string) => wanted(name) || (analysisWanted && (name === 'load:compact' || name === 'load:igraph-ncol'));

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'bridgework-bench-'));
const notes: string[] = [];

// ---------------------------------------------------------------- helpers

function findPython(): string | null {
  const candidates = [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  for (const c of candidates) {
    if (spawnSync(c, ['-c', 'import igraph'], { encoding: 'utf8' }).status === 0) return c;
  }
  return null;
}

interface LoadRun {
  ms: number;
  nodes: number;
  edges: number;
  baseRss: number;
  peakRss: number | null;
  peakDelta: number | null;
  retained?: number;
  peakMethod: string;
  domainBuildMs?: number;
}

interface LoadSummary {
  name: string;
  runs: LoadRun[];
  ms: number;
  msMin: number;
  msMax: number;
  peakRss: number | null;
  peakDelta: number | null;
  retained: number | null;
  nodes: number;
  edges: number;
}

function summarise(name: string, runs: LoadRun[]): LoadSummary {
  const pick = (f: (r: LoadRun) => number | null | undefined) => {
    const xs = runs.map(f).filter((x): x is number => typeof x === 'number');
    return xs.length ? median(xs) : null;
  };
  return {
    name,
    runs,
    ms: median(runs.map((r) => r.ms)),
    msMin: Math.min(...runs.map((r) => r.ms)),
    msMax: Math.max(...runs.map((r) => r.ms)),
    peakRss: pick((r) => r.peakRss),
    peakDelta: pick((r) => r.peakDelta),
    retained: pick((r) => r.retained),
    nodes: runs[0]!.nodes,
    edges: runs[0]!.edges,
  };
}

// ---------------------------------------------------------------- environment

const python = findPython();
let pyVersions: Record<string, unknown> | null = null;
if (python) pyVersions = runJson(python, [here('./igraph_bench.py'), 'versions', '-']);
else notes.push('python3-igraph is not importable (try `apt-get install python3-igraph python3-networkx`, or set BENCH_PYTHON): igraph and networkx figures skipped.');
if (pyVersions && pyVersions.networkx == null) notes.push('networkx is not importable: load:networkx skipped.');

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
  freeMemoryGiB: +(freemem() / 2 ** 30).toFixed(1),
  kernel: release(),
  node: process.version,
  graphology: graphologyVersion,
  python: pyVersions?.python ?? null,
  igraph: pyVersions?.igraph ?? null,
  networkx: pyVersions?.networkx ?? null,
};
console.log(`Bridgework benchmarks — ${new Date().toISOString()}`);
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; node ${machine.node}, graphology ${machine.graphology}` +
  (python ? `; python ${machine.python}, igraph ${machine.igraph}, networkx ${machine.networkx ?? '—'}` : ''));
console.log(
  `sizes: ${sizes.join(', ')}; repeat ${repeat}; heavy ${heavy}; networkx cap ${nxCap} s; pivots ${pivots}; queries ${queryCount}; seed ${seed}` +
    `${only.length ? `; only ${only.join(',')}` : ''}\n`,
);

// ---------------------------------------------------------------- benchmarks

const results: Record<string, unknown> = {};
const analysisContext = {
  python,
  networkx: pyVersions?.networkx != null,
  workDir,
  repoRoot,
  repeat,
  heavy,
  nxCap,
  pivots,
  wanted,
  here,
};
const analysed: Array<{ graph: GraphUnderTest; rows: Measurement[]; loads?: LoadSummary[] }> = [];

for (const size of sizes) {
  if (size === 'real') {
    if (analysisWanted) benchReal();
    continue;
  }
  const n = SIZES[size];
  const t0 = performance.now();
  const generated = generateCommunityGraph({ n, seed });
  const text = toTsv(generated);
  const file = join(workDir, `graph-${size}.tsv`);
  writeFileSync(file, text);
  const genMs = performance.now() - t0;
  const fileBytes = statSync(file).size;
  console.log(`== ${size}: ${n.toLocaleString('en')} nodes, ${generated.sources.length.toLocaleString('en')} ties, ${mb(fileBytes)} TSV (generated in ${ms(genMs)})\n`);
  const sizeResult: Record<string, unknown> = { nodes: n, ties: generated.sources.length, fileBytes };
  results[size] = sizeResult;

  // -- load
  const loads: LoadSummary[] = [];
  const nodeLoaders = ['parse', 'compact', 'graphology-merge', 'graphology-add'] as const;
  for (const mode of nodeLoaders) {
    const name = `load:${mode}`;
    if (!wantedLoad(name)) continue;
    const runs: LoadRun[] = [];
    for (let r = 0; r < repeat; r++) {
      runs.push(runJson(process.execPath, [...process.execArgv, '--expose-gc', here('./load-child.ts'), mode, file]) as unknown as LoadRun);
    }
    loads.push(summarise(name, runs));
  }
  const pyLoaders = [
    ['load:igraph-ncol', 'load-ncol'],
    ['load:igraph-python', 'load-python'],
    ['load:networkx', 'load-networkx'],
  ] as const;
  for (const [name, mode] of pyLoaders) {
    if (!wantedLoad(name) || !python || (mode === 'load-networkx' && pyVersions?.networkx == null)) continue;
    const runs: LoadRun[] = [];
    for (let r = 0; r < repeat; r++) runs.push(runJson(python, [here('./igraph_bench.py'), mode, file]) as unknown as LoadRun);
    loads.push(summarise(name, runs));
  }
  if (loads.length) {
    sizeResult.load = loads;
    const compact = loads.find((l) => l.name === 'load:compact');
    console.log(`Load ${mb(fileBytes)} of TSV text into a graph (median of ${repeat} fresh processes; ×: relative to load:compact)`);
    console.log(
      table(
        ['loader', 'time', '(min–max)', '×time', 'peak RSS', 'peak Δ', '×peak Δ', 'retained', 'nodes', 'edges'],
        loads.map((l) => [
          l.name,
          ms(l.ms),
          `${ms(l.msMin)}–${ms(l.msMax)}`,
          compact ? `${(l.ms / compact.ms).toFixed(1)}` : '',
          mb(l.peakRss),
          mb(l.peakDelta),
          compact && l.peakDelta != null && compact.peakDelta ? `${(l.peakDelta / compact.peakDelta).toFixed(1)}` : '',
          mb(l.retained),
          l.nodes.toLocaleString('en'),
          l.edges.toLocaleString('en'),
        ]),
      ),
    );
    console.log(`memory: ${loads[0]!.runs[0]!.peakMethod}; peak Δ = peak − RSS before the load (text already in memory); retained = JS heap + typed arrays after GC (JS only)`);
    console.log('load:parse = graph-core\'s text parser alone (typed arrays + interned ids), the first step of every JavaScript loader;');
    console.log('igraph-ncol = Graph.Read_Ncol(file) + simplify() (reads the file itself, from the page cache); igraph-python = Python split/dict + Graph(n, edges) + simplify()\n');
  }

  // -- network analysis (analysis.ts)
  if (analysisWanted) {
    const graph: GraphUnderTest = { label: size, kind: size, file, nodes: n, ties: generated.sources.length };
    const rows = runAnalysis(analysisContext, graph);
    printAnalysis(graph, rows);
    sizeResult.analysis = rows;
    analysed.push({ graph, rows, loads });
  }

  // -- Adamic–Adar
  const aaNames = ['aa:compact', 'aa:graphology', 'aa:igraph'].filter(wanted);
  if (aaNames.length) {
    const compact = loadCompact(text);
    const rand = mulberry32(seed + 1);
    const queries = Array.from({ length: queryCount }, () => compact.ids[Math.floor(rand() * compact.n)]!);
    const scratch = createTwoHopScratch(compact.n);
    const rows: { name: string; timesUs: number[]; counts: number[]; sums: number[] }[] = [];
    let sink = 0;
    if (wanted('aa:compact')) {
      for (const id of queries) sink += adamicAdarScan(compact, compact.index.get(id)!, scratch).candidates.length;
      const timesUs: number[] = [];
      const counts: number[] = [];
      const sums: number[] = [];
      for (const id of queries) {
        const t = performance.now();
        const r = adamicAdarScan(compact, compact.index.get(id)!, scratch);
        timesUs.push((performance.now() - t) * 1000);
        counts.push(r.candidates.length);
        sums.push(r.scores.reduce((a, b) => a + b, 0));
      }
      rows.push({ name: 'aa:compact', timesUs, counts, sums });
    }
    if (wanted('aa:graphology')) {
      const graph = loadGraphologyMerge(text);
      for (const id of queries) sink += adamicAdarGraphology(graph, id).size;
      const timesUs: number[] = [];
      const counts: number[] = [];
      const sums: number[] = [];
      for (const id of queries) {
        const t = performance.now();
        const r = adamicAdarGraphology(graph, id);
        timesUs.push((performance.now() - t) * 1000);
        counts.push(r.size);
        let s = 0;
        for (const x of r.values()) s += x;
        sums.push(s);
      }
      rows.push({ name: 'aa:graphology', timesUs, counts, sums });
    }
    if (wanted('aa:igraph') && python) {
      const qFile = join(workDir, `queries-${size}.txt`);
      writeFileSync(qFile, queries.join('\n') + '\n');
      const r = runJson(python, [here('./igraph_bench.py'), 'aa', file, qFile]) as { timesUs: number[]; counts: number[]; sums: number[] };
      rows.push({ name: 'aa:igraph (dense row)', ...r });
    }
    // Cross-check: every implementation must find the same candidates and the same total score per query.
    const reference = rows[0]!;
    const checks = rows.slice(1).map((row) => {
      let countMismatches = 0;
      let maxRel = 0;
      row.counts.forEach((c, i) => {
        if (c !== reference.counts[i]) countMismatches++;
        const a = reference.sums[i]!;
        const b = row.sums[i]!;
        maxRel = Math.max(maxRel, Math.abs(a - b) / Math.max(1e-12, Math.abs(a)));
      });
      return { against: reference.name, name: row.name, countMismatches, maxRelativeSumDifference: maxRel };
    });
    const base = rows.find((r) => r.name === 'aa:compact');
    const summary = rows.map((r) => ({
      name: r.name,
      p50Us: quantile(r.timesUs, 0.5),
      p99Us: quantile(r.timesUs, 0.99),
      meanUs: mean(r.timesUs),
      candidatesP50: quantile(r.counts, 0.5),
      candidatesP99: quantile(r.counts, 0.99),
    }));
    sizeResult.adamicAdar = { queries: queryCount, summary, checks };
    console.log(`Two-hop Adamic–Adar scan, ${queryCount} seeded random queries (one warm-up pass; ×: relative to aa:compact)`);
    console.log(
      table(
        ['implementation', 'p50', 'p99', 'mean', '×p50', 'candidates p50', 'p99'],
        summary.map((s) => [
          s.name,
          us(s.p50Us),
          us(s.p99Us),
          us(s.meanUs),
          base ? (s.p50Us / quantile(base.timesUs, 0.5)).toFixed(1) : '',
          String(s.candidatesP50),
          String(s.candidatesP99),
        ]),
      ),
    );
    for (const c of checks) {
      console.log(`check ${c.name} vs ${c.against}: ${c.countMismatches} candidate-count mismatches, max relative score-sum difference ${c.maxRelativeSumDifference.toExponential(1)}`);
    }
    if (sink < 0) console.log(sink);
    console.log('');
  }

  // -- projection of the domain graph
  if (wanted('project')) {
    const runs: LoadRun[] = [];
    for (let r = 0; r < repeat; r++) {
      runs.push(runJson(process.execPath, [...process.execArgv, '--expose-gc', here('./load-child.ts'), 'project', file]) as unknown as LoadRun);
    }
    const s = summarise('project', runs);
    sizeResult.project = { ...s, domainBuildMs: median(runs.map((r) => r.domainBuildMs ?? NaN)) };
    console.log(`projectGraph(domain graph of people and knows ties) → CompactGraph (median of ${repeat})`);
    console.log(
      table(
        ['step', 'time', '(min–max)', 'peak Δ', 'retained', 'nodes', 'edges'],
        [
          ['build the BridgeworkGraph (input, for scale)', ms(median(runs.map((r) => r.domainBuildMs ?? NaN))), '', '', '', '', ''],
          ['projectGraph', ms(s.ms), `${ms(s.msMin)}–${ms(s.msMax)}`, mb(s.peakDelta), mb(s.retained), s.nodes.toLocaleString('en'), s.edges.toLocaleString('en')],
        ],
      ),
    );
    console.log('');
  }

  /**
   * A benchmark of this size in its own process (bench/<script>, with --expose-gc, the size and seed): prints its
   * table and returns the JSON of its last line.
   */
  const sizeBench = (script: string, extra: string[] = []): unknown => {
    const args = [...process.execArgv, '--expose-gc', here(`./${script}`), '--n', String(n), '--seed', String(seed), ...extra];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`bench/${script} failed (${r.status ?? r.signal}):\n${r.stderr}`);
    const lines = r.stdout.trimEnd().split('\n');
    const result: unknown = JSON.parse(lines.pop()!);
    console.log(`${lines.join('\n')}\n`);
    return result;
  };

  // -- matcher: suggestions, caseload and event tables on a domain graph of this size (bench/matcher.ts, own process)
  if (wanted('matcher')) sizeResult.matcher = sizeBench('matcher.ts', ['--queries', String(queryCount)]);

  // -- store: import, load, backup, restore and erasure on the SQLite store (bench/store.ts, own process)
  if (wanted('store')) sizeResult.store = sizeBench('store.ts');

  // -- history: the caseload's "since last month" and a member's progress (bench/history.ts, own process)
  if (wanted('history')) sizeResult.history = sizeBench('history.ts');
}

// -- the match API over loopback (packages/api/src/bench/api-bench.ts: server and bare Express in their own processes)
if (wanted('api')) {
  const args = [...process.execArgv, join(repoRoot, 'packages/api/src/bench/api-bench.ts'), '--json'];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`packages/api/src/bench/api-bench.ts failed (${r.status ?? r.signal})`);
  const lines = r.stdout.trimEnd().split('\n');
  results.api = JSON.parse(lines.pop()!);
  console.log(`${lines.join('\n')}\n`);
}

// -- the analyst's map in headless Chromium, demo town and ~10 000 nodes (bench/web-map.ts, its own process)
if (wanted('web:map')) {
  const r = spawnSync(process.execPath, [...process.execArgv, here('./web-map.ts'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`bench/web-map.ts failed (${r.status ?? r.signal})`);
  const lines = r.stdout.trimEnd().split('\n');
  results['web:map'] = JSON.parse(lines.pop()!);
  console.log(`${lines.join('\n')}\n`);
}

if (analysed.length) {
  const rows = targets(analysed);
  results.targets = rows;
  printTargets(rows);
}

/** The analysis suite over each real network of fixtures/real, rewritten as plain TSV (id, id, weight). */
function benchReal(): void {
  const dir = join(repoRoot, 'fixtures/real');
  const names = existsSync(dir) ? readdirSync(dir).filter((d) => existsSync(join(dir, d, 'edges.tsv'))).sort() : [];
  for (const name of names) {
    const source = join(dir, name, 'edges.tsv');
    const g = loadEdgeList(readFileSync(source, 'utf8'), source, false);
    const lines: string[] = [];
    for (let i = 0; i < g.n; i++) {
      for (let p = g.offsets[i]!; p < g.offsets[i + 1]!; p++) {
        const j = g.neighbours[p]!;
        if (i < j) lines.push(`${g.ids[i]}\t${g.ids[j]}\t1\n`);
      }
    }
    const file = join(workDir, `real-${name}.tsv`);
    writeFileSync(file, lines.join(''));
    console.log(`== real: ${name} (fixtures/real/${name}/edges.tsv as an undirected simple graph): ${g.n.toLocaleString('en')} nodes, ${g.m.toLocaleString('en')} ties\n`);
    const graph: GraphUnderTest = { label: name, kind: 'real', file, nodes: g.n, ties: g.m };
    const rows = runAnalysis(analysisContext, graph);
    printAnalysis(graph, rows);
    analysed.push({ graph, rows });
    results[`real:${name}`] = { nodes: g.n, ties: g.m, analysis: rows };
  }
}

const out = join(workDir, 'results.json');
if (!values.keep) for (const size of sizes) rmSync(join(workDir, `graph-${size}.tsv`), { force: true });
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), command: `pnpm bench ${process.argv.slice(2).join(' ')}`.trim(), machine, notes, results }, null, 2));
for (const note of notes) console.log(`note: ${note}`);
console.log(`results: ${out}${values.keep ? ' (TSV files kept alongside)' : ''}`);
if (readFileSync(out).length === 0) process.exitCode = 1;
