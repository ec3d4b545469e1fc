/**
 * The option defaults and parsers the command tree needs before any command runs. Kept apart from the commands, with
 * no heavy imports, so `program.ts` can load each command's module (graph-core, the store, the matcher, the API) only
 * when that command runs: `bridgework --help` or `stats` need not load express or the matcher.
 */
import type { BetweennessMode } from '@bridgework/graph-core';

/** Nodes drawn at most on `analyze`'s report map. */
export const DEFAULT_MAP_NODES = 2000;

/** `exact` or `sampled:K`. */
export function parseBetweenness(text: string): BetweennessMode {
  if (text === 'exact') return 'exact';
  const m = /^sampled:(\d+)$/.exec(text);
  if (m && Number(m[1]) >= 1) return { sampled: Number(m[1]) };
  throw new Error(`cli/analyze: --betweenness must be exact or sampled:K with K ≥ 1, not ${JSON.stringify(text)}`);
}

/** A test fraction strictly between 0 and 1. */
export function parseTestFraction(text: string): number {
  const f = Number(text);
  if (text.trim() === '' || !(f > 0 && f < 1)) {
    throw new Error(`cli/evaluate: --test-fraction must be a number strictly between 0 and 1, not ${JSON.stringify(text)}`);
  }
  return f;
}

/** A history fraction in (0, 1]. */
export function parseHistoryFraction(text: string): number {
  const f = Number(text);
  if (text.trim() === '' || !(f > 0 && f <= 1)) {
    throw new Error(`cli/evaluate: --history-fraction must be a number in (0, 1], not ${JSON.stringify(text)}`);
  }
  return f;
}

/** Two or more history fractions in (0, 1], comma-separated, increasing (a rolling-origin evaluation). */
export function parseRollingFractions(text: string): number[] {
  const parts = text.split(',').map((x) => x.trim());
  const values = parts.map((x) => Number(x));
  const bad = parts.findIndex((x, i) => x === '' || !(values[i]! > 0 && values[i]! <= 1));
  if (bad >= 0) throw new Error(`cli/evaluate: --rolling takes history fractions in (0, 1] separated by commas; ${JSON.stringify(parts[bad])} is not one`);
  if (values.length < 2) throw new Error(`cli/evaluate: --rolling needs at least two fractions (e.g. 0.5,0.75,1), not ${JSON.stringify(text)}`);
  for (let i = 1; i < values.length; i++) {
    if (!(values[i]! > values[i - 1]!)) throw new Error(`cli/evaluate: --rolling fractions must increase, but ${values[i]} follows ${values[i - 1]}`);
  }
  return values;
}

/** The formats `export` writes. */
export const EXPORT_FORMATS = ['json', 'csv', 'gexf', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Where `serve` and `start` listen by default: the API server's own defaults (checked equal in serve.test.ts). */
export const SERVE_DEFAULTS = { port: 8080, host: '127.0.0.1' } as const;
