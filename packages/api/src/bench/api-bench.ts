/**
 * API benchmark (autocannon over loopback): suggestion requests with a coach key against the demo town, and a bare
 * Express endpoint measured in the same run. The server runs in a child process so the load generator does not
 * share its event loop. Targets (issue 5): ≥ 3 000 requests/s, p99 < 20 ms, zero errors, ≥ 40% of bare Express.
 *
 *   npx tsx packages/api/src/bench/api-bench.ts [--seconds 10] [--connections 10]
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
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

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);

const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./serve-demo.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
const info = await new Promise<{ url: string; bareUrl: string; key: string; coachId: string; members: string[] }>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const line = out.split('\n')[0];
    if (out.includes('\n') && line) resolve(JSON.parse(line));
  });
  child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

try {
  const paths = info.members.map((id) => `/v1/people/${encodeURIComponent(id)}/suggestions?k=10`);
  // Warm up (builds the graph snapshot and index once).
  await autocannon({ url: info.url, duration: 2, connections, requests: paths.map((path) => ({ method: 'GET', path })), headers: { authorization: `Bearer ${info.key}` } });
  const api = await autocannon({
    url: info.url,
    duration,
    connections,
    requests: paths.map((path) => ({ method: 'GET', path })),
    headers: { authorization: `Bearer ${info.key}` },
  });
  await autocannon({ url: info.bareUrl, duration: 2, connections });
  const bare = await autocannon({ url: info.bareUrl, duration, connections });
  const row = (name: string, r: Result) =>
    `${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx + r.timeouts}`;
  console.log(`demo town, coach ${info.coachId} with ${info.members.length} consenting members; ${connections} connections, ${duration} s each`);
  console.log(row('suggestions (coach key)', api));
  console.log(row('bare Express', bare));
  const share = api.requests.average / bare.requests.average;
  console.log(`suggestions / bare: ${(share * 100).toFixed(1)}%`);
  const checks = [
    ['≥ 3000 req/s', api.requests.average >= 3000],
    ['p99 < 20 ms', api.latency.p99 < 20],
    ['zero errors', api.errors + api.non2xx + api.timeouts === 0],
    ['≥ 40% of bare Express', share >= 0.4],
  ] as const;
  for (const [name, ok] of checks) console.log(`${ok ? 'pass' : 'FAIL'}  ${name}`);
} finally {
  child.kill('SIGTERM');
}
