/**
 * One load measurement in a fresh process (spawned by run.ts with --expose-gc), so that peaks of different loaders
 * never mix. Usage: load-child.ts <mode> <file.tsv>. Prints one JSON line.
 *
 * Memory method: the file text is read and the heap collected first; then the kernel's peak-RSS mark is reset
 * (writing "5" to /proc/self/clear_refs, Linux ≥ 4.0) and the load runs; the peak is read back from VmHWM in
 * /proc/self/status. `peakDelta` = peak − RSS just before the load: what the load itself needed at its worst. Where
 * the reset is not possible, the process's lifetime peak (getrusage ru_maxrss) is used and `peakMethod` says so.
 * `retained` = growth of V8 heap-used + external (typed-array) memory after two full collections: the size of the
 * structure the load leaves behind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseEdgeText } from '../packages/graph-core/src/index.js';
import { loadCompact, loadDomainGraph, loadGraphologyAdd, loadGraphologyMerge, projectGraph } from './loaders.js';

const [mode, file] = process.argv.slice(2);
if (!mode || !file) throw new Error('usage: load-child.ts <mode> <file.tsv>');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('load-child.ts needs node --expose-gc');

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}

const collect = () => {
  gc();
  gc();
};
const used = () => {
  const u = process.memoryUsage();
  return u.heapUsed + u.external;
};

const text = readFileSync(file, 'utf8');
let extra: Record<string, number> = {};
let prepared: unknown = null;
if (mode === 'project') {
  // The domain graph is the input here, built before the measurement.
  const t = performance.now();
  prepared = loadDomainGraph(text);
  extra = { domainBuildMs: performance.now() - t };
}
collect();
const usedBefore = used();
const baseRss = process.memoryUsage().rss;
const reset = resetPeak();
const t0 = performance.now();
let result: unknown;
let nodes = 0;
let edges = 0;
switch (mode) {
  case 'parse': {
    const p = parseEdgeText(text, { delimiter: '\t', weightColumn: 2 });
    [result, nodes, edges] = [p, p.ids.length, p.edges];
    break;
  }
  case 'compact': {
    const g = loadCompact(text);
    [result, nodes, edges] = [g, g.n, g.m];
    break;
  }
  case 'graphology-merge':
  case 'graphology-add': {
    const g = mode === 'graphology-merge' ? loadGraphologyMerge(text) : loadGraphologyAdd(text);
    [result, nodes, edges] = [g, g.order, g.size];
    break;
  }
  case 'project': {
    const g = projectGraph(prepared as Parameters<typeof projectGraph>[0]);
    [result, nodes, edges] = [g, g.n, g.m];
    break;
  }
  default:
    throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - t0;
const peak = peakRss();
collect();
const retained = used() - usedBefore;
if (result === null) throw new Error('unreachable');
console.log(
  JSON.stringify({
    mode,
    ms,
    nodes,
    edges,
    baseRss,
    peakRss: peak,
    peakDelta: peak - baseRss,
    retained,
    peakMethod: reset ? 'VmHWM after clear_refs' : 'ru_maxrss (lifetime)',
    ...extra,
  }),
);
