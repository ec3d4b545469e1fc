/**
 * API benchmark (autocannon over loopback): suggestion requests with a coach key against the demo town, and a bare
 * Express endpoint measured in the same run. The API server (as `bridgework serve` runs it, access log included)
 * and the bare endpoint each run in their own child process, the load generator in this one. Each run measures
 * the API and then the bare endpoint for `--seconds` each after a warm-up; the best run (highest API throughput)
 * is judged against issue 5's targets: ≥ 3 000 requests/s, p99 < 20 ms, zero errors, ≥ 40% of bare Express.
 * Throughput depends on what else the machine runs: the load average is printed with the results.
 *
 *   npx tsx packages/api/src/bench/api-bench.ts [--seconds 10] [--connections 10] [--runs 3] [--json]
 *
 * Also part of `pnpm bench` (bench/run.ts, `--only api`); `--json` ends the output with one JSON line of results.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const runs = Number(values.runs);
for (const [name, v] of [['--seconds', duration], ['--connections', connections], ['--runs', runs]] as const) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`api-bench: ${name} must be a whole number ≥ 1, not ${String(v)}`);
}

const logDir = mkdtempSync(join(tmpdir(), 'bridgework-api-bench-log-'));
const logFile = join(logDir, 'access.log');

/** Start a child server and read the JSON line it prints once listening. */
function start<T>(file: string, stderr: 'inherit' | number): Promise<{ child: ChildProcess; info: T }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL(file, import.meta.url))], { stdio: ['ignore', 'pipe', stderr] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ child, info: JSON.parse(out.slice(0, nl)) as T });
    });
    child.once('exit', (code) => reject(new Error(`api-bench: ${file} exited with ${code} before listening (log: ${logFile})`)));
  });
}

const errorsOf = (r: Result) => r.errors + r.non2xx + r.timeouts;
const summary = (r: Result) => ({ requestsPerSecond: r.requests.average, total: r.requests.total, p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: errorsOf(r) });
const row = (name: string, r: Result) =>
  `${name.padEnd(30)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms   errors ${errorsOf(r)}`;

const logFd = openSync(logFile, 'w');
const apiServer = await start<{ url: string; key: string; coachId: string; members: string[] }>('./serve-demo.ts', logFd);
const bareServer = await start<{ url: string }>('./serve-bare.ts', 'inherit');
const loadBefore = loadavg();
const measured: { api: Result; bare: Result }[] = [];
try {
  const { info } = apiServer;
  const api = {
    url: info.url,
    connections,
    requests: info.members.map((id) => ({ method: 'GET', path: `/v1/people/${encodeURIComponent(id)}/suggestions?k=10` })),
    headers: { authorization: `Bearer ${info.key}` },
  };
  const bare = { url: bareServer.info.url, connections };
  console.log(
    `API benchmark: demo town (seed 42), coach ${info.coachId} asking for suggestions (k=10) for ${info.members.length} consenting members in turn; ` +
      `${connections} connections, ${duration} s per measurement after a warm-up, ${runs} run${runs === 1 ? '' : 's'}; ${cpus().length} CPUs, ` +
      `load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );
  for (let i = 0; i < runs; i++) {
    // Warm-ups: the first builds the graph snapshot and the matcher's index.
    await autocannon({ ...api, duration: i === 0 ? 3 : 1 });
    const a = await autocannon({ ...api, duration });
    await autocannon({ ...bare, duration: 1 });
    const b = await autocannon({ ...bare, duration });
    measured.push({ api: a, bare: b });
    console.log(`run ${i + 1}: ${row('suggestions (coach key)', a).trimStart()}`);
    console.log(`       ${row('bare Express', b)}   suggestions / bare ${((100 * a.requests.average) / b.requests.average).toFixed(1)}%`);
  }
} finally {
  apiServer.child.kill('SIGTERM');
  bareServer.child.kill('SIGTERM');
  await Promise.all([apiServer.child, bareServer.child].map((c) => (c.exitCode !== null ? undefined : new Promise((r) => c.once('exit', r)))));
  closeSync(logFd);
}

const loadAfter = loadavg();
const bestIndex = measured.reduce((best, m, i) => (m.api.requests.average > measured[best]!.api.requests.average ? i : best), 0);
const best = measured[bestIndex]!;
const share = best.api.requests.average / best.bare.requests.average;
const logLines = readFileSync(logFile, 'utf8').split('\n').filter((l) => l.includes('"msg":"request"')).length;
rmSync(logDir, { recursive: true, force: true });
const targets = [
  { target: '≥ 3000 requests/s', value: `${best.api.requests.average.toFixed(0)} req/s`, pass: best.api.requests.average >= 3000 },
  { target: 'p99 < 20 ms', value: `${best.api.latency.p99} ms`, pass: best.api.latency.p99 < 20 },
  { target: 'zero errors', value: String(errorsOf(best.api)), pass: measured.every((m) => errorsOf(m.api) === 0) },
  { target: '≥ 40% of bare Express', value: `${(share * 100).toFixed(1)}%`, pass: share >= 0.4 },
];
console.log(`best of ${runs} (run ${bestIndex + 1}); load average after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}; ${logLines.toLocaleString('en')} requests in the access log`);
for (const t of targets) console.log(`${t.pass ? 'pass' : 'FAIL'}  ${t.target.padEnd(24)} ${t.value}`);
if (values.json) {
  const result = {
    connections,
    seconds: duration,
    runs: measured.map((m) => ({ api: summary(m.api), bare: summary(m.bare), share: m.api.requests.average / m.bare.requests.average })),
    best: bestIndex,
    loadAverage: { before: loadBefore, after: loadAfter },
    accessLogLines: logLines,
    targets,
  };
  console.log(JSON.stringify(result));
}
