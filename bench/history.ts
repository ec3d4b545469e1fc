/**
 * The members' progress benchmark (`pnpm bench --only history`, or on its own: `node --expose-gc --import tsx
 * bench/history.ts [--n 100000] [--seed 42] [--members 1000]`): what the coach's caseload ("Since last month") and a
 * member's progress page cost, computed as the API computes them (packages/api/src/routes/analytics.ts,
 * `analysisSnapshots().history`): graph-core's `networkAsOf` — the network as it stood at a date, one projection —
 * for now and each month back, from the domain's ties read once (`domainTieTable`), then `egoHealth` per member and
 * month, read locally.
 *
 * The graph: bench/domain.ts's domain graph of n people with **dated** ties (since dates up to a year before each
 * tie's last contact), so the months differ in ties as well as in decay. Measured:
 * - tie table: `domainTieTable` once (the API reads it once per snapshot);
 * - whole network as of a date: `networkAsOf` for now and 1 … 6 months back from that table (each once; median and max);
 * - member's month: `egoHealth(net, id, previous)` for `--members` seeded random members at one month (p50, p99);
 * - a coach's caseload on a cold snapshot: the tie table, then 3 networks (now, 1 and 2 months back) projected around
 *   the members of the largest caseload + 2 points per member — what the first caseload request of a snapshot costs;
 * - a member's progress on a cold snapshot: the tie table, 7 networks around the member + 7 points;
 * - every member's last two points (the admin's whole-service caseload: the API projects whole networks for more than
 *   `HISTORY_AROUND_LIMIT` people) once the 3 whole networks exist.
 * No targets are set by an issue; the results are recorded in docs/benchmarks.md. Prints a table and, as its last
 * line, the results as JSON (bench/run.ts reads it).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { domainTieTable, egoHealth, monthsBefore, networkAsOf, type NetworkAsOf, type TieTable } from '../packages/graph-core/src/index.js';
import { buildDomain, NOW } from './domain.js';
import { mulberry32 } from './generate.js';
import { median, ms, quantile, table, us } from './util.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    n: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    members: { type: 'string', default: '1000' },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);
const sampleSize = Number(values.members);
const MONTHS = 6;
const collect = () => (globalThis as { gc?: () => void }).gc?.();

let t = performance.now();
const { graph } = buildDomain(n, seed, { dated: true });
console.log(`history: dated domain graph of ${graph.nodeCount.toLocaleString('en')} nodes and ${graph.tieCount.toLocaleString('en')} ties built in ${ms(performance.now() - t)} (seed ${seed})`);
// Every member (consenting or not: a coach sees the progress of all their members), by coach.
const byCoach = new Map<string, string[]>();
const allMembers: string[] = [];
for (const p of graph.people()) {
  if (!p.roles.includes('member')) continue;
  allMembers.push(p.id);
  if (p.coachId) byCoach.set(p.coachId, [...(byCoach.get(p.coachId) ?? []), p.id]);
}
const largest = [...byCoach.values()].reduce((a, b) => (b.length > a.length ? b : a), []);

// Networks as of now and each month back: one projection each.
collect();
const networks: NetworkAsOf[] = [];
const projectMs: number[] = [];
t = performance.now();
const sharedTable = domainTieTable(graph);
const tableMs = performance.now() - t;
for (let k = 0; k <= MONTHS; k++) {
  const t0 = performance.now();
  networks.push(networkAsOf(graph, monthsBefore(NOW, k), { weighted: true, table: sharedTable }));
  projectMs.push(performance.now() - t0);
}
const tiesAt = networks.map((net) => net.g.m);

// One member's month, read from existing networks.
const rand = mulberry32(seed + 17);
const sample = Array.from({ length: sampleSize }, () => allMembers[Math.floor(rand() * allMembers.length)]!);
let sink = 0;
for (const id of sample) sink += egoHealth(networks[0]!, id, networks[1]).size; // warm-up
const pointUs: number[] = [];
for (const id of sample) {
  const t0 = performance.now();
  sink += egoHealth(networks[0]!, id, networks[1]).tiesGained;
  pointUs.push((performance.now() - t0) * 1000);
}

/**
 * The API's cold path (analytics.ts `history`): the domain's ties read once, then each month's network projected on
 * first use around the people asked for (a caseload, one member).
 */
function cold(ids: readonly string[], months: number): number {
  collect();
  const t0 = performance.now();
  const nets = new Map<number, NetworkAsOf>();
  let table: TieTable | undefined;
  const back = (k: number) => {
    let net = nets.get(k);
    if (!net) nets.set(k, (net = networkAsOf(graph, monthsBefore(NOW, k), { weighted: true, table: (table ??= domainTieTable(graph)), around: ids })));
    return net;
  };
  for (const id of ids) for (let k = months; k >= 0; k--) sink += egoHealth(back(k), id, k < MONTHS ? back(k + 1) : undefined).size;
  return performance.now() - t0;
}
const caseloadMs = median([cold(largest, 1), cold(largest, 1), cold(largest, 1)]);
const progressMs = median([cold(largest.slice(0, 1), MONTHS), cold(largest.slice(0, 1), MONTHS), cold(largest.slice(0, 1), MONTHS)]);
collect();
t = performance.now();
for (const id of allMembers) for (let k = 1; k >= 0; k--) sink += egoHealth(networks[k]!, id, networks[k + 1]).size;
const everyoneMs = performance.now() - t;

console.log(
  table(
    ['measure', 'result', 'notes'],
    [
      ['tie table', ms(tableMs), 'domainTieTable: the ties read once per snapshot, shared by every month'],
      ['whole network as of a date', `${ms(median(projectMs))} (max ${ms(Math.max(...projectMs))})`, `networkAsOf for now and ${MONTHS} months back; ties ${tiesAt[MONTHS]!.toLocaleString('en')} → ${tiesAt[0]!.toLocaleString('en')}`],
      ['member, one month p50', us(quantile(pointUs, 0.5)), `${sampleSize} seeded members; egoHealth with ties gained`],
      ['member, one month p99', us(quantile(pointUs, 0.99)), ''],
      [`caseload of ${largest.length}, cold`, ms(caseloadMs), 'tie table + 3 networks around the members + 2 points each (median of 3): the first caseload request of a snapshot'],
      ['member progress, cold', ms(progressMs), `tie table + ${MONTHS + 1} networks around the member + ${MONTHS + 1} points (median of 3): the first progress page of a snapshot`],
      [`all ${allMembers.length.toLocaleString('en')} members, warm`, ms(everyoneMs), 'last two points each, networks already projected'],
    ],
  ),
);
console.log(`history: load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
if (sink < 0) console.log(sink);
console.log(
  JSON.stringify({
    nodes: graph.nodeCount,
    ties: graph.tieCount,
    members: allMembers.length,
    tieTableMs: tableMs,
    networkAsOfMs: { median: median(projectMs), max: Math.max(...projectMs) },
    memberPointUs: { p50: quantile(pointUs, 0.5), p99: quantile(pointUs, 0.99) },
    caseload: { members: largest.length, coldMs: caseloadMs },
    progressColdMs: progressMs,
    everyoneWarmMs: everyoneMs,
  }),
);
