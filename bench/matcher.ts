/**
 * The matcher benchmark (`pnpm bench --only matcher`, or on its own: `node --expose-gc --import tsx bench/matcher.ts [--n 100000] [--seed 42]
 * [--queries 1000] [--caseload 500] [--attendees 60] [--table-size 6] [--likelihood learned|resource-allocation]`).
 *
 * The graph: bench/domain.ts's seeded domain graph of n people (undated ties). Nothing here reads the clock except
 * the timers.
 *
 * Measured (after one untimed warm-up pass over the same queries):
 * - index: `buildSuggestIndex` once (projection with shared-event ties, Louvain, masks), not a target;
 * - link model: `fitDomainLinkModel` once (the product's learned likelihood, as the API fits it per snapshot; the
 *   domain ties carry last contacts but no since dates), not a target; skipped with `--likelihood resource-allocation`;
 * - person: `suggestIntroductions(graph, id, { now, index, k: 10, linkScorer })` with the sentences, for `--queries`
 *   seeded random consenting members — p50 < 1 ms, p99 < 5 ms;
 * - caseload: `suggestForCaseload` for `--caseload` seeded random members, k = 10 — < 1 s;
 * - event: `planEventTables` for `--attendees` seeded random people in tables of `--table-size` — < 1 s.
 * With `--expose-gc` (bench/run.ts passes it) the build's garbage is collected before each timed phase. Prints a
 * table and, as its last line, the results as JSON (bench/run.ts reads it).
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { buildSuggestIndex, fitDomainLinkModel, planEventTables, suggestForCaseload, suggestIntroductions, type LinkScorer } from '../packages/matcher/src/index.js';
import { buildDomain, NOW } from './domain.js';
import { mulberry32 } from './generate.js';
import { mb, mean, ms, quantile, table, us } from './util.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    n: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    queries: { type: 'string', default: '1000' },
    caseload: { type: 'string', default: '500' },
    attendees: { type: 'string', default: '60' },
    'table-size': { type: 'string', default: '6' },
    likelihood: { type: 'string', default: 'resource-allocation' },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);
const queryCount = Number(values.queries);
const caseloadSize = Number(values.caseload);
const attendeeCount = Number(values.attendees);
const tableSize = Number(values['table-size']);
const likelihood = values.likelihood;
if (likelihood !== 'learned' && likelihood !== 'resource-allocation') throw new Error(`--likelihood must be learned or resource-allocation, not ${likelihood}`);
// ---------------------------------------------------------------- the measurements

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

function main(): void {
let t = performance.now();
const { graph, members, people } = buildDomain(n, seed);
const buildMs = performance.now() - t;
console.log(`matcher: domain graph of ${graph.nodeCount.toLocaleString('en')} nodes and ${graph.tieCount.toLocaleString('en')} ties built in ${ms(buildMs)} (seed ${seed})`);

t = performance.now();
const index = buildSuggestIndex(graph, { now: NOW, seed });
const indexMs = performance.now() - t;
const heap = getHeapStatistics();
console.log(
  `matcher: index (${index.g.n.toLocaleString('en')} people, ${index.g.m.toLocaleString('en')} social ties, ${index.communityCount} communities) built in ${ms(indexMs)}; ` +
    `JS heap ${mb(heap.used_heap_size)} of ${mb(heap.heap_size_limit)}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
);

let linkScorer: LinkScorer | undefined;
let fitMs = 0;
let fitInfo: { source: string; queries: number; positives: number; events: number } | null = null;
if (likelihood === 'learned') {
  t = performance.now();
  const fitted = fitDomainLinkModel(graph, { now: NOW, seed });
  fitMs = performance.now() - t;
  linkScorer = fitted.scorer;
  fitInfo = { source: fitted.fit.source, queries: fitted.fit.queries, positives: fitted.fit.positives, events: fitted.events.count };
  console.log(
    `matcher: link model (${fitted.fit.source}, ${fitted.events.count.toLocaleString('en')} contact events, ${fitted.fit.queries} learning queries) fitted in ${ms(fitMs)}; ` +
      `JS heap ${mb(getHeapStatistics().used_heap_size)}`,
  );
}

/** With --expose-gc, collect the build's garbage before each timed phase, so it is not charged to the queries. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();
collect();
const rand = mulberry32(seed + 11);
const queries = Array.from({ length: queryCount }, () => members[Math.floor(rand() * members.length)]!);
let sink = 0;
for (const id of queries) sink += suggestIntroductions(graph, id, { now: NOW, index, k: 10, linkScorer }).suggestions.length; // warm-up
const timesUs: number[] = [];
const cpuUs: number[] = [];
const counts: number[] = [];
const considered: number[] = [];
for (const id of queries) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = suggestIntroductions(graph, id, { now: NOW, index, k: 10, linkScorer });
  timesUs.push((performance.now() - t0) * 1000);
  const c = process.cpuUsage(c0);
  cpuUs.push(c.user + c.system);
  counts.push(r.suggestions.length);
  considered.push(r.considered);
}

const caseload: string[] = [];
const chosen = new Set<string>();
while (caseload.length < Math.min(caseloadSize, members.length)) {
  const id = members[Math.floor(rand() * members.length)]!;
  if (!chosen.has(id)) (chosen.add(id), caseload.push(id));
}
suggestForCaseload(graph, caseload.slice(0, 50), { now: NOW, index, k: 10, linkScorer }); // warm-up
collect();
const caseloadRuns: number[] = [];
let caseloadSuggestions = 0;
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const res = suggestForCaseload(graph, caseload, { now: NOW, index, k: 10, linkScorer });
  caseloadRuns.push(performance.now() - t0);
  caseloadSuggestions = res.members.reduce((a, m) => a + m.suggestions.length, 0);
}

const attendees = new Set<string>();
while (attendees.size < attendeeCount) attendees.add(people[Math.floor(rand() * people.length)]!);
planEventTables(graph, [...attendees], { now: NOW, index, tableSize, seed }); // warm-up
collect();
const eventRuns: number[] = [];
let eventResult: ReturnType<typeof planEventTables> | null = null;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  eventResult = planEventTables(graph, [...attendees], { now: NOW, index, tableSize, seed: seed + r });
  eventRuns.push(performance.now() - t0);
}

const p50 = quantile(timesUs, 0.5);
const p99 = quantile(timesUs, 0.99);
const caseloadMs = quantile(caseloadRuns, 0.5);
const eventMs = quantile(eventRuns, 0.5);
const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL');
console.log(
  table(
    ['measure', 'result', 'target', 'verdict', 'notes'],
    [
      ['index build', ms(indexMs), '—', '', 'once per graph and now'],
      ['link model fit', likelihood === 'learned' ? ms(fitMs) : '—', '—', '', likelihood === 'learned' ? `once per graph and now (${fitInfo!.source}, ${fitInfo!.queries} queries)` : 'resource allocation: no fit'],
      ['person p50', us(p50), '< 1 ms', verdict(p50 < 1000), `${queryCount} members, k = 10, with sentences; mean ${us(mean(timesUs))}`],
      ['person p99', us(p99), '< 5 ms', verdict(p99 < 5000), `candidates considered p50 ${quantile(considered, 0.5)}, p99 ${quantile(considered, 0.99)}`],
      ['person CPU p50 / p99', `${us(quantile(cpuUs, 0.5))} / ${us(quantile(cpuUs, 0.99))}`, '', '', 'process CPU time per query (getrusage, µs resolution): the work without waiting for a core'],
      [`caseload of ${caseload.length}`, ms(caseloadMs), '< 1 s', verdict(caseloadMs < 1000), `median of 3; ${caseloadSuggestions} suggestions`],
      [`event, ${attendeeCount} in tables of ${tableSize}`, ms(eventMs), '< 1 s', verdict(eventMs < 1000), `median of 5; objective ${eventResult!.objective.toFixed(1)} vs random ${eventResult!.randomObjective.toFixed(1)}`],
    ],
  ),
);
if (sink < 0) console.log(sink);
console.log(
  JSON.stringify({
    nodes: graph.nodeCount,
    ties: graph.tieCount,
    domainBuildMs: buildMs,
    indexMs,
    likelihood,
    linkModel: likelihood === 'learned' ? { fitMs, ...fitInfo } : null,
    heapUsedBytes: heap.used_heap_size,
    heapLimitBytes: heap.heap_size_limit,
    person: { queries: queryCount, p50Us: p50, p99Us: p99, meanUs: mean(timesUs), cpuP50Us: quantile(cpuUs, 0.5), cpuP99Us: quantile(cpuUs, 0.99), loadAverage: loadavg(), suggestionsP50: quantile(counts, 0.5), consideredP50: quantile(considered, 0.5) },
    caseload: { members: caseload.length, runsMs: caseloadRuns, medianMs: caseloadMs, suggestions: caseloadSuggestions },
    event: { attendees: attendeeCount, tableSize, runsMs: eventRuns, medianMs: eventMs, objective: eventResult!.objective, randomObjective: eventResult!.randomObjective },
  }),
);
}
